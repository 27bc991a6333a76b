"""Output layers get their style when QGIS loads them (resources/styles, core/maps/styles.py).

An algorithm lists its styled outputs in ``output_styles`` (output key →
style name).  After the run, :func:`attach_styles` (called from the base
class's ``postProcessAlgorithm``, once every output has its final name) gives
each of those outputs that QGIS will load a post-processor that loads the
style onto the layer; nothing happens for outputs that are not loaded
(``qgis_process``, ``processing.run``).
"""
from __future__ import annotations

from qgis.core import QgsProcessingLayerPostProcessorInterface, QgsVectorLayer

from ..core.fields import detect_fields
from ..core.maps.styles import STYLES, apply_style

#: The post-processors handed to QGIS.  The processing context owns (and deletes) them, but a
#: Python subclass must stay referenced on the Python side while QGIS may call it.
_LIVE: list = []
#: Keep at most this many (runs long gone have released theirs).
_KEEP = 200


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Loads one of the plugin's styles onto an output layer as QGIS adds it to the project."""

    def __init__(self, style: str):
        super().__init__()
        self.style = style

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS's name)
        """Apply the style (a DLTB style reads the layer's own code field)."""
        if not isinstance(layer, QgsVectorLayer):
            return
        key_field = None
        if STYLES[self.style].key_field == "DLBM":
            key_field = detect_fields(layer.fields().names()).get("code")
            if not key_field:
                return
        apply_style(layer, self.style, key_field=key_field)

    @classmethod
    def create(cls, style: str) -> StylePostProcessor:
        """A new post-processor, kept referenced (QGIS deletes it with the context that ran the algorithm)."""
        instance = cls(style)
        _LIVE.append(instance)
        del _LIVE[:-_KEEP]
        return instance


def attach_styles(algorithm, context) -> list:
    """Give every loaded output listed in ``algorithm.output_styles`` its style; returns the layer ids styled."""
    styles = getattr(algorithm, "output_styles", None) or {}
    attached = []
    if not styles:
        return attached
    for layer_id in list(context.layersToLoadOnCompletion()):
        details = context.layerToLoadOnCompletionDetails(layer_id)
        style = styles.get(details.outputName)
        if style is None or details.postProcessor() is not None:
            continue
        details.setPostProcessor(StylePostProcessor.create(style))
        attached.append(layer_id)
    return attached
