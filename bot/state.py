"""Conversation state that reads storage once per turn, even for a conversation with no state yet."""
from __future__ import annotations

from botbuilder.core import ConversationState, Storage, TurnContext


class ReadOnceConversationState(ConversationState):
    """botbuilder re-reads storage whenever the cached state is empty, which for a new
    conversation means a read on every property get and set. Once this turn has read it, an
    empty state is the answer: later loads use the cache unless `force` is given."""

    def __init__(self, storage: Storage):
        super().__init__(storage)
        self.storage = storage

    async def load(self, turn_context: TurnContext, force: bool = False) -> None:
        if not force and self.get_cached_state(turn_context) is not None:
            return
        await super().load(turn_context, force)
