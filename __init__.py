"""QGIS plugin entry point: 全域综合整治 / Land consolidation."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    """Create the plugin; imported lazily so that loading stays cheap."""
    from .plugin import LandConsolidationPlugin

    return LandConsolidationPlugin(iface)
