"""Top-1 accuracy by clause id must not fall below what has been measured."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
# Floors set just under the measured accuracy (see bench/eval_retrieval.py).
FLOORS = {
    "questions.jsonl": 0.98,
    "questions_holdout.jsonl": 0.96,
    "questions_holdout2.jsonl": 0.98,
    "questions_holdout3.jsonl": 0.91,
    "questions_holdout4.jsonl": 0.94,
    "questions_holdout5.jsonl": 0.92,
    "questions_holdout6.jsonl": 0.96,
    "questions_holdout7.jsonl": 0.98,
    "questions_holdout8.jsonl": 0.96,
    "questions_holdout9.jsonl": 0.98,
    "questions_holdout10.jsonl": 0.97,
    "questions_holdout11.jsonl": 0.94,
    "questions_holdout12.jsonl": 0.97,
    "questions_holdout13.jsonl": 0.94,
    "questions_holdout14.jsonl": 0.97,
    "questions_holdout15.jsonl": 0.94,
    "questions_holdout16.jsonl": 0.94,
    "questions_holdout17.jsonl": 0.97,
    "questions_holdout18.jsonl": 0.98,
    "questions_holdout19.jsonl": 0.93,
    "questions_holdout20.jsonl": 0.96,
    "questions_holdout21.jsonl": 0.96,
    "questions_holdout22.jsonl": 0.96,
}


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_own_question_set_is_large_and_valid(kb):
    rows = _rows("questions.jsonl")
    assert len(rows) >= 120
    for row in rows:
        clause = kb.by_id[row["clause"]]
        assert row["stance"] == clause.stance, row["id"]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_top1_accuracy_floor(matcher, name):
    rows = _rows(name)
    misses = []
    for row in rows:
        if row["clause"] is None:  # out of scope: the reply must be "I don't know"
            top = None if matcher.answer(row["question"]).kind == "unknown" else "an answer"
        else:
            ranked = matcher.rank(row["question"])
            top = ranked[0].clause_id if ranked else None
        if top != row["clause"]:
            misses.append(f"{row['id']}: want {row['clause']} got {top} | {row['question']}")
    accuracy = 1 - len(misses) / len(rows)
    print(f"\n{name}: top-1 {accuracy:.1%} ({len(rows) - len(misses)}/{len(rows)})")
    for miss in misses:
        print("  MISS", miss)
    assert accuracy >= FLOORS[name], "\n".join(misses)


def test_ranking_is_deterministic(matcher):
    question = "a parent added me on insta"
    assert matcher.rank(question) == matcher.rank(question)
