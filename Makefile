# dutydir: `make site` builds site/ from data/leaders.yaml; `make test` runs the tests.
# Both install what is missing first: the Python packages into .venv, system packages with apt-get.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA ?= data/leaders.yaml
# The site's name (mkdocs.yml's site_name); set it when building another unit's data.
SITE_NAME ?=
# Shards built at a time by a publish of a site of several units.
JOBS ?= $(shell nproc 2>/dev/null || echo 1)
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

# Material prints an end-of-life banner on every build; it is noise in this project's logs.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test test-fast serve publish rollback system lint lock clean bench bench-search offline install-timer

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $@

system:
	scripts/install-system-deps.sh

# Strict: any warning fails the build (the hooks count warnings even under --quiet; see dutydir/build/strict.py).
site: $(STAMP) system
	DUTYDIR_DATA="$(abspath $(DATA))" $(if $(SITE_NAME),DUTYDIR_SITE_NAME="$(SITE_NAME)") $(BIN)/mkdocs build --strict
	@echo "built site/ from $(DATA)"

# A copy to open from files (USB stick, archive): pages linked as name.html, search without a server; one zip.
OFFLINE ?= 安全生产责任目录-离线版.zip
offline: $(STAMP) system
	rm -rf .cache/offline-site
	DUTYDIR_OFFLINE=true DUTYDIR_DATA="$(abspath $(DATA))" $(if $(SITE_NAME),DUTYDIR_SITE_NAME="$(SITE_NAME)") $(BIN)/mkdocs build --strict -d .cache/offline-site
	$(BIN)/python -m dutydir.build.offline .cache/offline-site "$(OFFLINE)"

serve: $(STAMP) system
	DUTYDIR_DATA="$(abspath $(DATA))" $(if $(SITE_NAME),DUTYDIR_SITE_NAME="$(SITE_NAME)") $(BIN)/mkdocs serve --livereload -a 127.0.0.1:8000

publish: $(STAMP) system
	@test -n "$(DEST)" || { echo "usage: make publish DEST=/path/to/webroot [DATA=...]"; exit 2; }
	$(BIN)/dutydir publish "$(DEST)" --data "$(DATA)" --jobs "$(JOBS)"

rollback: $(STAMP)
	@test -n "$(DEST)" || { echo "usage: make rollback DEST=/path/to/webroot"; exit 2; }
	$(BIN)/dutydir rollback "$(DEST)"

# Republish by itself: a systemd timer runs `dutydir publish DEST --if-changed` every day at 00:05 (as root).
install-timer: $(STAMP)
	@test -n "$(DEST)" || { echo "usage: make install-timer DEST=/path/to/webroot [DATA=...]"; exit 2; }
	scripts/install-timer.sh "$(DEST)" "$(DATA)"

# Measures builds of the real site and of synthetic ones up to 16,000 pages, whole and as shards (about
# half an hour on an idle machine);
# writes docs/benchmarks.md.
bench: $(STAMP) system
	scripts/install-system-deps.sh --browser
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_documents.py --json .cache/bench-documents.json

# Only the reader's search (query suite on both engines, answer data sizes): updates the JSON and renders the page.
bench-search: $(STAMP) system
	scripts/install-system-deps.sh --browser
	$(BIN)/python scripts/bench.py --search

# Every test, the slow ones (browser, benchmark) included: what CI runs.
test: $(STAMP)
	scripts/install-system-deps.sh --browser --nginx
	$(BIN)/pytest -q

# While working: everything but the tests marked slow.
test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check dutydir hooks tests scripts
	$(BIN)/mypy

lock: $(STAMP)
	(echo "# Every Python package of the virtual environment, pinned. Regenerate with: make lock"; \
	 $(BIN)/pip freeze --all | grep -v '^-e\|^dutydir\|^pip==\|^#') > requirements.lock

clean:
	rm -rf site .cache
