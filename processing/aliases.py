"""Field aliases of the algorithms' output tables: what a surveyor reads in the attribute table.

The field names stay the stable English identifiers of docs/PROCESSING_API.md
(models and scripts use them); the alias – set on the layer when QGIS loads
an output (processing/styles.py) – is the field's name in the interface's
language: ``AREA_M2`` reads 面积（m²） in a Chinese QGIS, "Area (m²)" in an
English one.  The potential survey's per-type columns (``RESTORABLE_M2``,
``RESTORABLE_EST_M2`` …) are named from the type's label.
"""
from __future__ import annotations

from ..core import potential
from ..i18n import tr, tr_noop

#: Output field name → alias (English source, translated when set).
FIELD_ALIASES: dict[str, str] = {
    # land-use status, transition matrix, ecological land
    "GROUP": tr_noop("Group"),
    "GROUP_NAME": tr_noop("Group name"),
    "DLBM": tr_noop("Land-use code"),
    "DLMC": tr_noop("Land-use class"),
    "GROUP_CODE": tr_noop("First-level class"),
    "CATEGORY3": tr_noop("Category"),
    "PARCELS": tr_noop("Parcels"),
    "AREA_M2": tr_noop("Area (m²)"),
    "AREA_HA": tr_noop("Area (ha)"),
    "AREA_MU": tr_noop("Area (mu)"),
    "FROM_DLBM": tr_noop("Current code"),
    "FROM_DLMC": tr_noop("Current class"),
    "TO_DLBM": tr_noop("Planned code"),
    "TO_DLMC": tr_noop("Planned class"),
    "CLASS": tr_noop("Class"),
    "CLASS_NAME": tr_noop("Class name"),
    "BEFORE_M2": tr_noop("Before (m²)"),
    "AFTER_M2": tr_noop("After (m²)"),
    "CHANGE_M2": tr_noop("Change (m²)"),
    # new cultivated land, linkage
    "SOURCE": tr_noop("Source"),
    "SOURCE_NAME": tr_noop("Source name"),
    "PADDY_M2": tr_noop("Paddy (m²)"),
    "IRRIGATED_M2": tr_noop("Irrigated land (m²)"),
    "DRY_M2": tr_noop("Dry land (m²)"),
    "QUALITY": tr_noop("Mean quality grade"),
    "PIECES": tr_noop("Pieces"),
    "SUBPROJECT": tr_noop("Sub-project"),
    "NAME": tr_noop("Name"),
    "TYPE": tr_noop("Type"),
    "RECLAIMED_M2": tr_noop("Reclaimed (m²)"),
    "RECLAIMED_TO_CULTIVATED_M2": tr_noop("Reclaimed to cultivated land (m²)"),
    "NEW_BUILD_M2": tr_noop("New construction (m²)"),
    "SURPLUS_M2": tr_noop("Surplus (m²)"),
    # compliance, conflicts
    "RULE": tr_noop("Rule"),
    "RULE_NAME": tr_noop("Rule name"),
    "VALUE": tr_noop("Value"),
    "THRESHOLD": tr_noop("Threshold"),
    "UNIT": tr_noop("Unit"),
    "PASSED": tr_noop("Passed (1/0)"),
    "VERDICT": tr_noop("Verdict"),
    "NOTE": tr_noop("Note"),
    "BSM": tr_noop("Identifier (BSM)"),
    "DLBM_BEFORE": tr_noop("Current code"),
    "DLBM_AFTER": tr_noop("Planned code"),
    "ZLDWDM": tr_noop("Village code"),
    "ZLDWMC": tr_noop("Village"),
    "SHARE": tr_noop("Share inside"),
    # permanent basic farmland review
    "SECTION": tr_noop("Section"),
    "ITEM": tr_noop("Item"),
    "OUT": tr_noop("Moved out"),
    "IN": tr_noop("Moved in"),
    "CHANGE": tr_noop("Change"),
    "RESULT": tr_noop("Result"),
    "PIECE_ID": tr_noop("Piece"),
    "SIDE": tr_noop("Side"),
    "SOURCE_FID": tr_noop("Source feature"),
    "GDDB": tr_noop("Quality grade"),
    "GRADE_FROM": tr_noop("Grade taken from"),
    "GDPDJB": tr_noop("Slope grade"),
    "SLOPE": tr_noop("Slope"),
    "SIZE_BIN": tr_noop("Size class"),
    # potential survey
    "POTENTIAL_TYPE": tr_noop("Potential type"),
    "TYPE_NAME": tr_noop("Type name"),
    "RULE_TEXT": tr_noop("Rule text"),
    "REASON": tr_noop("Reason"),
    "REASON_TEXT": tr_noop("Reason text"),
    "EST_ADDED_M2": tr_noop("Estimated new cultivated land (m²)"),
    "TBDLMJ": tr_noop("Class area (m²)"),
    "KCXS": tr_noop("Field-ridge coefficient"),
    "SLOPE_GRADE": tr_noop("Slope grade"),
    "CZCSXM": tr_noop("Town/village attribute code"),
    "IN_DEV_BOUNDARY": tr_noop("Inside the development boundary"),
    "IN_PBF": tr_noop("Inside permanent basic farmland"),
    "IN_RED_LINE": tr_noop("Inside the red line"),
    "CLUSTER_ID": tr_noop("Cluster"),
    "CLUSTER_AREA_M2": tr_noop("Cluster area (m²)"),
    "CLUSTER_PARCELS": tr_noop("Parcels in the cluster"),
    "BLOCK_ID": tr_noop("Block"),
    "BLOCK_AREA_M2": tr_noop("Block area (m²)"),
    "TOWNSHIP": tr_noop("Township"),
    "CULTIVATED_M2": tr_noop("Cultivated land (m²)"),
    "EST_RATE": tr_noop("Estimated rate (%)"),
    "RANK": tr_noop("Rank"),
    "CUM_EST_M2": tr_noop("Cumulative estimate (m²)"),
    "CUM_CULTIVATED_M2": tr_noop("Cumulative cultivated land (m²)"),
    "CUM_RATE": tr_noop("Cumulative rate (%)"),
    "CANDIDATE": tr_noop("Candidate"),
    # data check
    "FID": tr_noop("Feature id"),
    "CHECK": tr_noop("Check"),
    "CHECK_NAME": tr_noop("Check name"),
    "MESSAGE": tr_noop("Message"),
    "CHECKS": tr_noop("Checks"),
    "MESSAGES": tr_noop("Messages"),
    # contiguity
    "SIZE_CLASS": tr_noop("Size class"),
    "NP": tr_noop("Parcel count (NP)"),
    "CA_M2": tr_noop("Class area (m²)"),
    "LANDSCAPE_M2": tr_noop("Area analysed (m²)"),
    "MEAN_M2": tr_noop("Mean parcel (m²)"),
    "LARGEST_M2": tr_noop("Largest parcel (m²)"),
    "LPI": tr_noop("Largest patch index (%)"),
    "PD": tr_noop("Patch density (per 100 ha)"),
    "MESH_M2": tr_noop("Effective mesh size (m²)"),
    "MSI": tr_noop("Mean shape index"),
    "SMALL_SHARE": tr_noop("Small parcels (% of count)"),
    "SMALL_AREA_SHARE": tr_noop("Small parcels (% of area)"),
    "INDICATOR": tr_noop("Indicator"),
    "BEFORE": tr_noop("Before"),
    "AFTER": tr_noop("After"),
    # ellipsoidal area
    "ELLIPSOID_AREA": tr_noop("Ellipsoidal area (m²)"),
    "AREA_DIFF": tr_noop("Area field − ellipsoidal area (m²)"),
}


def field_alias(name: str) -> str | None:
    """The translated alias of an output field, or None for a field that has none (e.g. the user's own)."""
    if name in FIELD_ALIASES:
        return tr(FIELD_ALIASES[name])
    for key, label in potential.TYPE_LABELS.items():
        if name == f"{key.upper()}_M2":
            return tr("Candidates: {type} (m²)").format(type=tr(label))
        if name == f"{key.upper()}_EST_M2":
            return tr("Estimate: {type} (m²)").format(type=tr(label))
    return None


def set_aliases(layer) -> int:
    """Give every output field of ``layer`` its alias; returns how many were set."""
    count = 0
    for index, field in enumerate(layer.fields()):
        alias = field_alias(field.name())
        if alias and not layer.attributeAlias(index):
            layer.setFieldAlias(index, alias)
            count += 1
    return count
