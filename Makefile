# Workforce Health: every task a developer or CI needs. `make help` lists them.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# pytest-xdist: two workers, for the two cores of the machines it runs on (TEST_WORKERS=0 runs in
# one process, TEST_WORKERS=auto one per core); each test file stays in
# one worker, so a file's module fixtures (a loaded demo) are built once.
TEST_WORKERS ?= 2
PYTEST_PARALLEL = $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile)
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install install-dev run migrate demo demo-reset test lint fmt typecheck pytest \
	test-browser test-postgres restore-test bench bench-nhs bench-load css lock clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  \033[1m%-14s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/python:
	@$(PYTHON) --version >/dev/null 2>&1 || { echo "Python 3.11 is needed: install it, or run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-base: $(BIN)/python requirements/base.txt pyproject.toml
	$(BIN)/pip install --quiet -r requirements/base.txt
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-base requirements/dev.txt
	$(BIN)/pip install --quiet -r requirements/dev.txt
	@touch $@

install: $(VENV)/.installed-base ## Create .venv and install the pinned dependencies

install-dev: $(VENV)/.installed-dev ## Also install the pinned test and lint tools

migrate: install ## Create or update the database (SQLite under var/ unless DATABASE_URL is set)
	$(BIN)/workforce-health migrate --no-input

run: migrate ## Serve at http://127.0.0.1:8000 (or HOST, PORT), loading the demo council into an empty database
	$(BIN)/workforce-health demo-if-empty --site-url http://$(HOST):$(PORT)/
	$(BIN)/workforce-health runserver $(HOST):$(PORT)

demo: migrate ## Load the demo council (refuses if it is already loaded)
	$(BIN)/workforce-health demo

demo-reset: migrate ## Delete the demo council and load it again
	$(BIN)/workforce-health demo --reset

test: install-dev lint typecheck pytest ## Lint, type-check and run every test (DATABASE_URL picks the database)

lint: install-dev ## ruff (lint and formatting check) and the import contracts (.importlinter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache --no-logo

fmt: install-dev ## ruff: fix what can be fixed and format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: install-dev ## mypy with django-stubs
	$(BIN)/mypy workforce_health config tests scripts $(wildcard bench/*.py)

pytest: install-dev ## The test suite only (browser tests run when /usr/bin/chromium exists)
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

test-browser: install-dev ## The browser and accessibility tests only
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest -m browser

test-postgres: install-dev ## The test suite against a throwaway PostgreSQL cluster
	@eval "$$(scripts/throwaway-postgres start)" && \
	  trap 'scripts/throwaway-postgres stop "$$PGTHROWAWAY_DIR"' EXIT && \
	  DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest $(PYTEST_PARALLEL)

restore-test: install ## Back up the demo with pg_dump, restore it, compare (docs/backups.md)
	@eval "$$(scripts/throwaway-postgres start)" && \
	  trap 'scripts/throwaway-postgres stop "$$PGTHROWAWAY_DIR"' EXIT && \
	  $(BIN)/python scripts/restore_test.py

bench: install-dev ## Run the benchmarks under bench/ (see docs/performance.md)
	@for script in bench/bench_*.py; do echo "--- $$script"; $(BIN)/python $$script; done

bench-nhs: install-dev ## The Health Check analysis at NHS scale, the whole data set (about 8 minutes)
	$(BIN)/python bench/bench_survey_scale.py --scale 1

bench-load: install-dev ## Load-test survey submission: gunicorn + PostgreSQL, locust (docs/performance.md)
	$(BIN)/pip install --quiet -r requirements/bench.txt
	$(BIN)/python bench/load/run_load.py --scenario submit --pacing 1
	$(BIN)/python bench/load/run_load.py --scenario submit
	$(BIN)/python bench/load/run_load.py --scenario journey --run-time 300
	$(BIN)/python bench/load/run_load.py --scenario submit --pacing 1 --crash-at 30

css: ## Rebuild the GOV.UK Frontend CSS, JS and images (needs Node and npm)
	frontend/build.sh

lock: install-dev ## Rewrite requirements/*.txt from what is installed in .venv
	$(BIN)/python scripts/lock_requirements.py

clean: ## Remove the virtual environment, database and caches
	rm -rf $(VENV) var .mypy_cache .ruff_cache
