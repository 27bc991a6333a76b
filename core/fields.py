"""Detection of 三调 field names on a layer, case-insensitive.

A field *role* (``code``, ``tbmj`` …) maps to the candidate names used in
三调 databases and their common variants.  ``detect_fields`` returns the
actual names found on a layer; the user may override any of them.
"""
from __future__ import annotations

from typing import Iterable, Mapping

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

#: Human-readable names of the roles, for messages.
ROLE_LABELS: dict[str, str] = {
    "code": "地类编码 DLBM",
    "tbmj": "图斑面积 TBMJ",
    "kcxs": "扣除地类系数 KCXS",
    "kcmj": "扣除地类面积 KCMJ",
    "tbdlmj": "图斑地类面积 TBDLMJ",
    "village": "坐落单位代码 ZLDWDM",
    "gddb": "耕地等别 GDDB",
    "gdpdjb": "耕地坡度级别 GDPDJB",
}


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
            raise LandConsolidationError(
                f"图层没有字段 {name}（指定为 {ROLE_LABELS.get(role, role)}）。"
                f" The layer has no field '{name}'."
            )
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
            raise LandConsolidationError(
                f"字段映射 {what} 不是有效的 JSON（{exc}）；应为 {{\"code\": \"DLBM\", \"tbmj\": \"TBMJ\"}} 这样的对象。"
                f" {what} is not valid JSON ({exc}); expected an object such as {{\"code\": \"DLBM\"}}."
            ) from None
    if not isinstance(value, dict):
        raise LandConsolidationError(
            f"字段映射 {what} 应为“角色: 字段名”的 JSON 对象，而不是 {type(value).__name__}。"
            f" {what} must be a JSON object of role: field name, not a {type(value).__name__}."
        )
    unknown = [str(k) for k in value if k not in DLTB_FIELDS]
    if unknown:
        raise LandConsolidationError(
            f"字段映射 {what} 有未知的角色：{'、'.join(unknown)}；可用的角色：{', '.join(DLTB_FIELDS)}。"
            f" {what}: unknown role(s) {', '.join(unknown)}; roles are {', '.join(DLTB_FIELDS)}."
        )
    bad = [str(k) for k, v in value.items() if v is not None and not isinstance(v, str)]
    if bad:
        raise LandConsolidationError(
            f"字段映射 {what} 中 {'、'.join(bad)} 的值应为字段名（文本）。 {what}: the value of {', '.join(bad)} "
            f"must be a field name (text)."
        )
    return {k: (v or "") for k, v in value.items()}


def require(found: Mapping[str, str | None], role: str, layer_name: str) -> str:
    """The field for a role, or a clear error naming layer and field."""
    name = found.get(role)
    if not name:
        label = ROLE_LABELS.get(role, role)
        raise LandConsolidationError(
            f"图层“{layer_name}”缺少{label}字段；请在字段映射中指定。"
            f" Layer '{layer_name}' has no {label.split()[-1]} field; map it in the parameters."
        )
    return name
