"""HTTP routes: /api/messages (through CloudAdapter) and /healthz. Bad input gets a 4xx."""
from __future__ import annotations

import json
import logging
from urllib.parse import urlparse

from aiohttp import web
from botbuilder.core import serializer_helper
from botbuilder.schema import Activity

from . import appkeys

log = logging.getLogger(__name__)

MAX_DEPTH = 32


class BadActivity(ValueError):
    """The body is not an activity the bot can take (the answer is 400, with the reason)."""


def _depth_exceeds(raw: str, limit: int) -> bool:
    """True when brackets nest deeper than `limit` (scanned, so no recursion blows up)."""
    if raw.count("{") + raw.count("[") <= limit:
        return False  # it has no more openings than that (about 1 µs; the scan costs about 20 µs)
    depth, in_string, escaped = 0, False, False
    for ch in raw:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def parse_activity(raw: bytes) -> dict:
    """Decode and check an activity body; raise BadActivity with a clear reason."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadActivity("body is not UTF-8") from None
    if _depth_exceeds(text, MAX_DEPTH):
        raise BadActivity(f"JSON nests deeper than {MAX_DEPTH} levels")
    try:
        body = json.loads(text)
    except (ValueError, RecursionError):
        raise BadActivity("body is not valid JSON") from None
    if not isinstance(body, dict):
        raise BadActivity("body must be a JSON object (an activity)")
    check_activity(body)
    return body


def check_activity(body: dict) -> None:
    """Required fields and their shapes."""
    kind = body.get("type")
    if not isinstance(kind, str) or not kind.strip():
        raise BadActivity("activity has no type")
    conversation = body.get("conversation")
    if not isinstance(conversation, dict) or not isinstance(conversation.get("id"), str) or not conversation["id"]:
        raise BadActivity("activity has no conversation.id")
    service_url = body.get("serviceUrl")
    if not isinstance(service_url, str) or not service_url:
        raise BadActivity("activity has no serviceUrl")
    parsed = urlparse(service_url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise BadActivity("serviceUrl must be an http(s) URL")
    if len(parsed.hostname) > 253 or any(not 0 < len(label) <= 63 for label in parsed.hostname.split(".")):
        raise BadActivity("serviceUrl's host is not a valid host name")
    if not isinstance(body.get("channelId"), str) or not body["channelId"]:
        raise BadActivity("activity has no channelId")
    if kind == "invoke" and body.get("value") is not None and not isinstance(body["value"], dict):
        raise BadActivity("an invoke's value must be an object")
    sender = body.get("from")
    if sender is not None and (not isinstance(sender, dict) or not isinstance(sender.get("id", ""), str)):
        raise BadActivity("from must be an object with an id")
    if kind == "message" and not (isinstance(sender, dict) and sender.get("id")):
        raise BadActivity("a message needs from.id")
    for name in ("text", "channelId", "id", "locale", "replyToId"):
        if name in body and body[name] is not None and not isinstance(body[name], str):
            raise BadActivity(f"{name} must be a string")
    for name in ("attachments", "entities", "membersAdded", "membersRemoved"):
        if name in body and body[name] is not None and not isinstance(body[name], list):
            raise BadActivity(f"{name} must be a list")
        for item in body.get(name) or []:
            if not isinstance(item, dict):
                raise BadActivity(f"each of {name} must be an object")
    if body.get("entities"):
        body["entities"] = [e for e in body["entities"] if _meaningful(e)]


def _meaningful(entity: dict) -> bool:
    """An entity the bot can read: it has a type, and a mention says whom with text (else it is dropped)."""
    kind, mentioned = entity.get("type"), entity.get("mentioned")
    return isinstance(kind, str) and bool(kind) and (kind.lower() != "mention" or (
        isinstance(entity.get("text", ""), str) and isinstance(mentioned, dict) and isinstance(mentioned.get("id"), str)))


def error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def read_activity(request: web.Request) -> Activity:
    """The request's activity, or an HTTP error that says what is wrong with it."""
    if request.content_type != "application/json":
        raise web.HTTPUnsupportedMediaType(text='{"error": "Content-Type must be application/json"}',
                                           content_type="application/json")
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise web.HTTPRequestEntityTooLarge(max_size=request.app[appkeys.SETTINGS].max_body_bytes,
                                            actual_size=request.content_length or 0,
                                            text='{"error": "body too large"}',
                                            content_type="application/json") from None
    try:
        body = parse_activity(raw)
    except BadActivity as exc:
        raise web.HTTPBadRequest(text=f'{{"error": "{exc}"}}', content_type="application/json") from None
    try:
        return Activity().deserialize(body)
    except Exception:  # noqa: BLE001 - msrest's DeserializationError, or a type it trips over
        raise web.HTTPBadRequest(text='{"error": "activity fields have the wrong types"}',
                                 content_type="application/json") from None


async def messages(request: web.Request) -> web.Response:
    """Take one activity from a channel: authenticate it, then run a turn."""
    activity = await read_activity(request)
    adapter, bot = request.app[appkeys.ADAPTER], request.app[appkeys.BOT]
    try:
        auth = await adapter.bot_framework_authentication.authenticate_request(
            activity, request.headers.get("Authorization", ""))
    except PermissionError:  # botbuilder's refusal (an OSError too)
        return error(401, "unauthorized")
    except OSError as exc:  # requests' errors are OSErrors: the token issuer's keys are unreachable
        log.warning("could not fetch the keys to validate the bearer token: %s", type(exc).__name__)
        return error(503, "cannot validate the token right now")
    except Exception:  # noqa: BLE001 - missing, forged, expired, unknown key, disallowed algorithm
        return error(401, "unauthorized")
    try:
        invoke_response = await adapter.process_activity(auth, activity, bot.on_turn)
    except Exception as exc:  # noqa: BLE001 - on_turn_error re-raises when even the apology failed to go
        log.warning("the channel's Connector did not take the bot's replies: %s", type(exc).__name__)
        return error(502, "the channel's Connector service did not take the bot's replies")
    if invoke_response:
        return web.json_response(data=serializer_helper(invoke_response.body), status=invoke_response.status)
    return web.Response(status=201)


async def healthz(request: web.Request) -> web.Response:
    """Report liveness, the policy version, and whether storage answers."""
    services = request.app[appkeys.SERVICES]
    storage_ok = await services.db.healthy()
    body = {"status": "ok" if storage_ok else "degraded",
            "policy_version": services.kb.version,
            "policy_date": services.kb.version_date,
            "storage": {"ok": storage_ok, "engine": services.db.dialect}}
    return web.json_response(body, status=200 if storage_ok else 503)


def add_routes(app: web.Application) -> None:
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
