"""Each feature exposes `register(registry, services)`; this calls them all, in order."""
from __future__ import annotations

from bot import people, storage
from bot.registry import Registry

from . import channels, console, private, qa, quiz, reports, scenarios, welcome


def register_all(registry: Registry, services) -> None:
    registry.migrations.extend(storage.MIGRATIONS + people.MIGRATIONS)
    welcome.register(registry, services)
    qa.register(registry, services)
    channels.register(registry, services)
    scenarios.register(registry, services)
    quiz.register(registry, services)
    reports.register(registry, services)
    private.register(registry)
    console.register(registry, services)  # last: it reads what the others set up
