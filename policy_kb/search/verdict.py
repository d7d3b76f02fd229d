"""Turn a clause stance plus the way the question is asked into a short verdict.

Staff ask either "can I...?" (they want yes / no / it depends) or "what does the policy
say about...?" (they want information). The verdict is one of yes, no, conditional,
info, report — the words a reviewer uses to judge whether the answer took the right line.
"""
from __future__ import annotations

import re

VERDICTS = ("yes", "no", "conditional", "info", "report")

_WH = re.compile(
    r"^\s*(?:and\s+)?(?:what|whats|wat|wats|which|who|whom|whose|how|where|why|when|could you (?:list|confirm|tell)|can you (?:list|confirm|tell)"
    r"|list|remind me|tell me|explain|define|in what)\b"
)
_ACTION = re.compile(
    r"\bwhat (?:should|do|must|can) (?:i|we) do\b|\bwhat now\b|\bwhat do (?:i|we) need to do\b|\bwalk me through\b"
    r"|\bwhat are the steps\b|\bwhat(?:'s| is) (?:my|the) (?:duty|responsibility|process)\b|\bwho do i (?:tell|report)"
)
_PERMISSION = re.compile(
    r"(?:^|,|\bso\b|\bbut\b)\s*(?:so\s+)?(?:can|could|may|might|should|shall)\s+(?:i|we|staff|a teacher|our|the|my)\b"
    r"|^\s*(?:is|would)\s+it\s+(?:ok|okay|fine|alright|all right|acceptable|allowed|a problem)\b|^\s*am i allowed\b"
)
# "set it up without asking anyone": the condition of an allowed-if rule was not met.
_CONDITION_MISSED = re.compile(
    r"\bwithout (?:asking|approval|permission|consent|checking|telling|any(?:one|body)'?s? (?:ok|approval|permission))"
    r"|\bwithout (?:getting|seeking|any) (?:approval|permission|consent|sign-?off)"
    r"|\b(?:didn'?t|did not|never|haven'?t|have not|hadn'?t)\s+(?:ask|asked|get|got|seek|sought|check|checked)\s+(?:with\s+)?"
    r"(?:anyone|anybody|permission|approval|slt|the head|leadership|sign-?off)"
    r"|\bwithout (?:going through|running it (?:past|by)|clearing it with|checking with|telling|asking) (?:the )?(?:slt|anyone|anybody|the head|leadership|parents|senior)"
)
_ANYTHING_ELSE = re.compile(
    r"\b(?:anything else|what else|is there (?:anyone|anybody|someone|anything) (?:i|we) (?:have|need|must|should)"
    r"|do i (?:also )?need to|do i have to|must i)\b"
)
# A situation or a wish before "what does the policy say about that?": the person wants to know whether they may.
_WANTS_TO = re.compile(
    r"\b(?:(?:i|we)(?:'|’)d (?:like|love) to|(?:i|we)\s+(?:want|wanted|would like|d like|plan|am planning|are planning|m planning|re planning|hope) to"
    r"|(?:asked|asks|asking) (?:us|me) to|(?:can|could|may) (?:i|we)\b)"
)


# "When I'm emailing a family, must it be...?": the leading clause sets the scene; the question follows the comma.
_LEADING_CLAUSE = re.compile(r"^\s*(?:when|if|once|after|before|since|as soon as|while|whilst)\b[^,]*,\s*")


def _question_part(text: str) -> str:
    """The last question in the text: from the last sentence end before the last "?" (else the whole text)."""
    # The last match of [^.?!]*\? found with rfind: a regex findall is quadratic on a long text without "?".
    end = text.rfind("?")
    if end < 0:
        part = text
    else:
        start = max(text.rfind(".", 0, end), text.rfind("?", 0, end), text.rfind("!", 0, end)) + 1
        part = text[start : end + 1]
    return _LEADING_CLAUSE.sub("", part.strip().lower())


def verdict(stance: str, question: str) -> str:
    """Return yes / no / conditional / info / report for a clause stance and the question asked."""
    if stance == "report":
        return "report"
    if stance == "information":
        return "info"
    asked = _question_part(question)
    if _WH.search(asked) and not _ACTION.search(asked):
        if stance in ("allowed_if", "advised") and asked.startswith("what") and _WANTS_TO.search(question.lower()):
            return "conditional"  # "We want to link to a charity. What does the policy say about links?"
        return "info"
    if stance == "must_not":
        return "no"
    if stance == "allowed_if" and _CONDITION_MISSED.search(question.lower()):
        return "no"
    if stance in ("allowed_if", "advised"):
        return "conditional"
    # stance == "must": asking to do something else is "no"; asking what is required is "yes"/"conditional".
    if _ANYTHING_ELSE.search(asked):
        return "conditional"
    if _PERMISSION.search(asked):
        return "no"
    return "yes"
