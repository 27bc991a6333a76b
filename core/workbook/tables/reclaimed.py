"""拆旧复垦地块清单: every current 建设用地 parcel (part) planned as other land (增减挂钩 拆旧)."""
from __future__ import annotations

from ... import codes as codes_mod
from ... import indicators
from ..inputs import Inputs
from ..model import Column, Sheet
from ._parcels import ParcelRow, parcel_groups, parcel_list_sheet, text, village_names

TITLE = "拆旧复垦地块清单"


def _direction(after: str, category: str) -> str:
    if after in codes_mod.CULTIVATED:
        return "复垦为耕地"
    return "复垦为其他农用地" if category == codes_mod.AGRICULTURAL else "复垦为未利用地"


def reclaimed_rows(pieces) -> list[ParcelRow]:
    """One row per current parcel × planned code: gross area (the ledger's basis), 城镇村属性码, 复垦方向."""
    groups = parcel_groups(pieces, indicators.reclaimed_mask(pieces))
    rows = []
    for (_, after), members in groups.items():
        first = members[0]
        rows.append(ParcelRow(
            text(pieces["bsm_b"].iat[first]), text(pieces["village"].iat[first]), str(pieces["base_b"].iat[first]),
            str(after), [float(pieces["gross"].to_numpy()[members].sum())],
            [text(pieces["czcsxm_b"].iat[first]), _direction(str(after), str(pieces["cat_a"].iat[first]))]))
    return rows


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The 拆旧复垦 parcels of the plan."""
    extra = [Column(("城镇村\n属性码",), "code", width=8), Column(("复垦方向",), "text", width=16)]
    return [parcel_list_sheet(
        "reclaimed", TITLE, number, reclaimed_rows(inputs.pieces), inputs.units, inputs.project,
        [("拆旧复垦面积",)], extra, village_names(inputs.parcels),
        ["注：拆旧复垦为现状建设用地规划为非建设用地的部分；面积为该部分占现状图斑面积（TBMJ）的份额，合计等于增减挂钩"
         "拆旧建新表的拆旧复垦面积。"])]
