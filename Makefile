# PartnerHub: `make demo` runs the site with demo content; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install lock demo serve migrate test lint format check messages services opensearch opensearch-stop opensearch3 opensearch3-stop clean

help: ## List the targets
	@grep -E '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-10s %s\n", $$1, $$2}'

# Installs are reproducible: every package at the version and with the hashes of the lock
# (requirements/lock.txt, Python 3.11 on Linux, test extra included), then PartnerHub itself
# without resolving anything. uv, pinned with its hashes in requirements/uv.txt, is the only
# package pip installs.
LOCK := requirements/lock.txt
UV_LOCK := requirements/uv.txt
UV := $(VENV)/bin/uv
LOCK_FLAGS := --generate-hashes --python-version 3.11 --python-platform linux --quiet
LOCK_ARGS ?=

$(UV):
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r $(UV_LOCK)

$(VENV)/.installed: $(LOCK) $(UV_LOCK) pyproject.toml | $(UV)
	$(UV) pip sync --quiet --python $(PY) --require-hashes $(UV_LOCK) $(LOCK)
	$(UV) pip install --quiet --python $(PY) --no-deps -e .
	touch $@

install: $(VENV)/.installed ## Create .venv and install PartnerHub with its test tools from the lock

# The versions already locked are kept unless pyproject.toml asks otherwise;
# LOCK_ARGS=--upgrade (or --upgrade-package NAME) moves them to the newest allowed.
lock: | $(UV) ## Regenerate the lock files from pyproject.toml (after changing a dependency)
	$(UV) pip compile pyproject.toml --extra test $(LOCK_FLAGS) $(LOCK_ARGS) -o $(LOCK)
	$(UV) pip compile requirements/uv.in $(LOCK_FLAGS) $(LOCK_ARGS) -o $(UV_LOCK)

# axe-core for the accessibility checks of the browser tests, when npm is available (the
# browser tests are skipped on a machine without Chromium and npm, and required in CI).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the accessibility checks will be skipped"; fi

migrate: install ## Apply database migrations (SQLite unless DATABASE_URL is set)
	$(PY) manage.py migrate --noinput

# The links in the e-mails the demo sends (registration, alerts, sponsorship) lead to the
# address it is served on, unless BASE_URL says otherwise.
demo serve: export BASE_URL ?= http://127.0.0.1:$(PORT)

# run_demo, in one process: prepare_demo_database (migrate, or on a new SQLite file restore the
# schema the migrations build: cms/demo/schema.py), load_demo_data, then runserver without the
# autoreloader (Django starts once rather than four times; `make serve` reloads on changes).
demo: install ## Load the demo archive and serve the site on http://127.0.0.1:$(PORT)
	$(PY) manage.py run_demo 127.0.0.1:$(PORT)

serve: install ## Serve the site without reloading the demo data
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install ## ruff: lint and formatting check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## ruff: fix what can be fixed and format
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install ## Django system checks and missing migrations
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py makemigrations --check --dry-run

# The suite runs on two processes; each test file stays in one process, the demo tests together.
PYTEST_WORKERS ?= 2
SQLITE_SEARCH_TESTS := $(addprefix tests/search/,test_query_table.py test_indexing.py site)

test: lint check node_modules/.installed ## Run every check and the whole test suite (DATABASE_URL selects the database)
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadgroup --durations=15 $(PYTEST_ARGS)
	@# On PostgreSQL, the search tests that depend on the database (the query table, unsafe
	@# input, drafts and private pages, the search page and API) run once more on SQLite.
	@if [[ "$${DATABASE_URL:-}" == postgres* ]]; then \
		echo "Search tests on SQLite:"; \
		env -u DATABASE_URL $(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadgroup $(SQLITE_SEARCH_TESTS) $(PYTEST_ARGS); \
	fi

messages: install ## Regenerate and compile the interface translations in locale/ (needs gettext)
	$(PY) manage.py makemessages --all --no-location --no-obsolete --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

services: ## Install and start PostgreSQL 15, Redis and Chromium (Debian packages; needs root)
	bash dev/services.sh

# A single OpenSearch 2.19 node on Java 17, from OpenSearch's Maven artifacts (dev/opensearch/):
# for the live search tests and for running the site on a search engine. OPENSEARCH_PORT=9200.
opensearch: ## Start the OpenSearch node (once; says so if it already answers) and print its URL
	bash dev/opensearch/opensearch.sh start

opensearch-stop: ## Stop the OpenSearch node started by `make opensearch`
	bash dev/opensearch/opensearch.sh stop

# The same with OpenSearch 3 (Java 21 or later, with its Java agent), beside the 2.19 node: its
# own home (.cache/opensearch-3) and port (OPENSEARCH_PORT, 9201). OPENSEARCH3_VERSION=3.8.0,
# the latest 3.x whose agent is on Maven Central.
OPENSEARCH3_VERSION ?= 3.8.0
opensearch3: ## Start an OpenSearch 3 node on port 9201 (once) and print its URL
	OPENSEARCH_VERSION=$(OPENSEARCH3_VERSION) bash dev/opensearch/opensearch.sh start

opensearch3-stop: ## Stop the OpenSearch 3 node started by `make opensearch3`
	OPENSEARCH_VERSION=$(OPENSEARCH3_VERSION) bash dev/opensearch/opensearch.sh stop

clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles media
