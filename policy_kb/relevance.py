"""Relevance before retrieval: may a clause answer this question at all?

Each clause says what it governs (`governs`, in words) and which concepts a question must touch
for it to apply (`requires`: groups of concepts from concepts.yaml, or "/regex" alternatives; a
question must match at least one alternative in every group; a group that begins with `essential`
must match even when the second opinion vouches for the clause). A clause whose requirements a
question does not meet never answers it, however many of its words the question shares: "do
pupils need permission to bring phones on the residential" touches a phone and permission, not a
member of staff's own phone used to contact families. Plain Python over data; no I/O after loading.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import yaml

from .model import KnowledgeBaseError

CONCEPTS_FILE = Path(__file__).resolve().parent / "concepts.yaml"
# The concepts that keep every clause out (a question about AI tools, a data breach, another policy,
# how to get more likes, a letter sent by post, pupils' own email accounts, what families film and post themselves,
# what happens to staff for a post that says nothing of what it is about).
VETOES = ("not_this_policy", "marketing", "it_access", "by_mail", "pupils_own_email", "families_filming", "consequence_only")
ESSENTIAL = "essential"  # a `requires` group that begins with this must match, whoever vouches for the clause


@dataclass(frozen=True)
class Requirement:
    """All groups must match; a group matches when any of its alternatives does. A group of one
    "!concept" matches when the concept does not. The `essential` groups (also among `groups`) name
    what the clause is about at all: the photo rules need a photo and children in it."""

    groups: tuple[tuple[re.Pattern, ...], ...]
    absent: tuple[re.Pattern, ...] = ()
    essential: tuple[tuple[re.Pattern, ...], ...] = ()

    def met(self, said: str) -> bool:
        return all(any(found(p, said) for p in group) for group in self.groups) and not self.ruled_out(said)

    def ruled_out(self, said: str) -> bool:
        """A veto or a "!concept" matches, or an essential group does not: the clause must not answer,
        whoever vouches for it."""
        return any(found(p, said) for p in self.absent) or not all(
            any(found(p, said) for p in group) for group in self.essential)


@lru_cache(maxsize=4096)
def found(pattern: re.Pattern, said: str) -> bool:
    """Whether the concept is in the question, remembered: every clause's requirement reads the same
    few concepts (the vetoes, a child, a photo) in the same question."""
    return pattern.search(said) is not None


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, brackets and double quotes as spaces, single spaces: the form
    concepts are matched in ("my HoD (not on SLT) has ok'd it" reads on across the brackets)."""
    said = (text or "").lower().replace("’", "'").replace("‘", "'").replace("‐", "-").replace("‑", "-")
    return " ".join(said.translate(_SPACED).split())


_SPACED = str.maketrans({c: " " for c in "()[]{}\"“”"})


def load_concepts(path: Path = CONCEPTS_FILE) -> dict[str, re.Pattern]:
    """concepts.yaml: name -> one compiled pattern (its phrases matched on word boundaries)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read concepts: {exc}") from exc
    if not isinstance(data, dict) or not data:
        raise KnowledgeBaseError(f"{path}: must map concept names to lists of patterns")
    concepts = {}
    for name, phrases in data.items():
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise KnowledgeBaseError(f"{path}: {name}: must be a list of patterns")
        concepts[name] = compile_phrases(phrases, f"{path}: {name}")
    return concepts


def requirement(raw: Any, concepts: Mapping[str, re.Pattern], where: str) -> Requirement:
    """A clause's `requires`: a non-empty list of groups, each a non-empty list of concept names
    or "/regex" alternatives."""
    if not isinstance(raw, list) or not raw:
        raise KnowledgeBaseError(f"{where}: 'requires' must be a non-empty list of groups")
    groups, absent, essential = [], [concepts[name] for name in VETOES if name in concepts], []
    for group in raw:
        if not isinstance(group, list) or not group:
            raise KnowledgeBaseError(f"{where}: each 'requires' group must be a non-empty list")
        needed = group[0] == ESSENTIAL
        group = group[1:] if needed else group
        if not group:
            raise KnowledgeBaseError(f"{where}: an '{ESSENTIAL}' group needs concepts after it")
        if len(group) == 1 and isinstance(group[0], str) and group[0].startswith("!"):
            if group[0][1:] not in concepts:
                raise KnowledgeBaseError(f"{where}: unknown concept {group[0][1:]!r} (see {CONCEPTS_FILE.name})")
            absent.append(concepts[group[0][1:]])
            continue
        alternatives = []
        for item in group:
            if not isinstance(item, str):
                raise KnowledgeBaseError(f"{where}: 'requires' items must be strings")
            if item.startswith("/"):
                alternatives.append(compile_phrases([item[1:]], where))
            elif item in concepts:
                alternatives.append(concepts[item])
            else:
                raise KnowledgeBaseError(f"{where}: unknown concept {item!r} (see {CONCEPTS_FILE.name})")
        groups.append(tuple(alternatives))
        if needed:
            essential.append(tuple(alternatives))
    return Requirement(tuple(groups), tuple(absent), tuple(essential))


def compile_phrases(phrases: list[str], where: str) -> re.Pattern:
    """One pattern matching any of the phrases, each on a word boundary."""
    try:
        return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in phrases) + r")")
    except re.error as exc:
        raise KnowledgeBaseError(f"{where}: bad pattern: {exc}") from exc
