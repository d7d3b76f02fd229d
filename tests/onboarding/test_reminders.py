"""Which reminders are due, with the clock passed in."""
from datetime import UTC, date, datetime, timedelta

from onboarding.reminders import PassRecord, due_reminders, latest_per_subject
from onboarding.roster import RosterEntry

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
ROSTER = [RosterEntry("new@a.org", "New Starter", "Alpha", date(2026, 11, 1)),
          RosterEntry("late@a.org", "Late Starter", "Alpha", date(2026, 10, 1)),
          RosterEntry("done@a.org", "Done Already", "Alpha", date(2026, 9, 1))]


def passed(email, version="1.0", days_ago=10, cid="c1"):
    return PassRecord(cid, f"msteams:{email}", email, email, version, NOW - timedelta(days=days_ago))


def kinds(reminders):
    return sorted((r.kind, r.email) for r in reminders)


def test_only_those_past_the_due_date_without_a_pass_are_overdue():
    due = due_reminders(ROSTER, [passed("done@a.org")], set(), NOW, 28, "1.0")
    assert kinds(due) == [("overdue", "late@a.org")]


def test_a_reminder_already_sent_is_not_due_again():
    first = due_reminders(ROSTER, [], set(), NOW, 28, "1.0")
    again = due_reminders(ROSTER, [], {r.key for r in first}, NOW, 28, "1.0")
    assert first and again == []


def test_policy_change_nudges_everyone_who_passed_an_older_version_once_per_version():
    due = due_reminders([], [passed("done@a.org", version="1.0")], set(), NOW, 28, "1.1")
    assert kinds(due) == [("policy_changed", "done@a.org")]
    later = due_reminders([], [passed("done@a.org", version="1.0")], {due[0].key}, NOW, 28, "1.2")
    assert kinds(later) == [("policy_changed", "done@a.org")]  # a newer version nudges again


def test_yearly_refresher_after_a_year_and_again_after_the_next_pass():
    old = passed("done@a.org", days_ago=366, cid="first")
    due = due_reminders([], [old], set(), NOW, 28, "1.0")
    assert kinds(due) == [("annual", "done@a.org")]
    fresh = passed("done@a.org", days_ago=1, cid="second")
    assert due_reminders([], latest_per_subject([old, fresh]), {due[0].key}, NOW, 28, "1.0") == []
    next_year = due_reminders([], [fresh], {due[0].key}, NOW + timedelta(days=366), 28, "1.0")
    assert kinds(next_year) == [("annual", "done@a.org")] and next_year[0].key != due[0].key


def test_people_without_email_are_reached_by_their_channel_identity():
    anon = PassRecord("c9", "emulator:u7", "", "U7", "0.9", NOW)
    (reminder,) = due_reminders([], [anon], set(), NOW, 28, "1.0")
    assert reminder.user_key == "emulator:u7" and reminder.email == ""
