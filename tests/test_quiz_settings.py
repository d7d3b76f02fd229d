"""Quiz settings: defaults, bad values named at start-up, ROSTER_FILE imported at start-up."""
import logging

import pytest

from app import create_app
from bot.features.quiz_settings import QuizConfig
from bot.settings import Settings, SettingsError


def test_defaults():
    config = QuizConfig.from_env({})
    assert (config.questions, config.pass_mark, config.due_days, config.requiz_days, config.policy_url,
            config.roster_file, dict(config.admins)) == (10, 80, 28, 365, "", None, {})


@pytest.mark.parametrize("env, variable", [
    ({"QUIZ_QUESTIONS": "ten"}, "QUIZ_QUESTIONS"),
    ({"QUIZ_QUESTIONS": "0"}, "QUIZ_QUESTIONS"),
    ({"QUIZ_PASS_MARK": "120"}, "QUIZ_PASS_MARK"),
    ({"QUIZ_DUE_DAYS": "-1"}, "QUIZ_DUE_DAYS"),
    ({"POLICY_URL": "javascript:alert(1)"}, "POLICY_URL"),
    ({"ROSTER_FILE": "/nonexistent/staff.csv"}, "ROSTER_FILE"),
    ({"QUIZ_ADMINS": "head@alpha.org"}, "QUIZ_ADMINS"),
])
def test_bad_values_stop_the_start_naming_the_variable(tmp_path, env, variable):
    with pytest.raises(SettingsError) as info:
        create_app(Settings.from_env({"DATA_DIR": str(tmp_path), **env}))
    assert info.value.variable == variable


def test_a_roster_file_without_the_right_header_stops_the_start(tmp_path):
    roster = tmp_path / "staff.csv"
    roster.write_text("email,name\nx@y.org,X\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="ROSTER_FILE: the header is missing column"):
        create_app(Settings.from_env({"DATA_DIR": str(tmp_path), "ROSTER_FILE": str(roster)}))


async def test_roster_file_is_imported_at_start_up_and_bad_rows_logged_by_line(make_bot, tmp_path, caplog):
    roster = tmp_path / "staff.csv"
    roster.write_text("email,name,school,start date\nann@alpha.example.org,Ann Lee,Alpha,2026-09-01\n"
                      "secret-person,Hidden Name,Alpha,2026-09-01\n", encoding="utf-8")
    with caplog.at_level(logging.INFO):
        bot = await make_bot({"ROSTER_FILE": str(roster)})
    stored = await bot.services.quiz.records.roster()
    assert [e.email for e in stored] == ["ann@alpha.example.org"]
    assert "ROSTER_FILE line 3: email is missing or not a valid address" in caplog.text
    assert "Hidden Name" not in caplog.text and "secret-person" not in caplog.text
