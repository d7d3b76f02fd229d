"""The one database engine every feature shares."""
from __future__ import annotations

import logging
import time
from contextlib import asynccontextmanager
from typing import AsyncIterator, Iterable
from urllib.parse import parse_qsl, urlencode

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from .migrations import Migration, run_migrations

log = logging.getLogger(__name__)


class DatabaseError(RuntimeError):
    """The database could not be reached or written; callers tell the user to retry."""


class Database:
    """An async engine on SQLite (WAL, synchronous FULL) or PostgreSQL, with migrations."""

    def __init__(self, url: str, migrations: Iterable[Migration] = ()):
        self.url = url
        self.migrations = list(migrations)
        self._engine: AsyncEngine | None = None

    @property
    def engine(self) -> AsyncEngine:
        if self._engine is None:
            raise DatabaseError("database is not started")
        return self._engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    async def start(self) -> None:
        """Open the engine and apply pending migrations."""
        if self.url.startswith("sqlite"):
            # One connection: SQLite has one writer anyway, and a single connection avoids
            # "database is locked" between our own connections.
            engine = create_async_engine(self.url, pool_size=1, max_overflow=0, pool_timeout=30)
            event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        else:
            # A turn must fail fast enough to say "try again" inside the channel's own timeout.
            connect_args = {} if "timeout" in sa.engine.make_url(self.url).query else {"timeout": 10}
            engine = create_async_engine(self.url, pool_size=10, max_overflow=10, pool_pre_ping=True,
                                         pool_timeout=10, connect_args=connect_args)
        self._engine = engine
        async with engine.begin() as conn:
            applied = await conn.run_sync(run_migrations, self.migrations)
        for line in applied:
            log.info("migration applied: %s", line)

    async def close(self) -> None:
        if self._engine is not None:
            await self._engine.dispose()
            self._engine = None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        """A connection inside a transaction, committed on success, rolled back on error."""
        async with _translated(), self.engine.begin() as conn:
            yield conn

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncConnection]:
        """A connection to read with: nothing to commit, so its transaction is rolled back."""
        async with _translated(), self.engine.connect() as conn:
            yield conn

    async def healthy(self) -> bool:
        """True when a trivial query succeeds."""
        try:
            async with self.engine.connect() as conn:
                await conn.execute(sa.text("SELECT 1"))
            return True
        except Exception:
            log.warning("database health check failed", exc_info=True)
            return False


@asynccontextmanager
async def _translated() -> AsyncIterator[None]:
    """A lost or refused connection becomes DatabaseError; an error in a statement stays itself."""
    try:
        yield
    except (sa.exc.DBAPIError, OSError) as exc:
        if not unavailable(exc):
            raise
        raise DatabaseError(f"database unavailable: {type(exc).__name__}") from exc


def unavailable(exc: BaseException) -> bool:
    """True for a lost or refused connection (retry later), false for an error in the statement."""
    if isinstance(exc, (OSError, sa.exc.OperationalError, sa.exc.InterfaceError)):
        return True
    if isinstance(exc, sa.exc.DBAPIError):
        # SQLSTATE class 08 is a connection exception, 57 an operator intervention (the server is
        # shutting down, starting up, or terminated the session).
        state = str(getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None) or "")
        return exc.connection_invalidated or state[:2] in ("08", "57")
    return False


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=10000")
    # Switching a new file to WAL needs an exclusive lock and may be refused at once ("database is
    # locked") while another process opens the same file; WAL is kept in the file, so retry briefly.
    for attempt in range(50):
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            break
        except Exception as exc:
            if "locked" not in str(exc) or attempt == 49:
                raise
            time.sleep(0.1)
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def async_url(url: str) -> str:
    """A database URL in SQLAlchemy's async form: postgresql:// (or postgres://) becomes
    postgresql+asyncpg:// with libpq's parameters in asyncpg's terms; others are left as they are.
    Raises ValueError for a parameter asyncpg cannot take."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + _asyncpg_query(url[len(prefix):])
    return url


# libpq's connection parameters that asyncpg takes under another name, and the SSL modes both know.
_PG_PARAMETERS = {"sslmode": "ssl", "ssl": "ssl", "connect_timeout": "timeout", "timeout": "timeout",
                  "command_timeout": "command_timeout"}
_SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


def _asyncpg_query(rest: str) -> str:
    """The part after postgresql:// with its query in asyncpg's terms (?sslmode=require -> ?ssl=require)."""
    base, _, query = rest.partition("?")
    if not query:
        return base
    params = []
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name not in _PG_PARAMETERS:
            raise ValueError(f"unsupported parameter {name!r}; supported: {', '.join(sorted(_PG_PARAMETERS))}")
        if _PG_PARAMETERS[name] == "ssl" and value not in _SSL_MODES:
            raise ValueError(f"{name} must be one of {', '.join(_SSL_MODES)}, got {value!r}")
        if _PG_PARAMETERS[name] != "ssl" and not _is_number(value):
            raise ValueError(f"{name} must be a number of seconds, got {value!r}")
        params.append((_PG_PARAMETERS[name], value))
    return base + "?" + urlencode(params)


def _is_number(value: str) -> bool:
    try:
        return float(value) > 0
    except ValueError:
        return False
