"""A new version of the policy through the console, over HTTP: the diff, the flagged clauses, quiz
questions and situations, the review, publishing, and the bot answering from the new version."""
from __future__ import annotations

import html as html_module
import re

import aiohttp
import pytest

from tests.support.channel import TRUST_TENANT
from tests.support.console import OWNER, ConsoleClient, console_bot
from tests.support.policies import NEW_RULE, REPORT_QUESTION, REWORDED_TO, changed_policy

CHILD_CONTACT = "personal.report_child_contact"


@pytest.fixture
async def owner(make_bot):
    bot = await console_bot(make_bot)
    client = ConsoleClient(bot)
    await client.sign_in(OWNER)
    yield bot, client
    await client.close()


def upload(text: str, name: str = "policy.txt") -> aiohttp.FormData:
    form = aiohttp.FormData()
    form.add_field("file", text.encode("utf-8"), filename=name, content_type="text/plain")
    return form


async def open_draft(client, text: str):
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


async def test_reports_keep_the_version_they_were_made_under(owner):
    bot, _ = owner
    assert bot.services.reports.store.policy_version() == "1.0"
    assert TRUST_TENANT
