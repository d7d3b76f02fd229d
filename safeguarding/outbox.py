"""The persistent outbox: claim due deliveries, mark them sent or retry with backoff.

All claim logic lives in `claim`: a worker leases due rows for `lease` seconds, so a crashed
worker's rows come back after the lease, and two workers never hold the same row at once.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from store import Database

from .tables import outbox, report_people, reports


@dataclass(frozen=True)
class Delivery:
    id: int
    report_id: int
    reference: str
    school_id: str | None
    category: str
    recipient: str
    recipient_name: str
    role: str
    channel: str
    tier: int
    kind: str
    attempts: int
    acknowledged_name: str | None
    acknowledged_at: datetime | None
    informed: bool = False  # told for information only (the DSL, for a concern about staff)


def backoff(attempts: int, base: float, cap: float) -> timedelta:
    """Exponential backoff: base, 2*base, 4*base... capped."""
    return timedelta(seconds=min(cap, base * (2 ** max(0, attempts - 1))))


class Outbox:
    def __init__(self, db: Database, clock, worker_id: str, lease_seconds: float = 30.0,
                 retry_base: float = 2.0, retry_cap: float = 300.0):
        self.db, self.clock, self.worker_id = db, clock, worker_id
        self.lease = timedelta(seconds=lease_seconds)
        self.retry_base, self.retry_cap = retry_base, retry_cap

    async def claim(self, limit: int = 20, channels: tuple[str, ...] = ()) -> list[Delivery]:
        """Lease up to `limit` due, unclaimed (or lease-expired) deliveries (on `channels`, when given)
        to this worker.

        One statement picks and leases the rows, so a worker in every instance is safe: on
        PostgreSQL the pick is `SELECT ... FOR UPDATE SKIP LOCKED`, so concurrent workers take
        different rows without waiting for each other; SQLite runs the statement under its single
        write lock (FOR UPDATE is left out there). A row is never leased to two workers at once.
        """
        now = self.clock()
        due = sa.and_(outbox.c.status == "pending", outbox.c.next_attempt_at <= now,
                      sa.or_(outbox.c.claimed_until.is_(None), outbox.c.claimed_until < now))
        if channels:
            due = sa.and_(due, outbox.c.channel.in_(channels))
        pick = (sa.select(outbox.c.id).where(due).order_by(outbox.c.id).limit(limit)
                .with_for_update(skip_locked=True))
        async with self.db.transaction() as conn:
            ids = (await conn.execute(outbox.update().where(outbox.c.id.in_(pick)).values(
                claimed_by=self.worker_id, claimed_until=now + self.lease).returning(outbox.c.id))).scalars().all()
            if not ids:
                return []
            rp = report_people
            rows = (await conn.execute(
                sa.select(outbox, reports.c.reference, reports.c.school_id, reports.c.category,
                          reports.c.acknowledged_name, reports.c.acknowledged_at, rp.c.informed)
                .join(reports, reports.c.id == outbox.c.report_id)
                .outerjoin(rp, sa.and_(rp.c.report_id == outbox.c.report_id, rp.c.email == outbox.c.recipient,
                                       rp.c.tier == outbox.c.tier))
                .where(outbox.c.id.in_(ids)).order_by(outbox.c.id))).all()
        return [Delivery(r.id, r.report_id, r.reference, r.school_id, r.category, r.recipient, r.recipient_name,
                         r.role, r.channel, r.tier, r.kind, r.attempts, r.acknowledged_name, r.acknowledged_at,
                         bool(r.informed))
                for r in rows]

    async def sent(self, delivery: Delivery, activity_id: str | None = None, conversation: dict | None = None) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(outbox.update().where(outbox.c.id == delivery.id).values(
                status="sent", sent_at=self.clock(), attempts=delivery.attempts + 1, claimed_by=None,
                claimed_until=None, last_error=None, activity_id=activity_id,
                conversation=json.dumps(conversation) if conversation else None))

    async def renew(self, delivery: Delivery) -> bool:
        """Keep a delivery this worker is still sending leased to it for another `lease`; False if it is
        no longer this worker's."""
        async with self.db.transaction() as conn:
            result = await conn.execute(outbox.update().where(
                outbox.c.id == delivery.id, outbox.c.claimed_by == self.worker_id, outbox.c.status == "pending")
                .values(claimed_until=self.clock() + self.lease))
        return result.rowcount == 1

    async def retry(self, delivery: Delivery, error: str) -> datetime:
        """Put a failed delivery back, due again after a backoff; `error` is a type name, never content."""
        attempts = delivery.attempts + 1
        when = self.clock() + backoff(attempts, self.retry_base, self.retry_cap)
        async with self.db.transaction() as conn:
            await conn.execute(outbox.update().where(outbox.c.id == delivery.id).values(
                attempts=attempts, next_attempt_at=when, claimed_by=None, claimed_until=None, last_error=error[:120]))
        return when

    async def sent_alerts(self, report_id: int) -> list:
        """Teams alerts already delivered for a report (to update those cards in place)."""
        async with self.db.transaction() as conn:
            return (await conn.execute(sa.select(outbox).where(
                outbox.c.report_id == report_id, outbox.c.kind == "alert", outbox.c.channel == "teams",
                outbox.c.status == "sent", outbox.c.activity_id.is_not(None)))).all()

    async def rows(self, report_id: int | None = None) -> list:
        query = sa.select(outbox).order_by(outbox.c.id)
        if report_id is not None:
            query = query.where(outbox.c.report_id == report_id)
        async with self.db.transaction() as conn:
            return (await conn.execute(query)).all()

    async def undelivered(self, report_ids: list[int]) -> set[int]:
        """The reports whose alerts have been tried but reached nobody yet (no alert sent, to anyone,
        by any channel, at any escalation step)."""
        if not report_ids:
            return set()
        sent = sa.func.max(sa.case((outbox.c.status == "sent", 1), else_=0))
        tried = sa.func.max(sa.case((outbox.c.attempts > 0, 1), else_=0))
        async with self.db.transaction() as conn:
            rows = (await conn.execute(sa.select(outbox.c.report_id, sent.label("sent"), tried.label("tried"))
                                       .where(outbox.c.report_id.in_(report_ids), outbox.c.kind == "alert")
                                       .group_by(outbox.c.report_id))).all()
        return {r.report_id for r in rows if r.tried and not r.sent}

    async def wake_pending_for(self, recipient: str) -> int:
        """Make a recipient's waiting deliveries due now (they have just become reachable)."""
        now = self.clock()
        async with self.db.transaction() as conn:
            result = await conn.execute(outbox.update().where(
                outbox.c.recipient == recipient.lower(), outbox.c.status == "pending",
                outbox.c.next_attempt_at > now).values(next_attempt_at=now))
        return result.rowcount

    async def next_due(self) -> datetime | None:
        async with self.db.transaction() as conn:
            return await conn.scalar(sa.select(sa.func.min(outbox.c.next_attempt_at)).where(outbox.c.status == "pending"))
