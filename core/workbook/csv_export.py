"""CSV export: one UTF-8 (with BOM) file per block of a sheet, values as shown in the workbook.

Text that a spreadsheet would run as a formula (``=…``, ``+…``, ``-…``,
``@…``) is written with a leading apostrophe (core/files.py); numbers are
written as numbers.
"""
from __future__ import annotations

import csv

from ..files import spreadsheet_safe
from ..values import is_null
from .model import Cell, Column, Sheet


def flat_header(column: Column) -> str:
    """One-line header of a column for CSV: levels joined by ``/``, line breaks removed."""
    return "/".join(str(h).replace("\n", "") for h in column.header)


def write_csv(path, sheet: Sheet, block_index: int = 0) -> None:
    """One block of a sheet as CSV (UTF-8 with BOM so Excel reads the Chinese), values as shown."""
    block = sheet.blocks[block_index]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([flat_header(c) for c in block.columns])
        for data_row in block.rows:
            out = []
            for j, col in enumerate(block.columns):
                value = data_row.values[j] if j < len(data_row.values) else None
                kind, decimals = col.kind, col.decimals
                if isinstance(value, Cell):
                    kind, decimals, value = value.kind, value.decimals, value.value
                if value is None:
                    out.append("")
                elif isinstance(value, str):
                    out.append(spreadsheet_safe(value))
                elif is_null(value):
                    out.append("")
                elif kind in ("text", "code"):
                    out.append(spreadsheet_safe(str(value)))
                elif kind in ("int", "serial"):
                    out.append(str(int(value)))
                else:
                    out.append(f"{float(value):.{decimals}f}")
            writer.writerow(out)


def csv_names(sheets: list[Sheet]) -> list[tuple[str, int, int]]:
    """``(file name, sheet index, block index)`` of every CSV: the main block as the sheet name, others suffixed."""
    names = []
    for i, sheet in enumerate(sheets):
        base = sheet.name.replace("/", "／")
        for b, block in enumerate(sheet.blocks):
            suffix = "" if b == 0 else f"_{block.caption or b + 1}".replace("/", "／")
            names.append((f"{base}{suffix}.csv", i, b))
    return names

