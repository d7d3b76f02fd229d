"""Conversation state that reads storage once per turn and writes only what is worth keeping."""
from __future__ import annotations

import logging
import pickle

import jsonpickle
from botbuilder.core import ConversationState, Storage, TurnContext
from botbuilder.core.bot_state import CachedBotState
from botbuilder.dialogs import DialogState

log = logging.getLogger(__name__)


class SnapshotState(CachedBotState):
    """botbuilder's per-turn state cache, with the change check done by pickle.

    botbuilder fingerprints the state with jsonpickle twice a turn (once when read, once to see
    whether it changed): a pure-Python walk of the whole dialog stack. pickle writes every value
    it reaches too, in C. Two states with the same pickle are the same values, so no change is
    missed; at worst a state rebuilt with different sharing pickles differently and is written
    once more. Anything pickle refuses falls back to botbuilder's own fingerprint.

    `loaded` keeps the state as read, to put back when the turn's replies could not be sent.
    """

    def __init__(self, state: dict | None = None):
        super().__init__(state)
        self.loaded = self.hash if isinstance(self.hash, bytes) else jsonpickle.encode(self.state)

    def as_loaded(self) -> dict:
        """A fresh copy of the state as it was read ({} when there was none)."""
        state = pickle.loads(self.loaded) if isinstance(self.loaded, bytes) else jsonpickle.decode(self.loaded)
        return state if state is not None else {}

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

    def will_write(self, turn_context: TurnContext) -> bool:
        """Whether `save_changes` would write: the state changed, and is more than the empty
        dialog stack DialogSet.create_context gives a new conversation (reading that back would
        give the same)."""
        cached = self.get_cached_state(turn_context)
        if cached is None or not cached.is_changed:
            return False
        return not (cached.hash == cached.compute_hash(None)
                    and all(isinstance(value, DialogState) and not value.dialog_stack
                            for value in cached.state.values()))

    async def save_changes(self, turn_context: TurnContext, force: bool = False) -> None:
        """Save changed state (see `will_write`), or all of it when forced."""
        if force or self.will_write(turn_context):
            await super().save_changes(turn_context, force)

    async def restore_loaded(self, turn_context: TurnContext) -> None:
        """Write back the state as this turn read it, over what the turn saved.

        For a turn whose replies never reached the person: they are asked to send their message
        again, and it must find the conversation where it was. Best effort: when this write fails
        too (or another turn has written since), the failure is logged and the state stays.
        """
        cached = self.get_cached_state(turn_context)
        if cached is None or cached.hash == cached.loaded:
            return  # nothing was written over it
        state = cached.as_loaded()
        state["e_tag"] = cached.state.get("e_tag")  # expected: what this turn's save left
        try:
            await self.storage.write({self.get_storage_key(turn_context): state})
        except Exception as exc:  # noqa: BLE001 - the turn's own error is the one reported
            log.warning("could not put back the state of a turn whose replies failed: %s", type(exc).__name__)
            return
        cached.state = state
        cached.hash = cached.compute_hash(state)
