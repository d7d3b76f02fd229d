"""Who may see quiz records, and for which schools (QUIZ_ADMINS)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

ALL = "*"


class AdminsError(ValueError):
    """QUIZ_ADMINS cannot be read; the message says which entry and why."""


@dataclass(frozen=True)
class AdminScope:
    schools: frozenset[str]  # {"*"} means every school

    @property
    def all_schools(self) -> bool:
        return ALL in self.schools

    def covers(self, school: str | None) -> bool:
        if self.all_schools:
            return True
        return school is not None and school.lower() in {s.lower() for s in self.schools}


def parse_admins(raw: str) -> Mapping[str, AdminScope]:
    """`identity=School A|School B; identity=*`: identity is an email or AAD object id."""
    admins: dict[str, set[str]] = {}
    for number, entry in enumerate((e.strip() for e in raw.split(";")), 1):
        if not entry:
            continue
        identity, sep, schools = entry.partition("=")
        identity = identity.strip().lower()
        names = [" ".join(s.split()) for s in schools.split("|") if s.strip()]
        if not sep or not identity or not names:
            raise AdminsError(f"entry {number} must look like 'someone@school.org=School name' "
                              "(several schools separated by |, or * for all schools)")
        admins.setdefault(identity, set()).update(names)
    return {identity: AdminScope(frozenset(schools)) for identity, schools in admins.items()}


def scope_for(admins: Mapping[str, AdminScope], *identities: str) -> AdminScope | None:
    """The schools the first matching identity (email, AAD object id) may see, or None."""
    schools: set[str] = set()
    for identity in identities:
        scope = admins.get((identity or "").lower()) if identity else None
        if scope is not None:
            schools |= scope.schools
    return AdminScope(frozenset(schools)) if schools else None
