"""Shared plumbing of the plugin's algorithms: thin adapters over ``core``."""
from __future__ import annotations

import traceback
from contextlib import contextmanager

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsMessageLog,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QIcon

from ...core import dltb, plan, project
from ...core.errors import Cancelled, LandConsolidationError
from ...core.keys import (
    AFTER,
    AFTER_FIELD,
    AFTER_GDDB_FIELD,
    AFTER_KCXS_FIELD,
    BEFORE,
    CODE_FIELD,
    DLTB,
    GROUP_FIELD,
    INPUT,
    NEW_CULTIVATED_GRADE,
    OUTPUT,
    PROJECT_AREA,
    REPAIR_GEOMETRY,
    UNCOVERED,
)
from ...core.units import round_field
from ...core.values import plain_all
from ...i18n import tr, tr_noop
from ...plugin_info import icon_path
from .. import inputs, outputs
from ..styles import attach_styles

DEFAULT_GROUP_FIELD = "ZLDWDM"

FIELD_TYPES = {
    str: QVariant.Type.String,
    int: QVariant.Type.Int,
    float: QVariant.Type.Double,
}


#: Toolbox groups: id → English label (translated in :meth:`LandConsolidationAlgorithm.group`).
GROUPS = {
    "indicators": tr_noop("Status and indicators"),
    "scheme": tr_noop("Scheme"),
    "tools": tr_noop("Tools"),
}


class LandConsolidationAlgorithm(QgsProcessingAlgorithm):
    """Base class: translation, icon, toolbox group, instance creation, error wrapping."""

    #: Toolbox group of the algorithm (a key of :data:`GROUPS`).
    group_id = "indicators"
    #: Output key → style (core/maps/styles.py) loaded onto that output when QGIS adds it to the map.
    output_styles: dict = {}
    #: Round the numbers of every table written to their field's decimals (core/units.py ``field_decimals``);
    #: off where the output copies the user's own attributes.
    round_outputs = True

    def group(self) -> str:  # noqa: D102
        return self.tr(GROUPS[self.group_id])

    def groupId(self) -> str:  # noqa: N802,D102
        return self.group_id

    def tr(self, text: str) -> str:
        """Translate a string in the plugin's context."""
        return tr(text)

    def createInstance(self):  # noqa: N802,D102
        return type(self)()

    def icon(self) -> QIcon:  # noqa: D102
        return QIcon(icon_path())

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """QGIS's checks, then: no output may be the file of an input (it would be overwritten)."""
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        problems = outputs.collisions(self, parameters, context) + self.missing_fields(parameters, context)
        return (False, "\n".join(problems)) if problems else (True, "")

    #: Parameters holding the DLTB, whose CRS every other layer is reprojected to (the first given counts).
    REFERENCE_KEYS = (BEFORE, DLTB, INPUT, "BASELINE")

    def note_reprojections(self, parameters, context, feedback) -> None:
        """One log line per input layer in another CRS than the DLTB's: it is reprojected to the DLTB's."""
        reference = next((key for key in self.REFERENCE_KEYS if self.parameterDefinition(key) is not None
                          and parameters.get(key) not in (None, "")), None)
        if reference is None:
            return
        base_layer = self.parameterAsVectorLayer(parameters, reference, context)
        if base_layer is None or not base_layer.crs().isValid():
            return
        crs = base_layer.crs()
        for definition in self.parameterDefinitions():
            key = definition.name()
            if key == reference or definition.isDestination() or parameters.get(key) in (None, ""):
                continue
            if definition.type() not in ("source", "vector"):
                continue
            layer = self.parameterAsVectorLayer(parameters, key, context)
            if layer is not None and layer.crs().isValid() and layer.crs() != crs:
                feedback.pushInfo(self.tr("Layer '{layer}' ({own}) is reprojected to {crs}, the DLTB's CRS.").format(
                    layer=layer.name(), own=layer.crs().authid(), crs=crs.authid()))

    def missing_fields(self, parameters, context) -> list[str]:
        """Messages for field parameters naming a field their layer does not have (parameter, layer, field)."""
        problems = []
        for definition in self.parameterDefinitions():
            if not isinstance(definition, QgsProcessingParameterField) or definition.name() not in parameters:
                continue
            raw = parameters[definition.name()]
            if raw in (None, "", []) or raw == definition.defaultValue():
                continue  # empty, or a default that may be absent: the algorithm's to handle (GROUP_FIELD ZLDWDM)
            wanted = self.parameterAsFields(parameters, definition.name(), context)
            parent = definition.parentLayerParameterName()
            if not wanted or not parent or parameters.get(parent) in (None, ""):
                continue
            layer = self.parameterAsVectorLayer(parameters, parent, context)
            if layer is None:
                continue
            names = {f.name().upper() for f in layer.fields()}
            for field in wanted:
                if field and field.upper() not in names:
                    problems.append(self.tr("Layer '{layer}' has no field '{field}' (parameter {parameter}).")
                                    .format(layer=layer.name(), field=field, parameter=definition.name()))
        return problems

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Run :meth:`compute` with staged outputs.

        A domain error becomes a QgsProcessingException and a cancel stops
        quietly; either way nothing is left at the outputs' names.  File
        outputs are written under temporary names and published together
        only when the run succeeded (processing/outputs.py).

        The exception is raised here, fresh, with no chained cause and no
        parameters left in this frame: QGIS 3.22's bindings keep the
        exception a Python algorithm raises (never released), and with it
        every frame its traceback reaches; a file layer held by such a frame
        is then closed after GDAL at exit, which crashes the interpreter.
        """
        outcome = self._process(parameters, context, feedback)
        if isinstance(outcome, _Failure):
            del parameters
            raise QgsProcessingException(outcome.message)
        return outcome

    def _process(self, parameters, context, feedback):
        """:meth:`processAlgorithm`'s work: the results, or a :class:`_Failure` with the user's message."""
        problems = outputs.collisions(self, parameters, context) + self.missing_fields(parameters, context)
        if problems:
            return _Failure("\n".join(problems))
        staging = outputs.Staging(self, parameters)
        self.note_reprojections(parameters, context, feedback)
        try:
            with user_errors():
                results = self.compute(staging.parameters, context, feedback)
        except Cancelled:
            staging.discard()
            feedback.pushInfo(self.tr("Cancelled."))
            return {}
        except QgsProcessingException as exc:
            staging.discard()
            return _Failure(str(exc))
        except OSError as exc:
            staging.discard()
            return _Failure(self.tr("Could not read or write a file: {error}").format(
                error=f"{exc.filename or ''} {exc.strerror or exc}".strip()))
        except Exception as exc:
            # A defect of ours: the user gets one readable line, the traceback goes to QGIS's log.
            staging.discard()
            QgsMessageLog.logMessage(traceback.format_exc(), "Land consolidation", Qgis.MessageLevel.Critical)
            return _Failure(self.tr(
                "Internal error in {algorithm}: {error}. The details are in the QGIS log (Land consolidation); "
                "please report them.").format(algorithm=self.name(), error=f"{type(exc).__name__}: {exc}"))
        # Numbers as the tables state them (m² to 0.01, 公顷 to 4 places, %, 亩 and grades to 2): QGIS shows the
        # results in the log and the results viewer.
        results = {key: round_field(key, value) for key, value in results.items()}
        return staging.publish(results, context)

    def postProcessAlgorithm(self, context, _feedback):  # noqa: N802
        """Styled outputs: each output of :attr:`output_styles` that QGIS loads gets its style (processing/styles.py).

        Runs after :meth:`processAlgorithm`, on the main thread, when the
        outputs have their final names.  Returns no results of its own, so
        those of :meth:`processAlgorithm` stand.
        """
        if not self.is_child:
            attach_styles(self, context)
        return {}

    #: Set on an instance run inside another algorithm (:meth:`run_child`): it leaves the layers to load alone.
    is_child = False

    def run_child(self, algorithm_id: str, parameters: dict, context, feedback) -> dict:
        """Run another of the provider's algorithms inside this one; returns its results.

        As ``processing.run(…, is_child_algorithm=True)`` does (the parameters checked, the outputs kept in
        the context), but without Processing's "Results: {…}" line, a Python dict, in the user's log, and
        without the child giving its post-processors to the layers this algorithm will load.

        Raises:
            QgsProcessingException: the algorithm is not installed, a parameter is refused, or the run fails.
        """
        from qgis.core import QgsApplication

        child = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        if child is None:
            raise QgsProcessingException(self.tr("The algorithm {id} is not installed.").format(id=algorithm_id))
        child.is_child = True
        ok, message = child.checkParameterValues(parameters, context)
        if not ok:
            raise QgsProcessingException(message)
        results, ok = child.run(parameters, context, feedback, {}, False)
        if not ok:
            raise QgsProcessingException(self.tr("{id} failed.").format(id=algorithm_id))
        return results

    def parameterAsVectorLayer(self, parameters, name, context):  # noqa: N802
        """QGIS's layer, read through a private copy when its text needs another encoding (processing/inputs.py)."""
        layer = super().parameterAsVectorLayer(parameters, name, context)
        if layer is None:
            return None
        return inputs.with_text_encoding(inputs.with_layer_name(layer, context), context)

    def parameterAsSource(self, parameters, name, context):  # noqa: N802
        """QGIS's feature source; a layer whose text needs another encoding is read through a private copy."""
        layer = super().parameterAsVectorLayer(parameters, name, context)
        if layer is not None:
            inputs.with_layer_name(layer, context)
        copy = inputs.with_text_encoding(layer, context) if layer is not None else None
        if copy is None or copy is layer:
            return super().parameterAsSource(parameters, name, context)
        fixed = dict(parameters)
        fixed[name] = inputs.source_value_for(parameters.get(name), layer, copy)
        return super().parameterAsSource(fixed, name, context)

    def parameterAsSink(self, parameters, name, context, fields, geometryType=QgsWkbTypes.Type.NoGeometry,  # noqa: N802,N803
                        crs=None, sinkFlags=None, createOptions=None,  # noqa: N803
                        datasourceOptions=None, layerOptions=None):  # noqa: N803
        """QGIS's sink; a CSV one gets a byte-order mark and spreadsheet-safe text (processing/outputs.py)."""
        path = outputs.destination_path(parameters.get(name)) or ""
        csv = path.lower().endswith(".csv")
        layer_options = list(layerOptions or []) + (outputs.CSV_LAYER_OPTIONS if csv else [])
        sink, dest = super().parameterAsSink(
            parameters, name, context, fields, geometryType, crs or QgsCoordinateReferenceSystem(),
            sinkFlags if sinkFlags is not None else QgsFeatureSink.SinkFlags(),
            createOptions or {}, datasourceOptions or [], layer_options)
        if sink is not None and csv:
            sink = outputs.SpreadsheetSafeSink(sink)
        if sink is not None and self.round_outputs:
            sink = outputs.RoundingSink(sink, fields)
        return sink, dest

    def compute(self, parameters, context, feedback) -> dict:
        """The algorithm's work (what QGIS calls processAlgorithm); returns the outputs."""
        raise NotImplementedError

    def add_project_area_parameter(self) -> None:
        """The common optional ``PROJECT_AREA`` polygon parameter."""
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                PROJECT_AREA,
                self.tr("Project area (only the parcels inside it count)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.parameterDefinition(PROJECT_AREA).setHelp(
            self.tr(
                "Optional boundary. Parcels cut by it are split; their TBMJ, KCMJ and TBDLMJ "
                "are kept in proportion to the ellipsoidal area inside."
            )
        )

    def add_repair_parameter(self) -> None:
        """``REPAIR_GEOMETRY`` (advanced): repair invalid geometries instead of stopping (core/validity.py)."""
        if self.parameterDefinition(REPAIR_GEOMETRY) is not None:
            return
        param = QgsProcessingParameterBoolean(
            REPAIR_GEOMETRY, self.tr("Repair invalid geometries (makeValid) instead of stopping"), defaultValue=False)
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        param.setHelp(self.tr(
            "By default a parcel with an invalid geometry stops the run with a message naming the layer and the "
            "parcel (BSM). When set, each is repaired with makeValid and the log lists what was repaired."))
        self.addParameter(param)

    def repair_geometry(self, parameters, context) -> bool:
        """The run's REPAIR_GEOMETRY choice (False where the algorithm has no such parameter)."""
        return self.parameterDefinition(REPAIR_GEOMETRY) is not None and \
            self.parameterAsBool(parameters, REPAIR_GEOMETRY, context)

    def add_dltb_parameter(self, key: str = INPUT) -> None:
        """The DLTB input parameter (地类图斑, projected CGCS2000 Gauss-Krüger)."""
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                key, self.tr("Land-use parcels (DLTB)"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.parameterDefinition(key).setHelp(
            self.tr("Land-use parcel layer (DLTB) of the third national land survey, in a projected CGCS2000 Gauss-Krüger "
                    "CRS (e.g. EPSG:4528).")
        )
        self.add_repair_parameter()

    def add_group_field_parameter(self, parent: str, label: str, help_text: str) -> None:
        """``GROUP_FIELD``: default ZLDWDM (village); an explicitly empty value means no grouping."""
        group = QgsProcessingParameterField(
            GROUP_FIELD, label, defaultValue=DEFAULT_GROUP_FIELD, parentLayerParameterName=parent, optional=True
        )
        group.setHelp(help_text)
        self.addParameter(group)

    def add_code_field_parameter(self, parent: str) -> None:
        """``CODE_FIELD`` (advanced): the land-use code field, default the detected DLBM."""
        code = QgsProcessingParameterField(
            CODE_FIELD, self.tr("Land-use code field (default: detected DLBM)"), parentLayerParameterName=parent,
            optional=True,
        )
        code.setFlags(code.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        code.setHelp(self.tr("Field holding the land-survey code; leave empty to use DLBM."))
        self.addParameter(code)

    def group_field(self, parameters, context, source, feedback, no_field_note: str) -> str | None:
        """The layer's field named by GROUP_FIELD, or None for no grouping.

        An explicitly empty GROUP_FIELD means "no grouping" (parameterAsFields
        would substitute the default for it, so the raw value decides); the
        default ZLDWDM missing from the layer is a note, another missing field
        an error.
        """
        if GROUP_FIELD in parameters and parameters[GROUP_FIELD] in (None, "", []):
            return None
        wanted = (self.parameterAsFields(parameters, GROUP_FIELD, context) or [None])[0]
        if not wanted:
            return None
        actual = {f.name().upper(): f.name() for f in source.fields()}.get(wanted.upper())
        if actual:
            return actual
        if parameters.get(GROUP_FIELD) in (None, DEFAULT_GROUP_FIELD):
            feedback.pushInfo(no_field_note)
            return None
        raise LandConsolidationError(tr("Layer '{layer}' has no grouping field {field}.").format(
            layer=dltb.source_name(source), field=wanted))

    def whole_layer_or_source(self, parameters, key, context):
        """The parameter's vector layer when it is used whole, else its feature source.

        A whole file layer lets the DLTB reader use GDAL's columnar read; a
        selection, a feature limit or an expression filter needs the source.
        """
        source = self.parameterAsSource(parameters, key, context)
        value = parameters.get(key)
        if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
            value.selectedFeaturesOnly or value.featureLimit != -1
            or int(value.flags) != 0 or getattr(value, "filterExpression", "")
        ):
            return source
        layer = self.parameterAsVectorLayer(parameters, key, context)
        return layer if layer is not None and source is not None else source

    def invalid_source(self, parameters, key) -> QgsProcessingException:
        """The standard 'invalid source' error."""
        return QgsProcessingException(self.invalidSourceError(parameters, key))

    def polygon_sink(self, parameters, key, context, field_spec, crs):
        """``(fields, sink, dest)`` of a MultiPolygon output with ``[(name, QVariant type), …]`` fields (or QgsFields).

        ``sink`` is None for an optional output that is not wanted; a required
        one that cannot be created raises the standard error.
        """
        if isinstance(field_spec, QgsFields):
            fields = field_spec
        else:
            fields = QgsFields()
            for name, kind in field_spec:
                fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, key, context, fields, QgsWkbTypes.Type.MultiPolygon, crs)
        definition = self.parameterDefinition(key)
        if sink is None and not (definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional):
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        return fields, sink, dest

    def write_table_output(self, parameters, key, context, spec, frame, feedback) -> str:
        """Write a pandas frame to a geometry-less sink; returns its id."""
        sink, dest_id = self.parameterAsSink(
            parameters, key, context, table_fields(spec), QgsWkbTypes.Type.NoGeometry,
            QgsCoordinateReferenceSystem(),
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        write_table(sink, spec, frame.to_dict("records"), feedback)
        return dest_id

    #: Key of the current-DLTB parameter (``DLTB`` in the scheme-level algorithms).
    before_key = BEFORE

    def add_plan_parameters(self) -> None:
        """BEFORE (or DLTB), AFTER or AFTER_FIELD, PROJECT_AREA and the plan options."""
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.before_key, self.tr("Current land-use parcels (DLTB)"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.parameterDefinition(self.before_key).setHelp(
            self.tr("Land-use parcels (DLTB) of the current state from the land survey, projected CGCS2000 "
                    "Gauss-Krüger (e.g. EPSG:4528).")
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                AFTER, self.tr("Planned land-use parcels after consolidation"),
                [QgsProcessing.SourceType.TypeVectorPolygon], optional=True,
            )
        )
        self.parameterDefinition(AFTER).setHelp(
            self.tr("The planned state as a layer with its own DLBM/TBMJ/KCMJ/TBDLMJ/GDDB; boundaries need "
                    "not match the current layer (the two are overlaid). Give this or the planned-code field.")
        )
        self.addParameter(
            QgsProcessingParameterField(
                AFTER_FIELD, self.tr("…or planned-code field on the current DLTB"),
                parentLayerParameterName=self.before_key, optional=True,
            )
        )
        self.parameterDefinition(AFTER_FIELD).setHelp(
            self.tr("Field of the current DLTB holding the planned DLBM; empty values mean unchanged.")
        )
        self.add_project_area_parameter()
        for key, label, help_text in (
            (AFTER_KCXS_FIELD, self.tr("Planned field-ridge coefficient field (with the planned-code field)"),
             self.tr("Planned KCXS per parcel; default: a parcel staying cultivated land keeps its KCXS, new "
                     "cultivated land has none.")),
            (AFTER_GDDB_FIELD, self.tr("Planned quality-grade field (with the planned-code field)"),
             self.tr("Planned GDDB per parcel; default: the parcel's current GDDB.")),
        ):
            param = QgsProcessingParameterField(key, label, parentLayerParameterName=self.before_key, optional=True)
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            param.setHelp(help_text)
            self.addParameter(param)
        grade = QgsProcessingParameterNumber(
            NEW_CULTIVATED_GRADE, self.tr("Quality grade of new cultivated land that has none"),
            QgsProcessingParameterNumber.Type.Double, optional=True, minValue=1.0, maxValue=15.0)
        grade.setFlags(grade.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        grade.setHelp(self.tr(
            "One quality grade (GDDB, 1 best … 15 worst) for every piece of new cultivated land (not cultivated "
            "land now, planned as cultivated land) without a planned grade – reclaimed construction land and "
            "restored land have none of their own. Without it such land is left out of the mean grade and the "
            "quality rules are not checked, with the area said."))
        self.addParameter(grade)
        uncovered = QgsProcessingParameterEnum(
            UNCOVERED,
            self.tr("Parts of the current DLTB the planned layer does not cover"),
            options=[self.tr("Stop with an error listing them"), self.tr("Keep them unchanged (reported)")],
            defaultValue=0,
        )
        uncovered.setFlags(uncovered.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        uncovered.setHelp(self.tr("0 = error naming the parcels; 1 = treat them as unchanged and report the area."))
        self.addParameter(uncovered)
        self.add_repair_parameter()

    def read_plan(self, parameters, context, feedback, keep_geometry: bool = False,
                  overrides: dict | None = None, roles=None, project_path: str | None = None) -> plan.Plan:
        """Read BEFORE and the plan (AFTER layer or AFTER_FIELD) into pieces.

        ``overrides`` is a DLTB field mapping (role → field), e.g. a project's;
        ``roles`` the DLTB roles to read (default all; :data:`~core.plan.PIECE_ROLES`
        when only the pieces are used).  With ``project_path`` (a project
        GeoPackage whose own layers are the run's DLTB, plan and project area)
        the pieces ``createproject`` stored are read instead of overlaying
        again, unless the project's layers or the plan's settings changed since
        (core/project.py, :func:`~core.project.stored_plan_state`).
        """
        before = self.whole_layer_or_source(parameters, self.before_key, context)
        if before is None:
            raise self.invalid_source(parameters, self.before_key)
        after = self.whole_layer_or_source(parameters, AFTER, context)  # a whole file layer: GDAL's columnar read
        after_field = (self.parameterAsFields(parameters, AFTER_FIELD, context) or [None])[0]
        kcxs_field = (self.parameterAsFields(parameters, AFTER_KCXS_FIELD, context) or [None])[0]
        gddb_field = (self.parameterAsFields(parameters, AFTER_GDDB_FIELD, context) or [None])[0]
        keep_uncovered = self.parameterAsEnum(parameters, UNCOVERED, context) == 1
        repair = self.repair_geometry(parameters, context)
        with user_errors():
            if (after is None) == (not after_field):
                raise LandConsolidationError(tr(
                    "Give either a planned layer (AFTER) or a planned-code field (AFTER_FIELD), not both or none."))
            stored = False
            if project_path and self._project_plan_inputs(parameters, project_path):
                settings = project.plan_settings("" if after is not None else after_field, overrides, keep_uncovered,
                                                 repair, kcxs_field, gddb_field)
                state = project.stored_plan_state(project_path, settings)
                stored = state == "valid"
                if state == "changed":
                    feedback.pushInfo(self.tr(
                        "The plan pieces stored in the project were computed from other data or settings (a layer "
                        "of the project was edited since, or UNCOVERED, REPAIR_GEOMETRY or the field mapping "
                        "differ): the plan is computed again."))
            crs = dltb.check_projected(before)
            area = self.project_area(parameters, context, crs)
            extra = tuple((role, name) for role, name in (
                ("planned", after_field), ("planned_kcxs", kcxs_field), ("planned_gddb", gddb_field)) if name)
            feedback.pushInfo(self.tr("Reading the current DLTB…"))
            parcels = dltb.read_dltb(
                before, project_area=area, extra_roles=extra, overrides=overrides, roles=roles,
                keep_geometry=(keep_geometry or after is not None) and not stored,
                progress=feedback.setProgress, is_canceled=feedback.isCanceled, repair=repair,
            )
            dltb.reject_unknown_codes(parcels)
            result = project.stored_plan(project_path, parcels, keep_geometry) if stored else None
            if result is not None:
                feedback.pushInfo(self.tr("The plan's {n} pieces are read from the project ({table}).").format(
                    n=len(result.pieces), table=project.PIECES_TABLE))
            elif stored:  # the table could not be read after all: read again with the geometries the overlay needs
                return self.read_plan(parameters, context, feedback, keep_geometry, overrides, roles)
            elif after is not None:
                feedback.pushInfo(self.tr("Overlaying the planned DLTB…"))
                result = plan.plan_from_layer(
                    parcels, after, project_area=area, keep_uncovered=keep_uncovered,
                    keep_geometry=keep_geometry, progress=feedback.setProgress, is_canceled=feedback.isCanceled,
                    repair=repair, transform_context=context.transformContext(),
                )
            else:
                frame = parcels.frame
                result = plan.plan_from_field(
                    parcels,
                    list(frame["planned"]),
                    list(frame["planned_kcxs"]) if kcxs_field else None,
                    list(frame["planned_gddb"]) if gddb_field else None,
                )
            plan.reject_unknown_planned_codes(result)
        for note in parcels.notes + result.notes:
            feedback.pushWarning(note)
        if self.parameterDefinition(NEW_CULTIVATED_GRADE) is not None \
                and parameters.get(NEW_CULTIVATED_GRADE) not in (None, ""):
            grade = self.parameterAsDouble(parameters, NEW_CULTIVATED_GRADE, context)
            filled = plan.fill_new_cultivated_grade(result, grade)
            feedback.pushInfo(self.tr("{area:.2f} m² of new cultivated land without a planned quality grade take "
                                      "the given grade {grade:g} (NEW_CULTIVATED_GRADE).").format(area=filled, grade=grade))
        return result

    def run_child_with(self, alg_id, inputs, context, feedback):
        """:meth:`run_child` with what the child takes: None when it is not installed.

        Inputs the child does not take, or left empty, are dropped; its
        required outputs (and ``OUTPUT``) go to temporary layers.
        """
        alg = QgsApplication.processingRegistry().algorithmById(alg_id)
        if alg is None:
            return None
        params = {k: v for k, v in inputs.items() if alg.parameterDefinition(k) is not None and not empty(v)}
        for definition in alg.destinationParameterDefinitions():
            if definition.name() == OUTPUT or not (
                    definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional):
                params[definition.name()] = QgsProcessing.TEMPORARY_OUTPUT
        return self.run_child(alg_id, params, context, feedback)

    def _project_plan_inputs(self, parameters, path) -> bool:
        """Whether the run's current DLTB, plan layer and project area are the project GeoPackage's own layers."""
        def own(key, name):
            return str(parameters.get(key) or "") == project.layer_uri(path, name)

        after = parameters.get(AFTER)
        return own(self.before_key, "DLTB") and own(PROJECT_AREA, "XMQ") and (
            after in (None, "") or own(AFTER, project.LAYER_NAMES[AFTER]))

    def project_area(self, parameters, context, target_crs):
        """The dissolved project area in ``target_crs``, or None."""
        source = self.parameterAsSource(parameters, PROJECT_AREA, context)
        if source is None:
            return None
        return dltb.dissolve_area(source, target_crs, context.transformContext(),
                                  repair=self.repair_geometry(parameters, context))


class _Failure:
    """A run that stopped with a message for the user (see :meth:`LandConsolidationAlgorithm.processAlgorithm`)."""

    __slots__ = ("message",)

    def __init__(self, message: str):
        self.message = message


def empty(value) -> bool:
    """An unset parameter value: None, blank text or an empty list."""
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


@contextmanager
def user_errors():
    """Turn domain errors into QgsProcessingException with the same message."""
    try:
        yield
    except LandConsolidationError as exc:
        raise QgsProcessingException(str(exc)) from exc


def table_fields(spec) -> QgsFields:
    """QgsFields from ``[(name, python_type), …]``."""
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, FIELD_TYPES[kind]))
    return fields


def write_table(sink, spec, rows, feedback=None) -> None:
    """Write attribute rows (dicts or sequences) to a geometry-less sink."""
    names = [name for name, _ in spec]
    for row in rows:
        if feedback is not None and feedback.isCanceled():
            break
        feature = QgsFeature()
        values = [row[n] for n in names] if isinstance(row, dict) else list(row)
        feature.setAttributes(plain_all(values))
        sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
