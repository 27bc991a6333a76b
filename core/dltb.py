"""Reading a DLTB (地类图斑) layer once into a pandas frame, by the 三调 area rules.

Area rules (DOMAIN.md §4), all in :func:`area_rules`:

* the class area of a parcel is ``TBDLMJ``; its 田坎 share ``KCMJ`` (where
  ``KCDLBM`` is ``1203``) is a class of its own, 1203 田坎; total = Σ ``TBMJ``;
* where an area field is missing (or empty on a parcel) the area comes from
  the geometry: the 三调 ellipsoidal area (:mod:`.ellipsoid`), with
  ``KCMJ = round(TBMJ × KCXS, 2)`` and ``TBDLMJ = TBMJ − KCMJ``;
* a parcel cut by the project boundary keeps ``TBMJ``, ``KCMJ`` and
  ``TBDLMJ`` in proportion to the ellipsoidal area kept.

Every analysis reads the DLTB through :func:`read_dltb`: the status tables
and the plan as a frame, the potential survey with every geometry, the
contiguity analysis with the WKB of the classes it analyses (read by GDAL's
columnar reader in one pass on a plain file layer).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsGeometry,
)
from qgis.PyQt.QtCore import QVariant

from ..i18n import tr
from . import codes as codes_mod
from . import ellipsoid
from .errors import LandConsolidationError, check_canceled
from .fields import detect_fields, require
from .geokernel import Rings, convex_polygons
from .geokernel.inside import NEAR, OUTSIDE, boundary_grid, classify_rings

# What the readers share (core/layers.py); dltb.<name> stays the way the other modules reach them.
from .layers import (  # noqa: F401
    GeometryList,
    _as_geometry,
    _as_wkb,
    arrow_batches,
    check_projected,
    checked_geometries,
    dissolve_area,
    features,
    gauss_kruger_for,
    ogr_location,
    polygonal,
    read_ogr_columns,
    read_polygons,
    source_crs,
    source_name,
    text_codec,
)
from .validity import GeometryCheck, listing, parcel_label, separator
from .values import is_null, texts
from .values import numbers as to_numbers

#: A parcel reaching into the project area by less than this (ellipsoidal m²) only touches its boundary: the
#: piece is coordinate noise (a layer stored on another grid, reprojected …) and the parcel is left out, as
#: createproject leaves it out of the project's copy and the overlay drops its slivers.
MIN_PIECE_M2 = 0.01
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
        geometries: The (cut) geometries in frame order, when asked for (a
            :class:`GeometryList`: each a QgsGeometry once read).
        gk: The layer's Gauss-Krüger projection, when geometry was read.
        wkb: The (cut) geometries as WKB in frame order, of the parcels of
            the codes asked for (``wkb_codes``), None elsewhere.
        rings: The same geometries as :class:`~.geokernel.Rings`, polygon
            ``i`` being frame row ``i`` (the other rows have no rings); of
            every row when the geometries are kept without ``wkb_codes``.
    """

    frame: pd.DataFrame
    fields: dict
    layer_name: str
    crs: QgsCoordinateReferenceSystem
    area_source: str = "fields"
    notes: list = field(default_factory=list)
    geometries: Sequence | None = None
    gk: ellipsoid.GaussKruger | None = None
    wkb: list | None = None
    rings: Rings | None = None

    @property
    def total_area(self) -> float:
        """Σ TBMJ (m²)."""
        return float(self.frame["tbmj"].sum())


def area_rules(
    tbmj: np.ndarray,
    kcmj: np.ndarray,
    tbdlmj: np.ndarray,
    kcxs: np.ndarray,
    whole_area: np.ndarray,
    fraction: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """TBMJ, KCMJ and TBDLMJ of each parcel by the 三调 area rules (DOMAIN.md §4).

    The one place these rules live; every reader goes through it:

    * where ``TBMJ`` is empty, the parcel's area is its ellipsoidal area
      (``whole_area``, the 三调 method of :mod:`.ellipsoid`);
    * where ``KCMJ`` is empty, ``KCMJ = round(TBMJ × KCXS, 2)`` (no KCXS:
      no 田坎);
    * where ``TBDLMJ`` is empty, ``TBDLMJ = TBMJ − KCMJ``;
    * a parcel cut by the project area keeps all three in proportion to
      the ellipsoidal area inside (``fraction``).

    Args:
        tbmj, kcmj, tbdlmj, kcxs: The fields' values, NaN where empty (or
            where the layer has no such field).
        whole_area: Ellipsoidal area (m²) of the whole parcel; used where
            TBMJ is empty (NaN elsewhere is fine).
        fraction: Share of the parcel's ellipsoidal area inside the project
            area (1 where it is not cut).

    Returns:
        ``(tbmj, kcmj, tbdlmj)`` in m², cut parcels in proportion.
    """
    tbmj = np.asarray(tbmj, dtype=float)
    tbmj = np.where(np.isnan(tbmj), np.asarray(whole_area, dtype=float), tbmj)
    kcmj = np.asarray(kcmj, dtype=float)
    kcmj = np.where(np.isnan(kcmj), np.round(tbmj * np.nan_to_num(np.asarray(kcxs, dtype=float)), 2), kcmj)
    tbdlmj = np.asarray(tbdlmj, dtype=float)
    tbdlmj = np.where(np.isnan(tbdlmj), tbmj - kcmj, tbdlmj)
    fraction = np.asarray(fraction, dtype=float)
    return tbmj * fraction, kcmj * fraction, tbdlmj * fraction


#: The area fields every read needs (besides the code, and BSM to name parcels).
AREA_ROLES = ("tbmj", "kcmj", "tbdlmj", "kcxs")


def read_dltb(  # noqa: C901 - the one reader of every rule (fields, codes, areas, cut); split, it would pass a dozen arrays around
    source,
    *,
    project_area: QgsGeometry | None = None,
    overrides: Mapping[str, str] | None = None,
    keep_geometry: bool = False,
    wkb_codes: Iterable[str] | None = None,
    roles: Iterable[str] | None = None,
    extra_roles: tuple = (),
    code_role: str = "code",
    code_fallback: bool = False,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
    table: codes_mod.CodeTable | None = None,
    repair: bool = False,
    fids: Iterable[int] | None = None,
) -> ParcelTable:
    """Read a DLTB layer into a :class:`ParcelTable`.

    A plain file layer (GeoPackage, shapefile, FileGDB: see
    :func:`ogr_location`) is read in one columnar pass through GDAL, with
    its geometries as WKB when any are needed; anything else (memory
    layers, selections, filters, unsaved edits) feature by feature.  Both
    give the same table (``tests/test_dltb_reader.py``).  Areas follow
    :func:`area_rules`.  Every geometry used (kept, cut, or measured) is
    checked by :class:`~.validity.GeometryCheck`; an empty one stops the run.

    Args:
        source: A QgsVectorLayer or QgsFeatureSource of 三调 parcels.
        project_area: Boundary (in the layer's CRS) to restrict to; parcels
            cut by it are split in proportion to the ellipsoidal area kept.
        overrides: role → field name chosen by the user.
        keep_geometry: Keep every parcel's (cut) geometry as a QgsGeometry
            (:attr:`ParcelTable.geometries`).
        wkb_codes: Keep the (cut) geometry, as WKB, of the parcels of these
            codes only (a suffixed code matches its base code;
            :attr:`ParcelTable.wkb`).
        roles: The attribute roles to read of :data:`TEXT_ROLES` and
            :data:`NUMBER_ROLES` (default all: a missing field gives an
            empty column); the frame has no column for the roles left out.
            The code, the area fields (KCXS too) and BSM are always read.
        extra_roles: Additional roles to read, as ``(role, field_name)``;
            their values are kept as read.
        code_role: Role whose field holds the code to classify by (a planned
            code field can be read in place of DLBM this way).
        code_fallback: With a ``code_role`` other than ``code``: where that
            field is empty (NULL, blank) the parcel keeps its DLBM (the
            ``code`` role), as an empty planned code means "unchanged".
        progress: Called with a percentage.
        is_canceled: Returns True when the user cancelled.
        table: Code table (default: the shipped 三调 table).
        repair: Repair invalid geometries instead of stopping (:mod:`.validity`).
        fids: Read only the features with these ids: the table is then the
            one a copy holding just those features (with their ids) gives.

    Raises:
        LandConsolidationError: a missing field, a geographic CRS, an empty
            or invalid geometry where geometry is used, or a project area
            that misses the layer.
    """
    table = table or codes_mod.default_table()
    name = source_name(source)
    crs = check_projected(source, name)
    field_names = [f.name() for f in source.fields()]
    found = detect_fields(field_names, overrides)
    for role, fname in extra_roles:
        found[role] = detect_fields(field_names, {role: fname}, {role: ()})[role]
    code_field = require(found, code_role, name)
    optional = set(TEXT_ROLES + NUMBER_ROLES if roles is None else roles) | {"bsm"} | set(AREA_ROLES)
    read_roles = {role: found.get(role) for role in TEXT_ROLES + NUMBER_ROLES + AREA_ROLES if role in optional}
    read_roles.update({role: found.get(role) for role, _ in extra_roles})
    read_roles["code"] = code_field
    fallback_field = require(found, "code", name) if code_fallback and code_role != "code" else None
    if fallback_field:
        read_roles["code_fallback"] = fallback_field
    wanted = sorted({f for f in read_roles.values() if f})

    # Geometry is needed for every parcel when it is kept, cut or measured
    # (no TBMJ field); else only for the parcels of wkb_codes and those
    # whose TBMJ is empty.
    keep = {codes_mod.normalise(c) for c in wkb_codes} if wkb_codes is not None else None
    for_all = keep_geometry or project_area is not None or not found["tbmj"]
    with_geometry = for_all or keep is not None
    engine = None
    if project_area is not None:
        if project_area.isEmpty():
            raise LandConsolidationError(tr("The project area is empty (layer '{layer}').").format(layer=name))
        engine = QgsGeometry.createGeometryEngine(project_area.constGet())
        engine.prepareGeometry()
    rect = project_area.boundingBox() if project_area is not None else None

    columns = read_ogr_columns(source, wanted, with_wkb=with_geometry, rect=rect, is_canceled=is_canceled)
    if columns is not None:
        geometry = columns.pop("wkb", None)
        if fids is not None:
            chosen = np.isin(columns["fid"], np.fromiter(fids, dtype=np.int64))
            columns = {key: values[chosen] for key, values in columns.items()}
            if geometry is not None:
                geometry = [blob for blob, use in zip(geometry, chosen.tolist()) if use]
    else:
        def geometry_kind(raw_code) -> int:
            """0: no geometry needed (unless TBMJ is empty), 1: as a QgsGeometry, 2: as WKB."""
            if keep is not None:
                entry = table.lookup(raw_code)
                if entry.code in keep or entry.base in keep:
                    return 2
            return 1 if for_all else 0

        code_fields = (code_field, fallback_field) if fallback_field else (code_field,)
        columns, geometry = _read_features(
            source, wanted, geometry_kind if with_geometry else None, code_fields, read_roles.get("tbmj"), rect,
            progress, is_canceled, fids,
        )
    columns, geometry = _in_fid_order(columns, geometry)
    fid = np.asarray(columns["fid"], dtype=np.int64)
    n = len(fid)

    def column(role):
        field_name = read_roles.get(role)
        return columns[field_name] if field_name else None

    bsm_raw = column("bsm")
    bsm = _texts(bsm_raw) if bsm_raw is not None else np.full(n, "", dtype=object)

    def label(i) -> str:
        return parcel_label(bsm[i], fid[i])

    def numbers(role) -> np.ndarray:
        values = column(role)
        if values is None:
            return np.full(n, np.nan)
        return to_numbers(values, lambda i: tr("Layer '{layer}', {parcel}").format(layer=name, parcel=label(i)))

    raw_codes = column("code")
    if fallback_field:
        raw_codes = _with_fallback(raw_codes, column("code_fallback"))
    code, base, suffix, known, kept = _classify_codes(raw_codes, table, keep)
    given = {role: _given(column(role), n) for role in AREA_ROLES + ("gddb",)}
    checked, value_notes = plausible_values({role: numbers(role) for role in AREA_ROLES + ("gddb",)}, given, bsm,
                                            fid, name)
    tbmj = checked["tbmj"]
    need = np.ones(n, dtype=bool) if for_all else np.isnan(tbmj) | kept
    if geometry is None:
        geometry = [None] * n
    if need.any() and not with_geometry:  # only the parcels without TBMJ
        geometry = _fetch_geometries(source, fid, need)

    # Without geometry a parcel cannot be placed inside or outside a project area: named below, not counted.
    nameless = set()
    screened = _screen(geometry, need)
    if project_area is not None:
        # A polygon with rings is not empty: only those without (or held as QgsGeometry) are looked at.
        has_rings = np.bincount(screened.owner, minlength=n) > 0 if screened is not None else np.zeros(n, bool)
        for i in np.flatnonzero(need & ~has_rings).tolist():
            if _geometry_empty(geometry[i]):
                need[i] = False
                geometry[i] = None
                nameless.add(label(i))
    # Geometry checks: none empty, each valid (or repaired).
    check = GeometryCheck(name, repair)
    changed = np.zeros(n, dtype=bool)
    screened = _check_geometries(geometry, need, check, label, changed, name, is_canceled, screened)
    notes = check.finish()

    gk = gauss_kruger_for(source) if with_geometry or need.any() else None
    inside, whole_area, fraction, noise = _cut_and_measure(geometry, tbmj, project_area, engine, gk, changed,
                                                           is_canceled, screened)
    if len(noise):
        notes.append(tr("Layer '{layer}': {n} parcel(s) reach into the project area by less than {limit:g} m² each "
                        "({area:.6f} m² in all): coordinate noise along its boundary, left out.").format(
            layer=name, n=len(noise), limit=MIN_PIECE_M2, area=float(noise.sum())))
    missing = np.isnan(tbmj) & inside
    tbmj, kcmj, tbdlmj = area_rules(tbmj, checked["kcmj"], checked["tbdlmj"], checked["kcxs"], whole_area, fraction)
    notes += value_notes
    # A parcel that only touches the boundary leaves an empty or zero-area piece.
    rows = np.flatnonzero(inside & (fraction > 0))
    if project_area is not None and not len(rows):
        raise LandConsolidationError(tr("The project area does not overlap layer '{layer}'.").format(layer=name))

    data = {"fid": fid, "code": code, "tbmj": tbmj, "kcmj": kcmj, "tbdlmj": tbdlmj, "fraction": fraction}
    for role in TEXT_ROLES:
        if role in read_roles:
            values = column(role)
            data[role] = bsm if role == "bsm" else (
                _texts(values) if values is not None else np.full(n, "", dtype=object))
    for role in NUMBER_ROLES:
        if role in read_roles:
            data[role] = checked[role] if role in checked else numbers(role)
    for role, _ in extra_roles:
        values = column(role)
        data[role] = _object_array(values) if values is not None else np.full(n, None)
    data["base"], data["suffix"], data["known"] = base, suffix, known
    if "kcdlbm" in data:
        data["kcdlbm"] = _normalise_kcdlbm(data["kcdlbm"])
    all_rows = len(rows) == n
    frame = pd.DataFrame({key: (values if all_rows else values[rows]) for key, values in data.items()})
    notes += _consistency_notes(frame, name)
    notes += _duplicates(source, bsm, fid, geometry, rows, with_geometry and for_all, name)
    if project_area is not None:
        nameless |= set(_null_geometries(source, read_roles.get("bsm")))
        if nameless:
            notes.append(tr("Layer '{layer}': {n} parcel(s) have no geometry and cannot be placed inside or outside "
                            "the project area, so they are not counted: {parcels}.").format(
                layer=name, n=len(nameless), parcels=listing(sorted(nameless))))
    from_geometry = int(missing.sum())
    area_source = "fields"
    if from_geometry:
        area_source = f"geometry for {from_geometry} parcel(s)"
        notes.append(tr("{n} parcel(s) without TBMJ: their area is computed from the geometry by the land-survey "
                        "ellipsoidal method.").format(n=from_geometry))
    if progress is not None:
        progress(100.0)
    row_list = rows.tolist()
    kept_rings = None
    if keep is not None or keep_geometry:
        if keep is None:  # every parcel's geometry is kept: its rings too (the overlay measures and boxes them)
            kept = np.zeros(n, dtype=bool)
            kept[rows] = True
        for i in np.flatnonzero(kept & changed).tolist():
            geometry[i] = _as_wkb(geometry[i])
        new_index = np.full(n, -1, dtype=np.int64)
        new_index[rows] = np.arange(len(rows))
        kept_rings = _kept_rings(geometry, np.flatnonzero(kept), screened, changed, new_index, len(rows))
    return ParcelTable(
        frame=frame,
        fields=found,
        layer_name=name,
        crs=crs,
        area_source=area_source,
        notes=notes,
        geometries=GeometryList([geometry[i] for i in row_list]) if keep_geometry else None,
        wkb=[geometry[i] if kept[i] else None for i in row_list] if keep is not None else None,
        rings=kept_rings,
        gk=gk,
    )


#: Plausible range of GDDB (耕地等别: 1 best … 15 worst).
GDDB_RANGE = (1.0, 15.0)


def _given(values, n: int) -> np.ndarray:
    """Where a raw column has a value at all (not NULL, not empty text)."""
    if values is None:
        return np.zeros(n, dtype=bool)
    if isinstance(values, np.ndarray) and values.dtype.kind == "f":
        return ~np.isnan(values)
    return np.fromiter((not is_null(v) for v in values), dtype=bool, count=n)


def plausible_values(values: dict, given: dict, bsm, fid, name: str) -> tuple[dict, list[str]]:
    """The area fields and GDDB with implausible values set aside, and a log line per kind naming the parcels.

    Every replaced value becomes empty (NaN), so that :func:`area_rules`
    takes what the 三调 rules prescribe for an empty one:

    * TBMJ not finite (``inf``, the text ``NaN``), zero or negative → the
      parcel's ellipsoidal area (its KCMJ and TBDLMJ are then derived from
      it as well: recorded ones belong to the wrong TBMJ);
    * KCXS outside [0, 1) → no coefficient (0);
    * KCMJ negative, not finite or larger than TBMJ → ``round(TBMJ × KCXS, 2)``;
    * TBDLMJ negative, not finite or larger than TBMJ → TBMJ − KCMJ;
    * GDDB outside 1–15 or not finite → no 等别 (left out of the means).

    Args:
        values: role → float array (NaN for NULL) of ``tbmj``, ``kcmj``,
            ``tbdlmj``, ``kcxs``, ``gddb``.
        given: role → where the raw field had any value.
        bsm, fid: To name parcels.
        name: The layer's name.

    Returns:
        ``(values, notes)``.
    """
    values = {role: np.array(array, dtype=float) for role, array in values.items()}
    notes: list[str] = []

    def note(mask, what: str, used: str) -> None:
        if mask.any():
            labels = [parcel_label(bsm[i], fid[i]) for i in np.flatnonzero(mask)]
            notes.append(tr("Layer '{layer}': {n} parcel(s) with {what}: {parcels}; used {used}.").format(
                layer=name, n=len(labels), what=what, parcels=listing(labels), used=used))

    with np.errstate(invalid="ignore"):
        tbmj = values["tbmj"]
        not_finite = given["tbmj"] & ~np.isfinite(tbmj)
        not_positive = np.isfinite(tbmj) & (tbmj <= 0)
        bad_tbmj = not_finite | not_positive
        note(not_finite, tr("a TBMJ that is not a number (NaN, inf)"), tr("the ellipsoidal area of the geometry"))
        note(not_positive, tr("a TBMJ of zero or less"), tr("the ellipsoidal area of the geometry"))
        tbmj[bad_tbmj] = np.nan
        kcxs = values["kcxs"]
        bad_kcxs = (given["kcxs"] & ~np.isfinite(kcxs)) | (np.isfinite(kcxs) & ((kcxs < 0) | (kcxs >= 1)))
        note(bad_kcxs, tr("a KCXS outside [0, 1)"), tr("no field-ridge (tiankan) coefficient"))
        kcxs[bad_kcxs] = np.nan
        for role, label in (("kcmj", "KCMJ"), ("tbdlmj", "TBDLMJ")):
            value = values[role]
            bad = (given[role] & ~np.isfinite(value)) | (np.isfinite(value) & (value < 0)) | \
                (np.isfinite(value) & np.isfinite(tbmj) & (value > tbmj + CONSISTENCY_TOLERANCE))
            note(bad & ~bad_tbmj, tr("a {field} that is negative, not a number or larger than TBMJ").format(
                field=label), tr("KCMJ = round(TBMJ × KCXS, 2)") if role == "kcmj" else tr("TBDLMJ = TBMJ − KCMJ"))
            value[bad | bad_tbmj] = np.nan
            if role == "kcmj":
                values["tbdlmj"][bad] = np.nan  # the recorded TBDLMJ goes with the recorded KCMJ
        gddb = values["gddb"]
        low, high = GDDB_RANGE
        bad_gddb = (given["gddb"] & ~np.isfinite(gddb)) | (np.isfinite(gddb) & ((gddb < low) | (gddb > high)))
        note(bad_gddb, tr("a GDDB outside 1–15"), tr("no quality grade (left out of the means)"))
        gddb[bad_gddb] = np.nan
    return values, notes


def _duplicates(source, bsm: np.ndarray, fid: np.ndarray, geometry: list, rows: np.ndarray, all_read: bool,
                name: str) -> list[str]:
    """Stop on a parcel recorded twice; a note for one BSM on different parcels.

    The same parcel twice (the same BSM with the same geometry, or – where
    every geometry was read anyway – the same geometry under two BSMs)
    would be counted twice: the run stops, naming them.  The same BSM on
    different parcels is only a note (the BSM cannot name them apart).

    Raises:
        LandConsolidationError: parcels recorded twice.
    """
    keep = np.zeros(len(fid), dtype=bool)
    keep[rows] = True
    codes, uniques = pd.factorize(pd.Series(bsm[keep]), use_na_sentinel=True)
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    repeated = {uniques[k] for k in np.flatnonzero(counts > 1)} - {""}
    suspects = np.flatnonzero(keep & np.isin(bsm, list(repeated))) if repeated else np.zeros(0, dtype=np.int64)
    if len(suspects) and any(geometry[i] is None for i in suspects.tolist()):
        need = np.zeros(len(fid), dtype=bool)
        need[suspects] = True
        for i, geom in enumerate(_fetch_geometries(source, fid, need)):
            if geom is not None and geometry[i] is None:
                geometry[i] = geom
    candidates = (np.flatnonzero(keep) if all_read else suspects).tolist()
    blobs = [g if type(g) is bytes else _as_wkb(g) for g in (geometry[i] for i in candidates)]
    # Equal blobs found by pandas' hash table; only those are grouped here.
    repeat = pd.Series(blobs, dtype=object).duplicated(keep=False).to_numpy() if blobs else np.zeros(0, dtype=bool)
    by_shape: dict[bytes, list[int]] = {}
    for k in np.flatnonzero(repeat).tolist():
        if blobs[k]:
            by_shape.setdefault(blobs[k], []).append(candidates[k])
    twice = [members for members in by_shape.values() if len(members) > 1]
    if twice:
        pairs = [" = ".join(parcel_label(bsm[i], fid[i]) for i in members) for members in twice]
        raise LandConsolidationError(tr(
            "Layer '{layer}': {n} parcel(s) recorded more than once (the same polygon): {pairs}. They would be "
            "counted twice; delete the copies (the data check lists them).").format(
                layer=name, n=len(twice), pairs=listing(pairs)))
    if repeated:
        return [tr("Layer '{layer}': {n} BSM(s) are used by several different parcels: {bsm}.").format(
            layer=name, n=len(repeated), bsm=listing(sorted(repeated)))]
    return []


def _null_geometries(source, bsm_field: str | None) -> list[str]:
    """The parcels without geometry (labels), which a read filtered to a project area does not see."""
    labels: list[str] = []
    location = ogr_location(source)
    if location is not None and location[0].lower().endswith(".gpkg") and location[1]:
        from osgeo import ogr

        dataset = ogr.Open(location[0])
        layer = dataset.GetLayerByName(location[1]) if dataset is not None else None
        if layer is not None:
            column = layer.GetGeometryColumn()
            fid_column = layer.GetFIDColumn() or "fid"
            select = f'"{fid_column}"' + (f', "{bsm_field}"' if bsm_field else "")
            result = dataset.ExecuteSQL(f'SELECT {select} FROM "{location[1]}" WHERE "{column}" IS NULL')
            if result is not None:
                for feature in result:
                    labels.append(parcel_label(feature.GetField(1) if bsm_field else "", feature.GetField(0)))
                dataset.ReleaseResultSet(result)
    else:
        request = QgsFeatureRequest()
        request.setSubsetOfAttributes([bsm_field] if bsm_field else [], source.fields())
        for feature in features(source, request):
            geom = feature.geometry()
            if geom is None or geom.isNull():
                labels.append(parcel_label(feature[bsm_field] if bsm_field else "", feature.id()))
    return labels


def _cut_and_measure(geometry: list, tbmj: np.ndarray, project_area, engine, gk, changed: np.ndarray,
                     is_canceled, rings: Rings | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The project-area cut, and the ellipsoidal areas :func:`area_rules` needs.

    Parcels cut by the project area get their piece in ``geometry`` (and
    ``changed``); the areas of whole parcels (cut, or without TBMJ) and of
    the pieces are measured in two batches (the per-geometry call is ~50×
    slower).  Parcels far from the boundary are placed inside or outside by
    :class:`~.geokernel.inside.BoundaryGrid` from their ``rings`` (polygon
    ``i`` = row ``i``, as read); only those near it ask GEOS.

    Returns:
        ``(inside, whole_area, fraction, noise)``: which parcels reach into
        the project area by at least :data:`MIN_PIECE_M2`, the whole
        parcel's ellipsoidal area where needed (NaN elsewhere), the share
        inside (1 where not cut), and the areas of the pieces left out as
        coordinate noise.
    """
    n = len(geometry)
    inside = np.ones(n, dtype=bool)
    cut = np.zeros(n, dtype=bool)
    whole_rows: list[int] = []
    whole_geoms: list = []
    piece_geoms: list = []
    if engine is not None:
        state = np.full(n, NEAR, dtype=np.int8)
        if rings is not None and rings.count == n:
            state = classify_rings(boundary_grid(bytes(project_area.asWkb())),
                                   rings)
            state[changed] = NEAR  # repaired since the rings were read
        inside[state == OUTSIDE] = False
        for i in np.flatnonzero(state == NEAR).tolist():
            if i % 2000 == 0:
                check_canceled(is_canceled)
            geom = _as_geometry(geometry[i])
            if not engine.intersects(geom.constGet()):
                inside[i] = False
                continue
            if engine.contains(geom.constGet()):
                continue
            piece = polygonal(geom.intersection(project_area))
            if piece is None or piece.isEmpty():
                inside[i] = False
                continue
            whole_rows.append(i)
            whole_geoms.append(geom)
            piece_geoms.append(piece)
            geometry[i] = piece
            changed[i] = cut[i] = True
    piece_rows = list(whole_rows)
    for i in np.flatnonzero(np.isnan(tbmj) & inside & ~cut).tolist():
        whole_rows.append(i)
        whole_geoms.append(_as_geometry(geometry[i]))
    whole_area = np.full(n, np.nan)
    if whole_rows:
        whole_area[whole_rows] = ellipsoid.geometry_areas(gk, whole_geoms)
    fraction = np.ones(n)
    noise = np.zeros(0)
    if piece_rows:
        piece_area = ellipsoid.geometry_areas(gk, piece_geoms)
        with np.errstate(invalid="ignore", divide="ignore"):
            fraction[piece_rows] = piece_area / whole_area[piece_rows]
        # A parcel reaching in by less than MIN_PIECE_M2 only touches the boundary (coordinate noise).
        small = piece_area < MIN_PIECE_M2
        if small.any():
            dropped = np.asarray(piece_rows)[small]
            inside[dropped] = False
            fraction[dropped] = 0.0
            noise = piece_area[small]
    return inside, whole_area, fraction, noise


def _in_fid_order(columns: dict, geometry):
    """The columns (and geometries) in ascending feature id.

    A read limited to a rectangle comes in the order of the file's spatial
    index: ordered by id, a table does not depend on how the index was
    built (a project's copy of a layer and the layer give the same).
    """
    fid = np.asarray(columns["fid"], dtype=np.int64)
    if len(fid) < 2 or not np.any(fid[1:] < fid[:-1]):
        return columns, geometry
    order = np.argsort(fid, kind="stable")
    out = {}
    for key, values in columns.items():
        if isinstance(values, np.ndarray):
            out[key] = values[order]
        else:
            values = list(values)
            out[key] = [values[k] for k in order.tolist()]
    if geometry is not None:
        geometry = [geometry[k] for k in order.tolist()]
    return out, geometry


def _read_features(source, field_names, geometry_kind, code_fields, tbmj_field, rect, progress,
                   is_canceled, fids=None) -> tuple[dict, list | None]:
    """The columns (field name → values, plus ``"fid"``) and geometries, feature by feature.

    Values come as GDAL's columnar read gives them (NULL as None), so that
    both reads go through the same conversions.

    Args:
        source: The layer or feature source.
        field_names: Fields to read.
        geometry_kind: ``geometry_kind(raw code)``: 0 no geometry (unless
            TBMJ is empty: then a QgsGeometry), 1 a QgsGeometry, 2 WKB; None
            to read no geometry at all.
        code_fields: The code field, and the one whose value counts where it is blank (if any).
        tbmj_field: The TBMJ field.
        rect: Bounding-box filter, or None.
        progress: Called with a percentage.
        is_canceled: Returns True when the user cancelled.
        fids: Only the features with these ids (None: all).
    """
    fields = source.fields()
    index = {name: fields.lookupField(name) for name in field_names}
    request = QgsFeatureRequest()
    if fids is not None:
        request.setFilterFids([int(f) for f in fids])
    request.setSubsetOfAttributes(sorted(set(index.values())))
    if geometry_kind is None:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    if rect is not None:
        request.setFilterRect(rect)
    columns: dict[str, list] = {name: [] for name in field_names}
    readers = [(columns[name].append, at) for name, at in index.items()]
    fids: list[int] = []
    geometries: list | None = [] if geometry_kind is not None else None
    code_ats = [index[f] for f in code_fields]
    tbmj_values = columns[tbmj_field] if tbmj_field else None
    kinds: dict = {}
    total = max(source.featureCount(), 1)
    for count, feature in enumerate(features(source, request)):
        if count % 1000 == 0:
            check_canceled(is_canceled)
            if progress is not None:
                progress(90.0 * count / total)
        fids.append(feature.id())
        for append, at in readers:
            append(feature[at])
        if geometries is None:
            continue
        raw = next((value for value in (feature[at] for at in code_ats) if not _blank(value)), None)
        kind = kinds.get(raw)
        if kind is None:
            kind = kinds[raw] = geometry_kind(raw)
        if kind == 2:
            geom = feature.geometry()
            geometries.append(None if geom.isNull() else bytes(geom.asWkb()))
        elif kind == 1 or tbmj_values is None or is_null(tbmj_values[-1]):
            geometries.append(feature.geometry())
        else:
            geometries.append(None)
    for name in field_names:
        # QGIS gives NULL as a null QVariant: make it None, as GDAL does.
        columns[name] = [None if type(v) is QVariant else v for v in columns[name]]
    columns["fid"] = fids
    return columns, geometries


def _fetch_geometries(source, fid: np.ndarray, need: np.ndarray) -> list:
    """Geometries of the ``need`` rows (by feature id), None elsewhere: for a read without geometry."""
    geometry: list = [None] * len(fid)
    where = {int(f): i for i, f in zip(np.flatnonzero(need).tolist(), fid[need].tolist())}
    request = QgsFeatureRequest().setFilterFids(list(where)).setNoAttributes()
    for feature in features(source, request):
        geometry[where[feature.id()]] = feature.geometry()
    return geometry


def _screen(geometry: list, need: np.ndarray) -> Rings | None:
    """The rings of the ``need`` rows given as WKB (polygon ``i`` is row ``i``), or None when none is WKB."""
    blobs = [g if wanted and type(g) is bytes else None for g, wanted in zip(geometry, need.tolist())]
    if not any(b is not None for b in blobs):
        return None
    return Rings.from_wkb(blobs)


def _check_geometries(geometry: list, need: np.ndarray, check: GeometryCheck, label, changed: np.ndarray,
                      name: str, is_canceled, screened: Rings | None = None) -> Rings | None:
    """Stop on empty geometries among the ``need`` rows; run :class:`~.validity.GeometryCheck` on the others.

    The WKB geometries are read into rings once (reused by callers): a
    polygon without rings is empty (or degenerate: GEOS decides), and a
    single convex ring is valid for GEOS without asking it
    (:func:`.geokernel.convex_polygons`), so GEOS checks only the others.
    Its calls cost about 2 µs a parcel (0.55 s for all 244 000 parcels of
    the generated county; 97 % of those are convex and skip it).

    Args:
        geometry: WKB (bytes) or QgsGeometry per row; repaired ones are replaced.
        need: The rows to check.
        check: The layer's check.
        label: ``label(row)`` names a parcel.
        changed: Set True for each repaired row.
        name: The layer's name, for the message.
        is_canceled: Returns True when the user cancelled.
        screened: :func:`_screen` of these rows when already made (rows
            dropped from ``need`` since must have had no rings).

    Returns:
        The rings of the rows given as WKB (before any repair; polygon
        ``i`` is row ``i``), or None when none was WKB.

    Raises:
        LandConsolidationError: empty geometries, listed.
    """
    is_wkb = np.fromiter((wanted and type(g) is bytes for g, wanted in zip(geometry, need.tolist())), dtype=bool,
                         count=len(geometry))
    sure = np.zeros(len(geometry), dtype=bool)
    doubt = need & ~is_wkb  # not WKB: asked below; WKB without rings: empty, or degenerate
    if screened is None:
        screened = _screen(geometry, need)
    if screened is not None:
        # Polygon i of the rings is row i, so that callers can take them as they are.
        sure = convex_polygons(screened)
        doubt |= is_wkb & (np.bincount(screened.owner, minlength=screened.count) == 0)
    empty = [label(i) for i in np.flatnonzero(doubt).tolist() if _geometry_empty(geometry[i])]
    if empty:
        raise LandConsolidationError(tr(
            "Layer '{layer}': {n} parcel(s) with an empty geometry: {parcels}. Complete their geometry or delete "
            "them, or run the data check.").format(layer=name, n=len(empty), parcels=listing(empty)))
    for count, i in enumerate(np.flatnonzero(need & ~sure).tolist()):
        if count % 2000 == 0:
            check_canceled(is_canceled)
        geom = _as_geometry(geometry[i])
        fixed = check(geom, label(i))
        if fixed is not None and fixed is not geom:
            geometry[i] = bytes(fixed.asWkb()) if is_wkb[i] else fixed
            changed[i] = True
    return screened


def _geometry_empty(item) -> bool:
    """A null or empty geometry (WKB or QgsGeometry)."""
    if item is None or (type(item) is bytes and not item):
        return True
    geom = _as_geometry(item)
    return geom.isNull() or geom.isEmpty()


def _kept_rings(geometry: list, kept_rows: np.ndarray, screened: Rings | None, changed: np.ndarray,
                new_index: np.ndarray, count: int) -> Rings:
    """The rings of the kept rows' final geometries, numbered by ``new_index`` (frame rows).

    Reuses the rings read for the validity screen when no kept geometry was
    repaired or cut since; else reads them again.
    """
    target = np.full(len(geometry), -1, dtype=np.int64)
    target[kept_rows] = new_index[kept_rows]
    if screened is not None and not changed[kept_rows].any():
        has_rings = np.bincount(screened.owner, minlength=screened.count) > 0
        if screened.count == count and not (has_rings & (target < 0)).any() \
                and np.array_equal(target[has_rings], np.flatnonzero(has_rings)):
            return screened  # numbered as the frame already: no row dropped, only kept ones read
        return screened.renumbered(target, count)
    blobs: list = [None] * len(geometry)
    for i in kept_rows.tolist():
        blobs[i] = _as_wkb(geometry[i])
    return Rings.from_wkb(blobs).renumbered(target, count)


def _texts(values) -> np.ndarray:
    """:func:`.values.texts` as an object array."""
    out = np.empty(len(values), dtype=object)
    out[:] = texts(values)
    return out


def _object_array(values) -> np.ndarray:
    """Values as a 1-D object array (as they are when they are one already)."""
    if isinstance(values, np.ndarray) and values.dtype == object:
        return values
    array = np.empty(len(values), dtype=object)
    array[:] = list(values)
    return array


def _blank(value) -> bool:
    """An empty code value: NULL or only spaces."""
    return is_null(value) or not str(value).strip()


def _with_fallback(values, fallback) -> list:
    """``values`` with each blank one (:func:`_blank`) replaced by ``fallback``'s."""
    return [other if _blank(value) else value for value, other in zip(values, fallback)]


def _classify_codes(values, table: codes_mod.CodeTable, keep: set | None = None):
    """``(code, base, suffix, known, kept)`` arrays of raw code values, each distinct value looked up once.

    ``kept`` is True where the code or its base code is in ``keep``.
    """
    inverse, uniques = pd.factorize(_object_array(values), use_na_sentinel=False)
    entries = [table.lookup(u) for u in uniques]

    def spread(values, dtype=object):
        return np.array(values or [""], dtype=dtype)[inverse] if len(inverse) else np.zeros(0, dtype=dtype)

    keep = keep or set()
    return (spread([e.code for e in entries]), spread([e.base for e in entries]),
            spread([e.suffix for e in entries]), spread([e.known for e in entries] or [False], bool),
            spread([e.code in keep or e.base in keep for e in entries] or [False], bool))


def _normalise_kcdlbm(values: np.ndarray) -> np.ndarray:
    """KCDLBM normalised; empty means 田坎 (1203), the only deduction in 三调."""
    inverse, uniques = pd.factorize(_object_array(values), use_na_sentinel=False)
    cleaned = [codes_mod.normalise(k) or codes_mod.TIANKAN for k in uniques]
    return np.array(cleaned or [""], dtype=object)[inverse] if len(inverse) else np.zeros(0, dtype=object)


def _consistency_notes(frame: pd.DataFrame, name: str) -> list[str]:
    notes = []
    gap = (frame["tbmj"] - frame["kcmj"] - frame["tbdlmj"]).abs()
    bad = gap > CONSISTENCY_TOLERANCE * np.maximum(frame["fraction"], 1e-12)
    if bad.any():
        notes.append(tr(
            "Layer '{layer}': {n} parcel(s) with TBMJ − KCMJ ≠ TBDLMJ (difference {gap:.2f} m² in all); class areas "
            "are counted by TBDLMJ, field ridges by KCMJ, the total by TBMJ.").format(
            layer=name, n=int(bad.sum()), gap=float((frame["tbmj"] - frame["kcmj"] - frame["tbdlmj"])[bad].sum())))
    unknown = ~frame["known"]
    if unknown.any():
        sub = frame[unknown]
        listing = separator().join(
            tr("{code} ({n} parcel(s), {area:.2f} m²)").format(code=code, n=len(g), area=g["tbdlmj"].sum())
            for code, g in sub.groupby("code"))
        notes.append(tr("Layer '{layer}' has codes not in the land-survey code table, counted on rows of their "
                        "own: {codes}.").format(layer=name, codes=listing))
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
    unknown = unknown_codes(frame).sort_values(["parcels", "code"], ascending=[False, True], kind="stable")
    if unknown.empty:
        return
    items = []
    # The most frequent codes first, at most MAX_LISTED of them: a wrong code field (BSM) makes every
    # value an unknown code, and a message listing them all is unreadable.
    for rec in unknown.head(MAX_LISTED).itertuples(index=False):
        ids = frame.loc[frame["code"] == rec.code, "bsm"].replace("", np.nan).dropna().head(3).tolist()
        items.append(tr("'{code}': {n} parcel(s), {area} m²{bsm}").format(
            code=rec.code or tr("(empty)"), n=rec.parcels, area=f"{rec.area_m2:.2f}",
            bsm=(", BSM " + ", ".join(ids)) if ids else ""))
    more = len(unknown) - MAX_LISTED
    if more > 0:
        items.append(tr("and {n} more codes").format(n=more))
    raise LandConsolidationError(tr(
        "Layer '{layer}', field {field}: {count} code(s) not in the land-survey code table ({parcels} parcels): {codes}. "
        "Correct them (is {field} the land-use code field?), or set UNKNOWN_CODES to 1 to report them as rows "
        "of their own.").format(layer=parcels.layer_name, field=parcels.fields.get("code") or "DLBM",
                                count=len(unknown), parcels=int(unknown["parcels"].sum()), codes="; ".join(items)))
