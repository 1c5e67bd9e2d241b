# Everything a fresh machine with Python 3.11, git and make needs; see README.md.
PYTHON ?= python3.11
TOOLS := .tools
UV := $(TOOLS)/bin/uv
UV_VERSION := 0.13.9
RUN := $(UV) run --locked
DEBS := chromium poppler-utils fonts-dejavu-core
AXE := tests/browser/node_modules/axe-core/axe.min.js

.PHONY: report check test test-slow setup debs lint docs bench clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

# Bytecode compiled once here (the locked packages and src/): every later process reads it, also where
# PYTHONDONTWRITEBYTECODE is set (no process of the tests or of a build compiles a module again).
setup: $(UV)
	$(UV) sync --locked --quiet --compile-bytecode
	$(RUN) python -m compileall -q src

# Debian packages for the browser test and the PDF text check (installed only when missing); npm (for
# axe-core) only when there is no npm command (a Node.js install may bring its own).
debs:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  echo "installing Debian packages:$$missing"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# axe-core for the browser test's accessibility audit, from the npm registry at the locked version
# (tests/browser/package-lock.json); nothing is fetched when the tests run.
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $@

report: setup
	$(RUN) jaarcijfers build

# Every test: the fast target, then the slow one (docs/testing.md). CI runs this.
check: test test-slow

# Lint, types and the fast tests (2-5 minutes on 2 cores, depending on the load; docs/testing.md).
test: setup debs
	$(RUN) ruff check src tests scripts benchmarks
	$(RUN) ruff format --check src tests scripts benchmarks
	$(RUN) mypy src
	$(RUN) python -m pytest -n 2 -q -m "not slow"

# Re-synthesis, whole-build determinism, the browser and the other slow tests (docs/testing.md); the
# slowest are listed so that CI's time can be followed.
test-slow: setup debs $(AXE)
	$(RUN) python -m pytest -n 2 -q -m slow --durations=15

lint: setup
	$(RUN) ruff check src tests scripts benchmarks
	$(RUN) ruff format --check src tests scripts benchmarks
	$(RUN) mypy src

bench: setup
	$(RUN) python benchmarks/intake_bench.py
	$(RUN) python benchmarks/build_bench.py
	$(RUN) python benchmarks/synth_bench.py
	$(RUN) python benchmarks/sdc_strict.py
	$(RUN) python benchmarks/sdc_editions.py
	$(RUN) python benchmarks/mse_search.py

clean:
	rm -rf out .pytest_cache .hypothesis
