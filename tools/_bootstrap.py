"""Shared start-up for the scripts in ``tools/``.

The repository root *is* the plugin folder.  Putting it on ``sys.path`` would
let the plugin's own ``processing`` subpackage shadow QGIS's ``processing``,
so the tools import the plugin the way ``tests/conftest.py`` does: as the
package ``land_consolidation`` loaded straight from the root's
``__init__.py``.

Usage from a script in ``tools/`` (run as ``python3 tools/x.py``, so this
folder is ``sys.path[0]``)::

    from _bootstrap import ROOT, start_qgis
    start_qgis(with_processing=True)
    from land_consolidation.core import ellipsoid
"""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "land_consolidation"
#: Where Debian's QGIS keeps its Python plugins (QGIS's own ``processing``).
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"

# Held here so the application outlives the call that created it: a
# garbage-collected QgsApplication crashes the next QGIS call.
_APP = None


def _unshadow_qgis_processing() -> None:
    """Drop the repository root from ``sys.path`` and a wrongly cached ``processing``."""
    root = str(ROOT)
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != root]
    module = sys.modules.get("processing")
    if module is not None and str(getattr(module, "__file__", "")).startswith(root):
        del sys.modules["processing"]


def load_plugin_package() -> ModuleType:
    """Import the plugin as ``land_consolidation`` without the root on ``sys.path``.

    Returns:
        The package module; afterwards ``from land_consolidation.core import
        ellipsoid`` works.  A second call returns the module already in
        ``sys.modules``.
    """
    if PACKAGE in sys.modules:
        return sys.modules[PACKAGE]
    _unshadow_qgis_processing()
    spec = importlib.util.spec_from_file_location(
        PACKAGE, ROOT / "__init__.py", submodule_search_locations=[str(ROOT)]
    )
    if spec is None or spec.loader is None:  # pragma: no cover - broken checkout
        raise ImportError(f"cannot load the plugin package from {ROOT}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[PACKAGE]
        raise
    return module


def start_qgis(with_processing: bool = False):
    """Start QGIS headless (or reuse the running application) and load the plugin.

    Under pytest-qgis or inside QGIS the existing ``QgsApplication`` is
    reused; only a standalone script creates and initialises one.

    Args:
        with_processing: Also initialise QGIS's Processing framework (native
            algorithms included) and register the plugin's provider, so
            ``from qgis import processing; processing.run("landconsolidation:…")``
            works.

    Returns:
        The ``QgsApplication`` instance.
    """
    global _APP
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _unshadow_qgis_processing()
    if QGIS_PLUGINS not in sys.path:
        sys.path.append(QGIS_PLUGINS)
    from qgis.core import QgsApplication

    app = QgsApplication.instance()
    if app is None:
        app = QgsApplication([], False)
        app.initQgis()
        _APP = app
    load_plugin_package()
    if with_processing:
        _start_processing()
    return app


def _start_processing() -> None:
    """Initialise Processing and register the plugin's provider once."""
    from processing.core.Processing import Processing  # QGIS's, from QGIS_PLUGINS
    from qgis.analysis import QgsNativeAlgorithms
    from qgis.core import QgsApplication

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    if registry.providerById("native") is None:
        registry.addProvider(QgsNativeAlgorithms())
    from land_consolidation.processing.provider import (
        PROVIDER_ID,
        LandConsolidationProvider,
    )

    if registry.providerById(PROVIDER_ID) is None:
        provider = LandConsolidationProvider()
        registry.addProvider(provider)
        # The registry does not own Python providers; keep ours alive.
        globals()["_PROVIDER"] = provider
