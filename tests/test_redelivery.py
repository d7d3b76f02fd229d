"""A message the channel delivers twice is answered once; a failed turn's retry is still answered."""
from __future__ import annotations

import asyncio
import hashlib
from datetime import timedelta

import sqlalchemy as sa

from bot import appkeys
from bot.services import utc_now
from bot.storage import seen_activities
from tests.support.channel import visible_text

QUESTION = "can I accept a friend request from a parent?"


async def test_the_same_activity_twice_is_answered_once(bot):
    first = await bot.send("rd1", QUESTION, id="retry-1")
    again = await bot.send("rd1", QUESTION, id="retry-1")
    assert first.status == again.status
    assert "No — not while you work for the trust" in first.text
    assert again.activities == []


async def test_two_deliveries_at_once_are_answered_once(bot):
    await asyncio.gather(*(bot.send("rd2", QUESTION, id="retry-2") for _ in range(3)))
    sent = [visible_text(a) for a in bot.connector.inbox["rd2"]]
    assert sum("No — not while you work for the trust" in text for text in sent) == 1, sent


async def test_another_activity_or_conversation_is_answered(bot):
    await bot.send("rd3", QUESTION, id="same-id")
    other_conversation = await bot.send("rd4", QUESTION, id="same-id")
    next_message = await bot.send("rd3", QUESTION, id="next-id")
    assert "No — not while you work" in other_conversation.text
    assert "No — not while you work" in next_message.text


async def test_a_failed_turn_gives_its_claim_back_so_the_retry_is_answered(bot, monkeypatch):
    qa = bot.services.qa
    real_ask = qa.ask
    calls = []

    async def fails_once(turn, sure=False):
        calls.append(turn.text)
        if len(calls) == 1:
            raise RuntimeError("the database went away mid-turn")
        return await real_ask(turn, sure)

    monkeypatch.setattr(bot.app[appkeys.REGISTRY], "fallback", fails_once)
    failed = await bot.send("rd5", QUESTION, id="retry-5")
    assert "Sorry, something went wrong" in failed.text
    retried = await bot.send("rd5", QUESTION, id="retry-5")
    assert "No — not while you work for the trust" in retried.text
    assert len(calls) == 2


async def test_a_claim_left_by_a_dead_instance_is_taken_over(bot):
    key = hashlib.sha256("\n".join((bot.channel_id, "rd6", "retry-6")).encode()).hexdigest()
    db = bot.services.db
    async with db.transaction() as conn:
        await conn.execute(seen_activities.insert().values(key=key, state="started", at=utc_now() - timedelta(minutes=5)))
    taken_over = await bot.send("rd6", QUESTION, id="retry-6")
    assert "No — not while you work for the trust" in taken_over.text
    async with db.reading() as conn:
        state = await conn.scalar(sa.select(seen_activities.c.state).where(seen_activities.c.key == key))
    assert state == "done"



async def test_two_instances_sharing_a_database_answer_a_redelivered_message_once(make_bot, postgres_url):
    one = await make_bot({"DATABASE_URL": postgres_url})
    two = await make_bot({"DATABASE_URL": postgres_url})
    await asyncio.gather(one.send("rd7", QUESTION, id="retry-7"), two.send("rd7", QUESTION, id="retry-7"))
    sent = [visible_text(a) for bot in (one, two) for a in bot.connector.inbox.get("rd7", [])]
    assert sum("No — not while you work for the trust" in text for text in sent) == 1, sent
