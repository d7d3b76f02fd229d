"""Who to contact, by name: the person's own school's DSL where the contacts file knows them.

The policy names roles ("the designated person for Child Protection"); a person in a hurry
needs a name and a number. The school comes from the person's email domain as the channel gives
it (never from what they type), as for reports (sub-domains count).
"""
from __future__ import annotations

from dataclasses import dataclass

from policy_kb.model import CONTACTS
from safeguarding.contacts import Directory, School

DSL_ROLE = "the designated person for Child Protection (DSL)"


@dataclass(frozen=True)
class Named:
    """The roles of policy_kb.CONTACTS as this person should read them."""

    roles: dict[str, str]
    danger: str  # the "child in immediate danger" line

    def __getitem__(self, role: str) -> str:
        return self.roles.get(role) or CONTACTS[role]


def named_for(directory: Directory, school: School | None) -> Named:
    """The roles with names and numbers for someone at `school` (None: not known)."""
    lead = directory.trust.safeguarding_lead
    if school is not None:
        dsl = school.dsl
        roles = {"dsl": f"{dsl.name}, {DSL_ROLE} at {school.name}, {dsl.phone}"}
        danger = (f"If a child is in immediate danger, call 999, then tell {dsl.name} (DSL) now on {dsl.phone}.")
    else:
        roles = {"dsl": f"{DSL_ROLE} at your school (if you can't reach them: {lead.name}, the trust "
                        f"safeguarding lead, {lead.phone})"}
        danger = (f"If a child is in immediate danger, call 999, then tell your school's DSL now "
                  f"(or {lead.name}, the trust safeguarding lead, on {lead.phone}).")
    head = directory.trust.executive_headteacher
    roles["executive_headteacher"] = f"the Executive Headteacher, {head.name}"
    return Named(roles, danger)


GENERIC = Named({}, "If a child is in immediate danger, call 999 and tell the designated person for Child "
                    "Protection now.")


class ContactBook:
    """Who to contact, by name, for each staff email domain of the contacts file (worked out once:
    the turn only looks a domain up, see welcome.named_contacts)."""

    def __init__(self, directory: Directory):
        self.unknown = named_for(directory, None)
        self.by_domain = {domain: named_for(directory, school)
                          for school in directory.schools for domain in school.email_domains}
