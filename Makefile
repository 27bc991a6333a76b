# Conveniences over the scripts in tools/ (the README's two commands work without make).
PYTHON ?= /usr/bin/python3

.PHONY: install package sample test translations lint benchmark

install:  ## copy the plugin into a QGIS profile (honours QGIS_CUSTOM_CONFIG_PATH, PROFILE=name)
	$(PYTHON) tools/install_plugin.py --profile $(or $(PROFILE),default)

package:  ## the zip for QGIS → Plugins → Install from ZIP (dist/land_consolidation-<version>.zip)
	$(PYTHON) tools/package.py

sample:   ## the main job on the bundled sample
	bash tools/sample.sh

test:     ## the test suite
	bash tools/test.sh

translations:
	$(PYTHON) tools/install_plugin.py --compile-only

lint:     ## ruff and the translation check (what CI runs besides the tests)
	bash tools/lint.sh
