"""The wizard's drafting assistant (issue 16: "no plan yet — draft one") and its later surveys (issue 15), driven
programmatically (offscreen) on the bundled sample with its plan removed: no DLTB_GH, no ZXM, no GHDLBM."""
import gc
import threading
import weakref

import pytest
from builders import PLAN_FIELDS, VILLAGE_A, memory_layer, plan_before_rows, rect, status_rows
from land_consolidation.core import project
from land_consolidation.dialogs.project_wizard import ProjectWizard
from qgis import processing
from qgis.core import QgsCategorizedSymbolRenderer, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, Qt, QThread
from test_createproject import workbook_added_m2
from test_wizard import tick, wait_for

#: The sample's layers a township without a plan delivers (DLTB_2027: the annual change survey of 2027).
UNPLANNED = ("CZKFBJ", "DLTB", "DLTB_2027", "STBHHX", "XMQ", "YJJBNTTB", "YJJBNTTB_GH")
#: The numbers the wizard shows, compared with a direct run.
FIGURES = ("ADDED_M2", "ADDED_RATE", "RECLAIMED_M2", "COST", "CHOSEN_COUNT", "FEASIBLE", "SHORTFALL_M2", "LP_BOUND",
           "GAP_PCT", "SOLVER", "REASON")


@pytest.fixture(scope="module")
def unplanned_gpkg(sample_gpkg, tmp_path_factory):
    """The sample GeoPackage without its plan: the DLTB without GHDLBM, no DLTB_GH, no ZXM."""
    from osgeo import gdal

    gdal.UseExceptions()
    out = tmp_path_factory.mktemp("unplanned") / "sample_unplanned.gpkg"
    dltb = QgsVectorLayer(f"{sample_gpkg}|layername=DLTB", "DLTB", "ogr")
    keep = [name for name in dltb.fields().names() if name not in ("fid", "GHDLBM")]
    gdal.VectorTranslate(str(out), str(sample_gpkg), layers=["DLTB"], selectFields=keep)
    others = [name for name in UNPLANNED if name != "DLTB"]
    gdal.VectorTranslate(str(out), str(sample_gpkg), layers=others, accessMode="update")
    return out


@pytest.fixture
def township(provider, unplanned_gpkg):
    layers = {name: QgsVectorLayer(f"{unplanned_gpkg}|layername={name}", name, "ogr") for name in UNPLANNED}
    assert all(layer.isValid() for layer in layers.values())
    assert "GHDLBM" not in layers["DLTB"].fields().names()
    QgsProject.instance().addMapLayers(list(layers.values()))
    yield layers
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()


def uri(gpkg, name):
    return f"{gpkg}|layername={name}"


def direct_draft(gpkg, **extra):
    """draftscheme run directly on the sample's files with what the wizard should have passed."""
    params = {"INPUT": uri(gpkg, "DLTB"), "PROJECT_AREA": uri(gpkg, "XMQ"), "RED_LINE": uri(gpkg, "STBHHX"),
              "DEVELOPMENT_BOUNDARY": uri(gpkg, "CZKFBJ"), "PBF": uri(gpkg, "YJJBNTTB"), "TARGET_ADDED_RATE": 5.0,
              "NEW_BUILD_M2": 5000.0, "START_YEAR": 2026, "END_YEAR": 2028, "OUTPUT": "memory:",
              "OUTPUT_CANDIDATES": "memory:", "OUTPUT_SUBPROJECTS": "memory:"}
    params.update(extra)
    return processing.run("landconsolidation:draftscheme", params)


def chosen_bsms(result) -> set:
    layer = result["OUTPUT_CANDIDATES"]
    return {f["BSM"] for f in layer.getFeatures() if f["CHOSEN"] == 1}


def wizard_to_the_plan_page(township):
    wizard = ProjectWizard()
    assert wizard.dltb_layer() is township["DLTB"]
    assert wizard.area_page.mode() == "layer" and wizard.area_page.area_layer() is township["XMQ"]
    facts = wizard.facts_page
    facts.nameEdit.setText("堰墅镇全域土地综合整治项目")
    facts.startSpin.setValue(2026)
    facts.endSpin.setValue(2028)
    wizard.layers_page.initializePage()
    return wizard


def run_and_wait(dialog):
    assert dialog.run() is not None
    assert dialog.is_running() and not dialog.runButton.isEnabled()
    wait_for(lambda: not dialog.is_running(), seconds=120)
    assert dialog.error is None, dialog.error
    return dialog.draft


def test_no_plan_yet_draft_one_rerun_use_and_finish(township, unplanned_gpkg, tmp_path):
    wizard = wizard_to_the_plan_page(township)
    page = wizard.layers_page
    assert page.noPlanRadio.isChecked() and page.draftRadio.isHidden()
    assert [layer.name() for layer in page.surveys()] == ["DLTB_2027"]

    dialog = page.open_draft()
    assert dialog.isVisible()
    inputs = dialog.inputsLabel.text()
    assert all(name in inputs for name in ("DLTB", "XMQ", "STBHHX", "CZKFBJ", "YJJBNTTB", "2026—2028"))
    assert dialog.targetSpin.value() == 5.0 and not dialog.budgetSpin.isEnabled()
    dialog.newBuildSpin.setValue(5000.0)
    draft = run_and_wait(dialog)

    # The figures shown are the algorithm's, run directly on the files with the same choices.
    expected = direct_draft(unplanned_gpkg)
    assert expected["FEASIBLE"] == 1
    for key in FIGURES:
        assert draft.results[key] == expected[key], key
    shown = dialog.figuresLabel.text()
    for text in (f"{expected['ADDED_M2']:,.2f} m²", f"{expected['ADDED_RATE']:.2f} %", f"{expected['RECLAIMED_M2']:,.2f}",
                 f"{expected['COST']:,.2f}", f"{expected['LP_BOUND']:,.2f}", f"{expected['GAP_PCT']:.2f} %",
                 "exact (SciPy milp)", "The draft meets the targets."):
        assert text in shown, text
    # The map of the chosen parcels by type and the drafted sub-projects, in the dialog and in the QGIS map.
    chosen = draft.candidates
    assert chosen.featureCount() == expected["CHOSEN_COUNT"] and all(f["CHOSEN"] == 1 for f in chosen.getFeatures())
    assert isinstance(chosen.renderer(), QgsCategorizedSymbolRenderer)
    assert chosen.renderer().classAttribute() == "POTENTIAL_TYPE"
    assert dialog.mapCanvas.layers() == [draft.subprojects, chosen, draft.plan]
    in_map = set(QgsProject.instance().mapLayers().values())
    assert {chosen, draft.subprojects} <= in_map and draft.plan not in in_map
    assert draft.subprojects.featureCount() == expected["OUTPUT_SUBPROJECTS"].featureCount()
    assert {s for s in chosen_bsms(expected)} == {f["BSM"] for f in chosen.getFeatures()}
    # Every candidate is listed, the chosen ones first and ticked.
    table = dialog.candidateTable
    assert table.rowCount() == expected["OUTPUT_CANDIDATES"].featureCount()
    ticked = [table.item(r, 1).text() for r in range(table.rowCount())
              if table.item(r, 0).checkState() == Qt.CheckState.Checked]
    assert set(ticked) == chosen_bsms(expected)
    assert dialog.runButton.text() == "Rerun" and dialog.useButton.isEnabled()

    # Untick one chosen parcel and rerun: it is in EXCLUDE, not chosen, and the draft still meets the targets.
    left_out = ticked[0]
    dialog.set_chosen(left_out, False)
    assert dialog.exclude() == [left_out] and dialog.include() == []
    assert left_out in dialog.lockLabel.text()
    assert table.item(dialog.rows_by_bsm()[left_out], 7).text() == "Left out at the rerun (EXCLUDE)"
    first = draft
    rerun = run_and_wait(dialog)
    assert rerun.parameters["EXCLUDE"] == left_out
    assert left_out not in {f["BSM"] for f in rerun.candidates.getFeatures()}
    assert rerun.feasible and rerun.results["ADDED_RATE"] >= 5.0
    again = direct_draft(unplanned_gpkg, EXCLUDE=left_out)
    assert rerun.results["ADDED_M2"] == again["ADDED_M2"] and rerun.results["COST"] == again["COST"]
    row = dialog.rows_by_bsm()[left_out]
    assert table.item(row, 0).checkState() == Qt.CheckState.Unchecked
    assert table.item(row, 7).text() == "Left out by you (EXCLUDE)"
    # Ticking a parcel the draft left out locks it in (INCLUDE); unticking it again drops the lock.
    spare = next(table.item(r, 1).text() for r in range(table.rowCount())
                 if table.item(r, 0).checkState() == Qt.CheckState.Unchecked
                 and table.item(r, 0).flags() & Qt.ItemFlag.ItemIsUserCheckable and table.item(r, 1).text() != left_out)
    dialog.set_chosen(spare, True)
    assert dialog.include() == [spare] and dialog.exclude() == [left_out]
    assert table.item(dialog.rows_by_bsm()[spare], 7).text() == "Taken in at the rerun (INCLUDE)"
    dialog.set_chosen(spare, False)
    assert dialog.include() == [] and table.item(dialog.rows_by_bsm()[spare], 7).text() != \
        "Taken in at the rerun (INCLUDE)"
    # The first draft's layers left the map; the rerun's are there.
    in_map = set(QgsProject.instance().mapLayers().values())
    assert first.candidates not in in_map and rerun.candidates in in_map

    # Use this draft: the plan is the drafted DLTB's GHDLBM and GHKCXS, the sub-projects the drafted ones.
    dialog.use()
    assert not dialog.isVisible()
    assert not page.draftRadio.isHidden() and page.draftRadio.isChecked()
    assert page.isComplete(), page.messageLabel.text()
    assert f"{rerun.results['ADDED_M2']:,.2f}" in page.draftLabel.text()
    params = wizard.parameters()
    assert params["DLTB"] == rerun.plan.id() and rerun.plan in QgsProject.instance().mapLayers().values()
    assert (params["AFTER_FIELD"], params["AFTER_KCXS_FIELD"]) == ("GHDLBM", "GHKCXS")
    assert params["SUBPROJECTS"] == rerun.subprojects.id()
    assert params["SURVEY"] == [township["DLTB_2027"].id()]
    assert "AFTER" not in params

    out = tmp_path / "草案项目.gpkg"
    wizard.summary_page.outputWidget.setFilePath(str(out))
    wizard.summary_page.initializePage()
    assert "GHKCXS" in wizard.summary_page.summaryText.toPlainText()
    wizard.accept()
    wait_for(lambda: wizard.result_path is not None or wizard.error is not None, seconds=120)
    assert wizard.error is None, wizard.error
    settings = project.read_settings(out)
    assert (settings["after_field"], settings["after_kcxs_field"]) == ("GHDLBM", "GHKCXS")
    assert settings["surveys"] == ["DLTB_2027"] and "ZXM" in settings["_layers"]
    (tmp_path / "csv").mkdir()
    assert workbook_added_m2(out, tmp_path / "csv") == pytest.approx(rerun.results["ADDED_M2"], abs=0.01)

    # Re-opened, the wizard has the plan as a field with its 田坎 coefficient field, and the survey ticked.
    reopened = ProjectWizard()
    reopened.restore(out)
    assert reopened.layers_page.afterFieldRadio.isChecked()
    assert reopened.layers_page.after_field() == "GHDLBM" and reopened.layers_page.after_kcxs_field() == "GHKCXS"
    assert [layer.customProperty("land_consolidation/layer") for layer in reopened.layers_page.surveys()] == \
        ["DLTB_2027"]


def test_a_draft_for_other_choices_is_refused(township):
    wizard = wizard_to_the_plan_page(township)
    dialog = wizard.layers_page.open_draft()
    dialog.targetSpin.setValue(1.0)
    draft = run_and_wait(dialog)
    some = next(f["BSM"] for f in draft.candidates.getFeatures())
    dialog.set_chosen(some, False)
    assert dialog.exclude() == [some] and dialog.clearLocksButton.isEnabled()
    dialog.clear_locks()  # the table shows the draft's choice again
    assert dialog.locks == {} and not dialog.clearLocksButton.isEnabled()
    assert dialog.candidateTable.item(dialog.rows_by_bsm()[some], 0).checkState() == Qt.CheckState.Checked
    dialog.use()
    page = wizard.layers_page
    assert page.isComplete()
    page.redLineCombo.setLayer(None)  # the draft kept out of the red line it was given
    assert not page.isComplete() and "draft again" in page.messageLabel.text()
    page.redLineCombo.setLayer(township["STBHHX"])
    assert page.isComplete()
    # Opening the assistant for other choices clears the old result.
    wizard.facts_page.endSpin.setValue(2027)
    assert not page.isComplete()
    again = wizard.draft_dialog()
    assert again is dialog and again.draft is None and again.candidateTable.rowCount() == 0
    assert again.runButton.text() == "Draft" and not again.useButton.isEnabled()
    dialog.reject()


def test_unreachable_targets_are_said_and_not_used(township, chinese):
    wizard = wizard_to_the_plan_page(township)
    dialog = wizard.layers_page.open_draft()
    dialog.targetSpin.setValue(60.0)
    draft = run_and_wait(dialog)
    assert not draft.feasible
    assert "无法达到目标" in dialog.figuresLabel.text() and "尚差" in dialog.figuresLabel.text()
    assert not dialog.useButton.isEnabled() and dialog.messageLabel.text()
    assert dialog.runButton.text() == "重新编制"
    dialog.reject()


@pytest.fixture
def no_cyclic_gc():
    """Python's cyclic garbage collector off: what is not freed at once by reference counting stays."""
    gc.collect()
    gc.disable()
    yield
    gc.enable()
    gc.collect()


def _drafted_used_and_written(township, out) -> dict:
    """Weak references to what a wizard that drafted, used the draft and wrote the project holds; the wizard is gone
    when this returns (unless something keeps it), with a note of the thread that destroyed it."""
    wizard = wizard_to_the_plan_page(township)
    dialog = wizard.layers_page.open_draft()
    dialog.targetSpin.setValue(1.0)
    run_and_wait(dialog)
    dialog.use()
    wizard.summary_page.outputWidget.setFilePath(str(out))
    wizard.summary_page.initializePage()
    wizard.accept()
    wait_for(lambda: wizard.result_path is not None or wizard.error is not None, seconds=120)
    assert wizard.error is None, wizard.error
    QCoreApplication.processEvents()  # the finished tasks are deleted
    held = {"wizard": wizard, "assistant": dialog, "canvas": dialog.mapCanvas, "wizard's feedback": wizard.feedback,
            "wizard's context": wizard.context, "assistant's feedback": dialog.feedback,
            "assistant's context": dialog.context}
    refs = {name: weakref.ref(obj) for name, obj in held.items()}
    refs["destroyed on the GUI thread"] = []
    wizard.destroyed.connect(lambda: refs["destroyed on the GUI thread"].append(
        QThread.currentThread() is QCoreApplication.instance().thread()))
    return refs


def test_a_dropped_wizard_goes_at_once_on_the_gui_thread(township, tmp_path, no_cyclic_gc):
    """A wizard that drafted, used the draft and wrote the project is freed when dropped, not by the cyclic collector.

    The collector runs in whichever thread allocates when it is due: in the full suite that was the worker thread of
    the next test's task (a Python algorithm), which then destroyed a previous test's wizard, its drafting assistant
    and map canvas off the GUI thread, and QGIS crashed.  Nothing of the wizard may be left for it: dropped, the
    wizard, its assistant and their processing contexts and feedbacks are gone at once, destroyed on this thread.
    """
    refs = _drafted_used_and_written(township, tmp_path / "dropped.gpkg")
    threads = refs.pop("destroyed on the GUI thread")
    left = [name for name, ref in refs.items() if ref() is not None]
    assert left == [], f"left for the cyclic garbage collector: {left}"
    assert threads == [True]
    # A collection in another thread (as in a task running a Python algorithm) then has no widget of it to destroy.
    collector = threading.Thread(target=gc.collect)
    collector.start()
    collector.join()


def test_a_wizard_dropped_while_it_writes_leaves_the_task_its_context_and_feedback(surveyed, tmp_path, no_cyclic_gc):
    """The task keeps the context and feedback it runs with (it has only C++ pointers to them) until it is deleted."""
    wizard = ProjectWizard()
    wizard.facts_page.nameEdit.setText("写到一半")
    wizard.layers_page.initializePage()
    out = tmp_path / "写到一半.gpkg"
    wizard.summary_page.outputWidget.setFilePath(str(out))
    wizard.summary_page.initializePage()
    wizard.accept()
    assert wizard.is_running()
    done = []
    wizard.task.taskCompleted.connect(lambda: done.append("completed"))
    wizard.task.taskTerminated.connect(lambda: done.append("terminated"))
    gone = weakref.ref(wizard)
    feedback, context = weakref.ref(wizard.feedback), weakref.ref(wizard.context)
    del wizard
    assert gone() is None  # the task goes on without it
    assert feedback() is not None and context() is not None  # held by the running task
    wait_for(lambda: done, seconds=120)
    assert done == ["completed"] and project.read_settings(out)["name"] == "写到一半"
    wait_for(lambda: feedback() is None and context() is None)  # released with the task, on this thread


def test_drafting_in_village_mode(provider):
    """Villages instead of a boundary layer: the draft's project area is their parcels dissolved."""
    layer = memory_layer("DLTB", plan_before_rows(), fields=PLAN_FIELDS)
    QgsProject.instance().addMapLayer(layer)
    try:
        wizard = ProjectWizard()
        wizard.dltb_page.layerCombo.setLayer(layer)
        wizard.area_page.villageRadio.setChecked(True)
        wizard.area_page.initializePage()
        tick(wizard.area_page, {VILLAGE_A})
        inputs = wizard.draft_inputs()
        area = inputs["PROJECT_AREA"]
        assert isinstance(area, QgsVectorLayer) and area.featureCount() == 1
        assert next(area.getFeatures()).geometry().area() == pytest.approx(
            sum(f.geometry().area() for f in layer.getFeatures()), abs=0.01)
        assert wizard.draft_inputs()["PROJECT_AREA"] is area  # cached
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_a_failing_draft_says_why(provider):
    """A DLTB in geographic coordinates: the assistant's red line says so, no exception reaches the user."""
    from builders import parcel

    layer = memory_layer("DLTB_4490", [parcel("1", "0101", "POLYGON((120 31,120.01 31,120.01 31.01,120 31))", 100.0,
                                              VILLAGE_A)], crs="EPSG:4490")
    area = memory_layer("XMQ", [{"wkt": "POLYGON((120 31,120.01 31,120.01 31.01,120 31))"}], fields=[],
                        crs="EPSG:4490")
    QgsProject.instance().addMapLayers([layer, area])
    try:
        wizard = ProjectWizard()
        wizard.dltb_page.layerCombo.setLayer(layer)
        wizard.area_page.layerRadio.setChecked(True)
        wizard.area_page.areaLayerCombo.setLayer(area)
        dialog = wizard.draft_dialog()
        dialog.run()
        wait_for(lambda: not dialog.is_running())
        assert dialog.error and dialog.messageLabel.text() == dialog.error
        assert dialog.draft is None and not dialog.useButton.isEnabled()
    finally:
        QgsProject.instance().removeAllMapLayers()


# ------------------------------------------------------------------ later surveys (issue 15) and GHKCXS


@pytest.fixture
def surveyed(provider):
    """A DLTB with its plan as fields (GHDLBM, GHKCXS) and a later survey DLTB_2027 beside another layer."""
    layers = {"DLTB": memory_layer("DLTB", plan_before_rows(), fields=PLAN_FIELDS),
              "DLTB_2027": memory_layer("DLTB_2027", plan_before_rows(), fields=PLAN_FIELDS),
              "XMQ": memory_layer("XMQ", [{"wkt": rect(0, -5, 200, 110)}], fields=[]),
              "other": memory_layer("DLTB 2027 copy", status_rows())}
    QgsProject.instance().addMapLayers(list(layers.values()))
    yield layers
    QgsProject.instance().removeAllMapLayers()


def test_later_surveys_are_guessed_and_written(surveyed, tmp_path):
    wizard = ProjectWizard()
    assert wizard.dltb_layer() is surveyed["DLTB"]
    wizard.facts_page.nameEdit.setText("监测")
    wizard.facts_page.startSpin.setValue(2026)
    wizard.facts_page.endSpin.setValue(2028)
    page = wizard.layers_page
    page.initializePage()
    assert [layer.name() for layer in page.surveys()] == ["DLTB_2027"]  # by its name; not the DLTB, not "… copy"
    listed = [page.surveyList.item(r).text() for r in range(page.surveyList.count())]
    assert "DLTB" not in listed and {"DLTB_2027", "XMQ", "DLTB 2027 copy"} <= set(listed)
    # The plan is the planned-code field with its 田坎 coefficient field, both guessed.
    assert page.afterFieldRadio.isChecked() and (page.after_field(), page.after_kcxs_field()) == ("GHDLBM", "GHKCXS")
    params = wizard.parameters()
    assert params["SURVEY"] == [surveyed["DLTB_2027"].id()] and params["AFTER_KCXS_FIELD"] == "GHKCXS"
    out = tmp_path / "监测.gpkg"
    wizard.summary_page.outputWidget.setFilePath(str(out))
    wizard.summary_page.initializePage()
    assert "DLTB_2027" in wizard.summary_page.summaryText.toPlainText()
    wizard.accept()
    wait_for(lambda: wizard.result_path is not None or wizard.error is not None)
    assert wizard.error is None, wizard.error
    settings = project.read_settings(out)
    assert settings["surveys"] == ["DLTB_2027"] and "DLTB_2027" in settings["_layers"]
    assert settings["after_kcxs_field"] == "GHKCXS"


def test_surveys_can_be_unticked_and_ticked(surveyed):
    wizard = ProjectWizard()
    page = wizard.layers_page
    page.initializePage()
    for row in range(page.surveyList.count()):
        item = page.surveyList.item(row)
        item.setCheckState(Qt.CheckState.Checked if item.text() == "DLTB 2027 copy" else Qt.CheckState.Unchecked)
    assert [layer.name() for layer in page.surveys()] == ["DLTB 2027 copy"]
    page.initializePage()  # going back and forth keeps the user's ticks
    assert [layer.name() for layer in page.surveys()] == ["DLTB 2027 copy"]
    # The 田坎 coefficient field is a number field: the planned code (text) is not offered.
    offered = [page.afterKcxsCombo.itemText(i) for i in range(page.afterKcxsCombo.count())]
    assert "GHKCXS" in offered and "GHDLBM" not in offered and "DLBM" not in offered
