"""landconsolidation:contiguity – contiguity of cultivated land and fragmentation (I7, I8)."""
from __future__ import annotations

import time

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core import codes as codes_mod
from ...core import contiguity, dltb
from ...core.errors import LandConsolidationError
from ...core.keys import (
    AFTER,
    AFTER_FIELD,
    CODE_FIELD,
    CODES,
    CONNECTOR_CODES,
    INPUT,
    MAX_GAP,
    OUTPUT,
    OUTPUT_COMPARISON,
    OUTPUT_METRICS,
    THRESHOLD_MU,
)
from ...core.units import M2_PER_HA, MU_PER_M2
from ...i18n import tr_noop
from .base import LandConsolidationAlgorithm, user_errors

#: Output number → key of :attr:`core.contiguity.Contiguity.summary`, label.
NUMBERS = [
    ("BLOCK_COUNT", "BLOCK_COUNT", tr_noop("Contiguous blocks")),
    ("BLOCKS_100MU", "BLOCKS_100MU", tr_noop("Blocks of at least 100 mu")),
    ("BLOCKS_500MU", "BLOCKS_500MU", tr_noop("Blocks of at least 500 mu")),
    ("BLOCKS_1000MU", "BLOCKS_1000MU", tr_noop("Blocks of at least 1 000 mu")),
    ("LARGEST_BLOCK_M2", "LARGEST_BLOCK_M2", tr_noop("Largest block (m²)")),
    ("MEAN_BLOCK_M2", "MEAN_BLOCK_M2", tr_noop("Mean block (m²)")),
    ("SHARE_IN_100MU", "SHARE_IN_100MU", tr_noop("Share of the class area in blocks of at least 100 mu (%)")),
    ("SHARE_IN_BLOCKS", "SHARE_IN_BLOCKS", tr_noop("Share of the class area in blocks ≥ THRESHOLD_MU (%)")),
    ("PARCEL_COUNT", "PARCEL_NP", tr_noop("Parcels, NP")),
    ("CLASS_AREA_M2", "PARCEL_CA", tr_noop("Class area Σ TBDLMJ (m²)")),
    ("LANDSCAPE_M2", "LANDSCAPE_M2", tr_noop("Area analysed Σ TBMJ (m²)")),
    ("MEAN_PARCEL_M2", "PARCEL_MEAN", tr_noop("Mean parcel (m²)")),
    ("LPI", "PARCEL_LPI", tr_noop("Largest patch index, parcels (%)")),
    ("PATCH_DENSITY", "PARCEL_PD", tr_noop("Patch density (parcels per 100 ha)")),
    ("MESH_M2", "PARCEL_MESH", tr_noop("Effective mesh size, parcels (m²)")),
    ("MEAN_SHAPE_INDEX", "PARCEL_MSI", tr_noop("Mean shape index")),
    ("SMALL_PARCEL_SHARE", "PARCEL_SMALL_SHARE", tr_noop("Parcels under 5 mu (% of count)")),
    ("BLOCK_LPI", "BLOCK_LPI", tr_noop("Largest patch index, blocks (%)")),
    ("BLOCK_MESH_M2", "BLOCK_MESH", tr_noop("Effective mesh size, blocks (m²)")),
]

BLOCK_FIELDS = [
    ("BLOCK_ID", QVariant.Type.Int),
    ("AREA_M2", QVariant.Type.Double),
    ("AREA_HA", QVariant.Type.Double),
    ("AREA_MU", QVariant.Type.Double),
    ("PARCELS", QVariant.Type.Int),
    ("SIZE_CLASS", QVariant.Type.String),
    ("SHARE", QVariant.Type.Double),
]

METRIC_SPEC = [
    ("GROUP", str),
    ("NP", int),
    ("CA_M2", float),
    ("LANDSCAPE_M2", float),
    ("MEAN_M2", float),
    ("LARGEST_M2", float),
    ("LPI", float),
    ("PD", float),
    ("MESH_M2", float),
    ("MSI", float),
    ("SMALL_SHARE", float),
    ("SMALL_AREA_SHARE", float),
]

COMPARISON_SPEC = [
    ("INDICATOR", str),
    ("NAME", str),
    ("BEFORE", float),
    ("AFTER", float),
    ("CHANGE", float),
]

#: Rows of the before/after table: summary key, Chinese name.
COMPARISON_ROWS = [
    ("BLOCK_COUNT", "连片块数（个）"),
    ("BLOCKS_100MU", "百亩方（≥100亩，个）"),
    ("BLOCKS_500MU", "五百亩方（≥500亩，个）"),
    ("BLOCKS_1000MU", "千亩方（≥1000亩，个）"),
    ("AREA_IN_100MU_M2", "百亩方以上面积（m²）"),
    ("SHARE_IN_100MU", "百亩方以上面积占比（%）"),
    ("LARGEST_BLOCK_M2", "最大连片块面积（m²）"),
    ("MEAN_BLOCK_M2", "平均连片块面积（m²）"),
    ("PARCEL_NP", "图斑数（个）"),
    ("PARCEL_CA", "面积（m²）"),
    ("PARCEL_MEAN", "平均图斑面积（m²）"),
    ("PARCEL_SMALL_SHARE", "5亩以下图斑占比（%）"),
    ("PARCEL_MESH", "有效网格面积 MESH（m²）"),
    ("PARCEL_MSI", "平均形状指数"),
]


class ContiguityAlgorithm(LandConsolidationAlgorithm):
    """Contiguous blocks of cultivated land (100-mu and 1 000-mu blocks) and fragmentation metrics."""

    def name(self) -> str:  # noqa: D102
        return "contiguity"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Farmland contiguity and fragmentation")

    group_id = "indicators"
    output_styles = {OUTPUT: "blocks"}

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Groups the parcels of the chosen classes (cultivated land 0101/0102/0103 by default) into "
            "contiguous blocks and counts the blocks of at least 100, 500 and 1 000 mu, with the "
            "fragmentation metrics of the parcels.\n\n"
            "Two parcels are in one block when they share at least 1 m of boundary (parcels that "
            "meet only at a corner are not joined by that), or when the gap between them is at most "
            "MAX_GAP wide (at most 50 m) and lies wholly on connector parcels (rural roads 1006, ditches "
            "1107, field ridges 1203) no wider than MAX_GAP. A connector's width is XZDWKD, or 2 × area / perimeter where "
            "XZDWKD is empty. A wider road or ditch, a gap wider than MAX_GAP, or anything else in "
            "the gap (a river, a highway, houses) breaks the block. Fields along the same road are not "
            "joined through it, only fields facing each other across it. Each part of a multipart parcel "
            "is a patch of its own, with the parcel's areas in proportion to its ellipsoidal area; the log "
            "names such parcels.\n\n"
            "Block area = Σ TBDLMJ of its parcels (the roads and ditches between them are not "
            "counted); 1 mu = 10 000/15 m². The block layer holds the dissolved parcels of each "
            "block, largest first.\n\n"
            "Fragmentation metrics (FRAGSTATS definitions, each parcel a patch, A = Σ TBMJ of the "
            "area analysed): NP; mean parcel area; LPI = largest patch / A × 100; patch density per "
            "100 ha; MESH = Σ a² / A; mean shape index p / (2√(πa)); share of parcels under 5 mu. "
            "LPI and MESH of the blocks are given too. The metrics table has a row per village "
            "(GROUP_FIELD) and one for all.\n\n"
            "With AFTER (the planned DLTB) or AFTER_FIELD (a planned-code field), the same analysis "
            "is run on the plan and a before/after table shows what the scheme gains (e.g. 3 new "
            "blocks of at least 100 mu)."
        )

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        self.add_dltb_parameter(INPUT)
        self.add_project_area_parameter()
        gap = QgsProcessingParameterNumber(
            MAX_GAP,
            self.tr("Widest gap joining two parcels (m)"),
            QgsProcessingParameterNumber.Type.Double,
            defaultValue=contiguity.DEFAULT_MAX_GAP,
            minValue=0.0,
            maxValue=contiguity.MAX_GAP_LIMIT,
        )
        gap.setHelp(
            self.tr(
                "Parcels separated only by connectors at most this wide count as one block (default 8 m, at most "
                "50 m: a wider gap is not a road or ditch between fields)."
            )
        )
        self.addParameter(gap)
        connectors = QgsProcessingParameterString(
            CONNECTOR_CODES,
            self.tr("Connector codes (do not break a block)"),
            defaultValue=",".join(contiguity.CONNECTOR_CODES),
            optional=True,
        )
        connectors.setHelp(
            self.tr(
                "Comma-separated codes of the linear features that join blocks: rural roads, ditches, field ridges. "
                "Empty: only parcels that touch are joined."
            )
        )
        self.addParameter(connectors)
        classes = QgsProcessingParameterString(
            CODES, self.tr("Codes analysed (default cultivated land)"), defaultValue=",".join(codes_mod.CULTIVATED)
        )
        classes.setHelp(
            self.tr("Comma-separated codes whose parcels form the blocks; suffixed codes match their base.")
        )
        self.addParameter(classes)
        self.add_group_field_parameter(
            INPUT,
            self.tr("Metrics by field (default ZLDWDM, village; empty = whole area only)"),
            self.tr("The metrics table gets one row per value of this field, plus one for all."),
        )
        self.add_code_field_parameter(INPUT)
        threshold = QgsProcessingParameterNumber(
            THRESHOLD_MU,
            self.tr("Block size for SHARE_IN_BLOCKS (mu)"),
            QgsProcessingParameterNumber.Type.Double,
            defaultValue=contiguity.BLOCK_CLASSES_MU[0],
            minValue=0.0,
        )
        threshold.setFlags(threshold.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        threshold.setHelp(self.tr("SHARE_IN_BLOCKS = share of the class area in blocks at least this large."))
        self.addParameter(threshold)
        after = QgsProcessingParameterFeatureSource(
            AFTER,
            self.tr("Planned land use after (DLTB_GH), to compare"),
            [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True,
        )
        after.setHelp(self.tr("Optional planned DLTB; the same analysis is run on it and compared."))
        self.addParameter(after)
        after_field = QgsProcessingParameterField(
            AFTER_FIELD,
            self.tr("…or planned code field on DLTB (e.g. GHDLBM)"),
            parentLayerParameterName=INPUT,
            optional=True,
        )
        after_field.setHelp(self.tr("Optional field holding each parcel's planned code; used when AFTER is not given."))
        self.addParameter(after_field)
        self.addParameter(
            QgsProcessingParameterFeatureSink(OUTPUT, self.tr("Contiguous blocks"), QgsProcessing.SourceType.TypeVectorPolygon)
        )
        metrics = QgsProcessingParameterFeatureSink(
            OUTPUT_METRICS, self.tr("Fragmentation metrics"), QgsProcessing.SourceType.TypeVector, optional=True
        )
        self.addParameter(metrics)
        comparison = QgsProcessingParameterFeatureSink(
            OUTPUT_COMPARISON,
            self.tr("Before / after comparison"),
            QgsProcessing.SourceType.TypeVector,
            optional=True,
            createByDefault=False,
        )
        self.addParameter(comparison)
        for key, _, label in NUMBERS:
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))
        self.addOutput(QgsProcessingOutputNumber("BLOCKS_100MU_AFTER", self.tr("Blocks of at least 100 mu after")))
        self.addOutput(QgsProcessingOutputNumber("NEW_BLOCKS_100MU", self.tr("New blocks of at least 100 mu")))

    def compute(self, parameters, context, feedback):  # noqa: D102
        source, whole, after_source, after_fields = self._sources(parameters, context)
        repair = self.repair_geometry(parameters, context)
        compare = after_source is not None or bool(after_fields)
        steps = QgsProcessingMultiStepFeedback(6 if compare else 4, feedback)
        max_gap = self.parameterAsDouble(parameters, MAX_GAP, context)
        threshold = self.parameterAsDouble(parameters, THRESHOLD_MU, context)
        code_fields = self.parameterAsFields(parameters, CODE_FIELD, context)
        started = time.perf_counter()
        with user_errors():
            codes, connectors, area = self._codes_and_area(parameters, context, source)
            group_field = self.group_field(parameters, context, source, feedback,
                                           self.tr("No ZLDWDM field: metrics for the whole area only."))
            overrides = {"code": code_fields[0]} if code_fields else None
            parcels = contiguity.read_parcels(
                whole,
                codes + connectors,
                project_area=area,
                overrides=overrides,
                group_field=group_field,
                repair=repair,
                progress=steps.setProgress,
                is_canceled=feedback.isCanceled,
            )
            steps.setCurrentStep(1)
            result = contiguity.analyse(parcels, codes, connectors, max_gap, threshold, feedback.isCanceled)
            steps.setCurrentStep(2)
            geometries, notes = contiguity.block_geometries(result, feedback.isCanceled)
            after_result = None
            if compare:
                steps.setCurrentStep(3)
                after_result = self._after(
                    parameters, context, after_source, after_fields, whole, source, codes, connectors,
                    max_gap, threshold, area, repair, feedback,
                )
        for note in parcels.notes + result.notes + notes:
            feedback.pushWarning(note)
        for note in after_result.notes if after_result is not None else []:
            feedback.pushWarning(note)
        steps.setCurrentStep(5 if compare else 3)
        dest_id = self._write_blocks(parameters, context, source, result, geometries, feedback)
        outputs = {OUTPUT: dest_id}
        metrics = contiguity.group_metrics(result)
        metrics_id = self._write_metrics(parameters, context, metrics, feedback)
        if metrics_id is not None:
            outputs[OUTPUT_METRICS] = metrics_id
        summary = result.summary
        for key, name, _ in NUMBERS:
            value = summary[name]
            outputs[key] = int(value) if isinstance(value, (int, np.integer)) else float(value)
        if after_result is not None:
            comparison = self._comparison(summary, after_result.summary)
            table_id = self._write_optional_table(
                parameters, OUTPUT_COMPARISON, context, COMPARISON_SPEC, comparison, feedback
            )
            if table_id is not None:
                outputs[OUTPUT_COMPARISON] = table_id
            outputs["BLOCKS_100MU_AFTER"] = int(after_result.summary["BLOCKS_100MU"])
            outputs["NEW_BLOCKS_100MU"] = int(after_result.summary["BLOCKS_100MU"] - summary["BLOCKS_100MU"])
            self._log_comparison(comparison, feedback)
        self._log(result, time.perf_counter() - started, feedback)
        return outputs

    def summaries(self, parameters, context, feedback) -> tuple[dict, dict | None]:
        """The run's figures (the numeric outputs, by key) before and after, without block outlines or outputs.

        For the workbook's table 7: the same reading and analysis as
        :meth:`compute`, the parameters not given taking their defaults; the
        after side from ``AFTER`` or ``AFTER_FIELD`` (None without either).
        """
        source, whole, after_source, after_fields = self._sources(parameters, context)
        repair = self.repair_geometry(parameters, context)
        max_gap = self.parameterAsDouble(parameters, MAX_GAP, context)
        threshold = self.parameterAsDouble(parameters, THRESHOLD_MU, context)
        code_fields = self.parameterAsFields(parameters, CODE_FIELD, context)
        started = time.perf_counter()
        with user_errors():
            codes, connectors, area = self._codes_and_area(parameters, context, source)
            parcels = contiguity.read_parcels(whole, codes + connectors, project_area=area,
                                              overrides={"code": code_fields[0]} if code_fields else None,
                                              repair=repair, is_canceled=feedback.isCanceled)
            result = contiguity.analyse(parcels, codes, connectors, max_gap, threshold, feedback.isCanceled)
            seconds = [time.perf_counter() - started]
            after_result = None
            if after_source is not None or after_fields:
                after_result = self._after(parameters, context, after_source, after_fields, whole, source, codes,
                                           connectors, max_gap, threshold, area, repair, feedback)
                seconds.append(time.perf_counter() - started - seconds[0])
        for note in parcels.notes + result.notes + (after_result.notes if after_result is not None else []):
            feedback.pushWarning(note)

        def numbers(summary):
            return {key: int(summary[name]) if isinstance(summary[name], (int, np.integer)) else float(summary[name])
                    for key, name, _ in NUMBERS}

        if after_result is not None:
            feedback.pushInfo(self.tr("Before:"))
        self._log(result, seconds[0], feedback)
        if after_result is not None:
            feedback.pushInfo(self.tr("After:"))
            self._log(after_result, seconds[1], feedback)
        return numbers(result.summary), numbers(after_result.summary) if after_result is not None else None

    # -- helpers ---------------------------------------------------------

    def _sources(self, parameters, context) -> tuple:
        """``(source, whole layer or source, after source, after fields)`` of a run."""
        source = self.parameterAsSource(parameters, INPUT, context)
        if source is None:
            raise self.invalid_source(parameters, INPUT)
        # The layer itself when used whole, so that the DLTB reader can read it through GDAL.
        whole = self.whole_layer_or_source(parameters, INPUT, context)
        return (source, whole, self.parameterAsSource(parameters, AFTER, context),
                self.parameterAsFields(parameters, AFTER_FIELD, context))

    def _codes_and_area(self, parameters, context, source) -> tuple:
        """``(codes analysed, connector codes, project area)``; raises on empty CODES or a geographic CRS."""
        codes = codes_mod.parse_codes(self.parameterAsString(parameters, CODES, context), label=CODES)
        connectors = codes_mod.parse_codes(self.parameterAsString(parameters, CONNECTOR_CODES, context),
                                           label=CONNECTOR_CODES)
        if not codes:
            raise LandConsolidationError(self.tr("CODES is empty: give the codes to analyse, e.g. 0101,0102,0103."))
        crs = dltb.check_projected(source)
        return codes, connectors, self.project_area(parameters, context, crs)

    def _after(self, parameters, context, after_source, after_fields, whole, source, codes, connectors,
               max_gap, threshold, area, repair, feedback):
        if after_source is not None:
            after = self.whole_layer_or_source(parameters, AFTER, context)
            if after_source.sourceCrs() != source.sourceCrs():
                # Reprojected to the DLTB's CRS, as every input is (PROCESSING_API.md).
                request = QgsFeatureRequest().setDestinationCrs(source.sourceCrs(), context.transformContext())
                after = after_source.materialize(request, feedback)
            dltb.check_projected(after)
            parcels = contiguity.read_parcels(
                after,
                codes + connectors,
                project_area=area,
                repair=repair,
                is_canceled=feedback.isCanceled,
            )
        else:
            code_fields = self.parameterAsFields(parameters, CODE_FIELD, context)
            parcels = contiguity.read_parcels(
                whole,
                codes + connectors,
                project_area=area,
                overrides={"code": code_fields[0]} if code_fields else None,
                planned_field=after_fields[0],
                repair=repair,
                is_canceled=feedback.isCanceled,
            )
        return contiguity.analyse(parcels, codes, connectors, max_gap, threshold, feedback.isCanceled)

    def _write_blocks(self, parameters, context, source, result, geometries, feedback) -> str:
        fields = QgsFields()
        for name, kind in BLOCK_FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(
            parameters, OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, OUTPUT))
        class_area = result.summary["PARCEL_CA"]
        for block, geom in enumerate(geometries):
            if feedback.isCanceled():
                break
            area = float(result.blocks.area[block])
            feature = QgsFeature(fields)
            feature.setGeometry(geom)
            feature.setAttributes(
                [
                    block + 1,
                    round(area, 2),
                    round(area / M2_PER_HA, 4),
                    round(area * MU_PER_M2, 2),
                    int(result.blocks.parcels[block]),
                    contiguity.size_class(area),
                    round(area / class_area * 100.0, 4) if class_area else 0.0,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest_id

    def _write_metrics(self, parameters, context, metrics, feedback):
        frame = metrics.rename(
            columns={"CA": "CA_M2", "MEAN": "MEAN_M2", "LARGEST": "LARGEST_M2", "MESH": "MESH_M2"}
        )
        return self._write_optional_table(parameters, OUTPUT_METRICS, context, METRIC_SPEC, frame, feedback)

    def _write_optional_table(self, parameters, key, context, spec, frame, feedback):
        if parameters.get(key) is None:
            return None
        return self.write_table_output(parameters, key, context, spec, frame, feedback)

    @staticmethod
    def _comparison(before: dict, after: dict):
        import pandas as pd

        rows = []
        for key, name in COMPARISON_ROWS:
            b = float(before[key])
            a = float(after[key])
            rows.append({"INDICATOR": key, "NAME": name, "BEFORE": b, "AFTER": a, "CHANGE": a - b})
        return pd.DataFrame(rows)

    def _log_comparison(self, comparison, feedback):
        feedback.pushInfo(self.tr("Before → after:"))
        for row in comparison.itertuples(index=False):
            feedback.pushInfo(f"  {row.NAME}: {row.BEFORE:.2f} → {row.AFTER:.2f} ({row.CHANGE:+.2f})")
        new = comparison.set_index("INDICATOR").loc["BLOCKS_100MU", "CHANGE"]
        if new > 0:
            feedback.pushInfo(self.tr("  {n} new block(s) of at least 100 mu").format(n=int(new)))

    def _log(self, result, seconds, feedback):
        s = result.summary
        feedback.pushInfo(
            self.tr(
                "{np} parcels, {ca:.2f} m² ({mu:.2f} mu) in {blocks} blocks; ≥ 100 mu: {b100}, ≥ 500 mu: {b500}, "
                "≥ 1 000 mu: {b1000}; largest block {largest:.2f} mu; {share:.2f} % of the area in blocks of at "
                "least 100 mu."
            ).format(
                np=s["PARCEL_NP"], ca=s["PARCEL_CA"], mu=s["PARCEL_CA"] * MU_PER_M2, blocks=s["BLOCK_COUNT"],
                b100=s["BLOCKS_100MU"], b500=s["BLOCKS_500MU"], b1000=s["BLOCKS_1000MU"],
                largest=s["LARGEST_BLOCK_M2"] * MU_PER_M2, share=s["SHARE_IN_100MU"],
            )
        )
        feedback.pushInfo(
            self.tr(
                "Connectors: {used} narrow enough to join, {wide} wider than MAX_GAP; {corner} corner-only "
                "contacts not joined; {rejected} narrow gaps refused (something other than a connector in "
                "them). Run time {t:.1f} s."
            ).format(
                used=result.connectors_used, wide=result.connectors_wide, corner=s["CORNER_CONTACTS"],
                rejected=s["REJECTED_GAPS"], t=seconds,
            )
        )
