"""The scheme workbook (landconsolidation:exportscheme, core/workbook/).

Expected figures are the hand-derived ones of tests/test_landusestatus.py
(``status_rows``: village A 东村 21 600 m², B 西村 17 000 m²) and
tests/test_plan.py (``PLAN``: 耕地 16 050 → 21 430 m², 新增 5 380 m²;
出 3 700 m² 等别 5.459, 进 6 880 m² 等别 5.291; 拆旧复垦 6 000 m², of
which to 耕地 2 000, 建新 1 500, 节余 4 500), and every number is also
compared with the output of the algorithm it comes from.

Class areas before / after the plan (m², TBDLMJ, 田坎 as 1203):

====  ======  ======
code  before  after
====  ======  ======
0101  11 400  12 800
0102   1 800   2 880
0103   2 850   5 750
0201   3 000   2 000
0301       0   4 000
0305   1 000       0
0404   1 500       0
0602   4 000       0
0702   2 000   1 500
1006   1 800   1 800
1104   3 000       0
1106   1 500   1 500
1202       0   2 000
1203     950     570
====  ======  ======
"""
import math
import re
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from builders import (
    DLTB_FIELDS,
    PLAN_FIELDS,
    VILLAGE_A,
    VILLAGE_B,
    memory_layer,
    plan_after_rows,
    plan_before_rows,
    rect,
    status_rows,
)
from land_consolidation.core import codes as codes_mod
from land_consolidation.core import workbook
from qgis import processing
from qgis.core import QgsApplication, QgsProcessingException
from qgis.PyQt.QtCore import QVariant

ALG = "landconsolidation:exportscheme"
# A copy of the official template (shared/spec/templates) shipped with the tests.
TEMPLATES = Path(__file__).resolve().parent / "data"
HA_UNIT = 1e-4
MU_UNIT = 1e-2


# ---------------------------------------------------------------- helpers


def export(tmp_path, name="scheme.xlsx", **params):
    out = tmp_path / name
    result = processing.run(ALG, {"OUTPUT_XLSX": str(out), **params})
    assert result["OUTPUT_XLSX"] == str(out)
    return result, openpyxl.load_workbook(out)


def plan_params(before, after=None, **extra):
    if after is not None:
        return {"DLTB": before, "AFTER": after, **extra}
    return {"DLTB": before, "AFTER_FIELD": "GHDLBM", "AFTER_KCXS_FIELD": "GHKCXS", "AFTER_GDDB_FIELD": "GHGDDB",
            **extra}


def unit_text(ws):
    """The 面积单位 line under the title and the header block."""
    for row in range(2, 8):
        for column in range(1, ws.max_column + 1):
            value = ws.cell(row, column).value
            if isinstance(value, str) and value.startswith("面积单位"):
                return value
    return None


def header_row(ws, text, column=1):
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, column).value == text:
            return row
    raise AssertionError(f"no header {text!r} in {ws.title}")


def block_rows(ws, first_data_row):
    """Data rows from ``first_data_row`` to the first empty row, as value lists."""
    rows = []
    row = first_data_row
    while row <= ws.max_row and any(ws.cell(row, c).value not in (None, "") for c in range(1, ws.max_column + 1)):
        rows.append([ws.cell(row, c).value for c in range(1, ws.max_column + 1)])
        row += 1
    return rows


def by_label(rows, column):
    return {r[column]: r for r in rows}


def normalise(text):
    """Header text without layout: line breaks and spaces removed, brackets full-width."""
    text = re.sub(r"\s+", "", str(text or ""))
    return text.replace("(", "（").replace(")", "）")


def class_columns(ws, top):
    """Column of each class code in a class header (codes read from the brackets)."""
    out = {}
    for column in range(1, ws.max_column + 1):
        for row in (top, top + 1):
            match = re.search(r"（(\w+)）$", normalise(ws.cell(row, column).value))
            if match:
                out[match.group(1)] = column
    return out


def missing(value):
    """None, a NULL QVariant or NaN."""
    return not isinstance(value, (int, float)) or (isinstance(value, float) and math.isnan(value))


def assert_numeric(cells):
    for value in cells:
        assert isinstance(value, (int, float)) and not isinstance(value, bool), value


@pytest.fixture
def before():
    return memory_layer("DLTB", plan_before_rows(), fields=PLAN_FIELDS)


@pytest.fixture
def after():
    return memory_layer("DLTB_GH", plan_after_rows(), fields=PLAN_FIELDS)


SUB_FIELDS = [("XMBH", QVariant.Type.String), ("XMLX", QVariant.Type.String), ("XMMC", QVariant.Type.String),
              ("TZJE", QVariant.Type.Double), ("ZJLY", QVariant.Type.String), ("SSND", QVariant.Type.Int),
              ("ZRDW", QVariant.Type.String)]


@pytest.fixture
def subprojects():
    """Three sub-projects over the plan: the homestead (2), the resettlement (6) and parcel 1."""
    rows = [
        {"XMBH": "ZX-01", "XMLX": "建设用地复垦", "XMMC": "宅基地复垦", "TZJE": 12.5, "ZJLY": "挂钩收益",
         "SSND": 2026, "ZRDW": "某镇政府", "wkt": rect(100, 0, 150, 40)},
        {"XMBH": "ZX-02", "XMLX": "建新安置", "XMMC": "集中安置区", "TZJE": 30.0, "ZJLY": "社会资本",
         "SSND": 2027, "ZRDW": "某镇政府", "wkt": rect(300, 0, 330, 50)},
        {"XMBH": "ZX-03", "XMLX": "农用地整理", "XMMC": "东片农田整理", "TZJE": 57.125, "ZJLY": "省级补助",
         "SSND": 2027, "ZRDW": "农业农村局", "wkt": rect(0, 0, 100, 100)},
    ]
    return memory_layer("ZXM", rows, fields=SUB_FIELDS)


# ---------------------------------------------------------------- table 1 and the template


def test_status_sheet_follows_the_official_template(provider, tmp_path):
    result, wb = export(tmp_path, DLTB=memory_layer("DLTB", status_rows()), TABLES=[0])
    assert wb.sheetnames == ["表1 土地利用现状分类面积汇总表"]
    assert result["SHEET_COUNT"] == 1
    ws = wb.worksheets[0]
    template = openpyxl.load_workbook(TEMPLATES / "土地利用现状分类面积汇总表.xlsx").active
    top = header_row(ws, "行政区域")
    assert ws.cell(1, 1).value == "土地利用现状分类面积汇总表"
    assert unit_text(ws) == "面积单位：公顷"
    # Same header wording and order, cell by cell (layout line breaks and bracket widths aside).
    assert ws.max_column == template.max_column == 71
    for column in range(1, 72):
        for offset in (0, 1):
            ours, official = ws.cell(top + offset, column).value, template.cell(4 + offset, column).value
            assert normalise(ours) == normalise(official), (column, offset)
    # Same merged header cells.
    shift = top - 4

    def header_merges(sheet, first, last, delta=0):
        return sorted((m.min_row + delta, m.min_col, m.max_row + delta, m.max_col) for m in sheet.merged_cells.ranges
                      if m.min_row >= first and m.max_row <= last)

    assert header_merges(ws, top, top + 1) == header_merges(template, 4, 5, shift)
    assert ws.freeze_panes == f"D{top + 2}"
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage


def test_status_numbers(provider, tmp_path):
    """Hand sums of test_landusestatus, and the landusestatus algorithm's AREA_HA."""
    layer = memory_layer("DLTB", status_rows())
    _, wb = export(tmp_path, DLTB=layer, TABLES=[0])
    ws = wb.worksheets[0]
    top = header_row(ws, "行政区域")
    columns = class_columns(ws, top)
    rows = block_rows(ws, top + 2)
    # As the official template: the parent region first (no township name given: 合计, with the code all
    # villages share, ZLDWDM[:9]), then the villages by name and 12-digit code (ZLDWDM[:12]).
    assert [r[0] for r in rows] == ["合计", "东村", "西村"]
    assert [r[1] for r in rows] == [VILLAGE_A[:9], VILLAGE_A[:12], VILLAGE_B[:12]]
    expected = {
        "合计": {"total": 3.86, "00": 0.2, "1106": 0.2, "01": 2.38, "0101": 1.92, "0102": 0.46, "02": 0.25,
                 "0201": 0.25, "07": 0.2, "0702": 0.2, "10": 0.21, "1006": 0.21, "11": 0.5, "1104": 0.5,
                 "12": 0.12, "1203": 0.12},
        "东村": {"total": 2.16, "01": 1.41, "0101": 0.95, "0102": 0.46, "02": 0.25, "0201": 0.25, "07": 0.2,
               "0702": 0.2, "10": 0.21, "1006": 0.21, "12": 0.09, "1203": 0.09},
        "西村": {"total": 1.7, "00": 0.2, "1106": 0.2, "01": 0.97, "0101": 0.97, "11": 0.5, "1104": 0.5,
               "12": 0.03, "1203": 0.03},
    }
    for row in rows:
        assert_numeric(row[2:])
        want = expected[row[0]]
        assert row[2] == pytest.approx(want["total"], abs=1e-9)
        for code, column in columns.items():
            assert row[column - 1] == pytest.approx(want.get(code, 0.0), abs=1e-9), (row[0], code)
    status = processing.run("landconsolidation:landusestatus", {"INPUT": layer, "OUTPUT": "memory:"})["OUTPUT"]
    village_row = {VILLAGE_A: rows[1], VILLAGE_B: rows[2]}
    for feature in status.getFeatures():
        assert village_row[feature["GROUP"]][columns[feature["DLBM"]] - 1] == pytest.approx(feature["AREA_HA"],
                                                                                            abs=HA_UNIT)
    number_cell = ws.cell(top + 2, 3)
    assert number_cell.data_type == "n" and number_cell.number_format == "0.0000"


def test_status_in_mu_and_both_units(provider, tmp_path):
    layer = memory_layer("DLTB", status_rows())
    _, wb = export(tmp_path, DLTB=layer, TABLES=[0], UNITS=2)
    assert wb.sheetnames == ["表1 土地利用现状分类面积汇总表（公顷）", "表1 土地利用现状分类面积汇总表（亩）"]
    ha, mu = wb.worksheets
    assert unit_text(mu) == "面积单位：亩"
    top = header_row(ha, "行政区域")
    rows_ha, rows_mu = block_rows(ha, top + 2), block_rows(mu, top + 2)
    assert [r[2] for r in rows_mu] == pytest.approx([57.9, 32.4, 25.5])
    for row_ha, row_mu in zip(rows_ha, rows_mu):
        for a, m in zip(row_ha[2:], row_mu[2:]):
            assert m == pytest.approx(a * 15, abs=MU_UNIT + 15 * HA_UNIT)
    assert mu.cell(top + 2, 3).number_format == "0.00"


def test_decimals_parameter(provider, tmp_path):
    """DECIMALS overrides both units' places; totals still add up after the coarser rounding."""
    _, wb = export(tmp_path, DLTB=memory_layer("DLTB", status_rows()), TABLES=[0], UNITS=2, DECIMALS=1)
    for ws in wb.worksheets:
        top = header_row(ws, "行政区域")
        rows = block_rows(ws, top + 2)
        assert ws.cell(top + 2, 3).number_format == "0.0"
        for column in range(3, ws.max_column + 1):
            assert rows[0][column - 1] == pytest.approx(sum(r[column - 1] for r in rows[1:]), abs=1e-9)
        for row in rows:
            assert all(v == round(v, 1) for v in row[2:])
    ha = block_rows(wb.worksheets[0], header_row(wb.worksheets[0], "行政区域") + 2)
    assert [r[2] for r in ha] == pytest.approx([3.9, 2.2, 1.7])  # 3.86 → 3.9 = 2.2 + 1.7


# ---------------------------------------------------------------- the plan tables


@pytest.mark.parametrize("mode", ["field", "layer"])
def test_plan_tables(provider, tmp_path, before, after, mode):
    params = plan_params(before, after if mode == "layer" else None)
    result, wb = export(tmp_path, **params)
    names = wb.sheetnames
    for wanted in ("表1 土地利用现状分类面积汇总表", "表2 土地利用结构调整表", "表3 土地利用转移矩阵", "表4 新增耕地来源表",
                   "表5 耕地进出平衡表", "表8 增减挂钩拆旧建新表", "表11 指标核验表"):
        assert wanted in names
    assert not any(n.startswith(("表6", "表9", "表10")) for n in names)
    missing = result["MISSING"].split(";")
    assert {"永久基本农田调整表", "子项目清单", "年度实施计划"} <= set(missing)
    assert names == sorted(names, key=lambda n: int(re.match(r"表(\d+)", n).group(1)))

    check_structure(wb["表2 土地利用结构调整表"])
    check_transition(wb["表3 土地利用转移矩阵"], level=1)
    check_sources(wb["表4 新增耕地来源表"], params)
    check_balance(wb["表5 耕地进出平衡表"])
    check_linkage(wb["表8 增减挂钩拆旧建新表"])
    check_compliance(wb["表11 指标核验表"], params)


STRUCTURE = {  # code: (before m², after m²)
    "0101": (11400, 12800), "0102": (1800, 2880), "0103": (2850, 5750), "0201": (3000, 2000), "0301": (0, 4000),
    "0305": (1000, 0), "0404": (1500, 0), "0602": (4000, 0), "0702": (2000, 1500), "1006": (1800, 1800),
    "1104": (3000, 0), "1106": (1500, 1500), "1202": (0, 2000), "1203": (950, 570),
}


def check_structure(ws):
    top = header_row(ws, "地类编码")
    assert [ws.cell(top, c).value for c in range(1, 9)] == ["地类编码", "地类名称", "整治前", None, "整治后", None,
                                                          "增减变化", None]
    assert [ws.cell(top + 1, c).value for c in range(3, 9)] == ["面积", "比重（%）", "面积", "比重（%）", "面积",
                                                              "变化率（%）"]
    rows = block_rows(ws, top + 2)
    codes = by_label([r for r in rows if r[0]], 0)
    for code, (b, a) in STRUCTURE.items():
        row = codes[code]
        assert_numeric(row[2:7])
        assert row[2] == pytest.approx(b / 1e4, abs=1e-9), code
        assert row[4] == pytest.approx(a / 1e4, abs=1e-9), code
        assert row[6] == pytest.approx((a - b) / 1e4, abs=1e-9), code
    assert codes["01"][2] == pytest.approx(1.605) and codes["01"][4] == pytest.approx(2.143)
    assert codes["01"][6] == pytest.approx(0.538)
    # Each first-level row is the sum of its second-level rows, the 合计 the sum of the first-level rows,
    # the 三大类 add up to the 合计; percentages too.
    total = next(r for r in rows if r[1] == "合计")
    groups = [r for r in rows if r[0] and len(r[0]) == 2]
    for column in (2, 3, 4, 5, 6):
        for group in groups:
            members = [r for r in rows if r[0] and len(r[0]) == 4 and codes_mod.default_table().lookup(
                r[0]).group == group[0]]
            if members:
                assert group[column] == pytest.approx(sum(m[column] for m in members), abs=1e-9)
        assert total[column] == pytest.approx(sum(g[column] for g in groups), abs=1e-9)
        categories = [r for r in rows
                      if r[1] and r[1].strip("　").replace("其中：", "") in ("农用地", "建设用地", "未利用地")]
        assert len(categories) == 3
        assert total[column] == pytest.approx(sum(c[column] for c in categories), abs=1e-9)
    assert total[3] == pytest.approx(100.0) and total[5] == pytest.approx(100.0)
    assert total[2] == total[4] == pytest.approx(3.48)


def check_transition(ws, level):
    top = header_row(ws, "整治前地类")
    assert ws.cell(top, 3).value == "整治后地类"
    columns = class_columns(ws, top)
    rows = block_rows(ws, top + 2)
    cells = {r[0]: r for r in rows if r[0]}
    expected = {("01", "01"): 13000, ("01", "12"): 2000, ("01", "02"): 2000, ("02", "01"): 3000,
                ("03", "01"): 1000, ("04", "07"): 1500, ("06", "03"): 4000, ("07", "01"): 2000,
                ("10", "10"): 1800, ("11", "01"): 3000, ("00", "00"): 1500}
    for (f, t), value in expected.items():
        assert cells[f][columns[t] - 1] == pytest.approx(value / 1e4), (f, t)
    nonzero = sum(1 for r in cells.values() for c in columns.values() if r[c - 1])
    assert nonzero == len(expected)
    last = len(columns) + 3
    assert ws.cell(top, last).value == "整治前合计"
    for row in cells.values():
        assert row[last - 1] == pytest.approx(sum(row[c - 1] for c in columns.values()), abs=1e-9)
    after_total = next(r for r in rows if r[1] == "整治后合计")
    for column in columns.values():
        assert after_total[column - 1] == pytest.approx(sum(r[column - 1] for r in cells.values()), abs=1e-9)
    assert after_total[last - 1] == pytest.approx(3.48)
    assert ws.cell(top + 2, 3).number_format.endswith(";")  # zero cells shown blank, still numbers


def check_sources(ws, params):
    top = header_row(ws, "序号")
    assert ws.cell(top, 3).value == "新增耕地面积"
    assert [normalise(ws.cell(top + 1, c).value) for c in range(3, 7)] == ["小计", "水田（0101）", "水浇地（0102）",
                                                                          "旱地（0103）"]
    rows = block_rows(ws, top + 2)
    indicator_params = {("BEFORE" if k == "DLTB" else k): v for k, v in params.items()}
    reference = processing.run("landconsolidation:cultivatedland", {**indicator_params, "OUTPUT": "memory:"})
    sources = [f for f in reference["OUTPUT"].getFeatures()]
    assert [r[1] for r in rows] == [f["SOURCE_NAME"] for f in sources]
    for row, feature in zip(rows, sources):
        assert_numeric(row[2:6])
        for column, field in ((2, "AREA_M2"), (3, "PADDY_M2"), (4, "IRRIGATED_M2"), (5, "DRY_M2")):
            assert row[column] == pytest.approx(feature[field] / 1e4, abs=HA_UNIT), (row[1], field)
        assert row[2] == pytest.approx(sum(row[3:6]), abs=1e-9)
        quality = feature["QUALITY"]
        if missing(quality):
            assert row[6] == "—"
        else:
            assert row[6] == pytest.approx(quality, abs=0.005)
        assert row[7] == feature["PIECES"]
    total = rows[-1]
    assert total[1] == "新增耕地合计"
    assert total[2] == pytest.approx(0.538) and total[2] == pytest.approx(reference["ADDED_M2"] / 1e4)
    for column in range(2, 6):
        assert total[column] == pytest.approx(sum(r[column] for r in rows[:-1]), abs=1e-9)
    summary_top = header_row(ws, "指标")
    summary = by_label(block_rows(ws, summary_top + 1), 0)
    assert summary["整治前耕地面积"][2] == pytest.approx(1.605)
    assert summary["整治后耕地面积"][2] == pytest.approx(2.143)
    assert summary["新增耕地面积"][2] == pytest.approx(0.538)
    assert summary["新增耕地率（占原耕地，%）"][2] == pytest.approx(33.52)
    assert summary["新增耕地率（占项目区总面积，%）"][2] == pytest.approx(15.46)
    assert summary["整治前耕地平均等别"][2] == pytest.approx(5.28)
    assert summary["整治后耕地平均等别"][2] == pytest.approx(4.86)


def check_balance(ws):
    top = header_row(ws, "项目")
    rows = block_rows(ws, top + 1)
    out, detail_out = rows[0], rows[1:3]
    assert out[0].startswith("一、耕地“出”") and out[1] == pytest.approx(0.37) and out[2] == pytest.approx(5.46)
    assert [r[1] for r in detail_out] == pytest.approx([0.18, 0.19])
    assert [r[2] for r in detail_out] == pytest.approx([7.0, 4.0])
    assert "0201" in detail_out[0][0] and "1202" in detail_out[1][0]
    gain = rows[3]
    assert gain[0].startswith("二、耕地“进”") and gain[1] == pytest.approx(0.688) and gain[2] == pytest.approx(5.29)
    assert [r[1] for r in rows[4:7]] == pytest.approx([0.288, 0.1, 0.3])
    assert gain[1] == pytest.approx(sum(r[1] for r in rows[4:7]))
    assert rows[7][0].startswith("三、") and rows[7][1] == pytest.approx(0.318)
    verdicts = by_label(block_rows(ws, header_row(ws, "核验内容") + 1), 0)
    assert verdicts["数量平衡"][-1] == "平衡"
    assert verdicts["进出平衡结论"][-1] == "平衡"


def check_linkage(ws):
    top = header_row(ws, "序号")
    rows = block_rows(ws, top + 2)
    total = rows[-1]
    assert total[2] == "合计"
    assert total[4:8] == pytest.approx([0.6, 0.2, 0.15, 0.45])
    summary = by_label(block_rows(ws, header_row(ws, "项目") + 1), 0)
    assert summary["建设用地总面积"][4:7] == pytest.approx([0.6, 0.15, -0.45])


def check_compliance(ws, params):
    top = header_row(ws, "序号")
    rows = block_rows(ws, top + 1)
    reference = processing.run("landconsolidation:compliance", {**params, "OUTPUT": "memory:"})["OUTPUT"]
    features = list(reference.getFeatures())
    assert [r[1] for r in rows] == [f["RULE_NAME"] for f in features]
    for row, feature in zip(rows, features):
        assert row[6] == feature["VERDICT"]
        value = feature["VALUE"]
        if missing(value):
            assert row[2] in (None, "")
        elif feature["UNIT"] == "m²":
            assert row[2] == pytest.approx(value / 1e4, abs=HA_UNIT)
            assert row[5] == "公顷"
        else:
            assert row[2] == pytest.approx(value, abs=0.005)
    assert rows[0][2] == pytest.approx(33.52)


def test_both_units_side_by_side(provider, tmp_path, before):
    _, wb = export(tmp_path, **plan_params(before), UNITS=2, TABLES=[1, 3, 7])
    assert wb.sheetnames == ["表2 土地利用结构调整表", "表4 新增耕地来源表", "表8 增减挂钩拆旧建新表"]
    ws = wb["表2 土地利用结构调整表"]
    top = header_row(ws, "地类编码")
    assert unit_text(ws) == "面积单位：公顷、亩"
    assert [ws.cell(top + 1, c).value for c in range(3, 6)] == ["面积", None, "比重（%）"]
    assert [ws.cell(top + 2, c).value for c in range(3, 5)] == ["公顷", "亩"]
    rows = block_rows(ws, top + 3)
    for row in rows:
        for ha_col, mu_col in ((2, 3), (5, 6), (8, 9)):
            assert row[mu_col] == pytest.approx(row[ha_col] * 15, abs=MU_UNIT + 15 * HA_UNIT)
    codes = by_label([r for r in rows if r[0]], 0)
    assert codes["01"][2:4] == pytest.approx([1.605, 24.08], abs=0.006)
    # 亩 subtotals are the sum of their rounded parts too.
    for column in (3, 6, 9):
        assert codes["01"][column] == pytest.approx(sum(codes[c][column] for c in ("0101", "0102", "0103")), abs=1e-9)
    sources = wb["表4 新增耕地来源表"]
    top = header_row(sources, "序号")
    assert [sources.cell(top + 1, c).value for c in (3, 7)] == ["公顷", "亩"]
    total = block_rows(sources, top + 3)[-1]
    assert total[2] == pytest.approx(0.538) and total[6] == pytest.approx(8.07)


def test_second_level_matrix_equals_the_algorithm(provider, tmp_path, before):
    params = plan_params(before)
    _, wb = export(tmp_path, **params, TABLES=[2], MATRIX_LEVEL=1)
    ws = wb.worksheets[0]
    top = header_row(ws, "整治前地类")
    columns = class_columns(ws, top)
    cells = {r[0]: r for r in block_rows(ws, top + 2) if r[0]}
    matrix = processing.run("landconsolidation:transitionmatrix",
                            {"BEFORE": before, "AFTER_FIELD": "GHDLBM", "OUTPUT": "memory:"})["OUTPUT"]
    count = 0
    for feature in matrix.getFeatures():
        assert cells[feature["FROM_DLBM"]][columns[feature["TO_DLBM"]] - 1] == pytest.approx(
            feature["AREA_M2"] / 1e4, abs=HA_UNIT)
        count += 1
    assert count == 12


# ---------------------------------------------------------------- sub-projects


def test_subproject_tables(provider, tmp_path, before, subprojects):
    result, wb = export(tmp_path, **plan_params(before), SUBPROJECTS=subprojects, START_YEAR=2026, END_YEAR=2028)
    assert "子项目清单" not in result["MISSING"]
    ws = wb["表9 子项目清单"]
    top = header_row(ws, "序号")
    rows = block_rows(ws, top + 1)
    labels = [r[2] for r in rows]
    assert labels[0].startswith("一、农用地整理") and labels[1] == "东片农田整理"
    assert labels[2].startswith("二、建设用地复垦") and labels[4].startswith("三、建新安置")
    assert labels[-1] == "合计（3 个）"
    by_name = by_label(rows, 2)
    assert by_name["东片农田整理"][4:6] == pytest.approx([1.0, 57.13])
    assert by_name["宅基地复垦"][4:6] == pytest.approx([0.2, 12.5])
    assert by_name["集中安置区"][4:6] == pytest.approx([0.15, 30.0])
    assert by_name["东片农田整理"][7] == "2027"
    assert rows[-1][4:6] == pytest.approx([1.35, 99.63])
    subtotals = [r for r in rows if r[0] in (None, "") and r is not rows[-1]]
    assert sum(r[5] for r in subtotals) == pytest.approx(rows[-1][5])

    annual = wb["表10 年度实施计划"]
    rows = block_rows(annual, header_row(annual, "实施年度") + 1)
    years = by_label([r for r in rows if r[1] in (None, "")], 0)
    assert years["2026 年"][4:7] == pytest.approx([0.2, 12.5, 12.55])
    assert years["2027 年"][4:7] == pytest.approx([1.15, 87.13, 87.45])
    assert years["合计"][4:7] == pytest.approx([1.35, 99.63, 100.0])
    assert "共 2 年，符合" in " ".join(str(annual.cell(r, 1).value) for r in range(1, annual.max_row + 1))

    linkage = wb["表8 增减挂钩拆旧建新表"]
    rows = block_rows(linkage, header_row(linkage, "序号") + 2)
    named = by_label(rows, 2)
    assert named["宅基地复垦"][4:8] == pytest.approx([0.2, 0.2, 0.0, 0.2])
    assert named["集中安置区"][4:8] == pytest.approx([0.0, 0.0, 0.15, -0.15])
    assert named["子项目范围外"][4:8] == pytest.approx([0.4, 0.0, 0.0, 0.4])
    total = named["合计"]
    for column in range(4, 8):
        assert total[column] == pytest.approx(sum(r[column] for r in rows[:-1]), abs=1e-9)

    compliance = by_label(block_rows(wb["表11 指标核验表"], 4), 1)
    assert compliance["实施期限"][2] == 3 and compliance["实施期限"][6] == "通过"


# ---------------------------------------------------------------- project GeoPackage


def test_from_project_geopackage(provider, tmp_path, before):
    gpkg = tmp_path / "东村.gpkg"
    processing.run("landconsolidation:createproject", {
        "DLTB": before, "VILLAGES": VILLAGE_A, "NAME": "东村全域土地综合整治", "START_YEAR": 2026, "END_YEAR": 2027,
        "CODE": "XM-2026-01", "TOWNSHIP": "某某镇", "RESPONSIBLE_UNIT": "某某镇人民政府",
        "UNIT_NAME": "某某规划设计院", "PREPARED_DATE": "2026-11-20", "AFTER_FIELD": "GHDLBM", "OUTPUT": str(gpkg)})
    result, wb = export(tmp_path, PROJECT=str(gpkg))
    assert "表2 土地利用结构调整表" in wb.sheetnames
    ws = wb["表2 土地利用结构调整表"]
    assert ws.cell(2, 1).value == "项目名称：东村全域土地综合整治"
    # The header block on every table: the project's facts, then the unit line.
    for sheet in wb.worksheets:
        block = [sheet.cell(r, c).value for r in range(2, 6) for c in range(1, sheet.max_column + 1)
                 if sheet.cell(r, c).value]
        for fact in ("项目名称：东村全域土地综合整治", "项目编号：XM-2026-01", "乡镇：某某镇（320206101）",
                     "实施主体：某某镇人民政府", "编制单位：某某规划设计院", "编制日期：2026年11月20日"):
            assert fact in block, (sheet.title, fact)
        assert unit_text(sheet) is not None, sheet.title
    codes = by_label(block_rows(ws, header_row(ws, "地类编码") + 2), 0)
    assert codes["01"][2] == pytest.approx(1.605)
    compliance = by_label(block_rows(wb["表11 指标核验表"], 4), 1)
    assert compliance["实施期限"][2] == 2
    assert "2026—2027 年（项目设置）" in compliance["实施期限"][7]


def test_needs_a_dltb_or_a_project(provider, tmp_path):
    with pytest.raises(QgsProcessingException):
        processing.run(ALG, {"OUTPUT_XLSX": str(tmp_path / "x.xlsx")})
    assert not list(tmp_path.iterdir())


# ---------------------------------------------------------------- child algorithms (tables 6 and 7)


def pbf_layers():
    """Farmland before: parcel 1 and the 水浇地 of parcel 4; after: parcel 1 and the pond of parcel 9."""
    fields = [("BSM", QVariant.Type.String), ("DLBM", QVariant.Type.String), ("YJJBNTTBMJ", QVariant.Type.Double),
              ("GDDB", QVariant.Type.Int), ("ZLDWDM", QVariant.Type.String)]
    pbf_before = memory_layer("YJJBNTTB", [
        {"BSM": "P1", "DLBM": "0101", "YJJBNTTBMJ": 10000.0, "GDDB": 5, "ZLDWDM": VILLAGE_A,
         "wkt": rect(0, 0, 100, 100)},
        {"BSM": "P2", "DLBM": "0102", "YJJBNTTBMJ": 2000.0, "GDDB": 7, "ZLDWDM": VILLAGE_A,
         "wkt": rect(200, 0, 250, 40)}], fields=fields)
    pbf_after = memory_layer("YJJBNTTB_GH", [
        {"BSM": "Q1", "DLBM": "0101", "YJJBNTTBMJ": 10000.0, "GDDB": 5, "ZLDWDM": VILLAGE_A,
         "wkt": rect(0, 0, 100, 100)},
        {"BSM": "Q2", "DLBM": "0101", "YJJBNTTBMJ": 3000.0, "GDDB": 5, "ZLDWDM": VILLAGE_A,
         "wkt": rect(200, 40, 250, 100)}], fields=fields)
    return pbf_before, pbf_after


def test_farmland_table_from_the_child_algorithm(provider, tmp_path, before):
    registry = QgsApplication.processingRegistry()
    pbf_before, pbf_after = pbf_layers()
    params = {**plan_params(before), "PBF_BEFORE": pbf_before, "PBF_AFTER": pbf_after}
    alg = registry.algorithmById("landconsolidation:farmlandadjustment")
    if alg is None:
        result, wb = export(tmp_path, **params, TABLES=[5, 0])
        assert "永久基本农田调整表" in result["MISSING"]
        assert wb.sheetnames == ["表1 土地利用现状分类面积汇总表"]
        return
    result, wb = export(tmp_path, **params, TABLES=[5, 10], UNITS=2)
    assert wb.sheetnames == ["表6 永久基本农田调整表", "表11 指标核验表"]
    outputs = {d.name(): "memory:" for d in alg.destinationParameterDefinitions()}
    reference = processing.run("landconsolidation:farmlandadjustment", {
        "PBF_BEFORE": pbf_before, "PBF_AFTER": pbf_after, "DLTB": before, **outputs})
    ws = wb.worksheets[0]
    rows = {(r[0], r[1]): r for r in block_rows(ws, header_row(ws, "一、调出与调入") + 2)}
    # 调出 = P2 (the 水浇地 of parcel 4, 2 000 m², 等别 7); 调入 = Q2 (3 000 m², 等别 5).
    # (ellipsoidal areas of the rectangles: a few hundredths of a m² under the planar ones)
    assert reference["OUT_M2"] == pytest.approx(2000.0, abs=0.5)
    assert reference["IN_M2"] == pytest.approx(3000.0, abs=0.5)
    out_m2, in_m2 = reference["OUT_M2"], reference["IN_M2"]
    assert rows[("面积", "公顷")][2:5] == pytest.approx([out_m2 / 1e4, in_m2 / 1e4, (in_m2 - out_m2) / 1e4],
                                                      abs=HA_UNIT)
    assert rows[("面积", "亩")][2:5] == pytest.approx([out_m2 * 0.0015, in_m2 * 0.0015, (in_m2 - out_m2) * 0.0015],
                                                    abs=MU_UNIT)
    assert rows[("图斑数", "个")][2:5] == [reference["OUT_COUNT"], reference["IN_COUNT"], 0]
    grade = next(r for (name, unit), r in rows.items() if unit == "等")
    assert grade[2:4] == pytest.approx([reference["OUT_QUALITY"], reference["IN_QUALITY"]], abs=0.005)
    # Every partition of the area (现状地类, 坡度, 连片规模 面积) adds up to the shown 面积.
    lines = block_rows(ws, header_row(ws, "一、调出与调入") + 2)
    for category in ("现状地类", "坡度"):
        start = next(i for i, r in enumerate(lines) if r[0] == category)
        members = []
        for line in lines[start + 1:]:
            if not str(line[0]).startswith("　"):
                break
            members.append(line)
        for unit in ("公顷", "亩"):
            parts = [m for m in members if m[1] == unit]
            if parts:
                total = rows[("面积", unit)]
                assert sum(p[2] for p in parts) == pytest.approx(total[2], abs=1e-9), (category, unit)
                assert sum(p[3] for p in parts) == pytest.approx(total[3], abs=1e-9), (category, unit)
    results = block_rows(ws, header_row(ws, "二、审查结果") + 2)
    added = next(r for r in results if str(r[0]).startswith("新增比例"))
    assert added[2] == pytest.approx(reference["ADDED_RATIO"], abs=0.005)
    assert added[3] == "≥" and added[4] == pytest.approx(5.0)
    assert added[5] == ("符合" if reference["ADDED_RATIO"] >= 5 else "不符合")
    compliance = by_label(block_rows(wb["表11 指标核验表"], 4), 1)
    assert compliance["新增永久基本农田比例"][2] == pytest.approx(reference["ADDED_RATIO"], abs=0.005)
    assert compliance["新增永久基本农田比例"][6] == "通过"


def test_farmland_sheet_from_the_numbers_alone(tmp_path):
    """The layout used when the review table has another shape: the API's numbers only."""
    numbers = {"OUT_M2": 1200.0, "IN_M2": 1500.0, "OUT_COUNT": 3, "IN_COUNT": 2, "OUT_QUALITY": 5.5,
               "IN_QUALITY": 4.25, "ADDED_RATIO": 25.0, "OUT_RATIO": 10.0, "CONTIGUITY_CHANGE": 87.5}
    review = pd.DataFrame({"ITEM": ["水田", "旱地"], "OUT_M2": [800.0, 400.0], "IN_M2": [1500.0, 0.0]})
    sheet = workbook.farmland_sheet(numbers, review, workbook.units_for(0))
    workbook.save([sheet], tmp_path / "f.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "f.xlsx").active
    rows = by_label(block_rows(ws, header_row(ws, "一、调出与调入") + 2), 0)
    assert rows["面积"][2:5] == pytest.approx([0.12, 0.15, 0.03])
    assert rows["图斑数"][2:5] == [3, 2, -1]
    assert rows["平均图斑面积"][2:4] == pytest.approx([0.04, 0.075])
    assert rows["平均质量等别"][2:4] == pytest.approx([5.5, 4.25])
    review_rows = by_label(block_rows(ws, header_row(ws, "二、审查结果") + 2), 0)
    assert review_rows["新增比例"][1] == pytest.approx(25.0) and review_rows["新增比例"][5] == "符合"
    detail = by_label(block_rows(ws, header_row(ws, "三、审查表明细") + 2), 0)
    assert detail["水田"][1:3] == pytest.approx([0.08, 0.15])


def test_contiguity_table_from_the_child_algorithm(provider, tmp_path, before, after):
    if QgsApplication.processingRegistry().algorithmById("landconsolidation:contiguity") is None:
        result, wb = export(tmp_path, **plan_params(before, after), TABLES=[6, 0])
        assert "耕地集中连片统计表" in result["MISSING"]
        assert wb.sheetnames == ["表1 土地利用现状分类面积汇总表"]
        return
    result, wb = export(tmp_path, **plan_params(before, after), TABLES=[6])
    assert wb.sheetnames == ["表7 耕地集中连片统计表"]
    ws = wb.worksheets[0]
    rows = {(r[0], r[1]): r for r in block_rows(ws, header_row(ws, "指标") + 1)}
    runs = [processing.run("landconsolidation:contiguity", {"INPUT": layer, "OUTPUT": "memory:"})
            for layer in (before, after)]
    for key, label, kind in workbook.CONTIGUITY_ROWS:
        unit = {"count": "个", "percent": "%", "area": "公顷", "number": None}[kind]
        row = rows[(label, unit)]
        for side, run in enumerate(runs):
            value = run[key]
            if kind == "area":
                value = value / 1e4
            tolerance = {"count": 0, "percent": 0.005, "area": HA_UNIT, "number": 0.005}[kind]
            assert row[2 + side] == pytest.approx(value, abs=tolerance), (label, side)


def test_contiguity_table_from_planned_codes_with_blanks(provider, tmp_path):
    """Table 7 from the planned-code field: an empty GHDLBM is the parcel unchanged (parcel 8 stays 旱地).

    The after column must equal landconsolidation:contiguity run on a layer holding each parcel's planned code
    written out by hand (GHDLBM, else DLBM).
    """
    rows = plan_before_rows()
    for row in rows:
        if row["BSM"] == "8":
            row["GHDLBM"] = ""
    before = memory_layer("DLTB", rows, fields=PLAN_FIELDS)
    planned = memory_layer("DLTB_GH", [dict(row, DLBM=row["GHDLBM"] or row["DLBM"]) for row in rows],
                           fields=PLAN_FIELDS)
    result, wb = export(tmp_path, DLTB=before, AFTER_FIELD="GHDLBM", TABLES=[6])
    ws = wb.worksheets[0]
    rows_7 = {(r[0], r[1]): r for r in block_rows(ws, header_row(ws, "指标") + 1)}
    runs = [processing.run("landconsolidation:contiguity", {"INPUT": layer, "OUTPUT": "memory:"})
            for layer in (before, planned)]
    assert runs[1]["PARCEL_COUNT"] == 6  # 1, 2, 3, 8, 9 and 12 are 耕地 after (8 through its blank GHDLBM)
    for key, label, kind in workbook.CONTIGUITY_ROWS:
        unit = {"count": "个", "percent": "%", "area": "公顷", "number": None}[kind]
        for side, run in enumerate(runs):
            value = run[key] / 1e4 if kind == "area" else run[key]
            tolerance = {"count": 0, "percent": 0.005, "area": HA_UNIT, "number": 0.005}[kind]
            assert rows_7[(label, unit)][2 + side] == pytest.approx(value, abs=tolerance), (label, side)


# ---------------------------------------------------------------- CSV and atomic writing


def test_csv_per_table(provider, tmp_path, before):
    folder = tmp_path / "csv"
    result, wb = export(tmp_path, **plan_params(before), TABLES=[0, 3], CSV_FOLDER=str(folder))
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["表1 土地利用现状分类面积汇总表.csv", "表4 新增耕地来源表.csv", "表4 新增耕地来源表_新增耕地汇总.csv"]
    table = pd.read_csv(folder / "表1 土地利用现状分类面积汇总表.csv", dtype=str, encoding="utf-8-sig")
    assert list(table.columns[:4]) == ["行政区域/名称", "行政区域/代码", "国土调查总面积", "湿地（00）"]
    assert table.iloc[0, 0] == "合计" and table.iloc[0, 2] == "3.4800"
    sources = pd.read_csv(folder / "表4 新增耕地来源表.csv", dtype=str, encoding="utf-8-sig")
    assert sources.columns[2] == "新增耕地面积/小计"
    assert sources.iloc[-1, 2] == "0.5380"
    assert not [p for p in tmp_path.rglob("*.part")]


def test_failed_write_leaves_no_file(provider, tmp_path, before, monkeypatch):
    out = tmp_path / "scheme.xlsx"
    out.write_bytes(b"previous workbook")

    def broken(_workbook, path, _rows):
        Path(path).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(workbook.xlsx, "save_workbook", broken)
    with pytest.raises(QgsProcessingException):
        processing.run(ALG, {**plan_params(before), "OUTPUT_XLSX": str(out), "CSV_FOLDER": str(tmp_path / "csv")})
    assert out.read_bytes() == b"previous workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scheme.xlsx"]


def test_body_rows_written_as_xml_equal_openpyxl_cells(tmp_path):
    """The body rows save() writes as worksheet XML read back as the cells openpyxl itself writes.

    Every kind of value a body cell can take – text with markup characters, leading spaces, a control
    character, a leading "=", numbers in every kind, None, NaN, a mixed-kind Cell, a bold total row, a
    wrapped text row – and a block with a spanning column (written by openpyxl either way) beside one without.
    """
    from land_consolidation.core.workbook import xlsx

    columns = [workbook.Column(("名称",), "text", width=8), workbook.Column(("代码",), "code"),
               workbook.Column(("面积",), "area", 4), workbook.Column(("比例",), "percent", 2),
               workbook.Column(("个数",), "int"), workbook.Column(("序号",), "serial")]
    rows = [
        workbook.Row(["a & b <c>", "0101", 1.23456, 12.345, 3, 1]),
        workbook.Row(["  leading spaces", 101, None, float("nan"), 0, 2]),
        workbook.Row(["bell\x07 removed", "", workbook.Cell(7.5, "money", 1), 0.0, None, 3]),
        workbook.Row(["=SUM(A1:A2)", None, -0.00004, 100.0, 12, 4]),
        workbook.Row(["一段很长的说明文字会折行显示在单元格里面", "1001", 2.0, 50.0, 1, 5]),
        workbook.Row(["合计", "", 3.2346, 100.0, 16, None], style="total"),
    ]
    spanning = workbook.Block([workbook.Column(("说明",), "text", span=2), workbook.Column(("面积",), "area", 2)],
                              [workbook.Row(["跨两列", 1.5]), workbook.Row(["合计", 1.5], style="total")])
    sheet = workbook.Sheet("x", "表1 x", "x", "面积单位：公顷", [workbook.Block(columns, rows), spanning],
                           notes=["注：说明。"])
    fast = tmp_path / "fast.xlsx"
    xlsx.save([sheet], fast)
    slow = tmp_path / "slow.xlsx"
    xlsx.write_workbook([sheet]).save(slow)
    a, b = openpyxl.load_workbook(fast).worksheets[0], openpyxl.load_workbook(slow).worksheets[0]
    # title, unit line, header, 6 rows, a gap, header, 2 rows, a gap, the note
    assert (a.max_row, a.max_column) == (b.max_row, b.max_column) == (15, 6)
    assert a.dimensions == "A1:F15"
    assert sorted(map(str, a.merged_cells.ranges)) == sorted(map(str, b.merged_cells.ranges))
    for r in range(1, b.max_row + 1):
        assert a.row_dimensions[r].height == b.row_dimensions[r].height, r
        for c in range(1, b.max_column + 1):
            x, y = a.cell(r, c), b.cell(r, c)
            assert (x.value, x.data_type, x.number_format) == (y.value, y.data_type, y.number_format), x.coordinate
            for part in ("font", "alignment", "border", "fill"):
                assert repr(getattr(x, part)) == repr(getattr(y, part)), (x.coordinate, part)
    body = header_row(a, "名称") + 1
    assert [a.cell(body + k, 1).value for k in range(4)] == ["a & b <c>", "  leading spaces", "bell removed",
                                                              "=SUM(A1:A2)"]
    assert a.cell(body + 3, 1).data_type == "s"
    assert a.cell(body, 3).value == 1.2346 and a.cell(body, 3).number_format == "0.0000"
    assert a.cell(body + 1, 4).value == "—" and a.cell(body + 2, 3).value == 7.5
    assert a.cell(body + 5, 1).font.bold and not a.cell(body, 1).font.bold
    assert a.row_dimensions[body + 4].height > 20  # the wrapped text's row is taller


def test_failed_csv_leaves_no_file(tmp_path, monkeypatch):
    sheet = workbook.Sheet("x", "表1 x", "x", "面积单位：公顷", [
        workbook.Block([workbook.Column(("a",), "area", 4)], [workbook.Row([1.0])])])

    def broken(path, sheet, block_index=0):
        Path(path).write_text("half")
        raise OSError("disk full")

    monkeypatch.setattr(workbook.csv_export, "write_csv", broken)
    with pytest.raises(OSError):
        workbook.save([sheet], tmp_path / "out.xlsx", tmp_path / "csv")
    assert not (tmp_path / "out.xlsx").exists()
    assert list((tmp_path / "csv").iterdir()) == []


# ---------------------------------------------------------------- rounding (pure)


def test_controlled_rounding_keeps_both_margins():
    rng = np.random.default_rng(5)
    exact = rng.uniform(0, 3, size=(7, 9)).round(7)
    exact[2, 3] = 0.0
    grand = workbook.shown(exact.sum(), 2)
    rows = workbook.split(exact.sum(axis=1), 2, grand)
    cols = workbook.split(exact.sum(axis=0), 2, grand)
    cells = workbook.controlled_round(exact, 2, rows, cols)
    assert cells is not None
    assert np.allclose(cells.sum(axis=1), rows) and np.allclose(cells.sum(axis=0), cols)
    assert np.all(np.abs(cells - exact) < 0.01 + 1e-9)
    assert cells[2, 3] == 0.0


def test_before_after_keeps_unchanged_and_vanished_classes():
    before = [("01", "0101", 1.23456), ("01", "0102", 2.34567), ("05", "05H1", 4.20884), ("06", "0602", 5.07414)]
    after = [("01", "0101", 6.54321 + 0.0), ("01", "0102", 1.45678), ("05", "05H1", 4.20884), ("06", "0602", 0.0)]
    b, a, c = workbook.before_after(before, after, 2)
    assert a[2][("05", "05H1")] == b[2][("05", "05H1")] and c[2][("05", "05H1")] == 0.0
    assert a[2][("06", "0602")] == 0.0 and a[1]["06"] == 0.0
    for side in (b, a, c):
        assert side[0] == pytest.approx(sum(side[1].values()))
        for group, value in side[1].items():
            assert value == pytest.approx(sum(v for (g, _), v in side[2].items() if g == group))
    assert a[0] == workbook.shown(sum(v for *_, v in after), 2)


def test_header_merges():
    columns = [workbook.Column(("A", "x")), workbook.Column(("A", "y")), workbook.Column(("B",)),
               workbook.Column(("C", "z"))]
    assert sorted(workbook.header_merges(columns)) == [(0, 0, 0, 1), (0, 2, 1, 2)]


def test_sample_workbook(provider, tmp_path, sample_gpkg):
    """The bundled sample: every table its inputs allow, numeric cells, subtotals adding up."""
    def uri(name):
        return f"{sample_gpkg}|layername={name}"

    result, wb = export(tmp_path, DLTB=uri("DLTB"), AFTER=uri("DLTB_GH"), PROJECT_AREA=uri("XMQ"),
                        SUBPROJECTS=uri("ZXM"), UNITS=2)
    for wanted in ("表1 土地利用现状分类面积汇总表（公顷）", "表1 土地利用现状分类面积汇总表（亩）", "表2 土地利用结构调整表",
                   "表4 新增耕地来源表", "表9 子项目清单", "表10 年度实施计划", "表11 指标核验表"):
        assert wanted in wb.sheetnames
    for name in ("表1 土地利用现状分类面积汇总表（公顷）", "表1 土地利用现状分类面积汇总表（亩）"):
        ws = wb[name]
        top = header_row(ws, "行政区域")
        columns = class_columns(ws, top)
        table = codes_mod.default_table()
        rows = block_rows(ws, top + 2)
        for row in rows:
            assert_numeric(row[2:])
            groups = {c for c in columns if len(c) == 2 and c != "09"}
            assert row[2] == pytest.approx(sum(row[columns[g] - 1] for g in groups | {"09"}), abs=1e-9)
            for group in groups:
                members = [c for c in columns if len(c) == 4 and table.lookup(c).group == group]
                assert row[columns[group] - 1] == pytest.approx(sum(row[columns[c] - 1] for c in members), abs=1e-9)
        for column in range(3, ws.max_column + 1):
            assert rows[0][column - 1] == pytest.approx(sum(r[column - 1] for r in rows[1:]), abs=1e-9)


def test_project_field_mapping_is_applied(provider, tmp_path):
    """A DLTB whose code field is called DM: the project's mapping {code: DM} carries into the export.
    Status totals are those of test_status_numbers (3.86 ha; 耕地 2.38 ha)."""
    rows = status_rows()
    fields = [("DM" if name == "DLBM" else name, kind) for name, kind in DLTB_FIELDS]
    for row in rows:
        row["DM"] = row.pop("DLBM")
    layer = memory_layer("DLTB", rows, fields=fields)
    gpkg = tmp_path / "mapped.gpkg"
    processing.run("landconsolidation:createproject", {
        "DLTB": layer, "VILLAGES": f"{VILLAGE_A},{VILLAGE_B}", "NAME": "映射", "START_YEAR": 2026, "END_YEAR": 2026,
        "FIELD_MAPPING": '{"code": "DM"}', "OUTPUT": str(gpkg)})
    _, wb = export(tmp_path, PROJECT=str(gpkg), TABLES=[0])
    ws = wb.worksheets[0]
    top = header_row(ws, "行政区域")
    columns = class_columns(ws, top)
    total = block_rows(ws, top + 2)[0]
    assert total[0] == "合计"
    assert total[2] == pytest.approx(3.86, abs=1e-9)
    assert total[columns["01"] - 1] == pytest.approx(2.38, abs=1e-9)
