"""验收自评表: the scheme's targets and the policy rules at the last survey (for the final acceptance)."""
from __future__ import annotations

import pandas as pd

from ... import progress as progress_mod
from ..inputs import Inputs
from ..model import Block, Column, Row, Sheet
from ._monitoring import figure, percent, year_label

TITLE = "验收自评表"


def acceptance_sheet(indicators: pd.DataFrame, units, project="", number: int = 23) -> Sheet:
    """验收自评表 for the last survey of OUTPUT_INDICATORS: each target achieved or not, then each rule's verdict."""
    unit = units[0]
    year, survey = list(dict.fromkeys(zip(indicators["YEAR"], indicators["SURVEY"])))[-1]
    last = indicators[(indicators["YEAR"] == year) & (indicators["SURVEY"] == survey)]
    targets = progress_mod.acceptance(last)
    # The two blocks share the sheet's columns: 序号, what, 单位, target, achieved, 完成比例 / 规划结论, 结论, 说明.
    columns = [Column(("序号",), "serial", 0, 5), Column(("考核内容",), "text", width=32), Column(("单位",), "code", width=7),
               Column(("方案目标值",), "number", width=13), Column(("实现值",), "number", width=13),
               Column(("完成比例（%）",), "percent", 2, 10), Column(("结论",), "code", width=9),
               Column(("说明",), "text", width=46)]
    rows = []
    for i, rec in enumerate(targets.itertuples(index=False)):
        target, unit_text = figure(rec.TARGET, rec.UNIT, unit)
        achieved = figure(rec.ACHIEVED, rec.UNIT, unit)[0]
        rows.append(Row([i + 1, rec.NAME, unit_text, target, achieved, percent(rec.PERCENT), rec.VERDICT,
                         _gap(rec, target, achieved, unit_text)], "total" if rec.VERDICT == "未达到" else ""))
    rules = last[last["KIND"] == "规则"]
    rule_columns = [Column(("序号",), "serial", 0, 5), Column(("核验规则",), "text", width=32),
                    Column(("单位",), "code", width=7), Column(("控制值",), "number", width=13),
                    Column(("实现值",), "number", width=13), Column(("规划结论",), "code", width=10),
                    Column(("结论",), "code", width=9), Column(("说明",), "text", width=46)]
    rule_rows = []
    for i, rec in enumerate(rules.itertuples(index=False)):
        threshold, unit_text = figure(rec.THRESHOLD, rec.UNIT, unit)
        rule_rows.append(Row([i + 1, rec.NAME, unit_text, threshold, figure(rec.REALISED, rec.UNIT, unit)[0],
                              rec.PLANNED_VERDICT or "", rec.VERDICT or "", rec.NOTE or ""],
                             "total" if rec.VERDICT == "不通过" else ""))
    achieved = int((targets["VERDICT"] == "达到").sum())
    missed = int((targets["VERDICT"] == "未达到").sum())
    failed = int((rules["VERDICT"] == "不通过").sum())
    added = last.set_index("KEY")["REALISED"].get("ADDED_CULTIVATED_M2")
    added_cell = figure(added, "m²", unit)[0].value
    notes = [f"按{year_label(year, survey)}自评：方案目标 {achieved} 项达到、{missed} 项未达到；政策规则 {failed} 项不通过。"
             f"新增耕地（扣除田坎）{added_cell if added_cell is not None else '—'} {unit.label}。",
             "注：目标值为实施方案（规划）的数值；实现值按变更调查计算。面积、新增耕地率、百亩方等以达到或超过目标为达到，"
             "建设用地面积与耕地平均等别以不超过目标为达到（等别数值越小越好），计划外变化以 0 为达到。"]
    return Sheet("acceptance", f"表{number} {TITLE}", TITLE, f"面积单位：{unit.label}",
                 [Block(columns, rows, caption="一、方案目标完成情况"),
                  Block(rule_columns, rule_rows, caption="二、政策规则核验")],
                 notes=notes, project=project, freeze_columns=2)


def _gap(rec, target, achieved, unit_text: str) -> str:
    """What is missing to reach a target, as shown (e.g. ``尚差 17.0877 公顷``)."""
    if rec.VERDICT == "未核验":
        return "缺少计算所需的数据（如新增耕地等别、永久基本农田图层）"
    if rec.VERDICT != "未达到" or target.value is None or achieved.value is None:
        return ""
    decimals = target.decimals if target.kind != "int" else 0
    difference = abs(float(achieved.value) - float(target.value))
    direction = {"UNPLANNED_CHANGE_M2": "计划外变化", "CONSTRUCTION_M2": "超出", "CULTIVATED_QUALITY": "超出"}.get(
        rec.KEY, "尚差")
    return f"{direction} {difference:.{decimals}f} {unit_text}"


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """From the progress run on the plan and the surveys: the last survey."""
    return [acceptance_sheet(inputs.progress.indicators, inputs.units, inputs.project, number)]
