"""The report one question at a time (after `step by step`, or where the channel shows no forms):
handed-over answers are not asked again, an answer is changed from the summary, and changing who
it is about asks the question that now applies."""
from tests.safeguarding.helpers import ANSWERS, REPORTER, current_question, fill_in, say, teams_bot
from tests.safeguarding.test_intake_flow import report_count


async def test_handed_over_answers_are_not_asked_again_one_question_at_a_time(make_bot):
    bot = await teams_bot(make_bot)
    prefill = {"scenario": "child_contact", "platform": "insta", "account_type": "personal",
               "initiated_by": "child", "concern_about": "child", "summary": "A pupil sent me a follow request"}
    start = await say(bot, REPORTER, value={"action": "report.start", "prefill": prefill})
    asked = []
    reply = await say(bot, REPORTER, "step by step")  # before the form is shown: noted for later
    reply = await say(bot, REPORTER, "no")
    reply = await say(bot, REPORTER, "step by step")
    assert "one question at a time" in reply.text
    while (q := current_question(reply.text)) is not None:
        asked.append(q.id)
        reply = await say(bot, REPORTER, ANSWERS[q.id])
    assert not {"platform", "account_type", "initiated_by", "concern_about"} & set(asked)
    assert "Check your report" in reply.text and "A pupil sent me a follow request" in reply.text
    assert start.status == 201


async def test_an_answer_can_be_changed_from_the_summary_one_question_at_a_time(make_bot):
    bot = await teams_bot(make_bot)
    summary = await fill_in(bot, REPORTER, await say(bot, REPORTER, "report"), stop_before="none")
    picker = await say(bot, REPORTER, value=summary.button("Change"))
    question = await say(bot, REPORTER, value={**picker.button("Change it"), "pick": "children"})
    assert current_question(question.text).id == "children"
    again = await say(bot, REPORTER, "Sam Patel, Year 10")
    assert "Check your report" in again.text and "Year 10" in again.text
    stale = await say(bot, REPORTER, value=summary.button("Submit"))  # the old summary's button
    assert "older summary" in stale.text and await report_count(bot) == 0
    done = await say(bot, REPORTER, value=again.button("Submit"))
    assert "Report received" in done.text


async def test_changing_who_it_is_about_asks_the_question_that_now_applies(make_bot):
    bot = await teams_bot(make_bot)
    summary = await fill_in(bot, REPORTER, await say(bot, REPORTER, "report"), stop_before="none")
    picker = await say(bot, REPORTER, "change")
    assert "Which answer do you want to change?" in picker.text
    question = await say(bot, REPORTER, "concern about")
    asked = await say(bot, REPORTER, "a member of staff")
    assert current_question(asked.text).id == "subject"
    again = await say(bot, REPORTER, "Colin Staff")
    assert "Check your report" in again.text and "Colin Staff" in again.text
    assert current_question(question.text).id == "concern_about" and summary.status == 201
