"""The one generic dialog that walks any scenario from policy_kb/scenarios.

A WaterfallDialog of two steps runs once per question: show the current node (an outcome
ends the dialog), then take the answer and replace itself with the next node. The walk
(`policy_kb.scenarios.Walk`) travels as the waterfall's options, so it is in dialog state and
survives a restart. Control words come from GuidedDialog.
"""
from __future__ import annotations

from typing import Callable

from botbuilder.core import TurnContext
from botbuilder.dialogs import DialogContext, DialogTurnResult, DialogTurnStatus, WaterfallDialog, WaterfallStepContext
from botbuilder.dialogs.prompts import Prompt, PromptOptions, PromptRecognizerResult

from policy_kb.scenarios import ScenarioBook, Walk, walker
from policy_kb.scenarios.model import Outcome, Question
from policy_kb.scenarios.recognise import is_new_message

from .base import REROUTE, GuidedDialog, Say, lead_with
from .choices import NO, YES, Option, clean, match_option
from .scenario_cards import outcome_card, question_card

DIALOG_ID = "scenario"
WALK_ID = "scenario.walk"
ANSWER_ID = "scenario.answer"
CHANGED = ("The guidance for this situation has changed since you started, so I've stopped this "
           "walk-through. Type situations to start again.")
_STALE = "__changed__"  # what the prompt returns when the stored walk no longer fits the data
_NEW_MESSAGE = "__new_message__"  # ... when the person typed a new question instead of an answer


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


class AnswerPrompt(Prompt):
    """Ask the current question; accept a click on this question's buttons or a typed answer."""

    def __init__(self, book: ScenarioBook, kb, say: Say):
        super().__init__(ANSWER_ID)
        self.book, self.kb, self.say = book, kb, say

    def _walk(self, options: PromptOptions) -> tuple:
        walk = Walk.from_dict(options.validations)
        scenario = self.book.get(walk.scenario)
        return (scenario if walker.fits(scenario, walk) else None), walk

    async def on_prompt(self, turn_context: TurnContext, state: dict, options: PromptOptions, is_retry: bool):
        """Send the question card; the first one of a walk also quotes the key clauses."""
        scenario, walk = self._walk(options)
        if scenario is None:
            await turn_context.send_activity(CHANGED)
            return
        problem = ""
        if is_retry:
            problem = state.pop("problem", "") or ("Sorry, I didn't understand that. Please choose one of these, "
                                                   "or type cancel to stop and ask something else:")
        # The first question the person sees quotes the key clauses (and what was pre-filled).
        intro = not state.get("shown") and walker.untouched(walk)
        state["shown"] = True
        await self.say(turn_context, question_card(self.kb, scenario, walk, intro=intro, problem=problem))

    async def on_recognize(self, turn_context: TurnContext, state: dict, options: PromptOptions):
        """A click carries the node and the choice; typed text is matched to the options."""
        scenario, walk = self._walk(options)
        result = PromptRecognizerResult()
        if scenario is None:
            result.succeeded, result.value = True, _STALE
            return result
        question = scenario.node(walk.node)
        value = turn_context.activity.value
        if isinstance(value, dict):
            if value.get("scenario") != scenario.id or value.get("node") != question.id:
                state["problem"] = "That button belongs to an earlier question. This is where we are:"
                return result
            raw = str(value.get("choice") or "")
            # A card's choice list sends the value; a text client may send what was typed.
            choice = question.choice(raw) or question.choice(typed_answer(question, raw) or "")
        else:
            typed = typed_answer(question, turn_context.activity.text)
            choice = question.choice(typed) if typed else None
            if choice is None and is_new_message(self.book, turn_context.activity.text):
                result.succeeded, result.value = True, _NEW_MESSAGE
                return result
        if choice is not None:
            result.succeeded, result.value = True, choice.value
        return result


class ScenarioDialog(GuidedDialog):
    """Walk any scenario: no code per scenario, only the data."""

    def __init__(self, book: ScenarioBook, kb, report_prefill: Callable[[object, Walk], dict | None], say: Say):
        super().__init__(DIALOG_ID)
        self.book, self.kb, self.report_prefill, self.say = book, kb, report_prefill, say
        self.add_dialog(WaterfallDialog(WALK_ID, [self._show, self._take]))
        self.add_dialog(AnswerPrompt(book, kb, say))
        self.initial_dialog_id = WALK_ID

    def _scenario(self, walk: Walk):
        scenario = self.book.get(walk.scenario)
        return scenario if walker.fits(scenario, walk) else None

    async def _show(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Ask the current question, or show the outcome and finish."""
        walk = Walk.from_dict(step.options)
        scenario = self._scenario(walk)
        if scenario is None:
            await step.context.send_activity(CHANGED)
            return await step.end_dialog()
        if isinstance(scenario.node(walk.node), Outcome):
            card = outcome_card(self.kb, scenario, walk, self.report_prefill(scenario, walk),
                                key_clauses=walker.untouched(walk))
            await self.say(step.context, card)
            return await step.end_dialog(walk.to_dict())
        return await step.prompt(ANSWER_ID, PromptOptions(validations=walk.to_dict()))

    async def _take(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Record the answer and move to the next node."""
        walk = Walk.from_dict(step.options)
        scenario = self._scenario(walk)
        if scenario is None or step.result == _STALE:
            await step.context.send_activity(CHANGED)
            return await step.end_dialog()
        if step.result == _NEW_MESSAGE:
            lead_with(step.context, "I've left the walk-through to answer that.")
            return await step.end_dialog(REROUTE)
        return await step.replace_dialog(WALK_ID, walker.answer(scenario, walk, step.result).to_dict())

    def _current(self, inner_dc: DialogContext) -> Walk | None:
        for instance in inner_dc.stack:
            if instance.id == WALK_ID:
                return Walk.from_dict(instance.state["options"])
        return None

    async def _walk_from(self, inner_dc: DialogContext, walk: Walk) -> DialogTurnResult:
        await inner_dc.cancel_all_dialogs()
        return await inner_dc.begin_dialog(WALK_ID, walk.to_dict())

    async def on_back(self, inner_dc: DialogContext) -> DialogTurnResult:
        """Go to the previous question, forgetting its answer."""
        walk = self._current(inner_dc)
        scenario = self._scenario(walk) if walk else None
        if walk is not None and scenario is None:
            return await self.on_restart(inner_dc)  # the data changed: say so and stop
        earlier = walker.back(scenario, walk) if scenario else None
        if earlier is None:
            return await super().on_back(inner_dc)
        await inner_dc.context.send_activity("Going back one question.")
        return await self._walk_from(inner_dc, earlier)

    async def on_restart(self, inner_dc: DialogContext) -> DialogTurnResult:
        """Begin this scenario again from its first question, with nothing pre-filled."""
        walk = self._current(inner_dc)
        scenario = self._scenario(walk) if walk else None
        if scenario is None:
            await inner_dc.context.send_activity(CHANGED)
            await inner_dc.cancel_all_dialogs()
            return DialogTurnResult(DialogTurnStatus.Cancelled)
        await inner_dc.context.send_activity("Starting again.")
        return await self._walk_from(inner_dc, walker.start(scenario))

    async def on_help(self, inner_dc: DialogContext) -> DialogTurnResult:
        """Say where we are and what the control words do, then re-ask."""
        walk = self._current(inner_dc)
        scenario = self._scenario(walk) if walk else None
        if scenario is not None:
            await inner_dc.context.send_activity(f"We're walking through: {scenario.title}.")
        return await super().on_help(inner_dc)


def is_scenario_active(dc: DialogContext) -> bool:
    return dc.active_dialog is not None and dc.active_dialog.id == DIALOG_ID


async def begin(dc: DialogContext, walk: Walk) -> DialogTurnResult:
    """Start (or restart) the scenario dialog at a walk; an active scenario is replaced."""
    if is_scenario_active(dc):
        await dc.cancel_all_dialogs()
    return await dc.begin_dialog(DIALOG_ID, walk.to_dict())


__all__ = ["DIALOG_ID", "ScenarioDialog", "begin", "is_scenario_active", "typed_answer"]
