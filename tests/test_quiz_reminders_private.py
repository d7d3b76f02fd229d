"""Quiz reminders reach people as alerts do: in Teams only in their 1:1 chat with the bot."""
from tests.test_quiz_reminders import reminders_in, setup

MENTION = [{"type": "mention", "mentioned": {"id": "bot"}, "text": "<at>Guidance bot</at>"}]


async def test_a_reminder_goes_to_the_1to1_chat_not_the_group_chat_written_in_last(make_bot):
    bot = await setup(make_bot)
    await bot.send("19:year6@thread.v2", "<at>Guidance bot</at> hello", user="29:ann", conversation_type="groupChat",
                   entities=MENTION)
    report = await bot.send("c-hr", "run reminders", user="29:hr")
    assert "Sent" in report.text
    assert len(reminders_in(bot, "c-ann")) == 1
    assert reminders_in(bot, "19:year6@thread.v2") == []


async def test_someone_who_only_wrote_in_a_group_chat_is_reminded_in_a_new_1to1_chat(make_bot):
    bot = await setup(make_bot)
    cat = bot.connector.add_member("29:cat", "Cat Ray", "cat@alpha.example.org")
    await bot.send("19:year6@thread.v2", "<at>Guidance bot</at> hello", user="29:cat", conversation_type="groupChat",
                   entities=MENTION)
    await bot.send("c-hr", "run reminders", user="29:hr")
    (opened,) = bot.connector.created_for(cat.aad_object_id)
    assert len(reminders_in(bot, opened["id"])) == 1 and reminders_in(bot, "19:year6@thread.v2") == []
