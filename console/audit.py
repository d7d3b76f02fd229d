"""The console's audit log: every view and every change, by whom. Never any report content or
question text: what was looked at is named by page and id only."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from store import Database

from .library import aware
from .tables import audit

MAX_TARGET, MAX_DETAIL = 200, 300


@dataclass(frozen=True)
class Entry:
    at: datetime
    actor: str
    action: str
    target: str
    detail: str


class Audit:
    def __init__(self, db: Database, clock):
        self.db, self.clock = db, clock

    async def record(self, actor: str, action: str, target: str = "", detail: str = "") -> None:
        async with self.db.transaction() as conn:
            await conn.execute(audit.insert().values(at=self.clock(), actor=actor or "anonymous", action=action[:40],
                                                     target=target[:MAX_TARGET], detail=detail[:MAX_DETAIL]))

    async def recent(self, limit: int = 200) -> list[Entry]:
        async with self.db.reading() as conn:
            rows = await conn.execute(sa.select(audit).order_by(audit.c.id.desc()).limit(limit))
            return [Entry(aware(r.at), r.actor, r.action, r.target, r.detail) for r in rows]
