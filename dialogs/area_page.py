"""Wizard page 2: the project area, from a polygon layer or chosen villages."""
from __future__ import annotations

import math

from qgis.core import QgsMapLayerProxyModel
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTableWidgetItem, QWizardPage

from ..core import dltb, status
from ..core.errors import LandConsolidationError
from ..core.guess import guess_layers, is_constraint
from ..core.units import M2_PER_HA
from ..i18n import tr
from .pages import CheckedPage
from .project_layers import polygon_layers
from .ui import load_form

FORM = load_form("area_page")


class NumberItem(QTableWidgetItem):
    """A table cell that sorts by its number, shown with fixed decimals."""

    def __init__(self, value: float, decimals: int = 2):
        super().__init__("—" if value is None or math.isnan(value) else f"{value:,.{decimals}f}")
        self.value = -math.inf if value is None or math.isnan(value) else value
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setFlags(self.flags() & ~Qt.ItemFlag.ItemIsEditable)

    def __lt__(self, other):
        return self.value < getattr(other, "value", -math.inf)


class AreaPage(CheckedPage, QWizardPage, FORM):
    """Boundary layer (or its selection), or villages picked from the DLTB's ZLDWDM.

    The boundary is pre-selected by its project name (XMQ, XMFW …; never a
    constraint layer); without one the page starts in village mode.  Next
    stays disabled while there is a problem, and the red line says which.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.areaLayerCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.areaLayerCombo.setAllowEmptyLayer(True)
        guessed = guess_layers(polygon_layers()).get("area")
        self.areaLayerCombo.setLayer(guessed)
        if guessed is None:
            self.villageRadio.setChecked(True)
        headers = [tr("Code (ZLDWDM)"), tr("Village"), tr("Parcels"), tr("Area (ha)"), tr("Cultivated land (ha)"),
                   tr("Est. new cultivated land (ha)"), tr("Est. rate (%)")]
        self.villageTable.setColumnCount(len(headers))
        self.villageTable.setHorizontalHeaderLabels(headers)
        self.villages = None
        self.potential = None
        self.potential_note = ""
        self._loaded_for = None
        self._watched = None
        self.layerRadio.toggled.connect(self._mode_changed)
        self.areaLayerCombo.layerChanged.connect(self._area_layer_changed)
        self.selectedOnlyCheck.toggled.connect(self._changed)
        self.villageTable.itemChanged.connect(self._changed)
        self._area_layer_changed(self.areaLayerCombo.currentLayer())

    # --- state -----------------------------------------------------------------
    def mode(self) -> str:
        """``"layer"`` or ``"villages"``."""
        return "layer" if self.layerRadio.isChecked() else "villages"

    def area_layer(self):
        """The boundary layer (layer mode)."""
        return self.areaLayerCombo.currentLayer()

    def selected_only(self) -> bool:
        """Use only the selected boundary features."""
        return self.selectedOnlyCheck.isChecked()

    def chosen_villages(self) -> list[str]:
        """ZLDWDM codes ticked in the village table."""
        codes = []
        for row in range(self.villageTable.rowCount()):
            item = self.villageTable.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                codes.append(item.text())
        return sorted(codes)

    def set_villages(self, codes) -> None:
        """Tick exactly these villages (switches to village mode)."""
        self.villageRadio.setChecked(True)
        self.ensure_villages()
        wanted = set(codes)
        self.villageTable.blockSignals(True)
        for row in range(self.villageTable.rowCount()):
            item = self.villageTable.item(row, 0)
            item.setCheckState(Qt.CheckState.Checked if item.text() in wanted else Qt.CheckState.Unchecked)
        self.villageTable.blockSignals(False)
        self._changed()

    def townships(self) -> list[str]:
        """Township codes (first 9 digits of ZLDWDM) of the current choice, when known."""
        if self.mode() == "villages":
            return sorted({code[:9] for code in self.chosen_villages()})
        return []

    # --- village table ------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self.ensure_villages()
        self._mode_changed()

    def ensure_villages(self) -> None:
        """Fill the village table from the wizard's DLTB layer (once per layer)."""
        wizard = self.wizard()
        layer = wizard.dltb_layer() if wizard is not None else None
        if layer is None or self._loaded_for == layer.id():
            return
        self._loaded_for = layer.id()
        try:
            parcels = dltb.read_dltb(layer, overrides=wizard.field_overrides())
        except LandConsolidationError as exc:
            self.warningLabel.setText(str(exc))
            return
        self.villages = status.village_summary(parcels.frame)
        self.potential = wizard.potential_ranking(layer) if hasattr(wizard, "potential_ranking") else None
        self._fill_table()

    def _fill_table(self) -> None:
        table = self.villageTable
        table.blockSignals(True)
        table.setSortingEnabled(False)
        table.setRowCount(len(self.villages))
        estimates = {}
        if self.potential is not None and len(self.potential):
            for rec in self.potential.itertuples(index=False):
                estimates[str(rec.ZLDWDM)] = (rec.EST_ADDED_M2, rec.EST_RATE)
        for row, rec in enumerate(self.villages.itertuples(index=False)):
            code = QTableWidgetItem(rec.ZLDWDM)
            code.setFlags((code.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsEditable)
            code.setCheckState(Qt.CheckState.Unchecked)
            table.setItem(row, 0, code)
            name = QTableWidgetItem(rec.ZLDWMC)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 1, name)
            table.setItem(row, 2, NumberItem(rec.PARCELS, 0))
            table.setItem(row, 3, NumberItem(rec.AREA_M2 / M2_PER_HA, 4))
            table.setItem(row, 4, NumberItem(rec.CULTIVATED_M2 / M2_PER_HA, 4))
            added, rate = estimates.get(rec.ZLDWDM, (float("nan"), float("nan")))
            table.setItem(row, 5, NumberItem(added / M2_PER_HA, 4))
            table.setItem(row, 6, NumberItem(rate, 2))
        table.setColumnHidden(5, not estimates)
        table.setColumnHidden(6, not estimates)
        table.setSortingEnabled(True)
        table.resizeColumnsToContents()
        table.blockSignals(False)

    # --- validation -------------------------------------------------------------------
    def _area_layer_changed(self, layer) -> None:
        """Follow the selection of the chosen layer: "selected features only" depends on it."""
        if self._watched is not None:
            try:
                self._watched.selectionChanged.disconnect(self._changed)
            except (TypeError, RuntimeError):
                pass  # already disconnected, or the layer is gone
        self._watched = layer
        if layer is not None:
            layer.selectionChanged.connect(self._changed)
        self._changed()

    def _mode_changed(self, *_):
        layer_mode = self.layerRadio.isChecked()
        self.areaLayerCombo.setEnabled(layer_mode)
        self.selectedOnlyCheck.setEnabled(layer_mode)
        self.villageTable.setEnabled(not layer_mode)
        self._changed()

    def _changed(self, *_):
        self.warningLabel.clear()
        if self.mode() == "villages" and self.villages is not None:
            codes = set(self.chosen_villages())
            chosen = self.villages[self.villages["ZLDWDM"].isin(codes)]
            self.summaryLabel.setText(
                tr("{n} village(s), {area:.4f} ha, of which cultivated land {cult:.4f} ha").format(
                    n=len(chosen), area=chosen["AREA_M2"].sum() / M2_PER_HA,
                    cult=chosen["CULTIVATED_M2"].sum() / M2_PER_HA)
            )
            townships = self.townships()
            if len(townships) > 1:
                self.warningLabel.setText(
                    tr("The villages belong to {n} townships ({codes}); the policy's unit is one township.")
                    .format(n=len(townships), codes=", ".join(townships))
                )
        else:
            self.summaryLabel.clear()
        if self.potential_note and self.mode() == "villages":
            self.summaryLabel.setText(self.summaryLabel.text() + "\n" + self.potential_note)
        if self.mode() == "layer" and self.area_layer() is not None and is_constraint(self.area_layer()):
            self.warningLabel.setText(tr("{layer} looks like a constraint layer, not a project boundary; check the "
                                         "choice.").format(layer=self.area_layer().name()))
        self._refresh()

    def problem(self) -> str | None:
        """Why the wizard cannot go on from this page, or None."""
        if self.mode() == "layer":
            layer = self.area_layer()
            if layer is None:
                return tr("Choose the project area layer, or pick the villages of the project.")
            if layer.featureCount() == 0:
                return tr("The project area layer {layer} is empty.").format(layer=layer.name())
            if self.selected_only() and layer.selectedFeatureCount() == 0:
                return tr("No feature of {layer} is selected: select the project area on the map, or untick "
                          "'Selected features only'.").format(layer=layer.name())
            return None
        if self.villages is None:
            return tr("The villages of the DLTB could not be read: choose a project area layer.")
        if not self.chosen_villages():
            return tr("Tick at least one village.")
        return None

    def message_label(self):  # noqa: D102
        return self.problemLabel
