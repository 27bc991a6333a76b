"""Overlaying two polygon layers that tile the same ground: which pieces they make, and how big.

Used by the plan (current × planned DLTB) and by implementation monitoring
(plan pieces × a later survey).  Most parcels of such a pair are the *same*
polygon in both layers – a planned DLTB keeps every parcel the plan does
not touch, a change survey every parcel nothing happened to – so those are
matched first without GEOS: two geometries with the same WKB are one whole
piece of each.  Only the others are intersected, each with the other
layer's unmatched geometries near it (prepared geometries and a spatial
index).  Areas are 三调 ellipsoidal areas, measured in batches.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from . import ellipsoid
from .errors import check_canceled


@dataclass
class Overlay:
    """The pieces of two layers.

    Attributes:
        rows_a, rows_b: For each piece, the index of the geometry of layer A
            and of layer B it is part of.
        area: Ellipsoidal area of each piece (m²).
        area_a, area_b: Ellipsoidal area of each geometry of A and of B.
        geometries: Each piece's geometry (QgsGeometry), when asked for.
        identical: Number of pieces that are a whole geometry of both layers.
        overlapping_b: Geometries of B (indices) lying over an A geometry
            that is identical to another B geometry: B overlaps itself there,
            which the matching alone would not see.
    """

    rows_a: np.ndarray
    rows_b: np.ndarray
    area: np.ndarray
    area_a: np.ndarray
    area_b: np.ndarray
    geometries: list | None
    identical: int = 0
    overlapping_b: list = None

    def covered_a(self) -> np.ndarray:
        """Area of each geometry of A that pieces cover."""
        return np.bincount(self.rows_a, weights=self.area, minlength=len(self.area_a))


def wkb_keys(geometries: Sequence) -> list[bytes]:
    """The WKB of each geometry (b"" for a null one): equal keys, the same polygon."""
    if hasattr(geometries, "wkb_list"):
        return geometries.wkb_list()
    return [bytes(g.asWkb()) if g is not None and not g.isNull() else b"" for g in geometries]


def overlay(
    geoms_a: Sequence,
    geoms_b: Sequence,
    gk,
    *,
    keep_geometry: bool = False,
    area_a: np.ndarray | None = None,
    area_b: np.ndarray | None = None,
    rings_a=None,
    rings_b=None,
    check_overlaps: bool = True,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> Overlay:
    """The pieces of two polygon layers: each geometry of A intersected with the geometries of B it meets.

    Three steps, cheapest first:

    1. the same WKB in both layers: one whole piece, no GEOS (most of a plan);
    2. an unmatched A geometry lying wholly inside an unmatched B geometry
       (parcels merged in the plan): one whole piece, found by B's prepared
       geometry (``contains``: a point-in-polygon test per vertex against
       B's indexed edges), one B at a time;
    3. the rest (re-digitised or split parcels): intersected.

    Geometries held as WKB (:class:`~.dltb.GeometryList`) are made
    QgsGeometry objects only where GEOS is needed; areas and bounding boxes
    come from the WKB in a few array passes (:class:`~.geokernel.Rings`).
    On the generated 250 000-parcel county: 198 000 parcels matched by
    WKB, 52 000 inside a merged parcel, 0 intersected.

    Args:
        geoms_a, geoms_b: QgsGeometry lists (or GeometryLists) in the same CRS.
        gk: The Gauss-Krüger definition of that CRS (for ellipsoidal areas).
        keep_geometry: Also return the pieces' geometries (a GeometryList:
            a whole piece is its A geometry).
        area_a, area_b: The geometries' ellipsoidal areas, when known.
        rings_a, rings_b: The geometries as :class:`~.geokernel.Rings`
            (polygon ``i`` = geometry ``i``), when already read.
        check_overlaps: Look for B geometries overlapping each other
            (:attr:`Overlay.overlapping_b`); off when B does not tile A's
            ground (parcels of another layer over a plan's pieces).
        progress: Called with a percentage.
        is_canceled: Returns True when the user cancelled.

    Returns:
        The pieces, in the order of A (an A geometry's pieces together).
    """
    from qgis.core import QgsGeometry, QgsRectangle, QgsSpatialIndex

    from .dltb import GeometryList, polygonal
    from .geokernel import Rings

    keys_a, keys_b = wkb_keys(geoms_a), wkb_keys(geoms_b)
    rings_a = Rings.from_wkb(keys_a, origin=(0.0, 0.0)) if rings_a is None else rings_a
    rings_b = Rings.from_wkb(keys_b, origin=(0.0, 0.0)) if rings_b is None else rings_b
    area_a = _areas(gk, rings_a) if area_a is None else area_a
    area_b = _areas(gk, rings_b) if area_b is None else area_b
    area_a, area_b = np.asarray(area_a, dtype=float), np.asarray(area_b, dtype=float)
    first_b: dict[bytes, int] = {}
    for j, key in enumerate(keys_b):
        if key:
            first_b.setdefault(key, j)
    twin = np.fromiter((first_b.get(key, -1) if key else -1 for key in keys_a), dtype=np.int64, count=len(keys_a))
    del first_b
    has_a = np.fromiter((bool(k) for k in keys_a), dtype=bool, count=len(keys_a))
    has_b = np.fromiter((bool(k) for k in keys_b), dtype=bool, count=len(keys_b))
    matched_b = np.zeros(len(keys_b), dtype=bool)
    matched_b[twin[twin >= 0]] = True
    todo_a = np.flatnonzero((twin < 0) & (area_a > 0) & has_a)
    todo_b = np.flatnonzero(~matched_b & has_b)
    box_a = np.column_stack(rings_a.bounds())
    box_b = np.column_stack(rings_b.bounds())
    del rings_a, rings_b
    index = QgsSpatialIndex()
    for i, (x0, y0, x1, y1) in zip(todo_a.tolist(), box_a[todo_a].tolist()):
        index.addFeature(i, QgsRectangle(x0, y0, x1, y1))

    rows_a, rows_b, geoms, cut_index, cut_geoms = [], [], [], [], []
    inside = np.zeros(len(keys_a), dtype=bool)  # A geometries found wholly inside a B geometry
    candidates = []
    total = max(2 * len(todo_b), 1)
    # Step 2: A inside B, each B prepared once.
    for count, j in enumerate(todo_b.tolist()):
        if count % 200 == 0:
            check_canceled(is_canceled)
            if progress is not None:
                progress(100.0 * count / total)
        near = [i for i in index.intersects(QgsRectangle(*box_b[j].tolist())) if not inside[i]]
        candidates.append(near)
        if not near:
            continue
        engine = QgsGeometry.createGeometryEngine(geoms_b[j].constGet())
        engine.prepareGeometry()
        for i in near:
            if engine.contains(geoms_a[i].constGet()):
                inside[i] = True
                rows_a.append(i)
                rows_b.append(j)
                geoms.append(geoms_a.raw(i) if hasattr(geoms_a, "raw") else geoms_a[i])
    # Step 3: the A geometries left, intersected with the B geometries they meet.
    for count, (j, near) in enumerate(zip(todo_b.tolist(), candidates)):
        if count % 200 == 0:
            check_canceled(is_canceled)
            if progress is not None:
                progress(50.0 + 100.0 * count / total)
        near = [i for i in near if not inside[i]]
        if not near:
            continue
        other = geoms_b[j]
        engine = QgsGeometry.createGeometryEngine(other.constGet())
        engine.prepareGeometry()
        for i in near:
            geom = geoms_a[i]
            if not engine.intersects(geom.constGet()):
                continue
            piece = polygonal(geom.intersection(other))
            if piece is None or piece.isEmpty():
                continue
            cut_index.append(len(rows_a))
            cut_geoms.append(piece)
            rows_a.append(i)
            rows_b.append(j)
            geoms.append(piece)
    del candidates, index
    matched_rows = np.flatnonzero(twin >= 0)
    rows_a = np.concatenate([matched_rows, np.asarray(rows_a, dtype=np.int64)])
    rows_b = np.concatenate([twin[matched_rows], np.asarray(rows_b, dtype=np.int64)])
    area = area_a[rows_a].astype(float) if len(rows_a) else np.zeros(0)
    if cut_index:
        area[len(matched_rows) + np.asarray(cut_index, dtype=np.int64)] = ellipsoid.geometry_areas(gk, cut_geoms)
    order = np.argsort(rows_a, kind="stable")  # an A geometry's pieces together, in the order of A
    rows_a, rows_b, area = rows_a[order], rows_b[order], area[order]
    pieces = None
    if keep_geometry:
        items = [keys_a[i] for i in matched_rows.tolist()] + geoms
        pieces = GeometryList([items[k] for k in order.tolist()])
    # A B geometry lying over A geometries already taken whole (matched, or inside another B) overlaps B.
    whole = (twin >= 0) | inside
    overlapping = _overlapping(geoms_a, geoms_b, gk, whole, box_a, matched_b, rows_a, rows_b, area, area_b) \
        if check_overlaps else []
    if progress is not None:
        progress(100.0)
    return Overlay(rows_a, rows_b, area, area_a, area_b, pieces,
                   identical=int(len(matched_rows)), overlapping_b=overlapping)


def _overlapping(geoms_a, geoms_b, gk, whole, box_a, matched_b, rows_a, rows_b, area, area_b,
                 tolerance: float = 0.01) -> list[int]:
    """Unmatched B geometries lying partly over A geometries taken whole by other B geometries (B overlaps itself).

    When the layers tile the ground, every unmatched B geometry is covered
    by its pieces; only those that are not are checked, against the A
    geometries they did not meet in the overlay (those taken whole).
    """
    from qgis.core import QgsGeometry, QgsRectangle, QgsSpatialIndex

    covered = np.bincount(rows_b, weights=area, minlength=len(area_b)) if len(area_b) else np.zeros(0)
    suspects = np.flatnonzero(~matched_b & (covered < area_b - tolerance))
    if not len(suspects) or not whole.any():
        return []
    index = QgsSpatialIndex()
    for i in np.flatnonzero(whole).tolist():
        index.addFeature(i, QgsRectangle(*box_a[i].tolist()))
    own = set(zip(rows_a.tolist(), rows_b.tolist()))
    found = []
    for j in suspects.tolist():
        geom = geoms_b[j]
        if geom is None or geom.isNull():
            continue
        engine = QgsGeometry.createGeometryEngine(geom.constGet())
        engine.prepareGeometry()
        parts = [geom.intersection(geoms_a[i]) for i in index.intersects(geom.boundingBox())
                 if (i, j) not in own and engine.relatePattern(geoms_a[i].constGet(), "2********")]
        if parts and float(ellipsoid.geometry_areas(gk, parts).sum()) > tolerance:
            found.append(j)
    return found


def _areas(gk, rings) -> np.ndarray:
    """Ellipsoidal area of each polygon of ``rings``."""
    xy = rings.xy + np.asarray(rings.origin) if any(rings.origin) else rings.xy  # exact: the origin was subtracted
    return ellipsoid.rings_areas(gk, xy, rings.length, np.where(rings.hole, -1.0, 1.0), rings.owner, rings.count)
