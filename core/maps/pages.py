"""The maps of a scheme: which a project can have, and what each one shows.

Each page is a function of the project (:class:`~core.derived.ProjectData`)
returning a :class:`PageContent` – its layers, styled, top first, and notes
for the panel beside the map – or raising :class:`Skip` with the reason when
the project lacks the data (no plan, no 永农 layers, no constraint layer …).
Every page also shows the project boundary and, where the DLTB has ZLDWDM,
the village outlines with their names.

Thematic pages lay their layer over the land use drawn pale
(:func:`~core.maps.styles.fade_layer`): the reader keeps the fields, roads
and rivers for orientation, and the theme's colours stand out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ...i18n import tr, tr_noop
from .. import codes as codes_mod
from .. import indicators
from ..derived import CONFLICT_RULES, GAIN_SOURCES, LINKAGE_KINDS, ProjectData
from ..subprojects import SUBPROJECT_FIELDS
from ..units import M2_PER_HA
from . import styles

#: How pale the land use under a thematic layer is drawn (share of the way to white).
BASE_FADE = 0.6


class Skip(Exception):  # noqa: N818 (a page left out, not an error)
    """The project lacks what a page needs; the message says what."""


@dataclass
class MapLayer:
    """A styled layer of a page.

    Attributes:
        layer: The QgsVectorLayer (styled).
        legend: Shown in the legend.
    """

    layer: object
    legend: bool = True


@dataclass
class PageContent:
    """What one map shows.

    Attributes:
        key: The page's key (:data:`PAGES`).
        title: 图名 without the project name (土地利用现状图 …).
        layers: Top first.
        notes: Lines for the panel beside the map (totals, "未发现冲突" …).
    """

    key: str
    title: str
    layers: list
    notes: list = field(default_factory=list)


def _ha(m2: float) -> str:
    return f"{m2 / M2_PER_HA:.4f} 公顷"


def _frame(data: ProjectData, top: list, base=None) -> list:
    """The page's own layers, then the village outlines and the project boundary on top, the base below."""
    layers = []
    boundary = data.boundary_layer().clone()
    boundary.setName("项目区界线")
    styles.apply_style(boundary, "xmq")
    layers.append(MapLayer(boundary))
    villages = data.villages()
    if villages is not None:
        villages = villages.clone()
        styles.apply_style(villages, "villages")
        layers.append(MapLayer(villages))
    layers.extend(top)
    if base is not None:
        layers.append(base)
    return layers


def _landuse(data: ProjectData, side: str, fade: float = 0.0, name: str | None = None) -> MapLayer:
    layer = data.landuse(side)
    if layer is None:
        raise Skip(tr("The project has no plan (DLTB_GH or a planned-code field)."))
    layer = layer.clone()
    if name:
        layer.setName(name)
    styles.apply_style(layer, "dltb", fade=fade)
    if fade:
        return MapLayer(layer, legend=False)
    present = {codes_mod.default_table().lookup(f["DLBM"]).base for f in layer.getFeatures()}
    styles.drop_empty_categories(layer, present)
    return MapLayer(layer)


def page_status(data: ProjectData) -> PageContent:
    """土地利用现状图: the current parcels in the 三调 colours."""
    return PageContent("status", "土地利用现状图", _frame(data, [_landuse(data, "before", name="现状地类")]))


def page_plan(data: ProjectData) -> PageContent:
    """土地利用规划图（整治后）: the planned parcels in the 三调 colours."""
    return PageContent("plan", "土地利用规划图（整治后）", _frame(data, [_landuse(data, "after", name="规划地类")]))


def page_new_cultivated(data: ProjectData) -> PageContent:
    """新增耕地分布图: land planned as 耕地 that is not 耕地 now, by where it comes from."""
    made = data.new_cultivated()
    if made is None:
        raise Skip(tr("The project has no plan, so there is no new cultivated land to show."))
    layer, totals = made
    layer = layer.clone()
    styles.apply_style(layer, "new_cultivated")
    styles.relabel_categories(layer, {key: f"{name} {_ha(totals.area(key))}（{totals.count(key)} 块）"
                                      for key, name in GAIN_SOURCES})
    styles.drop_empty_categories(layer, [key for key, _ in GAIN_SOURCES if totals.count(key)])
    layer.setName("新增耕地来源")
    pieces = data.plan().pieces
    land = indicators.cultivated_land(pieces, float(pieces["gross"].sum()))
    gained = sum(totals.area(key) for key, _ in GAIN_SOURCES)
    notes = [f"转为耕地合计 {_ha(gained)}",
             f"新增耕地（净增）{_ha(land.added_m2)}，占原耕地 {land.added_rate:.2f}%"]
    if not layer.featureCount():
        notes.insert(0, "规划未新增耕地。")
    return PageContent("new_cultivated", "新增耕地分布图",
                       _frame(data, [MapLayer(layer)], _landuse(data, "after", BASE_FADE)), notes)


def page_pbf(data: ProjectData) -> PageContent:
    """永久基本农田调整图: 调出 and 调入 pieces over the adjusted 永农."""
    made = data.pbf()
    if made is None:
        raise Skip(tr("The project lacks the permanent basic farmland before or after the adjustment (YJJBNTTB, "
                      "YJJBNTTB_GH)."))
    out, in_, totals = made
    out, in_ = out.clone(), in_.clone()
    styles.apply_style(out, "pbf_out")
    styles.apply_style(in_, "pbf_in")
    out.setName(f"调出 {totals.count('out')} 块 {_ha(totals.area('out'))}")
    in_.setName(f"调入 {totals.count('in')} 块 {_ha(totals.area('in'))}")
    after = data.dissolved("YJJBNTTB_GH", "永久基本农田（调整后）").clone()
    styles.apply_style(after, "yjjbnttb_gh", labels=False)
    notes = []
    if totals.area("out") > 0:
        ratio = 100.0 * (totals.area("in") - totals.area("out")) / totals.area("out")
        notes.append(f"新增比例（调入−调出）/调出 {ratio:.2f}%")
    return PageContent("pbf", "永久基本农田调整图",
                       _frame(data, [MapLayer(out), MapLayer(in_), MapLayer(after)],
                              _landuse(data, "before", BASE_FADE)), notes)


def _page_blocks(data: ProjectData, side: str) -> PageContent:
    made = data.blocks(side)
    if made is None:
        raise Skip(tr("The project has no plan."))
    layer, summary = made
    layer = layer.clone()
    styles.apply_style(layer, "blocks")
    counts = {value: 0 for value, _ in styles.SIZE_CLASSES}
    for feature in layer.getFeatures():
        counts[feature["SIZE_CLASS"] or ""] = counts.get(feature["SIZE_CLASS"] or "", 0) + 1
    styles.relabel_categories(layer, {value: f"{label} {counts[value]} 个" for value, label in styles.SIZE_CLASSES})
    styles.drop_empty_categories(layer, [value for value, n in counts.items() if n])
    layer.setName("耕地连片块")
    notes = [f"连片块 {summary['BLOCK_COUNT']} 个，百亩方以上 {summary['BLOCKS_100MU']} 个",
             f"百亩方以上面积占耕地 {summary['SHARE_IN_100MU']:.2f}%"]
    title = "耕地集中连片图（整治前）" if side == "before" else "耕地集中连片图（整治后）"
    return PageContent(f"blocks_{side}", title,
                       _frame(data, [MapLayer(layer)], _landuse(data, side, BASE_FADE)), notes)


def page_blocks_before(data: ProjectData) -> PageContent:
    """耕地集中连片图（整治前）: the current 耕地 blocks by size class, with their areas."""
    return _page_blocks(data, "before")


def page_blocks_after(data: ProjectData) -> PageContent:
    """耕地集中连片图（整治后）: the planned 耕地 blocks."""
    return _page_blocks(data, "after")


def page_subprojects(data: ProjectData) -> PageContent:
    """子项目分布图: the sub-projects by type (XMLX)."""
    from ..fields import detect_fields

    source = data.source("ZXM")
    if source is None:
        raise Skip(tr("The project has no sub-project layer (ZXM)."))
    found = detect_fields(source.fields().names(), candidates=SUBPROJECT_FIELDS)
    type_field = found.get("type")
    if not type_field:
        raise Skip(tr("The sub-project layer has no type field (XMLX)."))
    layer = source.clone()
    layer.setName("子项目类型")
    styles.apply_style(layer, "zxm", key_field=type_field)
    from .. import ellipsoid

    counts: dict = {}
    for feature in layer.getFeatures():
        kind = str(feature[type_field] or "")
        count, area = counts.get(kind, (0, 0.0))
        counts[kind] = (count + 1, area + ellipsoid.geometry_area(data.gk, feature.geometry()))
    styles.relabel_categories(layer, {kind: f"{kind} {n} 个 {_ha(area)}" for kind, (n, area) in counts.items()})
    styles.drop_empty_categories(layer, counts)
    notes = [f"子项目 {sum(n for n, _ in counts.values())} 个"]
    return PageContent("subprojects", "子项目分布图",
                       _frame(data, [MapLayer(layer)], _landuse(data, "after", BASE_FADE) if data.has_plan
                              else _landuse(data, "before", BASE_FADE)), notes)


def page_linkage(data: ProjectData) -> PageContent:
    """增减挂钩拆旧建新图: 建设用地 reclaimed and land newly built on."""
    made = data.linkage()
    if made is None:
        raise Skip(tr("The project has no plan."))
    layer, totals = made
    if not layer.featureCount():
        raise Skip(tr("The plan has no reclaimed or newly built pieces."))
    layer = layer.clone()
    styles.apply_style(layer, "linkage")
    styles.relabel_categories(layer, {key: f"{name} {totals.count(key)} 处 {_ha(totals.area(key))}"
                                      for key, name in LINKAGE_KINDS.items()})
    styles.drop_empty_categories(layer, [key for key in LINKAGE_KINDS if totals.count(key)])
    layer.setName("增减挂钩")
    surplus = totals.area("reclaimed") - totals.area("new_build")
    notes = [f"节余（拆旧复垦−建新）{_ha(surplus)}"]
    return PageContent("linkage", "增减挂钩拆旧建新图",
                       _frame(data, [MapLayer(layer)], _landuse(data, "before", BASE_FADE)), notes)


def page_conflicts(data: ProjectData) -> PageContent:
    """约束冲突图: the plan's constraint conflicts (core/conflicts.py) over the red line and 永久基本农田.

    Without a red line or 永农 layer the page is left out, unless GDPDJB
    alone shows 新增耕地 on steep slopes.
    """
    made = data.conflicts() if data.has_plan else None
    if not data.constraint_layers() and (made is None or not made[0].featureCount()):
        raise Skip(tr("The project has no ecological protection red line (STBHHX) or permanent basic farmland "
                      "layer: no conflict map."))
    if made is None:
        raise Skip(tr("The project has no plan."))
    layer, totals = made
    layer = layer.clone()
    styles.apply_style(layer, "compliance_parcels")
    styles.relabel_categories(layer, {rule: f"{name} {totals.count(rule)} 处 {_ha(totals.area(rule))}"
                                      for rule, name in CONFLICT_RULES.items()})
    styles.drop_empty_categories(layer, [rule for rule in CONFLICT_RULES if totals.count(rule)])
    layer.setName("约束冲突")
    overlays = []
    constraints = data.constraint_layers()
    for key, style, name in (("red_line", "stbhhx", "生态保护红线"), ("pbf", "yjjbnttb_gh", "永久基本农田")):
        if key in constraints:
            layer_name = constraints[key].name()
            if layer_name == "YJJBNTTB_GH":
                name = "永久基本农田（调整后）"
            overlay = data.dissolved(layer_name, name).clone()
            overlay.setName(name)
            styles.apply_style(overlay, style, labels=False)
            overlays.append(MapLayer(overlay))
    boundary = data.source("CZKFBJ")
    if boundary is not None:
        boundary.setName("城镇开发边界")
        styles.apply_style(boundary, "czkfbj")
        overlays.append(MapLayer(boundary))
    checked = "；".join(text for key, text in (("red_line", "规划新增建设用地和新增耕地未进入生态保护红线"),
                                               ("pbf", "规划建设用地未占用永久基本农田")) if key in constraints)
    notes = []
    if not layer.featureCount():
        notes.append(f"未发现冲突：{checked}。")
    for rule, name in CONFLICT_RULES.items():
        if totals.count(rule):
            notes.append(f"{name}：{totals.count(rule)} 处，{_ha(totals.area(rule))}")
    top = ([MapLayer(layer)] if layer.featureCount() else []) + overlays
    return PageContent("conflicts", "约束冲突图", _frame(data, top, _landuse(data, "after", BASE_FADE)), notes)


def page_progress(data: ProjectData) -> PageContent:
    """实施进度图: the planned changes by state at the latest survey, and the changes the plan does not contain."""
    if not data.surveys:
        raise Skip(tr("The project holds no later survey (SURVEY in 'Create project'): no progress map."))
    made = data.progress()
    if made is None:
        raise Skip(tr("The project has no plan."))
    changes, deviations, landuse, name, totals = made
    layers = []
    labels = {"已实施": "已实施", "滞后": "滞后（到期未实施）", "未实施": "未实施（未到期）", "计划外变化": "计划外变化"}
    for layer, title, states in ((deviations, "计划外变化", ("计划外变化",)),
                                 (changes, "规划变化", ("已实施", "滞后", "未实施"))):
        if not layer.featureCount():
            continue
        layer = layer.clone()
        styles.apply_style(layer, "progress")
        styles.relabel_categories(layer, {state: f"{text} {totals.count(state)} 处 {_ha(totals.area(state))}"
                                          for state, text in labels.items()})
        styles.drop_empty_categories(layer, [state for state in states if totals.count(state)])
        layer.setName(title)
        layers.append(MapLayer(layer))
    base = landuse.clone()
    styles.apply_style(base, "dltb", fade=BASE_FADE)
    planned = sum(totals.area(state) for state in ("已实施", "滞后", "未实施"))
    done = totals.area("已实施")
    notes = [f"依据：{name}",
             f"规划地类变化 {_ha(planned)}，已实施 {_ha(done)}（{100.0 * done / planned if planned else 0.0:.2f} %）"]
    if totals.count("滞后"):
        notes.append(f"滞后 {totals.count('滞后')} 处 {_ha(totals.area('滞后'))}")
    notes.append(f"计划外变化 {totals.count('计划外变化')} 处 {_ha(totals.area('计划外变化'))}"
                 if totals.count("计划外变化") else "未发现计划外变化")
    return PageContent("progress", "实施进度图", _frame(data, layers, MapLayer(base, legend=False)), notes)


@dataclass(frozen=True)
class Page:
    """A map a scheme can have: key, 图名, builder, and its name in the interface (English, see :func:`i18n.tr`)."""

    key: str
    title: str
    build: Callable[[ProjectData], PageContent]
    label: str = ""


#: Every map, in the order of the PDF (the MAPS options of exportmaps).
PAGES = (
    Page("status", "土地利用现状图", page_status, tr_noop("Land-use status map")),
    Page("plan", "土地利用规划图（整治后）", page_plan, tr_noop("Land-use plan map (after consolidation)")),
    Page("new_cultivated", "新增耕地分布图", page_new_cultivated, tr_noop("Map of new cultivated land")),
    Page("pbf", "永久基本农田调整图", page_pbf, tr_noop("Map of the permanent basic farmland adjustment")),
    Page("blocks_before", "耕地集中连片图（整治前）", page_blocks_before,
         tr_noop("Contiguous cultivated land map (before consolidation)")),
    Page("blocks_after", "耕地集中连片图（整治后）", page_blocks_after,
         tr_noop("Contiguous cultivated land map (after consolidation)")),
    Page("subprojects", "子项目分布图", page_subprojects, tr_noop("Map of the sub-projects")),
    Page("linkage", "增减挂钩拆旧建新图", page_linkage, tr_noop("Linkage map: reclamation and new construction")),
    Page("conflicts", "约束冲突图", page_conflicts, tr_noop("Constraint conflict map")),
    Page("progress", "实施进度图", page_progress, tr_noop("Implementation progress map")),
)
