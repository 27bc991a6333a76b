"""Table 11, 指标核验表: every policy rule of DOMAIN.md §6 with its value, threshold and verdict."""
from __future__ import annotations

import pandas as pd

from ... import compliance as compliance_mod
from ...values import is_null
from ..inputs import Inputs
from ..model import Block, Cell, Column, Row, Sheet
from ..rounding import shown

TITLE = "指标核验表"
#: rule → comparison shown beside the threshold.
RULE_COMPARISON = {"ADDED_CULTIVATED": "≥", "PBF_ADDED": "≥", "QUALITY": "≤", "BALANCE_AREA": "≥", "BALANCE_QUALITY": "≤",
                   "CONSTRUCTION": "≤", "LINKAGE": "≥", "PERIOD": "≤", "TOWNSHIP": "≤", "NEW_CULTIVATED_GRADE": "≤",
                   "NEW_CULTIVATED_NOT_IN_RED_LINE": "≤", "NEW_CULTIVATED_NOT_STEEP": "≤", "PBF_ADJUST_SHARE": "≤",
                   "PBF_IN_SLOPE": "≤", "NO_BUILD_IN_RED_LINE": "≤", "NO_BUILD_ON_PBF": "≤"}


def compliance_sheet(rules: pd.DataFrame, units, project: str = "", number: int = 11) -> Sheet:
    """指标核验表 from :func:`~core.compliance.rules_table`; m² values shown in the first area unit."""
    unit = units[0]
    columns = [Column(("序号",), "serial", 0, 5), Column(("核验指标",), "text", width=24),
               Column(("测算值",), "number", width=12), Column(("要求",), "code", width=6),
               Column(("控制值",), "number", width=10), Column(("单位",), "code", width=7),
               Column(("核验结果",), "code", width=10), Column(("说明",), "text", width=46),
               Column(("政策依据",), "text", width=40)]
    rows = []
    for i, rec in enumerate(rules.itertuples(index=False)):
        value, threshold, unit_text = rec.VALUE, rec.THRESHOLD, rec.UNIT
        if unit_text == "m²":
            kind, decimals, unit_text = "area", unit.decimals, unit.label
            value = None if is_null(value) else shown(float(value) * unit.per_m2, decimals)
            threshold = None if is_null(threshold) else shown(float(threshold) * unit.per_m2, decimals)
        elif unit_text in ("年", "个"):
            kind, decimals = "int", 0
        else:
            kind, decimals = "number", 2
        cells = [Cell(None if is_null(v) else (int(v) if kind == "int" else v), kind, decimals)
                 for v in (value, threshold)]
        rows.append(Row([i + 1, rec.RULE_NAME, cells[0], RULE_COMPARISON.get(rec.RULE, ""), cells[1], unit_text,
                         rec.VERDICT, rec.NOTE, rec.SOURCE], "total" if rec.VERDICT == "不通过" else ""))
    passed = int((rules["VERDICT"] == "通过").sum())
    failed = int((rules["VERDICT"] == "不通过").sum())
    unchecked = int((rules["VERDICT"] == "未核验").sum())
    return Sheet(
        "compliance", f"表{number} {TITLE}", TITLE,
        f"面积单位：{unit.label}", [Block(columns, rows)],
        notes=[f"核验结论：{passed} 项通过，{failed} 项不通过，{unchecked} 项未核验。",
               "注：“不通过”的指标以粗体标出，相关图斑见“指标核验”的“未通过指标涉及的图斑”图层。"
               "质量指标为整治后平均等别减整治前平均等别，正值表示变差；新增耕地质量等别为新增耕地的面积加权平均等别，"
               "与县域耕地平均等别比较。约束冲突面积为图斑面积（TBMJ）中位于约束范围内的部分。"
               "有耕地缺少等别、新增耕地缺少坡度信息或未提供所需图层的指标为“未核验”，说明栏写明缺少的面积。"],
        project=project, freeze_columns=2,
    )


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The rules evaluated on the plan, with the 永久基本农田 review, the conflicts and the period when they can be had."""
    farmland = inputs.optional("farmland")
    pbf = farmland[0] if farmland is not None else None
    pbf_rate = pbf.get("ADDED_RATIO") if pbf is not None else None
    results = compliance_mod.evaluate(inputs.pieces, inputs.cultivated, inputs.construction, inputs.thresholds,
                                      pbf_rate, inputs.period, pbf_missing=inputs.failure("farmland") or "",
                                      pbf=pbf, conflicts=inputs.optional("conflicts"))
    return [compliance_sheet(compliance_mod.rules_table(results), inputs.units, inputs.project, number)]
