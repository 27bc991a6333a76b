"""Output layers get their style and their field aliases when QGIS loads them.

An algorithm lists its styled outputs in ``output_styles`` (output key →
style name; resources/styles, core/maps/styles.py).  After the run,
:func:`attach_styles` (called from the base class's ``postProcessAlgorithm``,
once every output has its final name) gives every output that QGIS will load
a post-processor that sets the fields' aliases (processing/aliases.py: the
stable English field names read in the interface's language) and loads the
style where there is one; nothing happens for outputs that are not loaded
(``qgis_process``, ``processing.run``), whose fields keep their names.
"""
from __future__ import annotations

from qgis.core import QgsProcessingLayerPostProcessorInterface, QgsVectorLayer

from ..core.fields import detect_fields
from ..core.maps.styles import STYLES, apply_style
from .aliases import set_aliases

#: The post-processors handed to QGIS.  The processing context owns (and deletes) them, but a
#: Python subclass must stay referenced on the Python side while QGIS may call it.
_LIVE: list = []
#: Keep at most this many (runs long gone have released theirs).
_KEEP = 200


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Sets the field aliases of an output layer and loads its style (if any) as QGIS adds it to the project."""

    def __init__(self, style: str | None):
        super().__init__()
        self.style = style

    def postProcessLayer(self, layer, _context, _feedback):  # noqa: N802 (QGIS's name)
        """Set the aliases; apply the style (a DLTB style reads the layer's own code field)."""
        if not isinstance(layer, QgsVectorLayer):
            return
        set_aliases(layer)
        if self.style is None:
            return
        key_field = None
        if STYLES[self.style].key_field == "DLBM":
            key_field = detect_fields(layer.fields().names()).get("code")
            if not key_field:
                return
        apply_style(layer, self.style, key_field=key_field)

    @classmethod
    def create(cls, style: str | None) -> StylePostProcessor:
        """A new post-processor, kept referenced (QGIS deletes it with the context that ran the algorithm)."""
        instance = cls(style)
        _LIVE.append(instance)
        del _LIVE[:-_KEEP]
        return instance


def attach_styles(algorithm, context) -> list:
    """Give every loaded output its aliases, and those of ``algorithm.output_styles`` their style.

    Returns:
        The ids of the layers given a post-processor.
    """
    styles = getattr(algorithm, "output_styles", None) or {}
    attached = []
    for layer_id in list(context.layersToLoadOnCompletion()):
        details = context.layerToLoadOnCompletionDetails(layer_id)
        style = styles.get(details.outputName)
        if details.postProcessor() is not None:
            continue
        details.setPostProcessor(StylePostProcessor.create(style))
        attached.append(layer_id)
    return attached
