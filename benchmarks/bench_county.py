"""Benchmark: every algorithm on the generated county, the read-once floor and QGIS's own chain, side by side.

    /usr/bin/python3 benchmarks/bench_county.py [--data county.gpkg] [--parcels 250000] [--only NAME …] [--rounds N]

Generates the county when missing (``tools/generate_sample.py --parcels N``),
then runs each measurement in a fresh process and prints its time (from the
call to its return, QGIS's start-up left out) and the process's peak memory
(maximum resident set size, from ``os.wait4``).  Prints:

* the **floor**: reading DLTB, DLTB_GH, YJJBNTTB and YJJBNTTB_GH once with
  their geometries in PyQGIS (``getFeatures``), and the same through GDAL's
  columnar reader;
* ``transitionmatrix`` with the planned layer against **QGIS's chain** on the
  same data – ``native:fieldcalculator`` (the parcel's area) →
  ``native:intersection`` → ``native:fieldcalculator`` (the piece's share of
  TBMJ, the plugin's basis) → ``qgis:statisticsbycategories`` – run through
  ``processing.run`` in one process, the ratio, and the largest difference
  between the two matrices per (current class, planned class);
* ``createproject`` + ``exportscheme`` for the project areas (XMQ, all
  townships) against the floor;
* every algorithm's time and peak memory on the county (the scheme-level ones
  on that project), ``batchscheme`` over the townships' project areas and the
  shipped model on the project area.

Timings on a shared machine are noisy: the ratios compare runs made one
after the other in the same command.  ``--rounds N`` measures the floor,
``createproject`` and ``exportscheme`` N times, in turn, and gives the
ratio of each round (its two runs against its own floor) and their median,
so that the machine's speed drifting between rounds does not count.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

GB = 1024 ** 3


def worker(task: str, data: str, work: str) -> dict:
    """Run one measurement in this process; returns its figures (printed as JSON by ``main``)."""
    from _bootstrap import start_qgis

    start_qgis(with_processing=True)
    from qgis import processing
    from qgis.core import QgsFeatureRequest, QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

    S = f"{data}|layername="
    project = f"{work}/project.gpkg"
    out: dict = {}
    if task == "idle":
        return {"seconds": 0.0}
    if task == "floor":
        started = time.perf_counter()
        count = 0
        for name in ("DLTB", "DLTB_GH", "YJJBNTTB", "YJJBNTTB_GH"):
            layer = QgsVectorLayer(S + name, name, "ogr")
            for feature in layer.getFeatures():
                feature.geometry()
                feature.attributes()
                count += 1
        out["seconds"] = time.perf_counter() - started
        out["features"] = count
        from osgeo import ogr

        started = time.perf_counter()
        dataset = ogr.Open(data)
        for name in ("DLTB", "DLTB_GH", "YJJBNTTB", "YJJBNTTB_GH"):
            for _batch in dataset.GetLayerByName(name).GetArrowStreamAsNumPy():
                pass
        out["columnar_seconds"] = time.perf_counter() - started
        return out
    if task == "native":
        context = QgsProcessingContext()
        context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        context.setEllipsoid("NONE")  # planar areas: the share of TBMJ is a ratio of two of them
        feedback = QgsProcessingFeedback()
        steps = {}
        started = time.perf_counter()
        first = processing.run("native:fieldcalculator", {
            "INPUT": S + "DLTB", "FIELD_NAME": "PARCEL_M2", "FIELD_TYPE": 0, "FIELD_LENGTH": 20,
            "FIELD_PRECISION": 6, "FORMULA": "$area", "OUTPUT": "TEMPORARY_OUTPUT"}, context=context,
            feedback=feedback)["OUTPUT"]
        steps["fieldcalculator (parcel area)"] = time.perf_counter() - started
        mark = time.perf_counter()
        pieces = processing.run("native:intersection", {
            "INPUT": first, "OVERLAY": S + "DLTB_GH", "INPUT_FIELDS": ["DLBM", "TBMJ", "PARCEL_M2"],
            "OVERLAY_FIELDS": ["DLBM"], "OVERLAY_FIELDS_PREFIX": "GH_", "OUTPUT": "TEMPORARY_OUTPUT"},
            context=context, feedback=feedback)["OUTPUT"]
        steps["intersection"] = time.perf_counter() - mark
        mark = time.perf_counter()
        gross = processing.run("native:fieldcalculator", {
            "INPUT": pieces, "FIELD_NAME": "AREA_M2", "FIELD_TYPE": 0, "FIELD_LENGTH": 20, "FIELD_PRECISION": 6,
            "FORMULA": '"TBMJ" * $area / "PARCEL_M2"', "OUTPUT": "TEMPORARY_OUTPUT"}, context=context,
            feedback=feedback)["OUTPUT"]
        steps["fieldcalculator (share of TBMJ)"] = time.perf_counter() - mark
        mark = time.perf_counter()
        stats = processing.run("qgis:statisticsbycategories", {
            "INPUT": gross, "VALUES_FIELD_NAME": "AREA_M2", "CATEGORIES_FIELD_NAME": ["DLBM", "GH_DLBM"],
            "OUTPUT": "TEMPORARY_OUTPUT"}, context=context, feedback=feedback)["OUTPUT"]
        steps["statisticsbycategories"] = time.perf_counter() - mark
        out["seconds"] = time.perf_counter() - started
        out["steps"] = steps
        out["pieces"] = pieces.featureCount()
        out["matrix"] = [[f["DLBM"], f["GH_DLBM"], f["sum"]] for f in stats.getFeatures()]
        return out
    runs = {
        "transitionmatrix": ("transitionmatrix", {"BEFORE": S + "DLTB", "AFTER": S + "DLTB_GH",
                                                  "OUTPUT": f"{work}/matrix.csv"}),
        "transitionmatrix (AFTER_FIELD)": ("transitionmatrix", {"BEFORE": S + "DLTB", "AFTER_FIELD": "GHDLBM",
                                                                "OUTPUT": f"{work}/matrix_field.csv"}),
        "landusestatus": ("landusestatus", {"INPUT": S + "DLTB", "OUTPUT": f"{work}/status.csv"}),
        "cultivatedland": ("cultivatedland", {"BEFORE": S + "DLTB", "AFTER": S + "DLTB_GH",
                                              "OUTPUT": f"{work}/sources.csv"}),
        "constructionland": ("constructionland", {"BEFORE": S + "DLTB", "AFTER": S + "DLTB_GH",
                                                  "SUBPROJECTS": S + "ZXM", "OUTPUT": f"{work}/ledger.csv"}),
        "ecologicalland": ("ecologicalland", {"BEFORE": S + "DLTB", "AFTER": S + "DLTB_GH",
                                              "OUTPUT": f"{work}/eco.csv"}),
        "farmlandadjustment": ("farmlandadjustment", {
            "PBF_BEFORE": S + "YJJBNTTB", "PBF_AFTER": S + "YJJBNTTB_GH", "DLTB": S + "DLTB",
            "OUTPUT": f"{work}/review.csv", "OUT_PARCELS": f"{work}/out.gpkg", "IN_PARCELS": f"{work}/in.gpkg"}),
        "contiguity": ("contiguity", {"INPUT": S + "DLTB", "OUTPUT": f"{work}/blocks.gpkg"}),
        "potential": ("potential", {"INPUT": S + "DLTB", "RED_LINE": S + "STBHHX", "DEVELOPMENT_BOUNDARY":
                                    S + "CZKFBJ", "PBF": S + "YJJBNTTB", "OUTPUT": f"{work}/potential.gpkg",
                                    "OUTPUT_VILLAGES": f"{work}/villages.csv",
                                    "OUTPUT_RESERVE": f"{work}/reserve.csv"}),
        "conflicts": ("conflicts", {"BEFORE": S + "DLTB", "AFTER": S + "DLTB_GH", "RED_LINE": S + "STBHHX",
                                    "PBF_BEFORE": S + "YJJBNTTB", "PBF_AFTER": S + "YJJBNTTB_GH",
                                    "OUTPUT": f"{work}/conflicts.gpkg"}),
        "compliance": ("compliance", {"DLTB": S + "DLTB", "AFTER": S + "DLTB_GH", "PBF_BEFORE": S + "YJJBNTTB",
                                      "PBF_AFTER": S + "YJJBNTTB_GH", "SUBPROJECTS": S + "ZXM",
                                      "RED_LINE": S + "STBHHX", "START_YEAR": 2026, "END_YEAR": 2028,
                                      "OUTPUT": f"{work}/compliance.csv"}),
        "ellipsoidalarea": ("ellipsoidalarea", {"INPUT": S + "DLTB", "OUTPUT": f"{work}/area.gpkg"}),
        "checkdata": ("checkdata", {"INPUT": S + "DLTB", "OUTPUT": f"{work}/findings.csv"}),
        "createproject": ("createproject", {
            "DLTB": S + "DLTB", "PROJECT_AREA": S + "XMQ", "AFTER": S + "DLTB_GH", "PBF_BEFORE": S + "YJJBNTTB",
            "PBF_AFTER": S + "YJJBNTTB_GH", "SUBPROJECTS": S + "ZXM", "RED_LINE": S + "STBHHX",
            "DEVELOPMENT_BOUNDARY": S + "CZKFBJ", "NAME": "县域项目区", "START_YEAR": 2026, "END_YEAR": 2028,
            "OUTPUT": project}),
        "exportscheme": ("exportscheme", {"PROJECT": project, "OUTPUT_XLSX": f"{work}/scheme.xlsx"}),
        "exportmaps": ("exportmaps", {"PROJECT": project, "OUTPUT_PDF": f"{work}/maps.pdf"}),
        "exportcoordinates": ("exportcoordinates", {"PROJECT": project, "LAYERS": [0, 1, 2, 3, 4, 5, 6],
                                                    "OUTPUT_FOLDER": f"{work}/coordinates"}),
        "batchscheme": ("batchscheme", {
            "DLTB": S + "DLTB", "AFTER": S + "DLTB_GH", "PBF_BEFORE": S + "YJJBNTTB", "PBF_AFTER": S + "YJJBNTTB_GH",
            "SUBPROJECTS": S + "ZXM", "PROJECT_AREAS": S + "XMQ", "NAME_FIELD": "XMMC", "START_YEAR": 2026,
            "END_YEAR": 2028, "OUTPUT_FOLDER": f"{work}/batch", "OUTPUT_SUMMARY": f"{work}/batch/summary.csv"}),
        "model 全域整治方案一键核算": ("全域整治方案一键核算", dict(
            {"DLTB": S + "DLTB", "AFTER": S + "DLTB_GH", "PBF_BEFORE": S + "YJJBNTTB",
             "PBF_AFTER": S + "YJJBNTTB_GH", "PROJECT_AREA": S + "XMQ", "SUBPROJECTS": S + "ZXM",
             "START_YEAR": 2026, "END_YEAR": 2028},
            **{key: f"{work}/model_{name}" for key, name in (
                ("status:STATUS", "status.csv"), ("transition:MATRIX", "matrix.csv"),
                ("cultivated:ADDED", "sources.csv"), ("farmland:PBF_REVIEW", "review.csv"),
                ("contiguity_before:BLOCKS_BEFORE", "blocks_before.gpkg"),
                ("contiguity_after:BLOCKS_AFTER", "blocks_after.gpkg"), ("construction:LEDGER", "ledger.csv"),
                ("compliance:COMPLIANCE", "compliance.csv"), ("workbook:WORKBOOK", "scheme.xlsx"))})),
    }
    name, params = runs[task]
    started = time.perf_counter()
    result = processing.run(f"landconsolidation:{name}", params)
    out["seconds"] = time.perf_counter() - started
    if task.startswith("transitionmatrix"):
        out["matrix"] = read_matrix(params["OUTPUT"])
    if task == "batchscheme":
        out["areas"] = result["AREA_COUNT"]
        out["errors"] = result["ERROR_COUNT"]
    if task == "createproject":
        out["parcels"] = result["PARCEL_COUNT"]
    return out


def read_matrix(path) -> list:
    """The plugin's matrix CSV as ``[[from, to, m²], …]``."""
    import csv

    with open(path, encoding="utf-8-sig") as handle:
        return [[row["FROM_DLBM"], row["TO_DLBM"], float(row["AREA_M2"])] for row in csv.DictReader(handle)]


def run(task: str, data: Path, work: Path) -> dict:
    """One measurement in a fresh process; adds its peak memory (``peak_bytes``) from ``os.wait4``."""
    with tempfile.TemporaryFile("w+") as stdout:
        process = subprocess.Popen([sys.executable, __file__, "--worker", task, "--data", str(data),
                                    "--work", str(work)], stdout=stdout, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        text = stdout.read()
    marker = text.rfind("\n@@")
    if process.returncode != 0 or marker < 0:
        return {"error": f"exit {process.returncode}", "peak_bytes": usage.ru_maxrss * 1024}
    figures = json.loads(text[marker + 3:])
    figures["peak_bytes"] = usage.ru_maxrss * 1024  # KiB on Linux
    return figures


def base_codes(matrix) -> dict:
    """(from, to) → m² with suffixed codes as their base code (the plugin's classes)."""
    from land_consolidation.core import codes

    table = codes.default_table()
    out: dict = {}
    for a, b, area in matrix:
        key = (table.lookup(a).base, table.lookup(b).base)
        out[key] = out.get(key, 0.0) + float(area or 0.0)
    return out


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(ROOT / "benchmarks" / "data" / "county.gpkg"))
    parser.add_argument("--parcels", type=int, default=250_000, help="parcels of a county generated when missing")
    parser.add_argument("--only", nargs="*", help="run only these measurements")
    parser.add_argument("--rounds", type=int, default=1,
                        help="rounds of floor, createproject and exportscheme for their ratio (median of the rounds)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        figures = worker(args.worker, args.data, args.work)
        print("\n@@" + json.dumps(figures, ensure_ascii=False))
        return 0
    data = Path(args.data)
    if not data.exists():
        data.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(ROOT / "tools" / "generate_sample.py"), "--parcels", str(args.parcels),
                        "--output", str(data)], check=True)
    from _bootstrap import load_plugin_package

    load_plugin_package()
    order = ["idle", "floor", "transitionmatrix", "native", "transitionmatrix (AFTER_FIELD)", "createproject",
             "exportscheme", "landusestatus", "cultivatedland", "constructionland", "ecologicalland",
             "farmlandadjustment", "contiguity", "potential", "conflicts", "compliance", "ellipsoidalarea",
             "checkdata", "exportmaps", "exportcoordinates", "batchscheme", "model 全域整治方案一键核算"]
    wanted = [t for t in order if not args.only or t in args.only or t in ("idle", "floor")]
    if args.only and ("exportscheme" in wanted or "exportmaps" in wanted or "exportcoordinates" in wanted) \
            and "createproject" not in wanted:
        wanted.insert(wanted.index("floor") + 1, "createproject")
    print(f"County: {data} ({data.stat().st_size / 1e6:.0f} MB); {os.cpu_count()} cores; load average "
          f"{os.getloadavg()[0]:.1f}")
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="bench_county_") as folder:
        work = Path(folder)
        for task in wanted:
            figures = run(task, data, work)
            results[task] = figures
            if "error" in figures:
                print(f"{task:<34} FAILED ({figures['error']})", flush=True)
                continue
            print(f"{task:<34} {figures['seconds']:8.1f} s   peak {figures['peak_bytes'] / 2**20:7.0f} MB"
                  + ("" if figures["peak_bytes"] < 2 * GB else "   (over 2 GB)"), flush=True)
    print()
    floor = results.get("floor", {})
    if "seconds" in floor:
        print(f"Floor: {floor['features']} features of DLTB, DLTB_GH, YJJBNTTB, YJJBNTTB_GH read with their "
              f"geometries: {floor['seconds']:.1f} s through PyQGIS (getFeatures), {floor['columnar_seconds']:.1f} s "
              "through GDAL's columnar reader")
    native, ours = results.get("native", {}), results.get("transitionmatrix", {})
    if "seconds" in native and "seconds" in ours:
        steps = ", ".join(f"{k} {v:.1f} s" for k, v in native["steps"].items())
        a, b = base_codes(ours["matrix"]), base_codes(native["matrix"])
        keys = set(a) | set(b)
        worst = max(abs(a.get(k, 0.0) - b.get(k, 0.0)) for k in keys) if keys else 0.0
        print(f"transitionmatrix (AFTER layer) {ours['seconds']:.1f} s against QGIS's chain {native['seconds']:.1f} s "
              f"({steps}; {native['pieces']} pieces): {native['seconds'] / ours['seconds']:.1f}× faster; "
              f"{len(keys)} transitions, largest difference {worst:.4f} m²")
    made, exported = results.get("createproject", {}), results.get("exportscheme", {})
    if "seconds" in made and "seconds" in exported and "seconds" in floor:
        total = made["seconds"] + exported["seconds"]
        print(f"createproject + exportscheme for the project areas ({made.get('parcels')} parcels): "
              f"{made['seconds']:.1f} + {exported['seconds']:.1f} = {total:.1f} s = {total / floor['seconds']:.1f}× "
              f"the floor read through PyQGIS ({total / floor['columnar_seconds']:.0f}× the columnar read)")
        rounds = [(floor["seconds"], made["seconds"], exported["seconds"])]
        with tempfile.TemporaryDirectory(prefix="bench_county_") as folder:
            for _ in range(args.rounds - 1):
                again = [run(task, data, Path(folder)) for task in ("floor", "createproject", "exportscheme")]
                if all("seconds" in figures for figures in again):
                    rounds.append(tuple(figures["seconds"] for figures in again))
        if len(rounds) > 1:
            listing = "; ".join(f"{f:.1f} | {c:.1f} + {e:.1f} → {(c + e) / f:.2f}×" for f, c, e in rounds)
            print(f"Rounds (floor | createproject + exportscheme → ratio): {listing}; median ratio "
                  f"{statistics.median((c + e) / f for f, c, e in rounds):.2f}×")
    peaks = [(t, f["peak_bytes"]) for t, f in results.items() if "peak_bytes" in f and t not in ("idle",)]
    if peaks:
        task, peak = max(peaks, key=lambda item: item[1])
        print(f"Largest peak memory: {task} {peak / 2**20:.0f} MB "
              f"({'under' if peak < 2 * GB else 'OVER'} 2 GB; QGIS alone {results['idle']['peak_bytes'] / 2**20:.0f} MB)")
    batch = results.get("batchscheme", {})
    if "seconds" in batch:
        print(f"batchscheme: {batch['areas']} project areas ({batch['errors']} failed) in {batch['seconds']:.1f} s, "
              f"{batch['seconds'] / max(batch['areas'], 1):.1f} s an area")
    return 0


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    sys.exit(main())
