"""Dissolving touching polygons of a coverage without GEOS: the outline of each part.

GEOS's union (``native:dissolve``) of a generated county's 耕地 and
connectors takes 47 s (244 000 parcels; ``benchmarks/bench_contiguity.py``,
the QGIS chain); walking the edges left once shared edges cancel takes
about 0.8 s for its 377 blocks, with the vertex search that found the
blocks reused to split edges at their neighbours' vertices.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Iterable

import numpy as np

from .arrays import connected_labels, heads, reduce_groups
from .grid import Near
from .rings import Rings, Segments

#: Vertices of two polygons closer than this (m) are one point of the
#: outline, and a vertex this close to an end of another polygon's segment
#: does not split it.  Reprojection leaves the two sides of a shared boundary
#: ~1e-9 m apart (EPSG:4528 → 4549); kept apart, their edges would not
#: cancel and the outline would hold slivers 1e-9 m thin, which GEOS finds
#: invalid where they overlap.  1 µm is a thousand times that noise and far
#: below any real vertex spacing, so merges never chain along a boundary;
#: it is also the resolution at which the plugin calls two features the
#: same polygon (``core.farmland.SAME_POLYGON_RESOLUTION``).
SNAP_TOLERANCE = 1e-6


@dataclass
class Contacts:
    """The vertex-on-segment pairs of a neighbour search, reused to dissolve outlines.

    Attributes:
        px, py: The searched vertices (the first vertex of each segment).
        near: The (vertex, segment) pairs found.
        segs: The polygons' segments.
        tolerance: Vertices within this distance of a segment lie on it.
    """

    px: np.ndarray
    py: np.ndarray
    near: Near
    segs: Segments
    tolerance: float


def dissolve_outlines(parcels: Rings, part: np.ndarray, contacts: Contacts) -> list[list[bytes] | None]:
    """The dissolved polygons of each part (a set of touching polygons), as Polygon WKB, or None.

    Why no GEOS union: parcels of a land-use survey tile the ground, so the
    union of touching parcels is what is left of their boundaries once
    every edge shared by two of them is removed.  Segments are first split
    at the vertices of the neighbours that lie on them (a vertex on the
    other side of a shared boundary, "T-junction"), then each edge that
    occurs in both directions is dropped, and the remaining edges are
    chained into rings, which are split where they pass a vertex twice
    (parts meeting at a corner, a hole touching its shell).

    A part whose outline does not check out – a vertex with unequal in and
    out edges, edges that do not chain into closed rings, a ring without
    area, or an area differing from the sum of its parcels (overlapping or
    badly noded parcels) – gets None; the caller dissolves those few with
    GEOS.

    Args:
        parcels: The polygons.
        part: Part number (0 … k − 1) of each polygon; two parts must not
            touch.
        contacts: The vertex search over ``parcels`` (vertices on other
            polygons' segments).

    Returns:
        One entry per part: its polygons' WKB, coordinates in the layer's
        CRS (the rings' origin added back).
    """
    if contacts is None or part is None or not len(part):
        return []
    count = int(part.max()) + 1
    segs = contacts.segs
    seg_part = part[segs.owner]

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
    inside = (along > SNAP_TOLERANCE) & (along < length - SNAP_TOLERANCE)
    split_seg = sid[inside]
    split_t = along[inside] / length[inside]
    # A vertex at an end of the other polygon's segment is that end, give or
    # take the noise: the two become one node below.
    at_end = np.flatnonzero(~inside & (near.dist[on] <= SNAP_TOLERANCE) & np.isfinite(along))
    end_seg = sid[at_end]
    first_end = along[at_end] <= 0.5 * length[at_end]
    end_x = np.where(first_end, segs.x1[end_seg], segs.x2[end_seg])
    end_y = np.where(first_end, segs.y1[end_seg], segs.y2[end_seg])
    from_x, from_y = qx_v[at_end], qy_v[at_end]
    snap = ((from_x != end_x) | (from_y != end_y)) & (np.hypot(from_x - end_x, from_y - end_y) <= SNAP_TOLERANCE)
    snap_from = from_x[snap] + 1j * from_y[snap]
    snap_to = end_x[snap] + 1j * end_y[snap]
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

    # Nodes: the distinct end points, in (x, y) order (a lexsort of the two
    # columns is cheaper than np.unique of complex numbers).
    all_x = np.concatenate([x1, x2])
    all_y = np.concatenate([y1, y2])
    by_xy = np.lexsort((all_y, all_x))
    sx, sy = all_x[by_xy], all_y[by_xy]
    fresh = np.r_[True, (sx[1:] != sx[:-1]) | (sy[1:] != sy[:-1])] if len(sx) else np.zeros(0, dtype=bool)
    node_of = np.empty(len(by_xy), dtype=np.int64)
    node_of[by_xy] = np.cumsum(fresh) - 1
    node_x, node_y = sx[fresh], sy[fresh]
    del all_x, all_y, by_xy, sx, sy, fresh
    u = node_of[: len(x1)]
    v = node_of[len(x1) :]
    n_nodes = len(node_x)
    if len(snap_from):
        # Snapped nodes take the place of the smallest of their group; an
        # edge between two of them vanishes.  Complex numbers sort as (x, y).
        nodes = node_x + 1j * node_y
        a = np.searchsorted(nodes, snap_from)
        b = np.searchsorted(nodes, snap_to)
        a, b = np.minimum(a, n_nodes - 1), np.minimum(b, n_nodes - 1)
        known = (nodes[a] == snap_from) & (nodes[b] == snap_to)
        same = connected_labels(n_nodes, a[known], b[known])
        u, v = same[u], same[v]
        real = u != v
        u, v, e_part = u[real], v[real], e_part[real]

    # Drop every edge that also occurs reversed in the same part.
    lo = np.minimum(u, v)
    hi = np.maximum(u, v)
    # (part, lo, hi) as one int64 without overflow on any size of layer.
    _, edge_id = np.unique(lo * n_nodes + hi, return_inverse=True)
    key = e_part * (int(edge_id.max()) + 1 if len(edge_id) else 1) + edge_id
    forward = u < v
    order = np.lexsort((~forward, key))
    key_s = key[order]
    starts = heads(key_s)
    sizes = np.diff(np.r_[starts, len(key_s)])
    fwd_count = reduce_groups(np.add, forward[order].astype(np.int64), starts, empty=None)
    cancel = np.minimum(fwd_count, sizes - fwd_count)
    group = np.repeat(np.arange(len(starts)), sizes)
    rank = np.arange(len(key_s)) - np.repeat(starts, sizes)
    # Within a group forward edges come first.
    drop = np.where(forward[order], rank < cancel[group], (rank - fwd_count[group]) < cancel[group])
    keep_edges = np.sort(order[~drop])
    u, v, e_part = u[keep_edges], v[keep_edges], e_part[keep_edges]
    ex1, ey1 = node_x[u], node_y[u]
    ex2, ey2 = node_x[v], node_y[v]

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
    expected = np.bincount(part, member_area, minlength=count)
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
    starts = heads(ring_of)
    ends = np.r_[starts[1:], len(walk)]
    keep = np.ones(len(walk), dtype=bool)
    extra_walk: list[int] = []
    extra_ring: list[int] = []
    next_ring = n_rings
    nodes = start_node.tolist()
    for r in pinched.tolist():
        seq = walk[starts[r] : ends[r]].tolist()
        keep[starts[r] : ends[r]] = False
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
    starts = heads(ring_a)
    sizes = np.diff(np.r_[starts, len(ring_a)])
    closed = sizes + 1
    within = np.arange(int(closed.sum())) - np.repeat(np.cumsum(closed) - closed, closed)
    within[within == np.repeat(sizes, closed)] = 0
    index = np.repeat(starts, closed) + within
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
    cuts = heads(part_sorted).tolist() + [len(by_part)]
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
