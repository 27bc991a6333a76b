"""方案编制助手 in the wizard: draft a plan with landconsolidation:draftscheme, look at it, lock choices, rerun.

The wizard's layers page opens this dialog when there is no plan yet.  It
runs the algorithm on the task manager with the wizard's DLTB, project area,
constraint layers (red line, urban development boundary, 永久基本农田) and
period, and the targets typed here; shows the figures, the chosen parcels by
candidate type and the drafted sub-projects on a map (also loaded into the
QGIS map, in a group of their own) and every candidate in a table.  Unticking
a chosen parcel puts its BSM on the EXCLUDE list, ticking another one on the
INCLUDE list; *Rerun* drafts again with both.  *Use this draft* makes the
drafted DLTB (GHDLBM, GHKCXS) the wizard's plan and the drafted sub-projects
its sub-project layer.
"""
from __future__ import annotations

import html
import math
import weakref
from dataclasses import dataclass, field

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsLayerTreeGroup,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import QDialog, QTableWidgetItem

from ..core import potential
from ..core.errors import LandConsolidationError
from ..core.keys import (
    ADDED_M2,
    ADDED_RATE,
    CHOSEN_COUNT,
    COST,
    EXCLUDE,
    FEASIBLE,
    GAP_PCT,
    INCLUDE,
    LP_BOUND,
    MAX_BUDGET,
    NEW_BUILD_M2,
    OUTPUT,
    OUTPUT_CANDIDATES,
    OUTPUT_SUBPROJECTS,
    REASON,
    RECLAIMED_M2,
    SHORTFALL_M2,
    SOLVER,
    TARGET_ADDED_RATE,
    algorithm_id,
)
from ..core.maps.styles import apply_style
from ..i18n import tr, tr_noop
from ..processing.aliases import set_aliases
from . import styling
from .area_page import NumberItem
from .summary_page import summary_rows
from .tasks import algorithm_task
from .ui import load_form

FORM = load_form("draft_dialog")
ALGORITHM = algorithm_id("draftscheme")
#: The planned-code and planned 田坎 coefficient fields of the drafted DLTB.
PLAN_FIELD = "GHDLBM"
PLAN_KCXS_FIELD = "GHKCXS"
#: Layer-tree group property marking the group of a wizard's draft layers.
DRAFT_GROUP_PROPERTY = "land_consolidation/draft"
#: The candidates' REASON (Chinese, as core/draft.py writes it) → the interface's words.
REASON_LABELS = {
    "已选": tr_noop("Chosen"),
    "用户指定（INCLUDE）": tr_noop("Chosen: always choose (INCLUDE)"),
    "成本较高，目标已满足（不需要）": tr_noop("Not needed: the targets are met at a lower cost"),
    "超出预算": tr_noop("Over the budget"),
    "未选": tr_noop("Not chosen"),
    "用户排除（EXCLUDE）": tr_noop("Left out by you (EXCLUDE)"),
    "部分位于生态保护红线内（≥1 m²）": tr_noop("Partly in the ecological protection red line (1 m² or more)"),
}
#: The potential survey's exclusions (core/potential.py EXCLUSIONS keys) in the interface's words.
EXCLUSION_LABELS = {
    "red_line": tr_noop("In the ecological protection red line"),
    "slope": tr_noop("Slope grade above the limit"),
    "dev_boundary": tr_noop("In the urban development boundary"),
    "village_core": tr_noop("Part of a compact village (larger than a scattered settlement)"),
}
REASON_LABELS.update({potential.EXCLUSIONS[key]: label for key, label in EXCLUSION_LABELS.items()
                      if key in potential.EXCLUSIONS})
#: Reasons of candidates the draft may take when asked to (the others are refused by a constraint).
CHOOSABLE = frozenset(("已选", "用户指定（INCLUDE）", "成本较高，目标已满足（不需要）", "超出预算", "未选",
                       "用户排除（EXCLUDE）"))
#: The SOLVER output → the interface's words.
SOLVER_LABELS = {
    "milp": tr_noop("exact (SciPy milp)"),
    "greedy": tr_noop("greedy with repair"),
    "greedy+repair": tr_noop("greedy with repair"),
    "best attempt": tr_noop("best attempt (the targets are not met)"),
}
#: Candidate table columns.
COLUMNS = (tr_noop("Chosen"), tr_noop("BSM"), tr_noop("Village"), tr_noop("Type"),
           tr_noop("Est. new cultivated land (m²)"), tr_noop("Reclaimed (m²)"), tr_noop("Cost (yuan)"),
           tr_noop("Why"))
#: Candidate fields read for the table.
CANDIDATE_FIELDS = ("BSM", "ZLDWDM", "ZLDWMC", "POTENTIAL_TYPE", "EST_ADDED_M2", "RECLAIMED_M2", "COST", "CHOSEN",
                    "REASON")


def _number(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return math.nan
    return number if math.isfinite(number) else math.nan


def _m2(value) -> str:
    return "—" if math.isnan(_number(value)) else f"{_number(value):,.2f}"


def _rate(value) -> str:
    return "—" if math.isnan(_number(value)) else f"{_number(value):.2f}"


@dataclass
class Draft:
    """One run of the drafting assistant.

    Attributes:
        results: The algorithm's numbers and strings (ADDED_M2 …).
        plan: The drafted DLTB (GHDLBM, GHKCXS, ZXM).
        candidates: Every candidate, shown filtered to the chosen ones (CHOSEN = 1).
        subprojects: The drafted sub-projects.
        rows: Every candidate as a dict of :data:`CANDIDATE_FIELDS`.
        parameters: What it ran with (without the outputs).
        key: The wizard's choices it was drafted for (:meth:`ProjectWizard.draft_key`).
    """

    results: dict
    plan: QgsVectorLayer
    candidates: QgsVectorLayer
    subprojects: QgsVectorLayer
    rows: list = field(default_factory=list)
    parameters: dict = field(default_factory=dict)
    key: tuple = ()

    @property
    def feasible(self) -> bool:
        """True when the draft meets every target."""
        return bool(int(self.results.get(FEASIBLE) or 0))

    def summary(self) -> str:
        """One line for the wizard's plan page and summary."""
        return tr("{added} m² new cultivated land ({rate} %), {reclaimed} m² reclaimed, {n} parcels, {cost} yuan").format(
            added=_m2(self.results.get(ADDED_M2)), rate=_rate(self.results.get(ADDED_RATE)),
            reclaimed=_m2(self.results.get(RECLAIMED_M2)), n=int(self.results.get(CHOSEN_COUNT) or 0),
            cost=_m2(self.results.get(COST)))

    def layers(self) -> list:
        """The draft's layers."""
        return [layer for layer in (self.plan, self.candidates, self.subprojects) if layer is not None]


def figure_rows(results: dict, target_rate: float, new_build_m2: float, budget) -> list:
    """(label, value) rows of a draft's figures, in the interface's language."""
    rows = [
        (tr("New cultivated land"), tr("{m2} m² = {rate} % of the original cultivated land (target {target} %)").format(
            m2=_m2(results.get(ADDED_M2)), rate=_rate(results.get(ADDED_RATE)), target=f"{target_rate:.2f}")),
        (tr("Construction land reclaimed"), tr("{m2} m² (needed {need} m²)").format(
            m2=_m2(results.get(RECLAIMED_M2)), need=_m2(new_build_m2))),
        (tr("Cost"), tr("{yuan} yuan").format(yuan=_m2(results.get(COST))) + (
            tr(" (budget {budget} yuan)").format(budget=_m2(budget)) if budget is not None else "")),
        (tr("Parcels chosen"), str(int(results.get(CHOSEN_COUNT) or 0))),
    ]
    if not int(results.get(FEASIBLE) or 0) and _number(results.get(SHORTFALL_M2)) > 0:
        rows.append((tr("New cultivated land missing"), tr("{m2} m²").format(m2=_m2(results.get(SHORTFALL_M2)))))
    solver = str(results.get(SOLVER) or "")
    rows.append((tr("Solver"), tr(SOLVER_LABELS[solver]) if solver in SOLVER_LABELS else solver or "—"))
    gap = _number(results.get(GAP_PCT))
    rows.append((tr("Lower bound of the cost"), tr("{bound} yuan, gap {gap}").format(
        bound=_m2(results.get(LP_BOUND)), gap="—" if math.isnan(gap) else f"{gap:.2f} %")))
    return rows


def figures_html(results: dict, target_rate: float, new_build_m2: float, budget) -> str:
    """The verdict (green when the targets are met, else red with the reason) and the figures."""
    if int(results.get(FEASIBLE) or 0):
        verdict = f"<p style='color:#1a7f37'><b>{html.escape(tr('The draft meets the targets.'))}</b></p>"
    else:
        verdict = "<p style='color:#b00020'><b>{}</b></p>".format(html.escape(
            tr("The targets cannot be met: {reason}.").format(reason=str(results.get(REASON) or "").rstrip("."))))
    return verdict + summary_rows(figure_rows(results, target_rate, new_build_m2, budget))


def outline_only(layer) -> None:
    """Draw a categorised polygon layer as outlines in its categories' colours (the chosen parcels show through)."""
    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return
    for index, category in enumerate(renderer.categories()):
        symbol = category.symbol().clone()
        for symbol_layer in symbol.symbolLayers():
            if hasattr(symbol_layer, "setBrushStyle"):
                symbol_layer.setBrushStyle(Qt.BrushStyle.NoBrush)
                symbol_layer.setStrokeWidth(0.6)
        renderer.updateCategorySymbol(index, symbol)
    layer.triggerRepaint()


def legend_html(draft: Draft) -> str:
    """The map's legend: the candidate types chosen (in the style's colours) and the sub-project outlines."""
    present = {str(row["POTENTIAL_TYPE"] or "") for row in draft.rows if int(row["CHOSEN"] or 0) == 1}
    entries = []
    renderer = draft.candidates.renderer()
    for category in getattr(renderer, "categories", lambda: [])():
        kind = str(category.value())
        if kind in present and kind in potential.TYPE_LABELS:
            colour = category.symbol().color().name()
            entries.append(f"<span style='color:{colour}'>■</span>&nbsp;{html.escape(tr(potential.TYPE_LABELS[kind]))}")
    entries.append(f"<span style='color:#555555'>□</span>&nbsp;{html.escape(tr('drafted sub-project (outline)'))}")
    return "&nbsp;&nbsp; ".join(entries)


class CheckItem(QTableWidgetItem):
    """The "chosen" tick of a candidate row; sorts ticked rows first."""

    def __lt__(self, other):
        return (self.checkState() == Qt.CheckState.Checked) > (
            getattr(other, "checkState", lambda: Qt.CheckState.Unchecked)() == Qt.CheckState.Checked)


class DraftDialog(QDialog, FORM):
    """Targets, the draft's figures and map, the candidates to untick or tick, Rerun, Use this draft."""

    def __init__(self, wizard, parent=None):
        super().__init__(parent if parent is not None else wizard)
        self.setupUi(self)
        # Weakly: the wizard holds this dialog, and a reference cycle would leave both to Python's cyclic garbage
        # collector, which may run in a task's worker thread (see dialogs/tasks.py).
        self._wizard = weakref.ref(wizard)
        self.task = None
        self._running = None
        self.context = None
        self.feedback = None
        self.error = None
        self.draft: Draft | None = None
        self.used: Draft | None = None
        self.locks: dict = {}
        self.key = None
        self._filling = False
        table = self.candidateTable
        table.setColumnCount(len(COLUMNS))
        table.setHorizontalHeaderLabels([tr(label) for label in COLUMNS])
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.itemChanged.connect(self._item_changed)
        table.itemSelectionChanged.connect(self._row_selected)
        self.budgetCheck.toggled.connect(self.budgetSpin.setEnabled)
        self.chosenOnlyCheck.toggled.connect(self._apply_filter)
        self.clearLocksButton.clicked.connect(self.clear_locks)
        self.runButton.clicked.connect(self.run)
        self.useButton.clicked.connect(self.use)
        self.closeButton.clicked.connect(self.reject)
        self.mapCanvas.setCanvasColor(QColor("#ffffff"))
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.topRow.setStretch(0, 2)
        self.topRow.setStretch(1, 3)
        self._show_locks()

    @property
    def wizard(self):
        """The wizard this assistant drafts for."""
        wizard = self._wizard()
        if wizard is None:
            raise RuntimeError("the wizard of the drafting assistant is gone")
        return wizard

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.mapCanvas.freeze(False)
        super().showEvent(event)
        self.fit_top()
        self.mapCanvas.refresh()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # A hidden map does not draw: its renders would only compete with the tasks the wizard runs next.
        self.mapCanvas.stopRendering()
        self.mapCanvas.freeze(True)
        super().hideEvent(event)

    def fit_top(self) -> None:
        """Grow the upper part to show the targets and figures whole; the candidates below take the rest."""
        sizes = self.splitter.sizes()
        # What the left column needs at its width (its wrapped labels' height), the map taking as much.
        column = self.leftColumn
        width = column.geometry().width()
        top = column.totalHeightForWidth(width) if column.hasHeightForWidth() and width > 0 else \
            column.sizeHint().height()
        if len(sizes) == 2 and sizes[0] < top < sum(sizes):
            self.splitter.setSizes([top, sum(sizes) - top])

    # --- inputs ---------------------------------------------------------------------------------
    def prepare(self) -> None:
        """Read the wizard's choices again; a draft made for other choices is cleared (locks stay for the same DLTB)."""
        try:
            key = self.wizard.draft_key()
        except (LandConsolidationError, RuntimeError) as exc:
            key = None
            self.messageLabel.setText(str(exc))
        if key != self.key:
            if self.key is None or key is None or key[0] != self.key[0]:
                self.locks.clear()
            self.key = key
            self._clear_result()
        self.inputsLabel.setText(self.wizard.draft_inputs_html())
        self._show_locks()
        self._update_buttons()

    def target_rate(self) -> float:
        """TARGET_ADDED_RATE."""
        return float(self.targetSpin.value())

    def new_build_m2(self) -> float:
        """NEW_BUILD_M2."""
        return float(self.newBuildSpin.value())

    def budget(self) -> float | None:
        """MAX_BUDGET, None without one."""
        return float(self.budgetSpin.value()) if self.budgetCheck.isChecked() else None

    def include(self) -> list:
        """BSMs locked in (INCLUDE)."""
        return sorted(bsm for bsm, lock in self.locks.items() if lock == INCLUDE)

    def exclude(self) -> list:
        """BSMs locked out (EXCLUDE)."""
        return sorted(bsm for bsm, lock in self.locks.items() if lock == EXCLUDE)

    def parameters(self) -> dict:
        """The draftscheme parameters: the wizard's layers and period, the targets here, the locks.

        Raises:
            LandConsolidationError: the wizard has no DLTB or project area yet.
        """
        params = self.wizard.draft_inputs()
        params.update({TARGET_ADDED_RATE: self.target_rate(), NEW_BUILD_M2: self.new_build_m2(),
                       INCLUDE: ",".join(self.include()), EXCLUDE: ",".join(self.exclude())})
        if self.budget() is not None:
            params[MAX_BUDGET] = self.budget()
        return params

    # --- running --------------------------------------------------------------------------------
    def is_running(self) -> bool:
        """True while the draft runs."""
        return self.task is not None

    def run(self):
        """Draft (or draft again) on the task manager; the result shows when it is done."""
        if self.task is not None:
            return None
        self.messageLabel.clear()
        self.error = None
        try:
            self.prepare()
            params = self.parameters()
        except LandConsolidationError as exc:
            self.error = str(exc)
            self.messageLabel.setText(self.error)
            return None
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM)
        if algorithm is None:
            self.error = tr("The drafting algorithm is not available.")
            self.messageLabel.setText(self.error)
            return None
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = QgsProcessingFeedback()
        # Bound methods, not lambdas holding the dialog: no reference cycle (dialogs/tasks.py).
        self.feedback.progressChanged.connect(self._progress)
        run_params = dict(params, **{OUTPUT: "memory:", OUTPUT_CANDIDATES: "memory:", OUTPUT_SUBPROJECTS: "memory:"})
        self._running = (params, self.key)
        self.task = algorithm_task(algorithm, run_params, self.context, self.feedback)
        self.task.executed.connect(self._executed)
        self.progressBar.setValue(0)
        self.figuresLabel.setText(tr("Drafting…"))
        self._update_buttons()
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _progress(self, percent: float) -> None:
        self.progressBar.setValue(int(percent))

    def _executed(self, ok: bool, results: dict) -> None:
        params, key = self._running
        self._finished(ok, results, params, key)

    def _finished(self, ok: bool, results: dict, params: dict, key) -> None:
        self.task = None
        try:
            if not ok:
                log = self.feedback.textLog() if hasattr(self.feedback, "textLog") else ""
                self.error = log.strip().splitlines()[-1] if log.strip() else tr("The draft could not be made.")
                self.messageLabel.setText(self.error)
                self.figuresLabel.setText(tr("No draft."))
                return
            draft = self._take(results, params, key)
        except (LandConsolidationError, RuntimeError, KeyError) as exc:  # a layer gone missing: said, not raised
            self.error = tr("The draft could not be shown: {error}").format(error=exc)
            self.messageLabel.setText(self.error)
            return
        finally:
            self._update_buttons()
        self._show(draft)

    def _take(self, results: dict, params: dict, key) -> Draft:
        """The run's layers out of the processing context, with the candidates read once."""
        layers = {}
        for output in (OUTPUT, OUTPUT_CANDIDATES, OUTPUT_SUBPROJECTS):
            layer = QgsProcessingUtils.mapLayerFromString(results.get(output) or "", self.context)
            if layer is None:
                raise LandConsolidationError(tr("output {key} missing").format(key=output))
            layers[output] = self.context.takeResultLayer(layer.id()) or layer
        candidates = layers[OUTPUT_CANDIDATES]
        names = candidates.fields().names()
        rows = []
        for feature in candidates.getFeatures():
            rows.append({name: (feature[name] if name in names else None) for name in CANDIDATE_FIELDS}
                        | {"fid": feature.id()})
        candidates.setSubsetString('"CHOSEN" = 1')
        numbers = {k: v for k, v in results.items() if k not in (OUTPUT, OUTPUT_CANDIDATES, OUTPUT_SUBPROJECTS)}
        return Draft(numbers, layers[OUTPUT], candidates, layers[OUTPUT_SUBPROJECTS], rows, params, key)

    # --- showing --------------------------------------------------------------------------------
    def _show(self, draft: Draft) -> None:
        previous, self.draft = self.draft, draft
        name = self.wizard.dltb_layer().name() if self.wizard.dltb_layer() is not None else ""
        draft.plan.setName(tr("Drafted plan · {layer}").format(layer=name))
        draft.candidates.setName(tr("Drafted parcels by type · {layer}").format(layer=name))
        draft.subprojects.setName(tr("Drafted sub-projects · {layer}").format(layer=name))
        for layer in draft.layers():
            set_aliases(layer)
        apply_style(draft.candidates, "potential")
        styling.style_project_layer(draft.subprojects, "ZXM")
        outline_only(draft.subprojects)
        apply_style(draft.plan, "dltb", key_field=PLAN_FIELD, fade=0.6, labels=False)
        self._load_into_map(draft, previous)
        self.mapCanvas.setDestinationCrs(draft.plan.crs())
        self.mapCanvas.setLayers([draft.subprojects, draft.candidates, draft.plan])
        self.zoom_to_draft()
        self.legendLabel.setText(legend_html(draft))
        self.figuresLabel.setText(figures_html(draft.results, float(draft.parameters.get(TARGET_ADDED_RATE, 0.0)),
                                               float(draft.parameters.get(NEW_BUILD_M2, 0.0)),
                                               draft.parameters.get(MAX_BUDGET)))
        self.progressBar.setValue(100)
        if not draft.feasible:
            self.messageLabel.setText(tr("The draft misses the targets: change the targets or the locked parcels and "
                                         "rerun."))
        self._fill_table()
        self._update_buttons()
        # The figures change the layout: fit it once it is laid out again, then zoom in the canvas's final size.
        QTimer.singleShot(0, self._settle)

    def _settle(self) -> None:
        self.fit_top()
        # The last column fills the table's width again (a refill with hidden rows can leave it short).
        header = self.candidateTable.horizontalHeader()
        header.setStretchLastSection(False)
        header.setStretchLastSection(True)
        QTimer.singleShot(0, self.zoom_to_draft)

    def zoom_to_draft(self) -> None:
        """Show the draft's sub-projects whole on the dialog's map (the drafted DLTB when none is chosen)."""
        draft = self.draft
        if draft is None:
            return
        self.fit_top()  # wrapped labels know their height only once laid out at their width
        try:
            extent = draft.subprojects.extent() if draft.subprojects.featureCount() else draft.plan.extent()
        except RuntimeError:  # the layers were removed from the map meanwhile
            return
        if not extent.isEmpty():
            self.mapCanvas.setExtent(extent.buffered(max(extent.width(), extent.height()) * 0.05))
            self.mapCanvas.refresh()

    def _group(self) -> QgsLayerTreeGroup:
        """The layer-tree group of this wizard's drafts (top of the tree)."""
        root = QgsProject.instance().layerTreeRoot()
        marker = str(id(self))
        for group in root.findGroups(True):
            if group.customProperty(DRAFT_GROUP_PROPERTY, "") == marker:
                return group
        group = root.insertGroup(0, tr("Draft of the plan"))
        group.setCustomProperty(DRAFT_GROUP_PROPERTY, marker)
        return group

    def _load_into_map(self, draft: Draft, previous: Draft | None) -> None:
        """The chosen parcels and the sub-projects into the QGIS map; the previous draft's go (unless in use)."""
        qgs = QgsProject.instance()
        if previous is not None and previous is not self.used:
            for layer in previous.layers():
                try:
                    if qgs.mapLayer(layer.id()) is not None:
                        qgs.removeMapLayer(layer.id())
                except RuntimeError:
                    pass  # already deleted with the map
        group = self._group()
        for layer in (draft.subprojects, draft.candidates):
            qgs.addMapLayer(layer, False)
            group.addLayer(layer)

    def _clear_result(self) -> None:
        self.draft = None
        self.candidateTable.setRowCount(0)
        self.mapCanvas.setLayers([])
        self.legendLabel.clear()
        self.figuresLabel.setText(tr("No draft yet: set the targets and press Draft."))
        self.progressBar.setValue(0)

    # --- the candidate table --------------------------------------------------------------------
    def _fill_table(self) -> None:
        table = self.candidateTable
        draft = self.draft
        self._filling = True
        table.setSortingEnabled(False)
        table.setRowCount(0)
        if draft is None:
            self._filling = False
            return

        def order(row):
            # The chosen first, then the locked ones, then the others the draft could take, cheapest per m² first.
            chosen = int(row["CHOSEN"] or 0) == 1
            choosable = str(row["REASON"] or "") in CHOOSABLE
            cost, est = _number(row["COST"]), _number(row["EST_ADDED_M2"])
            per_m2 = cost / est if est and est > 0 and not math.isnan(cost) else math.inf
            return (not chosen, str(row["BSM"] or "") not in self.locks, not choosable, per_m2)

        rows = sorted(draft.rows, key=order)
        table.setRowCount(len(rows))
        grey = QBrush(QColor("#8c8c8c"))
        for r, row in enumerate(rows):
            bsm = str(row["BSM"] or "")
            chosen = int(row["CHOSEN"] or 0) == 1
            reason = str(row["REASON"] or "")
            tick = CheckItem("")
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if reason in CHOOSABLE:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            tick.setFlags(flags)
            tick.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            tick.setData(Qt.ItemDataRole.UserRole, bsm)
            tick.setData(Qt.ItemDataRole.UserRole + 1, chosen)
            tick.setData(Qt.ItemDataRole.UserRole + 2, row["fid"])
            kind = str(row["POTENTIAL_TYPE"] or "")
            village = str(row["ZLDWMC"] or row["ZLDWDM"] or "")
            cells = [tick, QTableWidgetItem(bsm), QTableWidgetItem(village),
                     QTableWidgetItem(tr(potential.TYPE_LABELS[kind]) if kind in potential.TYPE_LABELS else kind),
                     NumberItem(_number(row["EST_ADDED_M2"])), NumberItem(_number(row["RECLAIMED_M2"])),
                     NumberItem(_number(row["COST"])),
                     QTableWidgetItem(tr(REASON_LABELS[reason]) if reason in REASON_LABELS else reason)]
            cells[-1].setData(Qt.ItemDataRole.UserRole, cells[-1].text())
            for c, item in enumerate(cells):
                if c:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    if reason not in CHOOSABLE:
                        item.setForeground(grey)
                table.setItem(r, c, item)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicatorShown(False)
        table.resizeColumnsToContents()
        self._filling = False
        self._apply_filter()
        self._show_locks()

    def rows_by_bsm(self) -> dict:
        """BSM → row of the candidate table."""
        table = self.candidateTable
        return {table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(table.rowCount())}

    def set_chosen(self, bsm: str, chosen: bool) -> None:
        """Tick or untick a candidate as a user would (locks it in or out)."""
        row = self.rows_by_bsm()[bsm]
        self.candidateTable.item(row, 0).setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def _item_changed(self, item) -> None:
        if self._filling or item.column() != 0:
            return
        bsm = item.data(Qt.ItemDataRole.UserRole)
        drafted = bool(item.data(Qt.ItemDataRole.UserRole + 1))
        ticked = item.checkState() == Qt.CheckState.Checked
        if ticked == drafted:
            # Back to what the draft chose: a lock made against it goes.
            if self.locks.get(bsm) == (EXCLUDE if drafted else INCLUDE):
                del self.locks[bsm]
        else:
            self.locks[bsm] = INCLUDE if ticked else EXCLUDE
        why = self.candidateTable.item(item.row(), len(COLUMNS) - 1)
        if why is not None:
            pending = {INCLUDE: tr("Taken in at the rerun (INCLUDE)"), EXCLUDE: tr("Left out at the rerun (EXCLUDE)")}
            changed = ticked != drafted
            why.setText(pending[self.locks[bsm]] if changed else why.data(Qt.ItemDataRole.UserRole))
        self._show_locks()
        self._apply_filter()

    def clear_locks(self) -> None:
        """Forget every locked parcel (the table shows the draft's choice again)."""
        self.locks.clear()
        self._fill_table()
        self._show_locks()

    def _show_locks(self) -> None:
        def listed(bsms):
            return ", ".join(bsms[:8]) + ("…" if len(bsms) > 8 else "")

        include, exclude = self.include(), self.exclude()
        parts = []
        if exclude:
            parts.append(tr("never choose {n}: {list}").format(n=len(exclude), list=listed(exclude)))
        if include:
            parts.append(tr("always choose {n}: {list}").format(n=len(include), list=listed(include)))
        self.lockLabel.setText(tr("Locked for the rerun: {locks}.").format(locks="; ".join(parts)) if parts else "")
        self.clearLocksButton.setEnabled(bool(parts))

    def _apply_filter(self, *_):
        only = self.chosenOnlyCheck.isChecked()
        table = self.candidateTable
        for r in range(table.rowCount()):
            item = table.item(r, 0)
            keep = item.checkState() == Qt.CheckState.Checked or item.data(Qt.ItemDataRole.UserRole) in self.locks
            table.setRowHidden(r, only and not keep)

    def _row_selected(self) -> None:
        """Show the selected candidate on the map (selected in the chosen-parcels layer when chosen)."""
        draft = self.draft
        rows = {index.row() for index in self.candidateTable.selectedIndexes()}
        if draft is None or len(rows) != 1:
            return
        item = self.candidateTable.item(rows.pop(), 0)
        fid = item.data(Qt.ItemDataRole.UserRole + 2)
        try:
            draft.candidates.selectByIds([int(fid)])
            feature = draft.candidates.getFeature(int(fid))
        except (RuntimeError, TypeError, ValueError):
            return
        if feature.isValid() and feature.hasGeometry():
            box = feature.geometry().boundingBox()
            if not self.mapCanvas.extent().contains(box):
                self.mapCanvas.setCenter(box.center())
                self.mapCanvas.refresh()

    # --- buttons --------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        running = self.task is not None
        self.runButton.setEnabled(not running)
        self.runButton.setText(tr("Rerun") if self.draft is not None else tr("Draft"))
        self.useButton.setEnabled(not running and self.draft is not None and self.draft.feasible)
        self.targetsGroup.setEnabled(not running)
        self.candidateTable.setEnabled(not running)
        self.clearLocksButton.setEnabled(not running and bool(self.locks))

    def use(self) -> None:
        """Make this draft the wizard's plan and close."""
        draft = self.draft
        if draft is None or not draft.feasible:
            return
        qgs = QgsProject.instance()
        try:
            if qgs.mapLayer(draft.plan.id()) is None:
                qgs.addMapLayer(draft.plan, False)
                node = self._group().addLayer(draft.plan)
                node.setItemVisibilityChecked(False)
            self.wizard.use_draft(draft)
        except RuntimeError as exc:  # a layer deleted meanwhile
            self.error = tr("The draft could not be used: {error}").format(error=exc)
            self.messageLabel.setText(self.error)
            return
        self.used = draft
        self.accept()

    def reject(self) -> None:  # noqa: D102 (closing while drafting stops the draft)
        if self.task is not None:
            self.task.cancel()
        super().reject()
