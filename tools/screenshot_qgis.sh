#!/usr/bin/env bash
# Screenshot of desktop QGIS with the plugin installed in a fresh profile, under Xvfb:
# the Processing toolbox filtered to the plugin's provider, and the plugin's menu.
# Usage: bash tools/screenshot_qgis.sh [OUT_DIR] [LOCALE]   (needs xvfb, imagemagick, fonts-noto-cjk)
# LOCALE as QGIS stores it: zh-Hans (the default, 简体中文) or en_US.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/output/screenshots}"
LOCALE="${2:-zh-Hans}"
mkdir -p "$OUT"
DISPLAY_NUM="${LC_DISPLAY:-:77}"
source "$ROOT/tools/screenshots/qgis_xvfb.sh"
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
