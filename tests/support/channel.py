"""Play the channel: build activities with a factory and POST them to the bot."""
from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field

import aiohttp

_ids = itertools.count(1)

# The tenant Teams-shaped activities come from unless a test says otherwise (a GUID, as Teams sends).
TRUST_TENANT = "6f1c2e3a-0b4d-4c5e-8f9a-1b2c3d4e5f60"
OTHER_TENANT = "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d"


def activity(service_url: str, conversation: str, type_: str = "message", text: str | None = None,
             value: dict | None = None, user: str = "u1", channel: str = "emulator", name: str | None = None,
             tenant: str = TRUST_TENANT, conversation_type: str = "personal", **extra) -> dict:
    """An inbound activity as a channel sends it (in Teams, from `tenant`, in a `conversation_type`
    conversation: personal, groupChat or channel)."""
    act = {
        "type": type_, "id": f"in{next(_ids)}", "timestamp": "2026-11-25T10:00:00.000Z",
        "channelId": channel, "serviceUrl": service_url,
        "from": {"id": user, "name": name or f"User {user}",
                 "aadObjectId": str(uuid.uuid5(uuid.NAMESPACE_DNS, user))},
        "conversation": {"id": conversation, "conversationType": conversation_type},
        "recipient": {"id": "bot", "name": "Guidance bot"}, "locale": "en-GB",
    }
    if channel == "msteams":
        act["channelData"] = {"tenant": {"id": tenant}}
        act["conversation"]["tenantId"] = tenant
        if conversation_type != "personal":
            act["conversation"]["isGroup"] = True
    if text is not None:
        act["text"] = text
    if value is not None:
        act["value"] = value
    act.update(extra)
    return act


def visible_text(act: dict) -> str:
    """Everything a person would read in a reply: text, summary and card strings."""
    parts: list[str] = [act.get("text") or "", act.get("summary") or ""]

    def walk(obj):
        if isinstance(obj, dict):
            for key, val in obj.items():
                if key in ("text", "title", "value", "label", "placeholder") and isinstance(val, str):
                    parts.append(val)
                elif isinstance(val, (dict, list)):
                    walk(val)
        elif isinstance(obj, list):
            for val in obj:
                walk(val)

    for att in act.get("attachments") or []:
        walk(att.get("content"))
    return "\n".join(p for p in parts if p)


def buttons(act: dict) -> list[tuple[str, dict]]:
    """(title, data) of every Action.Submit in a reply's cards."""
    found = []

    def walk(obj):
        if isinstance(obj, dict):
            if obj.get("type") == "Action.Submit":
                found.append((obj.get("title", ""), obj.get("data") or {}))
            for val in obj.values():
                walk(val)
        elif isinstance(obj, list):
            for val in obj:
                walk(val)

    for att in act.get("attachments") or []:
        walk(att.get("content"))
    return found


@dataclass
class Reply:
    status: int
    activities: list[dict] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(visible_text(a) for a in self.activities)

    @property
    def buttons(self) -> list[tuple[str, dict]]:
        return [b for a in self.activities for b in buttons(a)]

    def button(self, title_part: str) -> dict:
        """The data of the first button whose title contains `title_part` (case-insensitive)."""
        for title, data in self.buttons:
            if title_part.lower() in title.lower():
                return data
        raise AssertionError(f"no button like {title_part!r} in {[t for t, _ in self.buttons]}")


class Channel:
    """A conversation-aware client for one bot URL and one fake Connector."""

    def __init__(self, session: aiohttp.ClientSession, bot_url: str, connector, channel: str = "emulator"):
        self.session, self.bot_url, self.connector, self.channel = session, bot_url, connector, channel

    async def post(self, body, headers: dict | None = None) -> tuple[int, str]:
        async with self.session.post(self.bot_url, json=body, headers=headers) as resp:
            return resp.status, await resp.text()

    async def send(self, conversation: str, text: str | None = None, value: dict | None = None,
                   user: str = "u1", type_: str = "message", **extra) -> Reply:
        """Send one activity; the replies the turn produced are back by the time it returns."""
        before = len(self.connector.inbox.get(conversation, []))
        act = activity(self.connector.service_url, conversation, type_, text, value, user, self.channel, **extra)
        self.connector.conversations.setdefault(conversation, {
            "type": act["conversation"].get("conversationType"), "tenant": act["conversation"].get("tenantId")})
        status, _ = await self.post(act)
        return Reply(status, self.connector.inbox.get(conversation, [])[before:])

    async def join(self, conversation: str, user: str = "u1") -> Reply:
        """The user adds the bot (conversationUpdate with membersAdded)."""
        return await self.send(conversation, type_="conversationUpdate", user=user,
                               membersAdded=[{"id": user, "name": f"User {user}"}, {"id": "bot"}])
