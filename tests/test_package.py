"""The zip of `make package` is what a user installs: it loads in a fresh profile and runs headless.

The zip is unpacked into a temporary QGIS profile's plugin folder exactly as
QGIS's *Install from ZIP* does, enabled with ``qgis_process.bin plugins
enable``, and an algorithm runs through ``qgis_process.bin``.
"""
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from builders import memory_layer, status_rows
from test_qgis_process import write_gpkg

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist") / "plugin.zip"
    subprocess.run([sys.executable, str(ROOT / "tools" / "package.py"), "--output", str(out)], check=True)
    return out


def test_zip_holds_the_plugin_and_nothing_else(package):
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
    assert all(n.startswith("land_consolidation/") for n in names)
    inside = {n.split("/", 1)[1] for n in names}
    for needed in ("metadata.txt", "__init__.py", "plugin.py", "LICENSE", "CHANGELOG.md", "README.md",
                   "resources/i18n/land_consolidation_zh_CN.qm", "processing/provider.py", "core/dltb.py"):
        assert needed in inside, needed
    for item in inside:
        assert not item.startswith(("tests/", "benchmarks/", "tools/", ".ci/", ".venv/")), item
        assert not item.endswith((".pyc", ".ts")) and "__pycache__" not in item, item
        assert item not in ("Makefile", "requirements-dev.txt", "ruff.toml", "pytest.ini", ".pre-commit-config.yaml")


def test_metadata_has_no_placeholder_addresses(package):
    with zipfile.ZipFile(package) as archive:
        text = archive.read("land_consolidation/metadata.txt").decode("utf-8")
    assert "example." not in text and "changelog=" in text and "0.2.0" in text


def test_unzipped_plugin_runs_through_qgis_process(qgis_app, package, tmp_path):
    config = tmp_path / "qgis_config"
    plugins = config / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(plugins)
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(config))
    enable = subprocess.run(["qgis_process.bin", "plugins", "enable", "land_consolidation"], env=env,
                            capture_output=True, text=True, timeout=300)
    assert enable.returncode == 0, enable.stdout + enable.stderr
    dltb = write_gpkg(memory_layer("DLTB", status_rows()), tmp_path / "dltb.gpkg")
    run = subprocess.run(
        ["qgis_process.bin", "--json", "run", "landconsolidation:landusestatus", "--", f"INPUT={dltb}",
         f"OUTPUT={tmp_path / 'status.csv'}"],
        env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    result = json.loads(run.stdout[run.stdout.index("{"):])
    # Σ TBMJ of the eight hand-built parcels (tests/test_landusestatus.py): 38 600 m².
    assert result["results"]["TOTAL_AREA_M2"] == pytest.approx(38_600.0, abs=0.01)
