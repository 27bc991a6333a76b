#!/usr/bin/env bash
# Render a scheme workbook the way a user sees it on paper: xlsx → PDF (LibreOffice,
# every sheet with its print set-up) → one PNG per page.
#
#   bash tools/render_workbook.sh WORKBOOK.xlsx [OUT_DIR] [DPI]
#
# Needs: apt-get install -y --no-install-recommends libreoffice-calc fonts-noto-cjk poppler-utils
# Writes OUT_DIR/<name>.pdf and OUT_DIR/<name>-<page>.png (default OUT_DIR: next to the
# workbook, <name>_render/; default DPI 60) and prints the PNG paths.
set -euo pipefail

if [ $# -lt 1 ]; then
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
workbook=$(realpath "$1")
name=$(basename "${workbook%.*}")
out=${2:-$(dirname "$workbook")/${name}_render}
dpi=${3:-60}
for tool in soffice pdftoppm; do
    command -v "$tool" >/dev/null || {
        echo "$tool not found: apt-get install -y --no-install-recommends libreoffice-calc fonts-noto-cjk poppler-utils" >&2
        exit 1
    }
done
mkdir -p "$out"
rm -f "$out/$name".pdf "$out/$name"-*.png
# A private profile: no clash with a running LibreOffice, no first-start dialogs.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$workbook" >/dev/null
pdftoppm -png -r "$dpi" "$out/$name.pdf" "$out/$name"
ls "$out/$name"-*.png
