"""The planned state: before × after pieces (I2–I5, I9–I11 build on them).

A plan is given either

* as a planned-code field on the current DLTB (``AFTER_FIELD``): each
  parcel is one piece, its after-state the same parcel with the planned code
  (耕地 keeps its 田坎 coefficient and 等别 unless planned ones are given;
  a parcel planned as non-耕地 has no 田坎); or
* as a separate after-consolidation DLTB layer: the two layers are overlaid
  (boundaries need not match) and every intersection is a piece.

Each piece carries both sides' attributes and areas.  A side's areas are its
parcel's ``TBMJ``/``KCMJ``/``TBDLMJ`` times the share of that parcel's
ellipsoidal area the piece covers, so the before-side sums give back the
before layer's figures and the after-side sums the after layer's.  The
piece's *gross* area is its before-side ``TBMJ`` share.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from qgis.core import QgsGeometry

from ..i18n import tr
from . import codes as codes_mod
from . import dltb
from .errors import LandConsolidationError
from .overlay import overlay
from .validity import listing, parcel_label
from .values import numbers as to_numbers

#: Relative tolerance on coverage (share of a parcel's area) before a gap or
#: an overlap between the layers is reported.
COVERAGE_TOLERANCE = 1e-6
#: Absolute tolerance (m²) under which a gap or overlap is ignored.
COVERAGE_MIN_M2 = 0.01
#: Overlay pieces smaller than this (m²) are coordinate noise – the same boundary
#: digitised twice, or one layer reprojected – and are dropped and counted.
DEFAULT_SLIVER_M2 = 0.01

#: The DLTB roles (:func:`.dltb.read_dltb` ``roles``) a plan's pieces need: a reader asked for these alone
#: skips the other text columns (village names, 种植属性 …) when only the pieces are wanted.
PIECE_ROLES = ("village", "czcsxm", "gddb", "gdpdjb")

SIDE_COLUMNS = ("fid", "bsm", "code", "base", "suffix", "known", "tbmj", "kcmj", "tbdlmj", "gddb", "gdpdjb",
                "czcsxm", "kcxs")


@dataclass
class Plan:
    """Before × after pieces.

    Attributes:
        pieces: One row per piece: ``<column>_b`` and ``<column>_a`` for the
            columns of :data:`SIDE_COLUMNS`, plus ``village``, ``gross``
            (m², before-side TBMJ share) and ``uncovered`` (True for a piece
            the after layer does not cover, kept unchanged on request).
        before: The before layer's ParcelTable.
        source: ``"field"`` or ``"layer"``.
        uncovered_m2: Area of the before layer not covered by the after layer.
        notes: Things the user should read in the log.
        geometries: Piece geometries (same order as ``pieces``), when kept.
    """

    pieces: pd.DataFrame
    before: dltb.ParcelTable
    source: str
    uncovered_m2: float = 0.0
    notes: list = field(default_factory=list)
    geometries: list | None = None


def plan_from_field(
    parcels: dltb.ParcelTable,
    planned: list,
    planned_kcxs: list | None = None,
    planned_gddb: list | None = None,
    table: codes_mod.CodeTable | None = None,
) -> Plan:
    """A plan given as a planned-code value per parcel of ``parcels``.

    Args:
        parcels: The before layer, read with its geometries when the caller
            wants piece geometries.
        planned: Planned code per row of ``parcels.frame``; empty means
            unchanged.
        planned_kcxs: Planned 田坎 coefficient per row (None: keep 耕地's own).
        planned_gddb: Planned 等别 per row (None: keep the parcel's own).
        table: Code table.
    """
    table = table or codes_mod.default_table()
    before = parcels.frame
    after = pd.DataFrame(index=before.index)
    codes = [codes_mod.normalise(c) or old for c, old in zip(planned, before["code"])]
    entries = [table.lookup(c) for c in codes]
    after["code"] = [e.code for e in entries]
    after["base"] = [e.base for e in entries]
    after["suffix"] = [e.suffix for e in entries]
    after["known"] = np.array([e.known for e in entries], dtype=bool)
    cultivated_after = after["base"].isin(codes_mod.CULTIVATED).to_numpy()
    cultivated_before = before["base"].isin(codes_mod.CULTIVATED).to_numpy()
    kcxs_before = before["kcxs"].fillna(0.0).to_numpy()
    if planned_kcxs is not None:
        kcxs = to_numbers(planned_kcxs)
        kcxs = np.where(np.isnan(kcxs), np.where(cultivated_before, kcxs_before, 0.0), kcxs)
    else:
        kcxs = np.where(cultivated_before, kcxs_before, 0.0)
    kcxs = np.where(cultivated_after, kcxs, 0.0)
    tbmj = before["tbmj"].to_numpy()
    same = cultivated_after & cultivated_before & np.isclose(kcxs, kcxs_before)
    # A parcel that stays 耕地 with its coefficient keeps its recorded KCMJ.
    kcmj = np.where(same, before["kcmj"].to_numpy(), np.round(tbmj / before["fraction"].to_numpy() * kcxs, 2)
                    * before["fraction"].to_numpy())
    after["fid"] = before["fid"]
    after["bsm"] = before["bsm"]
    after["tbmj"] = tbmj
    after["kcmj"] = kcmj
    after["tbdlmj"] = tbmj - kcmj
    after["kcxs"] = kcxs
    gddb = before["gddb"].to_numpy(dtype=float)
    if planned_gddb is not None:
        given = to_numbers(planned_gddb)
        gddb = np.where(np.isnan(given), gddb, given)
    after["gddb"] = gddb
    after["gdpdjb"] = before["gdpdjb"]
    construction_after = np.array([e.category3 == "建设用地" for e in entries])
    after["czcsxm"] = np.where(construction_after, before["czcsxm"], "")
    pieces = _join_sides(before, after, before["tbmj"].to_numpy())
    pieces["uncovered"] = False
    return Plan(pieces=pieces, before=parcels, source="field", geometries=parcels.geometries)


def plan_from_layer(
    parcels: dltb.ParcelTable,
    after_source,
    *,
    overrides: dict | None = None,
    project_area: QgsGeometry | None = None,
    keep_uncovered: bool = False,
    keep_geometry: bool = False,
    progress=None,
    is_canceled=None,
    repair: bool = False,
    sliver_area: float = DEFAULT_SLIVER_M2,
    transform_context=None,
    after_fids=None,
) -> Plan:
    """Overlay the before parcels (read with geometries) and an after layer.

    Pieces smaller than ``sliver_area`` are coordinate noise: they are
    dropped and counted (a note says how many and how much), and the other
    pieces of their parcels keep the parcels' whole areas between them, so
    the same data in EPSG:4528 and EPSG:4549 give the same tables.  An after
    layer in another projected CRS is reprojected to the before layer's.

    Args:
        parcels: The before layer, read with ``keep_geometry=True`` (and
            already cut to the project area).
        after_source: The after-consolidation DLTB (reprojected to the
            before layer's CRS when it is in another one).
        overrides: Field overrides for the after layer.
        project_area: The boundary the before parcels were cut to; the
            after layer is cut to it too.
        keep_uncovered: Treat parts of the before layer the after layer does
            not cover as unchanged (reported); otherwise they are an error.
        keep_geometry: Keep the pieces' geometries.
        progress: Called with a percentage.
        is_canceled: Returns True when cancelled.
        repair: Repair invalid geometries of the after layer (:mod:`.validity`).
        sliver_area: Pieces under this area (m²) are dropped as noise.
        transform_context: For reprojecting the after layer.
        after_fids: Read only these features of the after layer (see
            :func:`~.dltb.read_dltb`); None: all.

    Raises:
        LandConsolidationError: a geographic CRS, overlapping after features,
            or uncovered parcels when ``keep_uncovered`` is False.
    """
    if parcels.geometries is None:
        raise ValueError("plan_from_layer needs the before parcels' geometries")
    after_name = dltb.source_name(after_source)
    after_crs = dltb.check_projected(after_source, after_name)
    notes = []
    if after_crs != parcels.crs:
        after_source = reprojected(after_source, parcels.crs, transform_context, after_name)
        notes.append(tr("The planned layer '{layer}' ({own}) was reprojected to the coordinate system of the "
                        "current layer '{current}' ({crs}) before the overlay.").format(
            layer=after_name, own=after_crs.authid(), current=parcels.layer_name, crs=parcels.crs.authid()))
    # The after side needs only the columns of a piece (SIDE_COLUMNS), not the village names and flags.
    after = dltb.read_dltb(after_source, overrides=overrides, keep_geometry=True, project_area=project_area,
                           repair=repair, roles=("czcsxm", "gddb", "gdpdjb"), fids=after_fids)
    gk = parcels.gk or dltb.gauss_kruger_for(after_source)
    after_frame = after.frame.reset_index(drop=True)
    after_geoms = after.geometries
    before_frame = parcels.frame.reset_index(drop=True)
    # Parcels the plan leaves as they are (the same polygon in both layers) are matched without GEOS.
    pieces_of = overlay(parcels.geometries, after_geoms, gk, keep_geometry=True, progress=progress,
                        is_canceled=is_canceled, rings_a=_all_rings(parcels), rings_b=_all_rings(after))
    before_areas, after_areas = pieces_of.area_a, pieces_of.area_b
    if pieces_of.overlapping_b:
        labels = [_label(after_frame, j) for j in pieces_of.overlapping_b]
        raise LandConsolidationError(tr(
            "The planned layer '{layer}' has overlapping features: {features}; check its topology first.").format(
            layer=after_name, features=_listing(labels)))
    rows_b, rows_a, piece_area, geoms = pieces_of.rows_a, pieces_of.rows_b, pieces_of.area, pieces_of.geometries
    covered = np.bincount(rows_b, weights=piece_area, minlength=len(before_frame))
    covered_a = np.bincount(rows_a, weights=piece_area, minlength=len(after_frame))
    gap = before_areas - covered
    tolerance = np.maximum(COVERAGE_MIN_M2, COVERAGE_TOLERANCE * before_areas)
    uncovered_rows = [int(i) for i in np.flatnonzero((gap > tolerance) & (before_areas > 0))]
    uncovered_share = [float(gap[i] / before_areas[i]) for i in uncovered_rows]
    overlapping = [_label(before_frame, int(i)) for i in np.flatnonzero(-gap > tolerance)]
    noise = piece_area < sliver_area
    if noise.any():
        notes.append(tr(
            "The overlay made {n} piece(s) under {limit:g} m² ({area:.2f} m² in all): coordinate noise of one "
            "boundary, dropped; the other pieces of their parcels carry their area.").format(
            n=int(noise.sum()), limit=sliver_area, area=float(piece_area[noise].sum())))
    keep = ~noise
    rows_b, rows_a, piece_area = rows_b[keep], rows_a[keep], piece_area[keep]
    geoms = geoms.take(np.flatnonzero(keep).tolist())
    # Each parcel's kept pieces share what the overlay covered of it (all of it, unless part of it is
    # uncovered and kept unchanged): dropping noise never changes a parcel's total.
    whole_b = np.ones(len(before_frame))
    whole_b[uncovered_rows] = 1.0 - np.asarray(uncovered_share)
    kept_b = np.bincount(rows_b, weights=piece_area, minlength=len(before_frame))
    shares_b = piece_area / np.maximum(kept_b[rows_b], 1e-300) * whole_b[rows_b]
    # After parcels lying wholly on the before layer likewise; those reaching beyond it keep plain shares.
    kept_a = np.bincount(rows_a, weights=piece_area, minlength=len(after_frame))
    inside_a = np.abs(after_areas - covered_a) <= np.maximum(COVERAGE_MIN_M2, COVERAGE_TOLERANCE * after_areas)
    divisor_a = np.where(inside_a, kept_a, after_areas)
    shares_a = np.where(divisor_a[rows_a] > 0, piece_area / np.maximum(divisor_a[rows_a], 1e-300), 0.0)

    if overlapping:
        raise LandConsolidationError(tr(
            "The planned layer '{layer}' has overlapping features (over the current parcels {parcels}); check its "
            "topology first.").format(layer=after_name, parcels=_listing(overlapping)))
    uncovered_m2 = float(sum(before_frame.loc[i, "tbmj"] * s for i, s in zip(uncovered_rows, uncovered_share)))
    uncovered_labels = [_label(before_frame, i) for i in uncovered_rows]
    if uncovered_rows and not keep_uncovered:
        raise LandConsolidationError(tr(
            "The planned layer '{layer}' does not cover {n} current parcel(s) ({area:.2f} m² in all): {parcels}. "
            "Complete the planned layer, or set UNCOVERED to 1 to keep them unchanged.").format(
            layer=after_name, n=len(uncovered_rows), area=uncovered_m2, parcels=_listing(uncovered_labels)))
    if uncovered_rows:
        notes.append(tr("The planned layer does not cover parts of {n} current parcel(s) ({area:.2f} m²); they "
                        "are kept unchanged: {parcels}.").format(
            n=len(uncovered_rows), area=uncovered_m2, parcels=_listing(uncovered_labels)))

    sel_b = before_frame.iloc[rows_b].reset_index(drop=True)
    sel_a = after_frame.iloc[rows_a].reset_index(drop=True)
    share_b = np.asarray(shares_b, dtype=float)
    share_a = np.asarray(shares_a, dtype=float)
    for column in ("tbmj", "kcmj", "tbdlmj"):
        sel_b[column] = sel_b[column].to_numpy() * share_b
        sel_a[column] = sel_a[column].to_numpy() * share_a
    pieces = _join_sides(sel_b, sel_a, sel_b["tbmj"].to_numpy())
    pieces["uncovered"] = False
    if uncovered_rows:
        kept = before_frame.iloc[uncovered_rows].reset_index(drop=True)
        share = np.asarray(uncovered_share)
        for column in ("tbmj", "kcmj", "tbdlmj"):
            kept[column] = kept[column].to_numpy() * share
        same = _join_sides(kept, kept.copy(), kept["tbmj"].to_numpy())
        same["uncovered"] = True
        pieces = pd.concat([pieces, same], ignore_index=True)
        if keep_geometry:
            for i in uncovered_rows:
                geom = parcels.geometries[i]
                box = geom.boundingBox()
                near = [g for g in after_geoms if g.boundingBox().intersects(box)]
                geoms.append(geom.difference(QgsGeometry.unaryUnion(near)) if near else geom)
    outside = float(after_frame["tbmj"].sum() - (sel_a["tbmj"].sum() if len(sel_a) else 0.0))
    if outside > max(COVERAGE_MIN_M2, COVERAGE_TOLERANCE * max(after.total_area, 1.0)):
        notes.append(tr("{area:.2f} m² (by TBMJ) of the planned layer '{layer}' lie outside the current layer or "
                        "the project area and are not counted.").format(area=outside, layer=after_name))
    notes.extend(after.notes)
    if progress is not None:
        progress(100.0)
    return Plan(
        pieces=pieces,
        before=parcels,
        source="layer",
        uncovered_m2=uncovered_m2,
        notes=notes,
        geometries=geoms if keep_geometry else None,
    )


def _all_rings(parcels: dltb.ParcelTable):
    """The parcels' rings when the reader kept them for every row (geometries kept, no ``wkb_codes``), else None."""
    if parcels.rings is None or parcels.wkb is not None or parcels.rings.count != len(parcels.frame):
        return None
    return parcels.rings


def reprojected(source, crs, transform_context=None, name: str = ""):
    """A memory copy of a layer or feature source in ``crs`` (the input itself is not changed)."""
    from qgis.core import QgsCoordinateTransformContext, QgsFeatureRequest, QgsProject

    context = transform_context or QgsProject.instance().transformContext() or QgsCoordinateTransformContext()
    request = QgsFeatureRequest().setDestinationCrs(crs, context)
    request.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    copy = source.materialize(request)
    if name:
        copy.setName(name)
    return copy


def fill_new_cultivated_grade(result: Plan, grade: float | None) -> float:
    """Give 新增耕地 without a planned 等别 the one stated for all of it (``NEW_CULTIVATED_GRADE``).

    新增耕地 = pieces not 耕地 now and planned as 耕地.  Reclaimed 建设用地 and
    restored land have no 等别 of their own; without one they would drop out of
    every mean 等别 (and the rules judging it would pass on the rest).  Pieces
    that have a planned 等别 keep it.

    Returns:
        The area (m², TBDLMJ after) that took ``grade``; 0 when ``grade`` is None.
    """
    if grade is None:
        return 0.0
    pieces = result.pieces
    cultivated = codes_mod.CULTIVATED
    gained = ~pieces["base_b"].isin(cultivated).to_numpy() & pieces["base_a"].isin(cultivated).to_numpy()
    empty = gained & pieces["gddb_a"].isna().to_numpy()
    if empty.any():
        pieces.loc[empty, "gddb_a"] = float(grade)
    return float(pieces.loc[empty, "tbdlmj_a"].sum())


def codes_under(result: Plan, geometries: list) -> list[tuple[str, str]]:
    """The current and planned code under each geometry: those of the plan piece covering most of it.

    For parcels of other layers (the 永久基本农田 调出 / 调入 pieces) in the
    plan's CRS; ``("", "")`` where no piece lies under a geometry.  Needs the
    plan's piece geometries.  The geometries are overlaid with the pieces
    (:func:`.overlay.overlay`: a geometry that is a piece, or lies inside
    one, needs no intersection); of equal areas the first piece counts.
    """
    if result.geometries is None:
        raise ValueError("codes_under needs the plan's piece geometries")
    out = [("", "")] * len(geometries)
    if not len(geometries) or not len(result.geometries):
        return out
    found = overlay(geometries, result.geometries, result.before.gk, check_overlaps=False)
    if not len(found.rows_a):
        return out
    # Largest piece first for each geometry; of equal areas the piece that comes first.
    order = np.lexsort((found.rows_b, -found.area, found.rows_a))
    rows_a, rows_b, area = found.rows_a[order], found.rows_b[order], found.area[order]
    first = np.r_[True, rows_a[1:] != rows_a[:-1]] & (area > 0)
    base_b = result.pieces["base_b"].to_numpy()
    base_a = result.pieces["base_a"].to_numpy()
    for i, j in zip(rows_a[first].tolist(), rows_b[first].tolist()):
        out[i] = (str(base_b[j]), str(base_a[j]))
    return out


def reject_unknown_planned_codes(result: Plan) -> None:
    """Raise when a planned code is not in the 三调 table, listing the codes and the parcels.

    Raises:
        LandConsolidationError: each unknown planned code with up to ten BSMs
            of the current parcels planned with it.
    """
    pieces = result.pieces
    unknown = pieces[~pieces["known_a"].astype(bool)]
    if unknown.empty:
        return
    items = []
    for code, group in unknown.groupby("code_a", sort=True):
        labels = [_label_of(bsm, fid) for bsm, fid in zip(group["bsm_b"], group["fid_b"])]
        items.append(tr("'{code}' ({parcels})").format(code=code or tr("(empty)"),
                                                       parcels=_listing(sorted(set(labels)))))
    raise LandConsolidationError(tr("Planned codes not in the land-survey code table: {items}. Correct the planned "
                                    "codes.").format(items="; ".join(items)))


def _label_of(bsm, fid) -> str:
    text = "" if bsm is None or (isinstance(bsm, float) and np.isnan(bsm)) else str(bsm)
    return parcel_label(text, fid)


def _join_sides(before: pd.DataFrame, after: pd.DataFrame, gross) -> pd.DataFrame:
    table = codes_mod.default_table()
    data = {}
    for side, frame in (("b", before), ("a", after)):
        for column in SIDE_COLUMNS:
            if column in frame:
                data[f"{column}_{side}"] = frame[column].to_numpy()
            else:
                data[f"{column}_{side}"] = np.full(len(frame), np.nan)
        # Each distinct code looked up once (a county's plan has a million pieces' worth of lookups otherwise).
        inverse, uniques = pd.factorize(pd.Series(frame["base"].to_numpy(), dtype=object), use_na_sentinel=False)
        entries = [table.lookup(c) for c in uniques]
        data[f"cat_{side}"] = np.array([e.category3 for e in entries] + [""], dtype=object)[inverse]
        data[f"group_{side}"] = np.array([e.group for e in entries] + [""], dtype=object)[inverse]
    data["village"] = before["village"].to_numpy() if "village" in before else np.full(len(before), "")
    data["gross"] = np.asarray(gross, dtype=float)
    return pd.DataFrame(data)


def _label(frame: pd.DataFrame, i: int) -> str:
    return parcel_label(frame.loc[i, "bsm"], frame.loc[i, "fid"])


def _listing(labels: list, limit: int = dltb.MAX_LISTED) -> str:
    return listing(labels, limit)
