"""Frozen data types for the policy knowledge base."""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

STANCES: tuple[str, ...] = ("must_not", "must", "advised", "allowed_if", "report", "information")

CONTACTS: Mapping[str, str] = MappingProxyType(
    {
        "dsl": "the designated person for Child Protection (DSL)",
        "slt": "a member of the senior leadership team (SLT)",
        "executive_headteacher": "the Executive Headteacher",
        "subject_leader": "the appropriate Subject Leader",
        "line_manager": "your line manager",
    }
)


class KnowledgeBaseError(ValueError):
    """Raised when the knowledge-base data is missing or invalid."""


@dataclass(frozen=True)
class Clause:
    id: str
    section: str
    text: str
    answer: str
    stance: str
    headline: str
    contacts: tuple[str, ...]
    keywords: tuple[str, ...]
    examples: tuple[str, ...]
    related: tuple[str, ...]
    source_file: str = ""
    # What the clause governs (who, what, where), in words; a question must meet `requires`
    # (policy_kb/relevance.py) for the clause to answer it; `not_about` are questions it must not answer.
    governs: str = ""
    requires: Any = None  # relevance.Requirement
    not_about: tuple[str, ...] = ()


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    aliases: tuple[str, ...]
    definition: str
    clause: str | None = None


@dataclass(frozen=True)
class KnowledgeBase:
    title: str
    version: str
    version_date: str | None
    source_name: str
    source_text: str
    headings: tuple[str, ...]
    clauses: tuple[Clause, ...]
    glossary: tuple[GlossaryEntry, ...]
    by_id: Mapping[str, Clause] = field(default_factory=lambda: MappingProxyType({}))

    def clause(self, clause_id: str) -> Clause:
        """Return the clause with this id (KeyError if unknown)."""
        return self.by_id[clause_id]
