"""With auth on, the fast path still checks inbound JWTs and acquires and refreshes outbound tokens.

A local OpenID metadata server (in a thread: botbuilder fetches the keys with blocking
`requests`) publishes a key this test signs channel tokens with. Outbound tokens come from the
fake Connector's /oauth2/v2.0/token, where TO_CHANNEL_FROM_BOT_LOGIN_URL points. MSAL only talks
to https Entra authorities, so the credentials here fetch the token themselves; everything
between the credentials and the wire is the product's.
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

from bot.connector import FastBotFrameworkAuthentication
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
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update(kid="test-key", use="sig", endorsements=["msteams", "emulator"])
        keys = {"keys": [jwk]}
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's naming
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
    """Factory for the fast authentication over a local OpenID server and token endpoint."""
    made = []

    def factory(openid: OpenIdServer, connector: FakeConnector, clock) -> FastBotFrameworkAuthentication:
        made.append(build_auth(openid, connector, clock))
        return made[-1]

    yield factory
    for auth in made:
        await auth.close()


def build_auth(openid: OpenIdServer, connector: FakeConnector, clock) -> FastBotFrameworkAuthentication:
    config = SimpleNamespace(APP_ID=APP_ID, APP_PASSWORD="secret", APP_TYPE="MultiTenant",
                             TO_CHANNEL_FROM_BOT_LOGIN_URL=connector.service_url,
                             TO_CHANNEL_FROM_BOT_OAUTH_SCOPE="https://api.botframework.test",
                             TO_BOT_FROM_CHANNEL_TOKEN_ISSUER=ISSUER,
                             TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL=openid.url + "/openid",
                             TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL=openid.url + "/openid")
    inner = ConfigurationBotFrameworkAuthentication(
        config, credentials_factory=EndpointCredentialsFactory(APP_ID, "secret"))
    return FastBotFrameworkAuthentication(inner, token_ttl=60, clock=clock)


def inbound(connector: FakeConnector, text: str) -> Activity:
    return Activity().deserialize(activity(connector.service_url, "c-auth", text=text, channel="msteams"))


async def echo(context: TurnContext) -> None:
    await context.send_activity(f"echo: {context.activity.text}")


async def test_a_signed_channel_token_passes_and_replies_carry_a_refreshed_bearer_token(openid, connector, make_auth):
    now = [1000.0]
    adapter = CloudAdapter(make_auth(openid, connector, lambda: now[0]))
    for text in ("one", "two"):
        act = inbound(connector, text)
        await adapter.process_activity(f"Bearer {openid.token(connector.service_url)}", act, echo)
    now[0] += 61  # past the header's lifetime: the credentials are asked again
    act = inbound(connector, "three")
    await adapter.process_activity(f"Bearer {openid.token(connector.service_url)}", act, echo)

    assert [a["text"] for a in connector.inbox["c-auth"]] == ["echo: one", "echo: two", "echo: three"]
    sent_with = [h for h in connector.auth_headers if h]  # token requests carry none
    assert len(sent_with) == 3 and all(h.startswith("Bearer fake-token-") for h in sent_with)
    assert sent_with[0] == sent_with[1] != sent_with[2]


@pytest.mark.parametrize("tamper", ["signature", "audience", "service url", "issuer"])
async def test_a_tampered_channel_token_is_refused(openid, connector, make_auth, tamper):
    adapter = CloudAdapter(make_auth(openid, connector, time.monotonic))
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
