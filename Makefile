# govcap — the two commands of the README are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 8000
# pytest workers: the CI machines have 2 cores.
WORKERS ?= 2

HTMX_VERSION  := 2.0.11
AXE_VERSION   := 4.14.1
VENDOR        := govcap/static/vendor

.PHONY: run test bench install lint types docs vendor system-deps browser-deps messages clean

$(STAMP):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

## Serve govcap on http://$(HOST):$(PORT) with the embedded SQLite database and demo data.
run: install
	$(BIN)/govcap up --host $(HOST) --port $(PORT)

# mypy over govcap/ (pyproject's [tool.mypy]), then the time it took; fails on any error.
MYPY_TIMED = t0=$$(date +%s); status=0; $(BIN)/mypy || status=$$?; echo "mypy took $$(( $$(date +%s) - t0 )) s"; exit $$status

# Every translation catalogue through gettext's msgfmt --check (placeholders of the
# python-format strings, plural forms, headers), with its statistics; fails on an error.
# msgfmt comes with gettext (scripts/install-system-deps.sh).
MSGFMT_CHECK = set -e; for po in govcap/locale/*/LC_MESSAGES/django.po; do \
	  printf '%s: ' "$$po"; msgfmt --check --statistics -o /dev/null "$$po" 2>&1; done

## The whole test suite on the database GOVCAP_DATABASE_URL names (SQLite when unset).
## lint-imports checks the dependency rules of pyproject.toml's [tool.importlinter]; mypy
## the types of govcap/.
test: install
	@$(MSGFMT_CHECK)
	$(BIN)/ruff check govcap tests $(wildcard bench)
	$(BIN)/lint-imports --no-cache
	@$(MYPY_TIMED)
	$(BIN)/pytest -n $(WORKERS) -q $(PYTEST_ARGS)

## Every benchmark in bench/, printing its figures (docs/performance.md records them). The
## scale and load benches run on SQLite, then on PostgreSQL in databases of their own when
## BENCH_DATABASE_URL's server answers. About 30 minutes on 2 cores; nothing else should run.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
bench: install
	@if pg_isready -q -h 127.0.0.1 2>/dev/null; then export GOVCAP_DATABASE_URL=$(BENCH_DATABASE_URL); \
	  else echo "PostgreSQL does not answer on 127.0.0.1: SQLite only"; fi; \
	set -e; for b in plan_scale analysis_scale portfolio_scale load page_weight; do \
	  echo "::: bench/$$b.py"; t0=$$(date +%s); $(BIN)/python bench/$$b.py; \
	  echo "::: bench/$$b.py took $$(( $$(date +%s) - t0 )) s"; done

lint: install
	@$(MSGFMT_CHECK)
	$(BIN)/ruff check govcap tests $(wildcard bench)
	$(BIN)/lint-imports --no-cache
	@$(MYPY_TIMED)

## Types alone: mypy with django-stubs over govcap/, the product (pyproject's [tool.mypy]:
## strict on the pure modules; its cache in .venv), with the time it took. `make test` and
## `make lint` run it too. tests/ is not type-checked.
types: install
	@$(MYPY_TIMED)

## The README's command table, docs/settings.md and the package diagram of
## docs/architecture.md, generated from the code (cog); tests/test_docs_cli.py fails when
## they are out of date.
docs: install
	$(BIN)/cog -r README.md docs/settings.md docs/architecture.md

## System packages: chromium for browser tests and screenshots, the libraries and fonts
## WeasyPrint needs for PDF (Arabic and Amharic included). Debian, as root.
system-deps:
	bash scripts/install-system-deps.sh

## Fetch the third-party browser files from the npm registry into $(VENDOR) (committed).
vendor:
	bash scripts/vendor.sh htmx.org $(HTMX_VERSION) dist/htmx.min.js $(VENDOR)/htmx
	bash scripts/vendor.sh axe-core $(AXE_VERSION) axe.min.js $(VENDOR)/axe-core

messages: install
	cd govcap && ../$(BIN)/govcap compilemessages
	@$(MSGFMT_CHECK)

clean:
	rm -rf $(VENV) var build *.egg-info
