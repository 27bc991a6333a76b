"""The export dialog: paths that follow the project (also while typed), the loaded project, opening the result."""
import land_consolidation
import pytest
from builders import VILLAGE_A, memory_layer, status_rows
from land_consolidation.dialogs.export_dialog import ExportDialog, beside
from qgis import processing
from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtWidgets import QFileDialog


@pytest.fixture
def project_file(provider, tmp_path):
    path = tmp_path / "东村项目.gpkg"
    processing.run("landconsolidation:createproject", {
        "DLTB": memory_layer("DLTB", status_rows()), "VILLAGES": VILLAGE_A, "NAME": "东村项目",
        "START_YEAR": 2026, "END_YEAR": 2028, "OUTPUT": str(path)})
    yield path
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()


def test_a_project_path_being_typed_never_raises_and_the_workbook_follows_it(provider):
    """Typing "/t…" once raised "PosixPath('/') has an empty name" and left "/t_实施方案表.xlsx" behind."""
    dialog = ExportDialog()
    seen = []
    for typed in ("/", "/t", "/tm", "/tmp", "/tmp/", "/tmp/东", "/tmp/东村.gpkg"):
        dialog.projectWidget.setFilePath(typed)
        seen.append((dialog.outputWidget.filePath(), dialog.mapsOutputWidget.filePath()))
    assert seen[0] == ("", "")
    assert seen[1] == ("/t_scheme_tables.xlsx", "/t_maps.pdf")
    assert seen[4] == ("", "")  # a folder: no name yet
    assert seen[-1] == ("/tmp/东村_scheme_tables.xlsx", "/tmp/东村_maps.pdf")


def test_a_workbook_path_the_user_chose_stays(provider, tmp_path):
    dialog = ExportDialog(str(tmp_path / "a.gpkg"))
    assert dialog.outputWidget.filePath() == str(tmp_path / "a_scheme_tables.xlsx")
    dialog.outputWidget.setFilePath(str(tmp_path / "mine.xlsx"))
    dialog.projectWidget.setFilePath(str(tmp_path / "b.gpkg"))
    assert dialog.outputWidget.filePath() == str(tmp_path / "mine.xlsx")
    assert dialog.mapsOutputWidget.filePath() == str(tmp_path / "b_maps.pdf")  # this one still follows


def test_chinese_file_names(provider, chinese, tmp_path):
    dialog = ExportDialog(str(tmp_path / "东村项目.gpkg"))
    assert dialog.outputWidget.filePath().endswith("东村项目_实施方案表.xlsx")
    assert beside("/", "{name}.xlsx") == "" and beside("C:\\\\", "{name}.xlsx") == ""


def test_a_workbook_that_cannot_be_opened_is_said_in_the_message_bar(provider, qgis_iface, tmp_path, monkeypatch):
    from land_consolidation.dialogs import export_dialog

    monkeypatch.setattr(export_dialog.QDesktopServices, "openUrl", staticmethod(lambda url: False))
    dialog = ExportDialog(parent=None, iface=qgis_iface)
    dialog.result_path = str(tmp_path / "x.xlsx")
    before = len(qgis_iface.messageBar().get_messages(Qgis.Warning))
    assert dialog.open_result() is False
    shown = qgis_iface.messageBar().get_messages(Qgis.Warning)[before:]
    assert len(shown) == 1 and "x.xlsx" in shown[0] and "could not be opened" in shown[0]
    assert "could not be opened" in dialog.messageLabel.text()


def test_export_follows_the_project_opened_and_opening_it_again_adds_no_group(qgis_iface, project_file, monkeypatch):
    plugin = land_consolidation.classFactory(qgis_iface)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(project_file), "")))
    plugin.open_project()
    plugin.open_project()
    groups = [g for g in QgsProject.instance().layerTreeRoot().findGroups(True) if g.name() == "东村项目"]
    assert len(groups) == 1
    plugin.export_scheme()
    assert plugin.export.projectWidget.filePath() == str(project_file)
    assert plugin.export.outputWidget.filePath().endswith("东村项目_scheme_tables.xlsx")
    for dialog in (plugin.dialog, plugin.export):
        dialog.close()


def test_export_finds_the_project_of_the_layers_in_the_map(qgis_iface, project_file):
    """Without a project written or opened in this session, the project group of the map is the project."""
    from land_consolidation.dialogs.project_layers import load_project_layers

    load_project_layers(project_file)
    plugin = land_consolidation.classFactory(qgis_iface)
    plugin.export_scheme()
    assert plugin.export.projectWidget.filePath() == str(project_file.resolve())
    plugin.export.close()
