"""Dump everything the matcher decides for every known question, to check an optimisation changes nothing.

Usage: python bench/dump_matcher.py OUT.json [--against BEFORE.json]

Runs `Matcher.terms`, `rank` and `answer` (and `answer` again with each clarifying option's facts,
the way the Q&A feature does) over every question set in tests/policy_kb, the dev set, the string
literals in the matcher tests, and an upper-case copy of each question. With --against, exits 1 and
prints the first differences when the new dump differs from the old one.
"""
from __future__ import annotations

import argparse
import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_kb import load_knowledge_base  # noqa: E402
from policy_kb.search import Matcher, extract_facts  # noqa: E402
from policy_kb.search import matcher as matcher_module  # noqa: E402
from policy_kb.search.index import bm25_scores, example_scores, fuzzy_scores  # noqa: E402

QUESTION_SETS = sorted((ROOT / "tests/policy_kb").glob("*.jsonl")) + [Path("/work/shared/eval/qa_dev.jsonl")]
TEST_FILES = [ROOT / "tests/policy_kb/test_answers.py", ROOT / "tests/policy_kb/test_lexicon.py", ROOT / "tests/test_qa.py"]


def questions() -> list[str]:
    """Every question we know of, once each, in a stable order."""
    found: list[str] = []
    for path in QUESTION_SETS:
        if path.is_file():
            found += [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in TEST_FILES:
        if path.is_file():
            found += [node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                      if isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value]
    found += [q.upper() for q in found]
    return list(dict.fromkeys(found))


def _reply(reply) -> dict:
    clarification = reply.clarification
    return {
        "kind": reply.kind,
        "clause_id": reply.clause_id,
        "stance": reply.stance,
        "verdict": reply.verdict,
        "headline": reply.headline,
        "note": reply.note,
        "also": list(reply.also),
        "choices": list(reply.choices),
        "candidates": [[c.clause_id, round(c.score, 9)] for c in reply.candidates],
        "facts": dict(reply.facts),
        "clarification": None if clarification is None else repr(clarification),
    }


def dump(matcher: Matcher, question: str, exact: bool = False) -> dict:
    """The matcher's full output for one question."""
    reply = matcher.answer(question)
    terms = matcher.terms(question)
    index = matcher._index
    out = {
        "terms": terms,
        "facts": extract_facts(question),
        "rank": [[c.clause_id, round(c.score, 9)] for c in matcher.rank(question)],
        "answer": _reply(reply),
        # Every clause's score, and the score columns, so a change below the top five shows too. (The columns
        # are rounded unless --exact: the example cosine sums over a set, whose order follows PYTHONHASHSEED.)
        "rank_all": [[c.clause_id, round(c.score, 9)] for c in _rank_all(matcher, question)],
        "columns": [[repr(value) if exact else round(value, 9) for value in column] for column in (
            bm25_scores(index, terms), example_scores(index, terms), fuzzy_scores(index, terms),
            fuzzy_scores(index, terms, range(0, len(index.docs), 3)),
        )],
    }
    if reply.clarification is not None:
        out["followups"] = [_reply(matcher.answer(question, dict(option.facts))) for option in reply.clarification.options]
    return out


def _rank_all(matcher: Matcher, question: str):
    saved = matcher_module.MAX_CANDIDATES
    matcher_module.MAX_CANDIDATES = 10_000
    try:
        return matcher.rank(question)
    finally:
        matcher_module.MAX_CANDIDATES = saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--against", type=Path)
    parser.add_argument("--exact", action="store_true", help="unrounded columns (set PYTHONHASHSEED for both runs)")
    args = parser.parse_args()
    matcher = Matcher(load_knowledge_base())
    results = {question: dump(matcher, question, args.exact) for question in questions()}
    args.out.write_text(json.dumps(results, indent=1, sort_keys=True, default=repr), encoding="utf-8")
    print(f"{len(results)} questions -> {args.out}")
    if args.against is None:
        return 0
    before = json.loads(args.against.read_text(encoding="utf-8"))
    after = json.loads(args.out.read_text(encoding="utf-8"))
    differ = [q for q in before.keys() | after.keys() if before.get(q) != after.get(q)]
    for question in sorted(differ)[:3]:
        print(f"DIFFERS: {question!r}\n  before {before.get(question)}\n  after  {after.get(question)}")
    print(f"{len(differ)} of {len(before)} questions differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
