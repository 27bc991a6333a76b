"""Map styles for the project layers: the 三调 land-use colours and simple outlines."""
from __future__ import annotations

import csv

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ..core.codes import DATA_DIR, default_table
from ..core.fields import detect_fields

COLOURS = DATA_DIR / "landuse_colours_sandiao.csv"
#: Outline-only styles of the other project layers: layer name → (colour, width mm, fill alpha).
OUTLINES = {
    "XMQ": ("#d7191c", 0.8, 0),
    "YJJBNTTB": ("#e6a000", 0.4, 40),
    "YJJBNTTB_GH": ("#2c7bb6", 0.4, 40),
    "ZXM": ("#7b3294", 0.6, 30),
    "STBHHX": ("#1a9641", 0.6, 50),
    "CZKFBJ": ("#404040", 0.6, 0),
}


def landuse_colours() -> dict:
    """三调 code → QColor, from the shipped colour table."""
    with open(COLOURS, encoding="utf-8", newline="") as handle:
        return {row["code"]: QColor(int(row["r"]), int(row["g"]), int(row["b"])) for row in csv.DictReader(handle)}


def style_dltb(layer: QgsVectorLayer) -> bool:
    """Categorise a DLTB layer by DLBM in the 三调 colours (suffixed codes as their base)."""
    found = detect_fields(layer.fields().names())
    code_field = found.get("code")
    if not code_field:
        return False
    table = default_table()
    colours = landuse_colours()
    values = sorted({str(v) for v in layer.uniqueValues(layer.fields().lookupField(code_field)) if v is not None},
                    key=table.sort_key)
    categories = []
    for value in values:
        entry = table.lookup(value)
        colour = colours.get(entry.base, QColor("#cccccc"))
        symbol = QgsFillSymbol.createSimple({"color": colour.name(), "outline_color": "#7f7f7f",
                                             "outline_width": "0.1"})
        label = f"{entry.code} {entry.name}" if entry.known else f"{value} 未知地类"
        categories.append(QgsRendererCategory(value, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer(code_field, categories))
    layer.triggerRepaint()
    return True


def style_outline(layer: QgsVectorLayer, name: str) -> bool:
    """Outline style of a non-DLTB project layer, by its GeoPackage layer name."""
    if name not in OUTLINES:
        return False
    colour, width, alpha = OUTLINES[name]
    fill = QColor(colour)
    fill.setAlpha(alpha)
    symbol = QgsFillSymbol.createSimple({
        "color": f"{fill.red()},{fill.green()},{fill.blue()},{alpha}",
        "outline_color": colour, "outline_width": str(width), "style": "solid" if alpha else "no",
    })
    layer.renderer().setSymbol(symbol)
    layer.triggerRepaint()
    return True
