"""Table 9, 子项目清单: sub-projects grouped by type, with investment and funding."""
from __future__ import annotations

import math

import pandas as pd

from ...errors import LandConsolidationError
from ...values import texts, to_int_or_none, to_number
from ..inputs import Inputs
from ..model import MONEY_DECIMALS, Block, Column, Row, Sheet, area_columns, unit_line
from ..rounding import round_levels

TITLE = "子项目清单"
CHINESE_NUMBERS = "一二三四五六七八九十"
#: Sub-project types in the order of DOMAIN.md §2.2; others follow alphabetically.
SUBPROJECT_TYPES = ("农用地整理", "高标准农田建设", "耕地提质改造", "建设用地复垦", "拆旧", "建新", "安置",
                    "生态修复", "公共空间治理")


def _type_order(kind: str) -> tuple:
    for i, known in enumerate(SUBPROJECT_TYPES):
        if kind and known in kind:
            return (0, i, kind)
    return (1, 0, kind or "")


def _money(value) -> float:
    """An investment (万元); text that is not a number shows as empty."""
    try:
        return to_number(value)
    except LandConsolidationError:
        return float("nan")


def subproject_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The sub-project frame ready for the tables: texts, year, investment (万元, NaN if not a number), type order."""
    out = frame.copy()
    for column in ("code", "name", "type", "funding", "unit"):
        out[column] = texts(out[column])
    out["year"] = pd.Series([to_int_or_none(v) for v in out["year"]], index=out.index, dtype=object)
    out["year_text"] = ["" if y is None else str(y) for y in out["year"]]
    out["_y"] = [99999 if y is None else y for y in out["year"]]
    out["investment"] = [_money(v) for v in out["investment"]]
    out["_order"] = [_type_order(t) for t in out["type"]]
    return out


def subprojects_sheet(frame: pd.DataFrame, units, project: str = "", number: int = 9) -> Sheet:
    """子项目清单: sub-projects grouped by type, with 小计 per type and a 合计.

    Args:
        frame: :func:`~core.subprojects.read_subprojects` ``.frame`` plus
            ``area_m2`` (ellipsoidal area of each sub-project).
        units: Area units.
        project: Project name.
        number: Table number.
    """
    data = subproject_frame(frame)
    data = data.sort_values(["_order", "_y", "code"], kind="stable")
    types = list(dict.fromkeys(data["type"]))
    columns = [Column(("序号",), "serial", 0, 5), Column(("子项目编号",), "code", width=15),
               Column(("子项目名称",), "text"), Column(("项目类型",), "text")]
    columns += area_columns(("面积",), units, 11)
    columns += [Column(("投资估算\n（万元）",), "money", MONEY_DECIMALS, 11), Column(("资金来源",), "text"),
                Column(("实施年度",), "code", width=8), Column(("实施主体",), "text")]
    leaves_money = [(t, i, 0.0 if math.isnan(v) else v)
                    for t, i, v in zip(data["type"], data.index, data["investment"])]
    money = round_levels(leaves_money, MONEY_DECIMALS)
    areas = {u.key: round_levels([(t, i, a * u.per_m2) for t, i, a in zip(data["type"], data.index, data["area_m2"])],
                                 u.decimals) for u in units}
    rows = []
    serial = 0
    for n, kind in enumerate(types):
        members = data[data["type"] == kind]
        rows.append(Row(["", "", f"{CHINESE_NUMBERS[n] if n < len(CHINESE_NUMBERS) else n + 1}、{kind or '未填类型'}"
                              f"（小计，{len(members)} 个）", kind]
                        + [areas[u.key][1][kind] for u in units] + [money[1][kind], "", "", ""], "subtotal"))
        for index, rec in members.iterrows():
            serial += 1
            investment = float("nan") if math.isnan(rec["investment"]) else money[2][(kind, index)]
            rows.append(Row([serial, rec["code"], rec["name"], rec["type"]]
                            + [areas[u.key][2][(kind, index)] for u in units]
                            + [investment, rec["funding"], rec["year_text"], rec["unit"]]))
    rows.append(Row(["", "", f"合计（{len(data)} 个）", ""] + [areas[u.key][0] for u in units]
                    + [money[0], "", "", ""], "total"))
    return Sheet(
        "subprojects", f"表{number} {TITLE}", TITLE, unit_line(units) + "；投资：万元",
        [Block(columns, rows)],
        notes=["注：子项目面积为子项目范围的椭球面积（三调方法）；项目类型、名称、投资、资金来源、实施年度、实施主体"
               "取自子项目图层的属性。"],
        project=project, freeze_columns=3,
    )


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The list of the sub-project layer."""
    return [subprojects_sheet(inputs.subprojects, inputs.units, inputs.project, number)]
