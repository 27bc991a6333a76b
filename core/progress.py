"""实施监管与验收: the plan against what a later survey (年度变更调查) shows was built.

Three layers meet: the baseline DLTB the plan was made on, the plan (its
before × after pieces, :mod:`.plan`), and a later survey DLTB, whose parcel
boundaries may differ from both.  The plan's pieces are overlaid with the
survey (:mod:`.overlay`); each resulting *part* has a baseline class, a
planned class and a surveyed class (base codes: 0201K counts as 0201):

* a **planned change** is a plan piece whose planned class differs from its
  baseline class; it is **realised** on the parts where the survey shows the
  planned class;
* a **deviation** (a change the plan does not contain) is a part where the
  survey shows neither the baseline class nor the planned class.

Areas are gross, as in the plan: a part gets its piece's gross area (the
piece's share of the baseline TBMJ) × its share of the piece's ellipsoidal
area.  Parts smaller than ``sliver_area`` (default 1 m²) are the traces of
re-digitised boundaries: they are dropped and counted, and the other parts
of their piece share the piece between them, so a survey digitised anew
gives the same percentages.

Sub-projects: a change counts for a sub-project by the share of the piece's
area inside the sub-project's polygon; the rest is "outside any
sub-project".  The realised share of a piece is spread the same way (a
piece lying across two sub-projects is taken as realised evenly over them).

The realised *state* (the indicators "realised" next to "planned") is the
baseline × survey plan built from the same parts: before side the baseline
piece, after side the survey parcel, each scaled by the part's share – the
plan the survey would be if it were the planned layer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

from ..i18n import tr
from . import codes as codes_mod
from .overlay import overlay
from .plan import COVERAGE_MIN_M2, COVERAGE_TOLERANCE, SIDE_COLUMNS, Plan, _join_sides

#: Parts of a plan piece under this area (m²) are slivers of re-digitised boundaries.
DEFAULT_SLIVER_AREA = 1.0
#: A piece is still "to do" while less than this share of it is realised.
DONE_SHARE = 1.0 - 1e-6
#: The row of changes outside every sub-project.
OUTSIDE = "（子项目之外）"
#: A 4-digit year in a layer name (DLTB_2027, 2027年度变更调查 …).
YEAR_IN_NAME = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def year_of(name: str) -> int | None:
    """The survey year a layer name carries (``DLTB_2027`` → 2027), or None."""
    match = YEAR_IN_NAME.search(name or "")
    return int(match.group(1)) if match else None


@dataclass
class Comparison:
    """One survey against the plan.

    Attributes:
        name: The survey layer's name.
        year: Its year (from the name; None when it carries none).
        parts: One row per part: ``piece`` (index into the plan's pieces),
            ``survey`` (row of the survey frame), ``gross`` (m²), ``before``,
            ``planned``, ``surveyed`` (base codes), ``change``, ``realised``,
            ``deviation`` (booleans).
        geometries: The parts' geometries (same order), for the deviation layer.
        realised_share: Per plan piece, the share of it realised (changes only;
            0 elsewhere).
        realised_pieces: The baseline × survey pieces (a :class:`~.plan.Plan`
            pieces frame) – the realised state; pieces the survey does not
            cover are kept unchanged.
        realised_geometries: Their geometries.
        slivers: Number of parts dropped as slivers, and their area (m²).
        unsurveyed_m2: Gross area of plan pieces the survey does not cover.
        notes: Lines for the log.
    """

    name: str
    year: int | None
    parts: pd.DataFrame
    geometries: list
    realised_share: np.ndarray
    realised_pieces: pd.DataFrame
    realised_geometries: list = field(default_factory=list)
    slivers: tuple = (0, 0.0)
    unsurveyed_m2: float = 0.0
    notes: list = field(default_factory=list)

    @property
    def planned_change_m2(self) -> float:
        """Gross area of every planned change."""
        return float(self.parts.loc[self.parts["change"], "gross"].sum())

    @property
    def realised_change_m2(self) -> float:
        """Gross area of the planned changes the survey shows done."""
        return float(self.parts.loc[self.parts["realised"], "gross"].sum())

    @property
    def unplanned_change_m2(self) -> float:
        """Gross area of changes the plan does not contain."""
        return float(self.parts.loc[self.parts["deviation"], "gross"].sum())

    @property
    def percent_complete(self) -> float:
        """Realised / planned change (%), NaN without planned change."""
        planned = self.planned_change_m2
        return 100.0 * self.realised_change_m2 / planned if planned > 0 else float("nan")


def compare(
    plan: Plan,
    survey,
    gk,
    *,
    name: str = "",
    year: int | None = None,
    sliver_area: float = DEFAULT_SLIVER_AREA,
    table: codes_mod.CodeTable | None = None,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> Comparison:
    """Overlay a plan (read with piece geometries) with a survey and classify the parts.

    Args:
        plan: The plan; ``plan.geometries`` must hold its pieces' geometries.
        survey: The survey as a :class:`~.dltb.ParcelTable` read with
            ``keep_geometry=True`` in the plan's CRS, cut to the same project
            area.
        gk: The Gauss-Krüger definition of that CRS.
        name: The survey layer's name.
        year: Its year (default: from its name).
        sliver_area: Parts under this area (m²) are dropped and counted.
        table: Code table.
        progress: Called with a percentage.
        is_canceled: Returns True when the user cancelled.
    """
    if plan.geometries is None or survey.geometries is None:
        raise ValueError("compare() needs the plan's piece geometries and the survey's geometries")
    table = table or codes_mod.default_table()
    pieces = plan.pieces.reset_index(drop=True)
    frame = survey.frame.reset_index(drop=True)
    result = overlay(plan.geometries, survey.geometries, gk, keep_geometry=True, progress=progress,
                     is_canceled=is_canceled)
    sliver = result.area < sliver_area
    keep = ~sliver
    rows_p, rows_s, area = result.rows_a[keep], result.rows_b[keep], result.area[keep]
    geometries = [g for g, k in zip(result.geometries, keep.tolist()) if k]
    # A piece's kept parts share the whole piece: slivers dropped never change a piece's area.
    kept = np.bincount(rows_p, weights=area, minlength=len(pieces))
    share = area / np.maximum(kept[rows_p], 1e-300)
    gross = pieces["gross"].to_numpy(dtype=float)[rows_p] * share
    before = pieces["base_b"].to_numpy(dtype=object)[rows_p]
    planned = pieces["base_a"].to_numpy(dtype=object)[rows_p]
    surveyed = frame["base"].to_numpy(dtype=object)[rows_s]
    change = before != planned
    realised = change & (surveyed == planned)
    deviation = (surveyed != before) & (surveyed != planned)
    parts = pd.DataFrame({
        "piece": rows_p, "survey": rows_s, "gross": gross, "share": share, "before": before,
        "planned": planned, "surveyed": surveyed, "change": change, "realised": realised,
        "deviation": deviation, "bsm_b": pieces["bsm_b"].to_numpy(dtype=object)[rows_p],
        "bsm_s": frame["bsm"].to_numpy(dtype=object)[rows_s],
        "village": pieces["village"].to_numpy(dtype=object)[rows_p],
    })
    realised_share = np.bincount(rows_p, weights=np.where(realised, share, 0.0), minlength=len(pieces))
    unsurveyed = np.flatnonzero(kept <= 0)
    unsurveyed_m2 = float(pieces["gross"].to_numpy(dtype=float)[unsurveyed].sum())
    notes = []
    if sliver.any():
        notes.append(tr("{survey}: {n} part(s) under {limit:g} m² ({area:.2f} m² in all) are traces of boundaries "
                        "digitised anew and were left out; their pieces are shared by their other parts.").format(
            survey=name, n=int(sliver.sum()), limit=sliver_area, area=float(result.area[sliver].sum())))
    if len(unsurveyed):
        notes.append(tr("{survey} does not cover {n} piece(s) of the plan ({area:.2f} m²): they count as not "
                        "realised and unchanged.").format(survey=name, n=len(unsurveyed), area=unsurveyed_m2))
    realised_pieces, realised_geometries = _realised_state(plan, pieces, frame, result, rows_p, rows_s, share,
                                                           area, geometries, unsurveyed)
    return Comparison(
        name=name, year=year if year is not None else year_of(name), parts=parts, geometries=geometries,
        realised_share=realised_share, realised_pieces=realised_pieces, realised_geometries=realised_geometries,
        slivers=(int(sliver.sum()), float(result.area[sliver].sum())), unsurveyed_m2=unsurveyed_m2, notes=notes,
    )


def _realised_state(plan, pieces, survey, result, rows_p, rows_s, share, area, geometries, unsurveyed):
    """The baseline × survey pieces: before side of the plan's pieces, after side of the survey's parcels.

    A survey parcel's areas are split over its parts by ellipsoidal area:
    over its kept parts when the plan covers it whole (slivers dropped do
    not shrink it), else by its own area (the part of it beyond the plan is
    not counted).  Plan pieces the survey does not cover stay as they were.
    """
    before = pd.DataFrame({column[:-2]: pieces[column].to_numpy()[rows_p]
                           for column in pieces.columns if column.endswith("_b")})
    for column in ("tbmj", "kcmj", "tbdlmj"):
        before[column] = before[column].to_numpy(dtype=float) * share
    after = survey.iloc[rows_s].reset_index(drop=True).copy()
    n_survey = len(survey)
    covered_all = np.bincount(result.rows_b, weights=result.area, minlength=n_survey)
    kept_s = np.bincount(rows_s, weights=area, minlength=n_survey)
    whole = np.abs(result.area_b - covered_all) <= np.maximum(COVERAGE_MIN_M2, COVERAGE_TOLERANCE * result.area_b)
    divisor = np.where(whole, kept_s, result.area_b)
    survey_share = area / np.maximum(divisor[rows_s], 1e-300)
    for column in ("tbmj", "kcmj", "tbdlmj"):
        after[column] = after[column].to_numpy(dtype=float) * survey_share
    before["village"] = pieces["village"].to_numpy()[rows_p]
    joined = _join_sides(before, after, before["tbmj"].to_numpy(dtype=float))
    geoms = list(geometries)
    if len(unsurveyed):
        same = pieces.iloc[unsurveyed].copy()
        for column in SIDE_COLUMNS + ("cat", "group"):
            if f"{column}_b" in same:
                same[f"{column}_a"] = same[f"{column}_b"]
        joined = pd.concat([joined, same[joined.columns.intersection(same.columns)]], ignore_index=True)
        geoms += [plan.geometries[i] for i in unsurveyed.tolist()]
    joined["uncovered"] = False
    return joined, geoms


@dataclass
class SubprojectShares:
    """Which share of each plan piece lies in which sub-project.

    Attributes:
        shares: pieces × sub-projects matrix of area shares (rows sum to ≤ 1).
        frame: The sub-projects' attributes (code, name, type, year …).
    """

    shares: np.ndarray
    frame: pd.DataFrame


def subproject_shares(plan: Plan, subprojects, gk, pieces_wanted: np.ndarray | None = None,
                      is_canceled: Callable[[], bool] | None = None) -> SubprojectShares:
    """The share of each plan piece's area inside each sub-project polygon.

    Args:
        plan: The plan with piece geometries.
        subprojects: :class:`~.subprojects.SubProjects` in the plan's CRS, or None.
        gk: Gauss-Krüger definition of that CRS.
        pieces_wanted: Only these pieces (e.g. the planned changes); others get 0.
        is_canceled: Returns True when the user cancelled.
    """
    n = len(plan.pieces)
    if subprojects is None or not len(subprojects.geometries):
        frame = subprojects.frame if subprojects is not None else pd.DataFrame()
        return SubprojectShares(np.zeros((n, len(frame))), frame)
    wanted = np.arange(n) if pieces_wanted is None else np.asarray(pieces_wanted, dtype=np.int64)
    geoms = [plan.geometries[i] for i in wanted.tolist()]
    result = overlay(geoms, subprojects.geometries, gk, is_canceled=is_canceled)
    shares = np.zeros((n, len(subprojects.geometries)))
    with np.errstate(invalid="ignore", divide="ignore"):
        part = result.area / np.maximum(result.area_a[result.rows_a], 1e-300)
    np.add.at(shares, (wanted[result.rows_a], result.rows_b), part)
    # Overlapping sub-projects must not count a piece more than once.
    totals = shares.sum(axis=1)
    over = totals > 1.0
    shares[over] /= totals[over, None]
    return SubprojectShares(shares, subprojects.frame)


#: Columns of the per-sub-project table.
PROGRESS_COLUMNS = ["YEAR", "SURVEY", "SUBPROJECT", "NAME", "TYPE", "PLAN_YEAR", "PLANNED_M2", "REALISED_M2",
                    "PERCENT", "STATUS", "TODO_COUNT", "TODO_BSM"]
#: Progress states (the OUTPUT's STATUS): all done; due by the survey's year and not done; begun; not begun;
#: a sub-project that changes no class (耕地提质改造, 河道整治 …: a survey cannot show its progress).
DONE, LATE, UNDER_WAY, NOT_STARTED, NO_CLASS_CHANGE = "已完成", "滞后", "实施中", "未开始", "无地类变化"


def status_of(planned: float, realised: float, plan_year, survey_year) -> str:
    """已完成 / 滞后 / 实施中 / 未开始 (or 无地类变化) of a sub-project at a survey.

    A sub-project is due by the survey of its implementation year (SSND): the
    年度变更调查 of a year shows the land at that year's end.  Due and not
    done is 滞后 (late); done means every planned change realised (to 0.01 m²).
    """
    if planned <= 0.005:
        return NO_CLASS_CHANGE
    if realised >= planned - 0.01:
        return DONE
    if plan_year is not None and survey_year is not None and plan_year <= survey_year:
        return LATE
    return UNDER_WAY if realised > 0.01 else NOT_STARTED


def progress_table(plan: Plan, comparison: Comparison, shares: SubprojectShares, max_listed: int = 50,
                   fallback_year: int | None = None) -> pd.DataFrame:
    """One row per sub-project and one for changes outside every sub-project: planned, realised, %, to do.

    ``TODO_BSM`` lists the baseline BSMs of the planned changes not yet
    fully realised (at most ``max_listed``; ``TODO_COUNT`` counts them all).
    Changes outside every sub-project are due by ``fallback_year`` (the
    period's last year; never, when None).
    """
    pieces = plan.pieces.reset_index(drop=True)
    gross = pieces["gross"].to_numpy(dtype=float)
    change = (pieces["base_b"] != pieces["base_a"]).to_numpy()
    done = comparison.realised_share
    bsm = pieces["bsm_b"].to_numpy(dtype=object)
    fid = pieces["fid_b"].to_numpy()
    matrix = shares.shares if shares.shares.size else np.zeros((len(pieces), 0))
    outside = np.clip(1.0 - matrix.sum(axis=1), 0.0, 1.0)
    rows = []
    columns = list(range(matrix.shape[1])) + [None]
    for k in columns:
        weight = outside if k is None else matrix[:, k]
        mask = change & (weight > 1e-9)
        if k is not None and not mask.any():
            planned = realised = 0.0
        else:
            planned = float((gross * weight)[mask].sum())
            realised = float((gross * weight * done)[mask].sum())
        if k is None and planned <= 0:
            continue
        todo = [(str(bsm[i]) if bsm[i] else f"要素 {fid[i]}") for i in np.flatnonzero(mask & (done < DONE_SHARE))]
        todo = list(dict.fromkeys(todo))
        if k is None:
            code, name, kind, plan_year = OUTSIDE, "子项目之外的规划变化", "", fallback_year
        else:
            rec = shares.frame.iloc[k]
            code, name, kind, plan_year = str(rec["code"]), _text(rec.get("name")), _text(rec.get("type")), \
                _year(rec.get("year"))
        rows.append({
            "YEAR": comparison.year, "SURVEY": comparison.name, "SUBPROJECT": code, "NAME": name, "TYPE": kind,
            "PLAN_YEAR": plan_year, "PLANNED_M2": round(planned, 2), "REALISED_M2": round(realised, 2),
            "PERCENT": round(100.0 * realised / planned, 2) if planned > 0 else None,
            "STATUS": status_of(planned, realised, plan_year, comparison.year),
            "TODO_COUNT": len(todo), "TODO_BSM": "、".join(todo[:max_listed]) + ("…" if len(todo) > max_listed else ""),
        })
    return pd.DataFrame(rows, columns=PROGRESS_COLUMNS)


def _text(value) -> str:
    from .values import to_text

    return to_text(value)


def _year(value):
    from .values import to_int_or_none

    return to_int_or_none(value)


#: Columns of the deviation layer.
DEVIATION_COLUMNS = ["YEAR", "STATE", "SURVEY_BSM", "BASELINE_BSM", "ZLDWDM", "BEFORE_DLBM", "PLANNED_DLBM", "SURVEY_DLBM",
                     "AREA_M2", "IN_RED_LINE", "ON_PBF"]


def deviations(comparison: Comparison, gk, red_line: list | None = None, pbf: list | None = None,
               min_area: float = DEFAULT_SLIVER_AREA) -> tuple[pd.DataFrame, list]:
    """The changes the plan does not contain: one row per part, with its geometry.

    ``IN_RED_LINE`` / ``ON_PBF`` are 1 where at least ``min_area`` of the
    part lies in the red line / on 永久基本农田 (given as polygons in the
    plan's CRS), 0 where not, empty when the layer was not given.
    """
    parts = comparison.parts
    rows = np.flatnonzero(parts["deviation"].to_numpy())
    geoms = [comparison.geometries[i] for i in rows.tolist()]
    frame = pd.DataFrame({
        "YEAR": comparison.year,
        "STATE": UNPLANNED,
        "SURVEY_BSM": parts["bsm_s"].to_numpy()[rows],
        "BASELINE_BSM": parts["bsm_b"].to_numpy()[rows],
        "ZLDWDM": parts["village"].to_numpy()[rows],
        "BEFORE_DLBM": parts["before"].to_numpy()[rows],
        "PLANNED_DLBM": parts["planned"].to_numpy()[rows],
        "SURVEY_DLBM": parts["surveyed"].to_numpy()[rows],
        "AREA_M2": np.round(parts["gross"].to_numpy(dtype=float)[rows], 2),
    })
    for column, layer in (("IN_RED_LINE", red_line), ("ON_PBF", pbf)):
        if layer is None:
            frame[column] = None
            continue
        inside = overlay(geoms, layer, gk) if geoms and layer else None
        covered = inside.covered_a() if inside is not None else np.zeros(len(geoms))
        frame[column] = (covered >= min_area).astype(int)
    return frame.reindex(columns=DEVIATION_COLUMNS), geoms


# ---------------------------------------------------------------------- indicators planned vs realised

#: (key, name, unit, value from (耕地, 建设用地) figures, value before the plan or None for a change figure).
INDICATORS = (
    ("CULTIVATED_M2", "耕地面积", "m²", lambda c, _k: c.after_m2, lambda c, _k: c.before_m2),
    ("ADDED_CULTIVATED_M2", "新增耕地面积（扣除田坎）", "m²", lambda c, _k: c.added_m2, None),
    ("ADDED_RATE", "新增耕地率（占原耕地）", "%", lambda c, _k: c.added_rate, None),
    ("GAINED_M2", "新增耕地中新开垦面积（非耕地转为耕地）", "m²", lambda c, _k: c.gained_m2, None),
    ("CULTIVATED_QUALITY", "耕地平均等别", "等", lambda c, _k: c.quality_after, lambda c, _k: c.quality_before),
    ("ADDED_QUALITY", "新增耕地平均等别", "等", lambda c, _k: c.added_quality, None),
    ("OUT_M2", "耕地出（转为其他农用地）", "m²", lambda c, _k: c.out_m2, None),
    ("IN_M2", "耕地进（其他农用地转为耕地）", "m²", lambda c, _k: c.in_m2, None),
    ("OUT_QUALITY", "耕地出平均等别", "等", lambda c, _k: c.out_quality, None),
    ("IN_QUALITY", "耕地进平均等别", "等", lambda c, _k: c.in_quality, None),
    ("CONSTRUCTION_M2", "建设用地面积", "m²", lambda _c, k: k.after_m2, lambda _c, k: k.before_m2),
    ("CONSTRUCTION_CHANGE_M2", "建设用地增减", "m²", lambda _c, k: k.after_m2 - k.before_m2, None),
    ("RECLAIMED_M2", "拆旧复垦面积", "m²", lambda _c, k: k.reclaimed_m2, None),
    ("RECLAIMED_TO_CULTIVATED_M2", "其中复垦为耕地", "m²", lambda _c, k: k.reclaimed_to_cultivated_m2, None),
    ("NEW_BUILD_M2", "建新面积", "m²", lambda _c, k: k.new_build_m2, None),
    ("SURPLUS_M2", "节余面积（拆旧复垦－建新）", "m²", lambda _c, k: k.surplus_m2, None),
)

INDICATOR_COLUMNS = ["YEAR", "SURVEY", "KIND", "KEY", "NAME", "UNIT", "BEFORE", "PLANNED", "REALISED", "PERCENT",
                     "THRESHOLD", "PLANNED_VERDICT", "VERDICT", "NOTE"]


@dataclass
class State:
    """The figures of one state (planned, or realised at a survey) that the indicator table compares.

    Attributes:
        cultivated, construction: :func:`~.indicators.cultivated_land` and
            :func:`~.indicators.construction_land` of its pieces.
        rules: :func:`~.compliance.rules_table` of its verdicts (or None).
        extra: Further indicators ``{key: (name, unit, value)}`` – 百亩方,
            永久基本农田 … (``BEFORE`` of such a row comes from ``before_extra``).
    """

    cultivated: object
    construction: object
    rules: pd.DataFrame | None = None
    extra: dict = field(default_factory=dict)


def _number(value):
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(value) else value


def _rounded(value, unit: str):
    """A figure as the tables show it: 等 and 级 to 4 decimals, the rest to 2."""
    value = _number(value)
    return None if value is None else round(value, 4 if unit in ("等", "级") else 2)


def indicator_table(planned: State, realised: State, year, survey: str, before_extra: dict | None = None,
                    comparison: Comparison | None = None) -> pd.DataFrame:
    """Every indicator planned next to realised, then every compliance rule with both verdicts.

    With the ``comparison``, the first two rows are the planned change
    (realised: what the survey shows done) and the unplanned change (planned 0).

    ``PERCENT`` (area and count rows) is the share of the planned change
    realised: (realised − before) / (planned − before) × 100, before being
    the baseline's value for a state figure (耕地面积 …) and 0 for a change
    figure (新增耕地 …); empty where the plan changes nothing.
    """
    before_extra = before_extra or {}
    rows = []

    def add(key, name, unit, before, plan_value, real_value):
        before_n, plan_n, real_n = _number(before), _number(plan_value), _number(real_value)
        base = before_n if before_n is not None else 0.0
        percent = None
        if unit in ("m²", "个") and key != "UNPLANNED_CHANGE_M2" and plan_n is not None and real_n is not None \
                and abs(plan_n - base) > 0.005:
            percent = round(100.0 * (real_n - base) / (plan_n - base), 2)
        rows.append({"YEAR": year, "SURVEY": survey, "KIND": "指标", "KEY": key, "NAME": name, "UNIT": unit,
                     "BEFORE": _rounded(before_n, unit), "PLANNED": _rounded(plan_n, unit),
                     "REALISED": _rounded(real_n, unit), "PERCENT": percent,
                     "THRESHOLD": None, "PLANNED_VERDICT": None, "VERDICT": None, "NOTE": ""})

    if comparison is not None:
        add("PLANNED_CHANGE_M2", "规划地类变化面积", "m²", None, comparison.planned_change_m2,
            comparison.realised_change_m2)
        add("UNPLANNED_CHANGE_M2", "计划外变化面积", "m²", None, 0.0, comparison.unplanned_change_m2)
    for key, name, unit, value, before in INDICATORS:
        p = value(planned.cultivated, planned.construction)
        r = value(realised.cultivated, realised.construction)
        b = before(planned.cultivated, planned.construction) if before is not None else None
        add(key, name, unit, b, p, r)
    for key, (name, unit, p) in planned.extra.items():
        r = realised.extra.get(key, (name, unit, None))[2]
        add(key, name, unit, before_extra.get(key), p, r)
    if planned.rules is not None and realised.rules is not None:
        done = realised.rules.set_index("RULE")
        for rec in planned.rules.itertuples(index=False):
            real = done.loc[rec.RULE] if rec.RULE in done.index else None
            rows.append({
                "YEAR": year, "SURVEY": survey, "KIND": "规则", "KEY": rec.RULE, "NAME": rec.RULE_NAME,
                "UNIT": rec.UNIT, "BEFORE": None, "PLANNED": _rounded(rec.VALUE, rec.UNIT),
                "REALISED": None if real is None else _rounded(real["VALUE"], rec.UNIT), "PERCENT": None,
                "THRESHOLD": _number(rec.THRESHOLD), "PLANNED_VERDICT": rec.VERDICT,
                "VERDICT": None if real is None else real["VERDICT"],
                "NOTE": "" if real is None else str(real["NOTE"] or ""),
            })
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


# ---------------------------------------------------------------------- the changes, part by part

#: States of a part of a planned change at a survey (the changes layer), and of an unplanned change.
REALISED, PENDING, OVERDUE, UNPLANNED = "已实施", "未实施", "滞后", "计划外变化"
#: Columns of the planned-changes layer.
CHANGE_COLUMNS = ["YEAR", "STATE", "BASELINE_BSM", "SURVEY_BSM", "ZLDWDM", "SUBPROJECT", "DUE_YEAR", "BEFORE_DLBM",
                  "PLANNED_DLBM", "SURVEY_DLBM", "AREA_M2"]


def due_years(shares: SubprojectShares, fallback: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Per plan piece: the sub-project holding most of it (code, "" for none) and its year (SSND).

    A piece outside every sub-project is due by ``fallback`` (the period's
    last year), or never (None) when that is not known.
    """
    matrix = shares.shares
    n = matrix.shape[0]
    codes = np.full(n, "", dtype=object)
    years = np.full(n, fallback, dtype=object)
    if matrix.size:
        main = matrix.argmax(axis=1)
        inside = matrix[np.arange(n), main] > 1e-9
        frame = shares.frame.reset_index(drop=True)
        code_of = frame["code"].astype(str).to_numpy(dtype=object)
        year_of_sub = np.array([_year(v) for v in frame["year"]] if "year" in frame else [None] * len(frame),
                               dtype=object)
        codes[inside] = code_of[main[inside]]
        own = year_of_sub[main[inside]]
        years[inside] = np.where(pd.isna(own), fallback, own)
    return codes, years


def changes(comparison: Comparison, codes: np.ndarray, years: np.ndarray) -> tuple[pd.DataFrame, list]:
    """The parts of the planned changes with their state at the survey: 已实施, 滞后 (due, not done) or 未实施."""
    parts = comparison.parts
    rows = np.flatnonzero(parts["change"].to_numpy())
    piece = parts["piece"].to_numpy()[rows]
    realised = parts["realised"].to_numpy()[rows]
    due = years[piece]
    survey_year = comparison.year
    overdue = np.array([d is not None and survey_year is not None and not pd.isna(d) and int(d) <= survey_year
                        for d in due], dtype=bool)
    state = np.where(realised, REALISED, np.where(overdue, OVERDUE, PENDING))
    frame = pd.DataFrame({
        "YEAR": survey_year, "STATE": state, "BASELINE_BSM": parts["bsm_b"].to_numpy()[rows],
        "SURVEY_BSM": parts["bsm_s"].to_numpy()[rows], "ZLDWDM": parts["village"].to_numpy()[rows],
        "SUBPROJECT": codes[piece], "DUE_YEAR": [None if d is None or pd.isna(d) else int(d) for d in due],
        "BEFORE_DLBM": parts["before"].to_numpy()[rows], "PLANNED_DLBM": parts["planned"].to_numpy()[rows],
        "SURVEY_DLBM": parts["surveyed"].to_numpy()[rows],
        "AREA_M2": np.round(parts["gross"].to_numpy(dtype=float)[rows], 2),
    })
    return frame.reindex(columns=CHANGE_COLUMNS), [comparison.geometries[i] for i in rows.tolist()]


# ---------------------------------------------------------------------- acceptance (验收自评)

#: The scheme's targets checked at acceptance: indicator key → (what, direction).  ``+1``: the realised value
#: must reach the planned one from below (新增耕地 …); ``-1``: must not exceed it (建设用地, 等别: lower is better);
#: ``0``: must be 0 (计划外变化).
ACCEPTANCE_TARGETS = (
    ("PLANNED_CHANGE_M2", "规划地类变化全部实施", +1),
    ("ADDED_CULTIVATED_M2", "新增耕地面积（扣除田坎）达到方案目标", +1),
    ("ADDED_RATE", "新增耕地率达到方案目标", +1),
    ("CULTIVATED_M2", "整治后耕地面积达到方案目标", +1),
    ("CULTIVATED_QUALITY", "耕地平均等别不劣于方案目标", -1),
    ("CONSTRUCTION_M2", "建设用地面积不超过方案目标", -1),
    ("RECLAIMED_M2", "拆旧复垦面积达到方案目标", +1),
    ("SURPLUS_M2", "节余面积达到方案目标", +1),
    ("BLOCKS_100MU", "百亩方个数达到方案目标", +1),
    ("PBF_IN_CULTIVATED_M2", "调入永久基本农田已为耕地", +1),
    ("UNPLANNED_CHANGE_M2", "无计划外变化", 0),
)
#: Tolerance of the comparison: 0.01 m², 0.01 %, 0.0001 等, no 个.
_TOLERANCE = {"m²": 0.01, "%": 0.005, "等": 0.00005, "个": 0.0}

ACCEPTANCE_COLUMNS = ["KEY", "NAME", "UNIT", "TARGET", "ACHIEVED", "PERCENT", "VERDICT"]


def acceptance(indicators: pd.DataFrame) -> pd.DataFrame:
    """The scheme's targets against one survey's realised values (rows of :func:`indicator_table`, one survey).

    ``VERDICT`` is 达到 / 未达到, or 未核验 where either value is missing
    (e.g. no 等别 on the new 耕地, or the 永农 layers not given).
    """
    rows = indicators[indicators["KIND"] == "指标"].set_index("KEY")
    out = []
    for key, name, direction in ACCEPTANCE_TARGETS:
        if key not in rows.index:
            continue
        rec = rows.loc[key]
        target, achieved = _number(rec["PLANNED"]), _number(rec["REALISED"])
        tolerance = _TOLERANCE.get(rec["UNIT"], 0.0)
        if target is None or achieved is None:
            verdict = "未核验"
        elif direction > 0:
            verdict = "达到" if achieved >= target - tolerance else "未达到"
        elif direction < 0:
            verdict = "达到" if achieved <= target + tolerance else "未达到"
        else:
            verdict = "达到" if abs(achieved) <= tolerance else "未达到"
        out.append({"KEY": key, "NAME": name, "UNIT": rec["UNIT"], "TARGET": target, "ACHIEVED": achieved,
                    "PERCENT": _number(rec["PERCENT"]), "VERDICT": verdict})
    return pd.DataFrame(out, columns=ACCEPTANCE_COLUMNS)


@dataclass
class Monitoring:
    """What ``landconsolidation:progress`` gives the workbook: its three tables as frames (every survey)."""

    progress: pd.DataFrame
    indicators: pd.DataFrame
    deviations: pd.DataFrame

    @property
    def years(self) -> list:
        """The surveys in order: ``(year, name)``."""
        frame = self.progress if len(self.progress) else self.indicators
        return list(dict.fromkeys(zip(frame["YEAR"], frame["SURVEY"])))
