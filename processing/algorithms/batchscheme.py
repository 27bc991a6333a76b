"""landconsolidation:batchscheme – batch scheme: one scheme workbook per project area of a county, and a summary.

The county's layers are read once (core/batch.py); each area gets memory
layers of the features meeting it and goes through exactly what
``exportscheme`` does with them (its table sources, inherited here), so a
workbook equals the one ``exportscheme`` writes for that area alone.  An area
that fails is reported in its summary row (``ERROR``) and the others go on.
"""
from __future__ import annotations

import datetime
import math
import re
from pathlib import Path

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from ...core import batch, compliance, dltb, workbook
from ...core.errors import Cancelled, LandConsolidationError, check_canceled
from ...core.fields import detect_fields
from ...core.keys import (
    ADDED_CULTIVATED_M2,
    ADDED_RATE,
    AFTER,
    AFTER_FIELD,
    AREA_COUNT,
    DLTB,
    END_YEAR,
    ERROR,
    ERROR_COUNT,
    FAILED_COUNT,
    NAME_FIELD,
    OUTPUT_FOLDER,
    OUTPUT_SUMMARY,
    PASSED_COUNT,
    PBF_AFTER,
    PBF_BEFORE,
    PROJECT_AREA,
    PROJECT_AREAS,
    RED_LINE,
    START_YEAR,
    SUBPROJECTS,
    TOWNSHIPS,
    UNCHECKED_COUNT,
    UNITS,
)
from ...core.period import chinese_date
from ...core.values import to_text
from .base import user_errors
from .compliance import add_threshold_parameters, read_thresholds
from .exportscheme import ExportSchemeAlgorithm

#: Fields of OUTPUT_SUMMARY (English identifiers; the workbooks carry the Chinese headers).
SUMMARY_SPEC = [
    ("NAME", str), ("WORKBOOK", str), ("PARCELS", int), (ADDED_CULTIVATED_M2, float), (ADDED_RATE, float),
    ("PBF_ADDED_RATIO", float), ("CONSTRUCTION_CHANGE_M2", float), ("BLOCKS_100MU_BEFORE", int),
    ("BLOCKS_100MU_AFTER", int), (PASSED_COUNT, int), (FAILED_COUNT, int), (UNCHECKED_COUNT, int), (ERROR, str),
]
#: The layers read once and copied per area (the plan layer, farmland, sub-projects, red line).
AREA_LAYERS = (AFTER, PBF_BEFORE, PBF_AFTER, SUBPROJECTS, RED_LINE)
#: Names tried, in order, for the project areas' names when NAME_FIELD is not given.
NAME_CANDIDATES = ("NAME", "XMMC", "XMQMC", "MC", "XMQDM", "CODE")


class BatchSchemeAlgorithm(ExportSchemeAlgorithm):
    """One scheme workbook per project area (or township) of a county, and one summary row each."""

    def name(self) -> str:  # noqa: D102
        return "batchscheme"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Batch scheme")

    group_id = "scheme"

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Computes the scheme of many project areas of one county in one run: for each area one workbook in "
            "OUTPUT_FOLDER, named after the area, with the tables of 'Export scheme tables', and one row of "
            "OUTPUT_SUMMARY: the new cultivated land (ADDED_CULTIVATED_M2, and ADDED_RATE, % of the original "
            "cultivated land), the net gain of permanent basic farmland (PBF_ADDED_RATIO, %), the change of "
            "construction land, the blocks of at least 100 mu before and after, "
            "the compliance verdict (rules passed / failed / not checked) and ERROR, empty when the area ran.\n\n"
            "The areas are the polygons of PROJECT_AREAS (one per feature, named by NAME_FIELD), or the townships "
            "listed in TOWNSHIPS (9-digit codes, comma separated): a township's area is its parcels, those whose "
            "ZLDWDM starts with the code.\n\n"
            "Each layer is read once, not once per area: the features meeting an area are copied from memory. An "
            "area that fails (no parcels in it, a plan that does not cover it …) is reported in its row and the "
            "others go on; cancelling stops after the area running."
        )

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        self.add_plan_parameters()
        self.parameterDefinition(DLTB).setHelp(self.tr(
            "The land-use parcels (DLTB) of the county, or any part holding the areas, in a projected CGCS2000 "
            "Gauss-Krüger coordinate system."))
        # Each area's boundary is handed to the scheme's readers as PROJECT_AREA: not a parameter to give.
        area = self.parameterDefinition(PROJECT_AREA)
        area.setFlags(area.flags() | QgsProcessingParameterDefinition.Flag.FlagHidden)
        self.addParameter(QgsProcessingParameterFeatureSource(
            PROJECT_AREAS, self.tr("Project areas (one polygon each)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.parameterDefinition(PROJECT_AREAS).setHelp(self.tr(
            "One polygon per project area (several features with the same name are separate areas). Give this "
            "or TOWNSHIPS."))
        self.addParameter(QgsProcessingParameterField(
            NAME_FIELD, self.tr("Field naming the project areas"), parentLayerParameterName=PROJECT_AREAS,
            optional=True))
        self.parameterDefinition(NAME_FIELD).setHelp(self.tr(
            "Names the workbooks and the summary rows; default the first of NAME, XMMC, XMQMC, MC, XMQDM, CODE, "
            "else the feature id."))
        self.addParameter(QgsProcessingParameterString(
            TOWNSHIPS, self.tr("…or townships (township codes, the first 9 digits of ZLDWDM, comma separated)"),
            optional=True))
        self.parameterDefinition(TOWNSHIPS).setHelp(self.tr(
            "Each township's area is its parcels (ZLDWDM starting with the code), dissolved."))
        for key, label, help_text in (
            (PBF_BEFORE, self.tr("Permanent basic farmland before the adjustment"),
             self.tr("YJJBNTTB before the adjustment; with PBF_AFTER it gives table 6 and the net gain of "
                     "permanent basic farmland.")),
            (PBF_AFTER, self.tr("Permanent basic farmland after the adjustment"),
             self.tr("YJJBNTTB after the adjustment.")),
            (SUBPROJECTS, self.tr("Sub-projects"), self.tr("Optional; those meeting an area count for it.")),
            (RED_LINE, self.tr("Ecological protection red line"),
             self.tr("Optional: the constraint rules of the compliance table.")),
        ):
            self.addParameter(QgsProcessingParameterFeatureSource(
                key, label, [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
            self.parameterDefinition(key).setHelp(help_text)
        for key, label in ((START_YEAR, self.tr("First year of implementation")),
                           (END_YEAR, self.tr("Last year of implementation"))):
            param = QgsProcessingParameterNumber(key, label, QgsProcessingParameterNumber.Type.Integer, optional=True,
                                                 minValue=1900, maxValue=2200)
            param.setHelp(self.tr("Calendar year; the period counts both ends (2026–2028 is 3 years)."))
            self.addParameter(param)
        units = QgsProcessingParameterEnum(UNITS, self.tr("Area unit"),
                                           options=[self.tr(label) for label in workbook.UNIT_LABELS], defaultValue=0)
        units.setFlags(units.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        units.setHelp(self.tr("0 = hectares, 1 = mu, 2 = both."))
        self.addParameter(units)
        add_threshold_parameters(self)
        self.addParameter(QgsProcessingParameterFolderDestination(
            OUTPUT_FOLDER, self.tr("Folder for the workbooks")))
        self.parameterDefinition(OUTPUT_FOLDER).setHelp(self.tr(
            "One workbook per area, <area name>.xlsx (characters a file name may not hold become _)."))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_SUMMARY, self.tr("Summary (one row per area)"), QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputNumber(AREA_COUNT, self.tr("Areas")))
        self.addOutput(QgsProcessingOutputNumber(ERROR_COUNT, self.tr("Areas that failed")))

    # ------------------------------------------------------------------ run

    def compute(self, parameters, context, feedback):  # noqa: D102
        source = self.whole_layer_or_source(parameters, DLTB, context)
        if source is None:
            raise self.invalid_source(parameters, DLTB)
        folder = Path(self.parameterAsString(parameters, OUTPUT_FOLDER, context))
        thresholds = read_thresholds(self, parameters, context)
        if parameters.get(AFTER) in (None, "") and not self.parameterAsFields(parameters, AFTER_FIELD, context):
            raise QgsProcessingException(self.tr(
                "Give the plan: a planned layer (AFTER) or a planned-code field (AFTER_FIELD)."))
        with user_errors():
            crs = dltb.check_projected(source)
            areas = self._areas(parameters, context, source, crs)
        feedback.pushInfo(self.tr("{n} project area(s).").format(n=len(areas)))
        steps = QgsProcessingMultiStepFeedback(len(areas) + 1, feedback)
        # The county, read once.
        feedback.pushInfo(self.tr("Reading the layers once…"))
        with user_errors():
            county = batch.read_layer(source, is_canceled=feedback.isCanceled)
            others = {}
            for key in AREA_LAYERS:
                layer = self.whole_layer_or_source(parameters, key, context)
                if layer is not None:
                    others[key] = batch.read_layer(layer, crs, context.transformContext(), feedback.isCanceled)
            if areas and areas[0][1] is None:  # townships: their parcels, dissolved
                village = detect_fields([f.name() for f in source.fields()])["village"]
                areas = [(code, batch.dissolve_rows(county, batch.township_rows(county, village, code)))
                         for code in (name for name, _ in areas)]
        folder.mkdir(parents=True, exist_ok=True)
        files = batch.safe_file_names([name for name, _ in areas])
        rows = []
        for index, ((area_name, boundary), file_name) in enumerate(zip(areas, files)):
            check_canceled(feedback.isCanceled)
            steps.setCurrentStep(index + 1)
            feedback.pushInfo(self.tr("[{k}/{n}] {name}").format(k=index + 1, n=len(areas), name=area_name))
            row = {"NAME": area_name, "WORKBOOK": "", "ERROR": ""}
            try:
                if boundary is None or boundary.isEmpty():
                    raise LandConsolidationError(self.tr("The area has no polygon (a township code no parcel's "
                                                         "ZLDWDM starts with, or an empty feature)."))
                row.update(self._area(parameters, context, steps, county, others, area_name, boundary,
                                      folder / f"{file_name}.xlsx", thresholds))
            except (Cancelled, KeyboardInterrupt):
                raise
            except (LandConsolidationError, QgsProcessingException) as exc:
                if feedback.isCanceled():
                    raise Cancelled() from exc
                row["ERROR"] = str(exc)
                feedback.reportError(self.tr("{name}: {error}").format(name=area_name, error=exc))
            rows.append(row)
        steps.setCurrentStep(len(areas) + 1)
        for row in rows:
            for key, kind in SUMMARY_SPEC:
                value = row.get(key)
                if isinstance(value, float) and math.isnan(value):
                    row[key] = None
                elif kind is int and value is not None:
                    row[key] = int(value)
                row.setdefault(key, None)
        dest = self.write_table_output(parameters, OUTPUT_SUMMARY, context, SUMMARY_SPEC, _Frame(rows), feedback)
        errors = sum(1 for row in rows if row["ERROR"])
        return {OUTPUT_SUMMARY: dest, OUTPUT_FOLDER: str(folder), AREA_COUNT: len(rows), ERROR_COUNT: errors}

    def _areas(self, parameters, context, source, crs) -> list[tuple[str, QgsGeometry | None]]:
        """``(name, boundary in the DLTB's CRS)`` of each area, from PROJECT_AREAS or TOWNSHIPS."""
        areas_source = self.parameterAsSource(parameters, PROJECT_AREAS, context)
        codes = [c for c in re.split(r"[,\s，；;、]+", self.parameterAsString(parameters, TOWNSHIPS, context)) if c]
        if (areas_source is None) == (not codes):
            raise LandConsolidationError(self.tr("Give either PROJECT_AREAS or TOWNSHIPS, not both or none."))
        if areas_source is not None:
            field = (self.parameterAsFields(parameters, NAME_FIELD, context) or [None])[0]
            names = [f.name() for f in areas_source.fields()]
            if not field:
                by_upper = {n.upper(): n for n in names}
                field = next((by_upper[c] for c in NAME_CANDIDATES if c in by_upper), None)
            transform = None
            if areas_source.sourceCrs().isValid() and areas_source.sourceCrs() != crs:
                transform = QgsCoordinateTransform(areas_source.sourceCrs(), crs, context.transformContext())
            out = []
            for feature in dltb.features(areas_source):
                geom = QgsGeometry(feature.geometry())
                if transform is not None and not geom.isNull():
                    geom.transform(transform)
                if not geom.isNull() and not geom.isGeosValid():
                    geom = geom.makeValid()
                name = to_text(feature[field]) if field else ""
                out.append((name or self.tr("Area {id}").format(id=feature.id()), None if geom.isNull() else geom))
            return out
        found = detect_fields([f.name() for f in source.fields()])
        if not found.get("village"):
            raise LandConsolidationError(self.tr(
                "Layer '{layer}' has no ZLDWDM field: townships cannot be found.").format(
                    layer=dltb.source_name(source)))
        return [(code, None) for code in codes]  # boundaries dissolved from the parcels once they are read

    def _area(self, parameters, context, steps, county, others, area_name, boundary, path, thresholds) -> dict:
        """Run one area: its memory layers, its workbook, its summary figures."""
        if not boundary.isGeosValid():
            boundary = boundary.makeValid()
        rows = county.meeting(boundary, steps.isCanceled)
        if not len(rows):
            raise LandConsolidationError(self.tr("No parcel of the DLTB lies in the area: is it outside the county?"))
        params = dict(parameters)
        params[DLTB] = county.memory_layer(rows, county.name)
        area_layer = QgsVectorLayer(f"MultiPolygon?crs={county.crs.authid()}", "XMQ", "memory")
        if not county.crs.authid():
            area_layer.setCrs(county.crs)
        feature = QgsFeature()
        shape = QgsGeometry(boundary)
        shape.convertToMultiType()
        feature.setGeometry(shape)
        area_layer.dataProvider().addFeatures([feature])
        params[PROJECT_AREA] = area_layer
        for key, data in others.items():
            params[key] = data.memory_layer(data.meeting(boundary, steps.isCanceled), data.name)
        tables = workbook.tables()
        wanted = [t.key for t in tables]
        area_steps = QgsProcessingMultiStepFeedback(len(wanted) + 1, steps)
        inputs = workbook.Inputs(
            self.workbook_sources(params, {}, thresholds, context, area_steps),
            units=workbook.units_for(self.parameterAsEnum(parameters, UNITS, context)),
            project=workbook.ProjectFacts(name=area_name, prepared_on=chinese_date(datetime.date.today())),
            thresholds=thresholds,
            years=(parameters.get(START_YEAR), parameters.get(END_YEAR)),
            warn=steps.pushWarning,
        )
        outcome = workbook.build(wanted, inputs, translate=self.tr,
                                 progress=lambda k, _table: area_steps.setCurrentStep(k),
                                 is_canceled=steps.isCanceled)
        if not outcome.sheets:
            raise LandConsolidationError(self.tr("No table could be written: every chosen table lacks its inputs."))
        try:
            workbook.save(outcome.sheets, path)
        except OSError as exc:
            raise LandConsolidationError(self.tr("Could not write {path}: {error}").format(path=path, error=exc)) \
                from exc
        steps.pushInfo(self.tr("{path}: {n} sheets").format(path=path, n=len(outcome.sheets)))
        return self._summary(inputs, len(rows), str(path))

    def _summary(self, inputs, parcels: int, path: str) -> dict:
        """The summary row's figures from what the workbook computed."""
        cultivated = inputs.cultivated
        construction = inputs.construction
        farmland = inputs.optional("farmland")
        pbf = farmland[0] if farmland is not None else None
        contiguity = inputs.optional("contiguity")
        results = compliance.evaluate(inputs.pieces, cultivated, construction, inputs.thresholds,
                                      pbf.get("ADDED_RATIO") if pbf else None, inputs.period,
                                      pbf_missing=inputs.failure("farmland") or "", pbf=pbf,
                                      conflicts=inputs.optional("conflicts"))
        verdicts = [r.passed for r in results]
        before, after = contiguity if contiguity is not None else (None, None)
        return {
            "WORKBOOK": path,
            "PARCELS": parcels,
            ADDED_CULTIVATED_M2: round(cultivated.added_m2, 2),
            ADDED_RATE: cultivated.added_rate,
            "PBF_ADDED_RATIO": pbf.get("ADDED_RATIO") if pbf else None,
            "CONSTRUCTION_CHANGE_M2": round(construction.after_m2 - construction.before_m2, 2),
            "BLOCKS_100MU_BEFORE": (before or {}).get("BLOCKS_100MU"),
            "BLOCKS_100MU_AFTER": (after or {}).get("BLOCKS_100MU"),
            PASSED_COUNT: sum(1 for v in verdicts if v is True),
            FAILED_COUNT: sum(1 for v in verdicts if v is False),
            UNCHECKED_COUNT: sum(1 for v in verdicts if v is None),
        }


class _Frame:
    """The summary rows as :meth:`~.base.LandConsolidationAlgorithm.write_table_output` reads a frame."""

    def __init__(self, rows: list[dict]):
        self.rows = rows

    def to_dict(self, _orient: str) -> list[dict]:
        return self.rows
