"""Everything a reviewer checks (issue 12), on a hand-built township.

Eight 100 m × 100 m parcels of village A (TBMJ 10 000 m² each; x, y in m from
builders.X0/Y0), the plan as a separate planned layer with the same
boundaries (each parcel is one piece, its gross area 10 000):

==  ============  =========  =====================  ==========================================
P   rectangle     now        planned                what it is for
==  ============  =========  =====================  ==========================================
P1  0–100, 0–100  0101 KCXS 0.05, 等别 5, GDPDJB 1   0101 unchanged        永农 before; its north 40 m 调出
P2  100–200, 0–100  0404     0702 (CZCSXM 203)     the house plot, crossed by the red line
P3  200–300, 0–100  1104     0101 KCXS 0, no 等别, GDPDJB 2   new 耕地 without 等别, crossed by the red line
P7  300–400, 0–100  0102 KCXS 0.04, 等别 4, GDPDJB 1   0201                  耕地出
P4  0–100, 100–200  0201     0103 KCXS 0, 等别 6, GDPDJB 5   the steep field made 耕地
P5  100–200, 100–200 0702 (203) 0103 KCXS 0, 等别 7   拆旧复垦 to 耕地; 调入 over its south half
P6  200–300, 100–200 0103 KCXS 0.05, 等别 6, GDPDJB 2   0702 (203)    建新 on 永农 (before and after)
P8  300–400, 100–200 0602 (204) 0301                  拆旧复垦 (mine to forest)
==  ============  =========  =====================  ==========================================

**Red line** 150–250 × 40–100: 50 × 60 = 3000 m² of P2 and 3000 m² of P3, a
share of 0.3 of each; so BUILD_IN_RED_LINE = 10 000 × 0.3 = 3000 m² and
NEW_CULTIVATED_IN_RED_LINE = 3000 m².

**Slope raster** (10 m cells over the 400 × 200 m, written with GDAL): 5°
everywhere but 30° on x 0–60, y 100–200 (P4's west) and no data on x 90–100,
y 100–200 (P4's east column).  P4 holds 10 × 10 cell centres, 90 with data,
60 of them steep: 10 000 × 60 / 90 = 6666.67 m² steep; P3 and P5 (the other
new 耕地) are 5° – NEW_CULTIVATED_STEEP = 6666.67 m².  Without the raster,
GDPDJB decides: P4 planned grade 5 → the whole 10 000 m²; P3 grade 2 →
not steep; P5 has no GDPDJB (planned or current) → 10 000 m² unknown.

**永久基本农田** before: A = P1 (GDPDJB 1), B = P6 (GDPDJB 2): 20 000 m²;
after: A' = 0–100 × 0–60 (GDPDJB 1), B, C = 100–200 × 100–150 (0103, 等别 7,
GDPDJB 2).  调出 = A ∖ A' = 100 × 40 = 4000, 调入 = C = 5000 (ellipsoidal
areas differ from these by ~1e-5 relative, which the ratios do not see):
新增比例 (5000 − 4000)/4000 = 25 % (passes 5 %); 调出比例 4000 / 20 000 = 20 %
(over 5 %: PBF_ADJUST_SHARE fails, behind it the 调出 piece); slope grade 调入
2 − 调出 1 = +1 (PBF_IN_SLOPE fails, behind it the 调入 piece).  P6 planned
as 0702 lies on B: BUILD_ON_PBF = 10 000 m², whether only the before layer,
only the after layer or both are given.

**耕地** (TBDLMJ): before P1 9500 + P7 9600 + P6 9500 = 28 600; after P1 9500
+ P3 10 000 + P4 10 000 + P5 10 000 = 39 500; 新增 10 900 = 38.1119 %.
新增耕地 = P3, P4, P5 (30 000); P3 has no 等别, so the mean of the rest is
(6 + 7) / 2 = 6.5 and QUALITY, BALANCE_QUALITY (进 = P3 + P4, 出 = P7 9600) and
NEW_CULTIVATED_GRADE are 未核验, saying 10 000 m² lack 等别.  With
NEW_CULTIVATED_GRADE = 8: 新增耕地 (8 + 6 + 7) / 3 = 7.0; mean 等别 before
(5·9500 + 4·9600 + 6·9500) / 28 600 = 142 900 / 28 600 = 4.996503, after
(5·9500 + 8·10 000 + 6·10 000 + 7·10 000) / 39 500 = 257 500 / 39 500 =
6.518987 (+1.522484, fails); 进 (8·10 000 + 6·10 000) / 20 000 = 7 against 出 4
(+3, fails); against a county mean of 6 the 新增耕地 fails (behind it P3 at 8
and P5 at 7), against 7.5 it passes.

**建设用地**: before P5 + P8 = 20 000, after P2 + P6 = 20 000 (+0, passes);
拆旧复垦 20 000 = 建新 20 000 (节余 0, passes).

So with the red line, the raster, 永农 and 2026–2028: 6 rules fail (the four
conflicts, PBF_ADJUST_SHARE, PBF_IN_SLOPE), 7 pass (ADDED_CULTIVATED,
PBF_ADDED, BALANCE_AREA, CONSTRUCTION, LINKAGE, PERIOD, TOWNSHIP), 3 are
未核验 (NEW_CULTIVATED_GRADE, QUALITY, BALANCE_QUALITY).

**Sub-projects** (TZJE 万元, ZJLY, SSND, XMQBH): S1 建设用地复垦 over P5, 30,
``省级财政补助资金:20;社会资本:10``, 2026, GG1; S2 建新安置 over P2, 50,
``社会资本``, 2027, GG1; S3 建新安置 over P6, 40, ``社会资本:25;节余指标收益``,
2027, GG2; S4 生态修复 over P8, 20, ``区级财政资金:15``, 2028, GG2; S5
农用地整理 over P4, 12.5, ``省级财政补助资金``, 2026, no 项目区.  投资估算表: by
type 建设用地复垦 30 (2026), 建新安置 90 (2027), 生态修复 20 (2028), 农用地整理
12.5 (2026), 合计 152.5; by source 省级财政补助资金 20 + 12.5 = 32.5 (2026),
社会资本 10 (2026) + 50 + 25 (2027) = 85, 节余指标收益 40 − 25 = 15 (2027),
区级财政资金 15 (2028), 未列明来源 20 − 15 = 5 (2028); 合计 152.5.
增减挂钩 by 项目区: GG1 (S1, S2): 拆旧 P5 1 公顷 (to 耕地 1), 建新 P2 1, 节余 0;
耕地 +1 (复垦, 等别 7) against 0 taken: 符合, 符合, 不涉及.  GG2 (S3, S4): 拆旧 P8 1
(to forest), 建新 P6 1, 节余 0; 耕地 0 against 0.95 taken (P6 TBDLMJ 9500,
等别 6): 符合, 不符合, 不符合.

**Slope from a DEM**: on a plane z = x·tan a + y·tan b Horn's differences
are exact, so every cell's slope is atan(√(tan²a + tan²b)); a plane rising
28° northwards makes all three pieces of new 耕地 steep (30 000 m²) at the
default 25°, none at STEEP_SLOPE 30°; the same plane as a DEM in CGCS2000
degrees (EPSG:4490) is 28° too once each row's cell size is in metres.
"""
import math

import numpy as np
import openpyxl
import pytest
from builders import DLTB_FIELDS, VILLAGE_A, X0, Y0, memory_layer, parcel, rect
from land_consolidation.core import slope as slope_mod
from land_consolidation.core.subprojects import split_funding
from qgis import processing
from qgis.PyQt.QtCore import QVariant
from test_workbook import block_rows, by_label, header_row

FIELDS = DLTB_FIELDS + [("CZCSXM", QVariant.Type.String), ("GDPDJB", QVariant.Type.String)]
PBF_FIELDS = [("BSM", QVariant.Type.String), ("DLBM", QVariant.Type.String), ("GDDB", QVariant.Type.Int),
              ("GDPDJB", QVariant.Type.String), ("ZLDWDM", QVariant.Type.String)]
SUB_FIELDS = [("XMBH", QVariant.Type.String), ("XMLX", QVariant.Type.String), ("XMMC", QVariant.Type.String),
              ("TZJE", QVariant.Type.Double), ("ZJLY", QVariant.Type.String), ("SSND", QVariant.Type.Int),
              ("XMQBH", QVariant.Type.String)]
#: BSM, rectangle, (code, KCXS, 等别, GDPDJB, CZCSXM) now, the same planned.
TOWNSHIP = [
    ("P1", (0, 0, 100, 100), ("0101", 0.05, 5, "1", ""), ("0101", 0.05, 5, "1", "")),
    ("P2", (100, 0, 200, 100), ("0404", None, None, "", ""), ("0702", None, None, "", "203")),
    ("P3", (200, 0, 300, 100), ("1104", None, None, "", ""), ("0101", None, None, "2", "")),
    ("P7", (300, 0, 400, 100), ("0102", 0.04, 4, "1", ""), ("0201", None, None, "", "")),
    ("P4", (0, 100, 100, 200), ("0201", None, None, "", ""), ("0103", None, 6, "5", "")),
    ("P5", (100, 100, 200, 200), ("0702", None, None, "", "203"), ("0103", None, 7, "", "")),
    ("P6", (200, 100, 300, 200), ("0103", 0.05, 6, "2", ""), ("0702", None, None, "", "203")),
    ("P8", (300, 100, 400, 200), ("0602", None, None, "", "204"), ("0301", None, None, "", "")),
]
CONFLICTS = "landconsolidation:conflicts"
COMPLIANCE = "landconsolidation:compliance"


def dltb_rows(side: int, changes: dict | None = None) -> list[dict]:
    """The current (side 0) or planned (side 1) parcels; ``changes``: BSM → planned attributes to replace."""
    rows = []
    for bsm, box, now, planned in TOWNSHIP:
        code, kcxs, gddb, gdpdjb, czcsxm = (planned if side else now)
        if side and changes and bsm in changes:
            code, kcxs, gddb, gdpdjb, czcsxm = changes[bsm]
        row = parcel(bsm if not side else f"G{bsm}", code, rect(*box), 10000.0, VILLAGE_A, kcxs=kcxs, gddb=gddb)
        row.update({"CZCSXM": czcsxm, "GDPDJB": gdpdjb or None})
        rows.append(row)
    return rows


def township(changes=None):
    """(DLTB, planned DLTB) memory layers."""
    return memory_layer("DLTB", dltb_rows(0), FIELDS), memory_layer("DLTB_GH", dltb_rows(1, changes), FIELDS)


def red_line():
    return memory_layer("STBHHX", [{"wkt": rect(150, 40, 250, 100)}], fields=[])


def pbf_layers():
    def pbf(bsm, box, code, gddb, gdpdjb):
        return {"BSM": bsm, "DLBM": code, "GDDB": gddb, "GDPDJB": gdpdjb, "ZLDWDM": VILLAGE_A, "wkt": rect(*box)}

    before = memory_layer("YJJBNTTB", [pbf("YA", (0, 0, 100, 100), "0101", 5, "1"),
                                       pbf("YB", (200, 100, 300, 200), "0103", 6, "2")], PBF_FIELDS)
    after = memory_layer("YJJBNTTB_GH", [pbf("YA", (0, 0, 100, 60), "0101", 5, "1"),
                                         pbf("YB", (200, 100, 300, 200), "0103", 6, "2"),
                                         pbf("YC", (100, 100, 200, 150), "0103", 7, "2")], PBF_FIELDS)
    return before, after


def write_raster(path, values, cell=10.0, origin=(X0, Y0 + 200.0), nodata=-9999.0):
    """A single-band float GeoTIFF in EPSG:4528, row 0 north."""
    from osgeo import gdal, osr

    rows, cols = values.shape
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((origin[0], cell, 0.0, origin[1], 0.0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4528)
    dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(np.where(np.isnan(values), nodata, values))
    dataset.FlushCache()
    dataset = None
    return str(path)


@pytest.fixture
def slope_tif(tmp_path):
    """5° but 30° on x 0–60, y 100–200 and no data on x 90–100, y 100–200 (rows 0–9 are y 200–100)."""
    values = np.full((20, 40), 5.0)
    values[0:10, 0:6] = 30.0
    values[0:10, 9] = np.nan
    return write_raster(tmp_path / "slope.tif", values)


def subprojects():
    def sub(code, kind, name, money, funding, year, area, box):
        return {"XMBH": code, "XMLX": kind, "XMMC": name, "TZJE": money, "ZJLY": funding, "SSND": year,
                "XMQBH": area, "wkt": rect(*box)}

    return memory_layer("ZXM", [
        sub("S1", "建设用地复垦", "宅基地复垦", 30.0, "省级财政补助资金:20;社会资本:10", 2026, "GG1", (100, 100, 200, 200)),
        sub("S2", "建新安置", "安置点一", 50.0, "社会资本", 2027, "GG1", (100, 0, 200, 100)),
        sub("S3", "建新安置", "安置点二", 40.0, "社会资本:25;节余指标收益", 2027, "GG2", (200, 100, 300, 200)),
        sub("S4", "生态修复", "矿山修复", 20.0, "区级财政资金:15", 2028, "GG2", (300, 100, 400, 200)),
        sub("S5", "农用地整理", "果园复耕", 12.5, "省级财政补助资金", 2026, "", (0, 100, 100, 200)),
    ], SUB_FIELDS)


def parts(result):
    """RULE → [(BSM, AREA_M2, SHARE)] of a conflicts OUTPUT."""
    out = {}
    for f in result["OUTPUT"].getFeatures():
        out.setdefault(f["RULE"], []).append((f["BSM"], f["AREA_M2"], f["SHARE"]))
    return out


# ---------------------------------------------------------------- landconsolidation:conflicts


def test_conflicts_with_every_constraint(provider, slope_tif):
    before, after = township()
    pbf_before, pbf_after = pbf_layers()
    result = processing.run(CONFLICTS, {"BEFORE": before, "AFTER": after, "RED_LINE": red_line(),
                                        "PBF_BEFORE": pbf_before, "PBF_AFTER": pbf_after, "SLOPE": slope_tif,
                                        "OUTPUT": "memory:"})
    assert result["BUILD_IN_RED_LINE_M2"] == pytest.approx(3000.0, abs=0.01)
    assert result["NEW_CULTIVATED_IN_RED_LINE_M2"] == pytest.approx(3000.0, abs=0.01)
    assert result["BUILD_ON_PBF_M2"] == pytest.approx(10000.0, abs=0.01)
    assert result["NEW_CULTIVATED_STEEP_M2"] == pytest.approx(10000.0 * 60 / 90, abs=0.01)
    assert result["CONFLICT_COUNT"] == 4
    got = parts(result)
    assert got.keys() == {"NO_BUILD_IN_RED_LINE", "NEW_CULTIVATED_NOT_IN_RED_LINE", "NO_BUILD_ON_PBF",
                          "NEW_CULTIVATED_NOT_STEEP"}
    assert [(b, round(a, 2), round(s, 4)) for b, a, s in got["NO_BUILD_IN_RED_LINE"]] == [("P2", 3000.0, 0.3)]
    assert [(b, round(a, 2), round(s, 4)) for b, a, s in got["NEW_CULTIVATED_NOT_IN_RED_LINE"]] == [("P3", 3000.0, 0.3)]
    assert [(b, round(a, 2)) for b, a, _ in got["NO_BUILD_ON_PBF"]] == [("P6", 10000.0)]
    assert [(b, round(a, 2), round(s, 4)) for b, a, s in got["NEW_CULTIVATED_NOT_STEEP"]] == \
        [("P4", 6666.67, 0.6667)]
    features = {f["RULE"]: f for f in result["OUTPUT"].getFeatures()}
    # The part in the red line is drawn as itself: P2's 50 × 60 m.
    assert features["NO_BUILD_IN_RED_LINE"].geometry().area() == pytest.approx(3000.0, abs=1e-6)
    assert (features["NO_BUILD_IN_RED_LINE"]["DLBM_BEFORE"], features["NO_BUILD_IN_RED_LINE"]["DLBM_AFTER"]) == \
        ("0404", "0702")
    # The steep part: the 60 steep cells of P4 (60 × 100 m²).
    assert features["NEW_CULTIVATED_NOT_STEEP"].geometry().area() == pytest.approx(6000.0, abs=1e-6)
    assert "60/90" in features["NEW_CULTIVATED_NOT_STEEP"]["NOTE"]


@pytest.mark.parametrize("which", [("PBF_BEFORE",), ("PBF_AFTER",), ("PBF_BEFORE", "PBF_AFTER")])
def test_building_on_permanent_farmland_before_or_after(provider, which):
    before, after = township()
    layers = dict(zip(("PBF_BEFORE", "PBF_AFTER"), pbf_layers()))
    result = processing.run(CONFLICTS, {"BEFORE": before, "AFTER": after, "OUTPUT": "memory:",
                                        **{key: layers[key] for key in which}})
    assert result["BUILD_ON_PBF_M2"] == pytest.approx(10000.0, abs=0.01)
    assert result["BUILD_IN_RED_LINE_M2"] is None  # no red line: not checked


def test_slope_from_gdpdjb_without_a_raster(provider):
    before, after = township()
    result = processing.run(CONFLICTS, {"BEFORE": before, "AFTER": after, "OUTPUT": "memory:"})
    assert result["NEW_CULTIVATED_STEEP_M2"] == pytest.approx(10000.0, abs=0.01)
    assert [(b, round(a, 2)) for b, a, _ in parts(result)["NEW_CULTIVATED_NOT_STEEP"]] == [("P4", 10000.0)]
    # The red line and 永农 were not given: those rules are not checked, not zero.
    assert result["BUILD_IN_RED_LINE_M2"] is None and result["BUILD_ON_PBF_M2"] is None


def test_dem_gives_the_slope(provider, tmp_path):
    """A plane rising 28° northwards: every new 耕地 piece is steep at 25°, none at 30°."""
    rows, cols = 20, 40
    y = Y0 + 200.0 - (np.arange(rows) + 0.5) * 10.0
    dem = np.repeat(((y - Y0) * math.tan(math.radians(28.0)))[:, None], cols, axis=1)
    path = write_raster(tmp_path / "dem.tif", dem)
    before, after = township()
    steep = processing.run(CONFLICTS, {"BEFORE": before, "AFTER": after, "DEM": path, "OUTPUT": "memory:"})
    assert steep["NEW_CULTIVATED_STEEP_M2"] == pytest.approx(30000.0, abs=0.01)
    assert {b for b, _, _ in parts(steep)["NEW_CULTIVATED_NOT_STEEP"]} == {"P3", "P4", "P5"}
    gentle = processing.run(CONFLICTS, {"BEFORE": before, "AFTER": after, "DEM": path, "STEEP_SLOPE": 30.0,
                                        "OUTPUT": "memory:"})
    assert gentle["NEW_CULTIVATED_STEEP_M2"] == 0.0


def test_dem_in_geographic_degrees(provider, tmp_path):
    """The same 28° plane as a DEM in CGCS2000 longitude/latitude (EPSG:4490, 0.0001° cells): its cell sizes are
    converted to metres per row on the ellipsoid, so the slope is 28° again and the three pieces of new 耕地 are
    steep (30 000 m²)."""
    from osgeo import gdal, osr
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsCoordinateTransformContext,
        QgsRectangle,
    )

    box = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4528"), QgsCoordinateReferenceSystem("EPSG:4490"),
                                 QgsCoordinateTransformContext()).transformBoundingBox(
        QgsRectangle(X0 - 50, Y0 - 50, X0 + 450, Y0 + 250))
    cell = 0.0001
    cols = int(math.ceil(box.width() / cell))
    rows = int(math.ceil(box.height() / cell))
    lat = box.yMaximum() - (np.arange(rows) + 0.5) * cell
    _, north = slope_mod.metres_per_degree(lat)
    # Heights rising 28° northwards: the northward distance from the south edge, in metres, × tan 28°.
    metres = np.cumsum(np.r_[0.0, np.diff(lat[::-1]) * 0.5 * (north[::-1][1:] + north[::-1][:-1])])[::-1]
    dem = np.repeat((metres * math.tan(math.radians(28.0)))[:, None], cols, axis=1)
    path = str(tmp_path / "dem_4490.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(path, cols, rows, 1, gdal.GDT_Float64)
    dataset.SetGeoTransform((box.xMinimum(), cell, 0.0, box.yMaximum(), 0.0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4490)
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(dem)
    dataset = None
    before, after = township()
    result = processing.run(CONFLICTS, {"BEFORE": before, "AFTER": after, "DEM": path, "OUTPUT": "memory:"})
    assert result["NEW_CULTIVATED_STEEP_M2"] == pytest.approx(30000.0, abs=0.01)
    # 28° within half a degree: steep over 27.5°, not over 28.5°.
    for limit, steep in ((27.5, 30000.0), (28.5, 0.0)):
        run = processing.run(CONFLICTS, {"BEFORE": before, "AFTER": after, "DEM": path, "STEEP_SLOPE": limit,
                                         "OUTPUT": "memory:"})
        assert run["NEW_CULTIVATED_STEEP_M2"] == pytest.approx(steep, abs=0.01), limit


@pytest.mark.parametrize("a, b", [(30.0, 0.0), (0.0, 12.0), (20.0, 35.0)])
def test_horn_slope_of_a_tilted_plane(a, b):
    """z = x·tan a + y·tan b (x east, y north; row 0 north): slope = atan(√(tan²a + tan²b)) in every cell."""
    dx, dy = 10.0, 5.0
    x = (np.arange(7) + 0.5) * dx
    y = (6 - np.arange(6) + 0.5) * dy
    dem = x[None, :] * math.tan(math.radians(a)) + y[:, None] * math.tan(math.radians(b))
    expected = math.degrees(math.atan(math.hypot(math.tan(math.radians(a)), math.tan(math.radians(b)))))
    assert np.allclose(slope_mod.horn_slope(dem, dx, dy), expected, atol=1e-9)


def test_horn_slope_leaves_out_cells_next_to_no_data():
    dem = np.arange(25, dtype=float).reshape(5, 5)
    dem[2, 2] = np.nan
    result = slope_mod.horn_slope(dem, 1.0, 1.0)
    assert np.isnan(result[1:4, 1:4]).all() and not np.isnan(result[0, 0])


def test_metres_per_degree_on_cgcs2000():
    """At the equator a degree of longitude is a·π/180 = 6 378 137 × 0.0174532925 = 111 319.4908 m and of latitude
    a(1 − e²)·π/180, e² = f(2 − f) = 0.0066943800229: 6 335 439.3271 × 0.0174532925 = 110 574.2758 m."""
    east, north = slope_mod.metres_per_degree(0.0)
    assert east == pytest.approx(111319.4908, abs=1e-3)
    assert north == pytest.approx(110574.2758, abs=1e-3)


# ---------------------------------------------------------------- landconsolidation:compliance


def run_compliance(after, **extra):
    before, _ = township()
    pbf_before, pbf_after = pbf_layers()
    params = {"DLTB": before, "AFTER": after, "RED_LINE": red_line(), "PBF_BEFORE": pbf_before,
              "PBF_AFTER": pbf_after, "START_YEAR": 2026, "END_YEAR": 2028, "OUTPUT": "memory:",
              "OUTPUT_PARCELS": "memory:", **extra}
    result = processing.run(COMPLIANCE, params)
    return result, {f["RULE"]: f for f in result["OUTPUT"].getFeatures()}


def behind(result):
    out = {}
    for f in result["OUTPUT_PARCELS"].getFeatures():
        out.setdefault(f["RULE"], []).append((f["BSM"], round(f["AREA_M2"], 2) if f["AREA_M2"] else None))
    return {rule: sorted(v, key=str) for rule, v in out.items()}


def test_compliance_verdicts(provider, slope_tif):
    _, after = township()
    result, table = run_compliance(after, SLOPE=slope_tif)
    verdicts = {rule: f["VERDICT"] for rule, f in table.items()}
    assert verdicts == {
        "ADDED_CULTIVATED": "通过", "NEW_CULTIVATED_GRADE": "未核验", "NEW_CULTIVATED_NOT_IN_RED_LINE": "不通过",
        "NEW_CULTIVATED_NOT_STEEP": "不通过", "PBF_ADDED": "通过", "PBF_ADJUST_SHARE": "不通过",
        "PBF_IN_SLOPE": "不通过", "QUALITY": "未核验", "BALANCE_AREA": "通过", "BALANCE_QUALITY": "未核验",
        "CONSTRUCTION": "通过", "LINKAGE": "通过", "NO_BUILD_IN_RED_LINE": "不通过", "NO_BUILD_ON_PBF": "不通过",
        "PERIOD": "通过", "TOWNSHIP": "通过",
    }
    assert (result["FAILED_COUNT"], result["PASSED_COUNT"], result["UNCHECKED_COUNT"]) == (6, 7, 3)
    expected = {"ADDED_CULTIVATED": 10900.0 / 28600.0 * 100, "NO_BUILD_IN_RED_LINE": 3000.0,
                "NEW_CULTIVATED_NOT_IN_RED_LINE": 3000.0, "NO_BUILD_ON_PBF": 10000.0,
                "NEW_CULTIVATED_NOT_STEEP": 10000.0 * 60 / 90, "PBF_ADDED": 25.0, "PBF_ADJUST_SHARE": 20.0,
                "PBF_IN_SLOPE": 1.0, "BALANCE_AREA": 10400.0, "CONSTRUCTION": 0.0, "LINKAGE": 0.0,
                "NEW_CULTIVATED_GRADE": 6.5}
    for rule, value in expected.items():
        assert table[rule]["VALUE"] == pytest.approx(value, abs=0.01), rule
    assert table["PBF_ADJUST_SHARE"]["THRESHOLD"] == 5.0
    # 新增耕地 without 等别 is said, with its area, and keeps the quality rules from passing.
    for rule in ("QUALITY", "NEW_CULTIVATED_GRADE", "BALANCE_QUALITY"):
        assert str(table[rule]["PASSED"]) == "NULL", rule
        assert "10000.00 m²" in table[rule]["NOTE"], rule
    assert result["ADDED_QUALITY"] == pytest.approx(6.5)
    assert result["ADDED_UNGRADED_M2"] == pytest.approx(10000.0)
    found = behind(result)
    pbf = {rule: found.pop(rule) for rule in ("PBF_ADJUST_SHARE", "PBF_IN_SLOPE")}
    assert found == {
        "NO_BUILD_IN_RED_LINE": [("P2", 3000.0)], "NEW_CULTIVATED_NOT_IN_RED_LINE": [("P3", 3000.0)],
        "NO_BUILD_ON_PBF": [("P6", 10000.0)], "NEW_CULTIVATED_NOT_STEEP": [("P4", 6666.67)],
    }
    # The 永农 pieces carry their ellipsoidal areas (4000 and 5000 m² in the plane, ~1e-5 less on the ellipsoid).
    assert [b for b, _ in pbf["PBF_ADJUST_SHARE"]] == ["YA"] and pbf["PBF_ADJUST_SHARE"][0][1] == \
        pytest.approx(4000.0, abs=0.1)
    assert [b for b, _ in pbf["PBF_IN_SLOPE"]] == ["YC"] and pbf["PBF_IN_SLOPE"][0][1] == pytest.approx(5000.0, abs=0.1)


def test_compliance_with_a_grade_for_new_cultivated_land(provider, slope_tif):
    _, after = township()
    result, table = run_compliance(after, SLOPE=slope_tif, NEW_CULTIVATED_GRADE=8, COUNTY_MEAN_GRADE=6)
    assert table["QUALITY"]["VALUE"] == pytest.approx(round(257500.0 / 39500.0 - 142900.0 / 28600.0, 2), abs=1e-9)
    assert table["QUALITY"]["VERDICT"] == "不通过"
    assert table["BALANCE_QUALITY"]["VALUE"] == pytest.approx(3.0, abs=1e-9)
    assert table["BALANCE_QUALITY"]["VERDICT"] == "不通过"
    assert table["NEW_CULTIVATED_GRADE"]["VALUE"] == pytest.approx(7.0, abs=1e-9)
    assert table["NEW_CULTIVATED_GRADE"]["THRESHOLD"] == 6.0
    assert table["NEW_CULTIVATED_GRADE"]["VERDICT"] == "不通过"
    assert {b for b, _ in behind(result)["NEW_CULTIVATED_GRADE"]} == {"P3", "P5"}
    assert result["ADDED_QUALITY"] == pytest.approx(7.0)
    _, table = run_compliance(after, SLOPE=slope_tif, NEW_CULTIVATED_GRADE=8, COUNTY_MEAN_GRADE=7.5)
    assert table["NEW_CULTIVATED_GRADE"]["VERDICT"] == "通过"


def test_compliance_slope_from_gdpdjb(provider):
    """Without a raster: P4's GDPDJB 5 fails the rule; with P4 planned at grade 3 nothing is steep, but P5's
    10 000 m² without GDPDJB leave it 未核验."""
    _, after = township()
    _, table = run_compliance(after)
    assert table["NEW_CULTIVATED_NOT_STEEP"]["VERDICT"] == "不通过"
    assert table["NEW_CULTIVATED_NOT_STEEP"]["VALUE"] == pytest.approx(10000.0, abs=0.01)
    _, flat = township({"P4": ("0103", None, 6, "3", "")})
    _, table = run_compliance(flat)
    assert table["NEW_CULTIVATED_NOT_STEEP"]["VERDICT"] == "未核验"
    assert table["NEW_CULTIVATED_NOT_STEEP"]["VALUE"] == 0.0
    assert "10000.00 m²" in table["NEW_CULTIVATED_NOT_STEEP"]["NOTE"]


def test_farmland_review_slope_and_out_ratio(provider):
    before, _ = township()
    pbf_before, pbf_after = pbf_layers()
    result = processing.run("landconsolidation:farmlandadjustment", {
        "PBF_BEFORE": pbf_before, "PBF_AFTER": pbf_after, "DLTB": before, "OUTPUT": "memory:",
        "OUT_PARCELS": "memory:", "IN_PARCELS": "memory:"})
    assert (result["OUT_SLOPE_GRADE"], result["IN_SLOPE_GRADE"]) == (1.0, 2.0)
    assert result["OUT_RATIO"] == pytest.approx(20.0, abs=1e-3)
    rows = {f["ITEM"]: f for f in result["OUTPUT"].getFeatures() if f["SECTION"] == "审查结果"}
    assert rows["OUT_RATIO"]["RESULT"] == "不符合" and rows["OUT_RATIO"]["THRESHOLD"] == 5.0
    assert rows["SLOPE_GRADE"]["RESULT"] == "不符合" and rows["SLOPE_GRADE"]["VALUE"] == pytest.approx(1.0)
    assert [f["GDPDJB"] for f in result["IN_PARCELS"].getFeatures()] == [2.0]


# ---------------------------------------------------------------- the submission tables


@pytest.fixture
def workbook_file(provider, tmp_path, slope_tif):
    before, after = township()
    pbf_before, pbf_after = pbf_layers()
    out = tmp_path / "方案.xlsx"
    result = processing.run("landconsolidation:exportscheme", {
        "DLTB": before, "AFTER": after, "PBF_BEFORE": pbf_before, "PBF_AFTER": pbf_after, "RED_LINE": red_line(),
        "SLOPE": slope_tif, "SUBPROJECTS": subprojects(), "START_YEAR": 2026, "END_YEAR": 2028,
        "NAME": "东村全域土地综合整治", "OUTPUT_XLSX": str(out), "CSV_FOLDER": str(tmp_path / "csv")})
    return result, openpyxl.load_workbook(out), tmp_path / "csv"


def list_rows(ws):
    """The parcel rows of a list (without the 合计 row) by BSM, and the 合计 row."""
    rows = block_rows(ws, header_row(ws, "序号") + 2)
    return {r[1]: r for r in rows[:-1]}, rows[-1]


def test_submission_tables_are_written(workbook_file):
    result, wb, csv_folder = workbook_file
    for title in ("表12 项目基本情况表", "表13 新增耕地图斑清单", "表14 永久基本农田调出图斑清单",
                  "表15 永久基本农田调入图斑清单", "表16 拆旧复垦地块清单", "表17 建新地块清单", "表18 投资估算表",
                  "表19 增减挂钩项目区平衡表"):
        assert title in wb.sheetnames, title
        assert any(title.split(" ", 1)[1] in p.name for p in csv_folder.iterdir()), title
    assert result["MISSING"] == "年度实施进度表;年度自评表;偏差清单;验收自评表"  # no later survey given


def test_parcel_lists(workbook_file):
    """Every row by hand (公顷, 4 decimals; village A is 东村; a missing 等别 or grade shows as —): see the module
    docstring."""
    _, wb, _ = workbook_file
    rows, total = list_rows(wb["表13 新增耕地图斑清单"])
    assert {bsm: r[2:12] for bsm, r in rows.items()} == {
        "P3": ["东村", "1104", "坑塘水面", "0101", "水田", "坑塘水面整治", "—", 2, 1.0, 1.0],
        "P4": ["东村", "0201", "果园", "0103", "旱地", "园地、林地、草地恢复", 6, 5, 1.0, 1.0],
        "P5": ["东村", "0702", "农村宅基地", "0103", "旱地", "建设用地复垦", 7, "—", 1.0, 1.0],
    }
    assert total[1] == "合计（3 块）" and total[10:12] == [3.0, 3.0]
    rows, total = list_rows(wb["表16 拆旧复垦地块清单"])
    assert {bsm: r[2:10] for bsm, r in rows.items()} == {
        "P5": ["东村", "0702", "农村宅基地", "0103", "旱地", "203", "复垦为耕地", 1.0],
        "P8": ["东村", "0602", "采矿用地", "0301", "乔木林地", "204", "复垦为其他农用地", 1.0],
    }
    assert total[9] == 2.0
    rows, total = list_rows(wb["表17 建新地块清单"])
    assert {bsm: r[2:10] for bsm, r in rows.items()} == {
        "P2": ["东村", "0404", "其他草地", "0702", "农村宅基地", "203", 1.0, 0.0],
        "P6": ["东村", "0103", "旱地", "0702", "农村宅基地", "203", 1.0, 0.95],
    }
    assert total[8:10] == [2.0, 0.95]
    rows, total = list_rows(wb["表14 永久基本农田调出图斑清单"])
    assert {bsm: r[2:12] for bsm, r in rows.items()} == {
        "YA": ["东村", "0101", "水田", "0101", "水田", "0101", "水田", 5, 1, 0.4]}
    rows, total = list_rows(wb["表15 永久基本农田调入图斑清单"])
    assert {bsm: r[2:12] for bsm, r in rows.items()} == {
        "YC": ["东村", "0702", "农村宅基地", "0103", "旱地", "0103", "建设用地", 7, 2, 0.5]}


def test_investment_table(workbook_file):
    _, wb, _ = workbook_file
    ws = wb["表18 投资估算表"]
    top = header_row(ws, "序号")
    assert [ws.cell(top + 1, c).value for c in range(3, 8)] == ["2026 年", "2027 年", "2028 年", "合计", None]
    by_type = by_label(block_rows(ws, top + 2), 1)
    assert by_type["建设用地复垦"][2:7] == [30.0, 0.0, 0.0, 30.0, pytest.approx(19.67, abs=0.005)]
    assert by_type["建新安置"][2:6] == [0.0, 90.0, 0.0, 90.0]
    assert by_type["生态修复"][2:6] == [0.0, 0.0, 20.0, 20.0]
    assert by_type["农用地整理"][2:6] == [12.5, 0.0, 0.0, 12.5]
    assert by_type["合计"][2:7] == [42.5, 90.0, 20.0, 152.5, 100.0]
    by_source = by_label(block_rows(ws, header_row(ws, "资金来源", 2) + 2), 1)
    assert by_source["省级财政补助资金"][2:6] == [32.5, 0.0, 0.0, 32.5]
    assert by_source["社会资本"][2:6] == [10.0, 75.0, 0.0, 85.0]
    assert by_source["节余指标收益"][2:6] == [0.0, 15.0, 0.0, 15.0]
    assert by_source["区级财政资金"][2:6] == [0.0, 0.0, 15.0, 15.0]
    assert by_source["未列明来源"][2:6] == [0.0, 0.0, 5.0, 5.0]
    assert by_source["合计"][2:6] == [42.5, 90.0, 20.0, 152.5]


def test_linkage_by_project_area(workbook_file):
    _, wb, _ = workbook_file
    ws = wb["表19 增减挂钩项目区平衡表"]
    rows = by_label(block_rows(ws, header_row(ws, "序号") + 2), 1)
    assert rows["GG1"][2] == "S1、S2"
    assert rows["GG1"][3:9] == [1.0, 1.0, 1.0, 0.0, 1.0, 0.0]
    assert rows["GG1"][9:14] == [7, "—", "符合", "符合", "不涉及"]
    assert rows["GG2"][3:9] == [1.0, 0.0, 1.0, 0.0, 0.0, 0.95]
    assert rows["GG2"][9:14] == ["—", 6, "符合", "不符合", "不符合"]
    assert rows["合计"][3:9] == [2.0, 1.0, 2.0, 0.0, 1.0, 0.95]


def test_overview_table(workbook_file):
    _, wb, _ = workbook_file
    ws = wb["表12 项目基本情况表"]
    rows = by_label(block_rows(ws, header_row(ws, "序号") + 1), 1)
    assert rows["项目名称"][2] == "东村全域土地综合整治"
    assert rows["所在乡镇"][2] == "320206101"
    assert rows["涉及行政村"][2] == "1 个：东村"
    assert rows["项目区总面积"][2:4] == [8.0, "公顷"]
    assert rows["现状耕地面积"][2] == 2.86 and rows["规划耕地面积"][2] == 3.95 and rows["新增耕地面积"][2] == 1.09
    assert rows["新增耕地比例（占原耕地）"][2] == pytest.approx(38.11)
    assert rows["永久基本农田面积（调整前）"][2] == 2.0 and rows["永久基本农田面积（调整后）"][2] == 2.1
    assert rows["实施期限"][2] == "2026—2028 年（3 年）（参数）"
    assert rows["子项目个数"][2] == "5 个" and rows["总投资"][2:4] == [152.5, "万元"]


def test_compliance_table_in_the_workbook(workbook_file):
    _, wb, _ = workbook_file
    ws = wb["表11 指标核验表"]
    rows = by_label(block_rows(ws, header_row(ws, "序号") + 1), 1)
    assert rows["规划新增建设用地不占生态保护红线"][2] == pytest.approx(0.3) and \
        rows["规划新增建设用地不占生态保护红线"][6] == "不通过"
    assert rows["新增耕地不在25°以上陡坡"][2] == pytest.approx(0.6667) and rows["新增耕地不在25°以上陡坡"][6] == "不通过"
    assert rows["永久基本农田调出比例"][2] == pytest.approx(20.0) and rows["永久基本农田调出比例"][6] == "不通过"
    assert rows["新增耕地质量等别（不低于县域耕地平均等别）"][2] == pytest.approx(6.5)
    assert rows["新增耕地质量等别（不低于县域耕地平均等别）"][6] == "未核验"


@pytest.mark.parametrize("text, total, expected", [
    ("省级财政补助资金:20;社会资本:10", 30.0, [("省级财政补助资金", 20.0), ("社会资本", 10.0)]),
    ("社会资本:25;节余指标收益", 40.0, [("社会资本", 25.0), ("节余指标收益", 15.0)]),
    ("区级财政资金:15", 20.0, [("区级财政资金", 15.0), ("未列明来源", 5.0)]),
    ("A：30，B：40万元", 60.0, [("A", 30.0), ("B", 40.0), ("未列明来源", -10.0)]),
    ("甲；乙", 10.0, [("甲", 5.0), ("乙", 5.0)]),
    ("社会资本", 50.0, [("社会资本", 50.0)]),
    ("", 8.0, [("未填资金来源", 8.0)]),
])
def test_split_funding(text, total, expected):
    assert split_funding(text, total) == expected


def test_project_geopackage_gives_the_red_line_to_the_compliance_table(provider, tmp_path):
    """A project GeoPackage holds the red line as STBHHX: exportscheme's compliance table checks it (P2's 0.3 公顷
    of new 建设用地, P3's 0.3 公顷 of 新增耕地) without a RED_LINE parameter."""
    before, after = township()
    gpkg = tmp_path / "东村.gpkg"
    processing.run("landconsolidation:createproject", {
        "DLTB": before, "AFTER": after, "PROJECT_AREA": memory_layer("XMQ", [{"wkt": rect(0, 0, 400, 200)}], []),
        "RED_LINE": red_line(), "NAME": "东村", "START_YEAR": 2026, "END_YEAR": 2028, "OUTPUT": str(gpkg)})
    out = tmp_path / "方案.xlsx"
    processing.run("landconsolidation:exportscheme", {"PROJECT": str(gpkg), "TABLES": [10], "OUTPUT_XLSX": str(out)})
    ws = openpyxl.load_workbook(out)["表11 指标核验表"]
    rows = by_label(block_rows(ws, header_row(ws, "序号") + 1), 1)
    assert rows["规划新增建设用地不占生态保护红线"][2] == pytest.approx(0.3)
    assert rows["新增耕地不在生态保护红线内"][2] == pytest.approx(0.3)
    assert rows["新增耕地不在生态保护红线内"][6] == "不通过"
    assert rows["规划建设用地不占永久基本农田"][6] == "未核验"


def test_conflicts_with_a_planned_code_field(provider):
    """builders.PLAN as GHDLBM on the current DLTB: parcel 6 (0404 → 0702, 30 × 50 m, TBMJ 1500) with the red
    line over its south 30 m: 1500 × 900 / 1500 = 900 m², drawn as the 30 × 30 m part."""
    from builders import PLAN_FIELDS, plan_before_rows

    layer = memory_layer("DLTB", plan_before_rows(), fields=PLAN_FIELDS)
    result = processing.run(CONFLICTS, {
        "BEFORE": layer, "AFTER_FIELD": "GHDLBM", "RED_LINE": memory_layer("STBHHX", [{"wkt": rect(300, 0, 330, 30)}], []),
        "OUTPUT": "memory:"})
    assert result["BUILD_IN_RED_LINE_M2"] == pytest.approx(900.0, abs=0.01)
    (feature,) = list(result["OUTPUT"].getFeatures())
    assert (feature["BSM"], feature["DLBM_BEFORE"], feature["DLBM_AFTER"]) == ("6", "0404", "0702")
    assert feature.geometry().area() == pytest.approx(900.0, abs=1e-6)
