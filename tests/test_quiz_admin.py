"""Quiz records for admins: access control, roster import, completion report, item analysis, CSV export."""
import base64
import csv
import io
import uuid

from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.onboarding.play import answer, begin

ADMINS = "head@alpha.example.org=Alpha Academy; hr@trust.example.org=*"
ROSTER = ("email,name,school,start date\n"
          "ann@alpha.example.org,Ann Lee,Alpha Academy,2026-09-01\n"
          "bob@alpha.example.org,Bob Khan,Alpha Academy,2026-11-20\n"
          "cat@beta.example.org,Cat Ray,Beta School,2026-09-01\n")


async def teams_bot(make_bot, env=None):
    bot = await make_bot({"QUIZ_ADMINS": ADMINS, "QUIZ_QUESTIONS": "3", **(env or {})}, channel="msteams")
    for uid, name, email in (("29:head", "Hana Head", "head@alpha.example.org"),
                             ("29:hr", "Harry HR", "hr@trust.example.org"),
                             ("29:ann", "Ann Lee", "ann@alpha.example.org"),
                             ("29:bob", "Bob Khan", "bob@alpha.example.org"),
                             ("29:eve", "Eve Staff", "eve@alpha.example.org")):
        bot.connector.add_member(uid, name, email)
    return bot


def attachments(reply):
    return [a for act in reply.activities for a in act.get("attachments") or [] if a["contentType"] == "text/csv"]


def csv_rows(attachment):
    data = attachment["contentUrl"].split(",", 1)[1]
    return list(csv.DictReader(io.StringIO(base64.b64decode(data).decode("utf-8"))))


async def take(bot, user, right):
    bank = bot.services.quiz.bank
    conv = f"c-{user}"
    reply = await begin(bot, conv, user=user)
    for _ in range(3):
        reply = await answer(bot, conv, bank, reply, right=right, user=user)
    return await bot.send(conv, "submit", user=user)


async def test_admin_commands_refuse_everyone_else_even_if_they_type_an_admin_email(make_bot):
    bot = await teams_bot(make_bot)
    for command in ("quiz report", "quiz items", "quiz export", "run reminders",
                    "roster import\n" + ROSTER):
        reply = await bot.send("c-eve", command, user="29:eve")
        assert "only for the school leaders and HR" in reply.text, command
    reply = await bot.send("c-eve", "I am head@alpha.example.org, quiz report please", user="29:eve")
    assert "Passed" not in reply.text
    assert await bot.services.quiz.records.roster() == []


async def test_roster_import_keeps_good_rows_and_reports_bad_ones(make_bot):
    bot = await make_bot({"QUIZ_ADMINS": ADMINS}, channel="msteams")
    bot.connector.add_member("29:hr", "Harry HR", "hr@trust.example.org")
    text = ("roster import\n" + ROSTER +
            "broken-email,Dee,Alpha Academy,2026-09-01\n"
            "eve@alpha.example.org,Eve Staff,Alpha Academy,31/02/2026\n")
    reply = await bot.send("c-hr", text, user="29:hr")
    assert "Added" in reply.text and "3" in reply.text
    assert "line 5: email is missing or not a valid address" in reply.text
    assert "line 6: start date must be a date" in reply.text
    stored = await bot.services.quiz.records.roster()
    assert sorted(e.email for e in stored) == ["ann@alpha.example.org", "bob@alpha.example.org", "cat@beta.example.org"]
    again = await bot.send("c-hr", "roster import\n" + ROSTER.replace("Cat Ray", "Cat Ray-Jones"), user="29:hr")
    assert "Updated" in again.text
    assert any(e.name == "Cat Ray-Jones" for e in await bot.services.quiz.records.roster())


async def test_a_school_admin_cannot_import_rows_for_another_school(make_bot):
    bot = await teams_bot(make_bot)
    reply = await bot.send("c-head", "roster import\n" + ROSTER, user="29:head")
    assert "line 4: school is not one you administer" in reply.text
    assert len(await bot.services.quiz.records.roster()) == 2


async def test_roster_import_from_an_attached_file_and_a_bad_header(make_bot):
    bot = await teams_bot(make_bot)
    data = "data:text/csv;base64," + base64.b64encode(ROSTER.encode()).decode()
    reply = await bot.send("c-hr", "roster import", user="29:hr",
                           attachments=[{"contentType": "text/csv", "contentUrl": data, "name": "staff.csv"}])
    assert "Roster imported" in reply.text
    assert len(await bot.services.quiz.records.roster()) == 3
    bad = await bot.send("c-hr", "roster import\nemail,name\nx@y.org,X", user="29:hr")
    assert "missing column(s) school, start date" in bad.text and "Nothing was imported" in bad.text


async def test_roster_import_downloads_a_teams_file(make_bot):
    bot = await teams_bot(make_bot)

    async def serve(request):
        return web.Response(text=ROSTER, content_type="text/csv")

    app = web.Application()
    app.router.add_get("/staff.csv", serve)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        reply = await bot.send("c-hr", "roster import", user="29:hr", attachments=[{
            "contentType": "application/vnd.microsoft.teams.file.download.info", "name": "staff.csv",
            "content": {"downloadUrl": str(server.make_url("/staff.csv")), "fileType": "csv"}}])
    finally:
        await server.close()
    assert "Roster imported" in reply.text
    assert len(await bot.services.quiz.records.roster()) == 3


async def test_completion_report_item_analysis_and_export_per_school(make_bot):
    bot = await teams_bot(make_bot)
    await bot.send("c-hr", "roster import\n" + ROSTER, user="29:hr")
    passed = await take(bot, "29:ann", right=True)
    assert "Certificate of completion" in passed.text
    failed = await take(bot, "29:bob", right=False)
    assert "not passed yet" in failed.text

    head = await bot.send("c-head", "quiz report", user="29:head")
    assert "Alpha Academy" in head.text and "Beta School" not in head.text
    assert "Failed: Bob Khan" in head.text
    hr = await bot.send("c-hr", "quiz report", user="29:hr")
    assert "Beta School" in hr.text and "Not started: Cat Ray (overdue)" in hr.text

    items = await bot.send("c-head", "quiz items", user="29:head")
    assert "Most-missed quiz questions" in items.text and "Missed 1 of " in items.text

    export = await bot.send("c-head", value={"action": "quiz.export"}, user="29:head")
    report, item_rows = attachments(export)
    assert report["name"].startswith("quiz-completions-") and item_rows["name"].startswith("quiz-items-")
    statuses = {r["email"]: r["status"] for r in csv_rows(report)}
    assert statuses == {"ann@alpha.example.org": "passed", "bob@alpha.example.org": "failed"}
    missed = {r["question id"]: int(r["times missed"]) for r in csv_rows(item_rows)}
    assert sum(missed.values()) == 3 and len(missed) >= 3


async def test_a_report_for_one_named_school_within_the_admins_scope(make_bot):
    bot = await teams_bot(make_bot)
    await bot.send("c-hr", "roster import\n" + ROSTER, user="29:hr")
    beta = await bot.send("c-hr", "quiz report Beta School", user="29:hr")
    assert "Beta School" in beta.text and "Alpha Academy" not in beta.text
    refused = await bot.send("c-head", "quiz report Beta School", user="29:head")
    assert "not set up as a quiz admin for Beta School" in refused.text


async def test_a_new_starter_on_the_roster_is_told_when_the_quiz_is_due(make_bot):
    bot = await teams_bot(make_bot)
    await bot.send("c-hr", "roster import\n" + ROSTER, user="29:hr")
    first = await bot.send("c-bob", "hello", user="29:bob")
    assert "Staff guidance" in first.text  # the welcome first
    assert "please pass the short quiz" in first.text and "by 18 December 2026" in first.text
    stranger = await bot.send("c-eve", "hello", user="29:eve")  # not on the roster
    assert "please pass the short quiz" not in stranger.text


async def test_people_see_their_own_attempts_and_their_certificate_again(make_bot):
    bot = await teams_bot(make_bot)
    await take(bot, "29:bob", right=False)
    await take(bot, "29:bob", right=True)
    mine = await bot.send("c-29:bob", "my quiz results", user="29:bob")
    assert mine.text.count("(assessment, v1.0)") == 2 and "3/3 passed" in mine.text and "0/3 not passed" in mine.text
    assert "Certificate of completion" in mine.text and "Bob Khan" in mine.text
    other = await bot.send("c-29:ann", "my quiz results", user="29:ann")
    assert "You haven't taken the quiz yet" in other.text and "Certificate" not in other.text


async def test_on_slack_the_export_comes_as_text(make_bot):
    aad = str(uuid.uuid5(uuid.NAMESPACE_DNS, "U9:T1"))  # the channel's identity for this user
    bot = await make_bot({"QUIZ_ADMINS": f"{aad}=*"}, channel="slack")
    reply = await bot.send("D9:T1", "quiz export", user="U9:T1")
    assert not attachments(reply)
    assert "quiz-completions-" in reply.text and "school,email,name,start date" in reply.text
    assert "question id,section,type,question" in reply.text
