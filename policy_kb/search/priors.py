"""Context priors: nudges from facts the policy is organised around (whose account, who the person is)."""
from __future__ import annotations

import re
from typing import Any, Mapping

from .lexicon import clean

FRIEND_RULE = "personal.no_friend_students"
PARENT_RULE = "personal.no_contact_parents_children"
ACCOUNT_BONUS = 6.0
RELATION_BONUS = 10.0

_MEDIA = r"(?:account|page|instagram|insta|facebook|fb|twitter|x|tiktok|youtube|channel|blog|site|feed|profile|socials?|social media|snapchat|post|posts)"
_TRUST_ACCOUNT = re.compile(
    rf"\b(?:school|schools|school's|department|department's|dept|class|trust|trust's|official|team|club|subject|academy|faculty|educational|sanctioned|trust-sanctioned|departmental|revision)\s+{_MEDIA}\b"
    r"|\bfor (?:my|our|the) (?:class|form|form group|department|lessons?|students|pupils|subject|club|team|year \d+s?)\b"
)
_PERSONAL_ACCOUNT = re.compile(
    rf"\b(?:my|my own|own|personal|private)\s+{_MEDIA}\b|\bpersonal social media\b|\bin my own time\b"
)
_CONNECT_VERB = r"(?:add|adds|added|adding|follow|follows|followed|following|friend|friends|friended|befriend|connect|connected|subscribe|subscribed)"
_CONNECT = re.compile(
    rf"\b{_CONNECT_VERB}\s+(?:with\s+|to\s+|on\s+)?(?:me|my|back)\b"
    rf"|\bi\s+(?:just\s+)?{_CONNECT_VERB}\b|\b(?:friend|follow|connection)\s+requests?\b|\brequested\s+to\s+follow\b"
    r"|\baccept\w*\b|\b(?:be|stay|become|remain)\s+friends\b"
)
_TALK_TO_ME = re.compile(
    r"\b(?:messag\w*|dm\w*|comment\w*|chat\w*|text\w*)\s+(?:me|on my)\b|\bwhats\s*app group\b|\bgroup chat\b|\bmy (?:posts?|photos?|page)\b"
)


def account_context(text: str) -> str | None:
    """Return "trust" or "personal" when the message says whose account it is about."""
    lowered = clean(text)
    if _TRUST_ACCOUNT.search(lowered):
        return "trust"
    if _PERSONAL_ACCOUNT.search(lowered):
        return "personal"
    return None


def priors(text: str, facts: Mapping[str, Any]) -> dict[str, float]:
    """Return score bonuses by clause id (or by id prefix ending in '.')."""
    lowered = clean(text)
    bonus: dict[str, float] = {}
    context = account_context(text)
    if context == "trust":
        bonus["sanctioned."] = ACCOUNT_BONUS
    elif context == "personal":
        bonus["personal."] = ACCOUNT_BONUS
    relation = facts.get("relation")
    connecting = bool(_CONNECT.search(lowered))
    if relation in ("current_student", "ex_student", "student_unspecified", "students_generic") and connecting and context != "trust":
        bonus[FRIEND_RULE] = bonus.get(FRIEND_RULE, 0.0) + RELATION_BONUS
    if relation == "parent" and context != "trust" and (connecting or _TALK_TO_ME.search(lowered)):
        bonus[PARENT_RULE] = bonus.get(PARENT_RULE, 0.0) + RELATION_BONUS
    return bonus


def bonus_for(clause_id: str, bonus: Mapping[str, float]) -> float:
    """Sum the bonuses that apply to a clause id."""
    total = bonus.get(clause_id, 0.0)
    for key, value in bonus.items():
        if key.endswith(".") and clause_id.startswith(key):
            total += value
    return total
