"""The database connection drops for a while: the bot says to try again (no 500, no false
confirmation), /healthz reports degraded, and the conversation carries on once it is back."""
import pytest

from bot.adapter import DATABASE_DOWN

QUESTION = "can I accept a student's follow request on insta?"


async def health(bot):
    async with bot.session.get(bot.base_url + "/healthz") as resp:
        return resp.status, await resp.json()


async def test_a_dropped_database_gets_try_again_and_the_dialog_survives(make_bot, postgres_proxy):
    bot = await make_bot({"DATABASE_URL": postgres_proxy.url})
    asked = await bot.send("c1", QUESTION)
    assert "current student, or an ex-student" in asked.text
    assert (await health(bot))[0] == 200

    await postgres_proxy.cut()
    status, body = await health(bot)
    assert status == 503 and body["status"] == "degraded" and body["storage"]["ok"] is False
    refused = await bot.send("c1", "ex student, she's 16")
    assert refused.status == 201 and refused.text == DATABASE_DOWN
    refused = await bot.send("c2", "hello")  # a new conversation fares no better, and no worse
    assert refused.status == 201 and refused.text == DATABASE_DOWN

    await postgres_proxy.restore()
    assert (await health(bot))[0] == 200
    answered = await bot.send("c1", "ex student, she's 16")  # the clarifying question was kept
    assert "No — not an ex-student under 18" in answered.text


@pytest.fixture
def own_postgres():
    """A server of this test's own, to stop and start with pg_ctl."""
    from tests.support.postgres import ThrowawayPostgres, create_database

    server = ThrowawayPostgres()
    try:
        server.url = create_database(server.start())
        yield server
    finally:
        server.stop()


async def test_a_stopped_postgres_server_gets_try_again_until_it_is_back(make_bot, own_postgres):
    bot = await make_bot({"DATABASE_URL": own_postgres.url})
    asked = await bot.send("c1", QUESTION)
    assert "current student, or an ex-student" in asked.text
    own_postgres.pause()  # pg_ctl stop -m fast: pooled connections are terminated by the server
    assert (await health(bot))[0] == 503
    refused = await bot.send("c1", "ex student, she's 16")
    assert refused.status == 201 and refused.text == DATABASE_DOWN
    own_postgres.resume()
    assert (await health(bot))[0] == 200
    answered = await bot.send("c1", "ex student, she's 16")
    assert "No — not an ex-student under 18" in answered.text
