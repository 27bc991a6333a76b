"""Loading a project GeoPackage's layers into the map, styled."""
from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer

from ..core import project
from ..core.keys import AFTER, SURVEY
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
    surveys = [name for name in settings.get("surveys") or [] if name in settings["_layers"]]
    # The later surveys go just above the current DLTB, the latest first (hidden, like the plan).
    order = list(ORDER[:-1]) + surveys[::-1] + [ORDER[-1]]
    for name in order:
        if name not in settings["_layers"]:
            continue
        title = TITLES.get(name) or (f"地类图斑（{name[5:]}年度变更调查）" if name.startswith("DLTB_") else name)
        layer = QgsVectorLayer(project.layer_uri(path, name), title, "ogr")
        if not layer.isValid():
            continue
        styling.style_project_layer(layer, name, settings.get("field_mapping") or None)
        if name == "DLTB_GH":
            layer.setCustomProperty("land_consolidation/role", AFTER)
        if name in surveys:
            layer.setCustomProperty("land_consolidation/role", SURVEY)
        qgs.addMapLayer(layer, False)
        group.addLayer(layer)
        layers[name] = layer
    for name in ["DLTB_GH"] + surveys:
        if name in layers:
            group.findLayer(layers[name].id()).setItemVisibilityChecked(False)
    return layers
