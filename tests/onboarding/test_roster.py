"""Roster CSV: good rows kept, every bad row reported with its line, nothing silently dropped."""
from datetime import date

import pytest

from onboarding.roster import RosterFormatError, parse_roster


def test_good_roster_with_iso_and_uk_dates():
    parsed = parse_roster("Email,Name,School,Start Date\n"
                          "Ann.Lee@Alpha.example.org, Ann Lee, Alpha Academy, 2026-09-01\n"
                          "bo@beta.example.org,Bo Diaz,Beta School,15/10/2026\n")
    assert parsed.errors == ()
    assert [(e.email, e.school, e.start_date) for e in parsed.entries] == [
        ("ann.lee@alpha.example.org", "Alpha Academy", date(2026, 9, 1)),
        ("bo@beta.example.org", "Beta School", date(2026, 10, 15))]


def test_bad_rows_are_reported_by_line_and_good_rows_kept():
    parsed = parse_roster("email,name,school,start date\n"
                          "ok@a.example.org,Ok Person,Alpha,2026-09-01\n"
                          "not-an-email,Bad Email,Alpha,2026-09-01\n"
                          "\n"
                          "nodate@a.example.org,No Date,Alpha,next week\n"
                          "ok@a.example.org,Duplicate,Alpha,2026-09-02\n"
                          "short@a.example.org,Short\n"
                          "noname@a.example.org,,,2026-09-01\n")
    assert [e.email for e in parsed.entries] == ["ok@a.example.org"]
    problems = {e.line: e.problem for e in parsed.errors}
    assert set(problems) == {3, 5, 6, 7, 8}
    assert "email" in problems[3]
    assert "start date" in problems[5]
    assert "same email as line 2" in problems[6]
    assert "column" in problems[7]
    assert "name is empty" in problems[8] and "school is empty" in problems[8]
    # problems name the column, not the personal data in it
    assert all("not-an-email" not in e.problem and "No Date" not in e.problem for e in parsed.errors)


def test_semicolon_separated_file_with_extra_column():
    parsed = parse_roster("email;name;school;start_date;role\nx@a.example.org;X Y;Alpha;2026-09-01;Teacher\n")
    assert [e.email for e in parsed.entries] == ["x@a.example.org"]
    assert parsed.notices == ("column(s) role ignored",)


@pytest.mark.parametrize("text, problem", [
    ("", "empty"), ("email,name,school\nx@a.org,X,Alpha\n", "missing column(s) start date"),
])
def test_unusable_header(text, problem):
    with pytest.raises(RosterFormatError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        parse_roster(text)
