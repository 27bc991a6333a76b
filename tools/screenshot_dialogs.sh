#!/usr/bin/env bash
# Walk the project wizard and the export dialog in real QGIS under Xvfb on the bundled
# sample and save what a user sees: one PNG per wizard page, the map with the loaded
# project, the export dialog. Usage: bash tools/screenshot_dialogs.sh [OUT_DIR] [LOCALE]
# (needs xvfb, imagemagick, fonts-noto-cjk; LOCALE e.g. zh_CN or en_US).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(realpath -m "${1:-$ROOT/output/screenshots}")"
LOCALE="${2:-zh_CN}"
mkdir -p "$OUT"
rm -f "$OUT/done" "$OUT/project_loaded" "$OUT"/*_error.txt "$OUT"/*.gpkg "$OUT"/*.xlsx
[ -f "$ROOT/sample/sample.gpkg" ] || /usr/bin/python3 "$ROOT/tools/generate_sample.py" --output "$ROOT/sample/sample.gpkg"
CONFIG="$(mktemp -d)"
export QGIS_CUSTOM_CONFIG_PATH="$CONFIG"
/usr/bin/python3 "$ROOT/tools/install_plugin.py" >/dev/null
/usr/bin/python3 - "$CONFIG/profiles/default/QGIS/QGIS3.ini" "$LOCALE" <<'PY'
import sys
from PyQt5.QtCore import QSettings
s = QSettings(sys.argv[1], QSettings.IniFormat)
s.setValue("locale/overrideFlag", True)
s.setValue("locale/userLocale", sys.argv[2])
s.setValue("qgis/showTips", False)
s.setValue("qgis/checkVersion", False)
s.sync()
PY
DISPLAY_NUM=:78
Xvfb "$DISPLAY_NUM" -screen 0 1600x1000x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true; rm -rf "$CONFIG"' EXIT
export DISPLAY="$DISPLAY_NUM" LC_SHOTS="$OUT" LC_SAMPLE="$ROOT/sample/sample.gpkg"
sleep 1
qgis --nologo --noversioncheck --code "$ROOT/tools/screenshots/walk_wizard.py" >"$OUT/qgis.log" 2>&1 &
QGIS_PID=$!
for _ in $(seq 1 180); do
  [ -f "$OUT/project_loaded" ] && break
  sleep 1
done
sleep 3
import -window root "$OUT/qgis_project_loaded.png"
for _ in $(seq 1 180); do
  [ -f "$OUT/done" ] && break
  sleep 1
done
import -window root "$OUT/qgis_export.png"
kill "$QGIS_PID" 2>/dev/null || true
ls "$OUT"
