"""The font Chinese map text is set in.

Debian's fonts-noto-cjk gives "Noto Sans CJK SC"; where it is missing any
installed font that Qt lists for Simplified Chinese is taken (a Windows
machine has Microsoft YaHei or SimHei), so the maps never fall back to a
font that draws boxes.
"""
from __future__ import annotations

from functools import lru_cache

#: Preferred families, first found wins.
PREFERRED = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei", "微软雅黑",
             "SimHei", "黑体", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "PingFang SC", "Heiti SC")


@lru_cache(maxsize=1)
def cjk_family() -> str:
    """The family to draw Chinese text with ("" when no installed font covers Simplified Chinese)."""
    from qgis.PyQt.QtGui import QFontDatabase

    database = QFontDatabase()
    installed = set(database.families())
    for family in PREFERRED:
        if family in installed:
            return family
    chinese = database.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    # Monospaced and serif faces read worse on a map; prefer a sans face when there is one.
    sans = [f for f in chinese if "Mono" not in f and "Serif" not in f]
    return (sans or chinese or [""])[0]


def font(size_pt: float, bold: bool = False):
    """A QFont of :func:`cjk_family` at ``size_pt`` points."""
    from qgis.PyQt.QtGui import QFont

    result = QFont(cjk_family()) if cjk_family() else QFont()
    result.setPointSizeF(size_pt)
    result.setBold(bold)
    return result
