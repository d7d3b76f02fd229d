# Two commands matter: `make run` and `make test`. Each sets up what it needs first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: run test chat bench clean system-deps diagrams

# Debian packages the tests use (installed only when missing; CI runs as root).
SYSTEM_DEPS := postgresql:/usr/lib/postgresql/*/bin/initdb

$(PY):
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null || { echo "Python 3.11 is required (make ... PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt constraints.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt -c constraints.txt
	@touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PIP) install --quiet -r requirements-dev.txt -c constraints.txt
	@touch $@

run: $(VENV)/.runtime
	$(PY) app.py

chat: $(VENV)/.runtime
	$(PY) -m bot.console

system-deps:
	scripts/system-deps.sh $(SYSTEM_DEPS)

test: $(VENV)/.dev system-deps
	$(PY) -m pytest -q

# Regenerate docs/scenarios/*.mmd from policy_kb/scenarios/*.yaml (a test fails when they are stale).
diagrams: $(VENV)/.runtime
	$(PY) -m policy_kb.scenarios.diagram docs/scenarios

clean:
	rm -rf $(VENV) build .pytest_cache
