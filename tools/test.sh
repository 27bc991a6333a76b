#!/usr/bin/env bash
# Run the test suite (sets up QGIS and .venv first when needed).
# Extra arguments go to pytest, e.g. `bash tools/test.sh -k status`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup_env.sh"
cd "$ROOT"
"$PYTHON" tools/install_plugin.py --compile-only
exec "$VENV/bin/pytest" "$@"
