"""The safeguarding reader on stories: 400 concerns told in the middle of an ordinary day's story and 400
ordinary stories that share their words (a child in tears over a mock, a finger dislocated at netball, a rude
parent), in eval/stories/. Nothing learns from them (the second reader's training is safeguarding/training/).

usage: python bench/eval_stories.py [--show]
Prints the concerns missed and the ordinary stories read as a concern (with --show, each of them)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_kb.tuning import jsonl_rows  # noqa: E402
from safeguarding.disclosure import read  # noqa: E402

STORIES = ROOT / "eval" / "stories"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print each miss and each false alarm")
    show = parser.parse_args().show
    concerns, ordinary = jsonl_rows(STORIES / "disclosures.jsonl"), jsonl_rows(STORIES / "ordinary.jsonl")
    missed = [row for row in concerns if read(row["message"]) is None]
    alarms = [(row, found) for row in ordinary if (found := read(row["message"])) is not None]
    if show:
        for row in missed:
            print(f"  missed       {row['id']} ({row['category']}) | {row['message'][:120]}")
        for row, found in alarms:
            print(f"  false alarm  {row['id']} {found.categories} | {row['message'][:120]}")
    routed = 100 * (1 - len(missed) / len(concerns))
    print(f"stories/disclosures.jsonl ({len(concerns)}): routed {routed:.1f}% [missed {len(missed)}]")
    print(f"stories/ordinary.jsonl ({len(ordinary)}): false alarms {100 * len(alarms) / len(ordinary):.1f}% [{len(alarms)}]")


if __name__ == "__main__":
    main()
