"""A child at risk comes first: a message telling of harm to a child, typed anywhere, gets the
safeguarding reply at once (over the protocol, Teams-shaped, with the example contacts file)."""
import logging
import sqlite3

from bot.features.private import PRIVATELY
from cards.safeguarding import GUIDANCE_LABEL
from tests.safeguarding.helpers import DEPUTY, DSL, HEAD, LEAD, OUTSIDER, REPORTER, conv, online, say, teams_bot
from tests.safeguarding.test_reach_private import in_shared

DISCLOSURE = "a pupil in my tutor group said her stepdad hits her when he's drunk, who do i tell"
URGENT = "one of my year 10s just messaged me saying she has taken a load of pills and wants to die"
ONLINE = "a man keeps messaging one of our year 8 girls on snapchat asking for photos of her"
ABOUT_STAFF = "a year 9 told me that mr jones keeps messaging her on instagram late at night"


def policy_answer(reply) -> dict:
    return next(e for a in reply.activities for e in a.get("entities") or [] if e.get("type") == "policyAnswer")


async def test_a_disclosure_names_the_schools_dsl_and_deputy_and_offers_a_report(make_bot, caplog):
    bot = await teams_bot(make_bot)
    await online(bot, REPORTER)
    with caplog.at_level(logging.DEBUG):
        reply = await say(bot, REPORTER, DISCLOSURE)
    text = reply.text
    assert "Tell the designated person for Child Protection (DSL) now" in text
    assert f"{DSL[1]}, 01632 960102" in text and f"{DEPUTY[1]}, 01632 960103" in text  # by name and number
    assert "If a child is in immediate danger, call 999." in text
    assert GUIDANCE_LABEL in text and "Don't promise to keep it secret" in text
    assert reply.button("Report a concern")["action"] == "report.start"
    assert policy_answer(reply) == {"type": "policyAnswer", "stance": "safeguarding", "clauses": [],
                                    "policyVersion": "1.0"}  # no social media: no reporting rule quoted
    assert "stepdad" not in caplog.text  # never logged
    rows = sqlite3.connect(bot.data_dir / "bot.db").execute("SELECT question FROM unanswered_questions").fetchall()
    assert rows == []  # never in the unanswered-questions log


async def test_a_child_in_danger_now_is_999_first(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, REPORTER)
    reply = await say(bot, REPORTER, URGENT)
    assert reply.text.startswith("Call 999 now") or "Call 999 now if a child is in immediate danger" in reply.text


async def test_social_media_brings_the_policys_reporting_rule(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, REPORTER)
    reply = await say(bot, REPORTER, ONLINE)
    assert policy_answer(reply)["clauses"] == ["personal.report_inappropriate"]
    assert "aware of any inappropriate communications involving any child" in reply.text
    to_me = await say(bot, REPORTER, "a year 9 messaged me on instagram last night saying her dad hits her")
    assert policy_answer(to_me)["clauses"] == ["personal.report_child_contact"]


async def test_a_concern_about_a_member_of_staff_goes_to_the_headteacher(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, REPORTER)
    reply = await say(bot, REPORTER, ABOUT_STAFF)
    assert "Tell the headteacher now" in reply.text and f"{HEAD[1]}, 01632 960101" in reply.text
    about_head = await say(bot, REPORTER, "a year 6 girl told me the headteacher touched her in his office")
    assert "Tell the trust safeguarding lead now" in about_head.text and LEAD[1] in about_head.text
    assert HEAD[1] not in about_head.text


async def test_the_report_button_fills_in_what_they_wrote_for_them_only(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, REPORTER)
    await online(bot, DSL)
    reply = await say(bot, REPORTER, ONLINE)
    button = reply.button("Report a concern")
    assert "snapchat" not in str(button).lower()  # sealed, not readable in the card
    form = await say(bot, REPORTER, value=button)
    if "immediate danger" in form.text and "Check my report" not in form.text:  # the danger question comes first
        form = await say(bot, REPORTER, value=form.button("No"))
    assert ONLINE in form.text  # "what was seen or said" is filled in
    # The same button clicked by someone else opens nothing of it.
    other = await say(bot, DSL, value=button)
    if "immediate danger" in other.text and "Check my report" not in other.text:
        other = await say(bot, DSL, value=other.button("No"))
    assert ONLINE not in other.text


async def test_in_a_group_chat_only_a_content_free_line_is_said_there(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, REPORTER)
    shared = await in_shared(bot, REPORTER, "19:staffroom@thread.v2", text=DISCLOSURE)
    assert shared.text.strip() == PRIVATELY
    private = bot.connector.inbox[conv(REPORTER)]
    assert any("Tell the designated person for Child Protection (DSL) now" in str(a) for a in private)
    channel = await in_shared(bot, REPORTER, "19:general@thread.tacv2", kind="channel", text=ONLINE)
    assert channel.text.strip() == PRIVATELY
    assert "snapchat" not in str(bot.connector.inbox["19:general@thread.tacv2"]).lower()


async def test_mid_quiz_the_disclosure_is_answered_and_the_quiz_can_carry_on(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, REPORTER)
    await say(bot, REPORTER, "quiz")
    reply = await say(bot, REPORTER, DISCLOSURE)
    assert "Tell the designated person for Child Protection (DSL) now" in reply.text
    assert reply.button("Carry on")


async def test_who_is_our_dsl_names_them_with_999_and_a_report_button(make_bot):
    # "who is the DSL at my school" got "The social media policy doesn't cover that"
    bot = await teams_bot(make_bot)
    await online(bot, REPORTER)
    for question in ("who is the DSL at my school?", "who do i report a concern to", "DSL contact details please",
                     # these two got "A child may be at risk", as if a child had been named
                     "who do I report a safeguarding concern to", "who do i speak to if im worried about a child"):
        reply = await say(bot, REPORTER, question)
        text = reply.text
        assert "Concerns about a child at Oakfield" in text, question
        assert f"{DSL[1]}, 01632 960102" in text and f"{DEPUTY[1]}, 01632 960103" in text, question
        assert "If a child is in immediate danger, call 999 first." in text
        assert reply.button("Report a concern")["action"] == "report.start"
        assert policy_answer(reply) == {"type": "policyAnswer", "stance": "info",
                                        "clauses": ["personal.report_child_contact"], "policyVersion": "1.0"}
    rows = sqlite3.connect(bot.data_dir / "bot.db").execute("SELECT question FROM unanswered_questions").fetchall()
    assert rows == []


async def test_who_to_tell_about_a_case_the_policy_decides_is_still_the_policys_answer(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, REPORTER)
    reply = await say(bot, REPORTER, "who do i report it to if a kid messages me on my personal fb")
    assert policy_answer(reply)["clauses"] == ["personal.report_child_contact"] and "Who to tell" not in reply.text
    # told with harm in it, the safeguarding reply comes first
    reply = await say(bot, REPORTER, "who do i report a concern to, a year 4 said her dad hits her")
    assert policy_answer(reply)["stance"] == "safeguarding"


async def test_who_is_the_dsl_for_someone_whose_school_is_not_known(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, OUTSIDER)
    reply = await say(bot, OUTSIDER, "who's our designated safeguarding lead?")
    assert "I don't know which school you're at" in reply.text and LEAD[1] in reply.text and DSL[1] not in reply.text


async def test_who_is_our_dsl_in_a_team_channel_is_answered_there_and_the_button_reports_in_private(make_bot):
    # the names and numbers of a school's DSLs are not private; a report started from the channel goes to the 1:1 chat
    bot = await teams_bot(make_bot)
    await online(bot, REPORTER)
    reply = await in_shared(bot, REPORTER, "19:staffroom@thread.v2", "channel", "who is our DSL?")
    assert "Who to tell" in reply.text and f"{DSL[1]}, 01632 960102" in reply.text
    started = await bot.send("19:staffroom@thread.v2", value=reply.button("Report a concern"), user=REPORTER[0],
                             conversation_type="channel")
    assert started.text == "I've sent you a private message about this."
    private = " ".join(str(a) for a in bot.connector.inbox.get(conv(REPORTER), []))
    assert "You asked me to report a concern in a shared chat" in private
