"""Walk a scenario: the state of one walk, moving forward and back, and what free text pre-fills.

A `Walk` is plain data (it round-trips through `to_dict`) so a chat layer can keep it in
dialog state between turns and across restarts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Mapping

from ..search.facts import extract_age
from ..search.lexicon import joined
from .model import Outcome, Question, Scenario

_AGE_IN_ANSWER = re.compile(r"^\D*?(\d{1,3})\D*$")


@dataclass(frozen=True)
class Walk:
    scenario: str
    node: str
    answers: Mapping[str, str] = field(default_factory=dict)  # slot -> choice value
    history: tuple[str, ...] = ()  # question node ids answered, in order
    prefilled: tuple[str, ...] = ()  # slots answered from the free text that started the walk
    pending: Mapping[str, str] = field(default_factory=dict)  # pre-filled answers not reached yet

    def to_dict(self) -> dict:
        return {"scenario": self.scenario, "node": self.node, "answers": dict(self.answers),
                "history": list(self.history), "prefilled": list(self.prefilled), "pending": dict(self.pending)}

    @classmethod
    def from_dict(cls, data: Mapping) -> Walk:
        return cls(scenario=str(data["scenario"]), node=str(data["node"]), answers=dict(data.get("answers") or {}),
                   history=tuple(data.get("history") or ()), prefilled=tuple(data.get("prefilled") or ()),
                   pending=dict(data.get("pending") or {}))


def start(scenario: Scenario, prefill: Mapping[str, str] | None = None) -> Walk:
    """A new walk at the first question, skipping the questions whose answer is pre-filled."""
    return _use_pending(scenario, Walk(scenario.id, scenario.start, pending=dict(prefill or {})))


def _use_pending(scenario: Scenario, walk: Walk) -> Walk:
    """Answer, in turn, each question reached whose answer the starting text already gave."""
    while True:
        node = scenario.node(walk.node)
        if not isinstance(node, Question) or node.choice(walk.pending.get(node.slot, "")) is None:
            return walk
        pending = dict(walk.pending)
        value = pending.pop(node.slot)
        walk = _step(node, replace(walk, pending=pending, prefilled=walk.prefilled + (node.slot,)), value)


def _step(node: Question, walk: Walk, value: str) -> Walk:
    choice = node.choice(value)
    if choice is None:
        raise ValueError(f"{value!r} is not a choice of {node.id!r}")
    return replace(walk, node=choice.next, answers={**walk.answers, node.slot: value},
                   history=walk.history + (node.id,))


def answer(scenario: Scenario, walk: Walk, value: str) -> Walk:
    """The walk after answering the current question with a choice value (ValueError if not a choice)."""
    node = scenario.node(walk.node)
    if not isinstance(node, Question):
        raise ValueError(f"{walk.node!r} is an outcome, not a question")
    return _use_pending(scenario, _step(node, walk, value))


def replay(scenario: Scenario, path) -> Walk:
    """The walk after answering [[node id, value], ...] from the start (ValueError if it doesn't fit)."""
    walk = start(scenario)
    for step in path:
        if not isinstance(step, (list, tuple)) or len(step) != 2 or step[0] != walk.node:
            raise ValueError("the answers do not follow this scenario")
        walk = answer(scenario, walk, str(step[1]))
    return walk


def back(scenario: Scenario, walk: Walk) -> Walk | None:
    """The walk one question earlier, with that answer forgotten; None at the first question."""
    if not walk.history:
        return None
    previous = scenario.node(walk.history[-1])
    answers = {k: v for k, v in walk.answers.items() if k != previous.slot}
    return replace(walk, node=previous.id, answers=answers, history=walk.history[:-1],
                   prefilled=tuple(s for s in walk.prefilled if s != previous.slot))


def age_answer(question: Question, text: str | None) -> str | None:
    """The choice a typed age means ("17", "she's 19") on a question that asks an age."""
    if not question.ages:
        return None
    found = _AGE_IN_ANSWER.match((text or "").strip())
    if not found or int(found.group(1)) > 120:
        return None
    choice = question.choice_for_age(int(found.group(1)))
    return choice.value if choice else None


def prefill_from_text(scenario: Scenario, text: str) -> dict[str, str]:
    """Answers the free text already gives: slot -> value, only where exactly one choice fits."""
    text = joined(text)  # "one of my year elevens followed me on tick tock": a current student, on TikTok
    found: dict[str, str] = {}
    for question in scenario.questions():
        if question.slot in found:
            continue
        hits = {c.value for c in question.choices if any(p.search(text) for p in c.cues)}
        if question.ages:
            age = extract_age(text)  # the Q&A's reading of an age ("who is 19", "shes 19 now"), not a year group
            if age is not None:
                choice = question.choice_for_age(age)
                hits |= {choice.value} if choice else set()
        if len(hits) == 1:
            found[question.slot] = hits.pop()
    return found


def fits(scenario: Scenario | None, walk: Walk) -> bool:
    """False when a stored walk no longer matches the scenario data (it changed since the walk began)."""
    if scenario is None or scenario.id != walk.scenario or walk.node not in scenario.nodes:
        return False
    for node_id in walk.history:
        node = scenario.nodes.get(node_id)
        if not isinstance(node, Question) or node.choice(walk.answers.get(node.slot, "")) is None:
            return False
    return True


def untouched(walk: Walk) -> bool:
    """True while every answer so far came from the starting text: the person has seen nothing yet."""
    return len(walk.history) == len(walk.prefilled)


def current(scenario: Scenario, walk: Walk) -> Question | Outcome:
    return scenario.node(walk.node)


def answered(scenario: Scenario, walk: Walk) -> list[tuple[str, str]]:
    """(question short label, answer label) for each answer so far, in order."""
    pairs = []
    for node_id in walk.history:
        question = scenario.node(node_id)
        choice = question.choice(walk.answers.get(question.slot, ""))
        if choice is not None:
            pairs.append((question.short, choice.label))
    return pairs


def summary(scenario: Scenario, walk: Walk) -> str:
    """A short factual line built from the answers."""
    facts = "; ".join(f"{short}: {label}" for short, label in answered(scenario, walk))
    return f"{scenario.title}. {facts}." if facts else f"{scenario.title}."


def report_prefill(scenario: Scenario, walk: Walk) -> dict[str, str]:
    """What the report flow should start with: scenario defaults, then what each answer implies."""
    prefill: dict[str, str] = {"scenario": scenario.id, **scenario.report}
    for node_id in walk.history:
        question = scenario.node(node_id)
        choice = question.choice(walk.answers.get(question.slot, ""))
        if choice is not None:
            prefill.update(choice.report)
    prefill["summary"] = summary(scenario, walk)
    return prefill
