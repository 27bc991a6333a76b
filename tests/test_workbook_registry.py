"""The registry of scheme tables (core/workbook/registry.py) and what reads it.

The registry is the one list of tables: the algorithm's TABLES options, the
export dialog's list, the numbering and order of the sheets and the "left
out" messages all come from it, so a table registered here (and nowhere
else) is offered, built and written.  The inputs the builders receive are
read or run only when a wanted table asks for them, once.  The export
dialog sends decimals only when the user changed them, so each unit keeps
its own default (4 for 公顷, 2 for 亩).
"""
import gc
import weakref
from collections import Counter
from types import SimpleNamespace

import openpyxl
import pytest
from builders import VILLAGE_A, VILLAGE_B, memory_layer, rect, status_rows
from land_consolidation.core import workbook
from land_consolidation.core.keys import DECIMALS, OUTPUT_XLSX, PROJECT, TABLES, UNITS
from land_consolidation.dialogs.export_dialog import ExportDialog
from qgis import processing
from qgis.core import QgsApplication, QgsProcessingFeedback
from qgis.PyQt.QtCore import Qt
from test_workbook import SUB_FIELDS, block_rows, header_row

ALG = "landconsolidation:exportscheme"
#: The public TABLES options (models and scripts choose tables by their index).
OFFICIAL = ["1 土地利用现状分类面积汇总表", "2 土地利用结构调整表", "3 土地利用转移矩阵", "4 新增耕地来源表",
            "5 耕地进出平衡表", "6 永久基本农田调整表", "7 耕地集中连片统计表", "8 增减挂钩拆旧建新表",
            "9 子项目清单", "10 年度实施计划", "11 指标核验表"]
#: The submission tables of issue 12, appended after them (the first eleven keep their indices).
SUBMISSION = ["12 项目基本情况表", "13 新增耕地图斑清单", "14 永久基本农田调出图斑清单", "15 永久基本农田调入图斑清单",
              "16 拆旧复垦地块清单", "17 建新地块清单", "18 投资估算表", "19 增减挂钩项目区平衡表"]
#: The monitoring tables of issue 15 (with later surveys).
MONITORING = ["20 年度实施进度表", "21 年度自评表", "22 偏差清单", "23 验收自评表"]
ALL = OFFICIAL + SUBMISSION + MONITORING
#: The number a table registered after them gets.
EXTRA = len(ALL) + 1


def tables_option(algorithm=None):
    algorithm = algorithm or QgsApplication.processingRegistry().createAlgorithmById(ALG)
    return algorithm.parameterDefinition(TABLES).options()


def dialog_tables(dialog):
    items = [dialog.tablesList.item(i) for i in range(dialog.tablesList.count())]
    return [item.text() for item in items], [item.data(Qt.ItemDataRole.UserRole) for item in items]


class Log(QgsProcessingFeedback):
    """A feedback that keeps the warnings."""

    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, text):  # noqa: N802
        self.warnings.append(text)


# ---------------------------------------------------------------- (a) one list for the algorithm and the dialog


def test_the_registry_drives_the_tables_option_and_the_dialog(provider, chinese):
    """In a Chinese QGIS the options are the official titles (the Chinese of each table's English label)."""
    registered = workbook.tables()
    assert [t.key for t in registered] == ["status", "structure", "transition", "sources", "balance", "farmland",
                                           "contiguity", "linkage", "subprojects", "annual", "compliance",
                                           "overview", "new_cultivated", "pbf_out", "pbf_in", "reclaimed",
                                           "new_build", "investment", "linkage_areas", "progress", "self_assessment",
                                           "deviations", "acceptance"]
    assert [f"{i + 1} {t.title}" for i, t in enumerate(registered)] == ALL
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALG)
    assert tables_option(algorithm) == ALL
    assert algorithm.parameterDefinition(TABLES).defaultValue() == list(range(len(ALL)))
    labels, indices = dialog_tables(ExportDialog())
    assert labels == ALL
    assert indices == list(range(len(ALL)))
    assert [workbook.number(t.key) for t in registered] == list(range(1, len(ALL) + 1))


def test_an_english_qgis_names_the_tables_in_english(provider):
    options = tables_option()
    assert options[:3] == ["1 Land-use status by class", "2 Adjustment of the land-use structure",
                           "3 Land-use transition matrix"]
    assert not any("\u4e00" <= ch <= "\u9fff" for option in options for ch in option)
    labels, _ = dialog_tables(ExportDialog())
    assert labels == options


def test_the_help_lists_the_tables_and_their_needs(provider, chinese):
    text = QgsApplication.processingRegistry().createAlgorithmById(ALG).shortHelpString()
    assert ", ".join(ALL) in text
    # What each table needs, by number, from the registry: the plan for 2–5, 8, 11, 13, 16, 17 and 19, …
    assert "2–5, 8, 11, 13, 16, 17, 19 — " in text and "6, 14, 15 — " in text and "9, 10, 18 — " in text
    assert "20–23 — " in text


# ---------------------------------------------------------------- (b) a table added through the registry alone

EXTRA_TITLE = "子项目面积表"


def build_extra(inputs, number):
    """A small table of the sub-projects' areas: one row each, in every unit."""
    frame = inputs.subprojects
    columns = [workbook.Column(("子项目名称",), "text")] + workbook.area_columns(("面积",), inputs.units)
    rows = [workbook.Row([name] + [workbook.shown(area * u.per_m2, u.decimals) for u in inputs.units])
            for name, area in zip(frame["name"], frame["area_m2"])]
    return [workbook.Sheet("extra", f"表{number} {EXTRA_TITLE}", EXTRA_TITLE, workbook.unit_line(inputs.units),
                           [workbook.Block(columns, rows)], project=inputs.project)]


@pytest.fixture
def sub_layer():
    """Three sub-projects: 100 × 100, 50 × 40 and 30 × 50 m."""
    return memory_layer("ZXM", [
        {"XMBH": "ZX-01", "XMLX": "建设用地复垦", "XMMC": "宅基地复垦", "SSND": 2026, "wkt": rect(100, 0, 150, 40)},
        {"XMBH": "ZX-02", "XMLX": "建新安置", "XMMC": "集中安置区", "SSND": 2027, "wkt": rect(300, 0, 330, 50)},
        {"XMBH": "ZX-03", "XMLX": "农用地整理", "XMMC": "东片农田整理", "SSND": 2027, "wkt": rect(0, 0, 100, 100)},
    ], fields=SUB_FIELDS)


@pytest.fixture
def extra_table():
    entry = workbook.register(workbook.Table("extra", EXTRA_TITLE, build_extra, needs=(workbook.SUBPROJECTS,)))
    yield entry
    workbook.unregister("extra")


def test_a_registered_table_is_offered_built_and_written(provider, tmp_path, extra_table, sub_layer, chinese):
    assert tables_option() == ALL + [f"{EXTRA} {EXTRA_TITLE}"]
    labels, indices = dialog_tables(ExportDialog())
    assert labels[-1] == f"{EXTRA} {EXTRA_TITLE}" and indices[-1] == EXTRA - 1
    assert f"{EXTRA} {EXTRA_TITLE}" in QgsApplication.processingRegistry().createAlgorithmById(ALG).shortHelpString()

    out = tmp_path / "extra.xlsx"
    result = processing.run(ALG, {"DLTB": memory_layer("DLTB", status_rows()), "SUBPROJECTS": sub_layer,
                                  "TABLES": [EXTRA - 1, 0], "UNITS": 2, "OUTPUT_XLSX": str(out)})
    assert result["MISSING"] == ""
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["表1 土地利用现状分类面积汇总表（公顷）", "表1 土地利用现状分类面积汇总表（亩）",
                             f"表{EXTRA} {EXTRA_TITLE}"]
    ws = wb[f"表{EXTRA} {EXTRA_TITLE}"]
    assert ws.cell(1, 1).value == EXTRA_TITLE
    assert "面积单位：公顷、亩" in [ws.cell(r, 1).value for r in range(2, 5)]
    rows = {r[0]: r[1:3] for r in block_rows(ws, header_row(ws, "子项目名称") + 2)}
    assert rows["东片农田整理"] == pytest.approx([1.0, 15.0])
    assert rows["宅基地复垦"] == pytest.approx([0.2, 3.0])
    assert rows["集中安置区"] == pytest.approx([0.15, 2.25])


def test_a_registered_table_is_left_out_when_its_needs_are_missing(provider, tmp_path, extra_table):
    out = tmp_path / "no_extra.xlsx"
    log = Log()
    result = processing.run(ALG, {"DLTB": memory_layer("DLTB", status_rows()), "TABLES": [0, EXTRA - 1],
                                  "OUTPUT_XLSX": str(out)}, feedback=log)
    assert result["MISSING"] == EXTRA_TITLE
    assert f"Left out: table {EXTRA}, {EXTRA_TITLE} — no sub-project layer (SUBPROJECTS)." in log.warnings
    assert openpyxl.load_workbook(out).sheetnames == ["表1 土地利用现状分类面积汇总表"]


def test_a_key_is_registered_once(extra_table):
    with pytest.raises(ValueError):
        workbook.register(workbook.Table("extra", "again", build_extra))


# ---------------------------------------------------------------- inputs: read when needed, once


@pytest.fixture
def probes():
    """Tables that only ask the inputs for one thing each, registered for the test."""
    asked = {}

    def asking(name, optional=False):
        def build(inputs, number):
            asked[name] = inputs.optional(name) if optional else getattr(inputs, name)
            return [workbook.Sheet(name, f"表{number} {name}", name, "", [])]
        return build

    entries = [
        workbook.Table("p_parcels", "parcels", asking("parcels")),
        workbook.Table("p_plan", "plan", asking("plan"), needs=(workbook.PLAN,)),
        workbook.Table("p_overlay", "overlay", asking("plan"), needs=(workbook.PLAN,),
                       uses=(workbook.SUBPROJECTS, workbook.PIECE_GEOMETRIES)),
        workbook.Table("p_farmland", "farmland", asking("farmland"), needs=(workbook.PBF,)),
        workbook.Table("p_farmland_rate", "farmland rate", asking("farmland", optional=True), uses=(workbook.PBF,)),
        workbook.Table("p_subprojects", "subprojects", asking("subprojects"), needs=(workbook.SUBPROJECTS,)),
    ]
    for entry in entries:
        workbook.register(entry)
    yield asked
    for entry in entries:
        workbook.unregister(entry.key)


def counting_sources(calls, farmland=None, subprojects=True):
    plan = SimpleNamespace(before="parcels of the plan", pieces=None)

    def count(name, value):
        calls[name] += 1
        return value

    def failing_farmland():
        calls["farmland"] += 1
        raise workbook.Unavailable("farmlandadjustment failed")

    return workbook.Sources(
        dltb=lambda: count("dltb", "parcels read alone"),
        plan=lambda keep_geometry: count(f"plan(keep_geometry={keep_geometry})", plan),
        farmland=farmland or failing_farmland,
        subprojects=(lambda: count("subprojects", "the sub-projects")) if subprojects else None,
        subproject_layer="layer" if subprojects else None,
    )


def test_the_plan_is_read_only_for_a_table_that_needs_it(probes):
    calls = Counter()
    outcome = workbook.build(["p_parcels"], workbook.Inputs(counting_sources(calls)))
    assert calls == {"dltb": 1}
    assert probes["parcels"] == "parcels read alone"
    assert [s.name for s in outcome.sheets] == [f"表{workbook.number('p_parcels')} parcels"]


def test_the_plan_is_read_once_and_gives_the_parcels(probes):
    calls = Counter()
    workbook.build(["p_plan", "p_parcels"], workbook.Inputs(counting_sources(calls)))
    assert calls == {"plan(keep_geometry=False)": 1}
    assert probes["parcels"] == "parcels of the plan"


def test_piece_geometries_only_for_an_overlay_with_subprojects(probes):
    calls = Counter()
    workbook.build(["p_overlay", "p_plan"], workbook.Inputs(counting_sources(calls)))
    assert calls == {"plan(keep_geometry=True)": 1}
    calls.clear()
    workbook.build(["p_overlay"], workbook.Inputs(counting_sources(calls, subprojects=False)))
    assert calls == {"plan(keep_geometry=False)": 1}


def test_an_unavailable_input_leaves_out_its_table_and_is_asked_once(probes):
    calls = Counter()
    outcome = workbook.build(["p_farmland_rate", "p_farmland", "p_subprojects"],
                             workbook.Inputs(counting_sources(calls)))
    assert calls == {"farmland": 1, "subprojects": 1}
    assert [(left.table.key, left.reason) for left in outcome.left_out] == [("p_farmland", "farmlandadjustment failed")]
    assert probes["farmland"] is None  # the optional use goes on without it
    assert [s.title for s in outcome.sheets] == ["farmland", "subprojects"]  # what p_farmland_rate, … asked for


def test_a_missing_need_is_left_out_with_its_translated_reason_and_not_built(probes):
    calls = Counter()
    sources = counting_sources(calls, subprojects=False)
    sources.plan = None
    outcome = workbook.build(["p_plan", "p_subprojects", "p_parcels"], workbook.Inputs(sources),
                             translate=lambda text: f"«{text}»")
    assert [(left.table.key, left.reason) for left in outcome.left_out] == [
        ("p_plan", "«no plan (AFTER or AFTER_FIELD)»"), ("p_subprojects", "«no sub-project layer (SUBPROJECTS)»")]
    assert set(probes) == {"parcels"} and calls == {"dltb": 1}


# ---------------------------------------------------------------- (c) the dialog's decimals follow the unit


@pytest.fixture
def project_gpkg(provider, tmp_path):
    gpkg = tmp_path / "东西村.gpkg"
    processing.run("landconsolidation:createproject", {
        "DLTB": memory_layer("DLTB", status_rows()), "VILLAGES": f"{VILLAGE_A},{VILLAGE_B}", "NAME": "东西村",
        "START_YEAR": 2026, "END_YEAR": 2026, "OUTPUT": str(gpkg)})
    return gpkg


def number_formats(params, tmp_path, name):
    """Number format of the 合计 row's 国土调查总面积 on each sheet of the workbook the parameters write."""
    out = tmp_path / name
    processing.run(ALG, {**params, OUTPUT_XLSX: str(out)})
    formats = []
    for ws in openpyxl.load_workbook(out).worksheets:
        formats.append(ws.cell(header_row(ws, "行政区域") + 2, 3).number_format)
    return formats


def test_dialog_decimals_follow_the_unit_unless_changed(project_gpkg, tmp_path):
    dialog = ExportDialog(str(project_gpkg))
    dialog.outputWidget.setFilePath(str(tmp_path / "unused.xlsx"))
    for item in range(1, dialog.tablesList.count()):
        dialog.tablesList.item(item).setCheckState(Qt.CheckState.Unchecked)  # the status table alone
    expected = {0: (4, ["0.0000"]), 1: (2, ["0.00"]), 2: (4, ["0.0000", "0.00"])}
    for choice, (shown, formats) in expected.items():
        dialog.unitsCombo.setCurrentIndex(choice)
        assert dialog.decimalsSpin.value() == shown
        params = dialog.parameters()
        assert params[PROJECT] == str(project_gpkg) and params[UNITS] == choice and params[TABLES] == [0]
        assert DECIMALS not in params
        assert number_formats(params, tmp_path, f"unit{choice}.xlsx") == formats

    dialog.decimalsSpin.setValue(1)
    dialog.unitsCombo.setCurrentIndex(1)
    assert dialog.decimalsSpin.value() == 1  # the user's choice stays
    assert dialog.parameters()[DECIMALS] == 1
    dialog.unitsCombo.setCurrentIndex(2)
    assert number_formats(dialog.parameters(), tmp_path, "changed.xlsx") == ["0.0", "0.0"]


def test_a_failed_farmland_review_is_said_in_the_compliance_note():
    """Given layers whose review failed are not 'not given': the 永农 rule's note says what failed."""
    from land_consolidation.core import compliance, indicators
    from land_consolidation.core.workbook.inputs import Inputs, Sources, Unavailable

    def failing():
        raise Unavailable("landconsolidation:farmlandadjustment 运行失败：测试")

    inputs = Inputs(Sources(farmland=failing))
    assert inputs.failure("farmland") == "landconsolidation:farmlandadjustment 运行失败：测试"
    assert Inputs(Sources()).failure("farmland") is None  # not given: no failure to report
    import pandas as pd

    columns = ("base_b", "base_a", "cat_b", "cat_a", "tbdlmj_b", "tbdlmj_a", "gddb_b", "gddb_a", "gross", "suffix_b",
               "group_b", "village", "czcsxm_b", "czcsxm_a", "kcmj_b", "kcmj_a")
    pieces = pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    results = compliance.evaluate(pieces, indicators.cultivated_land(pieces, 0.0), indicators.construction_land(pieces),
                                  compliance.Thresholds(), None, None, pbf_missing=inputs.failure("farmland"))
    note = next(r.note for r in results if r.rule == "PBF_ADDED")
    assert note == "landconsolidation:farmlandadjustment 运行失败：测试，未核验"


def test_a_remembered_unavailable_input_holds_no_frames():
    """An input that cannot be had is remembered by its reason, not as the exception raised.

    That exception's traceback reaches the frames that asked for the input, whose inputs remember it: a reference
    cycle holding the run's layers and feedback (created in the task's worker thread) for Python's cyclic garbage
    collector, which frees them later in whichever thread it then runs.
    """
    from land_consolidation.core.workbook.inputs import Inputs, Sources, Unavailable

    class Layer:
        """Stands for a layer or a feedback in the frame that asks."""

    def failing():
        raise Unavailable("landconsolidation:farmlandadjustment 运行失败：测试")

    def ask(inputs):
        layer = Layer()
        assert inputs.optional("farmland") is None
        return weakref.ref(layer)

    gc.collect()
    gc.disable()
    try:
        inputs = Inputs(Sources(farmland=failing))
        assert ask(inputs)() is None  # freed with its frame: nothing keeps that frame
        assert ask(inputs)() is None  # nor when the remembered answer is given again
        assert inputs.failure("farmland") == "landconsolidation:farmlandadjustment 运行失败：测试"
        with pytest.raises(Unavailable, match="运行失败"):
            inputs.farmland  # noqa: B018 (the property raises)
    finally:
        gc.enable()
