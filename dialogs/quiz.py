"""The onboarding quiz as a flow: confirm reading, questions one card at a time, a review, the result.

All state is plain data, so an attempt carries on after a restart. `quiz` is the feature object
(bot/features/quiz.py): kb, bank, records, config, now(), person(), say().
"""
from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from botbuilder.core import TurnContext

from cards import Button, CardView, Text
from cards.quiz import certificate_card, confirm_card, feedback_card, policy_card, question_card, result_cards, review_card
from onboarding.draw import draw
from onboarding.records import ASSESSMENT, PRACTICE
from onboarding.scoring import mark, score

from .choices import Option, clean, match_option
from .flow import Done, Flow, Said, Step
from .quiz_answers import LETTERS, parse_answer

DIALOG_ID = "quiz"
CONFIRM, QUESTION, REVIEW = "confirm", "question", "review"
_CONFIRM_OPTIONS = (Option("yes", "I have read the policy", ("read", "i've read it", "ive read it", "done", "ready",
                                                              "i have read it", "start")),
                    Option("no", "Show me the policy", ("show me the policy", "policy", "show policy", "show me",
                                                         "not yet", "show")))
# Whole words only: a stray "a" or "b" typed at the review must not submit the attempt.
_SUBMIT_WORDS = {"submit", "finish", "done", "yes", "submit all", "submit all and finish", "finish attempt", "submit it"}
CHANGED = ("The policy or its questions were updated while you were taking the quiz, so this attempt can't go on. "
           "Type **quiz** to start a new one.")
HELP = ("Click an answer, or type its letter (a, b, c...), its number, or true / false. For \"select all that "
        "apply\", tick the boxes and press Submit, or type the letters, e.g. a, c. Type **back** to change your "
        "previous answer, **start over** for a new set of questions, or **cancel** to stop.")


class QuizFlow(Flow):
    """Confirm, the questions, the review (assessment mode), and the result."""

    id = DIALOG_ID
    name = "the quiz"
    help = HELP

    def __init__(self, quiz):
        self.quiz = quiz

    async def start(self, context: TurnContext, state: dict, options: Any) -> Done | None:
        mode = (options or {}).get("mode", ASSESSMENT)
        state.update(mode=mode if mode in (ASSESSMENT, PRACTICE) else ASSESSMENT, stage=CONFIRM)
        return None

    async def step(self, context: TurnContext, state: dict) -> Step | Done:
        quiz = self.quiz
        if not self._still_valid(state):
            await quiz.records.abandon_attempt(state["attempt"])
            await quiz.say(context, CHANGED)
            return Done()
        if state["stage"] == CONFIRM:
            view = confirm_card(quiz.kb, state["mode"], min(quiz.config.questions, len(quiz.bank.questions)),
                                quiz.config.pass_mark, quiz.config.policy_url)
            return Step(CONFIRM, view, _read_confirm, owns=lambda value: value.get("quiz") in ("read", "policy"))
        if state["stage"] == QUESTION:
            index = state["index"]
            question, order = self._question(state, index)
            view = question_card(question, order, index, len(state["drawn"]), state["attempt"],
                                 note=state.get("note", ""), current=state["answers"][index])

            def read(said: Said):
                if said.value is not None:
                    return _clicked(said.value, order)
                return parse_answer(said.text, question, order)

            return Step(f"q{index}", view, read, owns=lambda value: value.get("quiz") == "answer"
                        and value.get("attempt") == state["attempt"] and value.get("index") == index)
        total = len(state["drawn"])
        view = review_card([self._question(state, i) for i in range(total)], state["answers"], state["attempt"])

        def read_review(said: Said):
            if said.value is not None:
                return "submit"
            text = said.text.strip().lower().removeprefix("question ").strip()
            if text.isdigit() and 1 <= int(text) <= total:
                return int(text) - 1
            return "submit" if " ".join(clean(text).split()) in _SUBMIT_WORDS else None

        return Step(REVIEW, view, read_review, owns=lambda value: value.get("quiz") == "submit"
                    and value.get("attempt") == state["attempt"])

    async def take(self, context: TurnContext, state: dict, step: Step, answer: Any) -> Done | None:
        if state["stage"] == CONFIRM:
            if answer == "read":
                await self._start(context, state)
            else:
                await self.quiz.say(context, policy_card(self.quiz.kb, self.quiz.config.policy_url))
            return None
        if state["stage"] == QUESTION:
            return await self._on_answer(context, state, answer)
        if answer == "submit":
            return await self._finish(context, state)
        state.update(stage=QUESTION, index=answer, note="")
        return None

    async def _start(self, context: TurnContext, state: dict) -> None:
        """Draw the questions and store the new attempt."""
        quiz = self.quiz
        attempt_id = uuid.uuid4().hex
        person = await quiz.person(context)
        # A retake asks other questions than the last attempt wherever the bank has enough.
        drawn = draw(quiz.bank, quiz.config.questions, attempt_id,
                     await quiz.records.last_drawn(person.user_key, person.email))
        school = await quiz.records.school_of(person.email)
        await quiz.records.start_attempt(attempt_id, person.user_key, person.email, person.name, school,
                                         state["mode"], quiz.kb.version, drawn, quiz.config.pass_mark, quiz.now())
        state.update({"stage": QUESTION, "attempt": attempt_id, "index": 0, "version": quiz.kb.version,
                      "drawn": [[d.question_id, list(d.option_order)] for d in drawn],
                      "answers": [None] * len(drawn), "note": ""})

    async def _on_answer(self, context: TurnContext, state: dict, chosen) -> Done | None:
        """Record the answer, then move on."""
        index = state["index"]
        question, order = self._question(state, index)
        marked = mark(question, chosen)
        state["answers"][index] = sorted(marked.chosen)
        await self.quiz.records.record_answer(state["attempt"], index, marked, self.quiz.now())
        total = len(state["drawn"])
        if state["mode"] == PRACTICE:
            await self.quiz.say(context, feedback_card(self.quiz.kb, question, order, index, total, marked))
        if question.kind == "true_false":  # "True", not the letter it happens to have
            given = " and ".join(question.option(o).text for o in order if o in marked.chosen)
        else:
            given = ", ".join(LETTERS[order.index(o)] for o in order if o in marked.chosen)
        state["note"] = f"Question {index + 1}: answer {given} saved." if state["mode"] == ASSESSMENT else ""
        if index + 1 < total and (state["mode"] == PRACTICE or None in state["answers"]):
            state["index"] = _next_unanswered(state["answers"], index)
            return None
        if state["mode"] == PRACTICE:
            return await self._finish(context, state)
        state["stage"] = REVIEW
        return None

    async def _finish(self, context: TurnContext, state: dict) -> Done:
        """Score, store, show the result, and a certificate on a pass."""
        quiz = self.quiz
        result = score(quiz.bank, [(qid, answer) for (qid, _), answer in zip(state["drawn"], state["answers"])],
                       quiz.config.pass_mark)
        now = quiz.now()
        await quiz.records.finish_attempt(state["attempt"], result, now)
        drawn = [self._question(state, i) for i in range(len(state["drawn"]))]
        cards = result_cards(quiz.kb, result, drawn, state["mode"])
        if result.passed and state["mode"] == ASSESSMENT:  # the certificate last, with the buttons below it
            person = await quiz.person(context)
            certificate = certificate_card(quiz.kb, person.name or "", now, result.score, result.total,
                                           state["attempt"])
            cards = [*cards[:-1], replace(cards[-1], buttons=()), replace(certificate, buttons=cards[-1].buttons)]
        for card in cards:
            await quiz.say(context, card)
        return Done({"passed": result.passed, "score": result.score})

    def back(self, state: dict) -> str:
        """Assessment mode: go to the previous question to change the answer."""
        if state.get("mode") == ASSESSMENT and state.get("stage") == REVIEW:
            state.update({"stage": QUESTION, "index": len(state["drawn"]) - 1, "note": ""})
            return ""
        if state.get("mode") == ASSESSMENT and state.get("stage") == QUESTION and state["index"] > 0:
            state.update({"index": state["index"] - 1, "note": ""})
            return ""
        if state.get("mode") == ASSESSMENT:
            return "There's no earlier question to go back to."
        return "In practice mode you've already seen the feedback, so answers can't be changed."

    async def stopped(self, context: TurnContext, state: dict, confirmed: bool) -> str:
        """Stop: the attempt is kept as abandoned and not scored."""
        await self._abandon(state)
        return "Quiz cancelled; this attempt was not scored. Type **quiz** to start again whenever you like."

    async def restart(self, context: TurnContext, state: dict) -> Any:
        """Abandon this attempt and begin a fresh one in the same mode."""
        await self._abandon(state)
        return {"mode": state.get("mode", ASSESSMENT)}

    def unsaved(self, state: dict) -> bool:
        """An assessment with answers given: stopping loses them, so ask first."""
        return state.get("mode") == ASSESSMENT and any(a is not None for a in state.get("answers") or ())

    def confirm_view(self, kind: str) -> CardView:
        what = "start again with new questions" if kind == "restart" else "stop"
        return CardView("Stop the quiz?", (Text(f"If you {what}, the answers you have given will not be scored."),),
                        (Button("Keep going", {"control": "keep"}, style="positive"),
                         Button("Throw them away", {"control": "discard"}, style="destructive")),
                        summary="Stop the quiz? Answer discard or keep going.")

    def where(self, state: dict) -> str:
        if state.get("stage") == QUESTION:
            return f"question {state['index'] + 1} of {len(state['drawn'])}"
        return "the review of your answers" if state.get("stage") == REVIEW else ""

    def unclear(self, state: dict) -> str:
        if state.get("stage") != QUESTION:
            return "Sorry, I didn't catch that."
        question, order = self._question(state, state["index"])
        return _unclear(question, order)

    async def _abandon(self, state: dict) -> None:
        if state.get("attempt"):
            await self.quiz.records.abandon_attempt(state["attempt"])

    def _still_valid(self, state: dict) -> bool:
        """False when the policy version or the bank changed under an attempt in progress."""
        if state["stage"] == CONFIRM:
            return True
        return state["version"] == self.quiz.kb.version and all(
            qid in self.quiz.bank.by_id and set(order) == {o.id for o in self.quiz.bank.by_id[qid].options}
            for qid, order in state["drawn"])

    def _question(self, state: dict, index: int):
        qid, order = state["drawn"][index]
        return self.quiz.bank.by_id[qid], order


def _read_confirm(said: Said) -> str | None:
    if said.value is not None:
        return said.value.get("quiz")
    found = match_option(said.text, _CONFIRM_OPTIONS)
    return {"yes": "read", "no": "policy"}.get(found.value) if found else None


def _clicked(value: dict, order: list[str]) -> frozenset[str] | None:
    """The option ids a click chose: one button, or the ticked boxes of a select-all."""
    if value.get("multi"):
        raw = value.get("quiz_choice")
        chosen = {c.strip() for c in raw.split(",")} if isinstance(raw, str) else set()
    else:
        chosen = {value.get("option")}
    return frozenset(chosen) if chosen and chosen <= set(order) else None


def _next_unanswered(answers: list, index: int) -> int:
    """The next question without an answer, after `index` first, then from the start."""
    for i in list(range(index + 1, len(answers))) + list(range(0, index + 1)):
        if answers[i] is None:
            return i
    return min(index + 1, len(answers) - 1)


def _unclear(question, order) -> str:
    letters = "ABCDEFGHIJ"[:len(order)]
    if question.kind == "multi":
        return f"I didn't catch that. Type the letters of every answer that applies, e.g. {letters[0].lower()}, " \
               f"{letters[-1].lower()}, or tick the boxes and press Submit."
    if question.kind == "true_false":
        return "I didn't catch that. Type true or false, or click an answer."
    return f"I didn't catch that. Type a letter from {letters[0]} to {letters[-1]}, or click an answer."
