"""landconsolidation:exportmaps on small hand-built projects: pages, their text, their colours.

The full project (fixture ``full_project``) has every input a map needs, so it
gets all ten maps; the plan-only project gets the six that need no more than
the DLTB, the plan and the boundary.  Pages are read back with poppler
(pdftotext, pdftoppm), as a person reading the PDF would see them.

Scale of the pages, by hand: the project area is 330 m × 106 m; with the 3 %
margin (9.9 m a side) 349.8 m × 125.8 m must fit a 266 mm × 230 mm frame,
1:1315 at least, rounded up to 1:1500.
"""
import shutil
import subprocess
import time

import pytest
from builders import PLAN_FIELDS, memory_layer, plan_after_rows, plan_before_rows, rect
from land_consolidation.core.maps.pages import PAGES
from qgis import processing
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QImage

ALG = "landconsolidation:exportmaps"
NAME = "东村全域土地综合整治"
#: 0101 水田 in the 三调 colours (resources/data/landuse_colours_sandiao.csv).
PADDY = (248, 208, 114)
PBF_FIELDS = [("BSM", QVariant.Type.String), ("DLBM", QVariant.Type.String)]
ZXM_FIELDS = [("XMBH", QVariant.Type.String), ("XMLX", QVariant.Type.String), ("XMMC", QVariant.Type.String)]


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    assert path, f"{tool} (poppler-utils) is needed; tools/setup_env.sh installs it"
    return path


def page_text(pdf, page: int) -> str:
    """The page's text as pdftotext extracts it (what search and copy in a PDF reader get)."""
    return subprocess.run([poppler("pdftotext"), "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, check=True).stdout.decode("utf-8")


def page_count(pdf) -> int:
    out = subprocess.run([poppler("pdfinfo"), str(pdf)], capture_output=True, check=True).stdout.decode()
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def page_image(pdf, page: int, folder) -> QImage:
    stem = folder / f"page{page}"
    subprocess.run([poppler("pdftoppm"), "-r", "40", "-f", str(page), "-l", str(page), "-singlefile", "-png",
                    str(pdf), str(stem)], check=True)
    image = QImage(str(stem) + ".png")
    assert not image.isNull()
    return image


def pixels(image: QImage) -> dict:
    """(r, g, b) → count over the image."""
    counts: dict = {}
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            key = (colour.red(), colour.green(), colour.blue())
            counts[key] = counts.get(key, 0) + 1
    return counts


def make_project(path, full: bool) -> None:
    layers = {
        "DLTB": memory_layer("DLTB", plan_before_rows(), fields=PLAN_FIELDS),
        "AFTER": memory_layer("DLTB_GH", plan_after_rows(), fields=PLAN_FIELDS),
        "PROJECT_AREA": memory_layer("XMQ", [{"wkt": rect(0, 0, 330, 106)}], fields=[]),
    }
    if full:
        layers["PBF_BEFORE"] = memory_layer("YJJBNTTB", [{"BSM": "P1", "DLBM": "0101", "wkt": rect(0, 0, 100, 100)},
                                                         {"BSM": "P10", "DLBM": "0101",
                                                          "wkt": rect(150, 60, 200, 100)}], fields=PBF_FIELDS)
        layers["PBF_AFTER"] = memory_layer("YJJBNTTB_GH", [{"BSM": "P1", "DLBM": "0101", "wkt": rect(0, 0, 100, 100)},
                                                           {"BSM": "P3", "DLBM": "0102", "wkt": rect(150, 0, 200, 60)}],
                                           fields=PBF_FIELDS)
        layers["SUBPROJECTS"] = memory_layer("ZXM", [
            {"XMBH": "1", "XMLX": "建设用地复垦", "XMMC": "东村拆旧复垦", "wkt": rect(100, 0, 150, 40)},
            {"XMBH": "2", "XMLX": "建新安置", "XMMC": "东村安置点", "wkt": rect(300, 0, 330, 50)}], fields=ZXM_FIELDS)
        # Over the south 30 m of parcel 6 (其他草地 planned as 0702): 900 m² of planned 建设用地 in the red line.
        layers["RED_LINE"] = memory_layer("STBHHX", [{"wkt": rect(300, 0, 330, 30)}], fields=[])
        # A year on: parcel 2 (homestead) is 旱地 as planned; 11 (湿地, unchanged in the plan) has become a house.
        survey = plan_before_rows()
        for row in survey:
            row["DLBM"] = {"2": "0103", "11": "0702"}.get(row["BSM"], row["DLBM"])
        layers["SURVEY"] = [memory_layer("DLTB_2027", survey, fields=PLAN_FIELDS)]
    processing.run("landconsolidation:createproject", {**layers, "NAME": NAME, "START_YEAR": 2026, "END_YEAR": 2027,
                                                       "RESPONSIBLE_UNIT": "某某镇人民政府", "OUTPUT": str(path)})


@pytest.fixture(scope="module")
def full_project(module_provider, tmp_path_factory):
    path = tmp_path_factory.mktemp("maps") / "东村项目.gpkg"
    make_project(path, full=True)
    return path


@pytest.fixture(scope="module")
def full_maps(full_project):
    folder = full_project.parent
    result = processing.run(ALG, {"PROJECT": str(full_project), "OUTPUT_PDF": str(folder / "图件.pdf"),
                                  "OUTPUT_LAYOUTS": str(folder / "图件.qgz")})
    return result


def test_full_project_has_every_map(full_maps):
    pdf = full_maps["OUTPUT_PDF"]
    assert full_maps["PAGES"] == 10 == page_count(pdf)
    assert full_maps["MISSING"] == ""
    for number, page in enumerate(PAGES, start=1):
        text = page_text(pdf, number)
        assert "图例" in text, page.title
        assert NAME in text, page.title
        assert page.title in text
        assert "比例尺 1:1500" in text
        assert "2000国家大地坐标系 高斯-克吕格投影 3度带 第 40 带" in text  # EPSG:4528: 4528 − 4488 = 40
        # 土 and 民 share their glyphs with the radicals ⼟ and ⺠: the text must say the characters.
        assert "编制单位：某某镇人民政府" in text
        assert "编制日期" in text


def test_thematic_legends_carry_the_figures(full_maps):
    """Legends by hand: 调出 P10 (50 × 40 m = 0.2000 公顷), 调入 P3 (50 × 60 m = 0.3000 公顷); the red line
    over 30 × 30 m of the planned homestead site: 0.0900 公顷 (ellipsoidal areas, equal to 4 decimals)."""
    pdf = full_maps["OUTPUT_PDF"]
    pbf = page_text(pdf, 4)
    assert "调出 1 块 0.2000 公顷" in pbf and "调入 1 块 0.3000 公顷" in pbf
    conflicts = page_text(pdf, 9)
    assert "规划建设用地位于生态保护红线内 1 处 0.0900 公顷" in conflicts
    # The progress map at DLTB_2027: planned changes 2 (0.2000, done), 3, 4, 5, 6, 9, 10, 12 (3000 + 2000 + 4000 +
    # 1500 + 3000 + 2000 + 1000 = 16 500 m²: the sub-projects have no year, so all are due by the project's 2027);
    # parcel 11 (30 × 50 m) is the unplanned change.
    progress = page_text(pdf, 10)
    assert "已实施 1 处 0.2000 公顷" in progress
    assert "滞后（到期未实施） 7 处 1.6500 公顷" in progress
    assert "计划外变化 1 处 0.1500 公顷" in progress
    subprojects = page_text(pdf, 7)
    assert "建设用地复垦 1 个 0.2000 公顷" in subprojects  # 50 × 40 m
    assert "建新安置 1 个 0.1500 公顷" in subprojects  # 30 × 50 m


def test_status_page_is_drawn_in_the_sandiao_colours(full_maps, tmp_path):
    """Parcel 1 (0101, 100 m square = 67 mm at 1:1500) fills a large patch with 水田's colour."""
    counts = pixels(page_image(full_maps["OUTPUT_PDF"], 1, tmp_path))
    total = sum(counts.values())
    white = counts.get((255, 255, 255), 0)
    assert total - white > 0.1 * total  # not a blank page
    assert counts.get(PADDY, 0) > 2000


def test_layouts_project_opens_with_every_layout(full_maps, full_project):
    qgz = full_project.parent / "图件.qgz"
    assert qgz.exists() and (full_project.parent / "图件_图层.gpkg").exists()
    project = QgsProject()
    assert project.read(str(qgz))
    assert [layout.name() for layout in project.layoutManager().layouts()] == [page.title for page in PAGES]
    assert all(layer.isValid() for layer in project.mapLayers().values())


def test_plan_only_project_leaves_out_what_it_lacks(module_provider, tmp_path):
    path = tmp_path / "仅规划.gpkg"
    make_project(path, full=False)
    result = processing.run(ALG, {"PROJECT": str(path), "PAPER": 1, "OUTPUT_PDF": str(tmp_path / "a4.pdf")})
    assert result["PAGES"] == 6 == page_count(result["OUTPUT_PDF"])
    assert result["MISSING"].split(";") == ["永久基本农田调整图", "子项目分布图", "约束冲突图", "实施进度图"]
    out = subprocess.run([poppler("pdfinfo"), result["OUTPUT_PDF"]], capture_output=True).stdout.decode()
    assert "842 x 595 pts (A4)" in out


def test_chosen_maps_only(full_project, tmp_path):
    result = processing.run(ALG, {"PROJECT": str(full_project), "MAPS": [0, 8], "OUTPUT_PDF": str(tmp_path / "两张.pdf")})
    assert result["PAGES"] == 2
    assert "约束冲突图" in page_text(result["OUTPUT_PDF"], 2)


def test_export_dialog_writes_the_maps_on_the_task_manager(full_project, tmp_path, chinese):
    from land_consolidation.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(str(full_project))
    dialog.openCheck.setChecked(False)
    assert dialog.mapsOutputWidget.filePath().endswith("东村项目_图件.pdf")
    target = tmp_path / "对话框图件.pdf"
    dialog.mapsOutputWidget.setFilePath(str(target))
    dialog.mapsPaperCombo.setCurrentIndex(1)
    assert dialog.start_maps() is not None
    deadline = time.time() + 120
    while dialog.result_path is None and dialog.error is None:
        QgsApplication.processEvents()
        assert time.time() < deadline, "the map export task did not finish"
        time.sleep(0.02)
    assert dialog.error is None
    assert dialog.result_path == str(target)
    assert page_count(target) == 10


def test_to_unicode_radicals_become_the_characters_drawn():
    """A CMap as Qt writes it: destinations ⼟ (2F1F) and ⺠ (2EA0) become 土 (571F) and 民 (6C11);
    glyph codes (the sources) and runs are left alone, and the length does not change."""
    from land_consolidation.core.maps.pdftext import fix_cmap

    cmap = (b"begincmap\n2 beginbfrange\n<0001> <0003> [<2F1F> <0030> <2EA0>]\n<0021> <0021> <2F1F>\n"
            b"<2F1F> <2F20> <0041>\nendbfrange\n1 beginbfchar\n<0005> <2EA0>\nendbfchar\nendcmap")
    fixed, count = fix_cmap(cmap, {0x2F1F: 0x571F, 0x2EA0: 0x6C11})
    assert fixed == (b"begincmap\n2 beginbfrange\n<0001> <0003> [<571F> <0030> <6C11>]\n<0021> <0021> <571F>\n"
                     b"<2F1F> <2F20> <0041>\nendbfrange\n1 beginbfchar\n<0005> <6C11>\nendbfchar\nendcmap")
    assert count == 4 and len(fixed) == len(cmap)


def test_radical_table_of_the_installed_cjk_font(qgis_app):
    """Noto Sans CJK SC draws ⼟/土 and ⺠/民 with one glyph each (the cause of the radicals in the PDF text)."""
    from land_consolidation.core.maps.fonts import cjk_family
    from land_consolidation.core.maps.pdftext import radical_equivalents

    assert cjk_family() == "Noto Sans CJK SC", "tools/setup_env.sh installs fonts-noto-cjk"
    table = radical_equivalents(cjk_family())
    assert table[0x2F1F] == ord("土") and table[0x2EA0] == ord("民")
