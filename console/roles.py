"""Who may do what in the console, from the identity the channel gave (never from what anyone types).

- policy owner: POLICY_OWNERS (emails or AAD object ids): new versions, other policies, the review
  queue, the audit log, and every chart but the concerns;
- Q&A reviewer: QA_ADMINS: the review queue, and the questions and feedback charts;
- quiz admin: QUIZ_ADMINS, per school: quiz completion and questions, for those schools;
- the DSL, deputies and headteacher of a school (contacts file): that school's charts, concerns
  included; the trust safeguarding lead and the executive headteacher: every school's.
Anyone else has no role, and the console shows them nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from onboarding.admins import ALL, AdminScope, scope_for
from safeguarding.contacts import Contact, Directory

UNKNOWN_SCHOOL = "(school not known)"


@dataclass(frozen=True)
class Identity:
    user_key: str
    email: str = ""
    aad_object_id: str = ""
    name: str = ""

    @property
    def actor(self) -> str:
        """How the audit log names the person (their email where the channel gave one)."""
        return self.email or self.aad_object_id or self.user_key


@dataclass(frozen=True)
class Roles:
    names: tuple[str, ...] = ()
    owner: bool = False
    reviewer: bool = False
    quiz: frozenset[str] = frozenset()  # schools (names), or {"*"}
    safeguarding: frozenset[str] = frozenset()  # schools (names), or {"*"}

    @property
    def any(self) -> bool:
        return bool(self.names)

    @property
    def quiz_scope(self) -> frozenset[str]:
        """Whose quiz completion this person may see: owners every school's, leaders their schools'."""
        return frozenset({ALL}) if self.owner else self.quiz | self.safeguarding

    @property
    def question_scope(self) -> frozenset[str]:
        """Whose questions this person may count: owners and reviewers every school's."""
        return frozenset({ALL}) if self.owner or self.reviewer else self.quiz | self.safeguarding

    @staticmethod
    def covers(scope: frozenset[str], school: str | None) -> bool:
        """Whether a scope takes in a school (a figure with no school only in an every-school scope)."""
        if ALL in scope:
            return True
        return school is not None and school.lower() in {s.lower() for s in scope}

    @property
    def sees_feedback(self) -> bool:
        """Trust-wide figures with no school in them: owners, reviewers, and leaders of every school."""
        return self.owner or self.reviewer or ALL in self.quiz or ALL in self.safeguarding


@dataclass(frozen=True)
class RoleBook:
    owners: frozenset[str]
    reviewers: frozenset[str]
    quiz_admins: Mapping[str, AdminScope]
    directory: Directory | None = None

    def roles(self, who: Identity) -> Roles:
        ids = {i.lower() for i in (who.email, who.aad_object_id) if i}
        names: list[str] = []
        owner, reviewer = bool(ids & self.owners), bool(ids & self.reviewers)
        if owner:
            names.append("Policy owner")
        if reviewer:
            names.append("Q&A reviewer")
        quiz = scope_for(self.quiz_admins, who.email, who.aad_object_id)
        if quiz is not None:
            names.append("Quiz admin (" + ("all schools" if quiz.all_schools else ", ".join(sorted(quiz.schools))) + ")")
        safeguarding = self._safeguarding(who, names)
        return Roles(tuple(names), owner, reviewer, quiz.schools if quiz else frozenset(), safeguarding)

    def _safeguarding(self, who: Identity, names: list[str]) -> frozenset[str]:
        if self.directory is None:
            return frozenset()
        trust = self.directory.trust
        schools: set[str] = set()
        for title, contact in (("Trust safeguarding lead", trust.safeguarding_lead),
                               ("Executive Headteacher", trust.executive_headteacher)):
            if _is(contact, who):
                names.append(title)
                schools.add(ALL)
        for school in self.directory.schools:
            for title, people in (("DSL", (school.dsl,)), ("Deputy DSL", school.deputies),
                                  ("Headteacher", (school.headteacher,))):
                if any(_is(contact, who) for contact in people):
                    names.append(f"{title}, {school.name}")
                    schools.add(school.name)
        return frozenset(schools)


def _is(contact: Contact, who: Identity) -> bool:
    if who.aad_object_id and contact.aad_object_id and contact.aad_object_id.lower() == who.aad_object_id.lower():
        return True
    return bool(who.email) and contact.email.lower() == who.email.lower()


def parse_ids(raw: str) -> frozenset[str]:
    """POLICY_OWNERS / QA_ADMINS: comma-separated emails or AAD object ids."""
    return frozenset(x.strip().lower() for x in raw.split(",") if x.strip())
