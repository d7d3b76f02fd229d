"""Drive the console: people with roles who ask the bot for a sign-in link, and a client that
signs in with it and posts its forms (with the CSRF token) as a browser would."""
from __future__ import annotations

import html as html_module
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
    """A browser-like client with its own cookie jar, for a bot (anything with `base_url` and
    `send(conversation, text, user=...)`: a BotHarness, or an instance's channel)."""

    def __init__(self, bot):
        self.bot = bot
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    def on(self, bot) -> ConsoleClient:
        """The same browser (cookies and all) talking to another instance."""
        other = ConsoleClient.__new__(ConsoleClient)
        other.bot, other.session = bot, self.session
        return other

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


# ---- figures for the charts -------------------------------------------------------------------
ANN = ("29:ann", "Ann Lee", "ann@oakfield.example.org")  # Oakfield: passed
BOB = ("29:bob", "Bob Khan", "bob@oakfield.example.org")  # Oakfield: never started, overdue
CAT = ("29:cat", "Cat Ray", "cat@riverside.example.org")  # Riverside: failed, not yet due
ANSWERED = "should my privacy settings be on the highest level?"
NOT_ANSWERED = "can I livestream my cooking on twitch?"


async def seed_figures(bot) -> None:
    """Quiz results, questions, a 👍, and concerns (two at Oakfield, one acknowledged after 30
    minutes; one at Riverside), through the bot where it is cheap and the store where it is not."""
    from datetime import date, timedelta

    import sqlalchemy as sa

    from onboarding.draw import DrawnQuestion
    from onboarding.roster import RosterEntry
    from onboarding.scoring import Marked, Result
    from safeguarding.tables import reports

    services = bot.services
    records, now = services.quiz.records, services.clock()
    for person in (ANN, BOB, CAT):
        bot.connector.add_member(*person)
    await records.import_roster([RosterEntry(ANN[2], ANN[1], OAKFIELD, date(2020, 1, 6)),
                                 RosterEntry(BOB[2], BOB[1], OAKFIELD, date(2020, 1, 6)),
                                 RosterEntry(CAT[2], CAT[1], RIVERSIDE, now.date() - timedelta(days=5))], now)
    question = services.quiz.bank.questions[0]
    for person, right, number in ((ANN, True, 1), (CAT, False, 2)):
        attempt = f"attempt{number}"
        await records.start_attempt(attempt, f"msteams:{person[0]}", person[2], person[1], None, "assessment",
                                    services.kb.version, [DrawnQuestion(question.id, tuple(o.id for o in question.options))],
                                    80, now)
        chosen = question.correct_ids if right else frozenset({"o9"})
        await records.finish_attempt(attempt, Result((Marked(question.id, chosen, right),), 80), now)
    answered = await bot.send("q-ann", ANSWERED, user=ANN[0])
    await bot.send("q-ann", value=answered.button("Helpful"), user=ANN[0])
    await bot.send("q-cat", NOT_ANSWERED, user=CAT[0])
    rows = [("oakfield", now - timedelta(hours=2), now - timedelta(hours=1, minutes=30)),
            ("oakfield", now - timedelta(hours=1), None), ("riverside", now - timedelta(hours=3), None)]
    async with services.db.transaction() as conn:
        for number, (school, created, acknowledged) in enumerate(rows, 1):
            await conn.execute(reports.insert().values(
                reference=f"SG-TEST-000{number}", submission_id=f"seed{number}", school_id=school, concern_about="child",
                category="Contact from a child", reporter_key="seed", created_at=created, content="(sealed)",
                status="open", acknowledged_at=acknowledged))
        assert (await conn.scalar(sa.select(sa.func.count()).select_from(reports))) == 3


def table_rows(html: str, chart: str) -> dict[str, list[str]]:
    """The rows of a chart's table (first cell -> the other cells), as the page shows them."""
    import re

    section = html.split(f'id="chart-{chart}"', 1)[1].split("</section>", 1)[0]
    body = section.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        rows[cells[0]] = cells[1:]
    return rows


# ---- a new version through the console --------------------------------------------------------
def upload(text: str, name: str = "policy.txt") -> aiohttp.FormData:
    form = aiohttp.FormData()
    form.add_field("file", text.encode("utf-8"), filename=name, content_type="text/plain")
    return form


async def open_draft(client, text: str):
    """Upload a new text of the first policy; the draft's page."""
    csrf = (await client.get("/console/policies/social_media/new")).csrf()
    return await client.post("/console/policies/social_media/new", upload(text), csrf)


def item_ids(html: str, kind: str) -> list[str]:
    return re.findall(rf'name="item" value="({kind}:[^"]+)"', html)


async def review_everything(client, page, retire_questions=False):
    """Decide every open item the way a careful owner would."""
    path = page.url.split("#")[0][len(client.bot.base_url):]
    retired: set[str] = set()
    while True:
        html = (await client.get(path)).html
        open_items = re.findall(r'<div class="card" id="([^"]+)">\s*<h3>[^<]*<span class="status open">', html)
        if not open_items:
            return path
        anchor = open_items[0]
        item = anchor.replace("-", ":", 1)
        kind = item.split(":")[0]
        card = html[html.index(f'id="{anchor}"'):]
        if kind == "clause" and "removed" in card.split("</h3>")[0]:
            data = {"item": item, "action": "retire"}
            retired.add(item.split(":", 1)[1])
        elif kind == "clause":
            text = re.search(r'name="text">([^<]*)</textarea>', card).group(1)
            headline = re.search(r'name="headline" value="([^"]*)"', card).group(1)
            answer = re.search(r'name="answer">([^<]*)</textarea>', card).group(1)
            stance = re.search(r'<option value="(\w+)" selected>', card).group(1)
            data = {"item": item, "action": "update", "text": html_module.unescape(text),
                    "headline": html_module.unescape(headline), "stance": stance,
                    "answer": html_module.unescape(answer) + " Tell them the same day."}
        elif kind == "new":
            data = {"item": item, "action": "write", "headline": "No — never alter photographs of pupils with AI tools",
                    "stance": "must_not", "answer": "Don't use AI tools to change photographs of pupils.",
                    "keywords": "ai, artificial intelligence",
                    "examples": "can I use AI to edit a photo of my class?\nis an AI photo app ok for pupil pictures?\n"
                                "can I tidy up the sports day photos with AI?"}
        elif kind == "question":
            rests_on = re.search(r"rests on ([^<]*)</p>", card).group(1).split(", ")
            data = {"item": item, "action": "retire" if retire_questions or retired & set(rests_on) else "keep"}
        else:
            data = {"item": item, "action": "confirm"}
        done = await client.form(f"{path}/decide", data, path)
        assert done.status == 200, (item, re.findall(r"role=\"alert\">([^<]*)", done.html))




async def publish_new_version(client, number: str = "1.1") -> Page:
    """Upload the changed policy, review everything, publish it."""
    from tests.support.policies import changed_policy

    page = await open_draft(client, changed_policy())
    path = await review_everything(client, page)
    return await client.form(f"{path}/publish", {"number": number, "adopted": "2027-01-15"}, path)
