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
    ("CONSTRUCTION_BEFORE_M2", tr_noop("Construction land before (m²)")),
    ("CONSTRUCTION_AFTER_M2", tr_noop("Construction land after (m²)")),
    ("RURAL_BEFORE_M2", tr_noop("Rural construction land before (m²)")),
    ("RURAL_AFTER_M2", tr_noop("Rural construction land after (m²)")),
    ("RECLAIMED_M2", tr_noop("Reclaimed: construction land planned as other land (m²)")),
    ("RECLAIMED_TO_CULTIVATED_M2", tr_noop("…of which to cultivated land (m²)")),
    ("RECLAIMED_TO_AGRICULTURAL_M2", tr_noop("…of which to other agricultural land (m²)")),
    ("RECLAIMED_TO_UNUSED_M2", tr_noop("…of which to unused land (m²)")),
    ("NEW_BUILD_M2", tr_noop("New construction: other land planned as construction land (m²)")),
    ("SURPLUS_M2", tr_noop("Surplus = reclaimed − new construction (m²)")),
)
OUTPUT_SPEC = [("SUBPROJECT", str), ("NAME", str), ("TYPE", str), ("RECLAIMED_M2", float),
               ("RECLAIMED_TO_CULTIVATED_M2", float), ("NEW_BUILD_M2", float), ("SURPLUS_M2", float)]


class ConstructionLandAlgorithm(LandConsolidationAlgorithm):
    """建设用地 before/after, rural construction land and the 增减挂钩 ledger."""

    def name(self) -> str:  # noqa: D102
        return "constructionland"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Construction land and linkage")

    group_id = "indicators"

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Construction land is the land-survey category of construction land (class areas, TBDLMJ). Rural "
            "construction land = construction land with CZCSXM 203/203A (villages), any 0702, and 0601/0602 "
            "outside cities and towns (CZCSXM not 201/202).\n\n"
            "The urban-rural linkage (demolition and reclamation against new construction) from the transitions "
            "(gross piece areas): reclaimed (RECLAIMED_M2) = construction land planned as non-construction land, "
            "split into cultivated land and other agricultural land; new construction (NEW_BUILD_M2) = "
            "non-construction land planned as construction land; surplus = reclaimed − new construction. The rule "
            "is new construction ≤ reclaimed and construction land not increased.\n\n"
            "With a sub-project layer, OUTPUT has one row per sub-project (the part of each change inside it) "
            "and a total row; without it, only the total row."
        )

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        self.add_plan_parameters()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                SUBPROJECTS, self.tr("Sub-projects"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
            )
        )
        self.parameterDefinition(SUBPROJECTS).setHelp(
            self.tr("Polygons of the sub-projects (fields XMMC name, XMLX type are used when present).")
        )
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, self.tr("Linkage ledger"), QgsProcessing.SourceType.TypeVector))
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
        feedback.pushInfo(self.tr(
            "Construction land {before:.2f} m² before, {after:.2f} m² after; reclaimed {reclaimed:.2f} m², new "
            "construction {new:.2f} m², surplus {surplus:.2f} m².").format(
            before=land.before_m2, after=land.after_m2, reclaimed=land.reclaimed_m2, new=land.new_build_m2,
            surplus=land.surplus_m2))
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
