"""Small hand-built layers for tests (memory layers, values chosen on paper)."""
from __future__ import annotations

from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsProcessingFeedback, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

#: Origin of the test rectangles: 20 km east of the CM of zone 40, ≈ 31.5°N.
X0 = 40_520_000.0
Y0 = 3_490_000.0

DLTB_FIELDS = [
    ("BSM", QVariant.Type.String),
    ("DLBM", QVariant.Type.String),
    ("DLMC", QVariant.Type.String),
    ("TBMJ", QVariant.Type.Double),
    ("KCDLBM", QVariant.Type.String),
    ("KCXS", QVariant.Type.Double),
    ("KCMJ", QVariant.Type.Double),
    ("TBDLMJ", QVariant.Type.Double),
    ("ZLDWDM", QVariant.Type.String),
    ("ZLDWMC", QVariant.Type.String),
    ("GDDB", QVariant.Type.Int),
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


PLAN_FIELDS = DLTB_FIELDS + [
    ("CZCSXM", QVariant.Type.String),
    ("GHDLBM", QVariant.Type.String),
    ("GHKCXS", QVariant.Type.Double),
    ("GHGDDB", QVariant.Type.Int),
]

#: The hand-built plan: (BSM, before code, rectangle, TBMJ, KCXS, GDDB, CZCSXM,
#: after code, after KCXS, after GDDB).  See tests/test_plan.py for the sums.
PLAN = [
    ("1", "0101", (0, 0, 100, 100), 10000.0, 0.05, 5, "", "0101", 0.02, 4),    # 田坎 merged, 等别 up
    ("2", "0702", (100, 0, 150, 40), 2000.0, None, None, "203", "0103", 0.05, 6),  # homestead reclaimed
    ("3", "0201K", (150, 0, 200, 60), 3000.0, None, None, "", "0102", 0.04, 5),  # restorable orchard
    ("4", "0102", (200, 0, 250, 40), 2000.0, 0.10, 7, "", "0201", None, None),  # 耕地 to orchard (出)
    ("5", "0602", (250, 0, 300, 80), 4000.0, None, None, "204", "0301", None, None),  # mine to forest
    ("6", "0404", (300, 0, 330, 50), 1500.0, None, None, "", "0702", None, None),  # grass to resettlement
    ("7", "1006", (0, 100, 300, 106), 1800.0, None, None, "", "1006", None, None),  # road unchanged
    ("8", "0103", (100, 40, 150, 100), 3000.0, 0.05, 6, "", "0103", 0.05, 6),   # unchanged 旱地
    ("9", "1104", (200, 40, 250, 100), 3000.0, None, None, "", "0101", 0.0, 5),  # pond to 水田
    ("10", "0101", (150, 60, 200, 100), 2000.0, 0.05, 4, "", "1202", None, None),  # 耕地 to 设施农用地 (出)
    ("11", "1106", (300, 50, 330, 100), 1500.0, None, None, "", "1106", None, None),  # 湿地 unchanged
    ("12", "0305", (250, 80, 300, 100), 1000.0, None, None, "", "0103", 0.0, 7),  # shrub land to 旱地
]


def plan_before_rows(plan=PLAN, village=VILLAGE_A):
    """The current DLTB of the plan, with the planned code in GHDLBM/GHKCXS/GHGDDB."""
    rows = []
    for bsm, code, box, tbmj, kcxs, gddb, czcsxm, gh, gh_kcxs, gh_gddb in plan:
        row = parcel(bsm, code, rect(*box), tbmj, village, kcxs=kcxs, gddb=gddb)
        row.update({"CZCSXM": czcsxm, "GHDLBM": gh, "GHKCXS": gh_kcxs, "GHGDDB": gh_gddb})
        rows.append(row)
    return rows


def plan_after_rows(plan=PLAN, village=VILLAGE_A, drop=()):
    """The same plan as a separate after layer whose boundaries differ.

    Parcel 1 is split into two halves (two after parcels), and the after
    parcels of 2 and 8 (both 旱地, KCXS 0.05, 等别 6) are merged into one.
    """
    by_bsm = {p[0]: p for p in plan}
    rows = []

    def after(bsm, box, tbmj, code, kcxs, gddb, czcsxm=""):
        row = parcel(bsm, code, rect(*box), tbmj, village, kcxs=kcxs, gddb=gddb)
        row["CZCSXM"] = czcsxm
        rows.append(row)

    after("G1a", (0, 0, 50, 100), 5000.0, "0101", 0.02, 4)
    after("G1b", (50, 0, 100, 100), 5000.0, "0101", 0.02, 4)
    after("G2+8", (100, 0, 150, 100), 5000.0, "0103", 0.05, 6)
    for bsm in ("3", "4", "5", "6", "7", "9", "10", "11", "12"):
        if bsm in drop:
            continue
        _, code, box, tbmj, _, _, czcsxm, gh, gh_kcxs, gh_gddb = by_bsm[bsm]
        after(f"G{bsm}", box, tbmj, gh, gh_kcxs, gh_gddb, "203" if gh == "0702" else "")
    return rows


class Log(QgsProcessingFeedback):
    """Keeps what an algorithm writes to the log (information and warnings), in order."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.lines.append(warning)

    def text(self) -> str:
        """The lines as one text."""
        return "\n".join(self.lines)
