"""core/overlay.py: matching the same polygon in both layers gives what intersecting every pair gives.

The reference is the plain overlay: every pair of geometries whose
interiors meet, intersected by GEOS and measured by the 三调 method, with no
matching at all.  On the sample township the planned DLTB keeps most
parcels (matched), merges fragmented blocks (a planned parcel over several
current ones) and leaves the re-digitised 永农 aside; a hand-made pair adds
a parcel split in two and a re-digitised boundary, and a hand-made plan goes
through ``plan_from_layer`` with each case at once (unchanged, merged, split,
re-digitised, the same square with another start vertex): the same pieces,
codes and gross areas as intersecting every pair.
"""
import numpy as np
import pytest
from builders import X0, Y0
from land_consolidation.core import dltb, ellipsoid
from land_consolidation.core.overlay import overlay
from qgis.core import QgsGeometry, QgsSpatialIndex, QgsVectorLayer


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


def test_a_parcel_inside_a_merged_one_and_a_copy_over_it(qgis_app):
    """A: two squares.  B: their union (both lie inside it) and a square over half of the first.

    The first square is taken whole by the union, so the copy over it meets no piece; it is found anyway.
    """
    from qgis.core import QgsCoordinateReferenceSystem

    gk = ellipsoid.gauss_kruger_for_crs(QgsCoordinateReferenceSystem("EPSG:4528"), sample_easting=X0)
    geoms_a = [square(0, 0, 100, 100), square(100, 0, 100, 100)]
    geoms_b = [square(0, 0, 200, 100), square(50, 0, 100, 100)]
    result = overlay(geoms_a, geoms_b, gk)
    assert result.overlapping_b == [1]
    clean = overlay(geoms_a, geoms_b[:1], gk)
    assert pieces(clean) == pytest.approx(reference(geoms_a, geoms_b[:1], gk), abs=0.01)
    assert clean.overlapping_b == []


def rotated(wkt_square):
    """The same square, its ring starting at the second vertex (another WKB, the same polygon)."""
    geom = QgsGeometry.fromWkt(wkt_square) if isinstance(wkt_square, str) else wkt_square
    ring = geom.asPolygon()[0][:-1]
    ring = ring[1:] + ring[:1]
    return QgsGeometry.fromPolygonXY([ring + ring[:1]])


def test_plan_pieces_equal_the_full_overlay(qgis_app):
    """Every way a planned DLTB differs from the current one, through the plan, against intersecting every pair.

    Current: seven 100 m squares in a row, codes 0101 … .  Planned: P1 unchanged (the same WKB); P2 and P3
    merged into one 0103 parcel (both lie inside it); P4 split into two 0201 halves; the boundary between
    P5 and P6 re-digitised 0.5 m east (P5's planned parcel takes a 50 m² strip of P6); P7 the same square
    with its ring starting at another vertex (not the same WKB) and planned 1006.  Pieces by (current BSM,
    planned BSM) with both codes, gross area = TBMJ × share of the parcel's ellipsoidal area.
    """
    from builders import VILLAGE_A, memory_layer, parcel
    from land_consolidation.core import plan
    from qgis.core import QgsCoordinateReferenceSystem

    def wkt(x, w=100.0):
        return square(x, 0, w, 100).asWkt(4)

    codes_a = ["0101", "0102", "0103", "0201", "0301", "0404", "1104"]
    before_rows = [parcel(f"P{k + 1}", code, wkt(100 * k), 10000.0, VILLAGE_A) for k, code in enumerate(codes_a)]
    after_rows = [
        parcel("Q1", "0101", wkt(0), 10000.0, VILLAGE_A),
        parcel("Q23", "0103", wkt(100, 200), 20000.0, VILLAGE_A),
        parcel("Q4a", "0201", wkt(300, 50), 5000.0, VILLAGE_A),
        parcel("Q4b", "0201", wkt(350, 50), 5000.0, VILLAGE_A),
        parcel("Q5", "0102", wkt(400, 100.5), 10050.0, VILLAGE_A),
        parcel("Q6", "0404", square(500.5, 0, 99.5, 100).asWkt(4), 9950.0, VILLAGE_A),
        parcel("Q7", "1006", rotated(square(600, 0, 100, 100)).asWkt(4), 10000.0, VILLAGE_A),
    ]
    before = memory_layer("DLTB", before_rows)
    after = memory_layer("DLTB_GH", after_rows)
    parcels = dltb.read_dltb(before, keep_geometry=True)
    result = plan.plan_from_layer(parcels, after, keep_geometry=True)
    got: dict = {}
    for rec in result.pieces.itertuples(index=False):
        key = (rec.bsm_b, rec.bsm_a, rec.code_b, rec.code_a)
        got[key] = got.get(key, 0.0) + rec.gross

    gk = ellipsoid.gauss_kruger_for_crs(QgsCoordinateReferenceSystem("EPSG:4528"), sample_easting=X0)
    geoms_a = [QgsGeometry.fromWkt(r["wkt"]) for r in before_rows]
    geoms_b = [QgsGeometry.fromWkt(r["wkt"]) for r in after_rows]
    whole = ellipsoid.geometry_areas(gk, geoms_a)
    expected = {}
    for (i, j), area in reference(geoms_a, geoms_b, gk).items():
        key = (before_rows[i]["BSM"], after_rows[j]["BSM"], before_rows[i]["DLBM"], after_rows[j]["DLBM"])
        expected[key] = before_rows[i]["TBMJ"] * area / whole[i]
    assert got.keys() == expected.keys()
    for key in expected:
        assert got[key] == pytest.approx(expected[key], abs=0.01), key
    # The re-digitised strip: 0.5 m × 100 m of P6 planned as Q5 (0102), 50 m² of the plane area.
    assert got[("P6", "Q5", "0404", "0102")] == pytest.approx(50.0, abs=0.01)
    # Merged and re-vertexed parcels are whole pieces; only P4 (split) and P5/P6 (re-digitised) are cut.
    assert got[("P2", "Q23", "0102", "0103")] == pytest.approx(10000.0, abs=1e-6)
    assert got[("P7", "Q7", "1104", "1006")] == pytest.approx(10000.0, abs=1e-6)
