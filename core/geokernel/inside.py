"""Which polygons lie wholly inside or wholly outside a boundary, without GEOS for most of them.

Restricting a county's layers to a project area asks, for every parcel,
"inside, outside, or cut?" – a prepared-geometry test of 10–20 µs each in
GEOS, 250 000 times per layer.  Most parcels are far from the boundary, and
for those the answer follows from a grid:

* the cells the boundary passes through are marked (the boundary sampled
  every half cell, each sample's cell and its eight neighbours: a stretch of
  boundary between two samples cannot reach further);
* the unmarked cells fall into connected regions that the boundary does not
  cross, so each region lies wholly inside or wholly outside; one point per
  region is tested (crossing number against every boundary segment);
* a polygon whose bounding box covers no marked cell lies in one region
  (the boundary passes nowhere through its box), and takes its state from
  the region under any of its vertices.

The others (boxes touching a marked cell: near the boundary) are left to
GEOS.  Pure numpy.
"""
from __future__ import annotations

import hashlib

import numpy as np

from .arrays import connected_labels
from .rings import Rings

#: Outside, inside, and near the boundary (not decided here).
OUTSIDE, INSIDE, NEAR = 0, 1, -1


class BoundaryGrid:
    """A boundary rasterised for :meth:`classify`.

    Args:
        boundary: The boundary's rings (holes and several parts allowed; the
            even-odd rule decides what is inside).
        cells: Cells along the longer side of the boundary's extent; the
            cell is at least ``min_cell`` metres.
        min_cell: Smallest cell size (m).
    """

    def __init__(self, boundary: Rings, cells: int = 1000, min_cell: float = 2.0):
        ox, oy = boundary.origin
        a, b, _ = boundary.segment_ends()
        x, y = boundary.xy[:, 0] + ox, boundary.xy[:, 1] + oy
        self.x1, self.y1, self.x2, self.y2 = x[a], y[a], x[b], y[b]
        if not len(a):
            self.size = 1.0
            self.x0 = self.y0 = 0.0
            self.nx = self.ny = 0
            return
        width, height = float(x.max() - x.min()), float(y.max() - y.min())
        self.size = max(max(width, height) / cells, min_cell)
        # Two cells of margin: the grid's edge is outside and unmarked.
        self.x0 = float(x.min()) - 2 * self.size
        self.y0 = float(y.min()) - 2 * self.size
        self.nx = int(np.ceil(width / self.size)) + 5
        self.ny = int(np.ceil(height / self.size)) + 5
        marked = np.zeros((self.ny, self.nx), dtype=bool)
        length = np.hypot(self.x2 - self.x1, self.y2 - self.y1)
        steps = np.ceil(length / (0.5 * self.size)).astype(np.int64) + 1
        segment = np.repeat(np.arange(len(steps)), steps)
        t = (np.arange(int(steps.sum())) - np.repeat(np.cumsum(steps) - steps, steps)) \
            / np.maximum(steps[segment] - 1, 1)
        sx = self.x1[segment] + t * (self.x2[segment] - self.x1[segment])
        sy = self.y1[segment] + t * (self.y2[segment] - self.y1[segment])
        col, row = self._cell(sx, sy)
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                marked[np.clip(row + dr, 0, self.ny - 1), np.clip(col + dc, 0, self.nx - 1)] = True
        self.marked = marked
        # Marked cells in the rectangle [0, r) × [0, c): a box's count in four look-ups.
        self.summed = np.zeros((self.ny + 1, self.nx + 1), dtype=np.int32)
        self.summed[1:, 1:] = np.cumsum(np.cumsum(marked, axis=0, dtype=np.int32), axis=1, dtype=np.int32)
        self.state = self._region_states(marked)

    def _cell(self, x, y) -> tuple[np.ndarray, np.ndarray]:
        col = np.floor((np.asarray(x, dtype=float) - self.x0) / self.size).astype(np.int64)
        row = np.floor((np.asarray(y, dtype=float) - self.y0) / self.size).astype(np.int64)
        return col, row

    def _region_states(self, marked: np.ndarray) -> np.ndarray:
        """INSIDE / OUTSIDE of every unmarked cell (by its region), NEAR for marked cells."""
        ids = np.arange(marked.size, dtype=np.int64).reshape(marked.shape)
        free = ~marked
        right = free[:, :-1] & free[:, 1:]
        up = free[:-1, :] & free[1:, :]
        u = np.concatenate([ids[:, :-1][right], ids[:-1, :][up]])
        v = np.concatenate([ids[:, 1:][right], ids[1:, :][up]])
        labels = connected_labels(marked.size, u, v).reshape(marked.shape)
        roots = np.unique(labels[free])
        # One cell centre per region, tested against the boundary.
        rows, cols = np.divmod(roots, self.nx)
        inside = self.contains_points(self.x0 + (cols + 0.5) * self.size, self.y0 + (rows + 0.5) * self.size)
        by_root = np.full(marked.size, NEAR, dtype=np.int8)
        by_root[roots] = np.where(inside, INSIDE, OUTSIDE)
        state = by_root[labels]
        state[marked] = NEAR
        return state

    def contains_points(self, px, py, chunk: int = 2_000_000) -> np.ndarray:
        """Crossing-number test of points against every boundary segment (for a few points: one per region)."""
        px = np.asarray(px, dtype=float)
        py = np.asarray(py, dtype=float)
        result = np.zeros(len(px), dtype=bool)
        per = max(1, chunk // max(len(self.x1), 1))
        for start in range(0, len(px), per):
            qx, qy = px[start:start + per, None], py[start:start + per, None]
            crosses = (self.y1 > qy) != (self.y2 > qy)
            with np.errstate(divide="ignore", invalid="ignore"):
                at = self.x1 + (qy - self.y1) * (self.x2 - self.x1) / (self.y2 - self.y1)
            result[start:start + per] = (np.count_nonzero(crosses & (qx < at), axis=1) % 2) == 1
        return result

    def classify(self, xmin, ymin, xmax, ymax, px, py) -> np.ndarray:
        """INSIDE, OUTSIDE or NEAR for each box (a polygon's bounding box) with a point of its polygon.

        Args:
            xmin, ymin, xmax, ymax: The polygons' bounding boxes (NaN: NEAR).
            px, py: A vertex of each polygon.
        """
        xmin, ymin, xmax, ymax = (np.asarray(v, dtype=float) for v in (xmin, ymin, xmax, ymax))
        result = np.full(len(xmin), NEAR, dtype=np.int8)
        if not self.nx:
            return result
        finite = np.isfinite(xmin) & np.isfinite(ymin) & np.isfinite(xmax) & np.isfinite(ymax)
        c0, r0 = self._cell(np.where(finite, xmin, self.x0), np.where(finite, ymin, self.y0))
        c1, r1 = self._cell(np.where(finite, xmax, self.x0), np.where(finite, ymax, self.y0))
        # A box beyond the grid's extent on any side lies outside the boundary.
        away = finite & ((c1 < 0) | (r1 < 0) | (c0 >= self.nx) | (r0 >= self.ny))
        result[away] = OUTSIDE
        todo = finite & ~away
        c0, c1 = np.clip(c0, 0, self.nx - 1), np.clip(c1, 0, self.nx - 1)
        r0, r1 = np.clip(r0, 0, self.ny - 1), np.clip(r1, 0, self.ny - 1)
        s = self.summed
        count = s[r1 + 1, c1 + 1] - s[r0, c1 + 1] - s[r1 + 1, c0] + s[r0, c0]
        clear = todo & (count == 0)
        pc, pr = self._cell(np.where(clear, px, self.x0), np.where(clear, py, self.y0))
        pc, pr = np.clip(pc, 0, self.nx - 1), np.clip(pr, 0, self.ny - 1)
        result[clear] = self.state[pr[clear], pc[clear]]
        return result


def first_vertices(rings: Rings) -> tuple[np.ndarray, np.ndarray]:
    """A vertex of each polygon of ``rings`` (the first of its first ring; NaN for one without rings)."""
    px = np.full(rings.count, np.nan)
    py = np.full(rings.count, np.nan)
    if len(rings.length):
        order = np.argsort(rings.owner, kind="stable")[::-1]  # the first ring of each owner written last
        owner = rings.owner[order]
        start = rings.start[order]
        px[owner] = rings.xy[start, 0] + rings.origin[0]
        py[owner] = rings.xy[start, 1] + rings.origin[1]
    return px, py


def classify_rings(grid: BoundaryGrid, rings: Rings) -> np.ndarray:
    """:meth:`BoundaryGrid.classify` of every polygon of ``rings``."""
    xmin, ymin, xmax, ymax = rings.bounds()
    px, py = first_vertices(rings)
    return grid.classify(xmin, ymin, xmax, ymax, px, py)


_GRIDS: dict = {}


def boundary_grid(wkb: bytes, cells: int = 1000) -> BoundaryGrid:
    """The :class:`BoundaryGrid` of a boundary given as WKB, made once per boundary.

    A run restricts several layers to the same project area (the DLTB, the
    plan, both 永久基本农田 layers …): the grid is kept for the last few
    boundaries.
    """
    key = (hashlib.sha1(wkb).digest(), cells)
    grid = _GRIDS.get(key)
    if grid is None:
        grid = BoundaryGrid(Rings.from_wkb([wkb], origin=(0.0, 0.0)), cells=cells)
        if len(_GRIDS) >= 4:
            _GRIDS.pop(next(iter(_GRIDS)))
        _GRIDS[key] = grid
    return grid
