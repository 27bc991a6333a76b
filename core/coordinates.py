"""The ministry's plain-text coordinate exchange file (坐标文件), written and read back.

The supervision systems of the 自然资源部 (the 土地整治监测监管 and 建设用地
报批 systems, 上图入库 / 报部) take parcels as a text file of this layout::

    [属性描述]
    格式版本号=1.01版本
    数据产生单位=堰墅镇人民政府
    数据产生日期=2026-11-29
    坐标系=2000国家大地坐标系
    几度分带=3
    投影类型=高斯克吕格
    计量单位=米
    带号=40
    精度=0.0001
    转换参数=,,,,,,
    [地块坐标]
    5,1.0000,1,东村新增耕地,面,,水田,新增耕地,@
    J1,1,3490100.0000,40520000.0000
    J2,1,3490100.0000,40520100.0000
    J3,1,3490000.0000,40520100.0000
    J4,1,3490000.0000,40520000.0000
    J1,1,3490100.0000,40520000.0000

One header line per parcel – 界址点数, 地块面积 (公顷), 地块编号, 地块名称,
记录图形属性 (面), 图幅号, 地块用途, 备注, ending ``@`` – followed by its
points ``点号,圈号,X,Y``: X the northing, Y the easting with the zone number
in front (8 digits for 3° zones, whichever of EPSG:4513–4533 / 4534–4554 the
layer is in).  Conventions this module follows (README, "The coordinate
file"):

* 界址点数 counts the point lines, the closing repeat of each ring included;
* points are numbered J1, J2 … through the whole parcel; a ring's closing
  line repeats its first point's number and coordinates;
* 圈号 1 is the first polygon's outer ring, its holes follow as 2, 3 …, then
  the next polygon's outer ring and holes (a multi-part parcel is one parcel);
* outer rings run clockwise (north up) from their north-westernmost point,
  holes anticlockwise – the 界址点 numbering rule of cadastral surveys;
* 地块面积 is the 三调 ellipsoidal area (core/ellipsoid.py) in 公顷 with 4
  decimals, or on request the Gauss-Krüger plane area;
* 地块编号 numbers the parcels of a file 1, 2 …; 图幅号 is left empty;
  commas in names and uses become full-width (，) so fields stay apart;
* 格式版本号 (1.01版本), 坐标系, 投影类型, 计量单位 and 转换参数 (seven empty
  values: no datum transformation) are fixed text;
* the file is written in GBK (GB18030, what the systems' Windows tools
  read) with CRLF line ends, or in UTF-8 on request.
"""
from __future__ import annotations

import datetime
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import tr
from .errors import LandConsolidationError
from .files import temporary_beside, umask_mode
from .zones import DATUM_NAME, Zone

FORMAT_VERSION = "1.01版本"
PROJECTION = "高斯克吕格"
LENGTH_UNIT = "米"
TRANSFORM = ",,,,,,"
SHAPE_POLYGON = "面"
#: Coordinates are written to 0.1 mm (the 精度 line says so).
DECIMALS = 4
ENCODINGS = {"gbk": "gb18030", "utf-8": "utf-8"}
ATTRIBUTE_SECTION = "[属性描述]"
PARCEL_SECTION = "[地块坐标]"


@dataclass
class Parcel:
    """One parcel to write: its polygon(s) and text.

    Attributes:
        geometry: A (multi)polygon QgsGeometry in the file's CRS.
        name: 地块名称.
        use: 地块用途.
        note: 备注.
        area_m2: 地块面积 in m² (the writer converts to 公顷).
    """

    geometry: object
    name: str = ""
    use: str = ""
    note: str = ""
    area_m2: float = 0.0


@dataclass
class Header:
    """The ``[属性描述]`` values that vary: producing unit, date, zone."""

    unit: str
    zone: Zone
    date: datetime.date = field(default_factory=datetime.date.today)

    def lines(self) -> list[str]:
        """The ``[属性描述]`` block."""
        return [
            ATTRIBUTE_SECTION,
            f"格式版本号={FORMAT_VERSION}",
            f"数据产生单位={_text(self.unit)}",
            f"数据产生日期={self.date.isoformat()}",
            f"坐标系={DATUM_NAME}",
            f"几度分带={self.zone.width}",
            f"投影类型={PROJECTION}",
            f"计量单位={LENGTH_UNIT}",
            f"带号={self.zone.number}",
            f"精度={10 ** -DECIMALS:.{DECIMALS}f}",
            f"转换参数={TRANSFORM}",
        ]


def _text(value) -> str:
    """Text for a field of the file: no line breaks, commas full-width (the separator stays unambiguous)."""
    text = "" if value is None else str(value)
    if text == "NULL":
        text = ""
    return " ".join(text.split()).replace(",", "，").replace("@", "＠")


def _signed_area(ring) -> float:
    """Shoelace area of a closed ring of (easting, northing): positive anticlockwise."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        total += x1 * y2 - x2 * y1
    return total / 2.0


def _oriented(ring, clockwise: bool) -> list:
    """The closed ring run clockwise (or not), starting at its north-westernmost vertex."""
    points = [(float(x), float(y)) for x, y in ring]
    if points[0] == points[-1]:
        points = points[:-1]
    if (_signed_area(points + points[:1]) < 0) != clockwise:
        points.reverse()
    min_x = min(x for x, _ in points)
    max_y = max(y for _, y in points)
    start = min(range(len(points)), key=lambda i: (math.hypot(points[i][0] - min_x, points[i][1] - max_y), i))
    points = points[start:] + points[:start]
    return points + points[:1]


def parcel_rings(geometry) -> list:
    """The rings of a (multi)polygon in file order: per polygon its outer ring (clockwise) then its holes.

    Each ring is closed, of (easting, northing), starting at its north-westernmost vertex.
    """
    from qgis.core import QgsWkbTypes

    rings = []
    if geometry is None or geometry.isEmpty():
        return rings
    if QgsWkbTypes.flatType(geometry.wkbType()) not in (QgsWkbTypes.Type.Polygon, QgsWkbTypes.Type.MultiPolygon):
        from .dltb import polygonal

        geometry = polygonal(geometry)
        if geometry is None:
            return rings
    polygons = geometry.asMultiPolygon() if geometry.isMultipart() else [geometry.asPolygon()]
    for polygon in polygons:
        for index, ring in enumerate(polygon):
            if len(ring) < 3:
                continue
            rings.append(_oriented([(p.x(), p.y()) for p in ring], clockwise=index == 0))
    return rings


def parcel_lines(number: int, parcel: Parcel, zone: Zone, rings: list | None = None) -> list[str]:
    """The header line and point lines of one parcel."""
    rings = parcel_rings(parcel.geometry) if rings is None else rings
    # Eastings already carrying a zone number (above 10 000 km) keep it, whatever the CRS says.
    prefixed = zone.prefixed or any(east >= 1e7 for ring in rings for east, _ in ring)
    prefix = 0.0 if prefixed else zone.false_easting_prefix
    points = []
    label = 0
    for ring_number, ring in enumerate(rings, start=1):
        first = label + 1
        for i, (east, north) in enumerate(ring):
            if i == len(ring) - 1:
                name = first
            else:
                label += 1
                name = label
            points.append(f"J{name},{ring_number},{north:.{DECIMALS}f},{east + prefix:.{DECIMALS}f}")
    area_ha = parcel.area_m2 / 10_000.0
    header = (f"{len(points)},{area_ha:.4f},{number},{_text(parcel.name)},{SHAPE_POLYGON},,{_text(parcel.use)},"
              f"{_text(parcel.note)},@")
    return [header] + points


def write_coordinate_file(path, parcels, header: Header, encoding: str = "gbk") -> int:
    """Write a coordinate file (through a temporary file, renamed at the end).

    Args:
        path: The .txt file.
        parcels: :class:`Parcel` objects, numbered 1, 2 … in this order;
            parcels without rings are skipped.
        header: Producing unit, zone, date.
        encoding: ``"gbk"`` (written as GB18030, a superset that GBK readers
            read for every GBK character) or ``"utf-8"``.

    Returns:
        The number of parcels written.

    Raises:
        LandConsolidationError: a name or use that the encoding cannot hold.
    """
    codec = ENCODINGS[encoding]
    lines = header.lines() + [PARCEL_SECTION]
    number = 0
    for parcel in parcels:
        rings = parcel_rings(parcel.geometry)
        if not rings:
            continue
        number += 1
        lines.extend(parcel_lines(number, parcel, header.zone, rings))
    text = "\r\n".join(lines) + "\r\n"
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_beside(path)
    try:
        with open(temporary, "w", encoding=codec, newline="") as handle:
            handle.write(text)
        os.chmod(temporary, umask_mode())
        os.replace(temporary, path)
    except UnicodeEncodeError as exc:
        raise LandConsolidationError(tr("The text of the coordinate file {file} cannot be encoded as {encoding}: "
                                        "{text}.").format(file=path.name, encoding=encoding,
                                                          text=exc.object[exc.start:exc.end])) from None
    finally:
        if temporary.exists():
            temporary.unlink()
    return number


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


@dataclass
class ReadParcel:
    """A parcel read from a coordinate file.

    Attributes:
        fields: The header line's fields (界址点数 … 备注) as text.
        rings: 圈号 → closed ring of (easting, northing), the zone prefix kept.
        points: Point names in file order.
    """

    fields: list
    rings: dict
    points: list

    @property
    def area_ha(self) -> float:
        """地块面积 as written."""
        return float(self.fields[1])

    @property
    def name(self) -> str:
        """地块名称."""
        return self.fields[3]

    @property
    def use(self) -> str:
        """地块用途."""
        return self.fields[6]


@dataclass
class CoordinateFile:
    """A coordinate file read back: the ``[属性描述]`` values and the parcels."""

    attributes: dict
    parcels: list


def read_coordinate_file(path) -> CoordinateFile:
    """Read a coordinate file (GBK/GB18030 or UTF-8, with or without BOM).

    Raises:
        LandConsolidationError: a line that is neither a header, a point nor
            an attribute, or a point count that does not match its header.
    """
    raw = Path(path).read_bytes()
    for codec in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(codec)
            break
        except UnicodeDecodeError:
            continue
    attributes: dict = {}
    parcels: list = []
    section = None
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        if line in (ATTRIBUTE_SECTION, PARCEL_SECTION):
            section = line
            continue
        if section == ATTRIBUTE_SECTION and "=" in line:
            key, value = line.split("=", 1)
            attributes[key.strip()] = value.strip()
            continue
        if section == PARCEL_SECTION and line.endswith("@"):
            parcels.append(ReadParcel(fields=line.split(","), rings={}, points=[]))
            continue
        if section == PARCEL_SECTION and parcels and line.upper().startswith("J"):
            name, ring, north, east = line.split(",")[:4]
            parcels[-1].rings.setdefault(int(ring), []).append((float(east), float(north)))
            parcels[-1].points.append(name)
            continue
        raise LandConsolidationError(tr("{file}, line {number}: not understood: {line}").format(
            file=Path(path).name, number=number, line=line[:60]))
    for parcel in parcels:
        if int(parcel.fields[0]) != len(parcel.points):
            raise LandConsolidationError(tr(
                "{file}, parcel {parcel}: {given} boundary points are announced but {found} point lines follow.")
                .format(file=Path(path).name, parcel=parcel.fields[2], given=parcel.fields[0],
                        found=len(parcel.points)))
    return CoordinateFile(attributes, parcels)


def parcel_geometry(parcel: ReadParcel, zone_prefix: float = 0.0):
    """The (multi)polygon of a read parcel: a ring inside an odd number of others is a hole of the smallest.

    Args:
        parcel: As read.
        zone_prefix: Subtracted from the eastings (zone × 10⁶ to get back a
            CRS without the prefix, 0 for EPSG:4513–4533).
    """
    from qgis.core import QgsGeometry, QgsPointXY

    rings = [[QgsPointXY(x - zone_prefix, y) for x, y in parcel.rings[k]] for k in sorted(parcel.rings)]
    shapes = [QgsGeometry.fromPolygonXY([ring]) for ring in rings]
    areas = [shape.area() for shape in shapes]
    probes = [shape.pointOnSurface() for shape in shapes]
    parent = []
    for i, probe in enumerate(probes):
        containers = [j for j in range(len(shapes)) if j != i and areas[j] > areas[i] and shapes[j].contains(probe)]
        parent.append((len(containers), min(containers, key=lambda j: areas[j]) if containers else None))
    polygons = {i: [rings[i]] for i, (depth, _) in enumerate(parent) if depth % 2 == 0}
    for i, (depth, container) in enumerate(parent):
        if depth % 2 == 1:
            polygons[container].append(rings[i])
    return QgsGeometry.fromMultiPolygonXY([polygons[i] for i in sorted(polygons)])


# ---------------------------------------------------------------------------
# Parcels from layers
# ---------------------------------------------------------------------------

#: Candidate fields of 地块名称 and 地块用途 on a layer (first found wins).
NAME_FIELDS = ("DKMC", "XMMC", "MC", "NAME", "ZLDWMC", "DLMC", "BSM")
USE_FIELDS = ("DKYT", "YT", "XMLX", "DLMC", "DLBM")


def _field(layer, wanted: str | None, candidates) -> str | None:
    names = {name.upper(): name for name in layer.fields().names()}
    if wanted and wanted.upper() in names:
        return names[wanted.upper()]
    return next((names[c] for c in candidates if c in names), None)


def layer_parcels(layer, crs, *, name_field: str | None = None, use_field: str | None = None, note: str = "",
                  planar: bool = False, repair: bool = False, default_name: str = "", default_use: str = "",
                  context=None) -> list:
    """The features of a polygon layer as :class:`Parcel` objects in ``crs``.

    Args:
        layer: A polygon layer or feature source.
        crs: The file's CRS (a CGCS2000 Gauss-Krüger CRS); features are reprojected to it.
        name_field: Field of 地块名称 (default: DKMC, XMMC, MC, NAME, ZLDWMC, DLMC, BSM, the first present).
        use_field: Field of 地块用途 (default: DKYT, YT, XMLX, DLMC, DLBM).
        note: 备注 of every parcel.
        planar: Gauss-Krüger plane areas instead of the 三调 ellipsoidal areas.
        repair: Repair invalid geometries instead of stopping (core/validity.py).
        default_name: 地块名称 where the layer has no name field or the value is empty.
        default_use: 地块用途 likewise.
        context: Transform context.

    Raises:
        LandConsolidationError: an invalid geometry (naming the features) unless ``repair``.
    """
    from qgis.core import QgsCoordinateTransform, QgsCoordinateTransformContext

    from . import dltb, ellipsoid
    from .validity import GeometryCheck

    name = dltb.source_name(layer)
    name_at = _field(layer, name_field, NAME_FIELDS)
    use_at = _field(layer, use_field, USE_FIELDS)
    source_crs = dltb.source_crs(layer)
    transform = None
    if source_crs.isValid() and source_crs != crs:
        transform = QgsCoordinateTransform(source_crs, crs, context or QgsCoordinateTransformContext())
    check = GeometryCheck(name, repair)
    geometries, texts = [], []
    for feature, geom in dltb.checked_geometries(layer, check, transform):
        geometries.append(geom)
        texts.append((_value(feature, name_at) or default_name, _value(feature, use_at) or default_use))
    check.finish()
    if not geometries:
        return []
    if planar:
        areas = [geom.area() for geom in geometries]
    else:
        box = geometries[0].boundingBox()
        gk = ellipsoid.gauss_kruger_for_crs(crs, sample_easting=box.center().x())
        areas = list(ellipsoid.geometry_areas(gk, geometries))
    return [Parcel(geom, name_text, use_text, note, float(area))
            for geom, (name_text, use_text), area in zip(geometries, texts, areas)]


def _value(feature, field_name):
    if not field_name:
        return ""
    value = feature[field_name]
    return "" if value is None or str(value) == "NULL" else str(value).strip()
