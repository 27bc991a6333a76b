"""The compliance check (指标核验, docs/DOMAIN.md §6): one row per policy rule.

Each threshold is a setting with the policy default; the table states the
value measured, the threshold used, pass/fail, and which parcels stand
behind a failure.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import indicators
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


#: rule id → (Chinese name, unit, policy source).
RULES = {
    "ADDED_CULTIVATED": ("新增耕地比例", "%", "无锡实施意见 §四(一)：项目区内新增耕地不低于原有耕地的5%；自然资发〔2019〕194号"),
    "PBF_ADDED": ("新增永久基本农田比例", "%", "无锡实施意见 §四(二)：新增永久基本农田不低于调整面积的5%；194号"),
    "QUALITY": ("耕地质量（平均等别不降低）", "等", "进出平衡“同等数量、质量”：整治后耕地平均等别不大于整治前"),
    "BALANCE_AREA": ("耕地进出平衡（数量）", "m²", "自然资发〔2021〕166号：耕地转为其他农用地，应补足同等数量的耕地（进 ≥ 出）"),
    "BALANCE_QUALITY": ("耕地进出平衡（质量）", "等",
                        "自然资发〔2021〕166号：补充耕地质量不低于转出耕地（进的平均等别不劣于出）"),
    "CONSTRUCTION": ("建设用地总量不增加", "m²", "城乡建设用地增减挂钩原则；194号"),
    "LINKAGE": ("建新不超过拆旧复垦", "m²", "城乡建设用地增减挂钩：建新面积 ≤ 拆旧复垦面积"),
    "PERIOD": ("实施期限", "年", "无锡实施意见 §三(三)：实施期限原则上不超过3年"),
    "TOWNSHIP": ("以乡镇为实施单元", "个", "194号：以乡镇为基本实施单元"),
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
    extra: list = field(default_factory=list)  # (geometry, label, note) for non-piece culprits


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
) -> list[RuleResult]:
    """Evaluate every rule of docs/DOMAIN.md §6 on a plan's pieces and indicators.

    Args:
        pieces: The plan's pieces.
        cultivated: :func:`indicators.cultivated_land` of the plan.
        construction: :func:`indicators.construction_land` of the plan.
        thresholds: The thresholds to apply.
        pbf_added_rate: 新增永久基本农田比例 (%), or None when not computed.
        period: The implementation period (None: not known).
        pbf_missing: Why the 永久基本农田 figure is missing, when it is (the
            note of the unchecked rule); default: the layers were not given.
    """
    results = []
    source = indicators.source_of(pieces)
    loss = source == "loss"

    rate = cultivated.added_rate
    results.append(RuleResult(
        "ADDED_CULTIVATED", rate, thresholds.min_added_rate,
        None if math.isnan(rate) else rate >= thresholds.min_added_rate - 1e-9,
        f"新增耕地 {_area(cultivated.added_m2)}，原耕地 {_area(cultivated.before_m2)}",
        culprits=loss,
    ))

    if pbf_added_rate is None:
        results.append(RuleResult("PBF_ADDED", None, thresholds.min_pbf_added_rate, None,
                                  f"{pbf_missing or '未提供整治前后永久基本农田图层'}，未核验"))
    else:
        results.append(RuleResult(
            "PBF_ADDED", pbf_added_rate, thresholds.min_pbf_added_rate,
            pbf_added_rate >= thresholds.min_pbf_added_rate - 1e-9,
            "（调入 − 调出）/ 调出",
        ))

    q_before, q_after = cultivated.quality_before, cultivated.quality_after
    if math.isnan(q_before) or math.isnan(q_after):
        results.append(RuleResult("QUALITY", None, thresholds.max_quality_drop, None, "缺少耕地等别（GDDB），未核验"))
    else:
        worse = (pieces["base_a"].isin(indicators.CULTIVATED) & (pieces["gddb_a"] > q_before)).to_numpy()
        results.append(RuleResult(
            "QUALITY", q_after - q_before, thresholds.max_quality_drop,
            q_after - q_before <= thresholds.max_quality_drop + 1e-9,
            f"整治前平均等别 {q_before:.4f}，整治后 {q_after:.4f}（差值为正表示变差）",
            culprits=worse,
        ))

    selection = indicators.balance_selection(pieces)
    results.append(RuleResult(
        "BALANCE_AREA", cultivated.in_m2 - cultivated.out_m2, 0.0, cultivated.balanced_area,
        f"出（耕地转为其他农用地）{_area(cultivated.out_m2)}，进（其他农用地转为耕地）{_area(cultivated.in_m2)}",
        culprits=selection.out,
    ))
    results.append(_balance_quality(pieces, cultivated, selection))

    new_build = indicators.new_build_mask(pieces)
    increase = construction.after_m2 - construction.before_m2
    results.append(RuleResult(
        "CONSTRUCTION", increase, thresholds.max_construction_increase_m2,
        increase <= thresholds.max_construction_increase_m2 + 1e-6,
        f"整治前 {_area(construction.before_m2)}，整治后 {_area(construction.after_m2)}（正值为增加）",
        culprits=new_build,
    ))
    results.append(RuleResult(
        "LINKAGE", construction.surplus_m2, 0.0, construction.new_build_m2 <= construction.reclaimed_m2 + 1e-6,
        f"拆旧复垦 {_area(construction.reclaimed_m2)}，建新 {_area(construction.new_build_m2)}，"
        f"节余 {_area(construction.surplus_m2)}",
        culprits=new_build,
    ))

    if period is None:
        results.append(RuleResult("PERIOD", None, thresholds.max_years, None, "未给出实施年度，未核验"))
    else:
        problem = period.problem(thresholds.max_years)
        note = f"{period.start}—{period.end} 年{period.note}"
        if period.reversed:
            note += "：结束年度早于开始年度"
        results.append(RuleResult(
            "PERIOD", float(period.years), float(thresholds.max_years), problem is None, note,
        ))

    township = pieces["village"].fillna("").astype(str).str[:9]
    counts = township[township != ""].value_counts()
    if counts.empty:
        results.append(RuleResult("TOWNSHIP", None, thresholds.max_townships, None, "缺少坐落单位代码 ZLDWDM，未核验"))
    else:
        main = counts.index[0]
        results.append(RuleResult(
            "TOWNSHIP", float(len(counts)), float(thresholds.max_townships), len(counts) <= thresholds.max_townships,
            "乡镇代码：" + "、".join(f"{code}（{n} 个图斑）" for code, n in counts.items()),
            culprits=(township != main).to_numpy() & (township != "").to_numpy(),
        ))
    return results


def _balance_quality(pieces: pd.DataFrame, cultivated: indicators.CultivatedLand,
                     selection: indicators.BalanceSelection) -> RuleResult:
    """进出平衡 in quality: the mean 等别 of 进 not larger (worse) than that of 出."""
    out_q, in_q = cultivated.out_quality, cultivated.in_quality
    if cultivated.out_m2 <= 0:
        return RuleResult("BALANCE_QUALITY", None, 0.0, True, "没有耕地转为其他农用地，不涉及质量平衡")
    if math.isnan(out_q) or math.isnan(in_q):
        missing = "出" if math.isnan(out_q) else "进"
        return RuleResult("BALANCE_QUALITY", None, 0.0, None, f"“{missing}”的耕地缺少等别（GDDB），未核验")
    worse = selection.in_ & (pieces["gddb_a"] > out_q + 1e-9).to_numpy()
    return RuleResult(
        "BALANCE_QUALITY", in_q - out_q, 0.0, in_q <= out_q + 1e-9,
        f"出的平均等别 {out_q:.2f}，进的平均等别 {in_q:.2f}（差值为正表示进的质量较差）",
        culprits=worse,
    )


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
