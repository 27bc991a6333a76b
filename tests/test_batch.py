"""landconsolidation:batchscheme on a generated county of two townships.

Three project areas: the two townships' project areas (XMQ) and a square
50 km east of the county.  Two workbooks, three summary rows, the third with
its error; the 新增耕地 of each good row equals ``cultivatedland`` run on that
area alone (an independent path: the county file read with the area as
PROJECT_AREA).  The county is read once: the plugin's columnar reader is
never asked for the county file while the areas run.
"""
import importlib.util
import sys
from pathlib import Path

import pytest
from land_consolidation.core import batch, dltb, layers
from qgis import processing
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def county(qgis_app, tmp_path_factory):
    """The generated county: just over one township's worth of parcels, so two townships."""
    name = "land_consolidation_tools_generate_sample"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "generate_sample.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    path = tmp_path_factory.mktemp("county") / "county.gpkg"
    summary = sys.modules[name].generate(path, parcels=12_001, seed=20261128, log=None)
    assert summary["townships"] == 2
    return path


def areas_layer(county) -> QgsVectorLayer:
    """The two XMQ polygons (named by XMMC) and a square outside the county."""
    xmq = QgsVectorLayer(f"{county}|layername=XMQ", "XMQ", "ogr")
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4528", "areas", "memory")
    layer.dataProvider().addAttributes([QgsField("XMMC", QVariant.Type.String)])
    layer.updateFields()
    features = []
    for source in xmq.getFeatures():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(source.geometry())
        feature.setAttributes([source["XMMC"]])
        features.append(feature)
    box = xmq.extent()
    x, y = box.xMaximum() + 50_000, box.yMinimum()
    outside = QgsFeature(layer.fields())
    outside.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + 900} {y},{x + 900} {y + 900},{x} {y + 900},{x} {y}))"))
    outside.setAttributes(["县外/飞地"])
    features.append(outside)
    layer.dataProvider().addFeatures(features)
    return layer


def one_area(layer, k) -> QgsVectorLayer:
    """Feature ``k`` of a layer alone, as a PROJECT_AREA."""
    area = QgsVectorLayer("MultiPolygon?crs=EPSG:4528", "area", "memory")
    feature = QgsFeature()
    feature.setGeometry(list(layer.getFeatures())[k].geometry())
    area.dataProvider().addFeatures([feature])
    return area


def test_three_areas_two_workbooks(county, provider, tmp_path, monkeypatch):
    S = f"{county}|layername="
    areas = areas_layer(county)
    asked = []
    original = layers.read_ogr_columns

    def spy(source, *a, **k):
        asked.append(getattr(source, "source", lambda: "")())
        return original(source, *a, **k)

    # The DLTB reader and the polygon reader (core/layers.py) both read files through it.
    monkeypatch.setattr(dltb, "read_ogr_columns", spy)
    monkeypatch.setattr(layers, "read_ogr_columns", spy)
    read_once = []
    arrow = batch._read_arrow
    monkeypatch.setattr(batch, "_read_arrow", lambda source, *a: (read_once.append(source.name()), arrow(source, *a))[1])
    folder = tmp_path / "方案"
    result = processing.run("landconsolidation:batchscheme", {
        "DLTB": S + "DLTB", "AFTER": S + "DLTB_GH", "PBF_BEFORE": S + "YJJBNTTB", "PBF_AFTER": S + "YJJBNTTB_GH",
        "SUBPROJECTS": S + "ZXM", "PROJECT_AREAS": areas, "NAME_FIELD": "XMMC", "START_YEAR": 2026,
        "END_YEAR": 2028, "OUTPUT_FOLDER": str(folder), "OUTPUT_SUMMARY": "memory:"})
    rows = [dict(zip(f.fields().names(), f.attributes())) for f in result["OUTPUT_SUMMARY"].getFeatures()]
    names = [f["XMMC"] for f in areas.getFeatures()]
    assert [row["NAME"] for row in rows] == names
    assert result["AREA_COUNT"] == 3 and result["ERROR_COUNT"] == 1
    assert sorted(p.name for p in folder.glob("*.xlsx")) == sorted(f"{n}.xlsx" for n in names[:2])
    assert all(not row["ERROR"] for row in rows[:2])
    assert "outside the county" in rows[2]["ERROR"] and not rows[2]["WORKBOOK"]
    # Each layer read once (DLTB, DLTB_GH, both 永农 layers, ZXM), and no area read the county file again.
    assert sorted(read_once) == ["DLTB", "DLTB_GH", "YJJBNTTB", "YJJBNTTB_GH", "ZXM"]
    assert not any(str(county) in path for path in asked)
    for k, row in enumerate(rows[:2]):
        alone = processing.run("landconsolidation:cultivatedland", {
            "BEFORE": S + "DLTB", "AFTER": S + "DLTB_GH", "PROJECT_AREA": one_area(areas, k), "OUTPUT": "memory:"})
        assert row["ADDED_CULTIVATED_M2"] == pytest.approx(alone["ADDED_M2"], abs=0.01)
        assert row["ADDED_RATE"] == pytest.approx(alone["ADDED_RATE"], abs=1e-6)
        assert row["ADDED_CULTIVATED_M2"] > 0 and row["PASSED_COUNT"] + row["FAILED_COUNT"] + row["UNCHECKED_COUNT"] == 16
        assert row["PBF_ADDED_RATIO"] > 0


def test_townships(county, provider, tmp_path):
    """TOWNSHIPS: a township's area is its parcels; an unknown code gets its error, the others run."""
    S = f"{county}|layername="
    layer = QgsVectorLayer(S + "DLTB", "DLTB", "ogr")
    counts: dict = {}
    for feature in layer.getFeatures():
        code = str(feature["ZLDWDM"])[:9]
        counts[code] = counts.get(code, 0) + 1
    first = sorted(counts)[0]
    result = processing.run("landconsolidation:batchscheme", {
        "DLTB": S + "DLTB", "AFTER_FIELD": "GHDLBM", "TOWNSHIPS": f"{first}, 999999999",
        "OUTPUT_FOLDER": str(tmp_path / "乡镇"), "OUTPUT_SUMMARY": "memory:"})
    rows = [dict(zip(f.fields().names(), f.attributes())) for f in result["OUTPUT_SUMMARY"].getFeatures()]
    assert [row["NAME"] for row in rows] == [first, "999999999"]
    assert rows[0]["ERROR"] == "" and rows[0]["PARCELS"] == counts[first]
    assert rows[1]["ERROR"]
    assert (tmp_path / "乡镇" / f"{first}.xlsx").exists()


def test_safe_file_names():
    assert batch.safe_file_names(["a/b", "东村", "东村", "", "CON", "x:y*z?"]) == \
        ["a_b", "东村", "东村_2", "area_4", "_CON", "x_y_z"]
