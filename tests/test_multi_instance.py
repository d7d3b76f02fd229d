"""Two real app processes on one database (SQLite file and PostgreSQL): a conversation moves
between them and carries on; simultaneous turns on stored state are caught by eTag."""
import asyncio
import sqlite3
from contextlib import asynccontextmanager
from dataclasses import dataclass

import aiohttp
import pytest
import pytest_asyncio
import sqlalchemy as sa
from aiohttp.test_utils import TestServer
from sqlalchemy.ext.asyncio import create_async_engine

from bot.adapter import CONFLICT
from bot.settings import Settings
from tests.safeguarding.helpers import DEPUTY, DSL, alerts_in, conv, file_report, reference_in
from tests.support.channel import Channel, visible_text
from tests.support.connector import FakeConnector
from tests.support.instances import Alternating, Instances

QUESTION = "can I accept a student's follow request on insta?"


PEOPLE = [(f"29:p{i}", f"Person {i}", f"p{i}@alpha.example.org") for i in range(6)]

# One pair of instances per database engine serves every test here (each uses its own conversations).
pytestmark = pytest.mark.asyncio(loop_scope="module")


@dataclass
class Cluster:
    url: str  # the shared database
    connector: FakeConnector
    one: Channel  # talks to instance one
    two: Channel  # talks to instance two
    teams: list[Channel]  # the same two instances, as Teams


@asynccontextmanager
async def running_cluster(tmp_path, engine: str, postgres_server, env: dict):
    """Two instances of the app on one new database of `engine`, with a fake Connector."""
    if engine == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    else:
        from tests.support.postgres import create_database

        url = create_database(postgres_server())
    roster = tmp_path / "roster.csv"
    roster.write_text("email,name,school,start date\n"
                      + "".join(f"{email},{name},Alpha Academy,2020-01-06\n" for _, name, email in PEOPLE))
    connector = FakeConnector()
    server = TestServer(connector.app(), host="127.0.0.1")
    await server.start_server()
    connector.service_url = str(server.make_url("/"))[:-1]
    instances = Instances(tmp_path)
    try:
        a, b = await instances.start(2, url, {"ROSTER_FILE": str(roster), **env})
        async with aiohttp.ClientSession() as session:
            yield Cluster(url, connector, Channel(session, a.messages_url, connector),
                          Channel(session, b.messages_url, connector),
                          [Channel(session, p.messages_url, connector, "msteams") for p in (a, b)])
    finally:
        instances.stop_all()
        await server.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module", params=["sqlite", "postgresql"])
async def cluster(request, tmp_path_factory):
    """Two instances whose reminder and outbox workers run every second or less."""
    async with running_cluster(tmp_path_factory.mktemp("cluster"), request.param,
                               lambda: request.getfixturevalue("postgres_server"),
                               {"QUIZ_REMINDER_INTERVAL": "1", "OUTBOX_POLL_SECONDS": "0.2"}) as running:
        yield running


@pytest_asyncio.fixture(scope="module", loop_scope="module", params=["postgresql"])
async def quiet_cluster(request, tmp_path_factory):
    """Two instances whose workers stay idle (the reminders off, the outbox polled hourly), on
    PostgreSQL, where a test can hold the state table's writes alone. On SQLite the only way to
    hold them is the whole database's write lock, which also holds each turn's redelivery claim
    (bot/redelivery.py), made before the state is read: the turns would not race at all."""
    async with running_cluster(tmp_path_factory.mktemp("quiet"), request.param,
                               lambda: request.getfixturevalue("postgres_server"),
                               {"QUIZ_REMINDER_INTERVAL": "0", "OUTBOX_POLL_SECONDS": "3600"}) as running:
        yield running


async def test_alternate_turns_on_two_instances_carry_the_dialog_on(cluster):
    one, two = cluster.one, cluster.two
    asked = await one.send("conv-alt", QUESTION)
    assert asked.status == 201 and "current student, or an ex-student" in asked.text
    answered = await two.send("conv-alt", "ex student, she's 16")
    assert "No — not an ex-student under 18" in answered.text
    # The clarifying dialog ended on instance two; instance one sees that and takes a new question.
    again = await one.send("conv-alt", QUESTION)
    assert "current student, or an ex-student" in again.text
    button = await two.send("conv-alt", value=again.button("18 or over"))
    assert "the rule stops at ex-students under 18" in button.text


@asynccontextmanager
async def state_writes_held(url: str):
    """Hold every write of conversation state at the database (reads go on): turns that start now
    all read the state as it is, and their writes queue up until the block ends. Yields an
    awaitable that returns once `n` writes are waiting."""
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url.split("///", 1)[1], isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")  # the write lock; WAL readers are not blocked

        async def waiting(n: int) -> None:
            # SQLite shows no one who waits for its lock. A turn reaches its save in well under
            # this; a waiting write gives up only after the 10 s busy timeout (store.Database).
            await asyncio.sleep(3)

        try:
            yield waiting
        finally:
            conn.execute("ROLLBACK")
            conn.close()
        return
    engine = create_async_engine(Settings.from_env({"DATABASE_URL": url}).sqlalchemy_url)
    try:
        async with engine.connect() as conn, conn.begin() as transaction:
            await conn.execute(sa.text("LOCK TABLE bot_state IN EXCLUSIVE MODE"))  # SELECT still runs

            async def waiting(n: int) -> None:
                async with engine.connect() as watch:
                    for _ in range(400):
                        locks = await watch.scalar(sa.text(
                            "SELECT count(*) FROM pg_locks WHERE relation = 'bot_state'::regclass AND NOT granted"))
                        if locks >= n:
                            return
                        await asyncio.sleep(0.05)
                raise AssertionError(f"fewer than {n} state writes ever waited")

            try:
                yield waiting
            finally:
                await transaction.rollback()
    finally:
        await engine.dispose()


async def race(cluster, conversation: str, one_text: str, two_text: str) -> list[str]:
    """Both instances take a message of one conversation while state writes are held: each reads
    the same state and waits to save it; then the writes go ahead. The texts sent."""
    one, two, connector = cluster.one, cluster.two, cluster.connector
    before = len(connector.inbox[conversation])
    async with state_writes_held(cluster.url) as waiting:
        turns = [asyncio.create_task(one.send(conversation, one_text)),
                 asyncio.create_task(two.send(conversation, two_text))]
        await waiting(2)  # both turns have read the state
    replies = await asyncio.gather(*turns)
    assert [r.status for r in replies] == [201, 201]
    return [visible_text(a) for a in connector.inbox[conversation][before:]]


async def test_simultaneous_turns_after_a_greeting_one_wins_the_other_is_refused(quiet_cluster):
    cluster = quiet_cluster
    one, two = cluster.one, cluster.two
    # Known to both instances; the greeting saved the conversation's (empty) dialog state.
    await one.send("conv-race", "hello")
    await two.send("conv-race", "hello")
    texts = await race(cluster, "conv-race", QUESTION, QUESTION)
    assert sum(CONFLICT in t for t in texts) == 1, texts  # one turn was refused, and said so
    assert sum("current student, or an ex-student" in t for t in texts) == 1, texts  # the loser said nothing else
    # The winner's state stands: the clarifying question is open, on either instance.
    answered = await two.send("conv-race", "ex student, she's 16")
    assert "No — not an ex-student under 18" in answered.text


async def test_reminder_workers_in_both_instances_send_each_reminder_once(cluster):
    connector = cluster.connector
    for i, (uid, name, email) in enumerate(PEOPLE):
        connector.add_member(uid, name, email)
        await cluster.teams[i % 2].send(f"conv-{uid}", "hello", user=uid)

    def reminded(uid):
        return [a for a in connector.inbox.get(f"conv-{uid}", [])
                if "Reminder: your onboarding quiz" in visible_text(a)]

    await connector.wait_for(lambda c: all(reminded(uid) for uid, _, _ in PEOPLE), timeout=20)
    await asyncio.sleep(2.5)  # both workers have run at least twice more since
    assert [len(reminded(uid)) for uid, _, _ in PEOPLE] == [1] * len(PEOPLE)


async def test_alerts_from_reports_filed_across_both_instances_reach_each_contact_once(cluster):
    connector = cluster.connector
    for person in (DSL, DEPUTY):
        connector.add_member(*person)
        await cluster.teams[0].join(conv(person), user=person[0])
    references = []
    for i in range(3):
        reporter = (f"29:rep{i}", f"Reporter {i}", f"reporter{i}@oakfield.example.org")
        connector.add_member(*reporter)
        _, done = await file_report(Alternating(cluster.teams), reporter)
        assert "Report received" in done.text
        references.append(reference_in(done.text))

    def alerts(person, reference):
        return [a for a in alerts_in(connector, person) if reference in str(a)]

    await connector.wait_for(lambda c: all(alerts(p, r) for p in (DSL, DEPUTY) for r in references), timeout=20)
    await asyncio.sleep(1.5)  # both workers poll every 0.2 s: time for any duplicate to show up
    assert [len(alerts(p, r)) for p in (DSL, DEPUTY) for r in references] == [1] * 6


async def test_simultaneous_turns_on_stored_dialog_state_one_wins_the_other_is_refused(quiet_cluster):
    cluster = quiet_cluster
    one, two = cluster.one, cluster.two
    await two.send("conv-race2", "hello")  # instance two knows the person too
    asked = await one.send("conv-race2", QUESTION)  # a clarifying dialog is stored: the state has an eTag
    assert "current student, or an ex-student" in asked.text
    texts = await race(cluster, "conv-race2", "ex student, she's 16", "she's 18 now")
    assert sum(CONFLICT in t for t in texts) == 1, texts
