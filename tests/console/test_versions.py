"""A new version of the policy through the console, over HTTP: the diff, the flagged clauses, quiz
questions and situations, the review, publishing, and the bot answering from the new version."""
from __future__ import annotations

import re

import aiohttp
import sqlalchemy as sa

from tests.support.channel import visible_text
from tests.support.console import (
    ANN,
    OWNER,
    ConsoleClient,
    console_bot,
    item_ids,
    open_draft,
    publish_new_version,
    review_everything,
    seed_figures,
)
from tests.support.policies import NEW_RULE, REPORT_QUESTION, REWORDED_TO, changed_policy

CHILD_CONTACT = "personal.report_child_contact"


async def test_a_new_version_is_reviewed_published_and_answered_from(owner):
    bot, client = owner
    page = await open_draft(client, changed_policy())
    assert page.status == 200, page.html[:500]
    html = page.html
    assert "<strong>1</strong> reworded, <strong>1</strong> new, <strong>1</strong> removed" in html
    assert REWORDED_TO.strip() in html and NEW_RULE in html
    assert f"clause:{CHILD_CONTACT}" in item_ids(html, "clause")
    assert "clause:vision.aspirations" in item_ids(html, "clause")
    assert "question:personal.child_message_report" in item_ids(html, "question")
    assert "situation:child_contact" in item_ids(html, "situation")
    assert item_ids(html, "new") == ["new:1"]

    publish_early = await client.form(page.url[len(bot.base_url):].split("#")[0] + "/publish",
                                      {"number": "1.1", "adopted": "2027-01-15"}, page.url[len(bot.base_url):])
    assert publish_early.status == 400 and "still to review" in publish_early.html  # nothing goes live unreviewed

    path = await review_everything(client, page)
    published = await client.form(f"{path}/publish", {"number": "1.1", "adopted": "2027-01-15"}, path)
    assert published.status == 200 and "Published" in published.html, re.findall(r"role=\"alert\">([^<]*)", published.html)

    assert bot.services.kb.version == "1.1"
    assert REWORDED_TO.strip() in bot.services.kb.by_id[CHILD_CONTACT].text
    assert "vision.aspirations" not in bot.services.kb.by_id
    reply = await bot.send("staff-1", REPORT_QUESTION, user="29:s1")
    assert "on the same day" in reply.text
    answer = next(e for a in reply.activities for e in a.get("entities") or [] if e.get("type") == "policyAnswer")
    assert answer["policyVersion"] == "1.1"

    history = await client.get("/console/policies")
    assert ">1.1<" in history.html and ">1.0<" in history.html
    old = await client.get("/console/policies/social_media/versions/1.0")
    assert old.status == 200 and "must be reported to the designated person for Child Protection. " in old.html


async def test_a_bad_upload_changes_nothing(owner):
    bot, client = owner
    csrf = (await client.get("/console/policies/social_media/new")).csrf()
    form = aiohttp.FormData()
    form.add_field("file", b"\x00\x01not a word file", filename="policy.docx")
    page = await client.post("/console/policies/social_media/new", form, csrf)
    assert page.status == 400 and "could not be read" in page.html
    assert bot.services.kb.version == "1.0"


async def test_a_clause_quoted_by_a_situation_cannot_be_retired(owner):
    bot, client = owner
    page = await open_draft(client, changed_policy())
    path = page.url[len(bot.base_url):].split("#")[0]
    retired = await client.form(f"{path}/decide", {"item": f"clause:{CHILD_CONTACT}", "action": "retire"}, path)
    assert retired.status == 200
    await review_everything(client, page, retire_questions=True)
    refused = await client.form(f"{path}/publish", {"number": "1.1", "adopted": "2027-01-15"}, path)
    assert refused.status == 400 and "quotes personal.report_child_contact" in refused.html
    assert bot.services.kb.version == "1.0"


async def test_reports_keep_the_version_they_were_made_under(make_bot):
    from safeguarding.tables import reports
    from tests.safeguarding.helpers import REPORTER, file_report

    bot = await console_bot(make_bot)
    bot.connector.add_member(*REPORTER)
    await file_report(bot)
    client = ConsoleClient(bot)
    await client.sign_in(OWNER)
    await publish_new_version(client)
    await client.close()
    await file_report(bot)
    async with bot.services.db.reading() as conn:
        versions = (await conn.execute(sa.select(reports.c.policy_version).order_by(reports.c.id))).scalars().all()
    assert versions == ["1.0", "1.1"]


async def test_publishing_asks_those_who_passed_on_the_old_version_to_take_the_quiz_again(make_bot):
    bot = await console_bot(make_bot, {"QUIZ_REMINDER_INTERVAL": "3600"})  # the hourly run is far off
    await seed_figures(bot)  # Ann passed on version 1.0 and has talked to the bot
    client = ConsoleClient(bot)
    await client.sign_in(OWNER)
    published = await publish_new_version(client)
    await client.close()
    assert "Published" in published.html
    completions = await bot.services.quiz.records.passes()
    assert [p.policy_version for p in completions] == ["1.0"]  # a pass keeps the version it was made under
    nudge = await bot.connector.wait_for(lambda c: [a for a in c.all_activities() if "has changed" in visible_text(a)])
    assert "version 1.1" in visible_text(nudge[0])
    assert nudge[0]["recipient"]["id"] == ANN[0]  # Ann, who passed on 1.0; not Cat, who never passed
