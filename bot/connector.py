"""The fast path for outbound Connector calls, through botbuilder's public extension points.

Stock `CloudAdapter` builds a new `ConnectorClient` (and its msrest configuration, retry
policy and credentials) and a `UserTokenClient` on every turn, and sends each reply with
`requests` in a thread pool. That is about three quarters of an echo turn. This module wraps
the `BotFrameworkAuthentication` that `ConfigurationBotFrameworkAuthentication` builds:

- inbound requests are authenticated by the wrapped object, unchanged;
- its `ConnectorFactory` hands out one `ConnectorClient` per (bot app id, service URL,
  audience), kept in a bounded LRU. The credentials in it are the ones the stock factory
  creates, so tokens come from the same place; the client sends over one shared pool of
  kept-alive connections (`bot.outbound`, `bot.wire`), serialises card JSON once
  (`bot.serialize`), and sends replies without msrest's pipeline objects
  (`outbound.DirectConversations`);
- the `UserTokenClient` (OAuth sign-in, unused by this bot) is created on first use only.

`FAST_CONNECTOR=0` turns all of this off and the adapter runs stock botbuilder.
"""
from __future__ import annotations

import logging
import time
from collections import OrderedDict
from functools import partial
from typing import Callable, Optional

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
from msrest.pipeline import AsyncPipeline
from msrest.pipeline.universal import RawDeserializer

from . import appkeys
from .outbound import BearerTokenPolicy, DirectConversations, RetryPolicy, WireSender
from .serialize import FastConnectorClient
from .settings import Settings, env_flag
from .wire import Wire

log = logging.getLogger(__name__)


def fast_connector_enabled(settings: Settings) -> bool:
    """Whether FAST_CONNECTOR (default on) asks for the fast outbound path."""
    return env_flag(settings.env, "FAST_CONNECTOR", True)


def app_id_of(claims_identity: ClaimsIdentity) -> Optional[str]:
    """The bot's app id as botbuilder reads it: the audience claim, else the appid claim."""
    app_id = claims_identity.get_claim_value(AuthenticationConstants.AUDIENCE_CLAIM)
    if app_id is None:
        app_id = claims_identity.get_claim_value(AuthenticationConstants.APP_ID_CLAIM)
    return app_id


class FastBotFrameworkAuthentication(BotFrameworkAuthentication):
    """Delegates authentication to `inner`; reuses connector clients and defers the token client."""

    def __init__(self, inner: BotFrameworkAuthentication, *, max_clients: int = 256,
                 token_ttl: float = 60.0, retry: RetryPolicy = RetryPolicy(), timeout: float = 30.0,
                 clock: Callable[[], float] = time.monotonic):
        self.inner = inner
        self.max_clients = max_clients
        self.token_ttl = token_ttl
        self.retry = retry
        self.timeout = timeout
        self.clock = clock
        self.clients_built = 0
        self._clients: OrderedDict[tuple, ConnectorClient] = OrderedDict()
        self._wire: Optional[Wire] = None

    # ---- the shared connections ---------------------------------------------------
    def wire(self) -> Wire:
        """The one pool of connections for Connector calls (made on first use, in the loop)."""
        if self._wire is None or self._wire.closed:
            self._wire = Wire(limit=100, keepalive=30.0, timeout=self.timeout)
        return self._wire

    async def close(self) -> None:
        """Close the connections and forget the clients that used them."""
        self._clients.clear()
        if self._wire is not None:
            await self._wire.close()
            self._wire = None

    # ---- connector clients ----------------------------------------------------------
    async def client_for(self, app_id: Optional[str], service_url: str, audience: Optional[str],
                         stock: ConnectorFactory) -> ConnectorClient:
        """The connector client for this app id, service URL and audience; built once."""
        key = (app_id, service_url, audience)
        client = self._clients.get(key)
        if client is not None:
            self._clients.move_to_end(key)
            return client
        # The stock factory checks the app id and makes the credentials exactly as it would per turn.
        template = await stock.create(service_url, audience)
        client = self.build_client(template.config, service_url)
        self.clients_built += 1
        self._clients[key] = client
        while len(self._clients) > self.max_clients:
            self._clients.popitem(last=False)
        return client

    def build_client(self, config, service_url: str) -> FastConnectorClient:
        """A client with the credentials and user agent of a stock client's `config`, sending over
        the shared connections, with replies going straight to the sender."""
        bearer = BearerTokenPolicy(config.credentials, self.token_ttl, self.clock)
        policies = [config.user_agent_policy, bearer, RawDeserializer(), config.http_logger_policy]
        sender = WireSender(self.wire, self.retry, self.timeout)
        return FastConnectorClient(
            config.credentials, base_url=service_url, pipeline_type=lambda _config: AsyncPipeline(policies, sender),
            operations=partial(DirectConversations, user_agent=config.user_agent_policy.user_agent, bearer=bearer,
                               sender=sender))

    # ---- BotFrameworkAuthentication ----------------------------------------------
    async def authenticate_request(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        result = await self.inner.authenticate_request(activity, auth_header)
        if result.connector_factory is not None:
            result.connector_factory = ReusingConnectorFactory(
                self, app_id_of(result.claims_identity), result.connector_factory)
        return result

    async def authenticate_streaming_request(self, auth_header: str,
                                             channel_id_header: str) -> AuthenticateRequestResult:
        return await self.inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return ReusingConnectorFactory(self, app_id_of(claims_identity),
                                       self.inner.create_connector_factory(claims_identity))

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        return LazyUserTokenClient(lambda: self.inner.create_user_token_client(claims_identity))

    def create_bot_framework_client(self):
        return self.inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self.inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self.inner.authenticate_channel_request(auth_header)


class ReusingConnectorFactory(ConnectorFactory):
    """A ConnectorFactory that asks its owner for a shared client instead of building one."""

    def __init__(self, owner: FastBotFrameworkAuthentication, app_id: Optional[str], stock: ConnectorFactory):
        self._owner = owner
        self._app_id = app_id
        self._stock = stock

    async def create(self, service_url: str, audience: str = None) -> ConnectorClient:
        return await self._owner.client_for(self._app_id, service_url, audience, self._stock)


class LazyUserTokenClient(UserTokenClient):
    """Builds the real UserTokenClient (and its TokenApiClient) only when a method is called."""

    def __init__(self, create):
        self._create = create
        self._client: Optional[UserTokenClient] = None

    @property
    def created(self) -> bool:
        return self._client is not None

    async def _real(self) -> UserTokenClient:
        if self._client is None:
            self._client = await self._create()
        return self._client

    async def get_user_token(self, user_id, connection_name, channel_id, magic_code):
        return await (await self._real()).get_user_token(user_id, connection_name, channel_id, magic_code)

    async def get_sign_in_resource(self, connection_name, activity, final_redirect):
        return await (await self._real()).get_sign_in_resource(connection_name, activity, final_redirect)

    async def sign_out_user(self, user_id, connection_name, channel_id):
        return await (await self._real()).sign_out_user(user_id, connection_name, channel_id)

    async def get_token_status(self, user_id, channel_id, include_filter):
        return await (await self._real()).get_token_status(user_id, channel_id, include_filter)

    async def get_aad_tokens(self, user_id, connection_name, resource_urls, channel_id):
        return await (await self._real()).get_aad_tokens(user_id, connection_name, resource_urls, channel_id)

    async def exchange_token(self, user_id, connection_name, channel_id, exchange_request):
        return await (await self._real()).exchange_token(user_id, connection_name, channel_id, exchange_request)


async def outbound_http(app: web.Application):
    """cleanup_ctx: close the shared Connector connections when the app stops."""
    yield
    auth = app[appkeys.ADAPTER].bot_framework_authentication
    if isinstance(auth, FastBotFrameworkAuthentication):
        await auth.close()
