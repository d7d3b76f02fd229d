"""A headline in the words of the question asked. "No — …" answers "can I…?", but to "is that a problem?",
"am I in trouble?", "does that matter?" or "is that against the policy?" a reader takes "No" as "no problem": there the same verdict
opens "Not OK — …", and "Yes — …" opens "OK — …". `model.says` reads both as the verdict they are, so the
headline and the stance an answer declares still agree."""
from __future__ import annotations

import re

from .stance import question_part

# Asked whether something done, or about to be, is wrong: the answer's "No" would read as "no problem".
_ASKS_IF_WRONG = re.compile(
    r"\b(?:is|was|would|will) (?:that|this|it|there) (?:be )?(?:a |an |any )?(?:problem|issue|wrong|breach)\b"
    r"|\b(?:is|was|would|will) (?:that|this|it) (?:be )?(?:against|breaking|in breach of) (?:the |our |this )?(?:policy|rules?)\b"
    r"|\b(?:am i|are we|is (?:she|he)) in (?:trouble|breach)\b|\b(?:will|could|would|might) (?:i|we|she|he) (?:get|be) in (?:trouble|bother)\b"
    r"|\b(?:have|did|has) (?:i|we|she|he) (?:just )?(?:broken|break|breached|breach|done (?:something|anything) wrong|do (?:something|anything) wrong)\b"
    r"|\b(?:does|would|will|do) (?:that|this|it|they) (?:even )?matter\b|\bany (?:problem|issue)s?\b|\b(?:problem|issue)\s*[?!.]*\s*$")


def for_question(headline: str, question: str) -> str:
    """The headline as it answers this question: "Not OK — …" for "No — …", "OK — …" for "Yes — …",
    when the question asks whether something is wrong; otherwise as it is."""
    if not _ASKS_IF_WRONG.search(question_part(question)):  # lower case, straight apostrophes (relevance.normalise)
        return headline
    if headline.startswith("No — "):
        return "Not OK — " + headline[len("No — "):]
    if headline.startswith("Yes — "):
        return "OK — " + headline[len("Yes — "):]
    return headline
