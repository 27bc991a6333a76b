"""landconsolidation:contiguity – 耕地 blocks (I7) and fragmentation metrics (I8).

Every scene is a few rectangles (metres from the builders' origin, EPSG:4528)
with the expected answer worked out on paper in the test's docstring.  Class
areas come from the TBDLMJ field (TBMJ − KCMJ), not from the geometry.

Rules under test (core/contiguity.py):

* parcels sharing ≥ 1 m of boundary are one block; a corner (or < 1 m of
  shared boundary) does not join them;
* a gap ≤ MAX_GAP (8 m) lying wholly on connector parcels (1006, 1107, 1203)
  no wider than MAX_GAP joins them; width = XZDWKD, else 2·area/perimeter;
* anything else in the gap, a gap > MAX_GAP, a connector recorded wider
  than MAX_GAP, break the block; fields along one road are not joined
  through it.
"""
import numpy as np
import pytest
from builders import DLTB_FIELDS, VILLAGE_A, VILLAGE_B, X0, Y0, Log, memory_layer, rect
from land_consolidation.core import contiguity, dltb, geokernel
from land_consolidation.core.errors import LandConsolidationError
from qgis import processing
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

ALG = "landconsolidation:contiguity"
FIELDS = DLTB_FIELDS + [("XZDWKD", QVariant.Type.Double), ("GHDLBM", QVariant.Type.String)]
MU = 10000.0 / 15.0  # m² per 亩


def row(bsm, code, wkt, tbmj, kcxs=0.0, xzdwkd=None, village=VILLAGE_A, gh=None):
    """A DLTB row: KCMJ = round(TBMJ × KCXS, 2), TBDLMJ = TBMJ − KCMJ."""
    kcmj = round(tbmj * kcxs, 2)
    return {
        "BSM": bsm,
        "DLBM": code,
        "TBMJ": tbmj,
        "KCDLBM": "1203" if kcxs else None,
        "KCXS": kcxs,
        "KCMJ": kcmj,
        "TBDLMJ": round(tbmj - kcmj, 2),
        "ZLDWDM": village,
        "ZLDWMC": "东村" if village == VILLAGE_A else "西村",
        "GDDB": 5 if code.startswith("01") else None,
        "XZDWKD": xzdwkd,
        "GHDLBM": gh or code,
        "wkt": wkt,
    }


def layer(rows, name="DLTB"):
    return memory_layer(name, rows, fields=FIELDS)


def run(source, **params):
    params.setdefault("OUTPUT", "memory:")
    params.setdefault("OUTPUT_METRICS", "memory:")
    return processing.run(ALG, {"INPUT": source, **params})


def blocks(result):
    """{frozenset of BSMs … } is not in the output; (AREA_M2, PARCELS) per block, largest first."""
    return [(f["AREA_M2"], f["PARCELS"]) for f in result["OUTPUT"].getFeatures()]


# ---------------------------------------------------------------------------
# Joining and breaking
# ---------------------------------------------------------------------------


def test_six_metre_road_joins_two_fields(provider):
    """A (0–100) | road 1006 6 m (100–106, XZDWKD 6) | B (106–206), all 100 m tall.

    A: TBMJ 10 000, KCXS 0.05 → KCMJ 500, TBDLMJ 9 500; B: TBDLMJ 10 000.
    One block of 19 500 m² = 29.25 亩 (the road is not counted), 2 parcels.
    """
    rows = [
        row("A", "0101", rect(0, 0, 100, 100), 10000.0, kcxs=0.05),
        row("R", "1006", rect(100, 0, 106, 100), 600.0, xzdwkd=6.0),
        row("B", "0102", rect(106, 0, 206, 100), 10000.0),
    ]
    result = run(layer(rows))
    assert blocks(result) == [(19500.0, 2)]
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["AREA_MU"] == pytest.approx(29.25)
    assert feature["AREA_HA"] == pytest.approx(1.95)
    assert feature["SIZE_CLASS"] in ("", None)
    assert result["BLOCK_COUNT"] == 1
    assert result["PARCEL_COUNT"] == 2
    # The block polygon is the two fields, the road between them left out.
    geom = feature.geometry()
    assert geom.constGet().numGeometries() == 2
    assert geom.area() == pytest.approx(20000.0)


def test_road_width_from_geometry_when_xzdwkd_is_empty(provider):
    """Road 6 × 100 m without XZDWKD: width 2·600/212 = 5.66 m ≤ 8 → joined."""
    rows = [
        row("A", "0101", rect(0, 0, 100, 100), 10000.0),
        row("R", "1006", rect(100, 0, 106, 100), 600.0),
        row("B", "0101", rect(106, 0, 206, 100), 10000.0),
    ]
    assert run(layer(rows))["BLOCK_COUNT"] == 1


def test_forty_metre_river_breaks(provider):
    """A | river 1101 40 m | B: the gap (40 m) is wider than 8 m → two blocks of 10 000."""
    rows = [
        row("A", "0101", rect(0, 0, 100, 100), 10000.0),
        row("W", "1101", rect(100, 0, 140, 100), 4000.0, xzdwkd=40.0),
        row("B", "0101", rect(140, 0, 240, 100), 10000.0),
    ]
    result = run(layer(rows))
    assert blocks(result) == [(10000.0, 1), (10000.0, 1)]


def test_narrow_river_breaks_too(provider):
    """A 5 m stream 1101 is narrow but not a connector: the gap is not all connector."""
    rows = [
        row("A", "0101", rect(0, 0, 100, 100), 10000.0),
        row("W", "1101", rect(100, 0, 105, 100), 500.0, xzdwkd=5.0),
        row("B", "0101", rect(105, 0, 205, 100), 9000.0),
    ]
    result = run(layer(rows))
    assert blocks(result) == [(10000.0, 1), (9000.0, 1)]


def test_connector_recorded_wider_than_max_gap_breaks(provider):
    """A 6 m wide road polygon whose XZDWKD says 10 m is a wide connector: two blocks.

    With MAX_GAP = 12 the same road joins them.
    """
    rows = [
        row("A", "0101", rect(0, 0, 100, 100), 10000.0),
        row("R", "1006", rect(100, 0, 106, 100), 600.0, xzdwkd=10.0),
        row("B", "0101", rect(106, 0, 206, 100), 10000.0),
    ]
    assert run(layer(rows))["BLOCK_COUNT"] == 2
    assert run(layer(rows), MAX_GAP=12.0)["BLOCK_COUNT"] == 1


@pytest.mark.parametrize("road, joined", [(5.0, True), (6.0, False)])
def test_road_and_ditch_side_by_side_count_together(provider, road, joined):
    """Road 1006 of ``road`` m then ditch 1107 3 m: gap 8 m joins, 9 m does not."""
    rows = [
        row("A", "0101", rect(0, 0, 100, 100), 10000.0),
        row("R", "1006", rect(100, 0, 100 + road, 100), road * 100, xzdwkd=road),
        row("D", "1107", rect(100 + road, 0, 103 + road, 100), 300.0, xzdwkd=3.0),
        row("B", "0101", rect(103 + road, 0, 203 + road, 100), 10000.0),
    ]
    assert run(layer(rows))["BLOCK_COUNT"] == (1 if joined else 2)


def test_corner_contact_does_not_join(provider):
    """A (0,0)–(100,100) and C (100,100)–(200,200) meet only at (100, 100): two blocks.

    Also D touching A along 0.5 m only (y 99.5–100) counts as a corner.
    """
    rows = [
        row("A", "0101", rect(0, 0, 100, 100), 10000.0),
        row("C", "0101", rect(100, 100, 200, 200), 10000.0),
        row("D", "0101", rect(-100, 99.5, 0, 199.5), 10000.0),
    ]
    result = run(layer(rows))
    assert result["BLOCK_COUNT"] == 3


def test_fields_along_one_road_are_not_joined_through_it(provider):
    """A and B both border a 6 m road along their north side, 100 m apart with houses between.

    Dissolving 耕地 + roads would make one block; here the gap A–B (100 m)
    is far over 8 m, so they stay two blocks.
    """
    rows = [
        row("A", "0101", rect(0, 0, 100, 100), 10000.0),
        row("H", "0702", rect(100, 0, 200, 100), 10000.0),
        row("B", "0101", rect(200, 0, 300, 100), 10000.0),
        row("R", "1006", rect(0, 100, 300, 106), 1800.0, xzdwkd=6.0),
    ]
    assert run(layer(rows))["BLOCK_COUNT"] == 2


def test_block_sizes_around_100_mu(provider):
    """100 亩 = 66 666.67 m².

    F1 alone: TBDLMJ 66 666 (99.999 亩) → not a 百亩方.
    F3 (30 000) + F4 (36 667) across a 4 m ditch: 66 667 m² (100.0005 亩) → 百亩方.
    So BLOCKS_100MU = 1; SHARE_IN_100MU = 66 667 / 133 333 × 100 = 50.000375 %.
    No block reaches 500 亩.
    """
    rows = [
        row("F1", "0101", rect(0, 0, 200, 333.33), 66666.0),
        row("F3", "0101", rect(1000, 0, 1100, 300), 30000.0),
        row("D", "1107", rect(1100, 0, 1104, 300), 1200.0, xzdwkd=4.0),
        row("F4", "0103", rect(1104, 0, 1214, 333.34), 36667.0),
    ]
    result = run(layer(rows))
    assert blocks(result) == [(66667.0, 2), (66666.0, 1)]
    assert result["BLOCKS_100MU"] == 1
    assert result["BLOCKS_500MU"] == 0
    assert result["BLOCKS_1000MU"] == 0
    assert result["SHARE_IN_100MU"] == pytest.approx(50.000375, abs=1e-6)
    assert result["LARGEST_BLOCK_M2"] == pytest.approx(66667.0)
    assert result["MEAN_BLOCK_M2"] == pytest.approx(66666.5)
    sizes = [f["SIZE_CLASS"] for f in result["OUTPUT"].getFeatures()]
    assert sizes[0] == "百亩方" and sizes[1] in ("", None)


def test_thousand_mu_block(provider):
    """Ten 100 × 667 m fields side by side, TBDLMJ 66 700 each: one block of 667 000 m²
    = 1 000.5 亩 → BLOCKS_100MU = BLOCKS_500MU = BLOCKS_1000MU = 1, SIZE_CLASS 千亩方."""
    rows = [row(f"F{i}", "0101", rect(100 * i, 0, 100 * (i + 1), 667), 66700.0) for i in range(10)]
    result = run(layer(rows))
    assert blocks(result) == [(667000.0, 10)]
    assert (result["BLOCKS_100MU"], result["BLOCKS_500MU"], result["BLOCKS_1000MU"]) == (1, 1, 1)
    assert next(result["OUTPUT"].getFeatures())["SIZE_CLASS"] == "千亩方"


# ---------------------------------------------------------------------------
# Fragmentation metrics
# ---------------------------------------------------------------------------


def metric_rows():
    """A 100×100 (10 000), B 100×50 (5 000), C 40×50 (2 000) 耕地; X 60×50 0702 (3 000).

    A (0,0)–(100,100); B (100,0)–(200,50); C (100,50)–(140,100); X (140,50)–(200,100).
    A, B in village A; C, X in village B.  Landscape Σ TBMJ = 20 000.
    """
    return [
        row("A", "0101", rect(0, 0, 100, 100), 10000.0),
        row("B", "0102", rect(100, 0, 200, 50), 5000.0),
        row("C", "0103", rect(100, 50, 140, 100), 2000.0, village=VILLAGE_B),
        row("X", "0702", rect(140, 50, 200, 100), 3000.0, village=VILLAGE_B),
    ]


def test_fragmentation_metrics(provider):
    """On paper, A = 20 000, patches a = 10 000, 5 000, 2 000 (NP 3, CA 17 000):

    mean 5 666.67; LPI = 10 000 / 20 000 × 100 = 50; PD = 3 / 20 000 m² × 10⁶ = 150 per 100 ha;
    MESH = (10⁸ + 2.5·10⁷ + 4·10⁶) / 20 000 = 6 450 m²;
    shape p / (2√(πa)): A 400/(2√(10 000π)) = 1.128379, B 300/(2√(5 000π)) = 1.196827,
    C 180/(2√(2 000π)) = 1.135411 → mean 1.153539;
    under 5 亩 (3 333.33 m²): C only → 33.33 % of parcels.
    All three touch (B–A 50 m, C–A 50 m, C–B 40 m): one block of 17 000 →
    block LPI 85, block MESH 17 000² / 20 000 = 14 450.
    """
    result = run(layer(metric_rows()))
    assert result["PARCEL_COUNT"] == 3
    assert result["CLASS_AREA_M2"] == pytest.approx(17000.0)
    assert result["LANDSCAPE_M2"] == pytest.approx(20000.0)
    assert result["MEAN_PARCEL_M2"] == pytest.approx(17000.0 / 3)
    assert result["LPI"] == pytest.approx(50.0)
    assert result["PATCH_DENSITY"] == pytest.approx(150.0)
    assert result["MESH_M2"] == pytest.approx(6450.0)
    assert result["MEAN_SHAPE_INDEX"] == pytest.approx(1.153539, abs=1e-5)
    assert result["SMALL_PARCEL_SHARE"] == pytest.approx(100.0 / 3)
    assert result["BLOCK_COUNT"] == 1
    assert result["BLOCK_LPI"] == pytest.approx(85.0)
    assert result["BLOCK_MESH_M2"] == pytest.approx(14450.0)


def test_metrics_by_village(provider):
    """Village A: landscape 15 000, NP 2 (10 000, 5 000): LPI 66.667, MESH 1.25·10⁸/15 000 = 8 333.33,
    PD 2/15 000 × 10⁶ = 133.33.  Village B: landscape 5 000, NP 1 (2 000): LPI 40, MESH 800,
    100 % under 5 亩.  Row 全部 as in test_fragmentation_metrics."""
    result = run(layer(metric_rows()))
    got = {f["GROUP"]: f for f in result["OUTPUT_METRICS"].getFeatures()}
    assert set(got) == {VILLAGE_A, VILLAGE_B, "全部"}
    a, b, all_ = got[VILLAGE_A], got[VILLAGE_B], got["全部"]
    assert (a["NP"], a["CA_M2"], a["LANDSCAPE_M2"]) == (2, 15000.0, 15000.0)
    assert a["LPI"] == pytest.approx(200.0 / 3)
    assert a["MESH_M2"] == pytest.approx(1.25e8 / 15000)
    assert a["PD"] == pytest.approx(2e6 / 15000)
    assert (b["NP"], b["LPI"], b["MESH_M2"], b["SMALL_SHARE"]) == (1, pytest.approx(40.0), pytest.approx(800.0), 100.0)
    assert all_["MESH_M2"] == pytest.approx(6450.0)
    assert all_["SMALL_AREA_SHARE"] == pytest.approx(2000.0 / 17000.0 * 100.0)


def test_other_class_can_be_analysed(provider):
    """CODES = 0702 analyses the houses instead: one parcel X of 3 000 m²."""
    result = run(layer(metric_rows()), CODES="0702")
    assert result["PARCEL_COUNT"] == 1
    assert result["CLASS_AREA_M2"] == pytest.approx(3000.0)
    assert result["LPI"] == pytest.approx(15.0)


# ---------------------------------------------------------------------------
# Block polygons
# ---------------------------------------------------------------------------


def test_block_polygon_is_the_union_with_t_junctions(provider):
    """A's east edge (100, 0)–(100, 100) has no vertex at (100, 50), where B and C meet:
    the block is still the plain 200 × 100 rectangle, as GEOS's union says."""
    rows = [
        row("A", "0101", rect(0, 0, 100, 100), 10000.0),
        row("B", "0101", rect(100, 0, 200, 50), 5000.0),
        row("C", "0101", rect(100, 50, 200, 100), 5000.0),
    ]
    result = run(layer(rows))
    geom = next(result["OUTPUT"].getFeatures()).geometry()
    expected = QgsGeometry.unaryUnion([QgsGeometry.fromWkt(r["wkt"]) for r in rows])
    assert geom.isGeosValid()
    assert geom.constGet().numGeometries() == 1
    assert geom.symDifference(expected).area() == pytest.approx(0.0, abs=1e-6)
    assert geom.area() == pytest.approx(20000.0)


def test_block_polygon_with_a_hole(provider):
    """Four fields around a 100 × 100 house: a 300 × 300 square with a 100 × 100 hole (80 000 m²)."""
    rows = [
        row("S", "0101", rect(0, 0, 300, 100), 30000.0),
        row("N", "0101", rect(0, 200, 300, 300), 30000.0),
        row("W", "0101", rect(0, 100, 100, 200), 10000.0),
        row("E", "0101", rect(200, 100, 300, 200), 10000.0),
        row("H", "0702", rect(100, 100, 200, 200), 10000.0),
    ]
    result = run(layer(rows))
    assert blocks(result) == [(80000.0, 4)]
    geom = next(result["OUTPUT"].getFeatures()).geometry()
    assert geom.isGeosValid()
    polygon = geom.constGet().geometryN(0)
    assert polygon.numInteriorRings() == 1
    assert geom.area() == pytest.approx(80000.0)


def test_block_polygon_parts_meeting_at_a_corner(provider):
    """A and D face each other across a 6 m road; C sits on D and touches A at its corner.

    One block {A, C, D}; its polygon has two parts, A and C ∪ D, meeting at (100, 100).
    """
    rows = [
        row("A", "0101", rect(0, 0, 100, 100), 10000.0),
        row("R", "1006", rect(100, 0, 106, 100), 600.0, xzdwkd=6.0),
        row("D", "0101", rect(106, 0, 206, 100), 10000.0),
        row("C", "0101", rect(100, 100, 200, 200), 10000.0),
    ]
    result = run(layer(rows))
    assert blocks(result) == [(30000.0, 3)]
    geom = next(result["OUTPUT"].getFeatures()).geometry()
    assert geom.isGeosValid()
    assert geom.constGet().numGeometries() == 2
    assert geom.area() == pytest.approx(30000.0)


# ---------------------------------------------------------------------------
# Against an independent grouping
# ---------------------------------------------------------------------------


def village_rows():
    """Two rows of field blocks on a small plain.

    South row y 0–150, north row y 156–300 (east of the river y 162–300).
    West of x = 372: a 6 m road 1006 between the rows, and in each row four
    blocks of three 30 m strips separated by 3 m ditches 1107.  Then a 40 m
    river 1101 across both rows.  East of it a 12 m road 1006 (XZDWKD 12)
    between the rows, and the north row split by a 20 m 公路 1003.  No two
    耕地 parcels meet only at a corner, so buffering every field by 4 m and
    dissolving must give the same groups: west of the river one block, the
    south-east strips one, and the north-east strips two (either side of the
    公路) – 4 blocks.
    """
    rows = []
    n = 0

    def strips(x0, y0, y1, count=3):
        nonlocal n
        for k in range(count):
            n += 1
            rows.append(row(f"F{n}", "0101", rect(x0 + 30 * k, y0, x0 + 30 * (k + 1), y1), 30.0 * (y1 - y0)))
        return x0 + 30 * count

    for y0, y1 in ((0, 150), (156, 300)):
        x = 0.0
        for _ in range(4):
            x = strips(x, y0, y1)
            rows.append(row(f"D{y0}{x}", "1107", rect(x, y0, x + 3, y1), 3 * (y1 - y0), xzdwkd=3.0))
            x += 3
    west_end = x  # 4 × 93 = 372
    rows.append(row("R", "1006", rect(0, 150, west_end, 156), 6.0 * west_end, xzdwkd=6.0))
    rows.append(row("W", "1101", rect(west_end, 0, west_end + 40, 300), 12000.0, xzdwkd=40.0))
    east = west_end + 40
    strips(east, 0, 150, count=8)
    rows.append(row("R2", "1006", rect(east, 150, east + 240, 162), 2880.0, xzdwkd=12.0))
    x = strips(east, 162, 300, count=4)
    rows.append(row("G", "1003", rect(x, 162, x + 20, 300), 2760.0, xzdwkd=20.0))
    strips(x + 20, 162, 300, count=3)
    return rows


def test_agrees_with_buffer_and_dissolve(provider):
    rows = village_rows()
    source = layer(rows)
    result = run(source)
    assert result["BLOCK_COUNT"] == 4

    fields = processing.run(
        "native:extractbyexpression", {"INPUT": source, "EXPRESSION": "\"DLBM\" = '0101'", "OUTPUT": "memory:"}
    )["OUTPUT"]
    grown = processing.run(
        "native:buffer",
        {"INPUT": fields, "DISTANCE": 4.0, "SEGMENTS": 2, "DISSOLVE": True, "OUTPUT": "memory:"},
    )["OUTPUT"]
    parts = processing.run("native:multiparttosingleparts", {"INPUT": grown, "OUTPUT": "memory:"})["OUTPUT"]
    groups_buffer = {}
    part_geoms = [p.geometry() for p in parts.getFeatures()]
    for f in fields.getFeatures():
        centre = f.geometry().pointOnSurface()
        (index,) = [i for i, g in enumerate(part_geoms) if g.contains(centre)]
        groups_buffer.setdefault(index, set()).add(f["BSM"])

    ours = {}
    for block in result["OUTPUT"].getFeatures():
        geom = block.geometry()
        members = {f["BSM"] for f in fields.getFeatures() if geom.contains(f.geometry().pointOnSurface())}
        ours[block["BLOCK_ID"]] = members
        assert len(members) == block["PARCELS"]
    assert sorted(map(sorted, ours.values())) == sorted(map(sorted, groups_buffer.values()))


# ---------------------------------------------------------------------------
# Plumbing: project area, GDAL read, before/after, errors
# ---------------------------------------------------------------------------


def road_rows():
    return [
        row("A", "0101", rect(0, 0, 100, 100), 10000.0, kcxs=0.05),
        row("R", "1006", rect(100, 0, 106, 100), 600.0, xzdwkd=6.0),
        row("B", "0102", rect(106, 0, 206, 100), 10000.0),
    ]


def test_project_area_cuts_parcels(provider):
    """Boundary x 50–156, y −10–110: half of A (TBDLMJ 9 500 → 4 750) and half of B (5 000):
    9 750 m².  T (y 110–150) only touches the boundary along its edge: left out."""
    area = memory_layer("XMQ", [{"wkt": rect(50, -10, 156, 110)}], fields=[])
    rows = road_rows() + [row("T", "0101", rect(0, 110, 100, 150), 4000.0)]
    result = run(layer(rows), PROJECT_AREA=area)
    ((got, parcels),) = blocks(result)
    assert got == pytest.approx(9750.0, abs=0.01)
    assert parcels == 2


def test_file_layer_read_by_gdal_gives_the_same(provider, tmp_path):
    path = str(tmp_path / "dltb.gpkg")
    memory = layer(village_rows() + metric_rows())
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "DLTB"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(memory, path, QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError
    on_disk = QgsVectorLayer(f"{path}|layername=DLTB", "DLTB", "ogr")
    assert dltb.ogr_location(on_disk) is not None  # the GDAL columnar path applies
    keys = ["BLOCK_COUNT", "PARCEL_COUNT", "CLASS_AREA_M2", "LANDSCAPE_M2", "MESH_M2", "LARGEST_BLOCK_M2"]
    a = run(memory)
    b = run(on_disk)
    assert [a[k] for k in keys] == [pytest.approx(b[k]) for k in keys]
    assert blocks(a) == blocks(b)


def before_after_rows():
    """Two 0101 fields of 34 000 m² (51 亩) with a 10 m strip of houses (1 700 m²) between:
    two blocks, no 百亩方.  Planned (GHDLBM): the houses become 0101, one block of
    69 700 m² = 104.55 亩 → 新增 1 个百亩方."""
    return [
        row("A", "0101", rect(0, 0, 200, 170), 34000.0),
        row("X", "0702", rect(200, 0, 210, 170), 1700.0, gh="0101"),
        row("B", "0101", rect(210, 0, 410, 170), 34000.0),
    ]


def test_before_after_with_planned_code_field(provider):
    result = run(layer(before_after_rows()), AFTER_FIELD="GHDLBM", OUTPUT_COMPARISON="memory:")
    assert result["BLOCKS_100MU"] == 0
    assert result["BLOCKS_100MU_AFTER"] == 1
    assert result["NEW_BLOCKS_100MU"] == 1
    table = {f["INDICATOR"]: f for f in result["OUTPUT_COMPARISON"].getFeatures()}
    assert (table["BLOCK_COUNT"]["BEFORE"], table["BLOCK_COUNT"]["AFTER"]) == (2.0, 1.0)
    assert table["LARGEST_BLOCK_M2"]["AFTER"] == pytest.approx(69700.0)
    assert table["BLOCKS_100MU"]["CHANGE"] == 1.0


@pytest.mark.parametrize("where", ["memory", "GeoPackage"])
def test_empty_planned_code_keeps_the_parcel(provider, tmp_path, where):
    """GHDLBM empty (NULL on A, blank on B) means unchanged: A and B stay 0101 in the plan.  With the
    houses X planned 0101 the plan is one block of 34 000 + 1 700 + 34 000 = 69 700 m² (104.55 亩):
    one 百亩方 after, none before.  (Read as unknown codes, A and B would vanish from the plan and
    leave one block of 1 700 m².)"""
    rows = before_after_rows()
    rows[0]["GHDLBM"] = None
    rows[2]["GHDLBM"] = "  "
    source = layer(rows)
    if where == "GeoPackage":
        path = str(tmp_path / "planned.gpkg")
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = "DLTB"
        QgsVectorFileWriter.writeAsVectorFormatV3(source, path, QgsCoordinateTransformContext(), options)
        source = QgsVectorLayer(f"{path}|layername=DLTB", "DLTB", "ogr")
    result = run(source, AFTER_FIELD="GHDLBM", OUTPUT_COMPARISON="memory:")
    assert (result["BLOCKS_100MU"], result["BLOCKS_100MU_AFTER"], result["NEW_BLOCKS_100MU"]) == (0, 1, 1)
    table = {f["INDICATOR"]: f for f in result["OUTPUT_COMPARISON"].getFeatures()}
    assert table["PARCEL_CA"]["BEFORE"] == pytest.approx(68000.0)
    assert table["PARCEL_CA"]["AFTER"] == pytest.approx(69700.0)
    assert table["LARGEST_BLOCK_M2"]["AFTER"] == pytest.approx(69700.0)


def test_before_after_with_planned_layer(provider):
    before = layer(before_after_rows())
    planned = [dict(r, DLBM=r["GHDLBM"]) for r in before_after_rows()]
    result = run(before, AFTER=layer(planned, "DLTB_GH"), OUTPUT_COMPARISON="memory:")
    assert result["NEW_BLOCKS_100MU"] == 1


def test_planned_layer_in_another_crs_is_reprojected(provider):
    before = layer(before_after_rows())
    planned = layer([dict(r, DLBM=r["GHDLBM"]) for r in before_after_rows()], "DLTB_GH")
    moved = processing.run(
        "native:reprojectlayer", {"INPUT": planned, "TARGET_CRS": "EPSG:4549", "OUTPUT": "memory:"}
    )["OUTPUT"]
    result = run(before, AFTER=moved, OUTPUT_COMPARISON="memory:")
    assert result["NEW_BLOCKS_100MU"] == 1
    table = {f["INDICATOR"]: f for f in result["OUTPUT_COMPARISON"].getFeatures()}
    assert table["LARGEST_BLOCK_M2"]["AFTER"] == pytest.approx(69700.0)


def test_input_not_modified(provider):
    source = layer(road_rows())
    before = [(f.attributes(), f.geometry().asWkt()) for f in source.getFeatures()]
    run(source)
    assert [(f.attributes(), f.geometry().asWkt()) for f in source.getFeatures()] == before


def test_geographic_crs_is_an_error(provider, chinese):
    """In a Chinese QGIS the message names the layer and says 地理坐标系."""
    source = memory_layer(
        "DLTB_4490",
        [row("A", "0101", "POLYGON((120.3 31.5,120.301 31.5,120.301 31.501,120.3 31.5))", 100.0)],
        fields=FIELDS,
        crs="EPSG:4490",
    )
    with pytest.raises(QgsProcessingException, match="DLTB_4490.*地理坐标系"):
        run(source)


def test_empty_codes_is_an_error(provider):
    with pytest.raises(QgsProcessingException, match="CODES"):
        run(layer(road_rows()), CODES=" , ")


def test_missing_code_field_is_named(provider):
    source = memory_layer("无编码", [{"TBMJ": 1.0, "wkt": rect(0, 0, 1, 1)}], fields=[("TBMJ", QVariant.Type.Double)])
    with pytest.raises(QgsProcessingException, match="无编码.*DLBM"):
        run(source)


def bow_tie(x0, y0, size):
    """WKT of a self-intersecting square (an invalid polygon)."""
    from builders import X0, Y0

    a, b, c, d = X0 + x0, Y0 + y0, X0 + x0 + size, Y0 + y0 + size
    return f"POLYGON(({a} {b},{c} {d},{c} {b},{a} {d},{a} {b}))"


@pytest.mark.parametrize("where", ["GeoPackage", "memory"])
def test_invalid_geometry_stops_naming_the_parcel(provider, tmp_path, where):
    """A self-intersecting 耕地 parcel (BSM BAD) stops the run with the layer and BSM named, read
    through GDAL or feature by feature; REPAIR_GEOMETRY repairs it (makeValid: two triangles
    of 25 m² each, meeting at (305, 5)) and the run goes on.  Its TBDLMJ (50) still counts, by
    halves: the repaired parcel has two parts, each a patch of its own, which meet only at a
    corner, so A and the two triangles are three blocks (10 000, 25, 25 m²)."""
    rows = road_rows()[:1] + [row("BAD", "0101", bow_tie(300, 0, 10), 50.0)]
    source = layer(rows)
    if where == "GeoPackage":
        path = str(tmp_path / "bad.gpkg")
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = "DLTB"
        QgsVectorFileWriter.writeAsVectorFormatV3(source, path, QgsCoordinateTransformContext(), options)
        source = QgsVectorLayer(f"{path}|layername=DLTB", "DLTB", "ogr")
    with pytest.raises(QgsProcessingException, match="DLTB.*BSM BAD"):
        run(source)
    result = run(source, REPAIR_GEOMETRY=True)
    assert result["BLOCK_COUNT"] == 3
    assert blocks(result)[1:] == [(25.0, 1), (25.0, 1)]


# ---------------------------------------------------------------------------
# Core pieces without Processing
# ---------------------------------------------------------------------------


def square(x0, y0, size):
    return np.array([(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size), (x0, y0)], dtype=float)


def test_connected_labels():
    """Links 0–1, 1–2, 3–4 over six nodes: components {0,1,2}, {3,4}, {5}."""
    labels = geokernel.connected_labels(6, np.array([1, 2, 4]), np.array([0, 1, 3]))
    assert labels.tolist() == [0, 0, 0, 3, 3, 5]


def test_points_inside_square_with_hole():
    """Square 0–10 with a hole 4–6 (clockwise or not: orientation comes from the ring role)."""
    rings = geokernel.Rings.from_arrays([[square(0, 0, 10), square(4, 4, 2)]])
    grid = geokernel.SegmentGrid(geokernel.Segments.of(rings), radius=6.0)
    px = np.array([1.0, 5.0, 3.9, 9.99, 11.0, 0.0])
    py = np.array([1.0, 5.0, 5.0, 5.0, 5.0, 5.0])
    # inside; in the hole; inside near the hole; inside near the edge; outside; on the edge
    assert geokernel.points_inside(px, py, grid, contiguity.CONTACT_TOLERANCE).tolist() == [True, False, True, True, False, True]


def test_wkb_and_array_rings_agree():
    """A polygon with a hole and a two-part multipolygon read from WKB match the arrays."""
    polygon = QgsGeometry.fromWkt("POLYGON((0 0,10 0,10 10,0 10,0 0),(4 4,6 4,6 6,4 6,4 4))")
    multi = QgsGeometry.fromWkt("MULTIPOLYGON(((20 0,21 0,21 1,20 1,20 0)),((30 0,31 0,31 1,30 1,30 0)))")
    rings = geokernel.Rings.from_wkb([bytes(polygon.asWkb()), None, bytes(multi.asWkb())], origin=(0.0, 0.0))
    assert rings.count == 3
    assert rings.owner.tolist() == [0, 0, 2, 2]
    assert rings.hole.tolist() == [False, True, False, False]
    area, perimeter = rings.measures()
    assert area.tolist() == [96.0, 0.0, 2.0]
    assert perimeter.tolist() == [48.0, 0.0, 8.0]


def test_find_blocks_on_arrays():
    """Squares 0–10 and 10–20 touch (one block); 30–40 is 10 m away (another)."""
    rings = geokernel.Rings.from_arrays([[square(0, 0, 10)], [square(10, 0, 10)], [square(30, 0, 10)]])
    found = contiguity.find_blocks(rings, np.array([100.0, 100.0, 100.0]), None, 8.0)
    assert found.label.tolist() == [0, 0, 1]
    assert found.area.tolist() == [200.0, 100.0]
    assert found.parcels.tolist() == [2, 1]


# ---------------------------------------------------------------------------
# Multipart parcels, coordinate noise, bounds
# ---------------------------------------------------------------------------




def multipart_wkt(*polygons):
    """MULTIPOLYGON WKT of POLYGON WKTs."""
    return "MULTIPOLYGON(" + ",".join(p[len("POLYGON"):] for p in polygons) + ")"


def test_multipart_parcel_is_one_patch_per_part(provider):
    """M (0101, TBMJ 30 000, KCXS 0.05 → KCMJ 1 500, TBDLMJ 28 500) has two parts 900 m apart:
    P1 (0,0)–(100,100), 10 000 m², and P2 (1000,0)–(1100,200), 20 000 m².  A (−100,0)–(0,100),
    TBDLMJ 10 000, touches P1 along 100 m; B (1100,0)–(1200,200), TBDLMJ 20 000, touches P2 along
    200 m.

    Shares of M's ellipsoidal area: the planar ratio 1/3 and 2/3, corrected for the projection's
    scale: the parts lie 20.05 and 21.05 km east of the central meridian (X0 = 40 520 000), where
    the area scale k² = 1 + x²/R² (R ≈ 6 370 km) differs by ε = (21 050² − 20 050²) / R² = 1.01e-6,
    so P2's ellipsoidal area is relatively smaller: P2 = 28 500 × 2/3 × (1 − ε/3) = 19 000 − 0.0064,
    P1 = 9 500 + 0.0064.  Blocks: {P2, B} 38 999.9936 → AREA_M2 38 999.99, 2 patches; {A, P1}
    19 500.0064 → 19 500.01, 2 patches (M as one patch would join them: one block of 58 500).
    NP = 4 patches; class area 58 500; mean 14 625; landscape Σ TBMJ = 60 000; LPI = 20 000 /
    60 000 × 100 = 33.333; MESH = (10 000² + 9 500² + 19 000² + 20 000²) / 60 000 = 15 854.167.
    The log names M as a multipart parcel.
    """
    rows = [
        row("M", "0101", multipart_wkt(rect(0, 0, 100, 100), rect(1000, 0, 1100, 200)), 30000.0, kcxs=0.05),
        row("A", "0101", rect(-100, 0, 0, 100), 10000.0),
        row("B", "0102", rect(1100, 0, 1200, 200), 20000.0),
    ]
    log = Log()
    result = processing.run(
        ALG, {"INPUT": memory_layer("DLTB", rows, fields=FIELDS, geometry="MultiPolygon"), "OUTPUT": "memory:",
              "OUTPUT_METRICS": "memory:"}, feedback=log)
    assert blocks(result) == [(38999.99, 2), (19500.01, 2)]
    assert result["BLOCK_COUNT"] == 2
    assert result["PARCEL_COUNT"] == 4
    assert result["CLASS_AREA_M2"] == pytest.approx(58500.0)
    assert result["MEAN_PARCEL_M2"] == pytest.approx(14625.0)
    assert result["LANDSCAPE_M2"] == pytest.approx(60000.0)
    assert result["LPI"] == pytest.approx(100.0 / 3)
    assert result["MESH_M2"] == pytest.approx(9.5125e8 / 60000.0, abs=0.01)
    # Each block polygon is its own land: P2 ∪ B (40 000 m²) and A ∪ P1 (20 000 m²), one part each.
    polygons = [f.geometry() for f in result["OUTPUT"].getFeatures()]
    assert [g.area() for g in polygons] == [pytest.approx(40000.0), pytest.approx(20000.0)]
    assert all(g.isGeosValid() and g.constGet().numGeometries() == 1 for g in polygons)
    metrics = {f["GROUP"]: f for f in result["OUTPUT_METRICS"].getFeatures()}
    assert metrics["全部"]["NP"] == 4
    assert any("1 multipart parcels" in line and "BSM M" in line for line in log.lines)


def test_parts_of_a_multipolygon():
    """Polygon 0 has two parts (a 10 × 10 square with a 2 × 2 hole, then a 5 × 5 square),
    polygon 1 one part, polygon 2 none: parts 0, 1 of polygon 0, part 2 of polygon 1, and an
    empty part 3 of polygon 2.  Areas 96, 25, 100, 0."""
    rings = geokernel.Rings.from_arrays([[square(0, 0, 10), square(4, 4, 2)], [square(30, 0, 10)], []])
    # from_arrays reads one list per polygon as exterior + holes; the second part of polygon 0
    # is added as a further exterior ring of the same owner.
    extra = geokernel.Rings.from_arrays([[square(20, 0, 5)]])
    joined = geokernel.Rings(
        xy=np.vstack([rings.xy[:10], extra.xy, rings.xy[10:]]),
        start=np.array([0, 5, 10, 15]), length=np.array([5, 5, 5, 5]), owner=np.array([0, 0, 0, 1]),
        hole=np.array([False, True, False, False]), count=3)
    parts, polygon = joined.parts()
    assert polygon.tolist() == [0, 0, 1, 2]
    assert parts.owner.tolist() == [0, 0, 1, 2]
    assert parts.measures()[0].tolist() == [96.0, 25.0, 100.0, 0.0]


def test_coordinate_noise_gives_one_valid_block(provider):
    """A (0,0)–(100,100) and B (100,0)–(200,100) share their edge x = 100, but B is shifted by
    (−1e-9, 1e-9) m, as reprojection leaves it (EPSG:4549 coordinates, where 1e-9 m is
    representable): the parcels overlap by 1e-9 m.  One block of 20 000 m², whose polygon is
    valid for GEOS, one part, the 200 × 100 rectangle (GEOS's union within 1e-6 m²)."""
    x0, y0 = 520_000.0, 3_490_000.0
    d = 1e-9
    b = rect(100 - d, d, 200 - d, 100 + d, x0=x0, y0=y0)
    rows = [row("A", "0101", rect(0, 0, 100, 100, x0=x0, y0=y0), 10000.0), row("B", "0101", b, 10000.0)]
    source = memory_layer("DLTB", rows, fields=FIELDS, crs="EPSG:4549")
    result = run(source)
    assert blocks(result) == [(20000.0, 2)]
    geom = next(result["OUTPUT"].getFeatures()).geometry()
    assert geom.isGeosValid()
    assert geom.constGet().numGeometries() == 1
    union = QgsGeometry.unaryUnion([QgsGeometry.fromWkt(r["wkt"]) for r in rows])
    assert geom.symDifference(union).area() == pytest.approx(0.0, abs=1e-6)


def test_max_gap_above_the_limit_is_refused(provider):
    """MAX_GAP is at most 50 m: 50 is accepted, 50.5 refused by the parameter (before anything runs)."""
    assert contiguity.MAX_GAP_LIMIT == 50.0
    assert run(layer(road_rows()), MAX_GAP=50.0)["BLOCK_COUNT"] == 1
    with pytest.raises(QgsProcessingException, match="MAX_GAP"):
        run(layer(road_rows()), MAX_GAP=50.5)
    with pytest.raises(LandConsolidationError, match="50"):
        contiguity.find_blocks(geokernel.Rings.from_arrays([[square(0, 0, 10)]]), np.array([100.0]), None, 1000.0)


def dense_square(x0, y0, size, per_side):
    """WKT of a square with ``per_side`` vertices evenly along each side (4 × per_side in all)."""
    t = np.arange(per_side) / per_side * size
    ones = np.full(per_side, 1.0)
    xs = np.concatenate([t, size * ones, size - t, 0 * ones, [0.0]]) + X0 + x0
    ys = np.concatenate([0 * ones, t, size * ones, size - t, [0.0]]) + Y0 + y0
    return "POLYGON((" + ",".join(f"{x!r} {y!r}" for x, y in zip(xs, ys)) + "))"


def test_parcel_of_200000_vertices(provider):
    """D, a 100 × 100 square with 50 000 vertices per side (every 2 mm), TBDLMJ 10 000, between
    E (100,0)–(200,100) sharing its east side and F (−106,0)–(−6,100) across a 6 m road R
    (XZDWKD 6) on its west side; G (0,200)–(100,300) 100 m north, apart.  Blocks: {D, E, F}
    30 000 m² (3 parcels) and {G} 10 000.  The block polygon is D ∪ E (20 000 m², E's west edge
    split at D's 49 999 vertices on it) and F (10 000 m²), valid.  (The search's own-polygon
    skip keeps this linear: before it, each of D's vertices was compared with D's own segments
    in its grid cell, about a thousand here.)"""
    rows = [
        row("D", "0101", dense_square(0, 0, 100, 50_000), 10000.0),
        row("E", "0101", rect(100, 0, 200, 100), 10000.0),
        row("R", "1006", rect(-6, 0, 0, 100), 600.0, xzdwkd=6.0),
        row("F", "0101", rect(-106, 0, -6, 100), 10000.0),
        row("G", "0101", rect(0, 200, 100, 300), 10000.0),
    ]
    result = run(layer(rows))
    assert blocks(result) == [(30000.0, 3), (10000.0, 1)]
    assert result["PARCEL_COUNT"] == 4
    geom = next(result["OUTPUT"].getFeatures()).geometry()
    assert geom.isGeosValid()
    assert geom.constGet().numGeometries() == 2
    assert geom.area() == pytest.approx(30000.0)


def test_repaired_outline_of_overlapping_noise():
    """The block polygon the outlines gave before they snapped noise: A (0,0)–(100,100) and B
    shifted by (−1e-9, 1e-9) as two polygons of one MultiPolygon, overlapping by 1e-9 m –
    invalid for GEOS.  Repaired: valid, one polygon, GEOS's union of the two (20 000 m²).  A
    hole of 0.0025 m² (5 cm square) in A is noise and goes; one of 0.04 m² stays."""
    x0, y0 = 520_000.0, 3_490_000.0
    d = 1e-9
    a = QgsGeometry.fromWkt(rect(0, 0, 100, 100, x0=x0, y0=y0))
    b = QgsGeometry.fromWkt(rect(100 - d, d, 200 - d, 100 + d, x0=x0, y0=y0))
    broken = QgsGeometry.collectGeometry([a, b])
    assert not broken.isGeosValid()
    fixed = contiguity.repaired_outline(broken)
    assert fixed.isGeosValid()
    assert fixed.constGet().numGeometries() == 1
    assert fixed.symDifference(QgsGeometry.unaryUnion([a, b])).area() == pytest.approx(0.0, abs=1e-6)

    def holed(size):
        hole = QgsGeometry.fromWkt(rect(50, 50, 50 + size, 50 + size, x0=x0, y0=y0))
        return a.difference(hole)

    small = contiguity.repaired_outline(QgsGeometry.collectGeometry([holed(0.05), b]))
    assert small.area() == pytest.approx(20000.0, abs=1e-6)
    big = contiguity.repaired_outline(QgsGeometry.collectGeometry([holed(0.2), b]))
    assert big.area() == pytest.approx(20000.0 - 0.04, abs=1e-6)


@pytest.mark.parametrize("shift", [(-1e-9, 1e-9), (1e-9, -1e-9), (-2e-9, 0.0)])
def test_outlines_snap_coordinate_noise(shift):
    """The kernel alone (no GEOS repair): squares (0,0)–(100,100) and (100,0)–(200,100), the
    second moved by ``shift`` (≤ 2e-9 m, as reprojection leaves shared boundaries; coordinates
    near 520 000 where that is representable).  Their outline is one polygon, valid for GEOS,
    the 200 × 100 rectangle up to the shift (area 20 000 within 1e-6 m²)."""
    dx, dy = shift
    x0, y0 = 520_000.0, 3_490_000.0
    first = square(x0, y0, 100.0)
    second = square(x0 + 100.0, y0, 100.0) + np.array([dx, dy])
    rings = geokernel.Rings.from_arrays([[first], [second]], origin=(x0, y0))
    found = contiguity.find_blocks(rings, np.array([1.0, 1.0]), None, 8.0)
    assert found.label.tolist() == [0, 0]
    (outline,) = contiguity.block_outlines(rings, found)
    assert outline is not None and len(outline) == 1
    geom = QgsGeometry()
    geom.fromWkb(outline[0])
    assert geom.isGeosValid()
    assert geom.area() == pytest.approx(20000.0, abs=1e-6)
