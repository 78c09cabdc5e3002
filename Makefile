# The two set-up commands of the README. Both create .venv and install the
# project (editable, so ontology/ is read from this checkout) on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install score clean

demo: install
	$(BIN)/kg build seeds --out exports

test: install
	$(BIN)/python -m pytest

score: install
	$(BIN)/kg evaluate --gold seeds/gold.yaml seeds --quiet
	$(BIN)/kg evaluate --gold tests/corpus/gold.yaml tests/corpus --quiet

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) build *.egg-info
