"""Who must be told about a concern, in what order, and who may see it. Pure functions."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .contacts import Contact, Directory, School

ABOUT = ("child", "staff", "headteacher")
ABOUT_LABELS = {"child": "Concern about a child", "staff": "Concern about a member of staff",
                "headteacher": "Concern about the headteacher"}


@dataclass(frozen=True)
class Recipient:
    contact: Contact
    role: str  # dsl | deputy | headteacher | trust_lead | executive_headteacher
    informed: bool = False  # told for information (e.g. the DSL about a staff concern)

    @property
    def email(self) -> str:
        return self.contact.email


@dataclass(frozen=True)
class Route:
    """Tier 0 is alerted at once; each later tier when the one before has not acknowledged in time."""

    school_id: str | None
    tiers: tuple[tuple[Recipient, ...], ...]
    viewers: frozenset[str]  # emails allowed to open the report
    excluded: frozenset[str]  # emails of the people the concern is about
    school_unknown: bool = False

    def tier(self, n: int) -> tuple[Recipient, ...]:
        return self.tiers[n] if 0 <= n < len(self.tiers) else ()

    @property
    def first(self) -> tuple[Recipient, ...]:
        return self.tier(0)


def route(directory: Directory, school: School | None, about: str,
          subject_names: Iterable[str] = (), subject_emails: Iterable[str] = ()) -> Route:
    """The route for a concern about `about` at `school` (None: school unknown -> the trust lead).

    - about a child: the DSL and deputies; then deputies again, the headteacher, the trust lead;
    - about a member of staff: the headteacher, with the DSL informed; then the trust lead;
    - about the headteacher, or the school is unknown: the trust safeguarding lead; then the
      Executive Headteacher.
    Whoever the concern is about is removed from every tier and can never view it.
    """
    if about not in ABOUT:
        raise ValueError(f"unknown concern subject {about!r}")
    trust = directory.trust
    lead = Recipient(trust.safeguarding_lead, "trust_lead")
    exec_head = Recipient(trust.executive_headteacher, "executive_headteacher")
    excluded = _excluded(directory, school, about, subject_names, subject_emails)
    if school is None or about == "headteacher":
        tiers = [(lead,), (exec_head,)]
    elif about == "staff":
        tiers = [(Recipient(school.headteacher, "headteacher"), Recipient(school.dsl, "dsl", informed=True)),
                 (lead,), (exec_head,)]
    else:
        deputies = tuple(Recipient(d, "deputy") for d in school.deputies)
        tiers = [(Recipient(school.dsl, "dsl"), *deputies), deputies,
                 (Recipient(school.headteacher, "headteacher"),), (lead,)]
    cleaned = []
    for tier in tiers:
        kept = tuple(r for r in tier if r.email not in excluded)
        if kept:
            cleaned.append(kept)
    present = {r.email for tier in cleaned for r in tier}
    if (not cleaned or lead.email in excluded) and exec_head.email not in excluded | present:
        # The concern is about the trust lead (or everyone on the route): the Executive Headteacher.
        cleaned.append((exec_head,))
    viewers = {r.email for tier in cleaned for r in tier}
    if lead.email not in excluded:
        viewers.add(lead.email)
    return Route(school.id if school else None, tuple(cleaned), frozenset(viewers - excluded),
                 frozenset(excluded), school_unknown=school is None)


def _excluded(directory: Directory, school: School | None, about: str,
              names: Iterable[str], emails: Iterable[str]) -> set[str]:
    out = {e.strip().lower() for e in emails if e and e.strip()}
    wanted = [set(_norm(n).split()) for n in names if n and n.strip()]
    if school is not None and about == "headteacher":
        out.add(school.headteacher.email)
    if wanted and about in ("staff", "headteacher"):
        everyone = [directory.trust.safeguarding_lead, directory.trust.executive_headteacher]
        everyone += [c for s in directory.schools for c in s.contacts]
        # A contact is excluded when every word of their name is in what the reporter typed.
        out |= {c.email for c in everyone if any(set(_norm(c.name).split()) <= words for words in wanted)}
    return out


def _norm(name: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in name.casefold()).split())


def may_view(route_viewers: Iterable[str], excluded: Iterable[str], email: str | None) -> bool:
    """True when `email` is one of the report's viewers and not someone it is about."""
    if not email:
        return False
    email = email.lower()
    return email in set(route_viewers) and email not in set(excluded)


def urgent_contact(directory: Directory, school: School | None) -> Contact:
    """Whom to phone right now: the school's DSL, or the trust lead when the school is unknown."""
    return school.dsl if school is not None else directory.trust.safeguarding_lead



def phone_first(directory: Directory, first_tier: Iterable[tuple[str, str]],
                excluded: Iterable[str] = ()) -> tuple[Contact, str] | None:
    """Whom a reporter should phone when no alert has reached anyone yet: (contact, role) for the
    first person of the report's first tier, given as (email, role), who has a phone number (the DSL,
    for a concern about a child), else the trust safeguarding lead; None if it is about them all."""
    barred = {e.lower() for e in excluded}
    for email, role in first_tier:
        contact = directory.contact_by_email(email)
        if contact is not None and contact.phone and contact.email not in barred:
            return contact, role
    lead = directory.trust.safeguarding_lead
    return (lead, "trust_lead") if lead.email not in barred else None
