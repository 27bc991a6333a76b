"""landconsolidation:progress on a hand-built township: a plan and two later surveys, derived on paper.

Baseline (village 东村; rectangles in metres from the test origin; 田坎 KCMJ = TBMJ × KCXS):

===  =====  ==================  =====  =====  ====  =========================================
BSM  code   rectangle           TBMJ   KCXS   等别  plan (GHDLBM)
===  =====  ==================  =====  =====  ====  =========================================
1    0702   (0, 0, 100, 100)    10000               → 0103   sub-project ZXM01 (SSND 2026)
2    0201K  (100, 0, 200, 100)   8000               → 0102   ZXM01
3    0404   (200, 0, 300, 100)   6000               → 0103   ZXM02 (SSND 2027)
4    0305   (300, 0, 400, 100)   4000               → 0103   ZXM02
5    0103   (400, 0, 500, 100)   5000  0.05   6     → 0702   outside every sub-project
6    0101   (500, 0, 600, 100)   7000         5     unchanged
7    1006   (0, 100, 600, 105)   3000               unchanged
===  =====  ==================  =====  =====  ====  =========================================

Planned change (gross, the pieces are whole parcels): 10000 + 8000 + 6000 + 4000 + 5000 = 33000 m².
Planned 耕地: before 4750 (5) + 7000 (6) = 11750; after (new 耕地 has no 田坎 by default)
10000 + 8000 + 6000 + 4000 + 7000 = 35000; 新增 23250, rate 23250 / 11750 = 197.8723 %.
Planned 建设用地: 10000 → 5000 (−5000); 拆旧 10000, 建新 5000, 节余 5000.
The period is the sub-projects' 2026–2027, so changes outside every sub-project are due by 2027.

Survey DLTB_2026 (same boundaries): 1 is 0103 (KCXS 0.05 → 9500, 等别 6), 2 is 0102 (8000, 等别 5),
3–7 as in the baseline.  Realised 10000 + 8000 = 18000 of 33000 = 54.55 %.
ZXM01: 18000 / 18000, 100 %, 已完成; ZXM02: 0 / 10000, not due before 2027 → 未开始, to do 3、4;
outside: 0 / 5000 → 未开始, to do 5.  No unplanned change.
Realised 耕地 9500 + 8000 + 4750 + 7000 = 29250; 新增 17500 (75.27 % of the planned 23250);
建设用地 10000 → 0 (−10000), 拆旧 10000, 建新 0, 节余 10000.

Survey DLTB_2027: 1 0103 (9500), 2 0102 (8000), 3 0103 KCXS 0.05 (5700, 等别 7), 4 0103 (4000, 等别 7),
5 0702; parcel 6 is split: its west half (500–550) is still 0101 (3500) and its east half (550–600)
is 0702 (3500), a house the plan does not contain.  Realised 33000, 100 %; every sub-project 已完成.
Unplanned change: one part, baseline BSM 6, 0101 → 0101 planned, 0702 surveyed, 7000 × ½ = 3500 m²;
the red line (550–600 × 0–50) covers part of it → IN_RED_LINE 1; it lies on 永久基本农田 → ON_PBF 1.
Realised 耕地 9500 + 8000 + 5700 + 4000 + 3500 = 30700; 新增 18950; 建设用地 10000 → 8500 (−1500),
拆旧 10000, 建新 5000 + 3500 = 8500, 节余 1500.  The plan puts no 建设用地 on 永农 or in the red line
(通过); the realised state does: 3500 m² on 永农 and 3500 × 2500 / 5000 = 1750 m² in the red line (不通过).
"""
import pytest
from builders import PLAN_FIELDS, VILLAGE_A, memory_layer, parcel, rect
from qgis import processing
from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QVariant

BASELINE = [  # BSM, code, box, TBMJ, KCXS, 等别, CZCSXM, planned code
    ("1", "0702", (0, 0, 100, 100), 10000.0, None, None, "203", "0103"),
    ("2", "0201K", (100, 0, 200, 100), 8000.0, None, None, "", "0102"),
    ("3", "0404", (200, 0, 300, 100), 6000.0, None, None, "", "0103"),
    ("4", "0305", (300, 0, 400, 100), 4000.0, None, None, "", "0103"),
    ("5", "0103", (400, 0, 500, 100), 5000.0, 0.05, 6, "", "0702"),
    ("6", "0101", (500, 0, 600, 100), 7000.0, None, 5, "", ""),
    ("7", "1006", (0, 100, 600, 105), 3000.0, None, None, "", ""),
]
SURVEY_2026 = [  # BSM, code, box, TBMJ, KCXS, 等别, CZCSXM
    ("B1", "0103", (0, 0, 100, 100), 10000.0, 0.05, 6, ""),
    ("B2", "0102", (100, 0, 200, 100), 8000.0, None, 5, ""),
    ("B3", "0404", (200, 0, 300, 100), 6000.0, None, None, ""),
    ("B4", "0305", (300, 0, 400, 100), 4000.0, None, None, ""),
    ("B5", "0103", (400, 0, 500, 100), 5000.0, 0.05, 6, ""),
    ("B6", "0101", (500, 0, 600, 100), 7000.0, None, 5, ""),
    ("B7", "1006", (0, 100, 600, 105), 3000.0, None, None, ""),
]
SURVEY_2027 = [
    ("C1", "0103", (0, 0, 100, 100), 10000.0, 0.05, 6, ""),
    ("C2", "0102", (100, 0, 200, 100), 8000.0, None, 5, ""),
    ("C3", "0103", (200, 0, 300, 100), 6000.0, 0.05, 7, ""),
    ("C4", "0103", (300, 0, 400, 100), 4000.0, None, 7, ""),
    ("C5", "0702", (400, 0, 500, 100), 5000.0, None, None, "203"),
    ("C6a", "0101", (500, 0, 550, 100), 3500.0, None, 5, ""),
    ("C6b", "0702", (550, 0, 600, 100), 3500.0, None, None, "203"),
    ("C7", "1006", (0, 100, 600, 105), 3000.0, None, None, ""),
]
#: A shift (m) of the inner boundaries of the re-digitised 2027 survey: slivers of 0.4 m² < 1 m².
SHIFT = 0.004


def layer_of(name, rows, planned=False, shift=0.0):
    """A DLTB memory layer; ``shift`` moves every inner x-boundary (100 … 500) and the road's edge."""
    def moved(box):
        x1, y1, x2, y2 = box
        x1, x2 = (x + shift if 0 < x < 600 and x % 100 == 0 else x for x in (x1, x2))
        y1, y2 = (y + shift if y == 100 else y for y in (y1, y2))
        return x1, y1, x2, y2

    out = []
    for row in rows:
        bsm, code, box, tbmj, kcxs, gddb, czcsxm = row[:7]
        record = parcel(bsm, code, rect(*moved(box)), tbmj, VILLAGE_A, kcxs=kcxs, gddb=gddb)
        record["CZCSXM"] = czcsxm
        if planned:
            record["GHDLBM"] = row[7]
        out.append(record)
    return memory_layer(name, out, fields=PLAN_FIELDS)


@pytest.fixture
def baseline():
    return layer_of("DLTB", BASELINE, planned=True)


@pytest.fixture
def subprojects():
    fields = [("XMBH", QVariant.Type.String), ("XMMC", QVariant.Type.String), ("XMLX", QVariant.Type.String),
              ("SSND", QVariant.Type.Int)]
    return memory_layer("ZXM", [
        {"XMBH": "ZXM01", "XMMC": "东村复垦", "XMLX": "建设用地复垦", "SSND": 2026, "wkt": rect(0, 0, 200, 100)},
        {"XMBH": "ZXM02", "XMMC": "东村开发", "XMLX": "农用地整理", "SSND": 2027, "wkt": rect(200, 0, 400, 100)},
    ], fields=fields)


@pytest.fixture
def red_line():
    return memory_layer("STBHHX", [{"wkt": rect(550, 0, 600, 50)}], fields=[("NAME", QVariant.Type.String)])


@pytest.fixture
def farmland():
    return memory_layer("YJJBNTTB", [{"wkt": rect(500, 0, 600, 100)}], fields=[("NAME", QVariant.Type.String)])


def run(baseline, surveys, **extra):
    params = {"BASELINE": baseline, "AFTER_FIELD": "GHDLBM", "SURVEY": surveys, "OUTPUT": "memory:",
              "OUTPUT_INDICATORS": "memory:", "OUTPUT_DEVIATIONS": "memory:", "OUTPUT_CHANGES": "memory:"}
    params.update(extra)
    return processing.run("landconsolidation:progress", params)


def rows_by(layer, *keys):
    return {tuple(f[k] for k in keys) if len(keys) > 1 else f[keys[0]]: f for f in layer.getFeatures()}


def test_two_surveys_progress_by_subproject(provider, baseline, subprojects):
    # Given in the "wrong" order: the years in the names order them.
    surveys = [layer_of("DLTB_2027", SURVEY_2027), layer_of("DLTB_2026", SURVEY_2026)]
    result = run(baseline, surveys, SUBPROJECTS=subprojects)
    rows = rows_by(result["OUTPUT"], "YEAR", "SUBPROJECT")
    assert len(rows) == 6
    expected = {  # (year, sub-project): planned, realised, percent, status, to do
        (2026, "ZXM01"): (18000.0, 18000.0, 100.0, "已完成", ""),
        (2026, "ZXM02"): (10000.0, 0.0, 0.0, "未开始", "3、4"),
        (2026, "（子项目之外）"): (5000.0, 0.0, 0.0, "未开始", "5"),
        (2027, "ZXM01"): (18000.0, 18000.0, 100.0, "已完成", ""),
        (2027, "ZXM02"): (10000.0, 10000.0, 100.0, "已完成", ""),
        (2027, "（子项目之外）"): (5000.0, 5000.0, 100.0, "已完成", ""),
    }
    for key, (planned, realised, percent, status, todo) in expected.items():
        row = rows[key]
        assert row["PLANNED_M2"] == pytest.approx(planned, abs=0.01), key
        assert row["REALISED_M2"] == pytest.approx(realised, abs=0.01), key
        assert row["PERCENT"] == pytest.approx(percent, abs=0.01), key
        assert row["STATUS"] == status, key
        assert (row["TODO_BSM"] or "") == todo, key
        assert row["TODO_COUNT"] == (len(todo.split("、")) if todo else 0), key
    assert rows[(2026, "ZXM01")]["NAME"] == "东村复垦"
    assert rows[(2026, "ZXM02")]["PLAN_YEAR"] == 2027
    assert rows[(2026, "ZXM01")]["SURVEY"] == "DLTB_2026"
    # The numbers are the latest survey's.
    assert result["PLANNED_CHANGE_M2"] == pytest.approx(33000.0, abs=0.01)
    assert result["REALISED_CHANGE_M2"] == pytest.approx(33000.0, abs=0.01)
    assert result["PERCENT_COMPLETE"] == pytest.approx(100.0, abs=0.01)
    assert result["UNPLANNED_CHANGE_M2"] == pytest.approx(3500.0, abs=0.01)
    assert result["REALISED_ADDED_CULTIVATED_M2"] == pytest.approx(18950.0, abs=0.01)


def test_partial_survey_numbers_and_late_subproject(provider, baseline, subprojects):
    """Alone, the 2026 survey: 54.55 %; called DLTB_2028 instead, ZXM02 and the outside change are late."""
    result = run(baseline, [layer_of("DLTB_2026", SURVEY_2026)], SUBPROJECTS=subprojects)
    assert result["PLANNED_CHANGE_M2"] == pytest.approx(33000.0, abs=0.01)
    assert result["REALISED_CHANGE_M2"] == pytest.approx(18000.0, abs=0.01)
    assert result["PERCENT_COMPLETE"] == pytest.approx(54.55, abs=0.005)
    assert result["UNPLANNED_CHANGE_M2"] == pytest.approx(0.0, abs=0.01)
    assert result["REALISED_ADDED_CULTIVATED_M2"] == pytest.approx(17500.0, abs=0.01)
    assert result["OUTPUT_DEVIATIONS"].featureCount() == 0
    late = run(baseline, [layer_of("DLTB_2028", SURVEY_2026)], SUBPROJECTS=subprojects)
    status = {f["SUBPROJECT"]: f["STATUS"] for f in late["OUTPUT"].getFeatures()}
    assert status == {"ZXM01": "已完成", "ZXM02": "滞后", "（子项目之外）": "滞后"}
    states = {f["BASELINE_BSM"]: f["STATE"] for f in late["OUTPUT_CHANGES"].getFeatures()}
    assert states == {"1": "已实施", "2": "已实施", "3": "滞后", "4": "滞后", "5": "滞后"}


def test_deviation_layer(provider, baseline, subprojects, red_line, farmland):
    result = run(baseline, [layer_of("DLTB_2026", SURVEY_2026), layer_of("DLTB_2027", SURVEY_2027)],
                 SUBPROJECTS=subprojects, RED_LINE=red_line, PBF_BEFORE=farmland, PBF_AFTER=farmland)
    features = list(result["OUTPUT_DEVIATIONS"].getFeatures())
    assert len(features) == 1
    f = features[0]
    assert (f["YEAR"], f["STATE"], f["SURVEY_BSM"], f["BASELINE_BSM"], f["ZLDWDM"]) == \
        (2027, "计划外变化", "C6b", "6", VILLAGE_A)
    assert (f["BEFORE_DLBM"], f["PLANNED_DLBM"], f["SURVEY_DLBM"]) == ("0101", "0101", "0702")
    assert f["AREA_M2"] == pytest.approx(3500.0, abs=0.01)
    assert (f["IN_RED_LINE"], f["ON_PBF"]) == (1, 1)
    assert f.geometry().area() == pytest.approx(5000.0, abs=0.01)  # the planar 50 m × 100 m half


def test_deviation_flags_empty_without_layers(provider, baseline):
    result = run(baseline, [layer_of("DLTB_2027", SURVEY_2027)])
    f = next(result["OUTPUT_DEVIATIONS"].getFeatures())
    assert f["IN_RED_LINE"] is None or str(f["IN_RED_LINE"]) == "NULL"
    assert f["ON_PBF"] is None or str(f["ON_PBF"]) == "NULL"


def test_indicators_planned_and_realised(provider, baseline, subprojects, red_line, farmland):
    result = run(baseline, [layer_of("DLTB_2026", SURVEY_2026), layer_of("DLTB_2027", SURVEY_2027)],
                 SUBPROJECTS=subprojects, RED_LINE=red_line, PBF_BEFORE=farmland, PBF_AFTER=farmland)
    rows = rows_by(result["OUTPUT_INDICATORS"], "YEAR", "KEY")
    expected = {  # key: (before, planned, realised 2026, realised 2027)
        "CULTIVATED_M2": (11750.0, 35000.0, 29250.0, 30700.0),
        "ADDED_CULTIVATED_M2": (None, 23250.0, 17500.0, 18950.0),
        "ADDED_RATE": (None, 23250 / 11750 * 100, 17500 / 11750 * 100, 18950 / 11750 * 100),
        "CONSTRUCTION_M2": (10000.0, 5000.0, 0.0, 8500.0),
        "CONSTRUCTION_CHANGE_M2": (None, -5000.0, -10000.0, -1500.0),
        "RECLAIMED_M2": (None, 10000.0, 10000.0, 10000.0),
        "NEW_BUILD_M2": (None, 5000.0, 0.0, 8500.0),
        "SURPLUS_M2": (None, 5000.0, 10000.0, 1500.0),
    }
    for key, (before, planned, r2026, r2027) in expected.items():
        for year, realised in ((2026, r2026), (2027, r2027)):
            row = rows[(year, key)]
            assert row["KIND"] == "指标"
            assert row["PLANNED"] == pytest.approx(planned, abs=0.01), key
            assert row["REALISED"] == pytest.approx(realised, abs=0.01), (key, year)
            if before is None:
                assert str(row["BEFORE"]) == "NULL" or row["BEFORE"] is None
            else:
                assert row["BEFORE"] == pytest.approx(before, abs=0.01), key
    assert rows[(2026, "ADDED_CULTIVATED_M2")]["PERCENT"] == pytest.approx(17500 / 23250 * 100, abs=0.01)
    # 耕地面积: (29250 − 11750) / (35000 − 11750) of the planned gain.
    assert rows[(2026, "CULTIVATED_M2")]["PERCENT"] == pytest.approx(17500 / 23250 * 100, abs=0.01)
    assert rows[(2027, "BLOCKS_100MU")]["REALISED"] == 0
    # Verdicts: the plan keeps 建设用地 off 永农 and the red line; the 2027 survey does not.
    for rule, planned_value, value_2027 in (("NO_BUILD_ON_PBF", 0.0, 3500.0), ("NO_BUILD_IN_RED_LINE", 0.0, 1750.0)):
        row = rows[(2027, rule)]
        assert row["KIND"] == "规则"
        assert row["PLANNED"] == pytest.approx(planned_value, abs=0.01)
        assert row["PLANNED_VERDICT"] == "通过"
        assert row["REALISED"] == pytest.approx(value_2027, abs=0.01), rule
        assert row["VERDICT"] == "不通过", rule
        assert rows[(2026, rule)]["VERDICT"] == "通过"
    assert rows[(2027, "CONSTRUCTION")]["VERDICT"] == "通过"
    # 永农 is not adjusted (before = after): nothing taken out, so 新增永农 does not apply.
    assert rows[(2027, "PBF_ADDED")]["PLANNED_VERDICT"] == "通过"
    assert "不涉及" in rows[(2027, "PBF_ADDED")]["NOTE"]
    assert rows[(2027, "ADDED_CULTIVATED")]["VERDICT"] == "通过"


def test_redigitised_survey_gives_the_same_percentages(provider, baseline, subprojects):
    """The 2027 survey drawn anew: inner boundaries 4 mm off (slivers of 0.4 m² under SLIVER_AREA 1 m²).

    Every piece keeps its area (its kept parts share it), so the percentages are the same; the
    unplanned change is 7000 × 5000 / 9999.6 = 3500.14 m² (parcel 6 loses its 0.4 m² sliver to 5).
    With SLIVER_AREA 0 the slivers count: 0.4 m² strips of parcels 2, 3 and 5 carry the neighbour's
    class, not the planned one, so 8000 × 0.4 / 10000 + 6000 × 0.4 / 10000 + 5000 × 0.4 / 10000 = 0.76 m²
    of the plan look not realised, and the strips over the road become deviations.
    """
    exact = run(baseline, [layer_of("DLTB_2027", SURVEY_2027)], SUBPROJECTS=subprojects)
    redrawn = run(baseline, [layer_of("DLTB_2027", SURVEY_2027, shift=SHIFT)], SUBPROJECTS=subprojects)
    for key in ("PLANNED_CHANGE_M2", "REALISED_CHANGE_M2", "PERCENT_COMPLETE"):
        assert redrawn[key] == pytest.approx(exact[key], abs=0.01), key
    assert redrawn["UNPLANNED_CHANGE_M2"] == pytest.approx(7000 * 5000 / 9999.6, abs=0.02)
    exact_rows = {f["SUBPROJECT"]: f["PERCENT"] for f in exact["OUTPUT"].getFeatures()}
    redrawn_rows = {f["SUBPROJECT"]: f["PERCENT"] for f in redrawn["OUTPUT"].getFeatures()}
    assert redrawn_rows == pytest.approx(exact_rows, abs=0.01)
    assert redrawn["OUTPUT_DEVIATIONS"].featureCount() == 1
    raw = run(baseline, [layer_of("DLTB_2027", SURVEY_2027, shift=SHIFT)], SUBPROJECTS=subprojects,
              SLIVER_AREA=0.0)
    assert raw["REALISED_CHANGE_M2"] == pytest.approx(33000.0 - 0.76, abs=0.01)
    assert raw["OUTPUT_DEVIATIONS"].featureCount() > 1


def test_survey_errors_are_named(provider, baseline):
    with pytest.raises(QgsProcessingException, match="SURVEY"):
        run(baseline, [])
    outside = [(bsm, code, (x1 + 5000, y1, x2 + 5000, y2), *rest) for bsm, code, (x1, y1, x2, y2), *rest
               in SURVEY_2027]
    area = memory_layer("XMQ", [{"wkt": rect(0, 0, 600, 105)}], fields=[("NAME", QVariant.Type.String)])
    with pytest.raises(QgsProcessingException, match="DLTB_2030"):
        run(baseline, [layer_of("DLTB_2030", outside)], PROJECT_AREA=area)
    unknown = [("X1", "9999", (0, 0, 600, 105), 63000.0, None, None, "")]
    with pytest.raises(QgsProcessingException, match="9999"):
        run(baseline, [layer_of("DLTB_2027", unknown)])


@pytest.mark.parametrize("planned, realised, plan_year, survey_year, status", [
    (100.0, 100.0, 2027, 2026, "已完成"),
    (100.0, 99.995, 2027, 2027, "已完成"),  # within 0.01 m²
    (100.0, 99.0, 2027, 2027, "滞后"),      # due by the survey of its year
    (100.0, 99.0, 2026, 2027, "滞后"),
    (100.0, 99.0, 2028, 2027, "实施中"),
    (100.0, 0.0, 2028, 2027, "未开始"),
    (100.0, 0.0, None, 2027, "未开始"),     # no year: never late
    (0.0, 0.0, 2027, 2027, "无地类变化"),   # e.g. 耕地提质改造: nothing a survey's classes can show
])
def test_status(planned, realised, plan_year, survey_year, status):
    from land_consolidation.core.progress import status_of

    assert status_of(planned, realised, plan_year, survey_year) == status


# ---------------------------------------------------------------------- the bundled sample's survey one year on

@pytest.fixture(scope="module")
def sample_with_survey(bundled_sample):
    """The 600-parcel sample and the generator's own figures for its DLTB_2027 (tools/generate_sample.py)."""
    path, summary = bundled_sample
    return path, summary["projects"][0]["survey"]


def test_sample_survey_tells_done_late_and_unplanned(provider, sample_with_survey):
    """2026 sub-projects done, 2027 ones about half done and late, 2028 not begun, one house on 永农."""
    path, designed = sample_with_survey

    def uri(layer):
        return f"{path}|layername={layer}"

    result = processing.run("landconsolidation:progress", {
        "BASELINE": uri("DLTB"), "AFTER": uri("DLTB_GH"), "SURVEY": [uri("DLTB_2027")], "SUBPROJECTS": uri("ZXM"),
        "PROJECT_AREA": uri("XMQ"), "RED_LINE": uri("STBHHX"), "PBF_BEFORE": uri("YJJBNTTB"),
        "PBF_AFTER": uri("YJJBNTTB_GH"), "OUTPUT": "memory:", "OUTPUT_INDICATORS": "memory:",
        "OUTPUT_DEVIATIONS": "memory:"})
    assert result["PLANNED_CHANGE_M2"] == pytest.approx(designed["planned_m2"], abs=0.05)
    assert result["REALISED_CHANGE_M2"] == pytest.approx(designed["realised_m2"], abs=0.05)
    assert 0.0 < result["PERCENT_COMPLETE"] < 100.0
    rows = list(result["OUTPUT"].getFeatures())
    by_type = {}
    for row in rows:
        by_type.setdefault(row["TYPE"], []).append(row)
    for kind in ("建设用地复垦", "高标准农田建设"):  # SSND 2026
        assert {(r["STATUS"], r["PERCENT"]) for r in by_type[kind]} == {("已完成", 100.0)}, kind
    for kind in ("农用地整理", "建新安置"):  # SSND 2027: every other parcel built
        for r in by_type[kind]:
            assert r["PERCENT"] > 0.0
            assert r["STATUS"] == ("滞后" if r["TODO_COUNT"] else "已完成"), r["NAME"]
    assert any(r["STATUS"] == "滞后" for r in by_type["农用地整理"])
    assert [(r["STATUS"], r["PERCENT"]) for r in by_type["生态修复"]] == [("未开始", 0.0)]  # SSND 2028
    assert {r["STATUS"] for r in by_type["耕地提质改造"]} == {"无地类变化"}
    outside = [r for r in rows if r["SUBPROJECT"] == "（子项目之外）"]
    assert [(r["STATUS"], r["PERCENT"]) for r in outside] == [("已完成", 100.0)]  # the 耕地出 orchards
    deviations = list(result["OUTPUT_DEVIATIONS"].getFeatures())
    assert len(deviations) == 1
    house = deviations[0]
    assert house["BASELINE_BSM"] == designed["house"]
    assert house["SURVEY_DLBM"] == "0702"
    assert house["AREA_M2"] == pytest.approx(designed["unplanned_m2"], abs=0.01)
    assert house["ON_PBF"] == 1
    verdicts = {f["KEY"]: (f["PLANNED_VERDICT"], f["VERDICT"]) for f in result["OUTPUT_INDICATORS"].getFeatures()
                if f["KIND"] == "规则"}
    assert verdicts["NO_BUILD_ON_PBF"] == ("通过", "不通过")


# ---------------------------------------------------------------------- the monitoring tables of the workbook

def test_monitoring_tables_of_the_workbook(provider, tmp_path, baseline, subprojects, red_line, farmland):
    """Tables 20–23 from the hand-built township (公顷, 4 decimals): the figures of the module docstring."""
    from openpyxl import load_workbook
    from test_workbook import block_rows, header_row

    path = tmp_path / "monitoring.xlsx"
    result = processing.run("landconsolidation:exportscheme", {
        "DLTB": baseline, "AFTER_FIELD": "GHDLBM", "SUBPROJECTS": subprojects, "RED_LINE": red_line,
        "PBF_BEFORE": farmland, "PBF_AFTER": farmland, "TABLES": [19, 20, 21, 22],
        "SURVEY": [layer_of("DLTB_2026", SURVEY_2026), layer_of("DLTB_2027", SURVEY_2027)], "OUTPUT_XLSX": str(path)})
    assert result["SHEET_COUNT"] == 4
    book = load_workbook(path)
    progress = book["表20 年度实施进度表"]
    rows = block_rows(progress, header_row(progress, "序号") + 2)
    # 序号, 编号, 名称, 类型, 年度, 规划, then per survey 已实施 / % / 状态, then 尚未实施图斑数.
    assert [r[1] for r in rows] == ["ZXM01", "ZXM02", None, None]  # the outside row and 合计 have no code
    assert rows[0][4:12] == ["2026", 1.8, 1.8, 100.0, "已完成", 1.8, 100.0, "已完成"]
    assert rows[1][4:12] == ["2027", 1.0, 0.0, 0.0, "未开始", 1.0, 100.0, "已完成"]
    assert rows[2][2] == "子项目之外的规划变化" and rows[2][5:12] == [0.5, 0.0, 0.0, "未开始", 0.5, 100.0, "已完成"]
    assert rows[3][0] == "合计" and rows[3][5:7] == [3.3, 1.8]
    assert rows[3][7] == pytest.approx(18000 / 33000 * 100, abs=0.005)
    deviations = book["表22 偏差清单"]
    rows = block_rows(deviations, header_row(deviations, "序号") + 1)
    assert rows[0][1:] == ["2027", "C6b", "6", VILLAGE_A, "0101 水田", "0101 水田", "0702 农村宅基地", 0.35, "是", "是"]
    acceptance = book["表23 验收自评表"]
    rows = block_rows(acceptance, header_row(acceptance, "序号") + 1)
    verdicts = {r[1]: (r[3], r[4], r[6], r[7]) for r in rows}
    assert verdicts["规划地类变化全部实施"] == (3.3, 3.3, "达到", None)
    assert verdicts["新增耕地面积（扣除田坎）达到方案目标"] == (2.325, 1.895, "未达到", "尚差 0.4300 公顷")
    assert verdicts["建设用地面积不超过方案目标"] == (0.5, 0.85, "未达到", "超出 0.3500 公顷")
    assert verdicts["拆旧复垦面积达到方案目标"] == (1.0, 1.0, "达到", None)
    assert verdicts["无计划外变化"] == (0.0, 0.35, "未达到", "计划外变化 0.3500 公顷")
    assessment = book["表21 年度自评表"]
    rows = block_rows(assessment, header_row(assessment, "序号") + 2)
    figures = {r[1]: r[3:9] for r in rows}
    # 基期, 规划, 2026 实现 / %, 2027 实现 / %.
    assert figures["耕地面积"] == [1.175, 3.5, 2.925, pytest.approx(17500 / 23250 * 100, abs=0.005), 3.07,
                               pytest.approx(18950 / 23250 * 100, abs=0.005)]


def test_project_carries_the_surveys(provider, tmp_path, sample_with_survey):
    """createproject copies DLTB_2027 into the project; exportscheme from the project alone writes tables 20–23."""
    from land_consolidation.core import project
    from openpyxl import load_workbook
    from test_workbook import block_rows, header_row

    path, designed = sample_with_survey

    def uri(layer):
        return f"{path}|layername={layer}"

    gpkg = tmp_path / "project.gpkg"
    processing.run("landconsolidation:createproject", {
        "DLTB": uri("DLTB"), "PROJECT_AREA": uri("XMQ"), "AFTER": uri("DLTB_GH"), "SUBPROJECTS": uri("ZXM"),
        "SURVEY": [uri("DLTB_2027")], "NAME": "测试项目", "START_YEAR": 2026, "END_YEAR": 2028,
        "OUTPUT": str(gpkg)})
    assert project.read_settings(gpkg)["surveys"] == ["DLTB_2027"]
    assert project.load_project(gpkg)["SURVEY"] == [project.layer_uri(gpkg, "DLTB_2027")]
    xlsx = tmp_path / "scheme.xlsx"
    result = processing.run("landconsolidation:exportscheme", {"PROJECT": str(gpkg), "TABLES": [19, 20, 21, 22],
                                                                 "OUTPUT_XLSX": str(xlsx)})
    assert result["SHEET_COUNT"] == 4
    sheet = load_workbook(xlsx)["表20 年度实施进度表"]
    total = block_rows(sheet, header_row(sheet, "序号") + 2)[-1]
    assert total[0] == "合计"
    assert total[5] == pytest.approx(designed["planned_m2"] / 1e4, abs=0.0001)
    assert total[6] == pytest.approx(designed["realised_m2"] / 1e4, abs=0.0001)
