# The two commands: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO_ADDR ?= 127.0.0.1:8000
# llama.cpp's native build crashes at the first generation on these machines: a portable AVX2 build.
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX512=OFF -DGGML_AMX_INT8=OFF -DGGML_AVX2=ON

.PHONY: demo test setup local-llm bench clean

$(BIN)/python:
	scripts/ensure-venv $(PYTHON) $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

# The `local` drafting backend (optional extra): a few minutes to build the first time, then pip's wheel cache.
$(VENV)/.local-installed: pyproject.toml $(VENV)/.installed
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/pip install --quiet --disable-pip-version-check -e '.[test,local]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

setup: $(VENV)/.installed node_modules/.installed

local-llm: $(VENV)/.local-installed

demo: setup
	scripts/demo $(DEMO_ADDR)

test: setup local-llm
	scripts/test

clean:
	rm -rf $(VENV) node_modules var/*.sqlite3*
