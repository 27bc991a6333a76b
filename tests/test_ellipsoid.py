"""Tests of the 三调 ellipsoidal area (core/ellipsoid.py).

Expected values come from independent sources, never from the code under
test:

* the closed-form area of an ellipsoidal zone between two parallels,
  ``b² ΔL [g(B2) - g(B1)] / 2`` with
  ``g(φ) = sinφ / (1 - e² sin²φ) + ln((1 + e sinφ) / (1 - e sinφ)) / (2e)``;
* PROJ (through ``QgsCoordinateTransform``) for the Gauss-Krüger projection.

A 1:10 000 map sheet spans 3'45" of longitude by 2'30" of latitude.
"""

import math
import struct

import numpy as np
import pytest
from land_consolidation.core import ellipsoid
from land_consolidation.core.errors import LandConsolidationError
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
)

A = 6378137.0
F = 1 / 298.257222101
B_AXIS = A * (1 - F)
E2 = F * (2 - F)
E = math.sqrt(E2)

SHEET_DLON = 3.75 / 60  # degrees
SHEET_DLAT = 2.5 / 60
ARCSECOND = 1 / 3600


def _g(phi: float) -> float:
    s = math.sin(phi)
    return s / (1 - E2 * s * s) + math.log((1 + E * s) / (1 - E * s)) / (2 * E)


def zone_area(lat1: float, lat2: float, dlon: float) -> float:
    """Closed-form area (m²) of the cell lat1..lat2 × dlon, degrees in."""
    return B_AXIS**2 * math.radians(dlon) * (_g(math.radians(lat2)) - _g(math.radians(lat1))) / 2


def cell_ring(lon1: float, lat1: float, lon2: float, lat2: float, step: float) -> np.ndarray:
    """Closed lon/lat ring of a cell, counter-clockwise, parallels densified."""
    n = max(1, int(round((lon2 - lon1) / step)))
    lons = np.linspace(lon1, lon2, n + 1)
    south = np.column_stack([lons, np.full(n + 1, lat1)])
    north = np.column_stack([lons[::-1], np.full(n + 1, lat2)])
    return np.vstack([south, north, south[:1]])


def to_projected(ring_lonlat: np.ndarray, authid: str) -> np.ndarray:
    """Project lon/lat (EPSG:4490) to ``authid`` with PROJ, as an N×2 array."""
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4490"),
        QgsCoordinateReferenceSystem(authid),
        QgsProject.instance(),
    )
    points = [transform.transform(QgsPointXY(lon, lat)) for lon, lat in ring_lonlat]
    return np.array([[p.x(), p.y()] for p in points])


def polygon_geometry(rings: list[np.ndarray]) -> QgsGeometry:
    return QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in ring] for ring in rings])


def gk_for(authid: str, xy: np.ndarray | None = None) -> ellipsoid.GaussKruger:
    sample = None if xy is None else float(xy[:, 0].mean())
    return ellipsoid.gauss_kruger_for_crs(QgsCoordinateReferenceSystem(authid), sample)


# Map sheets: (CRS, SW corner lon, lat).  The first is the brief's zone-40
# sheet east of the CM; the second lies west of the CM, in the unprefixed CRS.
SHEETS = [("EPSG:4528", 120.25, 31.5), ("EPSG:4549", 119.75, 31.5)]


@pytest.mark.parametrize(("authid", "lon1", "lat1"), SHEETS)
@pytest.mark.parametrize("step", [ARCSECOND, SHEET_DLON], ids=["every-1s", "corners"])
def test_map_sheet_matches_closed_form(qgis_app, authid, lon1, lat1, step):
    lon2, lat2 = lon1 + SHEET_DLON, lat1 + SHEET_DLAT
    expected = zone_area(lat1, lat2, SHEET_DLON)
    xy = to_projected(cell_ring(lon1, lat1, lon2, lat2, step), authid)
    gk = gk_for(authid, xy)

    area = ellipsoid.polygon_area(gk, [xy])
    print(
        f"\n{authid} sheet ({len(xy)} vertices): {area:.4f} m², closed form {expected:.4f}"
        f" m², difference {area - expected:+.2e} m²"
    )
    assert area == pytest.approx(expected, abs=0.01)
    # Same sheet given clockwise and through a QgsGeometry.
    assert ellipsoid.polygon_area(gk, [xy[::-1]]) == pytest.approx(expected, abs=0.01)
    assert ellipsoid.geometry_area(gk, polygon_geometry([xy])) == pytest.approx(expected, abs=0.01)


def test_inverse_matches_proj(qgis_app):
    rng = np.random.default_rng(20080032)
    lat = rng.uniform(18.0, 53.0, 1000)
    lon = rng.uniform(120.0 - 1.5, 120.0 + 1.5, 1000)
    xy = to_projected(np.column_stack([lon, lat]), "EPSG:4528")
    gk = gk_for("EPSG:4528")

    b, l_ = gk.inverse(xy[:, 0], xy[:, 1])
    err_lat = np.abs(np.degrees(b) - lat).max()
    err_lon = np.abs(np.degrees(l_) - lon).max()
    print(f"\ninverse vs PROJ: max |ΔB| = {err_lat:.1e}°, max |ΔL| = {err_lon:.1e}°")
    assert err_lat < 1e-9
    assert err_lon < 1e-9

    # PROJ's own inverse of the same points agrees too.
    back = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4528"),
        QgsCoordinateReferenceSystem("EPSG:4490"),
        QgsProject.instance(),
    )
    proj_ll = np.array([[p.x(), p.y()] for p in (back.transform(QgsPointXY(*p)) for p in xy)])
    assert np.abs(np.degrees(l_) - proj_ll[:, 0]).max() < 1e-9
    assert np.abs(np.degrees(b) - proj_ll[:, 1]).max() < 1e-9

    # forward() agrees with PROJ and round-trips.
    east, north = gk.forward(np.radians(lat), np.radians(lon))
    assert np.abs(east - xy[:, 0]).max() < 1e-6
    assert np.abs(north - xy[:, 1]).max() < 1e-6
    east2, north2 = gk.forward(b, l_)
    assert np.abs(east2 - xy[:, 0]).max() < 1e-6
    assert np.abs(north2 - xy[:, 1]).max() < 1e-6


def test_polygon_with_hole(qgis_app):
    lon1, lat1 = 120.25, 31.5
    outer = cell_ring(lon1, lat1, lon1 + SHEET_DLON, lat1 + SHEET_DLAT, ARCSECOND)
    # A 1:5 000-like inner cell, listed clockwise as holes usually are.
    ilon1, ilat1, idlon, idlat = lon1 + 0.01, lat1 + 0.01, 0.02, 0.015
    inner = cell_ring(ilon1, ilat1, ilon1 + idlon, ilat1 + idlat, ARCSECOND)[::-1]
    expected = zone_area(lat1, lat1 + SHEET_DLAT, SHEET_DLON) - zone_area(
        ilat1, ilat1 + idlat, idlon
    )
    outer_xy = to_projected(outer, "EPSG:4528")
    inner_xy = to_projected(inner, "EPSG:4528")
    gk = gk_for("EPSG:4528", outer_xy)

    assert ellipsoid.polygon_area(gk, [outer_xy, inner_xy]) == pytest.approx(expected, abs=0.01)
    # Orientation of the hole must not matter.
    assert ellipsoid.polygon_area(gk, [outer_xy, inner_xy[::-1]]) == pytest.approx(
        expected, abs=0.01
    )
    geom = polygon_geometry([outer_xy, inner_xy])
    assert ellipsoid.geometry_area(gk, geom) == pytest.approx(expected, abs=0.01)


def test_multipolygon_is_sum_of_parts(qgis_app):
    cells = [(120.25, 31.5), (120.25 + 2 * SHEET_DLON, 31.5), (120.25, 31.5 + 2 * SHEET_DLAT)]
    rings = [
        to_projected(
            cell_ring(lon, lat, lon + SHEET_DLON, lat + SHEET_DLAT, 10 * ARCSECOND), "EPSG:4528"
        )
        for lon, lat in cells
    ]
    expected = sum(zone_area(lat, lat + SHEET_DLAT, SHEET_DLON) for _, lat in cells)
    geom = QgsGeometry.fromMultiPolygonXY([[[QgsPointXY(x, y) for x, y in ring]] for ring in rings])
    gk = gk_for("EPSG:4528", rings[0])
    assert ellipsoid.geometry_area(gk, geom) == pytest.approx(expected, abs=0.03)
    parts = ellipsoid.geometry_rings(geom)
    assert len(parts) == 3 and all(len(p) == 1 for p in parts)


def test_batch_equals_single(qgis_app):
    gk = ellipsoid.GaussKruger(120.0, 40500000.0)
    rng = np.random.default_rng(7)
    geoms = []
    for _ in range(200):
        cx, cy = rng.uniform(40450000, 40550000), rng.uniform(3400000, 3600000)
        angles = np.sort(rng.uniform(0, 2 * np.pi, rng.integers(5, 30)))
        radii = rng.uniform(10, 80, angles.size)
        ring = np.column_stack([cx + radii * np.cos(angles), cy + radii * np.sin(angles)])
        geoms.append(polygon_geometry([ring]))
    geoms.insert(17, QgsGeometry())  # null geometry counts as 0
    batch = ellipsoid.geometry_areas(gk, geoms)
    single = np.array([ellipsoid.geometry_area(gk, g) for g in geoms])
    assert batch.shape == (201,)
    assert batch[17] == 0.0
    np.testing.assert_allclose(batch, single, rtol=0, atol=1e-8)
    # Ellipsoidal and plane areas of small parcels near the CM differ by the
    # GK scale error only (< 0.01 % here).
    plane = np.array([g.area() for g in geoms])
    mask = plane > 0
    assert np.all(np.abs(batch[mask] / plane[mask] - 1) < 1e-4)


def test_ring_areas_of_flat_rings(qgis_app):
    """A map sheet, a degenerate two-vertex ring and the 1:5 000-like cell of the test above
    repeated past one batch of ``_CHUNK_VERTICES``, back to back in one array: each ring's area
    is its zone area (the closed form), 0 for the degenerate one, in the order given."""
    lon1, lat1 = 120.25, 31.5
    outer = to_projected(cell_ring(lon1, lat1, lon1 + SHEET_DLON, lat1 + SHEET_DLAT, ARCSECOND), "EPSG:4528")
    ilon1, ilat1, idlon, idlat = lon1 + 0.01, lat1 + 0.01, 0.02, 0.015
    inner = to_projected(cell_ring(ilon1, ilat1, ilon1 + idlon, ilat1 + idlat, ARCSECOND)[::-1], "EPSG:4528")
    gk = gk_for("EPSG:4528", outer)
    repeat = ellipsoid._CHUNK_VERTICES // len(outer) + 2
    rings = [outer, inner[:2]] + [inner] * repeat
    length = np.array([len(r) for r in rings])
    start = np.cumsum(length) - length
    areas = ellipsoid.ring_areas(gk, np.vstack(rings), start, length)
    assert areas[0] == pytest.approx(zone_area(lat1, lat1 + SHEET_DLAT, SHEET_DLON), abs=0.01)
    assert areas[1] == 0.0
    assert areas[2:] == pytest.approx([zone_area(ilat1, ilat1 + idlat, idlon)] * repeat, abs=0.01)


def test_geographic_crs_raises(qgis_app, chinese):
    with pytest.raises(LandConsolidationError, match="EPSG:4490"):
        ellipsoid.gauss_kruger_for_crs(QgsCoordinateReferenceSystem("EPSG:4490"))
    with pytest.raises(LandConsolidationError, match="地理坐标系"):
        ellipsoid.gauss_kruger_for_crs(QgsCoordinateReferenceSystem("EPSG:4490"), layer_name="DLTB")


def test_non_transverse_mercator_raises(qgis_app):
    with pytest.raises(LandConsolidationError, match="transverse"):
        ellipsoid.gauss_kruger_for_crs(QgsCoordinateReferenceSystem("EPSG:3857"))
    with pytest.raises(LandConsolidationError):
        ellipsoid.gauss_kruger_for_crs(QgsCoordinateReferenceSystem())


def test_crs_parameters(qgis_app):
    gk = gk_for("EPSG:4528")
    assert (gk.central_meridian, gk.false_easting, gk.scale) == (120.0, 40500000.0, 1.0)
    assert (gk.a, gk.f) == (ellipsoid.CGCS2000_A, ellipsoid.CGCS2000_F)
    gk = gk_for("EPSG:4549")
    assert (gk.central_meridian, gk.false_easting) == (120.0, 500000.0)
    utm = ellipsoid.gauss_kruger_for_crs(QgsCoordinateReferenceSystem("EPSG:32650"))
    assert (utm.central_meridian, utm.scale, utm.false_easting) == (117.0, 0.9996, 500000.0)
    assert utm.f == pytest.approx(1 / 298.257223563, rel=1e-12)  # WGS 84, not CGCS2000


def test_easting_magnitude_rule(qgis_app):
    crs_4549 = QgsCoordinateReferenceSystem("EPSG:4549")
    crs_4528 = QgsCoordinateReferenceSystem("EPSG:4528")
    # Zone-prefixed eastings in a file labelled EPSG:4549.
    gk = ellipsoid.gauss_kruger_for_crs(crs_4549, sample_easting=40512345.0)
    assert (gk.central_meridian, gk.false_easting) == (120.0, 40500000.0)
    # Prefix of another zone than the label says: the prefix wins.
    gk = ellipsoid.gauss_kruger_for_crs(crs_4528, sample_easting=39512345.0)
    assert (gk.central_meridian, gk.false_easting) == (117.0, 39500000.0)
    # 6° zone prefix.
    gk = ellipsoid.gauss_kruger_for_crs(crs_4549, sample_easting=20512345.0)
    assert (gk.central_meridian, gk.false_easting) == (117.0, 20500000.0)
    # Unprefixed eastings in a file labelled EPSG:4528: drop the prefix.
    gk = ellipsoid.gauss_kruger_for_crs(crs_4528, sample_easting=512345.0)
    assert (gk.central_meridian, gk.false_easting) == (120.0, 500000.0)
    with pytest.raises(LandConsolidationError):
        ellipsoid.gauss_kruger_for_crs(crs_4549, sample_easting=99512345.0)

    # The area of a sheet with prefixed coordinates under the 4549 label.
    lon1, lat1 = 120.25, 31.5
    xy = to_projected(
        cell_ring(lon1, lat1, lon1 + SHEET_DLON, lat1 + SHEET_DLAT, ARCSECOND), "EPSG:4528"
    )
    gk = ellipsoid.gauss_kruger_for_crs(crs_4549, sample_easting=float(xy[:, 0].mean()))
    expected = zone_area(lat1, lat1 + SHEET_DLAT, SHEET_DLON)
    assert ellipsoid.polygon_area(gk, [xy]) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize("step", [ARCSECOND, SHEET_DLON], ids=["every-1s", "corners"])
def test_difference_from_qgsdistancearea(qgis_app, step):
    """QgsDistanceArea (geodesic edges) vs the 三调 method, for the README."""
    lon1, lat1 = 120.25, 31.5
    xy = to_projected(
        cell_ring(lon1, lat1, lon1 + SHEET_DLON, lat1 + SHEET_DLAT, step), "EPSG:4528"
    )
    crs = QgsCoordinateReferenceSystem("EPSG:4528")
    measure = QgsDistanceArea()
    measure.setSourceCrs(crs, QgsProject.instance().transformContext())
    assert measure.setEllipsoid("EPSG:7019")  # GRS 1980 = CGCS2000 to 1e-12
    geom = polygon_geometry([xy])
    geodesic = measure.measureArea(geom)
    sandiao = ellipsoid.geometry_area(gk_for("EPSG:4528", xy), geom)
    expected = zone_area(lat1, lat1 + SHEET_DLAT, SHEET_DLON)
    print(
        f"\n1:10 000 sheet ({len(xy)} vertices): 三调 {sandiao:.4f} m²,"
        f" QgsDistanceArea {geodesic:.4f} m², closed form {expected:.4f} m²,"
        f" QgsDistanceArea - 三调 = {geodesic - sandiao:+.4f} m²"
    )
    # Geodesic chords of the parallels: ~0.5 m² on a corners-only sheet,
    # vanishing when the parallels are densified.
    assert abs(geodesic - sandiao) < 1.0


def test_ring_area_sign_and_closure():
    lat = np.radians([30.0, 30.0, 30.01, 30.01])
    lon = np.radians([120.0, 120.01, 120.01, 120.0])
    expected = zone_area(30.0, 30.01, 0.01)
    assert ellipsoid.ring_area(lat, lon) == pytest.approx(expected, abs=1e-4)
    assert ellipsoid.ring_area(lat[::-1], lon[::-1]) == pytest.approx(-expected, abs=1e-4)
    closed = ellipsoid.ring_area(np.append(lat, lat[0]), np.append(lon, lon[0]))
    assert closed == pytest.approx(expected, abs=1e-4)
    assert ellipsoid.ring_area(lat[:2], lon[:2]) == 0.0


def _published_trapezoid_sum(lat_deg, lon_deg, parallel=False):
    """Straight transcription of the published per-edge loop (Greenwich reference).

    ``parallel=True`` gives the alternative ``ΔL · F(Bm)`` form instead, to
    show that the test can tell the two apart.
    """
    e2, e4, e6, e8 = E2, E2**2, E2**3, E2**4
    ca = 1 + 3 / 6 * e2 + 30 / 80 * e4 + 35 / 112 * e6 + 630 / 2304 * e8
    cb = 1 / 6 * e2 + 15 / 80 * e4 + 21 / 112 * e6 + 420 / 2304 * e8
    cc = 3 / 80 * e4 + 7 / 112 * e6 + 180 / 2304 * e8
    cd = 1 / 112 * e6 + 45 / 2304 * e8
    ce = 5 / 2304 * e8
    total = 0.0
    n = len(lat_deg)
    for i in range(n):
        b1, l1 = math.radians(lat_deg[i]), math.radians(lon_deg[i])
        b2, l2 = math.radians(lat_deg[(i + 1) % n]), math.radians(lon_deg[(i + 1) % n])
        if parallel:
            bm = (b1 + b2) / 2
            total -= (
                (l2 - l1)
                * B_AXIS**2
                * (
                    ca * math.sin(bm)
                    - cb * math.sin(3 * bm)
                    + cc * math.sin(5 * bm)
                    - cd * math.sin(7 * bm)
                    + ce * math.sin(9 * bm)
                )
            )
            continue
        db, dl, bm = b2 - b1, (l1 + l2) / 2, (b1 + b2) / 2
        total += (
            2
            * B_AXIS**2
            * dl
            * (
                ca * math.sin(db / 2) * math.cos(bm)
                - cb * math.sin(3 * db / 2) * math.cos(3 * bm)
                + cc * math.sin(5 * db / 2) * math.cos(5 * bm)
                - cd * math.sin(7 * db / 2) * math.cos(7 * bm)
                + ce * math.sin(9 * db / 2) * math.cos(9 * bm)
            )
        )
    return total


def test_edge_formula_is_the_published_meridian_form():
    # A 1 km-scale pentagon with oblique edges: here the edge forms differ.
    lat = [31.50, 31.505, 31.512, 31.509, 31.501]
    lon = [120.30, 120.309, 120.306, 120.297, 120.296]
    published = _published_trapezoid_sum(lat, lon)
    alternative = _published_trapezoid_sum(lat, lon, parallel=True)
    ours = ellipsoid.ring_area(np.radians(lat), np.radians(lon))
    assert ours == pytest.approx(published, abs=1e-4)
    assert abs(alternative - published) > 0.01  # the test tells the forms apart


def test_series_coefficients_match_the_published_form():
    """The 三调 A-E series is the expansion of the closed form."""
    series = ellipsoid._zone_series(A, F)
    ca, cb, cc, cd, ce = series.coeffs
    for lat in (0.3, 31.5, 53.0):
        phi = math.radians(lat)
        f_series = series.b2 * (
            ca * math.sin(phi)
            - cb * math.sin(3 * phi)
            + cc * math.sin(5 * phi)
            - cd * math.sin(7 * phi)
            + ce * math.sin(9 * phi)
        )
        assert f_series == pytest.approx(B_AXIS**2 * _g(phi) / 2, rel=1e-12)


def _iso_polygon_wkb(rings, dims, order="<", code=None, srid=None):
    """Hand-built WKB, independent of QGIS's writer."""
    base = {2: 3, 3: 1003, 4: 3003}[dims] if code is None else code
    head = struct.pack(order + "BI", 1 if order == "<" else 0, base)
    if srid is not None:
        head += struct.pack(order + "I", srid)
    body = struct.pack(order + "I", len(rings))
    for ring in rings:
        body += struct.pack(order + "I", len(ring))
        for pt in ring:
            body += struct.pack(order + "d" * dims, *pt)
    return head + body


def test_wkb_dimensions_and_byte_orders():
    ring2 = [(0.0, 0.0), (10.0, 0.0), (10.0, 5.0), (0.0, 0.0)]
    expected = np.array(ring2)
    ring3 = [(x, y, 7.0) for x, y in ring2]
    ring4 = [(x, y, 7.0, 9.0) for x, y in ring2]
    blobs = [
        _iso_polygon_wkb([ring2], 2),
        _iso_polygon_wkb([ring3], 3),  # ISO Z 1003
        _iso_polygon_wkb([ring3], 3, code=2003),  # ISO M 2003
        _iso_polygon_wkb([ring4], 4),  # ISO ZM 3003
        _iso_polygon_wkb([ring3], 3, order=">", code=0x80000003),  # EWKB Z, big-endian
        _iso_polygon_wkb([ring4], 4, code=0xC0000003 | 0x20000000, srid=4528),  # EWKB ZM+SRID
    ]
    for blob in blobs:
        parts = ellipsoid.wkb_rings(blob)
        assert len(parts) == 1 and len(parts[0]) == 1
        np.testing.assert_array_equal(parts[0][0], expected)
        assert parts[0][0].flags.writeable

    # A multipolygon mixing byte orders and dimensions.
    multi = struct.pack("<BII", 1, 6, 2) + blobs[0] + blobs[4]
    parts = ellipsoid.wkb_rings(multi)
    assert len(parts) == 2
    np.testing.assert_array_equal(parts[1][0], expected)


def test_geometry_rings_from_qgis(qgis_app):
    wkt = (
        "PolygonZM((0 0 1 2, 4 0 1 2, 4 4 1 2, 0 4 1 2, 0 0 1 2),"
        "(1 1 1 2, 1 2 1 2, 2 2 1 2, 1 1 1 2))"
    )
    parts = ellipsoid.geometry_rings(QgsGeometry.fromWkt(wkt))
    assert [r.shape for r in parts[0]] == [(5, 2), (4, 2)]
    assert parts[0][1][2].tolist() == [2.0, 2.0]
    assert ellipsoid.geometry_rings(QgsGeometry()) == []
    assert ellipsoid.geometry_rings(QgsGeometry.fromWkt("Polygon EMPTY")) == []
    with pytest.raises(LandConsolidationError):
        ellipsoid.geometry_rings(QgsGeometry.fromWkt("LineString(0 0, 1 1)"))


def test_curved_geometry_is_segmentized(qgis_app):
    gk = ellipsoid.GaussKruger(120.0, 500000.0)
    cx, cy, r = 520000.0, 3500000.0, 100.0
    circle = QgsGeometry.fromWkt(
        f"CurvePolygon(CircularString({cx - r} {cy}, {cx + r} {cy}, {cx - r} {cy}))"
    )
    area = ellipsoid.geometry_area(gk, circle)
    linear = QgsGeometry(circle.constGet().segmentize())
    assert area == pytest.approx(ellipsoid.geometry_area(gk, linear), abs=1e-9)
    assert area == pytest.approx(math.pi * r * r, rel=1e-3)
