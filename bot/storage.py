"""A botbuilder `Storage` on the shared database, honouring eTags (optimistic concurrency)."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from functools import cache

import jsonpickle
import sqlalchemy as sa
from botbuilder.core import Storage

from store import Database
from store.migrations import Migration, create_tables, metadata, widen_to_text
from store.upsert import upsert

bot_state = sa.Table(
    "bot_state",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),  # built from the channel's ids, of any length
    sa.Column("etag", sa.String(64), nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now(),
              onupdate=sa.func.now()),
)

# Message activities a turn has taken (bot/adapter.py, SkipRedelivered), by a digest of their ids.
seen_activities = sa.Table(
    "seen_activities",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("state", sa.String(8), nullable=False),  # started | done
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
)

MIGRATIONS = [Migration("bot_state", 1, "bot conversation and user state", create_tables(bot_state)),
              Migration("bot_state", 2, "state keys of any length", widen_to_text(bot_state, "key")),
              Migration("seen_activities", 1, "message activities taken", create_tables(seen_activities))]

class StorageConflictError(Exception):
    """A write carried an eTag that no longer matches what is stored."""


_KEYS = sa.bindparam("keys", expanding=True)
_READ = sa.select(bot_state.c.key, bot_state.c.etag, bot_state.c.data).where(bot_state.c.key.in_(_KEYS))
_DELETE = bot_state.delete().where(bot_state.c.key.in_(_KEYS))
# Only if the eTag the caller read is still the stored one. (SQLAlchemy reserves the column names
# for its own parameters, hence "b_".)
_UPDATE = (bot_state.update()
           .where(bot_state.c.key == sa.bindparam("b_key"), bot_state.c.etag == sa.bindparam("b_expected"))
           .values(etag=sa.bindparam("b_etag"), data=sa.bindparam("b_data")))


@cache
def _overwrite(dialect: str):
    """Insert the key, or replace whatever is stored under it."""
    values = {"key": sa.bindparam("b_key"), "etag": sa.bindparam("b_etag"), "data": sa.bindparam("b_data")}
    return upsert(dialect, bot_state, values, ["key"],
                  {"etag": values["etag"], "data": values["data"], "updated_at": sa.func.now()})


class SqlStorage(Storage):
    """Stores each key as JSON (jsonpickle, so dialog state round-trips) with an eTag, through the
    shared async engine: the same statements on SQLite and PostgreSQL, one transaction per call.

    As botbuilder's own storages do (its StorageBaseTests pass, tests/test_storage_contract.py):
    a write without an eTag, or with "*", replaces what is stored (last write wins); a write that
    carries the eTag it was read with succeeds only while that eTag is still the stored one, else
    it raises StorageConflictError (another turn of the conversation saved first)."""

    def __init__(self, db: Database):
        self.db = db

    async def read(self, keys: list[str]) -> dict[str, object]:
        if keys is None:
            raise ValueError("Keys are required when reading")
        keys = list(keys)
        if not keys:
            return {}
        async with self.db.reading() as conn:
            rows = (await conn.execute(_READ, {"keys": keys})).all()
        found = {}
        for key, etag, data in rows:
            item = jsonpickle.decode(data)
            _set_etag(item, etag)
            found[key] = item
        return found

    async def write(self, changes: dict[str, object]) -> None:
        """Write every change in one transaction. A change whose eTag is stale is not written, and
        raises StorageConflictError once the others have committed; the caller retries it."""
        if changes is None:
            raise ValueError("Changes are required when writing")
        if not changes:
            return
        writes = []
        for key, item in changes.items():
            expected = _etag_of(item)
            if expected == "":
                raise StorageConflictError(f"write to {key!r} has an empty eTag")
            writes.append((key, item, expected, jsonpickle.encode(_without_etag(item))))
        overwrite = _overwrite(self.db.dialect)
        written, refused = [], []
        async with self.db.transaction() as conn:
            for key, item, expected, data in writes:
                params = {"b_key": key, "b_etag": uuid.uuid4().hex, "b_data": data}
                if expected is None or expected == "*":
                    await conn.execute(overwrite, params)
                elif not (await conn.execute(_UPDATE, {**params, "b_expected": expected})).rowcount:
                    refused.append(key)
                    continue
                written.append((item, params["b_etag"]))
        for item, etag in written:
            _set_etag(item, etag)
        if refused:
            raise StorageConflictError(f"eTag conflict writing {refused[0]!r}")

    async def delete(self, keys: list[str]) -> None:
        if not keys:
            return
        async with self.db.transaction() as conn:
            await conn.execute(_DELETE, {"keys": list(keys)})



def _etag_of(item) -> str | None:
    if isinstance(item, dict):
        return item.get("e_tag")
    return getattr(item, "e_tag", None)


def _set_etag(item, etag: str) -> None:
    if isinstance(item, dict):
        item["e_tag"] = etag
    elif hasattr(item, "e_tag"):
        item.e_tag = etag


def _without_etag(item):
    if isinstance(item, dict) and "e_tag" in item:
        return {k: v for k, v in item.items() if k != "e_tag"}
    return item


class Deliveries:
    """Claims on message activities, so that one delivered twice is handled once. A claim still
    "started" after STALE belongs to an instance that died mid-turn and may be taken over; a
    failed turn gives its claim back. Claims are kept for a day."""

    STALE = timedelta(seconds=60)  # longer than any turn
    KEEP = timedelta(days=1)

    def __init__(self, db: Database):
        self.db = db
        self._claims = 0

    async def claim(self, key: str) -> bool:
        now = datetime.now(UTC)
        try:
            async with self.db.transaction() as conn:
                await conn.execute(seen_activities.insert().values(key=key, state="started", at=now))
                self._claims += 1
                if self._claims % 200 == 0:
                    await conn.execute(seen_activities.delete().where(seen_activities.c.at < now - self.KEEP))
            return True
        except sa.exc.IntegrityError:  # taken already: by a live turn, a finished one, or a dead instance
            stale = (seen_activities.c.key == key) & (seen_activities.c.state == "started") & \
                (seen_activities.c.at < now - self.STALE)
            async with self.db.transaction() as conn:
                return (await conn.execute(seen_activities.update().where(stale).values(at=now))).rowcount == 1

    async def settle(self, key: str, done: bool) -> None:
        """The turn is done (the claim stays), or failed (the claim is given back for a retry)."""
        mine = seen_activities.c.key == key
        async with self.db.transaction() as conn:
            await conn.execute(seen_activities.update().where(mine).values(state="done", at=datetime.now(UTC))
                               if done else seen_activities.delete().where(mine))
