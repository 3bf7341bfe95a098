# Two commands do everything on a fresh machine with Python >= 3.11:
#   make report   install into .venv, execute every notebook, write reports/*.html
#   make check    install into .venv, lint (ruff), type-check (mypy), run unit tests and nbval
# Both create and update .venv/ themselves; nothing else needs to be installed by hand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: report check test lint typecheck notebooks clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,dask,parquet]"
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/python -m nzus_analysis report $(if $(COMPARE),--compare $(COMPARE))

# The README's test command and CI's (.ci/run): every check, stopping at the first that fails.
check: lint typecheck test

test: $(STAMP)
	$(BIN)/python -m pytest --nbval --nbval-current-env tests notebooks

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# For developers: re-execute the notebooks in place so their committed outputs are current.
notebooks: $(STAMP)
	$(BIN)/python -m nzus_analysis refresh

clean:
	rm -rf $(VENV) reports
