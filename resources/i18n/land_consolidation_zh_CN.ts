<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AreaPage</name>
    <message>
      <location filename="dialogs/area_page.ui" line="0" />
      <source>Project area (项目区)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.ui" line="0" />
      <source>Use an existing boundary, or pick the villages whose parcels make up the project area.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.ui" line="0" />
      <source>An existing polygon layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.ui" line="0" />
      <source>Selected features only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.ui" line="0" />
      <source>Villages (坐落单位) from the DLTB</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DltbPage</name>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Land-use parcels (地类图斑)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Choose the 三调 DLTB layer of the township and check how its fields were recognised.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>DLTB layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Coordinate system</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Field mapping (detected automatically; change a field if your data names it differently)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Meaning</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/dltb_page.ui" line="0" />
      <source>Field</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Export scheme tables (实施方案表格导出)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Project file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Area unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Decimals</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Workbook (.xlsx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Also CSV per table in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Tables</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.ui" line="0" />
      <source>Open the workbook when it is written</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>FactsPage</name>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Project facts (项目信息)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Name the project and set its implementation period (at most 3 years, both ends counted).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Project name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Project code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Township</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>First year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Last year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/facts_page.ui" line="0" />
      <source>Responsible unit</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LandConsolidation</name>
    <message>
      <location filename="dialogs/area_page.py" line="158" />
      <source>{n} villages, {area:.4f} ha, of which 耕地 {cult:.4f} ha</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="165" />
      <source>The villages belong to {n} townships ({codes}); the policy's unit is one township (乡镇).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="182" />
      <source>Choose the project area layer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="185" />
      <source>No feature of {layer} is selected.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="188" />
      <source>The project area layer {layer} is empty.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="192" />
      <source>Tick at least one village.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="42" />
      <source>Code (ZLDWDM)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="42" />
      <source>Village</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="42" />
      <source>Parcels</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="42" />
      <source>Area (ha)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="42" />
      <source>耕地 (ha)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="43" />
      <source>Est. 新增耕地 (ha)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/area_page.py" line="43" />
      <source>Est. rate (%)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/dltb_page.py" line="93" />
      <source>Choose the DLTB layer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/dltb_page.py" line="96" />
      <source>Map the land-use code field (DLBM).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="102" />
      <source>Tick at least one table.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="105" />
      <source>Choose the workbook file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="117" />
      <source>Exporting…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="126" />
      <source>The export failed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="131" />
      <source>Written: {path}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="37" />
      <source>Excel workbook (*.xlsx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="41" />
      <source>公顷 (ha)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="41" />
      <source>亩 (mu)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="41" />
      <source>公顷 and 亩</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="43" />
      <source>Export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="68" />
      <source>The export algorithm is not available.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/export_dialog.py" line="99" />
      <source>Choose the project GeoPackage (made with the set-up wizard).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/facts_page.py" line="62" />
      <source>Give the project a name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/layers_page.py" line="81" />
      <source>Give the permanent basic farmland both before and after, or neither.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/layers_page.py" line="84" />
      <source>Choose the planned DLTB layer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/layers_page.py" line="87" />
      <source>Choose the planned-code field.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/layers_page.py" line="91" />
      <source>The planned layer must not be the current DLTB itself.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="122" />
      <source> (selected features)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="132" />
      <source>field {field}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="133" />
      <source>not given</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="135" />
      <source>Project name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="136" />
      <source>Project code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="137" />
      <source>Township</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="138" />
      <source>Period</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="139" />
      <source>Responsible unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="140" />
      <source>DLTB layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="141" />
      <source>Field mapping</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="143" />
      <source>Project area</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="144" />
      <source>Planned land use</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="146" />
      <source>Permanent basic farmland before</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="146" />
      <source>Permanent basic farmland after</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="147" />
      <source>Sub-projects</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="147" />
      <source>Ecological red line</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="148" />
      <source>Urban development boundary</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="153" />
      <source>The project file holds the boundary, copies of the layers (parcels meeting the boundary) and these settings; re-open it with “Open project…” to change them.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="175" />
      <source>Writing the project…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="187" />
      <source>The project could not be written.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="40" />
      <source>Land consolidation project set-up (项目设置)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/project_wizard.py" line="82" />
      <source>Potential figures not shown: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="100" />
      <source>Project GeoPackage (*.gpkg)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="15" />
      <source>Land-use status…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="16" />
      <source>Transition matrix…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="17" />
      <source>Cultivated land: added, balance, quality…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="18" />
      <source>Construction land and 增减挂钩…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="19" />
      <source>Ecological land…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="20" />
      <source>Permanent basic farmland adjustment…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="21" />
      <source>Contiguity and fragmentation…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="22" />
      <source>Potential survey…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="23" />
      <source>Compliance check…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="24" />
      <source>Ellipsoidal area (三调 method)…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="51" />
      <source>Land consolidation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="56" />
      <source>New project…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="57" />
      <source>Open project…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="58" />
      <source>Export scheme tables…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin.py" line="99" />
      <source>Open project</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="100" />
      <source>三调 地类图斑 of the current state, projected CGCS2000 Gauss-Krüger (e.g. EPSG:4528).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="104" />
      <source>Planned DLTB after consolidation (规划地类图斑)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="109" />
      <source>The planned state as a layer with its own DLBM/TBMJ/KCMJ/TBDLMJ/GDDB; boundaries need not match the current layer (the two are overlaid). Give this or the planned-code field.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="114" />
      <source>…or planned-code field on the current DLTB (规划地类编码)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="119" />
      <source>Field of the current DLTB holding the planned DLBM; empty values mean unchanged.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="123" />
      <source>Planned 田坎 coefficient field (with the planned-code field)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="124" />
      <source>Planned KCXS per parcel; default: a parcel staying 耕地 keeps its KCXS, new 耕地 has none.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="125" />
      <source>Planned 耕地等别 field (with the planned-code field)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="126" />
      <source>Planned GDDB per parcel; default: the parcel's current GDDB.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="134" />
      <source>Parts of the current DLTB the planned layer does not cover</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="135" />
      <source>Stop with an error listing them</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="135" />
      <source>Keep them unchanged (reported)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="139" />
      <source>0 = error naming the parcels; 1 = treat them as unchanged and report the area.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="162" />
      <source>Reading the current DLTB…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="170" />
      <source>Overlaying the planned DLTB…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="62" />
      <source>Project area (项目区) — restrict to this boundary</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="68" />
      <source>Optional boundary. Parcels cut by it are split; their TBMJ, KCMJ and TBDLMJ are kept in proportion to the ellipsoidal area inside.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/base.py" line="96" />
      <source>Current DLTB (现状地类图斑)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="105" />
      <source>Policy default: {value}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="107" />
      <source>Compliance table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="110" />
      <source>Parcels behind failures</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="113" />
      <source>Rules failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="114" />
      <source>Rules passed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="115" />
      <source>Rules not checked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="165" />
      <source>The farmland adjustment algorithm is not available; rule not checked.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="38" />
      <source>Minimum 新增耕地 rate (% of original 耕地)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="39" />
      <source>Minimum 新增永久基本农田 (% of the adjusted area)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="40" />
      <source>Largest allowed rise of the mean 耕地等别 (等)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="41" />
      <source>Largest allowed 建设用地 increase (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="43" />
      <source>Longest implementation period (years)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="44" />
      <source>Most townships (乡镇) in one project</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="61" />
      <source>Compliance check (指标核验)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="64" />
      <source>Scheme</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="70" />
      <source>Checks the plan against the policy rules, one row each: 新增耕地 ≥ 5 % of the original 耕地; 新增永久基本农田 ≥ 5 % of the adjusted area (needs the permanent basic farmland layers before and after); mean 耕地等别 not worse; 耕地进出平衡 in area and quality; 建设用地 not increased; 建新 ≤ 拆旧复垦; implementation period ≤ 3 years (from START_YEAR/END_YEAR, else the sub-projects' years); one township (the first 9 digits of ZLDWDM).

Every threshold is a parameter with the policy default; the table's THRESHOLD column shows the value used. PASSED is 1/0, or empty when a rule could not be checked (its NOTE says why). OUTPUT_PARCELS holds the parcels behind each failure: 耕地 lost (新增耕地), 耕地 planned worse than the original mean 等别 (quality), 耕地出 (balance), 建新 (construction land, 增减挂钩), parcels of other townships, permanent basic farmland 调出.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="85" />
      <source>Permanent basic farmland before (永久基本农田，整治前)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="86" />
      <source>Permanent basic farmland after (永久基本农田，整治后)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="87" />
      <source>Sub-projects (子项目)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="91" />
      <source>YJJBNTTB layer before the adjustment.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="92" />
      <source>YJJBNTTB layer after the adjustment.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="93" />
      <source>Sub-projects; their year field (SSND) gives the period when START_YEAR/END_YEAR are not given.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="95" />
      <source>First year of implementation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="96" />
      <source>Last year of implementation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/compliance.py" line="99" />
      <source>Calendar year; the period counts both ends (2026–2028 is 3 years).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="18" />
      <source>建设用地 before (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="19" />
      <source>建设用地 after (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="20" />
      <source>Rural construction land before (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="21" />
      <source>Rural construction land after (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="22" />
      <source>拆旧复垦: 建设用地 planned as non-construction (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="23" />
      <source>…of which to 耕地 (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="24" />
      <source>…of which to other 农用地 (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="25" />
      <source>建新: non-construction planned as 建设用地 (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="26" />
      <source>节余 = 拆旧复垦 − 建新 (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="39" />
      <source>Construction land and 增减挂钩 (建设用地与拆旧建新)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="42" />
      <source>Status and indicators</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="48" />
      <source>建设用地 is the 三调 三大类 建设用地 (class areas, TBDLMJ). Rural construction land = 建设用地 with CZCSXM 203/203A (村庄), any 0702, and 0601/0602 outside 城市/建制镇 (CZCSXM not 201/202).

增减挂钩 from the transitions (gross piece areas): 拆旧复垦 (RECLAIMED_M2) = 建设用地 planned as non-construction land, split into 耕地 / other 农用地; 建新 (NEW_BUILD_M2) = non-construction land planned as 建设用地; 节余 = 拆旧复垦 − 建新. The rule is 建新 ≤ 拆旧复垦 and 建设用地 not increased.

With a sub-project layer, OUTPUT has one row per sub-project (the part of each change inside it) and a 合计 row; without it, only the 合计 row.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="66" />
      <source>Polygons of the sub-projects (fields XMMC name, XMLX type are used when present).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/constructionland.py" line="68" />
      <source>增减挂钩 ledger</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="101" />
      <source>Calendar year; both ends count.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="103" />
      <source>Longest period (years)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="106" />
      <source>Policy default: 3 years (无锡实施意见 §三(三)).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="113" />
      <source>Ecological red line (生态保护红线)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="114" />
      <source>Urban development boundary (城镇开发边界)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="119" />
      <source>Optional; copied into the project where it meets the boundary.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="121" />
      <source>…or planned-code field on the DLTB (规划地类编码)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="123" />
      <source>Field holding the planned DLBM, instead of a layer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="124" />
      <source>Field mapping (JSON role → field)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="127" />
      <source>e.g. {"code": "DLBM2", "tbmj": "MJ"}; roles not given are detected.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="130" />
      <source>Project GeoPackage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="130" />
      <source>GeoPackage (*.gpkg)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="131" />
      <source>Townships in the project area</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="132" />
      <source>DLTB parcels copied</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="133" />
      <source>Township codes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="177" />
      <source>The project area spans {n} townships ({codes}); the policy's unit is one 乡镇.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="207" />
      <source>Writing {path}…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="58" />
      <source>Create project (项目设置)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="67" />
      <source>Writes one self-contained project GeoPackage: the project boundary (XMQ), copies of the DLTB parcels that intersect it (whole parcels, attributes unchanged) and of the optional layers (planned DLTB, permanent basic farmland before/after, sub-projects, ecological red line, urban development boundary), and a settings table (lc_settings) with the project facts, the field mapping and the planned-code field. The project wizard runs this algorithm; exportscheme and the wizard read the file back.

The boundary is the PROJECT_AREA layer (its features dissolved; use 'selected features only' for a part) or the villages listed in VILLAGES (ZLDWDM codes, comma separated), whose DLTB parcels are dissolved. A project spanning more than one township (first 9 digits of ZLDWDM) is reported as a warning: the policy's unit is one 乡镇. The period counts both ends (2026–2028 = 3 years) and may not exceed MAX_YEARS.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="83" />
      <source>三调 地类图斑, projected CGCS2000 Gauss-Krüger.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="85" />
      <source>Project area polygons (项目区)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="86" />
      <source>Boundary polygons; or give VILLAGES instead.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="88" />
      <source>…or villages (ZLDWDM codes, comma separated)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="89" />
      <source>Their DLTB parcels are dissolved into the boundary.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="91" />
      <source>Project name (项目名称)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="91" />
      <source>e.g. 某某镇全域土地综合整治项目</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="92" />
      <source>Project code (项目编号)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="92" />
      <source>Code given by the bureau.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="93" />
      <source>Township (乡镇)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="93" />
      <source>Name of the township; default from ZLDWDM.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="94" />
      <source>Responsible unit (实施主体)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="94" />
      <source>e.g. the township government.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="98" />
      <source>First year (开始年度)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/createproject.py" line="98" />
      <source>Last year (结束年度)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="14" />
      <source>耕地 before, Σ TBDLMJ (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="15" />
      <source>耕地 after, Σ TBDLMJ (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="16" />
      <source>新增耕地 (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="17" />
      <source>新增耕地 rate, % of 耕地 before</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="18" />
      <source>新增耕地 rate, % of the project area</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="19" />
      <source>耕地出: 耕地 to other 农用地 (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="20" />
      <source>耕地进: other 农用地 to 耕地 (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="21" />
      <source>耕地出 mean 等别</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="22" />
      <source>耕地进 mean 等别</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="23" />
      <source>Mean 等别 of 耕地 before</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="24" />
      <source>Mean 等别 of 耕地 after</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="25" />
      <source>耕地 to 建设用地/未利用地 (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="26" />
      <source>进出平衡 in area and quality (1 = yes)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="44" />
      <source>Cultivated land: added, in/out balance, quality (新增耕地与进出平衡)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="53" />
      <source>耕地 (0101/0102/0103) before and after on the TBDLMJ basis (田坎 excluded): 新增耕地 = 耕地 after − 耕地 before. ADDED_RATE is the policy's rate, against the original 耕地; ADDED_RATE_OF_PROJECT_AREA is against the project area's Σ TBMJ (both in %).

The OUTPUT table splits 新增耕地 by source: 建设用地复垦, K-coded restorable plots, 园地/林地/草地, 坑塘, 未利用地, other 农用地, the change inside land that stays 耕地 (田坎 coefficient; a change of type moves its area between the 水田/水浇地/旱地 columns), and 耕地 lost (negative); the rows add up to the 合计 row = ADDED_M2, and the columns split each row by the planned 水田/水浇地/旱地 (a loss by the current one). QUALITY is the area-weighted mean 等别 (GDDB; 1 best, 15 worst).

进出平衡: 出 = 耕地 planned as other 农用地 (incl. 设施农用地), measured before; 进 = other 农用地 planned as 耕地, measured after; balanced when 进 ≥ 出 and the mean 等别 of 进 is not larger than that of 出. 耕地 from 建设用地 or 未利用地 is 新增耕地 but not part of 进出平衡.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/cultivatedland.py" line="68" />
      <source>新增耕地 by source</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ecologicalland.py" line="20" />
      <source>Ecological land (生态用地)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ecologicalland.py" line="29" />
      <source>湿地 (the 三调 first-level class 00: 0303, 0304, 0306, 0402, 0603, 1105, 1106, 1108), 林地 (03), 草地 (04) and 水域及水利设施用地 (11) before and after, class areas (TBDLMJ). Wetland codes count under 湿地 only, as in the 三调 tables.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ecologicalland.py" line="37" />
      <source>Ecological land</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ecologicalland.py" line="39" />
      <source>{name} before (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ecologicalland.py" line="40" />
      <source>{name} after (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="108" />
      <source>Gauss-Krüger: central meridian {cm}°, false easting {fe} m</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="115" />
      <source>The layer already has a field named {name}; choose another name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="137" />
      <source>Feature {fid} of layer {layer} has an invalid geometry; fix it first (native:fixgeometries).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="39" />
      <source>Ellipsoidal area, 三调 method (椭球面积)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="42" />
      <source>Tools</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="48" />
      <source>Adds the ellipsoidal area (m², 2 decimals) of each polygon by the official 三调 method (国土调查办发〔2008〕32号, TD/T 1055): every vertex is converted from Gauss-Krüger plane coordinates to geodetic latitude/longitude on the CGCS2000 ellipsoid (inverse Gauss-Krüger), then each edge contributes the ellipsoidal trapezoid between it and the equator by the series formula; rings are summed and holes subtracted. This is how TBMJ is computed in 三调 databases.

How it differs from QGIS's $area: with an ellipsoid set, QGIS measures polygons with geodesic edges (GeographicLib); the 三调 method treats each edge as a straight line in latitude/longitude at its mean latitude. On a 1:10 000 map sheet (≈ 20 km²) the two differ by well under 1 m² (DOMAIN.md cites ≈ 0.7 m²); without an ellipsoid, $area is the planar area on the Gauss-Krüger plane, which is larger by the projection's scale error (≈ 1×10⁻⁵ relative near the central meridian, up to ≈ 3×10⁻⁴ at the zone edge).

The layer must be in a CGCS2000 Gauss-Krüger CRS (EPSG:4513–4554). Where the CRS and the coordinates disagree about the zone prefix, the easting's magnitude decides. Optionally compare with an existing area field (e.g. TBMJ): the difference is added as AREA_DIFF (field − computed).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="70" />
      <source>Polygons (CGCS2000 Gauss-Krüger)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="73" />
      <source>Polygon layer in EPSG:4513–4554.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="75" />
      <source>Area field name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="77" />
      <source>Name of the new field holding the area in m².</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="81" />
      <source>Compare with area field (e.g. TBMJ)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="87" />
      <source>When set, AREA_DIFF = this field − the computed area.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="91" />
      <source>Polygons with ellipsoidal area</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="94" />
      <source>Total ellipsoidal area (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/ellipsoidalarea.py" line="96" />
      <source>Largest |field − computed| (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="102" />
      <source>Field holding the 三调 code; leave empty to use DLBM.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="106" />
      <source>Codes not in the 三调 table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="107" />
      <source>Report them as their own rows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="111" />
      <source>0 = stop and list each unknown code with its parcel count, area and BSMs; 1 = keep them as rows of their own (DLMC 未知地类) so that totals still add up.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="119" />
      <source>Land-use status table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="122" />
      <source>Total area Σ TBMJ (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="123" />
      <source>Parcels counted</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="125" />
      <source>Parcels with a code not in the 三调 table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="182" />
      <source>No ZLDWDM field: the table is not grouped by village.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="190" />
      <source>Parcels: {n}; total area Σ TBMJ = {m2:.2f} m² = {ha:.4f} ha = {mu:.2f} 亩</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="52" />
      <source>Land-use status (土地利用现状统计)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="61" />
      <source>Area of each 三调 land-use class by village (ZLDWDM) or any grouping field, in m², 公顷 (ha) and 亩 (1 亩 = 10 000/15 m²).

Basis (三调 rules): the class area of a parcel is TBDLMJ; its 田坎 (KCMJ, KCDLBM = 1203) is reported as its own class 1203 田坎; the total is Σ TBMJ, so the rows of a village add up to its TBMJ. Suffixed codes (0201K, 1104A …) count as their base code. Codes not in the 三调 table keep rows of their own (DLMC 未知地类) and are listed in the log; they are never dropped.

Where TBMJ is missing the area is computed from the geometry by the 三调 ellipsoidal method. With a project area, parcels cut by the boundary keep TBMJ, KCMJ and TBDLMJ in proportion to the ellipsoidal area inside.

AREA_M2 is rounded to 0.01 m² so that each village's rows add up exactly to its rounded total; AREA_HA = AREA_M2 / 10 000 and AREA_MU = AREA_M2 × 15 / 10 000.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="79" />
      <source>DLTB land-use parcels (地类图斑)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="83" />
      <source>三调 地类图斑 layer in a projected CGCS2000 Gauss-Krüger CRS (e.g. EPSG:4528).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="88" />
      <source>Group by field (default ZLDWDM, village; empty = no grouping)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="93" />
      <source>Field to group rows by; ZLDWDM gives one block of rows per village.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/landusestatus.py" line="97" />
      <source>Land-use code field (default: detected DLBM)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/transitionmatrix.py" line="23" />
      <source>Transition matrix (土地利用转移矩阵)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/transitionmatrix.py" line="32" />
      <source>Area moving from each current class to each planned class, one row per (FROM_DLBM, TO_DLBM) pair with an area; unchanged land is on the diagonal (FROM = TO).

Basis: the gross area of each overlay piece, i.e. its share of the current parcel's TBMJ (田坎 included in the parcel's class), so the rows of a FROM class add up to the current Σ TBMJ of that class and the columns to the planned structure measured on the same TBMJ. Suffixed codes count as their base code.

The plan is a planned DLTB layer (overlaid; boundaries need not match, classes may differ on the two sides) or a planned-code field on the current DLTB. Parts of the current layer that the planned layer does not cover are an error by default (UNCOVERED).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/transitionmatrix.py" line="46" />
      <source>Transition matrix</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/transitionmatrix.py" line="47" />
      <source>Area changing class (m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="processing/algorithms/transitionmatrix.py" line="48" />
      <source>Total area (m²)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LayersPage</name>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Plan and other layers (规划与其他图层)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>All optional. The plan can be a planned DLTB layer or a planned-code field on the current DLTB.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Planned land use after consolidation (规划地类)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Not yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Planned DLTB layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Planned-code field on the DLTB</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Permanent basic farmland before (永久基本农田，整治前)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Permanent basic farmland after (永久基本农田，整治后)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Sub-projects (子项目)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Ecological red line (生态保护红线)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/layers_page.ui" line="0" />
      <source>Urban development boundary (城镇开发边界)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SummaryPage</name>
    <message>
      <location filename="dialogs/summary_page.ui" line="0" />
      <source>Summary (汇总)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/summary_page.ui" line="0" />
      <source>Check the choices, then write the project GeoPackage and load it into the map.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/summary_page.ui" line="0" />
      <source>Project file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="dialogs/summary_page.ui" line="0" />
      <source>Load the project into the map when it is written</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
