"""数据质检: the checks a 三调 DLTB should pass before any indicator is computed from it.

Every check names the parcel (BSM; the feature id where BSM is empty) and
says what is wrong in a surveyor's words.  A clean parcel gives no finding.
The checks (``CHECK`` keys, Chinese names in :data:`CHECKS`):

* **Areas** – ``area_consistency``: |TBMJ − KCMJ − TBDLMJ| > 0.01 m²
  (docs/DOMAIN.md §4); ``area_mismatch``: TBMJ differs from the parcel's
  三调 ellipsoidal area by more than max(1 m², 0.1 %) (both settable);
  implausible values – ``area_negative`` (TBMJ, KCMJ or TBDLMJ < 0),
  ``area_zero`` (TBMJ 0 on a polygon of real size), ``kcmj_exceeds`` (KCMJ >
  TBMJ), ``kcxs_range`` (KCXS outside [0, 1)), ``gddb_range`` (GDDB outside
  1–15), ``value_not_finite`` (NaN, inf), ``value_not_number`` (text in a
  number field);
* **田坎** – ``tiankan_on_non_cultivated``: KCXS/KCMJ (or KCDLBM) filled on a
  parcel that is not 耕地 (田坎 is deducted only from 耕地);
* **Codes** – ``code_empty``, ``code_unknown`` (not in the 三调 table);
* **城镇村属性码** – ``czcsxm_invalid`` (not 201/202/203/204/205, ``A`` suffix
  allowed); ``czcsxm_missing``: 0701 城镇住宅用地 and 0702 农村宅基地 lie in a
  城镇村 and must carry one (0701: 201/202; 0702: 201/202/203), 0602 采矿用地
  and 0603 盐田 must carry 204; ``czcsxm_wrong``: they carry another;
* **Geometry** – ``geometry_null``, ``geometry_empty``, ``geometry_invalid``
  (with GEOS's reason and location), ``overlap`` (two parcels whose
  interiors overlap by at least 0.01 m²; the overlap area is given),
  ``duplicate_geometry`` (the same polygon twice);
* **Identity** – ``bsm_duplicate`` (the same BSM on several parcels);
* **Text** – ``encoding``: values of a text field that show a decoding went
  wrong (replacement characters), one finding per field.

``AREA_M2`` of a finding is the area it concerns: the overlap for
``overlap``, else the parcel's TBMJ (its ellipsoidal area where TBMJ is
unusable); empty for layer-level findings.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

from ..i18n import tr_noop
from . import codes as codes_mod
from . import ellipsoid
from .encoding import garbled
from .errors import check_canceled
from .fields import detect_fields
from .validity import parcel_label
from .values import is_null, to_text

#: Check key → Chinese name, in report order.
CHECKS: dict[str, str] = {
    "geometry_null": "几何为空（NULL）",
    "geometry_empty": "几何为空",
    "geometry_invalid": "几何无效",
    "duplicate_geometry": "图斑重复（几何相同）",
    "overlap": "图斑相互重叠",
    "bsm_duplicate": "标识码 BSM 重复",
    "code_empty": "地类编码为空",
    "code_unknown": "地类编码不在三调地类表中",
    "value_not_number": "数值字段为非数字文本",
    "value_not_finite": "数值为 NaN 或无穷大",
    "area_negative": "面积为负",
    "area_zero": "图斑面积为 0",
    "kcmj_exceeds": "扣除地类面积大于图斑面积",
    "area_consistency": "TBDLMJ ≠ TBMJ − KCMJ",
    "area_mismatch": "TBMJ 与椭球面积不符",
    "kcxs_range": "扣除地类系数超出 [0, 1)",
    "gddb_range": "耕地等别超出 1–15",
    "tiankan_on_non_cultivated": "非耕地图斑填有田坎扣除",
    "czcsxm_invalid": "城镇村属性码无效",
    "czcsxm_missing": "缺少城镇村属性码",
    "czcsxm_wrong": "城镇村属性码与地类不符",
    "encoding": "文字编码异常",
}
#: Check key → its name in the interface (logs): English source, :func:`i18n.tr` gives the Chinese.
CHECK_LABELS: dict[str, str] = {
    "geometry_null": tr_noop("Geometry is NULL"),
    "geometry_empty": tr_noop("Geometry is empty"),
    "geometry_invalid": tr_noop("Invalid geometry"),
    "duplicate_geometry": tr_noop("Parcel recorded twice (same geometry)"),
    "overlap": tr_noop("Parcels overlap"),
    "bsm_duplicate": tr_noop("Duplicate BSM"),
    "code_empty": tr_noop("Empty land-use code"),
    "code_unknown": tr_noop("Land-use code not in the land-survey code table"),
    "value_not_number": tr_noop("Text in a number field"),
    "value_not_finite": tr_noop("Number is NaN or infinite"),
    "area_negative": tr_noop("Negative area"),
    "area_zero": tr_noop("Parcel area is 0"),
    "kcmj_exceeds": tr_noop("KCMJ larger than TBMJ"),
    "area_consistency": tr_noop("TBDLMJ ≠ TBMJ − KCMJ"),
    "area_mismatch": tr_noop("TBMJ differs from the ellipsoidal area"),
    "kcxs_range": tr_noop("KCXS outside [0, 1)"),
    "gddb_range": tr_noop("GDDB outside 1–15"),
    "tiankan_on_non_cultivated": tr_noop("Field ridges deducted from land that is not cultivated"),
    "czcsxm_invalid": tr_noop("Invalid CZCSXM"),
    "czcsxm_missing": tr_noop("CZCSXM missing"),
    "czcsxm_wrong": tr_noop("CZCSXM does not fit the land-use code"),
    "encoding": tr_noop("Garbled text (wrong encoding)"),
}
#: Allowed CZCSXM values.
CZCSXM_VALUES = ("201", "201A", "202", "202A", "203", "203A", "204", "204A", "205", "205A")
#: Codes that must carry a CZCSXM, and which.
CZCSXM_REQUIRED = {
    "0701": ("201", "201A", "202", "202A"),
    "0702": ("201", "201A", "202", "202A", "203", "203A"),
    "0602": ("204", "204A"),
    "0603": ("204", "204A"),
}
#: |TBMJ − KCMJ − TBDLMJ| allowed (m², docs/DOMAIN.md §4).
CONSISTENCY_M2 = 0.01
#: Default TBMJ vs ellipsoidal area tolerance: max(1 m², 0.1 %).
AREA_TOLERANCE_M2 = 1.0
AREA_TOLERANCE_PCT = 0.1
#: Overlaps smaller than this (m²) are coordinate noise, not overlapping parcels.
MIN_OVERLAP_M2 = 0.01
#: A polygon smaller than this (m²) is not "of real size" for the zero-TBMJ check.
REAL_SIZE_M2 = 1.0

NUMBER_ROLES = ("tbmj", "kcmj", "tbdlmj", "kcxs", "gddb")
FINDING_COLUMNS = ["BSM", "FID", "CHECK", "CHECK_NAME", "MESSAGE", "AREA_M2"]


@dataclass
class CheckResult:
    """Findings of :func:`check_layer`.

    Attributes:
        findings: One row per finding (:data:`FINDING_COLUMNS`).
        geometries: fid → geometry of each parcel with a finding (None for null).
        parcels: Number of parcels checked.
        notes: Lines for the log.
    """

    findings: pd.DataFrame
    geometries: dict
    parcels: int
    notes: list = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Findings per check key (only checks with findings)."""
        return self.findings["CHECK"].value_counts().to_dict() if len(self.findings) else {}


class _Findings:
    def __init__(self):
        self.rows: list[dict] = []

    def add(self, label, fid, check, message, area=None):
        self.rows.append({"BSM": label, "FID": fid, "CHECK": check, "CHECK_NAME": CHECKS[check],
                          "MESSAGE": message, "AREA_M2": None if area is None or not math.isfinite(area)
                          else round(float(area), 2)})


def check_layer(
    source,
    *,
    overrides: dict | None = None,
    area_tolerance_m2: float = AREA_TOLERANCE_M2,
    area_tolerance_pct: float = AREA_TOLERANCE_PCT,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> CheckResult:
    """Run every check on a DLTB layer or feature source.

    Args:
        source: The DLTB (QgsVectorLayer or QgsFeatureSource), projected
            CGCS2000 Gauss-Krüger for the area checks.
        overrides: role → field name chosen by the user.
        area_tolerance_m2: Absolute part of the TBMJ tolerance.
        area_tolerance_pct: Relative part (%, of the ellipsoidal area).
        progress: Called with a percentage.
        is_canceled: Returns True when the user cancelled.
    """
    from qgis.core import Qgis, QgsFeatureRequest, QgsGeometry, QgsWkbTypes

    from .dltb import features, gauss_kruger_for

    fields = source.fields()
    found = detect_fields([f.name() for f in fields], overrides)
    index = {role: fields.lookupField(name) for role, name in found.items() if name}
    text_fields = [(f.name(), i) for i, f in enumerate(fields) if f.typeName().lower() in ("string", "text")
                   or f.type() == 10]
    total = max(source.featureCount(), 1)
    out = _Findings()
    rows, geometries = [], {}
    garbled_values: dict[str, int] = {}
    for n, feature in enumerate(features(source, QgsFeatureRequest())):
        if n % 2000 == 0:
            check_canceled(is_canceled)
            if progress is not None:
                progress(40.0 * n / total)
        attrs = feature.attributes()
        bsm = to_text(attrs[index["bsm"]]) if "bsm" in index else ""
        geom = feature.geometry()
        # The findings table is a Chinese inspection report whatever the locale: its own word for a feature.
        rows.append({"fid": feature.id(), "bsm": bsm, "label": parcel_label(bsm, feature.id(), "要素 {fid}"),
                     **{role: attrs[i] for role, i in index.items()}})
        geometries[feature.id()] = None if geom is None or geom.isNull() else QgsGeometry(geom)
        for name, i in text_fields:
            value = attrs[i]
            if isinstance(value, str) and garbled(value):
                garbled_values[name] = garbled_values.get(name, 0) + 1
    frame = pd.DataFrame(rows)
    if frame.empty:
        return CheckResult(pd.DataFrame(columns=FINDING_COLUMNS), {}, 0)
    gk = gauss_kruger_for(source)

    # Geometry: null, empty, invalid; ellipsoidal areas of the usable ones.
    usable: dict[int, object] = {}
    for rec in frame.itertuples(index=False):
        geom = geometries[rec.fid]
        if geom is None:
            out.add(rec.label, rec.fid, "geometry_null", "图斑没有几何（NULL），不参与任何面积与叠加计算。")
        elif geom.isEmpty() or geom.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
            out.add(rec.label, rec.fid, "geometry_empty", "图斑几何为空或不是面。")
        elif not geom.isGeosValid():
            errors = geom.validateGeometry(Qgis.GeometryValidationEngine.Geos)
            reason = "；".join(e.what() + (f"（{e.where().x():.3f}, {e.where().y():.3f}）" if e.hasWhere() else "")
                              for e in errors[:3])
            out.add(rec.label, rec.fid, "geometry_invalid", f"几何无效：{reason or 'GEOS 校验未通过'}。")
        else:
            usable[rec.fid] = geom
    ids = list(usable)
    areas = dict(zip(ids, ellipsoid.geometry_areas(gk, [usable[i] for i in ids]))) if ids else {}
    if progress is not None:
        progress(50.0)
    _check_values(frame, areas, out, area_tolerance_m2, area_tolerance_pct)
    _check_codes(frame, out)
    _check_identity(frame, usable, areas, out, is_canceled)
    _check_overlaps(frame, usable, gk, out, is_canceled)
    for name, count in garbled_values.items():
        out.add("", None, "encoding",
                f"字段 {name} 有 {count} 个值含乱码（替换字符）：文字编码读错了；请检查 .cpg 或图层编码设置。")
    if progress is not None:
        progress(100.0)
    findings = pd.DataFrame(out.rows, columns=FINDING_COLUMNS)
    order = {key: i for i, key in enumerate(CHECKS)}
    findings = findings.sort_values(by=["CHECK", "BSM"], key=lambda s: s.map(order) if s.name == "CHECK" else s,
                                    kind="stable").reset_index(drop=True)
    flagged = {fid: geometries.get(fid) for fid in findings["FID"].dropna().astype(int)}
    return CheckResult(findings, flagged, len(frame))


def _number(value):
    """(float or NaN, problem) of a raw field value: problem is 'text' or None."""
    if is_null(value):
        return float("nan"), None
    try:
        return float(value if not isinstance(value, str) else value.strip()), None
    except (TypeError, ValueError):
        return float("nan"), "text"


def _check_values(frame, areas, out, tolerance_m2, tolerance_pct):
    names = {"tbmj": "TBMJ", "kcmj": "KCMJ", "tbdlmj": "TBDLMJ", "kcxs": "KCXS", "gddb": "GDDB"}
    table = codes_mod.default_table()
    for rec in frame.to_dict("records"):
        label, fid = rec["label"], rec["fid"]
        numbers = {}
        for role in NUMBER_ROLES:
            if role not in rec:
                continue
            value, problem = _number(rec[role])
            if problem == "text":
                out.add(label, fid, "value_not_number", f"{names[role]} 的值“{rec[role]}”不是数字。")
            elif math.isinf(value) or (not is_null(rec[role]) and math.isnan(value)):
                out.add(label, fid, "value_not_finite", f"{names[role]} 的值为 {rec[role]}（非有限数）。")
                value = float("nan")
            numbers[role] = value
        tbmj, kcmj, tbdlmj = (numbers.get(r, float("nan")) for r in ("tbmj", "kcmj", "tbdlmj"))
        ellipsoidal = areas.get(fid)
        shown = tbmj if math.isfinite(tbmj) else ellipsoidal
        negative = [names[r] for r in ("tbmj", "kcmj", "tbdlmj") if numbers.get(r, 0.0) < 0]
        if negative:
            out.add(label, fid, "area_negative", f"{'、'.join(negative)} 为负值。", shown)
        if tbmj == 0 and ellipsoidal is not None and ellipsoidal >= REAL_SIZE_M2:
            out.add(label, fid, "area_zero", f"TBMJ 为 0，而图斑椭球面积为 {ellipsoidal:.2f} m²。", ellipsoidal)
        if math.isfinite(kcmj) and math.isfinite(tbmj) and kcmj > tbmj + CONSISTENCY_M2:
            out.add(label, fid, "kcmj_exceeds", f"KCMJ {kcmj:.2f} m² 大于 TBMJ {tbmj:.2f} m²。", tbmj)
        if all(math.isfinite(v) for v in (tbmj, tbdlmj)):
            gap = tbmj - (kcmj if math.isfinite(kcmj) else 0.0) - tbdlmj
            if abs(gap) > CONSISTENCY_M2 + 1e-9:
                out.add(label, fid, "area_consistency",
                        f"TBMJ − KCMJ − TBDLMJ = {gap:.2f} m²（应为 0，容差 {CONSISTENCY_M2} m²）。", tbmj)
        if math.isfinite(tbmj) and tbmj > 0 and ellipsoidal is not None:
            allowed = max(tolerance_m2, ellipsoidal * tolerance_pct / 100.0)
            if abs(tbmj - ellipsoidal) > allowed:
                out.add(label, fid, "area_mismatch",
                        f"TBMJ {tbmj:.2f} m² 与椭球面积 {ellipsoidal:.2f} m² 相差 {tbmj - ellipsoidal:.2f} m²"
                        f"（容差 {allowed:.2f} m²）。", tbmj)
        kcxs = numbers.get("kcxs", float("nan"))
        if math.isfinite(kcxs) and not 0.0 <= kcxs < 1.0:
            out.add(label, fid, "kcxs_range", f"KCXS 为 {kcxs:g}，应在 [0, 1) 之间。", shown)
        gddb = numbers.get("gddb", float("nan"))
        if math.isfinite(gddb) and not (1 <= gddb <= 15 and float(gddb).is_integer()):
            out.add(label, fid, "gddb_range", f"GDDB 为 {gddb:g}，耕地等别应为 1–15 的整数。", shown)
        entry = table.lookup(rec.get("code"))
        deducts = (math.isfinite(kcxs) and kcxs > 0) or (math.isfinite(kcmj) and kcmj > 0)
        if deducts and entry.known and not entry.is_cultivated:
            out.add(label, fid, "tiankan_on_non_cultivated",
                    f"{entry.code} {entry.name} 不是耕地，却填有田坎扣除（KCXS {kcxs:g}，KCMJ {kcmj:g}）；"
                    f"田坎只从耕地中扣除。", shown)


def _check_codes(frame, out):
    table = codes_mod.default_table()
    for rec in frame.to_dict("records"):
        label, fid = rec["label"], rec["fid"]
        if "code" not in rec:
            continue
        code = codes_mod.normalise(rec["code"])
        if not code:
            out.add(label, fid, "code_empty", "地类编码 DLBM 为空。")
            continue
        entry = table.lookup(code)
        if not entry.known:
            out.add(label, fid, "code_unknown", f"地类编码“{code}”不在三调地类表中。")
            continue
        czcsxm = to_text(rec.get("czcsxm")).upper() if "czcsxm" in rec else None
        if czcsxm is None:
            continue
        if czcsxm and czcsxm not in CZCSXM_VALUES:
            out.add(label, fid, "czcsxm_invalid", f"城镇村属性码“{czcsxm}”无效（应为 201–205，可带 A）。")
            continue
        required = CZCSXM_REQUIRED.get(entry.base)
        if required is None:
            continue
        if not czcsxm:
            out.add(label, fid, "czcsxm_missing",
                    f"{entry.code} {entry.name} 应有城镇村属性码（{'/'.join(sorted({r[:3] for r in required}))}），却为空。")
        elif czcsxm not in required:
            out.add(label, fid, "czcsxm_wrong",
                    f"{entry.code} {entry.name} 的城镇村属性码为 {czcsxm}，应为 {'/'.join(sorted({r[:3] for r in required}))}。")


def _check_identity(frame, usable, areas, out, is_canceled):
    if "bsm" in frame:
        named = frame[frame["bsm"] != ""]
        for bsm, group in named.groupby("bsm"):
            if len(group) > 1:
                for fid in group["fid"]:
                    out.add(f"BSM {bsm}", fid, "bsm_duplicate", f"标识码 {bsm} 出现在 {len(group)} 个图斑上（要素 "
                            f"{'、'.join(str(f) for f in group['fid'])}）。", areas.get(fid))
    seen: dict[bytes, int] = {}
    labels = dict(zip(frame["fid"], frame["label"]))
    for fid, geom in usable.items():
        check_canceled(is_canceled)
        key = bytes(geom.asWkb())
        if key in seen:
            first = seen[key]
            for this, other in ((fid, first), (first, fid)):
                out.add(labels[this], this, "duplicate_geometry",
                        f"与 {labels[other]} 的几何完全相同（同一图斑重复录入？），面积会被重复统计。", areas.get(this))
        else:
            seen[key] = fid


def _check_overlaps(frame, usable, gk, out, is_canceled):
    from qgis.core import QgsGeometry, QgsSpatialIndex

    labels = dict(zip(frame["fid"], frame["label"]))
    index = QgsSpatialIndex()
    fids = list(usable)
    for fid in fids:
        index.addFeature(int(fid), usable[fid].boundingBox())
    wkb = {fid: bytes(usable[fid].asWkb()) for fid in fids}
    pairs, pieces = [], []
    for k, fid in enumerate(fids):
        if k % 2000 == 0:
            check_canceled(is_canceled)
        geom = usable[fid]
        engine = None
        for other in index.intersects(geom.boundingBox()):
            if other <= fid or wkb[other] == wkb[fid]:
                continue
            if engine is None:
                engine = QgsGeometry.createGeometryEngine(geom.constGet())
                engine.prepareGeometry()
            # Interiors meeting in an area ("2" in the DE-9IM matrix), not just touching boundaries.
            if not engine.relatePattern(usable[other].constGet(), "2********"):
                continue
            piece = geom.intersection(usable[other])
            if piece.isNull() or piece.isEmpty():
                continue
            pairs.append((fid, other))
            pieces.append(piece)
    overlap = ellipsoid.geometry_areas(gk, pieces) if pieces else np.zeros(0)
    for (a, b), area in zip(pairs, overlap):
        if area < MIN_OVERLAP_M2:
            continue
        for this, other in ((a, b), (b, a)):
            out.add(labels[this], this, "overlap", f"与 {labels[other]} 重叠 {area:.2f} m²，重叠部分会被重复统计。", area)
