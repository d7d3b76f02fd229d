"""State lives in SQLite under DATA_DIR: a restart in the middle of an exchange loses nothing."""


async def test_restart_in_the_middle_of_a_clarifying_question_carries_on(bot):
    asked = await bot.send("c-restart", "can I accept a student's follow request on insta?")
    assert "current student, or an ex-student" in asked.text
    await bot.restart()
    answered = await bot.send("c-restart", "ex student, she's 16")
    assert "No — not an ex-student under 18" in answered.text


async def test_new_app_on_the_same_data_dir_remembers_people(bot):
    await bot.send("c-people", "hello", user="returning")
    await bot.restart()
    again = await bot.send("c-people", "hello", user="returning")
    assert "Staff guidance" not in again.text  # not welcomed twice


async def test_the_same_exchange_on_postgresql(make_bot, postgres_url):
    bot = await make_bot({"DATABASE_URL": postgres_url})
    async with bot.session.get(bot.base_url + "/healthz") as resp:
        assert (await resp.json())["storage"] == {"ok": True, "engine": "postgresql"}
    await bot.send("c-pg", "can I accept a student's follow request on insta?")
    await bot.restart()
    answered = await bot.send("c-pg", "ex student, she's 16")
    assert "No — not an ex-student under 18" in answered.text
