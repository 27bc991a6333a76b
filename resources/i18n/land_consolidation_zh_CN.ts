<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AreaPage</name>
    <message>
      <location filename="dialogs/area_page.ui" line="0" />
      <source>Project area (项目区)</source>
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
      <source>Villages (坐落单位) from the DLTB</source>
      <translation>地类图斑中的坐落单位（村）</translation>
    </message>
  </context>
  <context>
    <name>DltbPage</name>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Land-use parcels (地类图斑)</source>
      <translation>地类图斑</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Choose the 三调 DLTB layer of the township and check how its fields were recognised.</source>
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
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Export scheme tables and maps (实施方案表格与图件导出)</source>
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
      <source>Maps (图件)</source>
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
      <translation>导出图件</translation>
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
      <source>Project facts (项目信息)</source>
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
      <source>Prepared by (编制单位)</source>
      <translation>编制单位</translation>
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Date of preparation (编制日期)</source>
      <translation>编制日期</translation>
    </message>
  </context>
  <context>
    <name>LandConsolidation</name>
    <message>
      <location filename="core/conflicts.py" line="254" />
      <source>{n} conflict part(s) under {limit:g} m² (together {area:.2f} m²) lie along the boundary of a constraint layer drawn apart from the parcels and were left out.</source>
      <translation>{n} 处小于 {limit:g} m² 的冲突部分（合计 {area:.2f} m²）位于约束图层与图斑界线不一致处，已剔除。</translation>
    </message>
    <message>
      <location filename="core/conflicts.py" line="308" />
      <source>The slope raster does not cover {n} piece(s) of new 耕地 ({area:.2f} m²); their GDPDJB is used where they have one.</source>
      <translation>坡度栅格未覆盖 {n} 块新增耕地（{area:.2f} m²），有耕地坡度级别（GDPDJB）的按坡度级别判断。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="1129" />
      <source>'{code}': {n} parcel(s), {area} m²{bsm}</source>
      <translation>“{code}” {n} 个图斑 {area} m²{bsm}</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="1130" />
      <source>(empty)</source>
      <translation>（空）</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="1134" />
      <source>and {n} more codes</source>
      <translation>另有 {n} 种编码</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="1135" />
      <source>Layer '{layer}', field {field}: {count} code(s) not in the land-survey code table ({parcels} parcels): {codes}. Correct them (is {field} the land-use code field?), or set UNKNOWN_CODES to 1 to report them as rows of their own.</source>
      <translation>图层“{layer}”字段 {field} 有 {count} 种三调地类表之外的编码（共 {parcels} 个图斑）：{codes}。请更正编码（{field} 是地类编码字段吗？），或将“未知编码”参数（UNKNOWN_CODES）设为 1，单列统计。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="628" />
      <source>Layer '{layer}': {n} parcel(s) have no geometry and cannot be placed inside or outside the project area, so they are not counted: {parcels}.</source>
      <translation>图层“{layer}”有 {n} 个图斑没有几何，无法判断是否在项目区内，未计入：{parcels}。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="709" />
      <source>Layer '{layer}': {n} parcel(s) with {what}: {parcels}; used {used}.</source>
      <translation>图层“{layer}”有 {n} 个图斑{what}：{parcels}；已改用{used}。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="717" />
      <source>a TBMJ that is not a number (NaN, inf)</source>
      <translation>TBMJ 不是数值（NaN、inf）</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="717" />
      <source>the ellipsoidal area of the geometry</source>
      <translation>按几何计算的椭球面积</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="718" />
      <source>a TBMJ of zero or less</source>
      <translation>TBMJ 小于或等于 0</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="722" />
      <source>a KCXS outside [0, 1)</source>
      <translation>KCXS 不在 [0, 1) 之间</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="722" />
      <source>no field-ridge (tiankan) coefficient</source>
      <translation>不计田坎系数</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="728" />
      <source>a {field} that is negative, not a number or larger than TBMJ</source>
      <translation>{field} 为负、不是数值或大于 TBMJ</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="729" />
      <source>KCMJ = round(TBMJ × KCXS, 2)</source>
      <translation>KCMJ = round(TBMJ × KCXS, 2)</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="729" />
      <source>TBDLMJ = TBMJ − KCMJ</source>
      <translation>TBDLMJ = TBMJ − KCMJ</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="736" />
      <source>a GDDB outside 1–15</source>
      <translation>GDDB 不在 1–15 之间</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="736" />
      <source>no quality grade (left out of the means)</source>
      <translation>视为无等别（不参与平均等别）</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="776" />
      <source>Layer '{layer}': {n} parcel(s) recorded more than once (the same polygon): {pairs}. They would be counted twice; delete the copies (the data check lists them).</source>
      <translation>图层“{layer}”有 {n} 组图斑重复录入（几何相同）：{pairs}。这些图斑会被重复统计；请删除重复的图斑（数据质检会列出）。</translation>
    </message>
    <message>
      <location filename="core/dltb.py" line="781" />
      <source>Layer '{layer}': {n} BSM(s) are used by several different parcels: {bsm}.</source>
      <translation>图层“{layer}”有 {n} 个标识码用于多个不同的图斑：{bsm}。</translation>
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
      <location filename="dialogs/area_page.py" line="158" />
      <source>{n} villages, {area:.4f} ha, of which 耕地 {cult:.4f} ha</source>
      <translation>{n} 个村，{area:.4f} 公顷，其中耕地 {cult:.4f} 公顷</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="165" />
      <source>The villages belong to {n} townships ({codes}); the policy's unit is one township (乡镇).</source>
      <translation>所选村分属 {n} 个乡镇（{codes}）；按政策，项目以一个乡镇为实施单元。</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="184" />
      <source>Choose the project area layer.</source>
      <translation>请选择项目区图层。</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="187" />
      <source>No feature of {layer} is selected.</source>
      <translation>图层 {layer} 中未选中任何要素。</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="190" />
      <source>The project area layer {layer} is empty.</source>
      <translation>项目区图层 {layer} 为空。</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="194" />
      <source>Tick at least one village.</source>
      <translation>请至少勾选一个村。</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="41" />
      <source>Code (ZLDWDM)</source>
      <translation>代码（ZLDWDM）</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="41" />
      <source>Village</source>
      <translation>村</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="41" />
      <source>Parcels</source>
      <translation>图斑数</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="41" />
      <source>Area (ha)</source>
      <translation>面积（公顷）</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="41" />
      <source>耕地 (ha)</source>
      <translation>耕地（公顷）</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="42" />
      <source>Est. 新增耕地 (ha)</source>
      <translation>预计新增耕地（公顷）</translation>
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="42" />
      <source>Est. rate (%)</source>
      <translation>预计新增耕地率（%）</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.py" line="93" />
      <source>Choose the DLTB layer.</source>
      <translation>请选择地类图斑图层。</translation>
    </message>
    <message>
      <location filename="dialogs/dltb_page.py" line="96" />
      <source>Map the land-use code field (DLBM).</source>
      <translation>请指定地类编码字段（DLBM）。</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="135" />
      <source>Choose the project GeoPackage (made with the set-up wizard).</source>
      <translation>请选择项目 GeoPackage（由项目设置向导生成）。</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="138" />
      <source>Tick at least one table.</source>
      <translation>请至少勾选一张表。</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="141" />
      <source>Choose the workbook file.</source>
      <translation>请选择工作簿文件。</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="160" />
      <source>Choose the PDF file for the maps.</source>
      <translation>请选择图件的 PDF 文件。</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="179" />
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="189" />
      <source>The export failed.</source>
      <translation>导出失败。</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="194" />
      <source>Written: {path}</source>
      <translation>已写入：{path}</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="57" />
      <source>公顷 (ha)</source>
      <translation>公顷</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="57" />
      <source>亩 (mu)</source>
      <translation>亩</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="57" />
      <source>公顷 and 亩</source>
      <translation>公顷和亩</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="64" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="65" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="87" />
      <source>The export algorithm is not available.</source>
      <translation>导出算法不可用。</translation>
    </message>
    <message>
      <location filename="dialogs/facts_page.py" line="71" />
      <source>Give the project a name.</source>
      <translation>请填写项目名称。</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.py" line="82" />
      <source>Give the permanent basic farmland both before and after, or neither.</source>
      <translation>整治前、整治后永久基本农田图层须同时提供，或均不提供。</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.py" line="85" />
      <source>Choose the planned DLTB layer.</source>
      <translation>请选择规划地类图斑图层。</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.py" line="88" />
      <source>Choose the planned-code field.</source>
      <translation>请选择规划地类编码字段。</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.py" line="92" />
      <source>The planned layer must not be the current DLTB itself.</source>
      <translation>规划图层不能是现状地类图斑图层本身。</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="109" />
      <source>The layer has more than {n} parcels: run the potential survey (潜力调查) algorithm for the village estimates.</source>
      <translation>图层图斑数超过 {n} 个：请运行“潜力调查”算法获取各村估算数据。</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="119" />
      <source>Potential figures not shown: {error}</source>
      <translation>未能显示潜力数据：{error}</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="159" />
      <source> (selected features)</source>
      <translation>（仅选中的要素）</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="169" />
      <source>field {field}</source>
      <translation>字段 {field}</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="170" />
      <source>not given</source>
      <translation>未提供</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="172" />
      <source>Project name</source>
      <translation>项目名称</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="173" />
      <source>Project code</source>
      <translation>项目编号</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="174" />
      <source>Township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="175" />
      <source>Period</source>
      <translation>实施期限</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="176" />
      <source>Responsible unit</source>
      <translation>实施主体</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="177" />
      <source>DLTB layer</source>
      <translation>地类图斑图层</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="178" />
      <source>Field mapping</source>
      <translation>字段映射</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="180" />
      <source>Project area</source>
      <translation>项目区</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="181" />
      <source>Planned land use</source>
      <translation>规划地类</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="183" />
      <source>Permanent basic farmland before</source>
      <translation>整治前永久基本农田</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="183" />
      <source>Permanent basic farmland after</source>
      <translation>整治后永久基本农田</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="184" />
      <source>Sub-projects</source>
      <translation>子项目</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="184" />
      <source>Ecological red line</source>
      <translation>生态保护红线</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="185" />
      <source>Urban development boundary</source>
      <translation>城镇开发边界</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="190" />
      <source>The project file holds the boundary, copies of the layers (parcels meeting the boundary) and these settings; re-open it with “Open project…” to change them.</source>
      <translation>项目文件包含项目区边界、各图层的副本（与边界相交的图斑）及上述设置；如需修改，请通过“打开项目…”重新打开。</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="212" />
      <source>Writing the project…</source>
      <translation>正在写入项目…</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="224" />
      <source>The project could not be written.</source>
      <translation>项目写入失败。</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="64" />
      <source>Land consolidation project set-up (项目设置)</source>
      <translation>全域综合整治项目设置</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="70" />
      <source>&lt; Back</source>
      <translation>&lt; 上一步</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="70" />
      <source>Next &gt;</source>
      <translation>下一步 &gt;</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="71" />
      <source>Finish</source>
      <translation>完成</translation>
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="72" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="plugin.py" line="43" />
      <source>Land consolidation</source>
      <translation>全域综合整治</translation>
    </message>
    <message>
      <location filename="plugin.py" line="48" />
      <source>New project…</source>
      <translation>新建项目…</translation>
    </message>
    <message>
      <location filename="plugin.py" line="49" />
      <source>Open project…</source>
      <translation>打开项目…</translation>
    </message>
    <message>
      <location filename="plugin.py" line="50" />
      <source>Export scheme tables…</source>
      <translation>导出实施方案表格…</translation>
    </message>
    <message>
      <location filename="plugin.py" line="93" />
      <source>Open project</source>
      <translation>打开项目</translation>
    </message>
    <message>
      <location filename="plugin.py" line="94" />
      <source>Project GeoPackage (*.gpkg)</source>
      <translation>项目 GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="123" />
      <source>Layer '{layer}' ({own}) is reprojected to {crs}, the DLTB's CRS.</source>
      <translation>图层“{layer}”（{own}）已重投影到地类图斑的坐标系 {crs}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="145" />
      <source>Layer '{layer}' has no field '{field}' (parameter {parameter}).</source>
      <translation>图层“{layer}”没有字段“{field}”（参数 {parameter}）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="167" />
      <source>Cancelled.</source>
      <translation>已取消。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="174" />
      <source>Could not read or write a file: {error}</source>
      <translation>无法读写文件：{error}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="180" />
      <source>Internal error in {algorithm}: {error}. The details are in the QGIS log (Land consolidation); please report them.</source>
      <translation>{algorithm} 内部错误：{error}。详细信息见 QGIS 日志（Land consolidation）；请报告此问题。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="238" />
      <source>Project area (项目区) — restrict to this boundary</source>
      <translation>项目区 — 仅统计此边界范围内</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="244" />
      <source>Optional boundary. Parcels cut by it are split; their TBMJ, KCMJ and TBDLMJ are kept in proportion to the ellipsoidal area inside.</source>
      <translation>可选边界。被边界切割的图斑将被分割，其 TBMJ、KCMJ、TBDLMJ 按边界内椭球面积所占比例分摊。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="255" />
      <source>Repair invalid geometries (makeValid) instead of stopping</source>
      <translation>修复无效几何（makeValid），不中止运行</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="257" />
      <source>By default a parcel with an invalid geometry stops the run with a message naming the layer and the parcel (BSM). When set, each is repaired with makeValid and the log lists what was repaired.</source>
      <translation>默认情况下，几何无效的图斑会中止运行，并提示图层名称和图斑（BSM）。勾选后，逐个按 makeValid 修复，日志列出修复了哪些图斑。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="271" />
      <source>DLTB land-use parcels (地类图斑)</source>
      <translation>地类图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="275" />
      <source>三调 地类图斑 layer in a projected CGCS2000 Gauss-Krüger CRS (e.g. EPSG:4528).</source>
      <translation>三调地类图斑图层，采用 CGCS2000 高斯-克吕格投影坐标系（如 EPSG:4528）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="290" />
      <source>Land-use code field (default: detected DLBM)</source>
      <translation>地类编码字段（默认：自动识别的 DLBM）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="294" />
      <source>Field holding the 三调 code; leave empty to use DLBM.</source>
      <translation>存放三调地类编码的字段；留空则使用 DLBM。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="358" />
      <source>Current DLTB (现状地类图斑)</source>
      <translation>现状地类图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="362" />
      <source>三调 地类图斑 of the current state, projected CGCS2000 Gauss-Krüger (e.g. EPSG:4528).</source>
      <translation>现状三调地类图斑，CGCS2000 高斯-克吕格投影坐标系（如 EPSG:4528）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="366" />
      <source>Planned DLTB after consolidation (规划地类图斑)</source>
      <translation>整治后规划地类图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="371" />
      <source>The planned state as a layer with its own DLBM/TBMJ/KCMJ/TBDLMJ/GDDB; boundaries need not match the current layer (the two are overlaid). Give this or the planned-code field.</source>
      <translation>以图层表示的规划状态，自带 DLBM/TBMJ/KCMJ/TBDLMJ/GDDB 字段；图斑边界无需与现状图层一致（两者叠加分析）。本项与规划地类编码字段二选一。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="376" />
      <source>…or planned-code field on the current DLTB (规划地类编码)</source>
      <translation>…或现状地类图斑上的规划地类编码字段</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="381" />
      <source>Field of the current DLTB holding the planned DLBM; empty values mean unchanged.</source>
      <translation>现状地类图斑中存放规划地类编码（DLBM）的字段；值为空表示地类不变。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="385" />
      <source>Planned 田坎 coefficient field (with the planned-code field)</source>
      <translation>规划田坎系数字段（与规划地类编码字段配合使用）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="386" />
      <source>Planned KCXS per parcel; default: a parcel staying 耕地 keeps its KCXS, new 耕地 has none.</source>
      <translation>各图斑的规划田坎系数（KCXS）；默认：仍为耕地的图斑保持原 KCXS，新增耕地的田坎系数为 0。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="387" />
      <source>Planned 耕地等别 field (with the planned-code field)</source>
      <translation>规划耕地等别字段（与规划地类编码字段配合使用）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="388" />
      <source>Planned GDDB per parcel; default: the parcel's current GDDB.</source>
      <translation>各图斑的规划耕地等别（GDDB）；默认取图斑现状 GDDB。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="395" />
      <source>等别 of new 耕地 that has none (新增耕地等别)</source>
      <translation>无等别的新增耕地的等别（新增耕地等别）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="398" />
      <source>One 等别 (1 best … 15 worst) for every piece of 新增耕地 (not 耕地 now, planned 耕地) without a planned 等别 – reclaimed 建设用地 and restored land have none of their own. Without it such land is left out of the mean 等别 and the quality rules are 未核验 (not checked), with the area said.</source>
      <translation>为所有没有规划等别的新增耕地（现状非耕地、规划为耕地）统一指定一个等别（1 最好 … 15 最差）——复垦的建设用地和恢复的土地本身没有等别。不指定时，这些土地不计入平均等别，质量类指标判为“未核验”，并写明缺少等别的面积。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="405" />
      <source>Parts of the current DLTB the planned layer does not cover</source>
      <translation>现状地类图斑中规划图层未覆盖的部分</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="406" />
      <source>Stop with an error listing them</source>
      <translation>报错并列出</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="406" />
      <source>Keep them unchanged (reported)</source>
      <translation>视为不变（并报告）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="410" />
      <source>0 = error naming the parcels; 1 = treat them as unchanged and report the area.</source>
      <translation>0 = 报错并列出相关图斑；1 = 视为地类不变，并报告其面积。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="448" />
      <source>The plan pieces stored in the project were computed from other data or settings (a layer of the project was edited since, or UNCOVERED, REPAIR_GEOMETRY or the field mapping differ): the plan is computed again.</source>
      <translation>项目中保存的规划叠加图斑是由其他数据或设置计算的（项目图层此后被修改过，或“未覆盖部分”、“修复无效几何”、字段映射不同）：重新计算规划叠加。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="456" />
      <source>Reading the current DLTB…</source>
      <translation>正在读取现状地类图斑…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="465" />
      <source>The plan's {n} pieces are read from the project ({table}).</source>
      <translation>规划叠加的 {n} 个图斑从项目文件读取（{table}）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="470" />
      <source>Overlaying the planned DLTB…</source>
      <translation>正在叠加规划地类图斑…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="491" />
      <source>{area:.2f} m² of 新增耕地 without a planned 等别 take the given 等别 {grade:g} (NEW_CULTIVATED_GRADE).</source>
      <translation>{area:.2f} m² 无规划等别的新增耕地按指定等别 {grade:g} 计（NEW_CULTIVATED_GRADE）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="64" />
      <source>Status and indicators</source>
      <translation>现状与指标</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="65" />
      <source>Scheme</source>
      <translation>实施方案</translation>
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="66" />
      <source>Tools</source>
      <translation>工具</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="109" />
      <source>三调 地类图斑 of the county (or any part holding the areas), projected CGCS2000 Gauss-Krüger.</source>
      <translation>县域（或包含各项目区的任一范围）的三调地类图斑，CGCS2000 高斯-克吕格投影。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="115" />
      <source>Project areas (项目区, one polygon each)</source>
      <translation>项目区（每个一个面）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="117" />
      <source>One polygon per project area (several features with the same name are separate areas). Give this or TOWNSHIPS.</source>
      <translation>每个项目区一个面（同名的多个要素是不同的项目区）。给出此项或 TOWNSHIPS。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="121" />
      <source>Field naming the project areas</source>
      <translation>项目区名称字段</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="123" />
      <source>Names the workbooks and the summary rows; default the first of NAME, XMMC, XMQMC, MC, XMQDM, CODE, else the feature id.</source>
      <translation>用于命名工作簿和汇总行；默认取 NAME、XMMC、XMQMC、MC、XMQDM、CODE 中第一个存在的字段，否则用要素编号。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="127" />
      <source>…or townships (乡镇 codes, first 9 digits of ZLDWDM, comma separated)</source>
      <translation>…或乡镇（乡镇代码，即 ZLDWDM 前 9 位，逗号分隔）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="129" />
      <source>Each township's area is its parcels (ZLDWDM starting with the code), dissolved.</source>
      <translation>每个乡镇的范围是其图斑（ZLDWDM 以该代码开头）融合而成。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="132" />
      <source>Permanent basic farmland before (永久基本农田，整治前)</source>
      <translation>永久基本农田（整治前）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="133" />
      <source>YJJBNTTB before the adjustment; with PBF_AFTER gives table 6 and the 新增比例.</source>
      <translation>调整前的永久基本农田图层；与 PBF_AFTER 一起生成表 6 和新增比例。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="134" />
      <source>Permanent basic farmland after (永久基本农田，整治后)</source>
      <translation>永久基本农田（整治后）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="135" />
      <source>YJJBNTTB after the adjustment.</source>
      <translation>调整后的永久基本农田图斑（YJJBNTTB）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="136" />
      <source>Sub-projects (子项目)</source>
      <translation>子项目</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="136" />
      <source>Optional; those meeting an area count for it.</source>
      <translation>可选；与项目区相交的子项目计入该项目区。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="137" />
      <source>Ecological protection red line (生态保护红线)</source>
      <translation>生态保护红线</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="138" />
      <source>Optional: the constraint rules of the compliance table.</source>
      <translation>可选：用于指标核验表中的约束规则。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="143" />
      <source>First year of implementation</source>
      <translation>实施开始年度</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="144" />
      <source>Last year of implementation</source>
      <translation>实施结束年度</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="147" />
      <source>Calendar year; the period counts both ends (2026–2028 is 3 years).</source>
      <translation>公历年份；实施期限含起止年度（2026–2028 为 3 年）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="149" />
      <source>Area unit</source>
      <translation>面积单位</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="152" />
      <source>0 = 公顷, 1 = 亩, 2 = both.</source>
      <translation>0 = 公顷，1 = 亩，2 = 两者。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="156" />
      <source>Folder for the workbooks</source>
      <translation>工作簿文件夹</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="157" />
      <source>One workbook per area, &lt;area name&gt;.xlsx (characters a file name may not hold become _).</source>
      <translation>每个项目区一个工作簿，&lt;项目区名称&gt;.xlsx（文件名中不允许的字符替换为 _）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="160" />
      <source>Summary (one row per area)</source>
      <translation>汇总表（每个项目区一行）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="161" />
      <source>Areas</source>
      <translation>项目区数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="162" />
      <source>Areas that failed</source>
      <translation>出错的项目区数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="173" />
      <source>Give the plan: a planned layer (AFTER) or a planned-code field (AFTER_FIELD).</source>
      <translation>请给出规划：规划图层（AFTER）或规划地类字段（AFTER_FIELD）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="178" />
      <source>{n} project area(s).</source>
      <translation>{n} 个项目区。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="181" />
      <source>Reading the layers once…</source>
      <translation>读取各图层（仅一次）…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="199" />
      <source>[{k}/{n}] {name}</source>
      <translation>[{k}/{n}] {name}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="203" />
      <source>The area has no polygon (a township code no parcel's ZLDWDM starts with, or an empty feature).</source>
      <translation>该项目区没有面（没有图斑的 ZLDWDM 以该乡镇代码开头，或要素为空）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="213" />
      <source>{name}: {error}</source>
      <translation>{name}：{error}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="234" />
      <source>Give either PROJECT_AREAS or TOWNSHIPS, not both or none.</source>
      <translation>请给出 PROJECT_AREAS 或 TOWNSHIPS 之一，不能两者都给或都不给。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="252" />
      <source>Area {id}</source>
      <translation>项目区 {id}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="256" />
      <source>Layer '{layer}' has no ZLDWDM field: townships cannot be found.</source>
      <translation>图层“{layer}”没有 ZLDWDM 字段：无法确定乡镇。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="267" />
      <source>No parcel of the DLTB lies in the area: is it outside the county?</source>
      <translation>项目区内没有任何地类图斑：项目区是否在县域之外？</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="296" />
      <source>No table could be written: every chosen table lacks its inputs.</source>
      <translation>无法输出任何表格：所选表格均缺少输入数据。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="300" />
      <source>Could not write {path}: {error}</source>
      <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="302" />
      <source>{path}: {n} sheets</source>
      <translation>{path}：{n} 个工作表</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="88" />
      <source>Batch scheme (批量核算)</source>
      <translation>批量核算</translation>
    </message>
    <message>
      <location filename="processing/algorithms/batchscheme.py" line="93" />
      <source>Computes the scheme of many project areas of one county in one run: for each area one workbook in OUTPUT_FOLDER, named after the area, with the tables of 'Export scheme tables', and one row of OUTPUT_SUMMARY: 新增耕地 (ADDED_CULTIVATED_M2, and ADDED_RATE, % of the original 耕地), the 新增比例 of the permanent basic farmland (PBF_ADDED_RATIO), the change of 建设用地, the 百亩方 before and after, the compliance verdict (rules passed / failed / not checked) and ERROR, empty when the area ran.

The areas are the polygons of PROJECT_AREAS (one per feature, named by NAME_FIELD), or the townships listed in TOWNSHIPS (9-digit codes, comma separated): a township's area is its parcels, those whose ZLDWDM starts with the code.

Each layer is read once, not once per area: the features meeting an area are copied from memory. An area that fails (no parcels in it, a plan that does not cover it …) is reported in its row and the others go on; cancelling stops after the area running.</source>
      <translation>一次核算一个县的多个项目区：每个项目区在 OUTPUT_FOLDER 中生成一个以其名称命名的工作簿，内含“方案表格导出”的各表；OUTPUT_SUMMARY 中每个项目区一行：新增耕地（ADDED_CULTIVATED_M2，及占原耕地的比例 ADDED_RATE，%）、永久基本农田新增比例（PBF_ADDED_RATIO）、建设用地变化、整治前后百亩方个数、指标核验结论（通过 / 不通过 / 未核验的规则数）和 ERROR（运行成功时为空）。

项目区为 PROJECT_AREAS 的面要素（每个要素一个，名称取 NAME_FIELD），或 TOWNSHIPS 中列出的乡镇（9 位代码，逗号分隔）：一个乡镇的范围是其图斑，即 ZLDWDM 以该代码开头的图斑。

每个图层只读取一次，而不是每个项目区读取一次：与项目区相交的要素从内存中复制。某个项目区出错（其中没有图斑、规划未覆盖等）时在其所在行报告，其余项目区继续；取消后在正在运行的项目区结束后停止。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="103" />
      <source>{name}: {n}</source>
      <translation>{name}：{n}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="105" />
      <source>No findings: all {n} parcels pass every check.</source>
      <translation>未发现问题：全部 {n} 个图斑通过各项检查。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="44" />
      <source>Data check (数据质检)</source>
      <translation>数据质检</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="47" />
      <source>Checks a 三调 DLTB before indicators are computed from it and lists every problem, naming the parcel (BSM, else the feature id): TBDLMJ ≠ TBMJ − KCMJ beyond 0.01 m²; TBMJ differing from the parcel's 三调 ellipsoidal area by more than the tolerance (default max(1 m², 0.1 %)); negative areas, TBMJ 0 on a real polygon, KCMJ &gt; TBMJ, KCXS outside [0, 1), GDDB outside 1–15, NaN/inf or text in a number field; 田坎 deducted from a parcel that is not 耕地; an empty code or one not in the 三调 table; 城镇村属性码 (CZCSXM) invalid, or missing or wrong on 0701/0702 (201/202/203) and 0602/0603 (204); null, empty and invalid geometries (with GEOS's reason); parcels whose interiors overlap (with the overlap area); the same polygon twice; the same BSM twice; garbled text (a wrong encoding), one finding per field.

OUTPUT lists the findings (BSM, FID, CHECK, CHECK_NAME, MESSAGE, AREA_M2: the overlap for overlaps, else the parcel's area); OUTPUT_PARCELS holds the parcels with findings and their checks. A clean parcel gives no finding; the input is not changed.</source>
      <translation>在计算各项指标之前检查三调地类图斑，逐条列出问题并给出图斑（BSM，无 BSM 时为要素编号）：TBDLMJ ≠ TBMJ − KCMJ 超过 0.01 m²；TBMJ 与图斑三调椭球面积之差超过容差（默认取 1 m² 与 0.1 % 中的较大者）；面积为负、实际图斑的 TBMJ 为 0、KCMJ &gt; TBMJ、KCXS 不在 [0, 1) 之间、GDDB 不在 1–15 之间、数值字段为 NaN/无穷大或非数字文本；非耕地图斑填有田坎扣除；地类编码为空或不在三调地类表中；城镇村属性码（CZCSXM）无效，或 0701/0702（201/202/203）、0602/0603（204）缺少或填错；几何为 NULL、为空或无效（附 GEOS 给出的原因）；图斑内部相互重叠（附重叠面积）；同一图斑几何重复；标识码 BSM 重复；文字乱码（编码读错），每个字段报一条。

OUTPUT 列出全部问题（BSM、FID、CHECK、CHECK_NAME、MESSAGE、AREA_M2：重叠问题为重叠面积，其余为图斑面积）；OUTPUT_PARCELS 为有问题的图斑及其问题。没有问题的图斑不产生记录；输入图层不会被修改。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="66" />
      <source>TBMJ tolerance, absolute (m²)</source>
      <translation>TBMJ 容差，绝对值（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="67" />
      <source>TBMJ may differ from the ellipsoidal area by max(this, the relative tolerance).</source>
      <translation>TBMJ 与椭球面积之差允许为本值与相对容差中的较大者。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="68" />
      <source>TBMJ tolerance, relative (%)</source>
      <translation>TBMJ 容差，相对值（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="69" />
      <source>Relative part of the TBMJ tolerance, in % of the ellipsoidal area.</source>
      <translation>TBMJ 容差的相对部分，以椭球面积的百分比计。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="77" />
      <source>Findings</source>
      <translation>质检问题</translation>
    </message>
    <message>
      <location filename="processing/algorithms/checkdata.py" line="79" />
      <source>Parcels with findings</source>
      <translation>有问题的图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="109" />
      <source>Threshold of the compliance table; without it the rule is 未核验 (not checked).</source>
      <translation>指标核验表的控制值；不给出时该指标为“未核验”。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="112" />
      <source>Threshold of the compliance table (policy default: {value}).</source>
      <translation>指标核验表的阈值（政策默认值：{value}）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="145" />
      <source>Compliance check (指标核验)</source>
      <translation>指标核验</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="151" />
      <source>Checks the plan against the policy rules, one row each: 新增耕地 ≥ 5 % of the original 耕地; 新增永久基本农田 ≥ 5 % of the adjusted area (needs the permanent basic farmland layers before and after); mean 耕地等别 not worse; 耕地进出平衡 in area and quality; 建设用地 not increased; 建新 ≤ 拆旧复垦; implementation period ≤ 3 years (from START_YEAR/END_YEAR, else the sub-projects' years); one township (the first 9 digits of ZLDWDM).

Every threshold is a parameter with the policy default; the table's THRESHOLD column shows the value used. PASSED is 1/0, or empty when a rule could not be checked (its NOTE says why). OUTPUT_PARCELS holds the parcels behind each failure: 耕地 lost (新增耕地), 耕地 planned worse than the original mean 等别 (quality), 耕地出 (balance), 建新 (construction land, 增减挂钩), parcels of other townships, permanent basic farmland 调出.</source>
      <translation>逐条对照政策规则核验方案，每条规则一行：新增耕地 ≥ 原耕地的 5 %；新增永久基本农田 ≥ 调整面积的 5 %（需提供整治前、整治后永久基本农田图层）；耕地平均等别不下降；耕地进出平衡（面积与质量）；建设用地不增加；建新 ≤ 拆旧复垦；实施期限 ≤ 3 年（依据 START_YEAR/END_YEAR，未给出时取子项目的年度）；项目限于一个乡镇（ZLDWDM 前 9 位）。

各项阈值均为参数，默认取政策规定值；表中 THRESHOLD 列为实际采用的值。PASSED 为 1/0，规则无法核验时为空（原因见 NOTE）。OUTPUT_PARCELS 为各未通过项涉及的图斑：减少的耕地（新增耕地）、规划等别劣于原耕地平均等别的耕地（质量）、耕地出（进出平衡）、建新（建设用地、增减挂钩）、其他乡镇的图斑、永久基本农田调出。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="162" />
      <source>The reviewer's further checks: 新增耕地 not inside the ecological red line (RED_LINE) and not on slopes over 25° (SLOPE raster or DEM, else GDPDJB grade 5); planned new 建设用地 not inside the red line and no planned 建设用地 on permanent basic farmland (before or after); 永久基本农田 调出 ≤ 5 % of the original (PBF_ADJUST_SHARE) and the 调入 not steeper than the 调出 by area-weighted GDPDJB (PBF_IN_SLOPE); the area-weighted 等别 of 新增耕地 (ADDED_QUALITY) not poorer than the county mean (COUNTY_MEAN_GRADE; not checked without it). The conflict parts stand behind the constraint rules.

耕地 without 等别 is never left out silently: while any planned (or current) 耕地 has none, the quality rules are 未核验 and say how much area lacks it. NEW_CULTIVATED_GRADE gives one 等别 to all 新增耕地 without a planned one.</source>
      <translation>审查还核验：新增耕地不在生态保护红线内（RED_LINE）、不在 25° 以上陡坡（坡度栅格 SLOPE 或 DEM，否则按耕地坡度级别 GDPDJB 5 级）；规划新增建设用地不在生态保护红线内，规划建设用地不占永久基本农田（调整前或调整后）；永久基本农田调出不超过原永久基本农田的 5%（PBF_ADJUST_SHARE），调入按面积加权坡度级别不陡于调出（PBF_IN_SLOPE）；新增耕地的面积加权平均等别（ADDED_QUALITY）不低于县域耕地平均等别（COUNTY_MEAN_GRADE，未给出时不核验）。约束类指标的相关图斑为冲突部分。

缺少等别的耕地不会被悄悄剔除：只要有规划（或现状）耕地没有等别，质量类指标即为“未核验”，并写明缺少等别的面积。NEW_CULTIVATED_GRADE 为所有无规划等别的新增耕地统一指定一个等别。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="176" />
      <source>Project GeoPackage (项目文件)</source>
      <translation>项目文件</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="178" />
      <source>A project GeoPackage written by 'Create project': its layers and years are used unless given below, and the plan pieces stored in it are read instead of overlaying the plan again.</source>
      <translation>由“项目设置”生成的项目 GeoPackage：除下面另行给出的以外，使用其中的图层和年度；并直接读取其中保存的规划叠加图斑，不再重新叠加。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="190" />
      <source>YJJBNTTB layer before the adjustment.</source>
      <translation>调整前的永久基本农田图斑（YJJBNTTB）图层。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="191" />
      <source>YJJBNTTB layer after the adjustment.</source>
      <translation>调整后的永久基本农田图斑（YJJBNTTB）图层。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="192" />
      <source>Sub-projects; their year field (SSND) gives the period when START_YEAR/END_YEAR are not given.</source>
      <translation>子项目图层；未给出 START_YEAR/END_YEAR 时，以其实施年度字段（SSND）确定实施期限。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="203" />
      <source>Compliance table</source>
      <translation>指标核验表</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="206" />
      <source>Parcels behind failures</source>
      <translation>未通过项涉及的图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="209" />
      <source>Rules failed</source>
      <translation>未通过规则数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="210" />
      <source>Rules passed</source>
      <translation>通过规则数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="211" />
      <source>Rules not checked</source>
      <translation>未核验规则数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="212" />
      <source>Mean 等别 of 新增耕地</source>
      <translation>新增耕地平均等别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="213" />
      <source>新增耕地 without 等别 (m²)</source>
      <translation>无等别的新增耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="261" />
      <source>Project: {path}</source>
      <translation>项目：{path}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="263" />
      <source>Give a project GeoPackage (PROJECT) or the current DLTB layer (DLTB).</source>
      <translation>请给出项目文件（PROJECT）或现状地类图斑图层（DLTB）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="76" />
      <source>Minimum 新增耕地 rate (% of original 耕地)</source>
      <translation>新增耕地率下限（占原耕地的 %）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="77" />
      <source>Minimum 新增永久基本农田 (% of the adjusted area)</source>
      <translation>新增永久基本农田比例下限（占调整面积的 %）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="78" />
      <source>Largest allowed rise of the mean 耕地等别 (等)</source>
      <translation>耕地平均等别允许升高的最大值（等）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="79" />
      <source>Largest allowed 建设用地 increase (m²)</source>
      <translation>建设用地允许增加的最大面积（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="81" />
      <source>Longest implementation period (years)</source>
      <translation>最长实施期限（年）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="82" />
      <source>Most townships (乡镇) in one project</source>
      <translation>单个项目最多涉及的乡镇数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="84" />
      <source>Largest allowed 新增耕地 inside the red line (m²)</source>
      <translation>新增耕地位于生态保护红线内的允许面积上限（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="86" />
      <source>Largest allowed 新增耕地 on steep slopes (m²)</source>
      <translation>新增耕地位于陡坡的允许面积上限（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="87" />
      <source>Steepest slope allowed for new 耕地 (degrees)</source>
      <translation>新增耕地允许的最大坡度（度）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="89" />
      <source>Largest 永久基本农田 调出 (% of the original permanent basic farmland)</source>
      <translation>永久基本农田调出比例上限（占原永久基本农田的 %）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="91" />
      <source>Largest allowed rise of the mean slope grade, 调入 over 调出 (级)</source>
      <translation>调入平均坡度级别高于调出的允许值（级）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="93" />
      <source>Largest allowed new 建设用地 inside the red line (m²)</source>
      <translation>生态保护红线内新增建设用地的允许面积上限（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="95" />
      <source>Largest allowed 建设用地 on permanent basic farmland (m²)</source>
      <translation>建设用地占用永久基本农田的允许面积上限（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="96" />
      <source>County mean 耕地等别 (新增耕地 must not be poorer)</source>
      <translation>县域耕地平均等别（新增耕地不得低于）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="121" />
      <source>Give a slope raster (SLOPE) or a DEM (DEM), not both.</source>
      <translation>请给出坡度栅格（SLOPE）或 DEM（DEM）之一，不要同时给出。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="125" />
      <source>The raster '{name}' is not a file GDAL can read (provider {provider}).</source>
      <translation>栅格“{name}”不是 GDAL 可读取的文件（数据提供者 {provider}）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="146" />
      <source>No slope raster or DEM, and no GDPDJB on the new 耕地: the slope of new 耕地 is not checked.</source>
      <translation>没有坡度栅格或 DEM，新增耕地也没有耕地坡度级别（GDPDJB）：不核验新增耕地的坡度。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="150" />
      <source>{area:.2f} m² of new 耕地 have neither raster cells nor a GDPDJB: their slope is unknown.</source>
      <translation>{area:.2f} m² 新增耕地既无栅格像元也无耕地坡度级别（GDPDJB），坡度未知。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="162" />
      <source>Constraint conflicts (约束冲突)</source>
      <translation>约束冲突</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="168" />
      <source>Checks the plan (the overlay of the current and the planned DLTB, as the other algorithms build it) against the constraints, piece by piece, and lists each conflicting piece with its rule, the BSM of the current parcel, the current and planned code and its area:
• NO_BUILD_IN_RED_LINE – planned 建设用地 inside the ecological red line that is not 建设用地 now;
• NO_BUILD_ON_PBF – planned 建设用地 on permanent basic farmland, before or after the adjustment;
• NEW_CULTIVATED_NOT_IN_RED_LINE – 新增耕地 inside the red line;
• NEW_CULTIVATED_NOT_STEEP – 新增耕地 on slopes over 25° (STEEP_SLOPE).

Areas are gross, in m²: the piece's share of its current parcel's TBMJ; the part of a piece inside a constraint gets the piece's gross area × the share of the piece's ellipsoidal area inside (the output's SHARE). Parts under SLIVER_AREA (default 1 m²) are boundary noise and left out.

Slope: from the SLOPE raster (degrees) or from a DEM (Horn's method), counting the cells whose centres fall inside the piece (a piece too small for a cell centre takes the cell under it); without a raster, or where the raster has no data, GDPDJB grade 5 of the planned (else current) parcel. New 耕地 with neither is reported as unknown, not as flat.

Each constraint is optional; a rule without its constraint is not checked (the compliance table says 未核验).</source>
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
      <location filename="processing/algorithms/conflicts.py" line="192" />
      <source>Leave out conflict parts smaller than (m²)</source>
      <translation>剔除小于此面积的冲突部分（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="195" />
      <source>Parts of a piece inside a constraint smaller than this (ellipsoidal m²) come from boundaries drawn apart in the two layers; they are counted in the log.</source>
      <translation>叠加块位于约束范围内、小于此面积（椭球面积 m²）的部分来自两个图层界线不一致，剔除并在日志中计数。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="199" />
      <source>Conflicting pieces</source>
      <translation>冲突图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="200" />
      <source>New 建设用地 inside the red line (m²)</source>
      <translation>生态保护红线内的新增建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="201" />
      <source>Planned 建设用地 on permanent basic farmland (m²)</source>
      <translation>占用永久基本农田的规划建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="202" />
      <source>新增耕地 inside the red line (m²)</source>
      <translation>生态保护红线内的新增耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="203" />
      <source>新增耕地 on steep slopes (m²)</source>
      <translation>陡坡上的新增耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="233" />
      <source>{rule}: {n} piece(s), {area:.2f} m²</source>
      <translation>{rule}：{n} 处，{area:.2f} m²</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="236" />
      <source>{rule}: not checked (its constraint was not given)</source>
      <translation>{rule}：未核验（未提供相应约束图层）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="56" />
      <source>生态保护红线 polygons: planned new 建设用地 and 新增耕地 inside are conflicts.</source>
      <translation>生态保护红线面：其中的规划新增建设用地和新增耕地为冲突。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="59" />
      <source>永久基本农田 before the adjustment: planned 建设用地 on it is a conflict.</source>
      <translation>调整前的永久基本农田：其上的规划建设用地为冲突。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="61" />
      <source>永久基本农田 after the adjustment: planned 建设用地 on it is a conflict.</source>
      <translation>调整后的永久基本农田：其上的规划建设用地为冲突。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="68" />
      <source>Slope raster (坡度, degrees)</source>
      <translation>坡度栅格（度）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="69" />
      <source>Slope in degrees. 新增耕地 is measured from the cells whose centres fall inside each piece. Give this or DEM; without either, GDPDJB grade 5 of the planned (else current) parcel marks slopes over 25°.</source>
      <translation>以度为单位的坡度。新增耕地按中心点落在叠加块内的像元统计。给出此项或 DEM；两者都没有时，以规划（无则现状）耕地坡度级别 GDPDJB 5 级表示 25° 以上。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="72" />
      <source>…or elevation raster (DEM)</source>
      <translation>…或高程栅格（DEM）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="73" />
      <source>Elevations; the slope is derived by Horn's 3×3 method (as gdaldem slope). A projected CRS in metres, or geographic degrees (converted on the CGCS2000 ellipsoid).</source>
      <translation>高程；坡度按 Horn 3×3 方法计算（与 gdaldem slope 相同）。投影坐标系（米），或地理坐标（按 CGCS2000 椭球换算为米）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/conflicts.py" line="88" />
      <source>新增耕地 on slopes over this is a conflict (补充耕地质量验收办法（试行）, 2025: 25°). The GDPDJB fallback always means grade 5 (over 25°).</source>
      <translation>坡度超过此值的新增耕地为冲突（补充耕地质量验收办法（试行），2025：25°）。按耕地坡度级别判断时始终取 5 级（25° 以上）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="17" />
      <source>建设用地 before (m²)</source>
      <translation>整治前建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="18" />
      <source>建设用地 after (m²)</source>
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
      <source>拆旧复垦: 建设用地 planned as non-construction (m²)</source>
      <translation>拆旧复垦：规划为非建设用地的建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="22" />
      <source>…of which to 耕地 (m²)</source>
      <translation>…其中复垦为耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="23" />
      <source>…of which to other 农用地 (m²)</source>
      <translation>…其中复垦为其他农用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="24" />
      <source>…of which to 未利用地 (m²)</source>
      <translation>…其中复垦为未利用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="25" />
      <source>建新: non-construction planned as 建设用地 (m²)</source>
      <translation>建新：规划为建设用地的非建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="26" />
      <source>节余 = 拆旧复垦 − 建新 (m²)</source>
      <translation>节余 = 拆旧复垦 − 建新（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="39" />
      <source>Construction land and 增减挂钩 (建设用地与拆旧建新)</source>
      <translation>建设用地与拆旧建新</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="44" />
      <source>建设用地 is the 三调 三大类 建设用地 (class areas, TBDLMJ). Rural construction land = 建设用地 with CZCSXM 203/203A (村庄), any 0702, and 0601/0602 outside 城市/建制镇 (CZCSXM not 201/202).

增减挂钩 from the transitions (gross piece areas): 拆旧复垦 (RECLAIMED_M2) = 建设用地 planned as non-construction land, split into 耕地 / other 农用地; 建新 (NEW_BUILD_M2) = non-construction land planned as 建设用地; 节余 = 拆旧复垦 − 建新. The rule is 建新 ≤ 拆旧复垦 and 建设用地 not increased.

With a sub-project layer, OUTPUT has one row per sub-project (the part of each change inside it) and a 合计 row; without it, only the 合计 row.</source>
      <translation>建设用地指三调三大类中的建设用地（地类面积，TBDLMJ）。农村建设用地 = CZCSXM 为 203/203A（村庄）的建设用地、全部 0702，以及位于城市/建制镇以外（CZCSXM 不为 201/202）的 0601/0602。

增减挂钩依据地类转移计算（叠加分块的毛面积）：拆旧复垦（RECLAIMED_M2）= 规划为非建设用地的建设用地，分为耕地 / 其他农用地；建新（NEW_BUILD_M2）= 规划为建设用地的非建设用地；节余 = 拆旧复垦 − 建新。规则要求建新 ≤ 拆旧复垦，且建设用地不增加。

提供子项目图层时，OUTPUT 中每个子项目一行（各项变化位于该子项目内的部分），另加合计行；未提供时只有合计行。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="62" />
      <source>Polygons of the sub-projects (fields XMMC name, XMLX type are used when present).</source>
      <translation>子项目范围面（如有 XMMC 项目名称、XMLX 项目类型字段则一并使用）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="65" />
      <source>增减挂钩 ledger</source>
      <translation>增减挂钩台账</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="128" />
      <source>Farmland contiguity and fragmentation (耕地集中连片与破碎度)</source>
      <translation>耕地集中连片与破碎度</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="134" />
      <source>Groups the parcels of the chosen classes (耕地 0101/0102/0103 by default) into contiguous blocks and counts 百亩方 (≥ 100 亩), ≥ 500 亩 and 千亩方 (≥ 1 000 亩) blocks, with the fragmentation metrics of the parcels.

Two parcels are in one block when they share at least 1 m of boundary (parcels that meet only at a corner are not joined by that), or when the gap between them is at most MAX_GAP wide and lies wholly on connector parcels (农村道路 1006, 沟渠 1107, 田坎 1203) no wider than MAX_GAP. A connector's width is XZDWKD, or 2 × area / perimeter where XZDWKD is empty. A wider road or ditch, a gap wider than MAX_GAP, or anything else in the gap (a river, a 公路, houses) breaks the block. Fields along the same road are not joined through it, only fields facing each other across it.

Block area = Σ TBDLMJ of its parcels (the roads and ditches between them are not counted); 1 亩 = 10 000/15 m². The block layer holds the dissolved parcels of each block, largest first.

Fragmentation metrics (FRAGSTATS definitions, each parcel a patch, A = Σ TBMJ of the area analysed): NP; mean parcel area; LPI = largest patch / A × 100; patch density per 100 ha; MESH = Σ a² / A; mean shape index p / (2√(πa)); share of parcels under 5 亩. LPI and MESH of the blocks are given too. The metrics table has a row per village (GROUP_FIELD) and one for all.

With AFTER (the planned DLTB) or AFTER_FIELD (a planned-code field), the same analysis is run on the plan and a before/after table shows what the scheme gains (e.g. 新增 3 个百亩方).</source>
      <translation>将所选地类（默认耕地 0101/0102/0103）的图斑归并为集中连片地块，统计百亩方（≥ 100 亩）、≥ 500 亩地块和千亩方（≥ 1 000 亩）的数量，并计算图斑的破碎度指标。

两个图斑共用边界长度不小于 1 m 时属于同一连片地块（仅在角点相接的图斑不因此相连）；或二者之间的间隔宽度不超过 MAX_GAP，且间隔全部由宽度不超过 MAX_GAP 的连接地物图斑（农村道路 1006、沟渠 1107、田坎 1203）构成时，也属于同一地块。连接地物的宽度取 XZDWKD，XZDWKD 为空时取 2 × 面积 / 周长。更宽的道路或沟渠、宽于 MAX_GAP 的间隔，或间隔中有其他地物（河流、公路、房屋），都会隔断连片。沿同一条道路排列的田块不经由该道路相连，只有隔路相对的田块才相连。

地块面积 = 其图斑的 Σ TBDLMJ（其间的道路、沟渠不计入）；1 亩 = 10 000/15 m²。连片地块图层为各地块融合后的图斑，按面积从大到小排列。

破碎度指标（采用 FRAGSTATS 定义，每个图斑为一个斑块，A = 分析范围的 Σ TBMJ）：NP；平均图斑面积；LPI = 最大斑块面积 / A × 100；每 100 公顷斑块密度；MESH = Σ a² / A；平均形状指数 p / (2√(πa))；5 亩以下图斑所占比例。同时给出连片地块的 LPI 和 MESH。指标表中每个村（GROUP_FIELD）一行，另加全部范围一行。

给出 AFTER（规划地类图斑）或 AFTER_FIELD（规划地类编码字段）时，对规划方案进行同样的分析，并输出整治前后对比表，反映方案的成效（如新增 3 个百亩方）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="163" />
      <source>Widest gap joining two parcels (m)</source>
      <translation>连接两个图斑的最大间隔宽度（m）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="168" />
      <source>Parcels separated only by connectors at most this wide count as one block (default 8 m).</source>
      <translation>仅被不超过此宽度的连接地物隔开的图斑视为同一连片地块（默认 8 m）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="172" />
      <source>Connector codes (do not break a block)</source>
      <translation>连接地物地类编码（不隔断连片）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="177" />
      <source>Comma-separated codes of the linear features that join blocks: 农村道路, 沟渠, 田坎. Empty: only parcels that touch are joined.</source>
      <translation>可连接地块的线状地物的地类编码，以逗号分隔：农村道路、沟渠、田坎。为空时仅相互接触的图斑才相连。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="184" />
      <source>Codes analysed (default 耕地)</source>
      <translation>分析地类编码（默认耕地）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="187" />
      <source>Comma-separated codes whose parcels form the blocks; suffixed codes match their base.</source>
      <translation>组成连片地块的图斑地类编码，以逗号分隔；带后缀的编码按其基本编码匹配。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="192" />
      <source>Metrics by field (default ZLDWDM, village; empty = whole area only)</source>
      <translation>指标分组字段（默认 ZLDWDM，即按村；为空则只统计整个范围）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="193" />
      <source>The metrics table gets one row per value of this field, plus one for all.</source>
      <translation>指标表中该字段每个取值一行，另加全部范围一行。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="198" />
      <source>Block size for SHARE_IN_BLOCKS (亩)</source>
      <translation>SHARE_IN_BLOCKS 的地块面积标准（亩）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="204" />
      <source>SHARE_IN_BLOCKS = share of the class area in blocks at least this large.</source>
      <translation>SHARE_IN_BLOCKS = 位于面积不小于此值的连片地块中的地类面积占比。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="208" />
      <source>Planned land use after (DLTB_GH), to compare</source>
      <translation>整治后规划地类（DLTB_GH），用于对比</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="212" />
      <source>Optional planned DLTB; the same analysis is run on it and compared.</source>
      <translation>可选的规划地类图斑；对其进行同样的分析并与现状对比。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="216" />
      <source>…or planned code field on DLTB (e.g. GHDLBM)</source>
      <translation>…或地类图斑上的规划地类编码字段（如 GHDLBM）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="220" />
      <source>Optional field holding each parcel's planned code; used when AFTER is not given.</source>
      <translation>可选，存放各图斑规划地类编码的字段；未给出 AFTER 时使用。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="223" />
      <source>Contiguous blocks</source>
      <translation>集中连片地块</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="226" />
      <source>Fragmentation metrics</source>
      <translation>破碎度指标</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="231" />
      <source>Before / after comparison</source>
      <translation>整治前后对比</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="239" />
      <source>Blocks ≥ 100 亩 after (百亩方)</source>
      <translation>整治后百亩方（≥ 100 亩）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="240" />
      <source>New blocks ≥ 100 亩 (新增百亩方)</source>
      <translation>新增百亩方</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="268" />
      <source>No ZLDWDM field: metrics for the whole area only.</source>
      <translation>无 ZLDWDM 字段：仅统计整个范围的指标。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="399" />
      <source>Before → after:</source>
      <translation>整治前 → 整治后：</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="409" />
      <source>{np} parcels, {ca:.2f} m² ({mu:.2f} 亩) in {blocks} blocks; ≥100 亩: {b100}, ≥500 亩: {b500}, ≥1000 亩: {b1000}; largest block {largest:.2f} 亩; {share:.2f} % of the area in blocks ≥ 100 亩.</source>
      <translation>{np} 个图斑，{ca:.2f} m²（{mu:.2f} 亩），分属 {blocks} 个连片地块；≥100 亩：{b100} 个，≥500 亩：{b500} 个，≥1000 亩：{b1000} 个；最大地块 {largest:.2f} 亩；{share:.2f} % 的面积位于 ≥ 100 亩的地块中。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/contiguity.py" line="419" />
      <source>Connectors: {used} narrow enough to join, {wide} wider than MAX_GAP; {corner} corner-only contacts not joined; {rejected} narrow gaps refused (something other than a connector in them). Run time {t:.1f} s.</source>
      <translation>连接地物：{used} 处宽度满足连接条件，{wide} 处宽于 MAX_GAP；{corner} 处仅角点相接，未连接；{rejected} 处窄间隔未予连接（其中含有连接地物以外的地物）。运行时间 {t:.1f} s。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="101" />
      <source>First year (开始年度)</source>
      <translation>开始年度</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="101" />
      <source>Last year (结束年度)</source>
      <translation>结束年度</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="104" />
      <source>Calendar year; both ends count.</source>
      <translation>公历年份；含起止年度。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="106" />
      <source>Longest period (years)</source>
      <translation>最长实施期限（年）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="110" />
      <source>Policy default: 3 years (无锡实施意见 §三(三)).</source>
      <translation>政策默认值：3 年（无锡实施意见 §三(三)）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="117" />
      <source>Ecological red line (生态保护红线)</source>
      <translation>生态保护红线</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="118" />
      <source>Urban development boundary (城镇开发边界)</source>
      <translation>城镇开发边界</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="123" />
      <source>Optional; copied into the project where it meets the boundary.</source>
      <translation>可选；与项目区边界相交的要素将复制到项目文件中。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="125" />
      <source>…or planned-code field on the DLTB (规划地类编码)</source>
      <translation>…或地类图斑上的规划地类编码字段</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="127" />
      <source>Field holding the planned DLBM, instead of a layer.</source>
      <translation>存放规划地类编码（DLBM）的字段，可代替规划图层。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="128" />
      <source>Field mapping (JSON role → field)</source>
      <translation>字段映射（JSON，角色 → 字段）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="131" />
      <source>e.g. {"code": "DLBM2", "tbmj": "MJ"}; roles not given are detected.</source>
      <translation>如 {"code": "DLBM2", "tbmj": "MJ"}；未给出的角色将自动识别。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="135" />
      <source>Project GeoPackage</source>
      <translation>项目 GeoPackage</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="135" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="136" />
      <source>Townships in the project area</source>
      <translation>项目区涉及乡镇数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="137" />
      <source>DLTB parcels copied</source>
      <translation>复制的地类图斑数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="138" />
      <source>Township codes</source>
      <translation>乡镇代码</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="181" />
      <source>The project area spans {n} townships ({codes}); the policy's unit is one 乡镇.</source>
      <translation>项目区跨 {n} 个乡镇（{codes}）；按政策，项目以一个乡镇为实施单元。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="214" />
      <source>Writing {path}…</source>
      <translation>正在写入 {path}…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="219" />
      <source>Overlaying the plan once for the project…</source>
      <translation>为项目计算一次规划叠加…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="226" />
      <source>The plan could not be computed, so none is stored in the project: {error}</source>
      <translation>无法计算规划叠加，项目中未保存规划图斑：{error}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="230" />
      <source>{n} plan pieces stored in the project ({table}).</source>
      <translation>已在项目中保存 {n} 个规划叠加图斑（{table}）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="61" />
      <source>Create project (项目设置)</source>
      <translation>项目设置</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="66" />
      <source>Writes one self-contained project GeoPackage: the project boundary (XMQ), copies of the DLTB parcels that intersect it (whole parcels, attributes unchanged) and of the optional layers (planned DLTB, permanent basic farmland before/after, sub-projects, ecological red line, urban development boundary), and a settings table (lc_settings) with the project facts, the field mapping and the planned-code field. The project wizard runs this algorithm; exportscheme and the wizard read the file back.

The boundary is the PROJECT_AREA layer (its features dissolved; use 'selected features only' for a part) or the villages listed in VILLAGES (ZLDWDM codes, comma separated), whose DLTB parcels are dissolved. A project spanning more than one township (first 9 digits of ZLDWDM) is reported as a warning: the policy's unit is one 乡镇. The period counts both ends (2026–2028 = 3 years) and may not exceed MAX_YEARS.</source>
      <translation>生成一个独立完整的项目 GeoPackage，其中包括：项目区边界（XMQ）；与边界相交的地类图斑副本（整图斑复制，属性不变）及各可选图层的副本（规划地类图斑、整治前/整治后永久基本农田、子项目、生态保护红线、城镇开发边界）；设置表（lc_settings），记录项目信息、字段映射和规划地类编码字段。项目设置向导调用本算法；exportscheme 和向导会读取该文件。

项目区边界取自 PROJECT_AREA 图层（其要素融合为一；如只用其中一部分，请勾选“仅选中的要素”），或取自 VILLAGES 中列出的村（ZLDWDM 代码，以逗号分隔），由这些村的地类图斑融合而成。项目跨多个乡镇（ZLDWDM 前 9 位）时给出警告：按政策，项目以一个乡镇为实施单元。实施期限含起止年度（2026–2028 = 3 年），且不得超过 MAX_YEARS。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="82" />
      <source>三调 地类图斑, projected CGCS2000 Gauss-Krüger.</source>
      <translation>三调地类图斑，CGCS2000 高斯-克吕格投影。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="84" />
      <source>Project area polygons (项目区)</source>
      <translation>项目区</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="85" />
      <source>Boundary polygons; or give VILLAGES instead.</source>
      <translation>项目区边界面；也可改为给出 VILLAGES。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="87" />
      <source>…or villages (ZLDWDM codes, comma separated)</source>
      <translation>…或村（ZLDWDM 代码，以逗号分隔）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="88" />
      <source>Their DLTB parcels are dissolved into the boundary.</source>
      <translation>将这些村的地类图斑融合为项目区边界。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="90" />
      <source>Project name (项目名称)</source>
      <translation>项目名称</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="90" />
      <source>e.g. 某某镇全域土地综合整治项目</source>
      <translation>如：某某镇全域土地综合整治项目</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="91" />
      <source>Project code (项目编号)</source>
      <translation>项目编号</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="91" />
      <source>Code given by the bureau.</source>
      <translation>由自然资源主管部门确定的项目编号。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="92" />
      <source>Township (乡镇)</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="92" />
      <source>Name of the township; default from ZLDWDM.</source>
      <translation>乡镇名称；默认依据 ZLDWDM 确定。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="93" />
      <source>Responsible unit (实施主体)</source>
      <translation>实施主体</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="93" />
      <source>e.g. the township government.</source>
      <translation>如：乡镇人民政府。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="94" />
      <source>Prepared by (编制单位)</source>
      <translation>编制单位</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="95" />
      <source>The unit that prepares the scheme; shown on every table and map.</source>
      <translation>编制实施方案的单位；显示在每张表格和图件上。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="96" />
      <source>Date of preparation (编制日期)</source>
      <translation>编制日期</translation>
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="97" />
      <source>e.g. 2026-11-29; default: the day the project is written.</source>
      <translation>如 2026-11-29；默认为生成项目文件的当天。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="13" />
      <source>耕地 before, Σ TBDLMJ (m²)</source>
      <translation>整治前耕地，Σ TBDLMJ（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="14" />
      <source>耕地 after, Σ TBDLMJ (m²)</source>
      <translation>整治后耕地，Σ TBDLMJ（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="15" />
      <source>新增耕地 (m²)</source>
      <translation>新增耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="16" />
      <source>新增耕地 rate, % of 耕地 before</source>
      <translation>新增耕地率，占整治前耕地的 %</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="17" />
      <source>新增耕地 rate, % of the project area</source>
      <translation>新增耕地率，占项目区面积的 %</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="18" />
      <source>耕地出: 耕地 to other 农用地 (m²)</source>
      <translation>耕地出：耕地转为其他农用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="19" />
      <source>耕地进: other 农用地 to 耕地 (m²)</source>
      <translation>耕地进：其他农用地转为耕地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="20" />
      <source>耕地出 mean 等别</source>
      <translation>耕地出平均等别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="21" />
      <source>耕地进 mean 等别</source>
      <translation>耕地进平均等别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="22" />
      <source>Mean 等别 of 耕地 before</source>
      <translation>整治前耕地平均等别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="23" />
      <source>Mean 等别 of 耕地 after</source>
      <translation>整治后耕地平均等别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="24" />
      <source>耕地 to 建设用地/未利用地 (m²)</source>
      <translation>耕地转为建设用地/未利用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="25" />
      <source>进出平衡 in area and quality (1 = yes)</source>
      <translation>面积与质量进出平衡（1 = 是）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="40" />
      <source>Cultivated land: added, in/out balance, quality (新增耕地与进出平衡)</source>
      <translation>新增耕地与进出平衡</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="45" />
      <source>耕地 (0101/0102/0103) before and after on the TBDLMJ basis (田坎 excluded): 新增耕地 = 耕地 after − 耕地 before. ADDED_RATE is the policy's rate, against the original 耕地; ADDED_RATE_OF_PROJECT_AREA is against the project area's Σ TBMJ (both in %).

The OUTPUT table splits 新增耕地 by source: 建设用地复垦, K-coded restorable plots, 园地/林地/草地, 坑塘, 未利用地, other 农用地, the change inside land that stays 耕地 (田坎 coefficient; a change of type moves its area between the 水田/水浇地/旱地 columns), and 耕地 lost (negative); the rows add up to the 合计 row = ADDED_M2, and the columns split each row by the planned 水田/水浇地/旱地 (a loss by the current one). QUALITY is the area-weighted mean 等别 (GDDB; 1 best, 15 worst).

进出平衡: 出 = 耕地 planned as other 农用地 (incl. 设施农用地), measured before; 进 = other 农用地 planned as 耕地, measured after; balanced when 进 ≥ 出 and the mean 等别 of 进 is not larger than that of 出. 耕地 from 建设用地 or 未利用地 is 新增耕地 but not part of 进出平衡.</source>
      <translation>以地类面积（TBDLMJ，不含田坎）统计整治前后的耕地（0101/0102/0103）：新增耕地 = 整治后耕地 − 整治前耕地。ADDED_RATE 为政策口径的新增耕地率，以原耕地为基数；ADDED_RATE_OF_PROJECT_AREA 以项目区 Σ TBMJ 为基数（均为 %）。

OUTPUT 表按来源拆分新增耕地：建设用地复垦、K 编码可恢复地类、园地/林地/草地、坑塘、未利用地、其他农用地、仍为耕地的土地内部的变化（田坎系数变化；耕地类型变化时，其面积在水田/水浇地/旱地各列之间转移），以及减少的耕地（负值）；各行相加等于合计行 = ADDED_M2，各列按规划的水田/水浇地/旱地拆分每一行（减少的耕地按现状类型）。QUALITY 为按面积加权的平均等别（GDDB；1 等最好，15 等最差）。

进出平衡：出 = 规划为其他农用地（含设施农用地）的耕地，按整治前面积计；进 = 规划为耕地的其他农用地，按整治后面积计；进 ≥ 出且进的平均等别不高于出的平均等别时为平衡。由建设用地或未利用地转来的耕地计入新增耕地，但不参与进出平衡。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="57" />
      <source>ADDED_QUALITY is the area-weighted mean 等别 of 新增耕地 on its own (pieces not 耕地 now and planned as 耕地); ADDED_UNGRADED_M2 the part of it without a planned 等别 (give NEW_CULTIVATED_GRADE or the planned 等别 field). BALANCED is 0 while 进 or 出 has 耕地 without 等别.</source>
      <translation>ADDED_QUALITY 为新增耕地（现状非耕地、规划为耕地）单独的面积加权平均等别；ADDED_UNGRADED_M2 为其中没有规划等别的面积（可给出 NEW_CULTIVATED_GRADE 或规划等别字段）。“进”或“出”中有耕地缺少等别时 BALANCED 为 0。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="66" />
      <source>新增耕地 by source</source>
      <translation>新增耕地来源</translation>
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="77" />
      <source>{area:.2f} m² of 新增耕地 have no 等别; the means and the quality rules leave them out. Give NEW_CULTIVATED_GRADE or the planned 等别 field.</source>
      <translation>{area:.2f} m² 新增耕地没有等别，不计入平均等别和质量类指标。请给出 NEW_CULTIVATED_GRADE 或规划等别字段。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ecologicalland.py" line="20" />
      <source>Ecological land (生态用地)</source>
      <translation>生态用地</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ecologicalland.py" line="25" />
      <source>湿地 (the 三调 first-level class 00: 0303, 0304, 0306, 0402, 0603, 1105, 1106, 1108), 林地 (03), 草地 (04) and 水域及水利设施用地 (11) before and after, class areas (TBDLMJ). Wetland codes count under 湿地 only, as in the 三调 tables.</source>
      <translation>湿地（三调一级类 00：0303、0304、0306、0402、0603、1105、1106、1108）、林地（03）、草地（04）及水域及水利设施用地（11）整治前后的地类面积（TBDLMJ）。与三调统计表一致，湿地编码只计入湿地。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ecologicalland.py" line="34" />
      <source>Ecological land</source>
      <translation>生态用地</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ecologicalland.py" line="36" />
      <source>{name} before (m²)</source>
      <translation>整治前{name}（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ecologicalland.py" line="37" />
      <source>{name} after (m²)</source>
      <translation>整治后{name}（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="107" />
      <source>Gauss-Krüger: central meridian {cm}°, false easting {fe} m</source>
      <translation>高斯-克吕格投影：中央经线 {cm}°，东伪偏移 {fe} m</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="114" />
      <source>The layer already has a field named {name}; choose another name.</source>
      <translation>图层中已有名为 {name} 的字段，请另取一个名称。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="38" />
      <source>Ellipsoidal area, 三调 method (椭球面积)</source>
      <translation>椭球面积（三调方法）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="45" />
      <source>Adds the ellipsoidal area (m², 2 decimals) of each polygon by the official 三调 method (国土调查办发〔2008〕32号, TD/T 1055): every vertex is converted from Gauss-Krüger plane coordinates to geodetic latitude/longitude on the CGCS2000 ellipsoid (inverse Gauss-Krüger), then each edge contributes the ellipsoidal trapezoid between the edge and a reference meridian: the longitude of the edge's midpoint times the zone series over the edge's latitude difference (the published 'meridian' form used by public 三调 tools); rings are summed and holes subtracted. This is how TBMJ is computed in 三调 databases.

How it differs from QGIS's $area: with an ellipsoid set, QGIS measures polygons with geodesic edges (GeographicLib), another reading of an edge between two vertices. On a 1:10 000 map sheet (≈ 20 km², 31.5°N) QGIS gives 0.50 m² more than the sheet's theoretical area, which this method reproduces to 2×10⁻⁵ m² (measured; tests/test_ellipsoid.py). Without an ellipsoid, $area is the planar area on the Gauss-Krüger plane, larger by the projection's scale error (≈ 1×10⁻⁵ relative near the central meridian, up to ≈ 3×10⁻⁴ at the zone edge).

The layer must be in a CGCS2000 Gauss-Krüger CRS (EPSG:4513–4554). Where the CRS and the coordinates disagree about the zone prefix, the easting's magnitude decides. A polygon with an invalid geometry stops the run naming it (or is repaired for the measurement with REPAIR_GEOMETRY; the output keeps the geometry as it was). Optionally compare with an existing area field (e.g. TBMJ): the difference is added as AREA_DIFF (field − computed).</source>
      <translation>按三调官方方法（国土调查办发〔2008〕32号，TD/T 1055）为每个面计算椭球面积（平方米，保留 2 位小数）：先将每个顶点由高斯-克吕格平面坐标反算为 CGCS2000 椭球上的大地经纬度，再按每条边与参考子午线之间的椭球梯形累加：边中点的经度乘以该边纬差的带面积级数（公开三调工具采用的“子午线”形式）；各环求和，扣除内环（洞）。三调数据库中的 TBMJ 即按此计算。

与 QGIS 的 $area 的区别：设置椭球后，QGIS 按大地线边（GeographicLib）量算，这是对两顶点间边的另一种理解。在一幅 1:10 000 图幅（约 20 平方千米，北纬 31.5°）上，QGIS 比图幅理论面积多 0.50 平方米，而本方法与理论面积相差不超过 2×10⁻⁵ 平方米（实测；见 tests/test_ellipsoid.py）。不设椭球时，$area 是高斯-克吕格平面上的平面面积，因投影长度变形而偏大（中央子午线附近约 1×10⁻⁵，带边缘可达约 3×10⁻⁴）。

图层须为 CGCS2000 高斯-克吕格坐标系（EPSG:4513–4554）。坐标系与坐标的带号前缀不一致时，以横坐标的量级为准。几何无效的面会中止运行并给出其名称（勾选 REPAIR_GEOMETRY 时按修复后的几何量算，输出保留原几何）。可选择与已有面积字段（如 TBMJ）比较：差值写入 AREA_DIFF（字段值 − 计算值）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="69" />
      <source>Polygons (CGCS2000 Gauss-Krüger)</source>
      <translation>面图层（CGCS2000 高斯-克吕格）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="72" />
      <source>Polygon layer in EPSG:4513–4554.</source>
      <translation>坐标系为 EPSG:4513–4554 的面图层。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="74" />
      <source>Area field name</source>
      <translation>面积字段名</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="76" />
      <source>Name of the new field holding the area in m².</source>
      <translation>存放面积（m²）的新字段名称。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="80" />
      <source>Compare with area field (e.g. TBMJ)</source>
      <translation>与面积字段比较（如 TBMJ）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="86" />
      <source>When set, AREA_DIFF = this field − the computed area.</source>
      <translation>设置后，AREA_DIFF = 该字段值 − 计算面积。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="90" />
      <source>Polygons with ellipsoidal area</source>
      <translation>含椭球面积的面图层</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="94" />
      <source>Total ellipsoidal area (m²)</source>
      <translation>椭球面积合计（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="96" />
      <source>Largest |field − computed| (m²)</source>
      <translation>|字段值 − 计算值| 最大值（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="104" />
      <source>Parcel area</source>
      <translation>地块面积</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="105" />
      <source>三调 ellipsoidal area</source>
      <translation>三调椭球面积</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="105" />
      <source>Gauss-Krüger plane area</source>
      <translation>高斯平面面积</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="106" />
      <source>0 = the 三调 ellipsoidal area (as TBMJ), 1 = the plane area of the coordinates.</source>
      <translation>0 = 三调椭球面积（与 TBMJ 同），1 = 坐标的平面面积。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="108" />
      <source>Text encoding</source>
      <translation>文字编码</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="109" />
      <source>GBK (GB18030)</source>
      <translation>GBK（GB18030）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="110" />
      <source>0 = GBK, what the systems' Windows tools read; 1 = UTF-8.</source>
      <translation>0 = GBK（系统的 Windows 工具读取的编码）；1 = UTF-8。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="113" />
      <source>Coordinate file (all parcels)</source>
      <translation>坐标文件（全部地块）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="114" />
      <source>Text files (*.txt)</source>
      <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="115" />
      <source>One file with every parcel.</source>
      <translation>所有地块写入一个文件。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="117" />
      <source>Folder for one file per layer</source>
      <translation>每图层一个文件的输出文件夹</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="119" />
      <source>One file per layer, named after it (项目区.txt …).</source>
      <translation>每个图层一个文件，以图层名命名（项目区.txt 等）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="121" />
      <source>Parcels written</source>
      <translation>写出地块数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="128" />
      <source>Give the coordinate file (OUTPUT) or a folder (OUTPUT_FOLDER).</source>
      <translation>请给出坐标文件（OUTPUT）或输出文件夹（OUTPUT_FOLDER）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="134" />
      <source>Give a project GeoPackage (PROJECT) or polygon layers (INPUT).</source>
      <translation>请给出项目文件（PROJECT）或面图层（INPUT）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="160" />
      <source>Left out: {title} (the project has no data for it).</source>
      <translation>未输出：{title}（项目中没有相应数据）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="185" />
      <source>{title}: {n} parcels, {area:.4f} 公顷</source>
      <translation>{title}：{n} 个地块，{area:.4f} 公顷</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="204" />
      <source>{n} parcels written to {path}.</source>
      <translation>已写出 {n} 个地块：{path}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="59" />
      <source>Export coordinate file (坐标文件导出)</source>
      <translation>坐标文件导出</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="62" />
      <source>Writes parcels as the plain-text coordinate file the supervision systems of the Ministry of Natural Resources take (上图入库, 报部): an [属性描述] block (format version 1.01版本, producing unit, date, 2000国家大地坐标系, zone width, 高斯克吕格, 米, zone number, precision 0.0001, no transformation parameters), then [地块坐标] with one header line per parcel – number of points, area in 公顷, parcel number, name, 面, sheet number (empty), use, note, ending with @ – followed by its points J&lt;n&gt;,&lt;ring&gt;,X,Y (X the northing, Y the easting with the zone number in front; rings closed; holes and further parts as further rings, outer rings clockwise from their north-west point).

Parcels come from the project GeoPackage (LAYERS: {layers}) and/or from any polygon layers (INPUT); NAME_FIELD and USE_FIELD name their fields (default: DKMC/XMMC/MC/NAME… and DKYT/YT/XMLX/DLMC…). Areas are the 三调 ellipsoidal areas (or Gauss-Krüger plane areas). OUTPUT writes one file with every parcel; OUTPUT_FOLDER one file per layer. The file is GBK (GB18030) with Windows line ends, or UTF-8.</source>
      <translation>按自然资源部监管系统（上图入库、报部）使用的纯文本坐标文件格式写出地块：[属性描述] 段（格式版本号 1.01版本、数据产生单位、数据产生日期、2000国家大地坐标系、几度分带、高斯克吕格、米、带号、精度 0.0001、转换参数为空），然后是 [地块坐标] 段，每个地块一行属性——界址点数、地块面积（公顷）、地块编号、地块名称、面、图幅号（空）、地块用途、备注，以 @ 结尾——其后为界址点 J&lt;n&gt;,&lt;圈号&gt;,X,Y（X 为纵坐标（北），Y 为带带号的横坐标（东）；各圈闭合；内环和其他部分依次为后续圈号；外圈自西北角起顺时针）。

地块取自项目文件（项目地块：{layers}）和/或任意面图层（INPUT）；NAME_FIELD、USE_FIELD 指定名称和用途字段（默认：DKMC/XMMC/MC/NAME… 与 DKYT/YT/XMLX/DLMC…）。面积为三调椭球面积（或高斯平面面积）。OUTPUT 将所有地块写入一个文件；OUTPUT_FOLDER 每个图层写一个文件。文件为 GBK（GB18030）编码、Windows 换行，或 UTF-8。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="80" />
      <source>A project GeoPackage written by 'Create project'; LAYERS says which of its parcels to write.</source>
      <translation>由“新建项目”生成的项目文件；“项目地块”参数指定写出其中哪些地块。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="83" />
      <source>Project parcels</source>
      <translation>项目地块</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="85" />
      <source>Which of the project's parcels to write (default: the project area).</source>
      <translation>写出项目中的哪些地块（默认：项目区）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="87" />
      <source>Other polygon layers</source>
      <translation>其他面图层</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="89" />
      <source>Any polygon layers to write as well, one parcel per feature.</source>
      <translation>另外写出的任意面图层，每个要素一个地块。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="92" />
      <source>Parcel name field (地块名称)</source>
      <translation>地块名称字段</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="93" />
      <source>Field of the parcel name on the layers; default: the first of DKMC, XMMC, MC, NAME, ZLDWMC, DLMC, BSM present, else the layer name.</source>
      <translation>图层上的地块名称字段；默认取 DKMC、XMMC、MC、NAME、ZLDWMC、DLMC、BSM 中第一个存在的字段，否则用图层名。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="95" />
      <source>Parcel use field (地块用途)</source>
      <translation>地块用途字段</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="96" />
      <source>Field of the parcel use; default: the first of DKYT, YT, XMLX, DLMC, DLBM present.</source>
      <translation>地块用途字段；默认取 DKYT、YT、XMLX、DLMC、DLBM 中第一个存在的字段。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="97" />
      <source>Producing unit (数据产生单位)</source>
      <translation>数据产生单位</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportcoordinates.py" line="98" />
      <source>Written in the [属性描述] block; default: the project's responsible unit.</source>
      <translation>写入 [属性描述] 段；默认为项目的责任单位。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="105" />
      <source>The layers of the layouts would be written over the project file {path}; choose another name for the layouts.</source>
      <translation>版式的图层会覆盖项目文件 {path}；请为版式另取文件名。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="118" />
      <source>Project: {name} ({path})</source>
      <translation>项目：{name}（{path}）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="121" />
      <source>Writing {n} maps to {path}…</source>
      <translation>正在将 {n} 张图写入 {path}…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="135" />
      <source>Print layouts: {names}</source>
      <translation>打印版式：{names}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="138" />
      <source>{n} pages in {seconds:.1f} s.</source>
      <translation>共 {n} 页，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="45" />
      <source>Export maps (图件导出)</source>
      <translation>图件导出</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="48" />
      <source>Draws the scheme's maps from a project GeoPackage into one PDF, one page per map, as far as the project has the data: {pages}. A map whose data is missing (no plan, no permanent basic farmland before and after, no sub-projects, no ecological red line or farmland layer for the conflict map) is left out and named in the log.

Every page has the title (project name and map name), the map at a round scale with a coordinate grid, a north arrow, the legend, the numeric scale and a scale bar, the coordinate system (2000国家大地坐标系 高斯-克吕格投影, zone from the CRS), the producing unit and the date. Land use is drawn in the 三调 colours; thematic maps lay their layer over the land use drawn pale. Derived layers are computed as the other algorithms do: 新增耕地 and 增减挂钩 pieces from the plan, 永久基本农田 调出/调入 as pieces of the two layers (slivers under 1 m² left out), 耕地 blocks by the contiguity rules, conflicts as planned 建设用地 inside the ecological red line or on the permanent basic farmland after adjustment.

OUTPUT_LAYOUTS also writes the print layouts, one per map, into a QGIS project (.qgz) to open and adjust in the layout designer; the derived layers go into a GeoPackage beside it (name_图层.gpkg).</source>
      <translation>根据项目文件绘制方案图件，写入一个 PDF，每张图一页，项目有哪些数据就出哪些图：{pages}。缺少数据的图（无规划、无调整前后的永久基本农田、无子项目、约束冲突图无生态保护红线或永久基本农田图层）不出，并在日志中说明。

每页包括图名（项目名称与图名）、整数比例尺的地图及坐标格网、指北针、图例、数字比例尺与比例尺条、坐标系（2000国家大地坐标系 高斯-克吕格投影，带号取自坐标系）、编制单位和编制日期。地类按三调色彩绘制；专题图叠加在淡化的地类底图上。派生图层的计算与其他算法相同：新增耕地与增减挂钩图斑取自规划，永久基本农田调出/调入为两图层相减的图斑（小于 1 m² 的碎片不计），耕地连片块按集中连片规则，约束冲突为位于生态保护红线内或调整后永久基本农田上的规划建设用地。

OUTPUT_LAYOUTS 另将每张图的打印版式写入一个 QGIS 项目（.qgz），可在版式设计器中打开调整；派生图层写入其旁的 GeoPackage（文件名_图层.gpkg）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="68" />
      <source>A project GeoPackage written by 'Create project'.</source>
      <translation>由“新建项目”生成的项目文件。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="70" />
      <source>Maps</source>
      <translation>图件</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="72" />
      <source>Which maps to draw (default: every map the project has data for).</source>
      <translation>要出的图（默认：项目数据足以出的全部图件）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="74" />
      <source>Paper</source>
      <translation>纸张</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="75" />
      <source>A3 landscape</source>
      <translation>A3 横向</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="75" />
      <source>A4 landscape</source>
      <translation>A4 横向</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="76" />
      <source>0 = A3 landscape (420 × 297 mm), 1 = A4 landscape (297 × 210 mm).</source>
      <translation>0 = A3 横向（420 × 297 mm），1 = A4 横向（297 × 210 mm）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="78" />
      <source>Producing unit (编制单位)</source>
      <translation>编制单位</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="79" />
      <source>Printed on every page; default: the project's responsible unit.</source>
      <translation>印在每一页上；默认为项目的责任单位。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="82" />
      <source>Maps (PDF)</source>
      <translation>图件（PDF）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="82" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="83" />
      <source>The PDF to write, one page per map (replaced if it exists).</source>
      <translation>要写出的 PDF，每张图一页（已存在则替换）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="86" />
      <source>Print layouts (QGIS project)</source>
      <translation>打印版式（QGIS 项目）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="86" />
      <source>QGIS project files (*.qgz)</source>
      <translation>QGIS 项目文件 (*.qgz)</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="88" />
      <source>Optional .qgz with one print layout per map and its layers, to adjust in the layout designer; the derived layers are written beside it (name_图层.gpkg).</source>
      <translation>可选：包含每张图的打印版式及其图层的 .qgz，可在版式设计器中调整；派生图层写在其旁（文件名_图层.gpkg）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="91" />
      <source>Pages written</source>
      <translation>写出页数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportmaps.py" line="92" />
      <source>Maps left out (data missing)</source>
      <translation>未出的图（缺少数据）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="110" />
      <source>Export scheme tables (方案表格导出)</source>
      <translation>方案表格导出</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="115" />
      <source>Writes the scheme (实施方案) tables into one Excel workbook, one sheet a table, with Chinese titles and headers laid out like the official 三调 statistics templates (土地利用现状分类面积汇总表: villages × classes, template column order): {tables}.

Give a project GeoPackage (PROJECT, written by 'Create project'), or the layers themselves; a layer given explicitly replaces the project's. Only the current DLTB is required; a table whose inputs are missing is left out and listed in the log (by table number: {needs}). The 永久基本农田调整表 and the 耕地集中连片统计表 run the farmland adjustment and contiguity algorithms when they are installed.

Numbers are numeric cells with fixed decimals: areas in 公顷 (default 4 decimals, 0.0001 公顷 = 1 m²) and/or 亩 (1 亩 = 10 000/15 m², default 2 decimals); DECIMALS overrides both. Totals and subtotals equal the sum of the rounded parts shown beside them. With both units, the narrow tables show a 公顷 and a 亩 column under each area heading; the status table and the transition matrix get one sheet per unit. Header panes are frozen; the print set-up is landscape, fitted to the page width.

The workbook is written to a temporary file in the target folder and renamed at the end, so a failed run leaves no half-written file. CSV_FOLDER adds one UTF-8 CSV per table (values as shown).</source>
      <translation>将实施方案的各张表格写入同一个 Excel 工作簿，每表一个工作表，中文标题和表头参照三调官方统计表样式排版（土地利用现状分类面积汇总表为村 × 地类，按模板列顺序）：{tables}。

可给出项目 GeoPackage（PROJECT，由“项目设置”生成），或直接给出各图层；单独给出的图层将替代项目文件中的对应图层。只有现状地类图斑是必需的；缺少输入的表格不予输出，并在日志中列出（按表号：{needs}）。已安装永久基本农田调整和集中连片算法时，永久基本农田调整表和耕地集中连片统计表将调用这两个算法。

数值以固定小数位数的数值单元格写入：面积单位为公顷（默认 4 位小数，0.0001 公顷 = 1 m²）和/或亩（1 亩 = 10 000/15 m²，默认 2 位小数）；DECIMALS 可统一覆盖两者。合计与小计等于其旁所列各项取整后数值之和。同时使用两种单位时，窄表在每个面积表头下分设公顷和亩两列；现状表和转移矩阵则每种单位各一个工作表。表头窗格已冻结；打印设置为横向、按页宽缩放。

工作簿先写入目标文件夹中的临时文件，完成后再重命名，因此运行失败不会留下写了一半的文件。CSV_FOLDER 可为每张表另存一个 UTF-8 CSV 文件（数值与表中显示一致）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="136" />
      <source>A project GeoPackage written by 'Create project': its DLTB, boundary, plan, farmland and sub-project layers and its facts (name, years) are used unless given below.</source>
      <translation>由“项目设置”生成的项目 GeoPackage：除非在下方另行给出，将使用其中的地类图斑、项目区边界、规划、永久基本农田和子项目图层以及项目信息（名称、年度）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="142" />
      <source>三调 地类图斑 of the current state; required unless PROJECT is given.</source>
      <translation>现状三调地类图斑；未给出 PROJECT 时必填。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="145" />
      <source>YJJBNTTB before the adjustment; with PBF_AFTER gives table 6.</source>
      <translation>调整前的永久基本农田图斑（YJJBNTTB）；与 PBF_AFTER 一起用于生成表 6。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="149" />
      <source>Sub-project polygons (XMLX type, XMMC name, TZJE investment 万元, ZJLY funding, SSND year, ZRDW unit); gives tables 9 and 10 and the per-sub-project rows of table 8.</source>
      <translation>子项目范围面（XMLX 项目类型、XMMC 项目名称、TZJE 投资额（万元）、ZJLY 资金来源、SSND 实施年度、ZRDW 责任单位）；用于生成表 9、表 10 及表 8 中按子项目列出的行。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="157" />
      <source>Tables</source>
      <translation>表格</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="159" />
      <source>Which tables to write (default: all that the inputs allow).</source>
      <translation>要输出的表格（默认：输入数据所能支持的全部表格）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="163" />
      <source>0 = 公顷, 1 = 亩, 2 = both (side-by-side columns; the two wide tables get a sheet per unit).</source>
      <translation>0 = 公顷，1 = 亩，2 = 两者（并列分栏；两张宽表每种单位各一个工作表）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="167" />
      <source>Decimal places of areas (empty = 4 for 公顷, 2 for 亩)</source>
      <translation>面积小数位数（为空则公顷 4 位、亩 2 位）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="169" />
      <source>Leave empty for the defaults: 4 decimals for 公顷 (1 m²), 2 for 亩.</source>
      <translation>留空则使用默认值：公顷 4 位小数（精确到 1 m²），亩 2 位小数。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="171" />
      <source>Transition matrix classes</source>
      <translation>转移矩阵地类级别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="172" />
      <source>First-level (一级类)</source>
      <translation>一级类</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="172" />
      <source>Second-level (二级类)</source>
      <translation>二级类</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="175" />
      <source>First-level classes fit a page; second-level classes show 水田/水浇地/旱地 apart.</source>
      <translation>一级类可在一页内排下；二级类将水田/水浇地/旱地分别列出。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="177" />
      <source>Project name for the sheet headers</source>
      <translation>表头中的项目名称</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="179" />
      <source>Default: the project GeoPackage's name.</source>
      <translation>默认：项目 GeoPackage 中记录的项目名称。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="182" />
      <source>Default: the project's (set in the wizard).</source>
      <translation>默认取项目设置（在向导中填写）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="184" />
      <source>e.g. 2026-11-29. Default: the project's, else today.</source>
      <translation>如 2026-11-29。默认取项目设置，否则为当天。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="195" />
      <source>Default: the project's years, else the sub-projects' years (SSND).</source>
      <translation>默认：项目的起止年度，否则取子项目的年度（SSND）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="198" />
      <source>Folder for one CSV per table</source>
      <translation>每表一个 CSV 的输出文件夹</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="200" />
      <source>Optional: also write each table as a UTF-8 CSV (values as shown in the workbook).</source>
      <translation>可选：同时将每张表另存为 UTF-8 CSV（数值与工作簿中显示一致）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="203" />
      <source>Scheme workbook</source>
      <translation>实施方案工作簿</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="203" />
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="204" />
      <source>The .xlsx file to write (replaced if it exists).</source>
      <translation>要写入的 .xlsx 文件（如已存在则覆盖）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="205" />
      <source>Sheets written</source>
      <translation>已写入的工作表</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="206" />
      <source>Number of sheets</source>
      <translation>工作表数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="207" />
      <source>Tables left out (inputs missing)</source>
      <translation>未输出的表格（缺少输入）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="208" />
      <source>CSV files</source>
      <translation>CSV 文件</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="236" />
      <source>Give a project GeoPackage (PROJECT) or the current DLTB layer (DLTB). 请给出项目文件或现状地类图斑图层。</source>
      <translation>请给出项目 GeoPackage（PROJECT）或现状地类图斑图层（DLTB）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="267" />
      <source>Computing the tables…</source>
      <translation>正在计算表格…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="272" />
      <source>Left out: {n} {title} — {reason}.</source>
      <translation>未输出：表 {n} {title} — {reason}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="289" />
      <source>{n} CSV files in {folder}</source>
      <translation>已在 {folder} 中写入 {n} 个 CSV 文件</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="407" />
      <source>the algorithm {id} is not installed</source>
      <translation>未安装算法 {id}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="408" />
      <source>Running {id}…</source>
      <translation>正在运行 {id}…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="417" />
      <source>{id} failed: {error}</source>
      <translation>{id} 运行失败：{error}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="445" />
      <source>Running {id} on the current DLTB…</source>
      <translation>正在对现状地类图斑运行 {id}…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="450" />
      <source>Running {id} on the planned DLTB…</source>
      <translation>正在对规划地类图斑运行 {id}…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="454" />
      <source>Running {id} on the planned codes ({field})…</source>
      <translation>正在按规划地类编码（{field}）运行 {id}…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="459" />
      <source>The contiguity algorithm takes no code field; the 整治后 column of table 7 is left empty.</source>
      <translation>集中连片算法不接受地类编码字段；表 7 的整治后列留空。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/exportscheme.py" line="462" />
      <source>No plan: table 7 shows the current state only.</source>
      <translation>无规划方案：表 7 仅反映现状。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="112" />
      <source>The review also judges 调出比例 against MAX_OUT_RATIO (default 5 % of the original permanent basic farmland) and the slope: the area-weighted mean GDPDJB of 调入 must not be larger than that of 调出 (OUT_SLOPE_GRADE, IN_SLOPE_GRADE; the parcels' GDPDJB field holds each piece's mean grade).</source>
      <translation>审查还按 MAX_OUT_RATIO（默认为原永久基本农田的 5%）判断调出比例，并判断坡度：调入的面积加权平均耕地坡度级别（GDPDJB）不得大于调出（OUT_SLOPE_GRADE、IN_SLOPE_GRADE；图斑的 GDPDJB 字段为各图斑的平均坡度级别）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="127" />
      <source>DLTB land-use parcels (for class, 等别, 坡度)</source>
      <translation>地类图斑（用于取地类、等别、坡度）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="130" />
      <source>Current 三调 地类图斑: the class of the ground under each piece, and 等别 / 坡度 where the farmland layer has none.</source>
      <translation>现状三调地类图斑：提供各分块所在位置的现状地类，以及永久基本农田图层中缺少的等别 / 坡度。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="136" />
      <source>Drop pieces smaller than (m²)</source>
      <translation>舍弃面积小于此值的分块（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="139" />
      <source>Pieces under this area are slivers of re-digitised boundaries; they are dropped and counted in the log.</source>
      <translation>小于此面积的分块是边界重新数字化产生的细碎多边形，将被舍弃并在日志中计数。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="143" />
      <source>Area basis</source>
      <translation>面积口径</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="144" />
      <source>Ellipsoidal area of the pieces (三调 method)</source>
      <translation>分块的椭球面积（三调方法）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="145" />
      <source>The layer's area field (YJJBNTTBMJ …), in proportion</source>
      <translation>图层自带面积字段（YJJBNTTBMJ …），按比例分摊</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="149" />
      <source>0 = ellipsoidal area of each piece; 1 = the area field of the feature × the piece's share of the feature's ellipsoidal area (ellipsoidal where empty).</source>
      <translation>0 = 各分块的椭球面积；1 = 要素的面积字段值 × 分块占该要素椭球面积的比例（字段为空时取椭球面积）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="153" />
      <source>Required 新增比例 (%)</source>
      <translation>新增比例要求（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="157" />
      <source>新增永久基本农田 ≥ this share of the adjusted area (Wuxi opinion §四(二), 自然资发〔2019〕194号: 5 %).</source>
      <translation>新增永久基本农田 ≥ 调整面积的此比例（无锡实施意见 §四(二)，自然资发〔2019〕194号：5 %）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="161" />
      <source>Largest allowed 调出比例 (%)</source>
      <translation>调出比例上限（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="165" />
      <source>调出 ≤ this share of the original permanent basic farmland of the project area (全域整治试点实施要点, 2020: 5 %).</source>
      <translation>调出不超过项目区原永久基本农田的此比例（全域整治试点实施要点，2020：5%）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="168" />
      <source>Review table</source>
      <translation>审查汇总表</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="170" />
      <source>调出 parcels</source>
      <translation>调出图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="172" />
      <source>调入 parcels</source>
      <translation>调入图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="179" />
      <source>调出 mean slope grade (GDPDJB)</source>
      <translation>调出平均坡度级别（GDPDJB）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="180" />
      <source>调入 mean slope grade (GDPDJB)</source>
      <translation>调入平均坡度级别（GDPDJB）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="237" />
      <source>No DLTB given: the current class of the pieces is 未覆盖, and 等别 and slope come from the farmland layers only.</source>
      <translation>未提供地类图斑：各分块的现状地类记为“未覆盖”，等别和坡度仅取自永久基本农田图层。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="324" />
      <source>Farmland layer fields: area {area}, 等别 {gddb}, 坡度 {slope}.</source>
      <translation>永久基本农田图层字段：面积 {area}，等别 {gddb}，坡度 {slope}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="335" />
      <source>{side}: {n} sliver(s) under the sliver area dropped, {a:.4f} m² in all.</source>
      <translation>{side}：舍弃 {n} 个小于细碎面积阈值的分块，共 {a:.4f} m²。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="341" />
      <source>{side}: {n} piece(s) under {limit} m² dropped as coordinate noise, {a:.6f} m² in all.</source>
      <translation>{side}：{n} 个小于 {limit} m² 的碎片为坐标误差，已舍弃，合计 {a:.6f} m²。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="84" />
      <source>Permanent farmland adjustment (永久基本农田调整)</source>
      <translation>永久基本农田调整</translation>
    </message>
    <message>
      <location filename="processing/algorithms/farmlandadjustment.py" line="90" />
      <source>Compares the permanent basic farmland (永久基本农田) before and after the adjustment and fills the figures of the provincial review form (全域土地综合整治所涉永久基本农田布局调整事项审查情况汇总表).

调出 = before minus after, 调入 = after minus before, as pieces of the layers' own features (each feature minus the other layer's features it meets; nothing is dissolved). A piece that falls apart counts as one parcel per polygon. Pieces smaller than SLIVER_AREA (default 1 m²) come from re-digitised boundaries: they are dropped and counted in the log.

Per side: area, parcel count, mean parcel area; area-weighted mean 等别 (GDDB of the farmland layer, or where empty of the DLTB 耕地 under the piece; area without a grade is left out of the mean); the current class of the ground from the DLTB (水田, 水浇地, 旱地, 非耕农用地, 建设用地, 未利用地 by the 三调 三大类; 未覆盖 where no DLTB parcel lies); slope from GDPDJB (of the farmland layer, else of the DLTB): grades 1–3 → ≤ 15°, 4 → (15°, 25°], 5 → &gt; 25°; 连片 bins by parcel area ≤ 5, (5, 10], (10, 20], &gt; 20 亩 (left-open, right-closed).

新增比例 ADDED_RATIO = (调入 − 调出) / 调出 × 100 (checked against MIN_ADDED_RATIO, default 5 %); 调出比例 OUT_RATIO = 调出 / 原永久基本农田面积 × 100; 集中连片度 CONTIGUITY_CHANGE = (mean 调入 parcel − mean 调出 parcel) / mean 调出 parcel × 100.

Areas: the 三调 ellipsoidal area of each piece (default), or the layer's own area field (YJJBNTTBMJ, YJJBNTMJ … detected) split in proportion to the ellipsoidal area. Layers in another CRS are reprojected to the DLTB's (or the before layer's) CRS.</source>
      <translation>比较调整前后的永久基本农田，计算省级审查表（全域土地综合整治所涉永久基本农田布局调整事项审查情况汇总表）中的各项数据。

调出 = 调整前减去调整后，调入 = 调整后减去调整前，均以图层自身要素的分块表示（各要素减去与之相交的另一图层要素；不做融合）。一个分块分裂为多个部分时，每个多边形计为一个图斑。小于 SLIVER_AREA（默认 1 m²）的分块来自边界重新数字化：将被舍弃并在日志中计数。

调出、调入分别统计：面积、图斑数、平均图斑面积；按面积加权的平均等别（取永久基本农田图层的 GDDB，为空时取分块下方地类图斑中耕地的等别；无等别的面积不参与平均）；依据地类图斑确定的现状地类（按三调三大类分为水田、水浇地、旱地、非耕农用地、建设用地、未利用地；无地类图斑覆盖处为未覆盖）；坡度取 GDPDJB（取自永久基本农田图层，否则取自地类图斑）：1–3 级 → ≤ 15°，4 级 → (15°, 25°]，5 级 → &gt; 25°；连片程度按图斑面积分档：≤ 5、(5, 10]、(10, 20]、&gt; 20 亩（左开右闭）。

新增比例 ADDED_RATIO = (调入 − 调出) / 调出 × 100（与 MIN_ADDED_RATIO 比较，默认 5 %）；调出比例 OUT_RATIO = 调出 / 原永久基本农田面积 × 100；集中连片度 CONTIGUITY_CHANGE = (调入平均图斑面积 − 调出平均图斑面积) / 调出平均图斑面积 × 100。

面积：默认取各分块的三调椭球面积，也可取图层自带的面积字段（自动识别 YJJBNTTBMJ、YJJBNTMJ …），按椭球面积比例分摊。其他坐标系的图层将重投影到地类图斑（或调整前图层）的坐标系。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="107" />
      <source>No ZLDWDM field: the table is not grouped by village.</source>
      <translation>无 ZLDWDM 字段：表格不按村分组。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="143" />
      <source>Parcels: {n}; total area Σ TBMJ = {m2:.2f} m² = {ha:.4f} ha = {mu:.2f} 亩</source>
      <translation>图斑数：{n}；总面积 Σ TBMJ = {m2:.2f} m² = {ha:.4f} 公顷 = {mu:.2f} 亩</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="45" />
      <source>Land-use status (土地利用现状统计)</source>
      <translation>土地利用现状统计</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="50" />
      <source>Area of each 三调 land-use class by village (ZLDWDM) or any grouping field, in m², 公顷 (ha) and 亩 (1 亩 = 10 000/15 m²).

Basis (三调 rules): the class area of a parcel is TBDLMJ; its 田坎 (KCMJ, KCDLBM = 1203) is reported as its own class 1203 田坎; the total is Σ TBMJ, so the rows of a village add up to its TBMJ. Suffixed codes (0201K, 1104A …) count as their base code. Codes not in the 三调 table keep rows of their own (DLMC 未知地类) and are listed in the log; they are never dropped.

Where TBMJ is missing the area is computed from the geometry by the 三调 ellipsoidal method. With a project area, parcels cut by the boundary keep TBMJ, KCMJ and TBDLMJ in proportion to the ellipsoidal area inside.

AREA_M2 is rounded to 0.01 m² so that each village's rows add up exactly to its rounded total; AREA_HA = AREA_M2 / 10 000 and AREA_MU = AREA_M2 × 15 / 10 000.</source>
      <translation>按村（ZLDWDM）或任意分组字段统计各三调地类的面积，单位为 m²、公顷和亩（1 亩 = 10 000/15 m²）。

统计依据（三调规则）：图斑的地类面积为 TBDLMJ；其田坎（KCMJ，KCDLBM = 1203）单独计入 1203 田坎；合计为 Σ TBMJ，因此每个村各行之和等于其 TBMJ。带后缀的编码（0201K、1104A …）计入其基本编码。不在三调地类表中的编码单独成行（DLMC 为“未知地类”）并在日志中列出，绝不丢弃。

缺少 TBMJ 时，按三调椭球面积方法由几何图形计算面积。给出项目区时，被边界切割的图斑按边界内椭球面积所占比例分摊 TBMJ、KCMJ 和 TBDLMJ。

AREA_M2 取整到 0.01 m²，使每个村各行之和恰好等于其取整后的合计；AREA_HA = AREA_M2 / 10 000，AREA_MU = AREA_M2 × 15 / 10 000。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="70" />
      <source>Group by field (default ZLDWDM, village; empty = no grouping)</source>
      <translation>分组字段（默认 ZLDWDM，即按村；为空则不分组）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="71" />
      <source>Field to group rows by; ZLDWDM gives one block of rows per village.</source>
      <translation>用于分组的字段；取 ZLDWDM 时每个村一组行。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="76" />
      <source>Codes not in the 三调 table</source>
      <translation>不在三调地类表中的编码</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="77" />
      <source>Report them as their own rows</source>
      <translation>单独成行列出</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="81" />
      <source>0 = stop and list each unknown code with its parcel count, area and BSMs; 1 = keep them as rows of their own (DLMC 未知地类) so that totals still add up.</source>
      <translation>0 = 停止运行，并列出每个未知编码及其图斑数、面积和 BSM；1 = 将其单独成行（DLMC 为“未知地类”），使合计仍能闭合。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="89" />
      <source>Land-use status table</source>
      <translation>土地利用现状表</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="92" />
      <source>Total area Σ TBMJ (m²)</source>
      <translation>总面积 Σ TBMJ（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="93" />
      <source>Parcels counted</source>
      <translation>统计图斑数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="95" />
      <source>Parcels with a code not in the 三调 table</source>
      <translation>编码不在三调地类表中的图斑数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="106" />
      <source>From the current DLTB alone: where new 耕地 can come from, how much (an ESTIMATE), and which villages are richest in it – the survey before a project area is chosen.

Candidate types (POTENTIAL_TYPE, with the RULE that selected each parcel):
• restorable 耕地恢复: K-coded plots (0201K, 0301K, 1104K …); optionally 园地/残次林地 (GARDEN_FOREST_CODES, default 0201–0204, 0307) on slope grade ≤ {gslope};
• development 耕地后备资源: DEVELOPMENT_CODES (default 0404 其他草地, 1204 盐碱地, 1205 沙地, 1206 裸土地);
• reclamation 农村建设用地复垦: rural construction land (CZCSXM 203/203A; where CZCSXM is empty 0702, 0601, 1201) in a small isolated cluster: parcels within {dist:g} m of each other form a cluster, and a cluster of at most {area:g} m² (Σ TBMJ) is isolated. Parcels of larger clusters (village cores) are only listed in the reserve inventory unless RECLAIM_VILLAGE_CORES is set;
• mine 工矿废弃地: 采矿用地 0602 (or CZCSXM 204) outside towns;
• tiankan 田坎归并: 耕地 whose 田坎 coefficient exceeds the target {kcxs:g};
• high_standard 高标准农田: 耕地 not yet high-standard (HIGH_STANDARD layer or field) in contiguous blocks of ≥ {block:g} 亩 (roads, ditches, 田坎 ≤ {gap:g} m wide do not break a block); only when a high-standard layer or field is given.

Exclusions (OUTPUT_EXCLUDED lists them with the reason): inside the 生态保护红线 (every type); slope grade (GDPDJB) above {slope} where known (every type); reclamation and mines inside the 城镇开发边界. A parcel is inside a layer when ≥ {share:g} % of its area is. Candidates inside the permanent basic farmland (PBF) are flagged IN_PBF (K-plots there are the first to restore).

EST_ADDED_M2 is an estimate of 新增耕地 on the TBDLMJ basis: a parcel becoming 耕地 carries the target 田坎 coefficient, so EST = TBMJ − round(TBMJ × {kcxs:g}, 2); for 田坎归并 EST = KCMJ − round(TBMJ × {kcxs:g}, 2); high_standard rows carry 0 (their gain is the parcel's tiankan row). Each estimate is rounded to 0.01 m².

OUTPUT_VILLAGES: per village (ZLDWDM) the total area Σ TBMJ, 耕地 (Σ TBDLMJ), candidate area and estimate per type, EST_ADDED_M2 (= the sum of the village's candidates), EST_RATE (% of the village's 耕地) and RANK within the township by rate (or by area, RANK_BY); CUM_RATE is the rate of the villages ranked so far taken together – read down until it passes 5 %.

OUTPUT_RESERVE (建设用地腾退储备库): every rural construction parcel with village, BSM, class (零散/成片村庄/采矿用地), area, in/out of the 城镇开发边界 and the red line, cluster id, cluster area and parcel count, and whether it is a candidate.</source>
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
      <location filename="processing/algorithms/potential.py" line="148" />
      <source>三调 地类图斑 of the current state (a township or a county), projected CGCS2000 Gauss-Krüger (e.g. EPSG:4528).</source>
      <translation>现状三调地类图斑（乡镇或县域），CGCS2000 高斯-克吕格投影坐标系（如 EPSG:4528）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="153" />
      <source>Rural construction land and mines inside it are not reclamation candidates.</source>
      <translation>其范围内的农村建设用地和采矿用地不作为复垦候选。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="155" />
      <source>Parcels inside it are never candidates.</source>
      <translation>其范围内的图斑一律不作为候选。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="156" />
      <source>Permanent basic farmland (永久基本农田)</source>
      <translation>永久基本农田</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="157" />
      <source>Candidates inside it are flagged IN_PBF = 1.</source>
      <translation>其范围内的候选图斑标记 IN_PBF = 1。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="162" />
      <source>Target 田坎 coefficient after consolidation</source>
      <translation>整治后目标田坎系数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="163" />
      <source>New 耕地 carries it (its estimate is net of it); 耕地 above it gives back the difference (田坎归并). Local practice; default {v:g}.</source>
      <translation>新增耕地按此系数计田坎（估算值已扣除）；田坎系数高于此值的耕地可归并出差额部分（田坎归并）。按当地做法确定；默认 {v:g}。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="166" />
      <source>Highest slope grade (GDPDJB) of a candidate</source>
      <translation>候选图斑的最高坡度级别（GDPDJB）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="167" />
      <source>1 ≤2°, 2 ≤6°, 3 ≤15°, 4 ≤25°, 5 &gt;25°. Parcels on a higher grade are excluded; parcels without a grade are not.</source>
      <translation>1 级 ≤2°，2 级 ≤6°，3 级 ≤15°，4 级 ≤25°，5 级 &gt;25°。坡度级别更高的图斑将被排除；无坡度级别的图斑不排除。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="170" />
      <source>耕地后备资源 codes</source>
      <translation>耕地后备资源地类编码</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="171" />
      <source>Comma-separated 三调 codes developable into 耕地 (default 其他草地, 盐碱地, 沙地, 裸土地; add 1104 to count 坑塘水面).</source>
      <translation>可开发为耕地的三调地类编码，以逗号分隔（默认其他草地、盐碱地、沙地、裸土地；加入 1104 可计入坑塘水面）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="175" />
      <source>Count 园地/残次林地 as restorable</source>
      <translation>将园地/残次林地计为可恢复</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="176" />
      <source>Also list 园地 and 残次林地 (GARDEN_FOREST_CODES) on good slope grades as 耕地恢复 candidates.</source>
      <translation>同时将坡度级别较低的园地和残次林地（GARDEN_FOREST_CODES）列为耕地恢复候选。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="180" />
      <source>园地/残次林地 codes</source>
      <translation>园地/残次林地地类编码</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="181" />
      <source>Codes counted with the option above (0307 其他林地 stands for 残次林地).</source>
      <translation>启用上一选项时计入的地类编码（以 0307 其他林地代表残次林地）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="183" />
      <source>Highest slope grade of 园地/残次林地 candidates</source>
      <translation>园地/残次林地候选的最高坡度级别</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="184" />
      <source>Default 2 (≤ 6°).</source>
      <translation>默认 2 级（≤ 6°）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="186" />
      <source>Cluster distance for rural construction land (m)</source>
      <translation>农村建设用地聚落距离（m）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="187" />
      <source>Rural construction parcels at most this far apart belong to one cluster (settlement).</source>
      <translation>相距不超过此距离的农村建设用地图斑属于同一聚落。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="189" />
      <source>Largest small isolated cluster (m²)</source>
      <translation>小型零散聚落面积上限（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="190" />
      <source>A cluster of at most this area (Σ TBMJ) is a small isolated cluster, the classic 腾退 candidate; default 10 000 m² (15 亩).</source>
      <translation>面积（Σ TBMJ）不超过此值的聚落为小型零散聚落，即典型的腾退候选；默认 10 000 m²（15 亩）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="193" />
      <source>Count village cores (larger clusters) as reclamation candidates</source>
      <translation>将成片村庄（较大聚落）计为复垦候选</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="195" />
      <source>Off: parcels of larger clusters are only listed in the reserve inventory.</source>
      <translation>不勾选时，较大聚落的图斑只列入储备库。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="198" />
      <source>Count 采矿用地 in the estimate</source>
      <translation>采矿用地计入估算</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="199" />
      <source>Off: mines stay candidates with EST_ADDED_M2 = 0 (e.g. when they are to be restored to forest).</source>
      <translation>不勾选时，采矿用地仍为候选，但 EST_ADDED_M2 = 0（如计划恢复为林地时）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="202" />
      <source>Share of a parcel that puts it inside a layer (%)</source>
      <translation>判定图斑位于图层内的面积占比（%）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="203" />
      <source>A parcel is inside the red line, the development boundary, the PBF or the high-standard layer when at least this share of its area is.</source>
      <translation>图斑面积至少有此比例位于生态保护红线、城镇开发边界、永久基本农田或高标准农田图层内时，即视为位于其中。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="207" />
      <source>Built high-standard farmland (已建高标准农田)</source>
      <translation>已建高标准农田</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="209" />
      <source>With this layer (or the field below) 耕地 outside it in large blocks is listed as 高标准农田 candidates.</source>
      <translation>给出此图层（或下方字段）时，其范围以外集中连片的大块耕地将列为高标准农田候选。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="213" />
      <source>…or high-standard field on the DLTB</source>
      <translation>…或地类图斑上的高标准农田字段</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="215" />
      <source>A parcel is high-standard when the field is 1, Y, YES, T, TRUE, 是 or 已建.</source>
      <translation>字段值为 1、Y、YES、T、TRUE、是或已建时，图斑视为已建高标准农田。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="217" />
      <source>Smallest block of 高标准农田 candidates (亩)</source>
      <translation>高标准农田候选的最小连片面积（亩）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="219" />
      <source>Blocks of not yet high-standard 耕地 (Σ TBDLMJ) below this are not listed; default 100 亩 (百亩方).</source>
      <translation>未建高标准农田的耕地连片面积（Σ TBDLMJ）小于此值时不列出；默认 100 亩（百亩方）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="222" />
      <source>Widest road/ditch inside a block (m)</source>
      <translation>连片地块内道路/沟渠的最大宽度（m）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="223" />
      <source>As in the contiguity analysis: 1006/1107/1203 parcels at most this wide do not break a block.</source>
      <translation>与集中连片分析相同：宽度不超过此值的 1006/1107/1203 图斑不隔断连片。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="226" />
      <source>Rank villages by</source>
      <translation>村排序依据</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="227" />
      <source>Estimated 新增耕地 rate (% of the village's 耕地)</source>
      <translation>预计新增耕地率（占该村耕地的 %）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="228" />
      <source>Estimated 新增耕地 area</source>
      <translation>预计新增耕地面积</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="229" />
      <source>The rate is what the ≥ 5 % rule measures; the area favours large villages.</source>
      <translation>比率即 ≥ 5 % 规则所考核的指标；按面积排序则对大村有利。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="233" />
      <source>Field holding the 三调 code.</source>
      <translation>存放三调地类编码的字段。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="234" />
      <source>Slope grade field (default: detected GDPDJB)</source>
      <translation>坡度级别字段（默认：自动识别的 GDPDJB）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="235" />
      <source>Field holding the slope grade 1–5.</source>
      <translation>存放坡度级别（1–5）的字段。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="241" />
      <source>Potential candidates (潜力图斑)</source>
      <translation>潜力图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="242" />
      <source>One feature per candidate parcel and type: POTENTIAL_TYPE, RULE, EST_ADDED_M2 (estimate), BSM, DLBM, ZLDWDM, AREA_M2 (TBMJ), flags, cluster and block.</source>
      <translation>每个候选图斑的每种类型一个要素：POTENTIAL_TYPE、RULE、EST_ADDED_M2（估算值）、BSM、DLBM、ZLDWDM、AREA_M2（TBMJ）、标记、聚落和连片地块。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="244" />
      <source>Village ranking (村潜力排序)</source>
      <translation>村潜力排序</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="245" />
      <source>One row per village (ZLDWDM): areas, potential per type, estimate, rate, rank, cumulative rate.</source>
      <translation>每个村（ZLDWDM）一行：面积、各类型潜力、估算值、比率、排名、累计比率。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="247" />
      <source>Construction land reserve inventory (建设用地腾退储备库)</source>
      <translation>建设用地腾退储备库</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="249" />
      <source>Every rural construction parcel: village, BSM, class, area, in/out of the development boundary, cluster id and size, candidate or not.</source>
      <translation>所有农村建设用地图斑：村、BSM、类别、面积、是否位于城镇开发边界内、聚落编号和规模、是否为候选。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="256" />
      <source>Excluded parcels (排除图斑)</source>
      <translation>排除图斑</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="258" />
      <source>Parcels a rule selected but an exclusion removed, with REASON (red_line, slope, dev_boundary, village_core).</source>
      <translation>被规则选中但因排除条件剔除的图斑，附 REASON（red_line、slope、dev_boundary、village_core）。</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="261" />
      <source>Estimated 新增耕地 (m², estimate)</source>
      <translation>预计新增耕地（m²，估算值）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="262" />
      <source>Estimate as % of 耕地</source>
      <translation>估算值占耕地的 %</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="263" />
      <source>耕地 (m², TBDLMJ)</source>
      <translation>耕地（m²，TBDLMJ）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="264" />
      <source>Candidate rows</source>
      <translation>候选记录数</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="265" />
      <source>Rural construction land in the reserve (m²)</source>
      <translation>储备库中的农村建设用地（m²）</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="267" />
      <source>Estimate: {t}</source>
      <translation>估算：{t}</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="268" />
      <source>Villages by rank</source>
      <translation>村排名</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="323" />
      <source>Reading the DLTB and the constraint layers…</source>
      <translation>正在读取地类图斑和约束图层…</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="390" />
      <source>Estimated 新增耕地 (an estimate, TBDLMJ basis, net of the target 田坎 coefficient): {m2:.2f} m² = {ha:.4f} ha = {rate:.2f} % of 耕地</source>
      <translation>预计新增耕地（估算值，TBDLMJ 口径，已扣除目标田坎系数）：{m2:.2f} m² = {ha:.4f} 公顷，占耕地的 {rate:.2f} %</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="395" />
      <source>Villages, best first:</source>
      <translation>各村（潜力由高到低）：</translation>
    </message>
    <message>
      <location filename="processing/algorithms/potential.py" line="99" />
      <source>Potential survey (潜力调查)</source>
      <translation>潜力调查</translation>
    </message>
    <message>
      <location filename="processing/algorithms/transitionmatrix.py" line="20" />
      <source>Transition matrix (土地利用转移矩阵)</source>
      <translation>土地利用转移矩阵</translation>
    </message>
    <message>
      <location filename="processing/algorithms/transitionmatrix.py" line="25" />
      <source>Area moving from each current class to each planned class, one row per (FROM_DLBM, TO_DLBM) pair with an area; unchanged land is on the diagonal (FROM = TO).

Basis: the gross area of each overlay piece, i.e. its share of the current parcel's TBMJ (田坎 included in the parcel's class), so the rows of a FROM class add up to the current Σ TBMJ of that class and the columns to the planned structure measured on the same TBMJ. Suffixed codes count as their base code.

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
  </context>
  <context>
    <name>LayersPage</name>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Plan and other layers (规划与其他图层)</source>
      <translation>规划与其他图层</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>All optional. The plan can be a planned DLTB layer or a planned-code field on the current DLTB.</source>
      <translation>均为可选项。规划方案可以是规划地类图斑图层，也可以是现状地类图斑上的规划地类编码字段。</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Planned land use after consolidation (规划地类)</source>
      <translation>规划地类</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Not yet</source>
      <translation>暂无</translation>
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
      <source>Permanent basic farmland before (永久基本农田，整治前)</source>
      <translation>永久基本农田（整治前）</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Permanent basic farmland after (永久基本农田，整治后)</source>
      <translation>永久基本农田（整治后）</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Sub-projects (子项目)</source>
      <translation>子项目</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Ecological red line (生态保护红线)</source>
      <translation>生态保护红线</translation>
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Urban development boundary (城镇开发边界)</source>
      <translation>城镇开发边界</translation>
    </message>
  </context>
  <context>
    <name>SummaryPage</name>
    <message>
      <location filename="dialogs/summary_page.ui" line="0" />
      <source>Summary (汇总)</source>
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
