"""Write the shipped Processing model 全域整治方案一键核算 (processing/models/scheme_one_click.model3).

    /usr/bin/python3 tools/make_model.py [--check]

The model is built with QGIS's model API (QgsProcessingModelAlgorithm), so
that it can be regenerated whenever an algorithm's parameters change;
``--check`` only reports whether the committed file differs from what this
script writes.  The provider registers every ``processing/models/*.model3``
(processing/provider.py), so the model is in the toolbox under the plugin's
provider as ``landconsolidation:全域整治方案一键核算``.

Inputs: the current DLTB, the planned DLTB, 永久基本农田 before and after, the
project area, the sub-projects (optional) and the period.  Steps, each with
one output (named ``<step>:<OUTPUT>``, e.g. ``workbook:WORKBOOK``): land-use
status, transition matrix, 新增耕地, the 永农 review, 耕地 contiguity before
and after, construction land and 增减挂钩, the compliance check, and the
scheme workbook.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from xml.etree.ElementTree import canonicalize

from _bootstrap import ROOT, start_qgis

MODEL_NAME = "全域整治方案一键核算"
TARGET = ROOT / "processing" / "models" / "scheme_one_click.model3"

#: (model parameter name, kind, description, optional).
INPUTS = [
    ("DLTB", "polygon", "现状地类图斑（DLTB）", False),
    ("AFTER", "polygon", "规划地类图斑（DLTB_GH）", False),
    ("PBF_BEFORE", "polygon", "永久基本农田（整治前）", False),
    ("PBF_AFTER", "polygon", "永久基本农田（整治后）", False),
    ("PROJECT_AREA", "polygon", "项目区", False),
    ("SUBPROJECTS", "polygon", "子项目", True),
    ("START_YEAR", "year", "实施起始年度", False),
    ("END_YEAR", "year", "实施结束年度", False),
]

#: (child id, algorithm, description, {child parameter: model parameter}, [(child output, model output, description)]).
STEPS = [
    ("status", "landusestatus", "土地利用现状统计", {"INPUT": "DLTB", "PROJECT_AREA": "PROJECT_AREA"},
     [("OUTPUT", "STATUS", "土地利用现状统计表")]),
    ("transition", "transitionmatrix", "土地利用转移矩阵",
     {"BEFORE": "DLTB", "AFTER": "AFTER", "PROJECT_AREA": "PROJECT_AREA"},
     [("OUTPUT", "MATRIX", "土地利用转移矩阵")]),
    ("cultivated", "cultivatedland", "新增耕地、进出平衡、质量",
     {"BEFORE": "DLTB", "AFTER": "AFTER", "PROJECT_AREA": "PROJECT_AREA"},
     [("OUTPUT", "ADDED", "新增耕地来源表")]),
    ("farmland", "farmlandadjustment", "永久基本农田调整审查",
     {"PBF_BEFORE": "PBF_BEFORE", "PBF_AFTER": "PBF_AFTER", "DLTB": "DLTB", "PROJECT_AREA": "PROJECT_AREA"},
     [("OUTPUT", "PBF_REVIEW", "永久基本农田调整审查表")]),
    ("contiguity_before", "contiguity", "耕地集中连片（整治前）", {"INPUT": "DLTB", "PROJECT_AREA": "PROJECT_AREA"},
     [("OUTPUT", "BLOCKS_BEFORE", "耕地连片地块（整治前）")]),
    ("contiguity_after", "contiguity", "耕地集中连片（整治后）", {"INPUT": "AFTER", "PROJECT_AREA": "PROJECT_AREA"},
     [("OUTPUT", "BLOCKS_AFTER", "耕地连片地块（整治后）")]),
    ("construction", "constructionland", "建设用地与增减挂钩",
     {"BEFORE": "DLTB", "AFTER": "AFTER", "PROJECT_AREA": "PROJECT_AREA", "SUBPROJECTS": "SUBPROJECTS"},
     [("OUTPUT", "LEDGER", "增减挂钩台账")]),
    ("compliance", "compliance", "指标核验",
     {"DLTB": "DLTB", "AFTER": "AFTER", "PROJECT_AREA": "PROJECT_AREA", "PBF_BEFORE": "PBF_BEFORE",
      "PBF_AFTER": "PBF_AFTER", "SUBPROJECTS": "SUBPROJECTS", "START_YEAR": "START_YEAR", "END_YEAR": "END_YEAR"},
     [("OUTPUT", "COMPLIANCE", "指标核验表")]),
    ("workbook", "exportscheme", "方案表格导出",
     {"DLTB": "DLTB", "AFTER": "AFTER", "PROJECT_AREA": "PROJECT_AREA", "PBF_BEFORE": "PBF_BEFORE",
      "PBF_AFTER": "PBF_AFTER", "SUBPROJECTS": "SUBPROJECTS", "START_YEAR": "START_YEAR", "END_YEAR": "END_YEAR"},
     [("OUTPUT_XLSX", "WORKBOOK", "实施方案表格（xlsx）")]),
]

HELP = (
    "一次运行全域综合整治方案的各项核算：土地利用现状统计、土地利用转移矩阵、新增耕地、永久基本农田调整审查、"
    "整治前后耕地集中连片、建设用地与增减挂钩、指标核验，并导出实施方案表格。各步骤的结果与单独运行相应算法相同。"
)


def build_model():
    """The model, built with QGIS's model API."""
    from land_consolidation.core.keys import PROVIDER_ID
    from qgis.core import (
        QgsApplication,
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterNumber,
    )
    from qgis.PyQt.QtCore import QPointF

    # The group is the id of the plugin's own "scheme" group (the provider shows its translated name).
    model = QgsProcessingModelAlgorithm(MODEL_NAME, "scheme", "scheme")
    model.setHelpContent({"ALG_DESC": HELP, "ALG_CREATOR": "land_consolidation", "ALG_VERSION": "1"})
    for row, (name, kind, description, optional) in enumerate(INPUTS):
        if kind == "polygon":
            definition = QgsProcessingParameterFeatureSource(
                name, description, [QgsProcessing.SourceType.TypeVectorPolygon], optional=optional)
        else:
            definition = QgsProcessingParameterNumber(
                name, description, QgsProcessingParameterNumber.Type.Integer, minValue=1900, maxValue=2200,
                defaultValue=2026 if name == "START_YEAR" else 2028)
        component = QgsProcessingModelParameter(name)
        component.setPosition(QPointF(140.0, 80.0 + 95.0 * row))
        component.setDescription(description)
        model.addModelParameter(definition, component)
    for index, (child_id, algorithm, description, sources, outputs) in enumerate(STEPS):
        child = QgsProcessingModelChildAlgorithm(f"{PROVIDER_ID}:{algorithm}")
        child.setChildId(child_id)
        child.setDescription(description)
        x, y = 520.0 + 380.0 * (index % 3), 120.0 + 250.0 * (index // 3)
        child.setPosition(QPointF(x, y))
        for parameter, model_parameter in sources.items():
            child.addParameterSources(parameter, [QgsProcessingModelChildParameterSource.fromModelParameter(
                model_parameter)])
        # Every other parameter with its default as a static value, as the modeler sets them: a required
        # parameter without a source marks the step as invalid (red) in the modeler.
        definition = QgsApplication.processingRegistry().algorithmById(f"{PROVIDER_ID}:{algorithm}")
        for param in definition.parameterDefinitions():
            if param.isDestination() or param.name() in sources or param.defaultValue() is None:
                continue
            child.addParameterSources(param.name(), [QgsProcessingModelChildParameterSource.fromStaticValue(
                param.defaultValue())])
        model_outputs = {}
        for k, (child_output, name, label) in enumerate(outputs):
            output = QgsProcessingModelOutput(name, label)
            output.setChildId(child_id)
            output.setChildOutputName(child_output)
            output.setDescription(label)
            # Offered as a temporary output in the dialog; qgis_process and processing.run need every output given.
            output.setDefaultValue(QgsProcessing.TEMPORARY_OUTPUT)
            output.setMandatory(True)
            output.setPosition(QPointF(x + 150.0, y + 70.0 + 45.0 * k))
            model_outputs[name] = output
        child.setModelOutputs(model_outputs)
        model.addChildAlgorithm(child)
    model.updateDestinationParameters()
    return model


def main() -> int:
    """Write (or, with --check, compare) the model file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="report whether the committed file is up to date")
    args = parser.parse_args()
    os.environ.setdefault("QT_HASH_SEED", "0")  # Qt writes XML attributes in hash order: keep it stable
    start_qgis(with_processing=True)
    model = build_model()
    if args.check:
        with tempfile.TemporaryDirectory() as folder:
            fresh = Path(folder) / TARGET.name
            model.toFile(str(fresh))
            # Compared as canonical XML: the order of attributes is not the model's.
            same = TARGET.exists() and canonicalize(fresh.read_text(encoding="utf-8"), strip_text=True) == \
                canonicalize(TARGET.read_text(encoding="utf-8"), strip_text=True)
        print(f"{TARGET.relative_to(ROOT)}: {'up to date' if same else 'differs – run tools/make_model.py'}")
        return 0 if same else 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    if not model.toFile(str(TARGET)):
        print(f"could not write {TARGET}", file=sys.stderr)
        return 1
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(model.childAlgorithms())} steps, "
          f"{len(model.parameterComponents())} inputs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
