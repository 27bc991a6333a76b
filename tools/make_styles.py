"""Write resources/styles/*.qml from the style tables of core/maps/styles.py.

Usage::

    .venv/bin/python tools/make_styles.py          # rewrite every .qml
    .venv/bin/python tools/make_styles.py --check  # exit 1 when a file differs from what the tables give

Each style is built as a QGIS renderer (categorised or single symbol) with
its labels on a memory layer holding the fields it reads, then saved with
``saveNamedStyle``, with the QGIS version pinned to 3.22.0 so the files only
change when a table does.  The generated files are committed: the plugin
loads them at run time and users can load them by hand.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

# Qt writes XML attributes in hash order; a fixed seed gives the same file on every run.
os.environ["QT_HASH_SEED"] = "0"

from _bootstrap import start_qgis  # noqa: E402

#: The version written into the files: the plugin's minimum QGIS.
QML_VERSION = "3.22.0-Białowieża"


def _colour(text: str):
    from qgis.PyQt.QtGui import QColor

    colour = QColor(text[:7])
    if len(text) == 9:
        colour.setAlpha(int(text[7:9], 16))
    return colour


def symbol_for(look):
    """A QgsFillSymbol drawing a :class:`~core.maps.styles.Look`."""
    from qgis.core import (
        QgsFillSymbol,
        QgsLinePatternFillSymbolLayer,
        QgsLineSymbol,
        QgsSimpleFillSymbolLayer,
        QgsSimpleLineSymbolLayer,
        QgsUnitTypes,
    )
    from qgis.PyQt.QtCore import Qt

    pen_styles = {"solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine, "dot": Qt.PenStyle.DotLine,
                  "dash dot": Qt.PenStyle.DashDotLine}
    layers = []
    if look.halo is not None:
        halo = QgsSimpleFillSymbolLayer()
        halo.setBrushStyle(Qt.BrushStyle.NoBrush)
        halo.setStrokeColor(_colour(look.halo[0]))
        halo.setStrokeWidth(look.halo[1])
        halo.setPenJoinStyle(Qt.PenJoinStyle.RoundJoin)
        layers.append(halo)
    base = QgsSimpleFillSymbolLayer()
    if look.fill:
        base.setFillColor(_colour(look.fill))
    else:
        base.setBrushStyle(Qt.BrushStyle.NoBrush)
    if look.outline and look.hatch is None:
        base.setStrokeColor(_colour(look.outline))
        base.setStrokeWidth(look.outline_width)
        base.setStrokeStyle(pen_styles[look.outline_style])
    else:
        base.setStrokeStyle(Qt.PenStyle.NoPen)
    base.setPenJoinStyle(Qt.PenJoinStyle.MiterJoin)
    layers.append(base)
    if look.hatch is not None:
        hatch = QgsLinePatternFillSymbolLayer()
        hatch.setLineAngle(look.hatch.angle)
        hatch.setDistance(look.hatch.spacing)
        hatch.setDistanceUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
        line = QgsLineSymbol()
        line.deleteSymbolLayer(0)
        line.appendSymbolLayer(QgsSimpleLineSymbolLayer(_colour(look.hatch.colour), look.hatch.width))
        hatch.setSubSymbol(line)
        layers.append(hatch)
        if look.outline:
            # The outline is drawn over the hatch, as its own layer, so the lines end on it.
            outline = QgsSimpleFillSymbolLayer()
            outline.setBrushStyle(Qt.BrushStyle.NoBrush)
            outline.setStrokeColor(_colour(look.outline))
            outline.setStrokeWidth(look.outline_width)
            outline.setStrokeStyle(pen_styles[look.outline_style])
            layers.append(outline)
    symbol = QgsFillSymbol()
    symbol.deleteSymbolLayer(0)
    for symbol_layer in layers:
        # appendSymbolLayer takes ownership; QgsFillSymbol(list) would leave the layers to Python's collector.
        symbol.appendSymbolLayer(symbol_layer)
    return symbol


def labeling_for(labels):
    """QgsVectorLayerSimpleLabeling of a :class:`~core.maps.styles.Labels`."""
    from land_consolidation.core.maps.styles import FONT_FAMILY
    from qgis.core import (
        QgsPalLayerSettings,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor, QFont

    settings = QgsPalLayerSettings()
    settings.fieldName = labels.expression
    settings.isExpression = True
    text = QgsTextFormat()
    font = QFont(FONT_FAMILY)
    font.setBold(labels.bold)
    text.setFont(font)
    text.setSize(labels.size)
    text.setColor(QColor(labels.colour))
    if labels.buffer > 0:
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setSize(labels.buffer)
        buffer.setColor(QColor("#ffffff"))
        text.setBuffer(buffer)
    settings.setFormat(text)
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    settings.centroidInside = True
    if labels.max_scale is not None:
        settings.scaleVisibility = True
        settings.minimumScale = labels.max_scale
        settings.maximumScale = 0.0
    return QgsVectorLayerSimpleLabeling(settings)


def layer_for(spec):
    """A memory layer with the fields the style reads, styled by the spec."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsRendererCategory,
        QgsSingleSymbolRenderer,
        QgsVectorLayer,
    )

    fields = sorted(set(re.findall(r'"([A-Z_]+)"', (spec.classification or "") + (spec.labels.expression
                                                                                   if spec.labels else ""))))
    uri = "MultiPolygon?crs=EPSG:4528" + "".join(f"&field={name}:string" for name in fields)
    layer = QgsVectorLayer(uri, spec.title, "memory")
    if spec.categories:
        categories = [QgsRendererCategory(c.value, symbol_for(c.look), c.label) for c in spec.categories]
        if spec.other is not None:
            # A category without a value is QGIS's "all other values".
            categories.append(QgsRendererCategory(None, symbol_for(spec.other.look), spec.other.label))
        renderer = QgsCategorizedSymbolRenderer(spec.classification, categories)
    else:
        renderer = QgsSingleSymbolRenderer(symbol_for(spec.single))
    layer.setRenderer(renderer)
    if spec.labels is not None:
        layer.setLabeling(labeling_for(spec.labels))
        layer.setLabelsEnabled(True)
    return layer


def qml_text(spec) -> str:
    """The .qml text of a style, its QGIS version pinned (so it only changes with the tables)."""
    from qgis.core import QgsMapLayer

    layer = layer_for(spec)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "style.qml"
        categories = QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling
        message, ok = layer.saveNamedStyle(str(path), categories)
        if not ok:
            raise SystemExit(f"{spec.name}: {message}")
        text = path.read_text(encoding="utf-8")
    # QGIS upgrades a style written by an older version on load; the oldest version the plugin supports
    # is what the file claims, whichever patch release wrote it.
    return re.sub(r' version="[^"]*"', f' version="{QML_VERSION}"', text, count=1)


def main(argv=None) -> int:
    """Write (or check) every style file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report files that differ")
    args = parser.parse_args(argv)
    start_qgis()
    from land_consolidation.core.maps.styles import STYLE_DIR, STYLES

    STYLE_DIR.mkdir(parents=True, exist_ok=True)
    stale = []
    for spec in STYLES.values():
        text = qml_text(spec)
        current = spec.path.read_text(encoding="utf-8") if spec.path.exists() else None
        if current != text:
            stale.append(spec.path.name)
            if not args.check:
                spec.path.write_text(text, encoding="utf-8")
    action = "differ" if args.check else "written"
    print(f"{len(STYLES)} styles; {len(stale)} {action}: {', '.join(stale) or '-'}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
