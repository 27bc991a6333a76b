"""Which text encoding a layer's attributes are in (shapefiles from Chinese deliveries).

A GeoPackage, a file geodatabase or PostGIS store text as UTF-8, and GDAL
hands it over as such.  A shapefile's DBF stores bytes in whatever code page
the tool that wrote it used; the ``.cpg`` file or the DBF's language driver
byte (LDID) says which – when they exist.  Chinese 三调 deliveries are often
GBK with a ``.cpg`` reading ``GBK`` (or ``936``), and older tools write no
``.cpg`` and LDID 0.  Read as UTF-8, such text becomes "�����": different
village names fall together and nothing warns.

:func:`shapefile_encoding` decides, in this order: the ``.cpg``; the LDID;
otherwise the text itself – UTF-8 when every text value of the DBF is valid
UTF-8, else **GB18030** (a superset of GBK and GB2312, what Chinese
deliveries use), with a note for the log.
"""
from __future__ import annotations

import codecs
import struct
from dataclasses import dataclass
from pathlib import Path

from ..i18n import tr

#: DBF language driver ids (byte 29) → Python codec, for the code pages seen in Chinese data.
LDID_CODECS = {
    0x4D: "gbk",  # 936 Chinese (PRC)
    0x7A: "gbk",  # 936
    0x4E: "cp949",  # Korean
    0x4F: "big5",  # 950 Chinese (Taiwan, Hong Kong)
    0x78: "big5",
    0x57: "cp1252",  # ANSI
    0x03: "cp1252",
    0x01: "cp437",
    0x02: "cp850",
}
#: How many DBF records are looked at to decide whether undeclared text is UTF-8.
SAMPLE_RECORDS = 20_000
#: Fallback for undeclared text that is not UTF-8.
CHINESE = "GB18030"


@dataclass(frozen=True)
class Encoding:
    """A layer's text encoding and how it was decided.

    Attributes:
        name: Codec name (``UTF-8``, ``GBK``, ``GB18030`` …).
        source: ``"cpg"``, ``"ldid"``, ``"utf-8 text"``, ``"guessed"`` or
            ``"format"`` (a format that is always UTF-8).
        note: A line for the log when the encoding was guessed, else "".
    """

    name: str
    source: str
    note: str = ""


def cpg_encoding(shp: Path) -> str | None:
    """The codec a ``.cpg`` beside a shapefile names, or None."""
    for candidate in (shp.with_suffix(".cpg"), shp.with_suffix(".CPG")):
        if candidate.exists():
            text = candidate.read_text(encoding="ascii", errors="ignore").strip()
            if not text:
                return None
            if text.isdigit():  # a Windows code page number: 936 → cp936
                text = "utf-8" if text == "65001" else f"cp{text}"
            try:
                return codecs.lookup(text).name
            except LookupError:
                return None
    return None


def _dbf_header(dbf: Path):
    with open(dbf, "rb") as handle:
        head = handle.read(32)
        if len(head) < 32:
            return None
        records, header_length, record_length = struct.unpack("<IHH", head[4:12])
        ldid = head[29]
        fields, offset = [], 1  # byte 0 of a record is the deletion flag
        while True:
            descriptor = handle.read(32)
            if len(descriptor) < 32 or descriptor[0] == 0x0D:
                break
            kind, length = chr(descriptor[11]), descriptor[16]
            fields.append((kind, offset, length))
            offset += length
    return records, header_length, record_length, ldid, fields


def ldid_encoding(shp: Path) -> str | None:
    """The codec of the DBF's language driver byte, or None (0 or unknown)."""
    header = _dbf_header(shp.with_suffix(".dbf"))
    if header is None:
        return None
    return LDID_CODECS.get(header[3])


def dbf_text_is_utf8(shp: Path, limit: int = SAMPLE_RECORDS) -> bool:
    """True when every text value of the first ``limit`` DBF records is valid UTF-8."""
    dbf = shp.with_suffix(".dbf")
    header = _dbf_header(dbf)
    if header is None:
        return True
    records, header_length, record_length, _, fields = header
    text_fields = [(offset, length) for kind, offset, length in fields if kind == "C"]
    if not text_fields or not record_length:
        return True
    with open(dbf, "rb") as handle:
        handle.seek(header_length)
        for _ in range(min(records, limit)):
            record = handle.read(record_length)
            if len(record) < record_length:
                break
            for offset, length in text_fields:
                try:
                    record[offset:offset + length].decode("utf-8")
                except UnicodeDecodeError:
                    # A multi-byte character cut by the field width is still UTF-8.
                    raw = record[offset:offset + length].rstrip(b" ")
                    try:
                        raw.decode("utf-8")
                    except UnicodeDecodeError as exc:
                        if exc.start < len(raw) - 3:
                            return False
    return True


def shapefile_encoding(shp, layer_name: str = "") -> Encoding:
    """The encoding of a shapefile's text: declared (.cpg, LDID), else decided from the text."""
    shp = Path(shp)
    declared = cpg_encoding(shp)
    if declared:
        return Encoding(declared, "cpg")
    declared = ldid_encoding(shp)
    if declared:
        return Encoding(declared, "ldid")
    if dbf_text_is_utf8(shp):
        return Encoding("utf-8", "utf-8 text")
    name = layer_name or shp.stem
    return Encoding(
        CHINESE, "guessed",
        tr("Layer '{layer}' ({file}) declares no text encoding (no .cpg, DBF code page 0) and its text is not "
           "valid UTF-8: it is read as GB18030 (a superset of GBK); if the text still looks garbled, write the "
           "encoding into a .cpg file.").format(layer=name, file=shp.name),
    )


def layer_encoding(path: str, layer_name: str = "") -> Encoding:
    """The text encoding of a file layer at ``path`` (shapefiles decided as above; other formats UTF-8)."""
    if Path(path).suffix.lower() in (".shp", ".dbf"):
        return shapefile_encoding(Path(path).with_suffix(".shp"), layer_name)
    return Encoding("utf-8", "format")


def garbled(text: str) -> bool:
    """True for text that shows a decoding went wrong (replacement characters, C1 control codes)."""
    return "\ufffd" in text or any("\x80" <= ch <= "\x9f" for ch in text)
