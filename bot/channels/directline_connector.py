"""The Connector API the bot calls to answer the local web chat (its serviceUrl): keep each reply,
and each update of a reply, for the page to collect. Guarded by the secret in the path, which the
page never sees (bot/channels/webchat_guard.py)."""
from __future__ import annotations

import secrets

from aiohttp import web

from .directline import BOT_ACCOUNT, STORE, Conversation, error_response
from .webchat_guard import for_page


def _connector_conversation(request: web.Request) -> Conversation:
    store = request.app[STORE]
    if not secrets.compare_digest(request.match_info["secret"], store.secret):
        raise web.HTTPNotFound()
    conversation = store.get(request.match_info["cid"])
    if conversation is None:
        raise web.HTTPNotFound(text='{"error": {"code": "ConversationNotFound"}}', content_type="application/json")
    return conversation


async def _bot_activity(request: web.Request) -> dict:
    try:
        body = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text='{"error": {"code": "BadArgument"}}', content_type="application/json") from None
    if not isinstance(body, dict) or not isinstance(body.get("type"), str):
        raise web.HTTPBadRequest(text='{"error": {"code": "BadArgument"}}', content_type="application/json")
    return body


async def connector_send(request: web.Request) -> web.Response:
    """Keep a reply from the bot for the page (send to conversation, or reply to an activity)."""
    conversation = _connector_conversation(request)
    body = await _bot_activity(request)
    body["id"] = conversation.next_id()
    body["timestamp"] = request.app[STORE].now()
    body["from"] = {**BOT_ACCOUNT, **{k: v for k, v in (body.get("from") or {}).items() if k == "name" and v}}
    body["conversation"] = {"id": conversation.id}
    conversation.add(for_page(body, request.app[STORE].secret))
    return web.json_response({"id": body["id"]})


async def connector_update(request: web.Request) -> web.Response:
    """Replace an earlier reply: the new version goes on the stream under the same id."""
    conversation = _connector_conversation(request)
    body = await _bot_activity(request)
    activity_id = request.match_info["aid"]
    if not any(entry.get("id") == activity_id for entry in conversation.entries):
        return error_response(404, "ActivityNotFound", "no such activity")
    body.update(id=activity_id, timestamp=request.app[STORE].now(), conversation={"id": conversation.id})
    body["from"] = dict(BOT_ACCOUNT)
    conversation.add(for_page(body, request.app[STORE].secret))
    return web.json_response({"id": activity_id})


def add_connector_routes(app: web.Application) -> None:
    """The routes the bot's replies and updates go to."""
    base = "/directline/connector/{secret}/v3/conversations/{cid}/activities"
    app.router.add_post(base, connector_send)
    app.router.add_post(base + "/{aid}", connector_send)
    app.router.add_put(base + "/{aid}", connector_update)
