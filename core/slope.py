"""Slope from a raster for the 新增耕地 slope rule (DOMAIN.md §6, I12): a slope raster, or slope from a DEM.

A *slope raster* (degrees) is read as it is.  A *DEM* (elevation) gives the
slope by Horn's 3×3 method, the one ``gdaldem slope`` and QGIS's Slope tool
use: with the window ``a b c / d e f / g h i`` (north up) around a cell,

    dz/dx = ((c + 2f + i) − (a + 2d + g)) / (8 Δx)
    dz/dy = ((g + 2h + i) − (a + 2b + c)) / (8 Δy)
    slope = atan(√(dz/dx² + dz/dy²))   (degrees)

Δx, Δy are the cell width and height in the units of the elevations (a
projected CRS in metres); for a DEM in geographic coordinates they are the
cell size in degrees converted to metres at each row's latitude on the
CGCS2000 ellipsoid.  The cells just outside the window read are filled by
extending the surface linearly (``2·edge − inner``), so a plane stays a
plane up to the raster's own edge; a cell without data, or whose 3×3
window holds a cell without data, gets no slope.

What a piece of land "has" of a raster: the cells whose **centres** fall
inside it (``gdal_rasterize``'s default rule); a piece too small to hold a
cell centre takes the cell under its point on surface.

Pure numpy, except :func:`read_grid` (GDAL) and the geometry helpers, which
take QGIS geometries.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .errors import LandConsolidationError

#: CGCS2000 ellipsoid (a, f), for metres per degree of a geographic DEM.
CGCS2000_A = 6378137.0
CGCS2000_F = 1.0 / 298.257222101
#: Kinds of raster.
SLOPE = "slope"
DEM = "dem"


@dataclass
class Grid:
    """A north-up raster window: values and where its cells lie.

    Attributes:
        values: rows × columns, float; NaN where there is no data. Row 0 is
            the northernmost.
        x0: West edge of column 0.
        y0: North edge of row 0.
        dx: Cell width (> 0).
        dy: Cell height (> 0; rows run south).
        crs: The raster's CRS (a QgsCoordinateReferenceSystem), or None.
    """

    values: np.ndarray
    x0: float
    y0: float
    dx: float
    dy: float
    crs: object = None

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, columns)."""
        return self.values.shape

    def window(self, xmin: float, ymin: float, xmax: float, ymax: float) -> tuple[slice, slice]:
        """Rows and columns whose cell centres may lie in the box (clipped to the grid)."""
        rows, cols = self.shape
        c0 = max(int(math.floor((xmin - self.x0) / self.dx - 0.5)), 0)
        c1 = min(int(math.ceil((xmax - self.x0) / self.dx - 0.5)) + 1, cols)
        r0 = max(int(math.floor((self.y0 - ymax) / self.dy - 0.5)), 0)
        r1 = min(int(math.ceil((self.y0 - ymin) / self.dy - 0.5)) + 1, rows)
        return slice(r0, max(r0, r1)), slice(c0, max(c0, c1))

    def centres(self, rows: slice, cols: slice) -> tuple[np.ndarray, np.ndarray]:
        """x and y of the cell centres of a window, as 2-D arrays."""
        xs = self.x0 + (np.arange(cols.start, cols.stop) + 0.5) * self.dx
        ys = self.y0 - (np.arange(rows.start, rows.stop) + 0.5) * self.dy
        return np.meshgrid(xs, ys)

    def cell_at(self, x: float, y: float) -> float:
        """The value of the cell holding a point (NaN outside the grid)."""
        col = int(math.floor((x - self.x0) / self.dx))
        row = int(math.floor((self.y0 - y) / self.dy))
        rows, cols = self.shape
        if 0 <= row < rows and 0 <= col < cols:
            return float(self.values[row, col])
        return float("nan")


def _extended(values: np.ndarray) -> np.ndarray:
    """The array with one more row and column on each side, continuing the surface linearly."""
    rows, cols = values.shape
    out = np.empty((rows + 2, cols + 2), dtype=float)
    out[1:-1, 1:-1] = values
    if cols > 1:
        out[1:-1, 0] = 2 * values[:, 0] - values[:, 1]
        out[1:-1, -1] = 2 * values[:, -1] - values[:, -2]
    else:
        out[1:-1, 0] = out[1:-1, -1] = values[:, 0]
    if rows > 1:
        out[0, :] = 2 * out[1, :] - out[2, :]
        out[-1, :] = 2 * out[-2, :] - out[-3, :]
    else:
        out[0, :] = out[-1, :] = out[1, :]
    return out


def horn_slope(dem: np.ndarray, dx, dy) -> np.ndarray:
    """Slope in degrees of a DEM by Horn's method (module docstring).

    Args:
        dem: rows × columns of elevations, NaN for no data; row 0 north.
        dx: Cell width in elevation units: a number, or one per row.
        dy: Cell height in elevation units: a number, or one per row.

    Returns:
        rows × columns of degrees; NaN where the 3×3 window holds no data.
    """
    z = _extended(np.asarray(dem, dtype=float))
    a, b, c = z[:-2, :-2], z[:-2, 1:-1], z[:-2, 2:]
    d, f = z[1:-1, :-2], z[1:-1, 2:]
    g, h, i = z[2:, :-2], z[2:, 1:-1], z[2:, 2:]
    rows = dem.shape[0]
    dx = np.broadcast_to(np.asarray(dx, dtype=float).reshape(-1, 1) if np.ndim(dx) else float(dx), (rows, 1))
    dy = np.broadcast_to(np.asarray(dy, dtype=float).reshape(-1, 1) if np.ndim(dy) else float(dy), (rows, 1))
    dzdx = ((c + 2 * f + i) - (a + 2 * d + g)) / (8.0 * dx)
    dzdy = ((g + 2 * h + i) - (a + 2 * b + c)) / (8.0 * dy)
    with np.errstate(invalid="ignore"):
        slope = np.degrees(np.arctan(np.hypot(dzdx, dzdy)))
    # Horn's window leaves the centre out; a cell without an elevation has no slope all the same (as in gdaldem).
    slope[np.isnan(np.asarray(dem, dtype=float))] = np.nan
    return slope


def metres_per_degree(latitude_deg) -> tuple[np.ndarray, np.ndarray]:
    """(east–west, north–south) metres per degree at a latitude on the CGCS2000 ellipsoid."""
    phi = np.radians(np.asarray(latitude_deg, dtype=float))
    e2 = CGCS2000_F * (2.0 - CGCS2000_F)
    w = np.sqrt(1.0 - e2 * np.sin(phi) ** 2)
    prime = CGCS2000_A / w
    meridian = CGCS2000_A * (1.0 - e2) / w ** 3
    return np.radians(1.0) * prime * np.cos(phi), np.radians(1.0) * meridian


def dem_slope(grid: Grid, geographic: bool = False) -> Grid:
    """The slope grid (degrees) of a DEM grid (Horn; geographic DEMs measured in metres per row)."""
    if geographic:
        lat = grid.y0 - (np.arange(grid.shape[0]) + 0.5) * grid.dy
        east, north = metres_per_degree(lat)
        slope = horn_slope(grid.values, grid.dx * east, grid.dy * north)
    else:
        slope = horn_slope(grid.values, grid.dx, grid.dy)
    return Grid(slope, grid.x0, grid.y0, grid.dx, grid.dy, grid.crs)


def points_in_rings(px: np.ndarray, py: np.ndarray, rings: list[np.ndarray]) -> np.ndarray:
    """Which points lie inside polygons given by all their rings (even–odd rule: holes are outside).

    Args:
        px, py: Point coordinates (any shape, the same).
        rings: Closed rings as N×2 arrays, outer rings and holes of
            non-overlapping polygons alike.
    """
    inside = np.zeros(np.shape(px), dtype=bool)
    for ring in rings:
        x1, y1 = ring[:-1, 0], ring[:-1, 1]
        x2, y2 = ring[1:, 0], ring[1:, 1]
        for ax, ay, bx, by in zip(x1, y1, x2, y2):
            if ay == by:
                continue
            crosses = (ay > py) != (by > py)
            at = ax + (py - ay) * (bx - ax) / (by - ay)
            inside ^= crosses & (px < at)
    return inside


def geometry_rings(geom) -> list[np.ndarray]:
    """Every ring of a (multi)polygon QgsGeometry as N×2 arrays."""
    polygons = geom.asMultiPolygon() if geom.isMultipart() else [geom.asPolygon()]
    return [np.array([(p.x(), p.y()) for p in ring], dtype=float) for polygon in polygons for ring in polygon
            if len(ring) >= 4]


@dataclass
class Sample:
    """The cells of a grid a piece of land holds.

    Attributes:
        values: Values of the cells whose centres lie inside (no-data cells
            left out); or the one cell under the point on surface.
        rows, cols: Their grid positions.
        by_centre: False when no cell centre lay inside (point on surface used).
    """

    values: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    by_centre: bool = True


def sample(grid: Grid, geom) -> Sample:
    """The cells of ``grid`` whose centres fall inside ``geom`` (same CRS), no-data cells left out."""
    box = geom.boundingBox()
    rows, cols = grid.window(box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
    if rows.stop > rows.start and cols.stop > cols.start:
        px, py = grid.centres(rows, cols)
        mask = points_in_rings(px, py, geometry_rings(geom))
        r, c = np.nonzero(mask)
        r, c = r + rows.start, c + cols.start
        values = grid.values[r, c]
        ok = ~np.isnan(values)
        if mask.any():
            return Sample(values[ok], r[ok], c[ok])
    point = geom.pointOnSurface().asPoint()
    value = grid.cell_at(point.x(), point.y())
    if math.isnan(value):
        return Sample(np.zeros(0), np.zeros(0, dtype=int), np.zeros(0, dtype=int), False)
    col = int(math.floor((point.x() - grid.x0) / grid.dx))
    row = int(math.floor((grid.y0 - point.y()) / grid.dy))
    return Sample(np.array([value]), np.array([row]), np.array([col]), False)


def cell_polygon(grid: Grid, rows: np.ndarray, cols: np.ndarray):
    """The union of some cells of a grid as a QgsGeometry (None when there are none)."""
    from qgis.core import QgsGeometry, QgsRectangle

    squares = [QgsGeometry.fromRect(QgsRectangle(grid.x0 + c * grid.dx, grid.y0 - (r + 1) * grid.dy,
                                                 grid.x0 + (c + 1) * grid.dx, grid.y0 - r * grid.dy))
               for r, c in zip(rows.tolist(), cols.tolist())]
    if not squares:
        return None
    return squares[0] if len(squares) == 1 else QgsGeometry.unaryUnion(squares)


def raster_crs(path: str):
    """The CRS a raster file declares (a QgsCoordinateReferenceSystem; invalid when none or unreadable)."""
    from osgeo import gdal
    from qgis.core import QgsCoordinateReferenceSystem

    try:
        dataset = gdal.OpenEx(path, gdal.OF_RASTER)
    except RuntimeError:
        dataset = None
    wkt = dataset.GetProjection() if dataset is not None else ""
    return QgsCoordinateReferenceSystem.fromWkt(wkt) if wkt else QgsCoordinateReferenceSystem()


def read_grid(path: str, bounds: tuple[float, float, float, float] | None = None, pad: int = 0,
              name: str = "") -> Grid:
    """Read band 1 of a raster (GDAL), the window covering ``bounds`` (raster CRS) plus ``pad`` cells.

    No-data cells become NaN.  The CRS is read from the file.

    Raises:
        LandConsolidationError: the file cannot be read, or the raster is
            rotated (not north up).
    """
    from osgeo import gdal
    from qgis.core import QgsCoordinateReferenceSystem

    from ..i18n import tr

    label = name or path
    try:
        dataset = gdal.OpenEx(path, gdal.OF_RASTER)
    except RuntimeError:
        dataset = None
    if dataset is None:
        raise LandConsolidationError(tr("The raster '{name}' cannot be read.").format(name=label))
    gt = dataset.GetGeoTransform()
    if gt[2] != 0.0 or gt[4] != 0.0 or gt[5] >= 0.0:
        raise LandConsolidationError(tr("The raster '{name}' is rotated or not north up; warp it to a north-up "
                                        "grid first (e.g. with gdalwarp).").format(name=label))
    cols, rows = dataset.RasterXSize, dataset.RasterYSize
    dx, dy = gt[1], -gt[5]
    c0, r0, c1, r1 = 0, 0, cols, rows
    if bounds is not None:
        xmin, ymin, xmax, ymax = bounds
        c0 = max(int(math.floor((xmin - gt[0]) / dx)) - pad, 0)
        c1 = min(int(math.ceil((xmax - gt[0]) / dx)) + pad, cols)
        r0 = max(int(math.floor((gt[3] - ymax) / dy)) - pad, 0)
        r1 = min(int(math.ceil((gt[3] - ymin) / dy)) + pad, rows)
    crs = QgsCoordinateReferenceSystem.fromWkt(dataset.GetProjection()) if dataset.GetProjection() else None
    if c1 <= c0 or r1 <= r0:
        return Grid(np.zeros((0, 0)), gt[0] + c0 * dx, gt[3] - r0 * dy, dx, dy, crs)
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray(c0, r0, c1 - c0, r1 - r0).astype(float)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        values[values == nodata] = np.nan
    values[~np.isfinite(values)] = np.nan
    return Grid(values, gt[0] + c0 * dx, gt[3] - r0 * dy, dx, dy, crs)
