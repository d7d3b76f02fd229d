"""The turn handler: load state once, continue a dialog or route the message, save once."""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from botbuilder.core import ComponentRegistration, ConversationState, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.dialogs import DialogContext, DialogsComponentRegistration, DialogSet, DialogTurnStatus
from botbuilder.dialogs.memory import (ComponentMemoryScopesBase, ComponentPathResolversBase,
                                       DialogStateManagerConfiguration)
from botbuilder.schema import ActivityTypes, ChannelAccount, InputHints

from cards import CardView
from dialogs.base import REROUTE
from .registry import Registry
from .replies import OutgoingActivity, flush_lead, hold_replies, send_card, send_held, take_lead
from .storage import while_waiting

log = logging.getLogger(__name__)


@dataclass
class Turn:
    """One incoming activity, with what handlers need to answer it."""

    context: TurnContext
    dc: DialogContext
    services: Any
    text: str
    value: dict | None
    argument: str = ""

    @property
    def channel_id(self) -> str:
        return self.context.activity.channel_id or ""

    @property
    def user_id(self) -> str:
        return self.context.activity.from_property.id if self.context.activity.from_property else ""

    async def send(self, reply: CardView | str, *, need_id: bool = False):
        """Send a card or a line of text.

        Replies are held until the turn ends (`GuidanceBot._finish`), so the response has no id.
        need_id: send it (and what was held before it) now, so the response carries the id the
        channel gave the message, e.g. to update the card later.
        """
        if need_id:
            await send_held(self.context)
        if isinstance(reply, CardView):
            return await send_card(self.context, reply)
        line = take_lead(self.context)
        # What TurnContext.send_activity builds from a string, as an activity that copies cheaply.
        return await self.context.send_activity(OutgoingActivity(
            type=ActivityTypes.message, text=f"{line}\n\n{reply}" if line else reply,
            input_hint=InputHints.accepting_input))

    async def begin(self, dialog_id: str, options: Any = None):
        """Start a dialog, replacing nothing that is active (the caller decides)."""
        return await self.dc.begin_dialog(dialog_id, options)


def memory_configuration() -> DialogStateManagerConfiguration:
    """The memory scopes and path resolvers every DialogContext's state manager uses, built once.

    botbuilder's DialogStateManager builds them afresh (about twenty objects) in each turn's first
    DialogContext and keeps them in `turn_state` under "DialogStateManagerConfiguration", where
    later contexts of the turn find them; given there, it uses ours. They hold no state of their
    own: each reads the turn's memory from the dialog context it is handed.
    """
    ComponentRegistration.add(DialogsComponentRegistration())
    configuration = DialogStateManagerConfiguration()
    for component in ComponentRegistration.get_components():
        if isinstance(component, ComponentMemoryScopesBase):
            configuration.memory_scopes.extend(component.get_memory_scopes())
        if isinstance(component, ComponentPathResolversBase):
            configuration.path_resolvers.extend(component.get_path_resolvers())
    return configuration


def message_text(context: TurnContext) -> str:
    """The user's text with any @mention of the bot removed (Teams channels)."""
    activity = context.activity
    text = activity.text or ""
    if activity.recipient and activity.entities:
        text = TurnContext.remove_mention_text(activity, activity.recipient.id) or ""
    return " ".join(text.split())


def submitted_value(context: TurnContext) -> dict | None:
    """Data a card button sent back, if this activity is a submit."""
    value = context.activity.value
    return value if isinstance(value, dict) else None


# The turn's DialogContext, made once a turn by GuidanceBot._turn.
_DIALOG_CONTEXT = "guidance.dc"


def _release_dialog_context(context: TurnContext) -> None:
    """Break the turn's reference cycles once it is over (the context holds its DialogContext in
    `turn_state`, which points back at the context; the DialogContext and its state manager point
    at each other). Freed at once instead of by the cycle collector, whose passes over whole
    turns' worth of objects were pauses of about 4 ms landing on other turns."""
    dc = context.turn_state.pop(_DIALOG_CONTEXT, None)
    if dc is not None:
        dc.state = None


class _SendMeanwhile:
    """`while_waiting` for a turn's save: start sending the held replies (once)."""

    def __init__(self, context: TurnContext):
        self.context: TurnContext | None = context
        self.sending: asyncio.Future | None = None

    def __call__(self) -> None:
        if self.sending is None and self.context is not None:
            self.sending = asyncio.ensure_future(send_held(self.context))

    def take(self) -> asyncio.Future | None:
        """The send started, if any; and forget the turn (the task's copy of the context
        variables still points here: no reference cycle through it)."""
        sending, self.sending, self.context = self.sending, None, None
        return sending


class GuidanceBot(TeamsActivityHandler):
    def __init__(self, registry: Registry, conversation_state: ConversationState, services: Any):
        self.registry = registry
        self.conversation_state = conversation_state
        self.services = services
        self.dialogs = DialogSet(conversation_state.create_property("dialog_state"))
        self.memory = memory_configuration()
        for dialog in registry.dialogs:
            self.dialogs.add(dialog)

    async def on_turn(self, turn_context: TurnContext):
        """Load state once, handle the activity, then send the replies while the state is saved
        (once, and not when unchanged)."""
        for inbound in self.registry.inbound:
            if not inbound(turn_context):
                return
        await self.conversation_state.load(turn_context)
        turn_context.on_send_activities(flush_lead)
        hold_replies(turn_context)
        try:
            await self._handle(turn_context)
            await self._finish(turn_context)
        finally:
            _release_dialog_context(turn_context)

    async def _handle(self, turn_context: TurnContext) -> None:
        """Everything the turn does before its replies go out; if it fails, what it said so far
        still goes out (before the apology)."""
        try:
            activity = turn_context.activity
            if activity.type in (ActivityTypes.message, ActivityTypes.conversation_update) and activity.from_property:
                _, is_new = await self.services.people.observe(turn_context)
                if is_new and activity.type == ActivityTypes.message:
                    await self._welcome(turn_context)
            for observe in self.registry.observers:
                await observe(await self._turn(turn_context))
            await super().on_turn(turn_context)
            await flush_lead(turn_context)
        except Exception:
            await self._send_held_after_failure(turn_context)
            raise

    async def _finish(self, context: TurnContext) -> None:
        """Save the state if it changed, then send the held replies. A save that commits at once
        (SQLite, on the loop) costs the turn no wait; one that has to wait (for the writer thread
        or a database server) starts the send first (`while_waiting`): one wait, not two in a row,
        as a turn resumes once per wait on a busy loop.

        A failed send must leave the state as the turn found it (the user is asked to send the
        message again, as when botbuilder saved only after sending), so the state the turn read
        is written back over its save; then the send's error goes to on_turn_error.
        """
        state = self.conversation_state
        if not state.will_write(context):
            await send_held(context)
            return
        meanwhile = _SendMeanwhile(context)
        waiting = while_waiting.set(meanwhile)
        try:
            await state.save_changes(context, force=True)  # will_write has just said it changed
        except Exception:
            await self._send_after_failed_save(context, meanwhile.take())
            raise
        finally:
            while_waiting.reset(waiting)
        await self._send_or_restore(context, meanwhile.take() or send_held(context))

    async def _send_after_failed_save(self, context: TurnContext, sending: asyncio.Future | None) -> None:
        """The replies of a turn whose state could not be saved still go out (before the apology),
        as botbuilder sent them before it saved."""
        if sending is None:
            await self._send_held_after_failure(context)
            return
        await asyncio.wait([sending])
        if not sending.cancelled() and sending.exception() is not None:
            log.warning("the replies of a turn whose state was not saved failed too: %s",
                        type(sending.exception()).__name__)

    async def _send_or_restore(self, context: TurnContext, sending) -> None:
        """Wait for the replies; if they could not be sent, put back the state the turn read."""
        try:
            await sending
        except Exception:
            await self.conversation_state.restore_loaded(context)
            raise

    @staticmethod
    async def _send_held_after_failure(context: TurnContext) -> None:
        """What the turn said before it failed still goes out (before the apology), as it did
        when replies were not held; a failure to send it is logged, the turn's error stands."""
        try:
            await send_held(context)
        except Exception as exc:  # noqa: BLE001
            log.warning("could not send the replies of a failed turn: %s", type(exc).__name__)

    async def _turn(self, context: TurnContext, text: str | None = None) -> Turn:
        dc = context.turn_state.get(_DIALOG_CONTEXT)
        if dc is None:
            context.turn_state.setdefault(DialogStateManagerConfiguration.__name__, self.memory)
            dc = await self.dialogs.create_context(context)
            context.turn_state[_DIALOG_CONTEXT] = dc
        return Turn(context, dc, self.services, message_text(context) if text is None else text,
                    submitted_value(context))

    async def on_members_added_activity(self, members_added: list[ChannelAccount], turn_context: TurnContext):
        """Welcome each person who joins (not the bot itself)."""
        bot_id = turn_context.activity.recipient.id if turn_context.activity.recipient else None
        if any(m.id != bot_id for m in members_added or []):
            await self._welcome(turn_context)

    async def _welcome(self, turn_context: TurnContext) -> None:
        turn = await self._turn(turn_context)
        for hook in self.registry.on_new_user:
            await hook(turn)

    async def on_message_activity(self, turn_context: TurnContext):
        """Continue the active dialog, or route the message to a command, action or intent."""
        turn = await self._turn(turn_context)
        if not turn.text and turn.value is None and not (turn_context.activity.attachments and turn.dc.active_dialog):
            return  # empty messages (or attachments outside a dialog, e.g. report evidence): nothing to answer
        if turn.value is not None and "action" in turn.value:
            handler = self.registry.actions.get(str(turn.value["action"]))
            if handler is not None:
                await handler(turn)
                return
        if turn.dc.active_dialog is not None:
            result = await turn.dc.continue_dialog()
            rerouted = result.status == DialogTurnStatus.Complete and result.result == REROUTE
            if result.status != DialogTurnStatus.Empty and not rerouted:
                return
        await self.route(turn)

    async def route(self, turn: Turn) -> None:
        """Decide what a free-standing message is and hand it to that feature."""
        if turn.value is not None and not turn.text:
            await turn.send("That button belongs to a conversation that has finished. Type **help** to start again.")
            return
        found = self.registry.find_command(turn.text)
        if found is not None:
            command, argument = found
            turn.argument = argument
            await command.handler(turn)
            return
        best, best_score = None, 0.0
        for intent in self.registry.intents:
            score = intent.scorer(turn.text)
            if score > best_score:
                best, best_score = intent, score
        if best is not None:
            await best.handler(turn)
        elif self.registry.fallback is not None:
            await self.registry.fallback(turn)

    async def on_unrecognized_activity_type(self, turn_context: TurnContext):
        """Accept and ignore activity types the bot does not use."""
        log.debug("ignored activity of type %s", turn_context.activity.type)

    async def on_typing_activity(self, turn_context: TurnContext):
        """Ignore typing indicators."""
