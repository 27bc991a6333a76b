"""Exceptions raised by the domain layer.

Messages are written for a surveyor: they name the layer, field or parcel
concerned and say what to do.  Algorithms re-raise them as
``QgsProcessingException``.
"""
from __future__ import annotations

from typing import Callable


class LandConsolidationError(Exception):
    """A problem with the user's data or settings, with a readable message."""


class Cancelled(Exception):  # noqa: N818 (a signal, not an error)
    """The user cancelled; the run stops quietly, as QGIS's own algorithms do (not an error)."""


def check_canceled(is_canceled: Callable[[], bool] | None) -> None:
    """Raise :class:`Cancelled` when ``is_canceled()`` says so (None: never)."""
    if is_canceled is not None and is_canceled():
        raise Cancelled()
