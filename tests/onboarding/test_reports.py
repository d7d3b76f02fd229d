"""Completion report statuses, item analysis order, CSV safety."""
from datetime import UTC, date, datetime

import pytest

from onboarding.admins import AdminScope, AdminsError, parse_admins, scope_for
from onboarding.reports import AttemptSummary, completion_report, item_analysis, items_csv, report_csv
from onboarding.roster import RosterEntry
from tests.support.kb import bank_for, shipped_kb

T = datetime(2026, 11, 20, tzinfo=UTC)
ROSTER = [RosterEntry("p@a.org", "Pass Person", "Alpha", date(2026, 9, 1)),
          RosterEntry("f@a.org", "Fail Person", "Alpha", date(2026, 11, 1)),
          RosterEntry("n@a.org", "=Not Started", "Alpha", date(2026, 9, 1)),
          RosterEntry("b@b.org", "Beta Person", "Beta", date(2026, 9, 1))]


def attempt(email, passed, version="1.0", score=8):
    return AttemptSummary("id-" + email, "k", email, email, "Alpha", version, T, score, 10, passed)


def test_statuses_per_school_within_the_admins_scope():
    rows = completion_report(ROSTER, [attempt("p@a.org", False, score=5), attempt("p@a.org", True),
                                      attempt("f@a.org", False, score=6)],
                             AdminScope(frozenset({"alpha"})), "1.0", date(2026, 11, 25), 28)
    status = {r.email: (r.status, r.overdue, r.best_percent) for r in rows}
    assert status == {"p@a.org": ("passed", False, 80), "f@a.org": ("failed", False, 60),
                      "n@a.org": ("not started", True, None)}


def test_a_pass_on_an_old_version_is_not_a_pass_now_and_not_overdue():
    rows = completion_report(ROSTER[:1], [attempt("p@a.org", True, version="0.9")], AdminScope(frozenset({"*"})),
                             "1.0", date(2026, 11, 25), 28)
    assert (rows[0].status, rows[0].overdue, rows[0].last_passed_version) == ("not started", False, "0.9")


def test_people_not_on_the_roster_show_for_all_school_admins_only():
    stranger = attempt("x@c.org", True)
    everyone = completion_report([], [stranger], AdminScope(frozenset({"*"})), "1.0", date(2026, 11, 25), 28)
    alpha = completion_report([], [stranger], AdminScope(frozenset({"Alpha"})), "1.0", date(2026, 11, 25), 28)
    assert [r.school for r in everyone] == ["(not on the roster)"] and alpha == []


def test_item_analysis_most_missed_first_and_csv():
    stats = item_analysis([("defs.its", False), ("defs.its", False), ("defs.its", True), ("vision.parts", True),
                           ("scope.kinds", False)])
    assert [(s.question_id, s.missed, s.asked, s.missed_percent) for s in stats] == [
        ("scope.kinds", 1, 1, 100), ("defs.its", 2, 3, 66), ("vision.parts", 0, 1, 0)]
    text = items_csv(stats, bank_for(shipped_kb()))
    assert text.splitlines()[0].startswith("question id,section,type,question")
    assert "Who is “CMAT ITS” in the policy?" in text


def test_report_csv_neutralises_spreadsheet_formulas():
    rows = completion_report(ROSTER, [], AdminScope(frozenset({"Alpha"})), "1.0", date(2026, 11, 25), 28)
    text = report_csv(rows)
    assert "'=Not Started" in text and ",=Not" not in text


def test_admins_setting_and_scopes():
    admins = parse_admins("head@a.org=Alpha; hr@trust.org=*; 1234-aad=Alpha|Beta")
    assert scope_for(admins, "HEAD@a.org", "").covers("alpha")
    assert not scope_for(admins, "head@a.org").covers("Beta")
    assert scope_for(admins, "nobody@a.org", "1234-AAD").schools == {"Alpha", "Beta"}
    assert scope_for(admins, "hr@trust.org").all_schools
    assert scope_for(admins, "someone@else.org", "") is None
    with pytest.raises(AdminsError, match="entry 2"):
        parse_admins("a@b.org=Alpha; justanemail@b.org")
