"""Ids as long as a channel likes: a 300-character user id, an 80-character channel id and a
600-character state key work on PostgreSQL (SQLite never enforced a length), over the protocol;
and a database made before the limits were lifted is upgraded by its migrations."""
import sqlalchemy as sa

from bot import people, storage
from onboarding import records
from safeguarding import tables
from store import Database
from tests.safeguarding.helpers import DSL, REPORTER, file_report, online, reference_in, say
from tests.safeguarding.helpers import teams_bot as reports_bot
from tests.support.people import reference as reference_of
from tests.test_quiz_admin import take
from tests.test_quiz_admin import teams_bot as quiz_bot

QUESTION = "can I accept a student's follow request on insta?"
LONG_USER = "u" * 300
LONG_CHANNEL = "c" * 80


def asyncpg_url(url: str) -> str:
    return "postgresql+asyncpg://" + url[len("postgresql://"):]


async def test_a_long_user_id_channel_id_and_state_key_carry_a_dialog_over_a_restart_on_postgresql(
        make_bot, postgres_url):
    bot = await make_bot({"DATABASE_URL": postgres_url}, channel=LONG_CHANNEL)
    conversation = "conv-" + "x" * 520
    key = f"{LONG_CHANNEL}/conversations/{conversation}"  # botbuilder's conversation state key
    assert len(key) > 600
    asked = await bot.send(conversation, QUESTION, user=LONG_USER)
    assert asked.status == 201 and "current student, or an ex-student" in asked.text
    assert list(await bot.services.conversation_state.storage.read([key])) == [key]
    await bot.restart()
    answered = await bot.send(conversation, "ex student, she's 16", user=LONG_USER)
    assert "No — not an ex-student under 18" in answered.text
    again = await bot.send(conversation, "hello", user=LONG_USER)
    assert "Staff guidance" not in again.text  # remembered: not welcomed twice
    assert (await reference_of(bot, f"{LONG_CHANNEL}:{LONG_USER}")).user.id == LONG_USER


async def test_a_report_by_and_for_people_with_long_teams_ids_is_filed_and_acknowledged_on_postgresql(
        make_bot, postgres_url):
    reporter = ("29:" + "r" * 297, *REPORTER[1:])
    dsl = ("29:" + "d" * 297, *DSL[1:])
    bot = await reports_bot(make_bot, {"DATABASE_URL": postgres_url})
    bot.connector.add_member(*reporter)
    await online(bot, dsl)
    _, done = await file_report(bot, reporter)
    assert "Report received" in done.text, done.text
    reference = reference_in(done.text)
    await bot.connector.wait_for(lambda c: any(reference in str(a) for a in c.inbox.get(f"conv-{dsl[0][3:]}", [])))
    acked = await say(bot, dsl, f"report ack {reference}")
    assert "Acknowledged" in acked.text
    told = await bot.connector.wait_for(
        lambda c: [a for a in c.inbox.get(f"conv-{reporter[0][3:]}", []) if "was read" in str(a)])
    assert reference in str(told[0])


async def test_a_quiz_taken_with_a_long_teams_id_is_recorded_on_postgresql(make_bot, postgres_url):
    bot = await quiz_bot(make_bot, {"DATABASE_URL": postgres_url})
    user = "29:" + "a" * 297
    bot.connector.add_member(user, "Ann Lee", "ann@alpha.example.org")
    assert "Certificate of completion" in (await take(bot, user, right=True)).text
    assert "3/3 passed" in (await bot.send(f"c-{user}", "my quiz results", user=user)).text


# The columns that hold what a channel gives, as version 1 of each component made them.
VERSION_1 = {
    "bot_state": {"key": 512},
    "people": {"user_key": 300, "channel_id": 50, "user_id": 250, "aad_object_id": 64, "name": 200, "email": 320},
    "sg_reports": {"reporter_key": 300, "acknowledged_by": 320, "acknowledged_name": 200},
    "sg_entries": {"author_key": 300},
    "sg_audit": {"actor_key": 300, "actor_email": 320},
    "sg_outbox": {"recipient": 320, "recipient_name": 200, "activity_id": 200},
    "quiz_attempts": {"user_key": 300, "email": 320, "name": 200},
    "quiz_completions": {"user_key": 300, "email": 320, "name": 200},
    "quiz_reminders": {"key": 700},
}
MIGRATIONS = storage.MIGRATIONS + people.MIGRATIONS + tables.MIGRATIONS + records.MIGRATIONS


async def column_types(db: Database) -> dict:
    async with db.transaction() as conn:
        rows = (await conn.execute(sa.text(
            "SELECT table_name, column_name, data_type, character_maximum_length FROM information_schema.columns"
            " WHERE table_schema = 'public'"))).all()
    return {(table, column): (kind, length) for table, column, kind, length in rows
            if column in VERSION_1.get(table, ())}


async def test_a_database_made_by_version_1_is_widened_by_version_2_on_postgresql(postgres_url):
    old = Database(asyncpg_url(postgres_url), [m for m in MIGRATIONS if m.version == 1])
    await old.start()
    try:
        async with old.transaction() as conn:
            for table, columns in VERSION_1.items():
                changes = ", ".join(f'ALTER COLUMN "{column}" TYPE VARCHAR({length})'
                                    for column, length in columns.items())
                await conn.exec_driver_sql(f"ALTER TABLE {table} {changes}")
        before = await column_types(old)
    finally:
        await old.close()
    assert len(before) == sum(len(columns) for columns in VERSION_1.values())
    assert {kind for kind, _ in before.values()} == {"character varying"}

    new = Database(asyncpg_url(postgres_url), MIGRATIONS)
    await new.start()
    try:
        assert set((await column_types(new)).values()) == {("text", None)}
        long_user = f"{LONG_CHANNEL}:{LONG_USER}"
        await storage.SqlStorage(new).write({f"{LONG_CHANNEL}/users/{LONG_USER}/" + "k" * 300: {"n": 1}})
        async with new.transaction() as conn:
            await conn.execute(people.people.insert().values(
                user_key=long_user, channel_id=LONG_CHANNEL, user_id=LONG_USER, aad_object_id="o" * 100,
                name="n" * 300, email="e" * 400, reference="{}", first_seen=sa.func.now(), last_seen=sa.func.now()))
            await conn.execute(records.reminders_sent.insert().values(key="overdue:" + long_user * 3, kind="overdue",
                                                                      sent_at=sa.func.now()))
    finally:
        await new.close()
