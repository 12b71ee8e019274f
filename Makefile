# README's two commands: `make demo` and `make test`. Both install what is missing
# (Debian packages with apt-get, a .venv with the package) before they run.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := tesseract-ocr tesseract-ocr-fra chromium chromium-driver
#: the faces bench/bench_fonts.py sets the seeds in (only `make bench` needs them)
BENCH_APT_PACKAGES := fonts-dejavu-core fonts-liberation
DEMO_OUT ?= demo-out

#: shell: apt-get install the packages listed in $$missing, if any (updating only then)
APT_INSTALL_MISSING = if [ -n "$$missing" ]; then \
	  echo "installing with apt-get:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

.PHONY: demo test system-deps venv lint typecheck unit bench clean

## Debian packages, only those missing (apt-get update once, only when needed)
system-deps:
	@missing=""; \
	$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || missing="$$missing python3 python3-venv python3-pip"; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	$(APT_INSTALL_MISSING)

$(STAMP): pyproject.toml | system-deps
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

venv: system-deps $(STAMP)

## Run the whole pipeline on samples/ and print what it did
demo: venv
	@rm -rf $(DEMO_OUT)
	@echo "--- pressclean run: OCR, layout, correction, tagging on samples/ ---"
	$(VENV)/bin/pressclean run samples -o $(DEMO_OUT) --jobs 2
	@echo "--- quality against the ground truth beside each sample (X.gt.txt) ---"
	$(VENV)/bin/pressclean eval --gt samples --run $(DEMO_OUT)
	@echo "--- the corrections of the real OCR sample, inline ---"
	$(VENV)/bin/pressclean diff $(DEMO_OUT)/ocr/pole-luxe-tech.txt --context 0 --no-color | head -n 12
	@echo "--- search index, and a query that needs the corrections ---"
	$(VENV)/bin/pressclean index $(DEMO_OUT)
	$(VENV)/bin/pressclean search "maillage entreprises" --in $(DEMO_OUT)
	$(VENV)/bin/pressclean review $(DEMO_OUT) --html $(DEMO_OUT)/review.html
	@echo "review page: $(DEMO_OUT)/review.html"

lint: venv
	$(PY) -m ruff check src tests bench

typecheck: venv
	$(PY) -m mypy

unit: venv
	$(PY) -m pytest -q

## The whole suite plus ruff and mypy
test: lint typecheck unit

## Every number README's quality and speed tables give (bench_fonts needs the fonts)
bench: venv
	@missing=""; \
	for p in $(BENCH_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	$(APT_INSTALL_MISSING)
	$(PY) bench/run_all.py

clean:
	rm -rf $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
