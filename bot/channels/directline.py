"""A small Direct Line 3.0-compatible endpoint and the local web chat page at GET /.

Microsoft's Web Chat (static/webchat/webchat.js) talks to /directline the way it talks to the
Direct Line service: it gets a token, starts a conversation, posts activities and polls for new
ones with a watermark. Each posted activity runs a turn through the same CloudAdapter as
/api/messages. The bot answers the way it answers any channel, by calling the Connector REST API
at the activity's serviceUrl: here that is this app's own /directline/connector/<secret>/v3/...
routes, which keep the replies (and updates) for the page to collect.

Only for local use: it is served when MicrosoftAppId is unset (the bot's replies to its own
Connector routes carry no token then) and never once it is set. Requests must name this app by an
address it is served under (Host, Origin), and nothing the page is given carries the secret of
the Connector routes (bot/channels/webchat_guard.py).
"""
from __future__ import annotations

import itertools
import logging
import secrets
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from aiohttp import web
from botbuilder.schema import Activity

from bot import appkeys

from .webchat_guard import for_page, guarded

log = logging.getLogger(__name__)

CHANNEL_ID = "directline"
STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
BOT_ACCOUNT = {"id": "guidance-bot", "name": "Staff guidance", "role": "bot"}
TOKEN_SECONDS = 3600
MAX_CONVERSATIONS = 500
MAX_ENTRIES = 1000  # activities kept per conversation; older ones drop off the front
MAX_TEXT = 4000
STORE = web.AppKey("directline_store", object)


@dataclass
class Conversation:
    id: str
    token: str
    user_id: str
    started: bool = False
    entries: list[dict] = field(default_factory=list)
    dropped: int = 0  # entries removed from the front; watermarks stay absolute
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    def next_id(self) -> str:
        return f"{self.id}|{next(self._ids):06d}"

    def add(self, activity: dict) -> None:
        self.entries.append(activity)
        overflow = len(self.entries) - MAX_ENTRIES
        if overflow > 0:
            del self.entries[:overflow]
            self.dropped += overflow

    def since(self, watermark: int) -> tuple[list[dict], int]:
        start = max(watermark - self.dropped, 0)
        return self.entries[start:], self.dropped + len(self.entries)


class DirectLineStore:
    """Conversations in memory: the page's transport, not the bot's state (that is in storage)."""

    def __init__(self, clock: Callable):
        self.clock = clock
        self.secret = secrets.token_urlsafe(24)  # guards the Connector routes the bot calls
        self._by_id: OrderedDict[str, Conversation] = OrderedDict()
        self._by_token: dict[str, Conversation] = {}

    def create(self) -> Conversation:
        conversation = Conversation(id=secrets.token_urlsafe(12), token=secrets.token_urlsafe(32),
                                    user_id="web_" + secrets.token_hex(8))
        self._by_id[conversation.id] = conversation
        self._by_token[conversation.token] = conversation
        while len(self._by_id) > MAX_CONVERSATIONS:
            _, old = self._by_id.popitem(last=False)
            self._by_token.pop(old.token, None)
        return conversation

    def by_token(self, token: str) -> Conversation | None:
        return self._by_token.get(token)

    def get(self, conversation_id: str) -> Conversation | None:
        return self._by_id.get(conversation_id)

    def now(self) -> str:
        return self.clock().isoformat().replace("+00:00", "Z")


# ---- helpers --------------------------------------------------------------------------------
def error_response(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"error": {"code": code, "message": message}}, status=status)


def _conversation_for(request: web.Request, conversation_id: str | None = None) -> Conversation:
    """The conversation the bearer token opens (and that the path names, if it names one)."""
    header = request.headers.get("Authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else ""
    conversation = request.app[STORE].by_token(token) if token else None
    if conversation is None:
        raise web.HTTPForbidden(text='{"error": {"code": "TokenInvalid", "message": "missing or unknown token"}}',
                                content_type="application/json")
    if conversation_id is not None and conversation.id != conversation_id:
        raise web.HTTPForbidden(text='{"error": {"code": "TokenInvalid", "message": "token is for another conversation"}}',
                                content_type="application/json")
    return conversation


def _service_url(request: web.Request) -> str:
    """This app's own Connector base URL, from the socket the request came in on (not the Host header)."""
    sockname = request.transport.get_extra_info("sockname") if request.transport else None
    host, port = (sockname[0], sockname[1]) if sockname else ("127.0.0.1", request.app[appkeys.SETTINGS].port)
    if host in ("0.0.0.0", "::"):
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/directline/connector/{request.app[STORE].secret}"


def _info(conversation: Conversation) -> dict:
    return {"conversationId": conversation.id, "token": conversation.token, "expires_in": TOKEN_SECONDS,
            "userId": conversation.user_id}


async def _run_turn(request: web.Request, body: dict) -> web.Response | None:
    """Run the bot on one activity, as /api/messages would for an unauthenticated local channel."""
    adapter, bot = request.app[appkeys.ADAPTER], request.app[appkeys.BOT]
    try:
        activity = Activity().deserialize(body)
    except Exception:  # noqa: BLE001 - msrest's DeserializationError, or a type it trips over
        return error_response(400, "BadArgument", "activity fields have the wrong types")
    auth = await adapter.bot_framework_authentication.authenticate_request(activity, "")
    try:
        await adapter.process_activity(auth, activity, bot.on_turn)
    except Exception as exc:  # noqa: BLE001 - on_turn_error re-raises when even the apology failed to go
        log.warning("the bot could not reach the web chat's Connector routes: %s", type(exc).__name__)
        return error_response(502, "BotError", "the bot could not send its reply")
    return None


def _inbound(conversation: Conversation, request: web.Request, **fields) -> dict:
    store = request.app[STORE]
    return {"channelId": CHANNEL_ID, "serviceUrl": _service_url(request), "timestamp": store.now(),
            "conversation": {"id": conversation.id}, "recipient": dict(BOT_ACCOUNT), **fields}


# ---- the Direct Line API the page uses ------------------------------------------------------
async def generate_token(request: web.Request) -> web.Response:
    """Issue a token for a new conversation (open: the page is served only for local use)."""
    return web.json_response(_info(request.app[STORE].create()))


async def refresh_token(request: web.Request) -> web.Response:
    """Keep a token alive (tokens here last as long as the process)."""
    return web.json_response(_info(_conversation_for(request)))


async def start_conversation(request: web.Request) -> web.Response:
    """Start the token's conversation; the bot hears a conversationUpdate and says hello."""
    conversation = _conversation_for(request)
    if conversation.started:
        return web.json_response(_info(conversation), status=200)
    conversation.started = True
    user = {"id": conversation.user_id, "name": "You", "role": "user"}
    update = _inbound(conversation, request, type="conversationUpdate", id=conversation.next_id(), **{"from": user},
                      membersAdded=[dict(BOT_ACCOUNT), user])
    failed = await _run_turn(request, update)
    if failed is not None:
        return failed
    return web.json_response(_info(conversation), status=201)


async def get_conversation(request: web.Request) -> web.Response:
    """Reconnect to a conversation."""
    return web.json_response(_info(_conversation_for(request, request.match_info["cid"])))


async def get_activities(request: web.Request) -> web.Response:
    """Activities after the watermark, and the new watermark."""
    conversation = _conversation_for(request, request.match_info["cid"])
    raw = request.query.get("watermark") or "0"
    if not raw.isdigit():
        return error_response(400, "BadArgument", "watermark must be a whole number")
    activities, watermark = conversation.since(int(raw))
    return web.json_response({"activities": activities, "watermark": str(watermark)})


def _check_user_activity(body: Any) -> str | None:
    """What is wrong with an activity the page posted, or None."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    if not isinstance(body.get("type"), str) or not body["type"]:
        return "type must be a non-empty string"
    if "text" in body and body["text"] is not None and not isinstance(body["text"], str):
        return "text must be a string"
    if isinstance(body.get("text"), str) and len(body["text"]) > MAX_TEXT:
        return f"text must be at most {MAX_TEXT} characters"
    if "value" in body and body["value"] is not None and not isinstance(body["value"], (dict, str)):
        return "value must be an object"
    if "channelData" in body and body["channelData"] is not None and not isinstance(body["channelData"], dict):
        return "channelData must be an object"
    return None


async def post_activity(request: web.Request) -> web.Response:
    """Take one activity from the page: echo it to the stream, then run the bot's turn."""
    conversation = _conversation_for(request, request.match_info["cid"])
    try:
        body = await request.json()
    except ValueError:
        return error_response(400, "BadArgument", "the body is not JSON")
    problem = _check_user_activity(body)
    if problem:
        return error_response(400, "BadArgument", problem)
    sender = body.get("from") if isinstance(body.get("from"), dict) else {}
    user = {"id": conversation.user_id, "name": str(sender.get("name") or "You")[:100], "role": "user"}
    keep = {k: body[k] for k in ("type", "text", "value", "channelData", "locale", "textFormat", "attachments",
                                 "entities", "name") if body.get(k) is not None}
    activity = _inbound(conversation, request, id=conversation.next_id(), **{"from": user}, **keep)
    conversation.add(for_page(activity, request.app[STORE].secret))  # the echo that tells Web Chat it was sent
    failed = await _run_turn(request, activity)
    if failed is not None:
        return failed
    return web.json_response({"id": activity["id"]})


# ---- the page -------------------------------------------------------------------------------
async def page(request: web.Request) -> web.StreamResponse:
    """The local web chat page."""
    return web.FileResponse(STATIC_DIR / "index.html", headers={"Cache-Control": "no-store"})


async def webchat_bundle(request: web.Request) -> web.StreamResponse:
    """Web Chat's bundle and its licence files, fetched by `make webchat`."""
    name = request.match_info["name"]
    allowed = {"webchat.js", "webchat.js.LICENSE.txt", "LICENSE"}
    path = STATIC_DIR / "webchat" / name
    if name not in allowed:
        raise web.HTTPNotFound()
    if not path.is_file():
        return web.Response(status=404, text="Web Chat is not installed: run `make webchat` (make run does it).")
    return web.FileResponse(path)


def add_routes(app: web.Application, clock: Callable) -> None:
    """Serve the page, the Direct Line endpoint and the Connector routes for its replies.

    The page and the Direct Line endpoint answer only the Host and Origin this app is served under;
    the Connector routes are called by the bot itself, at the address a page's request came in on,
    and are guarded by their secret instead (bot/channels/directline_connector.py adds them)."""
    app[STORE] = DirectLineStore(clock)
    app.router.add_get("/", guarded(page))
    app.router.add_get("/static/webchat/{name}", guarded(webchat_bundle))
    app.router.add_post("/directline/tokens/generate", guarded(generate_token))
    app.router.add_post("/directline/tokens/refresh", guarded(refresh_token))
    app.router.add_post("/directline/conversations", guarded(start_conversation))
    app.router.add_get("/directline/conversations/{cid}", guarded(get_conversation))
    app.router.add_get("/directline/conversations/{cid}/activities", guarded(get_activities))
    app.router.add_post("/directline/conversations/{cid}/activities", guarded(post_activity))
