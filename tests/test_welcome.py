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
