"""What every algorithm does with its outputs: never over an input, all or nothing, spreadsheet-safe CSV.

Each case checks the inputs are byte-identical afterwards.
"""
import csv
import hashlib
import os
import stat
from pathlib import Path

import pytest
from builders import VILLAGE_A, VILLAGE_B, memory_layer, rect, status_rows
from land_consolidation.core.errors import LandConsolidationError
from land_consolidation.processing.algorithms.base import LandConsolidationAlgorithm, table_fields
from qgis import processing
from qgis.core import QgsFeature, QgsFeatureSink, QgsProcessingException, QgsProcessingParameterFeatureSink
from test_qgis_process import write_gpkg


def digest(folder: Path) -> dict:
    """Every file under ``folder`` → its SHA-256."""
    return {p.relative_to(folder): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture
def inputs(tmp_path, qgis_app):
    folder = tmp_path / "in"
    folder.mkdir()
    dltb = write_gpkg(memory_layer("DLTB", status_rows()), folder / "township.gpkg")
    area = write_gpkg(memory_layer("XMQ", [{"wkt": rect(-10, -10, 500, 300)}], fields=[]), folder / "area.gpkg")
    return folder, dltb, area


def test_createproject_refuses_to_write_over_its_input(provider, inputs):
    """Once, OUTPUT equal to the input GeoPackage replaced it (9 layers became 3, exit code 0)."""
    folder, dltb, area = inputs
    before = digest(folder)
    with pytest.raises(QgsProcessingException) as err:
        processing.run("landconsolidation:createproject", {
            "DLTB": dltb, "PROJECT_AREA": area, "NAME": "x", "START_YEAR": 2026, "END_YEAR": 2028,
            "OUTPUT": str(folder / "township.gpkg")})
    assert "township.gpkg" in str(err.value) and "DLTB" in str(err.value)
    assert digest(folder) == before


def test_a_sink_refuses_to_write_over_its_input_shapefile(provider, tmp_path):
    shp = tmp_path / "dltb.shp"
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    QgsVectorFileWriter.writeAsVectorFormatV3(memory_layer("DLTB", status_rows()), str(shp),
                                              QgsCoordinateTransformContext(), options)
    before = digest(tmp_path)
    for output in (str(shp), str(tmp_path / "dltb.dbf")):
        with pytest.raises(QgsProcessingException, match="dltb"):
            processing.run("landconsolidation:ellipsoidalarea", {"INPUT": str(shp), "OUTPUT": output})
    assert digest(tmp_path) == before


def test_a_failed_run_leaves_no_output(provider, tmp_path):
    """An unknown code stops landusestatus: no CSV, and no temporary file either."""
    rows = status_rows()
    rows[0]["DLBM"] = "9999"
    out = tmp_path / "out" / "status.csv"
    with pytest.raises(QgsProcessingException, match="9999"):
        processing.run("landconsolidation:landusestatus", {"INPUT": memory_layer("DLTB", rows), "OUTPUT": str(out)})
    assert not out.exists()
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


class _WritesThenFails(LandConsolidationAlgorithm):
    """Writes its first output completely, then fails before the second (a run killed half-way)."""

    def name(self):
        return "writesthenfails"

    def displayName(self):  # noqa: N802
        return self.name()

    def initAlgorithm(self, config=None):  # noqa: N802, ARG002
        for key in ("FIRST", "SECOND"):
            self.addParameter(QgsProcessingParameterFeatureSink(key, key))

    def compute(self, parameters, context, feedback):  # noqa: ARG002
        spec = [("VALUE", float)]
        sink, _ = self.parameterAsSink(parameters, "FIRST", context, table_fields(spec))
        feature = QgsFeature(table_fields(spec))
        feature.setAttributes([1.0])
        sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        del sink
        raise LandConsolidationError("half-way")


def test_outputs_are_published_together_or_not_at_all(provider, tmp_path):
    algorithm = _WritesThenFails()
    algorithm.initAlgorithm()
    first, second = tmp_path / "first.csv", tmp_path / "second.gpkg"
    with pytest.raises(QgsProcessingException, match="half-way"):
        processing.run(algorithm, {"FIRST": str(first), "SECOND": str(second)})
    assert list(tmp_path.iterdir()) == []


def test_csv_for_spreadsheets(provider, tmp_path):
    """UTF-8 with a byte-order mark; text a spreadsheet would run as a formula is neutralised; numbers stay."""
    rows = status_rows()
    for row in rows:
        if row["ZLDWDM"] == VILLAGE_A:
            row["ZLDWMC"] = '=HYPERLINK("http://x","东村")'
        if row["ZLDWDM"] == VILLAGE_B:
            row["ZLDWMC"] = "-西村"
    out = tmp_path / "status.csv"
    processing.run("landconsolidation:landusestatus",
                   {"INPUT": memory_layer("DLTB", rows), "GROUP_FIELD": "ZLDWMC", "OUTPUT": str(out)})
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    groups = {row["GROUP"] for row in table}
    assert groups == {'\'=HYPERLINK("http://x","东村")', "'-西村"}
    # Village A's 0101 is 9 500 m² (tests/test_landusestatus.py), written as a number.
    area = next(row["AREA_M2"] for row in table if row["GROUP"].startswith("'=") and row["DLBM"] == "0101")
    assert float(area) == 9500.0
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~_umask()


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_written_files_get_normal_permissions(provider, inputs, tmp_path):
    """Not 0600 (what a temporary file gets): the user's usual mode, 0666 minus the umask."""
    folder, dltb, area = inputs
    project = tmp_path / "project.gpkg"
    processing.run("landconsolidation:createproject", {
        "DLTB": dltb, "PROJECT_AREA": area, "NAME": "x", "START_YEAR": 2026, "END_YEAR": 2028, "OUTPUT": str(project)})
    workbook = tmp_path / "scheme.xlsx"
    processing.run("landconsolidation:exportscheme", {"PROJECT": str(project), "OUTPUT_XLSX": str(workbook)})
    for path in (project, workbook):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_umask(), path
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "in") == ["project.gpkg", "scheme.xlsx"]



def test_an_impossible_output_path_is_a_clear_message(provider, inputs, tmp_path, chinese):
    """An output 'under' a regular file used to end in a traceback."""
    folder, dltb, area = inputs
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    for alg, params in (("landusestatus", {"INPUT": dltb, "OUTPUT": str(blocker / "status.csv")}),
                        ("createproject", {"DLTB": dltb, "PROJECT_AREA": area, "NAME": "x", "START_YEAR": 2026,
                                           "END_YEAR": 2028, "OUTPUT": str(blocker / "p.gpkg")})):
        with pytest.raises(QgsProcessingException) as err:
            processing.run(f"landconsolidation:{alg}", params)
        assert "a_file" in str(err.value) and "文件而不是文件夹" in str(err.value)
        assert "Traceback" not in str(err.value)


@pytest.mark.parametrize("mapping, words", [
    ("[1, 2]", ("FIELD_MAPPING", "list")), ("{not json", ("FIELD_MAPPING", "JSON")),
    ('{"dlbm": "DLBM"}', ("dlbm", "code")), ('{"code": 5}', ("code", "文本")),
])
def test_a_malformed_field_mapping_is_named(provider, inputs, tmp_path, mapping, words, chinese):
    folder, dltb, area = inputs
    with pytest.raises(QgsProcessingException) as err:
        processing.run("landconsolidation:createproject", {
            "DLTB": dltb, "PROJECT_AREA": area, "NAME": "x", "START_YEAR": 2026, "END_YEAR": 2028,
            "FIELD_MAPPING": mapping, "OUTPUT": str(tmp_path / "p.gpkg")})
    assert all(w in str(err.value) for w in words) and "Traceback" not in str(err.value)
    assert not (tmp_path / "p.gpkg").exists()


def _project(inputs, tmp_path):
    folder, dltb, area = inputs
    path = tmp_path / "project.gpkg"
    processing.run("landconsolidation:createproject", {
        "DLTB": dltb, "PROJECT_AREA": area, "NAME": "x", "START_YEAR": 2026, "END_YEAR": 2028, "OUTPUT": str(path)})
    return path


def test_a_damaged_project_file_is_named(provider, inputs, tmp_path, chinese):
    """A hand-edited lc_settings, a truncated file: the message names the file, the table and the key."""
    import sqlite3

    path = _project(inputs, tmp_path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE lc_settings SET value = '{broken' WHERE key = 'field_mapping'")
    with pytest.raises(QgsProcessingException) as err:
        processing.run("landconsolidation:exportscheme", {"PROJECT": str(path), "OUTPUT_XLSX": str(tmp_path / "s.xlsx")})
    assert "project.gpkg" in str(err.value) and "lc_settings" in str(err.value) and "field_mapping" in str(err.value)
    with sqlite3.connect(path) as db:
        db.execute("""UPDATE lc_settings SET value = '"2026"' WHERE key = 'field_mapping'""")
    with pytest.raises(QgsProcessingException, match="field_mapping"):
        processing.run("landconsolidation:exportscheme", {"PROJECT": str(path), "OUTPUT_XLSX": str(tmp_path / "s.xlsx")})
    truncated = tmp_path / "truncated.gpkg"
    truncated.write_bytes(path.read_bytes()[:3000])
    with pytest.raises(QgsProcessingException) as err:
        processing.run("landconsolidation:exportscheme",
                       {"PROJECT": str(truncated), "OUTPUT_XLSX": str(tmp_path / "t.xlsx")})
    assert "truncated.gpkg" in str(err.value) and "损坏" in str(err.value)
    assert not (tmp_path / "s.xlsx").exists() and not (tmp_path / "t.xlsx").exists()


def test_workbook_csvs_are_spreadsheet_safe(provider, tmp_path):
    """The scheme workbook's CSVs: BOM, a village named '=…' written as text, normal permissions."""
    rows = status_rows()
    for row in rows:
        if row["ZLDWDM"] == VILLAGE_A:
            row["ZLDWMC"] = "=东村"
    folder = tmp_path / "csv"
    processing.run("landconsolidation:exportscheme", {
        "DLTB": memory_layer("DLTB", rows), "TABLES": [0], "CSV_FOLDER": str(folder),
        "OUTPUT_XLSX": str(tmp_path / "s.xlsx")})
    files = sorted(folder.glob("*.csv"))
    assert files
    text = files[0].read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    cells = [cell for line in csv.reader(text.decode("utf-8-sig").splitlines()) for cell in line]
    assert not any(cell.startswith("=") for cell in cells)
    assert any(cell.startswith("'=东村") for cell in cells)
    for path in files + [tmp_path / "s.xlsx"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_umask(), path


def test_tables_and_numbers_are_rounded(provider):
    """Areas to 0.01 m², hectares to 4 places, mu, percentages and grades to 2 (core/units.py field_decimals)."""
    from builders import PLAN_FIELDS, plan_before_rows
    from land_consolidation.core.units import field_decimals, round_field
    from land_consolidation.processing.outputs import RoundingSink
    from qgis.core import QgsFeature

    assert [field_decimals(n) for n in ("AREA_M2", "AREA_HA", "AREA_MU", "EST_RATE", "QUALITY", "GDDB", "BSM")] == \
        [2, 4, 2, 2, 2, 2, None]
    assert round_field("ADDED_RATE", 7.6305528025) == 7.63 and round_field("NOTE", "7.6305") == "7.6305"
    # QVariant compares doubles fuzzily: a value a hair off its rounding once stayed as it was.
    kept = []

    class Sink:
        def addFeature(self, feature, flags):  # noqa: N802
            kept.append(feature.attributes())
            return True

    fields = table_fields([("AREA_M2", float), ("NAME", str)])
    feature = QgsFeature(fields)
    feature.setAttributes([32746.15999999999, "x"])
    RoundingSink(Sink(), fields).addFeature(feature)
    assert repr(kept[0][0]) == "32746.16" and kept[0][1] == "x"

    result = processing.run("landconsolidation:cultivatedland", {
        "BEFORE": memory_layer("DLTB", plan_before_rows(), fields=PLAN_FIELDS), "AFTER_FIELD": "GHDLBM",
        "AFTER_GDDB_FIELD": "GHGDDB", "OUTPUT": "memory:"})
    layer = result["OUTPUT"]
    for row in layer.getFeatures():
        for name in layer.fields().names():
            value, decimals = row[name], field_decimals(name)
            if isinstance(value, float) and decimals is not None:
                assert value == round(value, decimals), (name, value)
    for key in ("ADDED_RATE", "QUALITY_AFTER", "OUT_QUALITY", "ADDED_M2"):
        value = result[key]
        assert value is None or value == round(value, field_decimals(key)), (key, value)
