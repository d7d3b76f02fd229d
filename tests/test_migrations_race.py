"""Several instances starting at once on one database apply each migration exactly once."""
import asyncio

import sqlalchemy as sa

from app import create_app
from bot import appkeys
from bot.settings import Settings
from store import Database
from store.migrations import schema_migrations


async def test_engines_starting_together_apply_each_migration_once(database_url, tmp_path):
    migrations = create_app(Settings.from_env({"DATA_DIR": str(tmp_path)}))[appkeys.SERVICES].db.migrations
    assert len(migrations) >= 4
    engines = [Database(database_url, migrations) for _ in range(4)]
    try:
        await asyncio.gather(*(db.start() for db in engines))
        async with engines[0].transaction() as conn:
            rows = (await conn.execute(sa.select(schema_migrations.c.component, schema_migrations.c.version))).all()
        assert sorted(rows) == sorted((m.component, m.version) for m in migrations)
    finally:
        for db in engines:
            await db.close()
