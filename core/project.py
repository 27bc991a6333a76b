"""The project GeoPackage: one self-contained file per consolidation project.

Layout (all layers in the DLTB's CRS):

* ``XMQ`` – the project boundary (one dissolved polygon, NAME and CODE);
* ``DLTB`` – copies of the current parcels that intersect the boundary
  (whole parcels, attributes unchanged, so TBMJ stays the area of record);
* the optional layers that were given, copied the same way: ``DLTB_GH``
  (planned DLTB), ``YJJBNTTB`` / ``YJJBNTTB_GH`` (permanent basic farmland
  before / after), ``ZXM`` (sub-projects), ``STBHHX`` (ecological red line),
  ``CZKFBJ`` (urban development boundary);
* the later surveys (年度变更调查 DLTB, for implementation monitoring), one
  layer each, named ``DLTB_<year>`` (their order in the ``surveys`` setting);
* ``lc_settings`` – a key/value table: project facts (name, code, township,
  years, responsible unit), the DLTB field mapping, the planned-code field
  and its planned 田坎 coefficient field,
  the chosen villages, and where each layer was copied from.

Copies, not references: the file can be mailed to the county bureau and
re-opened elsewhere with every choice restored.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..i18n import tr, tr_noop
from .dltb import MIN_PIECE_M2
from .errors import Cancelled, LandConsolidationError
from .keys import (
    AFTER,
    AFTER_FIELD,
    AFTER_KCXS_FIELD,
    CODE,
    DEVELOPMENT_BOUNDARY,
    DLTB,
    END_YEAR,
    NAME,
    PBF_AFTER,
    PBF_BEFORE,
    PROJECT_AREA,
    RED_LINE,
    START_YEAR,
    SUBPROJECTS,
    SURVEY,
)
from .validity import GeometryCheck, parcel_label, separator
from .values import to_text

SETTINGS_TABLE = "lc_settings"
FORMAT_VERSION = "1"

#: Parameter key of createproject/exportscheme → layer name in the GeoPackage.
LAYER_NAMES = {
    PROJECT_AREA: "XMQ",
    DLTB: "DLTB",
    AFTER: "DLTB_GH",
    PBF_BEFORE: "YJJBNTTB",
    PBF_AFTER: "YJJBNTTB_GH",
    SUBPROJECTS: "ZXM",
    RED_LINE: "STBHHX",
    DEVELOPMENT_BOUNDARY: "CZKFBJ",
}



def layer_uri(path, layer_name: str) -> str:
    """OGR URI of a layer of a GeoPackage."""
    return f"{path}|layername={layer_name}"


#: Settings whose value must be of a given type (others are free), with the type's name for messages
#: (English, translated where used).
SETTING_TYPES = {
    "name": (str, tr_noop("text")), "code": (str, tr_noop("text")), "township": (str, tr_noop("text")),
    "responsible_unit": (str, tr_noop("text")),
    "start_year": ((int, type(None)), tr_noop("a year")), "end_year": ((int, type(None)), tr_noop("a year")),
    "villages": (list, tr_noop("a list")), "village_names": (dict, tr_noop("an object")),
    "field_mapping": (dict, tr_noop("an object")),
    "after_field": ((str, type(None)), tr_noop("text")),
    "after_kcxs_field": ((str, type(None)), tr_noop("text")), "sources": (dict, tr_noop("an object")),
    "prepared_by": (str, tr_noop("text")), "prepared_on": (str, tr_noop("a date")), "surveys": (list, tr_noop("a list")),
}


def read_settings(path) -> dict:
    """The ``lc_settings`` table of a project GeoPackage as a dict (JSON values decoded and checked).

    Raises:
        LandConsolidationError: the file is missing, not a SQLite/GeoPackage
            file (truncated, another format), has no settings table, or a
            setting is damaged (not JSON, or of the wrong kind) — naming the
            file, the table and the key.
    """
    import sqlite3

    path = Path(path)
    if not path.exists():
        raise LandConsolidationError(tr("Project file not found: {path}.").format(path=path))
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            tables = {r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")}
            if SETTINGS_TABLE not in tables:
                raise LandConsolidationError(tr(
                    "'{file}' is not a project file of this plugin (the GeoPackage has no {table} settings table); "
                    "make one with 'New project'.").format(file=path.name, table=SETTINGS_TABLE))
            rows = db.execute(f"SELECT key, value FROM {SETTINGS_TABLE}").fetchall()
    except sqlite3.DatabaseError as exc:
        raise LandConsolidationError(tr("The project file '{file}' is damaged or not a GeoPackage ({error}).").format(
            file=path.name, error=exc)) from None
    settings = {}
    for key, value in rows:
        try:
            settings[key] = json.loads(value)
        except (TypeError, json.JSONDecodeError):
            raise LandConsolidationError(tr(
                "Project file '{file}', settings table {table}: the value of the key '{key}' is damaged: {value}.")
                .format(file=path.name, table=SETTINGS_TABLE, key=key, value=str(value)[:80])) from None
        expected = SETTING_TYPES.get(key)
        if expected is not None and not isinstance(settings[key], expected[0]):
            raise LandConsolidationError(tr(
                "Project file '{file}', settings table {table}: the key '{key}' should hold {kind}, not {value}.")
                .format(file=path.name, table=SETTINGS_TABLE, key=key, kind=tr(expected[1]),
                        value=json.dumps(settings[key], ensure_ascii=False)[:80]))
    settings["_layers"] = sorted(tables)
    return settings


def load_project(path) -> dict:
    """Processing parameters (DLTB, PROJECT_AREA, AFTER or AFTER_FIELD and AFTER_KCXS_FIELD …) of a project file.

    Only the layers present in the file appear; the project facts come as
    ``START_YEAR`` / ``END_YEAR`` / ``NAME`` / ``CODE``.
    """
    settings = read_settings(path)
    present = set(settings["_layers"])
    params = {key: layer_uri(path, name) for key, name in LAYER_NAMES.items() if name in present}
    if settings.get("after_field") and AFTER not in params:
        params[AFTER_FIELD] = settings["after_field"]
        if settings.get("after_kcxs_field"):
            params[AFTER_KCXS_FIELD] = settings["after_kcxs_field"]
    surveys = [layer_uri(path, name) for name in settings.get("surveys") or [] if name in present]
    if surveys:
        params[SURVEY] = surveys
    for setting, key in (("start_year", START_YEAR), ("end_year", END_YEAR)):
        if settings.get(setting) not in (None, ""):
            params[key] = int(settings[setting])
    params[NAME] = settings.get("name", "")
    params[CODE] = settings.get("code", "")
    return params


def village_boundary(source, villages, overrides=None, repair: bool = False):
    """Dissolved boundary of the DLTB parcels whose ZLDWDM is in ``villages``.

    Returns:
        (geometry, names): the union in the DLTB's CRS and ZLDWDM → ZLDWMC.

    Invalid parcel geometries follow :mod:`.validity` (``repair``).

    Raises:
        LandConsolidationError: no ZLDWDM field, a code not found, or an
            invalid geometry (naming the parcels).
    """
    from qgis.core import QgsFeatureRequest, QgsGeometry

    from . import dltb
    from .fields import detect_fields, require

    name = dltb.source_name(source)
    found = detect_fields([f.name() for f in source.fields()], overrides)
    village_field = require(found, "village", name)
    name_field = found.get("village_name")
    wanted = {str(v).strip() for v in villages if str(v).strip()}
    request = QgsFeatureRequest()
    bsm_field = found.get("bsm")
    request.setSubsetOfAttributes([f for f in (village_field, name_field, bsm_field) if f], source.fields())
    parts, names = [], {}
    check = GeometryCheck(name, repair)
    for feature in dltb.features(source, request):
        code = to_text(feature[village_field])
        if code not in wanted:
            continue
        geom = feature.geometry()
        if geom is None or geom.isEmpty():
            continue
        geom = check(geom, parcel_label(to_text(feature[bsm_field]) if bsm_field else "", feature.id()))
        if geom is None:
            continue
        parts.append(geom)
        if code not in names:
            names[code] = to_text(feature[name_field]) if name_field else ""
    check.finish()
    missing = wanted - set(names)
    if missing:
        raise LandConsolidationError(tr("Layer '{layer}' has no village code (ZLDWDM) {codes}.").format(
            layer=name, codes=separator().join(sorted(missing))))
    return QgsGeometry.unaryUnion(parts), names


def meeting_fids(source, boundary, engine=None, fields=(), is_canceled=None):
    """The features of a plain file layer meeting ``boundary`` (:func:`meets`), read by GDAL's columnar reader.

    Args:
        source: The layer (in the boundary's CRS).
        boundary: The project boundary.
        engine: Its prepared geometry engine (made here when None).
        fields: Fields to read as well.
        is_canceled: Returns True when the user cancelled.

    Returns:
        ``(fids, columns)``: the ids of the features meeting the boundary and
        the columns asked for, of those features; None when the layer cannot
        be read that way (see :func:`.dltb.read_ogr_columns`).
    """
    import numpy as np
    from qgis.core import QgsGeometry

    from . import dltb
    from .errors import check_canceled
    from .geokernel import Rings
    from .geokernel.inside import INSIDE, NEAR, boundary_grid, classify_rings

    columns = dltb.read_ogr_columns(source, list(fields), with_wkb=True, rect=boundary.boundingBox(),
                                    is_canceled=is_canceled)
    if columns is None:
        return None
    if engine is None:
        engine = QgsGeometry.createGeometryEngine(boundary.constGet())
        engine.prepareGeometry()
    blobs = columns.pop("wkb")
    # Features far from the boundary are placed by the grid; GEOS decides the others.
    state = classify_rings(boundary_grid(bytes(boundary.asWkb())),
                           Rings.from_wkb([bytes(b) if b is not None else b"" for b in blobs]))
    keep = state == INSIDE
    geom = QgsGeometry()
    for count, i in enumerate(np.flatnonzero(state == NEAR).tolist()):
        if count % 5000 == 0:
            check_canceled(is_canceled)
        blob = blobs[i]
        if blob is None or not len(blob):
            continue
        geom.fromWkb(bytes(blob))
        if not geom.isEmpty() and meets(engine, boundary, geom):
            keep[i] = True
    return columns["fid"][keep], {name: values[keep] for name, values in columns.items() if name != "fid"}


def townships_in(source, boundary, overrides=None, meeting: dict | None = None) -> dict:
    """Township code (first 9 digits of ZLDWDM) → parcel count inside ``boundary``.

    ``meeting`` (a dict), when given, receives the ids of the parcels meeting
    the boundary under ``"fids"`` (when the layer is read by GDAL's columnar
    reader), so that :func:`write_project` need not look for them again.
    """
    from qgis.core import QgsFeatureRequest, QgsGeometry

    from . import dltb
    from .fields import detect_fields

    found = detect_fields([f.name() for f in source.fields()], overrides)
    if not found.get("village"):
        return {}
    engine = QgsGeometry.createGeometryEngine(boundary.constGet())
    engine.prepareGeometry()
    fast = meeting_fids(source, boundary, engine, [found["village"]])
    if fast is not None:
        fids, columns = fast
        if meeting is not None:
            meeting["fids"] = fids
        counts: dict = {}
        for code in columns[found["village"]].tolist():
            code = to_text(code)[:9]
            if code:
                counts[code] = counts.get(code, 0) + 1
        return counts
    request = QgsFeatureRequest().setFilterRect(boundary.boundingBox())
    counts: dict = {}
    for feature in dltb.features(source, request):
        geom = feature.geometry()
        if geom is None or geom.isEmpty():
            continue
        if meets(engine, boundary, geom):
            code = to_text(feature[found["village"]])[:9]
            if code:
                counts[code] = counts.get(code, 0) + 1
    return counts


#: A parcel overlapping the boundary by less than this (m², planar) only touches it: the overlap is
#: coordinate noise of a boundary digitised along the parcels (or reprojected), not part of the project.
MIN_OVERLAP_M2 = MIN_PIECE_M2


def meets(engine, boundary, geom) -> bool:
    """True when ``geom`` overlaps the prepared ``boundary`` by at least :data:`MIN_OVERLAP_M2`."""
    if not engine.intersects(geom.constGet()):
        return False
    if engine.contains(geom.constGet()):
        return True
    if engine.touches(geom.constGet()):
        return False
    overlap = geom.intersection(boundary)
    return not overlap.isEmpty() and overlap.area() >= MIN_OVERLAP_M2


def survey_layer_names(years: list) -> list[str]:
    """Project layer names of later surveys: ``DLTB_<year>`` (``BGDC_<n>`` without a year), each once."""
    out: list[str] = []
    for n, year in enumerate(years, start=1):
        base = f"DLTB_{year}" if year else f"BGDC_{n}"
        name, k = base, 2
        while name in out or name in LAYER_NAMES.values():
            name, k = f"{base}_{k}", k + 1
        out.append(name)
    return out


def write_project(path, boundary, crs, layers: dict, settings: dict, context=None, is_canceled=None,
                  surveys: list | None = None, selected: dict | None = None, finish=None, prepare=None) -> dict:
    """Write a project GeoPackage atomically (temp file, then rename).

    A layer of a GeoPackage in the project's CRS is copied by GDAL (its
    features meeting the boundary found by the columnar reader, copied with
    their feature ids) in a background thread, while this one finds the
    features of the next layer and runs ``prepare``'s computation; any other
    layer is then copied feature by feature through QGIS.

    Args:
        path: Output .gpkg.
        boundary: Project boundary (in ``crs``).
        crs: The DLTB's CRS; every layer is written in it.
        layers: parameter key → feature source (see :data:`LAYER_NAMES`);
            features intersecting the boundary are copied whole.
        settings: Key/value settings (JSON-serialisable values).
        context: Transform context for reprojection.
        is_canceled: Returns True when cancelled.
        surveys: Later surveys as ``(layer name, feature source)``, copied the
            same way (their names go to the ``surveys`` setting).
        selected: parameter key → ids of the features known to meet the
            boundary (from :func:`townships_in`), for the GDAL copy.
        prepare: Called with the temporary GeoPackage holding only the
            project area, before any layer is copied; returns None or
            ``compute(sources)``, called while the layers are being copied
            with the layers copied by GDAL (parameter key → ``(layer, ids of
            the features copied)``); it must not open the GeoPackage.
        finish: Called with the temporary GeoPackage (complete, settings
            written) and what ``compute`` returned (None without it) before
            the file is renamed into place: e.g. to store the plan.

    Returns:
        Layer name → number of features written.
    """
    import os
    import sqlite3
    import tempfile

    from qgis.core import (
        QgsCoordinateTransform,
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsField,
        QgsFields,
        QgsGeometry,
        QgsVectorFileWriter,
        QgsWkbTypes,
    )
    from qgis.PyQt.QtCore import QVariant

    from . import dltb

    path = Path(path)
    if path.suffix.lower() != ".gpkg":
        path = path.with_suffix(".gpkg")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(suffix=".gpkg", prefix=f".{path.stem}-", dir=path.parent)
    os.close(handle)
    os.unlink(tmp_name)
    tmp = Path(tmp_name)
    context = context or QgsCoordinateTransformContext()
    counts = {}
    engine = QgsGeometry.createGeometryEngine(boundary.constGet())
    engine.prepareGeometry()

    def write(layer_name, fields, wkb_type, features):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = layer_name
        options.fileEncoding = "UTF-8"
        if tmp.exists():
            options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        writer = QgsVectorFileWriter.create(str(tmp), fields, wkb_type, crs, context, options)
        if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
            raise LandConsolidationError(tr("Cannot write {file}: {error}").format(
                file=path.name, error=writer.errorMessage()))
        n = 0
        for feature in features:
            writer.addFeature(feature)
            n += 1
        del writer
        counts[layer_name] = n

    copier = _CopyThread(tmp, counts)
    copied: dict = {}

    def copied_by_gdal(key, layer_name, source) -> bool:
        """Have a GeoPackage layer's features meeting the boundary copied by GDAL; False when they cannot be."""
        location = dltb.ogr_location(source)
        source_crs = dltb.source_crs(source)
        if location is None or not location[0].lower().endswith(".gpkg") or not location[1] \
                or (source_crs.isValid() and source_crs != crs):
            return False
        fids = (selected or {}).get(key) if key else None
        if fids is None:
            found = meeting_fids(source, boundary, engine, is_canceled=is_canceled)
            if found is None:
                return False
            fids = found[0]
        copier.add(location[0], location[1], layer_name, fids)
        if key:
            copied[key] = (source, fids)
        return True

    try:
        fields = QgsFields()
        fields.append(QgsField("NAME", QVariant.Type.String))
        fields.append(QgsField("CODE", QVariant.Type.String))
        area_feature = QgsFeature(fields)
        shape = QgsGeometry(boundary)
        shape.convertToMultiType()
        area_feature.setGeometry(shape)
        area_feature.setAttributes([str(settings.get("name", "")), str(settings.get("code", ""))])
        write(LAYER_NAMES[PROJECT_AREA], fields, QgsWkbTypes.Type.MultiPolygon, [area_feature])
        compute = prepare(tmp) if prepare is not None else None
        named = [(key, LAYER_NAMES[key], source) for key, source in layers.items()]
        named += [(None, name, source) for name, source in surveys or []]
        if surveys:
            settings = dict(settings, surveys=[name for name, _ in surveys])
        by_qgis = []
        copier.start()
        try:
            for key, layer_name, source in named:
                if source is None:
                    continue
                if is_canceled is not None and is_canceled():
                    raise Cancelled()
                if not copied_by_gdal(key, layer_name, source):
                    by_qgis.append((layer_name, source))
            computed = compute(copied) if compute is not None else None
        except BaseException:
            copier.abandon()
            raise
        copier.finish()
        for layer_name, source in by_qgis:
            if is_canceled is not None and is_canceled():
                raise Cancelled()
            source_crs = dltb.source_crs(source)
            transform = QgsCoordinateTransform(source_crs, crs, context) \
                if source_crs.isValid() and source_crs != crs else None
            write(layer_name, source.fields(), QgsWkbTypes.Type.MultiPolygon,
                  _meeting_features(source, transform, engine, boundary))
        with sqlite3.connect(tmp) as db:
            db.execute(f"CREATE TABLE {SETTINGS_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            values = dict(settings, format_version=FORMAT_VERSION)
            db.executemany(
                f"INSERT INTO {SETTINGS_TABLE} (key, value) VALUES (?, ?)",
                [(k, json.dumps(v, ensure_ascii=False)) for k, v in values.items()],
            )
            db.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) "
                "VALUES (?, 'attributes', ?, ?)",
                (SETTINGS_TABLE, SETTINGS_TABLE, "全域综合整治项目设置 / project settings"),
            )
        if finish is not None:
            finish(tmp, computed)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return counts


def _meeting_features(source, transform, engine, boundary):
    """The features of ``source`` meeting the boundary (:func:`meets`), reprojected by ``transform``, as multi-parts."""
    from qgis.core import QgsFeature, QgsGeometry

    from . import dltb

    for feature in dltb.features(source):
        geom = QgsGeometry(feature.geometry())
        if geom.isEmpty():
            continue
        if transform is not None:
            geom.transform(transform)
        if not meets(engine, boundary, geom):
            continue
        geom.convertToMultiType()
        out = QgsFeature(source.fields())
        out.setGeometry(geom)
        out.setAttributes(feature.attributes())
        yield out


class _CopyThread:
    """GDAL's copies into a project GeoPackage, one after the other, in a background thread.

    GDAL releases Python's lock while it copies, so the caller goes on
    finding the features of the next layer or computing the plan.  Nothing
    else may write to the GeoPackage until :meth:`finish` or :meth:`abandon`
    has returned.
    """

    def __init__(self, target, counts: dict):
        import queue
        import threading

        self._target = target
        self._counts = counts
        self._jobs: queue.Queue = queue.Queue()
        self._abandoned = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="project copies", daemon=True)

    def start(self) -> None:  # noqa: D102
        self._thread.start()

    def add(self, source_path: str, source_layer: str, layer_name: str, fids) -> None:
        """Copy the features ``fids`` of a GeoPackage layer as ``layer_name`` (:func:`_gdal_copy`)."""
        self._jobs.put((source_path, source_layer, layer_name, fids))

    def finish(self) -> None:
        """Wait for every copy added; raise what one raised."""
        self._jobs.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error

    def abandon(self) -> None:
        """Wait for the copy under way only (the run failed or was cancelled)."""
        self._abandoned.set()
        self._jobs.put(None)
        self._thread.join()

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None or self._abandoned.is_set():
                return
            try:
                self._counts[job[2]] = _gdal_copy(self._target, *job)
            except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread by finish()
                self._error = exc
                return


def _gdal_copy(target, source_path: str, source_layer: str, layer_name: str, fids) -> int:
    """Copy the features ``fids`` of a GeoPackage layer into ``target`` as ``layer_name`` (GDAL's VectorTranslate).

    Attributes and feature ids are kept; geometries become MultiPolygons, as
    in the QGIS copy.

    Returns:
        The number of features copied.
    """
    from osgeo import gdal, ogr

    fids = [int(f) for f in fids]
    dataset = ogr.Open(source_path)
    layer = dataset.GetLayerByName(source_layer) if dataset is not None else None
    if layer is None:
        raise LandConsolidationError(tr("Cannot read {layer}.").format(layer=f"{source_path}|layername={source_layer}"))
    fid_column = layer.GetFIDColumn() or "fid"
    dataset = None
    # The ids as one IN list: SQLite keeps it as a lookup table (an OR chain would hit its depth limit).
    sql = 'SELECT * FROM "{}" WHERE "{}" IN ({})'.format(source_layer.replace('"', '""'), fid_column.replace('"', '""'),
                                                      ",".join(map(str, fids)) or "NULL")
    options = gdal.VectorTranslateOptions(
        format="GPKG", accessMode="update" if Path(target).exists() else None, SQLStatement=sql,
        layerName=layer_name, geometryType="PROMOTE_TO_MULTI", options=["-preserve_fid"])
    # GDAL 3.6 builds the spatial index of a layer added to an existing GeoPackage in a background thread
    # and a temporary database, copied in at the end: 7.4 s instead of 3.1 s for the county's DLTB on two
    # busy cores. The index is the same either way.
    previous = gdal.GetThreadLocalConfigOption(THREADED_RTREE, None)
    gdal.SetThreadLocalConfigOption(THREADED_RTREE, "NO")
    try:
        out = gdal.VectorTranslate(str(target), source_path, options=options)
        if out is None:
            raise LandConsolidationError(tr("Cannot write {file}: {error}").format(file=Path(target).name,
                                                                                 error=gdal.GetLastErrorMsg()))
        count = out.GetLayerByName(layer_name).GetFeatureCount()
        out = None
    finally:
        gdal.SetThreadLocalConfigOption(THREADED_RTREE, previous)
    return count


#: GDAL's switch of the GeoPackage driver's background spatial-index thread (GDAL >= 3.6).
THREADED_RTREE = "OGR_GPKG_ALLOW_THREADED_RTREE"


# --------------------------------------------------------------------------- the stored plan

#: The plan's pieces (core/plan.py), one row each with both sides' attributes and the piece's geometry.
PIECES_TABLE = "lc_plan_pieces"
#: lc_settings key of what belongs to the stored pieces: fingerprint, columns, notes.
PLAN_SETTING = "plan"
#: Changes when the stored form (or the overlay's rules) change: older stored pieces are then recomputed.
PLAN_FORMAT = 1
_OGR_TYPES = {"f": "OFTReal", "i": "OFTInteger64", "u": "OFTInteger64", "b": "OFTInteger", "O": "OFTString"}


def layer_digest(path, layer_name: str) -> str:
    """SHA-1 of a GeoPackage layer's features: ids, geometries and every attribute (GDAL's columnar reader).

    Any edit of the layer – a vertex moved, a code changed, a parcel added –
    changes it; the file's size or date do not tell (writing the stored
    pieces into the same file changes those).
    """
    import hashlib

    import numpy as np
    from osgeo import ogr

    digest = hashlib.sha1(layer_name.encode())
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName(layer_name) if dataset is not None else None
    if layer is None:
        return ""
    for batch in layer.GetArrowStreamAsNumPy():
        for key in sorted(batch):
            values = batch[key]
            digest.update(key.encode())
            if np.ma.isMaskedArray(values):
                digest.update(np.ma.getmaskarray(values).tobytes())
                values = values.data
            if values.dtype == object:
                digest.update(b"\x1f".join(b"\x00" if v is None else (v.encode() if isinstance(v, str) else bytes(v))
                                           for v in values.tolist()))
            else:
                digest.update(np.ascontiguousarray(values).tobytes())
    return digest.hexdigest()


def plan_fingerprint(path, settings: dict) -> str:
    """The fingerprint of a project's plan: the digests of the layers it is computed from and its settings.

    Args:
        path: The project GeoPackage.
        settings: What else decides the pieces (the planned-code field, the
            field mapping, how uncovered parts and invalid geometries are
            treated, the sliver area …), JSON-serialisable.
    """
    import hashlib

    present = _layers_of(path)
    parts = {name: layer_digest(path, name) for name in ("DLTB", "DLTB_GH", "XMQ") if name in present}
    text = json.dumps({"layers": parts, "settings": settings, "format": PLAN_FORMAT}, sort_keys=True,
                      ensure_ascii=False)
    return hashlib.sha1(text.encode()).hexdigest()


def _layers_of(path) -> set:
    import sqlite3

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return {r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")}


def store_plan(path, result, fingerprint: str, crs) -> int:
    """Write a plan's pieces into a project GeoPackage (:data:`PIECES_TABLE`) with its fingerprint.

    The table is created by GDAL (a polygon layer one can look at) and
    filled through SQLite in one statement: 250 000 rows take a few
    seconds, not the minutes of a feature-by-feature write.

    Args:
        path: The (temporary) project GeoPackage, closed.
        result: The :class:`~.plan.Plan`, with its piece geometries.
        fingerprint: :func:`plan_fingerprint` of the layers it was computed from.
        crs: The project's CRS (QgsCoordinateReferenceSystem).

    Returns:
        The number of pieces written.
    """
    import sqlite3
    import struct

    import numpy as np
    from osgeo import ogr, osr

    frame = result.pieces
    if result.geometries is None or len(result.geometries) != len(frame):
        raise ValueError("store_plan needs the plan's piece geometries")
    columns = {}
    for name in frame.columns:
        kind = frame[name].dtype.kind
        columns[name] = kind if kind in _OGR_TYPES else "O"
    dataset = ogr.Open(str(path), 1)
    own = dataset.GetLayerByName("DLTB")
    srs = own.GetSpatialRef() if own is not None else None  # the DLTB's entry, not a second one for the same CRS
    if srs is None:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(crs.toWkt())
    layer = dataset.CreateLayer(PIECES_TABLE, srs, ogr.wkbUnknown,
                                ["SPATIAL_INDEX=NO", "FID=fid", "GEOMETRY_NAME=geom",
                                 "DESCRIPTION=规划叠加图斑 / the plan's pieces"])
    for name, kind in columns.items():
        # Flags as plain 0/1 integers: GDAL 3.6's columnar reader unpacks boolean columns wrongly.
        layer.CreateField(ogr.FieldDefn(name, getattr(ogr, _OGR_TYPES[kind])))
    dataset = None
    with sqlite3.connect(str(path)) as db:
        srs_id = db.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
                            (PIECES_TABLE,)).fetchone()[0]
        header = b"GP\x00\x01" + struct.pack("<i", srs_id)  # version 0, little endian, no envelope
        geometries = result.geometries
        wkbs = geometries.wkb_list() if hasattr(geometries, "wkb_list") else [bytes(g.asWkb()) for g in geometries]
        blobs = [header + wkb if wkb else None for wkb in wkbs]
        values = []
        for name, kind in columns.items():
            column = frame[name].to_numpy()
            if kind == "f":
                values.append([None if v != v else v for v in column.tolist()])
            elif kind == "b":
                values.append([int(v) for v in column.tolist()])
            elif kind == "O":
                values.append([None if v is None or (isinstance(v, float) and v != v) else str(v)
                               for v in column.tolist()])
            else:
                values.append(np.asarray(column, dtype=np.int64).tolist())
        names = ", ".join(f'"{name}"' for name in columns)
        marks = ", ".join("?" for _ in range(len(columns) + 1))
        db.executemany(f'INSERT INTO "{PIECES_TABLE}" (geom, {names}) VALUES ({marks})', zip(blobs, *values))
        meta = {"fingerprint": fingerprint, "columns": columns, "order": list(frame.columns),
                "source": result.source, "uncovered_m2": float(result.uncovered_m2), "notes": list(result.notes),
                "count": len(frame), "format": PLAN_FORMAT}
        db.execute(f"INSERT OR REPLACE INTO {SETTINGS_TABLE} (key, value) VALUES (?, ?)",
                   (PLAN_SETTING, json.dumps(meta, ensure_ascii=False)))
    return len(frame)


def plan_settings(after_field=None, field_mapping=None, keep_uncovered: bool = False, repair: bool = False,
                  kcxs_field=None, gddb_field=None) -> dict:
    """What decides a plan's pieces besides the layers: part of :func:`plan_fingerprint`."""
    from .plan import DEFAULT_SLIVER_M2

    return {"after_field": after_field or "", "kcxs_field": kcxs_field or "", "gddb_field": gddb_field or "",
            "field_mapping": field_mapping or {}, "uncovered": bool(keep_uncovered), "repair": bool(repair),
            "sliver_m2": DEFAULT_SLIVER_M2}


def stored_plan_state(path, settings: dict) -> str:
    """Whether a project's stored pieces apply to a run with ``settings`` (:func:`plan_settings`).

    Returns:
        ``"valid"``; ``"none"`` (no pieces stored); ``"changed"`` (the
        project's DLTB, planned DLTB or boundary, or the settings, differ from
        those the pieces were computed from).
    """
    stored = read_settings(path)
    meta = stored.get(PLAN_SETTING)
    if not isinstance(meta, dict) or PIECES_TABLE not in stored["_layers"]:
        return "none"
    if meta.get("format") != PLAN_FORMAT or meta.get("fingerprint") != plan_fingerprint(path, settings):
        return "changed"
    return "valid"


def stored_plan(path, before, keep_geometry: bool = False):
    """The plan stored in a project GeoPackage (check :func:`stored_plan_state` first).

    Args:
        path: The project GeoPackage.
        before: The current parcels (the plan's before side, read as the
            run reads them).
        keep_geometry: Read the pieces' geometries as well.

    Returns:
        The :class:`~.plan.Plan`, or None when the table cannot be read.
    """
    import numpy as np
    import pandas as pd
    from qgis.core import QgsVectorLayer

    from . import dltb
    from .plan import Plan

    meta = read_settings(path).get(PLAN_SETTING)
    if not isinstance(meta, dict):
        return None
    layer = QgsVectorLayer(layer_uri(path, PIECES_TABLE), PIECES_TABLE, "ogr")
    columns = dltb.read_ogr_columns(layer, list(meta["columns"]), with_wkb=keep_geometry)
    if columns is None or len(columns["fid"]) != meta.get("count"):
        return None
    data = {}
    for name in meta["order"]:
        kind, values = meta["columns"][name], columns[name]
        if kind == "f":
            data[name] = np.asarray(values, dtype=float)
        elif kind == "b":
            data[name] = np.asarray(values, dtype=float) != 0
        elif kind in ("i", "u"):
            data[name] = np.asarray(values, dtype=np.int64)
        else:
            data[name] = values
    frame = pd.DataFrame(data, columns=meta["order"])
    geometries = dltb.GeometryList(columns["wkb"]) if keep_geometry else None
    return Plan(pieces=frame, before=before, source=meta.get("source", "layer"),
                uncovered_m2=float(meta.get("uncovered_m2", 0.0)), notes=list(meta.get("notes", [])),
                geometries=geometries)


def compute_and_store_plan(path, *, after_field=None, kcxs_field=None, overrides=None, repair: bool = False,
                           is_canceled=None):
    """Compute a project's plan from its own layers (DLTB, DLTB_GH or the planned-code field, XMQ) and store it.

    Run by ``createproject`` on the finished (temporary) GeoPackage, with
    the settings ``exportscheme`` reads a project with by default, so that it
    and the maps find the pieces instead of overlaying again.

    Returns:
        The plan, or None when the project has none.

    Raises:
        LandConsolidationError: what reading the plan raises (uncovered
            parcels, unknown codes …).
    """
    prepared = prepare_plan(path, after_field=after_field, kcxs_field=kcxs_field, overrides=overrides, repair=repair,
                            is_canceled=is_canceled)
    if prepared is None:
        return None
    result = prepared.compute()
    prepared.store(path, result)
    return result


@dataclass
class PreparedPlan:
    """How a project's plan is computed and stored (:func:`prepare_plan`).

    :meth:`compute` reads the current and planned layers – the project's own
    copies, or (``sources``) the layers they are being copied from, limited
    to the copied features, which gives the same plan – and overlays them;
    it does not touch the project GeoPackage.  :meth:`store` writes the
    result into it with the fingerprint of its layers.
    """

    boundary: object
    layer_plan: bool
    after_field: str | None
    kcxs_field: str | None
    overrides: dict | None
    repair: bool
    is_canceled: object
    before: object
    after: object = None
    before_fids: object = None
    after_fids: object = None

    def from_sources(self, sources: dict) -> bool:
        """Read from ``sources`` (parameter key → ``(layer, copied ids)``) instead; False when they lack a layer."""
        if DLTB not in sources or (self.layer_plan and AFTER not in sources):
            return False
        self.before, self.before_fids = sources[DLTB]
        if self.layer_plan:
            self.after, self.after_fids = sources[AFTER]
        return True

    def compute(self):
        """The plan (raises what reading or overlaying it raises)."""
        from . import dltb
        from . import plan as plan_mod

        extra = ()
        if not self.layer_plan:
            extra = (("planned", self.after_field),) + (
                (("planned_kcxs", self.kcxs_field),) if self.kcxs_field else ())
        parcels = dltb.read_dltb(self.before, project_area=self.boundary, overrides=self.overrides, extra_roles=extra,
                                 keep_geometry=True, is_canceled=self.is_canceled, repair=self.repair,
                                 fids=self.before_fids)
        dltb.reject_unknown_codes(parcels)
        if self.layer_plan:
            result = plan_mod.plan_from_layer(parcels, self.after, project_area=self.boundary, keep_geometry=True,
                                              is_canceled=self.is_canceled, repair=self.repair,
                                              after_fids=self.after_fids)
        else:
            result = plan_mod.plan_from_field(parcels, list(parcels.frame["planned"]),
                                              list(parcels.frame["planned_kcxs"]) if self.kcxs_field else None)
        plan_mod.reject_unknown_planned_codes(result)
        return result

    def store(self, path, result) -> int:
        """Store ``result`` in the (complete) project GeoPackage ``path``; the number of pieces."""
        settings = plan_settings("" if self.layer_plan else self.after_field, self.overrides, False, self.repair,
                                 "" if self.layer_plan else self.kcxs_field)
        return store_plan(path, result, plan_fingerprint(path, settings), result.before.crs)


def prepare_plan(path, *, after_field=None, kcxs_field=None, overrides=None, repair: bool = False,
                 is_canceled=None, layer_plan: bool | None = None) -> PreparedPlan | None:
    """What computing the plan of a project GeoPackage needs: its boundary and layers; None without a plan.

    ``path`` must hold the project area (XMQ); its DLTB and DLTB_GH are read
    when the plan is computed, unless it is then read from their sources
    (:meth:`PreparedPlan.from_sources`, with ``layer_plan`` saying whether
    the plan is a layer, as the project does not hold them yet).
    """
    from qgis.core import QgsVectorLayer

    from . import dltb

    present = _layers_of(path)
    if layer_plan is None:
        layer_plan = LAYER_NAMES[AFTER] in present
    if not layer_plan and not after_field:
        return None
    # Every layer of a project is in its CRS: the DLTB's, as the project area's when the DLTB is not there yet.
    own = "DLTB" if "DLTB" in present else LAYER_NAMES[PROJECT_AREA]
    boundary = dltb.dissolve_area(QgsVectorLayer(layer_uri(path, LAYER_NAMES[PROJECT_AREA]), "XMQ", "ogr"),
                                  dltb.source_crs(QgsVectorLayer(layer_uri(path, own), own, "ogr")), repair=repair)
    return PreparedPlan(
        boundary=boundary, layer_plan=layer_plan, after_field=after_field, kcxs_field=kcxs_field,
        overrides=overrides, repair=repair, is_canceled=is_canceled,
        before=QgsVectorLayer(layer_uri(path, "DLTB"), "DLTB", "ogr") if "DLTB" in present else None,
        after=QgsVectorLayer(layer_uri(path, LAYER_NAMES[AFTER]), LAYER_NAMES[AFTER], "ogr")
        if layer_plan and LAYER_NAMES[AFTER] in present else None)
