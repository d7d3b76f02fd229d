async def test_new_member_gets_the_welcome_card_listing_what_the_bot_does(bot):
    reply = await bot.channel.join("c-welcome")
    assert len(reply.activities) == 1
    card = reply.activities[0]["attachments"][0]
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert card["content"]["version"] == "1.5"
    text = reply.text.lower()
    for phrase in ("policy questions", "guide you through", "designated person for child protection", "quiz"):
        assert phrase in text.replace("questions about the staff social media policy", "policy questions")
    assert reply.activities[0]["summary"]


async def test_help_shows_the_card_again(bot):
    reply = await bot.send("c-help", "help")
    assert "Staff guidance" in reply.text


async def test_bot_joining_alone_sends_nothing(bot):
    reply = await bot.send("c-botonly", type_="conversationUpdate", membersAdded=[{"id": "bot"}])
    assert reply.activities == []


async def test_help_lists_the_commands_staff_type(bot):
    reply = await bot.send("c-commands", "help")
    for command in ("situations", "report", "my reports", "quiz", "practice quiz", "my quiz results", "policy",
                    "cancel, back, start over"):
        assert command in reply.text, command
    card = reply.activities[-1]["attachments"][0]["content"]  # (a new person gets the welcome first)
    assert not any(e.get("id") == "more" for e in card["body"])  # shown at once, not behind Show more


async def test_help_names_the_school_dsl_when_the_channel_says_who_is_asking(make_bot):
    from tests.safeguarding.helpers import REPORTER, say

    bot = await make_bot(channel="msteams")
    bot.connector.add_member(*REPORTER)  # an Oakfield address, in Teams
    reply = await say(bot, REPORTER, "help")
    assert "Daniel Okafor (DSL) now on 01632 960102" in reply.text
    unknown = await bot.send("c-nobody", "help", user="29:nobody")  # not a member: no email, no school
    assert "your school's DSL" in unknown.text and "Priya Shah" in unknown.text
