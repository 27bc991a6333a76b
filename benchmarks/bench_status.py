"""Benchmark: landconsolidation:landusestatus on the generated county.

Prints the time of the DLTB reader through GDAL's columnar path and feature
by feature (a subset string forces the latter), and of the whole algorithm.

    /usr/bin/python3 benchmarks/bench_status.py [--data county.gpkg]

The county is generated when missing (tools/generate_sample.py --parcels 250000).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from _bootstrap import start_qgis  # noqa: E402


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(ROOT / "benchmarks" / "data" / "county.gpkg"))
    args = parser.parse_args()
    data = Path(args.data)
    if not data.exists():
        data.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(ROOT / "tools" / "generate_sample.py"), "--parcels", "250000",
                        "--output", str(data)], check=True)
    start_qgis(with_processing=True)
    from land_consolidation.core import dltb
    from qgis import processing
    from qgis.core import QgsVectorLayer

    uri = f"{data}|layername=DLTB"
    layer = QgsVectorLayer(uri, "DLTB", "ogr")
    print(f"DLTB parcels: {layer.featureCount()}")
    started = time.perf_counter()
    columnar = dltb.read_dltb(layer)
    t_columnar = time.perf_counter() - started
    slow_layer = QgsVectorLayer(uri, "DLTB", "ogr")
    slow_layer.setSubsetString("1 = 1")
    started = time.perf_counter()
    features = dltb.read_dltb(slow_layer)
    t_features = time.perf_counter() - started
    same = columnar.frame.equals(features.frame)
    print(f"read_dltb, GDAL columnar read : {t_columnar:6.2f} s")
    print(f"read_dltb, feature by feature : {t_features:6.2f} s   ratio {t_features / t_columnar:.1f}×, "
          f"same frame: {same}")
    started = time.perf_counter()
    result = processing.run("landconsolidation:landusestatus", {"INPUT": uri, "OUTPUT": "memory:"})
    print(f"landusestatus (whole county, by village): {time.perf_counter() - started:6.2f} s, "
          f"{result['OUTPUT'].featureCount()} rows, total {result['TOTAL_AREA_M2'] / 1e4:.4f} ha")
    return 0


if __name__ == "__main__":
    sys.exit(main())
