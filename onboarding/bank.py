"""Load and validate the quiz question bank (policy_kb/quiz/*.yaml) against the knowledge base."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml

from policy_kb import KnowledgeBase, KnowledgeBaseError

DEFAULT_DIRECTORY = Path(__file__).resolve().parents[1] / "policy_kb" / "quiz"
KINDS = ("single", "true_false", "multi", "scenario")
KIND_NAMES = {"single": "Single choice", "true_false": "True or false",
              "multi": "Select all that apply", "scenario": "Scenario"}
_QUESTION_KEYS = {"id", "type", "clause", "prompt", "options"}
_OPTION_KEYS = {"text", "correct", "clause", "explanation"}


class QuizBankError(KnowledgeBaseError):
    """The question bank is missing or invalid; the message names file, question and problem."""


@dataclass(frozen=True)
class QuizOption:
    id: str  # o1, o2, ... in file order
    text: str
    correct: bool
    clauses: tuple[str, ...]
    explanation: str


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    clause: str  # the clause the question tests
    section: str  # that clause's section
    prompt: str
    options: tuple[QuizOption, ...]
    source_file: str = ""

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)

    def option(self, option_id: str) -> QuizOption:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)


@dataclass(frozen=True)
class QuestionBank:
    questions: tuple[Question, ...]
    sections: tuple[str, ...]  # in policy order
    by_id: Mapping[str, Question]

    def in_section(self, section: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.section == section)


def load_bank(kb: KnowledgeBase, directory: Path | None = None) -> QuestionBank:
    """Read every *.yaml under the bank directory and check it against the knowledge base."""
    root = Path(directory) if directory is not None else DEFAULT_DIRECTORY
    files = sorted(root.glob("*.yaml"))
    if not files:
        raise QuizBankError(f"{root}: no question files (*.yaml) found")
    questions: list[Question] = []
    first_seen: dict[str, str] = {}
    for path in files:
        for question in _load_file(path, kb):
            if question.id in first_seen:
                raise QuizBankError(f"{path}: question {question.id!r}: duplicate id "
                                    f"(first defined in {first_seen[question.id]})")
            first_seen[question.id] = path.name
            questions.append(question)
    sections = tuple(dict.fromkeys(c.section for c in kb.clauses))
    covered = {q.section for q in questions}
    missing = [s for s in sections if s not in covered]
    if missing:
        raise QuizBankError(f"{root}: no question covers section(s) {missing}")
    return QuestionBank(tuple(questions), sections, MappingProxyType({q.id: q for q in questions}))


def _load_file(path: Path, kb: KnowledgeBase) -> list[Question]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise QuizBankError(f"{path}: not valid YAML: {exc}") from exc
    entries = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise QuizBankError(f"{path}: missing top-level 'questions' list")
    return [_question(path, index, entry, kb) for index, entry in enumerate(entries)]


def _question(path: Path, index: int, entry: Any, kb: KnowledgeBase) -> Question:
    where = f"{path}: question #{index}"
    if not isinstance(entry, dict):
        raise QuizBankError(f"{where}: entry must be a mapping")
    if isinstance(entry.get("id"), str) and entry["id"].strip():
        where = f"{path}: question {entry['id']!r}"
    unknown = set(entry) - _QUESTION_KEYS
    if unknown:
        raise QuizBankError(f"{where}: unknown field(s) {sorted(unknown)}")
    for key in ("id", "type", "clause", "prompt"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise QuizBankError(f"{where}: '{key}' must be a non-empty string")
    kind = entry["type"]
    if kind not in KINDS:
        raise QuizBankError(f"{where}: type {kind!r} is not one of {list(KINDS)}")
    if entry["clause"] not in kb.by_id:
        raise QuizBankError(f"{where}: clause {entry['clause']!r} does not exist in the knowledge base")
    raw_options = entry.get("options")
    if not isinstance(raw_options, list) or len(raw_options) < 2:
        raise QuizBankError(f"{where}: 'options' must be a list of at least two options")
    options = tuple(_option(where, i, raw, kb) for i, raw in enumerate(raw_options))
    _check_answers(where, kind, options)
    return Question(entry["id"].strip(), kind, entry["clause"], kb.by_id[entry["clause"]].section,
                    " ".join(entry["prompt"].split()), options, path.name)


def _option(where: str, index: int, raw: Any, kb: KnowledgeBase) -> QuizOption:
    at = f"{where}: option {index + 1}"
    if not isinstance(raw, dict):
        raise QuizBankError(f"{at}: must be a mapping with text, correct, clause and explanation")
    unknown = set(raw) - _OPTION_KEYS
    if unknown:
        raise QuizBankError(f"{at}: unknown field(s) {sorted(unknown)}")
    for key in ("text", "explanation"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise QuizBankError(f"{at}: '{key}' must be a non-empty string")
    if not isinstance(raw.get("correct"), bool):
        raise QuizBankError(f"{at}: 'correct' must be true or false")
    clauses = raw.get("clause")
    clauses = [clauses] if isinstance(clauses, str) else clauses
    if not isinstance(clauses, list) or not clauses or not all(isinstance(c, str) for c in clauses):
        raise QuizBankError(f"{at}: 'clause' must be a clause id or a list of them")
    for clause in clauses:
        if clause not in kb.by_id:
            raise QuizBankError(f"{at}: clause {clause!r} does not exist in the knowledge base")
    return QuizOption(f"o{index + 1}", " ".join(raw["text"].split()), raw["correct"], tuple(clauses),
                      " ".join(raw["explanation"].split()))


def _check_answers(where: str, kind: str, options: tuple[QuizOption, ...]) -> None:
    correct = sum(o.correct for o in options)
    texts = [o.text.lower() for o in options]
    if len(set(texts)) != len(texts):
        raise QuizBankError(f"{where}: two options have the same text")
    if kind == "true_false" and [o.text for o in options] != ["True", "False"]:
        raise QuizBankError(f"{where}: a true_false question has exactly two options, 'True' then 'False'")
    if kind == "multi":
        if correct == 0:
            raise QuizBankError(f"{where}: a multi question needs at least one correct option")
        if correct == len(options):
            raise QuizBankError(f"{where}: a multi question needs at least one wrong option")
    elif correct != 1:
        raise QuizBankError(f"{where}: a {kind} question needs exactly one correct option, found {correct}")


def bank_for_version(bank: QuestionBank, kb: KnowledgeBase, retired: frozenset[str] = frozenset()) -> QuestionBank:
    """The bank for a later version of the policy (published in the console): the questions it has
    not retired, each still resting only on clauses the version has."""
    def fits(question: Question) -> bool:
        return question.id not in retired and all(c in kb.by_id for c in (question.clause, *(
            c for option in question.options for c in option.clauses)))

    questions = tuple(q for q in bank.questions if fits(q))
    return QuestionBank(questions, tuple(dict.fromkeys(c.section for c in kb.clauses)),
                        MappingProxyType({q.id: q for q in questions}))
