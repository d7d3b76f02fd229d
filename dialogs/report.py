"""The report intake dialog: danger first, the questions, guidance, a summary to confirm, submit.

It walks `safeguarding.intake.QUESTIONS`. Answers live in dialog state (stored by SqlStorage),
so a half-finished report survives a restart; nothing is thrown away unless the reporter
confirms. The `desk` (bot/features/reports.py) knows who is reporting and stores the report.
"""
from __future__ import annotations

import logging
import uuid
from typing import Any, Protocol

from botbuilder.core import TurnContext
from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult, DialogTurnStatus

from cards import Button, CardView, Facts, Text
from safeguarding import intake
from store import DatabaseError

from .base import GuidedDialog
from .choices import YES, Option, match_option
from .report_cards import cancel_button, changeable, confirm_card, guidance_card, pick_card, question_card, summary_card

log = logging.getLogger(__name__)

DIALOG_ID = "report_intake"
MAX_ANSWER = 8000
CONFIRM_WORDS = {"submit", "send", "send it", "confirm", "yes submit", "submit it", "yes send it"}
CHANGE_WORDS = {"change", "edit", "change an answer", "no", "amend", "fix"}


class Desk(Protocol):
    async def reporter(self, context: TurnContext) -> Any: ...
    async def submit(self, context: TurnContext, answers: dict, submission_id: str, files: list) -> Any: ...
    def urgent_card(self, reporter) -> CardView: ...
    def received_card(self, receipt, reporter) -> CardView: ...
    def policy_quotes(self) -> list[tuple[str, str]]: ...
    def seal_draft(self, context: TurnContext, draft: dict) -> str: ...
    def open_draft(self, context: TurnContext, token: str) -> dict: ...
    async def say(self, context: TurnContext, reply: CardView | str) -> Any: ...


class _Intake(Dialog):
    """The state machine inside the report dialog (one instance state dict)."""

    def __init__(self, desk: Desk):
        super().__init__(DIALOG_ID + ".steps")
        self.desk = desk

    # Answers are sealed (encrypted) whenever the state is at rest: the conversation state in the
    # database holds no readable report content, even for an unfinished draft.
    def unseal(self, context: TurnContext, state: dict) -> None:
        if "sealed" in state:
            try:
                draft = self.desk.open_draft(context, state.pop("sealed"))
            except Exception:  # noqa: BLE001 - e.g. the key was changed: start the answers afresh
                log.warning("an unfinished report could not be decrypted; its answers are dropped")
                draft = {"answers": {}, "files": []}
                state.update(history=[], step="danger", sid=None, confirm=None, editing=False)
            state["answers"], state["files"] = draft["answers"], draft["files"]

    def seal(self, context: TurnContext, state: dict) -> None:
        if "answers" in state:
            state["sealed"] = self.desk.seal_draft(context, {"answers": state.pop("answers"),
                                                             "files": state.pop("files", [])})

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        """Start a report, with any hand-over answers already filled in."""
        state = dc.active_dialog.state
        try:
            return await self._begin(dc, options)
        finally:
            self.seal(dc.context, state)

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        """Take the reporter's answer to the current step."""
        state = dc.active_dialog.state
        self.unseal(dc.context, state)
        try:
            return await self._continue(dc)
        finally:
            self.seal(dc.context, state)

    async def reprompt_dialog(self, context: TurnContext, instance) -> None:
        """Ask the current question again (after help, or on resuming)."""
        self.unseal(context, instance.state)
        try:
            await self._render(context, instance.state)
        finally:
            self.seal(context, instance.state)

    async def _begin(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        prefill = intake.clean_prefill((options or {}).get("prefill") if isinstance(options, dict) else None)
        state = dc.active_dialog.state
        state.update(answers=dict(prefill), prefilled=sorted(prefill), history=[], sid=None, confirm=None,
                     step=None, editing=False, files=[])
        reporter = await self.desk.reporter(dc.context)
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
        await self.desk.say(dc.context, CardView("Report a safeguarding concern", tuple(opening),
                                 summary="Report a safeguarding concern"))
        return await self._advance(dc)

    async def _continue(self, dc: DialogContext) -> DialogTurnResult:
        state = dc.active_dialog.state
        activity = dc.context.activity
        value = activity.value if isinstance(activity.value, dict) else None
        text = " ".join((activity.text or "").split())
        if value and value.get("control"):
            return await handle_control(dc, self, str(value["control"]))
        if state.get("confirm"):
            return await self._confirm_answer(dc, state, value, text)
        step = state["step"]
        if value and value.get("action") == "report.submit" and step != "summary":
            await self.desk.say(dc.context, "That Submit button was for an older summary. Here is where we are:")
            return await self._ask(dc)
        if value and value.get("step") and value.get("step") != step and value.get("action") != "report.submit":
            await self.desk.say(dc.context, "That button was for an earlier question. Here is where we are:")
            return await self._ask(dc)
        if step == "summary":
            return await self._summary_answer(dc, state, value, text)
        if step == "pick_change":
            return await self._pick_change(dc, state, value, text)
        return await self._answer(dc, state, intake.BY_ID[step], value, text)

    # ---- steps -------------------------------------------------------------------
    async def _advance(self, dc: DialogContext) -> DialogTurnResult:
        state = dc.active_dialog.state
        # The first question still unanswered (a changed answer can make a new one apply).
        question = intake.next_question(state["answers"])
        state["step"] = question.id if question else "summary"
        if state["step"] == "summary":
            state["editing"] = False
        if state["step"] == "summary" and not state.get("sid"):
            # Fixed once the reporter sees the summary: a repeated Submit finds the same report.
            state["sid"] = uuid.uuid4().hex
        return await self._ask(dc)

    async def _ask(self, dc: DialogContext) -> DialogTurnResult:
        await self._render(dc.context, dc.active_dialog.state)
        return Dialog.end_of_turn

    async def _render(self, context: TurnContext, state: dict) -> None:
        step = state["step"]
        if state.get("confirm"):
            await self.desk.say(context, confirm_card(state["confirm"]))
        elif step == "summary":
            await self.desk.say(context, summary_card(state))
        elif step == "pick_change":
            await self.desk.say(context, pick_card(state))
        else:
            await self.desk.say(context, question_card(intake.BY_ID[step], state))

    async def _answer(self, dc, state, question, value, text) -> DialogTurnResult:
        raw = str(value.get("answer", "")) if value else text
        raw = " ".join(raw.split()) if question.kind == "choice" else raw.strip()
        answer, files = None, []
        if question.kind == "choice":
            options = [Option(o.value, o.label, o.synonyms) for o in question.options]
            found = match_option(raw, options)
            if found is not None:
                answer = found.value
            elif question.free_text and raw:
                answer = raw[:200]
        elif question.kind == "evidence":
            files = [_file(a) for a in dc.context.activity.attachments or [] if _file(a)]
            parts = [raw] if raw else []
            if files:
                parts.append("Attached: " + ", ".join(f["name"] for f in files))
            answer = "\n".join(parts) or None
        elif raw:
            answer = raw
        if not answer:
            await self.desk.say(dc.context, "Sorry, I didn't catch that. " + (
                "Please pick one of the options, or type its number."
                                                              if question.kind == "choice" else "Please type your answer."))
            return await self._ask(dc)
        if len(answer) > MAX_ANSWER:
            await self.desk.say(dc.context, f"That is longer than {MAX_ANSWER} characters. Please shorten it, or split it: "
                            "you can add more after submitting.")
            return await self._ask(dc)
        state["answers"][question.id] = answer
        if files:
            state["files"] = state.get("files", []) + files
        if question.id == "concern_about" and answer != "staff":
            state["answers"].pop("subject", None)
        if not state.get("editing"):
            state["history"].append(question.id)
        if question.id == "danger" and answer == "yes":
            reporter = await self.desk.reporter(dc.context)
            await self.desk.say(dc.context, self.desk.urgent_card(reporter))
        if question.id == "danger":
            await self.desk.say(dc.context, guidance_card(self.desk.policy_quotes()))
        return await self._advance(dc)

    async def _summary_answer(self, dc, state, value, text) -> DialogTurnResult:
        said = " ".join(text.lower().strip(" .!").split())
        if (value and value.get("action") == "report.submit") or said in CONFIRM_WORDS or said in YES:
            if value and value.get("action") == "report.submit" and value.get("submission_id") != state["sid"]:
                await self.desk.say(dc.context, "That Submit button was for an older summary. Please check this one:")
                return await self._ask(dc)
            return await self._submit(dc, state)
        if (value and value.get("answer") == "change") or said in CHANGE_WORDS or said.startswith("change "):
            state["step"] = "pick_change"
            rest = said[len("change "):] if said.startswith("change ") else ""
            if rest:
                return await self._pick_change(dc, state, None, rest)
            return await self._ask(dc)
        await self.desk.say(dc.context, "Type **submit** to send the report, **change** to change an answer, or **cancel**.")
        return await self._ask(dc)

    async def _pick_change(self, dc, state, value, text) -> DialogTurnResult:
        choices = changeable(state)
        picked = value.get("answer") if value else None
        if picked not in {q.id for q in choices}:
            found = match_option(text, [Option(q.id, q.label) for q in choices])
            picked = found.value if found else None
        if picked is None:
            if text.lower().strip() in ("summary", "none", "nothing", "done"):
                state["step"] = "summary"
                return await self._ask(dc)
            await self.desk.say(dc.context, "Which answer? Pick one, or type its number.")
            return await self._ask(dc)
        state["editing"] = True
        state["step"] = picked
        state["sid"] = None  # the summary will change: a new submission
        return await self._ask(dc)

    async def _submit(self, dc, state) -> DialogTurnResult:
        reporter = await self.desk.reporter(dc.context)
        try:
            receipt = await self.desk.submit(dc.context, state["answers"], state["sid"], state.get("files", []))
        except Exception as exc:
            log.error("report could not be stored (%s); the draft is kept in the conversation",
                      type(exc).__name__, exc_info=not isinstance(exc, DatabaseError))
            await self.desk.say(dc.context, CardView(
                "Your report has NOT been received",
                (Text("I could not save it just now, so nobody has been told yet. Nothing you typed is lost: "
                      "press **Submit** again, or type **submit**, in a minute.", style="attention"),
                 Text(f"If a child may be at risk, phone {reporter.urgent.name} now on {reporter.urgent.phone}.")),
                (Button("Submit again", {"action": "report.submit", "submission_id": state["sid"]},
                        style="positive"), cancel_button()),
                summary="Your report has NOT been received. Press Submit again or type submit."))
            return Dialog.end_of_turn
        await self.desk.say(dc.context, self.desk.received_card(receipt, reporter))
        return await dc.end_dialog(receipt.meta.reference)

    async def _confirm_answer(self, dc, state, value, text) -> DialogTurnResult:
        said = str(value.get("answer")) if value and value.get("answer") else text
        found = match_option(said, [Option("yes", "Discard it", ("discard", "delete", "throw away", "bin it")),
                                    Option("no", "Keep going", ("keep", "continue", "carry on", "resume"))])
        if found is None:
            await self.desk.say(dc.context, "Please answer **discard** or **keep going**.")
            return await self._ask(dc)
        kind, state["confirm"] = state["confirm"], None
        if found.value == "no":
            await self.desk.say(dc.context, "OK, carrying on. Nothing has been lost.")
            return await self._ask(dc)
        if kind == "restart":
            await self.desk.say(dc.context, "Discarded. Starting again.")
            prefill = {k: state["answers"][k] for k in state.get("prefilled", []) if k in state["answers"]}
            await dc.end_dialog()
            return await dc.begin_dialog(self.id, {"prefill": prefill})
        await self.desk.say(dc.context, "Discarded: nothing was sent or kept. If you are still worried about a child, "
                        "tell the DSL now. Type **report** to start again.")
        return await dc.end_dialog()

    def has_answers(self, state: dict) -> bool:
        return bool(set(state.get("answers", {})) - set(state.get("prefilled", [])) - {"danger"})


async def handle_control(dc: DialogContext, steps: _Intake, word: str) -> DialogTurnResult:
    """cancel / restart ask before discarding anything; back goes one question back; help explains."""
    state = dc.active_dialog.state
    if word in ("cancel", "restart"):
        if not steps.has_answers(state) and word == "cancel":
            await steps.desk.say(dc.context, "Cancelled: nothing was sent or kept. If you are worried about a child, "
                            "tell the DSL now. Type **report** to start again.")
            return await dc.end_dialog()
        state["confirm"] = "discard" if word == "cancel" else "restart"
        return await steps._ask(dc)
    if word == "back":
        state["confirm"] = None
        if state.get("step") in ("summary", "pick_change") and state["history"]:
            previous = state["history"][-1]
        elif state["history"]:
            previous = state["history"].pop()
        else:
            await steps.desk.say(dc.context, "This is the first question.")
            return await steps._ask(dc)
        state["answers"].pop(previous, None)
        if state["history"] and state["history"][-1] == previous:
            state["history"].pop()
        state["step"], state["sid"], state["editing"] = previous, None, False
        return await steps._ask(dc)
    await steps.desk.say(dc.context, "Answer with a button or by typing. **back** goes to the previous question, **cancel** "
                    "stops (I'll ask before discarding anything), **help** shows this.")
    return await steps._ask(dc)


class ReportDialog(GuidedDialog):
    """The report intake, with cancel / back / start over / help that never lose an answer silently."""

    def __init__(self, desk: Desk):
        super().__init__(DIALOG_ID)
        self.steps = _Intake(desk)
        self.add_dialog(self.steps)
        self.initial_dialog_id = self.steps.id

    async def on_cancel(self, inner_dc: DialogContext) -> DialogTurnResult:
        return await self._control(inner_dc, "cancel")

    async def on_back(self, inner_dc: DialogContext) -> DialogTurnResult:
        return await self._control(inner_dc, "back")

    async def on_restart(self, inner_dc: DialogContext) -> DialogTurnResult:
        return await self._control(inner_dc, "restart")

    async def on_help(self, inner_dc: DialogContext) -> DialogTurnResult:
        return await self._control(inner_dc, "help")

    async def _control(self, inner_dc: DialogContext, word: str) -> DialogTurnResult:
        state = inner_dc.active_dialog.state
        self.steps.unseal(inner_dc.context, state)
        try:
            result = await handle_control(inner_dc, self.steps, word)
        finally:
            self.steps.seal(inner_dc.context, state)
        if result.status == DialogTurnStatus.Complete and inner_dc.active_dialog is None:
            return DialogTurnResult(DialogTurnStatus.Complete)
        return DialogTurnResult(DialogTurnStatus.Waiting)


def _file(attachment) -> dict | None:
    url = getattr(attachment, "content_url", None) or ""
    name = getattr(attachment, "name", None) or ""
    if not url and not name:
        return None
    return {"name": name or "attachment", "content_type": getattr(attachment, "content_type", "") or "",
            "url": url}
