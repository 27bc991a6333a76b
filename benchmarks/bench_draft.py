"""Benchmark: landconsolidation:draftscheme on the generated county, checked by compliance.

Drafts a plan for the whole county (every township's parcels at once: the
largest problem the assistant meets), with the 5 % target and the
construction land the generated plans build (Σ of their 建新) as
NEW_BUILD_M2, once with the default solver (SciPy milp and the greedy
cover, the cheaper kept; the greedy cover alone above 20 000 eligible
candidates) and once with the greedy cover alone; then runs
compliance on the exact draft.  Prints, per solver, the time, the cost, the
lower bound of the linear relaxation and the gap, and the compliance
verdicts of 新增耕地 and 建设用地.

    /usr/bin/python3 benchmarks/bench_draft.py [--data county.gpkg] [--parcels 250000]

The county is generated when missing (tools/generate_sample.py --parcels N).
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from _bootstrap import start_qgis  # noqa: E402


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(ROOT / "benchmarks" / "data" / "county.gpkg"))
    parser.add_argument("--parcels", type=int, default=250000)
    args = parser.parse_args()
    data = Path(args.data)
    if not data.exists():
        data.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(ROOT / "tools" / "generate_sample.py"), "--parcels", str(args.parcels),
                        "--output", str(data)], check=True)
    start_qgis(with_processing=True)
    from qgis import processing
    from qgis.core import QgsVectorLayer

    def uri(layer):
        return f"{data}|layername={layer}"

    dltb = QgsVectorLayer(uri("DLTB"), "DLTB", "ogr")
    gh = QgsVectorLayer(uri("DLTB_GH"), "DLTB_GH", "ogr")
    # The construction land the generated plans build: 0404 beside the village cores planned as 0702.
    before = {f["BSM"]: f["DLBM"] for f in dltb.getFeatures()}
    new_build = sum(f["TBMJ"] for f in gh.getFeatures() if f["DLBM"] == "0702" and before.get(f["BSM"]) == "0404")
    print(f"DLTB parcels: {dltb.featureCount()}; NEW_BUILD_M2 = {new_build:.2f} (the generated plans' 建新)")
    folder = Path(tempfile.mkdtemp(prefix="bench_draft_"))
    runs = {}
    for solver, label in ((0, "default (milp where it is tried)"), (1, "greedy + repair alone")):
        out = folder / f"draft{solver}.gpkg"
        started = time.perf_counter()
        result = processing.run("landconsolidation:draftscheme", {
            "INPUT": uri("DLTB"), "RED_LINE": uri("STBHHX"), "DEVELOPMENT_BOUNDARY": uri("CZKFBJ"),
            "PBF": uri("YJJBNTTB"), "NEW_BUILD_M2": new_build, "START_YEAR": 2026, "END_YEAR": 2028,
            "SOLVER": solver, "OUTPUT": str(out), "OUTPUT_CANDIDATES": str(folder / f"cand{solver}.gpkg"),
            "OUTPUT_SUBPROJECTS": str(folder / f"zxm{solver}.gpkg")})
        seconds = time.perf_counter() - started
        runs[solver] = (out, folder / f"zxm{solver}.gpkg")
        print(f"{label:38s}: {seconds:7.1f} s, solver {result['SOLVER']}, {result['CHOSEN_COUNT']} chosen, "
              f"新增耕地 {result['ADDED_M2']:.2f} m² ({result['ADDED_RATE']:.4f} %), reclaimed "
              f"{result['RECLAIMED_M2']:.2f} m², cost {result['COST']:.2f} 元, LP bound {result['LP_BOUND']:.2f} 元, "
              f"gap {100.0 * (result['COST'] / result['LP_BOUND'] - 1.0):.4f} %, feasible {result['FEASIBLE']}")
    started = time.perf_counter()
    plan, subs = runs[0]
    compliance = processing.run("landconsolidation:compliance", {
        "DLTB": str(plan), "AFTER_FIELD": "GHDLBM", "AFTER_KCXS_FIELD": "GHKCXS", "RED_LINE": uri("STBHHX"),
        "SUBPROJECTS": str(subs), "MAX_TOWNSHIPS": 1000, "OUTPUT": "memory:"})
    verdicts = {f["RULE"]: (f["VERDICT"], f["VALUE"]) for f in compliance["OUTPUT"].getFeatures()}
    print(f"compliance on the exact draft ({time.perf_counter() - started:.1f} s): "
          + "; ".join(f"{rule} {verdicts[rule][0]} ({verdicts[rule][1]:.4f})"
                      for rule in ("ADDED_CULTIVATED", "CONSTRUCTION", "LINKAGE", "NEW_CULTIVATED_NOT_IN_RED_LINE")))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
