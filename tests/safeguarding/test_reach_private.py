"""Proactive messages (alerts, acknowledgement notices) reach people only in their 1:1 chat with the bot,
over the protocol: Teams-shaped activities from personal chats, group chats and channels, and a fake
Connector that opens 1:1 conversations as Teams does and can refuse them."""
import asyncio

from tests.safeguarding.helpers import (
    DEPUTY,
    DSL,
    REPORTER,
    Clock,
    alerts_in,
    conv,
    file_report,
    online,
    outbox_rows,
    reference_in,
    say,
    teams_bot,
)

BOT_MENTION = {"type": "mention", "mentioned": {"id": "bot", "name": "Guidance bot"}, "text": "<at>Guidance bot</at>"}


async def in_shared(bot, person, conversation, kind="groupChat", text="hello"):
    """The person @mentions the bot in a group chat or team channel (so the bot reads it)."""
    return await bot.send(conversation, f"<at>Guidance bot</at> {text}", user=person[0], conversation_type=kind,
                          entities=[BOT_MENTION])


async def test_alerts_and_notices_go_to_the_1to1_chat_even_after_a_group_chat_or_channel(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, DSL)
    await online(bot, DEPUTY)
    await online(bot, REPORTER)
    await in_shared(bot, DSL, "19:staffroom@thread.v2", "channel")  # the DSL's latest conversation is a channel
    await in_shared(bot, DEPUTY, "19:group@thread.v2")  # the deputy's latest is a group chat
    shared = ("19:staffroom@thread.v2", "19:group@thread.v2")
    _, done = await file_report(bot)
    reference = reference_in(done.text)
    await bot.connector.wait_for(lambda c: alerts_in(c, DSL) and alerts_in(c, DEPUTY))
    await in_shared(bot, REPORTER, "19:group@thread.v2")  # the reporter, too, last wrote in a group chat
    await say(bot, DSL, f"report ack {reference}")
    told = await bot.connector.wait_for(lambda c: [a for a in c.inbox.get(conv(REPORTER), []) if "was read" in str(a)])
    assert reference in str(told[0])
    # In the shared conversations there are only the bot's answers to the @mentions, nothing proactive.
    in_shared_chats = [a for cid in shared for a in bot.connector.inbox.get(cid, [])]
    assert in_shared_chats and not [a for a in in_shared_chats if reference in str(a) or "Safeguarding" in str(a)
                                    or "was read" in str(a)]
    assert bot.connector.created == []  # the 1:1 chats were known: none opened


async def test_someone_who_only_wrote_in_a_group_chat_gets_a_new_1to1_chat(make_bot):
    bot = await teams_bot(make_bot)
    member = bot.connector.add_member(*DSL)
    await in_shared(bot, DSL, "19:group@thread.v2")
    _, done = await file_report(bot)
    reference = reference_in(done.text)
    created = await bot.connector.wait_for(lambda c: c.created_for(member.aad_object_id))
    opened = created[0]
    assert opened["isGroup"] is False and opened["tenantId"] == bot.connector.conversations["19:group@thread.v2"]["tenant"]
    assert [m["id"] for m in opened["members"]] == [member.aad_object_id]
    alert = await bot.connector.wait_for(lambda c: [a for a in c.inbox.get(opened["id"], []) if reference in str(a)])
    assert "Safeguarding alert" in str(alert[0])
    assert not any(reference in str(a) for a in bot.connector.inbox.get("19:group@thread.v2", []))
    # The chat it opened is kept: the next message (the addendum's alert) goes there without opening another.
    await say(bot, REPORTER, f"add to report {reference} She messaged again")
    await bot.connector.wait_for(lambda c: len(c.inbox.get(opened["id"], [])) == 2)
    assert len(bot.connector.created) == 1


async def test_when_nobody_can_be_reached_the_outbox_says_so_and_my_reports_says_whom_to_phone(make_bot):
    bot = await teams_bot(make_bot)
    bot.connector.installed = set()  # the app is installed for nobody: Teams refuses every new 1:1 chat
    for person in (DSL, DEPUTY):
        bot.connector.add_member(*person)
        await in_shared(bot, person, "19:group@thread.v2")
    _, done = await file_report(bot)
    reference = reference_in(done.text)
    for _ in range(250):
        rows = [r for r in await outbox_rows(bot, reference) if r.kind == "alert"]
        if all(r.attempts >= 1 for r in rows):
            break
        await asyncio.sleep(0.02)
    assert {(r.status, r.last_error) for r in rows} == {("pending", "Unreachable")}
    mine = await say(bot, REPORTER, "my reports")
    assert f"{reference}" in mine.text
    assert "alert not yet delivered to anyone: phone Daniel Okafor (DSL) on 01632 960102" in mine.text
    await online(bot, DSL)  # the DSL opens the bot: the waiting alert follows at once
    await bot.connector.wait_for(lambda c: alerts_in(c, DSL))
    assert "not yet delivered" not in (await say(bot, REPORTER, "my reports")).text
    assert not any(reference in str(a) for a in bot.connector.inbox.get("19:group@thread.v2", []))


async def test_alerts_use_the_latest_live_1to1_chat_and_skip_an_account_teams_refused(make_bot):
    bot = await teams_bot(make_bot, {"PROACTIVE_PAUSE_MINUTES": "10"})
    clock = Clock()
    bot.services.clock = clock
    old = ("29:dsl-old", DSL[1], DSL[2])  # the DSL's earlier account (same email)
    await online(bot, old)
    clock.advance(minutes=5)
    await online(bot, DSL)  # used more recently
    _, first = await file_report(bot)
    await bot.connector.wait_for(lambda c: alerts_in(c, DSL))
    assert not alerts_in(bot.connector, old)
    kept = len(bot.connector.inbox[conv(DSL)])
    bot.connector.refuse[conv(DSL)] = 403  # the bot is removed from the newer account's chat
    bot.connector.installed = {bot.connector.members[old[0]].aad_object_id}  # and Teams won't open a new one there
    _, second = await file_report(bot)
    await bot.connector.wait_for(lambda c: [a for a in alerts_in(c, old) if reference_in(second.text) in str(a)])
    _, third = await file_report(bot)  # within the pause: the refused account is not tried again
    await bot.connector.wait_for(lambda c: [a for a in alerts_in(c, old) if reference_in(third.text) in str(a)])
    routes = await bot.services.people.accounts(email=DSL[2])
    paused = [a for a in routes if a.person.user_key == f"msteams:{DSL[0]}"]
    assert paused and paused[0].paused_until is not None and paused[0].personal is None
    assert bot.connector.create_calls_for(bot.connector.members[DSL[0]].aad_object_id) == [403]  # tried once only
    assert len(bot.connector.inbox[conv(DSL)]) == kept and bot.connector.refused_calls[conv(DSL)] == 1
    clock.advance(minutes=11)  # the pause is over; the DSL writes again in their 1:1 chat, which works again
    del bot.connector.refuse[conv(DSL)]
    await say(bot, DSL, "hello again")
    _, fourth = await file_report(bot)
    await bot.connector.wait_for(lambda c: [a for a in alerts_in(c, DSL) if reference_in(fourth.text) in str(a)])
