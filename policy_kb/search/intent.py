"""A light first guess at what a message is for, so the bot can route it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import clean

GREETING = "greeting"
THANKS = "thanks"
GOODBYE = "goodbye"
ABOUT_BOT = "about_bot"
HELP = "help"
REPORT_CONCERN = "report_concern"
QUIZ = "quiz"
SITUATION = "situation"
QUESTION = "question"

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (REPORT_CONCERN, re.compile(
        r"\b(?:i (?:want|need|would like|d like|have) to (?:report|raise|log|flag)|report (?:a|my) (?:concern|worry|incident)"
        r"|raise a (?:concern|worry)|make a (?:report|referral)|safeguarding concern|i have a concern|log a concern)\b")),
    (QUIZ, re.compile(r"\b(?:quiz|test me|onboarding|new starter|take the test|assessment|check my knowledge)\b")),
    (ABOUT_BOT, re.compile(r"\b(?:who are you|what are you|what can you do|are you a (?:bot|robot|human|person)|your name)\b")),
    (HELP, re.compile(r"^(?:help|menu|options|commands|start|\?)\W*$|\bhow do(?:es)? (?:this|you) work\b")),
    (GOODBYE, re.compile(r"^(?:bye|goodbye|see you|see ya|cya|later)\b")),
    (GREETING, re.compile(r"^(?:hi|hiya|hello|hey|morning|good (?:morning|afternoon|evening)|yo)\b[\s!.,]*(?:there|bot)?[\s!.]*$")),
    (SITUATION, re.compile(
        r"\b(?:what (?:now|next|should i do|do i do|do i need to do|are the steps)|what happens now|walk me through"
        r"|help me with|next steps|has just happened|just happened|how do i handle|what should happen)\b")),
)


_THANKS_WORDS = frozenset({"thanks", "thank", "thx", "ty", "cheers", "ta"})
# "TA here, a kid wants to follow me" is a teaching assistant asking; "thanks, can I also…" asks more.
_ASKING = frozenset({"can", "could", "may", "should", "would", "what", "how", "who", "when", "where", "why", "is", "are",
                     "do", "does", "did", "am", "but", "also", "another", "question", "if", "here", "pupil", "student",
                     "child", "kid", "parent", "one", "please", "pls"})
_TA_ALONE = ((), ("very", "much"), ("muchly",), ("mate",), ("love",), ("x",), ("got", "it"))


def only_thanks(text: str) -> bool:
    """Whether a message only says thank you: a few words, no question ("thanks!", "cheers, that helped").
    "ta" is a teaching assistant as often as a thank-you, so it counts only alone ("ta", "ta very much")."""
    if "?" in text:
        return False
    words = re.findall(r"[a-z']+", text.lower())
    if not words or words[0] not in _THANKS_WORDS:
        return False
    rest = tuple(words[2:] if words[:2] == ["thank", "you"] else words[1:])
    if words[0] == "ta":
        return rest in _TA_ALONE
    return len(rest) <= 5 and not set(rest) & _ASKING


@dataclass(frozen=True)
class Intent:
    label: str
    text: str


def classify_intent(text: str) -> Intent:
    """Label a message: small talk, report a concern, quiz, a situation to walk through, or a policy question."""
    lowered = clean(text).strip()
    if only_thanks(lowered) or re.fullmatch(r"(?:great|perfect|brilliant|got it|ok(?:ay)? thanks?)\b[\w\s!.]*", lowered):
        return Intent(THANKS, text)
    for label, pattern in _RULES:
        if pattern.search(lowered):
            return Intent(label, text)
    return Intent(QUESTION, text)
