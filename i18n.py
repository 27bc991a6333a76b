"""Translation helpers: every user-visible string goes through :func:`tr`.

The plugin speaks the language QGIS speaks.  QGIS stores its language as
chosen in *Settings → Options → General* (``locale/userLocale`` with
``locale/overrideFlag``), which for Simplified Chinese is ``zh-Hans``, or
else follows the system (``zh_CN``, ``zh_SG`` …).  :func:`translation_file`
maps every Chinese spelling onto the Simplified Chinese translation (the
only Chinese one so far; traditional spellings fall back to it).
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .plugin_info import PLUGIN_DIR

CONTEXT = "LandConsolidation"
I18N_DIR = PLUGIN_DIR / "resources" / "i18n"
#: Locale spellings (normalised: ``-`` → ``_``) → the translation that serves them.
ALIASES = {
    "zh": "zh_CN", "zh_Hans": "zh_CN", "zh_Hans_CN": "zh_CN", "zh_SG": "zh_CN", "zh_Hans_SG": "zh_CN",
    "zh_Hant": "zh_TW", "zh_Hant_TW": "zh_TW", "zh_HK": "zh_TW", "zh_Hant_HK": "zh_TW", "zh_MO": "zh_TW",
}
#: Where a translation does not exist yet, the one to use instead.
FALLBACKS = {"zh_TW": "zh_CN"}


def tr(text: str, context: str = CONTEXT) -> str:
    """Translate ``text`` (English source) in the plugin's context."""
    return QCoreApplication.translate(context, text)


def tr_noop(text: str) -> str:
    """Mark a string for translation where it is defined; :func:`tr` translates it where used."""
    return text


def locale_name() -> str:
    """QGIS's user locale (``zh-Hans``, ``zh_CN`` …), falling back to the system's."""
    override = QgsSettings().value("locale/overrideFlag", False, type=bool)
    if override:
        return QgsSettings().value("locale/userLocale", "") or QLocale.system().name()
    return QLocale.system().name()


def translation_file(locale: str, folder: Path = I18N_DIR) -> Path | None:
    """The compiled translation (.qm) that serves ``locale``, or None (English).

    ``zh-Hans``, ``zh``, ``zh_CN``, ``zh_SG`` → ``land_consolidation_zh_CN.qm``;
    ``zh-Hant``, ``zh_TW``, ``zh_HK`` → ``…_zh_TW.qm`` when it exists, else the
    Simplified one.
    """
    name = (locale or "").replace("-", "_").split(".")[0]
    candidates = [name, ALIASES.get(name, ""), name[:5], ALIASES.get(name[:2], ""), name[:2]]
    for candidate in [c for c in candidates if c]:
        for code in (candidate, FALLBACKS.get(candidate, "")):
            if code and (folder / f"land_consolidation_{code}.qm").exists():
                return folder / f"land_consolidation_{code}.qm"
    return None


def install_translator(locale: str | None = None):
    """Load the compiled translation for ``locale`` (default: QGIS's) if there is one.

    Returns:
        The installed QTranslator (keep a reference, remove it on unload), or None.
    """
    path = translation_file(locale or locale_name())
    if path is None:
        return None
    translator = QTranslator()
    if not translator.load(str(path)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator
