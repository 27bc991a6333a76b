"""Many project areas of one county in one run (``landconsolidation:batchscheme``): each layer read once.

A county's layers are read once into memory (:class:`LayerData`: GDAL's
columnar reader for a plain file layer – the text columns kept as the raw
fixed-width bytes GDAL gives, a few megabytes for 250 000 parcels – else
feature by feature through QGIS).  For each project area the features
meeting it are found from those arrays (the boundary grid of
:mod:`.geokernel.inside` places the features far from the area's boundary,
GEOS the others) and copied into memory layers, which the scheme's
algorithms read as they read any layer.  So every area gets exactly what
``exportscheme`` would compute on that area alone, and no area reads a file
again.

Areas are polygons of a layer (one per feature, named by a field) or
townships: the parcels whose ZLDWDM starts with the 9-digit township code,
dissolved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from . import dltb
from .errors import check_canceled
from .geokernel import Rings
from .geokernel.inside import INSIDE, NEAR, boundary_grid, classify_rings

#: Characters a file name may not hold on Windows or Linux.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_file_names(names: list[str], fallback: str = "area") -> list[str]:
    """File names (without extension) for area names: unsafe characters replaced, empty ones named, repeats numbered.

    ``a/b`` → ``a_b``; two areas called 东村 → ``东村`` and ``东村_2``; at most
    100 characters; case-insensitive repeats count as repeats (Windows).
    """
    out, seen = [], set()
    for k, name in enumerate(names):
        base = _UNSAFE.sub("_", str(name or "")).strip(" ._")[:100] or f"{fallback}_{k + 1}"
        if base.upper() in {"CON", "PRN", "AUX", "NUL"} or re.fullmatch(r"(?i)(COM|LPT)\d", base):
            base = f"_{base}"
        candidate, n = base, 1
        while candidate.lower() in seen:
            n += 1
            candidate = f"{base}_{n}"
        seen.add(candidate.lower())
        out.append(candidate)
    return out


@dataclass
class LayerData:
    """A layer's features held in memory once: ids, raw attribute columns and geometries (WKB).

    Attributes:
        name: The layer's name (for messages and the memory layers).
        fields: Its QgsFields.
        wkb_type: Its geometry type.
        crs: The CRS the geometries are in (the target CRS when reprojected).
        fids: Feature ids.
        columns: field name → array (numpy; text as raw bytes with ``codec``,
            or objects), ``masks`` where NULL.
        wkb: Geometry of each feature (WKB; b"" for none).
        codec: The text columns' encoding.
    """

    name: str
    fields: object
    wkb_type: int
    crs: object
    fids: np.ndarray
    columns: dict
    masks: dict
    wkb: list
    codec: str = "utf-8"
    _rings: Rings | None = field(default=None, repr=False)

    @property
    def count(self) -> int:
        """Number of features."""
        return len(self.fids)

    @property
    def rings(self) -> Rings:
        """The geometries as rings (read once, for the boundary grid)."""
        if self._rings is None:
            self._rings = Rings.from_wkb(self.wkb)
        return self._rings

    def text(self, name: str, rows) -> list[str]:
        """A column's values at ``rows`` as text ("" for NULL)."""
        values = self.values(name, rows)
        return ["" if v is None else str(v) for v in values]

    def values(self, name: str, rows) -> list:
        """A column's values at ``rows`` as QGIS takes them (None for NULL)."""
        rows = np.asarray(rows, dtype=np.int64)
        column = self.columns[name]
        data = column[rows]
        if data.dtype.kind == "S":
            out = [v.decode(self.codec, "replace") for v in data.tolist()]
        elif data.dtype.kind == "M":
            out = data.astype(object).tolist()
        elif data.dtype.kind == "f":
            out = [None if v != v else v for v in data.tolist()]
        else:
            out = [v.decode(self.codec, "replace") if isinstance(v, bytes) else v for v in data.tolist()]
        mask = self.masks.get(name)
        if mask is not None:
            nulls = mask[rows]
            if nulls.any():
                out = [None if null else v for v, null in zip(out, nulls.tolist())]
        return out

    def meeting(self, boundary, is_canceled: Callable[[], bool] | None = None) -> np.ndarray:
        """Rows of the features meeting ``boundary`` (overlapping it by 0.01 m² or more, as a project copies them)."""
        from qgis.core import QgsGeometry

        from .project import meets

        state = classify_rings(boundary_grid(bytes(boundary.asWkb())), self.rings)
        keep = state == INSIDE
        engine = QgsGeometry.createGeometryEngine(boundary.constGet())
        engine.prepareGeometry()
        box = boundary.boundingBox()
        xmin, ymin, xmax, ymax = self.rings.bounds()
        near = (state == NEAR) & ~(xmax < box.xMinimum()) & ~(xmin > box.xMaximum()) \
            & ~(ymax < box.yMinimum()) & ~(ymin > box.yMaximum())
        geom = QgsGeometry()
        for count, i in enumerate(np.flatnonzero(near).tolist()):
            if count % 5000 == 0:
                check_canceled(is_canceled)
            if not self.wkb[i]:
                continue
            geom.fromWkb(self.wkb[i])
            if not geom.isEmpty() and meets(engine, boundary, geom):
                keep[i] = True
        return np.flatnonzero(keep)

    def memory_layer(self, rows, name: str | None = None):
        """A memory layer of the features at ``rows`` (fields, attributes and geometries as read)."""
        from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer, QgsWkbTypes

        rows = np.asarray(rows, dtype=np.int64)
        type_name = QgsWkbTypes.displayString(self.wkb_type) or "MultiPolygon"
        layer = QgsVectorLayer(f"{type_name}?crs={self.crs.authid()}" if self.crs.authid() else type_name,
                               name or self.name, "memory")
        if not self.crs.authid():
            layer.setCrs(self.crs)
        provider = layer.dataProvider()
        provider.addAttributes(list(self.fields))
        layer.updateFields()
        names = [f.name() for f in self.fields]
        values = [self.values(n, rows) if n in self.columns else [None] * len(rows) for n in names]
        features = []
        for k, i in enumerate(rows.tolist()):
            feature = QgsFeature(layer.fields())
            if self.wkb[i]:
                geom = QgsGeometry()
                geom.fromWkb(self.wkb[i])
                feature.setGeometry(geom)
            feature.setAttributes([column[k] for column in values])
            features.append(feature)
        provider.addFeatures(features)
        layer.updateExtents()
        return layer


def read_layer(source, target_crs=None, transform_context=None,
               is_canceled: Callable[[], bool] | None = None) -> LayerData:
    """Read a layer once into a :class:`LayerData` (reprojected to ``target_crs`` when it is in another CRS).

    A plain file layer (see :func:`.dltb.ogr_location`) is read by GDAL's
    columnar reader with every field; anything else feature by feature.
    """
    from qgis.core import QgsCoordinateTransform, QgsCoordinateTransformContext, QgsGeometry

    name = dltb.source_name(source)
    crs = dltb.source_crs(source)
    fields = source.fields()
    names = [f.name() for f in fields]
    raw = _read_arrow(source, names, is_canceled)
    if raw is not None:
        fids, columns, masks, wkb, codec = raw
    else:
        fids, columns, masks, wkb, codec = _read_features(source, names, is_canceled)
    if target_crs is not None and crs.isValid() and target_crs.isValid() and crs != target_crs:
        transform = QgsCoordinateTransform(crs, target_crs, transform_context or QgsCoordinateTransformContext())
        moved = []
        for blob in wkb:
            if not blob:
                moved.append(b"")
                continue
            geom = QgsGeometry()
            geom.fromWkb(blob)
            geom.transform(transform)
            moved.append(bytes(geom.asWkb()))
        wkb, crs = moved, target_crs
    wkb_type = source.wkbType() if hasattr(source, "wkbType") else 6
    return LayerData(name, fields, wkb_type, crs, fids, columns, masks, wkb, codec)


def _read_arrow(source, names, is_canceled):
    """(fids, columns, masks, wkb, codec) by GDAL's columnar reader, or None when the layer is not a plain file."""
    read = dltb.arrow_batches(source, is_canceled=is_canceled)
    if read is None:
        return None
    batches, fid_column, geometry_column, codec = read
    columns, masks = {}, {}
    for name in names:
        parts = batches.get(name)
        if not parts:
            continue
        if any(np.ma.isMaskedArray(p) for p in parts):
            joined = np.ma.concatenate(parts)
            masks[name] = np.ma.getmaskarray(joined)
            columns[name] = np.asarray(joined.data)
        else:
            columns[name] = np.concatenate(parts)
    fids = np.asarray(np.concatenate(batches[fid_column]), dtype=np.int64)
    blobs = np.concatenate(batches[geometry_column]) if len(fids) else np.zeros(0, dtype=object)
    wkb = [bytes(b) if b is not None else b"" for b in (blobs.tolist() if blobs.dtype.kind == "V" else list(blobs))]
    return fids, columns, masks, wkb, codec


def _read_features(source, names, is_canceled):
    """(fids, columns, masks, wkb, codec) feature by feature through QGIS (memory layers, selections …)."""
    from qgis.PyQt.QtCore import QVariant

    fids, wkb = [], []
    values: dict[str, list] = {name: [] for name in names}
    for count, feature in enumerate(dltb.features(source)):
        if count % 5000 == 0:
            check_canceled(is_canceled)
        fids.append(feature.id())
        geom = feature.geometry()
        wkb.append(b"" if geom is None or geom.isNull() else bytes(geom.asWkb()))
        for name, value in zip(names, feature.attributes()):
            values[name].append(None if type(value) is QVariant or value is None else value)
    columns, masks = {}, {}
    for name, column in values.items():
        array = np.empty(len(column), dtype=object)
        array[:] = column
        columns[name] = array
        masks[name] = np.fromiter((v is None for v in column), dtype=bool, count=len(column))
    return np.asarray(fids, dtype=np.int64), columns, masks, wkb, "utf-8"


def township_rows(layer: LayerData, village_field: str, code: str) -> np.ndarray:
    """Rows of the parcels whose ZLDWDM starts with the township code (its first 9 digits)."""
    code = str(code).strip()
    values = layer.text(village_field, np.arange(layer.count))
    return np.flatnonzero(np.fromiter((v.strip().startswith(code) for v in values), dtype=bool, count=layer.count))


def dissolve_rows(layer: LayerData, rows) -> object:
    """The union of the geometries at ``rows`` (a township's parcels → its boundary)."""
    from qgis.core import QgsGeometry

    parts = []
    for i in np.asarray(rows, dtype=np.int64).tolist():
        if layer.wkb[i]:
            geom = QgsGeometry()
            geom.fromWkb(layer.wkb[i])
            parts.append(geom)
    return QgsGeometry.unaryUnion(parts) if parts else QgsGeometry()
