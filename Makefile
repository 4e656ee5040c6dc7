# doimoi — make run: the app with demo data on SQLite; make test: the test suite.
# Needs Python 3.11+ and make only: htmx is shipped in the package (src/doimoi/static/vendor/).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev

.PHONY: run test test-processes test-postgres lint typecheck messages bench clean

# the application and what it needs to run (no development tools)
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

# the tests' extras (pytest, Playwright, ruff, mypy, …), only for make test and the checks
$(DEV): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

# After editing a .po file (needs gettext's msgfmt); the compiled .mo files are committed.
messages: $(STAMP)
	cd src/doimoi && ../../$(BIN)/doimoi compilemessages -v0

run: $(STAMP)
	$(BIN)/doimoi serve

# -n auto: one test process per core (pytest-xdist); each has its own test database; worksteal:
# an idle process takes queued tests from a busy one, so a few long tests do not end the run alone
test: $(DEV)
	$(BIN)/pytest -n auto --dist worksteal

# Kill -9 and multi-server tests (minutes each; not in CI's 30-minute run). PostgreSQL ones need DATABASE_URL.
test-processes: $(DEV)
	DOIMOI_PROCESS_TESTS=1 $(BIN)/pytest -m processes

test-postgres: $(DEV)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/pytest -n auto --dist worksteal

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(DEV)
	$(BIN)/mypy

# Benchmarks write their tables into docs/benchmarks.md (ingest and rollup need PostgreSQL too).
bench: $(DEV)
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/rollup.py

clean:
	rm -rf $(VENV) var
