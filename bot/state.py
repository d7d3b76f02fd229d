"""Conversation state that reads storage once per turn and writes only what is worth keeping."""
from __future__ import annotations

from botbuilder.core import ConversationState, Storage, TurnContext
from botbuilder.dialogs import DialogState


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

    async def save_changes(self, turn_context: TurnContext, force: bool = False) -> None:
        """Save changed state, except a new conversation's state that holds only an empty dialog
        stack (what DialogSet.create_context puts there): reading it back would give the same."""
        cached = self.get_cached_state(turn_context)
        if (not force and cached is not None and cached.hash == cached.compute_hash(None)
                and all(isinstance(value, DialogState) and not value.dialog_stack
                        for value in cached.state.values())):
            return
        await super().save_changes(turn_context, force)
