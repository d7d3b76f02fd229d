"""A guided situation as a flow: any scenario of policy_kb/scenarios, with no code per scenario.

The walk (`policy_kb.scenarios.Walk`) is the flow's state, so it survives a restart. A walk
whose scenario changed since it began stops politely.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Mapping

from botbuilder.core import TurnContext

from policy_kb.model import CONTACTS
from policy_kb.scenarios import ScenarioBook, Walk, walker
from policy_kb.scenarios.model import Outcome, Question
from policy_kb.scenarios.recognise import is_new_message

from .choices import NO, YES, Option, clean, match_option
from .flow import HELP, Done, Flow, Said, Step
from .scenario_cards import outcome_card, question_card

DIALOG_ID = "scenario"
CHANGED = ("The guidance for this situation has changed since you started, so I've stopped this "
           "walk-through. Type situations to start again.")


def options_for(question: Question) -> list[Option]:
    return [Option(c.value, c.label, c.synonyms) for c in question.choices]


def typed_answer(question: Question, text: str | None) -> str | None:
    """The choice value a typed answer means: an age on age questions, else an option.

    On an age question a bare number no bigger than the number of options ("2") picks that
    option, as on every other question; no ex-student is that young.
    """
    bare = (text or "").strip()
    if question.ages and not (bare.isdigit() and int(bare) <= len(question.choices)):
        by_age = walker.age_answer(question, text)
        if by_age is not None:
            return by_age
    found = match_option(text, options_for(question))
    if found is not None and len(clean(text).split()) > _LONG and not _mentions(found, text):
        return None  # a long message merely resembling an option is not an answer to it
    return found.value if found else None


_LONG = 6  # words: longer typed answers must name their option, not just look like it


def _mentions(option: Option, text: str) -> bool:
    said = f" {' '.join(clean(text).split())} "
    phrases = [option.value, option.label, *option.synonyms]
    phrases += list(YES if option.value == "yes" else NO if option.value == "no" else ())
    return any(f" {' '.join(clean(p).split())} " in said for p in phrases if clean(p))


class ScenarioFlow(Flow):
    """Walk a scenario's questions to its outcome."""

    id = DIALOG_ID
    name = "the walk-through"

    def __init__(self, book: ScenarioBook, kb, report_prefill: Callable[[object, Walk], dict | None], say,
                 contacts: Callable[[TurnContext], Awaitable[Mapping[str, str]]] | None = None):
        self.book, self.kb, self.report_prefill, self.say = book, kb, report_prefill, say
        # Who to contact, as this person should read it (their school's DSL by name); roles otherwise.
        self.contacts = contacts

    def _scenario(self, walk: Walk):
        scenario = self.book.get(walk.scenario)
        return scenario if walker.fits(scenario, walk) else None

    async def start(self, context: TurnContext, state: dict, options: Any) -> Done | None:
        state.update(walk=dict(options), shown=False)
        return await self._outcome_if_reached(context, state)

    async def step(self, context: TurnContext, state: dict) -> Step | Done:
        walk = Walk.from_dict(state["walk"])
        scenario = self._scenario(walk)
        if scenario is None:
            await self.say(context, CHANGED)
            return Done()
        question = scenario.node(walk.node)
        # The first question the person sees quotes the key clauses (and what was pre-filled).
        intro = not state.get("shown") and walker.untouched(walk)
        state["shown"] = True

        def read(said: Said) -> str | None:
            if said.value is not None:
                raw = str(said.value.get("choice") or "")
                # A card's choice list sends the value; a text client may send what was typed.
                choice = question.choice(raw) or question.choice(typed_answer(question, raw) or "")
            elif len(said.text.split()) > 4 and is_new_message(self.book, said.text):
                return None  # a question, or another situation, typed instead of an answer
            else:
                typed = typed_answer(question, said.text)
                choice = question.choice(typed) if typed else None
            return choice.value if choice is not None else None

        return Step(question.id, question_card(self.kb, scenario, walk, intro=intro), read,
                    owns=lambda value: value.get("scenario") == scenario.id and value.get("node") == question.id)

    async def take(self, context: TurnContext, state: dict, step: Step, answer: Any) -> Done | None:
        walk = Walk.from_dict(state["walk"])
        state["walk"] = walker.answer(self._scenario(walk), walk, answer).to_dict()
        return await self._outcome_if_reached(context, state)

    async def _outcome_if_reached(self, context: TurnContext, state: dict) -> Done | None:
        walk = Walk.from_dict(state["walk"])
        scenario = self._scenario(walk)
        if scenario is None or not isinstance(scenario.node(walk.node), Outcome):
            return None
        contacts = await self.contacts(context) if self.contacts is not None else CONTACTS
        await self.say(context, outcome_card(self.kb, scenario, walk, self.report_prefill(scenario, walk),
                                             key_clauses=walker.untouched(walk), contacts=contacts))
        return Done(walk.to_dict())

    def back(self, state: dict) -> str:
        walk = Walk.from_dict(state["walk"])
        scenario = self._scenario(walk)
        earlier = walker.back(scenario, walk) if scenario else None
        if earlier is None:
            return "This is the first question." if scenario else ""
        state["walk"] = earlier.to_dict()
        return "Going back one question."

    async def restart(self, context: TurnContext, state: dict) -> Any:
        scenario = self._scenario(Walk.from_dict(state["walk"]))
        return walker.start(scenario).to_dict() if scenario else state["walk"]

    async def stopped(self, context: TurnContext, state: dict, confirmed: bool) -> str:
        return "Cancelled. Type **help** to see what I can do."

    def where(self, state: dict) -> str:
        scenario = self.book.get(state.get("walk", {}).get("scenario", ""))
        return scenario.title if scenario else ""

    def help_text(self, state: dict) -> str:
        where = self.where(state)
        return (f"We're walking through: {where}. " if where else "") + HELP


def is_scenario_active(dc) -> bool:
    return dc.active_dialog is not None and dc.active_dialog.id == DIALOG_ID


__all__ = ["DIALOG_ID", "ScenarioFlow", "is_scenario_active", "typed_answer"]
