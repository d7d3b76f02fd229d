"""Each person's 1:1 conversation with the bot, per tenant: the only place proactive Teams messages go.

A row per (person, tenant) holds the most recently used personal conversation (NULL once Teams
said it is gone), and `paused_until` when Teams refused the person for good (403/404: the bot
removed or blocked), so they are not tried again for a few minutes. Outside Teams a row only
ever holds such a pause: there the latest conversation is used, as it always was.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from typing import Iterable

import sqlalchemy as sa
from botbuilder.schema import ConversationReference
from sqlalchemy.engine import Connection

from store.migrations import create_tables, metadata
from store.upsert import upsert

TS = sa.DateTime(timezone=True)

personal = sa.Table(
    "people_personal",
    metadata,
    sa.Column("user_key", sa.Text, primary_key=True),  # people.user_key, or "aad:<object id>"
    sa.Column("tenant_id", sa.Text, primary_key=True),  # "" outside Teams
    sa.Column("channel_id", sa.Text, nullable=False),
    sa.Column("reference", sa.Text),  # the 1:1 ConversationReference, JSON; NULL when there is none
    sa.Column("last_used", TS, nullable=False),
    sa.Column("paused_until", TS),  # refused for good: not tried again before this
    sa.Column("failure", sa.String(60)),  # why (an HTTP status and a type name; never content)
)


def backfill(conn: Connection, people: sa.Table) -> None:
    """Create the table and fill it from the Teams references already kept in `people` (1:1 chats only)."""
    create_tables(personal)(conn)
    rows = conn.execute(sa.select(people.c.user_key, people.c.reference, people.c.last_seen)
                        .where(people.c.channel_id == "msteams")).all()
    found = []
    for row in rows:
        conversation = json.loads(row.reference).get("conversation") or {}
        if conversation.get("conversationType") == "personal" and not conversation.get("isGroup"):
            found.append({"user_key": row.user_key, "tenant_id": tenant_in(conversation),
                          "channel_id": "msteams", "reference": row.reference, "last_used": row.last_seen})
    if found:
        conn.execute(personal.insert(), found)


def tenant_in(conversation: dict) -> str:
    """The tenant of a stored conversation account (botbuilder writes `tenantID`; Teams sends `tenantId`)."""
    return str(conversation.get("tenantID") or conversation.get("tenantId") or "").lower()


@dataclass(frozen=True)
class Route:
    """A person's 1:1 conversation in one tenant (or, outside Teams, only a pause)."""

    user_key: str
    tenant_id: str
    reference: ConversationReference | None
    last_used: datetime
    paused_until: datetime | None


@dataclass(frozen=True)
class Account:
    """One way to reach a person: their latest conversation and, in Teams, their 1:1 route in a tenant."""

    person: object  # bot.people.Person, with tenant_id set to this account's tenant
    last_seen: datetime
    latest: ConversationReference
    tenant_id: str
    personal: ConversationReference | None = None  # Teams: the live 1:1 conversation, if known
    paused_until: datetime | None = None


def accounts(people: list[tuple], found: list[Route], tenants) -> list[Account]:
    """Accounts from (person, last_seen, latest reference JSON) and their routes: one per tenant the
    person has a route in (trusted tenants only), and one for the tenant they last wrote from."""
    out = []
    for person, last_seen, raw in people:
        latest = reference_of(raw)
        by_tenant = {r.tenant_id: r for r in found if r.user_key == person.user_key}
        for tenant in sorted(set(by_tenant) | {person.tenant_id}):
            if tenant != person.tenant_id and not tenants.trusts(person.channel_id, tenant):
                continue
            route = by_tenant.get(tenant)
            out.append(Account(replace(person, tenant_id=tenant), utc(last_seen), latest, tenant,
                               route.reference if route else None, route.paused_until if route else None))
    return out


def reference_of(raw: str | None) -> ConversationReference | None:
    return ConversationReference().deserialize(json.loads(raw)) if raw else None


async def routes(conn, user_keys: Iterable[str]) -> list[Route]:
    """The 1:1 conversations and pauses of these people."""
    keys = list(dict.fromkeys(user_keys))
    if not keys:
        return []
    rows = (await conn.execute(sa.select(personal).where(personal.c.user_key.in_(keys)))).all()
    return [Route(r.user_key, r.tenant_id, reference_of(r.reference), utc(r.last_used), utc(r.paused_until))
            for r in rows]


def utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything is stored in UTC."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


async def tenant_route(conn, tenant_id: str) -> ConversationReference | None:
    """The most recently used 1:1 conversation in a tenant: its serviceUrl and bot account serve to
    open a conversation with someone there who has never written to the bot."""
    row = (await conn.execute(sa.select(personal.c.reference).where(
        personal.c.tenant_id == tenant_id, personal.c.reference.is_not(None), ~personal.c.user_key.like("aad:%"))
        .order_by(personal.c.last_used.desc()).limit(1))).first()
    return reference_of(row.reference) if row else None


_KEPT = ("channel_id", "reference", "last_used", "paused_until", "failure")


@cache
def upsert_statement(dialect: str):
    """Insert or replace a row (every column), with bound parameters: one executemany per batch."""
    values = {column: sa.bindparam(column) for column in ("user_key", "tenant_id", *_KEPT)}
    return upsert(dialect, personal, values, ["user_key", "tenant_id"], {c: values[c] for c in _KEPT})


def row(user_key: str, tenant_id: str, channel_id: str, reference: str | None, now: datetime,
        paused_until: datetime | None = None, failure: str | None = None) -> dict:
    return {"user_key": user_key, "tenant_id": tenant_id, "channel_id": channel_id, "reference": reference,
            "last_used": now, "paused_until": paused_until, "failure": failure}


async def refused(conn, user_key: str, tenant_id: str, channel_id: str, now: datetime,
                  until: datetime | None, failure: str) -> None:
    """Teams refused this route for good: forget its conversation and, when `until` is given, pause it."""
    changes = {"reference": None, "paused_until": until, "failure": failure[:60]}
    result = await conn.execute(personal.update().where(
        personal.c.user_key == user_key, personal.c.tenant_id == tenant_id).values(**changes))
    if result.rowcount == 0:
        await conn.execute(personal.insert().values(**row(user_key, tenant_id, channel_id, None, now, until,
                                                             failure[:60])))
