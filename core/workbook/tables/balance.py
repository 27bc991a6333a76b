"""Table 5, 耕地进出平衡表: 耕地 going out to and coming in from other farmland, area and 等别."""
from __future__ import annotations

import pandas as pd

from ... import codes as codes_mod
from ... import indicators
from ...values import is_null
from ..inputs import Inputs
from ..model import GRADE_DECIMALS, Block, Column, Row, Sheet, area_columns, unit_line
from ..rounding import shown, split, tidy

TITLE = "耕地进出平衡表"


def balance_sheet(cultivated, pieces: pd.DataFrame, units, project: str = "", number: int = 5,
                  table: codes_mod.CodeTable | None = None) -> Sheet:
    """耕地进出平衡表: 出 (by the class it becomes) and 进 (by the class it comes from), area and 等别.

    Args:
        cultivated: :class:`~core.indicators.CultivatedLand` (出/进 totals and 等别).
        pieces: The plan's pieces (for the class split; same selection as
            :func:`~core.indicators.cultivated_land`).
        units: Area units.
        project: Project name.
        number: Table number.
        table: Code table.
    """
    table = table or codes_mod.default_table()
    selection = indicators.balance_selection(pieces)
    out_sel, in_sel = selection.out, selection.in_

    def detail(selection, class_column, area_column, grade_column):
        sub = pieces[selection]
        out = []
        for code in sorted(set(sub[class_column]), key=table.sort_key):
            part = sub[sub[class_column] == code]
            out.append((code, float(part[area_column].sum()), indicators.weighted_mean(part[grade_column], part[area_column])))
        return out

    out_rows = detail(out_sel, "base_a", "tbdlmj_b", "gddb_b")
    in_rows = detail(in_sel, "base_b", "tbdlmj_a", "gddb_a")
    columns = [Column(("项目",), "text", width=34)] + area_columns(("面积",), units) + \
        [Column(("平均耕地等别",), "grade", GRADE_DECIMALS, 10), Column(("说明",), "text", width=36)]
    shown_out, shown_in = {}, {}
    for u in units:
        d = u.decimals
        shown_out[u.key] = (shown(cultivated.out_m2 * u.per_m2, d),
                            split([a * u.per_m2 for _, a, _ in out_rows], d, shown(cultivated.out_m2 * u.per_m2, d)))
        shown_in[u.key] = (shown(cultivated.in_m2 * u.per_m2, d),
                           split([a * u.per_m2 for _, a, _ in in_rows], d, shown(cultivated.in_m2 * u.per_m2, d)))
    rows = [Row(["一、耕地“出”（耕地转为其他农用地）"] + [shown_out[u.key][0] for u in units]
                + [cultivated.out_quality, "整治前面积与等别"], "subtotal")]
    for i, (code, _, grade) in enumerate(out_rows):
        rows.append(Row([f"　转为{table.name(code)}（{code}）"] + [shown_out[u.key][1][i] for u in units]
                        + [grade, ""]))
    rows.append(Row(["二、耕地“进”（其他农用地转为耕地）"] + [shown_in[u.key][0] for u in units]
                    + [cultivated.in_quality, "整治后面积与等别"], "subtotal"))
    for i, (code, _, grade) in enumerate(in_rows):
        rows.append(Row([f"　由{table.name(code)}（{code}）转入"] + [shown_in[u.key][1][i] for u in units]
                        + [grade, ""]))
    diff_grade = float("nan") if is_null(cultivated.in_quality) or is_null(cultivated.out_quality) \
        else cultivated.in_quality - cultivated.out_quality
    rows.append(Row(["三、进出差额（进 − 出）"]
                    + [tidy(shown_in[u.key][0] - shown_out[u.key][0], u.decimals) for u in units]
                    + [diff_grade, "等别差为负表示“进”的质量更好"], "total"))
    rows.append(Row(["（参考）耕地转为建设用地、未利用地"]
                    + [shown(cultivated.occupied_m2 * u.per_m2, u.decimals) for u in units]
                    + [float("nan"), "不属于进出平衡"]))

    def verdict(ok):
        return "平衡" if ok else "不平衡"

    result_columns = [Column(("核验内容",), "text"), Column(("要求",), "text", span=len(units) + 1),
                      Column(("结论",), "code")]
    results = [
        Row(["数量平衡", "“进”的面积不少于“出”", verdict(cultivated.balanced_area)]),
        Row(["质量平衡", "“进”的平均等别不劣于“出”（数值不大于）", verdict(cultivated.balanced_quality)]),
        Row(["进出平衡结论", "数量、质量均平衡",
             verdict(cultivated.balanced_area and cultivated.balanced_quality)], "total"),
    ]
    return Sheet(
        "balance", f"表{number} {TITLE}", TITLE, unit_line(units),
        [Block(columns, rows), Block(result_columns, results, caption="平衡核验")],
        notes=["注：“出”为耕地转为其他农用地（含设施农用地），按整治前图斑地类面积计；“进”为其他农用地转为耕地，按整治后"
               "图斑地类面积计。由建设用地、未利用地转为耕地属新增耕地，不参与进出平衡。"
               "平均等别按面积加权，1 等最好。"],
        project=project, freeze_columns=1,
    )


def build(inputs: Inputs, number: int) -> list[Sheet]:
    """The table of the plan."""
    return [balance_sheet(inputs.cultivated, inputs.pieces, inputs.units, inputs.project, number)]
