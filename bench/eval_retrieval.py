"""Print top-1 accuracy by clause id on JSONL question sets, and the misses.

Usage: python bench/eval_retrieval.py [FILE.jsonl ...]   (default: tests/policy_kb/questions.jsonl)
Each line needs "question" and "clause"; "stance" is compared when it uses the KB's vocabulary.
A row with "clause": null is out of scope: it is a hit only when the reply is `unknown`.
"confident_wrong" counts answers (not choose/unknown) that name the wrong clause or the wrong verdict.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_kb import STANCES, load_knowledge_base  # noqa: E402
from policy_kb.search import VERDICTS, Matcher  # noqa: E402


def _stance_ok(matcher: Matcher, row: dict, reply) -> bool | None:
    """Compare the expected stance (KB vocabulary) or verdict (yes/no/...), if the row has one."""
    want = row.get("stance")
    if row["clause"] is None:
        return reply.kind == "unknown"
    if want in STANCES:
        clause = matcher.kb.by_id[row["clause"]]
        return (reply.stance or clause.stance) == want if reply.clause_id == row["clause"] else False
    if want in VERDICTS:
        return reply.verdict == want
    if want == "conditional" or want == "info":
        return reply.verdict == want
    return None


def evaluate(matcher: Matcher, path: Path) -> tuple[int, int, Counter, list[str]]:
    """Return (hits, total, reply kinds, miss lines) for one JSONL file."""
    hits = total = 0
    kinds: Counter = Counter()
    misses = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        total += 1
        reply = matcher.answer(row["question"])
        kinds[reply.kind] += 1
        stance_ok = _stance_ok(matcher, row, reply)
        if stance_ok is not None:
            kinds["stance_ok" if stance_ok else "stance_wrong"] += 1
        top = reply.candidates[0].clause_id if reply.candidates else None
        if row["clause"] is None:
            top = None if reply.kind == "unknown" else top
        if reply.kind in ("answer", "clarify") and (reply.clause_id != row["clause"] or stance_ok is False):
            kinds["confident_wrong"] += 1
        if top == row["clause"]:
            hits += 1
        else:
            ranked = ", ".join(f"{c.clause_id}:{c.score:.0f}" for c in reply.candidates[:3])
            misses.append(f"  {row.get('id', total)} want {row['clause']} | {ranked}\n      {row['question']}")
    return hits, total, kinds, misses


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or [ROOT / "tests/policy_kb/questions.jsonl"]
    matcher = Matcher(load_knowledge_base())
    for path in paths:
        hits, total, kinds, misses = evaluate(matcher, path)
        print(f"{path}: top-1 {hits}/{total} = {100.0 * hits / max(total, 1):.1f}%  kinds={dict(kinds)}")
        for miss in misses:
            print(miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
