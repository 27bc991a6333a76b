"""The compliance check (指标核验, docs/DOMAIN.md §6): one row per policy rule.

Each threshold is a setting with the policy default; the table states the
value measured, the threshold used, pass/fail, and which parcels stand
behind a failure.  A rule whose inputs are missing – a layer not given, or
耕地 without 等别, 新增耕地 without slope information – is 未核验 (PASSED
empty), never 通过; its note says what was missing and how much.

The four constraint rules (NO_BUILD_IN_RED_LINE, NO_BUILD_ON_PBF,
NEW_CULTIVATED_NOT_IN_RED_LINE, NEW_CULTIVATED_NOT_STEEP) judge what
:func:`.conflicts.find_conflicts` found; the two 永久基本农田 adjustment rules
(PBF_ADJUST_SHARE, PBF_IN_SLOPE) the figures of the 永农 review
(:mod:`.farmland`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..i18n import tr, tr_noop
from . import indicators
from .conflicts import DEFAULT_STEEP_DEGREES
from .period import Period


@dataclass
class Thresholds:
    """Policy thresholds (defaults: Wuxi implementation opinion, 194号)."""

    min_added_rate: float = 5.0
    min_pbf_added_rate: float = 5.0
    max_quality_drop: float = 0.0
    max_construction_increase_m2: float = 0.0
    max_years: int = 3
    max_townships: int = 1
    max_new_cultivated_in_red_line_m2: float = 0.0
    max_new_cultivated_steep_m2: float = 0.0
    steep_slope: float = DEFAULT_STEEP_DEGREES
    max_pbf_out_ratio: float = 5.0
    max_pbf_slope_rise: float = 0.0
    max_build_in_red_line_m2: float = 0.0
    max_build_on_pbf_m2: float = 0.0
    #: The county's mean 等别 of 耕地 (补充耕地 not poorer); None: the rule is not checked.
    county_mean_grade: float | None = None


#: Where the 2025 rules on new 耕地 come from.
_SUPPLEMENT_RULES = "补充耕地质量验收办法（试行）（农业农村部、自然资源部，2025）"
#: rule id → (Chinese name, unit, policy source), in the order of the table.
RULES = {
    "ADDED_CULTIVATED": ("新增耕地比例", "%", "无锡实施意见 §四(一)：项目区内新增耕地不低于原有耕地的5%；自然资发〔2019〕194号"),
    "NEW_CULTIVATED_GRADE": ("新增耕地质量等别（不低于县域耕地平均等别）", "等",
                             _SUPPLEMENT_RULES + "：明确新增耕地质量等别，不低于县域耕地平均质量等别"),
    "NEW_CULTIVATED_NOT_IN_RED_LINE": ("新增耕地不在生态保护红线内", "m²",
                                       _SUPPLEMENT_RULES + "：新增耕地不得位于生态保护红线内"),
    "NEW_CULTIVATED_NOT_STEEP": ("新增耕地不在25°以上陡坡", "m²", _SUPPLEMENT_RULES + "：新增耕地不得位于25度以上陡坡"),
    "PBF_ADDED": ("新增永久基本农田比例", "%", "无锡实施意见 §四(二)：新增永久基本农田不低于调整面积的5%；194号"),
    "PBF_ADJUST_SHARE": ("永久基本农田调出比例", "%",
                         "全域土地综合整治试点实施要点（2020）：调整（调出）面积原则上不超过项目区原永久基本农田面积的5%；"
                         "以省现行规定为准"),
    "PBF_IN_SLOPE": ("永久基本农田调入坡度不高于调出", "级",
                     "全域整治试点实施要点；全域土地综合整治所涉永久基本农田布局调整事项审查情况汇总表：调入不劣于调出"),
    "QUALITY": ("耕地质量（平均等别不降低）", "等", "进出平衡“同等数量、质量”：整治后耕地平均等别不大于整治前"),
    "BALANCE_AREA": ("耕地进出平衡（数量）", "m²", "自然资发〔2021〕166号：耕地转为其他农用地，应补足同等数量的耕地（进 ≥ 出）"),
    "BALANCE_QUALITY": ("耕地进出平衡（质量）", "等",
                        "自然资发〔2021〕166号：补充耕地质量不低于转出耕地（进的平均等别不劣于出）"),
    "CONSTRUCTION": ("建设用地总量不增加", "m²", "城乡建设用地增减挂钩原则；194号"),
    "LINKAGE": ("建新不超过拆旧复垦", "m²", "城乡建设用地增减挂钩：建新面积 ≤ 拆旧复垦面积"),
    "PERIOD": ("实施期限", "年", "无锡实施意见 §三(三)：实施期限原则上不超过3年"),
    "NO_BUILD_IN_RED_LINE": ("规划新增建设用地不占生态保护红线", "m²", "三区三线管控规则：生态保护红线内严禁新增建设；194号"),
    "NO_BUILD_ON_PBF": ("规划建设用地不占永久基本农田", "m²",
                        "三区三线管控规则；194号：永久基本农田只能通过调出调入审查调整，不得被建设占用"),
    "TOWNSHIP": ("以乡镇为实施单元", "个", "194号：以乡镇为基本实施单元"),
}
#: rule id → its name in the interface (logs, dialogs): English source, :func:`i18n.tr` gives the Chinese.
RULE_LABELS = {
    "ADDED_CULTIVATED": tr_noop("New cultivated land rate"),
    "NEW_CULTIVATED_GRADE": tr_noop("Quality grade of the new cultivated land (not below the county mean)"),
    "NEW_CULTIVATED_NOT_IN_RED_LINE": tr_noop("No new cultivated land inside the ecological protection red line"),
    "NEW_CULTIVATED_NOT_STEEP": tr_noop("No new cultivated land on slopes over 25°"),
    "PBF_ADDED": tr_noop("Net gain of permanent basic farmland"),
    "PBF_ADJUST_SHARE": tr_noop("Share of permanent basic farmland moved out"),
    "PBF_IN_SLOPE": tr_noop("Permanent basic farmland moved in not steeper than moved out"),
    "QUALITY": tr_noop("Quality of cultivated land (mean grade not worse)"),
    "BALANCE_AREA": tr_noop("In/out balance of cultivated land (area)"),
    "BALANCE_QUALITY": tr_noop("In/out balance of cultivated land (quality)"),
    "CONSTRUCTION": tr_noop("Construction land not increased"),
    "LINKAGE": tr_noop("New construction not above reclaimed construction land"),
    "PERIOD": tr_noop("Implementation period"),
    "NO_BUILD_IN_RED_LINE": tr_noop("No planned new construction land inside the ecological protection red line"),
    "NO_BUILD_ON_PBF": tr_noop("No planned construction land on permanent basic farmland"),
    "TOWNSHIP": tr_noop("One township as the unit of implementation"),
}
#: Constraint rule → (threshold attribute, what is missing when its input is not given).
CONFLICT_RULES = {
    "NEW_CULTIVATED_NOT_IN_RED_LINE": ("max_new_cultivated_in_red_line_m2", "未提供生态保护红线图层（RED_LINE）"),
    "NEW_CULTIVATED_NOT_STEEP": ("max_new_cultivated_steep_m2",
                                 "未提供坡度栅格（SLOPE）或 DEM，新增耕地也没有耕地坡度级别（GDPDJB）"),
    "NO_BUILD_IN_RED_LINE": ("max_build_in_red_line_m2", "未提供生态保护红线图层（RED_LINE）"),
    "NO_BUILD_ON_PBF": ("max_build_on_pbf_m2", "未提供永久基本农田图层（PBF_BEFORE、PBF_AFTER）"),
}


@dataclass
class RuleResult:
    """One row of the compliance table, with the pieces (or features) behind a failure."""

    rule: str
    value: float | None
    threshold: float | None
    passed: bool | None
    note: str = ""
    culprits: np.ndarray | None = None  # boolean mask over plan pieces
    #: Culprits that are not whole pieces: ``(geometry, {"BSM", "DLBM_BEFORE", "DLBM_AFTER", "AREA_M2", "NOTE"})``.
    extra: list = field(default_factory=list)


def _area(m2: float) -> str:
    """An area for a note, in m² and 公顷 (the workbook's unit)."""
    return f"{m2:.2f} m²（{m2 / 10_000:.4f} 公顷）"


def _fmt(value) -> str:
    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.2f}"


def evaluate(
    pieces: pd.DataFrame,
    cultivated: indicators.CultivatedLand,
    construction: indicators.ConstructionLand,
    thresholds: Thresholds,
    pbf_added_rate: float | None = None,
    period: Period | None = None,
    pbf_missing: str = "",
    *,
    pbf: dict | None = None,
    conflicts=None,
) -> list[RuleResult]:
    """Evaluate every rule of docs/DOMAIN.md §6 on a plan's pieces and indicators.

    Args:
        pieces: The plan's pieces.
        cultivated: :func:`indicators.cultivated_land` of the plan.
        construction: :func:`indicators.construction_land` of the plan.
        thresholds: The thresholds to apply.
        pbf_added_rate: 新增永久基本农田比例 (%), or None when not computed
            (default: ``pbf["ADDED_RATIO"]``).
        period: The implementation period (None: not known).
        pbf_missing: Why the 永久基本农田 figures are missing, when they are (the
            note of the unchecked rules); default: the layers were not given.
        pbf: The number outputs of the 永农 review (``ADDED_RATIO``,
            ``OUT_RATIO``, ``OUT_SLOPE_GRADE``, ``IN_SLOPE_GRADE``, ``OUT_M2``,
            ``IN_M2``), or None.
        conflicts: :func:`.conflicts.find_conflicts` of the plan, or None
            (the four constraint rules are then 未核验).

    Returns:
        The rules in the order of :data:`RULES`.
    """
    if pbf_added_rate is None and pbf is not None:
        pbf_added_rate = _number(pbf.get("ADDED_RATIO"))
    missing_pbf = f"{pbf_missing or '未提供整治前后永久基本农田图层'}，未核验"
    results = {}
    source = indicators.source_of(pieces)
    loss = source == "loss"

    rate = cultivated.added_rate
    results["ADDED_CULTIVATED"] = RuleResult(
        "ADDED_CULTIVATED", rate, thresholds.min_added_rate,
        None if math.isnan(rate) else rate >= thresholds.min_added_rate - 1e-9,
        f"新增耕地 {_area(cultivated.added_m2)}，原耕地 {_area(cultivated.before_m2)}",
        culprits=loss,
    )
    results["NEW_CULTIVATED_GRADE"] = _new_cultivated_grade(pieces, cultivated, thresholds)
    for rule in CONFLICT_RULES:
        results[rule] = _conflict_rule(rule, conflicts, thresholds)

    out_m2 = _number(pbf.get("OUT_M2")) if pbf is not None else None
    if pbf_added_rate is None and out_m2 is not None and out_m2 <= 0.0:
        # Nothing taken out: the ratio (调入 − 调出) / 调出 is undefined and the rule does not apply.
        results["PBF_ADDED"] = RuleResult("PBF_ADDED", None, thresholds.min_pbf_added_rate, True,
                                          "没有调出永久基本农田，不涉及")
    elif pbf_added_rate is None:
        results["PBF_ADDED"] = RuleResult("PBF_ADDED", None, thresholds.min_pbf_added_rate, None, missing_pbf)
    else:
        results["PBF_ADDED"] = RuleResult(
            "PBF_ADDED", pbf_added_rate, thresholds.min_pbf_added_rate,
            pbf_added_rate >= thresholds.min_pbf_added_rate - 1e-9,
            "（调入 − 调出）/ 调出",
        )
    results["PBF_ADJUST_SHARE"] = _pbf_share(pbf, thresholds, missing_pbf)
    results["PBF_IN_SLOPE"] = _pbf_slope(pbf, thresholds, missing_pbf)

    results["QUALITY"] = _quality(pieces, cultivated, thresholds)

    selection = indicators.balance_selection(pieces)
    results["BALANCE_AREA"] = RuleResult(
        "BALANCE_AREA", cultivated.in_m2 - cultivated.out_m2, 0.0, cultivated.balanced_area,
        f"出（耕地转为其他农用地）{_area(cultivated.out_m2)}，进（其他农用地转为耕地）{_area(cultivated.in_m2)}",
        culprits=selection.out,
    )
    results["BALANCE_QUALITY"] = _balance_quality(pieces, cultivated, selection)

    new_build = indicators.new_build_mask(pieces)
    increase = construction.after_m2 - construction.before_m2
    results["CONSTRUCTION"] = RuleResult(
        "CONSTRUCTION", increase, thresholds.max_construction_increase_m2,
        increase <= thresholds.max_construction_increase_m2 + 1e-6,
        f"整治前 {_area(construction.before_m2)}，整治后 {_area(construction.after_m2)}（正值为增加）",
        culprits=new_build,
    )
    results["LINKAGE"] = RuleResult(
        "LINKAGE", construction.surplus_m2, 0.0, construction.new_build_m2 <= construction.reclaimed_m2 + 1e-6,
        f"拆旧复垦 {_area(construction.reclaimed_m2)}，建新 {_area(construction.new_build_m2)}，"
        f"节余 {_area(construction.surplus_m2)}",
        culprits=new_build,
    )

    if period is None:
        results["PERIOD"] = RuleResult("PERIOD", None, thresholds.max_years, None, "未给出实施年度，未核验")
    else:
        problem = period.problem(thresholds.max_years)
        note = f"{period.start}—{period.end} 年{period.note}"
        if period.reversed:
            note += "：结束年度早于开始年度"
        results["PERIOD"] = RuleResult(
            "PERIOD", float(period.years), float(thresholds.max_years), problem is None, note,
        )

    township = pieces["village"].fillna("").astype(str).str[:9]
    counts = township[township != ""].value_counts()
    if counts.empty:
        results["TOWNSHIP"] = RuleResult("TOWNSHIP", None, thresholds.max_townships, None,
                                         "缺少坐落单位代码 ZLDWDM，未核验")
    else:
        main = counts.index[0]
        results["TOWNSHIP"] = RuleResult(
            "TOWNSHIP", float(len(counts)), float(thresholds.max_townships), len(counts) <= thresholds.max_townships,
            "乡镇代码：" + "、".join(f"{code}（{n} 个图斑）" for code, n in counts.items()),
            culprits=(township != main).to_numpy() & (township != "").to_numpy(),
        )
    return [results[rule] for rule in RULES if rule in results]


def _number(value) -> float | None:
    """A figure from a number output: None when missing or NaN."""
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


def _ungraded(m2: float) -> bool:
    return m2 > indicators.UNGRADED_TOLERANCE_M2


def _quality(pieces: pd.DataFrame, cultivated: indicators.CultivatedLand, thresholds: Thresholds) -> RuleResult:
    """Mean 等别 of 耕地 not worse after; 未核验 while any 耕地 has no 等别 (it would drop out of the mean)."""
    q_before, q_after = cultivated.quality_before, cultivated.quality_after
    gaps = []
    if _ungraded(cultivated.ungraded_before_m2):
        gaps.append(f"整治前耕地 {_area(cultivated.ungraded_before_m2)}")
    if _ungraded(cultivated.missing_gddb_m2):
        of_new = f"（其中新增耕地 {_area(cultivated.added_ungraded_m2)}）" \
            if _ungraded(cultivated.added_ungraded_m2) else ""
        gaps.append(f"整治后耕地 {_area(cultivated.missing_gddb_m2)}{of_new}")
    if gaps:
        known = f"；有等别部分：整治前 {_fmt(q_before)}，整治后 {_fmt(q_after)}" \
            if not (math.isnan(q_before) or math.isnan(q_after)) else ""
        return RuleResult("QUALITY", None, thresholds.max_quality_drop, None,
                          "、".join(gaps) + f"无等别（GDDB）{known}；请给出规划等别（AFTER_GDDB_FIELD 或 "
                          "NEW_CULTIVATED_GRADE），未核验")
    if math.isnan(q_before) or math.isnan(q_after):
        return RuleResult("QUALITY", None, thresholds.max_quality_drop, None, "缺少耕地等别（GDDB），未核验")
    worse = (pieces["base_a"].isin(indicators.CULTIVATED) & (pieces["gddb_a"] > q_before)).to_numpy()
    return RuleResult(
        "QUALITY", q_after - q_before, thresholds.max_quality_drop,
        q_after - q_before <= thresholds.max_quality_drop + 1e-9,
        f"整治前平均等别 {q_before:.4f}，整治后 {q_after:.4f}（差值为正表示变差）",
        culprits=worse,
    )


def _new_cultivated_grade(pieces: pd.DataFrame, cultivated: indicators.CultivatedLand,
                          thresholds: Thresholds) -> RuleResult:
    """The area-weighted 等别 of 新增耕地, stated on its own and judged against the county's mean 等别."""
    county = thresholds.county_mean_grade
    gained, quality, ungraded = cultivated.gained_m2, cultivated.added_quality, cultivated.added_ungraded_m2
    value = None if math.isnan(quality) else quality
    if gained <= indicators.UNGRADED_TOLERANCE_M2:
        return RuleResult("NEW_CULTIVATED_GRADE", None, county, True, "没有新增耕地，不涉及")
    stated = f"新增耕地（地类面积）{_area(gained)}，平均等别 {_fmt(quality)}"
    if _ungraded(ungraded):
        return RuleResult("NEW_CULTIVATED_GRADE", value, county, None,
                          f"{stated}；其中 {_area(ungraded)} 无等别（GDDB），请给出规划等别（AFTER_GDDB_FIELD 或 "
                          "NEW_CULTIVATED_GRADE），未核验")
    if county is None:
        return RuleResult("NEW_CULTIVATED_GRADE", value, None, None,
                          f"{stated}；未给出县域耕地平均等别（COUNTY_MEAN_GRADE），未核验")
    gain = ~pieces["base_b"].isin(indicators.CULTIVATED).to_numpy() & pieces["base_a"].isin(
        indicators.CULTIVATED).to_numpy()
    return RuleResult(
        "NEW_CULTIVATED_GRADE", quality, county, quality <= county + 1e-9,
        f"{stated}，县域耕地平均等别 {county:.2f}（等别数值大表示质量差）",
        culprits=gain & (pieces["gddb_a"] > county + 1e-9).to_numpy(),
    )


def _conflict_rule(rule: str, conflicts, thresholds: Thresholds) -> RuleResult:
    """A constraint rule from the conflicts found (module docstring of :mod:`.conflicts`)."""
    attribute, missing = CONFLICT_RULES[rule]
    threshold = float(getattr(thresholds, attribute))
    if conflicts is None or not conflicts.checked.get(rule):
        return RuleResult(rule, None, threshold, None, f"{missing}，未核验")
    value = conflicts.total(rule)
    count = conflicts.count(rule)
    unknown = float(conflicts.unknown_m2.get(rule, 0.0))
    looked_at = float(conflicts.looked_at_m2.get(rule, 0.0))
    basis = conflicts.basis.get(rule, "")
    extra = []
    for row in conflicts.rows(rule):
        rec = conflicts.parts.iloc[row]
        extra.append((conflicts.geometries[row], {"BSM": rec["BSM"], "DLBM_BEFORE": rec["DLBM_BEFORE"],
                                                   "DLBM_AFTER": rec["DLBM_AFTER"], "AREA_M2": float(rec["AREA_M2"]),
                                                   "NOTE": rec["NOTE"]}))
    what = {"NO_BUILD_IN_RED_LINE": "规划新增建设用地", "NO_BUILD_ON_PBF": "规划建设用地",
            "NEW_CULTIVATED_NOT_IN_RED_LINE": "新增耕地", "NEW_CULTIVATED_NOT_STEEP": "新增耕地"}[rule]
    scope = f"核查{what}（图斑面积）{_area(looked_at)}" + (f"，坡度依据 {basis}" if basis else "")
    if value > threshold + 1e-6:
        return RuleResult(rule, value, threshold, False, f"{scope}；冲突 {count} 处，合计 {_area(value)}",
                          extra=extra)
    if _ungraded(unknown):
        found = f"；冲突 {count} 处，合计 {_area(value)}" if count else ""
        return RuleResult(rule, value, threshold, None,
                          f"{scope}{found}；其中 {_area(unknown)} 既无坡度栅格覆盖也无耕地坡度级别（GDPDJB），未核验",
                          extra=extra)
    found = f"冲突 {count} 处，合计 {_area(value)}，未超过控制值" if count else "未发现冲突"
    return RuleResult(rule, value, threshold, True, f"{scope}；{found}", extra=extra)


def _pbf_share(pbf: dict | None, thresholds: Thresholds, missing: str) -> RuleResult:
    """调出 ≤ the allowed share of the project area's original 永久基本农田 (the review's OUT_RATIO)."""
    limit = thresholds.max_pbf_out_ratio
    ratio = _number(pbf.get("OUT_RATIO")) if pbf is not None else None
    if pbf is None:
        return RuleResult("PBF_ADJUST_SHARE", None, limit, None, missing)
    if ratio is None:
        return RuleResult("PBF_ADJUST_SHARE", None, limit, None, "原永久基本农田面积为 0，无法计算调出比例，未核验")
    out_m2 = _number(pbf.get("OUT_M2"))
    before = _number(pbf.get("PBF_BEFORE_M2"))
    detail = f"调出 {_area(out_m2)}，原永久基本农田 {_area(before)}" if out_m2 is not None and before is not None \
        else "调出 / 原永久基本农田"
    return RuleResult("PBF_ADJUST_SHARE", ratio, limit, ratio <= limit + 1e-9, detail)


def _pbf_slope(pbf: dict | None, thresholds: Thresholds, missing: str) -> RuleResult:
    """The area-weighted GDPDJB of 调入 not above that of 调出 (plus the allowed rise)."""
    limit = thresholds.max_pbf_slope_rise
    if pbf is None:
        return RuleResult("PBF_IN_SLOPE", None, limit, None, missing)
    in_m2, out_m2 = _number(pbf.get("IN_M2")) or 0.0, _number(pbf.get("OUT_M2")) or 0.0
    if in_m2 <= 0:
        return RuleResult("PBF_IN_SLOPE", None, limit, True, "没有调入永久基本农田，不涉及")
    if out_m2 <= 0:
        return RuleResult("PBF_IN_SLOPE", None, limit, True, "没有调出永久基本农田，不涉及")
    out_grade, in_grade = _number(pbf.get("OUT_SLOPE_GRADE")), _number(pbf.get("IN_SLOPE_GRADE"))
    if out_grade is None or in_grade is None:
        side = "调出" if out_grade is None else "调入"
        return RuleResult("PBF_IN_SLOPE", None, limit, None, f"{side}的永久基本农田缺少耕地坡度级别（GDPDJB），未核验")
    rise = in_grade - out_grade
    return RuleResult("PBF_IN_SLOPE", rise, limit, rise <= limit + 1e-9,
                      f"调出平均坡度级别 {out_grade:.2f}，调入 {in_grade:.2f}（差值为正表示调入更陡）")


def _balance_quality(pieces: pd.DataFrame, cultivated: indicators.CultivatedLand,
                     selection: indicators.BalanceSelection) -> RuleResult:
    """进出平衡 in quality: the mean 等别 of 进 not larger (worse) than that of 出; 未核验 while 进 or 出 lacks 等别."""
    out_q, in_q = cultivated.out_quality, cultivated.in_quality
    if cultivated.out_m2 <= 0:
        return RuleResult("BALANCE_QUALITY", None, 0.0, True, "没有耕地转为其他农用地，不涉及质量平衡")
    if math.isnan(out_q) or math.isnan(in_q):
        missing = "出" if math.isnan(out_q) else "进"
        area = cultivated.out_ungraded_m2 if missing == "出" else cultivated.in_ungraded_m2
        return RuleResult("BALANCE_QUALITY", None, 0.0, None,
                          f"“{missing}”的耕地（{_area(area)}）缺少等别（GDDB），未核验")
    gaps = [f"“{side}”中 {_area(m2)}" for side, m2 in (("出", cultivated.out_ungraded_m2),
                                                      ("进", cultivated.in_ungraded_m2)) if _ungraded(m2)]
    if gaps:
        return RuleResult("BALANCE_QUALITY", None, 0.0, None,
                          "、".join(gaps) + f"无等别（GDDB）；有等别部分：出 {out_q:.2f}，进 {in_q:.2f}，未核验")
    worse = selection.in_ & (pieces["gddb_a"] > out_q + 1e-9).to_numpy()
    return RuleResult(
        "BALANCE_QUALITY", in_q - out_q, 0.0, in_q <= out_q + 1e-9,
        f"出的平均等别 {out_q:.2f}，进的平均等别 {in_q:.2f}（差值为正表示进的质量较差）",
        culprits=worse,
    )


def verdict_label(passed: bool | None) -> str:
    """The verdict in the interface's language (the table's VERDICT column stays Chinese)."""
    return tr("not checked") if passed is None else tr("passed") if passed else tr("failed")


def rules_table(results: list[RuleResult]) -> pd.DataFrame:
    """The compliance table: RULE, RULE_NAME, VALUE, THRESHOLD, UNIT, PASSED, NOTE, SOURCE."""
    rows = []
    for r in results:
        name, unit, source = RULES[r.rule]
        rows.append({
            "RULE": r.rule,
            "RULE_NAME": name,
            "VALUE": r.value,
            "THRESHOLD": r.threshold,
            "UNIT": unit,
            "PASSED": None if r.passed is None else int(bool(r.passed)),
            "VERDICT": "未核验" if r.passed is None else ("通过" if r.passed else "不通过"),
            "NOTE": r.note,
            "SOURCE": source,
        })
    return pd.DataFrame(rows)
