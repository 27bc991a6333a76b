"""项目基本情况表: the project at a glance – who, where, how large, 耕地, 永农, when, how much money.

Built from whatever the run has: the current DLTB always (area, villages,
耕地); the plan (耕地 after, 新增耕地); the 永久基本农田 review (永农 before and
after); the sub-projects (count, investment); the period and the project's
facts.  What the run lacks is shown as 未提供, never as 0.
"""
from __future__ import annotations

import math

from ... import codes as codes_mod
from ..inputs import Inputs
from ..model import MONEY_DECIMALS, PERCENT_DECIMALS, Block, Cell, Column, Row, Sheet, facts_of, unit_line
from ..rounding import shown
from ._parcels import text
from .subprojects import subproject_frame

TITLE = "项目基本情况表"
MISSING = "未提供"


def _villages(parcels) -> tuple[list[str], list[str]]:
    """Village codes and names of the current parcels, in code order."""
    frame = parcels.frame
    names = frame["village_name"] if "village_name" in frame else [""] * len(frame)
    seen: dict = {}
    for code, name in zip(frame["village"], names):
        code = text(code)
        if code and code not in seen:
            seen[code] = text(name)
    codes = sorted(seen)
    return codes, [seen[c] for c in codes]


def overview_rows(inputs: Inputs) -> list[tuple[str, object, str]]:
    """(项目, 内容, 单位) of the table; 内容 is text, or ``("area", m²)``, ``("money", 万元)``, ``("percent", %)``."""
    facts = facts_of(inputs.project)
    parcels = inputs.parcels
    frame = parcels.frame
    codes, names = _villages(parcels)
    township_codes = sorted({c[:9] for c in codes if len(c) >= 9})
    township = facts.township or ""
    code = facts.township_code or ("、".join(township_codes) if township_codes else "")
    if township and code:
        township = f"{township}（{code}）"
    rows: list[tuple[str, object, str]] = [
        ("项目名称", facts.name or MISSING, ""),
        ("项目编号", facts.code or MISSING, ""),
        ("所在乡镇", township or code or MISSING, ""),
        ("涉及行政村", f"{len(codes)} 个：" + "、".join(n or c for n, c in zip(names, codes)) if codes else MISSING, ""),
        ("项目区总面积", ("area", float(frame["tbmj"].sum())), "area"),
    ]
    cultivated_now = float(frame.loc[frame["base"].isin(codes_mod.CULTIVATED), "tbdlmj"].sum())
    rows.append(("现状耕地面积", ("area", cultivated_now), "area"))
    plan = inputs.optional("plan")
    if plan is not None:
        land = inputs.cultivated
        rows += [("规划耕地面积", ("area", land.after_m2), "area"),
                 ("新增耕地面积", ("area", land.added_m2), "area"),
                 ("新增耕地比例（占原耕地）", ("percent", land.added_rate), "%")]
    else:
        rows += [("规划耕地面积", MISSING, ""), ("新增耕地面积", MISSING, "")]
    farmland = inputs.optional("farmland")
    if farmland is not None:
        numbers = farmland[0]
        rows += [("永久基本农田面积（调整前）", ("area", numbers.get("PBF_BEFORE_M2")), "area"),
                 ("永久基本农田面积（调整后）", ("area", numbers.get("PBF_AFTER_M2")), "area")]
    else:
        rows.append(("永久基本农田面积", MISSING, ""))
    period = inputs.period
    if period is not None:
        rows.append(("实施期限", f"{period.start}—{period.end} 年（{period.years} 年）{period.note}", ""))
    else:
        rows.append(("实施期限", MISSING, ""))
    subs = inputs.optional("subprojects")
    if subs is not None:
        money = [float(v) for v in subproject_frame(subs)["investment"] if not math.isnan(v)]
        rows += [("子项目个数", f"{len(subs)} 个", ""), ("总投资", ("money", sum(money)), "万元")]
    else:
        rows += [("子项目个数", MISSING, ""), ("总投资", MISSING, "")]
    rows += [("实施主体", facts.responsible_unit or MISSING, ""), ("编制单位", facts.prepared_by or MISSING, "")]
    return rows


def overview_sheet(rows: list[tuple[str, object, str]], units, project, number: int) -> Sheet:
    """项目基本情况表 from :func:`overview_rows`: an area row once per unit."""
    columns = [Column(("序号",), "serial", 0, 5), Column(("项目",), "text", width=26),
               Column(("内容",), "text", width=60), Column(("单位",), "code", width=8)]
    body = []
    serial = 0
    for label, content, unit in rows:
        serial += 1
        if isinstance(content, tuple):
            kind, value = content
            value = float("nan") if value is None else float(value)
            if kind == "area":
                for k, u in enumerate(units):
                    cell = Cell(None if math.isnan(value) else shown(value * u.per_m2, u.decimals), "area", u.decimals)
                    body.append(Row([serial if k == 0 else "", label if k == 0 else "", cell, u.label]))
                continue
            decimals = MONEY_DECIMALS if kind == "money" else PERCENT_DECIMALS
            cell = Cell(None if math.isnan(value) else shown(value, decimals), kind, decimals)
            body.append(Row([serial, label, cell, unit]))
        else:
            body.append(Row([serial, label, str(content), unit]))
    return Sheet("overview", f"表{number} {TITLE}", TITLE, unit_line(units) + "；投资：万元", [Block(columns, body)],
                 notes=["注：项目区总面积为项目区内现状图斑面积（TBMJ）之和；耕地面积按地类面积（扣除田坎，TBDLMJ）计；"
                        "永久基本农田面积为椭球面积；总投资为子项目投资估算（TZJE）之和。“未提供”表示缺少相应图层或设置。"],
                 project=project, freeze_columns=2)


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The project's facts and key figures, from what the run has."""
    return [overview_sheet(overview_rows(inputs), inputs.units, inputs.project, number)]
