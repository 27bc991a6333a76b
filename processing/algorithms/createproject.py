"""landconsolidation:createproject – 项目设置: write the project GeoPackage."""
from __future__ import annotations

import datetime

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core import dltb, project
from ...core.errors import LandConsolidationError
from ...core.fields import parse_field_mapping
from ...core.keys import (
    AFTER,
    AFTER_FIELD,
    AFTER_KCXS_FIELD,
    CODE,
    DEVELOPMENT_BOUNDARY,
    DLTB,
    END_YEAR,
    FIELD_MAPPING,
    MAX_YEARS,
    NAME,
    OUTPUT,
    PARCEL_COUNT,
    PBF_AFTER,
    PBF_BEFORE,
    PREPARED_DATE,
    PROJECT_AREA,
    RED_LINE,
    RESPONSIBLE_UNIT,
    START_YEAR,
    SUBPROJECTS,
    SURVEY,
    TOWNSHIP,
    TOWNSHIP_COUNT,
    TOWNSHIPS,
    UNIT_NAME,
    VILLAGES,
)
from ...core.period import DEFAULT_MAX_YEARS, parse_date, period_problem
from ...core.progress import year_of
from ...i18n import tr
from .. import inputs
from .base import LandConsolidationAlgorithm, user_errors

OPTIONAL_LAYERS = (PBF_BEFORE, PBF_AFTER, AFTER, SUBPROJECTS, RED_LINE, DEVELOPMENT_BOUNDARY)


class CreateProjectAlgorithm(LandConsolidationAlgorithm):
    """Sets up a project: boundary, facts and layers in one GeoPackage."""

    def name(self) -> str:  # noqa: D102
        return "createproject"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Create project")

    group_id = "scheme"

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Writes one self-contained project GeoPackage: the project boundary (XMQ), copies of the DLTB parcels "
            "that intersect it (whole parcels, attributes unchanged) and of the optional layers (planned DLTB, "
            "permanent basic farmland before/after, sub-projects, ecological red line, urban development boundary), "
            "and a settings table (lc_settings) with the project facts, the field mapping and the planned-code "
            "field. The project wizard runs this algorithm; exportscheme and the wizard read the file back.\n\n"
            "The boundary is the PROJECT_AREA layer (its features dissolved; use 'selected features only' for a "
            "part) or the villages listed in VILLAGES (ZLDWDM codes, comma separated), whose DLTB parcels are "
            "dissolved. A project spanning more than one township (first 9 digits of ZLDWDM) is reported as a "
            "warning: the policy's unit is one township. The period counts both ends (2026–2028 = 3 years) and may "
            "not exceed MAX_YEARS."
        )

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        self.addParameter(QgsProcessingParameterFeatureSource(
            DLTB, self.tr("Current land-use parcels (DLTB)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.parameterDefinition(DLTB).setHelp(self.tr("Land-use parcels (DLTB) of the land survey, projected CGCS2000 "
                                                       "Gauss-Krüger."))
        self.addParameter(QgsProcessingParameterFeatureSource(
            PROJECT_AREA, self.tr("Project area polygons"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.parameterDefinition(PROJECT_AREA).setHelp(self.tr("Boundary polygons; or give VILLAGES instead."))
        self.addParameter(QgsProcessingParameterString(
            VILLAGES, self.tr("…or villages (ZLDWDM codes, comma separated)"), optional=True))
        self.parameterDefinition(VILLAGES).setHelp(self.tr("Their DLTB parcels are dissolved into the boundary."))
        for key, label, help_text in (
            (NAME, self.tr("Project name"), self.tr("e.g. the comprehensive land consolidation project of a "
                                                    "township")),
            (CODE, self.tr("Project code"), self.tr("Code given by the bureau.")),
            (TOWNSHIP, self.tr("Township"), self.tr("Name of the township; default from ZLDWDM.")),
            (RESPONSIBLE_UNIT, self.tr("Responsible unit"), self.tr("e.g. the township government.")),
            (UNIT_NAME, self.tr("Prepared by"),
             self.tr("The unit that prepares the scheme; shown on every table and map.")),
            (PREPARED_DATE, self.tr("Date of preparation"),
             self.tr("e.g. 2026-11-29; default: the day the project is written.")),
        ):
            self.addParameter(QgsProcessingParameterString(key, label, optional=key != NAME))
            self.parameterDefinition(key).setHelp(help_text)
        for key, label in ((START_YEAR, self.tr("First year")), (END_YEAR, self.tr("Last year"))):
            param = QgsProcessingParameterNumber(key, label, QgsProcessingParameterNumber.Type.Integer,
                                                 minValue=1900, maxValue=2200)
            param.setHelp(self.tr("Calendar year; both ends count."))
            self.addParameter(param)
        max_years = QgsProcessingParameterNumber(MAX_YEARS, self.tr("Longest period (years)"),
                                                 QgsProcessingParameterNumber.Type.Integer,
                                                 defaultValue=DEFAULT_MAX_YEARS, minValue=1)
        max_years.setFlags(max_years.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        max_years.setHelp(self.tr("Policy default: 3 years (Wuxi implementation opinion §3(3))."))
        self.addParameter(max_years)
        labels = {
            PBF_BEFORE: self.tr("Permanent basic farmland before the adjustment"),
            PBF_AFTER: self.tr("Permanent basic farmland after the adjustment"),
            AFTER: self.tr("Planned land-use parcels after consolidation"),
            SUBPROJECTS: self.tr("Sub-projects"),
            RED_LINE: self.tr("Ecological protection red line"),
            DEVELOPMENT_BOUNDARY: self.tr("Urban development boundary"),
        }
        for key in OPTIONAL_LAYERS:
            self.addParameter(QgsProcessingParameterFeatureSource(
                key, labels[key], [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
            self.parameterDefinition(key).setHelp(self.tr("Optional; copied into the project where it meets the boundary."))
        surveys = QgsProcessingParameterMultipleLayers(
            SURVEY, self.tr("Later surveys (annual change-survey DLTB)"), QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True)
        surveys.setHelp(self.tr("Optional; for implementation monitoring. Each is copied where it meets the boundary, "
                                "as DLTB_<year> (the year from the layer name)."))
        self.addParameter(surveys)
        self.addParameter(QgsProcessingParameterField(
            AFTER_FIELD, self.tr("…or planned-code field on the DLTB"),
            parentLayerParameterName=DLTB, optional=True))
        self.parameterDefinition(AFTER_FIELD).setHelp(self.tr("Field holding the planned DLBM, instead of a layer."))
        kcxs = QgsProcessingParameterField(
            AFTER_KCXS_FIELD, self.tr("Planned field-ridge coefficient field (with the planned-code field)"),
            parentLayerParameterName=DLTB, optional=True, type=QgsProcessingParameterField.DataType.Numeric)
        kcxs.setHelp(self.tr("Planned KCXS per parcel (e.g. GHKCXS of a drafted plan); the indicators and the "
                             "workbook read the plan with it."))
        self.addParameter(kcxs)
        mapping = QgsProcessingParameterString(FIELD_MAPPING, self.tr("Field mapping (JSON role → field)"),
                                               optional=True)
        mapping.setFlags(mapping.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        mapping.setHelp(self.tr('e.g. {"code": "DLBM2", "tbmj": "MJ"}; roles not given are detected.'))
        self.addParameter(mapping)
        self.add_repair_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(
            OUTPUT, self.tr("Project GeoPackage"), self.tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputNumber(TOWNSHIP_COUNT, self.tr("Townships in the project area")))
        self.addOutput(QgsProcessingOutputNumber(PARCEL_COUNT, self.tr("DLTB parcels copied")))
        self.addOutput(QgsProcessingOutputString("TOWNSHIPS", self.tr("Township codes")))

    def compute(self, parameters, context, feedback):  # noqa: D102
        source = self.whole_layer_or_source(parameters, DLTB, context)  # a whole file layer: copied by GDAL
        if source is None:
            raise self.invalid_source(parameters, DLTB)
        area_source = self.parameterAsSource(parameters, PROJECT_AREA, context)
        villages = [v.strip() for v in self.parameterAsString(parameters, VILLAGES, context).replace("，", ",")
                    .split(",") if v.strip()]
        start = self.parameterAsInt(parameters, START_YEAR, context)
        end = self.parameterAsInt(parameters, END_YEAR, context)
        max_years = self.parameterAsInt(parameters, MAX_YEARS, context)
        name = self.parameterAsString(parameters, NAME, context).strip()
        mapping_text = self.parameterAsString(parameters, FIELD_MAPPING, context).strip()
        after_field = (self.parameterAsFields(parameters, AFTER_FIELD, context) or [""])[0]
        kcxs_field = (self.parameterAsFields(parameters, AFTER_KCXS_FIELD, context) or [""])[0]
        with user_errors():
            if not name:
                raise LandConsolidationError(tr("The project needs a name."))
            if kcxs_field and not after_field:
                raise LandConsolidationError(tr(
                    "A planned field-ridge coefficient field (AFTER_KCXS_FIELD) needs the planned-code field "
                    "(AFTER_FIELD)."))
            problem = period_problem(start, end, max_years)
            if problem:
                raise LandConsolidationError(problem)
            overrides = parse_field_mapping(mapping_text)
            crs = dltb.check_projected(source)
            names = {}
            if area_source is not None and villages:
                raise LandConsolidationError(tr("Give a project area layer (PROJECT_AREA) or villages (VILLAGES), not "
                                                "both."))
            if area_source is not None:
                boundary = dltb.dissolve_area(area_source, crs, context.transformContext(),
                                              repair=self.repair_geometry(parameters, context))
            elif villages:
                boundary, names = project.village_boundary(source, villages, overrides,
                                                           self.repair_geometry(parameters, context))
            else:
                raise LandConsolidationError(tr("Give a project area layer (PROJECT_AREA) or villages (VILLAGES)."))
            if not boundary.isGeosValid():
                boundary = boundary.makeValid()
            meeting: dict = {}
            townships = project.townships_in(source, boundary, overrides, meeting=meeting)
            if not townships:
                raise LandConsolidationError(tr(
                    "The project area does not overlap the layer '{layer}'. Check that the project area is a "
                    "boundary layer and both are in the right coordinate system.").format(
                    layer=dltb.source_name(source)))
            if len(townships) > 1:
                feedback.pushWarning(self.tr(
                    "The project area spans {n} townships ({codes}); the policy's unit is one township."
                ).format(n=len(townships), codes=", ".join(sorted(townships))))
            layers = {DLTB: source}
            sources = {DLTB: source.sourceName()}
            for key in OPTIONAL_LAYERS:
                layer = self.whole_layer_or_source(parameters, key, context)
                if layer is not None:
                    layers[key] = layer
                    sources[key] = layer.sourceName()
            survey_layers = [inputs.with_text_encoding(inputs.with_layer_name(layer, context), context)
                             for layer in self.parameterAsLayerList(parameters, SURVEY, context) or []]
            survey_names = project.survey_layer_names(
                [year_of(layer.name()) or year_of(layer.source()) for layer in survey_layers])
            for layer_name, layer in zip(survey_names, survey_layers):
                sources[layer_name] = layer.source()
            township = self.parameterAsString(parameters, TOWNSHIP, context).strip()
            settings = {
                "name": name,
                "code": self.parameterAsString(parameters, CODE, context).strip(),
                "township": township,
                "township_codes": sorted(townships),
                "start_year": start,
                "end_year": end,
                "responsible_unit": self.parameterAsString(parameters, RESPONSIBLE_UNIT, context).strip(),
                "prepared_by": self.parameterAsString(parameters, UNIT_NAME, context).strip(),
                "prepared_on": (parse_date(self.parameterAsString(parameters, PREPARED_DATE, context))
                                or datetime.date.today()).isoformat(),
                "villages": villages,
                "village_names": names,
                "area_mode": "villages" if villages else "layer",
                "field_mapping": overrides,
                "after_field": after_field,
                "after_kcxs_field": kcxs_field,
                "sources": sources,
                "crs": crs.authid(),
            }
            output = self.parameterAsFileOutput(parameters, OUTPUT, context)
            if not output.lower().endswith(".gpkg"):
                output += ".gpkg"
            feedback.pushInfo(self.tr("Writing {path}…").format(path=output))
            repair = self.repair_geometry(parameters, context)

            plan = _StoredPlan(self, feedback, layer_plan=AFTER in layers, after_field=after_field,
                               kcxs_field=kcxs_field, overrides=overrides, repair=repair,
                               is_canceled=feedback.isCanceled)
            counts = project.write_project(output, boundary, crs, layers, settings, context.transformContext(),
                                           feedback.isCanceled, surveys=list(zip(survey_names, survey_layers)),
                                           selected={DLTB: meeting.get("fids")}, prepare=plan.prepare,
                                           finish=plan.store)
        for layer_name, n in counts.items():
            feedback.pushInfo(self.tr("Layer {layer}: {n} feature(s) written.").format(layer=layer_name, n=n))
        return {OUTPUT: output, TOWNSHIP_COUNT: len(townships), PARCEL_COUNT: counts.get(project.LAYER_NAMES[DLTB], 0),
                TOWNSHIPS: ",".join(sorted(townships))}


class _StoredPlan:
    """The plan ``createproject`` stores in the project, computed while the layers are copied when it can be.

    :meth:`prepare` and :meth:`store` are :func:`~core.project.write_project`'s
    ``prepare`` and ``finish``.  When the plan cannot be computed the project
    is still written, with a warning and without the plan.
    """

    def __init__(self, algorithm, feedback, layer_plan: bool, **options):
        self.tr = algorithm.tr
        self.feedback = feedback
        self.layer_plan = layer_plan
        self.options = options
        self.plan = None

    def failed(self, exc) -> None:
        # The project is still worth having; exportscheme reports the same problem with its tables.
        self.feedback.pushWarning(self.tr("The plan could not be computed, so none is stored in the project: "
                                          "{error}").format(error=exc))

    def prepare(self, path):
        """The plan's boundary, read before the layers are copied; its overlay runs while they are."""
        try:
            with user_errors():
                self.plan = project.prepare_plan(path, layer_plan=self.layer_plan, **self.options)
        except QgsProcessingException as exc:
            self.failed(exc)
            return None
        return self.compute if self.plan is not None else None

    def compute(self, copied):
        """The plan from the layers being copied (their copied features); None to read it from the copies."""
        if not self.plan.from_sources(copied):
            return None
        self.feedback.pushInfo(self.tr("Overlaying the plan once for the project…"))
        try:
            with user_errors():
                return self.plan.compute()
        except QgsProcessingException as exc:
            return exc

    def store(self, path, computed) -> None:
        """The plan's pieces into the project, so that exportscheme, compliance and the maps read them."""
        if self.plan is None:
            return
        try:
            with user_errors():
                plan = self.plan
                if computed is None:  # a layer was copied through QGIS: the plan is read from the copies
                    self.feedback.pushInfo(self.tr("Overlaying the plan once for the project…"))
                    plan = project.prepare_plan(path, **self.options)
                    computed = plan.compute()
                if isinstance(computed, Exception):
                    raise computed
                plan.store(path, computed)
        except QgsProcessingException as exc:
            self.failed(exc)
            return
        self.feedback.pushInfo(self.tr("{n} plan pieces stored in the project ({table}).").format(
            n=len(computed.pieces), table=project.PIECES_TABLE))
