"""core/geokernel/inside.py: the boundary grid never contradicts GEOS, and decides most polygons itself.

The boundary is concave, has a hole and two parts; the polygons are 2 000
random squares and triangles of 1–60 m over and around it.  GEOS decides
each (inside: the boundary contains it; outside: their interiors do not
meet); the grid may leave a polygon undecided (NEAR) but never says the
other thing.
"""
import numpy as np
from land_consolidation.core.geokernel import Rings
from land_consolidation.core.geokernel.inside import INSIDE, NEAR, OUTSIDE, BoundaryGrid, classify_rings
from qgis.core import QgsGeometry

BOUNDARY = ("MULTIPOLYGON(((0 0,1000 0,1000 1000,600 1000,600 400,400 400,400 1000,0 1000,0 0),"
            "(100 100,300 100,300 300,100 300,100 100)),((1200 0,1500 0,1350 500,1200 0)))")


def test_grid_agrees_with_geos(qgis_app):
    boundary = QgsGeometry.fromWkt(BOUNDARY)
    rng = np.random.default_rng(7)
    shapes = []
    for _ in range(2000):
        x, y = rng.uniform(-100, 1600), rng.uniform(-100, 1100)
        w = rng.uniform(1, 60)
        if rng.random() < 0.5:
            shapes.append(QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + w} {y},{x + w} {y + w},{x} {y + w},{x} {y}))"))
        else:
            shapes.append(QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + w} {y},{x} {y + w},{x} {y}))"))
    grid = BoundaryGrid(Rings.from_wkb([bytes(boundary.asWkb())], origin=(0.0, 0.0)), cells=300)
    state = classify_rings(grid, Rings.from_wkb([bytes(g.asWkb()) for g in shapes]))
    for geom, s in zip(shapes, state.tolist()):
        if s == INSIDE:
            assert boundary.contains(geom)
        elif s == OUTSIDE:
            assert not boundary.intersects(geom) or boundary.intersection(geom).area() == 0
    assert (state != NEAR).mean() > 0.8
    # A polygon in the hole and one in the notch are outside; one in the second part inside.
    probes = [QgsGeometry.fromWkt(w) for w in (
        "POLYGON((150 150,250 150,250 250,150 250,150 150))", "POLYGON((450 600,550 600,550 700,450 700,450 600))",
        "POLYGON((1330 100,1370 100,1370 140,1330 140,1330 100))")]
    assert classify_rings(grid, Rings.from_wkb([bytes(g.asWkb()) for g in probes])).tolist() == \
        [OUTSIDE, OUTSIDE, INSIDE]
