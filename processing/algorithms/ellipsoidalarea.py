"""landconsolidation:ellipsoidalarea – 椭球面积 (三调 method)."""
from __future__ import annotations

import numpy as np
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
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QVariant

from ...core import dltb, ellipsoid
from ...core.errors import check_canceled
from ...core.keys import COMPARE_FIELD, FIELD_NAME, INPUT, MAX_ABS_DIFF_M2, OUTPUT, TOTAL_AREA_M2
from ...core.validity import GeometryCheck, parcel_label
from ...core.values import to_number_or_none, to_text
from .base import LandConsolidationAlgorithm

DIFF_FIELD = "AREA_DIFF"


class EllipsoidalAreaAlgorithm(LandConsolidationAlgorithm):
    """Adds the official 三调 ellipsoidal area of each polygon."""

    def name(self) -> str:  # noqa: D102
        return "ellipsoidalarea"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Ellipsoidal area")

    group_id = "tools"
    #: The output carries the input's own attributes, which are not ours to round (the area has 2 decimals).
    round_outputs = False
    #: A DLTB copy is drawn in the 三调 colours (the post-processor skips layers without a code field).
    output_styles = {OUTPUT: "dltb"}

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Adds the ellipsoidal area (m², 2 decimals) of each polygon by the official method of the land survey "
            "(land survey office document 2008 No. 32, TD/T 1055): every vertex is converted from Gauss-Krüger plane coordinates "
            "to geodetic latitude/longitude on the CGCS2000 ellipsoid (inverse Gauss-Krüger), then each edge "
            "contributes the ellipsoidal trapezoid between the edge and a reference meridian: the longitude of "
            "the edge's midpoint times the zone series over the edge's latitude difference (the published "
            "'meridian' form used by public land-survey tools); rings are summed and holes subtracted. This is how "
            "TBMJ is computed in land-survey databases.\n\n"
            "How it differs from QGIS's $area: with an ellipsoid set, QGIS measures polygons with geodesic edges "
            "(GeographicLib), another reading of an edge between two vertices. On a 1:10 000 map sheet (≈ 20 km², "
            "31.5°N) QGIS gives 0.50 m² more than the sheet's theoretical area, which this method reproduces to "
            "2×10⁻⁵ m² (measured; tests/test_ellipsoid.py). Without an ellipsoid, $area is the planar area on the "
            "Gauss-Krüger plane, larger by the projection's scale error (≈ 1×10⁻⁵ relative near the central "
            "meridian, up to ≈ 3×10⁻⁴ at the zone edge).\n\n"
            "The layer must be in a CGCS2000 Gauss-Krüger CRS (EPSG:4513–4554). Where the CRS and the coordinates "
            "disagree about the zone prefix, the easting's magnitude decides. A polygon with an invalid geometry "
            "stops the run naming it (or is repaired for the measurement with REPAIR_GEOMETRY; the output keeps "
            "the geometry as it was). Optionally compare with an existing area field (e.g. TBMJ): the difference "
            "is added as AREA_DIFF (field − computed)."
        )

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                INPUT, self.tr("Polygons (CGCS2000 Gauss-Krüger)"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.parameterDefinition(INPUT).setHelp(self.tr("Polygon layer in EPSG:4513–4554."))
        name = QgsProcessingParameterString(
            FIELD_NAME, self.tr("Area field name"), defaultValue="ELLIPSOID_AREA"
        )
        name.setHelp(self.tr("Name of the new field holding the area in m²."))
        self.addParameter(name)
        compare = QgsProcessingParameterField(
            COMPARE_FIELD,
            self.tr("Compare with area field (e.g. TBMJ)"),
            parentLayerParameterName=INPUT,
            type=QgsProcessingParameterField.DataType.Numeric,
            optional=True,
        )
        compare.setFlags(compare.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        compare.setHelp(self.tr("When set, AREA_DIFF = this field − the computed area."))
        self.addParameter(compare)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                OUTPUT, self.tr("Polygons with ellipsoidal area"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.add_repair_parameter()
        self.addOutput(QgsProcessingOutputNumber(TOTAL_AREA_M2, self.tr("Total ellipsoidal area (m²)")))
        self.addOutput(
            QgsProcessingOutputNumber(MAX_ABS_DIFF_M2, self.tr("Largest |field − computed| (m²)"))
        )

    def compute(self, parameters, context, feedback):  # noqa: D102
        source = self.parameterAsSource(parameters, INPUT, context)
        if source is None:
            raise self.invalid_source(parameters, INPUT)
        field_name = self.parameterAsString(parameters, FIELD_NAME, context).strip() or "ELLIPSOID_AREA"
        compare = self.parameterAsFields(parameters, COMPARE_FIELD, context)
        gk = dltb.gauss_kruger_for(source)
        feedback.pushInfo(
            self.tr("Gauss-Krüger: central meridian {cm}°, false easting {fe} m").format(
                cm=gk.central_meridian, fe=gk.false_easting
            )
        )
        fields = QgsFields(source.fields())
        if fields.lookupField(field_name) >= 0:
            raise QgsProcessingException(
                self.tr("The layer already has a field named {name}; choose another name.").format(name=field_name)
            )
        fields.append(QgsField(field_name, QVariant.Type.Double, "double", 20, 2))
        compare_index = source.fields().lookupField(compare[0]) if compare else -1
        if compare:
            fields.append(QgsField(DIFF_FIELD, QVariant.Type.Double, "double", 20, 2))
        bsm_index = source.fields().lookupField("BSM")

        # Read every feature first and measure them in one batch: the batch
        # call projects all vertices in a few numpy calls (on the sample's
        # 15 000 parcels 0.12 s against 2.8 s one call per feature).
        features, measured = [], []
        check = GeometryCheck(dltb.source_name(source), self.repair_geometry(parameters, context))
        count = max(source.featureCount(), 1)
        for i, feature in enumerate(dltb.features(source)):
            check_canceled(feedback.isCanceled)
            geom = feature.geometry()
            if geom is not None and not geom.isNull() and not geom.isEmpty():
                bsm = to_text(feature.attributes()[bsm_index]) if bsm_index >= 0 else ""
                geom = check(geom, parcel_label(bsm, feature.id()))
            features.append(feature)
            measured.append(geom)
            if i % 5000 == 0:
                feedback.setProgress(50.0 * i / count)
        for note in check.finish():
            feedback.pushWarning(note)
        present = [k for k, g in enumerate(measured) if g is not None and not g.isNull() and not g.isEmpty()]
        areas = np.full(len(features), np.nan)
        if present:
            areas[present] = np.round(ellipsoid.geometry_areas(gk, [measured[k] for k in present]), 2)

        sink, dest_id = self.parameterAsSink(
            parameters, OUTPUT, context, fields, source.wkbType(), source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, OUTPUT))
        max_diff = 0.0
        for i, feature in enumerate(features):
            check_canceled(feedback.isCanceled)
            area = None if np.isnan(areas[i]) else float(areas[i])
            attrs = feature.attributes() + [area]
            if compare:
                number = to_number_or_none(feature.attributes()[compare_index])
                diff = None
                if area is not None and number is not None:
                    diff = round(number - area, 2)
                    max_diff = max(max_diff, abs(diff))
                attrs.append(diff)
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(attrs)
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
            if i % 5000 == 0:
                feedback.setProgress(50.0 + 50.0 * i / max(len(features), 1))
        total = float(np.nansum(areas)) if len(areas) else 0.0
        return {OUTPUT: dest_id, TOTAL_AREA_M2: round(total, 2), MAX_ABS_DIFF_M2: max_diff}
