# Sourced by tools/screenshot_*.sh: a fresh QGIS profile with the plugin installed
# and the locale set, and an Xvfb screen. Expects ROOT, LOCALE and DISPLAY_NUM;
# exports QGIS_CUSTOM_CONFIG_PATH and DISPLAY; cleans both up on exit.
CONFIG="$(mktemp -d)"
export QGIS_CUSTOM_CONFIG_PATH="$CONFIG"
/usr/bin/python3 "$ROOT/tools/install_plugin.py" >/dev/null
/usr/bin/python3 - "$CONFIG/profiles/default/QGIS/QGIS3.ini" "$LOCALE" <<'PY'
import sys
from PyQt5.QtCore import QSettings
s = QSettings(sys.argv[1], QSettings.IniFormat)
s.setValue("locale/overrideFlag", True)
s.setValue("locale/userLocale", sys.argv[2])
s.setValue("qgis/showTips", False)
s.setValue("qgis/checkVersion", False)
s.sync()
PY
Xvfb "$DISPLAY_NUM" -screen 0 1600x1000x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true; rm -rf "$CONFIG"' EXIT
export DISPLAY="$DISPLAY_NUM"
sleep 1
