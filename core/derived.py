"""Layers derived from a project GeoPackage, for the maps and the coordinate files.

A scheme's maps and exchange files show more than the layers the project
file holds: the 新增耕地 pieces and their source, the 拆旧 / 建新 pieces of
增减挂钩, the 永久基本农田 调出 / 调入 pieces, the 耕地 blocks before and
after, the planned 建设用地 that meets a constraint.  :class:`ProjectData`
computes each of them once, when first asked, with the same core functions
the algorithms use (:mod:`.plan`, :mod:`.indicators`, :mod:`.farmland`,
:mod:`.contiguity`), and hands them out as memory layers in the project's
CRS, clipped to the project area.

Every layer has the fields the styles in ``resources/styles`` classify by
(``DLBM``, ``SOURCE``, ``KIND``, ``SIZE_CLASS``, ``RULE`` …) and, for the
coordinate file, a parcel name ``DKMC`` and use ``DKYT``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from ..i18n import tr, tr_noop
from . import codes as codes_mod
from . import conflicts as conflicts_mod
from . import contiguity, dltb, ellipsoid, farmland, indicators, plan, project
from . import progress as progress_mod
from . import subprojects as subprojects_mod
from .errors import LandConsolidationError, check_canceled
from .units import MU_PER_M2

#: Rule ids of the constraint conflicts → what a conflicting piece is (their home: core/conflicts.py).
CONFLICT_RULES = conflicts_mod.RULES
#: 增减挂钩 piece kinds → Chinese name.
LINKAGE_KINDS = {"reclaimed": "拆旧复垦区", "new_build": "建新区"}
#: 新增耕地 sources (indicators.SOURCES) that are a gain of 耕地, in report order.
GAIN_SOURCES = tuple((key, label) for key, label in indicators.SOURCES if key not in ("tiankan", "loss"))


def memory_layer(name: str, crs, fields: list, rows: list) -> QgsVectorLayer:
    """A MultiPolygon memory layer.

    Args:
        name: Layer name (shown in legends).
        crs: Its CRS.
        fields: ``[(name, QVariant type), …]``.
        rows: ``[(geometry, [values …]), …]`` (any iterable).
    """
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid() or 'EPSG:4528'}", name, "memory")
    if not crs.authid():
        layer.setCrs(crs)
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    features = []
    for geom, values in rows:
        if len(features) >= 10_000:  # in batches: a county's parcels are not all held twice at once
            provider.addFeatures(features)
            features = []
        if geom is None or geom.isEmpty():
            continue
        shape = QgsGeometry(geom)
        if not shape.isMultipart():
            shape.convertToMultiType()
        feature = QgsFeature(layer.fields())
        feature.setGeometry(shape)
        feature.setAttributes(list(values))
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    return layer


@dataclass
class Totals:
    """What a derived layer adds up to, for legends and logs: key → (count, m²)."""

    items: dict

    def area(self, key) -> float:
        """m² of one class (0 when absent)."""
        return self.items.get(key, (0, 0.0))[1]

    def count(self, key) -> int:
        """Features of one class (0 when absent)."""
        return self.items.get(key, (0, 0.0))[0]


class ProjectData:
    """A project GeoPackage and the layers derived from it, each computed on first use.

    Args:
        path: The project GeoPackage (written by ``createproject``).
        repair: Repair invalid geometries instead of stopping (core/validity.py).
        is_canceled: Returns True when the user cancelled.
        log: Called with each note for the user.

    Raises:
        LandConsolidationError: not a project file, or without DLTB / XMQ.
    """

    def __init__(self, path, *, repair: bool = False, is_canceled: Callable[[], bool] | None = None,
                 log: Callable[[str], None] | None = None):
        self.path = Path(path)
        self.settings = project.read_settings(self.path)
        self.present = set(self.settings["_layers"])
        for needed in ("DLTB", "XMQ"):
            if needed not in self.present:
                raise LandConsolidationError(tr("The project file '{file}' has no layer {layer}.").format(
                    file=self.path.name, layer=needed))
        self.name = str(self.settings.get("name") or self.path.stem)
        self.unit = str(self.settings.get("responsible_unit") or "")
        self.overrides = self.settings.get("field_mapping") or None
        self.after_field = self.settings.get("after_field") or None
        self.after_kcxs_field = self.settings.get("after_kcxs_field") or None
        self.repair = repair
        self.is_canceled = is_canceled
        self.log = log or (lambda _text: None)
        self._cache: dict = {}
        self.crs = dltb.check_projected(self.source("DLTB"))

    # ------------------------------------------------------------------ plumbing

    def _once(self, key, compute):
        if key not in self._cache:
            check_canceled(self.is_canceled)
            self._cache[key] = compute()
        return self._cache[key]

    def source(self, name: str) -> QgsVectorLayer | None:
        """A layer of the GeoPackage (``DLTB``, ``XMQ`` …), or None when the project has none."""
        if name not in self.present:
            return None
        layer = QgsVectorLayer(project.layer_uri(self.path, name), name, "ogr")
        return layer if layer.isValid() else None

    @property
    def has_plan(self) -> bool:
        """True when the project holds a plan (DLTB_GH or a planned-code field)."""
        return "DLTB_GH" in self.present or bool(self.after_field)

    @property
    def boundary(self) -> QgsGeometry:
        """The project area, dissolved, in the project's CRS."""
        return self._once("boundary", lambda: dltb.dissolve_area(self.source("XMQ"), self.crs, repair=self.repair))

    @property
    def gk(self) -> ellipsoid.GaussKruger:
        """The Gauss-Krüger definition for ellipsoidal areas."""
        return self._once("gk", lambda: dltb.gauss_kruger_for(self.source("DLTB")))

    def boundary_layer(self) -> QgsVectorLayer:
        """The project boundary as a layer (``DKMC`` = project name, ``DKYT`` = 全域土地综合整治)."""
        return self._once("boundary_layer", lambda: memory_layer(
            "项目区", self.crs, [("NAME", QVariant.Type.String), ("DKMC", QVariant.Type.String),
                              ("DKYT", QVariant.Type.String)],
            [(self.boundary, [self.name, self.name, "全域土地综合整治"])]))

    def dissolved(self, name: str, title: str) -> QgsVectorLayer | None:
        """A layer of the GeoPackage dissolved into one feature, or None when the project has none.

        A hatched overlay of a thousand 永农 parcels costs a clip per parcel in
        the PDF (6 MB a page on the sample); dissolved, it is one polygon and
        reads as one area.
        """
        def build():
            source = self.source(name)
            if source is None:
                return None
            polygons = dltb.read_polygons(source, self.crs, label=title, repair=self.repair)
            if not polygons:
                return None
            return memory_layer(title, self.crs, [("NAME", QVariant.Type.String)],
                                [(QgsGeometry.unaryUnion(polygons), [title])])
        return self._once(("dissolved", name), build)

    # ------------------------------------------------------------------ parcels and plan

    def before(self) -> dltb.ParcelTable:
        """The current parcels inside the project area, with their (cut) geometries."""
        def read():
            extra = ()
            if self.after_field and "DLTB_GH" not in self.present:
                extra = (("planned", self.after_field),)
                if self.after_kcxs_field:
                    extra += (("planned_kcxs", self.after_kcxs_field),)
            parcels = dltb.read_dltb(self.source("DLTB"), project_area=self.boundary, overrides=self.overrides,
                                     keep_geometry=True, extra_roles=extra, is_canceled=self.is_canceled,
                                     repair=self.repair)
            dltb.reject_unknown_codes(parcels)
            for note in parcels.notes:
                self.log(note)
            return parcels
        return self._once("before", read)

    def plan(self) -> plan.Plan | None:
        """Before × after pieces with geometries, or None without a plan."""
        def read():
            if not self.has_plan:
                return None
            parcels = self.before()
            stored = self._stored_plan(parcels)
            if stored is not None:
                return stored
            after = self.source("DLTB_GH")
            if after is not None:
                result = plan.plan_from_layer(parcels, after, project_area=self.boundary, keep_geometry=True,
                                              is_canceled=self.is_canceled, repair=self.repair)
            else:
                frame = parcels.frame
                result = plan.plan_from_field(parcels, list(frame["planned"]), list(frame["planned_kcxs"])
                                              if "planned_kcxs" in frame else None)
            plan.reject_unknown_planned_codes(result)
            for note in result.notes:
                self.log(note)
            return result
        return self._once("plan", read)

    def _stored_plan(self, parcels) -> plan.Plan | None:
        """The plan pieces ``createproject`` stored in the project, unless its layers or the settings changed since."""
        from ..i18n import tr

        layer_plan = "DLTB_GH" in self.present
        settings = project.plan_settings("" if layer_plan else self.after_field, self.overrides, False, self.repair,
                                         "" if layer_plan else self.after_kcxs_field)
        state = project.stored_plan_state(self.path, settings)
        if state == "changed":
            self.log(tr("The plan pieces stored in the project were computed from other data or settings (a layer "
                        "of the project was edited since, or UNCOVERED, REPAIR_GEOMETRY or the field mapping "
                        "differ): the plan is computed again."))
        if state != "valid":
            return None
        result = project.stored_plan(self.path, parcels, keep_geometry=True)
        if result is not None:
            self.log(tr("The plan's {n} pieces are read from the project ({table}).").format(
                n=len(result.pieces), table=project.PIECES_TABLE))
        return result

    def landuse(self, side: str = "before") -> QgsVectorLayer | None:
        """The parcels in their current (``before``) or planned (``after``) class: ``BSM``, ``DLBM``, ``DLMC``.

        The planned state is the planned DLTB where the project has one, else
        the current parcels with the planned code (empty: unchanged); None
        without a plan.
        """
        def build():
            table = codes_mod.default_table()
            if side == "before":
                parcels = self.before()
                frame, geoms = parcels.frame, parcels.geometries
                codes = list(frame["code"])
            elif not self.has_plan:
                return None
            elif "DLTB_GH" in self.present:
                parcels = dltb.read_dltb(self.source("DLTB_GH"), project_area=self.boundary, keep_geometry=True,
                                         is_canceled=self.is_canceled, repair=self.repair)
                frame, geoms = parcels.frame, parcels.geometries
                codes = list(frame["code"])
            else:
                parcels = self.before()
                frame, geoms = parcels.frame, parcels.geometries
                codes = [codes_mod.normalise(p) or c for p, c in zip(frame["planned"], frame["code"])]
            # One pass, geometries made as the layer takes them (the parcels' list keeps its WKB only).
            geoms = geoms.fresh() if hasattr(geoms, "fresh") else geoms
            rows = ((g, [str(b or ""), c, table.name(c)]) for g, b, c in zip(geoms, frame["bsm"], codes))
            title = "现状地类" if side == "before" else "规划地类"
            return memory_layer(title, self.crs, [("BSM", QVariant.Type.String), ("DLBM", QVariant.Type.String),
                                                  ("DLMC", QVariant.Type.String)], rows)
        return self._once(("landuse", side), build)

    def villages(self) -> QgsVectorLayer | None:
        """Village (行政村) outlines dissolved from the current parcels: ``ZLDWDM``, ``ZLDWMC``; None without ZLDWDM."""
        def build():
            parcels = self.before()
            frame = parcels.frame
            if not parcels.fields.get("village"):
                return None
            groups: dict = {}
            geoms = parcels.geometries.fresh() if hasattr(parcels.geometries, "fresh") else parcels.geometries
            for geom, code, name in zip(geoms, frame["village"], frame["village_name"]):
                code = str(code or "")
                if not code:
                    continue
                groups.setdefault(code, [name, []])[1].append(geom)
            rows = []
            for code, (name, geoms) in sorted(groups.items()):
                check_canceled(self.is_canceled)
                rows.append((QgsGeometry.unaryUnion(geoms), [code, str(name or "")]))
            return memory_layer("村界", self.crs, [("ZLDWDM", QVariant.Type.String),
                                                  ("ZLDWMC", QVariant.Type.String)], rows)
        return self._once("villages", build)

    def village_names(self) -> dict:
        """ZLDWDM → ZLDWMC of the current parcels."""
        def build():
            frame = self.before().frame
            return {str(code): str(name or "") for code, name in zip(frame["village"], frame["village_name"]) if code}
        return self._once("village_names", build)

    # ------------------------------------------------------------------ plan-derived pieces

    def _dissolved(self, mask: np.ndarray, keys) -> list[tuple[QgsGeometry, list[int]]]:
        """Pieces under ``mask`` dissolved by key: ``[(geometry, piece rows), …]`` in first-seen order."""
        result = self.plan()
        groups: dict = {}
        for i in np.flatnonzero(mask):
            groups.setdefault(keys[i], []).append(int(i))
        out = []
        for rows in groups.values():
            geoms = [result.geometries[i] for i in rows]
            geom = geoms[0] if len(geoms) == 1 else QgsGeometry.unaryUnion(geoms)
            out.append((geom, rows))
        return out

    def new_cultivated(self, by_parcel: bool = False) -> tuple[QgsVectorLayer, Totals] | None:
        """新增耕地: pieces planned as 耕地 that are not 耕地 now, by source; None without a plan.

        Pieces of one planned parcel and one source are dissolved (``by_parcel``:
        of one planned parcel, whatever their source – a parcel of the
        coordinate file).  Fields ``SOURCE``, ``SOURCE_NAME``, ``DLBM_BEFORE``,
        ``DLBM``, ``AREA_M2`` (Σ TBDLMJ after, the basis of 新增耕地), ``DKMC``,
        ``DKYT``.
        """
        def build():
            result = self.plan()
            if result is None:
                return None
            pieces = result.pieces
            source = indicators.source_of(pieces)
            gain = np.isin(source.astype(str), [k for k, _ in GAIN_SOURCES])
            names = dict(GAIN_SOURCES)
            table = codes_mod.default_table()
            keys = list(zip(pieces["fid_a"], [None] * len(pieces))) if by_parcel else \
                list(zip(pieces["fid_a"], source))
            villages = self.village_names()
            rows, totals = [], {}
            for geom, members in self._dissolved(gain, keys):
                first = members[0]
                kind = source[first] if not by_parcel else _dominant(source, pieces["tbdlmj_a"], members)
                area = float(pieces["tbdlmj_a"].iloc[members].sum())
                after_code = str(pieces["base_a"].iat[first])
                before_codes = sorted({str(pieces["base_b"].iat[i]) for i in members}, key=table.sort_key)
                village = villages.get(str(pieces["village"].iat[first]), "")
                rows.append((geom, [kind, names[kind], ",".join(before_codes), after_code, round(area, 2),
                                    f"{village}新增耕地", table.name(after_code)]))
                count, total = totals.get(kind, (0, 0.0))
                totals[kind] = (count + 1, total + area)
            layer = memory_layer("新增耕地", self.crs, [
                ("SOURCE", QVariant.Type.String), ("SOURCE_NAME", QVariant.Type.String),
                ("DLBM_BEFORE", QVariant.Type.String), ("DLBM", QVariant.Type.String),
                ("AREA_M2", QVariant.Type.Double), ("DKMC", QVariant.Type.String), ("DKYT", QVariant.Type.String),
            ], rows)
            return layer, Totals(totals)
        return self._once(("new_cultivated", by_parcel), build)

    def linkage(self) -> tuple[QgsVectorLayer, Totals] | None:
        """增减挂钩: 拆旧复垦 pieces (建设用地 planned as other land, by current parcel) and 建新 pieces
        (other land planned as 建设用地, by planned parcel); None without a plan.

        Fields ``KIND`` (reclaimed / new_build), ``KIND_NAME``, ``DLBM_BEFORE``,
        ``DLBM_AFTER``, ``AREA_M2`` (gross area, the ledger's basis), ``DKMC``, ``DKYT``.
        """
        def build():
            result = self.plan()
            if result is None:
                return None
            pieces = result.pieces
            table = codes_mod.default_table()
            villages = self.village_names()
            rows, totals = [], {}
            for kind, mask, key_column in (("reclaimed", indicators.reclaimed_mask(pieces), "fid_b"),
                                           ("new_build", indicators.new_build_mask(pieces), "fid_a")):
                keys = list(pieces[key_column])
                for geom, members in self._dissolved(mask, keys):
                    first = members[0]
                    area = float(pieces["gross"].iloc[members].sum())
                    before_code = str(pieces["base_b"].iat[first])
                    after_code = str(pieces["base_a"].iat[first])
                    use = table.name(after_code) if kind == "new_build" else "拆旧复垦"
                    village = villages.get(str(pieces["village"].iat[first]), "")
                    rows.append((geom, [kind, LINKAGE_KINDS[kind], before_code, after_code, round(area, 2),
                                        f"{village}{LINKAGE_KINDS[kind]}", use]))
                    count, total = totals.get(kind, (0, 0.0))
                    totals[kind] = (count + 1, total + area)
            layer = memory_layer("增减挂钩", self.crs, [
                ("KIND", QVariant.Type.String), ("KIND_NAME", QVariant.Type.String),
                ("DLBM_BEFORE", QVariant.Type.String), ("DLBM_AFTER", QVariant.Type.String),
                ("AREA_M2", QVariant.Type.Double), ("DKMC", QVariant.Type.String), ("DKYT", QVariant.Type.String),
            ], rows)
            return layer, Totals(totals)
        return self._once("linkage", build)

    # ------------------------------------------------------------------ permanent basic farmland

    def pbf(self) -> tuple[QgsVectorLayer, QgsVectorLayer, Totals] | None:
        """永久基本农田 调出 and 调入 pieces (core/farmland.py, 1 m² slivers dropped); None without both layers.

        Fields ``SIDE`` (out / in), ``BSM``, ``DLBM``, ``AREA_M2`` (ellipsoidal),
        ``AREA_MU``, ``DKMC``, ``DKYT``.
        """
        def build():
            before_src, after_src = self.source("YJJBNTTB"), self.source("YJJBNTTB_GH")
            if before_src is None or after_src is None:
                return None
            before = farmland.read_farmland(before_src, self.gk, project_area=self.boundary,
                                            is_canceled=self.is_canceled, repair=self.repair)
            after = farmland.read_farmland(after_src, self.gk, project_area=self.boundary,
                                           is_canceled=self.is_canceled, repair=self.repair)
            out = farmland.difference_pieces(before, after, self.gk, is_canceled=self.is_canceled)
            in_ = farmland.difference_pieces(after, before, self.gk, is_canceled=self.is_canceled)
            layers, totals = [], {}
            for side, name, pieces, layer in (("out", "永久基本农田调出", out, before),
                                              ("in", "永久基本农田调入", in_, after)):
                rows = [(geom, [side, layer.bsm[src], layer.code[src], round(float(area), 2),
                                round(float(area) * MU_PER_M2, 2), name, name])
                        for geom, src, area in zip(pieces.geometries, pieces.source, pieces.ellipsoidal)]
                layers.append(memory_layer(name, self.crs, [
                    ("SIDE", QVariant.Type.String), ("BSM", QVariant.Type.String), ("DLBM", QVariant.Type.String),
                    ("AREA_M2", QVariant.Type.Double), ("AREA_MU", QVariant.Type.Double),
                    ("DKMC", QVariant.Type.String), ("DKYT", QVariant.Type.String)], rows))
                totals[side] = (len(rows), float(np.sum(pieces.ellipsoidal)))
                if pieces.slivers:
                    self.log(tr("{layer}: {n} sliver(s) under 1 m² ({area:.2f} m² in all) are not drawn.").format(
                        layer=name, n=pieces.slivers, area=pieces.sliver_area))
            return layers[0], layers[1], Totals(totals)
        return self._once("pbf", build)

    # ------------------------------------------------------------------ contiguity

    def blocks(self, side: str = "before") -> tuple[QgsVectorLayer, dict] | None:
        """Contiguous 耕地 blocks (core/contiguity.py, default rules) of the current or planned parcels.

        Fields ``BLOCK_ID``, ``AREA_M2``, ``AREA_MU``, ``PARCELS``, ``SIZE_CLASS``;
        also the summary (``BLOCKS_100MU`` …).  None for ``after`` without a plan.
        """
        def build():
            overrides = dict(self.overrides or {})
            planned_field = None
            if side == "before":
                source = self.source("DLTB")
            elif "DLTB_GH" in self.present:
                source, overrides = self.source("DLTB_GH"), {}
            elif self.after_field:
                source = self.source("DLTB")
                planned_field = self.after_field  # empty values: the parcel is unchanged
            else:
                return None
            parcels = contiguity.read_parcels(
                source, codes_mod.CULTIVATED + codes_mod.CONNECTOR_CODES, project_area=self.boundary,
                overrides=overrides or None, planned_field=planned_field, is_canceled=self.is_canceled)
            result = contiguity.analyse(parcels, is_canceled=self.is_canceled)
            geometries, notes = contiguity.block_geometries(result, self.is_canceled)
            for note in parcels.notes + result.notes + notes:
                self.log(note)
            rows = []
            for block, geom in enumerate(geometries):
                area = float(result.blocks.area[block])
                rows.append((geom, [block + 1, round(area, 2), round(area * MU_PER_M2, 2),
                                    int(result.blocks.parcels[block]), contiguity.size_class(area)]))
            title = "耕地连片块（整治前）" if side == "before" else "耕地连片块（整治后）"
            layer = memory_layer(title, self.crs, [
                ("BLOCK_ID", QVariant.Type.Int), ("AREA_M2", QVariant.Type.Double), ("AREA_MU", QVariant.Type.Double),
                ("PARCELS", QVariant.Type.Int), ("SIZE_CLASS", QVariant.Type.String)], rows)
            return layer, result.summary
        return self._once(("blocks", side), build)

    # ------------------------------------------------------------------ constraints

    def constraint_layers(self) -> dict:
        """``{"red_line": layer, "pbf": layer}`` of what the project holds (the 永农 after adjustment when given).

        The layers the conflict map draws over the land use; the conflicts
        themselves are checked against the 永农 before and after
        (:meth:`conflicts`).
        """
        found = {}
        if "STBHHX" in self.present:
            found["red_line"] = self.source("STBHHX")
        pbf = self.source("YJJBNTTB_GH")
        if pbf is None:
            pbf = self.source("YJJBNTTB")
        if pbf is not None:
            found["pbf"] = pbf
        return found

    def conflicts(self) -> tuple[QgsVectorLayer, Totals] | None:
        """The plan's constraint conflicts (core/conflicts.py, the rules of DOMAIN.md I12); None without a plan.

        Against the project's 生态保护红线 (STBHHX) and 永久基本农田 before and
        after (YJJBNTTB, YJJBNTTB_GH); the slope of 新增耕地 from GDPDJB (a
        project holds no slope raster).  Fields ``RULE``, ``RULE_NAME``,
        ``BSM``, ``DLBM_BEFORE``, ``DLBM_AFTER``, ``AREA_M2`` (gross m²).
        """
        def build():
            result = self.plan()
            if result is None:
                return None
            found = conflicts_mod.Constraints()
            if "STBHHX" in self.present:
                found.red_line = dltb.read_polygons(self.source("STBHHX"), self.crs, label="生态保护红线",
                                                    repair=self.repair)
            pbf_layers = [self.source(name) for name in ("YJJBNTTB", "YJJBNTTB_GH") if name in self.present]
            if pbf_layers:
                found.pbf = [geom for layer in pbf_layers
                             for geom in dltb.read_polygons(layer, self.crs, label="永久基本农田", repair=self.repair)]
            made = conflicts_mod.find_conflicts(result, found, self.gk, is_canceled=self.is_canceled)
            rows, totals = [], {}
            for rec, geom in zip(made.parts.itertuples(index=False), made.geometries):
                rows.append((geom, [rec.RULE, rec.RULE_NAME, rec.BSM, rec.DLBM_BEFORE, rec.DLBM_AFTER,
                                    round(float(rec.AREA_M2), 2)]))
                count, total = totals.get(rec.RULE, (0, 0.0))
                totals[rec.RULE] = (count + 1, total + float(rec.AREA_M2))
            layer = memory_layer("约束冲突", self.crs, [
                ("RULE", QVariant.Type.String), ("RULE_NAME", QVariant.Type.String), ("BSM", QVariant.Type.String),
                ("DLBM_BEFORE", QVariant.Type.String), ("DLBM_AFTER", QVariant.Type.String),
                ("AREA_M2", QVariant.Type.Double)], rows)
            return layer, Totals(totals)
        return self._once("conflicts", build)

    # ------------------------------------------------------------------ implementation monitoring

    @property
    def surveys(self) -> list[str]:
        """The project's later surveys (layer names, oldest first)."""
        return [name for name in self.settings.get("surveys") or [] if name in self.present]

    def progress(self) -> tuple[QgsVectorLayer, QgsVectorLayer, QgsVectorLayer, str, Totals] | None:
        """The plan against the project's latest survey (core/progress.py); None without a plan or a survey.

        Returns the planned changes part by part with their state (``STATE``
        已实施 / 滞后 / 未实施), the unplanned changes (``STATE`` 计划外变化), the
        survey's land use (``DLBM``), the survey's name, and the totals by state
        (gross m²).  Sub-projects are due by their year (SSND); changes outside
        them by the project's last year.
        """
        def build():
            if not self.surveys or not self.has_plan:
                return None
            name = self.surveys[-1]
            result = self.plan()
            survey = dltb.read_dltb(self.source(name), project_area=self.boundary, keep_geometry=True,
                                    is_canceled=self.is_canceled, repair=self.repair)
            dltb.reject_unknown_codes(survey)
            comparison = progress_mod.compare(result, survey, self.gk, name=name, is_canceled=self.is_canceled)
            for note in comparison.notes:
                self.log(note)
            subs = None
            if "ZXM" in self.present:
                subs = subprojects_mod.read_subprojects(self.source("ZXM"), self.crs, repair=self.repair)
            change = (result.pieces["base_b"] != result.pieces["base_a"]).to_numpy()
            shares = progress_mod.subproject_shares(result, subs, self.gk, np.flatnonzero(change), self.is_canceled)
            codes, due = progress_mod.due_years(shares, self.settings.get("end_year"))
            changes, change_geoms = progress_mod.changes(comparison, codes, due)
            deviations, deviation_geoms = progress_mod.deviations(comparison, self.gk)
            fields = [("STATE", QVariant.Type.String), ("BASELINE_BSM", QVariant.Type.String),
                      ("BEFORE_DLBM", QVariant.Type.String), ("PLANNED_DLBM", QVariant.Type.String),
                      ("SURVEY_DLBM", QVariant.Type.String), ("AREA_M2", QVariant.Type.Double)]
            columns = [f for f, _ in fields]
            totals: dict = {}
            layers = []
            for title, frame, geoms in (("规划变化", changes, change_geoms), ("计划外变化", deviations, deviation_geoms)):
                rows = []
                for values, geom in zip(frame[columns].itertuples(index=False), geoms):
                    rows.append((geom, [str(values[0]), str(values[1] or ""), str(values[2]), str(values[3]),
                                        str(values[4]), float(values[5])]))
                    count, total = totals.get(values[0], (0, 0.0))
                    totals[values[0]] = (count + 1, total + float(values[5]))
                layers.append(memory_layer(title, self.crs, fields, rows))
            table = codes_mod.default_table()
            frame = survey.frame
            landuse = memory_layer("变更调查地类", self.crs, [("BSM", QVariant.Type.String), ("DLBM", QVariant.Type.String),
                                                          ("DLMC", QVariant.Type.String)],
                                   [(g, [str(b or ""), c, table.name(c)]) for g, b, c in
                                    zip(survey.geometries, frame["bsm"], frame["code"])])
            return layers[0], layers[1], landuse, name, Totals(totals)
        return self._once("progress", build)


#: The project's parcels a coordinate file can hold: key → title (the exportcoordinates LAYERS options).
EXCHANGE_LAYERS = {
    "area": "项目区",
    "subprojects": "子项目",
    "new_cultivated": "新增耕地",
    "reclaimed": "拆旧复垦区",
    "new_build": "建新区",
    "pbf_out": "永久基本农田调出",
    "pbf_in": "永久基本农田调入",
}
#: The same parcels as the interface names them (English source, translated by :func:`i18n.tr`).
EXCHANGE_LABELS = {
    "area": tr_noop("Project area"),
    "subprojects": tr_noop("Sub-projects"),
    "new_cultivated": tr_noop("New cultivated land"),
    "reclaimed": tr_noop("Reclaimed construction land"),
    "new_build": tr_noop("New construction land"),
    "pbf_out": tr_noop("Permanent basic farmland moved out"),
    "pbf_in": tr_noop("Permanent basic farmland moved in"),
}


def exchange_layer(data: ProjectData, key: str) -> QgsVectorLayer | None:
    """A project's parcels of one kind for the coordinate file (DKMC / DKYT, or XMMC / XMLX), None without them.

    新增耕地 is one parcel per planned parcel (its new part); 拆旧复垦区 one per
    current parcel reclaimed, 建新区 one per planned parcel built on.
    """
    if key == "area":
        return data.boundary_layer()
    if key == "subprojects":
        return data.source("ZXM")
    if key == "new_cultivated":
        made = data.new_cultivated(by_parcel=True)
        return None if made is None else made[0]
    if key in ("reclaimed", "new_build"):
        made = data.linkage()
        if made is None:
            return None
        layer = made[0].clone()
        layer.setSubsetString(f"\"KIND\" = '{key}'")
        return layer
    if key in ("pbf_out", "pbf_in"):
        made = data.pbf()
        return None if made is None else made[0 if key == "pbf_out" else 1]
    raise KeyError(key)


def _dominant(source: np.ndarray, areas, members: list[int]) -> str:
    """The source of the largest area among ``members``."""
    weights: dict = {}
    for i in members:
        weights[source[i]] = weights.get(source[i], 0.0) + float(areas.iat[i])
    return max(weights, key=weights.get)
