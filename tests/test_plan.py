"""Before/after indicators on a hand-built plan (builders.PLAN), derived on paper.

Before (TBMJ; KCMJ = TBMJ × KCXS; TBDLMJ = TBMJ − KCMJ; 等别):

==  =====  =====  =====  ======  ==  ==============================
1   0101   10000  500    9500    5   → 0101, KCXS 0.02: 200 / 9800, 等别 4
2   0702    2000                     → 0103, KCXS 0.05: 100 / 1900, 等别 6
3   0201K   3000                     → 0102, KCXS 0.04: 120 / 2880, 等别 5
4   0102    2000  200    1800    7   → 0201 (耕地出)
5   0602    4000                     → 0301 (mine to forest)
6   0404    1500                     → 0702 (建新)
7   1006    1800                     unchanged
8   0103    3000  150    2850    6   unchanged (KCXS 0.05, 等别 6)
9   1104    3000                     → 0101, no 田坎: 3000, 等别 5
10  0101    2000  100    1900    4   → 1202 (耕地出)
11  1106    1500                     unchanged (湿地)
12  0305    1000                     → 0103, no 田坎: 1000, 等别 7
==  =====  =====  =====  ======  ==  ==============================

Project area Σ TBMJ = 34 800.
耕地 before = 9500 + 1800 + 2850 + 1900 = 16 050 (0101 11 400, 0102 1800, 0103 2850).
耕地 after = 9800 + 1900 + 2880 + 2850 + 3000 + 1000 = 21 430
(0101 12 800, 0102 2880, 0103 5750).  新增 = 5380; rate = 5380 / 16050 =
33.5202 %; of the project area 5380 / 34800 = 15.4598 %.
Sources: 建设用地复垦 1900 (旱地, 等别 6), K 2880 (水浇地, 5), 园林草 1000 (旱地, 7),
坑塘 3000 (水田, 5), 田坎 +300 (水田), 减少 −1800 (水浇地) − 1900 (水田) = −3700;
sum 5380; 水田 3000 + 300 − 1900 = 1400, 水浇地 2880 − 1800 = 1080,
旱地 1900 + 1000 = 2900.
进出: 出 = 1800 + 1900 = 3700, 等别 (7·1800 + 4·1900)/3700 = 5.459459;
进 = 2880 + 3000 + 1000 = 6880, 等别 (5·2880 + 5·3000 + 7·1000)/6880 = 5.290698;
balanced.  等别 before 84 800 / 16 050 = 5.283489; after 104 100 / 21 430 = 4.857676.
建设用地 before 2000 + 4000 = 6000 (all rural: 村庄 203 and a scattered mine),
after 1500; 拆旧复垦 6000 (to 耕地 2000, to other 农用地 4000), 建新 1500, 节余 4500.
"""
import pytest
from builders import PLAN_FIELDS, memory_layer, plan_after_rows, plan_before_rows, rect
from qgis import processing
from qgis.core import QgsProcessingException

CULTIVATED = {
    "CULTIVATED_BEFORE_M2": 16050.0,
    "CULTIVATED_AFTER_M2": 21430.0,
    "ADDED_M2": 5380.0,
    "ADDED_RATE": 5380.0 / 16050.0 * 100,
    "ADDED_RATE_OF_PROJECT_AREA": 5380.0 / 34800.0 * 100,
    "OUT_M2": 3700.0,
    "IN_M2": 6880.0,
    "OUT_QUALITY": 20200.0 / 3700.0,
    "IN_QUALITY": 36400.0 / 6880.0,
    "QUALITY_BEFORE": 84800.0 / 16050.0,
    "QUALITY_AFTER": 104100.0 / 21430.0,
    "OCCUPIED_M2": 0.0,
    "BALANCED": 1,
}
SOURCES = {  # SOURCE: (AREA, 水田, 水浇地, 旱地, 等别)
    "construction": (1900.0, 0.0, 0.0, 1900.0, 6.0),
    "restorable": (2880.0, 0.0, 2880.0, 0.0, 5.0),
    "garden_forest_grass": (1000.0, 0.0, 0.0, 1000.0, 7.0),
    "pond": (3000.0, 3000.0, 0.0, 0.0, 5.0),
    "unused": (0.0, 0.0, 0.0, 0.0, None),
    "other_agricultural": (0.0, 0.0, 0.0, 0.0, None),
    "tiankan": (300.0, 300.0, 0.0, 0.0, None),
    "loss": (-3700.0, -1900.0, -1800.0, 0.0, 20200.0 / 3700.0),
    "total": (5380.0, 1400.0, 1080.0, 2900.0, None),
}
MATRIX = {
    ("0101", "0101"): 10000.0, ("0101", "1202"): 2000.0, ("0102", "0201"): 2000.0, ("0103", "0103"): 3000.0,
    ("0201", "0102"): 3000.0, ("0305", "0103"): 1000.0, ("0404", "0702"): 1500.0, ("0602", "0301"): 4000.0,
    ("0702", "0103"): 2000.0, ("1006", "1006"): 1800.0, ("1104", "0101"): 3000.0, ("1106", "1106"): 1500.0,
}
CONSTRUCTION = {
    "CONSTRUCTION_BEFORE_M2": 6000.0,
    "CONSTRUCTION_AFTER_M2": 1500.0,
    "RURAL_BEFORE_M2": 6000.0,
    "RURAL_AFTER_M2": 1500.0,
    "RECLAIMED_M2": 6000.0,
    "RECLAIMED_TO_CULTIVATED_M2": 2000.0,
    "RECLAIMED_TO_AGRICULTURAL_M2": 4000.0,
    "RECLAIMED_TO_UNUSED_M2": 0.0,  # nothing is reclaimed to 未利用地
    "NEW_BUILD_M2": 1500.0,
    "SURPLUS_M2": 4500.0,
}


@pytest.fixture
def before():
    return memory_layer("DLTB", plan_before_rows(), fields=PLAN_FIELDS)


@pytest.fixture
def after():
    return memory_layer("DLTB_GH", plan_after_rows(), fields=PLAN_FIELDS)


def by_field(before, **extra):
    return {"BEFORE": before, "AFTER_FIELD": "GHDLBM", "AFTER_KCXS_FIELD": "GHKCXS",
            "AFTER_GDDB_FIELD": "GHGDDB", "OUTPUT": "memory:", **extra}


def by_layer(before, after, **extra):
    return {"BEFORE": before, "AFTER": after, "OUTPUT": "memory:", **extra}


def check_numbers(result, expected):
    for key, value in expected.items():
        assert result[key] == pytest.approx(value, abs=0.01), key


def source_rows(result):
    return {f["SOURCE"]: f for f in result["OUTPUT"].getFeatures()}


@pytest.mark.parametrize("mode", ["field", "layer"])
def test_cultivated_land(provider, before, after, mode):
    params = by_field(before) if mode == "field" else by_layer(before, after)
    result = processing.run("landconsolidation:cultivatedland", params)
    check_numbers(result, CULTIVATED)
    rows = source_rows(result)
    assert set(rows) == set(SOURCES)
    for key, (area, paddy, irrigated, dry, quality) in SOURCES.items():
        row = rows[key]
        assert row["AREA_M2"] == pytest.approx(area, abs=0.01), key
        assert row["PADDY_M2"] == pytest.approx(paddy, abs=0.01), key
        assert row["IRRIGATED_M2"] == pytest.approx(irrigated, abs=0.01), key
        assert row["DRY_M2"] == pytest.approx(dry, abs=0.01), key
        if quality is None:
            assert row["QUALITY"] is None or str(row["QUALITY"]) == "NULL", key
        else:
            assert row["QUALITY"] == pytest.approx(round(quality, 2), abs=1e-9), key  # the table's 2 decimals


@pytest.mark.parametrize("mode", ["field", "layer"])
def test_transition_matrix(provider, before, after, mode):
    params = by_field(before) if mode == "field" else by_layer(before, after)
    result = processing.run("landconsolidation:transitionmatrix", params)
    got = {(f["FROM_DLBM"], f["TO_DLBM"]): f["AREA_M2"] for f in result["OUTPUT"].getFeatures()}
    assert got.keys() == MATRIX.keys()
    for key, value in MATRIX.items():
        assert got[key] == pytest.approx(value, abs=0.01), key
    assert result["TOTAL_M2"] == pytest.approx(34800.0, abs=0.01)
    # Unchanged: 1 (0101→0101), 7, 8, 11 = 10000 + 1800 + 3000 + 1500.
    assert result["CHANGED_M2"] == pytest.approx(34800.0 - 16300.0, abs=0.01)
    # Rows add up to the before structure by gross area: 0101 = parcels 1 + 10.
    assert sum(v for (a, _), v in got.items() if a == "0101") == pytest.approx(12000.0, abs=0.01)
    # Codes on one side only: 1202 only after, 0404 only before.
    assert not any(a == "1202" for a, _ in got) and not any(b == "0404" for _, b in got)


@pytest.mark.parametrize("mode", ["field", "layer"])
def test_construction_land(provider, before, after, mode):
    params = by_field(before) if mode == "field" else by_layer(before, after)
    result = processing.run("landconsolidation:constructionland", params)
    check_numbers(result, CONSTRUCTION)


def test_construction_per_subproject(provider, before, after):
    """Sub-project 拆旧 over parcels 2 and half of 5 (x 250..275): 2000 + 2000 reclaimed,
    of which 2000 to 耕地; 建新 over parcel 6: 1500."""
    fields = [("XMMC", 10), ("XMLX", 10)]
    ring_2, ring_5 = rect(100, 0, 150, 40)[9:-2], rect(250, 0, 275, 80)[9:-2]
    subs = memory_layer("ZXM", [
        {"XMMC": "东村拆旧复垦", "XMLX": "建设用地复垦", "wkt": f"MULTIPOLYGON((({ring_2})),(({ring_5})))"},
        {"XMMC": "安置点", "XMLX": "建新安置", "wkt": rect(300, 0, 330, 50)},
    ], fields=fields, geometry="MultiPolygon")
    result = processing.run("landconsolidation:constructionland", by_layer(before, after, SUBPROJECTS=subs))
    rows = {f["NAME"]: f for f in result["OUTPUT"].getFeatures()}
    assert rows["东村拆旧复垦"]["RECLAIMED_M2"] == pytest.approx(4000.0, abs=0.01)
    assert rows["东村拆旧复垦"]["RECLAIMED_TO_CULTIVATED_M2"] == pytest.approx(2000.0, abs=0.01)
    assert rows["东村拆旧复垦"]["NEW_BUILD_M2"] == pytest.approx(0.0, abs=0.01)
    assert rows["安置点"]["NEW_BUILD_M2"] == pytest.approx(1500.0, abs=0.01)
    assert rows["安置点"]["SURPLUS_M2"] == pytest.approx(-1500.0, abs=0.01)
    assert rows["项目区合计"]["SURPLUS_M2"] == pytest.approx(4500.0, abs=0.01)


@pytest.mark.parametrize("mode", ["field", "layer"])
def test_ecological_land(provider, before, after, mode):
    params = by_field(before) if mode == "field" else by_layer(before, after)
    result = processing.run("landconsolidation:ecologicalland", params)
    expected = {"WETLAND": (1500.0, 1500.0), "FOREST": (1000.0, 4000.0), "GRASS": (1500.0, 0.0),
                "WATER": (3000.0, 0.0)}
    for key, (b, a) in expected.items():
        assert result[f"{key}_BEFORE_M2"] == pytest.approx(b, abs=0.01), key
        assert result[f"{key}_AFTER_M2"] == pytest.approx(a, abs=0.01), key


def test_project_area_restricts_both_layers(provider, before, after):
    """Boundary x ∈ [0, 200]: parcels 1, 2, 3, 8, 10 whole, the road 7 at 2/3.

    耕地 before = 9500 + 2850 + 1900 = 14 250; after = 9800 + 1900 + 2880 + 2850
    = 17 430; 新增 3180 = 22.3158 %; project area 10000 + 2000 + 3000 + 3000 +
    2000 + 1200 = 21 200.
    """
    area = memory_layer("XMQ", [{"wkt": rect(0, -5, 200, 110)}], fields=[])
    expected = {"CULTIVATED_BEFORE_M2": 14250.0, "CULTIVATED_AFTER_M2": 17430.0, "ADDED_M2": 3180.0,
                "ADDED_RATE": 3180.0 / 14250.0 * 100, "ADDED_RATE_OF_PROJECT_AREA": 3180.0 / 21200.0 * 100}
    for params in (by_field(before, PROJECT_AREA=area), by_layer(before, after, PROJECT_AREA=area)):
        check_numbers(processing.run("landconsolidation:cultivatedland", params), expected)


def test_after_layer_not_covering_is_reported(provider, before, chinese):
    partial = memory_layer("DLTB_GH", plan_after_rows(drop=("12",)), fields=PLAN_FIELDS)
    with pytest.raises(QgsProcessingException, match=r"未覆盖.*1 个图斑.*1000\.00 m².*BSM 12"):
        processing.run("landconsolidation:cultivatedland", by_layer(before, partial))
    # Kept unchanged on request: parcel 12 stays 0305, so 新增 = 5380 − 1000.
    result = processing.run("landconsolidation:cultivatedland", by_layer(before, partial, UNCOVERED=1))
    assert result["ADDED_M2"] == pytest.approx(4380.0, abs=0.01)


def test_plan_source_must_be_given_once(provider, before, after):
    with pytest.raises(QgsProcessingException, match="AFTER_FIELD"):
        processing.run("landconsolidation:cultivatedland", {"BEFORE": before, "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="AFTER_FIELD"):
        processing.run("landconsolidation:cultivatedland", by_layer(before, after, AFTER_FIELD="GHDLBM"))


def test_unknown_planned_code(provider):
    rows = plan_before_rows()
    rows[0]["GHDLBM"] = "0199"
    layer = memory_layer("DLTB", rows, fields=PLAN_FIELDS)
    with pytest.raises(QgsProcessingException, match="0199"):
        processing.run("landconsolidation:cultivatedland", by_field(layer))


def test_overlapping_after_layer(provider, before, chinese):
    """A planned parcel copied (same polygon, another BSM) is named as recorded twice; one that overlaps its
    neighbours (a copy of G12 shifted 25 m west, over half of G12 and a strip of G9) as overlapping."""
    rows = plan_after_rows()
    extra = dict(rows[-1])
    extra["BSM"] = "DUP"
    layer = memory_layer("DLTB_GH", rows + [extra], fields=PLAN_FIELDS)
    with pytest.raises(QgsProcessingException, match="G12 = BSM DUP"):
        processing.run("landconsolidation:cultivatedland", by_layer(before, layer))
    shifted = dict(rows[-1])
    shifted["BSM"] = "SHIFT"
    shifted["wkt"] = rect(225, 80, 275, 100)
    layer = memory_layer("DLTB_GH", rows + [shifted], fields=PLAN_FIELDS)
    with pytest.raises(QgsProcessingException, match="重叠"):
        processing.run("landconsolidation:cultivatedland", by_layer(before, layer))



def test_type_change_inside_cultivated_land(provider):
    """0102 (TBMJ 1000, KCXS 0.10 → 900) planned as 0101 with KCXS 0.05 (→ 950):
    新增 = +50, all in the 耕地-internal row; by type 水田 +950, 水浇地 −900."""
    rows = [dict(plan_before_rows()[0])]
    rows[0].update({"DLBM": "0102", "TBMJ": 1000.0, "KCXS": 0.1, "KCMJ": 100.0, "TBDLMJ": 900.0,
                    "GHDLBM": "0101", "GHKCXS": 0.05, "wkt": rect(0, 0, 40, 25)})
    layer = memory_layer("DLTB", rows, fields=PLAN_FIELDS)
    result = processing.run("landconsolidation:cultivatedland", by_field(layer))
    assert result["ADDED_M2"] == pytest.approx(50.0, abs=0.01)
    internal = source_rows(result)["tiankan"]
    assert (internal["AREA_M2"], internal["PADDY_M2"], internal["IRRIGATED_M2"], internal["DRY_M2"]) == \
        pytest.approx((50.0, 950.0, -900.0, 0.0), abs=0.01)
