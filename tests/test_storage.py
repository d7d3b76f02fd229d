"""SqlStorage honours the botbuilder Storage contract, eTags included, and survives a restart."""
import asyncio
import sqlite3
import time
from contextlib import contextmanager

import pytest
from botbuilder.dialogs import DialogInstance, DialogState
from sqlalchemy import event

from bot import decoded as decoded_module
from bot import storage as storage_module
from bot.decoded import DecodedCache, same_values
from bot.storage import MIGRATIONS, SqlStorage, StorageConflictError, bot_state
from store import Database


@pytest.fixture
async def db(database_url):
    database = Database(database_url, MIGRATIONS)
    await database.start()
    yield database
    await database.close()


@pytest.fixture
async def sqlite_db(tmp_path):
    """A SQLite file (the loop's commits and the writer thread are SQLite's)."""
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'state.db'}", MIGRATIONS)
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
    assert rows == [("bot_state", 1)]


async def test_sqlite_state_reads_do_not_wait_for_an_open_write(db):
    storage = SqlStorage(db)
    await storage.write({"k": {"n": 1}})
    async with db.transaction() as conn:
        await conn.execute(bot_state.update().where(bot_state.c.key == "k").values(data='{"n": 2}'))
        started = time.perf_counter()
        during = await storage.read(["k"])
        assert time.perf_counter() - started < 0.5
    assert during["k"]["n"] == 1  # the uncommitted write is invisible
    assert (await storage.read(["k"]))["k"]["n"] == 2  # and visible once committed
    storage.close()


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


@contextmanager
def sqlite_write_lock(db):
    """Hold SQLite's write lock from another connection (as another instance's transaction
    would); on PostgreSQL, nothing."""
    if db.dialect != "sqlite":
        yield None
        return
    conn = sqlite3.connect(db.engine.url.database, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()


async def test_concurrent_writes_share_commits_and_a_conflict_fails_only_its_own(db):
    """Writes that wait (on SQLite, for a write lock another connection holds) are committed
    together when they can be."""
    storage = SqlStorage(db)
    await storage.write({"stale": {"n": 0}})
    old = (await storage.read(["stale"]))["stale"]
    await storage.write({"stale": {"n": 1, "e_tag": old["e_tag"]}})  # old's eTag is now out of date
    commits = []
    event.listen(db.engine.sync_engine, "commit", lambda conn: commits.append(1))
    storage.trace(lambda sql: commits.append(1) if sql.strip().upper() == "COMMIT" else None)  # SQLite
    items = [{"n": i} for i in range(20)]
    with sqlite_write_lock(db) as lock:
        writes = asyncio.gather(*(storage.write({f"k{i}": item}) for i, item in enumerate(items)),
                                storage.write({"stale": old}), return_exceptions=True)
        await asyncio.sleep(0.05)
        if lock is not None:
            lock.execute("ROLLBACK")  # the writer thread, waiting for it, takes them all
        results = await writes
    assert results[:20] == [None] * 20
    assert isinstance(results[20], StorageConflictError)
    assert 1 <= len(commits) < 10
    stored = await storage.read([f"k{i}" for i in range(20)] + ["stale"])
    assert [stored[f"k{i}"]["n"] for i in range(20)] == list(range(20))
    assert all(stored[f"k{i}"]["e_tag"] == items[i]["e_tag"] for i in range(20))
    assert stored["stale"]["n"] == 1
    storage.close()


async def test_two_first_writes_of_a_state_read_as_absent_one_wins_the_other_is_refused(db):
    """Two instances take the first turn of one conversation at once: neither read an eTag."""
    one, two = SqlStorage(db), SqlStorage(db)
    assert await one.read(["new"]) == {} and await two.read(["new"]) == {}
    await one.write({"new": {"n": 1}})
    with pytest.raises(StorageConflictError):
        await two.write({"new": {"n": 2}})
    assert (await one.read(["new"]))["new"]["n"] == 1
    one.close()
    two.close()


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
    storage.close()


async def test_closing_finishes_the_writes_already_handed_over_then_stops_the_writer(tmp_path):
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'state.db'}", MIGRATIONS)
    await database.start()
    storage = SqlStorage(database)
    with sqlite_write_lock(database):  # so the writes go to the writer thread
        writes = [asyncio.ensure_future(storage.write({f"k{i}": {"n": i}})) for i in range(30)]
        await asyncio.sleep(0)  # every write is now with the writer thread
    thread = storage._thread
    storage.close()  # waits for them
    assert thread is not None and not thread.is_alive()
    await asyncio.gather(*writes)
    storage = SqlStorage(database)  # a new storage (a restarted app) sees them all
    stored = await storage.read([f"k{i}" for i in range(30)])
    assert [stored[f"k{i}"]["n"] for i in range(30)] == list(range(30))
    await storage.write({"later": {"n": 1}})  # and writes again with a connection of its own
    assert (await storage.read(["later"]))["later"]["n"] == 1
    storage.close()
    await database.close()


async def test_a_write_commits_on_the_loop_when_the_write_lock_is_free(sqlite_db, tmp_path):
    storage = SqlStorage(sqlite_db)
    called = []
    token = storage_module.while_waiting.set(lambda: called.append(1))
    try:
        await storage.write({"k": {"n": 1}})
    finally:
        storage_module.while_waiting.reset(token)
    assert storage._thread is None and called == []  # no thread, nothing waited for
    other = sqlite3.connect(tmp_path / "state.db")  # committed: another connection sees it
    assert other.execute("SELECT count(*) FROM bot_state WHERE key = 'k'").fetchone() == (1,)
    other.close()
    pragmas = {name: storage._now.execute(f"PRAGMA {name}").fetchone()[0]
               for name in ("synchronous", "busy_timeout", "wal_autocheckpoint", "journal_mode")}
    # FULL (on disk when confirmed); never waits for a lock; leaves checkpoints to the writer thread
    assert pragmas == {"synchronous": 2, "busy_timeout": 0, "wal_autocheckpoint": 0, "journal_mode": "wal"}
    storage.close()


async def test_a_write_that_finds_the_lock_taken_waits_in_the_thread_and_the_loop_runs_on(sqlite_db):
    storage = SqlStorage(sqlite_db)
    await storage.write({"k": {"n": 0}})
    item = (await storage.read(["k"]))["k"]
    item["n"] = 1
    called = []
    token = storage_module.while_waiting.set(lambda: called.append(1))
    with sqlite_write_lock(sqlite_db) as lock:
        write = asyncio.ensure_future(storage.write({"k": item}))
        storage_module.while_waiting.reset(token)
        started = time.perf_counter()
        await asyncio.sleep(0.05)
        # The loop ran on meanwhile (a wait for the lock on the loop would have taken the 10 s
        # busy timeout and failed), and the write is still waiting; it said so once.
        assert time.perf_counter() - started < 1 and not write.done() and called == [1]
        lock.execute("ROLLBACK")
        await write
    assert storage._thread is not None
    assert (await storage.read(["k"]))["k"]["n"] == 1
    storage.close()


async def test_slow_commits_go_to_the_writer_thread_and_the_loop_tries_again_later(sqlite_db, monkeypatch):
    storage = SqlStorage(sqlite_db)
    monkeypatch.setattr(storage, "SLOW_COMMIT_SECONDS", 0.0)  # every commit counts as slow
    monkeypatch.setattr(storage, "WRITES_BEFORE_RETRY", 3)
    in_thread = []
    commit_in_thread = storage._commit_sqlite
    monkeypatch.setattr(storage, "_commit_sqlite", lambda path, batch: in_thread.append(1) or commit_in_thread(path, batch))
    for i in range(5):
        await storage.write({f"k{i}": {"n": i}})
    assert len(in_thread) == 3  # the first on the loop, then three in the thread, then the loop again
    assert storage._writes_to_thread == 3  # that one was slow too
    stored = await storage.read([f"k{i}" for i in range(5)])
    assert [stored[f"k{i}"]["n"] for i in range(5)] == list(range(5))
    storage.close()


async def test_the_writer_thread_checkpoints_what_the_loops_commits_leave_in_the_wal(tmp_path, monkeypatch):
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'state.db'}", MIGRATIONS)
    await database.start()
    async with database.transaction() as conn:  # start from an empty WAL
        await conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    storage = SqlStorage(database)
    monkeypatch.setattr(storage, "CHECKPOINT_EVERY", 3)

    def rows_in_the_database_file() -> int:
        """What the main file holds without its WAL (a copy of it alone; -1 for a copy taken
        while the checkpoint was writing it)."""
        copy = tmp_path / "copy.db"
        copy.write_bytes((tmp_path / "state.db").read_bytes())
        conn = sqlite3.connect(copy)
        try:
            return conn.execute("SELECT count(*) FROM bot_state").fetchone()[0]
        except sqlite3.DatabaseError:
            return -1
        finally:
            conn.close()
            copy.unlink()

    for i in range(2):
        await storage.write({f"k{i}": {"n": i}})
    assert storage._thread is None and rows_in_the_database_file() == 0  # all still in the WAL
    await storage.write({"k2": {"n": 2}})
    for _ in range(200):
        if rows_in_the_database_file() == 3:
            break
        await asyncio.sleep(0.01)
    assert rows_in_the_database_file() == 3
    storage.close()
    await database.close()


def test_busy_means_a_lock_another_connection_holds(tmp_path):
    one = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    one.execute("PRAGMA journal_mode=WAL")
    one.execute("CREATE TABLE t (n)")
    two = sqlite3.connect(tmp_path / "x.db", isolation_level=None, timeout=0)
    one.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError) as locked:
        two.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError) as wrong:
        two.execute("SELECT * FROM missing")
    assert storage_module._busy(locked.value) and not storage_module._busy(wrong.value)
    one.execute("ROLLBACK")
    one.close()
    two.close()


async def test_reading_an_unchanged_state_again_gives_equal_fresh_objects_without_decoding(db, monkeypatch):
    storage = SqlStorage(db)
    stack = DialogState([DialogInstance(id="scenario", state={"answers": {"age": 16}})])
    await storage.write({"k": {"dialog_state": stack}})
    first = (await storage.read(["k"]))["k"]
    decodes = []
    real_decode = decoded_module.jsonpickle.decode
    monkeypatch.setattr(decoded_module.jsonpickle, "decode", lambda data: decodes.append(1) or real_decode(data))
    monkeypatch.setattr(decoded_module, "CHECK", False)  # its own decode would be counted
    second = (await storage.read(["k"]))["k"]
    assert decodes == []  # served from the cache
    assert second is not first and second["dialog_state"] is not first["dialog_state"]
    assert second["dialog_state"].dialog_stack[0].state == {"answers": {"age": 16}}
    assert second["e_tag"] == first["e_tag"]
    first["dialog_state"].dialog_stack[0].state["answers"]["age"] = 99  # a turn changes what it read
    assert (await storage.read(["k"]))["k"]["dialog_state"].dialog_stack[0].state == {"answers": {"age": 16}}


async def test_a_state_written_since_is_decoded_afresh(db):
    storage = SqlStorage(db)
    await storage.write({"k": {"n": 0}})
    item = (await storage.read(["k"]))["k"]
    (await storage.read(["k"]))["k"]["n"] = 7  # from the cache, changed, never written
    item["n"] = 1
    await storage.write({"k": item})
    again = (await storage.read(["k"]))["k"]
    assert again["n"] == 1 and again["e_tag"] == item["e_tag"]
    other = SqlStorage(db)  # another instance on the same database writes next
    theirs = (await other.read(["k"]))["k"]
    theirs["n"] = 2
    await other.write({"k": theirs})
    assert (await storage.read(["k"]))["k"]["n"] == 2


def test_the_decoded_state_cache_keeps_only_its_size_and_skips_what_pickle_refuses(monkeypatch):
    import jsonpickle

    cache = DecodedCache(size=2)
    for key in ("a", "b", "c"):
        assert cache.get(key, jsonpickle.encode({"key": key})) == {"key": key}
    assert list(cache._items) == ["b", "c"]

    def refuse(*args, **kwargs):
        raise TypeError("cannot pickle this")

    text = jsonpickle.encode({"n": 1})
    cache.get("c", text)  # "c" now holds this text
    monkeypatch.setattr(decoded_module.pickle, "dumps", refuse)
    assert cache.get("d", text) == {"n": 1} and cache.get("d", text) == {"n": 1}  # decoded each time
    assert "d" not in cache._items
    assert cache.get("c", jsonpickle.encode({"n": 2})) == {"n": 2}  # new text, refused: the old entry goes
    assert "c" not in cache._items


def count_decodes(monkeypatch) -> list:
    decodes = []
    real_decode = decoded_module.jsonpickle.decode
    monkeypatch.setattr(decoded_module.jsonpickle, "decode", lambda data: decodes.append(1) or real_decode(data))
    monkeypatch.setattr(decoded_module, "CHECK", False)  # its own decodes would be counted
    return decodes


async def test_the_next_read_after_a_write_is_not_decoded_and_gives_what_a_fresh_decode_gives(db, monkeypatch):
    import jsonpickle

    storage = SqlStorage(db)
    decodes = count_decodes(monkeypatch)
    stack = DialogState([DialogInstance(id="report", state={"values": {"where": "Instagram", "age": 14},
                                                             "tags": ("a", "b"), "seen": {1.5, 2.5}})])
    await storage.write({"k": {"dialog_state": stack, "e_tag": "*"}})
    read = (await storage.read(["k"]))["k"]
    assert decodes == []  # primed by the write
    async with db.transaction() as conn:
        (stored,) = (await conn.execute(bot_state.select().where(bot_state.c.key == "k"))).all()
    fresh = jsonpickle.loads(stored.data)
    assert same_values(read["dialog_state"], fresh["dialog_state"])
    stack.dialog_stack[0].state["values"]["age"] = 15  # the writer's object changes later: not what was stored
    assert (await storage.read(["k"]))["k"]["dialog_state"].dialog_stack[0].state["values"]["age"] == 14


async def test_a_value_jsonpickle_would_change_is_not_primed(db, monkeypatch):
    storage = SqlStorage(db)
    decodes = count_decodes(monkeypatch)
    await storage.write({"k": {"by_number": {1: "one"}}, "t": {"py/object": "looks like a tag"}})
    items = await storage.read(["k", "t"])
    assert len(decodes) == 2  # read as a restarted bot would read them
    assert items["k"]["by_number"] == {"1": "one"}


async def test_a_refused_write_does_not_prime(db, monkeypatch):
    storage = SqlStorage(db)
    await storage.write({"k": {"n": 1}})
    stale = (await storage.read(["k"]))["k"]
    newer = (await storage.read(["k"]))["k"]
    newer["n"] = 2
    await storage.write({"k": newer})
    stale["n"] = 3
    with pytest.raises(StorageConflictError):
        await storage.write({"k": stale})
    assert (await storage.read(["k"]))["k"]["n"] == 2


def test_same_values_tells_types_apart():
    assert same_values({"a": [1, (2, 3)]}, {"a": [1, (2, 3)]})
    assert not same_values({1: "x"}, {"1": "x"})
    assert not same_values([1, (2, 3)], [1, [2, 3]])
    assert not same_values(DialogState([DialogInstance(id="a")]), DialogState([DialogInstance(id="b")]))
