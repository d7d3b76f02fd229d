"""Quiz records in the shared database: attempts with answers, completions, roster, reminders sent."""
from __future__ import annotations

import json
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Iterable

import sqlalchemy as sa

from store import Database
from store.migrations import Migration, create_tables, in_order, metadata, widen_to_text
from store.upsert import upsert

from .draw import DrawnQuestion
from .reminders import PassRecord
from .reports import AttemptSummary
from .roster import RosterEntry
from .scoring import Marked, Result

ASSESSMENT, PRACTICE = "assessment", "practice"
IN_PROGRESS, FINISHED, ABANDONED = "in_progress", "finished", "abandoned"

# User keys ("channel:user id"), and the names and emails a channel gives, have no length limit
# (sa.Text); what the roster, the bank and the bot itself write keep theirs.
attempts = sa.Table(
    "quiz_attempts", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("user_key", sa.Text, nullable=False, index=True),
    sa.Column("email", sa.Text, index=True),
    sa.Column("name", sa.Text),
    sa.Column("school", sa.String(200)),
    sa.Column("mode", sa.String(20), nullable=False),
    sa.Column("policy_version", sa.String(40), nullable=False),
    sa.Column("drawn", sa.Text, nullable=False),  # JSON [[question id, [option ids as shown]], ...]
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("score", sa.Integer),
    sa.Column("total", sa.Integer, nullable=False),
    sa.Column("pass_mark", sa.Integer, nullable=False),
    sa.Column("passed", sa.Boolean),
)

answers = sa.Table(
    "quiz_answers", metadata,
    sa.Column("attempt_id", sa.String(32), sa.ForeignKey("quiz_attempts.id"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("question_id", sa.String(120), nullable=False, index=True),
    sa.Column("chosen", sa.String(200), nullable=False),  # option ids, comma-separated
    sa.Column("correct", sa.Boolean, nullable=False),
    sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
)

completions = sa.Table(
    "quiz_completions", metadata,
    sa.Column("attempt_id", sa.String(32), sa.ForeignKey("quiz_attempts.id"), primary_key=True),
    sa.Column("user_key", sa.Text, nullable=False),
    sa.Column("email", sa.Text, index=True),
    sa.Column("name", sa.Text),
    sa.Column("school", sa.String(200)),
    sa.Column("policy_version", sa.String(40), nullable=False),
    sa.Column("score", sa.Integer, nullable=False),
    sa.Column("total", sa.Integer, nullable=False),
    sa.Column("completed_at", sa.DateTime(timezone=True), nullable=False),
)

roster = sa.Table(
    "quiz_roster", metadata,
    sa.Column("email", sa.String(320), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("school", sa.String(200), nullable=False),
    sa.Column("start_date", sa.Date, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

reminders_sent = sa.Table(
    "quiz_reminders", metadata,
    sa.Column("key", sa.Text, primary_key=True),  # holds a user key when there is no email
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
)

MIGRATIONS = [Migration("quiz", 1, "quiz attempts, answers, completions, roster, reminders",
                        create_tables(attempts, answers, completions, roster, reminders_sent)),
              Migration("quiz", 2, "user keys, names and emails of any length",
                        in_order(widen_to_text(attempts, "user_key", "email", "name"),
                                 widen_to_text(completions, "user_key", "email", "name"),
                                 widen_to_text(reminders_sent, "key")))]


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every time stored here is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class QuizRecords:
    def __init__(self, db: Database):
        self.db = db

    async def start_attempt(self, attempt_id: str, user_key: str, email: str, name: str, school: str | None,
                            mode: str, policy_version: str, drawn: Iterable[DrawnQuestion], pass_mark: int,
                            now: datetime) -> None:
        drawn = list(drawn)
        async with self.db.transaction() as conn:
            await conn.execute(attempts.insert().values(
                id=attempt_id, user_key=user_key, email=email or None, name=name, school=school, mode=mode,
                policy_version=policy_version, drawn=json.dumps([[d.question_id, list(d.option_order)] for d in drawn]),
                status=IN_PROGRESS, started_at=now, total=len(drawn), pass_mark=pass_mark))

    async def record_answer(self, attempt_id: str, position: int, marked: Marked, now: datetime) -> None:
        values = {"question_id": marked.question_id, "chosen": ",".join(sorted(marked.chosen)),
                  "correct": marked.correct, "answered_at": now}
        async with self.db.transaction() as conn:
            await conn.execute(upsert(self.db.dialect, answers, {"attempt_id": attempt_id, "position": position, **values},
                                      ["attempt_id", "position"], values))

    async def finish_attempt(self, attempt_id: str, result: Result, now: datetime) -> bool:
        """Store the score; a passed assessment also becomes a completion. False if already finished."""
        async with self.db.transaction() as conn:
            row = (await conn.execute(sa.select(attempts).where(attempts.c.id == attempt_id))).first()
            if row is None or row.status != IN_PROGRESS:
                return False
            await conn.execute(attempts.update().where(attempts.c.id == attempt_id).values(
                status=FINISHED, finished_at=now, score=result.score, passed=result.passed))
            if result.passed and row.mode == ASSESSMENT:
                await conn.execute(completions.insert().values(
                    attempt_id=attempt_id, user_key=row.user_key, email=row.email, name=row.name, school=row.school,
                    policy_version=row.policy_version, score=result.score, total=result.total, completed_at=now))
        return True

    async def abandon_attempt(self, attempt_id: str) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(attempts.update().where(attempts.c.id == attempt_id,
                                                       attempts.c.status == IN_PROGRESS).values(status=ABANDONED))

    async def attempt(self, attempt_id: str):
        async with self.db.transaction() as conn:
            row = (await conn.execute(sa.select(attempts).where(attempts.c.id == attempt_id))).first()
            rows = (await conn.execute(sa.select(answers).where(answers.c.attempt_id == attempt_id)
                                       .order_by(answers.c.position))).all()
        return row, rows

    async def history(self, user_key: str, email: str, limit: int = 20) -> list:
        """A person's attempts, newest first (by channel identity, or by email across channels)."""
        who = attempts.c.user_key == user_key
        if email:
            who = sa.or_(who, attempts.c.email == email.lower())
        async with self.db.transaction() as conn:
            rows = (await conn.execute(sa.select(attempts).where(who).order_by(attempts.c.started_at.desc())
                                       .limit(limit))).all()
        return [SimpleNamespace(**{**row._asdict(), "started_at": _aware(row.started_at)}) for row in rows]

    async def last_drawn(self, user_key: str, email: str) -> frozenset[str]:
        """The question ids of the person's latest attempt (any mode or status), to avoid in the next."""
        latest = await self.history(user_key, email, limit=1)
        return frozenset(qid for qid, _ in json.loads(latest[0].drawn)) if latest else frozenset()

    async def latest_completion(self, user_key: str, email: str):
        who = completions.c.user_key == user_key
        if email:
            who = sa.or_(who, completions.c.email == email.lower())
        async with self.db.transaction() as conn:
            row = (await conn.execute(sa.select(completions).where(who)
                                      .order_by(completions.c.completed_at.desc()).limit(1))).first()
        return SimpleNamespace(**{**row._asdict(), "completed_at": _aware(row.completed_at)}) if row else None

    # ---- roster ------------------------------------------------------------
    async def import_roster(self, entries: Iterable[RosterEntry], now: datetime) -> tuple[int, int]:
        """Insert or update each entry by email; return (added, updated)."""
        entries = list(entries)
        added = updated = 0
        async with self.db.transaction() as conn:
            known = set((await conn.execute(sa.select(roster.c.email).where(
                roster.c.email.in_([e.email for e in entries])))).scalars()) if entries else set()
            for e in entries:
                values = {"name": e.name, "school": e.school, "start_date": e.start_date, "updated_at": now}
                await conn.execute(upsert(self.db.dialect, roster, {"email": e.email, **values}, ["email"], values))
                if e.email in known:
                    updated += 1
                else:
                    added += 1
        return added, updated

    async def roster(self) -> list[RosterEntry]:
        async with self.db.transaction() as conn:
            rows = (await conn.execute(sa.select(roster).order_by(roster.c.school, roster.c.name))).all()
        return [RosterEntry(r.email, r.name, r.school, r.start_date) for r in rows]

    async def roster_entry(self, email: str) -> RosterEntry | None:
        if not email:
            return None
        async with self.db.transaction() as conn:
            r = (await conn.execute(sa.select(roster).where(roster.c.email == email.lower()))).first()
        return RosterEntry(r.email, r.name, r.school, r.start_date) if r else None

    async def school_of(self, email: str) -> str | None:
        if not email:
            return None
        async with self.db.transaction() as conn:
            return await conn.scalar(sa.select(roster.c.school).where(roster.c.email == email.lower()))

    # ---- reports -----------------------------------------------------------
    async def finished_assessments(self) -> list[AttemptSummary]:
        async with self.db.transaction() as conn:
            rows = (await conn.execute(sa.select(attempts).where(
                attempts.c.mode == ASSESSMENT, attempts.c.status == FINISHED).order_by(attempts.c.finished_at))).all()
        return [AttemptSummary(r.id, r.user_key, r.email or "", r.name or "", r.school, r.policy_version,
                               _aware(r.finished_at), r.score, r.total, bool(r.passed)) for r in rows]

    async def answer_marks(self, schools: frozenset[str] | None) -> list[tuple[str, bool]]:
        """(question id, correct) for every answer in finished assessments, for the given schools."""
        query = (sa.select(answers.c.question_id, answers.c.correct)
                 .join(attempts, attempts.c.id == answers.c.attempt_id)
                 .outerjoin(roster, roster.c.email == attempts.c.email)
                 .where(attempts.c.mode == ASSESSMENT, attempts.c.status == FINISHED))
        if schools is not None:
            # The roster's school now; the school at the time for people no longer on it.
            school = sa.func.lower(sa.func.coalesce(roster.c.school, attempts.c.school))
            query = query.where(school.in_([s.lower() for s in schools]))
        async with self.db.transaction() as conn:
            return [(r.question_id, bool(r.correct)) for r in (await conn.execute(query)).all()]

    async def passes(self) -> list[PassRecord]:
        async with self.db.transaction() as conn:
            rows = (await conn.execute(sa.select(completions))).all()
        return [PassRecord(r.attempt_id, r.user_key, r.email or "", r.name or "", r.policy_version,
                           _aware(r.completed_at)) for r in rows]

    # ---- reminders ---------------------------------------------------------
    async def sent_reminders(self) -> set[str]:
        async with self.db.transaction() as conn:
            return set((await conn.execute(sa.select(reminders_sent.c.key))).scalars())

    async def claim_reminder(self, key: str, kind: str, now: datetime) -> bool:
        """Record a reminder as sent before sending it; False if another run already has it.

        Claiming first means two instances (or a worker and the command) never both send it;
        a delivery that fails gives the claim back with `release_reminder`.
        """
        try:
            async with self.db.transaction() as conn:
                await conn.execute(reminders_sent.insert().values(key=key, kind=kind, sent_at=now))
        except sa.exc.IntegrityError:
            return False
        return True

    async def release_reminder(self, key: str) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(reminders_sent.delete().where(reminders_sent.c.key == key))
