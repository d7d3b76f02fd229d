"""What the bot answers from, built from the database's snapshot: each policy's live version with
the review queue's decisions applied. Pure and CPU-bound: instances run `build` in a thread.

- A question linked to a clause becomes one of its example questions, and that exact question
  (case, spacing and punctuation aside) is answered with the clause from then on.
- "Not covered" adds the question to the clause's not_about (it will not answer it), or, when no
  clause answered it, to the policy's own list of questions it does not cover.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Callable, Mapping

from policy_kb.bundle import PRIMARY, amended, clause_entries, knowledge_base_from_bundle, read_bundle
from policy_kb.model import KnowledgeBase
from policy_kb.relevance import normalise
from policy_kb.search.lexicon import Lexicon, expand, load_lexicon, raw_tokens

from .library import Decision, Snapshot

_PUNCTUATION = re.compile(r"[^\w' ]+")


def question_key(text: str) -> str:
    """The form two questions are compared in: lower case, no punctuation, single spaces."""
    return " ".join(_PUNCTUATION.sub(" ", normalise(text)).split())


@dataclass(frozen=True)
class Live:
    policy: str
    kb: KnowledgeBase
    bundle: Mapping | None = None  # the published version (None: the shipped YAML)
    linked: Mapping[str, str] = field(default_factory=dict)  # question key -> clause id
    not_about: Mapping[str, frozenset[str]] = field(default_factory=dict)  # clause id -> question keys
    not_covered: frozenset[str] = frozenset()  # question keys the policy does not cover
    retired_questions: frozenset[str] = frozenset()

    def refuses(self, question: str, clause_id: str | None) -> bool:
        """Whether the question was marked not covered (by this clause, or by the policy)."""
        key = question_key(question)
        return key in self.not_covered or (clause_id is not None and key in self.not_about.get(clause_id, ()))


@dataclass(frozen=True)
class LiveSet:
    generation: int
    policies: tuple[Live, ...]  # the first policy first

    @property
    def primary(self) -> Live:
        return self.policies[0]

    def policy(self, policy_id: str) -> Live | None:
        return next((p for p in self.policies if p.policy == policy_id), None)

    def holding(self, clause_id: str) -> Live | None:
        """The policy a clause belongs to."""
        return next((p for p in self.policies if clause_id in p.kb.by_id), None)


@lru_cache(maxsize=1)
def shipped_bundle() -> dict:
    return read_bundle()


def build(snapshot: Snapshot, shipped: KnowledgeBase, base: Callable[[], dict] = shipped_bundle) -> LiveSet:
    """Every policy's live knowledge base; raises KnowledgeBaseError if a stored version does not load.
    A decision about a clause goes to the policy that clause belongs to (a question asked of the
    first policy may be linked to another's clause); one without a clause stays with its queue's."""
    ids = [PRIMARY, *sorted(p for p in snapshot.bundles if p != PRIMARY)]
    owner = {clause_id: PRIMARY for clause_id in shipped.by_id}
    for policy in ids:
        bundle = snapshot.bundles.get(policy)
        owner.update({entry["id"]: policy for _, entry in clause_entries(bundle)} if bundle else {})
    lives = []
    for policy in ids:
        mine = [d for d in snapshot.decisions if owner.get(d.clause_id or "", d.policy) == policy]
        lives.append(_live(policy, snapshot.bundles.get(policy), mine, shipped, base))
    return LiveSet(snapshot.generation, tuple(lives))


def _live(policy: str, bundle: Mapping | None, mine: list[Decision], shipped: KnowledgeBase,
          base: Callable[[], dict]) -> Live:
    examples: dict[str, list[str]] = {}
    not_about: dict[str, list[str]] = {}
    linked, not_covered = {}, set()
    for decision in mine:
        if decision.kind == "link" and decision.clause_id:
            examples.setdefault(decision.clause_id, []).append(decision.question)
            linked[question_key(decision.question)] = decision.clause_id
        elif decision.kind == "not_covered" and decision.clause_id:
            not_about.setdefault(decision.clause_id, []).append(decision.question)
        elif decision.kind == "not_covered":
            not_covered.add(question_key(decision.question))
    if bundle is None and not examples and not not_about:
        kb = shipped
    else:
        kb = knowledge_base_from_bundle(amended(bundle or base(), examples, not_about))
    return Live(policy, kb, bundle,
                MappingProxyType({k: c for k, c in linked.items() if c in kb.by_id}),
                MappingProxyType({c: frozenset(map(question_key, qs)) for c, qs in not_about.items()}),
                frozenset(not_covered), frozenset((bundle or {}).get("retired_questions", ())))


@lru_cache(maxsize=1)
def _base_lexicon() -> Lexicon:
    return load_lexicon()


def lexicon_for(kb: KnowledgeBase) -> Lexicon:
    """Another policy's lexicon: the same synonyms, with that policy's own subject words (its clauses'
    keywords) as what makes a question on topic."""
    base = _base_lexicon()
    anchors = {term for clause in kb.clauses for keyword in clause.keywords
               for term in expand(raw_tokens(keyword, base), base)}
    return dataclasses.replace(base, anchors=frozenset(anchors), weak_anchors=frozenset())

