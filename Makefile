# The two commands a new user needs: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit bench train demo clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tidewise serve --open

lint: $(STAMP)
	$(BIN)/ruff check tidewise tests bench
	$(BIN)/ruff format --check tidewise tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -n 2 tests

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,train]'  # the personal-reader bench retrains heads
	$(BIN)/python -m bench

train: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,train]'
	$(BIN)/python -m tidewise.analysis.train
	$(BIN)/python -m tidewise.analysis.train_safety

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
