"""The report intake as a flow: danger first, then one form (or the questions one at a time), a
summary to confirm, submit.

Where the channel shows forms (Teams, Web Chat) every field is on one card, filled in from what
the person already said or the situation they walked through; elsewhere, and for anyone who
types "step by step", it walks `safeguarding.intake.QUESTIONS`. Answers live in the flow's state
(stored by SqlStorage), sealed (encrypted) whenever the state is at rest, so a half-finished
report survives a restart and the database holds no readable draft; nothing is thrown away
unless the reporter confirms. The `desk` (bot/features/reports.py) knows who is reporting, who
will be told, and stores the report.
"""
from __future__ import annotations

import logging
import uuid
from typing import Any, Protocol

from botbuilder.core import TurnContext

from cards import Button, CardView, Facts, Text
from safeguarding import intake
from store import DatabaseError

from .flow import STAY, Done, Flow, Said, Step
from .report_answers import read_answer, read_form_step, read_pick, read_summary
from .report_cards import cancel_button, confirm_card, danger_card, guidance_card, pick_card, question_card, summary_card
from .report_form import FORM_STEP, form_card, read_form

log = logging.getLogger(__name__)

DIALOG_ID = "report_intake"
MAX_ANSWER = 8000
FORM, STEPS = "form", "steps"
HELP = ("Answer with a button or by typing. **back** goes to the previous question, **cancel** stops (I'll ask "
        "before discarding anything), **help** shows this.")
FORM_HELP = ("Fill in the form and press **Check my report**; nothing is sent until you have checked it. Type "
             "**step by step** to answer one question at a time, or **cancel** to stop.")


class Desk(Protocol):
    async def reporter(self, context: TurnContext) -> Any: ...
    async def submit(self, context: TurnContext, answers: dict, submission_id: str, files: list) -> Any: ...
    def urgent_card(self, reporter) -> CardView: ...
    def received_card(self, receipt, reporter) -> CardView: ...
    def policy_quotes(self) -> list[tuple[str, str]]: ...
    def seal_draft(self, context: TurnContext, draft: dict) -> str: ...
    def open_draft(self, context: TurnContext, token: str) -> dict: ...
    async def say(self, context: TurnContext, reply: CardView | str) -> Any: ...
    def has_forms(self, context: TurnContext) -> bool: ...
    def suggestions(self, context: TurnContext, story: str = "") -> dict: ...
    async def recipients(self, context: TurnContext, answers: dict) -> str: ...


class ReportFlow(Flow):
    """The intake, as a form or step by step; cancel and start over never lose an answer silently."""

    id = DIALOG_ID
    name = "your report"
    takes_disclosures = True
    help = HELP

    def __init__(self, desk: Desk):
        self.desk = desk

    # ---- at rest, the answers are sealed -----------------------------------------------
    def open(self, context: TurnContext, state: dict) -> None:
        if "sealed" not in state:
            return
        try:
            draft = self.desk.open_draft(context, state.pop("sealed"))
        except Exception:  # noqa: BLE001 - e.g. the key was changed: start the answers afresh
            log.warning("an unfinished report could not be decrypted; its answers are dropped")
            draft = {"answers": {}, "files": []}
            state.update(history=[], step="danger", sid=None, editing=False)
        state["answers"], state["files"] = draft["answers"], draft["files"]
        state["form"] = draft.get("form", {})

    def close(self, context: TurnContext, state: dict) -> None:
        if "answers" in state:
            state["sealed"] = self.desk.seal_draft(context, {"answers": state.pop("answers"),
                                                             "files": state.pop("files", []),
                                                             "form": state.pop("form", {})})

    # ---- the flow ---------------------------------------------------------------------
    async def start(self, context: TurnContext, state: dict, options: Any) -> Done | None:
        """Start a report, with any hand-over answers already filled in (and what the message said)."""
        options = options if isinstance(options, dict) else {}
        prefill = intake.clean_prefill(options.get("prefill"))
        story = str(options.get("story") or "")  # what they told the bot before asking to report
        state.update(answers=dict(prefill), prefilled=sorted(prefill), history=[], sid=None, step=None,
                     editing=False, files=[], mode=FORM if self.desk.has_forms(context) else STEPS, opened=False,
                     form={**self.desk.suggestions(context, story), **prefill})  # what the form shows filled in
        self._advance(state)
        return None

    async def _opening(self, context: TurnContext, state: dict) -> tuple:
        """What the first card says before the danger question: how it works, what is known already."""
        reporter = await self.desk.reporter(context)
        prefill = {k: state["answers"][k] for k in state["prefilled"] if k in state["answers"]}
        opening: list = [Text("I'll send it to the right person. Type **cancel** at any time: nothing is thrown "
                              "away unless you say so.")]
        if reporter.school is None:
            opening.append(Text(f"I can't tell which school you are at from your account, so this report "
                                f"will go to the trust safeguarding lead, {reporter.urgent.name} "
                                f"({reporter.urgent.phone}).", style="warning"))
        if prefill:
            opening += [Text("From what you told me already:", style="subtle"),
                        Facts(tuple(intake.summary_pairs(prefill)))]
        if intake.worrying(prefill):
            opening.append(Text(intake.GUIDANCE[2], style="attention"))
        return tuple(opening)

    def _advance(self, state: dict) -> None:
        # The first question still unanswered (a changed answer can make a new one apply); on a form,
        # every question after the danger one is the form.
        question = intake.next_question(state["answers"])
        if question is not None and question.id != "danger" and state.get("mode") == FORM:
            state["step"] = FORM_STEP
            return
        state["step"] = question.id if question else "summary"
        if state["step"] == "summary":
            state["editing"] = False
            if not state.get("sid"):
                # Fixed once the reporter sees the summary: a repeated Submit finds the same report.
                state["sid"] = uuid.uuid4().hex

    async def step(self, context: TurnContext, state: dict) -> Step:
        kind = state["step"]

        def owns(value: dict) -> bool:
            return value.get("step") == kind or value.get("action") == "report.submit"

        if kind == "summary":
            recipients = await self.desk.recipients(context, state["answers"])
            return Step(kind, summary_card(state, recipients), read_summary, owns)
        if kind == "pick_change":
            return Step(kind, pick_card(state), lambda said: read_pick(state, said), owns)
        if kind == FORM_STEP:
            view = form_card(state["form"], state.get("problems", []), state["answers"].get("summary", ""))
            return Step(kind, view, read_form_step, owns)
        if kind == "danger" and not state.get("opened"):
            state["opened"] = True
            return Step(kind, danger_card(state, await self._opening(context, state)),
                        lambda said: read_answer(intake.BY_ID[kind], said), owns)
        question = intake.BY_ID[kind]
        return Step(kind, question_card(question, state), lambda said: read_answer(question, said), owns)

    async def take(self, context: TurnContext, state: dict, step: Step, answer: Any) -> Done | object | None:
        if isinstance(answer, tuple) and answer[0] == "submit":
            return await self._submit(context, state, answer[1])
        if step.id == FORM_STEP:
            return await self._form(context, state, answer)
        if step.id == "summary":  # ("change", what to change, if typed)
            if state.get("mode") == FORM:
                state.update(step=FORM_STEP, sid=None, editing=True, problems=[], form=dict(state["answers"]))
                return None
            state["step"] = "pick_change"
            answer = read_pick(state, Said(answer[1])) if answer[1] else None
            if answer is None:
                return None
        if step.id in ("summary", "pick_change"):
            if answer == "summary":
                state["step"] = "summary"
            else:
                state.update(editing=True, step=answer, sid=None)  # the summary will change: a new submission
            return None
        return await self._answer(context, state, intake.BY_ID[step.id], *answer)

    async def _form(self, context: TurnContext, state: dict, answer: tuple) -> None:
        """Check the form that came back (showing it again with what is wrong), or go step by step."""
        if answer[0] == "steps":
            state.update(mode=STEPS, problems=[])
            await self.desk.say(context, "OK, one question at a time.")
        elif answer[0] == "add":
            before = state["form"].get("what", "")
            state["form"]["what"] = f"{before}\n{answer[1]}".strip()[:MAX_ANSWER]
            await self.desk.say(context, "I've added that to “What was seen or said” on the form below.")
        else:
            answers, problems = read_form(answer[1])
            state["problems"] = problems
            if problems:  # show the form again as it was sent, with what to fix
                state["form"] = {k: str(v)[:MAX_ANSWER] for k, v in answer[1].items() if isinstance(v, str)}
                return None
            state["answers"].update(answers)
            if state["answers"].get("concern_about") != "staff":
                state["answers"].pop("subject", None)
            if FORM_STEP not in state["history"]:
                state["history"].append(FORM_STEP)
        self._advance(state)
        return None

    async def _answer(self, context: TurnContext, state: dict, question, answer: str, files: list) -> None:
        if len(answer) > MAX_ANSWER:
            await self.desk.say(context, f"That is longer than {MAX_ANSWER} characters. Please shorten it, or "
                                         "split it: you can add more after submitting.")
            return None
        state["answers"][question.id] = answer
        if files:
            state["files"] = state.get("files", []) + files
        if question.id == "concern_about" and answer != "staff":
            state["answers"].pop("subject", None)
        if not state.get("editing"):
            state["history"].append(question.id)
        if question.id == "danger" and answer == "yes":
            await self.desk.say(context, self.desk.urgent_card(await self.desk.reporter(context)))
        if question.id == "danger":
            await self.desk.say(context, guidance_card(self.desk.policy_quotes()))
        self._advance(state)
        return None

    async def _submit(self, context: TurnContext, state: dict, submission_id: str | None) -> Done | object | None:
        if state["step"] != "summary" or (submission_id is not None and submission_id != state["sid"]):
            await self.desk.say(context, "That Submit button was for an older summary. Please check this one:")
            return None
        reporter = await self.desk.reporter(context)
        try:
            receipt = await self.desk.submit(context, state["answers"], state["sid"], state.get("files", []))
        except Exception as exc:
            log.error("report could not be stored (%s); the draft is kept in the conversation",
                      type(exc).__name__, exc_info=not isinstance(exc, DatabaseError))
            await self.desk.say(context, CardView(
                "Your report has NOT been received",
                (Text("I could not save it just now, so nobody has been told yet. Nothing you typed is lost: "
                      "press **Submit again**, or type **submit**, in a minute.", style="attention"),
                 Text(f"If a child may be at risk, phone {reporter.urgent.name} now on {reporter.urgent.phone}.")),
                (Button("Submit again", {"action": "report.submit", "submission_id": state["sid"]},
                        style="positive"), cancel_button()),
                summary="Your report has NOT been received. Press Submit again or type submit."))
            return STAY
        await self.desk.say(context, self.desk.received_card(receipt, reporter))
        return Done(receipt.meta.reference)

    def back(self, state: dict) -> str:
        if state.get("step") in ("summary", "pick_change") and state.get("mode") == FORM:
            state.update(step=FORM_STEP, sid=None, editing=True, form=dict(state["answers"]))
            return ""
        if state.get("step") in ("summary", "pick_change") and state["history"]:
            previous = state["history"][-1]
        elif state["history"]:
            previous = state["history"].pop()
        else:
            return "This is the first question."
        if previous == FORM_STEP:  # back from the form: the danger question
            previous = state["history"].pop() if state["history"] else "danger"
        state["answers"].pop(previous, None)
        if state["history"] and state["history"][-1] == previous:
            state["history"].pop()
        state.update(step=previous, sid=None, editing=False)
        return ""

    def help_text(self, state: dict) -> str:
        return FORM_HELP if state.get("step") == FORM_STEP else self.help

    def unsaved(self, state: dict) -> bool:
        return bool(set(state.get("answers", {})) - set(state.get("prefilled", [])) - {"danger"})

    async def stopped(self, context: TurnContext, state: dict, confirmed: bool) -> str:
        said = "Discarded" if confirmed else "Cancelled"
        return (f"{said}: nothing was sent or kept. If you are worried about a child, tell the DSL now. "
                "Type **report** to start again.")

    async def restart(self, context: TurnContext, state: dict) -> Any:
        return {"prefill": {k: state["answers"][k] for k in state.get("prefilled", []) if k in state["answers"]}}

    def confirm_view(self, kind: str) -> CardView:
        return confirm_card(kind)

    def where(self, state: dict) -> str:
        step = state.get("step")
        if step in ("summary", "pick_change"):
            return "checking the summary"
        return "the report form" if step == FORM_STEP else f"question {len(state.get('history', [])) + 1}"

    def unclear(self, state: dict) -> str:
        step = state.get("step")
        if step == "summary":
            return "Type **submit** to send the report, **change** to change something, or **cancel**."
        if step == "pick_change":
            return "Which answer? Pick one, or type its name."
        if step == FORM_STEP:
            return "Please fill in the form below and press **Check my report**, or type **step by step**."
        question = intake.BY_ID.get(step)
        return "Sorry, I didn't catch that. " + ("Please pick one of the options, or type its number."
                                                 if question is not None and question.kind == "choice" else
                                                 "Please type your answer.")
