"""Self-hosted Slack at POST /api/slack, through botbuilder's SlackAdapter.

botbuilder-adapters-slack 4.17.1 is used with these fixes, made here rather than by patching it:
- every request's signature and timestamp are checked (slack_sdk's SignatureVerifier, with the
  app's clock) before the adapter sees it; a bad, missing or stale one gets 401, where the
  adapter would raise on a missing header and never checks the timestamp;
- the verification token, when set, is compared (the adapter's own check is inverted);
- a button click comes from the person who clicked (the adapter takes the bot's id from the
  clicked message) and carries the card data as `value`, like an Adaptive Card submit;
- messages and updates go out with their Block Kit blocks through the client's `base_url`
  (the adapter posts to a hard-coded slack.com URL and updates text only);
- @mentions in channels (`app_mention`) are answered; plain channel messages are not;
- a slash command (`/guidance ...`) is a message with the command's text;
- Slack's retries of an event already handled are acknowledged and not run twice.
"""
from __future__ import annotations

import json
import logging
from collections import OrderedDict
from typing import Any, Callable, Optional
from urllib.parse import parse_qs

import aiohttp
from aiohttp import web
from botbuilder.adapters.slack import SlackAdapter, SlackAdapterOptions, SlackClient, SlackClientOptions
from botbuilder.core import TurnContext
from botbuilder.schema import (Activity, ActivityTypes, ChannelAccount, ConversationAccount,
                               ResourceResponse)
from slack.errors import SlackApiError
from slack_sdk.signature import Clock, SignatureVerifier

from .slack import SLACK, SlackSettings, card_submit, strip_mentions

log = logging.getLogger(__name__)

FORM = "application/x-www-form-urlencoded"


class _AppClock(Clock):
    """slack_sdk's clock interface over the app's injected clock."""

    def __init__(self, clock: Callable):
        self._clock = clock

    def now(self) -> float:
        return self._clock().timestamp()


class GuidanceSlackClient(SlackClient):
    """SlackClient whose calls all go to `api_url` (a local fake in tests)."""

    def __init__(self, settings: SlackSettings):
        super().__init__(SlackClientOptions(settings.verification_token or None, settings.bot_token,
                                            settings.signing_secret))
        self.base_url = settings.api_url

    async def call(self, method: str, **body) -> dict:
        """Call a Web API method with a JSON body; raise if Slack says it failed."""
        response = await self.api_call(method, json=body)
        return response.data

    async def user_info(self, user_id: str) -> dict:
        response = await self.api_call("users.info", http_verb="GET", params={"user": user_id})
        return response.data.get("user") or {}


def slack_message(activity: Activity) -> dict:
    """The chat.postMessage / chat.update body for an outgoing activity."""
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    message: dict[str, Any] = {"channel": activity.conversation.id, "text": data.get("text") or activity.text or ""}
    if data.get("blocks"):
        message["blocks"] = data["blocks"]
    properties = activity.conversation.properties or {}
    if properties.get("thread_ts"):
        message["thread_ts"] = properties["thread_ts"]
    return message


class GuidanceSlackAdapter(SlackAdapter):
    """botbuilder's SlackAdapter with the fixes listed in this module's docstring."""

    SEEN_EVENTS = 1000

    def __init__(self, settings: SlackSettings, clock: Callable, on_turn_error=None):
        options = SlackAdapterOptions()
        options.verify_incoming_requests = False  # done in `process`, with the timestamp
        super().__init__(GuidanceSlackClient(settings), on_turn_error, options)
        self.settings = settings
        self.verifier = SignatureVerifier(settings.signing_secret, clock=_AppClock(clock))
        self._seen: OrderedDict[str, None] = OrderedDict()

    # ---- incoming -------------------------------------------------------------------------
    async def process(self, req: web.Request, logic: Callable) -> web.Response:
        """Verify a request from Slack, answer the URL check, or run a turn for it."""
        body = await req.text()
        timestamp = req.headers.get("X-Slack-Request-Timestamp", "")
        signature = req.headers.get("X-Slack-Signature", "")
        if not (timestamp.isdigit() and signature and self.verifier.is_valid(body=body, timestamp=timestamp,
                                                                              signature=signature)):
            return web.json_response({"error": "bad or missing Slack signature, or a stale timestamp"}, status=401)
        try:
            data = _decode(req.content_type, body)
        except ValueError:
            return web.json_response({"error": "body is not a Slack request"}, status=400)
        if data.get("type") == "url_verification":
            return web.Response(text=str(data.get("challenge", "")), content_type="text/plain")
        token = data.get("token") if "payload" not in data else data["payload"].get("token")
        if self.settings.verification_token and token != self.settings.verification_token:
            return web.json_response({"error": "verification token does not match"}, status=403)
        event_id = data.get("event_id")
        if event_id and event_id in self._seen:
            return web.Response(status=200)  # a retry of an event already handled
        activity = await self._activity(data)
        if activity is None:
            return web.Response(status=200)
        try:
            if not self.slack_logged_in:
                await self.slack_client.login_with_slack()  # auth.test: learn the bot's own user id
                self.slack_logged_in = True
            if activity.recipient is None or not activity.recipient.id:
                activity.recipient = ChannelAccount(id=self.slack_client.identity)
            await self.run_pipeline(TurnContext(self, activity), logic)
        except (aiohttp.ClientError, SlackApiError, OSError) as exc:
            # Not remembered as handled: Slack retries, and the retry runs the turn again.
            log.warning("the Slack Web API is unreachable or refused a call: %s", type(exc).__name__)
            return web.json_response({"error": "the Slack Web API is unreachable"}, status=503)
        if event_id:
            self._remember(event_id)
        return web.Response(status=200)

    def _remember(self, event_id: str) -> None:
        self._seen[event_id] = None
        while len(self._seen) > self.SEEN_EVENTS:
            self._seen.popitem(last=False)

    async def _activity(self, data: dict) -> Optional[Activity]:
        """The activity for a Slack request, or None for what the bot ignores."""
        if "payload" in data:
            return _click_activity(data["payload"])
        if data.get("type") == "event_callback":
            event = data.get("event") or {}
            if event.get("type") == "app_mention":
                return _message_activity(event, strip_mentions(event.get("text", "")))
            if event.get("type") == "message" and not event.get("subtype") and not event.get("bot_id"):
                if event.get("channel_type") in ("channel", "group"):
                    return None  # in channels the bot answers @mentions only (app_mention above)
                return _message_activity(event, event.get("text", ""))
            return None
        if data.get("command"):
            return _command_activity(data)
        return None

    # ---- outgoing -------------------------------------------------------------------------
    async def send_activities(self, context: TurnContext, activities: list[Activity]) -> list[ResourceResponse]:
        """Post each message with its blocks; the ts Slack returns is the message id."""
        responses = []
        for activity in activities:
            if activity.type != ActivityTypes.message:
                continue
            data = await self.slack_client.call("chat.postMessage", **slack_message(activity))
            responses.append(ResourceResponse(id=data.get("ts")))
        return responses

    async def update_activity(self, context: TurnContext, activity: Activity) -> ResourceResponse:
        """Replace a sent message (by its ts), blocks included."""
        await self.slack_client.call("chat.update", ts=activity.id, **slack_message(activity))
        return ResourceResponse(id=activity.id)


def _decode(content_type: str, body: str) -> dict:
    """A Slack request body: JSON (events) or a form (interactivity, slash commands)."""
    if content_type == "application/json":
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



def _conversation(channel: str, thread_ts: str | None = None) -> ConversationAccount:
    properties = {"thread_ts": thread_ts} if thread_ts else {}
    return ConversationAccount(id=channel, properties=properties)


def _message_activity(event: dict, text: str) -> Optional[Activity]:
    if not event.get("channel") or not event.get("user"):
        return None
    return Activity(type=ActivityTypes.message, channel_id=SLACK, id=event.get("ts") or event.get("event_ts"),
                    conversation=_conversation(event["channel"], event.get("thread_ts")),
                    from_property=ChannelAccount(id=event["user"]), recipient=None, text=text,
                    channel_data=event)


def _command_activity(data: dict) -> Optional[Activity]:
    """A slash command (`/guidance can I ...`) as a message with its text (`help` when empty)."""
    if not data.get("channel_id") or not data.get("user_id"):
        return None
    return Activity(type=ActivityTypes.message, channel_id=SLACK, id=data.get("trigger_id"),
                    conversation=_conversation(data["channel_id"]), from_property=ChannelAccount(id=data["user_id"]),
                    recipient=None, text=(data.get("text") or "").strip() or "help", channel_data=data)


def _click_activity(payload: dict) -> Optional[Activity]:
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
