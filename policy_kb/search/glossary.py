"""Answer "what does X stand for / who is X" from the glossary."""
from __future__ import annotations

import re

from ..model import GlossaryEntry, KnowledgeBase
from .lexicon import clean

_FRAME = re.compile(
    r"^\s*(?:what|whats|who|whos)(?:\s+is|\s+are|'s|\s+s)?\s+(?:(?:does|do|is|are)\s+)?(?:(?:the|a|an|our|my)\s+)?(?P<a>.+?)"
    r"\s*(?:stand for|mean|means|short for)?\s*\??\s*$"
    r"|^\s*(?:define|meaning of|definition of)\s+(?:the\s+)?(?P<b>.+?)\s*\??\s*$"
)


def define(kb: KnowledgeBase, text: str) -> GlossaryEntry | None:
    """Return the glossary entry a definition question asks about, if the whole subject is a known term."""
    match = _FRAME.match(clean(text).replace("-", " "))
    if not match:
        return None
    subject = (match.group("a") or match.group("b") or "").strip(" ?.!'\"")
    subject = re.sub(r"^(?:the|a|an)\s+", "", subject)
    for entry in kb.glossary:
        names = {clean(name).replace("-", " ") for name in (entry.term, *entry.aliases)}
        names |= {re.sub(r"^the\s+", "", name) for name in names}
        if subject in names:
            return entry
    return None
