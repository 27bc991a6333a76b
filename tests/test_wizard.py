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
