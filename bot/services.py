"""Everything a handler may need, built once by create_app."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable

from botbuilder.core import ConversationState

from store import Database
from .people import People
from .settings import Settings


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class Services:
    settings: Settings
    kb: Any  # policy_kb.KnowledgeBase
    db: Database
    conversation_state: ConversationState
    people: People
    clock: Callable[[], datetime] = utc_now
    # Feature-owned objects (matcher, report store, quiz bank...), by name.
    extras: dict[str, Any] = field(default_factory=dict)
