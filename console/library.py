"""The policies the bot knows, as kept in the database: published versions, drafts, the review
queue's decisions, and the change counter every instance watches (`kb_generation`).

Every change bumps the counter in the same transaction, so an instance that sees it move reads a
consistent snapshot and rebuilds what it answers from (bot/features/console_live.py).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from store import Database

from .tables import decisions, drafts, generation, policies, versions


@dataclass(frozen=True)
class Version:
    policy: str
    number: str
    adopted_on: str
    published_at: datetime
    published_by: str


@dataclass(frozen=True)
class Decision:
    id: int
    policy: str
    kind: str  # link | not_covered | needs_clause
    clause_id: str | None
    question: str
    created_at: datetime
    created_by: str
    undone_at: datetime | None = None


@dataclass(frozen=True)
class Draft:
    id: int
    policy: str
    kind: str
    status: str
    created_by: str
    updated_at: datetime
    state: dict


@dataclass(frozen=True)
class Snapshot:
    """What every instance rebuilds from: the live version of each policy and the decisions in force."""

    generation: int
    titles: dict[str, str]
    bundles: dict[str, dict]  # policy -> its latest published bundle (the first policy: only once published)
    decisions: tuple[Decision, ...]


def aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every time stored here is UTC."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


class Library:
    def __init__(self, db: Database, clock):
        self.db, self.clock = db, clock

    async def generation(self) -> int:
        async with self.db.reading() as conn:
            return int(await conn.scalar(sa.select(generation.c.generation).where(generation.c.id == 1)) or 0)

    async def _bump(self, conn) -> None:
        await conn.execute(generation.update().where(generation.c.id == 1).values(
            generation=generation.c.generation + 1, changed_at=self.clock()))

    async def snapshot(self) -> Snapshot:
        async with self.db.transaction() as conn:
            number = int(await conn.scalar(sa.select(generation.c.generation).where(generation.c.id == 1)) or 0)
            titles = {r.id: r.title for r in await conn.execute(sa.select(policies))}
            latest = sa.select(sa.func.max(versions.c.id).label("id")).group_by(versions.c.policy).subquery()
            rows = await conn.execute(sa.select(versions.c.policy, versions.c.bundle)
                                      .where(versions.c.id.in_(sa.select(latest.c.id))))
            bundles = {r.policy: json.loads(r.bundle) for r in rows}
            found = await conn.execute(sa.select(decisions).where(decisions.c.undone_at.is_(None))
                                       .order_by(decisions.c.id))
            active = tuple(_decision(r) for r in found)
        return Snapshot(number, titles, bundles, active)

    # ---- policies and versions ----------------------------------------------------------
    async def policies(self) -> dict[str, str]:
        async with self.db.reading() as conn:
            return {r.id: r.title for r in await conn.execute(sa.select(policies).order_by(policies.c.created_at))}

    async def versions(self, policy: str) -> list[Version]:
        """Published versions, newest first."""
        async with self.db.reading() as conn:
            rows = await conn.execute(sa.select(versions.c.policy, versions.c.number, versions.c.adopted_on,
                                                versions.c.published_at, versions.c.published_by)
                                      .where(versions.c.policy == policy).order_by(versions.c.id.desc()))
            return [Version(r.policy, r.number, r.adopted_on, aware(r.published_at), r.published_by) for r in rows]

    async def bundle(self, policy: str, number: str) -> dict | None:
        async with self.db.reading() as conn:
            raw = await conn.scalar(sa.select(versions.c.bundle).where(versions.c.policy == policy,
                                                                     versions.c.number == number))
        return json.loads(raw) if raw else None

    async def publish(self, draft_id: int, bundle: dict, by: str) -> bool:
        """Store a version and close its draft, in one transaction; False if the number is taken."""
        now = self.clock()
        try:
            async with self.db.transaction() as conn:
                if await conn.scalar(sa.select(policies.c.id).where(policies.c.id == bundle["policy"])) is None:
                    await conn.execute(policies.insert().values(id=bundle["policy"], title=bundle["title"],
                                                                created_at=now, created_by=by))
                await conn.execute(versions.insert().values(
                    policy=bundle["policy"], number=bundle["version"], adopted_on=bundle["date"], published_at=now,
                    published_by=by, bundle=json.dumps(bundle, ensure_ascii=False)))
                await conn.execute(drafts.update().where(drafts.c.id == draft_id).values(status="published",
                                                                                      updated_at=now))
                await self._bump(conn)
        except sa.exc.IntegrityError:
            return False
        return True

    # ---- drafts --------------------------------------------------------------------------
    async def create_draft(self, policy: str, kind: str, state: dict, by: str) -> int:
        now = self.clock()
        async with self.db.transaction() as conn:
            result = await conn.execute(drafts.insert().values(
                policy=policy, kind=kind, status="open", created_at=now, created_by=by, updated_at=now,
                state=json.dumps(state, ensure_ascii=False)))
            return result.inserted_primary_key[0]

    async def draft(self, draft_id: int) -> Draft | None:
        async with self.db.reading() as conn:
            row = (await conn.execute(sa.select(drafts).where(drafts.c.id == draft_id))).first()
        return _draft(row) if row else None

    async def open_drafts(self) -> list[Draft]:
        async with self.db.reading() as conn:
            rows = await conn.execute(sa.select(drafts).where(drafts.c.status == "open").order_by(drafts.c.id))
            return [_draft(r) for r in rows]

    async def save_draft(self, draft_id: int, state: dict) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(drafts.update().where(drafts.c.id == draft_id, drafts.c.status == "open").values(
                state=json.dumps(state, ensure_ascii=False), updated_at=self.clock()))

    async def discard_draft(self, draft_id: int) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(drafts.update().where(drafts.c.id == draft_id, drafts.c.status == "open").values(
                status="discarded", updated_at=self.clock()))

    # ---- the review queue's decisions ------------------------------------------------------
    async def decide(self, policy: str, kind: str, clause_id: str | None, question: str, by: str) -> int:
        async with self.db.transaction() as conn:
            result = await conn.execute(decisions.insert().values(
                policy=policy, kind=kind, clause_id=clause_id, question=question, created_at=self.clock(),
                created_by=by))
            await self._bump(conn)
            return result.inserted_primary_key[0]

    async def undo(self, decision_id: int, by: str) -> Decision | None:
        """Undo a decision (kept, marked undone); None if there is none in force with that id."""
        async with self.db.transaction() as conn:
            changed = await conn.execute(decisions.update().where(decisions.c.id == decision_id,
                                                                  decisions.c.undone_at.is_(None))
                                         .values(undone_at=self.clock(), undone_by=by))
            if changed.rowcount != 1:
                return None
            await self._bump(conn)
            row = (await conn.execute(sa.select(decisions).where(decisions.c.id == decision_id))).first()
        return _decision(row)

    async def decisions(self, policy: str | None = None, limit: int = 200) -> list[Decision]:
        query = sa.select(decisions).order_by(decisions.c.id.desc()).limit(limit)
        if policy is not None:
            query = query.where(decisions.c.policy == policy)
        async with self.db.reading() as conn:
            return [_decision(r) for r in await conn.execute(query)]


def _decision(row) -> Decision:
    return Decision(row.id, row.policy, row.kind, row.clause_id, row.question, aware(row.created_at), row.created_by,
                    aware(row.undone_at))


def _draft(row) -> Draft:
    return Draft(row.id, row.policy, row.kind, row.status, row.created_by, aware(row.updated_at), json.loads(row.state))
