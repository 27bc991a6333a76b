"""建新地块清单: every current parcel (part) that is not 建设用地 and is planned as 建设用地 (增减挂钩 建新)."""
from __future__ import annotations

from ... import codes as codes_mod
from ... import indicators
from ..inputs import Inputs
from ..model import Column, Sheet
from ._parcels import ParcelRow, parcel_groups, parcel_list_sheet, text, village_names

TITLE = "建新地块清单"


def new_build_rows(pieces) -> list[ParcelRow]:
    """One row per current parcel × planned code: gross area, and the 耕地 it takes (TBDLMJ before)."""
    groups = parcel_groups(pieces, indicators.new_build_mask(pieces))
    rows = []
    for (_, after), members in groups.items():
        first = members[0]
        before = str(pieces["base_b"].iat[first])
        taken = float(pieces["tbdlmj_b"].to_numpy()[members].sum()) if before in codes_mod.CULTIVATED else 0.0
        rows.append(ParcelRow(
            text(pieces["bsm_b"].iat[first]), text(pieces["village"].iat[first]), before, str(after),
            [float(pieces["gross"].to_numpy()[members].sum()), taken],
            [text(pieces["czcsxm_a"].iat[first])]))
    return rows


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The 建新 parcels of the plan."""
    extra = [Column(("规划城镇村\n属性码",), "code", width=9)]
    return [parcel_list_sheet(
        "new_build", TITLE, number, new_build_rows(inputs.pieces), inputs.units, inputs.project,
        [("建新面积",), ("其中：占用耕地",)], extra, village_names(inputs.parcels),
        ["注：建新为现状非建设用地规划为建设用地的部分；面积为该部分占现状图斑面积（TBMJ）的份额，合计等于增减挂钩拆旧建新表的"
         "建新面积。占用耕地按现状耕地地类面积（扣除田坎，TBDLMJ）计。"])]
