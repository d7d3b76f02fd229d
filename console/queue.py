"""The review queue of one policy: questions it did not answer, "none of these" on its choices, and
"not helpful" on its answers, grouped by question; a question someone has already decided on
(and not undone) leaves the queue."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

from policy_kb.review import feedback, unanswered
from store import Database

from .knowledge import question_key
from .library import Decision, aware

REASONS = {"unknown": "not answered", "none_of_these": "“none of these”", "not_helpful": "“not helpful”"}
MAX_ITEMS = 200


@dataclass
class Item:
    key: str
    question: str  # as first asked
    times: int = 0
    reasons: set[str] = field(default_factory=set)
    clauses: set[str] = field(default_factory=set)  # the clauses that answered it (not helpful)
    last: datetime | None = None

    @property
    def answered_by(self) -> str | None:
        """The clause it was answered with, when it was exactly one (for "not covered")."""
        return next(iter(self.clauses)) if len(self.clauses) == 1 else None


async def queue(db: Database, policy: str, decided: list[Decision]) -> list[Item]:
    """Open items, most often asked first."""
    done = {question_key(d.question) for d in decided if d.undone_at is None}
    async with db.reading() as conn:
        asked = await conn.execute(sa.select(unanswered.c.question, unanswered.c.reason, unanswered.c.asked_at)
                                   .where(unanswered.c.policy == policy).order_by(unanswered.c.id.desc()).limit(5000))
        clicked = await conn.execute(sa.select(feedback.c.question, feedback.c.clause_id, feedback.c.given_at)
                                     .where(feedback.c.policy == policy, feedback.c.helpful.is_(False),
                                            feedback.c.question.is_not(None))
                                     .order_by(feedback.c.id.desc()).limit(5000))
        rows = [(r.question, r.reason, None, aware(r.asked_at)) for r in asked]
        rows += [(r.question, "not_helpful", r.clause_id, aware(r.given_at)) for r in clicked]
    items: dict[str, Item] = {}
    for question, reason, clause, when in rows:
        key = question_key(question)
        if not key or key in done:
            continue
        item = items.setdefault(key, Item(key, question))
        item.times += 1
        item.reasons.add(REASONS.get(reason, reason))
        if clause:
            item.clauses.add(clause)
        item.last = max(item.last or when, when)
    return sorted(items.values(), key=lambda i: (-i.times, -(i.last.timestamp() if i.last else 0)))[:MAX_ITEMS]
