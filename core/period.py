"""The implementation period (实施期限): which years, from where, and the 3-year rule.

A project runs from its first to its last year, **both ends counted**
(2026–2028 is 3 years).  The years come, in this order, from the run's own
parameters, the project's settings, or the span of the sub-projects' years
(SSND).  The policy limit is 3 years (Wuxi opinion §三(三), ``docs/DOMAIN.md``
§6); an end year before the start year is never acceptable.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Iterable

from ..i18n import tr
from .errors import LandConsolidationError
from .values import to_int_or_none

#: Longest implementation period (years), policy default.
DEFAULT_MAX_YEARS = 3

#: Where the years came from → the note shown beside them.
SOURCES = {"parameters": "（参数）", "project": "（项目设置）", "subprojects": "（子项目年度）"}


@dataclass(frozen=True)
class Period:
    """First and last year and where they came from (a key of :data:`SOURCES`)."""

    start: int
    end: int
    source: str = "parameters"

    @property
    def years(self) -> int:
        """Length in years, both ends counted (may be ≤ 0 for a reversed period)."""
        return self.end - self.start + 1

    @property
    def reversed(self) -> bool:
        """True when the end year lies before the start year."""
        return self.end < self.start

    @property
    def note(self) -> str:
        """``（参数）`` … for tables and logs."""
        return SOURCES.get(self.source, "")

    def problem(self, max_years: int = DEFAULT_MAX_YEARS) -> str | None:
        """Why the period is not acceptable, or None."""
        return period_problem(self.start, self.end, max_years)


def period_problem(start: int, end: int, max_years: int = DEFAULT_MAX_YEARS) -> str | None:
    """Why a start/end year pair is not acceptable (reversed, or longer than ``max_years``), or None."""
    if end < start:
        return tr("The last year {end} is before the first year {start}.").format(end=end, start=start)
    years = end - start + 1
    if years > max_years:
        return tr("The period {start}–{end} is {years} years, more than {most}.").format(
            start=start, end=end, years=years, most=max_years)
    return None


def resolve_period(
    parameters: tuple | None = None,
    project: tuple | None = None,
    subproject_years: Iterable | None = None,
) -> Period | None:
    """The period from the first source that gives both years, or None.

    Args:
        parameters: (start, end) given to the run (either may be None).
        project: (start, end) of the project's settings.
        subproject_years: The sub-projects' year values (SSND); text and
            numbers are both read, empty values skipped.
    """
    for source, pair in (("parameters", parameters), ("project", project)):
        if pair is None:
            continue
        start, end = (to_int_or_none(v) for v in pair)
        if start is not None and end is not None:
            return Period(start, end, source)
    if subproject_years is not None:
        years = [y for y in (to_int_or_none(v) for v in subproject_years) if y is not None]
        if years:
            return Period(min(years), max(years), "subprojects")
    return None


_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_date(text, what: str | None = None) -> datetime.date | None:
    """A date as users type it (``2026-11-29``, ``2026/11/29``, ``2026年11月29日``); None when empty.

    Raises:
        LandConsolidationError: text that is not such a date.
    """
    if isinstance(text, datetime.date):
        return text
    if text is None or not str(text).strip():
        return None
    match = _DATE.match(str(text))
    try:
        if match is None:
            raise ValueError
        return datetime.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise LandConsolidationError(tr("The {what} '{text}' is not a date; write it as 2026-11-29.").format(
            what=what or tr("date of preparation"), text=text)) from None


def chinese_date(day: datetime.date | None) -> str:
    """``2026年11月29日`` (as official tables write dates), or "" for None."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""
