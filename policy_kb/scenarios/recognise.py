"""Decide, conservatively, whether free text describes a situation to walk through.

A plain policy question ("can I accept a friend request from an ex-pupil who is 19?") is the
Q&A feature's job, so it scores 0 here. A message scores only when it tells a situation that
has happened ("a year 8 kid messaged me on insta"), or asks to be walked through one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..search.lexicon import joined
from .model import Scenario, ScenarioBook

SITUATION = 0.9  # the message tells what happened
TOPIC_WALKTHROUGH = 0.8  # "what should I do about a friend request from a parent"
WALKTHROUGH_ONLY = 0.6  # "walk me through a situation": show the list

WALKTHROUGH = re.compile(
    r"\b(walk|talk|take|guide) me through\b|\bguide me\b|\bwhat (now|next)\b|\bnow what\b"
    r"|\bwhat (do|should|shall|must) (i|we) do\b|\bwhat (do|should) (i|we) do now\b|\bwhat to do\b"
    r"|\bwhat are (my|the) next steps\b|\bwhat happens now\b|\bwhat'?s the process\b"
    r"|\bhow (do|should) (i|we) (handle|deal with)\b|\bhelp me with (a|this|my) situation\b"
    r"|\bwhat do (i|we) need to do\b",
    re.IGNORECASE)
_SHORT = 7  # words: a walk-through request with no topic must be about this short
_QUESTION = re.compile(r"^(can|could|may|might|what|what's|whats|who|whom|how|why|when|where|which|is|are|am|"
                       r"do|does|did|should|shall|will|would|if)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Recognised:
    scenario: Scenario | None  # None: asked for a walk-through of no particular situation
    score: float


def recognise(book: ScenarioBook, text: str, asked: bool = False) -> Recognised | None:
    """The scenario a message describes, with how sure; None when it is not a situation.

    `asked`: the person already asked for a walk-through (a command), so a topic is enough.
    """
    text = " ".join(joined(text or "").split())  # "tick tock", "year elevens": the words the triggers know
    if not text:
        return None
    best: tuple[int, int, Scenario] | None = None
    for scenario in book.scenarios:
        hits = sum(1 for p in scenario.situations if p.search(text))
        if not hits:
            continue
        topic_hits = sum(1 for p in scenario.topics if p.search(text))  # breaks a tie only
        if best is None or (hits, topic_hits) > best[:2]:
            best = (hits, topic_hits, scenario)
    if best is not None:
        return Recognised(best[2], SITUATION)
    if not (asked or WALKTHROUGH.search(text)):
        return None
    topical = [(sum(1 for p in s.topics if p.search(text)), -s.order, s) for s in book.scenarios]
    count, _, scenario = max(topical, key=lambda t: t[:2])
    if count:
        return Recognised(scenario, TOPIC_WALKTHROUGH)
    if len(text.split()) <= _SHORT:
        return Recognised(None, WALKTHROUGH_ONLY)
    return None


def score(book: ScenarioBook, text: str) -> float:
    """The intent score: 0 means not a situation."""
    found = recognise(book, text)
    return found.score if found else 0.0


def is_new_message(book: ScenarioBook, text: str) -> bool:
    """True when text typed instead of an answer is plainly something else: a question or a situation."""
    text = " ".join((text or "").split())
    words = len(text.split())
    if words >= 4 and (text.endswith("?") or _QUESTION.match(text)):
        return True
    found = recognise(book, text)
    return found is not None and found.scenario is not None
