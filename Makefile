# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RAW    ?= raw
OUT    ?= out
JOBS   ?=
ARGS   ?=

.PHONY: run test setup show clean bench review browser

# The venv is rebuilt only when pyproject.toml changes.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

setup: $(BIN)/.installed

run: setup
	$(BIN)/kyoyaku run $(RAW) --out $(OUT) $(if $(JOBS),--jobs $(JOBS)) $(ARGS)

test: setup
	$(BIN)/python -m pytest $(ARGS)

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

# Speed: each bench/*.py script measures one thing and writes out/bench*.json.
bench: setup
	@for script in bench/*.py; do [ -f "$$script" ] && $(BIN)/python "$$script" || exit 1; done

clean:
	rm -rf $(OUT)/*.csv $(OUT)/*.parquet $(OUT)/run_report.json $(OUT)/kyoyaku.xlsx $(OUT)/review
