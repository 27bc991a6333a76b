"""The project wizard driven programmatically (offscreen): validation per page, the written
project GeoPackage, and re-opening it."""
import time

import pytest
from builders import VILLAGE_A, VILLAGE_B, memory_layer, parcel, rect, status_rows
from land_consolidation.core import project
from land_consolidation.dialogs.project_wizard import ProjectWizard
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, Qt


@pytest.fixture
def dltb(provider):
    layer = memory_layer("DLTB 示例", status_rows())
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()


def wait_for(predicate, seconds=60):
    deadline = time.time() + seconds
    while not predicate():
        QgsApplication.processEvents()
        if time.time() > deadline:
            raise TimeoutError("the wizard's task did not finish")
        time.sleep(0.02)


def tick(page, codes):
    for row in range(page.villageTable.rowCount()):
        item = page.villageTable.item(row, 0)
        item.setCheckState(Qt.CheckState.Checked if item.text() in codes else Qt.CheckState.Unchecked)


def test_dltb_page(dltb, chinese):
    wizard = ProjectWizard()
    page = wizard.dltb_page
    page.layerCombo.setLayer(None)
    assert not page.isComplete()
    assert not page.validatePage()
    assert "DLTB" in page.messageLabel.text()
    page.layerCombo.setLayer(dltb)
    assert page.isComplete()
    mapping = page.mapping()
    assert mapping["code"] == "DLBM" and mapping["tbmj"] == "TBMJ" and mapping["village"] == "ZLDWDM"
    assert page.validatePage()
    geographic = memory_layer("DLTB_4490", [parcel("1", "0101", "POLYGON((120 31,120.01 31,120.01 31.01,120 31))",
                                                     100.0, VILLAGE_A)], crs="EPSG:4490")
    QgsProject.instance().addMapLayer(geographic)
    page.layerCombo.setLayer(geographic)
    assert not page.validatePage()
    assert "地理坐标系" in page.messageLabel.text()


def test_area_page_villages_and_townships(dltb):
    wizard = ProjectWizard()
    wizard.dltb_page.layerCombo.setLayer(dltb)
    page = wizard.area_page
    page.villageRadio.setChecked(True)
    page.initializePage()
    assert page.villageTable.rowCount() == 2
    names = {page.villageTable.item(r, 0).text(): page.villageTable.item(r, 1).text() for r in range(2)}
    assert names == {VILLAGE_A: "东村", VILLAGE_B: "西村"}
    assert not page.isComplete()
    assert not page.validatePage()
    tick(page, {VILLAGE_A})
    assert page.isComplete() and page.validatePage()
    assert "2.1600 ha" in page.summaryLabel.text()  # village A: 21 600 m²
    assert page.warningLabel.text() == ""
    # A village of another township: a warning, not a refusal.
    other = memory_layer("DLTB2", status_rows() + [
        parcel("9", "0101", rect(400, 0, 450, 40), 2000.0, VILLAGE_B)])
    for f in other.getFeatures():
        if f["BSM"] == "9":
            other.dataProvider().changeAttributeValues({f.id(): {other.fields().lookupField("ZLDWDM"):
                                                                  "3202061020030000000"}})
    QgsProject.instance().addMapLayer(other)
    wizard.dltb_page.layerCombo.setLayer(other)
    page.initializePage()
    tick(page, {VILLAGE_A, "3202061020030000000"})
    assert "2 townships" in page.warningLabel.text() or "2 个乡镇" in page.warningLabel.text()
    assert page.validatePage()


def test_area_page_layer_mode(dltb):
    wizard = ProjectWizard()
    wizard.dltb_page.layerCombo.setLayer(dltb)
    page = wizard.area_page
    page.layerRadio.setChecked(True)
    page.areaLayerCombo.setLayer(None)
    assert not page.isComplete()
    area = memory_layer("XMQ", [{"wkt": rect(0, -10, 250, 200)}], fields=[])
    QgsProject.instance().addMapLayer(area)
    page.areaLayerCombo.setLayer(area)
    assert page.isComplete()
    page.selectedOnlyCheck.setChecked(True)
    assert not page.isComplete()  # nothing selected
    area.selectAll()
    page.selectedOnlyCheck.setChecked(False)
    page.selectedOnlyCheck.setChecked(True)
    assert page.isComplete() and page.validatePage()


def test_facts_page(dltb, chinese):
    wizard = ProjectWizard()
    page = wizard.facts_page
    page.nameEdit.setText("")
    assert not page.isComplete()
    page.nameEdit.setText("东村全域土地综合整治")
    page.startSpin.setValue(2026)
    page.endSpin.setValue(2029)
    assert not page.validatePage()
    assert "4 年" in page.messageLabel.text()
    page.endSpin.setValue(2028)
    assert page.validatePage()


def test_layers_page(dltb):
    wizard = ProjectWizard()
    wizard.dltb_page.layerCombo.setLayer(dltb)
    page = wizard.layers_page
    page.initializePage()
    pbf = memory_layer("YJJBNTTB", [{"wkt": rect(0, 0, 100, 100)}], fields=[])
    QgsProject.instance().addMapLayer(pbf)
    page.pbfBeforeCombo.setLayer(pbf)
    assert not page.validatePage()
    page.pbfAfterCombo.setLayer(pbf)
    assert page.validatePage()
    page.afterLayerRadio.setChecked(True)
    page.afterLayerCombo.setLayer(None)
    assert not page.validatePage()


def test_whole_walk_writes_and_reopens(dltb, tmp_path):
    wizard = ProjectWizard()
    wizard.dltb_page.layerCombo.setLayer(dltb)
    wizard.area_page.villageRadio.setChecked(True)
    wizard.area_page.initializePage()
    tick(wizard.area_page, {VILLAGE_A})
    facts = wizard.facts_page
    facts.nameEdit.setText("东村全域土地综合整治")
    facts.codeEdit.setText("XM-2026-01")
    facts.townshipEdit.setText("某某镇")
    facts.startSpin.setValue(2026)
    facts.endSpin.setValue(2028)
    facts.unitEdit.setText("某某镇人民政府")
    facts.preparedByEdit.setText("某某规划设计院")
    facts.preparedOnEdit.setDate(QDate(2026, 11, 20))
    wizard.layers_page.initializePage()
    out = tmp_path / "东村项目.gpkg"
    wizard.summary_page.outputWidget.setFilePath(str(out))
    assert "东村（3202061010010000000）" in wizard.summary_html()
    wizard.accept()
    assert wizard.is_running()
    wait_for(lambda: wizard.result_path is not None or wizard.error is not None)
    assert wizard.error is None
    assert wizard.result_path == str(out)
    settings = project.read_settings(out)
    assert settings["name"] == "东村全域土地综合整治"
    assert settings["villages"] == [VILLAGE_A]
    assert settings["responsible_unit"] == "某某镇人民政府"
    assert (settings["prepared_by"], settings["prepared_on"]) == ("某某规划设计院", "2026-11-20")
    copied = QgsVectorLayer(project.layer_uri(out, "DLTB"), "d", "ogr")
    assert copied.featureCount() == 5
    loaded = {layer.name() for layer in QgsProject.instance().mapLayers().values()}
    # Each project layer carries the project's name (two projects' layers stay apart in every list).
    assert {"Project area · 东村全域土地综合整治", "Land-use parcels (current) · 东村全域土地综合整治"} <= loaded

    again = ProjectWizard()
    again.restore(out)
    assert again.facts_page.facts() == {"NAME": "东村全域土地综合整治", "CODE": "XM-2026-01", "TOWNSHIP": "某某镇",
                                        "START_YEAR": 2026, "END_YEAR": 2028, "RESPONSIBLE_UNIT": "某某镇人民政府",
                                        "UNIT_NAME": "某某规划设计院", "PREPARED_DATE": "2026-11-20"}
    assert again.area_page.mode() == "villages"
    assert again.area_page.chosen_villages() == [VILLAGE_A]
    assert again.dltb_layer().name() == "Land-use parcels (current) · 东村全域土地综合整治"
    # Re-opening the loaded project reuses its group and layers.
    groups = [g for g in QgsProject.instance().layerTreeRoot().findGroups(True) if g.name() == "东村全域土地综合整治"]
    assert len(groups) == 1 and again.dltb_layer().customProperty("land_consolidation/layer") == "DLTB"
    assert again.summary_page.output_path() == str(out)
    assert again.parameters()["VILLAGES"] == VILLAGE_A


def test_village_page_estimates_and_large_layers(dltb, monkeypatch):
    """A township-sized DLTB gets the potential columns; above the limit the page says why not."""
    wizard = ProjectWizard()
    wizard.dltb_page.layerCombo.setLayer(dltb)
    page = wizard.area_page
    page.villageRadio.setChecked(True)
    page.initializePage()
    assert page.potential is not None and set(page.potential["ZLDWDM"]) == {VILLAGE_A, VILLAGE_B}
    assert not page.villageTable.isColumnHidden(5)

    import land_consolidation.dialogs.project_wizard as module

    monkeypatch.setattr(module, "POTENTIAL_MAX_PARCELS", 3)
    big = ProjectWizard()
    big.dltb_page.layerCombo.setLayer(dltb)
    big.area_page.villageRadio.setChecked(True)
    big.area_page.initializePage()
    assert big.area_page.potential is None
    assert big.area_page.villageTable.isColumnHidden(5)
    assert "3" in big.area_page.summaryLabel.text() and "potential" in big.area_page.summaryLabel.text()


# ------------------------------------------------------------------ the guesses, the red lines, the memory


@pytest.fixture
def township(provider):
    """A township as delivered: DLTB (with GHDLBM) and the project and constraint layers by their standard names.

    CZKFBJ sorts first alphabetically: it was once taken for the DLTB and for the project area.
    """
    from builders import PLAN_FIELDS, plan_before_rows

    rows = plan_before_rows()
    layers = {"CZKFBJ": memory_layer("CZKFBJ", [{"wkt": rect(0, 0, 50, 50)}], fields=[]),
              "DLTB": memory_layer("DLTB", rows, fields=PLAN_FIELDS),
              "DLTB_GH": memory_layer("DLTB_GH", rows, fields=PLAN_FIELDS)}
    for name in ("STBHHX", "XMQ", "YJJBNTTB", "YJJBNTTB_GH", "ZXM"):
        layers[name] = memory_layer(name, [{"wkt": rect(0, 0, 100, 100)}], fields=[])
    QgsProject.instance().addMapLayers(list(layers.values()))
    yield layers
    QgsProject.instance().removeAllMapLayers()


def test_the_wizard_guesses_the_layers_by_their_standard_names(township):
    wizard = ProjectWizard()
    assert wizard.dltb_layer() is township["DLTB"]
    assert wizard.area_page.mode() == "layer" and wizard.area_page.area_layer() is township["XMQ"]
    wizard.layers_page.initializePage()
    chosen = wizard.layers_page.layers()
    assert {key: layer.name() for key, layer in chosen.items()} == {
        "PBF_BEFORE": "YJJBNTTB", "PBF_AFTER": "YJJBNTTB_GH", "SUBPROJECTS": "ZXM", "RED_LINE": "STBHHX",
        "DEVELOPMENT_BOUNDARY": "CZKFBJ", "AFTER": "DLTB_GH"}
    assert wizard.layers_page.afterLayerRadio.isChecked()
    assert wizard.layers_page.afterFieldCombo.currentField() == "GHDLBM"  # ready when the user switches to it


def test_without_a_planned_layer_the_plan_is_the_planned_code_field(township):
    QgsProject.instance().removeMapLayer(township["DLTB_GH"].id())
    wizard = ProjectWizard()
    wizard.layers_page.initializePage()
    assert wizard.layers_page.afterFieldRadio.isChecked() and wizard.layers_page.after_field() == "GHDLBM"
    assert "AFTER" not in wizard.layers_page.layers()


def test_a_constraint_layer_is_never_the_project_area(township):
    QgsProject.instance().removeMapLayer(township["XMQ"].id())
    wizard = ProjectWizard()
    assert wizard.area_page.area_layer() is None and wizard.area_page.mode() == "villages"


def test_every_disabled_next_says_why(township, chinese):
    wizard = ProjectWizard()
    page = wizard.dltb_page
    page.layerCombo.setLayer(None)
    assert not page.isComplete() and page.messageLabel.text() == "请选择地类图斑（DLTB）图层（三调地类图斑）。"
    page.layerCombo.setLayer(township["DLTB"])
    assert page.isComplete() and page.messageLabel.text() == ""
    page.field_combos["code"].setField("")
    assert not page.isComplete() and "DLBM" in page.messageLabel.text()
    # A name field mapped as DLBM is refused on page 1, naming the field and what it holds.
    page.field_combos["code"].setField("ZLDWMC")
    assert not page.isComplete()
    assert page.messageLabel.text().startswith("字段 ZLDWMC 存放的不是三调地类编码")
    assert "0 个是地类编码" in page.messageLabel.text() and "东村" in page.messageLabel.text()
    page.field_combos["code"].setField("DLBM")
    assert page.isComplete()

    area = wizard.area_page
    area.layerRadio.setChecked(True)
    area.areaLayerCombo.setLayer(None)
    assert not area.isComplete() and area.problemLabel.text() == "请选择项目区图层，或勾选项目所含的村。"
    area.areaLayerCombo.setLayer(township["XMQ"])
    area.selectedOnlyCheck.setChecked(True)
    assert not area.isComplete() and "没有选中的要素" in area.problemLabel.text()
    township["XMQ"].selectAll()  # selecting on the map clears the line
    assert area.isComplete() and area.problemLabel.text() == ""
    area.villageRadio.setChecked(True)
    area.initializePage()
    assert not area.isComplete() and area.problemLabel.text() == "请至少勾选一个村。"

    facts = wizard.facts_page
    facts.nameEdit.setText("")
    assert not facts.isComplete() and facts.messageLabel.text() == "请填写项目名称。"
    facts.nameEdit.setText("东村项目")
    facts.startSpin.setValue(2026)
    facts.endSpin.setValue(2029)
    assert not facts.isComplete() and "4 年" in facts.messageLabel.text()


def test_the_summary_shows_the_project_figures_before_writing(dltb, tmp_path):
    wizard = ProjectWizard()
    wizard.dltb_page.layerCombo.setLayer(dltb)
    wizard.area_page.layerRadio.setChecked(True)
    boundary = memory_layer("XMQ", [{"wkt": rect(0, 0, 100, 100)}], fields=[])  # parcel 1 of village A
    QgsProject.instance().addMapLayer(boundary)
    wizard.area_page.areaLayerCombo.setLayer(boundary)
    wizard.facts_page.nameEdit.setText("一号地块")
    wizard.summary_page.outputWidget.setFilePath(str(tmp_path / "p.gpkg"))
    wizard.summary_page.initializePage()
    figures = wizard.summary_page.figures
    assert figures["parcels"] == 1 and figures["area_m2"] == pytest.approx(10000.0)
    assert figures["cultivated_m2"] == pytest.approx(9500.0)  # TBDLMJ: 10 000 − 5 % field ridges
    assert figures["townships"] == ["320206101"]
    html = wizard.summary_page.summaryText.toPlainText()
    assert "1.0000 ha" in html and "0.9500 ha" in html and "320206101" in html
    # A boundary beside the DLTB: said on the summary page, and Finish stays disabled.
    away = memory_layer("XMQ2", [{"wkt": rect(5000, 5000, 5100, 5100)}], fields=[])
    QgsProject.instance().addMapLayer(away)
    wizard.area_page.areaLayerCombo.setLayer(away)
    wizard.summary_page.initializePage()
    assert not wizard.summary_page.isComplete()
    assert "does not overlap" in wizard.summary_page.problemLabel.text()


def test_the_data_check_runs_on_the_task_manager_and_loads_the_findings(dltb, chinese):
    rows = status_rows()
    rows[0]["TBMJ"] = -5.0  # a negative area: one finding
    broken = memory_layer("DLTB_坏", rows)
    QgsProject.instance().addMapLayer(broken)
    wizard = ProjectWizard()
    wizard.dltb_page.layerCombo.setLayer(broken)
    task = wizard.dltb_page.run_check()
    assert task is not None and not wizard.dltb_page.checkButton.isEnabled()
    wait_for(lambda: wizard.dltb_page.check_task is None)
    assert wizard.dltb_page.check_results["FINDINGS"] >= 1
    label = wizard.dltb_page.checkLabel.text()
    assert "DLTB_坏 数据质检：发现" in label and "已加载到地图" in label
    names = {layer.name() for layer in QgsProject.instance().mapLayers().values()}
    assert "有问题的图斑 · DLTB_坏" in names and "数据质检结果 · DLTB_坏" in names
    findings = QgsProject.instance().mapLayersByName("数据质检结果 · DLTB_坏")[0]
    assert findings.attributeAlias(findings.fields().lookupField("CHECK_NAME")) == "检查项名称"


def test_choices_and_folders_are_remembered(dltb, tmp_path):
    wizard = ProjectWizard()
    wizard.dltb_page.layerCombo.setLayer(dltb)
    assert wizard.dltb_page.validatePage()
    wizard.facts_page.nameEdit.setText("甲")
    wizard.facts_page.unitEdit.setText("某某镇人民政府")
    wizard.facts_page.preparedByEdit.setText("某某规划设计院")
    assert wizard.facts_page.validatePage()
    from land_consolidation.dialogs import memory

    memory.remember_folder("project", str(tmp_path / "old.gpkg"))
    again = ProjectWizard()
    assert again.facts_page.unitEdit.text() == "某某镇人民政府"
    assert again.facts_page.preparedByEdit.text() == "某某规划设计院"
    again.facts_page.nameEdit.setText("乙/项目")
    again.dltb_page.layerCombo.setLayer(dltb)
    assert again.summary_page.default_path() == str(tmp_path / "乙_项目.gpkg")


def test_finish_zooms_to_the_project_area_and_reopening_reuses_the_group(dltb, tmp_path, qgis_iface):
    from land_consolidation.dialogs.project_layers import load_project_layers, loaded_project

    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(dltb.crs())
    canvas.setExtent(dltb.extent().buffered(100000))
    wizard = ProjectWizard(qgis_iface)
    wizard.dltb_page.layerCombo.setLayer(dltb)
    wizard.area_page.villageRadio.setChecked(True)
    wizard.area_page.initializePage()
    tick(wizard.area_page, {VILLAGE_B})
    wizard.facts_page.nameEdit.setText("西村项目")
    out = tmp_path / "西村.gpkg"
    wizard.summary_page.outputWidget.setFilePath(str(out))
    wizard.summary_page.initializePage()
    wizard.accept()
    wait_for(lambda: wizard.result_path is not None or wizard.error is not None)
    assert wizard.error is None
    area = QgsProject.instance().mapLayersByName("Project area · 西村项目")[0]
    # From 200 km across to the project area with a margin (the canvas keeps its 4:3 shape).
    assert canvas.extent().contains(area.extent())
    assert max(canvas.extent().width() / area.extent().width(), canvas.extent().height() / area.extent().height()) < 2.2
    assert loaded_project() == str(out.resolve())
    before = len(QgsProject.instance().mapLayers())
    layers = load_project_layers(out)
    assert len(QgsProject.instance().mapLayers()) == before and layers["XMQ"] is area
