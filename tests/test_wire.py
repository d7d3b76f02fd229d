"""The Connector's HTTP client (`bot.wire`) against real local servers: aiohttp's, and raw
sockets for the responses aiohttp never sends (chunked by hand, read-to-close, 100 Continue,
garbage, a connection dropped mid-body)."""
from __future__ import annotations

import asyncio
import datetime
import ipaddress
import json
import socket
import ssl
from contextlib import asynccontextmanager

import pytest
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from aiohttp.test_utils import TestServer

from bot.wire import ConnectFailed, Disconnected, Wire, WireError


@pytest.fixture
async def wire():
    client = Wire(timeout=5.0)
    yield client
    await client.close()


@pytest.fixture
async def echo_server():
    """An aiohttp server that answers with what it received, and can close after answering."""
    seen = []

    async def handler(request: web.Request) -> web.Response:
        body = await request.read()
        seen.append({"method": request.method, "path": request.raw_path, "headers": dict(request.headers),
                     "body": body, "peer": request.transport.get_extra_info("peername")})
        response = web.json_response({"got": body.decode("utf-8"), "path": request.raw_path}, status=201)
        if request.query.get("close"):
            response.force_close()
        return response

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    server.seen = seen
    yield server
    await server.close()


@asynccontextmanager
async def raw_server(reply):
    """A TCP server that reads each request head (and its Content-Length body) and calls
    `reply(request_bytes, writer)`; yields its base URL. On exit every connection is closed and
    every handler finished, so nothing is left for the garbage collector to warn about."""
    handlers: set[asyncio.Task] = set()
    writers: set[asyncio.StreamWriter] = set()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        handlers.add(asyncio.current_task())
        writers.add(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                body = await reader.readexactly(length)
                if await reply(head + body, writer) is False:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    finally:
        server.close()
        for task in handlers:
            task.cancel()
        await asyncio.gather(*handlers, return_exceptions=True)
        for writer in writers:
            writer.close()
            await writer.wait_closed()
        await server.wait_closed()


async def test_a_post_arrives_whole_and_the_json_answer_comes_back(wire, echo_server):
    url = f"http://127.0.0.1:{echo_server.port}/v3/conversations/a%3Ab/activities/x?q=1"  # as msrest quotes ids
    text = json.dumps({"type": "message", "text": "café ☕"}, ensure_ascii=False)
    response = await wire.request("POST", url, {"Content-Type": "application/json", "Authorization": "Bearer t",
                                                 "x-ms-conversation-id": "a:b-é"}, text)
    assert response.status == 201 and response.reason == "Created"
    assert response.headers["content-type"].startswith("application/json")
    assert json.loads(response.body) == {"got": text, "path": "/v3/conversations/a%3Ab/activities/x?q=1"}
    seen = echo_server.seen[0]
    assert seen["method"] == "POST" and seen["headers"]["Authorization"] == "Bearer t"
    assert seen["headers"]["x-ms-conversation-id"] == "a:b-é"  # UTF-8, as aiohttp's client wrote it
    assert seen["headers"]["Content-Length"] == str(len(text.encode("utf-8")))
    assert seen["headers"]["Host"] == f"127.0.0.1:{echo_server.port}"


async def test_connections_are_kept_alive_and_reused(wire, echo_server):
    url = str(echo_server.make_url("/x"))
    for n in range(5):
        assert (await wire.request("POST", url, {}, f"{n}")).status == 201
    assert wire.connections_made == 1
    assert len({seen["peer"] for seen in echo_server.seen}) == 1


async def test_concurrent_calls_use_separate_connections_within_the_limit(echo_server):
    client = Wire(limit=3)
    try:
        url = str(echo_server.make_url("/x"))
        answers = await asyncio.gather(*(client.request("POST", url, {}, str(n)) for n in range(12)))
        assert sorted(json.loads(a.body)["got"] for a in answers) == sorted(str(n) for n in range(12))
        assert client.connections_made <= 3
    finally:
        await client.close()


async def test_a_connection_the_server_closes_is_not_reused(wire, echo_server):
    await wire.request("POST", str(echo_server.make_url("/x?close=1")), {}, "a")
    await wire.request("POST", str(echo_server.make_url("/x")), {}, "b")
    assert wire.connections_made == 2


async def test_an_idle_connection_older_than_keepalive_is_replaced(echo_server):
    now = [0.0]
    client = Wire(keepalive=30.0, clock=lambda: now[0])
    try:
        url = str(echo_server.make_url("/x"))
        await client.request("POST", url, {}, "a")
        now[0] = 31.0
        await client.request("POST", url, {}, "b")
        assert client.connections_made == 2
    finally:
        await client.close()


async def test_a_chunked_answer_is_joined(wire):
    async def reply(request, writer):
        writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
                     b"5\r\n{\"id\"\r\n7\r\n: \"r1\"}\r\n0\r\n\r\n")
    async with raw_server(reply) as url:
        first = await wire.request("POST", url + "/a", {}, "{}")
        second = await wire.request("POST", url + "/a", {}, "{}")
    assert first.body == second.body == b'{"id": "r1"}'
    assert wire.connections_made == 1


async def test_an_answer_without_length_runs_to_the_end_of_the_connection(wire):
    async def reply(request, writer):
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of ")
        await writer.drain()
        writer.write(b"it")
        return False  # close
    async with raw_server(reply) as url:
        response = await wire.request("GET", url + "/", {})
    assert response.status == 200 and response.body == b"all of it"


async def test_an_interim_100_continue_is_skipped(wire):
    async def reply(request, writer):
        writer.write(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\n{}")
    async with raw_server(reply) as url:
        response = await wire.request("POST", url + "/", {}, b"{}")
    assert (response.status, response.reason, response.body) == (202, "Accepted", b"{}")


async def test_a_connection_dropped_mid_body_is_an_error_not_a_short_answer(wire):
    async def reply(request, writer):
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"id\":")
        return False
    async with raw_server(reply) as url:
        with pytest.raises(Disconnected):
            await wire.request("POST", url + "/", {}, "{}")


async def test_garbage_from_the_server_is_an_error(wire):
    async def reply(request, writer):
        writer.write(b"SMTP ready\r\n\r\n")
    async with raw_server(reply) as url:
        with pytest.raises(Disconnected, match="unreadable"):
            await wire.request("POST", url + "/", {}, "{}")


async def test_a_server_that_never_answers_times_out_and_its_connection_is_dropped():
    hung = []

    async def reply(request, writer):
        hung.append(writer)
        await asyncio.sleep(10)
    client = Wire(timeout=0.2)
    try:
        async with raw_server(reply) as url:
            for _ in range(2):
                with pytest.raises(asyncio.TimeoutError):
                    await client.request("POST", url + "/", {}, "{}")
            assert client.connections_made == 2  # the timed-out connection was not used again
    finally:
        await client.close()


async def test_nothing_listening_is_connect_failed(wire):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(ConnectFailed, match="cannot connect"):
        await wire.request("POST", f"http://127.0.0.1:{port}/v3", {}, "{}")


@pytest.mark.parametrize("url", ["ftp://example.org/x", "http:///nohost", "http://user:pw@example.org/x",
                                 "http://example.org:99999/x"])
async def test_urls_the_client_will_not_send_to_are_refused(wire, url):
    with pytest.raises(WireError):
        await wire.request("POST", url, {}, "{}")
    assert wire.connections_made == 0


async def test_a_header_with_a_line_break_is_refused_before_sending(wire, echo_server):
    with pytest.raises(WireError, match="line break"):
        await wire.request("POST", str(echo_server.make_url("/x")), {"X-Bad": "a\r\nInjected: yes"}, "{}")
    assert echo_server.seen == []


async def test_a_closed_client_refuses_calls(echo_server):
    client = Wire()
    await client.request("POST", str(echo_server.make_url("/x")), {}, "{}")
    await client.close()
    with pytest.raises(WireError, match="closed"):
        await client.request("POST", str(echo_server.make_url("/x")), {}, "{}")


def self_signed(tmp_path) -> tuple[str, str]:
    """A certificate for 127.0.0.1 and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=1))
            .not_valid_after(now + datetime.timedelta(hours=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_file), str(key_file)


async def test_https_is_verified_and_a_trusted_server_answers(tmp_path):
    cert, key = self_signed(tmp_path)
    server_side = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_side.load_cert_chain(cert, key)

    async def handler(request: web.Request) -> web.Response:
        return web.json_response({"id": "tls", "scheme": request.scheme})

    app = web.Application()
    app.router.add_post("/v3/x", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=server_side)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    url = f"https://127.0.0.1:{port}/v3/x"
    trusting = Wire(ssl_context=ssl.create_default_context(cafile=cert))
    default = Wire()  # the system's certificate store: it has never heard of this certificate
    try:
        response = await trusting.request("POST", url, {}, "{}")
        assert json.loads(response.body) == {"id": "tls", "scheme": "https"}
        with pytest.raises(ConnectFailed, match="SSLCertVerificationError"):
            await default.request("POST", url, {}, "{}")
    finally:
        await trusting.close()
        await default.close()
        await runner.cleanup()
