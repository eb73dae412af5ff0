# Two commands do everything on a fresh machine:
#   make serve   build and serve the default site on http://127.0.0.1:8000 (rebuilds on data changes)
#   make test    install what the tests need and run every test
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PYTHONPATH := $(CURDIR)/hooks
# Material 9.8 prints a notice about MkDocs 2.0 on every build; we stay on MkDocs 1.6.x
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site validate test test-fast test-edited lint format schema translations removed doubts facts benchmark install install-test clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

# System and npm tools for the browser tests (Debian's chromium, espeak-ng, Java for vnu).
install-test: $(STAMP)
	bash scripts/install-test-deps.sh

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

# The static site in site/, strict: any warning fails, and a failed build keeps the old site/.
site: $(STAMP)
	$(PY) scripts/build_site.py --out site

validate: $(STAMP)
	$(PY) -m sitegen validate data

translations: $(STAMP)
	$(PY) -m sitegen translations data

# what data/ (NEW) removes from the site compared with OLD (a data folder or a built site),
# e.g. `make removed OLD=../main/data` or `make removed OLD=site NEW=build/site`
OLD ?= site
NEW ?= data
removed: $(STAMP)
	$(PY) -m sitegen removed $(OLD) $(NEW)

# editors' `verify:` notes and the pages whose facts are not checked with the institution
doubts: $(STAMP)
	$(PY) -m sitegen doubts data

# The facts ledger: every fact a resident sees on a service, benefit and provider page, one
# row each (docs/facts/lv.tsv, en.tsv), read back from a fresh build; commit it with the data
# change so the pull request shows each changed fact (tests/test_facts_ledger.py checks it).
facts: $(STAMP)
	$(PY) scripts/build_site.py --out build/facts-site
	$(PY) -m sitegen facts build/facts-site docs/facts

schema: $(STAMP)
	$(PY) -m sitegen schema schema

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Every test, on two processes (file by file, in the order collected: testsupport/workers.py),
# with the 25 slowest printed at the end (CI's log shows where the time goes).
test: install-test lint
	$(VENV)/bin/pytest -n 2 --dist loadfile --no-loadscope-reorder --durations=25

# Every test on a copy of data/ with a communications officer's everyday edits in it (a
# price, a phone, a new service, the seasons' dates, office hours: scripts/edited_copy.py,
# which prints them): tests derive what they expect from the data, so a correct edit keeps
# them green (issue 23). The copy is build/edited/data; SITEGEN_TEST_DATA points the tests
# at it. Only the facts-ledger comparison is skipped: a copy's ledger is what `make facts`
# writes for it, as for a pull request.
test-edited: install-test
	$(PY) scripts/edited_copy.py build/edited
	SITEGEN_TEST_DATA=$(CURDIR)/build/edited/data $(VENV)/bin/pytest --durations=25

# The edit-test loop: the unit tests only (validation, the hostile corpus, the engines, the
# partials; no site build, no browser, no external tool, no second pytest (`rerun`); markers
# set by conftest.py), a few examples of each property test (Hypothesis profile "fast"), on
# two processes (pytest-xdist); it prints what it left out and the time it took.
test-fast: $(STAMP)
	@start=$$(date +%s); $(VENV)/bin/pytest -q -n 2 -m unit --hypothesis-profile=fast; status=$$?; \
	echo "make test-fast: $$(( $$(date +%s) - start )) s"; exit $$status

benchmark: $(STAMP)
	$(PY) benchmarks/build_time.py
	$(PY) benchmarks/live_reload.py

clean:
	rm -rf site site.previous build .pytest_cache
