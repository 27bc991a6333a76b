"""Wizard page 3: project facts and the implementation period."""
from __future__ import annotations

import datetime

from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QWizardPage

from ..core.keys import CODE, END_YEAR, NAME, PREPARED_DATE, RESPONSIBLE_UNIT, START_YEAR, TOWNSHIP, UNIT_NAME
from ..core.period import DEFAULT_MAX_YEARS, period_problem
from ..i18n import tr
from . import memory
from .pages import CheckedPage
from .ui import load_form

FORM = load_form("facts_page")
MAX_YEARS = DEFAULT_MAX_YEARS


class FactsPage(CheckedPage, QWizardPage, FORM):
    """Name, code, township, first/last year (≤ 3 years), responsible unit.

    The responsible unit and the preparing unit start as last time (they
    rarely change between a unit's projects).  Next stays disabled without a
    name or with a period that breaks the rule, and the red line says why.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        year = datetime.date.today().year
        self.startSpin.setValue(year)
        self.endSpin.setValue(year + MAX_YEARS - 1)
        self.nameEdit.setPlaceholderText(tr("e.g. comprehensive land consolidation project of a township"))
        self.preparedOnEdit.setDate(QDate.currentDate())
        self.unitEdit.setText(memory.value("wizard/responsible_unit", "") or "")
        self.preparedByEdit.setText(memory.value("wizard/prepared_by", "") or "")
        self.nameEdit.textChanged.connect(self._refresh)
        self.startSpin.valueChanged.connect(self._refresh)
        self.endSpin.valueChanged.connect(self._refresh)
        self._refresh()

    def facts(self) -> dict:
        """The project facts as createproject parameters."""
        return {
            NAME: self.nameEdit.text().strip(),
            CODE: self.codeEdit.text().strip(),
            TOWNSHIP: self.townshipEdit.text().strip(),
            START_YEAR: self.startSpin.value(),
            END_YEAR: self.endSpin.value(),
            RESPONSIBLE_UNIT: self.unitEdit.text().strip(),
            UNIT_NAME: self.preparedByEdit.text().strip(),
            PREPARED_DATE: self.preparedOnEdit.date().toString("yyyy-MM-dd"),
        }

    def set_facts(self, settings: dict) -> None:
        """Restore facts from a project's settings."""
        self.nameEdit.setText(settings.get("name", ""))
        self.codeEdit.setText(settings.get("code", ""))
        self.townshipEdit.setText(settings.get("township", ""))
        if settings.get("start_year"):
            self.startSpin.setValue(int(settings["start_year"]))
        if settings.get("end_year"):
            self.endSpin.setValue(int(settings["end_year"]))
        self.unitEdit.setText(settings.get("responsible_unit", ""))
        self.preparedByEdit.setText(settings.get("prepared_by", ""))
        prepared = QDate.fromString(settings.get("prepared_on", "") or "", "yyyy-MM-dd")
        if prepared.isValid():
            self.preparedOnEdit.setDate(prepared)

    def problem(self) -> str | None:
        """Why the wizard cannot go on from this page, or None."""
        if not self.nameEdit.text().strip():
            return tr("Give the project a name.")
        return period_problem(self.startSpin.value(), self.endSpin.value(), MAX_YEARS)

    def accepted(self) -> None:  # noqa: D102
        memory.remember("wizard/responsible_unit", self.unitEdit.text().strip())
        memory.remember("wizard/prepared_by", self.preparedByEdit.text().strip())
