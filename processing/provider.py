"""The Processing provider ``landconsolidation``."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..plugin_info import icon_path, version
from .algorithms.ellipsoidalarea import EllipsoidalAreaAlgorithm
from .algorithms.landusestatus import LandUseStatusAlgorithm

PROVIDER_ID = "landconsolidation"


class LandConsolidationProvider(QgsProcessingProvider):
    """Registers the plugin's algorithms."""

    def id(self) -> str:  # noqa: D102
        return PROVIDER_ID

    def name(self) -> str:  # noqa: D102
        return "全域综合整治 / Land consolidation"

    def longName(self) -> str:  # noqa: N802,D102
        return f"{self.name()} {version()}"

    def icon(self) -> QIcon:  # noqa: D102
        return QIcon(icon_path())

    def versionInfo(self) -> str:  # noqa: N802,D102
        return version()

    def loadAlgorithms(self) -> None:  # noqa: N802,D102
        for algorithm in (LandUseStatusAlgorithm(), EllipsoidalAreaAlgorithm()):
            self.addAlgorithm(algorithm)
