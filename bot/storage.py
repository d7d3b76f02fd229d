"""A botbuilder `Storage` on the shared database, honouring eTags (optimistic concurrency)."""
from __future__ import annotations

import asyncio
import logging
import sqlite3
import uuid
from typing import Callable, Dict, List, Optional

import jsonpickle
import sqlalchemy as sa
from botbuilder.core import Storage

from store import Database, DatabaseError
from store.upsert import upsert
from store.migrations import Migration, create_tables, metadata

log = logging.getLogger(__name__)

bot_state = sa.Table(
    "bot_state",
    metadata,
    sa.Column("key", sa.String(512), primary_key=True),
    sa.Column("etag", sa.String(64), nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now(),
              onupdate=sa.func.now()),
)

MIGRATIONS = [Migration("bot_state", 1, "bot conversation and user state", create_tables(bot_state))]

# Built once: every turn reads state, and a prebuilt statement skips SQLAlchemy's per-call construction.
_READ = (sa.select(bot_state.c.key, bot_state.c.etag, bot_state.c.data)
         .where(bot_state.c.key.in_(sa.bindparam("keys", expanding=True))))


class StorageConflictError(Exception):
    """A write carried an eTag that no longer matches what is stored."""


def _etag_of(item) -> str | None:
    if isinstance(item, dict):
        return item.get("e_tag")
    return getattr(item, "e_tag", None)


def _set_etag(item, etag: str) -> None:
    if isinstance(item, dict):
        item["e_tag"] = etag
    elif hasattr(item, "e_tag"):
        item.e_tag = etag


class SqlStorage(Storage):
    """Stores each key as JSON (jsonpickle, so dialog state round-trips) with an eTag."""

    def __init__(self, db: Database):
        self.db = db
        self._reader: Optional[sqlite3.Connection] = None
        self._writer: Optional[sqlite3.Connection] = None
        self._queue: list = []
        self._write_lock = asyncio.Lock()
        self._trace: Optional[Callable[[str], None]] = None

    async def read(self, keys: List[str]) -> Dict[str, object]:
        if not keys:
            return {}
        path = self._sqlite_file()
        if path:
            rows = self._read_sqlite(path, list(keys))
        else:
            async with self.db.transaction() as conn:
                rows = (await conn.execute(_READ, {"keys": list(keys)})).all()
        found = {}
        for key, etag, data in rows:
            item = jsonpickle.decode(data)
            _set_etag(item, etag)
            found[key] = item
        return found

    async def write(self, changes: Dict[str, object]) -> None:
        if changes is None:
            raise ValueError("changes are required when writing")
        if not changes:
            return
        prepared = []
        for key, item in changes.items():
            expected = _etag_of(item)
            if expected == "":
                raise StorageConflictError(f"write to {key!r} has an empty eTag")
            prepared.append((key, item, expected, jsonpickle.encode(_without_etag(item))))
        if len(prepared) == 1:
            await self._write_grouped(prepared[0])
            return
        async with self.db.transaction() as conn:
            etags = [await self._write_one(conn, key, expected, data) for key, _, expected, data in prepared]
        for (_, item, _, _), etag in zip(prepared, etags):
            _set_etag(item, etag)

    async def _write_grouped(self, prepared: tuple) -> None:
        """Group commit: whoever holds the lock writes every single-key write queued so far in one
        transaction (one fsync); an eTag conflict fails only its own write."""
        done = asyncio.get_running_loop().create_future()
        self._queue.append((prepared, done))
        async with self._write_lock:
            if not done.done():
                jobs, self._queue = self._queue, []
                await self._commit(jobs)
        await done

    async def _commit(self, jobs: list) -> None:
        outcomes: list = []
        path = self._sqlite_file()
        try:
            if path:
                outcomes = await asyncio.to_thread(self._commit_sqlite, path, [job[0] for job in jobs])
            else:
                async with self.db.transaction() as conn:
                    for (key, _, expected, data), _ in jobs:
                        try:
                            outcomes.append(await self._write_one(conn, key, expected, data))
                        except StorageConflictError as exc:
                            outcomes.append(exc)
        except sqlite3.Error as exc:
            self._close_writer()
            error = DatabaseError(f"database unavailable: {type(exc).__name__}")
            error.__cause__ = exc
            outcomes = [error] * len(jobs)
        except Exception as exc:  # noqa: BLE001 - every write in the batch failed with it
            outcomes = [exc] * len(jobs)
        for ((_, item, _, _), done), outcome in zip(jobs, outcomes):
            if isinstance(outcome, BaseException):
                done.set_exception(outcome)
            else:
                _set_etag(item, outcome)
                done.set_result(None)

    def _commit_sqlite(self, path: str, batch: list) -> list:
        """In a worker thread: the batch in one SQLite transaction on a connection of its own.

        The same statements as the engine path, in one hand-off to a thread instead of one per
        statement: each hand-off waits for a turn of a busy event loop."""
        if self._writer is None:
            self._writer = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
            for pragma in ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=10000"):
                self._writer.execute(f"PRAGMA {pragma}")
            if self._trace is not None:
                self._writer.set_trace_callback(self._trace)
        conn = self._writer
        outcomes: list = []
        conn.execute("BEGIN IMMEDIATE")
        try:
            for key, _, expected, data in batch:
                new_etag = uuid.uuid4().hex
                if expected not in (None, "*"):
                    updated = conn.execute("UPDATE bot_state SET etag = ?, data = ?, updated_at = CURRENT_TIMESTAMP "
                                           "WHERE key = ? AND etag = ?", (new_etag, data, key, expected)).rowcount
                    if updated:
                        outcomes.append(new_etag)
                        continue
                    if conn.execute("SELECT count(*) FROM bot_state WHERE key = ?", (key,)).fetchone()[0]:
                        outcomes.append(StorageConflictError(f"eTag conflict writing {key!r}"))
                        continue
                conn.execute("INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP) "
                             "ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, "
                             "updated_at = excluded.updated_at", (key, new_etag, data))
                outcomes.append(new_etag)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return outcomes

    def _close_writer(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    async def _write_one(self, conn, key: str, expected: Optional[str], data: str) -> str:
        """Write one key inside a transaction; return its new eTag."""
        new_etag = uuid.uuid4().hex
        if expected in (None, "*"):
            await self._upsert(conn, key, new_etag, data)
            return new_etag
        result = await conn.execute(bot_state.update()
                                    .where(bot_state.c.key == key, bot_state.c.etag == expected)
                                    .values(etag=new_etag, data=data))
        if result.rowcount == 0:
            exists = await conn.scalar(sa.select(sa.func.count()).where(bot_state.c.key == key))
            if exists:
                raise StorageConflictError(f"eTag conflict writing {key!r}")
            await self._upsert(conn, key, new_etag, data)
        return new_etag

    def _sqlite_file(self) -> Optional[str]:
        if self.db.dialect != "sqlite":
            return None
        database = self.db.engine.url.database
        return database if database and database != ":memory:" and not database.startswith("file:") else None

    def _read_sqlite(self, path: str, keys: list[str]) -> list[tuple]:
        """Read on the event loop through a read-only sqlite3 connection.

        Every turn reads its state. On SQLite in WAL mode (store.Database) readers never wait for
        the writer, and a primary-key read takes about 10 microseconds, while the same read through
        the async engine costs about a millisecond of CPU in hand-offs to aiosqlite's thread.
        Writes still go through the engine. Each SELECT sees everything committed before it.
        """
        try:
            if self._reader is None:
                self._reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0,
                                               isolation_level=None)
                if self._trace is not None:
                    self._reader.set_trace_callback(self._trace)
            marks = ",".join("?" * len(keys))
            return self._reader.execute(f"SELECT key, etag, data FROM bot_state WHERE key IN ({marks})",
                                        keys).fetchall()
        except sqlite3.Error as exc:
            self.close()
            raise DatabaseError(f"database unavailable: {type(exc).__name__}") from exc

    def trace(self, callback: Callable[[str], None]) -> None:
        """Call `callback(sql)` for each statement the SQLite read and write connections run
        (diagnostics; writes call it from a worker thread)."""
        self._trace = callback
        for conn in (self._reader, self._writer):
            if conn is not None:
                conn.set_trace_callback(callback)

    def close(self) -> None:
        """Close the SQLite connections (the engine is closed by store.Database)."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self._close_writer()

    async def delete(self, keys: List[str]) -> None:
        if not keys:
            return
        async with self.db.transaction() as conn:
            await conn.execute(bot_state.delete().where(bot_state.c.key.in_(list(keys))))

    async def _upsert(self, conn, key: str, etag: str, data: str) -> None:
        await conn.execute(upsert(self.db.dialect, bot_state, {"key": key, "etag": etag, "data": data}, ["key"],
                                  {"etag": etag, "data": data, "updated_at": sa.func.now()}))


def _without_etag(item):
    if isinstance(item, dict) and "e_tag" in item:
        return {k: v for k, v in item.items() if k != "e_tag"}
    return item
