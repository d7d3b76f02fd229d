"""Conversation state that reads storage once per turn and writes only what is worth keeping."""
from __future__ import annotations

import pickle

from botbuilder.core import ConversationState, Storage, TurnContext
from botbuilder.core.bot_state import CachedBotState
from botbuilder.dialogs import DialogState


class SnapshotState(CachedBotState):
    """botbuilder's per-turn state cache, with the change check done by pickle.

    botbuilder fingerprints the state with jsonpickle twice a turn (once when read, once to see
    whether it changed): a pure-Python walk of the whole dialog stack. pickle writes every value
    it reaches too, in C. Two states with the same pickle are the same values, so no change is
    missed; at worst a state rebuilt with different sharing pickles differently and is written
    once more. Anything pickle refuses falls back to botbuilder's own fingerprint.
    """

    def compute_hash(self, obj: object):
        try:
            return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - e.g. a local function in state: jsonpickle can say
            return super().compute_hash(obj)


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
        storage_key = self.get_storage_key(turn_context)
        items = await self.storage.read([storage_key])
        turn_context.turn_state[self._context_service_key] = SnapshotState(items.get(storage_key))

    async def save_changes(self, turn_context: TurnContext, force: bool = False) -> None:
        """Save changed state, except a new conversation's state that holds only an empty dialog
        stack (what DialogSet.create_context puts there): reading it back would give the same."""
        cached = self.get_cached_state(turn_context)
        if (not force and cached is not None and cached.hash == cached.compute_hash(None)
                and all(isinstance(value, DialogState) and not value.dialog_stack
                        for value in cached.state.values())):
            return
        await super().save_changes(turn_context, force)
