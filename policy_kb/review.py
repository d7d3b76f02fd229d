"""What staff asked that the policy did not answer, and how helpful each answer was.

Unanswered questions are kept as text only, with no user id, for the policy owners to review.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from store import Database, Migration
from store.migrations import add_columns, create_tables, in_order, metadata

MAX_QUESTION_CHARS = 500

unanswered = sa.Table(
    "unanswered_questions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("question", sa.String(MAX_QUESTION_CHARS), nullable=False),
    sa.Column("reason", sa.String(20), nullable=False),  # unknown | none_of_these
    sa.Column("policy_version", sa.String(20), nullable=False),
    sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("policy", sa.String(40), nullable=False, server_default=sa.text("'social_media'")),
)

feedback = sa.Table(
    "answer_feedback",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("clause_id", sa.String(100), nullable=False, index=True),
    sa.Column("helpful", sa.Boolean, nullable=False),
    sa.Column("policy_version", sa.String(20), nullable=False),
    sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("policy", sa.String(40), nullable=False, server_default=sa.text("'social_media'")),
    # The question a "not helpful" answer was given to (for the review queue); never a concern's text.
    sa.Column("question", sa.String(MAX_QUESTION_CHARS)),
)

MIGRATIONS = [Migration("qa_review", 1, "unanswered questions and answer feedback",
                        create_tables(unanswered, feedback)),
              Migration("qa_review", 2, "the policy each question and click is about; the question a click was on",
                        in_order(add_columns(unanswered, "policy"), add_columns(feedback, "policy", "question")))]


@dataclass(frozen=True)
class ClauseFeedback:
    clause_id: str
    helpful: int
    not_helpful: int


@dataclass(frozen=True)
class Unanswered:
    question: str
    reason: str
    asked_at: datetime


class ReviewLog:
    """Writes what staff asked and clicked, under the policy and version live at the time (the
    console's publishing changes `policy_version`)."""

    def __init__(self, db: Database, policy_version: str, clock, policy: str = "social_media"):
        self.db, self.policy_version, self.clock, self.policy = db, policy_version, clock, policy

    async def record_unanswered(self, question: str, reason: str = "unknown") -> None:
        async with self.db.transaction() as conn:
            await conn.execute(unanswered.insert().values(
                question=question[:MAX_QUESTION_CHARS], reason=reason, policy=self.policy,
                policy_version=self.policy_version, asked_at=self.clock()))

    async def record_feedback(self, clause_id: str, helpful: bool, question: str = "") -> None:
        """A 👍 or 👎; the question is kept with a 👎 only (it goes to the review queue)."""
        async with self.db.transaction() as conn:
            await conn.execute(feedback.insert().values(
                clause_id=clause_id, helpful=helpful, policy_version=self.policy_version, given_at=self.clock(),
                policy=self.policy, question=question[:MAX_QUESTION_CHARS] if question and not helpful else None))

    async def recent_unanswered(self, limit: int = 20) -> list[Unanswered]:
        async with self.db.transaction() as conn:
            rows = (await conn.execute(sa.select(unanswered).order_by(unanswered.c.id.desc()).limit(limit))).all()
        return [Unanswered(r.question, r.reason, r.asked_at) for r in rows]

    async def feedback_counts(self) -> list[ClauseFeedback]:
        helpful = sa.func.sum(sa.case((feedback.c.helpful, 1), else_=0))
        unhelpful = sa.func.sum(sa.case((feedback.c.helpful, 0), else_=1))
        query = (sa.select(feedback.c.clause_id, helpful, unhelpful)
                 .group_by(feedback.c.clause_id).order_by(unhelpful.desc(), feedback.c.clause_id))
        async with self.db.transaction() as conn:
            rows = (await conn.execute(query)).all()
        return [ClauseFeedback(r[0], int(r[1]), int(r[2])) for r in rows]
