"""Shared fixtures: the real knowledge base and one matcher, built once (the ones the bot uses)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policy_kb.loader import DEFAULT_DIRECTORY
from tests.support.kb import matcher_for, shipped_kb


@pytest.fixture(scope="session")
def kb():
    return shipped_kb()


@pytest.fixture(scope="session")
def matcher(kb):
    return matcher_for(kb)


@pytest.fixture()
def kb_copy(tmp_path: Path) -> Path:
    """A writable copy of the KB data directory to break in each test."""
    target = tmp_path / "kb"
    target.mkdir()
    for name in ("policy.yaml", "glossary.yaml", "concepts.yaml"):
        shutil.copy(DEFAULT_DIRECTORY / name, target / name)
    shutil.copytree(DEFAULT_DIRECTORY / "clauses", target / "clauses")
    shutil.copytree(DEFAULT_DIRECTORY / "source", target / "source")
    return target
