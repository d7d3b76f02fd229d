"""A botbuilder `Storage` on the shared database, honouring eTags (optimistic concurrency)."""
from __future__ import annotations

import asyncio
import logging
import queue
import sqlite3
import threading
import time
import uuid
from contextvars import ContextVar
from typing import Callable

import jsonpickle
import sqlalchemy as sa
from botbuilder.core import Storage
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

from store import Database, DatabaseError
from store.migrations import Migration, create_tables, metadata
from store.upsert import insert_ignore, upsert

from .decoded import DecodedCache

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


# Called (with no arguments) when a write cannot commit at once and is about to wait, for the
# writer thread or a database server: a turn sets it to send its replies meanwhile (bot/turn.py).
while_waiting: ContextVar[Callable[[], None] | None] = ContextVar("while_waiting", default=None)


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


def _statements(dialect: str) -> dict:
    """The three writes, with bound parameters, built once per dialect."""
    # (SQLAlchemy reserves the column names for its own parameters.)
    key, etag, data = sa.bindparam("b_key"), sa.bindparam("b_etag"), sa.bindparam("b_data")
    return {
        # "*": write whatever is there.
        "overwrite": upsert(dialect, bot_state, {"key": key, "etag": etag, "data": data}, ["key"],
                            {"etag": etag, "data": data, "updated_at": sa.func.now()}),
        # The eTag read is still the stored one.
        "update": bot_state.update().where(bot_state.c.key == key, bot_state.c.etag == sa.bindparam("b_expected"))
                  .values(etag=etag, data=data),
        # Absent when read, and nobody has created it since.
        "create": insert_ignore(dialect, bot_state, {"key": key, "etag": etag, "data": data}, ["key"]),
    }


_STATEMENTS = {dialect: _statements(dialect) for dialect in ("sqlite", "postgresql")}
# The same statements as SQLite text with named parameters, for the writer thread's own connection.
_SQLITE_TEXT = {name: str(stmt.compile(dialect=sqlite_dialect(paramstyle="named")))
                for name, stmt in _STATEMENTS["sqlite"].items()}


def _write_batch(run: Callable[[str, dict], int], batch: list) -> list:
    """Write each (key, item, expected eTag, data) in one transaction, `run(statement name,
    parameters)` returning the rows changed; return each new eTag, or the StorageConflictError for
    a write whose eTag is stale (only that write fails).

    "*" overwrites. No eTag means the state was absent when read: it is created only if nobody
    has created it since (another instance taking a simultaneous first turn of the same
    conversation), otherwise that is a conflict too, never a silent overwrite."""
    outcomes: list = []
    for key, _, expected, data in batch:
        new_etag = uuid.uuid4().hex
        params = {"b_key": key, "b_etag": new_etag, "b_data": data}
        if expected == "*":
            run("overwrite", params)
            outcomes.append(new_etag)
            continue
        if expected is not None and run("update", {**params, "b_expected": expected}):
            outcomes.append(new_etag)
            continue
        created = run("create", params)
        outcomes.append(new_etag if created else StorageConflictError(f"eTag conflict writing {key!r}"))
    return outcomes


def _engine_batch(conn: sa.Connection, dialect: str, batch: list) -> list:
    """`_write_batch` through SQLAlchemy (the async engine's connection, in `run_sync`)."""
    statements = _STATEMENTS[dialect]
    return _write_batch(lambda name, params: conn.execute(statements[name], params).rowcount, batch)


class SqlStorage(Storage):
    """Stores each key as JSON (jsonpickle, so dialog state round-trips) with an eTag.

    The statements are the same on every engine. On a SQLite file, reads run on the event loop
    through a read-only connection (about 10 µs, where a hop to aiosqlite's thread costs about a
    millisecond of CPU on a busy loop). A write commits on the event loop too, through a write
    connection of its own, when the write lock is free that instant (`_commit_now`: BEGIN
    IMMEDIATE that never waits; the commit, fsync included, costs the loop about 0.3-0.6 ms). When
    the lock is taken (a transaction of the shared engine, or of another instance), or while
    commits are slow, the write goes to one writer thread of this storage's own, which waits for
    the lock, commits every write waiting for it in one transaction (one fsync) and goes straight
    on to the writes that arrived meanwhile. Elsewhere writes that arrive together are committed
    in one transaction through the async engine."""

    # The loop's write connection does not copy the WAL back into the database file itself (a
    # checkpoint can take several milliseconds): after this many of its commits the writer
    # thread does it, beside the loop.
    CHECKPOINT_EVERY = 200
    # A commit on the loop holds up every turn while it lasts, so it is done there only while
    # commits are quick (a local disk: 0.3-0.6 ms). Once they average more than this (a slow or
    # network disk), writes go to the writer thread, which shares one fsync among every write
    # waiting; the loop tries again after this many of them.
    SLOW_COMMIT_SECONDS = 0.002
    WRITES_BEFORE_RETRY = 64

    def __init__(self, db: Database):
        self.db = db
        self._reader: sqlite3.Connection | None = None
        self._writer: sqlite3.Connection | None = None
        self._now: sqlite3.Connection | None = None  # the event loop's write connection
        self._commits_since_checkpoint = 0
        self._commit_seconds = 0.0  # moving average of the loop's commits
        self._writes_to_thread = 0  # while commits are slow: writes left before the loop tries again
        self._queue: list = []
        self._write_lock = asyncio.Lock()
        self._trace: Callable[[str], None] | None = None
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._decoded = DecodedCache()

    async def read(self, keys: list[str]) -> dict[str, object]:
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
            item = self._decoded.get(key, data)
            _set_etag(item, etag)
            found[key] = item
        return found

    async def write(self, changes: dict[str, object]) -> None:
        if changes is None:
            raise ValueError("changes are required when writing")
        if not changes:
            return
        prepared, written = [], []
        for key, item in changes.items():
            expected = _etag_of(item)
            if expected == "":
                raise StorageConflictError(f"write to {key!r} has an empty eTag")
            value = _without_etag(item)
            text = jsonpickle.encode(value)
            prepared.append((key, item, expected, text))
            written.append((key, text, self._decoded.snapshot(value)))
        path = self._sqlite_file()
        outcomes = self._commit_now(path, prepared) if path else None
        if outcomes is None:
            meanwhile = while_waiting.get()
            if meanwhile is not None:
                meanwhile()
            if path:
                outcomes = await self._write_in_thread(path, prepared)
            elif len(prepared) == 1:
                await self._write_grouped(prepared[0])
                self._decoded.prime(*written[0])
                return
            else:
                outcomes = await self._commit_batch(prepared)
        for (key, text, snapshot), outcome in zip(written, outcomes):
            if not isinstance(outcome, BaseException):
                self._decoded.prime(key, text, snapshot)
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                raise outcome  # the transaction committed the others; the caller retries this one
        for (_, item, _, _), etag in zip(prepared, outcomes):
            _set_etag(item, etag)

    async def _write_grouped(self, prepared: tuple) -> None:
        """Group commit through the async engine: whoever holds the lock writes every single-key
        write queued so far in one transaction; an eTag conflict fails only its own write."""
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

    async def _write_in_thread(self, path: str, prepared: list) -> list:
        """Give the writes to the writer thread; return each one's new eTag or exception."""
        done = asyncio.get_running_loop().create_future()
        self._give_writer(path, (prepared, done))
        return await done

    def _commit_now(self, path: str, batch: list) -> list | None:
        """On the event loop: the batch in one transaction on the loop's write connection, if the
        write lock can be had without waiting; else None, and nothing was written (the writer
        thread, which can wait, takes it). None too while commits are slow (see
        SLOW_COMMIT_SECONDS).

        Waiting for the lock here would stop every turn, and could never end: a transaction of
        the shared engine holding it finishes only when the loop runs. The commit itself (fsync,
        synchronous=FULL) is on disk before this returns."""
        if self._writes_to_thread:
            self._writes_to_thread -= 1
            return None
        started = time.perf_counter()
        try:
            conn = self._now or self._open_now(path)
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            if not _busy(exc):
                self._drop_now()  # reopened next time; the writer thread reports the failure
            return None
        try:
            outcomes = _commit_begun(conn, batch)
        except sqlite3.OperationalError as exc:
            if _busy(exc):
                return None  # rolled back
            self._drop_now()
            return [DatabaseError(f"database unavailable: {type(exc).__name__}")] * len(batch)
        self._commit_seconds += (time.perf_counter() - started - self._commit_seconds) / 5
        if self._commit_seconds > self.SLOW_COMMIT_SECONDS:
            self._writes_to_thread = self.WRITES_BEFORE_RETRY
        self._commits_since_checkpoint += 1
        if self._commits_since_checkpoint >= self.CHECKPOINT_EVERY:
            self._commits_since_checkpoint = 0
            self._give_writer(path, _CHECKPOINT)
        return outcomes

    def _open_now(self, path: str) -> sqlite3.Connection:
        conn = sqlite3.connect(path, timeout=0, isolation_level=None, check_same_thread=False)
        try:
            for pragma in ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=0", "wal_autocheckpoint=0"):
                conn.execute(f"PRAGMA {pragma}")
        except sqlite3.Error:
            conn.close()
            raise
        if self._trace is not None:
            conn.set_trace_callback(self._trace)
        self._now = conn
        return conn

    def _drop_now(self) -> None:
        if self._now is not None:
            self._now.close()
            self._now = None

    def _give_writer(self, path: str, job) -> None:
        """Queue a job for the writer thread, starting it if it is not running."""
        self._jobs.put(job)
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._writer_loop, args=(path,), name="state-writer",
                                            daemon=True)
            self._thread.start()

    def _writer_loop(self, path: str) -> None:
        """The writer thread: take every waiting job, commit them in one transaction, report each
        job's outcomes back to its loop; checkpoint when asked; until `close` sends None."""
        while True:
            jobs = [self._jobs.get()]
            while jobs[-1] is not None:
                try:
                    jobs.append(self._jobs.get_nowait())
                except queue.Empty:
                    break
            stop = jobs[-1] is None
            checkpoint = _CHECKPOINT in jobs
            jobs = [job for job in jobs if job is not None and job is not _CHECKPOINT]
            if jobs:
                batch = [write for prepared, _ in jobs for write in prepared]
                try:
                    outcomes = self._commit_sqlite(path, batch)
                except sqlite3.OperationalError as exc:
                    outcomes = [DatabaseError(f"database unavailable: {type(exc).__name__}")] * len(batch)
                except Exception as exc:  # noqa: BLE001 - every write in the batch failed with it
                    outcomes = [exc] * len(batch)
                start = 0
                for prepared, done in jobs:
                    _settle_soon(done, outcomes[start:start + len(prepared)])
                    start += len(prepared)
            if checkpoint:
                self._checkpoint(path)
            if stop:
                return

    def _checkpoint(self, path: str) -> None:
        """In the writer thread: copy what the WAL holds back into the database file, without
        waiting for (or holding up) readers and writers."""
        try:
            self._writer_connection(path).execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error as exc:
            log.warning("WAL checkpoint failed: %s", type(exc).__name__)

    async def _commit_batch(self, batch: list) -> list:
        """The writes in one transaction through the async engine (PostgreSQL, in-memory SQLite)."""
        async with self.db.transaction() as conn:
            return await conn.run_sync(_engine_batch, self.db.dialect, batch)

    def _commit_sqlite(self, path: str, batch: list) -> list:
        """In the writer thread: the batch in one SQLite transaction (BEGIN IMMEDIATE, waiting up
        to 10 s for the write lock) on its own sqlite3 connection."""
        writer = self._writer_connection(path)
        writer.execute("BEGIN IMMEDIATE")  # take the write lock first
        return _commit_begun(writer, batch)

    def _writer_connection(self, path: str) -> sqlite3.Connection:
        if self._writer is None:
            self._writer = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
            for pragma in ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=10000"):
                self._writer.execute(f"PRAGMA {pragma}")
            if self._trace is not None:
                self._writer.set_trace_callback(self._trace)
        return self._writer

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

    def _sqlite_file(self) -> str | None:
        if self.db.dialect != "sqlite":
            return None
        database = self.db.engine.url.database
        return database if database and database != ":memory:" and not database.startswith("file:") else None

    def trace(self, callback: Callable[[str], None]) -> None:
        """Call `callback(sql)` for each statement the SQLite read and write connections run, and
        "COMMIT" for each commit (diagnostics; writes call it from a worker thread)."""
        self._trace = callback
        for conn in (self._reader, self._writer, self._now):
            if conn is not None:
                conn.set_trace_callback(callback)

    def close(self) -> None:
        """Stop the writer thread once the writes given to it are done, and close the SQLite
        fast-path connections (the shared engine is closed by store.Database)."""
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join()
            self._thread = None
        if self._reader is not None:
            self._reader.close()
        if self._writer is not None:
            self._writer.close()
        self._drop_now()
        self._reader = self._writer = None

    async def delete(self, keys: list[str]) -> None:
        if not keys:
            return
        async with self.db.transaction() as conn:
            await conn.execute(bot_state.delete().where(bot_state.c.key.in_(list(keys))))


# A writer-thread job: checkpoint the WAL (the loop's write connection never does).
_CHECKPOINT = object()


def _commit_begun(conn: sqlite3.Connection, batch: list) -> list:
    """The batch in the transaction `conn` has begun (BEGIN IMMEDIATE), committed; rolled back
    when anything fails. The statements are SQLAlchemy's, compiled once."""
    try:
        outcomes = _write_batch(lambda name, params: conn.execute(_SQLITE_TEXT[name], params).rowcount, batch)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return outcomes


def _busy(exc: sqlite3.Error) -> bool:
    """SQLite refused because another connection holds a lock (SQLITE_BUSY, any extended code)."""
    return (getattr(exc, "sqlite_errorcode", 0) & 0xFF) == sqlite3.SQLITE_BUSY


def _settle_soon(done: asyncio.Future, outcomes: list) -> None:
    """From the writer thread: hand a job's outcomes (new eTags or exceptions) to its event loop."""
    def settle():
        if not done.done():  # else the waiting turn was cancelled; the write happened or failed anyway
            done.set_result(outcomes)
    try:
        done.get_loop().call_soon_threadsafe(settle)
    except RuntimeError:
        pass  # that loop has closed: nobody is waiting any more


def _without_etag(item):
    if isinstance(item, dict) and "e_tag" in item:
        return {k: v for k, v in item.items() if k != "e_tag"}
    return item
