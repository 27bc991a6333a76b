"""Reading a DLTB (地类图斑) layer once into a pandas frame, by the 三调 area rules.

Area rules (DOMAIN.md §4):

* the class area of a parcel is ``TBDLMJ``; its 田坎 share ``KCMJ`` (where
  ``KCDLBM`` is ``1203``) is a class of its own, 1203 田坎; total = Σ ``TBMJ``;
* where an area field is missing (or empty on a parcel) the area comes from
  the geometry: the 三调 ellipsoidal area (:mod:`.ellipsoid`), with
  ``KCMJ = round(TBMJ × KCXS, 2)`` and ``TBDLMJ = TBMJ − KCMJ``;
* a parcel cut by the project boundary keeps ``TBMJ``, ``KCMJ`` and
  ``TBDLMJ`` in proportion to the ellipsoidal area kept.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingFeatureSource,
    QgsProject,
    QgsWkbTypes,
)

from . import codes as codes_mod
from . import ellipsoid
from .errors import Cancelled, LandConsolidationError
from .fields import detect_fields, require
from .validity import GeometryCheck, listing, parcel_label
from .values import numbers as to_numbers
from .values import texts, to_number, to_text

#: How many offending parcels a message lists before "…".
MAX_LISTED = 10
#: Tolerance of the TBMJ − KCMJ = TBDLMJ consistency check (m²).
CONSISTENCY_TOLERANCE = 0.01

TEXT_ROLES = ("bsm", "village", "village_name", "czcsxm", "kcdlbm", "gdlx", "zzsxdm", "tbxhdm")
NUMBER_ROLES = ("gddb", "gdpdjb", "xzdwkd", "kcxs")


@dataclass
class ParcelTable:
    """The parcels of a DLTB layer as columns, areas by the 三调 rules.

    Attributes:
        frame: One row per parcel (or per kept piece of a cut parcel), columns
            ``fid``, ``bsm``, ``code`` (as in the data, normalised), ``base``
            (code counted in statistics), ``suffix``, ``known``, ``tbmj``,
            ``kcmj``, ``tbdlmj``, ``kcdlbm``, ``fraction`` (share kept inside
            the project area), ``village``, ``village_name``, ``gddb``,
            ``gdpdjb``, ``czcsxm``, ``xzdwkd``, ``kcxs`` … (absent fields are
            NaN / empty).
        fields: role → field name on the layer (None when absent).
        layer_name: The layer's name, for messages.
        crs: The layer's CRS.
        area_source: ``"fields"`` or which areas came from geometry.
        notes: Things the user should read in the log.
        geometries: The (cut) geometries in frame order, when asked for.
    """

    frame: pd.DataFrame
    fields: dict
    layer_name: str
    crs: QgsCoordinateReferenceSystem
    area_source: str = "fields"
    notes: list = field(default_factory=list)
    geometries: list | None = None
    gk: ellipsoid.GaussKruger | None = None

    @property
    def total_area(self) -> float:
        """Σ TBMJ (m²)."""
        return float(self.frame["tbmj"].sum())


def source_name(source) -> str:
    """A layer or feature source's name for messages."""
    for attr in ("sourceName", "name"):
        getter = getattr(source, attr, None)
        if getter is not None:
            name = getter()
            if name:
                return name
    return "DLTB"


def source_crs(source) -> QgsCoordinateReferenceSystem:
    """CRS of a QgsVectorLayer or QgsFeatureSource."""
    getter = getattr(source, "sourceCrs", None) or source.crs
    return getter()


def check_projected(source, name: str | None = None) -> QgsCoordinateReferenceSystem:
    """The source's CRS, or a clear error when it is geographic or unset."""
    crs = source_crs(source)
    name = name or source_name(source)
    if not crs.isValid():
        raise LandConsolidationError(
            f"图层“{name}”没有坐标参考系；请设置为 CGCS2000 高斯-克吕格投影（如 EPSG:4528）。"
            f" Layer '{name}' has no CRS."
        )
    if crs.isGeographic():
        raise LandConsolidationError(
            f"图层“{name}”为地理坐标系（{crs.authid()}），面积与叠加分析需要投影坐标；"
            f"请先投影到 CGCS2000 高斯-克吕格（如 EPSG:4528）。"
            f" Layer '{name}' is in a geographic CRS ({crs.authid()}); reproject it first."
        )
    return crs


def features(source, request: QgsFeatureRequest | None = None):
    """Iterate a layer or feature source, our own geometry checks applying.

    Processing sources check geometry validity by the context's setting and
    abort with a message that does not name the parcel; the readers here
    check validity themselves and name the BSM, so that check is skipped.
    """
    request = request or QgsFeatureRequest()
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks)
    request.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    return source.getFeatures(request)


def polygonal(geom: QgsGeometry) -> QgsGeometry | None:
    """The polygon part of an overlay result (drops lines and points), or None."""
    if geom.type() == QgsWkbTypes.PolygonGeometry:
        return geom
    if geom.isMultipart() or QgsWkbTypes.flatType(geom.wkbType()) == QgsWkbTypes.GeometryCollection:
        parts = [QgsGeometry(p.clone()) for p in geom.constParts()]
        polygons = [p for p in parts if p.type() == QgsWkbTypes.PolygonGeometry]
        if polygons:
            return QgsGeometry.collectGeometry(polygons)
    return None


def gauss_kruger_for(source) -> ellipsoid.GaussKruger:
    """The Gauss-Krüger definition of a projected CGCS2000 layer."""
    crs = check_projected(source)
    extent = source.sourceExtent() if hasattr(source, "sourceExtent") else source.extent()
    easting = extent.center().x() if not extent.isEmpty() else None
    return ellipsoid.gauss_kruger_for_crs(crs, sample_easting=easting)


def read_polygons(source, target_crs, context=None, label: str = "项目区", name: str | None = None,
                  repair: bool = False, notes: list | None = None) -> list:
    """The non-empty polygons of a layer, in ``target_crs``.

    Args:
        source: Layer or feature source.
        target_crs: CRS to transform to.
        context: Transform context.
        label: What the layer is, for the message (项目区, 生态保护红线 …).
        name: Layer name for messages (default: the source's).
        repair: Repair invalid geometries instead of stopping (:mod:`.validity`).
        notes: Receives the log lines about repaired geometries.

    Raises:
        LandConsolidationError: invalid geometries, naming layer and features.
    """
    name = name or source_name(source)
    transform = None
    crs = source_crs(source)
    if crs.isValid() and crs != target_crs:
        ctx = context or QgsProject.instance().transformContext() or QgsCoordinateTransformContext()
        transform = QgsCoordinateTransform(crs, target_crs, ctx)
    parts = []
    check = GeometryCheck(name, repair, label)
    for feature in features(source):
        geom = feature.geometry()
        if geom is None or geom.isEmpty():
            continue
        geom = check(geom, f"要素 {feature.id()}")
        if geom is None:
            continue
        geom = QgsGeometry(geom)
        if transform is not None:
            geom.transform(transform)
        parts.append(geom)
    lines = check.finish()
    if notes is not None:
        notes.extend(lines)
    return parts


def dissolve_area(source, target_crs, context=None, name: str | None = None, repair: bool = False) -> QgsGeometry:
    """Union of a polygon source's features, in ``target_crs``.

    Raises:
        LandConsolidationError: no features, or an invalid geometry.
    """
    name = name or source_name(source)
    parts = read_polygons(source, target_crs, context, "项目区", name, repair)
    if not parts:
        raise LandConsolidationError(
            f"项目区图层“{name}”没有面要素。 The project area layer '{name}' has no polygons."
        )
    return QgsGeometry.unaryUnion(parts)


def ogr_location(source):
    """(path, layer name, layer id) of a plain OGR file layer read whole, or None.

    "Plain": a QgsVectorLayer of the ``ogr`` provider without a subset
    filter or unsaved edits, so that GDAL can read the file directly.
    """
    from qgis.core import QgsProviderRegistry, QgsVectorLayer

    if not isinstance(source, QgsVectorLayer) or source.providerType() != "ogr":
        return None
    if source.subsetString() or (source.editBuffer() is not None and source.editBuffer().isModified()):
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", source.source())
    path = parts.get("path")
    if not path or parts.get("subset"):
        return None
    return path, parts.get("layerName"), parts.get("layerId")


def read_ogr_columns(source, field_names, *, with_wkb: bool = False, rect=None, is_canceled=None) -> dict | None:
    """Columns of a plain OGR file layer through GDAL's Arrow reader (GDAL ≥ 3.6), or None.

    About 30× faster than QGIS's feature iterator on a county DLTB.  Integer
    and real columns come as float arrays (NULL → NaN), text as object arrays
    (NULL → None).

    Args:
        source: The layer (see :func:`ogr_location`); anything else gives None.
        field_names: Fields to read.
        with_wkb: Also return the geometries as WKB (``"wkb"``).
        rect: Optional QgsRectangle filter (bounding-box intersection).
        is_canceled: Returns True when cancelled.

    Returns:
        field name → array, plus ``"fid"`` (and ``"wkb"``), or None when the
        layer cannot be read this way.
    """
    location = ogr_location(source)
    if location is None:
        return None
    try:
        from osgeo import gdal, ogr
    except ImportError:  # pragma: no cover - GDAL's bindings ship with QGIS
        return None
    if int(gdal.VersionInfo()) < 3060000:
        return None
    path, layer_name, layer_id = location
    dataset = ogr.Open(path)
    if dataset is None:
        return None
    if layer_name:
        layer = dataset.GetLayerByName(layer_name)
    else:
        layer = dataset.GetLayer(int(layer_id) if layer_id is not None else 0)
    if layer is None or not hasattr(layer, "GetArrowStreamAsNumPy"):
        return None
    wanted = set(field_names)
    layer.SetIgnoredFields([f.GetName() for f in layer.schema if f.GetName() not in wanted]
                           + ([] if with_wkb else ["OGR_GEOMETRY"]))
    if rect is not None:
        layer.SetSpatialFilterRect(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
    fid_column = layer.GetFIDColumn() or "OGC_FID"
    geometry_column = layer.GetGeometryColumn() or "wkb_geometry"
    batches: dict[str, list] = {}
    for batch in layer.GetArrowStreamAsNumPy():
        if is_canceled is not None and is_canceled():
            raise Cancelled()
        for key, values in batch.items():
            batches.setdefault(key, []).append(values)
    if fid_column not in batches:
        return None
    count = sum(len(v) for v in batches[fid_column])

    def column(key):
        parts = batches.get(key)
        if not parts:
            return np.full(count, None, dtype=object)
        masked = any(np.ma.isMaskedArray(p) for p in parts)
        values = np.ma.concatenate(parts) if masked else np.concatenate(parts)
        mask = np.ma.getmaskarray(values) if masked else None
        data = values.data if masked else values
        if data.dtype.kind == "f":
            out = data.astype(float)
        elif data.dtype.kind == "S":  # GDAL gives UTF-8 bytes; decode each distinct value once
            uniques, inverse = np.unique(data, return_inverse=True)
            out = np.array([u.decode("utf-8", "replace") for u in uniques] or [""], dtype=object)[inverse]
        else:  # integers stay integers (an integer DLBM 101 must not become "101.0")
            out = data.astype(object)
        if mask is not None and mask.any():
            out = out.astype(object) if out.dtype.kind != "f" else out
            out[mask] = np.nan if out.dtype.kind == "f" else None
        return out

    result = {name: column(name) for name in field_names}
    result["fid"] = np.asarray(np.concatenate(batches[fid_column]), dtype=np.int64)
    if with_wkb:
        result["wkb"] = list(np.concatenate(batches[geometry_column])) if count else []
    return result


def read_dltb(
    source,
    *,
    project_area: QgsGeometry | None = None,
    overrides: Mapping[str, str] | None = None,
    keep_geometry: bool = False,
    extra_roles: tuple = (),
    code_role: str = "code",
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
    table: codes_mod.CodeTable | None = None,
    repair: bool = False,
) -> ParcelTable:
    """Read a DLTB layer into a :class:`ParcelTable`.

    Args:
        source: A QgsVectorLayer or QgsFeatureSource of 三调 parcels.
        project_area: Boundary (in the layer's CRS) to restrict to; parcels
            cut by it are split in proportion to the ellipsoidal area kept.
        overrides: role → field name chosen by the user.
        keep_geometry: Keep the (cut) geometries in the result.
        extra_roles: Additional roles to read, as ``(role, field_name)``.
        code_role: Role whose field holds the code to classify by (a planned
            code field can be read in place of DLBM this way).
        progress: Called with a percentage.
        is_canceled: Returns True when the user cancelled.
        table: Code table (default: the shipped 三调 table).
        repair: Repair invalid geometries instead of stopping (:mod:`.validity`).

    Raises:
        LandConsolidationError: a missing field, a geographic CRS, an invalid
            geometry where geometry is used, or a project area that misses
            the layer.
    """
    table = table or codes_mod.default_table()
    name = source_name(source)
    crs = check_projected(source, name)
    field_names = [f.name() for f in source.fields()]
    found = detect_fields(field_names, overrides)
    for role, fname in extra_roles:
        found[role] = detect_fields(field_names, {role: fname}, {role: ()})[role]
    code_field = require(found, code_role, name)

    area_from_geometry = not found["tbmj"]
    need_geometry = keep_geometry or area_from_geometry or project_area is not None
    gk = gauss_kruger_for(source) if need_geometry else None

    wanted = {code_field} | {v for v in found.values() if v}
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes(sorted(wanted), source.fields())
    if not need_geometry:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)

    engine = None
    if project_area is not None:
        if project_area.isEmpty():
            raise LandConsolidationError(
                f"项目区为空。 The project area is empty (layer '{name}')."
            )
        request.setFilterRect(project_area.boundingBox())
        engine = QgsGeometry.createGeometryEngine(project_area.constGet())
        engine.prepareGeometry()

    columns: dict[str, list] = {key: [] for key in ("fid", "code", "tbmj", "kcmj", "tbdlmj", "fraction")}
    for role in TEXT_ROLES + NUMBER_ROLES:
        columns[role] = []
    for role, _ in extra_roles:
        columns[role] = []
    geometries: list | None = [] if keep_geometry else None
    check = GeometryCheck(name, repair)
    empty: list[str] = []
    field_index = {role: source.fields().lookupField(fname) for role, fname in found.items() if fname}
    code_index = source.fields().lookupField(code_field)
    total = max(source.featureCount(), 1)

    # Areas from geometry are computed in one batch after the loop (the
    # per-geometry call is ~50× slower): remember which rows need which.
    whole_geoms: list = []  # whole parcel geometry of rows cut or without TBMJ
    whole_rows: list[int] = []
    piece_geoms: list = []
    piece_rows: list[int] = []
    raw = {"tbmj": [], "kcmj": [], "tbdlmj": []}
    # A plain file layer read without geometry goes through GDAL's columnar
    # reader (~30× faster on a county); everything else feature by feature.
    fast = None if need_geometry else read_ogr_columns(source, sorted(wanted), is_canceled=is_canceled)
    if fast is not None:
        row = _fill_from_columns(fast, columns, raw, found, code_field, extra_roles, name)
    else:
        row = 0
        for count, feature in enumerate(features(source, request)):
            if is_canceled is not None and is_canceled():
                raise Cancelled()
            if progress is not None and count % 2000 == 0:
                progress(100.0 * count / total)
            attrs = feature.attributes()
            geom = feature.geometry() if need_geometry else None
            if need_geometry:
                if geom is None or geom.isNull() or geom.isEmpty():
                    empty.append(_parcel_label(attrs, field_index, feature.id()))
                    continue
                geom = check(geom, _parcel_label(attrs, field_index, feature.id()))
                if geom is None:
                    continue
            whole = geom
            cut = False
            if engine is not None:
                if not engine.intersects(geom.constGet()):
                    continue
                if not engine.contains(geom.constGet()):
                    geom = polygonal(geom.intersection(project_area))
                    if geom is None or geom.isEmpty():
                        continue
                    cut = True
            try:
                tbmj = _number(attrs, field_index.get("tbmj"))
                numbers = {role: _number(attrs, field_index.get(role)) for role in NUMBER_ROLES + ("kcmj", "tbdlmj")}
            except LandConsolidationError as exc:
                raise LandConsolidationError(
                    f"图层“{name}”{_parcel_label(attrs, field_index, feature.id())}：{exc}"
                ) from None
            if cut or tbmj is None:
                whole_geoms.append(whole)
                whole_rows.append(row)
            if cut:
                piece_geoms.append(geom)
                piece_rows.append(row)
            raw["tbmj"].append(tbmj)
            raw["kcmj"].append(numbers["kcmj"])
            raw["tbdlmj"].append(numbers["tbdlmj"])
            columns["fid"].append(feature.id())
            columns["code"].append(attrs[code_index])
            for role in TEXT_ROLES:
                columns[role].append(_text(attrs, field_index.get(role)))
            for role in NUMBER_ROLES:
                value = numbers[role]
                columns[role].append(np.nan if value is None else value)
            for role, _ in extra_roles:
                columns[role].append(attrs[field_index[role]] if role in field_index else None)
            if geometries is not None:
                geometries.append(geom)
            row += 1

    whole_area = np.full(row, np.nan)
    if whole_rows:
        whole_area[whole_rows] = ellipsoid.geometry_areas(gk, whole_geoms)
    fraction = np.ones(row)
    if piece_rows:
        fraction[piece_rows] = ellipsoid.geometry_areas(gk, piece_geoms) / whole_area[piece_rows]
    tbmj = np.array([np.nan if v is None else v for v in raw["tbmj"]], dtype=float)
    missing_tbmj = np.isnan(tbmj)
    from_geometry = int(missing_tbmj.sum())
    tbmj = np.where(missing_tbmj, whole_area, tbmj)
    kcxs = np.nan_to_num(np.array(columns["kcxs"], dtype=float))
    kcmj = np.array([np.nan if v is None else v for v in raw["kcmj"]], dtype=float)
    kcmj = np.where(np.isnan(kcmj), np.round(tbmj * kcxs, 2), kcmj)
    tbdlmj = np.array([np.nan if v is None else v for v in raw["tbdlmj"]], dtype=float)
    tbdlmj = np.where(np.isnan(tbdlmj), tbmj - kcmj, tbdlmj)
    columns["tbmj"] = tbmj * fraction
    columns["kcmj"] = kcmj * fraction
    columns["tbdlmj"] = tbdlmj * fraction
    columns["fraction"] = fraction
    # A parcel that only touches the boundary leaves an empty or zero-area piece.
    keep = fraction > 0

    if empty:
        raise LandConsolidationError(
            f"图层“{name}”有 {len(empty)} 个图斑几何为空：{listing(empty)}；请补全几何或删除这些图斑，或运行数据质检。"
            f" Layer '{name}': {len(empty)} parcel(s) with an empty geometry: {listing(empty)}."
        )
    repaired_notes = check.finish()
    frame = pd.DataFrame(columns)
    if not keep.all():
        frame = frame[keep].reset_index(drop=True)
        if geometries is not None:
            geometries = [g for g, k in zip(geometries, keep) if k]
    if project_area is not None and frame.empty:
        raise LandConsolidationError(
            f"项目区与图层“{name}”没有重叠。 The project area does not overlap layer '{name}'."
        )
    _classify(frame, table)
    notes = repaired_notes + _consistency_notes(frame, name)
    area_source = "fields"
    if from_geometry:
        area_source = f"geometry for {from_geometry} parcel(s)"
        notes.append(
            f"{from_geometry} 个图斑无 TBMJ，面积按三调椭球面积公式由几何计算。"
            f" {from_geometry} parcel(s) without TBMJ: area computed from geometry (三调 ellipsoidal method)."
        )
    if progress is not None:
        progress(100.0)
    return ParcelTable(
        frame=frame,
        fields=found,
        layer_name=name,
        crs=crs,
        area_source=area_source,
        notes=notes,
        geometries=geometries,
        gk=gk,
    )


def _fill_from_columns(fast: dict, columns: dict, raw: dict, found: dict, code_field: str, extra_roles, name) -> int:
    """Fill read_dltb's column lists from :func:`read_ogr_columns` output; returns the row count."""
    count = len(fast["fid"])
    bsm_field = found.get("bsm")
    bsm = fast[bsm_field] if bsm_field else None

    def label(i):
        text = to_text(bsm[i]) if bsm is not None else ""
        return f"图层“{name}”" + (f"BSM {text}" if text else f"要素 {fast['fid'][i]}")

    def numbers(field):
        if not field:
            return np.full(count, np.nan)
        return to_numbers(fast[field], label)

    columns["fid"] = fast["fid"].tolist()
    columns["code"] = list(fast[code_field])
    for role in TEXT_ROLES:
        field = found.get(role)
        columns[role] = texts(fast[field]) if field else [""] * count
    for role in NUMBER_ROLES:
        columns[role] = numbers(found.get(role))
    for role in ("tbmj", "kcmj", "tbdlmj"):
        raw[role] = numbers(found.get(role))
    for role, _ in extra_roles:
        field = found.get(role)
        columns[role] = list(fast[field]) if field else [None] * count
    return count


def _classify(frame: pd.DataFrame, table: codes_mod.CodeTable) -> None:
    entries = [table.lookup(c) for c in frame["code"]]
    frame["code"] = [e.code for e in entries]
    frame["base"] = [e.base for e in entries]
    frame["suffix"] = [e.suffix for e in entries]
    frame["known"] = np.array([e.known for e in entries], dtype=bool)
    frame["kcdlbm"] = [
        codes_mod.normalise(k) or codes_mod.TIANKAN for k in frame["kcdlbm"]
    ]


def _consistency_notes(frame: pd.DataFrame, name: str) -> list[str]:
    notes = []
    gap = (frame["tbmj"] - frame["kcmj"] - frame["tbdlmj"]).abs()
    bad = gap > CONSISTENCY_TOLERANCE * np.maximum(frame["fraction"], 1e-12)
    if bad.any():
        notes.append(
            f"图层“{name}”有 {int(bad.sum())} 个图斑 TBMJ − KCMJ ≠ TBDLMJ（差值合计 "
            f"{float((frame['tbmj'] - frame['kcmj'] - frame['tbdlmj'])[bad].sum()):.2f} m²）；"
            f"地类面积按 TBDLMJ、田坎按 KCMJ 统计，总面积按 TBMJ。"
        )
    unknown = ~frame["known"]
    if unknown.any():
        sub = frame[unknown]
        listing = ", ".join(
            f"{code} ({len(g)} 个图斑, {g['tbdlmj'].sum():.2f} m²)" for code, g in sub.groupby("code")
        )
        notes.append(f"图层“{name}”有三调地类表之外的编码，单列统计：{listing}。")
    return notes


def unknown_codes(frame: pd.DataFrame) -> pd.DataFrame:
    """Unknown codes with parcel count and class area (m²)."""
    sub = frame[~frame["known"]]
    return sub.groupby("code").agg(parcels=("fid", "size"), area_m2=("tbdlmj", "sum")).reset_index()


def reject_unknown_codes(parcels: ParcelTable) -> None:
    """Raise when a parcel's code is not in the 三调 table, listing them.

    Raises:
        LandConsolidationError: with each unknown code, its parcel count,
            area and up to ten BSMs.
    """
    frame = parcels.frame
    unknown = unknown_codes(frame)
    if unknown.empty:
        return
    items = []
    for rec in unknown.itertuples(index=False):
        ids = frame.loc[frame["code"] == rec.code, "bsm"].replace("", np.nan).dropna().head(MAX_LISTED)
        where = ("，BSM " + "、".join(ids)) if len(ids) else ""
        label = rec.code or "(空)"
        items.append(f"“{label}” {rec.parcels} 个图斑 {rec.area_m2:.2f} m²{where}")
    field_name = parcels.fields.get("code") or "DLBM"
    raise LandConsolidationError(
        f"图层“{parcels.layer_name}”字段 {field_name} 有三调地类表之外的编码：{'；'.join(items)}。"
        f"请更正编码，或将“未知编码”参数设为“单列统计”。"
        f" Layer '{parcels.layer_name}', field {field_name}: codes not in the 三调 table: "
        f"{'; '.join(items)}. Correct them, or set UNKNOWN_CODES to 1 to report them as their own rows."
    )


def _parcel_label(attrs, field_index, fid) -> str:
    return parcel_label(_text(attrs, field_index.get("bsm")), fid)


def _number(attrs, index):
    """The attribute at ``index`` as a float, None when absent or NULL."""
    if index is None or index < 0:
        return None
    number = to_number(attrs[index])
    return None if np.isnan(number) else number


def _text(attrs, index) -> str:
    """The attribute at ``index`` as text, "" when absent or NULL."""
    return "" if index is None or index < 0 else to_text(attrs[index])
