# One local command for what CI checks besides the tests: `make check`
# (ruff lint, ruff format --check, mypy, import contracts; configured in pyproject.toml).
VENV ?= .venv
BIN = $(VENV)/bin
# Everything Python in the repo is linted and formatted alike (the tests too).
PY = src tests benchmarks tools screenshots hatch_build.py

.PHONY: check lint format-check types imports format test screenshots

check: lint format-check types imports

lint:
	$(BIN)/ruff check $(PY)

format-check:
	$(BIN)/ruff format --check $(PY)

types:
	$(BIN)/mypy

# PYTHONPATH=src: check the working tree, not a copy installed in the venv.
imports:
	PYTHONPATH=src $(BIN)/lint-imports

format:
	$(BIN)/ruff format $(PY)
	$(BIN)/ruff check --fix $(PY)

test:
	$(BIN)/python -m pytest -n 2 -q

# The README's pictures (SVG; PNG too when rsvg-convert is installed), after a change of look.
screenshots:
	$(BIN)/python screenshots/make_screenshots.py
