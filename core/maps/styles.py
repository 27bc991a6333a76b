"""The style of every output and project layer: tables, .qml files, and applying them.

The tables here say what each style shows – one category per value, its
label, fill, outline or hatch, and the labels.  ``tools/make_styles.py``
turns them into the .qml files of ``resources/styles`` (committed, so a user
can also load them by hand in the layer properties); :func:`apply_style`
loads those files onto a layer.

Design rules (DOMAIN.md §9):

* land use in the 三调 colours (``landuse_colours_sandiao.csv``), one fill
  per code; suffixed codes (0201K, 1104A, 08H2A …) take their base code's
  fill, by the classification expression (no category of their own);
* constraint overlays (项目区 XMQ, 生态保护红线 STBHHX, 城镇开发边界
  CZKFBJ, 永久基本农田) are outlines and sparse hatches, never a solid fill,
  so the land-use colours underneath stay readable;
* parcel labels (地类编码, BSM) appear from 1:5 000 on (larger scales);
  block areas and village names always;
* a value outside the table falls into a grey "其他" category, never into
  nothing.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from .. import codes as codes_mod
from .. import compliance, potential
from ..derived import CONFLICT_RULES, GAIN_SOURCES, LINKAGE_KINDS
from .fonts import cjk_family

STYLE_DIR = Path(__file__).resolve().parents[2] / "resources" / "styles"
COLOURS = codes_mod.DATA_DIR / "landuse_colours_sandiao.csv"
#: Parcel labels are drawn at this scale (denominator) and larger: 1:5 000, 1:2 000 …
LABEL_SCALE = 5000.0
#: The family written into the .qml files; :func:`apply_style` swaps it for an installed CJK font.
FONT_FAMILY = "Noto Sans CJK SC"
#: Sub-project types (XMLX) in the order of DOMAIN.md §2.2, with 建新安置 as the sample and many schemes write it.
SUBPROJECT_TYPES = ("农用地整理", "高标准农田建设", "耕地提质改造", "建设用地复垦", "拆旧", "建新", "安置", "建新安置",
                    "生态修复", "公共空间治理")
#: 耕地 block size classes of core.contiguity.size_class ("" is a block under 100 亩).
SIZE_CLASSES = (("千亩方", "千亩方（≥1000亩）"), ("五百亩方", "五百亩方（500–1000亩）"), ("百亩方", "百亩方（100–500亩）"),
                ("", "100亩以下连片块"))
#: The expression that folds a code to its base: 0201K → 0201, 08H2A → 08H2, an integer 101 → 0101, 09 stays 09.
BASE_CODE_EXPRESSION = ("with_variable('c', upper(trim(to_string(\"DLBM\"))), "
                        "CASE WHEN length(@c) = 3 AND regexp_match(@c, '^[0-9]+$') THEN '0' || @c "
                        "ELSE left(@c, 4) END)")


@dataclass(frozen=True)
class Hatch:
    """Parallel lines filling a polygon: angle (degrees), spacing and line width (mm), colour."""

    angle: float
    spacing: float
    width: float
    colour: str


@dataclass(frozen=True)
class Look:
    """How one category (or a single-symbol layer) is drawn.

    Attributes:
        fill: ``#rrggbb`` or ``#rrggbbaa`` (alpha last), None for no fill.
        outline: Outline colour, None for no outline.
        outline_width: mm.
        outline_style: ``solid``, ``dash``, ``dot``, ``dash dot``.
        hatch: Lines over the fill, or None.
        halo: A wide light line under the outline (colour, width mm), or None.
    """

    fill: str | None = None
    outline: str | None = "#000000"
    outline_width: float = 0.2
    outline_style: str = "solid"
    hatch: Hatch | None = None
    halo: tuple | None = None


@dataclass(frozen=True)
class Category:
    """One value of a categorised style, its legend label and its look."""

    value: str
    label: str
    look: Look


@dataclass(frozen=True)
class Labels:
    """Labels of a style.

    Attributes:
        expression: QGIS expression of the label text.
        size: Font size, points.
        colour: Text colour.
        buffer: White buffer around the text, mm (0: none).
        max_scale: Drawn only at this scale denominator and larger scales (None: always).
        bold: Bold text.
    """

    expression: str
    size: float = 7.0
    colour: str = "#000000"
    buffer: float = 0.6
    max_scale: float | None = LABEL_SCALE
    bold: bool = False


@dataclass(frozen=True)
class StyleSpec:
    """A style: categories on ``field`` (an attribute or an expression), or one look for every feature.

    Attributes:
        name: File stem in ``resources/styles``.
        title: What it styles (comment in the .qml's layer name).
        key_field: The attribute the classification and labels read; :func:`apply_style`
            substitutes another name for it (a planned-code field, a mapped DLBM).
        expression: Classification expression (default: the key field itself).
        categories: The categories; empty for a single-symbol style.
        other: Look of values outside the table (None: no catch-all).
        single: Look of a single-symbol style.
        labels: Labels, or None.
    """

    name: str
    title: str
    key_field: str | None = None
    expression: str | None = None
    categories: tuple = ()
    other: Category | None = None
    single: Look | None = None
    labels: Labels | None = None

    @property
    def classification(self) -> str | None:
        """The expression (or field) the categories are matched against."""
        return self.expression or self.key_field

    @property
    def path(self) -> Path:
        """The .qml file."""
        return STYLE_DIR / f"{self.name}.qml"


def landuse_colours() -> dict:
    """三调 code → ``#rrggbb`` from the shipped colour table."""
    with open(COLOURS, encoding="utf-8", newline="") as handle:
        return {row["code"]: "#{:02x}{:02x}{:02x}".format(int(row["r"]), int(row["g"]), int(row["b"]))
                for row in csv.DictReader(handle)}


def _landuse_categories() -> tuple:
    table = codes_mod.default_table()
    colours = landuse_colours()
    return tuple(
        Category(code, f"{code} {table.name(code)}", Look(fill=colours.get(code, "#cccccc"), outline="#8c8c8c",
                                                          outline_width=0.05))
        for code in sorted(table.order, key=table.sort_key)
    )


def _categorised(pairs, outline_width: float = 0.25, alpha: str = "") -> tuple:
    """Categories from ``(value, label, fill, outline)`` rows."""
    return tuple(Category(value, label, Look(fill=fill + alpha if fill else None, outline=outline,
                                             outline_width=outline_width))
                 for value, label, fill, outline in pairs)


OTHER_GREY = Category("", "其他", Look(fill="#d9d9d9", outline="#969696", outline_width=0.1))

_RULE_COLOURS = {
    "ADDED_CULTIVATED": "#d7301f", "PBF_ADDED": "#fc8d59", "QUALITY": "#fdbb84", "BALANCE_AREA": "#ef6548",
    "BALANCE_QUALITY": "#f16913",
    "CONSTRUCTION": "#b30000", "LINKAGE": "#7f0000", "PERIOD": "#969696", "TOWNSHIP": "#6a51a3",
    "NO_BUILD_IN_RED_LINE": "#e7298a", "NO_BUILD_ON_PBF": "#980043",
    "NEW_CULTIVATED_NOT_IN_RED_LINE": "#7570b3", "NEW_CULTIVATED_NOT_STEEP": "#8c510a",
    "NEW_CULTIVATED_GRADE": "#dfc27d", "PBF_ADJUST_SHARE": "#fdd49e", "PBF_IN_SLOPE": "#bf812d",
}
_POTENTIAL_COLOURS = {"restorable": "#fdae61", "development": "#fee08b", "reclamation": "#d73027", "mine": "#8c510a",
                      "tiankan": "#abd9e9", "high_standard": "#66bd63"}
_SOURCE_COLOURS = {"construction": "#b2182b", "restorable": "#f46d43", "garden_forest_grass": "#a6d96a",
                   "pond": "#4393c3", "unused": "#fee090", "other_agricultural": "#c2a5cf"}
_SUBPROJECT_COLOURS = {"农用地整理": "#b8e186", "高标准农田建设": "#4dac26", "耕地提质改造": "#fdb863",
                       "建设用地复垦": "#b35806", "拆旧": "#b35806", "建新": "#d7191c", "安置": "#f1a340",
                       "建新安置": "#d7191c", "生态修复": "#1b7837", "公共空间治理": "#2c7bb6"}
_BLOCK_COLOURS = {"千亩方": "#006d2c", "五百亩方": "#31a354", "百亩方": "#a1d99b", "": "#e5f5e0"}


def _rule_colour(rule: str) -> str:
    """A rule's colour; a rule added later than this table gets a stable one from its name."""
    if rule in _RULE_COLOURS:
        return _RULE_COLOURS[rule]
    palette = ("#c51b7d", "#8c6bb1", "#225ea8", "#e6550d", "#31a354", "#636363")
    return palette[sum(map(ord, rule)) % len(palette)]


def _darker(colour: str, factor: float = 0.6) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"#{int(r * factor):02x}{int(g * factor):02x}{int(b * factor):02x}"


def _specs() -> dict:
    rule_names = {rule: value[0] for rule, value in compliance.RULES.items()}
    rule_names.update(CONFLICT_RULES)
    specs = [
        StyleSpec("dltb", "地类图斑（三调色）", key_field="DLBM", expression=BASE_CODE_EXPRESSION,
                  categories=_landuse_categories(),
                  other=Category("", "未知地类", Look(fill="#d9d9d9", outline="#8c8c8c", outline_width=0.05)),
                  labels=Labels('"DLBM"', size=6.5, colour="#1a1a1a")),
        StyleSpec("xmq", "项目区界线", single=Look(outline="#e60000", outline_width=0.6, halo=("#ff000055", 2.2))),
        StyleSpec("villages", "村界", single=Look(outline="#505050", outline_width=0.35, outline_style="dash dot"),
                  labels=Labels('"ZLDWMC"', size=10.0, colour="#303030", buffer=0.8, max_scale=None, bold=True)),
        StyleSpec("stbhhx", "生态保护红线",
                  single=Look(outline="#1a9641", outline_width=0.5, hatch=Hatch(45.0, 3.0, 0.25, "#1a9641"))),
        StyleSpec("czkfbj", "城镇开发边界", single=Look(outline="#a020a0", outline_width=0.6, outline_style="dash")),
        StyleSpec("yjjbnttb", "永久基本农田（整治前）",
                  single=Look(outline="#d99a00", outline_width=0.15, hatch=Hatch(45.0, 2.5, 0.18, "#d99a00")),
                  labels=Labels('"BSM"')),
        StyleSpec("yjjbnttb_gh", "永久基本农田（整治后）",
                  single=Look(outline="#b87800", outline_width=0.15, hatch=Hatch(135.0, 2.5, 0.18, "#b87800")),
                  labels=Labels('"BSM"')),
        StyleSpec("pbf_out", "永久基本农田调出",
                  single=Look(fill="#e31a1cd0", outline="#a50f15", outline_width=0.25), labels=Labels('"BSM"')),
        StyleSpec("pbf_in", "永久基本农田调入",
                  single=Look(fill="#2b8cbed0", outline="#08519c", outline_width=0.25), labels=Labels('"BSM"')),
        StyleSpec("blocks", "耕地集中连片块", key_field="SIZE_CLASS",
                  categories=tuple(Category(value, label, Look(fill=_BLOCK_COLOURS[value] + "e0", outline="#00441b",
                                                               outline_width=0.3))
                                   for value, label in SIZE_CLASSES),
                  labels=Labels("CASE WHEN \"SIZE_CLASS\" <> '' OR @map_scale <= 5000 THEN "
                                "regexp_replace(format_number(\"AREA_MU\", 2), ',', '') || '亩' END",
                                size=7.5, colour="#00230e", buffer=0.7, max_scale=None)),
        StyleSpec("compliance_parcels", "核验不通过与约束冲突图斑", key_field="RULE",
                  categories=_categorised([(rule, name, _rule_colour(rule), _darker(_rule_colour(rule)))
                                           for rule, name in rule_names.items()], alpha="d0"),
                  other=OTHER_GREY, labels=Labels('"BSM"')),
        StyleSpec("potential", "潜力图斑", key_field="POTENTIAL_TYPE",
                  categories=_categorised([(key, name, _POTENTIAL_COLOURS[key], _darker(_POTENTIAL_COLOURS[key]))
                                           for key, name in potential.TYPES.items()], alpha="d0"),
                  other=OTHER_GREY, labels=Labels('"BSM"')),
        StyleSpec("new_cultivated", "新增耕地（按来源）", key_field="SOURCE",
                  categories=_categorised([(key, name, _SOURCE_COLOURS[key], _darker(_SOURCE_COLOURS[key]))
                                           for key, name in GAIN_SOURCES]),
                  other=OTHER_GREY, labels=Labels('"DLBM"')),
        StyleSpec("linkage", "增减挂钩拆旧建新", key_field="KIND",
                  categories=(Category("reclaimed", LINKAGE_KINDS["reclaimed"],
                                       Look(fill="#f4a460", outline="#8c510a", outline_width=0.3,
                                            hatch=Hatch(45.0, 1.2, 0.15, "#8c510a"))),
                              Category("new_build", LINKAGE_KINDS["new_build"],
                                       Look(fill="#e31a1c", outline="#67000d", outline_width=0.3))),
                  other=OTHER_GREY, labels=Labels('"DLBM_AFTER"')),
        StyleSpec("zxm", "子项目（按类型）", key_field="XMLX",
                  categories=_categorised([(kind, kind, _SUBPROJECT_COLOURS[kind], _darker(_SUBPROJECT_COLOURS[kind]))
                                           for kind in SUBPROJECT_TYPES], outline_width=0.4, alpha="b0"),
                  other=OTHER_GREY, labels=Labels('"XMMC"', size=7.0)),
        # Implementation progress (landconsolidation:progress): planned changes by state, unplanned changes.
        StyleSpec("progress", "实施进度与偏差", key_field="STATE",
                  categories=(Category("已实施", "已实施的规划变化", Look(fill="#1a9850c0", outline="#00441b",
                                                                        outline_width=0.3)),
                              Category("未实施", "未实施（未到期）", Look(fill="#fee08bc0", outline="#b8860b",
                                                                       outline_width=0.3, outline_style="dash")),
                              Category("滞后", "滞后（到期未实施）", Look(fill="#f46d43c0", outline="#a50026",
                                                                       outline_width=0.4,
                                                                       hatch=Hatch(45.0, 1.5, 0.2, "#a50026"))),
                              Category("计划外变化", "计划外变化", Look(fill="#984ea3d0", outline="#3f007d",
                                                                     outline_width=0.5))),
                  other=OTHER_GREY, labels=Labels('"BASELINE_BSM"')),
    ]
    return {spec.name: spec for spec in specs}


#: Style name → spec.
STYLES: dict = _specs()
#: Project GeoPackage layer → style (core/project.py's layout).
PROJECT_LAYER_STYLES = {"XMQ": "xmq", "DLTB": "dltb", "DLTB_GH": "dltb", "YJJBNTTB": "yjjbnttb",
                        "YJJBNTTB_GH": "yjjbnttb_gh", "ZXM": "zxm", "STBHHX": "stbhhx", "CZKFBJ": "czkfbj"}


@dataclass
class Applied:
    """What :func:`apply_style` did, for tests and logs."""

    style: str
    key_field: str | None = None
    added: list = field(default_factory=list)


def apply_style(layer, name: str, *, key_field: str | None = None, fade: float = 0.0, labels: bool = True) -> Applied:
    """Load a style from ``resources/styles`` onto a vector layer.

    Args:
        layer: The QgsVectorLayer.
        name: A key of :data:`STYLES`.
        key_field: The layer's field for the style's key field (e.g. a
            mapped DLBM, or a planned-code field); default: the style's own.
        fade: 0–1, how far the fills are lightened towards white (a pale
            base map under a thematic layer; 0 = as designed).
        labels: False to switch the labels off.

    Returns:
        What was applied; values found on the layer that the style's table
        does not have get a category of their own (grey, labelled with the
        value) for styles classifying a plain field.

    Raises:
        OSError: the .qml file is missing (a broken installation).
    """
    from qgis.core import QgsCategorizedSymbolRenderer, QgsMapLayer

    spec = STYLES[name]
    if not spec.path.exists():
        raise OSError(f"style file missing: {spec.path}")
    message, ok = layer.loadNamedStyle(str(spec.path), QgsMapLayer.StyleCategory.AllStyleCategories)
    if not ok:
        raise OSError(f"cannot load style {spec.path}: {message}")
    applied = Applied(name, spec.key_field)
    renderer = layer.renderer()
    if key_field and spec.key_field and key_field != spec.key_field:
        applied.key_field = key_field
        if isinstance(renderer, QgsCategorizedSymbolRenderer):
            renderer.setClassAttribute(_swap_field(renderer.classAttribute(), spec.key_field, key_field))
        _swap_label_field(layer, spec.key_field, key_field)
    if isinstance(renderer, QgsCategorizedSymbolRenderer) and spec.expression is None and spec.key_field:
        applied.added = _add_missing_categories(layer, renderer, spec)
    _use_installed_font(layer)
    if fade > 0:
        fade_layer(layer, fade)
    if not labels:
        layer.setLabelsEnabled(False)
    layer.triggerRepaint()
    return applied


def _swap_field(expression: str, old: str, new: str) -> str:
    quoted = '"' + new.replace('"', '""') + '"'
    if expression == old:
        return new
    return expression.replace(f'"{old}"', quoted)


def _swap_label_field(layer, old: str, new: str) -> None:
    labeling = layer.labeling()
    if labeling is None or not hasattr(labeling, "settings"):
        return
    settings = labeling.settings()
    settings.fieldName = _swap_field(settings.fieldName, old, new)
    labeling.setSettings(settings)


def _add_missing_categories(layer, renderer, spec: StyleSpec) -> list:
    """A grey category, labelled with the value, for each value on the layer that the table lacks."""
    from qgis.core import QgsRendererCategory

    index = layer.fields().lookupField(renderer.classAttribute())
    if index < 0:
        return []
    known = {str(c.value()) for c in renderer.categories() if c.value() not in (None, "")} | \
        {c.value for c in spec.categories}
    added = []
    for value in sorted(str(v) for v in layer.uniqueValues(index) if v is not None and str(v) != "NULL"):
        if value in known or value == "":
            continue
        template = next((c for c in renderer.categories() if c.value() in (None, "")), None) or renderer.categories()[0]
        renderer.addCategory(QgsRendererCategory(value, template.symbol().clone(), value))
        added.append(value)
    return added


def _use_installed_font(layer) -> None:
    """Labels in the .qml's font when installed, else in the CJK font found on this machine."""
    from qgis.PyQt.QtGui import QFontDatabase

    labeling = layer.labeling()
    if labeling is None or not hasattr(labeling, "settings"):
        return
    settings = labeling.settings()
    text = settings.format()
    family = text.font().family()
    if family in QFontDatabase().families() or not cjk_family():
        return
    font = text.font()
    font.setFamily(cjk_family())
    text.setFont(font)
    settings.setFormat(text)
    labeling.setSettings(settings)


def fade_layer(layer, amount: float) -> None:
    """Lighten every fill and outline of the layer's symbols towards white by ``amount`` (0–1); labels off.

    A pale copy of the land use under a thematic layer stays a vector
    drawing in the PDF (layer opacity would make QGIS rasterise it).
    """
    from qgis.core import QgsCategorizedSymbolRenderer

    def lighten(colour):
        colour.setRed(int(colour.red() + (255 - colour.red()) * amount))
        colour.setGreen(int(colour.green() + (255 - colour.green()) * amount))
        colour.setBlue(int(colour.blue() + (255 - colour.blue()) * amount))
        return colour

    def fade_symbol(symbol):
        for i in range(symbol.symbolLayerCount()):
            symbol_layer = symbol.symbolLayer(i)
            if hasattr(symbol_layer, "fillColor"):
                symbol_layer.setFillColor(lighten(symbol_layer.fillColor()))
            if hasattr(symbol_layer, "strokeColor"):
                symbol_layer.setStrokeColor(lighten(symbol_layer.strokeColor()))

    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            symbol = category.symbol().clone()
            fade_symbol(symbol)
            renderer.updateCategorySymbol(index, symbol)
    else:
        for symbol in renderer.symbols(_render_context()):
            fade_symbol(symbol)
    layer.setLabelsEnabled(False)


def _render_context():
    from qgis.core import QgsRenderContext

    return QgsRenderContext()


def relabel_categories(layer, labels: dict) -> None:
    """Set the legend label of categories by value (e.g. with counts and areas)."""
    from qgis.core import QgsCategorizedSymbolRenderer

    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return
    for index, category in enumerate(renderer.categories()):
        value = "" if category.value() is None else str(category.value())
        if value in labels:
            renderer.updateCategoryLabel(index, labels[value])


def drop_empty_categories(layer, present) -> None:
    """Remove the categories whose value is not in ``present`` (a legend of what the map shows)."""
    from qgis.core import QgsCategorizedSymbolRenderer

    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return
    present = {str(v) for v in present}
    for index in reversed(range(len(renderer.categories()))):
        value = renderer.categories()[index].value()
        if value is None or str(value) not in present:
            renderer.deleteCategory(index)
