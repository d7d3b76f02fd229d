"""Text normalisation shared by the loader, the coverage check and the reading of questions."""
from __future__ import annotations

import re

_BULLETS = re.compile(r"[•●▪◦]")
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.:;])\s+(?=[A-Z‘'“])")


def collapse(text: str) -> str:
    """Remove bullets and collapse whitespace runs to one space."""
    return _SPACE.sub(" ", _BULLETS.sub(" ", text)).strip()


def split_sentences(text: str, headings: tuple[str, ...] = ()) -> list[str]:
    """Split collapsed policy text into sentences, dropping heading lines."""
    flat = collapse(text)
    for heading in sorted(headings, key=len, reverse=True):
        flat = re.sub(rf"(?<![\w]){re.escape(heading)}(?![\w])", " ", flat)
    flat = collapse(flat)
    return [part.strip() for part in _SENTENCE_END.split(flat) if part.strip()]


def last_question(text: str) -> str:
    """The last question in a message: from the last sentence end before its last "?" to that "?" (else the
    whole text). Found with rfind: a regex findall is quadratic on a long text without "?"."""
    end = text.rfind("?")
    if end < 0:
        return text
    start = max(text.rfind(".", 0, end), text.rfind("?", 0, end), text.rfind("!", 0, end)) + 1
    return text[start:end + 1]
