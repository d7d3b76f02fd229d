"""One interruption rule for every flow: something else typed mid-flow is answered, and the flow
offers to carry on where it was; an answer-shaped message is taken as the answer."""
from safeguarding.intake import BY_ID
from tests.onboarding.play import begin, question_card
from tests.safeguarding.helpers import REPORTER, conv, fill_in, say

POLICY_QUESTION = "can i text a parent from my own phone"
PHONE_CLAUSE = "Staff should not use personal email accounts or mobile phones"


async def test_a_policy_question_mid_quiz_is_answered_and_the_quiz_carries_on_unscored(bot):
    reply = await begin(bot, "c-quiz")
    first = question_card(reply)["body"][0]["text"]
    asked = await bot.send("c-quiz", POLICY_QUESTION)
    assert PHONE_CLAUSE in asked.text
    assert "You were in the middle of the quiz (question 1 of" in asked.text
    assert "saved" not in asked.text  # the question was not taken as an answer
    back = await bot.send("c-quiz", value=asked.button("Carry on"))
    assert question_card(back)["body"][0]["text"] == first  # the same question: nothing was scored
    assert "saved" not in back.text


async def test_a_question_typed_into_a_report_is_answered_not_saved_as_the_answer(make_bot):
    bot = await make_bot(channel="msteams")
    bot.connector.add_member(*REPORTER)
    start = await say(bot, REPORTER, "report")
    reply = await fill_in(bot, REPORTER, start, stop_before="children")
    assert BY_ID["children"].prompt in reply.text
    asked = await say(bot, REPORTER, POLICY_QUESTION + "?")
    assert PHONE_CLAUSE in asked.text and "You were in the middle of your report" in asked.text
    back = await say(bot, REPORTER, value=asked.button("Carry on"))
    assert BY_ID["children"].prompt in back.text  # still waiting for the child's name
    named = await say(bot, REPORTER, "Sam Patel, Year 9")
    assert BY_ID["children"].prompt not in named.text


async def test_an_unclear_answer_is_asked_again_not_routed(bot):
    await begin(bot, "c-unclear")
    reply = await bot.send("c-unclear", "hmm")
    assert "didn't catch that" in reply.text and "Carry on?" not in reply.text


async def test_a_flow_started_mid_flow_pauses_it_and_it_comes_back_after(bot):
    await begin(bot, "c-stack")
    walk = await bot.send("c-stack", "scenario 1")
    assert "Who contacted you?" in walk.text
    assert "Carry on?" not in walk.text  # the walk is what is under way now: nothing to offer yet
    stopped = await bot.send("c-stack", "cancel")
    assert "Cancelled" in stopped.text and "Back to the quiz" in stopped.text and "Question 1 of" in stopped.text


async def test_a_report_started_mid_quiz_pauses_the_quiz_and_it_comes_back_after(make_bot):
    bot = await make_bot(channel="msteams")
    bot.connector.add_member(*REPORTER)
    first = question_card(await begin(bot, conv(REPORTER), user=REPORTER[0]))["body"][0]["text"]
    start = await say(bot, REPORTER, "report")
    assert first not in start.text  # the report's first question, not the quiz's
    summary = await fill_in(bot, REPORTER, start)
    sent = await say(bot, REPORTER, value=summary.button("Submit"))
    assert "SG-" in sent.text and "Back to the quiz" in sent.text
    assert first in sent.text  # the quiz asks where it was: nothing was lost


async def test_cancel_with_nothing_running_says_so(bot):
    reply = await bot.send("c-idle", "cancel")
    assert "Nothing to cancel" in reply.text


async def test_carry_on_with_nothing_paused_says_so(bot):
    reply = await bot.send("c-idle2", "carry on")
    assert "nothing to carry on with" in reply.text


async def test_cancel_with_typed_answers_asks_first_in_every_flow(make_bot):
    bot = await make_bot(channel="msteams")
    bot.connector.add_member(*REPORTER)
    start = await say(bot, REPORTER, "report")
    await fill_in(bot, REPORTER, start, stop_before="what")
    asked = await say(bot, REPORTER, "cancel")
    assert "Discard this report?" in asked.text
    kept = await say(bot, REPORTER, value=asked.button("Keep going"))
    assert "Nothing has been lost" in kept.text and BY_ID["what"].prompt in kept.text
