"""Another policy through the console: imported from a document written for this test, its clauses
written up by the owner, only those answerable, every answer naming the policy it quotes."""
from __future__ import annotations

import io
import re

import aiohttp

from tests.support.policies import AUP_TITLE, PASSWORD_QUESTION, PASSWORD_RULE, aup_docx, aup_text, pdf_of

USB_QUESTION = "can I put pupil data on my own USB stick?"


async def import_policy(client, name: str, data: bytes, title: str = AUP_TITLE, out_of_scope: str = ""):
    csrf = (await client.get("/console/import")).csrf()
    form = aiohttp.FormData()
    form.add_field("title", title)
    form.add_field("out_of_scope", out_of_scope)
    form.add_field("file", io.BytesIO(data), filename=name)
    return await client.post("/console/import", form, csrf)


def items(html: str) -> dict[str, str]:
    """Each draft clause's item id, by the words it quotes."""
    found = re.findall(r'<blockquote class="new">([^<]*)</blockquote>\s*(?:<p[^>]*>[^<]*</p>\s*)?'
                       r'<form[^>]*>\s*<input type="hidden" name="csrf" value="[^"]*">'
                       r'<input type="hidden" name="item" value="([^"]+)">', html)
    return {text: item for text, item in found}


async def write_up_password_rule_and_leave_out_the_rest(client, page) -> str:
    path = page.url[len(client.bot.base_url):].split("#")[0]
    for text, item in items(page.html).items():
        if text == PASSWORD_RULE:
            data = {"item": item, "action": "write", "headline": "No — never share your network password",
                    "stance": "must_not", "answer": "Keep your network password to yourself, even from colleagues.",
                    "keywords": "password", "contacts": "line_manager",
                    "examples": "can I share my password with a colleague?\ncan my TA use my login password?\n"
                                "is it ok to tell supply staff my network password?"}
        else:
            data = {"item": item, "action": "leave_out"}
        done = await client.form(f"{path}/decide", data, path)
        assert done.status == 200, re.findall(r'role="alert">([^<]*)', done.html)
    return path


async def test_an_imported_policy_answers_only_what_the_owner_wrote_up(owner):
    bot, client = owner
    before = await bot.send("staff-1", PASSWORD_QUESTION, user="29:s1")
    assert "doesn't cover that" in before.text

    page = await import_policy(client, "aup.docx", aup_docx())
    assert page.status == 200
    assert set(items(page.html)) >= {PASSWORD_RULE, "Staff must not store pupil data on personal USB sticks."}
    assert "Passwords" in page.html  # clauses are drafted under the document's headings
    path = await write_up_password_rule_and_leave_out_the_rest(client, page)
    published = await client.form(f"{path}/publish", {"number": "1.0", "adopted": "2027-02-01"}, path)
    assert published.status == 200 and "Published" in published.html, re.findall(r'role="alert">([^<]*)', published.html)

    reply = await bot.send("staff-2", PASSWORD_QUESTION, user="29:s2")
    assert PASSWORD_RULE in reply.text and f"{AUP_TITLE} v1.0" in reply.text  # it says which policy it quotes
    feedback = reply.button("Not helpful")
    assert feedback["action"] == "policy.feedback" and feedback["policy"] == "it_acceptable_use_policy"
    thanks = await bot.send("staff-2", value=feedback, user="29:s2")
    assert "Thanks for telling us" in thanks.text

    left_out = await bot.send("staff-3", USB_QUESTION, user="29:s3")
    assert "doesn't cover that" in left_out.text  # a block the owner left out is never answered
    social = await bot.send("staff-4", "can I accept a friend request from a pupil?", user="29:s4")
    assert "Social Media Policy v1.0" in social.text  # the first policy still answers its own questions


async def test_a_pdf_imports_like_a_word_file(owner):
    bot, client = owner
    page = await import_policy(client, "aup.pdf", pdf_of(aup_text().splitlines()))
    assert page.status == 200 and PASSWORD_RULE in items(page.html)


async def test_out_of_scope_topics_are_not_answered_from_that_policy(owner):
    bot, client = owner
    page = await import_policy(client, "aup.txt", aup_text().encode(), out_of_scope="personal phone")
    path = await write_up_password_rule_and_leave_out_the_rest(client, page)
    await client.form(f"{path}/publish", {"number": "1.0", "adopted": "2027-02-01"}, path)
    answered = await bot.send("staff-5", PASSWORD_QUESTION, user="29:s5")
    assert PASSWORD_RULE in answered.text
    vetoed = await bot.send("staff-6", "can I share my password for my personal phone with a colleague?", user="29:s6")
    assert PASSWORD_RULE not in vetoed.text


async def test_a_document_larger_than_a_chat_message_is_taken_up_to_five_megabytes(owner):
    bot, client = owner
    big = (aup_text() + "\n" + "Staff should read this paragraph carefully before the next one begins. " * 3700).encode()
    assert 256 * 1024 < len(big) < 5 * 1024 * 1024  # over the app's body limit for /api/messages
    page = await import_policy(client, "aup.txt", big)
    assert page.status == 200 and PASSWORD_RULE in items(page.html)
    too_big = await import_policy(client, "aup.txt", b"x" * (5 * 1024 * 1024 + 1))
    assert too_big.status == 413
