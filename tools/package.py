"""Build the zip a user installs with QGIS → Plugins → Manage and Install Plugins → Install from ZIP.

Usage::

    /usr/bin/python3 tools/package.py            # → dist/land_consolidation-<version>.zip
    /usr/bin/python3 tools/package.py --output other.zip

The zip holds one folder, ``land_consolidation/``, with what
tools/install_plugin.py copies into a profile (:data:`PLUGIN_ITEMS`): the
plugin's code, resources with the **compiled** translations (.qm; the .ts
sources stay out), docs, README, CHANGELOG and LICENSE.  Tests, benchmarks,
tools and development files are left out.  Fails when the translations
cannot be compiled (lrelease missing), so a zip never ships without Chinese.
"""
from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from install_plugin import PLUGIN_ITEMS, PLUGIN_NAME, ROOT, compile_translations  # noqa: E402

#: Never in the zip, wherever they are.
EXCLUDED_NAMES = {"__pycache__", ".DS_Store"}
EXCLUDED_SUFFIXES = {".pyc", ".ts"}


def version() -> str:
    """The plugin version from metadata.txt."""
    for line in (ROOT / "metadata.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("version="):
            return line.split("=", 1)[1].strip()
    raise SystemExit("metadata.txt has no version")


def files() -> list[Path]:
    """Every file that goes into the zip, relative to the repository root."""
    out = []
    for item in PLUGIN_ITEMS:
        path = ROOT / item
        candidates = sorted(path.rglob("*")) if path.is_dir() else [path]
        for candidate in candidates:
            if not candidate.is_file():
                continue
            relative = candidate.relative_to(ROOT)
            if EXCLUDED_NAMES & set(relative.parts) or candidate.suffix in EXCLUDED_SUFFIXES:
                continue
            out.append(relative)
    return out


def build(output: Path) -> Path:
    """Compile the translations and write the zip atomically; returns its path."""
    if not compile_translations():
        raise SystemExit("the translations could not be compiled (install qttools5-dev-tools for lrelease)")
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative in files():
            archive.write(ROOT / relative, f"{PLUGIN_NAME}/{relative.as_posix()}")
    partial.replace(output)
    return output


def main(argv=None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, default=None, help="zip to write (default: dist/<name>-<version>.zip)")
    args = parser.parse_args(argv)
    output = args.output or ROOT / "dist" / f"{PLUGIN_NAME}-{version()}.zip"
    path = build(output)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    print(f"{path} ({len(names)} files, {path.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
