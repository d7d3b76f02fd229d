"""The onboarding quiz as a dialog: confirm reading, questions one card at a time, result.

All state is plain data on the dialog stack, so an attempt carries on after a restart.
`quiz` is the feature object (bot/features/quiz.py): kb, bank, records, config, now(), person().
"""
from __future__ import annotations

import uuid

from botbuilder.core import TurnContext
from botbuilder.dialogs import Dialog, DialogContext, DialogInstance, DialogTurnResult, DialogTurnStatus

from cards.quiz import certificate_card, confirm_card, feedback_card, policy_card, question_card, result_cards, review_card
from onboarding.draw import draw
from onboarding.records import ASSESSMENT, PRACTICE
from onboarding.scoring import mark, score

from .base import GuidedDialog
from .choices import Option, clean, match_option
from .quiz_answers import LETTERS, parse_answer

CONFIRM, QUESTION, REVIEW = "confirm", "question", "review"
_CONFIRM_OPTIONS = (Option("yes", "I have read the policy", ("read", "i've read it", "ive read it", "done", "ready",
                                                              "i have read it", "start")),
                    Option("no", "Show me the policy", ("show me the policy", "policy", "show policy", "show me",
                                                         "not yet", "show")))
# Whole words only: a stray "a" or "b" typed at the review must not submit the attempt.
_SUBMIT_WORDS = {"submit", "finish", "done", "yes", "submit all", "submit all and finish", "finish attempt", "submit it"}


class _Steps(Dialog):
    """The steps, as a state machine over `state["stage"]`."""

    def __init__(self, quiz):
        super().__init__("quiz.steps")
        self.quiz = quiz

    # ---- botbuilder entry points ------------------------------------------
    async def begin_dialog(self, dc: DialogContext, options: dict = None) -> DialogTurnResult:
        """Ask the user to confirm they have read the policy."""
        mode = (options or {}).get("mode", ASSESSMENT)
        dc.active_dialog.state.update({"mode": mode if mode in (ASSESSMENT, PRACTICE) else ASSESSMENT,
                                       "stage": CONFIRM})
        await self._prompt(dc.context, dc.active_dialog.state)
        return Dialog.end_of_turn

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        """Take the answer to whatever the current step asked."""
        state = dc.active_dialog.state
        if not self._still_valid(state):
            await self.quiz.records.abandon_attempt(state["attempt"])
            await dc.context.send_activity("The policy or its questions were updated while you were taking the "
                                           "quiz, so this attempt can't go on. Type **quiz** to start a new one.")
            return await dc.end_dialog()
        if state["stage"] == CONFIRM:
            return await self._on_confirm(dc, state)
        if state["stage"] == QUESTION:
            return await self._on_answer(dc, state)
        return await self._on_review(dc, state)

    async def reprompt_dialog(self, context: TurnContext, instance: DialogInstance) -> None:
        """Show the current step again."""
        if self._still_valid(instance.state):
            await self._prompt(context, instance.state)

    # ---- steps ------------------------------------------------------------
    async def _on_confirm(self, dc: DialogContext, state: dict) -> DialogTurnResult:
        """Start on 'I have read the policy'; show the policy when asked."""
        value = _value(dc)
        choice = value.get("quiz") if value else None
        if choice is None and not value:
            said = match_option(dc.context.activity.text, _CONFIRM_OPTIONS)
            choice = {"yes": "read", "no": "policy"}.get(said.value) if said else None
        if choice == "read":
            await self._start(dc, state)
        elif choice == "policy":
            await self.quiz.say(dc.context, policy_card(self.quiz.kb, self.quiz.config.policy_url))
            await self._prompt(dc.context, state)
        else:
            await dc.context.send_activity("Please confirm that you have read the policy (yes), or ask to see it "
                                           "(show me the policy). Type cancel to stop.")
        return Dialog.end_of_turn

    async def _start(self, dc: DialogContext, state: dict) -> None:
        """Draw the questions and store the new attempt."""
        quiz = self.quiz
        attempt_id = uuid.uuid4().hex
        drawn = draw(quiz.bank, quiz.config.questions, attempt_id)
        person = await quiz.person(dc.context)
        school = await quiz.records.school_of(person.email)
        await quiz.records.start_attempt(attempt_id, person.user_key, person.email, person.name, school,
                                         state["mode"], quiz.kb.version, drawn, quiz.config.pass_mark, quiz.now())
        state.update({"stage": QUESTION, "attempt": attempt_id, "index": 0, "version": quiz.kb.version,
                      "drawn": [[d.question_id, list(d.option_order)] for d in drawn],
                      "answers": [None] * len(drawn), "note": ""})
        await self._prompt(dc.context, state)

    async def _on_answer(self, dc: DialogContext, state: dict) -> DialogTurnResult:
        """Record a clicked or typed answer, then move on."""
        index = state["index"]
        question, order = self._question(state, index)
        value = _value(dc)
        if value:
            if value.get("quiz") != "answer" or value.get("attempt") != state["attempt"] or value.get("index") != index:
                await dc.context.send_activity("That button is from an earlier question. Here is where you are:")
                await self._prompt(dc.context, state)
                return Dialog.end_of_turn
            chosen = _clicked(value, order)
        else:
            chosen = parse_answer(dc.context.activity.text, question, order)
        if not chosen:
            await dc.context.send_activity(_unclear(question, order))
            await self._prompt(dc.context, state)
            return Dialog.end_of_turn
        marked = mark(question, chosen)
        state["answers"][index] = sorted(marked.chosen)
        await self.quiz.records.record_answer(state["attempt"], index, marked, self.quiz.now())
        total = len(state["drawn"])
        if state["mode"] == PRACTICE:
            await self.quiz.say(dc.context, feedback_card(self.quiz.kb, question, order, index, total, marked))
        letters = ", ".join(LETTERS[order.index(o)] for o in order if o in marked.chosen)
        state["note"] = f"Question {index + 1}: answer {letters} saved." if state["mode"] == ASSESSMENT else ""
        if index + 1 < total and (state["mode"] == PRACTICE or None in state["answers"]):
            state["index"] = _next_unanswered(state["answers"], index)
            await self._prompt(dc.context, state)
            return Dialog.end_of_turn
        if state["mode"] == PRACTICE:
            return await self._finish(dc, state)
        state["stage"] = REVIEW
        await self._prompt(dc.context, state)
        return Dialog.end_of_turn

    async def _on_review(self, dc: DialogContext, state: dict) -> DialogTurnResult:
        """Submit, or go to a question to change its answer."""
        value = _value(dc)
        text = (dc.context.activity.text or "").strip().lower().removeprefix("question ").strip()
        if value:
            if value.get("quiz") == "submit" and value.get("attempt") == state["attempt"]:
                return await self._finish(dc, state)
        elif text.isdigit() and 1 <= int(text) <= len(state["drawn"]):
            state.update({"stage": QUESTION, "index": int(text) - 1, "note": ""})
        elif " ".join(clean(text).split()) in _SUBMIT_WORDS:
            return await self._finish(dc, state)
        else:
            await dc.context.send_activity("Type submit to finish, or a question number to change that answer.")
        await self._prompt(dc.context, state)
        return Dialog.end_of_turn

    async def _finish(self, dc: DialogContext, state: dict) -> DialogTurnResult:
        """Score, store, show the result, and a certificate on a pass."""
        quiz = self.quiz
        result = score(quiz.bank, [(qid, answer) for (qid, _), answer in zip(state["drawn"], state["answers"])],
                       quiz.config.pass_mark)
        now = quiz.now()
        await quiz.records.finish_attempt(state["attempt"], result, now)
        drawn = [self._question(state, i) for i in range(len(state["drawn"]))]
        for card in result_cards(quiz.kb, result, drawn, state["mode"]):
            await self.quiz.say(dc.context, card)
        if result.passed and state["mode"] == ASSESSMENT:
            person = await quiz.person(dc.context)
            await self.quiz.say(dc.context, certificate_card(quiz.kb, person.name or "(name not known)", now,
                                                         result.score, result.total, state["attempt"]))
        return await dc.end_dialog({"passed": result.passed, "score": result.score})

    # ---- helpers ----------------------------------------------------------
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

    async def _prompt(self, context: TurnContext, state: dict) -> None:
        quiz = self.quiz
        if state["stage"] == CONFIRM:
            card = confirm_card(quiz.kb, state["mode"], min(quiz.config.questions, len(quiz.bank.questions)),
                                quiz.config.pass_mark, quiz.config.policy_url)
        elif state["stage"] == QUESTION:
            index = state["index"]
            question, order = self._question(state, index)
            card = question_card(question, order, index, len(state["drawn"]), state["attempt"],
                                 note=state.get("note", ""), current=state["answers"][index])
        else:
            card = review_card([self._question(state, i) for i in range(len(state["drawn"]))], state["answers"],
                               state["attempt"])
        await self.quiz.say(context, card)


class QuizDialog(GuidedDialog):
    """The quiz with cancel, back (assessment mode), start over and help at every step."""

    ID = "quiz"

    def __init__(self, quiz):
        super().__init__(self.ID)
        self.quiz = quiz
        self.add_dialog(_Steps(quiz))
        self.initial_dialog_id = "quiz.steps"

    async def on_cancel(self, inner_dc: DialogContext) -> DialogTurnResult:
        """Stop: the attempt is kept as abandoned and not scored."""
        await self._abandon(inner_dc)
        await inner_dc.context.send_activity("Quiz cancelled; this attempt was not scored. Type **quiz** to "
                                             "start again whenever you like.")
        await inner_dc.cancel_all_dialogs()
        return DialogTurnResult(DialogTurnStatus.Cancelled)

    async def on_restart(self, inner_dc: DialogContext) -> DialogTurnResult:
        """Abandon this attempt and begin a fresh one in the same mode."""
        mode = _state(inner_dc).get("mode", ASSESSMENT)
        await self._abandon(inner_dc)
        await inner_dc.cancel_all_dialogs()
        await inner_dc.context.send_activity("Starting again with a new set of questions.")
        return await inner_dc.begin_dialog(self.initial_dialog_id, {"mode": mode})

    async def on_back(self, inner_dc: DialogContext) -> DialogTurnResult:
        """Assessment mode: go to the previous question to change the answer."""
        state = _state(inner_dc)
        if state.get("mode") == ASSESSMENT and state.get("stage") == REVIEW:
            state.update({"stage": QUESTION, "index": len(state["drawn"]) - 1, "note": ""})
        elif state.get("mode") == ASSESSMENT and state.get("stage") == QUESTION and state["index"] > 0:
            state.update({"index": state["index"] - 1, "note": ""})
        else:
            await inner_dc.context.send_activity(
                "There's no earlier question to go back to." if state.get("mode") == ASSESSMENT else
                "In practice mode you've already seen the feedback, so answers can't be changed.")
        await inner_dc.reprompt_dialog()
        return DialogTurnResult(DialogTurnStatus.Waiting)

    async def on_help(self, inner_dc: DialogContext) -> DialogTurnResult:
        """Explain how to answer, then show the current step again."""
        await inner_dc.context.send_activity(
            "Click an answer, or type its letter (a, b, c...), its number, or true / false. For \"select all "
            "that apply\", tick the boxes and press Submit, or type the letters, e.g. a, c. Type **back** to "
            "change your previous answer, **start over** for a new set of questions, or **cancel** to stop.")
        await inner_dc.reprompt_dialog()
        return DialogTurnResult(DialogTurnStatus.Waiting)

    async def _abandon(self, inner_dc: DialogContext) -> None:
        attempt = _state(inner_dc).get("attempt")
        if attempt:
            await self.quiz.records.abandon_attempt(attempt)


def _state(inner_dc: DialogContext) -> dict:
    return inner_dc.active_dialog.state if inner_dc.active_dialog else {}


def _value(dc: DialogContext) -> dict | None:
    value = dc.context.activity.value
    return value if isinstance(value, dict) else None


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
