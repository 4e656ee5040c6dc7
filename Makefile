# doimoi — make run: the app with demo data on SQLite; make test: the test suite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-postgres lint typecheck assets messages bench clean

$(STAMP): pyproject.toml package.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

assets: $(STAMP)
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; \
	  else echo "npm không có: cần Node.js để cài htmx / npm missing: install Node.js for htmx"; exit 1; fi
	@mkdir -p src/doimoi/static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js src/doimoi/static/vendor/htmx.min.js

# After editing a .po file (needs gettext's msgfmt); the compiled .mo files are committed.
messages: $(STAMP)
	cd src/doimoi && ../../$(BIN)/doimoi compilemessages -v0

run: assets
	$(BIN)/doimoi serve

test: assets
	$(BIN)/pytest

test-postgres: assets
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# Benchmarks write their tables into docs/benchmarks.md (ingest and rollup need PostgreSQL too).
bench: $(STAMP)
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/rollup.py

clean:
	rm -rf $(VENV) node_modules src/doimoi/static/vendor var
