"""landconsolidation:draftscheme on a hand-built township whose cheapest feasible selection is known on paper.

Village 东村, target 田坎 coefficient 0.03, so a parcel made 耕地 adds EST = TBMJ − round(TBMJ × 0.03, 2) and a
merged field gives back KCMJ − round(TBMJ × 0.03, 2).  Costs come from the cost field GCZJ (元):

====  =====  ====================  =====  =====================  =====  ======  ========  ============
BSM   code   rectangle             TBMJ   candidate              EST    拆旧     cost      元 per m²
====  =====  ====================  =====  =====================  =====  ======  ========  ============
1     0101   (0, 0, 400, 100)      40000  – (KCXS 0.02)
2     0102   (0, 100, 200, 200)    20000  tiankan (KCXS 0.05)     400            8 000     20.0
3     0201K  (200, 100, 210, 200)   1000  restorable              970            2 000      2.06
4     0201K  (210, 100, 231, 200)   2100  restorable             2037            1 000      0.49
5     0404   (231, 100, 246, 200)   1500  development            1455            6 000      4.12
6     0702   (300, 300, 320, 330)    600  reclamation (203)       582    600    20 000     34.4
7     0702   (500, 300, 520, 340)    800  reclamation (203)       776    800    24 000     30.9
====  =====  ====================  =====  =====================  =====  ======  ========  ============

Original 耕地 = TBDLMJ of 1 and 2 = 39 200 + 19 000 = 58 200 m²; 5 % → 2 910 m².
The red line covers (210, 100, 231, 120): 420 m², 20 % of parcel 4 – under the survey's 50 % rule, so 4 is
a candidate, but it has ≥ 1 m² in the red line: the draft refuses it although it is the cheapest per m²
(with it, 4 + 3 = 3 007 m² for 3 000 元 would do).

Cheapest covers of 2 910 m² from {2, 3, 5, 6, 7}: 3 + 5 = 2 425 and 2 + 3 + 5 = 2 825 fall short;
3 + 5 + 6 = 3 007 m² for 28 000 元 (3 + 5 + 7: 32 000; 2 + 3 + 5 + 6: 36 000; without 3 or 5 at least
46 000 or short).  The linear relaxation takes 3, 5, 2 whole and 85.005 / 776 of 7:
2 000 + 6 000 + 8 000 + 24 000 × 85.005 / 776 = 18 629.02 元.
NEW_BUILD_M2 = 1 000: 6 + 7 (1 400 m²) must both be reclaimed (each alone is short); with 3 and 5:
3 783 m² for 52 000 元.  A 10 % target (5 820 m²) cannot be met: everything eligible gives 400 + 970 +
1 455 + 582 + 776 = 4 183 m², 1 637 m² short.  A budget of 20 000 元 cannot pay the 28 000 元 cover.
"""
import pytest
from builders import PLAN_FIELDS, VILLAGE_A, memory_layer, parcel, rect
from qgis import processing
from qgis.PyQt.QtCore import QVariant

FIELDS = PLAN_FIELDS + [("GCZJ", QVariant.Type.Double)]
PARCELS = [  # BSM, code, box, TBMJ, KCXS, 等别, CZCSXM, cost
    ("1", "0101", (0, 0, 400, 100), 40000.0, 0.02, 5, "", None),
    ("2", "0102", (0, 100, 200, 200), 20000.0, 0.05, 6, "", 8000.0),
    ("3", "0201K", (200, 100, 210, 200), 1000.0, None, None, "", 2000.0),
    ("4", "0201K", (210, 100, 231, 200), 2100.0, None, None, "", 1000.0),
    ("5", "0404", (231, 100, 246, 200), 1500.0, None, None, "", 6000.0),
    ("6", "0702", (300, 300, 320, 330), 600.0, None, None, "203", 20000.0),
    ("7", "0702", (500, 300, 520, 340), 800.0, None, None, "203", 24000.0),
]


@pytest.fixture
def township():
    rows = []
    for bsm, code, box, tbmj, kcxs, gddb, czcsxm, cost in PARCELS:
        row = parcel(bsm, code, rect(*box), tbmj, VILLAGE_A, kcxs=kcxs, gddb=gddb)
        row.update({"CZCSXM": czcsxm, "GCZJ": cost})
        rows.append(row)
    return memory_layer("DLTB", rows, fields=FIELDS)


@pytest.fixture
def red_line():
    return memory_layer("STBHHX", [{"wkt": rect(210, 100, 231, 120)}], fields=[("NAME", QVariant.Type.String)])


def run(layer, red_line, solver=0, **extra):
    params = {"INPUT": layer, "RED_LINE": red_line, "COST_FIELD": "GCZJ", "START_YEAR": 2026, "END_YEAR": 2028,
              "SOLVER": solver, "OUTPUT": "memory:", "OUTPUT_CANDIDATES": "memory:", "OUTPUT_SUBPROJECTS": "memory:"}
    params.update(extra)
    return processing.run("landconsolidation:draftscheme", params)


def chosen(result) -> set:
    return {f["BSM"] for f in result["OUTPUT_CANDIDATES"].getFeatures() if f["CHOSEN"] == 1}


@pytest.mark.parametrize("solver, name", [(0, "milp"), (1, "greedy+repair")])
def test_cheapest_cover_skips_the_red_line(provider, township, red_line, solver, name):
    result = run(township, red_line, solver)
    assert result["SOLVER"] == name
    assert chosen(result) == {"3", "5", "6"}
    assert result["FEASIBLE"] == 1 and result["REASON"] == ""
    assert result["ADDED_M2"] == pytest.approx(3007.0, abs=0.01)
    assert result["ADDED_RATE"] == pytest.approx(3007.0 / 58200.0 * 100, abs=0.005)  # shown to 2 decimals
    assert result["COST"] == pytest.approx(28000.0, abs=0.01)
    assert result["RECLAIMED_M2"] == pytest.approx(600.0, abs=0.01)
    assert result["CHOSEN_COUNT"] == 3
    assert result["LP_BOUND"] == pytest.approx(2000 + 6000 + 8000 + 24000 * 85.005 / 776, abs=0.01)
    assert result["GAP_PCT"] == pytest.approx((28000 / (16000 + 24000 * 85.005 / 776) - 1) * 100, abs=0.005)
    reasons = {f["BSM"]: f["REASON"] for f in result["OUTPUT_CANDIDATES"].getFeatures()}
    assert reasons["4"] == "部分位于生态保护红线内（≥1 m²）"
    assert reasons["2"] == reasons["7"] == "成本较高，目标已满足（不需要）"
    assert reasons["3"] == "已选"


def test_the_plan_layer_feeds_compliance(provider, township, red_line):
    """GHDLBM: 3 (0201K) → 0103, 5 (0404) → 0103, 6 (0702) → 0103, the rest unchanged; GHKCXS 0.03 on the new
    耕地; compliance with AFTER_FIELD / AFTER_KCXS_FIELD measures the drafted 3 007 m² and 建设用地 1 400 → 800."""
    result = run(township, red_line)
    plan = {f["BSM"]: (f["GHDLBM"], f["GHKCXS"], f["ZXM"]) for f in result["OUTPUT"].getFeatures()}
    assert {b: p[0] for b, p in plan.items()} == {"1": "0101", "2": "0102", "3": "0103", "4": "0201K", "5": "0103",
                                                   "6": "0103", "7": "0702"}
    assert {b for b, p in plan.items() if p[1] == pytest.approx(0.03)} == {"3", "5", "6"}
    assert plan["3"][2] == plan["5"][2] and plan["6"][2] and plan["6"][2] != plan["3"][2]
    cultivated = processing.run("landconsolidation:cultivatedland", {
        "BEFORE": result["OUTPUT"], "AFTER_FIELD": "GHDLBM", "AFTER_KCXS_FIELD": "GHKCXS", "OUTPUT": "memory:"})
    assert cultivated["ADDED_M2"] == pytest.approx(3007.0, abs=0.01)
    compliance = processing.run("landconsolidation:compliance", {
        "DLTB": result["OUTPUT"], "AFTER_FIELD": "GHDLBM", "AFTER_KCXS_FIELD": "GHKCXS", "RED_LINE": red_line,
        "SUBPROJECTS": result["OUTPUT_SUBPROJECTS"], "OUTPUT": "memory:"})
    verdicts = {f["RULE"]: f["VERDICT"] for f in compliance["OUTPUT"].getFeatures()}
    for rule in ("ADDED_CULTIVATED", "CONSTRUCTION", "LINKAGE", "NEW_CULTIVATED_NOT_IN_RED_LINE", "PERIOD",
                 "BALANCE_AREA"):
        assert verdicts[rule] == "通过", rule


def test_subprojects_of_the_draft(provider, township, red_line):
    """Two sub-projects: 建设用地复垦 (6; 2026, first) and 农用地整理 (3 and 5; 8 000 元 = 0.8 万元)."""
    result = run(township, red_line)
    subs = {f["XMLX"]: f for f in result["OUTPUT_SUBPROJECTS"].getFeatures()}
    assert set(subs) == {"建设用地复垦", "农用地整理"}
    assert subs["建设用地复垦"]["SSND"] == 2026 and subs["建设用地复垦"]["TZJE"] == pytest.approx(2.0)
    assert subs["农用地整理"]["TZJE"] == pytest.approx(0.8) and subs["农用地整理"]["PARCELS"] == 2
    assert subs["农用地整理"]["XMMJ"] == pytest.approx(2500.0, abs=0.01)
    assert 2026 <= subs["农用地整理"]["SSND"] <= 2028


@pytest.mark.parametrize("solver", [0, 1])
def test_construction_land_needed(provider, township, red_line, solver):
    result = run(township, red_line, solver, NEW_BUILD_M2=1000.0)
    assert chosen(result) == {"3", "5", "6", "7"}
    assert result["COST"] == pytest.approx(52000.0, abs=0.01)
    assert result["RECLAIMED_M2"] == pytest.approx(1400.0, abs=0.01)
    assert result["ADDED_M2"] == pytest.approx(3783.0, abs=0.01)


def test_unreachable_target_says_by_how_much(provider, township, red_line):
    result = run(township, red_line, TARGET_ADDED_RATE=10.0)
    assert result["FEASIBLE"] == 0
    assert result["SHORTFALL_M2"] == pytest.approx(5820.0 - 4183.0, abs=0.01)
    assert "1637.00 m² short" in result["REASON"]
    # The best attempt: everything eligible (the red-line plot still refused).
    assert chosen(result) == {"2", "3", "5", "6", "7"}


def test_budget_too_small(provider, township, red_line):
    result = run(township, red_line, MAX_BUDGET=20000.0)
    assert result["FEASIBLE"] == 0
    assert "20000.00" in result["REASON"] and "28000.00" in result["REASON"]
    assert result["COST"] <= 20000.0


def test_locked_choices(provider, township, red_line):
    """EXCLUDE 6 → 3 + 5 + 7 (32 000 元); INCLUDE 2 → 2 + 3 + 5 + 6 (36 000 元); INCLUDE the red-line plot: refused."""
    assert chosen(run(township, red_line, EXCLUDE="6")) == {"3", "5", "7"}
    forced = run(township, red_line, INCLUDE="2")
    assert chosen(forced) == {"2", "3", "5", "6"} and forced["COST"] == pytest.approx(36000.0)
    refused = run(township, red_line, INCLUDE="4、99")
    assert "4" not in chosen(refused)
    assert chosen(refused) == {"3", "5", "6"}


def test_without_the_red_line_the_cheapest_plot_wins(provider, township):
    result = run(township, None)
    assert chosen(result) == {"3", "4"}
    assert result["COST"] == pytest.approx(3000.0)


def test_sample_without_its_plan(provider, sample_gpkg, tmp_path):
    """The bundled sample (600 parcels) with its plan ignored: the draft reaches 5 % and reclaims the 建新 the
    township needs; compliance on it passes every rule the draft was given (新增耕地, 建设用地, 建新 ≤ 拆旧, the red
    line, the period, 永农 untouched) and leaves 等别 and slope 未核验 (new 耕地 has neither until it is surveyed)."""
    def uri(layer):
        return f"{sample_gpkg}|layername={layer}"

    out = {key: str(tmp_path / f"{key}.gpkg") for key in ("plan", "candidates", "subprojects")}
    result = processing.run("landconsolidation:draftscheme", {
        "INPUT": uri("DLTB"), "PROJECT_AREA": uri("XMQ"), "RED_LINE": uri("STBHHX"),
        "DEVELOPMENT_BOUNDARY": uri("CZKFBJ"), "PBF": uri("YJJBNTTB"), "NEW_BUILD_M2": 5000.0,
        "START_YEAR": 2026, "END_YEAR": 2028, "OUTPUT": out["plan"], "OUTPUT_CANDIDATES": out["candidates"],
        "OUTPUT_SUBPROJECTS": out["subprojects"]})
    assert result["FEASIBLE"] == 1
    assert result["ADDED_RATE"] >= 5.0
    assert result["RECLAIMED_M2"] >= 5000.0
    assert 0.0 <= result["GAP_PCT"] < 1.0
    compliance = processing.run("landconsolidation:compliance", {
        "DLTB": out["plan"], "AFTER_FIELD": "GHDLBM", "AFTER_KCXS_FIELD": "GHKCXS", "PROJECT_AREA": uri("XMQ"),
        "RED_LINE": uri("STBHHX"), "PBF_BEFORE": uri("YJJBNTTB"), "PBF_AFTER": uri("YJJBNTTB"),
        "SUBPROJECTS": out["subprojects"], "OUTPUT": "memory:"})
    table = {f["RULE"]: (f["VERDICT"], f["VALUE"]) for f in compliance["OUTPUT"].getFeatures()}
    for rule in ("ADDED_CULTIVATED", "CONSTRUCTION", "LINKAGE", "NEW_CULTIVATED_NOT_IN_RED_LINE", "NO_BUILD_ON_PBF",
                 "NO_BUILD_IN_RED_LINE", "PBF_ADDED", "PBF_ADJUST_SHARE", "BALANCE_AREA", "BALANCE_QUALITY", "PERIOD",
                 "TOWNSHIP"):
        assert table[rule][0] == "通过", rule
    assert table["ADDED_CULTIVATED"][1] == pytest.approx(result["ADDED_RATE"], abs=1e-3)
    assert table["CONSTRUCTION"][1] == pytest.approx(-result["RECLAIMED_M2"], abs=0.01)
    assert {table[rule][0] for rule in ("QUALITY", "NEW_CULTIVATED_GRADE", "NEW_CULTIVATED_NOT_STEEP")} == {"未核验"}


@pytest.mark.parametrize("seed", range(6))
def test_lp_bound_equals_the_linear_relaxation(seed):
    """The Lagrangian bound of core/draft.py against SciPy's linprog on random covers (with fixed choices)."""
    import numpy as np
    from land_consolidation.core.draft import lp_bound
    from scipy.optimize import linprog

    rng = np.random.default_rng(seed)
    n = 300
    est = np.round(rng.uniform(0, 3000, n), 2)
    recl = np.where(rng.random(n) < 0.2, np.round(rng.uniform(100, 2000, n), 2), 0.0)
    net = np.round(rng.uniform(-500, 50000, n), 2)
    lo = (rng.random(n) < 0.02).astype(float)
    hi = np.where(rng.random(n) < 0.05, lo, 1.0)  # some ineligible (hi = lo = 0)
    target, reclaim = 0.3 * float(est[hi > 0].sum()), (0.4 * float(recl[hi > 0].sum()) if seed % 2 else 0.0)
    exact = linprog(net, A_ub=np.vstack([-est, -recl]), b_ub=[-target, -reclaim], bounds=list(zip(lo, hi)),
                    method="highs")
    assert exact.status == 0
    assert lp_bound(net, est, recl, target, reclaim, lo, hi) == pytest.approx(exact.fun, rel=1e-7, abs=1e-4)


def test_maps_of_a_drafted_project_measure_the_draft(provider, sample_gpkg, tmp_path):
    """A project made from the draft (GHDLBM with GHKCXS): the maps' plan (core/derived.py) gives the draft's 新增耕地."""
    from land_consolidation.core import indicators
    from land_consolidation.core.derived import ProjectData

    def uri(layer):
        return f"{sample_gpkg}|layername={layer}"

    plan = str(tmp_path / "plan.gpkg")
    result = processing.run("landconsolidation:draftscheme", {
        "INPUT": uri("DLTB"), "PROJECT_AREA": uri("XMQ"), "RED_LINE": uri("STBHHX"), "START_YEAR": 2026,
        "END_YEAR": 2028, "OUTPUT": plan, "OUTPUT_CANDIDATES": "memory:", "OUTPUT_SUBPROJECTS": "memory:"})
    project = tmp_path / "drafted.gpkg"
    processing.run("landconsolidation:createproject", {
        "DLTB": plan, "PROJECT_AREA": uri("XMQ"), "AFTER_FIELD": "GHDLBM", "AFTER_KCXS_FIELD": "GHKCXS",
        "NAME": "草案项目", "START_YEAR": 2026, "END_YEAR": 2028, "OUTPUT": str(project)})
    pieces = ProjectData(project).plan().pieces
    land = indicators.cultivated_land(pieces, float(pieces["gross"].sum()))
    assert land.added_m2 == pytest.approx(result["ADDED_M2"], abs=0.01)


def test_field_mapping(provider, red_line):
    """The same township with its code in DLBM2 (FIELD_MAPPING): the same cheapest cover 3 + 5 + 6."""
    fields = [(("DLBM2" if name == "DLBM" else name), kind) for name, kind in FIELDS]
    rows = []
    for bsm, code, box, tbmj, kcxs, gddb, czcsxm, cost in PARCELS:
        row = parcel(bsm, code, rect(*box), tbmj, VILLAGE_A, kcxs=kcxs, gddb=gddb)
        row.update({"CZCSXM": czcsxm, "GCZJ": cost, "DLBM2": row.pop("DLBM")})
        rows.append(row)
    layer = memory_layer("DLTB", rows, fields=fields)
    result = run(layer, red_line, FIELD_MAPPING='{"code": "DLBM2"}')
    assert chosen(result) == {"3", "5", "6"}
    assert {f["BSM"]: f["GHDLBM"] for f in result["OUTPUT"].getFeatures()}["4"] == "0201K"
