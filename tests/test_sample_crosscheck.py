"""The indicators on the bundled sample agree with an independent QGIS recomputation.

Independent chain, QGIS native tools only: the parcels of both layers inside
the project area (extract by location), their plane areas (field
calculator), the overlay (native:intersection), each piece's share of its
parcels' TBMJ/TBDLMJ by plane-area ratio (field calculator), and sums by
class pair (qgis:statisticsbycategories).  The plugin measures the shares
with the 三调 ellipsoidal area instead; within a parcel the two ratios agree
to ~1e-8, so each class must agree within 0.01 m².
"""
import pytest
from qgis import processing

CULTIVATED = ("0101", "0102", "0103")


def uri(path, name):
    return f"{path}|layername={name}"


@pytest.fixture(scope="module")
def overlay(qgis_processing, sample_gpkg):
    area = uri(sample_gpkg, "XMQ")

    def inside(name, area_field):
        measured = processing.run("native:fieldcalculator", {
            "INPUT": uri(sample_gpkg, name), "FIELD_NAME": area_field, "FIELD_TYPE": 0, "FIELD_LENGTH": 20,
            "FIELD_PRECISION": 6, "FORMULA": "area($geometry)", "OUTPUT": "memory:"})["OUTPUT"]
        return processing.run("native:extractbylocation", {
            "INPUT": measured, "PREDICATE": [6], "INTERSECT": area, "OUTPUT": "memory:"})["OUTPUT"]

    before = inside("DLTB", "AREA_B")
    after = inside("DLTB_GH", "AREA_A")
    pieces = processing.run("native:intersection", {
        "INPUT": before, "OVERLAY": after, "OVERLAY_FIELDS_PREFIX": "GH_", "OUTPUT": "memory:"})["OUTPUT"]
    for name, formula in (
        ("GROSS", '"TBMJ" * area($geometry) / "AREA_B"'),
        ("TBDLMJ_B", '"TBDLMJ" * area($geometry) / "AREA_B"'),
        ("TBDLMJ_A", '"GH_TBDLMJ" * area($geometry) / "GH_AREA_A"'),
        ("FROM_CODE", 'left("DLBM", 4)'),
        ("TO_CODE", 'left("GH_DLBM", 4)'),
    ):
        pieces = processing.run("native:fieldcalculator", {
            "INPUT": pieces, "FIELD_NAME": name, "FIELD_TYPE": 2 if name.endswith("CODE") else 0,
            "FIELD_LENGTH": 20, "FIELD_PRECISION": 8, "FORMULA": formula, "OUTPUT": "memory:"})["OUTPUT"]
    return pieces


def sums(layer, categories, value):
    stats = processing.run("qgis:statisticsbycategories", {
        "INPUT": layer, "VALUES_FIELD_NAME": value, "CATEGORIES_FIELD_NAME": categories,
        "OUTPUT": "memory:"})["OUTPUT"]
    return {tuple(f[c] for c in categories): f["sum"] for f in stats.getFeatures()}


def plugin(sample_gpkg, algorithm):
    return processing.run(f"landconsolidation:{algorithm}", {
        "BEFORE": uri(sample_gpkg, "DLTB"), "AFTER": uri(sample_gpkg, "DLTB_GH"),
        "PROJECT_AREA": uri(sample_gpkg, "XMQ"), "OUTPUT": "memory:"})


def test_transition_matrix_matches_qgis(provider, overlay, sample_gpkg):
    expected = sums(overlay, ["FROM_CODE", "TO_CODE"], "GROSS")
    result = plugin(sample_gpkg, "transitionmatrix")
    got = {(f["FROM_DLBM"], f["TO_DLBM"]): f["AREA_M2"] for f in result["OUTPUT"].getFeatures()}
    assert got.keys() == expected.keys()
    worst = max(abs(got[k] - expected[k]) for k in got)
    assert worst <= 0.01, f"largest difference {worst:.6f} m²"
    assert len(got) > 15  # the sample's plan has many class pairs


def test_cultivated_land_matches_qgis(provider, overlay, sample_gpkg):
    before = sums(overlay, ["FROM_CODE"], "TBDLMJ_B")
    after = sums(overlay, ["TO_CODE"], "TBDLMJ_A")
    result = plugin(sample_gpkg, "cultivatedland")
    for code in CULTIVATED:
        assert (code,) in before and (code,) in after
    cult_before = sum(before[(c,)] for c in CULTIVATED)
    cult_after = sum(after[(c,)] for c in CULTIVATED)
    assert result["CULTIVATED_BEFORE_M2"] == pytest.approx(cult_before, abs=0.01)
    assert result["CULTIVATED_AFTER_M2"] == pytest.approx(cult_after, abs=0.01)
    assert result["ADDED_M2"] == pytest.approx(cult_after - cult_before, abs=0.01)
    assert result["ADDED_RATE"] > 5.0  # the sample's plan is designed to pass this rule
    rows = {f["SOURCE"]: f for f in result["OUTPUT"].getFeatures()}
    for column, code in (("PADDY_M2", "0101"), ("IRRIGATED_M2", "0102"), ("DRY_M2", "0103")):
        assert rows["total"][column] == pytest.approx(after[(code,)] - before[(code,)], abs=0.01), column
