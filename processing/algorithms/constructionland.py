"""landconsolidation:constructionland – 建设用地与增减挂钩 (I9, I10)."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ...core import subprojects as subprojects_mod
from ...core.keys import OUTPUT, SUBPROJECTS
from ...i18n import tr_noop
from .base import LandConsolidationAlgorithm, user_errors

NUMBERS = (
    ("CONSTRUCTION_BEFORE_M2", tr_noop("建设用地 before (m²)")),
    ("CONSTRUCTION_AFTER_M2", tr_noop("建设用地 after (m²)")),
    ("RURAL_BEFORE_M2", tr_noop("Rural construction land before (m²)")),
    ("RURAL_AFTER_M2", tr_noop("Rural construction land after (m²)")),
    ("RECLAIMED_M2", tr_noop("拆旧复垦: 建设用地 planned as non-construction (m²)")),
    ("RECLAIMED_TO_CULTIVATED_M2", tr_noop("…of which to 耕地 (m²)")),
    ("RECLAIMED_TO_AGRICULTURAL_M2", tr_noop("…of which to other 农用地 (m²)")),
    ("RECLAIMED_TO_UNUSED_M2", tr_noop("…of which to 未利用地 (m²)")),
    ("NEW_BUILD_M2", tr_noop("建新: non-construction planned as 建设用地 (m²)")),
    ("SURPLUS_M2", tr_noop("节余 = 拆旧复垦 − 建新 (m²)")),
)
OUTPUT_SPEC = [("SUBPROJECT", str), ("NAME", str), ("TYPE", str), ("RECLAIMED_M2", float),
               ("RECLAIMED_TO_CULTIVATED_M2", float), ("NEW_BUILD_M2", float), ("SURPLUS_M2", float)]


class ConstructionLandAlgorithm(LandConsolidationAlgorithm):
    """建设用地 before/after, rural construction land and the 增减挂钩 ledger."""

    def name(self) -> str:  # noqa: D102
        return "constructionland"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Construction land and 增减挂钩 (建设用地与拆旧建新)")

    group_id = "indicators"

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "建设用地 is the 三调 三大类 建设用地 (class areas, TBDLMJ). Rural construction land = 建设用地 with "
            "CZCSXM 203/203A (村庄), any 0702, and 0601/0602 outside 城市/建制镇 (CZCSXM not 201/202).\n\n"
            "增减挂钩 from the transitions (gross piece areas): 拆旧复垦 (RECLAIMED_M2) = 建设用地 planned as "
            "non-construction land, split into 耕地 / other 农用地; 建新 (NEW_BUILD_M2) = non-construction land "
            "planned as 建设用地; 节余 = 拆旧复垦 − 建新. The rule is 建新 ≤ 拆旧复垦 and 建设用地 not increased.\n\n"
            "With a sub-project layer, OUTPUT has one row per sub-project (the part of each change inside it) "
            "and a 合计 row; without it, only the 合计 row."
        )

    def initAlgorithm(self, config=None):  # noqa: N802,D102
        self.add_plan_parameters()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                SUBPROJECTS, self.tr("Sub-projects (子项目)"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
            )
        )
        self.parameterDefinition(SUBPROJECTS).setHelp(
            self.tr("Polygons of the sub-projects (fields XMMC name, XMLX type are used when present).")
        )
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, self.tr("增减挂钩 ledger"), QgsProcessing.SourceType.TypeVector))
        for key, label in NUMBERS:
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))

    def compute(self, parameters, context, feedback):  # noqa: D102
        from ...core import indicators
        from ...core.plan import PIECE_ROLES

        sub_source = self.parameterAsSource(parameters, SUBPROJECTS, context)
        result = self.read_plan(parameters, context, feedback, keep_geometry=sub_source is not None,
                                roles=PIECE_ROLES)
        land = indicators.construction_land(result.pieces)
        with user_errors():
            ledger = subprojects_mod.linkage_ledger(result, sub_source, land,
                                                      repair=self.repair_geometry(parameters, context))
        feedback.pushInfo(
            f"建设用地 {land.before_m2:.2f} → {land.after_m2:.2f} m²；拆旧复垦 {land.reclaimed_m2:.2f}，"
            f"建新 {land.new_build_m2:.2f}，节余 {land.surplus_m2:.2f} m²"
        )
        dest = self.write_table_output(parameters, OUTPUT, context, OUTPUT_SPEC, ledger, feedback)
        return {
            OUTPUT: dest,
            "CONSTRUCTION_BEFORE_M2": land.before_m2,
            "CONSTRUCTION_AFTER_M2": land.after_m2,
            "RURAL_BEFORE_M2": land.rural_before_m2,
            "RURAL_AFTER_M2": land.rural_after_m2,
            "RECLAIMED_M2": land.reclaimed_m2,
            "RECLAIMED_TO_CULTIVATED_M2": land.reclaimed_to_cultivated_m2,
            "RECLAIMED_TO_AGRICULTURAL_M2": land.reclaimed_to_agricultural_m2,
            "RECLAIMED_TO_UNUSED_M2": land.reclaimed_to_unused_m2,
            "NEW_BUILD_M2": land.new_build_m2,
            "SURPLUS_M2": land.surplus_m2,
        }
