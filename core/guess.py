"""Which loaded layer is which: the set-up wizard's guesses from the standard 三调 and project layer names.

A township's delivery names its layers by the 三调 database standard (``DLTB``,
``YJJBNTTB`` …) and the project's own (``XMQ`` for the project area, ``ZXM``
for the sub-projects); the wizard pre-selects by these names instead of
taking the first layer in alphabetical order.  A layer matches a role when
its name – the whole name, the part after QGIS's "file — layer" dash, or the
GeoPackage layer name in its source – is one of the role's names, compared
in upper case.  Layers a project GeoPackage loaded carry the GeoPackage layer
name as a custom property (dialogs/project_layers.py) and match by it.

A constraint layer (red line, development boundary, farmland) is never
guessed as the project area, and the DLTB's planned twin (``DLTB_GH``) is
never guessed as the DLTB.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..i18n import tr
from . import codes as codes_mod
from .farmland import guess_pbf_layers
from .potential import CONSTRAINT_LAYER_NAMES
from .validity import separator
from .values import is_null

#: Custom property of a layer loaded from a project GeoPackage: its GeoPackage layer name (DLTB, XMQ …).
PROJECT_LAYER_PROPERTY = "land_consolidation/layer"
#: Custom property of the same layers and of their group: the project file.
PROJECT_FILE_PROPERTY = "land_consolidation/project"

#: Wizard role → layer names (upper case), most usual first.  ``pbf_before`` / ``pbf_after`` follow
#: :func:`core.farmland.guess_pbf_layers`.
ROLE_NAMES: dict[str, tuple[str, ...]] = {
    "dltb": ("DLTB", "XZDLTB", "DLTB_XZ", "地类图斑"),
    "after": ("DLTB_GH", "GHDLTB", "DLTBGH", "DLTB_ZZH", "规划地类图斑"),
    "area": ("XMQ", "XMFW", "XMQFW", "XMQ_FW", "项目区", "项目范围"),
    "subprojects": ("ZXM", "ZXMFW", "子项目"),
    "red_line": CONSTRAINT_LAYER_NAMES["red_line"],
    "development_boundary": CONSTRAINT_LAYER_NAMES["development_boundary"],
}
#: Names that mark a layer as a constraint, never a project area.
CONSTRAINT_NAMES = frozenset(
    name.upper() for key in ("red_line", "development_boundary", "pbf") for name in CONSTRAINT_LAYER_NAMES[key])
#: Project GeoPackage layer name → wizard role.
PROJECT_LAYERS = {"DLTB": "dltb", "DLTB_GH": "after", "XMQ": "area", "ZXM": "subprojects", "STBHHX": "red_line",
                  "CZKFBJ": "development_boundary", "YJJBNTTB": "pbf_before", "YJJBNTTB_GH": "pbf_after"}
#: Planned-code fields on a DLTB (规划地类编码), most usual first.
PLANNED_CODE_FIELDS = ("GHDLBM", "GH_DLBM", "GHDLDM", "GHDL", "DLBM_GH")
#: Planned 田坎 coefficient fields on a DLTB (规划扣除系数; GHKCXS is what the drafting assistant writes).
PLANNED_KCXS_FIELDS = ("GHKCXS", "GH_KCXS", "KCXS_GH")
#: A later survey (年度变更调查 DLTB) by its name: DLTB_<year>, as the project GeoPackage names them.
SURVEY_NAME = re.compile(r"DLTB_(\d{4})")
#: How many code values page 1 samples to judge a DLBM field.
CODE_SAMPLE = 200
#: Share of the sampled values that must be 三调 codes for a field to pass as the land-use code field.
MIN_CODE_SHARE = 0.5

_DASHES = re.compile(r"\s+[—–-]\s+")


def layer_names(layer) -> list[str]:
    """The names a layer goes by, upper case: its name, the part after a "file — layer" dash, its source layer."""
    names = []
    name = (layer.name() or "").strip()
    if name:
        names.append(name.upper())
        parts = _DASHES.split(name)
        if len(parts) > 1:
            names.append(parts[-1].strip().upper())
    source = layer.source() if hasattr(layer, "source") else ""
    match = re.search(r"\|layername=([^|]+)", source or "")
    if match:
        names.append(match.group(1).strip().upper())
    return list(dict.fromkeys(n for n in names if n))


def project_layer_name(layer) -> str:
    """The GeoPackage layer name of a layer a project file loaded (``DLTB``, ``XMQ`` …), else ""."""
    value = layer.customProperty(PROJECT_LAYER_PROPERTY, "") if hasattr(layer, "customProperty") else ""
    return str(value or "")


def is_constraint(layer) -> bool:
    """True for a red line, development boundary or farmland layer (by name), never a project area."""
    names = set(layer_names(layer)) | {project_layer_name(layer).upper()}
    return any(name in CONSTRAINT_NAMES or any(name.startswith(c) for c in CONSTRAINT_NAMES) for name in names
               if name)


def guess_layers(layers: Iterable) -> dict:
    """Role → layer for the roles whose standard name a layer carries.

    Roles: ``dltb``, ``after``, ``area``, ``subprojects``, ``red_line``,
    ``development_boundary``, ``pbf_before``, ``pbf_after``.  The first layer
    (in the given order) with the role's most usual name wins; a layer of a
    loaded project matches by its GeoPackage layer name when no raw layer does.

    Args:
        layers: Candidate (polygon) layers, e.g. the project's in layer-tree order.
    """
    # The user's own layers first: a loaded project's copies (clipped to its area) only when nothing else fits.
    layers = list(layers)
    layers = [layer for layer in layers if not project_layer_name(layer)] + \
        [layer for layer in layers if project_layer_name(layer)]
    found: dict = {}
    for role, names in ROLE_NAMES.items():
        for wanted in names:
            match = next((layer for layer in layers if wanted.upper() in layer_names(layer)), None)
            if match is not None:
                found[role] = match
                break
    by_name: dict = {}
    for layer in layers:
        for name in layer_names(layer):
            by_name.setdefault(name, layer)
    before, after = guess_pbf_layers(by_name)
    if before is not None:
        found["pbf_before"] = by_name[before]
    if after is not None:
        found["pbf_after"] = by_name[after]
    for layer in layers:
        role = PROJECT_LAYERS.get(project_layer_name(layer))
        if role is not None and role not in found:
            found[role] = layer
    if "area" in found and is_constraint(found["area"]):
        del found["area"]
    return found


def planned_code_field(field_names: Iterable[str]) -> str | None:
    """The planned-code field (GHDLBM …) among a layer's fields, or None."""
    by_upper = {name.upper(): name for name in field_names}
    return next((by_upper[name] for name in PLANNED_CODE_FIELDS if name in by_upper), None)


def planned_kcxs_field(field_names: Iterable[str]) -> str | None:
    """The planned 田坎 coefficient field (GHKCXS …) among a layer's fields, or None."""
    by_upper = {name.upper(): name for name in field_names}
    return next((by_upper[name] for name in PLANNED_KCXS_FIELDS if name in by_upper), None)


def survey_year(layer) -> int | None:
    """The year of a later survey named ``DLTB_<year>`` (its name, source layer or project layer name), or None."""
    for name in layer_names(layer) + [project_layer_name(layer).upper()]:
        match = SURVEY_NAME.fullmatch(name)
        if match:
            return int(match.group(1))
    return None


def guess_surveys(layers: Iterable, dltb_layer=None) -> list:
    """The later surveys among ``layers``: named ``DLTB_<4-digit year>``, not the DLTB itself, oldest first.

    One layer per year: the user's own layer before a loaded project's copy of it.
    """
    layers = [layer for layer in layers if layer is not dltb_layer]
    layers = [layer for layer in layers if not project_layer_name(layer)] + \
        [layer for layer in layers if project_layer_name(layer)]
    by_year: dict = {}
    for layer in layers:
        year = survey_year(layer)
        if year is not None:
            by_year.setdefault(year, layer)
    return [by_year[year] for year in sorted(by_year)]


def code_field_problem(layer, field: str, sample: int = CODE_SAMPLE) -> str | None:
    """Why ``field`` of ``layer`` is not the land-use code field, or None when its values are 三调 codes.

    Samples up to ``sample`` non-empty values and compares them with the
    shipped code table (:func:`core.codes.default_table`); fewer than
    :data:`MIN_CODE_SHARE` of them being codes names the field, the share
    and a few of its values.
    """
    from qgis.core import QgsFeatureRequest

    index = layer.fields().lookupField(field)
    if index < 0:
        return tr("Layer '{layer}' has no field {field}.").format(layer=layer.name(), field=field)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([index])
    values = []
    for feature in layer.getFeatures(request):
        value = feature.attributes()[index]
        if not is_null(value):
            values.append(value)
        if len(values) >= sample:
            break
    if not values:
        return tr("The field {field} of layer '{layer}' is empty: it cannot be the land-use code field (DLBM).").format(
            field=field, layer=layer.name())
    table = codes_mod.default_table()
    known = [v for v in values if table.lookup(v).known]
    if len(known) >= MIN_CODE_SHARE * len(values):
        return None
    examples = [str(v) for v in dict.fromkeys(str(v) for v in values if not table.lookup(v).known)][:3]
    return tr("The field {field} does not hold land-survey codes: {known} of {n} values read are codes (others: "
              "{examples}). Choose the land-use code field (DLBM).").format(
        field=field, known=len(known), n=len(values), examples=separator().join(examples))
