"""A headline in the words of the question asked. "No — …" answers "can I…?", but to "is that a problem?",
"am I in trouble?", "does that matter?" or "is that against the policy?" a reader takes "No" as "no problem": there the same verdict
opens "Not OK — …", and "Yes — …" opens "OK — …". To "do I have to unfriend her?" or "should I leave the group?" a
"No" reads as "no need": there it opens "Not OK to stay connected — …" (and to "should I take it down?", "Not OK to
keep it up — …"). `model.says` reads each as the verdict it is, so the headline and the stance an answer declares
still agree."""
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


# Asked whether to undo it: a connection ("do I really have to unfriend her?", "should I leave the group?") or a post
# ("should I take it down?"); not "should I leave a comment?"
_ASKS_TO_UNDO = re.compile(
    r"\b(?:(?:do|should|must|shall) (?:i|we)|(?:have|need|got) to)\b(?: \w+){0,3}? "
    r"(?:(?P<contact>unfriend|unfollow|block|leave(?! (?:a|an|some|my|comments?|replies|it (?:up|on|there)|the comment)\b)"
    r"|(?:remove|delete) (?:her|him|them|myself))|(?P<post>delete|remove|take down|take (?:it|that|this|them|the \w+) down))\b")


def for_question(headline: str, question: str) -> str:
    """The headline as it answers this question: "Not OK — …" for "No — …", "OK — …" for "Yes — …",
    when the question asks whether something is wrong; "Not OK to stay connected — …" or "Not OK to keep it up
    — …" for "No — …" when it asks whether to undo it; otherwise as it is."""
    asked = question_part(question)  # lower case, straight apostrophes (relevance.normalise)
    undo = _ASKS_TO_UNDO.search(asked)
    if undo and headline.startswith("No — "):
        kept = "stay connected" if undo.group("contact") else "keep it up"
        return f"Not OK to {kept} — " + headline[len("No — "):]
    if not _ASKS_IF_WRONG.search(asked):
        return headline
    if headline.startswith("No — "):
        return "Not OK — " + headline[len("No — "):]
    if headline.startswith("Yes — "):
        return "OK — " + headline[len("Yes — "):]
    return headline
