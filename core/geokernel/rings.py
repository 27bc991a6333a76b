"""Polygon rings as flat numpy arrays: reading WKB, segments, measures.

Every polygon of a layer goes into a few arrays (vertices, ring starts and
lengths, owner polygon, hole flag) instead of one geometry object each, so
that the work on a county's 250 000 parcels is a handful of numpy passes.
The common WKB (one ring, 2D, little-endian) is parsed without a Python
step per blob (:func:`_simple_rings`); anything else goes through
:func:`.ellipsoid.parse_wkb`.
"""
from __future__ import annotations

import math
import struct
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from .. import ellipsoid

_F8 = np.dtype("<f8")


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
        origin: Subtracted from the coordinates (keeps them small; a
            subtraction of two numbers this close is exact).
        simple: Per polygon, True when its WKB was one closed 2D ring read
            as it is (:func:`_simple_rings`); None when not read from WKB.
    """

    xy: np.ndarray
    start: np.ndarray
    length: np.ndarray
    owner: np.ndarray
    hole: np.ndarray
    count: int
    origin: tuple[float, float] = (0.0, 0.0)
    simple: np.ndarray | None = None
    _ends: tuple | None = field(default=None, repr=False, compare=False)
    _measures: tuple | None = field(default=None, repr=False, compare=False)

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
        simple = np.zeros(len(blobs), dtype=bool)
        simple[simple_owner] = True
        return cls(
            xy=xy,
            start=starts,
            length=lengths_a,
            owner=np.concatenate([simple_owner, np.asarray(owners, dtype=np.int64)]),
            hole=np.concatenate([np.zeros(len(simple_len), dtype=bool), np.asarray(holes, dtype=bool)]),
            count=len(blobs),
            origin=tuple(origin),
            simple=simple,
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
        return self.renumbered(new_index, len(polygons))

    def renumbered(self, new_index: np.ndarray, count: int) -> Rings:
        """The rings with polygon ``p`` renumbered ``new_index[p]`` (−1 drops it), out of ``count``.

        The rings keep their order (so results that depend on it, such as
        ties between equally near segments, do not change).
        """
        new_index = np.asarray(new_index, dtype=np.int64)
        keep = new_index[self.owner] >= 0
        vertex_keep = np.repeat(keep, self.length)
        lengths = self.length[keep]
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64) if len(lengths) else lengths
        simple = None
        if self.simple is not None:
            simple = np.zeros(count, dtype=bool)
            moved = new_index >= 0
            simple[new_index[moved]] = self.simple[moved]
        return Rings(
            xy=self.xy[vertex_keep],
            start=starts,
            length=lengths,
            owner=new_index[self.owner[keep]],
            hole=self.hole[keep],
            count=count,
            origin=self.origin,
            simple=simple,
        )

    def parts(self) -> tuple[Rings, np.ndarray]:
        """Each part of each polygon (an exterior ring and the holes after it) as a polygon of its own.

        Returns:
            ``(rings, polygon)``: the parts, numbered polygon by polygon in
            the order of their exterior rings, and the polygon each came
            from.  A polygon without rings stays one (empty) part, so that
            every polygon has at least one.  When no polygon has more than
            one part, ``rings`` is this object and ``polygon`` the identity.
        """
        exterior = np.bincount(self.owner[~self.hole], minlength=self.count)
        if not (exterior > 1).any():
            return self, np.arange(self.count, dtype=np.int64)
        # A ring starts a part when it is an exterior ring, or the first
        # ring of its polygon (a malformed polygon starting with a hole).
        order = np.argsort(self.owner, kind="stable")
        owner = self.owner[order]
        first = np.r_[True, owner[1:] != owner[:-1]] if len(owner) else np.zeros(0, dtype=bool)
        opens = ~self.hole[order] | first
        per_polygon = np.maximum(np.bincount(owner[opens], minlength=self.count), 1)
        base = np.cumsum(per_polygon) - per_polygon  # first part number of each polygon
        opened = np.cumsum(opens) - 1  # parts opened before, over all polygons
        within = opened - opened[np.searchsorted(owner, owner, "left")]  # … and within the polygon
        part = np.empty(len(order), dtype=np.int64)
        part[order] = base[owner] + within
        hole = self.hole.copy()
        hole[order] &= ~opens
        polygon = np.repeat(np.arange(self.count, dtype=np.int64), per_polygon)
        simple = None if self.simple is None else self.simple[polygon]
        rings = Rings(xy=self.xy, start=self.start, length=self.length, owner=part, hole=hole,
                      count=len(polygon), origin=self.origin, simple=simple)
        return rings, polygon

    def polygon_wkb(self, polygons: Sequence[int]) -> list[bytes]:
        """The given polygons as MultiPolygon WKB (coordinates with the origin added back)."""
        polygons = np.asarray(polygons, dtype=np.int64)
        want = np.full(self.count, -1, dtype=np.int64)
        want[polygons] = np.arange(len(polygons))
        rings_of: list[list[int]] = [[] for _ in range(len(polygons))]
        for r in np.flatnonzero(want[self.owner] >= 0).tolist():
            rings_of[want[self.owner[r]]].append(r)
        origin = np.asarray(self.origin, dtype=float)
        out = []
        for members in rings_of:
            parts: list[list[bytes]] = []
            for r in members:
                coords = self.xy[self.start[r] : self.start[r] + self.length[r]] + origin
                ring = struct.pack("<I", len(coords)) + coords.astype("<f8").tobytes()
                if not self.hole[r] or not parts:
                    parts.append([ring])
                else:
                    parts[-1].append(ring)
            out.append(struct.pack("<BII", 1, 6, len(parts)) + b"".join(
                struct.pack("<BII", 1, 3, len(p)) + b"".join(p) for p in parts))
        return out
    def bounds(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """``(xmin, ymin, xmax, ymax)`` of each polygon, ``origin`` added back (NaN for one without rings)."""
        out = [np.full(self.count, np.nan) for _ in range(4)]
        if not len(self.length):
            return tuple(out)
        x, y = self.xy[:, 0], self.xy[:, 1]
        ring_box = (np.minimum.reduceat(x, self.start), np.minimum.reduceat(y, self.start),
                    np.maximum.reduceat(x, self.start), np.maximum.reduceat(y, self.start))
        order = np.argsort(self.owner, kind="stable")
        owners = self.owner[order]
        first = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
        polygons = owners[first]
        for k, (values, reduce, shift) in enumerate(zip(ring_box, (np.minimum, np.minimum, np.maximum, np.maximum),
                                                        (self.origin[0], self.origin[1]) * 2)):
            out[k][polygons] = reduce.reduceat(values[order], first) + shift
        return tuple(out)

    def segment_ends(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(first vertex, second vertex, ring)`` index of every boundary segment (computed once)."""
        if self._ends is None:
            if not len(self.length):
                empty = np.zeros(0, dtype=np.int64)
                self._ends = (empty, empty, empty)
            else:
                last = np.zeros(len(self.xy), dtype=bool)
                last[self.start + self.length - 1] = True
                first = np.flatnonzero(~last)
                ring = np.repeat(np.arange(len(self.length)), self.length)[first]
                self._ends = (first, first + 1, ring)
        return self._ends

    def measures(self) -> tuple[np.ndarray, np.ndarray]:
        """Planar area and perimeter of each polygon (holes subtracted / added; computed once)."""
        if self._measures is None:
            a, b, ring = self.segment_ends()
            x, y = self.xy[:, 0], self.xy[:, 1]
            twice = np.bincount(ring, x[a] * y[b] - x[b] * y[a], minlength=len(self.length))
            ring_area = np.abs(twice) / 2.0
            signed = np.where(self.hole, -ring_area, ring_area)
            seg_len = np.hypot(x[b] - x[a], y[b] - y[a])
            ring_perimeter = np.bincount(ring, seg_len, minlength=len(self.length))
            area = np.bincount(self.owner, signed, minlength=self.count)
            perimeter = np.bincount(self.owner, ring_perimeter, minlength=self.count)
            self._measures = (area, perimeter)
        return self._measures


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
    # The coordinates are the rest of each blob after its header: one slice
    # per blob and one join is cheaper than gathering the doubles from the
    # joined buffer at their (unaligned) offsets.
    offsets = header[chosen].tolist()
    coords = b"".join([blobs[i][h:] for i, h in zip(chosen.tolist(), offsets)])
    xy = np.frombuffer(coords, dtype=_F8).reshape(-1, 2)
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


def connector_widths(recorded: np.ndarray, rings: Rings) -> np.ndarray:
    """Width of each linear feature (road, ditch, 田坎): XZDWKD where given, else 2 × area / perimeter.

    ``2 × area / perimeter`` is the width of a long strip (a strip of width
    w and length L ≫ w has area wL and perimeter ≈ 2L); a recorded width of
    0 or less counts as not given.

    Args:
        recorded: XZDWKD of each polygon of ``rings`` (NaN where empty).
        rings: The polygons.

    Returns:
        One width per polygon (m); 0 for a polygon without rings.
    """
    area, perimeter = rings.measures()
    with np.errstate(invalid="ignore", divide="ignore"):
        from_geometry = np.where(perimeter > 0, 2.0 * area / perimeter, 0.0)
    recorded = np.asarray(recorded, dtype=float)
    return np.where(np.isfinite(recorded) & (recorded > 0), recorded, from_geometry)


def convex_polygons(rings: Rings) -> np.ndarray:
    """Which polygons are a single convex ring read as it was stored: valid for GEOS, certainly.

    A cheap screen before the GEOS validity check (:mod:`..validity`): most
    survey parcels are simple quadrilaterals, and a polygon of one closed
    ring that turns the same way at every vertex, never doubles back, has
    no repeated vertex and winds round once is a simple polygon, which
    GEOS always finds valid.  Everything else (holes, several parts, Z/M,
    big-endian, curves, a reflex vertex, rings read by the general parser
    and closed by it) is left to GEOS.

    Returns:
        One flag per polygon; False means "not known", not "invalid".
    """
    result = np.zeros(rings.count, dtype=bool)
    if rings.simple is None or not len(rings.length) or (rings.length < 4).any():
        return result
    # Turn j (at vertex j + 1) is from edge j into edge j + 1, edge j running
    # from vertex j to j + 1.  The two turns that straddle two rings are made
    # neutral; each ring's turn at its first (= closing) vertex, from its
    # last edge into its first, is computed apart.
    dx = np.diff(rings.xy[:, 0])
    dy = np.diff(rings.xy[:, 1])
    cross = dx[:-1] * dy[1:] - dy[:-1] * dx[1:]
    dot = dx[:-1] * dx[1:] + dy[:-1] * dy[1:]
    start = rings.start
    last = start + rings.length - 1
    straddle = np.concatenate([last - 1, last])
    straddle = straddle[straddle < len(cross)]
    cross[straddle] = 0.0
    dot[straddle] = 1.0
    w_cross = dx[last - 1] * dy[start] - dy[last - 1] * dx[start]
    w_dot = dx[last - 1] * dx[start] + dy[last - 1] * dy[start]
    # Turning both ways somewhere: not convex.
    lowest = np.minimum(np.minimum.reduceat(cross, start), w_cross)
    highest = np.maximum(np.maximum.reduceat(cross, start), w_cross)
    ok = ~((lowest < 0) & (highest > 0)) & np.isfinite(lowest) & np.isfinite(highest)
    # A turn of (nearly) 180° is a spike; a zero-length edge a repeated vertex.
    spike = (dot < 0) & (np.abs(cross) <= -1e-9 * dot)
    ok &= ~np.logical_or.reduceat(spike, start) & ~((w_dot < 0) & (np.abs(w_cross) <= -1e-9 * w_dot))
    zero = (dx == 0) & (dy == 0)
    zero[last[last < len(zero)]] = False  # the step between two rings is no edge
    ok &= ~np.logical_or.reduceat(zero, start)
    # Once round, not twice (a pentagram turns the same way at every vertex
    # too): turning one way by less than 180° each time, the edge direction
    # enters the half-plane of angles [0, π) once per round.
    upper = (dy > 0) | ((dy == 0) & (dx > 0))
    enters = ~upper[:-1] & upper[1:]
    enters[straddle] = False
    rounds = np.add.reduceat(enters, start, dtype=np.int64) + (~upper[last - 1] & upper[start])
    ok &= (rounds == 1) & ~rings.hole
    one_ring = np.bincount(rings.owner, minlength=rings.count) == 1
    result[rings.owner[ok]] = True
    return result & one_ring & rings.simple
