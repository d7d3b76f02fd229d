"""Match a staff question to the policy clause that governs it, offline and deterministically."""
from __future__ import annotations

from types import MappingProxyType
from typing import Any, Mapping

from ..model import KnowledgeBase
from .clarify import merge_facts
from .clustering import low_score_variation
from .facts import extract_facts
from .priors import bonus_for, priors
from .index import bm25_scores, build_index, example_scores, fuzzy_scores
from .lexicon import STOPWORDS, Lexicon, Speller, expand, load_lexicon, raw_tokens
from .reply import Candidate, Reply
from .rules import rule

WEIGHTS = (0.60, 0.30, 0.10)  # bm25, example cosine, fuzzy example ratio
UNKNOWN_BELOW = 25.0
MAX_CANDIDATES = 5


class Matcher:
    """Built once from a KnowledgeBase; `answer` is a pure function of its input."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon | None = None):
        self.kb = kb
        self._lexicon = lexicon or load_lexicon()
        vocabulary: set[str] = set(STOPWORDS) | set(self._lexicon.words)
        for clause in kb.clauses:
            for text in (clause.text, clause.answer, clause.headline, *clause.keywords, *clause.examples):
                vocabulary.update(raw_tokens(text, self._lexicon))
        self._speller = Speller(vocabulary)
        self._index = build_index(kb.clauses, self._kb_terms)

    def _kb_terms(self, text: str) -> list[str]:
        return expand(raw_tokens(text, self._lexicon), self._lexicon)

    def terms(self, text: str) -> list[str]:
        """Return the search terms for a question (typos fixed, synonyms expanded, stemmed)."""
        raw = [self._speller.correct(token) for token in raw_tokens(text, self._lexicon)]
        return expand(raw, self._lexicon)

    def rank(self, text: str, facts: Mapping[str, Any] | None = None) -> tuple[Candidate, ...]:
        """Score every clause for the question, best first (scores 0..100)."""
        terms = self.terms(text)
        if not terms:
            return ()
        columns = (bm25_scores(self._index, terms), example_scores(self._index, terms), fuzzy_scores(self._index, terms))
        bonus = priors(text, facts if facts is not None else extract_facts(text))
        scored = []
        for position, doc in enumerate(self._index.docs):
            total = 100.0 * sum(weight * column[position] for weight, column in zip(WEIGHTS, columns))
            if total > 0:
                total += bonus_for(doc.clause_id, bonus)
            scored.append(Candidate(doc.clause_id, round(min(total, 100.0), 2)))
        scored.sort(key=lambda c: (-c.score, c.clause_id))
        return tuple(scored[:MAX_CANDIDATES])

    def answer(self, text: str, facts: Mapping[str, Any] | None = None) -> Reply:
        """Answer, ask a clarifying question, offer a choice, or say unknown."""
        known = merge_facts(extract_facts(text), facts)
        frozen = MappingProxyType(known)
        candidates = self.rank(text, known)
        if not candidates or candidates[0].score < UNKNOWN_BELOW:
            return Reply(kind="unknown", candidates=candidates, facts=frozen)
        cluster = low_score_variation(candidates)
        if len(cluster) > 1 and not facts:
            top = candidates[0]
            return Reply(
                kind="choose",
                clause_id=top.clause_id,
                choices=tuple(c.clause_id for c in cluster),
                candidates=candidates,
                facts=frozen,
            )
        ruling = rule(self.kb, candidates[0].clause_id, known)
        kind = "clarify" if ruling.clarification else "answer"
        return Reply(
            kind=kind,
            clause_id=ruling.clause_id,
            stance=ruling.stance,
            headline=ruling.headline,
            note=ruling.note,
            also=ruling.also,
            candidates=candidates,
            clarification=ruling.clarification,
            facts=frozen,
        )
