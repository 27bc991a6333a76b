#!/usr/bin/env bash
# Lint: ruff (rules in ruff.toml) and the translation check (every string has its zh_CN translation).
# Sets up QGIS and .venv first when needed, like tools/test.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup_env.sh"
cd "$ROOT"
"$VENV/bin/ruff" check .
"$PYTHON" tools/i18n.py check >/dev/null || { "$PYTHON" tools/i18n.py check; exit 1; }
echo "lint: ruff and translations clean"
