"""Decide which reminders are due: overdue new starters, a changed policy, the yearly re-take."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

from .roster import RosterEntry

OVERDUE, POLICY_CHANGED, ANNUAL = "overdue", "policy_changed", "annual"


@dataclass(frozen=True)
class PassRecord:
    """Someone's latest pass (assessment mode)."""

    completion_id: str  # the attempt id
    user_key: str
    email: str
    name: str
    policy_version: str
    completed_at: datetime

    @property
    def subject(self) -> str:
        return self.email or self.user_key


@dataclass(frozen=True)
class Reminder:
    key: str  # recorded once sent, so each reminder goes out once
    kind: str
    email: str
    user_key: str
    name: str


def due_reminders(roster: Iterable[RosterEntry], latest_passes: Iterable[PassRecord], sent: set[str],
                  now: datetime, due_days: int, policy_version: str, requiz_days: int = 365) -> list[Reminder]:
    """Every reminder that is due now and has not been sent.

    - overdue: on the roster, no pass of any version, and more than `due_days` since the start date;
    - policy_changed: the latest pass was on an earlier policy version;
    - annual: the latest pass, on this version, is `requiz_days` old or more.
    """
    passes = {p.subject: p for p in latest_passes}
    due: list[Reminder] = []
    for entry in roster:
        if entry.email in passes:
            continue
        if now.date() > entry.start_date + timedelta(days=due_days):
            due.append(Reminder(f"{OVERDUE}:{entry.email}", OVERDUE, entry.email, "", entry.name))
    for p in passes.values():
        if p.policy_version != policy_version:
            due.append(Reminder(f"{POLICY_CHANGED}:{policy_version}:{p.subject}", POLICY_CHANGED,
                                p.email, p.user_key, p.name))
        elif now >= p.completed_at + timedelta(days=requiz_days):
            due.append(Reminder(f"{ANNUAL}:{p.subject}:{p.completion_id}", ANNUAL, p.email, p.user_key, p.name))
    return [r for r in due if r.key not in sent]


def latest_per_subject(passes: Iterable[PassRecord]) -> list[PassRecord]:
    """Each person's most recent pass."""
    latest: dict[str, PassRecord] = {}
    for p in passes:
        if p.subject not in latest or p.completed_at > latest[p.subject].completed_at:
            latest[p.subject] = p
    return list(latest.values())
