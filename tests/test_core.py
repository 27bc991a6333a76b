"""Pure core tests: code table, field detection, rounding (no QGIS needed)."""
import pytest
from land_consolidation.core import codes
from land_consolidation.core.errors import LandConsolidationError
from land_consolidation.core.fields import detect_fields, require
from land_consolidation.core.units import m2_to_ha, m2_to_mu, round_preserving_total


@pytest.fixture(scope="module")
def table():
    return codes.default_table()


def test_code_table_counts(table):
    # 55 second-level classes + 09 特殊用地 (first level only) in the 三调 table.
    assert len(table.order) == 56
    assert table.codes_in_group("00") == ["0303", "0304", "0306", "0402", "0603", "1105", "1106", "1108"]
    assert table.codes_in_group("01") == ["0101", "0102", "0103"]


@pytest.mark.parametrize(
    "code, base, suffix, name, group, category3",
    [
        ("0101", "0101", "", "水田", "01", "农用地"),
        ("0201K", "0201", "K", "果园", "02", "农用地"),
        ("0301k", "0301", "K", "乔木林地", "03", "农用地"),
        ("1104A", "1104", "A", "坑塘水面", "11", "农用地"),
        ("1107A", "1107", "A", "沟渠", "11", "农用地"),
        ("08H2A", "08H2", "A", "科教文卫用地", "08", "建设用地"),
        ("0810A", "0810", "A", "公园与绿地", "08", "建设用地"),
        ("0303", "0303", "", "红树林地", "00", "农用地"),  # 湿地, not 林地
        ("0603", "0603", "", "盐田", "00", "建设用地"),
        ("1106", "1106", "", "内陆滩涂", "00", "未利用地"),
        ("1006", "1006", "", "农村道路", "10", "农用地"),
        ("0404", "0404", "", "其他草地", "04", "农用地"),  # 三调 template, not GB/T 21010 Annex B
        (" 0702 ", "0702", "", "农村宅基地", "07", "建设用地"),
        (101, "0101", "", "水田", "01", "农用地"),  # integer field lost the leading zero
        ("09", "09", "", "特殊用地", "09", "建设用地"),
    ],
)
def test_lookup(table, code, base, suffix, name, group, category3):
    entry = table.lookup(code)
    assert (entry.base, entry.suffix, entry.name, entry.group, entry.category3) == (
        base, suffix, name, group, category3
    )
    assert entry.known


def test_k_flag_stays_visible(table):
    assert table.lookup("0201K").is_restorable
    assert not table.lookup("0201").is_restorable
    assert table.lookup("0103").is_cultivated


@pytest.mark.parametrize("code", ["0799", "", None, "X", "0101Z", "K"])
def test_unknown_codes_are_flagged_not_dropped(table, code):
    entry = table.lookup(code)
    assert not entry.known
    assert entry.name == "未知地类"
    assert table.sort_key(code) > table.sort_key("1207")


def test_detect_fields_case_insensitive():
    found = detect_fields(["bsm", "Dlbm", "TBMJ", "kcxs", "zldwdm", "Other"])
    assert found["code"] == "Dlbm"
    assert found["bsm"] == "bsm"
    assert found["kcxs"] == "kcxs"
    assert found["tbdlmj"] is None
    assert found["village"] == "zldwdm"


def test_detect_fields_override_and_missing(chinese):
    found = detect_fields(["DM", "TBMJ"], {"code": "dm"})
    assert found["code"] == "DM"
    with pytest.raises(LandConsolidationError, match="XYZ"):
        detect_fields(["DM"], {"code": "XYZ"})
    with pytest.raises(LandConsolidationError, match="图层“地类图斑”缺少地类编码 DLBM字段"):
        require(detect_fields(["TBMJ"]), "code", "地类图斑")


def test_units():
    assert m2_to_ha(38600.0) == pytest.approx(3.86)
    assert m2_to_mu(10000.0) == pytest.approx(15.0)
    assert m2_to_mu(666.6666666667) == pytest.approx(1.0)


def test_round_preserving_total():
    # Naive rounding of three thirds gives 0.33 × 3 = 0.99 ≠ 1.00.
    parts = round_preserving_total([1 / 3, 1 / 3, 1 / 3], 2)
    assert list(parts) == [0.34, 0.33, 0.33]
    assert parts.sum() == pytest.approx(1.0)
    # To a given shown total (hierarchical rounding).
    parts = round_preserving_total([0.125, 0.125, 0.25], 2, total=0.51)
    assert parts.sum() == pytest.approx(0.51)
    assert all(abs(p - v) <= 0.01 + 1e-12 for p, v in zip(parts, [0.125, 0.125, 0.25]))
    # Already exact values are untouched.
    assert list(round_preserving_total([9500.0, 900.0, 2000.5], 2)) == [9500.0, 900.0, 2000.5]
    assert round_preserving_total([], 2).size == 0


def test_round_half_up():
    # 57.125 → 57.13 (四舍五入), not numpy's half-to-even 57.12.
    parts = round_preserving_total([50.0, 7.125], 2)
    assert parts.sum() == pytest.approx(57.13)
    assert list(parts) == [50.0, 7.13]
