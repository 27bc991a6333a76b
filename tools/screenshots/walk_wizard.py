"""Run inside desktop QGIS (qgis --code): walk the wizard on the bundled sample, then the export dialog.

The sample's layers are loaded under their standard names and the wizard is
left to guess (nothing is chosen for it); each page is saved as a PNG (widget
grab) into $LC_SHOTS, with the states that disable Next (a name field mapped
as DLBM, a selection that is empty, no village ticked, a period too long) and
the data check.  The main window with the loaded, zoomed project is captured
by the calling script (import -window root).  Python errors raised in QGIS
(a slot that fails) are written to $LC_SHOTS/python_errors.txt.
"""
import os
import sys
import traceback
from pathlib import Path

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.utils import iface, plugins

OUT = Path(os.environ["LC_SHOTS"])
SAMPLE = os.environ["LC_SAMPLE"]
PROJECT_FILE = str(OUT / "堰墅镇全域土地综合整治.gpkg")
LAYERS = ("CZKFBJ", "DLTB", "DLTB_GH", "STBHHX", "XMQ", "YJJBNTTB", "YJJBNTTB_GH", "ZXM")
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


@step
def load_layers():
    iface.mainWindow().setGeometry(0, 0, 1600, 1000)
    for name in LAYERS:  # alphabetical: CZKFBJ first, as a township's folder lists them
        QgsProject.instance().addMapLayer(QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr"))
    plugin = plugins["land_consolidation"]
    plugin.new_project()
    STATE["wizard"] = plugin.dialog
    STATE["plugin"] = plugin
    return 1500


@step
def page_dltb():
    wizard = STATE["wizard"]
    wizard.move(380, 80)
    page = wizard.dltb_page
    grab(wizard, "wizard_1_dltb")
    page.field_combos["code"].setField("ZLDWMC")
    grab(wizard, "wizard_1b_dltb_name_field_as_code")
    page.field_combos["code"].setField("DLBM")
    page.run_check()


@step
def wait_check():
    if STATE["wizard"].dltb_page.check_task is not None:
        STEPS.insert(0, wait_check)
        return 500
    grab(STATE["wizard"], "wizard_1c_data_check")
    STATE["wizard"].next()


@step
def page_area():
    wizard = STATE["wizard"]
    page = wizard.area_page
    grab(wizard, "wizard_2_area")
    page.selectedOnlyCheck.setChecked(True)
    grab(wizard, "wizard_2b_area_no_selection")
    page.selectedOnlyCheck.setChecked(False)
    page.villageRadio.setChecked(True)
    grab(wizard, "wizard_2c_villages_none_ticked")
    xmq = next(page.areaLayerCombo.currentLayer().getFeatures()).geometry()
    dltb = wizard.dltb_layer()
    inside = {str(f["ZLDWDM"]) for f in dltb.getFeatures() if xmq.contains(f.geometry().centroid())}
    for row in range(page.villageTable.rowCount()):
        item = page.villageTable.item(row, 0)
        item.setCheckState(Qt.CheckState.Checked if item.text() in inside else Qt.CheckState.Unchecked)
    grab(wizard, "wizard_2d_villages")
    page.layerRadio.setChecked(True)  # the guessed boundary is the project area
    wizard.next()


@step
def page_facts():
    wizard = STATE["wizard"]
    facts = wizard.facts_page
    grab(wizard, "wizard_3_facts_empty")
    facts.nameEdit.setText("堰墅镇全域土地综合整治项目")
    facts.codeEdit.setText("WX-QYZZ-2026-03")
    facts.townshipEdit.setText("堰墅镇")
    facts.startSpin.setValue(2026)
    facts.endSpin.setValue(2029)
    grab(wizard, "wizard_3b_facts_period_too_long")
    facts.endSpin.setValue(2028)
    facts.unitEdit.setText("堰墅镇人民政府")
    facts.preparedByEdit.setText("无锡市某规划设计院")
    grab(wizard, "wizard_3c_facts")
    wizard.next()


@step
def page_layers():
    wizard = STATE["wizard"]
    grab(wizard, "wizard_4_layers")
    wizard.next()


@step
def page_summary():
    wizard = STATE["wizard"]
    wizard.summary_page.outputWidget.setFilePath(PROJECT_FILE)
    wizard.summary_page.initializePage()
    grab(wizard, "wizard_5_summary")
    wizard.accept()
    return 200


@step
def wait_project():
    wizard = STATE["wizard"]
    if wizard.result_path is None and wizard.error is None:
        STEPS.insert(0, wait_project)
        return 300
    if wizard.error:
        (OUT / "wizard_error.txt").write_text(wizard.error, encoding="utf-8")
    for name in LAYERS:
        for layer in QgsProject.instance().mapLayersByName(name):
            QgsProject.instance().removeMapLayer(layer.id())
    iface.mapCanvas().refresh()
    (OUT / "project_loaded").touch()
    return 9000  # the calling script captures the zoomed map first


@step
def export_dialog():
    plugin = STATE["plugin"]
    plugin.export_scheme()  # follows the project just written
    dialog = plugin.export
    dialog.move(480, 100)
    grab(dialog, "export_1_dialog")
    written = dialog.projectWidget.filePath()
    # Typing a path keystroke by keystroke once raised a Python error and left "/t_….xlsx" behind.
    line = dialog.projectWidget.lineEdit()
    line.clear()
    for ch in "/tmp/其他项目.gpkg":
        line.setText(line.text() + ch)
        line.textEdited.emit(line.text())
    grab(dialog, "export_2_typed_path")
    dialog.projectWidget.setFilePath(written)
    dialog.openCheck.setChecked(False)
    dialog.start()
    return 300


@step
def wait_export():
    dialog = STATE["plugin"].export
    if dialog.task is not None:
        STEPS.insert(0, wait_export)
        return 300
    grab(dialog, "export_3_done")
    if dialog.error:
        (OUT / "export_error.txt").write_text(dialog.error, encoding="utf-8")


QTimer.singleShot(3000, run_next)
