"""landconsolidation:createproject writes a self-contained project GeoPackage."""
import pytest
from builders import PLAN_FIELDS, VILLAGE_A, VILLAGE_B, memory_layer, plan_after_rows, plan_before_rows, rect, status_rows
from land_consolidation.core import project
from qgis import processing
from qgis.core import QgsProcessingException, QgsVectorLayer

ALG = "landconsolidation:createproject"


def test_villages_mode_and_reopen(provider, tmp_path):
    """Village A of status_rows: parcels 1, 2, 3, 4 and the road 7 (TBMJ 21 600)."""
    dltb = memory_layer("DLTB", status_rows())
    out = tmp_path / "东村项目.gpkg"
    result = processing.run(ALG, {
        "DLTB": dltb, "VILLAGES": VILLAGE_A, "NAME": "东村全域土地综合整治", "CODE": "XM-001",
        "START_YEAR": 2026, "END_YEAR": 2028, "RESPONSIBLE_UNIT": "某某镇人民政府", "OUTPUT": str(out),
    })
    assert result["OUTPUT"] == str(out)
    assert result["PARCEL_COUNT"] == 5
    assert result["TOWNSHIP_COUNT"] == 1
    settings = project.read_settings(out)
    assert settings["name"] == "东村全域土地综合整治"
    assert settings["villages"] == [VILLAGE_A]
    assert settings["village_names"] == {VILLAGE_A: "东村"}
    assert (settings["start_year"], settings["end_year"]) == (2026, 2028)
    assert settings["responsible_unit"] == "某某镇人民政府"
    assert set(settings["_layers"]) >= {"XMQ", "DLTB", "lc_settings"}
    copied = QgsVectorLayer(project.layer_uri(out, "DLTB"), "d", "ogr")
    assert sorted(f["BSM"] for f in copied.getFeatures()) == ["1", "2", "3", "4", "7"]
    assert sum(f["TBMJ"] for f in copied.getFeatures()) == pytest.approx(21600.0)
    boundary = QgsVectorLayer(project.layer_uri(out, "XMQ"), "x", "ogr")
    assert boundary.featureCount() == 1
    # The dissolved boundary of village A: 100×100 + 100×50 + 50×40 + 50×50 + 350×6 planar.
    assert next(boundary.getFeatures()).geometry().area() == pytest.approx(21600.0, abs=0.01)
    # Re-opened, the parameters run the status algorithm on the project's own copy.
    params = project.load_project(out)
    assert params["START_YEAR"] == 2026 and "AFTER" not in params
    status = processing.run("landconsolidation:landusestatus", {
        "INPUT": params["DLTB"], "PROJECT_AREA": params["PROJECT_AREA"], "GROUP_FIELD": "", "OUTPUT": "memory:"})
    assert status["TOTAL_AREA_M2"] == pytest.approx(21600.0, abs=0.01)


def test_layer_mode_with_optional_layers(provider, tmp_path):
    before = memory_layer("DLTB", plan_before_rows(), fields=PLAN_FIELDS)
    after = memory_layer("DLTB_GH", plan_after_rows(), fields=PLAN_FIELDS)
    area = memory_layer("XMQ", [{"wkt": rect(0, -5, 200, 110)}], fields=[])
    out = tmp_path / "p.gpkg"
    processing.run(ALG, {"DLTB": before, "PROJECT_AREA": area, "AFTER": after, "NAME": "试点",
                         "START_YEAR": 2026, "END_YEAR": 2027, "OUTPUT": str(out)})
    params = project.load_project(out)
    assert params["AFTER"].endswith("layername=DLTB_GH")
    # Same figures as test_plan.test_project_area_restricts_both_layers, from the project file alone.
    result = processing.run("landconsolidation:cultivatedland", {
        "BEFORE": params["DLTB"], "AFTER": params["AFTER"], "PROJECT_AREA": params["PROJECT_AREA"],
        "OUTPUT": "memory:"})
    assert result["ADDED_M2"] == pytest.approx(3180.0, abs=0.01)


def test_validation(provider, tmp_path, chinese):
    dltb = memory_layer("DLTB", status_rows())
    base = {"DLTB": dltb, "VILLAGES": VILLAGE_A, "NAME": "x", "START_YEAR": 2026, "END_YEAR": 2029,
            "OUTPUT": str(tmp_path / "bad.gpkg")}
    with pytest.raises(QgsProcessingException, match="4 年"):
        processing.run(ALG, base)
    with pytest.raises(QgsProcessingException, match="早于"):
        processing.run(ALG, dict(base, END_YEAR=2025))
    with pytest.raises(QgsProcessingException, match="9999"):
        processing.run(ALG, dict(base, END_YEAR=2028, VILLAGES="9999"))
    with pytest.raises(QgsProcessingException, match="PROJECT_AREA"):
        processing.run(ALG, dict(base, END_YEAR=2028, VILLAGES=""))
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_two_townships_warn_but_write(provider, tmp_path):
    rows = status_rows()
    for row in rows:
        if row["ZLDWDM"] == VILLAGE_B:
            row["ZLDWDM"] = "3202061020020000000"
    dltb = memory_layer("DLTB", rows)
    result = processing.run(ALG, {"DLTB": dltb, "VILLAGES": f"{VILLAGE_A},3202061020020000000", "NAME": "跨镇",
                                  "START_YEAR": 2026, "END_YEAR": 2026, "OUTPUT": str(tmp_path / "t.gpkg")})
    assert result["TOWNSHIP_COUNT"] == 2
    assert result["TOWNSHIPS"] == "320206101,320206102"


def test_parcels_only_touching_a_noisy_boundary_are_not_copied(provider, tmp_path):
    """A boundary drawn along parcel edges but off by 1e-7 m (reprojection noise) overlaps the
    neighbours by 100 m × 1e-7 m = 1e-5 m²: they touch it, they are not in the project.

    Boundary: x 0 – 100.0000001, y 0 – 100 (parcel 1 of status_rows, 0101, 10 000 m²); parcel 2 (0102,
    x 100 – 200) and the road 7 (y 100 – 106) only touch it.
    """
    x0, y0 = 40_520_000.0, 3_490_000.0
    wkt = f"POLYGON(({x0} {y0},{x0 + 100.0000001} {y0},{x0 + 100.0000001} {y0 + 100.0000001},{x0} {y0 + 100.0000001}," \
          f"{x0} {y0}))"
    area = memory_layer("XMQ", [{"wkt": wkt}], fields=[])
    out = tmp_path / "noisy.gpkg"
    result = processing.run(ALG, {"DLTB": memory_layer("DLTB", status_rows()), "PROJECT_AREA": area, "NAME": "x",
                                  "START_YEAR": 2026, "END_YEAR": 2027, "OUTPUT": str(out)})
    copied = QgsVectorLayer(project.layer_uri(out, "DLTB"), "d", "ogr")
    assert sorted(f["BSM"] for f in copied.getFeatures()) == ["1"]
    assert result["PARCEL_COUNT"] == 1


def workbook_added_m2(project_file, folder) -> float:
    """新增耕地合计 of the workbook's 表4 (新增耕地来源表) exported from a project, in m² (hectares to 8 places)."""
    import pandas as pd

    processing.run("landconsolidation:exportscheme", {
        "PROJECT": str(project_file), "TABLES": [3], "UNITS": 0, "DECIMALS": 8, "CSV_FOLDER": str(folder),
        "OUTPUT_XLSX": str(folder / "scheme.xlsx")})
    table = pd.read_csv(folder / "表4 新增耕地来源表.csv", dtype=str, encoding="utf-8-sig")
    total = table[table.iloc[:, 1] == "新增耕地合计"]
    return float(total.iloc[0, 2]) * 1e4


def test_a_drafted_plan_keeps_its_field_ridges(provider, sample_gpkg, tmp_path):
    """A draft's DLTB (GHDLBM, GHKCXS) as the project's DLTB with AFTER_FIELD and AFTER_KCXS_FIELD: the project
    remembers both, and the workbook exported from the project measures exactly the drafted new cultivated land
    (without the 田坎 field, new cultivated land would count gross and exceed it)."""
    def uri(layer):
        return f"{sample_gpkg}|layername={layer}"

    plan = str(tmp_path / "draft.gpkg")
    draft = processing.run("landconsolidation:draftscheme", {
        "INPUT": uri("DLTB"), "PROJECT_AREA": uri("XMQ"), "RED_LINE": uri("STBHHX"),
        "DEVELOPMENT_BOUNDARY": uri("CZKFBJ"), "PBF": uri("YJJBNTTB"), "START_YEAR": 2026, "END_YEAR": 2028,
        "OUTPUT": plan, "OUTPUT_CANDIDATES": "memory:", "OUTPUT_SUBPROJECTS": "memory:"})
    assert draft["FEASIBLE"] == 1
    base = {"DLTB": plan, "PROJECT_AREA": uri("XMQ"), "NAME": "草案", "START_YEAR": 2026, "END_YEAR": 2028,
            "AFTER_FIELD": "GHDLBM"}
    with_kcxs = tmp_path / "with.gpkg"
    processing.run(ALG, {**base, "AFTER_KCXS_FIELD": "GHKCXS", "OUTPUT": str(with_kcxs)})
    settings = project.read_settings(with_kcxs)
    assert (settings["after_field"], settings["after_kcxs_field"]) == ("GHDLBM", "GHKCXS")
    params = project.load_project(with_kcxs)
    assert (params["AFTER_FIELD"], params["AFTER_KCXS_FIELD"]) == ("GHDLBM", "GHKCXS")
    (tmp_path / "a").mkdir()
    assert workbook_added_m2(with_kcxs, tmp_path / "a") == pytest.approx(draft["ADDED_M2"], abs=0.01)
    without = tmp_path / "without.gpkg"
    processing.run(ALG, {**base, "OUTPUT": str(without)})
    assert "AFTER_KCXS_FIELD" not in project.load_project(without)
    (tmp_path / "b").mkdir()
    assert workbook_added_m2(without, tmp_path / "b") > draft["ADDED_M2"] + 100.0


def test_a_field_ridge_field_needs_the_planned_code_field(provider, tmp_path):
    dltb = memory_layer("DLTB", plan_before_rows(), fields=PLAN_FIELDS)
    with pytest.raises(QgsProcessingException, match="AFTER_FIELD"):
        processing.run(ALG, {"DLTB": dltb, "VILLAGES": VILLAGE_A, "NAME": "x", "START_YEAR": 2026, "END_YEAR": 2027,
                             "AFTER_KCXS_FIELD": "KCXS", "OUTPUT": str(tmp_path / "k.gpkg")})
