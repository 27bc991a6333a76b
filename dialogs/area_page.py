"""Wizard page 2: the project area, from a polygon layer or chosen villages."""
from __future__ import annotations

import math

from qgis.core import QgsMapLayerProxyModel
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTableWidgetItem, QWizardPage

from ..core import dltb, status
from ..core.errors import LandConsolidationError
from ..core.units import M2_PER_HA
from ..i18n import tr
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


class AreaPage(QWizardPage, FORM):
    """Boundary layer (or its selection), or villages picked from the DLTB's ZLDWDM."""


    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.areaLayerCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.areaLayerCombo.setAllowEmptyLayer(True)
        headers = [tr("Code (ZLDWDM)"), tr("Village"), tr("Parcels"), tr("Area (ha)"), tr("耕地 (ha)"),
                   tr("Est. 新增耕地 (ha)"), tr("Est. rate (%)")]
        self.villageTable.setColumnCount(len(headers))
        self.villageTable.setHorizontalHeaderLabels(headers)
        self.villages = None
        self.potential = None
        self.potential_note = ""
        self._loaded_for = None
        self.layerRadio.toggled.connect(self._mode_changed)
        self.areaLayerCombo.layerChanged.connect(self._changed)
        self.selectedOnlyCheck.toggled.connect(self._changed)
        self.villageTable.itemChanged.connect(self._changed)

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
                tr("{n} villages, {area:.4f} ha, of which 耕地 {cult:.4f} ha").format(
                    n=len(chosen), area=chosen["AREA_M2"].sum() / M2_PER_HA,
                    cult=chosen["CULTIVATED_M2"].sum() / M2_PER_HA)
            )
            townships = self.townships()
            if len(townships) > 1:
                self.warningLabel.setText(
                    tr("The villages belong to {n} townships ({codes}); the policy's unit is one township (乡镇).")
                    .format(n=len(townships), codes=", ".join(townships))
                )
        else:
            self.summaryLabel.clear()
        if self.potential_note and self.mode() == "villages":
            self.summaryLabel.setText(self.summaryLabel.text() + "\n" + self.potential_note)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        if self.mode() == "layer":
            layer = self.area_layer()
            return layer is not None and (not self.selected_only() or layer.selectedFeatureCount() > 0)
        return bool(self.chosen_villages())

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        if self.mode() == "layer":
            layer = self.area_layer()
            if layer is None:
                self.warningLabel.setText(tr("Choose the project area layer."))
                return False
            if self.selected_only() and layer.selectedFeatureCount() == 0:
                self.warningLabel.setText(tr("No feature of {layer} is selected.").format(layer=layer.name()))
                return False
            if layer.featureCount() == 0:
                self.warningLabel.setText(tr("The project area layer {layer} is empty.").format(layer=layer.name()))
                return False
            return True
        if not self.chosen_villages():
            self.warningLabel.setText(tr("Tick at least one village."))
            return False
        return True
