"""Workers in several instances (separate engines on one database) claim outbox rows at once:
each delivery is leased to exactly one of them; on PostgreSQL a locked row is skipped, not waited for."""
import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from safeguarding.contacts import load_contacts
from safeguarding.crypto import Cipher, generate_key, parse_key
from safeguarding.outbox import Outbox
from safeguarding.routing import route
from safeguarding.store import ReportStore, Submission
from safeguarding.tables import MIGRATIONS, outbox
from store import Database
from tests.safeguarding.helpers import Clock

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "contacts.example.yaml"


@pytest.fixture
async def engines(database_url):
    """Four engines on one database, as four instances would have."""
    from bot import people, storage

    started = [Database(database_url, storage.MIGRATIONS + people.MIGRATIONS + MIGRATIONS) for _ in range(4)]
    for db in started:
        await db.start()
    yield started
    for db in started:
        await db.close()


async def store_reports(db, clock, count: int) -> int:
    directory = load_contacts(EXAMPLE)
    store = ReportStore(db, Cipher(parse_key(generate_key())), clock, timedelta(minutes=15))
    for i in range(count):
        sub = Submission(f"s{i}", "msteams:29:rep", "oakfield", "child", "Online safety", {"what": "x"})
        await store.submit(sub, route(directory, directory.school("oakfield"), "child"), ("teams", "email"))
    async with db.transaction() as conn:
        return await conn.scalar(sa.select(sa.func.count()).select_from(outbox))


async def test_concurrent_workers_lease_each_delivery_once(engines):
    clock = Clock()
    total = await store_reports(engines[0], clock, 6)
    assert total >= 12
    workers = [Outbox(db, clock, f"w{i}") for i, db in enumerate(engines)]

    async def drain(worker):
        taken = []
        while batch := await worker.claim(limit=3):
            taken.extend(d.id for d in batch)
        return taken

    claimed = await asyncio.gather(*(drain(w) for w in workers))
    every = [i for ids in claimed for i in ids]
    assert sorted(every) == sorted(set(every)) and len(every) == total


async def test_a_row_locked_by_another_worker_is_skipped_not_waited_for(engines, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("row locks are PostgreSQL's; SQLite has one writer")
    clock = Clock()
    total = await store_reports(engines[0], clock, 1)
    async with engines[1].transaction() as conn:
        first = await conn.scalar(sa.select(outbox.c.id).order_by(outbox.c.id).limit(1).with_for_update())
        # Another instance is mid-claim and holds `first`: this claim takes the others at once.
        claimed = await asyncio.wait_for(Outbox(engines[2], clock, "w2").claim(), 5)
        assert first not in [d.id for d in claimed] and len(claimed) == total - 1
