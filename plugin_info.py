"""The plugin's name and version, read from ``metadata.txt`` in one place."""
import configparser
from functools import lru_cache
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def metadata() -> dict:
    """The ``[general]`` section of metadata.txt."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive (qgisMinimumVersion)
    parser.read(PLUGIN_DIR / "metadata.txt", encoding="utf-8")
    return dict(parser["general"])


def version() -> str:
    """Plugin version, e.g. ``0.1.0``."""
    return metadata()["version"]


def icon_path(name: str = "icon.svg") -> str:
    """Path of an icon in resources/icons."""
    return str(PLUGIN_DIR / "resources" / "icons" / name)
