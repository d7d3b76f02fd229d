"""The figures behind the leaders' charts, as tables of counts (never any text staff wrote, never a
concern's content: reports are read for their school, category and times only)."""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa

from onboarding.admins import AdminScope
from onboarding.reports import FAILED, NOT_STARTED, PASSED, completion_report
from policy_kb.review import feedback
from safeguarding.tables import reports

from .library import aware
from .roles import UNKNOWN_SCHOOL, Roles
from .tables import asked

WEEKS = 12


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    columns: tuple[str, ...]  # the first names the rows; the rest are counts
    rows: tuple[tuple, ...]
    note: str = ""
    plot: tuple[int, ...] | None = None  # the columns drawn, stacked (None: every count column)

    @property
    def plotted(self) -> tuple[int, ...]:
        return self.plot if self.plot is not None else tuple(range(1, len(self.columns)))


def monday(moment: datetime | date) -> date:
    day = moment.date() if isinstance(moment, datetime) else moment
    return day - timedelta(days=day.weekday())


def weeks_back(today: date, weeks: int = WEEKS) -> list[date]:
    last = monday(today)
    return [last - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]


async def quiz_completion(records, scope: frozenset[str], version: str, today: date, due_days: int) -> Table:
    """Per school, on the current version: passed, failed, not started, and overdue (not passed, past due)."""
    rows = completion_report(await records.roster(), await records.finished_assessments(), AdminScope(scope), version,
                             today, due_days)
    counts: dict[str, list[int]] = {}
    for row in rows:
        column = 3 if row.overdue else {PASSED: 0, FAILED: 1, NOT_STARTED: 2}[row.status]
        counts.setdefault(row.school, [0, 0, 0, 0])[column] += 1
    return Table("quiz", f"Onboarding quiz, version {version}", ("School", "Passed", "Failed", "Not started", "Overdue"),
                 tuple((school, *values) for school, values in sorted(counts.items())),
                 "Overdue: not passed, and past the due date after their start date.")


async def questions_per_week(db, scope: frozenset[str], today: date, weeks: int = WEEKS) -> Table:
    """Policy questions per week: answered, and not answered."""
    start = weeks_back(today, weeks)[0]
    async with db.reading() as conn:
        rows = await conn.execute(sa.select(asked.c.asked_at, asked.c.school, asked.c.answered)
                                  .where(asked.c.asked_at >= datetime.combine(start, datetime.min.time(), UTC)))
        found = [(aware(r.asked_at), r.school, r.answered) for r in rows]
    counts = {week: [0, 0] for week in weeks_back(today, weeks)}
    for when, school, answered in found:
        if Roles.covers(scope, school) and monday(when) in counts:
            counts[monday(when)][0 if answered else 1] += 1
    return Table("questions", "Policy questions per week", ("Week beginning", "Answered", "Not answered"),
                 tuple((f"{week:%d %b}", *values) for week, values in counts.items()))


async def feedback_per_clause(db, titles: dict[str, str], headline) -> Table:
    """👍 and 👎 per clause, most 👎 first."""
    unhelpful = sa.func.sum(sa.case((feedback.c.helpful, 0), else_=1))
    helpful = sa.func.sum(sa.case((feedback.c.helpful, 1), else_=0))
    async with db.reading() as conn:
        rows = (await conn.execute(sa.select(feedback.c.policy, feedback.c.clause_id, helpful, unhelpful)
                                   .group_by(feedback.c.policy, feedback.c.clause_id)
                                   .order_by(unhelpful.desc(), feedback.c.clause_id))).all()
    return Table("feedback", "Helpful and not helpful, per clause", ("Clause", "Helpful", "Not helpful"),
                 tuple((f"{titles.get(r[0], r[0])}: {headline(r[0], r[1])}", int(r[2]), int(r[3])) for r in rows))


async def _reports(db, since: date) -> list:
    """School, category and times of recent reports: never their content."""
    async with db.reading() as conn:
        rows = await conn.execute(sa.select(reports.c.school_id, reports.c.category, reports.c.created_at,
                                            reports.c.acknowledged_at)
                                  .where(reports.c.created_at >= datetime.combine(since, datetime.min.time(), UTC)))
        return [(r.school_id, r.category, aware(r.created_at), aware(r.acknowledged_at)) for r in rows]


def _school_name(directory, school_id: str | None) -> str:
    school = directory.school(school_id) if directory is not None and school_id else None
    return school.name if school else UNKNOWN_SCHOOL


async def concerns_per_week(db, directory, scope: frozenset[str], today: date, weeks: int = WEEKS) -> list[Table]:
    """For each school in scope: concerns per week, by category."""
    found = [(_school_name(directory, s), c, created) for s, c, created, _ in await _reports(db, weeks_back(today, weeks)[0])]
    schools = sorted({s for s, _, _ in found if Roles.covers(scope, s)}
                     | {s.name for s in (directory.schools if directory else ()) if Roles.covers(scope, s.name)})
    tables = []
    for number, school in enumerate(schools, 1):
        mine = [(c, created) for s, c, created in found if s == school]
        categories = sorted({c for c, _ in mine})
        counts = {week: [0] * len(categories) for week in weeks_back(today, weeks)}
        for category, created in mine:
            if monday(created) in counts:
                counts[monday(created)][categories.index(category)] += 1
        tables.append(Table(f"concerns-{number}", f"Concerns per week: {school}", ("Week beginning", *categories),
                            tuple((f"{week:%d %b}", *values) for week, values in counts.items()),
                            "" if categories else "No concerns in these weeks."))
    return tables


async def acknowledgement(db, directory, scope: frozenset[str], today: date, weeks: int = WEEKS) -> Table:
    """Per school: concerns, how many acknowledged, and how long acknowledgement took (minutes)."""
    per: dict[str, list] = {}
    for school_id, _, created, acknowledged in await _reports(db, weeks_back(today, weeks)[0]):
        school = _school_name(directory, school_id)
        if Roles.covers(scope, school):
            per.setdefault(school, []).append((acknowledged - created).total_seconds() / 60 if acknowledged else None)
    rows = []
    for school, minutes in sorted(per.items()):
        done = [m for m in minutes if m is not None]
        rows.append((school, len(minutes), len(done), _whole(statistics.median(done)) if done else "",
                     _whole(max(done)) if done else "", len(minutes) - len(done)))
    return Table("acknowledgement", "Time to acknowledge a concern",
                 ("School", "Concerns", "Acknowledged", "Median minutes", "Longest minutes", "Not yet acknowledged"),
                 tuple(rows), f"Concerns made in the last {weeks} weeks; the chart shows the median.", plot=(3,))


def _whole(minutes: float) -> int:
    return int(round(minutes))

