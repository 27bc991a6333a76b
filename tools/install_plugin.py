"""Install the plugin into a QGIS profile (and compile its translations).

Usage::

    python3 tools/install_plugin.py                 # default profile, enabled
    QGIS_CUSTOM_CONFIG_PATH=/tmp/q python3 tools/install_plugin.py
    python3 tools/install_plugin.py --profile work --no-enable
    python3 tools/install_plugin.py --compile-only  # just build resources/i18n/*.qm

The profile folder is ``$QGIS_CUSTOM_CONFIG_PATH/profiles/<profile>`` when
that variable is set (as QGIS itself does), else
``~/.local/share/QGIS/QGIS3/profiles/<profile>``.  The plugin is copied to
``python/plugins/land_consolidation`` there (a previous copy is replaced) and
enabled in the profile's ``QGIS/QGIS3.ini``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_NAME = "land_consolidation"
#: What the installed plugin consists of (tests, tools and dev files stay out).
PLUGIN_ITEMS = ("metadata.txt", "__init__.py", "plugin.py", "plugin_info.py", "i18n.py", "core", "processing",
                "dialogs", "resources", "docs", "README.md", "CHANGELOG.md", "LICENSE")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.ts")


def config_dir() -> Path:
    """QGIS's configuration folder, honouring QGIS_CUSTOM_CONFIG_PATH."""
    custom = os.environ.get("QGIS_CUSTOM_CONFIG_PATH")
    if custom:
        return Path(custom)
    return Path.home() / ".local" / "share" / "QGIS" / "QGIS3"


def compile_translations() -> list[Path]:
    """Compile resources/i18n/*.ts to .qm with lrelease (when available)."""
    sources = sorted((ROOT / "resources" / "i18n").glob("*.ts"))
    if not sources:
        return []
    tool = shutil.which("lrelease") or shutil.which("lrelease-qt5")
    if tool is None:
        print("lrelease not found: translations not compiled (install qttools5-dev-tools)", file=sys.stderr)
        return []
    built = []
    for ts in sources:
        qm = ts.with_suffix(".qm")
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def install(profile: str, enable: bool) -> Path:
    """Copy the plugin into the profile; returns the installed folder."""
    target = config_dir() / "profiles" / profile / "python" / "plugins" / PLUGIN_NAME
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for item in PLUGIN_ITEMS:
        source = ROOT / item
        if source.is_dir():
            shutil.copytree(source, target / item, ignore=IGNORE)
        elif source.exists():
            shutil.copy2(source, target / item)
    if enable:
        enable_plugin(config_dir() / "profiles" / profile)
    return target


def enable_plugin(profile_dir: Path) -> None:
    """Mark the plugin enabled in the profile's QGIS3.ini (QSettings format)."""
    from PyQt5.QtCore import QSettings

    ini = profile_dir / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    settings.setValue(f"PythonPlugins/{PLUGIN_NAME}", True)
    settings.sync()


def main(argv=None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--profile", default="default", help="QGIS profile name (default: default)")
    parser.add_argument("--no-enable", action="store_true", help="copy only, do not enable")
    parser.add_argument("--compile-only", action="store_true", help="only compile the translations")
    args = parser.parse_args(argv)
    compile_translations()
    if args.compile_only:
        return 0
    target = install(args.profile, enable=not args.no_enable)
    print(f"Installed {PLUGIN_NAME} into {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
