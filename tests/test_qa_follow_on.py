"""Over the protocol: a message that follows on from the person's last question is answered with it."""
import json
import sqlite3
from datetime import timedelta

from cards.qa import choose_card

MENTION = [{"type": "mention", "mentioned": {"id": "bot"}, "text": "<at>Guidance bot</at>"}]
PARENT_RULE = "personal.no_contact_parents_children"


def declared(reply) -> dict:
    return next(e for e in reply.activities[-1]["entities"] if e["type"] == "policyAnswer")


async def test_a_follow_on_is_answered_with_the_last_question_and_says_so(bot):
    first = await bot.send("f1", "can I accept a friend request from a parent?")
    assert declared(first)["stance"] == "no"
    then = await bot.send("f1", "and what if I retire next year?")
    assert "Yes — once you have left the trust" in then.text
    assert "Read with your last question: “can I accept a friend request from a parent?”" in then.text
    assert declared(then) == {"type": "policyAnswer", "stance": "yes", "clauses": [PARENT_RULE], "policyVersion": "1.0"}
    # The next follow-on is read with the same question, not with the two read together.
    again = await bot.send("f1", "what about a former student?")
    assert "No — not current students (any age) or ex-students under 18" in again.text
    assert "under 18, or 18 or over?" in again.text
    assert "Read with your last question: “can I accept a friend request from a parent?”" in again.text
    answered = await bot.send("f1", "she's 17")  # the clarifying question is answered as before
    assert "No — not an ex-student under 18" in answered.text


async def test_someone_else_in_a_group_chat_is_not_read_with_another_persons_question(make_bot):
    bot = await make_bot(channel="msteams")
    group = {"conversation_type": "groupChat", "entities": MENTION}
    await bot.send("19:staffroom@thread.v2", "<at>Guidance bot</at> can I accept a friend request from a parent?",
                   user="29:ann", **group)
    other = await bot.send("19:staffroom@thread.v2", "<at>Guidance bot</at> what if I retire next year?",
                           user="29:bob", **group)
    assert "doesn't cover that" in other.text and "Read with your last question" not in other.text
    own = await bot.send("19:staffroom@thread.v2", "<at>Guidance bot</at> what if I retire next year?",
                         user="29:ann", **group)
    assert "Yes — once you have left the trust" in own.text


def stored_state(bot) -> str:
    return " ".join(data for (data,) in sqlite3.connect(bot.data_dir / "bot.db").execute("SELECT data FROM bot_state"))


async def test_after_half_an_hour_a_message_is_read_on_its_own_and_the_old_question_is_dropped(bot):
    await bot.send("f3", "can I accept a friend request from a parent?")
    assert "friend request from a parent" in stored_state(bot)
    now = bot.services.clock()
    bot.services.clock = lambda: now + timedelta(minutes=31)
    later = await bot.send("f3", "and what if I retire next year?")
    assert "doesn't cover that" in later.text
    assert "friend request from a parent" not in stored_state(bot)


async def test_the_last_question_is_kept_without_childrens_names(bot):
    await bot.send("f4", "can I post 'Well done to Amelia and Josh' with their photo on the school facebook?")
    (data,) = sqlite3.connect(bot.data_dir / "bot.db").execute(
        "SELECT data FROM bot_state WHERE data LIKE '%qa_last%'").fetchone()
    assert "Amelia" not in data and "Josh" not in data
    (last,) = json.loads(data)["qa_last"].values()
    assert last["question"] == "can I post 'Well done to [name] and [name]' with their photo on the school facebook?"


async def test_a_follow_on_that_changes_nothing_the_policy_decides_says_so_rather_than_that_the_policy_is_silent(bot):
    await bot.send("f5", "can I accept a friend request from a parent?")
    reply = await bot.send("f5", "what if she's a really nice mum?")
    assert "I can't tell from the policy whether that changes the answer to your last question" in reply.text
    assert "Your last question: “can I accept a friend request from a parent?”" in reply.text
    assert "doesn't cover that" not in reply.text and "“\u200a" not in reply.text  # no clause is quoted
    assert declared(reply)["stance"] == "not_covered"
    rows = sqlite3.connect(bot.data_dir / "bot.db").execute("SELECT question FROM unanswered_questions").fetchall()
    assert rows == [("can I accept a friend request from a parent? if she's a really nice mum?",)]


def test_a_choice_read_with_the_last_question_says_which_question(bot):
    card = choose_card(bot.services.kb, ("personal.no_friend_students", "personal.no_contact_parents_children"),
                       "can I add a parent? and her son", "can I add a parent?")
    assert card.summary.index("Which did you mean?") < card.summary.index("Read with your last question: “can I add a parent?”")



async def test_during_a_flow_a_message_is_not_read_with_the_last_question(bot):
    """Mid-quiz, "what if I retire next year?" is not an answer and, alone, not a question the policy
    answers: the quiz asks again; it is not answered as a follow-on to the question before the quiz."""
    await bot.send("f9", "can I accept a friend request from a parent?")
    started = await bot.send("f9", "quiz")
    assert "Have you read the policy?" in started.text
    mid = await bot.send("f9", "what if I retire next year?")
    assert "Read with your last question" not in mid.text and "once you have left the trust" not in mid.text
    assert "Sorry, I didn't catch that." in mid.text and "Have you read the policy?" in mid.text  # not taken as "read"
