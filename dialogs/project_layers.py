"""Loading a project GeoPackage's layers into the map, styled."""
from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer

from ..core import project
from ..core.keys import AFTER
from . import styling

#: Draw order, top first.
ORDER = ("XMQ", "ZXM", "STBHHX", "CZKFBJ", "YJJBNTTB_GH", "YJJBNTTB", "DLTB_GH", "DLTB")
TITLES = {
    "XMQ": "项目区",
    "DLTB": "地类图斑（现状）",
    "DLTB_GH": "地类图斑（规划）",
    "YJJBNTTB": "永久基本农田（整治前）",
    "YJJBNTTB_GH": "永久基本农田（整治后）",
    "ZXM": "子项目",
    "STBHHX": "生态保护红线",
    "CZKFBJ": "城镇开发边界",
}


def load_project_layers(path, project_instance: QgsProject | None = None) -> dict:
    """Add the project's layers to the map in a group named after the project.

    Returns:
        GeoPackage layer name → QgsVectorLayer.
    """
    qgs = project_instance or QgsProject.instance()
    settings = project.read_settings(path)
    group = qgs.layerTreeRoot().insertGroup(0, settings.get("name") or "全域综合整治项目")
    layers = {}
    for name in ORDER:
        if name not in settings["_layers"]:
            continue
        layer = QgsVectorLayer(project.layer_uri(path, name), TITLES.get(name, name), "ogr")
        if not layer.isValid():
            continue
        styling.style_project_layer(layer, name, settings.get("field_mapping") or None)
        if name == "DLTB_GH":
            layer.setCustomProperty("land_consolidation/role", AFTER)
        qgs.addMapLayer(layer, False)
        group.addLayer(layer)
        layers[name] = layer
    if "DLTB_GH" in layers:
        group.findLayer(layers["DLTB_GH"].id()).setItemVisibilityChecked(False)
    return layers
