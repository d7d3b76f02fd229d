"""The card view model every feature builds; renderers turn it into channel formats."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True)
class Text:
    text: str
    style: str = "default"  # default | heading | subtle | attention | good | warning
    wrap: bool = True


@dataclass(frozen=True)
class Quote:
    """A verbatim passage of the policy with where it comes from."""

    text: str
    source: str


@dataclass(frozen=True)
class Facts:
    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class NumberedList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Choice:
    title: str
    value: str


@dataclass(frozen=True)
class Input:
    """A form field; submitted with the card's buttons under `id`."""

    id: str
    label: str
    kind: str = "text"  # text | multiline | choice | multichoice | date | toggle
    choices: tuple[Choice, ...] = ()
    placeholder: str = ""
    required: bool = False
    value: str = ""


Block = Text | Quote | Facts | NumberedList | Input


@dataclass(frozen=True)
class Button:
    """A button. `data` is what a click sends back (never re-searched as text); `url` opens a link."""

    title: str
    data: Mapping[str, object] = field(default_factory=dict)
    url: str = ""
    style: str = "default"  # default | positive | destructive


@dataclass(frozen=True)
class CardView:
    title: str
    blocks: tuple[Block, ...] = ()
    buttons: tuple[Button, ...] = ()
    # Plain text for channels that render no cards, and for notifications.
    summary: str = ""
    # What the card declares to software as well as people (activity entities, e.g. a policy
    # answer's stance and clauses, or a citation), each a JSON object with a "type".
    entities: tuple[Mapping[str, Any], ...] = ()
