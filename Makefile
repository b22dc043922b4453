# Two commands for a fresh machine: `make run` (the product) and `make test` (the whole suite).
# Both install what they need: uv and the locked Python packages, and Debian packages via apt.

SHELL := /bin/bash
UV := python3 -m uv
APT_PACKAGES := fonts-noto-cjk libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 poppler-utils
APT_BROWSER := chromium
export PYTHONPATH := $(CURDIR)
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)
# Some images set PYTHONDONTWRITEBYTECODE, so every process (each consumer, the web process, each test's
# subprocess) compiled every module from source again: importing the consumer took 8-9 s instead of 3 s here.
# The bytecode goes to __pycache__ (git-ignored) and is reused from the second process on.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run test coverage bench lint typecheck uv deps system-deps browser-deps clean

uv:
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet uv

deps: uv
	$(UV) sync --frozen --quiet

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "apt-get install$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi

browser-deps:
	@dpkg -s $(APT_BROWSER) >/dev/null 2>&1 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_BROWSER) >/dev/null; }

run: deps system-deps
	$(UV) run --frozen python -m infra.supervisor

lint: deps
	$(UV) run --frozen ruff check .

typecheck: deps
	$(UV) run --frozen mypy .

test: deps system-deps browser-deps
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen mypy .
	$(UV) run --frozen mypy --strict core db tasks ui infra
	$(UV) run --frozen python -m pytest

coverage: deps system-deps browser-deps
	$(UV) run --frozen python -m pytest --cov --cov-report=term

bench: deps system-deps
	$(UV) run --frozen python -m bench.run

clean:
	rm -rf .data .pytest_cache .mypy_cache .ruff_cache
