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


class GuidanceTurnContext(TurnContext):
    """botbuilder's TurnContext, with its send/update/delete handler chain run by a function that
    does not refer to itself.

    botbuilder's `_emit` chains the handlers through a local function that calls itself and
    holds the context: a reference cycle, so every turn's context, activity, replies and card
    JSON waited for the cycle collector instead of being freed when the turn ended. Same order,
    same arguments, same result: each handler gets the context, the argument and a `next`
    coroutine function for the rest of the chain; then the logic's result is returned.
    """

    async def _emit(self, plugins, arg, logic):
        await _run_handlers(self, list(plugins), 0, arg)
        return await logic


async def _run_handlers(context: TurnContext, handlers: list, index: int, arg) -> None:
    if index < len(handlers):
        async def next_handler():
            await _run_handlers(context, handlers, index + 1, arg)

        await handlers[index](context, arg, next_handler)


class GuidanceCloudAdapter(HoldsReplies, CloudAdapter):
    """botbuilder's CloudAdapter; a turn's replies can be held to go out with its state write,
    and its turn contexts are `GuidanceTurnContext`."""

    def _create_turn_context(self, activity, claims_identity, oauth_scope, connector_client, user_token_client,
                             logic, connector_factory) -> TurnContext:
        """As CloudAdapterBase builds it, as a GuidanceTurnContext."""
        context = GuidanceTurnContext(self, activity)
        context.turn_state[self.BOT_IDENTITY_KEY] = claims_identity
        context.turn_state[self.BOT_CONNECTOR_CLIENT_KEY] = connector_client
        context.turn_state[self.USER_TOKEN_CLIENT_KEY] = user_token_client
        context.turn_state[self.BOT_CALLBACK_HANDLER_KEY] = logic
        context.turn_state[self.CONNECTOR_FACTORY_KEY] = connector_factory
        context.turn_state[self.BOT_OAUTH_SCOPE_KEY] = oauth_scope
        return context


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
