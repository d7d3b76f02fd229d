"""The CloudAdapter, its authentication, and the one turn-error handler."""
from __future__ import annotations

import logging

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import ActivityTypes

from store import DatabaseError
from .connector import FastBotFrameworkAuthentication, fast_connector_enabled
from .replies import HoldsReplies
from .storage import StorageConflictError
from .settings import BotFrameworkConfig, Settings

log = logging.getLogger(__name__)

CONFLICT = ("This conversation changed somewhere else at the same moment (another device or window), "
            "so I didn't act on your last message. Please send it again.")
DATABASE_DOWN = ("I can't reach my records just now, so I haven't acted on your last message and it may not "
                 "have been saved. Please send it again in a minute. If a child may be at risk, contact the "
                 "designated person for Child Protection now.")
APOLOGY = ("Sorry, something went wrong on my side. Nothing you told me has been lost: "
           "please send your last message again. If a child may be at risk, contact the "
           "designated person for Child Protection now.")


class GuidanceCloudAdapter(HoldsReplies, CloudAdapter):
    """botbuilder's CloudAdapter; a turn's replies can be held to go out with its state write."""


def create_adapter(settings: Settings) -> CloudAdapter:
    """A CloudAdapter with ConfigurationBotFrameworkAuthentication from settings.

    Unless FAST_CONNECTOR=0, it is wrapped so connector clients are reused (bot/connector.py).
    """
    auth = ConfigurationBotFrameworkAuthentication(BotFrameworkConfig(settings))
    if fast_connector_enabled(settings):
        auth = FastBotFrameworkAuthentication(auth)
    adapter = GuidanceCloudAdapter(auth)
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
        await context.send_activity(_apology_for(error))


def _apology_for(error: Exception) -> str:
    """What to tell the user: resend after a conflict, try again when the database is out."""
    if isinstance(error, StorageConflictError):
        return CONFLICT
    if isinstance(error, DatabaseError):
        return DATABASE_DOWN
    return APOLOGY
