"""What dialogs are given by the bot layer: a way to talk."""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from botbuilder.core import TurnContext

from cards import CardView

# Sends a card or a line of text to the turn's conversation, rendered for its channel (given by
# the bot layer: dialogs know nothing of channels).
Say = Callable[[TurnContext, "CardView | str"], Awaitable[Any]]
