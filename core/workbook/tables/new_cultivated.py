"""新增耕地图斑清单: every current parcel (part) planned as 耕地 that is not 耕地 now."""
from __future__ import annotations

from ... import indicators
from ...conflicts import new_cultivated_mask, slope_grades
from ..inputs import Inputs
from ..model import GRADE_DECIMALS, Column, Sheet
from ._parcels import ParcelRow, parcel_groups, parcel_list_sheet, text, village_names

TITLE = "新增耕地图斑清单"


def new_cultivated_rows(pieces) -> list[ParcelRow]:
    """One row per current parcel × planned code × source: gross area, 新增耕地 (TBDLMJ after), 等别, 坡度级别."""
    gained = new_cultivated_mask(pieces)
    source = indicators.source_of(pieces)
    names = dict(indicators.SOURCES)
    grades = slope_grades(pieces)
    groups = parcel_groups(pieces, gained, by=source)
    rows = []
    for (_, after, kind), members in groups.items():
        first = members[0]
        net = pieces["tbdlmj_a"].to_numpy()[members]
        quality = indicators.weighted_mean(pieces["gddb_a"].to_numpy()[members], net)
        slope = indicators.weighted_mean(grades[members], net)
        rows.append(ParcelRow(
            text(pieces["bsm_b"].iat[first]), text(pieces["village"].iat[first]), str(pieces["base_b"].iat[first]),
            str(after), [float(pieces["gross"].to_numpy()[members].sum()), float(net.sum())],
            [names.get(kind, ""), quality, slope]))
    return rows


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The 新增耕地 parcels of the plan."""
    extra = [Column(("新增来源",), "text", width=16), Column(("耕地等别",), "grade", GRADE_DECIMALS, 8),
             Column(("坡度级别",), "grade", GRADE_DECIMALS, 8)]
    return [parcel_list_sheet(
        "new_cultivated", TITLE, number, new_cultivated_rows(inputs.pieces), inputs.units, inputs.project,
        [("图斑面积",), ("新增耕地面积",)], extra, village_names(inputs.parcels),
        ["注：每行为一个现状图斑中规划为同一耕地地类的部分。图斑面积为该部分占现状图斑面积（TBMJ）的份额；新增耕地面积按规划"
         "地类面积（扣除田坎，TBDLMJ）计，各行之和等于新增耕地来源表中各来源（不含耕地内部调整、耕地减少）之和。耕地等别为规划"
         "等别、坡度级别为规划（无则现状）耕地坡度级别，空白表示未给出。"])]
