"""Wizard page 5: summary of the choices and the project file to write."""
from __future__ import annotations

import html

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import QWizardPage

from ..i18n import tr
from .ui import load_form

FORM = load_form("summary_page")


class SummaryPage(QWizardPage, FORM):
    """Shows what will be written; the wizard's Finish runs createproject."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.outputWidget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.outputWidget.setFilter(tr("GeoPackage (*.gpkg)"))
        self.outputWidget.fileChanged.connect(self.completeChanged)
        self.setCommitPage(False)

    def output_path(self) -> str:
        """The project file chosen, with .gpkg appended when missing."""
        path = self.outputWidget.filePath().strip()
        if path and not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        return path

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self.summaryText.setHtml(self.wizard().summary_html())
        self.progressBar.setValue(0)
        self.messageLabel.clear()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return bool(self.output_path()) and not self.wizard().is_running()


def summary_rows(rows) -> str:
    """An HTML table of (label, value) rows."""
    cells = "".join(
        f"<tr><td style='padding:2px 12px 2px 0;color:#555'>{html.escape(label)}</td>"
        f"<td style='padding:2px 0'>{html.escape(str(value))}</td></tr>"
        for label, value in rows
    )
    return f"<table>{cells}</table>"
