"""潜力调查 (I14): where new 耕地 can come from, read from the current DLTB alone.

The survey is the step before a plan exists: it lists every parcel that could
add 耕地 (or better 耕地), estimates how much, and ranks the villages so that a
technician can pick the ones that bring the 5 % (DOMAIN.md §5 I14, §6).

Candidate types (``POTENTIAL_TYPE``) and the rules that select them
(``RULE``); every threshold is a field of :class:`Rules`:

* ``restorable`` 耕地恢复 – rule ``K``: K-coded plots (``0201K``, ``0301K``,
  ``1104K`` … 可调整地类, 耕地 in the previous survey); rule
  ``garden_forest`` (off by default): 园地 / 残次林地 (``0201``–``0204``,
  ``0307``) on slope grade ≤ ``garden_forest_max_slope_grade``;
* ``development`` 耕地后备资源开发 – ``development_codes`` (其他草地, 盐碱地,
  沙地, 裸土地);
* ``reclamation`` 农村建设用地复垦 – rural construction land (村庄, CZCSXM
  203/203A; without CZCSXM: 0702, 0601, 1201) in a *small isolated cluster*:
  parcels within ``cluster_distance`` of each other form one cluster, and a
  cluster of at most ``max_cluster_area`` (Σ TBMJ) is isolated.  Parcels of
  larger clusters (village cores) are listed in the reserve inventory and
  only become candidates with ``reclaim_village_cores``;
* ``mine`` 工矿废弃地复垦 – 采矿用地 0602 (or CZCSXM 204) not in a town;
* ``tiankan`` 田坎归并 – 耕地 whose 田坎 coefficient exceeds ``target_kcxs``;
* ``high_standard`` 高标准农田建设 – 耕地 not yet high-standard, in contiguous
  blocks (:func:`.contiguity.find_blocks`) of at least ``min_block_area``;
  only when a high-standard layer or field is given.

Exclusions (listed, with the reason, in the excluded set): inside the
生态保护红线 (any type); slope grade above ``max_slope_grade`` where GDPDJB is
known (any type); reclamation and mine candidates inside the 城镇开发边界.
"Inside" a constraint layer means at least ``inside_share`` of the parcel's
(planar) area lies in it.

Estimated 新增耕地 (``EST_ADDED_M2``, an *estimate*), per candidate:

* new 耕地 (restorable, development, reclamation, mine): the parcel would be
  耕地 carrying the target 田坎 coefficient, so
  ``TBMJ − round(TBMJ × target_kcxs, 2)``;
* tiankan: ``KCMJ − round(TBMJ × target_kcxs, 2)`` (the 田坎 given back);
* high_standard: 0 (its area gain is the tiankan row of the same parcel).

Each estimate is rounded to 0.01 m²; village figures are sums of the rounded
candidate figures, so a village's estimate equals the sum of its candidates.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsGeometry,
    QgsProject,
    QgsSpatialIndex,
)

from ..i18n import tr, tr_noop
from . import codes as codes_mod
from . import dltb, geokernel
from .errors import Cancelled, LandConsolidationError
from .units import MU_PER_M2

#: Candidate types: key → Chinese name, in report order.
TYPES: dict[str, str] = {
    "restorable": "耕地恢复",
    "development": "耕地后备资源开发",
    "reclamation": "农村建设用地复垦",
    "mine": "工矿废弃地复垦",
    "tiankan": "田坎归并",
    "high_standard": "高标准农田建设",
}
#: Candidate types as the interface names them (English source, translated by :func:`i18n.tr`).
TYPE_LABELS: dict[str, str] = {
    "restorable": tr_noop("Restoration of cultivated land"),
    "development": tr_noop("Development of reserve land"),
    "reclamation": tr_noop("Reclamation of rural construction land"),
    "mine": tr_noop("Reclamation of abandoned mining land"),
    "tiankan": tr_noop("Merging of field ridges"),
    "high_standard": tr_noop("High-standard farmland construction"),
}
#: Types whose candidates become new 耕地 (the estimate nets the target 田坎).
NEW_CULTIVATED_TYPES = ("restorable", "development", "reclamation", "mine")
#: Exclusion reasons: key → Chinese text.
EXCLUSIONS: dict[str, str] = {
    "red_line": "位于生态保护红线内",
    "slope": "坡度级别超过上限",
    "dev_boundary": "位于城镇开发边界内",
    "village_core": "属成片村庄（聚落面积超过零散上限）",
}
#: Reserve inventory classes: key → Chinese text.
RESERVE_CLASSES: dict[str, str] = {
    "isolated": "零散农村建设用地",
    "village_core": "成片村庄建设用地",
    "mine": "采矿用地（工矿废弃地）",
}
#: Values of a high-standard field that mean "built".
HIGH_STANDARD_TRUE = ("1", "Y", "YES", "T", "TRUE", "是", "已建")


@dataclass(frozen=True)
class Rules:
    """The survey's settings (defaults are local practice; each is a parameter).

    Attributes:
        target_kcxs: 田坎 coefficient after consolidation; new 耕地 carries it
            and 耕地 above it gives back the difference.
        max_slope_grade: Parcels on a higher GDPDJB grade (1 ≤2° … 5 >25°)
            are excluded; unknown grades are not.
        development_codes: Codes of 耕地后备资源.
        include_garden_forest: Also count 园地 / 残次林地 as restorable.
        garden_forest_codes: Their codes.
        garden_forest_max_slope_grade: Their slope limit.
        cluster_distance: Rural construction parcels at most this far apart
            (m) belong to one cluster.
        max_cluster_area: Largest cluster (Σ TBMJ, m²) that counts as a small
            isolated cluster.
        reclaim_village_cores: Count parcels of larger clusters too.
        count_mines: Count 采矿用地 in the estimate.
        inside_share: Share of a parcel's area (0–1) from which it counts as
            inside a constraint layer.
        min_block_area: Smallest block (Σ TBDLMJ, m²) of high-standard candidates.
        block_max_gap: Widest road/ditch/田坎 (m) that does not break a block.
        rank_by: ``"rate"`` (estimate / village 耕地) or ``"area"``.
    """

    target_kcxs: float = 0.03
    max_slope_grade: int = 4
    development_codes: tuple = ("0404", "1204", "1205", "1206")
    include_garden_forest: bool = False
    garden_forest_codes: tuple = ("0201", "0202", "0203", "0204", "0307")
    garden_forest_max_slope_grade: int = 2
    cluster_distance: float = 50.0
    max_cluster_area: float = 10_000.0
    reclaim_village_cores: bool = False
    count_mines: bool = True
    inside_share: float = 0.5
    min_block_area: float = 100.0 / MU_PER_M2
    block_max_gap: float = 8.0
    rank_by: str = "rate"

    def validated(self) -> Rules:
        """The rules with codes normalised; raises on values out of range."""
        if not 0.0 <= self.target_kcxs < 1.0:
            raise LandConsolidationError(tr("The target field-ridge coefficient {value} must be in [0, 1).").format(
                value=self.target_kcxs))
        if not 0.0 < self.inside_share <= 1.0:
            raise LandConsolidationError(tr("The inside share {value} must be in (0, 1].").format(
                value=self.inside_share))
        if self.cluster_distance < 0 or self.max_cluster_area < 0 or self.min_block_area < 0 \
                or self.block_max_gap < 0:
            raise LandConsolidationError(tr("Distances and areas must not be negative."))
        if self.rank_by not in ("rate", "area"):
            raise LandConsolidationError(tr("Unknown ranking '{value}'.").format(value=self.rank_by))
        return replace(
            self,
            development_codes=codes_mod.parse_codes(self.development_codes, label="DEVELOPMENT_CODES"),
            garden_forest_codes=codes_mod.parse_codes(self.garden_forest_codes, label="GARDEN_FOREST_CODES"),
        )

    def rule_text(self, rule: str) -> str:
        """Chinese description of a selection rule with the values used."""
        texts = {
            "K": "可调整地类（K），可恢复为耕地",
            "garden_forest": f"园地/残次林地（{','.join(self.garden_forest_codes)}），"
                             f"坡度级别 ≤ {self.garden_forest_max_slope_grade}",
            "development": f"耕地后备资源（{','.join(self.development_codes)}），坡度级别 ≤ {self.max_slope_grade}",
            "isolated_cluster": f"零散农村建设用地：聚落 ≤ {self.max_cluster_area:g} m²"
                                f"（图斑间距 ≤ {self.cluster_distance:g} m 为同一聚落），城镇开发边界外",
            "village_core": f"成片村庄建设用地（聚落 > {self.max_cluster_area:g} m²），城镇开发边界外",
            "mine": "采矿用地（非城镇），城镇开发边界外",
            "tiankan": f"田坎系数高于目标 {self.target_kcxs:g}，归并后退还田坎",
            "high_standard": f"非高标准农田的耕地，连片 ≥ {self.min_block_area * MU_PER_M2:g} 亩",
        }
        return texts[rule]


@dataclass
class Constraints:
    """Constraint layers in the DLTB's CRS (None when not given)."""

    red_line: ConstraintLayer | None = None
    development_boundary: ConstraintLayer | None = None
    pbf: ConstraintLayer | None = None
    high_standard: ConstraintLayer | None = None


@dataclass
class Potential:
    """Result of :func:`assess`.

    Attributes:
        candidates: One row per (parcel, type); columns as the OUTPUT layer
            plus ``row`` (index into the parcels / geometries).
        excluded: Parcels a rule would have selected but an exclusion
            removed, with ``REASON`` and ``REASON_TEXT``.
        reserve: 建设用地腾退储备库: every rural construction parcel.
        villages: The village ranking (:func:`village_table`).
        parcels: The parcels read.
        rules: The rules used.
        notes: Things the user should read.
    """

    candidates: pd.DataFrame
    excluded: pd.DataFrame
    reserve: pd.DataFrame
    villages: pd.DataFrame
    parcels: dltb.ParcelTable
    rules: Rules
    notes: list = field(default_factory=list)

    @property
    def est_added_m2(self) -> float:
        """Σ EST_ADDED_M2 of all candidates (m², an estimate)."""
        return round(float(self.candidates["EST_ADDED_M2"].sum()), 2) if len(self.candidates) else 0.0

    def est_by_type(self) -> dict[str, float]:
        """Estimate per candidate type (m²), every type present."""
        sums = self.candidates.groupby("POTENTIAL_TYPE")["EST_ADDED_M2"].sum() if len(self.candidates) else {}
        return {key: round(float(sums.get(key, 0.0)), 2) for key in TYPES}


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------


def survey(
    source,
    *,
    development_boundary=None,
    red_line=None,
    pbf=None,
    high_standard=None,
    high_standard_field: str | None = None,
    project_area: QgsGeometry | None = None,
    rules: Rules | None = None,
    overrides: dict | None = None,
    transform_context: QgsCoordinateTransformContext | None = None,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> Potential:
    """Read a DLTB layer (and the optional constraint layers) and assess its potential.

    Args:
        source: DLTB layer or feature source (projected CGCS2000).
        development_boundary: 城镇开发边界 polygons (layer or source), optional.
        red_line: 生态保护红线 polygons, optional.
        pbf: 永久基本农田 polygons, optional (flags candidates inside it).
        high_standard: 已建高标准农田 polygons, optional.
        high_standard_field: Field of the DLTB marking high-standard 耕地.
        project_area: Boundary to restrict to (in the DLTB's CRS).
        rules: Settings (default :class:`Rules`).
        overrides: DLTB field mapping (role → field name).
        transform_context: For reprojecting the constraint layers.
        progress: Called with a percentage.
        is_canceled: Returns True when the user cancelled.

    Raises:
        LandConsolidationError: missing fields, a geographic CRS, invalid
            geometries, rules out of range.
    """
    rules = (rules or Rules()).validated()
    step = _steps(progress)
    extra = (("high_standard", high_standard_field),) if high_standard_field else ()
    parcels = dltb.read_dltb(
        source, project_area=project_area, overrides=overrides, keep_geometry=True, extra_roles=extra,
        progress=step(0, 60), is_canceled=is_canceled,
    )
    crs = parcels.crs
    context = transform_context or QgsProject.instance().transformContext()
    constraints = Constraints(
        red_line=read_constraint(red_line, crs, context, tr("ecological protection red line")),
        development_boundary=read_constraint(development_boundary, crs, context, tr("urban development boundary")),
        pbf=read_constraint(pbf, crs, context, tr("permanent basic farmland")),
        high_standard=read_constraint(high_standard, crs, context, tr("high-standard farmland")),
    )
    hs_flags = None
    if high_standard_field:
        hs_flags = np.array([str(v).strip().upper() in HIGH_STANDARD_TRUE if v is not None else False
                             for v in parcels.frame["high_standard"]], dtype=bool)
    return assess(parcels, constraints, rules, high_standard_flags=hs_flags,
                  progress=step(60, 100), is_canceled=is_canceled)


def village_ranking(source, **kwargs) -> pd.DataFrame:
    """The village ranking of the potential survey of a DLTB layer.

    For the set-up wizard: ``village_ranking(layer)`` runs :func:`survey`
    with the default rules (keyword arguments as :func:`survey`, e.g.
    ``red_line=``, ``development_boundary=``, ``rules=``) and returns
    :attr:`Potential.villages`: one row per village with ``ZLDWDM``,
    ``ZLDWMC``, ``AREA_M2``, ``CULTIVATED_M2``, ``EST_ADDED_M2`` (m²),
    ``EST_RATE`` (% of the village's 耕地), ``RANK`` …, best first.
    """
    return survey(source, **kwargs).villages


#: Usual layer names of the constraint layers (三区三线, 永久基本农田), matched case-insensitively.
CONSTRAINT_LAYER_NAMES: dict[str, tuple] = {
    "red_line": ("STBHHX", "生态保护红线"),
    "development_boundary": ("CZKFBJ", "城镇开发边界"),
    "pbf": ("YJJBNTTB", "YJJBNTBHTB", "JBNTBHTB", "永久基本农田"),
}


def constraint_layers_beside(layer) -> dict:
    """Constraint layers stored next to a DLTB layer, by their usual names.

    Looks in the same GeoPackage / file database (or, for a shapefile, the
    same folder) for layers named as in :data:`CONSTRAINT_LAYER_NAMES`
    (``STBHHX``, ``CZKFBJ``, ``YJJBNTTB`` …; ``YJJBNTTB_GH`` and the like do
    not match).  For the set-up wizard::

        village_ranking(layer, **constraint_layers_beside(layer))

    Returns:
        ``{"red_line": QgsVectorLayer, …}`` for the layers found (possibly empty).
    """
    from pathlib import Path

    from osgeo import ogr
    from qgis.core import QgsProviderRegistry, QgsVectorLayer

    if layer is None or not hasattr(layer, "providerType") or layer.providerType() != "ogr":
        return {}
    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
    if not path or not Path(path).exists():
        return {}
    wanted = {name.upper(): key for key, names in CONSTRAINT_LAYER_NAMES.items() for name in names}
    found: dict = {}
    if Path(path).is_file() and Path(path).suffix.lower() == ".shp":
        for shp in sorted(Path(path).parent.glob("*.shp")):
            key = wanted.get(shp.stem.upper())
            if key and key not in found:
                candidate = QgsVectorLayer(str(shp), shp.stem, "ogr")
                if candidate.isValid():
                    found[key] = candidate
        return found
    dataset = ogr.Open(path)
    if dataset is None:
        return {}
    names = [dataset.GetLayerByIndex(i).GetName() for i in range(dataset.GetLayerCount())]
    dataset = None
    for name in names:
        key = wanted.get(name.upper())
        if key and key not in found:
            candidate = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
            if candidate.isValid():
                found[key] = candidate
    return found


def assess(
    parcels: dltb.ParcelTable,
    constraints: Constraints | None = None,
    rules: Rules | None = None,
    *,
    high_standard_flags: np.ndarray | None = None,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> Potential:
    """Classify the parcels of a ParcelTable read with ``keep_geometry=True``.

    Args:
        parcels: The DLTB parcels with geometries.
        constraints: Constraint geometries in the parcels' CRS.
        rules: Settings (default :class:`Rules`).
        high_standard_flags: Per parcel, True where already high-standard
            (combined with ``constraints.high_standard``).
        progress: Called with a percentage.
        is_canceled: Returns True when the user cancelled.
    """
    rules = (rules or Rules()).validated()
    constraints = constraints or Constraints()
    if parcels.geometries is None:
        raise ValueError("assess() needs the parcel geometries (read_dltb(keep_geometry=True))")
    frame = parcels.frame
    geoms = parcels.geometries
    n = len(frame)
    notes: list[str] = []
    table = codes_mod.default_table()
    progress = progress or (lambda _: None)

    base = frame["base"].to_numpy(dtype=object)
    suffix = frame["suffix"].to_numpy(dtype=object)
    known = frame["known"].to_numpy(dtype=bool)
    czcs = np.array([str(v or "").strip().upper() for v in frame["czcsxm"]], dtype=object)
    category3 = np.array([table.lookup(c).category3 for c in frame["code"]], dtype=object)
    construction = category3 == codes_mod.CONSTRUCTION
    cultivated = np.isin(base, codes_mod.CULTIVATED)
    slope = frame["gdpdjb"].to_numpy(dtype=float)
    tbmj = frame["tbmj"].to_numpy(dtype=float)
    kcmj = np.where(frame["kcdlbm"].to_numpy(dtype=object) == codes_mod.TIANKAN, frame["kcmj"].to_numpy(float), 0.0)
    kcmj = np.nan_to_num(kcmj)
    if not parcels.fields.get("czcsxm"):
        notes.append(tr("The layer has no town/village attribute code CZCSXM: rural construction land is taken as "
                        "0702, 0601 and 1201, mining land as 0602."))
    if not parcels.fields.get("village"):
        notes.append(tr("The layer has no village code ZLDWDM: all parcels are ranked as one village without a "
                        "code."))
    if not parcels.fields.get("gdpdjb"):
        notes.append(tr("The layer has no slope grade GDPDJB: nothing is excluded by slope."))

    # What each rule would select, before exclusions.
    restorable_k = known & (suffix == "K")
    garden = known & (suffix != "K") & np.isin(base, rules.garden_forest_codes) & rules.include_garden_forest
    development = known & (suffix != "K") & np.isin(base, rules.development_codes) & ~restorable_k & ~garden
    urban = np.isin(czcs, codes_mod.URBAN_CZCSXM)
    mine = construction & ~urban & (base != "0603") & ((base == "0602") | np.isin(czcs, codes_mod.MINE_CZCSXM))
    village_land = construction & ~mine & (
        np.isin(czcs, codes_mod.RURAL_CZCSXM) | ((czcs == "") & np.isin(base, codes_mod.RURAL_CODES_WITHOUT_CZCSXM))
    )
    target_kc = np.round(tbmj * rules.target_kcxs, 2)
    tiankan_gain = np.round(kcmj - target_kc, 2)
    tiankan = cultivated & (tiankan_gain > 0)

    hs_built = np.zeros(n, dtype=bool)
    if high_standard_flags is not None:
        hs_built |= np.asarray(high_standard_flags, dtype=bool)
    use_high_standard = high_standard_flags is not None or constraints.high_standard is not None

    # Overlays, only where they matter.
    interesting = restorable_k | garden | development | mine | village_land | tiankan
    if use_high_standard:
        interesting |= cultivated
    rows = np.flatnonzero(interesting)
    red = _shares(geoms, rows, constraints.red_line, n, is_canceled) >= rules.inside_share
    progress(20)
    in_dev = _shares(geoms, rows, constraints.development_boundary, n, is_canceled) >= rules.inside_share
    if constraints.high_standard is not None:
        hs_built |= _shares(geoms, np.flatnonzero(cultivated), constraints.high_standard, n,
                            is_canceled) >= rules.inside_share
    progress(40)
    steep = ~np.isnan(slope) & (slope > rules.max_slope_grade)
    garden_steep = ~np.isnan(slope) & (slope > rules.garden_forest_max_slope_grade)

    # Clusters of rural construction land.
    cluster_id = np.zeros(n, dtype=np.int64)  # 0 = not clustered
    cluster_area = np.full(n, np.nan)
    cluster_parcels = np.zeros(n, dtype=np.int64)
    village_rows = np.flatnonzero(village_land)
    if len(village_rows):
        labels = clusters(geoms, village_rows, rules.cluster_distance, is_canceled)
        _, first, compact = np.unique(labels, return_index=True, return_inverse=True)
        # Number clusters in the order of their first parcel.
        order = np.argsort(first, kind="stable")
        number = np.empty_like(order)
        number[order] = np.arange(1, len(order) + 1)
        ids = number[compact]
        areas = np.bincount(compact, tbmj[village_rows])
        counts = np.bincount(compact)
        cluster_id[village_rows] = ids
        cluster_area[village_rows] = areas[compact]
        cluster_parcels[village_rows] = counts[compact]
    isolated = village_land & (cluster_area <= rules.max_cluster_area + 1e-9)
    progress(70)

    # High-standard candidates: blocks of eligible, not yet high-standard 耕地.
    block_id = np.zeros(n, dtype=np.int64)
    block_area = np.full(n, np.nan)
    hs_candidate = np.zeros(n, dtype=bool)
    if use_high_standard:
        eligible = cultivated & ~hs_built & ~red & ~steep
        hs_rows = np.flatnonzero(eligible)
        if len(hs_rows):
            labels, areas = blocks(frame, geoms, hs_rows, rules.block_max_gap, is_canceled)
            block_id[hs_rows] = labels + 1
            block_area[hs_rows] = areas[labels]
            hs_candidate[hs_rows] = areas[labels] >= rules.min_block_area - 1e-9
    else:
        notes.append(tr("No high-standard farmland layer or field: no high-standard farmland candidates are "
                        "listed."))
    progress(90)

    net_new = np.round(tbmj - target_kc, 2)
    selections = [
        # (type, rule, selected, estimate, exclusion masks)
        ("restorable", "K", restorable_k, net_new, {"red_line": red, "slope": steep}),
        ("restorable", "garden_forest", garden, net_new, {"red_line": red, "slope": steep | garden_steep}),
        ("development", "development", development, net_new, {"red_line": red, "slope": steep}),
        ("reclamation", "isolated_cluster", isolated, net_new,
         {"red_line": red, "slope": steep, "dev_boundary": in_dev}),
        ("reclamation", "village_core", village_land & ~isolated, net_new,
         {"red_line": red, "slope": steep, "dev_boundary": in_dev,
          "village_core": np.full(n, not rules.reclaim_village_cores)}),
        ("mine", "mine", mine, net_new if rules.count_mines else np.zeros(n),
         {"red_line": red, "slope": steep, "dev_boundary": in_dev}),
        ("tiankan", "tiankan", tiankan, tiankan_gain, {"red_line": red, "slope": steep}),
        ("high_standard", "high_standard", hs_candidate, np.zeros(n), {}),
    ]
    candidate_parts, excluded_parts = [], []
    for kind, rule, selected, estimate, exclusions in selections:
        reasons = np.zeros(n, dtype=bool)
        for mask in exclusions.values():
            reasons |= mask
        chosen = np.flatnonzero(selected & ~reasons)
        dropped = np.flatnonzero(selected & reasons)
        if len(chosen):
            part = _rows(frame, chosen, table)
            part.insert(0, "POTENTIAL_TYPE", kind)
            part.insert(1, "TYPE_NAME", TYPES[kind])
            part.insert(2, "RULE", rule)
            part.insert(3, "RULE_TEXT", rules.rule_text(rule))
            part.insert(4, "EST_ADDED_M2", estimate[chosen])
            candidate_parts.append(part)
        if len(dropped):
            part = _rows(frame, dropped, table)
            keys = [",".join(k for k, m in exclusions.items() if m[i]) for i in dropped]
            part.insert(0, "POTENTIAL_TYPE", kind)
            part.insert(1, "TYPE_NAME", TYPES[kind])
            part.insert(2, "RULE", rule)
            part.insert(3, "REASON", keys)
            part.insert(4, "REASON_TEXT", ["；".join(_reason_text(k, rules) for k in ks.split(",")) for ks in keys])
            excluded_parts.append(part)
    candidates = _concat(candidate_parts, CANDIDATE_COLUMNS)
    excluded = _concat(excluded_parts, EXCLUDED_COLUMNS)
    listed = np.unique(np.concatenate([candidates["row"].to_numpy(dtype=np.int64),
                                       excluded["row"].to_numpy(dtype=np.int64)]))
    in_pbf = _shares(geoms, listed, constraints.pbf, n, is_canceled) >= rules.inside_share
    for part in (candidates, excluded):
        if len(part):
            r = part["row"].to_numpy()
            part["IN_DEV_BOUNDARY"] = in_dev[r].astype(int)
            part["IN_PBF"] = in_pbf[r].astype(int)
            part["CLUSTER_ID"] = _ids(cluster_id[r])
            part["CLUSTER_AREA_M2"] = np.round(cluster_area[r], 2)
            part["BLOCK_ID"] = _ids(block_id[r])
            part["BLOCK_AREA_M2"] = np.round(block_area[r], 2)
    if len(candidates):
        candidates["EST_ADDED_M2"] = candidates["EST_ADDED_M2"].astype(float).round(2)
        type_order = {k: i for i, k in enumerate(TYPES)}
        candidates = candidates.sort_values(
            ["ZLDWDM", "POTENTIAL_TYPE", "BSM", "row"], key=lambda s: s.map(type_order) if s.name == "POTENTIAL_TYPE"
            else s, kind="stable").reset_index(drop=True)

    reserve = reserve_table(
        frame, table, village_land | mine, isolated, mine, in_dev, red, cluster_id, cluster_area, cluster_parcels,
        candidates,
    )
    villages = village_table(frame, candidates, rules.rank_by)
    if constraints.red_line is None:
        notes.append(tr("No ecological protection red line: nothing is excluded by the red line."))
    if constraints.development_boundary is None:
        notes.append(tr("No urban development boundary: all rural construction land counts as outside it."))
    progress(100)
    return Potential(candidates=candidates, excluded=excluded, reserve=reserve, villages=villages,
                     parcels=parcels, rules=rules, notes=notes)


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------

BASE_COLUMNS = ["BSM", "DLBM", "DLMC", "ZLDWDM", "ZLDWMC", "AREA_M2", "TBDLMJ", "KCXS", "SLOPE_GRADE", "CZCSXM"]
EXTRA_COLUMNS = ["IN_DEV_BOUNDARY", "IN_PBF", "CLUSTER_ID", "CLUSTER_AREA_M2", "BLOCK_ID", "BLOCK_AREA_M2", "row"]
CANDIDATE_COLUMNS = ["POTENTIAL_TYPE", "TYPE_NAME", "RULE", "RULE_TEXT", "EST_ADDED_M2"] + BASE_COLUMNS \
    + EXTRA_COLUMNS
EXCLUDED_COLUMNS = ["POTENTIAL_TYPE", "TYPE_NAME", "RULE", "REASON", "REASON_TEXT"] + BASE_COLUMNS + EXTRA_COLUMNS
RESERVE_COLUMNS = ["ZLDWDM", "ZLDWMC", "BSM", "DLBM", "DLMC", "CZCSXM", "CLASS", "CLASS_NAME", "AREA_M2",
                   "IN_DEV_BOUNDARY", "IN_RED_LINE", "CLUSTER_ID", "CLUSTER_AREA_M2", "CLUSTER_PARCELS",
                   "CANDIDATE", "EST_ADDED_M2", "row"]


def _name(code: str, table: codes_mod.CodeTable) -> str:
    entry = table.lookup(code)
    return entry.name + ("（可调整）" if entry.suffix == "K" else "")


def _rows(frame: pd.DataFrame, index: np.ndarray, table: codes_mod.CodeTable) -> pd.DataFrame:
    sub = frame.iloc[index]
    return pd.DataFrame({
        "BSM": sub["bsm"].astype(str).to_numpy(),
        "DLBM": sub["code"].to_numpy(),
        "DLMC": [_name(c, table) for c in sub["code"]],
        "ZLDWDM": sub["village"].astype(str).to_numpy(),
        "ZLDWMC": sub["village_name"].astype(str).to_numpy(),
        "AREA_M2": sub["tbmj"].round(2).to_numpy(),
        "TBDLMJ": sub["tbdlmj"].round(2).to_numpy(),
        "KCXS": sub["kcxs"].to_numpy(dtype=float),
        "SLOPE_GRADE": sub["gdpdjb"].to_numpy(dtype=float),
        "CZCSXM": sub["czcsxm"].astype(str).to_numpy(),
        "row": index,
    })


def _ids(values: np.ndarray) -> list:
    """Positive ids as ints, 0 (none) as None (NULL in the outputs)."""
    return [int(v) if v > 0 else None for v in values]


def _concat(parts: list, columns: list) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    return pd.concat(parts, ignore_index=True).reindex(columns=columns)


def _reason_text(key: str, rules: Rules) -> str:
    text = EXCLUSIONS[key]
    if key == "slope":
        text += f"（> {rules.max_slope_grade}）"
    return text


def reserve_table(frame, table, rural, isolated, mine, in_dev, red, cluster_id, cluster_area, cluster_parcels,
                  candidates) -> pd.DataFrame:
    """建设用地腾退储备库: every rural construction parcel with its cluster and flags."""
    index = np.flatnonzero(rural)
    if not len(index):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in RESERVE_COLUMNS})
    rows = _rows(frame, index, table)
    klass = np.where(mine[index], "mine", np.where(isolated[index], "isolated", "village_core"))
    estimate = {}
    if len(candidates):
        chosen = candidates[candidates["POTENTIAL_TYPE"].isin(["reclamation", "mine"])]
        estimate = dict(zip(chosen["row"].astype(int), chosen["EST_ADDED_M2"].astype(float)))
    out = pd.DataFrame({
        "ZLDWDM": rows["ZLDWDM"], "ZLDWMC": rows["ZLDWMC"], "BSM": rows["BSM"], "DLBM": rows["DLBM"],
        "DLMC": rows["DLMC"], "CZCSXM": rows["CZCSXM"], "CLASS": klass,
        "CLASS_NAME": [RESERVE_CLASSES[k] for k in klass], "AREA_M2": rows["AREA_M2"],
        "IN_DEV_BOUNDARY": in_dev[index].astype(int), "IN_RED_LINE": red[index].astype(int),
        "CLUSTER_ID": _ids(cluster_id[index]), "CLUSTER_AREA_M2": np.round(cluster_area[index], 2),
        "CLUSTER_PARCELS": _ids(cluster_parcels[index]),
        "CANDIDATE": np.array([int(i in estimate) for i in index]),
        "EST_ADDED_M2": np.array([estimate.get(int(i), 0.0) for i in index]),
        "row": index,
    })
    out.loc[out["CLASS"] == "mine", ["CLUSTER_AREA_M2"]] = np.nan
    return out.sort_values(["ZLDWDM", "CLASS", "CLUSTER_ID", "BSM"], kind="stable").reset_index(drop=True)


def village_table(frame: pd.DataFrame, candidates: pd.DataFrame, rank_by: str = "rate") -> pd.DataFrame:
    """The village ranking: per village (ZLDWDM) areas, potential per type, estimate, rate and rank.

    Args:
        frame: ParcelTable frame (``village``, ``village_name``, ``tbmj``,
            ``tbdlmj``, ``base``).
        candidates: Candidate rows (``ZLDWDM``, ``POTENTIAL_TYPE``,
            ``AREA_M2``, ``EST_ADDED_M2``).
        rank_by: ``"rate"`` (EST_RATE, default) or ``"area"`` (EST_ADDED_M2).

    Returns:
        Columns ``TOWNSHIP``, ``ZLDWDM``, ``ZLDWMC``, ``PARCELS``,
        ``AREA_M2`` (Σ TBMJ), ``CULTIVATED_M2`` (耕地 Σ TBDLMJ), per type
        ``<TYPE>_M2`` (candidate parcels' area) and ``<TYPE>_EST_M2``,
        ``EST_ADDED_M2`` (Σ of the candidates' estimates), ``EST_RATE`` (% of
        the village's 耕地), ``RANK`` (1 = best, within the township),
        ``CUM_EST_M2``, ``CUM_CULTIVATED_M2``, ``CUM_RATE`` (the villages
        ranked so far taken together).  Sorted by township and rank.
    """
    villages = frame["village"].astype(str)
    cult = frame["tbdlmj"].where(frame["base"].isin(codes_mod.CULTIVATED), 0.0)
    grouped = pd.DataFrame({"village": villages, "tbmj": frame["tbmj"], "cult": cult}).groupby("village").agg(
        parcels=("tbmj", "size"), area=("tbmj", "sum"), cult=("cult", "sum"))
    names = {}
    for code, name in zip(villages, frame["village_name"].astype(str)):
        if name and code not in names:
            names[code] = name
    out = pd.DataFrame({
        "TOWNSHIP": [code[:9] for code in grouped.index],
        "ZLDWDM": grouped.index.to_numpy(),
        "ZLDWMC": [names.get(code, "") for code in grouped.index],
        "PARCELS": grouped["parcels"].to_numpy(),
        "AREA_M2": grouped["area"].round(2).to_numpy(),
        "CULTIVATED_M2": grouped["cult"].round(2).to_numpy(),
    })
    total = np.zeros(len(out))
    for key in TYPES:
        sub = candidates[candidates["POTENTIAL_TYPE"] == key] if len(candidates) else candidates
        area = sub.groupby("ZLDWDM")["AREA_M2"].sum() if len(sub) else pd.Series(dtype=float)
        est = sub.groupby("ZLDWDM")["EST_ADDED_M2"].sum() if len(sub) else pd.Series(dtype=float)
        out[f"{key.upper()}_M2"] = out["ZLDWDM"].map(area).fillna(0.0).astype(float).round(2).to_numpy()
        out[f"{key.upper()}_EST_M2"] = out["ZLDWDM"].map(est).fillna(0.0).astype(float).round(2).to_numpy()
        total = total + out[f"{key.upper()}_EST_M2"].to_numpy()
    out["EST_ADDED_M2"] = np.round(total, 2)
    out["EST_RATE"] = _rate(out["EST_ADDED_M2"].to_numpy(), out["CULTIVATED_M2"].to_numpy())
    key = "EST_RATE" if rank_by == "rate" else "EST_ADDED_M2"
    out["_key"] = out[key].fillna(-np.inf)
    out = out.sort_values(["TOWNSHIP", "_key", "EST_ADDED_M2", "ZLDWDM"], ascending=[True, False, False, True],
                          kind="stable").drop(columns="_key").reset_index(drop=True)
    out["RANK"] = out.groupby("TOWNSHIP").cumcount() + 1
    out["CUM_EST_M2"] = out.groupby("TOWNSHIP")["EST_ADDED_M2"].cumsum().round(2)
    out["CUM_CULTIVATED_M2"] = out.groupby("TOWNSHIP")["CULTIVATED_M2"].cumsum().round(2)
    out["CUM_RATE"] = _rate(out["CUM_EST_M2"].to_numpy(), out["CUM_CULTIVATED_M2"].to_numpy())
    return out


def _rate(estimate: np.ndarray, base: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(base > 0, estimate / np.where(base > 0, base, 1.0) * 100.0, np.nan)


# ---------------------------------------------------------------------------
# Geometry
# ---------------------------------------------------------------------------


class ConstraintLayer:
    """The polygons of a constraint layer in the DLTB's CRS, with a spatial index.

    Shares are computed against the union of the polygons near each parcel
    (never the union of the whole layer: a township's 永久基本农田 dissolves
    into a few huge polygons that make every overlay slow).
    """

    def __init__(self, geometries: list):
        self.geometries = geometries
        self.index = QgsSpatialIndex()
        for k, geom in enumerate(geometries):
            self.index.addFeature(k, geom.boundingBox())
        self._engines: dict = {}

    def __len__(self) -> int:
        return len(self.geometries)

    def _engine(self, k: int):
        engine = self._engines.get(k)
        if engine is None:
            engine = QgsGeometry.createGeometryEngine(self.geometries[k].constGet())
            engine.prepareGeometry()
            self._engines[k] = engine
        return engine

    def share(self, geom: QgsGeometry) -> float:
        """Share (0–1) of ``geom``'s planar area inside the layer's polygons."""
        near = [k for k in self.index.intersects(geom.boundingBox())
                if self._engine(k).intersects(geom.constGet())]
        if not near:
            return 0.0
        if any(self._engine(k).contains(geom.constGet()) for k in near):
            return 1.0
        whole = geom.area()
        if whole <= 0:
            return 0.0
        area = self.geometries[near[0]] if len(near) == 1 else \
            QgsGeometry.unaryUnion([self.geometries[k] for k in near])
        return min(1.0, geom.intersection(area).area() / whole)


def read_constraint(source, crs, context, label: str) -> ConstraintLayer | None:
    """A constraint layer's polygons in ``crs`` (None when no layer or no polygons).

    Raises:
        LandConsolidationError: an invalid geometry (naming layer and feature).
    """
    if source is None:
        return None
    parts = dltb.read_polygons(source, crs, context, label)
    return ConstraintLayer(parts) if parts else None


def _shares(geoms, rows, layer: ConstraintLayer | None, n: int, is_canceled=None) -> np.ndarray:
    """Share (0–1, planar) of each listed parcel's area inside ``layer``; 0 elsewhere."""
    shares = np.zeros(n)
    if layer is None or not len(rows):
        return shares
    for count, i in enumerate(rows):
        if is_canceled is not None and count % 1000 == 0 and is_canceled():
            raise Cancelled()
        shares[i] = layer.share(geoms[i])
    return shares


def clusters(geoms, rows: np.ndarray, distance: float, is_canceled=None) -> np.ndarray:
    """Cluster label of each listed parcel: parcels at most ``distance`` apart are linked.

    The distance between two parcels is GEOS's (0 when they overlap or one
    contains the other); the pairs come from the kernel's grid search and
    are merged by its union-find (:func:`.geokernel.proximity_labels`).

    Returns:
        One label per entry of ``rows`` (the smallest position of its cluster).
    """
    rings = geokernel.Rings.from_wkb([bytes(geoms[i].asWkb()) for i in rows])
    return geokernel.proximity_labels(rings, distance, is_canceled)


def blocks(frame, geoms, rows: np.ndarray, max_gap: float, is_canceled=None) -> tuple[np.ndarray, np.ndarray]:
    """Contiguous blocks of the listed 耕地 parcels, as in the contiguity analysis (I7).

    Roads, ditches and 田坎 (1006/1107/1203) at most ``max_gap`` wide do not
    break a block (:func:`.contiguity.narrow_connectors`: width is XZDWKD,
    else 2 × area / perimeter).

    Returns:
        (block label per entry of ``rows``, block area Σ TBDLMJ per label).
    """
    from . import contiguity

    areas = frame["tbdlmj"].to_numpy(float)[rows]
    base = frame["base"].to_numpy(dtype=object)
    connector_rows = np.flatnonzero(np.isin(base, codes_mod.CONNECTOR_CODES))
    parcel_rings = geokernel.Rings.from_wkb([bytes(geoms[i].asWkb()) for i in rows])
    connector_rings = geokernel.Rings.from_wkb([bytes(geoms[i].asWkb()) for i in connector_rows],
                                               origin=parcel_rings.origin)
    narrow = contiguity.narrow_connectors(connector_rings, frame["xzdwkd"].to_numpy(float)[connector_rows], max_gap)
    connectors = connector_rings.subset(narrow) if len(narrow) else None
    result = contiguity.find_blocks(parcel_rings, areas, connectors, max_gap, is_canceled=is_canceled)
    return result.label, result.area


def _steps(progress):
    def step(lo, hi):
        if progress is None:
            return None
        return lambda p: progress(lo + (hi - lo) * p / 100.0)
    return step
