"""Frozen data types for guided scenarios: question nodes, outcome nodes, and the whole book."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from policy_kb.model import KnowledgeBaseError

# What the report feature accepts as pre-filled answers, and the values it understands.
REPORT_FIELDS: Mapping[str, tuple[str, ...] | None] = MappingProxyType({
    "scenario": None,
    "platform": None,
    "account_type": ("personal", "trust"),
    "initiated_by": ("child", "adult", "staff", "unknown"),
    "concern_about": ("child", "staff", "headteacher"),
    "content_worry": ("yes", "no", "unsure"),
    "summary": None,
})


class ScenarioError(KnowledgeBaseError):
    """Raised when scenario data is missing or invalid."""


@dataclass(frozen=True)
class Choice:
    """One answer to a question: where it leads, how people type it, how free text hints at it."""

    value: str
    label: str
    next: str
    synonyms: tuple[str, ...] = ()
    cues: tuple[re.Pattern, ...] = ()
    report: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class AgeBand:
    """Ages from `low` up to, not including, `high` (None: no upper limit) mean `choice`."""

    low: int
    high: int | None
    choice: str

    def holds(self, age: int) -> bool:
        return age >= self.low and (self.high is None or age < self.high)


@dataclass(frozen=True)
class Question:
    id: str
    ask: str
    short: str  # a label for the answer in summaries, e.g. "Platform"
    slot: str  # the name the answer is kept under
    choices: tuple[Choice, ...]
    hint: str = ""
    ages: tuple[AgeBand, ...] = ()  # non-empty: a typed number is an age

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)

    def choice_for_age(self, age: int) -> Choice | None:
        band = next((b for b in self.ages if b.holds(age)), None)
        return self.choice(band.choice) if band else None


@dataclass(frozen=True)
class Action:
    """One numbered step. `clauses` back it with the policy; otherwise it is safeguarding guidance."""

    text: str
    clauses: tuple[str, ...] = ()
    # Shown only when every named slot holds one of the listed values.
    when: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def is_guidance(self) -> bool:
        return not self.clauses

    def applies(self, answers: Mapping[str, str]) -> bool:
        return all(answers.get(slot) in values for slot, values in self.when.items())


@dataclass(frozen=True)
class Contact:
    """Who to contact (a key of policy_kb.CONTACTS), shown only `when` the answers match."""

    who: str
    when: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))

    def applies(self, answers: Mapping[str, str]) -> bool:
        return all(answers.get(slot) in values for slot, values in self.when.items())


@dataclass(frozen=True)
class Outcome:
    id: str
    title: str
    actions: tuple[Action, ...]
    contacts: tuple[Contact, ...]
    intro: str = ""
    offer_report: bool = False

    def actions_for(self, answers: Mapping[str, str]) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if a.applies(answers))

    def contacts_for(self, answers: Mapping[str, str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.who for c in self.contacts if c.applies(answers)))


Node = Question | Outcome


@dataclass(frozen=True)
class Scenario:
    id: str
    order: int
    title: str
    description: str
    key_clauses: tuple[str, ...]
    start: str
    nodes: Mapping[str, Node]
    situations: tuple[re.Pattern, ...]  # free text that describes this situation
    topics: tuple[re.Pattern, ...]  # free text about it, counted only with a request to be walked through
    report: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    def questions(self) -> tuple[Question, ...]:
        return tuple(n for n in self.nodes.values() if isinstance(n, Question))

    def outcomes(self) -> tuple[Outcome, ...]:
        return tuple(n for n in self.nodes.values() if isinstance(n, Outcome))


@dataclass(frozen=True)
class ScenarioBook:
    scenarios: tuple[Scenario, ...]

    @property
    def by_id(self) -> Mapping[str, Scenario]:
        return MappingProxyType({s.id: s for s in self.scenarios})

    def get(self, scenario_id: str) -> Scenario | None:
        return self.by_id.get(scenario_id)
