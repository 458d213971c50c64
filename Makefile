# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RAW    ?= raw
OUT    ?= out
JOBS   ?=
ARGS   ?=
N      ?=

.PHONY: run test setup show clean bench review browser ocr-deps reprocess

# The venv is rebuilt only when pyproject.toml changes.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

# Bytecode of our own packages, written here because imports may not write it
# (PYTHONDONTWRITEBYTECODE, set in many CI images and sandboxes): without it
# every worker process parses the sources again, ~0.1 s each. Only changed
# files are compiled.
setup: $(BIN)/.installed
	@$(BIN)/python -m compileall -q pipeline extractors

run: setup
	@$(MAKE) --no-print-directory ocr-deps || echo "continuing without OCR" >&2
	$(BIN)/kyoyaku run $(RAW) --out $(OUT) $(if $(JOBS),--jobs $(JOBS)) $(ARGS)

test: setup
	$(BIN)/python -m pytest $(ARGS)

# Like run, but every file is extracted again even if its result is cached.
reprocess: setup
	$(BIN)/kyoyaku run $(RAW) --out $(OUT) $(if $(JOBS),--jobs $(JOBS)) --force $(ARGS)

# make show FILE=raw/001_37a5c5a8a2ee1a5b.txt
show: setup
	$(BIN)/kyoyaku show $(FILE)

# Review pages of a run: open $(OUT)/review/index.html in a browser.
review: setup
	$(BIN)/kyoyaku review $(OUT)

# The review pages are tested in Debian's Chromium (never a downloaded browser);
# the IPA font renders Japanese in the test screenshots.
browser:
	test -x /usr/bin/chromium && fc-list | grep -qi ipa || \
	  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-ipafont-gothic; }

# OCR of scanned PDFs: Tesseract with its Japanese model, and a Japanese font
# for rendering pages whose text layer is unreadable. Installed with apt-get
# as root or through sudo; anywhere else this says what to install and fails
# (`make run` goes on without OCR: scanned PDFs then get a `failed` row).
OCR_PACKAGES := tesseract-ocr tesseract-ocr-jpn fonts-ipafont-mincho
ocr-deps:
	@if command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx jpn \
	    && fc-list :lang=ja 2>/dev/null | grep -q .; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(OCR_PACKAGES); \
	elif command -v apt-get >/dev/null && sudo -n true 2>/dev/null; then \
	  sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(OCR_PACKAGES); \
	else \
	  echo "OCR of scanned PDFs needs Tesseract with its Japanese model: install the packages" \
	       "$(OCR_PACKAGES) (Debian/Ubuntu, as root), or tesseract and its jpn language data elsewhere." >&2; \
	  exit 1; \
	fi

# Speed: each bench/*.py script measures one thing and writes out/bench*.json.
# N=20000 sets the size of bench/archive.py's synthetic archive (default 2,000).
bench: setup
	@for script in bench/*.py; do [ -f "$$script" ] && $(if $(N),N=$(N)) $(BIN)/python "$$script" || exit 1; done

clean:
	rm -rf $(OUT)/*.csv $(OUT)/*.parquet $(OUT)/run_report.json $(OUT)/kyoyaku.xlsx $(OUT)/review \
	  $(OUT)/manifest.json $(OUT)/current $(OUT)/.versions $(OUT)/.cache $(OUT)/.lock
