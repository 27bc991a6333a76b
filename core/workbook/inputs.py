"""What the table builders receive: the run's options and its data, each computed on first use.

The caller (``landconsolidation:exportscheme``) knows how to read layers and
run child algorithms; it hands those steps over as callables in
:class:`Sources`, ``None`` for what the user did not give.  :class:`Inputs`
calls each at most once, and only when a wanted table asks for it, and
derives the figures several tables share (the plan's pieces, the 耕地 and
建设用地 indicators, the structure table, the period) once.  A table whose
builder asks for something that cannot be had is left out with the reason
(:class:`Unavailable`); nothing else stops the workbook.

Pure: no QGIS here.  The layers and results the sources return are passed
through to the ``core`` functions that understand them.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable

import pandas as pd

from .. import indicators
from ..compliance import Thresholds
from ..period import Period, resolve_period
from .model import HECTARE, ProjectFacts, Unit

if TYPE_CHECKING:
    from ..dltb import ParcelTable
    from ..plan import Plan


def tr_noop(text: str) -> str:
    """Mark an English reason for translation (``tools/i18n.py`` collects it); the caller translates it.

    The plugin's own ``i18n.tr_noop`` lives beside Qt's translator; ``core`` stays free of both.
    """
    return text


@dataclass(frozen=True)
class Need:
    """Something a table needs from the user.

    Attributes:
        key: The :class:`Sources` attribute that supplies it.
        reason: Why a table is left out without it (English, translated by
            the caller; it names the parameters to give).
    """

    key: str
    reason: str = ""


DLTB = Need("dltb", tr_noop("no current DLTB (DLTB)"))
PLAN = Need("plan", tr_noop("no plan (AFTER or AFTER_FIELD)"))
PBF = Need("farmland", tr_noop("no permanent basic farmland layers before and after (PBF_BEFORE, PBF_AFTER)"))
SUBPROJECTS = Need("subprojects", tr_noop("no sub-project layer (SUBPROJECTS)"))
#: The 永久基本农田 调出 / 调入 pieces themselves (the review's parcel layers).
PBF_PARCELS = Need("farmland_parcels", PBF.reason)
#: Implementation monitoring: ``landconsolidation:progress`` on the plan and the later surveys (core/progress.py).
SURVEY = Need("progress", tr_noop("no plan and later survey (AFTER or AFTER_FIELD, and SURVEY)"))
#: The plan's constraint conflicts (core/conflicts.py); the caller supplies them whenever there is a plan.
CONFLICTS = Need("conflicts", tr_noop("no plan (AFTER or AFTER_FIELD)"))
#: Not an input but a request, listed in a table's ``uses``: read the plan with its piece geometries
#: (the 增减挂钩 ledger intersects them with the sub-projects; without sub-projects they are not read).
PIECE_GEOMETRIES = Need("piece_geometries")
#: Requests as well: the plan's piece geometries to overlay with the 永久基本农田 调出 / 调入 pieces (when given),
#: and with the constraint layers (when a red line, 永久基本农田 or slope raster is given).
PIECES_ON_PBF = Need("pieces_on_pbf")
PIECES_ON_CONSTRAINTS = Need("pieces_on_constraints")


class Unavailable(Exception):  # noqa: N818 (an answer, not an error)
    """What a table asked for cannot be had: the table is left out, with the reason.

    Args:
        reason: A :class:`Need` that was not given, or a message already in
            the user's language (e.g. "the algorithm … is not installed").
    """

    def __init__(self, reason: Need | str):
        self.need = reason if isinstance(reason, Need) else None
        self.reason = reason.reason if isinstance(reason, Need) else str(reason)
        super().__init__(self.reason)


@dataclass
class Sources:
    """How the caller obtains what only it can read or run; ``None`` = not given.

    Each callable may raise :class:`Unavailable` (e.g. a child algorithm
    that is not installed or failed); that answer is remembered too.

    Attributes:
        dltb: The current DLTB, read alone (a :class:`~core.dltb.ParcelTable`).
        plan: ``plan(keep_geometry)`` → :class:`~core.plan.Plan`.
        farmland: The 永久基本农田 adjustment review: ``(numbers, review)``,
            the number outputs of ``landconsolidation:farmlandadjustment``
            and its review table (a frame, or None).
        contiguity: ``(before, after)`` number outputs of
            ``landconsolidation:contiguity`` (after None without a plan).
        subprojects: The sub-projects: :func:`~core.subprojects.read_subprojects`
            ``.frame`` plus ``area_m2`` (ellipsoidal area of each).
        subproject_layer: The sub-project layer itself, for overlays with the
            plan (:func:`~core.subprojects.linkage_ledger`).
        repair: Repair invalid geometries where a table reads a layer itself
            (core/validity.py), as the run was asked to.
        farmland_parcels: The review's 调出 and 调入 pieces: ``{"out": (frame,
            geometries), "in": …}``, frames with the fields of the
            farmlandadjustment parcel layers (BSM, ZLDWDM, DLBM, AREA_M2,
            GDDB, GDPDJB, CLASS …).
        conflicts: ``conflicts(plan)`` → :class:`~core.conflicts.Conflicts`
            against the constraint layers given.
        constraint_layers: True when a red line, 永久基本农田 or slope raster
            is given (the conflicts then need the plan's piece geometries).
        progress: The plan against the later surveys: a
            :class:`~core.progress.Monitoring` (the tables of
            ``landconsolidation:progress``), when surveys are given.
    """

    dltb: Callable[[], ParcelTable] | None = None
    plan: Callable[[bool], Plan] | None = None
    farmland: Callable[[], tuple[dict, pd.DataFrame | None]] | None = None
    contiguity: Callable[[], tuple[dict, dict | None]] | None = None
    subprojects: Callable[[], pd.DataFrame] | None = None
    subproject_layer: Any = None
    repair: bool = False
    farmland_parcels: Callable[[], dict] | None = None
    conflicts: Callable[[Plan], Any] | None = None
    constraint_layers: bool = False
    progress: Callable[[], Any] | None = None


def _once(method):
    """A property computed on first use; an :class:`Unavailable` answer is remembered as well.

    Only the reason is remembered, and a fresh exception raised each time: a remembered exception would keep its
    traceback, whose frames hold these inputs (a reference cycle), and with them the run's layers and feedback for
    Python's cyclic garbage collector to free later, in whichever thread it then runs.
    """
    name = method.__name__

    @functools.wraps(method)
    def getter(self):
        if name not in self._cache:
            try:
                self._cache[name] = (True, method(self))
            except Unavailable as exc:
                self._cache[name] = (False, exc.need if exc.need is not None else exc.reason)
        ok, value = self._cache[name]
        if not ok:
            raise Unavailable(value)
        return value

    return property(getter)


@dataclass
class Inputs:
    """The options of a run and its data, computed when first asked for.

    Attributes:
        sources: What the caller reads or runs.
        units: Area units of the workbook.
        project: The project's facts for every sheet's header block (or just its name).
        matrix_level: Classes of the transition matrix: 1 first-level, 2 second-level.
        thresholds: Policy thresholds (compliance, the 新增永久基本农田 ratio, the period).
        years: ``(start, end)`` given to the run (either may be None).
        project_years: ``(start, end)`` of the project's settings.
        warn: Receives the notes a user should read (e.g. of the 耕地 indicators).
    """

    sources: Sources
    units: tuple[Unit, ...] = (HECTARE,)
    project: ProjectFacts | str = ""
    matrix_level: int = 1
    thresholds: Thresholds = field(default_factory=Thresholds)
    years: tuple = (None, None)
    project_years: tuple = (None, None)
    warn: Callable[[str], None] | None = None
    _wanted: set = field(default_factory=set, init=False, repr=False)
    _cache: dict = field(default_factory=dict, init=False, repr=False)

    # ------------------------------------------------------------------ what is given and wanted

    def given(self, need: Need) -> bool:
        """Whether the caller supplies ``need``."""
        return getattr(self.sources, need.key, None) is not None

    def expect(self, needs: Iterable[Need]) -> None:
        """Tell the inputs what the wanted tables need or use, so that shared reads are done once, fully."""
        self._wanted.update(needs)

    def wants(self, need: Need) -> bool:
        """Whether a wanted table needs or uses ``need``."""
        return need in self._wanted

    def optional(self, name: str):
        """The input ``name`` (an attribute of this object), or None when it cannot be had."""
        try:
            return getattr(self, name)
        except Unavailable:
            return None

    def failure(self, name: str) -> str | None:
        """Why a *given* input ``name`` could not be had (e.g. its child algorithm failed), else None.

        None as well when the input was simply not given (that is the table's
        ordinary "left out" reason, not a failure).
        """
        try:
            getattr(self, name)
        except Unavailable as exc:
            return None if exc.need is not None else exc.reason
        return None

    def _source(self, need: Need) -> Callable:
        source = getattr(self.sources, need.key, None)
        if source is None:
            raise Unavailable(need)
        return source

    # ------------------------------------------------------------------ read or run by the caller

    @_once
    def plan(self) -> Plan:
        """The plan (before × after pieces).

        Read with piece geometries when a wanted table asks for an overlay
        and its layers are given: :data:`PIECE_GEOMETRIES` with sub-projects,
        :data:`PIECES_ON_PBF` with the 永久基本农田 pieces,
        :data:`PIECES_ON_CONSTRAINTS` with a constraint layer.
        """
        keep = (self.wants(PIECE_GEOMETRIES) and self.given(SUBPROJECTS)) \
            or (self.wants(PIECES_ON_PBF) and self.given(PBF_PARCELS)) \
            or (self.wants(PIECES_ON_CONSTRAINTS) and self.sources.constraint_layers)
        return self._source(PLAN)(bool(keep))

    @_once
    def parcels(self) -> ParcelTable:
        """The current DLTB: the plan's before side when the plan is read anyway, else read alone."""
        if self.given(PLAN) and self.wants(PLAN):
            return self.plan.before
        return self._source(DLTB)()

    @_once
    def farmland(self) -> tuple[dict, pd.DataFrame | None]:
        """``(numbers, review)`` of the 永久基本农田 adjustment (see :class:`Sources`)."""
        return self._source(PBF)()

    @_once
    def farmland_parcels(self) -> dict:
        """The 永久基本农田 调出 and 调入 pieces (see :class:`Sources`)."""
        return self._source(PBF_PARCELS)()

    @_once
    def conflicts(self):
        """The plan's constraint conflicts (see :class:`Sources`)."""
        return self._source(CONFLICTS)(self.plan)

    @_once
    def contiguity(self) -> tuple[dict, dict | None]:
        """``(before, after)`` contiguity numbers (see :class:`Sources`)."""
        if self.sources.contiguity is None:
            raise Unavailable("no contiguity figures were supplied")
        return self.sources.contiguity()

    @_once
    def subprojects(self) -> pd.DataFrame:
        """The sub-projects with their areas (see :class:`Sources`)."""
        return self._source(SUBPROJECTS)()

    @_once
    def progress(self):
        """The plan against the later surveys (see :class:`Sources`)."""
        return self._source(SURVEY)()

    @property
    def subproject_layer(self):
        """The sub-project layer, or None."""
        return self.sources.subproject_layer

    # ------------------------------------------------------------------ derived once, shared by tables

    @property
    def pieces(self) -> pd.DataFrame:
        """The plan's pieces."""
        return self.plan.pieces

    @_once
    def cultivated(self) -> indicators.CultivatedLand:
        """耕地 figures of the plan (:func:`~core.indicators.cultivated_land`); its notes go to :attr:`warn`."""
        pieces = self.pieces
        result = indicators.cultivated_land(pieces, float(pieces["gross"].sum()))
        for note in result.notes:
            if self.warn is not None:
                self.warn(note)
        return result

    @_once
    def construction(self) -> indicators.ConstructionLand:
        """建设用地 figures of the plan (:func:`~core.indicators.construction_land`)."""
        return indicators.construction_land(self.pieces)

    @_once
    def structure(self) -> pd.DataFrame:
        """Class areas before and after (:func:`~core.indicators.structure`)."""
        return indicators.structure(self.pieces)

    @_once
    def period(self) -> Period | None:
        """The implementation period: the run's years, else the project's, else the sub-projects' (SSND)."""
        frame = self.optional("subprojects")
        return resolve_period(self.years, self.project_years, frame["year"] if frame is not None else None)
