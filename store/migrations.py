"""Versioned schema migrations, per component, applied at start-up on both engines."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

metadata = sa.MetaData()

schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("component", sa.String(64), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("description", sa.String(200), nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
)


@dataclass(frozen=True)
class Migration:
    """One step of one component's schema. `apply` runs inside a transaction."""

    component: str
    version: int
    description: str
    apply: Callable[[Connection], None]


def create_tables(*tables: sa.Table) -> Callable[[Connection], None]:
    """A migration step that creates the given tables (and their indexes)."""

    def apply(conn: Connection) -> None:
        for table in tables:
            table.create(conn, checkfirst=True)

    return apply


def widen_to_text(table: sa.Table, *columns: str) -> Callable[[Connection], None]:
    """A migration step that lifts the length limit of `columns` (declared `sa.Text` in `table`).

    On PostgreSQL, varchar to text changes no stored byte, so the table and its indexes are not
    rewritten. SQLite never enforces a declared length: there is nothing to change there."""

    def apply(conn: Connection) -> None:
        if conn.dialect.name != "postgresql":
            return
        quote = conn.dialect.identifier_preparer.quote
        changes = ", ".join(f"ALTER COLUMN {quote(column)} TYPE TEXT" for column in columns)
        conn.exec_driver_sql(f"ALTER TABLE {quote(table.name)} {changes}")

    return apply


def in_order(*steps: Callable[[Connection], None]) -> Callable[[Connection], None]:
    """A migration step that runs `steps` one after the other."""

    def apply(conn: Connection) -> None:
        for step in steps:
            step(conn)

    return apply


def pending(applied: set[tuple[str, int]], migrations: Iterable[Migration]) -> list[Migration]:
    """The migrations not yet applied, in component then version order; checks numbering."""
    seen: set[tuple[str, int]] = set()
    for m in migrations:
        key = (m.component, m.version)
        if key in seen:
            raise ValueError(f"migration {m.component} v{m.version} is defined twice")
        seen.add(key)
    ordered = sorted((m for m in migrations), key=lambda m: (m.component, m.version))
    return [m for m in ordered if (m.component, m.version) not in applied]


def run_migrations(conn: Connection, migrations: Iterable[Migration]) -> list[str]:
    """Apply what is pending on a sync connection; return the descriptions applied."""
    if conn.dialect.name == "postgresql":
        # One instance migrates at a time; others wait here, then find nothing pending.
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(727274)"))
    elif conn.dialect.name == "sqlite":
        # The driver opens no transaction before DDL, so take SQLite's write lock first: other
        # processes on the same file wait (busy_timeout) and then find nothing pending.
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    schema_migrations.create(conn, checkfirst=True)
    applied = {(r.component, r.version) for r in conn.execute(sa.select(schema_migrations))}
    done = []
    for m in pending(applied, migrations):
        m.apply(conn)
        conn.execute(schema_migrations.insert().values(component=m.component, version=m.version, description=m.description))
        done.append(f"{m.component} v{m.version}: {m.description}")
    return done


def add_columns(table: sa.Table, *columns: str) -> Callable[[Connection], None]:
    """A migration step that adds `columns` (as declared in `table`) where they are missing: a
    database made after the declaration already has them (create_tables)."""

    def apply(conn: Connection) -> None:
        have = {column["name"] for column in sa.inspect(conn).get_columns(table.name)}
        quote = conn.dialect.identifier_preparer.quote
        for name in columns:
            if name in have:
                continue
            column = table.c[name]
            kind = column.type.compile(dialect=conn.dialect)
            default = f" DEFAULT {column.server_default.arg.text}" if column.server_default is not None else ""
            null = "" if column.nullable else " NOT NULL"
            conn.exec_driver_sql(f"ALTER TABLE {quote(table.name)} ADD COLUMN {quote(name)} {kind}{default}{null}")

    return apply
