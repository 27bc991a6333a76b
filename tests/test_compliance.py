"""landconsolidation:compliance on the hand-built plan (see test_plan.py for its figures).

Passing plan (builders.PLAN, 2026–2028): 新增耕地 33.52 % ≥ 5; mean 等别
5.283489 → 4.857676 (−0.425813); 进 6880 ≥ 出 3700, 等别 5.2907 ≤ 5.4595;
建设用地 6000 → 1500 (−4500); 建新 1500 ≤ 拆旧复垦 6000 (节余 4500); 3 years;
one township.  The 永农 rules are not checked without the PBF layers, the
constraint rules without a red line, 永农 or slope (PLAN has no GDPDJB), and
the 等别 of 新增耕地 – (1900·6 + 2880·5 + 3000·5 + 1000·7) / 8780 = 47 800 / 8780
= 5.444191 (parcels 2, 3, 9, 12, TBDLMJ after) – has no county mean to be judged
against: 8 rules 未核验.

Failing plan: parcel 1 (0101, 10 000) planned as 0702, parcel 9 planned with
等别 12, parcel 11 in another township, 2026–2030:
* 耕地 after = 21 430 − 9800 = 11 630, 新增 = −4420, rate −27.5389 % (fail);
  behind it the 耕地 lost: parcels 1, 4, 10;
* 等别 after = (1900·6 + 2880·5 + 2850·6 + 3000·12 + 1000·7) / 11 630 = 85 900 /
  11 630 = 7.386070, +2.102581 (fail); behind it 耕地 worse than 5.2835: 2, 8, 9, 12;
* 进 quality (2880·5 + 3000·12 + 1000·7) / 6880 = 8.343023 > 出 5.459459 (fail);
  behind it 出: 4, 10;
* 建设用地 1500 + 10 000 = 11 500 > 6000: +5500 (fail); 建新 11 500 > 6000,
  节余 −5500 (fail); behind both the 建新 parcels 1 and 6;
* 5 years (fail); 2 townships (fail), behind it parcel 11.
"""
import pytest
from builders import PLAN_FIELDS, memory_layer, plan_before_rows, rect
from qgis import processing

ALG = "landconsolidation:compliance"


def run(rows, **extra):
    layer = memory_layer("DLTB", rows, fields=PLAN_FIELDS)
    params = {"DLTB": layer, "AFTER_FIELD": "GHDLBM", "AFTER_KCXS_FIELD": "GHKCXS", "AFTER_GDDB_FIELD": "GHGDDB",
              "START_YEAR": 2026, "END_YEAR": 2028, "OUTPUT": "memory:", "OUTPUT_PARCELS": "memory:", **extra}
    result = processing.run(ALG, params)
    table = {f["RULE"]: f for f in result["OUTPUT"].getFeatures()}
    return result, table


def test_passing_plan(provider):
    result, table = run(plan_before_rows())
    assert result["FAILED_COUNT"] == 0
    assert result["PASSED_COUNT"] == 8
    assert result["UNCHECKED_COUNT"] == 8
    unchecked = {rule for rule, f in table.items() if f["VERDICT"] == "未核验"}
    assert unchecked == {"PBF_ADDED", "PBF_ADJUST_SHARE", "PBF_IN_SLOPE", "NO_BUILD_IN_RED_LINE", "NO_BUILD_ON_PBF",
                         "NEW_CULTIVATED_NOT_IN_RED_LINE", "NEW_CULTIVATED_NOT_STEEP", "NEW_CULTIVATED_GRADE"}
    assert all(str(table[rule]["PASSED"]) == "NULL" for rule in unchecked)
    assert "RED_LINE" in table["NO_BUILD_IN_RED_LINE"]["NOTE"] and "COUNTY_MEAN_GRADE" in \
        table["NEW_CULTIVATED_GRADE"]["NOTE"]
    # The table and the output state the grade to 2 decimals.
    assert table["NEW_CULTIVATED_GRADE"]["VALUE"] == round(47800.0 / 8780.0, 2) == 5.44
    assert result["ADDED_QUALITY"] == 5.44
    expected = {
        "ADDED_CULTIVATED": (5380.0 / 16050.0 * 100, 5.0),
        "QUALITY": (104100.0 / 21430.0 - 84800.0 / 16050.0, 0.0),
        "BALANCE_AREA": (3180.0, 0.0),
        # 进 (BSM 3: 2 880 m² at 5; 9: 3 000 at 5; 12: 1 000 at 7) against 出 (4: 1 800 at 7; 10: 1 900 at 4).
        "BALANCE_QUALITY": (36400.0 / 6880.0 - 20200.0 / 3700.0, 0.0),
        "CONSTRUCTION": (-4500.0, 0.0),
        "LINKAGE": (4500.0, 0.0),
        "PERIOD": (3.0, 3.0),
        "TOWNSHIP": (1.0, 1.0),
    }
    for rule, (value, threshold) in expected.items():
        assert table[rule]["PASSED"] == 1, rule
        assert table[rule]["VERDICT"] == "通过"
        assert table[rule]["VALUE"] == pytest.approx(round(value, 2), abs=1e-9), rule
        assert table[rule]["THRESHOLD"] == pytest.approx(threshold), rule
    assert "拆旧复垦 6000.00 m²（0.6000 公顷），建新 1500.00 m²（0.1500 公顷）" in table["LINKAGE"]["NOTE"]
    assert str(table["PBF_ADDED"]["PASSED"]) == "NULL"
    assert table["PBF_ADDED"]["VERDICT"] == "未核验"
    assert result["OUTPUT_PARCELS"].featureCount() == 0


def failing_rows():
    rows = plan_before_rows()
    rows[0]["GHDLBM"] = "0702"
    rows[8]["GHGDDB"] = 12
    rows[10]["ZLDWDM"] = "3202061020010000000"
    return rows


def test_failing_plan(provider):
    result, table = run(failing_rows(), END_YEAR=2030)
    assert result["FAILED_COUNT"] == 7
    expected = {
        "ADDED_CULTIVATED": -4420.0 / 16050.0 * 100,
        "QUALITY": 85900.0 / 11630.0 - 84800.0 / 16050.0,
        "CONSTRUCTION": 5500.0,
        "LINKAGE": -5500.0,
        "PERIOD": 5.0,
        "TOWNSHIP": 2.0,
    }
    for rule, value in expected.items():
        assert table[rule]["PASSED"] == 0, rule
        assert table[rule]["VERDICT"] == "不通过"
        assert table[rule]["VALUE"] == pytest.approx(round(value, 2), abs=1e-9), rule
    # 进出平衡: the quantity still balances (进 − 出 = +3 180 m², as in the passing plan); the quality does not:
    # 进 8.34 against 出 5.46, worse by 2.88 等.
    assert table["BALANCE_AREA"]["PASSED"] == 1 and table["BALANCE_AREA"]["VALUE"] == pytest.approx(3180.0)
    assert table["BALANCE_QUALITY"]["PASSED"] == 0
    assert table["BALANCE_QUALITY"]["VALUE"] == pytest.approx(round(57400.0 / 6880.0 - 20200.0 / 3700.0, 2), abs=1e-9)
    assert "8.34" in table["BALANCE_QUALITY"]["NOTE"] and "5.46" in table["BALANCE_QUALITY"]["NOTE"]
    behind = {}
    for f in result["OUTPUT_PARCELS"].getFeatures():
        behind.setdefault(f["RULE"], set()).add(f["BSM"])
    assert behind == {
        "ADDED_CULTIVATED": {"1", "4", "10"},
        "QUALITY": {"2", "8", "9", "12"},
        "BALANCE_QUALITY": {"9", "12"},
        "CONSTRUCTION": {"1", "6"},
        "LINKAGE": {"1", "6"},
        "TOWNSHIP": {"11"},
    }


def test_thresholds_are_parameters(provider):
    """A district asking 40 % 新增耕地 fails the passing plan (33.52 %), and says which value it used."""
    result, table = run(plan_before_rows(), MIN_ADDED_RATE=40.0, MAX_YEARS=2)
    assert table["ADDED_CULTIVATED"]["PASSED"] == 0
    assert table["ADDED_CULTIVATED"]["THRESHOLD"] == 40.0
    assert table["PERIOD"]["PASSED"] == 0 and table["PERIOD"]["THRESHOLD"] == 2.0
    assert result["FAILED_COUNT"] == 2


def test_period_from_subproject_years(provider):
    subs = memory_layer("ZXM", [{"SSND": 2026, "wkt": "POLYGON((0 0,1 0,1 1,0 0))"},
                                {"SSND": 2029, "wkt": "POLYGON((0 0,1 0,1 1,0 0))"}], fields=[("SSND", 2)])
    result, table = run(plan_before_rows(), START_YEAR=None, END_YEAR=None, SUBPROJECTS=subs)
    assert table["PERIOD"]["VALUE"] == 4.0
    assert table["PERIOD"]["PASSED"] == 0
    assert "子项目" in table["PERIOD"]["NOTE"]


def pbf_pair(added_width):
    """永农 before: x 0..100 (parcel 1's 10 000 m²); after: x 0..90 plus x 100..100+w over parcel 2.

    调出 = 10 × 100 = 1000 m²; 调入 = w × 40; 新增比例 = (40w − 1000) / 1000.
    w = 27.5 → 1100: 10 % (passes 5 %); w = 25.5 → 1020: 2 % (fails).
    """
    before = memory_layer("YJJBNTTB", [{"wkt": rect(0, 0, 100, 100)}], fields=[])
    after = memory_layer("YJJBNTTB_GH", [{"wkt": rect(0, 0, 90, 100)}, {"wkt": rect(100, 0, 100 + added_width, 40)}],
                         fields=[])
    return before, after


@pytest.mark.parametrize("width, ratio, passed", [(27.5, 10.0, 1), (25.5, 2.0, 0)])
def test_pbf_rule(provider, width, ratio, passed):
    before, after = pbf_pair(width)
    result, table = run(plan_before_rows(), PBF_BEFORE=before, PBF_AFTER=after)
    assert table["PBF_ADDED"]["VALUE"] == pytest.approx(ratio, abs=0.01)
    assert table["PBF_ADDED"]["PASSED"] == passed
    behind = [f for f in result["OUTPUT_PARCELS"].getFeatures() if f["RULE"] == "PBF_ADDED"]
    if passed:
        assert behind == []
    else:  # the 调出 piece stands behind the failure
        assert len(behind) == 1 and behind[0]["NOTE"] == "调出"
        assert behind[0].geometry().area() == pytest.approx(1000.0, abs=0.01)


def test_the_log_reads_as_sentences(provider):
    """One sentence per rule and a count; no Python dict (a child run once printed its results as one)."""
    from qgis.core import QgsProcessingFeedback

    lines = []

    class Log(QgsProcessingFeedback):
        def pushInfo(self, text):  # noqa: N802
            lines.append(text)

    pbf = memory_layer("YJJBNTTB", [{"wkt": rect(0, 0, 100, 100)}], fields=[])
    processing.run(ALG, {"DLTB": memory_layer("DLTB", plan_before_rows(), fields=PLAN_FIELDS),
                         "AFTER_FIELD": "GHDLBM", "PBF_BEFORE": pbf, "PBF_AFTER": pbf, "OUTPUT": "memory:"},
                   feedback=Log())
    # processing.run reports the top-level results itself, last (the dialog does likewise); nothing before it.
    assert lines[-1].startswith("Results: ")
    assert not [line for line in lines[:-1] if "{" in line or "Results" in line]
    assert "New cultivated land rate: passed; value 33.02, threshold 5.00." in lines
    assert any(line.endswith("the NOTE column of the compliance table says why.") for line in lines)
