"""Check an inbound request body before botbuilder sees it (pure; no I/O)."""
from __future__ import annotations

import json
from urllib.parse import urlparse

MAX_DEPTH = 32


class BadActivity(ValueError):
    """The body is not an activity the bot can take; `status` is the HTTP answer."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


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
