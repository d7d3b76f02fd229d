"""The CloudAdapter, its authentication, and the one turn-error handler."""
from __future__ import annotations

import contextlib
import hashlib
import logging
from typing import Awaitable, Callable

from botbuilder.core import Middleware, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, ActivityTypes, ResourceResponse

from store import DatabaseError

from .connector import ReusingAuthentication
from .settings import BotFrameworkConfig, Settings
from .storage import Deliveries, StorageConflictError

log = logging.getLogger(__name__)

CONFLICT = ("This conversation changed somewhere else at the same moment (another device or window), "
            "so I didn't act on your last message. Please send it again.")
DATABASE_DOWN = ("I can't reach my records just now, so I haven't acted on your last message and it may not "
                 "have been saved. Please send it again in a minute. If a child may be at risk, contact the "
                 "designated person for Child Protection now.")
APOLOGY = ("Sorry, something went wrong on my side. Nothing you told me has been lost: "
           "please send your last message again. If a child may be at risk, contact the "
           "designated person for Child Protection now.")
# The messages a turn has sent so far, held back until its state is saved (absent: send at once).
_HELD = "guidance.held"


class GuidanceAdapter(CloudAdapter):
    """botbuilder's CloudAdapter, which keeps a turn's messages back while the turn holds them, so
    they go out after its state is saved (bot/turn.py). botbuilder has addressed and copied each
    activity by the time it reaches the adapter: holding changes when a message goes, not what
    goes. An invoke's response is never held: the HTTP answer to the invoke carries it."""

    async def send_activities(self, context: TurnContext, activities: list[Activity]) -> list[ResourceResponse]:
        held = context.turn_state.get(_HELD)
        if held is None or any(a.type == ActivityTypes.invoke_response for a in activities):
            return await super().send_activities(context, activities)
        held.extend(activities)
        return [ResourceResponse() for _ in activities]


def hold(context: TurnContext) -> None:
    """Keep this turn's messages back until `release`."""
    context.turn_state[_HELD] = []


def drop_held(context: TurnContext) -> None:
    """Forget what the turn held back (it did not happen); from now on messages go straight out."""
    context.turn_state.pop(_HELD, None)


async def release(context: TurnContext) -> list[ResourceResponse]:
    """Send, in order, what the turn held back; from now on messages go straight out."""
    held = context.turn_state.pop(_HELD, None)
    return await context.adapter.send_activities(context, held) if held else []


class SkipRedelivered(Middleware):
    """The Bot Connector delivers a message again when the bot is slow to acknowledge it, to this
    instance or another: the first delivery claims the activity before anything is done about it
    and the others are skipped, so a concern is never filed twice. A turn that fails gives its
    claim back, so the retry is answered and nothing is lost."""

    def __init__(self, deliveries: Deliveries):
        self.deliveries = deliveries

    async def on_turn(self, context: TurnContext, logic: Callable[[], Awaitable]):
        activity = context.activity
        if activity.type != ActivityTypes.message or not activity.id or not activity.conversation:
            return await logic()
        # What a claim is stored under: a digest of the ids, not the ids.
        key = hashlib.sha256("\n".join((activity.channel_id or "", activity.conversation.id or "",
                                         activity.id)).encode()).hexdigest()
        if not await self.deliveries.claim(key):
            log.info("redelivered activity skipped: channel=%s", activity.channel_id)
            return None
        try:
            await logic()
        except BaseException:
            with contextlib.suppress(Exception):  # the turn's own error is the one to report
                await self.deliveries.settle(key, done=False)  # else the claim goes stale in time
            raise
        await self.deliveries.settle(key, done=True)


def create_adapter(settings: Settings, deliveries: Deliveries) -> CloudAdapter:
    """The adapter, with Connector clients kept from turn to turn (bot/connector.py), which skips
    a message delivered again."""
    adapter = GuidanceAdapter(ReusingAuthentication(ConfigurationBotFrameworkAuthentication(BotFrameworkConfig(settings))))
    adapter.on_turn_error = on_turn_error
    return adapter.use(SkipRedelivered(deliveries))


async def on_turn_error(context: TurnContext, error: Exception) -> None:
    """Log the failure (never the user's words), apologise, and keep conversation state."""
    activity = context.activity
    log.error("turn failed: channel=%s type=%s conversation=%s",
              activity.channel_id, activity.type,
              activity.conversation.id if activity.conversation else None,
              exc_info=(type(error), error, error.__traceback__))
    if activity.type == ActivityTypes.message:
        await context.send_activity(apology_for(error))


def apology_for(error: Exception) -> str:
    """What to tell the user: resend after a conflict, try again when the database is out."""
    if isinstance(error, StorageConflictError):
        return CONFLICT
    if isinstance(error, DatabaseError):
        return DATABASE_DOWN
    return APOLOGY
