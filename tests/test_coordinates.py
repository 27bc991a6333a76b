"""landconsolidation:exportcoordinates: the coordinate file read back gives the same polygons and areas.

The file is read back by the small parser below, written from the layout in
the README (not by core/coordinates.py's reader), so a mistake in the writer
cannot hide behind the same mistake in the reader.

Parcels (EPSG:4528, origin X0 = 40 520 000 E, Y0 = 3 490 000 N; m):

* A: the square 0–100 × 0–100 with the hole 20–40 × 30–60: 10 000 − 600 =
  9 400 m² = 0.9400 公顷; outer ring 4 corners + closing, hole 4 + closing:
  界址点数 10;
* B: two squares 200–250 × 0–50 and 300–350 × 0–50 as one feature:
  2 × 2 500 = 5 000 m² = 0.5000 公顷, rings 1 and 2, 界址点数 10.
"""
import pytest
from builders import X0, Y0, memory_layer, rect
from land_consolidation.core import coordinates
from qgis import processing
from qgis.core import QgsGeometry
from qgis.PyQt.QtCore import QVariant

ALG = "landconsolidation:exportcoordinates"
FIELDS = [("DKMC", QVariant.Type.String), ("DKYT", QVariant.Type.String)]
HOLED = (f"POLYGON(({X0} {Y0},{X0 + 100} {Y0},{X0 + 100} {Y0 + 100},{X0} {Y0 + 100},{X0} {Y0}),"
         f"({X0 + 20} {Y0 + 30},{X0 + 40} {Y0 + 30},{X0 + 40} {Y0 + 60},{X0 + 20} {Y0 + 60},{X0 + 20} {Y0 + 30}))")
TWO_PARTS = (f"MULTIPOLYGON((({X0 + 200} {Y0},{X0 + 250} {Y0},{X0 + 250} {Y0 + 50},{X0 + 200} {Y0 + 50},"
             f"{X0 + 200} {Y0})),(({X0 + 300} {Y0},{X0 + 350} {Y0},{X0 + 350} {Y0 + 50},{X0 + 300} {Y0 + 50},"
             f"{X0 + 300} {Y0})))")


def parse(path):
    """Independent reader: (attributes, [(header fields, {ring: [(point, X, Y)]})])."""
    text = path.read_bytes().decode("gb18030")
    attributes, parcels, section = {}, [], None
    for line in text.split("\r\n"):
        if not line:
            continue
        if line.startswith("["):
            section = line
        elif section == "[属性描述]":
            key, value = line.split("=", 1)
            attributes[key] = value
        elif line.endswith(",@"):
            parcels.append((line.split(","), {}))
        else:
            point, ring, x, y = line.split(",")
            parcels[-1][1].setdefault(int(ring), []).append((point, float(x), float(y)))
    return attributes, parcels


def shoelace(points) -> float:
    """Signed area of a closed ring given as (point, X north, Y east), in the usual east/north frame."""
    return sum(e1 * n2 - e2 * n1 for (_, n1, e1), (_, n2, e2) in zip(points, points[1:])) / 2.0


def inside(point, ring) -> bool:
    """Even-odd test of (east, north) against a ring of (name, north, east)."""
    east, north = point
    result = False
    for (_, n1, e1), (_, n2, e2) in zip(ring, ring[1:]):
        if (n1 > north) != (n2 > north) and east < e1 + (north - n1) * (e2 - e1) / (n2 - n1):
            result = not result
    return result


def parcel_area(rings: dict) -> float:
    """Outer rings minus the rings whose first point lies inside another ring (holes; enough for these shapes)."""
    total = 0.0
    for number, ring in rings.items():
        _, north, east = ring[0]
        hole = any(inside((east, north), other) for k, other in rings.items() if k != number)
        total += -abs(shoelace(ring)) if hole else abs(shoelace(ring))
    return total


@pytest.fixture
def layer():
    return memory_layer("地块", [{"DKMC": "甲,一号", "DKYT": "水田", "wkt": HOLED},
                                 {"DKMC": "乙", "DKYT": "旱地", "wkt": TWO_PARTS}], fields=FIELDS, geometry="MultiPolygon")


def test_round_trip_keeps_polygons_and_areas(provider, layer, tmp_path):
    out = tmp_path / "坐标.txt"
    result = processing.run(ALG, {"INPUT": [layer], "AREA_BASIS": 1, "UNIT_NAME": "某某镇人民政府", "OUTPUT": str(out)})
    assert result["PARCEL_COUNT"] == 2
    raw = out.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # GBK (GB18030), not UTF-8
    assert b"\r\n" in raw
    attributes, parcels = parse(out)
    assert attributes == {"格式版本号": "1.01版本", "数据产生单位": "某某镇人民政府", "数据产生日期": attributes["数据产生日期"],
                          "坐标系": "2000国家大地坐标系", "几度分带": "3", "投影类型": "高斯克吕格", "计量单位": "米",
                          "带号": "40", "精度": "0.0001", "转换参数": ",,,,,,"}
    (head_a, rings_a), (head_b, rings_b) = parcels
    assert head_a == ["10", "0.9400", "1", "甲，一号", "面", "", "水田", "地块", "@"]
    assert head_b == ["10", "0.5000", "2", "乙", "面", "", "旱地", "地块", "@"]
    # Outer ring clockwise from the north-west corner, X the northing; the hole anticlockwise; J numbers run on.
    assert rings_a[1] == [("J1", Y0 + 100, X0), ("J2", Y0 + 100, X0 + 100), ("J3", Y0, X0 + 100), ("J4", Y0, X0),
                          ("J1", Y0 + 100, X0)]
    assert [p for p, _, _ in rings_a[2]] == ["J5", "J6", "J7", "J8", "J5"]
    assert {(x, y) for _, x, y in rings_a[2]} == {(Y0 + 30, X0 + 20), (Y0 + 30, X0 + 40), (Y0 + 60, X0 + 40),
                                                  (Y0 + 60, X0 + 20)}
    assert rings_a[2][0][1:] == (Y0 + 60, X0 + 20)
    assert shoelace(rings_a[1]) < 0 < shoelace(rings_a[2])
    assert parcel_area(rings_a) == pytest.approx(9400.0, abs=1e-6)
    assert set(rings_b) == {1, 2}
    assert parcel_area(rings_b) == pytest.approx(5000.0, abs=1e-6)
    assert {(x, y) for _, x, y in rings_b[2]} == {(Y0, X0 + 300), (Y0, X0 + 350), (Y0 + 50, X0 + 350),
                                                  (Y0 + 50, X0 + 300)}


def test_core_reader_rebuilds_the_same_geometries(provider, layer, tmp_path):
    """Holes and parts come back in place: the symmetric difference with the input is empty."""
    out = tmp_path / "utf8.txt"
    processing.run(ALG, {"INPUT": [layer], "ENCODING": 1, "OUTPUT": str(out)})
    read = coordinates.read_coordinate_file(out)
    assert read.attributes["带号"] == "40"
    originals = [f.geometry() for f in layer.getFeatures()]
    for parcel, original in zip(read.parcels, originals):
        geometry = coordinates.parcel_geometry(parcel)
        assert geometry.symDifference(original).area() == pytest.approx(0.0, abs=1e-9)
    # Ellipsoidal areas by default: within 0.00005 公顷 of the plane area for parcels this size 20 km off the CM.
    assert [p.area_ha for p in read.parcels] == [pytest.approx(0.94, abs=5e-5), pytest.approx(0.5, abs=5e-5)]


def test_zone_prefix_added_for_a_crs_without_it(provider, tmp_path):
    """EPSG:4549 (CM 120°E = zone 40, no prefix): Y is written as 40 000 000 + easting."""
    square = memory_layer("x", [{"wkt": rect(0, 0, 10, 10, x0=500_000.0)}], fields=[], crs="EPSG:4549")
    out = tmp_path / "c.txt"
    processing.run(ALG, {"INPUT": [square], "OUTPUT": str(out)})
    attributes, parcels = parse(out)
    assert attributes["带号"] == "40"
    assert parcels[0][1][1][0] == ("J1", Y0 + 10, 40_500_000.0)


def test_project_area_from_the_project_file(provider, tmp_path):
    """The project area of a project written by createproject comes back as the same polygon and area."""
    boundary = QgsGeometry.fromWkt(rect(0, 0, 330, 106))
    from builders import PLAN_FIELDS, plan_before_rows

    project = tmp_path / "p.gpkg"
    processing.run("landconsolidation:createproject", {
        "DLTB": memory_layer("DLTB", plan_before_rows(), fields=PLAN_FIELDS),
        "PROJECT_AREA": memory_layer("XMQ", [{"wkt": boundary.asWkt()}], fields=[]), "NAME": "东村项目",
        "RESPONSIBLE_UNIT": "某某镇人民政府", "START_YEAR": 2026, "END_YEAR": 2027, "OUTPUT": str(project)})
    folder = tmp_path / "files"
    result = processing.run(ALG, {"PROJECT": str(project), "AREA_BASIS": 1, "OUTPUT_FOLDER": str(folder)})
    assert result["PARCEL_COUNT"] == 1
    attributes, parcels = parse(folder / "项目区.txt")
    assert attributes["数据产生单位"] == "某某镇人民政府"
    head, rings = parcels[0]
    assert head[:4] == ["5", "3.4980", "1", "东村项目"]  # 330 × 106 = 34 980 m²
    assert parcel_area(rings) == pytest.approx(34980.0, abs=1e-6)


def test_needs_an_output_and_an_input(provider, layer, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException):
        processing.run(ALG, {"INPUT": [layer]})
    with pytest.raises(QgsProcessingException):
        processing.run(ALG, {"OUTPUT": str(tmp_path / "x.txt")})


@pytest.mark.parametrize("authid, width, number, prefixed", [
    ("EPSG:4528", 3, 40, True),   # 4528 − 4488
    ("EPSG:4549", 3, 40, False),  # CM 120°E / 3
    ("EPSG:4513", 3, 25, True),
    ("EPSG:4534", 3, 25, False),  # CM 75°E / 3
    ("EPSG:4554", 3, 45, False),  # CM 135°E / 3
    ("EPSG:4491", 6, 13, True),   # 6° zones: 4491 − 4478
    ("EPSG:4502", 6, 13, False),  # (CM 75°E + 3) / 6
])
def test_zone_of_the_cgcs2000_gauss_krueger_crs(qgis_app, authid, width, number, prefixed):
    from land_consolidation.core.zones import zone_of
    from qgis.core import QgsCoordinateReferenceSystem

    zone = zone_of(QgsCoordinateReferenceSystem(authid))
    assert (zone.width, zone.number, zone.prefixed) == (width, number, prefixed)
    assert zone.caption() == f"2000国家大地坐标系 高斯-克吕格投影 {width}度带 第 {number} 带"
