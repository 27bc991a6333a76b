"""The registry of scheme tables: one line per table, in the workbook's order (DOMAIN.md §7).

Everything that lists the tables reads it: ``landconsolidation:exportscheme``
(its TABLES options, which tables it can build, the numbering and order of
the sheets, the "left out" messages) and the export dialog (its table
list).  A table's number is its place here; the TABLES option index is that
place minus one, so new tables are appended (models and scripts refer to the
options by index).

Adding a table: write ``tables/<key>.py`` with ``TITLE`` and
``build(inputs, number) -> list[Sheet]`` (the builder asks :class:`~.inputs.Inputs`
for what it needs), then add its line to :data:`TABLES` below.  Code
outside the package (a test, another plugin) adds one with :func:`register`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..errors import check_canceled
from .inputs import (
    CONFLICTS,
    PBF,
    PBF_PARCELS,
    PIECE_GEOMETRIES,
    PIECES_ON_CONSTRAINTS,
    PIECES_ON_PBF,
    PLAN,
    SUBPROJECTS,
    SURVEY,
    Inputs,
    Need,
    Unavailable,
    tr_noop,
)
from .model import Sheet
from .tables import (
    acceptance,
    annual,
    balance,
    compliance,
    contiguity,
    deviations,
    farmland,
    investment,
    linkage,
    linkage_areas,
    new_build,
    new_cultivated,
    overview,
    pbf_in,
    pbf_out,
    progress,
    reclaimed,
    self_assessment,
    sources,
    status,
    structure,
    subprojects,
    transition,
)


@dataclass(frozen=True)
class Table:
    """A scheme table.

    Attributes:
        key: Id (``status``, ``structure`` …).
        title: Official Chinese title.
        build: ``build(inputs, number)`` → the table's sheets (a list: one, or
            one per unit; a single :class:`~.model.Sheet` is accepted too).
        needs: Inputs without which the table is left out (with their reasons);
            the current DLTB is not listed: every table may read it (the
            caller requires it).
        uses: Inputs used when given (e.g. sub-project years for the period),
            and requests such as :data:`~.inputs.PIECE_GEOMETRIES`.
        label: The table's name in the interface (TABLES options, the export
            dialog, the log): English, translated by the caller (its Chinese
            is the official title); default: the title.
    """

    key: str
    title: str
    build: Callable[[Inputs, int], list[Sheet]]
    needs: tuple[Need, ...] = ()
    uses: tuple[Need, ...] = ()
    label: str = ""

    def name(self, translate: Callable[[str], str] = str) -> str:
        """The table's name in the interface's language (the official title where no label is set)."""
        return translate(self.label) if self.label else self.title


#: The tables in workbook order (DOMAIN.md §7); a table's number is its place.
TABLES: list[Table] = [
    Table("status", status.TITLE, status.build, label=tr_noop("Land-use status by class")),
    Table("structure", structure.TITLE, structure.build, needs=(PLAN,),
          label=tr_noop("Adjustment of the land-use structure")),
    Table("transition", transition.TITLE, transition.build, needs=(PLAN,),
          label=tr_noop("Land-use transition matrix")),
    Table("sources", sources.TITLE, sources.build, needs=(PLAN,), label=tr_noop("Sources of new cultivated land")),
    Table("balance", balance.TITLE, balance.build, needs=(PLAN,),
          label=tr_noop("In/out balance of cultivated land table")),
    Table("farmland", farmland.TITLE, farmland.build, needs=(PBF,),
          label=tr_noop("Permanent basic farmland adjustment table")),
    Table("contiguity", contiguity.TITLE, contiguity.build, label=tr_noop("Contiguity of cultivated land table")),
    Table("linkage", linkage.TITLE, linkage.build, needs=(PLAN,), uses=(SUBPROJECTS, PIECE_GEOMETRIES),
          label=tr_noop("Linkage: reclamation and new construction")),
    Table("subprojects", subprojects.TITLE, subprojects.build, needs=(SUBPROJECTS,),
          label=tr_noop("List of sub-projects")),
    Table("annual", annual.TITLE, annual.build, needs=(SUBPROJECTS,), label=tr_noop("Annual implementation plan")),
    Table("compliance", compliance.TITLE, compliance.build, needs=(PLAN,),
          uses=(PBF, SUBPROJECTS, CONFLICTS, PIECES_ON_CONSTRAINTS), label=tr_noop("Compliance check table")),
    # The submission tables (issue 12), appended so that the TABLES indices of the first eleven stay.
    Table("overview", overview.TITLE, overview.build, uses=(PLAN, PBF, SUBPROJECTS),
          label=tr_noop("Project overview")),
    Table("new_cultivated", new_cultivated.TITLE, new_cultivated.build, needs=(PLAN,),
          label=tr_noop("List of new cultivated land parcels")),
    Table("pbf_out", pbf_out.TITLE, pbf_out.build, needs=(PBF,), uses=(PBF_PARCELS, PLAN, PIECES_ON_PBF),
          label=tr_noop("List of permanent basic farmland parcels moved out")),
    Table("pbf_in", pbf_in.TITLE, pbf_in.build, needs=(PBF,), uses=(PBF_PARCELS, PLAN, PIECES_ON_PBF),
          label=tr_noop("List of permanent basic farmland parcels moved in")),
    Table("reclaimed", reclaimed.TITLE, reclaimed.build, needs=(PLAN,), label=tr_noop("List of reclaimed plots")),
    Table("new_build", new_build.TITLE, new_build.build, needs=(PLAN,),
          label=tr_noop("List of new construction plots")),
    Table("investment", investment.TITLE, investment.build, needs=(SUBPROJECTS,),
          label=tr_noop("Investment estimate")),
    Table("linkage_areas", linkage_areas.TITLE, linkage_areas.build, needs=(PLAN,),
          uses=(SUBPROJECTS, PIECE_GEOMETRIES), label=tr_noop("Linkage balance by project area")),
    # Implementation monitoring (issue 15): the plan against later surveys, when they are given.
    Table("progress", progress.TITLE, progress.build, needs=(SURVEY,), label=tr_noop("Annual implementation progress")),
    Table("self_assessment", self_assessment.TITLE, self_assessment.build, needs=(SURVEY,),
          label=tr_noop("Annual self-assessment")),
    Table("deviations", deviations.TITLE, deviations.build, needs=(SURVEY,), label=tr_noop("List of deviations")),
    Table("acceptance", acceptance.TITLE, acceptance.build, needs=(SURVEY,),
          label=tr_noop("Acceptance self-evaluation")),
]
#: UNITS parameter choices (0 公顷, 1 亩, 2 both) as the interface names them (English, translated by the caller).
UNIT_LABELS = (tr_noop("Hectares"), tr_noop("Mu"), tr_noop("Hectares and mu"))


def tables() -> tuple[Table, ...]:
    """Every registered table, in order."""
    return tuple(TABLES)


def table(key: str) -> Table:
    """The table with this key."""
    for entry in TABLES:
        if entry.key == key:
            return entry
    raise KeyError(key)


def number(key: str) -> int:
    """The table's number in the workbook (1-based place in the registry)."""
    return tables().index(table(key)) + 1


def option_labels(translate: Callable[[str], str] = str) -> list[str]:
    """``"1 Land-use status by class"`` …: the TABLES options and the dialog's list, in order.

    Args:
        translate: Translates a table's English label (the plugin's ``tr``: ``"1 土地利用现状分类面积汇总表"``
            in a Chinese QGIS).
    """
    return [f"{i + 1} {entry.name(translate)}" for i, entry in enumerate(TABLES)]


def needed_by() -> list[tuple[Need, list[int]]]:
    """Each need of the tables with the numbers of the tables left out without it, in order."""
    out: dict[Need, list[int]] = {}
    for i, entry in enumerate(TABLES):
        for need in entry.needs:
            out.setdefault(need, []).append(i + 1)
    return list(out.items())


def register(entry: Table) -> Table:
    """Add a table after the others (its number is the next one); a key may be used once."""
    if any(t.key == entry.key for t in TABLES):
        raise ValueError(f"A table '{entry.key}' is already registered.")
    TABLES.append(entry)
    return entry


def unregister(key: str) -> None:
    """Remove a table that :func:`register` added (the numbers of the tables after it move up)."""
    TABLES.remove(table(key))


@dataclass
class LeftOut:
    """A wanted table that could not be built, and why."""

    table: Table
    number: int
    reason: str


@dataclass
class Outcome:
    """What :func:`build` made: the sheets in workbook order, and the tables left out."""

    sheets: list[Sheet]
    left_out: list[LeftOut]


def build(
    wanted: Iterable[str],
    inputs: Inputs,
    translate: Callable[[str], str] = str,
    progress: Callable[[int, Table], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> Outcome:
    """Build the wanted tables in workbook order.

    A table is left out when one of its needs is not given (the need's
    reason) or when its builder meets something :class:`~.inputs.Unavailable`
    (e.g. a child algorithm that is not installed).  Other errors propagate.

    Args:
        wanted: Keys of the tables to build (any order).
        inputs: The run's inputs.
        translate: Translates a :class:`~.inputs.Need`'s English reason.
        progress: Called with ``(index, table)`` before each table is built.
        is_canceled: Checked before each table (raises :class:`~core.errors.Cancelled`).
    """
    keys = set(wanted)
    chosen = [(i + 1, entry) for i, entry in enumerate(TABLES) if entry.key in keys]
    ready = []
    left_out = []
    for n, entry in chosen:
        missing = [need for need in entry.needs if not inputs.given(need)]
        if missing:
            left_out.append(LeftOut(entry, n, "; ".join(translate(need.reason) for need in missing)))
        else:
            ready.append((n, entry))
    inputs.expect(need for _, entry in ready for need in entry.needs + entry.uses)
    sheets: list[Sheet] = []
    for index, (n, entry) in enumerate(ready):
        check_canceled(is_canceled)
        if progress is not None:
            progress(index, entry)
        try:
            built = entry.build(inputs, n)
            sheets += [built] if isinstance(built, Sheet) else list(built)
        except Unavailable as exc:
            left_out.append(LeftOut(entry, n, translate(exc.need.reason) if exc.need else exc.reason))
    left_out.sort(key=lambda item: item.number)
    return Outcome(sheets, left_out)
