"""The project set-up wizard: assembles the pages and runs createproject on the task manager."""
from __future__ import annotations

import json

from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QWizard

from ..core import codes, dltb, potential, project
from ..core.errors import LandConsolidationError
from ..core.keys import (
    AFTER,
    AFTER_FIELD,
    AFTER_KCXS_FIELD,
    CODE,
    DEVELOPMENT_BOUNDARY,
    DLTB,
    END_YEAR,
    FIELD_MAPPING,
    INPUT,
    NAME,
    OUTPUT,
    PBF,
    PBF_AFTER,
    PBF_BEFORE,
    PROJECT_AREA,
    RED_LINE,
    RESPONSIBLE_UNIT,
    START_YEAR,
    SUBPROJECTS,
    SURVEY,
    TOWNSHIP,
    VILLAGES,
    algorithm_id,
)
from ..core.units import M2_PER_HA
from ..i18n import tr
from ..plugin_info import icon_path
from . import memory
from .area_page import AreaPage
from .dltb_page import ROLES, DltbPage
from .facts_page import FactsPage
from .layers_page import LayersPage
from .project_layers import load_project_layers, zoom_to
from .summary_page import SummaryPage, summary_rows
from .tasks import algorithm_task

ALGORITHM = algorithm_id("createproject")
#: Largest DLTB for which the village page computes the potential figures itself.
POTENTIAL_MAX_PARCELS = 30_000


class ProjectWizard(QWizard):
    """项目设置向导: DLTB → project area → facts → layers → summary → project GeoPackage."""

    #: Emitted with the project file path once it is written (and loaded).
    projectCreated = pyqtSignal(str)  # noqa: N815 (Qt signal style)

    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.setWindowTitle(tr("New land consolidation project"))
        self.setWindowIcon(QIcon(icon_path()))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.resize(820, 620)
        # Qt's own button texts stay English unless Qt's translations are installed; set them here.
        for button, text in ((QWizard.WizardButton.BackButton, tr("< Back")), (QWizard.WizardButton.NextButton, tr("Next >")),
                             (QWizard.WizardButton.FinishButton, tr("Finish")),
                             (QWizard.WizardButton.CancelButton, tr("Cancel")),
                             (QWizard.WizardButton.CommitButton, tr("Commit"))):
            self.setButtonText(button, text)
        self.dltb_page = DltbPage(self)
        self.area_page = AreaPage(self)
        self.facts_page = FactsPage(self)
        self.layers_page = LayersPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.dltb_page, self.area_page, self.facts_page, self.layers_page, self.summary_page):
            self.addPage(page)
        self.task = None
        self.context = None
        self.feedback = None
        self.result_path = None
        self.error = None
        self._potential_cache = {}
        self._figures_cache = {}
        self._village_areas = {}
        self._draft_dialog = None

    # --- what the pages ask of the wizard ----------------------------------------------------
    def dltb_layer(self):
        """The DLTB layer chosen on the first page."""
        return self.dltb_page.layer()

    def field_overrides(self) -> dict:
        """Field mapping choices that differ from detection."""
        return self.dltb_page.overrides()

    def potential_ranking(self, layer):
        """Village ranking of the potential survey (None when not computed).

        It runs on the GUI thread (about 1 s for a township); a layer over
        :data:`POTENTIAL_MAX_PARCELS` parcels (a county) is left to the
        landconsolidation:potential algorithm, and the page says so.
        """
        if layer.id() in self._potential_cache:
            return self._potential_cache[layer.id()]
        ranking = None
        self.area_page.potential_note = ""
        if layer.featureCount() > POTENTIAL_MAX_PARCELS:
            self.area_page.potential_note = tr(
                "The layer has more than {n} parcels: run the potential survey algorithm for the village "
                "estimates.").format(n=POTENTIAL_MAX_PARCELS)
        else:
            try:
                # Constraint layers stored beside the DLTB (red line, 城镇开发边界, 永农) are used when found,
                # so the figures match a potential run on the same data.
                ranking = potential.village_ranking(layer, overrides=self.field_overrides(),
                                                    **potential.constraint_layers_beside(layer))
            except LandConsolidationError as exc:  # the ranking is a hint; the wizard works without it
                self.area_page.potential_note = tr("Potential figures not shown: {error}").format(error=exc)
        self._potential_cache[layer.id()] = ranking
        return ranking

    def is_running(self) -> bool:
        """True while createproject runs."""
        return self.task is not None

    # --- parameters ----------------------------------------------------------------------------------
    def parameters(self) -> dict:
        """createproject parameters from the pages (with a drafted plan: the drafted DLTB and its fields)."""
        layer = self.dltb_layer()
        draft = self.layers_page.drafted()
        if draft is not None:
            layer = draft.plan
        params = {DLTB: layer.id() if layer is not None else None}
        params.update(self._area_parameters())
        params.update(self.facts_page.facts())
        for key, chosen in self.layers_page.layers().items():
            params[key] = chosen.id()
        after_field = self.layers_page.after_field()
        if after_field:
            params[AFTER_FIELD] = after_field
            kcxs_field = self.layers_page.after_kcxs_field()
            if kcxs_field:
                params[AFTER_KCXS_FIELD] = kcxs_field
        surveys = self.layers_page.surveys()
        if surveys:
            params[SURVEY] = [survey.id() for survey in surveys]
        overrides = self.field_overrides()
        if overrides:
            params[FIELD_MAPPING] = json.dumps(overrides, ensure_ascii=False)
        params[OUTPUT] = self.summary_page.output_path()
        return params

    def _area_parameters(self) -> dict:
        """PROJECT_AREA (a layer, or its selected features) or VILLAGES."""
        if self.area_page.mode() == "layer":
            area = self.area_page.area_layer()
            if area is None:
                return {}
            return {PROJECT_AREA: QgsProcessingFeatureSourceDefinition(area.id(), True)
                    if self.area_page.selected_only() else area.id()}
        return {VILLAGES: ",".join(self.area_page.chosen_villages())}

    # --- the drafting assistant --------------------------------------------------------------------------
    def draft_key(self) -> tuple:
        """The choices a draft depends on: DLTB, field mapping, project area, period and constraint layers."""
        def layer_id(layer):
            return layer.id() if layer is not None else ""

        area_page, pages = self.area_page, self.layers_page
        area = area_page.area_layer()
        if area_page.mode() == "layer":
            selection = tuple(sorted(area.selectedFeatureIds())) if area is not None and area_page.selected_only() \
                else None
            where = ("layer", layer_id(area), selection)
        else:
            where = ("villages", tuple(area_page.chosen_villages()))
        facts = self.facts_page.facts()
        return (layer_id(self.dltb_layer()), json.dumps(self.field_overrides(), sort_keys=True), where,
                facts[START_YEAR], facts[END_YEAR], layer_id(pages.redLineCombo.currentLayer()),
                layer_id(pages.devBoundaryCombo.currentLayer()), layer_id(pages.pbfBeforeCombo.currentLayer()))

    def draft_inputs(self) -> dict:
        """draftscheme parameters from the pages: the DLTB, project area, constraint layers and period.

        Villages become a boundary layer (their parcels dissolved, as createproject does).

        Raises:
            LandConsolidationError: no DLTB, no project area, or villages that cannot be read.
        """
        layer = self.dltb_layer()
        if layer is None:
            raise LandConsolidationError(tr("Choose the DLTB layer (land-use parcels of the land survey)."))
        params = {INPUT: layer.id()}
        area = self._area_parameters()
        if PROJECT_AREA in area:
            params[PROJECT_AREA] = area[PROJECT_AREA]
        elif area.get(VILLAGES):
            params[PROJECT_AREA] = self._village_area(layer, area[VILLAGES])
        else:
            raise LandConsolidationError(tr("Choose the project area layer, or pick the villages of the project."))
        for key, combo in ((RED_LINE, self.layers_page.redLineCombo),
                           (DEVELOPMENT_BOUNDARY, self.layers_page.devBoundaryCombo),
                           (PBF, self.layers_page.pbfBeforeCombo)):
            if combo.currentLayer() is not None:
                params[key] = combo.currentLayer().id()
        facts = self.facts_page.facts()
        params[START_YEAR], params[END_YEAR] = facts[START_YEAR], facts[END_YEAR]
        if self.field_overrides():
            params[FIELD_MAPPING] = json.dumps(self.field_overrides(), ensure_ascii=False)
        return params

    def _village_area(self, layer, villages: str):
        """The chosen villages' parcels dissolved into a boundary layer (memory; cached per choice)."""
        from qgis.core import QgsFeature, QgsVectorLayer

        key = (layer.id(), villages, json.dumps(self.field_overrides(), sort_keys=True))
        if key not in self._village_areas:
            QgsApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                boundary, _names = project.village_boundary(layer, villages.split(","), self.field_overrides() or None)
            finally:
                QgsApplication.restoreOverrideCursor()
            area = QgsVectorLayer(f"MultiPolygon?crs={layer.crs().authid()}", tr("Project area"), "memory")
            feature = QgsFeature(area.fields())
            feature.setGeometry(boundary)
            area.dataProvider().addFeatures([feature])
            self._village_areas[key] = area
        return self._village_areas[key]

    def draft_inputs_html(self) -> str:
        """What the draft reads from the wizard, for the drafting assistant."""
        pages = self.layers_page
        layer = self.dltb_layer()
        if self.area_page.mode() == "layer":
            area = self.area_page.area_layer()
            area_text = (area.name() if area is not None else "—") + (
                tr(" (selected features)") if self.area_page.selected_only() else "")
        else:
            area_text = tr("{n} village(s)").format(n=len(self.area_page.chosen_villages()))
        facts = self.facts_page.facts()
        rows = [(tr("DLTB layer"), layer.name() if layer is not None else "—"), (tr("Project area"), area_text)]
        for label, combo in ((tr("Ecological protection red line"), pages.redLineCombo),
                             (tr("Urban development boundary"), pages.devBoundaryCombo),
                             (tr("Permanent basic farmland"), pages.pbfBeforeCombo)):
            rows.append((label, combo.currentLayer().name() if combo.currentLayer() is not None else "—"))
        rows.append((tr("Period"), f"{facts[START_YEAR]}—{facts[END_YEAR]}"))
        return summary_rows(rows, columns=2)

    def draft_dialog(self):
        """The drafting assistant of this wizard (one, kept with its locks), up to date with the pages."""
        if self._draft_dialog is None:
            from .draft_dialog import DraftDialog

            self._draft_dialog = DraftDialog(self)
        self._draft_dialog.prepare()
        return self._draft_dialog

    def use_draft(self, draft) -> None:
        """Make a draft the plan (called by the drafting assistant's *Use this draft*)."""
        self.layers_page.set_draft(draft)

    def project_figures(self) -> dict:
        """Area, 耕地 and parcels of the project area and its township codes, before anything is written.

        Villages mode sums the village table; layer mode reads the DLTB inside
        the boundary (as createproject will).  Cached per choice.

        Returns:
            ``{"area_m2", "cultivated_m2", "parcels", "townships"}``.

        Raises:
            LandConsolidationError: the boundary does not overlap the DLTB, or cannot be read.
        """
        layer = self.dltb_layer()
        page = self.area_page
        if layer is None:
            return {}
        if page.mode() == "villages":
            chosen = page.villages[page.villages["ZLDWDM"].isin(page.chosen_villages())]
            return {"area_m2": float(chosen["AREA_M2"].sum()), "cultivated_m2": float(chosen["CULTIVATED_M2"].sum()),
                    "parcels": int(chosen["PARCELS"].sum()), "townships": sorted(set(chosen["TOWNSHIP"]))}
        area = page.area_layer()
        if area is None:
            return {}
        selection = tuple(sorted(area.selectedFeatureIds())) if page.selected_only() else None
        key = (layer.id(), area.id(), selection, json.dumps(self.field_overrides(), sort_keys=True))
        if key not in self._figures_cache:
            from qgis.core import QgsFeatureRequest

            source = area.materialize(QgsFeatureRequest().setFilterFids(list(selection))) if selection else area
            crs = dltb.check_projected(layer)
            boundary = dltb.dissolve_area(source, crs, QgsProject.instance().transformContext(), name=area.name())
            frame = dltb.read_dltb(layer, project_area=boundary, overrides=self.field_overrides()).frame
            cultivated = frame["tbdlmj"].where(frame["base"].isin(codes.CULTIVATED), 0.0)
            villages = frame["village"].astype(str) if "village" in frame else []
            self._figures_cache[key] = {
                "area_m2": float(frame["tbmj"].sum()), "cultivated_m2": float(cultivated.sum()),
                "parcels": int(len(frame)), "townships": sorted({code[:9] for code in villages if code}),
            }
        return self._figures_cache[key]

    def summary_html(self) -> str:
        """What will be written, for the summary page."""
        layer = self.dltb_layer()
        facts = self.facts_page.facts()
        if self.area_page.mode() == "layer":
            area = self.area_page.area_layer()
            area_text = (area.name() if area else "—") + (tr(" (selected features)") if self.area_page.selected_only()
                                                          else "")
        else:
            names = []
            if self.area_page.villages is not None:
                lookup = dict(zip(self.area_page.villages["ZLDWDM"], self.area_page.villages["ZLDWMC"]))
                names = [f"{lookup.get(c, '')}（{c}）" for c in self.area_page.chosen_villages()]
            area_text = "、".join(names)
        chosen = self.layers_page.layers()
        draft = self.layers_page.drafted()
        kcxs_field = self.layers_page.after_kcxs_field()
        if draft is not None:
            plan = tr("{layer}: fields {field} and {kcxs}").format(
                field=self.layers_page.after_field(), kcxs=kcxs_field, layer=draft.plan.name())
        elif AFTER in chosen:
            plan = chosen[AFTER].name()
        elif self.layers_page.after_field() and kcxs_field:
            plan = tr("field {field}, field-ridge coefficient {kcxs}").format(
                field=self.layers_page.after_field(), kcxs=kcxs_field)
        elif self.layers_page.after_field():
            plan = tr("field {field}").format(field=self.layers_page.after_field())
        else:
            plan = tr("not given")
        rows = [
            (tr("Project name"), facts[NAME]),
            (tr("Project code"), facts[CODE] or "—"),
            (tr("Township"), facts[TOWNSHIP] or "—"),
            (tr("Period"), f"{facts[START_YEAR]}—{facts[END_YEAR]}"),
            (tr("Responsible unit"), facts[RESPONSIBLE_UNIT] or "—"),
        ]
        # What the project holds, read before anything is written: the figures a reviewer asks for first.
        figures = self.summary_page.figures
        if figures:
            rows += [
                (tr("Area of the project area"), tr("{ha:.4f} ha").format(ha=figures["area_m2"] / M2_PER_HA)),
                (tr("Cultivated land"), tr("{ha:.4f} ha").format(ha=figures["cultivated_m2"] / M2_PER_HA)),
                (tr("Parcels"), str(figures["parcels"])),
                (tr("Township code"), ", ".join(figures["townships"]) or "—"),
            ]
        mapped = [f"{standard}={field}" for (role, standard), field in
                  ((r, self.dltb_page.mapping().get(r[0], "")) for r in ROLES) if field and field != standard]
        rows += [
            (tr("DLTB layer"), layer.name() if layer else "—"),
            (tr("Field mapping"), ", ".join(mapped) if mapped else tr("the standard field names")),
            (tr("Project area"), area_text),
            (tr("Planned land use"), plan),
        ]
        if draft is not None:
            rows.append((tr("Drafted plan"), draft.summary()))
        labels = {PBF_BEFORE: tr("Permanent basic farmland before the adjustment"),
                  PBF_AFTER: tr("Permanent basic farmland after the adjustment"),
                  SUBPROJECTS: tr("Sub-projects"), RED_LINE: tr("Ecological protection red line"),
                  DEVELOPMENT_BOUNDARY: tr("Urban development boundary")}
        for key, label in labels.items():
            rows.append((label, chosen[key].name() if key in chosen else "—"))
        surveys = self.layers_page.surveys()
        rows.append((tr("Later surveys"), ", ".join(survey.name() for survey in surveys) if surveys else "—"))
        warning = self.area_page.warningLabel.text()
        note = f"<p style='color:#b35900'>{warning}</p>" if warning else ""
        return summary_rows(rows) + note + "<p>" + tr(
            "The project file holds the boundary, copies of the layers (parcels meeting the boundary) and these "
            "settings; re-open it with “Open project…” to change them.") + "</p>"

    # --- running ------------------------------------------------------------------------------------------
    def accept(self) -> None:  # noqa: D102 (Finish runs the algorithm first)
        if self.task is None and self.result_path is None:
            self.start()
            return
        if self.result_path is not None:
            super().accept()

    def start(self):
        """Run createproject on the task manager; the wizard closes when it succeeds."""
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM)
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = QgsProcessingFeedback()
        self.feedback.progressChanged.connect(self._progress)  # a bound method: no cycle (dialogs/tasks.py)
        self.error = None
        self.task = algorithm_task(algorithm, self.parameters(), self.context, self.feedback)
        self.task.executed.connect(self._finished)
        self.summary_page.messageLabel.setText(tr("Writing the project…"))
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _progress(self, percent: float) -> None:
        self.summary_page.progressBar.setValue(int(percent))

    def _finished(self, ok: bool, results: dict) -> None:
        self.task = None
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if not ok:
            log = self.feedback.textLog() if hasattr(self.feedback, "textLog") else ""
            self.error = log.strip().splitlines()[-1] if log.strip() else tr("The project could not be written.")
            self.summary_page.messageLabel.setText(f"<span style='color:#b00020'>{self.error}</span>")
            return
        self.result_path = results[OUTPUT]
        self.summary_page.progressBar.setValue(100)
        self.summary_page.messageLabel.setText(tr("Written: {path}").format(path=self.result_path))
        memory.remember_folder("project", self.result_path)
        memory.remember("last_project", self.result_path)
        if self.summary_page.loadCheck.isChecked():
            layers = load_project_layers(self.result_path)
            if self.iface is not None:
                zoom_to(self.iface.mapCanvas(), layers.get(project.LAYER_NAMES[PROJECT_AREA]))
        self.projectCreated.emit(self.result_path)
        super().accept()

    # --- re-opening -----------------------------------------------------------------------------------------
    def restore(self, path, layers: dict | None = None) -> None:
        """Fill every page from a project GeoPackage.

        Args:
            path: The project file.
            layers: GeoPackage layer name → loaded layer (see
                :func:`load_project_layers`); loaded now when not given.
        """
        settings = project.read_settings(path)
        if layers is None:
            layers = load_project_layers(path)
        self.dltb_page.layerCombo.setLayer(layers.get(project.LAYER_NAMES[DLTB]))
        self.dltb_page.set_mapping(settings.get("field_mapping") or {})
        if settings.get("area_mode") == "villages" and settings.get("villages"):
            self.area_page.set_villages(settings["villages"])
        else:
            self.area_page.layerRadio.setChecked(True)
            self.area_page.areaLayerCombo.setLayer(layers.get(project.LAYER_NAMES[PROJECT_AREA]))
        self.facts_page.set_facts(settings)
        chosen = {key: layers[name] for key, name in project.LAYER_NAMES.items()
                  if name in layers and key not in (DLTB, PROJECT_AREA)}
        surveys = [layers[name] for name in settings.get("surveys") or [] if name in layers]
        self.layers_page.set_layers(chosen, settings.get("after_field") or "", settings.get("after_kcxs_field") or "",
                                    surveys)
        self.summary_page.outputWidget.setFilePath(str(path))
