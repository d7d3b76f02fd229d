"""Slack requests as botbuilder activities, and outgoing activities as Slack messages.

Plain translation, no I/O: the self-hosted adapter (bot.channels.slack_adapter) verifies a
request, reads it with `decode`, turns it into an `Activity` with `to_activity` and runs the
bot's turn; what the bot sends goes to chat.postMessage / chat.update as `slack_message`.
"""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount

from .slack import SLACK, card_submit, strip_mentions

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


def decode(content_type: str, body: str) -> dict:
    """A Slack request body: JSON (events) or a form (interactivity, slash commands); ValueError otherwise."""
    if content_type == JSON:
        data = json.loads(body)
    elif content_type == FORM:
        data = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
        if "payload" in data:
            data["payload"] = json.loads(data["payload"])
    else:
        raise ValueError(content_type)
    if not isinstance(data, dict) or ("payload" in data and not isinstance(data["payload"], dict)):
        raise ValueError("not an object")
    return data


def verification_token(data: dict) -> str | None:
    """The legacy verification token a request carries (inside the payload for a click)."""
    return data["payload"].get("token") if "payload" in data else data.get("token")


def to_activity(data: dict) -> Activity | None:
    """The activity for a decoded Slack request, or None for what the bot ignores."""
    if "payload" in data:
        return click_activity(data["payload"])
    if data.get("type") == "event_callback":
        event = data.get("event") or {}
        if event.get("type") == "app_mention":
            return message_activity(event, strip_mentions(event.get("text", "")))
        if event.get("type") == "message" and not event.get("subtype") and not event.get("bot_id"):
            if event.get("channel_type") in ("channel", "group"):
                return None  # in channels the bot answers @mentions only (app_mention above)
            return message_activity(event, event.get("text", ""))
        return None
    if data.get("command"):
        return command_activity(data)
    return None


def _conversation(channel: str, thread_ts: str | None = None) -> ConversationAccount:
    """A Slack channel as a conversation; a thread's ts rides along so replies stay in it."""
    properties = {"thread_ts": thread_ts} if thread_ts else {}
    return ConversationAccount(id=channel, properties=properties)


def message_activity(event: dict, text: str) -> Activity | None:
    """A direct message or an @mention as a message from the person who wrote it."""
    if not event.get("channel") or not event.get("user"):
        return None
    return Activity(type=ActivityTypes.message, channel_id=SLACK, id=event.get("ts") or event.get("event_ts"),
                    conversation=_conversation(event["channel"], event.get("thread_ts")),
                    from_property=ChannelAccount(id=event["user"]), recipient=None, text=text,
                    channel_data=event)


def command_activity(data: dict) -> Activity | None:
    """A slash command (`/guidance can I ...`) as a message with its text (`help` when empty)."""
    if not data.get("channel_id") or not data.get("user_id"):
        return None
    return Activity(type=ActivityTypes.message, channel_id=SLACK, id=data.get("trigger_id"),
                    conversation=_conversation(data["channel_id"]), from_property=ChannelAccount(id=data["user_id"]),
                    recipient=None, text=(data.get("text") or "").strip() or "help", channel_data=data)


def click_activity(payload: dict) -> Activity | None:
    """A block_actions click as a message carrying the card data, from the person who clicked."""
    data = card_submit(payload)
    user = (payload.get("user") or {}).get("id")
    channel = (payload.get("channel") or {}).get("id") or (payload.get("container") or {}).get("channel_id")
    if data is None or not user or not channel:
        return None
    message = payload.get("message") or {}
    return Activity(type=ActivityTypes.message, channel_id=SLACK, id=payload.get("trigger_id"),
                    conversation=_conversation(channel, message.get("thread_ts")),
                    from_property=ChannelAccount(id=user), recipient=None, value=data,
                    reply_to_id=message.get("ts"), channel_data=payload)


def slack_message(activity: Activity) -> dict:
    """The chat.postMessage / chat.update arguments for an outgoing activity: text, blocks, thread."""
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    message: dict[str, Any] = {"channel": activity.conversation.id, "text": data.get("text") or activity.text or ""}
    if data.get("blocks"):
        message["blocks"] = data["blocks"]
    properties = activity.conversation.properties or {}
    if properties.get("thread_ts"):
        message["thread_ts"] = properties["thread_ts"]
    return message
