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

from ..i18n import tr
from .errors import LandConsolidationError

#: How many parcels a message lists before "…".
MAX_LISTED = 10


def separator() -> str:
    """The separator of a list in a message: ", " in English, "、" in Chinese (its translation)."""
    return tr(", ")


def listing(labels: list, limit: int = MAX_LISTED) -> str:
    """``BSM 1, BSM 2…`` for a message (at most ``limit``, then "…"; "、" between them in Chinese)."""
    return separator().join(str(x) for x in labels[:limit]) + ("…" if len(labels) > limit else "")


def parcel_label(bsm, fid, feature: str | None = None) -> str:
    """How a message names a parcel: ``BSM …`` when it has one, else ``feature <fid>`` (translated).

    Args:
        bsm: The parcel's BSM (None or empty: none).
        fid: Its feature id.
        feature: The pattern for a parcel without BSM (``{fid}`` in it); default the translated
            "feature {fid}". A table that is Chinese whatever the locale (数据质检) passes its own.
    """
    text = "" if bsm is None else str(bsm).strip()
    if text and text != "NULL":
        return f"BSM {text}"
    return (feature or tr("feature {fid}")).format(fid=fid)


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
            what = tr(" ({label})").format(label=self.label) if self.label else ""
            if self.repair:
                message = tr("Layer '{layer}'{what}: {n} feature(s) with an invalid geometry that cannot be "
                             "repaired: {features}. Repair them first (native:fixgeometries) or run the data check.")
            else:
                message = tr("Layer '{layer}'{what}: {n} feature(s) with an invalid geometry: {features}. Repair "
                             "them first (native:fixgeometries) or run the data check, or set 'Repair invalid "
                             "geometries' (REPAIR_GEOMETRY) to yes.")
            raise LandConsolidationError(message.format(layer=self.layer_name, what=what, n=len(self.invalid),
                                                        features=listing(self.invalid)))
        if self.repaired:
            # Each repair is reported once, however often finish() is called.
            repaired, self.repaired = self.repaired, []
            return [tr("Layer '{layer}': {n} feature(s) with an invalid geometry were repaired (makeValid) and "
                       "used: {features}.").format(layer=self.layer_name, n=len(repaired), features=listing(repaired))]
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
