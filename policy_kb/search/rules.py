"""Fact-dependent rulings: where the answer turns on who the other person is, or their age."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from ..model import Clause, KnowledgeBase
from .clarify import ask_age, ask_student_status
from .reply import Clarification

FRIEND_RULE = "personal.no_friend_students"
PARENT_RULE = "personal.no_contact_parents_children"
ADVICE_STILL_APPLIES = (
    "personal.privacy_settings",
    "personal.avoid_specific_matters",
    "personal.consider_reputation",
)


@dataclass(frozen=True)
class Ruling:
    clause_id: str
    stance: str
    headline: str
    note: str | None = None
    also: tuple[str, ...] = ()
    clarification: Clarification | None = None


def settles(clause_id: str, facts: Mapping[str, Any]) -> bool:
    """True when the known facts decide a fact-governed clause, so no choice between clauses is needed."""
    relation = facts.get("relation")
    return clause_id in (FRIEND_RULE, PARENT_RULE) and relation in ("parent", "colleague", "current_student", "ex_student")


def rule(kb: KnowledgeBase, clause_id: str, facts: Mapping[str, Any]) -> Ruling:
    """Return the ruling for the governing clause given the facts known so far."""
    relation = facts.get("relation")
    if clause_id == FRIEND_RULE and relation == "parent":
        clause_id = PARENT_RULE
    if clause_id in (FRIEND_RULE, PARENT_RULE) and relation == "colleague":
        return _colleague(kb)
    clause = kb.by_id[clause_id]
    if clause_id == FRIEND_RULE:
        return _friend_rule(clause, facts)
    if clause_id == PARENT_RULE and relation == "parent":
        return _plain(clause, note=_PARENT_NOTE)
    return _plain(clause)


_PARENT_NOTE = (
    "Being friends, neighbours or family outside school makes no difference: the rule applies to every "
    "parent/carer from the trust’s communities while you work for the trust."
)


def _colleague(kb: KnowledgeBase) -> Ruling:
    clause = kb.by_id["personal.avoid_specific_matters"]
    note = (
        "The policy has no rule against connecting with colleagues. The advice on posts about specific school "
        "matters, the trust’s reputation and privacy settings still applies — and if the colleague is also a "
        "parent/carer of a child at the trust, the no-contact rule for parents/carers applies."
    )
    return Ruling(
        clause.id,
        clause.stance,
        "The policy doesn’t forbid connecting with colleagues — the advice still applies",
        note,
        ("personal.consider_reputation", "personal.privacy_settings"),
    )


def _plain(clause: Clause, note: str | None = None) -> Ruling:
    return Ruling(clause.id, clause.stance, clause.headline, note)


def _friend_rule(clause: Clause, facts: Mapping[str, Any]) -> Ruling:
    relation = facts.get("relation")
    age = facts.get("age")
    under_18 = facts.get("under_18")
    if relation in ("current_student", "students_generic"):
        if relation == "students_generic":
            note = "Taking this to mean current students: the rule covers current students of any age."
        elif age is not None and age >= 18:
            note = f"You said they are {age}, but they are a current student: the rule covers current students of any age, sixth formers included."
        else:
            note = "They are a current student: the rule covers current students of any age."
        return Ruling(clause.id, "must_not", "No — not a current student, whatever their age", note)
    if relation == "ex_student":
        if under_18 is None:
            return Ruling(clause.id, clause.stance, clause.headline, clarification=ask_age(clause.id))
        if under_18:
            said = f"You said they are {age}: under 18" if age is not None else "They are under 18"
            return Ruling(clause.id, "must_not", "No — not an ex-student under 18", f"{said}, so the rule applies.")
        said = f"You said they are {age}" if age is not None else "They are 18 or over"
        note = (
            f"{said} and have left the trust, so this rule does not forbid it. The advice on privacy, "
            "posts about school matters and the trust’s reputation still applies — and if they are also "
            "a parent/carer of a child at the trust, you must not connect."
        )
        return Ruling(
            clause.id,
            "allowed_if",
            "The policy doesn’t forbid it (ex-student aged 18+) — but take care",
            note,
            ADVICE_STILL_APPLIES,
        )
    if relation == "student_unspecified":
        return Ruling(clause.id, clause.stance, clause.headline, clarification=ask_student_status(clause.id))
    # Nobody in particular was named: state the rule as written.
    return _plain(clause)
