"""Wizard page 1: the DLTB layer and its field mapping, with a data check."""
from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsMapLayerProxyModel,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsFieldComboBox
from qgis.PyQt.QtWidgets import QTableWidgetItem, QWizardPage

from ..core import dltb
from ..core.errors import LandConsolidationError
from ..core.fields import detect_fields, role_label
from ..core.guess import code_field_problem, guess_layers
from ..core.keys import FINDINGS, INPUT, OUTPUT, OUTPUT_PARCELS, algorithm_id
from ..core.zones import zone_of
from ..i18n import tr
from ..processing.aliases import set_aliases
from . import memory
from .pages import CheckedPage
from .project_layers import polygon_layers
from .tasks import algorithm_task
from .ui import load_form

FORM = load_form("dltb_page")
CHECK_ALGORITHM = algorithm_id("checkdata")

#: Roles shown in the mapping table, in order (labels: core/fields.py ROLE_LABELS), with the standard field.
ROLES = (
    ("code", "DLBM"),
    ("tbmj", "TBMJ"),
    ("kcdlbm", "KCDLBM"),
    ("kcxs", "KCXS"),
    ("kcmj", "KCMJ"),
    ("tbdlmj", "TBDLMJ"),
    ("village", "ZLDWDM"),
    ("village_name", "ZLDWMC"),
    ("bsm", "BSM"),
    ("gddb", "GDDB"),
    ("gdpdjb", "GDPDJB"),
    ("czcsxm", "CZCSXM"),
    ("xzdwkd", "XZDWKD"),
)


def crs_label(crs) -> str:
    """A CGCS2000 Gauss-Krüger CRS in the interface's language (PROJ's own name is English), else QGIS's name."""
    try:
        return zone_of(crs).label()
    except LandConsolidationError:
        return crs.userFriendlyIdentifier()


class DltbPage(CheckedPage, QWizardPage, FORM):
    """Choose the DLTB layer (pre-selected by its standard name); the detected field mapping is shown and editable.

    Next stays disabled while there is a problem, and the red line under the
    table says which: no layer, no code field, a code field whose values are
    not 三调 codes, a layer without projected coordinates.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.layerCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.layerCombo.setAllowEmptyLayer(True)
        self.mappingTable.setRowCount(len(ROLES))
        self.field_combos: dict[str, QgsFieldComboBox] = {}
        for row, (role, _field) in enumerate(ROLES):
            item = QTableWidgetItem(role_label(role))
            self.mappingTable.setItem(row, 0, item)
            combo = QgsFieldComboBox()
            combo.setAllowEmptyFieldName(True)
            combo.fieldChanged.connect(self._mapping_changed)
            self.mappingTable.setCellWidget(row, 1, combo)
            self.field_combos[role] = combo
        self.mappingTable.resizeColumnToContents(0)
        self._problems: dict = {}
        self.check_task = None
        self.check_context = None
        self.check_feedback = None
        self.check_name = ""
        self.check_results = None
        self.checkButton.clicked.connect(self.run_check)
        self.layerCombo.setLayer(self.guessed_layer())
        self.layerCombo.layerChanged.connect(self._layer_changed)
        self._layer_changed(self.layerCombo.currentLayer())

    # --- guesses ----------------------------------------------------------------------------------
    @staticmethod
    def guessed_layer():
        """The DLTB among the loaded polygon layers: the one named DLTB (or the last one chosen), else none."""
        layers = polygon_layers()
        guessed = guess_layers(layers).get("dltb")
        if guessed is not None:
            return guessed
        last = memory.value("wizard/dltb_layer", "")
        return next((layer for layer in layers if last and layer.name() == last), None)

    # --- state ------------------------------------------------------------------------------------
    def layer(self) -> QgsVectorLayer | None:
        """The chosen DLTB layer."""
        return self.layerCombo.currentLayer()

    def mapping(self) -> dict:
        """role → chosen field name (roles left empty are omitted)."""
        return {role: combo.currentField() for role, combo in self.field_combos.items() if combo.currentField()}

    def overrides(self) -> dict:
        """The mapping entries that differ from what would be detected anyway."""
        layer = self.layer()
        if layer is None:
            return {}
        detected = detect_fields(layer.fields().names())
        return {role: name for role, name in self.mapping().items() if detected.get(role) != name}

    def set_mapping(self, mapping: dict) -> None:
        """Restore field choices (from a project file)."""
        for role, name in mapping.items():
            if role in self.field_combos:
                self.field_combos[role].setField(name)

    def _layer_changed(self, layer) -> None:
        detected = detect_fields(layer.fields().names()) if layer is not None else {}
        for role, combo in self.field_combos.items():
            combo.blockSignals(True)
            combo.setLayer(layer)
            combo.setField(detected.get(role) or "")
            combo.blockSignals(False)
        self.crsLabel.setText(crs_label(layer.crs()) if layer is not None else "—")
        self.checkLabel.clear()
        self.checkButton.setEnabled(layer is not None and self.check_task is None)
        self._problems.clear()
        self._refresh()

    def _mapping_changed(self, *_):
        self._refresh()

    # --- problems ---------------------------------------------------------------------------------
    def problem(self) -> str | None:
        """Why the wizard cannot go on from this page, or None."""
        layer = self.layer()
        if layer is None:
            return tr("Choose the DLTB layer (land-use parcels of the land survey).")
        code = self.field_combos["code"].currentField()
        if not code:
            return tr("Layer '{layer}' has no field DLBM: map the land-use code field in the table.").format(
                layer=layer.name())
        key = (layer.id(), code)
        if key not in self._problems:
            try:
                dltb.check_projected(layer)
                self._problems[key] = code_field_problem(layer, code)
            except LandConsolidationError as exc:
                self._problems[key] = str(exc)
        return self._problems[key]

    def accepted(self) -> None:  # noqa: D102
        memory.remember("wizard/dltb_layer", self.layer().name())

    # --- data check -------------------------------------------------------------------------------
    def run_check(self):
        """Run landconsolidation:checkdata on the chosen layer on the task manager; the result shows beside the button."""
        layer = self.layer()
        if layer is None or self.check_task is not None:
            return None
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(CHECK_ALGORITHM)
        if algorithm is None:
            self.checkLabel.setText(tr("The data check algorithm is not available."))
            return None
        self.check_context = QgsProcessingContext()
        self.check_context.setProject(QgsProject.instance())
        self.check_feedback = QgsProcessingFeedback()
        params = {INPUT: layer.id(), OUTPUT: "memory:", OUTPUT_PARCELS: "memory:"}
        self.check_task = algorithm_task(algorithm, params, self.check_context, self.check_feedback)
        self.check_name = layer.name()
        self.check_task.executed.connect(self._check_executed)  # a bound method: no cycle (dialogs/tasks.py)
        self.checkButton.setEnabled(False)
        self.checkLabel.setText(tr("Checking {layer}…").format(layer=layer.name()))
        QgsApplication.taskManager().addTask(self.check_task)
        return self.check_task

    def _check_executed(self, ok: bool, results: dict) -> None:
        self._check_finished(ok, results, self.check_name)

    def _check_finished(self, ok: bool, results: dict, name: str) -> None:
        self.check_task = None
        self.checkButton.setEnabled(self.layer() is not None)
        if not ok:
            log = self.check_feedback.textLog() if hasattr(self.check_feedback, "textLog") else ""
            error = log.strip().splitlines()[-1] if log.strip() else tr("The data check failed.")
            self.checkLabel.setText(f"<span style='color:#b00020'>{error}</span>")
            return
        self.check_results = results
        findings = int(results.get(FINDINGS) or 0)
        if findings == 0:
            self.checkLabel.setText(tr("Data check of {layer}: no findings.").format(layer=name))
            return
        for key, title in ((OUTPUT_PARCELS, tr("Parcels with findings · {layer}")),
                           (OUTPUT, tr("Data check findings · {layer}"))):
            found = QgsProcessingUtils.mapLayerFromString(results.get(key) or "", self.check_context)
            if found is None:
                continue
            found = self.check_context.takeResultLayer(found.id()) or found
            found.setName(title.format(layer=name))
            set_aliases(found)
            QgsProject.instance().addMapLayer(found)
        self.checkLabel.setText(tr("Data check of {layer}: {n} finding(s); the parcels with findings are loaded "
                                   "into the map.").format(layer=name, n=findings))
