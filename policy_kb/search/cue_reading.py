"""Read a question's cues once (the patterns are in cues.py): whose account, who did what, what
kind of question."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping, Sequence

from .cues import (
    ADULT_TO_CHILD,
    ASKS_TO_CONNECT,
    CONNECT,
    CONNECTION_REQUEST,
    CONTACT_ME,
    CREATE_ACCOUNT,
    DECLINED,
    EMAIL_ACCOUNT,
    EMAILING,
    HARM_WORDS,
    MESSAGE,
    MESSAGE_CONTENT,
    PARENTS_OWN,
    PERSONAL_ACCOUNT,
    PERSONAL_EMAIL_ACCOUNT,
    PUPILS_FOLLOW_OTHERS,
    SELF_POST,
    SOCIAL_WORDS,
    STUDENTISH,
    THIRD_PARTY,
    TRUST_ACCOUNT,
    WISH,
    WORK_ACCOUNT,
)
from .lexicon import clean


def under_18_team(text: str) -> bool:
    """'the U14s', 'under-16s': an age-group team is children."""
    return bool(AGE_GROUP.search(clean(text)))


AGE_GROUP = re.compile(r"\bu\s?(?:[6-9]|1[0-8])s?\b|\bunder[- ](?:[6-9]|1[0-8])s\b")


def account_context(text: str) -> str | None:
    """Return "trust" or "personal" when the message says whose account it is about."""
    # "emailed my trust account" is about an email account, not a social media one.
    lowered = EMAIL_ACCOUNT.sub(" email ", clean(text))
    if EMAILING.search(lowered) and not SOCIAL_WORDS.search(lowered):
        lowered = WORK_ACCOUNT.sub(" email ", lowered)  # "emailing a family ... from my school account"
    if TRUST_ACCOUNT.search(lowered) and not PARENTS_OWN.search(lowered):
        return "trust"
    if CREATE_ACCOUNT.search(lowered):
        lowered = PERSONAL_EMAIL_ACCOUNT.sub(" ", lowered)  # "register the club account with my own email"
    if PERSONAL_ACCOUNT.search(lowered):
        return "personal"
    return None


@dataclass(frozen=True)
class Cues:
    words: frozenset[str]
    context: str | None  # "trust", "personal" or None
    relation: str | None
    childish: bool
    connecting: bool
    contacted: bool
    self_post: bool
    harmed: bool
    asks_to_connect: bool
    personal_account: bool
    personal_phone: bool


@lru_cache(maxsize=128)  # the cues and the frames read the same question
def cue_text(text: str) -> str:
    """The cleaned question with "I'd like" read as "want" (else the contact cues take it for a like)."""
    return WISH.sub("want", clean(text))


def read_cues(text: str, facts: Mapping[str, Any], terms: Sequence[str] = ()) -> Cues:
    """Evaluate the cues that several frames share."""
    lowered = cue_text(text)
    words = frozenset(terms)
    relation = facts.get("relation")
    childish = (
        relation in STUDENTISH or bool(words & {"child", "student"}) or facts.get("under_18") is True or under_18_team(text)
    )
    request = bool(CONNECTION_REQUEST.search(lowered))
    contacted = ("contactme" in words or bool(CONTACT_ME.search(lowered))) and not (
        request and not MESSAGE_CONTENT.search(lowered)
    )
    self_post = bool(SELF_POST.search(lowered))
    harmed = childish and not self_post and (
        "harm" in words
        or bool(words & HARM_WORDS)
        or bool(ADULT_TO_CHILD.search(lowered))
        or (bool(THIRD_PARTY.search(lowered)) and MESSAGE in words and not contacted)
    )
    return Cues(
        words=words,
        context=account_context(text),
        relation=relation,
        childish=childish,
        connecting=request or bool(CONNECT.search(PUPILS_FOLLOW_OTHERS.sub(" ", lowered))),
        contacted=contacted,
        self_post=self_post,
        harmed=harmed,
        asks_to_connect=bool(request or ASKS_TO_CONNECT.search(lowered)) and not DECLINED.search(lowered),
        # A personal email address used to register a class account is a linking question, not a personal account.
        personal_account=bool(PERSONAL_ACCOUNT.search(PERSONAL_EMAIL_ACCOUNT.sub(" ", lowered))),
        personal_phone=bool(facts.get("personal_phone")),
    )
