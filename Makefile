# KMP Workbench. Two commands for a newcomer: `make briefs` and `make test`.
# Both create .venv from requirements.lock on first use; later runs reuse it.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# First port tried by `make lab` and `make app` (the next free one is taken if busy).
LAB_PORT ?= 8888
APP_PORT ?= 8866
# Jupyter refuses to start as root unless told (containers, CI); a planner is not root.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
# The project's Jupyter settings (jupyter/) come first; kernels come from .venv first.
JUPYTER_ENV := JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter" JUPYTER_PATH="$(CURDIR)/jupyter" \
	JUPYTER_PREFER_ENV_PATH=1

.PHONY: briefs test lab app browser bench lint format sample-data lock clean help

help:
	@echo "make briefs       briefs, summary and 237 report cards into outputs/ (sample data)"
	@echo "make test         run the whole test suite (installs Chromium if it can)"
	@echo "make lab          JupyterLab on the project (127.0.0.1; notebooks saved without outputs)"
	@echo "make app          the explorer notebook as a web app (Voila, 127.0.0.1, no code shown)"
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

# Test files run on every core (pytest-xdist), each file whole on one worker: its
# module fixtures (a JupyterLab, a batch run) are made once.
test: $(STAMP) browser
	$(BIN)/python -m pytest -n auto --dist loadfile

# JupyterLab on the project: the file browser opens on this folder (data/, notebooks/,
# outputs/), notebooks run on .venv's Python, it listens on 127.0.0.1 only and prints
# its address. Notebooks under notebooks/ are saved without their outputs, and nothing
# is fetched from the internet (no news, no update check): jupyter/jupyter_server_config.py.
lab: $(STAMP)
	@echo "JupyterLab KMP: buka alamat http://127.0.0.1:.../lab?token=... yang dicetak di bawah (Ctrl-C dua kali: berhenti)."
	@$(JUPYTER_ENV) $(BIN)/jupyter lab --port=$(LAB_PORT) $(AS_ROOT)

# The explorer (notebooks/eksplorasi.ipynb) as a web app: Voila runs it and shows its
# outputs and live widgets, never its code, on 127.0.0.1 only; the page loads every
# file from this machine (template jupyter/voila/templates/kmp).
app: $(STAMP)
	@echo "Aplikasi eksplorasi KMP: buka alamat yang dicetak di bawah (Ctrl-C: berhenti)."
	@$(JUPYTER_ENV) $(BIN)/voila notebooks/eksplorasi.ipynb --template=kmp \
	  --no-browser --Voila.ip=127.0.0.1 --port=$(APP_PORT)

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
	$(BIN)/python benchmarks/bench_effects.py

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
