"""landconsolidation:checkdata on a layer with one planted defect of each kind.

Every parcel is a 100 m × 100 m square (≈ 10 000 m² ellipsoidal: 20 km from
the central meridian the 三调 area is ≈ 0.1 m² less than the plane area, far
inside the default tolerance max(1 m², 0.1 % = 10 m²)), 200 m from the
next, except the planted overlap (20 m shared: 2 000 m² plane, ≈ 1 999.98 m²
ellipsoidal) and the planted duplicate.  Number fields are text, as in some
deliveries, so that text and NaN can be planted.  What each parcel must give,
worked out from the rules in core/checkdata.py:

=====  ====================================================  ==================================
BSM    planted                                               findings
=====  ====================================================  ==================================
C1     clean 耕地 (KCXS 0.05, KCMJ 500, TBDLMJ 9 500, GDDB 5)  none
C2     clean 0702 with CZCSXM 203                            none
P3     TBDLMJ 9 400 (10 000 − 500 − 9 400 = 100 ≠ 0)          area_consistency
P4     TBMJ 12 000 on a 10 000 m² square                     area_mismatch
P5     KCMJ −1, TBDLMJ 10 001 (consistent)                   area_negative
P6     TBMJ 0 on a real square                               area_zero
P7     KCMJ 12 000 > TBMJ 10 000, TBDLMJ −2 000              kcmj_exceeds, area_negative
P8     KCXS 1.2                                              kcxs_range
P9     GDDB 99                                               gddb_range
P10    TBMJ "NaN"                                            value_not_finite
P11    TBMJ "一万"                                            value_not_number
P12    0201 果园 with KCXS 0.05, KCMJ 500                     tiankan_on_non_cultivated
P13    DLBM ""                                               code_empty
P14    DLBM 9999                                             code_unknown
P15    0702 with CZCSXM 209                                  czcsxm_invalid
P16    0702 without CZCSXM                                   czcsxm_missing
P17    0602 采矿用地 with CZCSXM 203                          czcsxm_wrong
P18    no geometry                                           geometry_null
P19    empty geometry                                        geometry_empty
P20    self-intersecting "bow tie"                           geometry_invalid
P21    overlaps P22 by 20 m × 100 m                          overlap (≈ 2 000 m²)
P22    see P21                                               overlap (≈ 2 000 m²)
P23    the same square as P24                                duplicate_geometry
P24    see P23                                               duplicate_geometry
D      two clean parcels sharing the BSM "D"                 bsm_duplicate (both)
C27    clean, ZLDWMC "�村" (a decoding gone wrong)            none; one layer-level encoding finding
=====  ====================================================  ==================================
"""
import pytest
from builders import VILLAGE_A, X0, Y0
from qgis import processing
from qgis.PyQt.QtCore import QVariant

FIELDS = [("BSM", QVariant.Type.String), ("DLBM", QVariant.Type.String), ("TBMJ", QVariant.Type.String),
          ("KCDLBM", QVariant.Type.String), ("KCXS", QVariant.Type.String), ("KCMJ", QVariant.Type.String),
          ("TBDLMJ", QVariant.Type.String), ("ZLDWDM", QVariant.Type.String), ("ZLDWMC", QVariant.Type.String),
          ("GDDB", QVariant.Type.String), ("CZCSXM", QVariant.Type.String)]


def square(k, shift=0.0):
    x, y = X0 + 200.0 * k + shift, Y0
    return f"POLYGON(({x} {y},{x + 100} {y},{x + 100} {y + 100},{x} {y + 100},{x} {y}))"


def row(k, bsm, code="0103", tbmj="10000", kcxs="0", kcmj="0", tbdlmj="10000", gddb="", czcsxm="", wkt=None,
        name="东村"):
    return {"BSM": bsm, "DLBM": code, "TBMJ": tbmj, "KCDLBM": "1203" if kcxs not in ("0", "") else "",
            "KCXS": kcxs, "KCMJ": kcmj, "TBDLMJ": tbdlmj, "ZLDWDM": VILLAGE_A, "ZLDWMC": name, "GDDB": gddb,
            "CZCSXM": czcsxm, "wkt": square(k) if wkt is None else wkt}


def bow_tie(k):
    x, y = X0 + 200.0 * k, Y0
    return f"POLYGON(({x} {y},{x + 100} {y + 100},{x + 100} {y},{x} {y + 100},{x} {y}))"


ROWS = [
    row(1, "C1", "0101", kcxs="0.05", kcmj="500", tbdlmj="9500", gddb="5"),
    row(2, "C2", "0702", czcsxm="203"),
    row(3, "P3", "0101", kcxs="0.05", kcmj="500", tbdlmj="9400", gddb="5"),
    row(4, "P4", tbmj="12000", tbdlmj="12000"),
    row(5, "P5", "0404", kcmj="-1", tbdlmj="10001"),
    row(6, "P6", "0301", tbmj="0", tbdlmj="0"),
    row(7, "P7", "0101", kcxs="0.05", kcmj="12000", tbdlmj="-2000", gddb="5"),
    row(8, "P8", "0101", kcxs="1.2", kcmj="500", tbdlmj="9500", gddb="5"),
    row(9, "P9", "0102", gddb="99"),
    row(10, "P10", tbmj="NaN"),
    row(11, "P11", "0404", tbmj="一万"),
    row(12, "P12", "0201", kcxs="0.05", kcmj="500", tbdlmj="9500"),
    row(13, "P13", ""),
    row(14, "P14", "9999"),
    row(15, "P15", "0702", czcsxm="209"),
    row(16, "P16", "0702", czcsxm=""),
    row(17, "P17", "0602", czcsxm="203"),
    row(18, "P18", wkt=""),
    row(19, "P19", wkt="POLYGON EMPTY"),
    row(20, "P20", wkt=bow_tie(20), tbmj="5000", tbdlmj="5000"),
    row(21, "P21", wkt=square(21)),
    row(21, "P22", wkt=square(21, shift=80.0)),
    row(23, "P23"),
    row(23, "P24"),
    row(25, "D"),
    row(26, "D"),
    row(27, "C27", name="\ufffd村"),
]
EXPECTED = {
    "P3": {"area_consistency"}, "P4": {"area_mismatch"}, "P5": {"area_negative"}, "P6": {"area_zero"},
    "P7": {"kcmj_exceeds", "area_negative"}, "P8": {"kcxs_range"}, "P9": {"gddb_range"},
    "P10": {"value_not_finite"}, "P11": {"value_not_number"}, "P12": {"tiankan_on_non_cultivated"},
    "P13": {"code_empty"}, "P14": {"code_unknown"}, "P15": {"czcsxm_invalid"}, "P16": {"czcsxm_missing"},
    "P17": {"czcsxm_wrong"}, "P18": {"geometry_null"}, "P19": {"geometry_empty"}, "P20": {"geometry_invalid"},
    "P21": {"overlap"}, "P22": {"overlap"}, "P23": {"duplicate_geometry"}, "P24": {"duplicate_geometry"},
    "D": {"bsm_duplicate"},
}


@pytest.fixture
def layer(qgis_app):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer

    result = QgsVectorLayer("Polygon?crs=EPSG:4528", "地类图斑", "memory")
    result.dataProvider().addAttributes([QgsField(n, t) for n, t in FIELDS])
    result.updateFields()
    features = []
    for r in ROWS:
        feature = QgsFeature(result.fields())
        if r["wkt"]:
            feature.setGeometry(QgsGeometry.fromWkt(r["wkt"]))
        feature.setAttributes([r[n] for n, _ in FIELDS])
        features.append(feature)
    result.dataProvider().addFeatures(features)
    return result


def run(layer, **params):
    return processing.run("landconsolidation:checkdata",
                          {"INPUT": layer, "OUTPUT": "memory:", "OUTPUT_PARCELS": "memory:", **params})


def findings_by_bsm(result):
    out = {}
    for f in result["OUTPUT"].getFeatures():
        out.setdefault(f["BSM"].replace("BSM ", ""), set()).add(f["CHECK"])
    return out


def test_each_planted_defect_is_found_on_its_parcel_and_nothing_else(provider, layer):
    result = run(layer)
    got = findings_by_bsm(result)
    layer_level = got.pop("", set())
    assert layer_level == {"encoding"}
    assert got == EXPECTED
    for clean in ("C1", "C2", "C27"):
        assert clean not in got
    # bsm_duplicate gives one finding per parcel: 2; every other planted parcel one per check.
    assert result["FINDINGS"] == sum(len(v) for v in EXPECTED.values()) + 1 + 1  # + D's second parcel + encoding
    assert result["FLAGGED_PARCELS"] == len(EXPECTED) + 1


def test_findings_say_what_and_how_much(provider, layer):
    result = run(layer)
    rows = {(f["BSM"], f["CHECK"]): f for f in result["OUTPUT"].getFeatures()}
    overlap = rows[("BSM P21", "overlap")]
    assert overlap["AREA_M2"] == pytest.approx(2000.0, abs=0.1) and "BSM P22" in overlap["MESSAGE"]
    assert "100.00" in rows[("BSM P3", "area_consistency")]["MESSAGE"]
    mismatch = rows[("BSM P4", "area_mismatch")]["MESSAGE"]
    assert "12000.00" in mismatch and "容差 10.00" in mismatch
    assert "99" in rows[("BSM P9", "gddb_range")]["MESSAGE"]
    assert "一万" in rows[("BSM P11", "value_not_number")]["MESSAGE"]
    assert "ZLDWMC" in rows[("", "encoding")]["MESSAGE"]
    assert rows[("BSM P20", "geometry_invalid")]["MESSAGE"].startswith("几何无效")
    parcels = {f["BSM"]: f for f in result["OUTPUT_PARCELS"].getFeatures()}
    assert set(parcels) == {f"BSM {b}" for b in EXPECTED}
    assert parcels["BSM P7"]["CHECKS"].count("、") == 1  # two checks on one parcel
    assert parcels["BSM P18"].geometry().isNull()


def test_the_tolerance_is_a_parameter(provider, layer):
    """With 25 % allowed, P4's 2 000 m² difference (20 % of its 10 000 m² area) passes."""
    got = findings_by_bsm(run(layer, AREA_TOLERANCE_PCT=25.0))
    assert "P4" not in got


def test_the_clean_sample_has_no_finding(provider, sample_gpkg):
    result = run(f"{sample_gpkg}|layername=DLTB")
    assert result["FINDINGS"] == 0, [f.attributes() for f in result["OUTPUT"].getFeatures()][:5]
