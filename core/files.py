"""Writing files safely: never over an input, all at once, readable as the user expects.

* **Never over an input**: :func:`same_file` compares paths the way the
  file system does (symbolic links and ``..`` resolved; a shapefile is its
  ``.shp`` and every sidecar).
* **All at once**: an output is written to a hidden temporary file beside it
  and renamed at the end, so a failed or killed run leaves no
  complete-looking partial file (:func:`temporary_beside`, :func:`publish`).
* **Normal permissions**: ``tempfile.mkstemp`` creates files readable by
  their owner only (0600); a published file gets what any new file of the
  user would get (0666 minus the umask).
* **Spreadsheet-safe text**: a CSV opened in Excel runs a cell that starts
  with ``=``, ``+``, ``-``, ``@`` (or a tab / carriage return) as a formula;
  :func:`spreadsheet_safe` prefixes such text with an apostrophe, which
  spreadsheets show as text.  Numbers are never changed.
"""
from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

#: Sidecar files of a shapefile (and of the other formats written as several files).
SIDECARS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qpj", ".qix", ".sbn", ".sbx", ".csvt", ".qmd")
#: Leading characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def resolved(path) -> Path:
    """An absolute, symlink-free path for comparisons."""
    return Path(os.path.realpath(os.path.expanduser(str(path))))


def file_set(path) -> set[Path]:
    """The files a dataset path stands for: a shapefile's sidecars too."""
    path = resolved(path)
    if path.suffix.lower() in (".shp", ".dbf", ".shx"):
        return {path.with_suffix(ext) for ext in SIDECARS} | {path}
    return {path}


def same_file(a, b) -> bool:
    """True when writing ``b`` would write over (part of) dataset ``a``."""
    return bool(file_set(a) & file_set(b))


def umask_mode() -> int:
    """The mode a new file of this user gets: 0666 minus the umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def temporary_beside(path) -> Path:
    """A hidden temporary name in the target's folder (same suffix), for writing then renaming."""
    path = Path(path)
    return path.with_name(f".{path.stem}.part-{secrets.token_hex(4)}{path.suffix}")


def final_of(path) -> Path:
    """The name a :func:`temporary_beside` file will be published under (``path`` itself when it is not one).

    An algorithm writing a companion file next to a staged output names it
    after the final name, which its staged parameters no longer carry.
    """
    path = Path(path)
    match = re.fullmatch(r"\.(.+)\.part-[0-9a-f]{8}", path.stem)
    return path.with_name(match.group(1) + path.suffix) if match else path


def publish(temporary, final) -> Path:
    """Move a finished temporary dataset onto its final name, with normal permissions.

    A shapefile-like dataset moves with its sidecars (each file named like
    the temporary one, whatever its extension); old sidecars of the final
    name are removed first so none is left over from an earlier run.
    """
    temporary, final = Path(temporary), Path(final)
    siblings = [p for p in temporary.parent.glob(f"{temporary.stem}.*") if p.is_file()] or [temporary]
    if len(siblings) > 1 or temporary.suffix.lower() == ".shp":
        for ext in SIDECARS:
            old = final.with_suffix(ext)
            if old.exists() and old.with_suffix("") != temporary.with_suffix(""):
                old.unlink()
    mode = umask_mode()
    for sibling in siblings:
        target = final.with_suffix(sibling.suffix) if sibling != temporary else final
        os.replace(sibling, target)
        os.chmod(target, mode)
    return final


def discard(temporary) -> None:
    """Remove a temporary dataset (and its sidecars) after a failed run."""
    temporary = Path(temporary)
    for sibling in list(temporary.parent.glob(f"{temporary.stem}.*")) + [temporary]:
        if sibling.is_file():
            sibling.unlink()


def spreadsheet_safe(value):
    """Text a spreadsheet would run as a formula, made plain text; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
