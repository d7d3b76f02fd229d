"""Drive the console: people with roles who ask the bot for a sign-in link, and a client that
signs in with it and posts its forms (with the CSRF token) as a browser would."""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import aiohttp

from tests.support.channel import Reply

# People of config/contacts.example.yaml and of the quiz admins below (fictional, example.org).
OWNER = ("29:owner", "Olive Owner", "olive.owner@trust.example.org")
REVIEWER = ("29:reviewer", "Rory Reviewer", "rory.reviewer@trust.example.org")
QUIZ_ADMIN = ("29:qadmin", "Quinn Admin", "quinn.admin@oakfield.example.org")  # Oakfield only
DSL = ("29:dsl", "Daniel Okafor", "daniel.okafor@oakfield.example.org")  # Oakfield's DSL
LEAD = ("29:lead", "Priya Shah", "priya.shah@trust.example.org")  # the trust's safeguarding lead
STAFF = ("29:staff", "Sam Staff", "sam.staff@oakfield.example.org")  # no role
OAKFIELD, RIVERSIDE = "Oakfield Primary School", "Riverside Academy"

ENV = {"POLICY_OWNERS": OWNER[2], "QA_ADMINS": REVIEWER[2], "QUIZ_ADMINS": f"{QUIZ_ADMIN[2]}={OAKFIELD}",
       "KB_POLL_SECONDS": "0.2"}


async def console_bot(make_bot, env: dict | None = None, **kw):
    """The bot in Teams, with everyone above known to the member API."""
    bot = await make_bot({**ENV, **(env or {})}, channel="msteams", **kw)
    for person in (OWNER, REVIEWER, QUIZ_ADMIN, DSL, LEAD, STAFF):
        bot.connector.add_member(*person)
    return bot


def link_in(reply: Reply) -> str:
    """The sign-in link on the bot's card."""
    found = re.search(r"https?://\S+/console/signin\?t=[A-Za-z0-9_-]+", reply.text)
    assert found, f"no sign-in link in {reply.text!r}"
    return found.group(0)


async def ask_for_link(bot, person) -> str:
    reply = await bot.send(f"console-{person[0]}", "console", user=person[0])
    return link_in(reply)


def local(bot, link: str) -> str:
    """The link on this test's server (the card's host is the configured one)."""
    parts = urlsplit(link)
    return f"{bot.base_url}{parts.path}?{parts.query}"


@dataclass
class Page:
    status: int
    url: str
    html: str

    def csrf(self) -> str:
        found = re.search(r'name="csrf" value="([^"]+)"', self.html)
        assert found, "no CSRF token on the page"
        return found.group(1)


class ConsoleClient:
    """A browser-like client with its own cookie jar."""

    def __init__(self, bot):
        self.bot = bot
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def close(self) -> None:
        await self.session.close()

    async def get(self, path: str) -> Page:
        async with self.session.get(self.bot.base_url + path) as resp:
            return Page(resp.status, str(resp.url), await resp.text())

    async def post(self, path: str, data, csrf: str | None = None) -> Page:
        if csrf is not None:
            data = aiohttp.FormData(data) if isinstance(data, dict) else data
            data.add_field("csrf", csrf)
        async with self.session.post(self.bot.base_url + path, data=data,
                                     headers={"Origin": self.bot.base_url}) as resp:
            return Page(resp.status, str(resp.url), await resp.text())

    async def sign_in(self, person) -> Page:
        link = local(self.bot, await ask_for_link(self.bot, person))
        token = link.split("t=", 1)[1]
        return await self.post("/console/signin", {"token": token})

    async def form(self, path: str, data: dict, page: str | None = None) -> Page:
        """Post a form from a page (its CSRF token first read from `page`, default the same path)."""
        csrf = (await self.get(page or path)).csrf()
        return await self.post(path, data, csrf)
