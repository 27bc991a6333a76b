"""landconsolidation:farmlandadjustment – 永久基本农田调整 review (I6).

The hand-built pair (metres from the builders' origin, EPSG:4528):

==== =================== ============= ==================== ===========================
id   before              after         GDDB / GDPDJB         DLTB underneath
==== =================== ============= ==================== ===========================
P1   (0,0)–(100,100)     identical     5 / 1                 0101
P2   (100,0)–(150,100)   –             6 / 2                 0101 水田
P3   (0,100)–(100,130)   (0,100)–(50,130)  7 / 4             0102 水浇地
P4   (200,0)–(300,100)   notch 0.02 × 30 m on the west edge  0101
P5   (300,0)–(400,100)   bump 0.01 × 50 m on the east edge   0101
N1   –                   (0,200)–(120,300)  6 / 5            0101 (x<60, GDDB 9) | 1202
N2   –                   (150,200)–(250,250)  – / –          0103 (x<200, GDDB 8, GDPDJB 3) | 0404
N3   –                   (260,200)–(300,210)  4 / 1          0702 (x<280) | 1206
==== =================== ============= ==================== ===========================

调出 = P2 (5 000 m², 7.5 亩) + the east half of P3 (1 500 m², 2.25 亩); P4's notch
(0.6 m²) is a sliver.  调入 = N1 (12 000, 18 亩), N2 (5 000, 7.5 亩), N3 (400,
0.6 亩); P5's bump (0.5 m²) is a sliver.

On paper:

* 调出: area 6 500, 2 parcels, mean 3 250 m² = 4.875 亩;
  等别 (5 000 × 6 + 1 500 × 7) / 6 500 = 6.230769; 水田 5 000, 水浇地 1 500;
  slope grade 2 → ≤15° 5 000, grade 4 → 15°–25° 1 500; bins: ≤5 亩 1 (1 500),
  5–10 亩 1 (5 000).
* 调入: area 17 400, 3 parcels, mean 5 800 m² = 8.7 亩; N2 has no GDDB, so its
  grade is the DLTB 耕地 under it (0103, 等别 8) over the 2 500 m² it covers:
  (12 000 × 6 + 2 500 × 8 + 400 × 4) / 14 900 = 6.281879;
  水田 6 000, 非耕农用地 6 000 (1202) + 2 500 (0404) = 8 500, 旱地 2 500,
  建设用地 200 (0702), 未利用地 200 (1206);
  slope >25° 12 000 (N1 grade 5), ≤15° 2 500 (DLTB grade 3 under N2) + 400 (N3)
  = 2 900, 未知 2 500 (the 0404 under N2); bins ≤5 亩 1 (400), 5–10 1 (5 000),
  10–20 1 (12 000).
* 原永久基本农田 10 000 + 5 000 + 3 000 + 10 000 + 10 000 = 38 000.
* 新增比例 (17 400 − 6 500) / 6 500 = 167.6923 %; 调出比例 6 500 / 38 000 =
  17.1053 %; 集中连片度 (5 800 − 3 250) / 3 250 = 78.4615 %.

Areas are ellipsoidal; 20 km east of the central meridian the plane areas
written above are ≈ 1e-5 larger, hence ``rel=2e-5``.
"""
import math

import pandas as pd
import pytest
from builders import DLTB_FIELDS, VILLAGE_A, X0, Y0, memory_layer, parcel, rect
from land_consolidation.core import farmland
from qgis import processing
from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QVariant

ALG = "landconsolidation:farmlandadjustment"
PBF_FIELDS = [
    ("BSM", QVariant.Type.String),
    ("DLBM", QVariant.Type.String),
    ("YJJBNTTBMJ", QVariant.Type.Double),
    ("GDDB", QVariant.Type.Int),
    ("GDPDJB", QVariant.Type.String),
    ("ZLDWDM", QVariant.Type.String),
]
GROUND_FIELDS = DLTB_FIELDS + [("GDPDJB", QVariant.Type.String)]
REL = 2e-5


def poly(*points):
    """WKT polygon from points relative to the origin."""
    ring = [*points, points[0]]
    return "POLYGON((" + ",".join(f"{X0 + x} {Y0 + y}" for x, y in ring) + "))"


def pbf(bsm, wkt, mj, gddb=None, gdpdjb=None, code="0101"):
    return {"BSM": bsm, "DLBM": code, "YJJBNTTBMJ": mj, "GDDB": gddb, "GDPDJB": gdpdjb, "ZLDWDM": VILLAGE_A,
            "wkt": wkt}


NOTCHED_P4 = poly((200, 0), (300, 0), (300, 100), (200, 100), (200, 70), (200.02, 70), (200.02, 40), (200, 40))
BUMPED_P5 = poly((300, 0), (400, 0), (400, 20), (400.01, 20), (400.01, 70), (400, 70), (400, 100), (300, 100))


def before_rows():
    return [
        pbf("P1", rect(0, 0, 100, 100), 9600.0, 5, "1"),
        pbf("P2", rect(100, 0, 150, 100), 4800.0, 6, "2"),
        pbf("P3", rect(0, 100, 100, 130), 2900.0, 7, "4", code="0102"),
        pbf("P4", rect(200, 0, 300, 100), 9700.0, 5, "1"),
        pbf("P5", rect(300, 0, 400, 100), 9700.0, 5, "1"),
    ]


def after_rows():
    return [
        pbf("P1", rect(0, 0, 100, 100), 9600.0, 5, "1"),
        pbf("P3", rect(0, 100, 50, 130), 1450.0, 7, "4", code="0102"),
        pbf("P4", NOTCHED_P4, 9700.0, 5, "1"),
        pbf("P5", BUMPED_P5, 9700.0, 5, "1"),
        pbf("N1", rect(0, 200, 120, 300), 11500.0, 6, "5"),
        pbf("N2", rect(150, 200, 250, 250), 4900.0),
        pbf("N3", rect(260, 200, 300, 210), 400.0, 4, "1"),
    ]


def ground_rows():
    def g(bsm, code, wkt, tbmj, gddb=None, slope=None):
        return {**parcel(bsm, code, wkt, tbmj, VILLAGE_A, gddb=gddb), "GDPDJB": slope}

    return [
        g("1", "0101", rect(0, 0, 100, 100), 10000.0, 5, "1"),
        g("2", "0101", rect(100, 0, 150, 100), 5000.0, 6, "2"),
        g("3", "0102", rect(0, 100, 100, 130), 3000.0, 7, "4"),
        g("4", "0101", rect(200, 0, 300, 100), 10000.0, 5, "1"),
        g("5", "0101", rect(300, 0, 400, 100), 10000.0, 5, "1"),
        g("6", "0101", rect(0, 200, 60, 300), 6000.0, 9, "1"),
        g("7", "1202", rect(60, 200, 120, 300), 6000.0),
        g("8", "0103", rect(150, 200, 200, 250), 2500.0, 8, "3"),
        g("9", "0404", rect(200, 200, 250, 250), 2500.0),
        g("10", "0702", rect(260, 200, 280, 210), 200.0),
        g("11", "1206", rect(280, 200, 300, 210), 200.0),
    ]


def layers():
    return (
        memory_layer("YJJBNTTB", before_rows(), fields=PBF_FIELDS),
        memory_layer("YJJBNTTB_GH", after_rows(), fields=PBF_FIELDS),
        memory_layer("DLTB", ground_rows(), fields=GROUND_FIELDS),
    )


def run(before, after, ground=None, **params):
    for key in ("OUTPUT", "OUT_PARCELS", "IN_PARCELS"):
        params.setdefault(key, "memory:")
    values = {"PBF_BEFORE": before, "PBF_AFTER": after, **params}
    if ground is not None:
        values["DLTB"] = ground
    return processing.run(ALG, values)


def table(result):
    return {f["ITEM"]: f for f in result["OUTPUT"].getFeatures()}


@pytest.fixture
def result(provider):
    return run(*layers())


def test_numbers(result):
    assert result["OUT_M2"] == pytest.approx(6500.0, rel=REL)
    assert result["IN_M2"] == pytest.approx(17400.0, rel=REL)
    assert (result["OUT_COUNT"], result["IN_COUNT"]) == (2, 3)
    # Grades and percentages are output with 2 decimals, as the review form states them.
    assert result["OUT_QUALITY"] == round(40500.0 / 6500.0, 2)
    assert result["IN_QUALITY"] == round(93600.0 / 14900.0, 2)
    assert result["ADDED_RATIO"] == pytest.approx(round(10900.0 / 6500.0 * 100.0, 2), abs=0.011)
    assert result["OUT_RATIO"] == pytest.approx(round(6500.0 / 38000.0 * 100.0, 2), abs=0.011)
    assert result["CONTIGUITY_CHANGE"] == pytest.approx(round((5800.0 - 3250.0) / 3250.0 * 100.0, 2), abs=0.011)
    assert result["PBF_BEFORE_M2"] == pytest.approx(38000.0, rel=REL)
    assert result["PBF_AFTER_M2"] == pytest.approx(48899.9, rel=REL)
    assert result["SLIVERS"] == 2
    assert result["ADDED_RATIO_OK"] == 1


def test_review_table(result):
    rows = table(result)
    mu = 15.0 / 10000.0

    def pair(item):
        return rows[item]["OUT"], rows[item]["IN"]

    assert pair("AREA_MU") == (pytest.approx(6500 * mu, rel=REL), pytest.approx(17400 * mu, rel=REL))
    assert pair("COUNT") == (2.0, 3.0)
    assert pair("MEAN_MU") == (pytest.approx(4.875, rel=REL), pytest.approx(8.7, rel=REL))
    expected_classes = {  # 水田, 水浇地, 旱地, 非耕农用地, 建设用地, 未利用地 (m²)
        "CLASS_1": (5000, 6000), "CLASS_2": (1500, 0), "CLASS_3": (0, 2500),
        "CLASS_4": (0, 8500), "CLASS_5": (0, 200), "CLASS_6": (0, 200),
    }
    for item, (out, in_) in expected_classes.items():
        assert pair(item) == (pytest.approx(out * mu, rel=REL, abs=1e-9), pytest.approx(in_ * mu, rel=REL, abs=1e-9))
    assert "CLASS_7" not in rows  # 未覆盖: everything lies on DLTB parcels
    assert rows["CLASS_1"]["NAME"] == "现状地类：水田"
    expected_slopes = {"SLOPE_1": (5000, 2900), "SLOPE_2": (1500, 0), "SLOPE_3": (0, 12000), "SLOPE_4": (0, 2500)}
    for item, (out, in_) in expected_slopes.items():
        assert pair(item) == (pytest.approx(out * mu, rel=REL, abs=1e-9), pytest.approx(in_ * mu, rel=REL, abs=1e-9))
    assert [pair(f"BIN_{k}_COUNT") for k in (1, 2, 3, 4)] == [(1.0, 1.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]
    assert pair("BIN_3_MU") == (0.0, pytest.approx(18.0, rel=REL))
    assert rows["ADDED_RATIO"]["RESULT"] == "符合"
    assert rows["ADDED_RATIO"]["THRESHOLD"] == 5.0
    # Quality: 调入 6.28 is worse (a larger 等别) than 调出 6.23.
    assert rows["QUALITY"]["RESULT"] == "不符合"
    # The table states the 等别 difference to 2 decimals (6.28 − 6.23), the outputs keep the means exact.
    assert rows["QUALITY"]["VALUE"] == round(93600 / 14900 - 40500 / 6500, 2) == 0.05
    assert rows["PBF_BEFORE_MU"]["VALUE"] == pytest.approx(38000 * mu, rel=REL)


def test_parcel_layers(result):
    out = {f["BSM"]: f for f in result["OUT_PARCELS"].getFeatures()}
    assert set(out) == {"P2", "P3"}
    assert out["P3"]["AREA_M2"] == pytest.approx(1500.0, rel=REL)
    assert out["P3"]["CLASS"] == "水浇地"
    assert out["P3"]["SLOPE"] == "15°-25°"
    assert out["P3"]["SIZE_BIN"] == "≤5亩"
    assert out["P3"]["GDDB"] == 7.0 and out["P3"]["GRADE_FROM"] == "PBF"
    assert out["P3"].geometry().area() == pytest.approx(1500.0, rel=1e-9)
    got_in = {f["BSM"]: f for f in result["IN_PARCELS"].getFeatures()}
    assert set(got_in) == {"N1", "N2", "N3"}
    assert got_in["N2"]["GDDB"] == 8.0 and got_in["N2"]["GRADE_FROM"] == "DLTB"
    assert got_in["N1"]["SIZE_BIN"] == "10-20亩"
    assert got_in["N1"]["SLOPE"] == ">25°"
    assert all(f["SIDE"] == "调入" for f in got_in.values())


def test_slivers_kept_when_the_setting_is_lower(provider):
    """SLIVER_AREA 0.1 m²: the 0.6 m² notch of P4 and the 0.5 m² bump of P5 become parcels."""
    got = run(*layers(), SLIVER_AREA=0.1)
    assert (got["OUT_COUNT"], got["IN_COUNT"]) == (3, 4)
    assert got["OUT_M2"] == pytest.approx(6500.6, rel=REL)
    assert got["IN_M2"] == pytest.approx(17400.5, rel=REL)
    assert got["SLIVERS"] == 0


def test_area_field_basis(provider):
    """YJJBNTTBMJ basis: 调出 P2 4 800 + half of P3's 2 900 = 6 250; 调入 11 500 + 4 900 + 400 =
    16 800; 原 9 600 + 4 800 + 2 900 + 9 700 + 9 700 = 36 700.  新增比例 10 550 / 6 250 = 168.8 %,
    调出比例 6 250 / 36 700 = 17.0300 %."""
    got = run(*layers(), AREA_BASIS=1)
    assert got["OUT_M2"] == pytest.approx(6250.0, rel=1e-6)
    assert got["IN_M2"] == pytest.approx(16800.0, rel=1e-6)
    assert got["PBF_BEFORE_M2"] == pytest.approx(36700.0, rel=1e-6)
    assert got["ADDED_RATIO"] == pytest.approx(168.8, rel=1e-6)
    assert got["OUT_RATIO"] == round(6250.0 / 36700.0 * 100.0, 2)


def test_without_dltb(provider):
    """No DLTB: the class is 未覆盖; N2 has no grade at all and is left out of the mean:
    调入 等别 (12 000 × 6 + 400 × 4) / 12 400 = 5.935484."""
    before, after, _ = layers()
    got = run(before, after)
    assert got["IN_QUALITY"] == round(73600.0 / 12400.0, 2)
    rows = table(got)
    assert rows["CLASS_7"]["NAME"] == "现状地类：未覆盖"
    assert rows["CLASS_7"]["IN"] == pytest.approx(17400 * 15 / 10000, rel=REL)


def test_project_area_restricts_both_layers(provider):
    """Boundary x −10…160, y −10…310: P4, P5 and N3 lie outside, Q touches it along an edge;
    a tenth of N2 (x 150–160, 10 × 50 = 500 m² on 0103) inside.  调出 6 500 as before; 调入 12 000 + 500 = 12 500;
    原 10 000 + 5 000 + 3 000 = 18 000."""
    area = memory_layer("XMQ", [{"wkt": rect(-10, -10, 160, 310)}], fields=[])
    touching = pbf("Q", rect(160, 0, 190, 100), 3000.0, 5, "1")  # meets the boundary along x = 160 only
    before, after, ground = layers()
    before = memory_layer("YJJBNTTB", before_rows() + [touching], fields=PBF_FIELDS)
    got = run(before, after, ground, PROJECT_AREA=area)
    assert got["OUT_M2"] == pytest.approx(6500.0, rel=REL)
    assert got["IN_M2"] == pytest.approx(12500.0, rel=REL)
    assert got["PBF_BEFORE_M2"] == pytest.approx(18000.0, rel=REL)
    assert got["IN_COUNT"] == 2


def test_other_field_names_detected(provider):
    """YJJBNTMJ (lower case) as the area field and ZLDJ for 等别 are found."""
    fields = [("bsm", QVariant.Type.String), ("dlbm", QVariant.Type.String), ("yjjbntmj", QVariant.Type.Double),
              ("zldj", QVariant.Type.Int), ("pdjb", QVariant.Type.String)]
    rows_b = [{"bsm": "A", "dlbm": "0101", "yjjbntmj": 900.0, "zldj": 3, "pdjb": "2", "wkt": rect(0, 0, 30, 30)}]
    rows_a = [{"bsm": "B", "dlbm": "0101", "yjjbntmj": 1000.0, "zldj": 4, "pdjb": "1", "wkt": rect(50, 0, 90, 25)}]
    got = run(memory_layer("JBNTBHTB", rows_b, fields=fields), memory_layer("JBNTBHTB_TZH", rows_a, fields=fields),
              AREA_BASIS=1)
    assert got["OUT_M2"] == pytest.approx(900.0)
    assert got["IN_M2"] == pytest.approx(1000.0)
    assert (got["OUT_QUALITY"], got["IN_QUALITY"]) == (3.0, 4.0)
    assert got["ADDED_RATIO"] == round(100.0 / 9.0, 2)


def test_nothing_removed(provider):
    """Identical layers: no 调出, so the ratios have no value (NULL) and the rule fails."""
    before, _, ground = layers()
    got = run(before, memory_layer("YJJBNTTB_GH", before_rows(), fields=PBF_FIELDS), ground)
    assert (got["OUT_COUNT"], got["IN_COUNT"]) == (0, 0)
    assert got["ADDED_RATIO"] is None
    assert got["ADDED_RATIO_OK"] == 0


def test_geographic_crs_is_an_error(provider, chinese):
    before = memory_layer("YJJBNTTB", [pbf("A", "POLYGON((120.3 31.5,120.301 31.5,120.301 31.501,120.3 31.5))",
                                           1.0)], fields=PBF_FIELDS, crs="EPSG:4490")
    with pytest.raises(QgsProcessingException, match="地理坐标系"):
        run(before, before)


def test_bundled_sample_matches_its_design(provider, bundled_sample):
    """The sample generator picks 调出 and 调入 parcels and records their 三调 areas (TBMJ);
    the geometric review must find exactly those parcels, with the re-digitised
    boundaries dropped as slivers."""
    path, summary = bundled_sample
    design = summary["projects"][0]
    uri = lambda layer: f"{path}|layername={layer}"  # noqa: E731
    got = run(uri("YJJBNTTB"), uri("YJJBNTTB_GH"), uri("DLTB"), PROJECT_AREA=uri("XMQ"))
    assert got["OUT_COUNT"] == design["pbf_out_count"]
    assert got["IN_COUNT"] == design["pbf_in_count"]
    assert got["OUT_M2"] == pytest.approx(design["pbf_out"], abs=0.01 * design["pbf_out_count"])
    assert got["IN_M2"] == pytest.approx(design["pbf_in"], abs=0.01 * design["pbf_in_count"])
    # The design sums TBMJ rounded to 0.01 m² per parcel; hundreds of parcels.
    assert got["PBF_BEFORE_M2"] == pytest.approx(design["pbf_before"], rel=1e-6)
    assert got["ADDED_RATIO"] == pytest.approx(design["pbf_added_ratio"], abs=0.01)
    assert got["SLIVERS"] >= 1


# ---------------------------------------------------------------------------
# Pure pieces
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "mu, expected",
    [(0.1, "≤5亩"), (5.0, "≤5亩"), (5.001, "5-10亩"), (10.0, "5-10亩"), (20.0, "10-20亩"), (20.01, ">20亩")],
)
def test_size_bins_left_open_right_closed(mu, expected):
    assert farmland.size_bin(mu * 10000.0 / 15.0) == expected


@pytest.mark.parametrize(
    "grade, expected",
    [("1", "≤15°"), (3, "≤15°"), ("4", "15°-25°"), (5, ">25°"), (None, "未知"), ("", "未知"), ("9", "未知")],
)
def test_slope_classes(grade, expected):
    assert farmland.slope_class(grade) == expected


@pytest.mark.parametrize(
    "code, expected",
    [("0101", "水田"), ("0102", "水浇地"), ("0103", "旱地"), ("0201K", "非耕农用地"), ("1006", "非耕农用地"),
     ("0702", "建设用地"), ("1206", "未利用地"), ("9999", "未覆盖")],
)
def test_current_class(code, expected):
    assert farmland.current_class(code) == expected


def test_guess_layer_names():
    assert farmland.guess_pbf_layers(["DLTB", "yjjbnttb", "YJJBNTTB_GH", "XMQ"]) == ("yjjbnttb", "YJJBNTTB_GH")
    assert farmland.guess_pbf_layers(["JBNTBHTB", "JBNTBHTB_TZH"]) == ("JBNTBHTB", "JBNTBHTB_TZH")
    assert farmland.guess_pbf_layers(["DLTB"]) == (None, None)


def test_side_summary_and_ratios_on_a_frame():
    """Two pieces: 2 000 m² (3 亩, 等别 4) and 8 000 m² (12 亩, no grade):
    quality 4 (only the graded area counts), mean 5 000."""
    frame = pd.DataFrame({"area": [2000.0, 8000.0], "grade": [4.0, float("nan")], "grade_area": [2000.0, 0.0]})
    for name in farmland.CLASS_NAMES:
        frame[f"class_{name}"] = 0.0
    for name in farmland.SLOPE_NAMES:
        frame[f"slope_{name}"] = 0.0
    summary = farmland.side_summary(frame)
    assert (summary["area"], summary["count"], summary["mean"], summary["quality"]) == (10000.0, 2, 5000.0, 4.0)
    assert summary["bins"]["≤5亩"] == (1, 2000.0)
    assert summary["bins"]["10-20亩"] == (1, 8000.0)
    empty = farmland.side_summary(frame.iloc[0:0])
    figures = farmland.ratios(empty, summary, 40000.0)
    assert math.isnan(figures["ADDED_RATIO"]) and math.isnan(figures["CONTIGUITY_CHANGE"])
    assert farmland.ratios(summary, summary, 40000.0)["OUT_RATIO"] == 25.0


def test_after_layer_in_another_crs(provider):
    """The after layer in EPSG:4549 (no zone prefix) is reprojected to the before layer's
    CRS; the round trip moves vertices by nanometres, which only adds slivers."""
    before, after, ground = layers()
    moved = processing.run(
        "native:reprojectlayer", {"INPUT": after, "TARGET_CRS": "EPSG:4549", "OUTPUT": "memory:"}
    )["OUTPUT"]
    got = run(before, moved, ground)
    assert got["OUT_M2"] == pytest.approx(6500.0, rel=REL)
    assert got["IN_M2"] == pytest.approx(17400.0, rel=REL)
    assert (got["OUT_COUNT"], got["IN_COUNT"]) == (2, 3)


def test_a_project_area_that_misses_the_layers_is_an_error(provider, sample_gpkg, chinese):
    """Once this returned zeros with exit code 0."""
    far_away = memory_layer("XMQ", [{"wkt": "POLYGON((40600000 3400000,40600100 3400000,40600100 3400100,"
                                             "40600000 3400100,40600000 3400000))"}], fields=[])
    with pytest.raises(QgsProcessingException, match="没有重叠"):
        processing.run("landconsolidation:farmlandadjustment", {
            "PBF_BEFORE": f"{sample_gpkg}|layername=YJJBNTTB", "PBF_AFTER": f"{sample_gpkg}|layername=YJJBNTTB_GH",
            "PROJECT_AREA": far_away, "OUTPUT": "memory:", "OUT_PARCELS": "memory:", "IN_PARCELS": "memory:"})
