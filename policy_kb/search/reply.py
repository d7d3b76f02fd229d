"""What the matcher returns to the bot layer."""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

KINDS = ("answer", "clarify", "choose", "unknown")


@dataclass(frozen=True)
class Candidate:
    clause_id: str
    score: float  # 0..100, comparable across questions


@dataclass(frozen=True)
class Option:
    label: str
    facts: Mapping[str, Any]


@dataclass(frozen=True)
class Clarification:
    clause_id: str
    question: str
    options: tuple[Option, ...]
    asks: tuple[str, ...]  # fact names the answer should set, e.g. ("relation", "under_18")


@dataclass(frozen=True)
class Reply:
    kind: str
    clause_id: str | None = None
    stance: str | None = None
    verdict: str | None = None  # yes / no / conditional / info / report, for this question
    headline: str | None = None
    note: str | None = None
    also: tuple[str, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    clarification: Clarification | None = None
    choices: tuple[str, ...] = ()
    facts: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
