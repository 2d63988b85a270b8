# The two commands: `make demo` and `make test`. Both create .venv (Python 3.12) when missing.
PYTHON ?= $(shell PYENV_VERSION=3.12.1 python3.12 -c 'import sys; print(sys.executable)' 2>/dev/null || command -v python3.12)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit venv clean browser-deps office-deps

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.12 not found (try: pyenv install 3.12.1)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/lineage demo --out out

lint: $(STAMP)
	$(BIN)/ruff check ontology ingest graph viz api testkit tests bench
	$(BIN)/ruff format --check ontology ingest graph viz api testkit tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

# Headless Chromium for the browser tests (Debian package; as root on the CI machine).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium could not be installed: the browser tests will be skipped"; }

# Tesseract with its Vietnamese model (scanned PDFs), LibreOffice Writer (.doc) and DejaVu (the
# font the tests render Vietnamese pages with); Debian packages, as root. Without them the OCR and
# .doc tests are skipped with the reason.
OFFICE_DEBS := tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui libreoffice-calc-nogui fonts-dejavu-core
office-deps:
	@{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie \
	  && command -v soffice >/dev/null 2>&1 && test -f /usr/lib/libreoffice/program/libsclo.so \
	  && test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf; } \
	  || { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(OFFICE_DEBS) >/dev/null) \
	  || echo "$(OFFICE_DEBS) could not be installed: the OCR and .doc tests will be skipped"; }

unit: $(STAMP) browser-deps office-deps
	$(BIN)/pytest
	$(BIN)/pytest --doctest-modules ontology ingest graph/identity.py graph/gaps.py graph/sparql.py graph/rdf testkit/synth/units.py api/keys.py api/cli.py api/terminal.py api/paths.py

test: lint typecheck unit

clean:
	rm -rf $(VENV) out .mypy_cache .pytest_cache .ruff_cache
