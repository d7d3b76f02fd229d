"""The Connector sender retries as msrest's default policy does, and the token policy caches briefly."""
from __future__ import annotations

import socket

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from msrest.exceptions import ClientRequestError
from msrest.pipeline import AsyncPipeline
from msrest.universal_http import ClientRequest

from bot.outbound import BearerTokenPolicy, RetryPolicy, WireSender
from bot.wire import Wire

NO_WAIT = RetryPolicy(retries=3, backoff_factor=0.0)


@pytest.fixture
async def session():
    wire = Wire()
    yield wire
    await wire.close()


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

    app = web.Application()
    app.router.add_route("*", "/x", handler)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    state["url"] = str(server.make_url("/x"))
    yield state
    await server.close()


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

    app = web.Application()
    app.router.add_post("/x", handler)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        credentials = CountingCredentials()
        policy = BearerTokenPolicy(credentials, ttl=3600)
        url = str(server.make_url("/x"))
        assert (await send(session, "POST", url, policies=[policy])).status_code == 401
        assert (await send(session, "POST", url, policies=[policy])).status_code == 200
        assert credentials.signed == 2
    finally:
        await server.close()
