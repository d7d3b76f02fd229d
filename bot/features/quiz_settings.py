"""The quiz's settings, read from the environment at start-up (SettingsError names the variable)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from bot.settings import SettingsError, env_int
from onboarding.admins import AdminScope, AdminsError, parse_admins


@dataclass(frozen=True)
class QuizConfig:
    questions: int = 10  # QUIZ_QUESTIONS
    pass_mark: int = 80  # QUIZ_PASS_MARK, percent
    due_days: int = 28  # QUIZ_DUE_DAYS after the roster start date
    requiz_days: int = 365  # QUIZ_REQUIZ_DAYS after a pass
    reminder_interval: int = 3600  # QUIZ_REMINDER_INTERVAL seconds; 0 turns the worker off
    policy_url: str = ""  # POLICY_URL
    roster_file: Path | None = None  # ROSTER_FILE
    admins: Mapping[str, AdminScope] = field(default_factory=dict)  # QUIZ_ADMINS

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> QuizConfig:
        pass_mark = env_int(env, "QUIZ_PASS_MARK", cls.pass_mark, minimum=1)
        if pass_mark > 100:
            raise SettingsError("QUIZ_PASS_MARK", f"must be a percentage from 1 to 100, got {pass_mark}")
        url = env.get("POLICY_URL", "").strip()
        if url and not url.startswith(("https://", "http://")):
            raise SettingsError("POLICY_URL", "must be a web address starting with https://")
        roster = env.get("ROSTER_FILE", "").strip()
        if roster and not Path(roster).is_file():
            raise SettingsError("ROSTER_FILE", f"{roster} is not a readable file")
        try:
            admins = parse_admins(env.get("QUIZ_ADMINS", ""))
        except AdminsError as exc:
            raise SettingsError("QUIZ_ADMINS", str(exc)) from None
        return cls(questions=env_int(env, "QUIZ_QUESTIONS", cls.questions, minimum=1),
                   pass_mark=pass_mark,
                   due_days=env_int(env, "QUIZ_DUE_DAYS", cls.due_days, minimum=0),
                   requiz_days=env_int(env, "QUIZ_REQUIZ_DAYS", cls.requiz_days, minimum=1),
                   reminder_interval=env_int(env, "QUIZ_REMINDER_INTERVAL", cls.reminder_interval, minimum=0),
                   policy_url=url, roster_file=Path(roster) if roster else None, admins=admins)
