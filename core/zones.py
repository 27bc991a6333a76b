"""The Gauss-Krüger zone of a CGCS2000 CRS, as maps and coordinate files state it.

Maps carry the line "2000国家大地坐标系 高斯-克吕格投影 3度带 第 N 带" and the
ministry's coordinate file a 带号 (DOMAIN.md §2.3):

* EPSG:4513–4533: 3° zones 25–45 with the zone number prefixed to the
  easting, zone = code − 4488;
* EPSG:4534–4554: the same central meridians without the prefix, zone =
  central meridian / 3 (EPSG:4549 is CM 120°E, zone 40);
* EPSG:4491–4501 / 4502–4512: 6° zones 13–23 (prefixed / not), zone =
  (central meridian + 3) / 6;
* any other transverse Mercator CRS on CGCS2000: read from its central
  meridian (3° when it is a multiple of 3).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import tr
from .errors import LandConsolidationError

#: EPSG code ranges of the CGCS2000 Gauss-Krüger CRSs: (first, last, zone width, prefixed easting).
CGCS2000_GK = ((4491, 4501, 6, True), (4502, 4512, 6, False), (4513, 4533, 3, True), (4534, 4554, 3, False))
#: What maps and coordinate files call the datum.
DATUM_NAME = "2000国家大地坐标系"


@dataclass(frozen=True)
class Zone:
    """A Gauss-Krüger zone.

    Attributes:
        width: 3 or 6 (degrees).
        number: Zone number (40 for CM 120°E in 3° zones).
        central_meridian: Degrees east.
        prefixed: True when the CRS's eastings carry the zone number (8 digits).
        authid: The CRS's id (``EPSG:4528``).
    """

    width: int
    number: int
    central_meridian: float
    prefixed: bool
    authid: str = ""

    @property
    def false_easting_prefix(self) -> float:
        """What the zone prefix adds to an easting (zone × 10⁶ m)."""
        return self.number * 1_000_000.0

    def caption(self) -> str:
        """The coordinate-system line of a map: 2000国家大地坐标系 高斯-克吕格投影 3度带 第 40 带."""
        return f"{DATUM_NAME} 高斯-克吕格投影 {self.width}度带 第 {self.number} 带"

    def label(self) -> str:
        """The CRS as the interface names it: "EPSG:4528 – CGCS2000, Gauss-Krüger, 3° zone 40" (translated)."""
        return tr("{authid} – CGCS2000, Gauss-Krüger projection, {width}° zone {number}").format(
            authid=self.authid, width=self.width, number=self.number)


def zone_of(crs) -> Zone:
    """The zone of a CGCS2000 Gauss-Krüger CRS.

    Args:
        crs: A QgsCoordinateReferenceSystem.

    Raises:
        LandConsolidationError: a geographic or non-transverse-Mercator CRS.
    """
    from . import ellipsoid

    authid = crs.authid() or ""
    if authid.upper().startswith("EPSG:"):
        try:
            code = int(authid.split(":", 1)[1])
        except ValueError:
            code = 0
        for first, last, width, prefixed in CGCS2000_GK:
            if first <= code <= last:
                gk = ellipsoid.gauss_kruger_for_crs(crs)
                if width == 3:
                    number = code - 4488 if prefixed else round(gk.central_meridian / 3)
                else:
                    number = code - 4478 if prefixed else round((gk.central_meridian + 3) / 6)
                return Zone(width, int(number), gk.central_meridian, prefixed, authid)
    gk = ellipsoid.gauss_kruger_for_crs(crs)
    cm = gk.central_meridian
    prefixed = gk.false_easting >= 1_000_000
    if abs(cm / 3 - round(cm / 3)) < 1e-9:
        return Zone(3, int(round(cm / 3)), cm, prefixed, authid)
    if abs((cm + 3) / 6 - round((cm + 3) / 6)) < 1e-9:
        return Zone(6, int(round((cm + 3) / 6)), cm, prefixed, authid)
    raise LandConsolidationError(tr(
        "The central meridian {meridian:g}° of {crs} is not that of a 3° or 6° zone.").format(
        meridian=cm, crs=authid or crs.description()))
