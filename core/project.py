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
from pathlib import Path

from ..i18n import tr, tr_noop
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


def townships_in(source, boundary, overrides=None) -> dict:
    """Township code (first 9 digits of ZLDWDM) → parcel count inside ``boundary``."""
    from qgis.core import QgsFeatureRequest, QgsGeometry

    from . import dltb
    from .fields import detect_fields

    found = detect_fields([f.name() for f in source.fields()], overrides)
    if not found.get("village"):
        return {}
    engine = QgsGeometry.createGeometryEngine(boundary.constGet())
    engine.prepareGeometry()
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
MIN_OVERLAP_M2 = 0.01


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
                  surveys: list | None = None) -> dict:
    """Write a project GeoPackage atomically (temp file, then rename).

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
        named = [(LAYER_NAMES[key], source) for key, source in layers.items()] + list(surveys or [])
        if surveys:
            settings = dict(settings, surveys=[name for name, _ in surveys])
        for layer_name, source in named:
            if source is None:
                continue
            if is_canceled is not None and is_canceled():
                raise Cancelled()
            transform = None
            source_crs = dltb.source_crs(source)
            if source_crs.isValid() and source_crs != crs:
                transform = QgsCoordinateTransform(source_crs, crs, context)

            def copies(source=source, transform=transform):
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

            write(layer_name, source.fields(), QgsWkbTypes.Type.MultiPolygon, copies())
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
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return counts
