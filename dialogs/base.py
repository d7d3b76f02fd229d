"""A ComponentDialog that understands cancel, back, start over and help at every step."""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from botbuilder.core import TurnContext
from botbuilder.dialogs import ComponentDialog, DialogContext, DialogTurnResult, DialogTurnStatus

from cards import CardView

from .choices import control_word

# Sends a card or a line of text to the turn's conversation, rendered for its channel (given by
# the bot layer: dialogs know nothing of channels).
Say = Callable[[TurnContext, "CardView | str"], Awaitable[Any]]

# A short line to show at the top of this turn's next reply rather than as a message of its own
# ("I've left the walk-through to answer that."): one message in the chat instead of two.
_LEAD = "guidance.lead"


def lead_with(context: TurnContext, line: str) -> None:
    """Show `line` above the next reply of this turn (sent on its own if no reply follows)."""
    context.turn_state[_LEAD] = line


def take_lead(context: TurnContext) -> str:
    """The pending lead line, now taken (empty when there is none)."""
    return context.turn_state.pop(_LEAD, "")


class GuidedDialog(ComponentDialog):
    """Subclasses override `on_back`, `on_restart`, `on_help` and `on_cancel` as their flow needs."""

    async def on_continue_dialog(self, inner_dc: DialogContext) -> DialogTurnResult:
        activity = inner_dc.context.activity
        word = None if isinstance(activity.value, dict) else control_word(activity.text)
        if word == "cancel":
            return await self.on_cancel(inner_dc)
        if word == "back":
            return await self.on_back(inner_dc)
        if word == "restart":
            return await self.on_restart(inner_dc)
        if word == "help":
            return await self.on_help(inner_dc)
        return await super().on_continue_dialog(inner_dc)

    async def on_cancel(self, inner_dc: DialogContext) -> DialogTurnResult:
        """Stop this flow and say so."""
        await inner_dc.context.send_activity("Cancelled. Type **help** to see what I can do.")
        await inner_dc.cancel_all_dialogs()
        return DialogTurnResult(DialogTurnStatus.Cancelled)

    async def on_back(self, inner_dc: DialogContext) -> DialogTurnResult:
        """By default there is no going back: re-ask the current step."""
        await inner_dc.context.send_activity("There's no earlier step to go back to here.")
        await inner_dc.reprompt_dialog()
        return DialogTurnResult(DialogTurnStatus.Waiting)

    async def on_restart(self, inner_dc: DialogContext) -> DialogTurnResult:
        """Begin this dialog again from its first step."""
        await inner_dc.cancel_all_dialogs()
        return await inner_dc.begin_dialog(self.initial_dialog_id)

    async def on_help(self, inner_dc: DialogContext) -> DialogTurnResult:
        """Explain the control words, then re-ask the current step."""
        await inner_dc.context.send_activity(
            "You can answer with a button or by typing. Type **back** for the previous question, "
            "**start over** to begin again, or **cancel** to stop.")
        await inner_dc.reprompt_dialog()
        return DialogTurnResult(DialogTurnStatus.Waiting)


# A dialog ends with this result when the message was not for it (e.g. a new question typed
# instead of an answer); the turn handler then routes the message afresh.
REROUTE = "dialogs.reroute"
