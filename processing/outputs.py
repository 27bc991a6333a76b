"""What every algorithm does with its outputs (used by the algorithm base class).

* :func:`collisions` – an output that would write over an input (the very
  GeoPackage, shapefile or project file read) is refused before anything
  runs; QGIS's own sinks would replace the file.
* :class:`Staging` – file outputs are written under hidden temporary names
  beside their targets and published together when the run has succeeded
  (core/files.py), so a failed, cancelled or killed run leaves no
  complete-looking partial output.
* :class:`SpreadsheetSafeSink` – a CSV output is written with a byte-order
  mark (Excel on a Chinese Windows then reads UTF-8) and with text that a
  spreadsheet would run as a formula neutralised.
"""
from __future__ import annotations

import math
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsMapLayer,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterVectorDestination,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
)

from ..core.files import discard, publish, same_file, spreadsheet_safe, temporary_beside
from ..core.units import field_decimals
from ..i18n import tr

#: Destination values that are not files of ours to stage.
NOT_FILES = ("memory:", "TEMPORARY_OUTPUT", "")
#: GDAL CSV layer options: a BOM so that Excel reads UTF-8; strings always quoted, numbers never.
CSV_LAYER_OPTIONS = ["WRITE_BOM=YES", "STRING_QUOTING=IF_NEEDED"]


def _static(value):
    if isinstance(value, QgsProperty):
        return value.staticValue()
    return value


def destination_path(value) -> str | None:
    """The file a destination parameter value writes, or None (memory, database, temporary)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = _static(value.sink)
    value = _static(value)
    if not isinstance(value, str) or value in NOT_FILES or value.startswith(("memory:", "postgres:", "postgis:")):
        return None
    if value.startswith("ogr:"):
        return None
    return value.split("|", 1)[0]


def source_paths(value, context) -> list[tuple[str, str]]:
    """(layer name, file path) of the file(s) an input parameter value reads."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = _static(value.source)
    value = _static(value)
    values = value if isinstance(value, (list, tuple)) else [value]
    out = []
    for item in values:
        layer = item if isinstance(item, QgsMapLayer) else None
        if layer is None and isinstance(item, str) and item:
            layer = QgsProcessingUtils.mapLayerFromString(item, context)
            if layer is None and Path(item.split("|", 1)[0]).exists():
                out.append((Path(item.split("|", 1)[0]).name, item.split("|", 1)[0]))
                continue
        if layer is None:
            continue
        path = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()).get("path")
        if path:
            out.append((layer.name(), path))
    return out


def collisions(algorithm, parameters, context) -> list[str]:
    """Messages for each output that would write over an input."""
    inputs = []
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination() or definition.name() not in parameters:
            continue
        value = parameters[definition.name()]
        inputs += [(definition.name(), name, path) for name, path in source_paths(value, context)]
    problems = []
    for definition in algorithm.destinationParameterDefinitions():
        if isinstance(definition, QgsProcessingParameterFolderDestination):
            continue
        path = destination_path(parameters.get(definition.name()))
        if path is None:
            continue
        for key, name, source in inputs:
            if same_file(source, path):
                problems.append(tr(
                    "Output {output} ({path}) is the file of input {input} (layer '{layer}'): writing it would "
                    "overwrite the input; choose another path.").format(
                    output=definition.name(), path=path, input=key, layer=name))
    return problems


class Staging:
    """Temporary names for a run's file outputs, published together at the end.

    Args:
        algorithm: The algorithm (its destination parameters are staged).
        parameters: The run's parameters; :attr:`parameters` is a copy with
            each file destination replaced by a hidden temporary path beside it.
    """

    def __init__(self, algorithm, parameters: dict):
        self.parameters = dict(parameters)
        self.moves: list[tuple[str, str]] = []
        for definition in algorithm.destinationParameterDefinitions():
            if not isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination,
                                           QgsProcessingParameterFileDestination)):
                continue
            value = parameters.get(definition.name())
            final = destination_path(value)
            if final is None:
                continue
            temporary = str(temporary_beside(final))
            try:
                Path(final).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                blocker = next((p for p in Path(final).parents if p.is_file()), None)
                reason = tr("'{path}' is a file, not a folder").format(path=blocker) if blocker else exc.strerror
                raise QgsProcessingException(tr(
                    "Cannot write {output}: the folder '{folder}' cannot be created ({reason}).").format(
                    output=definition.name(), folder=Path(final).parent, reason=reason)) from None
            if isinstance(value, QgsProcessingOutputLayerDefinition):
                staged = QgsProcessingOutputLayerDefinition(value)
                staged.sink = QgsProperty.fromValue(_replace_path(_static(value.sink), final, temporary))
                self.parameters[definition.name()] = staged
            else:
                self.parameters[definition.name()] = _replace_path(value, final, temporary)
            self.moves.append((temporary, final))

    def publish(self, results: dict, context) -> dict:
        """Rename every temporary output to its final name; results and layers to load follow."""
        for temporary, final in self.moves:
            if Path(temporary).exists():
                try:
                    publish(temporary, final)
                except OSError as exc:
                    self.discard()
                    raise QgsProcessingException(tr("Cannot write '{path}' ({error}).").format(
                        path=final, error=exc.strerror)) from None
        fixed = {key: self._final(value) for key, value in results.items()}
        loads = context.layersToLoadOnCompletion()
        if loads and self.moves:
            context.setLayersToLoadOnCompletion({self._final(key): details for key, details in loads.items()})
        return fixed

    def discard(self) -> None:
        """Remove whatever the failed run wrote."""
        for temporary, _ in self.moves:
            discard(temporary)

    def _final(self, value):
        if isinstance(value, str):
            for temporary, final in self.moves:
                if temporary in value:
                    return value.replace(temporary, final)
        return value


def _replace_path(value, old: str, new: str):
    return value.replace(old, new, 1) if isinstance(value, str) else value


class SpreadsheetSafeSink(QgsFeatureSink):
    """Wraps a CSV sink: text that a spreadsheet would run as a formula is written as plain text."""

    def __init__(self, sink):
        super().__init__()
        self.sink = sink

    def addFeature(self, feature, flags=None):  # noqa: N802 (QGIS's name)
        """Add one feature with its text attributes made spreadsheet-safe."""
        return self.sink.addFeature(self._safe(feature), flags if flags is not None else QgsFeatureSink.Flags())

    def addFeatures(self, features, flags=None):  # noqa: N802 (QGIS's name)
        """Add many features with their text attributes made spreadsheet-safe."""
        return self.sink.addFeatures([self._safe(f) for f in features],
                                     flags if flags is not None else QgsFeatureSink.Flags())

    def flushBuffer(self):  # noqa: N802 (QGIS's name)
        """Flush the wrapped sink."""
        return self.sink.flushBuffer()

    def lastError(self):  # noqa: N802 (QGIS's name)
        """The wrapped sink's last error."""
        return self.sink.lastError()

    @staticmethod
    def _safe(feature):
        safe = QgsFeature(feature)
        safe.setAttributes([spreadsheet_safe(v) for v in feature.attributes()])
        return safe


class RoundingSink(QgsFeatureSink):
    """Wraps a sink: numbers are written with the decimals of their field (core/units.py ``field_decimals``).

    Areas to 0.01 m², 公顷 to 4 places, 亩, percentages and grades to 2: a table shows what the scheme states,
    not floating-point noise (7.6305528025… becomes 7.63).
    """

    def __init__(self, sink, fields):
        super().__init__()
        self.sink = sink
        self.names = [field.name() for field in fields]
        # Decimals per field, looked up once (a county's outputs have millions of values).
        self.rounded_fields = [(k, decimals) for k, decimals in
                               ((k, field_decimals(name)) for k, name in enumerate(self.names)) if decimals is not None]

    def addFeature(self, feature, flags=None):  # noqa: N802 (QGIS's name)
        """Add one feature with its numbers rounded."""
        return self.sink.addFeature(self._rounded(feature), flags if flags is not None else QgsFeatureSink.Flags())

    def addFeatures(self, features, flags=None):  # noqa: N802 (QGIS's name)
        """Add many features with their numbers rounded."""
        return self.sink.addFeatures([self._rounded(f) for f in features],
                                     flags if flags is not None else QgsFeatureSink.Flags())

    def flushBuffer(self):  # noqa: N802 (QGIS's name)
        """Flush the wrapped sink."""
        return self.sink.flushBuffer()

    def lastError(self):  # noqa: N802 (QGIS's name)
        """The wrapped sink's last error."""
        return self.sink.lastError()

    def _rounded(self, feature):
        if not self.rounded_fields:
            return feature
        values = feature.attributes()
        rounded = list(values)
        changed = False
        for k, decimals in self.rounded_fields:
            if k >= len(values):
                continue
            value = values[k]
            if isinstance(value, float) and not math.isnan(value):
                new = round(value, decimals)
                if new != value:
                    rounded[k] = new
                    changed = True
        if not changed:
            return feature
        # A fresh feature: QgsFeature.setAttributes keeps attributes that compare equal, and QVariant compares
        # doubles fuzzily, so on a copy 32746.15999999999 would stay where 32746.16 is meant.
        copy = QgsFeature(feature.fields(), feature.id())
        if feature.hasGeometry():
            copy.setGeometry(feature.geometry())
        copy.setAttributes(rounded)
        return copy

