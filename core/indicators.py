"""Before/after indicators on the pieces of a :class:`~.plan.Plan` (I2–I5, I9–I11).

All functions are pure (pandas in, numbers and frames out).  Bases:

* 耕地 quantities are on the TBDLMJ basis (田坎 excluded), each side with its
  own TBDLMJ: a gain is measured after, a loss before;
* the transition matrix and the 增减挂钩 areas use the piece's gross area
  (its share of the before parcel's TBMJ);
* 等别 means are weighted by the 耕地 area they describe; parcels without
  GDDB are left out of the mean and their area is counted (``*_ungraded_m2``),
  so that a rule can say how much it could not see (docs/DOMAIN.md §6: a
  rule whose inputs are missing is 未核验).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..i18n import tr, tr_noop
from . import codes as codes_mod

CULTIVATED = list(codes_mod.CULTIVATED)
CONSTRUCTION = codes_mod.CONSTRUCTION
AGRICULTURAL = codes_mod.AGRICULTURAL
UNUSED = codes_mod.UNUSED

#: 新增耕地 source rows: key, Chinese label.
SOURCES = (
    ("construction", "建设用地复垦"),
    ("restorable", "可调整地类恢复（K）"),
    ("garden_forest_grass", "园地、林地、草地恢复"),
    ("pond", "坑塘水面整治"),
    ("unused", "未利用地开发"),
    ("other_agricultural", "其他农用地（道路、沟渠、设施农用地等）"),
    ("tiankan", "耕地内部调整（田坎系数、水旱类型变化）"),
    ("loss", "耕地减少（转为其他地类）"),
)
#: Area (m²) without 等别 below which a mean counts as complete (rounding of areas, not missing data).
UNGRADED_TOLERANCE_M2 = 0.01
#: Ecological land groups (I11): key, group codes, label.
ECOLOGICAL = (("wetland", ("00",), "湿地"), ("forest", ("03",), "林地"), ("grass", ("04",), "草地"),
              ("water", ("11",), "水域及水利设施用地"))
#: The ecological classes as the interface names them (English source, translated by :func:`i18n.tr`).
ECOLOGICAL_LABELS = {"wetland": tr_noop("Wetland"), "forest": tr_noop("Forest land"), "grass": tr_noop("Grassland"),
                     "water": tr_noop("Water and water facilities")}


def weighted_mean(values, weights) -> float:
    """Weighted mean ignoring NaN values; NaN when nothing is left."""
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float)
    ok = ~np.isnan(values) & (weights > 0)
    if not ok.any():
        return float("nan")
    return float(np.sum(values[ok] * weights[ok]) / np.sum(weights[ok]))


def _cult(series) -> np.ndarray:
    return series.isin(CULTIVATED).to_numpy()


@dataclass
class BalanceSelection:
    """Which pieces take part in 耕地进出平衡 (I4), as boolean masks over the pieces.

    Attributes:
        out: 出 – 耕地 planned as other 农用地 (设施农用地 included).
        in_: 进 – other 农用地 planned as 耕地.
        occupied: 耕地 planned as 建设用地 or 未利用地 (not part of the balance).
    """

    out: np.ndarray
    in_: np.ndarray
    occupied: np.ndarray


def balance_selection(pieces: pd.DataFrame) -> BalanceSelection:
    """The 出 / 进 / occupied pieces of 耕地进出平衡 (docs/DOMAIN.md I4).

    耕地 gained from 建设用地 or 未利用地 is 新增耕地 but in neither 进 nor 出.
    """
    cult_b = _cult(pieces["base_b"])
    cult_a = _cult(pieces["base_a"])
    cat_a = pieces["cat_a"].to_numpy()
    cat_b = pieces["cat_b"].to_numpy()
    return BalanceSelection(
        out=cult_b & ~cult_a & (cat_a == AGRICULTURAL),
        in_=~cult_b & cult_a & (cat_b == AGRICULTURAL),
        occupied=cult_b & ~cult_a & (cat_a != AGRICULTURAL),
    )


def transition_matrix(pieces: pd.DataFrame, table: codes_mod.CodeTable | None = None) -> pd.DataFrame:
    """Gross area (m²) moving from each before class to each after class.

    Returns:
        Columns ``FROM_DLBM``, ``FROM_DLMC``, ``TO_DLBM``, ``TO_DLMC``,
        ``AREA_M2``, in code-table order; unchanged classes on the diagonal.
    """
    table = table or codes_mod.default_table()
    grouped = pieces.groupby(["base_b", "base_a"], sort=False)["gross"].sum().reset_index()
    grouped["_k1"] = [table.sort_key(c) for c in grouped["base_b"]]
    grouped["_k2"] = [table.sort_key(c) for c in grouped["base_a"]]
    grouped = grouped.sort_values(["_k1", "_k2"], kind="stable")
    return pd.DataFrame(
        {
            "FROM_DLBM": grouped["base_b"].to_numpy(),
            "FROM_DLMC": [table.name(c) for c in grouped["base_b"]],
            "TO_DLBM": grouped["base_a"].to_numpy(),
            "TO_DLMC": [table.name(c) for c in grouped["base_a"]],
            "AREA_M2": grouped["gross"].to_numpy(),
        }
    ).reset_index(drop=True)


def source_of(pieces: pd.DataFrame) -> np.ndarray:
    """新增耕地 source key of each piece (None where 耕地 does not change hands)."""
    cult_b = _cult(pieces["base_b"])
    cult_a = _cult(pieces["base_a"])
    out = np.full(len(pieces), None, dtype=object)
    gain = ~cult_b & cult_a
    cat_b = pieces["cat_b"].to_numpy()
    group_b = pieces["group_b"].to_numpy()
    suffix_b = pieces["suffix_b"].fillna("").to_numpy()
    base_b = pieces["base_b"].to_numpy()
    out[gain] = "other_agricultural"
    out[gain & (cat_b == UNUSED)] = "unused"
    out[gain & (base_b == "1104")] = "pond"
    out[gain & np.isin(group_b, ["02", "03", "04"])] = "garden_forest_grass"
    out[gain & (suffix_b == "K")] = "restorable"
    out[gain & (cat_b == CONSTRUCTION)] = "construction"
    out[cult_b & cult_a] = "tiankan"
    out[cult_b & ~cult_a] = "loss"
    return out


def _source_row(key, label, amount, by_type: dict, quality: float, pieces: int) -> dict:
    return {
        "SOURCE": key,
        "SOURCE_NAME": label,
        "AREA_M2": float(amount.sum()),
        "PADDY_M2": by_type["0101"],
        "IRRIGATED_M2": by_type["0102"],
        "DRY_M2": by_type["0103"],
        "QUALITY": quality,
        "PIECES": pieces,
    }


@dataclass
class CultivatedLand:
    """I3–I5 figures (m², %, 等别)."""

    before_m2: float
    after_m2: float
    added_m2: float
    added_rate: float
    added_rate_of_project_area: float
    project_area_m2: float
    out_m2: float
    in_m2: float
    out_quality: float
    in_quality: float
    quality_before: float
    quality_after: float
    occupied_m2: float
    balanced_area: bool
    balanced_quality: bool
    sources: pd.DataFrame
    missing_gddb_m2: float = 0.0
    notes: list = field(default_factory=list)
    #: 新增耕地 (pieces not 耕地 now, planned 耕地): area gained (TBDLMJ after, losses not netted),
    #: its area-weighted mean 等别 and the part of it without 等别.
    gained_m2: float = 0.0
    added_quality: float = float("nan")
    added_ungraded_m2: float = 0.0
    #: 耕地 without 等别: before (TBDLMJ before), 出 and 进 (each on its own basis).
    ungraded_before_m2: float = 0.0
    out_ungraded_m2: float = 0.0
    in_ungraded_m2: float = 0.0


def cultivated_land(pieces: pd.DataFrame, project_area_m2: float) -> CultivatedLand:
    """新增耕地 by source and type, 进出平衡 and 等别 before/after.

    Args:
        pieces: Plan pieces.
        project_area_m2: Σ TBMJ of the project area (denominator of the
            rate against the project area).
    """
    cult_b = _cult(pieces["base_b"])
    cult_a = _cult(pieces["base_a"])
    before = float(pieces.loc[cult_b, "tbdlmj_b"].sum())
    after = float(pieces.loc[cult_a, "tbdlmj_a"].sum())
    added = after - before
    source = source_of(pieces)
    rows = []
    for key, label in SOURCES:
        sel = source == key
        sub = pieces[sel]
        if key == "loss":
            amount = -sub["tbdlmj_b"]
            kind = sub["base_b"]
            quality = weighted_mean(sub["gddb_b"], sub["tbdlmj_b"])
        elif key == "tiankan":
            # 耕地 staying 耕地: the row's total is the 田坎 change, but a type
            # change (水浇地 → 水田 …) moves the whole area between columns.
            amount = sub["tbdlmj_a"] - sub["tbdlmj_b"]
            by_type = {code: float(sub.loc[sub["base_a"] == code, "tbdlmj_a"].sum()
                                   - sub.loc[sub["base_b"] == code, "tbdlmj_b"].sum()) for code in CULTIVATED}
            rows.append(_source_row(key, label, amount, by_type, float("nan"), int(sel.sum())))
            continue
        else:
            amount = sub["tbdlmj_a"]
            kind = sub["base_a"]
            quality = weighted_mean(sub["gddb_a"], sub["tbdlmj_a"])
        by_type = {code: float(amount[kind == code].sum()) for code in CULTIVATED}
        rows.append(_source_row(key, label, amount, by_type, quality, int(sel.sum())))
    sources = pd.DataFrame(rows)
    sources.loc[len(sources)] = {
        "SOURCE": "total",
        "SOURCE_NAME": "新增耕地合计",
        "AREA_M2": float(sources["AREA_M2"].sum()),
        "PADDY_M2": float(sources["PADDY_M2"].sum()),
        "IRRIGATED_M2": float(sources["IRRIGATED_M2"].sum()),
        "DRY_M2": float(sources["DRY_M2"].sum()),
        "QUALITY": float("nan"),
        "PIECES": int(sources["PIECES"].sum()),
    }

    selection = balance_selection(pieces)
    out_sel, in_sel, occupied_sel = selection.out, selection.in_, selection.occupied
    out_m2 = float(pieces.loc[out_sel, "tbdlmj_b"].sum())
    in_m2 = float(pieces.loc[in_sel, "tbdlmj_a"].sum())
    out_q = weighted_mean(pieces.loc[out_sel, "gddb_b"], pieces.loc[out_sel, "tbdlmj_b"])
    in_q = weighted_mean(pieces.loc[in_sel, "gddb_a"], pieces.loc[in_sel, "tbdlmj_a"])
    quality_before = weighted_mean(pieces.loc[cult_b, "gddb_b"], pieces.loc[cult_b, "tbdlmj_b"])
    quality_after = weighted_mean(pieces.loc[cult_a, "gddb_a"], pieces.loc[cult_a, "tbdlmj_a"])
    no_grade_b = pieces["gddb_b"].isna().to_numpy()
    no_grade_a = pieces["gddb_a"].isna().to_numpy()
    missing = float(pieces.loc[cult_a & no_grade_a, "tbdlmj_a"].sum())
    notes = []
    if missing > 0:
        notes.append(tr("{area:.2f} m² of the planned cultivated land have no quality grade (GDDB) and are left "
                        "out of the mean grade.").format(area=missing))
    gain = ~cult_b & cult_a
    out_ungraded = float(pieces.loc[out_sel & no_grade_b, "tbdlmj_b"].sum())
    in_ungraded = float(pieces.loc[in_sel & no_grade_a, "tbdlmj_a"].sum())
    complete = out_ungraded <= UNGRADED_TOLERANCE_M2 and in_ungraded <= UNGRADED_TOLERANCE_M2
    balanced_quality = out_m2 == 0 or (complete and not np.isnan(in_q) and not np.isnan(out_q)
                                       and in_q <= out_q + 1e-9)
    return CultivatedLand(
        before_m2=before,
        after_m2=after,
        added_m2=added,
        added_rate=100.0 * added / before if before > 0 else float("nan"),
        added_rate_of_project_area=100.0 * added / project_area_m2 if project_area_m2 > 0 else float("nan"),
        project_area_m2=project_area_m2,
        out_m2=out_m2,
        in_m2=in_m2,
        out_quality=out_q,
        in_quality=in_q,
        quality_before=quality_before,
        quality_after=quality_after,
        occupied_m2=float(pieces.loc[occupied_sel, "tbdlmj_b"].sum()),
        balanced_area=in_m2 >= out_m2 - 1e-9,
        balanced_quality=bool(balanced_quality),
        sources=sources,
        missing_gddb_m2=missing,
        notes=notes,
        gained_m2=float(pieces.loc[gain, "tbdlmj_a"].sum()),
        added_quality=weighted_mean(pieces.loc[gain, "gddb_a"], pieces.loc[gain, "tbdlmj_a"]),
        added_ungraded_m2=float(pieces.loc[gain & no_grade_a, "tbdlmj_a"].sum()),
        ungraded_before_m2=float(pieces.loc[cult_b & no_grade_b, "tbdlmj_b"].sum()),
        out_ungraded_m2=out_ungraded,
        in_ungraded_m2=in_ungraded,
    )


def is_rural_construction(base, category3, czcsxm) -> np.ndarray:
    """Rural construction land: 村庄 (CZCSXM 203/203A), 0702, scattered 0601/0602.

    Scattered = 工矿 land not in 城市/建制镇 (CZCSXM 201/202).
    """
    base = np.asarray(base, dtype=object)
    czcsxm = np.array([str(v or "").strip().upper() for v in czcsxm], dtype=object)
    construction = np.asarray(category3, dtype=object) == CONSTRUCTION
    village = np.isin(czcsxm, codes_mod.RURAL_CZCSXM)
    scattered_industry = np.isin(base, ["0601", "0602"]) & ~np.isin(czcsxm, codes_mod.URBAN_CZCSXM)
    return construction & (village | (base == "0702") | scattered_industry)


@dataclass
class ConstructionLand:
    """I9–I10 figures (m²)."""

    before_m2: float
    after_m2: float
    rural_before_m2: float
    rural_after_m2: float
    reclaimed_m2: float
    reclaimed_to_cultivated_m2: float
    reclaimed_to_agricultural_m2: float
    reclaimed_to_unused_m2: float
    new_build_m2: float
    surplus_m2: float


def reclaimed_mask(pieces: pd.DataFrame) -> np.ndarray:
    """Pieces of 建设用地 planned as non-construction land (拆旧复垦)."""
    return ((pieces["cat_b"] == CONSTRUCTION) & (pieces["cat_a"] != CONSTRUCTION)).to_numpy()


def new_build_mask(pieces: pd.DataFrame) -> np.ndarray:
    """Pieces of non-construction land planned as 建设用地 (建新)."""
    return ((pieces["cat_b"] != CONSTRUCTION) & (pieces["cat_a"] == CONSTRUCTION)).to_numpy()


def construction_land(pieces: pd.DataFrame) -> ConstructionLand:
    """建设用地 before/after, rural construction land and the 增减挂钩 ledger."""
    cons_b = (pieces["cat_b"] == CONSTRUCTION).to_numpy()
    cons_a = (pieces["cat_a"] == CONSTRUCTION).to_numpy()
    rural_b = is_rural_construction(pieces["base_b"], pieces["cat_b"], pieces["czcsxm_b"])
    rural_a = is_rural_construction(pieces["base_a"], pieces["cat_a"], pieces["czcsxm_a"])
    reclaimed = reclaimed_mask(pieces)
    new_build = new_build_mask(pieces)
    cult_a = _cult(pieces["base_a"])
    cat_a = pieces["cat_a"].to_numpy()
    gross = pieces["gross"]
    reclaimed_m2 = float(gross[reclaimed].sum())
    new_m2 = float(gross[new_build].sum())
    return ConstructionLand(
        before_m2=float(pieces.loc[cons_b, "tbdlmj_b"].sum()),
        after_m2=float(pieces.loc[cons_a, "tbdlmj_a"].sum()),
        rural_before_m2=float(pieces.loc[rural_b, "tbdlmj_b"].sum()),
        rural_after_m2=float(pieces.loc[rural_a, "tbdlmj_a"].sum()),
        reclaimed_m2=reclaimed_m2,
        reclaimed_to_cultivated_m2=float(gross[reclaimed & cult_a].sum()),
        reclaimed_to_agricultural_m2=float(gross[reclaimed & ~cult_a & (cat_a == AGRICULTURAL)].sum()),
        reclaimed_to_unused_m2=float(gross[reclaimed & (cat_a == UNUSED)].sum()),
        new_build_m2=new_m2,
        surplus_m2=reclaimed_m2 - new_m2,
    )


def ecological_land(pieces: pd.DataFrame) -> pd.DataFrame:
    """湿地, 林地, 草地, 水域 before/after (TBDLMJ basis).

    Returns:
        Columns ``CLASS``, ``CLASS_NAME``, ``BEFORE_M2``, ``AFTER_M2``, ``CHANGE_M2``.
    """
    rows = []
    for key, groups, label in ECOLOGICAL:
        before = float(pieces.loc[pieces["group_b"].isin(groups), "tbdlmj_b"].sum())
        after = float(pieces.loc[pieces["group_a"].isin(groups), "tbdlmj_a"].sum())
        rows.append({"CLASS": key, "CLASS_NAME": label, "BEFORE_M2": before, "AFTER_M2": after,
                     "CHANGE_M2": after - before})
    return pd.DataFrame(rows)


def structure(pieces: pd.DataFrame, table: codes_mod.CodeTable | None = None) -> pd.DataFrame:
    """Land-use structure before/after by code, 田坎 as 1203 (I1 before/after).

    Returns:
        Columns ``DLBM``, ``DLMC``, ``BEFORE_M2``, ``AFTER_M2``, ``CHANGE_M2``,
        ``CHANGE_PCT`` (change / before × 100; NaN for a class new after).
    """
    table = table or codes_mod.default_table()
    sides = {}
    for side in ("b", "a"):
        classes = pieces.groupby(f"base_{side}")[f"tbdlmj_{side}"].sum()
        tiankan = float(pieces[f"kcmj_{side}"].fillna(0.0).sum())
        classes = classes.add(pd.Series({codes_mod.TIANKAN: tiankan}), fill_value=0.0)
        sides[side] = classes
    codes = sorted(set(sides["b"].index) | set(sides["a"].index), key=table.sort_key)
    rows = []
    for code in codes:
        before = float(sides["b"].get(code, 0.0))
        after = float(sides["a"].get(code, 0.0))
        if before == 0 and after == 0:
            continue
        rows.append({"DLBM": code, "DLMC": table.name(code), "BEFORE_M2": before, "AFTER_M2": after,
                     "CHANGE_M2": after - before,
                     "CHANGE_PCT": 100.0 * (after - before) / before if before else float("nan")})
    return pd.DataFrame(rows, columns=["DLBM", "DLMC", "BEFORE_M2", "AFTER_M2", "CHANGE_M2", "CHANGE_PCT"])
