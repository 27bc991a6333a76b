<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AreaPage</name>
    <message>
      <location filename="dialogs/area_page.ui" line="0" />
      <source>Project area</source>
      <translation>项目区</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.ui" line="0" />
      <source>Use an existing boundary, or pick the villages whose parcels make up the project area.</source>
      <translation>使用已有的项目区边界，或勾选村，以其地类图斑组成项目区。</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.ui" line="0" />
      <source>An existing polygon layer</source>
      <translation>已有面图层</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.ui" line="0" />
      <source>Selected features only</source>
      <translation>仅选中的要素</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.ui" line="0" />
      <source>Villages of the DLTB (ZLDWDM)</source>
      <translation>地类图斑中的村（ZLDWDM）</translation>
    </message>
  </context>
  <context>
    <name>DltbPage</name>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Land-use parcels (DLTB)</source>
      <translation>地类图斑（DLTB）</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Choose the township's land-use parcel layer (DLTB) of the land survey and check how its fields were recognised.</source>
      <translation>选择本乡镇的三调地类图斑（DLTB）图层，并核对字段识别结果。</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>DLTB layer</source>
      <translation>地类图斑图层</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Coordinate system</source>
      <translation>坐标系</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Field mapping (detected automatically; change a field if your data names it differently)</source>
      <translation>字段映射（已自动识别；如数据中的字段名称不同，请修改对应字段）</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Meaning</source>
      <translation>含义</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Data check</source>
      <translation>数据质检</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Run the data check (checkdata) on this layer in the background and load the parcels with findings</source>
      <translation>在后台对此图层运行数据质检（checkdata），并加载有问题的图斑</translation>
    </message>
  </context>
  <context>
    <name>DraftDialog</name>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>Draft a plan</source>
      <translation>编制方案草案</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>Layers and period (from the wizard)</source>
      <translation>图层与实施期限（取自向导）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>Targets</source>
      <translation>目标</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>New cultivated land (% of the original cultivated land), at least</source>
      <translation>新增耕地不少于（占原耕地 %）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>Construction land needed (m², reclaimed at least)</source>
      <translation>所需建设用地（m²，至少拆旧复垦）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>Budget (yuan), at most</source>
      <translation>预算上限（元）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>No draft yet: set the targets and press Draft.</source>
      <translation>尚无草案：请设定目标后点击“编制”。</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>Map of the draft</source>
      <translation>草案地图</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>Candidates</source>
      <translation>候选图斑</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>Untick a chosen parcel to leave it out, tick another one to take it in, then rerun.</source>
      <translation>取消勾选已选图斑即排除，勾选其他图斑即必选，然后重新编制。</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>Only the chosen and the locked parcels</source>
      <translation>仅显示选入和锁定的图斑</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>Clear the locks</source>
      <translation>清除锁定</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>Draft</source>
      <translation>编制</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>Use this draft</source>
      <translation>采用此草案</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.ui" line="0" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Export scheme tables and maps</source>
      <translation>实施方案表格与图件导出</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Project file</source>
      <translation>项目文件</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Area unit</source>
      <translation>面积单位</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Decimals</source>
      <translation>小数位数</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Workbook (.xlsx)</source>
      <translation>工作簿（.xlsx）</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Also CSV per table in</source>
      <translation>同时将每张表导出为 CSV，保存到</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Tables</source>
      <translation>表格</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Maps</source>
      <translation>图件</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Paper</source>
      <translation>纸张</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Maps (.pdf)</source>
      <translation>图件（.pdf）</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Export maps</source>
      <translation>图件导出</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Open the file when it is written</source>
      <translation>写出后打开文件</translation>
    </message>
  </context>
  <context>
    <name>FactsPage</name>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Project facts</source>
      <translation>项目信息</translation>
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Name the project and set its implementation period (at most 3 years, both ends counted).</source>
      <translation>填写项目名称并设置实施期限（不超过 3 年，含起止年度）。</translation>
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Project name</source>
      <translation>项目名称</translation>
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Project code</source>
      <translation>项目编号</translation>
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>First year</source>
      <translation>开始年度</translation>
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Last year</source>
      <translation>结束年度</translation>
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Responsible unit</source>
      <translation>实施主体</translation>
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Prepared by</source>
      <translation>编制单位</translation>
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Date of preparation</source>
      <translation>编制日期</translation>
    </message>
  </context>
  <context>
    <name>LandConsolidation</name>
    <message>
      <location filename="core/checkdata.py" line="100" />
      <source>Garbled text (wrong encoding)</source>
      <translation>文字编码异常</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="79" />
      <source>Geometry is NULL</source>
      <translation>几何为空（NULL）</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="80" />
      <source>Geometry is empty</source>
      <translation>几何为空</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="81" />
      <source>Invalid geometry</source>
      <translation>几何无效</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="82" />
      <source>Parcel recorded twice (same geometry)</source>
      <translation>图斑重复（几何相同）</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="83" />
      <source>Parcels overlap</source>
      <translation>图斑相互重叠</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="84" />
      <source>Duplicate BSM</source>
      <translation>标识码 BSM 重复</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="85" />
      <source>Empty land-use code</source>
      <translation>地类编码为空</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="86" />
      <source>Land-use code not in the land-survey code table</source>
      <translation>地类编码不在三调地类表中</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="87" />
      <source>Text in a number field</source>
      <translation>数值字段为非数字文本</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="88" />
      <source>Number is NaN or infinite</source>
      <translation>数值为 NaN 或无穷大</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="89" />
      <source>Negative area</source>
      <translation>面积为负</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="90" />
      <source>Parcel area is 0</source>
      <translation>图斑面积为 0</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="91" />
      <source>KCMJ larger than TBMJ</source>
      <translation>扣除地类面积 KCMJ 大于图斑面积 TBMJ</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="92" />
      <source>TBDLMJ ≠ TBMJ − KCMJ</source>
      <translation>TBDLMJ ≠ TBMJ − KCMJ</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="93" />
      <source>TBMJ differs from the ellipsoidal area</source>
      <translation>TBMJ 与椭球面积不符</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="94" />
      <source>KCXS outside [0, 1)</source>
      <translation>扣除地类系数 KCXS 超出 [0, 1)</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="95" />
      <source>GDDB outside 1–15</source>
      <translation>耕地等别 GDDB 超出 1–15</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="96" />
      <source>Field ridges deducted from land that is not cultivated</source>
      <translation>非耕地图斑填有田坎扣除</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="97" />
      <source>Invalid CZCSXM</source>
      <translation>城镇村属性码无效</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="98" />
      <source>CZCSXM missing</source>
      <translation>缺少城镇村属性码</translation>
    </message>
    <message>
      <location filename="core/checkdata.py" line="99" />
      <source>CZCSXM does not fit the land-use code</source>
      <translation>城镇村属性码与地类不符</translation>
    </message>
    <message>
      <location filename="core/codes.py" line="223" />
      <source>Code list {label}: not understood: {items}. Separate the land-survey codes with commas, semicolons or spaces, e.g. 1006,1107,1203.</source>
      <translation>地类编码列表 {label} 中有无法识别的项：{items}。编码之间请用逗号、分号、顿号或空格分隔，如 1006,1107,1203。</translation>
    </message>
    <message>
      <location filename="core/codes.py" line="32" />
      <source>agricultural land</source>
      <translation>农用地</translation>
    </message>
    <message>
      <location filename="core/codes.py" line="32" />
      <source>construction land</source>
      <translation>建设用地</translation>
    </message>
    <message>
      <location filename="core/codes.py" line="33" />
      <source>unused land</source>
      <translation>未利用地</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="407" />
      <source>not checked</source>
      <translation>未核验</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="407" />
      <source>passed</source>
      <translation>通过</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="407" />
      <source>failed</source>
      <translation>不通过</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="80" />
      <source>New cultivated land rate</source>
      <translation>新增耕地比例</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="81" />
      <source>Quality grade of the new cultivated land (not below the county mean)</source>
      <translation>新增耕地质量等别（不低于县域耕地平均等别）</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="82" />
      <source>No new cultivated land inside the ecological protection red line</source>
      <translation>新增耕地不在生态保护红线内</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="83" />
      <source>No new cultivated land on slopes over 25°</source>
      <translation>新增耕地不在25°以上陡坡</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="84" />
      <source>Net gain of permanent basic farmland</source>
      <translation>新增永久基本农田比例</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="85" />
      <source>Share of permanent basic farmland moved out</source>
      <translation>永久基本农田调出比例</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="86" />
      <source>Permanent basic farmland moved in not steeper than moved out</source>
      <translation>永久基本农田调入坡度不高于调出</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="87" />
      <source>Quality of cultivated land (mean grade not worse)</source>
      <translation>耕地质量（平均等别不降低）</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="88" />
      <source>In/out balance of cultivated land (area)</source>
      <translation>耕地进出平衡（数量）</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="89" />
      <source>In/out balance of cultivated land (quality)</source>
      <translation>耕地进出平衡（质量）</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="90" />
      <source>Construction land not increased</source>
      <translation>建设用地总量不增加</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="91" />
      <source>New construction not above reclaimed construction land</source>
      <translation>建新不超过拆旧复垦</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="92" />
      <source>Implementation period</source>
      <translation>实施期限</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="93" />
      <source>No planned new construction land inside the ecological protection red line</source>
      <translation>规划新增建设用地不占生态保护红线</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="94" />
      <source>No planned construction land on permanent basic farmland</source>
      <translation>规划建设用地不占永久基本农田</translation>
    </message>
    <message>
      <location filename="core/compliance.py" line="95" />
      <source>One township as the unit of implementation</source>
      <translation>以乡镇为实施单元</translation>
    </message>
    <message>
      <location filename="core/conflicts.py" line="262" />
      <source>{n} conflict part(s) under {limit:g} m² (together {area:.2f} m²) lie along the boundary of a constraint layer drawn apart from the parcels and were left out.</source>
      <translation>{n} 处小于 {limit:g} m² 的冲突部分（合计 {area:.2f} m²）位于约束图层与图斑界线不一致处，已剔除。</translation>
    </message>
    <message>
      <location filename="core/conflicts.py" line="329" />
      <source>The slope raster does not cover {n} piece(s) of new cultivated land ({area:.2f} m²); their GDPDJB is used where they have one.</source>
      <translation>坡度栅格未覆盖 {n} 块新增耕地（{area:.2f} m²），有耕地坡度级别（GDPDJB）的按坡度级别判断。</translation>
    </message>
    <message>
      <location filename="core/contiguity.py" line="648" />
      <source>MAX_GAP must not be negative: {gap:g}.</source>
      <translation>最大间隔（MAX_GAP）不能为负：{gap:g}。</translation>
    </message>
    <message>
      <location filename="core/contiguity.py" line="651" />
      <source>MAX_GAP {gap:g} m is over the largest allowed, {limit:g} m: a wider gap is not a road or ditch between fields, and the neighbour search grows with the square of the gap.</source>
      <translation>MAX_GAP {gap:g} m 超过允许的最大值 {limit:g} m：更宽的间隔已不是田块之间的道路或沟渠，且邻近搜索的开销随间隔的平方增长。</translation>
    </message>
    <message>
      <location filename="core/contiguity.py" line="711" />
      <source>Layer '{layer}': {count} multipart parcels of the analysed classes; each of their {parts} parts is a patch of its own (blocks, NP, metrics), with the parcel's areas in proportion to its ellipsoidal area: {labels}</source>
      <translation>图层“{layer}”：分析地类中有 {count} 个多部件图斑，其 {parts} 个部件各作为一个斑块（连片块、斑块数、各项指标），图斑面积按各部件椭球面积比例分摊：{labels}</translation>
    </message>
    <message>
      <location filename="core/contiguity.py" line="850" />
      <source>Block {block}: parcels {labels} could not be dissolved and are missing from its polygon.</source>
      <translation>连片块 {block} 中图斑 {labels} 无法合并，连片块图形中缺少这一部分。</translation>
    </message>
    <message>
      <location filename="core/contiguity.py" line="858" />
      <source>{n} group(s) of overlapping or unevenly noded parcels were dissolved with GEOS.</source>
      <translation>{n} 处相互重叠或节点不一致的图斑组已用 GEOS 合并。</translation>
    </message>
    <message>
      <location filename="core/contiguity.py" line="871" />
      <source>{count} block polygon(s) were invalid for GEOS (boundaries overlapping by coordinate noise) and were dissolved with GEOS instead, pieces and holes under 0.01 m² dropped.</source>
      <translation>{count} 个连片块的多边形因坐标噪声（边界相互重叠）未通过 GEOS 有效性检查，已改用 GEOS 合并，并删除小于 0.01 m² 的碎块和孔洞。</translation>
    </message>
    <message>
      <location filename="core/coordinates.py" line="231" />
      <source>The text of the coordinate file {file} cannot be encoded as {encoding}: {text}.</source>
      <translation>坐标文件 {file} 的文字无法用 {encoding} 编码：{text}。</translation>
    </message>
    <message>
      <location filename="core/coordinates.py" line="319" />
      <source>{file}, line {number}: not understood: {line}</source>
      <translation>{file} 第 {number} 行无法识别：{line}</translation>
    </message>
    <message>
      <location filename="core/coordinates.py" line="323" />
      <source>{file}, parcel {parcel}: {given} boundary points are announced but {found} point lines follow.</source>
      <translation>{file} 地块 {parcel}：界址点数 {given} 与点行数 {found} 不符。</translation>
    </message>
    <message>
      <location filename="core/derived.py" line="117" />
      <source>The project file '{file}' has no layer {layer}.</source>
      <translation>项目文件“{file}”缺少图层 {layer}。</translation>
    </message>
    <message>
      <location filename="core/derived.py" line="236" />
      <source>The plan pieces stored in the project were computed from other data or settings (a layer of the project was edited since, or UNCOVERED, REPAIR_GEOMETRY or the field mapping differ): the plan is computed again.</source>
      <translation>项目中保存的规划叠加图斑是由其他数据或设置计算的（项目图层此后被修改过，或“未覆盖部分”、“修复无效几何”、字段映射不同）：重新计算规划叠加。</translation>
    </message>
    <message>
      <location filename="core/derived.py" line="243" />
      <source>The plan's {n} pieces are read from the project ({table}).</source>
      <translation>规划叠加的 {n} 个图斑从项目文件读取（{table}）。</translation>
    </message>
    <message>
      <location filename="core/derived.py" line="431" />
      <source>{layer}: {n} sliver(s) under 1 m² ({area:.2f} m² in all) are not drawn.</source>
      <translation>{layer}：{n} 个小于 1 m² 的碎片（合计 {area:.2f} m²）未绘出。</translation>
    </message>
    <message>
      <location filename="core/derived.py" line="599" />
      <source>Project area</source>
      <translation>项目区</translation>
    </message>
    <message>
      <location filename="core/derived.py" line="600" />
      <source>Sub-projects</source>
      <translation>子项目</translation>
    </message>
    <message>
      <location filename="core/derived.py" line="601" />
      <source>New cultivated land</source>
      <translation>新增耕地</translation>
    </message>
    <message>
      <location filename="core/derived.py" line="602" />
      <source>Reclaimed construction land</source>
      <translation>拆旧复垦区</translation>
    </message>
    <message>
      <location filename="core/derived.py" line="603" />
      <source>New construction land</source>
      <translation>建新区</translation>
    </message>
    <message>
      <location filename="core/derived.py" line="604" />
      <source>Permanent basic farmland moved out</source>
      <translation>永久基本农田调出</translation>
    </message>
    <message>
      <location filename="core/derived.py" line="605" />
      <source>Permanent basic farmland moved in</source>
      <translation>永久基本农田调入</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="251" />
      <source>The project area is empty (layer '{layer}').</source>
      <translation>项目区为空（图层“{layer}”）。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="296" />
      <source>Layer '{layer}', {parcel}</source>
      <translation>图层“{layer}”{parcel}</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="333" />
      <source>Layer '{layer}': {n} parcel(s) reach into the project area by less than {limit:g} m² each ({area:.6f} m² in all): coordinate noise along its boundary, left out.</source>
      <translation>图层“{layer}”：{n} 个图斑伸入项目区的部分每个都小于 {limit:g} m²（合计 {area:.6f} m²），为项目区边界处的坐标误差，不计入。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="342" />
      <source>The project area does not overlap layer '{layer}'.</source>
      <translation>项目区与图层“{layer}”没有重叠。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="366" />
      <source>Layer '{layer}': {n} parcel(s) have no geometry and cannot be placed inside or outside the project area, so they are not counted: {parcels}.</source>
      <translation>图层“{layer}”有 {n} 个图斑没有几何，无法判断是否在项目区内，未计入：{parcels}。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="373" />
      <source>{n} parcel(s) without TBMJ: their area is computed from the geometry by the land-survey ellipsoidal method.</source>
      <translation>{n} 个图斑无 TBMJ，面积按三调椭球面积公式由几何计算。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="445" />
      <source>Layer '{layer}': {n} parcel(s) with {what}: {parcels}; used {used}.</source>
      <translation>图层“{layer}”有 {n} 个图斑{what}：{parcels}；已改用{used}。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="453" />
      <source>a TBMJ that is not a number (NaN, inf)</source>
      <translation>TBMJ 不是数值（NaN、inf）</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="453" />
      <source>the ellipsoidal area of the geometry</source>
      <translation>按几何计算的椭球面积</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="454" />
      <source>a TBMJ of zero or less</source>
      <translation>TBMJ 小于或等于 0</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="458" />
      <source>a KCXS outside [0, 1)</source>
      <translation>KCXS 不在 [0, 1) 之间</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="458" />
      <source>no field-ridge (tiankan) coefficient</source>
      <translation>不计田坎系数</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="464" />
      <source>a {field} that is negative, not a number or larger than TBMJ</source>
      <translation>{field} 为负、不是数值或大于 TBMJ</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="465" />
      <source>KCMJ = round(TBMJ × KCXS, 2)</source>
      <translation>KCMJ = round(TBMJ × KCXS, 2)</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="465" />
      <source>TBDLMJ = TBMJ − KCMJ</source>
      <translation>TBDLMJ = TBMJ − KCMJ</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="472" />
      <source>a GDDB outside 1–15</source>
      <translation>GDDB 不在 1–15 之间</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="472" />
      <source>no quality grade (left out of the means)</source>
      <translation>视为无等别（不参与平均等别）</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="512" />
      <source>Layer '{layer}': {n} parcel(s) recorded more than once (the same polygon): {pairs}. They would be counted twice; delete the copies (the data check lists them).</source>
      <translation>图层“{layer}”有 {n} 组图斑重复录入（几何相同）：{pairs}。这些图斑会被重复统计；请删除重复的图斑（数据质检会列出）。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="517" />
      <source>Layer '{layer}': {n} BSM(s) are used by several different parcels: {bsm}.</source>
      <translation>图层“{layer}”有 {n} 个标识码用于多个不同的图斑：{bsm}。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="770" />
      <source>Layer '{layer}': {n} parcel(s) with an empty geometry: {parcels}. Complete their geometry or delete them, or run the data check.</source>
      <translation>图层“{layer}”有 {n} 个图斑几何为空：{parcels}；请补全几何或删除这些图斑，或运行数据质检。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="868" />
      <source>Layer '{layer}': {n} parcel(s) with TBMJ − KCMJ ≠ TBDLMJ (difference {gap:.2f} m² in all); class areas are counted by TBDLMJ, field ridges by KCMJ, the total by TBMJ.</source>
      <translation>图层“{layer}”有 {n} 个图斑 TBMJ − KCMJ ≠ TBDLMJ（差值合计 {gap:.2f} m²）；地类面积按 TBDLMJ、田坎按 KCMJ 统计，总面积按 TBMJ。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="876" />
      <source>{code} ({n} parcel(s), {area:.2f} m²)</source>
      <translation>{code}（{n} 个图斑，{area:.2f} m²）</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="878" />
      <source>Layer '{layer}' has codes not in the land-survey code table, counted on rows of their own: {codes}.</source>
      <translation>图层“{layer}”有三调地类表之外的编码，单列统计：{codes}。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="905" />
      <source>'{code}': {n} parcel(s), {area} m²{bsm}</source>
      <translation>“{code}” {n} 个图斑 {area} m²{bsm}</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="906" />
      <source>(empty)</source>
      <translation>（空）</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="910" />
      <source>and {n} more codes</source>
      <translation>另有 {n} 种编码</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="911" />
      <source>Layer '{layer}', field {field}: {count} code(s) not in the land-survey code table ({parcels} parcels): {codes}. Correct them (is {field} the land-use code field?), or set UNKNOWN_CODES to 1 to report them as rows of their own.</source>
      <translation>图层“{layer}”字段 {field} 有 {count} 种三调地类表之外的编码（共 {parcels} 个图斑）：{codes}。请更正编码（{field} 是地类编码字段吗？），或将“未知编码”参数（UNKNOWN_CODES）设为 1，单列统计。</translation>
    </message>
    <message>
      <location filename="core/draft.py" line="256" />
      <source>{key}: {n} BSM(s) are not candidates of the potential survey and were ignored: {list}</source>
      <translation>{key}：{n} 个标识码不是潜力调查的候选图斑，已忽略：{list}</translation>
    </message>
    <message>
      <location filename="core/draft.py" line="262" />
      <source>INCLUDE: {list} cannot be chosen ({reason}).</source>
      <translation>INCLUDE：{list} 不能选入（{reason}）。</translation>
    </message>
    <message>
      <location filename="core/draft.py" line="265" />
      <source>{list} are in both INCLUDE and EXCLUDE: excluded.</source>
      <translation>{list} 同时列于 INCLUDE 和 EXCLUDE：按排除处理。</translation>
    </message>
    <message>
      <location filename="core/draft.py" line="519" />
      <source>the candidates can give at most {have:.2f} m² of new cultivated land, {short:.2f} m² short of the target {want:.2f} m² ({rate:g} % of {base:.2f} m² of cultivated land)</source>
      <translation>候选图斑最多可新增耕地 {have:.2f} m²，距目标 {want:.2f} m²（耕地 {base:.2f} m² 的 {rate:g} %）尚差 {short:.2f} m²</translation>
    </message>
    <message>
      <location filename="core/draft.py" line="525" />
      <source>the reclamation candidates give at most {have:.2f} m², {short:.2f} m² short of NEW_BUILD_M2 {want:.2f} m²</source>
      <translation>复垦候选最多 {have:.2f} m²，距所需建设用地 NEW_BUILD_M2 {want:.2f} m² 尚差 {short:.2f} m²</translation>
    </message>
    <message>
      <location filename="core/draft.py" line="536" />
      <source>{n} eligible candidates, more than the exact solver is given ({limit}): the greedy selection with repair is used; the gap to the lower bound says how close it is.</source>
      <translation>可选候选图斑 {n} 个，超过精确求解的上限（{limit} 个）：采用贪心法加修正的选择；与下界的差距说明其接近程度。</translation>
    </message>
    <message>
      <location filename="core/draft.py" line="543" />
      <source>The MILP solver found no selection; the greedy selection is kept.</source>
      <translation>整数规划求解器未找到解，采用贪心法的选择。</translation>
    </message>
    <message>
      <location filename="core/draft.py" line="548" />
      <source>SciPy's milp and the greedy method both ran; the greedy selection was {saving:.2f} yuan cheaper and is kept.</source>
      <translation>SciPy 的 milp 整数规划与贪心法均已运行；贪心法的选择便宜 {saving:.2f} 元，予以采用。</translation>
    </message>
    <message>
      <location filename="core/draft.py" line="553" />
      <source>no selection reaches the targets</source>
      <translation>没有能达到目标的选择</translation>
    </message>
    <message>
      <location filename="core/draft.py" line="562" />
      <source>within the budget {budget:.2f} yuan no selection reaches the targets: the cheapest costs {need:.2f} yuan</source>
      <translation>在预算 {budget:.2f} 元内没有能达到目标的选择：最省的方案需要 {need:.2f} 元</translation>
    </message>
    <message>
      <location filename="core/ellipsoid.py" line="301" />
      <source>the coordinate system {crs} of layer {layer}</source>
      <translation>图层 {layer} 的坐标系 {crs}</translation>
    </message>
    <message>
      <location filename="core/ellipsoid.py" line="302" />
      <source>the coordinate system {crs}</source>
      <translation>坐标系 {crs}</translation>
    </message>
    <message>
      <location filename="core/ellipsoid.py" line="311" />
      <source>Cannot determine the ellipsoid of the coordinate system {crs}.</source>
      <translation>无法确定坐标系 {crs} 的椭球参数。</translation>
    </message>
    <message>
      <location filename="core/ellipsoid.py" line="362" />
      <source>The ellipsoidal area cannot be computed: {label} is invalid; assign a CGCS2000 Gauss-Krüger coordinate system (e.g. EPSG:4528 or EPSG:4549) to the layer.</source>
      <translation>{label} 无效，无法计算椭球面积；请为图层指定 CGCS2000 高斯-克吕格坐标系（如 EPSG:4528 或 EPSG:4549）。</translation>
    </message>
    <message>
      <location filename="core/ellipsoid.py" line="366" />
      <source>{label} is a geographic coordinate system (latitude/longitude); reproject the layer to a CGCS2000 Gauss-Krüger coordinate system (e.g. EPSG:4528 or EPSG:4549) before computing ellipsoidal areas.</source>
      <translation>{label} 为地理坐标系（经纬度），请先投影到 CGCS2000 高斯-克吕格坐标系（如 EPSG:4528 或 EPSG:4549）再计算椭球面积。</translation>
    </message>
    <message>
      <location filename="core/ellipsoid.py" line="373" />
      <source>{label} ({description}) is not a Gauss-Krüger (transverse Mercator) projection, so the land-survey ellipsoidal area cannot be computed; reproject the layer to a CGCS2000 Gauss-Krüger coordinate system (e.g. EPSG:4528 or EPSG:4549).</source>
      <translation>{label}（{description}）不是高斯-克吕格（横轴墨卡托）投影，无法按三调方法计算椭球面积；请投影到 CGCS2000 高斯-克吕格坐标系（如 EPSG:4528 或 EPSG:4549）。</translation>
    </message>
    <message>
      <location filename="core/ellipsoid.py" line="379" />
      <source>The units of {label} are not metres.</source>
      <translation>{label} 的坐标单位不是米。</translation>
    </message>
    <message>
      <location filename="core/ellipsoid.py" line="404" />
      <source>The easting {easting:.0f} carries the zone number {zone}, which is no Chinese Gauss-Krüger zone (3° zones 25–45, 6° zones 13–23); check the layer's coordinates.</source>
      <translation>东坐标 {easting:.0f} 带号 {zone} 不是我国的高斯-克吕格投影带（3° 带 25–45，6° 带 13–23），请检查图层坐标。</translation>
    </message>
    <message>
      <location filename="core/ellipsoid.py" line="606" />
      <source>The geometry is not a polygon; it has no area.</source>
      <translation>几何不是面要素，无法计算面积。</translation>
    </message>
    <message>
      <location filename="core/ellipsoid.py" line="608" />
      <source>Unsupported WKB geometry type {code}.</source>
      <translation>不支持的 WKB 几何类型 {code}。</translation>
    </message>
    <message>
      <location filename="core/ellipsoid.py" line="684" />
      <source>Curved geometries must be segmentized first.</source>
      <translation>曲线几何需先分段线化。</translation>
    </message>
    <message>
      <location filename="core/encoding.py" line="145" />
      <source>Layer '{layer}' ({file}) declares no text encoding (no .cpg, DBF code page 0) and its text is not valid UTF-8: it is read as GB18030 (a superset of GBK); if the text still looks garbled, write the encoding into a .cpg file.</source>
      <translation>图层“{layer}”（{file}）没有声明文字编码（无 .cpg，DBF 代码页为 0），其文字不是有效的 UTF-8，已按 GB18030（GBK 的超集）读取；若文字仍有乱码，请在 .cpg 文件中写明编码。</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="109" />
      <source>The field mapping {what} is not valid JSON ({error}); expected an object such as {example}.</source>
      <translation>字段映射 {what} 不是有效的 JSON（{error}）；应为 {example} 这样的对象。</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="113" />
      <source>The field mapping {what} must be a JSON object of role: field name, not a {kind}.</source>
      <translation>字段映射 {what} 应为“角色: 字段名”的 JSON 对象，而不是 {kind}。</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="118" />
      <source>The field mapping {what} has unknown role(s) {unknown}; the roles are {roles}.</source>
      <translation>字段映射 {what} 有未知的角色：{unknown}；可用的角色：{roles}。</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="123" />
      <source>In the field mapping {what}, the value of {roles} must be a field name (text).</source>
      <translation>字段映射 {what} 中 {roles} 的值应为字段名（文本）。</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="133" />
      <source>Layer '{layer}' has no field for {role}; map it in the field mapping.</source>
      <translation>图层“{layer}”缺少{role}字段；请在字段映射中指定。</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="38" />
      <source>Land-use code DLBM</source>
      <translation>地类编码 DLBM</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="39" />
      <source>Parcel area TBMJ</source>
      <translation>图斑面积 TBMJ</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="40" />
      <source>Deduction code KCDLBM</source>
      <translation>扣除地类编码 KCDLBM</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="41" />
      <source>Deduction coefficient KCXS</source>
      <translation>扣除地类系数 KCXS</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="42" />
      <source>Deduction area KCMJ</source>
      <translation>扣除地类面积 KCMJ</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="43" />
      <source>Class area TBDLMJ</source>
      <translation>图斑地类面积 TBDLMJ</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="44" />
      <source>Village code ZLDWDM</source>
      <translation>坐落单位代码 ZLDWDM</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="45" />
      <source>Village name ZLDWMC</source>
      <translation>坐落单位名称 ZLDWMC</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="46" />
      <source>Identifier BSM</source>
      <translation>标识码 BSM</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="47" />
      <source>Quality grade GDDB</source>
      <translation>耕地等别 GDDB</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="48" />
      <source>Slope grade GDPDJB</source>
      <translation>耕地坡度级别 GDPDJB</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="49" />
      <source>Town/village attribute code CZCSXM</source>
      <translation>城镇村属性码 CZCSXM</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="50" />
      <source>Linear feature width XZDWKD</source>
      <translation>线状地物宽度 XZDWKD</translation>
    </message>
    <message>
      <location filename="core/fields.py" line="84" />
      <source>The layer has no field {field} (mapped as {role}).</source>
      <translation>图层没有字段 {field}（指定为 {role}）。</translation>
    </message>
    <message>
      <location filename="core/geokernel/grid.py" line="172" />
      <source>The area is too large for the neighbour grid.</source>
      <translation>分析范围过大，无法建立邻接检索网格。</translation>
    </message>
    <message>
      <location filename="core/guess.py" line="181" />
      <source>Layer '{layer}' has no field {field}.</source>
      <translation>图层“{layer}”没有字段 {field}。</translation>
    </message>
    <message>
      <location filename="core/guess.py" line="191" />
      <source>The field {field} of layer '{layer}' is empty: it cannot be the land-use code field (DLBM).</source>
      <translation>图层“{layer}”的字段 {field} 为空，不能作为地类编码字段（DLBM）。</translation>
    </message>
    <message>
      <location filename="core/guess.py" line="198" />
      <source>The field {field} does not hold land-survey codes: {known} of {n} values read are codes (others: {examples}). Choose the land-use code field (DLBM).</source>
      <translation>字段 {field} 存放的不是三调地类编码：读取的 {n} 个值中只有 {known} 个是地类编码（其他值如：{examples}）。请选择地类编码字段（DLBM）。</translation>
    </message>
    <message>
      <location filename="core/indicators.py" line="246" />
      <source>{area:.2f} m² of the planned cultivated land have no quality grade (GDDB) and are left out of the mean grade.</source>
      <translation>规划耕地中 {area:.2f} m² 无等别（GDDB），未计入平均等别。</translation>
    </message>
    <message>
      <location filename="core/indicators.py" line="46" />
      <source>Wetland</source>
      <translation>湿地</translation>
    </message>
    <message>
      <location filename="core/indicators.py" line="46" />
      <source>Forest land</source>
      <translation>林地</translation>
    </message>
    <message>
      <location filename="core/indicators.py" line="46" />
      <source>Grassland</source>
      <translation>草地</translation>
    </message>
    <message>
      <location filename="core/indicators.py" line="47" />
      <source>Water and water facilities</source>
      <translation>水域及水利设施用地</translation>
    </message>
    <message>
      <location filename="core/layers.py" line="119" />
      <source>Layer '{layer}' has no coordinate reference system; set it to a CGCS2000 Gauss-Krüger projection (e.g. EPSG:4528).</source>
      <translation>图层“{layer}”没有坐标参考系；请设置为 CGCS2000 高斯-克吕格投影（如 EPSG:4528）。</translation>
    </message>
    <message>
      <location filename="core/layers.py" line="123" />
      <source>Layer '{layer}' is in a geographic coordinate system ({crs}); areas and overlays need projected coordinates: reproject it to CGCS2000 Gauss-Krüger first (e.g. EPSG:4528).</source>
      <translation>图层“{layer}”为地理坐标系（{crs}），面积与叠加分析需要投影坐标；请先投影到 CGCS2000 高斯-克吕格（如 EPSG:4528）。</translation>
    </message>
    <message>
      <location filename="core/layers.py" line="242" />
      <source>project area</source>
      <translation>项目区</translation>
    </message>
    <message>
      <location filename="core/layers.py" line="244" />
      <source>The project area layer '{layer}' has no polygons.</source>
      <translation>项目区图层“{layer}”没有面要素。</translation>
    </message>
    <message>
      <location filename="core/maps/layout.py" line="156" />
      <source>Unknown paper {paper}.</source>
      <translation>未知纸张 {paper}。</translation>
    </message>
    <message>
      <location filename="core/maps/layout.py" line="186" />
      <source>Map left out: {title} — {reason}</source>
      <translation>未出图：{title} — {reason}</translation>
    </message>
    <message>
      <location filename="core/maps/layout.py" line="397" />
      <source>{title}: the legend is taller than the space kept for it; adjust it in the layout.</source>
      <translation>{title}：图例高于预留位置，请在版式中调整。</translation>
    </message>
    <message>
      <location filename="core/maps/layout.py" line="412" />
      <source>No map could be made: every map lacks its data.</source>
      <translation>没有可出的图（每张图都缺少所需数据）。</translation>
    </message>
    <message>
      <location filename="core/maps/layout.py" line="422" />
      <source>Cannot write the PDF {path} (QGIS export result {result}).</source>
      <translation>无法写出 PDF：{path}（QGIS 导出结果 {result}）。</translation>
    </message>
    <message>
      <location filename="core/maps/layout.py" line="457" />
      <source>Cannot write the layer {layer}: {error}</source>
      <translation>无法写出图层 {layer}：{error}</translation>
    </message>
    <message>
      <location filename="core/maps/layout.py" line="472" />
      <source>Cannot write the project file {path}: {error}</source>
      <translation>无法写出项目文件 {path}：{error}</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="116" />
      <source>The project has no plan, so there is no new cultivated land to show.</source>
      <translation>项目没有规划，无法确定新增耕地。</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="139" />
      <source>The project lacks the permanent basic farmland before or after the adjustment (YJJBNTTB, YJJBNTTB_GH).</source>
      <translation>项目缺少调整前或调整后的永久基本农田图层（YJJBNTTB、YJJBNTTB_GH）。</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="161" />
      <source>The project has no plan.</source>
      <translation>项目没有规划。</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="194" />
      <source>The project has no sub-project layer (ZXM).</source>
      <translation>项目没有子项目图层（ZXM）。</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="198" />
      <source>The sub-project layer has no type field (XMLX).</source>
      <translation>子项目图层没有类型字段（XMLX）。</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="224" />
      <source>The plan has no reclaimed or newly built pieces.</source>
      <translation>规划没有拆旧复垦或建新图斑。</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="245" />
      <source>The project has no ecological protection red line (STBHHX) or permanent basic farmland layer: no conflict map.</source>
      <translation>项目没有生态保护红线（STBHHX）或永久基本农田图层，不出约束冲突图。</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="287" />
      <source>The project holds no later survey (SURVEY in 'Create project'): no progress map.</source>
      <translation>项目没有年度变更调查图层（在“项目设置”中给出 SURVEY），不出实施进度图。</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="330" />
      <source>Land-use status map</source>
      <translation>土地利用现状图</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="331" />
      <source>Land-use plan map (after consolidation)</source>
      <translation>土地利用规划图（整治后）</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="332" />
      <source>Map of new cultivated land</source>
      <translation>新增耕地分布图</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="333" />
      <source>Map of the permanent basic farmland adjustment</source>
      <translation>永久基本农田调整图</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="335" />
      <source>Contiguous cultivated land map (before consolidation)</source>
      <translation>耕地集中连片图（整治前）</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="337" />
      <source>Contiguous cultivated land map (after consolidation)</source>
      <translation>耕地集中连片图（整治后）</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="338" />
      <source>Map of the sub-projects</source>
      <translation>子项目分布图</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="339" />
      <source>Linkage map: reclamation and new construction</source>
      <translation>增减挂钩拆旧建新图</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="340" />
      <source>Constraint conflict map</source>
      <translation>约束冲突图</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="341" />
      <source>Implementation progress map</source>
      <translation>实施进度图</translation>
    </message>
    <message>
      <location filename="core/maps/pages.py" line="90" />
      <source>The project has no plan (DLTB_GH or a planned-code field).</source>
      <translation>项目没有规划（DLTB_GH 或规划地类字段）。</translation>
    </message>
    <message>
      <location filename="core/period.py" line="111" />
      <source>The {what} '{text}' is not a date; write it as 2026-11-29.</source>
      <translation>{what}“{text}”不是有效日期；请写成 2026-11-29 或 2026年11月29日。</translation>
    </message>
    <message>
      <location filename="core/period.py" line="112" />
      <source>date of preparation</source>
      <translation>编制日期</translation>
    </message>
    <message>
      <location filename="core/period.py" line="58" />
      <source>The last year {end} is before the first year {start}.</source>
      <translation>结束年度 {end} 早于开始年度 {start}。</translation>
    </message>
    <message>
      <location filename="core/period.py" line="61" />
      <source>The period {start}–{end} is {years} years, more than {most}.</source>
      <translation>实施期限 {start}—{end} 共 {years} 年，超过 {most} 年。</translation>
    </message>
    <message>
      <location filename="core/plan.py" line="188" />
      <source>The planned layer '{layer}' ({own}) was reprojected to the coordinate system of the current layer '{current}' ({crs}) before the overlay.</source>
      <translation>规划图层“{layer}”（{own}）已重投影到现状图层“{current}”的坐标系（{crs}）后叠加。</translation>
    </message>
    <message>
      <location filename="core/plan.py" line="204" />
      <source>The planned layer '{layer}' has overlapping features: {features}; check its topology first.</source>
      <translation>规划图层“{layer}”有相互重叠的图斑：{features}；请先检查拓扑。</translation>
    </message>
    <message>
      <location filename="core/plan.py" line="217" />
      <source>The overlay made {n} piece(s) under {limit:g} m² ({area:.2f} m² in all): coordinate noise of one boundary, dropped; the other pieces of their parcels carry their area.</source>
      <translation>叠加产生 {n} 个小于 {limit:g} m² 的碎片（合计 {area:.2f} m²），为同一界线的坐标误差，已舍弃；所在图斑的面积由其余部分承担。</translation>
    </message>
    <message>
      <location filename="core/plan.py" line="237" />
      <source>The planned layer '{layer}' has overlapping features (over the current parcels {parcels}); check its topology first.</source>
      <translation>规划图层“{layer}”有相互重叠的图斑（落在现状图斑 {parcels} 上）；请先检查拓扑。</translation>
    </message>
    <message>
      <location filename="core/plan.py" line="243" />
      <source>The planned layer '{layer}' does not cover {n} current parcel(s) ({area:.2f} m² in all): {parcels}. Complete the planned layer, or set UNCOVERED to 1 to keep them unchanged.</source>
      <translation>规划图层“{layer}”未覆盖现状图层的 {n} 个图斑（共 {area:.2f} m²）：{parcels}。请补全规划图层，或将“未覆盖部分”参数（UNCOVERED）设为 1（视为不变）。</translation>
    </message>
    <message>
      <location filename="core/plan.py" line="248" />
      <source>The planned layer does not cover parts of {n} current parcel(s) ({area:.2f} m²); they are kept unchanged: {parcels}.</source>
      <translation>规划图层未覆盖 {n} 个现状图斑的部分（{area:.2f} m²），按不变处理：{parcels}。</translation>
    </message>
    <message>
      <location filename="core/plan.py" line="277" />
      <source>{area:.2f} m² (by TBMJ) of the planned layer '{layer}' lie outside the current layer or the project area and are not counted.</source>
      <translation>规划图层“{layer}”有 {area:.2f} m²（按 TBMJ）在现状图层或项目区之外，未计入。</translation>
    </message>
    <message>
      <location filename="core/plan.py" line="376" />
      <source>'{code}' ({parcels})</source>
      <translation>“{code}”（{parcels}）</translation>
    </message>
    <message>
      <location filename="core/plan.py" line="378" />
      <source>Planned codes not in the land-survey code table: {items}. Correct the planned codes.</source>
      <translation>规划地类有三调地类表之外的编码：{items}。请更正规划地类编码。</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="146" />
      <source>The target field-ridge coefficient {value} must be in [0, 1).</source>
      <translation>目标田坎系数 {value} 应在 [0, 1) 之间。</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="149" />
      <source>The inside share {value} must be in (0, 1].</source>
      <translation>压盖比例 {value} 应在 (0, 1] 之间。</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="153" />
      <source>Distances and areas must not be negative.</source>
      <translation>距离与面积参数不能为负。</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="155" />
      <source>Unknown ranking '{value}'.</source>
      <translation>未知排序方式“{value}”。</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="274" />
      <source>ecological protection red line</source>
      <translation>生态保护红线</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="275" />
      <source>urban development boundary</source>
      <translation>城镇开发边界</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="276" />
      <source>permanent basic farmland</source>
      <translation>永久基本农田</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="277" />
      <source>high-standard farmland</source>
      <translation>高标准农田</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="398" />
      <source>The layer has no town/village attribute code CZCSXM: rural construction land is taken as 0702, 0601 and 1201, mining land as 0602.</source>
      <translation>图层无城镇村属性码 CZCSXM：农村建设用地按 0702、0601、1201 识别，采矿用地按 0602 识别。</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="401" />
      <source>The layer has no village code ZLDWDM: all parcels are ranked as one village without a code.</source>
      <translation>图层无坐落单位代码 ZLDWDM：全部图斑作为一个无代码的“村”排序。</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="404" />
      <source>The layer has no slope grade GDPDJB: nothing is excluded by slope.</source>
      <translation>图层无耕地坡度级别 GDPDJB：不按坡度排除。</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="473" />
      <source>No high-standard farmland layer or field: no high-standard farmland candidates are listed.</source>
      <translation>未提供高标准农田图层或字段：不列高标准农田建设候选。</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="544" />
      <source>No ecological protection red line: nothing is excluded by the red line.</source>
      <translation>未提供生态保护红线：不按红线排除。</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="546" />
      <source>No urban development boundary: all rural construction land counts as outside it.</source>
      <translation>未提供城镇开发边界：农村建设用地均视为边界外。</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="76" />
      <source>Restoration of cultivated land</source>
      <translation>耕地恢复</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="77" />
      <source>Development of reserve land</source>
      <translation>耕地后备资源开发</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="78" />
      <source>Reclamation of rural construction land</source>
      <translation>农村建设用地复垦</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="79" />
      <source>Reclamation of abandoned mining land</source>
      <translation>工矿废弃地复垦</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="80" />
      <source>Merging of field ridges</source>
      <translation>田坎归并</translation>
    </message>
    <message>
      <location filename="core/potential.py" line="81" />
      <source>High-standard farmland construction</source>
      <translation>高标准农田建设</translation>
    </message>
    <message>
      <location filename="core/progress.py" line="178" />
      <source>{survey}: {n} part(s) under {limit:g} m² ({area:.2f} m² in all) are traces of boundaries digitised anew and were left out; their pieces are shared by their other parts.</source>
      <translation>{survey}：{n} 个小于 {limit:g} m² 的碎片（合计 {area:.2f} m²）为界线重新数字化的痕迹，已忽略；所在规划图斑的面积由其余部分承担。</translation>
    </message>
    <message>
      <location filename="core/progress.py" line="182" />
      <source>{survey} does not cover {n} piece(s) of the plan ({area:.2f} m²): they count as not realised and unchanged.</source>
      <translation>{survey} 未覆盖 {n} 个规划图斑（合计 {area:.2f} m²），按未实施、未变化计。</translation>
    </message>
    <message>
      <location filename="core/project.py" line="100" />
      <source>Project file not found: {path}.</source>
      <translation>项目文件不存在：{path}。</translation>
    </message>
    <message>
      <location filename="core/project.py" line="105" />
      <source>'{file}' is not a project file of this plugin (the GeoPackage has no {table} settings table); make one with 'New project'.</source>
      <translation>“{file}”不是本插件的项目文件（GeoPackage 中没有 {table} 设置表）；请用“新建项目”生成。</translation>
    </message>
    <message>
      <location filename="core/project.py" line="110" />
      <source>The project file '{file}' is damaged or not a GeoPackage ({error}).</source>
      <translation>项目文件“{file}”已损坏或不是 GeoPackage（{error}）。</translation>
    </message>
    <message>
      <location filename="core/project.py" line="117" />
      <source>Project file '{file}', settings table {table}: the value of the key '{key}' is damaged: {value}.</source>
      <translation>项目文件“{file}”的设置表 {table} 中，键“{key}”的值已损坏：{value}。</translation>
    </message>
    <message>
      <location filename="core/project.py" line="122" />
      <source>Project file '{file}', settings table {table}: the key '{key}' should hold {kind}, not {value}.</source>
      <translation>项目文件“{file}”的设置表 {table} 中，键“{key}”应为{kind}，实为 {value}。</translation>
    </message>
    <message>
      <location filename="core/project.py" line="197" />
      <source>Layer '{layer}' has no village code (ZLDWDM) {codes}.</source>
      <translation>图层“{layer}”中没有坐落单位代码（ZLDWDM）{codes}。</translation>
    </message>
    <message>
      <location filename="core/project.py" line="395" />
      <source>Cannot write {file}: {error}</source>
      <translation>无法写入 {file}：{error}</translation>
    </message>
    <message>
      <location filename="core/project.py" line="572" />
      <source>Cannot read {layer}.</source>
      <translation>无法读取 {layer}。</translation>
    </message>
    <message>
      <location filename="core/project.py" line="76" />
      <source>text</source>
      <translation>文本</translation>
    </message>
    <message>
      <location filename="core/project.py" line="78" />
      <source>a year</source>
      <translation>年份</translation>
    </message>
    <message>
      <location filename="core/project.py" line="79" />
      <source>a list</source>
      <translation>列表</translation>
    </message>
    <message>
      <location filename="core/project.py" line="79" />
      <source>an object</source>
      <translation>对象</translation>
    </message>
    <message>
      <location filename="core/project.py" line="83" />
      <source>a date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="core/slope.py" line="273" />
      <source>The raster '{name}' cannot be read.</source>
      <translation>无法读取栅格“{name}”。</translation>
    </message>
    <message>
      <location filename="core/slope.py" line="276" />
      <source>The raster '{name}' is rotated or not north up; warp it to a north-up grid first (e.g. with gdalwarp).</source>
      <translation>栅格“{name}”有旋转或不是正北朝上；请先重采样为正北朝上的格网（如用 gdalwarp）。</translation>
    </message>
    <message>
      <location filename="core/subprojects.py" line="114" />
      <source>sub-projects</source>
      <translation>子项目</translation>
    </message>
    <message>
      <location filename="core/validity.py" line="103" />
      <source>Layer '{layer}': {n} feature(s) with an invalid geometry were repaired (makeValid) and used: {features}.</source>
      <translation>图层“{layer}”有 {n} 个要素几何无效，已修复（makeValid）后参与计算：{features}。</translation>
    </message>
    <message>
      <location filename="core/validity.py" line="24" />
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <location filename="core/validity.py" line="44" />
      <source>feature {fid}</source>
      <translation>要素 {fid}</translation>
    </message>
    <message>
      <location filename="core/validity.py" line="90" />
      <source> ({label})</source>
      <translation>（{label}）</translation>
    </message>
    <message>
      <location filename="core/validity.py" line="92" />
      <source>Layer '{layer}'{what}: {n} feature(s) with an invalid geometry that cannot be repaired: {features}. Repair them first (native:fixgeometries) or run the data check.</source>
      <translation>图层“{layer}”{what}有 {n} 个要素几何无效且无法修复：{features}。请先修复几何（native:fixgeometries）或运行数据质检。</translation>
    </message>
    <message>
      <location filename="core/validity.py" line="95" />
      <source>Layer '{layer}'{what}: {n} feature(s) with an invalid geometry: {features}. Repair them first (native:fixgeometries) or run the data check, or set 'Repair invalid geometries' (REPAIR_GEOMETRY) to yes.</source>
      <translation>图层“{layer}”{what}有 {n} 个要素几何无效：{features}。请先修复几何（native:fixgeometries）或运行数据质检，或将“修复无效几何”（REPAIR_GEOMETRY）设为是。</translation>
    </message>
    <message>
      <location filename="core/values.py" line="123" />
      <source>{where}: {error}</source>
      <translation>{where}：{error}</translation>
    </message>
    <message>
      <location filename="core/values.py" line="66" />
      <source>The value '{value}' is not a number.</source>
      <translation>字段值“{value}”不是数字。</translation>
    </message>
    <message>
      <location filename="core/workbook/inputs.py" line="55" />
      <source>no current DLTB (DLTB)</source>
      <translation>无现状地类图斑（DLTB）</translation>
    </message>
    <message>
      <location filename="core/workbook/inputs.py" line="56" />
      <source>no plan (AFTER or AFTER_FIELD)</source>
      <translation>无规划方案（AFTER 或 AFTER_FIELD）</translation>
    </message>
    <message>
      <location filename="core/workbook/inputs.py" line="57" />
      <source>no permanent basic farmland layers before and after (PBF_BEFORE, PBF_AFTER)</source>
      <translation>无整治前、整治后永久基本农田图层（PBF_BEFORE、PBF_AFTER）</translation>
    </message>
    <message>
      <location filename="core/workbook/inputs.py" line="58" />
      <source>no sub-project layer (SUBPROJECTS)</source>
      <translation>无子项目图层（SUBPROJECTS）</translation>
    </message>
    <message>
      <location filename="core/workbook/inputs.py" line="62" />
      <source>no plan and later survey (AFTER or AFTER_FIELD, and SURVEY)</source>
      <translation>未提供规划及年度变更调查（AFTER 或 AFTER_FIELD，以及 SURVEY）</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="101" />
      <source>Land-use transition matrix</source>
      <translation>土地利用转移矩阵</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="102" />
      <source>Sources of new cultivated land</source>
      <translation>新增耕地来源表</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="104" />
      <source>In/out balance of cultivated land table</source>
      <translation>耕地进出平衡表</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="106" />
      <source>Permanent basic farmland adjustment table</source>
      <translation>永久基本农田调整表</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="107" />
      <source>Contiguity of cultivated land table</source>
      <translation>耕地集中连片统计表</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="109" />
      <source>Linkage: reclamation and new construction</source>
      <translation>增减挂钩拆旧建新表</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="111" />
      <source>List of sub-projects</source>
      <translation>子项目清单</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="112" />
      <source>Annual implementation plan</source>
      <translation>年度实施计划</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="114" />
      <source>Compliance check table</source>
      <translation>指标核验表</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="117" />
      <source>Project overview</source>
      <translation>项目基本情况表</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="119" />
      <source>List of new cultivated land parcels</source>
      <translation>新增耕地图斑清单</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="121" />
      <source>List of permanent basic farmland parcels moved out</source>
      <translation>永久基本农田调出图斑清单</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="123" />
      <source>List of permanent basic farmland parcels moved in</source>
      <translation>永久基本农田调入图斑清单</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="124" />
      <source>List of reclaimed plots</source>
      <translation>拆旧复垦地块清单</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="126" />
      <source>List of new construction plots</source>
      <translation>建新地块清单</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="128" />
      <source>Investment estimate</source>
      <translation>投资估算表</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="130" />
      <source>Linkage balance by project area</source>
      <translation>增减挂钩项目区平衡表</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="132" />
      <source>Annual implementation progress</source>
      <translation>年度实施进度表</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="134" />
      <source>Annual self-assessment</source>
      <translation>年度自评表</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="135" />
      <source>List of deviations</source>
      <translation>偏差清单</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="137" />
      <source>Acceptance self-evaluation</source>
      <translation>验收自评表</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="140" />
      <source>Hectares</source>
      <translation>公顷</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="140" />
      <source>Mu</source>
      <translation>亩</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="140" />
      <source>Hectares and mu</source>
      <translation>公顷和亩</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="97" />
      <source>Land-use status by class</source>
      <translation>土地利用现状分类面积汇总表</translation>
    </message>
    <message>
      <location filename="core/workbook/registry.py" line="99" />
      <source>Adjustment of the land-use structure</source>
      <translation>土地利用结构调整表</translation>
    </message>
    <message>
      <location filename="core/zones.py" line="57" />
      <source>{authid} – CGCS2000, Gauss-Krüger projection, {width}° zone {number}</source>
      <translation>{authid} – 2000国家大地坐标系，高斯-克吕格投影，{width}度带第 {number} 带</translation>
    </message>
    <message>
      <location filename="core/zones.py" line="93" />
      <source>The central meridian {meridian:g}° of {crs} is not that of a 3° or 6° zone.</source>
      <translation>坐标系 {crs} 的中央经线 {meridian:g}° 不是 3° 或 6° 分带的中央经线。</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="182" />
      <source>{n} village(s), {area:.4f} ha, of which cultivated land {cult:.4f} ha</source>
      <translation>{n} 个村，{area:.4f} 公顷，其中耕地 {cult:.4f} 公顷</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="189" />
      <source>The villages belong to {n} townships ({codes}); the policy's unit is one township.</source>
      <translation>所选村分属 {n} 个乡镇（{codes}）；按政策，项目以一个乡镇为实施单元。</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="197" />
      <source>{layer} looks like a constraint layer, not a project boundary; check the choice.</source>
      <translation>“{layer}”像是约束图层而不是项目区边界，请核对所选图层。</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="207" />
      <source>Choose the project area layer, or pick the villages of the project.</source>
      <translation>请选择项目区图层，或勾选项目所含的村。</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="209" />
      <source>The project area layer {layer} is empty.</source>
      <translation>项目区图层 {layer} 为空。</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="211" />
      <source>No feature of {layer} is selected: select the project area on the map, or untick 'Selected features only'.</source>
      <translation>图层“{layer}”没有选中的要素：请在地图上选择项目区，或取消勾选“仅选中的要素”。</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="215" />
      <source>The villages of the DLTB could not be read: choose a project area layer.</source>
      <translation>无法读取地类图斑中的村：请选择项目区图层。</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="217" />
      <source>Tick at least one village.</source>
      <translation>请至少勾选一个村。</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="51" />
      <source>Code (ZLDWDM)</source>
      <translation>代码（ZLDWDM）</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="51" />
      <source>Cultivated land (ha)</source>
      <translation>耕地（公顷）</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="52" />
      <source>Est. new cultivated land (ha)</source>
      <translation>预计新增耕地（公顷）</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="52" />
      <source>Est. rate (%)</source>
      <translation>预计新增耕地率（%）</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.py" line="148" />
      <source>Choose the DLTB layer (land-use parcels of the land survey).</source>
      <translation>请选择地类图斑（DLTB）图层（三调地类图斑）。</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.py" line="151" />
      <source>Layer '{layer}' has no field DLBM: map the land-use code field in the table.</source>
      <translation>图层“{layer}”没有 DLBM 字段：请在字段映射表中指定地类编码字段。</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.py" line="184" />
      <source>The data check algorithm is not available.</source>
      <translation>数据质检算法不可用。</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.py" line="194" />
      <source>Checking {layer}…</source>
      <translation>正在检查 {layer}…</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.py" line="206" />
      <source>The data check failed.</source>
      <translation>数据质检失败。</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.py" line="212" />
      <source>Data check of {layer}: no findings.</source>
      <translation>{layer} 数据质检：未发现问题。</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.py" line="214" />
      <source>Parcels with findings · {layer}</source>
      <translation>有问题的图斑 · {layer}</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.py" line="215" />
      <source>Data check findings · {layer}</source>
      <translation>数据质检结果 · {layer}</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.py" line="223" />
      <source>Data check of {layer}: {n} finding(s); the parcels with findings are loaded into the map.</source>
      <translation>{layer} 数据质检：发现 {n} 处问题；有问题的图斑已加载到地图。</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="100" />
      <source>greedy with repair</source>
      <translation>贪心法加修正</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="102" />
      <source>best attempt (the targets are not met)</source>
      <translation>尽力方案（未达到目标）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="105" />
      <source>BSM</source>
      <translation>标识码</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="106" />
      <source>Est. new cultivated land (m²)</source>
      <translation>预计新增耕地（m²）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="107" />
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="158" />
      <source>{added} m² new cultivated land ({rate} %), {reclaimed} m² reclaimed, {n} parcels, {cost} yuan</source>
      <translation>新增耕地 {added} m²（{rate} %），拆旧复垦 {reclaimed} m²，{n} 个图斑，费用 {cost} 元</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="171" />
      <source>{m2} m² = {rate} % of the original cultivated land (target {target} %)</source>
      <translation>{m2} m²，占原耕地 {rate} %（目标 {target} %）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="173" />
      <source>Construction land reclaimed</source>
      <translation>拆旧复垦</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="173" />
      <source>{m2} m² (needed {need} m²)</source>
      <translation>{m2} m²（需要 {need} m²）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="175" />
      <source>Cost</source>
      <translation>费用</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="175" />
      <source>{yuan} yuan</source>
      <translation>{yuan} 元</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="176" />
      <source> (budget {budget} yuan)</source>
      <translation>（预算 {budget} 元）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="177" />
      <source>Parcels chosen</source>
      <translation>选入图斑</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="180" />
      <source>New cultivated land missing</source>
      <translation>新增耕地缺口</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="180" />
      <source>{m2} m²</source>
      <translation>{m2} m²</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="184" />
      <source>Lower bound of the cost</source>
      <translation>费用下界</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="184" />
      <source>{bound} yuan, gap {gap}</source>
      <translation>{bound} 元，差距 {gap}</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="192" />
      <source>The draft meets the targets.</source>
      <translation>草案达到全部目标。</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="195" />
      <source>The targets cannot be met: {reason}.</source>
      <translation>无法达到目标：{reason}。</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="224" />
      <source>drafted sub-project (outline)</source>
      <translation>子项目草案（轮廓）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="376" />
      <source>The drafting algorithm is not available.</source>
      <translation>方案编制助手算法不可用。</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="389" />
      <source>Drafting…</source>
      <translation>正在编制方案草案…</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="406" />
      <source>The draft could not be made.</source>
      <translation>未能编制草案。</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="408" />
      <source>No draft.</source>
      <translation>无草案。</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="412" />
      <source>The draft could not be shown: {error}</source>
      <translation>无法显示草案：{error}</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="425" />
      <source>output {key} missing</source>
      <translation>缺少输出 {key}</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="441" />
      <source>Drafted plan · {layer}</source>
      <translation>规划方案草案 · {layer}</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="442" />
      <source>Drafted parcels by type · {layer}</source>
      <translation>草案选入图斑（按类型） · {layer}</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="443" />
      <source>Drafted sub-projects · {layer}</source>
      <translation>子项目草案 · {layer}</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="460" />
      <source>The draft misses the targets: change the targets or the locked parcels and rerun.</source>
      <translation>草案未达到目标：请调整目标或锁定的图斑后重新编制。</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="496" />
      <source>Draft of the plan</source>
      <translation>规划方案草案</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="520" />
      <source>No draft yet: set the targets and press Draft.</source>
      <translation>尚无草案：请设定目标后点击“编制”。</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="603" />
      <source>Taken in at the rerun (INCLUDE)</source>
      <translation>重新编制时必选（INCLUDE）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="603" />
      <source>Left out at the rerun (EXCLUDE)</source>
      <translation>重新编制时排除（EXCLUDE）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="622" />
      <source>never choose {n}: {list}</source>
      <translation>排除 {n} 个：{list}</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="624" />
      <source>always choose {n}: {list}</source>
      <translation>必选 {n} 个：{list}</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="625" />
      <source>Locked for the rerun: {locks}.</source>
      <translation>重新编制时锁定：{locks}。</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="659" />
      <source>Rerun</source>
      <translation>重新编制</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="659" />
      <source>Draft</source>
      <translation>编制</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="678" />
      <source>The draft could not be used: {error}</source>
      <translation>无法采用草案：{error}</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="77" />
      <source>Chosen</source>
      <translation>选入</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="78" />
      <source>Chosen: always choose (INCLUDE)</source>
      <translation>选入：必选（INCLUDE）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="79" />
      <source>Not needed: the targets are met at a lower cost</source>
      <translation>不需要：目标已以更低成本满足</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="80" />
      <source>Over the budget</source>
      <translation>超出预算</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="81" />
      <source>Not chosen</source>
      <translation>未选</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="82" />
      <source>Left out by you (EXCLUDE)</source>
      <translation>已由您排除（EXCLUDE）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="83" />
      <source>Partly in the ecological protection red line (1 m² or more)</source>
      <translation>部分位于生态保护红线内（1 m² 及以上）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="87" />
      <source>In the ecological protection red line</source>
      <translation>位于生态保护红线内</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="88" />
      <source>Slope grade above the limit</source>
      <translation>坡度级别超过上限</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="89" />
      <source>In the urban development boundary</source>
      <translation>位于城镇开发边界内</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="90" />
      <source>Part of a compact village (larger than a scattered settlement)</source>
      <translation>属成片村庄（大于零散居民点）</translation>
    </message>
    <message>
      <location filename="dialogs/draft_dialog.py" line="99" />
      <source>exact (SciPy milp)</source>
      <translation>精确求解（SciPy milp）</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="100" />
      <source>The export algorithm is not available.</source>
      <translation>导出算法不可用。</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="118" />
      <source>{name}_scheme_tables.xlsx</source>
      <translation>{name}_实施方案表.xlsx</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="119" />
      <source>{name}_maps.pdf</source>
      <translation>{name}_图件.pdf</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="154" />
      <source>Choose the project GeoPackage (made with the set-up wizard).</source>
      <translation>请选择项目 GeoPackage（由项目设置向导生成）。</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="157" />
      <source>Tick at least one table.</source>
      <translation>请至少勾选一张表。</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="160" />
      <source>Choose the workbook file.</source>
      <translation>请选择工作簿文件。</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="179" />
      <source>Choose the PDF file for the maps.</source>
      <translation>请选择图件的 PDF 文件。</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="198" />
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="211" />
      <source>The export failed.</source>
      <translation>导出失败。</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="216" />
      <source>Written: {path}</source>
      <translation>已写入：{path}</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="230" />
      <source>The file was written but could not be opened: no program is set to open {path}.</source>
      <translation>文件已写出，但无法打开：没有设置打开 {path} 的程序。</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="76" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="77" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="dialogs/facts_page.py" line="33" />
      <source>e.g. comprehensive land consolidation project of a township</source>
      <translation>如：某某镇全域土地综合整治项目</translation>
    </message>
    <message>
      <location filename="dialogs/facts_page.py" line="73" />
      <source>Give the project a name.</source>
      <translation>请填写项目名称。</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.py" line="222" />
      <source>Give the permanent basic farmland both before and after the adjustment, or neither.</source>
      <translation>调整前、调整后永久基本农田须同时提供，或均不提供。</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.py" line="224" />
      <source>Choose the planned DLTB layer, or another form of the plan.</source>
      <translation>请选择规划地类图斑图层，或改用其他规划形式。</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.py" line="226" />
      <source>Choose the planned-code field, or another form of the plan.</source>
      <translation>请选择规划地类编码字段，或改用其他规划形式。</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.py" line="228" />
      <source>The planned field-ridge coefficient field cannot be the planned-code field.</source>
      <translation>规划田坎系数字段不能与规划地类编码字段相同。</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.py" line="231" />
      <source>The planned layer must not be the current DLTB itself.</source>
      <translation>规划图层不能是现状地类图斑图层本身。</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.py" line="243" />
      <source>The drafted plan is no longer in the map: draft again, or choose another form of the plan.</source>
      <translation>规划方案草案已不在地图中：请重新编制，或选择其他规划形式。</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.py" line="250" />
      <source>The draft was made for another DLTB, project area, period or constraint layers: draft again, or choose another form of the plan.</source>
      <translation>草案是按其他地类图斑、项目区、实施期限或约束图层编制的：请重新编制，或选择其他规划形式。</translation>
    </message>
    <message>
      <location filename="dialogs/project_layers.py" line="29" />
      <source>Land-use parcels (current)</source>
      <translation>地类图斑（现状）</translation>
    </message>
    <message>
      <location filename="dialogs/project_layers.py" line="30" />
      <source>Land-use parcels (planned)</source>
      <translation>地类图斑（规划）</translation>
    </message>
    <message>
      <location filename="dialogs/project_layers.py" line="31" />
      <source>Permanent basic farmland (before)</source>
      <translation>永久基本农田（整治前）</translation>
    </message>
    <message>
      <location filename="dialogs/project_layers.py" line="32" />
      <source>Permanent basic farmland (after)</source>
      <translation>永久基本农田（整治后）</translation>
    </message>
    <message>
      <location filename="dialogs/project_layers.py" line="59" />
      <source>Land-use parcels ({year} change survey)</source>
      <translation>地类图斑（{year}年度变更调查）</translation>
    </message>
    <message>
      <location filename="dialogs/project_layers.py" line="62" />
      <source>{layer} · {project}</source>
      <translation>{layer} · {project}</translation>
    </message>
    <message>
      <location filename="dialogs/project_layers.py" line="95" />
      <source>Land consolidation project</source>
      <translation>全域综合整治项目</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="119" />
      <source>The layer has more than {n} parcels: run the potential survey algorithm for the village estimates.</source>
      <translation>图层图斑数超过 {n} 个：请运行“潜力调查”算法获取各村估算数据。</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="129" />
      <source>Potential figures not shown: {error}</source>
      <translation>未能显示潜力数据：{error}</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="248" />
      <source> (selected features)</source>
      <translation>（仅选中的要素）</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="250" />
      <source>{n} village(s)</source>
      <translation>{n} 个村</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="252" />
      <source>DLTB layer</source>
      <translation>地类图斑图层</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="257" />
      <source>Period</source>
      <translation>实施期限</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="331" />
      <source>{layer}: fields {field} and {kcxs}</source>
      <translation>{layer}：字段 {field} 和 {kcxs}</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="336" />
      <source>field {field}, field-ridge coefficient {kcxs}</source>
      <translation>字段 {field}，田坎系数 {kcxs}</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="339" />
      <source>field {field}</source>
      <translation>字段 {field}</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="341" />
      <source>not given</source>
      <translation>未提供</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="353" />
      <source>Area of the project area</source>
      <translation>项目区面积</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="353" />
      <source>{ha:.4f} ha</source>
      <translation>{ha:.4f} 公顷</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="354" />
      <source>Cultivated land</source>
      <translation>耕地</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="356" />
      <source>Township code</source>
      <translation>乡镇代码</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="362" />
      <source>Field mapping</source>
      <translation>字段映射</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="362" />
      <source>the standard field names</source>
      <translation>标准字段名</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="364" />
      <source>Planned land use</source>
      <translation>规划地类</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="367" />
      <source>Drafted plan</source>
      <translation>规划方案草案</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="375" />
      <source>Later surveys</source>
      <translation>后续调查</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="378" />
      <source>The project file holds the boundary, copies of the layers (parcels meeting the boundary) and these settings; re-open it with “Open project…” to change them.</source>
      <translation>项目文件包含项目区边界、各图层的副本（与边界相交的图斑）及上述设置；如需修改，请通过“打开项目…”重新打开。</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="400" />
      <source>Writing the project…</source>
      <translation>正在写入项目…</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="415" />
      <source>The project could not be written.</source>
      <translation>项目写入失败。</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="70" />
      <source>New land consolidation project</source>
      <translation>新建全域综合整治项目</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="76" />
      <source>&lt; Back</source>
      <translation>&lt; 上一步</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="76" />
      <source>Next &gt;</source>
      <translation>下一步 &gt;</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="77" />
      <source>Finish</source>
      <translation>完成</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="78" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="79" />
      <source>Commit</source>
      <translation>提交</translation>
    </message>
    <message>
      <location filename="dialogs/summary_page.py" line="51" />
      <source>project</source>
      <translation>项目</translation>
    </message>
    <message>
      <location filename="dialogs/summary_page.py" line="80" />
      <source>Choose where to write the project file.</source>
      <translation>请选择项目文件的保存位置。</translation>
    </message>
    <message>
      <location filename="plugin.py" line="100" />
      <source>Open project</source>
      <translation>打开项目</translation>
    </message>
    <message>
      <location filename="plugin.py" line="101" />
      <source>Project GeoPackage (*.gpkg)</source>
      <translation>项目 GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="plugin.py" line="45" />
      <source>Land consolidation</source>
      <translation>全域综合整治</translation>
    </message>
    <message>
      <location filename="plugin.py" line="50" />
      <source>New project…</source>
      <translation>新建项目…</translation>
    </message>
    <message>
      <location filename="plugin.py" line="51" />
      <source>Open project…</source>
      <translation>打开项目…</translation>
    </message>
    <message>
      <location filename="plugin.py" line="52" />
      <source>Export scheme tables…</source>
      <translation>导出实施方案表格…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="129" />
      <source>Layer '{layer}' ({own}) is reprojected to {crs}, the DLTB's CRS.</source>
      <translation>图层“{layer}”（{own}）已重投影到地类图斑的坐标系 {crs}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="151" />
      <source>Layer '{layer}' has no field '{field}' (parameter {parameter}).</source>
      <translation>图层“{layer}”没有字段“{field}”（参数 {parameter}）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="187" />
      <source>Cancelled.</source>
      <translation>已取消。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="194" />
      <source>Could not read or write a file: {error}</source>
      <translation>无法读写文件：{error}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="200" />
      <source>Internal error in {algorithm}: {error}. The details are in the QGIS log (Land consolidation); please report them.</source>
      <translation>{algorithm} 内部错误：{error}。详细信息见 QGIS 日志（Land consolidation）；请报告此问题。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="236" />
      <source>The algorithm {id} is not installed.</source>
      <translation>算法 {id} 未安装。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="243" />
      <source>{id} failed.</source>
      <translation>{id} 运行失败。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="291" />
      <source>Project area (only the parcels inside it count)</source>
      <translation>项目区（只统计其范围内的图斑）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="297" />
      <source>Optional boundary. Parcels cut by it are split; their TBMJ, KCMJ and TBDLMJ are kept in proportion to the ellipsoidal area inside.</source>
      <translation>可选边界。被边界切割的图斑将被分割，其 TBMJ、KCMJ、TBDLMJ 按边界内椭球面积所占比例分摊。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="308" />
      <source>Repair invalid geometries (makeValid) instead of stopping</source>
      <translation>修复无效几何（makeValid），不中止运行</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="310" />
      <source>By default a parcel with an invalid geometry stops the run with a message naming the layer and the parcel (BSM). When set, each is repaired with makeValid and the log lists what was repaired.</source>
      <translation>默认情况下，几何无效的图斑会中止运行，并提示图层名称和图斑（BSM）。勾选后，逐个按 makeValid 修复，日志列出修复了哪些图斑。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="324" />
      <source>Land-use parcels (DLTB)</source>
      <translation>地类图斑（DLTB）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="328" />
      <source>Land-use parcel layer (DLTB) of the third national land survey, in a projected CGCS2000 Gauss-Krüger CRS (e.g. EPSG:4528).</source>
      <translation>三调地类图斑（DLTB）图层，采用 CGCS2000 高斯-克吕格投影坐标系（如 EPSG:4528）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="344" />
      <source>Land-use code field (default: detected DLBM)</source>
      <translation>地类编码字段（默认：自动识别的 DLBM）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="348" />
      <source>Field holding the land-survey code; leave empty to use DLBM.</source>
      <translation>存放三调地类编码的字段；留空则使用 DLBM。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="370" />
      <source>Layer '{layer}' has no grouping field {field}.</source>
      <translation>图层“{layer}”没有分组字段 {field}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="429" />
      <source>Current land-use parcels (DLTB)</source>
      <translation>现状地类图斑（DLTB）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="433" />
      <source>Land-use parcels (DLTB) of the current state from the land survey, projected CGCS2000 Gauss-Krüger (e.g. EPSG:4528).</source>
      <translation>现状三调地类图斑（DLTB），CGCS2000 高斯-克吕格投影坐标系（如 EPSG:4528）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="438" />
      <source>Planned land-use parcels after consolidation</source>
      <translation>整治后规划地类图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="443" />
      <source>The planned state as a layer with its own DLBM/TBMJ/KCMJ/TBDLMJ/GDDB; boundaries need not match the current layer (the two are overlaid). Give this or the planned-code field.</source>
      <translation>以图层表示的规划状态，自带 DLBM/TBMJ/KCMJ/TBDLMJ/GDDB 字段；图斑边界无需与现状图层一致（两者叠加分析）。本项与规划地类编码字段二选一。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="448" />
      <source>…or planned-code field on the current DLTB</source>
      <translation>…或现状地类图斑上的规划地类编码字段</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="453" />
      <source>Field of the current DLTB holding the planned DLBM; empty values mean unchanged.</source>
      <translation>现状地类图斑中存放规划地类编码（DLBM）的字段；值为空表示地类不变。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="457" />
      <source>Planned field-ridge coefficient field (with the planned-code field)</source>
      <translation>规划田坎系数字段（与规划地类编码字段配合使用）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="458" />
      <source>Planned KCXS per parcel; default: a parcel staying cultivated land keeps its KCXS, new cultivated land has none.</source>
      <translation>各图斑的规划田坎系数（KCXS）；默认：仍为耕地的图斑保持原 KCXS，新增耕地没有田坎系数。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="460" />
      <source>Planned quality-grade field (with the planned-code field)</source>
      <translation>规划耕地等别字段（与规划地类编码字段配合使用）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="461" />
      <source>Planned GDDB per parcel; default: the parcel's current GDDB.</source>
      <translation>各图斑的规划耕地等别（GDDB）；默认取图斑现状 GDDB。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="468" />
      <source>Quality grade of new cultivated land that has none</source>
      <translation>无规划等别的新增耕地的等别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="471" />
      <source>One quality grade (GDDB, 1 best … 15 worst) for every piece of new cultivated land (not cultivated land now, planned as cultivated land) without a planned grade – reclaimed construction land and restored land have none of their own. Without it such land is left out of the mean grade and the quality rules are not checked, with the area said.</source>
      <translation>为所有没有规划等别的新增耕地（现状非耕地、规划为耕地）统一指定一个耕地等别（GDDB，1 等最好 … 15 等最差）——复垦的建设用地和恢复的土地本身没有等别。不指定时，这些土地不计入平均等别，质量类指标为“未核验”，并写明缺少等别的面积。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="479" />
      <source>Parts of the current DLTB the planned layer does not cover</source>
      <translation>现状地类图斑中规划图层未覆盖的部分</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="480" />
      <source>Stop with an error listing them</source>
      <translation>报错并列出</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="480" />
      <source>Keep them unchanged (reported)</source>
      <translation>视为不变（并报告）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="484" />
      <source>0 = error naming the parcels; 1 = treat them as unchanged and report the area.</source>
      <translation>0 = 报错并列出相关图斑；1 = 视为地类不变，并报告其面积。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="511" />
      <source>Give either a planned layer (AFTER) or a planned-code field (AFTER_FIELD), not both or none.</source>
      <translation>请给出规划图层（AFTER）或规划地类字段（AFTER_FIELD）之一（不能都给，也不能都不给）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="528" />
      <source>Reading the current DLTB…</source>
      <translation>正在读取现状地类图斑…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="542" />
      <source>Overlaying the planned DLTB…</source>
      <translation>正在叠加规划地类图斑…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="563" />
      <source>{area:.2f} m² of new cultivated land without a planned quality grade take the given grade {grade:g} (NEW_CULTIVATED_GRADE).</source>
      <translation>{area:.2f} m² 无规划等别的新增耕地按指定等别 {grade:g} 计（NEW_CULTIVATED_GRADE）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="67" />
      <source>Status and indicators</source>
      <translation>现状与指标</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="68" />
      <source>Scheme</source>
      <translation>实施方案</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="69" />
      <source>Tools</source>
      <translation>工具</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="111" />
      <source>The land-use parcels (DLTB) of the county, or any part holding the areas, in a projected CGCS2000 Gauss-Krüger coordinate system.</source>
      <translation>全县（或包含各项目区的部分）的三调地类图斑（DLTB），须为 CGCS2000 高斯-克吕格投影坐标系。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="118" />
      <source>Project areas (one polygon each)</source>
      <translation>项目区（每个项目区一个多边形）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="120" />
      <source>One polygon per project area (several features with the same name are separate areas). Give this or TOWNSHIPS.</source>
      <translation>每个项目区一个面（同名的多个要素是不同的项目区）。给出此项或 TOWNSHIPS。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="124" />
      <source>Field naming the project areas</source>
      <translation>项目区名称字段</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="126" />
      <source>Names the workbooks and the summary rows; default the first of NAME, XMMC, XMQMC, MC, XMQDM, CODE, else the feature id.</source>
      <translation>用于命名工作簿和汇总行；默认取 NAME、XMMC、XMQMC、MC、XMQDM、CODE 中第一个存在的字段，否则用要素编号。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="130" />
      <source>…or townships (township codes, the first 9 digits of ZLDWDM, comma separated)</source>
      <translation>……或乡镇（乡镇代码，即 ZLDWDM 前 9 位，用逗号分隔）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="132" />
      <source>Each township's area is its parcels (ZLDWDM starting with the code), dissolved.</source>
      <translation>每个乡镇的范围是其图斑（ZLDWDM 以该代码开头）融合而成。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="135" />
      <source>Permanent basic farmland before the adjustment</source>
      <translation>调整前永久基本农田</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="136" />
      <source>YJJBNTTB before the adjustment; with PBF_AFTER it gives table 6 and the net gain of permanent basic farmland.</source>
      <translation>调整前的永久基本农田（YJJBNTTB）；与 PBF_AFTER 一起生成表 6 和新增永久基本农田比例。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="138" />
      <source>Permanent basic farmland after the adjustment</source>
      <translation>调整后永久基本农田</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="139" />
      <source>YJJBNTTB after the adjustment.</source>
      <translation>调整后的永久基本农田图斑（YJJBNTTB）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="140" />
      <source>Optional; those meeting an area count for it.</source>
      <translation>可选；与项目区相交的子项目计入该项目区。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="141" />
      <source>Ecological protection red line</source>
      <translation>生态保护红线</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="142" />
      <source>Optional: the constraint rules of the compliance table.</source>
      <translation>可选：用于指标核验表中的约束规则。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="147" />
      <source>First year of implementation</source>
      <translation>实施开始年度</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="148" />
      <source>Last year of implementation</source>
      <translation>实施结束年度</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="151" />
      <source>Calendar year; the period counts both ends (2026–2028 is 3 years).</source>
      <translation>公历年份；实施期限含起止年度（2026–2028 为 3 年）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="153" />
      <source>Area unit</source>
      <translation>面积单位</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="156" />
      <source>0 = hectares, 1 = mu, 2 = both.</source>
      <translation>0 = 公顷，1 = 亩，2 = 公顷和亩。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="160" />
      <source>Folder for the workbooks</source>
      <translation>工作簿文件夹</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="161" />
      <source>One workbook per area, &lt;area name&gt;.xlsx (characters a file name may not hold become _).</source>
      <translation>每个项目区一个工作簿，&lt;项目区名称&gt;.xlsx（文件名中不允许的字符替换为 _）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="164" />
      <source>Summary (one row per area)</source>
      <translation>汇总表（每个项目区一行）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="165" />
      <source>Areas</source>
      <translation>项目区数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="166" />
      <source>Areas that failed</source>
      <translation>出错的项目区数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="177" />
      <source>Give the plan: a planned layer (AFTER) or a planned-code field (AFTER_FIELD).</source>
      <translation>请给出规划：规划图层（AFTER）或规划地类字段（AFTER_FIELD）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="182" />
      <source>{n} project area(s).</source>
      <translation>{n} 个项目区。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="185" />
      <source>Reading the layers once…</source>
      <translation>读取各图层（仅一次）…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="203" />
      <source>[{k}/{n}] {name}</source>
      <translation>[{k}/{n}] {name}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="207" />
      <source>The area has no polygon (a township code no parcel's ZLDWDM starts with, or an empty feature).</source>
      <translation>该项目区没有面（没有图斑的 ZLDWDM 以该乡镇代码开头，或要素为空）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="217" />
      <source>{name}: {error}</source>
      <translation>{name}：{error}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="237" />
      <source>Give either PROJECT_AREAS or TOWNSHIPS, not both or none.</source>
      <translation>请给出 PROJECT_AREAS 或 TOWNSHIPS 之一，不能两者都给或都不给。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="255" />
      <source>Area {id}</source>
      <translation>项目区 {id}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="259" />
      <source>Layer '{layer}' has no ZLDWDM field: townships cannot be found.</source>
      <translation>图层“{layer}”没有 ZLDWDM 字段：无法确定乡镇。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="270" />
      <source>No parcel of the DLTB lies in the area: is it outside the county?</source>
      <translation>项目区内没有任何地类图斑：项目区是否在县域之外？</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="299" />
      <source>No table could be written: every chosen table lacks its inputs.</source>
      <translation>无法输出任何表格：所选表格均缺少输入数据。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="303" />
      <source>Could not write {path}: {error}</source>
      <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="305" />
      <source>{path}: {n} sheets</source>
      <translation>{path}：{n} 个工作表</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="89" />
      <source>Batch scheme</source>
      <translation>批量核算</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="94" />
      <source>Computes the scheme of many project areas of one county in one run: for each area one workbook in OUTPUT_FOLDER, named after the area, with the tables of 'Export scheme tables', and one row of OUTPUT_SUMMARY: the new cultivated land (ADDED_CULTIVATED_M2, and ADDED_RATE, % of the original cultivated land), the net gain of permanent basic farmland (PBF_ADDED_RATIO, %), the change of construction land, the blocks of at least 100 mu before and after, the compliance verdict (rules passed / failed / not checked) and ERROR, empty when the area ran.

The areas are the polygons of PROJECT_AREAS (one per feature, named by NAME_FIELD), or the townships listed in TOWNSHIPS (9-digit codes, comma separated): a township's area is its parcels, those whose ZLDWDM starts with the code.

Each layer is read once, not once per area: the features meeting an area are copied from memory. An area that fails (no parcels in it, a plan that does not cover it …) is reported in its row and the others go on; cancelling stops after the area running.</source>
      <translation>一次核算一个县的多个项目区：每个项目区在 OUTPUT_FOLDER 中生成一个以项目区命名的工作簿，含“导出方案表格”的各表；OUTPUT_SUMMARY 中每个项目区一行：新增耕地（ADDED_CULTIVATED_M2，以及 ADDED_RATE，占原有耕地的 %）、新增永久基本农田比例（PBF_ADDED_RATIO，%）、建设用地变化、整治前后百亩方个数、指标核验结论（通过 / 未通过 / 未核验的规则数）和 ERROR（该项目区运行成功时为空）。

项目区为 PROJECT_AREAS 的多边形（每个要素一个，按 NAME_FIELD 命名），或 TOWNSHIPS 中列出的乡镇（9 位代码，用逗号分隔）：乡镇范围即 ZLDWDM 以该代码开头的图斑。

每个图层只读取一次，而不是每个项目区读一次：与项目区相交的要素从内存中复制。某个项目区失败（区内没有图斑、规划未覆盖等）时，在其所在行说明原因，其余项目区继续；取消时在当前项目区完成后停止。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="105" />
      <source>{name}: {n} finding(s).</source>
      <translation>{name}：{n} 处。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="108" />
      <source>No findings: all {n} parcels pass every check.</source>
      <translation>未发现问题：全部 {n} 个图斑通过各项检查。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="44" />
      <source>Data check</source>
      <translation>数据质检</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="47" />
      <source>Checks a land-survey DLTB before indicators are computed from it and lists every problem, naming the parcel (BSM, else the feature id): TBDLMJ ≠ TBMJ − KCMJ beyond 0.01 m²; TBMJ differing from the parcel's land-survey ellipsoidal area by more than the tolerance (default max(1 m², 0.1 %)); negative areas, TBMJ 0 on a real polygon, KCMJ &gt; TBMJ, KCXS outside [0, 1), GDDB outside 1–15, NaN/inf or text in a number field; field ridges deducted from a parcel that is not cultivated land; an empty code or one not in the land-survey code table; the town/village attribute code (CZCSXM) invalid, or missing or wrong on 0701/0702 (201/202/203) and 0602/0603 (204); null, empty and invalid geometries (with GEOS's reason); parcels whose interiors overlap (with the overlap area); the same polygon twice; the same BSM twice; garbled text (a wrong encoding), one finding per field.

OUTPUT lists the findings (BSM, FID, CHECK, CHECK_NAME, MESSAGE, AREA_M2: the overlap for overlaps, else the parcel's area); OUTPUT_PARCELS holds the parcels with findings and their checks. A clean parcel gives no finding; the input is not changed. CHECK_NAME and MESSAGE are in Chinese, as in a data inspection report.</source>
      <translation>在计算各项指标之前检查三调地类图斑，逐条列出问题并给出图斑（BSM，无 BSM 时为要素编号）：TBDLMJ ≠ TBMJ − KCMJ 超过 0.01 m²；TBMJ 与图斑三调椭球面积之差超过容差（默认取 1 m² 与 0.1 % 中的较大者）；面积为负、实际图斑的 TBMJ 为 0、KCMJ &gt; TBMJ、KCXS 不在 [0, 1) 之间、GDDB 不在 1–15 之间、数值字段为 NaN/无穷大或非数字文本；非耕地图斑填有田坎扣除；地类编码为空或不在三调地类表中；城镇村属性码（CZCSXM）无效，或 0701/0702（201/202/203）、0602/0603（204）缺少或填错；几何为 NULL、为空或无效（附 GEOS 给出的原因）；图斑内部相互重叠（附重叠面积）；同一图斑几何重复；标识码 BSM 重复；文字乱码（编码读错），每个字段报一条。

OUTPUT 列出全部问题（BSM、FID、CHECK、CHECK_NAME、MESSAGE、AREA_M2：重叠问题为重叠面积，其余为图斑面积）；OUTPUT_PARCELS 为有问题的图斑及其问题。没有问题的图斑不产生记录；输入图层不会被修改。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="68" />
      <source>TBMJ tolerance, absolute (m²)</source>
      <translation>TBMJ 容差，绝对值（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="69" />
      <source>TBMJ may differ from the ellipsoidal area by max(this, the relative tolerance).</source>
      <translation>TBMJ 与椭球面积之差允许为本值与相对容差中的较大者。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="70" />
      <source>TBMJ tolerance, relative (%)</source>
      <translation>TBMJ 容差，相对值（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="71" />
      <source>Relative part of the TBMJ tolerance, in % of the ellipsoidal area.</source>
      <translation>TBMJ 容差的相对部分，以椭球面积的百分比计。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="79" />
      <source>Findings</source>
      <translation>质检问题</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="81" />
      <source>Parcels with findings</source>
      <translation>有问题的图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="100" />
      <source>Largest allowed construction land on permanent basic farmland (m²)</source>
      <translation>建设用地占用永久基本农田的允许面积上限（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="102" />
      <source>County mean quality grade (new cultivated land must not be poorer)</source>
      <translation>县域耕地平均等别（新增耕地不得低于）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="114" />
      <source>Threshold of the compliance table; without it the rule is not checked.</source>
      <translation>指标核验表的控制值；不给出时该指标为“未核验”。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="116" />
      <source>Threshold of the compliance table (policy default: {value}).</source>
      <translation>指标核验表的阈值（政策默认值：{value}）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="183" />
      <source>Compliance check</source>
      <translation>指标核验</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="189" />
      <source>Checks the plan against the policy rules, one row each: new cultivated land ≥ 5 % of the original cultivated land; new permanent basic farmland ≥ 5 % of the adjusted area (needs the permanent basic farmland layers before and after); mean quality grade of the cultivated land not worse; in/out balance of cultivated land in area and quality; construction land not increased; new construction ≤ reclaimed construction land; implementation period ≤ 3 years (from START_YEAR/END_YEAR, else the sub-projects' years); one township (the first 9 digits of ZLDWDM).

Every threshold is a parameter with the policy default; the table's THRESHOLD column shows the value used. PASSED is 1/0, or empty when a rule could not be checked (its NOTE says why). OUTPUT_PARCELS holds the parcels behind each failure: cultivated land lost (new cultivated land), cultivated land planned worse than the original mean grade (quality), cultivated land out (balance), new construction (construction land, linkage), parcels of other townships, permanent basic farmland moved out.</source>
      <translation>逐条对照政策规则核验方案，每条规则一行：新增耕地 ≥ 原耕地的 5 %；新增永久基本农田 ≥ 调整面积的 5 %（需提供整治前、整治后永久基本农田图层）；耕地平均等别不下降；耕地进出平衡（面积与质量）；建设用地不增加；建新 ≤ 拆旧复垦；实施期限 ≤ 3 年（依据 START_YEAR/END_YEAR，未给出时取子项目的年度）；项目限于一个乡镇（ZLDWDM 前 9 位）。

各项阈值均为参数，默认取政策规定值；表中 THRESHOLD 列为实际采用的值。PASSED 为 1/0，规则无法核验时为空（原因见 NOTE）。OUTPUT_PARCELS 为各未通过项涉及的图斑：减少的耕地（新增耕地）、规划等别劣于原耕地平均等别的耕地（质量）、耕地出（进出平衡）、建新（建设用地、增减挂钩）、其他乡镇的图斑、永久基本农田调出。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="201" />
      <source>The reviewer's further checks: new cultivated land not inside the ecological protection red line (RED_LINE) and not on slopes over 25° (SLOPE raster or DEM, else GDPDJB grade 5); planned new construction land not inside the red line and no planned construction land on permanent basic farmland (before or after); permanent basic farmland moved out ≤ 5 % of the original (PBF_ADJUST_SHARE) and the farmland moved in not steeper than the farmland moved out by area-weighted GDPDJB (PBF_IN_SLOPE); the area-weighted quality grade of the new cultivated land (ADDED_QUALITY) not poorer than the county mean (COUNTY_MEAN_GRADE; not checked without it). The conflict parts stand behind the constraint rules.

Cultivated land without a quality grade is never left out silently: while any planned (or current) cultivated land has none, the quality rules are not checked and say how much area lacks it. NEW_CULTIVATED_GRADE gives one grade to all new cultivated land without a planned one.

The table's RULE_NAME, VERDICT and NOTE are in Chinese, as in the scheme's official tables.</source>
      <translation>审查还核验：新增耕地不在生态保护红线内（RED_LINE）、不在 25° 以上陡坡（坡度栅格 SLOPE 或 DEM，否则按耕地坡度级别 GDPDJB 5 级）；规划新增建设用地不在生态保护红线内，规划建设用地不占永久基本农田（调整前或调整后）；永久基本农田调出不超过原永久基本农田的 5%（PBF_ADJUST_SHARE），调入按面积加权坡度级别不陡于调出（PBF_IN_SLOPE）；新增耕地的面积加权平均等别（ADDED_QUALITY）不低于县域耕地平均等别（COUNTY_MEAN_GRADE，未给出时不核验）。约束类指标的相关图斑为冲突部分。

缺少等别的耕地不会被悄悄剔除：只要有规划（或现状）耕地没有等别，质量类指标即为“未核验”，并写明缺少等别的面积。NEW_CULTIVATED_GRADE 为所有无规划等别的新增耕地统一指定一个等别。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="218" />
      <source>Project GeoPackage</source>
      <translation>项目 GeoPackage</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="220" />
      <source>A project GeoPackage written by 'Create project': its layers and years are used unless given below, and the plan pieces stored in it are read instead of overlaying the plan again.</source>
      <translation>由“项目设置”生成的项目 GeoPackage：除下面另行给出的以外，使用其中的图层和年度；并直接读取其中保存的规划叠加图斑，不再重新叠加。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="232" />
      <source>YJJBNTTB layer before the adjustment.</source>
      <translation>调整前的永久基本农田图斑（YJJBNTTB）图层。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="233" />
      <source>YJJBNTTB layer after the adjustment.</source>
      <translation>调整后的永久基本农田图斑（YJJBNTTB）图层。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="234" />
      <source>Sub-projects; their year field (SSND) gives the period when START_YEAR/END_YEAR are not given.</source>
      <translation>子项目图层；未给出 START_YEAR/END_YEAR 时，以其实施年度字段（SSND）确定实施期限。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="245" />
      <source>Compliance table</source>
      <translation>指标核验表</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="248" />
      <source>Parcels behind failures</source>
      <translation>未通过项涉及的图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="251" />
      <source>Rules failed</source>
      <translation>未通过规则数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="252" />
      <source>Rules passed</source>
      <translation>通过规则数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="253" />
      <source>Rules not checked</source>
      <translation>未核验规则数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="254" />
      <source>Mean quality grade of the new cultivated land</source>
      <translation>新增耕地平均等别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="255" />
      <source>New cultivated land without a quality grade (m²)</source>
      <translation>无等别的新增耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="272" />
      <source>{rule}: {verdict}; value {value}, threshold {threshold}.</source>
      <translation>{rule}：{verdict}；数值 {value}，阈值 {threshold}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="284" />
      <source>{failed} rule(s) failed, {passed} passed, {unchecked} not checked; the NOTE column of the compliance table says why.</source>
      <translation>{failed} 条规则不通过，{passed} 条通过，{unchecked} 条未核验；原因见指标核验表的 NOTE 列。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="308" />
      <source>Project: {path}</source>
      <translation>项目：{path}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="310" />
      <source>Give a project GeoPackage (PROJECT) or the current DLTB layer (DLTB).</source>
      <translation>请给出项目 GeoPackage（PROJECT）或现状地类图斑图层（DLTB）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="77" />
      <source>Minimum new cultivated land rate (% of the original cultivated land)</source>
      <translation>新增耕地率下限（占原耕地的 %）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="80" />
      <source>Minimum net gain of permanent basic farmland (% of the adjusted area)</source>
      <translation>新增永久基本农田比例下限（占调整面积的 %）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="81" />
      <source>Largest allowed rise of the mean quality grade (grades)</source>
      <translation>耕地平均等别允许升高的最大值（等）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="84" />
      <source>Largest allowed increase of construction land (m²)</source>
      <translation>建设用地允许增加的最大面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="85" />
      <source>Longest implementation period (years)</source>
      <translation>最长实施期限（年）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="86" />
      <source>Most townships in one project</source>
      <translation>单个项目最多涉及的乡镇数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="88" />
      <source>Largest allowed new cultivated land inside the red line (m²)</source>
      <translation>生态保护红线内新增耕地的允许面积上限（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="90" />
      <source>Largest allowed new cultivated land on steep slopes (m²)</source>
      <translation>陡坡上新增耕地的允许面积上限（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="91" />
      <source>Steepest slope allowed for new cultivated land (degrees)</source>
      <translation>新增耕地允许的最大坡度（度）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="93" />
      <source>Largest share of permanent basic farmland moved out (% of the original)</source>
      <translation>永久基本农田调出比例上限（占原永久基本农田的 %）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="95" />
      <source>Largest allowed rise of the mean slope grade, farmland moved in over farmland moved out (grades)</source>
      <translation>调入平均坡度级别高于调出的允许值（级）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="98" />
      <source>Largest allowed new construction land inside the red line (m²)</source>
      <translation>生态保护红线内新增建设用地的允许面积上限（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="128" />
      <source>Give a slope raster (SLOPE) or a DEM (DEM), not both.</source>
      <translation>请给出坡度栅格（SLOPE）或 DEM（DEM）之一，不要同时给出。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="132" />
      <source>The raster '{name}' is not a file GDAL can read (provider {provider}).</source>
      <translation>栅格“{name}”不是 GDAL 可读取的文件（数据提供者 {provider}）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="155" />
      <source>No slope raster or DEM, and no GDPDJB on the new cultivated land: its slope is not checked.</source>
      <translation>没有坡度栅格或 DEM，新增耕地也没有耕地坡度级别（GDPDJB）：不核验新增耕地的坡度。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="159" />
      <source>{area:.2f} m² of new cultivated land have neither raster cells nor a GDPDJB: their slope is unknown.</source>
      <translation>{area:.2f} m² 新增耕地既无栅格像元也无耕地坡度级别（GDPDJB），坡度未知。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="171" />
      <source>Constraint conflicts</source>
      <translation>约束冲突</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="177" />
      <source>Checks the plan (the overlay of the current and the planned DLTB, as the other algorithms build it) against the constraints, piece by piece, and lists each conflicting piece with its rule, the BSM of the current parcel, the current and planned code and its area:
• NO_BUILD_IN_RED_LINE – planned construction land inside the ecological protection red line that is not construction land now;
• NO_BUILD_ON_PBF – planned construction land on permanent basic farmland, before or after the adjustment;
• NEW_CULTIVATED_NOT_IN_RED_LINE – new cultivated land inside the red line;
• NEW_CULTIVATED_NOT_STEEP – new cultivated land on slopes over 25° (STEEP_SLOPE).

Areas are gross, in m²: the piece's share of its current parcel's TBMJ; the part of a piece inside a constraint gets the piece's gross area × the share of the piece's ellipsoidal area inside (the output's SHARE). Parts under SLIVER_AREA (default 1 m²) are boundary noise and left out.

Slope: from the SLOPE raster (degrees) or from a DEM (Horn's method), counting the cells whose centres fall inside the piece (a piece too small for a cell centre takes the cell under it); without a raster, or where the raster has no data, GDPDJB grade 5 of the planned (else current) parcel. New cultivated land with neither is reported as unknown, not as flat.

Each constraint is optional; a rule without its constraint is not checked (the compliance table says so). The RULE_NAME and NOTE fields are in Chinese, as in the scheme's official tables.</source>
      <translation>将规划（现状与规划地类图斑的叠加，与其他算法相同）逐块与约束条件比对，列出每一处冲突及其规则、现状图斑标识码（BSM）、现状与规划地类和面积：
• NO_BUILD_IN_RED_LINE——生态保护红线内、现状不是建设用地的规划建设用地；
• NO_BUILD_ON_PBF——占用永久基本农田（调整前或调整后）的规划建设用地；
• NEW_CULTIVATED_NOT_IN_RED_LINE——生态保护红线内的新增耕地；
• NEW_CULTIVATED_NOT_STEEP——坡度大于 25°（STEEP_SLOPE）的新增耕地。

面积为图斑面积口径（m²）：叠加块占现状图斑 TBMJ 的份额；位于约束范围内的部分按叠加块面积 × 其椭球面积位于范围内的比例计（输出的 SHARE）。小于 SLIVER_AREA（默认 1 m²）的部分为界线误差，不计。

坡度：取坡度栅格 SLOPE（度）或由 DEM 计算（Horn 法），统计中心点落在叠加块内的像元（小到不含像元中心的叠加块取其所在像元）；没有栅格或栅格无数据处，按规划（无则现状）耕地坡度级别 GDPDJB 5 级判断。两者都没有的新增耕地报告为坡度未知，而不当作平地。

各约束条件均可选；未提供约束条件的规则不核验（指标核验表为“未核验”）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="203" />
      <source>Leave out conflict parts smaller than (m²)</source>
      <translation>剔除小于此面积的冲突部分（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="206" />
      <source>Parts of a piece inside a constraint smaller than this (ellipsoidal m²) come from boundaries drawn apart in the two layers; they are counted in the log.</source>
      <translation>叠加块位于约束范围内、小于此面积（椭球面积 m²）的部分来自两个图层界线不一致，剔除并在日志中计数。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="210" />
      <source>Conflicting pieces</source>
      <translation>冲突图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="211" />
      <source>New construction land inside the red line (m²)</source>
      <translation>生态保护红线内的新增建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="212" />
      <source>Planned construction land on permanent basic farmland (m²)</source>
      <translation>占用永久基本农田的规划建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="213" />
      <source>New cultivated land inside the red line (m²)</source>
      <translation>生态保护红线内的新增耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="214" />
      <source>New cultivated land on steep slopes (m²)</source>
      <translation>陡坡上的新增耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="244" />
      <source>{rule}: {n} piece(s), {area:.2f} m²</source>
      <translation>{rule}：{n} 处，{area:.2f} m²</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="247" />
      <source>{rule}: not checked (its constraint was not given)</source>
      <translation>{rule}：未核验（未提供相应约束图层）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="56" />
      <source>Red-line polygons: planned new construction land and new cultivated land inside are conflicts.</source>
      <translation>生态保护红线面：其中的规划新增建设用地和新增耕地为冲突。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="60" />
      <source>Permanent basic farmland before the adjustment: planned construction land on it is a conflict.</source>
      <translation>调整前的永久基本农田：其上的规划建设用地为冲突。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="63" />
      <source>Permanent basic farmland after the adjustment: planned construction land on it is a conflict.</source>
      <translation>调整后的永久基本农田：其上的规划建设用地为冲突。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="71" />
      <source>Slope raster (degrees)</source>
      <translation>坡度栅格（度）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="72" />
      <source>Slope in degrees. New cultivated land is measured from the cells whose centres fall inside each piece. Give this or DEM; without either, GDPDJB grade 5 of the planned (else current) parcel marks slopes over 25°.</source>
      <translation>以度为单位的坡度。新增耕地按中心点落在叠加块内的像元统计。给出此项或 DEM；两者都没有时，以规划（无则现状）耕地坡度级别 GDPDJB 5 级表示 25° 以上。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="76" />
      <source>…or elevation raster (DEM)</source>
      <translation>…或高程栅格（DEM）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="77" />
      <source>Elevations; the slope is derived by Horn's 3×3 method (as gdaldem slope). A projected CRS in metres, or geographic degrees (converted on the CGCS2000 ellipsoid).</source>
      <translation>高程；坡度按 Horn 3×3 方法计算（与 gdaldem slope 相同）。投影坐标系（米），或地理坐标（按 CGCS2000 椭球换算为米）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="92" />
      <source>New cultivated land on slopes over this is a conflict (trial rules for the acceptance of supplementary cultivated land, 2025: 25°). The GDPDJB fallback always means grade 5 (over 25°).</source>
      <translation>坡度超过此值的新增耕地为冲突（补充耕地质量验收办法（试行），2025：25°）。按耕地坡度级别判断时始终取 5 级（25° 以上）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="17" />
      <source>Construction land before (m²)</source>
      <translation>整治前建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="18" />
      <source>Construction land after (m²)</source>
      <translation>整治后建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="19" />
      <source>Rural construction land before (m²)</source>
      <translation>整治前农村建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="20" />
      <source>Rural construction land after (m²)</source>
      <translation>整治后农村建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="21" />
      <source>Reclaimed: construction land planned as other land (m²)</source>
      <translation>拆旧复垦：规划为非建设用地的建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="22" />
      <source>…of which to cultivated land (m²)</source>
      <translation>…其中复垦为耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="23" />
      <source>…of which to other agricultural land (m²)</source>
      <translation>…其中复垦为其他农用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="24" />
      <source>…of which to unused land (m²)</source>
      <translation>…其中复垦为未利用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="25" />
      <source>New construction: other land planned as construction land (m²)</source>
      <translation>建新：规划为建设用地的非建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="26" />
      <source>Surplus = reclaimed − new construction (m²)</source>
      <translation>节余 = 拆旧复垦 − 建新（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="39" />
      <source>Construction land and linkage</source>
      <translation>建设用地与增减挂钩</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="44" />
      <source>Construction land is the land-survey category of construction land (class areas, TBDLMJ). Rural construction land = construction land with CZCSXM 203/203A (villages), any 0702, and 0601/0602 outside cities and towns (CZCSXM not 201/202).

The urban-rural linkage (demolition and reclamation against new construction) from the transitions (gross piece areas): reclaimed (RECLAIMED_M2) = construction land planned as non-construction land, split into cultivated land and other agricultural land; new construction (NEW_BUILD_M2) = non-construction land planned as construction land; surplus = reclaimed − new construction. The rule is new construction ≤ reclaimed and construction land not increased.

With a sub-project layer, OUTPUT has one row per sub-project (the part of each change inside it) and a total row; without it, only the total row.</source>
      <translation>建设用地指三调三大类中的建设用地（地类面积，TBDLMJ）。农村建设用地 = CZCSXM 为 203/203A（村庄）的建设用地、全部 0702，以及位于城市/建制镇以外（CZCSXM 不为 201/202）的 0601/0602。

增减挂钩依据地类转移计算（叠加分块的毛面积）：拆旧复垦（RECLAIMED_M2）= 规划为非建设用地的建设用地，分为耕地 / 其他农用地；建新（NEW_BUILD_M2）= 规划为建设用地的非建设用地；节余 = 拆旧复垦 − 建新。规则要求建新 ≤ 拆旧复垦，且建设用地不增加。

提供子项目图层时，OUTPUT 中每个子项目一行（各项变化位于该子项目内的部分），另加合计行；未提供时只有合计行。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="65" />
      <source>Polygons of the sub-projects (fields XMMC name, XMLX type are used when present).</source>
      <translation>子项目范围面（如有 XMMC 项目名称、XMLX 项目类型字段则一并使用）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="68" />
      <source>Linkage ledger</source>
      <translation>增减挂钩台账</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="83" />
      <source>Construction land {before:.2f} m² before, {after:.2f} m² after; reclaimed {reclaimed:.2f} m², new construction {new:.2f} m², surplus {surplus:.2f} m².</source>
      <translation>建设用地整治前 {before:.2f} m²，整治后 {after:.2f} m²；拆旧复垦 {reclaimed:.2f} m²，建新 {new:.2f} m²，节余 {surplus:.2f} m²。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="129" />
      <source>Farmland contiguity and fragmentation</source>
      <translation>耕地集中连片与破碎度</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="135" />
      <source>Groups the parcels of the chosen classes (cultivated land 0101/0102/0103 by default) into contiguous blocks and counts the blocks of at least 100, 500 and 1 000 mu, with the fragmentation metrics of the parcels.

Two parcels are in one block when they share at least 1 m of boundary (parcels that meet only at a corner are not joined by that), or when the gap between them is at most MAX_GAP wide (at most 50 m) and lies wholly on connector parcels (rural roads 1006, ditches 1107, field ridges 1203) no wider than MAX_GAP. A connector's width is XZDWKD, or 2 × area / perimeter where XZDWKD is empty. A wider road or ditch, a gap wider than MAX_GAP, or anything else in the gap (a river, a highway, houses) breaks the block. Fields along the same road are not joined through it, only fields facing each other across it. Each part of a multipart parcel is a patch of its own, with the parcel's areas in proportion to its ellipsoidal area; the log names such parcels.

Block area = Σ TBDLMJ of its parcels (the roads and ditches between them are not counted); 1 mu = 10 000/15 m². The block layer holds the dissolved parcels of each block, largest first.

Fragmentation metrics (FRAGSTATS definitions, each parcel a patch, A = Σ TBMJ of the area analysed): NP; mean parcel area; LPI = largest patch / A × 100; patch density per 100 ha; MESH = Σ a² / A; mean shape index p / (2√(πa)); share of parcels under 5 mu. LPI and MESH of the blocks are given too. The metrics table has a row per village (GROUP_FIELD) and one for all.

With AFTER (the planned DLTB) or AFTER_FIELD (a planned-code field), the same analysis is run on the plan and a before/after table shows what the scheme gains (e.g. 3 new blocks of at least 100 mu).</source>
      <translation>将所选地类（默认耕地 0101/0102/0103）的图斑归并为连片块，统计百亩方（≥100 亩）、五百亩方（≥500 亩）和千亩方（≥1000 亩）个数，并计算图斑破碎度指标。

两个图斑共用至少 1 米边界时属于同一连片块（仅角点相接的不因此连片）；或两者之间的间隔宽度不超过 MAX_GAP（最大 50 米），且间隔完全落在宽度不超过 MAX_GAP 的连接地物图斑（农村道路 1006、沟渠 1107、田坎 1203）上。连接地物宽度取 XZDWKD，为空时取 2 × 面积 / 周长。更宽的道路或沟渠、宽于 MAX_GAP 的间隔，或间隔中有其他地物（河流、公路、房屋）时连片断开。同一条道路一侧的田块不经由道路相连，只有隔路相对的田块才连片。多部件图斑的每个部件各为一个斑块，图斑面积按各部件椭球面积比例分摊；日志列出这些图斑。

连片面积 = 其图斑的 Σ TBDLMJ（之间的道路、沟渠不计）；1 亩 = 10 000/15 m²。连片块图层为各连片块融合后的图斑，按面积从大到小排列。

破碎度指标（FRAGSTATS 定义，每个图斑为一个斑块，A = 分析范围的 Σ TBMJ）：斑块数 NP；平均图斑面积；LPI = 最大斑块 / A × 100；每 100 公顷斑块密度；MESH = Σ a² / A；平均形状指数 p / (2√(πa))；5 亩以下图斑占比。另给出按连片块计算的 LPI 和 MESH。指标表每个村（GROUP_FIELD）一行，另有全部一行。

给出 AFTER（规划地类图斑）或 AFTER_FIELD（规划地类编码字段）时，对规划再做同样分析，并以整治前后对比表说明方案的成效（如新增 3 个百亩方）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="166" />
      <source>Widest gap joining two parcels (m)</source>
      <translation>连接两个图斑的最大间隔宽度（m）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="173" />
      <source>Parcels separated only by connectors at most this wide count as one block (default 8 m, at most 50 m: a wider gap is not a road or ditch between fields).</source>
      <translation>仅被不超过此宽度的连接地物隔开的图斑视为同一连片地块（默认 8 m，最大 50 m：更宽的间隔已不是田块之间的道路或沟渠）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="181" />
      <source>Connector codes (do not break a block)</source>
      <translation>连接地物地类编码（不隔断连片）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="186" />
      <source>Comma-separated codes of the linear features that join blocks: rural roads, ditches, field ridges. Empty: only parcels that touch are joined.</source>
      <translation>连接连片块的线状地物编码，用逗号分隔：农村道路、沟渠、田坎。留空：只有相接的图斑才连片。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="193" />
      <source>Codes analysed (default cultivated land)</source>
      <translation>分析地类编码（默认耕地）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="196" />
      <source>Comma-separated codes whose parcels form the blocks; suffixed codes match their base.</source>
      <translation>组成连片地块的图斑地类编码，以逗号分隔；带后缀的编码按其基本编码匹配。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="201" />
      <source>Metrics by field (default ZLDWDM, village; empty = whole area only)</source>
      <translation>指标分组字段（默认 ZLDWDM，即按村；为空则只统计整个范围）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="202" />
      <source>The metrics table gets one row per value of this field, plus one for all.</source>
      <translation>指标表中该字段每个取值一行，另加全部范围一行。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="207" />
      <source>Block size for SHARE_IN_BLOCKS (mu)</source>
      <translation>SHARE_IN_BLOCKS 的连片规模（亩）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="213" />
      <source>SHARE_IN_BLOCKS = share of the class area in blocks at least this large.</source>
      <translation>SHARE_IN_BLOCKS = 位于面积不小于此值的连片地块中的地类面积占比。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="217" />
      <source>Planned land use after (DLTB_GH), to compare</source>
      <translation>整治后规划地类（DLTB_GH），用于对比</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="221" />
      <source>Optional planned DLTB; the same analysis is run on it and compared.</source>
      <translation>可选的规划地类图斑；对其进行同样的分析并与现状对比。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="225" />
      <source>…or planned code field on DLTB (e.g. GHDLBM)</source>
      <translation>…或地类图斑上的规划地类编码字段（如 GHDLBM）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="229" />
      <source>Optional field holding each parcel's planned code; used when AFTER is not given.</source>
      <translation>可选，存放各图斑规划地类编码的字段；未给出 AFTER 时使用。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="235" />
      <source>Fragmentation metrics</source>
      <translation>破碎度指标</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="240" />
      <source>Before / after comparison</source>
      <translation>整治前后对比</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="248" />
      <source>Blocks of at least 100 mu after</source>
      <translation>整治后百亩方个数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="249" />
      <source>New blocks of at least 100 mu</source>
      <translation>新增百亩方个数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="263" />
      <source>No ZLDWDM field: metrics for the whole area only.</source>
      <translation>无 ZLDWDM 字段：仅统计整个范围的指标。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="347" />
      <source>Before:</source>
      <translation>整治前：</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="350" />
      <source>After:</source>
      <translation>整治后：</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="372" />
      <source>CODES is empty: give the codes to analyse, e.g. 0101,0102,0103.</source>
      <translation>没有指定分析地类（CODES 为空）：请填写要分析的地类编码，例如 0101,0102,0103。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="458" />
      <source>Before → after:</source>
      <translation>整治前 → 整治后：</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="463" />
      <source>  {n} new block(s) of at least 100 mu</source>
      <translation>  新增 {n} 个百亩方</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="468" />
      <source>{np} parcels, {ca:.2f} m² ({mu:.2f} mu) in {blocks} blocks; ≥ 100 mu: {b100}, ≥ 500 mu: {b500}, ≥ 1 000 mu: {b1000}; largest block {largest:.2f} mu; {share:.2f} % of the area in blocks of at least 100 mu.</source>
      <translation>{np} 个图斑，{ca:.2f} m²（{mu:.2f} 亩），共 {blocks} 个连片块；百亩方 {b100} 个，五百亩方 {b500} 个，千亩方 {b1000} 个；最大连片 {largest:.2f} 亩；百亩方以上面积占 {share:.2f} %。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="479" />
      <source>Connectors: {used} narrow enough to join, {wide} wider than MAX_GAP; {corner} corner-only contacts not joined; {rejected} narrow gaps refused (something other than a connector in them). Run time {t:.1f} s.</source>
      <translation>连接地物：{used} 处宽度满足连接条件，{wide} 处宽于 MAX_GAP；{corner} 处仅角点相接，未连接；{rejected} 处窄间隔未予连接（其中含有连接地物以外的地物）。运行时间 {t:.1f} s。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="49" />
      <source>Contiguous blocks</source>
      <translation>集中连片地块</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="50" />
      <source>Blocks of at least 100 mu</source>
      <translation>百亩方（≥100 亩）个数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="51" />
      <source>Blocks of at least 500 mu</source>
      <translation>五百亩方（≥500 亩）个数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="52" />
      <source>Blocks of at least 1 000 mu</source>
      <translation>千亩方（≥1000 亩）个数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="53" />
      <source>Largest block (m²)</source>
      <translation>最大连片块面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="54" />
      <source>Mean block (m²)</source>
      <translation>平均连片块面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="55" />
      <source>Share of the class area in blocks of at least 100 mu (%)</source>
      <translation>百亩方以上面积占比（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="56" />
      <source>Share of the class area in blocks ≥ THRESHOLD_MU (%)</source>
      <translation>不小于 THRESHOLD_MU 的连片块面积占比（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="57" />
      <source>Parcels, NP</source>
      <translation>图斑数 NP</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="58" />
      <source>Class area Σ TBDLMJ (m²)</source>
      <translation>分析地类面积 Σ TBDLMJ（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="59" />
      <source>Area analysed Σ TBMJ (m²)</source>
      <translation>分析范围面积 Σ TBMJ（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="60" />
      <source>Mean parcel (m²)</source>
      <translation>平均图斑面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="61" />
      <source>Largest patch index, parcels (%)</source>
      <translation>最大图斑指数 LPI，按图斑（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="62" />
      <source>Patch density (parcels per 100 ha)</source>
      <translation>图斑密度（个/100 公顷）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="63" />
      <source>Effective mesh size, parcels (m²)</source>
      <translation>有效网格面积 MESH，按图斑（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="64" />
      <source>Mean shape index</source>
      <translation>平均形状指数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="65" />
      <source>Parcels under 5 mu (% of count)</source>
      <translation>5 亩以下图斑占比（按个数，%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="66" />
      <source>Largest patch index, blocks (%)</source>
      <translation>最大连片指数 LPI，按连片块（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="67" />
      <source>Effective mesh size, blocks (m²)</source>
      <translation>有效网格面积 MESH，按连片块（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="100" />
      <source>Township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="100" />
      <source>Name of the township; default from ZLDWDM.</source>
      <translation>乡镇名称；默认依据 ZLDWDM 确定。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="101" />
      <source>Responsible unit</source>
      <translation>实施主体</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="101" />
      <source>e.g. the township government.</source>
      <translation>如：乡镇人民政府。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="102" />
      <source>Prepared by</source>
      <translation>编制单位</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="103" />
      <source>The unit that prepares the scheme; shown on every table and map.</source>
      <translation>编制实施方案的单位；显示在每张表格和图件上。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="104" />
      <source>Date of preparation</source>
      <translation>编制日期</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="105" />
      <source>e.g. 2026-11-29; default: the day the project is written.</source>
      <translation>如 2026-11-29；默认为生成项目文件的当天。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="109" />
      <source>First year</source>
      <translation>开始年度</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="109" />
      <source>Last year</source>
      <translation>结束年度</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="112" />
      <source>Calendar year; both ends count.</source>
      <translation>公历年份；含起止年度。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="114" />
      <source>Longest period (years)</source>
      <translation>最长实施期限（年）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="118" />
      <source>Policy default: 3 years (Wuxi implementation opinion §3(3)).</source>
      <translation>政策默认值：3 年（无锡实施意见 §三(三)）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="126" />
      <source>Urban development boundary</source>
      <translation>城镇开发边界</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="131" />
      <source>Optional; copied into the project where it meets the boundary.</source>
      <translation>可选；与项目区边界相交的要素将复制到项目文件中。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="133" />
      <source>Later surveys (annual change-survey DLTB)</source>
      <translation>年度变更调查地类图斑（可多个）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="135" />
      <source>Optional; for implementation monitoring. Each is copied where it meets the boundary, as DLTB_&lt;year&gt; (the year from the layer name).</source>
      <translation>可选，用于实施监管。每个图层与项目区相交的部分复制为 DLTB_&lt;年份&gt;（年份取自图层名称）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="139" />
      <source>…or planned-code field on the DLTB</source>
      <translation>…或地类图斑上的规划地类编码字段</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="141" />
      <source>Field holding the planned DLBM, instead of a layer.</source>
      <translation>存放规划地类编码（DLBM）的字段，可代替规划图层。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="145" />
      <source>Planned KCXS per parcel (e.g. GHKCXS of a drafted plan); the indicators and the workbook read the plan with it.</source>
      <translation>各图斑的规划田坎系数（如方案草案的 GHKCXS）；各项指标和方案表格按它读取规划。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="148" />
      <source>Field mapping (JSON role → field)</source>
      <translation>字段映射（JSON，角色 → 字段）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="151" />
      <source>e.g. {"code": "DLBM2", "tbmj": "MJ"}; roles not given are detected.</source>
      <translation>如 {"code": "DLBM2", "tbmj": "MJ"}；未给出的角色将自动识别。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="155" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="156" />
      <source>Townships in the project area</source>
      <translation>项目区涉及乡镇数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="157" />
      <source>DLTB parcels copied</source>
      <translation>复制的地类图斑数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="158" />
      <source>Township codes</source>
      <translation>乡镇代码</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="176" />
      <source>The project needs a name.</source>
      <translation>请填写项目名称。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="178" />
      <source>A planned field-ridge coefficient field (AFTER_KCXS_FIELD) needs the planned-code field (AFTER_FIELD).</source>
      <translation>规划田坎系数字段（AFTER_KCXS_FIELD）须与规划地类编码字段（AFTER_FIELD）一起给出。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="188" />
      <source>Give a project area layer (PROJECT_AREA) or villages (VILLAGES), not both.</source>
      <translation>请只给出项目区图层（PROJECT_AREA）或村庄（VILLAGES）之一。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="197" />
      <source>Give a project area layer (PROJECT_AREA) or villages (VILLAGES).</source>
      <translation>请给出项目区图层（PROJECT_AREA）或村庄（VILLAGES）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="203" />
      <source>The project area does not overlap the layer '{layer}'. Check that the project area is a boundary layer and both are in the right coordinate system.</source>
      <translation>项目区与图层“{layer}”没有重叠。请检查项目区是否为边界图层，以及两者的坐标系是否正确。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="208" />
      <source>The project area spans {n} townships ({codes}); the policy's unit is one township.</source>
      <translation>项目区跨 {n} 个乡镇（{codes}）；按政策，项目以一个乡镇为实施单元。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="248" />
      <source>Writing {path}…</source>
      <translation>正在写入 {path}…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="259" />
      <source>Layer {layer}: {n} feature(s) written.</source>
      <translation>图层 {layer}：写入 {n} 个要素。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="281" />
      <source>The plan could not be computed, so none is stored in the project: {error}</source>
      <translation>无法计算规划叠加，项目中未保存规划图斑：{error}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="298" />
      <source>Overlaying the plan once for the project…</source>
      <translation>为项目计算一次规划叠加…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="322" />
      <source>{n} plan pieces stored in the project ({table}).</source>
      <translation>已在项目中保存 {n} 个规划叠加图斑（{table}）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="67" />
      <source>Create project</source>
      <translation>项目设置</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="72" />
      <source>Writes one self-contained project GeoPackage: the project boundary (XMQ), copies of the DLTB parcels that intersect it (whole parcels, attributes unchanged) and of the optional layers (planned DLTB, permanent basic farmland before/after, sub-projects, ecological red line, urban development boundary), and a settings table (lc_settings) with the project facts, the field mapping and the planned-code field. The project wizard runs this algorithm; exportscheme and the wizard read the file back.

The boundary is the PROJECT_AREA layer (its features dissolved; use 'selected features only' for a part) or the villages listed in VILLAGES (ZLDWDM codes, comma separated), whose DLTB parcels are dissolved. A project spanning more than one township (first 9 digits of ZLDWDM) is reported as a warning: the policy's unit is one township. The period counts both ends (2026–2028 = 3 years) and may not exceed MAX_YEARS.</source>
      <translation>生成一个独立完整的项目 GeoPackage，其中包括：项目区边界（XMQ）；与边界相交的地类图斑副本（整图斑复制，属性不变）及各可选图层的副本（规划地类图斑、整治前/整治后永久基本农田、子项目、生态保护红线、城镇开发边界）；设置表（lc_settings），记录项目信息、字段映射和规划地类编码字段。项目设置向导调用本算法；exportscheme 和向导会读取该文件。

项目区边界取自 PROJECT_AREA 图层（其要素融合为一；如只用其中一部分，请勾选“仅选中的要素”），或取自 VILLAGES 中列出的村（ZLDWDM 代码，以逗号分隔），由这些村的地类图斑融合而成。项目跨多个乡镇（ZLDWDM 前 9 位）时给出警告：按政策，项目以一个乡镇为实施单元。实施期限含起止年度（2026–2028 = 3 年），且不得超过 MAX_YEARS。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="88" />
      <source>Land-use parcels (DLTB) of the land survey, projected CGCS2000 Gauss-Krüger.</source>
      <translation>三调地类图斑（DLTB），CGCS2000 高斯-克吕格投影。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="91" />
      <source>Project area polygons</source>
      <translation>项目区范围面</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="92" />
      <source>Boundary polygons; or give VILLAGES instead.</source>
      <translation>项目区边界面；也可改为给出 VILLAGES。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="94" />
      <source>…or villages (ZLDWDM codes, comma separated)</source>
      <translation>…或村（ZLDWDM 代码，以逗号分隔）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="95" />
      <source>Their DLTB parcels are dissolved into the boundary.</source>
      <translation>将这些村的地类图斑融合为项目区边界。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="97" />
      <source>Project name</source>
      <translation>项目名称</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="97" />
      <source>e.g. the comprehensive land consolidation project of a township</source>
      <translation>如：某某镇全域土地综合整治项目</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="99" />
      <source>Project code</source>
      <translation>项目编号</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="99" />
      <source>Code given by the bureau.</source>
      <translation>由自然资源主管部门确定的项目编号。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="14" />
      <source>Cultivated land before, Σ TBDLMJ (m²)</source>
      <translation>整治前耕地，Σ TBDLMJ（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="15" />
      <source>Cultivated land after, Σ TBDLMJ (m²)</source>
      <translation>整治后耕地，Σ TBDLMJ（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="16" />
      <source>New cultivated land (m²)</source>
      <translation>新增耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="17" />
      <source>New cultivated land rate, % of the cultivated land before</source>
      <translation>新增耕地率，占整治前耕地的 %</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="18" />
      <source>New cultivated land rate, % of the project area</source>
      <translation>新增耕地率，占项目区面积的 %</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="19" />
      <source>Cultivated land out: to other agricultural land (m²)</source>
      <translation>耕地“出”：转为其他农用地的耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="20" />
      <source>Cultivated land in: from other agricultural land (m²)</source>
      <translation>耕地“进”：由其他农用地转为的耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="21" />
      <source>Mean quality grade of the cultivated land out</source>
      <translation>耕地“出”的平均等别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="22" />
      <source>Mean quality grade of the cultivated land in</source>
      <translation>耕地“进”的平均等别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="23" />
      <source>Mean quality grade of the cultivated land before</source>
      <translation>整治前耕地平均等别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="24" />
      <source>Mean quality grade of the cultivated land after</source>
      <translation>整治后耕地平均等别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="25" />
      <source>Cultivated land to construction or unused land (m²)</source>
      <translation>转为建设用地或未利用地的耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="26" />
      <source>In/out balance met in area and quality (1 = yes)</source>
      <translation>面积与质量进出平衡（1 = 是）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="41" />
      <source>Cultivated land: added, in/out balance, quality</source>
      <translation>新增耕地、进出平衡、质量</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="46" />
      <source>Cultivated land (0101/0102/0103) before and after on the TBDLMJ basis (field ridges excluded): new cultivated land = cultivated land after − cultivated land before. ADDED_RATE is the policy's rate, against the original cultivated land; ADDED_RATE_OF_PROJECT_AREA is against the project area's Σ TBMJ (both in %).

The OUTPUT table splits the new cultivated land by source: reclaimed construction land, K-coded restorable plots, garden/forest/grassland, ponds, unused land, other agricultural land, the change inside land that stays cultivated (field-ridge coefficient; a change of type moves its area between the paddy, irrigated and dry columns), and cultivated land lost (negative); the rows add up to the total row = ADDED_M2, and the columns split each row by the planned type (paddy, irrigated, dry; a loss by the current one). QUALITY is the area-weighted mean quality grade (GDDB; 1 best, 15 worst).

In/out balance: out = cultivated land planned as other agricultural land (including facility agricultural land), measured before; in = other agricultural land planned as cultivated land, measured after; balanced when in ≥ out and the mean grade of the land in is not larger than that of the land out. Cultivated land from construction or unused land is new cultivated land but not part of the in/out balance.</source>
      <translation>以地类面积（TBDLMJ，不含田坎）统计整治前后的耕地（0101/0102/0103）：新增耕地 = 整治后耕地 − 整治前耕地。ADDED_RATE 为政策口径的新增耕地率，以原耕地为基数；ADDED_RATE_OF_PROJECT_AREA 以项目区 Σ TBMJ 为基数（均为 %）。

OUTPUT 表按来源拆分新增耕地：建设用地复垦、K 编码可恢复地类、园地/林地/草地、坑塘、未利用地、其他农用地、仍为耕地的土地内部的变化（田坎系数变化；耕地类型变化时，其面积在水田/水浇地/旱地各列之间转移），以及减少的耕地（负值）；各行相加等于合计行 = ADDED_M2，各列按规划的水田/水浇地/旱地拆分每一行（减少的耕地按现状类型）。QUALITY 为按面积加权的平均等别（GDDB；1 等最好，15 等最差）。

进出平衡：出 = 规划为其他农用地（含设施农用地）的耕地，按整治前面积计；进 = 规划为耕地的其他农用地，按整治后面积计；进 ≥ 出且进的平均等别不高于出的平均等别时为平衡。由建设用地或未利用地转来的耕地计入新增耕地，但不参与进出平衡。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="63" />
      <source>ADDED_QUALITY is the area-weighted mean quality grade of the new cultivated land on its own (pieces not cultivated now and planned as cultivated land); ADDED_UNGRADED_M2 the part of it without a planned grade (give NEW_CULTIVATED_GRADE or the planned-grade field). BALANCED is 0 while the land in or out has cultivated land without a grade.</source>
      <translation>ADDED_QUALITY 为新增耕地（现状非耕地、规划为耕地）单独的面积加权平均等别；ADDED_UNGRADED_M2 为其中没有规划等别的面积（可给出 NEW_CULTIVATED_GRADE 或规划等别字段）。“进”或“出”中有耕地缺少等别时 BALANCED 为 0。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="73" />
      <source>New cultivated land by source</source>
      <translation>按来源分的新增耕地</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="84" />
      <source>{area:.2f} m² of new cultivated land have no quality grade; the means and the quality rules leave them out. Give NEW_CULTIVATED_GRADE or the planned-grade field.</source>
      <translation>{area:.2f} m² 新增耕地没有等别，不计入平均等别和质量类指标。请给出 NEW_CULTIVATED_GRADE 或规划等别字段。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="87" />
      <source>Cultivated land {before:.2f} m² before, {after:.2f} m² after; new cultivated land {added:.2f} m² ({rate:.2f} % of the original cultivated land, {share:.2f} % of the project area).</source>
      <translation>耕地整治前 {before:.2f} m²，整治后 {after:.2f} m²；新增耕地 {added:.2f} m²（占原耕地 {rate:.2f} %，占项目区 {share:.2f} %）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="93" />
      <source>In/out balance: {out:.2f} m² out (mean grade {out_grade}), {into:.2f} m² in (mean grade {in_grade}); balanced.</source>
      <translation>进出平衡：出 {out:.2f} m²（平均等别 {out_grade}），进 {into:.2f} m²（平均等别 {in_grade}）；平衡。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="95" />
      <source>In/out balance: {out:.2f} m² out (mean grade {out_grade}), {into:.2f} m² in (mean grade {in_grade}); not balanced.</source>
      <translation>进出平衡：出 {out:.2f} m²（平均等别 {out_grade}），进 {into:.2f} m²（平均等别 {in_grade}）；不平衡。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="108" />
      <source>Draft a scheme</source>
      <translation>方案编制助手</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="112" />
      <source>Proposes a plan: from the candidates of the potential survey (run with the same layers), the selection that reaches new cultivated land ≥ TARGET_ADDED_RATE % of the original cultivated land (as the compliance rule measures it) and reclaims at least NEW_BUILD_M2 of rural construction land (so construction land does not grow and new construction stays within the reclaimed land), within MAX_BUDGET, at the least cost.

Never chosen: candidates with 1 m² or more inside the ecological protection red line (RED_LINE), reclamation inside the urban development boundary (DEVELOPMENT_BOUNDARY), anything in EXCLUDE (BSMs). INCLUDE forces candidates in. Permanent basic farmland (PBF) is never adjusted.

Cost: COST_FIELD (the parcel's cost in yuan) where given, else the unit cost of its type × its TBMJ in mu. The defaults are planning assumptions ({restorable:g}, {development:g}, {reclamation:g}, {mine:g} and {tiankan:g} yuan/mu for restoring K plots, developing reserve land, reclaiming rural construction land, reclaiming mines and merging field ridges; the last is half the 3 000 yuan/mu of the national high-standard farmland plan 2021–2030): set your county's budget standard. PREFER_CONTIGUITY credits so many yuan per mu to new cultivated land in a block of cultivated land of 100 mu or more.

Solver: SciPy's milp (exact) when QGIS's Python has SciPy ≥ 1.9, else a greedy cover with repair; SOLVER, LP_BOUND and GAP_PCT say which ran and how far the cost is from the linear-programming lower bound. FEASIBLE is 0 with REASON (e.g. the candidates fall 12 600 m² short) when the targets cannot be met; the outputs then hold the best attempt.

OUTPUT: the DLTB with GHDLBM (the planned code: a restored pond 1104K becomes 0101 paddy, other new cultivated land NEW_CULTIVATED_CODE, 0103 dry land by default; merged field ridges keep their code; parcels not chosen keep theirs), GHKCXS (the target field-ridge coefficient on new and merged cultivated land) and ZXM (the sub-project). Feed it to the other algorithms with AFTER_FIELD=GHDLBM and AFTER_KCXS_FIELD=GHKCXS. OUTPUT_CANDIDATES: every candidate with EST_ADDED_M2, COST, CHOSEN and REASON. OUTPUT_SUBPROJECTS: the chosen parcels by village and type (XMBH, XMMC, XMLX, TZJE in 10 000 yuan, SSND spread over START_YEAR–END_YEAR, reclamation first), a layer the wizard and the workbook take as sub-projects.</source>
      <translation>提出规划草案：在潜力调查（使用相同图层）的候选图斑中，以最低费用选出使新增耕地 ≥ 原耕地的 TARGET_ADDED_RATE %（与指标核验的口径相同）、并复垦至少 NEW_BUILD_M2 农村建设用地（建设用地不增加，建新不超过拆旧）的组合，费用不超过 MAX_BUDGET。

不会选入：生态保护红线（RED_LINE）内面积达 1 m² 以上的候选、城镇开发边界（DEVELOPMENT_BOUNDARY）内的复垦、EXCLUDE 列出的图斑（标识码）。INCLUDE 列出的候选必选。永久基本农田（PBF）不作调整。

费用：给出 COST_FIELD（图斑费用，元）时取其值，否则为该类型单价 × 图斑面积（TBMJ，亩）。默认单价为规划测算假设值（恢复可调整地类 {restorable:g}、后备资源开发 {development:g}、农村建设用地复垦 {reclamation:g}、工矿废弃地复垦 {mine:g}、田坎归并 {tiankan:g} 元/亩；田坎归并取全国高标准农田建设规划（2021—2030年）亩均约 3000 元的一半）：请按本县预算标准设置。PREFER_CONTIGUITY 为位于 100 亩以上耕地连片块（百亩方）内的新增耕地每亩抵扣的金额。

求解：QGIS 的 Python 有 SciPy ≥ 1.9 时用 milp 精确求解，否则用贪心法加修正；SOLVER、LP_BOUND、GAP_PCT 说明所用方法及费用与线性规划下界的差距。目标无法达到时 FEASIBLE 为 0，REASON 说明原因（如候选图斑尚差 12600 m²），输出为尽力而为的结果。

OUTPUT：地类图斑加 GHDLBM（规划地类：恢复的坑塘 1104K 为 0101 水田，其他新增耕地为 NEW_CULTIVATED_CODE，默认 0103 旱地；田坎归并不改地类；未选图斑保持原地类）、GHKCXS（新增及归并耕地的目标田坎系数）和 ZXM（子项目）。用 AFTER_FIELD=GHDLBM 和 AFTER_KCXS_FIELD=GHKCXS 输入其他算法。OUTPUT_CANDIDATES：每个候选图斑的 EST_ADDED_M2、COST、CHOSEN 和 REASON。OUTPUT_SUBPROJECTS：按村和类型归并的子项目（XMBH、XMMC、XMLX、TZJE 万元、SSND 分布在 START_YEAR—END_YEAR，建设用地复垦在先），可作为向导和表格的子项目图层。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="148" />
      <source>Permanent basic farmland</source>
      <translation>永久基本农田</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="151" />
      <source>Target new cultivated land (% of the original cultivated land)</source>
      <translation>新增耕地目标（占原耕地 %）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="153" />
      <source>Construction land needed (m², reclaimed at least)</source>
      <translation>所需建设用地（m²，至少拆旧复垦）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="154" />
      <source>Budget (yuan)</source>
      <translation>预算（元）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="158" />
      <source>Cost field (yuan per parcel)</source>
      <translation>费用字段（每图斑，元）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="163" />
      <source>Preference for 100-mu blocks (yuan credited per mu)</source>
      <translation>百亩方优先（每亩抵扣元）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="164" />
      <source>Always choose (BSMs)</source>
      <translation>必选图斑（标识码）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="164" />
      <source>Never choose (BSMs)</source>
      <translation>排除图斑（标识码）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="166" />
      <source>BSMs separated by commas, enumeration commas or spaces.</source>
      <translation>标识码以逗号、顿号或空格分隔。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="168" />
      <source>Planned code of new cultivated land</source>
      <translation>新增耕地的规划地类</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="169" />
      <source>0103 dry land</source>
      <translation>0103 旱地</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="169" />
      <source>0102 irrigated land</source>
      <translation>0102 水浇地</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="177" />
      <source>Target field-ridge coefficient after consolidation</source>
      <translation>整治后目标田坎系数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="179" />
      <source>Solver</source>
      <translation>求解方法</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="180" />
      <source>Exact (SciPy milp) when available, else greedy</source>
      <translation>精确求解（SciPy milp，如可用），否则贪心法</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="180" />
      <source>Greedy with repair</source>
      <translation>贪心法加修正</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="189" />
      <source>DLTB with the drafted plan (GHDLBM)</source>
      <translation>含规划草案的地类图斑（GHDLBM）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="191" />
      <source>Candidates and choices</source>
      <translation>候选图斑及选择</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="193" />
      <source>Drafted sub-projects</source>
      <translation>子项目草案</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="194" />
      <source>New cultivated land of the draft (m²)</source>
      <translation>草案新增耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="196" />
      <source>New cultivated land of the draft (% of the original cultivated land)</source>
      <translation>草案新增耕地（占原耕地 %）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="197" />
      <source>Construction land reclaimed (m²)</source>
      <translation>复垦建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="198" />
      <source>Cost (yuan)</source>
      <translation>费用（元）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="198" />
      <source>Candidates chosen</source>
      <translation>选中的候选图斑数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="199" />
      <source>Targets met (1/0)</source>
      <translation>是否达到目标（1/0）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="199" />
      <source>New cultivated land missing (m²)</source>
      <translation>新增耕地缺口（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="200" />
      <source>Lower bound of the cost (yuan)</source>
      <translation>费用下界（元）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="201" />
      <source>Gap to the lower bound (%)</source>
      <translation>与下界的差距（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="203" />
      <source>Solver used</source>
      <translation>所用求解方法</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="204" />
      <source>Why the targets are not met</source>
      <translation>未达目标的原因</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="229" />
      <source>END_YEAR {last} lies before START_YEAR {first}.</source>
      <translation>结束年度 {last} 早于开始年度 {first}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="233" />
      <source>Potential survey of the DLTB…</source>
      <translation>正在进行潜力调查…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="243" />
      <source>Choosing among {n} candidates…</source>
      <translation>正在从 {n} 个候选图斑中选择…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="304" />
      <source>Blocks of cultivated land with the new cultivated land (PREFER_CONTIGUITY)…</source>
      <translation>正在计算含新增耕地的耕地连片块（PREFER_CONTIGUITY）…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="375" />
      <source>Draft ({solver}): new cultivated land {added:.2f} m² = {rate:.2f} % of {base:.2f} m² of cultivated land (target {target:.2f} m²); reclaimed {reclaimed:.2f} m²; {n} candidates; cost {cost:.2f} yuan; lower bound {bound} yuan, gap {gap}.</source>
      <translation>方案草案（{solver}）：新增耕地 {added:.2f} m²，为耕地 {base:.2f} m² 的 {rate:.2f} %（目标 {target:.2f} m²）；复垦 {reclaimed:.2f} m²；选中 {n} 个候选图斑；费用 {cost:.2f} 元；下界 {bound} 元，差距 {gap}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="385" />
      <source>The targets cannot be met: {reason}. The outputs hold the best attempt (FEASIBLE = 0).</source>
      <translation>无法达到目标：{reason}。输出为尽力而为的结果（FEASIBLE = 0）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="79" />
      <source>Unit cost: restoring K plots to cultivated land (yuan/mu)</source>
      <translation>单价：可调整地类恢复耕地（元/亩）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="80" />
      <source>Unit cost: developing reserve land (yuan/mu)</source>
      <translation>单价：耕地后备资源开发（元/亩）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="81" />
      <source>Unit cost: reclaiming rural construction land (yuan/mu)</source>
      <translation>单价：农村建设用地复垦（元/亩）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="82" />
      <source>Unit cost: reclaiming abandoned mines (yuan/mu)</source>
      <translation>单价：工矿废弃地复垦（元/亩）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/draftscheme.py" line="83" />
      <source>Unit cost: merging field ridges (yuan/mu)</source>
      <translation>单价：田坎归并（元/亩）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ecologicalland.py" line="20" />
      <source>Ecological land</source>
      <translation>生态用地</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ecologicalland.py" line="25" />
      <source>Wetland (the land-survey first-level class 00: 0303, 0304, 0306, 0402, 0603, 1105, 1106, 1108), forest land (03), grassland (04) and water and water facilities (11) before and after, class areas (TBDLMJ). Wetland codes count under wetland only, as in the land-survey tables. The CLASS_NAME field is in Chinese, as in those tables.</source>
      <translation>湿地（三调一级类 00：0303、0304、0306、0402、0603、1105、1106、1108）、林地（03）、草地（04）及水域及水利设施用地（11）整治前后的地类面积（TBDLMJ）。与三调统计表一致，湿地编码只计入湿地。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ecologicalland.py" line="38" />
      <source>{name} before (m²)</source>
      <translation>整治前{name}（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ecologicalland.py" line="39" />
      <source>{name} after (m²)</source>
      <translation>整治后{name}（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ecologicalland.py" line="48" />
      <source>{name}: {before:.2f} m² before, {after:.2f} m² after.</source>
      <translation>{name}：整治前 {before:.2f} m²，整治后 {after:.2f} m²。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="109" />
      <source>Gauss-Krüger: central meridian {cm}°, false easting {fe} m</source>
      <translation>高斯-克吕格投影：中央经线 {cm}°，东伪偏移 {fe} m</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="116" />
      <source>The layer already has a field named {name}; choose another name.</source>
      <translation>图层中已有名为 {name} 的字段，请另取一个名称。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="38" />
      <source>Ellipsoidal area</source>
      <translation>椭球面积</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="47" />
      <source>Adds the ellipsoidal area (m², 2 decimals) of each polygon by the official method of the land survey (land survey office document 2008 No. 32, TD/T 1055): every vertex is converted from Gauss-Krüger plane coordinates to geodetic latitude/longitude on the CGCS2000 ellipsoid (inverse Gauss-Krüger), then each edge contributes the ellipsoidal trapezoid between the edge and a reference meridian: the longitude of the edge's midpoint times the zone series over the edge's latitude difference (the published 'meridian' form used by public land-survey tools); rings are summed and holes subtracted. This is how TBMJ is computed in land-survey databases.

How it differs from QGIS's $area: with an ellipsoid set, QGIS measures polygons with geodesic edges (GeographicLib), another reading of an edge between two vertices. On a 1:10 000 map sheet (≈ 20 km², 31.5°N) QGIS gives 0.50 m² more than the sheet's theoretical area, which this method reproduces to 2×10⁻⁵ m² (measured; tests/test_ellipsoid.py). Without an ellipsoid, $area is the planar area on the Gauss-Krüger plane, larger by the projection's scale error (≈ 1×10⁻⁵ relative near the central meridian, up to ≈ 3×10⁻⁴ at the zone edge).

The layer must be in a CGCS2000 Gauss-Krüger CRS (EPSG:4513–4554). Where the CRS and the coordinates disagree about the zone prefix, the easting's magnitude decides. A polygon with an invalid geometry stops the run naming it (or is repaired for the measurement with REPAIR_GEOMETRY; the output keeps the geometry as it was). Optionally compare with an existing area field (e.g. TBMJ): the difference is added as AREA_DIFF (field − computed).</source>
      <translation>按三调官方方法（国土调查办发〔2008〕32号，TD/T 1055）为每个面计算椭球面积（平方米，保留 2 位小数）：先将每个顶点由高斯-克吕格平面坐标反算为 CGCS2000 椭球上的大地经纬度，再按每条边与参考子午线之间的椭球梯形累加：边中点的经度乘以该边纬差的带面积级数（公开三调工具采用的“子午线”形式）；各环求和，扣除内环（洞）。三调数据库中的 TBMJ 即按此计算。

与 QGIS 的 $area 的区别：设置椭球后，QGIS 按大地线边（GeographicLib）量算，这是对两顶点间边的另一种理解。在一幅 1:10 000 图幅（约 20 平方千米，北纬 31.5°）上，QGIS 比图幅理论面积多 0.50 平方米，而本方法与理论面积相差不超过 2×10⁻⁵ 平方米（实测；见 tests/test_ellipsoid.py）。不设椭球时，$area 是高斯-克吕格平面上的平面面积，因投影长度变形而偏大（中央子午线附近约 1×10⁻⁵，带边缘可达约 3×10⁻⁴）。

图层须为 CGCS2000 高斯-克吕格坐标系（EPSG:4513–4554）。坐标系与坐标的带号前缀不一致时，以横坐标的量级为准。几何无效的面会中止运行并给出其名称（勾选 REPAIR_GEOMETRY 时按修复后的几何量算，输出保留原几何）。可选择与已有面积字段（如 TBMJ）比较：差值写入 AREA_DIFF（字段值 − 计算值）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="71" />
      <source>Polygons (CGCS2000 Gauss-Krüger)</source>
      <translation>面图层（CGCS2000 高斯-克吕格）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="74" />
      <source>Polygon layer in EPSG:4513–4554.</source>
      <translation>坐标系为 EPSG:4513–4554 的面图层。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="76" />
      <source>Area field name</source>
      <translation>面积字段名</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="78" />
      <source>Name of the new field holding the area in m².</source>
      <translation>存放面积（m²）的新字段名称。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="82" />
      <source>Compare with area field (e.g. TBMJ)</source>
      <translation>与面积字段比较（如 TBMJ）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="88" />
      <source>When set, AREA_DIFF = this field − the computed area.</source>
      <translation>设置后，AREA_DIFF = 该字段值 − 计算面积。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="92" />
      <source>Polygons with ellipsoidal area</source>
      <translation>含椭球面积的面图层</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="96" />
      <source>Total ellipsoidal area (m²)</source>
      <translation>椭球面积合计（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="98" />
      <source>Largest |field − computed| (m²)</source>
      <translation>|字段值 − 计算值| 最大值（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="100" />
      <source>Producing unit</source>
      <translation>数据产生单位</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="101" />
      <source>Written in the attribute description block; default: the project's responsible unit.</source>
      <translation>写入 [属性描述] 段；默认为项目的实施主体。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="107" />
      <source>Parcel area</source>
      <translation>地块面积</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="108" />
      <source>Land-survey ellipsoidal area</source>
      <translation>三调椭球面积</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="108" />
      <source>Gauss-Krüger plane area</source>
      <translation>高斯平面面积</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="109" />
      <source>0 = the land-survey ellipsoidal area (as TBMJ), 1 = the plane area of the coordinates.</source>
      <translation>0 = 三调椭球面积（与 TBMJ 同），1 = 坐标的平面面积。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="111" />
      <source>Text encoding</source>
      <translation>文字编码</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="112" />
      <source>GBK (GB18030)</source>
      <translation>GBK（GB18030）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="113" />
      <source>0 = GBK, what the systems' Windows tools read; 1 = UTF-8.</source>
      <translation>0 = GBK（系统的 Windows 工具读取的编码）；1 = UTF-8。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="116" />
      <source>Coordinate file (all parcels)</source>
      <translation>坐标文件（全部地块）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="117" />
      <source>Text files (*.txt)</source>
      <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="118" />
      <source>One file with every parcel.</source>
      <translation>所有地块写入一个文件。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="120" />
      <source>Folder for one file per layer</source>
      <translation>每图层一个文件的输出文件夹</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="122" />
      <source>One file per layer, named after it.</source>
      <translation>每个图层一个文件，以图层名命名（如 项目区.txt）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="124" />
      <source>Parcels written</source>
      <translation>写出地块数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="131" />
      <source>Give the coordinate file (OUTPUT) or a folder (OUTPUT_FOLDER).</source>
      <translation>请给出坐标文件（OUTPUT）或输出文件夹（OUTPUT_FOLDER）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="137" />
      <source>Give a project GeoPackage (PROJECT) or polygon layers (INPUT).</source>
      <translation>请给出项目文件（PROJECT）或面图层（INPUT）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="163" />
      <source>Left out: {title} (the project has no data for it).</source>
      <translation>未输出：{title}（项目中没有相应数据）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="188" />
      <source>{title}: {n} parcels, {area:.4f} ha.</source>
      <translation>{title}：{n} 个地块，{area:.4f} 公顷。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="207" />
      <source>{n} parcels written to {path}.</source>
      <translation>已写出 {n} 个地块：{path}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="59" />
      <source>Export coordinate file</source>
      <translation>坐标文件导出</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="62" />
      <source>Writes parcels as the plain-text coordinate file the supervision systems of the Ministry of Natural Resources take (for mapping into the database and reporting to the ministry): an attribute description block (format version 1.01, producing unit, date, the CGCS2000 datum, zone width, Gauss-Krüger projection, metres, zone number, precision 0.0001, no transformation parameters), then a parcel coordinates block with one header line per parcel – number of points, area in hectares, parcel number, name, geometry type (polygon), sheet number (empty), use, note, ending with @ – followed by its points J&lt;n&gt;,&lt;ring&gt;,X,Y (X the northing, Y the easting with the zone number in front; rings closed; holes and further parts as further rings, outer rings clockwise from their north-west point).

Parcels come from the project GeoPackage (LAYERS: {layers}) and/or from any polygon layers (INPUT); NAME_FIELD and USE_FIELD name their fields (default: DKMC/XMMC/MC/NAME… and DKYT/YT/XMLX/DLMC…). Areas are the land-survey ellipsoidal areas (or Gauss-Krüger plane areas). OUTPUT writes one file with every parcel; OUTPUT_FOLDER one file per layer. The file is GBK (GB18030) with Windows line ends, or UTF-8.</source>
      <translation>按自然资源部监管系统（上图入库、报部）使用的纯文本坐标文件格式写出地块：[属性描述] 段（格式版本号 1.01版本、数据产生单位、数据产生日期、2000国家大地坐标系、几度分带、高斯克吕格、米、带号、精度 0.0001、转换参数为空），然后是 [地块坐标] 段，每个地块一行属性——界址点数、地块面积（公顷）、地块编号、地块名称、面、图幅号（空）、地块用途、备注，以 @ 结尾——其后为界址点 J&lt;n&gt;,&lt;圈号&gt;,X,Y（X 为纵坐标（北），Y 为带带号的横坐标（东）；各圈闭合；内环和其他部分依次为后续圈号；外圈自西北角起顺时针）。

地块取自项目文件（项目地块：{layers}）和/或任意面图层（INPUT）；NAME_FIELD、USE_FIELD 指定名称和用途字段（默认：DKMC/XMMC/MC/NAME… 与 DKYT/YT/XMLX/DLMC…）。面积为三调椭球面积（或高斯平面面积）。OUTPUT 将所有地块写入一个文件；OUTPUT_FOLDER 每个图层写一个文件。文件为 GBK（GB18030）编码、Windows 换行，或 UTF-8。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="82" />
      <source>A project GeoPackage written by 'Create project'; LAYERS says which of its parcels to write.</source>
      <translation>由“新建项目”生成的项目文件；“项目地块”参数指定写出其中哪些地块。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="85" />
      <source>Project parcels</source>
      <translation>项目地块</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="88" />
      <source>Which of the project's parcels to write (default: the project area).</source>
      <translation>写出项目中的哪些地块（默认：项目区）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="90" />
      <source>Other polygon layers</source>
      <translation>其他面图层</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="92" />
      <source>Any polygon layers to write as well, one parcel per feature.</source>
      <translation>另外写出的任意面图层，每个要素一个地块。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="95" />
      <source>Parcel name field</source>
      <translation>地块名称字段</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="96" />
      <source>Field of the parcel name on the layers; default: the first of DKMC, XMMC, MC, NAME, ZLDWMC, DLMC, BSM present, else the layer name.</source>
      <translation>图层上的地块名称字段；默认取 DKMC、XMMC、MC、NAME、ZLDWMC、DLMC、BSM 中第一个存在的字段，否则用图层名。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="98" />
      <source>Parcel use field</source>
      <translation>地块用途字段</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="99" />
      <source>Field of the parcel use; default: the first of DKYT, YT, XMLX, DLMC, DLBM present.</source>
      <translation>地块用途字段；默认取 DKYT、YT、XMLX、DLMC、DLBM 中第一个存在的字段。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="107" />
      <source>The layers of the layouts would be written over the project file {path}; choose another name for the layouts.</source>
      <translation>版式的图层会覆盖项目文件 {path}；请为版式另取文件名。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="120" />
      <source>Project: {name} ({path})</source>
      <translation>项目：{name}（{path}）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="123" />
      <source>Writing {n} maps to {path}…</source>
      <translation>正在将 {n} 张图写入 {path}…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="137" />
      <source>Print layouts: {names}.</source>
      <translation>打印版式：{names}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="139" />
      <source>Page {n}: {title}.</source>
      <translation>第 {n} 页：{title}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="140" />
      <source>{n} pages in {seconds:.1f} s.</source>
      <translation>共 {n} 页，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="45" />
      <source>Export maps</source>
      <translation>图件导出</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="48" />
      <source>Draws the scheme's maps from a project GeoPackage into one PDF, one page per map, as far as the project has the data: {pages}. A map whose data is missing (no plan, no permanent basic farmland before and after, no sub-projects, no ecological red line or farmland layer for the conflict map) is left out and named in the log.

Every page has the title (project name and map name), the map at a round scale with a coordinate grid, a north arrow, the legend, the numeric scale and a scale bar, the coordinate system (CGCS2000, Gauss-Krüger projection, zone from the CRS), the producing unit and the date; the maps themselves are in Chinese, as the scheme is. Land use is drawn in the land-survey colours; thematic maps lay their layer over the land use drawn pale. Derived layers are computed as the other algorithms do: new cultivated land and the linkage pieces from the plan, permanent basic farmland moved out and in as pieces of the two layers (slivers under 1 m² left out), blocks of cultivated land by the contiguity rules, conflicts as planned construction land inside the ecological protection red line or on the permanent basic farmland after adjustment.

OUTPUT_LAYOUTS also writes the print layouts, one per map, into a QGIS project (.qgz) to open and adjust in the layout designer; the derived layers go into a GeoPackage beside it, named after it.</source>
      <translation>根据项目文件绘制方案图件，写入一个 PDF，每张图一页，项目有哪些数据就出哪些图：{pages}。缺少数据的图（无规划、无调整前后的永久基本农田、无子项目、约束冲突图无生态保护红线或永久基本农田图层）不出，并在日志中说明。

每页包括图名（项目名称与图名）、整数比例尺的地图及坐标格网、指北针、图例、数字比例尺与比例尺条、坐标系（2000国家大地坐标系 高斯-克吕格投影，带号取自坐标系）、编制单位和编制日期。地类按三调色彩绘制；专题图叠加在淡化的地类底图上。派生图层的计算与其他算法相同：新增耕地与增减挂钩图斑取自规划，永久基本农田调出/调入为两图层相减的图斑（小于 1 m² 的碎片不计），耕地连片块按集中连片规则，约束冲突为位于生态保护红线内或调整后永久基本农田上的规划建设用地。

OUTPUT_LAYOUTS 另将每张图的打印版式写入一个 QGIS 项目（.qgz），可在版式设计器中打开调整；派生图层写入其旁的 GeoPackage（文件名_图层.gpkg）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="69" />
      <source>A project GeoPackage written by 'Create project'.</source>
      <translation>由“新建项目”生成的项目文件。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="71" />
      <source>Maps</source>
      <translation>图件</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="73" />
      <source>Which maps to draw (default: every map the project has data for).</source>
      <translation>要出的图（默认：项目数据足以出的全部图件）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="75" />
      <source>Paper</source>
      <translation>纸张</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="76" />
      <source>A3 landscape</source>
      <translation>A3 横向</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="76" />
      <source>A4 landscape</source>
      <translation>A4 横向</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="77" />
      <source>0 = A3 landscape (420 × 297 mm), 1 = A4 landscape (297 × 210 mm).</source>
      <translation>0 = A3 横向（420 × 297 mm），1 = A4 横向（297 × 210 mm）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="80" />
      <source>Printed on every page; default: the project's responsible unit.</source>
      <translation>印在每一页上；默认为项目的责任单位。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="83" />
      <source>Maps (PDF)</source>
      <translation>图件（PDF）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="83" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="84" />
      <source>The PDF to write, one page per map (replaced if it exists).</source>
      <translation>要写出的 PDF，每张图一页（已存在则替换）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="87" />
      <source>Print layouts (QGIS project)</source>
      <translation>打印版式（QGIS 项目）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="87" />
      <source>QGIS project files (*.qgz)</source>
      <translation>QGIS 项目文件 (*.qgz)</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="89" />
      <source>Optional .qgz with one print layout per map and its layers, to adjust in the layout designer; the derived layers are written into a GeoPackage beside it, named after it.</source>
      <translation>可选：包含每张图的打印版式及其图层的 .qgz，可在版式设计器中调整；派生图层写入其旁的 GeoPackage（文件名_图层.gpkg）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="93" />
      <source>Pages written</source>
      <translation>写出页数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="94" />
      <source>Maps left out (data missing)</source>
      <translation>未出的图（缺少数据）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="126" />
      <source>Export scheme tables</source>
      <translation>方案表格导出</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="131" />
      <source>Writes the tables of the implementation scheme into one Excel workbook, one sheet a table, with the Chinese titles and headers laid out like the official land-survey statistics templates (the land-use status table: villages × classes, template column order): {tables}.

Give a project GeoPackage (PROJECT, written by 'Create project'), or the layers themselves; a layer given explicitly replaces the project's. Only the current DLTB is required; a table whose inputs are missing is left out and listed in the log (by table number: {needs}). The permanent basic farmland adjustment table and the contiguity table run the farmland adjustment and contiguity algorithms when they are installed.

Numbers are numeric cells with fixed decimals: areas in hectares (default 4 decimals, 0.0001 ha = 1 m²) and/or mu (1 mu = 10 000/15 m², default 2 decimals); DECIMALS overrides both. Totals and subtotals equal the sum of the rounded parts shown beside them. With both units, the narrow tables show a hectare and a mu column under each area heading; the status table and the transition matrix get one sheet per unit. Header panes are frozen; the print set-up is landscape, fitted to the page width.

The workbook is written to a temporary file in the target folder and renamed at the end, so a failed run leaves no half-written file. CSV_FOLDER adds one UTF-8 CSV per table (values as shown).</source>
      <translation>将实施方案的各张表格写入同一个 Excel 工作簿，每表一个工作表，中文标题和表头参照三调官方统计表样式排版（土地利用现状分类面积汇总表为村 × 地类，按模板列顺序）：{tables}。

可给出项目 GeoPackage（PROJECT，由“项目设置”生成），或直接给出各图层；单独给出的图层将替代项目文件中的对应图层。只有现状地类图斑是必需的；缺少输入的表格不予输出，并在日志中列出（按表号：{needs}）。已安装永久基本农田调整和集中连片算法时，永久基本农田调整表和耕地集中连片统计表将调用这两个算法。

数值以固定小数位数的数值单元格写入：面积单位为公顷（默认 4 位小数，0.0001 公顷 = 1 m²）和/或亩（1 亩 = 10 000/15 m²，默认 2 位小数）；DECIMALS 可统一覆盖两者。合计与小计等于其旁所列各项取整后数值之和。同时使用两种单位时，窄表在每个面积表头下分设公顷和亩两列；现状表和转移矩阵则每种单位各一个工作表。表头窗格已冻结；打印设置为横向、按页宽缩放。

工作簿先写入目标文件夹中的临时文件，完成后再重命名，因此运行失败不会留下写了一半的文件。CSV_FOLDER 可为每张表另存一个 UTF-8 CSV 文件（数值与表中显示一致）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="153" />
      <source>A project GeoPackage written by 'Create project': its DLTB, boundary, plan, farmland and sub-project layers and its facts (name, years) are used unless given below.</source>
      <translation>由“项目设置”生成的项目 GeoPackage：除非在下方另行给出，将使用其中的地类图斑、项目区边界、规划、永久基本农田和子项目图层以及项目信息（名称、年度）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="159" />
      <source>Land-use parcels (DLTB) of the current state; required unless PROJECT is given.</source>
      <translation>现状三调地类图斑（DLTB）；未给出 PROJECT 时必填。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="162" />
      <source>YJJBNTTB before the adjustment; with PBF_AFTER gives table 6.</source>
      <translation>调整前的永久基本农田图斑（YJJBNTTB）；与 PBF_AFTER 一起用于生成表 6。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="166" />
      <source>Sub-project polygons (XMLX type, XMMC name, TZJE investment in 10 000 yuan, ZJLY funding, SSND year, ZRDW unit); gives tables 9 and 10 and the per-sub-project rows of table 8.</source>
      <translation>子项目范围面（XMLX 项目类型、XMMC 项目名称、TZJE 投资额（万元）、ZJLY 资金来源、SSND 实施年度、ZRDW 责任单位）；用于生成表 9、表 10 及表 8 中按子项目列出的行。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="177" />
      <source>One DLTB per year after the plan (year in the layer name, e.g. DLTB_2027); with a plan gives the monitoring tables 20–23: annual progress, annual self-assessment, deviations and the acceptance self-evaluation (the last survey).</source>
      <translation>规划之后每年一个地类图斑图层（年度取自图层名称，如 DLTB_2027）；与规划一起生成实施监管表 20—23：年度实施进度表、年度自评表、偏差清单和验收自评表（按最近一次变更调查）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="182" />
      <source>Tables</source>
      <translation>表格</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="184" />
      <source>Which tables to write (default: all that the inputs allow).</source>
      <translation>要输出的表格（默认：输入数据所能支持的全部表格）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="188" />
      <source>0 = hectares, 1 = mu, 2 = both (side-by-side columns; the two wide tables get a sheet per unit).</source>
      <translation>0 = 公顷，1 = 亩，2 = 两者（并列分栏；两张宽表每种单位各一个工作表）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="192" />
      <source>Decimal places of areas (empty = 4 for hectares, 2 for mu)</source>
      <translation>面积小数位数（为空则公顷 4 位、亩 2 位）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="194" />
      <source>Leave empty for the defaults: 4 decimals for hectares (1 m²), 2 for mu.</source>
      <translation>留空则使用默认值：公顷 4 位小数（精确到 1 m²），亩 2 位小数。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="196" />
      <source>Transition matrix classes</source>
      <translation>转移矩阵地类级别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="197" />
      <source>First-level classes</source>
      <translation>一级类</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="197" />
      <source>Second-level classes</source>
      <translation>二级类</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="200" />
      <source>First-level classes fit a page; second-level classes show paddy, irrigated and dry land apart.</source>
      <translation>一级类可在一页内排下；二级类将水田/水浇地/旱地分别列出。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="203" />
      <source>Project name for the sheet headers</source>
      <translation>表头中的项目名称</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="205" />
      <source>Default: the project GeoPackage's name.</source>
      <translation>默认：项目 GeoPackage 中记录的项目名称。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="208" />
      <source>Default: the project's (set in the wizard).</source>
      <translation>默认取项目设置（在向导中填写）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="210" />
      <source>e.g. 2026-11-29. Default: the project's, else today.</source>
      <translation>如 2026-11-29。默认取项目设置，否则为当天。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="221" />
      <source>Default: the project's years, else the sub-projects' years (SSND).</source>
      <translation>默认：项目的起止年度，否则取子项目的年度（SSND）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="224" />
      <source>Folder for one CSV per table</source>
      <translation>每表一个 CSV 的输出文件夹</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="226" />
      <source>Optional: also write each table as a UTF-8 CSV (values as shown in the workbook).</source>
      <translation>可选：同时将每张表另存为 UTF-8 CSV（数值与工作簿中显示一致）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="229" />
      <source>Scheme workbook</source>
      <translation>实施方案工作簿</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="229" />
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="230" />
      <source>The .xlsx file to write (replaced if it exists).</source>
      <translation>要写入的 .xlsx 文件（如已存在则覆盖）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="231" />
      <source>Sheets written</source>
      <translation>已写入的工作表</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="232" />
      <source>Number of sheets</source>
      <translation>工作表数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="233" />
      <source>Tables left out (inputs missing)</source>
      <translation>未输出的表格（缺少输入）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="234" />
      <source>CSV files</source>
      <translation>CSV 文件</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="292" />
      <source>Computing the tables…</source>
      <translation>正在计算表格…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="297" />
      <source>Left out: table {n}, {title} — {reason}.</source>
      <translation>未输出：表 {n} {title} — {reason}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="312" />
      <source>Sheet written: {name}.</source>
      <translation>已写入工作表：{name}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="314" />
      <source>{n} CSV files in {folder}</source>
      <translation>已在 {folder} 中写入 {n} 个 CSV 文件</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="408" />
      <source>the algorithm {id} is not installed</source>
      <translation>未安装算法 {id}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="409" />
      <source>Running {id}…</source>
      <translation>正在运行 {id}…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="440" />
      <source>Running {id} on the current and the planned DLTB…</source>
      <translation>正在对现状与规划地类图斑运行 {id}…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="443" />
      <source>Running {id} on the current and the planned codes ({field})…</source>
      <translation>正在对现状地类与规划地类编码（{field}）运行 {id}…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="447" />
      <source>Running {id} on the current DLTB…</source>
      <translation>正在对现状地类图斑运行 {id}…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="448" />
      <source>No plan: table 7 shows the current state only.</source>
      <translation>无规划方案：表 7 仅反映现状。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="479" />
      <source>{id} failed: {error}</source>
      <translation>{id} 运行失败：{error}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="105" />
      <source>Compares the permanent basic farmland before and after the adjustment and fills the figures of the provincial review form (the summary table of the review of permanent basic farmland layout adjustments in comprehensive land consolidation).

Moved out = before minus after, moved in = after minus before, as pieces of the layers' own features (each feature minus the other layer's features it meets; nothing is dissolved). A piece that falls apart counts as one parcel per polygon. Pieces smaller than SLIVER_AREA (default 1 m²) come from re-digitised boundaries: they are dropped and counted in the log.

Per side: area, parcel count, mean parcel area; area-weighted mean quality grade (GDDB of the farmland layer, or where empty of the cultivated land of the DLTB under the piece; area without a grade is left out of the mean); the current class of the ground from the DLTB (paddy, irrigated, dry, other agricultural, construction or unused land by the land-survey categories; uncovered where no DLTB parcel lies); slope from GDPDJB (of the farmland layer, else of the DLTB): grades 1–3 → ≤ 15°, 4 → (15°, 25°], 5 → &gt; 25°; contiguity bins by parcel area ≤ 5, (5, 10], (10, 20], &gt; 20 mu (left-open, right-closed).

Net gain ADDED_RATIO = (moved in − moved out) / moved out × 100 (checked against MIN_ADDED_RATIO, default 5 %); OUT_RATIO = moved out / original permanent basic farmland × 100; contiguity CONTIGUITY_CHANGE = (mean parcel moved in − mean parcel moved out) / mean parcel moved out × 100.

Areas: the land-survey ellipsoidal area of each piece (default), or the layer's own area field (YJJBNTTBMJ, YJJBNTMJ … detected) split in proportion to the ellipsoidal area. Layers in another CRS are reprojected to the DLTB's (or the before layer's) CRS.</source>
      <translation>比较调整前后的永久基本农田，计算省级审查表（全域土地综合整治所涉永久基本农田布局调整事项审查情况汇总表）中的各项数据。

调出 = 调整前减去调整后，调入 = 调整后减去调整前，均以图层自身要素的分块表示（各要素减去与之相交的另一图层要素；不做融合）。一个分块分裂为多个部分时，每个多边形计为一个图斑。小于 SLIVER_AREA（默认 1 m²）的分块来自边界重新数字化：将被舍弃并在日志中计数。

调出、调入分别统计：面积、图斑数、平均图斑面积；按面积加权的平均等别（取永久基本农田图层的 GDDB，为空时取分块下方地类图斑中耕地的等别；无等别的面积不参与平均）；依据地类图斑确定的现状地类（按三调三大类分为水田、水浇地、旱地、非耕农用地、建设用地、未利用地；无地类图斑覆盖处为未覆盖）；坡度取 GDPDJB（取自永久基本农田图层，否则取自地类图斑）：1–3 级 → ≤ 15°，4 级 → (15°, 25°]，5 级 → &gt; 25°；连片程度按图斑面积分档：≤ 5、(5, 10]、(10, 20]、&gt; 20 亩（左开右闭）。

新增比例 ADDED_RATIO = (调入 − 调出) / 调出 × 100（与 MIN_ADDED_RATIO 比较，默认 5 %）；调出比例 OUT_RATIO = 调出 / 原永久基本农田面积 × 100；集中连片度 CONTIGUITY_CHANGE = (调入平均图斑面积 − 调出平均图斑面积) / 调出平均图斑面积 × 100。

面积：默认取各分块的三调椭球面积，也可取图层自带的面积字段（自动识别 YJJBNTTBMJ、YJJBNTMJ …），按椭球面积比例分摊。其他坐标系的图层将重投影到地类图斑（或调整前图层）的坐标系。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="128" />
      <source>The review also judges OUT_RATIO against MAX_OUT_RATIO (default 5 % of the original permanent basic farmland) and the slope: the area-weighted mean GDPDJB of the farmland moved in must not be larger than that of the farmland moved out (OUT_SLOPE_GRADE, IN_SLOPE_GRADE; the parcels' GDPDJB field holds each piece's mean grade).</source>
      <translation>审查还按 MAX_OUT_RATIO（默认为原永久基本农田的 5%）判断调出比例，并判断坡度：调入的面积加权平均耕地坡度级别（GDPDJB）不得大于调出（OUT_SLOPE_GRADE、IN_SLOPE_GRADE；图斑的 GDPDJB 字段为各图斑的平均坡度级别）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="133" />
      <source>The review table's names and the parcels' SIDE, CLASS, SLOPE and SIZE_BIN values are in Chinese, as in the provincial form.</source>
      <translation>审查表中的名称以及图斑的 SIDE、CLASS、SLOPE、SIZE_BIN 取值与省级审查表一致。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="140" />
      <source>Permanent basic farmland before (YJJBNTTB)</source>
      <translation>调整前永久基本农田（YJJBNTTB）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="141" />
      <source>Permanent basic farmland before the adjustment. Fields detected: BSM, DLBM, GDDB, GDPDJB, ZLDWDM, YJJBNTTBMJ.</source>
      <translation>调整前的永久基本农田。自动识别字段：BSM、DLBM、GDDB、GDPDJB、ZLDWDM、YJJBNTTBMJ。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="143" />
      <source>Permanent basic farmland after (YJJBNTTB_GH)</source>
      <translation>调整后永久基本农田（YJJBNTTB_GH）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="144" />
      <source>Permanent basic farmland after the adjustment. Fields detected: BSM, DLBM, GDDB, GDPDJB, ZLDWDM, YJJBNTTBMJ.</source>
      <translation>调整后的永久基本农田。自动识别字段：BSM、DLBM、GDDB、GDPDJB、ZLDWDM、YJJBNTTBMJ。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="151" />
      <source>Land-use parcels (DLTB; for class, quality grade and slope)</source>
      <translation>地类图斑（用于取地类、等别、坡度）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="155" />
      <source>Current land-use parcels: the class of the ground under each piece, and the quality grade and slope where the farmland layer has none.</source>
      <translation>现状地类图斑：提供各分块所在位置的现状地类，以及永久基本农田图层中缺少的等别和坡度。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="161" />
      <source>Drop pieces smaller than (m²)</source>
      <translation>舍弃面积小于此值的分块（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="164" />
      <source>Pieces under this area are slivers of re-digitised boundaries; they are dropped and counted in the log.</source>
      <translation>小于此面积的分块是边界重新数字化产生的细碎多边形，将被舍弃并在日志中计数。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="168" />
      <source>Area basis</source>
      <translation>面积口径</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="169" />
      <source>Ellipsoidal area of the pieces (land-survey method)</source>
      <translation>分块的椭球面积（三调方法）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="170" />
      <source>The layer's area field (YJJBNTTBMJ …), in proportion</source>
      <translation>图层自带面积字段（YJJBNTTBMJ …），按比例分摊</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="174" />
      <source>0 = ellipsoidal area of each piece; 1 = the area field of the feature × the piece's share of the feature's ellipsoidal area (ellipsoidal where empty).</source>
      <translation>0 = 各分块的椭球面积；1 = 要素的面积字段值 × 分块占该要素椭球面积的比例（字段为空时取椭球面积）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="178" />
      <source>Required net gain (%)</source>
      <translation>新增比例要求（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="182" />
      <source>New permanent basic farmland ≥ this share of the adjusted area (Wuxi implementation opinion §4(2), Ministry of Natural Resources document 2019 No. 194: 5 %).</source>
      <translation>新增永久基本农田 ≥ 调整面积的此比例（无锡实施意见 §四(二)，自然资发〔2019〕194号：5 %）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="187" />
      <source>Largest share moved out (%)</source>
      <translation>调出比例上限（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="191" />
      <source>Farmland moved out ≤ this share of the original permanent basic farmland of the project area (key points of the consolidation pilots, 2020: 5 %).</source>
      <translation>调出不超过项目区原永久基本农田的此比例（全域整治试点实施要点，2020：5%）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="194" />
      <source>Review table</source>
      <translation>审查汇总表</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="249" />
      <source>No DLTB given: the current class of the pieces is left as uncovered, and the quality grade and slope come from the farmland layers only.</source>
      <translation>未提供地类图斑：各分块的现状地类记为“未覆盖”，等别和坡度仅取自永久基本农田图层。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="275" />
      <source>Farmland layer fields: area {area}, quality grade {gddb}, slope grade {slope}.</source>
      <translation>永久基本农田图层字段：面积 {area}，等别 {gddb}，坡度级别 {slope}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="279" />
      <source>Moved out</source>
      <translation>调出</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="280" />
      <source>Moved in</source>
      <translation>调入</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="281" />
      <source>{side}: {n} parcel(s), {area:.2f} m² ({mu:.2f} mu), on average {mean:.2f} mu, mean quality grade {grade}.</source>
      <translation>{side}：{n} 个图斑，{area:.2f} m²（{mu:.2f} 亩），平均 {mean:.2f} 亩，平均等别 {grade}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="288" />
      <source>{side}: {n} sliver(s) under the sliver area dropped, {a:.2f} m² in all.</source>
      <translation>{side}：舍弃 {n} 个小于细碎面积阈值的分块，共 {a:.2f} m²。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="294" />
      <source>{side}: {n} piece(s) under {limit} m² dropped as coordinate noise, {a:.6f} m² in all.</source>
      <translation>{side}：{n} 个小于 {limit} m² 的碎片为坐标误差，已舍弃，合计 {a:.6f} m²。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="297" />
      <source>Original permanent basic farmland {original:.2f} m²; net gain {added} %, share moved out {out} %, change of contiguity {contiguity} %.</source>
      <translation>原永久基本农田 {original:.2f} m²；新增比例 {added} %，调出比例 {out} %，集中连片度 {contiguity} %。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="362" />
      <source>The project area overlaps neither permanent basic farmland layer ('{before}', '{after}'); check the project area layer and the coordinate systems.</source>
      <translation>项目区与永久基本农田图层“{before}”“{after}”都没有重叠；请检查项目区图层与坐标系。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="49" />
      <source>Area moved out (m²)</source>
      <translation>调出面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="49" />
      <source>Area moved in (m²)</source>
      <translation>调入面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="50" />
      <source>Parcels moved out</source>
      <translation>调出图斑数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="50" />
      <source>Parcels moved in</source>
      <translation>调入图斑数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="51" />
      <source>Mean quality grade moved out</source>
      <translation>调出平均等别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="51" />
      <source>Mean quality grade moved in</source>
      <translation>调入平均等别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="52" />
      <source>Net gain (%)</source>
      <translation>新增比例（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="52" />
      <source>Share moved out (%)</source>
      <translation>调出比例（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="53" />
      <source>Change of contiguity (%)</source>
      <translation>集中连片度（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="54" />
      <source>Permanent basic farmland before (m²)</source>
      <translation>调整前永久基本农田（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="55" />
      <source>Permanent basic farmland after (m²)</source>
      <translation>调整后永久基本农田（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="56" />
      <source>Slivers dropped</source>
      <translation>舍弃的细碎分块数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="56" />
      <source>Net gain meets the requirement (1/0)</source>
      <translation>新增比例达到要求（1/0）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="57" />
      <source>Mean slope grade moved out (GDPDJB)</source>
      <translation>调出平均坡度级别（GDPDJB）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="58" />
      <source>Mean slope grade moved in (GDPDJB)</source>
      <translation>调入平均坡度级别（GDPDJB）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="99" />
      <source>Permanent basic farmland adjustment</source>
      <translation>永久基本农田调整</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="108" />
      <source>No ZLDWDM field: the table is not grouped by village.</source>
      <translation>无 ZLDWDM 字段：表格不按村分组。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="144" />
      <source>Parcels: {n}; total area Σ TBMJ = {m2:.2f} m² = {ha:.4f} ha = {mu:.2f} mu.</source>
      <translation>图斑 {n} 个；总面积 Σ TBMJ = {m2:.2f} m² = {ha:.4f} 公顷 = {mu:.2f} 亩。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="152" />
      <source>By first-level class: {areas}.</source>
      <translation>按一级类：{areas}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="155" />
      <source>By category: {areas}.</source>
      <translation>按三大类：{areas}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="46" />
      <source>Land-use status</source>
      <translation>土地利用现状统计</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="51" />
      <source>Area of each land-survey land-use class by village (ZLDWDM) or any grouping field, in m², hectares (ha) and mu (1 mu = 10 000/15 m²).

Basis (land-survey rules): the class area of a parcel is TBDLMJ; its field ridges (KCMJ, KCDLBM = 1203) are reported as their own class 1203; the total is Σ TBMJ, so the rows of a village add up to its TBMJ. Suffixed codes (0201K, 1104A …) count as their base code. Codes not in the land-survey code table keep rows of their own (DLMC: unknown class) and are listed in the log; they are never dropped.

Where TBMJ is missing the area is computed from the geometry by the land-survey ellipsoidal method. With a project area, parcels cut by the boundary keep TBMJ, KCMJ and TBDLMJ in proportion to the ellipsoidal area inside.

AREA_M2 is rounded to 0.01 m² so that each village's rows add up exactly to its rounded total; AREA_HA = AREA_M2 / 10 000 and AREA_MU = AREA_M2 × 15 / 10 000.</source>
      <translation>按村（ZLDWDM）或任意分组字段统计各三调地类的面积，单位为 m²、公顷和亩（1 亩 = 10 000/15 m²）。

统计依据（三调规则）：图斑的地类面积为 TBDLMJ；其田坎（KCMJ，KCDLBM = 1203）单独计入 1203 田坎；合计为 Σ TBMJ，因此每个村各行之和等于其 TBMJ。带后缀的编码（0201K、1104A …）计入其基本编码。不在三调地类表中的编码单独成行（DLMC 为“未知地类”）并在日志中列出，绝不丢弃。

缺少 TBMJ 时，按三调椭球面积方法由几何图形计算面积。给出项目区时，被边界切割的图斑按边界内椭球面积所占比例分摊 TBMJ、KCMJ 和 TBDLMJ。

AREA_M2 取整到 0.01 m²，使每个村各行之和恰好等于其取整后的合计；AREA_HA = AREA_M2 / 10 000，AREA_MU = AREA_M2 × 15 / 10 000。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="71" />
      <source>Group by field (default ZLDWDM, village; empty = no grouping)</source>
      <translation>分组字段（默认 ZLDWDM，即按村；为空则不分组）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="72" />
      <source>Field to group rows by; ZLDWDM gives one block of rows per village.</source>
      <translation>用于分组的字段；取 ZLDWDM 时每个村一组行。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="77" />
      <source>Codes not in the land-survey code table</source>
      <translation>不在三调地类表中的编码</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="78" />
      <source>Report them as their own rows</source>
      <translation>单独成行列出</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="82" />
      <source>0 = stop and list each unknown code with its parcel count, area and BSMs; 1 = keep them as rows of their own (DLMC: unknown class) so that totals still add up.</source>
      <translation>0 = 停止运行，并列出每个未知编码及其图斑数、面积和 BSM；1 = 将其单独成行（DLMC 为“未知地类”），使合计仍能闭合。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="90" />
      <source>Land-use status table</source>
      <translation>土地利用现状表</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="93" />
      <source>Total area Σ TBMJ (m²)</source>
      <translation>总面积 Σ TBMJ（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="94" />
      <source>Parcels counted</source>
      <translation>统计图斑数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="96" />
      <source>Parcels with a code not in the land-survey code table</source>
      <translation>编码不在三调地类表中的图斑数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="104" />
      <source>From the current DLTB alone: where new cultivated land can come from, how much (an ESTIMATE), and which villages are richest in it – the survey before a project area is chosen.

Candidate types (POTENTIAL_TYPE, with the RULE that selected each parcel):
• restorable – restoration of cultivated land: K-coded plots (0201K, 0301K, 1104K …); optionally garden land and degraded forest (GARDEN_FOREST_CODES, default 0201–0204, 0307) on slope grade ≤ {gslope};
• development – reserve land for cultivation: DEVELOPMENT_CODES (default 0404 other grassland, 1204 saline land, 1205 sandy land, 1206 bare soil);
• reclamation – reclamation of rural construction land (CZCSXM 203/203A; where CZCSXM is empty 0702, 0601, 1201) in a small isolated cluster: parcels within {dist:g} m of each other form a cluster, and a cluster of at most {area:g} m² (Σ TBMJ) is isolated. Parcels of larger clusters (village cores) are only listed in the reserve inventory unless RECLAIM_VILLAGE_CORES is set;
• mine – abandoned mining land: mining land 0602 (or CZCSXM 204) outside towns;
• tiankan – merging of field ridges: cultivated land whose field-ridge coefficient exceeds the target {kcxs:g};
• high_standard – high-standard farmland: cultivated land not yet high-standard (HIGH_STANDARD layer or field) in contiguous blocks of ≥ {block:g} mu (roads, ditches and field ridges ≤ {gap:g} m wide do not break a block); only when a high-standard layer or field is given.

Exclusions (OUTPUT_EXCLUDED lists them with the reason): inside the ecological protection red line (every type); slope grade (GDPDJB) above {slope} where known (every type); reclamation and mines inside the urban development boundary. A parcel is inside a layer when ≥ {share:g} % of its area is. Candidates inside the permanent basic farmland (PBF) are flagged IN_PBF (K-plots there are the first to restore).

EST_ADDED_M2 is an estimate of new cultivated land on the TBDLMJ basis: a parcel becoming cultivated land carries the target field-ridge coefficient, so EST = TBMJ − round(TBMJ × {kcxs:g}, 2); for field-ridge merging EST = KCMJ − round(TBMJ × {kcxs:g}, 2); high_standard rows carry 0 (their gain is the parcel's tiankan row). Each estimate is rounded to 0.01 m².

OUTPUT_VILLAGES: per village (ZLDWDM) the total area Σ TBMJ, cultivated land (Σ TBDLMJ), candidate area and estimate per type, EST_ADDED_M2 (= the sum of the village's candidates), EST_RATE (% of the village's cultivated land) and RANK within the township by rate (or by area, RANK_BY); CUM_RATE is the rate of the villages ranked so far taken together – read down until it passes 5 %.

OUTPUT_RESERVE (the inventory of construction land to vacate): every rural construction parcel with village, BSM, class (isolated, village core, mining land), area, in/out of the urban development boundary and the red line, cluster id, cluster area and parcel count, and whether it is a candidate.

The TYPE_NAME, RULE_TEXT and REASON_TEXT fields are in Chinese, as in the official survey tables.</source>
      <translation>仅依据现状地类图斑分析：新增耕地可从何而来、有多少（估算值），以及哪些村潜力最大——即选定项目区之前的潜力调查。

候选类型（POTENTIAL_TYPE，RULE 记录选中各图斑所依据的规则）：
• restorable 耕地恢复：K 编码地块（0201K、0301K、1104K …）；可选纳入坡度级别 ≤ {gslope} 的园地/残次林地（GARDEN_FOREST_CODES，默认 0201–0204、0307）；
• development 耕地后备资源：DEVELOPMENT_CODES（默认 0404 其他草地、1204 盐碱地、1205 沙地、1206 裸土地）；
• reclamation 农村建设用地复垦：位于小型零散聚落中的农村建设用地（CZCSXM 203/203A；CZCSXM 为空时取 0702、0601、1201）：相互距离在 {dist:g} m 以内的图斑构成一个聚落，面积（Σ TBMJ）不超过 {area:g} m² 的聚落为零散聚落。较大聚落（成片村庄）的图斑只列入储备库，除非设置了 RECLAIM_VILLAGE_CORES；
• mine 工矿废弃地：城镇以外的采矿用地 0602（或 CZCSXM 204）；
• tiankan 田坎归并：田坎系数超过目标值 {kcxs:g} 的耕地；
• high_standard 高标准农田：尚未建成高标准农田（依据 HIGH_STANDARD 图层或字段）且集中连片 ≥ {block:g} 亩的耕地（宽度 ≤ {gap:g} m 的道路、沟渠、田坎不隔断连片）；仅在给出高标准农田图层或字段时分析。

排除条件（OUTPUT_EXCLUDED 列出被排除图斑并注明原因）：位于生态保护红线内（所有类型）；坡度级别（GDPDJB）已知且高于 {slope}（所有类型）；位于城镇开发边界内的复垦和工矿类型。图斑面积有 ≥ {share:g} % 位于某图层内时，即视为位于该图层内。位于永久基本农田（PBF）内的候选图斑标记 IN_PBF（其中的 K 编码地块应优先恢复）。

EST_ADDED_M2 是以 TBDLMJ 为口径的新增耕地估算值：转为耕地的图斑按目标田坎系数扣除田坎，故 EST = TBMJ − round(TBMJ × {kcxs:g}, 2)；田坎归并的 EST = KCMJ − round(TBMJ × {kcxs:g}, 2)；high_standard 行为 0（其增量体现在该图斑的 tiankan 行中）。每项估算值取整到 0.01 m²。

OUTPUT_VILLAGES：每个村（ZLDWDM）的总面积 Σ TBMJ、耕地（Σ TBDLMJ）、各类型候选面积和估算值、EST_ADDED_M2（= 该村各候选图斑之和）、EST_RATE（占该村耕地的 %），以及在乡镇内按比率（或按面积，见 RANK_BY）的排名 RANK；CUM_RATE 为排名至该村为止各村合计的比率——自上而下查看，直至其超过 5 %。

OUTPUT_RESERVE（建设用地腾退储备库）：每个农村建设用地图斑的村、BSM、类别（零散/成片村庄/采矿用地）、面积、是否位于城镇开发边界和生态保护红线内、聚落编号、聚落面积和图斑数，以及是否为候选图斑。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="149" />
      <source>Land-use parcels (DLTB) of the current state from the land survey (a township or a county), projected CGCS2000 Gauss-Krüger (e.g. EPSG:4528).</source>
      <translation>现状三调地类图斑（乡镇或县域），CGCS2000 高斯-克吕格投影坐标系（如 EPSG:4528）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="154" />
      <source>Rural construction land and mines inside it are not reclamation candidates.</source>
      <translation>其范围内的农村建设用地和采矿用地不作为复垦候选。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="156" />
      <source>Parcels inside it are never candidates.</source>
      <translation>其范围内的图斑一律不作为候选。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="158" />
      <source>Candidates inside it are flagged IN_PBF = 1.</source>
      <translation>其范围内的候选图斑标记 IN_PBF = 1。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="164" />
      <source>New cultivated land carries it (its estimate is net of it); cultivated land above it gives back the difference (field-ridge merging). Local practice; default {v:g}.</source>
      <translation>新增耕地按此系数计田坎（估算值已扣除）；田坎系数高于此值的耕地可归并出差额部分（田坎归并）。按当地做法确定；默认 {v:g}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="168" />
      <source>Highest slope grade (GDPDJB) of a candidate</source>
      <translation>候选图斑的最高坡度级别（GDPDJB）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="169" />
      <source>1 ≤2°, 2 ≤6°, 3 ≤15°, 4 ≤25°, 5 &gt;25°. Parcels on a higher grade are excluded; parcels without a grade are not.</source>
      <translation>1 级 ≤2°，2 级 ≤6°，3 级 ≤15°，4 级 ≤25°，5 级 &gt;25°。坡度级别更高的图斑将被排除；无坡度级别的图斑不排除。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="172" />
      <source>Codes of reserve land for cultivation</source>
      <translation>耕地后备资源编码</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="173" />
      <source>Comma-separated land-survey codes developable into cultivated land (default other grassland, saline land, sandy land, bare soil; add 1104 to count ponds).</source>
      <translation>可开发为耕地的三调地类编码，以逗号分隔（默认其他草地、盐碱地、沙地、裸土地；加入 1104 可计入坑塘水面）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="177" />
      <source>Count garden land and degraded forest as restorable</source>
      <translation>园地/残次林地计为可恢复</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="179" />
      <source>Also list garden land and degraded forest (GARDEN_FOREST_CODES) on good slope grades as candidates for restoration.</source>
      <translation>同时将坡度级别较低的园地和残次林地（GARDEN_FOREST_CODES）列为耕地恢复候选。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="183" />
      <source>Codes of garden land and degraded forest</source>
      <translation>园地/残次林地编码</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="185" />
      <source>Codes counted with the option above (0307 other forest land stands for degraded forest).</source>
      <translation>启用上一选项时计入的地类编码（以 0307 其他林地代表残次林地）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="187" />
      <source>Highest slope grade of garden and degraded-forest candidates</source>
      <translation>园地/残次林地候选的最高坡度级别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="188" />
      <source>Default 2 (≤ 6°).</source>
      <translation>默认 2 级（≤ 6°）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="190" />
      <source>Cluster distance for rural construction land (m)</source>
      <translation>农村建设用地聚落距离（m）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="191" />
      <source>Rural construction parcels at most this far apart belong to one cluster (settlement).</source>
      <translation>相距不超过此距离的农村建设用地图斑属于同一聚落。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="193" />
      <source>Largest small isolated cluster (m²)</source>
      <translation>小型零散聚落面积上限（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="194" />
      <source>A cluster of at most this area (Σ TBMJ) is a small isolated cluster, the classic candidate for vacating; default 10 000 m² (15 mu).</source>
      <translation>面积（Σ TBMJ）不超过此值的聚落为小型零散聚落，即典型的腾退候选；默认 10 000 m²（15 亩）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="197" />
      <source>Count village cores (larger clusters) as reclamation candidates</source>
      <translation>将成片村庄（较大聚落）计为复垦候选</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="199" />
      <source>Off: parcels of larger clusters are only listed in the reserve inventory.</source>
      <translation>不勾选时，较大聚落的图斑只列入储备库。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="202" />
      <source>Count mining land in the estimate</source>
      <translation>采矿用地计入估算</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="203" />
      <source>Off: mines stay candidates with EST_ADDED_M2 = 0 (e.g. when they are to be restored to forest).</source>
      <translation>不勾选时，采矿用地仍为候选，但 EST_ADDED_M2 = 0（如计划恢复为林地时）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="206" />
      <source>Share of a parcel that puts it inside a layer (%)</source>
      <translation>判定图斑位于图层内的面积占比（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="207" />
      <source>A parcel is inside the red line, the development boundary, the PBF or the high-standard layer when at least this share of its area is.</source>
      <translation>图斑面积至少有此比例位于生态保护红线、城镇开发边界、永久基本农田或高标准农田图层内时，即视为位于其中。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="211" />
      <source>Built high-standard farmland</source>
      <translation>已建高标准农田</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="213" />
      <source>With this layer (or the field below) cultivated land outside it in large blocks is listed as high-standard farmland candidates.</source>
      <translation>给出此图层（或下方字段）时，其范围以外集中连片的大块耕地将列为高标准农田候选。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="217" />
      <source>…or high-standard field on the DLTB</source>
      <translation>…或地类图斑上的高标准农田字段</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="219" />
      <source>A parcel is high-standard when the field is 1, Y, YES, T or TRUE, or the Chinese for yes or built.</source>
      <translation>字段值为 1、Y、YES、T、TRUE、是或已建时，图斑视为已建高标准农田。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="222" />
      <source>Smallest block of high-standard farmland candidates (mu)</source>
      <translation>高标准农田候选的最小连片面积（亩）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="224" />
      <source>Blocks of not yet high-standard cultivated land (Σ TBDLMJ) below this are not listed; default 100 mu (a 100-mu block).</source>
      <translation>未建高标准农田的耕地连片面积（Σ TBDLMJ）小于此值时不列出；默认 100 亩（百亩方）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="227" />
      <source>Widest road/ditch inside a block (m)</source>
      <translation>连片地块内道路/沟渠的最大宽度（m）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="228" />
      <source>As in the contiguity analysis: 1006/1107/1203 parcels at most this wide do not break a block.</source>
      <translation>与集中连片分析相同：宽度不超过此值的 1006/1107/1203 图斑不隔断连片。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="231" />
      <source>Rank villages by</source>
      <translation>村排序依据</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="232" />
      <source>Estimated new cultivated land rate (% of the village's cultivated land)</source>
      <translation>预计新增耕地率（占该村耕地的 %）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="233" />
      <source>Estimated new cultivated land area</source>
      <translation>预计新增耕地面积</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="234" />
      <source>The rate is what the ≥ 5 % rule measures; the area favours large villages.</source>
      <translation>比率即 ≥ 5 % 规则所考核的指标；按面积排序则对大村有利。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="238" />
      <source>Field holding the land-survey code.</source>
      <translation>存放三调地类编码的字段。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="239" />
      <source>Slope grade field (default: detected GDPDJB)</source>
      <translation>坡度级别字段（默认：自动识别的 GDPDJB）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="240" />
      <source>Field holding the slope grade 1–5.</source>
      <translation>存放坡度级别（1–5）的字段。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="246" />
      <source>Potential candidates</source>
      <translation>潜力图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="247" />
      <source>One feature per candidate parcel and type: POTENTIAL_TYPE, RULE, EST_ADDED_M2 (estimate), BSM, DLBM, ZLDWDM, AREA_M2 (TBMJ), flags, cluster and block.</source>
      <translation>每个候选图斑的每种类型一个要素：POTENTIAL_TYPE、RULE、EST_ADDED_M2（估算值）、BSM、DLBM、ZLDWDM、AREA_M2（TBMJ）、标记、聚落和连片地块。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="249" />
      <source>Village ranking</source>
      <translation>村潜力排序</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="250" />
      <source>One row per village (ZLDWDM): areas, potential per type, estimate, rate, rank, cumulative rate.</source>
      <translation>每个村（ZLDWDM）一行：面积、各类型潜力、估算值、比率、排名、累计比率。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="252" />
      <source>Inventory of construction land to vacate</source>
      <translation>建设用地腾退储备库</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="254" />
      <source>Every rural construction parcel: village, BSM, class, area, in/out of the development boundary, cluster id and size, candidate or not.</source>
      <translation>所有农村建设用地图斑：村、BSM、类别、面积、是否位于城镇开发边界内、聚落编号和规模、是否为候选。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="261" />
      <source>Excluded parcels</source>
      <translation>排除图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="263" />
      <source>Parcels a rule selected but an exclusion removed, with REASON (red_line, slope, dev_boundary, village_core).</source>
      <translation>被规则选中但因排除条件剔除的图斑，附 REASON（red_line、slope、dev_boundary、village_core）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="266" />
      <source>Estimated new cultivated land (m²)</source>
      <translation>预计新增耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="267" />
      <source>Estimate as % of the cultivated land</source>
      <translation>估算值占耕地的 %</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="268" />
      <source>Cultivated land (m², TBDLMJ)</source>
      <translation>耕地（m²，TBDLMJ）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="269" />
      <source>Candidate rows</source>
      <translation>候选记录数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="270" />
      <source>Rural construction land in the reserve (m²)</source>
      <translation>储备库中的农村建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="273" />
      <source>Estimate: {t}</source>
      <translation>估算：{t}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="274" />
      <source>Villages by rank</source>
      <translation>村排名</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="329" />
      <source>Reading the DLTB and the constraint layers…</source>
      <translation>正在读取地类图斑和约束图层…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="366" />
      <source>{rank}. {name} ({code}) {area:.4f} ha {rate} %</source>
      <translation>{rank}. {name}（{code}）{area:.4f} 公顷 {rate} %</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="396" />
      <source>Estimated new cultivated land (TBDLMJ basis, net of the target field-ridge coefficient): {m2:.2f} m² = {ha:.4f} ha = {rate} % of the cultivated land.</source>
      <translation>预计新增耕地（TBDLMJ 口径，已扣除目标田坎系数）：{m2:.2f} m² = {ha:.4f} 公顷，占耕地的 {rate} %。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="400" />
      <source>{type} ({key}): {area:.2f} m².</source>
      <translation>{type}（{key}）：{area:.2f} m²。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="402" />
      <source>Villages, best first:</source>
      <translation>各村（潜力由高到低）：</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="404" />
      <source>{rank}. {name} {code}: {area:.4f} ha, {rate} % of its {cultivated:.4f} ha of cultivated land; {cumulative} % together with the villages above.</source>
      <translation>{rank}. {name} {code}：{area:.4f} 公顷，占该村耕地 {cultivated:.4f} 公顷的 {rate} %；连同排在前面的村合计 {cumulative} %。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="97" />
      <source>Potential survey</source>
      <translation>潜力调查</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="118" />
      <source>Baseline DLTB the plan was made on</source>
      <translation>编制规划所用的基期地类图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="121" />
      <source>One DLTB per year, with the fields of the third land survey; the year is taken from the layer name (DLTB_2027 …).</source>
      <translation>每年一个地类图斑图层，字段同三调；年度取自图层名称（DLTB_2027 …）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="126" />
      <source>Progress per sub-project; a sub-project is due by the survey of its year (SSND).</source>
      <translation>按子项目统计进度；子项目应在其实施年度（SSND）的变更调查中完成。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="130" />
      <source>Leave out parts smaller than (m²)</source>
      <translation>忽略小于此面积的碎片（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="132" />
      <source>Parts of the plan × survey overlay smaller than this (ellipsoidal m²) come from boundaries digitised anew; they are left out and counted in the log.</source>
      <translation>规划与变更调查叠加后小于此面积（椭球面积，m²）的碎片来自界线重新数字化，予以忽略并在日志中计数。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="140" />
      <source>Calendar year; default: the span of the sub-projects' years. Changes outside every sub-project are due by the last year.</source>
      <translation>公历年份；默认取子项目实施年度的起止。不属于任何子项目的规划变化应在最后一年完成。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="145" />
      <source>Progress by sub-project</source>
      <translation>子项目实施进度</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="147" />
      <source>Indicators planned and realised</source>
      <translation>指标规划值与实现值</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="149" />
      <source>Unplanned changes</source>
      <translation>计划外变化</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="151" />
      <source>Planned changes and their state</source>
      <translation>规划变化及实施状态</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="153" />
      <source>Planned change (m²)</source>
      <translation>规划变化面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="154" />
      <source>Realised change, latest survey (m²)</source>
      <translation>已实施面积，最近一次变更调查（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="155" />
      <source>Percent complete, latest survey</source>
      <translation>完成比例，最近一次变更调查（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="156" />
      <source>Unplanned change, latest survey (m²)</source>
      <translation>计划外变化面积，最近一次变更调查（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="157" />
      <source>Realised new cultivated land, latest survey (m²)</source>
      <translation>已实现新增耕地，最近一次变更调查（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="184" />
      <source>the baseline DLTB</source>
      <translation>基期地类图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="197" />
      <source>Comparing the plan with {survey}…</source>
      <translation>正在将规划与 {survey} 比对…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="256" />
      <source>Give at least one later survey (SURVEY).</source>
      <translation>请至少给出一个年度变更调查图层（SURVEY）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="272" />
      <source>{survey} ({crs}) was reprojected to the baseline's CRS {target}.</source>
      <translation>{survey}（{crs}）已重投影到基期图层的坐标系 {target}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="280" />
      <source>The survey '{survey}' has no parcels inside the project area.</source>
      <translation>变更调查图层“{survey}”在项目区内没有图斑。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="331" />
      <source>Contiguity of {layer}…</source>
      <translation>正在计算{layer}的集中连片…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="336" />
      <source>{id} failed on {layer}: {error}</source>
      <translation>{id} 在{layer}上运行失败：{error}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="340" />
      <source>The algorithm {id} is not installed: no figures of 100-mu blocks.</source>
      <translation>未安装算法 {id}：不统计百亩方。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="347" />
      <source>the planned DLTB</source>
      <translation>规划地类图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="349" />
      <source>the planned codes</source>
      <translation>规划地类编码</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="355" />
      <source>{survey}: planned change {planned:.2f} m², realised {realised:.2f} m² ({percent}), unplanned change {unplanned:.2f} m².</source>
      <translation>{survey}：规划变化 {planned:.2f} m²，已实施 {realised:.2f} m²（{percent}），计划外变化 {unplanned:.2f} m²。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="90" />
      <source>Implementation progress and deviations</source>
      <translation>实施进度与偏差</translation>
    </message>
    <message>
      <location filename="processing/algorithms/progress.py" line="93" />
      <source>Compares the plan with later surveys (annual change-survey DLTB with the fields of the third land survey; their parcel boundaries may differ from both the baseline and the plan).

A planned change is every piece of the plan (baseline × planned DLTB) whose class changes; it is realised where a survey shows the planned class on it (base codes: 0201K counts as 0201). A deviation is a part where the survey shows neither the baseline class nor the planned class: a change the plan does not contain. Areas are gross m² (the piece's share of the baseline TBMJ). Parts under SLIVER_AREA (default 1 m²) are traces of boundaries digitised anew: they are left out and counted, and a piece's other parts share it.

OUTPUT: one row per sub-project and survey (and one for changes outside every sub-project): planned and realised area, percent, STATUS (done; late = due by the survey of its year SSND and not done; under way; not started; no class change) and the baseline BSMs still to do. OUTPUT_INDICATORS: every indicator of the scheme planned next to realised (new cultivated land net of field ridges and its rate, mean quality grade, the in/out balance, construction land, reclaimed / newly built / surplus, 100-mu blocks, permanent basic farmland when given) and every compliance rule with its verdict on the plan and on the realised state. OUTPUT_DEVIATIONS: the unplanned changes, flagged inside the red line or on permanent basic farmland when those layers are given. OUTPUT_CHANGES (optional): the planned changes part by part with their state, for maps.

Several surveys (one per year) are compared in turn, in the order of the year in their names (DLTB_2027 …); the number outputs are those of the latest survey.</source>
      <translation>将规划与之后的年度变更调查（地类图斑，字段同三调；图斑界线可与基期和规划都不同）逐图斑比对。

规划变化指规划（基期 × 规划地类图斑）中地类发生变化的每个图斑块；变更调查在其上显示为规划地类的部分即为已实施（按基础编码：0201K 计为 0201）。偏差指变更调查地类既不是基期地类、也不是规划地类的部分，即规划没有的变化。面积为毛面积（m²，该块占基期 TBMJ 的份额）。小于 SLIVER_AREA（默认 1 m²）的碎片是界线重新数字化的痕迹，予以忽略并计数，其面积由同一图斑块的其余部分承担。

OUTPUT：每个子项目每次变更调查一行（另有一行为不属于任何子项目的变化）：规划面积、已实施面积、完成比例、状态 STATUS（已完成；滞后 = 已到实施年度 SSND 的变更调查仍未完成；实施中；未开始；无地类变化）及尚未实施的基期图斑 BSM。OUTPUT_INDICATORS：方案各项指标的规划值与实现值（扣除田坎的新增耕地及新增率、耕地平均等别、进出平衡、建设用地、拆旧 / 建新 / 节余、百亩方，给出永农图层时还有永农），以及每条核验规则在规划与实现状态下的结论。OUTPUT_DEVIATIONS：计划外变化，给出生态保护红线、永久基本农田图层时标注是否位于其中。OUTPUT_CHANGES（可选）：逐块的规划变化及其状态，用于制图。

可给出多个变更调查图层（每年一个），按图层名称中的年份（DLTB_2027 …）依次比对；数值输出为最近一次变更调查的结果。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/transitionmatrix.py" line="25" />
      <source>Area moving from each current class to each planned class, one row per (FROM_DLBM, TO_DLBM) pair with an area; unchanged land is on the diagonal (FROM = TO).

Basis: the gross area of each overlay piece, i.e. its share of the current parcel's TBMJ (field ridges included in the parcel's class), so the rows of a FROM class add up to the current Σ TBMJ of that class and the columns to the planned structure measured on the same TBMJ. Suffixed codes count as their base code.

The plan is a planned DLTB layer (overlaid; boundaries need not match, classes may differ on the two sides) or a planned-code field on the current DLTB. Parts of the current layer that the planned layer does not cover are an error by default (UNCOVERED).</source>
      <translation>统计由各现状地类转为各规划地类的面积，每个有面积的 (FROM_DLBM, TO_DLBM) 组合一行；地类未变的土地位于对角线上（FROM = TO）。

统计依据：各叠加分块的毛面积，即其在现状图斑 TBMJ 中所占的份额（田坎计入图斑所属地类），因此某一 FROM 地类各行之和等于该地类现状的 Σ TBMJ，各列之和则为按同一 TBMJ 口径量算的规划结构。带后缀的编码计入其基本编码。

规划方案可以是规划地类图斑图层（叠加分析；图斑边界无需一致，两侧地类可以不同），也可以是现状地类图斑上的规划地类编码字段。默认情况下，现状图层中规划图层未覆盖的部分按错误处理（UNCOVERED）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/transitionmatrix.py" line="40" />
      <source>Transition matrix</source>
      <translation>土地利用转移矩阵</translation>
    </message>
    <message>
      <location filename="processing/algorithms/transitionmatrix.py" line="41" />
      <source>Area changing class (m²)</source>
      <translation>地类变化面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/transitionmatrix.py" line="42" />
      <source>Total area (m²)</source>
      <translation>总面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/transitionmatrix.py" line="50" />
      <source>{source} → {target}: {area:.2f} m².</source>
      <translation>{source} → {target}：{area:.2f} m²。</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="100" />
      <source>Block area (m²)</source>
      <translation>连片块面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="102" />
      <source>Cultivated land (m²)</source>
      <translation>耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="103" />
      <source>Estimated rate (%)</source>
      <translation>预计新增耕地率（%）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="104" />
      <source>Rank</source>
      <translation>排名</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="105" />
      <source>Cumulative estimate (m²)</source>
      <translation>累计估算（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="106" />
      <source>Cumulative cultivated land (m²)</source>
      <translation>累计耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="107" />
      <source>Cumulative rate (%)</source>
      <translation>累计比率（%）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="108" />
      <source>Candidate</source>
      <translation>是否候选</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="110" />
      <source>Feature id</source>
      <translation>要素编号</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="111" />
      <source>Check</source>
      <translation>检查项</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="112" />
      <source>Check name</source>
      <translation>检查项名称</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="113" />
      <source>Message</source>
      <translation>问题说明</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="114" />
      <source>Checks</source>
      <translation>检查项</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="115" />
      <source>Messages</source>
      <translation>问题说明</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="118" />
      <source>Parcel count (NP)</source>
      <translation>图斑数（NP）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="120" />
      <source>Area analysed (m²)</source>
      <translation>分析范围面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="122" />
      <source>Largest parcel (m²)</source>
      <translation>最大图斑面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="123" />
      <source>Largest patch index (%)</source>
      <translation>最大图斑指数（%）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="124" />
      <source>Patch density (per 100 ha)</source>
      <translation>图斑密度（个/100 公顷）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="125" />
      <source>Effective mesh size (m²)</source>
      <translation>有效网格面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="127" />
      <source>Small parcels (% of count)</source>
      <translation>小图斑占比（按个数，%）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="128" />
      <source>Small parcels (% of area)</source>
      <translation>小图斑占比（按面积，%）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="129" />
      <source>Indicator</source>
      <translation>指标</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="130" />
      <source>Before</source>
      <translation>整治前</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="131" />
      <source>After</source>
      <translation>整治后</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="133" />
      <source>Ellipsoidal area (m²)</source>
      <translation>椭球面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="134" />
      <source>Area field − ellipsoidal area (m²)</source>
      <translation>面积字段 − 椭球面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="144" />
      <source>Candidates: {type} (m²)</source>
      <translation>候选面积：{type}（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="146" />
      <source>Estimate: {type} (m²)</source>
      <translation>估算：{type}（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="18" />
      <source>Group</source>
      <translation>分组</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="19" />
      <source>Group name</source>
      <translation>分组名称</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="20" />
      <source>Land-use code</source>
      <translation>地类编码</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="21" />
      <source>Land-use class</source>
      <translation>地类名称</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="22" />
      <source>First-level class</source>
      <translation>一级类</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="23" />
      <source>Category</source>
      <translation>三大类</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="24" />
      <source>Parcels</source>
      <translation>图斑数</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="25" />
      <source>Area (m²)</source>
      <translation>面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="26" />
      <source>Area (ha)</source>
      <translation>面积（公顷）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="27" />
      <source>Area (mu)</source>
      <translation>面积（亩）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="28" />
      <source>Current code</source>
      <translation>现状地类编码</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="29" />
      <source>Current class</source>
      <translation>现状地类名称</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="30" />
      <source>Planned code</source>
      <translation>规划地类编码</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="31" />
      <source>Planned class</source>
      <translation>规划地类名称</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="32" />
      <source>Class</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="33" />
      <source>Class name</source>
      <translation>类别名称</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="34" />
      <source>Before (m²)</source>
      <translation>整治前（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="35" />
      <source>After (m²)</source>
      <translation>整治后（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="36" />
      <source>Change (m²)</source>
      <translation>变化（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="38" />
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="39" />
      <source>Source name</source>
      <translation>来源名称</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="40" />
      <source>Paddy (m²)</source>
      <translation>水田（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="41" />
      <source>Irrigated land (m²)</source>
      <translation>水浇地（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="42" />
      <source>Dry land (m²)</source>
      <translation>旱地（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="43" />
      <source>Mean quality grade</source>
      <translation>平均等别</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="44" />
      <source>Pieces</source>
      <translation>叠加块数</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="45" />
      <source>Sub-project</source>
      <translation>子项目</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="46" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="47" />
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="48" />
      <source>Reclaimed (m²)</source>
      <translation>拆旧复垦（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="49" />
      <source>Reclaimed to cultivated land (m²)</source>
      <translation>复垦为耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="50" />
      <source>New construction (m²)</source>
      <translation>建新（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="51" />
      <source>Surplus (m²)</source>
      <translation>节余（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="53" />
      <source>Rule</source>
      <translation>规则</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="54" />
      <source>Rule name</source>
      <translation>规则名称</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="55" />
      <source>Value</source>
      <translation>数值</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="56" />
      <source>Threshold</source>
      <translation>控制值</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="57" />
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="58" />
      <source>Passed (1/0)</source>
      <translation>是否通过（1/0）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="59" />
      <source>Verdict</source>
      <translation>核验结论</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="60" />
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="61" />
      <source>Identifier (BSM)</source>
      <translation>标识码（BSM）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="64" />
      <source>Village code</source>
      <translation>坐落单位代码</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="65" />
      <source>Village</source>
      <translation>村</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="66" />
      <source>Share inside</source>
      <translation>位于范围内的比例</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="68" />
      <source>Section</source>
      <translation>部分</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="69" />
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="72" />
      <source>Change</source>
      <translation>变化</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="73" />
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="74" />
      <source>Piece</source>
      <translation>分块</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="75" />
      <source>Side</source>
      <translation>调出/调入</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="76" />
      <source>Source feature</source>
      <translation>来源要素</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="77" />
      <source>Quality grade</source>
      <translation>耕地等别</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="78" />
      <source>Grade taken from</source>
      <translation>等别来源</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="79" />
      <source>Slope grade</source>
      <translation>坡度级别</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="80" />
      <source>Slope</source>
      <translation>坡度</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="81" />
      <source>Size class</source>
      <translation>规模分档</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="83" />
      <source>Potential type</source>
      <translation>潜力类型</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="84" />
      <source>Type name</source>
      <translation>类型名称</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="85" />
      <source>Rule text</source>
      <translation>规则说明</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="86" />
      <source>Reason</source>
      <translation>排除原因</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="87" />
      <source>Reason text</source>
      <translation>原因说明</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="89" />
      <source>Class area (m²)</source>
      <translation>地类面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="90" />
      <source>Field-ridge coefficient</source>
      <translation>田坎系数</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="92" />
      <source>Town/village attribute code</source>
      <translation>城镇村属性码</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="93" />
      <source>Inside the development boundary</source>
      <translation>位于城镇开发边界内</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="94" />
      <source>Inside permanent basic farmland</source>
      <translation>位于永久基本农田内</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="95" />
      <source>Inside the red line</source>
      <translation>位于生态保护红线内</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="96" />
      <source>Cluster</source>
      <translation>聚落</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="97" />
      <source>Cluster area (m²)</source>
      <translation>聚落面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="98" />
      <source>Parcels in the cluster</source>
      <translation>聚落图斑数</translation>
    </message>
    <message>
      <location filename="processing/aliases.py" line="99" />
      <source>Block</source>
      <translation>连片块</translation>
    </message>
    <message>
      <location filename="processing/inputs.py" line="71" />
      <source>its .cpg file</source>
      <translation>其 .cpg 文件</translation>
    </message>
    <message>
      <location filename="processing/inputs.py" line="71" />
      <source>its DBF code page</source>
      <translation>其 DBF 代码页</translation>
    </message>
    <message>
      <location filename="processing/inputs.py" line="72" />
      <source>Layer '{layer}': text read as {encoding}, as {declared} says, not as {given}.</source>
      <translation>图层“{layer}”的文字按 {encoding} 读取（{declared}声明），而不是 {given}。</translation>
    </message>
    <message>
      <location filename="processing/outputs.py" line="102" />
      <source>Output {output} ({path}) is the file of input {input} (layer '{layer}'): writing it would overwrite the input; choose another path.</source>
      <translation>输出 {output}（{path}）与输入 {input}（图层“{layer}”）是同一个文件，写出会覆盖输入；请另选输出路径。</translation>
    </message>
    <message>
      <location filename="processing/outputs.py" line="134" />
      <source>'{path}' is a file, not a folder</source>
      <translation>“{path}”是文件而不是文件夹</translation>
    </message>
    <message>
      <location filename="processing/outputs.py" line="135" />
      <source>Cannot write {output}: the folder '{folder}' cannot be created ({reason}).</source>
      <translation>无法写出 {output}：文件夹“{folder}”无法创建（{reason}）。</translation>
    </message>
    <message>
      <location filename="processing/outputs.py" line="154" />
      <source>Cannot write '{path}' ({error}).</source>
      <translation>无法写出“{path}”（{error}）。</translation>
    </message>
  </context>
  <context>
    <name>LayersPage</name>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Plan and other layers</source>
      <translation>规划与其他图层</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>All optional. The plan can be a planned DLTB layer, a planned-code field on the current DLTB, or a draft proposed from the potential survey.</source>
      <translation>均为可选项。规划方案可以是规划地类图斑图层、现状地类图斑上的规划地类编码字段，或根据潜力调查编制的草案。</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Planned land use after consolidation</source>
      <translation>整治后规划地类</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Not yet</source>
      <translation>暂无</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>No plan yet: draft one…</source>
      <translation>尚无规划：编制草案…</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Let the drafting assistant choose the candidates of the potential survey that reach the targets at the least cost.</source>
      <translation>由方案编制助手从潜力调查的候选图斑中，以最低费用选出达到目标的图斑。</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Planned DLTB layer</source>
      <translation>规划地类图斑图层</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Planned-code field on the DLTB</source>
      <translation>地类图斑上的规划地类编码字段</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Planned field-ridge coefficient field</source>
      <translation>规划田坎系数字段</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Drafted plan</source>
      <translation>规划方案草案</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Permanent basic farmland before the adjustment</source>
      <translation>调整前永久基本农田</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Permanent basic farmland after the adjustment</source>
      <translation>调整后永久基本农田</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Sub-projects</source>
      <translation>子项目</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Ecological protection red line</source>
      <translation>生态保护红线</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Urban development boundary</source>
      <translation>城镇开发边界</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Later surveys (annual change survey DLTB)</source>
      <translation>后续调查（年度变更调查地类图斑）</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Optional, for monitoring the implementation; layers named DLTB_ and a year are ticked.</source>
      <translation>可选，用于实施监测；名为 DLTB_ 加年份的图层会自动勾选。</translation>
    </message>
  </context>
  <context>
    <name>SummaryPage</name>
    <message>
      <location filename="dialogs/summary_page.ui" line="0" />
      <source>Summary</source>
      <translation>汇总</translation>
    </message>
    <message>
      <location filename="dialogs/summary_page.ui" line="0" />
      <source>Check the choices, then write the project GeoPackage and load it into the map.</source>
      <translation>核对所选内容，然后写入项目 GeoPackage 并加载到地图中。</translation>
    </message>
    <message>
      <location filename="dialogs/summary_page.ui" line="0" />
      <source>Project file</source>
      <translation>项目文件</translation>
    </message>
    <message>
      <location filename="dialogs/summary_page.ui" line="0" />
      <source>Load the project into the map when it is written</source>
      <translation>写入完成后将项目加载到地图中</translation>
    </message>
  </context>
</TS>
