"""The table model of the workbook: units, columns, cells, rows, blocks and sheets.

A :class:`Sheet` is one worksheet (one scheme table, or one unit of a wide
one); it stacks :class:`Block` s (header + rows).  Nothing here knows about
openpyxl or CSV: the writers in :mod:`.xlsx` and :mod:`.csv_export` lay the
model out.

Units.  公顷 (4 decimals by default: 0.0001 公顷 = 1 m²) and 亩 (1 亩 = 10 000/15
m², 2 decimals by default), or both.  With both, narrow tables carry a 公顷
and a 亩 column side by side under each area heading; the two wide cross
tables (土地利用现状分类面积汇总表 and 土地利用转移矩阵) are written twice, as a 公顷
sheet and a 亩 sheet, because doubling 70 columns would make them unreadable
on paper.  Each unit is rounded from the exact m², so 亩 = 公顷 × 15 holds to
the rounding of the two shown values.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..units import M2_PER_HA, MU_PER_M2

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


@dataclass(frozen=True)
class ProjectFacts:
    """What the header block of every table says about the project (empty = not known).

    Attributes:
        name: 项目名称.
        code: 项目编号.
        township: 乡镇 name.
        township_code: 乡镇 code (the first 9 digits of ZLDWDM).
        responsible_unit: 实施主体.
        prepared_by: 编制单位.
        prepared_on: 编制日期 as shown (e.g. ``2026年11月29日``).
    """

    name: str = ""
    code: str = ""
    township: str = ""
    township_code: str = ""
    responsible_unit: str = ""
    prepared_by: str = ""
    prepared_on: str = ""

    def header_items(self) -> list[str]:
        """``"项目名称：…"`` … for the header block, the known facts only, in the official order."""
        township = self.township + (f"（{self.township_code}）" if self.township_code else "") \
            if self.township else self.township_code
        items = (("项目名称", self.name), ("项目编号", self.code), ("乡镇", township),
                 ("实施主体", self.responsible_unit), ("编制单位", self.prepared_by), ("编制日期", self.prepared_on))
        return [f"{label}：{value}" for label, value in items if value]


def facts_of(project) -> ProjectFacts:
    """:class:`ProjectFacts` from facts or a bare project name."""
    if isinstance(project, ProjectFacts):
        return project
    return ProjectFacts(name=str(project or ""))


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
        project: The project's facts for the header block (or just its name).
        freeze_columns: Columns kept visible when scrolling right.
        paper: ``A4`` or ``A3``.
    """

    key: str
    name: str
    title: str
    unit_text: str
    blocks: list
    notes: list = field(default_factory=list)
    project: ProjectFacts | str = ""
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

