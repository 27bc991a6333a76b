"""方案编制助手: a plan that meets the scheme's targets at the least cost, drafted from the potential survey.

The potential survey (:mod:`.potential`) lists every parcel that can add
耕地 – K plots to restore, 耕地后备资源 to develop, scattered rural
construction land and abandoned mines to reclaim, 耕地 whose 田坎 can be
merged – with its estimated 新增耕地 net of the target 田坎 coefficient
(``EST_ADDED_M2``).  The draft chooses among them:

    minimise   Σ (cost_i − bonus_i) x_i
    subject to Σ est_i x_i ≥ target × original 耕地      (新增耕地, the compliance rule's measure)
               Σ reclaimed_i x_i ≥ NEW_BUILD_M2           (拆旧 for the construction land needed)
               Σ cost_i x_i ≤ MAX_BUDGET                   (when given)
               x_i = 1 for INCLUDE, x_i = 0 for EXCLUDE and ineligible candidates, x_i ∈ {0, 1}

* **Eligible**: the survey's candidates of the types that change the plan
  (restorable, development, reclamation, mine, tiankan; high_standard adds
  nothing by itself), outside the 生态保护红线 – a candidate with 1 m² or more
  of its area in the red line is refused, stricter than the survey's share
  rule, so that the compliance rule "新增耕地不在生态保护红线内" holds – and,
  for reclamation and mines, outside the 城镇开发边界 (the survey's rule).
  永久基本农田 is untouched: the draft never adjusts it and only ever turns
  land *into* 耕地.
* **Cost** (元): a cost field on the DLTB (the parcel's whole cost), else the
  type's unit cost (元/亩) × the parcel's TBMJ in 亩.
* **Bonus** (``PREFER_CONTIGUITY``, 元 per 亩): credited to new 耕地 lying in
  a contiguous 耕地 block of 100 亩 or more once every new-耕地 candidate is
  耕地 (blocks as in the contiguity analysis, roads, ditches and 田坎 up to
  8 m joining) – choices that join or enlarge 百亩方 come first.
* **Solver**: a greedy cover (best cost per m² of what is still missing,
  reclamation first) followed by a repair that drops what is no longer
  needed and swaps chosen candidates for cheaper ones; where SciPy ≥ 1.9 is
  in QGIS's Python, also SciPy's ``milp`` (HiGHS branch and bound, stopped
  at a relative gap of :data:`MIP_GAP` or the time limit), and the cheaper
  answer is kept.  Either way the draft reports the lower bound of the
  linear relaxation (:func:`lp_bound`, exact by LP duality, without SciPy)
  and the gap.
* **Infeasible** targets are never missed silently: ``feasible`` is False,
  ``reason`` says why (the candidates fall short by so many m², or the budget
  cannot pay for the cheapest cover), and the draft is the best attempt (every
  eligible candidate that adds 耕地 or reclaims, within the budget, cheapest
  per m² first).

The planned codes (``GHDLBM``): a restored pond (1104K) becomes 水田 0101;
every other new 耕地 – restored K plots, developed 其他草地 / 裸土地 …,
reclaimed construction land and mines – becomes ``new_code`` (旱地 0103 by
default, or 水浇地 0102; ``reclaim_code`` for reclaimed land, default the
same); 田坎归并 keeps the code.  New 耕地 and merged fields carry the target
田坎 coefficient (``GHKCXS``); with ``AFTER_FIELD=GHDLBM`` and
``AFTER_KCXS_FIELD=GHKCXS`` every other algorithm measures exactly the
drafted 新增耕地.  Unchosen parcels keep their code.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..i18n import tr
from . import codes as codes_mod
from .potential import Potential
from .units import MU_PER_M2

#: Candidate types the draft can choose (high_standard adds no 耕地 of its own).
DRAFT_TYPES = ("restorable", "development", "reclamation", "mine", "tiankan")
#: Types whose parcels are reclaimed construction land (count towards 拆旧).
RECLAIM_TYPES = ("reclamation", "mine")
#: The MILP stops within this relative gap of its own bound (0.01 %: a few 元 on a township).
MIP_GAP = 1e-4
#: Above this many eligible candidates the MILP is not tried: HiGHS takes minutes on a county (presolve alone
#: outruns the time limit) where the greedy cover with repair is within 0.01 % of the LP bound.
MILP_MAX_CANDIDATES = 20000
#: Sub-project type (XMLX) of each candidate type.
SUBPROJECT_TYPE = {"restorable": "农用地整理", "development": "农用地整理", "reclamation": "建设用地复垦",
                   "mine": "建设用地复垦", "tiankan": "高标准农田建设"}


@dataclass(frozen=True)
class UnitCosts:
    """Unit costs per candidate type (元/亩).

    Planning assumptions, not a tariff: 高标准农田建设 follows the national
    plan's average investment of about 3 000 元/亩 (全国高标准农田建设规划
    2021—2030 年, applied here to 田坎归并 at half, the levelling share);
    the others are orders of magnitude of published township schemes
    (restoring K plots: clearing and levelling; developing 后备资源: clearing,
    soil and irrigation; reclaiming homesteads and mines: demolition, debris,
    soil).  Replace them with the county's budget standard
    (土地开发整理项目预算定额, 财综〔2011〕128号) or give a cost field.
    """

    restorable: float = 3000.0
    development: float = 5000.0
    reclamation: float = 40000.0
    mine: float = 50000.0
    tiankan: float = 1500.0

    def of(self, kind: str) -> float:
        """元/亩 of a candidate type."""
        return float(getattr(self, kind))


@dataclass(frozen=True)
class Settings:
    """What the draft must reach and may spend.

    Attributes:
        target_rate: 新增耕地 as % of the original 耕地 (the compliance rule's measure).
        new_build_m2: Construction land the township needs (m²): at least this much is reclaimed.
        max_budget: Largest total cost (元), None for none.
        prefer_contiguity: 元 per 亩 credited to new 耕地 in a block ≥ 100 亩.
        costs: Unit costs.
        new_code: Planned code of new 耕地 (0103 旱地 or 0102 水浇地).
        reclaim_code: Planned code of reclaimed construction land (default ``new_code``).
        include: BSMs that must be chosen (when eligible).
        exclude: BSMs that must not be chosen.
        solver: ``"auto"`` (milp when SciPy has it) or ``"greedy"``.
        time_limit: Seconds the MILP solver may take.
    """

    target_rate: float = 5.0
    new_build_m2: float = 0.0
    max_budget: float | None = None
    prefer_contiguity: float = 0.0
    costs: UnitCosts = field(default_factory=UnitCosts)
    new_code: str = "0103"
    reclaim_code: str | None = None
    include: tuple = ()
    exclude: tuple = ()
    solver: str = "auto"
    time_limit: float = 30.0


@dataclass
class Selection:
    """A solver's answer: the chosen mask and the method that found it."""

    chosen: np.ndarray
    solver: str


@dataclass
class Draft:
    """The drafted plan.

    Attributes:
        candidates: Every candidate of the survey (and those it excluded), with
            ``EST_ADDED_M2``, ``RECLAIMED_M2``, ``COST``, ``BONUS``, ``CHOSEN``
            (1/0) and ``REASON`` (why chosen or not), ``row`` into the parcels.
        planned_code, planned_kcxs, subproject: Per parcel row: GHDLBM, GHKCXS
            (NaN where unchanged), ZXM ("" where unchanged).
        subprojects: One row per sub-project (XMBH, XMMC, XMLX, TZJE 万元,
            SSND, ZLDWDM, rows).
        original_m2: 耕地 of the project area (Σ TBDLMJ), the rate's base.
        target_m2: The 新增耕地 to reach.
        added_m2, reclaimed_m2, cost: What the draft gives.
        feasible: Whether every target is met.
        reason: Why not (empty when feasible).
        shortfall_m2: 新增耕地 missing (0 when met).
        solver: ``milp`` or ``greedy`` (with ``+repair``).
        lp_bound: Lower bound of the objective (cost − bonus) from the linear relaxation.
        objective: Σ (cost − bonus) of the draft.
        notes: Lines for the log.
    """

    candidates: pd.DataFrame
    planned_code: list
    planned_kcxs: np.ndarray
    subproject: list
    subprojects: pd.DataFrame
    original_m2: float
    target_m2: float
    added_m2: float
    reclaimed_m2: float
    cost: float
    feasible: bool
    reason: str
    shortfall_m2: float
    solver: str
    lp_bound: float
    objective: float
    notes: list = field(default_factory=list)

    @property
    def added_rate(self) -> float:
        """新增耕地 / original 耕地 (%)."""
        return 100.0 * self.added_m2 / self.original_m2 if self.original_m2 > 0 else float("nan")

    @property
    def gap_percent(self) -> float:
        """(objective − bound) / bound (%), NaN without a positive bound."""
        if not self.lp_bound or self.lp_bound <= 0 or math.isnan(self.lp_bound):
            return float("nan")
        return 100.0 * (self.objective - self.lp_bound) / self.lp_bound


# ---------------------------------------------------------------------- candidates

def candidate_table(potential: Potential, settings: Settings, red_line=None, cost_values=None,
                    block_bonus_rows=None) -> tuple[pd.DataFrame, list]:
    """The survey's candidates with their cost, bonus and eligibility.

    Args:
        potential: The potential survey.
        settings: The draft's settings.
        red_line: The red line's polygons (a :class:`~.potential.ConstraintLayer`), or None.
        cost_values: Per parcel row, a cost (元) from the DLTB's cost field (NaN: use the unit cost).
        block_bonus_rows: Parcel rows of new 耕地 lying in a block ≥ 100 亩 (get the bonus).

    Returns:
        (frame, notes): ``ELIGIBLE`` (bool) and ``REASON`` for the ineligible.
    """
    notes: list = []
    parcels = potential.parcels.frame
    cands = potential.candidates
    cands = cands[cands["POTENTIAL_TYPE"].isin(DRAFT_TYPES)].copy()
    cands = cands[cands["EST_ADDED_M2"].to_numpy(dtype=float) > 0.0].copy()
    excluded = potential.excluded.copy()
    excluded = excluded[excluded["POTENTIAL_TYPE"].isin(DRAFT_TYPES)]
    rows = cands["row"].to_numpy(dtype=np.int64)
    tbmj = parcels["tbmj"].to_numpy(dtype=float)
    cands["AREA_M2"] = tbmj[rows]
    kinds = cands["POTENTIAL_TYPE"].to_numpy(dtype=object)
    unit = np.array([settings.costs.of(k) for k in kinds])
    cost = np.round(unit * tbmj[rows] * MU_PER_M2, 2)
    if cost_values is not None:
        given = np.asarray(cost_values, dtype=float)[rows]
        cost = np.where(np.isnan(given), cost, np.round(given, 2))
    cands["COST"] = cost
    cands["RECLAIMED_M2"] = np.where(np.isin(kinds, RECLAIM_TYPES), tbmj[rows], 0.0)
    bonus_rows = set(int(r) for r in (block_bonus_rows if block_bonus_rows is not None else []))
    new_cultivated = kinds != "tiankan"
    in_block = np.array([int(r) in bonus_rows for r in rows], dtype=bool)
    cands["BONUS"] = np.round(np.where(new_cultivated & in_block,
                                       settings.prefer_contiguity * tbmj[rows] * MU_PER_M2, 0.0), 2)
    eligible = np.ones(len(cands), dtype=bool)
    reason = np.full(len(cands), "", dtype=object)
    if red_line is not None and len(red_line):
        geoms = potential.parcels.geometries
        for k, row in enumerate(rows.tolist()):
            share = red_line.share(geoms[row])
            if share * _planar_area(geoms[row]) >= 1.0:
                eligible[k] = False
                reason[k] = "部分位于生态保护红线内（≥1 m²）"
    bsm = cands["BSM"].astype(str).to_numpy(dtype=object)
    excluded_bsm = {str(b) for b in settings.exclude}
    included_bsm = {str(b) for b in settings.include}
    user_out = np.isin(bsm, list(excluded_bsm))
    reason[user_out & eligible] = "用户排除（EXCLUDE）"
    eligible &= ~user_out
    known = set(bsm.tolist()) | set(excluded["BSM"].astype(str)) if len(excluded) else set(bsm.tolist())
    for label, wanted in (("INCLUDE", included_bsm), ("EXCLUDE", excluded_bsm)):
        unknown = sorted(wanted - known)
        if unknown:
            notes.append(tr("{key}: {n} BSM(s) are not candidates of the potential survey and were ignored: "
                            "{list}").format(key=label, n=len(unknown), list="、".join(unknown[:10])
                                             + ("…" if len(unknown) > 10 else "")))
    forced = np.isin(bsm, list(included_bsm))
    refused = forced & ~eligible & ~user_out
    if refused.any():
        notes.append(tr("INCLUDE: {list} cannot be chosen ({reason}).").format(
            list="、".join(bsm[refused][:10]), reason=reason[refused][0]))
    if (forced & user_out).any():
        notes.append(tr("{list} are in both INCLUDE and EXCLUDE: excluded.").format(
            list="、".join(bsm[forced & user_out][:10])))
    cands["ELIGIBLE"] = eligible
    cands["FORCED"] = forced & eligible
    cands["REASON"] = reason
    # The survey's own exclusions, listed for the record (never chosen).
    if len(excluded):
        out = excluded.copy()
        out["AREA_M2"] = tbmj[out["row"].to_numpy(dtype=np.int64)]
        out["COST"] = np.nan
        out["RECLAIMED_M2"] = 0.0
        out["BONUS"] = 0.0
        out["EST_ADDED_M2"] = np.nan
        out["ELIGIBLE"] = False
        out["FORCED"] = False
        out["REASON"] = out["REASON_TEXT"]
        cands = pd.concat([cands, out[[c for c in cands.columns if c in out.columns]]], ignore_index=True)
    return cands.reset_index(drop=True), notes


def _planar_area(geom) -> float:
    return float(geom.area())


# ---------------------------------------------------------------------- solvers

def _scipy_milp():
    try:
        from scipy.optimize import milp  # noqa: F401  (SciPy ≥ 1.9)
    except ImportError:
        return None
    import scipy.optimize as opt

    return opt


def lp_bound(net, est, recl, target, reclaim, lo, hi) -> float:
    """Lower bound of Σ net·x over the linear relaxation (0 ≤ x ≤ 1, the two cover constraints).

    The relaxation's optimum is the maximum of its Lagrangian dual over the
    two multipliers (LP duality): for a multiplier μ of the reclamation cover
    the best multiplier λ of the 新增耕地 cover is found exactly, as in the
    fractional knapsack (items enter in the order of (net − μ·reclaimed) /
    est); the dual is concave in μ, maximised by golden-section search.  Any
    multipliers give a valid lower bound, so the search can only err on the
    safe side.  The budget is left out of the relaxation (dropping a
    constraint keeps the bound valid); ``inf`` when the covers cannot be met.
    """
    fixed = lo >= 1.0
    free = (hi > lo) & ~fixed
    if float(est[fixed | free].sum()) < target - 1e-9 or float(recl[fixed | free].sum()) < reclaim - 1e-9:
        return float("inf")
    fixed_est = float(est[fixed].sum())

    def best_over_lambda(mu: float) -> float:
        r = net - mu * recl
        rf, af = r[free], est[free]
        negative = rf < 0
        need = target - fixed_est - float(af[negative & (af > 0)].sum())
        lam = 0.0
        if need > 0:
            candidates = np.flatnonzero(~negative & (af > 0))
            order = candidates[np.argsort(rf[candidates] / af[candidates], kind="stable")]
            cum = np.cumsum(af[order])
            k = int(np.searchsorted(cum, need - 1e-12))
            if k < len(order):
                lam = float(rf[order[k]] / af[order[k]])
        terms = np.minimum(0.0, rf - lam * af)
        return mu * reclaim + float(r[fixed].sum()) + lam * (target - fixed_est) + float(terms.sum())

    if reclaim <= 0:
        return best_over_lambda(0.0)
    useful = free & (recl > 0)
    high = float(np.max(np.maximum(net[useful], 0.0) / recl[useful])) if useful.any() else 0.0
    low, ratio = 0.0, (5 ** 0.5 - 1) / 2
    a, b = low + (1 - ratio) * (high - low), low + ratio * (high - low)
    fa, fb = best_over_lambda(a), best_over_lambda(b)
    for _ in range(120):
        if fa < fb:
            low, a, fa = a, b, fb
            b = low + ratio * (high - low)
            fb = best_over_lambda(b)
        else:
            high, b, fb = b, a, fa
            a = low + (1 - ratio) * (high - low)
            fa = best_over_lambda(a)
    return max(fa, fb, best_over_lambda(0.0))


def solve_milp(opt, net, est, recl, cost, target, reclaim, budget, lo, hi, groups, time_limit) -> Selection | None:
    """The exact selection by SciPy's milp; None when it finds none (infeasible, or no solution in time)."""
    from scipy.sparse import csr_matrix

    rows, cols, vals, lb, ub = [], [], [], [], []
    for r, (weight, bound) in enumerate(((est, target), (recl, reclaim))):
        nz = np.flatnonzero(weight)
        rows += [r] * len(nz)
        cols += nz.tolist()
        vals += weight[nz].tolist()
        lb.append(bound)
        ub.append(np.inf)
    r = 2
    if budget is not None:
        nz = np.flatnonzero(cost)
        rows += [r] * len(nz)
        cols += nz.tolist()
        vals += cost[nz].tolist()
        lb.append(-np.inf)
        ub.append(budget)
        r += 1
    for members in groups:
        rows += [r] * len(members)
        cols += list(members)
        vals += [1.0] * len(members)
        lb.append(-np.inf)
        ub.append(1.0)
        r += 1
    matrix = csr_matrix((vals, (rows, cols)), shape=(r, len(net)))
    res = opt.milp(net, integrality=np.ones(len(net)), bounds=opt.Bounds(lo, hi),
                   constraints=opt.LinearConstraint(matrix, np.array(lb), np.array(ub)),
                   options={"time_limit": time_limit, "mip_rel_gap": MIP_GAP})
    if res.x is None:
        return None
    return Selection(np.round(res.x).astype(bool), "milp")


def solve_greedy(net, est, recl, target, reclaim, lo, hi, groups) -> Selection:
    """Greedy cover (reclamation first, then 新增耕地, best net cost per m² still missing), then repair.

    The budget is not a constraint of the greedy: the caller checks the cover against it (:func:`_meets`).
    """
    chosen = lo.astype(bool).copy()
    allowed = hi.astype(bool)
    # Candidates of one parcel exclude each other: choosing one blocks the others.
    blocked = np.zeros(len(net), dtype=bool)
    members_of = {m: members for members in groups for m in members}

    def choose(i) -> None:
        chosen[i] = True
        for m in members_of.get(int(i), ()):
            if m != i:
                blocked[m] = True

    for i in np.flatnonzero(chosen):
        choose(i)
    # Candidates that pay for themselves (bonus above cost) are always worth taking.
    for i in np.flatnonzero(allowed & ~chosen & (net < 0)):
        if not blocked[i]:
            choose(i)
    for weight, bound in ((recl, reclaim), (est, target)):
        while True:
            missing = bound - float(weight[chosen].sum())
            if missing <= 1e-9:
                break
            pool = np.flatnonzero(allowed & ~chosen & ~blocked & (weight > 0))
            if not len(pool):
                break
            gain = np.minimum(weight[pool], missing)
            choose(pool[int(np.argmin(np.maximum(net[pool], 0.0) / gain))])
    selection = Selection(chosen, "greedy")
    _repair(selection, net, est, recl, target, reclaim, lo, allowed, blocked, members_of)
    return selection


def _repair(selection, net, est, recl, target, reclaim, lo, allowed, blocked, members_of) -> None:
    """Drop chosen candidates no longer needed (dearest first), then swap chosen ones for cheaper ones."""
    chosen = selection.chosen
    fixed = lo.astype(bool)

    def holds(mask) -> bool:
        return float(est[mask].sum()) >= target - 1e-9 and float(recl[mask].sum()) >= reclaim - 1e-9

    def release(i) -> None:
        chosen[i] = False
        for m in members_of.get(int(i), ()):
            blocked[m] = False

    def take(j) -> None:
        chosen[j] = True
        for m in members_of.get(int(j), ()):
            if m != j:
                blocked[m] = True

    if not holds(chosen):
        return
    for i in sorted(np.flatnonzero(chosen & ~fixed), key=lambda i: -net[i]):
        if net[i] <= 0:
            continue
        chosen[i] = False
        if holds(chosen):
            release(i)
        else:
            chosen[i] = True
    for _ in range(200):
        improved = False
        surplus_est = float(est[chosen].sum()) - target
        surplus_recl = float(recl[chosen].sum()) - reclaim
        for i in sorted(np.flatnonzero(chosen & ~fixed), key=lambda i: -net[i]):
            # j may replace i when what j brings covers what leaving i takes away.
            release(i)
            ok = allowed & ~chosen & ~blocked & (net < net[i] - 0.005) & (est >= est[i] - surplus_est - 1e-9) \
                & (recl >= recl[i] - surplus_recl - 1e-9)
            ok[i] = False
            pool = np.flatnonzero(ok)
            if len(pool):
                take(pool[int(np.argmin(net[pool]))])
                improved = True
                break
            take(i)
        if not improved:
            break
    selection.solver = "greedy+repair"


# ---------------------------------------------------------------------- the draft

def draft(potential: Potential, settings: Settings, red_line=None, cost_values=None, block_bonus_rows=None,
          years: tuple[int, int] = (2026, 2028), township: str = "") -> Draft:
    """Choose the candidates and write the plan (module docstring).

    Args:
        potential: The potential survey of the project area.
        settings: Targets, budget, costs, locked choices.
        red_line: The red line (:class:`~.potential.ConstraintLayer`), or None.
        cost_values: Per parcel row, a cost (元) from the DLTB's cost field.
        block_bonus_rows: Parcel rows of new 耕地 in a block ≥ 100 亩.
        years: First and last year of implementation (for the sub-projects' SSND).
        township: Township code, the prefix of the sub-project codes.
    """
    parcels = potential.parcels.frame
    table = codes_mod.default_table()
    cands, notes = candidate_table(potential, settings, red_line, cost_values, block_bonus_rows)
    original = float(parcels.loc[parcels["base"].isin(codes_mod.CULTIVATED), "tbdlmj"].sum())
    # A hair above the target so that a rate rounded at 2 decimals is never read below it.
    target = settings.target_rate / 100.0 * original + 0.005
    reclaim = max(float(settings.new_build_m2), 0.0)
    budget = settings.max_budget
    live = cands["ELIGIBLE"].to_numpy(dtype=bool)
    index = np.flatnonzero(live)
    est = cands["EST_ADDED_M2"].to_numpy(dtype=float)[index]
    recl = cands["RECLAIMED_M2"].to_numpy(dtype=float)[index]
    cost = cands["COST"].to_numpy(dtype=float)[index]
    net = cost - cands["BONUS"].to_numpy(dtype=float)[index]
    lo = cands["FORCED"].to_numpy(dtype=bool)[index].astype(float)
    hi = np.ones(len(index))
    rows = cands["row"].to_numpy(dtype=np.int64)[index]
    # Candidates of the same parcel (a parcel may be a candidate of two types): at most one is chosen.
    unique, inverse, counts = np.unique(rows, return_inverse=True, return_counts=True)
    groups = [tuple(np.flatnonzero(inverse == u).tolist()) for u in np.flatnonzero(counts > 1)]

    reason, feasible = "", True
    possible_est, possible_recl = float(est.sum()), float(recl.sum())
    if possible_est < target - 0.005:
        feasible = False
        reason = tr("the candidates can give at most {have:.2f} m² of new cultivated land, {short:.2f} m² short of the "
                    "target {want:.2f} m² ({rate:g} % of {base:.2f} m² of cultivated land)").format(
            have=possible_est, short=target - 0.005 - possible_est, want=target - 0.005, rate=settings.target_rate,
            base=original)
    if possible_recl < reclaim - 1e-6:
        feasible = False
        reason = "; ".join(filter(None, [reason, tr(
            "the reclamation candidates give at most {have:.2f} m², {short:.2f} m² short of NEW_BUILD_M2 "
            "{want:.2f} m²").format(have=possible_recl, short=reclaim - possible_recl, want=reclaim)]))
    bound = lp_bound(net, est, recl, min(target, possible_est), min(reclaim, possible_recl), lo, hi)
    selection = None
    opt = _scipy_milp() if settings.solver == "auto" else None
    if feasible:
        # The greedy cover takes a fraction of a second; the MILP stops within MIP_GAP of its bound, which on
        # near-integral relaxations the greedy answer may beat: both run, the cheaper is kept.
        selection = solve_greedy(net, est, recl, target, reclaim, lo, hi, groups)
        if opt is not None and len(index) > MILP_MAX_CANDIDATES:
            notes.append(tr("{n} eligible candidates, more than the exact solver is given ({limit}): the greedy "
                            "selection with repair is used; the gap to the lower bound says how close it is.").format(
                n=len(index), limit=MILP_MAX_CANDIDATES))
        elif opt is not None:
            exact = solve_milp(opt, net, est, recl, cost, target, reclaim, budget, lo, hi, groups,
                               settings.time_limit)
            if exact is None:
                notes.append(tr("The MILP solver found no selection; the greedy selection is kept."))
            elif float(net[exact.chosen].sum()) <= float(net[selection.chosen].sum()) + 1e-6 or not _meets(
                    selection, est, recl, cost, target, reclaim, budget):
                selection = exact
            else:
                notes.append(tr("SciPy's milp and the greedy method both ran; the greedy selection was "
                                "{saving:.2f} yuan cheaper and is kept.").format(
                    saving=float(net[exact.chosen].sum() - net[selection.chosen].sum())))
        if not _meets(selection, est, recl, cost, target, reclaim, budget):
            feasible = False
            reason = tr("no selection reaches the targets")
            if budget is not None:
                # What the targets cost without the budget: the smallest budget that would do.
                free = None
                if opt is not None:
                    free = solve_milp(opt, cost, est, recl, cost, target, reclaim, None, lo, hi, groups,
                                      settings.time_limit)
                if free is None:
                    free = solve_greedy(cost, est, recl, target, reclaim, lo, hi, groups)
                reason = tr("within the budget {budget:.2f} yuan no selection reaches the targets: the cheapest "
                            "costs {need:.2f} yuan").format(budget=budget, need=float(cost[free.chosen].sum()))
    if not feasible:
        selection = _best_attempt(net, est, recl, cost, budget, lo, hi, groups)
    chosen_index = index[selection.chosen]
    chosen = np.zeros(len(cands), dtype=bool)
    chosen[chosen_index] = True
    cands["CHOSEN"] = chosen.astype(int)
    _reasons(cands, chosen, feasible, budget)

    planned_code = list(parcels["code"])
    planned_kcxs = np.full(len(parcels), np.nan)
    target_kcxs = potential.rules.target_kcxs
    reclaim_code = settings.reclaim_code or settings.new_code
    for rec in cands[cands["CHOSEN"] == 1].itertuples(index=False):
        row = int(rec.row)
        kind = rec.POTENTIAL_TYPE
        if kind == "tiankan":
            planned_kcxs[row] = target_kcxs
            continue
        entry = table.lookup(parcels["code"].iat[row])
        if kind in RECLAIM_TYPES:
            planned_code[row] = reclaim_code
        elif entry.base == "1104":
            planned_code[row] = "0101"
        else:
            planned_code[row] = settings.new_code
        planned_kcxs[row] = target_kcxs
    subprojects, subproject = _subprojects(cands, parcels, years, township)
    added = float(cands.loc[chosen, "EST_ADDED_M2"].sum())
    total_cost = float(cands.loc[chosen, "COST"].sum())
    objective = float((cands.loc[chosen, "COST"] - cands.loc[chosen, "BONUS"]).sum())
    return Draft(
        candidates=cands, planned_code=planned_code, planned_kcxs=planned_kcxs, subproject=subproject,
        subprojects=subprojects, original_m2=original, target_m2=target - 0.005, added_m2=added,
        reclaimed_m2=float(cands.loc[chosen, "RECLAIMED_M2"].sum()), cost=total_cost, feasible=feasible,
        reason=reason, shortfall_m2=max(0.0, target - 0.005 - added), solver=selection.solver,
        lp_bound=bound, objective=objective, notes=notes,
    )


def _meets(selection, est, recl, cost, target, reclaim, budget) -> bool:
    chosen = selection.chosen
    return float(est[chosen].sum()) >= target - 1e-6 and float(recl[chosen].sum()) >= reclaim - 1e-6 and (
        budget is None or float(cost[chosen].sum()) <= budget + 0.005)


def _best_attempt(net, est, recl, cost, budget, lo, hi, groups) -> Selection:
    """What can be had when the targets cannot: everything useful, within the budget, cheapest per m² first."""
    chosen = lo.astype(bool).copy()
    useful = np.flatnonzero((hi > lo) & ((est > 0) | (recl > 0)))
    value = est[useful] + recl[useful]
    order = useful[np.argsort(np.maximum(net[useful], 0.0) / value, kind="stable")]
    spent = float(cost[chosen].sum())
    taken_group = set()
    group_of = {m: g for g, members in enumerate(groups) for m in members}
    for i in order:
        g = group_of.get(int(i))
        if g is not None and g in taken_group:
            continue
        if budget is not None and spent + cost[i] > budget + 0.005:
            continue
        chosen[i] = True
        spent += cost[i]
        if g is not None:
            taken_group.add(g)
    return Selection(chosen, "best attempt")


def _reasons(cands: pd.DataFrame, chosen: np.ndarray, feasible: bool, budget) -> None:
    """Why each candidate is or is not in the draft."""
    reason = cands["REASON"].to_numpy(dtype=object).copy()
    eligible = cands["ELIGIBLE"].to_numpy(dtype=bool)
    forced = cands["FORCED"].to_numpy(dtype=bool)
    for k in range(len(cands)):
        if chosen[k]:
            reason[k] = "用户指定（INCLUDE）" if forced[k] else "已选"
        elif eligible[k]:
            reason[k] = "成本较高，目标已满足（不需要）" if feasible else \
                ("超出预算" if budget is not None else "未选")
    cands["REASON"] = reason


def _subprojects(cands: pd.DataFrame, parcels: pd.DataFrame, years: tuple[int, int], township: str):
    """The chosen parcels grouped by village and sub-project type; years spread over the period.

    建设用地复垦 comes first (its 拆旧 pays for the construction land needed);
    the others go, dearest first, to the year with the least investment so far.
    """
    chosen = cands[cands["CHOSEN"] == 1]
    subproject = [""] * len(parcels)
    if not len(chosen):
        return pd.DataFrame(columns=["XMBH", "XMMC", "XMLX", "TZJE", "SSND", "ZLDWDM", "rows"]), subproject
    kinds = chosen["POTENTIAL_TYPE"].map(SUBPROJECT_TYPE)
    villages = parcels["village"].to_numpy(dtype=object)
    names = parcels["village_name"].to_numpy(dtype=object) if "village_name" in parcels else villages
    rows = chosen["row"].to_numpy(dtype=np.int64)
    groups: dict = {}
    for row, kind, cost in zip(rows, kinds, chosen["COST"].to_numpy(dtype=float)):
        key = (str(villages[row] or ""), kind)
        entry = groups.setdefault(key, {"rows": [], "cost": 0.0, "name": str(names[row] or villages[row] or "")})
        entry["rows"].append(int(row))
        entry["cost"] += cost
    first, last = years
    span = list(range(int(first), int(last) + 1)) or [int(first)]
    load = {y: 0.0 for y in span}
    order = sorted(groups.items(), key=lambda item: (item[0][1] != "建设用地复垦", -item[1]["cost"], item[0]))
    records = []
    for n, ((village, kind), entry) in enumerate(order, start=1):
        year = span[0] if kind == "建设用地复垦" else min(span, key=lambda y: (load[y], y))
        load[year] += entry["cost"]
        code = f"{township or 'XM'}-CG{n:03d}"
        for row in entry["rows"]:
            subproject[row] = code
        records.append({"XMBH": code, "XMMC": f"{entry['name']}{kind}项目（草案）", "XMLX": kind,
                        "TZJE": round(entry["cost"] / 10000.0, 2), "SSND": year, "ZLDWDM": village,
                        "rows": entry["rows"]})
    return pd.DataFrame(records), subproject
