"""The console in real headless Chromium: sign in by the bot's link (an expired or used link is
refused), a new version reviewed and published, another policy imported and answered from, a
question linked from the review queue, and the charts each role sees.

Needs Debian's chromium and chromium-driver (the Makefile `test` target installs them). Outside
CI the tests are skipped, saying why, when they are missing; in CI (CI=true) they must run.
"""
from __future__ import annotations

import asyncio
import os
from datetime import timedelta

import pytest

from tests.support.console import (
    DSL,
    NOT_ANSWERED,
    OAKFIELD,
    OWNER,
    QUIZ_ADMIN,
    RIVERSIDE,
    ask_for_link,
    console_bot,
    local,
    seed_figures,
    table_rows,
)
from tests.support.policies import (
    AUP_TITLE,
    NEW_RULE,
    PASSWORD_QUESTION,
    PASSWORD_RULE,
    REPORT_QUESTION,
    REWORDED_TO,
    aup_docx,
    changed_policy,
)
from tools.console_page import ConsolePage
from tools.webchat_page import CHROMEDRIVER, CHROMIUM, Browser


@pytest.fixture
async def page(make_bot):
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            if os.environ.get("CI") == "true":
                pytest.fail(f"in CI the browser tests must run: {path} is missing")
            pytest.skip(f"{path} is not installed (apt-get install -y chromium chromium-driver, or make test)")
    bot = await console_bot(make_bot)
    browser = await asyncio.to_thread(Browser)
    yield bot, ConsolePage(browser, bot.base_url)
    await asyncio.to_thread(browser.close)


PUBLISHING = 90  # seconds: publishing trains the new version's second opinion from scratch (docs/console.md)


def run(function, *args):
    return asyncio.to_thread(function, *args)


async def sign_in(bot, console: ConsolePage, person) -> str:
    """Open the link the bot gives the person, and click Sign in; the link, for trying it again."""
    link = local(bot, await ask_for_link(bot, person))
    await run(console.open, link)
    await run(console.click, "Sign in")
    return link


async def test_sign_in_by_link_and_a_new_version_reviewed_published_and_answered(page, tmp_path):
    bot, console = page
    link = await sign_in(bot, console, OWNER)
    assert "Policy owner" in await run(console.text)
    await run(console.open, link)  # the same link again
    await run(console.click, "Sign in")
    assert "already used" in await run(console.text)
    expiring = local(bot, await ask_for_link(bot, OWNER))
    real_clock, later = bot.services.clock, bot.services.clock() + timedelta(minutes=6)
    bot.services.clock = lambda: later
    await run(console.open, expiring)
    await run(console.click, "Sign in")
    bot.services.clock = real_clock
    assert "expired" in await run(console.text)

    document = tmp_path / "policy-v1.1.txt"
    document.write_text(changed_policy(), encoding="utf-8")
    await run(console.open, "/console/policies")
    await run(console.click, "Upload a new version of the Social Media Policy")
    await run(console.fill, {"The document": str(document)})
    await run(console.click, "Compare with version 1.0")
    shown = await run(console.text)
    assert "1 reworded, 1 new, 1 removed" in shown
    assert REWORDED_TO.strip() in shown and NEW_RULE in shown
    assert "personal.report_child_contact" in shown  # the flagged clause
    assert "Quiz questions that rest on a flagged clause" in shown and "Situations that quote a flagged clause" in shown

    retired: set[str] = set()
    while (item := await run(console.first_open_item)) is not None:
        anchor = await run(item.get_attribute, "id")
        heading = await run(lambda: item.find_element("tag name", "h3").text)
        if anchor.startswith("clause-") and " removed" in heading:
            retired.add(heading.split(" ")[0])
            await run(console.click, "Retire this clause", item)
        elif anchor.startswith("clause-"):
            await run(console.click, "Confirm the new wording", item)
        elif anchor.startswith("new-"):
            await run(console.fill, {"Headline": "No — never alter photographs of pupils with AI tools",
                                     "Stance": "must not", "The answer in plain words": "Don't use AI tools on them.",
                                     "Words a question must mention": "ai",
                                     "Example questions": "can I use AI on a class photo?\ncan I fix a pupil photo "
                                                          "with AI?\nis an AI photo app ok for pupils?"}, item)
            await run(console.click, "Write up this clause", item)
        elif anchor.startswith("question-"):
            rests_on = await run(lambda: item.find_element("class name", "hint").text)
            label = "Retire from the quiz" if any(c in rests_on for c in retired) else "Keep"
            await run(console.click, label, item)
        else:
            await run(console.click, "Checked: still right with the new wording", item)
    await run(console.fill, {"Version number": "1.1", "Adopted on": "2027-01-15"})
    await run(console.click, "Publish this version", None, PUBLISHING)
    assert "Published: social_media version 1.1" in await run(console.text)

    reply = await bot.send("staff-1", REPORT_QUESTION, user="29:s1")
    assert "on the same day" in reply.text and "Social Media Policy v1.1" in reply.text


async def test_another_policy_answers_after_review_and_a_linked_question_is_answered(page, tmp_path):
    bot, console = page
    await sign_in(bot, console, OWNER)
    document = tmp_path / "aup.docx"
    document.write_bytes(aup_docx())
    await run(console.open, "/console/import")
    await run(console.fill, {"Title": AUP_TITLE, "The document": str(document)})
    await run(console.click, "Import")
    while (item := await run(console.first_open_item)) is not None:
        quoted = await run(lambda: item.find_element("tag name", "blockquote").text)
        if quoted == PASSWORD_RULE:
            await run(console.fill, {"Headline": "No — never share your network password", "Stance": "must not",
                                     "The answer in plain words": "Keep it to yourself, even from colleagues.",
                                     "Words a question must mention": "password",
                                     "Example questions": "can I share my password with a colleague?\ncan my TA use "
                                                          "my password?\ncan supply staff borrow my password?"}, item)
            await run(console.click, "Write up this clause", item)
        else:
            await run(console.click, "Leave out", item)
    await run(console.fill, {"Version number": "1.0", "Adopted on": "2027-02-01"})
    await run(console.click, "Publish this version", None, PUBLISHING)
    assert "Published: it_acceptable_use_policy version 1.0" in await run(console.text)
    reply = await bot.send("staff-1", PASSWORD_QUESTION, user="29:s1")
    assert PASSWORD_RULE in reply.text and f"{AUP_TITLE} v1.0" in reply.text

    unanswered = await bot.send("staff-2", NOT_ANSWERED, user="29:s2")
    assert "doesn't cover that" in unanswered.text
    await run(console.open, "/console/review")
    assert NOT_ANSWERED in await run(console.text)
    headline = bot.services.kb.by_id["personal.consider_reputation"].headline
    await run(console.fill, {"The clause that answers it": "value=personal.consider_reputation"})
    await run(console.click, "Link to this clause")
    assert "Nothing waiting" in await run(console.text)
    again = await bot.send("staff-3", NOT_ANSWERED, user="29:s3")
    assert headline in again.text


async def test_charts_show_each_role_its_own_schools(page):
    bot, console = page
    await seed_figures(bot)
    await sign_in(bot, console, QUIZ_ADMIN)
    await run(console.open, "/console/charts")
    html = await run(console.html)
    assert "<svg" in html and table_rows(html, "quiz") == {OAKFIELD: ["1", "0", "0", "1"]}
    assert RIVERSIDE not in await run(console.text) and "Concerns" not in await run(console.text)

    await run(console.click, "Sign out")
    await sign_in(bot, console, DSL)
    await run(console.open, "/console/charts")
    html = await run(console.html)
    assert "Concerns per week: Oakfield Primary School" in html and RIVERSIDE not in html
    assert table_rows(html, "acknowledgement") == {OAKFIELD: ["2", "1", "30", "30", "1"]}
