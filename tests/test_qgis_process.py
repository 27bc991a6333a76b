"""The algorithms run headless through qgis_process with the plugin installed.

The plugin is installed by tools/install_plugin.py into a fresh, temporary
QGIS profile (QGIS_CUSTOM_CONFIG_PATH), exactly as the README says.
"""
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from builders import memory_layer, rect, status_rows
from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    config = tmp_path_factory.mktemp("qgis_config")
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(config))
    subprocess.run([sys.executable, str(ROOT / "tools" / "install_plugin.py")], env=env, check=True)
    assert (config / "profiles" / "default" / "python" / "plugins" / "land_consolidation" / "metadata.txt").exists()
    return env


def write_gpkg(layer, path):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer.name()
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return f"{path}|layername={layer.name()}"


def qgis_process(env, *args):
    proc = subprocess.run(
        ["qgis_process.bin", "--json", "run", *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    return json.loads(proc.stdout[proc.stdout.index("{"):])


def test_landusestatus_headless(qgis_app, profile, tmp_path):
    dltb = write_gpkg(memory_layer("DLTB", status_rows()), tmp_path / "dltb.gpkg")
    area = write_gpkg(memory_layer("XMQ", [{"wkt": rect(0, -10, 250, 200)}], fields=[]), tmp_path / "xmq.gpkg")
    out = tmp_path / "status.csv"
    result = qgis_process(
        profile, "landconsolidation:landusestatus", "--",
        f"INPUT={dltb}", f"PROJECT_AREA={area}", "GROUP_FIELD=", f"OUTPUT={out}",
    )
    assert result["results"]["TOTAL_AREA_M2"] == pytest.approx(26000.0, abs=0.01)
    with open(out, encoding="utf-8") as handle:
        table = {row["DLBM"]: float(row["AREA_M2"]) for row in csv.DictReader(handle)}
    # Hand-derived in test_landusestatus.test_project_area_cuts_parcels_in_half.
    assert table == pytest.approx(
        {"0101": 14350.0, "0102": 4600.0, "0201": 2500.0, "0702": 2000.0, "1006": 1500.0, "1203": 1050.0}, abs=0.01
    )


def test_ellipsoidalarea_headless(qgis_app, profile, tmp_path):
    dltb = write_gpkg(memory_layer("DLTB", status_rows()), tmp_path / "dltb.gpkg")
    out = tmp_path / "area.gpkg"
    result = qgis_process(
        profile, "landconsolidation:ellipsoidalarea", "--", f"INPUT={dltb}", "COMPARE_FIELD=TBMJ", f"OUTPUT={out}"
    )
    # The rectangles' TBMJ are their plane areas (38 600 m²); 20 km east of the
    # central meridian the GK scale k ≈ 1 + 4.9e-6 makes the ellipsoidal area
    # smaller by ≈ 2 × 4.9e-6 relative, i.e. ≈ 0.38 m² in all.
    total = result["results"]["TOTAL_AREA_M2"]
    assert 38600.0 - 0.5 < total < 38600.0 - 0.25
    assert 0.0 < result["results"]["MAX_ABS_DIFF_M2"] < 0.2


def test_bad_input_fails_cleanly(qgis_app, profile, tmp_path):
    layer = memory_layer("NOCODE", [{"TBMJ": 1.0, "wkt": rect(0, 0, 1, 1)}], fields=[("TBMJ", 6)])
    path = write_gpkg(layer, tmp_path / "nocode.gpkg")
    proc = subprocess.run(
        ["qgis_process.bin", "run", "landconsolidation:landusestatus", "--", f"INPUT={path}",
         f"OUTPUT={tmp_path / 'x.csv'}"],
        env=profile, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode != 0
    assert "DLBM" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert not (tmp_path / "x.csv").exists()


def test_maps_and_coordinates_headless(provider, profile, tmp_path):
    """exportmaps and exportcoordinates run in qgis_process (offscreen, no GUI) on a project GeoPackage.

    The project: status_rows inside the 400 × 106 m rectangle (4.2400 公顷 plane area).
    """
    from qgis import processing

    project = tmp_path / "东西村.gpkg"
    processing.run("landconsolidation:createproject", {
        "DLTB": memory_layer("DLTB", status_rows()), "PROJECT_AREA": memory_layer("XMQ", [{"wkt": rect(0, 0, 400, 106)}],
                                                                                 fields=[]),
        "NAME": "东西村", "START_YEAR": 2026, "END_YEAR": 2027, "OUTPUT": str(project)})
    pdf = tmp_path / "图件.pdf"
    maps = qgis_process(profile, "landconsolidation:exportmaps", "--", f"PROJECT={project}", f"OUTPUT_PDF={pdf}",
                        "UNIT_NAME=某某镇人民政府")
    # No plan, farmland or sub-projects: the current land use and its 耕地 blocks only.
    assert maps["results"]["PAGES"] == 2
    assert pdf.stat().st_size > 10_000
    coordinates = tmp_path / "项目区.txt"
    result = qgis_process(profile, "landconsolidation:exportcoordinates", "--", f"PROJECT={project}", "AREA_BASIS=1",
                          f"OUTPUT={coordinates}")
    assert result["results"]["PARCEL_COUNT"] == 1
    assert "5,4.2400,1,东西村,面,,全域土地综合整治,项目区,@" in coordinates.read_bytes().decode("gb18030")


def test_progress_headless_with_two_surveys(qgis_app, profile, tmp_path):
    """landconsolidation:progress as the README calls it, SURVEY repeated: the figures of tests/test_progress.py."""
    from test_progress import BASELINE, SURVEY_2026, SURVEY_2027, layer_of

    baseline = write_gpkg(layer_of("DLTB", BASELINE, planned=True), tmp_path / "dltb.gpkg")
    surveys = [write_gpkg(layer_of(name, rows), tmp_path / f"{name}.gpkg")
               for name, rows in (("DLTB_2027", SURVEY_2027), ("DLTB_2026", SURVEY_2026))]
    out = tmp_path / "progress.csv"
    result = qgis_process(profile, "landconsolidation:progress", "--", f"BASELINE={baseline}", "AFTER_FIELD=GHDLBM",
                          *[f"SURVEY={s}" for s in surveys], f"OUTPUT={out}",
                          f"OUTPUT_INDICATORS={tmp_path / 'indicators.csv'}",
                          f"OUTPUT_DEVIATIONS={tmp_path / 'deviations.gpkg'}")["results"]
    assert result["PLANNED_CHANGE_M2"] == pytest.approx(33000.0, abs=0.01)
    assert result["PERCENT_COMPLETE"] == pytest.approx(100.0, abs=0.01)
    assert result["UNPLANNED_CHANGE_M2"] == pytest.approx(3500.0, abs=0.01)
    with open(out, encoding="utf-8-sig") as handle:
        rows = [(row["YEAR"], float(row["REALISED_M2"])) for row in csv.DictReader(handle)]
    assert rows == [("2026", pytest.approx(18000.0, abs=0.01)), ("2027", pytest.approx(33000.0, abs=0.01))]


def test_model_and_batch_headless(profile, sample_gpkg, tmp_path):
    """The README's calls of the shipped model and of batchscheme, on the sample township."""
    S = str(sample_gpkg)
    out = tmp_path / "一键核算"
    out.mkdir()
    outputs = {"status:STATUS": "status.csv", "transition:MATRIX": "matrix.csv", "cultivated:ADDED": "sources.csv",
               "farmland:PBF_REVIEW": "pbf_review.csv", "contiguity_before:BLOCKS_BEFORE": "blocks_before.gpkg",
               "contiguity_after:BLOCKS_AFTER": "blocks_after.gpkg", "construction:LEDGER": "ledger.csv",
               "compliance:COMPLIANCE": "compliance.csv", "workbook:WORKBOOK": "scheme.xlsx"}
    layers = [f"DLTB={S}|layername=DLTB", f"AFTER={S}|layername=DLTB_GH", f"PBF_BEFORE={S}|layername=YJJBNTTB",
              f"PBF_AFTER={S}|layername=YJJBNTTB_GH", f"SUBPROJECTS={S}|layername=ZXM"]
    model = qgis_process(profile, "landconsolidation:全域整治方案一键核算", "--", *layers,
                         f"PROJECT_AREA={S}|layername=XMQ", "START_YEAR=2026", "END_YEAR=2028",
                         *[f"{key}={out / name}" for key, name in outputs.items()])
    assert set(model["results"]) == set(outputs)
    assert all((out / name).exists() for name in outputs.values())
    with open(out / "compliance.csv", encoding="utf-8-sig") as handle:
        assert len(list(csv.DictReader(handle))) == 16
    folder = tmp_path / "批量"
    batch = qgis_process(profile, "landconsolidation:batchscheme", "--", *layers,
                         f"PROJECT_AREAS={S}|layername=XMQ", "NAME_FIELD=XMMC", "START_YEAR=2026", "END_YEAR=2028",
                         f"OUTPUT_FOLDER={folder}", f"OUTPUT_SUMMARY={folder / 'summary.csv'}")
    assert batch["results"]["AREA_COUNT"] == 1 and batch["results"]["ERROR_COUNT"] == 0
    with open(folder / "summary.csv", encoding="utf-8-sig") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["ERROR"] == "" and (folder / f"{row['NAME']}.xlsx").exists()
    assert float(row["ADDED_CULTIVATED_M2"]) > 0
