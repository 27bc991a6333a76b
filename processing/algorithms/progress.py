"""landconsolidation:progress – 实施进度与偏差: the plan against what later surveys show was built."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QVariant

from ...core import codes as codes_mod
from ...core import compliance, dltb, indicators
from ...core import plan as plan_mod
from ...core import progress as progress_mod
from ...core import subprojects as subprojects_mod
from ...core.errors import LandConsolidationError
from ...core.keys import (
    AFTER,
    AFTER_FIELD,
    BASELINE,
    CODE_FIELD,
    END_YEAR,
    IN_PARCELS,
    INPUT,
    OUTPUT,
    OUTPUT_CHANGES,
    OUTPUT_DEVIATIONS,
    OUTPUT_INDICATORS,
    PERCENT_COMPLETE,
    PLANNED_CHANGE_M2,
    PROJECT_AREA,
    REALISED_ADDED_CULTIVATED_M2,
    REALISED_CHANGE_M2,
    SLIVER_AREA,
    START_YEAR,
    SUBPROJECTS,
    SURVEY,
    UNPLANNED_CHANGE_M2,
    algorithm_id,
)
from ...core.overlay import overlay
from ...core.values import plain_all
from .. import inputs
from . import compliance as compliance_alg
from . import conflicts as conflicts_alg
from .base import LandConsolidationAlgorithm, user_errors

CONTIGUITY_ALG = algorithm_id("contiguity")
#: Contiguity figures compared (key of landconsolidation:contiguity's outputs, name, unit).
CONTIGUITY_ROWS = (("BLOCKS_100MU", "百亩方（≥100亩，个）", "个"), ("BLOCKS_1000MU", "千亩方（≥1000亩，个）", "个"),
                   ("SHARE_IN_100MU", "百亩方内耕地占比", "%"))
TYPES = {str: QVariant.Type.String, int: QVariant.Type.Int, float: QVariant.Type.Double}
PROGRESS_SPEC = [("YEAR", int), ("SURVEY", str), ("SUBPROJECT", str), ("NAME", str), ("TYPE", str),
                 ("PLAN_YEAR", int), ("PLANNED_M2", float), ("REALISED_M2", float), ("PERCENT", float),
                 ("STATUS", str), ("TODO_COUNT", int), ("TODO_BSM", str)]
INDICATOR_SPEC = [("YEAR", int), ("SURVEY", str), ("KIND", str), ("KEY", str), ("NAME", str), ("UNIT", str),
                  ("BEFORE", float), ("PLANNED", float), ("REALISED", float), ("PERCENT", float),
                  ("THRESHOLD", float), ("PLANNED_VERDICT", str), ("VERDICT", str), ("NOTE", str)]
DEVIATION_SPEC = [("YEAR", int), ("STATE", str), ("SURVEY_BSM", str), ("BASELINE_BSM", str), ("ZLDWDM", str),
                  ("BEFORE_DLBM", str), ("PLANNED_DLBM", str), ("SURVEY_DLBM", str), ("AREA_M2", float),
                  ("IN_RED_LINE", int), ("ON_PBF", int)]
CHANGE_SPEC = [("YEAR", int), ("STATE", str), ("BASELINE_BSM", str), ("SURVEY_BSM", str), ("ZLDWDM", str),
               ("SUBPROJECT", str), ("DUE_YEAR", int), ("BEFORE_DLBM", str), ("PLANNED_DLBM", str),
               ("SURVEY_DLBM", str), ("AREA_M2", float)]


class ProgressAlgorithm(LandConsolidationAlgorithm):
    """Planned changes against one or more later surveys: progress per sub-project, indicators, deviations."""

    before_key = BASELINE
    group_id = "scheme"
    output_styles = {OUTPUT_DEVIATIONS: "progress", OUTPUT_CHANGES: "progress"}

    def name(self) -> str:  # noqa: D102
        return "progress"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Implementation progress and deviations")

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Compares the plan with later surveys (annual change-survey DLTB with the fields of the third land "
            "survey; their parcel boundaries may differ from both the baseline and the plan).\n\n"
            "A planned change is every piece of the plan (baseline × planned DLTB) whose class changes; it is "
            "realised where a survey shows the planned class on it (base codes: 0201K counts as 0201). A "
            "deviation is a part where the survey shows neither the baseline class nor the planned class: a "
            "change the plan does not contain. Areas are gross m² (the piece's share of the baseline TBMJ). Parts "
            "under SLIVER_AREA (default 1 m²) are traces of boundaries digitised anew: they are left out and "
            "counted, and a piece's other parts share it.\n\n"
            "OUTPUT: one row per sub-project and survey (and one for changes outside every sub-project): planned "
            "and realised area, percent, STATUS (done; late = due by the survey of its year SSND and not done; "
            "under way; not started; no class change) and the baseline BSMs still to do. OUTPUT_INDICATORS: every "
            "indicator of the scheme planned next to realised (new cultivated land net of field ridges and its "
            "rate, mean quality grade, the in/out balance, construction land, reclaimed / newly built / surplus, "
            "100-mu blocks, permanent basic farmland when given) and every compliance rule with its verdict on the "
            "plan and on the realised state. OUTPUT_DEVIATIONS: the unplanned changes, flagged inside the red line "
            "or on permanent basic farmland when those layers are given. OUTPUT_CHANGES (optional): the planned "
            "changes part by part with their state, for maps.\n\n"
            "Several surveys (one per year) are compared in turn, in the order of the year in their names "
            "(DLTB_2027 …); the number outputs are those of the latest survey."
        )

    def initAlgorithm(self, _config=None):  # noqa: N802,D102,ARG002
        self.add_plan_parameters()
        baseline = self.parameterDefinition(BASELINE)
        baseline.setDescription(self.tr("Baseline DLTB the plan was made on"))
        surveys = QgsProcessingParameterMultipleLayers(
            SURVEY, self.tr("Later surveys (annual change-survey DLTB)"), QgsProcessing.SourceType.TypeVectorPolygon)
        surveys.setHelp(self.tr("One DLTB per year, with the fields of the third land survey; the year is taken from the "
                                "layer name (DLTB_2027 …)."))
        self.addParameter(surveys)
        subprojects = QgsProcessingParameterFeatureSource(
            SUBPROJECTS, self.tr("Sub-projects"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True)
        subprojects.setHelp(self.tr("Progress per sub-project; a sub-project is due by the survey of its year (SSND)."))
        self.addParameter(subprojects)
        conflicts_alg.add_constraint_parameters(self)
        sliver = QgsProcessingParameterNumber(
            SLIVER_AREA, self.tr("Leave out parts smaller than (m²)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=progress_mod.DEFAULT_SLIVER_AREA, minValue=0.0)
        sliver.setHelp(self.tr("Parts of the plan × survey overlay smaller than this (ellipsoidal m²) come from "
                               "boundaries digitised anew; they are left out and counted in the log."))
        self.addParameter(sliver)
        for key, label in ((START_YEAR, self.tr("First year of implementation")),
                           (END_YEAR, self.tr("Last year of implementation"))):
            param = QgsProcessingParameterNumber(key, label, QgsProcessingParameterNumber.Type.Integer, optional=True,
                                                 minValue=1900, maxValue=2200)
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            param.setHelp(self.tr("Calendar year; default: the span of the sub-projects' years. Changes outside "
                                  "every sub-project are due by the last year."))
            self.addParameter(param)
        compliance_alg.add_threshold_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, self.tr("Progress by sub-project"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_INDICATORS, self.tr("Indicators planned and realised"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_DEVIATIONS, self.tr("Unplanned changes"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_CHANGES, self.tr("Planned changes and their state"), QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True, createByDefault=False))
        for key, label in ((PLANNED_CHANGE_M2, self.tr("Planned change (m²)")),
                           (REALISED_CHANGE_M2, self.tr("Realised change, latest survey (m²)")),
                           (PERCENT_COMPLETE, self.tr("Percent complete, latest survey")),
                           (UNPLANNED_CHANGE_M2, self.tr("Unplanned change, latest survey (m²)")),
                           (REALISED_ADDED_CULTIVATED_M2, self.tr("Realised new cultivated land, latest survey (m²)"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    # ------------------------------------------------------------------ the run

    def compute(self, parameters, context, feedback):  # noqa: D102
        surveys = self._surveys(parameters, context)
        plan = self.read_plan(parameters, context, feedback, keep_geometry=True)
        crs = plan.before.crs
        gk = plan.before.gk or dltb.gauss_kruger_for(self.parameterAsSource(parameters, BASELINE, context))
        area = self.project_area(parameters, context, crs)
        repair = self.repair_geometry(parameters, context)
        sliver = self.parameterAsDouble(parameters, SLIVER_AREA, context)
        thresholds = compliance_alg.read_thresholds(self, parameters, context)
        period = compliance_alg.read_period(self, parameters, context, crs)
        subs = self._subprojects(parameters, context, crs, repair)
        change = (plan.pieces["base_b"] != plan.pieces["base_a"]).to_numpy()
        with user_errors():
            shares = progress_mod.subproject_shares(plan, subs, gk, np.flatnonzero(change), feedback.isCanceled)
        last_year = period.end if period is not None else None
        codes, due = progress_mod.due_years(shares, last_year)
        constraints = None
        if conflicts_alg.constraints_given(parameters):
            constraints = conflicts_alg.read_constraints(self, parameters, context, crs, feedback)
        pbf, pbf_layers = compliance_alg.pbf_review(self, parameters, context, feedback, thresholds)
        in_pieces = self._pbf_in(pbf_layers, crs)
        contiguity_before = self._contiguity(parameters, {INPUT: parameters[BASELINE]}, context, feedback,
                                             self.tr("the baseline DLTB"))
        planned_state = self._state(parameters, context, feedback, plan, thresholds, period, pbf, constraints)
        planned_state.extra = self._extras(
            self._planned_contiguity(parameters, context, feedback), in_pieces, plan.geometries,
            plan.pieces["base_a"].to_numpy(dtype=object), gk)
        before_extra = self._extras(contiguity_before, in_pieces, plan.geometries,
                                    plan.pieces["base_b"].to_numpy(dtype=object), gk)
        before_extra = {key: value[2] for key, value in before_extra.items()}

        progress_rows, indicator_rows, deviation_rows, change_rows = [], [], [], []
        deviation_geoms, change_geoms = [], []
        latest = None
        for n, (layer, name, year) in enumerate(surveys):
            feedback.pushInfo(self.tr("Comparing the plan with {survey}…").format(survey=name))
            with user_errors():
                survey = self._read_survey(layer, name, crs, area, repair, context, feedback)
                comparison = progress_mod.compare(plan, survey, gk, name=name, year=year, sliver_area=sliver,
                                                  is_canceled=feedback.isCanceled)
            for note in comparison.notes:
                feedback.pushWarning(note)
            realised = plan_mod.Plan(pieces=comparison.realised_pieces, before=plan.before, source="survey",
                                     geometries=comparison.realised_geometries)
            state = self._state(parameters, context, feedback, realised, thresholds, period, pbf, constraints)
            state.extra = self._extras(
                self._contiguity(parameters, {INPUT: layer}, context, feedback, name), in_pieces,
                survey.geometries, survey.frame["base"].to_numpy(dtype=object), gk)
            progress_rows.append(progress_mod.progress_table(plan, comparison, shares, fallback_year=last_year))
            indicator_rows.append(progress_mod.indicator_table(planned_state, state, comparison.year, name,
                                                               before_extra, comparison))
            with user_errors():
                frame, geoms = progress_mod.deviations(
                    comparison, gk, constraints.red_line if constraints else None,
                    constraints.pbf if constraints else None)
            deviation_rows.append(frame)
            deviation_geoms += geoms
            frame, geoms = progress_mod.changes(comparison, codes, due)
            change_rows.append(frame)
            change_geoms += geoms
            latest = (comparison, state)
            self._log(feedback, comparison)
            feedback.setProgress(100.0 * (n + 1) / len(surveys))

        outputs = {
            OUTPUT: self.write_table_output(parameters, OUTPUT, context, PROGRESS_SPEC,
                                            pd.concat(progress_rows, ignore_index=True), feedback),
            OUTPUT_INDICATORS: self.write_table_output(parameters, OUTPUT_INDICATORS, context, INDICATOR_SPEC,
                                                       pd.concat(indicator_rows, ignore_index=True), feedback),
        }
        outputs[OUTPUT_DEVIATIONS] = self._write_layer(parameters, OUTPUT_DEVIATIONS, context, DEVIATION_SPEC,
                                                       pd.concat(deviation_rows, ignore_index=True), deviation_geoms,
                                                       crs)
        changes_dest = self._write_layer(parameters, OUTPUT_CHANGES, context, CHANGE_SPEC,
                                         pd.concat(change_rows, ignore_index=True), change_geoms, crs)
        if changes_dest is not None:
            outputs[OUTPUT_CHANGES] = changes_dest
        comparison, state = latest
        percent = comparison.percent_complete
        outputs.update({
            PLANNED_CHANGE_M2: round(comparison.planned_change_m2, 2),
            REALISED_CHANGE_M2: round(comparison.realised_change_m2, 2),
            PERCENT_COMPLETE: None if math.isnan(percent) else round(percent, 2),
            UNPLANNED_CHANGE_M2: round(comparison.unplanned_change_m2, 2),
            REALISED_ADDED_CULTIVATED_M2: round(state.cultivated.added_m2, 2),
        })
        return outputs

    # ------------------------------------------------------------------ inputs

    def _surveys(self, parameters, context) -> list:
        """The survey layers with their names and years, in the order of their years."""
        layers = self.parameterAsLayerList(parameters, SURVEY, context) or []
        if not layers:
            raise QgsProcessingException(self.tr("Give at least one later survey (SURVEY)."))
        found = []
        for k, layer in enumerate(layers):
            layer = inputs.with_text_encoding(inputs.with_layer_name(layer, context), context)
            name = layer.name()
            year = progress_mod.year_of(name) or progress_mod.year_of(layer.source())
            found.append((layer, name, year, k))
        found.sort(key=lambda item: (item[2] is None, item[2] or 0, item[3]))
        return [(layer, name, year) for layer, name, year, _ in found]

    def _read_survey(self, layer, name, crs, area, repair, context, feedback):
        """A survey DLTB in the baseline's CRS, cut to the project area, with its geometries."""
        survey_crs = dltb.check_projected(layer, name)
        source = layer
        if survey_crs != crs:
            source = plan_mod.reprojected(layer, crs, context.transformContext(), name)
            feedback.pushInfo(self.tr("{survey} ({crs}) was reprojected to the baseline's CRS {target}.").format(
                survey=name, crs=survey_crs.authid(), target=crs.authid()))
        survey = dltb.read_dltb(source, project_area=area, keep_geometry=True, repair=repair)
        survey.layer_name = name
        dltb.reject_unknown_codes(survey)
        for note in survey.notes:
            feedback.pushWarning(note)
        if not len(survey.frame):
            raise LandConsolidationError(self.tr("The survey '{survey}' has no parcels inside the project area."
                                                 ).format(survey=name))
        return survey

    def _subprojects(self, parameters, context, crs, repair):
        source = self.parameterAsSource(parameters, SUBPROJECTS, context)
        if source is None:
            return None
        with user_errors():
            return subprojects_mod.read_subprojects(source, crs, context.transformContext(), repair=repair)

    def _pbf_in(self, layers, crs):
        """The 永久基本农田 调入 pieces' geometries (in the baseline's CRS), or None without the 永农 layers."""
        layer = layers.get(IN_PARCELS) if layers else None
        if layer is None:
            return None
        with user_errors():
            return dltb.read_polygons(layer, crs, label="永久基本农田调入")

    # ------------------------------------------------------------------ figures of a state

    def _state(self, parameters, context, feedback, plan, thresholds, period, pbf, constraints) -> progress_mod.State:
        """耕地 and 建设用地 figures of a plan (planned or realised) and its compliance verdicts."""
        pieces = plan.pieces
        cultivated = indicators.cultivated_land(pieces, float(pieces["gross"].sum()))
        construction = indicators.construction_land(pieces)
        found = None
        if constraints is not None:
            found = conflicts_alg.find(self, parameters, context, feedback, plan, steep=thresholds.steep_slope,
                                       constraints=constraints)
        results = compliance.evaluate(pieces, cultivated, construction, thresholds, period=period, pbf=pbf,
                                      conflicts=found)
        return progress_mod.State(cultivated, construction, compliance.rules_table(results))

    def _extras(self, contiguity: dict | None, in_pieces, geometries, classes, gk) -> dict:
        """百亩方 figures and the 永久基本农田 调入 that is 耕地 in a state (its geometries and classes)."""
        extra = {}
        for key, name, unit in CONTIGUITY_ROWS:
            if contiguity is not None and contiguity.get(key) is not None:
                extra[key] = (name, unit, float(contiguity[key]))
        if in_pieces is not None:
            value = 0.0
            if in_pieces and geometries:
                found = overlay(in_pieces, geometries, gk)
                cultivated = np.isin(np.asarray(classes, dtype=object)[found.rows_b], list(codes_mod.CULTIVATED))
                value = float(found.area[cultivated].sum())
            extra["PBF_IN_CULTIVATED_M2"] = ("调入永久基本农田中的耕地面积", "m²", value)
        return extra

    def _contiguity(self, parameters, layer_inputs, context, feedback, label) -> dict | None:
        """Number outputs of landconsolidation:contiguity on a layer (None when it is not installed or fails)."""
        feedback.pushInfo(self.tr("Contiguity of {layer}…").format(layer=label))
        try:
            result = self.run_child_with(CONTIGUITY_ALG, {**layer_inputs, PROJECT_AREA: parameters.get(PROJECT_AREA)},
                                    context, feedback)
        except QgsProcessingException as exc:
            feedback.pushWarning(self.tr("{id} failed on {layer}: {error}").format(id=CONTIGUITY_ALG, layer=label,
                                                                                   error=exc))
            return None
        if result is None:
            feedback.pushWarning(self.tr("The algorithm {id} is not installed: no figures of 100-mu blocks.").format(
                id=CONTIGUITY_ALG))
        return result

    def _planned_contiguity(self, parameters, context, feedback) -> dict | None:
        if parameters.get(AFTER) not in (None, ""):
            return self._contiguity(parameters, {INPUT: parameters[AFTER]}, context, feedback,
                                    self.tr("the planned DLTB"))
        return self._contiguity(parameters, {INPUT: parameters[BASELINE], CODE_FIELD: parameters.get(AFTER_FIELD)},
                                context, feedback, self.tr("the planned codes"))

    # ------------------------------------------------------------------ outputs

    def _log(self, feedback, comparison) -> None:
        percent = comparison.percent_complete
        feedback.pushInfo(self.tr(
            "{survey}: planned change {planned:.2f} m², realised {realised:.2f} m² ({percent}), unplanned change "
            "{unplanned:.2f} m².").format(
            survey=comparison.name, planned=comparison.planned_change_m2, realised=comparison.realised_change_m2,
            percent="—" if math.isnan(percent) else f"{percent:.2f} %", unplanned=comparison.unplanned_change_m2))

    def _write_layer(self, parameters, key, context, spec, frame, geometries, crs):
        """A polygon output from a frame and its geometries; None when the (optional) output is not wanted."""
        fields, sink, dest = self.polygon_sink(parameters, key, context, [(name, TYPES[kind]) for name, kind in spec],
                                               crs)
        if sink is None:
            return None
        names = [name for name, _ in spec]
        for values, geom in zip(frame[names].itertuples(index=False), geometries):
            feature = QgsFeature(fields)
            shape = QgsGeometry(geom)
            shape.convertToMultiType()
            feature.setGeometry(shape)
            feature.setAttributes(plain_all(values))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest

