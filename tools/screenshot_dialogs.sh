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
DISPLAY_NUM=:78
source "$ROOT/tools/screenshots/qgis_xvfb.sh"
export LC_SHOTS="$OUT" LC_SAMPLE="$ROOT/sample/sample.gpkg"
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
