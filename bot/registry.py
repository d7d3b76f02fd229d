"""What features register: commands, card actions, intents, dialogs, migrations, workers, routes."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Awaitable, Callable

from botbuilder.dialogs import Dialog

from cards import Button
from store import Migration

from .replies import Renderer

if TYPE_CHECKING:
    from aiohttp import web
    from botbuilder.core import TurnContext

    from .turn import Turn

Handler = Callable[["Turn"], Awaitable[None]]
# Answers what nothing else claimed; `sure`: only if it is sure what the message is. True if it answered.
Fallback = Callable[["Turn", bool], Awaitable[bool]]
# Looks at every typed message before anything else (a disclosure of harm to a child); True if it answered.
Screen = Callable[["Turn"], Awaitable[bool]]


@dataclass(frozen=True)
class Match:
    """How well a message fits an intent (the highest score wins), and what the scorer found, so
    the handler does not work it out again."""

    score: float
    result: Any = None


# Reads a free-text turn for an intent: None means "not mine".
IntentScorer = Callable[["Turn"], Match | None]
# Handles a turn its intent won, given the scorer's result.
IntentHandler = Callable[["Turn", Any], Awaitable[None]]
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


def argument_after(text: str, spelling: str) -> str:
    """What follows a command's spelling in the message, as typed ("Reports  open 5" -> "5")."""
    words = len(spelling.split())
    parts = text.strip().lstrip("/").split(None, words)
    return parts[words].strip() if len(parts) > words else ""


@dataclass(frozen=True)
class Intent:
    name: str
    scorer: IntentScorer
    handler: IntentHandler


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
    routes: list[Callable[[web.Application], None]] = field(default_factory=list)
    # channel id -> called first with each of that channel's activities; see Inbound.
    inbound: dict[str, list[Inbound]] = field(default_factory=dict)
    # Called on every activity before routing (e.g. to remember conversation references).
    observers: list[Handler] = field(default_factory=list)
    # Called when a new user joins or first writes (welcome).
    on_new_user: list[Handler] = field(default_factory=list)
    fallback: Fallback | None = None
    # Called in order with each typed message before flows and routing; see Screen.
    screens: list[Screen] = field(default_factory=list)
    # channel id -> its own rendering of a card (Teams, Slack); other channels get the default.
    renderers: dict[str, Renderer] = field(default_factory=dict)
    # The help menu's buttons, in the order the features add them.
    menu_buttons: list[Button] = field(default_factory=list)
    # find_command's index of spellings: (number of commands it was built from, exact, by first word).
    _index: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def command(self, name: str, words: tuple[str, ...], handler: Handler, description: str = "",
                hidden: bool = False, takes_argument: bool = False) -> None:
        self.commands.append(Command(name, words, handler, description, hidden, takes_argument))

    def on_inbound(self, channel_id: str, inbound: Inbound) -> None:
        self.inbound.setdefault(channel_id, []).append(inbound)

    def action(self, name: str, handler: Handler) -> None:
        if name in self.actions:
            raise ValueError(f"card action {name!r} registered twice")
        self.actions[name] = handler

    def intent(self, name: str, scorer: IntentScorer, handler: IntentHandler) -> None:
        self.intents.append(Intent(name, scorer, handler))

    def find_command(self, text: str) -> tuple[Command, str] | None:
        """The command a message names, longest spelling first, with the rest as argument."""
        low = " ".join(text.lower().strip().lstrip("/").split())
        exact, by_first_word = self._command_index()
        best = exact.get(low)  # a whole-message spelling is longer than any spelling it starts with
        if best is None:
            for cmd, word in by_first_word.get(low.partition(" ")[0], ()):
                if low.startswith(word + " "):
                    best = (cmd, word)
                    break
        if best is None:
            return None
        cmd, word = best
        return cmd, argument_after(text, word)

    def is_bare_command(self, text: str) -> bool:
        """Whether the message is a command's spelling and nothing else."""
        return " ".join(text.lower().strip().lstrip("/").split()) in self._command_index()[0]

    def _command_index(self) -> tuple[dict, dict]:
        """Spellings to commands (the first registered wins a tie), and the spellings of commands
        that take an argument by their first word, longest first; rebuilt when a command is added."""
        index = self._index
        if index is None or index[0] != len(self.commands):
            exact: dict[str, tuple[Command, str]] = {}
            by_first_word: dict[str, list[tuple[Command, str]]] = {}
            for cmd in self.commands:
                for word in cmd.words:
                    exact.setdefault(word, (cmd, word))
                    if cmd.takes_argument:
                        by_first_word.setdefault(word.partition(" ")[0], []).append((cmd, word))
            for spellings in by_first_word.values():
                spellings.sort(key=lambda pair: -len(pair[1]))  # stable: registration order breaks ties
            index = self._index = (len(self.commands), exact, by_first_word)
        return index[1], index[2]
