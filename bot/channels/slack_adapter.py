"""Self-hosted Slack at POST /api/slack: slack_sdk's AsyncWebClient behind a botbuilder BotAdapter.

Each of these is tested over HTTP against a fake Slack Web API (tests/channels/test_slack.py):
- every request's signature and timestamp are checked first (slack_sdk's SignatureVerifier, with
  the app's clock); a bad, missing or stale one gets 401;
- the verification token, when set, must match (403 otherwise);
- the URL-verification challenge is answered;
- a button click comes from the person who clicked and carries the card data as `value`, like
  an Adaptive Card submit;
- messages and in-place updates go out with their Block Kit blocks through the client's
  `base_url` (SLACK_API_URL);
- @mentions in channels (`app_mention`) are answered; plain channel messages are not;
- a slash command (`/guidance ...`) is a message with the command's text;
- Slack's retries of an event already handled are acknowledged and not run twice;
- when the Web API is unreachable or refuses a call, Slack gets 503 and its retry runs the turn.

Requests become activities in bot.channels.slack_activities. The turn runs through botbuilder's
public BotAdapter API (`run_pipeline`), so the turn handler, dialogs and proactive messages
(`continue_conversation`) work as they do on the other channels.
"""
from __future__ import annotations

import logging
from collections import OrderedDict
from typing import AsyncIterator, Callable

import aiohttp
from aiohttp import web
from botbuilder.core import BotAdapter, TurnContext, conversation_reference_extension
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationReference, ResourceResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import Clock, SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from .slack import SLACK, SlackSettings
from .slack_activities import decode, slack_message, to_activity, verification_token

log = logging.getLogger(__name__)

# slack_sdk logs every request and response body (message text, people's emails) at DEBUG: its
# client gets a logger of its own that never goes below INFO, whatever the app's level.
_WEB_API_LOG = logging.getLogger(f"{__name__}.web_api")

# What a Web API call raises when Slack is unreachable or refuses it. Not remembered as
# handled: Slack gets 503 and retries, and the retry runs the turn again.
UNREACHABLE = (aiohttp.ClientError, SlackApiError, OSError)


class _AppClock(Clock):
    """slack_sdk's clock interface over the app's injected clock."""

    def __init__(self, clock: Callable):
        self.clock = clock

    def now(self) -> float:
        """The app's time, in seconds since the epoch."""
        return self.clock().timestamp()


class GuidanceSlackAdapter(BotAdapter):
    """A BotAdapter for Slack's Events API, interactivity and slash commands (see the module docstring)."""

    SEEN_EVENTS = 1000

    def __init__(self, settings: SlackSettings, clock: Callable, on_turn_error=None):
        super().__init__(on_turn_error)
        self.settings = settings
        self.verifier = SignatureVerifier(settings.signing_secret, clock=_AppClock(clock))
        _WEB_API_LOG.setLevel(max(_WEB_API_LOG.level, logging.INFO))
        self.client = AsyncWebClient(token=settings.bot_token, base_url=settings.api_url, logger=_WEB_API_LOG)
        self.bot_user_id: str | None = None
        self.seen: OrderedDict[str, None] = OrderedDict()

    async def connections(self, app: web.Application) -> AsyncIterator[None]:
        """cleanup_ctx: keep connections to the Web API open while the app runs, and close them after."""
        self.client.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.client.timeout))
        yield
        session, self.client.session = self.client.session, None
        await session.close()

    # ---- incoming -------------------------------------------------------------------------
    async def process(self, request: web.Request, logic: Callable) -> web.Response:
        """Verify a request from Slack, answer the URL check, or run a turn for it."""
        body = await request.text()
        if not self.signed(request, body):
            return web.json_response({"error": "bad or missing Slack signature, or a stale timestamp"}, status=401)
        try:
            data = decode(request.content_type, body)
        except ValueError:
            return web.json_response({"error": "body is not a Slack request"}, status=400)
        if data.get("type") == "url_verification":
            return web.Response(text=str(data.get("challenge", "")), content_type="text/plain")
        if self.settings.verification_token and verification_token(data) != self.settings.verification_token:
            return web.json_response({"error": "verification token does not match"}, status=403)
        event_id = data.get("event_id")
        if event_id and event_id in self.seen:
            return web.Response(status=200)  # a retry of an event already handled
        activity = to_activity(data)
        if activity is None:
            return web.Response(status=200)
        try:
            await self.process_activity(activity, logic)
        except UNREACHABLE as exc:
            log.warning("the Slack Web API is unreachable or refused a call: %s", type(exc).__name__)
            return web.json_response({"error": "the Slack Web API is unreachable"}, status=503)
        if event_id:
            self.remember(event_id)
        return web.Response(status=200)

    def signed(self, request: web.Request, body: str) -> bool:
        """Whether Slack signed this body with our secret within the last five minutes."""
        timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
        signature = request.headers.get("X-Slack-Signature", "")
        return bool(timestamp.isdigit() and signature
                    and self.verifier.is_valid(body=body, timestamp=timestamp, signature=signature))

    def remember(self, event_id: str) -> None:
        """Note an event as handled, so Slack's retries of it are not run again."""
        self.seen[event_id] = None
        while len(self.seen) > self.SEEN_EVENTS:
            self.seen.popitem(last=False)

    async def process_activity(self, activity: Activity, logic: Callable) -> None:
        """Run the bot's turn for an activity from Slack, addressed to the bot's own Slack user."""
        if self.bot_user_id is None:
            self.bot_user_id = (await self.client.auth_test()).get("user_id")
        activity.recipient = ChannelAccount(id=self.bot_user_id)
        await self.run_pipeline(TurnContext(self, activity), logic)

    async def continue_conversation(self, reference: ConversationReference, callback: Callable,
                                    bot_app_id: str = None, claims_identity=None, audience: str = None):
        """Run `callback` in a conversation this route stored, for a proactive message."""
        # Named as CloudAdapter names them, since callers pass bot_app_id=; Slack needs none of them.
        if reference.channel_id != SLACK or reference.service_url:
            raise ValueError("only conversations that came in at /api/slack can be continued through it")
        activity = conversation_reference_extension.get_continuation_activity(reference)
        return await self.run_pipeline(TurnContext(self, activity), callback)

    # ---- outgoing -------------------------------------------------------------------------
    async def send_activities(self, context: TurnContext, activities: list[Activity]) -> list[ResourceResponse]:
        """Post each message with its blocks; the ts Slack returns is the message id."""
        responses = []
        for activity in activities:
            if activity.type != ActivityTypes.message:
                responses.append(ResourceResponse())  # typing, traces: Slack has nothing to show
                continue
            sent = await self.client.chat_postMessage(**slack_message(activity))
            responses.append(ResourceResponse(id=sent.get("ts")))
        return responses

    async def update_activity(self, context: TurnContext, activity: Activity) -> ResourceResponse:
        """Replace a sent message (by its ts), blocks included."""
        await self.client.chat_update(ts=activity.id, **slack_message(activity))
        return ResourceResponse(id=activity.id)

    async def delete_activity(self, context: TurnContext, reference: ConversationReference) -> None:
        """Delete a sent message (the reference's activity id is its ts)."""
        await self.client.chat_delete(channel=reference.conversation.id, ts=reference.activity_id)

    async def user_info(self, user_id: str) -> dict:
        """Slack's users.info record of a person (name, profile with email)."""
        return (await self.client.users_info(user=user_id)).get("user") or {}
