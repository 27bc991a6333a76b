"""Benchmark: landconsolidation:contiguity on many vertices, on one huge parcel and with a wide MAX_GAP.

The county benchmark (``bench_contiguity.py``) has survey parcels of a few
vertices each.  Real deliveries also have densely digitised boundaries
(curves stroked every half metre), single parcels of very many vertices
and users trying a wide ``MAX_GAP``.  This script builds such data from the
bundled sample township and times the algorithm on each, in a fresh process
per case (so that each peak memory is its own).

Data (written once into ``benchmarks/data/``, ignored by git):

* ``township.gpkg`` – the sample township (``tools/generate_sample.py``,
  3 000 parcels, the default seed);
* ``township_dense.gpkg`` – its DLTB with every boundary densified to 0.5 m
  vertex spacing (OGR's ``Segmentize``, as ``native:densifybydistance``
  does), about 2.2 million vertices;
* ``parcel_100k.gpkg``, ``parcel_1m.gpkg`` – the township's DLTB with its
  largest 耕地 parcel alone densified to 100 000 / 1 000 000 vertices (its
  neighbours unchanged).

Cases (default parameters unless said):

* ``township`` – the sample township as it is (the reference);
* ``township_gap50`` – the same with ``MAX_GAP=50`` (the largest allowed);
* ``township_gap1000`` – ``MAX_GAP=1000``, refused by the parameter's range
  (run it against an older checkout with ``--root``, under a memory cap
  such as ``ulimit -v 6000000``, to see why);
* ``dense`` – the densified township;
* ``dense_gap50`` – the densified township with ``MAX_GAP=50``;
* ``parcel_100k``, ``parcel_1m`` – the one densified parcel.

Each case prints its time (the algorithm run alone, not starting QGIS),
peak memory (the process's maximum resident set size, QGIS included),
block count, 百亩方, the largest block and whether every block polygon is
valid for GEOS.

Usage::

    /usr/bin/python3 benchmarks/bench_contiguity_scale.py [--cases dense,parcel_1m] [--repeat 3]
        [--timeout 600] [--root PATH]

``--root`` runs another checkout of the plugin on the same data (to compare
before and after a change).
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
CASES = {
    # name: (file, parameters)
    "township": ("township.gpkg", {}),
    "township_gap50": ("township.gpkg", {"MAX_GAP": 50.0}),
    "township_gap1000": ("township.gpkg", {"MAX_GAP": 1000.0}),
    "dense": ("township_dense.gpkg", {}),
    "dense_gap50": ("township_dense.gpkg", {"MAX_GAP": 50.0}),
    "parcel_100k": ("parcel_100k.gpkg", {}),
    "parcel_1m": ("parcel_1m.gpkg", {}),
}
DEFAULT_CASES = ("township", "township_gap50", "dense", "parcel_100k", "parcel_1m")
#: Vertex spacing (m) of the densified township.
DENSE_SPACING = 0.5


def peak_mb() -> float:
    """This process's peak resident set size in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


def _vertices(layer) -> int:
    from osgeo import ogr

    total = 0
    for feature in layer:
        geom = feature.GetGeometryRef()
        if geom is not None:
            total += sum(_ring_points(geom.GetGeometryRef(k)) for k in range(geom.GetGeometryCount())) \
                if geom.GetGeometryType() in (ogr.wkbMultiPolygon, ogr.wkbMultiPolygon25D) else _ring_points(geom)
    layer.ResetReading()
    return total


def _ring_points(polygon) -> int:
    return sum(polygon.GetGeometryRef(k).GetPointCount() for k in range(polygon.GetGeometryCount()))


def _copy_dltb(src: Path, dest: Path) -> None:
    from osgeo import gdal

    gdal.UseExceptions()
    options = gdal.VectorTranslateOptions(format="GPKG", layers=["DLTB"], layerName="DLTB")
    gdal.VectorTranslate(str(dest), str(src), options=options)


def build_township(path: Path) -> None:
    """The bundled sample township (3 000 parcels, default seed)."""
    subprocess.run([sys.executable, str(ROOT / "tools" / "generate_sample.py"), "--output", str(path)], check=True)


def build_dense(src: Path, path: Path, spacing: float = DENSE_SPACING) -> None:
    """The township's DLTB with every boundary segmentized to ``spacing`` metres."""
    from osgeo import ogr

    _copy_dltb(src, path)
    ds = ogr.Open(str(path), update=1)
    layer = ds.GetLayerByName("DLTB")
    ds.StartTransaction()
    for feature in layer:
        geom = feature.GetGeometryRef().Clone()
        geom.Segmentize(spacing)
        feature.SetGeometry(geom)
        layer.SetFeature(feature)
    ds.CommitTransaction()
    print(f"  {path.name}: {_vertices(layer)} vertices", flush=True)
    ds = None


def build_one_parcel(src: Path, path: Path, vertices: int) -> None:
    """The township's DLTB with its largest 耕地 parcel densified to about ``vertices`` vertices."""
    from osgeo import ogr

    _copy_dltb(src, path)
    ds = ogr.Open(str(path), update=1)
    layer = ds.GetLayerByName("DLTB")
    layer.SetAttributeFilter("DLBM IN ('0101','0102','0103')")
    largest = max(layer, key=lambda f: f.GetGeometryRef().GetArea())
    layer.SetAttributeFilter(None)
    geom = largest.GetGeometryRef().Clone()
    perimeter = geom.Boundary().Length()
    geom.Segmentize(perimeter / vertices)
    largest.SetGeometry(geom)
    layer.SetFeature(largest)
    count = sum(_ring_points(geom.GetGeometryRef(k)) for k in range(geom.GetGeometryCount()))
    print(f"  {path.name}: parcel BSM {largest.GetField('BSM')} ({geom.GetArea():.0f} m², "
          f"perimeter {perimeter:.0f} m) now has {count} vertices", flush=True)
    ds = None


def ensure_data(cases) -> None:
    """Build the files the chosen cases need (once)."""
    DATA.mkdir(parents=True, exist_ok=True)
    township = DATA / "township.gpkg"
    if not township.exists():
        print(f"Generating {township} …", flush=True)
        build_township(township)
    needed = {CASES[c][0] for c in cases}
    if "township_dense.gpkg" in needed and not (DATA / "township_dense.gpkg").exists():
        print("Densifying the township to 0.5 m …", flush=True)
        build_dense(township, DATA / "township_dense.gpkg")
    for name, count in (("parcel_100k.gpkg", 100_000), ("parcel_1m.gpkg", 1_000_000)):
        if name in needed and not (DATA / name).exists():
            print(f"Densifying one parcel to {count} vertices …", flush=True)
            build_one_parcel(township, DATA / name, count)


# ---------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------


def child(case: str, root: Path) -> dict:
    """Run one case in this (fresh) process; returns its figures."""
    sys.path.insert(0, str(root / "tools"))
    from _bootstrap import start_qgis

    start_qgis(with_processing=True)
    from qgis import processing
    from qgis.core import QgsVectorLayer

    name, params = CASES[case]
    layer = QgsVectorLayer(f"{DATA / name}|layername=DLTB", "DLTB", "ogr")
    if not layer.isValid():
        raise SystemExit(f"cannot open {name}")
    started_mb = peak_mb()
    t0 = time.perf_counter()
    result = processing.run(
        "landconsolidation:contiguity",
        {"INPUT": layer, "OUTPUT": "memory:", "OUTPUT_METRICS": "memory:", **params},
    )
    seconds = time.perf_counter() - t0
    invalid = sum(1 for f in result["OUTPUT"].getFeatures() if not f.geometry().isGeosValid())
    return {
        "case": case, "seconds": seconds, "peak_mb": peak_mb(), "started_mb": started_mb,
        "blocks": result["BLOCK_COUNT"], "blocks_100mu": result["BLOCKS_100MU"],
        "largest_mu": result["LARGEST_BLOCK_M2"] * 15 / 10000, "parcels": result["PARCEL_COUNT"],
        "invalid": invalid,
    }


def measure(case: str, root: Path, timeout: float) -> dict:
    """Run :func:`child` in a new interpreter and read its JSON line (or say why not)."""
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child", case, "--root", str(root)],
            capture_output=True, text=True, timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return {"case": case, "error": f"did not finish in {timeout:.0f} s"}
    for line in reversed(out.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    tail = (out.stderr.strip().splitlines() or ["?"])[-1]
    return {"case": case, "error": f"failed (exit {out.returncode}): {tail[:200]}"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=",".join(DEFAULT_CASES),
                        help=f"comma-separated, of: {', '.join(CASES)}")
    parser.add_argument("--repeat", type=int, default=1, help="runs per case (the median is shown)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before a run is given up")
    parser.add_argument("--root", default=str(ROOT), help="plugin checkout to run (default: this one)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    if args.child:
        print(json.dumps(child(args.child, root)), flush=True)
        return 0

    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        parser.error(f"unknown case(s): {', '.join(unknown)}")
    ensure_data(cases)
    print(f"Plugin: {root}", flush=True)
    print(f"{'case':16s} {'time (s)':>9s} {'runs':>16s} {'peak RSS (MB)':>14s} {'blocks':>7s} {'≥100亩':>7s} "
          f"{'largest (亩)':>13s} {'invalid':>8s}", flush=True)
    for case in cases:
        runs = [measure(case, root, args.timeout) for _ in range(args.repeat)]
        done = [r for r in runs if "error" not in r]
        if not done:
            print(f"{case:16s} {runs[0]['error']}", flush=True)
            continue
        r = done[-1]
        times = sorted(x["seconds"] for x in done)
        print(f"{case:16s} {statistics.median(times):9.1f} {'/'.join(f'{t:.1f}' for t in times):>16s} "
              f"{max(x['peak_mb'] for x in done):14.0f} {r['blocks']:7d} {r['blocks_100mu']:7d} "
              f"{r['largest_mu']:13.2f} {r['invalid']:8d}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
