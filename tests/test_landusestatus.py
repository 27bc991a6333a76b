"""landconsolidation:landusestatus on a hand-built DLTB.

The eight parcels of ``builders.status_rows()`` (two villages, 东村 A and
西村 B), with the sums worked out on paper:

=====  ======  ======  =====  ======  =======  ======
BSM    code    TBMJ    KCXS   KCMJ    TBDLMJ   village
=====  ======  ======  =====  ======  =======  ======
1      0101    10000   0.05   500     9500     A
2      0102    5000    0.08   400     4600     A
3      0702    2000                   2000     A
4      0201K   2500                   2500     A
5      0101    10000   0.03   300     9700     B
6      1104A   5000                   5000     B
7      1006    2100                   2100     A
8      1106    2000                   2000     B
=====  ======  ======  =====  ======  =======  ======

Village A: 0101 9500, 0102 4600, 0201 2500, 0702 2000, 1006 2100, 1203 900
(= 500 + 400); total 21 600 = Σ TBMJ of 1, 2, 3, 4, 7.
Village B: 0101 9700, 1104 5000, 1106 2000, 1203 300; total 17 000.
All: 38 600 m² = 3.86 ha = 57.9 亩.
三大类: 农用地 = 19200 + 4600 + 2500 + 2100 + 5000 + 1200 = 34 600;
建设用地 = 2000 (0702); 未利用地 = 2000 (1106, counted under 湿地 00).
"""
import pytest
from builders import DLTB_FIELDS, VILLAGE_A, VILLAGE_B, memory_layer, parcel, rect, status_rows
from qgis import processing
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

ALG = "landconsolidation:landusestatus"


def run(layer, **params):
    params.setdefault("OUTPUT", "memory:")
    return processing.run(ALG, {"INPUT": layer, **params})


def rows(result):
    return [f.attributes() for f in result["OUTPUT"].getFeatures()]


def as_dict(result, key=("GROUP", "DLBM")):
    out = {}
    layer = result["OUTPUT"]
    for f in layer.getFeatures():
        out[tuple(f[k] for k in key)] = f["AREA_M2"]
    return out


def test_by_village(provider):
    result = run(memory_layer("DLTB", status_rows()))
    got = as_dict(result)
    assert got == {
        (VILLAGE_A, "0101"): 9500.0,
        (VILLAGE_A, "0102"): 4600.0,
        (VILLAGE_A, "0201"): 2500.0,
        (VILLAGE_A, "0702"): 2000.0,
        (VILLAGE_A, "1006"): 2100.0,
        (VILLAGE_A, "1203"): 900.0,
        (VILLAGE_B, "0101"): 9700.0,
        (VILLAGE_B, "1104"): 5000.0,
        (VILLAGE_B, "1106"): 2000.0,
        (VILLAGE_B, "1203"): 300.0,
    }
    assert result["TOTAL_AREA_M2"] == 38600.0
    assert result["PARCEL_COUNT"] == 8
    names = {f["GROUP"]: f["GROUP_NAME"] for f in result["OUTPUT"].getFeatures()}
    assert names == {VILLAGE_A: "东村", VILLAGE_B: "西村"}


def test_rows_in_code_table_order_and_units(provider):
    result = run(memory_layer("DLTB", status_rows()), GROUP_FIELD="")
    layer = result["OUTPUT"]
    codes = [f["DLBM"] for f in layer.getFeatures()]
    # 湿地 (1106) first, as in the 三调 templates; 田坎 in 12.
    assert codes == ["1106", "0101", "0102", "0201", "0702", "1006", "1104", "1203"]
    by_code = {f["DLBM"]: f for f in layer.getFeatures()}
    assert by_code["0101"]["AREA_M2"] == 19200.0
    assert by_code["0101"]["AREA_HA"] == pytest.approx(1.92)
    assert by_code["0101"]["AREA_MU"] == pytest.approx(28.8)  # 19200 × 15 / 10000
    assert by_code["1203"]["AREA_M2"] == 1200.0
    assert by_code["1203"]["DLMC"] == "田坎"
    assert by_code["1203"]["PARCELS"] == 3
    assert by_code["0201"]["DLMC"] == "果园"
    assert by_code["1106"]["GROUP_CODE"] == "00"
    assert sum(f["AREA_M2"] for f in layer.getFeatures()) == pytest.approx(38600.0, abs=1e-9)
    assert sum(f["AREA_MU"] for f in layer.getFeatures()) == pytest.approx(57.9, abs=1e-9)
    by_category = {}
    for f in layer.getFeatures():
        by_category[f["CATEGORY3"]] = by_category.get(f["CATEGORY3"], 0) + f["AREA_M2"]
    assert by_category == {"农用地": 34600.0, "建设用地": 2000.0, "未利用地": 2000.0}


def test_project_area_cuts_parcels_in_half(provider):
    """Boundary x ∈ [0, 250]: parcel 5 is cut in half, the road 7 to 250/350.

    Kept: 1, 2, 3, 4 whole; 5 half (TBMJ 5000, KCMJ 150, TBDLMJ 4850);
    7 at 5/7 (2100 × 5/7 = 1500).  0101 = 9500 + 4850 = 14 350;
    1203 = 500 + 400 + 150 = 1050; total 10000+5000+2000+2500+5000+1500 = 26 000.
    """
    area = memory_layer("XMQ", [{"wkt": rect(0, -10, 250, 200)}], fields=[])
    result = run(memory_layer("DLTB", status_rows()), PROJECT_AREA=area, GROUP_FIELD="")
    got = {code: value for (_, code), value in as_dict(result).items()}
    expected = {"0101": 14350.0, "0102": 4600.0, "0201": 2500.0, "0702": 2000.0, "1006": 1500.0, "1203": 1050.0}
    assert got.keys() == expected.keys()
    for code, value in expected.items():
        assert got[code] == pytest.approx(value, abs=0.01), code
    assert result["TOTAL_AREA_M2"] == pytest.approx(26000.0, abs=0.01)
    assert sum(got.values()) == pytest.approx(result["TOTAL_AREA_M2"], abs=1e-6)


def test_project_area_in_another_crs_is_reprojected(provider):
    area = memory_layer("XMQ", [{"wkt": rect(0, -10, 250, 200)}], fields=[])
    params = {"INPUT": area, "TARGET_CRS": "EPSG:4549", "OUTPUT": "memory:"}
    moved = processing.run("native:reprojectlayer", params)["OUTPUT"]
    result = run(memory_layer("DLTB", status_rows()), PROJECT_AREA=moved, GROUP_FIELD="")
    assert result["TOTAL_AREA_M2"] == pytest.approx(26000.0, abs=0.01)


def test_area_from_geometry_when_fields_missing(provider):
    """Without TBMJ/KCMJ/TBDLMJ, areas come from geometry and KCXS.

    Independent check: QgsDistanceArea on the CGCS2000 ellipsoid (geodesic
    edges) agrees with the 三调 method far below 0.01 m² on 100 m squares.
    """
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsDistanceArea, QgsGeometry

    fields = [("DLBM", QVariant.Type.String), ("KCXS", QVariant.Type.Double)]
    wkts = [rect(0, 0, 100, 100), rect(100, 0, 200, 50)]
    layer = memory_layer(
        "DLTB", [{"DLBM": "0101", "KCXS": 0.05, "wkt": wkts[0]}, {"DLBM": "0404", "KCXS": None, "wkt": wkts[1]}],
        fields=fields,
    )
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4528"), QgsCoordinateTransformContext())
    measure.setEllipsoid("EPSG:1024")  # CGCS2000
    a1 = measure.measureArea(QgsGeometry.fromWkt(wkts[0]))
    a2 = measure.measureArea(QgsGeometry.fromWkt(wkts[1]))
    result = run(layer, GROUP_FIELD="")
    got = {f["DLBM"]: f["AREA_M2"] for f in result["OUTPUT"].getFeatures()}
    kcmj = round(a1 * 0.05, 2)
    assert got["0101"] == pytest.approx(a1 - kcmj, abs=0.01)
    assert got["1203"] == pytest.approx(kcmj, abs=0.01)
    assert got["0404"] == pytest.approx(a2, abs=0.01)
    assert result["TOTAL_AREA_M2"] == pytest.approx(a1 + a2, abs=0.01)
    # Not the planar area: 20 km off the CM the GK scale makes planar ≈ 0.1 m² larger.
    assert abs(a1 - 10000.0) > 0.05


def test_unknown_code_is_an_error_by_default(provider):
    data = status_rows() + [parcel("9", "0799", rect(400, 0, 450, 40), 2000.0, VILLAGE_B)]
    with pytest.raises(QgsProcessingException, match=r"0799.*1 parcel\(s\), 2000\.00 m², BSM 9"):
        run(memory_layer("DLTB", data))


def test_unknown_code_reported_as_own_row(provider):
    data = status_rows() + [parcel("9", "0799", rect(400, 0, 450, 40), 2000.0, VILLAGE_B)]
    result = run(memory_layer("DLTB", data), UNKNOWN_CODES=1, GROUP_FIELD="")
    got = {f["DLBM"]: (f["DLMC"], f["AREA_M2"]) for f in result["OUTPUT"].getFeatures()}
    assert got["0799"] == ("未知地类", 2000.0)
    assert result["TOTAL_AREA_M2"] == 40600.0
    assert result["UNKNOWN_CODE_COUNT"] == 1
    assert sum(v for _, v in got.values()) == 40600.0


def test_lowercase_fields_and_integer_codes(provider):
    fields = [("dlbm", QVariant.Type.Int), ("tbmj", QVariant.Type.Double), ("tbdlmj", QVariant.Type.Double),
              ("kcmj", QVariant.Type.Double), ("zldwdm", QVariant.Type.String)]
    data = [
        {"dlbm": 101, "tbmj": 1000.0, "kcmj": 50.0, "tbdlmj": 950.0, "zldwdm": VILLAGE_A, "wkt": rect(0, 0, 10, 10)},
        {"dlbm": 1006, "tbmj": 300.0, "kcmj": 0.0, "tbdlmj": 300.0, "zldwdm": VILLAGE_A, "wkt": rect(10, 0, 20, 10)},
    ]
    result = run(memory_layer("dltb", data, fields=fields))
    got = {code: v for (_, code), v in as_dict(result).items()}
    assert got == {"0101": 950.0, "1006": 300.0, "1203": 50.0}


def test_missing_code_field(provider):
    layer = memory_layer("没有地类的图层", [{"TBMJ": 1.0, "wkt": rect(0, 0, 1, 1)}], fields=[("TBMJ", QVariant.Type.Double)])
    with pytest.raises(QgsProcessingException, match="没有地类的图层.*DLBM"):
        run(layer)


def test_geographic_crs(provider, chinese):
    layer = memory_layer(
        "DLTB_4490",
        [parcel("1", "0101", "POLYGON((120.3 31.5,120.301 31.5,120.301 31.501,120.3 31.5))", 100.0, VILLAGE_A)],
        crs="EPSG:4490",
    )
    with pytest.raises(QgsProcessingException, match="DLTB_4490.*地理坐标系.*EPSG:4490"):
        run(layer)


def test_invalid_geometry_named(provider):
    bowtie = "POLYGON((40520000 3490000,40520010 3490010,40520010 3490000,40520000 3490010,40520000 3490000))"
    data = status_rows() + [parcel("BOW", "0101", bowtie, 50.0, VILLAGE_A)]
    layer = memory_layer("DLTB", data)
    area = memory_layer("XMQ", [{"wkt": rect(-10, -10, 250, 200)}], fields=[])
    before = [f.attributes() for f in layer.getFeatures()]
    with pytest.raises(QgsProcessingException, match="BSM BOW"):
        run(layer, PROJECT_AREA=area)
    assert [f.attributes() for f in layer.getFeatures()] == before


def test_project_area_missing_the_layer(provider, chinese):
    far = memory_layer("XMQ", [{"wkt": rect(5000, 5000, 5100, 5100)}], fields=[])
    with pytest.raises(QgsProcessingException, match="没有重叠"):
        run(memory_layer("DLTB", status_rows()), PROJECT_AREA=far)


def test_input_not_modified_and_csv_output(provider, tmp_path):
    layer = memory_layer("DLTB", status_rows())
    before = [(f.attributes(), f.geometry().asWkt()) for f in layer.getFeatures()]
    out = tmp_path / "status.csv"
    result = run(layer, OUTPUT=str(out))
    assert [(f.attributes(), f.geometry().asWkt()) for f in layer.getFeatures()] == before
    table = QgsVectorLayer(result["OUTPUT"], "t", "ogr")
    assert table.featureCount() == 10


def test_text_in_a_number_field_names_the_parcel(provider):
    rows = status_rows()
    fields = [(n, QVariant.Type.String if n == "GDDB" else t) for n, t in DLTB_FIELDS]
    rows[2]["GDDB"] = "五等"
    with pytest.raises(QgsProcessingException, match="BSM 3.*五等"):
        run(memory_layer("DLTB", rows, fields=fields))


def test_selected_features_only(provider):
    """Only parcels 1 and 5 selected: 0101 9500 + 9700, 1203 500 + 300; total 20 000."""
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject

    layer = memory_layer("DLTB", status_rows())
    QgsProject.instance().addMapLayer(layer)
    try:
        layer.selectByExpression("\"BSM\" IN ('1', '5')")
        result = run(QgsProcessingFeatureSourceDefinition(layer.id(), True), GROUP_FIELD="")
        got = {f["DLBM"]: f["AREA_M2"] for f in result["OUTPUT"].getFeatures()}
        assert got == {"0101": 19200.0, "1203": 800.0}
        assert result["TOTAL_AREA_M2"] == 20000.0
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
