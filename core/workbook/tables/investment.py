"""投资估算表: the sub-projects' investment (万元) by type and by funding source, per year.

Two blocks with the same columns – each implementation year (SSND; 未填年度
last), 合计 and the share of the total: 一、按子项目类型 (XMLX, in the order of
the 子项目清单), 二、按资金来源 (ZJLY; a field listing several sources as
``来源:金额;…`` is split, :func:`~core.subprojects.split_funding`).  Every
cell is rounded so that rows and columns add up to their shown totals, and
both blocks to the same 合计.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..inputs import Inputs
from ..model import MONEY_DECIMALS, PERCENT_DECIMALS, Block, Column, Row, Sheet
from ..rounding import controlled_round, shown, split
from .subprojects import subproject_frame

TITLE = "投资估算表"
NO_YEAR = "未填年度"


def investment_frames(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, list]:
    """(by type, by source, years): 万元 per row × year, from the sub-project frame.

    Sub-projects without an investment count nothing (their types still
    appear, with 0); the sources of the others add up to their investment.
    """
    from ...subprojects import split_funding  # core.subprojects reads QGIS layers: imported when used

    data = subproject_frame(frame).sort_values(["_order", "_y", "code"], kind="stable")
    years = sorted({y for y in data["_y"]})
    labels = [NO_YEAR if y == 99999 else f"{y} 年" for y in years]
    types = list(dict.fromkeys(t or "未填类型" for t in data["type"]))
    by_type = pd.DataFrame(0.0, index=types, columns=labels)
    sources: dict[str, dict] = {}
    for rec in data.to_dict("records"):
        label = NO_YEAR if rec["_y"] == 99999 else f"{rec['_y']} 年"
        investment = float(rec["investment"])
        by_type.loc[rec["type"] or "未填类型", label] += 0.0 if math.isnan(investment) else investment
        if math.isnan(investment):
            continue
        for source, amount in split_funding(rec["funding"], investment):
            sources.setdefault(source, {}).setdefault(label, 0.0)
            sources[source][label] += amount
    by_source = pd.DataFrame(0.0, index=list(sources), columns=labels)
    for source, per_year in sources.items():
        for label, amount in per_year.items():
            by_source.loc[source, label] = amount
    return by_type, by_source, labels


def _rounded(exact: pd.DataFrame, grand: float) -> tuple[np.ndarray, list, list]:
    """Cells, row totals and column totals rounded to 万元 cents, adding up to ``grand`` both ways."""
    values = exact.to_numpy(dtype=float)
    if values.size == 0:
        return values, [], []
    rows = split(values.sum(axis=1), MONEY_DECIMALS, grand)
    cols = split(values.sum(axis=0), MONEY_DECIMALS, grand)
    cells = controlled_round(values, MONEY_DECIMALS, rows, cols)
    if cells is None:  # margins admit no controlled rounding: rows alone, columns their sums
        cells = np.array([split(r, MONEY_DECIMALS, t) for r, t in zip(values, rows)])
        cols = [float(v) for v in cells.sum(axis=0)]
    return cells, rows, cols


def investment_sheet(by_type: pd.DataFrame, by_source: pd.DataFrame, years: list, project, number: int) -> Sheet:
    """投资估算表 from :func:`investment_frames`."""
    grand = shown(float(by_type.to_numpy().sum()), MONEY_DECIMALS)
    blocks = []
    for caption, exact, head in (("一、按子项目类型", by_type, "项目类型"), ("二、按资金来源", by_source, "资金来源")):
        columns = [Column(("序号",), "serial", 0, 5), Column((head,), "text", width=30)]
        columns += [Column(("投资估算（万元）", y), "money", MONEY_DECIMALS, 12) for y in years]
        columns += [Column(("投资估算（万元）", "合计"), "money", MONEY_DECIMALS, 12),
                    Column(("占总投资\n（%）",), "percent", PERCENT_DECIMALS, 9)]
        cells, row_totals, col_totals = _rounded(exact, grand)
        shares = split([100.0 * t / grand if grand else 0.0 for t in row_totals], PERCENT_DECIMALS,
                       100.0 if grand else 0.0) if row_totals else []
        body = [Row([i + 1, name] + [float(v) for v in cells[i]] + [row_totals[i], shares[i]])
                for i, name in enumerate(exact.index)]
        body.append(Row(["", "合计"] + [float(v) for v in col_totals] + [grand, 100.0 if grand else 0.0], "total"))
        blocks.append(Block(columns, body, caption=caption))
    return Sheet(
        "investment", f"表{number} {TITLE}", TITLE, "金额单位：万元", blocks,
        notes=["注：投资估算取自子项目图层的投资（TZJE，万元），年度取实施年度（SSND）。资金来源一栏列有多个来源时（如"
               "“省级财政补助资金:30;社会资本:20”）按所列金额拆分；所列金额之和不足（或超过）投资估算的差额计入“未列明来源”，"
               "只列来源未列金额的平分其余部分。两部分的合计相同。"],
        project=project, freeze_columns=2,
    )


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The investment of the sub-project layer by type and by funding source, per year."""
    by_type, by_source, years = investment_frames(inputs.subprojects)
    return [investment_sheet(by_type, by_source, years, inputs.project, number)]
