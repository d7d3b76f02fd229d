"""Each person's 1:1 conversation per tenant: kept as they talk, carried over by the migration, and the
order in which a person's accounts are tried."""
import json
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from botbuilder.schema import ConversationAccount, ConversationReference

from bot.channels.personal import Account, personal
from bot.features.reach import ordered
from bot.people import MIGRATIONS, Person, people
from store import Database
from tests.support.channel import TRUST_TENANT, activity
from tests.support.people import reference as reference_of

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def reference(cid, kind, tenant=TRUST_TENANT) -> str:
    return json.dumps({"channelId": "msteams", "serviceUrl": "https://smba.example/emea/", "user": {"id": "29:x"},
                       "conversation": {"id": cid, "conversationType": kind, "tenantID": tenant}})


async def test_the_migration_keeps_the_1to1_chats_already_known(database_url):
    first = Database(database_url, MIGRATIONS[:1])  # a database from before: people v1 only
    await first.start()
    try:
        async with first.transaction() as conn:
            await conn.execute(people.insert(), [
                {"user_key": f"msteams:29:{who}", "channel_id": "msteams", "user_id": f"29:{who}", "email": f"{who}@x.org",
                 "reference": reference(cid, kind), "first_seen": T0, "last_seen": T0}
                for who, cid, kind in (("a", "a:1", "personal"), ("b", "19:g", "groupChat"), ("c", "19:c", "channel"))])
    finally:
        await first.close()
    upgraded = Database(database_url, MIGRATIONS)
    await upgraded.start()
    try:
        async with upgraded.transaction() as conn:
            rows = (await conn.execute(sa.select(personal))).all()
        assert [(r.user_key, r.tenant_id, json.loads(r.reference)["conversation"]["id"]) for r in rows] == [
            ("msteams:29:a", TRUST_TENANT, "a:1")]
    finally:
        await upgraded.close()


def account(key, last_seen, personal_cid=None, paused_until=None, channel="msteams") -> Account:
    conv = ConversationReference(conversation=ConversationAccount(id=personal_cid)) if personal_cid else None
    return Account(Person(key, channel, key), last_seen, ConversationReference(), TRUST_TENANT, conv, paused_until)


def test_accounts_are_tried_live_1to1_first_then_latest_and_paused_ones_not_at_all():
    now = T0 + timedelta(hours=1)
    old_live = account("old-live", T0, "a:1")
    new_live = account("new-live", T0 + timedelta(minutes=5), "a:2")
    newest_without = account("newest-no-chat", T0 + timedelta(minutes=9))
    paused = account("paused", T0 + timedelta(minutes=30), "a:3", paused_until=now + timedelta(minutes=1))
    pause_over = account("pause-over", T0 + timedelta(minutes=1), None, paused_until=now - timedelta(minutes=1))
    slack = account("slack", T0 + timedelta(minutes=2), channel="slack")  # outside Teams: its latest conversation
    order = [a.person.user_key for a in ordered([old_live, newest_without, paused, pause_over, new_live, slack], now)]
    assert order == ["new-live", "slack", "old-live", "newest-no-chat", "pause-over"]


async def test_every_reference_carries_its_type_and_tenant_and_the_1to1_chat_is_kept_apart(make_bot):
    bot = await make_bot(channel="msteams")
    bot.connector.add_member("29:ann", "Ann Lee", "ann.lee@oakfield.example.org")
    await bot.send("a:ann-1to1", "hello", user="29:ann")
    in_channel = activity(bot.connector.service_url, "19:staff@thread.v2", text="<at>Guidance bot</at> hello",
                          user="29:ann", channel="msteams", conversation_type="channel",
                          entities=[{"type": "mention", "mentioned": {"id": "bot"}, "text": "<at>Guidance bot</at>"}])
    del in_channel["conversation"]["tenantId"]  # in channelData only, as some Teams events send it
    assert (await bot.channel.post(in_channel))[0] in (200, 201)
    latest = await reference_of(bot, "msteams:29:ann")
    assert (latest.conversation.id, latest.conversation.conversation_type) == ("19:staff@thread.v2", "channel")
    assert latest.conversation.tenant_id == TRUST_TENANT  # given in channelData only: recorded all the same
    (found,) = await bot.services.people.accounts(email="ann.lee@oakfield.example.org")
    assert found.tenant_id == TRUST_TENANT and found.personal.conversation.id == "a:ann-1to1"
    assert found.personal.conversation.conversation_type == "personal"
