"""The xlsx writer: lays :class:`~.model.Sheet` s out like the official 三调 statistics templates.

A title row, the 面积单位 line (with the project name on its left), merged
multi-row headers, numbers as numeric cells holding the shown (rounded)
value with a fixed number format, frozen header panes and a landscape,
fit-to-width print set-up (a very wide sheet is split across pages with its
first columns repeated).  :func:`save` writes the workbook and the CSVs so
that a failure leaves no half-written file.
"""
from __future__ import annotations

import functools
import math
import os
import re
import tempfile
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

from ..files import umask_mode
from ..values import is_null
from . import csv_export
from .model import Block, Cell, Column, Sheet, facts_of
from .rounding import shown

#: The control characters XML 1.0 cannot hold: openpyxl refuses them in a cell (its ILLEGAL_CHARACTERS_RE).
ILLEGAL_CHARACTERS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")

FONT_NAME = "宋体"
TITLE_FONT = "黑体"


def _text_width(text: str) -> float:
    """Display width of a text in column-width units.

    A CJK character of 宋体 10 pt is about 1.8 units of the default font in
    Excel (LibreOffice draws it narrower); erring wide keeps wrapped text
    from being clipped by a row height that is too small.
    """
    return sum(1.8 if ord(ch) > 0x2E7F else 1.0 for ch in text)


@functools.lru_cache(maxsize=65536)
def _lines(text: str, width: float) -> int:
    width = max(width - 1.0, 1.0)
    return sum(max(1, math.ceil(_text_width(part) / width)) for part in str(text).split("\n"))


def number_format(kind: str, decimals: int, zero_blank: bool = False) -> str:
    """Excel number format of a numeric kind with fixed decimals."""
    fmt = "0" if kind in ("int", "serial") or decimals <= 0 else "0." + "0" * decimals
    return f"{fmt};-{fmt};" if zero_blank else fmt


def _header_depth(block: Block) -> int:
    return max(len(c.header) for c in block.columns)


def header_merges(columns: list[Column]) -> list[tuple[int, int, int, int]]:
    """Merged header ranges ``(level1, col1, level2, col2)`` (0-based, inclusive).

    A header shorter than the depth is merged down from its last level to
    the bottom; consecutive columns sharing a header prefix are merged across
    at each level of that prefix that is not their last.
    """
    depth = max(len(c.header) for c in columns)
    merges = []
    for level in range(depth):
        j = 0
        while j < len(columns):
            header = columns[j].header
            if len(header) <= level:
                j += 1
                continue
            if level == len(header) - 1:
                if level < depth - 1:
                    merges.append((level, j, depth - 1, j))
                j += 1
                continue
            end = j
            while (end + 1 < len(columns) and len(columns[end + 1].header) > level + 1
                   and columns[end + 1].header[: level + 1] == header[: level + 1]):
                end += 1
            if end > j:
                merges.append((level, j, level, end))
            j = end + 1
    return merges


#: Printable width at 100 % in column-width units (landscape, 1 cm margins; 1 unit ≈ 1.85 mm).
PAGE_UNITS = {"A4": 150.0, "A3": 216.0}
#: Smallest print scale accepted before a sheet is split across pages in width.
MIN_SCALE = 0.55
#: Scale aimed at when a sheet is split across pages.
SPLIT_SCALE = 0.7


def print_pages(widths, paper: str = "A4", title_columns: int = 1) -> tuple[int, int]:
    """Pages across for fit-to-width printing, and the columns on the first page.

    A sheet is fitted to one page width unless that would print it smaller
    than :data:`MIN_SCALE`; a wider sheet (the 70-column status table) is
    fitted to several pages across, its first ``title_columns`` columns
    repeated on each.
    """
    page = PAGE_UNITS.get(paper, PAGE_UNITS["A4"])
    total = float(sum(widths))
    if total <= page / MIN_SCALE:
        return 1, len(widths)
    titles = float(sum(widths[:title_columns]))
    room = page / SPLIT_SCALE
    pages = max(2, math.ceil((total - titles) / max(room - titles, 1.0)))
    scale = min(1.0, page * pages / (total + titles * (pages - 1)))
    used, first = 0.0, 0
    for w in widths:
        # 0.9: the renderer's page may hold a little less than estimated.
        if used + w > 0.9 * page / scale:
            break
        used += w
        first += 1
    return pages, max(first, 1)


def write_workbook(sheets: list[Sheet], rows: dict | None = None):
    """An openpyxl Workbook with one worksheet per :class:`Sheet`.

    Args:
        sheets: The sheets.
        rows: When given, the body rows of blocks without spanning columns
            are not made as openpyxl cells but as the worksheet XML openpyxl
            would write for them, collected here (worksheet → :class:`_Rows`)
            for :func:`save_workbook` to put in place: a county's parcel
            lists are 400 000 cells, which openpyxl makes and writes one
            object at a time.
    """
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        ws = workbook.create_sheet(sheet.name[:31])
        collected = _Rows() if rows is not None else None
        write_sheet(ws, sheet, collected)
        if collected:
            collected.last_row = max(collected.last_row, ws.max_row)
            collected.last_column = max(collected.last_column, ws.max_column)
            rows[ws] = collected
    return workbook


class _Rows(dict):
    """Body rows of a worksheet as XML: sheet row number → ``<row>`` element, and the extent they reach."""

    last_row = 0
    last_column = 0


def save_workbook(workbook, path, rows: dict) -> None:
    """Save ``workbook`` (as openpyxl's ``Workbook.save``) with the XML body rows of :func:`write_workbook`."""
    from openpyxl.writer.excel import ExcelWriter

    archive = _RowsArchive(path, "w", ZIP_DEFLATED, allowZip64=True)
    archive.sheet_rows = rows
    ExcelWriter(workbook, archive).save()


def _merge_rows(xml: str, rows: _Rows) -> str:
    """A worksheet's XML with ``rows`` placed among openpyxl's own rows, in row order, and its extent set."""
    import re

    from openpyxl.utils import get_column_letter

    start = xml.index("<sheetData>") + len("<sheetData>")
    end = xml.index("</sheetData>", start)
    body = xml[start:end]
    marks = [m.start() for m in re.finditer("<row ", body)] + [len(body)]
    own = [(int(re.match(r'<row r="(\d+)"', body[a:b]).group(1)), body[a:b]) for a, b in zip(marks, marks[1:])]
    merged = "".join(text for _, text in sorted(own + list(rows.items()), key=lambda item: item[0]))
    head = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{get_column_letter(max(rows.last_column, 1))}'
                  f'{max(rows.last_row, 1)}"/>', xml[:start], count=1)
    return head + merged + xml[end:]


class _RowsArchive(ZipFile):
    """openpyxl's zip archive, putting the collected body rows into each worksheet as it is written."""

    sheet_rows: dict = {}

    def write(self, filename, arcname=None, *args, **kwargs):  # noqa: D102
        for ws, rows in self.sheet_rows.items():
            if arcname == ws.path[1:]:
                with open(filename, encoding="utf-8") as handle:
                    xml = handle.read()
                self.writestr(arcname, _merge_rows(xml, rows).encode("utf-8"))
                return
        super().write(filename, arcname, *args, **kwargs)


def _starts(block: Block) -> list[int]:
    """0-based sheet column where each block column starts (columns may span several)."""
    out, at = [], 0
    for col in block.columns:
        out.append(at)
        at += col.span
    return out


def _block_width(block: Block) -> int:
    return sum(c.span for c in block.columns)


def column_widths(sheet: Sheet) -> list[float]:
    """Sheet column widths: the widest single-column need over the blocks; spans only merge."""
    width_cols = max(_block_width(b) for b in sheet.blocks)
    widths = [0.0] * width_cols
    for block in sheet.blocks:
        starts = _starts(block)
        for j, col in enumerate(block.columns):
            if col.span != 1:
                continue
            if col.width is not None:
                want = col.width
            elif col.kind in ("text", "code"):
                texts = [str(r.values[j]) for r in block.rows if j < len(r.values) and r.values[j] is not None]
                want = min(max([_text_width(t) for t in texts] + [6.0]) + 2, 40)
            else:
                want = 11.0
            widths[starts[j]] = max(widths[starts[j]], want)
    return [w or 8.0 for w in widths]


def header_lines(items: list[str], span: int) -> list[list[tuple[int, int, str]]]:
    """The header block laid out: per line, ``(first column, last column, text)`` of each item.

    Three items a line on wide sheets, two on narrower ones, one on a very
    narrow one; each item gets an equal share of the printed width.
    """
    per_line = 3 if span >= 6 else 2 if span >= 4 else 1
    lines = []
    for start in range(0, len(items), per_line):
        chunk = items[start:start + per_line]
        share = max(1, span // per_line)
        cells = []
        for k, text in enumerate(chunk):
            first = 1 + k * share
            last = span if k == len(chunk) - 1 else first + share - 1  # the line's last item takes the rest
            cells.append((first, min(last, span), text))
        lines.append(cells)
    return lines


def _header_block(ws, sheet: Sheet, span: int, merge, body, right) -> int:
    """Write the header block (project facts) and the 面积单位 line under the title; returns the next row."""
    from openpyxl.styles import Alignment

    row = 2
    for line in header_lines(facts_of(sheet.project).header_items(), span):
        for first, last, text in line:
            ws.cell(row, first, text).font = body
            ws.cell(row, first).alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
            merge(row, first, row, last)
        ws.row_dimensions[row].height = 18
        row += 1
    ws.cell(row, 1, sheet.unit_text).font = body
    ws.cell(row, 1).alignment = right
    merge(row, 1, row, span)
    ws.row_dimensions[row].height = 18
    return row + 1


def _row_height(lines: int) -> float:
    """Height of a body row whose longest text wraps to ``lines`` lines."""
    return 13.5 * lines + 3


def _body_cell(col: Column, value, zero_blank: bool, width: float) -> tuple:
    """What a body cell holds: ``(value, alignment, number format, lines its text wraps to)``.

    The value is what the cell stores: text, a number (the shown, rounded
    value) or None; the alignment is ``"center"``, ``"left"`` or ``"right"``.
    """
    kind, decimals = col.kind, col.decimals
    if isinstance(value, Cell):
        kind, decimals, value = value.kind, value.decimals, value.value
    if isinstance(value, str) and ILLEGAL_CHARACTERS.search(value):
        value = ILLEGAL_CHARACTERS.sub("", value)  # control characters a cell cannot hold
    if kind in ("text", "code"):
        fmt, lines = None, 1
        if kind == "text" and value:
            lines = _lines(str(value), width)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            fmt = "0"
        return (None if value in (None, "") else value), ("center" if kind == "code" else "left"), fmt, lines
    if value is None or (isinstance(value, str) and value == ""):
        return None, "right", None, 1
    if isinstance(value, str):
        return value, "center", None, 1
    if is_null(value):
        return "—", "center", None, 1
    # The stored value is the shown one: copying or summing cells gives the printed figures.
    number = int(value) if kind in ("int", "serial") else shown(float(value), decimals)
    return number, ("center" if kind == "serial" else "right"), number_format(kind, decimals, zero_blank), 1


def _xml_rows(ws, block: Block, row: int, widths, starts, rows: _Rows, style) -> int:
    """A block's body rows as the worksheet XML openpyxl writes for its cells, into ``rows``; the next row.

    Each distinct style is set once on a scratch cell by ``style(cell, bold
    row, alignment, number format)`` and registered with the workbook as a
    cell written by openpyxl would be.
    """
    from numbers import Number
    from xml.sax.saxutils import escape

    from openpyxl.cell.cell import Cell as SheetCell
    from openpyxl.compat import safe_string
    from openpyxl.styles.cell_style import StyleArray
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(start + 1) for start in starts]
    ids: dict = {}

    def style_id(bold_row, align, fmt) -> int:
        key = (bold_row, align, fmt)
        if key not in ids:
            scratch = SheetCell(ws, row=1, column=1)
            style(scratch, bold_row, align, fmt)
            ids[key] = ws.parent._cell_styles.add(StyleArray(scratch._style))
        return ids[key]

    for data_row in block.rows:
        bold_row = data_row.style in ("total", "subtotal")
        cells = []
        line_count = 1
        for j, col in enumerate(block.columns):
            value, align, fmt, lines = _body_cell(col, data_row.values[j] if j < len(data_row.values) else None,
                                                  block.zero_blank, widths[starts[j]])
            line_count = max(line_count, lines)
            head = f'<c r="{letters[j]}{row}" s="{style_id(bold_row, align, fmt)}"'
            if value is None:
                cells.append(head + ' t="n"/>')
            elif isinstance(value, bool):
                cells.append(f'{head} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, Number):
                cells.append(f'{head} t="n"><v>{safe_string(value)}</v></c>')
            else:
                text = str(value)
                space = ' xml:space="preserve"' if text != text.strip() else ""
                cells.append(f'{head} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>')
        height = f' ht="{safe_string(_row_height(line_count))}" customHeight="1"' if line_count > 1 else ""
        rows[row] = f'<row r="{row}"{height}>{"".join(cells)}</row>'
        rows.last_row = max(rows.last_row, row)
        rows.last_column = max(rows.last_column, starts[-1] + 1)
        row += 1
    return row


def write_sheet(ws, sheet: Sheet, rows: _Rows | None = None) -> None:  # noqa: C901 - one pass over the layout
    """Lay one sheet out: title, unit line, blocks (caption, header, rows), notes, print set-up.

    With ``rows`` (see :func:`write_workbook`), the body rows of blocks
    without spanning columns go there as XML instead of into ``ws``.
    """
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.styles.cell_style import StyleArray
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body = Font(name=FONT_NAME, size=10)
    bold = Font(name=FONT_NAME, size=10, bold=True)
    header_fill = PatternFill("solid", fgColor="F2F2F2")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    right = Alignment(horizontal="right", vertical="center")

    aligned = {"center": center, "left": left, "right": right}
    widths = column_widths(sheet)
    width_cols = len(widths)
    for j, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(j + 1)].width = round(w, 2)
    pages, first_page_cols = print_pages(widths, sheet.paper, sheet.freeze_columns)
    span = first_page_cols if pages > 1 else width_cols

    def merge(r1, c1, r2, c2):
        if r2 > r1 or c2 > c1:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)

    # A body cell's style (border, font, alignment, number format) is set through openpyxl's descriptors
    # once per combination and copied to the other cells as its style array: setting each part on every
    # cell hashes the style objects each time (40 s for the parcel lists of a 47 000-parcel project).
    styles: dict = {}

    def style(cell, font, alignment, fmt) -> None:
        key = (id(font), id(alignment), fmt)
        cached = styles.get(key)
        if cached is not None:
            cell._style = StyleArray(cached)
            return
        cell.border = border
        if font is not None:
            cell.font = font
        if alignment is not None:
            cell.alignment = alignment
        if fmt is not None:
            cell.number_format = fmt
        styles[key] = StyleArray(cell._style)

    ws.cell(1, 1, sheet.title).font = Font(name=TITLE_FONT, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    merge(1, 1, 1, span)
    ws.row_dimensions[1].height = 30
    row = _header_block(ws, sheet, span, merge, body, right)
    freeze = None
    first_header = None
    for b_index, block in enumerate(sheet.blocks):
        if b_index:
            row += 1
        if block.caption:
            ws.cell(row, 1, block.caption).font = bold
            ws.cell(row, 1).alignment = Alignment(horizontal="left", vertical="center")
            row += 1
        depth = _header_depth(block)
        starts = _starts(block)
        top = row
        for j, col in enumerate(block.columns):
            for level in range(depth):
                for k in range(col.span):
                    cell = ws.cell(top + level, starts[j] + k + 1)
                    cell.border = border
                    cell.font = body
                    cell.alignment = center
                    cell.fill = header_fill
                if level < len(col.header):
                    ws.cell(top + level, starts[j] + 1).value = col.header[level]
        # Merged ranges in sheet columns; a spanning column's own header cells merge across its span.
        ranges = []
        covered = set()
        for level1, col1, level2, col2 in header_merges(block.columns):
            ranges.append((level1, starts[col1], level2, starts[col2] + block.columns[col2].span - 1, col1))
            covered |= {(lv, c) for lv in range(level1, level2 + 1) for c in range(col1, col2 + 1)}
        for j, col in enumerate(block.columns):
            for level in range(len(col.header)):
                if (level, j) not in covered and col.span > 1:
                    ranges.append((level, starts[j], level, starts[j] + col.span - 1, j))
                    covered.add((level, j))
        needed = [1] * depth
        for level1, c1, level2, c2, j in ranges:
            merge(top + level1, c1 + 1, top + level2, c2 + 1)
            lines = _lines(block.columns[j].header[level1], sum(widths[c1: c2 + 1]))
            for lv in range(level1, level2 + 1):
                needed[lv] = max(needed[lv], math.ceil(lines / (level2 - level1 + 1)))
        for j, col in enumerate(block.columns):
            for level, text in enumerate(col.header):
                if (level, j) not in covered:
                    needed[level] = max(needed[level], _lines(text, widths[starts[j]]))
        for level in range(depth):
            ws.row_dimensions[top + level].height = 14 * needed[level] + 4
        row = top + depth
        if b_index == 0:
            freeze = ws.cell(row, sheet.freeze_columns + 1).coordinate
            first_header = (top, row - 1)
        if rows is not None and all(col.span == 1 for col in block.columns):
            row = _xml_rows(ws, block, row, widths, starts, rows, lambda cell, bold_row, align, fmt: style(
                cell, bold if bold_row else body, aligned[align], fmt))
            continue
        for data_row in block.rows:
            line_count = 1
            font = bold if data_row.style in ("total", "subtotal") else body
            for j, col in enumerate(block.columns):
                if col.span > 1:
                    for k in range(col.span):  # bordered before merging: the merge copies the first cell's border
                        style(ws.cell(row, starts[j] + k + 1), None, None, None)
                    merge(row, starts[j] + 1, row, starts[j] + col.span)
                cell = ws.cell(row, starts[j] + 1)
                value, align, fmt, lines = _body_cell(
                    col, data_row.values[j] if j < len(data_row.values) else None, block.zero_blank,
                    sum(widths[starts[j]: starts[j] + col.span]))
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, even when the text starts with "="
                style(cell, font, aligned[align], fmt)
                line_count = max(line_count, lines)
            if line_count > 1:
                ws.row_dimensions[row].height = _row_height(line_count)
            row += 1
    for note in sheet.notes:
        row += 1
        cell = ws.cell(row, 1, note)
        cell.font = Font(name=FONT_NAME, size=9)
        cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        merge(row, 1, row, span)
        ws.row_dimensions[row].height = 13 * _lines(note, sum(widths[:span])) + 4

    if freeze:
        ws.freeze_panes = freeze
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3 if sheet.paper == "A3" else ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = pages
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 9
    # Absolute references: LibreOffice ignores print-title columns written without "$".
    if len(sheet.blocks) == 1 and first_header:
        ws.print_title_rows = f"${first_header[0] if pages > 1 else 1}:${first_header[1]}"
    if pages > 1:
        ws.print_title_cols = f"$A:${get_column_letter(sheet.freeze_columns)}"


# --------------------------------------------------------------------------- saving


def save(sheets: list[Sheet], xlsx_path, csv_folder=None) -> list[str]:
    """Write the workbook (and the CSVs) so that a failure leaves no half-written file.

    Every file is first written to a temporary name in its target folder;
    only when all are written are they renamed into place.  On any error the
    temporary files are removed and existing files are left untouched.

    Returns:
        The paths written, the workbook first.
    """
    xlsx_path = Path(xlsx_path)
    xlsx_path.parent.mkdir(parents=True, exist_ok=True)
    pending: list[tuple[str, Path]] = []

    def temp_for(target: Path) -> str:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part", dir=target.parent)
        os.close(handle)
        pending.append((name, target))
        return name

    try:
        rows: dict = {}
        workbook = write_workbook(sheets, rows)
        save_workbook(workbook, temp_for(xlsx_path), rows)
        if csv_folder:
            folder = Path(csv_folder)
            folder.mkdir(parents=True, exist_ok=True)
            for file_name, i, b in csv_export.csv_names(sheets):
                csv_export.write_csv(temp_for(folder / file_name), sheets[i], b)
        mode = umask_mode()  # mkstemp made them 0600; a written file gets the user's usual mode
        for temp, target in pending:
            os.replace(temp, target)
            os.chmod(target, mode)
        return [str(target) for _, target in pending]
    finally:
        for temp, _ in pending:
            if os.path.exists(temp):
                os.unlink(temp)
