"""landconsolidation:compliance – 指标核验 (docs/DOMAIN.md §6)."""
from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core import compliance, indicators
from ...core import subprojects as subprojects_mod
from ...core.keys import (
    ADDED_RATIO,
    DLTB,
    END_YEAR,
    FAILED_COUNT,
    IN_PARCELS,
    MAX_CONSTRUCTION_INCREASE_M2,
    MAX_QUALITY_DROP,
    MAX_TOWNSHIPS,
    MAX_YEARS,
    MIN_ADDED_RATE,
    MIN_PBF_ADDED_RATE,
    OUT_PARCELS,
    OUTPUT,
    OUTPUT_PARCELS,
    PASSED_COUNT,
    PBF_AFTER,
    PBF_BEFORE,
    PROJECT_AREA,
    START_YEAR,
    SUBPROJECTS,
    UNCHECKED_COUNT,
    algorithm_id,
)
from ...core.period import Period, resolve_period
from ...i18n import tr_noop
from .base import LandConsolidationAlgorithm, user_errors

#: (key, Thresholds attribute, label, type, default)
THRESHOLDS = (
    (MIN_ADDED_RATE, "min_added_rate", tr_noop("Minimum 新增耕地 rate (% of original 耕地)"), float, 5.0),
    (MIN_PBF_ADDED_RATE, "min_pbf_added_rate", tr_noop("Minimum 新增永久基本农田 (% of the adjusted area)"), float, 5.0),
    (MAX_QUALITY_DROP, "max_quality_drop", tr_noop("Largest allowed rise of the mean 耕地等别 (等)"), float, 0.0),
    (MAX_CONSTRUCTION_INCREASE_M2, "max_construction_increase_m2", tr_noop("Largest allowed 建设用地 increase (m²)"),
     float, 0.0),
    (MAX_YEARS, "max_years", tr_noop("Longest implementation period (years)"), int, 3),
    (MAX_TOWNSHIPS, "max_townships", tr_noop("Most townships (乡镇) in one project"), int, 1),
)


def add_threshold_parameters(algorithm) -> None:
    """One advanced number parameter per threshold of :data:`THRESHOLDS`, with the policy default."""
    for key, _, label, kind, default in THRESHOLDS:
        number_type = QgsProcessingParameterNumber.Type.Integer if kind is int else QgsProcessingParameterNumber.Type.Double
        param = QgsProcessingParameterNumber(key, algorithm.tr(label), number_type, defaultValue=default)
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        param.setHelp(algorithm.tr("Threshold of the compliance table (policy default: {value}).").format(value=default))
        algorithm.addParameter(param)


def read_thresholds(algorithm, parameters, context) -> compliance.Thresholds:
    """The :class:`~core.compliance.Thresholds` of a run, from the parameters of :func:`add_threshold_parameters`."""
    return compliance.Thresholds(**{
        attr: algorithm.parameterAsInt(parameters, key, context) if kind is int
        else algorithm.parameterAsDouble(parameters, key, context)
        for key, attr, _, kind, _ in THRESHOLDS
    })


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
        return self.tr("Compliance check (指标核验)")

    group_id = "scheme"
    output_styles = {OUTPUT_PARCELS: "compliance_parcels"}

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Checks the plan against the policy rules, one row each: 新增耕地 ≥ 5 % of the original 耕地; 新增永久"
            "基本农田 ≥ 5 % of the adjusted area (needs the permanent basic farmland layers before and after); mean "
            "耕地等别 not worse; 耕地进出平衡 in area and quality; 建设用地 not increased; 建新 ≤ 拆旧复垦; "
            "implementation period ≤ 3 years (from START_YEAR/END_YEAR, else the sub-projects' years); one "
            "township (the first 9 digits of ZLDWDM).\n\n"
            "Every threshold is a parameter with the policy default; the table's THRESHOLD column shows the value "
            "used. PASSED is 1/0, or empty when a rule could not be checked (its NOTE says why). OUTPUT_PARCELS "
            "holds the parcels behind each failure: 耕地 lost (新增耕地), 耕地 planned worse than the original mean "
            "等别 (quality), 耕地出 (balance), 建新 (construction land, 增减挂钩), parcels of other townships, "
            "permanent basic farmland 调出."
        )

    def initAlgorithm(self, config=None):  # noqa: N802,D102
        self.add_plan_parameters()
        for key, label in ((PBF_BEFORE, self.tr("Permanent basic farmland before (永久基本农田，整治前)")),
                           (PBF_AFTER, self.tr("Permanent basic farmland after (永久基本农田，整治后)")),
                           (SUBPROJECTS, self.tr("Sub-projects (子项目)"))):
            self.addParameter(
                QgsProcessingParameterFeatureSource(key, label, [QgsProcessing.SourceType.TypeVectorPolygon], optional=True)
            )
        self.parameterDefinition(PBF_BEFORE).setHelp(self.tr("YJJBNTTB layer before the adjustment."))
        self.parameterDefinition(PBF_AFTER).setHelp(self.tr("YJJBNTTB layer after the adjustment."))
        self.parameterDefinition(SUBPROJECTS).setHelp(self.tr("Sub-projects; their year field (SSND) gives the period "
                                                              "when START_YEAR/END_YEAR are not given."))
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

    def compute(self, parameters, context, feedback):  # noqa: D102
        result = self.read_plan(parameters, context, feedback, keep_geometry=True)
        pieces = result.pieces
        cultivated = indicators.cultivated_land(pieces, float(pieces["gross"].sum()))
        construction = indicators.construction_land(pieces)
        thresholds = read_thresholds(self, parameters, context)
        period = self._period(parameters, context, result)
        pbf_rate, pbf_parcels = self._pbf(parameters, context, feedback)
        results = compliance.evaluate(pieces, cultivated, construction, thresholds, pbf_rate, period)
        table = compliance.rules_table(results)
        for row in table.itertuples(index=False):
            feedback.pushInfo(f"[{row.VERDICT}] {row.RULE_NAME}: {row.NOTE}")
        dest = self.write_table_output(parameters, OUTPUT, context, OUTPUT_SPEC, table, feedback)
        outputs = {OUTPUT: dest}
        parcels_dest = self._write_parcels(parameters, context, result, results, pbf_parcels)
        if parcels_dest is not None:
            outputs[OUTPUT_PARCELS] = parcels_dest
        verdicts = [r.passed for r in results]
        outputs[FAILED_COUNT] = sum(1 for v in verdicts if v is False)
        outputs[PASSED_COUNT] = sum(1 for v in verdicts if v is True)
        outputs[UNCHECKED_COUNT] = sum(1 for v in verdicts if v is None)
        return outputs

    def _period(self, parameters, context, result) -> Period | None:
        """START_YEAR/END_YEAR, else the span of the sub-projects' years."""
        years = None
        source = self.parameterAsSource(parameters, SUBPROJECTS, context)
        if source is not None:
            with user_errors():
                years = subprojects_mod.read_subprojects(source, result.before.crs, context.transformContext(),
                                                         repair=self.repair_geometry(parameters, context)).frame["year"]
        return resolve_period((parameters.get(START_YEAR), parameters.get(END_YEAR)), subproject_years=years)

    def _pbf(self, parameters, context, feedback):
        """新增永久基本农田比例 and 调出 parcels through landconsolidation:farmlandadjustment."""
        if not parameters.get(PBF_BEFORE) or not parameters.get(PBF_AFTER):
            return None, None
        from qgis import processing

        child = processing.run(
            algorithm_id("farmlandadjustment"),
            {PBF_BEFORE: parameters[PBF_BEFORE], PBF_AFTER: parameters[PBF_AFTER],
             DLTB: parameters[self.before_key], PROJECT_AREA: parameters.get(PROJECT_AREA),
             OUTPUT: "memory:", OUT_PARCELS: "memory:", IN_PARCELS: "memory:"},
            context=context, feedback=feedback, is_child_algorithm=True,
        )
        out_layer = context.getMapLayer(child[OUT_PARCELS]) if isinstance(child[OUT_PARCELS], str) \
            else child[OUT_PARCELS]
        return child[ADDED_RATIO], out_layer

    def _write_parcels(self, parameters, context, result, results, pbf_parcels):
        fields = QgsFields()
        for name, kind in PARCEL_FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, OUTPUT_PARCELS, context, fields,
                                          QgsWkbTypes.Type.MultiPolygon, result.before.crs)
        if sink is None:
            return None
        pieces = result.pieces
        for r in results:
            if r.passed is not False:
                continue
            if r.culprits is not None:
                for i in [int(i) for i in r.culprits.nonzero()[0]]:
                    feature = QgsFeature(fields)
                    geom = result.geometries[i]
                    geom.convertToMultiType()
                    feature.setGeometry(geom)
                    feature.setAttributes([r.rule, str(pieces["bsm_b"].iat[i]), str(pieces["base_b"].iat[i]),
                                           str(pieces["base_a"].iat[i]), float(pieces["gross"].iat[i]), r.note])
                    sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            if r.rule == "PBF_ADDED" and pbf_parcels is not None:
                for source_feature in pbf_parcels.getFeatures():
                    feature = QgsFeature(fields)
                    geom = source_feature.geometry()
                    geom.convertToMultiType()
                    feature.setGeometry(geom)
                    area = source_feature["AREA_M2"] if "AREA_M2" in source_feature.fields().names() else None
                    bsm = source_feature["BSM"] if "BSM" in source_feature.fields().names() else None
                    feature.setAttributes([r.rule, None if bsm is None else str(bsm), None, None, area, "调出"])
                    sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest
