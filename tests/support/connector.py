"""A fake Bot Framework Connector service: a real local HTTP server that collects replies.

It speaks the Connector REST API the bot calls (/v3/conversations/...), answers the Teams
member lookup, creates conversations for proactive messages, and validates every Adaptive
Card it receives against the 1.5 schema.

As Teams does, `createConversation` opens only 1:1 conversations (`isGroup` false, one member, a
tenant: 400 otherwise), gives the same conversation back for the same member, and refuses (403)
a member the app is not installed for when `installed` is a set. It knows each conversation's
type and tenant (`conversations`: the test channel registers the ones it writes in), can refuse
every call to a conversation (`refuse[cid] = 403`: the bot removed; 404: the conversation gone),
and can hold each posted activity after keeping it (`hold_after_store`), so a test can kill the
bot while a message has arrived but the bot has not heard back.
"""
from __future__ import annotations

import asyncio
import itertools
import uuid
from dataclasses import dataclass, field

from aiohttp import web

from .schemas import activity_validator, adaptive_card_errors

_ids = itertools.count(1)


@dataclass
class Member:
    id: str
    name: str
    email: str
    aad_object_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def json(self) -> dict:
        return {"id": self.id, "name": self.name, "email": self.email, "userPrincipalName": self.email,
                "aadObjectId": self.aad_object_id, "givenName": self.name.split()[0],
                "surname": self.name.split()[-1]}


class FakeConnector:
    def __init__(self):
        self.inbox: dict[str, list[dict]] = {}
        self.updates: list[dict] = []
        self.created: list[dict] = []
        self.create_calls: list[tuple[dict, int]] = []  # every createConversation body, with the status given
        self.members: dict[str, Member] = {}
        self.card_errors: list[str] = []
        self.activity_errors: list[str] = []
        self.down = False  # when True, every call gets 503 (an outage)
        self.reply_gate: asyncio.Event | None = None  # when given, a posted activity waits until it is set
        self.replies_waiting = 0  # posted activities waiting at reply_gate
        self.calls = 0
        self.auth_headers: list[str] = []
        self.conversations: dict[str, dict] = {}  # cid -> {"type": personal|groupChat|channel, "tenant": ...}
        self.installed: set[str] | None = None  # member ids createConversation accepts (None: everyone)
        self.refuse: dict[str, int] = {}  # cid -> the status every call to it gets
        self.refused_calls: dict[str, int] = {}  # cid -> how many calls it refused
        self.hold_after_store: asyncio.Event | None = None  # when given, a kept activity waits for it
        self.held = 0  # kept activities waiting at hold_after_store
        self._changed = asyncio.Event()
        self.service_url = ""

    # ---- what tests look at -------------------------------------------------
    def all_activities(self) -> list[dict]:
        return [a for acts in self.inbox.values() for a in acts]

    async def wait_for(self, predicate, timeout: float = 5.0):
        """Wait until predicate(self) is truthy; return its value."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            value = predicate(self)
            if value:
                return value
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise AssertionError("timed out waiting for the fake Connector")
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), remaining)
            except TimeoutError:
                pass

    def add_member(self, user_id: str, name: str, email: str, aad_object_id: str | None = None) -> Member:
        member = Member(user_id, name, email) if aad_object_id is None else Member(user_id, name, email, aad_object_id)
        self.members[user_id] = member
        return member

    def shared_conversations_written_to(self) -> list[str]:
        """Conversations of several people (group chats, channels) the bot posted or updated anything in."""
        touched = set(self.inbox) | {u["conversation"]["id"] for u in self.updates if u.get("conversation")}
        return sorted(cid for cid in touched if self.conversations.get(cid, {}).get("type") in ("groupChat", "channel"))

    def created_for(self, member_id: str) -> list[dict]:
        """The conversations opened with this member."""
        return [c for c in self.created if any(m.get("id") == member_id for m in c.get("members") or [])]

    def create_calls_for(self, member_id: str) -> list[int]:
        """The status of each createConversation call for this member."""
        return [status for body, status in self.create_calls
                if any(m.get("id") == member_id for m in body.get("members") or [])]

    # ---- the Connector API -------------------------------------------------
    def _check(self, act: dict) -> None:
        for error in activity_validator().iter_errors(act):
            self.activity_errors.append(error.message)
        for att in act.get("attachments") or []:
            if att.get("contentType") == "application/vnd.microsoft.card.adaptive":
                problem = adaptive_card_errors(att.get("content") or {})
                if problem:
                    self.card_errors.append(problem)

    def _store(self, cid: str, act: dict) -> None:
        self._check(act)
        self.inbox.setdefault(cid, []).append(act)
        self._changed.set()

    @web.middleware
    async def _outage(self, request: web.Request, handler):
        self.calls += 1
        self.auth_headers.append(request.headers.get("Authorization", ""))
        if self.down:
            return web.json_response({"error": "service unavailable"}, status=503)
        return await handler(request)

    def _refused(self, request: web.Request) -> web.Response | None:
        status = self.refuse.get(request.match_info.get("cid", ""))
        if status is None:
            return None
        cid = request.match_info["cid"]
        self.refused_calls[cid] = self.refused_calls.get(cid, 0) + 1
        code = "BotNotInConversationRoster" if status == 403 else "ConversationNotFound"
        return web.json_response({"error": {"code": code, "message": "refused by the test"}}, status=status)

    async def _post_activity(self, request: web.Request) -> web.Response:
        refused = self._refused(request)
        if refused is not None:
            return refused
        act = await request.json()
        if self.reply_gate is not None:
            self.replies_waiting += 1
            self._changed.set()
            await self.reply_gate.wait()
            self.replies_waiting -= 1
        act.setdefault("id", f"r{next(_ids)}")
        self._store(request.match_info["cid"], act)
        if self.hold_after_store is not None:
            self.held += 1
            self._changed.set()
            try:
                await self.hold_after_store.wait()
            finally:
                self.held -= 1
        return web.json_response({"id": act["id"]})

    async def _put_activity(self, request: web.Request) -> web.Response:
        refused = self._refused(request)
        if refused is not None:
            return refused
        act = await request.json()
        act["id"] = request.match_info["aid"]
        self.updates.append(act)
        self._check(act)
        self._changed.set()
        return web.json_response({"id": act["id"]})

    async def _create_conversation(self, request: web.Request) -> web.Response:
        body = await request.json()
        members = body.get("members") or []
        tenant = body.get("tenantId") or body.get("tenantID")  # Teams reads JSON keys case-insensitively
        if body.get("isGroup") or len(members) != 1 or not tenant or not members[0].get("id"):
            self.create_calls.append((body, 400))
            return web.json_response({"error": {"code": "BadSyntax", "message": "1:1 conversations only"}}, status=400)
        member = members[0]["id"]
        if self.installed is not None and member not in self.installed:
            self.create_calls.append((body, 403))
            return web.json_response({"error": {"code": "Forbidden", "message": "app not installed"}}, status=403)
        self.create_calls.append((body, 200))
        cid = next((c for c, info in self.conversations.items()
                    if info.get("member") == member and info.get("tenant") == tenant), None)
        cid = cid or f"a:created-{next(_ids)}"
        self.conversations[cid] = {"type": "personal", "tenant": tenant, "member": member}
        self.created.append({"id": cid, **body, "tenantId": tenant})
        if body.get("activity"):
            self._store(cid, body["activity"])
        else:
            self._changed.set()
        return web.json_response({"id": cid, "activityId": f"a{next(_ids)}", "serviceUrl": self.service_url})

    async def _member(self, request: web.Request) -> web.Response:
        member = self.members.get(request.match_info["uid"])
        if member is None:
            return web.json_response({"error": {"code": "MemberNotFoundInConversation"}}, status=404)
        return web.json_response(member.json())

    async def _members(self, request: web.Request) -> web.Response:
        return web.json_response([m.json() for m in self.members.values()])

    async def _token(self, request: web.Request) -> web.Response:
        return web.json_response({"token_type": "Bearer", "expires_in": 3600, "ext_expires_in": 3600,
                                  "access_token": f"fake-token-{next(_ids)}"})

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self._outage])
        app.router.add_post("/v3/conversations/{cid}/activities/{aid}", self._post_activity)
        app.router.add_post("/v3/conversations/{cid}/activities", self._post_activity)
        app.router.add_put("/v3/conversations/{cid}/activities/{aid}", self._put_activity)
        app.router.add_post("/v3/conversations", self._create_conversation)
        app.router.add_get("/v3/conversations/{cid}/members/{uid}", self._member)
        app.router.add_get("/v3/conversations/{cid}/members", self._members)
        app.router.add_get("/v3/conversations/{cid}/pagedmembers", self._members)
        app.router.add_post("/oauth2/v2.0/token", self._token)
        return app
