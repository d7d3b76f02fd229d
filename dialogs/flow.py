"""The one way to write a multi-step flow: a flow says what its current step asks and how to read
an answer to it; `FlowDialog` walks every flow (report, quiz, situations, clarifying question)
the same way.

What the walker does for all of them:
- a click carries the step it belongs to: a button from an earlier step is refused, and the
  current step asked again;
- `back`, `start over`, `help` and `cancel`, typed or clicked (`{"control": ...}`); cancel and
  start over ask first when they would throw away something the person typed;
- the interruption rule: a message that is not an answer to the current step is not taken.
  The walker says so (`interrupted`), and the bot answers it when it is clearly something
  else (a command, a question, a disclosure), then offers to carry on where the flow was
  (`resume_offer`); otherwise it asks the flow to ask again (`reask`);
- a flow started over another one pauses it: when the new one ends, the paused one asks its
  current step again.
"""
from __future__ import annotations

import inspect
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.dialogs import Dialog, DialogContext, DialogInstance, DialogReason, DialogTurnResult

from cards import Button, CardView, Text

from .base import Say
from .choices import control_word
from .flow_base import HELP, STAY, Done, Flow, Said, Step

__all__ = ["HELP", "STAY", "Done", "Flow", "FlowDialog", "Said", "Step", "active_flow", "interrupted", "reask",
           "resume_offer"]

# A turn_state key: the active flow could not read this message as an answer.
_INTERRUPTED = "flow.interrupted"


KEEP = {"keep", "keep going", "continue", "carry on", "resume", "no", "no keep it", "keep it"}
DISCARD = {"discard", "discard it", "throw it away", "delete", "delete it", "bin it", "yes", "yes discard",
           "stop", "cancel"}


class FlowDialog(Dialog):
    """Walks one Flow. The flow's own state is `state["flow"]`; the walker keeps `confirm` beside it."""

    def __init__(self, flow: Flow, say: Say):
        super().__init__(flow.id)
        self.flow, self.say = flow, say

    # ---- botbuilder's entry points ----------------------------------------------------
    async def begin_dialog(self, dc: DialogContext, options: Any = None) -> DialogTurnResult:
        """Start the flow and ask its first step."""
        state = dc.active_dialog.state
        state.update(flow={}, confirm=None)
        return await self._run(dc, lambda: self.flow.start(dc.context, state["flow"], options), ask=True)

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        """Take the person's answer to the current step, or hand the message back to the bot."""
        return await self._run(dc, lambda: self._continue(dc))

    async def resume_dialog(self, dc: DialogContext, reason: DialogReason, result: object = None):
        """A flow started over this one has ended: ask the current step again."""
        return await self._run(dc, lambda: None, ask=True, lead=f"Back to {self.flow.name}:")

    async def reprompt_dialog(self, context: TurnContext, instance: DialogInstance) -> None:
        """Ask the current step again."""
        state = instance.state
        self.flow.open(context, state["flow"])
        try:
            found = await self.flow.step(context, state["flow"])
            if isinstance(found, Step):
                await self.say(context, self.flow.confirm_view(state["confirm"]) if state.get("confirm")
                               else found.view)
        finally:
            self.flow.close(context, state["flow"])

    # ---- the walk ---------------------------------------------------------------------
    async def _run(self, dc: DialogContext, work, ask: bool = False, lead: str = "") -> DialogTurnResult:
        """Do `work` with the flow's state open; then end, or ask the current step."""
        state = dc.active_dialog.state
        self.flow.open(dc.context, state["flow"])
        try:
            outcome = work()
            if inspect.isawaitable(outcome):
                outcome = await outcome
            if isinstance(outcome, DialogTurnResult):
                return outcome
            if isinstance(outcome, Done):
                return await dc.end_dialog(outcome.result)
            if ask or outcome is _ASK:
                return await self._ask(dc, lead)
            return Dialog.end_of_turn
        finally:
            if dc.active_dialog is not None and dc.active_dialog.state is state:
                self.flow.close(dc.context, state["flow"])

    async def _ask(self, dc: DialogContext, lead: str = "", problem: str = "") -> DialogTurnResult:
        state = dc.active_dialog.state
        found = await self.flow.step(dc.context, state["flow"])
        if isinstance(found, Done):
            return await dc.end_dialog(found.result)
        for line in (lead, problem):
            if line:
                await self.say(dc.context, line)
        await self.say(dc.context, found.view)
        return Dialog.end_of_turn

    async def _continue(self, dc: DialogContext):
        state, context = dc.active_dialog.state, dc.context
        activity = context.activity
        value = activity.value if isinstance(activity.value, dict) else None
        text = " ".join((activity.text or "").split())
        word = str(value.get("control")) if value and value.get("control") else (None if value else control_word(text))
        if state.get("confirm"):
            return await self._confirming(dc, word, text)
        if word in ("cancel", "restart"):
            if self.flow.unsaved(state["flow"]):
                state["confirm"] = word
                await self.say(context, self.flow.confirm_view(word))
                return Dialog.end_of_turn
            return await self._stop(dc, word, confirmed=False)
        if word == "back":
            line = self.flow.back(state["flow"])
            if line:
                await self.say(context, line)
            return _ASK
        if word == "help":
            await self.say(context, self.flow.help_text(state["flow"]))
            return _ASK
        if word in ("keep", "discard"):
            return _ASK  # a button of a confirmation already answered
        step = await self.flow.step(context, state["flow"])
        if isinstance(step, Done):
            return step
        said = Said(text, value, tuple(activity.attachments or ()))
        if value is not None and not step.clicked(value):
            await self.say(context, "That button belongs to an earlier question. Here is where we are:")
            return _ASK
        answer = step.read(said)
        if answer is None:
            if value is not None:
                await self.say(context, "Sorry, I didn't catch that. Please choose one of the options.")
                return _ASK
            context.turn_state[_INTERRUPTED] = self.flow
            if self.flow.ends_on_interruption:
                return await dc.end_dialog()
            return Dialog.end_of_turn
        done = await self.flow.take(context, state["flow"], step, answer)
        if done is STAY:
            return Dialog.end_of_turn
        return done if done is not None else _ASK

    async def _confirming(self, dc: DialogContext, word: str | None, text: str):
        state = dc.active_dialog.state
        said = word or " ".join(text.lower().strip(" .!").split())
        if said in KEEP:
            state["confirm"] = None
            await self.say(dc.context, "OK, carrying on. Nothing has been lost.")
            return _ASK
        if said in DISCARD:
            kind, state["confirm"] = state["confirm"], None
            return await self._stop(dc, kind, confirmed=True)
        await self.say(dc.context, "Please answer **discard** or **keep going**.")
        await self.say(dc.context, self.flow.confirm_view(state["confirm"]))
        return Dialog.end_of_turn

    async def _stop(self, dc: DialogContext, kind: str, confirmed: bool):
        state = dc.active_dialog.state
        if kind == "restart":
            options = await self.flow.restart(dc.context, state["flow"])
            await self.say(dc.context, "Starting again.")
            await dc.end_dialog()
            return await dc.begin_dialog(self.id, options)
        await self.say(dc.context, await self.flow.stopped(dc.context, state["flow"], confirmed))
        return await dc.end_dialog()


_ASK = object()  # what a continuation returns to have the current step asked again


def interrupted(context: TurnContext) -> Flow | None:
    """The flow that could not read this turn's message as an answer (the bot decides what it is)."""
    return context.turn_state.get(_INTERRUPTED)


def active_flow(dc: DialogContext) -> tuple[FlowDialog, dict] | tuple[None, None]:
    """The flow at the top of the dialog stack, with its walker's state."""
    if dc.active_dialog is None:
        return None, None
    dialog = dc.find_dialog_sync(dc.active_dialog.id)
    return (dialog, dc.active_dialog.state) if isinstance(dialog, FlowDialog) else (None, None)


async def reask(dc: DialogContext) -> None:
    """The message was nothing the bot understood either: say so, and ask the current step again."""
    dialog, state = active_flow(dc)
    if dialog is not None:
        dialog.flow.open(dc.context, state["flow"])
        try:
            line = dialog.flow.unclear(state["flow"])
        finally:
            dialog.flow.close(dc.context, state["flow"])
        await dialog.say(dc.context, line)
    await dc.reprompt_dialog()


def resume_offer(dc: DialogContext) -> CardView | None:
    """After answering something else mid-flow: offer to carry on where the flow was."""
    dialog, state = active_flow(dc)
    if dialog is None:
        return None
    where = dialog.flow.where(state.get("flow", {}))
    name = dialog.flow.name
    line = f"You were in the middle of {name}" + (f" ({where})." if where else ".")
    return CardView("Carry on?", (Text(line),),
                    (Button("Carry on", {"action": "flow.resume"}, style="positive"),
                     Button(f"Stop {name}", {"control": "cancel"})),
                    summary=f"{line} Type carry on, or cancel to stop.")
