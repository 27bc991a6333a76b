"""Table 3, 土地利用转移矩阵: before class × after class, one sheet per unit."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ... import codes as codes_mod
from ... import indicators
from ..inputs import Inputs
from ..model import Block, Column, Row, Sheet, label
from ..rounding import controlled_round, shown, split, tidy

TITLE = "土地利用转移矩阵"


def transition_sheets(matrix: pd.DataFrame, units, level: int = 1, project: str = "", number: int = 3,
                      table: codes_mod.CodeTable | None = None) -> list[Sheet]:
    """土地利用转移矩阵: before class rows × after class columns, with totals.

    Args:
        matrix: :func:`~core.indicators.transition_matrix` (``FROM_DLBM``,
            ``TO_DLBM``, ``AREA_M2``; gross area).
        units: Area units (one sheet each).
        level: 1 = first-level classes (湿地, 耕地 …), 2 = second-level classes.
        project: Project name.
        number: Table number.
        table: Code table.

    The classes of both sides form one list, so unchanged land is on the
    diagonal.  Row totals (整治前) are rounded to the grand total, the cells of
    each row to its total; the 合计 row (整治后) is the column sum of the rows.
    """
    table = table or codes_mod.default_table()

    def key(code):
        return table.lookup(code).group if level == 1 else table.lookup(code).base

    frame = pd.DataFrame({"from": [key(c) for c in matrix["FROM_DLBM"]], "to": [key(c) for c in matrix["TO_DLBM"]],
                          "area": matrix["AREA_M2"].astype(float)})
    cells = frame.groupby(["from", "to"], sort=False)["area"].sum()

    def order(code):
        if level == 1:
            groups = list(table.groups)
            return (0, groups.index(code)) if code in groups else (1, code)
        return table.sort_key(code)

    classes = sorted(set(frame["from"]) | set(frame["to"]), key=order)
    rows_classes = [c for c in classes if c in set(frame["from"])]

    def name(code):
        return table.groups.get(code, codes_mod.UNKNOWN_NAME) if level == 1 else table.name(code)

    sheets = []
    for unit in units:
        d = unit.decimals
        columns = [Column(("整治前地类", "编码"), "code", width=7), Column(("整治前地类", "名称"), "text", width=20)]
        columns += [Column(("整治后地类", label(name(c), c)), "area", d, 10.5, unit) for c in classes]
        columns.append(Column(("整治前合计",), "area", d, 11.5, unit))
        exact = np.array([[float(cells.get((f, t), 0.0)) * unit.per_m2 for t in classes] for f in rows_classes])
        exact = exact.reshape(len(rows_classes), len(classes))
        grand = shown(float(exact.sum()), d)
        row_totals = split(exact.sum(axis=1), d, grand)
        col_totals = split(exact.sum(axis=0), d, grand)
        shown_cells = controlled_round(exact, d, row_totals, col_totals)
        if shown_cells is None:
            shown_cells = np.array([split(row, d, total) for row, total in zip(exact, row_totals)])
            col_totals = [tidy(v, d) for v in shown_cells.sum(axis=0)]
        rows = []
        for i, f in enumerate(rows_classes):
            rows.append(Row([f, name(f)] + [float(v) for v in shown_cells[i]] + [row_totals[i]]))
        rows.append(Row(["", "整治后合计"] + list(col_totals) + [grand], "total"))
        before_of = dict(zip(rows_classes, row_totals))
        changes = [tidy(col_totals[i] - before_of.get(c, 0.0), d) for i, c in enumerate(classes)]
        rows.append(Row(["", "增减（后 − 前）"] + changes + [0.0], "subtotal"))
        suffix = f"（{unit.label}）" if len(units) > 1 else ""
        level_text = "一级类" if level == 1 else "二级类"
        sheets.append(Sheet(
            "transition", f"表{number} {TITLE}{suffix}", f"{TITLE}（{level_text}）",
            f"面积单位：{unit.label}", [Block(columns, rows, zero_blank=True)],
            notes=["注：行为整治前地类，列为整治后地类，单元格为由行地类转为列地类的面积（按图斑面积计，"
                   "含田坎）；对角线为地类未变的面积。空白表示无转移。"],
            project=project, freeze_columns=2, paper="A3" if len(classes) > 16 else "A4",
        ))
    return sheets


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The matrix of the plan at the run's class level."""
    matrix = indicators.transition_matrix(inputs.pieces)
    return transition_sheets(matrix, inputs.units, inputs.matrix_level, inputs.project, number)
