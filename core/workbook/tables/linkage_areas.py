"""增减挂钩项目区平衡表: 拆旧复垦, 建新 and 节余 per 项目区, and whether its 耕地 is not reduced and not poorer.

A 项目区 is the set of sub-projects sharing a 项目区 id (XMQBH, GLXMQBH,
GLXMQ, XMQDM, PROJECT_AREA_ID or AREA_ID – :mod:`core.subprojects`); without
such a field, or without sub-projects, the whole project is one row.  Each
row has three verdicts: 建新 ≤ 拆旧复垦 (节余 ≥ 0); 耕地 not reduced (耕地
the 拆旧 land is planned as ≥ 耕地 the 建新 land is now); 耕地 not poorer (the
等别 of the first not larger than that of the second; 不涉及 when 建新 takes
no 耕地, 不符合 when it takes 耕地 and none is reclaimed, 未核验 while either
lacks 等别).
"""
from __future__ import annotations

import math

import pandas as pd

from ...indicators import UNGRADED_TOLERANCE_M2
from ..inputs import Inputs
from ..model import GRADE_DECIMALS, Block, Cell, Column, Row, Sheet, area_columns, unit_line
from ..rounding import shown, split, tidy

TITLE = "增减挂钩项目区平衡表"
AREA_KEYS = ("RECLAIMED_M2", "RECLAIMED_TO_CULTIVATED_M2", "NEW_BUILD_M2", "CULTIVATED_GAINED_M2",
             "CULTIVATED_TAKEN_M2")


def verdicts(rec) -> tuple[str, str, str]:
    """(节余, 耕地数量, 耕地质量) verdicts of one 项目区 row."""
    surplus = "符合" if rec["NEW_BUILD_M2"] <= rec["RECLAIMED_M2"] + 1e-6 else "不符合"
    amount = "符合" if rec["CULTIVATED_GAINED_M2"] >= rec["CULTIVATED_TAKEN_M2"] - 1e-6 else "不符合"
    if rec["CULTIVATED_TAKEN_M2"] <= UNGRADED_TOLERANCE_M2:
        quality = "不涉及"
    elif rec["CULTIVATED_GAINED_M2"] <= UNGRADED_TOLERANCE_M2:
        quality = "不符合"  # 耕地 is taken and none is reclaimed to replace it
    elif rec["GAINED_UNGRADED_M2"] > UNGRADED_TOLERANCE_M2 or rec["TAKEN_UNGRADED_M2"] > UNGRADED_TOLERANCE_M2 \
            or math.isnan(rec["GAINED_QUALITY"]) or math.isnan(rec["TAKEN_QUALITY"]):
        quality = "未核验"
    else:
        quality = "符合" if rec["GAINED_QUALITY"] <= rec["TAKEN_QUALITY"] + 1e-9 else "不符合"
    return surplus, amount, quality


def linkage_areas_sheet(frame: pd.DataFrame, id_field: str | None, units, project, number: int) -> Sheet:
    """增减挂钩项目区平衡表 from :func:`core.subprojects.linkage_by_area`."""
    columns = [Column(("序号",), "serial", 0, 5), Column(("项目区",), "code", width=16),
               Column(("子项目编号",), "text", width=30)]
    for header in (("拆旧复垦面积", "小计"), ("拆旧复垦面积", "其中：复垦为耕地"), ("建新面积",), ("节余面积",),
                   ("耕地数量", "拆旧复垦增加耕地"), ("耕地数量", "建新占用耕地")):
        columns += area_columns(header, units)
    columns += [Column(("耕地质量等别", "复垦耕地"), "grade", GRADE_DECIMALS, 10),
                Column(("耕地质量等别", "建新占用\n耕地"), "grade", GRADE_DECIMALS, 10),
                Column(("核验结果", "建新不超过\n拆旧复垦"), "code", width=11),
                Column(("核验结果", "耕地数量\n不减少"), "code", width=11),
                Column(("核验结果", "耕地质量\n不降低"), "code", width=11)]
    records = frame.to_dict("records")
    shown_cols = {}
    for key in AREA_KEYS:
        exact = [float(r[key]) for r in records]
        for u in units:
            total = shown(sum(exact) * u.per_m2, u.decimals)
            shown_cols[(key, u.key)] = (total, split([v * u.per_m2 for v in exact], u.decimals, total) if exact else [])
    body = []
    for i, rec in enumerate(records):
        cells = [i + 1, rec["AREA_ID"], rec["SUBPROJECTS"]]
        for key in AREA_KEYS[:3]:
            cells += [shown_cols[(key, u.key)][1][i] for u in units]
        cells += [tidy(shown_cols[("RECLAIMED_M2", u.key)][1][i] - shown_cols[("NEW_BUILD_M2", u.key)][1][i],
                       u.decimals) for u in units]
        for key in AREA_KEYS[3:]:
            cells += [shown_cols[(key, u.key)][1][i] for u in units]
        cells += [Cell(float(rec[key]), "grade", GRADE_DECIMALS)
                  for key in ("GAINED_QUALITY", "TAKEN_QUALITY")]
        cells += list(verdicts(rec))
        body.append(Row(cells, "total" if "不符合" in cells[-3:] else ""))
    total = ["", "合计", ""]
    for key in AREA_KEYS[:3]:
        total += [shown_cols[(key, u.key)][0] for u in units]
    total += [tidy(shown_cols[("RECLAIMED_M2", u.key)][0] - shown_cols[("NEW_BUILD_M2", u.key)][0], u.decimals)
              for u in units]
    for key in AREA_KEYS[3:]:
        total += [shown_cols[(key, u.key)][0] for u in units]
    total += ["", "", "", "", ""]
    body.append(Row(total, "subtotal"))
    source = f"项目区取自子项目图层的 {id_field} 字段（拆旧区与建新区同一编号）" if id_field else \
        "子项目图层没有项目区编号字段（XMQBH、GLXMQBH、GLXMQ、XMQDM、PROJECT_AREA_ID、AREA_ID），全项目区作为一个项目区"
    return Sheet(
        "linkage_areas", f"表{number} {TITLE}", TITLE, unit_line(units), [Block(columns, body)],
        notes=[f"注：{source}；拆旧复垦、建新按图斑面积（TBMJ）中位于项目区子项目范围内的部分计，节余 = 拆旧复垦 − 建新。"
               "耕地数量：拆旧复垦规划为耕地的面积（扣除田坎）不少于建新占用的现状耕地面积；耕地质量：复垦耕地的平均等别"
               "不大于建新占用耕地的平均等别（等别数值大表示质量差），建新未占用耕地时为“不涉及”，缺少等别时为“未核验”。"],
        project=project, freeze_columns=3,
    )


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The plan's 增减挂钩 per 项目区 of the sub-project layer (the whole project without one)."""
    from ...subprojects import linkage_by_area  # QGIS geometry: imported here so the workbook imports without QGIS

    result = linkage_by_area(inputs.plan, inputs.subproject_layer, repair=inputs.sources.repair)
    return [linkage_areas_sheet(result.frame, result.id_field, inputs.units, inputs.project, number)]
