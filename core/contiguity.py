"""耕地集中连片 (I7) and fragmentation metrics (I8), fast on a whole county.

When two parcels belong to one block
------------------------------------
Two parcels of the analysed classes (耕地 by default) are *joined* when

1. they share a stretch of boundary at least :data:`MIN_CONTACT_LENGTH`
   (1 m) long, with boundaries within :data:`CONTACT_TOLERANCE` (5 cm)
   counting as shared.  Parcels meeting only at a corner are **not**
   joined directly (rook, not queen, contiguity): no machine and no
   irrigation channel passes through a point, and the dissolve of two such
   parcels is a two-part multipolygon as well.  They are still in one block
   when something else joins them; or
2. the gap between them is at most ``max_gap`` wide and lies wholly on
   narrow *connector* parcels (农村道路 1006, 沟渠 1107, 田坎 1203 by default):
   the shortest segment between the two parcels is at most ``max_gap``
   long and every point on it (tested every :data:`SAMPLE_SPACING` m) is
   inside a connector whose width is at most ``max_gap``.  The width is
   ``XZDWKD`` where the parcel has one, else ``2 × area / perimeter`` (the
   width of a long strip).  A wider connector, a gap wider than
   ``max_gap`` (two connectors side by side count together) and any other
   class in the gap (a river, a 公路, a house) break the link.

A block is a connected component of the joined-relation; its area is the
Σ TBDLMJ of its parcels (the connectors are not counted).  Note what this is
*not*: dissolving 耕地 together with the connector parcels
(``native:dissolve`` of 耕地 + 1006/1107/1203) joins every field along a
road or ditch, however far apart – on the generated 250 000-parcel county
that gives 32 "blocks", roughly one per township; here fields are only
joined *across* a narrow connector.

How it is fast
--------------
No parcel geometry is dissolved to find the blocks.  Rings are read once
into numpy arrays; every vertex is matched with the boundary segments
within ``max_gap`` of it through a uniform grid (a spatial hash, one sort),
which gives for each pair of nearby parcels their distance, their contact
length and their closest points.  The minimum distance between two
polygons whose boundaries do not cross is always attained at a vertex of
one of them, so this is exact.  Whether a gap lies on connectors is
decided by the same vertex-segment search on the sample points (a point is
inside a polygon when it lies on the inner side of the nearest boundary
segment).  Joins are merged by a vectorised union-find.

Polygons are only built for the output layer, and without GEOS's union:
parcels of a survey tile the ground, so a block's outline is what remains
of its parcels' edges once every edge shared by two of them is removed
(:func:`block_outlines`); the rare groups of overlapping or unevenly noded
parcels this cannot dissolve are dissolved with GEOS.  The layer is read
by GDAL's columnar (Arrow) reader when it is a plain file layer
(:func:`read_parcels`).  On the generated 250 000-parcel county all of this
takes a few seconds, where the dissolve chain takes over a minute
(``benchmarks/bench_contiguity.py``).

The geometry work is pure numpy; QGIS is needed only to read layers
(:func:`read_parcels`) and to build the block features
(:func:`block_geometries`).
"""
from __future__ import annotations

import math
import os
import struct
import sys
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from . import codes as codes_mod
from . import ellipsoid
from .errors import Cancelled, LandConsolidationError
from .units import MU_PER_M2
from .values import is_null, numbers, to_text

#: 农村道路, 沟渠, 田坎: the linear features that do not break a block.
CONNECTOR_CODES = codes_mod.CONNECTOR_CODES
#: Default widest gap (m) that still joins two parcels.
DEFAULT_MAX_GAP = 8.0
#: Boundaries closer than this (m) count as touching.
CONTACT_TOLERANCE = 0.05
#: Shortest shared boundary (m) that joins two touching parcels; less is a
#: corner contact.
MIN_CONTACT_LENGTH = 1.0
#: Spacing (m) of the points tested along a gap: a strip of another class
#: narrower than this lying inside a gap can be missed.
SAMPLE_SPACING = 1.0
#: Block size classes (亩): 百亩方, 五百亩方, 千亩方.
BLOCK_CLASSES_MU = (100.0, 500.0, 1000.0)
#: Parcels below this size (亩) are "small" in the fragmentation metrics.
SMALL_PARCEL_MU = 5.0
#: m² per 100 ha, the unit area of patch density.
M2_PER_100HA = 1_000_000.0

_F8 = np.dtype("<f8")
#: Threads for the neighbour search (numpy releases the GIL); at most 2, as
#: QGIS itself and other tasks share the machine.
WORKERS = max(1, min(2, os.cpu_count() or 1))
# Largest number of (point, segment) candidates compared at once; bounds the
# memory of the neighbour search (≈ 150 bytes each with the temporaries).
_CANDIDATE_BUDGET = 250_000


# ---------------------------------------------------------------------------
# Rings and segments
# ---------------------------------------------------------------------------


@dataclass
class Rings:
    """The rings of many polygons as flat numpy arrays.

    Attributes:
        xy: ``V × 2`` vertex coordinates relative to ``origin``; every ring
            is closed (its last vertex repeats the first).
        start: First vertex of each ring.
        length: Vertex count of each ring, closing vertex included.
        owner: Index of the polygon each ring belongs to.
        hole: True for interior rings.
        count: Number of polygons.
        origin: Subtracted from the coordinates (keeps them small).
    """

    xy: np.ndarray
    start: np.ndarray
    length: np.ndarray
    owner: np.ndarray
    hole: np.ndarray
    count: int
    origin: tuple[float, float] = (0.0, 0.0)

    @classmethod
    def from_arrays(
        cls,
        polygons: Sequence[Sequence[np.ndarray]],
        origin: tuple[float, float] = (0.0, 0.0),
    ) -> Rings:
        """Rings from ``[[exterior, hole, …], …]`` arrays (one list per polygon)."""
        chunks, lengths, owners, holes = [], [], [], []
        for index, polygon in enumerate(polygons):
            for k, ring in enumerate(polygon):
                ring = np.asarray(ring, dtype=float)[:, :2]
                if len(ring) and not np.array_equal(ring[0], ring[-1]):
                    ring = np.vstack([ring, ring[:1]])
                if len(ring) < 4:
                    continue
                chunks.append(ring - np.asarray(origin))
                lengths.append(len(ring))
                owners.append(index)
                holes.append(k > 0)
        return cls._build(chunks, lengths, owners, holes, len(polygons), origin)

    @classmethod
    def from_wkb(cls, blobs: Sequence[bytes], origin: tuple[float, float] | None = None) -> Rings:
        """Rings of (multi)polygon WKB blobs; null or empty blobs give no rings.

        Args:
            blobs: ISO WKB or EWKB, any byte order, Z/M dropped; curved
                geometries are segmentized by QGIS.
            origin: Subtracted from all coordinates; default: the first
                vertex, rounded down to a kilometre.
        """
        blobs = [bytes(b) if b else b"" for b in blobs]
        simple_xy, simple_len, simple_owner, rest = _simple_rings(blobs)
        raw: list[bytes] = []
        lengths: list[int] = []
        owners: list[int] = []
        holes: list[bool] = []
        for index in rest:

            def sink(k: int, n_pts: int, data: bytes, owner=index) -> None:
                if n_pts and data[:16] != data[-16:]:  # close an open ring
                    data += data[:16]
                    n_pts += 1
                if n_pts >= 4:
                    raw.append(data)
                    lengths.append(n_pts)
                    owners.append(owner)
                    holes.append(k > 0)

            ellipsoid.parse_wkb(blobs[index], sink)
        xy = simple_xy
        if raw:
            xy = np.vstack([xy, np.frombuffer(b"".join(raw), dtype=_F8).reshape(-1, 2)])
        if origin is None:
            origin = (math.floor(xy[0, 0] / 1000) * 1000.0, math.floor(xy[0, 1] / 1000) * 1000.0) if len(xy) else (0, 0)
        xy = xy - np.asarray(origin)
        lengths_a = np.concatenate([simple_len, np.asarray(lengths, dtype=np.int64)])
        starts = np.concatenate(([0], np.cumsum(lengths_a)[:-1])).astype(np.int64) if len(lengths_a) else lengths_a
        return cls(
            xy=xy,
            start=starts,
            length=lengths_a,
            owner=np.concatenate([simple_owner, np.asarray(owners, dtype=np.int64)]),
            hole=np.concatenate([np.zeros(len(simple_len), dtype=bool), np.asarray(holes, dtype=bool)]),
            count=len(blobs),
            origin=tuple(origin),
        )

    @classmethod
    def _build(cls, chunks, lengths, owners, holes, count, origin) -> Rings:
        xy = np.vstack(chunks) if chunks else np.zeros((0, 2))
        lengths_a = np.asarray(lengths, dtype=np.int64)
        starts = np.concatenate(([0], np.cumsum(lengths_a)[:-1])).astype(np.int64) if chunks else lengths_a
        return cls(
            xy=xy,
            start=starts,
            length=lengths_a,
            owner=np.asarray(owners, dtype=np.int64),
            hole=np.asarray(holes, dtype=bool),
            count=count,
            origin=tuple(origin),
        )

    def subset(self, polygons: np.ndarray) -> Rings:
        """The rings of the given polygons, renumbered ``0 … len(polygons) − 1``."""
        polygons = np.asarray(polygons, dtype=np.int64)
        new_index = np.full(self.count, -1, dtype=np.int64)
        new_index[polygons] = np.arange(len(polygons))
        keep = new_index[self.owner] >= 0
        vertex_keep = np.repeat(keep, self.length)
        lengths = self.length[keep]
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64) if len(lengths) else lengths
        return Rings(
            xy=self.xy[vertex_keep],
            start=starts,
            length=lengths,
            owner=new_index[self.owner[keep]],
            hole=self.hole[keep],
            count=len(polygons),
            origin=self.origin,
        )

    def segment_ends(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(first vertex, second vertex, ring)`` index of every boundary segment."""
        if not len(self.length):
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        last = np.zeros(len(self.xy), dtype=bool)
        last[self.start + self.length - 1] = True
        first = np.flatnonzero(~last)
        ring = np.repeat(np.arange(len(self.length)), self.length)[first]
        return first, first + 1, ring

    def measures(self) -> tuple[np.ndarray, np.ndarray]:
        """Planar area and perimeter of each polygon (holes subtracted / added)."""
        a, b, ring = self.segment_ends()
        x, y = self.xy[:, 0], self.xy[:, 1]
        twice = np.bincount(ring, x[a] * y[b] - x[b] * y[a], minlength=len(self.length))
        ring_area = np.abs(twice) / 2.0
        signed = np.where(self.hole, -ring_area, ring_area)
        seg_len = np.hypot(x[b] - x[a], y[b] - y[a])
        ring_perimeter = np.bincount(ring, seg_len, minlength=len(self.length))
        area = np.bincount(self.owner, signed, minlength=self.count)
        perimeter = np.bincount(self.owner, ring_perimeter, minlength=self.count)
        return area, perimeter


def _simple_rings(blobs: Sequence[bytes]):
    """Vectorised parse of the common case: one ring, 2D, little-endian.

    A (Multi)Polygon blob with one part and one closed ring of 2D
    little-endian coordinates is read without a Python step per blob; the
    others are returned (as indices) for the general parser.

    Returns:
        ``(xy, lengths, owners, rest)``.
    """
    sizes = np.fromiter((len(b) for b in blobs), dtype=np.int64, count=len(blobs))
    buf = b"".join(blobs)
    raw = np.frombuffer(buf, dtype=np.uint8)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
    none = (np.zeros((0, 2)), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    candidate = sizes >= 13 + 4 * 16
    if not candidate.any():
        return (*none, list(np.flatnonzero(sizes > 0)))

    def u32(offsets):
        at = np.clip(offsets, 0, max(len(raw) - 4, 0))
        return (
            raw[at].astype(np.int64)
            | raw[at + 1].astype(np.int64) << 8
            | raw[at + 2].astype(np.int64) << 16
            | raw[at + 3].astype(np.int64) << 24
        )

    safe = np.where(candidate, starts, 0)
    little = raw[safe] == 1
    kind = u32(safe + 1)
    multi = kind == 6
    # Polygon: type 3, rings at +5, points at +9, coordinates from +13.
    # MultiPolygon of one Polygon: parts at +5, polygon header at +9.
    header = np.where(multi, 22, 13)
    poly_at = np.where(multi, safe + 9, safe)
    ok = candidate & little & ((kind == 3) | multi)
    ok &= np.where(multi, (u32(safe + 5) == 1) & (raw[np.minimum(safe + 9, len(raw) - 1)] == 1), True)
    ok &= np.where(multi, u32(poly_at + 1) == 3, True)
    ok &= u32(poly_at + 5) == 1
    points = u32(poly_at + 9)
    ok &= sizes == header + 16 * points
    ok &= points >= 4
    chosen = np.flatnonzero(ok)
    rest = list(np.flatnonzero(~ok & (sizes > 0)))
    if not len(chosen):
        return (*none, rest)
    counts = points[chosen]
    first_byte = starts[chosen] + header[chosen]
    # Every value starts at first_byte + 8 k; read each through the float
    # view of the buffer that has its byte alignment.
    value_start = np.repeat(first_byte, 2 * counts) + 8 * (
        np.arange(int(2 * counts.sum())) - np.repeat(np.cumsum(2 * counts) - 2 * counts, 2 * counts)
    )
    values = np.empty(len(value_start))
    shift = value_start % 8
    for k in np.unique(shift):
        view = np.frombuffer(buf, dtype=_F8, count=(len(buf) - k) // 8, offset=int(k))
        sel = shift == k
        values[sel] = view[(value_start[sel] - k) // 8]
    xy = values.reshape(-1, 2)
    ring_first = np.concatenate(([0], np.cumsum(counts)[:-1]))
    closed = np.all(xy[ring_first] == xy[ring_first + counts - 1], axis=1)
    if not closed.all():
        # Rare: leave unclosed rings to the general parser.
        keep_vertex = np.repeat(closed, counts)
        rest.extend(chosen[~closed].tolist())
        rest.sort()
        xy = xy[keep_vertex]
        chosen = chosen[closed]
        counts = counts[closed]
    return xy, counts.astype(np.int64), chosen.astype(np.int64), rest


def _parallel(function: Callable, items: list) -> list:
    """``[function(item) for item in items]`` on up to :data:`WORKERS` threads, in order.

    The work is numpy array operations, which release the GIL, so threads
    use more than one core.
    """
    if WORKERS <= 1 or len(items) <= 1:
        return [function(item) for item in items]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(function, items))


class _Background:
    """Run ``function`` on another thread (when :data:`WORKERS` > 1); :meth:`result` waits for it."""

    def __init__(self, function: Callable):
        self._function = function
        self._future = None
        if WORKERS > 1:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=1)
            self._future = self._pool.submit(function)

    def result(self):
        if self._future is None:
            return self._function()
        try:
            return self._future.result()
        finally:
            self._pool.shutdown(wait=False)


def _heads(sorted_keys: np.ndarray) -> np.ndarray:
    """Index of the first element of each run of equal values."""
    if not len(sorted_keys):
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])


def _reduce(ufunc, values: np.ndarray, heads: np.ndarray, empty=0.0) -> np.ndarray:
    """``ufunc.reduceat`` that accepts no groups."""
    if not len(heads):
        return np.zeros(0, dtype=np.asarray(values).dtype) if empty is None else np.full(0, empty)
    return ufunc.reduceat(values, heads)


@dataclass
class Segments:
    """Boundary segments with the side their polygon's interior lies on.

    ``side`` is +1 when the interior is on the left of ``(x1, y1) → (x2, y2)``
    (exteriors counter-clockwise, holes clockwise), −1 otherwise.
    """

    x1: np.ndarray
    y1: np.ndarray
    x2: np.ndarray
    y2: np.ndarray
    owner: np.ndarray
    side: np.ndarray

    @classmethod
    def of(cls, rings: Rings) -> Segments:
        """All boundary segments of ``rings``."""
        a, b, ring = rings.segment_ends()
        x, y = rings.xy[:, 0], rings.xy[:, 1]
        twice = np.bincount(ring, x[a] * y[b] - x[b] * y[a], minlength=len(rings.length))
        ccw = twice > 0
        interior_left = np.where(rings.hole, ~ccw, ccw)
        side = np.where(interior_left, 1.0, -1.0)[ring]
        return cls(x[a], y[a], x[b], y[b], rings.owner[ring], side)

    def __len__(self) -> int:
        return len(self.x1)


@dataclass
class Near:
    """(point, segment) pairs within the search radius.

    Attributes:
        point: Index of the point.
        segment: Index of the segment.
        dist: Distance from the point to the segment.
        qx, qy: The segment's point nearest to the point (None when compact).
        inner: Signed distance of the point from the segment's line, positive
            on the interior side of the segment's polygon (None when compact).
    """

    point: np.ndarray
    segment: np.ndarray
    dist: np.ndarray
    qx: np.ndarray
    qy: np.ndarray
    inner: np.ndarray

    @classmethod
    def empty(cls) -> Near:
        """No pairs."""
        none = np.zeros(0, dtype=np.int64)
        return cls(none, none, np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0))


class SegmentGrid:
    """A uniform grid over boundary segments, for "which segments are near" queries.

    Each segment is hashed into the cells that its bounding box, grown by
    ``radius``, covers (``compact`` gives pairs and distances only: no
    nearest points and no interior-side distances, which only
    :func:`points_inside` needs); long segments that are neither horizontal nor
    vertical are first cut into pieces about one cell long, so a diagonal
    edge does not fill a whole square of cells.  A point is then compared
    only with the segments hashed into its own cell.
    """

    def __init__(self, segs: Segments, radius: float, cell: float | None = None, compact: bool = False):
        self.segs = segs
        self.radius = float(radius)
        self.cell = float(cell or max(4.0 * radius, 16.0))
        self.compact = compact
        self.dx = segs.x2 - segs.x1
        self.dy = segs.y2 - segs.y1
        self.length = np.hypot(self.dx, self.dy)
        with np.errstate(divide="ignore"):
            self.inv_length2 = np.where(self.length > 0, 1.0 / (self.length * self.length), 0.0)
        self.box = (
            np.minimum(segs.x1, segs.x2) - radius,
            np.maximum(segs.x1, segs.x2) + radius,
            np.minimum(segs.y1, segs.y2) - radius,
            np.maximum(segs.y1, segs.y2) + radius,
        )
        if not len(segs):
            self.keys = np.zeros(0, dtype=np.int64)
            self.entry = np.zeros(0, dtype=np.int64)
            self.x0 = self.y0 = 0.0
            self.rows = 1
            return
        r, cell = self.radius, self.cell
        self.x0 = float(min(segs.x1.min(), segs.x2.min())) - r - cell
        self.y0 = float(min(segs.y1.min(), segs.y2.min())) - r - cell
        span_x = np.floor((np.maximum(segs.x1, segs.x2) + r - self.x0) / cell) - np.floor(
            (np.minimum(segs.x1, segs.x2) - r - self.x0) / cell
        )
        span_y = np.floor((np.maximum(segs.y1, segs.y2) + r - self.y0) / cell) - np.floor(
            (np.minimum(segs.y1, segs.y2) - r - self.y0) / cell
        )
        diagonal = (span_x > 2) & (span_y > 2)
        pieces = np.where(diagonal, np.ceil(self.length / cell), 1).astype(np.int64)
        piece_seg = np.repeat(np.arange(len(segs)), pieces)
        k = np.arange(len(piece_seg)) - np.repeat(np.cumsum(pieces) - pieces, pieces)
        share = pieces[piece_seg].astype(float)
        t0 = k / share
        t1 = (k + 1) / share
        dx = self.dx[piece_seg]
        dy = self.dy[piece_seg]
        ax = segs.x1[piece_seg] + t0 * dx
        bx = segs.x1[piece_seg] + t1 * dx
        ay = segs.y1[piece_seg] + t0 * dy
        by = segs.y1[piece_seg] + t1 * dy
        del k, share, t0, t1, dx, dy
        gx0 = np.floor((np.minimum(ax, bx) - r - self.x0) / cell).astype(np.int64)
        gx1 = np.floor((np.maximum(ax, bx) + r - self.x0) / cell).astype(np.int64)
        gy0 = np.floor((np.minimum(ay, by) - r - self.y0) / cell).astype(np.int64)
        gy1 = np.floor((np.maximum(ay, by) + r - self.y0) / cell).astype(np.int64)
        del ax, bx, ay, by
        self.rows = int(gy1.max()) + 2
        nx = gx1 - gx0 + 1
        ny = gy1 - gy0 + 1
        per_piece = nx * ny
        wide = int(gx1.max()) * self.rows + int(gy1.max()) >= 2**31 or len(segs) >= 2**31
        # Entries as one int64 each, cell key in the high half and segment
        # in the low half: sorting the values sorts by cell with no index
        # array, and filling them by chunks keeps the temporaries small.
        combined = np.empty(int(per_piece.sum()), dtype=np.int64)
        bounds = np.cumsum(per_piece)
        begin = 0
        while begin < len(per_piece):
            base = int(bounds[begin - 1]) if begin else 0
            stop = min(max(int(np.searchsorted(bounds, base + 500_000, "right")), begin + 1), len(per_piece))
            count = per_piece[begin:stop]
            entry_piece = np.repeat(np.arange(begin, stop), count)
            local = np.arange(len(entry_piece)) - np.repeat(np.cumsum(count) - count, count)
            ny_e = ny[entry_piece]
            keys = (gx0[entry_piece] + local // ny_e) * self.rows + gy0[entry_piece] + local % ny_e
            if wide:  # pragma: no cover - a grid of more than 2³¹ cells
                raise LandConsolidationError("分析范围过大。 The area is too large for the neighbour grid.")
            combined[base : int(bounds[stop - 1])] = (keys << 32) | piece_seg[entry_piece]
            begin = stop
        combined.sort()
        # Pieces of one segment sharing a cell give duplicate pairs; the
        # callers only take minima and maxima, which duplicates do not change.
        if sys.byteorder == "little":
            halves = combined.view(np.int32)  # (segment, cell) pairs, no copy
            self.keys = np.ascontiguousarray(halves[1::2])
            self.entry = np.ascontiguousarray(halves[0::2])
        else:  # pragma: no cover - big-endian machines
            self.keys = (combined >> 32).astype(np.int32)
            self.entry = (combined & 0xFFFFFFFF).astype(np.int32)

    def query(
        self,
        px: np.ndarray,
        py: np.ndarray,
        point_owner: np.ndarray | None = None,
        is_canceled: Callable[[], bool] | None = None,
    ) -> Near:
        """Every (point, segment) pair closer than the radius, in point order.

        Pairs whose point and segment have the same owner are skipped when
        ``point_owner`` is given (same numbering as ``segs.owner``).
        """
        px = np.asarray(px, dtype=float)
        py = np.asarray(py, dtype=float)
        if not len(px) or not len(self.keys):
            return Near.empty()
        rows = self.rows
        gx = np.floor((px - self.x0) / self.cell).astype(np.int64)
        gy = np.floor((py - self.y0) / self.cell).astype(np.int64)
        outside = (gx < 0) | (gy < 0) | (gy >= rows)
        pkeys = np.where(outside, -1, gx * rows + gy)
        lo = np.searchsorted(self.keys, pkeys, "left")
        hi = np.searchsorted(self.keys, pkeys, "right")
        counts = np.where(outside, 0, hi - lo)
        bounds = np.cumsum(counts)
        n = len(px)
        chunks = []
        begin = 0
        while begin < n:
            base = bounds[begin - 1] if begin else 0
            stop = int(np.searchsorted(bounds, base + _CANDIDATE_BUDGET, "right"))
            stop = min(max(stop, begin + 1), n)
            chunks.append((begin, stop))
            begin = stop

        def run(chunk):
            if is_canceled is not None and is_canceled():
                raise Cancelled()
            begin, stop = chunk
            c = counts[begin:stop]
            pi = np.repeat(np.arange(begin, stop), c)
            off = np.arange(len(pi)) - np.repeat(np.cumsum(c) - c, c) + np.repeat(lo[begin:stop], c)
            si = self.entry[off]
            if point_owner is not None:
                differ = point_owner[pi] != self.segs.owner[si]
                pi = pi[differ]
                si = si[differ]
            return self._distances(px, py, pi, si)

        out = _parallel(run, chunks)
        return Near(*(None if parts[0] is None else np.concatenate(parts) for parts in zip(*out)))

    def _distances(self, px, py, pi, si):
        segs = self.segs
        r = self.radius
        x = px[pi]
        y = py[pi]
        # Bounding-box test first: most candidates fail it, cheaply.
        near_box = (x >= self.box[0][si]) & (x <= self.box[1][si]) & (y >= self.box[2][si]) & (y <= self.box[3][si])
        pi, si, x, y = pi[near_box], si[near_box], x[near_box], y[near_box]
        ax = segs.x1[si]
        ay = segs.y1[si]
        sdx = self.dx[si]
        sdy = self.dy[si]
        ex = x - ax
        ey = y - ay
        with np.errstate(invalid="ignore", divide="ignore"):
            t = (ex * sdx + ey * sdy) * self.inv_length2[si]
        t = np.clip(np.nan_to_num(t, nan=0.0), 0.0, 1.0)
        # Endpoints exactly, so that the two segments meeting at a vertex give
        # the same distance to it (ties are then broken on the line distance).
        qx = np.where(t <= 0.0, ax, np.where(t >= 1.0, segs.x2[si], ax + t * sdx))
        qy = np.where(t <= 0.0, ay, np.where(t >= 1.0, segs.y2[si], ay + t * sdy))
        dist = np.hypot(x - qx, y - qy)
        keep = dist <= r
        if self.compact:
            return pi[keep].astype(np.int32), si[keep].astype(np.int32), dist[keep], None, None, None
        pi, si, dist, qx, qy = pi[keep], si[keep], dist[keep], qx[keep], qy[keep]
        ex, ey = ex[keep], ey[keep]
        with np.errstate(invalid="ignore", divide="ignore"):
            inner = segs.side[si] * (self.dx[si] * ey - self.dy[si] * ex) / self.length[si]
        return pi, si, dist, qx, qy, np.nan_to_num(inner, nan=0.0)


def near_segments(
    px: np.ndarray,
    py: np.ndarray,
    segs: Segments,
    radius: float,
    point_owner: np.ndarray | None = None,
    cell: float | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> Near:
    """Every (point, segment) pair closer than ``radius`` (see :class:`SegmentGrid`)."""
    return SegmentGrid(segs, radius, cell).query(px, py, point_owner, is_canceled)


def points_inside(
    px: np.ndarray,
    py: np.ndarray,
    grid: SegmentGrid,
    tolerance: float = CONTACT_TOLERANCE,
) -> np.ndarray:
    """Which points lie inside (or within ``tolerance`` of) one of the grid's polygons.

    The polygons must not overlap (a land-use coverage).  A point inside a
    polygon is then nearer to that polygon's boundary than to any other
    polygon's, so it is inside exactly when it lies on the interior side of
    the nearest boundary segment overall.  Ties: at a vertex the adjacent
    segment whose line is farther from the point decides (right for convex
    and reflex corners alike); on an edge shared by two polygons the point
    is inside one of them.  Only boundaries within the grid's radius are
    seen, so a point deeper than that inside a polygon counts as outside;
    callers use a radius above half the polygons' width.
    """
    px = np.asarray(px, dtype=float)
    result = np.zeros(len(px), dtype=bool)
    near = grid.query(px, py)
    if not len(near.point):
        return result
    point = near.point
    heads = _heads(point)
    group = np.repeat(np.arange(len(heads)), np.diff(np.r_[heads, len(point)]))
    nearest = np.minimum.reduceat(near.dist, heads)
    tied = near.dist <= nearest[group] + 1e-9
    steepness = np.where(tied, np.abs(near.inner), -1.0)
    steepest = np.maximum.reduceat(steepness, heads)
    chosen = tied & (steepness >= steepest[group] - 1e-9)
    vote = chosen & ((near.inner > 0) | (near.dist <= tolerance))
    result[point[heads]] = np.maximum.reduceat(vote, heads)
    return result


# ---------------------------------------------------------------------------
# Union-find
# ---------------------------------------------------------------------------


def connected_labels(
    count: int, u: np.ndarray, v: np.ndarray, parent: np.ndarray | None = None
) -> np.ndarray:
    """Component label (its smallest member) of each of ``count`` nodes.

    Vectorised union-find: hook every root to the smallest root it is linked
    with, compress paths fully, repeat on the links still crossing
    components.

    Args:
        count: Number of nodes.
        u, v: The links.
        parent: Labels from an earlier call, to add more links to them.
    """
    parent = np.arange(count, dtype=np.int64) if parent is None else parent.copy()
    u = np.asarray(u, dtype=np.int64)
    v = np.asarray(v, dtype=np.int64)
    while len(u):
        pu = parent[u]
        pv = parent[v]
        differ = pu != pv
        if not differ.any():
            break
        u, v, pu, pv = u[differ], v[differ], pu[differ], pv[differ]
        np.minimum.at(parent, np.maximum(pu, pv), np.minimum(pu, pv))
        while True:
            jumped = parent[parent]
            if np.array_equal(jumped, parent):
                break
            parent = jumped
    return parent


# ---------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------


@dataclass
class Links:
    """How pairs of analysed parcels are joined (one row per joined pair)."""

    a: np.ndarray
    b: np.ndarray
    kind: np.ndarray  # "touch" or "gap"
    gap: np.ndarray  # width of the gap (0 for touching)


@dataclass
class Blocks:
    """Result of :func:`find_blocks`.

    Attributes:
        label: Block number (0 = largest block) of each analysed parcel.
        area: Area (Σ TBDLMJ) of each block, largest first.
        parcels: Parcel count of each block.
        links: The joins found.
        corner_contacts: Pairs that touch only at a corner (not joined by that).
        rejected_gaps: Narrow gaps refused because something other than a
            narrow connector lies in them.
        contacts: The neighbour search, kept for :func:`block_outlines`.
        part: Outline part of each parcel: the parcels of a block that touch
            (at an edge or a corner), dissolved together.
    """

    label: np.ndarray
    area: np.ndarray
    parcels: np.ndarray
    links: Links
    corner_contacts: int = 0
    rejected_gaps: int = 0
    contacts: _Contacts | None = field(default=None, repr=False)
    part: np.ndarray | None = field(default=None, repr=False)


def find_blocks(
    parcels: Rings,
    areas: np.ndarray,
    connectors: Rings | None,
    max_gap: float = DEFAULT_MAX_GAP,
    *,
    tolerance: float = CONTACT_TOLERANCE,
    min_contact: float = MIN_CONTACT_LENGTH,
    spacing: float = SAMPLE_SPACING,
    is_canceled: Callable[[], bool] | None = None,
) -> Blocks:
    """Group parcels into contiguous blocks (see the module docstring).

    Args:
        parcels: Rings of the analysed parcels (耕地).
        areas: Their class areas (TBDLMJ), summed per block.
        connectors: Rings of the *narrow* connector parcels only (the caller
            drops connectors wider than ``max_gap``), or None.
        max_gap: Widest gap that joins two parcels (m).
        tolerance: Boundaries closer than this touch.
        min_contact: Shortest shared boundary that joins touching parcels.
        spacing: Distance between the points tested along a gap.
        is_canceled: Returns True to stop (raises LandConsolidationError).
    """
    n = parcels.count
    areas = np.asarray(areas, dtype=float)
    if n == 0:
        none = np.zeros(0, dtype=np.int64)
        return Blocks(none, np.zeros(0), none, Links(none, none, np.zeros(0, dtype=object), np.zeros(0)), contacts=None)
    segs = Segments.of(parcels)
    a_idx, _, ring = parcels.segment_ends()
    px = parcels.xy[a_idx, 0]
    py = parcels.xy[a_idx, 1]
    powner = parcels.owner[ring]
    # The connectors' grid does not depend on the parcels: build it on a
    # second thread meanwhile (numpy releases the GIL).
    connector_grid = _Background(
        (lambda: SegmentGrid(Segments.of(connectors), 0.5 * max_gap + 1.0, cell=max(4.0 * max_gap, 16.0)))
        if connectors is not None and connectors.count
        else (lambda: None)
    )
    grid = SegmentGrid(segs, max_gap + tolerance, compact=True)
    near = grid.query(px, py, point_owner=powner, is_canceled=is_canceled)
    del grid
    first = powner[near.point]
    second = segs.owner[near.segment]
    pair = np.minimum(first, second) * n + np.maximum(first, second)

    # Per pair: the closest (vertex, segment) and the extent of the vertices
    # lying on the other parcel (its contact length).
    order = np.argsort(pair)
    pair_sorted = pair[order]
    heads = _heads(pair_sorted)
    pairs = pair_sorted[heads]
    dist_sorted = near.dist[order]
    dmin = _reduce(np.minimum, dist_sorted, heads)
    # The closest row of each pair: the last row holding the minimum.
    sizes = np.diff(np.r_[heads, len(order)])
    is_min = dist_sorted <= np.repeat(dmin, sizes)
    best = order[_reduce(np.maximum, np.where(is_min, np.arange(len(order)), -1), heads, empty=None)]
    on_other = dist_sorted <= tolerance
    cx = px[near.point[order]]
    cy = py[near.point[order]]
    big = np.inf
    x_lo = _reduce(np.minimum, np.where(on_other, cx, big), heads)
    x_hi = _reduce(np.maximum, np.where(on_other, cx, -big), heads)
    y_lo = _reduce(np.minimum, np.where(on_other, cy, big), heads)
    y_hi = _reduce(np.maximum, np.where(on_other, cy, -big), heads)
    with np.errstate(invalid="ignore"):
        contact_len = np.nan_to_num(np.hypot(x_hi - x_lo, y_hi - y_lo), nan=0.0, posinf=0.0)

    touching = dmin <= tolerance
    edge = touching & (contact_len >= min_contact)
    corner = touching & ~edge
    touch_a = pairs[edge] // n
    touch_b = pairs[edge] % n
    label = connected_labels(n, touch_a, touch_b)

    # Narrow gaps: test the closest candidate of each pair of components
    # first; only where that fails, the next ones (doubling each round).
    gap = (~touching) & (dmin <= max_gap)
    g_a = pairs[gap] // n
    g_b = pairs[gap] % n
    g_best = best[gap]
    g_len = dmin[gap]
    by_length = np.argsort(g_len, kind="stable")
    g_a, g_b, g_best, g_len = g_a[by_length], g_b[by_length], g_best[by_length], g_len[by_length]
    tested = np.zeros(len(g_a), dtype=bool)
    accepted = np.zeros(len(g_a), dtype=bool)
    grid = connector_grid.result()
    if not len(g_a):
        grid = None
    per_round = 1
    while grid is not None:
        if is_canceled is not None and is_canceled():
            raise Cancelled()
        la, lb = label[g_a], label[g_b]
        open_ = (~tested) & (la != lb)
        if not open_.any():
            break
        cand = np.flatnonzero(open_)
        comp = np.minimum(la[cand], lb[cand]) * n + np.maximum(la[cand], lb[cand])
        # Candidates are in gap order; keep the first ``per_round`` of each component pair.
        grouped = np.argsort(comp, kind="stable")
        comp_sorted = comp[grouped]
        starts = _heads(comp_sorted)
        rank = np.arange(len(cand)) - np.repeat(starts, np.diff(np.r_[starts, len(cand)]))
        batch = cand[grouped[rank < per_round]]
        tested[batch] = True
        ok = _gap_on_connectors(px, py, near, g_best[batch], grid, segs, spacing, tolerance)
        accepted[batch[ok]] = True
        label = connected_labels(n, g_a[batch[ok]], g_b[batch[ok]], parent=label)
        per_round *= 2

    link_a = np.concatenate([touch_a, g_a[accepted]])
    link_b = np.concatenate([touch_b, g_b[accepted]])
    _, compact = np.unique(label, return_inverse=True)
    block_area = np.bincount(compact, areas)
    block_count = np.bincount(compact)
    # Number blocks from the largest down (ties: the one holding the first parcel).
    rank = np.lexsort((np.arange(len(block_area)), -block_area))
    renumber = np.empty_like(rank)
    renumber[rank] = np.arange(len(rank))
    links = Links(
        a=link_a,
        b=link_b,
        kind=np.array(["touch"] * len(touch_a) + ["gap"] * int(accepted.sum()), dtype=object),
        gap=np.concatenate([np.zeros(len(touch_a)), g_len[accepted]]),
    )
    block_label = renumber[compact]
    # Outline parts: parcels of one block touching in any way (corners too),
    # so that two parts never touch and each is dissolved on its own.
    ta = pairs[touching] // n
    tb = pairs[touching] % n
    same_block = block_label[ta] == block_label[tb]
    part = connected_labels(n, ta[same_block], tb[same_block])
    return Blocks(
        label=block_label,
        area=block_area[rank],
        parcels=block_count[rank],
        links=links,
        corner_contacts=int(corner.sum()),
        rejected_gaps=int((tested & ~accepted).sum()),
        contacts=_Contacts(px, py, near, segs, tolerance),
        part=np.unique(part, return_inverse=True)[1],
    )


@dataclass
class _Contacts:
    """The vertex-on-segment contacts found, reused to dissolve block outlines."""

    px: np.ndarray
    py: np.ndarray
    near: Near
    segs: Segments
    tolerance: float


def _nearest_points(x, y, segment, segs: Segments) -> tuple[np.ndarray, np.ndarray]:
    """The point of each given segment nearest to (x, y)."""
    ax, ay = segs.x1[segment], segs.y1[segment]
    dx, dy = segs.x2[segment] - ax, segs.y2[segment] - ay
    length2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.clip(np.nan_to_num(((x - ax) * dx + (y - ay) * dy) / length2, nan=0.0), 0.0, 1.0)
    return ax + t * dx, ay + t * dy


def _gap_on_connectors(px, py, near: Near, rows: np.ndarray, grid: SegmentGrid, segs: Segments, spacing,
                       tolerance) -> np.ndarray:
    """For each closest (vertex, segment) row: is the segment between them all connector?"""
    if not len(rows):
        return np.zeros(0, dtype=bool)
    sx = px[near.point[rows]]
    sy = py[near.point[rows]]
    ex, ey = _nearest_points(sx, sy, near.segment[rows], segs)
    samples = np.maximum(1, np.ceil(near.dist[rows] / spacing).astype(np.int64) - 1)
    owner = np.repeat(np.arange(len(rows)), samples)
    k = np.arange(len(owner)) - np.repeat(np.cumsum(samples) - samples, samples) + 1
    t = k / (samples[owner] + 1.0)
    qx = sx[owner] + t * (ex[owner] - sx[owner])
    qy = sy[owner] + t * (ey[owner] - sy[owner])
    covered = points_inside(qx, qy, grid, tolerance)
    return np.bincount(owner, ~covered, minlength=len(rows)) == 0


# ---------------------------------------------------------------------------
# Block outlines
# ---------------------------------------------------------------------------


def block_outlines(parcels: Rings, blocks: Blocks) -> list[list[bytes] | None]:
    """The dissolved polygons of each outline part, as Polygon WKB, or None.

    Parcels of a land-use survey tile the ground, so the union of touching
    parcels is what is left of their boundaries once every edge shared by
    two of them is removed.  Segments are first split at the vertices of
    the neighbours that lie on them (a vertex on the other side of a shared
    boundary, "T-junction"), then each edge that occurs in both directions
    is dropped, and the remaining edges are chained into rings, which are
    split where they pass a vertex twice (parts meeting at a corner, a hole
    touching its shell).

    A part whose outline does not check out – a vertex with unequal in and
    out edges, edges that do not chain into closed rings, a ring without
    area, or an area differing from the sum of its parcels (overlapping or
    badly noded parcels) – gets None; the caller dissolves those few with
    GEOS.

    Returns:
        One entry per outline part (``blocks.part``): its polygons' WKB,
        coordinates in the layer's CRS.
    """
    contacts = blocks.contacts
    if contacts is None or blocks.part is None or not len(blocks.part):
        return []
    count = int(blocks.part.max()) + 1
    segs = contacts.segs
    seg_part = blocks.part[segs.owner]

    # Split segments at the neighbours' vertices lying on them.
    near = contacts.near
    on = near.dist <= contacts.tolerance
    sid = near.segment[on]
    qx_v = contacts.px[near.point[on]]
    qy_v = contacts.py[near.point[on]]
    dx = segs.x2[sid] - segs.x1[sid]
    dy = segs.y2[sid] - segs.y1[sid]
    length = np.hypot(dx, dy)
    with np.errstate(invalid="ignore", divide="ignore"):
        along = ((qx_v - segs.x1[sid]) * dx + (qy_v - segs.y1[sid]) * dy) / length
    inside = (along > 1e-6) & (along < length - 1e-6)
    split_seg = sid[inside]
    split_t = along[inside] / length[inside]
    n_seg = len(segs)
    point_seg = np.concatenate([np.arange(n_seg), split_seg, np.arange(n_seg)])
    point_t = np.concatenate([np.zeros(n_seg), split_t, np.ones(n_seg)])
    point_x = np.concatenate([segs.x1, qx_v[inside], segs.x2])
    point_y = np.concatenate([segs.y1, qy_v[inside], segs.y2])
    order = np.lexsort((point_t, point_seg))
    point_seg, point_x, point_y = point_seg[order], point_x[order], point_y[order]
    same = point_seg[1:] == point_seg[:-1]
    e_seg = point_seg[:-1][same]
    x1, y1 = point_x[:-1][same], point_y[:-1][same]
    x2, y2 = point_x[1:][same], point_y[1:][same]
    real = (x1 != x2) | (y1 != y2)
    e_seg, x1, y1, x2, y2 = e_seg[real], x1[real], y1[real], x2[real], y2[real]
    # Interior on the left of every edge.
    flip = segs.side[e_seg] < 0
    x1, x2 = np.where(flip, x2, x1), np.where(flip, x1, x2)
    y1, y2 = np.where(flip, y2, y1), np.where(flip, y1, y2)
    e_part = seg_part[e_seg]

    nodes, node_of = np.unique(np.concatenate([x1 + 1j * y1, x2 + 1j * y2]), return_inverse=True)
    u = node_of[: len(x1)]
    v = node_of[len(x1) :]
    n_nodes = len(nodes)

    # Drop every edge that also occurs reversed in the same part.
    lo = np.minimum(u, v)
    hi = np.maximum(u, v)
    # (part, lo, hi) as one int64 without overflow on any size of layer.
    _, edge_id = np.unique(lo * n_nodes + hi, return_inverse=True)
    key = e_part * (int(edge_id.max()) + 1 if len(edge_id) else 1) + edge_id
    forward = u < v
    order = np.lexsort((~forward, key))
    key_s = key[order]
    heads = _heads(key_s)
    sizes = np.diff(np.r_[heads, len(key_s)])
    fwd_count = _reduce(np.add, forward[order].astype(np.int64), heads, empty=None)
    cancel = np.minimum(fwd_count, sizes - fwd_count)
    group = np.repeat(np.arange(len(heads)), sizes)
    rank = np.arange(len(key_s)) - np.repeat(heads, sizes)
    # Within a group forward edges come first.
    drop = np.where(forward[order], rank < cancel[group], (rank - fwd_count[group]) < cancel[group])
    keep_edges = np.sort(order[~drop])
    u, v, e_part = u[keep_edges], v[keep_edges], e_part[keep_edges]
    ex1, ey1 = nodes.real[u], nodes.imag[u]
    ex2, ey2 = nodes.real[v], nodes.imag[v]

    failed = np.zeros(count, dtype=bool)
    # Every vertex of an outline has as many edges in as out, and no edge
    # occurs twice (that would be an overlap).
    node_out = e_part * n_nodes + u
    node_in = e_part * n_nodes + v
    all_keys, inv = np.unique(np.concatenate([node_out, node_in]), return_inverse=True)
    out_deg = np.bincount(inv[: len(u)], minlength=len(all_keys))
    in_deg = np.bincount(inv[len(u) :], minlength=len(all_keys))
    failed[np.unique(all_keys[out_deg != in_deg] // n_nodes)] = True
    _, directed = np.unique(u * n_nodes + v, return_inverse=True)
    width = int(directed.max()) + 1 if len(directed) else 1
    uniq, counts = np.unique(e_part * width + directed, return_counts=True)
    failed[np.unique(uniq[counts > 1] // width)] = True

    # Next edge: the out-edge at the end vertex; where there are several,
    # the first one clockwise from the way back (the sharpest left turn).
    by_start = np.lexsort((np.arctan2(ey2 - ey1, ex2 - ex1), node_out))
    start_keys = node_out[by_start]
    first_out = np.searchsorted(start_keys, node_in, "left")
    n_out = np.searchsorted(start_keys, node_in, "right") - first_out
    nxt = np.where(n_out == 1, by_start[np.minimum(first_out, max(len(by_start) - 1, 0))], -1)
    multi = np.flatnonzero(n_out > 1)
    if len(multi):
        back = np.arctan2(ey1[multi] - ey2[multi], ex1[multi] - ex2[multi])
        for i, e in enumerate(multi.tolist()):
            cand = by_start[first_out[e] : first_out[e] + n_out[e]]
            angle = np.arctan2(ey2[cand] - ey1[cand], ex2[cand] - ex1[cand])
            clockwise = np.mod(back[i] - angle, 2 * np.pi)
            clockwise[clockwise <= 1e-12] = 2 * np.pi  # never straight back
            nxt[e] = cand[int(np.argmin(clockwise))]
    failed[np.unique(e_part[nxt < 0])] = True

    # Chain edges into rings.
    walk: list[int] = []
    ring_of: list[int] = []
    nxt_list = nxt.tolist()
    visited = [False] * len(u)
    ring = 0
    for e in range(len(u)):
        if visited[e] or nxt_list[e] < 0:
            continue
        cur = e
        while cur >= 0 and not visited[cur]:
            visited[cur] = True
            walk.append(cur)
            ring_of.append(ring)
            cur = nxt_list[cur]
        if cur != e:
            failed[e_part[e]] = True
        ring += 1
    walk_a = np.asarray(walk, dtype=np.int64)
    ring_a = np.asarray(ring_of, dtype=np.int64)
    walk_a, ring_a, ring = _split_pinched(walk_a, ring_a, u, n_nodes)
    rx1, ry1, rx2, ry2 = ex1[walk_a], ey1[walk_a], ex2[walk_a], ey2[walk_a]
    ring_area = np.bincount(ring_a, rx1 * ry2 - rx2 * ry1, minlength=ring) / 2.0
    ring_part = np.zeros(ring, dtype=np.int64)
    ring_part[ring_a] = e_part[walk_a]
    failed[np.unique(ring_part[np.abs(ring_area) < 0.01])] = True
    member_area, _ = parcels.measures()
    expected = np.bincount(blocks.part, member_area, minlength=count)
    got = np.bincount(ring_part, ring_area, minlength=count)
    failed |= np.abs(got - expected) > 1e-6 * np.maximum(expected, 1.0) + 0.01

    return _polygons_wkb(ring_a, rx1, ry1, ring_area, ring_part, failed, count, parcels.origin)


def _split_pinched(walk: np.ndarray, ring_of: np.ndarray, start_node: np.ndarray, n_nodes: int):
    """Split closed walks that pass a vertex twice into simple rings.

    A shell touching its own hole, or two parts of a block meeting at a
    corner, make one walk through the touching vertex; OGC polygons want
    separate rings there (a shell and a hole, or two shells).
    """
    if not len(walk):
        return walk, ring_of, 0
    key = ring_of * n_nodes + start_node[walk]
    uniq, counts = np.unique(key, return_counts=True)
    pinched = np.unique(uniq[counts > 1] // n_nodes)
    n_rings = int(ring_of.max()) + 1
    if not len(pinched):
        return walk, ring_of, n_rings
    heads = _heads(ring_of)
    ends = np.r_[heads[1:], len(walk)]
    keep = np.ones(len(walk), dtype=bool)
    extra_walk: list[int] = []
    extra_ring: list[int] = []
    next_ring = n_rings
    nodes = start_node.tolist()
    for r in pinched.tolist():
        seq = walk[heads[r] : ends[r]].tolist()
        keep[heads[r] : ends[r]] = False
        stack: list[int] = []
        where: dict[int, int] = {}
        for e in seq:
            node = nodes[e]
            if node in where:
                cut = where[node]
                loop = stack[cut:]
                del stack[cut:]
                for done in loop:
                    where.pop(nodes[done], None)
                extra_walk.extend(loop)
                extra_ring.extend([next_ring] * len(loop))
                next_ring += 1
            where[node] = len(stack)
            stack.append(e)
        extra_walk.extend(stack)
        extra_ring.extend([next_ring] * len(stack))
        next_ring += 1
    walk = np.concatenate([walk[keep], np.asarray(extra_walk, dtype=np.int64)])
    ring_of = np.concatenate([ring_of[keep], np.asarray(extra_ring, dtype=np.int64)])
    # Renumber rings 0 … k − 1 in order of appearance, keeping walks contiguous.
    _, first, compact = np.unique(ring_of, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first)] = np.arange(len(first))
    return walk, rank[compact], len(first)


def _polygons_wkb(ring_a, rx, ry, ring_area, ring_part, failed, count, origin) -> list[list[bytes] | None]:
    """Polygon WKB per part from chained rings, holes put in their shells."""
    result: list[list[bytes] | None] = [None if failed[p] else [] for p in range(count)]
    if not len(ring_a):
        return result
    heads = _heads(ring_a)
    sizes = np.diff(np.r_[heads, len(ring_a)])
    closed = sizes + 1
    within = np.arange(int(closed.sum())) - np.repeat(np.cumsum(closed) - closed, closed)
    within[within == np.repeat(sizes, closed)] = 0
    index = np.repeat(heads, closed) + within
    coords = np.empty((len(index), 2))
    coords[:, 0] = rx[index] + origin[0]
    coords[:, 1] = ry[index] + origin[1]
    buffer = coords.tobytes()
    first = (np.cumsum(closed) - closed).tolist()
    closed_list = closed.tolist()
    ring_bytes = [
        struct.pack("<I", n) + buffer[16 * s : 16 * (s + n)] for s, n in zip(first, closed_list)
    ]
    by_part = np.argsort(ring_part, kind="stable")
    part_sorted = ring_part[by_part]
    cuts = _heads(part_sorted).tolist() + [len(by_part)]
    by_part_list = by_part.tolist()
    areas = ring_area.tolist()
    for k in range(len(cuts) - 1):
        members = by_part_list[cuts[k] : cuts[k + 1]]
        p = int(part_sorted[cuts[k]])
        if failed[p]:
            continue
        shells = [r for r in members if areas[r] > 0]
        holes = [r for r in members if areas[r] < 0]
        if not shells:
            result[p] = None
            continue
        if len(shells) == 1:
            rings_of = {shells[0]: [shells[0]] + holes}
        else:
            rings_of = {s: [s] for s in shells}
            for h in holes:
                probe = coords[first[h] : first[h] + closed_list[h]]
                containing = [
                    s for s in shells if _ring_contains(coords[first[s] : first[s] + closed_list[s]], probe)
                ]
                if not containing:
                    rings_of = None
                    break
                rings_of[min(containing, key=lambda s: areas[s])].append(h)
            if rings_of is None:
                result[p] = None
                continue
        result[p] = [
            struct.pack("<BII", 1, 3, len(rings)) + b"".join(ring_bytes[r] for r in rings)
            for rings in rings_of.values()
        ]
    return result


def multipolygon_wkb(polygons: Iterable[bytes]) -> bytes:
    """A MultiPolygon WKB from Polygon WKBs."""
    polygons = list(polygons)
    return struct.pack("<BII", 1, 6, len(polygons)) + b"".join(polygons)


def _ring_contains(ring: np.ndarray, probe: np.ndarray) -> bool:
    """Is the ring ``probe`` inside ``ring``?  Tested at its first vertex off ``ring``."""
    x1, y1 = ring[:-1, 0], ring[:-1, 1]
    x2, y2 = ring[1:, 0], ring[1:, 1]
    if not (x1.min() <= probe[:, 0].min() and probe[:, 0].max() <= x1.max()):
        return False
    if not (y1.min() <= probe[:, 1].min() and probe[:, 1].max() <= y1.max()):
        return False
    seg_len = np.hypot(x2 - x1, y2 - y1)
    for px, py in probe[:-1]:
        on_line = np.abs((x2 - x1) * (py - y1) - (y2 - y1) * (px - x1)) <= 1e-9 * seg_len + 1e-9
        on_edge = on_line & (np.minimum(x1, x2) - 1e-9 <= px) & (px <= np.maximum(x1, x2) + 1e-9)
        on_edge &= (np.minimum(y1, y2) - 1e-9 <= py) & (py <= np.maximum(y1, y2) + 1e-9)
        if on_edge.any():
            continue
        crosses = (y1 > py) != (y2 > py)
        with np.errstate(invalid="ignore", divide="ignore"):
            at = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
        return bool(np.count_nonzero(crosses & (px < at)) % 2)
    return False


# ---------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------


def patch_metrics(
    areas: np.ndarray,
    landscape_area: float,
    perimeters: np.ndarray | None = None,
    planar_areas: np.ndarray | None = None,
) -> dict:
    """Vector fragmentation metrics (I8) of a set of patches.

    Definitions follow FRAGSTATS at class level, with the survey's polygons
    as patches (no rasterising): ``A`` is the landscape (the analysed area,
    Σ TBMJ of every parcel read), ``a`` a patch's class area (TBDLMJ).

    * ``NP`` number of patches; ``CA`` Σ a; ``MEAN`` CA / NP;
    * ``LPI`` = max a / A × 100;
    * ``PD`` = NP per 100 ha of A;
    * ``MESH`` = Σ a² / A (m²), the effective mesh size;
    * ``MSI`` = mean of p / (2 √(π a)) over patches, from the planar
      perimeter p and planar area of the polygon (1 for a circle);
    * ``SMALL_SHARE`` = share of patches under 5 亩, by count, and
      ``SMALL_AREA_SHARE`` by area (%).

    Args:
        areas: Class area of each patch (m²).
        landscape_area: A (m²).
        perimeters: Planar perimeter of each patch (for MSI).
        planar_areas: Planar area of each patch (for MSI).
    """
    areas = np.asarray(areas, dtype=float)
    count = len(areas)
    total = float(areas.sum())
    landscape = float(landscape_area) if landscape_area else float("nan")
    small = areas < SMALL_PARCEL_MU / MU_PER_M2
    msi = float("nan")
    if perimeters is not None and planar_areas is not None and count:
        with np.errstate(invalid="ignore", divide="ignore"):
            shape = np.asarray(perimeters) / (2.0 * np.sqrt(math.pi * np.asarray(planar_areas)))
        shape = shape[np.isfinite(shape)]
        msi = float(shape.mean()) if len(shape) else float("nan")
    return {
        "NP": count,
        "CA": total,
        "MEAN": total / count if count else 0.0,
        "LARGEST": float(areas.max()) if count else 0.0,
        "LPI": float(areas.max()) / landscape * 100.0 if count else 0.0,
        "PD": count / landscape * M2_PER_100HA,
        "MESH": float((areas**2).sum()) / landscape,
        "MSI": msi,
        "SMALL_SHARE": float(small.mean() * 100.0) if count else 0.0,
        "SMALL_AREA_SHARE": float(areas[small].sum() / total * 100.0) if total else 0.0,
    }


def block_summary(block_areas: np.ndarray, class_area: float, threshold_mu: float = BLOCK_CLASSES_MU[0]) -> dict:
    """Counts and shares of blocks by size class (I7).

    Args:
        block_areas: Σ TBDLMJ of each block (m²).
        class_area: Σ TBDLMJ of all analysed parcels (m²).
        threshold_mu: Block size (亩) for ``SHARE_IN_BLOCKS``.

    Returns:
        ``BLOCK_COUNT``, ``BLOCKS_100MU`` / ``_500MU`` / ``_1000MU`` (blocks of
        at least that size), ``AREA_IN_100MU_M2`` …, ``LARGEST_BLOCK_M2``,
        ``MEAN_BLOCK_M2``, ``SHARE_IN_100MU`` (% of the class area in blocks of
        ≥ 100 亩) and ``SHARE_IN_BLOCKS`` (same for ``threshold_mu``).
    """
    areas = np.asarray(block_areas, dtype=float)
    mu = areas * MU_PER_M2
    out = {
        "BLOCK_COUNT": len(areas),
        "LARGEST_BLOCK_M2": float(areas.max()) if len(areas) else 0.0,
        "MEAN_BLOCK_M2": float(areas.mean()) if len(areas) else 0.0,
    }
    for size in BLOCK_CLASSES_MU:
        big = mu >= size - 1e-9
        out[f"BLOCKS_{int(size)}MU"] = int(big.sum())
        out[f"AREA_IN_{int(size)}MU_M2"] = float(areas[big].sum())
    out["SHARE_IN_100MU"] = out["AREA_IN_100MU_M2"] / class_area * 100.0 if class_area else 0.0
    inside = areas[mu >= threshold_mu - 1e-9].sum()
    out["SHARE_IN_BLOCKS"] = float(inside / class_area * 100.0) if class_area else 0.0
    return out


def size_class(area_m2: float) -> str:
    """千亩方 / 五百亩方 / 百亩方 or "" for a block's Σ TBDLMJ."""
    mu = area_m2 * MU_PER_M2
    if mu >= BLOCK_CLASSES_MU[2] - 1e-9:
        return "千亩方"
    if mu >= BLOCK_CLASSES_MU[1] - 1e-9:
        return "五百亩方"
    if mu >= BLOCK_CLASSES_MU[0] - 1e-9:
        return "百亩方"
    return ""


# ---------------------------------------------------------------------------
# Reading a DLTB layer
# ---------------------------------------------------------------------------

_NUMBER_ROLES = ("tbmj", "kcxs", "kcmj", "tbdlmj", "xzdwkd")
_TEXT_ROLES = ("bsm",)


@dataclass
class LayerParcels:
    """What the contiguity analysis reads from a DLTB layer, as columns.

    Attributes:
        name: The layer's name, for messages.
        code: Normalised code of each parcel (inside the project area).
        base: The code counted in statistics (``1107`` for ``1107A``).
        tbmj: Parcel area (m²), cut parcels in proportion.
        tbdlmj: Class area (m²), cut parcels in proportion.
        width: XZDWKD (m), NaN where empty.
        bsm: BSM as read (see :meth:`labels`).
        fid: Feature id.
        group: Value of the grouping field (village), or None.
        wkb: Geometry (WKB, cut to the project area) of the rows whose code
            was asked for, None elsewhere.
        notes: Lines for the log.
    """

    name: str
    code: np.ndarray
    base: np.ndarray
    tbmj: np.ndarray
    tbdlmj: np.ndarray
    width: np.ndarray
    bsm: np.ndarray
    fid: np.ndarray
    group: np.ndarray | None
    wkb: list
    notes: list = field(default_factory=list)

    def labels(self, rows: Iterable[int]) -> list[str]:
        """"BSM …" (or "要素 fid") of the given rows, for messages."""
        return [_label(self.bsm[i], self.fid[i]) for i in rows]

    @property
    def landscape_area(self) -> float:
        """Σ TBMJ: the area analysed."""
        return float(np.nansum(self.tbmj))

    def rows(self, codes: Iterable[str]) -> np.ndarray:
        """Indices of the parcels whose code or base code is in ``codes``."""
        wanted = {codes_mod.normalise(c) for c in codes}
        match = pd.Series(self.code).isin(wanted).to_numpy() | pd.Series(self.base).isin(wanted).to_numpy()
        return np.flatnonzero(match)


def read_parcels(
    source,
    keep_codes: Iterable[str],
    *,
    project_area=None,
    overrides: dict | None = None,
    group_field: str | None = None,
    fast_path: bool = True,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> LayerParcels:
    """Read a DLTB layer's areas, codes and the geometries of ``keep_codes``.

    Areas follow the 三调 rules of :mod:`.dltb` (TBDLMJ; where TBMJ is empty
    the ellipsoidal area of the geometry; KCMJ = round(TBMJ × KCXS, 2) and
    TBDLMJ = TBMJ − KCMJ where those are empty; parcels cut by the project
    area keep them in proportion to the ellipsoidal area inside).

    A file layer read by OGR (GeoPackage, shapefile, FileGDB) with no filter,
    selection or unsaved edits is read in one columnar pass through GDAL
    (about ten times faster than feature by feature); anything else goes
    through the QGIS feature API.

    Args:
        source: A QgsVectorLayer or QgsFeatureSource.
        keep_codes: Codes whose geometry is kept (analysed and connector
            classes); a suffixed code (1107A) matches its base code.
        project_area: Boundary geometry in the layer's CRS, or None.
        overrides: role → field name chosen by the user (``code``).
        group_field: Field to group the metrics by (village), or None.
        fast_path: Allow the GDAL columnar read for a plain file layer.
        progress: Called with a percentage.
        is_canceled: Returns True when the user cancelled.

    Raises:
        LandConsolidationError: a missing field, a geographic CRS, an empty
            geometry among the kept parcels, a cut that fails, or a project
            area that misses the layer.
    """
    from . import dltb
    from .fields import detect_fields, require

    name = dltb.source_name(source)
    dltb.check_projected(source, name)
    field_names = [f.name() for f in source.fields()]
    found = detect_fields(field_names, overrides)
    require(found, "code", name)
    if group_field:
        actual = {f.upper(): f for f in field_names}.get(group_field.upper())
        if actual is None:
            raise LandConsolidationError(
                f"图层“{name}”没有分组字段 {group_field}。 Layer '{name}' has no field '{group_field}'."
            )
        group_field = actual
    roles = {"code": found["code"], "group": group_field}
    for role in _NUMBER_ROLES + _TEXT_ROLES:
        roles[role] = found.get(role)
    keep = {codes_mod.normalise(c) for c in keep_codes}

    columns = _read_ogr(source, roles, project_area, is_canceled) if fast_path else None
    if columns is None:
        columns = _read_features(source, roles, keep, project_area, progress, is_canceled)
    return _finish(source, name, roles, columns, keep, project_area, is_canceled)


def _read_ogr(source, roles, project_area, is_canceled):
    """All columns and WKB through GDAL's Arrow reader, or None when not possible."""
    from . import dltb

    rect = project_area.boundingBox() if project_area is not None else None
    columns = dltb.read_ogr_columns(source, [f for f in roles.values() if f], with_wkb=True, rect=rect,
                                    is_canceled=is_canceled)
    if columns is None:
        return None
    count = len(columns["fid"])
    out = {role: (columns[f] if f else [None] * count) for role, f in roles.items()}
    out["fid"] = columns["fid"]
    out["wkb"] = columns["wkb"]
    return out


def _read_features(source, roles, keep, project_area, progress, is_canceled):
    """All columns through the QGIS feature API; WKB only where needed."""
    from qgis.core import QgsFeatureRequest

    from . import dltb

    fields = source.fields()
    index = {role: fields.lookupField(f) for role, f in roles.items() if f}
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes(sorted(set(index.values())))
    if project_area is not None:
        request.setFilterRect(project_area.boundingBox())
    need_all = project_area is not None or index.get("tbmj") is None
    out: dict[str, list] = {role: [] for role in roles}
    out["fid"] = []
    out["wkb"] = []
    code_at = index["code"]
    tbmj_at = index.get("tbmj")
    total = max(source.featureCount(), 1)
    table = codes_mod.default_table()
    wanted_cache: dict = {}
    readers = [(out[role].append, at) for role, at in index.items()]
    fids = out["fid"].append
    blobs = out["wkb"].append
    n = -1
    for n, feature in enumerate(dltb.features(source, request)):
        if n % 5000 == 0:
            if is_canceled is not None and is_canceled():
                raise Cancelled()
            if progress is not None:
                progress(60.0 * n / total)
        fids(feature.id())
        for append, at in readers:
            append(feature[at])
        raw = feature[code_at]
        wanted = wanted_cache.get(raw)
        if wanted is None:
            entry = table.lookup(raw)
            wanted = wanted_cache[raw] = entry.code in keep or entry.base in keep
        if wanted or need_all or (tbmj_at is not None and is_null(feature[tbmj_at])):
            geom = feature.geometry()
            blobs(bytes(geom.asWkb()) if geom is not None and not geom.isNull() else b"")
        else:
            blobs(None)
    for role in roles:
        if role not in index:
            out[role] = [None] * (n + 1)
    return out


def _factorize(values) -> tuple[np.ndarray, list]:
    """(index into uniques, uniques) of a column; None and NULL are one value."""
    values = values if isinstance(values, np.ndarray) and values.dtype != object else [
        None if v is None or (not isinstance(v, (str, bytes, int, float)) and str(v) == "NULL") else v for v in values
    ]
    inverse, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=False)
    return inverse, list(uniques)


def _label(bsm, fid) -> str:
    text = to_text(bsm)
    return f"BSM {text}" if text else f"要素 {fid}"


def _finish(source, name, roles, columns, keep, project_area, is_canceled) -> LayerParcels:
    """Areas by the 三调 rules, the project-area cut and the kept geometries."""
    from qgis.core import QgsGeometry

    from . import dltb, ellipsoid

    notes: list[str] = []
    table = codes_mod.default_table()
    inverse, uniques = _factorize(columns["code"])
    entries = [table.lookup(to_text(u)) for u in uniques]
    code = np.array([e.code for e in entries] or [""], dtype=object)[inverse]
    base = np.array([e.base for e in entries] or [""], dtype=object)[inverse]
    kept = np.array([e.code in keep or e.base in keep for e in entries] or [False], dtype=bool)[inverse]
    fid = np.asarray(columns["fid"], dtype=np.int64)
    bsm = np.asarray(columns["bsm"], dtype=object) if len(fid) else np.zeros(0, dtype=object)

    def label(i):
        return f"图层“{name}”{_label(bsm[i], fid[i])}"

    tbmj = numbers(columns["tbmj"], label)
    kcxs = numbers(columns["kcxs"], label)
    kcmj = numbers(columns["kcmj"], label)
    tbdlmj = numbers(columns["tbdlmj"], label)
    width = numbers(columns["xzdwkd"], label)
    group = None
    if roles.get("group"):
        g_inverse, g_uniques = _factorize(columns["group"])
        group = np.array([to_text(g) for g in g_uniques] or [""], dtype=object)[g_inverse]
    wkb = list(columns["wkb"])
    gk = None

    fraction = np.ones(len(code))
    inside = np.ones(len(code), dtype=bool)
    if project_area is not None:
        if project_area.isEmpty():
            raise LandConsolidationError(f"项目区为空。 The project area is empty (layer '{name}').")
        gk = dltb.gauss_kruger_for(source)
        engine = QgsGeometry.createGeometryEngine(project_area.constGet())
        engine.prepareGeometry()
        for i, blob in enumerate(wkb):
            if i % 5000 == 0 and is_canceled is not None and is_canceled():
                raise Cancelled()
            if not blob:
                inside[i] = False
                continue
            geom = QgsGeometry()
            geom.fromWkb(bytes(blob))
            if not engine.intersects(geom.constGet()):
                inside[i] = False
                continue
            if engine.contains(geom.constGet()):
                continue
            piece = dltb.polygonal(geom.intersection(project_area)) or QgsGeometry()
            if piece.isEmpty():
                if not geom.isGeosValid():
                    raise LandConsolidationError(
                        f"图层“{name}”图斑 {_label(bsm[i], fid[i])} 几何无效，无法按项目区裁切；请先修复几何。"
                        f" Layer '{name}': parcel {_label(bsm[i], fid[i])} has an invalid geometry; fix it first."
                    )
                inside[i] = False
                continue
            whole = ellipsoid.geometry_area(gk, geom)
            part = ellipsoid.geometry_area(gk, piece)
            if part <= 0.0:
                inside[i] = False
                continue
            fraction[i] = part / whole if whole > 0 else 1.0
            wkb[i] = bytes(piece.asWkb())
        if not inside.any():
            raise LandConsolidationError(
                f"项目区与图层“{name}”没有重叠。 The project area does not overlap layer '{name}'."
            )

    missing = np.isnan(tbmj) & inside
    if missing.any():
        gk = gk or dltb.gauss_kruger_for(source)
        geoms = []
        for i in np.flatnonzero(missing):
            geom = QgsGeometry()
            if wkb[i]:
                geom.fromWkb(bytes(wkb[i]))
            geoms.append(geom)
        tbmj[missing] = ellipsoid.geometry_areas(gk, geoms)
        fraction[missing] = 1.0  # the cut piece was measured itself
        notes.append(
            f"{int(missing.sum())} 个图斑无 TBMJ，面积按三调椭球面积公式由几何计算。"
            f" {int(missing.sum())} parcel(s) without TBMJ: area computed from geometry (三调 ellipsoidal method)."
        )
    kcmj = np.where(np.isnan(kcmj), np.round(tbmj * np.nan_to_num(kcxs, nan=0.0), 2), kcmj)
    tbdlmj = np.where(np.isnan(tbdlmj), tbmj - kcmj, tbdlmj)
    scale = np.where(missing, 1.0, fraction)
    tbmj = tbmj * scale
    tbdlmj = tbdlmj * scale

    empty = np.zeros(len(code), dtype=bool)
    check = np.flatnonzero(kept & inside)
    empty[check] = [not wkb[i] for i in check.tolist()]
    if empty.any():
        listed = "、".join(_label(bsm[i], fid[i]) for i in np.flatnonzero(empty)[:10])
        listed += "…" if empty.sum() > 10 else ""
        raise LandConsolidationError(
            f"图层“{name}”有 {int(empty.sum())} 个图斑几何为空：{listed}；请先修复几何或运行数据质检。"
            f" Layer '{name}': {int(empty.sum())} parcel(s) with an empty geometry: {listed}."
        )
    rows = np.flatnonzero(inside)
    return LayerParcels(
        name=name,
        code=code[rows],
        base=base[rows],
        tbmj=tbmj[rows],
        tbdlmj=tbdlmj[rows],
        width=width[rows],
        bsm=bsm[rows],
        fid=fid[rows],
        group=group[rows] if group is not None else None,
        wkb=[wkb[i] if kept[i] else None for i in rows],
        notes=notes,
    )


# ---------------------------------------------------------------------------
# The analysis of one layer
# ---------------------------------------------------------------------------


@dataclass
class Contiguity:
    """Blocks and metrics of one DLTB layer (I7, I8).

    Attributes:
        parcels: The analysed parcels' rows in the :class:`LayerParcels`.
        rings: Their rings.
        blocks: The blocks.
        summary: :func:`block_summary` plus the parcel and block metrics
            (``PARCEL_*`` and ``BLOCK_*`` keys of :func:`patch_metrics`).
        connectors_used: Connector parcels narrow enough to join.
        connectors_wide: Connector parcels wider than ``max_gap``.
        layer: The parcels read.
    """

    parcels: np.ndarray
    rings: Rings
    blocks: Blocks
    summary: dict
    connectors_used: int
    connectors_wide: int
    layer: LayerParcels
    perimeter: np.ndarray = field(repr=False, default=None)
    planar_area: np.ndarray = field(repr=False, default=None)


def connector_widths(layer: LayerParcels, rows: np.ndarray, rings: Rings) -> np.ndarray:
    """Width of each connector: XZDWKD where given (> 0), else 2 × area / perimeter."""
    area, perimeter = rings.measures()
    with np.errstate(invalid="ignore", divide="ignore"):
        from_geometry = np.where(perimeter > 0, 2.0 * area / perimeter, 0.0)
    recorded = layer.width[rows]
    return np.where(np.isfinite(recorded) & (recorded > 0), recorded, from_geometry)


def analyse(
    layer: LayerParcels,
    codes: Sequence[str] = codes_mod.CULTIVATED,
    connector_codes: Sequence[str] = CONNECTOR_CODES,
    max_gap: float = DEFAULT_MAX_GAP,
    threshold_mu: float = BLOCK_CLASSES_MU[0],
    is_canceled: Callable[[], bool] | None = None,
) -> Contiguity:
    """Blocks (I7) and fragmentation metrics (I8) of the ``codes`` parcels.

    Raises:
        LandConsolidationError: ``max_gap`` negative.
    """
    if max_gap < 0:
        raise LandConsolidationError(f"最大间隔不能为负：{max_gap}。 MAX_GAP must not be negative.")
    target = layer.rows(codes)
    target_set = set(target.tolist())
    connector = np.array([i for i in layer.rows(connector_codes) if i not in target_set], dtype=np.int64)
    rings = Rings.from_wkb([layer.wkb[i] for i in target])
    conn_rings = Rings.from_wkb([layer.wkb[i] for i in connector], origin=rings.origin)
    widths = connector_widths(layer, connector, conn_rings)
    narrow = np.flatnonzero(widths <= max_gap + 1e-9)
    conn_narrow = conn_rings.subset(narrow)
    areas = layer.tbdlmj[target]
    blocks = find_blocks(rings, areas, conn_narrow, max_gap, is_canceled=is_canceled)
    planar, perimeter = rings.measures()
    summary = block_summary(blocks.area, float(areas.sum()), threshold_mu)
    parcel_metrics = patch_metrics(areas, layer.landscape_area, perimeter, planar)
    summary.update({f"PARCEL_{k}": v for k, v in parcel_metrics.items()})
    summary.update({f"BLOCK_{k}": v for k, v in patch_metrics(blocks.area, layer.landscape_area).items()})
    summary["LANDSCAPE_M2"] = layer.landscape_area
    summary["CORNER_CONTACTS"] = blocks.corner_contacts
    summary["REJECTED_GAPS"] = blocks.rejected_gaps
    return Contiguity(
        parcels=target,
        rings=rings,
        blocks=blocks,
        summary=summary,
        connectors_used=len(narrow),
        connectors_wide=len(connector) - len(narrow),
        layer=layer,
        perimeter=perimeter,
        planar_area=planar,
    )


def group_metrics(result: Contiguity) -> pd.DataFrame:
    """Parcel-level metrics (I8) per group (village) and for all, one row each.

    The landscape of a group is Σ TBMJ of the group's parcels.  Block
    counts are given for the whole area only (a block may span villages).
    """
    layer = result.layer
    areas = layer.tbdlmj[result.parcels]
    rows = []
    if layer.group is not None:
        landscape = pd.Series(layer.tbmj).groupby(layer.group).sum()
        target_group = layer.group[result.parcels]
        order = np.argsort(target_group, kind="stable")
        sorted_groups = target_group[order]
        cuts = _heads(sorted_groups).tolist() + [len(order)]
        present = {}
        for k in range(len(cuts) - 1):
            present[sorted_groups[cuts[k]]] = order[cuts[k] : cuts[k + 1]]
        for value in sorted(landscape.index):
            pick = present.get(value, np.zeros(0, dtype=np.int64))
            metrics = patch_metrics(
                areas[pick], float(landscape[value]), result.perimeter[pick], result.planar_area[pick]
            )
            rows.append({"GROUP": value, "LANDSCAPE_M2": float(landscape[value]), **metrics})
    metrics = patch_metrics(areas, layer.landscape_area, result.perimeter, result.planar_area)
    rows.append({"GROUP": "全部", "LANDSCAPE_M2": layer.landscape_area, **metrics})
    return pd.DataFrame(rows)


def block_geometries(result: Contiguity, is_canceled: Callable[[], bool] | None = None) -> tuple[list, list[str]]:
    """The dissolved polygon of each block, largest block first.

    Outlines come from :func:`block_outlines`; the few parts it cannot
    dissolve (overlapping or badly noded parcels) are dissolved with GEOS.

    Returns:
        ``(geometries, notes)``: one QgsGeometry (MultiPolygon) per block,
        and log lines naming the parts that needed GEOS or failed.
    """
    from qgis.core import QgsGeometry, QgsWkbTypes

    blocks = result.blocks
    count = len(blocks.area)
    notes: list[str] = []
    if count == 0:
        return [], notes
    parts = block_outlines(result.rings, blocks)
    part_block = np.zeros(len(parts), dtype=np.int64)
    part_block[blocks.part] = blocks.label
    polygons: list[list[bytes]] = [[] for _ in range(count)]
    order = np.argsort(blocks.part, kind="stable")
    bounds = np.searchsorted(blocks.part[order], np.arange(len(parts) + 1))
    repaired = 0
    for p, found in enumerate(parts):
        if found is not None:
            polygons[part_block[p]].extend(found)
            continue
        if is_canceled is not None and is_canceled():
            raise Cancelled()
        members = order[bounds[p] : bounds[p + 1]]
        geoms = []
        for i in members:
            geom = QgsGeometry()
            geom.fromWkb(bytes(result.layer.wkb[result.parcels[i]]))
            if not geom.isGeosValid():
                geom = geom.makeValid()
            geoms.append(geom)
        union = QgsGeometry.unaryUnion(geoms)
        if union.isNull() or union.isEmpty():
            labels = "、".join(result.layer.labels(result.parcels[members][:10]))
            notes.append(
                f"连片块 {part_block[p] + 1} 中图斑 {labels} 无法合并，输出中缺少这一部分。"
                f" Block {part_block[p] + 1}: parcels {labels} could not be dissolved and are missing from its polygon."
            )
            continue
        repaired += 1
        for piece in union.asGeometryCollection():
            if piece.type() == QgsWkbTypes.PolygonGeometry:
                polygons[part_block[p]].append(bytes(piece.asWkb()))
    if repaired:
        notes.append(
            f"{repaired} 处相互重叠或节点不一致的图斑组用 GEOS 合并。"
            f" {repaired} group(s) of overlapping or unevenly noded parcels were dissolved with GEOS."
        )
    geometries = []
    for block in range(count):
        geom = QgsGeometry()
        geom.fromWkb(multipolygon_wkb(polygons[block]))
        geometries.append(geom)
    return geometries, notes
