"""Sub-projects (子项目): reading the layer and the per-sub-project 增减挂钩 ledger."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from qgis.core import QgsCoordinateTransform, QgsCoordinateTransformContext, QgsGeometry, QgsSpatialIndex

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
}


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
    check = GeometryCheck(name, repair, "子项目")
    for feature in dltb.features(source):
        geom = QgsGeometry(feature.geometry())
        if geom.isEmpty():
            continue
        geom = check(geom, f"要素 {feature.id()}")
        if geom is None:
            continue
        geom = QgsGeometry(geom)
        if transform is not None:
            geom.transform(transform)
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
        gk = plan.before.gk
        index = QgsSpatialIndex()
        for i in changed:
            index.addFeature(int(i), plan.geometries[i].boundingBox())
        piece_area = {}
        for k, sub_geom in enumerate(subs.geometries):
            totals = {"rec": 0.0, "rec_cult": 0.0, "new": 0.0}
            for i in index.intersects(sub_geom.boundingBox()):
                geom = plan.geometries[i]
                inter = dltb.polygonal(geom.intersection(sub_geom))
                if inter is None or inter.isEmpty():
                    continue
                if i not in piece_area:
                    piece_area[i] = ellipsoid.geometry_area(gk, geom)
                share = ellipsoid.geometry_area(gk, inter) / piece_area[i] if piece_area[i] > 0 else 0.0
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
