"""The Processing provider ``landconsolidation``."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.keys import PROVIDER_ID
from ..i18n import tr
from ..plugin_info import icon_path, version
from . import algorithms
from .algorithms.base import GROUPS, LandConsolidationAlgorithm


def algorithm_classes() -> list[type]:
    """Every concrete algorithm class in ``processing/algorithms`` (one module each)."""
    found = []
    for info in pkgutil.iter_modules(algorithms.__path__):
        if info.name == "base" or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{algorithms.__name__}.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, LandConsolidationAlgorithm)
                and cls is not LandConsolidationAlgorithm
                and cls.__module__ == module.__name__
            ):
                found.append(cls)
    return sorted(found, key=lambda c: c.__name__)


class LandConsolidationProvider(QgsProcessingProvider):
    """Registers the plugin's algorithms."""

    def id(self) -> str:  # noqa: D102
        return PROVIDER_ID

    def name(self) -> str:  # noqa: D102
        return tr("Land consolidation")

    def longName(self) -> str:  # noqa: N802,D102
        return f"{self.name()} {version()}"

    def icon(self) -> QIcon:  # noqa: D102
        return QIcon(icon_path())

    def versionInfo(self) -> str:  # noqa: N802,D102
        return version()

    def loadAlgorithms(self) -> None:  # noqa: N802,D102
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
        for model in shipped_models():
            self.addAlgorithm(model)


#: The Processing models shipped with the plugin (written by tools/make_model.py).
MODELS_DIR = Path(__file__).resolve().parent / "models"


def shipped_models() -> list:
    """Every ``processing/models/*.model3`` as a model algorithm (a file that does not load is skipped)."""
    from qgis.core import QgsProcessingModelAlgorithm

    models = []
    for path in sorted(MODELS_DIR.glob("*.model3")):
        model = QgsProcessingModelAlgorithm()
        if model.fromFile(str(path)):
            model.setSourceFilePath(str(path))
            if model.groupId() in GROUPS:
                # In the toolbox beside the plugin's algorithms of that group, under its translated name.
                model.setGroup(tr(GROUPS[model.groupId()]))
            models.append(model)
    return models
