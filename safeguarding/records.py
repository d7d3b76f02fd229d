"""What the report store keeps and hands back: references, submissions, report metadata and entries,
and the rows it writes. Plain data and pure functions."""
from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Iterable

from .routing import Route

REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_reference() -> str:
    body = "".join(secrets.choice(REF_ALPHABET) for _ in range(8))
    return f"SG-{body[:4]}-{body[4:]}"


def normalise_reference(text: str) -> str:
    """'sg-abcd-efgh', 'SGABCDEFGH' or 'abcd efgh' -> 'SG-ABCD-EFGH' (unchanged when it is no reference)."""
    chars = "".join(ch for ch in text.upper() if ch.isalnum())
    if chars.startswith("SG") and len(chars) == 10:
        chars = chars[2:]
    return f"SG-{chars[:4]}-{chars[4:]}" if len(chars) == 8 else text.strip().upper()


@dataclass(frozen=True)
class Submission:
    submission_id: str
    reporter_key: str
    school_id: str | None
    concern_about: str
    category: str
    content: dict  # answers, the reporter's name and email: encrypted


@dataclass(frozen=True)
class ReportMeta:
    id: int
    reference: str
    school_id: str | None
    concern_about: str
    category: str
    reporter_key: str
    created_at: datetime
    status: str
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    acknowledged_name: str | None
    escalation_level: int
    closed_at: datetime | None


@dataclass(frozen=True)
class Entry:
    kind: str
    created_at: datetime
    text: str
    author_name: str
    author_email: str


@dataclass(frozen=True)
class Report:
    meta: ReportMeta
    content: dict
    entries: tuple[Entry, ...] = field(default_factory=tuple)

def emails_of(email: str | Iterable[str]) -> list[str]:
    return ([email.lower()] if email else []) if isinstance(email, str) else [e.lower() for e in email if e]


def people_rows(report_id: int, route: Route) -> list[dict]:
    rows, seen = [], set()
    for tier_no, tier in enumerate(route.tiers):
        for r in tier:
            rows.append(dict(report_id=report_id, email=r.email, tier=tier_no, name=r.contact.name,
                             role=r.role, informed=r.informed, excluded=False))
            seen.add(r.email)
    for email in sorted(route.viewers - seen):
        rows.append(dict(report_id=report_id, email=email, tier=-1, name="", role="viewer",
                         informed=False, excluded=False))
    for email in sorted(route.excluded):
        rows.append(dict(report_id=report_id, email=email, tier=-2, name="", role="subject",
                         informed=False, excluded=True))
    return rows


def outbox_row(report_id, recipient, name, role, channel, tier, kind, now) -> dict:
    return dict(report_id=report_id, recipient=recipient, recipient_name=name or "", role=role, channel=channel,
                tier=tier, kind=kind, status="pending", attempts=0, next_attempt_at=now, created_at=now)


def meta_of(row) -> ReportMeta:
    return ReportMeta(row.id, row.reference, row.school_id, row.concern_about, row.category, row.reporter_key,
                      utc(row.created_at), row.status, utc(row.acknowledged_at), row.acknowledged_by,
                      row.acknowledged_name, row.escalation_level, utc(row.closed_at))


def utc(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; everything is stored in UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value
