"""A small HTTP/1.1 client for the bot's Connector calls: kept-alive connections and httptools.

A reply to the Connector is one POST of a JSON activity that answers with a small JSON body.
aiohttp's client does that through a general machine (URL objects, cookie jar, tracing,
redirect handling, a timer per phase, a response object with a stream), which cost about a
tenth of a policy answer's CPU. This client does only what a Connector call needs:

- one pool of kept-alive connections per scheme, host and port, at most `limit` open at once;
  an idle connection is closed after `keepalive` seconds, and one the server has closed is
  never reused;
- the request is written in one piece with a Content-Length; the response is parsed by
  httptools (llhttp, the parser Node.js uses), whole, with Content-Length, chunked or
  read-to-close bodies; 1xx responses are skipped;
- TLS with the system's default verification for https; no proxies, cookies or redirects
  (the Connector uses none of them; aiohttp was not told to follow them either);
- one deadline for the whole call (`timeout`); a connection that timed out or failed is closed.

Errors say what went wrong and whether the request may have reached the server:
`ConnectFailed` (it did not: safe to try again, even for a POST), `Disconnected` and
`asyncio.TimeoutError` (it may have). Header names and values with line breaks are refused
before anything is sent.
"""
from __future__ import annotations

import asyncio
import ssl
import time
from collections import deque
from dataclasses import dataclass
from typing import Callable, Mapping, Optional
from urllib.parse import urlsplit

import httptools
from multidict import CIMultiDict


class WireError(Exception):
    """An HTTP call that did not give a response."""


class ConnectFailed(WireError):
    """No connection could be made: nothing was sent."""


class Disconnected(WireError):
    """The connection closed, or the server sent something that is not HTTP, before a whole
    response arrived. The server may have acted on the request."""


@dataclass(frozen=True)
class WireResponse:
    status: int
    reason: str
    headers: CIMultiDict
    body: bytes


@dataclass(frozen=True)
class _Origin:
    scheme: str
    host: str
    port: int
    host_header: str


class _Connection(asyncio.Protocol):
    """One kept-alive connection: one request at a time, the response parsed as it arrives."""

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self.loop = loop
        self.transport: Optional[asyncio.Transport] = None
        self.closed = False
        self.idle_since = 0.0
        self._waiter: Optional[asyncio.Future] = None

    # ---- the call --------------------------------------------------------------------
    def send(self, request: bytes) -> asyncio.Future:
        self._parser = httptools.HttpResponseParser(self)
        self._reason = ""
        self._headers: list[tuple[str, str]] = []
        self._body: list[bytes] = []
        self._framed = False  # the response says where its body ends (Content-Length or chunked)
        self._got_headers = False
        self._complete = False
        self._waiter = self.loop.create_future()
        self.transport.write(request)
        return self._waiter

    @property
    def reusable(self) -> bool:
        return not self.closed and self._waiter is None and not self.transport.is_closing()

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()

    # ---- asyncio.Protocol ------------------------------------------------------------
    def connection_made(self, transport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        if self._waiter is None:
            self.close()  # bytes nobody asked for: this connection cannot be trusted again
            return
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserError as exc:
            self._fail(Disconnected(f"the server sent an unreadable response ({type(exc).__name__})"))
            self.close()

    def eof_received(self) -> bool:
        return False  # close our side too

    def connection_lost(self, exc: Optional[BaseException]) -> None:
        self.closed = True
        if self._waiter is None:
            return
        if self._got_headers and not self._framed:
            self._finish(keep_alive=False)  # the body ran to the end of the connection
        else:
            self._fail(Disconnected("the server closed the connection before the response was complete"))

    # ---- httptools callbacks ---------------------------------------------------------
    def on_status(self, reason: bytes) -> None:
        self._reason = reason.decode("latin-1")

    def on_header(self, name: bytes, value: bytes) -> None:
        self._headers.append((name.decode("latin-1"), value.decode("latin-1")))

    def on_headers_complete(self) -> None:
        if self._complete:
            return
        if 100 <= self._parser.get_status_code() < 200:
            self._headers = []  # an interim response: the real one follows
            return
        self._got_headers = True
        self._framed = any(name.lower() in ("content-length", "transfer-encoding") for name, _ in self._headers)

    def on_body(self, body: bytes) -> None:
        self._body.append(body)

    def on_message_complete(self) -> None:
        if self._complete:
            self.close()  # a second response to one request
        elif self._got_headers:
            self._complete = True
            self._finish(keep_alive=self._parser.should_keep_alive())

    def _finish(self, keep_alive: bool) -> None:
        response = WireResponse(self._parser.get_status_code(), self._reason, CIMultiDict(self._headers),
                                b"".join(self._body))
        waiter, self._waiter = self._waiter, None
        if not keep_alive:
            self.close()
        if not waiter.done():
            waiter.set_result(response)

    def _fail(self, exc: Exception) -> None:
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_exception(exc)


class Wire:
    """Kept-alive HTTP/1.1 connections for small request/response calls."""

    def __init__(self, *, limit: int = 100, keepalive: float = 30.0, timeout: float = 30.0,
                 ssl_context: Optional[ssl.SSLContext] = None, clock: Callable[[], float] = time.monotonic):
        self.timeout = timeout
        self.keepalive = keepalive
        self.connections_made = 0
        self._clock = clock
        self._limit = asyncio.Semaphore(limit)
        self._idle: dict[_Origin, deque[_Connection]] = {}
        self._origins: dict[str, _Origin] = {}
        self._ssl = ssl_context
        self._open: set[_Connection] = set()
        self.closed = False

    async def request(self, method: str, url: str, headers: Mapping[str, str], body: bytes | str | None = None,
                      timeout: Optional[float] = None) -> WireResponse:
        """Send one request and return the whole response."""
        if self.closed:
            raise WireError("the HTTP client is closed")
        if not isinstance(body, (bytes, bytearray, str, type(None))):
            raise WireError(f"a request body must be bytes or text, not {type(body).__name__}")
        origin, target = self._parse(url)
        payload = body.encode("utf-8") if isinstance(body, str) else bytes(body or b"")
        head = _head(method, target, origin.host_header, headers, len(payload), body is not None)
        connection = None
        try:
            async with asyncio.timeout(self.timeout if timeout is None else timeout), self._limit:
                connection = await self._connection(origin)
                response = await connection.send(head + payload)
        except BaseException:
            if connection is not None:
                self._discard(connection)
            raise
        if connection.reusable:
            connection.idle_since = self._clock()
            self._idle.setdefault(origin, deque()).append(connection)
        else:
            self._discard(connection)
        return response

    async def close(self) -> None:
        """Close every connection; later requests fail."""
        self.closed = True
        for connection in list(self._open):
            connection.close()
        self._open.clear()
        self._idle.clear()
        await asyncio.sleep(0)  # the transports finish closing on the loop's next pass

    def _parse(self, url: str) -> tuple[_Origin, str]:
        base, sep, query = url.partition("?")
        scheme_end = base.find("://")
        cut = base.find("/", scheme_end + 3) if scheme_end > 0 else -1
        root = base if cut < 0 else base[:cut]
        known = self._origins.get(root)
        if known is None:
            parts = urlsplit(root)
            try:
                port = parts.port or (443 if parts.scheme == "https" else 80)
            except ValueError:
                raise WireError(f"the URL has a bad port: {root!r}") from None
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise WireError(f"not an http(s) URL: {root!r}")
            if "@" in parts.netloc:
                raise WireError("URLs with credentials in them are not sent")
            known = self._origins[root] = _Origin(parts.scheme, parts.hostname, port, parts.netloc)
            if len(self._origins) > 1024:
                self._origins.pop(next(iter(self._origins)))
        path = base[len(root):] or "/"
        return known, path + sep + query

    async def _connection(self, origin: _Origin) -> _Connection:
        idle = self._idle.get(origin)
        now = self._clock()
        while idle:
            connection = idle.pop()
            if connection.reusable and now - connection.idle_since < self.keepalive:
                return connection
            self._discard(connection)
        loop = asyncio.get_running_loop()
        context = None
        if origin.scheme == "https":
            if self._ssl is None:
                self._ssl = ssl.create_default_context()
            context = self._ssl
        try:
            _, connection = await loop.create_connection(
                lambda: _Connection(loop), origin.host, origin.port, ssl=context,
                server_hostname=origin.host if context else None)
        except OSError as exc:  # ssl.SSLError is one too
            raise ConnectFailed(f"cannot connect to {origin.host}:{origin.port} ({type(exc).__name__})") from exc
        self.connections_made += 1
        self._open.add(connection)
        return connection

    def _discard(self, connection: _Connection) -> None:
        connection.close()
        self._open.discard(connection)


def _head(method: str, target: str, host: str, headers: Mapping[str, str], length: int, has_body: bool) -> bytes:
    lines = [f"{method} {target} HTTP/1.1", f"Host: {host}"]
    for name, value in headers.items():
        lowered = name.lower()
        if lowered in ("host", "content-length", "transfer-encoding", "connection"):
            continue
        value = str(value)
        if "\r" in name or "\n" in name or "\r" in value or "\n" in value or ":" in name:
            raise WireError(f"header {name!r} has a line break or colon in it")
        lines.append(f"{name}: {value}")
    if has_body or method in ("POST", "PUT", "PATCH"):
        lines.append(f"Content-Length: {length}")
    lines.append("\r\n")
    return "\r\n".join(lines).encode("utf-8")
