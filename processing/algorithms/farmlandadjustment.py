"""landconsolidation:farmlandadjustment – 永久基本农田调整 (I6)."""
from __future__ import annotations

import math

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
from ...core.units import MU_PER_M2
from ...core.values import to_number_or_none
from ...i18n import tr_noop
from .base import LandConsolidationAlgorithm, user_errors

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
        return self.tr("Permanent farmland adjustment (永久基本农田调整)")

    group_id = "indicators"
    output_styles = {OUT_PARCELS: "pbf_out", IN_PARCELS: "pbf_in"}

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Compares the permanent basic farmland (永久基本农田) before and after the adjustment and "
            "fills the figures of the provincial review form (全域土地综合整治所涉永久基本农田布局调整"
            "事项审查情况汇总表).\n\n"
            "调出 = before minus after, 调入 = after minus before, as pieces of the layers' own "
            "features (each feature minus the other layer's features it meets; nothing is "
            "dissolved). A piece that falls apart counts as one parcel per polygon. Pieces smaller "
            "than SLIVER_AREA (default 1 m²) come from re-digitised boundaries: they are dropped and "
            "counted in the log.\n\n"
            "Per side: area, parcel count, mean parcel area; area-weighted mean 等别 (GDDB of the "
            "farmland layer, or where empty of the DLTB 耕地 under the piece; area without a grade "
            "is left out of the mean); the current class of the ground from the DLTB (水田, 水浇地, "
            "旱地, 非耕农用地, 建设用地, 未利用地 by the 三调 三大类; 未覆盖 where no DLTB parcel lies); "
            "slope from GDPDJB (of the farmland layer, else of the DLTB): grades 1–3 → ≤ 15°, "
            "4 → (15°, 25°], 5 → > 25°; 连片 bins by parcel area ≤ 5, (5, 10], (10, 20], > 20 亩 "
            "(left-open, right-closed).\n\n"
            "新增比例 ADDED_RATIO = (调入 − 调出) / 调出 × 100 (checked against MIN_ADDED_RATIO, default "
            "5 %); 调出比例 OUT_RATIO = 调出 / 原永久基本农田面积 × 100; 集中连片度 CONTIGUITY_CHANGE = "
            "(mean 调入 parcel − mean 调出 parcel) / mean 调出 parcel × 100.\n\n"
            "Areas: the 三调 ellipsoidal area of each piece (default), or the layer's own area "
            "field (YJJBNTTBMJ, YJJBNTMJ … detected) split in proportion to the ellipsoidal area. "
            "Layers in another CRS are reprojected to the DLTB's (or the before layer's) CRS."
        ) + "\n\n" + self.tr(
            "The review also judges 调出比例 against MAX_OUT_RATIO (default 5 % of the original permanent basic "
            "farmland) and the slope: the area-weighted mean GDPDJB of 调入 must not be larger than that of 调出 "
            "(OUT_SLOPE_GRADE, IN_SLOPE_GRADE; the parcels' GDPDJB field holds each piece's mean grade)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802,D102
        for key, label, help_text in (
            (PBF_BEFORE, "Permanent farmland before (YJJBNTTB)", "永久基本农田 before the adjustment."),
            (PBF_AFTER, "Permanent farmland after (YJJBNTTB_GH)", "永久基本农田 after the adjustment."),
        ):
            param = QgsProcessingParameterFeatureSource(key, self.tr(label), [QgsProcessing.SourceType.TypeVectorPolygon])
            param.setHelp(self.tr(help_text + " Fields detected: BSM, DLBM, GDDB, GDPDJB, ZLDWDM, YJJBNTTBMJ."))
            self.addParameter(param)
        ground = QgsProcessingParameterFeatureSource(
            DLTB, self.tr("DLTB land-use parcels (for class, 等别, 坡度)"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True,
        )
        ground.setHelp(self.tr("Current 三调 地类图斑: the class of the ground under each piece, and 等别 / "
                               "坡度 where the farmland layer has none."))
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
            options=[self.tr("Ellipsoidal area of the pieces (三调 method)"),
                     self.tr("The layer's area field (YJJBNTTBMJ …), in proportion")],
            defaultValue=0,
        )
        basis.setFlags(basis.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        basis.setHelp(self.tr("0 = ellipsoidal area of each piece; 1 = the area field of the feature × the "
                              "piece's share of the feature's ellipsoidal area (ellipsoidal where empty)."))
        self.addParameter(basis)
        minimum = QgsProcessingParameterNumber(
            MIN_ADDED_RATIO, self.tr("Required 新增比例 (%)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=farmland.DEFAULT_MIN_ADDED_RATIO,
        )
        minimum.setFlags(minimum.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        minimum.setHelp(self.tr("新增永久基本农田 ≥ this share of the adjusted area (Wuxi opinion §四(二), "
                                "自然资发〔2019〕194号: 5 %)."))
        self.addParameter(minimum)
        most = QgsProcessingParameterNumber(
            MAX_OUT_RATIO, self.tr("Largest allowed 调出比例 (%)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=farmland.DEFAULT_MAX_OUT_RATIO,
        )
        most.setFlags(most.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        most.setHelp(self.tr("调出 ≤ this share of the original permanent basic farmland of the project area "
                             "(全域整治试点实施要点, 2020: 5 %)."))
        self.addParameter(most)
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, self.tr("Review table"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUT_PARCELS, self.tr("调出 parcels"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            IN_PARCELS, self.tr("调入 parcels"), QgsProcessing.SourceType.TypeVectorPolygon))
        for key, label in (
            ("OUT_M2", "调出 area (m²)"), ("IN_M2", "调入 area (m²)"), ("OUT_COUNT", "调出 parcels"),
            ("IN_COUNT", "调入 parcels"), ("OUT_QUALITY", "调出 mean 等别"), ("IN_QUALITY", "调入 mean 等别"),
            ("ADDED_RATIO", "新增比例 (%)"), ("OUT_RATIO", "调出比例 (%)"), ("CONTIGUITY_CHANGE", "集中连片度 (%)"),
            ("PBF_BEFORE_M2", "Permanent farmland before (m²)"), ("PBF_AFTER_M2", "Permanent farmland after (m²)"),
            ("SLIVERS", "Slivers dropped"), ("ADDED_RATIO_OK", "新增比例 meets the requirement (1/0)"),
            (OUT_SLOPE_GRADE, tr_noop("调出 mean slope grade (GDPDJB)")),
            (IN_SLOPE_GRADE, tr_noop("调入 mean slope grade (GDPDJB)")),
        ):
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
        sliver = self.parameterAsDouble(parameters, SLIVER_AREA, context)
        basis = self.parameterAsEnum(parameters, AREA_BASIS, context)
        minimum = self.parameterAsDouble(parameters, MIN_ADDED_RATIO, context)
        most = self.parameterAsDouble(parameters, MAX_OUT_RATIO, context)
        steps = QgsProcessingMultiStepFeedback(5, feedback)
        with user_errors():
            reference = ground_src if ground_src is not None else before_src
            crs = dltb.check_projected(reference)
            for src in (before_src, after_src):
                dltb.check_projected(src)
            gk = dltb.gauss_kruger_for(reference)
            area = self.project_area(parameters, context, crs)

            def transform(src):
                if src.sourceCrs() == crs:
                    return None
                return QgsCoordinateTransform(src.sourceCrs(), crs, context.transformContext())

            repair = self.repair_geometry(parameters, context)
            before = farmland.read_farmland(before_src, gk, project_area=area, transform=transform(before_src),
                                            is_canceled=feedback.isCanceled, repair=repair)
            steps.setCurrentStep(1)
            after = farmland.read_farmland(after_src, gk, project_area=area, transform=transform(after_src),
                                           is_canceled=feedback.isCanceled, repair=repair)
            if area is not None and not before.geometries and not after.geometries:
                raise LandConsolidationError(
                    f"项目区与永久基本农田图层“{before.name}”“{after.name}”都没有重叠；请检查项目区图层与坐标系。"
                    f" The project area does not overlap the permanent farmland layers '{before.name}' and "
                    f"'{after.name}'."
                )
            steps.setCurrentStep(2)
            out_pieces = farmland.difference_pieces(before, after, gk, sliver, feedback.isCanceled)
            in_pieces = farmland.difference_pieces(after, before, gk, sliver, feedback.isCanceled)
            steps.setCurrentStep(3)
            ground_transform = transform(ground_src) if ground_src is not None else None
            ground_notes: list = []
            cover = farmland.overlay_dltb(out_pieces.geometries + in_pieces.geometries, ground_src, gk,
                                          ground_transform, is_canceled=feedback.isCanceled, repair=repair,
                                          notes=ground_notes)
            out_cover, in_cover = cover.split(len(out_pieces.geometries))
            steps.setCurrentStep(4)
        for note in before.notes + after.notes + ground_notes:
            feedback.pushWarning(note)
        if ground_src is None:
            feedback.pushWarning(self.tr("No DLTB given: the current class of the pieces is 未覆盖, and 等别 and "
                                         "slope come from the farmland layers only."))
        out_frame = farmland.pieces_frame("调出", before, out_pieces, out_cover, basis)
        in_frame = farmland.pieces_frame("调入", after, in_pieces, in_cover, basis)
        out_sum = farmland.side_summary(out_frame)
        in_sum = farmland.side_summary(in_frame)
        original = float(before.area(basis).sum())
        after_total = float(after.area(basis).sum())
        table = farmland.review_table(out_sum, in_sum, original, after_total, minimum, most)
        figures = farmland.ratios(out_sum, in_sum, original)

        outputs = {
            OUTPUT: self.write_table_output(parameters, OUTPUT, context, REVIEW_SPEC, table, feedback),
            OUT_PARCELS: self._write_parcels(
                parameters, OUT_PARCELS, context, crs, out_frame, out_pieces, before, feedback
            ),
            IN_PARCELS: self._write_parcels(parameters, IN_PARCELS, context, crs, in_frame, in_pieces, after, feedback),
        }
        self._log(out_sum, in_sum, out_pieces, in_pieces, original, figures, fields=before.fields, feedback=feedback)
        added_ok = figures["ADDED_RATIO"] >= minimum - 1e-9 if not math.isnan(figures["ADDED_RATIO"]) else False
        outputs.update(
            {
                "OUT_M2": round(out_sum["area"], 2),
                "IN_M2": round(in_sum["area"], 2),
                "OUT_COUNT": out_sum["count"],
                "IN_COUNT": in_sum["count"],
                "OUT_QUALITY": to_number_or_none(out_sum["quality"]),
                "IN_QUALITY": to_number_or_none(in_sum["quality"]),
                "ADDED_RATIO": to_number_or_none(figures["ADDED_RATIO"]),
                "OUT_RATIO": to_number_or_none(figures["OUT_RATIO"]),
                "CONTIGUITY_CHANGE": to_number_or_none(figures["CONTIGUITY_CHANGE"]),
                "PBF_BEFORE_M2": round(original, 2),
                "PBF_AFTER_M2": round(after_total, 2),
                "SLIVERS": out_pieces.slivers + in_pieces.slivers,
                "ADDED_RATIO_OK": 1 if added_ok else 0,
                OUT_SLOPE_GRADE: to_number_or_none(out_sum["slope_grade"]),
                IN_SLOPE_GRADE: to_number_or_none(in_sum["slope_grade"]),
            }
        )
        steps.setCurrentStep(5)
        return outputs

    def _write_parcels(self, parameters, key, context, crs, frame, pieces, layer, feedback) -> str:
        from qgis.core import QgsGeometry

        fields = QgsFields()
        for name, kind in PARCEL_FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, key, context, fields, QgsWkbTypes.Type.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        classes = frame[[f"class_{name}" for name in farmland.CLASS_NAMES]].to_numpy()
        slopes = frame[[f"slope_{name}" for name in farmland.SLOPE_NAMES]].to_numpy()
        records = frame.to_dict("records")  # one dict a row: iloc per row costs 0.25 ms on a county
        for k, geom in enumerate(pieces.geometries):
            if feedback.isCanceled():
                break
            row = records[k]
            area = float(row["area"])
            grade = float(row["grade"])
            steepness = float(row["slope_grade"])
            feature = QgsFeature(fields)
            feature.setGeometry(geom if geom.isMultipart() else QgsGeometry.collectGeometry([geom]))
            feature.setAttributes(
                [
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
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest_id

    def _log(self, out_sum, in_sum, out_pieces, in_pieces, original, figures, fields, feedback):
        area_field = fields.get("area")
        feedback.pushInfo(
            self.tr("Farmland layer fields: area {area}, 等别 {gddb}, 坡度 {slope}.").format(
                area=area_field or "—", gddb=fields.get("gddb") or "—", slope=fields.get("gdpdjb") or "—"
            )
        )
        for label, summary, pieces in (("调出", out_sum, out_pieces), ("调入", in_sum, in_pieces)):
            feedback.pushInfo(
                f"{label}: {summary['count']} 个图斑, {summary['area']:.2f} m² ({summary['area'] * MU_PER_M2:.4f} 亩), "
                f"平均 {summary['mean'] * MU_PER_M2:.4f} 亩, 平均等别 {summary['quality']:.4f}"
            )
            if pieces.slivers:
                feedback.pushInfo(
                    self.tr("{side}: {n} sliver(s) under the sliver area dropped, {a:.4f} m² in all.").format(
                        side=label, n=pieces.slivers, a=pieces.sliver_area
                    )
                )
            if pieces.noise:
                feedback.pushInfo(
                    self.tr("{side}: {n} piece(s) under {limit} m² dropped as coordinate noise, {a:.6f} m² in all.")
                    .format(side=label, n=pieces.noise, limit=farmland.NOISE_AREA, a=pieces.noise_area)
                )
        feedback.pushInfo(
            f"原永久基本农田 {original:.2f} m²; 新增比例 {figures['ADDED_RATIO']:.2f} %, "
            f"调出比例 {figures['OUT_RATIO']:.2f} %, 集中连片度 {figures['CONTIGUITY_CHANGE']:.2f} %"
        )
