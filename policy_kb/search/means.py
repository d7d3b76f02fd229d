"""A question about how to get in touch ("how should I contact parents?", "so how am I supposed to get back
to her then?", after being told not on Facebook) asks for a means, and names none. The contact rules each
rule one out (personal social media; a personal phone or email without approval); the one means the policy
gives is the official trust email account, so that rule answers, not the last means ruled out."""
from __future__ import annotations

import re

from ..relevance import normalise
from .stance import FRIEND_RULE, PARENT_RULE

OFFICIAL_EMAIL = "personal.official_email"

_BY_WHAT_MEANS = re.compile(
    r"\b(?:how (?:should|do|can|could|would|am|are|must|shall|else (?:can|could|do|should)) (?:i|we|staff|teachers)"
    r"(?: supposed to| meant to| expected to| allowed to| then)? (?:best )?|what (?:should|do|can|could|must|shall) "
    r"(?:i|we|staff) use to |(?:best|right|proper|correct|approved|official) (?:way|means|method|channel) (?:to|of|for) "
    r"|which (?:way|channel|method|app|platform) (?:should|do|can) (?:i|we) (?:use to )?)"
    r"(?:contact\w*|reach|get in touch with|get back to|reply to|respond to|message|communicate with"
    r"|keep in touch with|stay in touch with)\b")
# A means named in the question itself: "how do I reply to a parent on facebook?" asks about that one.
_A_MEANS = re.compile(
    r"\b(?:e-?mails?|gmail|hotmail|outlook|phones?|mobiles?|numbers?|texts?|texting|sms|whatsapp|calls?|ring|"
    r"facebook|fb|insta\w*|twitter|tiktok|snap\w*|messenger|dms?|linkedin|social media|socials|teams|letters?|"
    r"class ?dojo|seesaw|tapestry|arbor|app)\b")


def rule_for(lead: str, text: str) -> str:
    """The official email rule when a rule on personal social media leads and the question asks by what
    means, naming none (in a sentence after the first: "A parent messaged me on Facebook. How should I
    get back to her?")."""
    if lead not in (FRIEND_RULE, PARENT_RULE):
        return lead
    sentences = [part for part in re.split(r"(?<=[.?!])\s+", normalise(text)) if part.strip()]
    asks = any(_BY_WHAT_MEANS.search(part) and not _A_MEANS.search(part) for part in sentences[1:] or sentences)
    return OFFICIAL_EMAIL if asks else lead
