"""Table 8, 增减挂钩拆旧建新表: 拆旧复垦 and 建新 per sub-project, and the 建设用地 totals."""
from __future__ import annotations

import pandas as pd

from ..inputs import Inputs
from ..model import Block, Column, Row, Sheet, area_columns, unit_line
from ..rounding import shown, split, tidy

TITLE = "增减挂钩拆旧建新表"


def linkage_sheet(ledger: pd.DataFrame, construction, units, project: str = "", number: int = 8) -> Sheet:
    """增减挂钩拆旧建新表 (:func:`~core.subprojects.linkage_ledger` and :func:`~core.indicators.construction_land`).

    The sub-project rows with any 拆旧 or 建新, a 子项目范围外 row for the rest
    (so that the rows add up), and the 合计 of the whole plan.
    """
    total_rec = ledger[ledger["SUBPROJECT"] == "合计"]
    subs = ledger[ledger["SUBPROJECT"] != "合计"]
    subs = subs[(subs[["RECLAIMED_M2", "NEW_BUILD_M2"]].abs().sum(axis=1) > 0)]
    total = total_rec.iloc[0] if len(total_rec) else None
    keys = ("RECLAIMED_M2", "RECLAIMED_TO_CULTIVATED_M2", "NEW_BUILD_M2")
    exact_rows = [[float(r[k]) for k in keys] for _, r in subs.iterrows()]
    labels = [[str(r["SUBPROJECT"]), str(r["NAME"]), str(r["TYPE"])] for _, r in subs.iterrows()]
    totals = [float(total[k]) if total is not None else 0.0 for k in keys]
    if len(exact_rows):
        rest = [t - sum(r[i] for r in exact_rows) for i, t in enumerate(totals)]
        if any(abs(v) > 0.005 for v in rest):
            exact_rows.append(rest)
            labels.append(["", "子项目范围外" if min(rest) >= -0.005 else "子项目范围外（含子项目重叠扣减）", ""])
    columns = [Column(("序号",), "serial", 0, 5), Column(("子项目编号",), "code", width=15),
               Column(("子项目名称",), "text", width=30), Column(("项目类型",), "text", width=13)]
    for header in (("拆旧复垦面积", "小计"), ("拆旧复垦面积", "其中：复垦为耕地"), ("建新面积",), ("节余面积",)):
        columns += area_columns(header, units)
    per_unit = {}
    for u in units:
        d = u.decimals
        shown_totals = [shown(t * u.per_m2, d) for t in totals]
        cols = [split([r[i] * u.per_m2 for r in exact_rows], d, shown_totals[i]) if exact_rows else []
                for i in range(3)]
        per_unit[u.key] = (shown_totals, cols)
    rows = []
    for i, words in enumerate(labels):
        values = [i + 1 if words[0] else "", *words]
        cells = []
        for j in range(3):
            cells += [per_unit[u.key][1][j][i] for u in units]
        surplus = [tidy(per_unit[u.key][1][0][i] - per_unit[u.key][1][2][i], u.decimals) for u in units]
        rows.append(Row(values + cells + surplus, "" if words[0] else "subtotal"))
    cells = []
    for j in range(3):
        cells += [per_unit[u.key][0][j] for u in units]
    surplus = [tidy(per_unit[u.key][0][0] - per_unit[u.key][0][2], u.decimals) for u in units]
    rows.append(Row(["", "", "合计", ""] + cells + surplus, "total"))

    summary_columns = [Column(("项目",), "text", span=4)]
    for side in ("整治前", "整治后", "增减"):
        summary_columns += area_columns((side,), units)
    summary = []
    for text, before_m2, after_m2 in (("建设用地总面积", construction.before_m2, construction.after_m2),
                                      ("其中：农村建设用地", construction.rural_before_m2,
                                       construction.rural_after_m2)):
        b = [shown(before_m2 * u.per_m2, u.decimals) for u in units]
        a = [shown(after_m2 * u.per_m2, u.decimals) for u in units]
        summary.append(Row([text] + b + a + [tidy(a[i] - b[i], u.decimals) for i, u in enumerate(units)]))
    return Sheet(
        "linkage", f"表{number} {TITLE}", TITLE, unit_line(units),
        [Block(columns, rows, caption="一、拆旧复垦与建新"),
         Block(summary_columns, summary, caption="二、建设用地规模")],
        notes=["注：拆旧复垦为整治前建设用地规划为非建设用地的面积，建新为非建设用地规划为建设用地的面积（叠加图斑面积口径）；"
               "节余 = 拆旧复垦 − 建新，要求建新不超过拆旧复垦、建设用地总量不增加。"
               "农村建设用地为村庄（城镇村属性码 203/203A）、"
               "农村宅基地及城镇范围外的工矿用地。"],
        project=project, freeze_columns=3,
    )


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The ledger of the plan, per sub-project when a sub-project layer is given."""
    # core.subprojects overlays QGIS geometries: imported here so that the workbook imports without QGIS.
    from ...subprojects import linkage_ledger

    ledger = linkage_ledger(inputs.plan, inputs.subproject_layer, inputs.construction, repair=inputs.sources.repair)
    return [linkage_sheet(ledger, inputs.construction, inputs.units, inputs.project, number)]
