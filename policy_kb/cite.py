"""Quote a clause verbatim with where it comes from."""
from __future__ import annotations

from dataclasses import dataclass

from .model import KnowledgeBase


@dataclass(frozen=True)
class Citation:
    clause_id: str
    section: str
    quote: str
    title: str
    version: str
    source_name: str


def cite(kb: KnowledgeBase, clause_id: str) -> Citation:
    """Return the verbatim policy text of a clause with its section and the policy version."""
    clause = kb.by_id[clause_id]
    return Citation(clause.id, clause.section, clause.text, kb.title, kb.version, kb.source_name)


def render_citation(citation: Citation) -> str:
    """Plain-text form: the quote, then title, version and section."""
    return f"“{citation.quote}” — {citation.title} v{citation.version}, {citation.section}"
