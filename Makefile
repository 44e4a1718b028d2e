# Two commands set up everything: `make run` and `make test`. See README.md.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# Django 6.1 needs Python 3.12 or newer. This machine's default python3 may be older, so take the
# first suitable interpreter: the one .python-version names through pyenv, then any 3.12/3.13.
PYTHON_CANDIDATES := python3.12 python3.13 \
	$(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3) \
	$(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python3) \
	$(wildcard /usr/local/bin/python3.1[23]) python3
BASE_PYTHON ?= $(shell for p in $(PYTHON_CANDIDATES); do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; \
	then command -v $$p; break; fi; done)

# Debian packages the project needs: a browser for the browser tests, gettext for the Dutch
# catalogue, Pango for WeasyPrint, Cairo for CairoSVG (charts in the Word file), fonts for the PDF,
# poppler for looking at PDFs as images.
APT_RUN := gettext libpango-1.0-0 libpangoft2-1.0-0 libcairo2 fonts-dejavu-core fonts-open-sans
APT_TEST := $(APT_RUN) chromium poppler-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test bench burst install system-packages test-packages messages migrate demo worker clean help

help:
	@echo "make run      install, migrate, load demo data and serve on http://$(HOST):$(PORT)"
	@echo "              (HOST=0.0.0.0 PORT=8080 make run to serve elsewhere)"
	@echo "make test     run the whole test suite, browser tests included"
	@echo "make bench    print benchmark results as JSON"
	@echo "make burst    with \`make run\` serving: budget saves and a submit at once; prints JSON"
	@echo "make install  only the virtualenv (.venv) and the Python packages"
	@echo "make migrate  install, compile the Dutch catalogue and migrate the database"
	@echo "make demo     migrate and load the demo data"
	@echo "make worker   migrate and run only the background worker"
	@echo "make clean    remove the virtualenv, the SQLite database and generated files"

# These targets are for development: unless DEBUG is set in the environment they run in DEBUG
# mode (no SECRET_KEY needed), like `make run`. Production runs manage.py itself (README).
run messages migrate demo worker: export DEBUG ?= true

$(VENV)/.installed: pyproject.toml
	@if [ -z "$(BASE_PYTHON)" ]; then \
		echo "No Python 3.12 or newer found (tried: $(PYTHON_CANDIDATES))." >&2; \
		echo "Install one, e.g. 'pyenv install 3.12' or 'apt-get install python3.12', and run make again." >&2; \
		exit 1; fi
	@echo "Using $(BASE_PYTHON) ($$($(BASE_PYTHON) --version))"
	$(BASE_PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed

# $(call apt,packages): install those of the packages that are missing.
define apt
	@missing=""; \
	for pkg in $(1); do \
		dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

system-packages:
	$(call apt,$(APT_RUN))

test-packages:
	$(call apt,$(APT_TEST))

messages: install system-packages
	@$(PY) manage.py compilemessages --ignore=.venv -v 0

migrate: messages
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

run: demo
	@echo "Serving on http://$(HOST):$(PORT), with the background worker for PDF exports."
	@trap 'kill 0' EXIT INT TERM; \
	$(PY) manage.py db_worker --no-reload --interval 1 & \
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: migrate
	$(PY) manage.py db_worker

test: export SECRET_KEY ?= insecure-key-for-tests-only
test: test-packages messages
	$(PY) -m pytest

bench: export SECRET_KEY ?= insecure-key-for-benchmarks-only
bench: messages system-packages
	$(PY) bench/run.py

# Against a running `make run` (another terminal): bench/burst.py, whose JSON says how many
# saves failed (BURST_URL, BURST_SAVES and friends: see bench/burst.py --help).
burst: install
	$(PY) bench/burst.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles media
