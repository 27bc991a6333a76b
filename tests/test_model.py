"""The shipped model 全域整治方案一键核算: registered, up to date, and equal to its algorithms run one by one."""
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from qgis import processing
from qgis.core import QgsApplication, QgsProcessingUtils, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[1]
MODEL = "landconsolidation:全域整治方案一键核算"
STEPS = ["status", "transition", "cultivated", "farmland", "contiguity_before", "contiguity_after", "construction",
         "compliance", "workbook"]


def rows(value, context=None) -> list:
    """A table output's rows, sorted (the order of equal keys is not the table's meaning)."""
    layer = value if isinstance(value, QgsVectorLayer) else QgsVectorLayer(str(value), "t", "ogr")
    if not layer.isValid() and context is not None:
        layer = QgsProcessingUtils.mapLayerFromString(str(value), context)
    out = []
    keep = [i for i, f in enumerate(layer.fields()) if f.name().lower() != "fid"]  # a GeoPackage's own id
    for feature in layer.getFeatures():
        values = [feature.attributes()[i] for i in keep]
        geom = feature.geometry()
        if geom is not None and not geom.isNull():
            values.append(round(geom.area(), 3))
        out.append(tuple(_plain(v) for v in values))
    return sorted(out, key=repr)


def _plain(value):
    """A cell as text, numbers rounded (a CSV read back gives text, a memory layer numbers)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    try:
        return repr(round(float(value), 6))
    except (TypeError, ValueError):
        return str(value)


def numbers(path) -> dict:
    book = load_workbook(path, read_only=True)
    return {sheet.title: [v for row in sheet.iter_rows(values_only=True) for v in row
                          if isinstance(v, (int, float)) and not isinstance(v, bool)] for sheet in book.worksheets}


def test_model_is_registered_and_up_to_date(provider):
    alg = QgsApplication.processingRegistry().createAlgorithmById(MODEL)
    assert alg is not None
    assert sorted(alg.childAlgorithms()) == sorted(STEPS)
    assert all(child.algorithm() is not None for child in alg.childAlgorithms().values())
    # Valid as the modeler checks it (every required parameter has a source): no step drawn in red.
    assert all(alg.validateChildAlgorithm(step)[0] for step in STEPS)
    assert alg.validate()[0]
    outputs = {d.name() for d in alg.destinationParameterDefinitions()}
    assert "workbook:WORKBOOK" in outputs and "status:STATUS" in outputs and len(outputs) == 9
    check = subprocess.run([sys.executable, str(ROOT / "tools" / "make_model.py"), "--check"], capture_output=True,
                           text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr


def test_model_equals_the_algorithms_one_by_one(sample_gpkg, provider, tmp_path):
    S = f"{sample_gpkg}|layername="
    inputs = {"DLTB": S + "DLTB", "AFTER": S + "DLTB_GH", "PBF_BEFORE": S + "YJJBNTTB", "PBF_AFTER": S + "YJJBNTTB_GH",
              "PROJECT_AREA": S + "XMQ", "SUBPROJECTS": S + "ZXM", "START_YEAR": 2026, "END_YEAR": 2028}
    outputs = {"status:STATUS": tmp_path / "status.csv", "transition:MATRIX": tmp_path / "matrix.csv",
               "cultivated:ADDED": tmp_path / "added.csv", "farmland:PBF_REVIEW": tmp_path / "review.csv",
               "contiguity_before:BLOCKS_BEFORE": tmp_path / "blocks_before.gpkg",
               "contiguity_after:BLOCKS_AFTER": tmp_path / "blocks_after.gpkg",
               "construction:LEDGER": tmp_path / "ledger.csv", "compliance:COMPLIANCE": tmp_path / "compliance.csv",
               "workbook:WORKBOOK": tmp_path / "scheme.xlsx"}
    result = processing.run(MODEL, dict(inputs, **{k: str(v) for k, v in outputs.items()}))
    for key, path in outputs.items():
        assert path.exists(), key

    def alone(alg, params, output="OUTPUT"):
        return processing.run(f"landconsolidation:{alg}", dict(params, **{output: "TEMPORARY_OUTPUT"}))[output]

    area = {"PROJECT_AREA": inputs["PROJECT_AREA"]}
    plan = {"BEFORE": inputs["DLTB"], "AFTER": inputs["AFTER"], **area}
    assert rows(outputs["status:STATUS"]) == rows(alone("landusestatus", {"INPUT": inputs["DLTB"], **area}))
    assert rows(outputs["transition:MATRIX"]) == rows(alone("transitionmatrix", plan))
    assert rows(outputs["cultivated:ADDED"]) == rows(alone("cultivatedland", plan))
    farmland = {"PBF_BEFORE": inputs["PBF_BEFORE"], "PBF_AFTER": inputs["PBF_AFTER"], "DLTB": inputs["DLTB"], **area}
    review = processing.run("landconsolidation:farmlandadjustment", dict(
        farmland, OUTPUT="TEMPORARY_OUTPUT", OUT_PARCELS="TEMPORARY_OUTPUT", IN_PARCELS="TEMPORARY_OUTPUT"))
    assert rows(outputs["farmland:PBF_REVIEW"]) == rows(review["OUTPUT"])
    for side, layer in (("before", inputs["DLTB"]), ("after", inputs["AFTER"])):
        assert rows(outputs[f"contiguity_{side}:BLOCKS_{side.upper()}"]) == \
            rows(alone("contiguity", {"INPUT": layer, **area}))
    assert rows(outputs["construction:LEDGER"]) == rows(alone("constructionland", dict(plan, SUBPROJECTS=inputs[
        "SUBPROJECTS"])))
    compliance = {"DLTB": inputs["DLTB"], "AFTER": inputs["AFTER"], "PBF_BEFORE": inputs["PBF_BEFORE"],
                  "PBF_AFTER": inputs["PBF_AFTER"], "SUBPROJECTS": inputs["SUBPROJECTS"], "START_YEAR": 2026,
                  "END_YEAR": 2028, **area}
    assert rows(outputs["compliance:COMPLIANCE"]) == rows(alone("compliance", compliance))
    processing.run("landconsolidation:exportscheme", dict(compliance, OUTPUT_XLSX=str(tmp_path / "alone.xlsx")))
    assert numbers(outputs["workbook:WORKBOOK"]) == numbers(tmp_path / "alone.xlsx")
    assert result["workbook:WORKBOOK"] == str(outputs["workbook:WORKBOOK"])


@pytest.mark.parametrize("step", STEPS)
def test_every_step_is_laid_out(provider, step):
    """Every step has its own place in the modeler (no two boxes on top of each other)."""
    alg = QgsApplication.processingRegistry().createAlgorithmById(MODEL)
    child = alg.childAlgorithms()[step]
    others = [c.position() for k, c in alg.childAlgorithms().items() if k != step]
    assert child.description()
    assert all(abs(child.position().x() - p.x()) > 150 or abs(child.position().y() - p.y()) > 100 for p in others)
