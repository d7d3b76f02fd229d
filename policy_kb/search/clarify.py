"""Clarifying questions for facts the policy turns on, and parsing the typed answers."""
from __future__ import annotations

import re
from types import MappingProxyType
from typing import Any, Mapping

from rapidfuzz import fuzz, process

from .facts import extract_age, extract_facts
from .lexicon import clean
from .reply import Clarification, Option

FRIEND_RULE = "personal.no_friend_students"


def _option(label: str, **facts: Any) -> Option:
    return Option(label, MappingProxyType(facts))


def ask_student_status(clause_id: str = FRIEND_RULE) -> Clarification:
    """Ask whether the person is a current student or an ex-student (and if so, under 18)."""
    return Clarification(
        clause_id=clause_id,
        question="Is this a current student, or an ex-student who has left the trust? If they have left, are they under 18?",
        options=(
            _option("Current student (any age)", relation="current_student"),
            _option("Ex-student, under 18", relation="ex_student", under_18=True),
            _option("Ex-student, 18 or over", relation="ex_student", under_18=False),
        ),
        asks=("relation", "under_18"),
    )


def ask_age(clause_id: str = FRIEND_RULE) -> Clarification:
    """Ask whether an ex-student is under 18."""
    return Clarification(
        clause_id=clause_id,
        question="How old are they now — under 18, or 18 or over?",
        options=(
            _option("Under 18", under_18=True),
            _option("18 or over", under_18=False),
        ),
        asks=("under_18",),
    )


_NUMBER_ONLY = re.compile(r"^\s*(\d{1,2})\s*(?:yo|y/o|years?(?: old)?|yrs?)?\s*[.!]?\s*$")
_BARE_NUMBER = re.compile(r"(?<!year )(?<!yr )(?<!y)\b(\d{1,2})\b")
_CHOICE = re.compile(r"^\s*(?:option\s*)?([1-9])\s*[.)]?\s*$")


def parse_fact_answer(clarification: Clarification, text: str) -> dict[str, Any] | None:
    """Turn a typed reply ("17", "ex student", "she left last year", "2") into facts, or None."""
    lowered = clean(text).strip()
    if not lowered:
        return None
    choice = _CHOICE.match(lowered)
    if choice and int(choice.group(1)) <= len(clarification.options):
        return dict(clarification.options[int(choice.group(1)) - 1].facts)
    facts: dict[str, Any] = {}
    number = _NUMBER_ONLY.match(lowered)
    age = int(number.group(1)) if number else extract_age(text)
    if age is None:
        # In reply to "how old are they?", a bare number is an age (but "year 12" is a year group).
        bare = _BARE_NUMBER.search(lowered)
        age = int(bare.group(1)) if bare else None
    if age is not None and 4 <= age <= 99:
        facts["age"] = age
        facts["under_18"] = age < 18
    found = extract_facts(text)
    if "under_18" in found and "under_18" not in facts:
        facts["under_18"] = found["under_18"]
    relation = found.get("relation")
    if relation in ("current_student", "ex_student"):
        facts["relation"] = relation
    elif re.search(r"\b(?:current|currently|still here|still at|still in)\b", lowered):
        facts["relation"] = "current_student"
    elif re.search(r"\b(?:ex|former|left|leaver|gone|not anymore|no longer)\b", lowered):
        facts["relation"] = "ex_student"
    if facts:
        return facts
    return _match_label(clarification, lowered)


def _match_label(clarification: Clarification, lowered: str) -> dict[str, Any] | None:
    labels = [clean(option.label) for option in clarification.options]
    match = process.extractOne(lowered, labels, scorer=fuzz.WRatio, score_cutoff=80)
    return dict(clarification.options[match[2]].facts) if match else None


def merge_facts(*parts: Mapping[str, Any] | None) -> dict[str, Any]:
    """Merge fact dicts, later ones winning."""
    merged: dict[str, Any] = {}
    for part in parts:
        if part:
            merged.update(part)
    age = merged.get("age")
    if isinstance(age, int) and not isinstance(age, bool):
        merged["under_18"] = age < 18  # an explicit age always decides the age band
    return merged
