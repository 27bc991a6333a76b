#!/usr/bin/env bash
# Set-up shared by tools/sample.sh and tools/test.sh (sourced, not run):
# installs Debian's QGIS when it is missing (sudo when not root) and makes
# .venv from the system Python with --system-site-packages (QGIS's Python
# bindings are not on PyPI), with the test tools from requirements-dev.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
SYSTEM_PYTHON=/usr/bin/python3
# fonts-noto-cjk: the maps' Chinese text (Noto Sans CJK SC); poppler-utils: the map tests read the PDF back;
# python3-scipy: the drafting assistant's exact solver (milp; without it the plugin uses its greedy method).
APT_PACKAGES=(python3-qgis qgis qgis-providers python3-pandas python3-openpyxl python3-scipy python3-venv python3-pip xvfb
              qttools5-dev-tools fonts-noto-cjk poppler-utils)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

need_apt=0
if ! [ -x "$SYSTEM_PYTHON" ] || ! "$SYSTEM_PYTHON" -c "import qgis.core, pandas, openpyxl, scipy.optimize, ensurepip" >/dev/null 2>&1; then
  need_apt=1
fi
command -v qgis_process.bin >/dev/null 2>&1 || need_apt=1
command -v lrelease >/dev/null 2>&1 || need_apt=1
command -v pdftoppm >/dev/null 2>&1 || need_apt=1
[ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need_apt=1
if [ "$need_apt" -eq 1 ]; then
  echo "== Installing QGIS and tools from Debian packages (about a minute)…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
fi

if ! [ -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import qgis.core" >/dev/null 2>&1; then
  echo "== Creating $VENV (system Python, with system site packages)…"
  rm -rf "$VENV"
  "$SYSTEM_PYTHON" -m venv --system-site-packages "$VENV"
fi
if ! "$VENV/bin/python" -c "import pytest, pytest_qgis" >/dev/null 2>&1 || ! [ -x "$VENV/bin/ruff" ]; then
  echo "== Installing test tools into $VENV…"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$ROOT/requirements-dev.txt"
fi

export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
PYTHON="$VENV/bin/python"
