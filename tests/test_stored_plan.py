"""The plan pieces createproject stores in the project GeoPackage (core/project.py).

exportscheme from the project reads them and gives the same workbook
numbers as exportscheme from the layers themselves (which overlays the
plan); editing a layer of the project, or running with other plan settings,
makes them stale: the plan is computed again, with a log line, and the
numbers follow the edit.
"""
import shutil
import sqlite3

import pytest
from land_consolidation.core import project
from openpyxl import load_workbook
from qgis import processing
from qgis.core import QgsProcessingFeedback


class Log(QgsProcessingFeedback):
    """Keeps the log lines."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)
        super().pushInfo(info)

    def text(self) -> str:
        return "\n".join(self.lines)


def numbers(path) -> dict:
    """Every numeric cell of every sheet, in reading order (the header block may hold more lines in one)."""
    book = load_workbook(path, read_only=True)
    out = {}
    for sheet in book.worksheets:
        out[sheet.title] = [value for row in sheet.iter_rows(values_only=True) for value in row
                            if isinstance(value, (int, float)) and not isinstance(value, bool)]
    return out


@pytest.fixture(scope="module")
def made(sample_gpkg, module_provider, tmp_path_factory):
    """A project of the sample's XMQ with the plan layer, both 永农 layers and the sub-projects."""
    folder = tmp_path_factory.mktemp("stored")
    S = f"{sample_gpkg}|layername="
    layers = {"DLTB": S + "DLTB", "PROJECT_AREA": S + "XMQ", "AFTER": S + "DLTB_GH", "PBF_BEFORE": S + "YJJBNTTB",
              "PBF_AFTER": S + "YJJBNTTB_GH", "SUBPROJECTS": S + "ZXM"}
    log = Log()
    processing.run("landconsolidation:createproject", dict(layers, NAME="样例", START_YEAR=2026, END_YEAR=2028,
                                                           OUTPUT=str(folder / "project.gpkg")), feedback=log)
    return folder, layers, log


def test_pieces_are_stored(made):
    folder, _, log = made
    path = folder / "project.gpkg"
    settings = project.read_settings(path)
    assert project.PIECES_TABLE in settings["_layers"]
    with sqlite3.connect(path) as db:
        stored = db.execute(f"SELECT COUNT(*) FROM {project.PIECES_TABLE}").fetchone()[0]
    assert stored == settings[project.PLAN_SETTING]["count"] > 0
    assert f"{stored} plan pieces stored" in log.text()
    assert project.stored_plan_state(path, project.plan_settings()) == "valid"


def test_same_numbers_from_the_project_and_from_the_layers(made):
    folder, layers, _ = made
    log = Log()
    processing.run("landconsolidation:exportscheme", {"PROJECT": str(folder / "project.gpkg"),
                                                      "OUTPUT_XLSX": str(folder / "from_project.xlsx")}, feedback=log)
    assert "pieces are read from the project" in log.text()
    direct = Log()
    processing.run("landconsolidation:exportscheme", dict(layers, START_YEAR=2026, END_YEAR=2028, NAME="样例",
                                                          OUTPUT_XLSX=str(folder / "from_layers.xlsx")),
                   feedback=direct)
    assert "Overlaying the planned DLTB" in direct.text()
    a, b = numbers(folder / "from_project.xlsx"), numbers(folder / "from_layers.xlsx")
    assert a.keys() == b.keys() and len(a) == 19 and sum(len(v) for v in a.values()) > 500
    assert {sheet: values for sheet, values in a.items() if values != b[sheet]} == {}


def test_an_edited_layer_makes_them_stale(made, tmp_path):
    folder, _, _ = made
    edited = tmp_path / "edited.gpkg"
    shutil.copy(folder / "project.gpkg", edited)
    # One 水田 parcel of the project becomes 果园 in the project's own DLTB (through GDAL: the GeoPackage's
    # triggers use its SQL functions).
    from osgeo import ogr

    dataset = ogr.Open(str(edited), 1)
    layer = dataset.GetLayerByName("DLTB")
    layer.SetAttributeFilter("DLBM = '0101'")
    feature = layer.GetNextFeature()
    feature.SetField("DLBM", "0201")
    layer.SetFeature(feature)
    dataset = layer = None
    assert project.stored_plan_state(edited, project.plan_settings()) == "changed"
    log = Log()
    processing.run("landconsolidation:exportscheme", {"PROJECT": str(edited), "TABLES": [2],
                                                      "OUTPUT_XLSX": str(tmp_path / "edited.xlsx")}, feedback=log)
    assert "computed again" in log.text() and "read from the project" not in log.text()
    # The recomputed table follows the edit: the same as with the stored pieces removed (nothing to go stale).
    with sqlite3.connect(edited) as db:
        db.execute(f"DELETE FROM {project.SETTINGS_TABLE} WHERE key = ?", (project.PLAN_SETTING,))
    fresh = Log()
    processing.run("landconsolidation:exportscheme", {"PROJECT": str(edited), "TABLES": [2],
                                                      "OUTPUT_XLSX": str(tmp_path / "fresh.xlsx")}, feedback=fresh)
    assert "read from the project" not in fresh.text()
    assert numbers(tmp_path / "edited.xlsx") == numbers(tmp_path / "fresh.xlsx")
    original = Log()
    processing.run("landconsolidation:exportscheme", {"PROJECT": str(folder / "project.gpkg"), "TABLES": [2],
                                                      "OUTPUT_XLSX": str(tmp_path / "original.xlsx")},
                   feedback=original)
    assert numbers(tmp_path / "edited.xlsx") != numbers(tmp_path / "original.xlsx")


def test_other_settings_and_compliance(made, tmp_path):
    folder, _, _ = made
    path = str(folder / "project.gpkg")
    log = Log()
    processing.run("landconsolidation:exportscheme", {"PROJECT": path, "UNCOVERED": 1, "TABLES": [2],
                                                      "OUTPUT_XLSX": str(tmp_path / "u.xlsx")}, feedback=log)
    assert "computed again" in log.text()
    checked = Log()
    result = processing.run("landconsolidation:compliance", {"PROJECT": path, "OUTPUT": "memory:"}, feedback=checked)
    assert "read from the project" in checked.text()
    direct = processing.run("landconsolidation:compliance", {
        "DLTB": project.layer_uri(path, "DLTB"), "AFTER": project.layer_uri(path, "DLTB_GH"),
        "PROJECT_AREA": project.layer_uri(path, "XMQ"), "PBF_BEFORE": project.layer_uri(path, "YJJBNTTB"),
        "PBF_AFTER": project.layer_uri(path, "YJJBNTTB_GH"), "SUBPROJECTS": project.layer_uri(path, "ZXM"),
        "START_YEAR": 2026, "END_YEAR": 2028, "OUTPUT": "memory:"})
    for key in ("FAILED_COUNT", "PASSED_COUNT", "UNCHECKED_COUNT", "ADDED_QUALITY"):
        assert result[key] == direct[key], key
