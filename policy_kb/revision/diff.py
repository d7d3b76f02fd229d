"""Compare two texts of a policy sentence by sentence: unchanged, reworded, new, removed.

Sentences are the loader's (`text.split_sentences`, headings left out). Sentences that are equal
are matched first (difflib); within a stretch that changed, an old sentence is paired in order
with the first new one that keeps most of its words (reworded), and what is left over is removed
or new. A clause's quote is carried to the new text word by word (`carry_over`), so a reworded
clause is offered its new verbatim wording.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Sequence

from ..text import collapse, split_sentences

UNCHANGED, REWORDED, NEW, REMOVED = "unchanged", "reworded", "new", "removed"
REWORDED_AT = 0.5  # share of words two sentences keep in common to count as one sentence reworded


@dataclass(frozen=True)
class Change:
    kind: str
    old: str = ""  # the sentence in the live version ("" when new)
    new: str = ""  # the sentence in the new text ("" when removed)


def similarity(a: str, b: str) -> float:
    """How much of their wording two sentences share (0..1, by words)."""
    return SequenceMatcher(None, a.lower().split(), b.lower().split(), autojunk=False).ratio()


def sentence_diff(old_text: str, new_text: str, old_headings: Sequence[str] = (),
                  new_headings: Sequence[str] = ()) -> tuple[Change, ...]:
    """Every sentence of both texts, in order, with what happened to it."""
    old, new = split_sentences(old_text, tuple(old_headings)), split_sentences(new_text, tuple(new_headings))
    return tuple(Change(kind, old[i] if i is not None else "", new[j] if j is not None else "")
                 for kind, i, j in _aligned(old, new))


def _aligned(old: Sequence[str], new: Sequence[str]) -> list[tuple[str, int | None, int | None]]:
    """(kind, old index, new index) for every sentence of both lists, in order."""
    result: list[tuple[str, int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            result += [(UNCHANGED, i, j) for i, j in zip(range(i1, i2), range(j1, j2))]
            continue
        start = j1  # a changed stretch: pair each old sentence, in order, with its best later match
        for i in range(i1, i2):
            best = max(((similarity(old[i], new[j]), j) for j in range(start, j2)), default=(0.0, -1))
            if best[0] < REWORDED_AT:
                result.append((REMOVED, i, None))
                continue
            result += [(NEW, None, j) for j in range(start, best[1])]
            result.append((REWORDED, i, best[1]))
            start = best[1] + 1
        result += [(NEW, None, j) for j in range(start, j2)]
    return result


def _spans(flat: str, sentences: Sequence[str]) -> list[tuple[int, int]]:
    """Where each sentence stands in the collapsed text (in order; headings were taken out of them)."""
    spans, cursor = [], 0
    for sentence in sentences:
        at = flat.find(sentence, cursor)
        if at < 0:
            at = flat.find(sentence)
        spans.append((at, at + len(sentence)) if at >= 0 else (cursor, cursor))
        cursor = max(cursor, at + len(sentence)) if at >= 0 else cursor
    return spans


def carry_over(old_text: str, new_text: str, quote: str, old_headings: Sequence[str] = (),
               new_headings: Sequence[str] = ()) -> str:
    """The words of the new text that stand where `quote` stood in the old one ("" when they are
    gone). The result is always verbatim in the new text (whitespace collapsed)."""
    old_flat, new_flat, quote = collapse(old_text), collapse(new_text), collapse(quote)
    at = old_flat.find(quote)
    if at < 0 or not quote:
        return ""
    if quote in new_flat:
        return quote
    old, new = split_sentences(old_text, tuple(old_headings)), split_sentences(new_text, tuple(new_headings))
    old_spans, new_spans = _spans(old_flat, old), _spans(new_flat, new)
    counterpart = {i: j for kind, i, j in _aligned(old, new) if i is not None and j is not None}
    touched = [i for i, (a, b) in enumerate(old_spans) if a < at + len(quote) and b > at]
    kept = [i for i in touched if i in counterpart]
    if not kept:
        return ""
    first, last = kept[0], kept[-1]
    begin = new_spans[counterpart[first]][0]
    if first == touched[0] and at > old_spans[first][0]:  # the quote starts inside this sentence
        begin += _map_offset(old[first], new[counterpart[first]], at - old_spans[first][0])
    end = new_spans[counterpart[last]][1]
    quote_end = at + len(quote)
    if last == touched[-1] and quote_end < old_spans[last][1]:  # it ends inside this sentence
        end = new_spans[counterpart[last]][0] + _map_offset(old[last], new[counterpart[last]],
                                                             quote_end - old_spans[last][0])
    return new_flat[begin:end].strip() if end > begin else ""


def _map_offset(old_sentence: str, new_sentence: str, offset: int) -> int:
    """Where a character offset (at a word boundary) of an old sentence falls in its new wording."""
    old_words, new_words = old_sentence.split(), new_sentence.split()
    index = len(old_sentence[:offset].split())
    target = len(new_words)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes():
        if i1 <= index < i2 or (index == i2 and tag == "delete"):
            target = j1 + (index - i1 if tag == "equal" else round((index - i1) / max(i2 - i1, 1) * (j2 - j1)))
            break
    return len(" ".join(new_words[:target])) + (1 if 0 < target < len(new_words) else 0)


def word_marks(old: str, new: str) -> tuple[list[tuple[bool, str]], list[tuple[bool, str]]]:
    """Both sentences as (changed, words) runs, to show what a rewording changed."""
    a, b = old.split(), new.split()
    left: list[tuple[bool, str]] = []
    right: list[tuple[bool, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if i2 > i1:
            left.append((tag != "equal", " ".join(a[i1:i2])))
        if j2 > j1:
            right.append((tag != "equal", " ".join(b[j1:j2])))
    return left, right
