#!/usr/bin/env bash
# Walk the project wizard and the export dialog in real QGIS under Xvfb on the bundled
# sample and save what a user sees: one PNG per wizard page (and the states that disable
# Next), the map with the loaded project, the export dialog.
# Usage: bash tools/screenshot_dialogs.sh [OUT_DIR] [LOCALE]
# (needs xvfb, imagemagick, fonts-noto-cjk; LOCALE as QGIS stores it: zh-Hans, the default,
# is 简体中文 chosen in Settings → Options; en_US for English).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(realpath -m "${1:-$ROOT/output/screenshots}")"
LOCALE="${2:-zh-Hans}"
mkdir -p "$OUT"
rm -f "$OUT/done" "$OUT/project_loaded" "$OUT"/*_error.txt "$OUT"/python_errors.txt "$OUT"/*.gpkg "$OUT"/*.xlsx \
  "$OUT"/*.png
[ -f "$ROOT/sample/sample.gpkg" ] || /usr/bin/python3 "$ROOT/tools/generate_sample.py" --output "$ROOT/sample/sample.gpkg"
DISPLAY_NUM="${LC_DISPLAY:-:78}"
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
if [ -s "$OUT/python_errors.txt" ]; then echo "Python errors:"; cat "$OUT/python_errors.txt"; exit 1; fi
