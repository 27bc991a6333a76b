"""Area units, the decimals of written values, and rounding that keeps shown totals equal to the shown parts."""
from __future__ import annotations

import math
import re

import numpy as np

M2_PER_HA = 10_000.0
#: 1 亩 = 10 000 / 15 m².
MU_PER_M2 = 15.0 / 10_000.0


#: Decimal places of the numbers the algorithms write and log: areas to 0.01 m², 公顷 to 4 places (1 m²),
#: 亩 to 2, percentages, 等别 and slope grades to 2.
DECIMALS_M2 = 2
DECIMALS_HA = 4
DECIMALS_MU = 2
DECIMALS_PERCENT = 2
DECIMALS_GRADE = 2
#: Output field name patterns → decimals, first match wins (field names are stable English identifiers).
FIELD_DECIMALS = (
    (re.compile(r"(^|_)HA$"), DECIMALS_HA),
    (re.compile(r"(^|_)MU$"), DECIMALS_MU),
    (re.compile(r"(^|_)M2$|^TBMJ$|^TBDLMJ$|^KCMJ$"), DECIMALS_M2),
    (re.compile(r"RATE|RATIO|PCT|PERCENT|(^|_)CHANGE$"), DECIMALS_PERCENT),
    (re.compile(r"QUALITY|GRADE|^GDDB$|^GDPDJB$|^VALUE$|^THRESHOLD$"), DECIMALS_GRADE),
)


def field_decimals(name: str) -> int | None:
    """Decimal places of an output field by its name (``AREA_M2`` → 2, ``AREA_HA`` → 4 …), None to keep it."""
    upper = name.upper()
    for pattern, decimals in FIELD_DECIMALS:
        if pattern.search(upper):
            return decimals
    return None


def round_field(name: str, value):
    """``value`` rounded for the output field ``name`` (non-numbers and NaN unchanged)."""
    decimals = field_decimals(name)
    if decimals is None or isinstance(value, bool) or not isinstance(value, (float, np.floating)):
        return value
    return value if math.isnan(value) else round(float(value), decimals)


def number_text(value, decimals: int = 2) -> str:
    """A number for a log line with fixed decimals; "—" for a missing one (None, NaN)."""
    if value is None:
        return "—"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    return "—" if math.isnan(number) or math.isinf(number) else f"{number:.{decimals}f}"


def m2_to_ha(value):
    """Square metres to 公顷."""
    return value / M2_PER_HA


def m2_to_mu(value):
    """Square metres to 亩 (1 亩 = 666.67 m²)."""
    return value * MU_PER_M2


def round_preserving_total(values, decimals: int, total: float | None = None) -> np.ndarray:
    """Round parts so that they add up to the rounded total.

    Largest-remainder rounding: each part is floored to the unit
    ``10**-decimals``, then the units still missing to reach the rounded sum
    go to the parts with the largest remainders.  No part moves by more than
    one unit, and the shown total equals the sum of the shown parts.

    Args:
        values: The exact parts (any sign).
        decimals: Decimal places to keep.
        total: The total the rounded parts must reach (itself already
            rounded to ``decimals``, e.g. a parent row's shown value);
            default: the rounded sum of the parts.

    Returns:
        The rounded parts, as floats.
    """
    parts = np.asarray(values, dtype=float)
    if parts.size == 0:
        return parts.copy()
    scale = 10.0 ** decimals
    # Round the scaled values to 1e-6 first so 0.1 + 0.2 style noise does not
    # decide which part gets a unit.
    scaled = np.round(parts * scale, 6)
    floors = np.floor(scaled)
    # 四舍五入 (half up), as the official tables round, not numpy's half-to-even.
    target = int(np.floor(np.round(scaled.sum() if total is None else total * scale, 6) + 0.5))
    missing = target - int(floors.sum())
    remainders = scaled - floors
    # Stable order: larger remainder first, then position.
    order = np.lexsort((np.arange(parts.size), -remainders))
    result = floors.copy()
    if missing > 0:
        result[order[:missing]] += 1
    elif missing < 0:
        result[order[::-1][: -missing]] -= 1
    return result / scale
