"""The fast outbound path sends what stock botbuilder sends, reuses clients, and honours serviceUrl."""
from __future__ import annotations

import json

import pytest
from aiohttp.test_utils import TestServer
from botbuilder.core import BotAdapter
from botbuilder.integration.aiohttp import CloudAdapter

from bot import appkeys
from bot.adapter import create_adapter
from bot.settings import Settings, SettingsError
from bot.connector import FastBotFrameworkAuthentication, LazyUserTokenClient
from bot.outbound import DirectConversations
from tests.support.connector import FakeConnector

VOLATILE = ("id", "timestamp", "localTimestamp", "serviceUrl", "replyToId")


def normalised(connector: FakeConnector) -> dict[str, list[dict]]:
    """Every activity the fake Connector received, without ids, times and addresses."""
    return {cid: [json.loads(json.dumps({k: v for k, v in act.items() if k not in VOLATILE}, sort_keys=True))
                  for act in acts]
            for cid, acts in connector.inbox.items()}


async def converse(bot) -> None:
    await bot.channel.join("c-script", user="u7")
    for text in ("hello", "help", "thanks", "can I accept a friend request from a pupil?", "what can you do?"):
        await bot.send("c-script", text, user="u7")
    await bot.send("c-script", value={"action": "help"}, user="u7")
    await bot.send("c-other", "hi", user="u8")


async def test_fast_path_sends_the_same_activities_as_stock_botbuilder(make_bot):
    stock = await make_bot({"FAST_CONNECTOR": "0"})
    fast = await make_bot()
    assert not isinstance(stock.app[appkeys.ADAPTER].bot_framework_authentication, FastBotFrameworkAuthentication)
    assert isinstance(fast.app[appkeys.ADAPTER].bot_framework_authentication, FastBotFrameworkAuthentication)
    await converse(stock)
    await converse(fast)
    sent = normalised(fast.connector)
    assert sum(len(acts) for acts in sent.values()) >= 7
    assert sent == normalised(stock.connector)


async def test_one_connector_client_serves_every_turn_to_a_service_url(bot):
    auth = bot.app[appkeys.ADAPTER].bot_framework_authentication
    clients = []

    async def remember(turn):
        clients.append(turn.context.turn_state[BotAdapter.BOT_CONNECTOR_CLIENT_KEY])

    bot.app[appkeys.REGISTRY].observers.append(remember)
    for conversation in ("a", "b", "c"):
        reply = await bot.send(conversation, "hello")
        assert "Hello" in reply.text
    assert len(clients) == 3 and len({id(c) for c in clients}) == 1
    assert isinstance(clients[0].conversations, DirectConversations)  # replies skip msrest's pipeline
    assert auth.clients_built == 1


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
        assert bot.app[appkeys.ADAPTER].bot_framework_authentication.clients_built == 2
    finally:
        await server.close()


async def test_user_token_client_is_only_built_when_something_uses_it(bot):
    seen = []

    async def remember(turn):
        seen.append(turn.context.turn_state[CloudAdapter.USER_TOKEN_CLIENT_KEY])

    bot.app[appkeys.REGISTRY].observers.append(remember)
    await bot.send("c-utc", "hello")
    assert isinstance(seen[0], LazyUserTokenClient) and not seen[0].created


async def test_lazy_user_token_client_builds_once_and_delegates():
    calls = []

    class Real:
        async def sign_out_user(self, user_id, connection_name, channel_id):
            calls.append((user_id, connection_name, channel_id))
            return "signed out"

    built = []

    async def create():
        built.append(1)
        return Real()

    lazy = LazyUserTokenClient(create)
    assert not lazy.created and built == []
    assert await lazy.sign_out_user("u1", "conn", "msteams") == "signed out"
    await lazy.sign_out_user("u2", "conn", "msteams")
    assert built == [1] and lazy.created
    assert calls == [("u1", "conn", "msteams"), ("u2", "conn", "msteams")]


async def test_closing_the_app_closes_the_shared_connections(make_bot):
    bot = await make_bot()
    await bot.send("c-close", "hello")
    auth = bot.app[appkeys.ADAPTER].bot_framework_authentication
    wire = auth.wire()
    assert wire.connections_made == 1
    await bot.server.close()
    assert wire.closed
    bot.server = None


async def test_fast_connector_setting_is_checked(tmp_path):
    with pytest.raises(SettingsError, match="FAST_CONNECTOR"):
        create_adapter(Settings.from_env({"DATA_DIR": str(tmp_path), "FAST_CONNECTOR": "maybe"}))


async def test_proactive_messages_use_the_fast_path_too(bot):
    await bot.send("c-pro", "hello", user="u9")
    reference = await bot.services.people.reference("emulator:u9")
    adapter = bot.app[appkeys.ADAPTER]
    before = len(bot.connector.inbox["c-pro"])

    async def notify(context):
        await context.send_activity("A reminder from the bot.")

    await adapter.continue_conversation(reference, notify, bot_app_id=None)
    await adapter.continue_conversation(reference, notify, bot_app_id=None)
    sent = bot.connector.inbox["c-pro"][before:]
    assert [a["text"] for a in sent] == ["A reminder from the bot."] * 2
    assert adapter.bot_framework_authentication.clients_built <= 2  # the turn's, and the proactive one's
