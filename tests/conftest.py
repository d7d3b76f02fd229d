"""Shared fixtures: no network beyond loopback, the bot with a fake Connector."""
from __future__ import annotations

import ipaddress
import os
import socket

import pytest

from bot import serialize
from tests.support import startup
from tests.support.harness import BotHarness

# Every activity the bot reads or sends in a test is checked against msrest's own (de)serialiser.
serialize.CHECK = True

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _loopback(address) -> bool:
    if not isinstance(address, tuple):
        return True  # unix sockets
    host = address[0]
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _guarded_connect(self, address):
    if not _loopback(address):
        raise RuntimeError(f"test tried to reach the network: {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    if not _loopback(address):
        raise RuntimeError(f"test tried to reach the network: {address!r}")
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    name = host.decode() if isinstance(host, bytes) else host
    if name not in (None, "localhost") and not _is_ip_loopback(name):
        raise RuntimeError(f"test tried to resolve a network host: {name!r}")
    return _real_getaddrinfo(host, *args, **kwargs)


def _is_ip_loopback(name: str) -> bool:
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    """Fail any test that tries to leave this machine."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", _guarded_getaddrinfo)


@pytest.fixture(scope="session", autouse=True)
def load_once():
    """Apps started in this process reuse the scenario book and contacts an earlier one loaded."""
    with pytest.MonkeyPatch.context() as patch:
        startup.load_once(patch)
        yield


@pytest.fixture
async def make_bot(tmp_path):
    """Factory: start the bot with extra environment; every card it sent is schema-checked."""
    started: list[BotHarness] = []

    async def factory(env: dict | None = None, channel: str = "emulator", data_dir=None) -> BotHarness:
        harness = BotHarness(data_dir or tmp_path / f"data{len(started)}", env, channel)
        started.append(harness)
        return await harness.start()

    yield factory
    for harness in started:
        await harness.close()
    for harness in started:
        assert harness.connector.card_errors == [], harness.connector.card_errors


@pytest.fixture
async def bot(make_bot):
    return await make_bot()


@pytest.fixture(scope="session")
def postgres_server():
    """TEST_DATABASE_URL, or a throwaway server started for this test session."""
    from tests.support.postgres import ThrowawayPostgres

    given = os.environ.get("TEST_DATABASE_URL")
    if given:
        yield given
        return
    server = ThrowawayPostgres()
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh database on the test PostgreSQL server."""
    from tests.support.postgres import create_database

    return create_database(postgres_server)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """Each storage test runs on SQLite and on a real PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    url = request.getfixturevalue("postgres_url")
    return "postgresql+asyncpg://" + url[len("postgresql://"):]


@pytest.fixture
async def postgres_proxy(postgres_url):
    """A fresh database reached through a loopback proxy whose `cut()` and `restore()` make an outage;
    `.url` is the DATABASE_URL through it."""
    from urllib.parse import urlsplit

    from tests.support.tcpproxy import TcpProxy

    where = urlsplit(postgres_url)
    proxy = await TcpProxy(where.hostname, where.port).start()
    proxy.url = postgres_url.replace(f"{where.hostname}:{where.port}", f"127.0.0.1:{proxy.port}")
    yield proxy
    await proxy.close()
