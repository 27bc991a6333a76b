"""landconsolidation:potential – 潜力调查 (I14)."""
from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ...core import contiguity, dltb, potential
from ...core.keys import (
    BLOCK_MAX_GAP,
    CANDIDATE_COUNT,
    CLUSTER_DISTANCE,
    CODE_FIELD,
    COUNT_MINES,
    CULTIVATED_M2,
    DEVELOPMENT_BOUNDARY,
    DEVELOPMENT_CODES,
    EST_ADDED_M2,
    EST_RATE,
    GARDEN_FOREST_CODES,
    GARDEN_FOREST_MAX_SLOPE_GRADE,
    HIGH_STANDARD,
    HIGH_STANDARD_FIELD,
    HIGH_STANDARD_MIN_BLOCK_MU,
    INCLUDE_GARDEN_FOREST,
    INPUT,
    INSIDE_SHARE,
    MAX_CLUSTER_AREA_M2,
    MAX_SLOPE_GRADE,
    OUTPUT,
    OUTPUT_EXCLUDED,
    OUTPUT_RESERVE,
    OUTPUT_VILLAGES,
    PBF,
    RANK_BY,
    RECLAIM_VILLAGE_CORES,
    RED_LINE,
    RESERVE_M2,
    SLOPE_FIELD,
    TARGET_KCXS,
    TOP_VILLAGES,
)
from ...core.units import M2_PER_HA, MU_PER_M2, number_text
from ...core.values import plain_all
from .base import LandConsolidationAlgorithm, table_fields, user_errors

RANK_OPTIONS = ("rate", "area")
DEFAULTS = potential.Rules()

BASE_SPEC = [
    ("BSM", str), ("DLBM", str), ("DLMC", str), ("ZLDWDM", str), ("ZLDWMC", str), ("AREA_M2", float),
    ("TBDLMJ", float), ("KCXS", float), ("SLOPE_GRADE", float), ("CZCSXM", str),
]
EXTRA_SPEC = [
    ("IN_DEV_BOUNDARY", int), ("IN_PBF", int), ("CLUSTER_ID", int), ("CLUSTER_AREA_M2", float), ("BLOCK_ID", int),
    ("BLOCK_AREA_M2", float),
]
CANDIDATE_SPEC = [("POTENTIAL_TYPE", str), ("TYPE_NAME", str), ("RULE", str), ("RULE_TEXT", str),
                  ("EST_ADDED_M2", float)] + BASE_SPEC + EXTRA_SPEC
EXCLUDED_SPEC = [("POTENTIAL_TYPE", str), ("TYPE_NAME", str), ("RULE", str), ("REASON", str),
                 ("REASON_TEXT", str)] + BASE_SPEC + EXTRA_SPEC
VILLAGE_SPEC = [("TOWNSHIP", str), ("ZLDWDM", str), ("ZLDWMC", str), ("PARCELS", int), ("AREA_M2", float),
                ("CULTIVATED_M2", float)] + [
    (f"{key.upper()}{suffix}", float) for key in potential.TYPES for suffix in ("_M2", "_EST_M2")
] + [("EST_ADDED_M2", float), ("EST_RATE", float), ("RANK", int), ("CUM_EST_M2", float),
     ("CUM_CULTIVATED_M2", float), ("CUM_RATE", float)]
RESERVE_SPEC = [("ZLDWDM", str), ("ZLDWMC", str), ("BSM", str), ("DLBM", str), ("DLMC", str), ("CZCSXM", str),
                ("CLASS", str), ("CLASS_NAME", str), ("AREA_M2", float), ("IN_DEV_BOUNDARY", int),
                ("IN_RED_LINE", int), ("CLUSTER_ID", int), ("CLUSTER_AREA_M2", float), ("CLUSTER_PARCELS", int),
                ("CANDIDATE", int), ("EST_ADDED_M2", float)]
#: Output number per candidate type with an area estimate.
TYPE_NUMBERS = {key: f"{key.upper()}_EST_M2" for key in potential.TYPES if key != "high_standard"}


class PotentialAlgorithm(LandConsolidationAlgorithm):
    """Candidate parcels for new 耕地, the village ranking and the 建设用地腾退储备库."""

    def name(self) -> str:  # noqa: D102
        return "potential"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Potential survey")

    group_id = "indicators"
    output_styles = {OUTPUT: "potential", OUTPUT_EXCLUDED: "potential"}

    def shortHelpString(self) -> str:  # noqa: N802,D102
        d = DEFAULTS
        return self.tr(
            "From the current DLTB alone: where new cultivated land can come from, how much (an ESTIMATE), and "
            "which villages are richest in it – the survey before a project area is chosen.\n\n"
            "Candidate types (POTENTIAL_TYPE, with the RULE that selected each parcel):\n"
            "• restorable – restoration of cultivated land: K-coded plots (0201K, 0301K, 1104K …); optionally "
            "garden land and degraded forest (GARDEN_FOREST_CODES, default 0201–0204, 0307) on slope grade "
            "≤ {gslope};\n"
            "• development – reserve land for cultivation: DEVELOPMENT_CODES (default 0404 other grassland, 1204 "
            "saline land, 1205 sandy land, 1206 bare soil);\n"
            "• reclamation – reclamation of rural construction land (CZCSXM 203/203A; where CZCSXM is empty 0702, "
            "0601, 1201) in a small isolated cluster: parcels within {dist:g} m of each other form a cluster, and a "
            "cluster of at most {area:g} m² (Σ TBMJ) is isolated. Parcels of larger clusters (village cores) are "
            "only listed in the reserve inventory unless RECLAIM_VILLAGE_CORES is set;\n"
            "• mine – abandoned mining land: mining land 0602 (or CZCSXM 204) outside towns;\n"
            "• tiankan – merging of field ridges: cultivated land whose field-ridge coefficient exceeds the "
            "target {kcxs:g};\n"
            "• high_standard – high-standard farmland: cultivated land not yet high-standard (HIGH_STANDARD layer "
            "or field) in contiguous blocks of ≥ {block:g} mu (roads, ditches and field ridges ≤ {gap:g} m wide "
            "do not break a block); only when a high-standard layer or field is given.\n\n"
            "Exclusions (OUTPUT_EXCLUDED lists them with the reason): inside the ecological protection red line "
            "(every type); slope grade (GDPDJB) above {slope} where known (every type); reclamation and mines "
            "inside the urban development boundary. A parcel is inside a layer when ≥ {share:g} % of its area is. "
            "Candidates inside the permanent basic farmland (PBF) are flagged IN_PBF (K-plots there are the first "
            "to restore).\n\n"
            "EST_ADDED_M2 is an estimate of new cultivated land on the TBDLMJ basis: a parcel becoming cultivated "
            "land carries the target field-ridge coefficient, so EST = TBMJ − round(TBMJ × {kcxs:g}, 2); for "
            "field-ridge merging EST = KCMJ − round(TBMJ × {kcxs:g}, 2); high_standard rows carry 0 (their gain "
            "is the parcel's tiankan row). Each estimate is rounded to 0.01 m².\n\n"
            "OUTPUT_VILLAGES: per village (ZLDWDM) the total area Σ TBMJ, cultivated land (Σ TBDLMJ), candidate "
            "area and estimate per type, EST_ADDED_M2 (= the sum of the village's candidates), EST_RATE (% of the "
            "village's cultivated land) and RANK within the township by rate (or by area, RANK_BY); CUM_RATE is "
            "the rate of the villages ranked so far taken together – read down until it passes 5 %.\n\n"
            "OUTPUT_RESERVE (the inventory of construction land to vacate): every rural construction parcel with "
            "village, BSM, class (isolated, village core, mining land), area, in/out of the urban development "
            "boundary and the red line, cluster id, cluster area and parcel count, and whether it is a candidate."
            "\n\nThe TYPE_NAME, RULE_TEXT and REASON_TEXT fields are in Chinese, as in the official survey tables."
        ).format(gslope=d.garden_forest_max_slope_grade, dist=d.cluster_distance, area=d.max_cluster_area,
                 kcxs=d.target_kcxs, block=d.min_block_area * MU_PER_M2, gap=d.block_max_gap,
                 slope=d.max_slope_grade, share=d.inside_share * 100)

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        d = DEFAULTS
        self.addParameter(QgsProcessingParameterFeatureSource(
            INPUT, self.tr("Land-use parcels (DLTB)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.parameterDefinition(INPUT).setHelp(
            self.tr("Land-use parcels (DLTB) of the current state from the land survey (a township or a county), "
                    "projected CGCS2000 Gauss-Krüger (e.g. EPSG:4528)."))
        self.add_project_area_parameter()
        for key, label, help_text in (
            (DEVELOPMENT_BOUNDARY, self.tr("Urban development boundary"),
             self.tr("Rural construction land and mines inside it are not reclamation candidates.")),
            (RED_LINE, self.tr("Ecological protection red line"),
             self.tr("Parcels inside it are never candidates.")),
            (PBF, self.tr("Permanent basic farmland"),
             self.tr("Candidates inside it are flagged IN_PBF = 1.")),
        ):
            self.addParameter(QgsProcessingParameterFeatureSource(
                key, label, [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
            self.parameterDefinition(key).setHelp(help_text)
        self._number(TARGET_KCXS, self.tr("Target field-ridge coefficient after consolidation"), d.target_kcxs,
                     self.tr("New cultivated land carries it (its estimate is net of it); cultivated land above it "
                             "gives back the difference (field-ridge merging). Local practice; default {v:g}.").format(
                         v=d.target_kcxs),
                     minimum=0.0, maximum=0.99)
        self._number(MAX_SLOPE_GRADE, self.tr("Highest slope grade (GDPDJB) of a candidate"), d.max_slope_grade,
                     self.tr("1 ≤2°, 2 ≤6°, 3 ≤15°, 4 ≤25°, 5 >25°. Parcels on a higher grade are excluded; "
                             "parcels without a grade are not."), integer=True, minimum=1, maximum=5)
        codes = QgsProcessingParameterString(
            DEVELOPMENT_CODES, self.tr("Codes of reserve land for cultivation"), defaultValue=",".join(d.development_codes))
        codes.setHelp(self.tr("Comma-separated land-survey codes developable into cultivated land (default other "
                              "grassland, saline land, sandy land, bare soil; add 1104 to count ponds)."))
        self.addParameter(codes)
        garden = QgsProcessingParameterBoolean(
            INCLUDE_GARDEN_FOREST, self.tr("Count garden land and degraded forest as restorable"),
            defaultValue=d.include_garden_forest)
        garden.setHelp(self.tr("Also list garden land and degraded forest (GARDEN_FOREST_CODES) on good slope grades "
                               "as candidates for restoration."))
        self.addParameter(garden)
        garden_codes = QgsProcessingParameterString(
            GARDEN_FOREST_CODES, self.tr("Codes of garden land and degraded forest"),
            defaultValue=",".join(d.garden_forest_codes))
        garden_codes.setHelp(self.tr("Codes counted with the option above (0307 other forest land stands for degraded forest)."))
        self._advanced(garden_codes)
        self._number(GARDEN_FOREST_MAX_SLOPE_GRADE, self.tr("Highest slope grade of garden and degraded-forest candidates"),
                     d.garden_forest_max_slope_grade, self.tr("Default 2 (≤ 6°)."), integer=True, minimum=1,
                     maximum=5, advanced=True)
        self._number(CLUSTER_DISTANCE, self.tr("Cluster distance for rural construction land (m)"),
                     d.cluster_distance, self.tr("Rural construction parcels at most this far apart belong to one "
                                                 "cluster (settlement)."), minimum=0.0)
        self._number(MAX_CLUSTER_AREA_M2, self.tr("Largest small isolated cluster (m²)"), d.max_cluster_area,
                     self.tr("A cluster of at most this area (Σ TBMJ) is a small isolated cluster, the classic "
                             "candidate for vacating; default 10 000 m² (15 mu)."), minimum=0.0)
        cores = QgsProcessingParameterBoolean(
            RECLAIM_VILLAGE_CORES, self.tr("Count village cores (larger clusters) as reclamation candidates"),
            defaultValue=d.reclaim_village_cores)
        cores.setHelp(self.tr("Off: parcels of larger clusters are only listed in the reserve inventory."))
        self._advanced(cores)
        mines = QgsProcessingParameterBoolean(
            COUNT_MINES, self.tr("Count mining land in the estimate"), defaultValue=d.count_mines)
        mines.setHelp(self.tr("Off: mines stay candidates with EST_ADDED_M2 = 0 (e.g. when they are to be "
                              "restored to forest)."))
        self._advanced(mines)
        self._number(INSIDE_SHARE, self.tr("Share of a parcel that puts it inside a layer (%)"),
                     d.inside_share * 100, self.tr("A parcel is inside the red line, the development boundary, the "
                                                   "PBF or the high-standard layer when at least this share of its "
                                                   "area is."), minimum=0.01, maximum=100.0, advanced=True)
        hs = QgsProcessingParameterFeatureSource(
            HIGH_STANDARD, self.tr("Built high-standard farmland"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True)
        hs.setHelp(self.tr("With this layer (or the field below) cultivated land outside it in large blocks is "
                           "listed as high-standard farmland candidates."))
        self.addParameter(hs)
        hs_field = QgsProcessingParameterField(
            HIGH_STANDARD_FIELD, self.tr("…or high-standard field on the DLTB"), parentLayerParameterName=INPUT,
            optional=True)
        hs_field.setHelp(self.tr("A parcel is high-standard when the field is 1, Y, YES, T or TRUE, or the Chinese for "
                              "yes or built."))
        self._advanced(hs_field)
        self._number(HIGH_STANDARD_MIN_BLOCK_MU, self.tr("Smallest block of high-standard farmland candidates (mu)"),
                     round(d.min_block_area * MU_PER_M2, 6),
                     self.tr("Blocks of not yet high-standard cultivated land (Σ TBDLMJ) below this are not "
                             "listed; default 100 mu (a 100-mu block)."),
                     minimum=0.0)
        self._number(BLOCK_MAX_GAP, self.tr("Widest road/ditch inside a block (m)"), d.block_max_gap,
                     self.tr("As in the contiguity analysis: 1006/1107/1203 parcels at most this wide do not "
                             "break a block."), minimum=0.0, maximum=contiguity.MAX_GAP_LIMIT, advanced=True)
        rank = QgsProcessingParameterEnum(
            RANK_BY, self.tr("Rank villages by"),
            options=[self.tr("Estimated new cultivated land rate (% of the village's cultivated land)"),
                     self.tr("Estimated new cultivated land area")], defaultValue=0)
        rank.setHelp(self.tr("The rate is what the ≥ 5 % rule measures; the area favours large villages."))
        self.addParameter(rank)
        for key, label, help_text in (
            (CODE_FIELD, self.tr("Land-use code field (default: detected DLBM)"),
             self.tr("Field holding the land-survey code.")),
            (SLOPE_FIELD, self.tr("Slope grade field (default: detected GDPDJB)"),
             self.tr("Field holding the slope grade 1–5.")),
        ):
            param = QgsProcessingParameterField(key, label, parentLayerParameterName=INPUT, optional=True)
            param.setHelp(help_text)
            self._advanced(param)
        for key, label, kind, help_text in (
            (OUTPUT, self.tr("Potential candidates"), QgsProcessing.SourceType.TypeVectorPolygon,
             self.tr("One feature per candidate parcel and type: POTENTIAL_TYPE, RULE, EST_ADDED_M2 (estimate), "
                     "BSM, DLBM, ZLDWDM, AREA_M2 (TBMJ), flags, cluster and block.")),
            (OUTPUT_VILLAGES, self.tr("Village ranking"), QgsProcessing.SourceType.TypeVector,
             self.tr("One row per village (ZLDWDM): areas, potential per type, estimate, rate, rank, "
                     "cumulative rate.")),
            (OUTPUT_RESERVE, self.tr("Inventory of construction land to vacate"),
             QgsProcessing.SourceType.TypeVector,
             self.tr("Every rural construction parcel: village, BSM, class, area, in/out of the development "
                     "boundary, cluster id and size, candidate or not.")),
        ):
            sink = QgsProcessingParameterFeatureSink(key, label, kind)
            sink.setHelp(help_text)
            self.addParameter(sink)
        excluded = QgsProcessingParameterFeatureSink(
            OUTPUT_EXCLUDED, self.tr("Excluded parcels"), QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True, createByDefault=False)
        excluded.setHelp(self.tr("Parcels a rule selected but an exclusion removed, with REASON (red_line, slope, "
                                 "dev_boundary, village_core)."))
        self.addParameter(excluded)
        self.addOutput(QgsProcessingOutputNumber(EST_ADDED_M2, self.tr("Estimated new cultivated land (m²)")))
        self.addOutput(QgsProcessingOutputNumber(EST_RATE, self.tr("Estimate as % of the cultivated land")))
        self.addOutput(QgsProcessingOutputNumber(CULTIVATED_M2, self.tr("Cultivated land (m², TBDLMJ)")))
        self.addOutput(QgsProcessingOutputNumber(CANDIDATE_COUNT, self.tr("Candidate rows")))
        self.addOutput(QgsProcessingOutputNumber(RESERVE_M2, self.tr("Rural construction land in the reserve (m²)")))
        for key, number in TYPE_NUMBERS.items():
            self.addOutput(QgsProcessingOutputNumber(
                number, self.tr("Estimate: {t}").format(t=self.tr(potential.TYPE_LABELS[key]))))
        self.addOutput(QgsProcessingOutputString(TOP_VILLAGES, self.tr("Villages by rank")))

    def _advanced(self, param) -> None:
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)

    def _number(self, key, label, default, help_text, *, integer=False, minimum=None, maximum=None,
                advanced=False) -> None:
        kind = QgsProcessingParameterNumber.Type.Integer if integer else QgsProcessingParameterNumber.Type.Double
        kwargs = {"defaultValue": default}
        if minimum is not None:
            kwargs["minValue"] = minimum
        if maximum is not None:
            kwargs["maxValue"] = maximum
        param = QgsProcessingParameterNumber(key, label, kind, **kwargs)
        param.setHelp(help_text)
        if advanced:
            self._advanced(param)
        else:
            self.addParameter(param)

    def _rules(self, parameters, context) -> potential.Rules:
        return potential.Rules(
            target_kcxs=self.parameterAsDouble(parameters, TARGET_KCXS, context),
            max_slope_grade=self.parameterAsInt(parameters, MAX_SLOPE_GRADE, context),
            development_codes=self.parameterAsString(parameters, DEVELOPMENT_CODES, context),
            include_garden_forest=self.parameterAsBool(parameters, INCLUDE_GARDEN_FOREST, context),
            garden_forest_codes=self.parameterAsString(parameters, GARDEN_FOREST_CODES, context),
            garden_forest_max_slope_grade=self.parameterAsInt(parameters, GARDEN_FOREST_MAX_SLOPE_GRADE, context),
            cluster_distance=self.parameterAsDouble(parameters, CLUSTER_DISTANCE, context),
            max_cluster_area=self.parameterAsDouble(parameters, MAX_CLUSTER_AREA_M2, context),
            reclaim_village_cores=self.parameterAsBool(parameters, RECLAIM_VILLAGE_CORES, context),
            count_mines=self.parameterAsBool(parameters, COUNT_MINES, context),
            inside_share=self.parameterAsDouble(parameters, INSIDE_SHARE, context) / 100.0,
            min_block_area=self.parameterAsDouble(parameters, HIGH_STANDARD_MIN_BLOCK_MU, context) / MU_PER_M2,
            block_max_gap=self.parameterAsDouble(parameters, BLOCK_MAX_GAP, context),
            rank_by=RANK_OPTIONS[self.parameterAsEnum(parameters, RANK_BY, context)],
        )

    def compute(self, parameters, context, feedback):  # noqa: D102
        source = self.parameterAsSource(parameters, INPUT, context)
        if source is None:
            raise self.invalid_source(parameters, INPUT)
        layers = {key: self.parameterAsSource(parameters, key, context)
                  for key in (DEVELOPMENT_BOUNDARY, RED_LINE, PBF, HIGH_STANDARD)}
        overrides = {}
        for key, role in ((CODE_FIELD, "code"), (SLOPE_FIELD, "gdpdjb")):
            chosen = self.parameterAsFields(parameters, key, context)
            if chosen:
                overrides[role] = chosen[0]
        hs_field = (self.parameterAsFields(parameters, HIGH_STANDARD_FIELD, context) or [None])[0]
        with user_errors():
            rules = self._rules(parameters, context).validated()
            crs = dltb.check_projected(source)
            area = self.project_area(parameters, context, crs)
            feedback.pushInfo(self.tr("Reading the DLTB and the constraint layers…"))
            # The layer itself when used whole: the DLTB reader then reads it through GDAL.
            dltb_input = self.whole_layer_or_source(parameters, INPUT, context)
            result = potential.survey(
                dltb_input, development_boundary=layers[DEVELOPMENT_BOUNDARY], red_line=layers[RED_LINE],
                pbf=layers[PBF], high_standard=layers[HIGH_STANDARD], high_standard_field=hs_field,
                project_area=area, rules=rules, overrides=overrides or None,
                transform_context=context.transformContext(), progress=feedback.setProgress,
                is_canceled=feedback.isCanceled,
            )
        for note in result.parcels.notes + result.notes:
            feedback.pushWarning(note)

        candidates, villages = result.candidates, result.villages
        geoms = result.parcels.geometries
        dest = self._write_parcels(parameters, OUTPUT, context, CANDIDATE_SPEC, candidates, geoms, crs, feedback)
        outputs = {OUTPUT: dest}
        outputs[OUTPUT_VILLAGES] = self.write_table_output(
            parameters, OUTPUT_VILLAGES, context, VILLAGE_SPEC, villages, feedback)
        outputs[OUTPUT_RESERVE] = self.write_table_output(
            parameters, OUTPUT_RESERVE, context, RESERVE_SPEC, result.reserve, feedback)
        if parameters.get(OUTPUT_EXCLUDED):
            excluded_dest = self._write_parcels(parameters, OUTPUT_EXCLUDED, context, EXCLUDED_SPEC,
                                                result.excluded, geoms, crs, feedback)
            if excluded_dest is not None:
                outputs[OUTPUT_EXCLUDED] = excluded_dest

        cultivated = round(float(villages["CULTIVATED_M2"].sum()), 2) if len(villages) else 0.0
        total = result.est_added_m2
        by_type = result.est_by_type()
        outputs[EST_ADDED_M2] = total
        outputs[CULTIVATED_M2] = cultivated
        outputs[EST_RATE] = total / cultivated * 100.0 if cultivated > 0 else None
        outputs[CANDIDATE_COUNT] = len(candidates)
        outputs[RESERVE_M2] = round(float(result.reserve["AREA_M2"].sum()), 2) if len(result.reserve) else 0.0
        for key, number in TYPE_NUMBERS.items():
            outputs[number] = by_type[key]
        outputs[TOP_VILLAGES] = "; ".join(self.tr("{rank}. {name} ({code}) {area:.4f} ha {rate} %").format(
            rank=r.RANK, name=r.ZLDWMC or "—", code=r.ZLDWDM or "—", area=r.EST_ADDED_M2 / M2_PER_HA,
            rate=number_text(r.EST_RATE)) for r in villages.itertuples(index=False))
        self._log(result, outputs, feedback)
        return outputs

    def _write_parcels(self, parameters, key, context, spec, frame, geoms, crs, feedback):
        fields = table_fields(spec)
        sink, dest = self.parameterAsSink(parameters, key, context, fields, QgsWkbTypes.Type.MultiPolygon, crs)
        if sink is None:
            if key == OUTPUT:
                raise QgsProcessingException(self.invalidSinkError(parameters, key))
            return None
        names = [name for name, _ in spec]
        rows = frame["row"].to_numpy() if len(frame) else []
        records = frame.reindex(columns=names).to_dict("records")
        for row, record in zip(rows, records):
            if feedback.isCanceled():
                break
            feature = QgsFeature(fields)
            geom = geoms[int(row)]
            if not geom.isMultipart():
                geom = QgsGeometry(geom)
                geom.convertToMultiType()
            feature.setGeometry(geom)
            feature.setAttributes(plain_all(record[n] for n in names))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest

    def _log(self, result, outputs, feedback) -> None:
        feedback.pushInfo(self.tr("Estimated new cultivated land (TBDLMJ basis, net of the target field-ridge "
                                  "coefficient): {m2:.2f} m² = {ha:.4f} ha = {rate} % of the cultivated land.").format(
            m2=outputs[EST_ADDED_M2], ha=outputs[EST_ADDED_M2] / M2_PER_HA, rate=number_text(outputs[EST_RATE])))
        for key, number in TYPE_NUMBERS.items():
            feedback.pushInfo(self.tr("{type} ({key}): {area:.2f} m².").format(
                type=self.tr(potential.TYPE_LABELS[key]), key=key, area=outputs[number]))
        feedback.pushInfo(self.tr("Villages, best first:"))
        for r in result.villages.itertuples(index=False):
            feedback.pushInfo(self.tr(
                "{rank}. {name} {code}: {area:.4f} ha, {rate} % of its {cultivated:.4f} ha of cultivated land; "
                "{cumulative} % together with the villages above.").format(
                rank=r.RANK, name=r.ZLDWMC, code=r.ZLDWDM, area=r.EST_ADDED_M2 / M2_PER_HA,
                rate=number_text(r.EST_RATE), cultivated=r.CULTIVATED_M2 / M2_PER_HA,
                cumulative=number_text(r.CUM_RATE)))


