"""Styles (resources/styles/*.qml): every code of each code table has its own category, and they are applied.

The tables the categories are checked against are read independently of the
style module: the 三调 code and colour CSVs, the compliance rules, the
potential types, the 新增耕地 sources, the sub-project types of the workbook.
"""
import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from builders import memory_layer, rect, status_rows
from land_consolidation.core import compliance, potential
from land_consolidation.core.maps import styles
from land_consolidation.core.workbook.tables.subprojects import SUBPROJECT_TYPES
from qgis import processing
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsProject,
    QgsRenderContext,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

DATA = Path(__file__).resolve().parents[1] / "resources" / "data"
STYLE_DIR = Path(__file__).resolve().parents[1] / "resources" / "styles"


def csv_rows(name):
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def qml_categories(name) -> dict:
    """value → label of the categories in a .qml file (value "" is QGIS's "all other values")."""
    root = ET.parse(STYLE_DIR / f"{name}.qml").getroot()
    return {c.get("value"): c.get("label") for c in root.iter("category")}


def test_every_style_file_exists_and_matches_its_table():
    assert {p.stem for p in STYLE_DIR.glob("*.qml")} == set(styles.STYLES)


@pytest.mark.parametrize("name, values", [
    ("dltb", [row["code"] for row in csv_rows("landuse_codes_sandiao.csv")]),
    ("blocks", ["千亩方", "五百亩方", "百亩方"]),
    ("compliance_parcels", list(compliance.RULES)),  # the constraint rules are compliance rules too
    ("potential", list(potential.TYPES)),
    ("new_cultivated", ["construction", "restorable", "garden_forest_grass", "pond", "unused", "other_agricultural"]),
    ("linkage", ["reclaimed", "new_build"]),
    ("zxm", list(SUBPROJECT_TYPES)),
])
def test_each_known_value_has_its_own_category(name, values):
    """No known value is left to "all other values" (the category with an empty value)."""
    categories = qml_categories(name)
    missing = [v for v in values if v not in categories]
    assert not missing
    assert len(values) == len(set(values))


def test_landuse_style_uses_the_sandiao_colours():
    """Each code's fill is its row of landuse_colours_sandiao.csv (0101 水田 248,208,114)."""
    root = ET.parse(STYLE_DIR / "dltb.qml").getroot()
    symbols = {s.get("name"): s for s in root.iter("symbol")}
    fills = {}
    for category in root.iter("category"):
        layer = symbols[category.get("symbol")].find("layer")
        colour = next(o.get("value") for o in layer.iter("Option") if o.get("name") == "color")
        fills[category.get("value")] = tuple(int(x) for x in colour.split(",")[:3])
    for row in csv_rows("landuse_colours_sandiao.csv"):
        assert fills[row["code"]] == (int(row["r"]), int(row["g"]), int(row["b"])), row["code"]
    assert fills["0101"] == (248, 208, 114)


@pytest.mark.parametrize("value, base", [("0201K", "0201"), ("1104A", "1104"), ("08H2A", "08H2"), ("0101", "0101"),
                                         (101, "0101"), ("09", "09"), (" 1107a ", "1107")])
def test_suffixed_and_numeric_codes_fold_to_their_base(qgis_app, value, base):
    expression = QgsExpression(styles.BASE_CODE_EXPRESSION)
    context = QgsExpressionContext()
    scope = QgsExpressionContextUtils.globalScope()
    context.appendScope(scope)
    layer = QgsVectorLayer("Polygon?crs=EPSG:4528&field=DLBM:string", "t", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes([str(value)])
    context.setFeature(feature)
    assert expression.evaluate(context) == base


def _fill(layer, code, field="DLBM"):
    renderer = layer.renderer()
    feature = QgsFeature(layer.fields())
    feature.setAttributes([None] * layer.fields().count())
    feature[field] = code
    context = QgsRenderContext()
    # As QGIS's renderer loop does: the classification expression reads the feature from the context.
    context.expressionContext().appendScope(QgsExpressionContextUtils.layerScope(layer))
    context.expressionContext().setFeature(feature)
    renderer.startRender(context, layer.fields())
    try:
        symbol = renderer.symbolForFeature(feature, context)
        return symbol.color().getRgb()[:3]
    finally:
        renderer.stopRender(context)


def test_apply_dltb_style_to_a_layer_with_another_code_field(qgis_app):
    """A layer whose code field is GHDLBM: 0201K draws as 0201 果园 (214,167,201), 9999 in the grey of 未知地类."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:4528&field=GHDLBM:string&field=BSM:string", "t", "memory")
    applied = styles.apply_style(layer, "dltb", key_field="GHDLBM")
    assert applied.key_field == "GHDLBM"
    assert '"GHDLBM"' in layer.renderer().classAttribute()
    assert _fill(layer, "0201K", "GHDLBM") == (214, 167, 201)
    assert _fill(layer, "0101", "GHDLBM") == (248, 208, 114)
    assert _fill(layer, "9999", "GHDLBM") == (217, 217, 217)
    settings = layer.labeling().settings()
    assert settings.scaleVisibility and settings.minimumScale == 5000
    assert '"GHDLBM"' in settings.fieldName


def test_values_outside_a_table_get_their_own_grey_category(qgis_app):
    """A sub-project type the table lacks (其他工程) is listed under its own name, not hidden."""
    layer = memory_layer("ZXM", [{"XMLX": "其他工程", "wkt": rect(0, 0, 10, 10)},
                                 {"XMLX": "农用地整理", "wkt": rect(10, 0, 20, 10)}],
                         fields=[("XMLX", QVariant.Type.String)])
    applied = styles.apply_style(layer, "zxm")
    assert applied.added == ["其他工程"]
    labels = [c.label() for c in layer.renderer().categories()]
    assert "其他工程" in labels and "农用地整理" in labels


def test_overlays_have_no_solid_fill(qgis_app):
    """项目区, 生态保护红线, 城镇开发边界 and 永农 leave the land use underneath visible: no brush, or hatch lines."""
    for name in ("xmq", "stbhhx", "czkfbj", "yjjbnttb", "yjjbnttb_gh", "villages"):
        layer = QgsVectorLayer("Polygon?crs=EPSG:4528&field=BSM:string&field=ZLDWMC:string", name, "memory")
        styles.apply_style(layer, name)
        assert isinstance(layer.renderer(), QgsSingleSymbolRenderer)
        symbol = layer.renderer().symbol()
        for i in range(symbol.symbolLayerCount()):
            symbol_layer = symbol.symbolLayer(i)
            if symbol_layer.layerType() == "SimpleFill":
                assert symbol_layer.brushStyle() == 0, name  # Qt.BrushStyle.NoBrush
            else:
                assert symbol_layer.layerType() == "LinePatternFill", name


def test_fade_lightens_towards_white(qgis_app):
    """Faded by 0.6, 0101 (248,208,114) becomes (248+7×0.6, 208+47×0.6, 114+141×0.6) = (252, 236, 198)."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:4528&field=DLBM:string", "t", "memory")
    styles.apply_style(layer, "dltb", fade=0.6)
    assert _fill(layer, "0101") == (252, 236, 198)
    assert not layer.labelsEnabled()


def test_algorithm_output_is_styled_when_loaded(provider):
    """contiguity's block layer, loaded by Processing, is categorised by SIZE_CLASS with the area labels."""
    dltb = memory_layer("DLTB", status_rows())
    project = QgsProject.instance()
    before = set(project.mapLayers())
    try:
        processing.runAndLoadResults("landconsolidation:contiguity", {"INPUT": dltb, "OUTPUT": "TEMPORARY_OUTPUT"})
        added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
        assert len(added) == 1
        renderer = added[0].renderer()
        assert isinstance(renderer, QgsCategorizedSymbolRenderer)
        assert renderer.classAttribute() == "SIZE_CLASS"
        assert added[0].labelsEnabled()
    finally:
        project.removeMapLayers(list(set(project.mapLayers()) - before))


def test_output_not_loaded_gets_no_post_processor(provider):
    """processing.run (nothing loaded): the run's results are untouched by the styling hook."""
    result = processing.run("landconsolidation:contiguity", {"INPUT": memory_layer("DLTB", status_rows()),
                                                              "OUTPUT": "memory:"})
    assert result["BLOCK_COUNT"] >= 1


def test_project_layers_are_styled(provider, tmp_path):
    """load_project_layers: DLTB categorised in the 三调 colours, the boundary an outline."""
    from land_consolidation.dialogs.project_layers import load_project_layers

    out = tmp_path / "p.gpkg"
    processing.run("landconsolidation:createproject", {
        "DLTB": memory_layer("DLTB", status_rows()), "PROJECT_AREA": memory_layer("XMQ", [{"wkt": rect(0, 0, 400, 106)}],
                                                                                 fields=[]),
        "NAME": "样式", "START_YEAR": 2026, "END_YEAR": 2027, "OUTPUT": str(out)})
    project = QgsProject()
    layers = load_project_layers(out, project)
    assert isinstance(layers["DLTB"].renderer(), QgsCategorizedSymbolRenderer)
    assert _fill(layers["DLTB"], "0201K") == (214, 167, 201)
    boundary = layers["XMQ"].renderer().symbol()
    assert boundary.symbolLayer(boundary.symbolLayerCount() - 1).brushStyle() == 0
