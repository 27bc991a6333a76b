#!/usr/bin/env bash
# The main job on the bundled sample: generate it if needed, run the
# algorithms headless and print the results; outputs go to ./output/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup_env.sh"
cd "$ROOT"
"$PYTHON" tools/install_plugin.py --compile-only
exec "$PYTHON" tools/run_sample.py "$@"
