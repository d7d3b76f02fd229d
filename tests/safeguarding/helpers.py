"""Helpers for the reporting tests: contacts who have talked to the bot, and a reporter who files a report."""
from __future__ import annotations

from datetime import UTC

from safeguarding.intake import QUESTIONS

# People in config/contacts.example.yaml (fictional, example.org).
DSL = ("29:dsl", "Daniel Okafor", "daniel.okafor@oakfield.example.org")
DEPUTY = ("29:deputy", "Grace Lin", "grace.lin@oakfield.example.org")
HEAD = ("29:head", "Helen Ward", "helen.ward@oakfield.example.org")
LEAD = ("29:lead", "Priya Shah", "priya.shah@trust.example.org")
EXEC = ("29:exec", "Martin Cole", "martin.cole@trust.example.org")
OTHER_DSL = ("29:rdsl", "Aisha Khan", "aisha.khan@riverside.example.org")
REPORTER = ("29:rep", "Rita Teacher", "rita.teacher@oakfield.example.org")
COLLEAGUE = ("29:col", "Colin Staff", "colin.staff@oakfield.example.org")
OUTSIDER = ("29:out", "Otto Elsewhere", "otto@elsewhere.example.net")

VERBATIM = "miss can u add me back on snap xx"

ANSWERS = {
    "danger": "no",
    "concern_about": "a child",
    "subject": "Colin Staff",
    "when": "today at 15:40",
    "platform": "snap",
    "accounts": "@sam_p2011",
    "account_type": "personal",
    "initiated_by": "the child",
    "children": "Sam Patel, Year 9",
    "adult_involved": "no",
    "what": f'Message request saying "{VERBATIM}"',
    "actions": "Did not reply, took a screenshot",
    "dsl_told": "no",
    "evidence": "Screenshot saved on my school laptop",
}


def conv(person) -> str:
    return f"conv-{person[0].split(':')[1]}"


async def online(bot, person, connector=None, channel=None):
    """A person adds the bot in Teams (their conversation reference is captured)."""
    (channel or bot.channel).connector.add_member(*person) if connector is None else connector.add_member(*person)
    await (channel or bot.channel).join(conv(person), user=person[0])


async def say(bot, person, text=None, value=None, **kw):
    return await bot.send(conv(person), text, value=value, user=person[0], **kw)


def current_question(reply_text: str):
    found = [q for q in QUESTIONS if q.prompt in reply_text]
    return found[-1] if found else None


def card_elements(reply) -> list[dict]:
    """Every element of every card in a reply, depth first."""
    found: list[dict] = []

    def walk(element):
        found.append(element)
        for key in ("body", "items", "columns"):
            for child in element.get(key, []):
                walk(child)

    for activity in reply.activities:
        for attachment in activity.get("attachments") or []:
            walk(attachment.get("content") or {})
    return found


def form_button(reply) -> dict | None:
    """The data of the report form's "Check my report" button, if the reply shows the form."""
    return next((data for _, data in reply.buttons if data.get("step") == "form" and "mode" not in data), None)


def form_values(answers=None) -> dict:
    """The form filled in as a person would type it."""
    answers = {**ANSWERS, **(answers or {})}
    return {q.id: answers[q.id] for q in QUESTIONS if q.id != "danger" and q.id in answers}


async def fill_in(bot, person, first_reply, answers=None, stop_before=None):
    """Answer what the dialog asks until the summary (the form in one go; a question at a time by
    typing, as on a channel without forms or with `stop_before`); return the last reply."""
    answers = {**ANSWERS, **(answers or {})}
    reply = first_reply
    for _ in range(len(QUESTIONS) + 3):
        form = form_button(reply)
        if form is not None:
            reply = await (say(bot, person, "step by step") if stop_before else
                           say(bot, person, value={**form, **form_values(answers)}))
            continue
        q = current_question(reply.text)
        if q is None or q.id == stop_before:
            return reply
        reply = await say(bot, person, answers[q.id])
    raise AssertionError("the dialog never reached the summary")


async def file_report(bot, person=REPORTER, answers=None, prefill=None):
    """Start, answer everything, submit; return (summary reply, submitted reply)."""
    if prefill is not None:
        start = await say(bot, person, value={"action": "report.start", "prefill": prefill})
    else:
        start = await say(bot, person, "report")
    summary = await fill_in(bot, person, start, answers)
    assert "Check your report" in summary.text, summary.text
    done = await say(bot, person, value=summary.button("Submit"))
    return summary, done


def reference_in(text: str) -> str:
    import re

    found = re.search(r"SG-[A-Z0-9]{4}-[A-Z0-9]{4}", text)
    assert found, text
    return found.group(0)


async def teams_bot(make_bot, env=None, data_dir=None):
    bot = await make_bot({"OUTBOX_POLL_SECONDS": "0.1", "OUTBOX_RETRY_SECONDS": "0.05",
                          "OUTBOX_RETRY_MAX_SECONDS": "0.2", **(env or {})}, channel="msteams", data_dir=data_dir)
    for person in (REPORTER, COLLEAGUE, OUTSIDER):
        bot.connector.add_member(*person)
    return bot


def alerts_in(connector, person) -> list[dict]:
    """Alert cards a contact received in their own conversation."""
    return [a for a in connector.inbox.get(conv(person), [])
            if "Safeguarding alert" in str(a.get("summary", "")) or "Safeguarding alert" in str(a.get("attachments", ""))]


class Clock:
    """An injected clock (services.clock) that tests move forward."""

    def __init__(self):
        from datetime import datetime

        self.now = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)

    def __call__(self):
        return self.now

    def advance(self, **kw):
        from datetime import timedelta

        self.now += timedelta(**kw)


async def staff_side(bot):
    """A second fake Connector for the contacts' conversations (so their channel can fail alone)."""
    from aiohttp.test_utils import TestServer

    from tests.support.channel import Channel
    from tests.support.connector import FakeConnector

    connector = FakeConnector()
    server = TestServer(connector.app(), host="127.0.0.1")
    await server.start_server()
    connector.service_url = str(server.make_url("/"))[:-1]
    channel = Channel(bot.session, str(bot.server.make_url("/api/messages")), connector, "msteams")
    return connector, channel, server


async def outbox_rows(bot, reference):
    reports = bot.services.reports
    meta = await reports.store.meta(reference)
    return await reports.outbox.rows(meta.id)


async def audit_actions(bot, reference=None):
    reports = bot.services.reports
    report_id = (await reports.store.meta(reference)).id if reference else None
    return [(row.action, row.actor_email) for row in await reports.store.audit_trail(report_id)]
