"""What the wizard and the export dialog remember between runs (QgsSettings, under the plugin's key).

Choices (the last DLTB layer's name, the project-area mode, the unit …) and
folders (where the last project file and workbook were written) are kept in
the user's QGIS profile under ``land_consolidation/``; a file widget opens
in the folder last used instead of the home folder.
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsSettings

#: Settings group of the plugin.
PREFIX = "land_consolidation"


def value(key: str, default=None, kind=None):
    """A remembered value (``kind`` converts it, e.g. ``bool`` or ``int``)."""
    if kind is None:
        return QgsSettings().value(f"{PREFIX}/{key}", default)
    return QgsSettings().value(f"{PREFIX}/{key}", default, type=kind)


def remember(key: str, data) -> None:
    """Keep a value for the next run."""
    QgsSettings().setValue(f"{PREFIX}/{key}", data)


def folder(key: str) -> str:
    """A remembered folder that still exists, else ""."""
    path = value(f"folders/{key}", "") or ""
    return path if path and Path(path).is_dir() else ""


def remember_folder(key: str, file_path: str) -> None:
    """Keep the folder of ``file_path`` (or the path itself when it is a folder)."""
    if not file_path:
        return
    path = Path(file_path)
    remember(f"folders/{key}", str(path if path.is_dir() else path.parent))


def start_in(widget, key: str) -> None:
    """Let a QgsFileWidget's dialog open in the remembered folder."""
    remembered = folder(key)
    if remembered:
        widget.setDefaultRoot(remembered)
