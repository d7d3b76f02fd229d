"""What a new text changes for the live knowledge base: the clauses whose quoted sentences were
reworded or removed, and the quiz questions and situations that rest on those clauses."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from ..model import KnowledgeBase
from ..text import collapse
from .diff import REMOVED, REWORDED, carry_over


@dataclass(frozen=True)
class ClauseImpact:
    clause_id: str
    kind: str  # reworded | removed
    old_text: str
    proposed: str  # the words now standing where the quote stood ("" when removed)


@dataclass(frozen=True)
class Reference:
    """Something built on clauses: a quiz question or a situation."""

    id: str
    title: str
    clauses: tuple[str, ...]


@dataclass(frozen=True)
class Dependent:
    kind: str  # question | situation
    id: str
    title: str
    because_of: tuple[str, ...]  # the flagged clauses it rests on


def clause_impacts(kb: KnowledgeBase, new_text: str, new_headings: Sequence[str] = ()) -> tuple[ClauseImpact, ...]:
    """Every clause whose quote is no longer verbatim in the new text, with its carried-over wording."""
    new_flat = collapse(new_text)
    found = []
    for clause in kb.clauses:
        if clause.text in new_flat:
            continue
        proposed = carry_over(kb.source_text, new_text, clause.text, kb.headings, new_headings)
        found.append(ClauseImpact(clause.id, REWORDED if proposed else REMOVED, clause.text, proposed))
    return tuple(found)


def dependents(kind: str, references: Iterable[Reference], flagged: Iterable[str]) -> tuple[Dependent, ...]:
    """The references (of one kind) that rest on any flagged clause."""
    flagged = set(flagged)
    return tuple(Dependent(kind, ref.id, ref.title, tuple(c for c in dict.fromkeys(ref.clauses) if c in flagged))
                 for ref in references if flagged & set(ref.clauses))
