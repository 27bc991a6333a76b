"""landconsolidation:exportcoordinates – 坐标文件导出: the ministry's plain-text coordinate exchange file."""
from __future__ import annotations

import re
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ...core import coordinates, dltb
from ...core.derived import EXCHANGE_LABELS, EXCHANGE_LAYERS, ProjectData, exchange_layer
from ...core.errors import check_canceled
from ...core.keys import (
    AREA_BASIS,
    ENCODING,
    INPUT,
    LAYERS,
    NAME_FIELD,
    OUTPUT,
    OUTPUT_FOLDER,
    PARCEL_COUNT,
    PROJECT,
    UNIT_NAME,
    USE_FIELD,
)
from ...core.zones import zone_of
from .base import LandConsolidationAlgorithm, user_errors

ENCODING_KEYS = ("gbk", "utf-8")


def _empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def file_name(title: str) -> str:
    """A file name for a layer title (characters file systems refuse replaced)."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", title).strip("_") or "parcels"


class ExportCoordinatesAlgorithm(LandConsolidationAlgorithm):
    """Parcels of a project (or any polygon layers) as the ministry's coordinate file."""

    group_id = "scheme"

    def name(self) -> str:  # noqa: D102
        return "exportcoordinates"

    def displayName(self) -> str:  # noqa: N802,D102
        return self.tr("Export coordinate file")

    def shortHelpString(self) -> str:  # noqa: N802,D102
        return self.tr(
            "Writes parcels as the plain-text coordinate file the supervision systems of the Ministry of Natural "
            "Resources take (for mapping into the database and reporting to the ministry): an attribute "
            "description block (format version 1.01, producing unit, date, the CGCS2000 datum, zone width, "
            "Gauss-Krüger projection, metres, zone number, precision 0.0001, no transformation parameters), then a "
            "parcel coordinates block with one header line per parcel – number of points, area in hectares, parcel "
            "number, name, geometry type (polygon), sheet number (empty), use, note, ending with @ – followed by "
            "its points "
            "J<n>,<ring>,X,Y (X the northing, Y the easting with the zone number in front; rings closed; holes and "
            "further parts as further rings, outer rings clockwise from their north-west point).\n\n"
            "Parcels come from the project GeoPackage (LAYERS: {layers}) and/or from any polygon layers (INPUT); "
            "NAME_FIELD and USE_FIELD name their fields (default: DKMC/XMMC/MC/NAME… and DKYT/YT/XMLX/DLMC…). "
            "Areas are the land-survey ellipsoidal areas (or Gauss-Krüger plane areas). OUTPUT writes one file with "
            "every parcel; OUTPUT_FOLDER one file per layer. The file is GBK (GB18030) with Windows line ends, "
            "or UTF-8."
        ).format(layers=", ".join(self.tr(label) for label in EXCHANGE_LABELS.values()))

    def initAlgorithm(self, _config=None):  # noqa: N802,D102
        project = QgsProcessingParameterFile(PROJECT, self.tr("Project GeoPackage"),
                                             QgsProcessingParameterFile.Behavior.File, "gpkg", optional=True)
        project.setHelp(self.tr("A project GeoPackage written by 'Create project'; LAYERS says which of its "
                                "parcels to write."))
        self.addParameter(project)
        layers = QgsProcessingParameterEnum(LAYERS, self.tr("Project parcels"),
                                            options=[self.tr(label) for label in EXCHANGE_LABELS.values()],
                                            allowMultiple=True, optional=True)
        layers.setHelp(self.tr("Which of the project's parcels to write (default: the project area)."))
        self.addParameter(layers)
        inputs = QgsProcessingParameterMultipleLayers(INPUT, self.tr("Other polygon layers"),
                                                      QgsProcessing.SourceType.TypeVectorPolygon, optional=True)
        inputs.setHelp(self.tr("Any polygon layers to write as well, one parcel per feature."))
        self.addParameter(inputs)
        for key, label, help_text in (
            (NAME_FIELD, self.tr("Parcel name field"),
             self.tr("Field of the parcel name on the layers; default: the first of DKMC, XMMC, MC, NAME, ZLDWMC, "
                     "DLMC, BSM present, else the layer name.")),
            (USE_FIELD, self.tr("Parcel use field"),
             self.tr("Field of the parcel use; default: the first of DKYT, YT, XMLX, DLMC, DLBM present.")),
            (UNIT_NAME, self.tr("Producing unit"),
             self.tr("Written in the attribute description block; default: the project's responsible unit.")),
        ):
            param = QgsProcessingParameterString(key, label, optional=True)
            param.setHelp(help_text)
            self.addParameter(param)
        basis = QgsProcessingParameterEnum(
            AREA_BASIS, self.tr("Parcel area"),
            options=[self.tr("Land-survey ellipsoidal area"), self.tr("Gauss-Krüger plane area")], defaultValue=0)
        basis.setHelp(self.tr("0 = the land-survey ellipsoidal area (as TBMJ), 1 = the plane area of the coordinates."))
        self.addParameter(basis)
        encoding = QgsProcessingParameterEnum(ENCODING, self.tr("Text encoding"),
                                              options=[self.tr("GBK (GB18030)"), "UTF-8"], defaultValue=0)
        encoding.setHelp(self.tr("0 = GBK, what the systems' Windows tools read; 1 = UTF-8."))
        self.addParameter(encoding)
        self.add_repair_parameter()
        output = QgsProcessingParameterFileDestination(OUTPUT, self.tr("Coordinate file (all parcels)"),
                                                       self.tr("Text files (*.txt)"), optional=True)
        output.setHelp(self.tr("One file with every parcel."))
        self.addParameter(output)
        folder = QgsProcessingParameterFolderDestination(OUTPUT_FOLDER, self.tr("Folder for one file per layer"),
                                                         optional=True, createByDefault=False)
        folder.setHelp(self.tr("One file per layer, named after it."))
        self.addParameter(folder)
        self.addOutput(QgsProcessingOutputNumber(PARCEL_COUNT, self.tr("Parcels written")))

    def compute(self, parameters, context, feedback):  # noqa: D102
        output = self.parameterAsFileOutput(parameters, OUTPUT, context) if not _empty(parameters.get(OUTPUT)) else ""
        folder = self.parameterAsString(parameters, OUTPUT_FOLDER, context) \
            if not _empty(parameters.get(OUTPUT_FOLDER)) else ""
        if not output and not folder:
            raise QgsProcessingException(self.tr("Give the coordinate file (OUTPUT) or a folder (OUTPUT_FOLDER)."))
        if output and not output.lower().endswith(".txt"):
            output += ".txt"
        path = self.parameterAsFile(parameters, PROJECT, context) if not _empty(parameters.get(PROJECT)) else ""
        inputs = self.parameterAsLayerList(parameters, INPUT, context) or []
        if not path and not inputs:
            raise QgsProcessingException(self.tr("Give a project GeoPackage (PROJECT) or polygon layers (INPUT)."))
        repair = self.repair_geometry(parameters, context)
        planar = self.parameterAsEnum(parameters, AREA_BASIS, context) == 1
        encoding = ENCODING_KEYS[self.parameterAsEnum(parameters, ENCODING, context)]
        name_field = self.parameterAsString(parameters, NAME_FIELD, context).strip() or None
        use_field = self.parameterAsString(parameters, USE_FIELD, context).strip() or None
        unit = self.parameterAsString(parameters, UNIT_NAME, context).strip()
        groups = []
        with user_errors():
            data = None
            if path:
                data = ProjectData(path, repair=repair, is_canceled=feedback.isCanceled, log=feedback.pushWarning)
                crs = data.crs
                unit = unit or data.unit
            else:
                crs = dltb.check_projected(inputs[0])
            zone = zone_of(crs)
            if data is not None:
                keys = list(EXCHANGE_LAYERS)
                chosen = [keys[0]] if _empty(parameters.get(LAYERS)) else \
                    [keys[i] for i in self.parameterAsEnums(parameters, LAYERS, context)]
                for key in chosen:
                    check_canceled(feedback.isCanceled)
                    title = EXCHANGE_LAYERS[key]
                    layer = exchange_layer(data, key)
                    if layer is None:
                        feedback.pushWarning(self.tr("Left out: {title} (the project has no data for it).").format(
                            title=self.tr(EXCHANGE_LABELS[key])))
                        continue
                    groups.append((title, coordinates.layer_parcels(
                        layer, crs, name_field=name_field if key == "subprojects" else None,
                        use_field=use_field if key == "subprojects" else None, note=title, planar=planar,
                        repair=repair, default_name=title, default_use=title,
                        context=context.transformContext())))
            for layer in inputs:
                check_canceled(feedback.isCanceled)
                title = layer.name()
                groups.append((title, coordinates.layer_parcels(
                    layer, crs, name_field=name_field, use_field=use_field, note=title, planar=planar,
                    repair=repair, default_name=title, context=context.transformContext())))
            header = coordinates.Header(unit=unit, zone=zone)
            count = 0
            if output:
                count = coordinates.write_coordinate_file(output, [p for _, parcels in groups for p in parcels],
                                                          header, encoding)
                feedback.pushInfo(self.tr("{n} parcels written to {path}.").format(n=count, path=output))
            if folder:
                written = self._per_layer(groups, folder, header, encoding, feedback)
                count = count or written
        for title, parcels in groups:
            area = sum(p.area_m2 for p in parcels) / 10_000.0
            feedback.pushInfo(self.tr("{title}: {n} parcels, {area:.4f} ha.").format(title=title, n=len(parcels),
                                                                                     area=area))
        results = {PARCEL_COUNT: count}
        if output:
            results[OUTPUT] = output
        if folder:
            results[OUTPUT_FOLDER] = folder
        return results

    def _per_layer(self, groups, folder, header, encoding, feedback) -> int:
        total = 0
        used = set()
        for title, parcels in groups:
            name = file_name(title)
            while name in used:
                name += "_"
            used.add(name)
            target = Path(folder) / f"{name}.txt"
            total += coordinates.write_coordinate_file(target, parcels, header, encoding)
            feedback.pushInfo(self.tr("{n} parcels written to {path}.").format(n=len(parcels), path=target))
        return total
