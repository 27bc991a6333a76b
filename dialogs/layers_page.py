"""Wizard page 4: the plan (layer or field) and the optional layers."""
from __future__ import annotations

from qgis.core import QgsMapLayerProxyModel
from qgis.PyQt.QtWidgets import QWizardPage

from ..core.keys import AFTER, DEVELOPMENT_BOUNDARY, PBF_AFTER, PBF_BEFORE, RED_LINE, SUBPROJECTS
from ..i18n import tr
from .ui import load_form

FORM = load_form("layers_page")

#: createproject parameter → combo attribute name.
COMBOS = {
    PBF_BEFORE: "pbfBeforeCombo",
    PBF_AFTER: "pbfAfterCombo",
    SUBPROJECTS: "subprojectsCombo",
    RED_LINE: "redLineCombo",
    DEVELOPMENT_BOUNDARY: "devBoundaryCombo",
    AFTER: "afterLayerCombo",
}


class LayersPage(QWizardPage, FORM):
    """Planned land use and the optional layers; all may stay empty."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        for name in COMBOS.values():
            combo = getattr(self, name)
            combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        self.afterFieldCombo.setAllowEmptyFieldName(True)
        for radio in (self.noPlanRadio, self.afterLayerRadio, self.afterFieldRadio):
            radio.toggled.connect(self._plan_mode_changed)
        self._plan_mode_changed()

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        wizard = self.wizard()
        layer = wizard.dltb_layer() if wizard is not None else None
        if self.afterFieldCombo.layer() is not layer:
            self.afterFieldCombo.setLayer(layer)
            candidates = [n for n in (layer.fields().names() if layer else []) if n.upper() in ("GHDLBM", "GHDL")]
            if candidates:
                self.afterFieldCombo.setField(candidates[0])

    def _plan_mode_changed(self, *_):
        self.afterLayerCombo.setEnabled(self.afterLayerRadio.isChecked())
        self.afterFieldCombo.setEnabled(self.afterFieldRadio.isChecked())

    def layers(self) -> dict:
        """createproject parameter → chosen layer (only the ones chosen)."""
        chosen = {}
        for key, name in COMBOS.items():
            if key == AFTER and not self.afterLayerRadio.isChecked():
                continue
            layer = getattr(self, name).currentLayer()
            if layer is not None:
                chosen[key] = layer
        return chosen

    def after_field(self) -> str:
        """The planned-code field, when that is the plan's form."""
        return self.afterFieldCombo.currentField() if self.afterFieldRadio.isChecked() else ""

    def set_layers(self, layers: dict, after_field: str = "") -> None:
        """Restore the choices (from a project file)."""
        for key, layer in layers.items():
            if key in COMBOS:
                getattr(self, COMBOS[key]).setLayer(layer)
        if AFTER in layers:
            self.afterLayerRadio.setChecked(True)
        elif after_field:
            self.afterFieldRadio.setChecked(True)
            self.afterFieldCombo.setField(after_field)

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        chosen = self.layers()
        if (PBF_BEFORE in chosen) != (PBF_AFTER in chosen):
            self.messageLabel.setText(tr("Give the permanent basic farmland both before and after, or neither."))
            return False
        if self.afterLayerRadio.isChecked() and AFTER not in chosen:
            self.messageLabel.setText(tr("Choose the planned DLTB layer."))
            return False
        if self.afterFieldRadio.isChecked() and not self.after_field():
            self.messageLabel.setText(tr("Choose the planned-code field."))
            return False
        wizard = self.wizard()
        if wizard is not None and chosen.get(AFTER) is not None and chosen[AFTER] is wizard.dltb_layer():
            self.messageLabel.setText(tr("The planned layer must not be the current DLTB itself."))
            return False
        self.messageLabel.clear()
        return True
