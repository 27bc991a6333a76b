"""The numpy geometry kernel (core/geokernel): proximity, the validity screen, box pairs, widths.

Shapes are squares and strips with coordinates in metres; the expected answers
are worked out in each docstring.  The random cases compare with GEOS (through
QGIS), which the kernel must agree with.
"""
import numpy as np
import pytest
from land_consolidation.core import geokernel


def square(x0, y0, size):
    return np.array([(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size), (x0, y0)], dtype=float)


def box(x1, y1, x2, y2):
    return np.array([(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)], dtype=float)


def labels(polygons, distance):
    return geokernel.proximity_labels(geokernel.Rings.from_arrays(polygons), distance).tolist()


# ---------------------------------------------------------------------------
# Polygons within a distance
# ---------------------------------------------------------------------------


def test_distance_between_vertices_and_edges():
    """Squares 0–10 and 20–30 are 10 m apart: linked at 10 m, not at 9.99 m.  A third square
    whose corner points at the second's edge from 4 m away (a vertex-to-edge distance) joins
    at 4 m; the first square is then linked to it through the second (transitively)."""
    diamond = np.array([(25, 14), (29, 18), (25, 22), (21, 18), (25, 14)], dtype=float)
    polygons = [[square(0, 0, 10)], [square(20, 0, 10)], [diamond]]
    assert labels(polygons, 10.0) == [0, 0, 0]
    assert labels(polygons, 9.99) == [0, 1, 1]
    assert labels(polygons, 3.99) == [0, 1, 2]


def test_crossing_strips_are_at_distance_zero():
    """A 300 × 10 strip and a 10 × 210 strip laid across it (a plus sign): every vertex is at
    least 100 m from the other's boundary, but they overlap, so any distance links them."""
    horizontal = box(0, 0, 300, 10)
    vertical = box(145, -100, 155, 110)
    assert labels([[horizontal], [vertical]], 1.0) == [0, 0]
    assert labels([[horizontal], [box(400, 0, 410, 10)]], 1.0) == [0, 1]


def test_parcel_inside_another_is_at_distance_zero():
    """A 100 m square in the middle of a 400 m square, 150 m clear of its edges: distance 0."""
    assert labels([[square(0, 0, 400)], [square(150, 150, 100)]], 5.0) == [0, 0]
    # The same the other way round (the small one first).
    assert labels([[square(150, 150, 100)], [square(0, 0, 400)]], 5.0) == [0, 0]


def test_parcel_in_a_hole_is_not_inside():
    """A 400 m square with a hole 100–300; a 40 m square 180–220 in the hole is 80 m from the
    hole's edges: apart at 79.99 m, linked at 80 m."""
    polygons = [[square(0, 0, 400), square(100, 100, 200)], [square(180, 180, 40)]]
    assert labels(polygons, 79.99) == [0, 1]
    assert labels(polygons, 80.0) == [0, 0]


def test_touching_at_a_vertex_is_distance_zero():
    """Squares meeting at one corner, and a square whose corner lies on another's edge."""
    assert labels([[square(0, 0, 10)], [square(10, 10, 10)]], 0.0) == [0, 0]
    assert labels([[square(0, 0, 10)], [square(10, 3, 10)]], 0.0) == [0, 0]
    assert labels([[square(0, 0, 10)], [square(10.5, 0, 10)]], 0.0) == [0, 1]


def test_proximity_agrees_with_geos(qgis_app):
    """Random rectangles, triangles and strips, overlapping or not: the kernel links exactly
    the pairs GEOS finds within the distance (transitively)."""
    from qgis.core import QgsGeometry, QgsPointXY

    rng = np.random.default_rng(7)
    polygons = []
    for _ in range(120):
        x, y = rng.uniform(0, 600, 2)
        kind = rng.integers(3)
        if kind == 0:
            w, h = rng.uniform(5, 60, 2)
            ring = box(x, y, x + w, y + h)
        elif kind == 1:
            points = rng.uniform(-40, 40, (3, 2)) + (x, y)
            ring = np.vstack([points, points[:1]])
        else:
            ring = box(x, y, x + rng.uniform(150, 300), y + 4)  # long strips cross others
        polygons.append([ring])
    geoms = [QgsGeometry.fromPolygonXY([[QgsPointXY(px, py) for px, py in ring] for ring in poly])
             for poly in polygons]
    for distance in (0.0, 3.0, 12.5):
        parent = list(range(len(geoms)))
        for i in range(len(geoms)):
            for j in range(i + 1, len(geoms)):
                if geoms[i].distance(geoms[j]) <= distance:
                    a, b = find(parent, i), find(parent, j)
                    parent[max(a, b)] = min(a, b)
        expected = [find(parent, k) for k in range(len(geoms))]
        assert labels(polygons, distance) == expected


def dense_box(x1, y1, x2, y2, per_side):
    """A rectangle with ``per_side`` vertices evenly along each side."""
    t = np.arange(per_side) / per_side
    ones = np.ones(per_side)
    xs = np.concatenate([x1 + t * (x2 - x1), x2 * ones, x2 - t * (x2 - x1), x1 * ones, [x1]])
    ys = np.concatenate([y1 * ones, y1 + t * (y2 - y1), y2 * ones, y2 - t * (y2 - y1), [y1]])
    return np.column_stack([xs, ys])


@pytest.mark.parametrize("shuffle", [False, True])
def test_polygon_pairs_agree_with_geos(qgis_app, shuffle):
    """A 6 × 6 grid of 50 m cells, each a rectangle shrunk on its east and north sides by 0, 0.5,
    3 or 12 m (so neighbours touch or stand apart), a third of them with 200 vertices a side
    (more than the search's own-run threshold: their own segments are skipped as a run), some
    with a hole.  For every pair GEOS puts within 8.05 m, the search gives GEOS's distance
    (exact: no boundaries cross) and, for touching pairs, the length of their shared
    boundary (GEOS's intersection of the two boundaries); no other pair.  ``shuffle`` scatters
    each polygon's rings (hole apart from its shell), which the grid must rank by polygon."""
    from qgis.core import QgsGeometry, QgsPointXY

    rng = np.random.default_rng(5)
    polygons = []
    for i in range(6):
        for j in range(6):
            x1, y1 = 50.0 * i, 50.0 * j
            x2, y2 = x1 + 50 - rng.choice([0.0, 0.5, 3.0, 12.0]), y1 + 50 - rng.choice([0.0, 0.5, 3.0, 12.0])
            shell = dense_box(x1, y1, x2, y2, 200) if rng.random() < 1 / 3 else box(x1, y1, x2, y2)
            polygon = [shell]
            if rng.random() < 0.3:
                polygon.append(box(x1 + 10, y1 + 10, x1 + 20, y1 + 20)[::-1])
            polygons.append(polygon)
    rings = geokernel.Rings.from_arrays(polygons)
    if shuffle:
        order = rng.permutation(len(rings.length))
        length = rings.length[order]
        rings = geokernel.Rings(
            xy=np.vstack([rings.xy[rings.start[r]: rings.start[r] + rings.length[r]] for r in order]),
            start=np.cumsum(length) - length, length=length, owner=rings.owner[order], hole=rings.hole[order],
            count=rings.count)
        assert (np.diff(rings.owner) != 0).sum() + 1 > len(np.unique(rings.owner))  # owners interleaved
    segs = geokernel.Segments.of(rings)
    first, _, ring = rings.segment_ends()
    grid = geokernel.SegmentGrid(segs, 8.05, compact=True)
    found = grid.polygon_pairs(rings.xy[first, 0], rings.xy[first, 1], rings.owner[ring], rings.count, 0.05)
    got = {(a, b): (d, c) for a, b, d, c in zip(found.a.tolist(), found.b.tolist(), found.dist.tolist(),
                                                 found.contact.tolist())}
    geoms = [QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in r] for r in polygon]) for polygon in polygons]
    expected = {}
    for a in range(len(geoms)):
        for b in range(a + 1, len(geoms)):
            distance = geoms[a].distance(geoms[b])
            if distance <= 8.05:
                shared = geoms[a].constGet().boundary()
                line = QgsGeometry(shared).intersection(QgsGeometry(geoms[b].constGet().boundary()))
                expected[(a, b)] = (distance, line.length() if distance == 0 else 0.0)
    assert got.keys() == expected.keys()
    for key, (distance, contact) in expected.items():
        assert got[key][0] == pytest.approx(distance, abs=1e-9), key
        if distance == 0:
            assert got[key][1] == pytest.approx(contact, abs=1e-9), key


def find(parent, k):
    """Root of ``k`` in a plain union-find (the reference)."""
    while parent[k] != k:
        k = parent[k]
    return k


def test_box_pairs_agree_with_brute_force():
    rng = np.random.default_rng(3)
    x1, y1 = rng.uniform(0, 100, (2, 300))
    x2, y2 = x1 + rng.uniform(0, 15, 300), y1 + rng.uniform(0, 15, 300)
    a, b = geokernel.box_pairs(x1, x2, y1, y2)
    got = set(zip(a.tolist(), b.tolist()))
    expected = {(i, j) for i in range(300) for j in range(i + 1, 300)
                if x1[i] <= x2[j] and x1[j] <= x2[i] and y1[i] <= y2[j] and y1[j] <= y2[i]}
    assert got == expected


def test_box_pairs_between_agree_with_brute_force():
    """Pairs across two sets only, edges and equal starts included, boxes with NaN left out, sorted."""
    rng = np.random.default_rng(5)

    def boxes(n):
        x1, y1 = np.round(rng.uniform(0, 100, (2, n)))  # whole numbers: equal starts and shared edges occur
        return [x1, y1, x1 + np.round(rng.uniform(0, 12, n)), y1 + np.round(rng.uniform(0, 12, n))]

    first, second = boxes(200), boxes(500)
    first[0][7] = np.nan
    second[2][11] = np.nan
    i, j = geokernel.box_pairs_between(first, second)
    expected = sorted((a, b) for a in range(200) for b in range(500)
                      if first[0][a] <= second[2][b] and second[0][b] <= first[2][a]
                      and first[1][a] <= second[3][b] and second[1][b] <= first[3][a])
    assert list(zip(i.tolist(), j.tolist())) == expected
    assert len(expected) > 500 and 7 not in i.tolist() and 11 not in j.tolist()
    assert any(first[0][a] == second[0][b] for a, b in expected)  # equal starts found once, not twice
    assert any(first[2][a] == second[0][b] for a, b in expected)  # boxes meeting along an edge


# ---------------------------------------------------------------------------
# The validity screen
# ---------------------------------------------------------------------------


def wkb_polygon(*rings):
    """Little-endian 2D Polygon WKB of closed rings."""
    import struct

    out = struct.pack("<BII", 1, 3, len(rings))
    for ring in rings:
        ring = np.asarray(ring, dtype="<f8")
        out += struct.pack("<I", len(ring)) + ring.tobytes()
    return out


def test_convex_screen():
    """Sure: a square, a square with a vertex in the middle of an edge, a triangle.  Not sure
    (left to GEOS): an L (reflex vertex), a bow-tie, a pentagram (turns one way, winds twice),
    a square with a spike, a repeated vertex, a hole, two parts."""
    pentagram = np.array([(np.cos(a), np.sin(a)) for a in np.pi / 2 + np.arange(6) * 4 * np.pi / 5]) * 10
    pentagram[-1] = pentagram[0]
    blobs = [
        wkb_polygon(square(0, 0, 10)),
        wkb_polygon([(0, 0), (5, 0), (10, 0), (10, 10), (0, 10), (0, 0)]),
        wkb_polygon([(0, 0), (10, 0), (0, 10), (0, 0)]),
        wkb_polygon([(0, 0), (10, 0), (10, 5), (5, 5), (5, 10), (0, 10), (0, 0)]),
        wkb_polygon([(0, 0), (10, 10), (10, 0), (0, 10), (0, 0)]),
        wkb_polygon(pentagram),
        wkb_polygon([(0, 0), (10, 0), (10, 10), (10, 20), (10, 10), (0, 10), (0, 0)]),
        wkb_polygon([(0, 0), (10, 0), (10, 0), (10, 10), (0, 10), (0, 0)]),
        wkb_polygon(square(0, 0, 10), square(2, 2, 2)[::-1]),
        None,
    ]
    rings = geokernel.Rings.from_wkb(blobs)
    assert geokernel.convex_polygons(rings).tolist() == [True, True, True] + [False] * 7


def test_convex_screen_never_passes_what_geos_rejects(qgis_app):
    """Random quadrilaterals and pentagons (many self-intersecting): whatever the screen
    passes, GEOS finds valid."""
    from qgis.core import QgsGeometry

    rng = np.random.default_rng(11)
    blobs = []
    for _ in range(400):
        points = rng.uniform(0, 10, (int(rng.integers(3, 6)), 2))
        blobs.append(wkb_polygon(np.vstack([points, points[:1]])))
    sure = geokernel.convex_polygons(geokernel.Rings.from_wkb(blobs))
    assert sure.sum() > 50
    for blob, ok in zip(blobs, sure):
        geom = QgsGeometry()
        geom.fromWkb(blob)
        if ok:
            assert geom.isGeosValid()


# ---------------------------------------------------------------------------
# Widths and rings
# ---------------------------------------------------------------------------


def test_connector_widths():
    """XZDWKD where recorded (> 0); else 2 × area / perimeter: a 6 × 100 strip gives
    2 × 600 / 212 = 5.660 m; a recorded 0 counts as not recorded."""
    rings = geokernel.Rings.from_arrays([[box(0, 0, 6, 100)], [box(0, 0, 6, 100)], [box(0, 0, 6, 100)]])
    widths = geokernel.connector_widths(np.array([4.0, np.nan, 0.0]), rings)
    assert widths == pytest.approx([4.0, 1200.0 / 212.0, 1200.0 / 212.0])


def test_renumbered_keeps_ring_order():
    rings = geokernel.Rings.from_arrays([[square(0, 0, 1)], [square(5, 0, 1), square(5.2, 0.2, 0.2)], [square(9, 0, 1)]])
    moved = rings.renumbered(np.array([2, -1, 0]), 4)
    assert moved.count == 4
    assert moved.owner.tolist() == [2, 0]
    assert moved.xy[:, 0].min() == 0.0 and moved.xy[:, 0].max() == 10.0
    area, _ = moved.measures()
    assert area.tolist() == [1.0, 0.0, 1.0, 0.0]
