"""The Connector sender retries as msrest's default policy does, and the token policy caches briefly."""
from __future__ import annotations

import socket
from contextlib import asynccontextmanager

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from botbuilder.schema import Activity, Attachment, ResourceResponse
from botframework.connector.aio import ConnectorClient
from botframework.connector.aio.operations_async import ConversationsOperations
from botframework.connector.models import ErrorResponseException
from msrest.exceptions import ClientRequestError
from msrest.pipeline import AsyncPipeline
from msrest.universal_http import ClientRequest

from bot.connector import FastBotFrameworkAuthentication
from bot.outbound import BearerTokenPolicy, DirectConversations, RetryPolicy, WireSender
from bot.wire import Wire

NO_WAIT = RetryPolicy(retries=3, backoff_factor=0.0)


@pytest.fixture
async def session():
    wire = Wire()
    yield wire
    await wire.close()


@asynccontextmanager
async def serving(handler):
    """A local aiohttp server answering every method and path with `handler`."""
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield server
    finally:
        await server.close()


@pytest.fixture
async def flaky():
    """A server that fails with 503 until told otherwise, counting calls per method."""
    state = {"calls": {"GET": 0, "POST": 0}, "fail": 10}

    async def handler(request: web.Request) -> web.Response:
        state["calls"][request.method] += 1
        if state["fail"] > 0:
            state["fail"] -= 1
            return web.json_response({"error": "busy"}, status=503)
        return web.json_response({"id": "ok", "auth": request.headers.get("Authorization")})

    async with serving(handler) as server:
        state["url"] = str(server.make_url("/x"))
        yield state


async def send(session, method: str, url: str, retry: RetryPolicy = NO_WAIT, policies=()):
    pipeline = AsyncPipeline(list(policies), WireSender(lambda: session, retry))
    request = ClientRequest(method, url, headers={"Content-Type": "application/json"})
    if method == "POST":
        request.add_content({"type": "message"})
    return (await pipeline.run(request)).http_response


async def test_an_idempotent_call_is_retried_through_a_brief_outage(session, flaky):
    flaky["fail"] = 2
    response = await send(session, "GET", flaky["url"])
    assert response.status_code == 200 and flaky["calls"]["GET"] == 3


async def test_a_reply_post_is_not_retried_on_a_server_error(session, flaky):
    response = await send(session, "POST", flaky["url"])
    assert response.status_code == 503 and flaky["calls"]["POST"] == 1


async def test_an_unreachable_connector_raises_client_request_error_after_retries(session):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once closed
    with pytest.raises(ClientRequestError):
        await send(session, "POST", f"http://127.0.0.1:{port}/v3/conversations/c/activities")


def test_backoff_matches_msrest_defaults():
    policy = RetryPolicy()
    assert [policy.delay(n) for n in (1, 2, 3)] == [0.0, 1.6, 3.2]
    assert policy.delay(2, retry_after="7") == 7.0


class CountingCredentials:
    """msrest-style credentials that hand out a new token each time they sign."""

    def __init__(self):
        self.signed = 0

    def signed_session(self, session):
        self.signed += 1
        session.headers["Authorization"] = f"Bearer token-{self.signed}"
        return session


async def test_the_authorization_header_is_reused_until_its_lifetime_ends(session, flaky):
    flaky["fail"] = 0
    now = [0.0]
    credentials = CountingCredentials()
    policy = BearerTokenPolicy(credentials, ttl=60, clock=lambda: now[0])
    first = await send(session, "POST", flaky["url"], policies=[policy])
    second = await send(session, "POST", flaky["url"], policies=[policy])
    now[0] = 61
    third = await send(session, "POST", flaky["url"], policies=[policy])
    assert [r.text() for r in (first, second, third)] == [
        '{"id": "ok", "auth": "Bearer token-1"}', '{"id": "ok", "auth": "Bearer token-1"}',
        '{"id": "ok", "auth": "Bearer token-2"}']
    assert credentials.signed == 2


async def test_a_401_makes_the_next_call_ask_for_a_new_token(session):
    async def handler(request: web.Request) -> web.Response:
        return web.Response(status=401 if request.headers["Authorization"] == "Bearer token-1" else 200)

    async with serving(handler) as server:
        credentials = CountingCredentials()
        policy = BearerTokenPolicy(credentials, ttl=3600)
        url = str(server.make_url("/x"))
        assert (await send(session, "POST", url, policies=[policy])).status_code == 401
        assert (await send(session, "POST", url, policies=[policy])).status_code == 200
        assert credentials.signed == 2


@pytest.fixture
async def recorder():
    """A Connector stand-in that records each request and answers with the status it is told."""
    state = {"seen": [], "status": 200}

    async def handler(request: web.Request) -> web.Response:
        state["seen"].append({"method": request.method, "path": request.raw_path, "body": await request.read(),
                              "headers": {k: v for k, v in request.headers.items()
                                          if k.lower() not in ("host", "accept-encoding")}})
        if state["status"] >= 400:
            return web.json_response({"error": {"code": "BadArgument", "message": "no such conversation"}},
                                     status=state["status"])
        return web.json_response({"id": f"reply-{len(state['seen'])}"}, status=state["status"])

    async with serving(handler) as server:
        state["url"] = str(server.make_url("/"))
        yield state


@pytest.fixture
async def auth():
    """The fast authentication's client builder (authentication itself is not used here)."""
    built = FastBotFrameworkAuthentication(None, retry=NO_WAIT, token_ttl=60)
    yield built
    await built.close()


def reply_operations(base_url: str, credentials, auth: FastBotFrameworkAuthentication):
    """msrest's own operations and the direct ones, on one client as bot.connector builds it."""
    client = auth.build_client(ConnectorClient(credentials, base_url=base_url).config, base_url)
    direct = client.conversations
    assert isinstance(direct, DirectConversations)
    stock = ConversationsOperations(direct._client, direct.config, direct._serialize, direct._deserialize)
    return stock, direct


REPLY = Activity(type="message", text="Café rules ☕", reply_to_id="act/1", locale="en-GB",
                 attachments=[Attachment(content_type="application/vnd.microsoft.card.adaptive",
                                         content={"type": "AdaptiveCard", "version": "1.5",
                                                  "body": [{"type": "TextBlock", "text": "§ 4.2"}]})])


async def test_direct_reply_calls_send_exactly_what_msrest_sends(recorder, auth):
    stock, direct = reply_operations(recorder["url"], CountingCredentials(), auth)
    results = []
    for ops in (stock, direct):
        results.append(await ops.reply_to_activity("19:abc@thread.tacv2;messageid=1", "act/1", REPLY))
        results.append(await ops.send_to_conversation("a:b c", REPLY))
    by_stock, by_direct = recorder["seen"][:2], recorder["seen"][2:]
    assert by_direct == by_stock
    assert by_stock[0]["path"] == "/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities/act%2F1"
    assert by_stock[0]["headers"]["x-ms-conversation-id"] == "19:abc@thread.tacv2;messageid=1"
    assert by_stock[0]["headers"]["Authorization"] == "Bearer token-1"
    assert "msrest" in by_stock[0]["headers"]["User-Agent"]
    assert [r.id for r in results] == ["reply-1", "reply-2", "reply-3", "reply-4"]
    assert all(type(r) is ResourceResponse for r in results)


@pytest.mark.parametrize("status", [403, 404, 500])
async def test_a_refused_direct_reply_raises_what_msrest_raises(recorder, auth, status):
    recorder["status"] = status
    stock, direct = reply_operations(recorder["url"], CountingCredentials(), auth)
    errors = []
    for ops in (stock, direct):
        with pytest.raises(ErrorResponseException) as caught:
            await ops.reply_to_activity("c1", "a1", REPLY)
        errors.append(caught.value)
    assert [e.response.status_code for e in errors] == [status, status]
    assert errors[0].error.error.code == errors[1].error.error.code == "BadArgument"
    assert str(errors[0]) == str(errors[1])
    assert len(recorder["seen"]) == 2  # a reply POST is never retried on an answer from the server


async def test_a_401_to_a_direct_reply_makes_the_next_one_sign_again(recorder, auth):
    credentials = CountingCredentials()
    _, direct = reply_operations(recorder["url"], credentials, auth)
    recorder["status"] = 401
    with pytest.raises(ErrorResponseException):
        await direct.send_to_conversation("c1", REPLY)
    recorder["status"] = 200
    await direct.send_to_conversation("c1", REPLY)
    assert [seen["headers"]["Authorization"] for seen in recorder["seen"]] == ["Bearer token-1", "Bearer token-2"]


async def test_a_direct_reply_with_custom_headers_goes_through_msrest(recorder, auth):
    _, direct = reply_operations(recorder["url"], CountingCredentials(), auth)
    await direct.reply_to_activity("c1", "a1", REPLY, custom_headers={"X-Trace": "t1"})
    assert recorder["seen"][0]["headers"]["X-Trace"] == "t1"


async def test_a_direct_reply_to_nothing_listening_fails_as_a_client_request_error(auth):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    _, direct = reply_operations(f"http://127.0.0.1:{port}", CountingCredentials(), auth)
    with pytest.raises(ClientRequestError, match="ConnectFailed"):
        await direct.reply_to_activity("c1", "a1", REPLY)
