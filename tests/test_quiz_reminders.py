"""Proactive reminders with an injected clock: overdue, yearly, policy change; each sent once."""
import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot import appkeys
from bot.features.quiz_reminders import Reminders
from tests.onboarding.play import answer, begin

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
ROSTER = ("roster import\nemail,name,school,start date\n"
          "ann@alpha.example.org,Ann Lee,Alpha Academy,2026-09-01\n"
          "bob@alpha.example.org,Bob Khan,Alpha Academy,2026-11-20\n"
          "cat@alpha.example.org,Cat Ray,Alpha Academy,2026-09-01\n")


async def setup(make_bot, env=None):
    bot = await make_bot({"QUIZ_ADMINS": "hr@trust.example.org=*", "QUIZ_QUESTIONS": "2", "QUIZ_DUE_DAYS": "28",
                          **(env or {})}, channel="msteams")
    for uid, name, email in (("29:hr", "Harry HR", "hr@trust.example.org"), ("29:ann", "Ann Lee", "ann@alpha.example.org"),
                             ("29:bob", "Bob Khan", "bob@alpha.example.org")):
        bot.connector.add_member(uid, name, email)
    bot.services.clock = lambda: NOW
    await bot.send("c-hr", ROSTER, user="29:hr")
    await bot.send("c-ann", "hello", user="29:ann")
    await bot.send("c-bob", "hello", user="29:bob")
    return bot


def reminders_in(bot, conversation):
    titles = {"Reminder: your onboarding quiz", "The social media policy has changed", "Time for your yearly refresher"}
    return [a for a in bot.connector.inbox.get(conversation, []) if a.get("attachments")
            and a["attachments"][0]["content"]["body"][0]["text"] in titles]


async def test_overdue_reminder_goes_once_to_those_past_the_due_date(make_bot):
    bot = await setup(make_bot)
    report = await bot.send("c-hr", "run reminders", user="29:hr")
    assert "Sent" in report.text and "Not reachable yet" in report.text
    assert len(reminders_in(bot, "c-ann")) == 1 and "Reminder: your onboarding quiz" in reminders_in(bot, "c-ann")[0]["summary"]
    assert reminders_in(bot, "c-bob") == []  # started five days ago: not due yet
    await bot.send("c-hr", "run reminders", user="29:hr")
    assert len(reminders_in(bot, "c-ann")) == 1  # not sent twice
    bot.services.clock = lambda: NOW + timedelta(days=30)
    await bot.send("c-hr", "run reminders", user="29:hr")
    assert len(reminders_in(bot, "c-bob")) == 1 and len(reminders_in(bot, "c-ann")) == 1


async def test_the_reminder_button_starts_the_quiz(make_bot):
    bot = await setup(make_bot)
    await bot.send("c-hr", "run reminders", user="29:hr")
    (card,) = reminders_in(bot, "c-ann")
    data = card["attachments"][0]["content"]["actions"][0]["data"]
    reply = await bot.send("c-ann", value=data, user="29:ann")
    assert "confirm that you have read the policy" in reply.text


async def test_a_reminder_that_cannot_be_delivered_is_tried_again(make_bot):
    bot = await setup(make_bot)
    bot.connector.down = True
    reminders = bot.services.quiz.reminders
    report = await reminders.run(bot.app[appkeys.ADAPTER])
    assert report.sent == 0 and report.failed == 1
    bot.connector.down = False
    report = await reminders.run(bot.app[appkeys.ADAPTER])
    assert report.sent == 1 and len(reminders_in(bot, "c-ann")) == 1


async def test_yearly_refresher_and_policy_change_nudge(make_bot):
    bot = await setup(make_bot)
    quiz = bot.services.quiz
    reply = await begin(bot, "c-ann", user="29:ann")
    for _ in range(2):
        reply = await answer(bot, "c-ann", quiz.bank, reply, right=True, user="29:ann")
    assert "Certificate" in (await bot.send("c-ann", "submit", user="29:ann")).text
    await bot.send("c-hr", "run reminders", user="29:hr")
    assert reminders_in(bot, "c-ann") == []  # passed: no overdue reminder
    bot.services.clock = lambda: NOW + timedelta(days=366)
    await bot.send("c-hr", "run reminders", user="29:hr")
    (yearly,) = reminders_in(bot, "c-ann")
    assert "yearly refresher" in yearly["summary"]
    quiz.kb = replace(quiz.kb, version="1.1")  # the trust publishes a new version
    await bot.send("c-hr", "run reminders", user="29:hr")
    assert "is now version 1.1" in reminders_in(bot, "c-ann")[-1]["summary"]
    await bot.send("c-hr", "run reminders", user="29:hr")
    assert len(reminders_in(bot, "c-ann")) == 2


async def test_the_background_worker_sends_due_reminders(make_bot):
    bot = await setup(make_bot, {"QUIZ_REMINDER_INTERVAL": "1"})
    found = await bot.connector.wait_for(lambda c: reminders_in(bot, "c-ann"), timeout=5)
    assert len(found) == 1


async def test_proactive_sends_carry_the_bots_own_app_id(make_bot):
    bot = await setup(make_bot)
    bot.services.settings = replace(bot.services.settings, app_id="app-123", app_password="x")
    calls = []

    class RecordingAdapter:
        async def continue_conversation(self, reference, callback, bot_app_id=None):
            calls.append((reference.conversation.id, bot_app_id))

    report = await bot.services.quiz.reminders.run(RecordingAdapter())
    assert report.sent == 1 and calls == [("c-ann", "app-123")]


async def test_two_runs_at_once_send_each_reminder_once(make_bot):
    bot = await setup(make_bot)
    adapter = bot.app[appkeys.ADAPTER]
    first = bot.services.quiz.reminders
    second = Reminders(bot.services.quiz)  # as a second instance would have
    reports = await asyncio.gather(first.run(adapter), second.run(adapter))
    assert sum(r.sent for r in reports) == 1 and len(reminders_in(bot, "c-ann")) == 1
