"""Start the real app (create_app) on a loopback port, with a fake Connector beside it."""
from __future__ import annotations

from pathlib import Path

import aiohttp
from aiohttp.test_utils import TestServer

from app import create_app
from bot import appkeys
from bot.settings import Settings

from .channel import TRUST_TENANT, Channel
from .connector import FakeConnector

TEST_REPORT_KEY = "3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="  # 32 bytes, tests only


def deployment_defaults(env: dict) -> dict:
    """A deployed bot (app id or shared database) must be given contacts and a report key, and one
    registered with Azure (app id) the trust's tenants."""
    if not (env.get("MicrosoftAppId") or env.get("DATABASE_URL")):
        return {}
    defaults = {"CONTACTS_FILE": str(Path(__file__).resolve().parents[2] / "config" / "contacts.example.yaml"),
                "REPORT_ENCRYPTION_KEY": TEST_REPORT_KEY}
    if env.get("MicrosoftAppId"):
        defaults["TRUST_TENANT_IDS"] = TRUST_TENANT
    return defaults


class BotHarness:
    """The bot under test. `restart()` builds a fresh app on the same DATA_DIR."""

    def __init__(self, data_dir: Path, env: dict | None = None, channel: str = "emulator"):
        self.data_dir = data_dir
        self.env = {"DATA_DIR": str(data_dir), **deployment_defaults(env or {}), **(env or {})}
        self.channel_id = channel
        self.connector = FakeConnector()
        self._connector_server: TestServer | None = None
        self.server: TestServer | None = None
        self.session: aiohttp.ClientSession | None = None
        self.channel: Channel | None = None

    @property
    def app(self):
        return self.server.app

    @property
    def services(self):
        return self.server.app[appkeys.SERVICES]

    @property
    def base_url(self) -> str:
        return str(self.server.make_url("/"))[:-1]

    async def start(self) -> BotHarness:
        self._connector_server = TestServer(self.connector.app(), host="127.0.0.1")
        await self._connector_server.start_server()
        self.connector.service_url = str(self._connector_server.make_url("/"))[:-1]
        self.session = aiohttp.ClientSession()
        await self._start_bot()
        return self

    async def _start_bot(self) -> None:
        settings = Settings.from_env(self.env)
        self.server = TestServer(create_app(settings), host="127.0.0.1")
        await self.server.start_server()
        self.channel = Channel(self.session, str(self.server.make_url("/api/messages")), self.connector,
                               self.channel_id)

    async def restart(self) -> None:
        await self.server.close()
        await self._start_bot()

    async def close(self) -> None:
        if self.server:
            await self.server.close()
        if self.session:
            await self.session.close()
        if self._connector_server:
            await self._connector_server.close()

    async def send(self, conversation: str, text: str | None = None, **kw):
        return await self.channel.send(conversation, text, **kw)
