"""Understand typed answers to a question with options: "yes", "nope", "2", "b", "insta"."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from rapidfuzz import fuzz, process

YES = {"yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "correct", "true", "aye", "definitely", "i have",
       "it is", "they are", "please"}
NO = {"no", "n", "nope", "nah", "not really", "false", "no thanks", "never", "i haven't", "it isn't", "they aren't", "not"}

CONTROL_WORDS = {
    "cancel": "cancel", "stop": "cancel", "quit": "cancel", "exit": "cancel", "abort": "cancel",
    "back": "back", "go back": "back", "previous": "back",
    "start over": "restart", "restart": "restart", "start again": "restart", "from the start": "restart",
    "help": "help", "menu": "help",
}


def clean(text: str | None) -> str:
    return re.sub(r"[^\w\s'+-]", " ", (text or "").lower()).strip()


_QUESTION = re.compile(r"^(?:can|could|may|should|shall|must|do|does|did|is|are|am|will|would|"
                       r"what|whats|what's|who|whom|whose|why|how|which)\b")


def looks_like_a_question(text: str | None) -> bool:
    """Whether a typed message asks something ("can i text a parent from my phone?") rather than
    answers a question put to it (a name, a time, a handle)."""
    said = " ".join((text or "").lower().split())
    return said.endswith("?") or bool(_QUESTION.match(said)) and len(said.split()) >= 4


def control_word(text: str | None) -> str | None:
    """'cancel', 'back', 'restart' or 'help' when the whole message is one of those words."""
    return CONTROL_WORDS.get(" ".join(clean(text).split()))


@dataclass(frozen=True)
class Option:
    """One answer: its value, its label, and other ways people type it."""

    value: str
    label: str
    synonyms: tuple[str, ...] = ()


def match_option(text: str | None, options: Sequence[Option], cutoff: float = 80) -> Option | None:
    """The option a typed answer means, or None when it is unclear.

    Accepts the option's number ("2") or letter ("b"), its value, its label, a synonym, yes/no
    for yes/no options, and close spellings.
    """
    said = " ".join(clean(text).split())
    if not said or not options:
        return None
    if said.isdigit() and 1 <= int(said) <= len(options):
        return options[int(said) - 1]
    if len(said) == 1 and "a" <= said <= "z" and ord(said) - 97 < len(options):
        return options[ord(said) - 97]
    by_phrase: dict[str, Option] = {}
    for option in options:
        for phrase in (option.value, option.label, *option.synonyms):
            by_phrase.setdefault(" ".join(clean(phrase).split()), option)
        if option.value in ("yes", "no"):
            for phrase in (YES if option.value == "yes" else NO):
                by_phrase.setdefault(phrase, option)
    if said in by_phrase:
        return by_phrase[said]
    padded = f" {said} "
    contained = {o.value: o for p, o in by_phrase.items() if len(p) > 2 and f" {p} " in padded}
    if len(contained) == 1:
        return next(iter(contained.values()))
    # Close spellings of a whole phrase (said with a few more words, perhaps), not one word of a long one
    # nor a one-letter synonym: "report" typed mid-quiz is the command, not "Report it to the designated
    # person for Child Protection", nor "t" (True). A question is never a close spelling of an answer:
    # "can i add a parent on facebook" is not "I have read it".
    if looks_like_a_question(text):
        return None
    whole = [p for p in by_phrase if len(p) > 2 and 0.6 * len(p) <= len(said) <= 2 * len(p)]
    best = process.extractOne(said, whole, scorer=fuzz.WRatio, score_cutoff=cutoff)
    return by_phrase[best[0]] if best else None
