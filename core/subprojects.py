"""Sub-projects (子项目): reading the layer, the per-sub-project 增减挂钩 ledger, the ledger per 项目区, funding.

Fields are detected by name (:data:`SUBPROJECT_FIELDS`, case-insensitive).
The 增减挂钩 项目区 a sub-project belongs to – its 拆旧区 and 建新区 share it –
is read from the first of ``XMQBH`` (项目区编号), ``GLXMQBH`` / ``GLXMQ``
(关联项目区编号 / 关联项目区), ``XMQDM`` (项目区代码), ``PROJECT_AREA_ID`` and
``AREA_ID``; sub-projects with an empty value belong to no 项目区.

A funding field (ZJLY) may list several sources with their amounts (万元):
``省级财政补助资金:30;社会资本:20`` (separators ``;`` ``；`` ``,`` ``，`` ``、``
or new lines, ``:`` or ``：`` before the amount, an optional 万元 after it);
see :func:`split_funding`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from qgis.core import QgsCoordinateTransform, QgsCoordinateTransformContext, QgsGeometry, QgsSpatialIndex

from ..i18n import tr
from . import dltb, ellipsoid, indicators
from .fields import detect_fields
from .validity import GeometryCheck
from .values import is_null

#: role → candidate field names of a sub-project layer.
SUBPROJECT_FIELDS = {
    "code": ("XMBH", "ZXMBH", "BH", "CODE"),
    "name": ("XMMC", "ZXMMC", "MC", "NAME"),
    "type": ("XMLX", "LX", "TYPE"),
    "investment": ("TZJE", "TZ", "INVESTMENT"),
    "funding": ("ZJLY", "FUNDING"),
    "year": ("SSND", "ND", "YEAR"),
    "unit": ("ZRDW", "UNIT"),
    "area_id": ("XMQBH", "GLXMQBH", "GLXMQ", "XMQDM", "PROJECT_AREA_ID", "AREA_ID"),
}
#: A funding source listed without an amount, or the rest of the investment no listed amount covers.
UNLISTED_SOURCE = "未列明来源"
#: The funding field is empty.
NO_SOURCE = "未填资金来源"
_FUNDING_ITEMS = re.compile(r"[;；,，、\n]+")
_FUNDING_AMOUNT = re.compile(r"^(.*?)[:：]\s*([-+]?\d+(?:\.\d+)?)\s*(?:万元|万)?$")


def split_funding(text, total: float) -> list[tuple[str, float]]:
    """A sub-project's investment by funding source (万元).

    * ``"省级财政补助资金"`` (one source, no amount): the whole ``total``;
    * ``"省级财政补助资金:30;社会资本:20"``: the amounts listed; when they add
      up to less than ``total`` the rest is :data:`UNLISTED_SOURCE`, when to
      more, :data:`UNLISTED_SOURCE` takes the (negative) difference, so the
      sources always add up to the investment;
    * sources listed without an amount beside ones with: they share the rest
      equally;
    * empty: :data:`NO_SOURCE`.

    Args:
        text: The funding field's value.
        total: The investment (万元); NaN when unknown (the sources then add
            up to what they list).
    """
    text = "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text).strip()
    known = not (total is None or (isinstance(total, float) and math.isnan(total)))
    if not text:
        return [(NO_SOURCE, float(total))] if known and total else []
    items: list[list] = []
    for part in _FUNDING_ITEMS.split(text):
        part = part.strip()
        if not part:
            continue
        match = _FUNDING_AMOUNT.match(part)
        if match:
            items.append([match.group(1).strip() or UNLISTED_SOURCE, float(match.group(2))])
        else:
            items.append([part, None])
    listed = sum(amount for _, amount in items if amount is not None)
    rest = (float(total) - listed) if known else 0.0
    open_items = [item for item in items if item[1] is None]
    for item in open_items:
        item[1] = rest / len(open_items) if known else 0.0
    if not open_items and abs(rest) > 0.005:
        items.append([UNLISTED_SOURCE, rest])
    merged: dict[str, float] = {}
    for source, amount in items:
        merged[source] = merged.get(source, 0.0) + amount
    return [(source, amount) for source, amount in merged.items() if amount or len(merged) == 1]


@dataclass
class SubProjects:
    """Sub-project attributes (frame) and geometries in the DLTB's CRS."""

    frame: pd.DataFrame
    geometries: list
    layer_name: str


def read_subprojects(source, target_crs, context: QgsCoordinateTransformContext | None = None,
                     repair: bool = False) -> SubProjects:
    """Read a sub-project layer; attributes by detected field, geometry reprojected.

    Invalid geometries follow :mod:`.validity` (``repair``)."""
    name = dltb.source_name(source)
    found = detect_fields([f.name() for f in source.fields()], candidates=SUBPROJECT_FIELDS)
    transform = None
    crs = dltb.source_crs(source)
    if crs.isValid() and crs != target_crs:
        transform = QgsCoordinateTransform(crs, target_crs, context or QgsCoordinateTransformContext())
    rows, geoms = [], []
    check = GeometryCheck(name, repair, tr("sub-projects"))
    for feature, geom in dltb.checked_geometries(source, check, transform):
        row = {"fid": feature.id()}
        for role, field_name in found.items():
            value = feature[field_name] if field_name else None
            row[role] = None if is_null(value) else value
        row["code"] = str(row["code"]) if row["code"] is not None else str(feature.id())
        rows.append(row)
        geoms.append(geom)
    check.finish()
    frame = pd.DataFrame(rows, columns=["fid", *SUBPROJECT_FIELDS])
    return SubProjects(frame=frame, geometries=geoms, layer_name=name)


def linkage_ledger(plan, source, land: indicators.ConstructionLand, repair: bool = False) -> pd.DataFrame:
    """增减挂钩 per sub-project (the part of each change inside it) and a 合计 row.

    Args:
        plan: A :class:`~.plan.Plan` read with geometries when ``source`` is given.
        source: Sub-project layer, or None.
        land: The whole plan's construction figures (for the 合计 row).
        repair: Repair invalid sub-project geometries (core/validity.py).
    """
    rows = []
    if source is not None:
        subs = read_subprojects(source, plan.before.crs, repair=repair)
        pieces = plan.pieces
        reclaimed = indicators.reclaimed_mask(pieces)
        new_build = indicators.new_build_mask(pieces)
        to_cultivated = pieces["base_a"].isin(indicators.CULTIVATED).to_numpy()
        changed = np.flatnonzero(reclaimed | new_build)
        index = _piece_index(plan, changed)
        piece_area: dict = {}
        for k, sub_geom in enumerate(subs.geometries):
            totals = {"rec": 0.0, "rec_cult": 0.0, "new": 0.0}
            for i, share in _shares_inside(plan, sub_geom, index, piece_area).items():
                gross = pieces["gross"].iat[i] * share
                if reclaimed[i]:
                    totals["rec"] += gross
                    if to_cultivated[i]:
                        totals["rec_cult"] += gross
                if new_build[i]:
                    totals["new"] += gross
            rec = subs.frame.iloc[k]
            rows.append({
                "SUBPROJECT": str(rec["code"]),
                "NAME": "" if rec["name"] is None else str(rec["name"]),
                "TYPE": "" if rec["type"] is None else str(rec["type"]),
                "RECLAIMED_M2": totals["rec"],
                "RECLAIMED_TO_CULTIVATED_M2": totals["rec_cult"],
                "NEW_BUILD_M2": totals["new"],
                "SURPLUS_M2": totals["rec"] - totals["new"],
            })
    rows.append({
        "SUBPROJECT": "合计",
        "NAME": "项目区合计",
        "TYPE": "",
        "RECLAIMED_M2": land.reclaimed_m2,
        "RECLAIMED_TO_CULTIVATED_M2": land.reclaimed_to_cultivated_m2,
        "NEW_BUILD_M2": land.new_build_m2,
        "SURPLUS_M2": land.surplus_m2,
    })
    return pd.DataFrame(rows)


#: Columns of :func:`linkage_by_area`.
AREA_COLUMNS = ("AREA_ID", "SUBPROJECTS", "RECLAIMED_M2", "RECLAIMED_TO_CULTIVATED_M2", "NEW_BUILD_M2", "SURPLUS_M2",
                "CULTIVATED_GAINED_M2", "CULTIVATED_TAKEN_M2", "GAINED_QUALITY", "TAKEN_QUALITY",
                "GAINED_UNGRADED_M2", "TAKEN_UNGRADED_M2")
#: Rows of :func:`linkage_by_area` that are not a 项目区 of the sub-project layer.
WHOLE_PROJECT = "全项目区"
OUTSIDE_AREAS = "未划入项目区"


@dataclass
class LinkageAreas:
    """增减挂钩 per 项目区 (:func:`linkage_by_area`).

    Attributes:
        frame: One row per 项目区 (:data:`AREA_COLUMNS`), then
            :data:`OUTSIDE_AREAS` when some 拆旧 or 建新 lies in none.
        id_field: The sub-project field the 项目区 were read from; None when
            there is none (the whole project is then one row, :data:`WHOLE_PROJECT`).
    """

    frame: pd.DataFrame
    id_field: str | None


def linkage_by_area(plan, source=None, repair: bool = False) -> LinkageAreas:
    """增减挂钩 per 项目区: 拆旧复垦, 建新, 节余, and the 耕地 they gain and take, with its 等别.

    A 项目区 is the union of the sub-projects sharing an id (module
    docstring); each 拆旧 (建设用地 planned as other land) and 建新 (other land
    planned as 建设用地) piece counts in it with the share of its ellipsoidal
    area inside.  Per 项目区:

    * RECLAIMED_M2, NEW_BUILD_M2, SURPLUS_M2 (= 拆旧复垦 − 建新): gross areas,
      the basis of the 增减挂钩 ledger;
    * CULTIVATED_GAINED_M2: 耕地 the 拆旧 pieces are planned as (TBDLMJ after),
      CULTIVATED_TAKEN_M2: 耕地 the 建新 pieces are now (TBDLMJ before) – 耕地
      is not reduced when gained ≥ taken;
    * GAINED_QUALITY / TAKEN_QUALITY: their area-weighted 等别 (NaN when
      none), and the parts without 等别 – not poorer when gained ≤ taken.

    Without a sub-project layer, or without a 项目区 field on it, the whole
    plan is one row.

    Args:
        plan: A :class:`~.plan.Plan`, read with geometries when ``source`` is given.
        source: The sub-project layer, or None.
        repair: Repair invalid sub-project geometries (core/validity.py).
    """
    pieces = plan.pieces
    reclaimed = indicators.reclaimed_mask(pieces)
    new_build = indicators.new_build_mask(pieces)
    cult_a = pieces["base_a"].isin(indicators.CULTIVATED).to_numpy()
    cult_b = pieces["base_b"].isin(indicators.CULTIVATED).to_numpy()
    changed = np.flatnonzero(reclaimed | new_build)
    subs = read_subprojects(source, plan.before.crs, repair=repair) if source is not None else None
    id_field = None
    if subs is not None:
        found = detect_fields([f.name() for f in source.fields()], candidates=SUBPROJECT_FIELDS)
        id_field = found.get("area_id")
    shares: dict = {}  # area id → {piece: share}
    members: dict = {}
    if id_field is None:
        shares[WHOLE_PROJECT] = {int(i): 1.0 for i in changed}
        members[WHOLE_PROJECT] = list(subs.frame["code"]) if subs is not None else []
    else:
        groups: dict = {}
        for k, value in enumerate(subs.frame["area_id"]):
            key = "" if value is None else str(value).strip()
            if key:
                groups.setdefault(key, []).append(k)
        index = _piece_index(plan, changed)
        piece_area: dict = {}
        inside = np.zeros(len(pieces))
        for key in sorted(groups):
            rows = groups[key]
            geoms = [subs.geometries[k] for k in rows]
            area_geom = geoms[0] if len(geoms) == 1 else QgsGeometry.unaryUnion(geoms)
            members[key] = [str(subs.frame["code"].iat[k]) for k in rows]
            shares[key] = {}
            for i, share in _shares_inside(plan, area_geom, index, piece_area).items():
                share = min(share, 1.0)
                if share > 1e-9:
                    shares[key][int(i)] = share
                    inside[i] += share
        rest = {int(i): 1.0 - inside[i] for i in changed if 1.0 - inside[i] > 1e-6}
        if rest:
            shares[OUTSIDE_AREAS] = rest
            members[OUTSIDE_AREAS] = []
    rows = []
    gross = pieces["gross"].to_numpy(dtype=float)
    tbdlmj_a = pieces["tbdlmj_a"].to_numpy(dtype=float)
    tbdlmj_b = pieces["tbdlmj_b"].to_numpy(dtype=float)
    gddb_a = pieces["gddb_a"].to_numpy(dtype=float)
    gddb_b = pieces["gddb_b"].to_numpy(dtype=float)
    for key, weights in shares.items():
        idx = np.array(list(weights), dtype=int)
        w = np.array([weights[i] for i in idx], dtype=float)
        rec, new = reclaimed[idx], new_build[idx]
        gained, taken = rec & cult_a[idx], new & cult_b[idx]
        area = gross[idx] * w
        gained_area, taken_area = tbdlmj_a[idx] * w, tbdlmj_b[idx] * w
        rows.append({
            "AREA_ID": key,
            "SUBPROJECTS": "、".join(members.get(key, [])),
            "RECLAIMED_M2": float(area[rec].sum()),
            "RECLAIMED_TO_CULTIVATED_M2": float(area[gained].sum()),
            "NEW_BUILD_M2": float(area[new].sum()),
            "SURPLUS_M2": float(area[rec].sum() - area[new].sum()),
            "CULTIVATED_GAINED_M2": float(gained_area[gained].sum()),
            "CULTIVATED_TAKEN_M2": float(taken_area[taken].sum()),
            "GAINED_QUALITY": indicators.weighted_mean(gddb_a[idx][gained], gained_area[gained]),
            "TAKEN_QUALITY": indicators.weighted_mean(gddb_b[idx][taken], taken_area[taken]),
            "GAINED_UNGRADED_M2": float(gained_area[gained & np.isnan(gddb_a[idx])].sum()),
            "TAKEN_UNGRADED_M2": float(taken_area[taken & np.isnan(gddb_b[idx])].sum()),
        })
    return LinkageAreas(pd.DataFrame(rows, columns=list(AREA_COLUMNS)), id_field)


def _piece_index(plan, rows) -> QgsSpatialIndex:
    """A spatial index of the plan pieces ``rows`` (their boxes)."""
    index = QgsSpatialIndex()
    for i in rows:
        index.addFeature(int(i), plan.geometries[int(i)].boundingBox())
    return index


def _shares_inside(plan, area_geom, index, piece_area: dict) -> dict:
    """Piece → share of its ellipsoidal area inside ``area_geom``, for the indexed pieces meeting it.

    Pieces far from the area's boundary are inside or outside by a small
    boundary grid (:mod:`.geokernel.inside`).  The others are tested against
    the polygon parts of ``area_geom`` they meet, each prepared once: a
    sub-project is often a few dozen separate fields, and a piece sharing an
    edge with it makes GEOS relate the piece with the whole geometry (a
    quarter of a millisecond for a thousand vertices), but with one part
    only a few microseconds.  A piece lying wholly in a part has share 1;
    the others are cut against the parts (which do not overlap), and the
    cuts measured in one batch.  ``piece_area`` keeps the pieces' own areas
    between calls.
    """
    from .geokernel import Rings
    from .geokernel.inside import INSIDE, NEAR, boundary_grid, classify_rings

    gk = plan.before.gk
    shares: dict = {}
    candidates = index.intersects(area_geom.boundingBox())
    if not candidates:
        return shares
    # Pieces far from the area's boundary are inside or outside by the grid; GEOS decides the others.
    geometries = plan.geometries
    wkbs = [geometries.wkb(i) if hasattr(geometries, "wkb") else bytes(geometries[i].asWkb()) for i in candidates]
    state = classify_rings(boundary_grid(bytes(area_geom.asWkb()), cells=64), Rings.from_wkb(wkbs)).tolist()
    near = [i for i, where in zip(candidates, state) if where == NEAR]
    shares.update((i, 1.0) for i, where in zip(candidates, state) if where == INSIDE)
    if not near:
        return shares
    parts = [QgsGeometry(part.clone()) for part in area_geom.constParts()] if area_geom.isMultipart() \
        else [area_geom]
    part_index = QgsSpatialIndex()
    engines = []
    for k, part in enumerate(parts):
        part_index.addFeature(k, part.boundingBox())
        engine = QgsGeometry.createGeometryEngine(part.constGet())
        engine.prepareGeometry()
        engines.append(engine)
    cut_rows, cuts = [], []
    for i in near:
        geom = plan.geometries[i]
        hits = [k for k in part_index.intersects(geom.boundingBox()) if engines[k].intersects(geom.constGet())]
        if any(engines[k].contains(geom.constGet()) for k in hits):
            shares[i] = 1.0
            continue
        pieces = []
        for k in hits:
            made = engines[k].intersection(geom.constGet())
            cut = dltb.polygonal(QgsGeometry(made)) if made is not None else None
            if cut is not None and not cut.isEmpty():
                pieces.append(cut)
        if pieces:
            cut_rows.append(i)
            cuts.append(pieces[0] if len(pieces) == 1 else QgsGeometry.collectGeometry(pieces))
    if cuts:
        missing = [i for i in cut_rows if i not in piece_area]
        if missing:
            piece_area.update(zip(missing, ellipsoid.geometry_areas(gk, [plan.geometries[i] for i in missing])))
        for i, area in zip(cut_rows, ellipsoid.geometry_areas(gk, cuts)):
            shares[i] = area / piece_area[i] if piece_area[i] > 0 else 0.0
    return shares
