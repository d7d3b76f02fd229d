"""INSERT ... ON CONFLICT DO UPDATE for both engines."""
from __future__ import annotations

import sqlalchemy as sa


def upsert(dialect: str, table: sa.Table, values: dict, keys: list[str], update: dict | None = None):
    """A statement inserting `values`, or updating `update` (default: all non-key values)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    changes = update if update is not None else {k: v for k, v in values.items() if k not in keys}
    return insert(table).values(**values).on_conflict_do_update(
        index_elements=[table.c[k] for k in keys], set_=changes)
