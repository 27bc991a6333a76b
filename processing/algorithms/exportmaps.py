"""landconsolidation:exportmaps – 图件导出: the scheme's maps as one PDF (and as print layouts)."""
from __future__ import annotations

import time
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...core.derived import ProjectData
from ...core.files import final_of, same_file
from ...core.keys import MAPS, MISSING, OUTPUT_LAYOUTS, OUTPUT_PDF, PAGES, PAPER, PROJECT, UNIT_NAME
from ...core.maps import layout as layout_mod
from ...core.maps.pages import PAGES as MAP_PAGES
from .base import LandConsolidationAlgorithm, user_errors

PAPER_KEYS = ("A3", "A4")


def layers_file(layouts_path: str) -> Path:
    """The GeoPackage beside a layouts project holding the maps' derived layers: ``<name>_图层.gpkg``.

    Named after the project's final name (the run writes the .qgz under a staged temporary name).
    """
    path = final_of(layouts_path)
    return path.with_name(f"{path.stem}_图层.gpkg")


class ExportMapsAlgorithm(LandConsolidationAlgorithm):
    """The maps of a project GeoPackage, one PDF page each, built as QGIS print layouts."""

    group_id = "scheme"

    def name(self) -> str:  # noqa: D102
        return "exportmaps"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Export maps")

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Draws the scheme's maps from a project GeoPackage into one PDF, one page per map, as far as the "
            "project has the data: {pages}. A map whose data is missing (no plan, no permanent basic farmland "
            "before and after, no sub-projects, no ecological red line or farmland layer for the conflict map) is "
            "left out and named in the log.\n\n"
            "Every page has the title (project name and map name), the map at a round scale with a coordinate "
            "grid, a north arrow, the legend, the numeric scale and a scale bar, the coordinate system "
            "(CGCS2000, Gauss-Krüger projection, zone from the CRS), the producing unit and the date; the maps "
            "themselves are in Chinese, as the scheme is. Land use is drawn in the land-survey colours; thematic "
            "maps lay their layer over the land use drawn pale. Derived layers are computed as the other "
            "algorithms do: new cultivated land and the linkage pieces from the plan, permanent basic farmland "
            "moved out and in as pieces of the two layers (slivers under 1 m² left out), blocks of cultivated land "
            "by the contiguity rules, conflicts as planned construction land inside the ecological protection red "
            "line or on the permanent basic farmland after adjustment.\n\n"
            "OUTPUT_LAYOUTS also writes the print layouts, one per map, into a QGIS project (.qgz) to open and "
            "adjust in the layout designer; the derived layers go into a GeoPackage beside it, named after it."
        ).format(pages=", ".join(self.tr(page.label) for page in MAP_PAGES))

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        project = QgsProcessingParameterFile(PROJECT, self.tr("Project GeoPackage"),
                                             QgsProcessingParameterFile.Behavior.File, "gpkg")
        project.setHelp(self.tr("A project GeoPackage written by 'Create project'."))
        self.addParameter(project)
        maps = QgsProcessingParameterEnum(MAPS, self.tr("Maps"), options=[self.tr(page.label) for page in MAP_PAGES],
                                          allowMultiple=True, optional=True)
        maps.setHelp(self.tr("Which maps to draw (default: every map the project has data for)."))
        self.addParameter(maps)
        paper = QgsProcessingParameterEnum(PAPER, self.tr("Paper"),
                                           options=[self.tr("A3 landscape"), self.tr("A4 landscape")], defaultValue=0)
        paper.setHelp(self.tr("0 = A3 landscape (420 × 297 mm), 1 = A4 landscape (297 × 210 mm)."))
        self.addParameter(paper)
        unit = QgsProcessingParameterString(UNIT_NAME, self.tr("Producing unit"), optional=True)
        unit.setHelp(self.tr("Printed on every page; default: the project's responsible unit."))
        self.addParameter(unit)
        self.add_repair_parameter()
        pdf = QgsProcessingParameterFileDestination(OUTPUT_PDF, self.tr("Maps (PDF)"), self.tr("PDF files (*.pdf)"))
        pdf.setHelp(self.tr("The PDF to write, one page per map (replaced if it exists)."))
        self.addParameter(pdf)
        layouts = QgsProcessingParameterFileDestination(
            OUTPUT_LAYOUTS, self.tr("Print layouts (QGIS project)"), self.tr("QGIS project files (*.qgz)"),
            optional=True, createByDefault=False)
        layouts.setHelp(self.tr("Optional .qgz with one print layout per map and its layers, to adjust in the "
                                "layout designer; the derived layers are written into a GeoPackage beside it, named "
                                "after it."))
        self.addParameter(layouts)
        self.addOutput(QgsProcessingOutputNumber(PAGES, self.tr("Pages written")))
        self.addOutput(QgsProcessingOutputString(MISSING, self.tr("Maps left out (data missing)")))

    def compute(self, parameters, context, feedback):  # noqa: D102
        started = time.perf_counter()
        path = self.parameterAsFile(parameters, PROJECT, context)
        output = self.parameterAsFileOutput(parameters, OUTPUT_PDF, context)
        if not output.lower().endswith(".pdf"):
            output += ".pdf"
        layouts = self.parameterAsFileOutput(parameters, OUTPUT_LAYOUTS, context) \
            if parameters.get(OUTPUT_LAYOUTS) else ""
        if layouts and not layouts.lower().endswith(".qgz"):
            layouts += ".qgz"
        if layouts and same_file(layers_file(layouts), path):
            raise QgsProcessingException(self.tr(
                "The layers of the layouts would be written over the project file {path}; choose another name for "
                "the layouts.").format(path=path))
        # An unset MAPS reads as [0] through parameterAsEnums; unset means every map.
        unset = parameters.get(MAPS) in (None, "", [])
        keys = None if unset else [MAP_PAGES[i].key for i in self.parameterAsEnums(parameters, MAPS, context)]
        paper = PAPER_KEYS[self.parameterAsEnum(parameters, PAPER, context)]
        unit = self.parameterAsString(parameters, UNIT_NAME, context).strip() or None
        with user_errors():
            data = ProjectData(path, repair=self.repair_geometry(parameters, context),
                               is_canceled=feedback.isCanceled, log=feedback.pushWarning)
            book = layout_mod.MapBook(data, paper=paper, unit=unit, log=feedback.pushWarning,
                                      is_canceled=feedback.isCanceled)
            feedback.pushInfo(self.tr("Project: {name} ({path})").format(name=data.name, path=path))
            book.build(keys, progress=lambda p: feedback.setProgress(0.7 * p))
            feedback.setProgress(70)
            feedback.pushInfo(self.tr("Writing {n} maps to {path}…").format(n=len(book.contents), path=output))
            pages = book.export_pdf(output)
            feedback.setProgress(90)
            written_layers = None
            if layouts:
                written_layers = layers_file(layouts)
                if written_layers.exists():
                    written_layers.unlink()
                try:
                    names = book.save(layouts, written_layers)
                except Exception:
                    if written_layers.exists():
                        written_layers.unlink()
                    raise
                feedback.pushInfo(self.tr("Print layouts: {names}.").format(names=", ".join(names)))
        for n, content in enumerate(book.contents, start=1):
            feedback.pushInfo(self.tr("Page {n}: {title}.").format(n=n, title=content.title))
        feedback.pushInfo(self.tr("{n} pages in {seconds:.1f} s.").format(n=pages, seconds=time.perf_counter() - started))
        feedback.setProgress(100)
        results = {OUTPUT_PDF: output, PAGES: pages, MISSING: ";".join(title for title, _ in book.skipped)}
        if layouts:
            results[OUTPUT_LAYOUTS] = layouts
        return results
