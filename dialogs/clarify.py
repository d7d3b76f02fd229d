"""The clarifying question: one fact the rule turns on ("are they a current student?"), typed or clicked."""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from botbuilder.core import TurnContext

from cards import CardView

from .flow import Done, Flow, Step

# (context, question, facts) -> sends the answer (True), or False when a further fact is needed
Answerer = Callable[[TurnContext, str, dict], Awaitable[bool]]
# (question, facts, typed text) -> facts parsed from the typed text, or None
FactParser = Callable[[str, dict, str], "dict | None"]
# (question, facts, the last question it was read with or None) -> the card that asks for the missing fact
Asker = Callable[[str, dict, "str | None"], CardView]


class ClarifyFlow(Flow):
    """Holds the question and the facts so far. Clicks are card actions (the Q&A feature's); a typed
    answer is read here. Anything else typed is a new message: the question is dropped."""

    id = "qa.clarify"
    name = "your question"
    ends_on_interruption = True

    def __init__(self, ask: Asker, answer: Answerer, parse: FactParser):
        self.ask, self.answer, self.parse = ask, answer, parse

    async def start(self, context: TurnContext, state: dict, options: Any) -> Done | None:
        state.update(question=options["question"], facts=dict(options.get("facts") or {}),
                     read_with=options.get("read_with"))
        return None

    async def step(self, context: TurnContext, state: dict) -> Step:
        question, facts = state["question"], state["facts"]
        return Step("fact", self.ask(question, facts, state.get("read_with")),
                    lambda said: self.parse(question, facts, said.text) if said.text else None,
                    owns=lambda value: False)

    async def take(self, context: TurnContext, state: dict, step: Step, answer: Any) -> Done | None:
        state["facts"] = {**state["facts"], **answer}
        return Done() if await self.answer(context, state["question"], state["facts"]) else None

    async def stopped(self, context: TurnContext, state: dict, confirmed: bool) -> str:
        return "OK. Ask me anything else about the policy."


