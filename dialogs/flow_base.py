"""What a flow is: the steps it asks, the answers it takes, and what it says when stopped. The
walker that runs every flow is dialogs/flow.py (which also exports these names)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from botbuilder.core import TurnContext

from cards import Button, CardView, Text

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
