"""Table 10, 年度实施计划: sub-projects by year (≤ 3 years), each year's 小计 and share of the investment."""
from __future__ import annotations

import math

import pandas as pd

from ..inputs import Inputs
from ..model import MONEY_DECIMALS, PERCENT_DECIMALS, Block, Column, Row, Sheet, area_columns, unit_line
from ..rounding import round_levels
from .subprojects import subproject_frame

TITLE = "年度实施计划"


def annual_sheet(frame: pd.DataFrame, units, project: str = "", number: int = 10, max_years: int = 3,
                 start_year: int | None = None, end_year: int | None = None) -> Sheet:
    """年度实施计划: sub-projects by year, each year's 小计 and share of the investment.

    Args:
        frame: As for :func:`.subprojects.subprojects_sheet`.
        units: Area units.
        project: Project name.
        number: Table number.
        max_years: The policy's longest period, checked in the notes.
        start_year: The project's first year, when known.
        end_year: The project's last year, when known.
    """
    data = subproject_frame(frame)
    data = data.sort_values(["_y", "_order", "code"], kind="stable")
    years = list(dict.fromkeys(data["_y"]))

    def year_text(y):
        return "未填年度" if y == 99999 else f"{y} 年"

    columns = [Column(("实施年度",), "code", width=10), Column(("序号",), "serial", 0, 5),
               Column(("子项目名称",), "text"), Column(("项目类型",), "text")]
    columns += area_columns(("面积",), units, 11)
    columns += [Column(("投资估算\n（万元）",), "money", MONEY_DECIMALS, 11),
                Column(("占总投资\n（%）",), "percent", PERCENT_DECIMALS, 9),
                Column(("实施主体",), "text")]
    money_leaves = [(y, i, 0.0 if math.isnan(v) else v) for y, i, v in zip(data["_y"], data.index, data["investment"])]
    money = round_levels(money_leaves, MONEY_DECIMALS)
    total_money = sum(v for _, _, v in money_leaves)
    pct = round_levels([(y, i, 100.0 * v / total_money if total_money else 0.0) for y, i, v in money_leaves],
                       PERCENT_DECIMALS, 100.0 if total_money else 0.0)
    areas = {u.key: round_levels([(y, i, a * u.per_m2) for y, i, a in zip(data["_y"], data.index, data["area_m2"])],
                                 u.decimals) for u in units}
    rows = []
    serial = 0
    for y in years:
        members = data[data["_y"] == y]
        rows.append(Row([year_text(y), "", f"{year_text(y)}（小计，{len(members)} 个）", ""]
                        + [areas[u.key][1][y] for u in units] + [money[1][y], pct[1][y], ""], "subtotal"))
        for index, rec in members.iterrows():
            serial += 1
            investment = float("nan") if math.isnan(rec["investment"]) else money[2][(y, index)]
            rows.append(Row([year_text(y), serial, rec["name"], rec["type"]]
                            + [areas[u.key][2][(y, index)] for u in units]
                            + [investment, pct[2][(y, index)], rec["unit"]]))
    rows.append(Row(["合计", "", f"{len(data)} 个子项目", ""] + [areas[u.key][0] for u in units]
                    + [money[0], pct[0], ""], "total"))
    known = [y for y in years if y != 99999]
    notes = []
    if known:
        first, last = min(known), max(known)
        span = last - first + 1
        verdict = "符合" if span <= max_years else "超过"
        notes.append(f"注：子项目实施年度 {first}—{last} 年，共 {span} 年，{verdict}实施期限不超过 {max_years} 年的要求"
                     "（无锡实施意见 §三(三)）。")
        if start_year is not None and end_year is not None:
            outside = [y for y in known if y < start_year or y > end_year]
            if outside:
                notes.append(f"注意：有子项目的实施年度（{'、'.join(map(str, sorted(set(outside))))}）不在项目实施期 "
                             f"{start_year}—{end_year} 年内。")
    return Sheet(
        "annual", f"表{number} {TITLE}", TITLE, unit_line(units) + "；投资：万元", [Block(columns, rows)],
        notes=notes, project=project, freeze_columns=3,
    )


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The plan of the sub-project layer, checked against the period and its longest allowed span."""
    period = inputs.period
    return [annual_sheet(inputs.subprojects, inputs.units, inputs.project, number, inputs.thresholds.max_years,
                         period.start if period else None, period.end if period else None)]
