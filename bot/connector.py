"""Connector clients reused from turn to turn, through botbuilder's public authentication interfaces.

Stock `CloudAdapter` asks its `ConnectorFactory` for a new `ConnectorClient` on every turn (new
credentials, HTTP session and connection each time). `ReusingAuthentication` wraps the adapter's
`BotFrameworkAuthentication`: requests are authenticated by it, unchanged, and its factory's
clients are kept, one per (bot app id, serviceUrl, audience), with their connections and cached
token; so is the `UserTokenClient` asked for every turn (building one was a fifth of a turn's CPU).
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Awaitable, Callable

from aiohttp import web
from botbuilder.schema import Activity
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    UserTokenClient,
)

from . import appkeys


def app_id_of(claims_identity: ClaimsIdentity) -> str | None:
    """The bot's app id as botbuilder reads it: the audience claim, else the appid claim."""
    app_id = claims_identity.get_claim_value(AuthenticationConstants.AUDIENCE_CLAIM)
    return app_id if app_id is not None else claims_identity.get_claim_value(AuthenticationConstants.APP_ID_CLAIM)


class ReusingAuthentication(BotFrameworkAuthentication):
    """Delegates to `inner`; its connector factories hand out kept clients."""

    def __init__(self, inner: BotFrameworkAuthentication, max_clients: int = 256):
        self.inner = inner
        self.max_clients = max_clients
        self.clients: OrderedDict[tuple, ConnectorClient] = OrderedDict()
        self.token_clients: dict[str | None, UserTokenClient] = {}

    async def client_for(self, key: tuple, build: Callable[[], Awaitable[ConnectorClient]]) -> ConnectorClient:
        """The kept client for `key`, built by the stock factory the first time."""
        client = self.clients.get(key)
        if client is None:
            client = self.clients[key] = await build()
            while len(self.clients) > self.max_clients:
                _, oldest = self.clients.popitem(last=False)
                await oldest.__aexit__(None, None, None)
        self.clients.move_to_end(key)
        return client

    async def close(self) -> None:
        """Close every kept client's connections."""
        while self.clients:
            await self.clients.popitem()[1].__aexit__(None, None, None)

    async def authenticate_request(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        result = await self.inner.authenticate_request(activity, auth_header)
        if result.connector_factory is not None:
            result.connector_factory = ReusingFactory(self, app_id_of(result.claims_identity),
                                                      result.connector_factory)
        return result

    async def authenticate_streaming_request(self, auth_header: str, channel_id_header: str) -> AuthenticateRequestResult:
        return await self.inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return ReusingFactory(self, app_id_of(claims_identity), self.inner.create_connector_factory(claims_identity))

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        app_id = app_id_of(claims_identity)  # a validated audience: this bot's own id(s)
        if app_id not in self.token_clients:
            self.token_clients[app_id] = await self.inner.create_user_token_client(claims_identity)
        return self.token_clients[app_id]

    def create_bot_framework_client(self):
        return self.inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self.inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self.inner.authenticate_channel_request(auth_header)


class ReusingFactory(ConnectorFactory):
    """A ConnectorFactory that asks its owner for a kept client instead of building one each turn."""

    def __init__(self, owner: ReusingAuthentication, app_id: str | None, stock: ConnectorFactory):
        self.owner, self.app_id, self.stock = owner, app_id, stock

    async def create(self, service_url: str, audience: str = None) -> ConnectorClient:
        return await self.owner.client_for((self.app_id, service_url, audience),
                                           lambda: self.stock.create(service_url, audience))


async def close_connector_clients(app: web.Application):
    """cleanup_ctx: close the kept Connector clients when the app stops."""
    yield
    auth = app[appkeys.ADAPTER].bot_framework_authentication
    if isinstance(auth, ReusingAuthentication):
        await auth.close()
