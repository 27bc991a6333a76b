"""The zh_CN translation covers every tr() string and is what a Chinese QGIS shows."""
import importlib.util
import subprocess
import sys
from pathlib import Path

import land_consolidation
from land_consolidation.i18n import CONTEXT
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "land_consolidation_zh_CN.ts"


def i18n_tool():
    spec = importlib.util.spec_from_file_location("lc_i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_string_is_translated():
    tool = i18n_tool()
    strings = tool.extract()
    assert len(strings) > 300  # algorithms' help, parameters, dialogs
    gaps = tool.missing("zh_CN")
    assert gaps == [], f"{len(gaps)} untranslated, e.g. {gaps[:5]}"


def test_placeholders_survive_translation():
    tool = i18n_tool()
    import re

    for (_context, source), (text, finished) in tool.read_ts(TS).items():
        if finished:
            assert set(re.findall(r"\{\w*\}", source)) == set(re.findall(r"\{\w*\}", text)), source


def test_compiled_translation(tmp_path, qgis_app):
    qm = tmp_path / "zh.qm"
    subprocess.run(["lrelease", "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate(CONTEXT, "Land consolidation") == "全域综合整治"
        assert QCoreApplication.translate(CONTEXT, "New project…") != "New project…"
        assert QCoreApplication.translate("FactsPage", "Project name") != "Project name"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_chinese_menu(qgis_iface, qgis_processing, monkeypatch):
    """With a zh_CN locale the plugin's menu, actions and algorithm names are Chinese."""
    subprocess.run([sys.executable, str(ROOT / "tools" / "install_plugin.py"), "--compile-only"], check=True)
    monkeypatch.setattr("land_consolidation.plugin.install_translator",
                        lambda: land_consolidation.i18n.install_translator("zh_CN"))
    registry = QgsApplication.processingRegistry()
    if registry.providerById("landconsolidation") is not None:
        registry.removeProvider(registry.providerById("landconsolidation"))
    plugin = land_consolidation.classFactory(qgis_iface)
    plugin.initGui()
    try:
        menu = plugin.menu  # (an unloaded plugin's menu may still await deletion in the main window)
        assert menu.title() == "全域综合整治"
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in texts), texts
        status = registry.algorithmById("landconsolidation:landusestatus")
        assert status.displayName() == QCoreApplication.translate(CONTEXT, "Land-use status") == "土地利用现状统计"
        assert not status.shortHelpString().startswith("Area of each")
    finally:
        plugin.unload()


def test_every_chinese_spelling_of_the_locale_finds_the_translation(tmp_path):
    """QGIS set to 简体中文 stores 'zh-Hans'; once that found no translation and the plugin spoke English."""
    from land_consolidation.i18n import translation_file

    (tmp_path / "land_consolidation_zh_CN.qm").write_bytes(b"")
    for locale in ("zh-Hans", "zh_Hans", "zh", "zh_CN", "zh_CN.UTF-8", "zh_SG", "zh-Hant", "zh_TW", "zh_HK"):
        assert translation_file(locale, tmp_path) == tmp_path / "land_consolidation_zh_CN.qm", locale
    for locale in ("en_US", "en", "de_DE", "C", ""):
        assert translation_file(locale, tmp_path) is None, locale
    (tmp_path / "land_consolidation_zh_TW.qm").write_bytes(b"")
    assert translation_file("zh-Hant", tmp_path).name == "land_consolidation_zh_TW.qm"
    assert translation_file("zh-Hans", tmp_path).name == "land_consolidation_zh_CN.qm"


def test_qgis_set_to_simplified_chinese_loads_chinese(qgis_app):
    """The translator installed for QGIS's own setting 'zh-Hans' translates the plugin's strings."""
    from land_consolidation.i18n import install_translator

    subprocess.run([sys.executable, str(ROOT / "tools" / "install_plugin.py"), "--compile-only"], check=True)
    translator = install_translator("zh-Hans")
    assert translator is not None
    try:
        assert QCoreApplication.translate(CONTEXT, "Land consolidation") == "全域综合整治"
    finally:
        QCoreApplication.removeTranslator(translator)
