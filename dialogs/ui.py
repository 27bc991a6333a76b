"""Loading the Designer forms that sit next to their modules (same stem)."""
from pathlib import Path

from qgis.PyQt import uic

HERE = Path(__file__).resolve().parent


def load_form(stem: str):
    """The generated form class of ``dialogs/<stem>.ui``."""
    form, _ = uic.loadUiType(str(HERE / f"{stem}.ui"))
    return form
