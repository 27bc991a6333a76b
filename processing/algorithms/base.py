"""Shared plumbing of the plugin's algorithms: thin adapters over ``core``."""
from __future__ import annotations

from contextlib import contextmanager

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsWkbTypes,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QIcon

from ...core import dltb
from ...core.errors import LandConsolidationError
from ...i18n import tr
from ...plugin_info import icon_path

PROJECT_AREA = "PROJECT_AREA"

FIELD_TYPES = {
    str: QVariant.String,
    int: QVariant.Int,
    float: QVariant.Double,
}


class LandConsolidationAlgorithm(QgsProcessingAlgorithm):
    """Base class: translation, icon, instance creation, error wrapping."""

    def tr(self, text: str) -> str:
        """Translate a string in the plugin's context."""
        return tr(text)

    def createInstance(self):  # noqa: N802,D102
        return type(self)()

    def icon(self) -> QIcon:  # noqa: D102
        return QIcon(icon_path())

    def add_project_area_parameter(self) -> None:
        """The common optional ``PROJECT_AREA`` polygon parameter."""
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                PROJECT_AREA,
                self.tr("Project area (项目区) — restrict to this boundary"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.parameterDefinition(PROJECT_AREA).setHelp(
            self.tr(
                "Optional boundary. Parcels cut by it are split; their TBMJ, KCMJ and TBDLMJ "
                "are kept in proportion to the ellipsoidal area inside."
            )
        )

    def invalid_source(self, parameters, key) -> QgsProcessingException:
        """The standard 'invalid source' error."""
        return QgsProcessingException(self.invalidSourceError(parameters, key))

    def write_table_output(self, parameters, key, context, spec, frame, feedback) -> str:
        """Write a pandas frame to a geometry-less sink; returns its id."""
        sink, dest_id = self.parameterAsSink(
            parameters, key, context, table_fields(spec), QgsWkbTypes.NoGeometry,
            QgsCoordinateReferenceSystem(),
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        write_table(sink, spec, frame.to_dict("records"), feedback)
        return dest_id

    def project_area(self, parameters, context, target_crs):
        """The dissolved project area in ``target_crs``, or None."""
        source = self.parameterAsSource(parameters, PROJECT_AREA, context)
        if source is None:
            return None
        return dltb.dissolve_area(source, target_crs, context.transformContext())


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
        feature.setAttributes([_plain(v) for v in values])
        sink.addFeature(feature, QgsFeatureSink.FastInsert)


def _plain(value):
    """numpy scalars to Python ones (QVariant does not take numpy types)."""
    if hasattr(value, "item"):
        return value.item()
    return value
