"""The review queue: unanswered questions, "none of these" and "not helpful" land there (never a
concern's text); linking, "not covered" and "needs a new clause" work at once and can be undone."""
from __future__ import annotations

import re

from console.web import CONTEXT
from tests.support.console import OWNER, REVIEWER, ConsoleClient

UNANSWERED = "can I livestream my cooking on twitch?"
CLAUSE = "personal.consider_reputation"


async def decide(client, question: str, kind: str, **extra):
    return await client.form("/console/review/decide", {"policy": "social_media", "question": question, "kind": kind,
                                                        **extra}, "/console/review")


def undo_ids(html: str) -> list[str]:
    return re.findall(r'name="decision" value="(\d+)"', html)


async def test_a_linked_question_is_answered_at_once_and_undo_takes_it_back(reviewer):
    bot, client = reviewer
    first = await bot.send("staff-1", UNANSWERED, user="29:s1")
    assert "doesn't cover that" in first.text
    queue = await client.get("/console/review")
    assert UNANSWERED in queue.html and "not answered" in queue.html

    page = await decide(client, UNANSWERED, "link", clause=CLAUSE)
    assert page.status == 200 and UNANSWERED not in page.html.split('id="decisions"')[0]
    again = await bot.send("staff-2", UNANSWERED.upper().replace("?", " ?"), user="29:s2")
    assert bot.services.kb.by_id[CLAUSE].text in again.text
    assert UNANSWERED in bot.services.kb.by_id[CLAUSE].examples  # an example question now

    decision = undo_ids(page.html)[0]
    undone = await client.form("/console/review/undo", {"policy": "social_media", "decision": decision},
                               "/console/review")
    assert undone.status == 200 and UNANSWERED in undone.html.split('id="decisions"')[0]
    after = await bot.send("staff-3", UNANSWERED, user="29:s3")
    assert "doesn't cover that" in after.text


async def test_not_helpful_marked_not_covered_is_no_longer_answered(reviewer):
    bot, client = reviewer
    question = "can I put photos of the staff christmas party on facebook?"
    reply = await bot.send("staff-1", question, user="29:s1")
    clause = reply.button("Not helpful")["clause"]
    await bot.send("staff-1", value=reply.button("Not helpful"), user="29:s1")
    queue = await client.get("/console/review")
    assert question in queue.html and "“not helpful”" in queue.html and f"answered with {clause}" in queue.html

    await decide(client, question, "not_covered", answered_by=clause)
    again = await bot.send("staff-2", question, user="29:s2")
    assert "doesn't cover that" in again.text
    assert question in bot.app[CONTEXT].live.current.primary.kb.by_id[clause].not_about  # a negative example


async def test_needs_a_new_clause_waits_for_the_next_draft_and_everything_is_audited(reviewer, make_bot):
    bot, client = reviewer
    await bot.send("staff-1", UNANSWERED, user="29:s1")
    await decide(client, UNANSWERED, "needs_clause")
    assert UNANSWERED not in (await client.get("/console/review")).html.split('id="decisions"')[0]
    owner = ConsoleClient(bot)
    await owner.sign_in(OWNER)
    audit = (await owner.get("/console/audit")).html
    await owner.close()
    assert "review decision" in audit and REVIEWER[2] in audit and "needs a new clause" in audit
    assert UNANSWERED not in audit  # the log names pages and ids, never what staff wrote


async def test_a_concern_never_reaches_the_queue(reviewer):
    bot, client = reviewer
    await bot.send("staff-1", "a pupil in my class told me her stepdad hits her", user="29:s1")
    queue = await client.get("/console/review")
    assert "stepdad" not in queue.html
