# kennishub: `make build`, `make serve`, `make test`. Everything runs in .venv,
# created from the lock file on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build serve test check lock bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve

check: $(STAMP)
	$(BIN)/kennishub check

test: $(STAMP)
	$(BIN)/python -m pytest

lock:
	$(PYTHON) -m pip install --quiet uv && $(PYTHON) -m uv pip compile requirements.in --python-version 3.11 --generate-hashes -o requirements.lock

bench: $(STAMP)
	$(BIN)/python scripts/bench_check.py

clean:
	rm -rf site $(VENV) .pytest_cache
