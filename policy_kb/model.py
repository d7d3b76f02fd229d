"""Frozen data types for the policy knowledge base."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

from .text import last_question

STANCES: tuple[str, ...] = ("must_not", "must", "advised", "allowed_if", "report", "information")
# What an answer says to the question asked: its headline's first words say it (see `says`).
VERDICTS: tuple[str, ...] = ("yes", "no", "conditional", "report", "info")
# What a question asks: "what is…?", "can I…?", "do I have to…?", "what do I do?" (search/stance.py).
ASKS: tuple[str, ...] = ("what", "may", "must", "todo")
_HEADLINE_OPENINGS = (
    ("report", re.compile(r"(?:report|tell|remove)\b")),
    ("conditional", re.compile(r"(?:only\b|not without\b|yes,? (?:if|with|but|once|as long as)\b|it depends\b)")),
    ("no", re.compile(r"(?:no\b|not\b|never\b|don'?t\b|do not\b)")),
    ("yes", re.compile(r"(?:yes|ok)\b")),  # "OK — …" answers "is that a problem?" (search.wording)
)

CONTACTS: Mapping[str, str] = MappingProxyType(
    {
        "dsl": "the designated person for Child Protection (DSL)",
        "slt": "a member of the senior leadership team (SLT)",
        "executive_headteacher": "the Executive Headteacher",
        "subject_leader": "the appropriate Subject Leader",
        "line_manager": "your line manager",
    }
)


def says(headline: str) -> str:
    """The verdict a reader takes from a headline's opening words ("No — …" is no, "Only with …" is
    conditional, "Report it …" is report, "Yes — …" and "OK — …" are yes); anything else informs."""
    opening = headline.strip().lower().replace("’", "'")
    return next((verdict for verdict, pattern in _HEADLINE_OPENINGS if pattern.match(opening)), "info")


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
    # A few words naming what it is about, short enough for a button on a phone ("Related: …").
    topic: str = ""
    # What the clause governs (who, what, where), in words; a question must meet `requires`
    # (policy_kb/relevance.py) for the clause to answer it; `not_about` are questions it must not answer.
    governs: str = ""
    requires: Any = None  # relevance.Requirement
    not_about: tuple[str, ...] = ()
    # The verdict its headline gives (model.says), and the decisions that answer particular
    # questions otherwise (first met wins): see policy_kb/search/stance.py.
    verdict: str = "info"
    decides: tuple[Decides, ...] = ()


@dataclass(frozen=True)
class Decides:
    """When a question meets `when`, the clause answers it with this verdict and headline."""

    verdict: str
    headline: str
    when: Any = None  # relevance.Requirement; None: any question of the forms in `asked`
    asked: tuple[str, ...] = ()  # question forms it answers (stance.ASKS); empty: any
    note: str | None = None


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    aliases: tuple[str, ...]
    definition: str
    clause: str | None = None


@dataclass(frozen=True)
class Elsewhere:
    """Who is likely to know about a topic the policy does not cover (elsewhere.yaml)."""

    who: str
    topics: re.Pattern


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
    elsewhere: tuple[Elsewhere, ...] = ()

    def who_knows(self, question: str) -> str | None:
        """Who is likely to know about a question the policy does not cover, if its topic is known: the
        topic of its last question first ("…the trip photos are up. separately, how do I go part-time?")."""
        said = " ".join(question.lower().replace("’", "'").split())
        return next((e.who for part in (last_question(said), said) for e in self.elsewhere if e.topics.search(part)), None)

    def clause(self, clause_id: str) -> Clause:
        """Return the clause with this id (KeyError if unknown)."""
        return self.by_id[clause_id]
