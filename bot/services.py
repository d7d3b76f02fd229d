"""Everything a handler may need, built once by create_app."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Callable

from botbuilder.core import ConversationState

from store import Database

from .people import People
from .replies import Replies
from .settings import Settings

if TYPE_CHECKING:
    from .features.qa import QA
    from .features.quiz import Quiz
    from .features.report_commands import ReportCommands


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    settings: Settings
    kb: Any  # policy_kb.KnowledgeBase
    db: Database
    conversation_state: ConversationState
    people: People
    replies: Replies
    clock: Callable[[], datetime] = utc_now
    # The features' own objects, set by their register() (None when a feature is not registered).
    qa: QA | None = None
    scenarios: Any = None  # policy_kb.scenarios.ScenarioBook
    quiz: Quiz | None = None
    reports: ReportCommands | None = None
    contacts: Any = None  # bot.features.contacts.ContactBook, once the reporting feature has read the contacts file
    cipher: Any = None  # safeguarding.crypto.Cipher with the report key, set by the reporting feature
    slack_adapter: Any = None
    reach: Any = None  # bot.reach.Reach: proactive messages to a person's 1:1 chat
