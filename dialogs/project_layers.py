"""Loading a project GeoPackage's layers into the map, styled, in a group named after the project.

Each layer is named "<title> · <project name>" and carries the project file
and its GeoPackage layer name as custom properties
(:data:`core.guess.PROJECT_FILE_PROPERTY`, :data:`~core.guess.PROJECT_LAYER_PROPERTY`),
so that after two projects every layer list still says which is which, the
wizard recognises a loaded project's layers, opening a project that is
already loaded reuses its group, and the export dialog finds the project of
the layers in the map.
"""
from __future__ import annotations

import re
from pathlib import Path

from qgis.core import QgsCoordinateTransform, QgsLayerTreeGroup, QgsProject, QgsVectorLayer, QgsWkbTypes

from ..core import project
from ..core.guess import PROJECT_FILE_PROPERTY, PROJECT_LAYER_PROPERTY
from ..core.keys import AFTER, SURVEY
from ..i18n import tr, tr_noop
from . import styling

#: Draw order, top first.
ORDER = ("XMQ", "ZXM", "STBHHX", "CZKFBJ", "YJJBNTTB_GH", "YJJBNTTB", "DLTB_GH", "DLTB")
#: GeoPackage layer name → title in the layer tree (English source, translated when loaded).
TITLES = {
    "XMQ": tr_noop("Project area"),
    "DLTB": tr_noop("Land-use parcels (current)"),
    "DLTB_GH": tr_noop("Land-use parcels (planned)"),
    "YJJBNTTB": tr_noop("Permanent basic farmland (before)"),
    "YJJBNTTB_GH": tr_noop("Permanent basic farmland (after)"),
    "ZXM": tr_noop("Sub-projects"),
    "STBHHX": tr_noop("Ecological protection red line"),
    "CZKFBJ": tr_noop("Urban development boundary"),
}


def polygon_layers(project_instance: QgsProject | None = None) -> list:
    """The polygon layers of the map, in layer-tree order (top first): the candidates of the wizard's guesses."""
    qgs = project_instance or QgsProject.instance()
    ordered = [node.layer() for node in qgs.layerTreeRoot().findLayers() if node.layer() is not None]
    ordered += [layer for layer in qgs.mapLayers().values() if layer not in ordered]
    return [layer for layer in ordered if isinstance(layer, QgsVectorLayer)
            and layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry]


def project_key(path) -> str:
    """The project file as the layers and the group record it (absolute, resolved)."""
    return str(Path(path).expanduser().resolve())


def layer_title(name: str, project_name: str) -> str:
    """"<title> · <project>" of a project layer (the bare title without a project name)."""
    survey = re.fullmatch(r"DLTB_(\d{4})(_\d+)?", name)
    if name in TITLES:
        title = tr(TITLES[name])
    elif survey:
        title = tr("Land-use parcels ({year} change survey)").format(year=survey.group(1))
    else:
        title = name
    return tr("{layer} · {project}").format(layer=title, project=project_name) if project_name else title


def project_group(path, project_instance: QgsProject | None = None) -> QgsLayerTreeGroup | None:
    """The layer-tree group of a project file already loaded, or None."""
    qgs = project_instance or QgsProject.instance()
    key = project_key(path)
    for group in qgs.layerTreeRoot().findGroups(True):
        if group.customProperty(PROJECT_FILE_PROPERTY, "") == key:
            return group
    return None


def load_project_layers(path, project_instance: QgsProject | None = None) -> dict:
    """Add the project's layers to the map in a group named after the project (its group again when loaded).

    Returns:
        GeoPackage layer name → QgsVectorLayer.
    """
    qgs = project_instance or QgsProject.instance()
    settings = project.read_settings(path)
    name = settings.get("name") or ""
    existing = project_group(path, qgs)
    if existing is not None:
        layers = {}
        for node in existing.findLayers():
            layer = node.layer()
            gpkg_name = layer.customProperty(PROJECT_LAYER_PROPERTY, "") if layer is not None else ""
            if gpkg_name:
                layers[gpkg_name] = layer
        if layers:
            return layers
        existing.parent().removeChildNode(existing)
    group = qgs.layerTreeRoot().insertGroup(0, name or tr("Land consolidation project"))
    group.setCustomProperty(PROJECT_FILE_PROPERTY, project_key(path))
    layers = {}
    surveys = [gpkg for gpkg in settings.get("surveys") or [] if gpkg in settings["_layers"]]
    # The later surveys go just above the current DLTB, the latest first (hidden, like the plan).
    for gpkg_name in list(ORDER[:-1]) + surveys[::-1] + [ORDER[-1]]:
        if gpkg_name not in settings["_layers"]:
            continue
        layer = QgsVectorLayer(project.layer_uri(path, gpkg_name), layer_title(gpkg_name, name), "ogr")
        if not layer.isValid():
            continue
        styling.style_project_layer(layer, gpkg_name, settings.get("field_mapping") or None)
        layer.setCustomProperty(PROJECT_LAYER_PROPERTY, gpkg_name)
        layer.setCustomProperty(PROJECT_FILE_PROPERTY, project_key(path))
        if gpkg_name == "DLTB_GH":
            layer.setCustomProperty("land_consolidation/role", AFTER)
        if gpkg_name in surveys:
            layer.setCustomProperty("land_consolidation/role", SURVEY)
        qgs.addMapLayer(layer, False)
        group.addLayer(layer)
        layers[gpkg_name] = layer
    for gpkg_name in ["DLTB_GH"] + surveys:
        if gpkg_name in layers:
            group.findLayer(layers[gpkg_name].id()).setItemVisibilityChecked(False)
    return layers


def loaded_project(current_layer=None, project_instance: QgsProject | None = None) -> str:
    """The project file of the layers in the map: the current layer's, else the topmost project group's; or ""."""
    qgs = project_instance or QgsProject.instance()
    if current_layer is not None:
        value = current_layer.customProperty(PROJECT_FILE_PROPERTY, "")
        if value and Path(value).exists():
            return str(value)
    for group in qgs.layerTreeRoot().findGroups(True):
        value = group.customProperty(PROJECT_FILE_PROPERTY, "")
        if value and Path(value).exists():
            return str(value)
    return ""


def zoom_to(canvas, layer) -> bool:
    """Show ``layer`` whole on ``canvas`` (in the canvas's CRS, with a margin); False without a canvas or extent."""
    if canvas is None or layer is None or layer.extent().isEmpty():
        return False
    extent = layer.extent()
    target = canvas.mapSettings().destinationCrs()
    if target.isValid() and layer.crs().isValid() and target != layer.crs():
        extent = QgsCoordinateTransform(layer.crs(), target, QgsProject.instance()).transformBoundingBox(extent)
    canvas.setExtent(extent.buffered(max(extent.width(), extent.height()) * 0.05))
    canvas.refresh()
    return True
