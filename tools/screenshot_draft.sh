#!/usr/bin/env bash
# Walk the wizard's "no plan yet — draft one" path in real QGIS under Xvfb on the bundled sample with its
# plan removed, and save what a user sees: the plan page with the button, the drafting assistant's form, the
# result (figures, map of the chosen parcels by type, candidates), a parcel unticked, the rerun, the plan page
# with the draft in use, the summary, and the QGIS map with the draft's layers and with the project written.
# Usage: bash tools/screenshot_draft.sh [OUT_DIR] [LOCALE]   (LC_DISPLAY=:NN picks the X display)
# (needs xvfb, imagemagick, fonts-noto-cjk; LOCALE as QGIS stores it: zh-Hans, the default, or en_US).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCALE="${2:-zh-Hans}"
OUT="$(realpath -m "${1:-$ROOT/tools/screenshots/draft_$LOCALE}")"
mkdir -p "$OUT"
rm -f "$OUT/done" "$OUT/map_ready" "$OUT/project_loaded" "$OUT"/*_error.txt "$OUT"/python_errors.txt "$OUT"/*.gpkg "$OUT"/*.png
[ -f "$ROOT/sample/sample.gpkg" ] || /usr/bin/python3 "$ROOT/tools/generate_sample.py" --output "$ROOT/sample/sample.gpkg"
DISPLAY_NUM="${LC_DISPLAY:-:79}"
source "$ROOT/tools/screenshots/qgis_xvfb.sh"
export LC_SHOTS="$OUT" LC_SAMPLE="$ROOT/sample/sample.gpkg"
qgis --nologo --noversioncheck --code "$ROOT/tools/screenshots/walk_draft.py" >"$OUT/qgis.log" 2>&1 &
QGIS_PID=$!
for _ in $(seq 1 240); do
  [ -f "$OUT/map_ready" ] && break
  sleep 1
done
sleep 2
import -window root "$OUT/qgis_draft_layers.png"
for _ in $(seq 1 240); do
  [ -f "$OUT/project_loaded" ] && break
  sleep 1
done
sleep 3
import -window root "$OUT/qgis_project_loaded.png"
for _ in $(seq 1 240); do
  [ -f "$OUT/done" ] && break
  sleep 1
done
kill "$QGIS_PID" 2>/dev/null || true
ls "$OUT"
if [ -s "$OUT/python_errors.txt" ]; then echo "Python errors:"; cat "$OUT/python_errors.txt"; exit 1; fi
