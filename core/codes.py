"""The 三调 land-use code table (三调工作分类).

Loaded once from ``resources/data/landuse_codes_sandiao.csv``.  Suffixed
codes (``0201K`` 可调整, ``1104A`` 养殖坑塘, ``08H2A`` 高教用地 …) count as
their base code in statistics while the suffix stays available to callers
(the potential analysis needs the K flag).  Unknown codes are never dropped:
``lookup`` returns an entry flagged ``known=False`` and the statistics report
them.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..i18n import tr, tr_noop
from .errors import LandConsolidationError

DATA_DIR = Path(__file__).resolve().parents[1] / "resources" / "data"
CODE_TABLE = DATA_DIR / "landuse_codes_sandiao.csv"

#: 田坎: the deduction class reported from KCMJ.
TIANKAN = "1203"
#: 耕地 second-level codes.
CULTIVATED = ("0101", "0102", "0103")
#: The three 三大类 in template order.
CATEGORIES3 = ("农用地", "建设用地", "未利用地")
AGRICULTURAL, CONSTRUCTION, UNUSED = CATEGORIES3
#: The 三大类 as the interface names them (English source; :func:`i18n.tr` gives the Chinese back).
CATEGORY_LABELS = {AGRICULTURAL: tr_noop("agricultural land"), CONSTRUCTION: tr_noop("construction land"),
                   UNUSED: tr_noop("unused land")}
#: 农村道路, 沟渠, 田坎: the narrow linear features that do not break a 耕地
#: block (contiguity I7, the potential survey's high-standard blocks).
CONNECTOR_CODES = ("1006", "1107", "1203")

#: 城镇村属性码 (CZCSXM) values; the ``A`` suffix marks 独立工业用地.
URBAN_CZCSXM = ("201", "201A", "202", "202A")  # 城市, 建制镇
RURAL_CZCSXM = ("203", "203A")  # 村庄
MINE_CZCSXM = ("204", "204A")  # 盐田及采矿
#: Codes of rural construction land where CZCSXM is empty (potential survey).
RURAL_CODES_WITHOUT_CZCSXM = ("0702", "0601", "1201")
#: Suffixes that fold to the base code (K 可调整, A 细化).
SUFFIXES = ("K", "A")
#: Group code and name used for codes the table does not know.
UNKNOWN_GROUP = "??"
UNKNOWN_NAME = "未知地类"


@dataclass(frozen=True)
class LandUseCode:
    """One entry of the code table, or the fold of a suffixed / unknown code.

    Attributes:
        code: The code as found in the data (normalised: stripped, upper case).
        base: The code counted in statistics (``0201`` for ``0201K``).
        suffix: ``"K"``, ``"A"`` or ``""``.
        name: 地类名称 of the base code.
        group: First-level group code (``"00"`` for 湿地).
        group_name: First-level group name.
        category3: 三大类 (农用地 / 建设用地 / 未利用地) by the 三调 template.
        known: False when the code is not in the table.
    """

    code: str
    base: str
    suffix: str
    name: str
    group: str
    group_name: str
    category3: str
    known: bool = True

    @property
    def is_restorable(self) -> bool:
        """True for K-coded plots (可调整地类, restorable to 耕地)."""
        return self.suffix == "K"

    @property
    def is_cultivated(self) -> bool:
        """True for 耕地 (0101/0102/0103)."""
        return self.base in CULTIVATED


class CodeTable:
    """Code → entry lookups over the 三调 table."""

    def __init__(self, rows: list[dict]):
        self._entries: dict[str, LandUseCode] = {}
        self.order: list[str] = []
        self.groups: dict[str, str] = {}
        for row in rows:
            code = row["code"].strip()
            entry = LandUseCode(
                code=code,
                base=code,
                suffix="",
                name=row["name"].strip(),
                group=row["group"].strip(),
                group_name=row["group_name"].strip(),
                category3=row["category3"].strip(),
            )
            self._entries[code] = entry
            self.order.append(code)
            self.groups.setdefault(entry.group, entry.group_name)
        self._cache: dict[str, LandUseCode] = {}

    @classmethod
    def from_csv(cls, path: Path = CODE_TABLE) -> CodeTable:
        """Read the table from a CSV file with the columns of the shipped one."""
        with open(path, encoding="utf-8", newline="") as handle:
            return cls(list(csv.DictReader(handle)))

    def __contains__(self, code: str) -> bool:
        return self.lookup(code).known

    def lookup(self, code) -> LandUseCode:
        """Entry for a code as found in a layer (None and blanks are unknown)."""
        key = normalise(code)
        entry = self._cache.get(key)
        if entry is None:
            entry = self._resolve(key)
            self._cache[key] = entry
        return entry

    def _resolve(self, key: str) -> LandUseCode:
        entry = self._entries.get(key)
        if entry is not None:
            return entry
        if len(key) > 2 and key[-1] in SUFFIXES:
            base = self._entries.get(key[:-1])
            if base is not None:
                return LandUseCode(
                    code=key,
                    base=base.code,
                    suffix=key[-1],
                    name=base.name,
                    group=base.group,
                    group_name=base.group_name,
                    category3=base.category3,
                )
        return LandUseCode(
            code=key,
            base=key,
            suffix="",
            name=UNKNOWN_NAME,
            group=UNKNOWN_GROUP,
            group_name=UNKNOWN_NAME,
            category3=UNKNOWN_NAME,
            known=False,
        )

    def name(self, code) -> str:
        """地类名称 of a code (base name for suffixed codes)."""
        return self.lookup(code).name

    def sort_key(self, code) -> tuple:
        """Key that sorts codes in table order, unknown codes last."""
        entry = self.lookup(code)
        if entry.known:
            return (0, self.order.index(entry.base), entry.suffix)
        return (1, entry.code, "")

    def codes_in_group(self, group: str) -> list[str]:
        """Base codes of a first-level group, in table order."""
        return [c for c in self.order if self._entries[c].group == group]


def normalise(code) -> str:
    """Normalise a code value from a layer: text, stripped, upper case.

    Integer-typed code fields lose the leading zero (``101`` for ``0101``);
    a 3-digit number is padded back to 4 digits.
    """
    if code is None:
        return ""
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    text = str(code).strip().upper()
    if text in ("NULL", "NONE"):
        return ""
    if text.isdigit() and len(text) == 3:
        text = "0" + text
    return text


#: What may stand between codes in a list typed by a user: ASCII and
#: full-width commas and semicolons, 顿号 and white space.
CODE_SEPARATORS = re.compile(r"[,，;；、\s]+")


def parse_codes(value, *, table: CodeTable | None = None, check: bool = True, label: str = "") -> tuple[str, ...]:
    """Codes from a list typed by a user, normalised, each once, in order.

    ``"0101, 0102；0103、0104 1006"`` and ``["0101", 102]`` are both
    understood.  Every item must be a 三调 code (a suffixed code such as
    ``1107A`` counts): an item that is not – a typo, or codes joined by a
    separator that is not accepted (``0101/0102``) – is refused with the
    list of what was not understood, rather than silently selecting nothing.

    Args:
        value: Text, a sequence of codes, or None (no codes).
        table: Code table to check against (default: the shipped 三调 table).
        check: False to accept any code (the caller reports unknown ones).
        label: What the list is, for the message (e.g. "CONNECTOR_CODES").

    Raises:
        LandConsolidationError: an item that is not a known code.
    """
    if value is None:
        return ()
    items = CODE_SEPARATORS.split(value) if isinstance(value, str) else list(value)
    out: list[str] = []
    for item in items:
        code = normalise(item)
        if code and code not in out:
            out.append(code)
    if check:
        table = table or default_table()
        unknown = [code for code in out if not table.lookup(code).known]
        if unknown:
            raise LandConsolidationError(tr(
                "Code list {label}: not understood: {items}. Separate the land-survey codes with commas, "
                "semicolons or spaces, e.g. 1006,1107,1203.").format(label=label, items=", ".join(unknown)))
    return tuple(out)


@lru_cache(maxsize=1)
def default_table() -> CodeTable:
    """The shipped 三调 code table (read once)."""
    return CodeTable.from_csv()
