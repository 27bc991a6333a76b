"""Land-use status (土地利用现状, indicator I1): area by group × code.

Class area is ``TBDLMJ``; the 田坎 deducted from 耕地 (``KCMJ``) is its own
class 1203, so the rows of a group add up to Σ ``TBMJ`` of the group.
Suffixed codes count as their base code; unknown codes keep rows of their
own (named 未知地类) so that totals still add up.
"""
from __future__ import annotations

import pandas as pd

from . import codes as codes_mod
from .units import M2_PER_HA, MU_PER_M2, m2_to_ha, m2_to_mu, round_preserving_total

STATUS_COLUMNS = [
    "GROUP",
    "GROUP_NAME",
    "DLBM",
    "DLMC",
    "GROUP_CODE",
    "CATEGORY3",
    "PARCELS",
    "AREA_M2",
    "AREA_HA",
    "AREA_MU",
]


def class_areas(frame: pd.DataFrame, group_column: str | None = None) -> pd.DataFrame:
    """Area (m²) by group and base code, 田坎 (KCMJ) as code 1203.

    Args:
        frame: A :class:`~.dltb.ParcelTable` frame.
        group_column: Column to group by (e.g. ``"village"``), or None.

    Returns:
        Columns ``group``, ``code``, ``parcels`` (parcels of that class; for
        1203 the parcels carrying 田坎 plus parcels coded 1203) and ``area``.
    """
    group = frame[group_column].astype(str) if group_column else pd.Series("", index=frame.index)
    classes = pd.DataFrame({"group": group, "code": frame["base"], "area": frame["tbdlmj"]})
    deducted = frame["kcmj"] > 0
    tiankan = pd.DataFrame(
        {
            "group": group[deducted],
            "code": frame.loc[deducted, "kcdlbm"],
            "area": frame.loc[deducted, "kcmj"],
        }
    )
    both = pd.concat([classes, tiankan], ignore_index=True)
    out = both.groupby(["group", "code"], sort=False).agg(parcels=("area", "size"), area=("area", "sum"))
    return out.reset_index()


def land_use_status(
    frame: pd.DataFrame,
    group_column: str | None = None,
    group_names: dict | None = None,
    table: codes_mod.CodeTable | None = None,
) -> pd.DataFrame:
    """The status table: one row per group × code, in 三调 table order.

    Args:
        frame: A :class:`~.dltb.ParcelTable` frame.
        group_column: Column to group by, or None for one group ``""``.
        group_names: group → display name (e.g. ZLDWDM → ZLDWMC).
        table: Code table.

    Returns:
        A frame with :data:`STATUS_COLUMNS`; ``AREA_M2`` exact (not rounded).
    """
    table = table or codes_mod.default_table()
    areas = class_areas(frame, group_column)
    group_names = group_names or {}
    rows = []
    for rec in areas.itertuples(index=False):
        entry = table.lookup(rec.code)
        rows.append(
            {
                "GROUP": rec.group,
                "GROUP_NAME": group_names.get(rec.group, ""),
                "DLBM": entry.base,
                "DLMC": entry.name,
                "GROUP_CODE": entry.group,
                "CATEGORY3": entry.category3,
                "PARCELS": int(rec.parcels),
                "AREA_M2": float(rec.area),
                "_key": table.sort_key(rec.code),
            }
        )
    result = pd.DataFrame(rows, columns=STATUS_COLUMNS[:8] + ["_key"])
    result = result.sort_values(["GROUP", "_key"], kind="stable").drop(columns="_key")
    result["AREA_HA"] = m2_to_ha(result["AREA_M2"])
    result["AREA_MU"] = m2_to_mu(result["AREA_M2"])
    return result.reset_index(drop=True)[STATUS_COLUMNS]


def group_names(frame: pd.DataFrame, code_column: str = "village", name_column: str = "village_name") -> dict:
    """Most frequent name per group code (ZLDWDM → ZLDWMC)."""
    if name_column not in frame or frame[name_column].eq("").all():
        return {}
    named = frame[frame[name_column] != ""]
    return named.groupby(code_column)[name_column].agg(lambda s: s.value_counts().index[0]).to_dict()


def round_for_output(table):
    """Round AREA_M2 to 0.01 m², each group's rows adding up to its rounded total.

    The group totals are rounded first so that they add up to the rounded
    grand total; then the rows of each group are rounded to their group's
    shown total.  Hectares and 亩 are derived from the shown m².
    """
    table = table.copy()
    if table.empty:
        return table
    groups = table.groupby("GROUP", sort=False)["AREA_M2"].sum()
    shown_groups = dict(zip(groups.index, round_preserving_total(groups.values, 2)))
    for key, index in table.groupby("GROUP", sort=False).groups.items():
        table.loc[index, "AREA_M2"] = round_preserving_total(
            table.loc[index, "AREA_M2"].values, 2, shown_groups[key]
        )
    table["AREA_HA"] = (table["AREA_M2"] / M2_PER_HA).round(6)
    table["AREA_MU"] = (table["AREA_M2"] * MU_PER_M2).round(6)
    return table


def village_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Per village (ZLDWDM): name, township code, parcels, Σ TBMJ and 耕地 (TBDLMJ), in m².

    Returns:
        Columns ``ZLDWDM``, ``ZLDWMC``, ``TOWNSHIP``, ``PARCELS``, ``AREA_M2``,
        ``CULTIVATED_M2``, sorted by code.
    """
    names = group_names(frame)
    cultivated = frame["tbdlmj"].where(frame["base"].isin(codes_mod.CULTIVATED), 0.0)
    grouped = pd.DataFrame({"village": frame["village"], "tbmj": frame["tbmj"], "cult": cultivated}).groupby(
        "village").agg(parcels=("tbmj", "size"), area=("tbmj", "sum"), cult=("cult", "sum"))
    grouped = grouped[grouped.index != ""].sort_index()
    return pd.DataFrame({
        "ZLDWDM": grouped.index,
        "ZLDWMC": [names.get(code, "") for code in grouped.index],
        "TOWNSHIP": [code[:9] for code in grouped.index],
        "PARCELS": grouped["parcels"].to_numpy(),
        "AREA_M2": grouped["area"].to_numpy(),
        "CULTIVATED_M2": grouped["cult"].to_numpy(),
    })
