"""永久基本农田布局调整 review (I6): what leaves and what enters the permanent farmland.

调出 (out) = the before layer minus the after layer, 调入 (in) = the after layer
minus the before layer, both as pieces of the layers' own features (a
before-feature minus every after-feature it meets, and the reverse), never
dissolved.  A piece falling apart into several polygons counts as several
parcels.  Pieces smaller than the sliver setting (default 1 m²) are the
traces of re-digitised boundaries: they are dropped and counted in the log.

Areas are the 三调 ellipsoidal areas of the pieces (:mod:`.ellipsoid`), or –
on request – the layer's own area field (YJJBNTTBMJ …) split in proportion
to the ellipsoidal area.  Per side the review gives (the provincial form
全域土地综合整治所涉永久基本农田布局调整事项审查情况汇总表):

* total area, parcel count, mean parcel area;
* area-weighted mean 等别 (GDDB of the farmland layer; where empty, of the
  DLTB 耕地 under the piece; area without any grade is left out);
* the current class of the ground (DLTB): 水田, 水浇地, 旱地, 非耕农用地,
  建设用地, 未利用地 (三调 三大类), plus what no DLTB parcel covers;
* slope from GDPDJB: grade 1–3 → ≤ 15°, 4 → (15°, 25°], 5 → > 25°
  (grades 1–3 are ≤ 2°, 2–6°, 6–15°), and the area-weighted mean grade
  (the 调入 land must not be steeper than the 调出);
* 连片 size bins by parcel area: ≤ 5, (5, 10], (10, 20], > 20 亩.

新增比例 = (调入 − 调出) / 调出 × 100; 调出比例 = 调出 / 原永农面积 × 100;
集中连片度 = (mean 调入 parcel − mean 调出 parcel) / mean 调出 parcel × 100.

The summary functions here are pure pandas; :func:`adjustment_pieces` and
:func:`overlay_dltb` use QGIS geometry.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from . import codes as codes_mod
from .errors import Cancelled
from .indicators import weighted_mean
from .units import MU_PER_M2
from .validity import GeometryCheck, parcel_label
from .values import is_null, to_number, to_text

#: Layer names a permanent-farmland layer goes by (before; the after layer
#: usually carries a suffix such as _GH or _TZH).
PBF_LAYER_NAMES = ("YJJBNTTB", "YJJBNTBHTB", "JBNTBHTB")
#: role → candidate field names of a permanent-farmland layer.
PBF_FIELDS: dict[str, tuple[str, ...]] = {
    "bsm": ("BSM",),
    "code": ("DLBM",),
    "area": ("YJJBNTTBMJ", "YJJBNTMJ", "JBNTTBMJ", "JBNTMJ", "TBMJ", "MJ"),
    "gddb": ("GDDB", "ZLDJ"),
    "gdpdjb": ("GDPDJB", "PDJB"),
    "village": ("ZLDWDM",),
}
DEFAULT_SLIVER_AREA = 1.0
#: Pieces under this area (m²) are coordinate noise (the same boundary in two layers, or a layer
#: reprojected), not re-digitised slivers: dropped and counted apart from the slivers.
NOISE_AREA = 0.01
#: Coordinates rounded to this (m) decide whether two features are the same polygon.
SAME_POLYGON_RESOLUTION = 1e-6
#: Upper bounds (亩) of the 连片 bins; left-open, right-closed.
SIZE_BINS_MU = (5.0, 10.0, 20.0)
SIZE_BIN_NAMES = ("≤5亩", "5-10亩", "10-20亩", ">20亩")
CLASS_NAMES = ("水田", "水浇地", "旱地", "非耕农用地", "建设用地", "未利用地", "未覆盖")
SLOPE_NAMES = ("≤15°", "15°-25°", ">25°", "未知")
#: 新增永久基本农田 ≥ 5 % of the adjusted area (Wuxi opinion §四(二); 194号).
DEFAULT_MIN_ADDED_RATIO = 5.0
#: 调出 ≤ 5 % of the original 永久基本农田 of the project area (全域整治试点实施要点, 2020).
DEFAULT_MAX_OUT_RATIO = 5.0


# ---------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------


def slope_grade(grade) -> float:
    """A GDPDJB value as a number 1–5 (NaN when empty or not a grade)."""
    try:
        value = float(str(grade).strip())
    except (TypeError, ValueError):
        return float("nan")
    return value if 1 <= value <= 5 else float("nan")


def slope_class(grade) -> str:
    """Slope bin of a GDPDJB grade: 1–3 ≤ 15°, 4 (15°, 25°], 5 > 25°, else 未知."""
    try:
        value = int(float(str(grade).strip()))
    except (TypeError, ValueError):
        return SLOPE_NAMES[3]
    if 1 <= value <= 3:
        return SLOPE_NAMES[0]
    if value == 4:
        return SLOPE_NAMES[1]
    if value == 5:
        return SLOPE_NAMES[2]
    return SLOPE_NAMES[3]


def size_bin(area_m2: float) -> str:
    """连片 bin of a parcel area: ≤ 5, (5, 10], (10, 20], > 20 亩."""
    mu = area_m2 * MU_PER_M2
    for bound, name in zip(SIZE_BINS_MU, SIZE_BIN_NAMES):
        if mu <= bound + 1e-9:
            return name
    return SIZE_BIN_NAMES[-1]


def current_class(code, table: codes_mod.CodeTable | None = None) -> str:
    """水田 / 水浇地 / 旱地 / 非耕农用地 / 建设用地 / 未利用地 of a DLTB code (三调 三大类)."""
    entry = (table or codes_mod.default_table()).lookup(code)
    if entry.base in codes_mod.CULTIVATED:
        return CLASS_NAMES[codes_mod.CULTIVATED.index(entry.base)]
    if entry.category3 == codes_mod.AGRICULTURAL:
        return CLASS_NAMES[3]
    if entry.category3 == codes_mod.CONSTRUCTION:
        return CLASS_NAMES[4]
    if entry.category3 == codes_mod.UNUSED:
        return CLASS_NAMES[5]
    return CLASS_NAMES[6]


def guess_pbf_layers(names: Iterable[str]) -> tuple[str | None, str | None]:
    """(before, after) among a data source's layer names, or None.

    The before layer is named YJJBNTTB, YJJBNTBHTB or JBNTBHTB (any case);
    the after layer is the same name with a suffix (YJJBNTTB_GH, …_TZH).
    """
    names = list(names)
    before = after = None
    for candidate in PBF_LAYER_NAMES:
        for name in names:
            upper = name.upper()
            if upper == candidate and before is None:
                before = name
            elif upper.startswith(candidate) and len(upper) > len(candidate) and after is None:
                after = name
        if before or after:
            break
    return before, after


# ---------------------------------------------------------------------------
# Pieces and their summary (pure)
# ---------------------------------------------------------------------------

#: Columns of a pieces frame (one row per 调出 or 调入 parcel).
PIECE_COLUMNS = (
    "side", "source", "bsm", "code", "village", "area", "grade", "grade_area", "grade_from", "slope_grade",
    "slope_grade_area",
    *(f"class_{name}" for name in CLASS_NAMES), *(f"slope_{name}" for name in SLOPE_NAMES),
)


def side_summary(pieces: pd.DataFrame) -> dict:
    """Review figures of one side (调出 or 调入).

    Args:
        pieces: Rows of :data:`PIECE_COLUMNS` for one side; ``area`` in m²,
            ``grade`` the 等别 valid for ``grade_area`` m² of the piece,
            ``class_*`` and ``slope_*`` the piece's area by class and slope.

    Returns:
        ``area``, ``count``, ``mean``, ``quality`` (NaN when no grade),
        ``graded_area``, ``slope_grade`` (area-weighted mean GDPDJB, NaN
        when none), ``slope_graded_area``, ``classes`` / ``slopes`` (name →
        m²), ``bins`` (name → (count, m²)).
    """
    area = float(pieces["area"].sum()) if len(pieces) else 0.0
    count = int(len(pieces))
    graded = pieces["grade_area"].where(pieces["grade"].notna(), 0.0) if count else pd.Series(dtype=float)
    weight = float(graded.sum()) if count else 0.0
    quality = weighted_mean(pieces["grade"], pieces["grade_area"]) if count else float("nan")
    has_slope = "slope_grade" in pieces and count
    slope_grade_mean = weighted_mean(pieces["slope_grade"], pieces["slope_grade_area"]) if has_slope \
        else float("nan")
    slope_weight = float(pieces["slope_grade_area"].where(pieces["slope_grade"].notna(), 0.0).sum()) \
        if has_slope else 0.0
    bins = {name: (0, 0.0) for name in SIZE_BIN_NAMES}
    for value in pieces["area"] if count else ():
        name = size_bin(value)
        n, a = bins[name]
        bins[name] = (n + 1, a + float(value))
    return {
        "area": area,
        "count": count,
        "mean": area / count if count else 0.0,
        "quality": quality,
        "graded_area": weight,
        "slope_grade": slope_grade_mean,
        "slope_graded_area": slope_weight,
        "classes": {name: float(pieces[f"class_{name}"].sum()) if count else 0.0 for name in CLASS_NAMES},
        "slopes": {name: float(pieces[f"slope_{name}"].sum()) if count else 0.0 for name in SLOPE_NAMES},
        "bins": bins,
    }


def ratios(out: dict, in_: dict, original_area: float) -> dict:
    """新增比例, 调出比例 and 集中连片度 (%); NaN where the divisor is 0."""

    def pct(numerator, denominator):
        return numerator / denominator * 100.0 if denominator else float("nan")

    return {
        "ADDED_RATIO": pct(in_["area"] - out["area"], out["area"]),
        "OUT_RATIO": pct(out["area"], original_area),
        "CONTIGUITY_CHANGE": pct(in_["mean"] - out["mean"], out["mean"]),
    }


#: Review table columns.
REVIEW_COLUMNS = ("SECTION", "ITEM", "NAME", "UNIT", "OUT", "IN", "CHANGE", "VALUE", "THRESHOLD", "RESULT")


def review_table(
    out: dict,
    in_: dict,
    original_area: float,
    after_area: float,
    min_added_ratio: float = DEFAULT_MIN_ADDED_RATIO,
    max_out_ratio: float = DEFAULT_MAX_OUT_RATIO,
) -> pd.DataFrame:
    """The review rows: 调出 and 调入 side by side, then the 审查结果.

    Areas are in 亩 (the form's unit) with the totals also in m².  The
    result rows judge 新增比例 ≥ ``min_added_ratio``, 调出比例 ≤
    ``max_out_ratio``, quality (mean 等别 of 调入 not larger – lower is
    better – than of 调出) and slope (mean GDPDJB of 调入 not larger than of
    调出); a judgement whose figures are missing is left empty.
    """
    rows: list[dict] = []

    def side(item, name, unit, a, b):
        change = b - a if not (isinstance(a, float) and math.isnan(a)) and not (
            isinstance(b, float) and math.isnan(b)
        ) else float("nan")
        rows.append({"SECTION": "调出与调入", "ITEM": item, "NAME": name, "UNIT": unit, "OUT": a, "IN": b,
                     "CHANGE": change})

    side("AREA_M2", "面积", "平方米", out["area"], in_["area"])
    side("AREA_MU", "面积", "亩", out["area"] * MU_PER_M2, in_["area"] * MU_PER_M2)
    side("COUNT", "图斑数", "个", float(out["count"]), float(in_["count"]))
    side("MEAN_MU", "平均图斑面积", "亩", out["mean"] * MU_PER_M2, in_["mean"] * MU_PER_M2)
    side("QUALITY", "平均质量等别", "等", out["quality"], in_["quality"])
    side("SLOPE_GRADE", "平均坡度级别", "级", out.get("slope_grade", float("nan")),
         in_.get("slope_grade", float("nan")))
    for key, name in enumerate(CLASS_NAMES):
        if name == CLASS_NAMES[6] and not (out["classes"][name] or in_["classes"][name]):
            continue
        side(f"CLASS_{key + 1}", f"现状地类：{name}", "亩", out["classes"][name] * MU_PER_M2,
             in_["classes"][name] * MU_PER_M2)
    for key, name in enumerate(SLOPE_NAMES):
        if name == SLOPE_NAMES[3] and not (out["slopes"][name] or in_["slopes"][name]):
            continue
        side(f"SLOPE_{key + 1}", f"坡度：{name}", "亩", out["slopes"][name] * MU_PER_M2,
             in_["slopes"][name] * MU_PER_M2)
    for key, name in enumerate(SIZE_BIN_NAMES):
        side(f"BIN_{key + 1}_COUNT", f"连片规模{name}：图斑数", "个", float(out["bins"][name][0]),
             float(in_["bins"][name][0]))
        side(f"BIN_{key + 1}_MU", f"连片规模{name}：面积", "亩", out["bins"][name][1] * MU_PER_M2,
             in_["bins"][name][1] * MU_PER_M2)

    figures = ratios(out, in_, original_area)
    added_ok = not math.isnan(figures["ADDED_RATIO"]) and figures["ADDED_RATIO"] >= min_added_ratio - 1e-9
    quality_ok = None
    if not (math.isnan(out["quality"]) or math.isnan(in_["quality"])):
        quality_ok = in_["quality"] <= out["quality"] + 1e-9
    out_slope, in_slope = out.get("slope_grade", float("nan")), in_.get("slope_grade", float("nan"))
    slope_ok = None if math.isnan(out_slope) or math.isnan(in_slope) else in_slope <= out_slope + 1e-9
    out_ratio_ok = None if math.isnan(figures["OUT_RATIO"]) else figures["OUT_RATIO"] <= max_out_ratio + 1e-9

    def review(item, name, unit, value, threshold=None, passed=None):
        result = "" if passed is None else ("符合" if passed else "不符合")
        rows.append({"SECTION": "审查结果", "ITEM": item, "NAME": name, "UNIT": unit, "VALUE": value,
                     "THRESHOLD": threshold, "RESULT": result})

    review("PBF_BEFORE_MU", "调整前永久基本农田面积", "亩", original_area * MU_PER_M2)
    review("PBF_AFTER_MU", "调整后永久基本农田面积", "亩", after_area * MU_PER_M2)
    review("ADDED_RATIO", "新增比例（调入−调出）/调出", "%", figures["ADDED_RATIO"], min_added_ratio, added_ok)
    review("OUT_RATIO", "调出比例 调出/原永久基本农田", "%", figures["OUT_RATIO"], max_out_ratio, out_ratio_ok)
    review("QUALITY", "质量：调入平均等别不低于调出", "等", in_["quality"] - out["quality"]
           if quality_ok is not None else float("nan"), 0.0, quality_ok)
    review("SLOPE_GRADE", "坡度：调入平均坡度级别不高于调出", "级", in_slope - out_slope
           if slope_ok is not None else float("nan"), 0.0, slope_ok)
    review("CONTIGUITY_CHANGE", "集中连片度（调入−调出平均图斑面积）/调出", "%", figures["CONTIGUITY_CHANGE"])
    frame = pd.DataFrame(rows, columns=list(REVIEW_COLUMNS))
    return frame


# ---------------------------------------------------------------------------
# Reading the farmland layers and cutting the pieces (QGIS)
# ---------------------------------------------------------------------------


@dataclass
class FarmlandLayer:
    """A permanent-farmland layer's features (clipped to the project area).

    Attributes:
        name: Layer name for messages.
        fields: role → field name (None when absent).
        geometries: QgsGeometry per feature.
        fid, bsm, code, village: Per feature.
        area_field: The area field's value (NaN when empty or absent).
        gddb: GDDB (NaN when empty).
        gdpdjb: GDPDJB as text ("" when empty).
        ellipsoidal: Ellipsoidal area of each (clipped) geometry.
        fraction: Share of the feature kept inside the project area.
    """

    name: str
    fields: dict
    geometries: list
    fid: list
    bsm: list
    code: list
    village: list
    area_field: np.ndarray
    gddb: np.ndarray
    gdpdjb: list
    ellipsoidal: np.ndarray
    fraction: np.ndarray
    notes: list = field(default_factory=list)
    check: GeometryCheck | None = None
    sure: np.ndarray | None = None
    #: The features' rings and :func:`polygon_keys`, made once for both :func:`difference_pieces` calls.
    _shapes: tuple | None = field(default=None, repr=False, compare=False)

    def shapes(self) -> tuple:
        """``(rings, polygon keys)`` of the features, read from their WKB once."""
        if self._shapes is None:
            from .geokernel import Rings

            rings = Rings.from_wkb(_wkb_list(self.geometries), origin=(0.0, 0.0))
            self._shapes = (rings, polygon_keys(rings))
        return self._shapes

    def valid(self, i: int, geom=None):
        """Feature ``i``'s geometry (or ``geom`` standing for it) by the layer's validity policy.

        A feature read as one convex ring (``sure``) is valid without asking GEOS.
        """
        if self.sure is not None and self.sure[i]:
            return geom if geom is not None else self.geometries[i]
        return _valid(self.check, geom if geom is not None else self.geometries[i], parcel_label(self.bsm[i], self.fid[i]))

    def area(self, basis: int) -> np.ndarray:
        """Area of each feature: ellipsoidal (basis 0) or the area field × fraction (1)."""
        if basis == 1:
            recorded = self.area_field * self.fraction
            return np.where(np.isnan(recorded), self.ellipsoidal, recorded)
        return self.ellipsoidal


def read_farmland(
    source,
    gk,
    *,
    project_area=None,
    transform=None,
    overrides: dict | None = None,
    is_canceled: Callable[[], bool] | None = None,
    repair: bool = False,
) -> FarmlandLayer:
    """Read a permanent-farmland layer (fields detected, see :data:`PBF_FIELDS`).

    Geometries are checked lazily, where they are overlaid (most features of
    a county are unchanged and never need GEOS): by the policy of
    :mod:`.validity`, an invalid one stops the run when
    :meth:`FarmlandLayer.valid` meets it, unless ``repair`` is set.

    Args:
        source: Layer or feature source.
        gk: Gauss-Krüger definition for ellipsoidal areas (of the target CRS).
        project_area: Boundary in the target CRS, or None.
        transform: QgsCoordinateTransform into the target CRS, or None.
        overrides: role → field name.
        is_canceled: Returns True when the user cancelled.
        repair: Repair invalid geometries (makeValid) instead of stopping.

    Raises:
        LandConsolidationError: a feature crossing the project boundary with
            an invalid geometry, or an override naming a missing field.
    """
    from qgis.core import QgsFeatureRequest, QgsGeometry

    from . import dltb, ellipsoid
    from .fields import detect_fields

    name = dltb.source_name(source)
    found = detect_fields([f.name() for f in source.fields()], overrides, PBF_FIELDS)
    if transform is None:
        columnar = _read_columnar(source, name, found, gk, project_area, is_canceled, repair)
        if columnar is not None:
            return columnar
    index = {role: source.fields().lookupField(f) for role, f in found.items() if f}
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes(sorted(set(index.values())))
    engine = None
    if project_area is not None:
        engine = QgsGeometry.createGeometryEngine(project_area.constGet())
        engine.prepareGeometry()
    out = {key: [] for key in ("geometries", "fid", "bsm", "code", "village", "area", "gddb", "gdpdjb", "fraction")}
    check = GeometryCheck(name, repair)
    at = {role: i for role, i in index.items()}
    for n, feature in enumerate(dltb.features(source, request)):
        if n % 2000 == 0 and is_canceled is not None and is_canceled():
            raise Cancelled()
        geom = feature.geometry()
        if geom is None or geom.isEmpty():
            continue
        geom = QgsGeometry(geom)
        if transform is not None:
            geom.transform(transform)
        fraction = 1.0
        if engine is not None:
            if not engine.intersects(geom.constGet()):
                continue
            if not engine.contains(geom.constGet()):
                # Only features crossing the boundary are overlaid here, so only
                # they need a valid geometry now; the rest are checked when cut.
                geom = _valid(check, geom, parcel_label(to_text(_attribute(feature, at, "bsm")), feature.id()))
                whole = ellipsoid.geometry_area(gk, geom)
                geom = _polygons_only(geom.intersection(project_area))
                if geom.isEmpty():
                    continue
                fraction = ellipsoid.geometry_area(gk, geom) / whole if whole > 0 else 1.0

        out["geometries"].append(geom)
        out["fid"].append(feature.id())
        out["bsm"].append(to_text(_attribute(feature, at, "bsm")))
        out["code"].append(codes_mod.normalise(_attribute(feature, at, "code")))
        out["village"].append(to_text(_attribute(feature, at, "village")))
        out["area"].append(to_number(_attribute(feature, at, "area")))
        out["gddb"].append(to_number(_attribute(feature, at, "gddb")))
        out["gdpdjb"].append(to_text(_attribute(feature, at, "gdpdjb")))
        out["fraction"].append(fraction)
    notes = check.finish()
    geometries = out["geometries"]
    return FarmlandLayer(
        name=name,
        fields=found,
        geometries=geometries,
        fid=out["fid"],
        bsm=out["bsm"],
        code=out["code"],
        village=out["village"],
        area_field=np.asarray(out["area"], dtype=float),
        gddb=np.asarray(out["gddb"], dtype=float),
        gdpdjb=out["gdpdjb"],
        ellipsoidal=ellipsoid.geometry_areas(gk, geometries) if geometries else np.zeros(0),
        fraction=np.asarray(out["fraction"], dtype=float),
        notes=notes,
        check=check,
    )


def _read_columnar(source, name: str, found: dict, gk, project_area, is_canceled, repair) -> FarmlandLayer | None:
    """:func:`read_farmland` of a plain file layer in the target CRS, by GDAL's columnar reader; None otherwise.

    Features far from the project boundary are placed by the boundary grid
    (:mod:`.geokernel.inside`); only those near it ask GEOS, and only those
    crossing it are cut (and checked for validity first).  Geometries stay
    WKB until used (:class:`~.dltb.GeometryList`).
    """
    from qgis.core import QgsGeometry

    from . import dltb, ellipsoid
    from .geokernel import Rings, convex_polygons
    from .geokernel.inside import NEAR, OUTSIDE, boundary_grid, classify_rings
    from .values import numbers, texts

    roles = [role for role in ("bsm", "code", "village", "area", "gddb", "gdpdjb") if found.get(role)]
    columns = dltb.read_ogr_columns(source, [found[role] for role in roles], with_wkb=True,
                                    rect=project_area.boundingBox() if project_area is not None else None,
                                    is_canceled=is_canceled)
    if columns is None:
        return None
    blobs = [bytes(b) if b is not None else b"" for b in columns["wkb"]]
    rings = Rings.from_wkb(blobs)
    has_rings = np.bincount(rings.owner, minlength=rings.count) > 0
    n = len(blobs)
    keep = has_rings.copy()
    fraction = np.ones(n)
    geometries: list = list(blobs)
    check = GeometryCheck(name, repair)
    if project_area is not None:
        state = classify_rings(boundary_grid(bytes(project_area.asWkb())), rings)
        keep &= state != OUTSIDE
        engine = QgsGeometry.createGeometryEngine(project_area.constGet())
        engine.prepareGeometry()
        bsm_values = texts(columns[found["bsm"]]) if found.get("bsm") else [""] * n
        cut_rows, wholes, cuts = [], [], []
        for count, i in enumerate(np.flatnonzero(keep & (state == NEAR)).tolist()):
            if count % 2000 == 0 and is_canceled is not None and is_canceled():
                raise Cancelled()
            geom = dltb._as_geometry(blobs[i])
            if geom.isEmpty() or not engine.intersects(geom.constGet()):
                keep[i] = False
                continue
            if engine.contains(geom.constGet()):
                continue
            # Only features crossing the boundary are overlaid here, so only they need a valid geometry now.
            geom = _valid(check, geom, parcel_label(bsm_values[i], int(columns["fid"][i])))
            piece = _polygons_only(geom.intersection(project_area))
            if piece.isEmpty():
                keep[i] = False
                continue
            cut_rows.append(i)
            wholes.append(geom)
            cuts.append(piece)
            geometries[i] = piece
        if cut_rows:
            whole = ellipsoid.geometry_areas(gk, wholes)
            with np.errstate(invalid="ignore", divide="ignore"):
                fraction[cut_rows] = np.where(whole > 0, ellipsoid.geometry_areas(gk, cuts) / whole, 1.0)
    rows = np.flatnonzero(keep)
    row_list = rows.tolist()
    sure = convex_polygons(rings)
    if project_area is not None and cut_rows:
        sure[cut_rows] = False  # cut since the rings were read

    def text(role):
        values = columns[found[role]] if found.get(role) else [None] * n
        return [t for k, t in enumerate(texts(values)) if keep[k]]

    def number(role):
        values = columns[found[role]] if found.get(role) else np.full(n, np.nan)
        return numbers(values)[rows]

    raw_codes = columns[found["code"]] if found.get("code") else np.full(n, None, dtype=object)
    inverse, uniques = pd.factorize(pd.Series(list(raw_codes), dtype=object), use_na_sentinel=False)
    code = np.array([codes_mod.normalise(u) for u in uniques] + [""], dtype=object)[inverse][rows].tolist()
    kept = dltb.GeometryList([geometries[i] for i in row_list])
    return FarmlandLayer(
        name=name,
        fields=found,
        geometries=kept,
        fid=[int(f) for f in np.asarray(columns["fid"])[rows].tolist()],
        bsm=text("bsm"),
        code=code,
        village=text("village"),
        area_field=number("area"),
        gddb=number("gddb"),
        gdpdjb=text("gdpdjb"),
        ellipsoidal=ellipsoid.geometry_areas(gk, [kept.raw(k) for k in range(len(kept))]) if len(kept) else np.zeros(0),
        fraction=fraction[rows],
        notes=check.finish(),
        check=check,
        sure=sure[rows],
    )


def _attribute(feature, index: dict, role: str):
    """A feature's value for a role, None when the field is absent or NULL."""
    at = index.get(role)
    if at is None:
        return None
    item = feature[at]
    return None if is_null(item) else item


def _valid(check: GeometryCheck | None, geom, label: str):
    """The geometry by the validity policy of ``check``; an invalid one stops the run at once."""
    if check is None:
        check = GeometryCheck("")
    result = check(geom, label)
    if result is None:
        check.finish()  # raises, naming the layer and the parcel
    return result


def _polygons_only(geom):
    """The polygon parts of a geometry (an overlay may add lines and points); empty when none."""
    from qgis.core import QgsGeometry

    from .dltb import polygonal

    if geom.isNull() or geom.isEmpty():
        return QgsGeometry()
    return polygonal(geom) or QgsGeometry()


@dataclass
class Pieces:
    """The 调出 or 调入 pieces of one layer against the other.

    Attributes:
        source: Index of the feature (in its :class:`FarmlandLayer`) each piece comes from.
        geometries: Single-part polygons.
        ellipsoidal: Their ellipsoidal areas.
        slivers: Number of pieces dropped as slivers (at least
            :data:`NOISE_AREA`, under the sliver setting).
        sliver_area: Their total area.
        noise: Number of pieces under :data:`NOISE_AREA` dropped as coordinate noise.
        noise_area: Their total area.
    """

    source: list
    geometries: list
    ellipsoidal: np.ndarray
    slivers: int = 0
    sliver_area: float = 0.0
    noise: int = 0
    noise_area: float = 0.0


def difference_pieces(
    own: FarmlandLayer,
    other: FarmlandLayer,
    gk,
    sliver_area: float = DEFAULT_SLIVER_AREA,
    is_canceled: Callable[[], bool] | None = None,
) -> Pieces:
    """Each feature of ``own`` minus the features of ``other`` it meets, in single parts.

    A feature identical to one of ``other`` (same WKB) leaves nothing, and
    is not overlaid at all: most features are unchanged between the two
    layers.  Parts under ``sliver_area`` m² are dropped and counted.
    """
    from qgis.core import QgsGeometry, QgsWkbTypes

    from . import ellipsoid
    from .geokernel import box_pairs_between

    other_rings, other_polygon_keys = other.shapes()
    own_rings, own_polygon_keys = own.shapes()
    other_keys = set(other_polygon_keys)
    same = np.fromiter((key in other_keys for key in own_polygon_keys), dtype=bool, count=own_rings.count)
    changed = np.flatnonzero(~same)
    # The features of the other layer whose extent meets a changed feature's (edges included):
    # (changed feature, its candidates in ascending order).
    own_box = own_rings.bounds()
    first, second = box_pairs_between([v[changed] for v in own_box], other_rings.bounds(), is_canceled)
    cuts = np.searchsorted(first, np.arange(len(changed) + 1))
    del other_rings, other_keys, own_box
    sources: list[int] = []
    parts: list = []
    checked: dict[int, object] = {}
    # Each feature of the other layer is a candidate of several changed ones: made from its WKB once.
    made: dict[int, object] = {}

    def other_geometry(j):
        geom = made.get(j)
        if geom is None:
            geom = made[j] = other.geometries[j]
        return geom

    def valid_other(j):
        if j not in checked:
            checked[j] = other.valid(j, other_geometry(j))
        return checked[j]

    second = second.tolist()
    for count, i in enumerate(changed.tolist()):
        if count % 500 == 0 and is_canceled is not None and is_canceled():
            raise Cancelled()
        geom = own.geometries[i]
        candidates = second[cuts[count]:cuts[count + 1]]
        rest = geom
        if candidates:
            geom = own.valid(i, geom)
            engine = QgsGeometry.createGeometryEngine(geom.constGet())
            engine.prepareGeometry()
            # A neighbour that only touches the feature along its edge takes nothing from it: left out of
            # the union (most of the candidates of a re-digitised layer).
            hits = [valid_other(j) for j in candidates
                    if engine.intersects(other_geometry(j).constGet())
                    and not engine.touches(other_geometry(j).constGet())]
            rest = geom
            if hits:
                cutter = hits[0] if len(hits) == 1 else QgsGeometry.unaryUnion(hits)
                rest = geom.difference(cutter)
        if rest.isNull() or rest.isEmpty():
            continue
        for part in rest.asGeometryCollection():
            if part.type() == QgsWkbTypes.GeometryType.PolygonGeometry and not part.isEmpty():
                sources.append(i)
                parts.append(part)
    for layer in (own, other):
        if layer.check is not None:
            layer.notes.extend(layer.check.finish())
    areas = ellipsoid.geometry_areas(gk, parts) if parts else np.zeros(0)
    noise = areas < NOISE_AREA
    small = (areas < sliver_area) & ~noise
    keep = np.flatnonzero(~small & ~noise)
    return Pieces(
        source=[sources[k] for k in keep],
        geometries=[parts[k] for k in keep],
        ellipsoidal=areas[keep],
        slivers=int(small.sum()),
        sliver_area=float(areas[small].sum()),
        noise=int(noise.sum()),
        noise_area=float(areas[noise].sum()),
    )


def _wkb_list(geometries) -> list:
    """The WKB of each geometry (a GeometryList's as held, without making QgsGeometry objects)."""
    if hasattr(geometries, "wkb_list"):
        return geometries.wkb_list()
    return [bytes(g.asWkb()) if g is not None and not g.isNull() else b"" for g in geometries]


def polygon_keys(rings) -> list[bytes]:
    """A key per polygon of ``rings``, equal for the same polygon up to coordinate noise.

    The vertices rounded to :data:`SAME_POLYGON_RESOLUTION`, ring by ring
    (a layer reprojected there and back, or written by another tool, differs
    from the original by ~1e-9 m): the vectorised form of
    :func:`same_polygon_key`, used to skip features that did not change.
    A polygon without rings has the key ``b""``.
    """
    if not len(rings.length):
        return [b""] * rings.count
    grid = np.round((rings.xy + np.asarray(rings.origin)) / SAME_POLYGON_RESOLUTION).astype(np.int64)
    raw = grid.tobytes()
    width = 16  # two int64 a vertex
    parts: list[list[bytes]] = [[] for _ in range(rings.count)]
    for owner, start, length, hole in zip(rings.owner.tolist(), rings.start.tolist(), rings.length.tolist(),
                                          rings.hole.tolist()):
        parts[owner].append((b"h" if hole else b"r") + raw[start * width:(start + length) * width])
    return [b"|".join(p) for p in parts]


def same_polygon_key(geom) -> bytes:
    """A key equal for two geometries that are the same polygon up to coordinate noise.

    The WKB of the geometry with its coordinates rounded to
    :data:`SAME_POLYGON_RESOLUTION`: a layer reprojected there and back, or
    written by another tool, differs from the original by ~1e-9 m.
    """
    from qgis.core import QgsGeometry

    snapped = QgsGeometry(geom)
    snapped = snapped.snappedToGrid(SAME_POLYGON_RESOLUTION, SAME_POLYGON_RESOLUTION)
    return bytes(snapped.asWkb())


@dataclass
class GroundCover:
    """What a DLTB says about each piece: area by class and slope, 等别.

    Attributes:
        classes: piece × :data:`CLASS_NAMES` areas (m², ellipsoidal).
        slopes: piece × :data:`SLOPE_NAMES` areas from DLTB GDPDJB.
        grade_sum: Σ GDDB × area over the DLTB 耕地 under each piece.
        grade_area: Σ area of the DLTB 耕地 with a GDDB under each piece.
        slope_sum: Σ GDPDJB × area over the DLTB 耕地 under each piece.
        slope_area: Σ area of the DLTB 耕地 with a GDPDJB under each piece.
    """

    classes: np.ndarray
    slopes: np.ndarray
    grade_sum: np.ndarray
    grade_area: np.ndarray
    slope_sum: np.ndarray | None = None
    slope_area: np.ndarray | None = None

    def __post_init__(self):
        n = len(self.grade_sum)
        if self.slope_sum is None:
            self.slope_sum = np.zeros(n)
        if self.slope_area is None:
            self.slope_area = np.zeros(n)

    def split(self, at: int) -> tuple[GroundCover, GroundCover]:
        """The first ``at`` pieces and the rest."""
        return (
            GroundCover(self.classes[:at], self.slopes[:at], self.grade_sum[:at], self.grade_area[:at],
                        self.slope_sum[:at], self.slope_area[:at]),
            GroundCover(self.classes[at:], self.slopes[at:], self.grade_sum[at:], self.grade_area[at:],
                        self.slope_sum[at:], self.slope_area[at:]),
        )


def overlay_dltb(pieces: Sequence, dltb_source, gk, transform=None, overrides=None,
                 is_canceled: Callable[[], bool] | None = None, repair: bool = False,
                 notes: list | None = None) -> GroundCover:
    """Intersect pieces with the DLTB parcels under them.

    The DLTB is read once; only parcels whose extent meets a piece are kept
    and overlaid.  Areas are ellipsoidal areas of the intersections; what no
    DLTB parcel covers goes to the class 未覆盖 (and slope 未知).  DLTB
    parcels under a piece are checked by the policy of :mod:`.validity`
    (``repair``; log lines about repairs go to ``notes``).
    """
    from qgis.core import QgsFeatureRequest, QgsGeometry, QgsRectangle, QgsSpatialIndex

    from . import dltb, ellipsoid
    from .fields import detect_fields, require

    n = len(pieces)
    classes = np.zeros((n, len(CLASS_NAMES)))
    slopes = np.zeros((n, len(SLOPE_NAMES)))
    grade_sum = np.zeros(n)
    grade_area = np.zeros(n)
    slope_sum = np.zeros(n)
    slope_area = np.zeros(n)
    piece_area = ellipsoid.geometry_areas(gk, pieces) if n else np.zeros(0)
    if n == 0 or dltb_source is None:
        classes[:, 6] = piece_area
        slopes[:, 3] = piece_area
        return GroundCover(classes, slopes, grade_sum, grade_area)

    name = dltb.source_name(dltb_source)
    found = detect_fields([f.name() for f in dltb_source.fields()], overrides)
    require(found, "code", name)
    at = {role: dltb_source.fields().lookupField(found[role]) for role in ("code", "gddb", "gdpdjb", "bsm")
          if found[role]}
    extent = QgsRectangle(pieces[0].boundingBox())
    for geom in pieces:
        extent.combineExtentWith(geom.boundingBox())
    if transform is not None:
        extent = transform.transformBoundingBox(extent, transform.ReverseTransform)
    table = codes_mod.default_table()
    kinds: dict = {}
    check = GeometryCheck(name, repair)
    # The DLTB parcels whose box meets a piece's, valid (or repaired), with what the cover needs of each.
    ground: list = []
    ground_rows: list = []

    def take(geom, code, grade, slope, bsm, fid):
        kind = kinds.get(code)
        if kind is None:
            kind = kinds[code] = (CLASS_NAMES.index(current_class(code, table)), table.lookup(code).is_cultivated)
        ground.append(_valid(check, geom, parcel_label(bsm, fid)))
        ground_rows.append((kind, grade, slope))

    fields = [found[role] for role in ("code", "gddb", "gdpdjb", "bsm") if found[role]]
    columns = dltb.read_ogr_columns(dltb_source, fields, with_wkb=True, rect=extent, is_canceled=is_canceled) \
        if transform is None else None
    if columns is not None:
        from .geokernel import Rings, box_pairs_between
        from .values import numbers

        blobs = [bytes(b) if b is not None else b"" for b in columns["wkb"]]
        piece_box = np.array([[b.xMinimum(), b.yMinimum(), b.xMaximum(), b.yMaximum()]
                              for b in (geom.boundingBox() for geom in pieces)]).T
        # The parcels whose box meets a piece's (edges included).
        meeting = np.unique(box_pairs_between(piece_box, Rings.from_wkb(blobs).bounds(), is_canceled)[1])
        grades = numbers(columns[found["gddb"]]) if found["gddb"] else np.full(len(blobs), np.nan)
        for count, k in enumerate(meeting.tolist()):
            if count % 5000 == 0 and is_canceled is not None and is_canceled():
                raise Cancelled()
            value = columns[found["bsm"]][k] if found["bsm"] else ""
            take(dltb._as_geometry(blobs[k]), columns[found["code"]][k], float(grades[k]),
                 columns[found["gdpdjb"]][k] if found["gdpdjb"] else None, to_text(value), int(columns["fid"][k]))
    else:
        piece_index = QgsSpatialIndex()
        for i, geom in enumerate(pieces):
            piece_index.addFeature(i, geom.boundingBox())
        request = QgsFeatureRequest().setFilterRect(extent)
        request.setSubsetOfAttributes(sorted(at.values()))
        for count, feature in enumerate(dltb.features(dltb_source, request)):
            if count % 5000 == 0 and is_canceled is not None and is_canceled():
                raise Cancelled()
            geom = feature.geometry()
            if geom is None or geom.isEmpty():
                continue
            if transform is not None:
                geom = QgsGeometry(geom)
                geom.transform(transform)
            if not piece_index.intersects(geom.boundingBox()):
                continue
            take(QgsGeometry(geom), feature[at["code"]], to_number(feature[at["gddb"]]) if "gddb" in at else np.nan,
                 feature[at["gdpdjb"]] if "gdpdjb" in at else None,
                 to_text(feature[at["bsm"]]) if "bsm" in at else "", feature.id())

    # Pieces × parcels: a piece lying inside one parcel (most) needs no intersection (core/overlay.py).
    from .overlay import overlay

    found_pieces = overlay(pieces, ground, gk, area_a=piece_area, check_overlaps=False, is_canceled=is_canceled)
    owners = [(i, *ground_rows[j]) for i, j in zip(found_pieces.rows_a.tolist(), found_pieces.rows_b.tolist())]
    cut_area = found_pieces.area
    covered = np.zeros(n)
    for (i, (class_index, cultivated), grade, slope), area in zip(owners, cut_area):
        classes[i, class_index] += area
        covered[i] += area
        slopes[i, SLOPE_NAMES.index(slope_class(slope)) if cultivated else 3] += area
        if cultivated and not math.isnan(grade):
            grade_sum[i] += grade * area
            grade_area[i] += area
        steepness = slope_grade(slope) if cultivated else float("nan")
        if not math.isnan(steepness):
            slope_sum[i] += steepness * area
            slope_area[i] += area
    if notes is not None:
        notes.extend(check.finish())
    # What the DLTB leaves uncovered (beyond rounding) is its own class.
    uncovered = np.maximum(piece_area - covered, 0.0)
    uncovered[uncovered < 0.01] = 0.0
    classes[:, 6] += uncovered
    slopes[:, 3] += uncovered
    return GroundCover(classes, slopes, grade_sum, grade_area, slope_sum, slope_area)


def pieces_frame(side: str, layer: FarmlandLayer, pieces: Pieces, cover: GroundCover, basis: int) -> pd.DataFrame:
    """One row per piece (see :data:`PIECE_COLUMNS`), areas on the chosen basis.

    With ``basis`` 1 (the layer's area field), a piece's area is the field
    value × its share of the feature's ellipsoidal area, and its class and
    slope areas are scaled alike.
    """
    n = len(pieces.geometries)
    src = np.asarray(pieces.source, dtype=np.int64)
    scale = np.ones(n)
    if basis == 1 and n:
        feature_area = layer.area(1)[src]
        whole = layer.ellipsoidal[src]
        with np.errstate(invalid="ignore", divide="ignore"):
            scale = np.where(whole > 0, feature_area / whole, 1.0)
    area = pieces.ellipsoidal * scale
    grade_layer = layer.gddb[src] if n else np.zeros(0)
    from_layer = ~np.isnan(grade_layer)
    with np.errstate(invalid="ignore", divide="ignore"):
        grade_dltb = np.where(cover.grade_area > 0, cover.grade_sum / cover.grade_area, np.nan)
    grade = np.where(from_layer, grade_layer, grade_dltb)
    grade_area = np.where(from_layer, area, cover.grade_area * scale)
    frame = pd.DataFrame(
        {
            "side": side,
            "source": src,
            "bsm": [layer.bsm[i] for i in src],
            "code": [layer.code[i] for i in src],
            "village": [layer.village[i] for i in src],
            "area": area,
            "grade": grade,
            "grade_area": grade_area,
            "grade_from": np.where(from_layer, "PBF", np.where(np.isnan(grade_dltb), "", "DLTB")),
        }
    )
    # Mean slope grade: the farmland layer's GDPDJB for the whole piece where it has one, else the DLTB 耕地's.
    own_slope = np.array([slope_grade(layer.gdpdjb[i]) for i in src], dtype=float) if n else np.zeros(0)
    with np.errstate(invalid="ignore", divide="ignore"):
        dltb_slope = np.where(cover.slope_area > 0, cover.slope_sum / np.maximum(cover.slope_area, 1e-300), np.nan)
    from_own = ~np.isnan(own_slope)
    frame["slope_grade"] = np.where(from_own, own_slope, dltb_slope) if n else []
    frame["slope_grade_area"] = np.where(from_own, area, cover.slope_area * scale) if n else []
    for k, name in enumerate(CLASS_NAMES):
        frame[f"class_{name}"] = cover.classes[:, k] * scale if n else []
    # Slope: the farmland layer's GDPDJB for the whole piece where it has one.
    layer_slope = [slope_class(layer.gdpdjb[i]) for i in src]
    for k, name in enumerate(SLOPE_NAMES):
        from_dltb = cover.slopes[:, k] * scale if n else np.zeros(0)
        own = np.array([s == name for s in layer_slope], dtype=bool) if n else np.zeros(0, dtype=bool)
        known = np.array([s != SLOPE_NAMES[3] for s in layer_slope], dtype=bool) if n else np.zeros(0, dtype=bool)
        frame[f"slope_{name}"] = np.where(known, np.where(own, area, 0.0), from_dltb)
    return frame[list(PIECE_COLUMNS)]
