"""永久基本农田调入图斑清单: the 调入 pieces of the 永久基本农田 review."""
from __future__ import annotations

import math

from ...values import is_null
from ..inputs import Inputs
from ..model import GRADE_DECIMALS, Column, Sheet
from ._parcels import ParcelRow, parcel_list_sheet, text, village_names

TITLE = "永久基本农田调入图斑清单"


def pbf_columns() -> list[Column]:
    """The columns of the 永农 lists beyond the shared ones."""
    return [Column(("永农图斑\n地类编码",), "code", width=9), Column(("现状地类\n类别",), "text", width=10),
            Column(("耕地等别",), "grade", GRADE_DECIMALS, 8), Column(("坡度级别",), "grade", GRADE_DECIMALS, 8)]


def _number(value) -> float:
    return float("nan") if value is None or is_null(value) else float(value)


def pbf_rows(inputs: Inputs, frame, geometries) -> list[ParcelRow]:
    """Rows of the 调出 or 调入 pieces; current and planned code from the plan's pieces under them, when there is a plan."""
    codes = None
    plan = inputs.optional("plan")
    if plan is not None and plan.geometries is not None and len(geometries):
        codes = _codes_under(inputs, plan, geometries)
    rows = []
    for k, rec in enumerate(frame.to_dict("records")):
        own = text(rec.get("DLBM"))
        before, after = codes[k] if codes is not None else (own, "")
        rows.append(ParcelRow(text(rec.get("BSM")), text(rec.get("ZLDWDM")), before or own, after,
                              [_number(rec.get("AREA_M2"))],
                              [own, text(rec.get("CLASS")), _number(rec.get("GDDB")), _number(rec.get("GDPDJB"))]))
    for row in rows:
        row.areas = [0.0 if math.isnan(a) else a for a in row.areas]
    return rows


def _codes_under(inputs: Inputs, plan, geometries) -> list:
    """The plan's codes under the 调出 and 调入 pieces, both lists overlaid with the plan once (the two tables share it)."""
    from ...plan import codes_under  # QGIS geometry: imported here so the workbook imports without QGIS

    sides = inputs.farmland_parcels
    out_geoms, in_geoms = sides["out"][1], sides["in"][1]
    if geometries is not out_geoms and geometries is not in_geoms:
        return codes_under(plan, geometries)
    cached = inputs._cache.get("pbf_codes_under")
    if cached is None:
        both = codes_under(plan, list(out_geoms) + list(in_geoms))
        cached = inputs._cache["pbf_codes_under"] = (both[:len(out_geoms)], both[len(out_geoms):])
    return cached[0] if geometries is out_geoms else cached[1]


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The 调入 pieces, with the current and planned code of the ground under each."""
    frame, geometries = inputs.farmland_parcels["in"]
    return [parcel_list_sheet(
        "pbf_in", TITLE, number, pbf_rows(inputs, frame, geometries), inputs.units, inputs.project,
        [("调入面积",)], pbf_columns(), village_names(inputs.optional("parcels")),
        ["注：调入为调整后永久基本农田中不在调整前永久基本农田内的部分（按图斑切分，小于 1 m² 的碎片不计）；面积为椭球面积，"
         "合计等于永久基本农田调整表的调入面积。现状、规划地类为该部分下面积最大的现状、规划地类；等别、坡度级别为该部分的面积"
         "加权值。"])]
