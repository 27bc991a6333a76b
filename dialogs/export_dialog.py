"""The export dialog: runs landconsolidation:exportscheme (tables) or exportmaps (maps) on the task manager."""
from __future__ import annotations

from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QIcon
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem

from ..core import workbook
from ..core.keys import CSV_FOLDER, DECIMALS, OUTPUT_PDF, OUTPUT_XLSX, PAPER, PROJECT, TABLES, UNITS, algorithm_id
from ..i18n import tr
from ..plugin_info import icon_path
from . import memory
from .tasks import algorithm_task
from .ui import load_form

FORM = load_form("export_dialog")
ALGORITHM = algorithm_id("exportscheme")
MAPS_ALGORITHM = algorithm_id("exportmaps")


class ExportDialog(QDialog, FORM):
    """Pick the tables, unit, decimals and file; progress is shown; the workbook opens when done.

    The maps box runs exportmaps on the same project into one PDF (every map
    the project has data for, on the chosen paper); it opens when done.

    The table list is the workbook's registry (the algorithm's TABLES
    options).  The decimals show the chosen unit's default until the user
    changes them; only a changed value is sent, so each unit otherwise keeps
    its own default (4 for 公顷, 2 for 亩, both with both units).

    The workbook and PDF paths follow the project path, also while it is
    typed, until the user sets them; the unit, the "open" choice and the
    folders are remembered.  Nothing here raises on a half-typed path.
    """

    def __init__(self, project_path: str = "", parent=None, iface=None):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.setWindowIcon(QIcon(icon_path()))
        self.algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM)
        self.projectWidget.setStorageMode(QgsFileWidget.StorageMode.GetFile)
        self.projectWidget.setFilter(tr("Project GeoPackage (*.gpkg)"))
        self.outputWidget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.outputWidget.setFilter(tr("Excel workbook (*.xlsx)"))
        self.csvWidget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.csvWidget.setEnabled(False)
        self.csvCheck.toggled.connect(self.csvWidget.setEnabled)
        self.mapsOutputWidget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.mapsOutputWidget.setFilter(tr("PDF files (*.pdf)"))
        self.mapsPaperCombo.addItems([tr("A3 landscape"), tr("A4 landscape")])
        self.mapsButton.clicked.connect(self.start_maps)
        self.unitsCombo.addItems([tr(label) for label in workbook.UNIT_LABELS])
        self.unitsCombo.setCurrentIndex(min(memory.value("export/units", 0, int), self.unitsCombo.count() - 1))
        self.openCheck.setChecked(memory.value("export/open", True, bool))
        for widget, key in ((self.projectWidget, "project"), (self.outputWidget, "workbook"),
                            (self.mapsOutputWidget, "workbook"), (self.csvWidget, "csv")):
            memory.start_in(widget, key)
        self.decimals_changed = False
        self._showing_default = False
        self.unitsCombo.currentIndexChanged.connect(self._show_default_decimals)
        self.decimalsSpin.valueChanged.connect(self._decimals_edited)
        self._show_default_decimals()
        self._fill_tables()
        self.export_button = self.buttonBox.addButton(tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        self.buttonBox.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.start)
        self._derived = {"xlsx": "", "pdf": ""}
        self.projectWidget.fileChanged.connect(self._project_changed)
        self.task = None
        self.context = None
        self.feedback = None
        self.result_path = None
        self.result_key = OUTPUT_XLSX
        self.expected_path = ""
        self.error = None
        if project_path:
            self.projectWidget.setFilePath(project_path)

    def _fill_tables(self) -> None:
        for index, label in enumerate(workbook.option_labels(tr)):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.tablesList.addItem(item)
        if self.algorithm is None:
            self.messageLabel.setText(tr("The export algorithm is not available."))

    def _show_default_decimals(self) -> None:
        """Show the chosen unit's default decimals (the first unit's with both), unless the user set them."""
        if self.decimals_changed:
            return
        self._showing_default = True
        try:
            self.decimalsSpin.setValue(workbook.units_for(max(self.unitsCombo.currentIndex(), 0))[0].decimals)
        finally:
            self._showing_default = False

    def _decimals_edited(self) -> None:
        if not self._showing_default:
            self.decimals_changed = True

    def _project_changed(self, path: str) -> None:
        """The workbook and PDF beside the project, named after it, unless the user chose them."""
        for widget, kind, pattern in ((self.outputWidget, "xlsx", tr("{name}_scheme_tables.xlsx")),
                                      (self.mapsOutputWidget, "pdf", tr("{name}_maps.pdf"))):
            current = widget.filePath().strip()
            if current and current != self._derived[kind]:
                continue  # the user's own choice
            derived = beside(path, pattern)
            self._derived[kind] = derived
            if derived != current:
                widget.setFilePath(derived)

    def chosen_tables(self) -> list[int]:
        """Indices of the ticked tables."""
        return [self.tablesList.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.tablesList.count())
                if self.tablesList.item(i).checkState() == Qt.CheckState.Checked]

    def parameters(self) -> dict:
        """exportscheme parameters from the dialog."""
        output = self.outputWidget.filePath().strip()
        if output and not output.lower().endswith(".xlsx"):
            output += ".xlsx"
        params = {
            PROJECT: self.projectWidget.filePath().strip(),
            TABLES: self.chosen_tables(),
            UNITS: self.unitsCombo.currentIndex(),
            OUTPUT_XLSX: output,
        }
        if self.decimals_changed:
            params[DECIMALS] = self.decimalsSpin.value()
        if self.csvCheck.isChecked() and self.csvWidget.filePath().strip():
            params[CSV_FOLDER] = self.csvWidget.filePath().strip()
        return params

    def start(self):
        """Validate the choices and run the workbook export on the task manager."""
        params = self.parameters()
        if not params[PROJECT] or not Path(params[PROJECT]).exists():
            self.messageLabel.setText(tr("Choose the project GeoPackage (made with the set-up wizard)."))
            return None
        if not params[TABLES]:
            self.messageLabel.setText(tr("Tick at least one table."))
            return None
        if not params[OUTPUT_XLSX]:
            self.messageLabel.setText(tr("Choose the workbook file."))
            return None
        return self._run(ALGORITHM, params, OUTPUT_XLSX)

    def maps_parameters(self) -> dict:
        """exportmaps parameters from the dialog."""
        output = self.mapsOutputWidget.filePath().strip()
        if output and not output.lower().endswith(".pdf"):
            output += ".pdf"
        return {PROJECT: self.projectWidget.filePath().strip(), PAPER: max(self.mapsPaperCombo.currentIndex(), 0),
                OUTPUT_PDF: output}

    def start_maps(self):
        """Validate the choices and run the map export on the task manager."""
        params = self.maps_parameters()
        if not params[PROJECT] or not Path(params[PROJECT]).exists():
            self.messageLabel.setText(tr("Choose the project GeoPackage (made with the set-up wizard)."))
            return None
        if not params[OUTPUT_PDF]:
            self.messageLabel.setText(tr("Choose the PDF file for the maps."))
            return None
        return self._run(MAPS_ALGORITHM, params, OUTPUT_PDF)

    def _run(self, algorithm_id: str, params: dict, result_key: str):
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = QgsProcessingFeedback()
        self.feedback.progressChanged.connect(self._progress)  # a bound method: no cycle (dialogs/tasks.py)
        self.error = None
        self.result_path = None
        self.result_key = result_key
        self.expected_path = params[result_key]
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        self.task = algorithm_task(algorithm, params, self.context, self.feedback)
        self.task.executed.connect(self._finished)
        self.export_button.setEnabled(False)
        self.mapsButton.setEnabled(False)
        self.progressBar.setValue(0)
        self.messageLabel.setText(tr("Exporting…"))
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _progress(self, percent: float) -> None:
        self.progressBar.setValue(int(percent))

    def _finished(self, ok: bool, results: dict) -> None:
        self.task = None
        self.export_button.setEnabled(True)
        self.mapsButton.setEnabled(True)
        if not ok:
            log = self.feedback.textLog() if hasattr(self.feedback, "textLog") else ""
            self.error = log.strip().splitlines()[-1] if log.strip() else tr("The export failed.")
            self.messageLabel.setText(f"<span style='color:#b00020'>{self.error}</span>")
            return
        self.result_path = results.get(self.result_key) or self.expected_path
        self.progressBar.setValue(100)
        self.messageLabel.setText(tr("Written: {path}").format(path=self.result_path))
        memory.remember_folder("workbook", self.result_path)
        memory.remember_folder("project", self.projectWidget.filePath().strip())
        if self.csvCheck.isChecked():
            memory.remember_folder("csv", self.csvWidget.filePath().strip())
        memory.remember("export/units", self.unitsCombo.currentIndex())
        memory.remember("export/open", self.openCheck.isChecked())
        if self.openCheck.isChecked():
            self.open_result()

    def open_result(self) -> bool:
        """Open the written file with the system's program; a failure is said in the message bar and the dialog."""
        if QDesktopServices.openUrl(QUrl.fromLocalFile(self.result_path)):
            return True
        message = tr("The file was written but could not be opened: no program is set to open {path}.").format(
            path=self.result_path)
        self.messageLabel.setText(f"<span style='color:#b35900'>{message}</span>")
        if self.iface is not None:
            self.iface.messageBar().pushMessage(tr("Land consolidation"), message, Qgis.MessageLevel.Warning, 10)
        return False


def beside(project_path: str, pattern: str) -> str:
    """``pattern`` (``{name}…``) in the project file's folder, named after it; "" for a path without a file name.

    A path being typed may be "/" or end in a separator: no name yet, nothing derived (rather than an error).
    """
    text = (project_path or "").strip()
    if not text or text.endswith(("/", "\\")):
        return ""
    path = Path(text)
    name = path.stem if path.suffix.lower() == ".gpkg" else path.name
    if not name or name in (".", ".."):
        return ""
    try:
        return str(path.with_name(pattern.format(name=name)))
    except ValueError:
        return ""
