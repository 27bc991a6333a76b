"""landconsolidation:exportscheme – 方案表格导出 (DOMAIN.md §7): the scheme workbook.

The tables themselves – which exist, their order, what each needs, how each
is computed – live in :mod:`core.workbook` (its registry).  This module does
what only Processing can: the parameters, a project GeoPackage resolved into
parameters, reading the layers and running the child algorithms (handed to
the workbook as :class:`~core.workbook.Sources`, called only when a wanted
table needs them), writing the file and the outputs.
"""
from __future__ import annotations

import datetime
import math

import pandas as pd
from qgis.core import (
    QgsApplication,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ...core import dltb, ellipsoid, project, workbook
from ...core import progress as progress_mod
from ...core import subprojects as subprojects_mod
from ...core.errors import check_canceled
from ...core.keys import (
    AFTER,
    AFTER_FIELD,
    AFTER_KCXS_FIELD,
    BASELINE,
    CSV_FOLDER,
    DECIMALS,
    DEM,
    DLTB,
    END_YEAR,
    INPUT,
    MATRIX_LEVEL,
    MAX_OUT_RATIO,
    MIN_ADDED_RATIO,
    MISSING,
    NAME,
    OUTPUT,
    OUTPUT_DEVIATIONS,
    OUTPUT_INDICATORS,
    OUTPUT_XLSX,
    PBF_AFTER,
    PBF_BEFORE,
    PREPARED_DATE,
    PROJECT,
    PROJECT_AREA,
    RED_LINE,
    REPAIR_GEOMETRY,
    SHEET_COUNT,
    SHEETS,
    SLOPE,
    START_YEAR,
    SUBPROJECTS,
    SURVEY,
    TABLES,
    UNIT_NAME,
    UNITS,
    algorithm_id,
)
from ...core.period import chinese_date, parse_date
from ...core.values import plain_all
from . import conflicts as conflicts_alg
from .base import LandConsolidationAlgorithm, user_errors
from .base import empty as _empty
from .compliance import THRESHOLDS, add_threshold_parameters, read_thresholds

FARMLAND_ALG = algorithm_id("farmlandadjustment")
CONTIGUITY_ALG = algorithm_id("contiguity")
PROGRESS_ALG = algorithm_id("progress")


def _frame(layer, context) -> pd.DataFrame:
    """The attributes of an output layer (or its id in the context) as a frame, NULL as None."""
    if isinstance(layer, str):
        layer = QgsProcessingUtils.mapLayerFromString(layer, context)
    names = layer.fields().names()
    return pd.DataFrame([plain_all(f.attributes()) for f in layer.getFeatures()], columns=names)


def _numbers(numbers: list[int]) -> str:
    """Table numbers with runs shortened: 2–5, 8, 11."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


def layer_frame(layer) -> pd.DataFrame:
    """Attribute table of a (geometry-less) layer as a frame; NULL becomes None."""
    names = [f.name() for f in layer.fields()]
    rows = [plain_all(feature.attributes()) for feature in layer.getFeatures()]
    return pd.DataFrame(rows, columns=names)


class ExportSchemeAlgorithm(LandConsolidationAlgorithm):
    """Writes the 实施方案 tables of a project into one xlsx workbook (and CSVs on request)."""

    before_key = DLTB

    def name(self) -> str:  # noqa: D102
        return "exportscheme"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Export scheme tables")

    group_id = "scheme"

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Writes the tables of the implementation scheme into one Excel workbook, one sheet a table, with the "
            "Chinese titles and headers laid out like the official land-survey statistics templates (the land-use "
            "status table: villages × classes, template column order): {tables}.\n\n"
            "Give a project GeoPackage (PROJECT, written by 'Create project'), or the layers themselves; a layer "
            "given explicitly replaces the project's. Only the current DLTB is required; a table whose inputs are "
            "missing is left out and listed in the log (by table number: {needs}). The permanent basic farmland "
            "adjustment table and the contiguity table run the farmland adjustment and contiguity algorithms when "
            "they are installed.\n\n"
            "Numbers are numeric cells with fixed decimals: areas in hectares (default 4 decimals, 0.0001 ha = "
            "1 m²) and/or mu (1 mu = 10 000/15 m², default 2 decimals); DECIMALS overrides both. Totals and "
            "subtotals equal the sum of the rounded parts shown beside them. With both units, the narrow tables "
            "show a hectare and a mu column under each area heading; the status table and the transition matrix "
            "get one sheet per unit. Header panes are frozen; the print set-up is landscape, fitted to the page width.\n\n"
            "The workbook is written to a temporary file in the target folder and renamed at the end, so a failed "
            "run leaves no half-written file. CSV_FOLDER adds one UTF-8 CSV per table (values as shown)."
        ).format(tables=", ".join(workbook.option_labels(self.tr)), needs="; ".join(
            f"{_numbers(numbers)} — {self.tr(need.reason)}" for need, numbers in workbook.registry.needed_by()))

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        self.addParameter(QgsProcessingParameterFile(
            PROJECT, self.tr("Project GeoPackage"), QgsProcessingParameterFile.Behavior.File, "gpkg", optional=True))
        self.parameterDefinition(PROJECT).setHelp(self.tr(
            "A project GeoPackage written by 'Create project': its DLTB, boundary, plan, farmland and sub-project "
            "layers and its facts (name, years) are used unless given below."))
        self.add_plan_parameters()
        dltb_param = self.parameterDefinition(DLTB)
        dltb_param.setFlags(dltb_param.flags() | QgsProcessingParameterDefinition.Flag.FlagOptional)
        dltb_param.setHelp(self.tr("Land-use parcels (DLTB) of the current state; required unless PROJECT is given."))
        for key, label, help_text in (
            (PBF_BEFORE, self.tr("Permanent basic farmland before the adjustment"),
             self.tr("YJJBNTTB before the adjustment; with PBF_AFTER gives table 6.")),
            (PBF_AFTER, self.tr("Permanent basic farmland after the adjustment"),
             self.tr("YJJBNTTB after the adjustment.")),
            (SUBPROJECTS, self.tr("Sub-projects"),
             self.tr("Sub-project polygons (XMLX type, XMMC name, TZJE investment in 10 000 yuan, ZJLY funding, "
                     "SSND year, "
                     "ZRDW unit); gives tables 9 and 10 and the per-sub-project rows of table 8.")),
        ):
            self.addParameter(QgsProcessingParameterFeatureSource(
                key, label, [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
            self.parameterDefinition(key).setHelp(help_text)
        conflicts_alg.add_constraint_parameters(self, pbf=False)
        surveys = QgsProcessingParameterMultipleLayers(
            SURVEY, self.tr("Later surveys (annual change-survey DLTB)"), QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True)
        surveys.setHelp(self.tr("One DLTB per year after the plan (year in the layer name, e.g. DLTB_2027); with a "
                                "plan gives the monitoring tables 20–23: annual progress, annual self-assessment, "
                                "deviations and the acceptance self-evaluation (the last survey)."))
        self.addParameter(surveys)
        tables = QgsProcessingParameterEnum(
            TABLES, self.tr("Tables"), options=workbook.option_labels(self.tr), allowMultiple=True,
            defaultValue=list(range(len(workbook.tables()))), optional=True)
        tables.setHelp(self.tr("Which tables to write (default: all that the inputs allow)."))
        self.addParameter(tables)
        units = QgsProcessingParameterEnum(UNITS, self.tr("Area unit"),
                                           options=[self.tr(label) for label in workbook.UNIT_LABELS], defaultValue=0)
        units.setHelp(self.tr("0 = hectares, 1 = mu, 2 = both (side-by-side columns; the two wide tables get a "
                              "sheet per unit)."))
        self.addParameter(units)
        decimals = QgsProcessingParameterNumber(
            DECIMALS, self.tr("Decimal places of areas (empty = 4 for hectares, 2 for mu)"),
            QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=0, maxValue=8)
        decimals.setHelp(self.tr("Leave empty for the defaults: 4 decimals for hectares (1 m²), 2 for mu."))
        self.addParameter(decimals)
        level = QgsProcessingParameterEnum(MATRIX_LEVEL, self.tr("Transition matrix classes"),
                                           options=[self.tr("First-level classes"), self.tr("Second-level classes")],
                                           defaultValue=0)
        level.setFlags(level.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        level.setHelp(self.tr("First-level classes fit a page; second-level classes show paddy, irrigated and dry "
                              "land apart."))
        self.addParameter(level)
        name = QgsProcessingParameterString(NAME, self.tr("Project name for the sheet headers"), optional=True)
        name.setFlags(name.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        name.setHelp(self.tr("Default: the project GeoPackage's name."))
        self.addParameter(name)
        for key, label, help_text in (
            (UNIT_NAME, self.tr("Prepared by"), self.tr("Default: the project's (set in the wizard).")),
            (PREPARED_DATE, self.tr("Date of preparation"),
             self.tr("e.g. 2026-11-29. Default: the project's, else today.")),
        ):
            param = QgsProcessingParameterString(key, label, optional=True)
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            param.setHelp(help_text)
            self.addParameter(param)
        for key, label in ((START_YEAR, self.tr("First year of implementation")),
                           (END_YEAR, self.tr("Last year of implementation"))):
            param = QgsProcessingParameterNumber(key, label, QgsProcessingParameterNumber.Type.Integer, optional=True,
                                                 minValue=1900, maxValue=2200)
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            param.setHelp(self.tr("Default: the project's years, else the sub-projects' years (SSND)."))
            self.addParameter(param)
        add_threshold_parameters(self)
        folder = QgsProcessingParameterFolderDestination(CSV_FOLDER, self.tr("Folder for one CSV per table"),
                                                         optional=True, createByDefault=False)
        folder.setHelp(self.tr("Optional: also write each table as a UTF-8 CSV (values as shown in the workbook)."))
        self.addParameter(folder)
        self.addParameter(QgsProcessingParameterFileDestination(
            OUTPUT_XLSX, self.tr("Scheme workbook"), self.tr("Excel workbook (*.xlsx)")))
        self.parameterDefinition(OUTPUT_XLSX).setHelp(self.tr("The .xlsx file to write (replaced if it exists)."))
        self.addOutput(QgsProcessingOutputString(SHEETS, self.tr("Sheets written")))
        self.addOutput(QgsProcessingOutputNumber(SHEET_COUNT, self.tr("Number of sheets")))
        self.addOutput(QgsProcessingOutputString(MISSING, self.tr("Tables left out (inputs missing)")))
        self.addOutput(QgsProcessingOutputFile("CSV_FILES", self.tr("CSV files")))

    # ------------------------------------------------------------------ inputs

    def resolve_parameters(self, parameters, context, feedback) -> tuple[dict, dict]:
        """The run's parameters with the project's layers filled in, and the project's facts."""
        params = dict(parameters)
        facts = {}
        path = self.parameterAsFile(parameters, PROJECT, context)
        if path:
            with user_errors():
                loaded = project.load_project(path)
                settings = project.read_settings(path)
            explicit_plan = not _empty(params.get(AFTER)) or not _empty(params.get(AFTER_FIELD))
            for key, value in loaded.items():
                if key in (AFTER, AFTER_FIELD, AFTER_KCXS_FIELD) and explicit_plan:
                    continue
                if _empty(params.get(key)):
                    params[key] = value
            facts = {key: settings.get(key, "") for key in
                     ("name", "code", "township", "responsible_unit", "prepared_by", "prepared_on")}
            codes = settings.get("township_codes") or []
            facts["township_code"] = codes[0] if len(codes) == 1 else ""
            facts.update(start_year=loaded.get(START_YEAR), end_year=loaded.get(END_YEAR))
            facts["field_mapping"] = settings.get("field_mapping") or {}
            facts["project_path"] = path
            feedback.pushInfo(self.tr("Project: {path}").format(path=path))
        if _empty(params.get(DLTB)):
            raise QgsProcessingException(self.tr(
                "Give a project GeoPackage (PROJECT) or the current DLTB layer (DLTB)."))
        return params, facts

    # ------------------------------------------------------------------ run

    def compute(self, parameters, context, feedback):  # noqa: D102
        params, facts = self.resolve_parameters(parameters, context, feedback)
        tables = workbook.tables()
        wanted = [tables[i].key for i in self.parameterAsEnums(parameters, TABLES, context)] \
            if not _empty(parameters.get(TABLES)) else [t.key for t in tables]
        decimals = None if _empty(parameters.get(DECIMALS)) else self.parameterAsInt(parameters, DECIMALS, context)
        output = self.parameterAsFileOutput(parameters, OUTPUT_XLSX, context)
        if not output.lower().endswith(".xlsx"):
            output += ".xlsx"
        csv_folder = self.parameterAsString(parameters, CSV_FOLDER, context) if not _empty(parameters.get(CSV_FOLDER)) \
            else ""

        steps = QgsProcessingMultiStepFeedback(len(wanted) + 1, feedback)
        thresholds = read_thresholds(self, parameters, context)
        inputs = workbook.Inputs(
            self.workbook_sources(params, facts, thresholds, context, steps),
            units=workbook.units_for(self.parameterAsEnum(parameters, UNITS, context), decimals),
            project=self.project_facts(parameters, context, facts),
            matrix_level=1 if self.parameterAsEnum(parameters, MATRIX_LEVEL, context) == 0 else 2,
            thresholds=thresholds,
            years=(parameters.get(START_YEAR), parameters.get(END_YEAR)),
            project_years=(facts.get("start_year"), facts.get("end_year")),
            warn=feedback.pushWarning,
        )
        feedback.pushInfo(self.tr("Computing the tables…"))
        outcome = workbook.build(wanted, inputs, translate=self.tr,
                                 progress=lambda index, _table: steps.setCurrentStep(index),
                                 is_canceled=feedback.isCanceled)
        for left in outcome.left_out:
            feedback.pushWarning(self.tr("Left out: table {n}, {title} — {reason}.").format(
                n=left.number, title=left.table.name(self.tr), reason=left.reason.rstrip("。. ")))
        sheets = outcome.sheets
        if not sheets:
            raise QgsProcessingException(self.tr("No table could be written: every chosen table lacks its inputs."))
        check_canceled(feedback.isCanceled)

        steps.setCurrentStep(len(wanted))
        feedback.pushInfo(self.tr("Writing {path}…").format(path=output))
        try:
            written = workbook.save(sheets, output, csv_folder or None)
        except OSError as exc:
            raise QgsProcessingException(self.tr("Could not write {path}: {error}").format(path=output, error=exc)) \
                from exc
        for sheet in sheets:
            feedback.pushInfo(self.tr("Sheet written: {name}.").format(name=sheet.name))
        if csv_folder:
            feedback.pushInfo(self.tr("{n} CSV files in {folder}").format(n=len(written) - 1, folder=csv_folder))
        steps.setProgress(100)
        return {
            OUTPUT_XLSX: output,
            SHEETS: ";".join(s.name for s in sheets),
            SHEET_COUNT: len(sheets),
            MISSING: ";".join(left.table.title for left in outcome.left_out),
            CSV_FOLDER: csv_folder or None,
            "CSV_FILES": ";".join(written[1:]),
        }

    def project_facts(self, parameters, context, facts: dict) -> workbook.ProjectFacts:
        """The header block's facts: the parameters, else the project's settings; the date defaults to today."""
        def given(key):
            return self.parameterAsString(parameters, key, context).strip()

        prepared = parse_date(given(PREPARED_DATE) or facts.get("prepared_on") or "") or datetime.date.today()
        return workbook.ProjectFacts(
            name=given(NAME) or facts.get("name", ""), code=facts.get("code", ""),
            township=facts.get("township", ""), township_code=facts.get("township_code", ""),
            responsible_unit=facts.get("responsible_unit", ""),
            prepared_by=given(UNIT_NAME) or facts.get("prepared_by", ""), prepared_on=chinese_date(prepared),
        )

    def workbook_sources(self, params, facts, thresholds, context, feedback) -> workbook.Sources:
        """How the workbook reads the layers and runs the child algorithms; None for what is not given.

        Nothing is read or run here: the workbook calls these only for the tables that are wanted.
        """
        overrides = facts.get("field_mapping")
        has_plan = not _empty(params.get(AFTER)) or not _empty(params.get(AFTER_FIELD))
        has_pbf = not _empty(params.get(PBF_BEFORE)) and not _empty(params.get(PBF_AFTER))
        review = _FarmlandReview(self, params, context, feedback, thresholds) if has_pbf else None
        sub_source = self.parameterAsSource(params, SUBPROJECTS, context)

        def plan(keep_geometry):
            return self.read_plan(params, context, feedback, keep_geometry=keep_geometry, overrides=overrides,
                                  project_path=facts.get("project_path"))

        # The review runs once, for the figures (table 6, compliance) and the 调出 / 调入 lists alike; a failure
        # is remembered as well.
        def farmland_run():
            return review.result()

        def conflicts(result):
            return conflicts_alg.find(self, params, context, feedback, result, steep=thresholds.steep_slope)

        return workbook.Sources(
            dltb=lambda: self._read_dltb(params, context, feedback, overrides),
            plan=plan if has_plan else None,
            farmland=(lambda: farmland_run()[:2]) if has_pbf else None,
            farmland_parcels=(lambda: farmland_run()[2]) if has_pbf else None,
            contiguity=lambda: self._contiguity(params, context, feedback),
            subprojects=(lambda: self._subprojects(params, sub_source, context)) if sub_source is not None else None,
            subproject_layer=sub_source,
            repair=self.repair_geometry(params, context),
            conflicts=conflicts if has_plan else None,
            constraint_layers=conflicts_alg.constraints_given(params),
            progress=(lambda: self._progress(params, facts, context, feedback)) if has_plan and not _empty(
                params.get(SURVEY)) else None,
        )

    # ------------------------------------------------------------------ helpers

    def _read_dltb(self, params, context, feedback, overrides=None):
        source = self.whole_layer_or_source(params, DLTB, context)
        if source is None:
            raise self.invalid_source(params, DLTB)
        with user_errors():
            crs = dltb.check_projected(source)
            area = self.project_area(params, context, crs)
            parcels = dltb.read_dltb(source, project_area=area, overrides=overrides, progress=feedback.setProgress,
                                     is_canceled=feedback.isCanceled,
                                     repair=self.repair_geometry(params, context))
            dltb.reject_unknown_codes(parcels)
        for note in parcels.notes:
            feedback.pushWarning(note)
        return parcels

    def _subprojects(self, params, source, context) -> pd.DataFrame:
        """The sub-projects in the DLTB's CRS, with their ellipsoidal areas (``area_m2``)."""
        dltb_source = self.parameterAsSource(params, DLTB, context)
        with user_errors():
            subs = subprojects_mod.read_subprojects(source, dltb.check_projected(dltb_source),
                                                    context.transformContext(),
                                                    repair=self.repair_geometry(params, context))
            gk = dltb.gauss_kruger_for(dltb_source)
        frame = subs.frame.copy()
        frame["area_m2"] = ellipsoid.geometry_areas(gk, subs.geometries)
        return frame

    def _progress(self, params, facts, context, feedback):
        """The monitoring tables of landconsolidation:progress on the plan and the later surveys, as frames."""
        if QgsApplication.processingRegistry().algorithmById(PROGRESS_ALG) is None:
            raise workbook.Unavailable(self.tr("the algorithm {id} is not installed").format(id=PROGRESS_ALG))
        feedback.pushInfo(self.tr("Running {id}…").format(id=PROGRESS_ALG))
        inputs = {key: params.get(key) for key in (AFTER, AFTER_FIELD, AFTER_KCXS_FIELD, SUBPROJECTS, SURVEY,
                                                    PROJECT_AREA, PBF_BEFORE, PBF_AFTER, RED_LINE, SLOPE, DEM,
                                                    REPAIR_GEOMETRY)}
        inputs[BASELINE] = params[DLTB]
        inputs.update({key: params.get(key) for key, *_ in THRESHOLDS})
        inputs[START_YEAR] = params.get(START_YEAR) or facts.get("start_year")
        inputs[END_YEAR] = params.get(END_YEAR) or facts.get("end_year")
        try:
            result = self._run_child(PROGRESS_ALG, inputs, context, feedback)
        except QgsProcessingException as exc:
            raise workbook.Unavailable(self.tr("{id} failed: {error}").format(id=PROGRESS_ALG, error=exc)) from exc
        return progress_mod.Monitoring(*(_frame(result[key], context)
                                         for key in (OUTPUT, OUTPUT_INDICATORS, OUTPUT_DEVIATIONS)))

    def _run_child(self, alg_id, inputs, context, feedback):
        """Run a registered algorithm of the provider as a child; None when it is not installed."""
        return self.run_child_with(alg_id, inputs, context, feedback)

    def _contiguity(self, params, context, feedback):
        """Figures of landconsolidation:contiguity before and after (after None without a plan).

        The algorithm's own reading and analysis (:meth:`summaries`), without the block outlines it would
        draw for its output layer: table 7 needs the figures only.
        """
        alg = QgsApplication.processingRegistry().createAlgorithmById(CONTIGUITY_ALG)
        if alg is None or not hasattr(alg, "summaries"):
            raise workbook.Unavailable(self.tr("the algorithm {id} is not installed").format(id=CONTIGUITY_ALG))
        inputs = {INPUT: params[DLTB], PROJECT_AREA: params.get(PROJECT_AREA),
                  REPAIR_GEOMETRY: params.get(REPAIR_GEOMETRY)}
        if not _empty(params.get(AFTER)):
            feedback.pushInfo(self.tr("Running {id} on the current and the planned DLTB…").format(id=CONTIGUITY_ALG))
            inputs[AFTER] = params[AFTER]
        elif not _empty(params.get(AFTER_FIELD)):
            feedback.pushInfo(self.tr("Running {id} on the current and the planned codes ({field})…").format(
                id=CONTIGUITY_ALG, field=params[AFTER_FIELD]))
            inputs[AFTER_FIELD] = params[AFTER_FIELD]
        else:
            feedback.pushInfo(self.tr("Running {id} on the current DLTB…").format(id=CONTIGUITY_ALG))
            feedback.pushWarning(self.tr("No plan: table 7 shows the current state only."))
        inputs = {key: value for key, value in inputs.items() if not _empty(value)}
        # Checked as a run would be; its block layer is not written, so any destination will do.
        ok, message = alg.checkParameterValues(dict(inputs, OUTPUT=QgsProcessing.TEMPORARY_OUTPUT), context)
        if not ok:
            raise workbook.Unavailable(self.tr("{id} failed: {error}").format(id=CONTIGUITY_ALG, error=message))
        try:
            return alg.summaries(inputs, context, feedback)
        except QgsProcessingException as exc:
            raise workbook.Unavailable(self.tr("{id} failed: {error}").format(id=CONTIGUITY_ALG, error=exc)) from exc


class _FarmlandReview:
    """The 永久基本农田 review of an export: landconsolidation:farmlandadjustment's own computation, run
    once where first needed, for the figures (table 6, compliance) and the 调出 / 调入 lists alike.

    Without the algorithm's output layers: its table as computed, its parcels and numbers rounded as it writes
    them.  A failure is remembered and makes the tables needing it :class:`~core.workbook.Unavailable`.
    """

    def __init__(self, algorithm, params, context, feedback, thresholds):
        self.tr = algorithm.tr
        self.context = context
        self.feedback = feedback
        self.params = {
            PBF_BEFORE: params[PBF_BEFORE], PBF_AFTER: params[PBF_AFTER], DLTB: params[DLTB],
            PROJECT_AREA: params.get(PROJECT_AREA), MIN_ADDED_RATIO: thresholds.min_pbf_added_rate,
            MAX_OUT_RATIO: thresholds.max_pbf_out_ratio}
        self.outcome = None  # (True, tables) or (False, workbook.Unavailable)

    def failed(self, error) -> workbook.Unavailable:
        return workbook.Unavailable(self.tr("{id} failed: {error}").format(id=FARMLAND_ALG, error=error))

    def result(self) -> tuple:
        """``(numbers, review frame, {"out": (frame, geometries), "in": …})``; raises Unavailable on failure."""
        if self.outcome is None:
            try:
                self.outcome = (True, self._run())
            except workbook.Unavailable as exc:
                self.outcome = (False, exc)
        ok, value = self.outcome
        if not ok:
            raise value
        return value

    def _run(self) -> tuple:
        from .farmlandadjustment import review

        alg = QgsApplication.processingRegistry().createAlgorithmById(FARMLAND_ALG)
        if alg is None or not hasattr(alg, "review_setup"):
            raise workbook.Unavailable(self.tr("the algorithm {id} is not installed").format(id=FARMLAND_ALG))
        self.feedback.pushInfo(self.tr("Running {id}…").format(id=FARMLAND_ALG))
        params = {key: value for key, value in self.params.items() if not _empty(value)}
        # Checked as a run would be; its layers are not written, so any destination will do.
        outputs = {key: QgsProcessing.TEMPORARY_OUTPUT for key in (OUTPUT, "OUT_PARCELS", "IN_PARCELS")}
        ok, message = alg.checkParameterValues(dict(params, **outputs), self.context)
        if not ok:
            raise self.failed(message)
        try:
            layers = [alg.whole_layer_or_source(params, key, self.context) for key in (PBF_BEFORE, PBF_AFTER, DLTB)]
            for key, layer in zip((PBF_BEFORE, PBF_AFTER), layers):
                if layer is None:
                    raise alg.invalid_source(params, key)
            with user_errors():
                setup = alg.review_setup(params, self.context, *layers)
                result = review(*layers, setup, is_canceled=self.feedback.isCanceled)
        except QgsProcessingException as exc:
            raise self.failed(exc) from exc
        alg.log_review(result, self.feedback)
        return self._tables(result)

    @staticmethod
    def _tables(result) -> tuple:
        """The review as the algorithm's outputs give it: its numbers and parcel layers rounded as written,
        its table as computed (the workbook rounds its own units: 亩 rounded first and then turned into 公顷
        would be off by up to 3 m²)."""
        from ...core.units import round_field
        from .farmlandadjustment import PARCEL_FIELDS, REVIEW_SPEC, parcel_attributes, review_numbers

        def typed(value, kind):
            value = plain_all([value])[0]
            if value is None or (isinstance(value, float) and math.isnan(value)):
                return None
            return kind(value)

        review_frame = pd.DataFrame([[typed(row[name], kind) for name, kind in REVIEW_SPEC]
                                     for row in result.table.to_dict("records")],
                                    columns=[name for name, _ in REVIEW_SPEC])
        parcels = {}
        for side, frame, pieces, layer in (("out", result.out_frame, result.out_pieces, result.before),
                                           ("in", result.in_frame, result.in_pieces, result.after)):
            names = [name for name, _ in PARCEL_FIELDS]
            rows = [[round_field(name, value) for name, value in zip(names, plain_all(attributes))]
                    for attributes in parcel_attributes(frame, layer)]
            geometries = [geom if geom.isMultipart() else QgsGeometry.collectGeometry([geom])
                          for geom in pieces.geometries]
            parcels[side] = (pd.DataFrame(rows, columns=names), geometries)
        numbers = {key: round_field(key, value) for key, value in review_numbers(result).items()}
        return numbers, review_frame, parcels


