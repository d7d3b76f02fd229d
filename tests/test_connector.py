"""Connector clients are kept from turn to turn, per serviceUrl."""
from __future__ import annotations

from aiohttp.test_utils import TestServer
from botbuilder.core import BotAdapter, CloudAdapterBase

from bot import appkeys
from bot.connector import ReusingAuthentication
from tests.support.connector import FakeConnector
from tests.support.people import reference as reference_of


def remember_clients(bot) -> list:
    clients = []

    async def remember(turn):
        clients.append(turn.context.turn_state[BotAdapter.BOT_CONNECTOR_CLIENT_KEY])

    bot.app[appkeys.REGISTRY].observers.append(remember)
    return clients


async def test_one_connector_client_serves_every_turn_to_a_service_url(bot):
    clients = remember_clients(bot)
    for conversation in ("a", "b", "c"):
        reply = await bot.send(conversation, "hello")
        assert "Hello" in reply.text
    assert len(clients) == 3 and len({id(c) for c in clients}) == 1
    assert len(bot.app[appkeys.ADAPTER].bot_framework_authentication.clients) == 1


async def test_one_user_token_client_serves_every_turn(bot):
    token_clients = []

    async def remember(turn):
        token_clients.append(turn.context.turn_state[CloudAdapterBase.USER_TOKEN_CLIENT_KEY])

    bot.app[appkeys.REGISTRY].observers.append(remember)
    for conversation in ("a", "b"):
        await bot.send(conversation, "hello")
    assert len(token_clients) == 2 and token_clients[0] is token_clients[1] is not None


async def test_a_new_service_url_gets_its_own_client_and_the_replies(bot):
    other = FakeConnector()
    server = TestServer(other.app(), host="127.0.0.1")
    await server.start_server()
    try:
        other.service_url = str(server.make_url("/"))[:-1]
        await bot.send("c-move", "hello")
        before = len(bot.connector.inbox["c-move"])
        bot.channel.connector = other  # the channel now names another serviceUrl
        reply = await bot.send("c-move", "thanks")
        assert "welcome" in reply.text.lower()
        assert len(other.inbox["c-move"]) == 1
        assert len(bot.connector.inbox["c-move"]) == before
        assert len(bot.app[appkeys.ADAPTER].bot_framework_authentication.clients) == 2
    finally:
        await server.close()


async def test_the_oldest_client_is_closed_past_the_limit():
    made, closed = [], []

    class Client:
        async def __aexit__(self, *exc):
            closed.append(self)

    async def build():
        made.append(Client())
        return made[-1]

    auth = ReusingAuthentication(inner=None, max_clients=2)
    first = await auth.client_for(("a",), build)
    await auth.client_for(("b",), build)
    assert await auth.client_for(("a",), build) is first  # used again: now the newest
    await auth.client_for(("c",), build)
    assert closed == [made[1]] and len(made) == 3
    await auth.close()
    assert set(closed) == set(made) and not auth.clients


async def test_closing_the_app_closes_the_kept_clients(make_bot):
    bot = await make_bot()
    await bot.send("c-close", "hello")
    auth = bot.app[appkeys.ADAPTER].bot_framework_authentication
    assert len(auth.clients) == 1
    await bot.server.close()
    assert not auth.clients
    bot.server = None


async def test_proactive_messages_use_the_kept_client_too(bot):
    await bot.send("c-pro", "hello", user="u9")
    reference = await reference_of(bot, "emulator:u9")
    adapter = bot.app[appkeys.ADAPTER]
    before = len(bot.connector.inbox["c-pro"])

    async def notify(context):
        await context.send_activity("A reminder from the bot.")

    await adapter.continue_conversation(reference, notify, bot_app_id=None)
    await adapter.continue_conversation(reference, notify, bot_app_id=None)
    sent = bot.connector.inbox["c-pro"][before:]
    assert [a["text"] for a in sent] == ["A reminder from the bot."] * 2
    assert len(adapter.bot_framework_authentication.clients) <= 2  # the turn's, and the proactive one's
