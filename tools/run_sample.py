"""The main job on the bundled sample township, headless.

Generates ``sample/sample.gpkg`` when it is missing (tools/generate_sample.py),
runs the plugin's algorithms through Processing and prints the results.
Everything it writes goes to the output folder (default ``output/``).

Usage::

    bash tools/sample.sh [--output DIR] [--regenerate]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from _bootstrap import ROOT, start_qgis

SAMPLE = ROOT / "sample" / "sample.gpkg"
#: The county's mean 耕地等别 the sample is judged against (an assumed figure: the sample is invented; a
#: real scheme takes it from the county's 耕地质量等别 update).
SAMPLE_COUNTY_MEAN_GRADE = 5.0


def ensure_sample(regenerate: bool) -> Path:
    """Generate the sample GeoPackage if needed (also when it predates a layer the job uses)."""
    if regenerate or not SAMPLE.exists() or not _has_layers(SAMPLE, ("DLTB", "DLTB_GH", "DLTB_2027")):
        print(f"== Generating the sample township into {SAMPLE.relative_to(ROOT)} …", flush=True)
        SAMPLE.parent.mkdir(exist_ok=True)
        subprocess.run(
            [sys.executable, str(ROOT / "tools" / "generate_sample.py"), "--output", str(SAMPLE)], check=True
        )
    return SAMPLE


def _has_layers(path: Path, names) -> bool:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            present = {row[0] for row in db.execute("SELECT table_name FROM gpkg_contents")}
    except sqlite3.DatabaseError:
        return False
    return set(names) <= present


def layer_uri(name: str) -> str:
    """URI of a layer of the sample GeoPackage."""
    return f"{SAMPLE}|layername={name}"


def print_status(csv_path: Path) -> None:
    """Print the status table as village × first-level class, in 公顷."""
    import pandas as pd
    from land_consolidation.core.codes import default_table

    table = pd.read_csv(csv_path, dtype={"GROUP": str, "DLBM": str, "GROUP_CODE": str})
    codes = default_table()
    pivot = table.pivot_table(index=["GROUP", "GROUP_NAME"], columns="GROUP_CODE", values="AREA_HA",
                              aggfunc="sum", fill_value=0.0)
    pivot = pivot[sorted(pivot.columns)]
    pivot.columns = [f"{c} {codes.groups.get(c, '?')}" for c in pivot.columns]
    pivot.insert(0, "总面积", pivot.sum(axis=1))
    pivot.loc[("合计", ""), :] = pivot.sum(axis=0)
    pd.set_option("display.width", 250)
    pd.set_option("display.max_columns", 30)
    print("\n土地利用现状（项目区内，按村、一级类；面积单位：公顷）")
    print(pivot.round(4).to_string())
    by_code = table.groupby(["DLBM", "DLMC"], sort=False)[["AREA_M2", "AREA_HA", "AREA_MU"]].sum()
    print("\n按二级地类（m² / 公顷 / 亩）")
    print(by_code.round({"AREA_M2": 2, "AREA_HA": 4, "AREA_MU": 2}).to_string())


def run_scheme(out: Path) -> None:
    """Before/after indicators and the compliance verdict of the sample's plan."""
    from qgis import processing

    plan = {"AFTER": layer_uri("DLTB_GH"), "PROJECT_AREA": layer_uri("XMQ")}
    started = time.perf_counter()
    c = processing.run("landconsolidation:cultivatedland",
                       {"BEFORE": layer_uri("DLTB"), **plan, "OUTPUT": str(fresh(out / "cultivated_sources.csv"))})
    b = processing.run("landconsolidation:constructionland",
                       {"BEFORE": layer_uri("DLTB"), **plan, "SUBPROJECTS": layer_uri("ZXM"),
                        "OUTPUT": str(fresh(out / "linkage_ledger.csv"))})
    e = processing.run("landconsolidation:ecologicalland",
                       {"BEFORE": layer_uri("DLTB"), **plan, "OUTPUT": str(fresh(out / "ecological_land.csv"))})
    processing.run("landconsolidation:transitionmatrix",
                   {"BEFORE": layer_uri("DLTB"), **plan, "OUTPUT": str(fresh(out / "transition_matrix.csv"))})
    print(f"\n== 方案主要指标（项目区，整治前 → 整治后；{time.perf_counter() - started:.1f} s）")
    print(f"耕地（TBDLMJ）      {c['CULTIVATED_BEFORE_M2'] / 1e4:12.4f} → {c['CULTIVATED_AFTER_M2'] / 1e4:12.4f} 公顷")
    print(f"新增耕地            {c['ADDED_M2'] / 1e4:12.4f} 公顷 = {c['ADDED_RATE']:.2f}% 原耕地"
          f"（占项目区 {c['ADDED_RATE_OF_PROJECT_AREA']:.2f}%）")
    print(f"耕地进出            出 {c['OUT_M2'] / 1e4:.4f} 公顷（等别 {c['OUT_QUALITY'] or float('nan'):.2f}），"
          f"进 {c['IN_M2'] / 1e4:.4f} 公顷（等别 {c['IN_QUALITY'] or float('nan'):.2f}）")
    print(f"耕地平均等别        {c['QUALITY_BEFORE']:.3f} → {c['QUALITY_AFTER']:.3f}")
    print(f"建设用地            {b['CONSTRUCTION_BEFORE_M2'] / 1e4:12.4f} → {b['CONSTRUCTION_AFTER_M2'] / 1e4:12.4f} 公顷")
    print(f"增减挂钩            拆旧复垦 {b['RECLAIMED_M2'] / 1e4:.4f}，建新 {b['NEW_BUILD_M2'] / 1e4:.4f}，"
          f"节余 {b['SURPLUS_M2'] / 1e4:.4f} 公顷")
    print("生态用地            " + "；".join(
        f"{name} {e[key.upper() + '_BEFORE_M2'] / 1e4:.4f} → {e[key.upper() + '_AFTER_M2'] / 1e4:.4f}"
        for key, name in (("wetland", "湿地"), ("forest", "林地"), ("grass", "草地"), ("water", "水域"))) + " 公顷")

    f = processing.run("landconsolidation:farmlandadjustment", {
        "PBF_BEFORE": layer_uri("YJJBNTTB"), "PBF_AFTER": layer_uri("YJJBNTTB_GH"), "DLTB": layer_uri("DLTB"),
        "PROJECT_AREA": layer_uri("XMQ"), "OUTPUT": str(fresh(out / "pbf_review.csv")),
        "OUT_PARCELS": str(fresh(out / "pbf_out.gpkg")), "IN_PARCELS": str(fresh(out / "pbf_in.gpkg"))})
    print(f"永久基本农田调整    调出 {f['OUT_M2'] / 1e4:.4f} 公顷（{f['OUT_COUNT']} 块，等别 {f['OUT_QUALITY']:.2f}），"
          f"调入 {f['IN_M2'] / 1e4:.4f} 公顷（{f['IN_COUNT']} 块，等别 {f['IN_QUALITY']:.2f}）；"
          f"新增比例 {f['ADDED_RATIO']:.2f}%，调出比例 {f['OUT_RATIO']:.2f}%，集中连片度 {f['CONTIGUITY_CHANGE']:.2f}%")
    g = processing.run("landconsolidation:contiguity", {
        "INPUT": layer_uri("DLTB"), "AFTER": layer_uri("DLTB_GH"), "PROJECT_AREA": layer_uri("XMQ"),
        "OUTPUT": str(fresh(out / "blocks_before.gpkg")), "OUTPUT_COMPARISON": str(fresh(out / "contiguity.csv"))})
    print(f"耕地集中连片        百亩方 {g['BLOCKS_100MU']} → {g['BLOCKS_100MU_AFTER']}（新增 {g['NEW_BLOCKS_100MU']} 个），"
          f"千亩方 {g['BLOCKS_1000MU']}；百亩方以上占比 {g['SHARE_IN_100MU']:.2f}%；"
          f"耕地图斑 {g['PARCEL_COUNT']} 个，平均 {g['MEAN_PARCEL_M2'] * 0.0015:.2f} 亩（整治前）")

    r = processing.run("landconsolidation:potential", {
        "INPUT": layer_uri("DLTB"), "RED_LINE": layer_uri("STBHHX"), "DEVELOPMENT_BOUNDARY": layer_uri("CZKFBJ"),
        "PBF": layer_uri("YJJBNTTB"), "OUTPUT": str(fresh(out / "potential.gpkg")),
        "OUTPUT_VILLAGES": str(fresh(out / "potential_villages.csv")),
        "OUTPUT_RESERVE": str(fresh(out / "reserve_inventory.csv"))})
    print(f"\n== 潜力调查（估算，全镇）新增耕地 {r['EST_ADDED_M2'] / 1e4:.4f} 公顷 = {r['EST_RATE']:.2f}% 现状耕地；村排名：")
    for item in r["TOP_VILLAGES"].split("; "):
        print("  " + item)

    k = processing.run("landconsolidation:conflicts", {
        "BEFORE": layer_uri("DLTB"), **plan, "RED_LINE": layer_uri("STBHHX"), "PBF_BEFORE": layer_uri("YJJBNTTB"),
        "PBF_AFTER": layer_uri("YJJBNTTB_GH"), "OUTPUT": str(fresh(out / "conflicts.gpkg"))})
    print(f"\n== 约束冲突 {k['CONFLICT_COUNT']} 处：生态保护红线内新增建设用地 {k['BUILD_IN_RED_LINE_M2']:.2f} m²，"
          f"占用永久基本农田的规划建设用地 {k['BUILD_ON_PBF_M2']:.2f} m²，红线内新增耕地 "
          f"{k['NEW_CULTIVATED_IN_RED_LINE_M2']:.2f} m²，25°以上陡坡新增耕地 {k['NEW_CULTIVATED_STEEP_M2']:.2f} m²")

    result = processing.run("landconsolidation:compliance", {
        "DLTB": layer_uri("DLTB"), **plan, "SUBPROJECTS": layer_uri("ZXM"),
        "PBF_BEFORE": layer_uri("YJJBNTTB"), "PBF_AFTER": layer_uri("YJJBNTTB_GH"), "RED_LINE": layer_uri("STBHHX"),
        "COUNTY_MEAN_GRADE": SAMPLE_COUNTY_MEAN_GRADE,
        "OUTPUT": str(fresh(out / "compliance.csv")), "OUTPUT_PARCELS": str(fresh(out / "compliance_parcels.gpkg")),
    })
    import pandas as pd

    table = pd.read_csv(out / "compliance.csv")
    print(f"\n== 指标核验：{result['PASSED_COUNT']} 项通过，{result['FAILED_COUNT']} 项不通过，"
          f"{result['UNCHECKED_COUNT']} 项未核验")
    for row in table.itertuples(index=False):
        value = "—" if pd.isna(row.VALUE) else f"{row.VALUE:.4f}"
        print(f"  [{row.VERDICT}] {row.RULE_NAME}: {value}（阈值 {row.THRESHOLD:g} {row.UNIT}）{row.NOTE}")


def run_progress(out: Path) -> None:
    """实施进度与偏差: the plan against the sample's survey one year on (DLTB_2027)."""
    import pandas as pd
    from qgis import processing

    started = time.perf_counter()
    result = processing.run("landconsolidation:progress", {
        "BASELINE": layer_uri("DLTB"), "AFTER": layer_uri("DLTB_GH"), "SURVEY": [layer_uri("DLTB_2027")],
        "SUBPROJECTS": layer_uri("ZXM"), "PROJECT_AREA": layer_uri("XMQ"), "RED_LINE": layer_uri("STBHHX"),
        "PBF_BEFORE": layer_uri("YJJBNTTB"), "PBF_AFTER": layer_uri("YJJBNTTB_GH"),
        "OUTPUT": str(fresh(out / "progress.csv")), "OUTPUT_INDICATORS": str(fresh(out / "progress_indicators.csv")),
        "OUTPUT_DEVIATIONS": str(fresh(out / "progress_deviations.gpkg")),
        "OUTPUT_CHANGES": str(fresh(out / "progress_changes.gpkg")),
    })
    print(f"\n== 实施进度（DLTB_2027，{time.perf_counter() - started:.1f} s）：规划地类变化 "
          f"{result['PLANNED_CHANGE_M2'] / 1e4:.4f} 公顷，已实施 {result['REALISED_CHANGE_M2'] / 1e4:.4f} 公顷"
          f"（{result['PERCENT_COMPLETE']:.2f} %），计划外变化 {result['UNPLANNED_CHANGE_M2']:.2f} m²，"
          f"已实现新增耕地 {result['REALISED_ADDED_CULTIVATED_M2'] / 1e4:.4f} 公顷")
    table = pd.read_csv(out / "progress.csv", dtype={"SUBPROJECT": str})
    for status, rows in table.groupby("STATUS", sort=False):
        print(f"  {status}：{len(rows)} 个（{'、'.join(rows['NAME'].astype(str).head(4))}{'…' if len(rows) > 4 else ''}）")


def run_export(out: Path) -> None:
    """The project GeoPackage (as the wizard writes it) and the scheme workbook from it."""
    from qgis import processing

    started = time.perf_counter()
    project = processing.run("landconsolidation:createproject", {
        "DLTB": layer_uri("DLTB"), "PROJECT_AREA": layer_uri("XMQ"), "AFTER": layer_uri("DLTB_GH"),
        "PBF_BEFORE": layer_uri("YJJBNTTB"), "PBF_AFTER": layer_uri("YJJBNTTB_GH"), "SUBPROJECTS": layer_uri("ZXM"),
        "RED_LINE": layer_uri("STBHHX"), "DEVELOPMENT_BOUNDARY": layer_uri("CZKFBJ"),
        "SURVEY": [layer_uri("DLTB_2027")], "NAME": "堰墅镇全域土地综合整治项目", "CODE": "WX-QYZZ-2026-03", "TOWNSHIP": "堰墅镇",
        "START_YEAR": 2026, "END_YEAR": 2028, "RESPONSIBLE_UNIT": "堰墅镇人民政府",
        "OUTPUT": str(fresh(out / "堰墅镇全域土地综合整治项目.gpkg")),
    })
    workbook = processing.run("landconsolidation:exportscheme", {
        "PROJECT": project["OUTPUT"], "UNITS": 0, "COUNTY_MEAN_GRADE": SAMPLE_COUNTY_MEAN_GRADE,
        "OUTPUT_XLSX": str(fresh(out / "实施方案表.xlsx")),
        "CSV_FOLDER": str(out / "csv"),
    })
    print(f"\n== 项目文件 {Path(project['OUTPUT']).name}；实施方案表 {Path(workbook['OUTPUT_XLSX']).name}"
          f"（{workbook['SHEET_COUNT']} 张表，{time.perf_counter() - started:.1f} s）")
    if workbook.get("MISSING"):
        print(f"  未输出：{workbook['MISSING']}")
    run_maps(out, Path(project["OUTPUT"]))
    run_coordinates(out, Path(project["OUTPUT"]))


def run_maps(out: Path, project_gpkg: Path) -> None:
    """The scheme's maps (one PDF, A3) and their print layouts (.qgz) from the project GeoPackage."""
    from qgis import processing

    started = time.perf_counter()
    maps = processing.run("landconsolidation:exportmaps", {
        "PROJECT": str(project_gpkg), "OUTPUT_PDF": str(fresh(out / "图件.pdf")),
        "OUTPUT_LAYOUTS": str(fresh(out / "图件.qgz")),
    })
    size = Path(maps["OUTPUT_PDF"]).stat().st_size / 1e6
    print(f"\n== 图件 {Path(maps['OUTPUT_PDF']).name}：{maps['PAGES']} 页，{size:.1f} MB"
          f"（{time.perf_counter() - started:.1f} s）；打印版式 {Path(maps['OUTPUT_LAYOUTS']).name}")
    if maps.get("MISSING"):
        print(f"  未出图：{maps['MISSING']}")


def run_coordinates(out: Path, project_gpkg: Path) -> None:
    """The coordinate files of the project's parcels, and the project area's file read back."""
    from land_consolidation.core import coordinates, dltb, ellipsoid
    from qgis import processing
    from qgis.core import QgsVectorLayer

    folder = out / "坐标文件"
    result = processing.run("landconsolidation:exportcoordinates", {
        "PROJECT": str(project_gpkg), "LAYERS": list(range(7)), "OUTPUT_FOLDER": str(folder)})
    area_file = folder / "项目区.txt"
    read = coordinates.read_coordinate_file(area_file)
    boundary_layer = QgsVectorLayer(f"{project_gpkg}|layername=XMQ", "XMQ", "ogr")
    boundary = next(boundary_layer.getFeatures()).geometry()
    back = coordinates.parcel_geometry(read.parcels[0])
    gk = dltb.gauss_kruger_for(boundary_layer)
    print(f"\n== 坐标文件 {folder.name}/：{result['PARCEL_COUNT']} 个地块；项目区读回："
          f"文件记载 {read.parcels[0].area_ha:.4f} 公顷，读回坐标椭球面积 {ellipsoid.geometry_area(gk, back) / 1e4:.4f} 公顷，"
          f"项目区图层 {ellipsoid.geometry_area(gk, boundary) / 1e4:.4f} 公顷；"
          f"图形差异 {back.symDifference(boundary).area():.6f} m²")


def fresh(path: Path) -> Path:
    """``path`` with any previous output removed (outputs are replaced, not appended)."""
    if path.exists():
        path.unlink()
    return path


def main(argv=None) -> int:
    """Run the sample job."""
    parser = argparse.ArgumentParser(description="Run the plugin on the bundled sample township.")
    parser.add_argument("--output", default=str(ROOT / "output"), help="folder for the outputs (default ./output)")
    parser.add_argument("--regenerate", action="store_true", help="generate the sample again")
    args = parser.parse_args(argv)
    out = Path(args.output).resolve()
    out.mkdir(parents=True, exist_ok=True)

    ensure_sample(args.regenerate)
    start_qgis(with_processing=True)
    from qgis import processing

    print(f"== Outputs go to {out}")
    started = time.perf_counter()
    status_csv = fresh(out / "landusestatus.csv")
    result = processing.run(
        "landconsolidation:landusestatus",
        {"INPUT": layer_uri("DLTB"), "PROJECT_AREA": layer_uri("XMQ"), "OUTPUT": str(status_csv)},
    )
    print(f"\n== landconsolidation:landusestatus ({time.perf_counter() - started:.1f} s) → {status_csv.name}")
    print(f"项目区总面积 Σ TBMJ = {result['TOTAL_AREA_M2']:.2f} m² = {result['TOTAL_AREA_M2'] / 10000:.4f} 公顷 "
          f"= {result['TOTAL_AREA_M2'] * 0.0015:.2f} 亩；图斑 {result['PARCEL_COUNT']} 个")
    print_status(status_csv)

    started = time.perf_counter()
    area_gpkg = fresh(out / "dltb_ellipsoid_area.gpkg")
    result = processing.run(
        "landconsolidation:ellipsoidalarea",
        {"INPUT": layer_uri("DLTB"), "COMPARE_FIELD": "TBMJ", "OUTPUT": str(area_gpkg)},
    )
    print(f"\n== landconsolidation:ellipsoidalarea ({time.perf_counter() - started:.1f} s) → {area_gpkg.name}")
    print(f"三调椭球面积合计 {result['TOTAL_AREA_M2']:.2f} m²；与 TBMJ 最大差 {result['MAX_ABS_DIFF_M2']:.2f} m²")
    run_scheme(out)
    run_progress(out)
    run_export(out)
    print(f"\nDone. Outputs in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
