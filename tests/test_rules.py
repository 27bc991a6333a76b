"""The shared rules of core/: code lists, values, the period, and the conventions every algorithm follows.

Each rule lives in one place; these tests pin what that place says and,
where two paths must agree, that they do.
"""
import math

import numpy as np
import pytest
from builders import VILLAGE_A, memory_layer, parcel, rect, status_rows
from land_consolidation.core import codes, period, values
from land_consolidation.core.errors import LandConsolidationError
from qgis import processing
from qgis.core import QgsProcessingException, QgsProcessingFeedback

# ---------------------------------------------------------------- parse_codes

@pytest.mark.parametrize("text", [
    "0404,1206", "0404，1206", "0404;1206", "0404；1206", "0404、1206", "0404 1206", " 0404 ,\t1206 ", "404、1206",
])
def test_parse_codes_accepts_every_separator_users_type(text):
    assert codes.parse_codes(text) == ("0404", "1206")


def test_parse_codes_keeps_order_drops_repeats_and_reads_sequences():
    assert codes.parse_codes("1107A, 1006，1107A") == ("1107A", "1006")
    assert codes.parse_codes(["0101", 102, "0103"]) == ("0101", "0102", "0103")
    assert codes.parse_codes("") == ()
    assert codes.parse_codes(None) == ()


@pytest.mark.parametrize("text, culprit", [("1006/1107/1203", "1006/1107/1203"), ("1006,1170", "1170"),
                                           ("0101,耕地", "耕地")])
def test_parse_codes_refuses_what_it_does_not_understand(text, culprit):
    with pytest.raises(LandConsolidationError) as err:
        codes.parse_codes(text, label="CONNECTOR_CODES")
    assert culprit.upper() in str(err.value)
    assert "CONNECTOR_CODES" in str(err.value)


def test_parse_codes_unchecked_passes_unknown_codes_through():
    assert codes.parse_codes("9999,0101", check=False) == ("9999", "0101")


def test_code_lists_have_one_home():
    from land_consolidation.core import contiguity, indicators

    assert contiguity.CONNECTOR_CODES is codes.CONNECTOR_CODES == ("1006", "1107", "1203")
    assert indicators.CONSTRUCTION == codes.CONSTRUCTION == "建设用地"
    assert codes.RURAL_CZCSXM == ("203", "203A")


# ---------------------------------------------------------------- values

@pytest.mark.parametrize("value", [None, float("nan"), "", "  ", "NULL", " NULL ", np.nan, b""])
def test_null_values(value):
    assert values.is_null(value)
    assert math.isnan(values.to_number(value))
    assert values.to_text(value) == ""


def test_a_null_qvariant_is_null():
    from qgis.PyQt.QtCore import QVariant

    assert values.is_null(QVariant())
    assert values.plain(QVariant()) is None


@pytest.mark.parametrize("value, number", [(5, 5.0), ("12.5", 12.5), (" 3 ", 3.0), (np.int64(7), 7.0), (b"2.25", 2.25)])
def test_numbers(value, number):
    assert values.to_number(value) == number


def test_text_that_is_not_a_number_is_an_error_naming_it():
    with pytest.raises(LandConsolidationError, match="一千"):
        values.to_number("一千")
    with pytest.raises(LandConsolidationError, match="BSM 7.*abc"):
        values.numbers([1, "2", "abc"], label=lambda i: f"BSM {i + 5}")


def test_numbers_of_a_column():
    got = values.numbers([1, None, "3.5", "", "NULL", 2.0])
    assert got[0] == 1.0 and got[2] == 3.5 and got[5] == 2.0
    assert np.isnan(got[[1, 3, 4]]).all()


def test_texts_and_plain():
    assert values.texts([" a ", None, "NULL", 5, 5.0, b"\xe4\xb8\x9c"]) == ["a", "", "", "5", "5", "东"]
    assert values.plain(np.float64(2.5)) == 2.5 and type(values.plain(np.int32(2))) is int
    assert values.plain(float("nan")) is None
    assert values.to_int_or_none("2026") == 2026 and values.to_int_or_none("2026.0") == 2026
    assert values.to_int_or_none("") is None and values.to_int_or_none("next year") is None


# ---------------------------------------------------------------- period

def test_period_counts_both_ends(chinese):
    assert period.Period(2026, 2028).years == 3
    assert period.period_problem(2026, 2028) is None
    assert "4 年" in period.period_problem(2026, 2029)
    assert "早于" in period.period_problem(2030, 2026)


def test_period_comes_from_the_first_source_that_gives_both_years():
    assert period.resolve_period((2026, 2028), (2020, 2021), [2019]) == period.Period(2026, 2028, "parameters")
    assert period.resolve_period((None, 2028), (2025, 2027), [2019]) == period.Period(2025, 2027, "project")
    assert period.resolve_period(("", ""), None, ["2027", 2026.0, None, "", 2028]) == \
        period.Period(2026, 2028, "subprojects")
    assert period.resolve_period(None, None, []) is None


def test_a_reversed_period_fails_compliance(provider):
    """START_YEAR 2030, END_YEAR 2026 was once 'period −3 years … passed'."""
    from builders import PLAN_FIELDS, plan_before_rows

    layer = memory_layer("DLTB", plan_before_rows(), PLAN_FIELDS)
    result = processing.run("landconsolidation:compliance", {
        "DLTB": layer, "AFTER_FIELD": "GHDLBM", "START_YEAR": 2030, "END_YEAR": 2026, "OUTPUT": "memory:"})
    row = next(f for f in result["OUTPUT"].getFeatures() if f["RULE"] == "PERIOD")
    assert row["PASSED"] == 0 and row["VERDICT"] == "不通过"
    assert "早于" in row["NOTE"]


# ---------------------------------------------------------------- conventions

class _Cancelled(QgsProcessingFeedback):
    def isCanceled(self):  # noqa: N802
        return True


def test_a_cancelled_run_stops_quietly(provider):
    """Cancelling is not an error: the run returns no outputs, as QGIS's own algorithms do."""
    feedback = _Cancelled()
    result = processing.run("landconsolidation:landusestatus",
                            {"INPUT": memory_layer("DLTB", status_rows()), "OUTPUT": "memory:"}, feedback=feedback)
    assert "TOTAL_AREA_M2" not in result


def _bow_tie(bsm):
    """A self-intersecting 'bow tie' parcel (invalid for GEOS)."""
    x, y = 40_520_000.0, 3_490_100.0
    wkt = f"POLYGON(({x} {y},{x + 100} {y + 100},{x + 100} {y},{x} {y + 100},{x} {y}))"
    return parcel(bsm, "0103", wkt, 5000.0, VILLAGE_A)


def test_an_invalid_geometry_stops_the_run_naming_layer_and_parcel(provider):
    layer = memory_layer("地类图斑", status_rows() + [_bow_tie("BT-9")])
    area = memory_layer("XMQ", [{"wkt": rect(-10, -10, 500, 300)}], fields=[])
    with pytest.raises(QgsProcessingException) as err:
        processing.run("landconsolidation:landusestatus", {"INPUT": layer, "PROJECT_AREA": area, "OUTPUT": "memory:"})
    assert "地类图斑" in str(err.value) and "BSM BT-9" in str(err.value) and "REPAIR_GEOMETRY" in str(err.value)


def test_repair_geometry_repairs_and_says_so(provider):
    """With REPAIR_GEOMETRY the bow tie is repaired (two triangles, 2 × 2 500 m² planar) and counted.

    Its TBMJ (5 000 m²) is the area of record and stays the class area; the
    total is the eight parcels' 38 600 m² plus 5 000.
    """
    layer = memory_layer("地类图斑", status_rows() + [_bow_tie("BT-9")])
    area = memory_layer("XMQ", [{"wkt": rect(-10, -10, 500, 300)}], fields=[])
    feedback = QgsProcessingFeedback()
    log = []
    feedback.pushWarning = log.append
    result = processing.run("landconsolidation:landusestatus",
                            {"INPUT": layer, "PROJECT_AREA": area, "REPAIR_GEOMETRY": True, "OUTPUT": "memory:"},
                            feedback=feedback)
    assert result["TOTAL_AREA_M2"] == pytest.approx(38_600.0 + 5_000.0, abs=0.01)
    assert any("makeValid" in line and "BT-9" in line for line in log)


def test_every_algorithm_wraps_domain_errors(provider):
    """A domain error surfaces as QgsProcessingException with the surveyor's message, not a traceback."""
    layer = memory_layer("DLTB", status_rows())
    with pytest.raises(QgsProcessingException, match="CODES"):
        processing.run("landconsolidation:contiguity", {"INPUT": layer, "CODES": "0101/0102", "OUTPUT": "memory:"})


# ---------------------------------------------------------------- ellipsoidalarea

def test_ellipsoidalarea_measures_every_feature_and_compares(provider):
    """Each feature's area equals the core function's on its own geometry; AREA_DIFF = TBMJ − area."""
    from land_consolidation.core import dltb, ellipsoid

    layer = memory_layer("DLTB", status_rows())
    result = processing.run("landconsolidation:ellipsoidalarea",
                            {"INPUT": layer, "COMPARE_FIELD": "TBMJ", "OUTPUT": "memory:"})
    gk = dltb.gauss_kruger_for(layer)
    out = {f["BSM"]: f for f in result["OUTPUT"].getFeatures()}
    for feature in layer.getFeatures():
        expected = round(ellipsoid.geometry_area(gk, feature.geometry()), 2)
        got = out[feature["BSM"]]
        assert got["ELLIPSOID_AREA"] == pytest.approx(expected, abs=1e-9)
        assert got["AREA_DIFF"] == pytest.approx(round(feature["TBMJ"] - expected, 2), abs=1e-9)
    # A 100 m square 20 km from the central meridian is ≈ 10 000 m² (scale error ≈ 5e-6 → about 0.1 m² less).
    assert out["1"]["ELLIPSOID_AREA"] == pytest.approx(10_000.0, abs=0.5)
    assert result["TOTAL_AREA_M2"] == pytest.approx(sum(f["ELLIPSOID_AREA"] for f in out.values()), abs=0.01)


def test_ellipsoidalarea_invalid_geometry(provider):
    """A bow tie stops the run naming it; with REPAIR_GEOMETRY it is measured as its two triangles."""
    from land_consolidation.core import dltb, ellipsoid
    from qgis.core import QgsGeometry

    layer = memory_layer("DLTB", [_bow_tie("BT-9")])
    with pytest.raises(QgsProcessingException, match="BT-9"):
        processing.run("landconsolidation:ellipsoidalarea", {"INPUT": layer, "OUTPUT": "memory:"})
    result = processing.run("landconsolidation:ellipsoidalarea",
                            {"INPUT": layer, "REPAIR_GEOMETRY": True, "OUTPUT": "memory:"})
    x, y = 40_520_000.0, 3_490_100.0
    triangles = [QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + 50} {y + 50},{x} {y + 100},{x} {y}))"),
                 QgsGeometry.fromWkt(f"POLYGON(({x + 100} {y},{x + 100} {y + 100},{x + 50} {y + 50},{x + 100} {y}))")]
    expected = round(float(ellipsoid.geometry_areas(dltb.gauss_kruger_for(layer), triangles).sum()), 2)
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["ELLIPSOID_AREA"] == pytest.approx(expected, abs=0.01)
    assert expected == pytest.approx(5_000.0, abs=0.5)
    assert not feature.geometry().isGeosValid()  # the output keeps the geometry as it was


def test_an_unknown_planned_code_names_the_code_and_parcel(provider):
    """The planned-code check (core.plan) lists each unknown planned code with the parcels planned with it."""
    from builders import PLAN_FIELDS, plan_before_rows

    rows = plan_before_rows()
    rows[3]["GHDLBM"] = "9999"  # BSM 4
    layer = memory_layer("DLTB", rows, PLAN_FIELDS)
    with pytest.raises(QgsProcessingException) as err:
        processing.run("landconsolidation:transitionmatrix",
                       {"BEFORE": layer, "AFTER_FIELD": "GHDLBM", "OUTPUT": "memory:"})
    assert "9999" in str(err.value) and "BSM 4" in str(err.value)
