# KMP Workbench. Two commands for a newcomer: `make briefs` and `make test`.
# Both create .venv from requirements.lock on first use; later runs reuse it.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: briefs test browser bench lint format sample-data lock clean help

help:
	@echo "make briefs       briefs, summary and 237 report cards into outputs/ (sample data)"
	@echo "make test         run the whole test suite (installs Chromium if it can)"
	@echo "make bench        batch and national-scale benchmarks (times and ratios)"
	@echo "make lint         ruff check + format check"
	@echo "make sample-data  regenerate data/sample/ (deterministic, seed 2025)"
	@echo "make lock         re-resolve requirements.lock from pyproject.toml"

$(STAMP): requirements.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 tidak ditemukan (python3.11/python3)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

briefs: $(STAMP) browser
	$(BIN)/kmp briefs --rapor --format html,pdf,ipynb

test: $(STAMP) browser
	$(BIN)/python -m pytest

# Chromium for the PDF and browser tests (Debian's package; kmp_analysis.pdf looks in
# the same places). Best effort: nothing to do when one is found; as root with apt-get,
# install it; otherwise, or if that fails, say so and go on (those tests skip).
browser:
	@if [ -n "$$KMP_CHROMIUM" ] && command -v "$$KMP_CHROMIUM" >/dev/null 2>&1 \
	  || command -v chromium >/dev/null 2>&1 \
	  || command -v chromium-browser >/dev/null 2>&1 \
	  || command -v google-chrome >/dev/null 2>&1 \
	  || [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Memasang Chromium (apt-get) untuk uji PDF dan peramban..."; \
	  { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
	    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  } >/dev/null 2>&1 \
	  || echo "Chromium gagal dipasang; uji PDF dan peramban akan dilewati."; \
	else \
	  echo "Chromium tidak ada (apt-get install chromium); uji PDF dan peramban akan dilewati."; \
	fi

# Speed benchmarks: print times and ratios, assert nothing (shared, noisy machines).
bench: $(STAMP)
	$(BIN)/python benchmarks/batch.py
	$(BIN)/python benchmarks/bench_nasional.py
	$(BIN)/python benchmarks/bench_history.py
	$(BIN)/python benchmarks/bench_rapor.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

sample-data: $(STAMP)
	$(BIN)/kmp sample-data --out data/sample --seed 2025

# Resolve the newest versions allowed by pyproject.toml in a scratch venv and pin them.
lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --disable-pip-version-check --upgrade ".[dev]" setuptools
	.venv-lock/bin/python -m pip freeze --exclude-editable --all \
	  | grep -v -i '^kmp-analysis' | grep -v '^pip==' > requirements.lock.tmp
	mv requirements.lock.tmp requirements.lock
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
