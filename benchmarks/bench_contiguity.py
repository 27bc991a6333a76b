"""Benchmark: landconsolidation:contiguity against the obvious QGIS chain, on a county.

The obvious way to find contiguous 耕地 blocks in QGIS is to extract 耕地 and
the connector classes, dissolve them and split the result into single
parts::

    native:extractbyexpression  "DLBM" IN ('0101','0102','0103','1006','1107','1203')
    native:dissolve
    native:multiparttosingleparts

This script times that chain and the plugin's algorithm on the same
GeoPackage, each in a fresh process (so that each peak memory is its own),
and prints both with the ratio side by side.  The plugin is timed twice:
on the GeoPackage layer as it is (read by GDAL's columnar reader) and with
a feature limit above the parcel count, which keeps every parcel but forces
the QGIS feature-by-feature read that memory layers, selections and
filtered layers get.  Default parameters otherwise (metrics per village
included).

Timings cover the algorithm runs only (inputs and outputs in memory), not
starting QGIS.  Peak memory is the process's maximum resident set size;
the line "QGIS started" gives what a process holds before any work.

Usage (the county is generated once when missing; ~90 s for 250 000 parcels)::

    /usr/bin/python3 benchmarks/bench_contiguity.py [--data county.gpkg] [--parcels 250000]
        [--skip-chain] [--skip-feature-api]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

CHAIN_EXPRESSION = "\"DLBM\" IN ('0101','0102','0103','1006','1107','1203')"


def peak_mb() -> float:
    """This process's peak resident set size in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def child(mode: str, data: str) -> dict:
    """Run one measurement in this (fresh) process; returns its figures."""
    from _bootstrap import start_qgis

    start_qgis(with_processing=True)
    from qgis import processing
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

    layer = QgsVectorLayer(f"{data}|layername=DLTB", "DLTB", "ogr")
    if not layer.isValid():
        raise SystemExit(f"cannot open the DLTB layer of {data}")
    started_mb = peak_mb()
    source = layer
    if mode == "feature-api":
        # A feature limit above the count keeps every parcel but, like a
        # selection or a memory layer, sends the read through the QGIS API.
        source = QgsProcessingFeatureSourceDefinition(layer.id(), False, layer.featureCount() + 1)
        QgsProject.instance().addMapLayer(layer)
    t0 = time.perf_counter()
    if mode in ("ours", "feature-api"):
        result = processing.run(
            "landconsolidation:contiguity",
            {"INPUT": source, "OUTPUT": "memory:", "OUTPUT_METRICS": "memory:"},
        )
        seconds = time.perf_counter() - t0
        blocks = result["BLOCK_COUNT"]
        extra = {"blocks_100mu": result["BLOCKS_100MU"], "parcels": result["PARCEL_COUNT"]}
    else:
        extracted = processing.run(
            "native:extractbyexpression", {"INPUT": layer, "EXPRESSION": CHAIN_EXPRESSION, "OUTPUT": "memory:"}
        )["OUTPUT"]
        t1 = time.perf_counter()
        dissolved = processing.run("native:dissolve", {"INPUT": extracted, "OUTPUT": "memory:"})["OUTPUT"]
        t2 = time.perf_counter()
        parts = processing.run("native:multiparttosingleparts", {"INPUT": dissolved, "OUTPUT": "memory:"})["OUTPUT"]
        seconds = time.perf_counter() - t0
        blocks = parts.featureCount()
        extra = {
            "extract_s": t1 - t0,
            "dissolve_s": t2 - t1,
            "singleparts_s": seconds - (t2 - t0),
            "features": extracted.featureCount(),
        }
    return {"mode": mode, "seconds": seconds, "peak_mb": peak_mb(), "started_mb": started_mb, "blocks": blocks,
            **extra}


def measure(mode: str, data: Path) -> dict:
    """Run :func:`child` in a new interpreter and read its JSON line."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--data", str(data)],
        check=True,
        capture_output=True,
        text=True,
    )
    for line in reversed(out.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(f"no result from the {mode} run:\n{out.stdout}\n{out.stderr}")


def ensure_data(path: Path, parcels: int) -> None:
    """Generate the county with tools/generate_sample.py when the file is missing."""
    if path.exists():
        return
    print(f"Generating {parcels} parcels into {path} …", flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate_sample.py"), "--output", str(path),
         "--parcels", str(parcels)],
        check=True,
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT / "benchmarks" / "data" / "county.gpkg"),
                        help="GeoPackage with a DLTB layer (generated when missing)")
    parser.add_argument("--parcels", type=int, default=250_000, help="parcels to generate when --data is missing")
    parser.add_argument("--skip-chain", action="store_true", help="do not time the QGIS chain")
    parser.add_argument("--skip-feature-api", action="store_true", help="do not time the feature-API read path")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(child(args.child, args.data)), flush=True)
        return 0

    data = Path(args.data)
    ensure_data(data, args.parcels)
    print(f"Data: {data} ({data.stat().st_size / 1e6:.0f} MB), {os.cpu_count()} CPU core(s)", flush=True)
    runs = [("ours", "landconsolidation:contiguity (GDAL columnar read)")]
    if not args.skip_feature_api:
        runs.append(("feature-api", "landconsolidation:contiguity (QGIS feature API read)"))
    if not args.skip_chain:
        runs.append(("chain", "QGIS chain: extract → dissolve → singleparts"))
    results = {}
    for mode, label in runs:
        print(f"  running {label} …", flush=True)
        results[mode] = measure(mode, data)

    ours = results["ours"]
    print()
    print(f"{'':52s} {'time (s)':>9s} {'peak RSS (MB)':>14s} {'blocks':>8s}")
    print(f"{'QGIS started, nothing run':52s} {'':>9s} {ours['started_mb']:14.0f}")
    for mode, label in runs:
        r = results[mode]
        print(f"{label:52s} {r['seconds']:9.1f} {r['peak_mb']:14.0f} {r['blocks']:8d}")
    if "chain" in results:
        chain = results["chain"]
        print(
            f"{'':4s}chain steps: extract {chain['extract_s']:.1f} s ({chain['features']} features), "
            f"dissolve {chain['dissolve_s']:.1f} s, single parts {chain['singleparts_s']:.1f} s"
        )
        print()
        print(f"Speed-up (chain / ours): {chain['seconds'] / ours['seconds']:.1f}×", end="")
        if "feature-api" in results:
            print(f"; with the feature-API read: {chain['seconds'] / results['feature-api']['seconds']:.1f}×", end="")
        print()
        print(
            "Blocks differ by design: the chain joins every field along a connector, however far apart; "
            "the plugin joins fields only across a connector gap ≤ MAX_GAP (see README)."
        )
    print(f"Plugin: {ours['parcels']} 耕地 parcels, {ours['blocks']} blocks, {ours['blocks_100mu']} of ≥ 100 亩.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
