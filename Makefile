# Two commands matter: `make run` and `make test`. Each sets up what it needs first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: run test chat bench eval clean webchat teams-package system-deps diagrams screenshots

# Debian packages the tests use, each with a file that proves it is there; installed only when
# missing (CI runs as root): PostgreSQL (storage tests), Chromium and ChromeDriver (web chat
# end-to-end), npm (fetches Web Chat).
SYSTEM_DEPS := postgresql:/usr/lib/postgresql/*/bin/initdb chromium:/usr/bin/chromium \
	chromium-driver:/usr/bin/chromedriver npm:/usr/bin/npm

$(PY):
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null || { echo "Python 3.11 is required (make ... PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

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

run: $(VENV)/.runtime
	@$(MAKE) --no-print-directory $(WEBCHAT) || echo "warning: Web Chat could not be fetched (it needs npm); the bot runs, the page at / explains"
	$(PY) app.py

# build/teams-app.zip to sideload in Teams; needs MicrosoftAppId (the bot's Microsoft App ID).
teams-package: $(VENV)/.runtime
	$(PY) -m tools.teams_package build/teams-app.zip

system-deps:
	scripts/system-deps.sh $(SYSTEM_DEPS)

chat: $(VENV)/.runtime
	$(PY) -m tools.chat

test: $(VENV)/.dev system-deps
	@$(MAKE) --no-print-directory $(WEBCHAT)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -q

bench: $(VENV)/.runtime
	$(PY) bench/run.py

# Score the first reply to every question of eval/*.jsonl (and ../shared/eval/*.jsonl when present)
# as a member of staff reads it: right stance first, wrong clause or stance, did-you-mean, don't
# know, false answers out of scope, disclosures routed, false alarms (bench/eval_answers.py); then the
# safeguarding reader on eval/stories/ (bench/eval_stories.py).
eval: $(VENV)/.dev
	$(PY) bench/eval_answers.py $(SETS)
	$(PY) bench/eval_stories.py

# docs/screenshots/*.png: each flow in the local Web Chat page, in real headless Chromium, at phone
# and desktop size (tools/screenshots.py; the README shows them).
# (a colour emoji font too, so 👍 is not drawn as a box).
screenshots: $(VENV)/.dev
	scripts/system-deps.sh $(SYSTEM_DEPS) fonts-noto-color-emoji:/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf
	@$(MAKE) --no-print-directory $(WEBCHAT)
	$(PY) tools/screenshots.py

# Regenerate docs/scenarios/*.mmd from policy_kb/scenarios/*.yaml (a test fails when they are stale).
diagrams: $(VENV)/.runtime
	$(PY) -m policy_kb.scenarios.diagram docs/scenarios

clean:
	rm -rf $(VENV) build .pytest_cache
