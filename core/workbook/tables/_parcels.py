"""The layout the parcel lists share (新增耕地, 永久基本农田调出 / 调入, 拆旧复垦, 建新 图斑清单).

One row per parcel: 序号, 图斑标识码 (BSM), 行政村, 现状地类 and 规划地类 (code
and name), the list's own columns, and its areas in the workbook's units;
a 合计 row whose areas are the sum of the rounded areas shown above it.
Rows are ordered by village code, then BSM.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ... import codes as codes_mod
from ...values import is_null
from ..model import Block, Column, Row, Sheet, area_columns, unit_line
from ..rounding import shown, split


@dataclass
class ParcelRow:
    """A parcel of a list.

    Attributes:
        bsm: 标识码.
        village: 坐落单位代码 (ZLDWDM), for the order and the name.
        before: Current code ("" when not known).
        after: Planned code ("" when not known).
        areas: m², one per area heading of the list.
        extra: Values of the list's own columns.
    """

    bsm: str
    village: str
    before: str
    after: str
    areas: list
    extra: list = field(default_factory=list)


def text(value) -> str:
    """A value as text, empty for NULL/NaN."""
    return "" if value is None or is_null(value) else str(value)


def parcel_groups(pieces, mask, by=None) -> dict:
    """The rows of the pieces in ``mask`` grouped by current parcel and planned code (and ``by[i]`` when given).

    Returns:
        ``(fid_b, base_a)`` (or ``(fid_b, base_a, by[i])``) → row numbers, in the pieces' order: one list row
        per current parcel × planned code, as the parcel lists have them.
    """
    fid, after = pieces["fid_b"].to_numpy(), pieces["base_a"].to_numpy()
    groups: dict = {}
    for i in np.flatnonzero(mask).tolist():
        key = (fid[i], after[i]) if by is None else (fid[i], after[i], by[i])
        groups.setdefault(key, []).append(i)
    return groups


def village_names(parcels) -> dict:
    """ZLDWDM → ZLDWMC of a :class:`~core.dltb.ParcelTable` (None: empty)."""
    if parcels is None:
        return {}
    frame = parcels.frame
    if "village_name" not in frame:
        return {text(code): "" for code in frame["village"].drop_duplicates() if text(code)}
    # The last row of each code (as a dict built row by row keeps): a county has a few hundred villages.
    pairs = frame[["village", "village_name"]].drop_duplicates(subset=["village"], keep="last")
    return {text(code): text(name) for code, name in zip(pairs["village"], pairs["village_name"]) if text(code)}


def parcel_list_sheet(key: str, title: str, number: int, rows: list[ParcelRow], units, project,
                      area_headers: list[tuple], extra_columns: list[Column], names: dict, notes: list[str]) -> Sheet:
    """A parcel list sheet.

    Args:
        key: Table key.
        title: Its official title.
        number: Its number in the workbook.
        rows: The parcels.
        units: Area units.
        project: The project's facts for the header block.
        area_headers: Header path of each area (``("面积",)`` …), in the order of ``ParcelRow.areas``.
        extra_columns: The list's own columns, in the order of ``ParcelRow.extra``.
        names: ZLDWDM → village name.
        notes: Lines under the table.
    """
    table = codes_mod.default_table()
    rows = sorted(rows, key=lambda r: (r.village, r.bsm))
    columns = [Column(("序号",), "serial", 0, 5), Column(("图斑标识码",), "code", width=20),
               Column(("行政村",), "text"),
               Column(("现状地类", "编码"), "code", width=7), Column(("现状地类", "名称"), "text"),
               Column(("规划地类", "编码"), "code", width=7), Column(("规划地类", "名称"), "text")]
    columns += extra_columns
    for header in area_headers:
        columns += area_columns(header, units, 11)
    shown_areas = []  # per area heading, per unit: (total, parts)
    for k in range(len(area_headers)):
        exact = [float(r.areas[k]) for r in rows]
        per_unit = {}
        for u in units:
            total = shown(sum(exact) * u.per_m2, u.decimals)
            per_unit[u.key] = (total, split([v * u.per_m2 for v in exact], u.decimals, total) if exact else [])
        shown_areas.append(per_unit)
    body = []
    for i, r in enumerate(rows):
        village = names.get(r.village) or r.village
        cells = [i + 1, r.bsm, village, r.before, table.name(r.before) if r.before else "", r.after,
                 table.name(r.after) if r.after else ""] + list(r.extra)
        for k in range(len(area_headers)):
            cells += [shown_areas[k][u.key][1][i] for u in units]
        body.append(Row(cells))
    total = ["", f"合计（{len(rows)} 块）", "", "", "", "", ""] + [""] * len(extra_columns)
    for k in range(len(area_headers)):
        total += [shown_areas[k][u.key][0] for u in units]
    body.append(Row(total, "total"))
    return Sheet(key, f"表{number} {title}", title, unit_line(units), [Block(columns, body)], notes=notes,
                 project=project, freeze_columns=3)
