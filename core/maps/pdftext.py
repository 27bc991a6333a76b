"""Searchable Chinese in the exported PDF: radicals mapped back to the characters drawn.

Qt embeds each font subset with a ToUnicode table built from the font's
cmap, taking for every glyph the *lowest* code point that maps to it.  CJK
fonts draw a radical and the character of the same shape with one glyph, and
the radical blocks (U+2E80–U+2FDF) come before the unified ideographs, so
the PDF says ⼟ (U+2F1F) for 土, ⺠ (U+2EA0) for 民, ⻓ for 长: it looks right,
but searching, copying and text extraction get radicals – "堰墅镇全域⼟地" does
not match "土地", "人⺠政府" does not match "人民政府".

:func:`fix_pdf` rewrites those entries of the ToUnicode tables to the
unified ideograph that shares the glyph, in place: every entry keeps its
length (four hex digits), so no byte offset of the PDF moves.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

#: The radical blocks: CJK Radicals Supplement and Kangxi Radicals.
RADICALS = range(0x2E80, 0x2FE0)
#: Where the characters they stand for live: CJK Unified Ideographs and Extension A.
UNIFIED = (range(0x4E00, 0xA000), range(0x3400, 0x4DC0))
_CMAP = re.compile(rb"begincmap.*?endcmap", re.S)
#: Bytes read at a time by :func:`fix_pdf`.
_CHUNK = 8 << 20
_RANGE_ARRAY = re.compile(rb"(<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*)\[([^\]]*)\]")
_TOKEN = re.compile(rb"<([0-9A-Fa-f]{4})>")
_PAIR = re.compile(rb"^(\s*<[0-9A-Fa-f]+>\s*)<([0-9A-Fa-f]{4})>(\s*)$", re.M)
_SINGLE_RANGE = re.compile(rb"^(\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*)<([0-9A-Fa-f]{4})>(\s*)$", re.M)


@lru_cache(maxsize=8)
def radical_equivalents(family: str) -> dict:
    """Radical code point → the unified ideograph drawn with the same glyph in ``family``."""
    from qgis.PyQt.QtGui import QFont, QRawFont

    raw = QRawFont.fromFont(QFont(family))
    if not raw.isValid():
        return {}
    by_glyph: dict = {}
    for block in UNIFIED:
        text = "".join(chr(c) for c in block)
        for char, glyph in zip(text, raw.glyphIndexesForString(text)):
            if glyph:
                by_glyph.setdefault(glyph, ord(char))
    radicals = "".join(chr(c) for c in RADICALS)
    return {ord(char): by_glyph[glyph] for char, glyph in zip(radicals, raw.glyphIndexesForString(radicals))
            if glyph and glyph in by_glyph}


def fix_cmap(cmap: bytes, table: dict) -> tuple[bytes, int]:
    """A ToUnicode CMap with its radical destinations replaced (same length), and how many were."""
    swapped = [0]

    def _swap(token: bytes, table: dict) -> bytes:
        code = int(token, 16)
        if code not in table:
            return token
        swapped[0] += 1
        return b"%04X" % table[code]

    def arrays(match):
        inner = _TOKEN.sub(lambda t: b"<" + _swap(t.group(1), table) + b">", match.group(2))
        return match.group(1) + b"[" + inner + b"]"

    def single_ranges(match):
        if match.group(2) != match.group(3):  # a run of codes from this value on: left alone
            return match.group(0)
        return match.group(1) + b"<" + _swap(match.group(4), table) + b">" + match.group(5)

    def pairs(match):
        return match.group(1) + b"<" + _swap(match.group(2), table) + b">" + match.group(3)

    fixed = _RANGE_ARRAY.sub(arrays, cmap)
    fixed = _SINGLE_RANGE.sub(single_ranges, fixed)
    fixed = re.sub(rb"beginbfchar.*?endbfchar", lambda m: _PAIR.sub(pairs, m.group(0)), fixed, flags=re.S)
    return fixed, swapped[0]


def fix_pdf(path, family: str) -> int:
    """Rewrite the ToUnicode tables of a PDF in place; returns how many entries changed.

    Only uncompressed CMap streams are touched (Qt writes them so); the file
    keeps its length and every offset.  The file is streamed through in
    chunks into a temporary file that replaces it: a county's maps make a
    PDF of some hundred megabytes, which is never held in memory whole.
    """
    table = radical_equivalents(family)
    if not table:
        return 0
    path = Path(path)
    temporary = path.with_name(f".{path.name}.text")
    changed = 0
    try:
        with open(path, "rb") as source, open(temporary, "wb") as target:
            buffer = b""
            while True:
                chunk = source.read(_CHUNK)
                buffer += chunk
                done = not chunk
                pos = 0
                for match in _CMAP.finditer(buffer):
                    fixed, count = fix_cmap(match.group(0), table)
                    if len(fixed) != len(match.group(0)):  # never: every swap keeps four hex digits
                        continue
                    changed += count
                    target.write(buffer[pos:match.start()])
                    target.write(fixed)
                    pos = match.end()
                if done:
                    target.write(buffer[pos:])
                    break
                # Keep a CMap that began but has not ended in this buffer for the next round.
                begun = buffer.rfind(b"begincmap", pos)
                keep = begun if begun >= 0 and buffer.find(b"endcmap", begun) < 0 \
                    else max(pos, len(buffer) - len(b"begincmap"))
                target.write(buffer[pos:keep])
                buffer = buffer[keep:]
        if not changed:
            return 0
        os.replace(temporary, path)
        return changed
    finally:
        if temporary.exists():
            temporary.unlink()
