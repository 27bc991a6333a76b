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
    return [bytes(g.asWkb()) if g is not None and not g.isNull() else b"" for g in geometries]


def overlay(
    geoms_a: Sequence,
    geoms_b: Sequence,
    gk,
    *,
    keep_geometry: bool = False,
    area_a: np.ndarray | None = None,
    area_b: np.ndarray | None = None,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> Overlay:
    """The pieces of two polygon layers: each geometry of A intersected with the geometries of B it meets.

    Args:
        geoms_a, geoms_b: QgsGeometry lists in the same CRS.
        gk: The Gauss-Krüger definition of that CRS (for ellipsoidal areas).
        keep_geometry: Also return the pieces' geometries.
        area_a, area_b: The geometries' ellipsoidal areas, when known.
        progress: Called with a percentage.
        is_canceled: Returns True when the user cancelled.

    Returns:
        The pieces, in the order of A (an A geometry's pieces together).
    """
    from qgis.core import QgsGeometry, QgsSpatialIndex

    from .dltb import polygonal

    area_a = ellipsoid.geometry_areas(gk, geoms_a) if area_a is None else np.asarray(area_a, dtype=float)
    area_b = ellipsoid.geometry_areas(gk, geoms_b) if area_b is None else np.asarray(area_b, dtype=float)
    keys_b: dict[bytes, int] = {}
    for j, key in enumerate(wkb_keys(geoms_b)):
        if key:
            keys_b.setdefault(key, j)
    twin = np.full(len(geoms_a), -1, dtype=np.int64)
    for i, key in enumerate(wkb_keys(geoms_a)):
        j = keys_b.get(key, -1) if key else -1
        if j >= 0:
            twin[i] = j
    matched_b = np.zeros(len(geoms_b), dtype=bool)
    matched_b[twin[twin >= 0]] = True
    index = QgsSpatialIndex()
    for j in np.flatnonzero(~matched_b).tolist():
        geom = geoms_b[j]
        if geom is not None and not geom.isNull():
            index.addFeature(j, geom.boundingBox())

    rows_a, rows_b, geoms = [], [], []
    cut_geoms, cut_index = [], []  # pieces to measure in one batch after the loop
    total = max(len(geoms_a), 1)
    for i, geom in enumerate(geoms_a):
        if i % 500 == 0:
            check_canceled(is_canceled)
            if progress is not None:
                progress(100.0 * i / total)
        if twin[i] >= 0:
            rows_a.append(i)
            rows_b.append(int(twin[i]))
            geoms.append(geom)
            continue
        if geom is None or geom.isNull() or area_a[i] <= 0:
            continue
        engine = QgsGeometry.createGeometryEngine(geom.constGet())
        engine.prepareGeometry()
        for j in index.intersects(geom.boundingBox()):
            other = geoms_b[j]
            if not engine.intersects(other.constGet()):
                continue
            if engine.within(other.constGet()):
                piece = geom
            else:
                piece = polygonal(geom.intersection(other))
                if piece is None or piece.isEmpty():
                    continue
                cut_geoms.append(piece)
                cut_index.append(len(rows_a))
            rows_a.append(i)
            rows_b.append(j)
            geoms.append(piece)
    rows_a = np.asarray(rows_a, dtype=np.int64)
    rows_b = np.asarray(rows_b, dtype=np.int64)
    area = area_a[rows_a].astype(float) if len(rows_a) else np.zeros(0)
    if cut_index:
        area[cut_index] = ellipsoid.geometry_areas(gk, cut_geoms)
    overlapping = _overlapping_twins(geoms_a, geoms_b, gk, twin, matched_b, rows_b, area, area_b)
    if progress is not None:
        progress(100.0)
    return Overlay(rows_a, rows_b, area, area_a, area_b, geoms if keep_geometry else None,
                   identical=int((twin >= 0).sum()), overlapping_b=overlapping)


def _overlapping_twins(geoms_a, geoms_b, gk, twin, matched_b, rows_b, area, area_b,
                       tolerance: float = 0.01) -> list[int]:
    """Unmatched B geometries that lie partly over matched A geometries (B overlapping itself).

    When the layers tile the ground, every unmatched B geometry is covered by
    unmatched A geometries; only those that are not are checked.
    """
    from qgis.core import QgsGeometry, QgsSpatialIndex

    covered = np.bincount(rows_b, weights=area, minlength=len(area_b)) if len(area_b) else np.zeros(0)
    suspects = np.flatnonzero(~matched_b & (covered < area_b - tolerance))
    if not len(suspects) or not (twin >= 0).any():
        return []
    index = QgsSpatialIndex()
    for i in np.flatnonzero(twin >= 0).tolist():
        index.addFeature(i, geoms_a[i].boundingBox())
    found = []
    for j in suspects.tolist():
        geom = geoms_b[j]
        if geom is None or geom.isNull():
            continue
        engine = QgsGeometry.createGeometryEngine(geom.constGet())
        engine.prepareGeometry()
        parts = [geom.intersection(geoms_a[i]) for i in index.intersects(geom.boundingBox())
                 if engine.relatePattern(geoms_a[i].constGet(), "2********")]
        if parts and float(ellipsoid.geometry_areas(gk, parts).sum()) > tolerance:
            found.append(j)
    return found
