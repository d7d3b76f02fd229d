"""A fake Slack Web API: a real local server speaking auth.test, chat.postMessage, chat.update, chat.delete
and users.info.

`sign(...)` makes a request as Slack's servers would send it to /api/slack.
"""
from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from aiohttp import web
from aiohttp.test_utils import TestServer

BOT_USER = "UBOT"
_ts = itertools.count(1)


@dataclass
class FakeSlack:
    token: str = "xoxb-test-token"
    users: dict[str, dict] = field(default_factory=dict)
    posted: list[dict] = field(default_factory=list)
    updated: list[dict] = field(default_factory=list)
    deleted: list[dict] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    looked_up: list[str] = field(default_factory=list)  # users.info's `user`, call by call
    client_ports: list[int] = field(default_factory=list)  # the caller's port, call by call
    server: TestServer | None = None

    @property
    def api_url(self) -> str:
        return str(self.server.make_url("/api/"))

    def add_user(self, user_id: str, real_name: str, email: str) -> None:
        self.users[user_id] = {"id": user_id, "real_name": real_name,
                               "profile": {"real_name": real_name, "email": email}}

    def _authorised(self, request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bearer {self.token}"

    async def _method(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        self.calls.append(method)
        self.client_ports.append(request.transport.get_extra_info("peername")[1])
        if not self._authorised(request):
            return web.json_response({"ok": False, "error": "invalid_auth"})
        body = await self._body(request)
        if method == "auth.test":
            return web.json_response({"ok": True, "user_id": BOT_USER, "bot_id": "BBOT"})
        if method == "chat.postMessage":
            ts = f"1700000000.{next(_ts):06d}"
            self.posted.append({**body, "ts": ts})
            return web.json_response({"ok": True, "channel": body.get("channel"), "ts": ts})
        if method == "chat.update":
            self.updated.append(body)
            return web.json_response({"ok": True, "channel": body.get("channel"), "ts": body.get("ts")})
        if method == "chat.delete":
            self.deleted.append(body)
            return web.json_response({"ok": True, "channel": body.get("channel"), "ts": body.get("ts")})
        if method == "users.info":
            self.looked_up.append(body.get("user", ""))
            user = self.users.get(body.get("user", ""))
            if user is None:
                return web.json_response({"ok": False, "error": "user_not_found"})
            return web.json_response({"ok": True, "user": user})
        return web.json_response({"ok": False, "error": "unknown_method"}, status=404)

    @staticmethod
    async def _body(request: web.Request) -> dict:
        """A method's arguments, as Slack reads them: the query string, then a JSON or form body."""
        arguments = dict(request.query)
        if request.can_read_body and request.content_type == "application/json":
            arguments.update(await request.json())
        elif request.can_read_body and request.content_type == "application/x-www-form-urlencoded":
            arguments.update(await request.post())
        return arguments

    async def start(self) -> FakeSlack:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._method)
        self.server = TestServer(app, host="127.0.0.1")
        await self.server.start_server()
        return self

    async def close(self) -> None:
        if self.server:
            await self.server.close()


def sign(secret: str, body: str, timestamp: int | None = None) -> dict:
    """Headers Slack sends: X-Slack-Request-Timestamp and the v0 HMAC-SHA256 signature."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def event_body(event: dict, token: str = "verify-me", event_id: str | None = None) -> str:
    """An Events API callback as JSON text."""
    return json.dumps({"token": token, "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
                       "event_id": event_id or f"Ev{next(_ts)}", "event_time": 1700000000, "event": event})


def dm(text: str, user: str = "U1", channel: str = "D1") -> dict:
    return {"type": "message", "channel": channel, "user": user, "text": text, "ts": f"1700000001.{next(_ts):06d}",
            "channel_type": "im", "event_ts": "1700000001.000001"}


def click_body(message: dict, action_index: int = 0, user: str = "U1", state: dict | None = None,
               token: str = "verify-me", title: str | None = None) -> str:
    """A block_actions interactivity request for a button in a message the bot posted (form-encoded)."""
    buttons = [e for b in message.get("blocks", []) if b["type"] == "actions" for e in b["elements"]]
    if title is not None:
        button = next(b for b in buttons if title.lower() in b["text"]["text"].lower())
    else:
        button = buttons[action_index]
    payload = {"type": "block_actions", "token": token, "trigger_id": f"trig{next(_ts)}",
               "user": {"id": user, "username": "someone"}, "team": {"id": "T1"},
               "channel": {"id": message["channel"]}, "container": {"type": "message", "channel_id": message["channel"],
                                                                    "message_ts": message["ts"]},
               "message": {"ts": message["ts"], "bot_id": "BBOT", "user": "UBOT", "text": message.get("text", ""),
                           "blocks": message.get("blocks", [])},
               "state": {"values": state or {}},
               "actions": [{"type": "button", "action_id": button["action_id"], "block_id": "b1",
                            "text": button["text"], "value": button.get("value"), "action_ts": "1700000002.1"}]}
    return urlencode({"payload": json.dumps(payload)})
