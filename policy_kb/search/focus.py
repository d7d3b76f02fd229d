"""A long message asks its question last ("…I'm writing a paper for the board. How does the introduction describe the
balance?"). When the whole message leaves a choice between parts of the policy, the last question alone may say
which: it is answered when it names one of the choices, and that choice says what the policy is (its introduction,
purpose, vision or scope), where the background cannot change the answer."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import last_question
from .reply import Reply

if TYPE_CHECKING:
    from .matcher import Matcher

ABOUT_THE_POLICY = ("intro.", "purpose.", "vision.", "scope.")


def on_the_question(matcher: Matcher, text: str, reply: Reply) -> Reply:
    """`reply` (a choice) to the whole message, or the answer its last question alone gets, when that is one of the choices."""
    question = last_question(text).strip()
    if question == text.strip():
        return reply
    alone = matcher.answer(question)
    if alone.kind == "answer" and alone.clause_id in reply.choices and alone.clause_id.startswith(ABOUT_THE_POLICY):
        return alone
    return reply
