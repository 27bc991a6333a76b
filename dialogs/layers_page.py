"""Wizard page 4: the plan (layer, field or a draft), the optional layers and the later surveys."""
from __future__ import annotations

from qgis.core import QgsFieldProxyModel, QgsMapLayerProxyModel, QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QListWidgetItem, QWizardPage

from ..core.guess import guess_layers, guess_surveys, planned_code_field, planned_kcxs_field, survey_year
from ..core.keys import AFTER, DEVELOPMENT_BOUNDARY, PBF_AFTER, PBF_BEFORE, RED_LINE, SUBPROJECTS
from ..i18n import tr
from .pages import CheckedPage
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


class LayersPage(CheckedPage, QWizardPage, FORM):
    """Planned land use, the optional layers and the later surveys; all may stay empty.

    Each combo is pre-selected by the layer's standard name (DLTB_GH, YJJBNTTB
    and its after-twin, ZXM, STBHHX, CZKFBJ; core/guess.py) and the plan by a
    planned DLTB layer, else a planned-code field (GHDLBM, with its planned
    田坎 coefficient GHKCXS) on the DLTB.  Without a plan, *No plan yet: draft
    one…* opens the drafting assistant (dialogs/draft_dialog.py); the draft it
    hands back becomes a plan of its own ("Drafted plan").  Later surveys
    (年度变更调查) are the layers named DLTB_<year>.  The guesses are made
    once per DLTB; what the user changes stays.
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
        self.afterKcxsCombo.setAllowEmptyFieldName(True)
        self.afterKcxsCombo.setFilters(QgsFieldProxyModel.Filter.Numeric)
        for radio in (self.noPlanRadio, self.afterLayerRadio, self.afterFieldRadio, self.draftRadio):
            radio.toggled.connect(self._plan_mode_changed)
        self.draftButton.clicked.connect(self.open_draft)
        self.surveyList.itemChanged.connect(self._survey_ticked)
        self.draft = None
        self._survey_ids = set()
        self._guessed_for = None
        self.draftRadio.setVisible(False)
        self.draftLabel.setVisible(False)
        self._plan_mode_changed()

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        wizard = self.wizard()
        layer = wizard.dltb_layer() if wizard is not None else None
        for combo in (self.afterFieldCombo, self.afterKcxsCombo):
            if combo.layer() is not layer:
                combo.setLayer(layer)
        if layer is not None and self._guessed_for not in (layer.id(), RESTORED):
            self._guessed_for = layer.id()
            self.guess(layer)
        self.fill_surveys()
        self._refresh()

    def guess(self, dltb_layer) -> None:
        """Pre-select the layers by their standard names, the plan (a planned layer, else GHDLBM) and the surveys."""
        candidates = [layer for layer in polygon_layers() if layer is not dltb_layer]
        found = guess_layers(candidates)
        for key, role in ROLES.items():
            if role in found:
                getattr(self, COMBOS[key]).setLayer(found[role])
        names = dltb_layer.fields().names()
        field = planned_code_field(names)
        if field:
            self.afterFieldCombo.setField(field)
            self.afterKcxsCombo.setField(planned_kcxs_field(names) or "")
        if "after" in found:
            self.afterLayerRadio.setChecked(True)
        elif field:
            self.afterFieldRadio.setChecked(True)
        self._survey_ids = {layer.id() for layer in guess_surveys(candidates, dltb_layer)}

    def _plan_mode_changed(self, *_):
        self.afterLayerCombo.setEnabled(self.afterLayerRadio.isChecked())
        field_mode = self.afterFieldRadio.isChecked()
        for widget in (self.afterFieldCombo, self.afterKcxsCombo, self.afterKcxsLabel):
            widget.setEnabled(field_mode)
        self._refresh()

    # --- the later surveys --------------------------------------------------------------------------
    def fill_surveys(self) -> None:
        """List the polygon layers (not the DLTB) with a tick; the ticks stay as they were (or as guessed)."""
        wizard = self.wizard()
        dltb_layer = wizard.dltb_layer() if wizard is not None else None
        drafted = {layer.id() for layer in self.draft.layers()} if self.draft is not None else set()
        ticked = self._survey_ids
        self.surveyList.blockSignals(True)
        self.surveyList.clear()
        # The layers named as surveys first (oldest first), then the others in layer-tree order.
        layers = [layer for layer in polygon_layers() if layer is not dltb_layer and layer.id() not in drafted]
        layers.sort(key=lambda layer: (survey_year(layer) is None, survey_year(layer) or 0))
        for layer in layers:
            item = QListWidgetItem(layer.name())
            item.setData(Qt.ItemDataRole.UserRole, layer.id())
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if layer.id() in ticked else Qt.CheckState.Unchecked)
            self.surveyList.addItem(item)
        self.surveyList.blockSignals(False)

    def _survey_ticked(self, item) -> None:
        layer_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._survey_ids.add(layer_id)
        else:
            self._survey_ids.discard(layer_id)
        self._refresh()

    def surveys(self) -> list:
        """The later surveys ticked, oldest first (layers without a year in their name last)."""
        chosen = []
        for row in range(self.surveyList.count()):
            item = self.surveyList.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                layer = QgsProject.instance().mapLayer(item.data(Qt.ItemDataRole.UserRole))
                if layer is not None:
                    chosen.append(layer)
        return sorted(chosen, key=lambda layer: (survey_year(layer) is None, survey_year(layer) or 0))

    # --- the drafted plan --------------------------------------------------------------------------
    def open_draft(self):
        """Open the drafting assistant (dialogs/draft_dialog.py) for the wizard's choices."""
        wizard = self.wizard()
        if wizard is None:
            return None
        dialog = wizard.draft_dialog()
        dialog.open()
        return dialog

    def set_draft(self, draft) -> None:
        """Make a draft the plan: the drafted DLTB's GHDLBM and GHKCXS, and its sub-projects."""
        self.draft = draft
        self.draftRadio.setVisible(True)
        self.draftLabel.setVisible(True)
        self.draftLabel.setText(draft.summary())
        self.draftRadio.setChecked(True)
        if draft.subprojects is not None:
            self.subprojectsCombo.setLayer(draft.subprojects)
        self.fill_surveys()
        self._refresh()

    def drafted(self):
        """The draft, when it is the plan's form."""
        return self.draft if self.draftRadio.isChecked() else None

    # --- the choices ----------------------------------------------------------------------------------
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
        """The planned-code field, when the plan is a field (GHDLBM of a draft)."""
        if self.draftRadio.isChecked():
            from .draft_dialog import PLAN_FIELD

            return PLAN_FIELD
        return self.afterFieldCombo.currentField() if self.afterFieldRadio.isChecked() else ""

    def after_kcxs_field(self) -> str:
        """The planned 田坎 coefficient field with the planned-code field (GHKCXS of a draft), or ""."""
        if self.draftRadio.isChecked():
            from .draft_dialog import PLAN_KCXS_FIELD

            return PLAN_KCXS_FIELD
        return self.afterKcxsCombo.currentField() if self.afterFieldRadio.isChecked() else ""

    def set_layers(self, layers: dict, after_field: str = "", after_kcxs_field: str = "", surveys=()) -> None:
        """Restore the choices (from a project file); the page makes no guesses over them."""
        self._guessed_for = RESTORED
        for key, layer in layers.items():
            if key in COMBOS:
                getattr(self, COMBOS[key]).setLayer(layer)
        if AFTER in layers:
            self.afterLayerRadio.setChecked(True)
        elif after_field:
            self.afterFieldRadio.setChecked(True)
            wizard = self.wizard()
            if wizard is not None and wizard.dltb_layer() is not None:
                for combo in (self.afterFieldCombo, self.afterKcxsCombo):
                    combo.setLayer(wizard.dltb_layer())
            self.afterFieldCombo.setField(after_field)
            self.afterKcxsCombo.setField(after_kcxs_field or "")
        self._survey_ids = {layer.id() for layer in surveys if layer is not None}
        self.fill_surveys()

    def problem(self) -> str | None:
        """Why the wizard cannot go on from this page, or None."""
        chosen = self.layers()
        if (PBF_BEFORE in chosen) != (PBF_AFTER in chosen):
            return tr("Give the permanent basic farmland both before and after the adjustment, or neither.")
        if self.afterLayerRadio.isChecked() and AFTER not in chosen:
            return tr("Choose the planned DLTB layer, or another form of the plan.")
        if self.afterFieldRadio.isChecked() and not self.after_field():
            return tr("Choose the planned-code field, or another form of the plan.")
        if self.afterFieldRadio.isChecked() and self.after_kcxs_field() == self.after_field():
            return tr("The planned field-ridge coefficient field cannot be the planned-code field.")
        wizard = self.wizard()
        if wizard is not None and chosen.get(AFTER) is not None and chosen[AFTER] is wizard.dltb_layer():
            return tr("The planned layer must not be the current DLTB itself.")
        if self.draftRadio.isChecked():
            return self._draft_problem()
        return None

    def _draft_problem(self) -> str | None:
        draft = self.draft
        try:
            gone = draft is None or QgsProject.instance().mapLayer(draft.plan.id()) is None
        except RuntimeError:  # the layer was deleted
            gone = True
        if gone:
            return tr("The drafted plan is no longer in the map: draft again, or choose another form of the plan.")
        wizard = self.wizard()
        try:
            key = wizard.draft_key() if wizard is not None else draft.key
        except Exception:  # noqa: BLE001 (a choice that cannot be read is a changed choice)
            key = None
        if key != draft.key:
            return tr("The draft was made for another DLTB, project area, period or constraint layers: draft again, "
                      "or choose another form of the plan.")
        return None

