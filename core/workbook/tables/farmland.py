"""Table 6, 永久基本农田调整表: the review of ``landconsolidation:farmlandadjustment`` (the I6 layout)."""
from __future__ import annotations

import math

import pandas as pd

from ...farmland import REVIEW_COLUMNS
from ...units import MU_PER_M2
from ...values import is_null
from ..inputs import Inputs
from ..model import GRADE_DECIMALS, PERCENT_DECIMALS, Block, Cell, Column, Row, Sheet, unit_line
from ..rounding import shown, split, tidy

TITLE = "永久基本农田调整表"
#: Chinese headers of fields of the farmlandadjustment review table, when known.
REVIEW_HEADERS = {
    "ITEM": "项目", "NAME": "项目", "LABEL": "项目", "CATEGORY": "类别", "SIDE": "类别", "GROUP": "分组",
    "OUT": "调出", "IN": "调入", "OUT_M2": "调出面积", "IN_M2": "调入面积", "OUT_COUNT": "调出图斑数",
    "IN_COUNT": "调入图斑数", "VALUE": "数值", "UNIT": "单位", "NOTE": "说明", "AREA_M2": "面积",
    "COUNT": "图斑数", "SHARE": "比例（%）", "QUALITY": "平均等别",
}
#: Review item (core/farmland.py) → comparison shown before its threshold.
REVIEW_COMPARISON = {"ADDED_RATIO": "≥", "QUALITY": "≤", "OUT_RATIO": "≤", "SLOPE_GRADE": "≤"}


def _review_blocks(review: pd.DataFrame, units) -> list[Block]:
    """The farmland review table in the provincial form's layout, areas in the workbook's units.

    Rows in 亩 are converted; the 平方米 duplicate of the area is left out.
    Sub-items (``现状地类：水田`` …) get their category as a bold row, and
    each partition of the area (classes, slope bins, 连片 bins) is rounded
    to add up to the shown 面积.
    """
    def number(value):
        return float("nan") if value is None or is_null(value) else float(value)

    side = review[review["SECTION"] == "调出与调入"]
    area_mu = side[side["ITEM"] == "AREA_MU"]
    total_mu = (number(area_mu["OUT"].iloc[0]), number(area_mu["IN"].iloc[0])) if len(area_mu) else None

    def partition(category, item):
        if category.startswith("连片规模"):
            return ("连片规模", item) if item == "面积" else None
        return (category, None)

    # Shown values of the 亩 rows that split the area: (partition, unit, side) → {ITEM: value}.
    shown_parts: dict = {}
    if total_mu is not None:
        groups: dict = {}
        for rec in side.itertuples(index=False):
            if rec.UNIT == "亩" and "：" in str(rec.NAME):
                category, item = str(rec.NAME).split("：", 1)
                key = partition(category, item)
                if key is not None:
                    groups.setdefault(key, []).append(rec)
        for key, members in groups.items():
            for s_index, column in enumerate(("OUT", "IN")):
                values = [number(getattr(r, column)) for r in members]
                total = total_mu[s_index]
                if any(math.isnan(v) for v in values) or math.isnan(total) or \
                        abs(sum(values) - total) > 1e-6 * max(abs(total), 1.0):
                    continue
                for u in units:
                    factor = u.per_m2 / MU_PER_M2
                    parts = split([v * factor for v in values], u.decimals, shown(total * factor, u.decimals))
                    shown_parts[(key, u.key, s_index)] = dict(zip([r.ITEM for r in members], parts))

    columns = [Column(("项目",), "text", width=26), Column(("单位",), "code", width=8),
               Column(("调出",), "number", width=13), Column(("调入",), "number", width=13),
               Column(("调入 − 调出",), "number", width=13)]
    rows = []
    category_shown = None
    for rec in side.itertuples(index=False):
        if rec.UNIT == "平方米":
            continue
        name = str(rec.NAME)
        key = None
        if "：" in name:
            category, item = name.split("：", 1)
            key = partition(category, item)
            if category != category_shown:
                rows.append(Row([category, "", None, None, None], "subtotal"))
                category_shown = category
            name = "　" + item
        else:
            category_shown = None
        values = (number(rec.OUT), number(rec.IN))
        if rec.UNIT == "亩":
            for u in units:
                factor = u.per_m2 / MU_PER_M2
                cells = []
                for s_index, value in enumerate(values):
                    given = shown_parts.get((key, u.key, s_index), {}).get(rec.ITEM) if key else None
                    cells.append(given if given is not None else shown(value * factor, u.decimals))
                change = float("nan") if any(is_null(v) for v in cells) else tidy(cells[1] - cells[0], u.decimals)
                rows.append(Row([name, u.label] + [Cell(v, "area", u.decimals) for v in cells + [change]]))
        elif rec.UNIT == "个":
            cells = [None if math.isnan(v) else int(round(v)) for v in values]
            change = None if None in cells else cells[1] - cells[0]
            rows.append(Row([name, "个"] + [Cell(v, "int", 0) for v in cells + [change]]))
        else:
            kind = "grade" if rec.UNIT == "等" else "number"
            change = float("nan") if any(math.isnan(v) for v in values) else values[1] - values[0]
            rows.append(Row([name, rec.UNIT] + [Cell(v, kind, GRADE_DECIMALS) for v in (*values, change)]))

    result_columns = [Column(("审查指标",), "text"), Column(("单位",), "code"), Column(("数值",), "number"),
                      Column(("要求",), "code"), Column(("控制值",), "number"), Column(("审查意见",), "code", width=10)]
    results = []
    for rec in review[review["SECTION"] == "审查结果"].itertuples(index=False):
        value, threshold = number(rec.VALUE), number(rec.THRESHOLD)
        comparison = REVIEW_COMPARISON.get(rec.ITEM, "") if not math.isnan(threshold) else ""
        verdict = "" if rec.RESULT is None or is_null(rec.RESULT) else str(rec.RESULT)
        if rec.UNIT == "亩":
            for u in units:
                factor = u.per_m2 / MU_PER_M2
                results.append(Row([rec.NAME, u.label, Cell(shown(value * factor, u.decimals), "area", u.decimals),
                                    "", None, verdict]))
        else:
            kind = "percent" if rec.UNIT == "%" else "grade"
            results.append(Row([rec.NAME, rec.UNIT, Cell(value, kind, 2), comparison,
                                Cell(None if math.isnan(threshold) else threshold, kind, 2), verdict],
                               "total" if verdict == "不符合" else ""))
    return [Block(columns, rows, caption="一、调出与调入"), Block(result_columns, results, caption="二、审查结果")]


def farmland_sheet(numbers: dict, review: pd.DataFrame | None, units, project: str = "", number: int = 6,
                   min_added_ratio: float = 5.0, max_out_ratio: float = 5.0) -> Sheet:
    """永久基本农田调整表 from the outputs of ``landconsolidation:farmlandadjustment``.

    Args:
        numbers: Its number outputs (``OUT_M2``, ``IN_M2``, ``OUT_COUNT``,
            ``IN_COUNT``, ``OUT_QUALITY``, ``IN_QUALITY``, ``ADDED_RATIO``,
            ``OUT_RATIO``, ``CONTIGUITY_CHANGE``).
        review: Its OUTPUT table.  With the columns of :data:`~core.farmland.REVIEW_COLUMNS`
            it is laid out like the provincial review form; a table of
            another shape is appended as it comes, under the summary built
            from ``numbers``.
        units: Area units.
        project: Project name.
        number: Table number.
        min_added_ratio: The 新增比例 threshold (%), for the summary layout.
        max_out_ratio: The 调出比例 threshold (%), for the notes.
    """
    notes = ["注：调出 = 整治前永久基本农田 ∖ 整治后，调入 = 整治后 ∖ 整治前（几何差，小于碎片阈值的图斑已剔除）。"
             f"新增比例不低于 {min_added_ratio:g}% 为符合（无锡实施意见 §四(二)）；调出比例不超过 {max_out_ratio:g}% 为符合"
             "（全域整治试点实施要点）；质量以平均等别计，1 等最好；"
             "坡度以面积加权平均坡度级别（GDPDJB）计，调入不高于调出为符合。"
             "依据：全域土地综合整治所涉永久基本农田布局调整事项审查情况汇总表。"]
    if review is not None and set(REVIEW_COLUMNS) <= set(review.columns):
        return Sheet("farmland", f"表{number} {TITLE}", TITLE, unit_line(units),
                     _review_blocks(review, units), notes=notes, project=project, freeze_columns=1)

    def num(key):
        value = numbers.get(key)
        return float("nan") if value is None else float(value)

    columns = [Column(("项目",), "text", width=26), Column(("单位",), "code", width=8),
               Column(("调出",), "number", width=13), Column(("调入",), "number", width=13),
               Column(("调入 − 调出",), "number", width=13)]
    rows = []
    for u in units:
        out_v, in_v = shown(num("OUT_M2") * u.per_m2, u.decimals), shown(num("IN_M2") * u.per_m2, u.decimals)
        rows.append(Row(["面积", u.label] + [Cell(v, "area", u.decimals) for v in
                                            (out_v, in_v, tidy(in_v - out_v, u.decimals))]))
    counts = (num("OUT_COUNT"), num("IN_COUNT"))
    rows.append(Row(["图斑数", "个"] + [Cell(None if is_null(v) else int(v), "int", 0) for v in counts]
                    + [Cell(None if any(is_null(v) for v in counts) else int(counts[1] - counts[0]), "int", 0)]))
    for u in units:
        means = [num(a) / c * u.per_m2 if c and not is_null(c) else float("nan")
                 for a, c in (("OUT_M2", counts[0]), ("IN_M2", counts[1]))]
        values = [shown(v, u.decimals) for v in means]
        change = float("nan") if any(is_null(v) for v in values) else tidy(values[1] - values[0], u.decimals)
        rows.append(Row(["平均图斑面积", u.label] + [Cell(v, "area", u.decimals) for v in values + [change]]))
    grades = (num("OUT_QUALITY"), num("IN_QUALITY"))
    rows.append(Row(["平均质量等别", "等"] + [Cell(v, "grade", GRADE_DECIMALS) for v in grades]
                    + [Cell(float("nan") if any(is_null(v) for v in grades) else grades[1] - grades[0], "grade",
                            GRADE_DECIMALS)]))

    review_columns = [Column(("审查指标",), "text"), Column(("数值（%）",), "percent", PERCENT_DECIMALS, span=2),
                      Column(("计算方法",), "text", span=2), Column(("审查意见",), "code", width=12)]
    added = num("ADDED_RATIO")
    review_rows = [
        Row(["新增比例", added, "（调入 − 调出）/ 调出 × 100",
             "—" if is_null(added) else ("符合" if added >= min_added_ratio - 1e-9 else "不符合")]),
        Row(["调出比例", num("OUT_RATIO"), "调出 / 原永久基本农田面积 × 100", ""]),
        Row(["集中连片度", num("CONTIGUITY_CHANGE"),
             "（调入平均图斑面积 − 调出平均图斑面积）/ 调出平均图斑面积 × 100", ""]),
    ]
    blocks = [Block(columns, rows, caption="一、调出与调入"),
              Block(review_columns, review_rows, caption="二、审查结果")]
    if review is not None and len(review.columns):
        blocks.append(_generic_block(review, units, "三、审查表明细"))
    return Sheet("farmland", f"表{number} {TITLE}", TITLE, unit_line(units), blocks,
                 notes=notes, project=project, freeze_columns=1)


def _generic_block(frame: pd.DataFrame, units, caption: str) -> Block:
    """A table of unknown shape as it comes; numeric fields ending in ``_M2`` converted to the units."""
    columns, converters = [], []
    for name in frame.columns:
        numeric = pd.api.types.is_numeric_dtype(frame[name])
        header = REVIEW_HEADERS.get(name.upper(), name)
        if numeric and name.upper().endswith("_M2"):
            base = header[:-3] if header == name else header
            columns += [Column((base, u.label) if len(units) > 1 else (f"{base}（{u.label}）",), "area",
                               u.decimals, 12, u) for u in units]
            converters.append(lambda v: [None if is_null(v) else shown(float(v) * u.per_m2, u.decimals) for u in units])
        elif numeric:
            columns.append(Column((header,), "number", 2, 12))
            converters.append(lambda v: [v])
        else:
            columns.append(Column((header,), "text"))
            converters.append(lambda v: [v])
    rows = []
    for rec in frame.itertuples(index=False):
        values = []
        for value, convert in zip(rec, converters):
            values += convert(value)
        rows.append(Row(values))
    return Block(columns, rows, caption=caption)


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The table of the 永久基本农田 adjustment, judged against the run's 新增比例 threshold."""
    numbers, review = inputs.farmland
    return [farmland_sheet(numbers, review, inputs.units, inputs.project, number,
                           inputs.thresholds.min_pbf_added_rate, inputs.thresholds.max_pbf_out_ratio)]
