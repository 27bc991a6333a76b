"""Potential survey (I14) on a hand-built layer; every figure derived on paper.

Rules: the defaults – target 田坎 coefficient 0.03, slope grade ≤ 4,
development codes 0404/1204/1205/1206, clusters joined within 50 m and small
when Σ TBMJ ≤ 10 000 m², inside a layer from 50 % of the parcel's area.
A parcel becoming 耕地 is estimated at TBMJ − round(0.03 × TBMJ, 2), i.e.
0.97 × TBMJ here; a 田坎 candidate at KCMJ − 0.03 × TBMJ.

Village A (东村), x/y in metres from the builders' origin:

====  =====  ==================  ======  ========================  ==========================
BSM   code   rectangle           TBMJ    attributes                expected
====  =====  ==================  ======  ========================  ==========================
K1    0201K  0,0 – 50,40         2000                              restorable K, 1940
K2    1104K  50,0 – 100,40       2000    GDPDJB 5                  excluded: slope
D1    0404   100,0 – 150,40      2000    GDPDJB 2; 10 % in red     development, 1940
D2    1206   150,0 – 200,40      2000    all in the red line       excluded: red_line
D3    0404   200,0 – 250,40      2000    GDPDJB 5; 10 % in red     excluded: slope
G1    0201   250,0 – 300,40      2000    GDPDJB 1                  (garden option) 1940
G2    0307   300,0 – 350,40      2000    GDPDJB 3                  (garden option) slope
F1    0101   0,100 – 100,200     10000   KCXS 0.08: KCMJ 800       tiankan 800 − 300 = 500
F2    0101   100,100 – 200,200   10000   KCXS 0.02: KCMJ 200       none (below the target)
F3    0103   200,100 – 300,200   10000   KCXS 0.06, GDPDJB 5       excluded: slope
H1    0702   400,0 – 420,30      600     203, alone                reclamation, 582
C1    0702   600,0 – 700,100     10000   203 ┐ one cluster, 30 m   excluded: village_core
C2    0702   730,0 – 760,30      900     203 ┘ apart: 10 900 m²    excluded: village_core
H2    0702   400,300 – 430,330   900     203, in 城镇开发边界        excluded: dev_boundary
I1    0601   500,300 – 530,330   900     no CZCSXM, 70 m from H2   reclamation, 873
U1    0702   600,300 – 640,330   1200    202 (建制镇)               nothing (urban)
M1    0602   0,400 – 100,500     10000   204                       mine, 9700
BIG   0101   0,800 – 400,1000    80000   KCXS 0.03: KCMJ 2400      none (gain 0)
====  =====  ==================  ======  ========================  ==========================

Village B (西村):

====  =====  ==================  ======  ========================  ==========================
K3    0301K  0,600 – 50,640      2000    inside the PBF            restorable K, 1940, IN_PBF
F4    0102   100,600 – 200,700   10000   KCXS 0.05: KCMJ 500       tiankan 500 − 300 = 200
H3    0702   300,600 – 320,620   400     203 ┐ 20 m apart: one     reclamation, 388
H4    0702   340,600 – 360,620   400     203 ┘ cluster of 800 m²   reclamation, 388
====  =====  ==================  ======  ========================  ==========================

Village A: Σ TBMJ = 7 × 2000 + 3 × 10000 + 600 + 10000 + 3 × 900 + 1200 + 10000
+ 80000 = 148 500; 耕地 (TBDLMJ) = 9200 + 9800 + 9400 + 77 600 = 106 000;
estimate = 1940 + 1940 + 500 + 582 + 873 + 9700 = 15 535, rate 14.6557 %.
Village B: Σ TBMJ = 12 800; 耕地 9500; estimate = 1940 + 200 + 388 + 388 =
2916, rate 30.6947 %.  By rate B ranks first, by area A.  Total 18 451 of
耕地 115 500 (15.9749 %).
"""
import numpy as np
import pytest
from builders import DLTB_FIELDS, VILLAGE_A, VILLAGE_B, memory_layer, parcel, rect
from qgis import processing
from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QVariant

FIELDS = DLTB_FIELDS + [("CZCSXM", QVariant.Type.String), ("GDPDJB", QVariant.Type.String), ("GBZ", QVariant.Type.String)]

#: (BSM, code, rectangle, TBMJ, village, KCXS, CZCSXM, GDPDJB)
PARCELS = [
    ("K1", "0201K", (0, 0, 50, 40), 2000.0, VILLAGE_A, None, "", ""),
    ("K2", "1104K", (50, 0, 100, 40), 2000.0, VILLAGE_A, None, "", "5"),
    ("D1", "0404", (100, 0, 150, 40), 2000.0, VILLAGE_A, None, "", "2"),
    ("D2", "1206", (150, 0, 200, 40), 2000.0, VILLAGE_A, None, "", ""),
    ("D3", "0404", (200, 0, 250, 40), 2000.0, VILLAGE_A, None, "", "5"),
    ("G1", "0201", (250, 0, 300, 40), 2000.0, VILLAGE_A, None, "", "1"),
    ("G2", "0307", (300, 0, 350, 40), 2000.0, VILLAGE_A, None, "", "3"),
    ("F1", "0101", (0, 100, 100, 200), 10000.0, VILLAGE_A, 0.08, "", "1"),
    ("F2", "0101", (100, 100, 200, 200), 10000.0, VILLAGE_A, 0.02, "", "1"),
    ("F3", "0103", (200, 100, 300, 200), 10000.0, VILLAGE_A, 0.06, "", "5"),
    ("H1", "0702", (400, 0, 420, 30), 600.0, VILLAGE_A, None, "203", ""),
    ("C1", "0702", (600, 0, 700, 100), 10000.0, VILLAGE_A, None, "203", ""),
    ("C2", "0702", (730, 0, 760, 30), 900.0, VILLAGE_A, None, "203", ""),
    ("H2", "0702", (400, 300, 430, 330), 900.0, VILLAGE_A, None, "203", ""),
    ("I1", "0601", (500, 300, 530, 330), 900.0, VILLAGE_A, None, "", ""),
    ("U1", "0702", (600, 300, 640, 330), 1200.0, VILLAGE_A, None, "202", ""),
    ("M1", "0602", (0, 400, 100, 500), 10000.0, VILLAGE_A, None, "204", ""),
    ("BIG", "0101", (0, 800, 400, 1000), 80000.0, VILLAGE_A, 0.03, "", "1"),
    ("K3", "0301K", (0, 600, 50, 640), 2000.0, VILLAGE_B, None, "", ""),
    ("F4", "0102", (100, 600, 200, 700), 10000.0, VILLAGE_B, 0.05, "", "1"),
    ("H3", "0702", (300, 600, 320, 620), 400.0, VILLAGE_B, None, "203", ""),
    ("H4", "0702", (340, 600, 360, 620), 400.0, VILLAGE_B, None, "203", ""),
]

#: (type, rule, BSM) → estimate with the default rules.
CANDIDATES = {
    ("restorable", "K", "K1"): 1940.0,
    ("development", "development", "D1"): 1940.0,
    ("tiankan", "tiankan", "F1"): 500.0,
    ("reclamation", "isolated_cluster", "H1"): 582.0,
    ("reclamation", "isolated_cluster", "I1"): 873.0,
    ("mine", "mine", "M1"): 9700.0,
    ("restorable", "K", "K3"): 1940.0,
    ("tiankan", "tiankan", "F4"): 200.0,
    ("reclamation", "isolated_cluster", "H3"): 388.0,
    ("reclamation", "isolated_cluster", "H4"): 388.0,
}
#: (type, BSM) → exclusion reason.
EXCLUDED = {
    ("restorable", "K2"): "slope",
    ("development", "D2"): "red_line",
    ("development", "D3"): "slope",
    ("tiankan", "F3"): "slope",
    ("reclamation", "H2"): "dev_boundary",
    ("reclamation", "C1"): "village_core",
    ("reclamation", "C2"): "village_core",
}
VILLAGES = {  # ZLDWDM: (AREA_M2, CULTIVATED_M2, EST_ADDED_M2, rank by rate, rank by area)
    VILLAGE_A: (148500.0, 106000.0, 15535.0, 2, 1),
    VILLAGE_B: (12800.0, 9500.0, 2916.0, 1, 2),
}


def dltb_rows(high_standard=()):
    rows = []
    for bsm, code, box, tbmj, village, kcxs, czcsxm, slope in PARCELS:
        row = parcel(bsm, code, rect(*box), tbmj, village, kcxs=kcxs)
        row.update({"CZCSXM": czcsxm, "GDPDJB": slope, "GBZ": "1" if bsm in high_standard else ""})
        rows.append(row)
    return rows


def polygons(name, *boxes):
    return memory_layer(name, [{"ID": i, "wkt": rect(*box)} for i, box in enumerate(boxes)],
                        fields=[("ID", QVariant.Type.Int)])


@pytest.fixture
def layers():
    return {
        "INPUT": memory_layer("DLTB", dltb_rows(), fields=FIELDS),
        "RED_LINE": polygons("STBHHX", (145, -5, 205, 45)),
        "DEVELOPMENT_BOUNDARY": polygons("CZKFBJ", (380, 280, 450, 350)),
        "PBF": polygons("YJJBNTTB", (0, 600, 50, 640)),
    }


def run(layers, **extra):
    params = {**layers, "OUTPUT": "memory:", "OUTPUT_VILLAGES": "memory:", "OUTPUT_RESERVE": "memory:",
              "OUTPUT_EXCLUDED": "memory:", **extra}
    return processing.run("landconsolidation:potential", params)


def candidates(result):
    return {(f["POTENTIAL_TYPE"], f["RULE"], f["BSM"]): f for f in result["OUTPUT"].getFeatures()}


def test_each_parcel_classified(provider, layers):
    result = run(layers)
    got = candidates(result)
    assert set(got) == set(CANDIDATES)
    for key, estimate in CANDIDATES.items():
        assert got[key]["EST_ADDED_M2"] == pytest.approx(estimate, abs=1e-6), key
        assert got[key].geometry().area() == pytest.approx(got[key]["AREA_M2"]), key
    excluded = {(f["POTENTIAL_TYPE"], f["BSM"]): f["REASON"] for f in result["OUTPUT_EXCLUDED"].getFeatures()}
    assert excluded == EXCLUDED
    assert result["EST_ADDED_M2"] == pytest.approx(18451.0, abs=1e-6)
    assert result["CULTIVATED_M2"] == pytest.approx(115500.0, abs=1e-6)
    assert result["EST_RATE"] == round(18451.0 / 115500.0 * 100, 2)
    assert result["CANDIDATE_COUNT"] == 10
    assert result["RESTORABLE_EST_M2"] == pytest.approx(3880.0)
    assert result["DEVELOPMENT_EST_M2"] == pytest.approx(1940.0)
    assert result["RECLAMATION_EST_M2"] == pytest.approx(582.0 + 873.0 + 388.0 + 388.0)
    assert result["MINE_EST_M2"] == pytest.approx(9700.0)
    assert result["TIANKAN_EST_M2"] == pytest.approx(700.0)


def test_flags(provider, layers):
    """K3 lies in the PBF; nothing else does.  D1 is 10 % in the red line: still a candidate."""
    got = candidates(run(layers))
    assert {key[2] for key, f in got.items() if f["IN_PBF"] == 1} == {"K3"}
    assert all(f["IN_DEV_BOUNDARY"] == 0 for f in got.values())
    h3, h4 = got[("reclamation", "isolated_cluster", "H3")], got[("reclamation", "isolated_cluster", "H4")]
    assert h3["CLUSTER_ID"] == h4["CLUSTER_ID"]
    assert h3["CLUSTER_AREA_M2"] == pytest.approx(800.0)
    assert got[("reclamation", "isolated_cluster", "H1")]["CLUSTER_AREA_M2"] == pytest.approx(600.0)


def test_village_ranking(provider, layers):
    for rank_by, column in ((0, 3), (1, 4)):
        result = run(layers, RANK_BY=rank_by)
        rows = {f["ZLDWDM"]: f for f in result["OUTPUT_VILLAGES"].getFeatures()}
        assert set(rows) == set(VILLAGES)
        for code, expected in VILLAGES.items():
            row = rows[code]
            assert row["AREA_M2"] == pytest.approx(expected[0]), code
            assert row["CULTIVATED_M2"] == pytest.approx(expected[1]), code
            assert row["EST_ADDED_M2"] == pytest.approx(expected[2]), code
            # Percentages are written with 2 decimals.
            assert row["EST_RATE"] == pytest.approx(round(expected[2] / expected[1] * 100, 2), abs=1e-9), code
            assert row["RANK"] == expected[column], (code, rank_by)
    first = rows[VILLAGE_A]  # by area: A first, alone; B adds to the cumulative figures
    assert first["CUM_RATE"] == pytest.approx(round(15535.0 / 106000.0 * 100, 2), abs=1e-9)
    assert rows[VILLAGE_B]["CUM_RATE"] == pytest.approx(round(18451.0 / 115500.0 * 100, 2), abs=1e-9)
    assert rows[VILLAGE_A]["MINE_EST_M2"] == pytest.approx(9700.0)
    assert rows[VILLAGE_B]["RECLAMATION_M2"] == pytest.approx(800.0)


def test_village_totals_equal_their_candidates(provider, layers):
    result = run(layers)
    features = list(result["OUTPUT"].getFeatures())
    for row in result["OUTPUT_VILLAGES"].getFeatures():
        mine = [f for f in features if f["ZLDWDM"] == row["ZLDWDM"]]
        assert row["EST_ADDED_M2"] == pytest.approx(sum(f["EST_ADDED_M2"] for f in mine), abs=1e-9)
        for kind in ("restorable", "development", "reclamation", "mine", "tiankan", "high_standard"):
            typed = [f for f in mine if f["POTENTIAL_TYPE"] == kind]
            assert row[f"{kind.upper()}_EST_M2"] == pytest.approx(sum(f["EST_ADDED_M2"] for f in typed), abs=1e-9)
            assert row[f"{kind.upper()}_M2"] == pytest.approx(sum(f["AREA_M2"] for f in typed), abs=1e-9)


def test_reserve_inventory(provider, layers):
    """Every rural construction parcel: H1, C1, C2, H2, I1, M1, H3, H4 (not U1, urban)."""
    result = run(layers)
    rows = {f["BSM"]: f for f in result["OUTPUT_RESERVE"].getFeatures()}
    assert set(rows) == {"H1", "C1", "C2", "H2", "I1", "M1", "H3", "H4"}
    expected = {  # BSM: (class, in development boundary, candidate, cluster area, cluster parcels, estimate)
        "H1": ("isolated", 0, 1, 600.0, 1, 582.0),
        "C1": ("village_core", 0, 0, 10900.0, 2, 0.0),
        "C2": ("village_core", 0, 0, 10900.0, 2, 0.0),
        "H2": ("isolated", 1, 0, 900.0, 1, 0.0),
        "I1": ("isolated", 0, 1, 900.0, 1, 873.0),
        "H3": ("isolated", 0, 1, 800.0, 2, 388.0),
        "H4": ("isolated", 0, 1, 800.0, 2, 388.0),
    }
    for bsm, (klass, inside, candidate, area, count, estimate) in expected.items():
        row = rows[bsm]
        assert (row["CLASS"], row["IN_DEV_BOUNDARY"], row["CANDIDATE"]) == (klass, inside, candidate), bsm
        assert row["CLUSTER_AREA_M2"] == pytest.approx(area), bsm
        assert row["CLUSTER_PARCELS"] == count, bsm
        assert row["EST_ADDED_M2"] == pytest.approx(estimate), bsm
        assert row["AREA_M2"] == pytest.approx(next(p[3] for p in PARCELS if p[0] == bsm)), bsm
    assert rows["C1"]["CLUSTER_ID"] == rows["C2"]["CLUSTER_ID"]
    assert rows["H3"]["CLUSTER_ID"] == rows["H4"]["CLUSTER_ID"] != rows["H1"]["CLUSTER_ID"]
    assert len({rows[b]["CLUSTER_ID"] for b in ("H1", "C1", "H2", "I1", "H3")}) == 5
    assert (rows["M1"]["CLASS"], rows["M1"]["CANDIDATE"], rows["M1"]["EST_ADDED_M2"]) == ("mine", 1, 9700.0)
    assert result["RESERVE_M2"] == pytest.approx(600 + 10000 + 900 + 900 + 900 + 10000 + 400 + 400)


def test_cluster_rules(provider, layers):
    """Distance 20 m: C2 (30 m from C1) is a cluster of its own (900 m², 873); C1 alone is
    10 000 m², at the limit, so small too (9700); H3–H4 (exactly 20 m apart) stay one cluster."""
    got = candidates(run(layers, CLUSTER_DISTANCE=20.0))
    reclaimed = {key[2]: f["EST_ADDED_M2"] for key, f in got.items() if key[0] == "reclamation"}
    assert reclaimed == {"H1": 582.0, "I1": 873.0, "H3": 388.0, "H4": 388.0, "C1": 9700.0, "C2": 873.0}
    assert got[("reclamation", "isolated_cluster", "H3")]["CLUSTER_AREA_M2"] == pytest.approx(800.0)
    # Village cores counted on request: C1 and C2 (one cluster of 10 900 m² at 50 m) become candidates.
    got = candidates(run(layers, RECLAIM_VILLAGE_CORES=True))
    assert got[("reclamation", "village_core", "C1")]["EST_ADDED_M2"] == pytest.approx(9700.0)
    assert got[("reclamation", "village_core", "C2")]["EST_ADDED_M2"] == pytest.approx(873.0)


def test_garden_forest_and_target(provider, layers):
    """With 园地/残次林地: G1 (grade 1) is restorable, G2 (grade 3 > 2) excluded.  With target
    0.05: K1 → 2000 − 100 = 1900; F1 → 800 − 500 = 300; F4 → 500 − 500 = 0, no longer a candidate."""
    result = run(layers, INCLUDE_GARDEN_FOREST=True, TARGET_KCXS=0.05)
    got = candidates(result)
    assert got[("restorable", "garden_forest", "G1")]["EST_ADDED_M2"] == pytest.approx(1900.0)
    assert got[("restorable", "K", "K1")]["EST_ADDED_M2"] == pytest.approx(1900.0)
    assert got[("tiankan", "tiankan", "F1")]["EST_ADDED_M2"] == pytest.approx(300.0)
    assert ("tiankan", "tiankan", "F4") not in got
    excluded = {(f["POTENTIAL_TYPE"], f["BSM"]): f["REASON"] for f in result["OUTPUT_EXCLUDED"].getFeatures()}
    assert excluded[("restorable", "G2")] == "slope"
    # Mines listed but not counted.
    got = candidates(run(layers, COUNT_MINES=False))
    assert got[("mine", "mine", "M1")]["EST_ADDED_M2"] == 0.0


@pytest.mark.parametrize("mode", ["layer", "field"])
def test_high_standard_candidates(provider, layers, mode):
    """F2 is high-standard.  Eligible 耕地 left: F1 (9200, alone: F2 beside it is built, F3 is
    on grade 5), BIG (77 600) and F4 (9500).  Only BIG reaches 100 亩 = 66 666.67 m²; its row
    carries no estimate.  With 10 亩 (6666.67 m²) F1 and F4 qualify too."""
    if mode == "layer":
        extra = {"HIGH_STANDARD": polygons("GBZ", (100, 100, 200, 200))}
    else:
        layers["INPUT"] = memory_layer("DLTB", dltb_rows(high_standard=("F2",)), fields=FIELDS)
        extra = {"HIGH_STANDARD_FIELD": "GBZ"}
    result = run(layers, **extra)
    got = candidates(result)
    hs = {key[2]: f for key, f in got.items() if key[0] == "high_standard"}
    assert set(hs) == {"BIG"}
    assert hs["BIG"]["EST_ADDED_M2"] == 0.0
    assert hs["BIG"]["BLOCK_AREA_M2"] == pytest.approx(77600.0)
    assert result["EST_ADDED_M2"] == pytest.approx(18451.0)
    got = candidates(run(layers, HIGH_STANDARD_MIN_BLOCK_MU=10.0, **extra))
    assert {key[2] for key in got if key[0] == "high_standard"} == {"BIG", "F1", "F4"}


def test_no_high_standard_without_layer(provider, layers):
    got = candidates(run(layers))
    assert not any(key[0] == "high_standard" for key in got)


def test_without_constraint_layers(provider, layers):
    """No red line, no boundary: D2 and H2 become candidates (1940, 873)."""
    result = run({"INPUT": layers["INPUT"]})
    got = candidates(result)
    assert got[("development", "development", "D2")]["EST_ADDED_M2"] == pytest.approx(1940.0)
    assert got[("reclamation", "isolated_cluster", "H2")]["EST_ADDED_M2"] == pytest.approx(873.0)
    assert result["EST_ADDED_M2"] == pytest.approx(18451.0 + 1940.0 + 873.0)


def test_geographic_crs_is_an_error(provider, chinese):
    layer = memory_layer("DLTB", [parcel("1", "0201K", "POLYGON((120 31,120.001 31,120.001 31.001,120 31))",
                                         100.0, VILLAGE_A)], crs="EPSG:4490")
    with pytest.raises(QgsProcessingException, match="地理坐标系"):
        run({"INPUT": layer})


def test_wizard_function(provider, layers):
    """core.potential.village_ranking(layer): the same figures as OUTPUT_VILLAGES (no constraints here)."""
    from land_consolidation.core import potential

    table = potential.village_ranking(layers["INPUT"], red_line=layers["RED_LINE"],
                                      development_boundary=layers["DEVELOPMENT_BOUNDARY"])
    rows = {r.ZLDWDM: r for r in table.itertuples(index=False)}
    assert rows[VILLAGE_A].EST_ADDED_M2 == pytest.approx(15535.0)
    assert rows[VILLAGE_B].EST_RATE == pytest.approx(2916.0 / 9500.0 * 100)
    assert list(table["ZLDWDM"]) == [VILLAGE_B, VILLAGE_A]


def test_high_standard_blocks_join_touching_fields(provider, layers):
    """BIG is high-standard.  F1 and F2 share an edge: one block of 9200 + 9800 = 19 000 m²
    (F3 beside F2 is on grade 5, so not in it); F4 (9500) is alone.  At 20 亩 = 13 333.33 m²
    only F1 and F2 qualify."""
    result = run(layers, HIGH_STANDARD=polygons("GBZ", (0, 800, 400, 1000)), HIGH_STANDARD_MIN_BLOCK_MU=20.0)
    hs = {key[2]: f for key, f in candidates(result).items() if key[0] == "high_standard"}
    assert set(hs) == {"F1", "F2"}
    assert hs["F1"]["BLOCK_ID"] == hs["F2"]["BLOCK_ID"]
    assert hs["F1"]["BLOCK_AREA_M2"] == pytest.approx(19000.0)


def test_project_area(provider, layers):
    """Restricted to x 0–400, y 550–750: village B only – K3, F4, H3, H4, estimate 2916."""
    result = run(layers, PROJECT_AREA=polygons("XMQ", (0, 550, 400, 750)))
    assert {key[2] for key in candidates(result)} == {"K3", "F4", "H3", "H4"}
    assert result["EST_ADDED_M2"] == pytest.approx(2916.0)
    assert [f["ZLDWDM"] for f in result["OUTPUT_VILLAGES"].getFeatures()] == [VILLAGE_B]


def write_gpkg(path, layers):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    for k, (name, layer) in enumerate(layers.items()):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = name
        if k:
            options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        error = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), QgsCoordinateTransformContext(), options)
        assert error[0] == QgsVectorFileWriter.WriterError.NoError, error


def test_constraint_layers_beside(provider, layers, tmp_path):
    """The wizard's shortcut: STBHHX, CZKFBJ and YJJBNTTB next to the DLTB are found by name
    (YJJBNTTB_GH is not), and the ranking matches the algorithm's (A 15 535, B 2916)."""
    from land_consolidation.core import potential
    from qgis.core import QgsVectorLayer

    path = tmp_path / "township.gpkg"
    write_gpkg(path, {"DLTB": layers["INPUT"], "STBHHX": layers["RED_LINE"], "CZKFBJ": layers["DEVELOPMENT_BOUNDARY"],
                      "YJJBNTTB_GH": layers["RED_LINE"], "YJJBNTTB": layers["PBF"]})
    dltb_layer = QgsVectorLayer(f"{path}|layername=DLTB", "DLTB", "ogr")
    found = potential.constraint_layers_beside(dltb_layer)
    assert {key: layer.name() for key, layer in found.items()} == {
        "red_line": "STBHHX", "development_boundary": "CZKFBJ", "pbf": "YJJBNTTB"}
    table = potential.village_ranking(dltb_layer, **found)
    assert dict(zip(table["ZLDWDM"], table["EST_ADDED_M2"])) == pytest.approx({VILLAGE_A: 15535.0, VILLAGE_B: 2916.0})
    assert potential.constraint_layers_beside(layers["INPUT"]) == {}


def test_clusters_of_overlapping_and_nested_parcels(qgis_app):
    """Clusters at 50 m where vertices alone would mislead (distances as GEOS measures them):

    * P1 (0–300 × 0–10) and P2 (145–155 × −100–110) cross like a plus sign: every vertex is
      ≥ 100 m from the other's boundary, but they overlap: distance 0, one cluster;
    * Q2 (1150–1250 × 150–250) lies inside Q1 (1000–1400 × 0–400), 150 m clear of its edges:
      distance 0, one cluster;
    * S2 (2180–2220 × 180–220) lies in the hole (2100–2300) of S1 (2000–2400), 80 m from the
      hole's edges: two clusters at 50 m, one at 80 m;
    * T (2500–2510 × 0–10) is 100 m from S1: alone.
    """
    from land_consolidation.core import potential
    from qgis.core import QgsGeometry

    def wkt(*boxes):
        rings = ",".join("({0} {1},{2} {1},{2} {3},{0} {3},{0} {1})".format(*b) for b in boxes)
        return f"POLYGON({rings})"

    geoms = [QgsGeometry.fromWkt(wkt(*b)) for b in (
        [(0, 0, 300, 10)], [(145, -100, 155, 110)],
        [(1000, 0, 1400, 400)], [(1150, 150, 1250, 250)],
        [(2000, 0, 2400, 400), (2100, 100, 2300, 300)], [(2180, 180, 2220, 220)],
        [(2500, 0, 2510, 10)],
    )]
    rows = np.arange(len(geoms))
    assert potential.clusters(geoms, rows, 50.0).tolist() == [0, 0, 2, 2, 4, 5, 6]
    assert potential.clusters(geoms, rows, 80.0).tolist() == [0, 0, 2, 2, 4, 4, 6]
    assert potential.clusters(geoms, rows, 100.0).tolist() == [0, 0, 2, 2, 4, 4, 4]
    # GEOS agrees on every pair.
    for distance in (50.0, 80.0, 100.0):
        labels = potential.clusters(geoms, rows, distance)
        for i in range(len(geoms)):
            for j in range(i + 1, len(geoms)):
                if geoms[i].distance(geoms[j]) <= distance:
                    assert labels[i] == labels[j]
