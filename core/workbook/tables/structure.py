"""Table 2, 土地利用结构调整表: class × before / after / change, and the shown 耕地 figures other tables reuse."""
from __future__ import annotations

import pandas as pd

from ... import codes as codes_mod
from ..inputs import Inputs
from ..model import PERCENT_DECIMALS, Block, Column, Row, Sheet, Unit, area_columns, unit_line
from ..rounding import before_after, shown, tidy

TITLE = "土地利用结构调整表"


def structure_figures(structure: pd.DataFrame, unit: Unit, table: codes_mod.CodeTable | None = None):
    """Shown before / after / change of a structure frame in one unit (see :func:`~core.workbook.rounding.before_after`).

    Keys are first-level groups and ``(group, code)``; the 耕地 change is
    ``change[1]["01"]``.
    """
    table = table or codes_mod.default_table()
    groups = [table.lookup(c).group for c in structure["DLBM"]]
    before = [(g, c, float(v) * unit.per_m2) for g, c, v in zip(groups, structure["DLBM"], structure["BEFORE_M2"])]
    after = [(g, c, float(v) * unit.per_m2) for g, c, v in zip(groups, structure["DLBM"], structure["AFTER_M2"])]
    return before_after(before, after, unit.decimals)


def cultivated_figures(structure: pd.DataFrame, units, table: codes_mod.CodeTable | None = None) -> dict:
    """unit key → shown 耕地 ``(before, after, change)`` of the structure table (group 01)."""
    out = {}
    for u in units:
        before, after, change = structure_figures(structure, u, table)
        out[u.key] = (before[1].get("01", 0.0), after[1].get("01", 0.0), change[1].get("01", 0.0))
    return out


def structure_sheet(structure: pd.DataFrame, units, project: str = "", number: int = 2,
                    table: codes_mod.CodeTable | None = None) -> Sheet:
    """土地利用结构调整表: class × before / after / change (from :func:`~core.indicators.structure`).

    Rows: each first-level class (bold) with its second-level classes, the
    合计, then the 三大类 (sums of the classes shown above).  Before and the
    change are rounded top down and after = before + change, so a class that
    does not change shows the same figure on both sides.
    """
    table = table or codes_mod.default_table()
    frame = structure.copy()
    frame["_group"] = [table.lookup(c).group for c in frame["DLBM"]]
    frame["_key"] = [table.sort_key(c) for c in frame["DLBM"]]
    frame = frame.sort_values("_key", kind="stable").reset_index(drop=True)
    groups = list(dict.fromkeys(frame["_group"]))
    columns = [Column(("地类编码",), "code", width=9), Column(("地类名称",), "text", width=24)]
    for side in ("整治前", "整治后"):
        columns += area_columns((side, "面积"), units)
        columns.append(Column((side, "比重（%）"), "percent", PERCENT_DECIMALS, 9.5))
    columns += area_columns(("增减变化", "面积"), units)
    columns.append(Column(("增减变化", "变化率（%）"), "percent", PERCENT_DECIMALS, 10.5))

    areas = {u.key: structure_figures(frame, u, table) for u in units}
    total_b, total_a = float(frame["BEFORE_M2"].sum()), float(frame["AFTER_M2"].sum())
    pct_leaves = [[(g, c, 100.0 * v / t if t else 0.0) for g, c, v in zip(frame["_group"], frame["DLBM"], frame[col])]
                  for col, t in (("BEFORE_M2", total_b), ("AFTER_M2", total_a))]
    pct = before_after(pct_leaves[0], pct_leaves[1], PERCENT_DECIMALS, 100.0 if total_a else 0.0)

    def pick(figures, kind, key):
        grand, group_values, leaf_values = figures
        if kind == "total":
            return grand
        return group_values.get(key, 0.0) if kind == "group" else leaf_values.get(key, 0.0)

    def values(kind, key):
        out = []
        for side in (0, 1):
            out += [pick(areas[u.key][side], kind, key) for u in units]
            out.append(pick(pct[side], kind, key))
        out += [pick(areas[u.key][2], kind, key) for u in units]
        return out

    def rate(before_m2, after_m2):
        return float("nan") if not before_m2 else shown(100.0 * (after_m2 - before_m2) / before_m2, PERCENT_DECIMALS)

    rows = []
    leaf_rows = []
    for group in groups:
        sub = frame[frame["_group"] == group]
        b, a = float(sub["BEFORE_M2"].sum()), float(sub["AFTER_M2"].sum())
        group_name = table.groups.get(group, codes_mod.UNKNOWN_NAME)
        if list(sub["DLBM"]) == [group]:  # 09: a first-level class without second-level ones
            rows.append(Row([group, group_name] + values("leaf", (group, group)) + [rate(b, a)], "subtotal"))
            leaf_rows.append((group, rows[-1]))
            continue
        rows.append(Row([group, group_name] + values("group", group) + [rate(b, a)], "subtotal"))
        for rec in sub.itertuples(index=False):
            rows.append(Row([rec.DLBM, "　" + rec.DLMC] + values("leaf", (group, rec.DLBM))
                            + [rate(rec.BEFORE_M2, rec.AFTER_M2)]))
            leaf_rows.append((rec.DLBM, rows[-1]))
    rows.append(Row(["", "合计"] + values("total", None) + [rate(total_b, total_a)], "total"))
    for n, category in enumerate(codes_mod.CATEGORIES3):
        members = [r for code, r in leaf_rows if table.lookup(code).category3 == category]
        if not members:
            continue
        sums = [tidy(sum(r.values[2 + i] for r in members), col.decimals) for i, col in enumerate(columns[2:-1])]
        exact = frame[[table.lookup(c).category3 == category for c in frame["DLBM"]]]
        rows.append(Row(["", ("其中：" if n == 0 else "　　　") + category]
                        + sums + [rate(float(exact["BEFORE_M2"].sum()), float(exact["AFTER_M2"].sum()))],
                        "subtotal"))
    return Sheet(
        "structure", f"表{number} {TITLE}", TITLE, unit_line(units), [Block(columns, rows)],
        notes=["注：面积按图斑地类面积计，田坎单列为 1203；比重为占项目区总面积的百分比；"
               "变化率 = (整治后 − 整治前) / 整治前 × 100，整治前为零时记“—”。"
               "三大类按三调统计口径（湿地分属农用地、建设用地、未利用地）。"],
        project=project, freeze_columns=2,
    )


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The table of the plan."""
    return [structure_sheet(inputs.structure, inputs.units, inputs.project, number)]
