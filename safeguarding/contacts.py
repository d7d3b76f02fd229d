"""The safeguarding contacts file: the trust, its schools, and who to tell. Validated on load."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

EMAIL = re.compile(r"^[^@\s]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
DOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")
SCHOOL_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,49}$")
GUID = re.compile(r"^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$")


class ContactsError(ValueError):
    """The contacts file is missing or wrong; the message names the file, the entry and the problem."""

    def __init__(self, file: str, entry: str, problem: str):
        super().__init__(f"{file}: {entry}: {problem}" if entry else f"{file}: {problem}")
        self.file, self.entry, self.problem = file, entry, problem


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    phone: str = ""
    # Their Microsoft Entra (AAD) object id in the trust's tenant, when given: they are recognised by
    # it in Teams, and can be sent a first alert before they have ever opened the bot.
    aad_object_id: str = ""


@dataclass(frozen=True)
class OutOfHours:
    text: str
    phone: str


@dataclass(frozen=True)
class School:
    id: str
    name: str
    email_domains: tuple[str, ...]
    headteacher: Contact
    dsl: Contact
    deputies: tuple[Contact, ...]
    out_of_hours: OutOfHours | None = None

    @property
    def contacts(self) -> tuple[Contact, ...]:
        return (self.dsl, *self.deputies, self.headteacher)


@dataclass(frozen=True)
class Trust:
    name: str
    safeguarding_lead: Contact
    executive_headteacher: Contact
    out_of_hours: OutOfHours | None = None


@dataclass(frozen=True)
class Directory:
    trust: Trust
    schools: tuple[School, ...]
    source: str = ""

    def school(self, school_id: str | None) -> School | None:
        return next((s for s in self.schools if s.id == school_id), None)

    def school_for_email(self, email: str | None) -> School | None:
        """The school whose staff domain the address belongs to (sub-domains count), else None."""
        if not email or "@" not in email:
            return None
        domain = email.rsplit("@", 1)[1].lower().strip()
        for school in self.schools:
            if any(domain == d or domain.endswith("." + d) for d in school.email_domains):
                return school
        return None

    def all_emails(self) -> frozenset[str]:
        people = [self.trust.safeguarding_lead, self.trust.executive_headteacher]
        for school in self.schools:
            people.extend(school.contacts)
        return frozenset(p.email for p in people)

    def everyone(self) -> tuple[Contact, ...]:
        return (self.trust.safeguarding_lead, self.trust.executive_headteacher,
                *(c for s in self.schools for c in s.contacts))

    def contact_by_email(self, email: str) -> Contact | None:
        for contact in self.everyone():
            if contact.email == email.lower():
                return contact
        return None

    def contact_for(self, email: str = "", aad_object_id: str = "") -> Contact | None:
        """The contact someone is: by AAD object id first, then by email (the caller passes only
        identities the channel vouches for: bot/tenants.py)."""
        if aad_object_id:
            found = next((c for c in self.everyone() if c.aad_object_id == aad_object_id.lower()), None)
            if found is not None:
                return found
        return self.contact_by_email(email) if email else None


def load_contacts(path: Path | str) -> Directory:
    """Read and validate a contacts YAML file; raise ContactsError saying what is wrong where."""
    path = Path(path)
    file = str(path)
    if not path.is_file():
        raise ContactsError(file, "", "file not found (set CONTACTS_FILE, or copy config/contacts.example.yaml)")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ContactsError(file, "", f"not valid YAML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ContactsError(file, "", f"cannot be read: {exc}") from None
    return parse_contacts(data, file)


def parse_contacts(data: Any, file: str = "<contacts>") -> Directory:
    """Validate already-parsed YAML data into a Directory."""
    v = _Validator(file)
    root = v.mapping(data, "top level", ("trust", "schools"))
    trust_raw = v.mapping(root.get("trust"), "trust", ("name", "safeguarding_lead", "executive_headteacher", "out_of_hours"))
    trust = Trust(
        name=v.text(trust_raw.get("name"), "trust.name"),
        safeguarding_lead=v.contact(trust_raw.get("safeguarding_lead"), "trust.safeguarding_lead", phone=True),
        executive_headteacher=v.contact(trust_raw.get("executive_headteacher"), "trust.executive_headteacher"),
        out_of_hours=v.out_of_hours(trust_raw.get("out_of_hours"), "trust.out_of_hours"),
    )
    schools_raw = root.get("schools")
    if not isinstance(schools_raw, list) or not schools_raw:
        raise ContactsError(file, "schools", "must be a non-empty list of schools")
    schools, ids, domains = [], set(), {}
    for i, raw in enumerate(schools_raw):
        where = f"schools[{i}]"
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            where += f" ({raw['id']})"
        s = v.mapping(raw, where, ("id", "name", "email_domains", "headteacher", "dsl", "deputies", "out_of_hours"))
        school_id = v.text(s.get("id"), f"{where}.id")
        if not SCHOOL_ID.match(school_id):
            raise ContactsError(file, f"{where}.id", "use lower-case letters, digits, '-' or '_' (at most 50)")
        if school_id in ids:
            raise ContactsError(file, f"{where}.id", f"{school_id!r} is used by another school")
        ids.add(school_id)
        raw_domains = s.get("email_domains")
        if not isinstance(raw_domains, list) or not raw_domains:
            raise ContactsError(file, f"{where}.email_domains", "must be a non-empty list of domains")
        school_domains = []
        for d in raw_domains:
            dom = str(d).strip().lower().lstrip("@") if isinstance(d, str) else ""
            if not DOMAIN.match(dom):
                raise ContactsError(file, f"{where}.email_domains", f"{d!r} is not a domain name")
            if dom in domains:
                raise ContactsError(file, f"{where}.email_domains", f"{dom!r} is also listed for {domains[dom]!r}")
            domains[dom] = school_id
            school_domains.append(dom)
        deputies_raw = s.get("deputies", [])
        if deputies_raw is None:
            deputies_raw = []
        if not isinstance(deputies_raw, list):
            raise ContactsError(file, f"{where}.deputies", "must be a list of {name, email, phone}")
        schools.append(School(
            id=school_id,
            name=v.text(s.get("name"), f"{where}.name"),
            email_domains=tuple(school_domains),
            headteacher=v.contact(s.get("headteacher"), f"{where}.headteacher"),
            dsl=v.contact(s.get("dsl"), f"{where}.dsl", phone=True),
            deputies=tuple(v.contact(d, f"{where}.deputies[{j}]", phone=True) for j, d in enumerate(deputies_raw)),
            out_of_hours=v.out_of_hours(s.get("out_of_hours"), f"{where}.out_of_hours"),
        ))
    directory = Directory(trust, tuple(schools), file)
    _check_aad_ids(directory, file)
    return directory


def _check_aad_ids(directory: Directory, file: str) -> None:
    """One AAD object id is one person: it may not be given for two different email addresses."""
    seen: dict[str, str] = {}
    for contact in directory.everyone():
        if contact.aad_object_id and seen.setdefault(contact.aad_object_id, contact.email) != contact.email:
            raise ContactsError(file, contact.name, f"aad_object_id {contact.aad_object_id} is also given for "
                                                    f"{seen[contact.aad_object_id]}")


class _Validator:
    def __init__(self, file: str):
        self.file = file

    def mapping(self, raw: Any, where: str, allowed: tuple[str, ...]) -> dict:
        if not isinstance(raw, dict):
            raise ContactsError(self.file, where, "must be a mapping" + ("" if raw is not None else " (missing)"))
        unknown = sorted(set(map(str, raw)) - set(allowed))
        if unknown:
            raise ContactsError(self.file, where, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(allowed)}")
        return raw

    def text(self, raw: Any, where: str) -> str:
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str) or not raw.strip():
            raise ContactsError(self.file, where, "is required (a non-empty string)")
        return " ".join(raw.split())

    def contact(self, raw: Any, where: str, phone: bool = False) -> Contact:
        c = self.mapping(raw, where, ("name", "email", "phone", "aad_object_id"))
        email = self.text(c.get("email"), f"{where}.email").lower()
        if not EMAIL.match(email):
            raise ContactsError(self.file, f"{where}.email", f"{email!r} is not an email address")
        number = self.text(c.get("phone"), f"{where}.phone") if phone or c.get("phone") is not None else ""
        if number and not re.fullmatch(r"[0-9+() -]{3,30}", number):
            raise ContactsError(self.file, f"{where}.phone", f"{number!r} is not a phone number")
        aad = self.text(c.get("aad_object_id"), f"{where}.aad_object_id").lower() if "aad_object_id" in c else ""
        if aad and not GUID.match(aad):
            raise ContactsError(self.file, f"{where}.aad_object_id", f"{aad!r} is not an object id (a GUID such as "
                                                                       "00000000-0000-0000-0000-000000000000)")
        return Contact(self.text(c.get("name"), f"{where}.name"), email, number, aad)

    def out_of_hours(self, raw: Any, where: str) -> OutOfHours | None:
        if raw is None:
            return None
        o = self.mapping(raw, where, ("text", "phone"))
        return OutOfHours(self.text(o.get("text"), f"{where}.text"), self.text(o.get("phone"), f"{where}.phone"))
