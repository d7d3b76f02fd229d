"""Serialise outgoing activities without walking their card JSON twice.

msrest's `Serializer.body` turns an activity into a model again before serialising it, and an
Adaptive Card (an attachment's `content`, typed `object`) is copied key by key both ways: about
three quarters of the CPU a policy answer costs. A card that is already plain JSON (dicts, lists,
strings, numbers, booleans, null) comes out of both walks unchanged, so `ActivitySerializer`
lets msrest serialise the activity around it and puts the card back as it is. Anything else
(a card given as a model object, a date inside) takes msrest's own path.
"""
from __future__ import annotations

import copy

from botbuilder.schema import Activity
from botframework.connector.aio import ConnectorClient
from botframework.connector.aio.operations_async import ConversationsOperations
from msrest import Serializer

_SCALARS = (str, int, float, bool, type(None))


def plain_json(value, depth: int = 0) -> bool:
    """True when value is made only of JSON types (no models, dates or tuples)."""
    if isinstance(value, _SCALARS):
        return True
    if depth > 100:
        return False
    if type(value) is dict:
        return all(type(key) is str and plain_json(item, depth + 1) for key, item in value.items())
    if type(value) is list:
        return all(plain_json(item, depth + 1) for item in value)
    return False


class ActivitySerializer(Serializer):
    """msrest's Serializer, with plain-JSON attachment content passed through untouched."""

    def body(self, data, data_type, **kwargs):
        if data_type != "Activity" or not isinstance(data, Activity) or not data.attachments:
            return super().body(data, data_type, **kwargs)
        contents = [attachment.content for attachment in data.attachments]
        if not all(isinstance(content, dict) and plain_json(content) for content in contents):
            return super().body(data, data_type, **kwargs)
        shell = copy.copy(data)
        shell.attachments = []
        for attachment in data.attachments:
            bare = copy.copy(attachment)
            bare.content = None
            shell.attachments.append(bare)
        serialized = super().body(shell, data_type, **kwargs)
        for entry, content in zip(serialized["attachments"], contents):
            entry["content"] = content
        return serialized


class FastConnectorClient(ConnectorClient):
    """A ConnectorClient whose conversation operations serialise activities with ActivitySerializer."""

    def __init__(self, credentials, base_url=None, **kwargs):
        super().__init__(credentials, base_url=base_url, **kwargs)
        serializer = ActivitySerializer(self._serialize.dependencies)
        self.conversations = ConversationsOperations(self._client, self.config, serializer, self._deserialize)
