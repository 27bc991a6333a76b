"""Rounding that keeps shown totals equal to the sum of the shown parts.

Areas are converted from m² and rounded once, top down: the grand total
first, then each level's parts with :func:`~core.units.round_preserving_total`
to the total already shown above them.  So every subtotal row or column
(耕地 = 水田 + 水浇地 + 旱地, a village's 国土调查总面积, a type's 小计) is exactly
the sum of the rounded parts shown beside it, and the grand total is the
correctly rounded exact total.  Where a table adds up in two directions
(village × class, the transition matrix) the cells are placed by
:func:`controlled_round` so that both the row and the column margins hold;
when the margins admit no such rounding the rows are rounded alone and the
合计 row is the column sum of the shown rows (its cells may then differ from
the separately rounded exact column total by a unit in the last place).
"""
from __future__ import annotations

import math

import numpy as np

from ..units import round_preserving_total


def shown(value: float, decimals: int) -> float:
    """A single value rounded for display: 四舍五入 (half away from zero), not half to even."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return float("nan")
    scale = 10.0 ** decimals
    # Round the scaled value to 1e-6 first so float noise (0.1 + 0.2) does not decide a half.
    scaled = round(float(value) * scale, 6)
    return math.copysign(math.floor(abs(scaled) + 0.5), scaled) / scale + 0.0


def split(parts, decimals: int, total: float | None = None) -> list[float]:
    """Round parts to add up to ``total`` (already shown), or to their sum rounded by :func:`shown`.

    Parts that are exactly zero stay zero: a class with no area never shows
    a rounding unit.
    """
    values = np.asarray(list(parts), dtype=float)
    if values.size == 0:
        return []
    if total is None:
        total = shown(float(values.sum()), decimals)
    nonzero = values != 0.0
    if not nonzero.any() or nonzero.all():
        return [float(v) for v in round_preserving_total(values, decimals, total)]
    out = np.zeros(values.size)
    out[nonzero] = round_preserving_total(values[nonzero], decimals, total)
    return [float(v) for v in out]


def controlled_round(exact, decimals: int, row_totals, col_totals) -> np.ndarray | None:
    """Round a matrix so that its rows and columns add up to given shown totals.

    Each cell is rounded down or up (exact zeros and values already on the
    grid stay as they are); the units still needed by each row and column
    are placed by a max-flow over the cells with a remainder, largest
    remainders first.  Such a rounding exists for the usual margins
    (Bacharach's controlled rounding); None when these margins admit none.

    Args:
        exact: 2-D array of exact values.
        decimals: Decimal places.
        row_totals: Shown row totals (sum to the same grand total as the columns).
        col_totals: Shown column totals.
    """
    values = np.asarray(exact, dtype=float)
    if values.size == 0:
        return values.copy()
    scale = 10.0 ** decimals
    scaled = np.round(values * scale, 6)
    floors = np.floor(scaled)
    remainder = scaled - floors
    need_row = np.rint(np.asarray(row_totals, dtype=float) * scale).astype(int) - floors.sum(axis=1).astype(int)
    need_col = np.rint(np.asarray(col_totals, dtype=float) * scale).astype(int) - floors.sum(axis=0).astype(int)
    if need_row.sum() != need_col.sum() or (need_row < 0).any() or (need_col < 0).any():
        return None
    movable = remainder > 1e-9
    up = np.zeros(values.shape, dtype=bool)
    # Greedy: largest remainders first.
    for flat in np.argsort(-remainder, axis=None, kind="stable"):
        i, j = divmod(int(flat), values.shape[1])
        if movable[i, j] and need_row[i] > 0 and need_col[j] > 0:
            up[i, j] = True
            need_row[i] -= 1
            need_col[j] -= 1
    # Augmenting paths for what the greedy pass left: row → (unused cell) → column
    # → (used cell, given back) → row …
    while need_row.sum() > 0:
        start_rows = [int(i) for i in np.flatnonzero(need_row > 0)]
        parent_col: dict = {}
        parent_row: dict = {}
        queue = list(start_rows)
        seen_rows = set(start_rows)
        found = None
        while queue and found is None:
            i = queue.pop(0)
            for j in np.flatnonzero(movable[i] & ~up[i]):
                j = int(j)
                if j in parent_col:
                    continue
                parent_col[j] = i
                if need_col[j] > 0:
                    found = j
                    break
                for k in np.flatnonzero(up[:, j]):
                    k = int(k)
                    if k not in seen_rows:
                        seen_rows.add(k)
                        parent_row[k] = j
                        queue.append(k)
        if found is None:
            return None
        j = found
        need_col[j] -= 1
        while True:
            i = parent_col[j]
            up[i, j] = True
            if i in parent_row:
                j_prev = parent_row[i]
                up[i, j_prev] = False
                j = j_prev
            else:
                need_row[i] -= 1
                break
    return (floors + up) / scale


def _split_pinned(parts, pinned, decimals: int, total: float) -> list[float]:
    """Like :func:`split`, but parts with a pinned value keep it; the others share the rest."""
    free = [i for i, p in enumerate(pinned) if p is None]
    out = [0.0 if p is None else float(p) for p in pinned]
    if free:
        rest = tidy(total - sum(out), decimals)
        for i, value in zip(free, split([parts[i] for i in free], decimals, rest)):
            out[i] = value
    return out


def before_after(before_leaves: list[tuple], after_leaves: list[tuple], decimals: int,
                 after_total: float | None = None):
    """Round a before/after pair of two-level trees so that unchanged parts stay equal.

    The before side is rounded top down (:func:`round_levels`); the change
    (after − before) is rounded top down to the difference of the shown
    grand totals, except that a part which does not change keeps a change of
    0 and a part that disappears a change of minus its shown before value;
    after = before + change at every level.  So each level adds up on both
    sides and in the change, an unchanged class shows the same value before
    and after, and a vanished class shows 0 after.

    Args:
        before_leaves: ``(group, leaf, exact)`` before.
        after_leaves: The same keys after (missing keys count as zero).
        decimals: Decimal places.
        after_total: The shown after grand total (default: its rounded exact sum).

    Returns:
        ``(before, after, change)``, each as :func:`round_levels` returns.
    """
    keys = list(dict.fromkeys([(g, k) for g, k, _ in before_leaves] + [(g, k) for g, k, _ in after_leaves]))
    b = {key: 0.0 for key in keys}
    a = dict(b)
    for g, k, v in before_leaves:
        b[(g, k)] += float(v)
    for g, k, v in after_leaves:
        a[(g, k)] += float(v)
    before = round_levels([(g, k, b[(g, k)]) for g, k in keys], decimals)
    groups = list(dict.fromkeys(g for g, _ in keys))
    members = {g: [key for key in keys if key[0] == g] for g in groups}

    def pin(exact_before, exact_after, shown_before):
        if exact_after == 0.0:
            return -shown_before
        if exact_after == exact_before:
            return 0.0
        return None

    leaf_pins = {key: pin(b[key], a[key], before[2].get(key, 0.0)) for key in keys}
    group_pins = {}
    for g in groups:
        pins = [leaf_pins[key] for key in members[g]]
        if all(p is not None for p in pins):
            group_pins[g] = tidy(sum(pins), decimals)
        else:
            gb, ga = sum(b[key] for key in members[g]), sum(a[key] for key in members[g])
            group_pins[g] = pin(gb, ga, before[1].get(g, 0.0))
    if all(group_pins[g] is not None for g in groups):
        grand_change = tidy(sum(group_pins.values()), decimals)
    else:
        if after_total is None:
            after_total = shown(sum(a.values()), decimals)
        grand_change = tidy(after_total - before[0], decimals)
    group_change = dict(zip(groups, _split_pinned(
        [sum(a[key] - b[key] for key in members[g]) for g in groups], [group_pins[g] for g in groups], decimals,
        grand_change)))
    leaf_change = {}
    for g in groups:
        values = _split_pinned([a[key] - b[key] for key in members[g]], [leaf_pins[key] for key in members[g]],
                               decimals, group_change[g])
        leaf_change.update(zip(members[g], values))
    change = (grand_change, group_change, leaf_change)
    after = (tidy(before[0] + grand_change, decimals),
             {g: tidy(before[1].get(g, 0.0) + group_change[g], decimals) for g in groups},
             {key: tidy(before[2].get(key, 0.0) + leaf_change[key], decimals) for key in keys})
    return before, after, change


def tidy(value: float, decimals: int) -> float:
    """Remove float noise from a sum of shown values."""
    return float(round(value, decimals + 2)) if decimals >= 0 else value


def round_levels(leaves: list[tuple], decimals: int, total: float | None = None):
    """Round a two-level tree top down.

    Args:
        leaves: ``(group, leaf, exact)`` in display order.
        decimals: Decimal places.
        total: The grand total already shown (default: the rounded exact sum).

    Returns:
        ``(grand, groups, leaf_values)``: the shown grand total, group → shown
        subtotal, and (group, leaf) → shown value; each level adds up to the
        one above.
    """
    order: list = []
    exact: dict = {}
    for group, _, value in leaves:
        if group not in exact:
            order.append(group)
            exact[group] = 0.0
        exact[group] += float(value)
    grand = shown(sum(exact.values()), decimals) if total is None else total
    group_values = dict(zip(order, split([exact[g] for g in order], decimals, grand))) if order else {}
    leaf_values = {}
    for group in order:
        members = [(leaf, value) for g, leaf, value in leaves if g == group]
        for (leaf, _), value in zip(members, split([v for _, v in members], decimals, group_values[group])):
            leaf_values[(group, leaf)] = value
    return grand, group_values, leaf_values

