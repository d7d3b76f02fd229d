"""A small BM25F-style index over clauses, plus per-example similarity."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from rapidfuzz import fuzz, process

from ..model import Clause

FIELD_WEIGHTS: Mapping[str, float] = {
    "keywords": 2.0,
    "examples": 1.0,
    "headline": 1.0,
    "text": 1.0,
    "answer": 0.6,
}
K1 = 1.2
B = 0.5


@dataclass(frozen=True)
class ClauseDoc:
    clause_id: str
    tf: Mapping[str, float]
    length: float
    examples: tuple[frozenset[str], ...]
    example_strings: tuple[str, ...]


@dataclass(frozen=True)
class Index:
    docs: tuple[ClauseDoc, ...]
    idf: Mapping[str, float]
    avg_length: float
    example_owner: tuple[int, ...]
    example_strings: tuple[str, ...]
    example_norms: tuple[float, ...] = ()
    postings: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    unseen: float = 0.0
    # term -> (clause position, that term's BM25F contribution to the clause): computed once, not per question.
    bm25_postings: Mapping[str, tuple[tuple[int, float], ...]] = field(default_factory=dict)
    idf_squared: Mapping[str, float] = field(default_factory=dict)


def build_index(clauses: Sequence[Clause], tokenize) -> Index:
    """Index each clause's fields with the given tokenizer (text -> list of terms)."""
    docs = []
    for clause in clauses:
        fields = {
            "keywords": [t for k in clause.keywords for t in tokenize(k)],
            "examples": [t for e in clause.examples for t in tokenize(e)],
            "headline": tokenize(clause.headline),
            "text": tokenize(clause.text),
            "answer": tokenize(clause.answer),
        }
        tf: Counter[str] = Counter()
        for name, terms in fields.items():
            for term in terms:
                tf[term] += FIELD_WEIGHTS[name]
        examples = tuple(frozenset(tokenize(e)) for e in clause.examples)
        strings = tuple(" ".join(sorted(e)) for e in examples)
        docs.append(ClauseDoc(clause.id, dict(tf), sum(tf.values()), examples, strings))
    n = len(docs)
    df: Counter[str] = Counter(term for doc in docs for term in doc.tf)
    idf = {term: math.log(1 + (n - d + 0.5) / (d + 0.5)) for term, d in df.items()}
    owner = tuple(i for i, doc in enumerate(docs) for _ in doc.examples)
    strings = tuple(s for doc in docs for s in doc.example_strings)
    examples = [example for doc in docs for example in doc.examples]
    norms = tuple(math.sqrt(sum(idf[t] ** 2 for t in example)) or 1.0 for example in examples)
    postings: dict[str, list[int]] = {}
    for position, example in enumerate(examples):
        for term in example:
            postings.setdefault(term, []).append(position)
    unseen = math.log(1 + (n + 0.5) / 0.5)
    avg_length = sum(d.length for d in docs) / n
    contributions: dict[str, list[tuple[int, float]]] = {}
    for position, doc in enumerate(docs):
        norm = K1 * (1 - B + B * doc.length / avg_length)
        for term, tf in doc.tf.items():
            if tf:
                contributions.setdefault(term, []).append((position, idf[term] * tf * (K1 + 1) / (tf + norm)))
    return Index(
        tuple(docs), idf, avg_length, owner, strings, norms,
        {t: tuple(p) for t, p in postings.items()}, unseen,
        {t: tuple(p) for t, p in contributions.items()}, {t: value ** 2 for t, value in idf.items()},
    )


def unseen_idf(index: Index) -> float:
    """IDF given to a query term that no clause contains."""
    return index.unseen


def bm25_scores(index: Index, terms: Sequence[str]) -> list[float]:
    """BM25F score of each clause for the query terms, divided by the query's best possible score."""
    query = dict.fromkeys(terms)  # each term once, in order (BM25 here ignores how often the question repeats it)
    bound = sum(index.idf.get(t, unseen_idf(index)) * (K1 + 1) for t in query) or 1.0
    totals = [0.0] * len(index.docs)
    for term in query:  # each clause adds its terms in query order, as a per-clause loop would
        for position, contribution in index.bm25_postings.get(term, ()):
            totals[position] += contribution
    return [total / bound for total in totals]


def example_scores(index: Index, terms: Sequence[str]) -> list[float]:
    """Best IDF-weighted cosine between the query and each clause's example questions."""
    query = set(terms)
    best = [0.0] * len(index.docs)
    if not query:
        return best
    shared: defaultdict[int, float] = defaultdict(float)
    q_norm = 0.0
    unseen = index.unseen ** 2
    for term in query:
        weight = index.idf_squared.get(term, unseen)
        q_norm += weight
        for position in index.postings.get(term, ()):
            shared[position] += weight
    q_norm = math.sqrt(q_norm)
    owners, norms = index.example_owner, index.example_norms
    for position, overlap in shared.items():
        score = overlap / (q_norm * norms[position])
        if score > best[owners[position]]:
            best[owners[position]] = score
    return best


def fuzzy_scores(index: Index, terms: Sequence[str], only: Sequence[int] | None = None) -> list[float]:
    """Best rapidfuzz token-sort ratio (0..1) between the query and each clause's examples.

    `only` limits the work to some clause positions (the others score 0).
    """
    best = [0.0] * len(index.docs)
    if not terms:
        return best
    # Both sides are already sorted, space-joined tokens without inner spaces, so the plain ratio is
    # the token-sort ratio without re-splitting and re-sorting every example on every question.
    query = " ".join(sorted(set(terms)))
    for owner in range(len(index.docs)) if only is None else only:
        found = process.extractOne(query, index.docs[owner].example_strings, scorer=fuzz.ratio)
        if found is not None and found[1] > 0:
            best[owner] = found[1] / 100.0
    return best
