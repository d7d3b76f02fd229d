"""The shipped knowledge base, and what is built from it, loaded once per test process.

All of it is immutable (frozen dataclasses, tuples, read-only mappings), so the tests share one
copy just as every app in a process does (`app.default_knowledge_base`). The loaders' own tests
still load their own copies from files they break.
"""
from __future__ import annotations

from app import default_knowledge_base as shipped_kb
from bot.cache import once_per_kb
from bot.features.qa import matcher_for
from bot.features.quiz import bank_for
from policy_kb.scenarios import load_scenarios

__all__ = ["bank_for", "matcher_for", "scenarios_for", "shipped_kb"]

scenarios_for = once_per_kb(load_scenarios)
