"""The turn handler: load state once, continue a flow or route the message, save, then send."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from botbuilder.core import ConversationState, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.dialogs import DialogContext, DialogSet
from botbuilder.schema import ActivityTypes, ChannelAccount, ResourceResponse

from cards import CardView
from dialogs.choices import control_word
from dialogs.flow import active_flow, interrupted, reask, resume_offer

from .adapter import drop_held, hold, release
from .registry import Registry
from .storage import StorageConflictError

log = logging.getLogger(__name__)

# The turn's Turn object, made once.
_TURN = "guidance.turn"


@dataclass
class Turn:
    """One incoming activity, with what handlers need to answer it."""

    context: TurnContext
    dc: DialogContext
    services: Any
    text: str
    value: dict | None
    argument: str = ""
    # What this turn has worked out about its message, shared by whoever asks (e.g. the Q&A reply).
    found: dict = field(default_factory=dict)

    @property
    def channel_id(self) -> str:
        return self.context.activity.channel_id or ""

    @property
    def user_id(self) -> str:
        return self.context.activity.from_property.id if self.context.activity.from_property else ""

    async def send(self, reply: CardView | str, *, need_id: bool = False) -> ResourceResponse | None:
        """Send a card or a line of text once the turn's state is saved.

        need_id: send it now (with what the turn said before it), so that the response carries the
        id the channel gave the message, e.g. to update the card later.
        """
        if not need_id:
            return await self.services.replies.send(self.context, reply)
        await release(self.context)
        try:
            return await self.services.replies.send(self.context, reply)
        finally:
            hold(self.context)

    async def begin(self, dialog_id: str, options: Any = None):
        """Start a dialog, replacing nothing that is active (the caller decides)."""
        return await self.dc.begin_dialog(dialog_id, options)


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


class ReadOnceConversationState(ConversationState):
    """botbuilder reads storage again whenever the turn's cached state is empty: for a new
    conversation, on every property get and set. Once the turn has read it, empty is the answer.
    (Unchanged state is not written back: botbuilder compares it with what was read.)"""

    def __init__(self, storage):
        super().__init__(storage)
        self.storage = storage

    async def load(self, turn_context: TurnContext, force: bool = False) -> None:
        if force or self.get_cached_state(turn_context) is None:
            await super().load(turn_context, force)


class GuidanceBot(TeamsActivityHandler):
    def __init__(self, registry: Registry, conversation_state: ConversationState, services: Any):
        self.registry = registry
        self.conversation_state = conversation_state
        self.services = services
        self.dialogs = DialogSet(conversation_state.create_property("dialog_state"))
        for dialog in registry.dialogs:
            self.dialogs.add(dialog)
        registry.action("flow.resume", self.resume)
        registry.command("resume", ("carry on", "resume", "continue"), self.resume, hidden=True)

    async def on_turn(self, turn_context: TurnContext):
        """Load the state, handle the activity, save the state (if it changed), then send the replies.

        If the handling or the save fails, what the turn said still goes out before the apology
        (e.g. "your report has NOT been received", with who to phone). But when another instance
        changed the conversation first (an eTag conflict), the turn worked from a stale state: its
        replies are dropped, and the person is asked to send the message again.
        """
        for inbound in self.registry.inbound.get(turn_context.activity.channel_id, ()):
            if not inbound(turn_context):
                return
        hold(turn_context)
        try:
            await self.conversation_state.load(turn_context)
            await self._handle(turn_context)
        except Exception:
            await _send_held_after_failure(turn_context)
            raise
        try:
            await self.conversation_state.save_changes(turn_context)
        except StorageConflictError:
            drop_held(turn_context)
            raise
        except Exception:
            await _send_held_after_failure(turn_context)
            raise
        await release(turn_context)

    async def _handle(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        if activity.type in (ActivityTypes.message, ActivityTypes.conversation_update) and activity.from_property:
            _, is_new = await self.services.people.observe(turn_context)
            if is_new and activity.type == ActivityTypes.message:
                await self._welcome(turn_context)
        for observe in self.registry.observers:
            await observe(await self.turn(turn_context))
        await super().on_turn(turn_context)

    async def turn(self, context: TurnContext) -> Turn:
        """This activity's Turn (made once)."""
        turn = context.turn_state.get(_TURN)
        if turn is None:
            dc = await self.dialogs.create_context(context)
            turn = context.turn_state[_TURN] = Turn(context, dc, self.services, message_text(context),
                                                    submitted_value(context))
        return turn

    async def on_members_added_activity(self, members_added: list[ChannelAccount], turn_context: TurnContext):
        """Welcome each person who joins (not the bot itself)."""
        bot_id = turn_context.activity.recipient.id if turn_context.activity.recipient else None
        if any(m.id != bot_id for m in members_added or []):
            await self._welcome(turn_context)

    async def _welcome(self, turn_context: TurnContext) -> None:
        turn = await self.turn(turn_context)
        for hook in self.registry.on_new_user:
            await hook(turn)

    async def on_message_activity(self, turn_context: TurnContext):
        """Answer a message: a card action, a flow's answer or control word, or something new."""
        turn = await self.turn(turn_context)
        if not turn.text and turn.value is None and not (turn_context.activity.attachments and turn.dc.active_dialog):
            return  # empty messages (or attachments outside a flow, e.g. report evidence): nothing to answer
        if turn.value is not None and "action" in turn.value:
            handler = self.registry.actions.get(str(turn.value["action"]))
            if handler is not None:
                await handler(turn)
                return
        flow = active_flow(turn.dc)[0] if turn.dc.active_dialog is not None else None
        if flow is None:
            if not await self.screen(turn):
                await self.route(turn)
            return
        if is_control(turn):
            await turn.dc.continue_dialog()
            return
        if not flow.flow.takes_disclosures and await self.screen(turn):
            await self.offer_to_resume(turn)
            return
        await turn.dc.continue_dialog()
        stopped = interrupted(turn_context)
        if stopped is None:
            return
        if stopped.ends_on_interruption:
            await self.route(turn)
        elif await self.route(turn, sure=True):
            now, _ = active_flow(turn.dc)
            if now is not None and now.flow is stopped:  # not when what was asked started a flow of its own
                await self.offer_to_resume(turn)
        else:
            await reask(turn.dc)

    async def screen(self, turn: Turn) -> bool:
        """Let each screen look at a typed message first (a child at risk comes before anything else)."""
        if not turn.text or self.registry.is_bare_command(turn.text):
            return False  # nothing typed but a command's name ("help", "cancel") tells of anything
        for screen in self.registry.screens:
            if await screen(turn):
                return True
        return False

    async def offer_to_resume(self, turn: Turn) -> None:
        """After answering something else mid-flow, offer to carry on where the flow was."""
        offer = resume_offer(turn.dc)
        if offer is not None:
            await turn.send(offer)

    async def resume(self, turn: Turn) -> None:
        """The "Carry on" button: ask the paused flow's current step again."""
        if turn.dc.active_dialog is None:
            await turn.send("There's nothing to carry on with. Type **help** to see what I can do.")
            return
        await turn.dc.reprompt_dialog()

    async def route(self, turn: Turn, sure: bool = False) -> bool:
        """Decide what a free-standing message is and hand it to that feature; False when `sure` and
        nothing is sure what it is (mid-flow, it is then taken as an unclear answer)."""
        if turn.value is not None and not turn.text:
            await turn.send("That button belongs to a conversation that has finished. Type **help** to start again.")
            return True
        found = self.registry.find_command(turn.text)
        if found is not None:
            command, turn.argument = found
            await command.handler(turn)
            return True
        best, best_match = None, None
        for intent in self.registry.intents:
            match = intent.scorer(turn)
            if match is not None and match.score > 0 and (best_match is None or match.score > best_match.score):
                best, best_match = intent, match
        if best is not None:
            await best.handler(turn, best_match.result)
            return True
        if self.registry.fallback is not None:
            return await self.registry.fallback(turn, sure)
        return False


def is_control(turn: Turn) -> bool:
    """A control word for the active flow: typed (back, cancel, start over, help) or a button."""
    if turn.value is not None:
        return "control" in turn.value
    return control_word(turn.text) is not None


async def _send_held_after_failure(context: TurnContext) -> None:
    """Send what a failed turn said before it failed; a failure to send it is logged, and the
    turn's own error is the one reported."""
    try:
        await release(context)
    except Exception as exc:  # noqa: BLE001
        log.warning("could not send the replies of a failed turn: %s", type(exc).__name__)
