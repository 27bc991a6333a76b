"""The scheme workbook (实施方案表格, DOMAIN.md §7): pandas frames in, xlsx/CSV out.

Pure: no QGIS.  The package holds one idea a module:

* :mod:`.rounding` – rounding that keeps every shown total equal to the sum
  of the shown parts (top down, controlled rounding for cross tables);
* :mod:`.model` – units and the table model (:class:`Sheet`, :class:`Block`,
  :class:`Column`, :class:`Row`, :class:`Cell`);
* :mod:`.tables` – one module per scheme table: its title, its ``*_sheet``
  layout and ``build(inputs, number)``;
* :mod:`.inputs` – what the builders receive (:class:`Inputs`), each piece
  computed when a wanted table first asks for it;
* :mod:`.registry` – the tables in workbook order, what each needs, and
  :func:`build`, which makes the sheets of the wanted tables and says
  which were left out and why;
* :mod:`.xlsx` – the openpyxl writer and the atomic :func:`save`;
* :mod:`.csv_export` – one CSV per table block.

The names below are the package's public interface.
"""
from . import csv_export, inputs, model, registry, rounding, xlsx
from .csv_export import csv_names, flat_header, write_csv
from .inputs import (
    CONFLICTS,
    DLTB,
    PBF,
    PBF_PARCELS,
    PIECE_GEOMETRIES,
    PIECES_ON_CONSTRAINTS,
    PIECES_ON_PBF,
    PLAN,
    SUBPROJECTS,
    SURVEY,
    Inputs,
    Need,
    Sources,
    Unavailable,
)
from .model import (
    GRADE_DECIMALS,
    HECTARE,
    MONEY_DECIMALS,
    MU,
    PERCENT_DECIMALS,
    UNIT_CHOICES,
    Block,
    Cell,
    Column,
    ProjectFacts,
    Row,
    Sheet,
    Unit,
    area_columns,
    facts_of,
    label,
    unit_line,
    units_for,
)
from .registry import (
    UNIT_LABELS,
    LeftOut,
    Outcome,
    Table,
    build,
    number,
    option_labels,
    register,
    table,
    tables,
    unregister,
)
from .rounding import before_after, controlled_round, round_levels, shown, split, tidy
from .tables.annual import annual_sheet
from .tables.balance import balance_sheet
from .tables.compliance import compliance_sheet
from .tables.contiguity import CONTIGUITY_ROWS, contiguity_sheet
from .tables.farmland import farmland_sheet
from .tables.linkage import linkage_sheet
from .tables.sources import sources_sheet
from .tables.status import status_columns, status_sheets
from .tables.structure import cultivated_figures, structure_figures, structure_sheet
from .tables.subprojects import subprojects_sheet
from .tables.transition import transition_sheets
from .xlsx import column_widths, header_merges, number_format, print_pages, save, write_sheet, write_workbook

__all__ = [
    "Block", "CONFLICTS", "CONTIGUITY_ROWS", "Cell", "Column", "DLTB", "GRADE_DECIMALS", "HECTARE", "Inputs", "LeftOut",
    "MONEY_DECIMALS", "MU", "Need", "Outcome", "PBF", "PBF_PARCELS", "PERCENT_DECIMALS", "PIECES_ON_CONSTRAINTS",
    "PIECES_ON_PBF", "PIECE_GEOMETRIES", "PLAN",
    "ProjectFacts", "Row", "SUBPROJECTS", "SURVEY", "Sheet", "Sources", "Table", "UNIT_CHOICES", "UNIT_LABELS",
    "Unavailable", "Unit",
    "annual_sheet", "area_columns", "balance_sheet", "before_after", "build", "column_widths", "compliance_sheet",
    "contiguity_sheet", "controlled_round", "csv_export", "csv_names", "cultivated_figures", "facts_of",
    "farmland_sheet", "flat_header", "header_merges", "inputs", "label", "linkage_sheet", "model", "number",
    "number_format", "option_labels", "print_pages", "register", "registry", "round_levels", "rounding", "save",
    "shown", "sources_sheet", "split", "status_columns", "status_sheets", "structure_figures", "structure_sheet",
    "subprojects_sheet", "table", "tables", "tidy", "transition_sheets", "unit_line", "units_for", "unregister",
    "write_csv", "write_sheet", "write_workbook", "xlsx",
]
