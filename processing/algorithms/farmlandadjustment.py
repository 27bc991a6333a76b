"""landconsolidation:farmlandadjustment – 永久基本农田调整 (I6)."""
from __future__ import annotations

import math
from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core import dltb, farmland
from ...core.errors import LandConsolidationError
from ...core.keys import (
    AREA_BASIS,
    DLTB,
    IN_PARCELS,
    IN_SLOPE_GRADE,
    MAX_OUT_RATIO,
    MIN_ADDED_RATIO,
    OUT_PARCELS,
    OUT_SLOPE_GRADE,
    OUTPUT,
    PBF_AFTER,
    PBF_BEFORE,
    SLIVER_AREA,
)
from ...core.units import MU_PER_M2, number_text
from ...core.values import to_number_or_none
from ...i18n import tr, tr_noop
from .base import LandConsolidationAlgorithm, user_errors

#: Number outputs: key → label (English source, translated where used).
NUMBERS = (
    ("OUT_M2", tr_noop("Area moved out (m²)")), ("IN_M2", tr_noop("Area moved in (m²)")),
    ("OUT_COUNT", tr_noop("Parcels moved out")), ("IN_COUNT", tr_noop("Parcels moved in")),
    ("OUT_QUALITY", tr_noop("Mean quality grade moved out")), ("IN_QUALITY", tr_noop("Mean quality grade moved in")),
    ("ADDED_RATIO", tr_noop("Net gain (%)")), ("OUT_RATIO", tr_noop("Share moved out (%)")),
    ("CONTIGUITY_CHANGE", tr_noop("Change of contiguity (%)")),
    ("PBF_BEFORE_M2", tr_noop("Permanent basic farmland before (m²)")),
    ("PBF_AFTER_M2", tr_noop("Permanent basic farmland after (m²)")),
    ("SLIVERS", tr_noop("Slivers dropped")), ("ADDED_RATIO_OK", tr_noop("Net gain meets the requirement (1/0)")),
    (OUT_SLOPE_GRADE, tr_noop("Mean slope grade moved out (GDPDJB)")),
    (IN_SLOPE_GRADE, tr_noop("Mean slope grade moved in (GDPDJB)")),
)

REVIEW_SPEC = [
    ("SECTION", str),
    ("ITEM", str),
    ("NAME", str),
    ("UNIT", str),
    ("OUT", float),
    ("IN", float),
    ("CHANGE", float),
    ("VALUE", float),
    ("THRESHOLD", float),
    ("RESULT", str),
]

PARCEL_FIELDS = [
    ("PIECE_ID", QVariant.Type.Int),
    ("SIDE", QVariant.Type.String),
    ("SOURCE_FID", QVariant.Type.LongLong),
    ("BSM", QVariant.Type.String),
    ("DLBM", QVariant.Type.String),
    ("ZLDWDM", QVariant.Type.String),
    ("AREA_M2", QVariant.Type.Double),
    ("AREA_MU", QVariant.Type.Double),
    ("GDDB", QVariant.Type.Double),
    ("GRADE_FROM", QVariant.Type.String),
    ("GDPDJB", QVariant.Type.Double),
    ("CLASS", QVariant.Type.String),
    ("SLOPE", QVariant.Type.String),
    ("SIZE_BIN", QVariant.Type.String),
]


class FarmlandAdjustmentAlgorithm(LandConsolidationAlgorithm):
    """调出 and 调入 of permanent basic farmland and the provincial review figures."""

    def name(self) -> str:  # noqa: D102
        return "farmlandadjustment"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Permanent basic farmland adjustment")

    group_id = "indicators"
    output_styles = {OUT_PARCELS: "pbf_out", IN_PARCELS: "pbf_in"}

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Compares the permanent basic farmland before and after the adjustment and fills the figures of the "
            "provincial review form (the summary table of the review of permanent basic farmland layout "
            "adjustments in comprehensive land consolidation).\n\n"
            "Moved out = before minus after, moved in = after minus before, as pieces of the layers' own "
            "features (each feature minus the other layer's features it meets; nothing is "
            "dissolved). A piece that falls apart counts as one parcel per polygon. Pieces smaller "
            "than SLIVER_AREA (default 1 m²) come from re-digitised boundaries: they are dropped and "
            "counted in the log.\n\n"
            "Per side: area, parcel count, mean parcel area; area-weighted mean quality grade (GDDB of the "
            "farmland layer, or where empty of the cultivated land of the DLTB under the piece; area without a "
            "grade is left out of the mean); the current class of the ground from the DLTB (paddy, irrigated, "
            "dry, other agricultural, construction or unused land by the land-survey categories; uncovered where "
            "no DLTB parcel lies); slope from GDPDJB (of the farmland layer, else of the DLTB): grades 1–3 → "
            "≤ 15°, 4 → (15°, 25°], 5 → > 25°; contiguity bins by parcel area ≤ 5, (5, 10], (10, 20], > 20 mu "
            "(left-open, right-closed).\n\n"
            "Net gain ADDED_RATIO = (moved in − moved out) / moved out × 100 (checked against MIN_ADDED_RATIO, "
            "default 5 %); OUT_RATIO = moved out / original permanent basic farmland × 100; contiguity "
            "CONTIGUITY_CHANGE = (mean parcel moved in − mean parcel moved out) / mean parcel moved out × 100."
            "\n\n"
            "Areas: the land-survey ellipsoidal area of each piece (default), or the layer's own area "
            "field (YJJBNTTBMJ, YJJBNTMJ … detected) split in proportion to the ellipsoidal area. "
            "Layers in another CRS are reprojected to the DLTB's (or the before layer's) CRS."
        ) + "\n\n" + self.tr(
            "The review also judges OUT_RATIO against MAX_OUT_RATIO (default 5 % of the original permanent basic "
            "farmland) and the slope: the area-weighted mean GDPDJB of the farmland moved in must not be larger "
            "than that of the farmland moved out (OUT_SLOPE_GRADE, IN_SLOPE_GRADE; the parcels' GDPDJB field "
            "holds each piece's mean grade)."
        ) + "\n\n" + self.tr(
            "The review table's names and the parcels' SIDE, CLASS, SLOPE and SIZE_BIN values are in Chinese, as "
            "in the provincial form."
        )

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        for key, label, help_text in (
            (PBF_BEFORE, self.tr("Permanent basic farmland before (YJJBNTTB)"),
             self.tr("Permanent basic farmland before the adjustment. Fields detected: BSM, DLBM, GDDB, GDPDJB, "
                     "ZLDWDM, YJJBNTTBMJ.")),
            (PBF_AFTER, self.tr("Permanent basic farmland after (YJJBNTTB_GH)"),
             self.tr("Permanent basic farmland after the adjustment. Fields detected: BSM, DLBM, GDDB, GDPDJB, "
                     "ZLDWDM, YJJBNTTBMJ.")),
        ):
            param = QgsProcessingParameterFeatureSource(key, label, [QgsProcessing.SourceType.TypeVectorPolygon])
            param.setHelp(help_text)
            self.addParameter(param)
        ground = QgsProcessingParameterFeatureSource(
            DLTB, self.tr("Land-use parcels (DLTB; for class, quality grade and slope)"),
            [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True,
        )
        ground.setHelp(self.tr("Current land-use parcels: the class of the ground under each piece, and the "
                               "quality grade and slope where the farmland layer has none."))
        self.addParameter(ground)
        self.add_project_area_parameter()
        self.add_repair_parameter()
        sliver = QgsProcessingParameterNumber(
            SLIVER_AREA, self.tr("Drop pieces smaller than (m²)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=farmland.DEFAULT_SLIVER_AREA, minValue=0.0,
        )
        sliver.setHelp(self.tr("Pieces under this area are slivers of re-digitised boundaries; they are dropped "
                               "and counted in the log."))
        self.addParameter(sliver)
        basis = QgsProcessingParameterEnum(
            AREA_BASIS, self.tr("Area basis"),
            options=[self.tr("Ellipsoidal area of the pieces (land-survey method)"),
                     self.tr("The layer's area field (YJJBNTTBMJ …), in proportion")],
            defaultValue=0,
        )
        basis.setFlags(basis.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        basis.setHelp(self.tr("0 = ellipsoidal area of each piece; 1 = the area field of the feature × the "
                              "piece's share of the feature's ellipsoidal area (ellipsoidal where empty)."))
        self.addParameter(basis)
        minimum = QgsProcessingParameterNumber(
            MIN_ADDED_RATIO, self.tr("Required net gain (%)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=farmland.DEFAULT_MIN_ADDED_RATIO,
        )
        minimum.setFlags(minimum.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        minimum.setHelp(self.tr("New permanent basic farmland ≥ this share of the adjusted area (Wuxi "
                                "implementation opinion §4(2), Ministry of Natural Resources document 2019 No. 194: "
                                "5 %)."))
        self.addParameter(minimum)
        most = QgsProcessingParameterNumber(
            MAX_OUT_RATIO, self.tr("Largest share moved out (%)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=farmland.DEFAULT_MAX_OUT_RATIO,
        )
        most.setFlags(most.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        most.setHelp(self.tr("Farmland moved out ≤ this share of the original permanent basic farmland of the "
                             "project area (key points of the consolidation pilots, 2020: 5 %)."))
        self.addParameter(most)
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, self.tr("Review table"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUT_PARCELS, self.tr("Parcels moved out"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            IN_PARCELS, self.tr("Parcels moved in"), QgsProcessing.SourceType.TypeVectorPolygon))
        for key, label in NUMBERS:
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))

    def compute(self, parameters, context, feedback):  # noqa: D102
        # Whole file layers are read by GDAL's columnar reader.
        before_src = self.whole_layer_or_source(parameters, PBF_BEFORE, context)
        if before_src is None:
            raise self.invalid_source(parameters, PBF_BEFORE)
        after_src = self.whole_layer_or_source(parameters, PBF_AFTER, context)
        if after_src is None:
            raise self.invalid_source(parameters, PBF_AFTER)
        ground_src = self.whole_layer_or_source(parameters, DLTB, context)
        steps = QgsProcessingMultiStepFeedback(2, feedback)
        with user_errors():
            setup = self.review_setup(parameters, context, before_src, after_src, ground_src)
            result = review(before_src, after_src, ground_src, setup, is_canceled=feedback.isCanceled)
        steps.setCurrentStep(1)
        self.log_review(result, feedback)
        outputs = {
            OUTPUT: self.write_table_output(parameters, OUTPUT, context, REVIEW_SPEC, result.table, feedback),
            OUT_PARCELS: self._write_parcels(parameters, OUT_PARCELS, context, setup.crs, result.out_frame,
                                             result.out_pieces, result.before, feedback),
            IN_PARCELS: self._write_parcels(parameters, IN_PARCELS, context, setup.crs, result.in_frame,
                                            result.in_pieces, result.after, feedback),
        }
        outputs.update(review_numbers(result))
        steps.setCurrentStep(2)
        return outputs

    def review_setup(self, parameters, context, before_src, after_src, ground_src) -> ReviewSetup:
        """What the review of these layers takes from the parameters (checks the CRSs; raises what reading the
        project area raises)."""
        reference = ground_src if ground_src is not None else before_src
        crs = dltb.check_projected(reference)
        for src in (before_src, after_src):
            dltb.check_projected(src)
        return ReviewSetup(
            crs=crs, gk=dltb.gauss_kruger_for(reference), area=self.project_area(parameters, context, crs),
            transform_context=context.transformContext(),
            sliver=self.parameterAsDouble(parameters, SLIVER_AREA, context),
            basis=self.parameterAsEnum(parameters, AREA_BASIS, context),
            minimum=self.parameterAsDouble(parameters, MIN_ADDED_RATIO, context),
            most=self.parameterAsDouble(parameters, MAX_OUT_RATIO, context),
            repair=self.repair_geometry(parameters, context))

    def log_review(self, result: Review, feedback) -> None:
        """The review's notes and figures, for the user's log."""
        for note in result.notes:
            feedback.pushWarning(note)
        if not result.ground_given:
            feedback.pushWarning(self.tr("No DLTB given: the current class of the pieces is left as uncovered, "
                                         "and the quality grade and slope come from the farmland layers only."))
        self._log(result.out_sum, result.in_sum, result.out_pieces, result.in_pieces, result.original,
                  result.figures, fields=result.before.fields, feedback=feedback)

    def _write_parcels(self, parameters, key, context, crs, frame, pieces, layer, feedback) -> str:
        from qgis.core import QgsGeometry

        fields = QgsFields()
        for name, kind in PARCEL_FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, key, context, fields, QgsWkbTypes.Type.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        for attributes, geom in zip(parcel_attributes(frame, layer), pieces.geometries):
            if feedback.isCanceled():
                break
            feature = QgsFeature(fields)
            feature.setGeometry(geom if geom.isMultipart() else QgsGeometry.collectGeometry([geom]))
            feature.setAttributes(attributes)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest_id

    def _log(self, out_sum, in_sum, out_pieces, in_pieces, original, figures, fields, feedback):
        area_field = fields.get("area")
        feedback.pushInfo(
            self.tr("Farmland layer fields: area {area}, quality grade {gddb}, slope grade {slope}.").format(
                area=area_field or "—", gddb=fields.get("gddb") or "—", slope=fields.get("gdpdjb") or "—"
            )
        )
        for label, summary, pieces in ((self.tr("Moved out"), out_sum, out_pieces),
                                       (self.tr("Moved in"), in_sum, in_pieces)):
            feedback.pushInfo(self.tr(
                "{side}: {n} parcel(s), {area:.2f} m² ({mu:.2f} mu), on average {mean:.2f} mu, mean quality grade "
                "{grade}.").format(side=label, n=summary["count"], area=summary["area"],
                                   mu=summary["area"] * MU_PER_M2, mean=summary["mean"] * MU_PER_M2,
                                   grade=number_text(summary["quality"])))
            if pieces.slivers:
                feedback.pushInfo(
                    self.tr("{side}: {n} sliver(s) under the sliver area dropped, {a:.2f} m² in all.").format(
                        side=label, n=pieces.slivers, a=pieces.sliver_area
                    )
                )
            if pieces.noise:
                feedback.pushInfo(
                    self.tr("{side}: {n} piece(s) under {limit} m² dropped as coordinate noise, {a:.6f} m² in all.")
                    .format(side=label, n=pieces.noise, limit=farmland.NOISE_AREA, a=pieces.noise_area)
                )
        feedback.pushInfo(self.tr(
            "Original permanent basic farmland {original:.2f} m²; net gain {added} %, share moved out {out} %, "
            "change of contiguity {contiguity} %.").format(
            original=original, added=number_text(figures["ADDED_RATIO"]), out=number_text(figures["OUT_RATIO"]),
            contiguity=number_text(figures["CONTIGUITY_CHANGE"])))


@dataclass
class ReviewSetup:
    """What a review takes besides its layers (:meth:`FarmlandAdjustmentAlgorithm.review_setup`)."""

    crs: object
    gk: object
    area: object
    transform_context: object
    sliver: float
    basis: int
    minimum: float
    most: float
    repair: bool


@dataclass
class Review:
    """The 调出 / 调入 pieces of a review, their ground, summaries and the review table (:func:`review`)."""

    before: farmland.FarmlandLayer
    after: farmland.FarmlandLayer
    out_pieces: farmland.Pieces
    in_pieces: farmland.Pieces
    out_frame: object
    in_frame: object
    out_sum: dict
    in_sum: dict
    original: float
    after_total: float
    table: object
    figures: dict
    minimum: float
    notes: list
    ground_given: bool


def review(before_src, after_src, ground_src, setup: ReviewSetup, is_canceled=None) -> Review:
    """The review of two 永久基本农田 layers over a DLTB (or none): everything but the outputs.

    Touches no Processing context, feedback or sink: ``exportscheme`` runs it
    for its tables without the algorithm's output layers.

    Raises:
        LandConsolidationError: what reading or overlaying the layers raises.
    """
    crs = setup.crs

    def transform(src):
        if src.sourceCrs() == crs:
            return None
        return QgsCoordinateTransform(src.sourceCrs(), crs, setup.transform_context)

    area, gk, repair = setup.area, setup.gk, setup.repair
    before = farmland.read_farmland(before_src, gk, project_area=area, transform=transform(before_src),
                                    is_canceled=is_canceled, repair=repair)
    after = farmland.read_farmland(after_src, gk, project_area=area, transform=transform(after_src),
                                   is_canceled=is_canceled, repair=repair)
    if area is not None and not before.geometries and not after.geometries:
        raise LandConsolidationError(tr(
            "The project area overlaps neither permanent basic farmland layer ('{before}', '{after}'); "
            "check the project area layer and the coordinate systems.").format(
            before=before.name, after=after.name))
    out_pieces = farmland.difference_pieces(before, after, gk, setup.sliver, is_canceled)
    in_pieces = farmland.difference_pieces(after, before, gk, setup.sliver, is_canceled)
    ground_transform = transform(ground_src) if ground_src is not None else None
    ground_notes: list = []
    cover = farmland.overlay_dltb(out_pieces.geometries + in_pieces.geometries, ground_src, gk, ground_transform,
                                  is_canceled=is_canceled, repair=repair, notes=ground_notes)
    out_cover, in_cover = cover.split(len(out_pieces.geometries))
    out_frame = farmland.pieces_frame("调出", before, out_pieces, out_cover, setup.basis)
    in_frame = farmland.pieces_frame("调入", after, in_pieces, in_cover, setup.basis)
    out_sum = farmland.side_summary(out_frame)
    in_sum = farmland.side_summary(in_frame)
    original = float(before.area(setup.basis).sum())
    after_total = float(after.area(setup.basis).sum())
    return Review(
        before=before, after=after, out_pieces=out_pieces, in_pieces=in_pieces, out_frame=out_frame,
        in_frame=in_frame, out_sum=out_sum, in_sum=in_sum, original=original, after_total=after_total,
        table=farmland.review_table(out_sum, in_sum, original, after_total, setup.minimum, setup.most),
        figures=farmland.ratios(out_sum, in_sum, original), minimum=setup.minimum,
        notes=before.notes + after.notes + ground_notes, ground_given=ground_src is not None)


def review_numbers(result: Review) -> dict:
    """The algorithm's number outputs (:data:`NUMBERS`) of a review."""
    figures, out_sum, in_sum = result.figures, result.out_sum, result.in_sum
    added_ok = figures["ADDED_RATIO"] >= result.minimum - 1e-9 if not math.isnan(figures["ADDED_RATIO"]) else False
    return {
        "OUT_M2": round(out_sum["area"], 2),
        "IN_M2": round(in_sum["area"], 2),
        "OUT_COUNT": out_sum["count"],
        "IN_COUNT": in_sum["count"],
        "OUT_QUALITY": to_number_or_none(out_sum["quality"]),
        "IN_QUALITY": to_number_or_none(in_sum["quality"]),
        "ADDED_RATIO": to_number_or_none(figures["ADDED_RATIO"]),
        "OUT_RATIO": to_number_or_none(figures["OUT_RATIO"]),
        "CONTIGUITY_CHANGE": to_number_or_none(figures["CONTIGUITY_CHANGE"]),
        "PBF_BEFORE_M2": round(result.original, 2),
        "PBF_AFTER_M2": round(result.after_total, 2),
        "SLIVERS": result.out_pieces.slivers + result.in_pieces.slivers,
        "ADDED_RATIO_OK": 1 if added_ok else 0,
        OUT_SLOPE_GRADE: to_number_or_none(out_sum["slope_grade"]),
        IN_SLOPE_GRADE: to_number_or_none(in_sum["slope_grade"]),
    }


def parcel_attributes(frame, layer: farmland.FarmlandLayer) -> list[list]:
    """The attributes of the 调出 or 调入 parcel layer (:data:`PARCEL_FIELDS`), one list a piece."""
    classes = frame[[f"class_{name}" for name in farmland.CLASS_NAMES]].to_numpy()
    slopes = frame[[f"slope_{name}" for name in farmland.SLOPE_NAMES]].to_numpy()
    out = []
    for k, row in enumerate(frame.to_dict("records")):  # one dict a row: iloc per row costs 0.25 ms on a county
        area = float(row["area"])
        grade = float(row["grade"])
        steepness = float(row["slope_grade"])
        out.append([
            k + 1,
            row["side"],
            int(layer.fid[int(row["source"])]),
            row["bsm"],
            row["code"],
            row["village"],
            round(area, 2),
            round(area * MU_PER_M2, 4),
            None if math.isnan(grade) else round(grade, 4),
            row["grade_from"],
            None if math.isnan(steepness) else round(steepness, 4),
            farmland.CLASS_NAMES[int(classes[k].argmax())],
            farmland.SLOPE_NAMES[int(slopes[k].argmax())],
            farmland.size_bin(area),
        ])
    return out
