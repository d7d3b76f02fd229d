"""Each app the tests start reads the same scenario and contacts files again; read each once.

`create_app` runs a few hundred times a test session, and parsing and checking these YAML files was
most of its cost. What they build is immutable (frozen dataclasses, tuples, read-only mappings),
as every app in one process already shares the knowledge base, matcher and question bank. A
contacts file is reused only while its path and bytes are unchanged, and a file that fails to
load is read again (and fails again) every time; the loaders' own tests call them directly.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.features import report_config, scenarios
from policy_kb.scenarios import load_scenarios
from safeguarding.contacts import Directory, load_contacts

from .kb import scenarios_for

_directories: dict[tuple[str, bytes], Directory] = {}


def _load_scenarios(kb, directory=None):
    return scenarios_for(kb) if directory is None else load_scenarios(kb, directory)


def _load_contacts(path) -> Directory:
    try:
        key = (str(path), Path(path).read_bytes())
    except OSError:
        return load_contacts(path)  # missing or unreadable: the loader says so
    if key not in _directories:
        _directories[key] = load_contacts(path)
    return _directories[key]


def load_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the features' start-up loaders reuse what an earlier app of this process loaded."""
    monkeypatch.setattr(scenarios, "load_scenarios", _load_scenarios)
    monkeypatch.setattr(report_config, "load_contacts", _load_contacts)
