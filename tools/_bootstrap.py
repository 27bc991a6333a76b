"""Shared start-up for the scripts in ``tools/``.

The repository root *is* the plugin folder.  Putting it on ``sys.path`` would
let the plugin's own ``processing`` subpackage shadow QGIS's ``processing``,
so the tools import the plugin the way ``tests/conftest.py`` does: as the
package ``land_consolidation`` loaded straight from the root's
``__init__.py``.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "land_consolidation"


def load_plugin_package() -> ModuleType:
    """Import the plugin as ``land_consolidation`` without touching ``sys.path``.

    Returns:
        The package module; afterwards ``from land_consolidation.core import
        ellipsoid`` works.  Calling it again returns the module already
        registered in ``sys.modules``.
    """
    if PACKAGE in sys.modules:
        return sys.modules[PACKAGE]
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


def init_qgis():
    """Start QGIS headless, or return the application already running.

    Under pytest-qgis (or inside QGIS) the existing ``QgsApplication`` is
    reused; only a standalone script creates and initialises one.

    Returns:
        The ``QgsApplication`` instance.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication.instance()
    if app is None:
        app = QgsApplication([], False)
        app.initQgis()
        # Keep a module-level reference: a collected QgsApplication crashes
        # on the next QGIS call.
        globals()["_APP"] = app
    return app
