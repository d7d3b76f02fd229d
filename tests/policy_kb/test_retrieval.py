"""Top-1 accuracy by clause id must not fall below what has been measured."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
# Floors just under what was measured after the relevance gate (c0893bd): every set
# at least 93%, all sets together at least 96% (1198/1240). Misses are mostly a
# neighbouring clause (no_friend_students vs no_contact_parents_children). The second
# opinion on the clause learns from eval/, so each new round of rows retrains it and
# can move one question of a 40-row file (2.5%) either way: the file floor is 90%,
# and the overall floor, over about 1,250 questions, stays the guard.
FILE_FLOOR = 0.90
OVERALL_FLOOR = 0.96
NAMES = sorted(path.name for path in HERE.glob("questions*.jsonl"))


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_own_question_set_is_large_and_valid(kb):
    rows = _rows("questions.jsonl")
    assert len(rows) >= 120
    for row in rows:
        clause = kb.by_id[row["clause"]]
        assert row["stance"] == clause.stance, row["id"]


def _misses(matcher, rows: list[dict]) -> list[str]:
    misses = []
    for row in rows:
        if row["clause"] is None:  # out of scope: the reply must be "I don't know"
            top = None if matcher.answer(row["question"]).kind == "unknown" else "an answer"
        else:
            ranked = matcher.rank(row["question"])
            top = ranked[0].clause_id if ranked else None
        if top != row["clause"]:
            misses.append(f"{row['id']}: want {row['clause']} got {top} | {row['question']}")
    return misses


@pytest.mark.parametrize("name", NAMES)
def test_top1_accuracy_floor(matcher, name):
    rows = _rows(name)
    misses = _misses(matcher, rows)
    accuracy = 1 - len(misses) / len(rows)
    assert accuracy >= FILE_FLOOR, "\n".join(misses)


def test_top1_accuracy_over_all_sets(matcher):
    rows = [row for name in NAMES for row in _rows(name)]
    misses = _misses(matcher, rows)
    assert len(NAMES) >= 23
    assert 1 - len(misses) / len(rows) >= OVERALL_FLOOR, "\n".join(misses)


def test_ranking_is_deterministic(matcher):
    question = "a parent added me on insta"
    assert matcher.rank(question) == matcher.rank(question)
