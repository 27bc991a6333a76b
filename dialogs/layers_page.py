"""Wizard page 4: the plan (layer or field) and the optional layers."""
from __future__ import annotations

from qgis.core import QgsMapLayerProxyModel
from qgis.PyQt.QtWidgets import QWizardPage

from ..core.guess import guess_layers, planned_code_field
from ..core.keys import AFTER, DEVELOPMENT_BOUNDARY, PBF_AFTER, PBF_BEFORE, RED_LINE, SUBPROJECTS
from ..i18n import tr
from .project_layers import polygon_layers
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
#: The guesses' marker for choices restored from a project file.
RESTORED = "restored"
#: createproject parameter → role of core/guess.py.
ROLES = {PBF_BEFORE: "pbf_before", PBF_AFTER: "pbf_after", SUBPROJECTS: "subprojects", RED_LINE: "red_line",
         DEVELOPMENT_BOUNDARY: "development_boundary", AFTER: "after"}


class LayersPage(QWizardPage, FORM):
    """Planned land use and the optional layers; all may stay empty.

    Each combo is pre-selected by the layer's standard name (DLTB_GH, YJJBNTTB
    and its after-twin, ZXM, STBHHX, CZKFBJ; core/guess.py) and the plan by a
    planned DLTB layer, else a planned-code field (GHDLBM) on the DLTB.  The
    guesses are made once per DLTB; what the user changes stays.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        for name in COMBOS.values():
            combo = getattr(self, name)
            combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
            combo.layerChanged.connect(self._refresh)
        self.afterFieldCombo.setAllowEmptyFieldName(True)
        self.afterFieldCombo.fieldChanged.connect(self._refresh)
        for radio in (self.noPlanRadio, self.afterLayerRadio, self.afterFieldRadio):
            radio.toggled.connect(self._plan_mode_changed)
        self._guessed_for = None
        self._plan_mode_changed()

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        wizard = self.wizard()
        layer = wizard.dltb_layer() if wizard is not None else None
        if self.afterFieldCombo.layer() is not layer:
            self.afterFieldCombo.setLayer(layer)
        if layer is not None and self._guessed_for not in (layer.id(), RESTORED):
            self._guessed_for = layer.id()
            self.guess(layer)
        self._refresh()

    def guess(self, dltb_layer) -> None:
        """Pre-select the layers by their standard names and the plan (a planned layer, else GHDLBM)."""
        candidates = [layer for layer in polygon_layers() if layer is not dltb_layer]
        found = guess_layers(candidates)
        for key, role in ROLES.items():
            if role in found:
                getattr(self, COMBOS[key]).setLayer(found[role])
        field = planned_code_field(dltb_layer.fields().names())
        if field:
            self.afterFieldCombo.setField(field)
        if "after" in found:
            self.afterLayerRadio.setChecked(True)
        elif field:
            self.afterFieldRadio.setChecked(True)

    def _plan_mode_changed(self, *_):
        self.afterLayerCombo.setEnabled(self.afterLayerRadio.isChecked())
        self.afterFieldCombo.setEnabled(self.afterFieldRadio.isChecked())
        self._refresh()

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
        """Restore the choices (from a project file); the page makes no guesses over them."""
        self._guessed_for = RESTORED
        for key, layer in layers.items():
            if key in COMBOS:
                getattr(self, COMBOS[key]).setLayer(layer)
        if AFTER in layers:
            self.afterLayerRadio.setChecked(True)
        elif after_field:
            self.afterFieldRadio.setChecked(True)
            self.afterFieldCombo.setField(after_field)

    def problem(self) -> str | None:
        """Why the wizard cannot go on from this page, or None."""
        chosen = self.layers()
        if (PBF_BEFORE in chosen) != (PBF_AFTER in chosen):
            return tr("Give the permanent basic farmland both before and after the adjustment, or neither.")
        if self.afterLayerRadio.isChecked() and AFTER not in chosen:
            return tr("Choose the planned DLTB layer, or another form of the plan.")
        if self.afterFieldRadio.isChecked() and not self.after_field():
            return tr("Choose the planned-code field, or another form of the plan.")
        wizard = self.wizard()
        if wizard is not None and chosen.get(AFTER) is not None and chosen[AFTER] is wizard.dltb_layer():
            return tr("The planned layer must not be the current DLTB itself.")
        return None

    def _refresh(self, *_):
        self.messageLabel.setText(self.problem() or "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.problem() is None

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        problem = self.problem()
        self.messageLabel.setText(problem or "")
        return problem is None
