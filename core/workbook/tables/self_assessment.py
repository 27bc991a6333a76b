"""年度自评表: every indicator of the scheme planned next to what each later survey shows, and the rules' verdicts."""
from __future__ import annotations

import pandas as pd

from ..inputs import Inputs
from ..model import Block, Column, Row, Sheet
from ._monitoring import figure, percent, year_label

TITLE = "年度自评表"


def self_assessment_sheet(frame: pd.DataFrame, units, project="", number: int = 21) -> Sheet:
    """年度自评表 from OUTPUT_INDICATORS of ``landconsolidation:progress`` (every survey).

    Block 1: the indicators – 基期, 规划, and per survey the realised value
    and the share of the planned change realised.  Block 2: the policy rules
    – 控制值, the plan's value and verdict, and per survey the realised value
    and verdict.  Areas in the first unit of the workbook.
    """
    unit = units[0]
    surveys = list(dict.fromkeys(zip(frame["YEAR"], frame["SURVEY"])))
    # Keyed by kind and key: a rule and an indicator may share a key.
    by_survey = {s: frame[(frame["YEAR"] == s[0]) & (frame["SURVEY"] == s[1])].set_index(["KIND", "KEY"])
                 for s in surveys}
    first = by_survey[surveys[0]]
    indicators = first.loc["指标"]
    columns = [Column(("序号",), "serial", 0, 5), Column(("指标",), "text", width=30), Column(("单位",), "code", width=7),
               Column(("基期值",), "number", width=12), Column(("规划值",), "number", width=12)]
    for year, survey in surveys:
        head = year_label(year, survey)
        columns += [Column((head, "实现值"), "number", width=12), Column((head, "完成比例（%）"), "percent", 2, 9)]
    rows = []
    for i, (key, rec) in enumerate(indicators.iterrows()):
        before, unit_text = figure(rec["BEFORE"], rec["UNIT"], unit)
        values = [i + 1, rec["NAME"], unit_text, before, figure(rec["PLANNED"], rec["UNIT"], unit)[0]]
        for s in surveys:
            this = by_survey[s]
            values += [figure(this.loc[("指标", key), "REALISED"], rec["UNIT"], unit)[0],
                       percent(this.loc[("指标", key), "PERCENT"])]
        rows.append(Row(values))
    rules = first.loc["规则"]
    rule_columns = [Column(("序号",), "serial", 0, 5), Column(("核验规则",), "text", width=30),
                    Column(("单位",), "code", width=7), Column(("控制值",), "number", width=12),
                    Column(("规划值",), "number", width=12), Column(("规划结论",), "code", width=9)]
    for year, survey in surveys:
        head = year_label(year, survey)
        rule_columns += [Column((head, "实现值"), "number", width=12), Column((head, "结论"), "code", width=9)]
    rule_rows = []
    for i, (key, rec) in enumerate(rules.iterrows()):
        threshold, unit_text = figure(rec["THRESHOLD"], rec["UNIT"], unit)
        values = [i + 1, rec["NAME"], unit_text, threshold, figure(rec["PLANNED"], rec["UNIT"], unit)[0],
                  rec["PLANNED_VERDICT"] or ""]
        failed = False
        for s in surveys:
            this = by_survey[s]
            verdict = this.loc[("规则", key), "VERDICT"] or ""
            failed = failed or (s == surveys[-1] and verdict == "不通过")
            values += [figure(this.loc[("规则", key), "REALISED"], rec["UNIT"], unit)[0], verdict]
        rule_rows.append(Row(values, "total" if failed else ""))
    last_rules = by_survey[surveys[-1]].loc["规则"]
    counts = {v: int((last_rules["VERDICT"] == v).sum()) for v in ("通过", "不通过", "未核验")}
    notes = [f"{year_label(*surveys[-1])}自评结论：{counts['通过']} 项通过，{counts['不通过']} 项不通过，"
             f"{counts['未核验']} 项未核验（不通过的规则以粗体标出）。",
             "注：实现值按变更调查计算：基期图斑与变更调查图斑叠加，地类、田坎、等别取变更调查；完成比例 = （实现值 − 基期值）/"
             "（规划值 − 基期值），变化类指标的基期值为 0。新增耕地为扣除田坎后的面积（TBDLMJ）。"]
    return Sheet("self_assessment", f"表{number} {TITLE}", TITLE, f"面积单位：{unit.label}",
                 [Block(columns, rows, caption="一、指标完成情况"), Block(rule_columns, rule_rows, caption="二、规则核验")],
                 notes=notes, project=project, freeze_columns=2, paper="A3" if len(surveys) > 1 else "A4")


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """From the progress run on the plan and the surveys."""
    return [self_assessment_sheet(inputs.progress.indicators, inputs.units, inputs.project, number)]
