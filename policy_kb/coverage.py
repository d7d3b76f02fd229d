"""Check that the clauses quote every sentence of the policy source."""
from __future__ import annotations

from .model import KnowledgeBase
from .text import collapse, split_sentences


def uncovered_sentences(kb: KnowledgeBase) -> list[str]:
    """Return the source sentences not wholly quoted by some clause."""
    flat = collapse(kb.source_text)
    covered = [False] * len(flat)
    for clause in kb.clauses:
        text = collapse(clause.text)  # a list clause keeps its bullets; the flat source has none
        start = flat.find(text)
        while start != -1:
            for i in range(start, start + len(text)):
                covered[i] = True
            start = flat.find(text, start + 1)
    missing = []
    for sentence in split_sentences(kb.source_text, kb.headings):
        start = flat.find(sentence)
        span = range(start, start + len(sentence))
        if start == -1 or not all(covered[i] or flat[i].isspace() for i in span):
            missing.append(sentence)
    return missing
