"""A botbuilder `Storage` on the shared database, honouring eTags (optimistic concurrency)."""
from __future__ import annotations

import asyncio
import logging
import sqlite3
import uuid
from typing import Callable, Dict, List, Optional

import jsonpickle
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
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
# The one-key form as SQLite text, for the read-only connection on the event loop.
_READ_ONE_SQLITE = str(sa.select(bot_state.c.key, bot_state.c.etag, bot_state.c.data)
                       .where(bot_state.c.key == sa.bindparam("key")).compile(dialect=sqlite_dialect()))


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


def _write_batch(conn: sa.Connection, dialect: str, batch: list) -> list:
    """Write each (key, item, expected eTag, data) in one transaction; return each new eTag, or the
    StorageConflictError for a write whose eTag is stale (only that write fails).

    "*" overwrites. No eTag means the state was absent when read: it is created only if nobody
    has created it since (another instance taking a simultaneous first turn of the same
    conversation), otherwise that is a conflict too, never a silent overwrite."""
    outcomes: list = []
    for key, _, expected, data in batch:
        new_etag = uuid.uuid4().hex
        if expected == "*":
            conn.execute(upsert(dialect, bot_state, {"key": key, "etag": new_etag, "data": data}, ["key"],
                                {"etag": new_etag, "data": data, "updated_at": sa.func.now()}))
            outcomes.append(new_etag)
            continue
        if expected is not None:
            updated = conn.execute(bot_state.update().where(bot_state.c.key == key, bot_state.c.etag == expected)
                                   .values(etag=new_etag, data=data)).rowcount
            if updated:
                outcomes.append(new_etag)
                continue
        created = conn.execute(_insert(dialect).values(key=key, etag=new_etag, data=data)
                               .on_conflict_do_nothing(index_elements=[bot_state.c.key])).rowcount
        outcomes.append(new_etag if created else StorageConflictError(f"eTag conflict writing {key!r}"))
    return outcomes


def _insert(dialect: str):
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(bot_state)


class SqlStorage(Storage):
    """Stores each key as JSON (jsonpickle, so dialog state round-trips) with an eTag.

    The statements are the same on every engine. On a SQLite file, reads run on the event loop
    through a read-only connection (about 10 µs, where a hop to aiosqlite's thread costs about a
    millisecond of CPU on a busy loop), and writes that arrive together are committed in one
    transaction (one fsync) in one hand-off to a worker thread."""

    def __init__(self, db: Database):
        self.db = db
        self._reader: Optional[sqlite3.Connection] = None
        self._writer: Optional[sa.Engine] = None
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
        outcomes = await self._commit_batch(prepared)
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                raise outcome  # the transaction committed the others; the caller retries this one
        for (_, item, _, _), etag in zip(prepared, outcomes):
            _set_etag(item, etag)

    async def _write_grouped(self, prepared: tuple) -> None:
        """Group commit: whoever holds the lock writes every single-key write queued so far in one
        transaction (one fsync); an eTag conflict fails only its own write."""
        done = asyncio.get_running_loop().create_future()
        self._queue.append((prepared, done))
        async with self._write_lock:
            if not done.done():
                jobs, self._queue = self._queue, []
                try:
                    outcomes = await self._commit_batch([job[0] for job in jobs])
                except Exception as exc:  # noqa: BLE001 - every write in the batch failed with it
                    outcomes = [exc] * len(jobs)
                for ((_, item, _, _), job_done), outcome in zip(jobs, outcomes):
                    if isinstance(outcome, BaseException):
                        job_done.set_exception(outcome)
                    else:
                        _set_etag(item, outcome)
                        job_done.set_result(None)
        await done

    async def _commit_batch(self, batch: list) -> list:
        path = self._sqlite_file()
        if not path:
            async with self.db.transaction() as conn:
                return await conn.run_sync(_write_batch, self.db.dialect, batch)
        try:
            return await asyncio.to_thread(self._commit_sqlite, path, batch)
        except sa.exc.OperationalError as exc:
            raise DatabaseError(f"database unavailable: {type(exc.orig).__name__}") from exc

    def _commit_sqlite(self, path: str, batch: list) -> list:
        """In a worker thread: the batch in one SQLite transaction (BEGIN IMMEDIATE)."""
        if self._writer is None:
            self._writer = self._sqlite_engine(f"sqlite:///{path}")
        with self._writer.begin() as conn:
            return _write_batch(conn, "sqlite", batch)

    def _read_sqlite(self, path: str, keys: list[str]) -> list[tuple]:
        """Read on the event loop through a read-only sqlite3 connection (the same SELECT, compiled
        once). In WAL mode (store.Database) readers never wait for the writer, and each SELECT
        sees everything committed before it."""
        try:
            if self._reader is None:
                self._reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0, isolation_level=None,
                                               check_same_thread=False)
                if self._trace is not None:
                    self._reader.set_trace_callback(self._trace)
            return [row for key in keys for row in self._reader.execute(_READ_ONE_SQLITE, (key,)).fetchall()]
        except sqlite3.Error as exc:
            self.close()
            raise DatabaseError(f"database unavailable: {type(exc).__name__}") from exc

    def _sqlite_engine(self, url: str) -> sa.Engine:
        engine = sa.create_engine(url, poolclass=sa.pool.StaticPool,
                                  connect_args={"check_same_thread": False, "timeout": 10.0})

        @event.listens_for(engine, "connect")
        def configure(dbapi_conn, _record):
            dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event issues BEGIN itself
            for pragma in ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=10000"):
                dbapi_conn.execute(f"PRAGMA {pragma}")

        @event.listens_for(engine, "begin")
        def begin(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # take the write lock first

        if self._trace is not None:
            self._watch(engine)
        return engine

    def _watch(self, engine: sa.Engine) -> None:
        trace = self._trace
        event.listen(engine, "before_cursor_execute", lambda *args: trace(args[2]))
        event.listen(engine, "commit", lambda conn: trace("COMMIT"))

    def _sqlite_file(self) -> Optional[str]:
        if self.db.dialect != "sqlite":
            return None
        database = self.db.engine.url.database
        return database if database and database != ":memory:" and not database.startswith("file:") else None

    def trace(self, callback: Callable[[str], None]) -> None:
        """Call `callback(sql)` for each statement the SQLite read and write connections run, and
        "COMMIT" for each commit (diagnostics; writes call it from a worker thread)."""
        self._trace = callback
        if self._reader is not None:
            self._reader.set_trace_callback(callback)
        if self._writer is not None:
            self._watch(self._writer)

    def close(self) -> None:
        """Close the SQLite fast-path engines (the shared engine is closed by store.Database)."""
        if self._reader is not None:
            self._reader.close()
        if self._writer is not None:
            self._writer.dispose()
        self._reader = self._writer = None

    async def delete(self, keys: List[str]) -> None:
        if not keys:
            return
        async with self.db.transaction() as conn:
            await conn.execute(bot_state.delete().where(bot_state.c.key.in_(list(keys))))


def _without_etag(item):
    if isinstance(item, dict) and "e_tag" in item:
        return {k: v for k, v in item.items() if k != "e_tag"}
    return item
