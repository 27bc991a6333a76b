"""landconsolidation:compliance – 指标核验 (docs/DOMAIN.md §6)."""
from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core import compliance, indicators, project
from ...core import subprojects as subprojects_mod
from ...core.keys import (
    ADDED_QUALITY,
    ADDED_RATIO,
    ADDED_UNGRADED_M2,
    AFTER,
    AFTER_FIELD,
    CODE,
    COUNTY_MEAN_GRADE,
    DLTB,
    END_YEAR,
    FAILED_COUNT,
    IN_PARCELS,
    IN_SLOPE_GRADE,
    MAX_BUILD_IN_RED_LINE_M2,
    MAX_BUILD_ON_PBF_M2,
    MAX_CONSTRUCTION_INCREASE_M2,
    MAX_NEW_CULTIVATED_IN_RED_LINE_M2,
    MAX_NEW_CULTIVATED_STEEP_M2,
    MAX_OUT_RATIO,
    MAX_PBF_OUT_RATIO,
    MAX_PBF_SLOPE_RISE,
    MAX_QUALITY_DROP,
    MAX_TOWNSHIPS,
    MAX_YEARS,
    MIN_ADDED_RATE,
    MIN_ADDED_RATIO,
    MIN_PBF_ADDED_RATE,
    NAME,
    OUT_PARCELS,
    OUT_SLOPE_GRADE,
    OUTPUT,
    OUTPUT_PARCELS,
    PASSED_COUNT,
    PBF_AFTER,
    PBF_BEFORE,
    PROJECT,
    PROJECT_AREA,
    START_YEAR,
    STEEP_SLOPE,
    SUBPROJECTS,
    UNCHECKED_COUNT,
    algorithm_id,
)
from ...core.period import Period, resolve_period
from ...core.units import number_text
from ...core.values import to_number_or_none
from ...i18n import tr_noop
from . import conflicts as conflicts_alg
from .base import LandConsolidationAlgorithm, user_errors

#: (key, Thresholds attribute, label, type, default); a default of None makes the parameter optional
#: (the rule is 未核验 without it).
THRESHOLDS = (
    (MIN_ADDED_RATE, "min_added_rate", tr_noop("Minimum new cultivated land rate (% of the original cultivated land)"),
     float, 5.0),
    (MIN_PBF_ADDED_RATE, "min_pbf_added_rate",
     tr_noop("Minimum net gain of permanent basic farmland (% of the adjusted area)"), float, 5.0),
    (MAX_QUALITY_DROP, "max_quality_drop", tr_noop("Largest allowed rise of the mean quality grade (grades)"), float,
     0.0),
    (MAX_CONSTRUCTION_INCREASE_M2, "max_construction_increase_m2",
     tr_noop("Largest allowed increase of construction land (m²)"), float, 0.0),
    (MAX_YEARS, "max_years", tr_noop("Longest implementation period (years)"), int, 3),
    (MAX_TOWNSHIPS, "max_townships", tr_noop("Most townships in one project"), int, 1),
    (MAX_NEW_CULTIVATED_IN_RED_LINE_M2, "max_new_cultivated_in_red_line_m2",
     tr_noop("Largest allowed new cultivated land inside the red line (m²)"), float, 0.0),
    (MAX_NEW_CULTIVATED_STEEP_M2, "max_new_cultivated_steep_m2",
     tr_noop("Largest allowed new cultivated land on steep slopes (m²)"), float, 0.0),
    (STEEP_SLOPE, "steep_slope", tr_noop("Steepest slope allowed for new cultivated land (degrees)"), float, 25.0),
    (MAX_PBF_OUT_RATIO, "max_pbf_out_ratio",
     tr_noop("Largest share of permanent basic farmland moved out (% of the original)"), float, 5.0),
    (MAX_PBF_SLOPE_RISE, "max_pbf_slope_rise",
     tr_noop("Largest allowed rise of the mean slope grade, farmland moved in over farmland moved out (grades)"),
     float, 0.0),
    (MAX_BUILD_IN_RED_LINE_M2, "max_build_in_red_line_m2",
     tr_noop("Largest allowed new construction land inside the red line (m²)"), float, 0.0),
    (MAX_BUILD_ON_PBF_M2, "max_build_on_pbf_m2",
     tr_noop("Largest allowed construction land on permanent basic farmland (m²)"), float, 0.0),
    (COUNTY_MEAN_GRADE, "county_mean_grade",
     tr_noop("County mean quality grade (new cultivated land must not be poorer)"), float, None),
)


def add_threshold_parameters(algorithm) -> None:
    """One advanced number parameter per threshold of :data:`THRESHOLDS`, with the policy default."""
    for key, _, label, kind, default in THRESHOLDS:
        number_type = QgsProcessingParameterNumber.Type.Integer if kind is int else QgsProcessingParameterNumber.Type.Double
        param = QgsProcessingParameterNumber(key, algorithm.tr(label), number_type, defaultValue=default,
                                             optional=default is None)
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        if default is None:
            param.setHelp(algorithm.tr("Threshold of the compliance table; without it the rule is not checked."))
        else:
            param.setHelp(algorithm.tr("Threshold of the compliance table (policy default: {value}).").format(
                value=default))
        algorithm.addParameter(param)


def read_thresholds(algorithm, parameters, context) -> compliance.Thresholds:
    """The :class:`~core.compliance.Thresholds` of a run, from the parameters of :func:`add_threshold_parameters`."""
    values = {}
    for key, attr, _, kind, default in THRESHOLDS:
        if default is None and parameters.get(key) in (None, ""):
            values[attr] = None
        elif kind is int:
            values[attr] = algorithm.parameterAsInt(parameters, key, context)
        else:
            values[attr] = algorithm.parameterAsDouble(parameters, key, context)
    return compliance.Thresholds(**values)


def read_period(algorithm, parameters, context, crs) -> Period | None:
    """START_YEAR/END_YEAR, else the span of the sub-projects' years (SUBPROJECTS)."""
    years = None
    source = algorithm.parameterAsSource(parameters, SUBPROJECTS, context)
    if source is not None:
        with user_errors():
            years = subprojects_mod.read_subprojects(source, crs, context.transformContext(),
                                                     repair=algorithm.repair_geometry(parameters, context)
                                                     ).frame["year"]
    return resolve_period((parameters.get(START_YEAR), parameters.get(END_YEAR)), subproject_years=years)


def pbf_review(algorithm, parameters, context, feedback, thresholds):
    """The 永农 review's numbers and its 调出 / 调入 parcel layers, through landconsolidation:farmlandadjustment.

    ``(None, {})`` unless both PBF_BEFORE and PBF_AFTER are given.
    """
    if not parameters.get(PBF_BEFORE) or not parameters.get(PBF_AFTER):
        return None, {}
    child = algorithm.run_child(
        algorithm_id("farmlandadjustment"),
        {PBF_BEFORE: parameters[PBF_BEFORE], PBF_AFTER: parameters[PBF_AFTER],
         DLTB: parameters[algorithm.before_key], PROJECT_AREA: parameters.get(PROJECT_AREA),
         MIN_ADDED_RATIO: thresholds.min_pbf_added_rate, MAX_OUT_RATIO: thresholds.max_pbf_out_ratio,
         OUTPUT: "memory:", OUT_PARCELS: "memory:", IN_PARCELS: "memory:"},
        context, feedback,
    )
    layers = {key: context.getMapLayer(child[key]) if isinstance(child[key], str) else child[key]
              for key in (OUT_PARCELS, IN_PARCELS)}
    numbers = {key: child.get(key) for key in (ADDED_RATIO, "OUT_RATIO", "OUT_M2", "IN_M2", "PBF_BEFORE_M2",
                                               OUT_SLOPE_GRADE, IN_SLOPE_GRADE)}
    return numbers, layers


OUTPUT_SPEC = [("RULE", str), ("RULE_NAME", str), ("VALUE", float), ("THRESHOLD", float), ("UNIT", str),
               ("PASSED", int), ("VERDICT", str), ("NOTE", str), ("SOURCE", str)]
PARCEL_FIELDS = (("RULE", QVariant.Type.String), ("BSM", QVariant.Type.String), ("DLBM_BEFORE", QVariant.Type.String),
                 ("DLBM_AFTER", QVariant.Type.String), ("AREA_M2", QVariant.Type.Double), ("NOTE", QVariant.Type.String))


class ComplianceAlgorithm(LandConsolidationAlgorithm):
    """Every §6 policy rule as a row: value, threshold, pass/fail and the parcels behind failures."""

    before_key = DLTB

    def name(self) -> str:  # noqa: D102
        return "compliance"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Compliance check")

    group_id = "scheme"
    output_styles = {OUTPUT_PARCELS: "compliance_parcels"}

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Checks the plan against the policy rules, one row each: new cultivated land ≥ 5 % of the original "
            "cultivated land; new permanent basic farmland ≥ 5 % of the adjusted area (needs the permanent basic "
            "farmland layers before and after); mean quality grade of the cultivated land not worse; in/out balance "
            "of cultivated land in area and quality; construction land not increased; new construction ≤ "
            "reclaimed construction land; implementation period ≤ 3 years (from START_YEAR/END_YEAR, else the "
            "sub-projects' years); one township (the first 9 digits of ZLDWDM).\n\n"
            "Every threshold is a parameter with the policy default; the table's THRESHOLD column shows the value "
            "used. PASSED is 1/0, or empty when a rule could not be checked (its NOTE says why). OUTPUT_PARCELS "
            "holds the parcels behind each failure: cultivated land lost (new cultivated land), cultivated land "
            "planned worse than the original mean grade (quality), cultivated land out (balance), new construction "
            "(construction land, linkage), parcels of other townships, permanent basic farmland moved out."
        ) + "\n\n" + self.tr(
            "The reviewer's further checks: new cultivated land not inside the ecological protection red line "
            "(RED_LINE) and not on slopes over 25° (SLOPE raster or DEM, else GDPDJB grade 5); planned new "
            "construction land not inside the red line and no planned construction land on permanent basic "
            "farmland (before or after); permanent basic farmland moved out ≤ 5 % of the original "
            "(PBF_ADJUST_SHARE) and the farmland moved in not steeper than the farmland moved out by area-weighted "
            "GDPDJB (PBF_IN_SLOPE); the area-weighted quality grade of the new cultivated land (ADDED_QUALITY) not "
            "poorer than the county mean (COUNTY_MEAN_GRADE; not checked without it). The conflict parts stand "
            "behind the constraint rules.\n\n"
            "Cultivated land without a quality grade is never left out silently: while any planned (or current) "
            "cultivated land has none, the quality rules are not checked and say how much area lacks it. "
            "NEW_CULTIVATED_GRADE gives one grade to all new cultivated land without a planned one.\n\n"
            "The table's RULE_NAME, VERDICT and NOTE are in Chinese, as in the scheme's official tables."
        )

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        self.addParameter(QgsProcessingParameterFile(
            PROJECT, self.tr("Project GeoPackage"), QgsProcessingParameterFile.Behavior.File, "gpkg",
            optional=True))
        self.parameterDefinition(PROJECT).setHelp(self.tr(
            "A project GeoPackage written by 'Create project': its layers and years are used unless given below, "
            "and the plan pieces stored in it are read instead of overlaying the plan again."))
        self.add_plan_parameters()
        dltb_param = self.parameterDefinition(DLTB)
        dltb_param.setFlags(dltb_param.flags() | QgsProcessingParameterDefinition.Flag.FlagOptional)
        for key, label in ((PBF_BEFORE, self.tr("Permanent basic farmland before the adjustment")),
                           (PBF_AFTER, self.tr("Permanent basic farmland after the adjustment")),
                           (SUBPROJECTS, self.tr("Sub-projects"))):
            self.addParameter(
                QgsProcessingParameterFeatureSource(key, label, [QgsProcessing.SourceType.TypeVectorPolygon], optional=True)
            )
        self.parameterDefinition(PBF_BEFORE).setHelp(self.tr("YJJBNTTB layer before the adjustment."))
        self.parameterDefinition(PBF_AFTER).setHelp(self.tr("YJJBNTTB layer after the adjustment."))
        self.parameterDefinition(SUBPROJECTS).setHelp(self.tr("Sub-projects; their year field (SSND) gives the period "
                                                              "when START_YEAR/END_YEAR are not given."))
        conflicts_alg.add_constraint_parameters(self, pbf=False)
        for key, label in ((START_YEAR, self.tr("First year of implementation")),
                           (END_YEAR, self.tr("Last year of implementation"))):
            param = QgsProcessingParameterNumber(key, label, QgsProcessingParameterNumber.Type.Integer, optional=True,
                                                 minValue=1900, maxValue=2200)
            param.setHelp(self.tr("Calendar year; the period counts both ends (2026–2028 is 3 years)."))
            self.addParameter(param)
        add_threshold_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, self.tr("Compliance table"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                OUTPUT_PARCELS, self.tr("Parcels behind failures"), QgsProcessing.SourceType.TypeVectorPolygon, optional=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber(FAILED_COUNT, self.tr("Rules failed")))
        self.addOutput(QgsProcessingOutputNumber(PASSED_COUNT, self.tr("Rules passed")))
        self.addOutput(QgsProcessingOutputNumber(UNCHECKED_COUNT, self.tr("Rules not checked")))
        self.addOutput(QgsProcessingOutputNumber(ADDED_QUALITY, self.tr("Mean quality grade of the new cultivated land")))
        self.addOutput(QgsProcessingOutputNumber(ADDED_UNGRADED_M2, self.tr("New cultivated land without a quality grade (m²)")))

    def compute(self, parameters, context, feedback):  # noqa: D102
        parameters, path, overrides = self._with_project(parameters, context, feedback)
        result = self.read_plan(parameters, context, feedback, keep_geometry=True, overrides=overrides,
                                project_path=path)
        pieces = result.pieces
        cultivated = indicators.cultivated_land(pieces, float(pieces["gross"].sum()))
        construction = indicators.construction_land(pieces)
        thresholds = read_thresholds(self, parameters, context)
        period = read_period(self, parameters, context, result.before.crs)
        pbf, pbf_layers = pbf_review(self, parameters, context, feedback, thresholds)
        found = conflicts_alg.find(self, parameters, context, feedback, result, steep=thresholds.steep_slope)
        results = compliance.evaluate(pieces, cultivated, construction, thresholds, period=period, pbf=pbf,
                                      conflicts=found)
        table = compliance.rules_table(results)
        for r in results:
            feedback.pushInfo(self.tr("{rule}: {verdict}; value {value}, threshold {threshold}.").format(
                rule=self.tr(compliance.RULE_LABELS[r.rule]), verdict=compliance.verdict_label(r.passed),
                value=number_text(r.value), threshold=number_text(r.threshold)))
        dest = self.write_table_output(parameters, OUTPUT, context, OUTPUT_SPEC, table, feedback)
        outputs = {OUTPUT: dest}
        parcels_dest = self._write_parcels(parameters, context, result, results, pbf, pbf_layers)
        if parcels_dest is not None:
            outputs[OUTPUT_PARCELS] = parcels_dest
        verdicts = [r.passed for r in results]
        outputs[FAILED_COUNT] = sum(1 for v in verdicts if v is False)
        outputs[PASSED_COUNT] = sum(1 for v in verdicts if v is True)
        outputs[UNCHECKED_COUNT] = sum(1 for v in verdicts if v is None)
        feedback.pushInfo(self.tr("{failed} rule(s) failed, {passed} passed, {unchecked} not checked; the NOTE "
                                  "column of the compliance table says why.").format(
            failed=outputs[FAILED_COUNT], passed=outputs[PASSED_COUNT], unchecked=outputs[UNCHECKED_COUNT]))
        outputs[ADDED_QUALITY] = to_number_or_none(cultivated.added_quality)
        outputs[ADDED_UNGRADED_M2] = round(cultivated.added_ungraded_m2, 2)
        return outputs

    def _with_project(self, parameters, context, feedback):
        """The run's parameters with a project GeoPackage's layers and years filled in; its path and field mapping."""
        path = self.parameterAsFile(parameters, PROJECT, context)
        params = dict(parameters)
        overrides = None
        if path:
            with user_errors():
                loaded = project.load_project(path)
                overrides = project.read_settings(path).get("field_mapping") or None
            explicit_plan = params.get(AFTER) not in (None, "") or params.get(AFTER_FIELD) not in (None, "")
            for key, value in loaded.items():
                if key in (AFTER, AFTER_FIELD) and explicit_plan:
                    continue
                if key in (NAME, CODE) or self.parameterDefinition(key) is None:
                    continue
                if params.get(key) in (None, "", []):
                    params[key] = value
            feedback.pushInfo(self.tr("Project: {path}").format(path=path))
        if params.get(DLTB) in (None, ""):
            raise QgsProcessingException(self.tr(
                "Give a project GeoPackage (PROJECT) or the current DLTB layer (DLTB)."))
        return params, path or None, overrides

    def _write_parcels(self, parameters, context, result, results, pbf, pbf_layers):
        fields = QgsFields()
        for name, kind in PARCEL_FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, OUTPUT_PARCELS, context, fields,
                                          QgsWkbTypes.Type.MultiPolygon, result.before.crs)
        if sink is None:
            return None

        def add(geom, values):
            feature = QgsFeature(fields)
            if geom is not None:
                shape = QgsGeometry(geom)
                shape.convertToMultiType()
                feature.setGeometry(shape)
            feature.setAttributes(values)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)

        pieces = result.pieces
        for r in results:
            if r.passed is not False:
                continue
            if r.culprits is not None:
                for i in [int(i) for i in r.culprits.nonzero()[0]]:
                    add(result.geometries[i], [r.rule, str(pieces["bsm_b"].iat[i]), str(pieces["base_b"].iat[i]),
                                               str(pieces["base_a"].iat[i]), float(pieces["gross"].iat[i]), r.note])
            for geom, values in r.extra:
                add(geom, [r.rule, values["BSM"], values["DLBM_BEFORE"], values["DLBM_AFTER"],
                           round(float(values["AREA_M2"]), 2), values["NOTE"]])
            side, steeper_than = None, None
            if r.rule in ("PBF_ADDED", "PBF_ADJUST_SHARE"):
                side = OUT_PARCELS
            elif r.rule == "PBF_IN_SLOPE" and pbf is not None:
                side, steeper_than = IN_PARCELS, pbf.get(OUT_SLOPE_GRADE)
            layer = pbf_layers.get(side) if side else None
            if layer is None:
                continue
            names = layer.fields().names()
            for source_feature in layer.getFeatures():
                grade = source_feature["GDPDJB"] if "GDPDJB" in names else None
                if steeper_than is not None and (to_number_or_none(grade) is None or float(grade) <= steeper_than):
                    continue
                area = source_feature["AREA_M2"] if "AREA_M2" in names else None
                bsm = source_feature["BSM"] if "BSM" in names else None
                note = "调出" if side == OUT_PARCELS else f"调入，坡度级别 {float(grade):.2f}"
                add(source_feature.geometry(), [r.rule, None if bsm is None else str(bsm), None, None, area, note])
        return dest
