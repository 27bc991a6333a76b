"""偏差清单: the changes later surveys show that the plan does not contain, part by part."""
from __future__ import annotations

import pandas as pd

from ... import codes as codes_mod
from ...values import is_null, to_text
from ..inputs import Inputs
from ..model import Block, Column, Row, Sheet, area_columns, unit_line
from ..rounding import round_levels
from ._monitoring import year_label

TITLE = "偏差清单"


def _class(code) -> str:
    code = to_text(code)
    return f"{code} {codes_mod.default_table().lookup(code).name}" if code else ""


def _flag(value) -> str:
    return "—" if is_null(value) else ("是" if int(value) else "否")


def deviations_sheet(frame: pd.DataFrame, surveys: list, units, project="", number: int = 22) -> Sheet:
    """偏差清单 from OUTPUT_DEVIATIONS of ``landconsolidation:progress``; ``surveys``: ``(year, name)`` compared."""
    columns = [Column(("序号",), "serial", 0, 5), Column(("调查年度",), "code", width=8),
               Column(("变更调查图斑标识码",), "code", width=20), Column(("基期图斑标识码",), "code", width=20),
               Column(("坐落单位代码",), "code", width=20), Column(("基期地类",), "text", width=16),
               Column(("规划地类",), "text", width=16), Column(("调查地类",), "text", width=16)]
    columns += area_columns(("面积",), units, 11)
    columns += [Column(("位于生态保护红线",), "code", width=9), Column(("占用永久基本农田",), "code", width=9)]
    data = frame.sort_values(["YEAR", "AREA_M2"], ascending=[True, False], kind="stable").reset_index(drop=True)
    shown = {u.key: round_levels([(y, i, float(a) * u.per_m2) for i, (y, a) in enumerate(zip(data["YEAR"],
                                                                                           data["AREA_M2"]))],
                                 u.decimals) for u in units}
    rows = []
    for i, rec in data.iterrows():
        rows.append(Row([i + 1, "" if is_null(rec["YEAR"]) else str(int(rec["YEAR"])), to_text(rec["SURVEY_BSM"]),
                         to_text(rec["BASELINE_BSM"]), to_text(rec["ZLDWDM"]), _class(rec["BEFORE_DLBM"]),
                         _class(rec["PLANNED_DLBM"]), _class(rec["SURVEY_DLBM"])]
                        + [shown[u.key][2][(rec["YEAR"], i)] for u in units]
                        + [_flag(rec["IN_RED_LINE"]), _flag(rec["ON_PBF"])]))
    for year, _ in surveys:
        members = data[data["YEAR"] == year]
        rows.append(Row(["小计", str(int(year)) if not is_null(year) else "", f"{len(members)} 处", "", "", "", "", ""]
                        + [shown[u.key][1].get(year, 0.0) for u in units] + ["", ""], "subtotal"))
    notes = ["注：偏差指变更调查地类既不是基期地类、也不是规划地类的部分（规划没有的变化），按基础编码比较；面积为该部分占基期"
             "图斑 TBMJ 的份额。“—”表示未提供生态保护红线或永久基本农田图层。小于 1 m² 的界线碎片不计。"]
    surveyed = "、".join(year_label(y, s) for y, s in surveys)
    if not len(data):
        notes.insert(0, f"{surveyed}未发现计划外变化。")
    return Sheet("deviations", f"表{number} {TITLE}", TITLE, unit_line(units), [Block(columns, rows)], notes=notes,
                 project=project, freeze_columns=3)


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """From the progress run on the plan and the surveys."""
    monitoring = inputs.progress
    return [deviations_sheet(monitoring.deviations, monitoring.years, inputs.units, inputs.project, number)]
