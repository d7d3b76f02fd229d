"""Wait for the answer to one clarifying question; typed answers and clicks both work."""
from __future__ import annotations

from typing import Awaitable, Callable

from botbuilder.core import TurnContext
from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult

from .base import REROUTE
from .choices import control_word

# (context, question, facts) -> sends the answer (True), or a further clarifying question (False)
Answerer = Callable[[TurnContext, str, dict], Awaitable[bool]]
# (question, facts, typed text) -> facts parsed from the typed text, or None
FactParser = Callable[[str, dict, str], "dict | None"]


class ClarifyDialog(Dialog):
    """Holds the question and facts so far; one typed or clicked answer completes it."""

    ID = "qa.clarify"

    def __init__(self, answer: Answerer, parse: FactParser):
        super().__init__(self.ID)
        self._answer = answer
        self._parse = parse

    async def begin_dialog(self, dc: DialogContext, options: dict = None) -> DialogTurnResult:
        """Remember the question; the caller has already sent the clarifying card."""
        dc.active_dialog.state["question"] = options["question"]
        dc.active_dialog.state["facts"] = dict(options.get("facts") or {})
        return Dialog.end_of_turn

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        """Parse a typed answer; anything else is a new message and is routed afresh."""
        text = dc.context.activity.text or ""
        if control_word(text) == "cancel":
            await dc.context.send_activity("OK. Ask me anything else about the policy.")
            return await dc.end_dialog()
        question, facts = dc.active_dialog.state["question"], dc.active_dialog.state["facts"]
        parsed = self._parse(question, facts, text) if text else None
        if parsed is None:
            return await dc.end_dialog(REROUTE)
        facts = {**facts, **parsed}
        if await self._answer(dc.context, question, facts):
            return await dc.end_dialog()
        dc.active_dialog.state["facts"] = facts  # a follow-up question was asked (e.g. their age)
        return Dialog.end_of_turn
