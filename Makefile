# kennishub: `make build`, `make serve`, `make test`. Everything runs in .venv,
# created from the lock file on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Material 9.7 prints a banner about MkDocs 2.0 on every build; editors need not see it.
export NO_MKDOCS_2_WARNING := true

.PHONY: build serve test check lock material-locks bench clean test-deps system-deps install

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Only the environment: what the issue-to-pull-request workflow needs for kennishub.
install: $(STAMP)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve

check: $(STAMP)
	$(BIN)/kennishub check

test: $(STAMP) test-deps
	$(BIN)/python -m pytest

# Test tools. npm ones come from package-lock.json; vnu-jar's install script (a Java
# download) is not needed, hence --ignore-scripts. In CI, as root, Debian's Chromium,
# a Java runtime and npm are installed when missing; elsewhere the browser tests skip.
NPM_STAMP := node_modules/.installed
test-deps: system-deps $(NPM_STAMP)

system-deps:
	@if [ "$$CI" = true ] && [ "$$(id -u)" = 0 ]; then \
	  pkgs=""; [ -x /usr/bin/chromium ] || pkgs="$$pkgs chromium"; \
	  command -v java >/dev/null || pkgs="$$pkgs default-jre-headless"; \
	  command -v npm >/dev/null || pkgs="$$pkgs npm"; \
	  if [ -n "$$pkgs" ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$pkgs; fi; \
	fi

$(NPM_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null || [ "$$CI" = true ]; then \
	  npm ci --ignore-scripts --no-audit --no-fund && touch $@; \
	else echo "npm not found: HTML, accessibility and Lighthouse checks will skip (install Node.js and npm)"; fi

lock:
	$(PYTHON) -m pip install --quiet uv && $(PYTHON) -m uv pip compile requirements.in --python-version 3.11 --generate-hashes -o requirements.lock

# One lock per tested Material minor (tests/material-locks/<minor>.in), for the test that
# builds the site with each of them (tests/test_material_versions.py).
material-locks:
	$(PYTHON) -m pip install --quiet uv && for input in tests/material-locks/[0-9]*.in; do \
	  $(PYTHON) -m uv pip compile --quiet $$input --python-version 3.11 --generate-hashes -o $${input%.in}.txt; done

bench: $(STAMP)
	$(BIN)/python scripts/bench_check.py

clean:
	rm -rf site $(VENV) .pytest_cache
