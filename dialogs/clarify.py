"""The clarifying question: one fact the rule turns on ("are they a current student?"), typed or clicked."""
from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Protocol

from botbuilder.core import TurnContext

from cards import CardView

from .flow import Done, Flow, Step

# (context, question, facts) -> sends the answer (True), or False when a further fact is needed
Answerer = Callable[[TurnContext, str, dict], Awaitable[bool]]
# (question, facts, typed text) -> facts parsed from the typed text, or None
FactParser = Callable[[str, dict, str], "dict | None"]
# (question, facts, the last question it was read with or None) -> the card that asks for the missing fact
Asker = Callable[[str, dict, "str | None"], CardView]

log = logging.getLogger(__name__)


class Sealer(Protocol):
    """Encrypts what the person typed for the conversation state, bound to them."""

    def seal(self, context: TurnContext, content: dict) -> str: ...
    def open(self, context: TurnContext, token: str) -> dict: ...


class ClarifyFlow(Flow):
    """Holds the question and the facts so far. Clicks are card actions (the Q&A feature's); a typed
    answer is read here. Anything else typed is a new message: the question is dropped.
    Between turns the question is sealed: as typed, it may name a child."""

    id = "qa.clarify"
    name = "your question"
    ends_on_interruption = True

    def __init__(self, ask: Asker, answer: Answerer, parse: FactParser, sealer: Sealer):
        self.ask, self.answer, self.parse, self.sealer = ask, answer, parse, sealer

    def open(self, context: TurnContext, state: dict) -> None:
        if "sealed" not in state:
            return
        try:
            state.update(self.sealer.open(context, state.pop("sealed")))
        except Exception:  # noqa: BLE001 - e.g. the key was changed: the question is asked again
            log.warning("a question waiting for a fact could not be decrypted; it is dropped")

    def close(self, context: TurnContext, state: dict) -> None:
        if "question" in state:
            state["sealed"] = self.sealer.seal(context, {"question": state.pop("question"),
                                                         "read_with": state.pop("read_with", None)})

    async def start(self, context: TurnContext, state: dict, options: Any) -> Done | None:
        state.update(question=options["question"], facts=dict(options.get("facts") or {}),
                     read_with=options.get("read_with"))
        return None

    async def step(self, context: TurnContext, state: dict) -> Step | Done:
        if "question" not in state:
            await context.send_activity("I lost your question, sorry. Please ask it again.")
            return Done()
        question, facts = state["question"], state["facts"]
        if await self.answer(context, question, facts):
            return Done()  # the facts known already answer it: nothing to ask (never a question with no options)
        return Step("fact", self.ask(question, facts, state.get("read_with")),
                    lambda said: self.parse(question, facts, said.text) if said.text else None,
                    owns=lambda value: False)

    async def take(self, context: TurnContext, state: dict, step: Step, answer: Any) -> Done | None:
        state["facts"] = {**state["facts"], **answer}
        return None  # the next step answers, if the facts now suffice, or asks for the next one

    async def stopped(self, context: TurnContext, state: dict, confirmed: bool) -> str:
        return "OK. Ask me anything else about the policy."


