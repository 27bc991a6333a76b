"""landconsolidation:ecologicalland – 生态用地 before/after (I11)."""
from __future__ import annotations

from qgis.core import QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink

from ...core import indicators, plan
from ...core.keys import OUTPUT
from .base import LandConsolidationAlgorithm

OUTPUT_SPEC = [("CLASS", str), ("CLASS_NAME", str), ("BEFORE_M2", float), ("AFTER_M2", float), ("CHANGE_M2", float)]


class EcologicalLandAlgorithm(LandConsolidationAlgorithm):
    """湿地, 林地, 草地, 水域 before and after."""

    def name(self) -> str:  # noqa: D102
        return "ecologicalland"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Ecological land")

    group_id = "indicators"

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Wetland (the land-survey first-level class 00: 0303, 0304, 0306, 0402, 0603, 1105, 1106, 1108), "
            "forest land (03), grassland (04) and water and water facilities (11) before and after, class areas "
            "(TBDLMJ). Wetland codes count under wetland only, as in the land-survey tables. The CLASS_NAME field "
            "is in Chinese, as in those tables."
        )

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        self.add_plan_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, self.tr("Ecological land"), QgsProcessing.SourceType.TypeVector))
        for key, _, _ in indicators.ECOLOGICAL:
            label = self.tr(indicators.ECOLOGICAL_LABELS[key])
            before = self.tr("{name} before (m²)").format(name=label)
            after = self.tr("{name} after (m²)").format(name=label)
            self.addOutput(QgsProcessingOutputNumber(f"{key.upper()}_BEFORE_M2", before))
            self.addOutput(QgsProcessingOutputNumber(f"{key.upper()}_AFTER_M2", after))

    def compute(self, parameters, context, feedback):  # noqa: D102
        result = self.read_plan(parameters, context, feedback, roles=plan.PIECE_ROLES)
        table = indicators.ecological_land(result.pieces)
        outputs = {}
        for row in table.itertuples(index=False):
            feedback.pushInfo(self.tr("{name}: {before:.2f} m² before, {after:.2f} m² after.").format(
                name=self.tr(indicators.ECOLOGICAL_LABELS[row.CLASS]), before=row.BEFORE_M2, after=row.AFTER_M2))
            outputs[f"{row.CLASS.upper()}_BEFORE_M2"] = row.BEFORE_M2
            outputs[f"{row.CLASS.upper()}_AFTER_M2"] = row.AFTER_M2
        dest = self.write_table_output(parameters, OUTPUT, context, OUTPUT_SPEC, table, feedback)
        return {OUTPUT: dest, **outputs}
