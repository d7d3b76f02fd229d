"""Two real app processes on one database (SQLite file and PostgreSQL): a change made in the console
on one instance is used by the other without a restart (a linked question, a new version), and a
session opened on one is good on the other."""
from __future__ import annotations

from dataclasses import dataclass

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from tests.support.channel import Channel
from tests.support.connector import FakeConnector
from tests.support.console import (
    ENV,
    NOT_ANSWERED,
    OWNER,
    REVIEWER,
    ConsoleClient,
    publish_new_version,
)
from tests.support.instances import Instances
from tests.support.policies import REPORT_QUESTION


@dataclass
class Instance:
    """What ConsoleClient needs of a bot: its address, and a Teams channel to it."""

    base_url: str
    channel: Channel

    async def send(self, conversation, text=None, **kw):
        return await self.channel.send(conversation, text, **kw)


async def until(check, what: str, tries: int = 100):
    """The instances poll the database every 0.2 s (KB_POLL_SECONDS) and rebuild in a thread."""
    import asyncio

    for _ in range(tries):
        found = await check()
        if found:
            return found
        await asyncio.sleep(0.1)
    raise AssertionError(f"the other instance never {what}")


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
async def test_a_change_on_one_instance_is_used_by_the_other(engine, tmp_path, request):
    if engine == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    else:
        from tests.support.postgres import create_database

        url = create_database(request.getfixturevalue("postgres_server"))
    connector = FakeConnector()
    server = TestServer(connector.app(), host="127.0.0.1")
    await server.start_server()
    connector.service_url = str(server.make_url("/"))[:-1]
    for person in (OWNER, REVIEWER):
        connector.add_member(*person)
    instances = Instances(tmp_path)
    try:
        a, b = await instances.start(2, url, {**ENV, "QUIZ_REMINDER_INTERVAL": "0"})
        async with aiohttp.ClientSession() as session:
            one = Instance(a.url, Channel(session, a.messages_url, connector, "msteams"))
            two = Instance(b.url, Channel(session, b.messages_url, connector, "msteams"))
            assert "doesn't cover that" in (await two.send("s-1", NOT_ANSWERED, user="29:s1")).text

            reviewer = ConsoleClient(one)
            await reviewer.sign_in(REVIEWER)
            linked = await reviewer.form("/console/review/decide", {
                "policy": "social_media", "question": NOT_ANSWERED, "kind": "link",
                "clause": "personal.consider_reputation"}, "/console/review")
            assert linked.status == 200
            await until(lambda: _answered(two, NOT_ANSWERED), "answered the linked question")
            assert (await reviewer.on(two).get("/console/review")).status == 200  # the session works there too
            await reviewer.close()

            owner = ConsoleClient(one)
            await owner.sign_in(OWNER)
            assert "Published" in (await publish_new_version(owner)).html
            await owner.close()
            reply = await until(lambda: _new_wording(two), "answered from version 1.1")
            assert "Social Media Policy v1.1" in reply.text
    finally:
        instances.stop_all()
        await server.close()


async def _answered(instance: Instance, question: str):
    reply = await instance.send("s-2", question, user="29:s2")
    return "doesn't cover that" not in reply.text and reply


async def _new_wording(instance: Instance):
    reply = await instance.send("s-3", REPORT_QUESTION, user="29:s3")
    return "on the same day" in reply.text and reply
