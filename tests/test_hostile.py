"""Hostile input: each case once gave a wrong number without a word, and now gives the right one or says why.

Every case checks what the user is told (the parcel it names) and the
number computed; inputs are never modified (tests/test_outputs.py checks the
files, here the layers are memory layers that no algorithm writes to).
"""
import pytest
from builders import VILLAGE_A, VILLAGE_B, X0, Y0, Log, memory_layer
from land_consolidation.core import dltb, ellipsoid
from qgis import processing
from qgis.core import QgsGeometry, QgsProcessingException
from qgis.PyQt.QtCore import QVariant

#: Number fields as text, as some deliveries have them, so that 'inf', 'NaN' and text can be planted.
TEXT_FIELDS = [("BSM", QVariant.Type.String), ("DLBM", QVariant.Type.String), ("TBMJ", QVariant.Type.String),
               ("KCDLBM", QVariant.Type.String), ("KCXS", QVariant.Type.String), ("KCMJ", QVariant.Type.String),
               ("TBDLMJ", QVariant.Type.String), ("ZLDWDM", QVariant.Type.String), ("ZLDWMC", QVariant.Type.String),
               ("GDDB", QVariant.Type.String)]


def square(k, size=100.0):
    x, y = X0 + 200.0 * k, Y0
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


def row(k, bsm, code, tbmj="10000", kcxs="0", kcmj="0", tbdlmj="10000", gddb="", village=VILLAGE_A, wkt=None):
    return {"BSM": bsm, "DLBM": code, "TBMJ": tbmj, "KCDLBM": "1203" if kcxs not in ("", "0") else "",
            "KCXS": kcxs, "KCMJ": kcmj, "TBDLMJ": tbdlmj, "ZLDWDM": village,
            "ZLDWMC": "东村" if village == VILLAGE_A else "西村", "GDDB": gddb,
            "wkt": square(k) if wkt is None else wkt}




def test_implausible_values_are_named_and_replaced_by_the_rules(qgis_app):
    """Each implausible value is set aside and the 三调 rule for an empty one applies.

    A = the 三调 ellipsoidal area of a 100 m square here (≈ 9 999.90 m²; core/ellipsoid.py, tested against
    the closed-form zone area in tests/test_ellipsoid.py):

    ===  ======================================  =============================================
    BSM  planted                                 used
    ===  ======================================  =============================================
    I1   TBMJ 'inf' (KCXS 0.05, KCMJ/TBDLMJ      TBMJ = A, KCMJ = round(A × 0.05, 2),
         recorded for the wrong TBMJ)            TBDLMJ = A − KCMJ
    I2   TBMJ −5                                 TBMJ = A, KCMJ 0, TBDLMJ = A
    I3   TBMJ 0                                  TBMJ = A, TBDLMJ = A
    I4   KCXS 1.2, KCMJ and TBDLMJ empty          no coefficient: KCMJ 0, TBDLMJ 10 000
    I5   KCMJ 12 000 > TBMJ, TBDLMJ −2 000        KCMJ = round(10 000 × 0.05, 2) = 500, TBDLMJ 9 500
    I6   GDDB 99                                 no 等别 (NaN)
    C7   clean                                   as recorded
    ===  ======================================  =============================================
    """
    layer = memory_layer("DLTB", [
        row(1, "I1", "0101", tbmj="inf", kcxs="0.05", kcmj="500", tbdlmj="9500"),
        row(2, "I2", "0103", tbmj="-5", tbdlmj="-5"),
        row(3, "I3", "0404", tbmj="0", tbdlmj="0"),
        row(4, "I4", "0101", kcxs="1.2", kcmj="", tbdlmj=""),
        row(5, "I5", "0102", kcxs="0.05", kcmj="12000", tbdlmj="-2000"),
        row(6, "I6", "0101", gddb="99"),
        row(7, "C7", "0101", kcxs="0.05", kcmj="500", tbdlmj="9500", gddb="5"),
    ], fields=TEXT_FIELDS)
    parcels = dltb.read_dltb(layer)
    gk = dltb.gauss_kruger_for(layer)
    area = ellipsoid.geometry_area(gk, QgsGeometry.fromWkt(square(1)))
    assert area == pytest.approx(9999.90, abs=0.02)
    frame = parcels.frame.set_index("bsm")
    kcmj = round(area * 0.05, 2)
    assert frame.loc["I1", ["tbmj", "kcmj", "tbdlmj"]].tolist() == pytest.approx([area, kcmj, area - kcmj])
    assert frame.loc["I2", ["tbmj", "kcmj", "tbdlmj"]].tolist() == pytest.approx([area, 0.0, area])
    assert frame.loc["I3", ["tbmj", "tbdlmj"]].tolist() == pytest.approx([area, area])
    assert frame.loc["I4", ["tbmj", "kcmj", "tbdlmj"]].tolist() == pytest.approx([10000.0, 0.0, 10000.0])
    assert frame.loc["I5", ["tbmj", "kcmj", "tbdlmj"]].tolist() == pytest.approx([10000.0, 500.0, 9500.0])
    assert frame.loc["I6", "gddb"] != frame.loc["I6", "gddb"]  # NaN
    assert frame.loc["C7", ["tbmj", "kcmj", "tbdlmj", "gddb"]].tolist() == pytest.approx([10000.0, 500.0, 9500.0, 5.0])
    notes = "\n".join(parcels.notes)
    for bsm, word in (("I1", "NaN, inf"), ("I2", "zero or less"), ("I3", "zero or less"), ("I4", "KCXS"),
                      ("I5", "KCMJ"), ("I6", "GDDB")):
        line = next(n for n in parcels.notes if word in n)
        assert f"BSM {bsm}" in line, (bsm, notes)
    assert "C7" not in notes


def test_an_empty_tbmj_without_a_project_area_is_measured(provider):
    """Once parcels with empty TBMJ/KCMJ/TBDLMJ were dropped when no project area was given
    (黄巷村 0101 10 114.43 m² short).  Now each is measured: 0101 = 10 000 (recorded) + A (measured)."""
    layer = memory_layer("DLTB", [row(1, "E1", "0101", tbmj="", kcmj="", tbdlmj=""), row(2, "R2", "0101")],
                         fields=TEXT_FIELDS)
    area = ellipsoid.geometry_area(dltb.gauss_kruger_for(layer), QgsGeometry.fromWkt(square(1)))
    result = processing.run("landconsolidation:landusestatus", {"INPUT": layer, "GROUP_FIELD": "",
                                                                  "OUTPUT": "memory:"})
    assert result["TOTAL_AREA_M2"] == pytest.approx(10000.0 + area, abs=0.01)


def test_a_code_list_the_size_of_a_layer_gives_a_readable_message(provider):
    """CODE_FIELD=BSM made every BSM an unknown code and an error line of 363 422 characters."""
    rows = [row(k, f"BSM-{k:05d}", "0101") for k in range(300)]
    layer = memory_layer("DLTB", rows, fields=TEXT_FIELDS)
    with pytest.raises(QgsProcessingException) as err:
        processing.run("landconsolidation:landusestatus", {"INPUT": layer, "CODE_FIELD": "BSM", "OUTPUT": "memory:"})
    message = str(err.value)
    assert len(message) < 2000
    assert "300" in message and "BSM-00000" in message


def test_parcels_with_an_empty_village_code_get_a_row_of_their_own(provider, tmp_path):
    """ZLDWDM empty: once a village named 'NULL'; now the group is empty and named as such in the workbook,
    and the village rows still add up to the total (10 000 + 10 000 + 10 000 m² = 3 公顷)."""
    layer = memory_layer("DLTB", [row(1, "A", "0101"), row(2, "B", "0101", village=VILLAGE_B),
                                  row(3, "N", "0101", village="")], fields=TEXT_FIELDS)
    status = processing.run("landconsolidation:landusestatus", {"INPUT": layer, "OUTPUT": "memory:"})
    groups = {f["GROUP"]: f["AREA_M2"] for f in status["OUTPUT"].getFeatures()}
    assert groups == {VILLAGE_A: 10000.0, VILLAGE_B: 10000.0, "": 10000.0}
    import openpyxl

    out = tmp_path / "s.xlsx"
    processing.run("landconsolidation:exportscheme", {"DLTB": layer, "TABLES": [0], "OUTPUT_XLSX": str(out)})
    ws = openpyxl.load_workbook(out).worksheets[0]
    names = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    first = names.index("合计")
    assert names[first + 1:first + 4] == ["东村", "西村", "（坐落单位代码为空）"]
    totals = [ws.cell(first + 1 + k, 3).value for k in range(4)]  # names[i] is row i + 1
    assert totals[0] == pytest.approx(3.0) and sum(totals[1:]) == pytest.approx(totals[0])


def test_a_parcel_recorded_twice_is_named_not_counted_twice(provider):
    """The same polygon twice (same BSM) once doubled its area in every total."""
    rows = [row(1, "A", "0101"), row(1, "A", "0101"), row(2, "B", "0103")]
    area = memory_layer("XMQ", [{"wkt": square(1, 1000)}], fields=[])
    with pytest.raises(QgsProcessingException, match=r"BSM A = BSM A"):
        processing.run("landconsolidation:landusestatus", {"INPUT": memory_layer("DLTB", rows, fields=TEXT_FIELDS),
                                                            "PROJECT_AREA": area, "OUTPUT": "memory:"})
    # Without a project area the geometry is not read for every parcel; the repeated BSM leads to it.
    with pytest.raises(QgsProcessingException, match=r"BSM A = BSM A"):
        processing.run("landconsolidation:landusestatus", {"INPUT": memory_layer("DLTB", rows, fields=TEXT_FIELDS),
                                                            "OUTPUT": "memory:"})


def test_one_bsm_on_two_parcels_is_a_note(provider):
    rows = [row(1, "A", "0101"), row(2, "A", "0101")]
    log = Log()
    result = processing.run("landconsolidation:landusestatus", {
        "INPUT": memory_layer("DLTB", rows, fields=TEXT_FIELDS), "GROUP_FIELD": "", "OUTPUT": "memory:"},
        feedback=log)
    assert result["TOTAL_AREA_M2"] == pytest.approx(20000.0)
    assert any("A" in line and "BSM" in line and "several" in line for line in log.lines)


def test_a_parcel_without_geometry_is_named_when_a_project_area_is_given(provider, tmp_path):
    """The spatial filter once skipped it without a word.  Both readers: a GeoPackage (GDAL's columnar
    read) and a memory layer (QGIS's features); the two parcels with geometry count 20 000 m²."""
    from test_qgis_process import write_gpkg

    rows = [row(1, "A", "0101"), row(2, "B", "0103"), row(3, "NOGEOM", "0101", wkt="")]
    memory = memory_layer("DLTB", rows, fields=TEXT_FIELDS)
    gpkg = write_gpkg(memory, tmp_path / "d.gpkg")
    area = memory_layer("XMQ", [{"wkt": square(0, 2000)}], fields=[])
    for layer in (memory, gpkg):
        log = Log()
        result = processing.run("landconsolidation:landusestatus", {"INPUT": layer, "PROJECT_AREA": area,
                                                                    "OUTPUT": "memory:"}, feedback=log)
        assert result["TOTAL_AREA_M2"] == pytest.approx(20000.0)
        assert any("NOGEOM" in line and "no geometry" in line for line in log.lines), (layer, log.lines)


def test_messages_name_layers_by_their_layer_name(provider, tmp_path):
    """A GeoPackage given as 'file|layername=DLTB' was named after the file ("f06b_mixed") in messages."""
    from test_qgis_process import write_gpkg

    gpkg = write_gpkg(memory_layer("DLTB", [row(1, "X", "9999")], fields=TEXT_FIELDS), tmp_path / "f06b_mixed.gpkg")
    with pytest.raises(QgsProcessingException) as err:
        processing.run("landconsolidation:landusestatus", {"INPUT": gpkg, "OUTPUT": "memory:"})
    assert "'DLTB'" in str(err.value) and "f06b_mixed" not in str(err.value)


def test_a_planned_layer_in_another_crs_gives_the_same_numbers(provider, qgis_app):
    """cultivatedland once refused a plan layer in EPSG:4549 while other algorithms reprojected it.

    The plan of tests/builders.py: 新增耕地 5 380 m² on 16 050 m² of 耕地 (tests/test_compliance.py).  The
    planned layer reprojected to EPSG:4549 (x − 40 000 000) gives the same, and the log says so.
    """
    from builders import PLAN_FIELDS, plan_after_rows, plan_before_rows

    before = memory_layer("DLTB", plan_before_rows(), fields=PLAN_FIELDS)
    after = memory_layer("DLTB_GH", plan_after_rows(), fields=PLAN_FIELDS)
    result = processing.run("native:reprojectlayer", {"INPUT": after, "TARGET_CRS": "EPSG:4549",
                                                     "OUTPUT": "memory:"})
    moved = result["OUTPUT"]
    moved.setName("DLTB_GH")
    log = Log()
    same = processing.run("landconsolidation:cultivatedland", {"BEFORE": before, "AFTER": after,
                                                               "OUTPUT": "memory:"})
    other = processing.run("landconsolidation:cultivatedland", {"BEFORE": before, "AFTER": moved,
                                                                "OUTPUT": "memory:"}, feedback=log)
    assert other["ADDED_M2"] == pytest.approx(same["ADDED_M2"], abs=0.01) == pytest.approx(5380.0, abs=0.01)
    assert other["CULTIVATED_BEFORE_M2"] == pytest.approx(16050.0, abs=0.01)
    assert any("EPSG:4549" in line and "EPSG:4528" in line for line in log.lines)


def test_a_planned_code_field_that_is_not_there_names_the_parameter(provider):
    layer = memory_layer("DLTB", [row(1, "A", "0101")], fields=TEXT_FIELDS)
    with pytest.raises(QgsProcessingException) as err:
        processing.run("landconsolidation:transitionmatrix", {"BEFORE": layer, "AFTER_FIELD": "GHDLBM_TYPO",
                                                              "OUTPUT": "memory:"})
    assert "GHDLBM_TYPO" in str(err.value) and "AFTER_FIELD" in str(err.value) and "'DLTB'" in str(err.value)


@pytest.mark.parametrize("codes", ["1006/1107/1203", "1006,1170,1203", "1006 ，1107；沟渠"])
def test_a_connector_list_with_a_typo_is_refused(provider, codes):
    """A '/' or a typo once silently gave 183 blocks instead of 14."""
    layer = memory_layer("DLTB", [row(1, "A", "0101")], fields=TEXT_FIELDS)
    with pytest.raises(QgsProcessingException, match="CONNECTOR_CODES"):
        processing.run("landconsolidation:contiguity", {"INPUT": layer, "CONNECTOR_CODES": codes,
                                                        "OUTPUT": "memory:"})


def test_opening_a_damaged_project_says_what_is_damaged(qgis_iface, tmp_path):
    """A hand-edited lc_settings once broke *Open project…* with a traceback."""
    import sqlite3

    from land_consolidation.core import project
    from land_consolidation.core.errors import LandConsolidationError

    path = tmp_path / "p.gpkg"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE gpkg_contents (table_name TEXT, data_type TEXT, identifier TEXT, description TEXT)")
        db.execute("CREATE TABLE lc_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("INSERT INTO gpkg_contents VALUES ('lc_settings', 'attributes', 'lc_settings', '')")
        db.execute("INSERT INTO lc_settings VALUES ('villages', '\"not a list\"')")
    with pytest.raises(LandConsolidationError, match="villages"):
        project.read_settings(path)
    # Through the menu: the plugin shows the message in the message bar and opens nothing.
    import land_consolidation
    from qgis.core import Qgis
    from qgis.PyQt.QtWidgets import QFileDialog

    plugin = land_consolidation.classFactory(qgis_iface)
    original = QFileDialog.getOpenFileName
    QFileDialog.getOpenFileName = staticmethod(lambda *args, **kwargs: (str(path), ""))
    before = len(qgis_iface.messageBar().get_messages(Qgis.Critical))
    try:
        plugin.open_project()
    finally:
        QFileDialog.getOpenFileName = original
    shown = qgis_iface.messageBar().get_messages(Qgis.Critical)[before:]
    assert plugin.dialog is None
    assert len(shown) == 1 and "villages" in shown[0] and "lc_settings" in shown[0]
