"""Translation helpers: every user-visible string goes through :func:`tr`."""
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .plugin_info import PLUGIN_DIR

CONTEXT = "LandConsolidation"


def tr(text: str, context: str = CONTEXT) -> str:
    """Translate ``text`` (English source) in the plugin's context."""
    return QCoreApplication.translate(context, text)


def tr_noop(text: str) -> str:
    """Mark a string for translation where it is defined; :func:`tr` translates it where used."""
    return text


def locale_name() -> str:
    """QGIS's user locale (``zh_CN`` …), falling back to the system's."""
    override = QgsSettings().value("locale/overrideFlag", False, type=bool)
    if override:
        return QgsSettings().value("locale/userLocale", "") or QLocale.system().name()
    return QLocale.system().name()


def install_translator(locale: str | None = None):
    """Load the compiled translation for ``locale`` if there is one.

    Returns:
        The installed QTranslator (keep a reference, remove it on unload), or None.
    """
    locale = locale or locale_name()
    path = PLUGIN_DIR / "resources" / "i18n" / f"land_consolidation_{locale[:5]}.qm"
    if not path.exists():
        path = PLUGIN_DIR / "resources" / "i18n" / f"land_consolidation_{locale[:2]}.qm"
    if not path.exists():
        return None
    translator = QTranslator()
    if not translator.load(str(path)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator
