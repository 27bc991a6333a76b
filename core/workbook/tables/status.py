"""Table 1, 土地利用现状分类面积汇总表: villages × 三调 classes, laid out as the official 三调 template.

The template's title, its two 行政区域 columns (名称, 代码) and its column
order.  As in the template, the parent region comes first: the township by
name and 9-digit code when the project knows it (else 合计), then one row
per village (行政村) with its name and 12-digit code – the first 12 digits of
ZLDWDM, whose last 7 are zeros at village level.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ... import codes as codes_mod
from ... import status as status_mod
from ..inputs import Inputs
from ..model import Block, Column, Row, Sheet, Unit, facts_of, label
from ..rounding import controlled_round, round_levels, split, tidy

TITLE = "土地利用现状分类面积汇总表"
#: The row of the parcels whose 坐落单位代码 (ZLDWDM) is empty.
EMPTY_VILLAGE = "（坐落单位代码为空）"


def status_columns(unit: Unit, table: codes_mod.CodeTable | None = None) -> tuple[list[Column], list]:
    """Columns of the status table in the 三调 分类面积汇总表 order.

    Returns:
        ``(columns, layout)``; layout gives, per area column after the two
        name columns, ``("total", None)``, ``("group", code)`` or ``("code", code)``.
    """
    table = table or codes_mod.default_table()
    d = unit.decimals
    columns = [
        Column(("行政区域", "名称"), "text", width=16.5),
        Column(("行政区域", "代码"), "code", width=22.5),
        Column(("国土调查\n总面积",), "area", d, 11.5, unit),
    ]
    layout = [("total", None)]
    for group, group_name in table.groups.items():
        members = table.codes_in_group(group)
        if members == [group]:  # 09 特殊用地 has no second-level classes
            columns.append(Column((label(group_name, group),), "area", d, 10.5, unit))
            layout.append(("code", group))
            continue
        columns.append(Column((label(group_name, group),), "area", d, 11.5, unit))
        layout.append(("group", group))
        for code in members:
            columns.append(Column(("其中", label(table.name(code), code)), "area", d, 10.5, unit))
            layout.append(("code", code))
    return columns, layout


def _status_values(layout, codes, group_of, total, code_values, decimals) -> list:
    """One row of the status table in column order: total, first-level subtotals (sums), classes."""
    index = {c: i for i, c in enumerate(codes)}
    values = []
    for kind, code in layout:
        if kind == "total":
            values.append(total)
        elif kind == "group":
            values.append(tidy(sum(code_values[index[c]] for c in codes if group_of[c] == code), decimals))
        else:
            values.append(code_values[index[code]] if code in index else 0.0)
    return values


def village_code(zldwdm: str) -> str:
    """The code the template shows for a village: ZLDWDM's first 12 digits when the rest are zeros."""
    text = str(zldwdm or "")
    return text[:12] if len(text) == 19 and text[12:].strip("0") == "" else text


def status_sheets(status: pd.DataFrame, units, project=None, number: int = 1,
                  table: codes_mod.CodeTable | None = None) -> list[Sheet]:
    """土地利用现状分类面积汇总表: villages × 三调 classes, one sheet per unit.

    Args:
        status: :func:`~core.status.land_use_status` (``GROUP``, ``GROUP_NAME``,
            ``DLBM``, ``AREA_M2`` exact).
        units: Area units.
        project: The project's facts (township name and code for the first row), or its name.
        number: Table number in the workbook.
        table: Code table.

    The project area's row comes first, as the parent region does in the
    三调 汇总表 (the township's name and code when known, else 合计); then
    one row per village (ZLDWDM) in code order.  The 合计
    row is rounded top down (total → first-level → second-level classes, the
    same figures as the 整治前 column of the structure table); the village
    rows are rounded to their own totals and, by controlled rounding, add up
    to the 合计 row column by column.
    """
    table = table or codes_mod.default_table()
    areas = status.groupby(["GROUP", "DLBM"], sort=False)["AREA_M2"].sum()
    names = dict(zip(status["GROUP"], status["GROUP_NAME"]))
    villages = sorted({g for g, _ in areas.index})
    codes = sorted({c for _, c in areas.index}, key=table.sort_key)
    group_of = {c: table.lookup(c).group for c in codes}
    matrix_m2 = np.array([[float(areas.get((v, c), 0.0)) for c in codes] for v in villages]).reshape(
        len(villages), len(codes))
    sheets = []
    for unit in units:
        columns, layout = status_columns(unit, table)
        if codes_mod.UNKNOWN_GROUP in group_of.values():
            columns.append(Column((label(codes_mod.UNKNOWN_NAME, "?"),), "area", unit.decimals, 10.5, unit))
            layout.append(("group", codes_mod.UNKNOWN_GROUP))
        d = unit.decimals
        exact = matrix_m2 * unit.per_m2
        grand, project_groups, project_codes = round_levels(
            [(group_of[c], c, v) for c, v in zip(codes, exact.sum(axis=0))], d)
        village_totals = split(exact.sum(axis=1), d, grand)
        col_totals = [project_codes[(group_of[c], c)] for c in codes]
        cells = controlled_round(exact, d, village_totals, col_totals)
        if cells is None:  # margins admit no controlled rounding: round rows alone, sum the columns
            cells = np.array([[round_levels([(group_of[c], c, v) for c, v in zip(codes, row)], d, total)[2][
                (group_of[c], c)] for c in codes] for row, total in zip(exact, village_totals)])
            col_totals = [tidy(v, d) for v in cells.sum(axis=0)]
        facts = facts_of(project)
        township_code = facts.township_code or _common_township(villages)
        first = [facts.township or "合计", township_code if facts.township or township_code else ""]
        rows = [Row(first + _status_values(layout, codes, group_of, grand, col_totals, d), "total")]
        for i, village in enumerate(villages):
            if village:
                rows.append(Row([names.get(village, "") or "", village_code(village)]
                                + _status_values(layout, codes, group_of, village_totals[i], cells[i], d)))
        if "" in villages and len(villages) > 1:
            # Parcels without ZLDWDM belong to no village: a row of their own, last, so the rows add up.
            i = villages.index("")
            rows.append(Row([EMPTY_VILLAGE, ""] + _status_values(layout, codes, group_of, village_totals[i],
                                                                 cells[i], d)))
        name = f"表{number} {TITLE}" + (f"（{unit.label}）" if len(units) > 1 else "")
        sheets.append(Sheet(
            "status", name, TITLE, f"面积单位：{unit.label}", [Block(columns, rows)],
            notes=["注：各地类面积为图斑地类面积，耕地中扣除的田坎面积计入田坎（1203）；国土调查总面积为图斑面积之和。"
                   "可调整地类（编码带 K）及带 A 的细化地类按其基础地类统计。"],
            project=project, freeze_columns=3, paper="A3",
        ))
    return sheets


def _common_township(villages) -> str:
    """The 9-digit township code all villages share, or ""."""
    townships = {str(v)[:9] for v in villages if v}
    return townships.pop() if len(townships) == 1 else ""


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The table of the current DLTB, a row per village (ZLDWDM) when the parcels name one."""
    frame = inputs.parcels.frame
    grouped = "village" in frame and frame["village"].astype(str).ne("").any()
    names = status_mod.group_names(frame) if grouped else {}
    areas = status_mod.land_use_status(frame, "village" if grouped else None, names)
    return status_sheets(areas, inputs.units, inputs.project, number)
