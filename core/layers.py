"""Layers as the readers take them: names, CRSs, features, polygons, and GDAL's columnar read.

What every reader of the plugin needs before any 三调 rule applies: a layer's
or feature source's name and CRS (a geographic CRS refused), its features
(a selection, a filter and unsaved edits respected), a boundary layer's
polygons (reprojected, checked), the file behind a plain file layer and its
text encoding, and that file's columns read in one pass by GDAL's columnar
(Arrow) reader.  Geometries are held as WKB until used
(:class:`GeometryList`).  :mod:`.dltb` applies the 三调 area rules on top.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
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

from ..i18n import tr
from . import ellipsoid
from .encoding import layer_encoding
from .errors import Cancelled, LandConsolidationError
from .geokernel import Rings, convex_polygons
from .validity import GeometryCheck, parcel_label


class GeometryList(Sequence):
    """Geometries held as WKB until used: item ``i`` is made a QgsGeometry when first read (and kept).

    A county's 250 000 parcels as QgsGeometry objects cost a second to make
    and much memory; most uses of the plan (tables, the overlay's matched
    parcels) never look at most of them.  Items may be WKB bytes or
    QgsGeometry; :meth:`wkb` reads the WKB without making a geometry.
    """

    __slots__ = ("_items",)

    def __init__(self, items=()):
        self._items = list(items)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._items)))]
        item = self._items[index]
        if type(item) is QgsGeometry:
            return item
        geom = _as_geometry(item)
        self._items[index] = geom
        return geom

    def __iter__(self):
        for i in range(len(self._items)):
            yield self[i]

    def wkb(self, index: int) -> bytes:
        """The WKB of item ``index`` (b"" for a null geometry), without making a QgsGeometry."""
        return _as_wkb(self._items[index]) or b""

    def wkb_list(self) -> list:
        """The WKB of every item (b"" for null ones)."""
        return [item if type(item) is bytes else (_as_wkb(item) or b"") for item in self._items]

    def take(self, indices) -> GeometryList:
        """The items at ``indices`` (a list of ints), as they are held."""
        items = self._items
        return GeometryList([items[i] for i in indices])

    def append(self, item) -> None:
        """Add a geometry (QgsGeometry or WKB)."""
        self._items.append(item)

    def extend(self, other: GeometryList) -> None:
        """Add the items of another list, as they are held."""
        self._items.extend(other._items)

    def raw(self, index: int):
        """Item ``index`` as held (WKB bytes or QgsGeometry)."""
        return self._items[index]

    def fresh(self):
        """Every item as a QgsGeometry made for this pass and not kept: for a single pass over a county."""
        for item in self._items:
            yield item if type(item) is QgsGeometry else _as_geometry(item)


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
        raise LandConsolidationError(tr(
            "Layer '{layer}' has no coordinate reference system; set it to a CGCS2000 Gauss-Krüger projection "
            "(e.g. EPSG:4528).").format(layer=name))
    if crs.isGeographic():
        raise LandConsolidationError(tr(
            "Layer '{layer}' is in a geographic coordinate system ({crs}); areas and overlays need projected "
            "coordinates: reproject it to CGCS2000 Gauss-Krüger first (e.g. EPSG:4528).").format(
            layer=name, crs=crs.authid()))
    return crs


def features(source, request: QgsFeatureRequest | None = None):
    """Iterate a layer or feature source, our own geometry checks applying.

    Processing sources check geometry validity by the context's setting and
    abort with a message that does not name the parcel; the readers here
    check validity themselves and name the BSM, so that check is skipped.
    """
    request = request or QgsFeatureRequest()
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
    request.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    return source.getFeatures(request)


def polygonal(geom: QgsGeometry) -> QgsGeometry | None:
    """The polygon part of an overlay result (drops lines and points), or None."""
    if geom.type() == QgsWkbTypes.GeometryType.PolygonGeometry:
        return geom
    if geom.isMultipart() or QgsWkbTypes.flatType(geom.wkbType()) == QgsWkbTypes.Type.GeometryCollection:
        parts = [QgsGeometry(p.clone()) for p in geom.constParts()]
        polygons = [p for p in parts if p.type() == QgsWkbTypes.GeometryType.PolygonGeometry]
        if polygons:
            return QgsGeometry.collectGeometry(polygons)
    return None


def gauss_kruger_for(source) -> ellipsoid.GaussKruger:
    """The Gauss-Krüger definition of a projected CGCS2000 layer."""
    crs = check_projected(source)
    extent = source.sourceExtent() if hasattr(source, "sourceExtent") else source.extent()
    easting = extent.center().x() if not extent.isEmpty() else None
    return ellipsoid.gauss_kruger_for_crs(crs, sample_easting=easting)


def read_polygons(source, target_crs, context=None, label: str | None = None, name: str | None = None,
                  repair: bool = False, notes: list | None = None, lazy: bool = False) -> list:
    """The non-empty polygons of a layer, in ``target_crs``.

    Args:
        source: Layer or feature source.
        target_crs: CRS to transform to.
        context: Transform context.
        label: What the layer is, for the message (default the translated "project area").
        name: Layer name for messages (default: the source's).
        repair: Repair invalid geometries instead of stopping (:mod:`.validity`).
        notes: Receives the log lines about repaired geometries.
        lazy: Return a :class:`GeometryList`: a plain file layer's polygons
            of one convex ring stay WKB until used (a county's 永久基本农田
            of which a run looks at a few).

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
    check = GeometryCheck(name, repair, tr("project area") if label is None else label)
    columns = read_ogr_columns(source, [], with_wkb=True) if transform is None else None
    if columns is not None:
        # A plain file layer: WKB in one pass, and GEOS's validity check only for what is not a convex ring.
        blobs = [bytes(b) if b is not None else b"" for b in columns["wkb"]]
        sure = convex_polygons(Rings.from_wkb(blobs))
        for i, blob in enumerate(blobs):
            if lazy and sure[i]:  # one convex ring: neither empty nor invalid
                parts.append(blob)
                continue
            geom = _as_geometry(blob)
            if geom.isEmpty():
                continue
            if not sure[i]:
                geom = check(geom, parcel_label(None, int(columns["fid"][i])))
                if geom is None:
                    continue
            parts.append(geom)
        lines = check.finish()
        if notes is not None:
            notes.extend(lines)
        return GeometryList(parts) if lazy else parts
    parts += [geom for _, geom in checked_geometries(source, check, transform)]
    lines = check.finish()
    if notes is not None:
        notes.extend(lines)
    return GeometryList(parts) if lazy else parts


def checked_geometries(source, check: GeometryCheck, transform=None):
    """``(feature, geometry)`` of each feature with a geometry: checked by ``check`` (an invalid one, unless
    repaired, is left out and named by it), copied, and transformed when a transform is given."""
    for feature in features(source):
        geom = feature.geometry()
        if geom is None or geom.isNull() or geom.isEmpty():
            continue
        geom = check(geom, parcel_label(None, feature.id()))
        if geom is None:
            continue
        geom = QgsGeometry(geom)
        if transform is not None:
            geom.transform(transform)
        yield feature, geom


def dissolve_area(source, target_crs, context=None, name: str | None = None, repair: bool = False) -> QgsGeometry:
    """Union of a polygon source's features, in ``target_crs``.

    Raises:
        LandConsolidationError: no features, or an invalid geometry.
    """
    name = name or source_name(source)
    parts = read_polygons(source, target_crs, context, tr("project area"), name, repair)
    if not parts:
        raise LandConsolidationError(tr("The project area layer '{layer}' has no polygons.").format(layer=name))
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


def text_codec(source, path: str) -> str:
    """The codec the raw text of a file layer is in: the layer's own setting, else what the file declares.

    QGIS reads a layer's text in its provider encoding (set from the
    shapefile's ``.cpg``, by the user, or – for a shapefile that declares
    nothing and is not UTF-8 – by the plugin's private copy, see
    processing/inputs.py); GDAL's columnar read hands over the raw bytes,
    which must be decoded the same way.
    """
    import codecs

    name = source.dataProvider().encoding() if hasattr(source, "dataProvider") else ""
    try:
        if name and name.lower() != "system":
            return codecs.lookup(name).name
    except LookupError:
        pass
    return codecs.lookup(layer_encoding(path).name).name


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
    read = arrow_batches(source, field_names, with_wkb=with_wkb, rect=rect, is_canceled=is_canceled)
    if read is None:
        return None
    batches, fid_column, geometry_column, codec = read
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
        elif data.dtype.kind == "S":  # bytes in the layer's encoding (a plain loop beats np.unique on a BSM column)
            out = np.empty(len(data), dtype=object)
            out[:] = [v.decode(codec, "replace") for v in data.tolist()]
        else:  # integers stay integers (an integer DLBM 101 must not become "101.0")
            out = data.astype(object)
        if mask is not None and mask.any():
            out = out.astype(object) if out.dtype.kind != "f" else out
            out[mask] = np.nan if out.dtype.kind == "f" else None
        return out

    result = {name: column(name) for name in field_names}
    result["fid"] = np.asarray(np.concatenate(batches[fid_column]), dtype=np.int64)
    if with_wkb:
        blobs = np.concatenate(batches[geometry_column]) if count else np.zeros(0, dtype=object)
        # Equally long blobs may come as a fixed-width binary array: make them bytes.
        result["wkb"] = blobs.tolist() if blobs.dtype.kind == "V" else list(blobs)
    return result


def arrow_batches(source, field_names=None, *, with_wkb: bool = True, rect=None, is_canceled=None):
    """The record batches of a plain OGR file layer through GDAL's Arrow reader (GDAL ≥ 3.6), or None.

    Text comes as raw bytes whatever QGIS or GDAL would recode them with (a
    shapefile is opened with ``ENCODING=""``); the returned codec decodes them.

    Args:
        source: The layer (see :func:`ogr_location`); anything else gives None.
        field_names: Fields to read (None: all of them).
        with_wkb: Read the geometries too.
        rect: Optional QgsRectangle filter (bounding-box intersection).
        is_canceled: Returns True when cancelled.

    Returns:
        ``(batches, fid column, geometry column, codec)``: column name → the
        list of its arrays, one per batch; None when the layer cannot be
        read this way.
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
    codec = text_codec(source, path)
    if path.lower().endswith((".shp", ".dbf")):
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR, open_options=["ENCODING="])
    else:
        dataset = ogr.Open(path)
    if dataset is None:
        return None
    if layer_name:
        layer = dataset.GetLayerByName(layer_name)
    else:
        layer = dataset.GetLayer(int(layer_id) if layer_id is not None else 0)
    if layer is None or not hasattr(layer, "GetArrowStreamAsNumPy"):
        return None
    ignored = [] if with_wkb else ["OGR_GEOMETRY"]
    if field_names is not None:
        wanted = set(field_names)
        ignored += [f.GetName() for f in layer.schema if f.GetName() not in wanted]
    if ignored:
        layer.SetIgnoredFields(ignored)
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
    return batches, fid_column, geometry_column, codec


def _as_geometry(item) -> QgsGeometry:
    """A QgsGeometry from WKB (or the geometry itself)."""
    if isinstance(item, QgsGeometry):
        return item
    geom = QgsGeometry()
    if item is not None and len(item):
        geom.fromWkb(bytes(item))
    return geom


def _as_wkb(item) -> bytes | None:
    """WKB of a geometry (or the WKB itself)."""
    if isinstance(item, QgsGeometry):
        return bytes(item.asWkb()) if not item.isNull() else None
    return bytes(item) if item is not None and len(item) else None
