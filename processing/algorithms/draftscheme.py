"""landconsolidation:draftscheme – 方案编制助手: a plan meeting the targets at the least cost (core/draft.py)."""
from __future__ import annotations

import datetime
import math

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QVariant

from ...core import codes as codes_mod
from ...core import dltb, potential
from ...core import draft as draft_mod
from ...core.errors import LandConsolidationError
from ...core.fields import parse_field_mapping
from ...core.keys import (
    ADDED_M2,
    ADDED_RATE,
    CHOSEN_COUNT,
    COST,
    COST_DEVELOPMENT,
    COST_FIELD,
    COST_MINE,
    COST_RECLAMATION,
    COST_RESTORABLE,
    COST_TIANKAN,
    DEVELOPMENT_BOUNDARY,
    END_YEAR,
    EXCLUDE,
    FEASIBLE,
    FIELD_MAPPING,
    GAP_PCT,
    INCLUDE,
    INPUT,
    LP_BOUND,
    MAX_BUDGET,
    NEW_BUILD_M2,
    NEW_CULTIVATED_CODE,
    OUTPUT,
    OUTPUT_CANDIDATES,
    OUTPUT_SUBPROJECTS,
    PBF,
    PREFER_CONTIGUITY,
    REASON,
    RECLAIMED_M2,
    RED_LINE,
    SHORTFALL_M2,
    SOLVER,
    START_YEAR,
    TARGET_ADDED_RATE,
    TARGET_KCXS,
)
from ...core.units import MU_PER_M2
from ...core.values import plain_all, to_number
from ...i18n import tr_noop
from .base import LandConsolidationAlgorithm, user_errors

#: Planned code of new 耕地 (NEW_CULTIVATED_CODE options).
NEW_CODES = ("0103", "0102")
SOLVERS = ("auto", "greedy")
#: (key, UnitCosts attribute, label).
COST_PARAMETERS = (
    (COST_RESTORABLE, "restorable", tr_noop("Unit cost: restoring K plots to cultivated land (yuan/mu)")),
    (COST_DEVELOPMENT, "development", tr_noop("Unit cost: developing reserve land (yuan/mu)")),
    (COST_RECLAMATION, "reclamation", tr_noop("Unit cost: reclaiming rural construction land (yuan/mu)")),
    (COST_MINE, "mine", tr_noop("Unit cost: reclaiming abandoned mines (yuan/mu)")),
    (COST_TIANKAN, "tiankan", tr_noop("Unit cost: merging field ridges (yuan/mu)")),
)
CANDIDATE_FIELDS = (("BSM", QVariant.Type.String), ("DLBM", QVariant.Type.String), ("ZLDWDM", QVariant.Type.String),
                    ("ZLDWMC", QVariant.Type.String), ("POTENTIAL_TYPE", QVariant.Type.String),
                    ("TYPE_NAME", QVariant.Type.String), ("AREA_M2", QVariant.Type.Double),
                    ("EST_ADDED_M2", QVariant.Type.Double), ("RECLAIMED_M2", QVariant.Type.Double),
                    ("COST", QVariant.Type.Double), ("BONUS", QVariant.Type.Double), ("CHOSEN", QVariant.Type.Int),
                    ("REASON", QVariant.Type.String))
SUBPROJECT_FIELDS = (("XMBH", QVariant.Type.String), ("XMMC", QVariant.Type.String), ("XMLX", QVariant.Type.String),
                     ("TZJE", QVariant.Type.Double), ("SSND", QVariant.Type.Int), ("ZLDWDM", QVariant.Type.String),
                     ("XMMJ", QVariant.Type.Double), ("PARCELS", QVariant.Type.Int))
#: Fields the draft adds to (or replaces on) the DLTB.
PLAN_FIELDS = (("GHDLBM", QVariant.Type.String), ("GHKCXS", QVariant.Type.Double), ("ZXM", QVariant.Type.String))


class DraftSchemeAlgorithm(LandConsolidationAlgorithm):
    """Chooses the potential survey's candidates that meet the targets at the least cost, and writes the plan."""

    group_id = "scheme"
    output_styles = {OUTPUT_CANDIDATES: "potential", OUTPUT_SUBPROJECTS: "zxm"}

    def name(self) -> str:  # noqa: D102
        return "draftscheme"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Draft a scheme")

    def shortHelpString(self) -> str:  # noqa: N802,D102
        d = draft_mod.UnitCosts()
        return self.tr(
            "Proposes a plan: from the candidates of the potential survey (run with the same layers), the "
            "selection that reaches new cultivated land ≥ TARGET_ADDED_RATE % of the original cultivated land (as "
            "the compliance rule measures it) and reclaims at least NEW_BUILD_M2 of rural construction land (so "
            "construction land does not grow and new construction stays within the reclaimed land), within "
            "MAX_BUDGET, at the least cost.\n\n"
            "Never chosen: candidates with 1 m² or more inside the ecological protection red line (RED_LINE), "
            "reclamation inside the urban development boundary (DEVELOPMENT_BOUNDARY), anything in EXCLUDE "
            "(BSMs). INCLUDE forces candidates in. Permanent basic farmland (PBF) is never adjusted.\n\n"
            "Cost: COST_FIELD (the parcel's cost in yuan) where given, else the unit cost of its type × its TBMJ "
            "in mu. The defaults are planning assumptions ({restorable:g}, {development:g}, {reclamation:g}, "
            "{mine:g} and {tiankan:g} yuan/mu for restoring K plots, developing reserve land, reclaiming rural "
            "construction land, reclaiming mines and merging field ridges; the last is half the 3 000 yuan/mu of "
            "the national high-standard farmland plan 2021–2030): set your county's budget standard. "
            "PREFER_CONTIGUITY credits so many yuan per mu to new cultivated land in a block of cultivated land of "
            "100 mu or more.\n\n"
            "Solver: SciPy's milp (exact) when QGIS's Python has SciPy ≥ 1.9, else a greedy cover with repair; "
            "SOLVER, LP_BOUND and GAP_PCT say which ran and how far the cost is from the linear-programming lower "
            "bound. FEASIBLE is 0 with REASON (e.g. the candidates fall 12 600 m² short) when the targets cannot "
            "be met; the outputs then hold the best attempt.\n\n"
            "OUTPUT: the DLTB with GHDLBM (the planned code: a restored pond 1104K becomes 0101 paddy, other new "
            "cultivated land NEW_CULTIVATED_CODE, 0103 dry land by default; merged field ridges keep their code; "
            "parcels not chosen keep theirs), GHKCXS (the target field-ridge coefficient on new and merged "
            "cultivated land) and ZXM (the sub-project). Feed it to the other algorithms with AFTER_FIELD=GHDLBM and "
            "AFTER_KCXS_FIELD=GHKCXS. OUTPUT_CANDIDATES: every candidate with EST_ADDED_M2, COST, CHOSEN and REASON. "
            "OUTPUT_SUBPROJECTS: the chosen parcels by village and type (XMBH, XMMC, XMLX, TZJE in 10 000 yuan, "
            "SSND spread over START_YEAR–END_YEAR, reclamation first), a layer the wizard and the workbook take as "
            "sub-projects."
        ).format(restorable=d.restorable, development=d.development, reclamation=d.reclamation, mine=d.mine,
                 tiankan=d.tiankan)

    def initAlgorithm(self, _config=None):  # noqa: N802,D102,ARG002
        self.add_dltb_parameter(INPUT)
        self.add_project_area_parameter()
        for key, label in ((RED_LINE, self.tr("Ecological protection red line")),
                           (DEVELOPMENT_BOUNDARY, self.tr("Urban development boundary")),
                           (PBF, self.tr("Permanent basic farmland"))):
            self.addParameter(QgsProcessingParameterFeatureSource(
                key, label, [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self._number(TARGET_ADDED_RATE, self.tr("Target new cultivated land (% of the original cultivated land)"),
                     5.0, minimum=0.0)
        self._number(NEW_BUILD_M2, self.tr("Construction land needed (m², reclaimed at least)"), 0.0, minimum=0.0)
        self._number(MAX_BUDGET, self.tr("Budget (yuan)"), None, minimum=0.0)
        defaults = draft_mod.UnitCosts()
        for key, attr, label in COST_PARAMETERS:
            self._number(key, self.tr(label), getattr(defaults, attr), minimum=0.0, advanced=True)
        cost_field = QgsProcessingParameterField(COST_FIELD, self.tr("Cost field (yuan per parcel)"),
                                                 parentLayerParameterName=INPUT, optional=True,
                                                 type=QgsProcessingParameterField.DataType.Numeric)
        cost_field.setFlags(cost_field.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(cost_field)
        self._number(PREFER_CONTIGUITY, self.tr("Preference for 100-mu blocks (yuan credited per mu)"), 0.0, minimum=0.0)
        for key, label in ((INCLUDE, self.tr("Always choose (BSMs)")), (EXCLUDE, self.tr("Never choose (BSMs)"))):
            param = QgsProcessingParameterString(key, label, optional=True)
            param.setHelp(self.tr("BSMs separated by commas, enumeration commas or spaces."))
            self.addParameter(param)
        code = QgsProcessingParameterEnum(NEW_CULTIVATED_CODE, self.tr("Planned code of new cultivated land"),
                                          options=[self.tr("0103 dry land"), self.tr("0102 irrigated land")],
                                          defaultValue=0)
        self.addParameter(code)
        this_year = datetime.date.today().year
        for key, label, default in ((START_YEAR, self.tr("First year of implementation"), this_year),
                                    (END_YEAR, self.tr("Last year of implementation"), this_year + 2)):
            self.addParameter(QgsProcessingParameterNumber(key, label, QgsProcessingParameterNumber.Type.Integer,
                                                           defaultValue=default, minValue=1900, maxValue=2200))
        self._number(TARGET_KCXS, self.tr("Target field-ridge coefficient after consolidation"),
                     potential.Rules().target_kcxs, minimum=0.0, maximum=0.99, advanced=True)
        solver = QgsProcessingParameterEnum(SOLVER, self.tr("Solver"), options=[
            self.tr("Exact (SciPy milp) when available, else greedy"), self.tr("Greedy with repair")], defaultValue=0)
        solver.setFlags(solver.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(solver)
        mapping = QgsProcessingParameterString(FIELD_MAPPING, self.tr("Field mapping (JSON role → field)"),
                                               optional=True)
        mapping.setFlags(mapping.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        mapping.setHelp(self.tr('e.g. {"code": "DLBM2", "tbmj": "MJ"}; roles not given are detected.'))
        self.addParameter(mapping)
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, self.tr("DLTB with the drafted plan (GHDLBM)"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_CANDIDATES, self.tr("Candidates and choices"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_SUBPROJECTS, self.tr("Drafted sub-projects"), QgsProcessing.SourceType.TypeVectorPolygon))
        for key, label in ((ADDED_M2, self.tr("New cultivated land of the draft (m²)")),
                           (ADDED_RATE,
                            self.tr("New cultivated land of the draft (% of the original cultivated land)")),
                           (RECLAIMED_M2, self.tr("Construction land reclaimed (m²)")),
                           (COST, self.tr("Cost (yuan)")), (CHOSEN_COUNT, self.tr("Candidates chosen")),
                           (FEASIBLE, self.tr("Targets met (1/0)")), (SHORTFALL_M2, self.tr("New cultivated land missing (m²)")),
                           (LP_BOUND, self.tr("Lower bound of the cost (yuan)")),
                           (GAP_PCT, self.tr("Gap to the lower bound (%)"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputString(SOLVER, self.tr("Solver used")))
        self.addOutput(QgsProcessingOutputString(REASON, self.tr("Why the targets are not met")))

    def _number(self, key, label, default, minimum=None, maximum=None, advanced=False):
        param = QgsProcessingParameterNumber(key, label, QgsProcessingParameterNumber.Type.Double,
                                             defaultValue=default, optional=default is None,
                                             minValue=minimum if minimum is not None else -1e12,
                                             maxValue=maximum if maximum is not None else 1e15)
        if advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)

    # ------------------------------------------------------------------ the run

    def compute(self, parameters, context, feedback):  # noqa: D102
        source = self.parameterAsSource(parameters, INPUT, context)
        if source is None:
            raise self.invalid_source(parameters, INPUT)
        settings = self._settings(parameters, context)
        first = self.parameterAsInt(parameters, START_YEAR, context)
        last = self.parameterAsInt(parameters, END_YEAR, context)
        cost_field = (self.parameterAsFields(parameters, COST_FIELD, context) or [None])[0]
        layers = {key: self.parameterAsSource(parameters, key, context) for key in (RED_LINE, DEVELOPMENT_BOUNDARY, PBF)}
        with user_errors():
            overrides = parse_field_mapping(self.parameterAsString(parameters, FIELD_MAPPING, context).strip())
            if last < first:
                raise LandConsolidationError(self.tr("END_YEAR {last} lies before START_YEAR {first}.").format(
                    last=last, first=first))
            crs = dltb.check_projected(source)
            area = self.project_area(parameters, context, crs)
            feedback.pushInfo(self.tr("Potential survey of the DLTB…"))
            rules = potential.Rules(target_kcxs=self.parameterAsDouble(parameters, TARGET_KCXS, context))
            survey = potential.survey(
                self.whole_layer_or_source(parameters, INPUT, context), development_boundary=layers[DEVELOPMENT_BOUNDARY],
                red_line=layers[RED_LINE], pbf=layers[PBF], project_area=area, rules=rules, overrides=overrides or None,
                transform_context=context.transformContext(), progress=lambda p: feedback.setProgress(0.6 * p),
                is_canceled=feedback.isCanceled)
            red = potential.read_constraint(layers[RED_LINE], crs, context.transformContext(), "生态保护红线")
            costs = self._cost_values(source, survey, cost_field)
            bonus_rows = self._bonus_rows(survey, settings, feedback)
            feedback.pushInfo(self.tr("Choosing among {n} candidates…").format(n=len(survey.candidates)))
            township = str(survey.parcels.frame["village"].dropna().astype(str).str[:9].mode().iat[0]) \
                if survey.parcels.frame["village"].astype(str).str.len().gt(0).any() else ""
            result = draft_mod.draft(survey, settings, red_line=red, cost_values=costs, block_bonus_rows=bonus_rows,
                                     years=(first, last), township=township)
        feedback.setProgress(80)
        for note in survey.parcels.notes + survey.notes + result.notes:
            feedback.pushWarning(note)
        outputs = {
            OUTPUT: self._write_plan(parameters, context, source, survey, result, feedback),
            OUTPUT_CANDIDATES: self._write_candidates(parameters, context, survey, result, crs),
            OUTPUT_SUBPROJECTS: self._write_subprojects(parameters, context, survey, result, crs),
        }
        self._log(result, feedback)
        outputs.update({
            ADDED_M2: round(result.added_m2, 2),
            ADDED_RATE: None if math.isnan(result.added_rate) else round(result.added_rate, 4),
            RECLAIMED_M2: round(result.reclaimed_m2, 2), COST: round(result.cost, 2),
            CHOSEN_COUNT: int(result.candidates["CHOSEN"].sum()), FEASIBLE: int(result.feasible),
            SHORTFALL_M2: round(result.shortfall_m2, 2),
            LP_BOUND: None if not math.isfinite(result.lp_bound) else round(result.lp_bound, 2),
            GAP_PCT: None if math.isnan(result.gap_percent) else round(result.gap_percent, 4),
            SOLVER: result.solver, REASON: result.reason,
        })
        return outputs

    def _settings(self, parameters, context) -> draft_mod.Settings:
        costs = draft_mod.UnitCosts(**{attr: self.parameterAsDouble(parameters, key, context)
                                       for key, attr, _ in COST_PARAMETERS})
        budget = None if parameters.get(MAX_BUDGET) in (None, "") else self.parameterAsDouble(parameters, MAX_BUDGET,
                                                                                                context)
        return draft_mod.Settings(
            target_rate=self.parameterAsDouble(parameters, TARGET_ADDED_RATE, context),
            new_build_m2=self.parameterAsDouble(parameters, NEW_BUILD_M2, context), max_budget=budget,
            prefer_contiguity=self.parameterAsDouble(parameters, PREFER_CONTIGUITY, context), costs=costs,
            new_code=NEW_CODES[self.parameterAsEnum(parameters, NEW_CULTIVATED_CODE, context)],
            include=_bsms(self.parameterAsString(parameters, INCLUDE, context)),
            exclude=_bsms(self.parameterAsString(parameters, EXCLUDE, context)),
            solver=SOLVERS[self.parameterAsEnum(parameters, SOLVER, context)],
        )

    def _cost_values(self, source, survey, cost_field):
        """Per parcel row the cost field's value (元; NaN where empty), or None without the field."""
        if not cost_field:
            return None
        by_fid = {f.id(): f[cost_field] for f in dltb.features(source)}
        values = [by_fid.get(int(fid)) for fid in survey.parcels.frame["fid"]]
        out = np.array([to_number(v) for v in values], dtype=float)
        return np.where(out < 0, np.nan, out)

    def _bonus_rows(self, survey, settings, feedback):
        """Rows of new-耕地 candidates in a block ≥ 100 亩 once every new-耕地 candidate is 耕地 (PREFER_CONTIGUITY)."""
        if settings.prefer_contiguity <= 0:
            return None
        frame = survey.parcels.frame
        new = survey.candidates[survey.candidates["POTENTIAL_TYPE"].isin(potential.NEW_CULTIVATED_TYPES)]
        new_rows = set(new["row"].astype(int))
        rows = np.array(sorted(set(np.flatnonzero(frame["base"].isin(codes_mod.CULTIVATED).to_numpy())) | new_rows),
                        dtype=np.int64)
        if not len(rows):
            return None
        feedback.pushInfo(self.tr("Blocks of cultivated land with the new cultivated land (PREFER_CONTIGUITY)…"))
        labels, areas = potential.blocks(frame, survey.parcels.geometries, rows, survey.rules.block_max_gap,
                                         feedback.isCanceled)
        big = areas[labels] >= 100.0 / MU_PER_M2
        return [int(r) for r, b in zip(rows, big) if b and int(r) in new_rows]

    # ------------------------------------------------------------------ outputs

    def _write_plan(self, parameters, context, source, survey, result, feedback):
        """Every DLTB feature with GHDLBM, GHKCXS and ZXM (replacing fields of those names)."""
        skip = {name for name, _ in PLAN_FIELDS}
        kept = [i for i, f in enumerate(source.fields()) if f.name().upper() not in skip]
        spec = QgsFields()
        for i in kept:
            spec.append(source.fields().at(i))
        for name, kind in PLAN_FIELDS:
            spec.append(QgsField(name, kind))
        fields, sink, dest = self.polygon_sink(parameters, OUTPUT, context, spec, source.sourceCrs())
        frame = survey.parcels.frame
        plan_of: dict = {}
        for row, fid in enumerate(frame["fid"].tolist()):
            code, kcxs, zxm = result.planned_code[row], result.planned_kcxs[row], result.subproject[row]
            if zxm or int(fid) not in plan_of:
                plan_of[int(fid)] = (code, kcxs, zxm)
        code_field = survey.parcels.fields.get("code")
        for feature in dltb.features(source):
            if feedback.isCanceled():
                break
            out = QgsFeature(fields)
            geom = QgsGeometry(feature.geometry())
            if not geom.isNull():
                geom.convertToMultiType()
            out.setGeometry(geom)
            attributes = feature.attributes()
            code, kcxs, zxm = plan_of.get(feature.id(), (None, float("nan"), ""))
            if code is None:
                code = codes_mod.normalise(feature[code_field]) if code_field else None
            out.setAttributes(plain_all([attributes[i] for i in kept] + [code, kcxs, zxm or None]))
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return dest

    def _write_candidates(self, parameters, context, survey, result, crs):
        fields, sink, dest = self.polygon_sink(parameters, OUTPUT_CANDIDATES, context, CANDIDATE_FIELDS, crs)
        geoms = survey.parcels.geometries
        names = [name for name, _ in CANDIDATE_FIELDS]
        frame = result.candidates.reindex(columns=names + ["row"])
        frame["CHOSEN"] = frame["CHOSEN"].fillna(0)
        for values in frame.itertuples(index=False):
            feature = QgsFeature(fields)
            geom = QgsGeometry(geoms[int(values[-1])])
            geom.convertToMultiType()
            feature.setGeometry(geom)
            feature.setAttributes(plain_all(values[:-1]))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest

    def _write_subprojects(self, parameters, context, survey, result, crs):
        fields, sink, dest = self.polygon_sink(parameters, OUTPUT_SUBPROJECTS, context, SUBPROJECT_FIELDS, crs)
        geoms = survey.parcels.geometries
        tbmj = survey.parcels.frame["tbmj"].to_numpy(dtype=float)
        for rec in result.subprojects.itertuples(index=False):
            feature = QgsFeature(fields)
            shape = QgsGeometry.unaryUnion([geoms[r] for r in rec.rows])
            shape.convertToMultiType()
            feature.setGeometry(shape)
            feature.setAttributes(plain_all([rec.XMBH, rec.XMMC, rec.XMLX, rec.TZJE, rec.SSND, rec.ZLDWDM,
                                             round(float(tbmj[list(rec.rows)].sum()), 2), len(rec.rows)]))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest

    def _log(self, result, feedback) -> None:
        feedback.pushInfo(self.tr(
            "Draft ({solver}): new cultivated land {added:.2f} m² = {rate:.2f} % of {base:.2f} m² of cultivated "
            "land (target {target:.2f} m²); reclaimed {reclaimed:.2f} m²; {n} candidates; cost {cost:.2f} yuan; lower "
            "bound {bound} yuan, gap {gap}.").format(
            solver=result.solver, added=result.added_m2, rate=result.added_rate if result.original_m2 else 0.0,
            base=result.original_m2, target=result.target_m2, reclaimed=result.reclaimed_m2,
            n=int(result.candidates["CHOSEN"].sum()), cost=result.cost,
            bound=f"{result.lp_bound:.2f}" if math.isfinite(result.lp_bound) else "—",
            gap="—" if math.isnan(result.gap_percent) else f"{result.gap_percent:.3f} %"))
        if not result.feasible:
            feedback.reportError(self.tr("The targets cannot be met: {reason}. The outputs hold the best attempt "
                                         "(FEASIBLE = 0).").format(reason=result.reason), fatalError=False)


def _bsms(text: str) -> tuple:
    """BSMs typed by a user: separated by commas (either width), 、, semicolons or white space."""
    import re

    return tuple(part for part in re.split(r"[,，;；、\s]+", text or "") if part)
