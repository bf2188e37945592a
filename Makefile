# The README's two commands: `make build` (the main job) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= kg-store

.PHONY: install build test clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(BIN)/kg

install: $(BIN)/kg

build: install
	$(BIN)/kg build data/articles --store $(STORE)

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(STORE) .pytest_cache
