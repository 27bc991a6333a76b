"""core/overlay.py: matching the same polygon in both layers gives what intersecting every pair gives.

The reference is the plain overlay: every pair of geometries whose
interiors meet, intersected by GEOS and measured by the 三调 method, with no
matching at all.  On the sample township the planned DLTB keeps most
parcels (matched), merges fragmented blocks (a planned parcel over several
current ones) and leaves the re-digitised 永农 aside; a hand-made pair adds
a parcel split in two and a re-digitised boundary.
"""
import numpy as np
import pytest
from builders import X0, Y0
from qgis.core import QgsGeometry, QgsSpatialIndex, QgsVectorLayer

from land_consolidation.core import dltb, ellipsoid
from land_consolidation.core.overlay import overlay


def reference(geoms_a, geoms_b, gk) -> dict:
    """(a, b) → area of every pair whose interiors meet, by GEOS alone."""
    index = QgsSpatialIndex()
    for j, geom in enumerate(geoms_b):
        index.addFeature(j, geom.boundingBox())
    pairs, pieces = [], []
    for i, geom in enumerate(geoms_a):
        for j in index.intersects(geom.boundingBox()):
            piece = dltb.polygonal(geom.intersection(geoms_b[j]))
            if piece is not None and not piece.isEmpty():
                pairs.append((i, j))
                pieces.append(piece)
    areas = ellipsoid.geometry_areas(gk, pieces)
    return {pair: area for pair, area in zip(pairs, areas) if area > 1e-6}


def pieces(result) -> dict:
    out = {}
    for a, b, area in zip(result.rows_a.tolist(), result.rows_b.tolist(), result.area.tolist()):
        out[(a, b)] = out.get((a, b), 0.0) + area
    return {pair: area for pair, area in out.items() if area > 1e-6}


def test_matching_gives_the_full_overlay_on_the_sample(qgis_app, sample_gpkg):
    before = QgsVectorLayer(f"{sample_gpkg}|layername=DLTB", "DLTB", "ogr")
    after = QgsVectorLayer(f"{sample_gpkg}|layername=DLTB_GH", "DLTB_GH", "ogr")
    geoms_a = [f.geometry() for f in before.getFeatures()]
    geoms_b = [f.geometry() for f in after.getFeatures()]
    gk = dltb.gauss_kruger_for(before)
    result = overlay(geoms_a, geoms_b, gk)
    expected = reference(geoms_a, geoms_b, gk)
    got = pieces(result)
    assert result.identical > 0.5 * len(geoms_a)  # most parcels are the same polygon in the plan
    assert got.keys() == expected.keys()
    assert max(abs(got[k] - expected[k]) for k in expected) < 0.01
    assert result.overlapping_b == []


def square(x, y, w, h):
    a, b = X0 + x, Y0 + y
    return QgsGeometry.fromWkt(f"POLYGON(({a} {b},{a + w} {b},{a + w} {b + h},{a} {b + h},{a} {b}))")


def test_split_and_redigitised_parcels(qgis_app):
    """A: three 100 m squares.  B: the first unchanged; the second split into halves; the third
    re-digitised (its west edge 0.02 m further west, so B's third overlaps A's second by 100 × 0.02 m)."""
    from qgis.core import QgsCoordinateReferenceSystem

    gk = ellipsoid.gauss_kruger_for_crs(QgsCoordinateReferenceSystem("EPSG:4528"), sample_easting=X0)
    geoms_a = [square(0, 0, 100, 100), square(100, 0, 100, 100), square(200, 0, 100, 100)]
    geoms_b = [square(0, 0, 100, 100), square(100, 0, 50, 100), square(150, 0, 49.98, 100),
               square(199.98, 0, 100.02, 100)]
    result = overlay(geoms_a, geoms_b, gk, keep_geometry=True)
    expected = reference(geoms_a, geoms_b, gk)
    got = pieces(result)
    assert got.keys() == expected.keys() == {(0, 0), (1, 1), (1, 2), (1, 3), (2, 3)}
    for key in expected:
        assert got[key] == pytest.approx(expected[key], abs=0.01)
    assert result.identical == 1
    # The re-digitised strip: 100 m × 0.02 m = 2 m² of A's second square under B's fourth geometry.
    assert got[(1, 3)] == pytest.approx(2.0, abs=0.01)
    assert np.allclose(result.covered_a(), result.area_a, atol=0.01)


def test_a_copy_over_matched_parcels_is_found(qgis_app):
    """B repeats one of A's squares (matched) and adds a square lying half over it: B overlaps itself."""
    from qgis.core import QgsCoordinateReferenceSystem

    gk = ellipsoid.gauss_kruger_for_crs(QgsCoordinateReferenceSystem("EPSG:4528"), sample_easting=X0)
    geoms_a = [square(0, 0, 100, 100), square(100, 0, 100, 100)]
    geoms_b = [square(0, 0, 100, 100), square(100, 0, 100, 100), square(50, 0, 100, 100)]
    result = overlay(geoms_a, geoms_b, gk)
    assert result.overlapping_b == [2]
