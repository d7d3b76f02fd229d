"""Shared fixtures: the real knowledge base and one matcher, built once."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policy_kb import load_knowledge_base
from policy_kb.loader import DEFAULT_DIRECTORY
from policy_kb.search import Matcher


@pytest.fixture(scope="session")
def kb():
    return load_knowledge_base()


@pytest.fixture(scope="session")
def matcher(kb):
    return Matcher(kb)


@pytest.fixture()
def kb_copy(tmp_path: Path) -> Path:
    """A writable copy of the KB data directory to break in each test."""
    target = tmp_path / "kb"
    target.mkdir()
    for name in ("policy.yaml", "glossary.yaml"):
        shutil.copy(DEFAULT_DIRECTORY / name, target / name)
    shutil.copytree(DEFAULT_DIRECTORY / "clauses", target / "clauses")
    shutil.copytree(DEFAULT_DIRECTORY / "source", target / "source")
    return target
