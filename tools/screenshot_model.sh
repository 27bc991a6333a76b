#!/usr/bin/env bash
# Screenshot of the shipped model 全域整治方案一键核算 open in QGIS's Graphical Modeler, under Xvfb,
# with the plugin installed in a fresh profile.
# Usage: bash tools/screenshot_model.sh [OUT_FILE] [LOCALE]   (needs xvfb, imagemagick, fonts-noto-cjk)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT_FILE="${1:-$ROOT/tools/screenshots/model_zh-Hans.png}"
LOCALE="${2:-zh-Hans}"   # what QGIS stores for 简体中文 (its own qgis_zh-Hans.qm)
mkdir -p "$(dirname "$OUT_FILE")"
DISPLAY_NUM=:78
source "$ROOT/tools/screenshots/qgis_xvfb.sh"
qgis --nologo --noversioncheck --code "$ROOT/tools/screenshots/show_model.py" >/dev/null 2>&1 &
QGIS_PID=$!
for _ in $(seq 1 90); do
  [ -f "$CONFIG/ready" ] && break
  sleep 1
done
sleep 2
import -window root "$OUT_FILE"
kill "$QGIS_PID" 2>/dev/null || true
echo "Screenshot: $OUT_FILE"
