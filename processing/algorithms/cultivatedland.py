"""landconsolidation:cultivatedland – 新增耕地、进出平衡、质量 (I3–I5)."""
from __future__ import annotations

from qgis.core import QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink

from ...core import indicators, plan
from ...core.keys import OUTPUT
from ...core.values import to_number_or_none
from ...i18n import tr_noop
from .base import LandConsolidationAlgorithm

NUMBERS = (
    ("CULTIVATED_BEFORE_M2", tr_noop("耕地 before, Σ TBDLMJ (m²)")),
    ("CULTIVATED_AFTER_M2", tr_noop("耕地 after, Σ TBDLMJ (m²)")),
    ("ADDED_M2", tr_noop("新增耕地 (m²)")),
    ("ADDED_RATE", tr_noop("新增耕地 rate, % of 耕地 before")),
    ("ADDED_RATE_OF_PROJECT_AREA", tr_noop("新增耕地 rate, % of the project area")),
    ("OUT_M2", tr_noop("耕地出: 耕地 to other 农用地 (m²)")),
    ("IN_M2", tr_noop("耕地进: other 农用地 to 耕地 (m²)")),
    ("OUT_QUALITY", tr_noop("耕地出 mean 等别")),
    ("IN_QUALITY", tr_noop("耕地进 mean 等别")),
    ("QUALITY_BEFORE", tr_noop("Mean 等别 of 耕地 before")),
    ("QUALITY_AFTER", tr_noop("Mean 等别 of 耕地 after")),
    ("OCCUPIED_M2", tr_noop("耕地 to 建设用地/未利用地 (m²)")),
    ("BALANCED", tr_noop("进出平衡 in area and quality (1 = yes)")),
    ("ADDED_QUALITY", tr_noop("Mean 等别 of 新增耕地")),
    ("ADDED_UNGRADED_M2", tr_noop("新增耕地 without 等别 (m²)")),
)
OUTPUT_SPEC = [("SOURCE", str), ("SOURCE_NAME", str), ("AREA_M2", float), ("PADDY_M2", float),
               ("IRRIGATED_M2", float), ("DRY_M2", float), ("QUALITY", float), ("PIECES", int)]


class CultivatedLandAlgorithm(LandConsolidationAlgorithm):
    """新增耕地 by source and by 水田/水浇地/旱地, 进出平衡, 等别 before/after."""

    def name(self) -> str:  # noqa: D102
        return "cultivatedland"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Cultivated land: added, in/out balance, quality (新增耕地与进出平衡)")

    group_id = "indicators"

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "耕地 (0101/0102/0103) before and after on the TBDLMJ basis (田坎 excluded): 新增耕地 = 耕地 after − "
            "耕地 before. ADDED_RATE is the policy's rate, against the original 耕地; ADDED_RATE_OF_PROJECT_AREA is "
            "against the project area's Σ TBMJ (both in %).\n\n"
            "The OUTPUT table splits 新增耕地 by source: 建设用地复垦, K-coded restorable plots, 园地/林地/草地, "
            "坑塘, 未利用地, other 农用地, the change inside land that stays 耕地 (田坎 coefficient; a change of type "
            "moves its area between the 水田/水浇地/旱地 columns), and 耕地 lost (negative); "
            "the rows add up to the 合计 row = ADDED_M2, and the columns split each row by the planned 水田/水浇地/"
            "旱地 (a loss by the current one). QUALITY is the area-weighted mean 等别 (GDDB; 1 best, 15 worst).\n\n"
            "进出平衡: 出 = 耕地 planned as other 农用地 (incl. 设施农用地), measured before; 进 = other 农用地 "
            "planned as 耕地, measured after; balanced when 进 ≥ 出 and the mean 等别 of 进 is not larger than that "
            "of 出. 耕地 from 建设用地 or 未利用地 is 新增耕地 but not part of 进出平衡."
        ) + "\n\n" + self.tr(
            "ADDED_QUALITY is the area-weighted mean 等别 of 新增耕地 on its own (pieces not 耕地 now and planned as "
            "耕地); ADDED_UNGRADED_M2 the part of it without a planned 等别 (give NEW_CULTIVATED_GRADE or the "
            "planned 等别 field). BALANCED is 0 while 进 or 出 has 耕地 without 等别."
        )

    def initAlgorithm(self, config=None):  # noqa: N802,D102
        self.add_plan_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, self.tr("新增耕地 by source"), QgsProcessing.SourceType.TypeVector))
        for key, label in NUMBERS:
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))

    def compute(self, parameters, context, feedback):  # noqa: D102
        result = self.read_plan(parameters, context, feedback, roles=plan.PIECE_ROLES)
        project_m2 = float(result.pieces["gross"].sum())
        land = indicators.cultivated_land(result.pieces, project_m2)
        for note in land.notes:
            feedback.pushWarning(note)
        if land.added_ungraded_m2 > indicators.UNGRADED_TOLERANCE_M2:
            feedback.pushWarning(self.tr("{area:.2f} m² of 新增耕地 have no 等别; the means and the quality rules leave "
                                         "them out. Give NEW_CULTIVATED_GRADE or the planned 等别 field.").format(
                area=land.added_ungraded_m2))
        feedback.pushInfo(
            f"耕地 {land.before_m2:.2f} → {land.after_m2:.2f} m²；新增 {land.added_m2:.2f} m² "
            f"（占原耕地 {land.added_rate:.2f}%，占项目区 {land.added_rate_of_project_area:.2f}%）"
        )
        feedback.pushInfo(
            f"进出平衡：出 {land.out_m2:.2f} m²（等别 {land.out_quality:.2f}），进 {land.in_m2:.2f} m²"
            f"（等别 {land.in_quality:.2f}）；{'平衡' if land.balanced_area and land.balanced_quality else '不平衡'}"
        )
        dest = self.write_table_output(parameters, OUTPUT, context, OUTPUT_SPEC, land.sources, feedback)
        values = {
            "CULTIVATED_BEFORE_M2": land.before_m2,
            "CULTIVATED_AFTER_M2": land.after_m2,
            "ADDED_M2": land.added_m2,
            "ADDED_RATE": land.added_rate,
            "ADDED_RATE_OF_PROJECT_AREA": land.added_rate_of_project_area,
            "OUT_M2": land.out_m2,
            "IN_M2": land.in_m2,
            "OUT_QUALITY": land.out_quality,
            "IN_QUALITY": land.in_quality,
            "QUALITY_BEFORE": land.quality_before,
            "QUALITY_AFTER": land.quality_after,
            "OCCUPIED_M2": land.occupied_m2,
            "BALANCED": int(land.balanced_area and land.balanced_quality),
            "ADDED_QUALITY": land.added_quality,
            "ADDED_UNGRADED_M2": land.added_ungraded_m2,
        }
        return {OUTPUT: dest, **{k: to_number_or_none(v) for k, v in values.items()}}
