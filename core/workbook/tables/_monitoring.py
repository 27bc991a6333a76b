"""Shared by the monitoring tables (年度实施进度表, 年度自评表, 偏差清单, 验收自评表): values as shown."""
from __future__ import annotations

from ...values import is_null
from ..model import Cell
from ..rounding import shown


def year_label(year, survey: str) -> str:
    """The heading of a survey's columns: ``2027年变更调查`` (the layer name when it has no year)."""
    return f"{int(year)}年变更调查" if not is_null(year) else str(survey)


def figure(value, unit_text: str, area_unit) -> tuple[Cell, str]:
    """A figure of the indicator tables as a cell, and its unit as shown: m² in the workbook's area unit."""
    if is_null(value):
        return Cell(None, "number", 2), _unit(unit_text, area_unit)
    value = float(value)
    if unit_text == "m²":
        return Cell(shown(value * area_unit.per_m2, area_unit.decimals), "area", area_unit.decimals), area_unit.label
    if unit_text in ("个", "年"):
        return Cell(int(round(value)), "int", 0), unit_text
    if unit_text in ("等", "级"):
        return Cell(value, "grade", 4), unit_text
    return Cell(value, "number", 2), unit_text


def _unit(unit_text: str, area_unit) -> str:
    return area_unit.label if unit_text == "m²" else unit_text


def percent(value) -> Cell:
    """A completion percentage cell (empty when not defined)."""
    return Cell(None if is_null(value) else float(value), "percent", 2)
