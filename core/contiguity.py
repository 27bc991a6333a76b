"""耕地集中连片 (I7) and fragmentation metrics (I8), fast on a whole county.

When two parcels belong to one block
------------------------------------
Two parcels of the analysed classes (耕地 by default) are *joined* when

1. they share a stretch of boundary at least :data:`MIN_CONTACT_LENGTH`
   (1 m) long, with boundaries within :data:`CONTACT_TOLERANCE` (5 cm)
   counting as shared.  Parcels meeting only at a corner are **not**
   joined directly (rook, not queen, contiguity): no machine and no
   irrigation channel passes through a point, and the dissolve of two such
   parcels is a two-part multipolygon as well.  They are still in one block
   when something else joins them; or
2. the gap between them is at most ``max_gap`` wide and lies wholly on
   narrow *connector* parcels (农村道路 1006, 沟渠 1107, 田坎 1203 by default):
   the shortest segment between the two parcels is at most ``max_gap``
   long and every point on it (tested every :data:`SAMPLE_SPACING` m) is
   inside a connector whose width is at most ``max_gap``.  The width is
   ``XZDWKD`` where the parcel has one, else ``2 × area / perimeter`` (the
   width of a long strip; :func:`.geokernel.connector_widths`).  A wider
   connector, a gap wider than ``max_gap`` (two connectors side by side
   count together) and any other class in the gap (a river, a 公路, a
   house) break the link.

``max_gap`` is at most :data:`MAX_GAP_LIMIT` (50 m).  Each part of a
multipart parcel is a *patch* of its own, joined or not on its own, with
the parcel's areas in proportion to its ellipsoidal area (:func:`patches`);
below, "parcel" means patch.

A block is a connected component of the joined-relation; its area is the
Σ TBDLMJ of its parcels (the connectors are not counted).  Note what this is
*not*: dissolving 耕地 together with the connector parcels
(``native:dissolve`` of 耕地 + 1006/1107/1203) joins every field along a
road or ditch, however far apart – on a generated county of 244 000
parcels that gives 40 "blocks", where this analysis finds 377; here fields
are only joined *across* a narrow connector.

How it is fast
--------------
No parcel geometry is dissolved to find the blocks.  The layer is read once
by the DLTB reader (:func:`.dltb.read_dltb`: GDAL's columnar reader for a
plain file layer, the 三调 area rules, the project-area cut) and the rings
go into numpy arrays (:mod:`.geokernel`).  Every vertex is matched with the
boundary segments within ``max_gap`` of it through a uniform grid (a
spatial hash, one sort), which gives for each pair of nearby parcels their
distance, their contact length and their closest points
(:meth:`.geokernel.SegmentGrid.polygon_pairs`, reduced chunk by chunk, so
memory follows the number of parcel pairs, not of vertex–segment pairs,
and a parcel's own segments are skipped as a run, so its cost is linear in
its vertices): the minimum
distance between two polygons whose boundaries do not cross is always
attained at a vertex of one of them, and survey parcels do not cross.
Whether a gap lies on connectors is decided by the same vertex–segment
search on the sample points (a point is inside a polygon when it lies on
the inner side of the nearest boundary segment), once per pair of touching
groups and again only where that fails.  Joins are merged by a vectorised
union-find.

Polygons are only built for the output layer, and without GEOS's union:
parcels of a survey tile the ground, so a block's outline is what remains
of its parcels' edges once every edge shared by two of them is removed
(:func:`.geokernel.dissolve_outlines`, which takes vertices of two parcels
within 1 µm of each other as one point: reprojection noise); the rare
groups of overlapping or unevenly noded parcels this cannot dissolve are
dissolved with GEOS, and a block polygon GEOS still finds invalid is
replaced by GEOS's union of its polygons, noise under 0.01 m² dropped
(:func:`repaired_outline`).  On
that county the whole algorithm takes about 4 s, where the dissolve chain
takes 49 s (``benchmarks/bench_contiguity.py``).

The geometry work is pure numpy; QGIS is needed only to read layers
(:func:`read_parcels`) and to build the block features
(:func:`block_geometries`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from ..i18n import tr
from . import codes as codes_mod
from . import ellipsoid
from .errors import Cancelled, LandConsolidationError
from .geokernel import (
    Contacts,
    Rings,
    SegmentGrid,
    Segments,
    connected_labels,
    connector_widths,
    dissolve_outlines,
    multipolygon_wkb,
    nearest_points,
    points_inside,
)
from .geokernel.arrays import Background, heads
from .units import MU_PER_M2
from .validity import listing, parcel_label
from .values import texts

#: 农村道路, 沟渠, 田坎: the linear features that do not break a block.
CONNECTOR_CODES = codes_mod.CONNECTOR_CODES
#: Default widest gap (m) that still joins two parcels.
DEFAULT_MAX_GAP = 8.0
#: Widest gap (m) accepted.  A 三调 农村道路 1006 is at most 8 m wide (wider
#: roads are 公路 or town streets), 沟渠 and 田坎 beside fields are narrower,
#: and a road with a ditch on each side rarely spans 20 m: 50 m leaves room
#: for a wide canal but not for a river or a village.  The neighbour search
#: compares each vertex with the boundaries within the gap, a cost growing
#: with its square: 0.2–0.3 s at 8 m and at 50 m on the sample township,
#: where 1 000 m, before this limit, ran out of a 6 GB memory cap after a
#: minute (``benchmarks/bench_contiguity_scale.py``, cases ``township``,
#: ``township_gap50``, ``township_gap1000``).
MAX_GAP_LIMIT = 50.0
#: Boundaries closer than this (m) count as touching.
CONTACT_TOLERANCE = 0.05
#: Shortest shared boundary (m) that joins two touching parcels; less is a
#: corner contact.
MIN_CONTACT_LENGTH = 1.0
#: Spacing (m) of the points tested along a gap: a strip of another class
#: narrower than this lying inside a gap can be missed.
SAMPLE_SPACING = 1.0
#: Block size classes (亩): 百亩方, 五百亩方, 千亩方.
BLOCK_CLASSES_MU = (100.0, 500.0, 1000.0)
#: Parcels below this size (亩) are "small" in the fragmentation metrics.
SMALL_PARCEL_MU = 5.0
#: m² per 100 ha, the unit area of patch density.
M2_PER_100HA = 1_000_000.0
#: Parcels named at most in a log line.
NOTE_LABELS = 50
#: Pieces and holes of a block polygon under this area (m²) are coordinate
#: noise, dropped: the plugin's noise rule (``core.farmland.NOISE_AREA``).
NOISE_AREA = 0.01


# ---------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------


@dataclass
class Links:
    """How pairs of analysed parcels are joined (one row per joined pair)."""

    a: np.ndarray
    b: np.ndarray
    kind: np.ndarray  # "touch" or "gap"
    gap: np.ndarray  # width of the gap (0 for touching)


@dataclass
class Blocks:
    """Result of :func:`find_blocks`.

    Attributes:
        label: Block number (0 = largest block) of each analysed parcel.
        area: Area (Σ TBDLMJ) of each block, largest first.
        parcels: Parcel count of each block.
        links: The joins found.
        corner_contacts: Pairs that touch only at a corner (not joined by that).
        rejected_gaps: Narrow gaps refused because something other than a
            narrow connector lies in them.
        contacts: The neighbour search, kept for :func:`block_outlines`.
        part: Outline part of each parcel: the parcels of a block that touch
            (at an edge or a corner), dissolved together.
    """

    label: np.ndarray
    area: np.ndarray
    parcels: np.ndarray
    links: Links
    corner_contacts: int = 0
    rejected_gaps: int = 0
    contacts: Contacts | None = field(default=None, repr=False)
    part: np.ndarray | None = field(default=None, repr=False)


def find_blocks(
    parcels: Rings,
    areas: np.ndarray,
    connectors: Rings | None,
    max_gap: float = DEFAULT_MAX_GAP,
    *,
    tolerance: float = CONTACT_TOLERANCE,
    min_contact: float = MIN_CONTACT_LENGTH,
    spacing: float = SAMPLE_SPACING,
    is_canceled: Callable[[], bool] | None = None,
) -> Blocks:
    """Group parcels into contiguous blocks (see the module docstring).

    Args:
        parcels: Rings of the analysed parcels (耕地).
        areas: Their class areas (TBDLMJ), summed per block.
        connectors: Rings of the *narrow* connector parcels only (the caller
            drops connectors wider than ``max_gap``), or None.
        max_gap: Widest gap that joins two parcels (m).
        tolerance: Boundaries closer than this touch.
        min_contact: Shortest shared boundary that joins touching parcels.
        spacing: Distance between the points tested along a gap.
        is_canceled: Returns True to stop (raises LandConsolidationError).

    Raises:
        LandConsolidationError: ``max_gap`` out of range (:func:`check_max_gap`).
    """
    check_max_gap(max_gap)
    n = parcels.count
    areas = np.asarray(areas, dtype=float)
    if n == 0:
        none = np.zeros(0, dtype=np.int64)
        return Blocks(none, np.zeros(0), none, Links(none, none, np.zeros(0, dtype=object), np.zeros(0)), contacts=None)
    segs = Segments.of(parcels)
    a_idx, _, ring = parcels.segment_ends()
    px = parcels.xy[a_idx, 0]
    py = parcels.xy[a_idx, 1]
    powner = parcels.owner[ring]
    # The connectors' grid does not depend on the parcels: build it on a
    # second thread meanwhile (numpy releases the GIL).
    connector_grid = Background(
        (lambda: SegmentGrid(Segments.of(connectors), 0.5 * max_gap + 1.0, cell=max(4.0 * max_gap, 16.0)))
        if connectors is not None and connectors.count
        else (lambda: None)
    )
    grid = SegmentGrid(segs, max_gap + tolerance, compact=True)
    # Per pair of parcels: the closest (vertex, segment) and the extent of
    # the vertices lying on the other parcel (its contact length), reduced
    # chunk by chunk so that memory stays bounded.
    near = grid.polygon_pairs(px, py, powner, n, tolerance, is_canceled=is_canceled)
    del grid
    dmin = near.dist
    touching = dmin <= tolerance
    edge = touching & (near.contact >= min_contact)
    corner = touching & ~edge
    touch_a = near.a[edge]
    touch_b = near.b[edge]
    label = connected_labels(n, touch_a, touch_b)

    # Narrow gaps: test the closest candidate of each pair of components
    # first; only where that fails, the next ones (doubling each round).
    gap = (~touching) & (dmin <= max_gap)
    g_a = near.a[gap]
    g_b = near.b[gap]
    g_point = near.point[gap]
    g_segment = near.segment[gap]
    g_len = dmin[gap]
    by_length = np.argsort(g_len, kind="stable")
    g_a, g_b, g_point, g_segment, g_len = (v[by_length] for v in (g_a, g_b, g_point, g_segment, g_len))
    tested = np.zeros(len(g_a), dtype=bool)
    accepted = np.zeros(len(g_a), dtype=bool)
    grid = connector_grid.result()
    if not len(g_a):
        grid = None
    per_round = 1
    while grid is not None:
        if is_canceled is not None and is_canceled():
            raise Cancelled()
        la, lb = label[g_a], label[g_b]
        open_ = (~tested) & (la != lb)
        if not open_.any():
            break
        cand = np.flatnonzero(open_)
        comp = np.minimum(la[cand], lb[cand]) * n + np.maximum(la[cand], lb[cand])
        # Candidates are in gap order; keep the first ``per_round`` of each component pair.
        grouped = np.argsort(comp, kind="stable")
        comp_sorted = comp[grouped]
        firsts = heads(comp_sorted)
        rank = np.arange(len(cand)) - np.repeat(firsts, np.diff(np.r_[firsts, len(cand)]))
        batch = cand[grouped[rank < per_round]]
        tested[batch] = True
        ok = _gap_on_connectors(px[g_point[batch]], py[g_point[batch]], g_segment[batch], g_len[batch], grid, segs,
                                spacing, tolerance)
        accepted[batch[ok]] = True
        label = connected_labels(n, g_a[batch[ok]], g_b[batch[ok]], parent=label)
        per_round *= 2

    link_a = np.concatenate([touch_a, g_a[accepted]])
    link_b = np.concatenate([touch_b, g_b[accepted]])
    _, compact = np.unique(label, return_inverse=True)
    block_area = np.bincount(compact, areas)
    block_count = np.bincount(compact)
    # Number blocks from the largest down (ties: the one holding the first parcel).
    rank = np.lexsort((np.arange(len(block_area)), -block_area))
    renumber = np.empty_like(rank)
    renumber[rank] = np.arange(len(rank))
    links = Links(
        a=link_a,
        b=link_b,
        kind=np.array(["touch"] * len(touch_a) + ["gap"] * int(accepted.sum()), dtype=object),
        gap=np.concatenate([np.zeros(len(touch_a)), g_len[accepted]]),
    )
    block_label = renumber[compact]
    # Outline parts: parcels of one block touching in any way (corners too),
    # so that two parts never touch and each is dissolved on its own.
    ta = near.a[touching]
    tb = near.b[touching]
    same_block = block_label[ta] == block_label[tb]
    part = connected_labels(n, ta[same_block], tb[same_block])
    return Blocks(
        label=block_label,
        area=block_area[rank],
        parcels=block_count[rank],
        links=links,
        corner_contacts=int(corner.sum()),
        rejected_gaps=int((tested & ~accepted).sum()),
        contacts=Contacts(px, py, near.on, segs, tolerance),
        part=np.unique(part, return_inverse=True)[1],
    )


def _gap_on_connectors(sx, sy, segment, length, grid: SegmentGrid, segs: Segments, spacing,
                       tolerance) -> np.ndarray:
    """For each vertex (sx, sy) and its closest segment of the other parcel: is the gap between them all connector?"""
    if not len(sx):
        return np.zeros(0, dtype=bool)
    ex, ey = nearest_points(sx, sy, segment, segs)
    samples = np.maximum(1, np.ceil(length / spacing).astype(np.int64) - 1)
    owner = np.repeat(np.arange(len(sx)), samples)
    k = np.arange(len(owner)) - np.repeat(np.cumsum(samples) - samples, samples) + 1
    t = k / (samples[owner] + 1.0)
    qx = sx[owner] + t * (ex[owner] - sx[owner])
    qy = sy[owner] + t * (ey[owner] - sy[owner])
    covered = points_inside(qx, qy, grid, tolerance)
    return np.bincount(owner, ~covered, minlength=len(sx)) == 0


def block_outlines(parcels: Rings, blocks: Blocks) -> list[list[bytes] | None]:
    """The dissolved polygons of each outline part of ``blocks``, as Polygon WKB, or None.

    Parts are the parcels of a block that touch (at an edge or a corner),
    so that two parts never touch; see :func:`.geokernel.dissolve_outlines`.
    """
    return dissolve_outlines(parcels, blocks.part, blocks.contacts)


# ---------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------


def patch_metrics(
    areas: np.ndarray,
    landscape_area: float,
    perimeters: np.ndarray | None = None,
    planar_areas: np.ndarray | None = None,
) -> dict:
    """Vector fragmentation metrics (I8) of a set of patches.

    Definitions follow FRAGSTATS at class level, with the survey's polygons
    as patches (no rasterising): ``A`` is the landscape (the analysed area,
    Σ TBMJ of every parcel read), ``a`` a patch's class area (TBDLMJ).

    * ``NP`` number of patches; ``CA`` Σ a; ``MEAN`` CA / NP;
    * ``LPI`` = max a / A × 100;
    * ``PD`` = NP per 100 ha of A;
    * ``MESH`` = Σ a² / A (m²), the effective mesh size;
    * ``MSI`` = mean of p / (2 √(π a)) over patches, from the planar
      perimeter p and planar area of the polygon (1 for a circle);
    * ``SMALL_SHARE`` = share of patches under 5 亩, by count, and
      ``SMALL_AREA_SHARE`` by area (%).

    Args:
        areas: Class area of each patch (m²).
        landscape_area: A (m²).
        perimeters: Planar perimeter of each patch (for MSI).
        planar_areas: Planar area of each patch (for MSI).
    """
    areas = np.asarray(areas, dtype=float)
    count = len(areas)
    total = float(areas.sum())
    landscape = float(landscape_area) if landscape_area else float("nan")
    small = areas < SMALL_PARCEL_MU / MU_PER_M2
    msi = float("nan")
    if perimeters is not None and planar_areas is not None and count:
        with np.errstate(invalid="ignore", divide="ignore"):
            shape = np.asarray(perimeters) / (2.0 * np.sqrt(math.pi * np.asarray(planar_areas)))
        shape = shape[np.isfinite(shape)]
        msi = float(shape.mean()) if len(shape) else float("nan")
    return {
        "NP": count,
        "CA": total,
        "MEAN": total / count if count else 0.0,
        "LARGEST": float(areas.max()) if count else 0.0,
        "LPI": float(areas.max()) / landscape * 100.0 if count else 0.0,
        "PD": count / landscape * M2_PER_100HA,
        "MESH": float((areas**2).sum()) / landscape,
        "MSI": msi,
        "SMALL_SHARE": float(small.mean() * 100.0) if count else 0.0,
        "SMALL_AREA_SHARE": float(areas[small].sum() / total * 100.0) if total else 0.0,
    }


def block_summary(block_areas: np.ndarray, class_area: float, threshold_mu: float = BLOCK_CLASSES_MU[0]) -> dict:
    """Counts and shares of blocks by size class (I7).

    Args:
        block_areas: Σ TBDLMJ of each block (m²).
        class_area: Σ TBDLMJ of all analysed parcels (m²).
        threshold_mu: Block size (亩) for ``SHARE_IN_BLOCKS``.

    Returns:
        ``BLOCK_COUNT``, ``BLOCKS_100MU`` / ``_500MU`` / ``_1000MU`` (blocks of
        at least that size), ``AREA_IN_100MU_M2`` …, ``LARGEST_BLOCK_M2``,
        ``MEAN_BLOCK_M2``, ``SHARE_IN_100MU`` (% of the class area in blocks of
        ≥ 100 亩) and ``SHARE_IN_BLOCKS`` (same for ``threshold_mu``).
    """
    areas = np.asarray(block_areas, dtype=float)
    mu = areas * MU_PER_M2
    out = {
        "BLOCK_COUNT": len(areas),
        "LARGEST_BLOCK_M2": float(areas.max()) if len(areas) else 0.0,
        "MEAN_BLOCK_M2": float(areas.mean()) if len(areas) else 0.0,
    }
    for size in BLOCK_CLASSES_MU:
        big = mu >= size - 1e-9
        out[f"BLOCKS_{int(size)}MU"] = int(big.sum())
        out[f"AREA_IN_{int(size)}MU_M2"] = float(areas[big].sum())
    out["SHARE_IN_100MU"] = out["AREA_IN_100MU_M2"] / class_area * 100.0 if class_area else 0.0
    inside = areas[mu >= threshold_mu - 1e-9].sum()
    out["SHARE_IN_BLOCKS"] = float(inside / class_area * 100.0) if class_area else 0.0
    return out


def size_class(area_m2: float) -> str:
    """千亩方 / 五百亩方 / 百亩方 or "" for a block's Σ TBDLMJ."""
    mu = area_m2 * MU_PER_M2
    if mu >= BLOCK_CLASSES_MU[2] - 1e-9:
        return "千亩方"
    if mu >= BLOCK_CLASSES_MU[1] - 1e-9:
        return "五百亩方"
    if mu >= BLOCK_CLASSES_MU[0] - 1e-9:
        return "百亩方"
    return ""


# ---------------------------------------------------------------------------
# The parcels of a DLTB layer, as the analysis sees them
# ---------------------------------------------------------------------------


#: The attribute roles the analysis reads besides code and areas.
CONTIGUITY_ROLES = ("bsm", "xzdwkd")


@dataclass
class LayerParcels:
    """What the contiguity analysis reads from a DLTB layer, as columns.

    A view of the DLTB reader's :class:`~.dltb.ParcelTable` (same rows, same
    areas): the analysis only needs these columns as numpy arrays.

    Attributes:
        name: The layer's name, for messages.
        code: Normalised code of each parcel (inside the project area).
        base: The code counted in statistics (``1107`` for ``1107A``).
        tbmj: Parcel area (m²), cut parcels in proportion.
        tbdlmj: Class area (m²), cut parcels in proportion.
        width: XZDWKD (m), NaN where empty.
        bsm: BSM as text ("" where empty).
        fid: Feature id.
        group: Value of the grouping field (village) as text, or None.
        wkb: Geometry (WKB, cut to the project area) of the rows whose code
            was asked for, None elsewhere.
        notes: Lines for the log.
        rings: The same geometries as rings (polygon ``i`` = row ``i``), or
            None to read them from ``wkb``.
        gk: The layer's Gauss-Krüger projection (for ellipsoidal areas), or None.
    """

    name: str
    code: np.ndarray
    base: np.ndarray
    tbmj: np.ndarray
    tbdlmj: np.ndarray
    width: np.ndarray
    bsm: np.ndarray
    fid: np.ndarray
    group: np.ndarray | None
    wkb: list
    notes: list = field(default_factory=list)
    rings: Rings | None = field(default=None, repr=False)
    gk: object = field(default=None, repr=False)

    @classmethod
    def of(cls, table, group_role: str | None = None) -> LayerParcels:
        """The view of a :class:`~.dltb.ParcelTable` read with ``wkb_codes``.

        Args:
            table: The parcels.
            group_role: Column of the frame holding the grouping field, or None.
        """
        frame = table.frame
        group = None
        if group_role is not None:
            group = np.array(texts(frame[group_role]), dtype=object)
        return cls(
            name=table.layer_name,
            code=frame["code"].to_numpy(dtype=object),
            base=frame["base"].to_numpy(dtype=object),
            tbmj=frame["tbmj"].to_numpy(dtype=float),
            tbdlmj=frame["tbdlmj"].to_numpy(dtype=float),
            width=frame["xzdwkd"].to_numpy(dtype=float),
            bsm=frame["bsm"].to_numpy(dtype=object),
            fid=frame["fid"].to_numpy(dtype=np.int64),
            group=group,
            wkb=table.wkb if table.wkb is not None else [None] * len(frame),
            notes=list(table.notes),
            rings=table.rings,
            gk=table.gk,
        )

    def labels(self, rows: Iterable[int]) -> list[str]:
        """"BSM …" (or "要素 fid") of the given rows, for messages."""
        return [parcel_label(self.bsm[i], self.fid[i]) for i in rows]

    @property
    def landscape_area(self) -> float:
        """Σ TBMJ: the area analysed."""
        return float(np.nansum(self.tbmj))

    def rows(self, codes: Iterable[str]) -> np.ndarray:
        """Indices of the parcels whose code or base code is in ``codes``."""
        wanted = {codes_mod.normalise(c) for c in codes}
        match = pd.Series(self.code).isin(wanted).to_numpy() | pd.Series(self.base).isin(wanted).to_numpy()
        return np.flatnonzero(match)


def read_parcels(
    source,
    keep_codes: Iterable[str],
    *,
    project_area=None,
    overrides: dict | None = None,
    group_field: str | None = None,
    planned_field: str | None = None,
    repair: bool = False,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> LayerParcels:
    """Read a DLTB layer's areas, codes and the geometries of ``keep_codes`` through the DLTB reader.

    Areas follow the 三调 rules of :func:`.dltb.area_rules`; a plain file
    layer is read by GDAL's columnar reader (:func:`.dltb.read_dltb`).

    Args:
        source: A QgsVectorLayer or QgsFeatureSource.
        keep_codes: Codes whose geometry is kept (analysed and connector
            classes); a suffixed code (1107A) matches its base code.
        project_area: Boundary geometry in the layer's CRS, or None.
        overrides: role → field name chosen by the user (``code``).
        group_field: Field to group the metrics by (village), or None.
        planned_field: A planned-code field (GHDLBM) to classify by instead of
            DLBM; where it is empty the parcel is unchanged (keeps its DLBM).
        repair: Repair invalid geometries instead of stopping (:mod:`.validity`).
        progress: Called with a percentage.
        is_canceled: Returns True when the user cancelled.

    Raises:
        LandConsolidationError: a missing field, a geographic CRS, an empty
            or invalid geometry where geometry is used, or a project area
            that misses the layer.
    """
    from . import dltb

    extra = (("group", group_field),) if group_field else ()
    if planned_field:
        extra += (("planned", planned_field),)
    table = dltb.read_dltb(
        source,
        project_area=project_area,
        overrides=overrides,
        wkb_codes=keep_codes,
        roles=CONTIGUITY_ROLES,
        extra_roles=extra,
        code_role="planned" if planned_field else "code",
        code_fallback=bool(planned_field),
        progress=progress,
        is_canceled=is_canceled,
        repair=repair,
    )
    return LayerParcels.of(table, "group" if group_field else None)



# ---------------------------------------------------------------------------
# The analysis of one layer
# ---------------------------------------------------------------------------


def narrow_connectors(rings: Rings, recorded_width: np.ndarray, max_gap: float) -> np.ndarray:
    """Indices of the connectors narrow enough to join parcels across them (width ≤ ``max_gap``).

    The width is :func:`.geokernel.connector_widths`: XZDWKD where recorded,
    else 2 × area / perimeter.
    """
    widths = connector_widths(recorded_width, rings)
    return np.flatnonzero(widths <= max_gap + 1e-9)


@dataclass
class Contiguity:
    """Blocks and metrics of one DLTB layer (I7, I8).

    The analysis works on *patches*: each part of an analysed parcel
    (:func:`patches`), so a multipart parcel is one patch per part and a
    single-part parcel one patch.

    Attributes:
        parcels: The row in the :class:`LayerParcels` of each patch (a
            multipart parcel's row once per part).
        rings: The patches' rings.
        blocks: The blocks (of patches: ``blocks.parcels`` counts patches).
        summary: :func:`block_summary` plus the patch and block metrics
            (``PARCEL_*`` and ``BLOCK_*`` keys of :func:`patch_metrics`).
        connectors_used: Connector parcels narrow enough to join.
        connectors_wide: Connector parcels wider than ``max_gap``.
        layer: The parcels read.
        areas: Class area (TBDLMJ) of each patch.
        tbmj: Parcel area (TBMJ) of each patch.
        multipart: Rows of the analysed parcels of more than one part.
        notes: Lines for the log.
    """

    parcels: np.ndarray
    rings: Rings
    blocks: Blocks
    summary: dict
    connectors_used: int
    connectors_wide: int
    layer: LayerParcels
    perimeter: np.ndarray = field(repr=False, default=None)
    planar_area: np.ndarray = field(repr=False, default=None)
    areas: np.ndarray = field(repr=False, default=None)
    tbmj: np.ndarray = field(repr=False, default=None)
    multipart: np.ndarray = field(repr=False, default=None)
    notes: list = field(default_factory=list)


def check_max_gap(max_gap: float) -> None:
    """Refuse a ``max_gap`` below 0 or above :data:`MAX_GAP_LIMIT`.

    Raises:
        LandConsolidationError: ``max_gap`` out of range.
    """
    if max_gap < 0:
        raise LandConsolidationError(tr("MAX_GAP must not be negative: {gap:g}.").format(gap=max_gap))
    if not max_gap <= MAX_GAP_LIMIT:
        raise LandConsolidationError(
            tr("MAX_GAP {gap:g} m is over the largest allowed, {limit:g} m: a wider gap is not a road or "
               "ditch between fields, and the neighbour search grows with the square of the gap.").format(
                gap=max_gap, limit=MAX_GAP_LIMIT)
        )


@dataclass
class Patches:
    """The parts of the analysed parcels, each a patch (see :func:`patches`).

    Attributes:
        rings: One polygon per patch.
        row: The parcel (row of the :class:`LayerParcels`) of each patch.
        share: The patch's share of its parcel's ellipsoidal area (1 for a
            single-part parcel).
        multipart: Rows of the parcels of more than one part.
    """

    rings: Rings
    row: np.ndarray
    share: np.ndarray
    multipart: np.ndarray


def patches(layer: LayerParcels, rows: np.ndarray, rings: Rings) -> Patches:
    """Each part of the given parcels as a patch of its own.

    A multipart 三调 feature (two fields kept under one BSM, or parcels
    merged by a careless edit) is as many pieces of land as it has parts:
    joined as one patch, two blocks hundreds of metres apart would become
    one.  Each part therefore is a patch, with the parcel's TBMJ and TBDLMJ
    in proportion to the part's share of the parcel's ellipsoidal area (the
    rule of the project-area cut, :func:`.dltb.area_rules`); without the
    layer's projection (``layer.gk``), of its planar area.

    Args:
        layer: The parcels read.
        rows: The analysed parcels' rows.
        rings: Their rings (polygon ``i`` = ``rows[i]``).
    """
    parts, polygon = rings.parts()
    share = np.ones(parts.count)
    if parts is rings:
        return Patches(rings, rows, share, np.zeros(0, dtype=np.int64))
    per_polygon = np.bincount(polygon, minlength=rings.count)
    multi = per_polygon > 1
    if layer.gk is not None:
        ring_area = ellipsoid.ring_areas(layer.gk, parts.xy + np.asarray(parts.origin), parts.start, parts.length)
        area = np.bincount(parts.owner, np.where(parts.hole, -ring_area, ring_area), minlength=parts.count)
    else:
        area = parts.measures()[0]
    total = np.bincount(polygon, area, minlength=rings.count)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total[polygon] > 0, area / total[polygon], 1.0 / per_polygon[polygon])
    return Patches(parts, rows[polygon], share, rows[np.flatnonzero(multi)])


def _multipart_note(layer: LayerParcels, rows: np.ndarray, parts: int) -> str:
    """The log line naming the multipart parcels analysed (at most :data:`NOTE_LABELS` of them)."""
    labels = listing(layer.labels(rows[:NOTE_LABELS + 1]), limit=NOTE_LABELS)
    return tr(
        "Layer '{layer}': {count} multipart parcels of the analysed classes; each of their {parts} parts "
        "is a patch of its own (blocks, NP, metrics), with the parcel's areas in proportion to its ellipsoidal "
        "area: {labels}"
    ).format(layer=layer.name, count=len(rows), parts=parts, labels=labels)


def analyse(
    layer: LayerParcels,
    codes: Sequence[str] = codes_mod.CULTIVATED,
    connector_codes: Sequence[str] = CONNECTOR_CODES,
    max_gap: float = DEFAULT_MAX_GAP,
    threshold_mu: float = BLOCK_CLASSES_MU[0],
    is_canceled: Callable[[], bool] | None = None,
) -> Contiguity:
    """Blocks (I7) and fragmentation metrics (I8) of the ``codes`` parcels.

    Each part of a multipart parcel is a patch of its own (:func:`patches`).

    Raises:
        LandConsolidationError: ``max_gap`` out of range (:func:`check_max_gap`).
    """
    check_max_gap(max_gap)
    target = layer.rows(codes)
    target_set = set(target.tolist())
    connector = np.array([i for i in layer.rows(connector_codes) if i not in target_set], dtype=np.int64)
    if layer.rings is not None:  # read by the DLTB reader already
        rings = layer.rings.subset(target)
        conn_rings = layer.rings.subset(connector)
    else:
        rings = Rings.from_wkb([layer.wkb[i] for i in target])
        conn_rings = Rings.from_wkb([layer.wkb[i] for i in connector], origin=rings.origin)
    narrow = narrow_connectors(conn_rings, layer.width[connector], max_gap)
    conn_narrow = conn_rings.subset(narrow)
    found = patches(layer, target, rings)
    rings = found.rings
    areas = layer.tbdlmj[found.row] * found.share
    notes = [_multipart_note(layer, found.multipart, int(np.isin(found.row, found.multipart).sum()))] \
        if len(found.multipart) else []
    blocks = find_blocks(rings, areas, conn_narrow, max_gap, is_canceled=is_canceled)
    planar, perimeter = rings.measures()
    summary = block_summary(blocks.area, float(areas.sum()), threshold_mu)
    parcel_metrics = patch_metrics(areas, layer.landscape_area, perimeter, planar)
    summary.update({f"PARCEL_{k}": v for k, v in parcel_metrics.items()})
    summary.update({f"BLOCK_{k}": v for k, v in patch_metrics(blocks.area, layer.landscape_area).items()})
    summary["LANDSCAPE_M2"] = layer.landscape_area
    summary["CORNER_CONTACTS"] = blocks.corner_contacts
    summary["REJECTED_GAPS"] = blocks.rejected_gaps
    summary["MULTIPART_PARCELS"] = len(found.multipart)
    return Contiguity(
        parcels=found.row,
        rings=rings,
        blocks=blocks,
        summary=summary,
        connectors_used=len(narrow),
        connectors_wide=len(connector) - len(narrow),
        layer=layer,
        perimeter=perimeter,
        planar_area=planar,
        areas=areas,
        tbmj=layer.tbmj[found.row] * found.share,
        multipart=found.multipart,
        notes=notes,
    )


def group_metrics(result: Contiguity) -> pd.DataFrame:
    """Parcel-level metrics (I8) per group (village) and for all, one row each.

    The landscape of a group is Σ TBMJ of the group's parcels; the patches
    are those of :func:`analyse` (a multipart parcel's parts).  Block counts
    are given for the whole area only (a block may span villages).
    """
    layer = result.layer
    areas = result.areas
    rows = []
    if layer.group is not None:
        landscape = pd.Series(layer.tbmj).groupby(layer.group).sum()
        target_group = layer.group[result.parcels]
        order = np.argsort(target_group, kind="stable")
        sorted_groups = target_group[order]
        cuts = heads(sorted_groups).tolist() + [len(order)]
        present = {}
        for k in range(len(cuts) - 1):
            present[sorted_groups[cuts[k]]] = order[cuts[k] : cuts[k + 1]]
        for value in sorted(landscape.index):
            pick = present.get(value, np.zeros(0, dtype=np.int64))
            metrics = patch_metrics(
                areas[pick], float(landscape[value]), result.perimeter[pick], result.planar_area[pick]
            )
            rows.append({"GROUP": value, "LANDSCAPE_M2": float(landscape[value]), **metrics})
    metrics = patch_metrics(areas, layer.landscape_area, result.perimeter, result.planar_area)
    rows.append({"GROUP": "全部", "LANDSCAPE_M2": layer.landscape_area, **metrics})
    return pd.DataFrame(rows)


def block_geometries(result: Contiguity, is_canceled: Callable[[], bool] | None = None) -> tuple[list, list[str]]:
    """The dissolved polygon of each block, largest block first.

    Outlines come from :func:`block_outlines`; the few parts it cannot
    dissolve (overlapping or badly noded parcels) are dissolved with GEOS.

    Returns:
        ``(geometries, notes)``: one QgsGeometry (MultiPolygon) per block,
        and log lines naming the parts that needed GEOS or failed.
    """
    from qgis.core import QgsGeometry, QgsWkbTypes

    blocks = result.blocks
    count = len(blocks.area)
    notes: list[str] = []
    if count == 0:
        return [], notes
    parts = block_outlines(result.rings, blocks)
    part_block = np.zeros(len(parts), dtype=np.int64)
    part_block[blocks.part] = blocks.label
    polygons: list[list[bytes]] = [[] for _ in range(count)]
    order = np.argsort(blocks.part, kind="stable")
    bounds = np.searchsorted(blocks.part[order], np.arange(len(parts) + 1))
    repaired = 0
    for p, found in enumerate(parts):
        if found is not None:
            polygons[part_block[p]].extend(found)
            continue
        if is_canceled is not None and is_canceled():
            raise Cancelled()
        members = order[bounds[p] : bounds[p + 1]]
        geoms = []
        # From the patches' rings, not the parcels' WKB: a multipart parcel's
        # other parts may lie in other blocks.
        for blob in result.rings.polygon_wkb(members):
            geom = QgsGeometry()
            geom.fromWkb(blob)
            if not geom.isGeosValid():
                geom = geom.makeValid()
            geoms.append(geom)
        union = _without_noise(QgsGeometry.unaryUnion(geoms))
        if union.isNull() or union.isEmpty():
            labels = listing(result.layer.labels(result.parcels[members][:11]), limit=10)
            notes.append(tr("Block {block}: parcels {labels} could not be dissolved and are missing from its "
                            "polygon.").format(block=part_block[p] + 1, labels=labels))
            continue
        repaired += 1
        for piece in union.asGeometryCollection():
            if piece.type() == QgsWkbTypes.GeometryType.PolygonGeometry:
                polygons[part_block[p]].append(bytes(piece.asWkb()))
    if repaired:
        notes.append(tr("{n} group(s) of overlapping or unevenly noded parcels were dissolved with GEOS.").format(
            n=repaired))
    geometries = []
    invalid = 0
    for block in range(count):
        geom = QgsGeometry()
        geom.fromWkb(multipolygon_wkb(polygons[block]))
        if not geom.isGeosValid():
            invalid += 1
            geom = repaired_outline(geom)
        geometries.append(geom)
    if invalid:
        notes.append(
            tr("{count} block polygon(s) were invalid for GEOS (boundaries overlapping by coordinate noise) and "
               "were dissolved with GEOS instead, pieces and holes under 0.01 m² dropped.").format(count=invalid)
        )
    return geometries, notes


def repaired_outline(geom):
    """A valid MultiPolygon for a block polygon GEOS finds invalid.

    What noise the outlines could not snap (an overlap or a contact thicker
    than :data:`.geokernel.outlines.SNAP_TOLERANCE`): GEOS's union of the
    block's polygons (each made valid first), without the pieces and holes
    under :data:`NOISE_AREA`.
    """
    from qgis.core import QgsGeometry

    pieces = [polygon if polygon.isGeosValid() else polygon.makeValid() for polygon in geom.asGeometryCollection()]
    union = _without_noise(QgsGeometry.unaryUnion(pieces))
    if union.isNull() or union.isEmpty():
        return QgsGeometry.fromMultiPolygonXY([])
    union.convertToMultiType()
    return union


def _without_noise(geom):
    """The polygons of a GEOS result without the pieces and holes under :data:`NOISE_AREA` (coordinate noise)."""
    from qgis.core import QgsGeometry, QgsWkbTypes

    if geom.isNull() or geom.isEmpty():
        return geom
    kept = []
    for piece in geom.asGeometryCollection():
        if piece.type() != QgsWkbTypes.GeometryType.PolygonGeometry or piece.area() < NOISE_AREA:
            continue
        kept.append(piece.removeInteriorRings(NOISE_AREA))
    return QgsGeometry.collectGeometry(kept) if kept else QgsGeometry()
