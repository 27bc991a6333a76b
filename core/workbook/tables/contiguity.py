"""Table 7, 耕地集中连片统计表: the numbers of ``landconsolidation:contiguity`` before and after."""
from __future__ import annotations

from ...values import is_null
from ..inputs import Inputs
from ..model import PERCENT_DECIMALS, Block, Cell, Column, Row, Sheet, unit_line
from ..rounding import shown, tidy

TITLE = "耕地集中连片统计表"
#: (output key, label, kind) of landconsolidation:contiguity's numbers.
CONTIGUITY_ROWS = (
    ("CLASS_AREA_M2", "耕地面积", "area"),
    ("BLOCK_COUNT", "耕地连片地块数", "count"),
    ("BLOCKS_100MU", "百亩方（≥100 亩）个数", "count"),
    ("BLOCKS_500MU", "五百亩方（≥500 亩）个数", "count"),
    ("BLOCKS_1000MU", "千亩方（≥1000 亩）个数", "count"),
    ("LARGEST_BLOCK_M2", "最大连片面积", "area"),
    ("MEAN_BLOCK_M2", "平均连片面积", "area"),
    ("SHARE_IN_100MU", "百亩方以上连片耕地占比", "percent"),
    ("BLOCK_LPI", "最大连片占比（连片 LPI）", "percent"),
    ("PARCEL_COUNT", "耕地图斑数", "count"),
    ("MEAN_PARCEL_M2", "平均图斑面积", "area"),
    ("SMALL_PARCEL_SHARE", "5 亩以下图斑占比（按个数）", "percent"),
    ("PATCH_DENSITY", "图斑密度（个/100 公顷）", "number"),
    ("LPI", "最大图斑指数 LPI", "percent"),
    ("MESH_M2", "有效网格面积 MESH", "area"),
    ("MEAN_SHAPE_INDEX", "平均形状指数", "number"),
)


def contiguity_sheet(before: dict, after: dict | None, units, project: str = "", number: int = 7) -> Sheet:
    """耕地集中连片统计表: the numbers of ``landconsolidation:contiguity`` before and after.

    Args:
        before: Its number outputs on the current DLTB.
        after: The same on the planned state, or None.
        units: Area units (an area row per unit).
        project: Project name.
        number: Table number.
    """
    columns = [Column(("指标",), "text", width=26), Column(("单位",), "code", width=8),
               Column(("整治前",), "number", width=13), Column(("整治后",), "number", width=13),
               Column(("变化",), "number", width=13)]
    rows = []

    def value(source, key):
        if source is None or source.get(key) is None:
            return float("nan")
        return float(source[key])

    for key, text, kind in CONTIGUITY_ROWS:
        b, a = value(before, key), value(after, key)
        if kind == "count":
            cells = [None if is_null(v) else int(v) for v in (b, a)]
            change = None if None in cells else cells[1] - cells[0]
            rows.append(Row([text, "个"] + [Cell(v, "int", 0) for v in cells + [change]]))
        elif kind in ("percent", "number"):
            cells = [shown(v, PERCENT_DECIMALS) for v in (b, a)]
            change = float("nan") if any(is_null(v) for v in cells) else tidy(cells[1] - cells[0], PERCENT_DECIMALS)
            rows.append(Row([text, "%" if kind == "percent" else ""]
                            + [Cell(v, kind, PERCENT_DECIMALS) for v in cells + [change]]))
        else:
            for u in units:
                cells = [shown(v * u.per_m2, u.decimals) for v in (b, a)]
                change = float("nan") if any(is_null(v) for v in cells) else tidy(cells[1] - cells[0], u.decimals)
                rows.append(Row([text, u.label] + [Cell(v, "area", u.decimals) for v in cells + [change]]))
    return Sheet(
        "contiguity", f"表{number} {TITLE}", TITLE, unit_line(units), [Block(columns, rows)],
        notes=["注：相邻耕地图斑之间仅隔农村道路、沟渠、田坎等窄线状地物（宽度不超过设定值，默认 8 米）时"
               "视为同一连片地块；"
               "连片面积按图斑地类面积计。破碎度按图斑计：最大图斑指数 = 最大图斑面积 / 耕地面积 × 100，"
               "有效网格面积 = 各图斑面积平方和 / 分析范围总面积，形状指数 = 周长 / (2√(π·面积)) 的平均值。"],
        project=project, freeze_columns=1,
    )


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The table of the contiguity runs (整治后 empty without a plan)."""
    before, after = inputs.contiguity
    return [contiguity_sheet(before, after, inputs.units, inputs.project, number)]
