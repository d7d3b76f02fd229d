"""Print what the scenario recogniser takes from Q&A question sets, and the size of each scenario.

Usage: python bench/scenarios.py [FILE.jsonl ...]   (default: the question sets in tests/policy_kb/)
A plain question taken as a situation is costly (the Q&A would have answered it), so every line
it takes is printed for a person to judge; the scenario's first card quotes its key clauses.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_kb import load_knowledge_base  # noqa: E402
from policy_kb.scenarios import load_scenarios, paths, recognise  # noqa: E402


def main(files: list[str]) -> int:
    kb = load_knowledge_base()
    started = time.perf_counter()
    book = load_scenarios(kb)
    print(f"loaded and validated {len(book.scenarios)} scenarios in {time.perf_counter() - started:.2f}s")
    for scenario in book.scenarios:
        print(f"  {scenario.order}. {scenario.id}: {len(scenario.questions())} questions, "
              f"{len(scenario.outcomes())} outcomes, {sum(1 for _ in paths(scenario))} paths")
    targets = [Path(f) for f in files] or sorted((ROOT / "tests" / "policy_kb").glob("questions*.jsonl"))
    for path in targets:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        started = time.perf_counter()
        found = [(row["question"], recognise(book, row["question"])) for row in rows]
        elapsed = (time.perf_counter() - started) / max(len(rows), 1) * 1000
        taken = [(q, r) for q, r in found if r is not None]
        print(f"\n{path.name}: {len(taken)} of {len(rows)} taken as situations ({elapsed:.2f} ms per message)")
        for question, result in taken:
            name = result.scenario.id if result.scenario else "(list)"
            print(f"  {result.score:.1f} {name:30} {question}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
