"""Test set-up.

The repository root *is* the plugin folder, and CI clones it into a folder
with another name.  So the plugin is imported under its installed name,
``land_consolidation``, straight from the root, without putting the root on
``sys.path`` (that would shadow QGIS's own ``processing`` package).
"""
import importlib.util
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "land_consolidation"
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"


def _load_plugin_package():
    if PACKAGE in sys.modules:
        return sys.modules[PACKAGE]
    spec = importlib.util.spec_from_file_location(
        PACKAGE, ROOT / "__init__.py", submodule_search_locations=[str(ROOT)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    spec.loader.exec_module(module)
    return module


def _unshadow_qgis_processing():
    """Keep the plugin root off sys.path (``python -m pytest`` puts the cwd there).

    Otherwise ``import processing`` finds the plugin's own subpackage instead
    of QGIS's Processing plugin.
    """
    root = str(ROOT)
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != root]
    module = sys.modules.get("processing")
    if module is not None and str(getattr(module, "__file__", "")).startswith(root):
        del sys.modules["processing"]


_unshadow_qgis_processing()
if QGIS_PLUGINS not in sys.path:
    sys.path.append(QGIS_PLUGINS)
_load_plugin_package()

TESTS_DIR = str(Path(__file__).resolve().parent)
if TESTS_DIR not in sys.path:
    # Lets tests import the small layer builders in tests/builders.py.
    sys.path.insert(0, TESTS_DIR)

import pytest  # noqa: E402

_KEEP_ALIVE = []


@pytest.fixture
def provider(qgis_app, qgis_processing):
    """The plugin's Processing provider, registered (again, if a plugin test unloaded it)."""
    return _ensure_provider()


@pytest.fixture(scope="module")
def module_provider(qgis_app, qgis_processing):
    """:func:`provider` for module-scoped fixtures (e.g. a baseline computed once per module)."""
    return _ensure_provider()


def _ensure_provider():
    from land_consolidation.processing.provider import PROVIDER_ID, LandConsolidationProvider
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById(PROVIDER_ID)
    if existing is not None:
        return existing
    instance = LandConsolidationProvider()
    registry.addProvider(instance)
    # The registry does not keep the Python object alive; a collected provider crashes QGIS.
    _KEEP_ALIVE.append(instance)
    return instance


def generator():
    """tools/generate_sample.py as a module (loaded once)."""
    import importlib.util

    name = "land_consolidation_tools_generate_sample"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "generate_sample.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def bundled_sample(qgis_app, tmp_path_factory):
    """A small bundled-sample township (600 parcels) and the generator's summary of it, generated once per session."""
    path = tmp_path_factory.mktemp("bundled_sample") / "sample.gpkg"
    summary = generator().generate(path, parcels=600, seed=20261128, log=None)
    return path, summary


@pytest.fixture(scope="session")
def sample_gpkg(bundled_sample):
    """The small bundled-sample township's GeoPackage."""
    return bundled_sample[0]


@pytest.fixture
def chinese(qgis_app):
    """The plugin's Simplified Chinese translation installed, as in a QGIS set to 简体中文 (zh-Hans).

    For the tests that check what a Chinese user reads; the compiled .qm comes from tools/test.sh
    (``install_plugin.py --compile-only``).
    """
    from land_consolidation.i18n import install_translator
    from qgis.PyQt.QtCore import QCoreApplication

    translator = install_translator("zh-Hans")
    assert translator is not None, "no compiled translation: run tools/install_plugin.py --compile-only"
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture(autouse=True, scope="session")
def _release_frames_kept_by_qgis_bindings(qgis_app):
    """Before QGIS exits, drop the locals of the frames QGIS 3.22's bindings never release.

    When a Python algorithm raises, the bindings keep the exception's traceback (a leak in QGIS), so every
    frame up the stack stays alive: a test's file layer (OGR) held there would be closed only at the
    interpreter's exit, after exitQgis, and that crashes (exit code 139 after all tests passed).  Finished
    frames are cleared here, while QGIS is still up; running ones refuse and are left alone.
    """
    yield
    import gc
    import types

    gc.collect()
    for obj in gc.get_objects():
        if isinstance(obj, types.FrameType):
            try:
                obj.clear()
            except RuntimeError:
                pass  # still executing
    gc.collect()


@pytest.fixture(autouse=True)
def _forget_remembered_choices(qgis_app):
    """Each test starts without the wizard's remembered choices (QgsSettings in pytest-qgis's temporary profile)."""
    from qgis.core import QgsSettings

    QgsSettings().remove("land_consolidation")
    yield
