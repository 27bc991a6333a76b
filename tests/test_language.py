"""One language per string: every label a user reads is Chinese in a Chinese QGIS and English in an English one.

For each locale the plugin's translator is installed as QGIS installs it
(English: none; ``zh-Hans``, what QGIS stores for 简体中文: the Chinese .qm),
then every label of every algorithm – display name, group, help, parameter
descriptions and help, enum options, output descriptions – and every widget
text of the set-up wizard and the export dialog is read.

* Chinese text may hold Latin letters only as identifiers: field names and
  keys (DLBM, PBF_AFTER, lc_settings), codes (EPSG:4528, 0201K), units
  (m², m), file names and the technical names in :data:`ALLOWED_IN_CHINESE`.
* English text holds no Chinese characters at all (the allow-list is empty:
  the official Chinese names – table titles, map titles, field values – are
  shown through their English labels, translated back to the official names
  in Chinese).

Text that comes from data (layer names, field values) is not a label and is
not read here: the wizard runs with no layer loaded.
"""
import re

import pytest
from land_consolidation.i18n import install_translator
from land_consolidation.processing.provider import PROVIDER_ID
from qgis.core import QgsApplication, QgsProcessingParameterEnum
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableWidget,
    QWidget,
    QWizardPage,
)

#: Latin words a Chinese text may carry besides identifiers: names of programs, formats and methods that
#: Chinese technical writing keeps in Latin letters, and the lower-case keys and values the outputs hold.
ALLOWED_IN_CHINESE = {
    # programs, libraries, formats
    "QGIS", "GDAL", "GEOS", "GeoPackage", "GeographicLib", "Excel", "Windows", "makeValid", "gdaldem", "gdalwarp",
    "SciPy", "Python", "milp",
    "native:fixgeometries", "Horn", "NaN", "inf", "$area", "e",
    # values and keys the outputs and parameters hold (POTENTIAL_TYPE, REASON, RANK_BY, table names)
    "restorable", "development", "reclamation", "mine", "tiankan", "high_standard", "red_line", "slope",
    "dev_boundary", "village_core", "lc_settings", "exportscheme", "checkdata", "round",
    # units and file name parts
    "m", "km", "mm", "gpkg", "txt", "qgz", "xlsx", "pdf", "csv", "tests/test_ellipsoid.py",
}
#: Chinese characters an English text may carry: none (see the module docstring).
ALLOWED_IN_ENGLISH: set = set()

CHINESE_CHAR = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]")
WORD = re.compile(r"[A-Za-z$][A-Za-z0-9_.:/$'’-]*")


def stray_english(text: str) -> list[str]:
    """Latin words in a Chinese text that are not identifiers, codes, units or allowed names."""
    found = []
    text = re.sub(r'"[^"]*"', " ", text)  # a quoted literal (a JSON example, a value) is what the user types
    for word in WORD.findall(text):
        word = word.strip(".:'’-/")
        if not word or word in ALLOWED_IN_CHINESE:
            continue
        if re.fullmatch(r"[A-Z0-9_:./-]+[a-z]?", word) or "_" in word or any(ch.isdigit() for ch in word):
            continue  # DLBM, PBF_AFTER, EPSG:4528, 0201K, CGCS2000, UTF-8, J1 …
        if len(word) == 1:
            continue  # a variable in a formula: X, Y, k …
        found.append(word)
    return found


def stray_chinese(text: str) -> list[str]:
    """Chinese characters (and full-width punctuation) in an English text."""
    return [ch for ch in CHINESE_CHAR.findall(text) if ch not in ALLOWED_IN_ENGLISH]


@pytest.fixture(params=["en_US", "zh-Hans"])
def locale(request, qgis_app):
    """Each locale with the translator QGIS would install for it."""
    translator = install_translator(request.param)
    if request.param == "en_US":
        assert translator is None
    else:
        assert translator is not None, "no compiled translation: run tools/install_plugin.py --compile-only"
    yield request.param
    if translator is not None:
        QCoreApplication.removeTranslator(translator)


def check(texts: list[tuple[str, str]], locale: str) -> list[str]:
    """The texts (``(where, text)``) in the wrong language, with what is wrong in them."""
    problems = []
    for where, text in texts:
        text = re.sub(r"<[^>]+>", " ", text or "")
        wrong = stray_chinese(text) if locale.startswith("en") else stray_english(text)
        if wrong:
            problems.append(f"{where}: {sorted(set(wrong))[:8]} in {text[:160]!r}")
    return problems


def algorithm_texts(algorithm) -> list[tuple[str, str]]:
    """Every label of an algorithm a user reads in the toolbox, the dialog, the help and the results."""
    name = algorithm.name()
    texts = [(f"{name} name", algorithm.displayName()), (f"{name} group", algorithm.group()),
             (f"{name} help", algorithm.shortHelpString())]
    for definition in algorithm.parameterDefinitions():
        key = f"{name}.{definition.name()}"
        texts += [(key, definition.description()), (f"{key} help", definition.help())]
        if isinstance(definition, QgsProcessingParameterEnum):
            texts += [(f"{key} option", option) for option in definition.options()]
    texts += [(f"{name}→{output.name()}", output.description()) for output in algorithm.outputDefinitions()]
    return texts


def algorithm_ids() -> list[str]:
    from land_consolidation.processing.provider import algorithm_classes

    return sorted(cls().name() for cls in algorithm_classes())


@pytest.mark.parametrize("name", algorithm_ids())
def test_every_label_of_every_algorithm(provider, locale, name):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"{PROVIDER_ID}:{name}")
    texts = algorithm_texts(algorithm)
    assert len(texts) > 5
    problems = check(texts, locale)
    assert problems == [], "\n".join(problems)


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every label, button, title, header, list item, choice and placeholder of a window.

    The insides of QGIS's own widgets (layer and field combos, file and date widgets) are QGIS's to translate,
    and their choices are data; they are left out.
    """
    from qgis.gui import QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
    from qgis.PyQt.QtWidgets import QAbstractSpinBox

    def foreign(widget):
        parent = widget
        while parent is not None:
            if isinstance(parent, (QgsFileWidget, QgsMapLayerComboBox, QgsFieldComboBox, QAbstractSpinBox)):
                return True
            parent = parent.parentWidget()
        return False

    texts = [("window title", root.windowTitle())]
    for widget in [root] + root.findChildren(QWidget):
        if foreign(widget):
            continue
        where = f"{type(widget).__name__} {widget.objectName()}"
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append((where, widget.text()))
        if isinstance(widget, QGroupBox):
            texts.append((where, widget.title()))
        if isinstance(widget, QWizardPage):
            texts += [(where + " title", widget.title()), (where + " subtitle", widget.subTitle())]
        if isinstance(widget, QLineEdit):
            texts.append((where + " placeholder", widget.placeholderText()))
        if isinstance(widget, QComboBox):
            texts += [(where, widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            texts += [(where, widget.item(i).text()) for i in range(widget.count())]
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                texts.append((where + " header", header.text() if header else ""))
            texts += [(where, widget.item(r, 0).text()) for r in range(widget.rowCount()) if widget.item(r, 0)]
        if widget.toolTip():
            texts.append((where + " tooltip", widget.toolTip()))
    return texts


def test_the_wizard_speaks_one_language(provider, locale):
    from land_consolidation.dialogs.project_wizard import ProjectWizard

    wizard = ProjectWizard()
    texts = widget_texts(wizard)
    # What the pages say when they cannot go on (nothing is loaded: page 1 and 2 say why).
    texts += [("page 1 problem", wizard.dltb_page.problem()), ("page 2 problem", wizard.area_page.problem()),
              ("page 3 problem", wizard.facts_page.problem())]
    assert sum(1 for _, text in texts if text) > 40
    problems = check(texts, locale)
    assert problems == [], "\n".join(problems)
    wizard.deleteLater()


def test_the_drafting_assistant_speaks_one_language(provider, locale):
    """The wizard's drafting assistant: its widgets, its figures (met and missed) and its candidate reasons."""
    from land_consolidation.dialogs import draft_dialog
    from land_consolidation.dialogs.project_wizard import ProjectWizard
    from land_consolidation.i18n import tr

    wizard = ProjectWizard()
    dialog = wizard.draft_dialog()
    texts = widget_texts(dialog)
    met = {"ADDED_M2": 260194.02, "ADDED_RATE": 5.0, "RECLAIMED_M2": 5012.3, "COST": 1207085.54, "CHOSEN_COUNT": 36,
           "FEASIBLE": 1, "SHORTFALL_M2": 0.0, "LP_BOUND": 1207072.85, "GAP_PCT": 0.0, "SOLVER": "milp", "REASON": ""}
    missed = dict(met, FEASIBLE=0, SHORTFALL_M2=1200.0, SOLVER="best attempt", GAP_PCT=None)
    texts += [("figures met", draft_dialog.figures_html(met, 5.0, 5000.0, None)),
              ("figures missed", draft_dialog.figures_html(missed, 5.0, 5000.0, 2e6))]
    texts += [(f"reason {reason}", tr(label)) for reason, label in draft_dialog.REASON_LABELS.items()]
    texts += [(f"solver {key}", tr(label)) for key, label in draft_dialog.SOLVER_LABELS.items()]
    assert sum(1 for _, text in texts if text) > 30
    problems = check(texts, locale)
    assert problems == [], "\n".join(problems)
    dialog.deleteLater()
    wizard.deleteLater()


def test_the_export_dialog_speaks_one_language(provider, locale):
    from land_consolidation.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog()
    dialog.start()  # no project: the message says so
    texts = widget_texts(dialog)
    assert sum(1 for _, text in texts if text) > 25
    problems = check(texts, locale)
    assert problems == [], "\n".join(problems)
    dialog.deleteLater()


def test_the_checks_catch_a_mixed_string():
    """The two checks themselves: the old bilingual labels fail them."""
    assert stray_english("永久基本农田调整 Permanent farmland adjustment") == ["Permanent", "farmland", "adjustment"]
    assert stray_english("地类编码 DLBM（EPSG:4528，0201K，PBF_AFTER，1 m²）") == []
    assert stray_chinese("Land-use status (土地利用现状统计)") != []
    assert stray_chinese("Land-use status, 1 mu = 10 000/15 m²") == []


def test_loaded_output_tables_read_in_the_interface_language(provider, locale):
    """A loaded output keeps its English field names (models use them) and shows aliases in the QGIS language."""
    from builders import memory_layer, status_rows
    from qgis import processing
    from qgis.core import QgsProject

    project = QgsProject.instance()
    before = set(project.mapLayers())
    try:
        processing.runAndLoadResults("landconsolidation:landusestatus",
                                     {"INPUT": memory_layer("DLTB", status_rows()), "OUTPUT": "TEMPORARY_OUTPUT"})
        (layer,) = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
        names = layer.fields().names()
        assert names[:4] == ["GROUP", "GROUP_NAME", "DLBM", "DLMC"] and "AREA_HA" in names
        aliases = {name: layer.attributeAlias(i) for i, name in enumerate(names)}
        if locale == "zh-Hans":
            assert aliases["AREA_M2"] == "面积（m²）" and aliases["CATEGORY3"] == "三大类"
            assert aliases["GROUP_NAME"] == "分组名称" and aliases["AREA_MU"] == "面积（亩）"
        else:
            assert aliases["AREA_M2"] == "Area (m²)" and aliases["CATEGORY3"] == "Category"
        problems = check(list(aliases.items()), locale)
        assert problems == [], problems
    finally:
        project.removeMapLayers(list(set(project.mapLayers()) - before))

