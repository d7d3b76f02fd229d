"""Completion report per school and item analysis, as plain rows (and CSV)."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable

from .admins import AdminScope
from .bank import KIND_NAMES, QuestionBank
from .roster import RosterEntry

PASSED, FAILED, NOT_STARTED = "passed", "failed", "not started"
NOT_ON_ROSTER = "(not on the roster)"


@dataclass(frozen=True)
class AttemptSummary:
    """A finished assessment attempt, as the report needs it."""

    attempt_id: str
    user_key: str
    email: str
    name: str
    school: str | None
    policy_version: str
    finished_at: datetime
    score: int
    total: int
    passed: bool


@dataclass(frozen=True)
class StaffStatus:
    school: str
    email: str
    name: str
    start_date: date | None
    due_date: date | None
    status: str
    overdue: bool
    attempts: int
    best_percent: int | None
    passed_on: datetime | None
    last_passed_version: str


@dataclass(frozen=True)
class ItemStat:
    question_id: str
    asked: int
    missed: int

    @property
    def missed_percent(self) -> int:
        return self.missed * 100 // self.asked if self.asked else 0


def completion_report(roster: Iterable[RosterEntry], attempts: Iterable[AttemptSummary], scope: AdminScope,
                      policy_version: str, today: date, due_days: int) -> list[StaffStatus]:
    """Everyone in the admin's schools: passed, failed or not started on the current policy version.

    People who took the quiz but are not on the roster are listed under "(not on the roster)"
    for admins of all schools.
    """
    by_person: dict[str, list[AttemptSummary]] = {}
    for a in attempts:
        by_person.setdefault(a.email or a.user_key, []).append(a)
    rows: list[StaffStatus] = []
    on_roster = set()
    for entry in roster:
        on_roster.add(entry.email)
        if scope.covers(entry.school):
            due = entry.start_date + timedelta(days=due_days)
            rows.append(_status(entry.school, entry.email, entry.name, entry.start_date, due,
                                by_person.get(entry.email, []), policy_version, today))
    if scope.all_schools:
        for subject, mine in by_person.items():
            if subject not in on_roster:
                rows.append(_status(NOT_ON_ROSTER, mine[0].email, mine[-1].name, None, None, mine, policy_version, today))
    return sorted(rows, key=lambda r: (r.school.lower(), r.status, r.name.lower()))


def _status(school, email, name, start, due, attempts: list[AttemptSummary], version: str, today: date) -> StaffStatus:
    current = [a for a in attempts if a.policy_version == version]
    passes = sorted((a for a in attempts if a.passed), key=lambda a: a.finished_at)
    current_passes = [a for a in passes if a.policy_version == version]
    if current_passes:
        status = PASSED
    elif current:
        status = FAILED
    else:
        status = NOT_STARTED
    best = max((a.score * 100 // a.total for a in current if a.total), default=None)
    last_pass = passes[-1] if passes else None
    overdue = status != PASSED and due is not None and today > due and not passes
    return StaffStatus(school, email, name, start, due, status, overdue, len(current), best,
                       current_passes[-1].finished_at if current_passes else None,
                       last_pass.policy_version if last_pass else "")


def item_analysis(answers: Iterable[tuple[str, bool]]) -> list[ItemStat]:
    """Per question: times asked and missed, most-missed first."""
    counts: dict[str, list[int]] = {}
    for question_id, correct in answers:
        c = counts.setdefault(question_id, [0, 0])
        c[0] += 1
        c[1] += 0 if correct else 1
    stats = [ItemStat(q, asked, missed) for q, (asked, missed) in counts.items()]
    return sorted(stats, key=lambda s: (-s.missed_percent, -s.missed, s.question_id))


def _csv(header: list[str], rows: Iterable[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        # A leading = + - @ would make a spreadsheet run the cell as a formula.
        writer.writerow(["'" + v if isinstance(v, str) and v[:1] in "=+-@" else v for v in row])
    return out.getvalue()


def report_csv(rows: Iterable[StaffStatus]) -> str:
    return _csv(["school", "email", "name", "start date", "due date", "status", "overdue", "attempts",
                 "best score %", "passed on", "last passed policy version"],
                [[r.school, r.email, r.name, r.start_date.isoformat() if r.start_date else "",
                  r.due_date.isoformat() if r.due_date else "", r.status, "yes" if r.overdue else "no",
                  r.attempts, "" if r.best_percent is None else r.best_percent,
                  r.passed_on.date().isoformat() if r.passed_on else "", r.last_passed_version] for r in rows])


def items_csv(stats: Iterable[ItemStat], bank: QuestionBank) -> str:
    def describe(qid: str) -> list[str]:
        q = bank.by_id.get(qid)
        return [q.section, KIND_NAMES[q.kind], q.prompt] if q else ["", "", "(question no longer in the bank)"]

    return _csv(["question id", "section", "type", "question", "times asked", "times missed", "% missed"],
                [[s.question_id, *describe(s.question_id), s.asked, s.missed, s.missed_percent] for s in stats])
