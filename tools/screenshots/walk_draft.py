"""Run inside desktop QGIS (qgis --code): the wizard's "no plan yet — draft one" path on the bundled sample with its
plan removed (no DLTB_GH, no ZXM, no GHDLBM field), saved as PNGs (widget grabs) into $LC_SHOTS.

The sample's plan-free layers are written to $LC_SHOTS/sample_unplanned.gpkg and loaded under their standard
names (with the 2027 change survey DLTB_2027); the wizard guesses the rest.  The walk: the plan page with the
button, the drafting assistant's form, the result (figures, map of the chosen parcels by type, candidates), a
chosen parcel unticked, the rerun, the plan page with the draft in use, the summary; Finish writes the project.  The
main window is captured by the calling script (import -window root) when $LC_SHOTS/map_ready (the draft's layers in
the QGIS map) and $LC_SHOTS/project_loaded (the project written from the draft) appear.
Python errors raised in QGIS are written to $LC_SHOTS/python_errors.txt.
"""
import os
import sys
import traceback
from pathlib import Path

from osgeo import gdal
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.utils import iface, plugins

OUT = Path(os.environ["LC_SHOTS"])
SAMPLE = os.environ["LC_SAMPLE"]
UNPLANNED = OUT / "sample_unplanned.gpkg"
LAYERS = ("CZKFBJ", "DLTB", "DLTB_2027", "STBHHX", "XMQ", "YJJBNTTB", "YJJBNTTB_GH")
STEPS = []
STATE = {}


def record_errors(kind, value, tb):
    """Keep every uncaught Python error (QGIS would show it in a dialog) for the calling script."""
    with open(OUT / "python_errors.txt", "a", encoding="utf-8") as handle:
        handle.write("".join(traceback.format_exception(kind, value, tb)) + "\n")
    sys.__excepthook__(kind, value, tb)


sys.excepthook = record_errors


def step(func):
    STEPS.append(func)
    return func


def run_next():
    if not STEPS:
        (OUT / "done").touch()
        return
    try:
        delay = STEPS.pop(0)()
    except Exception:  # noqa: BLE001 (the walk goes on; the error is recorded)
        record_errors(*sys.exc_info())
        delay = 300
    QTimer.singleShot(delay or 800, run_next)


def grab(widget, name):
    widget.grab().save(str(OUT / f"{name}.png"))


def unplanned_sample():
    """The sample without its plan: DLTB without GHDLBM; no DLTB_GH, no ZXM."""
    gdal.UseExceptions()
    if UNPLANNED.exists():
        UNPLANNED.unlink()
    dltb = QgsVectorLayer(f"{SAMPLE}|layername=DLTB", "DLTB", "ogr")
    keep = [name for name in dltb.fields().names() if name not in ("fid", "GHDLBM")]
    gdal.VectorTranslate(str(UNPLANNED), SAMPLE, layers=["DLTB"], selectFields=keep)
    gdal.VectorTranslate(str(UNPLANNED), SAMPLE, layers=[n for n in LAYERS if n != "DLTB"], accessMode="update")


@step
def load_layers():
    iface.mainWindow().setGeometry(0, 0, 1600, 1000)
    unplanned_sample()
    for name in LAYERS:
        QgsProject.instance().addMapLayer(QgsVectorLayer(f"{UNPLANNED}|layername={name}", name, "ogr"))
    plugin = plugins["land_consolidation"]
    plugin.new_project()
    STATE["wizard"] = plugin.dialog
    return 1500


@step
def to_the_plan_page():
    wizard = STATE["wizard"]
    wizard.move(380, 60)
    wizard.next()  # DLTB guessed
    wizard.next()  # the project area XMQ guessed
    facts = wizard.facts_page
    facts.nameEdit.setText("堰墅镇全域土地综合整治项目")
    facts.codeEdit.setText("WX-QYZZ-2026-03")
    facts.townshipEdit.setText("堰墅镇")
    facts.startSpin.setValue(2026)
    facts.endSpin.setValue(2028)
    facts.unitEdit.setText("堰墅镇人民政府")
    facts.preparedByEdit.setText("无锡市某规划设计院")
    wizard.next()
    return 1000


@step
def plan_page():
    wizard = STATE["wizard"]
    grab(wizard, "draft_1_plan_page")
    dialog = wizard.layers_page.open_draft()
    dialog.move(200, 40)
    dialog.newBuildSpin.setValue(5000.0)
    STATE["dialog"] = dialog
    return 1000


@step
def draft_form():
    dialog = STATE["dialog"]
    grab(dialog, "draft_2_form")
    dialog.run()
    return 500


def wait_for_draft(name, after=None):
    """A step that waits for the draft, lets the map render, grabs the assistant, then runs ``after``."""
    def wait():
        dialog = STATE["dialog"]
        if dialog.is_running():
            STEPS.insert(0, wait)
            return 500
        if dialog.error:
            (OUT / "draft_error.txt").write_text(dialog.error, encoding="utf-8")
        STEPS.insert(0, shoot)
        return 3000

    def shoot():
        grab(STATE["dialog"], name)
        if after is not None:
            after()
        return 800
    return wait


def untick():
    dialog = STATE["dialog"]
    table = dialog.candidateTable
    # The dearest chosen parcel per m²: the one a technician would question first.
    chosen = [r for r in range(table.rowCount()) if table.item(r, 0).checkState() == Qt.CheckState.Checked]
    row = max(chosen, key=lambda r: table.item(r, 6).value / max(table.item(r, 4).value, 1e-9))
    STATE["left_out"] = table.item(row, 1).text()
    table.selectRow(row)
    table.scrollToItem(table.item(row, 0))
    dialog.set_chosen(STATE["left_out"], False)
    dialog.chosenOnlyCheck.setChecked(True)


STEPS.append(wait_for_draft("draft_3_result", untick))


@step
def unticked():
    dialog = STATE["dialog"]
    grab(dialog, "draft_4_unticked")
    # The QGIS map with the first draft's layers: the sample's own layers hidden (the project area kept), the
    # wizard and the assistant moved aside while the calling script captures the screen.
    from land_consolidation.core.maps.styles import apply_style

    root = QgsProject.instance().layerTreeRoot()
    for name in LAYERS:
        for layer in QgsProject.instance().mapLayersByName(name):
            if name == "XMQ":
                apply_style(layer, "xmq")
            elif name == "DLTB":
                apply_style(layer, "dltb", fade=0.6, labels=False)
            else:
                root.findLayer(layer.id()).setItemVisibilityChecked(False)
    iface.layerTreeView().expandAll()
    for layer in QgsProject.instance().mapLayersByName("DLTB"):
        root.findLayer(layer.id()).setExpanded(False)  # its legend is the 三调 code list
    draft = dialog.draft
    extent = draft.subprojects.extent()
    iface.mapCanvas().setExtent(extent.buffered(extent.width() * 0.05))
    iface.mapCanvas().refresh()
    STATE["positions"] = [(widget, widget.pos()) for widget in (dialog, STATE["wizard"])]
    for widget, _ in STATE["positions"]:
        widget.move(1700, 0)
    return 3000


@step
def map_ready():
    (OUT / "map_ready").touch()
    return 6000


@step
def rerun():
    for widget, position in STATE["positions"]:
        widget.move(position)
    STATE["dialog"].run()
    return 500


def after_rerun():
    dialog = STATE["dialog"]
    rows = dialog.rows_by_bsm()
    if STATE["left_out"] in rows:
        dialog.candidateTable.selectRow(rows[STATE["left_out"]])
        dialog.candidateTable.scrollToItem(dialog.candidateTable.item(rows[STATE["left_out"]], 0))


STEPS.append(wait_for_draft("draft_5_rerun", after_rerun))


@step
def rerun_left_out_shown():
    grab(STATE["dialog"], "draft_5b_rerun_left_out")
    (OUT / "left_out.txt").write_text(STATE["left_out"], encoding="utf-8")
    STATE["dialog"].use()
    return 1000


@step
def plan_in_use():
    wizard = STATE["wizard"]
    grab(wizard, "draft_6_plan_page_draft_used")
    wizard.next()
    return 1500


@step
def summary():
    wizard = STATE["wizard"]
    grab(wizard, "draft_7_summary")
    bar = wizard.summary_page.summaryText.verticalScrollBar()
    bar.setValue(bar.maximum())
    grab(wizard, "draft_7b_summary_end")
    wizard.summary_page.outputWidget.setFilePath(str(OUT / "堰墅镇全域土地综合整治项目.gpkg"))
    wizard.accept()
    return 500


@step
def wait_project():
    wizard = STATE["wizard"]
    if wizard.result_path is None and wizard.error is None:
        STEPS.insert(0, wait_project)
        return 500
    if wizard.error:
        (OUT / "wizard_error.txt").write_text(wizard.error, encoding="utf-8")
    (OUT / "project_loaded").touch()
    return 8000


QTimer.singleShot(3000, run_next)
