"""The QGIS plugin: registers the Processing provider, a menu and a toolbar."""
from __future__ import annotations

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from .core.keys import algorithm_id
from .i18n import install_translator, tr
from .plugin_info import icon_path
from .processing.provider import LandConsolidationProvider

#: The algorithms of the menu, in menu order; each entry reads as the toolbox names the algorithm.
MENU_ALGORITHMS = ("checkdata", "landusestatus", "transitionmatrix", "cultivatedland", "constructionland",
                   "ecologicalland", "farmlandadjustment", "contiguity", "potential", "conflicts", "compliance",
                   "ellipsoidalarea")


class LandConsolidationPlugin:
    """Adds the ``landconsolidation`` provider and the 全域综合整治 menu."""

    def __init__(self, iface):
        self.iface = iface
        self.provider: LandConsolidationProvider | None = None
        self.translator = install_translator()
        self.menu: QMenu | None = None
        self.toolbar = None
        self.actions: list[QAction] = []
        self.dialog = None
        self.export = None
        #: The project file last written by the wizard or opened from the menu (what Export starts with).
        self.project_path = ""

    def initProcessing(self) -> None:  # noqa: N802 (QGIS's name)
        """Register the Processing provider (also called by qgis_process)."""
        if self.provider is None:
            self.provider = LandConsolidationProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 (QGIS's name)
        """Provider, menu and toolbar."""
        self.initProcessing()
        main_window = self.iface.mainWindow()
        self.menu = QMenu(tr("Land consolidation"), main_window)
        self.menu.setObjectName("landConsolidationMenu")
        self.toolbar = self.iface.addToolBar(tr("Land consolidation"))
        self.toolbar.setObjectName("landConsolidationToolbar")
        for name, text, slot in (
            ("new_project", tr("New project…"), self.new_project),
            ("open_project", tr("Open project…"), self.open_project),
            ("export_scheme", tr("Export scheme tables…"), self.export_scheme),
        ):
            action = QAction(QIcon(icon_path(f"{name}.svg")), text, main_window)
            action.setObjectName(f"landconsolidation_{name}")
            action.triggered.connect(lambda _checked=False, f=slot: f())
            self.menu.addAction(action)
            self.toolbar.addAction(action)
            self.actions.append(action)
        self.menu.addSeparator()
        registry = QgsApplication.processingRegistry()
        for algorithm in MENU_ALGORITHMS:
            definition = registry.algorithmById(algorithm_id(algorithm))
            if definition is None:
                continue
            # The toolbox's name, so menu, toolbox and help call each tool the same.
            action = QAction(QIcon(icon_path()), definition.displayName() + "…", main_window)
            action.setObjectName(f"landconsolidation_{algorithm}")
            action.triggered.connect(lambda _checked=False, a=algorithm: self.open_algorithm(a))
            self.menu.addAction(action)
            self.actions.append(action)
        menu_bar = main_window.menuBar()
        help_menu = next(
            (a for a in menu_bar.actions() if a.menu() and a.menu().objectName() == "mHelpMenu"), None
        )
        if help_menu is not None:
            menu_bar.insertMenu(help_menu, self.menu)
        else:
            menu_bar.addMenu(self.menu)

    def new_project(self) -> None:
        """Open the project set-up wizard."""
        from .dialogs.project_wizard import ProjectWizard

        self.dialog = ProjectWizard(self.iface, self.iface.mainWindow())
        self.dialog.projectCreated.connect(self._project_written)
        self.dialog.show()

    def _project_written(self, path: str) -> None:
        self.project_path = path

    def open_project(self) -> None:
        """Load a project GeoPackage into the map and reopen the wizard with its choices."""
        from qgis.PyQt.QtWidgets import QFileDialog

        from .core.errors import LandConsolidationError
        from .dialogs import memory
        from .dialogs.project_wizard import ProjectWizard

        path, _ = QFileDialog.getOpenFileName(self.iface.mainWindow(), tr("Open project"), memory.folder("project"),
                                              tr("Project GeoPackage (*.gpkg)"))
        if not path:
            return
        wizard = ProjectWizard(self.iface, self.iface.mainWindow())
        try:
            wizard.restore(path)
        except LandConsolidationError as exc:
            self.iface.messageBar().pushMessage(tr("Land consolidation"), str(exc), Qgis.MessageLevel.Critical, 0)
            return
        memory.remember_folder("project", path)
        self.project_path = path
        wizard.projectCreated.connect(self._project_written)
        self.dialog = wizard
        wizard.show()

    def export_scheme(self) -> None:
        """Open the scheme export dialog on the loaded project.

        That is the project last written or opened, else the project of the
        current layer or of the topmost project group in the layer tree.
        """
        from pathlib import Path

        from .dialogs.export_dialog import ExportDialog
        from .dialogs.project_layers import loaded_project

        path = self.project_path if self.project_path and Path(self.project_path).exists() else \
            loaded_project(self.iface.activeLayer())
        self.export = ExportDialog(path, self.iface.mainWindow(), iface=self.iface)
        self.export.show()

    def open_algorithm(self, name: str) -> None:
        """Open the Processing dialog of one of the plugin's algorithms."""
        from qgis import processing

        processing.execAlgorithmDialog(algorithm_id(name), {})

    def unload(self) -> None:
        """Remove everything :meth:`initGui` added, closing an open wizard or export dialog first."""
        for dialog in (self.dialog, self.export):
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
        self.dialog = None
        self.export = None
        #: The project file last written by the wizard or opened from the menu (what Export starts with).
        self.project_path = ""
        for action in self.actions:
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions = []
        if self.menu is not None:
            self.menu.menuAction().setVisible(False)
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
