"""Print layouts of the scheme's maps, and their export to PDF and to a QGIS project.

Every page (A3 or A4, landscape) carries what a map handed to a township
needs: 图名 (project name + map name), the map at a round numeric scale
with a coordinate grid (crosses at the grid nodes, ticks and coordinates on
the frame), 指北针, 图例, the numeric scale and a scale bar, the coordinate
system line (2000国家大地坐标系 高斯-克吕格投影 3度带 第 N 带), 编制单位
and 编制日期, inside a double frame.

The layouts are plain QGIS print layouts (QgsPrintLayout with map, legend,
scale bar, label and picture items): :meth:`MapBook.save` writes them with
their layers into a .qgz project so a user can open and adjust them in the
layout designer.  Everything here runs headless (``qgis_process``, offscreen)
and in a worker thread: the layouts, their project and their layers belong
to the thread that builds them.
"""
from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from qgis.core import (
    QgsBasicNumericFormat,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemMapGrid,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ...i18n import tr
from ..derived import ProjectData
from ..errors import LandConsolidationError, check_canceled
from ..zones import zone_of
from . import pages as pages_mod
from . import pdftext
from .fonts import cjk_family, font

NORTH_ARROW = Path(__file__).resolve().parents[2] / "resources" / "maps" / "north_arrow.svg"
#: Numeric scales are rounded up to one of these × 10ⁿ.
NICE_SCALES = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0)
#: Grid intervals (m) to choose from: the smallest giving at most :data:`MAX_GRID_LINES` lines across.
GRID_INTERVALS = (50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000, 100000)
MAX_GRID_LINES = 6
#: Share of the project area's extent added around it.
EXTENT_MARGIN = 0.03


@dataclass(frozen=True)
class Paper:
    """A paper size, landscape, in mm."""

    name: str
    width: float
    height: float

    @property
    def k(self) -> float:
        """Size relative to A3 (every position and size of the sheet is scaled by it)."""
        return self.width / 420.0


PAPERS = {"A3": Paper("A3", 420.0, 297.0), "A4": Paper("A4", 297.0, 210.0)}


@dataclass
class SheetInfo:
    """The text of every page: project name, 编制单位, 编制日期, coordinate system."""

    project_name: str
    unit: str
    date: str
    caption: str


def date_text(day: datetime.date | None = None) -> str:
    """编制日期 as maps write it: 2026年11月."""
    day = day or datetime.date.today()
    return f"{day.year}年{day.month}月"


def nice_scale(extent: QgsRectangle, width_mm: float, height_mm: float) -> int:
    """The smallest round scale denominator at which ``extent`` fits in a frame of that size."""
    needed = max(extent.width() * 1000.0 / width_mm, extent.height() * 1000.0 / height_mm, 1.0)
    power = 10 ** math.floor(math.log10(needed))
    for step in NICE_SCALES + (10.0,):
        if step * power >= needed - 1e-9:
            return int(round(step * power))
    return int(round(10 * power))


def grid_interval(width_m: float) -> float:
    """Grid spacing (m) for a map ``width_m`` wide."""
    for interval in GRID_INTERVALS:
        if width_m / interval <= MAX_GRID_LINES:
            return float(interval)
    return float(GRID_INTERVALS[-1])


def scalebar_segment(scale: float, segment_mm: float) -> float:
    """A round ground length (m) close to ``segment_mm`` on paper at ``scale``."""
    target = scale * segment_mm / 1000.0
    power = 10 ** math.floor(math.log10(target))
    best = power
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        if step * power <= target * 1.25:
            best = step * power
    return best


def _text_format(size: float, bold: bool = False, colour: str = "#000000") -> QgsTextFormat:
    text = QgsTextFormat()
    text.setFont(font(size, bold))
    text.setSize(size)
    text.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    text.setColor(QColor(colour))
    return text


class MapBook:
    """The maps of one project: built page by page, exported to one PDF and saved as layouts.

    Args:
        data: The project (its derived layers are computed as pages need them).
        paper: ``"A3"`` or ``"A4"`` (landscape).
        unit: 编制单位 (default: the project's responsible unit).
        day: 编制日期 (default: today).
        log: Called with notes for the user (pages left out and why).
        is_canceled: Returns True when the user cancelled.
    """

    def __init__(self, data: ProjectData, paper: str = "A3", unit: str | None = None,
                 day: datetime.date | None = None, log: Callable[[str], None] | None = None,
                 is_canceled: Callable[[], bool] | None = None):
        if paper not in PAPERS:
            raise LandConsolidationError(tr("Unknown paper {paper}.").format(paper=paper))
        self.data = data
        self.paper = PAPERS[paper]
        self.info = SheetInfo(data.name, unit if unit is not None else data.unit, date_text(day),
                              zone_of(data.crs).caption())
        self.log = log or (lambda _text: None)
        self.is_canceled = is_canceled
        self.project = QgsProject()
        self.project.setCrs(data.crs)
        self.project.setTitle(data.name)
        self.contents: list[pages_mod.PageContent] = []
        self.skipped: list[tuple[str, str]] = []

    # ------------------------------------------------------------------ content

    def build(self, keys=None, progress: Callable[[float], None] | None = None) -> list[pages_mod.PageContent]:
        """Compute the pages asked for (default: all) that the project has data for.

        A page whose data is missing, or whose inputs fail with a
        :class:`~core.errors.LandConsolidationError`, is left out and logged.
        """
        wanted = [p for p in pages_mod.PAGES if keys is None or p.key in keys]
        for n, page in enumerate(wanted):
            check_canceled(self.is_canceled)
            if progress is not None:
                progress(100.0 * n / max(len(wanted), 1))
            try:
                content = page.build(self.data)
            except (pages_mod.Skip, LandConsolidationError) as reason:
                self.skipped.append((page.title, str(reason)))
                self.log(tr("Map left out: {title} — {reason}").format(title=tr(page.label) if page.label
                                                                         else page.title, reason=reason))
                continue
            self.contents.append(content)
            group = self.project.layerTreeRoot().addGroup(f"{len(self.contents):02d} {content.title}")
            for item in content.layers:
                self.project.addMapLayer(item.layer, False)
                group.addLayer(item.layer)
        return self.contents

    @property
    def extent(self) -> QgsRectangle:
        """The project area's extent with a margin."""
        box = QgsRectangle(self.data.boundary.boundingBox())
        box.grow(max(box.width(), box.height()) * EXTENT_MARGIN)
        return box

    # ------------------------------------------------------------------ layouts

    def pdf_layout(self) -> QgsPrintLayout:
        """One layout with a page per map (the PDF)."""
        layout = QgsPrintLayout(self.project)
        layout.initializeDefaults()
        layout.setName(f"{self.info.project_name}图件")
        collection = layout.pageCollection()
        for index, content in enumerate(self.contents):
            if index == 0:
                page = collection.page(0)
            else:
                page = QgsLayoutItemPage(layout)
                collection.addPage(page)
            page.setPageSize(QgsLayoutSize(self.paper.width, self.paper.height))
            self._draw(layout, index, content)
        return layout

    def page_layouts(self) -> list:
        """One single-page layout per map, named by its 图名 (what the .qgz holds)."""
        layouts = []
        for content in self.contents:
            layout = QgsPrintLayout(self.project)
            layout.initializeDefaults()
            layout.setName(content.title)
            layout.pageCollection().page(0).setPageSize(QgsLayoutSize(self.paper.width, self.paper.height))
            self._draw(layout, 0, content)
            layouts.append(layout)
        return layouts

    def _draw(self, layout: QgsPrintLayout, page: int, content: pages_mod.PageContent) -> None:
        k = self.paper.k
        width, height = self.paper.width, self.paper.height

        def place(item, x, y, w, h):
            layout.addLayoutItem(item)
            item.attemptMove(QgsLayoutPoint(x * k, y * k), page=page)
            item.attemptResize(QgsLayoutSize(w * k, h * k))
            return item

        def text(value, x, y, w, h, size, bold=False, align=Qt.AlignmentFlag.AlignLeft, valign=None):
            label = QgsLayoutItemLabel(layout)
            label.setText(value)
            label.setFont(font(max(size * k, 5.5), bold))
            label.setHAlign(align)
            label.setVAlign(valign or Qt.AlignmentFlag.AlignVCenter)
            label.setMarginX(0.0)
            label.setMarginY(0.0)
            return place(label, x, y, w, h)

        # Double frame: a heavy outer line and a thin inner one.
        for inset, pen in ((8.0, 1.0), (10.0, 0.25)):
            frame = QgsLayoutItemShape(layout)
            frame.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
            frame.setSymbol(_frame_symbol(max(pen * k, 0.2)))
            place(frame, inset, inset, width / k - 2 * inset, height / k - 2 * inset)

        title = f"{self.info.project_name}{content.title}" if self.info.project_name else content.title
        text(title, 10, 12.5, 400, 15, 22, bold=True, align=Qt.AlignmentFlag.AlignHCenter)

        map_x, map_y, map_w, map_h = 25.0, 34.0, 266.0, 230.0
        map_item = QgsLayoutItemMap(layout)
        map_item.setCrs(self.data.crs)
        place(map_item, map_x, map_y, map_w, map_h)
        map_item.setLayers([item.layer for item in content.layers])
        map_item.setKeepLayerSet(True)
        map_item.setFrameEnabled(True)
        map_item.setFrameStrokeWidth(QgsLayoutMeasurement(max(0.4 * k, 0.25)))
        map_item.setBackgroundColor(QColor("#ffffff"))
        scale = nice_scale(self.extent, map_w * k, map_h * k)
        # The extent at that scale with the frame's own proportions: setExtent would otherwise resize the item.
        centre = self.extent.center()
        half_w, half_h = map_w * k * scale / 2000.0, map_h * k * scale / 2000.0
        map_item.setExtent(QgsRectangle(centre.x() - half_w, centre.y() - half_h, centre.x() + half_w,
                                        centre.y() + half_h))
        self._grid(map_item, scale, map_w * k)

        # Right-hand panel: north arrow, legend, notes, scale.
        panel_x, panel_w = 302.0, 101.0
        text("北", panel_x + panel_w / 2 - 5, 34, 10, 6, 11, bold=True, align=Qt.AlignmentFlag.AlignHCenter)
        arrow = QgsLayoutItemPicture(layout)
        arrow.setPicturePath(str(NORTH_ARROW))
        arrow.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        place(arrow, panel_x + panel_w / 2 - 5, 40.5, 10, 24)
        self._legend(layout, page, content, map_item, panel_x, 70.0, panel_w, 145.0)
        if content.notes:
            text("\n".join(content.notes), panel_x, 217.0, panel_w, 18.0, 8.0,
                 valign=Qt.AlignmentFlag.AlignTop)
        text(f"比例尺 1:{scale}", panel_x, 237.0, panel_w, 6.0, 10.0, bold=True)
        bar = QgsLayoutItemScaleBar(layout)
        bar.setLinkedMap(map_item)
        bar.setStyle("Single Box")
        bar.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)
        bar.setUnitLabel("米")
        bar.setMapUnitsPerScaleBarUnit(1.0)
        bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFixed)
        bar.setNumberOfSegmentsLeft(0)
        bar.setNumberOfSegments(4)
        bar.setUnitsPerSegment(scalebar_segment(scale, 15.0 * k))
        bar.setHeight(2.0 * k)
        bar.setTextFormat(_text_format(max(7.0 * k, 5.5)))
        numbers = QgsBasicNumericFormat()
        numbers.setShowThousandsSeparator(False)  # Chinese maps write 1000 米, not 1,000 米
        bar.setNumericFormat(numbers)
        bar.setLabelBarSpace(1.0 * k)
        layout.addLayoutItem(bar)
        bar.attemptMove(QgsLayoutPoint(panel_x * k, 246.0 * k), page=page)
        bar.refreshItemSize()

        # Bottom line: coordinate system on the left, 编制单位 and 编制日期 on the right.
        text(self.info.caption, map_x, 272.0, 160, 6, 9.0)
        made_by = f"编制单位：{self.info.unit}" if self.info.unit else "编制单位："
        text(f"{made_by}　　编制日期：{self.info.date}", map_x + map_w - 200, 272.0, 200, 6, 9.0,
             align=Qt.AlignmentFlag.AlignRight)

    def _grid(self, map_item: QgsLayoutItemMap, scale: float, width_mm: float) -> None:
        k = self.paper.k
        grid = QgsLayoutItemMapGrid("坐标格网", map_item)
        interval = grid_interval(width_mm / 1000.0 * scale)
        grid.setEnabled(True)
        grid.setUnits(QgsLayoutItemMapGrid.GridUnit.MapUnit)
        grid.setIntervalX(interval)
        grid.setIntervalY(interval)
        grid.setStyle(QgsLayoutItemMapGrid.GridStyle.Cross)
        grid.setCrossLength(2.5 * k)
        grid.setGridLineColor(QColor("#404040"))
        grid.setGridLineWidth(0.2)
        grid.setFrameStyle(QgsLayoutItemMapGrid.FrameStyle.ExteriorTicks)
        grid.setFrameWidth(1.8 * k)
        grid.setFramePenSize(0.25)
        grid.setFramePenColor(QColor("#000000"))
        grid.setAnnotationEnabled(True)
        grid.setAnnotationFormat(QgsLayoutItemMapGrid.AnnotationFormat.Decimal)
        grid.setAnnotationPrecision(0)
        grid.setAnnotationTextFormat(_text_format(max(7.0 * k, 5.5)))
        grid.setAnnotationFrameDistance(0.8 * k)
        sides = QgsLayoutItemMapGrid.BorderSide
        display = QgsLayoutItemMapGrid.DisplayMode
        direction = QgsLayoutItemMapGrid.AnnotationDirection
        for side, shown, turned in ((sides.Left, display.LatitudeOnly, direction.Vertical),
                                    (sides.Right, display.LatitudeOnly, direction.Vertical),
                                    (sides.Top, display.LongitudeOnly, direction.Horizontal),
                                    (sides.Bottom, display.LongitudeOnly, direction.Horizontal)):
            grid.setAnnotationPosition(QgsLayoutItemMapGrid.AnnotationPosition.OutsideMapFrame, side)
            grid.setAnnotationDisplay(shown, side)
            grid.setAnnotationDirection(turned, side)
        map_item.grids().addGrid(grid)

    def _legend(self, layout, page, content, map_item, x, y, w, h) -> None:
        k = self.paper.k
        legend = QgsLayoutItemLegend(layout)
        legend.setTitle("图例")
        legend.setLinkedMap(map_item)
        # A legend that does not follow the project keeps its own layer tree (saved with the layout): the
        # page's layers only, not every page's.
        legend.setAutoUpdateModel(False)
        tree = legend.model().rootGroup()
        tree.removeAllChildren()
        rows = 0
        for item in content.layers:
            if not item.legend:
                continue
            tree.addLayer(item.layer)
            renderer = item.layer.renderer()
            rows += len(renderer.categories()) + 1 if hasattr(renderer, "categories") else 1
        legend.rstyle(QgsLegendStyle.Style.Title).setFont(font(max(13.0 * k, 8.0), True))
        legend.rstyle(QgsLegendStyle.Style.Title).setMargin(QgsLegendStyle.Side.Bottom, 2.5 * k)
        legend.rstyle(QgsLegendStyle.Style.Group).setFont(font(max(8.5 * k, 6.0), True))
        legend.rstyle(QgsLegendStyle.Style.Subgroup).setFont(font(max(8.5 * k, 6.0), True))
        legend.rstyle(QgsLegendStyle.Style.Subgroup).setMargin(QgsLegendStyle.Side.Top, 2.0 * k)
        legend.rstyle(QgsLegendStyle.Style.SymbolLabel).setFont(font(max(7.5 * k, 5.5)))
        legend.setSymbolWidth(7.0 * k)
        legend.setSymbolHeight(4.0 * k)
        legend.setColumnSpace(3.0 * k)
        legend.setBoxSpace(1.5 * k)
        legend.setFrameEnabled(False)
        legend.setBackgroundEnabled(False)
        legend.setResizeToContents(True)
        if rows > 18:
            legend.setColumnCount(2)
            legend.setSplitLayer(True)
            legend.setEqualColumnWidth(False)
        layout.addLayoutItem(legend)
        legend.attemptMove(QgsLayoutPoint(x * k, y * k), page=page)
        # Long class names in two columns can outgrow the panel: smaller text until it fits.
        size = 7.5
        measured = _legend_size(layout, legend)
        while measured.width() > w * k and size > 5.5:
            size -= 0.5
            legend.rstyle(QgsLegendStyle.Style.SymbolLabel).setFont(font(max(size * k, 5.0)))
            legend.setSymbolWidth(legend.symbolWidth() * 0.92)
            measured = _legend_size(layout, legend)
        legend.attemptResize(QgsLayoutSize(measured.width(), measured.height()))
        if measured.height() > h * k:
            self.log(tr("{title}: the legend is taller than the space kept for it; adjust it in the layout.").format(
                title=content.title))

    # ------------------------------------------------------------------ output

    def export_pdf(self, path) -> int:
        """Write every page into one PDF; returns the page count.

        Text stays text (selectable, searchable; the CJK font is embedded), its
        radicals mapped back to the characters drawn (core/maps/pdftext.py).

        Raises:
            LandConsolidationError: nothing to export, or QGIS cannot write the file.
        """
        if not self.contents:
            raise LandConsolidationError(tr("No map could be made: every map lacks its data."))
        layout = self.pdf_layout()
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = 300
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = True
        settings.textRenderFormat = QgsRenderContext.TextRenderFormat.AlwaysText
        settings.exportMetadata = True
        result = QgsLayoutExporter(layout).exportToPdf(str(path), settings)
        if result != QgsLayoutExporter.ExportResult.Success:
            raise LandConsolidationError(tr("Cannot write the PDF {path} (QGIS export result {result}).").format(
                path=path, result=int(result)))
        if cjk_family():
            pdftext.fix_pdf(path, cjk_family())
        return len(self.contents)

    def save(self, path, layers_path) -> list[str]:
        """Save the page layouts and their layers as a QGIS project (.qgz).

        The derived layers (memory layers) are written into the GeoPackage
        ``layers_path`` first and the project points at it and at the
        project GeoPackage, by relative paths.

        Returns:
            The layout names.
        """
        from qgis.core import QgsVectorFileWriter

        layers_path = Path(layers_path)
        written: dict = {}
        for group_index, content in enumerate(self.contents, start=1):
            for item_index, item in enumerate(content.layers):
                layer = item.layer
                if layer.providerType() != "memory" or layer.id() in written:
                    continue
                table = f"p{group_index:02d}_{item_index}"
                options = QgsVectorFileWriter.SaveVectorOptions()
                options.driverName = "GPKG"
                options.layerName = table
                options.fileEncoding = "UTF-8"
                if layers_path.exists():
                    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
                error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(layers_path),
                                                                  self.project.transformContext(), options)
                if error[0] != QgsVectorFileWriter.WriterError.NoError:
                    raise LandConsolidationError(tr("Cannot write the layer {layer}: {error}").format(
                        layer=layer.name(), error=error[1]))
                written[layer.id()] = table
        for content in self.contents:
            for item in content.layers:
                table = written.get(item.layer.id())
                if table is not None:
                    item.layer.setDataSource(f"{layers_path}|layername={table}", item.layer.name(), "ogr")
        manager = self.project.layoutManager()
        names = []
        for layout in self.page_layouts():
            manager.addLayout(layout)
            names.append(layout.name())
        self.project.setFileName(str(path))
        if not self.project.write(str(path)):
            raise LandConsolidationError(tr("Cannot write the project file {path}: {error}").format(
                path=path, error=self.project.error()))
        return names


def _legend_size(layout, legend):
    """The legend's size (mm) as it will be drawn.

    QgsLayoutItemLegend only sizes itself when first painted; the renderer
    measures it now, so that the layout can make it fit before export.
    """
    from qgis.core import QgsLayoutUtils, QgsLegendRenderer

    context = QgsLayoutUtils.createRenderContextForLayout(layout, None)
    return QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context)


def _frame_symbol(width: float):
    from qgis.core import QgsFillSymbol

    return QgsFillSymbol.createSimple({"style": "no", "outline_color": "#000000", "outline_width": str(width),
                                       "joinstyle": "miter"})
