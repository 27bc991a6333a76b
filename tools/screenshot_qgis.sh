#!/usr/bin/env bash
# Screenshot of desktop QGIS with the plugin installed in a fresh profile, under Xvfb:
# the Processing toolbox filtered to the plugin's provider, and the plugin's menu.
# Usage: bash tools/screenshot_qgis.sh [OUT_DIR] [LOCALE]   (needs xvfb, imagemagick, fonts-noto-cjk)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/output/screenshots}"
LOCALE="${2:-en_US}"
mkdir -p "$OUT"
CONFIG="$(mktemp -d)"
export QGIS_CUSTOM_CONFIG_PATH="$CONFIG"
/usr/bin/python3 "$ROOT/tools/install_plugin.py" >/dev/null
INI="$CONFIG/profiles/default/QGIS/QGIS3.ini"
/usr/bin/python3 - "$INI" "$LOCALE" <<'PY'
import sys
from PyQt5.QtCore import QSettings
s = QSettings(sys.argv[1], QSettings.IniFormat)
s.setValue("locale/overrideFlag", True)
s.setValue("locale/userLocale", sys.argv[2])
s.setValue("qgis/showTips", False)
s.setValue("qgis/checkVersion", False)
s.sync()
PY
DISPLAY_NUM=:77
Xvfb "$DISPLAY_NUM" -screen 0 1600x1000x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true; rm -rf "$CONFIG"' EXIT
export DISPLAY="$DISPLAY_NUM"
sleep 1
SAMPLE_ARGS=(); [ -f "$ROOT/sample/sample.gpkg" ] && SAMPLE_ARGS=("$ROOT/sample/sample.gpkg")
qgis --nologo --noversioncheck --code "$ROOT/tools/screenshots/show_toolbox.py" "${SAMPLE_ARGS[@]}" >/dev/null 2>&1 &
QGIS_PID=$!
for _ in $(seq 1 60); do
  [ -f "$CONFIG/ready" ] && break
  sleep 1
done
sleep 2
import -window root "$OUT/qgis_toolbox_$LOCALE.png"
touch "$CONFIG/menu"
sleep 3
import -window root "$OUT/qgis_menu_$LOCALE.png"
kill "$QGIS_PID" 2>/dev/null || true
echo "Screenshots in $OUT"
