"""The uniform-grid neighbour search: which boundary segments lie near which points.

Why a grid and vertices: the minimum distance between two polygons whose
boundaries do not cross is always attained at a vertex of one of them (the
distance between two segments that do not intersect is attained at an end
of one of them).  So matching every vertex with the boundary segments
within a radius of it, for the polygons of a whole layer at once, gives
each nearby pair of polygons their exact distance, their closest points
and the stretch of boundary they share.  The segments are hashed into a
uniform grid (a spatial hash: one sort of cell keys, no tree), so each
vertex is compared only with the segments of its own cell; the comparisons
run as array operations in bounded chunks on two threads, and
:meth:`SegmentGrid.polygon_pairs` reduces each chunk to one row per pair
of polygons before the next, so that memory stays bounded however dense
the vertices or wide the radius.

Boundaries that cross, and a polygon lying inside another, are the cases
where the vertices alone do not tell: :func:`proximity_labels` checks
those pairs apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from ...i18n import tr
from ..errors import LandConsolidationError, check_canceled
from .arrays import connected_labels, heads, parallel_batches
from .rings import Rings, Segments

# Largest number of (point, segment) candidates compared at once; bounds the
# memory of the neighbour search (≈ 150 bytes each with the temporaries).
_CANDIDATE_BUDGET = 250_000
# Points whose cell ranges are looked up at once: the per-point arrays of a
# query (about a dozen int64 each) stay bounded however many points there are.
_POINT_BLOCK = 1 << 18
# Polygons with more segments than this have their own segments skipped by
# run (see SegmentGrid._blocks); the others' are compared and dropped.
_OWN_RUN = 64
#: Distances are computed from coordinates relative to an origin near the
#: data; a pair this much (m) beyond the asked distance still counts, so that
#: a vertex lying on another polygon's edge is never lost to rounding.
ROUNDING = 1e-9


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

    Within a cell the segments are kept in order of their polygon, so that a
    query that skips a point's own polygon (``point_owner``) never even
    looks at its segments: a polygon of a million vertices would otherwise
    compare each of its vertices with all of its own segments in the cell,
    a cost growing with the square of its vertex count.
    """

    def __init__(self, segs: Segments, radius: float, cell: float | None = None, compact: bool = False):
        self.segs = segs
        self.radius = float(radius)
        self.compact = compact
        self.dx = segs.x2 - segs.x1
        self.dy = segs.y2 - segs.y1
        self.length = np.hypot(self.dx, self.dy)
        self.cell = float(cell or default_cell(self.radius, self.length))
        with np.errstate(divide="ignore"):
            self.inv_length2 = np.where(self.length > 0, 1.0 / (self.length * self.length), 0.0)
        self.box = (
            np.minimum(segs.x1, segs.x2) - radius,
            np.maximum(segs.x1, segs.x2) + radius,
            np.minimum(segs.y1, segs.y2) - radius,
            np.maximum(segs.y1, segs.y2) + radius,
        )
        # The low half of an entry is the segment's rank in polygon order, so
        # that each polygon's segments are one run of each cell's entries.
        # Rings keep each polygon's rings together (:class:`.Rings`), so its
        # segments are already one run of indices and the rank is the index;
        # else they are ranked by a sort.
        owner = segs.owner
        count = int(owner.max()) + 1 if len(owner) else 0
        runs = 1 + int(np.count_nonzero(owner[1:] != owner[:-1])) if len(owner) else 0
        self.sizes = np.bincount(owner, minlength=count)
        self.by_owner = None
        if runs != int(np.count_nonzero(self.sizes)):
            self.by_owner = np.argsort(owner, kind="stable")
        ranked = owner if self.by_owner is None else owner[self.by_owner]
        runs_at = heads(ranked)
        self.first_rank = np.zeros(count, dtype=np.int64)
        self.first_rank[ranked[runs_at]] = runs_at
        if not len(segs):
            self.combined = np.zeros(0, dtype=np.int64)
            self.entry = np.zeros(0, dtype=np.int32)
            self.cell_start = None
            self.x0 = self.y0 = 0.0
            self.rows = 1
            return
        if self.by_owner is None:
            rank = np.arange(len(segs))
        else:
            rank = np.empty(len(segs), dtype=np.int64)
            rank[self.by_owner] = np.arange(len(segs))
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
        cells = (int(gx1.max()) + 2) * self.rows
        nx = gx1 - gx0 + 1
        ny = gy1 - gy0 + 1
        per_piece = nx * ny
        wide = int(gx1.max()) * self.rows + int(gy1.max()) >= 2**31 or len(segs) >= 2**31
        if wide:  # pragma: no cover - a grid of more than 2³¹ cells
            raise LandConsolidationError(tr("The area is too large for the neighbour grid."))
        # Entries as one int64 each, cell key in the high half and the
        # segment's rank in the low half: sorting the values sorts by cell,
        # then polygon, with no index array, and filling them by chunks
        # keeps the temporaries small.
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
            combined[base : int(bounds[stop - 1])] = (keys << 32) | rank[piece_seg[entry_piece]]
            begin = stop
        combined.sort()
        # Pieces of one segment sharing a cell give duplicate pairs; the
        # callers only take minima and maxima, which duplicates do not change.
        self.combined = combined
        low = (combined & 0xFFFFFFFF).astype(np.int32)
        self.entry = low if self.by_owner is None else self.by_owner[low].astype(np.int32)
        # Where the grid has not many more cells than entries, a table of
        # each cell's first entry finds a point's cell by one lookup instead
        # of two binary searches (0.16 s of the county's 1.0 s search).
        self.cell_start = None
        if cells <= len(combined) + 1_000_000:
            self.cell_start = np.concatenate(([0], np.cumsum(np.bincount(combined >> 32, minlength=cells))))

    def _blocks(self, px, py, point_owner):
        """Per block of points from ``begin``: ``(begin, counts, lo, own, skip)`` of their candidates.

        A point's candidates are the entries ``lo … lo + counts`` of its cell,
        less the run of its own polygon's (``own`` entries in, ``skip`` long)
        where that polygon has more than :data:`_OWN_RUN` segments; the
        callers drop the few own segments of the others by comparing owners,
        which is cheaper than looking their run up.
        """
        n = len(px)
        rows = self.rows
        for begin in range(0, n, _POINT_BLOCK):
            stop = min(begin + _POINT_BLOCK, n)
            gx = np.floor((px[begin:stop] - self.x0) / self.cell).astype(np.int64)
            gy = np.floor((py[begin:stop] - self.y0) / self.cell).astype(np.int64)
            outside = (gx < 0) | (gy < 0) | (gy >= rows)
            cell = np.where(outside, 0, gx * rows + gy)
            if self.cell_start is not None:
                outside |= cell >= len(self.cell_start) - 1
                cell = np.where(outside, 0, cell)
                lo = self.cell_start[cell]
                hi = self.cell_start[cell + 1]
            else:
                lo = np.searchsorted(self.combined, cell << 32, "left")
                hi = np.searchsorted(self.combined, (cell + 1) << 32, "left")
            hi = np.where(outside, lo, hi)
            cell_key = cell << 32
            own = hi - lo
            skip = np.zeros_like(lo)
            if point_owner is not None:
                owner = point_owner[begin:stop]
                size = self.sizes[np.minimum(owner, len(self.sizes) - 1)]
                size = np.where(owner < len(self.sizes), size, 0)
                big = np.flatnonzero(size > _OWN_RUN)
                if len(big):
                    first = self.first_rank[owner[big]]
                    key = cell_key[big]
                    own_lo = np.searchsorted(self.combined, key | first, "left")
                    own_hi = np.searchsorted(self.combined, key | (first + size[big]), "left")
                    own_lo = np.clip(own_lo, lo[big], hi[big])
                    own_hi = np.clip(own_hi, own_lo, hi[big])
                    own[big] = own_lo - lo[big]
                    skip[big] = own_hi - own_lo
            yield begin, (hi - lo) - skip, lo, own, skip

    def _candidates(self, px, py, point_owner):
        """Chunks of at most about :data:`_CANDIDATE_BUDGET` candidates: a list of callables per block.

        Each call gives ``(points, segments)``: every point with every
        segment of its cell (its own polygon's left out).
        """
        for begin, counts, lo, own, skip in self._blocks(px, py, point_owner):
            bounds = np.cumsum(counts)
            chunks = []
            first = 0
            while first < len(counts):
                base = bounds[first - 1] if first else 0
                last = int(np.searchsorted(bounds, base + _CANDIDATE_BUDGET, "right"))
                last = min(max(last, first + 1), len(counts))
                chunks.append((first, last))
                first = last

            def make(first, last, counts=counts, lo=lo, own=own, skip=skip, begin=begin):
                def pairs():
                    c = counts[first:last]
                    local = np.repeat(np.arange(first, last), c)
                    k = np.arange(len(local)) - np.repeat(np.cumsum(c) - c, c)
                    off = lo[local] + k + np.where(k >= own[local], skip[local], 0)
                    return local + begin, self.entry[off]
                return pairs

            yield [make(a, b) for a, b in chunks]

    def query(
        self,
        px: np.ndarray,
        py: np.ndarray,
        point_owner: np.ndarray | None = None,
        is_canceled: Callable[[], bool] | None = None,
    ) -> Near:
        """Every (point, segment) pair closer than the radius, in point order.

        Pairs whose point and segment have the same owner are skipped when
        ``point_owner`` is given (same numbering as ``segs.owner``).  All
        pairs are returned at once: where there may be very many, reduce
        them as they come with :meth:`polygon_pairs`.
        """
        px = np.asarray(px, dtype=float)
        py = np.asarray(py, dtype=float)
        if not len(px) or not len(self.combined):
            return Near.empty()

        def run(pairs):
            check_canceled(is_canceled)
            pi, si = pairs()
            if point_owner is not None:
                differ = point_owner[pi] != self.segs.owner[si]
                pi, si = pi[differ], si[differ]
            return self._distances(px, py, pi, si)

        out = []
        for results in parallel_batches(run, self._candidates(px, py, point_owner)):
            out.extend(results)
        if not out:
            return Near.empty()
        return Near(*(None if parts[0] is None else np.concatenate(parts) for parts in zip(*out)))

    def polygon_pairs(
        self,
        px: np.ndarray,
        py: np.ndarray,
        point_owner: np.ndarray,
        count: int,
        tolerance: float,
        is_canceled: Callable[[], bool] | None = None,
    ) -> PolygonPairs:
        """The pairs of polygons within the radius of each other, reduced as the search goes.

        The points are the polygons' vertices (``point_owner`` their polygon,
        numbered as ``segs.owner``, ``count`` polygons).  For each pair of
        polygons a vertex of one lies within the radius of the other's
        boundary, this keeps their distance, the (vertex, segment) where it
        is attained and the extent of the vertices lying on the other
        polygon (within ``tolerance``); and every (vertex, segment) pair
        within ``tolerance`` (the contacts, reused to dissolve outlines).
        Each chunk of candidates is reduced before the next one, so memory
        follows the number of polygon pairs and contacts, not the number of
        vertex–segment pairs within the radius (which grows with the
        square of the radius and with the density of vertices).
        """
        px = np.asarray(px, dtype=float)
        py = np.asarray(py, dtype=float)
        point_owner = np.asarray(point_owner, dtype=np.int64)
        if not len(px) or not len(self.combined):
            return PolygonPairs.empty(count)
        owner = self.segs.owner

        def run(pairs):
            check_canceled(is_canceled)
            pi, si = pairs()
            differ = point_owner[pi] != owner[si]
            pi, si, dist = self._distances(px, py, pi[differ], si[differ])[:3]
            first = point_owner[pi]
            second = owner[si]
            key = np.minimum(first, second) * count + np.maximum(first, second)
            on = dist <= tolerance
            contact = (pi[on], si[on], dist[on])
            return _PairRows.of(key, dist, pi, si, px[pi], py[pi], on).reduced(), contact

        reduced, contacts = [], []
        for results in parallel_batches(run, self._candidates(px, py, point_owner)):
            for rows, contact in results:
                reduced.append(rows)
                contacts.append(contact)
            # Merge as the blocks go, so that what is held stays one row per pair.
            reduced = [_PairRows.concatenate(reduced).reduced()]
        rows = _PairRows.concatenate(reduced)
        on = Near(
            *(np.concatenate([c[k] for c in contacts]) if contacts else np.zeros(0) for k in range(3)),
            None, None, None,
        )
        return PolygonPairs.of(rows, count, on)

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


def default_cell(radius: float, lengths: np.ndarray) -> float:
    """The grid's cell size (m) for segments of these lengths searched within ``radius``.

    A point is compared with every segment whose grown box covers its cell,
    about (cell + 2 radius)² worth of boundary, and each segment is stored
    in about (1 + (length + 2 radius) / cell)² cells.  Survey parcels have
    long edges (median 49 m on the generated county), where 4 × radius is
    best; densely digitised boundaries (0.5 m) want smaller cells, about
    radius + length.  Measured (grid and search, 2 threads, the machine
    shared): with ``radius`` 8.05 m, the county 1.7 s at 32 m cells against
    2.8 s at 16 m, the township densified to 0.5 m 8.8 s at 16 m against
    15.3 s at 32 m; with ``radius`` 50.05 m, the densified township 357 s at
    50 m against 559 s at 100 m (``benchmarks/bench_contiguity_scale.py``).
    """
    typical = float(np.median(lengths)) if len(lengths) else 0.0
    return max(16.0, min(4.0 * radius, radius + typical))


@dataclass
class _PairRows:
    """Rows of (polygon pair, distance, vertex, segment, contact extent), reducible by pair."""

    key: np.ndarray
    dist: np.ndarray
    point: np.ndarray
    segment: np.ndarray
    x_lo: np.ndarray
    x_hi: np.ndarray
    y_lo: np.ndarray
    y_hi: np.ndarray

    @classmethod
    def of(cls, key, dist, point, segment, x, y, on) -> _PairRows:
        """One row per (vertex, segment) pair; the extent counts only the vertices ``on`` the other polygon."""
        big = np.inf
        return cls(key, dist, point.astype(np.int64), segment.astype(np.int64), np.where(on, x, big),
                   np.where(on, x, -big), np.where(on, y, big), np.where(on, y, -big))

    @classmethod
    def concatenate(cls, parts: list) -> _PairRows:
        """The rows of several, in order."""
        if not parts:
            empty = np.zeros(0)
            index = np.zeros(0, dtype=np.int64)
            return cls(index, empty, index, index, empty, empty, empty, empty)
        return cls(*(np.concatenate([getattr(p, f) for p in parts]) for f in cls.__dataclass_fields__))

    def reduced(self) -> _PairRows:
        """One row per pair: the least distance, at the last row holding it; the union of the extents.

        "Last" in row order (a stable sort): rows come in vertex order, so
        the result does not depend on how the search was cut into chunks.
        """
        order = np.argsort(self.key, kind="stable")
        key = self.key[order]
        starts = heads(key)
        if not len(starts):
            return self
        dist = self.dist[order]
        dmin = np.minimum.reduceat(dist, starts)
        sizes = np.diff(np.r_[starts, len(key)])
        at_min = dist <= np.repeat(dmin, sizes)
        best = order[np.maximum.reduceat(np.where(at_min, np.arange(len(order)), -1), starts)]
        return _PairRows(
            key[starts], dmin, self.point[best], self.segment[best],
            np.minimum.reduceat(self.x_lo[order], starts), np.maximum.reduceat(self.x_hi[order], starts),
            np.minimum.reduceat(self.y_lo[order], starts), np.maximum.reduceat(self.y_hi[order], starts),
        )


@dataclass
class PolygonPairs:
    """Pairs of polygons near each other (:meth:`SegmentGrid.polygon_pairs`), ``a < b``.

    Attributes:
        a, b: The two polygons of each pair.
        dist: Their distance (from the vertices of both; exact when their
            boundaries do not cross).
        point, segment: The vertex and the segment of the other polygon at
            that distance.
        contact: Length of the stretch of boundary they share: the extent
            (diagonal of the bounding box) of the vertices of either lying
            within the tolerance of the other; 0 for none.
        on: Every (vertex, segment) pair within the tolerance.
    """

    a: np.ndarray
    b: np.ndarray
    dist: np.ndarray
    point: np.ndarray
    segment: np.ndarray
    contact: np.ndarray
    on: Near

    @classmethod
    def empty(cls, count: int) -> PolygonPairs:
        """No pairs."""
        return cls.of(_PairRows.concatenate([]), count, Near.empty())

    @classmethod
    def of(cls, rows: _PairRows, count: int, on: Near) -> PolygonPairs:
        """From reduced rows (one per pair, in key order)."""
        with np.errstate(invalid="ignore"):
            contact = np.nan_to_num(np.hypot(rows.x_hi - rows.x_lo, rows.y_hi - rows.y_lo), nan=0.0, posinf=0.0)
        return cls(rows.key // max(count, 1), rows.key % max(count, 1), rows.dist, rows.point, rows.segment,
                   contact, on)


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
    tolerance: float,
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
    py = np.asarray(py, dtype=float)
    result = np.zeros(len(px), dtype=bool)
    if not len(px) or not len(grid.combined):
        return result

    def run(pairs):
        # A chunk holds whole points (all the candidates of each), so each
        # chunk is decided on its own and only its answers are kept.
        near = Near(*grid._distances(px, py, *pairs()))
        if not len(near.point):
            return near.point, np.zeros(0, dtype=bool)
        point = near.point
        starts = heads(point)
        group = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(point)]))
        nearest = np.minimum.reduceat(near.dist, starts)
        tied = near.dist <= nearest[group] + 1e-9
        steepness = np.where(tied, np.abs(near.inner), -1.0)
        steepest = np.maximum.reduceat(steepness, starts)
        chosen = tied & (steepness >= steepest[group] - 1e-9)
        vote = chosen & ((near.inner > 0) | (near.dist <= tolerance))
        return point[starts], np.maximum.reduceat(vote, starts)

    for results in parallel_batches(run, grid._candidates(px, py, None)):
        for points, inside in results:
            result[points] = inside
    return result


def nearest_points(x, y, segment, segs: Segments) -> tuple[np.ndarray, np.ndarray]:
    """The point of each given segment nearest to (x, y)."""
    ax, ay = segs.x1[segment], segs.y1[segment]
    dx, dy = segs.x2[segment] - ax, segs.y2[segment] - ay
    length2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.clip(np.nan_to_num(((x - ax) * dx + (y - ay) * dy) / length2, nan=0.0), 0.0, 1.0)
    return ax + t * dx, ay + t * dy


# ---------------------------------------------------------------------------
# Polygons within a distance of each other
# ---------------------------------------------------------------------------


def polygon_boxes(rings: Rings) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(xmin, xmax, ymin, ymax)`` of each polygon; NaN for a polygon without rings."""
    n = rings.count
    box = [np.full(n, np.nan) for _ in range(4)]
    if not len(rings.xy):
        return tuple(box)
    vertex_owner = np.repeat(rings.owner, rings.length)
    order = np.argsort(vertex_owner, kind="stable")
    owner_sorted = vertex_owner[order]
    starts = heads(owner_sorted)
    present = owner_sorted[starts]
    x = rings.xy[order, 0]
    y = rings.xy[order, 1]
    box[0][present] = np.minimum.reduceat(x, starts)
    box[1][present] = np.maximum.reduceat(x, starts)
    box[2][present] = np.minimum.reduceat(y, starts)
    box[3][present] = np.maximum.reduceat(y, starts)
    return tuple(box)


def box_pairs(xmin, xmax, ymin, ymax, is_canceled: Callable[[], bool] | None = None):
    """Every pair ``(a, b)``, ``a < b``, of boxes that intersect (edges included).

    Sort and sweep along x: after sorting by ``xmin``, the boxes whose x
    range overlaps box k's and that come after it are the next ones up to
    its ``xmax``; their y ranges are then compared.  Boxes with NaN are
    left out.
    """
    xmin, xmax, ymin, ymax = (np.asarray(v, dtype=float) for v in (xmin, xmax, ymin, ymax))
    valid = np.flatnonzero(np.isfinite(xmin) & np.isfinite(xmax) & np.isfinite(ymin) & np.isfinite(ymax))
    order = valid[np.argsort(xmin[valid], kind="stable")]
    xs = xmin[order]
    position = np.arange(len(order))
    upto = np.searchsorted(xs, xmax[order], "right")
    counts = np.maximum(upto - position - 1, 0)
    bounds = np.cumsum(counts)
    out_a, out_b = [], []
    begin = 0
    while begin < len(order):
        check_canceled(is_canceled)
        base = int(bounds[begin - 1]) if begin else 0
        stop = min(max(int(np.searchsorted(bounds, base + _CANDIDATE_BUDGET, "right")), begin + 1), len(order))
        c = counts[begin:stop]
        first = np.repeat(position[begin:stop], c)
        second = first + 1 + np.arange(len(first)) - np.repeat(np.cumsum(c) - c, c)
        a, b = order[first], order[second]
        overlap = (ymin[a] <= ymax[b]) & (ymin[b] <= ymax[a])
        out_a.append(np.minimum(a[overlap], b[overlap]))
        out_b.append(np.maximum(a[overlap], b[overlap]))
        begin = stop
    if not out_a:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return np.concatenate(out_a), np.concatenate(out_b)


def box_pairs_between(first, second, is_canceled: Callable[[], bool] | None = None):
    """Every pair ``(i, j)`` of a box of ``first`` and a box of ``second`` that intersect (edges included).

    ``first`` and ``second`` are ``(xmin, ymin, xmax, ymax)`` arrays (boxes
    with NaN are left out).  Two x ranges overlap when one starts inside the
    other: the boxes of ``second`` starting in each box of ``first``, and
    those of ``first`` starting strictly inside each box of ``second``, are
    found by two sorted sweeps; their y ranges are then compared.  Unlike
    :func:`box_pairs` over both sets, pairs within one set are never made.

    Returns:
        ``(i, j)`` index arrays, sorted by ``i`` then ``j``.
    """
    a = [np.asarray(v, dtype=float) for v in first]
    b = [np.asarray(v, dtype=float) for v in second]
    out_i, out_j = [], []
    for (p, q, strict, flip) in ((a, b, False, False), (b, a, True, True)):
        # The boxes of q whose xmin lies in [p.xmin, p.xmax] (strictly above p.xmin on the second sweep).
        valid_p = np.flatnonzero(np.isfinite(p[0]) & np.isfinite(p[1]) & np.isfinite(p[2]) & np.isfinite(p[3]))
        valid_q = np.flatnonzero(np.isfinite(q[0]) & np.isfinite(q[1]) & np.isfinite(q[2]) & np.isfinite(q[3]))
        order = valid_q[np.argsort(q[0][valid_q], kind="stable")]
        starts = q[0][order]
        lo = np.searchsorted(starts, p[0][valid_p], "right" if strict else "left")
        hi = np.searchsorted(starts, p[2][valid_p], "right")
        counts = np.maximum(hi - lo, 0)
        bounds = np.cumsum(counts)
        begin = 0
        while begin < len(valid_p):
            check_canceled(is_canceled)
            base = int(bounds[begin - 1]) if begin else 0
            stop = min(max(int(np.searchsorted(bounds, base + _CANDIDATE_BUDGET, "right")), begin + 1), len(valid_p))
            c = counts[begin:stop]
            rows = np.repeat(np.arange(begin, stop), c)
            at = np.repeat(lo[begin:stop], c) + np.arange(len(rows)) - np.repeat(np.cumsum(c) - c, c)
            i, j = valid_p[rows], order[at]
            overlap = (p[1][i] <= q[3][j]) & (q[1][j] <= p[3][i])
            out_i.append(j[overlap] if flip else i[overlap])
            out_j.append(i[overlap] if flip else j[overlap])
            begin = stop
    if not out_i:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    i, j = np.concatenate(out_i), np.concatenate(out_j)
    order = np.lexsort((j, i))
    return i[order], j[order]


def proximity_labels(
    rings: Rings, distance: float, is_canceled: Callable[[], bool] | None = None
) -> np.ndarray:
    """Component label (its smallest member) of each polygon, polygons at most ``distance`` apart linked.

    The distance between two polygons is 0 when they overlap or one lies
    inside the other, else the shortest distance between their boundaries
    (as GEOS measures it).  Three cases link a pair:

    1. a vertex of one lies within ``distance`` of the other's boundary
       (the grid search; exact whenever the boundaries do not cross);
    2. their boundaries cross (two edges intersect away from any vertex:
       two strips laid across each other);
    3. one lies inside the other, clear of its boundary (a vertex of one
       is inside the other).

    Cases 2 and 3 need the two bounding boxes to intersect; only such pairs
    not already linked through case 1 (directly or by way of others) are
    tested, edge by edge.

    Args:
        rings: The polygons.
        distance: Largest distance (m) that links two polygons.
        is_canceled: Returns True to stop (raises :class:`~..errors.Cancelled`).
    """
    n = rings.count
    if n == 0 or not len(rings.length):
        return np.arange(n, dtype=np.int64)
    segs = Segments.of(rings)
    first, _, ring = rings.segment_ends()
    px = rings.xy[first, 0]
    py = rings.xy[first, 1]
    owner = rings.owner[ring]
    grid = SegmentGrid(segs, float(distance) + ROUNDING, compact=True)
    near = grid.query(px, py, point_owner=owner, is_canceled=is_canceled)
    del grid
    label = connected_labels(n, owner[near.point], segs.owner[near.segment])

    a, b = box_pairs(*polygon_boxes(rings), is_canceled=is_canceled)
    open_ = label[a] != label[b]
    a, b = a[open_], b[open_]
    if len(a):
        by_owner = np.argsort(segs.owner, kind="stable")
        seg_count = np.bincount(segs.owner, minlength=n)
        seg_start = np.concatenate(([0], np.cumsum(seg_count)[:-1]))
        # One vertex of each polygon (the first of its first ring) for the
        # containment test.
        first_ring = np.full(n, -1, dtype=np.int64)
        first_ring[rings.owner[::-1]] = np.arange(len(rings.owner))[::-1]
        vx = np.where(first_ring >= 0, rings.xy[rings.start[first_ring], 0], np.nan)
        vy = np.where(first_ring >= 0, rings.xy[rings.start[first_ring], 1], np.nan)
        table = _SegmentTable(segs, by_owner, seg_start, seg_count)
        touching = (
            table.contains(b, vx[a], vy[a], is_canceled)
            | table.contains(a, vx[b], vy[b], is_canceled)
            | table.crossing(a, b, is_canceled)
        )
        label = connected_labels(n, a[touching], b[touching], parent=label)
    return label


@dataclass
class _SegmentTable:
    """The segments of each polygon, for tests on a few pairs of polygons."""

    segs: Segments
    order: np.ndarray  # segment indices sorted by owner
    start: np.ndarray  # first position in ``order`` of each polygon's segments
    count: np.ndarray  # segment count of each polygon

    def _expand(self, polygons: np.ndarray, weight: np.ndarray | None = None):
        """Chunks ``(rows, segments)``: each row of ``polygons`` with each of its polygon's segments."""
        counts = self.count[polygons] if weight is None else self.count[polygons] * weight
        bounds = np.cumsum(counts)
        begin = 0
        while begin < len(polygons):
            base = int(bounds[begin - 1]) if begin else 0
            stop = min(max(int(np.searchsorted(bounds, base + _CANDIDATE_BUDGET, "right")), begin + 1),
                       len(polygons))
            yield begin, stop
            begin = stop

    def contains(self, polygons, x, y, is_canceled=None) -> np.ndarray:
        """Whether each point ``(x, y)`` lies inside the polygon of its row (even-odd rule, holes out)."""
        polygons = np.asarray(polygons, dtype=np.int64)
        inside = np.zeros(len(polygons), dtype=bool)
        segs = self.segs
        for begin, stop in self._expand(polygons):
            check_canceled(is_canceled)
            c = self.count[polygons[begin:stop]]
            row = np.repeat(np.arange(begin, stop), c)
            k = np.arange(len(row)) - np.repeat(np.cumsum(c) - c, c)
            s = self.order[np.repeat(self.start[polygons[begin:stop]], c) + k]
            qx, qy = x[row], y[row]
            y1, y2 = segs.y1[s], segs.y2[s]
            spans = (y1 > qy) != (y2 > qy)
            with np.errstate(invalid="ignore", divide="ignore"):
                at = segs.x1[s] + (qy - y1) * (segs.x2[s] - segs.x1[s]) / (y2 - y1)
            crossings = np.bincount(row - begin, spans & (qx < at), minlength=stop - begin)
            inside[begin:stop] = crossings % 2 == 1
        return inside

    def crossing(self, a, b, is_canceled=None) -> np.ndarray:
        """Whether an edge of polygon ``a[i]`` crosses an edge of polygon ``b[i]``, for each i."""
        a = np.asarray(a, dtype=np.int64)
        b = np.asarray(b, dtype=np.int64)
        result = np.zeros(len(a), dtype=bool)
        segs = self.segs
        for begin, stop in self._expand(a, self.count[b]):
            check_canceled(is_canceled)
            ca = self.count[a[begin:stop]]
            cb = self.count[b[begin:stop]]
            per = ca * cb
            row = np.repeat(np.arange(begin, stop), per)
            k = np.arange(len(row)) - np.repeat(np.cumsum(per) - per, per)
            cb_row = cb[row - begin]
            s = self.order[self.start[a[row]] + k // cb_row]
            t = self.order[self.start[b[row]] + k % cb_row]
            hit = _segments_cross(segs, s, t)
            result[begin:stop] = np.bincount(row - begin, hit, minlength=stop - begin) > 0
        return result


def _segments_cross(segs: Segments, s: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Whether segments ``s`` and ``t`` intersect (touching included), pairwise."""
    ax, ay, bx, by = segs.x1[s], segs.y1[s], segs.x2[s], segs.y2[s]
    cx, cy, dx, dy = segs.x1[t], segs.y1[t], segs.x2[t], segs.y2[t]

    def orient(px, py, qx, qy, rx, ry):
        return np.sign((qx - px) * (ry - py) - (qy - py) * (rx - px))

    d1 = orient(cx, cy, dx, dy, ax, ay)
    d2 = orient(cx, cy, dx, dy, bx, by)
    d3 = orient(ax, ay, bx, by, cx, cy)
    d4 = orient(ax, ay, bx, by, dx, dy)
    proper = (d1 * d2 < 0) & (d3 * d4 < 0)

    def within(px, py, qx, qy, rx, ry):
        return (np.minimum(qx, rx) <= px) & (px <= np.maximum(qx, rx)) & \
            (np.minimum(qy, ry) <= py) & (py <= np.maximum(qy, ry))

    # An end lying on the other segment: the vertex search has mostly seen
    # these already; counting them here as well is harmless.
    touch = ((d1 == 0) & within(ax, ay, cx, cy, dx, dy)) | ((d2 == 0) & within(bx, by, cx, cy, dx, dy))
    touch |= ((d3 == 0) & within(cx, cy, ax, ay, bx, by)) | ((d4 == 0) & within(dx, dy, ax, ay, bx, by))
    return proper | touch
