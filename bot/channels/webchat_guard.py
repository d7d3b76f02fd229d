"""What keeps the local web chat local: the Host and Origin a request may carry, and activities
stripped of the Connector secret before the page sees them.

DNS rebinding: a web page on another site can point its own host name at 127.0.0.1 and then call
this app from the visitor's browser as if it were same-origin. Its requests still carry that
other name in `Host` (and its origin in `Origin`), so only the names this app is served under are
answered: 127.0.0.1, localhost and [::1] on the port it listens on, and WEBCHAT_HOSTS.

The bot replies through `/directline/connector/<secret>/...` (its serviceUrl). Whoever knows the
secret can put activities into any conversation, so nothing the page is given carries it:
`serviceUrl` is dropped from every activity, and the secret is cut out of any other string.
"""
from __future__ import annotations

import functools
from typing import Any, Awaitable, Callable
from urllib.parse import urlsplit

from aiohttp import web

from bot import appkeys

LOCAL_NAMES = ("127.0.0.1", "localhost", "::1")
HIDDEN = "[hidden]"


def for_page(value: Any, secret: str) -> Any:
    """A copy of an activity (or any JSON value) fit for the page: no `serviceUrl` at any depth, and
    the secret replaced wherever else it appears."""
    if isinstance(value, dict):
        return {key: for_page(item, secret) for key, item in value.items() if key.lower() != "serviceurl"}
    if isinstance(value, list):
        return [for_page(item, secret) for item in value]
    if isinstance(value, str) and secret in value:
        return value.replace(secret, HIDDEN)
    return value


def _name_and_port(netloc: str, default_port: int) -> tuple[str, int | None] | None:
    """('localhost', 3978) from 'localhost:3978'; the port is None when none is given."""
    try:
        parts = urlsplit("//" + netloc)
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname or parts.username is not None or parts.password is not None:
        return None
    return parts.hostname, port if port is not None else default_port


def served_port(request: web.Request) -> int:
    """The port this app actually listens on (from the socket), else the PORT setting."""
    sockname = request.transport.get_extra_info("sockname") if request.transport else None
    return sockname[1] if sockname else request.app[appkeys.SETTINGS].port


def allowed(request: web.Request, name_and_port: tuple[str, int | None] | None) -> bool:
    """Whether a (name, port) is one this app is served under."""
    if name_and_port is None:
        return False
    name, port = name_and_port
    here = served_port(request)
    if name in LOCAL_NAMES and port == here:
        return True
    for configured in request.app[appkeys.SETTINGS].webchat_hosts:
        wanted = _name_and_port(configured, -1)
        if wanted is not None and wanted[0] == name and wanted[1] in (-1, port):
            return True
    return False


def refusal(request: web.Request) -> str | None:
    """Why a request must be refused ('Host' or 'Origin'), or None."""
    if not allowed(request, _name_and_port(request.headers.get("Host", "").strip().lower(), 80)):
        return "Host"
    origin = request.headers.get("Origin")
    if origin is not None:
        parts = urlsplit(origin.strip().lower())
        default = {"http": 80, "https": 443}.get(parts.scheme)
        if default is None or parts.path not in ("", "/"):
            return "Origin"
        if not allowed(request, _name_and_port(parts.netloc, default)):
            return "Origin"
    return None


def guarded(handler: Callable[[web.Request], Awaitable[web.StreamResponse]]):
    """Answer only requests addressed to this app by a name it is served under (403 otherwise)."""

    @functools.wraps(handler)
    async def checked(request: web.Request) -> web.StreamResponse:
        problem = refusal(request)
        if problem is not None:
            return web.json_response({"error": {"code": "Forbidden", "message": f"unexpected {problem} header: "
                                                f"the web chat answers only on the address it is served on"}},
                                     status=403)
        return await handler(request)

    return checked
