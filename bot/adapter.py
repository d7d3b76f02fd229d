"""The CloudAdapter, its authentication, and the one turn-error handler."""
from __future__ import annotations

import logging

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, ActivityTypes, ResourceResponse

from store import DatabaseError

from .connector import ReusingAuthentication
from .settings import BotFrameworkConfig, Settings
from .storage import StorageConflictError

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


def create_adapter(settings: Settings) -> CloudAdapter:
    """The adapter, with Connector clients kept from turn to turn (bot/connector.py)."""
    adapter = GuidanceAdapter(ReusingAuthentication(ConfigurationBotFrameworkAuthentication(BotFrameworkConfig(settings))))
    adapter.on_turn_error = on_turn_error
    return adapter


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
