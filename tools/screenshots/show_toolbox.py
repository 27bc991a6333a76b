"""Run inside desktop QGIS (qgis --code): show the toolbox filtered to our provider, then our menu."""
import os
from pathlib import Path

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget, QLineEdit, QMenu
from qgis.utils import iface

CONFIG = Path(os.environ["QGIS_CUSTOM_CONFIG_PATH"])


def show_toolbox():
    window = iface.mainWindow()
    window.setGeometry(0, 0, 1600, 1000)
    window.showMaximized()
    dock = window.findChild(QDockWidget, "ProcessingToolbox")
    if dock is not None:
        dock.show()
        dock.raise_()
        search = dock.findChild(QLineEdit)
        if search is not None:
            search.setText("landconsolidation")
    (CONFIG / "ready").touch()
    QTimer.singleShot(500, wait_for_menu)


def wait_for_menu():
    if not (CONFIG / "menu").exists():
        QTimer.singleShot(500, wait_for_menu)
        return
    menu = iface.mainWindow().findChild(QMenu, "landConsolidationMenu")
    if menu is not None:
        bar = iface.mainWindow().menuBar()
        bar.setActiveAction(menu.menuAction())


QTimer.singleShot(3000, show_toolbox)
