"""Small hand-built layers for tests (memory layers, values chosen on paper)."""
from __future__ import annotations

from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

#: Origin of the test rectangles: 20 km east of the CM of zone 40, ≈ 31.5°N.
X0 = 40_520_000.0
Y0 = 3_490_000.0

DLTB_FIELDS = [
    ("BSM", QVariant.String),
    ("DLBM", QVariant.String),
    ("DLMC", QVariant.String),
    ("TBMJ", QVariant.Double),
    ("KCDLBM", QVariant.String),
    ("KCXS", QVariant.Double),
    ("KCMJ", QVariant.Double),
    ("TBDLMJ", QVariant.Double),
    ("ZLDWDM", QVariant.String),
    ("ZLDWMC", QVariant.String),
    ("GDDB", QVariant.Int),
]

VILLAGE_A = "3202061010010000000"
VILLAGE_B = "3202061010020000000"


def rect(x1, y1, x2, y2, x0=X0, y0=Y0) -> str:
    """WKT of a rectangle, coordinates relative to the origin (m)."""
    a, b, c, d = x0 + x1, y0 + y1, x0 + x2, y0 + y2
    return f"POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))"


def memory_layer(name, rows, fields=DLTB_FIELDS, crs="EPSG:4528", geometry="Polygon"):
    """A memory layer with ``fields`` and one feature per row dict (``wkt`` key)."""
    layer = QgsVectorLayer(f"{geometry}?crs={crs}", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(row["wkt"]))
        feature.setAttributes([row.get(n) for n, _ in fields])
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    return layer


def parcel(bsm, code, wkt, tbmj, village, kcxs=None, gddb=None, name=""):
    """A DLTB row; KCMJ = round(TBMJ × KCXS, 2), TBDLMJ = TBMJ − KCMJ."""
    kcmj = round(tbmj * kcxs, 2) if kcxs else 0.0
    return {
        "BSM": bsm,
        "DLBM": code,
        "DLMC": name,
        "TBMJ": tbmj,
        "KCDLBM": "1203" if kcxs else None,
        "KCXS": kcxs or 0.0,
        "KCMJ": kcmj,
        "TBDLMJ": round(tbmj - kcmj, 2),
        "ZLDWDM": village,
        "ZLDWMC": {VILLAGE_A: "东村", VILLAGE_B: "西村"}[village],
        "GDDB": gddb,
        "wkt": wkt,
    }


def status_rows():
    """Eight parcels in two villages; see test_landusestatus for the paper sums."""
    return [
        parcel("1", "0101", rect(0, 0, 100, 100), 10000.0, VILLAGE_A, kcxs=0.05, gddb=5),
        parcel("2", "0102", rect(100, 0, 200, 50), 5000.0, VILLAGE_A, kcxs=0.08, gddb=6),
        parcel("3", "0702", rect(100, 50, 150, 90), 2000.0, VILLAGE_A),
        parcel("4", "0201K", rect(150, 50, 200, 100), 2500.0, VILLAGE_A),
        parcel("5", "0101", rect(200, 0, 300, 100), 10000.0, VILLAGE_B, kcxs=0.03, gddb=4),
        parcel("6", "1104A", rect(300, 0, 350, 100), 5000.0, VILLAGE_B),
        parcel("7", "1006", rect(0, 100, 350, 106), 2100.0, VILLAGE_A),
        parcel("8", "1106", rect(350, 0, 400, 40), 2000.0, VILLAGE_B),
    ]
