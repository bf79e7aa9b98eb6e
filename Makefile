# Tally: `make run` builds the warehouse from the bundled samples, `make test` proves it.
# The interpreter .venv is made from: the system's CPython 3.11 or 3.12 where one can make a
# venv, else the first python3 on PATH. Distributions build theirs with profile-guided and
# link-time optimisation; a plain build from source (pyenv's) ran the extractor 12-14% slower
# on the same host (README, "The extractor on its own").
SYSTEM_PYTHON = $(firstword $(foreach p,/usr/bin/python3.12 /usr/bin/python3.11,\
	$(shell $(p) -c 'import ensurepip, venv' 2>/dev/null && echo $(p))))
PYTHON ?= $(or $(SYSTEM_PYTHON),python3)
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
export DAGSTER_HOME ?= $(CURDIR)/data_lake/dagster_home

.PHONY: run test ui eval bench-extract bench lint clean faults audit

$(VENV)/.synced: pyproject.toml uv.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(BIN)/uv sync --frozen --compile-bytecode --quiet
	@touch $@

$(DAGSTER_HOME)/dagster.yaml:
	@mkdir -p $(DAGSTER_HOME)
	@cp data_lake/dagster_home/dagster.yaml $@

run: $(VENV)/.synced $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pipelines.run

test: $(VENV)/.synced
	$(BIN)/python -m pytest

ui: $(VENV)/.synced $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pipelines.ui

eval: $(VENV)/.synced
	$(BIN)/python -m pipelines.evaluation

bench-extract: $(VENV)/.synced
	$(BIN)/python -m pipelines.extract.bench

# A generated day of news end to end, measured against floors (SCALE=300000 for the full day).
SCALE ?= 3000
bench: $(VENV)/.synced
	$(BIN)/python -m pipelines.bench --scale $(SCALE)

# The fault suite (also part of `make test`) and its figures: faults injected, runs killed,
# bad inputs, rows lost, duplicates, slowest recovery. Fails if a row was lost or duplicated.
faults: $(VENV)/.synced
	$(BIN)/python -m pytest -m faults tests/faults
	$(BIN)/python -m tests.faults.report

# Known vulnerabilities in the locked dependencies (pip-audit, needs the network; not in `test`).
audit: $(VENV)/.synced
	@$(BIN)/uv export --frozen --all-groups --format requirements-txt --no-emit-project \
		--quiet -o $(VENV)/audit-requirements.txt
	$(BIN)/pip-audit --disable-pip --require-hashes -r $(VENV)/audit-requirements.txt

lint: $(VENV)/.synced
	$(BIN)/ruff check pipelines tests

clean:
	rm -rf data_lake/raw data_lake/staging data_lake/quarantine data_lake/warehouse.duckdb*
