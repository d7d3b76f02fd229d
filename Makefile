# Two commands matter: `make run` and `make test`. Each sets up what it needs first.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: run test chat bench clean webchat teams-package system-deps

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt constraints.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt -c constraints.txt
	@touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PIP) install --quiet -r requirements-dev.txt -c constraints.txt
	@touch $@

# Microsoft's Web Chat bundle for the local page at http://127.0.0.1:3978/ (pinned, hash-checked).
WEBCHAT := static/webchat/webchat.js
$(WEBCHAT): tools/fetch_webchat.py | $(PY)
	$(PY) tools/fetch_webchat.py

webchat: $(WEBCHAT)

run: $(VENV)/.runtime $(WEBCHAT)
	$(PY) app.py

# build/teams-app.zip to sideload in Teams; needs MicrosoftAppId (the bot's Microsoft App ID).
teams-package: $(VENV)/.runtime
	$(PY) -m bot.channels.teams build/teams-app.zip

# Debian packages the tests use: Chromium and ChromeDriver (web chat end-to-end), npm (Web Chat).
# Installed only when missing, so a machine that has them does no apt work.
system-deps:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && command -v npm >/dev/null 2>&1; then :; else \
	  apt-get update && apt-get install -y chromium chromium-driver npm \
	  || echo "warning: could not install chromium, chromium-driver and npm; the browser test will be skipped"; fi

chat: $(VENV)/.runtime
	$(PY) -m bot.console

test: $(VENV)/.dev system-deps
	@$(MAKE) --no-print-directory $(WEBCHAT) || echo "warning: could not fetch Web Chat; the browser test will be skipped"
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) build .pytest_cache
