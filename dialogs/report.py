"""The report intake as a flow: danger first, the questions, guidance, a summary to confirm, submit.

It walks `safeguarding.intake.QUESTIONS`. Answers live in the flow's state (stored by
SqlStorage), sealed (encrypted) whenever the state is at rest, so a half-finished report survives
a restart and the database holds no readable draft; nothing is thrown away unless the reporter
confirms. The `desk` (bot/features/reports.py) knows who is reporting and stores the report.
"""
from __future__ import annotations

import logging
import uuid
from typing import Any, Protocol

from botbuilder.core import TurnContext

from cards import Button, CardView, Facts, Text
from safeguarding import intake
from store import DatabaseError

from .choices import YES, Option, looks_like_a_question, match_option
from .flow import STAY, Done, Flow, Said, Step
from .report_cards import cancel_button, changeable, confirm_card, guidance_card, pick_card, question_card, summary_card

log = logging.getLogger(__name__)

DIALOG_ID = "report_intake"
MAX_ANSWER = 8000
CONFIRM_WORDS = {"submit", "send", "send it", "confirm", "yes submit", "submit it", "yes send it"}
CHANGE_WORDS = {"change", "edit", "change an answer", "no", "amend", "fix"}
# Answers that are a few words: a question typed here is the person asking something else.
SHORT = ("subject", "when", "accounts", "children")
HELP = ("Answer with a button or by typing. **back** goes to the previous question, **cancel** stops (I'll ask "
        "before discarding anything), **help** shows this.")


class Desk(Protocol):
    async def reporter(self, context: TurnContext) -> Any: ...
    async def submit(self, context: TurnContext, answers: dict, submission_id: str, files: list) -> Any: ...
    def urgent_card(self, reporter) -> CardView: ...
    def received_card(self, receipt, reporter) -> CardView: ...
    def policy_quotes(self) -> list[tuple[str, str]]: ...
    def seal_draft(self, context: TurnContext, draft: dict) -> str: ...
    def open_draft(self, context: TurnContext, token: str) -> dict: ...
    async def say(self, context: TurnContext, reply: CardView | str) -> Any: ...


class ReportFlow(Flow):
    """The intake, step by step; cancel and start over never lose an answer silently."""

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

    def close(self, context: TurnContext, state: dict) -> None:
        if "answers" in state:
            state["sealed"] = self.desk.seal_draft(context, {"answers": state.pop("answers"),
                                                             "files": state.pop("files", [])})

    # ---- the flow ---------------------------------------------------------------------
    async def start(self, context: TurnContext, state: dict, options: Any) -> Done | None:
        """Start a report, with any hand-over answers already filled in."""
        prefill = intake.clean_prefill((options or {}).get("prefill") if isinstance(options, dict) else None)
        state.update(answers=dict(prefill), prefilled=sorted(prefill), history=[], sid=None, step=None,
                     editing=False, files=[])
        reporter = await self.desk.reporter(context)
        opening = [Text("I'll take you through it and send it to the right person. Type **cancel** at any "
                        "time: nothing is thrown away unless you say so.")]
        if reporter.school is None:
            opening.append(Text(f"I can't tell which school you are at from your account, so this report "
                                f"will go to the trust safeguarding lead, {reporter.urgent.name} "
                                f"({reporter.urgent.phone}).", style="warning"))
        if prefill:
            opening.append(Text("From what you told me already:", style="subtle"))
            opening.append(Facts(tuple(intake.summary_pairs(prefill))))
        if intake.worrying(prefill):
            opening.append(Text(intake.GUIDANCE[2], style="attention"))
        await self.desk.say(context, CardView("Report a safeguarding concern", tuple(opening),
                                              summary="Report a safeguarding concern"))
        self._advance(state)
        return None

    def _advance(self, state: dict) -> None:
        # The first question still unanswered (a changed answer can make a new one apply).
        question = intake.next_question(state["answers"])
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
            return Step(kind, summary_card(state), _read_summary, owns)
        if kind == "pick_change":
            return Step(kind, pick_card(state), lambda said: _read_pick(state, said), owns)
        question = intake.BY_ID[kind]
        return Step(kind, question_card(question, state), lambda said: _read_answer(question, said), owns)

    async def take(self, context: TurnContext, state: dict, step: Step, answer: Any) -> Done | None:
        if isinstance(answer, tuple) and answer[0] == "submit":
            return await self._submit(context, state, answer[1])
        if step.id == "summary":  # ("change", what to change, if typed)
            state["step"] = "pick_change"
            answer = _read_pick(state, Said(answer[1])) if answer[1] else None
            if answer is None:
                return None
        if step.id in ("summary", "pick_change"):
            if answer == "summary":
                state["step"] = "summary"
            else:
                state.update(editing=True, step=answer, sid=None)  # the summary will change: a new submission
            return None
        return await self._answer(context, state, intake.BY_ID[step.id], *answer)

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

    async def _submit(self, context: TurnContext, state: dict, submission_id: str | None) -> Done | None:
        if state["step"] != "summary":
            await self.desk.say(context, "That Submit button was for an older summary. Here is where we are:")
            return None
        if submission_id is not None and submission_id != state["sid"]:
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
                      "press **Submit** again, or type **submit**, in a minute.", style="attention"),
                 Text(f"If a child may be at risk, phone {reporter.urgent.name} now on {reporter.urgent.phone}.")),
                (Button("Submit again", {"action": "report.submit", "submission_id": state["sid"]},
                        style="positive"), cancel_button()),
                summary="Your report has NOT been received. Press Submit again or type submit."))
            return STAY
        await self.desk.say(context, self.desk.received_card(receipt, reporter))
        return Done(receipt.meta.reference)

    def back(self, state: dict) -> str:
        if state.get("step") in ("summary", "pick_change") and state["history"]:
            previous = state["history"][-1]
        elif state["history"]:
            previous = state["history"].pop()
        else:
            return "This is the first question."
        state["answers"].pop(previous, None)
        if state["history"] and state["history"][-1] == previous:
            state["history"].pop()
        state.update(step=previous, sid=None, editing=False)
        return ""

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
        return "checking the summary" if step in ("summary", "pick_change") else \
            f"question {len(state.get('history', [])) + 1}"

    def unclear(self, state: dict) -> str:
        step = state.get("step")
        if step == "summary":
            return "Type **submit** to send the report, **change** to change an answer, or **cancel**."
        if step == "pick_change":
            return "Which answer? Pick one, or type its number."
        question = intake.BY_ID.get(step)
        return "Sorry, I didn't catch that. " + ("Please pick one of the options, or type its number."
                                                 if question is not None and question.kind == "choice" else
                                                 "Please type your answer.")


def _read_answer(question: intake.Question, said: Said) -> tuple[str, list] | None:
    """(answer, files) from a click, a form field or typed text; None when it is not an answer."""
    value = said.value or {}
    raw = str(value.get("answer", "")) if said.value is not None else said.text
    raw = " ".join(raw.split()) if question.kind == "choice" else raw.strip()
    if question.kind == "choice":
        found = match_option(raw, [Option(o.value, o.label, o.synonyms) for o in question.options])
        if found is not None:
            return found.value, []
        return (raw[:200], []) if question.free_text and raw and not looks_like_a_question(raw) else None
    if question.kind == "evidence":
        files = [f for f in (_file(a) for a in said.attachments) if f]
        parts = [raw] if raw else []
        if files:
            parts.append("Attached: " + ", ".join(f["name"] for f in files))
        return ("\n".join(parts), files) if parts else None
    if not raw or (question.id in SHORT and said.value is None and looks_like_a_question(raw)):
        return None
    return raw, []


def _read_summary(said: Said):
    value = said.value or {}
    text = " ".join(said.text.lower().strip(" .!").split())
    if value.get("action") == "report.submit":
        return "submit", str(value.get("submission_id") or "")
    if value.get("answer") == "change":
        return "change", ""
    if text in CONFIRM_WORDS or text in YES:
        return "submit", None
    if text in CHANGE_WORDS or text.startswith("change "):
        return "change", text[len("change "):] if text.startswith("change ") else ""
    return None


def _read_pick(state: dict, said: Said) -> str | None:
    choices = changeable(state)
    picked = (said.value or {}).get("answer")
    if picked in {q.id for q in choices} or picked == "summary":
        return picked
    if said.value is None and said.text.lower().strip() in ("summary", "none", "nothing", "done"):
        return "summary"
    found = match_option(said.text, [Option(q.id, q.label) for q in choices])
    return found.value if found else None


def _file(attachment) -> dict | None:
    url = getattr(attachment, "content_url", None) or ""
    name = getattr(attachment, "name", None) or ""
    if not url and not name:
        return None
    return {"name": name or "attachment", "content_type": getattr(attachment, "content_type", "") or "",
            "url": url}
