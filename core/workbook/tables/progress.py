"""年度实施进度表: each sub-project's planned class changes and what every later survey shows done."""
from __future__ import annotations

import pandas as pd

from ...values import is_null
from ..inputs import Inputs
from ..model import Block, Cell, Column, Row, Sheet, area_columns, unit_line
from ..rounding import round_levels
from ._monitoring import percent, year_label

TITLE = "年度实施进度表"


def progress_sheet(frame: pd.DataFrame, units, project="", number: int = 20) -> Sheet:
    """年度实施进度表 from the OUTPUT of ``landconsolidation:progress`` (one row per sub-project and survey).

    Rows: the sub-projects by year (SSND) and code, then the changes outside
    every sub-project, then 合计; per survey: the area shown done, the
    percentage and the state (滞后 = due by the survey's year and not done).
    """
    surveys = list(dict.fromkeys(zip(frame["YEAR"], frame["SURVEY"])))
    first = frame[(frame["YEAR"] == surveys[0][0]) & (frame["SURVEY"] == surveys[0][1])]
    order = first.assign(_y=[9999 if is_null(y) else int(y) for y in first["PLAN_YEAR"]],
                         _outside=first["SUBPROJECT"] == "（子项目之外）")
    order = order.sort_values(["_outside", "_y", "SUBPROJECT"], kind="stable")
    keys = list(order["SUBPROJECT"])
    columns = [Column(("序号",), "serial", 0, 5), Column(("子项目编号",), "code", width=15),
               Column(("子项目名称",), "text", width=32), Column(("项目类型",), "text", width=12),
               Column(("实施年度",), "code", width=8)]
    columns += area_columns(("规划地类变化面积",), units, 12)
    for year, survey in surveys:
        head = year_label(year, survey)
        columns += area_columns((head, "已实施面积"), units, 12)
        columns += [Column((head, "完成比例（%）"), "percent", 2, 9), Column((head, "实施状态"), "code", width=9)]
    columns.append(Column(("尚未实施图斑数",), "int", 0, 9))
    planned = {u.key: round_levels([(0, k, float(v) * u.per_m2) for k, v in zip(order["SUBPROJECT"],
                                                                                   order["PLANNED_M2"])], u.decimals)
               for u in units}
    done = {}
    for year, survey in surveys:
        this = frame[(frame["YEAR"] == year) & (frame["SURVEY"] == survey)].set_index("SUBPROJECT")
        done[(year, survey)] = (this, {u.key: round_levels([(0, k, float(this.loc[k, "REALISED_M2"]) * u.per_m2
                                                             if k in this.index else 0.0) for k in keys], u.decimals)
                                       for u in units})
    rows = []
    for i, (_, rec) in enumerate(order.iterrows()):
        key = rec["SUBPROJECT"]
        outside = key == "（子项目之外）"
        values = [i + 1, "" if outside else key, rec["NAME"], rec["TYPE"],
                  "" if is_null(rec["PLAN_YEAR"]) else str(int(rec["PLAN_YEAR"]))]
        values += [planned[u.key][2][(0, key)] for u in units]
        for year, survey in surveys:
            this, shown = done[(year, survey)]
            values += [shown[u.key][2][(0, key)] for u in units]
            have = key in this.index
            values += [percent(this.loc[key, "PERCENT"] if have else None), this.loc[key, "STATUS"] if have else ""]
        last = done[surveys[-1]][0]
        values.append(int(last.loc[key, "TODO_COUNT"]) if key in last.index else 0)
        rows.append(Row(values))
    subprojects = sum(1 for k in keys if k != "（子项目之外）")
    what = f"{subprojects} 个子项目" + ("及子项目之外的变化" if subprojects < len(keys) else "")
    total = ["合计", "", what, "", ""] + [planned[u.key][0] for u in units]
    total_planned = float(order["PLANNED_M2"].sum())
    for year, survey in surveys:
        this, shown = done[(year, survey)]
        realised = float(this["REALISED_M2"].sum())
        total += [shown[u.key][0] for u in units]
        total += [Cell(100.0 * realised / total_planned if total_planned > 0 else None, "percent", 2), ""]
    total.append(int(done[surveys[-1]][0]["TODO_COUNT"].sum()))
    rows.append(Row(total, "total"))
    year, survey = surveys[-1]
    late = done[surveys[-1]][0]
    late_list = [f"{k}（{late.loc[k, 'NAME']}）" for k in keys if k in late.index and late.loc[k, "STATUS"] == "滞后"]
    notes = ["注：规划地类变化面积为规划中地类（按基础编码）发生变化的图斑面积（按基期 TBMJ 份额计的毛面积）；已实施面积为"
             "变更调查显示为规划地类的部分。界线重新数字化产生的小于 1 m² 的碎片不计。",
             "实施状态：已完成；滞后 = 已到子项目实施年度（SSND）的变更调查仍未完成；实施中；未开始；"
             "无地类变化 = 子项目不改变地类（如耕地提质改造），其进度不能由变更调查的地类反映。"
             "不属于任何子项目的规划变化按实施期最后一年考核。",
             f"{year_label(year, survey)}滞后的子项目：{'、'.join(late_list) if late_list else '无'}。"]
    return Sheet("progress", f"表{number} {TITLE}", TITLE, unit_line(units), [Block(columns, rows)], notes=notes,
                 project=project, freeze_columns=3, paper="A3" if len(surveys) > 1 else "A4")


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """From the progress run on the plan and the surveys."""
    return [progress_sheet(inputs.progress.progress, inputs.units, inputs.project, number)]
