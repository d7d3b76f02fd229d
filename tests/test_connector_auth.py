"""With auth on, inbound JWTs are checked and replies carry a bearer token from the token endpoint.

A local OpenID metadata server (in a thread: botbuilder fetches the keys, and stock credentials
their tokens, with blocking `requests`) publishes a key this test signs channel tokens with, and
hands out outbound tokens at /oauth2/v2.0/token, where TO_CHANNEL_FROM_BOT_LOGIN_URL points. MSAL
only talks to https Entra authorities, so the credentials here fetch the token themselves;
everything between the credentials and the wire is botbuilder's.
"""
from __future__ import annotations

import json
import threading
import time
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import jwt
import pytest
import requests
from aiohttp.test_utils import TestServer
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity
from botframework.connector.auth import MicrosoftAppCredentials, PasswordServiceClientCredentialFactory
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from bot import appkeys
from bot.connector import ReusingAuthentication
from tests.support.channel import activity
from tests.support.connector import FakeConnector

APP_ID = "11111111-2222-3333-4444-555555555555"
ISSUER = "https://api.botframework.test"


class EndpointCredentials(MicrosoftAppCredentials):
    """App credentials that ask a token endpoint for a new token on every call."""

    def __init__(self, app_id: str, password: str, token_url: str):
        super().__init__(app_id, password)
        self.token_url = token_url

    def get_access_token(self, force_refresh: bool = False) -> str:
        response = requests.post(self.token_url, data={"grant_type": "client_credentials",
                                                       "client_id": self.microsoft_app_id,
                                                       "client_secret": self.microsoft_app_password},
                                 timeout=5)
        response.raise_for_status()
        return response.json()["access_token"]


class EndpointCredentialsFactory(PasswordServiceClientCredentialFactory):
    async def create_credentials(self, app_id, oauth_scope, login_endpoint, validate_authority):
        if not await self.is_valid_app_id(app_id):
            raise Exception("Invalid app_id")
        return EndpointCredentials(app_id, self.password, login_endpoint.rstrip("/") + "/oauth2/v2.0/token")


@lru_cache(maxsize=1)
def signing_key() -> rsa.RSAPrivateKey:
    """One RSA key for the module's servers (making a 2048-bit key takes about 0.1 s); keys are immutable."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class OpenIdServer:
    """Serves OpenID metadata and one signing key from a thread."""

    def __init__(self):
        self.key = signing_key()
        self.tokens_issued = 0
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update(kid="test-key", use="sig", endorsements=["msteams", "emulator"])
        keys = {"keys": [jwk]}
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                outer.tokens_issued += 1
                body = json.dumps({"access_token": f"fake-token-{outer.tokens_issued}", "expires_in": 3600})
                self.send_response(200 if self.path == "/oauth2/v2.0/token" else 404)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body.encode())

            def do_GET(self):
                body = {"/openid": {"issuer": ISSUER, "jwks_uri": outer.url + "/keys"},
                        "/keys": keys}.get(self.path)
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps(body or {}).encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        # A short poll interval: shutdown() waits for the serving loop to look (0.5 s by default).
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.01},
                                       daemon=True)

    def token(self, service_url: str, **claims) -> str:
        now = int(time.time())
        payload = {"iss": ISSUER, "aud": APP_ID, "serviceurl": service_url, "nbf": now - 10,
                   "iat": now - 10, "exp": now + 600, **claims}
        return jwt.encode(payload, self.key, algorithm="RS256", headers={"kid": "test-key"})


@pytest.fixture
def openid():
    server = OpenIdServer()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture
async def connector():
    fake = FakeConnector()
    server = TestServer(fake.app(), host="127.0.0.1")
    await server.start_server()
    fake.service_url = str(server.make_url("/"))[:-1]
    yield fake
    await server.close()


@pytest.fixture
async def make_auth():
    """Factory for the authentication over a local OpenID server and token endpoint."""
    made = []

    def factory(openid: OpenIdServer, connector: FakeConnector) -> ReusingAuthentication:
        made.append(build_auth(openid, connector))
        return made[-1]

    yield factory
    for auth in made:
        await auth.close()


def build_auth(openid: OpenIdServer, connector: FakeConnector) -> ReusingAuthentication:
    config = SimpleNamespace(APP_ID=APP_ID, APP_PASSWORD="secret", APP_TYPE="MultiTenant",
                             TO_CHANNEL_FROM_BOT_LOGIN_URL=openid.url,
                             TO_CHANNEL_FROM_BOT_OAUTH_SCOPE="https://api.botframework.test",
                             TO_BOT_FROM_CHANNEL_TOKEN_ISSUER=ISSUER,
                             TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL=openid.url + "/openid",
                             TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL=openid.url + "/openid")
    inner = ConfigurationBotFrameworkAuthentication(
        config, credentials_factory=EndpointCredentialsFactory(APP_ID, "secret"))
    return ReusingAuthentication(inner)


def inbound(connector: FakeConnector, text: str) -> Activity:
    return Activity().deserialize(activity(connector.service_url, "c-auth", text=text, channel="msteams"))


async def echo(context: TurnContext) -> None:
    await context.send_activity(f"echo: {context.activity.text}")


async def test_a_signed_channel_token_passes_and_replies_carry_a_bearer_token(openid, connector, make_auth):
    adapter = CloudAdapter(make_auth(openid, connector))
    for text in ("one", "two", "three"):
        act = inbound(connector, text)
        await adapter.process_activity(f"Bearer {openid.token(connector.service_url)}", act, echo)

    assert [a["text"] for a in connector.inbox["c-auth"]] == ["echo: one", "echo: two", "echo: three"]
    sent_with = [h for h in connector.auth_headers if h]  # token requests carry none
    assert len(sent_with) == 3 and all(h.startswith("Bearer fake-token-") for h in sent_with)


@pytest.mark.parametrize("tamper", ["signature", "audience", "service url", "issuer"])
async def test_a_tampered_channel_token_is_refused(openid, connector, make_auth, tamper):
    adapter = CloudAdapter(make_auth(openid, connector))
    good = openid.token(connector.service_url)
    if tamper == "signature":
        header, payload, signature = good.split(".")
        claims = jwt.decode(good, options={"verify_signature": False})
        claims["aud"] = "someone-else"
        forged = jwt.utils.base64url_encode(json.dumps(claims).encode()).decode()
        token = ".".join((header, forged, signature))
    elif tamper == "audience":
        token = openid.token(connector.service_url, aud="someone-else")
    elif tamper == "service url":
        token = openid.token("https://evil.example.org")
    else:
        token = openid.token(connector.service_url, iss="https://sts.evil.example.org")
    # bot/http.py answers both of these with 401.
    with pytest.raises((PermissionError, jwt.PyJWTError)):
        await adapter.process_activity(f"Bearer {token}", inbound(connector, "hi"), echo)
    assert connector.inbox == {}


@pytest.fixture
async def secured_bot(make_bot, openid, connector):
    """The app with an app id, checking tokens against the local OpenID server."""
    bot = await make_bot({"MicrosoftAppId": APP_ID, "MicrosoftAppPassword": "secret"})
    bot.app[appkeys.ADAPTER].bot_framework_authentication = build_auth(openid, bot.connector)
    return bot


def forged(openid: OpenIdServer, service_url: str, how: str) -> str:
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": APP_ID, "serviceurl": service_url, "nbf": now - 10, "exp": now + 600}
    if how == "unknown key id":
        return jwt.encode(claims, openid.key, algorithm="RS256", headers={"kid": "someone-elses-key"})
    if how == "no key id":
        return jwt.encode(claims, openid.key, algorithm="RS256")
    if how == "HS256":
        return jwt.encode(claims, "a shared secret of at least 32 bytes!", algorithm="HS256", headers={"kid": "test-key"})
    if how == "alg none":
        return jwt.encode(claims, None, algorithm="none", headers={"kid": "test-key"})
    if how == "RS512":
        return jwt.encode(claims, openid.key, algorithm="RS512", headers={"kid": "test-key"})
    if how == "expired":
        return jwt.encode({**claims, "exp": now - 3600}, openid.key, algorithm="RS256", headers={"kid": "test-key"})
    return "not.a.jwt"


@pytest.mark.parametrize("how", ["unknown key id", "no key id", "HS256", "alg none", "RS512", "expired", "garbage"])
async def test_forged_or_invalid_tokens_get_401_over_http(secured_bot, openid, how):
    token = forged(openid, secured_bot.connector.service_url, how)
    status, body = await secured_bot.channel.post(activity(secured_bot.connector.service_url, "c-forged", text="hi"),
                                                  headers={"Authorization": f"Bearer {token}"})
    assert status == 401, body
    assert secured_bot.connector.inbox == {}


async def test_a_valid_token_gets_its_turn_over_http(secured_bot, openid):
    token = openid.token(secured_bot.connector.service_url)
    status, _ = await secured_bot.channel.post(activity(secured_bot.connector.service_url, "c-ok", text="hello"),
                                               headers={"Authorization": f"Bearer {token}"})
    assert status == 201
    assert "Hello" in secured_bot.connector.inbox["c-ok"][-1]["text"]


async def test_a_token_that_cannot_be_checked_gets_503_not_500(make_bot, openid):
    """The issuer's signing keys are unreachable (nothing listens where the metadata points)."""
    bot = await make_bot({"MicrosoftAppId": APP_ID, "MicrosoftAppPassword": "secret"})
    openid.url = f"http://127.0.0.1:{closed_port()}"
    bot.app[appkeys.ADAPTER].bot_framework_authentication = build_auth(openid, bot.connector)
    status, _ = await bot.channel.post(activity(bot.connector.service_url, "c-auth", text="hi"),
                                       headers={"Authorization": f"Bearer {openid.token(bot.connector.service_url)}"})
    assert status == 503


def closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
