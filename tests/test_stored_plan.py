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
from builders import Log
from land_consolidation.core import project
from openpyxl import load_workbook
from qgis import processing
from qgis.core import QgsProcessingException


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
    # Whether the plan was computed from the layers while they were being copied (a spy on the switch).
    taken = []
    from_sources = project.PreparedPlan.from_sources

    def spy(plan, sources):
        taken.append(from_sources(plan, sources))
        return taken[-1]

    project.PreparedPlan.from_sources = spy
    try:
        processing.run("landconsolidation:createproject", dict(layers, NAME="样例", START_YEAR=2026, END_YEAR=2028,
                                                               OUTPUT=str(folder / "project.gpkg")), feedback=log)
    finally:
        project.PreparedPlan.from_sources = from_sources
    log.while_copying = taken == [True]
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


def test_the_plan_computed_while_copying_is_the_plan_of_the_copies(made):
    """createproject overlays the sample's own layers, limited to the features it copies, while GDAL copies them.

    The stored pieces – every column and geometry, in order – equal the plan computed afterwards from the
    project's copies (the sample's DLTB holds parcels outside the project area that the copy leaves out).
    """
    import numpy as np
    from qgis.core import QgsVectorLayer

    folder, layers, log = made
    path = folder / "project.gpkg"
    assert log.while_copying
    whole = QgsVectorLayer(layers["DLTB"], "DLTB", "ogr").featureCount()
    copied = QgsVectorLayer(project.layer_uri(path, "DLTB"), "DLTB", "ogr").featureCount()
    assert whole > copied > 0
    again = project.prepare_plan(path).compute()
    stored = project.stored_plan(path, again.before, keep_geometry=True)
    assert list(stored.pieces.columns) == list(again.pieces.columns)
    assert len(stored.pieces) == len(again.pieces) > 0
    for name in again.pieces.columns:
        mine, theirs = stored.pieces[name].to_numpy(), again.pieces[name].to_numpy()
        if theirs.dtype.kind == "f":
            assert np.array_equal(mine, theirs, equal_nan=True), name
        else:
            assert [str(v) for v in mine.tolist()] == [str(v) for v in theirs.tolist()], name
    assert stored.geometries.wkb_list() == [bytes(g.asWkb()) for g in again.geometries]
    assert stored.notes == list(again.notes) and stored.uncovered_m2 == again.uncovered_m2


def test_a_failed_copy_leaves_no_project(provider, sample_gpkg, tmp_path, monkeypatch):
    """A copy failing in the background thread stops the run with its message; no file, no temporary file."""
    from land_consolidation.core.errors import LandConsolidationError

    copy = project._gdal_copy

    def failing(target, source_path, source_layer, layer_name, fids):
        if layer_name == "YJJBNTTB_GH":
            raise LandConsolidationError("Cannot write the test copy")
        return copy(target, source_path, source_layer, layer_name, fids)

    monkeypatch.setattr(project, "_gdal_copy", failing)
    S = f"{sample_gpkg}|layername="
    out = tmp_path / "project.gpkg"
    with pytest.raises(QgsProcessingException, match="Cannot write the test copy"):
        processing.run("landconsolidation:createproject", {
            "DLTB": S + "DLTB", "PROJECT_AREA": S + "XMQ", "AFTER": S + "DLTB_GH", "PBF_BEFORE": S + "YJJBNTTB",
            "PBF_AFTER": S + "YJJBNTTB_GH", "NAME": "样例", "START_YEAR": 2026, "END_YEAR": 2028, "OUTPUT": str(out)})
    assert list(tmp_path.iterdir()) == []


def test_table_6_shows_the_review_areas_exactly(made, tmp_path):
    """Table 6 takes the 永农 review as computed: 调整前 892 130.21 m² and 调整后 898 068.60 m² are 89.2130 and
    89.8069 公顷.  Taken from the review's 亩 as rounded for the algorithm's output layer (1 338.20 and
    1 347.10 亩) they were 89.2133 and 89.8067 公顷."""
    folder, _, _ = made
    path = str(folder / "project.gpkg")
    direct = processing.run("landconsolidation:farmlandadjustment", {
        "PBF_BEFORE": project.layer_uri(path, "YJJBNTTB"), "PBF_AFTER": project.layer_uri(path, "YJJBNTTB_GH"),
        "DLTB": project.layer_uri(path, "DLTB"), "PROJECT_AREA": project.layer_uri(path, "XMQ"),
        "OUTPUT": "TEMPORARY_OUTPUT", "OUT_PARCELS": "TEMPORARY_OUTPUT", "IN_PARCELS": "TEMPORARY_OUTPUT"})
    assert (direct["PBF_BEFORE_M2"], direct["PBF_AFTER_M2"]) == (892130.21, 898068.6)
    processing.run("landconsolidation:exportscheme", {"PROJECT": path, "TABLES": [5],
                                                      "OUTPUT_XLSX": str(tmp_path / "t6.xlsx")})
    ws = load_workbook(tmp_path / "t6.xlsx")["表6 永久基本农田调整表"]
    values = {ws.cell(r, 1).value: ws.cell(r, 3).value for r in range(1, ws.max_row + 1)}
    assert values["调整前永久基本农田面积"] == 89.213
    assert values["调整后永久基本农田面积"] == 89.8069


def test_a_failed_farmland_review_leaves_its_tables_out(made, tmp_path, monkeypatch):
    """The review failing: tables 6, 14 and 15 are left out with its message, the others written."""
    from land_consolidation.core.errors import LandConsolidationError
    from land_consolidation.processing.algorithms import farmlandadjustment

    def broken(*_args, **_kwargs):
        raise LandConsolidationError("the test's farmland layer is broken")

    monkeypatch.setattr(farmlandadjustment, "review", broken)
    folder, _, _ = made
    result = processing.run("landconsolidation:exportscheme", {
        "PROJECT": str(folder / "project.gpkg"), "TABLES": [0, 5, 13, 14], "OUTPUT_XLSX": str(tmp_path / "f.xlsx")})
    assert result["SHEETS"] == "表1 土地利用现状分类面积汇总表"
    assert set(result["MISSING"].split(";")) == {"永久基本农田调整表", "永久基本农田调出图斑清单", "永久基本农田调入图斑清单"}


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
