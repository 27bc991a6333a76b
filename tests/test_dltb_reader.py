"""The DLTB reader gives the same parcels through GDAL's columnar path and feature by feature."""
import numpy as np
import pandas as pd
import pytest
from builders import DLTB_FIELDS, memory_layer, rect, status_rows
from land_consolidation.core import dltb
from land_consolidation.core.errors import LandConsolidationError
from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant


def compare(fast_layer, slow_layer, **kwargs):
    fast = dltb.read_dltb(fast_layer, **kwargs).frame
    slow = dltb.read_dltb(slow_layer, **kwargs).frame
    pd.testing.assert_frame_equal(fast.reset_index(drop=True), slow.reset_index(drop=True), check_dtype=False)
    return fast


def test_sample_both_paths(sample_gpkg):
    uri = f"{sample_gpkg}|layername=DLTB"
    on_disk = QgsVectorLayer(uri, "DLTB", "ogr")
    assert dltb.read_ogr_columns(on_disk, ["DLBM"]) is not None  # the columnar path applies
    filtered = QgsVectorLayer(uri, "DLTB", "ogr")
    filtered.setSubsetString("1 = 1")  # same features, but a subset string: feature by feature
    assert dltb.read_ogr_columns(filtered, ["DLBM"]) is None
    frame = compare(on_disk, filtered, extra_roles=(("planned", "GHDLBM"),))
    assert len(frame) == on_disk.featureCount()
    assert frame["village"].str.len().eq(19).all()
    assert set(frame["gdpdjb"].dropna().unique()) <= {1.0, 2.0, 3.0, 4.0, 5.0}  # a text field, read as numbers
    assert frame["planned"].notna().all()


def test_integer_codes_and_nulls_through_gdal(tmp_path, qgis_app):
    fields = [("DLBM", QVariant.Type.Int), ("TBMJ", QVariant.Type.Double), ("GDDB", QVariant.Type.Int),
              ("BSM", QVariant.Type.String)]
    rows = [
        {"DLBM": 101, "TBMJ": 1000.0, "GDDB": 5, "BSM": "1", "wkt": status_rows()[0]["wkt"]},
        {"DLBM": 1006, "TBMJ": 300.0, "GDDB": None, "BSM": None, "wkt": status_rows()[1]["wkt"]},
    ]
    path = tmp_path / "int.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "DLTB"
    QgsVectorFileWriter.writeAsVectorFormatV3(memory_layer("DLTB", rows, fields=fields), str(path),
                                              QgsCoordinateTransformContext(), options)
    layer = QgsVectorLayer(f"{path}|layername=DLTB", "DLTB", "ogr")
    frame = dltb.read_dltb(layer).frame
    assert list(frame["base"]) == ["0101", "1006"]
    assert list(frame["tbdlmj"]) == [1000.0, 300.0]
    assert frame["gddb"].iloc[0] == 5.0 and np.isnan(frame["gddb"].iloc[1])
    assert list(frame["bsm"]) == ["1", ""]


def test_text_in_number_field_through_gdal(tmp_path, qgis_app):
    fields = [(n, QVariant.Type.String if n == "GDDB" else t) for n, t in DLTB_FIELDS]
    rows = status_rows()
    rows[2]["GDDB"] = "五等"
    path = tmp_path / "text.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "DLTB"
    QgsVectorFileWriter.writeAsVectorFormatV3(memory_layer("DLTB", rows, fields=fields), str(path),
                                              QgsCoordinateTransformContext(), options)
    layer = QgsVectorLayer(f"{path}|layername=DLTB", "DLTB", "ogr")
    with pytest.raises(LandConsolidationError, match="BSM 3.*五等"):
        dltb.read_dltb(layer)


# ---------------------------------------------------------------------------
# The contiguity analysis reads through the same reader
# ---------------------------------------------------------------------------

#: ZLDWDM of the parcels below.
VILLAGE = "3202061010010000000"
CUT_FIELDS = [("BSM", QVariant.Type.String), ("DLBM", QVariant.Type.String), ("TBMJ", QVariant.Type.Double),
              ("KCXS", QVariant.Type.Double), ("KCMJ", QVariant.Type.Double), ("TBDLMJ", QVariant.Type.Double),
              ("XZDWKD", QVariant.Type.Double), ("ZLDWDM", QVariant.Type.String)]


def cut_rows():
    """Five parcels and a project area x 50–200, y −10–120 (metres from the builders' origin,
    20 km east of the central meridian of zone 40, ≈ 31.5°N).

    * A 0101, 0–100 × 0–100, TBMJ 10 000, KCMJ 500, TBDLMJ 9 500: half inside (x 50–100), so
      TBMJ 5 000, TBDLMJ 4 750 (the halves' ellipsoidal areas differ by ~1e-8 relative).
    * B 0102, 100–200 × 0–100, no TBMJ/KCMJ/TBDLMJ, KCXS 0.1: wholly inside.  TBMJ is its
      ellipsoidal area: the plane area over k², Gauss-Krüger's scale k = 1 + x²/(2R²) at
      x = 20 150 m, R = √(MN) = 6 368 412 m at 31.5°N, so k² − 1 = 1.0011e-5 and TBMJ =
      10 000 / k² = 9 999.90; KCMJ = round(9 999.90 × 0.1, 2) = 999.99; TBDLMJ = 8 999.91.
    * D 0101, 150–250 × 0–100, no TBMJ/KCMJ/TBDLMJ, KCXS 0.02: half inside.  Whole: TBMJ
      9 999.90 (x = 20 200 m), KCMJ = round(9 999.90 × 0.02, 2) = 200.00, TBDLMJ 9 799.90;
      kept in proportion (½): TBMJ 4 999.95, KCMJ 100.00, TBDLMJ 4 899.95.
    * R 1006, 0–250 × 100–106, TBMJ 1 500, XZDWKD 6: 150 m of 250 inside, TBMJ 900.
    * F 0101, 300–400 × 0–100: outside, not read.
    """
    def row(bsm, code, box, tbmj=None, kcxs=None, kcmj=None, tbdlmj=None, xzdwkd=None):
        return {"BSM": bsm, "DLBM": code, "TBMJ": tbmj, "KCXS": kcxs, "KCMJ": kcmj, "TBDLMJ": tbdlmj,
                "XZDWKD": xzdwkd, "ZLDWDM": VILLAGE, "wkt": rect(*box)}

    return [
        row("A", "0101", (0, 0, 100, 100), 10000.0, 0.05, 500.0, 9500.0),
        row("B", "0102", (100, 0, 200, 100), kcxs=0.1),
        row("D", "0101", (150, 0, 250, 100), kcxs=0.02),
        row("R", "1006", (0, 100, 250, 106), 1500.0, 0.0, 0.0, 1500.0, xzdwkd=6.0),
        row("F", "0101", (300, 0, 400, 100), 10000.0, 0.0, 0.0, 10000.0),
    ]


EXPECTED = {  # BSM: (TBMJ, KCMJ, TBDLMJ), hand-derived in cut_rows()
    "A": (5000.0, 250.0, 4750.0),
    "B": (9999.90, 999.99, 8999.91),
    "D": (4999.95, 100.0, 4899.95),
    "R": (900.0, 0.0, 900.0),
}


@pytest.mark.parametrize("path", ["features", "gdal"])
def test_contiguity_view_equals_the_reader(qgis_app, tmp_path, path):
    """The DLTB reader's frame and the contiguity analysis's view of the same layer: same
    parcels, same areas, on parcels cut by the project area and parcels without TBMJ, read
    feature by feature (memory layer) and through GDAL (GeoPackage)."""
    from land_consolidation.core import contiguity
    from qgis.core import QgsGeometry

    layer = memory_layer("DLTB", cut_rows(), fields=CUT_FIELDS)
    if path == "gdal":
        target = tmp_path / "cut.gpkg"
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = "DLTB"
        QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(target), QgsCoordinateTransformContext(), options)
        layer = QgsVectorLayer(f"{target}|layername=DLTB", "DLTB", "ogr")
        assert dltb.ogr_location(layer) is not None
    area = QgsGeometry.fromWkt(rect(50, -10, 200, 120))
    frame = dltb.read_dltb(layer, project_area=area).frame
    view = contiguity.read_parcels(layer, ["0101", "1006"], project_area=area, group_field="ZLDWDM")

    assert list(frame["bsm"]) == list(view.bsm) == ["A", "B", "D", "R"]
    assert list(frame["fid"]) == list(view.fid)
    assert list(frame["code"]) == list(view.code) == ["0101", "0102", "0101", "1006"]
    np.testing.assert_array_equal(frame["tbmj"].to_numpy(), view.tbmj)
    np.testing.assert_array_equal(frame["tbdlmj"].to_numpy(), view.tbdlmj)
    got = {r.bsm: (r.tbmj, r.kcmj, r.tbdlmj) for r in frame.itertuples()}
    for bsm, expected in EXPECTED.items():
        assert got[bsm] == pytest.approx(expected, abs=0.01), bsm
    assert list(view.group) == [VILLAGE] * 4
    # Geometries of the kept classes only (0101, 1006), cut to the project area.
    assert [w is not None for w in view.wkb] == [True, False, True, True]
    cut = QgsGeometry()
    cut.fromWkb(view.wkb[0])
    assert cut.area() == pytest.approx(5000.0)
    assert view.rings.count == 4
    assert view.rings.measures()[0] == pytest.approx([5000.0, 0.0, 5000.0, 900.0])


@pytest.mark.parametrize("path", ["features", "gdal"])
def test_parcels_without_tbmj_are_measured_without_a_project_area(qgis_app, tmp_path, path):
    """Without a project area the reader needs no geometry, except for B and D, whose TBMJ is
    empty: whole, B is 9 999.90 (KCMJ 999.99) and D 9 999.90 (KCMJ 200.00), as in cut_rows()."""
    layer = memory_layer("DLTB", cut_rows(), fields=CUT_FIELDS)
    if path == "gdal":
        target = tmp_path / "tbmj.gpkg"
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = "DLTB"
        QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(target), QgsCoordinateTransformContext(), options)
        layer = QgsVectorLayer(f"{target}|layername=DLTB", "DLTB", "ogr")
    table = dltb.read_dltb(layer)
    got = {r.bsm: (r.tbmj, r.kcmj, r.tbdlmj) for r in table.frame.itertuples()}
    assert got["B"] == pytest.approx((9999.90, 999.99, 8999.91), abs=0.01)
    assert got["D"] == pytest.approx((9999.90, 200.0, 9799.90), abs=0.01)
    assert got["A"] == (10000.0, 500.0, 9500.0)
    assert table.area_source == "geometry for 2 parcel(s)"


@pytest.mark.parametrize("path", ["features", "gdal"])
def test_parcels_reaching_in_by_coordinate_noise_are_left_out(qgis_app, tmp_path, path):
    """Project area x 0–100, y 0–100.  A 0101 0–100 × 0–100 (TBMJ 10 000) is inside.  N 1006 lies
    outside along the east edge but starts 0.00005 m inside it (x 99.99995–120, a layer stored on
    another grid): its piece is 0.00005 × 100 = 0.005 m² < 0.01 m², coordinate noise, left out and
    logged.  W 0101 starts 0.001 m inside the west edge (x −20 … 0.001, y 0–100, TBMJ 2 000.1): its
    piece is 0.001 × 100 = 0.1 m² ≥ 0.01 m², kept with TBMJ = 2 000.1 × 0.1 / 2 000.1 = 0.10 m²
    (the ellipsoidal ratio equals the plane one to ~1e-6 here).  This is what the FileGDB form of the
    bundled sample gave: 34 such parcels, one of them a road joining two blocks."""
    def row(bsm, code, wkt, tbmj):
        return {"BSM": bsm, "DLBM": code, "TBMJ": tbmj, "KCXS": 0.0, "KCMJ": 0.0, "TBDLMJ": tbmj, "XZDWKD": None,
                "ZLDWDM": VILLAGE, "wkt": wkt}

    layer = memory_layer("DLTB", [
        row("A", "0101", rect(0, 0, 100, 100), 10000.0),
        row("N", "1006", rect(99.99995, 0, 120, 100), 2000.005),
        row("W", "0101", rect(-20, 0, 0.001, 100), 2000.1),
    ], fields=CUT_FIELDS)
    if path == "gdal":
        target = tmp_path / "noise.gpkg"
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = "DLTB"
        QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(target), QgsCoordinateTransformContext(), options)
        layer = QgsVectorLayer(f"{target}|layername=DLTB", "DLTB", "ogr")
        assert dltb.ogr_location(layer) is not None
    from qgis.core import QgsGeometry

    table = dltb.read_dltb(layer, project_area=QgsGeometry.fromWkt(rect(0, 0, 100, 100)))
    frame = table.frame
    assert list(frame["bsm"]) == ["A", "W"]
    assert frame["tbmj"].tolist() == pytest.approx([10000.0, 0.10], abs=0.005)
    assert any("1 parcel(s) reach into the project area by less than 0.01 m²" in note for note in table.notes)
