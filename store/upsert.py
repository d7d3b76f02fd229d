"""INSERT ... ON CONFLICT for both engines."""
from __future__ import annotations

import sqlalchemy as sa


def _insert(dialect: str, table: sa.Table):
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


def upsert(dialect: str, table: sa.Table, values: dict, keys: list[str], update: dict | None = None):
    """A statement inserting `values`, or updating `update` (default: all non-key values)."""
    changes = update if update is not None else {k: v for k, v in values.items() if k not in keys}
    return _insert(dialect, table).values(**values).on_conflict_do_update(
        index_elements=[table.c[k] for k in keys], set_=changes)


def insert_ignore(dialect: str, table: sa.Table, rows: dict | list[dict], keys: list[str]):
    """INSERT ... ON CONFLICT DO NOTHING: a row (or rows) whose keys already exist is left alone."""
    return _insert(dialect, table).values(rows).on_conflict_do_nothing(index_elements=[table.c[k] for k in keys])
