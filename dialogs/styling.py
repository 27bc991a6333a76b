"""Styles of the project layers loaded into the map (the .qml files of resources/styles).

The styles themselves, and how they are loaded, are in core/maps/styles.py;
the same files style the algorithms' outputs and the exported maps.
"""
from __future__ import annotations

import re

from qgis.core import QgsVectorLayer

from ..core.fields import detect_fields
from ..core.maps.styles import PROJECT_LAYER_STYLES, apply_style


def style_project_layer(layer: QgsVectorLayer, name: str, overrides: dict | None = None) -> bool:
    """Style a layer of a project GeoPackage by its layer name (DLTB in the 三调 colours, overlays as outlines).

    Args:
        layer: The loaded layer.
        name: Its GeoPackage layer name (``DLTB``, ``XMQ`` …).
        overrides: The project's DLTB field mapping (role → field), for the code field.

    Returns:
        False when the layer has no style (an unknown name, or a DLTB without a code field).
    """
    style = PROJECT_LAYER_STYLES.get(name)
    if style is None and re.fullmatch(r"(DLTB_\d{4}|BGDC_\d+)(_\d+)?", name):
        style = "dltb"  # a later survey: a DLTB like the others
    if style is None:
        return False
    key_field = None
    if style == "dltb":
        key_field = detect_fields(layer.fields().names(), overrides if name == "DLTB" else None).get("code")
        if not key_field:
            return False
    elif style == "zxm":
        from ..core.subprojects import SUBPROJECT_FIELDS

        key_field = detect_fields(layer.fields().names(), candidates=SUBPROJECT_FIELDS).get("type")
    apply_style(layer, style, key_field=key_field)
    return True
