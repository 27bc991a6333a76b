"""Run inside desktop QGIS (qgis --code): walk the wizard on the bundled sample, then the export dialog.

Each page is saved as a PNG (widget grab) into $LC_SHOTS; the main window with
the loaded project is captured by the calling script (import -window root).
"""
import os
from pathlib import Path

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.utils import iface, plugins

OUT = Path(os.environ["LC_SHOTS"])
SAMPLE = os.environ["LC_SAMPLE"]
PROJECT_FILE = str(OUT / "堰墅镇全域土地综合整治.gpkg")
WORKBOOK = str(OUT / "堰墅镇全域土地综合整治_实施方案表.xlsx")
LAYERS = ("DLTB", "DLTB_GH", "YJJBNTTB", "YJJBNTTB_GH", "ZXM", "STBHHX", "CZKFBJ", "XMQ")
STEPS = []
STATE = {}


def step(func):
    STEPS.append(func)
    return func


def run_next():
    if not STEPS:
        (OUT / "done").touch()
        return
    delay = STEPS.pop(0)()
    QTimer.singleShot(delay or 800, run_next)


def grab(widget, name):
    widget.grab().save(str(OUT / f"{name}.png"))


@step
def load_layers():
    iface.mainWindow().setGeometry(0, 0, 1600, 1000)
    for name in LAYERS:
        layer = QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr")
        QgsProject.instance().addMapLayer(layer)
    plugin = plugins["land_consolidation"]
    plugin.new_project()
    STATE["wizard"] = plugin.dialog
    STATE["plugin"] = plugin
    return 1500


def layer(name):
    return QgsProject.instance().mapLayersByName(name)[0]


@step
def page_dltb():
    wizard = STATE["wizard"]
    wizard.move(380, 120)
    wizard.dltb_page.layerCombo.setLayer(layer("DLTB"))
    grab(wizard, "wizard_1_dltb")
    wizard.next()


@step
def page_area():
    wizard = STATE["wizard"]
    page = wizard.area_page
    page.villageRadio.setChecked(True)
    xmq = layer("XMQ")
    inside = set()
    from land_consolidation.core import project as project_mod  # noqa: F401  (plugin package is importable)
    engine_geom = next(xmq.getFeatures()).geometry()
    for f in layer("DLTB").getFeatures():
        if engine_geom.contains(f.geometry().centroid()):
            inside.add(str(f["ZLDWDM"]))
    for row in range(page.villageTable.rowCount()):
        item = page.villageTable.item(row, 0)
        item.setCheckState(Qt.CheckState.Checked if item.text() in inside else Qt.CheckState.Unchecked)
    grab(wizard, "wizard_2_area")
    wizard.next()


@step
def page_facts():
    wizard = STATE["wizard"]
    facts = wizard.facts_page
    facts.nameEdit.setText("堰墅镇全域土地综合整治项目")
    facts.codeEdit.setText("WX-QYZZ-2026-03")
    facts.townshipEdit.setText("堰墅镇")
    facts.startSpin.setValue(2026)
    facts.endSpin.setValue(2029)
    facts.validatePage()
    grab(wizard, "wizard_3_facts_invalid")
    facts.endSpin.setValue(2028)
    facts.unitEdit.setText("堰墅镇人民政府")
    grab(wizard, "wizard_3_facts")
    wizard.next()


@step
def page_layers():
    wizard = STATE["wizard"]
    page = wizard.layers_page
    page.afterLayerRadio.setChecked(True)
    page.afterLayerCombo.setLayer(layer("DLTB_GH"))
    page.pbfBeforeCombo.setLayer(layer("YJJBNTTB"))
    page.pbfAfterCombo.setLayer(layer("YJJBNTTB_GH"))
    page.subprojectsCombo.setLayer(layer("ZXM"))
    page.redLineCombo.setLayer(layer("STBHHX"))
    page.devBoundaryCombo.setLayer(layer("CZKFBJ"))
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
        for lyr in QgsProject.instance().mapLayersByName(name):
            QgsProject.instance().removeMapLayer(lyr.id())
    iface.mapCanvas().setExtent(layer("项目区").extent().buffered(200))
    iface.mapCanvas().refresh()
    (OUT / "project_loaded").touch()
    return 4000


@step
def export_dialog():
    plugin = STATE["plugin"]
    plugin.export_scheme()
    dialog = plugin.export
    dialog.move(480, 150)
    dialog.projectWidget.setFilePath(PROJECT_FILE)
    dialog.outputWidget.setFilePath(WORKBOOK)
    dialog.openCheck.setChecked(False)
    grab(dialog, "export_1_dialog")
    dialog.start()
    return 300


@step
def wait_export():
    dialog = STATE["plugin"].export
    if dialog.task is not None:
        STEPS.insert(0, wait_export)
        return 300
    grab(dialog, "export_2_done")
    if dialog.error:
        (OUT / "export_error.txt").write_text(dialog.error, encoding="utf-8")


QTimer.singleShot(3000, run_next)
