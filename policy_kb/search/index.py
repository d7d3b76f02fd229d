"""A small BM25F-style index over clauses, plus per-example similarity."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Mapping, Sequence

from rapidfuzz import fuzz
from rapidfuzz import process

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
    return Index(tuple(docs), idf, sum(d.length for d in docs) / n, owner, strings)


def unseen_idf(index: Index) -> float:
    """IDF given to a query term that no clause contains."""
    n = len(index.docs)
    return math.log(1 + (n + 0.5) / 0.5)


def bm25_scores(index: Index, terms: Sequence[str]) -> list[float]:
    """BM25F score of each clause for the query terms, divided by the query's best possible score."""
    query = Counter(terms)
    bound = sum(index.idf.get(t, unseen_idf(index)) * (K1 + 1) for t in query) or 1.0
    scores = []
    for doc in index.docs:
        total = 0.0
        norm = K1 * (1 - B + B * doc.length / index.avg_length)
        for term in query:
            tf = doc.tf.get(term)
            if tf:
                total += index.idf[term] * tf * (K1 + 1) / (tf + norm)
        scores.append(total / bound)
    return scores


def example_scores(index: Index, terms: Sequence[str]) -> list[float]:
    """Best IDF-weighted cosine between the query and each clause's example questions."""
    query = set(terms)
    if not query:
        return [0.0] * len(index.docs)
    weight = lambda t: index.idf.get(t, unseen_idf(index))  # noqa: E731
    q_norm = math.sqrt(sum(weight(t) ** 2 for t in query))
    scores = []
    for doc in index.docs:
        best = 0.0
        for example in doc.examples:
            shared = query & example
            if not shared:
                continue
            e_norm = math.sqrt(sum(weight(t) ** 2 for t in example)) or 1.0
            best = max(best, sum(weight(t) ** 2 for t in shared) / (q_norm * e_norm))
        scores.append(best)
    return scores


def fuzzy_scores(index: Index, terms: Sequence[str]) -> list[float]:
    """Best rapidfuzz token-sort ratio (0..1) between the query and each clause's examples."""
    if not terms:
        return [0.0] * len(index.docs)
    query = " ".join(sorted(set(terms)))
    matches = process.extract(query, index.example_strings, scorer=fuzz.token_sort_ratio, limit=None)
    best = [0.0] * len(index.docs)
    for _choice, score, position in matches:
        owner = index.example_owner[position]
        best[owner] = max(best[owner], float(score) / 100.0)
    return best
