"""The report intake over the protocol: danger first, questions, summary, submit, reference."""
import asyncio
import logging

import sqlalchemy as sa

from safeguarding.tables import reports
from store import DatabaseError
from tests.safeguarding.helpers import (
    ANSWERS,
    DEPUTY,
    DSL,
    LEAD,
    OUTSIDER,
    REPORTER,
    VERBATIM,
    alerts_in,
    card_elements,
    current_question,
    file_report,
    fill_in,
    form_button,
    form_values,
    online,
    reference_in,
    say,
    teams_bot,
)
from tests.support.channel import visible_text


async def report_count(bot) -> int:
    async with bot.services.db.transaction() as conn:
        return await conn.scalar(sa.select(sa.func.count()).select_from(reports))


async def test_a_report_is_stored_encrypted_and_the_dsl_and_deputy_are_alerted_without_content(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, DSL)
    await online(bot, DEPUTY)
    summary, done = await file_report(bot)
    assert "Sam Patel, Year 9" in summary.text and "Snapchat" in summary.text and VERBATIM in summary.text
    reference = reference_in(done.text)
    assert "Report received" in done.text
    assert "Daniel Okafor (DSL)" in done.text and "Grace Lin (deputy DSL)" in done.text
    await bot.connector.wait_for(lambda c: alerts_in(c, DSL) and alerts_in(c, DEPUTY))
    for person in (DSL, DEPUTY):
        alert = alerts_in(bot.connector, person)[0]
        seen = str(alert)
        assert reference in seen and "Oakfield Primary School" in seen and "Open the bot" in seen
        assert "concern about a child" in seen
        for secret in (VERBATIM, "Sam Patel", "sam_p2011", "Rita"):
            assert secret not in seen
    stored = await bot.services.reports.store.read(reference)
    assert VERBATIM in stored.content["what"] and stored.content["reporter_email"] == REPORTER[2]
    raw = b"".join(p.read_bytes() for p in bot.data_dir.glob("bot.db*"))
    assert reference.encode() in raw  # the row is there...
    for secret in (VERBATIM, "Sam Patel", "sam_p2011"):
        assert secret.encode() not in raw  # ...but its content is not readable on disk


async def test_immediate_danger_comes_first_with_999_and_the_dsl_phone(make_bot):
    bot = await teams_bot(make_bot)
    first = await say(bot, REPORTER, "report")
    assert current_question(first.text).id == "danger"
    urgent = await say(bot, REPORTER, "yes")
    assert "Call 999 now" in urgent.text and "Daniel Okafor" in urgent.text and "01632 960102" in urgent.text
    assert "Don't reply to the child" in urgent.text  # the in-the-moment guidance follows
    assert form_button(urgent) is not None  # then the form (Teams shows forms)


async def test_handed_over_answers_are_shown_and_not_asked_again(make_bot):
    bot = await teams_bot(make_bot)
    prefill = {"scenario": "child_contact", "platform": "insta", "account_type": "personal",
               "initiated_by": "child", "concern_about": "child", "summary": "A pupil sent me a follow request",
               "content_worry": "unsure", "unknown_key": "ignored"}
    start = await say(bot, REPORTER, value={"action": "report.start", "prefill": prefill})
    assert "From what you told me already" in start.text and "Instagram" in start.text
    assert "Never view, copy or forward sexual images" in start.text
    form = await say(bot, REPORTER, "no")
    fields = {e["id"]: e.get("value") for e in card_elements(form) if e["type"].startswith("Input.")}
    assert fields["platform"] == "Instagram" and fields["account_type"] == "personal"
    assert fields["initiated_by"] == "child" and fields["concern_about"] == "child"
    assert "A pupil sent me a follow request" in form.text  # the situation, above the form
    summary = await say(bot, REPORTER, value={**form_button(form), **form_values(), **{
        k: v for k, v in fields.items() if k in ("platform", "account_type", "initiated_by", "concern_about")}})
    assert "Check your report" in summary.text and "Instagram" in summary.text


async def test_bad_handover_values_are_dropped_and_asked(make_bot):
    bot = await teams_bot(make_bot)
    start = await say(bot, REPORTER, value={"action": "report.start", "prefill": {"account_type": "banana"}})
    reply = await fill_in(bot, REPORTER, start, stop_before="account_type")
    assert current_question(reply.text).id == "account_type"


async def test_cancel_asks_before_discarding_and_keep_going_loses_nothing(make_bot):
    bot = await teams_bot(make_bot)
    start = await say(bot, REPORTER, "report")
    at_when = await fill_in(bot, REPORTER, start, stop_before="platform")
    asked = await say(bot, REPORTER, "cancel")
    assert "Discard this report?" in asked.text
    kept = await say(bot, REPORTER, "keep going")
    assert current_question(kept.text).id == "platform"
    summary = await fill_in(bot, REPORTER, kept)
    assert "today at 15:40" in summary.text  # the answer given before "cancel" survived
    await say(bot, REPORTER, "cancel")
    gone = await say(bot, REPORTER, "discard")
    assert "Discarded" in gone.text
    again = await say(bot, REPORTER, "report")
    assert current_question(again.text).id == "danger"
    assert await report_count(bot) == 0
    assert at_when.status == 201


async def test_cancel_before_anything_is_typed_just_stops(make_bot):
    bot = await teams_bot(make_bot)
    await say(bot, REPORTER, "report")
    reply = await say(bot, REPORTER, "cancel")
    assert "Cancelled" in reply.text


async def test_a_half_finished_report_survives_a_restart(make_bot):
    bot = await teams_bot(make_bot)
    start = await say(bot, REPORTER, "report")
    reply = await fill_in(bot, REPORTER, start, stop_before="children")
    await bot.restart()
    assert current_question(reply.text).id == "children"
    resumed = await say(bot, REPORTER, ANSWERS["children"])
    summary = await fill_in(bot, REPORTER, resumed)
    assert "Check your report" in summary.text and "@sam_p2011" in summary.text


async def test_back_returns_to_the_previous_question(make_bot):
    bot = await teams_bot(make_bot)
    start = await say(bot, REPORTER, "report")
    reply = await fill_in(bot, REPORTER, start, stop_before="accounts")
    back = await say(bot, REPORTER, "back")
    assert current_question(back.text).id == "platform"
    reply = await say(bot, REPORTER, "tiktok")
    summary = await fill_in(bot, REPORTER, reply)
    assert "TikTok" in summary.text and "Snapchat" not in summary.text


async def test_change_on_the_summary_shows_the_form_again_filled_in(make_bot):
    bot = await teams_bot(make_bot)
    summary = await fill_in(bot, REPORTER, await say(bot, REPORTER, "report"))
    form = await say(bot, REPORTER, value=summary.button("Change"))
    fields = {e["id"]: e.get("value") for e in card_elements(form) if e["type"].startswith("Input.")}
    assert fields["children"] == "Sam Patel, Year 9" and fields["platform"] == "Snapchat"
    again = await say(bot, REPORTER, value={**form_button(form), **fields, "children": "Sam Patel, Year 10"})
    assert "Check your report" in again.text and "Year 10" in again.text
    stale = await say(bot, REPORTER, value=summary.button("Submit"))  # the old summary's button
    assert "older summary" in stale.text and await report_count(bot) == 0
    done = await say(bot, REPORTER, value=again.button("Submit"))
    assert "Report received" in done.text


async def test_a_double_click_or_retried_submit_makes_one_report(make_bot):
    bot = await teams_bot(make_bot)
    summary = await fill_in(bot, REPORTER, await say(bot, REPORTER, "report"))
    submit = summary.button("Submit")
    first, second = await asyncio.gather(say(bot, REPORTER, value=submit), say(bot, REPORTER, value=submit))
    third = await say(bot, REPORTER, value=submit)
    assert await report_count(bot) == 1
    reference = reference_in(first.text + second.text)
    assert reference in third.text and "Already received" in third.text


async def test_typed_submit_works_and_is_idempotent_with_the_button(make_bot):
    bot = await teams_bot(make_bot)
    summary = await fill_in(bot, REPORTER, await say(bot, REPORTER, "report"))
    done = await say(bot, REPORTER, "submit")
    again = await say(bot, REPORTER, value=summary.button("Submit"))
    assert reference_in(done.text) == reference_in(again.text) and await report_count(bot) == 1


async def test_a_failed_write_says_not_received_and_keeps_the_draft(make_bot, monkeypatch):
    bot = await teams_bot(make_bot)
    store = bot.services.reports.store
    real_submit = store.submit

    async def broken(*args, **kwargs):
        raise DatabaseError("database unavailable: OperationalError")

    summary = await fill_in(bot, REPORTER, await say(bot, REPORTER, "report"))
    monkeypatch.setattr(store, "submit", broken)
    failed = await say(bot, REPORTER, value=summary.button("Submit"))
    assert "NOT been received" in failed.text and "Report received" not in failed.text
    assert await report_count(bot) == 0
    monkeypatch.setattr(store, "submit", real_submit)
    done = await say(bot, REPORTER, value=failed.button("Submit again"))
    assert "Report received" in done.text and await report_count(bot) == 1
    stored = await store.read(reference_in(done.text))
    assert stored.content["children"] == "Sam Patel, Year 9"


async def test_evidence_files_are_recorded(make_bot):
    bot = await teams_bot(make_bot)
    reply = await fill_in(bot, REPORTER, await say(bot, REPORTER, "report"), stop_before="evidence")
    summary = await say(bot, REPORTER, attachments=[{"contentType": "image/png", "name": "snap.png",
                                                     "contentUrl": "https://files.example.org/snap.png"}])
    assert "Check your report" in summary.text and "snap.png" in summary.text
    done = await say(bot, REPORTER, "submit")
    stored = await bot.services.reports.store.read(reference_in(done.text))
    assert stored.content["evidence_files"][0]["name"] == "snap.png"
    assert current_question(reply.text).id == "evidence"


async def test_a_reporter_whose_school_is_unknown_still_reports_to_the_trust_lead(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, LEAD)
    start = await say(bot, OUTSIDER, "report")
    assert "can't tell which school" in start.text and "Priya Shah" in start.text
    summary = await fill_in(bot, OUTSIDER, start)
    done = await say(bot, OUTSIDER, value=summary.button("Submit"))
    assert "Priya Shah (trust safeguarding lead)" in done.text and "gone to the trust" in done.text
    await bot.connector.wait_for(lambda c: alerts_in(c, LEAD))
    assert "Not known" in str(alerts_in(bot.connector, LEAD)[0])


async def test_asking_to_report_starts_the_intake_but_policy_questions_do_not(make_bot):
    bot = await teams_bot(make_bot)
    started = await say(bot, REPORTER, "I want to report a concern")
    assert current_question(started.text).id == "danger"
    await say(bot, REPORTER, "cancel")
    asked = await say(bot, OUTSIDER, "do I have to report a message from a pupil?")
    answer = visible_text(asked.activities[-1])  # (after the welcome a new person gets, which lists `report`)
    assert current_question(answer) is None and "Report a safeguarding concern" not in answer


async def test_the_help_menu_has_a_report_button(make_bot):
    bot = await teams_bot(make_bot)
    menu = await say(bot, REPORTER, "help")
    start = await say(bot, REPORTER, value=menu.button("Report a concern"))
    assert current_question(start.text).id == "danger"


async def test_no_report_content_reaches_the_logs(make_bot, caplog):
    caplog.set_level(logging.DEBUG)
    bot = await teams_bot(make_bot)
    await online(bot, DSL)
    _, done = await file_report(bot)
    reference = reference_in(done.text)
    await bot.connector.wait_for(lambda c: alerts_in(c, DSL))
    await say(bot, DSL, f"report view {reference}")
    await say(bot, DSL, f"report note {reference} Spoke to Sam Patel's parents")
    await say(bot, DSL, "report export json")
    assert reference in caplog.text  # the log does record what happened...
    for secret in (VERBATIM, "Sam Patel", "sam_p2011", "Spoke to"):
        assert secret not in caplog.text  # ...never what was reported, even at DEBUG (it is encrypted)
    # At the level the app runs (INFO), no personal data either; aiosqlite's DEBUG lines echo SQL parameters.
    production = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.INFO)
    assert "rita.teacher" not in production and "Rita Teacher" not in production


async def test_a_child_in_danger_makes_the_alert_urgent_without_saying_why(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, DSL)
    _, done = await file_report(bot, answers={"danger": "yes"})
    await bot.connector.wait_for(lambda c: alerts_in(c, DSL))
    alert = str(alerts_in(bot.connector, DSL)[0])
    assert "URGENT" in alert and reference_in(done.text) in alert and VERBATIM not in alert
