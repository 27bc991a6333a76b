"""landconsolidation:transitionmatrix – 土地利用转移矩阵 (I2)."""
from __future__ import annotations

from qgis.core import QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink

from ...core import indicators, plan
from ...core.keys import CHANGED_M2, OUTPUT, TOTAL_M2
from .base import LandConsolidationAlgorithm

OUTPUT_SPEC = [("FROM_DLBM", str), ("FROM_DLMC", str), ("TO_DLBM", str), ("TO_DLMC", str), ("AREA_M2", float)]


class TransitionMatrixAlgorithm(LandConsolidationAlgorithm):
    """Before class × after class, gross area of the overlay pieces."""

    def name(self) -> str:  # noqa: D102
        return "transitionmatrix"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Land-use transition matrix")

    group_id = "indicators"

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Area moving from each current class to each planned class, one row per (FROM_DLBM, TO_DLBM) pair "
            "with an area; unchanged land is on the diagonal (FROM = TO).\n\n"
            "Basis: the gross area of each overlay piece, i.e. its share of the current parcel's TBMJ (field "
            "ridges included in the parcel's class), so the rows of a FROM class add up to the current Σ TBMJ of that "
            "class and the columns to the planned structure measured on the same TBMJ. Suffixed codes count as "
            "their base code.\n\n"
            "The plan is a planned DLTB layer (overlaid; boundaries need not match, classes may differ on the two "
            "sides) or a planned-code field on the current DLTB. Parts of the current layer that the planned "
            "layer does not cover are an error by default (UNCOVERED)."
        )

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        self.add_plan_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, self.tr("Transition matrix"), QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputNumber(CHANGED_M2, self.tr("Area changing class (m²)")))
        self.addOutput(QgsProcessingOutputNumber(TOTAL_M2, self.tr("Total area (m²)")))

    def compute(self, parameters, context, feedback):  # noqa: D102
        result = self.read_plan(parameters, context, feedback, roles=plan.PIECE_ROLES)
        matrix = indicators.transition_matrix(result.pieces)
        changed = float(matrix.loc[matrix["FROM_DLBM"] != matrix["TO_DLBM"], "AREA_M2"].sum())
        for row in matrix.itertuples(index=False):
            if row.FROM_DLBM != row.TO_DLBM:
                feedback.pushInfo(self.tr("{source} → {target}: {area:.2f} m².").format(
                    source=row.FROM_DLBM, target=row.TO_DLBM, area=row.AREA_M2))
        dest = self.write_table_output(parameters, OUTPUT, context, OUTPUT_SPEC, matrix, feedback)
        return {OUTPUT: dest, CHANGED_M2: changed, TOTAL_M2: float(matrix["AREA_M2"].sum())}
