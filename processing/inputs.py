"""What every algorithm does with its input layers before reading them (used by the algorithm base class).

* **Names**: a layer Processing loaded from a path such as
  ``township.gpkg|layername=DLTB`` is named after the file ("township");
  messages name it by its layer name ("DLTB") instead.  Only such temporary
  layers are renamed, never a layer of the user's project.
* **Text encoding** (core/encoding.py): a shapefile whose text is in another
  encoding than QGIS reads it with – no ``.cpg`` and GBK bytes, typically –
  is read through a private copy of the layer with the right encoding (the
  user's layer is never changed), and the log says so once per run.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from qgis.core import (
    QgsProcessingFeatureSourceDefinition,
    QgsProperty,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ..core.encoding import layer_encoding
from ..i18n import tr

#: Custom property marking a private copy: the id of the layer it reads for.
COPY_OF = "land_consolidation/encoding_copy_of"


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except (LookupError, TypeError):
        return None


def with_layer_name(layer, context):
    """A layer Processing loaded from ``file|layername=NAME`` takes the name NAME (temporary layers only)."""
    if not isinstance(layer, QgsVectorLayer) or context.temporaryLayerStore().mapLayer(layer.id()) is None:
        return layer
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    name, path = parts.get("layerName"), parts.get("path") or ""
    if name and layer.name() in (Path(path).stem, Path(path).name):
        layer.setName(name)
    return layer


def with_text_encoding(layer, context):
    """``layer``, or a private copy of it that reads its text in the right encoding."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr" or not layer.isValid():
        return layer
    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
    if not path.lower().endswith((".shp", ".dbf")):
        return layer
    store = context.temporaryLayerStore()
    for existing in store.mapLayers().values():
        if existing.customProperty(COPY_OF) == layer.id():
            return existing
    wanted = layer_encoding(path, layer.name())
    if _codec(layer.dataProvider().encoding()) == _codec(wanted.name):
        return layer
    copy = QgsVectorLayer(layer.source(), layer.name(), "ogr")
    copy.setProviderEncoding(wanted.name)
    if layer.subsetString():
        copy.setSubsetString(layer.subsetString())
    copy.setCustomProperty(COPY_OF, layer.id())
    store.addMapLayer(copy)
    feedback = context.feedback()
    if feedback is not None:
        declared = tr("its .cpg file") if wanted.source == "cpg" else tr("its DBF code page")
        note = wanted.note or tr("Layer '{layer}': text read as {encoding}, as {declared} says, not as {given}.").format(
            layer=layer.name(), encoding=wanted.name, declared=declared, given=layer.dataProvider().encoding())
        feedback.pushWarning(note)
    return copy


def source_value_for(value, layer, copy):
    """The parameter value that reads ``copy`` the way ``value`` read ``layer`` (selection, limit, flags)."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        fixed = QgsProcessingFeatureSourceDefinition(value)
        fixed.source = QgsProperty.fromValue(copy.id())
        if value.selectedFeaturesOnly:
            copy.selectByIds(layer.selectedFeatureIds())
        return fixed
    return copy.id()
