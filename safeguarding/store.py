"""The report store: durable, idempotent, append-only, audited, encrypted at rest."""
from __future__ import annotations

from datetime import timedelta
from typing import Callable, Iterable

import sqlalchemy as sa

from store import Database
from store.upsert import insert_ignore

from .crypto import Cipher
from .records import (  # noqa: F401
    Entry,
    Report,
    ReportMeta,
    Submission,
    emails_of,
    meta_of,
    new_reference,
    normalise_reference,
    outbox_row,
    people_rows,
)
from .routing import Route
from .tables import audit, entries, outbox, report_people, reports


class ReportStore:
    def __init__(self, db: Database, cipher: Cipher, clock, escalate_after: timedelta):
        self.db, self.cipher, self.clock, self.escalate_after = db, cipher, clock, escalate_after
        # The policy version live now, kept with each report (set by the console's live knowledge base).
        self.policy_version: Callable[[], str | None] = lambda: None

    # ---- writing ---------------------------------------------------------------
    async def submit(self, sub: Submission, route: Route, channels: tuple[str, ...]) -> tuple[ReportMeta, bool]:
        """Store the report, who may see it and its first alerts, in one transaction.

        Returns (report, created). The same submission_id always gives the same report.
        """
        existing = await self.by_submission(sub.submission_id)
        if existing is not None:
            return existing, False
        now = self.clock()
        for _ in range(5):
            reference = new_reference()
            try:
                async with self.db.transaction() as conn:
                    report_id = (await conn.execute(reports.insert().values(
                        reference=reference, submission_id=sub.submission_id, school_id=sub.school_id,
                        concern_about=sub.concern_about, category=sub.category, reporter_key=sub.reporter_key,
                        created_at=now, content=self.cipher.seal(reference, sub.content), status="open",
                        escalation_level=0, policy_version=self.policy_version(),
                        next_escalation_at=now + self.escalate_after if len(route.tiers) > 1 else None,
                    ))).inserted_primary_key[0]
                    await conn.execute(report_people.insert(), people_rows(report_id, route))
                    rows = [outbox_row(report_id, r.email, r.contact.name, r.role, ch, 0, "alert", now)
                            for r in route.first for ch in channels]
                    if rows:
                        await conn.execute(outbox.insert(), rows)
                    await conn.execute(audit.insert().values(
                        at=now, actor_key=sub.reporter_key, action="submit", report_id=report_id,
                        detail=f"routed to {len(route.first)} contact(s)"
                               + ("; school unknown, sent to the trust lead" if route.school_unknown else "")))
            except sa.exc.IntegrityError:
                existing = await self.by_submission(sub.submission_id)
                if existing is not None:
                    return existing, False
                continue  # the reference collided: draw another
            return await self.meta(reference), True
        raise RuntimeError("could not draw a unique reference")

    async def acknowledge(self, reference: str, actor_key: str, email: str, name: str) -> tuple[ReportMeta, bool]:
        """Record the first acknowledgement (later ones change nothing); stops escalation."""
        now = self.clock()
        async with self.db.transaction() as conn:
            result = await conn.execute(reports.update().where(
                reports.c.reference == reference, reports.c.acknowledged_at.is_(None)).values(
                acknowledged_at=now, acknowledged_by=email, acknowledged_name=name, next_escalation_at=None))
            meta = await self._meta(conn, reference)
            first = result.rowcount == 1
            await self._audit(conn, now, actor_key, email, "acknowledge", meta.id,
                              "first acknowledgement" if first else "already acknowledged")
            if first:
                await conn.execute(outbox.insert().values(**outbox_row(
                    meta.id, meta.reporter_key, "", "reporter", "reporter", 0, "acknowledged", now)))
        return meta, first

    async def add_entry(self, reference: str, kind: str, actor_key: str, email: str, name: str, text: str) -> ReportMeta:
        """Append an addendum, note or outcome (closing the report when it is an outcome)."""
        now = self.clock()
        async with self.db.transaction() as conn:
            meta = await self._meta(conn, reference)
            entry_id = (await conn.execute(entries.insert().values(
                report_id=meta.id, kind=kind, author_key=actor_key, created_at=now,
                content=self.cipher.seal(f"{reference}/{kind}", {"text": text, "author_name": name,
                                                                 "author_email": email})))).inserted_primary_key[0]
            if kind == "addendum" and meta.status == "open":
                # Whoever has been alerted so far hears that there is more (not what it is).
                alerted = (await conn.execute(sa.select(outbox.c.recipient, outbox.c.recipient_name, outbox.c.role,
                                                        outbox.c.channel).distinct().where(
                    outbox.c.report_id == meta.id, outbox.c.kind == "alert"))).all()
                rows = [outbox_row(meta.id, a.recipient, a.recipient_name, a.role, a.channel, 0,
                                    f"addendum-{entry_id}", now) for a in alerted]
                if rows:
                    await conn.execute(outbox.insert(), rows)
            if kind == "outcome":
                await conn.execute(reports.update().where(reports.c.id == meta.id).values(
                    status="closed", closed_at=now, next_escalation_at=None))
            await self._audit(conn, now, actor_key, email, {"outcome": "close"}.get(kind, kind), meta.id, "")
            return await self._meta(conn, reference)

    async def record(self, action: str, actor_key: str, email: str, report_id: int | None, detail: str = "") -> None:
        """Write one audit line (view, export, refused...)."""
        async with self.db.transaction() as conn:
            await self._audit(conn, self.clock(), actor_key, email, action, report_id, detail)

    # ---- reading ---------------------------------------------------------------
    async def by_submission(self, submission_id: str) -> ReportMeta | None:
        async with self.db.transaction() as conn:
            row = (await conn.execute(sa.select(reports).where(reports.c.submission_id == submission_id))).first()
        return meta_of(row) if row else None

    async def meta(self, reference: str) -> ReportMeta | None:
        async with self.db.transaction() as conn:
            row = (await conn.execute(sa.select(reports).where(reports.c.reference == reference))).first()
        return meta_of(row) if row else None

    async def read(self, reference: str) -> Report | None:
        """The report with its content and entries, decrypted (the caller audits the view)."""
        async with self.db.transaction() as conn:
            row = (await conn.execute(sa.select(reports).where(reports.c.reference == reference))).first()
            if row is None:
                return None
            rows = (await conn.execute(sa.select(entries).where(entries.c.report_id == row.id)
                                       .order_by(entries.c.id))).all()
        found = []
        for e in rows:
            data = self.cipher.open(f"{reference}/{e.kind}", e.content)
            found.append(Entry(e.kind, e.created_at, data["text"], data["author_name"], data["author_email"]))
        return Report(meta_of(row), self.cipher.open(reference, row.content), tuple(found))

    async def people(self, report_id: int) -> list:
        async with self.db.transaction() as conn:
            return (await conn.execute(sa.select(report_people).where(report_people.c.report_id == report_id))).all()

    async def may_view(self, report_id: int, email: str | Iterable[str]) -> bool:
        """True when `email` (or one of several addresses of one person) is on the report's route or a
        viewer, and none of them is someone it is about."""
        emails = emails_of(email)
        if not emails:
            return False
        rows = [r for r in await self.people(report_id) if r.email in emails]
        return bool(rows) and not any(r.excluded for r in rows)

    async def visible_to(self, email: str | Iterable[str], open_only: bool = True) -> list[ReportMeta]:
        """Reports `email` (or one of several addresses of one person) may open (newest first)."""
        emails = emails_of(email)
        rp = report_people
        allowed = sa.select(rp.c.report_id).where(rp.c.email.in_(emails), rp.c.excluded.is_(False))
        barred = sa.select(rp.c.report_id).where(rp.c.email.in_(emails), rp.c.excluded.is_(True))
        query = sa.select(reports).where(reports.c.id.in_(allowed), reports.c.id.not_in(barred))
        if open_only:
            query = query.where(reports.c.status == "open")
        async with self.db.transaction() as conn:
            rows = (await conn.execute(query.order_by(reports.c.created_at.desc(), reports.c.id.desc()))).all()
        return [meta_of(r) for r in rows]

    async def by_reporter(self, reporter_key: str) -> list[ReportMeta]:
        async with self.db.transaction() as conn:
            rows = (await conn.execute(sa.select(reports).where(reports.c.reporter_key == reporter_key)
                                       .order_by(reports.c.created_at.desc(), reports.c.id.desc()))).all()
        return [meta_of(r) for r in rows]

    async def audit_trail(self, report_id: int | None = None) -> list:
        query = sa.select(audit).order_by(audit.c.id)
        if report_id is not None:
            query = query.where(audit.c.report_id == report_id)
        async with self.db.transaction() as conn:
            return (await conn.execute(query)).all()

    async def count(self) -> int:
        async with self.db.transaction() as conn:
            return await conn.scalar(sa.select(sa.func.count()).select_from(reports))

    # ---- escalation ------------------------------------------------------------
    async def escalate_due(self) -> list[tuple[ReportMeta, int]]:
        """Move every unacknowledged report past its deadline to its next tier; queue those alerts."""
        now = self.clock()
        done = []
        async with self.db.transaction() as conn:
            due = (await conn.execute(sa.select(reports).where(
                reports.c.status == "open", reports.c.acknowledged_at.is_(None),
                reports.c.next_escalation_at.is_not(None), reports.c.next_escalation_at <= now))).all()
        for row in due:
            level = row.escalation_level + 1
            async with self.db.transaction() as conn:
                tier = (await conn.execute(sa.select(report_people).where(
                    report_people.c.report_id == row.id, report_people.c.tier == level,
                    report_people.c.excluded.is_(False)))).all()
                more = await conn.scalar(sa.select(sa.func.count()).select_from(report_people).where(
                    report_people.c.report_id == row.id, report_people.c.tier > level))
                moved = await conn.execute(reports.update().where(
                    reports.c.id == row.id, reports.c.escalation_level == row.escalation_level,
                    reports.c.acknowledged_at.is_(None)).values(
                    escalation_level=level, next_escalation_at=now + self.escalate_after if more else None))
                if moved.rowcount != 1:
                    continue  # acknowledged, or another worker escalated it meanwhile
                channels = await self._channels(conn, row.id)
                rows = [outbox_row(row.id, p.email, p.name, p.role, ch, level, "alert", now)
                        for p in tier for ch in channels]
                if rows:
                    await conn.execute(insert_ignore(self.db.dialect, outbox, rows,
                                                     ["report_id", "recipient", "channel", "tier", "kind"]))
                roles = ", ".join(sorted({p.role for p in tier})) or "nobody"
                await self._audit(conn, now, "system", "", "escalate", row.id,
                                  f"not acknowledged in time: tier {level} ({roles})")
            done.append((meta_of(row), level))
        return done

    async def _channels(self, conn, report_id: int) -> tuple[str, ...]:
        rows = (await conn.execute(sa.select(outbox.c.channel).distinct().where(
            outbox.c.report_id == report_id, outbox.c.kind == "alert"))).all()
        return tuple(sorted({r.channel for r in rows})) or ("teams",)

    # ---- helpers ---------------------------------------------------------------
    async def _meta(self, conn, reference: str) -> ReportMeta:
        row = (await conn.execute(sa.select(reports).where(reports.c.reference == reference))).first()
        if row is None:
            raise LookupError(reference)
        return meta_of(row)

    @staticmethod
    async def _audit(conn, now, actor_key, email, action, report_id, detail) -> None:
        await conn.execute(audit.insert().values(at=now, actor_key=actor_key, actor_email=email or "",
                                                 action=action, report_id=report_id, detail=detail[:300]))
