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
from dataclasses import dataclass, field
from typing import Any, Callable

from botbuilder.core import TurnContext
from botbuilder.dialogs import Dialog, DialogContext, DialogInstance, DialogReason, DialogTurnResult

from cards import Button, CardView, Text

from .base import Say
from .choices import control_word

# A turn_state key: the active flow could not read this message as an answer.
_INTERRUPTED = "flow.interrupted"
HELP = ("Answer with a button or by typing. Type **back** for the previous question, **start over** to begin "
        "again, or **cancel** to stop (I'll ask before throwing anything away).")


@dataclass(frozen=True)
class Said:
    """What came back: typed text (the bot's @mention removed), or a click's data."""

    text: str = ""
    value: dict | None = None
    attachments: tuple = ()


@dataclass(frozen=True)
class Step:
    """The current step: its card, and how it reads an answer (None: the message is not one)."""

    id: str
    view: CardView
    read: Callable[[Said], Any]
    # Data a click on this step's buttons carries; a click whose data does not match is stale.
    owns: Callable[[dict], bool] = field(default=None)

    def clicked(self, value: dict) -> bool:
        return self.owns(value) if self.owns is not None else value.get("step") == self.id


@dataclass(frozen=True)
class Done:
    """The flow has finished, with this result for whoever started it."""

    result: Any = None


# What `Flow.take` returns to stay at the current step without asking it again (it has said what to do).
STAY = object()


class Flow:
    """A multi-step flow: override what the flow needs; the walker does the rest."""

    id: str = "flow"
    name: str = "this"  # how the person hears of it: "the quiz", "your report"
    # A disclosure of harm typed into this flow is an answer (the report), not an interruption.
    takes_disclosures: bool = False
    # An interruption ends this flow instead of pausing it (a clarifying question is moot once the
    # person asks something else).
    ends_on_interruption: bool = False
    help: str = HELP

    async def start(self, context: TurnContext, state: dict, options: Any) -> Done | None:
        """Fill in the state; send any opening card. Done when there is nothing to ask."""
        raise NotImplementedError

    async def step(self, context: TurnContext, state: dict) -> Step | Done:
        """The current step; Done (after saying why) when the flow cannot go on."""
        raise NotImplementedError

    async def take(self, context: TurnContext, state: dict, step: Step, answer: Any) -> Done | object | None:
        """Record an answer (sending what it calls for); Done when the flow has finished; STAY to wait
        at this step without asking it again; None to ask the (next) step."""
        raise NotImplementedError

    def back(self, state: dict) -> str:
        """Go one step back if there is one, forgetting that answer; what to tell the person."""
        return "This is the first question."

    def help_text(self, state: dict) -> str:
        """What `help` says before the step is asked again."""
        return self.help

    def unclear(self, state: dict) -> str:
        """What to say when a typed message is neither an answer nor anything else the bot knows."""
        return "Sorry, I didn't understand that as an answer. Please choose one of the options, or type **help**."

    def unsaved(self, state: dict) -> bool:
        """Whether stopping now would throw away something the person typed."""
        return False

    async def stopped(self, context: TurnContext, state: dict, confirmed: bool) -> str:
        """The person stopped the flow (`confirmed`: after saying to throw their answers away): tidy up;
        what to tell them."""
        return f"Stopped {self.name}. Type **help** to see what I can do."

    async def restart(self, context: TurnContext, state: dict) -> Any:
        """The person starts the flow again (after confirming, if asked): tidy up; the options to begin with."""
        return None

    def where(self, state: dict) -> str:
        """Where the person is, for "carry on" offers ("question 3 of 10")."""
        return ""

    def confirm_view(self, kind: str) -> CardView:
        """The card that asks before throwing typed content away (kind: cancel | restart)."""
        what = "start again" if kind == "restart" else "stop"
        return CardView(f"Stop {self.name}?", (Text(f"If you {what}, what you have typed so far will be thrown "
                                                    "away."),),
                        (Button("Keep going", {"control": "keep"}, style="positive"),
                         Button("Throw it away", {"control": "discard"}, style="destructive")),
                        summary=f"Stop {self.name}? Answer discard or keep going.")

    def open(self, context: TurnContext, state: dict) -> None:
        """Before the walker reads the state (e.g. decrypt a draft)."""

    def close(self, context: TurnContext, state: dict) -> None:
        """After the walker is done with the state for this turn (e.g. encrypt a draft)."""


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
