"""Wizard page 5: summary of the choices, the project's figures and the project file to write."""
from __future__ import annotations

import html
import re
from pathlib import Path

from qgis.core import QgsApplication
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QWizardPage

from ..core.errors import LandConsolidationError
from ..i18n import tr
from . import memory
from .ui import load_form

FORM = load_form("summary_page")


class SummaryPage(QWizardPage, FORM):
    """Shows what will be written – with the area, 耕地, parcels and township of the project area – and where.

    The figures are read before anything is written, so a boundary that
    misses the DLTB is said here (the red line) and Finish stays disabled.
    The project file starts in the folder last written to, named after the
    project.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.outputWidget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.outputWidget.setFilter(tr("GeoPackage (*.gpkg)"))
        memory.start_in(self.outputWidget, "project")
        self.outputWidget.fileChanged.connect(self._refresh)
        self.setCommitPage(False)
        self.figures: dict = {}
        self.figures_error = ""

    def output_path(self) -> str:
        """The project file chosen, with .gpkg appended when missing."""
        path = self.outputWidget.filePath().strip()
        if path and not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        return path

    def default_path(self) -> str:
        """A project file named after the project, in the folder last written to (else the DLTB's folder)."""
        wizard = self.wizard()
        name = re.sub(r'[\\/:*?"<>|]+', "_", wizard.facts_page.facts()["NAME"]).strip() or tr("project")
        folder = memory.folder("project")
        if not folder and wizard.dltb_layer() is not None:
            source = Path(wizard.dltb_layer().source().split("|")[0])
            folder = str(source.parent) if source.parent.is_dir() else ""
        return str(Path(folder) / f"{name}.gpkg") if folder else ""

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        wizard = self.wizard()
        if not self.outputWidget.filePath().strip():
            self.outputWidget.setFilePath(self.default_path())
        self.figures, self.figures_error = {}, ""
        QgsApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.figures = wizard.project_figures()
        except LandConsolidationError as exc:
            self.figures_error = str(exc)
        finally:
            QgsApplication.restoreOverrideCursor()
        self.summaryText.setHtml(wizard.summary_html())
        self.progressBar.setValue(0)
        self.messageLabel.clear()
        self._refresh()

    def problem(self) -> str | None:
        """Why Finish is disabled, or None."""
        if self.figures_error:
            return self.figures_error
        if not self.output_path():
            return tr("Choose where to write the project file.")
        return None

    def _refresh(self, *_):
        self.problemLabel.setText(self.problem() or "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.problem() is None and not self.wizard().is_running()


def summary_rows(rows, columns: int = 1) -> str:
    """An HTML table of (label, value) rows; ``columns`` pairs side by side."""
    rows = list(rows)
    lines = []
    for start in range(0, len(rows), columns):
        lines.append("<tr>" + "".join(
            f"<td style='padding:2px 12px 2px 0;color:#555'>{html.escape(label)}</td>"
            f"<td style='padding:2px 24px 2px 0'>{html.escape(str(value))}</td>"
            for label, value in rows[start:start + columns]) + "</tr>")
    return f"<table>{''.join(lines)}</table>"
