"""Detection of 三调 field names on a layer, case-insensitive.

A field *role* (``code``, ``tbmj`` …) maps to the candidate names used in
三调 databases and their common variants.  ``detect_fields`` returns the
actual names found on a layer; the user may override any of them.
"""
from __future__ import annotations

from typing import Iterable, Mapping

from ..i18n import tr, tr_noop
from .errors import LandConsolidationError

#: role → candidate field names, most usual first.
DLTB_FIELDS: dict[str, tuple[str, ...]] = {
    "bsm": ("BSM",),
    "code": ("DLBM",),
    "name": ("DLMC",),
    "tbmj": ("TBMJ",),
    "kcdlbm": ("KCDLBM",),
    "kcxs": ("KCXS",),
    "kcmj": ("KCMJ",),
    "tbdlmj": ("TBDLMJ",),
    "village": ("ZLDWDM",),
    "village_name": ("ZLDWMC",),
    "gddb": ("GDDB", "ZLDJ"),
    "gdpdjb": ("GDPDJB", "PDJB"),
    "czcsxm": ("CZCSXM",),
    "xzdwkd": ("XZDWKD",),
    "gdlx": ("GDLX",),
    "zzsxdm": ("ZZSXDM",),
    "tbxhdm": ("TBXHDM",),
}

#: Human-readable names of the roles, for messages and the wizard's field mapping: English source with the
#: standard field name, translated by :func:`i18n.tr` (``地类编码 DLBM``).
ROLE_LABELS: dict[str, str] = {
    "code": tr_noop("Land-use code DLBM"),
    "tbmj": tr_noop("Parcel area TBMJ"),
    "kcdlbm": tr_noop("Deduction code KCDLBM"),
    "kcxs": tr_noop("Deduction coefficient KCXS"),
    "kcmj": tr_noop("Deduction area KCMJ"),
    "tbdlmj": tr_noop("Class area TBDLMJ"),
    "village": tr_noop("Village code ZLDWDM"),
    "village_name": tr_noop("Village name ZLDWMC"),
    "bsm": tr_noop("Identifier BSM"),
    "gddb": tr_noop("Quality grade GDDB"),
    "gdpdjb": tr_noop("Slope grade GDPDJB"),
    "czcsxm": tr_noop("Town/village attribute code CZCSXM"),
    "xzdwkd": tr_noop("Linear feature width XZDWKD"),
}


def role_label(role: str) -> str:
    """The translated name of a field role (the role itself when it has none)."""
    return tr(ROLE_LABELS[role]) if role in ROLE_LABELS else role


def detect_fields(
    field_names: Iterable[str],
    overrides: Mapping[str, str] | None = None,
    candidates: Mapping[str, tuple[str, ...]] = DLTB_FIELDS,
) -> dict[str, str | None]:
    """Map each role to the layer's field name, or None when absent.

    Args:
        field_names: The layer's field names.
        overrides: role → field name chosen by the user; an empty value
            means "use the detected one".
        candidates: role → candidate names.

    Raises:
        LandConsolidationError: an override names a field the layer lacks.
    """
    by_upper = {name.upper(): name for name in field_names}
    found: dict[str, str | None] = {}
    for role, names in candidates.items():
        found[role] = next((by_upper[n] for n in names if n in by_upper), None)
    for role, name in (overrides or {}).items():
        if not name:
            continue
        actual = by_upper.get(name.upper())
        if actual is None:
            raise LandConsolidationError(tr("The layer has no field {field} (mapped as {role}).").format(
                field=name, role=role_label(role)))
        found[role] = actual
    return found


def parse_field_mapping(value, what: str = "FIELD_MAPPING") -> dict[str, str]:
    """A field mapping (role → field name) from JSON text or a dict, checked.

    ``{"code": "DLBM2", "tbmj": "MJ"}``: every key must be a role of
    :data:`DLTB_FIELDS` and every value a field name (text; empty means
    "detect").

    Raises:
        LandConsolidationError: not a JSON object, an unknown role, or a value
            that is not text — naming what was wrong.
    """
    import json

    if value is None or (isinstance(value, str) and not value.strip()):
        return {}
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise LandConsolidationError(tr(
                "The field mapping {what} is not valid JSON ({error}); expected an object such as {example}.").format(
                what=what, error=exc, example='{"code": "DLBM", "tbmj": "TBMJ"}')) from None
    if not isinstance(value, dict):
        raise LandConsolidationError(tr(
            "The field mapping {what} must be a JSON object of role: field name, not a {kind}.").format(
            what=what, kind=type(value).__name__))
    unknown = [str(k) for k in value if k not in DLTB_FIELDS]
    if unknown:
        raise LandConsolidationError(tr(
            "The field mapping {what} has unknown role(s) {unknown}; the roles are {roles}.").format(
            what=what, unknown=", ".join(unknown), roles=", ".join(DLTB_FIELDS)))
    bad = [str(k) for k, v in value.items() if v is not None and not isinstance(v, str)]
    if bad:
        raise LandConsolidationError(tr(
            "In the field mapping {what}, the value of {roles} must be a field name (text).").format(
            what=what, roles=", ".join(bad)))
    return {k: (v or "") for k, v in value.items()}


def require(found: Mapping[str, str | None], role: str, layer_name: str) -> str:
    """The field for a role, or a clear error naming layer and field."""
    name = found.get(role)
    if not name:
        raise LandConsolidationError(tr("Layer '{layer}' has no field for {role}; map it in the field mapping.")
                                     .format(layer=layer_name, role=role_label(role)))
    return name
