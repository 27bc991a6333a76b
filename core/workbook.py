"""The scheme workbook (实施方案表格, DOMAIN.md §7): pandas frames in, xlsx/CSV out.

Pure: no QGIS.  Each ``*_sheet`` function turns the frames and figures of
one scheme table into :class:`Sheet` objects (one table a sheet); the writer
lays them out like the official 三调 statistics templates: a title row, the
面积单位 line, merged multi-row headers, numbers as numeric cells with a fixed
number format, frozen header panes and a landscape, fit-to-width print set-up.

Rounding.  Areas are converted from m² and rounded once, top down: the
grand total first, then each level's parts with
:func:`~.units.round_preserving_total` to the total already shown above
them.  So every subtotal row or column (耕地 = 水田 + 水浇地 + 旱地, a village's
国土调查总面积, a type's 小计) is exactly the sum of the rounded parts shown
beside it, and the grand total is the correctly rounded exact total.  Where a
table adds up in two directions (village × class, the transition matrix) the
rows are rounded to the row totals and the 合计 row is the column sum of the
shown rows; its cells may then differ from the separately rounded exact
column total by a unit in the last place.

Units.  公顷 (4 decimals by default: 0.0001 公顷 = 1 m²) and 亩 (1 亩 = 10 000/15
m², 2 decimals by default), or both.  With both, narrow tables carry a 公顷
and a 亩 column side by side under each area heading; the two wide cross
tables (整治区土地利用现状表 and 土地利用转移矩阵) are written twice, as a 公顷
sheet and a 亩 sheet, because doubling 70 columns would make them unreadable
on paper.  Each unit is rounded from the exact m², so 亩 = 公顷 × 15 holds to
the rounding of the two shown values.
"""
from __future__ import annotations

import csv
import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import codes as codes_mod
from . import indicators
from .errors import LandConsolidationError
from .farmland import REVIEW_COLUMNS
from .units import M2_PER_HA, MU_PER_M2, round_preserving_total
from .values import is_null, texts, to_int_or_none, to_number

# --------------------------------------------------------------------------- units


@dataclass(frozen=True)
class Unit:
    """An area unit of the workbook."""

    key: str
    label: str
    per_m2: float
    decimals: int

    def convert(self, m2):
        """Square metres to this unit (exact, not rounded)."""
        return np.asarray(m2, dtype=float) * self.per_m2 if np.ndim(m2) else float(m2) * self.per_m2


HECTARE = Unit("ha", "公顷", 1.0 / M2_PER_HA, 4)
MU = Unit("mu", "亩", MU_PER_M2, 2)
#: UNITS parameter choices: 0 公顷, 1 亩, 2 both.
UNIT_CHOICES = ("公顷", "亩", "公顷和亩")
#: Decimals of the other numbers.
PERCENT_DECIMALS = 2
GRADE_DECIMALS = 2
MONEY_DECIMALS = 2


def units_for(choice: int = 0, decimals: int | None = None) -> tuple[Unit, ...]:
    """The units of a UNITS choice (0 公顷, 1 亩, 2 both).

    Args:
        choice: 0, 1 or 2.
        decimals: Decimal places for every area column; None: 4 for 公顷, 2 for 亩.
    """
    chosen = {0: (HECTARE,), 1: (MU,), 2: (HECTARE, MU)}[int(choice)]
    if decimals is None:
        return chosen
    return tuple(Unit(u.key, u.label, u.per_m2, int(decimals)) for u in chosen)


def unit_line(units) -> str:
    """面积单位：公顷 / 面积单位：公顷、亩."""
    return "面积单位：" + "、".join(u.label for u in units)


def shown(value: float, decimals: int) -> float:
    """A single value rounded for display: 四舍五入 (half away from zero), not half to even."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return float("nan")
    scale = 10.0 ** decimals
    # Round the scaled value to 1e-6 first so float noise (0.1 + 0.2) does not decide a half.
    scaled = round(float(value) * scale, 6)
    return math.copysign(math.floor(abs(scaled) + 0.5), scaled) / scale + 0.0


def split(parts, decimals: int, total: float | None = None) -> list[float]:
    """Round parts to add up to ``total`` (already shown), or to their sum rounded by :func:`shown`.

    Parts that are exactly zero stay zero: a class with no area never shows
    a rounding unit.
    """
    values = np.asarray(list(parts), dtype=float)
    if values.size == 0:
        return []
    if total is None:
        total = shown(float(values.sum()), decimals)
    nonzero = values != 0.0
    if not nonzero.any() or nonzero.all():
        return [float(v) for v in round_preserving_total(values, decimals, total)]
    out = np.zeros(values.size)
    out[nonzero] = round_preserving_total(values[nonzero], decimals, total)
    return [float(v) for v in out]


def controlled_round(exact, decimals: int, row_totals, col_totals) -> np.ndarray | None:
    """Round a matrix so that its rows and columns add up to given shown totals.

    Each cell is rounded down or up (exact zeros and values already on the
    grid stay as they are); the units still needed by each row and column
    are placed by a max-flow over the cells with a remainder, largest
    remainders first.  Such a rounding exists for the usual margins
    (Bacharach's controlled rounding); None when these margins admit none.

    Args:
        exact: 2-D array of exact values.
        decimals: Decimal places.
        row_totals: Shown row totals (sum to the same grand total as the columns).
        col_totals: Shown column totals.
    """
    values = np.asarray(exact, dtype=float)
    if values.size == 0:
        return values.copy()
    scale = 10.0 ** decimals
    scaled = np.round(values * scale, 6)
    floors = np.floor(scaled)
    remainder = scaled - floors
    need_row = np.rint(np.asarray(row_totals, dtype=float) * scale).astype(int) - floors.sum(axis=1).astype(int)
    need_col = np.rint(np.asarray(col_totals, dtype=float) * scale).astype(int) - floors.sum(axis=0).astype(int)
    if need_row.sum() != need_col.sum() or (need_row < 0).any() or (need_col < 0).any():
        return None
    movable = remainder > 1e-9
    up = np.zeros(values.shape, dtype=bool)
    # Greedy: largest remainders first.
    for flat in np.argsort(-remainder, axis=None, kind="stable"):
        i, j = divmod(int(flat), values.shape[1])
        if movable[i, j] and need_row[i] > 0 and need_col[j] > 0:
            up[i, j] = True
            need_row[i] -= 1
            need_col[j] -= 1
    # Augmenting paths for what the greedy pass left: row → (unused cell) → column
    # → (used cell, given back) → row …
    while need_row.sum() > 0:
        start_rows = [int(i) for i in np.flatnonzero(need_row > 0)]
        parent_col: dict = {}
        parent_row: dict = {}
        queue = list(start_rows)
        seen_rows = set(start_rows)
        found = None
        while queue and found is None:
            i = queue.pop(0)
            for j in np.flatnonzero(movable[i] & ~up[i]):
                j = int(j)
                if j in parent_col:
                    continue
                parent_col[j] = i
                if need_col[j] > 0:
                    found = j
                    break
                for k in np.flatnonzero(up[:, j]):
                    k = int(k)
                    if k not in seen_rows:
                        seen_rows.add(k)
                        parent_row[k] = j
                        queue.append(k)
        if found is None:
            return None
        j = found
        need_col[j] -= 1
        while True:
            i = parent_col[j]
            up[i, j] = True
            if i in parent_row:
                j_prev = parent_row[i]
                up[i, j_prev] = False
                j = j_prev
            else:
                need_row[i] -= 1
                break
    return (floors + up) / scale


def _split_pinned(parts, pinned, decimals: int, total: float) -> list[float]:
    """Like :func:`split`, but parts with a pinned value keep it; the others share the rest."""
    free = [i for i, p in enumerate(pinned) if p is None]
    out = [0.0 if p is None else float(p) for p in pinned]
    if free:
        rest = tidy(total - sum(out), decimals)
        for i, value in zip(free, split([parts[i] for i in free], decimals, rest)):
            out[i] = value
    return out


def before_after(before_leaves: list[tuple], after_leaves: list[tuple], decimals: int,
                 after_total: float | None = None):
    """Round a before/after pair of two-level trees so that unchanged parts stay equal.

    The before side is rounded top down (:func:`round_levels`); the change
    (after − before) is rounded top down to the difference of the shown
    grand totals, except that a part which does not change keeps a change of
    0 and a part that disappears a change of minus its shown before value;
    after = before + change at every level.  So each level adds up on both
    sides and in the change, an unchanged class shows the same value before
    and after, and a vanished class shows 0 after.

    Args:
        before_leaves: ``(group, leaf, exact)`` before.
        after_leaves: The same keys after (missing keys count as zero).
        decimals: Decimal places.
        after_total: The shown after grand total (default: its rounded exact sum).

    Returns:
        ``(before, after, change)``, each as :func:`round_levels` returns.
    """
    keys = list(dict.fromkeys([(g, k) for g, k, _ in before_leaves] + [(g, k) for g, k, _ in after_leaves]))
    b = {key: 0.0 for key in keys}
    a = dict(b)
    for g, k, v in before_leaves:
        b[(g, k)] += float(v)
    for g, k, v in after_leaves:
        a[(g, k)] += float(v)
    before = round_levels([(g, k, b[(g, k)]) for g, k in keys], decimals)
    groups = list(dict.fromkeys(g for g, _ in keys))
    members = {g: [key for key in keys if key[0] == g] for g in groups}

    def pin(exact_before, exact_after, shown_before):
        if exact_after == 0.0:
            return -shown_before
        if exact_after == exact_before:
            return 0.0
        return None

    leaf_pins = {key: pin(b[key], a[key], before[2].get(key, 0.0)) for key in keys}
    group_pins = {}
    for g in groups:
        pins = [leaf_pins[key] for key in members[g]]
        if all(p is not None for p in pins):
            group_pins[g] = tidy(sum(pins), decimals)
        else:
            gb, ga = sum(b[key] for key in members[g]), sum(a[key] for key in members[g])
            group_pins[g] = pin(gb, ga, before[1].get(g, 0.0))
    if all(group_pins[g] is not None for g in groups):
        grand_change = tidy(sum(group_pins.values()), decimals)
    else:
        if after_total is None:
            after_total = shown(sum(a.values()), decimals)
        grand_change = tidy(after_total - before[0], decimals)
    group_change = dict(zip(groups, _split_pinned(
        [sum(a[key] - b[key] for key in members[g]) for g in groups], [group_pins[g] for g in groups], decimals,
        grand_change)))
    leaf_change = {}
    for g in groups:
        values = _split_pinned([a[key] - b[key] for key in members[g]], [leaf_pins[key] for key in members[g]],
                               decimals, group_change[g])
        leaf_change.update(zip(members[g], values))
    change = (grand_change, group_change, leaf_change)
    after = (tidy(before[0] + grand_change, decimals),
             {g: tidy(before[1].get(g, 0.0) + group_change[g], decimals) for g in groups},
             {key: tidy(before[2].get(key, 0.0) + leaf_change[key], decimals) for key in keys})
    return before, after, change


def tidy(value: float, decimals: int) -> float:
    """Remove float noise from a sum of shown values."""
    return float(round(value, decimals + 2)) if decimals >= 0 else value


def round_levels(leaves: list[tuple], decimals: int, total: float | None = None):
    """Round a two-level tree top down.

    Args:
        leaves: ``(group, leaf, exact)`` in display order.
        decimals: Decimal places.
        total: The grand total already shown (default: the rounded exact sum).

    Returns:
        ``(grand, groups, leaf_values)``: the shown grand total, group → shown
        subtotal, and (group, leaf) → shown value; each level adds up to the
        one above.
    """
    order: list = []
    exact: dict = {}
    for group, _, value in leaves:
        if group not in exact:
            order.append(group)
            exact[group] = 0.0
        exact[group] += float(value)
    grand = shown(sum(exact.values()), decimals) if total is None else total
    group_values = dict(zip(order, split([exact[g] for g in order], decimals, grand))) if order else {}
    leaf_values = {}
    for group in order:
        members = [(leaf, value) for g, leaf, value in leaves if g == group]
        for (leaf, _), value in zip(members, split([v for _, v in members], decimals, group_values[group])):
            leaf_values[(group, leaf)] = value
    return grand, group_values, leaf_values


# --------------------------------------------------------------------------- sheet model


@dataclass
class Column:
    """A column of a table block.

    Attributes:
        header: Header path, top level first; consecutive columns with the
            same prefix and text are merged across, a path shorter than the
            block's header depth is merged down.
        kind: ``text``, ``code`` (text, centred), ``area``, ``percent``,
            ``grade``, ``money``, ``int``, ``serial`` (an integer, centred) or ``number``.
        decimals: Decimal places of a numeric column.
        width: Column width (characters); None: from the content.
        unit: The area unit of an area column.
        span: Sheet columns the column occupies (merged), so that a second
            block can line up under a wider first one.
    """

    header: tuple
    kind: str = "text"
    decimals: int = 2
    width: float | None = None
    unit: Unit | None = None
    span: int = 1


@dataclass
class Cell:
    """A cell whose kind differs from its column's (mixed-unit rows)."""

    value: object
    kind: str = "number"
    decimals: int = 2


@dataclass
class Row:
    """A data row; ``style`` is ``""``, ``"subtotal"`` or ``"total"`` (bold)."""

    values: list
    style: str = ""


@dataclass
class Block:
    """One table (header + rows) of a sheet; a sheet may stack several."""

    columns: list
    rows: list
    caption: str = ""
    zero_blank: bool = False


@dataclass
class Sheet:
    """One worksheet: a scheme table.

    Attributes:
        key: Table id (``status``, ``structure`` …).
        name: Sheet name (≤ 31 characters).
        title: Title row.
        unit_text: The 面积单位 line (right-aligned under the title).
        blocks: The tables, the main one first.
        notes: Lines printed under the tables (basis, sources, caveats).
        project: Project name shown left of the unit line.
        freeze_columns: Columns kept visible when scrolling right.
        paper: ``A4`` or ``A3``.
    """

    key: str
    name: str
    title: str
    unit_text: str
    blocks: list
    notes: list = field(default_factory=list)
    project: str = ""
    freeze_columns: int = 1
    paper: str = "A4"

    def block(self, index: int = 0) -> Block:
        """The index-th block."""
        return self.blocks[index]


def area_columns(header: tuple, units, width: float | None = None) -> list[Column]:
    """One area column per unit; with two units the unit becomes the last header level."""
    if len(units) == 1:
        return [Column(header, "area", units[0].decimals, width, units[0])]
    return [Column(header + (u.label,), "area", u.decimals, width, u) for u in units]


def label(name: str, code: str) -> str:
    """Header text of a class: name, then the code in full-width brackets on a new line."""
    return f"{name}\n（{code}）"


# --------------------------------------------------------------------------- table 1: status

STATUS_TITLE = "整治区土地利用现状表"


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


def status_sheets(status: pd.DataFrame, units, project: str = "", number: int = 1,
                  table: codes_mod.CodeTable | None = None) -> list[Sheet]:
    """整治区土地利用现状表: villages × 三调 classes, one sheet per unit.

    Args:
        status: :func:`~.status.land_use_status` (``GROUP``, ``GROUP_NAME``,
            ``DLBM``, ``AREA_M2`` exact).
        units: Area units.
        project: Project name.
        number: Table number in the workbook.
        table: Code table.

    The 合计 row (the project area) comes first, as the parent region does in
    the 三调 汇总表; then one row per village (ZLDWDM) in code order.  The 合计
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
        rows = [Row(["合计", ""] + _status_values(layout, codes, group_of, grand, col_totals, d), "total")]
        for i, village in enumerate(villages):
            if village:
                rows.append(Row([names.get(village, "") or "", village]
                                + _status_values(layout, codes, group_of, village_totals[i], cells[i], d)))
        name = f"表{number} {STATUS_TITLE}" + (f"（{unit.label}）" if len(units) > 1 else "")
        sheets.append(Sheet(
            "status", name, STATUS_TITLE, f"面积单位：{unit.label}", [Block(columns, rows)],
            notes=["注：地类面积为图斑地类面积（TBDLMJ），耕地中扣除的田坎（KCMJ）计入田坎（1203）；国土调查总面积为图斑面积"
                   "（TBMJ）之和。带 K/A 后缀的地类编码按其基础地类统计。"],
            project=project, freeze_columns=3, paper="A3",
        ))
    return sheets


# --------------------------------------------------------------------------- table 2: structure

STRUCTURE_TITLE = "土地利用结构调整表"


def structure_figures(structure: pd.DataFrame, unit: Unit, table: codes_mod.CodeTable | None = None):
    """Shown before / after / change of a structure frame in one unit (see :func:`before_after`).

    Keys are first-level groups and ``(group, code)``; the 耕地 change is
    ``change[1]["01"]``.
    """
    table = table or codes_mod.default_table()
    groups = [table.lookup(c).group for c in structure["DLBM"]]
    before = [(g, c, float(v) * unit.per_m2) for g, c, v in zip(groups, structure["DLBM"], structure["BEFORE_M2"])]
    after = [(g, c, float(v) * unit.per_m2) for g, c, v in zip(groups, structure["DLBM"], structure["AFTER_M2"])]
    return before_after(before, after, unit.decimals)


def cultivated_figures(structure: pd.DataFrame, units, table: codes_mod.CodeTable | None = None) -> dict:
    """unit key → shown 耕地 ``(before, after, change)`` of the structure table (group 01)."""
    out = {}
    for u in units:
        before, after, change = structure_figures(structure, u, table)
        out[u.key] = (before[1].get("01", 0.0), after[1].get("01", 0.0), change[1].get("01", 0.0))
    return out


def structure_sheet(structure: pd.DataFrame, units, project: str = "", number: int = 2,
                    table: codes_mod.CodeTable | None = None) -> Sheet:
    """土地利用结构调整表: class × before / after / change (from :func:`~.indicators.structure`).

    Rows: each first-level class (bold) with its second-level classes, the
    合计, then the 三大类 (sums of the classes shown above).  Before and the
    change are rounded top down and after = before + change, so a class that
    does not change shows the same figure on both sides.
    """
    table = table or codes_mod.default_table()
    frame = structure.copy()
    frame["_group"] = [table.lookup(c).group for c in frame["DLBM"]]
    frame["_key"] = [table.sort_key(c) for c in frame["DLBM"]]
    frame = frame.sort_values("_key", kind="stable").reset_index(drop=True)
    groups = list(dict.fromkeys(frame["_group"]))
    columns = [Column(("地类编码",), "code", width=9), Column(("地类名称",), "text", width=24)]
    for side in ("整治前", "整治后"):
        columns += area_columns((side, "面积"), units)
        columns.append(Column((side, "比重（%）"), "percent", PERCENT_DECIMALS, 9.5))
    columns += area_columns(("增减变化", "面积"), units)
    columns.append(Column(("增减变化", "变化率（%）"), "percent", PERCENT_DECIMALS, 10.5))

    areas = {u.key: structure_figures(frame, u, table) for u in units}
    total_b, total_a = float(frame["BEFORE_M2"].sum()), float(frame["AFTER_M2"].sum())
    pct_leaves = [[(g, c, 100.0 * v / t if t else 0.0) for g, c, v in zip(frame["_group"], frame["DLBM"], frame[col])]
                  for col, t in (("BEFORE_M2", total_b), ("AFTER_M2", total_a))]
    pct = before_after(pct_leaves[0], pct_leaves[1], PERCENT_DECIMALS, 100.0 if total_a else 0.0)

    def pick(figures, kind, key):
        grand, group_values, leaf_values = figures
        if kind == "total":
            return grand
        return group_values.get(key, 0.0) if kind == "group" else leaf_values.get(key, 0.0)

    def values(kind, key):
        out = []
        for side in (0, 1):
            out += [pick(areas[u.key][side], kind, key) for u in units]
            out.append(pick(pct[side], kind, key))
        out += [pick(areas[u.key][2], kind, key) for u in units]
        return out

    def rate(before_m2, after_m2):
        return float("nan") if not before_m2 else shown(100.0 * (after_m2 - before_m2) / before_m2, PERCENT_DECIMALS)

    rows = []
    leaf_rows = []
    for group in groups:
        sub = frame[frame["_group"] == group]
        b, a = float(sub["BEFORE_M2"].sum()), float(sub["AFTER_M2"].sum())
        group_name = table.groups.get(group, codes_mod.UNKNOWN_NAME)
        if list(sub["DLBM"]) == [group]:  # 09: a first-level class without second-level ones
            rows.append(Row([group, group_name] + values("leaf", (group, group)) + [rate(b, a)], "subtotal"))
            leaf_rows.append((group, rows[-1]))
            continue
        rows.append(Row([group, group_name] + values("group", group) + [rate(b, a)], "subtotal"))
        for rec in sub.itertuples(index=False):
            rows.append(Row([rec.DLBM, "　" + rec.DLMC] + values("leaf", (group, rec.DLBM))
                            + [rate(rec.BEFORE_M2, rec.AFTER_M2)]))
            leaf_rows.append((rec.DLBM, rows[-1]))
    rows.append(Row(["", "合计"] + values("total", None) + [rate(total_b, total_a)], "total"))
    for n, category in enumerate(codes_mod.CATEGORIES3):
        members = [r for code, r in leaf_rows if table.lookup(code).category3 == category]
        if not members:
            continue
        sums = [tidy(sum(r.values[2 + i] for r in members), col.decimals) for i, col in enumerate(columns[2:-1])]
        exact = frame[[table.lookup(c).category3 == category for c in frame["DLBM"]]]
        rows.append(Row(["", ("其中：" if n == 0 else "　　　") + category]
                        + sums + [rate(float(exact["BEFORE_M2"].sum()), float(exact["AFTER_M2"].sum()))],
                        "subtotal"))
    return Sheet(
        "structure", f"表{number} {STRUCTURE_TITLE}", STRUCTURE_TITLE, unit_line(units), [Block(columns, rows)],
        notes=["注：面积按图斑地类面积（TBDLMJ）计，田坎单列为 1203；比重为占项目区总面积的百分比；"
               "变化率 = (整治后 − 整治前) / 整治前 × 100，整治前为零时记“—”。"
               "三大类按三调统计口径（湿地分属农用地、建设用地、未利用地）。"],
        project=project, freeze_columns=2,
    )


# --------------------------------------------------------------------------- table 3: transition matrix

MATRIX_TITLE = "土地利用转移矩阵"


def transition_sheets(matrix: pd.DataFrame, units, level: int = 1, project: str = "", number: int = 3,
                      table: codes_mod.CodeTable | None = None) -> list[Sheet]:
    """土地利用转移矩阵: before class rows × after class columns, with totals.

    Args:
        matrix: :func:`~.indicators.transition_matrix` (``FROM_DLBM``,
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
            "transition", f"表{number} {MATRIX_TITLE}{suffix}", f"{MATRIX_TITLE}（{level_text}）",
            f"面积单位：{unit.label}", [Block(columns, rows, zero_blank=True)],
            notes=["注：行为整治前地类，列为整治后地类，单元格为由行地类转为列地类的面积（叠加后图斑面积 TBMJ 口径，"
                   "含田坎）；对角线为地类未变的面积。空白表示无转移。"],
            project=project, freeze_columns=2, paper="A3" if len(classes) > 16 else "A4",
        ))
    return sheets


# --------------------------------------------------------------------------- table 4: 新增耕地来源

SOURCES_TITLE = "新增耕地来源表"


def sources_sheet(cultivated, units, project: str = "", number: int = 4,
                  cultivated_shown: dict | None = None) -> Sheet:
    """新增耕地来源表 (from :func:`~.indicators.cultivated_land`).

    Args:
        cultivated: A :class:`~.indicators.CultivatedLand` (``sources`` with
            ``SOURCE_NAME``, ``AREA_M2``, ``PADDY_M2``, ``IRRIGATED_M2``,
            ``DRY_M2``, ``QUALITY``, ``PIECES``; the last row the 合计).
        units: Area units.
        project: Project name.
        number: Table number.
        cultivated_shown: unit key → ``(before, after, added)`` 耕地 figures
            already shown elsewhere (the 耕地 row of the structure table, see
            :func:`cultivated_figures`), so that both tables agree.

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
        "sources", f"表{number} {SOURCES_TITLE}", SOURCES_TITLE, unit_line(units),
        [Block(columns, rows), Block(summary_columns, summary, caption="新增耕地汇总")],
        notes=["注：新增耕地按整治后图斑地类面积（TBDLMJ）计，耕地减少按整治前计（负值）；“耕地内部田坎变化”为保留耕地的"
               "田坎系数变化。水田、水浇地、旱地按整治后地类（减少行按整治前地类）划分。平均耕地等别按面积加权。"],
        project=project, freeze_columns=2,
    )


# --------------------------------------------------------------------------- table 5: 进出平衡

BALANCE_TITLE = "耕地进出平衡表"


def balance_sheet(cultivated, pieces: pd.DataFrame, units, project: str = "", number: int = 5,
                  table: codes_mod.CodeTable | None = None) -> Sheet:
    """耕地进出平衡表: 出 (by the class it becomes) and 进 (by the class it comes from), area and 等别.

    Args:
        cultivated: :class:`~.indicators.CultivatedLand` (出/进 totals and 等别).
        pieces: The plan's pieces (for the class split; same selection as
            :func:`~.indicators.cultivated_land`).
        units: Area units.
        project: Project name.
        number: Table number.
        table: Code table.
    """
    table = table or codes_mod.default_table()
    selection = indicators.balance_selection(pieces)
    out_sel, in_sel = selection.out, selection.in_

    def detail(selection, class_column, area_column, grade_column):
        sub = pieces[selection]
        out = []
        for code in sorted(set(sub[class_column]), key=table.sort_key):
            part = sub[sub[class_column] == code]
            out.append((code, float(part[area_column].sum()), indicators.weighted_mean(part[grade_column], part[area_column])))
        return out

    out_rows = detail(out_sel, "base_a", "tbdlmj_b", "gddb_b")
    in_rows = detail(in_sel, "base_b", "tbdlmj_a", "gddb_a")
    columns = [Column(("项目",), "text", width=34)] + area_columns(("面积",), units) + \
        [Column(("平均耕地等别",), "grade", GRADE_DECIMALS, 10), Column(("说明",), "text", width=36)]
    shown_out, shown_in = {}, {}
    for u in units:
        d = u.decimals
        shown_out[u.key] = (shown(cultivated.out_m2 * u.per_m2, d),
                            split([a * u.per_m2 for _, a, _ in out_rows], d, shown(cultivated.out_m2 * u.per_m2, d)))
        shown_in[u.key] = (shown(cultivated.in_m2 * u.per_m2, d),
                           split([a * u.per_m2 for _, a, _ in in_rows], d, shown(cultivated.in_m2 * u.per_m2, d)))
    rows = [Row(["一、耕地“出”（耕地转为其他农用地）"] + [shown_out[u.key][0] for u in units]
                + [cultivated.out_quality, "整治前面积与等别"], "subtotal")]
    for i, (code, _, grade) in enumerate(out_rows):
        rows.append(Row([f"　转为{table.name(code)}（{code}）"] + [shown_out[u.key][1][i] for u in units]
                        + [grade, ""]))
    rows.append(Row(["二、耕地“进”（其他农用地转为耕地）"] + [shown_in[u.key][0] for u in units]
                    + [cultivated.in_quality, "整治后面积与等别"], "subtotal"))
    for i, (code, _, grade) in enumerate(in_rows):
        rows.append(Row([f"　由{table.name(code)}（{code}）转入"] + [shown_in[u.key][1][i] for u in units]
                        + [grade, ""]))
    diff_grade = float("nan") if is_null(cultivated.in_quality) or is_null(cultivated.out_quality) \
        else cultivated.in_quality - cultivated.out_quality
    rows.append(Row(["三、进出差额（进 − 出）"]
                    + [tidy(shown_in[u.key][0] - shown_out[u.key][0], u.decimals) for u in units]
                    + [diff_grade, "等别差为负表示“进”的质量更好"], "total"))
    rows.append(Row(["（参考）耕地转为建设用地、未利用地"]
                    + [shown(cultivated.occupied_m2 * u.per_m2, u.decimals) for u in units]
                    + [float("nan"), "不属于进出平衡"]))

    def verdict(ok):
        return "平衡" if ok else "不平衡"

    result_columns = [Column(("核验内容",), "text"), Column(("要求",), "text", span=len(units) + 1),
                      Column(("结论",), "code")]
    results = [
        Row(["数量平衡", "“进”的面积不少于“出”", verdict(cultivated.balanced_area)]),
        Row(["质量平衡", "“进”的平均等别不劣于“出”（数值不大于）", verdict(cultivated.balanced_quality)]),
        Row(["进出平衡结论", "数量、质量均平衡",
             verdict(cultivated.balanced_area and cultivated.balanced_quality)], "total"),
    ]
    return Sheet(
        "balance", f"表{number} {BALANCE_TITLE}", BALANCE_TITLE, unit_line(units),
        [Block(columns, rows), Block(result_columns, results, caption="平衡核验")],
        notes=["注：“出”为耕地转为其他农用地（含设施农用地），按整治前图斑地类面积计；“进”为其他农用地转为耕地，按整治后"
               "图斑地类面积计。由建设用地、未利用地转为耕地属新增耕地，不参与进出平衡。"
               "平均等别按面积加权，1 等最好。"],
        project=project, freeze_columns=1,
    )


# --------------------------------------------------------------------------- table 6: 永久基本农田调整

FARMLAND_TITLE = "永久基本农田调整表"
#: Chinese headers of fields of the farmlandadjustment review table, when known.
REVIEW_HEADERS = {
    "ITEM": "项目", "NAME": "项目", "LABEL": "项目", "CATEGORY": "类别", "SIDE": "类别", "GROUP": "分组",
    "OUT": "调出", "IN": "调入", "OUT_M2": "调出面积", "IN_M2": "调入面积", "OUT_COUNT": "调出图斑数",
    "IN_COUNT": "调入图斑数", "VALUE": "数值", "UNIT": "单位", "NOTE": "说明", "AREA_M2": "面积",
    "COUNT": "图斑数", "SHARE": "比例（%）", "QUALITY": "平均等别",
}


#: Columns of landconsolidation:farmlandadjustment's review table (core/farmland.py).
#: review item → comparison shown before its threshold.
REVIEW_COMPARISON = {"ADDED_RATIO": "≥", "QUALITY": "≤"}


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
                   min_added_ratio: float = 5.0) -> Sheet:
    """永久基本农田调整表 from the outputs of ``landconsolidation:farmlandadjustment``.

    Args:
        numbers: Its number outputs (``OUT_M2``, ``IN_M2``, ``OUT_COUNT``,
            ``IN_COUNT``, ``OUT_QUALITY``, ``IN_QUALITY``, ``ADDED_RATIO``,
            ``OUT_RATIO``, ``CONTIGUITY_CHANGE``).
        review: Its OUTPUT table.  With the columns of :data:`REVIEW_COLUMNS`
            it is laid out like the provincial review form; a table of
            another shape is appended as it comes, under the summary built
            from ``numbers``.
        units: Area units.
        project: Project name.
        number: Table number.
        min_added_ratio: The 新增比例 threshold (%), for the summary layout.
    """
    notes = ["注：调出 = 整治前永久基本农田 ∖ 整治后，调入 = 整治后 ∖ 整治前（几何差，小于碎片阈值的图斑已剔除）。"
             f"新增比例不低于 {min_added_ratio:g}% 为符合（无锡实施意见 §四(二)）；质量以平均等别计，1 等最好。"
             "依据：全域土地综合整治所涉永久基本农田布局调整事项审查情况汇总表。"]
    if review is not None and set(REVIEW_COLUMNS) <= set(review.columns):
        return Sheet("farmland", f"表{number} {FARMLAND_TITLE}", FARMLAND_TITLE, unit_line(units),
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
    return Sheet("farmland", f"表{number} {FARMLAND_TITLE}", FARMLAND_TITLE, unit_line(units), blocks,
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


# --------------------------------------------------------------------------- table 7: 集中连片

CONTIGUITY_TITLE = "耕地集中连片统计表"
#: (output key, label, kind) of landconsolidation:contiguity's numbers.
CONTIGUITY_ROWS = (
    ("CLASS_AREA_M2", "耕地面积", "area"),
    ("BLOCK_COUNT", "耕地连片地块数", "count"),
    ("BLOCKS_100MU", "百亩方（≥100 亩）个数", "count"),
    ("BLOCKS_500MU", "五百亩方（≥500 亩）个数", "count"),
    ("BLOCKS_1000MU", "千亩方（≥1000 亩）个数", "count"),
    ("LARGEST_BLOCK_M2", "最大连片面积", "area"),
    ("MEAN_BLOCK_M2", "平均连片面积", "area"),
    ("SHARE_IN_100MU", "百亩方以上连片耕地占比", "percent"),
    ("BLOCK_LPI", "最大连片占比（连片 LPI）", "percent"),
    ("PARCEL_COUNT", "耕地图斑数", "count"),
    ("MEAN_PARCEL_M2", "平均图斑面积", "area"),
    ("SMALL_PARCEL_SHARE", "5 亩以下图斑占比（按个数）", "percent"),
    ("PATCH_DENSITY", "图斑密度（个/100 公顷）", "number"),
    ("LPI", "最大图斑指数 LPI", "percent"),
    ("MESH_M2", "有效网格面积 MESH", "area"),
    ("MEAN_SHAPE_INDEX", "平均形状指数", "number"),
)


def contiguity_sheet(before: dict, after: dict | None, units, project: str = "", number: int = 7) -> Sheet:
    """耕地集中连片统计表: the numbers of ``landconsolidation:contiguity`` before and after.

    Args:
        before: Its number outputs on the current DLTB.
        after: The same on the planned state, or None.
        units: Area units (an area row per unit).
        project: Project name.
        number: Table number.
    """
    columns = [Column(("指标",), "text", width=26), Column(("单位",), "code", width=8),
               Column(("整治前",), "number", width=13), Column(("整治后",), "number", width=13),
               Column(("变化",), "number", width=13)]
    rows = []

    def value(source, key):
        if source is None or source.get(key) is None:
            return float("nan")
        return float(source[key])

    for key, text, kind in CONTIGUITY_ROWS:
        b, a = value(before, key), value(after, key)
        if kind == "count":
            cells = [None if is_null(v) else int(v) for v in (b, a)]
            change = None if None in cells else cells[1] - cells[0]
            rows.append(Row([text, "个"] + [Cell(v, "int", 0) for v in cells + [change]]))
        elif kind in ("percent", "number"):
            cells = [shown(v, PERCENT_DECIMALS) for v in (b, a)]
            change = float("nan") if any(is_null(v) for v in cells) else tidy(cells[1] - cells[0], PERCENT_DECIMALS)
            rows.append(Row([text, "%" if kind == "percent" else ""]
                            + [Cell(v, kind, PERCENT_DECIMALS) for v in cells + [change]]))
        else:
            for u in units:
                cells = [shown(v * u.per_m2, u.decimals) for v in (b, a)]
                change = float("nan") if any(is_null(v) for v in cells) else tidy(cells[1] - cells[0], u.decimals)
                rows.append(Row([text, u.label] + [Cell(v, "area", u.decimals) for v in cells + [change]]))
    return Sheet(
        "contiguity", f"表{number} {CONTIGUITY_TITLE}", CONTIGUITY_TITLE, unit_line(units), [Block(columns, rows)],
        notes=["注：相邻耕地图斑之间仅隔农村道路、沟渠、田坎等窄线状地物（宽度不超过设定值，默认 8 米）时"
               "视为同一连片地块；"
               "连片面积按图斑地类面积（TBDLMJ）计。破碎度按图斑计：LPI = 最大图斑面积 / 耕地面积 × 100，"
               "MESH = Σa² / A（A 为分析范围总面积），平均形状指数 = 周长 / (2√(π·面积)) 的均值。"],
        project=project, freeze_columns=1,
    )


# --------------------------------------------------------------------------- table 8: 增减挂钩

LINKAGE_TITLE = "增减挂钩拆旧建新表"


def linkage_sheet(ledger: pd.DataFrame, construction, units, project: str = "", number: int = 8) -> Sheet:
    """增减挂钩拆旧建新表 (:func:`~.subprojects.linkage_ledger` and :func:`~.indicators.construction_land`).

    The sub-project rows with any 拆旧 or 建新, a 子项目范围外 row for the rest
    (so that the rows add up), and the 合计 of the whole plan.
    """
    total_rec = ledger[ledger["SUBPROJECT"] == "合计"]
    subs = ledger[ledger["SUBPROJECT"] != "合计"]
    subs = subs[(subs[["RECLAIMED_M2", "NEW_BUILD_M2"]].abs().sum(axis=1) > 0)]
    total = total_rec.iloc[0] if len(total_rec) else None
    keys = ("RECLAIMED_M2", "RECLAIMED_TO_CULTIVATED_M2", "NEW_BUILD_M2")
    exact_rows = [[float(r[k]) for k in keys] for _, r in subs.iterrows()]
    labels = [[str(r["SUBPROJECT"]), str(r["NAME"]), str(r["TYPE"])] for _, r in subs.iterrows()]
    totals = [float(total[k]) if total is not None else 0.0 for k in keys]
    if len(exact_rows):
        rest = [t - sum(r[i] for r in exact_rows) for i, t in enumerate(totals)]
        if any(abs(v) > 0.005 for v in rest):
            exact_rows.append(rest)
            labels.append(["", "子项目范围外" if min(rest) >= -0.005 else "子项目范围外（含子项目重叠扣减）", ""])
    columns = [Column(("序号",), "serial", 0, 5), Column(("子项目编号",), "code", width=15),
               Column(("子项目名称",), "text", width=30), Column(("项目类型",), "text", width=13)]
    for header in (("拆旧复垦面积", "小计"), ("拆旧复垦面积", "其中：复垦为耕地"), ("建新面积",), ("节余面积",)):
        columns += area_columns(header, units)
    per_unit = {}
    for u in units:
        d = u.decimals
        shown_totals = [shown(t * u.per_m2, d) for t in totals]
        cols = [split([r[i] * u.per_m2 for r in exact_rows], d, shown_totals[i]) if exact_rows else []
                for i in range(3)]
        per_unit[u.key] = (shown_totals, cols)
    rows = []
    for i, words in enumerate(labels):
        values = [i + 1 if words[0] else "", *words]
        cells = []
        for j in range(3):
            cells += [per_unit[u.key][1][j][i] for u in units]
        surplus = [tidy(per_unit[u.key][1][0][i] - per_unit[u.key][1][2][i], u.decimals) for u in units]
        rows.append(Row(values + cells + surplus, "" if words[0] else "subtotal"))
    cells = []
    for j in range(3):
        cells += [per_unit[u.key][0][j] for u in units]
    surplus = [tidy(per_unit[u.key][0][0] - per_unit[u.key][0][2], u.decimals) for u in units]
    rows.append(Row(["", "", "合计", ""] + cells + surplus, "total"))

    summary_columns = [Column(("项目",), "text", span=4)]
    for side in ("整治前", "整治后", "增减"):
        summary_columns += area_columns((side,), units)
    summary = []
    for text, before_m2, after_m2 in (("建设用地总面积", construction.before_m2, construction.after_m2),
                                      ("其中：农村建设用地", construction.rural_before_m2,
                                       construction.rural_after_m2)):
        b = [shown(before_m2 * u.per_m2, u.decimals) for u in units]
        a = [shown(after_m2 * u.per_m2, u.decimals) for u in units]
        summary.append(Row([text] + b + a + [tidy(a[i] - b[i], u.decimals) for i, u in enumerate(units)]))
    return Sheet(
        "linkage", f"表{number} {LINKAGE_TITLE}", LINKAGE_TITLE, unit_line(units),
        [Block(columns, rows, caption="一、拆旧复垦与建新"),
         Block(summary_columns, summary, caption="二、建设用地规模")],
        notes=["注：拆旧复垦为整治前建设用地规划为非建设用地的面积，建新为非建设用地规划为建设用地的面积（叠加图斑面积口径）；"
               "节余 = 拆旧复垦 − 建新，要求建新不超过拆旧复垦、建设用地总量不增加。"
               "农村建设用地为村庄（城镇村属性码 203/203A）、"
               "农村宅基地及城镇范围外的工矿用地。"],
        project=project, freeze_columns=3,
    )


# --------------------------------------------------------------------------- tables 9, 10: sub-projects

SUBPROJECTS_TITLE = "子项目清单"
ANNUAL_TITLE = "年度实施计划"
#: Sub-project types in the order of DOMAIN.md §2.2; others follow alphabetically.
CHINESE_NUMBERS = "一二三四五六七八九十"
SUBPROJECT_TYPES = ("农用地整理", "高标准农田建设", "耕地提质改造", "建设用地复垦", "拆旧", "建新", "安置",
                    "生态修复", "公共空间治理")


def _type_order(kind: str) -> tuple:
    for i, known in enumerate(SUBPROJECT_TYPES):
        if kind and known in kind:
            return (0, i, kind)
    return (1, 0, kind or "")


def _money(value) -> float:
    """An investment (万元); text that is not a number shows as empty."""
    try:
        return to_number(value)
    except LandConsolidationError:
        return float("nan")


def _subproject_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in ("code", "name", "type", "funding", "unit"):
        out[column] = texts(out[column])
    out["year"] = pd.Series([to_int_or_none(v) for v in out["year"]], index=out.index, dtype=object)
    out["year_text"] = ["" if y is None else str(y) for y in out["year"]]
    out["_y"] = [99999 if y is None else y for y in out["year"]]
    out["investment"] = [_money(v) for v in out["investment"]]
    out["_order"] = [_type_order(t) for t in out["type"]]
    return out


def subprojects_sheet(frame: pd.DataFrame, units, project: str = "", number: int = 9) -> Sheet:
    """子项目清单: sub-projects grouped by type, with 小计 per type and a 合计.

    Args:
        frame: :func:`~.subprojects.read_subprojects` ``.frame`` plus
            ``area_m2`` (ellipsoidal area of each sub-project).
        units: Area units.
        project: Project name.
        number: Table number.
    """
    data = _subproject_frame(frame)
    data = data.sort_values(["_order", "_y", "code"], kind="stable")
    types = list(dict.fromkeys(data["type"]))
    columns = [Column(("序号",), "serial", 0, 5), Column(("子项目编号",), "code", width=15),
               Column(("子项目名称",), "text"), Column(("项目类型",), "text")]
    columns += area_columns(("面积",), units, 11)
    columns += [Column(("投资估算\n（万元）",), "money", MONEY_DECIMALS, 11), Column(("资金来源",), "text"),
                Column(("实施年度",), "code", width=8), Column(("实施主体",), "text")]
    leaves_money = [(t, i, 0.0 if math.isnan(v) else v)
                    for t, i, v in zip(data["type"], data.index, data["investment"])]
    money = round_levels(leaves_money, MONEY_DECIMALS)
    areas = {u.key: round_levels([(t, i, a * u.per_m2) for t, i, a in zip(data["type"], data.index, data["area_m2"])],
                                 u.decimals) for u in units}
    rows = []
    serial = 0
    for n, kind in enumerate(types):
        members = data[data["type"] == kind]
        rows.append(Row(["", "", f"{CHINESE_NUMBERS[n] if n < len(CHINESE_NUMBERS) else n + 1}、{kind or '未填类型'}"
                              f"（小计，{len(members)} 个）", kind]
                        + [areas[u.key][1][kind] for u in units] + [money[1][kind], "", "", ""], "subtotal"))
        for index, rec in members.iterrows():
            serial += 1
            investment = float("nan") if math.isnan(rec["investment"]) else money[2][(kind, index)]
            rows.append(Row([serial, rec["code"], rec["name"], rec["type"]]
                            + [areas[u.key][2][(kind, index)] for u in units]
                            + [investment, rec["funding"], rec["year_text"], rec["unit"]]))
    rows.append(Row(["", "", f"合计（{len(data)} 个）", ""] + [areas[u.key][0] for u in units]
                    + [money[0], "", "", ""], "total"))
    return Sheet(
        "subprojects", f"表{number} {SUBPROJECTS_TITLE}", SUBPROJECTS_TITLE, unit_line(units) + "；投资：万元",
        [Block(columns, rows)],
        notes=["注：子项目面积为子项目范围的椭球面积（三调方法）；投资、资金来源、实施年度、实施主体取自子项目图层属性"
               "（XMLX、XMMC、TZJE、ZJLY、SSND、ZRDW）。"],
        project=project, freeze_columns=3,
    )


def annual_sheet(frame: pd.DataFrame, units, project: str = "", number: int = 10, max_years: int = 3,
                 start_year: int | None = None, end_year: int | None = None) -> Sheet:
    """年度实施计划: sub-projects by year, each year's 小计 and share of the investment.

    Args:
        frame: As for :func:`subprojects_sheet`.
        units: Area units.
        project: Project name.
        number: Table number.
        max_years: The policy's longest period, checked in the notes.
        start_year: The project's first year, when known.
        end_year: The project's last year, when known.
    """
    data = _subproject_frame(frame)
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
        "annual", f"表{number} {ANNUAL_TITLE}", ANNUAL_TITLE, unit_line(units) + "；投资：万元", [Block(columns, rows)],
        notes=notes, project=project, freeze_columns=3,
    )


# --------------------------------------------------------------------------- table 11: compliance

COMPLIANCE_TITLE = "指标核验表"
#: rule → comparison shown beside the threshold.
RULE_COMPARISON = {"ADDED_CULTIVATED": "≥", "PBF_ADDED": "≥", "QUALITY": "≤", "BALANCE": "≥",
                   "CONSTRUCTION": "≤", "LINKAGE": "≥", "PERIOD": "≤", "TOWNSHIP": "≤"}


def compliance_sheet(rules: pd.DataFrame, units, project: str = "", number: int = 11) -> Sheet:
    """指标核验表 from :func:`~.compliance.rules_table`; m² values shown in the first area unit."""
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
        "compliance", f"表{number} {COMPLIANCE_TITLE}", COMPLIANCE_TITLE,
        f"面积单位：{unit.label}", [Block(columns, rows)],
        notes=[f"核验结论：{passed} 项通过，{failed} 项不通过，{unchecked} 项未核验。",
               "注：“不通过”的指标以粗体标出，对应图斑可用“指标核验”算法的 OUTPUT_PARCELS 图层查看。"
               "质量指标为整治后平均等别 − 整治前平均等别（正值为变差）。"],
        project=project, freeze_columns=2,
    )


# --------------------------------------------------------------------------- writer

FONT_NAME = "宋体"
TITLE_FONT = "黑体"


def _text_width(text: str) -> float:
    """Display width of a text in column-width units.

    A CJK character of 宋体 10 pt is about 1.8 units of the default font in
    Excel (LibreOffice draws it narrower); erring wide keeps wrapped text
    from being clipped by a row height that is too small.
    """
    return sum(1.8 if ord(ch) > 0x2E7F else 1.0 for ch in text)


def _lines(text: str, width: float) -> int:
    width = max(width - 1.0, 1.0)
    return sum(max(1, math.ceil(_text_width(part) / width)) for part in str(text).split("\n"))


def number_format(kind: str, decimals: int, zero_blank: bool = False) -> str:
    """Excel number format of a numeric kind with fixed decimals."""
    fmt = "0" if kind in ("int", "serial") or decimals <= 0 else "0." + "0" * decimals
    return f"{fmt};-{fmt};" if zero_blank else fmt


def _header_depth(block: Block) -> int:
    return max(len(c.header) for c in block.columns)


def header_merges(columns: list[Column]) -> list[tuple[int, int, int, int]]:
    """Merged header ranges ``(level1, col1, level2, col2)`` (0-based, inclusive).

    A header shorter than the depth is merged down from its last level to
    the bottom; consecutive columns sharing a header prefix are merged across
    at each level of that prefix that is not their last.
    """
    depth = max(len(c.header) for c in columns)
    merges = []
    for level in range(depth):
        j = 0
        while j < len(columns):
            header = columns[j].header
            if len(header) <= level:
                j += 1
                continue
            if level == len(header) - 1:
                if level < depth - 1:
                    merges.append((level, j, depth - 1, j))
                j += 1
                continue
            end = j
            while (end + 1 < len(columns) and len(columns[end + 1].header) > level + 1
                   and columns[end + 1].header[: level + 1] == header[: level + 1]):
                end += 1
            if end > j:
                merges.append((level, j, level, end))
            j = end + 1
    return merges


#: Printable width at 100 % in column-width units (landscape, 1 cm margins; 1 unit ≈ 1.85 mm).
PAGE_UNITS = {"A4": 150.0, "A3": 216.0}
#: Smallest print scale accepted before a sheet is split across pages in width.
MIN_SCALE = 0.55
#: Scale aimed at when a sheet is split across pages.
SPLIT_SCALE = 0.7


def print_pages(widths, paper: str = "A4", title_columns: int = 1) -> tuple[int, int]:
    """Pages across for fit-to-width printing, and the columns on the first page.

    A sheet is fitted to one page width unless that would print it smaller
    than :data:`MIN_SCALE`; a wider sheet (the 70-column status table) is
    fitted to several pages across, its first ``title_columns`` columns
    repeated on each.
    """
    page = PAGE_UNITS.get(paper, PAGE_UNITS["A4"])
    total = float(sum(widths))
    if total <= page / MIN_SCALE:
        return 1, len(widths)
    titles = float(sum(widths[:title_columns]))
    room = page / SPLIT_SCALE
    pages = max(2, math.ceil((total - titles) / max(room - titles, 1.0)))
    scale = min(1.0, page * pages / (total + titles * (pages - 1)))
    used, first = 0.0, 0
    for w in widths:
        # 0.9: the renderer's page may hold a little less than estimated.
        if used + w > 0.9 * page / scale:
            break
        used += w
        first += 1
    return pages, max(first, 1)


def write_workbook(sheets: list[Sheet]):
    """An openpyxl Workbook with one worksheet per :class:`Sheet`."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        write_sheet(workbook.create_sheet(sheet.name[:31]), sheet)
    return workbook


def _starts(block: Block) -> list[int]:
    """0-based sheet column where each block column starts (columns may span several)."""
    out, at = [], 0
    for col in block.columns:
        out.append(at)
        at += col.span
    return out


def _block_width(block: Block) -> int:
    return sum(c.span for c in block.columns)


def column_widths(sheet: Sheet) -> list[float]:
    """Sheet column widths: the widest single-column need over the blocks; spans only merge."""
    width_cols = max(_block_width(b) for b in sheet.blocks)
    widths = [0.0] * width_cols
    for block in sheet.blocks:
        starts = _starts(block)
        for j, col in enumerate(block.columns):
            if col.span != 1:
                continue
            if col.width is not None:
                want = col.width
            elif col.kind in ("text", "code"):
                texts = [str(r.values[j]) for r in block.rows if j < len(r.values) and r.values[j] is not None]
                want = min(max([_text_width(t) for t in texts] + [6.0]) + 2, 40)
            else:
                want = 11.0
            widths[starts[j]] = max(widths[starts[j]], want)
    return [w or 8.0 for w in widths]


def write_sheet(ws, sheet: Sheet) -> None:
    """Lay one sheet out: title, unit line, blocks (caption, header, rows), notes, print set-up."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body = Font(name=FONT_NAME, size=10)
    bold = Font(name=FONT_NAME, size=10, bold=True)
    header_fill = PatternFill("solid", fgColor="F2F2F2")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    right = Alignment(horizontal="right", vertical="center")

    widths = column_widths(sheet)
    width_cols = len(widths)
    for j, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(j + 1)].width = round(w, 2)
    pages, first_page_cols = print_pages(widths, sheet.paper, sheet.freeze_columns)
    span = first_page_cols if pages > 1 else width_cols

    def merge(r1, c1, r2, c2):
        if r2 > r1 or c2 > c1:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)

    ws.cell(1, 1, sheet.title).font = Font(name=TITLE_FONT, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    merge(1, 1, 1, span)
    ws.row_dimensions[1].height = 30
    unit_col = 1
    if sheet.project and span >= 2:
        split_at = max(1, span // 2)
        ws.cell(2, 1, f"项目名称：{sheet.project}").font = body
        ws.cell(2, 1).alignment = Alignment(horizontal="left", vertical="center")
        merge(2, 1, 2, split_at)
        unit_col = split_at + 1
    ws.cell(2, unit_col, sheet.unit_text).font = body
    ws.cell(2, unit_col).alignment = right
    merge(2, unit_col, 2, span)
    ws.row_dimensions[2].height = 18

    row = 3
    freeze = None
    first_header = None
    for b_index, block in enumerate(sheet.blocks):
        if b_index:
            row += 1
        if block.caption:
            ws.cell(row, 1, block.caption).font = bold
            ws.cell(row, 1).alignment = Alignment(horizontal="left", vertical="center")
            row += 1
        depth = _header_depth(block)
        starts = _starts(block)
        top = row
        for j, col in enumerate(block.columns):
            for level in range(depth):
                for k in range(col.span):
                    cell = ws.cell(top + level, starts[j] + k + 1)
                    cell.border = border
                    cell.font = body
                    cell.alignment = center
                    cell.fill = header_fill
                if level < len(col.header):
                    ws.cell(top + level, starts[j] + 1).value = col.header[level]
        # Merged ranges in sheet columns; a spanning column's own header cells merge across its span.
        ranges = []
        covered = set()
        for level1, col1, level2, col2 in header_merges(block.columns):
            ranges.append((level1, starts[col1], level2, starts[col2] + block.columns[col2].span - 1, col1))
            covered |= {(lv, c) for lv in range(level1, level2 + 1) for c in range(col1, col2 + 1)}
        for j, col in enumerate(block.columns):
            for level in range(len(col.header)):
                if (level, j) not in covered and col.span > 1:
                    ranges.append((level, starts[j], level, starts[j] + col.span - 1, j))
                    covered.add((level, j))
        needed = [1] * depth
        for level1, c1, level2, c2, j in ranges:
            merge(top + level1, c1 + 1, top + level2, c2 + 1)
            lines = _lines(block.columns[j].header[level1], sum(widths[c1: c2 + 1]))
            for lv in range(level1, level2 + 1):
                needed[lv] = max(needed[lv], math.ceil(lines / (level2 - level1 + 1)))
        for j, col in enumerate(block.columns):
            for level, text in enumerate(col.header):
                if (level, j) not in covered:
                    needed[level] = max(needed[level], _lines(text, widths[starts[j]]))
        for level in range(depth):
            ws.row_dimensions[top + level].height = 14 * needed[level] + 4
        row = top + depth
        if b_index == 0:
            freeze = ws.cell(row, sheet.freeze_columns + 1).coordinate
            first_header = (top, row - 1)
        for data_row in block.rows:
            line_count = 1
            for j, col in enumerate(block.columns):
                value = data_row.values[j] if j < len(data_row.values) else None
                for k in range(col.span):
                    ws.cell(row, starts[j] + k + 1).border = border
                if col.span > 1:
                    merge(row, starts[j] + 1, row, starts[j] + col.span)
                cell = ws.cell(row, starts[j] + 1)
                cell.font = bold if data_row.style in ("total", "subtotal") else body
                kind, decimals = col.kind, col.decimals
                if isinstance(value, Cell):
                    kind, decimals, value = value.kind, value.decimals, value.value
                if kind in ("text", "code"):
                    cell.value = None if value in (None, "") else value
                    if isinstance(cell.value, str):
                        cell.data_type = "s"  # never a formula, even when the text starts with "="
                    cell.alignment = center if kind == "code" else left
                    if kind == "text" and value:
                        width = sum(widths[starts[j]: starts[j] + col.span])
                        line_count = max(line_count, _lines(str(value), width))
                    elif isinstance(value, (int, float)) and not isinstance(value, bool):
                        cell.number_format = "0"
                elif value is None or (isinstance(value, str) and value == ""):
                    cell.value = None
                    cell.alignment = right
                elif isinstance(value, str):
                    cell.value = value
                    cell.data_type = "s"
                    cell.alignment = center
                elif is_null(value):
                    cell.value = "—"
                    cell.alignment = center
                else:
                    # The stored value is the shown one: copying or summing cells gives the printed figures.
                    cell.value = int(value) if kind in ("int", "serial") else shown(float(value), decimals)
                    cell.number_format = number_format(kind, decimals, block.zero_blank)
                    cell.alignment = center if kind == "serial" else right
            if line_count > 1:
                ws.row_dimensions[row].height = 13.5 * line_count + 3
            row += 1
    for note in sheet.notes:
        row += 1
        cell = ws.cell(row, 1, note)
        cell.font = Font(name=FONT_NAME, size=9)
        cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        merge(row, 1, row, span)
        ws.row_dimensions[row].height = 13 * _lines(note, sum(widths[:span])) + 4

    if freeze:
        ws.freeze_panes = freeze
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3 if sheet.paper == "A3" else ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = pages
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 9
    # Absolute references: LibreOffice ignores print-title columns written without "$".
    if len(sheet.blocks) == 1 and first_header:
        ws.print_title_rows = f"${first_header[0] if pages > 1 else 1}:${first_header[1]}"
    if pages > 1:
        ws.print_title_cols = f"$A:${get_column_letter(sheet.freeze_columns)}"


# --------------------------------------------------------------------------- CSV and saving


def flat_header(column: Column) -> str:
    """One-line header of a column for CSV: levels joined by ``/``, line breaks removed."""
    return "/".join(str(h).replace("\n", "") for h in column.header)


def write_csv(path, sheet: Sheet, block_index: int = 0) -> None:
    """One block of a sheet as CSV (UTF-8 with BOM so Excel reads the Chinese), values as shown."""
    block = sheet.blocks[block_index]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([flat_header(c) for c in block.columns])
        for data_row in block.rows:
            out = []
            for j, col in enumerate(block.columns):
                value = data_row.values[j] if j < len(data_row.values) else None
                kind, decimals = col.kind, col.decimals
                if isinstance(value, Cell):
                    kind, decimals, value = value.kind, value.decimals, value.value
                if value is None:
                    out.append("")
                elif isinstance(value, str):
                    out.append(value)
                elif is_null(value):
                    out.append("")
                elif kind in ("text", "code"):
                    out.append(str(value))
                elif kind in ("int", "serial"):
                    out.append(str(int(value)))
                else:
                    out.append(f"{float(value):.{decimals}f}")
            writer.writerow(out)


def csv_names(sheets: list[Sheet]) -> list[tuple[str, int, int]]:
    """``(file name, sheet index, block index)`` of every CSV: the main block as the sheet name, others suffixed."""
    names = []
    for i, sheet in enumerate(sheets):
        base = sheet.name.replace("/", "／")
        for b, block in enumerate(sheet.blocks):
            suffix = "" if b == 0 else f"_{block.caption or b + 1}".replace("/", "／")
            names.append((f"{base}{suffix}.csv", i, b))
    return names


def save(sheets: list[Sheet], xlsx_path, csv_folder=None) -> list[str]:
    """Write the workbook (and the CSVs) so that a failure leaves no half-written file.

    Every file is first written to a temporary name in its target folder;
    only when all are written are they renamed into place.  On any error the
    temporary files are removed and existing files are left untouched.

    Returns:
        The paths written, the workbook first.
    """
    xlsx_path = Path(xlsx_path)
    xlsx_path.parent.mkdir(parents=True, exist_ok=True)
    pending: list[tuple[str, Path]] = []

    def temp_for(target: Path) -> str:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part", dir=target.parent)
        os.close(handle)
        pending.append((name, target))
        return name

    try:
        workbook = write_workbook(sheets)
        workbook.save(temp_for(xlsx_path))
        if csv_folder:
            folder = Path(csv_folder)
            folder.mkdir(parents=True, exist_ok=True)
            for file_name, i, b in csv_names(sheets):
                write_csv(temp_for(folder / file_name), sheets[i], b)
        for temp, target in pending:
            os.replace(temp, target)
        return [str(target) for _, target in pending]
    finally:
        for temp, _ in pending:
            if os.path.exists(temp):
                os.unlink(temp)
