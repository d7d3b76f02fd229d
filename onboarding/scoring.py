"""Mark answers and score an attempt against the pass mark."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .bank import Question, QuestionBank


@dataclass(frozen=True)
class Marked:
    question_id: str
    chosen: frozenset[str]
    correct: bool


@dataclass(frozen=True)
class Result:
    marked: tuple[Marked, ...]
    pass_mark: int  # percent

    @property
    def total(self) -> int:
        return len(self.marked)

    @property
    def score(self) -> int:
        return sum(m.correct for m in self.marked)

    @property
    def percent(self) -> int:
        """Rounded down, so a fail never shows as the pass mark."""
        return self.score * 100 // self.total if self.total else 0

    @property
    def passed(self) -> bool:
        return self.total > 0 and self.score * 100 >= self.pass_mark * self.total

    @property
    def missed(self) -> tuple[Marked, ...]:
        return tuple(m for m in self.marked if not m.correct)


def is_correct(question: Question, chosen: Iterable[str]) -> bool:
    """Right only when exactly the correct set is chosen (one option, or all of a multi set)."""
    return frozenset(chosen) == question.correct_ids


def mark(question: Question, chosen: Iterable[str]) -> Marked:
    chosen = frozenset(chosen)
    unknown = chosen - {o.id for o in question.options}
    if unknown:
        raise ValueError(f"question {question.id!r} has no option(s) {sorted(unknown)}")
    return Marked(question.id, chosen, is_correct(question, chosen))


def score(bank: QuestionBank, answers: Iterable[tuple[str, Iterable[str]]], pass_mark: int) -> Result:
    """The result of an attempt from (question id, chosen option ids) pairs."""
    return Result(tuple(mark(bank.by_id[qid], chosen) for qid, chosen in answers), pass_mark)
