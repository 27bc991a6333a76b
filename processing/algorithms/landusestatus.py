"""landconsolidation:landusestatus – 土地利用现状统计 (I1)."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
)

from ...core import codes, dltb, status
from ...core.keys import (
    CODE_FIELD,
    INPUT,
    OUTPUT,
    PARCEL_COUNT,
    TOTAL_AREA_M2,
    UNKNOWN_CODE_COUNT,
    UNKNOWN_CODES,
)
from ...core.units import M2_PER_HA, MU_PER_M2
from ...core.validity import separator
from .base import LandConsolidationAlgorithm, user_errors

OUTPUT_SPEC = [
    ("GROUP", str),
    ("GROUP_NAME", str),
    ("DLBM", str),
    ("DLMC", str),
    ("GROUP_CODE", str),
    ("CATEGORY3", str),
    ("PARCELS", int),
    ("AREA_M2", float),
    ("AREA_HA", float),
    ("AREA_MU", float),
]


class LandUseStatusAlgorithm(LandConsolidationAlgorithm):
    """Area by village × 三调 code, 田坎 as its own class, in m², 公顷 and 亩."""

    def name(self) -> str:  # noqa: D102
        return "landusestatus"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Land-use status")

    group_id = "indicators"

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Area of each land-survey land-use class by village (ZLDWDM) or any grouping field, "
            "in m², hectares (ha) and mu (1 mu = 10 000/15 m²).\n\n"
            "Basis (land-survey rules): the class area of a parcel is TBDLMJ; its field ridges (KCMJ, "
            "KCDLBM = 1203) are reported as their own class 1203; the total is Σ TBMJ, so the "
            "rows of a village add up to its TBMJ. Suffixed codes (0201K, 1104A …) count as their "
            "base code. Codes not in the land-survey code table keep rows of their own (DLMC: unknown class) and "
            "are listed in the log; they are never dropped.\n\n"
            "Where TBMJ is missing the area is computed from the geometry by the land-survey ellipsoidal "
            "method. With a project area, parcels cut by the boundary keep TBMJ, KCMJ and TBDLMJ "
            "in proportion to the ellipsoidal area inside.\n\n"
            "AREA_M2 is rounded to 0.01 m² so that each village's rows add up exactly to its "
            "rounded total; AREA_HA = AREA_M2 / 10 000 and AREA_MU = AREA_M2 × 15 / 10 000."
        )

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        self.add_dltb_parameter(INPUT)
        self.add_project_area_parameter()
        self.add_group_field_parameter(
            INPUT,
            self.tr("Group by field (default ZLDWDM, village; empty = no grouping)"),
            self.tr("Field to group rows by; ZLDWDM gives one block of rows per village."),
        )
        self.add_code_field_parameter(INPUT)
        unknown = QgsProcessingParameterEnum(
            UNKNOWN_CODES,
            self.tr("Codes not in the land-survey code table"),
            options=[self.tr("Stop with an error listing them"), self.tr("Report them as their own rows")],
            defaultValue=0,
        )
        unknown.setHelp(
            self.tr(
                "0 = stop and list each unknown code with its parcel count, area and BSMs; "
                "1 = keep them as rows of their own (DLMC: unknown class) so that totals still add up."
            )
        )
        self.addParameter(unknown)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                OUTPUT, self.tr("Land-use status table"), QgsProcessing.SourceType.TypeVector
            )
        )
        self.addOutput(QgsProcessingOutputNumber(TOTAL_AREA_M2, self.tr("Total area Σ TBMJ (m²)")))
        self.addOutput(QgsProcessingOutputNumber(PARCEL_COUNT, self.tr("Parcels counted")))
        self.addOutput(
            QgsProcessingOutputNumber(UNKNOWN_CODE_COUNT, self.tr("Parcels with a code not in the land-survey code table"))
        )

    def compute(self, parameters, context, feedback):  # noqa: D102
        source = self.whole_layer_or_source(parameters, INPUT, context)
        if source is None:
            raise self.invalid_source(parameters, INPUT)
        code_fields = self.parameterAsFields(parameters, CODE_FIELD, context)
        with user_errors():
            crs = dltb.check_projected(source)
            area = self.project_area(parameters, context, crs)
            group_field = self.group_field(parameters, context, source, feedback,
                                           self.tr("No ZLDWDM field: the table is not grouped by village."))
            overrides = {"code": code_fields[0]} if code_fields else None
            extra = (("group", group_field),) if group_field else ()
            parcels = dltb.read_dltb(
                source,
                project_area=area,
                overrides=overrides,
                extra_roles=extra,
                progress=feedback.setProgress,
                is_canceled=feedback.isCanceled,
                repair=self.repair_geometry(parameters, context),
            )
            if self.parameterAsEnum(parameters, UNKNOWN_CODES, context) == 0:
                dltb.reject_unknown_codes(parcels)
        frame = parcels.frame
        if group_field:
            frame["group"] = frame["group"].map(lambda v: "" if v is None else str(v))
            names = status.group_names(frame, "group") if group_field == parcels.fields.get("village") else {}
        else:
            names = {}
        table = status.land_use_status(frame, "group" if group_field else None, names)
        table = status.round_for_output(table)
        for note in parcels.notes:
            feedback.pushWarning(note)
        self._log_summary(table, parcels, feedback)

        dest_id = self.write_table_output(parameters, OUTPUT, context, OUTPUT_SPEC, table, feedback)
        return {
            OUTPUT: dest_id,
            TOTAL_AREA_M2: round(parcels.total_area, 2),
            PARCEL_COUNT: int(len(frame)),
            UNKNOWN_CODE_COUNT: int((~frame["known"]).sum()),
        }

    def _log_summary(self, table, parcels, feedback):
        feedback.pushInfo(
            self.tr("Parcels: {n}; total area Σ TBMJ = {m2:.2f} m² = {ha:.4f} ha = {mu:.2f} mu.").format(
                n=len(parcels.frame),
                m2=parcels.total_area,
                ha=parcels.total_area / M2_PER_HA,
                mu=parcels.total_area * MU_PER_M2,
            )
        )
        by_group = table.groupby(["GROUP_CODE"], sort=False)["AREA_M2"].sum()
        feedback.pushInfo(self.tr("By first-level class: {areas}.").format(
            areas=separator().join(f"{code} {value:.2f} m²" for code, value in by_group.items())))
        by_cat = table.groupby(["CATEGORY3"], sort=False)["AREA_M2"].sum()
        feedback.pushInfo(self.tr("By category: {areas}.").format(areas=separator().join(
            f"{self.tr(codes.CATEGORY_LABELS.get(k, k))} {v:.2f} m²" for k, v in by_cat.items())))
