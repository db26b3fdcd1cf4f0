# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint install compile clean

# (Re)install when pyproject.toml changes; a fresh machine needs Python 3.11+, and for a
# window the X11 libraries Qt's xcb plugin uses (`make run` checks them, see README).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# The batching search is compiled code (numba): compiled once, before a plan's time limit runs.
compile: $(STAMP)
	$(BIN)/python tools/compile_search.py

run: compile
	sh tools/check-qt-libs.sh $(VENV)
	$(BIN)/shipshape run

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

# pytest exit 5 (no tests collected) is a failure here, never a silent pass.
test: lint compile
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS); \
	  status=$$?; if [ $$status -eq 5 ]; then echo "no tests ran: failing"; exit 1; fi; exit $$status

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
