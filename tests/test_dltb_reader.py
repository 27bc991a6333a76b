"""The DLTB reader gives the same parcels through GDAL's columnar path and feature by feature."""
import numpy as np
import pandas as pd
import pytest
from builders import DLTB_FIELDS, memory_layer, status_rows
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
    fields = [("DLBM", QVariant.Int), ("TBMJ", QVariant.Double), ("GDDB", QVariant.Int), ("BSM", QVariant.String)]
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
    fields = [(n, QVariant.String if n == "GDDB" else t) for n, t in DLTB_FIELDS]
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
