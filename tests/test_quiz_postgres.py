"""The quiz records on a real PostgreSQL: attempts, completions, roster upserts, reports, reminder claims."""
from datetime import UTC, datetime

from bot import appkeys
from tests.test_quiz_admin import ROSTER, attachments, csv_rows, take, teams_bot


async def test_attempts_reports_roster_and_reminders_on_postgresql(make_bot, postgres_url):
    bot = await teams_bot(make_bot, {"DATABASE_URL": postgres_url})
    bot.services.clock = lambda: datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    await bot.send("c-hr", "roster import\n" + ROSTER, user="29:hr")
    again = await bot.send("c-hr", "roster import\n" + ROSTER, user="29:hr")  # upsert: all updated
    assert "Updated" in again.text and len(await bot.services.quiz.records.roster()) == 3
    assert "Certificate of completion" in (await take(bot, "29:ann", right=True)).text
    assert "not passed yet" in (await take(bot, "29:bob", right=False)).text
    report = await bot.send("c-hr", "quiz export", user="29:hr")
    statuses = {r["email"]: r["status"] for r in csv_rows(attachments(report)[0])}
    assert statuses == {"ann@alpha.example.org": "passed", "bob@alpha.example.org": "failed",
                        "cat@beta.example.org": "not started"}
    items = await bot.send("c-head", "quiz items", user="29:head")
    assert "Missed 1 of" in items.text
    mine = await bot.send("c-29:ann", "my quiz results", user="29:ann")
    assert "3/3 passed" in mine.text and "Certificate of completion" in mine.text
    reminders = bot.services.quiz.reminders
    first = await reminders.run(bot.app[appkeys.ADAPTER])
    second = await reminders.run(bot.app[appkeys.ADAPTER])
    assert (first.due, first.unreachable, second.due) == (1, 1, 1)  # Cat is overdue but never talked to the bot
    records = bot.services.quiz.records
    assert await records.claim_reminder("k", "overdue", bot.services.clock())
    assert not await records.claim_reminder("k", "overdue", bot.services.clock())  # the unique key holds
