"""永久基本农田调出图斑清单: the 调出 pieces of the 永久基本农田 review."""
from __future__ import annotations

from ..inputs import Inputs
from ..model import Sheet
from ._parcels import parcel_list_sheet, village_names
from .pbf_in import pbf_columns, pbf_rows

TITLE = "永久基本农田调出图斑清单"


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The 调出 pieces, with the current and planned code of the ground under each."""
    frame, geometries = inputs.farmland_parcels["out"]
    return [parcel_list_sheet(
        "pbf_out", TITLE, number, pbf_rows(inputs, frame, geometries), inputs.units, inputs.project,
        [("调出面积",)], pbf_columns(), village_names(inputs.optional("parcels")),
        ["注：调出为调整前永久基本农田中不在调整后永久基本农田内的部分（按图斑切分，小于 1 m² 的碎片不计）；面积为椭球面积，"
         "合计等于永久基本农田调整表的调出面积。图斑标识码为永久基本农田图斑的标识码；现状、规划地类为该部分下面积最大的现状、"
         "规划地类（未给出规划时，现状地类取永久基本农田图斑的地类编码）。"])]
