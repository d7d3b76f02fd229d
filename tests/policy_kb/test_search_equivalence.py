"""The fast paths in the search give exactly what their plain definitions give, on every known question.

Each reference below is the straightforward version the fast one replaced. Scores are compared
with ==, not approximately: a changed last bit can reorder near-tied clauses.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from policy_kb.relevance import normalise
from policy_kb.search.cue_reading import cue_text
from policy_kb.search.index import K1, B, bm25_scores, example_scores, fuzzy_scores
from policy_kb.search.lexicon import clean, longest_first, stem
from policy_kb.search.priors import bonus_for, bonus_table
from policy_kb.search.stance import _LEADING_CLAUSE, question_part

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def questions() -> list[str]:
    found = []
    for path in sorted(HERE.glob("questions*.jsonl")):
        found += [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return found


@pytest.fixture(scope="module")
def query_terms(matcher, questions) -> list[list[str]]:
    return [matcher.terms(question) for question in questions]


def _bm25_reference(index, terms):
    query = dict.fromkeys(terms)
    bound = sum(index.idf.get(t, index.unseen) * (K1 + 1) for t in query) or 1.0
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


def _examples_reference(index, terms):
    query = set(terms)
    best = [0.0] * len(index.docs)
    if not query:
        return best
    shared: dict[int, float] = {}
    q_norm = 0.0
    for term in query:
        weight = index.idf.get(term, index.unseen) ** 2
        q_norm += weight
        for position in index.postings.get(term, ()):
            shared[position] = shared.get(position, 0.0) + weight
    q_norm = math.sqrt(q_norm)
    for position, overlap in shared.items():
        owner = index.example_owner[position]
        best[owner] = max(best[owner], overlap / (q_norm * index.example_norms[position]))
    return best


def _fuzzy_reference(index, terms):
    best = [0.0] * len(index.docs)
    if not terms:
        return best
    query = " ".join(sorted(set(terms)))
    for owner, doc in enumerate(index.docs):
        for choice in doc.example_strings:
            best[owner] = max(best[owner], fuzz.token_sort_ratio(query, choice) / 100.0)
    return best


def test_bm25_scores_match_the_per_clause_definition(matcher, query_terms):
    index = matcher._index
    for terms in query_terms:
        assert bm25_scores(index, terms) == _bm25_reference(index, terms), terms


def test_example_scores_match_the_plain_cosine(matcher, query_terms):
    index = matcher._index
    for terms in query_terms:
        assert example_scores(index, terms) == _examples_reference(index, terms), terms


def test_fuzzy_scores_match_token_sort_ratio(matcher, query_terms):
    index = matcher._index
    for terms in query_terms:
        assert fuzzy_scores(index, terms) == _fuzzy_reference(index, terms), terms
    assert fuzzy_scores(index, ["friend", "student"], [3])[3] > 0
    assert fuzzy_scores(index, ["friend", "student"], [3])[4] == 0.0  # outside the pool


def test_phrase_trie_matches_like_the_longest_first_alternation(matcher, kb, questions):
    pattern, table = matcher._lexicon.phrases
    alternation = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    plain = re.compile(rf"(?<![\w‐-])(?:{alternation})(?![\w‐-])")
    texts = [clean(q).replace("-", " ") for q in questions]
    texts += [t for clause in kb.clauses for t in (clause.text, clause.answer, *clause.examples)]
    texts += [f"{a} {b}" for a in table for b in list(table)[:25]] + [f"x{a} {a}s {a[:-1]}" for a in table]
    replace = lambda match: f" {table[match.group(0)]} "
    for text in texts:
        assert pattern.sub(replace, text) == plain.sub(replace, text), text


def test_longest_first_prefers_the_longer_phrase_that_ends_at_a_word_boundary():
    pattern = re.compile(rf"\b(?:{longest_first(['ex pupil', 'ex pupils', 'ex', 'exam'])})\b")
    assert [m.group(0) for m in pattern.finditer("ex pupils exams ex pupil ex")] == ["ex pupils", "ex pupil", "ex"]
    assert longest_first(["abc", "ab", "abd", "x y"]) == r"(?:ab(?:c|d)?|x\ y)"


def test_bonus_table_is_bonus_for_each_clause(matcher):
    ids = matcher._clause_ids
    bonus = {"personal.": 10.0, "personal.no_friend_students": 15.0, "sanctioned.": -5.0, "personal.report": 7.5}
    assert bonus_table(ids, tuple(bonus.items())) == tuple(bonus_for(i, bonus) for i in ids)
    assert bonus_table(ids, ()) == (0.0,) * len(ids)


def test_cached_text_helpers_give_what_they_compute(questions):
    assert clean("Can’t I — really?") == "can not i - really?"
    for question in questions:
        assert clean(question) == clean.__wrapped__(question)
        assert cue_text(question) == cue_text.__wrapped__(question)
        for token in question.lower().split():
            assert stem(token) == stem.__wrapped__(token)


def test_last_question_is_the_last_match_of_the_old_regex(questions):
    last_question = re.compile(r"[^.?!]*\?")
    texts = questions + ["", "?", "??", "a?b", "no question", "one. two? three! four?", "x?\ny. z", "why?! ok.", "a.?",
                          "When I post, can I tag them? " * 30 + "thanks" * 100]
    for text in texts:
        found = last_question.findall(text)
        expected = _LEADING_CLAUSE.sub("", normalise((found[-1] if found else text).strip()))
        assert question_part(text) == expected, text
