# The two commands of the README: `make run` and `make test`. Everything else is a helper they call.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
# The PostgreSQL run of the suite (the machine's server, trust auth); override for another server.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
PYTEST_WORKERS ?= 2

.PHONY: run test test-sqlite test-postgres test-clock lint chromium wrk axe bench bench-servers clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

run: $(VENV)/.installed
	$(BIN)/masthead migrate --noinput
	$(BIN)/masthead demo --if-empty
	PORT=$(PORT) exec $(BIN)/masthead serve

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; it downloads no browser).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	  else echo "Install Debian's chromium: sudo apt-get install chromium chromium-driver" >&2; exit 1; fi; \
	fi

# axe-core for the accessibility browser test (masthead/core/tests/test_accessibility.py), from its npm package,
# installed once into .cache/axe; the test reads the file from there and fetches nothing while it runs.
AXE_JS := .cache/axe/node_modules/axe-core/axe.min.js
$(AXE_JS):
	npm install --no-save --no-audit --no-fund --prefix .cache/axe axe-core@4
axe: $(AXE_JS)

# Debian's wrk: the benchmark harness's own tests run it against a local test server (skipped without it).
wrk:
	@if ! command -v wrk >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; \
	  else echo "wrk is missing: the harness's wrk tests will be skipped (sudo apt-get install wrk)" >&2; fi; \
	fi

# mypy: settings in pyproject.toml ([tool.mypy]), cache in .cache/mypy (20 s from cold on an idle machine, seconds warm).
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports  # the apps' dependency direction: [tool.importlinter] in pyproject.toml
	$(BIN)/mypy
	$(BIN)/masthead makemigrations --check --dry-run >/dev/null

test-sqlite: $(VENV)/.installed-test chromium wrk axe
	MASTHEAD_EXPECT_DB=sqlite $(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

test-postgres: $(VENV)/.installed-test chromium wrk axe
	DATABASE_URL=$(TEST_DATABASE_URL) MASTHEAD_EXPECT_DB=postgresql $(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# Every behaviour test, on SQLite and then on PostgreSQL; then the calendar-bound apps with the clock moved.
test: lint test-sqlite test-postgres test-clock

# No test may depend on the day it runs: the apps whose rules follow the calendar, run with the clock moved
# (masthead/testing/clock.py) to half a minute before this month ends, to the coming midnight UTC and to a year
# ahead, on SQLite. Any instant works too: `make test-clock CLOCKS="2027-02-28T23:59:30Z"`.
CLOCKS      ?= month-end midnight year-ahead
CLOCK_TESTS ?= masthead/funding masthead/notifications masthead/accounts masthead/moderation masthead/testing
test-clock: $(VENV)/.installed-test chromium
	@set -e; for clock in $(CLOCKS); do \
	  echo "== clock: $$clock"; \
	  MASTHEAD_EXPECT_DB=sqlite $(BIN)/pytest -q -n $(PYTEST_WORKERS) --clock=$$clock $(PYTEST_ARGS) $(CLOCK_TESTS); \
	done

# docs/benchmarks.md; e.g. `make bench BENCH_ARGS="--quick --database both"`.
bench: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

# `masthead serve` against gunicorn (gthread) and Granian (WSGI) serving the same site (docs/benchmarks.md,
# "Maintained servers against masthead serve"); e.g. `make bench-servers BENCH_ARGS="--database both --rounds 2"`.
bench-servers: $(VENV)/.installed-test
	$(BIN)/pip install --quiet -e ".[bench-servers]"
	$(BIN)/python -m benchmarks.servers $(BENCH_ARGS)

clean:
	rm -rf $(VENV) test-artifacts .cache/axe
