"""The plugin loads as QGIS loads it and unloads without leaving anything."""
import land_consolidation
from land_consolidation.plugin_info import metadata
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QMenu, QToolBar

PROVIDER = "landconsolidation"


def test_metadata_is_complete():
    meta = metadata()
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "icon", "changelog"):
        assert meta.get(key), key
    # No made-up addresses: the publisher adds email/repository/tracker when uploading.
    assert not any("example." in value for value in meta.values())
    assert meta["hasProcessingProvider"] == "yes"
    assert meta["qgisMinimumVersion"] == "3.22"


def test_class_factory_init_gui_unload(qgis_iface, qgis_processing):
    registry = QgsApplication.processingRegistry()
    if registry.providerById(PROVIDER) is not None:  # registered by another test's fixture
        registry.removeProvider(registry.providerById(PROVIDER))
    menu_bar = qgis_iface.mainWindow().menuBar()
    menus_before = len(menu_bar.actions())

    plugin = land_consolidation.classFactory(qgis_iface)
    plugin.initGui()

    provider = registry.providerById(PROVIDER)
    assert provider is not None
    assert provider.name() == "Land consolidation"  # an English QGIS; 全域综合整治 in a Chinese one
    ids = sorted(a.id() for a in provider.algorithms())
    assert "landconsolidation:landusestatus" in ids
    assert "landconsolidation:ellipsoidalarea" in ids
    assert len(menu_bar.actions()) == menus_before + 1
    menu = qgis_iface.mainWindow().findChild(QMenu, "landConsolidationMenu")
    assert menu is not None and len(menu.actions()) >= 2
    assert all(a.text() for a in menu.actions() if not a.isSeparator())
    names = [a.objectName() for a in menu.actions()]
    assert names[:3] == ["landconsolidation_new_project", "landconsolidation_open_project",
                         "landconsolidation_export_scheme"]
    assert "landconsolidation_landusestatus" in names and "landconsolidation_compliance" in names

    plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert registry.providerById(PROVIDER) is None
    assert len(menu_bar.actions()) == menus_before
    assert qgis_iface.mainWindow().findChild(QMenu, "landConsolidationMenu") is None
    assert qgis_iface.mainWindow().findChild(QToolBar, "landConsolidationToolbar") is None
    assert plugin.actions == []


def test_unload_closes_open_dialogs(qgis_iface, qgis_processing):
    """A wizard or export dialog left open must not outlive the plugin (its code is about to be unloaded)."""
    registry = QgsApplication.processingRegistry()
    if registry.providerById(PROVIDER) is not None:
        registry.removeProvider(registry.providerById(PROVIDER))
    plugin = land_consolidation.classFactory(qgis_iface)
    plugin.initGui()
    plugin.new_project()
    plugin.export_scheme()
    wizard, export = plugin.dialog, plugin.export
    assert wizard.isVisible() and export.isVisible()
    closed = []
    wizard.destroyed.connect(lambda *_: closed.append("wizard"))
    export.destroyed.connect(lambda *_: closed.append("export"))
    plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert sorted(closed) == ["export", "wizard"]
    assert plugin.dialog is None and plugin.export is None


def test_reload_twice(qgis_iface, qgis_processing):
    registry = QgsApplication.processingRegistry()
    if registry.providerById(PROVIDER) is not None:
        registry.removeProvider(registry.providerById(PROVIDER))
    for _ in range(2):
        plugin = land_consolidation.classFactory(qgis_iface)
        plugin.initGui()
        assert registry.providerById(PROVIDER) is not None
        plugin.unload()
        assert registry.providerById(PROVIDER) is None


def test_menu_names_tools_as_the_toolbox_does(qgis_iface, qgis_processing):
    """Once the menu said "建设用地与增减挂钩…" where the toolbox said "建设用地与拆旧建新"."""
    registry = QgsApplication.processingRegistry()
    if registry.providerById(PROVIDER) is not None:
        registry.removeProvider(registry.providerById(PROVIDER))
    plugin = land_consolidation.classFactory(qgis_iface)
    plugin.initGui()
    try:
        entries = {a.objectName(): a.text() for a in plugin.menu.actions() if not a.isSeparator()}
        for name in ("landusestatus", "constructionland", "contiguity", "checkdata", "ellipsoidalarea"):
            algorithm = registry.algorithmById(f"landconsolidation:{name}")
            assert entries[f"landconsolidation_{name}"] == algorithm.displayName() + "…"
    finally:
        plugin.unload()
