"""landconsolidation:checkdata – 数据质检: what is wrong with a DLTB, parcel by parcel."""
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
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core import checkdata, dltb
from ...core.keys import (
    AREA_TOLERANCE_M2,
    AREA_TOLERANCE_PCT,
    FINDINGS,
    FLAGGED_PARCELS,
    INPUT,
    OUTPUT,
    OUTPUT_PARCELS,
    REPAIR_GEOMETRY,
)
from .base import LandConsolidationAlgorithm

OUTPUT_SPEC = [("BSM", str), ("FID", int), ("CHECK", str), ("CHECK_NAME", str), ("MESSAGE", str),
               ("AREA_M2", float)]


class CheckDataAlgorithm(LandConsolidationAlgorithm):
    """Every 数据质检 check of core/checkdata.py; one finding per problem, naming the parcel."""

    group_id = "tools"

    def name(self) -> str:  # noqa: D102
        return "checkdata"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Data check")

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Checks a land-survey DLTB before indicators are computed from it and lists every problem, naming the "
            "parcel (BSM, else the feature id): TBDLMJ ≠ TBMJ − KCMJ beyond 0.01 m²; TBMJ differing from the "
            "parcel's land-survey ellipsoidal area by more than the tolerance (default max(1 m², 0.1 %)); negative "
            "areas, TBMJ 0 on a real polygon, KCMJ > TBMJ, KCXS outside [0, 1), GDDB outside 1–15, NaN/inf or text "
            "in a number field; field ridges deducted from a parcel that is not cultivated land; an empty code or "
            "one not in the land-survey code table; the town/village attribute code (CZCSXM) invalid, or missing "
            "or wrong on 0701/0702 (201/202/203) and 0602/0603 (204); "
            "null, empty and invalid geometries (with GEOS's reason); parcels whose interiors overlap (with the "
            "overlap area); the same polygon twice; the same BSM twice; garbled text (a wrong encoding), one "
            "finding per field.\n\n"
            "OUTPUT lists the findings (BSM, FID, CHECK, CHECK_NAME, MESSAGE, AREA_M2: the overlap for overlaps, "
            "else the parcel's area); OUTPUT_PARCELS holds the parcels with findings and their checks. A clean "
            "parcel gives no finding; the input is not changed. CHECK_NAME and MESSAGE are in Chinese, as in a "
            "data inspection report."
        )

    def initAlgorithm(self, _config=None):  # noqa: N802,D102,ARG002
        self.add_dltb_parameter(INPUT)
        self.removeParameter(REPAIR_GEOMETRY)  # the check reports invalid geometries; nothing to repair
        for key, label, default, help_text in (
            (AREA_TOLERANCE_M2, self.tr("TBMJ tolerance, absolute (m²)"), checkdata.AREA_TOLERANCE_M2,
             self.tr("TBMJ may differ from the ellipsoidal area by max(this, the relative tolerance).")),
            (AREA_TOLERANCE_PCT, self.tr("TBMJ tolerance, relative (%)"), checkdata.AREA_TOLERANCE_PCT,
             self.tr("Relative part of the TBMJ tolerance, in % of the ellipsoidal area.")),
        ):
            param = QgsProcessingParameterNumber(key, label, QgsProcessingParameterNumber.Type.Double,
                                                 defaultValue=default, minValue=0.0)
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            param.setHelp(help_text)
            self.addParameter(param)
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, self.tr("Findings"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_PARCELS, self.tr("Parcels with findings"), QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True))
        self.addOutput(QgsProcessingOutputNumber(FINDINGS, self.tr("Findings")))
        self.addOutput(QgsProcessingOutputNumber(FLAGGED_PARCELS, self.tr("Parcels with findings")))

    def compute(self, parameters, context, feedback):  # noqa: D102
        source = self.parameterAsSource(parameters, INPUT, context)
        if source is None:
            raise self.invalid_source(parameters, INPUT)
        dltb.check_projected(source)
        result = checkdata.check_layer(
            source,
            area_tolerance_m2=self.parameterAsDouble(parameters, AREA_TOLERANCE_M2, context),
            area_tolerance_pct=self.parameterAsDouble(parameters, AREA_TOLERANCE_PCT, context),
            progress=feedback.setProgress, is_canceled=feedback.isCanceled,
        )
        findings = result.findings
        outputs = {OUTPUT: self.write_table_output(parameters, OUTPUT, context, OUTPUT_SPEC, findings, feedback)}
        parcels = self._write_parcels(parameters, context, source, result)
        if parcels is not None:
            outputs[OUTPUT_PARCELS] = parcels
        counts = result.counts()
        if counts:
            for key, n in counts.items():
                feedback.pushWarning(self.tr("{name}: {n} finding(s).").format(
                    name=self.tr(checkdata.CHECK_LABELS[key]), n=n))
        else:
            feedback.pushInfo(self.tr("No findings: all {n} parcels pass every check.").format(n=result.parcels))
        outputs[FINDINGS] = len(findings)
        outputs[FLAGGED_PARCELS] = int(findings["FID"].dropna().nunique()) if len(findings) else 0
        return outputs

    def _write_parcels(self, parameters, context, source, result):
        fields = QgsFields()
        for name, kind in (("BSM", QVariant.Type.String), ("FID", QVariant.Type.LongLong),
                           ("CHECKS", QVariant.Type.String), ("MESSAGES", QVariant.Type.String)):
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, OUTPUT_PARCELS, context, fields,
                                          QgsWkbTypes.Type.MultiPolygon, source.sourceCrs())
        if sink is None:
            return None
        per_parcel = result.findings.dropna(subset=["FID"]).groupby("FID", sort=True)
        for fid, group in per_parcel:
            feature = QgsFeature(fields)
            geom = result.geometries.get(int(fid))
            if geom is not None and not geom.isEmpty():
                geom = geom.__class__(geom)
                geom.convertToMultiType()
                feature.setGeometry(geom)
            feature.setAttributes([group["BSM"].iat[0], int(fid), "、".join(dict.fromkeys(group["CHECK_NAME"])),
                                   "；".join(group["MESSAGE"])])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest
