"""`python -m onboarding`: check the question bank against the knowledge base and summarise it."""
from __future__ import annotations

import sys
from collections import Counter

from policy_kb import KnowledgeBaseError, load_knowledge_base

from .bank import KIND_NAMES, load_bank


def main() -> int:
    try:
        kb = load_knowledge_base()
        bank = load_bank(kb)
    except KnowledgeBaseError as exc:
        print(f"Question bank is not valid: {exc}", file=sys.stderr)
        return 1
    print(f"{len(bank.questions)} questions on {kb.title} version {kb.version}; all clause ids exist, "
          "every question has its answer set, every section is covered.")
    for section in bank.sections:
        kinds = Counter(KIND_NAMES[q.kind] for q in bank.in_section(section))
        print(f"  {section}: {sum(kinds.values())} ({', '.join(f'{n} {k.lower()}' for k, n in kinds.items())})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
