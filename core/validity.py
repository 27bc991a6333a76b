"""One policy for invalid geometries, in every reader.

A parcel whose geometry GEOS finds invalid (self-intersecting ring, ring
crossing a hole …) gives wrong areas and wrong overlays without a word, so
by default it **stops the run** with a message naming the layer and each
parcel (BSM, else the feature id) and saying how to fix it.  With the
explicit option to repair (the ``REPAIR_GEOMETRY`` parameter), each is
repaired with ``makeValid`` (its polygon parts kept) and the log lists what
was repaired; a geometry that cannot be repaired still stops the run.
Empty and null geometries are not this policy's business: each reader says
what it does with them.
"""
from __future__ import annotations

from .errors import LandConsolidationError

#: How many parcels a message lists before "…".
MAX_LISTED = 10


def listing(labels: list, limit: int = MAX_LISTED) -> str:
    """``BSM 1、BSM 2…`` for a message (at most ``limit``, then "…")."""
    return "、".join(str(x) for x in labels[:limit]) + ("…" if len(labels) > limit else "")


def parcel_label(bsm, fid) -> str:
    """How a message names a parcel: ``BSM …`` when it has one, else ``要素 <fid>``."""
    text = "" if bsm is None else str(bsm).strip()
    return f"BSM {text}" if text and text != "NULL" else f"要素 {fid}"


class GeometryCheck:
    """Checks the geometries of one layer as a reader goes, then reports once.

    Usage::

        check = GeometryCheck(layer_name, repair=repair)
        for feature in …:
            geom = check(feature.geometry(), parcel_label(bsm, feature.id()))
            if geom is None: continue      # invalid (reported at the end)
        notes += check.finish()            # raises when anything was invalid

    Args:
        layer_name: The layer's name, for messages.
        repair: Repair invalid geometries (``makeValid``) instead of stopping.
        label: What the layer is (项目区, 子项目 …), for messages.
    """

    def __init__(self, layer_name: str, repair: bool = False, label: str = ""):
        self.layer_name = layer_name
        self.repair = repair
        self.label = label
        self.invalid: list[str] = []
        self.repaired: list[str] = []

    def __call__(self, geom, label: str):
        """The geometry to use (repaired when allowed), or None when it is invalid."""
        if geom is None or geom.isNull() or geom.isEmpty() or geom.isGeosValid():
            return geom
        if self.repair:
            fixed = repaired(geom)
            if fixed is not None:
                self.repaired.append(label)
                return fixed
        self.invalid.append(label)
        return None

    def finish(self) -> list[str]:
        """Log lines about repaired geometries; raises when any geometry was invalid.

        Raises:
            LandConsolidationError: naming the layer and the parcels.
        """
        if self.invalid:
            what = f"{self.label}图层" if self.label else "图层"
            hint = "且无法修复" if self.repair else ""
            option = "" if self.repair else "，或将“修复无效几何”（REPAIR_GEOMETRY）设为是"
            raise LandConsolidationError(
                f"{what}“{self.layer_name}”有 {len(self.invalid)} 个要素几何无效{hint}：{listing(self.invalid)}。"
                f"请先修复几何（native:fixgeometries）或运行数据质检{option}。"
                f" Layer '{self.layer_name}': {len(self.invalid)} invalid geometr"
                f"{'y' if len(self.invalid) == 1 else 'ies'}: {listing(self.invalid)}."
            )
        if self.repaired:
            # Each repair is reported once, however often finish() is called.
            repaired, self.repaired = self.repaired, []
            return [
                f"图层“{self.layer_name}”有 {len(repaired)} 个要素几何无效，已按 makeValid 修复后参与计算："
                f"{listing(repaired)}。"
            ]
        return []


def repaired(geom):
    """``makeValid`` keeping the polygon parts, or None when nothing valid is left."""
    from .dltb import polygonal

    fixed = geom.makeValid()
    if fixed is None or fixed.isNull() or fixed.isEmpty():
        return None
    fixed = polygonal(fixed)
    if fixed is None or fixed.isEmpty() or not fixed.isGeosValid():
        return None
    return fixed
