"""Attribute values as the readers and writers see them: NULL, numbers, text.

One home for the rules every reader applies to a field value, whatever it
came from (QGIS's feature API gives ``None`` or a NULL ``QVariant``, GDAL's
columnar reader NaN / ``None`` / bytes, a hand-made memory layer the text
``"NULL"``):

* **NULL** is ``None``, a null ``QVariant``, a float NaN, or text that is
  empty or reads ``NULL`` once stripped;
* a **number** is a float; NULL is NaN; text that is not a number is an
  error naming the value (never silently 0 or NaN);
* **text** is stripped; NULL is ``""``.

Writers go the other way with :func:`plain`: numpy scalars become Python
ones (QVariant does not take numpy types) and NaN becomes ``None`` (NULL).
"""
from __future__ import annotations

import math
from typing import Iterable

import numpy as np
import pandas as pd

from ..i18n import tr
from .errors import LandConsolidationError

#: Text that stands for a missing value.
NULL_TEXTS = ("", "NULL")


def is_null(value) -> bool:
    """True for None, a null QVariant, NaN, and empty or ``"NULL"`` text."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, (int, np.integer)):
        return False
    if isinstance(value, np.floating):
        return bool(np.isnan(value))
    if isinstance(value, (str, bytes)):
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
        return text.strip() in NULL_TEXTS
    is_null_variant = getattr(value, "isNull", None)
    if is_null_variant is not None and not hasattr(value, "asWkb"):
        return bool(is_null_variant())
    return False


def to_number(value) -> float:
    """A value as a float; NULL is NaN.

    Raises:
        LandConsolidationError: text that is not a number (the message quotes it).
    """
    if is_null(value):
        return float("nan")
    if isinstance(value, (int, float, np.number)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    try:
        return float(str(value).strip())
    except (TypeError, ValueError):
        raise LandConsolidationError(tr("The value '{value}' is not a number.").format(value=value)) from None


def to_number_or_none(value) -> float | None:
    """:func:`to_number`, with NULL as None instead of NaN."""
    number = to_number(value)
    return None if math.isnan(number) else number


def to_int_or_none(value) -> int | None:
    """A whole number (``"2026"``, ``2026.0``), or None when NULL or not a number."""
    try:
        number = to_number(value)
    except LandConsolidationError:
        return None
    return None if math.isnan(number) else int(number)


def to_text(value) -> str:
    """A value as stripped text; NULL is ``""``; bytes are decoded as UTF-8."""
    if is_null(value):
        return ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def numbers(values, label=None) -> np.ndarray:
    """Many values as a float array (:func:`to_number` each, distinct values once).

    Args:
        values: A sequence or array.
        label: ``label(i)`` names row ``i`` in the message of a value that is
            not a number (e.g. "BSM 3202…"); without it the value alone.

    Raises:
        LandConsolidationError: a value that is not a number.
    """
    if isinstance(values, np.ndarray) and values.dtype.kind in "fiub":
        return values.astype(float)
    values = list(values)
    try:
        return np.array(values, dtype=float)  # numbers and None (→ NaN): the usual case
    except (TypeError, ValueError):
        pass
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    converted = np.empty(len(uniques) + 1)
    converted[-1] = np.nan  # code −1: None / NaN
    for k, unique in enumerate(uniques):
        try:
            converted[k] = to_number(unique)
        except LandConsolidationError as exc:
            if label is None:
                raise
            row = int(np.flatnonzero(codes == k)[0])
            raise LandConsolidationError(tr("{where}: {error}").format(where=label(row), error=exc)) from None
    return converted[codes]


def texts(values) -> list[str]:
    """Many values as :func:`to_text`.

    A column of str and None (what GDAL's columnar read and most layers
    give) is stripped in one plain pass, which on a column of distinct
    values (BSM) costs a small fraction of converting value by value; any
    other column has each distinct value converted once.
    """
    values = list(values)
    if all(v is None or type(v) is str for v in values):
        stripped = ["" if v is None else v.strip() for v in values]
        return ["" if v in NULL_TEXTS else v for v in stripped]
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    cleaned = np.array([to_text(u) for u in uniques] + [""], dtype=object)  # code −1 (None/NaN) → ""
    return cleaned[codes].tolist()


def plain(value):
    """A value for a QGIS attribute: numpy scalars as Python ones, NaN and NULL as None."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is not None and not isinstance(value, (str, bytes, int, float, bool)) and is_null(value):
        return None
    return value


def plain_all(values: Iterable) -> list:
    """:func:`plain` of each value."""
    return [plain(v) for v in values]
