"""Table 4, 新增耕地来源表: the added 耕地 by source class and by 水田/水浇地/旱地, with 等别."""
from __future__ import annotations

import numpy as np

from ..inputs import Inputs
from ..model import GRADE_DECIMALS, PERCENT_DECIMALS, Block, Cell, Column, Row, Sheet, area_columns, label, unit_line
from ..rounding import controlled_round, shown, split, tidy
from .structure import cultivated_figures

TITLE = "新增耕地来源表"


def sources_sheet(cultivated, units, project: str = "", number: int = 4,
                  cultivated_shown: dict | None = None) -> Sheet:
    """新增耕地来源表 (from :func:`~core.indicators.cultivated_land`).

    Args:
        cultivated: A :class:`~core.indicators.CultivatedLand` (``sources`` with
            ``SOURCE_NAME``, ``AREA_M2``, ``PADDY_M2``, ``IRRIGATED_M2``,
            ``DRY_M2``, ``QUALITY``, ``PIECES``; the last row the 合计).
        units: Area units.
        project: Project name.
        number: Table number.
        cultivated_shown: unit key → ``(before, after, added)`` 耕地 figures
            already shown elsewhere (the 耕地 row of the structure table, see
            :func:`.structure.cultivated_figures`), so that both tables agree.

    Rows and the 水田/水浇地/旱地 columns add up both ways to totals rounded
    from the exact figures (controlled rounding).
    """
    sources = cultivated.sources
    parts = sources[sources["SOURCE"] != "total"]
    columns = [Column(("序号",), "serial", 0, 5), Column(("新增耕地来源",), "text", width=36)]
    for u in units:
        for part in ("小计", label("水田", "0101"), label("水浇地", "0102"), label("旱地", "0103")):
            header = ("新增耕地面积", part) if len(units) == 1 else ("新增耕地面积", u.label, part)
            columns.append(Column(header, "area", u.decimals, 10.5, u))
    columns.append(Column(("平均耕地等别",), "grade", GRADE_DECIMALS, 9))
    columns.append(Column(("图斑\n（块）数",), "int", 0, 9))
    shown_cult = {}
    for u in units:
        given = (cultivated_shown or {}).get(u.key)
        if given is None:
            before = shown(cultivated.before_m2 * u.per_m2, u.decimals)
            added = shown(cultivated.added_m2 * u.per_m2, u.decimals)
            given = (before, tidy(before + added, u.decimals), added)
        shown_cult[u.key] = given
    per_unit = {}
    totals_by_unit = {}
    for u in units:
        d = u.decimals
        total = shown_cult[u.key][2]
        exact = parts[["PADDY_M2", "IRRIGATED_M2", "DRY_M2"]].to_numpy(dtype=float) * u.per_m2
        row_totals = split(parts["AREA_M2"].to_numpy(dtype=float) * u.per_m2, d, total)
        col_totals = split(exact.sum(axis=0), d, total)
        cells = controlled_round(exact, d, row_totals, col_totals)
        if cells is None:
            cells = np.array([split(row, d, t) for row, t in zip(exact, row_totals)])
            col_totals = [tidy(v, d) for v in cells.sum(axis=0)]
        per_unit[u.key] = [[row_totals[i]] + [float(v) for v in cells[i]] for i in range(len(row_totals))]
        totals_by_unit[u.key] = [total] + list(col_totals)
    rows = []
    for i, rec in enumerate(parts.itertuples(index=False)):
        values = [i + 1, rec.SOURCE_NAME]
        for u in units:
            values += per_unit[u.key][i]
        values += [rec.QUALITY, int(rec.PIECES)]
        rows.append(Row(values))
    totals = []
    for u in units:
        totals += totals_by_unit[u.key]
    rows.append(Row(["", "新增耕地合计"] + totals + [float("nan"), int(parts["PIECES"].sum())], "total"))

    summary_columns = [Column(("指标",), "text", span=2)] + area_columns(("数值",), units) + \
        [Column(("说明",), "text", span=3 * len(units) + 2)]
    summary = []
    for i, (text, note) in enumerate((("整治前耕地面积", "项目区内耕地，图斑地类面积（TBDLMJ）口径"),
                                      ("整治后耕地面积", ""), ("新增耕地面积", "整治后 − 整治前，即上表合计"))):
        summary.append(Row([text] + [shown_cult[u.key][i] for u in units] + [note]))
    n = len(units)
    pct = [Cell(shown(cultivated.added_rate, PERCENT_DECIMALS), "percent", PERCENT_DECIMALS)] + [None] * (n - 1)
    summary.append(Row(["新增耕地率（占原耕地，%）"] + pct + ["政策口径：不低于 5%"]))
    pct = [Cell(shown(cultivated.added_rate_of_project_area, PERCENT_DECIMALS), "percent", PERCENT_DECIMALS)] \
        + [None] * (n - 1)
    summary.append(Row(["新增耕地率（占项目区总面积，%）"] + pct + ["参考口径"]))
    for text, value in (("整治前耕地平均等别", cultivated.quality_before),
                        ("整治后耕地平均等别", cultivated.quality_after)):
        summary.append(Row([text, Cell(shown(value, GRADE_DECIMALS), "grade", GRADE_DECIMALS)] + [None] * (n - 1)
                           + ["按面积加权；1 等最好，15 等最差"]))
    return Sheet(
        "sources", f"表{number} {TITLE}", TITLE, unit_line(units),
        [Block(columns, rows), Block(summary_columns, summary, caption="新增耕地汇总")],
        notes=["注：新增耕地按整治后图斑地类面积计，耕地减少按整治前计（负值）；“耕地内部田坎变化”为保留耕地的"
               "田坎系数变化。水田、水浇地、旱地按整治后地类（减少行按整治前地类）划分。平均耕地等别按面积加权。"],
        project=project, freeze_columns=2,
    )


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The table of the plan; its 耕地 figures are those of the structure table (table 2)."""
    figures = cultivated_figures(inputs.structure, inputs.units)
    return [sources_sheet(inputs.cultivated, inputs.units, inputs.project, number, figures)]
