# Two commands on a fresh machine: `make site` and `make test`.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SEEDS ?= seeds

.PHONY: install site serve test lint bench export golden clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependencies change; constraints.txt pins every version.
# The distribution was called `digest` before it took a name free on PyPI: its stale install goes first.
$(STAMP): pyproject.toml constraints.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip uninstall --quiet --yes digest 2>/dev/null || true
	rm -rf digest.egg-info
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

install: $(STAMP)

# Builds into a staging folder with `mkdocs build --strict` and swaps it in: a failed build keeps the old site.
site: install
	$(PY) -m digest build $(SEEDS) -d site --strict

# --dirty keeps the site folder between rebuilds; the plugin keeps them equal to clean ones (README).
serve: install
	$(VENV)/bin/mkdocs serve --dirty

export: install
	$(PY) -m digest export $(SEEDS) -o site/digest.json

# Lint first: a style or type error fails in seconds, before the suite's minutes.
test: install lint
	$(PY) -m pytest

# Ruff (style, imports, bugbear, bandit) and mypy --strict over the runtime package and the tools; see pyproject.toml.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

bench: install
	$(PY) -m digest_tools.bench --serve-articles 1000 --json bench-results/bench.json

# After a change meant to alter the output: rewrite tests/resources/golden/*.json.gz and commit them with it.
golden: install
	$(PY) -m digest_tools.golden --update

clean:
	rm -rf site .cache bench-results
