"""What features register: commands, card actions, intents, dialogs, migrations, workers, routes."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Awaitable, Callable, Optional

from botbuilder.dialogs import Dialog

from store import Migration

if TYPE_CHECKING:
    from aiohttp import web
    from botbuilder.core import TurnContext

    from .turn import Turn

Handler = Callable[["Turn"], Awaitable[None]]
# Scores a free-text message for an intent: 0 means "not mine"; the highest score wins.
IntentScorer = Callable[[str], float]
# Looks at an incoming activity before anything else; may rewrite channel-specific shapes in
# place (a Slack button click into a card submit) and returns False to ignore the activity.
Inbound = Callable[["TurnContext"], bool]


@dataclass(frozen=True)
class Command:
    """A typed command such as `help` or `reports open`; `words` are its spellings."""

    name: str
    words: tuple[str, ...]
    handler: Handler
    description: str = ""
    hidden: bool = False
    takes_argument: bool = False


@dataclass(frozen=True)
class Intent:
    name: str
    scorer: IntentScorer
    handler: Handler


@dataclass
class Registry:
    commands: list[Command] = field(default_factory=list)
    actions: dict[str, Handler] = field(default_factory=dict)
    intents: list[Intent] = field(default_factory=list)
    dialogs: list[Dialog] = field(default_factory=list)
    migrations: list[Migration] = field(default_factory=list)
    # aiohttp cleanup_ctx generators, each given the Application.
    workers: list[Callable] = field(default_factory=list)
    # Called with the aiohttp Application to add HTTP routes (e.g. /api/slack, the web chat page).
    routes: list[Callable[["web.Application"], None]] = field(default_factory=list)
    # Called first with every incoming activity; see Inbound.
    inbound: list[Inbound] = field(default_factory=list)
    # Called on every activity before routing (e.g. to remember conversation references).
    observers: list[Handler] = field(default_factory=list)
    # Called when a new user joins or first writes (welcome).
    on_new_user: list[Handler] = field(default_factory=list)
    fallback: Optional[Handler] = None

    def command(self, name: str, words: tuple[str, ...], handler: Handler, description: str = "",
                hidden: bool = False, takes_argument: bool = False) -> None:
        self.commands.append(Command(name, words, handler, description, hidden, takes_argument))

    def action(self, name: str, handler: Handler) -> None:
        if name in self.actions:
            raise ValueError(f"card action {name!r} registered twice")
        self.actions[name] = handler

    def intent(self, name: str, scorer: IntentScorer, handler: Handler) -> None:
        self.intents.append(Intent(name, scorer, handler))

    def find_command(self, text: str) -> tuple[Command, str] | None:
        """The command a message names, longest spelling first, with the rest as argument."""
        low = " ".join(text.lower().strip().lstrip("/").split())
        best = None
        for cmd in self.commands:
            for word in cmd.words:
                if low == word or (cmd.takes_argument and low.startswith(word + " ")):
                    if best is None or len(word) > len(best[1]):
                        best = (cmd, word)
        if best is None:
            return None
        cmd, word = best
        return cmd, text.strip().lstrip("/")[len(word):].strip()
