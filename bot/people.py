"""Who is talking: identity from the channel (never from what people type), and where to reach them.

In Teams the email comes from the Teams member API, and counts only when the activity comes from
one of the trust's tenants (bot/tenants.py); from any other tenant a person has no email and no
AAD object id here, so nothing keyed on them (safeguarding contacts, admin lists) matches.
Every person's latest conversation reference is kept (with its conversation type and tenant),
and in Teams their latest 1:1 conversation with the bot per tenant (bot/personal.py): proactive
messages go only there (bot/reach.py).
"""
from __future__ import annotations

import asyncio
import json
import logging
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from typing import Awaitable, Callable

import sqlalchemy as sa
from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import ConversationReference

from store import Database
from store.migrations import Migration, create_tables, metadata, widen_to_text
from store.upsert import upsert

from .channels import personal as personal_routes
from .channels.personal import Account
from .channels.tenants import TEAMS, TenantPolicy, is_personal, tenant_of

log = logging.getLogger(__name__)

# Every text here comes from the channel or its directory, so none has a length limit.
people = sa.Table(
    "people",
    metadata,
    sa.Column("user_key", sa.Text, primary_key=True),  # channel:user id
    sa.Column("channel_id", sa.Text, nullable=False),
    sa.Column("user_id", sa.Text, nullable=False),
    sa.Column("aad_object_id", sa.Text),
    sa.Column("name", sa.Text),
    sa.Column("email", sa.Text, index=True),
    sa.Column("reference", sa.Text, nullable=False),  # latest ConversationReference, JSON
    sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
)

MIGRATIONS = [Migration("people", 1, "people and their conversation references", create_tables(people)),
              Migration("people", 2, "ids, names and emails of any length",
                        widen_to_text(people, "user_key", "channel_id", "user_id", "aad_object_id", "name", "email")),
              Migration("people", 3, "each person's 1:1 conversation per tenant, and pauses after refusals",
                        lambda conn: personal_routes.backfill(conn, people))]


@dataclass(frozen=True)
class Person:
    user_key: str
    channel_id: str
    user_id: str
    name: str = ""
    email: str = ""  # only ever one the trust vouches for (see the module docstring)
    aad_object_id: str = ""  # likewise
    tenant_id: str = ""  # Teams only
    trusted: bool = True  # False: a Teams tenant that is not the trust's

    @property
    def email_domain(self) -> str:
        return self.email.rsplit("@", 1)[-1].lower() if "@" in self.email else ""


def user_key_of(activity) -> str:
    return f"{activity.channel_id}:{activity.from_property.id if activity.from_property else ''}"


class People:
    """Remembers people and their conversation references; cached so most turns do no I/O."""

    CACHE_SIZE = 5000

    def __init__(self, db: Database, clock):
        self.db = db
        self.clock = clock
        self._cache: OrderedDict[str, tuple[Person, tuple]] = OrderedDict()
        self._pending: dict[str, dict] = {}
        self._pending_personal: dict[tuple[str, str], dict] = {}
        self._pending_saved: asyncio.Future | None = None
        # Called with a person whenever where to reach them was saved (a new person, a new conversation):
        # e.g. to send what was waiting for them.
        self.on_reachable: list[Callable[[Person], Awaitable[None]]] = []
        self._write_lock = asyncio.Lock()
        # channel id -> async lookup(context) returning (name, email) from that channel's
        # directory (e.g. Slack's users.info); Teams' member API is built in below.
        self.lookups: dict[str, Callable[[TurnContext], Awaitable[tuple[str, str]]]] = {}
        # The trust's tenants; set from Settings.trust_tenants at start-up (bot/features/reports.py).
        self.tenants = TenantPolicy()

    async def observe(self, context: TurnContext) -> tuple[Person, bool]:
        """Record who sent this activity and how to reach them; return (person, is_new)."""
        activity = context.activity
        key = user_key_of(activity)
        fingerprint = _reference_fingerprint(activity)
        cached = self._cache.get(key)
        if cached is not None and cached[1] == fingerprint:
            self._cache.move_to_end(key)
            return cached[0], False
        tenant = tenant_of(activity) if activity.channel_id == TEAMS else ""
        trusted = self.tenants.trusts(activity.channel_id, tenant)
        # A known person in a new conversation: only the reference needs saving.
        existing = cached[0] if cached is not None else await self._load(key)
        person = existing
        if person is None or (trusted and not person.email and (activity.channel_id == TEAMS
                                                                or activity.channel_id in self.lookups)):
            person = await self._identify(context, key, trusted)
        person = replace(person, tenant_id=tenant, trusted=trusted)
        if not trusted:
            person = replace(person, email="", aad_object_id="")
        reference = _reference_json(activity, tenant)
        await self._save(person, reference, reference if is_personal(activity) else None)
        self._remember(key, person, fingerprint)
        for reachable in self.on_reachable:
            await reachable(person)
        return person, existing is None

    async def person(self, context: TurnContext) -> Person:
        """The person behind this turn's activity (observed earlier in the turn)."""
        key = user_key_of(context.activity)
        cached = self._cache.get(key)
        if cached is not None:
            return cached[0]
        person, _ = await self.observe(context)
        return person

    async def accounts(self, email: str = "", aad_object_id: str = "", user_key: str = "") -> list[Account]:
        """Every account of someone, known by email or AAD object id (in Teams, only in the trust's tenants)
        or by user key, with its 1:1 routes and pauses: one Account per Teams tenant."""
        matches = [condition for given, condition in (
            (email, sa.func.lower(people.c.email) == email.lower()),
            (aad_object_id, sa.func.lower(people.c.aad_object_id) == aad_object_id.lower()),
            (user_key, people.c.user_key == user_key)) if given]
        if not matches:
            return []
        async with self.db.transaction() as conn:
            rows = (await conn.execute(sa.select(people).where(sa.or_(*matches)))).all()
            routes = await personal_routes.routes(conn, (row.user_key for row in rows))
        # An email or AAD object id from another tenant is nobody's identity; the user key is.
        found = [(self._person(row), row) for row in rows]
        return personal_routes.accounts([(person, row.last_seen, row.reference) for person, row in found
                                          if person.trusted or row.user_key == user_key], routes, self.tenants)

    async def record_personal(self, user_key: str, tenant_id: str, reference: ConversationReference) -> None:
        """Keep a 1:1 conversation the bot has just opened with someone (it clears any pause)."""
        value = json.dumps(reference.serialize(), sort_keys=True)
        async with self.db.transaction() as conn:
            await conn.execute(personal_routes.upsert_statement(self.db.dialect),
                               [personal_routes.row(user_key, tenant_id, reference.channel_id or TEAMS, value,
                                                    self.clock())])

    async def refused(self, user_key: str, tenant_id: str, channel_id: str, until: datetime | None,
                      failure: str) -> None:
        """The channel refused this route for good: forget its conversation and pause it until `until`
        (the person's next activity in a 1:1 chat brings it back at once)."""
        async with self.db.transaction() as conn:
            await personal_routes.refused(conn, user_key, tenant_id, channel_id, self.clock(), until, failure)
        self._cache.pop(user_key, None)

    async def route_for(self, user_key: str, tenant_id: str) -> personal_routes.Route | None:
        """The 1:1 route (conversation and pause) kept under a key in a tenant, if any."""
        async with self.db.transaction() as conn:
            found = [r for r in await personal_routes.routes(conn, [user_key]) if r.tenant_id == tenant_id]
        return found[0] if found else None

    async def tenant_route(self, tenant_id: str) -> ConversationReference | None:
        """The latest 1:1 conversation anyone had in a tenant (for its serviceUrl and bot account)."""
        async with self.db.transaction() as conn:
            return await personal_routes.tenant_route(conn, tenant_id)

    async def _identify(self, context: TurnContext, key: str, trusted: bool) -> Person:
        activity = context.activity
        sender = activity.from_property
        name, email, aad = sender.name or "", "", sender.aad_object_id or ""
        # Another tenant's directory is not asked: its email would not count (bot/tenants.py).
        if trusted and activity.channel_id == TEAMS:
            try:
                member = await TeamsInfo.get_member(context, sender.id)
                name = member.name or name
                email = member.email or member.user_principal_name or ""
                aad = member.aad_object_id or aad
            except Exception:
                log.warning("Teams member lookup failed", exc_info=True)
        elif trusted and activity.channel_id in self.lookups:
            try:
                found_name, found_email = await self.lookups[activity.channel_id](context)
                name, email = found_name or name, found_email or email
            except Exception:
                log.warning("%s user lookup failed", activity.channel_id, exc_info=True)
        return Person(key, activity.channel_id, sender.id, name, email.lower(), aad.lower())

    async def _load(self, key: str) -> Person | None:
        async with self.db.transaction() as conn:
            row = (await conn.execute(sa.select(people).where(people.c.user_key == key))).first()
        return self._person(row) if row else None

    def _person(self, row) -> Person:
        """A stored person, with their tenant (from their latest conversation) and whether it is trusted."""
        tenant = ""
        if row.channel_id == TEAMS:
            tenant = personal_routes.tenant_in(json.loads(row.reference).get("conversation") or {})
        trusted = self.tenants.trusts(row.channel_id, tenant)
        return Person(row.user_key, row.channel_id, row.user_id, row.name or "", row.email if trusted else "",
                      (row.aad_object_id or "") if trusted else "", tenant, trusted)

    async def _save(self, person: Person, reference: str, personal: str | None = None) -> None:
        now = self.clock()
        values = dict(channel_id=person.channel_id, user_id=person.user_id, aad_object_id=person.aad_object_id,
                      name=person.name, email=person.email, reference=reference, last_seen=now)
        self._pending[person.user_key] = values
        if personal is not None:
            self._pending_personal[(person.user_key, person.tenant_id)] = personal_routes.row(
                person.user_key, person.tenant_id, person.channel_id, personal, now)
        if self._pending_saved is None:
            self._pending_saved = asyncio.get_running_loop().create_future()
        saved = self._pending_saved
        # Group commit: whoever holds the lock writes every row queued so far in one transaction,
        # so fifty people starting conversations at once cost one commit, not fifty in a row.
        async with self._write_lock:
            if saved.done():
                return saved.result()
            batch, self._pending, self._pending_saved = self._pending, {}, None
            routes, self._pending_personal = self._pending_personal, {}
            try:
                async with self.db.transaction() as conn:
                    await conn.execute(_upsert_statement(self.db.dialect),
                                       [{"user_key": user_key, "first_seen": row["last_seen"], **row}
                                        for user_key, row in batch.items()])
                    if routes:  # a 1:1 chat the person has just used: live again, any pause lifted
                        await conn.execute(personal_routes.upsert_statement(self.db.dialect), list(routes.values()))
            except Exception as exc:
                saved.set_exception(exc)
                saved.exception()  # this caller raises it; waiting callers get it from the future
                raise
            saved.set_result(None)

    def _remember(self, key: str, person: Person, fingerprint: tuple) -> None:
        self._cache[key] = (person, fingerprint)
        self._cache.move_to_end(key)
        while len(self._cache) > self.CACHE_SIZE:
            self._cache.popitem(last=False)


_SAVED = ("channel_id", "user_id", "aad_object_id", "name", "email", "reference", "last_seen")


@cache
def _upsert_statement(dialect: str):
    """Insert a person or update what `_save` keeps (first_seen stays), with bound parameters:
    built once, and run once for a whole batch (one executemany, not a statement per person)."""
    values = {column: sa.bindparam(column) for column in ("user_key", "first_seen", *_SAVED)}
    return upsert(dialect, people, values, ["user_key"], {column: values[column] for column in _SAVED})


def _reference_fingerprint(activity) -> tuple:
    """What the stored reference is made of, cheap to compare on every turn (no serialising)."""
    conv, sender, bot = activity.conversation, activity.from_property, activity.recipient
    return (activity.channel_id, activity.service_url, activity.locale,
            *((conv.id, conv.name, conv.conversation_type, conv.is_group, conv.tenant_id, conv.role)
              if conv else (None,) * 6),
            *((sender.id, sender.name, sender.aad_object_id, sender.role) if sender else (None,) * 4),
            *((bot.id, bot.name, bot.aad_object_id, bot.role) if bot else (None,) * 4))


def _reference_json(activity, tenant: str) -> str:
    """Where to reach the sender, as JSON, with the conversation's type and (in Teams) tenant. The
    incoming activity's id is left out: it changes with every message, and keeping it would turn
    every turn into a database write."""
    reference = TurnContext.get_conversation_reference(activity)
    reference.activity_id = None
    if tenant and reference.conversation is not None and not reference.conversation.tenant_id:
        reference.conversation.tenant_id = tenant  # given in channelData only
    return json.dumps(reference.serialize(), sort_keys=True)
