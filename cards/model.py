"""The card view model every feature builds; renderers turn it into channel formats.

A card should read well on a phone: put what a person needs first in `blocks` (the stance, the
plain answer, the clause) and the rest in `more`, which every renderer puts behind "Show more"
(Adaptive Cards: a hidden container and Action.ToggleVisibility; plain text and Block Kit: the
same lines under a "More" heading). Build a changed copy with `dataclasses.replace(card, ...)`,
so no field is lost.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping


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
    """One list, numbered 1, 2, 3 on every channel (never one list per item)."""

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
    kind: str = "text"  # text | multiline | choice (radio buttons) | dropdown | multichoice | date | toggle
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
    # Detail behind "Show more": shown after `blocks` once the person asks (Adaptive Cards), or
    # under a "More" heading where a channel cannot hide it (plain text, Block Kit). Inputs do not
    # belong here.
    more: tuple[Block, ...] = ()
    more_label: str = "Show more"


def policy_answer(stance: str, clause_ids: Iterable[str], version: str) -> dict:
    """The `policyAnswer` entity a reply declares when it answers from the policy, declines or routes to
    safeguarding: the stance its headline reads as and the clauses it quotes."""
    return {"type": "policyAnswer", "stance": stance, "clauses": list(clause_ids), "policyVersion": version}
