"""SqlStorage honours the botbuilder Storage contract, eTags included, and survives a restart."""
import asyncio
import sqlite3
import time
from contextlib import asynccontextmanager

import pytest
from botbuilder.dialogs import DialogInstance, DialogState

from bot.storage import MIGRATIONS, SqlStorage, StorageConflictError, bot_state
from store import Database, DatabaseError


@pytest.fixture
async def db(database_url):
    database = Database(database_url, MIGRATIONS)
    await database.start()
    yield database
    await database.close()


async def test_write_then_read_round_trips_with_an_etag(db):
    storage = SqlStorage(db)
    await storage.write({"k1": {"count": 1}})
    items = await storage.read(["k1", "missing"])
    assert list(items) == ["k1"]
    assert items["k1"]["count"] == 1 and items["k1"]["e_tag"]


async def test_stale_etag_is_refused(db):
    storage = SqlStorage(db)
    await storage.write({"k": {"n": 0}})
    first = (await storage.read(["k"]))["k"]
    second = (await storage.read(["k"]))["k"]
    first["n"] = 1
    await storage.write({"k": first})
    second["n"] = 2
    with pytest.raises(StorageConflictError):
        await storage.write({"k": second})
    assert (await storage.read(["k"]))["k"]["n"] == 1


async def test_star_etag_overwrites(db):
    storage = SqlStorage(db)
    await storage.write({"k": {"n": 0}})
    await storage.write({"k": {"n": 5, "e_tag": "*"}})
    assert (await storage.read(["k"]))["k"]["n"] == 5


async def test_write_updates_the_callers_etag_so_a_second_save_works(db):
    storage = SqlStorage(db)
    await storage.write({"k": {"n": 0}})
    item = (await storage.read(["k"]))["k"]
    item["n"] = 1
    await storage.write({"k": item})
    item["n"] = 2
    await storage.write({"k": item})
    assert (await storage.read(["k"]))["k"]["n"] == 2


async def test_empty_etag_is_an_error(db):
    with pytest.raises(StorageConflictError):
        await SqlStorage(db).write({"k": {"n": 0, "e_tag": ""}})


async def test_delete(db):
    storage = SqlStorage(db)
    await storage.write({"a": {"x": 1}, "b": {"x": 2}})
    await storage.delete(["a"])
    assert list(await storage.read(["a", "b"])) == ["b"]


async def test_dialog_state_objects_round_trip(db):
    storage = SqlStorage(db)
    state = DialogState([DialogInstance(id="quiz", state={"answers": [1, 2], "stepIndex": 3})])
    await storage.write({"conv": {"dialog_state": state}})
    again = (await storage.read(["conv"]))["conv"]["dialog_state"]
    assert isinstance(again, DialogState)
    assert again.dialog_stack[0].id == "quiz" and again.dialog_stack[0].state["answers"] == [1, 2]


async def test_data_survives_closing_and_reopening_the_database(database_url):
    url = database_url
    first = Database(url, MIGRATIONS)
    await first.start()
    await SqlStorage(first).write({"k": {"kept": True}})
    await first.close()
    second = Database(url, MIGRATIONS)
    await second.start()
    assert (await SqlStorage(second).read(["k"]))["k"]["kept"] is True
    await second.close()


async def test_sqlite_is_wal_with_full_sync(tmp_path):
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", MIGRATIONS)
    await db.start()
    async with db.transaction() as conn:
        mode = (await conn.exec_driver_sql("PRAGMA journal_mode")).scalar()
        sync = (await conn.exec_driver_sql("PRAGMA synchronous")).scalar()
    await db.close()
    assert mode == "wal" and sync == 2  # 2 = FULL


async def test_migrations_are_versioned_and_not_reapplied(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    for _ in range(2):
        database = Database(url, MIGRATIONS)
        await database.start()
        await database.close()
    rows = sqlite3.connect(tmp_path / "bot.db").execute(
        "SELECT component, version FROM schema_migrations").fetchall()
    assert rows == [("bot_state", 1), ("bot_state", 2), ("seen_activities", 1)]


async def test_a_stale_copy_of_conversation_state_cannot_overwrite_a_newer_turn(bot):
    storage = bot.services.conversation_state._storage
    key = "emulator/conversations/c-race"
    await bot.send("c-race", "a student added me on insta")  # leaves a clarifying dialog in state
    stale = (await storage.read([key]))[key]
    await bot.send("c-race", "ex student, she's 16")  # another turn moves the state on
    with pytest.raises(StorageConflictError):
        await storage.write({key: stale})


async def test_the_user_is_told_when_their_turn_lost_a_race(bot, monkeypatch):
    storage = bot.services.conversation_state._storage

    async def conflicting_write(changes):
        raise StorageConflictError("eTag conflict")

    await bot.send("c-race2", "hello")
    monkeypatch.setattr(storage, "write", conflicting_write)
    reply = await bot.send("c-race2", "a student added me on insta")
    assert "Please send it again" in reply.text




async def test_two_first_writes_of_a_state_read_as_absent_the_last_one_wins(db):
    """Two instances take the first turn of one conversation at once: neither read an eTag, and
    a write without one is last-write-wins (botbuilder's contract, tests/test_storage_contract.py)."""
    one, two = SqlStorage(db), SqlStorage(db)
    assert await one.read(["new"]) == {} and await two.read(["new"]) == {}
    first, second = {"n": 1}, {"n": 2}
    await one.write({"new": first})
    await two.write({"new": second})
    stored = (await one.read(["new"]))["new"]
    assert stored["n"] == 2 and stored["e_tag"] == second["e_tag"] != first["e_tag"]
    first["n"] = 3
    with pytest.raises(StorageConflictError):  # the first writer's eTag is stale now
        await one.write({"new": first})


async def test_several_keys_in_one_write_commit_together(db):
    storage = SqlStorage(db)
    a, b = {"n": 1}, {"n": 2}
    await storage.write({"a": a, "b": b})
    assert a["e_tag"] and b["e_tag"] and a["e_tag"] != b["e_tag"]
    stale = {"n": 9, "e_tag": "not-the-stored-one"}
    with pytest.raises(StorageConflictError):
        await storage.write({"a": {"n": 3, "e_tag": a["e_tag"]}, "b": stale})
    stored = await storage.read(["a", "b"])
    assert stored["a"]["n"] == 3 and stored["b"]["n"] == 2  # the other write in the batch still counts


@asynccontextmanager
async def another_instance(url: str):
    """The same database through an engine of its own, as another instance of the bot has."""
    other = Database(url, MIGRATIONS)
    await other.start()
    try:
        yield other
    finally:
        await other.close()


async def test_reads_see_only_committed_writes_and_do_not_wait_for_an_open_one(db, database_url):
    storage = SqlStorage(db)
    await storage.write({"k": {"n": 1}})
    async with another_instance(database_url) as other, other.transaction() as conn:
        await conn.execute(bot_state.update().where(bot_state.c.key == "k").values(data='{"n": 2}'))
        started = time.perf_counter()
        during = await storage.read(["k"])
        assert time.perf_counter() - started < 0.5
    assert during["k"]["n"] == 1  # the uncommitted write is invisible
    assert (await storage.read(["k"]))["k"]["n"] == 2  # and visible once committed


async def test_a_state_another_instance_wrote_is_read_as_it_wrote_it(db, database_url):
    storage = SqlStorage(db)
    await storage.write({"k": {"n": 1}})
    assert (await storage.read(["k"]))["k"]["n"] == 1
    async with another_instance(database_url) as other:
        theirs = (await SqlStorage(other).read(["k"]))["k"]
        theirs["n"] = 2
        await SqlStorage(other).write({"k": theirs})
    assert (await storage.read(["k"]))["k"]["n"] == 2


async def test_each_read_gives_objects_of_its_own(db):
    storage = SqlStorage(db)
    stack = DialogState([DialogInstance(id="scenario", state={"answers": {"age": 16}})])
    await storage.write({"k": {"dialog_state": stack}})
    stack.dialog_stack[0].state["answers"]["age"] = 15  # the writer's object changes later
    first = (await storage.read(["k"]))["k"]
    first["dialog_state"].dialog_stack[0].state["answers"]["age"] = 99  # a turn changes what it read
    assert (await storage.read(["k"]))["k"]["dialog_state"].dialog_stack[0].state == {"answers": {"age": 16}}


async def test_a_write_is_committed_when_it_returns(tmp_path):
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'state.db'}", MIGRATIONS)
    await database.start()
    try:
        await SqlStorage(database).write({"k": {"n": 1}})
        other = sqlite3.connect(tmp_path / "state.db")  # another connection sees it
        assert other.execute("SELECT count(*) FROM bot_state WHERE key = 'k'").fetchone() == (1,)
        other.close()
    finally:
        await database.close()


@asynccontextmanager
async def write_lock_held(db):
    """Hold the write lock another instance's transaction would (SQLite's, from another
    connection; on PostgreSQL a table lock that lets reads through)."""
    if db.dialect == "sqlite":
        conn = sqlite3.connect(db.engine.url.database, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            conn.execute("ROLLBACK")
            conn.close()
        return
    async with another_instance(db.url) as other, other.transaction() as conn:
        await conn.exec_driver_sql("LOCK TABLE bot_state IN EXCLUSIVE MODE")
        yield
        await conn.rollback()


async def test_writes_wait_for_another_instances_lock_without_holding_up_the_loop(db):
    storage = SqlStorage(db)
    await storage.write({"stale": {"n": 0}})
    old = (await storage.read(["stale"]))["stale"]
    await storage.write({"stale": {"n": 1, "e_tag": old["e_tag"]}})  # old's eTag is now out of date
    items = [{"n": i} for i in range(20)]
    async with write_lock_held(db):
        writes = asyncio.gather(*(storage.write({f"k{i}": item}) for i, item in enumerate(items)),
                                storage.write({"stale": old}), return_exceptions=True)
        started = time.perf_counter()
        await asyncio.sleep(0.05)
        assert time.perf_counter() - started < 1 and not writes.done()  # the loop ran on; the writes wait
    results = await writes
    assert results[:20] == [None] * 20
    assert isinstance(results[20], StorageConflictError)  # only the stale write failed
    stored = await storage.read([f"k{i}" for i in range(20)] + ["stale"])
    assert [stored[f"k{i}"]["n"] for i in range(20)] == list(range(20))
    assert all(stored[f"k{i}"]["e_tag"] == items[i]["e_tag"] for i in range(20))
    assert stored["stale"]["n"] == 1


async def test_an_unreachable_database_is_a_database_error_until_it_is_back(postgres_proxy):
    url = "postgresql+asyncpg://" + postgres_proxy.url[len("postgresql://"):]
    database = Database(url, MIGRATIONS)
    await database.start()
    storage = SqlStorage(database)
    try:
        await storage.write({"k": {"n": 1}})
        await postgres_proxy.cut()
        with pytest.raises(DatabaseError):
            await storage.read(["k"])
        with pytest.raises(DatabaseError):
            await storage.write({"k": {"n": 2, "e_tag": "*"}})
        await postgres_proxy.restore()
        assert (await storage.read(["k"]))["k"]["n"] == 1
    finally:
        await database.close()
