# The two commands: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO_ADDR ?= 127.0.0.1:8000

.PHONY: demo test setup bench clean

$(BIN)/python:
	scripts/ensure-venv $(PYTHON) $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

setup: $(VENV)/.installed node_modules/.installed

demo: setup
	scripts/demo $(DEMO_ADDR)

test: setup
	scripts/test

clean:
	rm -rf $(VENV) node_modules var/*.sqlite3*
