"""约束冲突 (DOMAIN.md I12 and §6): the plan's pieces against the constraints, piece by piece.

The one home of the conflict rules: ``landconsolidation:conflicts``, the
compliance check (its four constraint rules) and the maps
(:mod:`.derived`) all call :func:`find_conflicts`.

=================================  ==========================================  ==================================
rule                               pieces looked at                            constraint
=================================  ==========================================  ==================================
``NO_BUILD_IN_RED_LINE``           planned 建设用地 that is not 建设用地 now      生态保护红线
``NO_BUILD_ON_PBF``                planned 建设用地                              永久基本农田, before **or** after
``NEW_CULTIVATED_NOT_IN_RED_LINE`` 新增耕地 (not 耕地 now, planned 耕地)           生态保护红线
``NEW_CULTIVATED_NOT_STEEP``       新增耕地                                      slope over 25°
=================================  ==========================================  ==================================

The red-line rule looks at *new* 建设用地 only: a village that lies in the
red line and stays is the 三区三线's own legacy (to be withdrawn in order), not
the scheme's doing.  永久基本农田 under any planned 建设用地 is a conflict,
whichever side of the adjustment it is on: 永农 is only taken out through the
调出 / 调入 review, and 建设用地 planned on land that is 永农 before the
adjustment is exactly what a reviewer sends back.

Areas are gross, in m²: the piece's share of its current parcel's TBMJ
(:mod:`.plan`).  The part of a piece inside a constraint gets the piece's
gross area × the share of the piece's ellipsoidal area that lies inside.
Parts whose ellipsoidal area is under ``min_area`` (default 1 m²) are the
noise of two layers digitised apart and are dropped (counted in a note).

Slope: with a slope raster or a DEM (:mod:`.slope`), a piece's steep part is
its gross area × the share of the raster cells whose centres fall inside it
that are steeper than the limit (cells without data left out); the part's
geometry is those cells clipped to the piece.  Without a raster – and for a
piece the raster does not cover – the piece's GDPDJB (planned, else current)
decides: grade 5 (> 25°) is steep; a piece with neither cannot be judged and
its area is reported as unknown, never as not steep.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

from . import codes as codes_mod
from . import ellipsoid, indicators
from . import slope as slope_mod
from .errors import check_canceled

#: Conflict rule → what a conflicting piece is (the maps' legend, the conflicts layer's RULE_NAME).
RULES = {
    "NO_BUILD_IN_RED_LINE": "规划建设用地位于生态保护红线内",
    "NO_BUILD_ON_PBF": "规划建设用地占用永久基本农田",
    "NEW_CULTIVATED_NOT_IN_RED_LINE": "新增耕地位于生态保护红线内",
    "NEW_CULTIVATED_NOT_STEEP": "新增耕地位于25°以上陡坡",
}
#: Output number of each rule's total area (landconsolidation:conflicts).
RULE_OUTPUTS = {
    "NO_BUILD_IN_RED_LINE": "BUILD_IN_RED_LINE_M2",
    "NO_BUILD_ON_PBF": "BUILD_ON_PBF_M2",
    "NEW_CULTIVATED_NOT_IN_RED_LINE": "NEW_CULTIVATED_IN_RED_LINE_M2",
    "NEW_CULTIVATED_NOT_STEEP": "NEW_CULTIVATED_STEEP_M2",
}
#: Parts of a piece inside a constraint smaller than this (m², ellipsoidal) are boundary noise.
DEFAULT_MIN_AREA = 1.0
#: Slope (degrees) above which new 耕地 is too steep (补充耕地质量验收办法（试行）, 2025).
DEFAULT_STEEP_DEGREES = 25.0
#: GDPDJB grade of slopes over 25°.
STEEP_GRADE = 5
PART_COLUMNS = ("RULE", "RULE_NAME", "PIECE", "BSM", "ZLDWDM", "DLBM_BEFORE", "DLBM_AFTER", "AREA_M2", "SHARE",
                "NOTE")


@dataclass
class SlopeSource:
    """A raster giving the slope: a slope raster in degrees, or a DEM.

    Attributes:
        path: What GDAL opens (a file, ``GPKG:file:table`` …).
        kind: :data:`.slope.SLOPE` or :data:`.slope.DEM`.
        crs: The raster's CRS (QgsCoordinateReferenceSystem); None: read from the file.
        name: The layer's name, for messages.
    """

    path: str
    kind: str = slope_mod.SLOPE
    crs: object = None
    name: str = ""


@dataclass
class Constraints:
    """The constraint layers of a run, each None when not given.

    Attributes:
        red_line: 生态保护红线 polygons in the plan's CRS.
        pbf: 永久基本农田 polygons (before and after together) in the plan's CRS.
        slope: The slope raster or DEM.
    """

    red_line: list | None = None
    pbf: list | None = None
    slope: SlopeSource | None = None


@dataclass
class Conflicts:
    """What :func:`find_conflicts` found.

    Attributes:
        parts: One row per conflicting part (:data:`PART_COLUMNS`); ``PIECE``
            is the plan piece's row, ``AREA_M2`` gross m², ``SHARE`` the share
            of the piece's area.
        geometries: The parts' geometries (the part inside the constraint).
        checked: rule → whether its constraint was given (the slope rule:
            a raster, or GDPDJB on some 新增耕地).
        looked_at_m2: rule → gross area of the pieces the rule looks at.
        unknown_m2: rule → gross area that could not be judged (the slope rule).
        basis: rule → what the rule was measured on, for notes.
        notes: Log lines (English, translated).
    """

    parts: pd.DataFrame
    geometries: list
    checked: dict
    looked_at_m2: dict
    unknown_m2: dict
    basis: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)

    def total(self, rule: str) -> float:
        """Gross m² of a rule's conflicts."""
        return float(self.parts.loc[self.parts["RULE"] == rule, "AREA_M2"].sum()) if len(self.parts) else 0.0

    def count(self, rule: str) -> int:
        """Number of a rule's conflicting parts."""
        return int((self.parts["RULE"] == rule).sum()) if len(self.parts) else 0

    def rows(self, rule: str) -> list[int]:
        """Row numbers (in :attr:`parts`) of a rule's parts."""
        return [int(i) for i in np.flatnonzero((self.parts["RULE"] == rule).to_numpy())] if len(self.parts) else []


def new_cultivated_mask(pieces: pd.DataFrame) -> np.ndarray:
    """新增耕地 pieces: not 耕地 now, 耕地 planned."""
    cult_b = pieces["base_b"].isin(codes_mod.CULTIVATED).to_numpy()
    cult_a = pieces["base_a"].isin(codes_mod.CULTIVATED).to_numpy()
    return ~cult_b & cult_a


def planned_construction_mask(pieces: pd.DataFrame) -> np.ndarray:
    """Pieces planned as 建设用地 (new or staying)."""
    return (pieces["cat_a"] == codes_mod.CONSTRUCTION).to_numpy()


def slope_grades(pieces: pd.DataFrame) -> np.ndarray:
    """GDPDJB of each piece: the planned grade, else the current one (NaN when neither)."""
    after = pd.to_numeric(pieces["gdpdjb_a"], errors="coerce").to_numpy(dtype=float)
    before = pd.to_numeric(pieces["gdpdjb_b"], errors="coerce").to_numpy(dtype=float)
    return np.where(np.isnan(after), before, after)


def find_conflicts(
    plan,
    constraints: Constraints,
    gk: ellipsoid.GaussKruger,
    *,
    steep_degrees: float = DEFAULT_STEEP_DEGREES,
    min_area: float = DEFAULT_MIN_AREA,
    transform_context=None,
    is_canceled: Callable[[], bool] | None = None,
) -> Conflicts:
    """The plan's pieces against the constraints (module docstring).

    Args:
        plan: A :class:`~.plan.Plan`, read with its piece geometries when a
            red line, 永久基本农田 or a raster is given.
        constraints: The constraint layers given.
        gk: Gauss-Krüger definition of the plan's CRS (ellipsoidal areas).
        steep_degrees: Slope limit (degrees) of new 耕地.
        min_area: Parts smaller than this (m², ellipsoidal) are dropped.
        transform_context: For reprojecting pieces into the raster's CRS.
        is_canceled: Returns True when the user cancelled.
    """
    from ..i18n import tr

    pieces = plan.pieces
    new_build = indicators.new_build_mask(pieces)
    built = planned_construction_mask(pieces)
    gained = new_cultivated_mask(pieces)
    gross = pieces["gross"].to_numpy(dtype=float)
    needs_geometry = constraints.red_line is not None or constraints.pbf is not None or constraints.slope is not None
    if needs_geometry and plan.geometries is None:
        raise ValueError("find_conflicts needs the plan's piece geometries for its constraint layers")
    rows: list[dict] = []
    geometries: list = []
    notes: list = []
    piece_area: dict[int, float] = {}
    dropped = [0, 0.0]

    def area_of(i: int) -> float:
        if i not in piece_area:
            piece_area[i] = ellipsoid.geometry_area(gk, plan.geometries[i])
        return piece_area[i]

    def add(rule: str, i: int, share: float, geom, note: str) -> None:
        rows.append({
            "RULE": rule, "RULE_NAME": RULES[rule], "PIECE": int(i), "BSM": _text(pieces["bsm_b"].iat[i]),
            "ZLDWDM": _text(pieces["village"].iat[i]) if "village" in pieces else "",
            "DLBM_BEFORE": str(pieces["base_b"].iat[i]), "DLBM_AFTER": str(pieces["base_a"].iat[i]),
            "AREA_M2": float(gross[i] * share), "SHARE": float(share), "NOTE": note,
        })
        geometries.append(geom)

    boxes: dict = {}

    def overlay(rule: str, mask: np.ndarray, polygons: list, label: str) -> None:
        from qgis.core import QgsGeometry

        from . import dltb
        from .geokernel import box_pairs_between

        if id(polygons) not in boxes:
            boxes[id(polygons)] = _boxes(polygons)
        chosen = np.flatnonzero(mask).tolist()
        shapes = [plan.geometries[i] for i in chosen]
        # The constraint polygons whose extent meets each piece's (edges included), by one sweep.
        first, second = box_pairs_between(_boxes(shapes), boxes[id(polygons)], is_canceled)
        cuts = np.searchsorted(first, np.arange(len(chosen) + 1)).tolist()
        second = second.tolist()
        for k, (i, geom) in enumerate(zip(chosen, shapes)):
            if k % 1000 == 0:
                check_canceled(is_canceled)
            hits = [polygons[j] for j in second[cuts[k]:cuts[k + 1]] if geom.intersects(polygons[j])]
            if not hits:
                continue
            cut = dltb.polygonal(geom.intersection(hits[0] if len(hits) == 1 else QgsGeometry.unaryUnion(hits)))
            if cut is None or cut.isEmpty():
                continue
            inside = ellipsoid.geometry_area(gk, cut)
            if inside < min_area:
                dropped[0] += 1
                dropped[1] += inside
                continue
            whole = area_of(int(i))
            share = min(inside / whole, 1.0) if whole > 0 else 0.0
            add(rule, int(i), share, cut, f"{share * 100:.1f}% 位于{label}内")

    checked = {rule: False for rule in RULES}
    basis = {}
    if constraints.red_line is not None:
        overlay("NO_BUILD_IN_RED_LINE", new_build, constraints.red_line, "生态保护红线")
        overlay("NEW_CULTIVATED_NOT_IN_RED_LINE", gained, constraints.red_line, "生态保护红线")
        checked["NO_BUILD_IN_RED_LINE"] = checked["NEW_CULTIVATED_NOT_IN_RED_LINE"] = True
    if constraints.pbf is not None:
        overlay("NO_BUILD_ON_PBF", built, constraints.pbf, "永久基本农田")
        checked["NO_BUILD_ON_PBF"] = True
    unknown, basis["NEW_CULTIVATED_NOT_STEEP"], steep_checked = _steep(
        plan, gained, gross, constraints.slope, steep_degrees, transform_context, is_canceled, add, notes)
    checked["NEW_CULTIVATED_NOT_STEEP"] = steep_checked
    if dropped[0]:
        notes.append(tr("{n} conflict part(s) under {limit:g} m² (together {area:.2f} m²) lie along the boundary "
                        "of a constraint layer drawn apart from the parcels and were left out.").format(
            n=dropped[0], limit=min_area, area=dropped[1]))
    parts = pd.DataFrame(rows, columns=list(PART_COLUMNS))
    return Conflicts(
        parts=parts, geometries=geometries, checked=checked,
        looked_at_m2={"NO_BUILD_IN_RED_LINE": float(gross[new_build].sum()),
                      "NO_BUILD_ON_PBF": float(gross[built].sum()),
                      "NEW_CULTIVATED_NOT_IN_RED_LINE": float(gross[gained].sum()),
                      "NEW_CULTIVATED_NOT_STEEP": float(gross[gained].sum())},
        unknown_m2={"NEW_CULTIVATED_NOT_STEEP": unknown}, basis=basis, notes=notes,
    )


def _boxes(geometries) -> np.ndarray:
    """``(xmin, ymin, xmax, ymax)`` rows of the geometries' extents, as four arrays.

    Those of a :class:`~.layers.GeometryList` from its WKB, without making its geometries.
    """
    from .geokernel import Rings

    if hasattr(geometries, "wkb_list"):
        return np.array(Rings.from_wkb(geometries.wkb_list()).bounds())
    rows = [(b.xMinimum(), b.yMinimum(), b.xMaximum(), b.yMaximum()) for b in (g.boundingBox() for g in geometries)]
    return np.array(rows, dtype=float).reshape(-1, 4).T


def _steep(plan, gained, gross, source: SlopeSource | None, limit: float, transform_context, is_canceled, add,
           notes) -> tuple[float, str, bool]:
    """The slope rule: (unknown m², basis text, whether anything could be judged)."""
    from ..i18n import tr

    pieces = plan.pieces
    grades = slope_grades(pieces)
    todo = [int(i) for i in np.flatnonzero(gained)]
    basis = []
    judged = False
    if source is not None and todo:
        grid, transform = _slope_grid(source, [plan.geometries[i] for i in todo], plan.before.crs,
                                       transform_context)
        rest = []
        for i in todo:
            check_canceled(is_canceled)
            geom = plan.geometries[i]
            if transform is not None:
                from qgis.core import QgsGeometry

                geom = QgsGeometry(geom)
                geom.transform(transform)
            cells = slope_mod.sample(grid, geom) if grid.values.size else None
            if cells is None or not cells.values.size:
                rest.append(i)
                continue
            judged = True
            steep = cells.values > limit
            if not steep.any():
                continue
            share = float(steep.sum()) / float(cells.values.size)
            part = plan.geometries[i]
            if not steep.all() and cells.by_centre:
                part = _steep_part(grid, cells, steep, geom, transform, plan.geometries[i])
            kind = "坡度栅格" if source.kind == slope_mod.SLOPE else "DEM 计算坡度"
            add("NEW_CULTIVATED_NOT_STEEP", i, share, part,
                f"{kind}：{int(steep.sum())}/{cells.values.size} 个像元 > {limit:g}°")
        if len(rest) < len(todo):
            basis.append("坡度栅格" if source.kind == slope_mod.SLOPE else "DEM")
        if rest:
            notes.append(tr("The slope raster does not cover {n} piece(s) of new cultivated land ({area:.2f} m²); "
                            "their GDPDJB is used where they have one.").format(n=len(rest), area=float(gross[rest].sum())))
        todo = rest
    unknown = 0.0
    used_grades = False
    for i in todo:
        grade = grades[i]
        if np.isnan(grade):
            unknown += float(gross[i])
            continue
        used_grades = judged = True
        if int(round(grade)) >= STEEP_GRADE:
            add("NEW_CULTIVATED_NOT_STEEP", i, 1.0, plan.geometries[i] if plan.geometries is not None else None,
                "耕地坡度级别 GDPDJB 5（> 25°）")
    if used_grades:
        basis.append("GDPDJB")
    if not np.any(gained):
        judged = True
    return unknown, "、".join(basis), judged


def _slope_grid(source: SlopeSource, geometries: list, plan_crs, transform_context):
    """The slope grid over the pieces (in the raster's CRS) and the transform of the pieces into it (or None)."""
    from qgis.core import QgsCoordinateTransform, QgsCoordinateTransformContext

    box = geometries[0].boundingBox()
    for geom in geometries[1:]:
        box.combineExtentWith(geom.boundingBox())
    crs = source.crs if source.crs is not None and source.crs.isValid() else slope_mod.raster_crs(source.path)
    transform = None
    if crs is not None and crs.isValid() and plan_crs is not None and plan_crs.isValid() and crs != plan_crs:
        transform = QgsCoordinateTransform(plan_crs, crs, transform_context or QgsCoordinateTransformContext())
        box = transform.transformBoundingBox(box)
    # A DEM's slope at a cell needs its neighbours: read two cells more on each side.
    pad = 2 if source.kind == slope_mod.DEM else 1
    grid = slope_mod.read_grid(source.path, (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()), pad,
                               name=source.name)
    if source.kind == slope_mod.DEM and grid.values.size:
        grid = slope_mod.dem_slope(grid, geographic=bool(crs is not None and crs.isValid() and crs.isGeographic()))
    return grid, transform


def _steep_part(grid, cells, steep, geom_in_raster_crs, transform, piece):
    """The steep cells clipped to the piece, in the plan's CRS (the whole piece when that fails)."""
    from . import dltb

    squares = slope_mod.cell_polygon(grid, cells.rows[steep], cells.cols[steep])
    if squares is None:
        return piece
    part = dltb.polygonal(squares.intersection(geom_in_raster_crs))
    if part is None or part.isEmpty():
        return piece
    if transform is not None:
        part.transform(transform, transform.ReverseTransform)
    return part


def _text(value) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value)
