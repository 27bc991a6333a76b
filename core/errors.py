"""Exceptions raised by the domain layer.

Messages are written for a surveyor: they name the layer, field or parcel
concerned and say what to do.  Algorithms re-raise them as
``QgsProcessingException``.
"""


class LandConsolidationError(Exception):
    """A problem with the user's data or settings, with a readable message."""
