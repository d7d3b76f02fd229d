"""Understand a typed quiz answer: "a", "2", "true", "a, c", "b and d", or an option's words."""
from __future__ import annotations

import re
from typing import Sequence

from onboarding.bank import Question

from .choices import Option, match_option

LETTERS = "ABCDEFGHIJ"
# Typed answers are scored, so a near-miss spelling must be very close to count.
CUTOFF = 90
_SEPARATORS = re.compile(r"[,;/&+]|\band\b")
_FILLER = re.compile(r"^(?:(?:my |the )?answers? (?:is |are )?|i think (?:it'?s |it is )?|options? |it'?s |it is )"
                     r"|[\s,]+please[.!]*$")
_TF_SYNONYMS = {"True": ("t", "true", "it's true", "its true"), "False": ("f", "false", "it's false", "its false")}


def answer_options(question: Question, order: Sequence[str]) -> list[Option]:
    """The question's options as dialogs.choices Options, in the order shown (A, B, C...)."""
    options = []
    for option_id in order:
        option = question.option(option_id)
        options.append(Option(option_id, option.text, _TF_SYNONYMS.get(option.text, ())))
    return options


def parse_answer(text: str | None, question: Question, order: Sequence[str]) -> frozenset[str] | None:
    """The option ids a typed answer chooses, or None when it is unclear."""
    options = answer_options(question, order)
    said = _FILLER.sub("", (text or "").strip().lower()).strip()
    if not said:
        return None
    if question.kind != "multi":
        option = match_option(said, options, cutoff=CUTOFF)
        return frozenset({option.value}) if option else None
    parts: list[str] = []
    for part in _SEPARATORS.split(said):
        words = part.split()
        # "a c" or "1 3": several letters or numbers separated by spaces
        if len(words) > 1 and all(len(w.strip(".)")) == 1 or w.strip(".)").isdigit() for w in words):
            parts.extend(w.strip(".)") for w in words)
        elif part.strip():
            parts.append(part.strip())
    chosen = set()
    for part in parts:
        option = match_option(part, options, cutoff=CUTOFF)
        if option is None:
            return None
        chosen.add(option.value)
    return frozenset(chosen) or None


def letter(order: Sequence[str], option_id: str) -> str:
    return LETTERS[list(order).index(option_id)]
