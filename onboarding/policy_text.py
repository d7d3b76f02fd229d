"""The policy as sections of verbatim sentences, for reading before the quiz."""
from __future__ import annotations

from policy_kb import KnowledgeBase


def policy_sections(kb: KnowledgeBase) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each section with its clause texts in policy order, each sentence shown once.

    Several clauses quote the same sentence (or one quotes part of another); a text that is
    already shown, or contained in one shown, is left out.
    """
    sections: dict[str, list[str]] = {}
    for clause in kb.clauses:
        texts = sections.setdefault(clause.section, [])
        if any(clause.text in shown for shown in texts):
            continue
        texts[:] = [t for t in texts if t not in clause.text]
        texts.append(clause.text)
    return tuple((section, tuple(texts)) for section, texts in sections.items())
