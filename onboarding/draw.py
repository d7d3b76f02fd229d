"""Draw an attempt's questions: stratified across sections, options shuffled, reproducible by seed."""
from __future__ import annotations

import random
from dataclasses import dataclass

from .bank import QuestionBank


@dataclass(frozen=True)
class DrawnQuestion:
    question_id: str
    option_order: tuple[str, ...]  # option ids in the order shown (A, B, C...)


def allocate(sizes: dict[str, int], n: int, rng: random.Random) -> dict[str, int]:
    """How many questions each section gets.

    Every section gets one when there is room (n >= number of sections); the rest go in
    proportion to how many more questions each section has (largest remainder, ties at
    random). With fewer places than sections, a random choice of sections gets one each.
    """
    sections = [s for s, size in sizes.items() if size > 0]
    n = min(n, sum(sizes[s] for s in sections))
    if n <= len(sections):
        return {s: 1 for s in rng.sample(sections, n)}
    counts = {s: 1 for s in sections}
    spare = {s: sizes[s] - 1 for s in sections}
    left = n - len(sections)
    pool = sum(spare.values())
    quotas = {s: left * spare[s] / pool for s in sections}
    for s in sections:
        counts[s] += int(quotas[s])
    order = sorted(sections, key=lambda s: (quotas[s] - int(quotas[s]), rng.random()), reverse=True)
    remaining = n - sum(counts.values())
    while remaining > 0:
        for s in order:
            if remaining and counts[s] < sizes[s]:
                counts[s] += 1
                remaining -= 1
    return counts


def draw(bank: QuestionBank, n: int, seed: str, avoid: frozenset[str] = frozenset()) -> tuple[DrawnQuestion, ...]:
    """N distinct questions stratified across sections, in random order, options shuffled.

    `avoid` (the person's last attempt): those questions come only where a section has too few
    others. The same seed (the attempt id) and `avoid` always give the same draw and option order.
    """
    rng = random.Random(seed)
    by_section = {s: list(bank.in_section(s)) for s in bank.sections}
    counts = allocate({s: len(qs) for s, qs in by_section.items()}, n, rng)
    chosen = []
    for section in bank.sections:
        fresh = [q for q in by_section[section] if q.id not in avoid]
        seen = [q for q in by_section[section] if q.id in avoid]
        want = counts.get(section, 0)
        taken = rng.sample(fresh, min(want, len(fresh)))
        chosen.extend(taken + rng.sample(seen, want - len(taken)))
    rng.shuffle(chosen)
    drawn = []
    for question in chosen:
        order = [o.id for o in question.options]
        if question.kind != "true_false":  # True stays before False
            rng.shuffle(order)
        drawn.append(DrawnQuestion(question.id, tuple(order)))
    return tuple(drawn)
