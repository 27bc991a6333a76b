"""landconsolidation:conflicts – 约束冲突 (DOMAIN.md I12): the plan against the constraints, piece by piece.

Also the constraint parameters and their reading, shared with
``landconsolidation:compliance`` and ``landconsolidation:exportscheme``.
"""
from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core import conflicts as conflicts_mod
from ...core import dltb
from ...core import slope as slope_mod
from ...core.errors import LandConsolidationError
from ...core.keys import (
    BUILD_IN_RED_LINE_M2,
    BUILD_ON_PBF_M2,
    CONFLICT_COUNT,
    DEM,
    NEW_CULTIVATED_IN_RED_LINE_M2,
    NEW_CULTIVATED_STEEP_M2,
    OUTPUT,
    PBF_AFTER,
    PBF_BEFORE,
    RED_LINE,
    SLIVER_AREA,
    SLOPE,
    STEEP_SLOPE,
)
from ...i18n import tr
from .base import LandConsolidationAlgorithm, user_errors

PART_FIELDS = (("RULE", QVariant.Type.String), ("RULE_NAME", QVariant.Type.String), ("BSM", QVariant.Type.String),
               ("ZLDWDM", QVariant.Type.String), ("DLBM_BEFORE", QVariant.Type.String),
               ("DLBM_AFTER", QVariant.Type.String), ("AREA_M2", QVariant.Type.Double),
               ("SHARE", QVariant.Type.Double), ("NOTE", QVariant.Type.String))


def add_constraint_parameters(algorithm, pbf: bool = True) -> None:
    """RED_LINE, (PBF_BEFORE, PBF_AFTER,) SLOPE and DEM, each optional."""
    layers = [(RED_LINE, algorithm.tr("Ecological protection red line"),
               algorithm.tr("Red-line polygons: planned new construction land and new cultivated land inside are "
                            "conflicts."))]
    if pbf:
        layers += [(PBF_BEFORE, algorithm.tr("Permanent basic farmland before the adjustment"),
                    algorithm.tr("Permanent basic farmland before the adjustment: planned construction land on it "
                                 "is a conflict.")),
                   (PBF_AFTER, algorithm.tr("Permanent basic farmland after the adjustment"),
                    algorithm.tr("Permanent basic farmland after the adjustment: planned construction land on it "
                                 "is a conflict."))]
    for key, label, help_text in layers:
        param = QgsProcessingParameterFeatureSource(key, label, [QgsProcessing.SourceType.TypeVectorPolygon],
                                                    optional=True)
        param.setHelp(help_text)
        algorithm.addParameter(param)
    for key, label, help_text in (
        (SLOPE, algorithm.tr("Slope raster (degrees)"),
         algorithm.tr("Slope in degrees. New cultivated land is measured from the cells whose centres fall inside "
                      "each piece. "
                      "Give this or DEM; without either, GDPDJB grade 5 of the planned (else current) parcel marks "
                      "slopes over 25°.")),
        (DEM, algorithm.tr("…or elevation raster (DEM)"),
         algorithm.tr("Elevations; the slope is derived by Horn's 3×3 method (as gdaldem slope). A projected CRS in "
                      "metres, or geographic degrees (converted on the CGCS2000 ellipsoid).")),
    ):
        param = QgsProcessingParameterRasterLayer(key, label, optional=True)
        param.setHelp(help_text)
        algorithm.addParameter(param)


def add_steep_parameter(algorithm) -> None:
    """STEEP_SLOPE (advanced): the slope limit of new 耕地, default 25°."""
    param = QgsProcessingParameterNumber(
        STEEP_SLOPE, algorithm.tr("Steepest slope allowed for new cultivated land (degrees)"),
        QgsProcessingParameterNumber.Type.Double, defaultValue=conflicts_mod.DEFAULT_STEEP_DEGREES, minValue=0.0,
        maxValue=90.0)
    param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    param.setHelp(algorithm.tr("New cultivated land on slopes over this is a conflict (trial rules for the "
                               "acceptance of supplementary cultivated land, 2025: 25°). The GDPDJB fallback always "
                               "means grade 5 (over 25°)."))
    algorithm.addParameter(param)


def constraints_given(parameters) -> bool:
    """Whether any constraint layer or raster is among the parameters (then the plan needs piece geometries)."""
    return any(parameters.get(key) not in (None, "", []) for key in (RED_LINE, PBF_BEFORE, PBF_AFTER, SLOPE, DEM))


def read_constraints(algorithm, parameters, context, crs, feedback) -> conflicts_mod.Constraints:
    """The constraint layers of a run, read into :class:`~core.conflicts.Constraints` (in ``crs``)."""
    repair = algorithm.repair_geometry(parameters, context)
    found = conflicts_mod.Constraints()
    notes: list = []
    # Whole file layers are read by GDAL's columnar reader (a county's 永久基本农田 is 100 000s of polygons).
    red = algorithm.whole_layer_or_source(parameters, RED_LINE, context) if parameters.get(RED_LINE) else None
    with user_errors():
        if red is not None:
            found.red_line = dltb.read_polygons(red, crs, context.transformContext(), label=tr("ecological protection red line"),
                                                repair=repair, notes=notes)
        pbf = dltb.GeometryList()
        given = False
        for key in (PBF_BEFORE, PBF_AFTER):
            source = algorithm.whole_layer_or_source(parameters, key, context) if parameters.get(key) else None
            if source is not None:
                given = True
                pbf.extend(dltb.read_polygons(source, crs, context.transformContext(),
                                              label=tr("permanent basic farmland"), repair=repair, notes=notes,
                                              lazy=True))
        if given:
            found.pbf = pbf
        slope = algorithm.parameterAsRasterLayer(parameters, SLOPE, context) if parameters.get(SLOPE) else None
        dem = algorithm.parameterAsRasterLayer(parameters, DEM, context) if parameters.get(DEM) else None
        if slope is not None and dem is not None:
            raise LandConsolidationError(tr("Give a slope raster (SLOPE) or a DEM (DEM), not both."))
        raster, kind = (slope, slope_mod.SLOPE) if slope is not None else (dem, slope_mod.DEM)
        if raster is not None:
            if raster.providerType() != "gdal":
                raise LandConsolidationError(tr("The raster '{name}' is not a file GDAL can read (provider {provider})."
                                                ).format(name=raster.name(), provider=raster.providerType()))
            found.slope = conflicts_mod.SlopeSource(raster.source(), kind, raster.crs(), raster.name())
    for note in notes:
        feedback.pushWarning(note)
    return found


def find(algorithm, parameters, context, feedback, plan, steep: float | None = None,
         min_area: float = conflicts_mod.DEFAULT_MIN_AREA,
         constraints: conflicts_mod.Constraints | None = None) -> conflicts_mod.Conflicts:
    """Find the plan's conflicts (reading the constraints unless given); log what was checked."""
    if constraints is None:
        constraints = read_constraints(algorithm, parameters, context, plan.before.crs, feedback)
    with user_errors():
        result = conflicts_mod.find_conflicts(
            plan, constraints, plan.before.gk or dltb.gauss_kruger_for(
                algorithm.parameterAsSource(parameters, algorithm.before_key, context)),
            steep_degrees=conflicts_mod.DEFAULT_STEEP_DEGREES if steep is None else steep, min_area=min_area,
            transform_context=context.transformContext(), is_canceled=feedback.isCanceled)
    for note in result.notes:
        feedback.pushWarning(note)
    if constraints.slope is None and not result.checked["NEW_CULTIVATED_NOT_STEEP"]:
        feedback.pushWarning(tr("No slope raster or DEM, and no GDPDJB on the new cultivated land: its slope is "
                                "not checked."))
    unknown = result.unknown_m2.get("NEW_CULTIVATED_NOT_STEEP", 0.0)
    if unknown > 0.01 and result.checked["NEW_CULTIVATED_NOT_STEEP"]:
        feedback.pushWarning(tr("{area:.2f} m² of new cultivated land have neither raster cells nor a GDPDJB: "
                                "their slope is unknown.").format(area=unknown))
    return result


class ConflictsAlgorithm(LandConsolidationAlgorithm):
    """Planned 建设用地 and 新增耕地 against the red line, 永久基本农田 and slope, piece by piece."""

    def name(self) -> str:  # noqa: D102
        return "conflicts"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Constraint conflicts")

    group_id = "scheme"
    output_styles = {OUTPUT: "compliance_parcels"}

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Checks the plan (the overlay of the current and the planned DLTB, as the other algorithms build it) "
            "against the constraints, piece by piece, and lists each conflicting piece with its rule, the BSM of "
            "the current parcel, the current and planned code and its area:\n"
            "• NO_BUILD_IN_RED_LINE – planned construction land inside the ecological protection red line that "
            "is not construction land now;\n"
            "• NO_BUILD_ON_PBF – planned construction land on permanent basic farmland, before or after the "
            "adjustment;\n"
            "• NEW_CULTIVATED_NOT_IN_RED_LINE – new cultivated land inside the red line;\n"
            "• NEW_CULTIVATED_NOT_STEEP – new cultivated land on slopes over 25° (STEEP_SLOPE).\n\n"
            "Areas are gross, in m²: the piece's share of its current parcel's TBMJ; the part of a piece inside a "
            "constraint gets the piece's gross area × the share of the piece's ellipsoidal area inside (the "
            "output's SHARE). Parts under SLIVER_AREA (default 1 m²) are boundary noise and left out.\n\n"
            "Slope: from the SLOPE raster (degrees) or from a DEM (Horn's method), counting the cells whose "
            "centres fall inside the piece (a piece too small for a cell centre takes the cell under it); without "
            "a raster, or where the raster has no data, GDPDJB grade 5 of the planned (else current) parcel. New "
            "cultivated land with neither is reported as unknown, not as flat.\n\n"
            "Each constraint is optional; a rule without its constraint is not checked (the compliance table says "
            "so). The RULE_NAME and NOTE fields are in Chinese, as in the scheme's official tables."
        )

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        self.add_plan_parameters()
        add_constraint_parameters(self)
        add_steep_parameter(self)
        sliver = QgsProcessingParameterNumber(
            SLIVER_AREA, self.tr("Leave out conflict parts smaller than (m²)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=conflicts_mod.DEFAULT_MIN_AREA, minValue=0.0)
        sliver.setFlags(sliver.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        sliver.setHelp(self.tr("Parts of a piece inside a constraint smaller than this (ellipsoidal m²) come from "
                               "boundaries drawn apart in the two layers; they are counted in the log."))
        self.addParameter(sliver)
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, self.tr("Conflicting pieces"), QgsProcessing.SourceType.TypeVectorPolygon))
        for key, label in ((BUILD_IN_RED_LINE_M2, self.tr("New construction land inside the red line (m²)")),
                           (BUILD_ON_PBF_M2, self.tr("Planned construction land on permanent basic farmland (m²)")),
                           (NEW_CULTIVATED_IN_RED_LINE_M2, self.tr("New cultivated land inside the red line (m²)")),
                           (NEW_CULTIVATED_STEEP_M2, self.tr("New cultivated land on steep slopes (m²)")),
                           (CONFLICT_COUNT, self.tr("Conflicting pieces"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def compute(self, parameters, context, feedback):  # noqa: D102
        # The output is a polygon layer: the pieces' geometries are needed even when GDPDJB alone decides.
        plan = self.read_plan(parameters, context, feedback, keep_geometry=True)
        found = find(self, parameters, context, feedback, plan,
                     steep=self.parameterAsDouble(parameters, STEEP_SLOPE, context),
                     min_area=self.parameterAsDouble(parameters, SLIVER_AREA, context))
        fields = QgsFields()
        for name, kind in PART_FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon,
                                          plan.before.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, OUTPUT))
        for row, geom in zip(found.parts.itertuples(index=False), found.geometries):
            feature = QgsFeature(fields)
            if geom is not None:
                shape = type(geom)(geom)
                shape.convertToMultiType()
                feature.setGeometry(shape)
            feature.setAttributes([row.RULE, row.RULE_NAME, row.BSM, row.ZLDWDM, row.DLBM_BEFORE, row.DLBM_AFTER,
                                   round(float(row.AREA_M2), 2), round(float(row.SHARE), 6), row.NOTE])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        outputs = {OUTPUT: dest, CONFLICT_COUNT: len(found.parts)}
        for rule, key in conflicts_mod.RULE_OUTPUTS.items():
            outputs[key] = round(found.total(rule), 2) if found.checked[rule] else None
            if found.checked[rule]:
                feedback.pushInfo(self.tr("{rule}: {n} piece(s), {area:.2f} m²").format(
                    rule=rule, n=found.count(rule), area=found.total(rule)))
            else:
                feedback.pushInfo(self.tr("{rule}: not checked (its constraint was not given)").format(rule=rule))
        return outputs
