"""Single-use sign-in links (a few minutes), and the sessions they open.

The bot makes a link for the identity the channel gave (`console` in chat). Only a hash of each
token is stored; redeeming marks the link used in the same statement that checks it is unused
and unexpired, so a link opens at most one session, on any instance.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from store import Database

from .library import aware
from .roles import Identity
from .tables import links, sessions

EXPIRED, USED, UNKNOWN = "expired", "already used", "not known"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Session:
    identity: Identity
    csrf: str
    expires_at: datetime


class SignIn:
    def __init__(self, db: Database, clock, link_minutes: float, session_hours: float):
        self.db, self.clock = db, clock
        self.link_life, self.session_life = timedelta(minutes=link_minutes), timedelta(hours=session_hours)

    async def make_link(self, who: Identity) -> str:
        """A new single-use token for this identity."""
        token, now = secrets.token_urlsafe(32), self.clock()
        async with self.db.transaction() as conn:
            await conn.execute(links.insert().values(
                token_hash=digest(token), user_key=who.user_key, email=who.email, aad_object_id=who.aad_object_id,
                name=who.name, created_at=now, expires_at=now + self.link_life))
            await conn.execute(links.delete().where(links.c.expires_at < now - timedelta(days=1)))
        return token

    async def redeem(self, token: str) -> tuple[str | None, Identity | None]:
        """(session token, identity) when the link opens; (None, the link's identity, if it is known)
        when it is expired, used or unknown (`refusal` says which)."""
        now, key = self.clock(), digest(token or "")
        async with self.db.transaction() as conn:
            taken = await conn.execute(links.update().where(links.c.token_hash == key, links.c.used_at.is_(None),
                                                            links.c.expires_at > now).values(used_at=now))
            row = (await conn.execute(sa.select(links).where(links.c.token_hash == key))).first()
            if taken.rowcount != 1 or row is None:
                return None, _identity(row) if row else None
            session, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
            await conn.execute(sessions.insert().values(
                id_hash=digest(session), user_key=row.user_key, email=row.email, aad_object_id=row.aad_object_id,
                name=row.name, csrf=csrf, created_at=now, expires_at=now + self.session_life))
            await conn.execute(sessions.delete().where(sessions.c.expires_at < now))
        return session, _identity(row)

    async def refusal(self, token: str) -> str:
        """Why a link did not open: expired, already used, or not known."""
        async with self.db.reading() as conn:
            row = (await conn.execute(sa.select(links).where(links.c.token_hash == digest(token or "")))).first()
        if row is None:
            return UNKNOWN
        return USED if row.used_at is not None else EXPIRED

    async def session(self, token: str | None) -> Session | None:
        if not token:
            return None
        async with self.db.reading() as conn:
            row = (await conn.execute(sa.select(sessions).where(sessions.c.id_hash == digest(token)))).first()
        if row is None or aware(row.expires_at) <= self.clock():
            return None
        return Session(_identity(row), row.csrf, aware(row.expires_at))

    async def end(self, token: str) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(sessions.delete().where(sessions.c.id_hash == digest(token)))


def _identity(row) -> Identity:
    return Identity(row.user_key, row.email, row.aad_object_id, row.name)
