"""landconsolidation:cultivatedland – 新增耕地、进出平衡、质量 (I3–I5)."""
from __future__ import annotations

from qgis.core import QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink

from ...core import indicators, plan
from ...core.keys import OUTPUT
from ...core.units import number_text
from ...core.values import to_number_or_none
from ...i18n import tr_noop
from .base import LandConsolidationAlgorithm

NUMBERS = (
    ("CULTIVATED_BEFORE_M2", tr_noop("Cultivated land before, Σ TBDLMJ (m²)")),
    ("CULTIVATED_AFTER_M2", tr_noop("Cultivated land after, Σ TBDLMJ (m²)")),
    ("ADDED_M2", tr_noop("New cultivated land (m²)")),
    ("ADDED_RATE", tr_noop("New cultivated land rate, % of the cultivated land before")),
    ("ADDED_RATE_OF_PROJECT_AREA", tr_noop("New cultivated land rate, % of the project area")),
    ("OUT_M2", tr_noop("Cultivated land out: to other agricultural land (m²)")),
    ("IN_M2", tr_noop("Cultivated land in: from other agricultural land (m²)")),
    ("OUT_QUALITY", tr_noop("Mean quality grade of the cultivated land out")),
    ("IN_QUALITY", tr_noop("Mean quality grade of the cultivated land in")),
    ("QUALITY_BEFORE", tr_noop("Mean quality grade of the cultivated land before")),
    ("QUALITY_AFTER", tr_noop("Mean quality grade of the cultivated land after")),
    ("OCCUPIED_M2", tr_noop("Cultivated land to construction or unused land (m²)")),
    ("BALANCED", tr_noop("In/out balance met in area and quality (1 = yes)")),
    ("ADDED_QUALITY", tr_noop("Mean quality grade of the new cultivated land")),
    ("ADDED_UNGRADED_M2", tr_noop("New cultivated land without a quality grade (m²)")),
)
OUTPUT_SPEC = [("SOURCE", str), ("SOURCE_NAME", str), ("AREA_M2", float), ("PADDY_M2", float),
               ("IRRIGATED_M2", float), ("DRY_M2", float), ("QUALITY", float), ("PIECES", int)]


class CultivatedLandAlgorithm(LandConsolidationAlgorithm):
    """新增耕地 by source and by 水田/水浇地/旱地, 进出平衡, 等别 before/after."""

    def name(self) -> str:  # noqa: D102
        return "cultivatedland"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Cultivated land: added, in/out balance, quality")

    group_id = "indicators"

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Cultivated land (0101/0102/0103) before and after on the TBDLMJ basis (field ridges excluded): new "
            "cultivated land = cultivated land after − cultivated land before. ADDED_RATE is the policy's rate, "
            "against the original cultivated land; ADDED_RATE_OF_PROJECT_AREA is against the project area's "
            "Σ TBMJ (both in %).\n\n"
            "The OUTPUT table splits the new cultivated land by source: reclaimed construction land, K-coded "
            "restorable plots, garden/forest/grassland, ponds, unused land, other agricultural land, the change "
            "inside land that stays cultivated (field-ridge coefficient; a change of type moves its area between "
            "the paddy, irrigated and dry columns), and cultivated land lost (negative); the rows add up to the "
            "total row = ADDED_M2, and the columns split each row by the planned type (paddy, irrigated, dry; a "
            "loss by the current one). QUALITY is the area-weighted mean quality grade (GDDB; 1 best, 15 worst)."
            "\n\n"
            "In/out balance: out = cultivated land planned as other agricultural land (including facility "
            "agricultural land), measured before; in = other agricultural land planned as cultivated land, "
            "measured after; balanced when in ≥ out and the mean grade of the land in is not larger than that "
            "of the land out. Cultivated land from construction or unused land is new cultivated land but not "
            "part of the in/out balance."
        ) + "\n\n" + self.tr(
            "ADDED_QUALITY is the area-weighted mean quality grade of the new cultivated land on its own (pieces "
            "not cultivated now and planned as cultivated land); ADDED_UNGRADED_M2 the part of it without a "
            "planned grade (give NEW_CULTIVATED_GRADE or the planned-grade field). BALANCED is 0 while the land "
            "in or out has cultivated land without a grade."
        )

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        self.add_plan_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, self.tr("New cultivated land by source"), QgsProcessing.SourceType.TypeVector))
        for key, label in NUMBERS:
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))

    def compute(self, parameters, context, feedback):  # noqa: D102
        result = self.read_plan(parameters, context, feedback, roles=plan.PIECE_ROLES)
        project_m2 = float(result.pieces["gross"].sum())
        land = indicators.cultivated_land(result.pieces, project_m2)
        for note in land.notes:
            feedback.pushWarning(note)
        if land.added_ungraded_m2 > indicators.UNGRADED_TOLERANCE_M2:
            feedback.pushWarning(self.tr("{area:.2f} m² of new cultivated land have no quality grade; the means and "
                                         "the quality rules leave them out. Give NEW_CULTIVATED_GRADE or the planned-"
                                         "grade field.").format(area=land.added_ungraded_m2))
        feedback.pushInfo(self.tr(
            "Cultivated land {before:.2f} m² before, {after:.2f} m² after; new cultivated land {added:.2f} m² "
            "({rate:.2f} % of the original cultivated land, {share:.2f} % of the project area).").format(
            before=land.before_m2, after=land.after_m2, added=land.added_m2, rate=land.added_rate,
            share=land.added_rate_of_project_area))
        balanced = land.balanced_area and land.balanced_quality
        feedback.pushInfo((self.tr(
            "In/out balance: {out:.2f} m² out (mean grade {out_grade}), {into:.2f} m² in (mean grade "
            "{in_grade}); balanced.") if balanced else self.tr(
            "In/out balance: {out:.2f} m² out (mean grade {out_grade}), {into:.2f} m² in (mean grade "
            "{in_grade}); not balanced.")).format(out=land.out_m2, out_grade=number_text(land.out_quality),
                                                  into=land.in_m2, in_grade=number_text(land.in_quality)))
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
