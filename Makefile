# The single entry point for people and CI: `make book`, `make test`.
# Everything installs into .venv from requirements*.txt: every version pinned, generated from
# pyproject.toml's extras by `make requirements`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
HTML   := _build/html
PORT   ?= 8000

# Strict: warnings are errors, every reference must resolve.
JB_FLAGS := -W -n --keep-going

BOOK_SOURCES := _config.yml _toc.yml $(shell find book exercises facilitator-guide -type f \
                  -not -path '*/.ipynb_checkpoints/*' 2>/dev/null)
EXT_SOURCES  := $(shell find src/toelaten -type f -not -name '*.pyc' 2>/dev/null)
# Another edition's data (TOELATEN_DATA=dir make book): its files are sources too.
DATA_SOURCES := $(if $(TOELATEN_DATA),$(shell find $(TOELATEN_DATA) -type f 2>/dev/null))

.PHONY: help book serve lab handouts test test-quick lint format clean chromium requirements cli-doc locale-keys fonts

help:
	@echo "make book      set up .venv and build the book into $(HTML)"
	@echo "make serve     serve $(HTML) on http://127.0.0.1:$(PORT)/"
	@echo "make lab       open the exercise notebooks in JupyterLab (answers go to your journal)"
	@echo "make handouts  the workshop pack in workshoppakket/ (START=YYYY-MM-DD VARIANT=dagdeel,"
	@echo "               or SCHEDULE=your-run-file.yml from toelaten schedule --new)"
	@echo "make test      set up and run the whole test suite (pytest, browser tests)"
	@echo "make test-quick  the suite without the browser tests"
	@echo "make lint      ruff and mypy (Python), biome (JavaScript, CSS)"
	@echo "make clean     remove build output"
	@echo "make requirements  pin requirements*.txt from pyproject.toml (UPGRADE=1: newest allowed)"
	@echo "make locale-keys  write src/toelaten/locale/keys.txt from nl.yml"
	@echo "make cli-doc   write docs/cli.md from the commands' --help"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.book-deps: requirements.txt pyproject.toml | $(BIN)/python
	$(PIP) install -r requirements.txt -e .
	@touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.book-deps
	$(PIP) install -r requirements-test.txt
	@touch $@

# Sphinx rebuilds changed pages by itself; when the extension, its templates or the
# dependencies change, every page must be rewritten (--all). A failed build drops the
# saved environment, so the next build reports the same warnings instead of skipping them.
# The exercise notebooks are not run by the build (the extension writes their exercises
# from the current data); nbval runs them in `make test`.
# `toelaten check` first: a mistake in a data file is named with its file and field, before
# Sphinx gets to it. When the table of contents or the configuration changes, the old pages
# go first: Sphinx never deletes the page of a document that left the book, and `make test`
# tests every page in $(HTML).
_build/.built: $(BOOK_SOURCES) $(EXT_SOURCES) $(DATA_SOURCES) $(VENV)/.book-deps
	@$(BIN)/python -m toelaten check > /dev/null
	$(if $(filter _toc.yml _config.yml,$?),rm -rf $(HTML) _build/.doctrees)
	$(BIN)/jupyter-book build . $(JB_FLAGS) $(if $(filter-out $(BOOK_SOURCES),$?),--all) \
	  || { rm -rf _build/.doctrees; exit 1; }
	@touch $@

book: _build/.built
	@echo
	@echo "The book is in $(HTML)/. Open $(CURDIR)/$(HTML)/index.html in a browser,"
	@echo "or run 'make serve' and go to http://127.0.0.1:$(PORT)/"

serve: book
	@echo "Serving $(HTML) on http://127.0.0.1:$(PORT)/ (Ctrl+C stops)"
	$(BIN)/python -m toelaten serve --port $(PORT) $(HTML)

# lab-overrides.json switches off JupyterLab's news and update checks (no other host).
$(VENV)/.lab-deps: requirements-lab.txt lab-overrides.json $(VENV)/.book-deps
	$(PIP) install -r requirements-lab.txt
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp lab-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $@

# JupyterLab on 127.0.0.1 only.
lab: $(VENV)/.lab-deps
	$(BIN)/jupyter lab exercises --ServerApp.ip=127.0.0.1 \
	  $(if $(filter 0,$(shell id -u)),--allow-root) \
	  --LabApp.news_url=None \
	  --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate

# The facilitator's workshop pack: every sheet as a PDF, and all of them in one with contents.
VARIANT ?= dag
handouts: $(VENV)/.book-deps
	$(BIN)/python -m toelaten handouts --group --out workshoppakket \
	  $(if $(SCHEDULE),--schedule $(SCHEDULE),--variant $(VARIANT) $(if $(START),--start $(START)))

# Debian's Chromium for the browser tests; Playwright's own browser download is never used.
chromium:
	@if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "The browser tests need Debian's Chromium. Install it with: sudo apt-get install chromium" >&2; \
	  exit 1; \
	fi

# axe-core, injected into pages by the accessibility tests, and biome for `make lint`
# (neither is shipped in the book).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The tests read the book `make book` has just built (its -W build is the strictness check);
# a bare `pytest` builds the sources into a temporary folder instead, and runs in one
# process. Here TEST_WORKERS processes share the test files (each file stays in one, so a
# file's browser sweep or JupyterLab starts once).
TEST_WORKERS ?= 2
PYTEST := TOELATEN_BUILT_BOOK=$(HTML) $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadscope

test: $(VENV)/.test-deps $(VENV)/.lab-deps node_modules/.installed chromium lint _build/.built
	$(PYTEST)

# A quick local lane: everything but the browser tests (no Chromium, no JupyterLab).
test-quick: $(VENV)/.test-deps node_modules/.installed _build/.built
	$(PYTEST) -m "not browser"

# biome.jsonc lints the front end. The parts in exercises/front/ share one scope, so unused
# and undeclared names are checked on what front.py joins: the book's script, the course
# path's script and the Jupyter widget's module, written to _build/lint/.
lint: $(VENV)/.test-deps node_modules/.installed
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/mypy
	@mkdir -p _build/lint
	$(BIN)/python -c 'from toelaten import CourseData; from toelaten.exercises.front import classic_script; print(classic_script(CourseData.default().strings), end="")' \
	  > _build/lint/book.js
	$(BIN)/python -c 'from toelaten.exercises.front import esm; print(esm(), end="")' > _build/lint/widget.js
	$(BIN)/python -c 'from toelaten import CourseData; from toelaten.exercises.front import path_script; print(path_script(CourseData.default().strings), end="")' \
	  > _build/lint/voortgang.js
	node_modules/.bin/biome lint --error-on-warnings

format: $(VENV)/.test-deps
	$(BIN)/ruff check --fix src tests benchmarks tools
	$(BIN)/ruff format src tests benchmarks tools

# requirements*.txt from pyproject.toml's extras (tools/lock.py), by uv pinned in
# requirements-dev.txt. Pins are kept; UPGRADE=1 moves them (then build and test the book).
requirements: | $(BIN)/python
	$(PIP) install "$$(grep -m1 '^uv==' requirements-dev.txt | cut -d' ' -f1)"
	$(BIN)/python tools/lock.py $(if $(UPGRADE),--upgrade)

# src/toelaten/locale/keys.txt, the keys (and placeholders) the code asks for, from nl.yml:
# after adding, renaming or removing an interface string (tests/test_strings.py).
locale-keys: $(VENV)/.book-deps
	$(BIN)/python tools/locale_keys.py

# The book's web fonts (the theme's static/fonts/), subset from the PDFs' Atkinson
# Hyperlegible: after adding characters to tools/subset_fonts.py (tests/test_site.py
# says which character a page uses that the fonts lack).
fonts: $(VENV)/.test-deps
	$(BIN)/python tools/subset_fonts.py

# docs/cli.md, the command reference, from the commands' --help (tests/test_cli_doc.py).
cli-doc: $(VENV)/.book-deps
	$(BIN)/python tools/cli_doc.py

clean:
	rm -rf _build .pytest_cache .ruff_cache .mypy_cache workshoppakket handouts
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
