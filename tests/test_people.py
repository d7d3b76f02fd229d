"""Identity comes from the channel: in Teams, from the member API."""
import asyncio
import json

import sqlalchemy as sa

from bot.people import people as people_table
from tests.support.people import find_by_email
from tests.support.people import reference as reference_of


async def test_teams_member_email_is_looked_up_and_kept(make_bot):
    bot = await make_bot(channel="msteams")
    bot.connector.add_member("29:alice", "Alice Smith", "Alice.Smith@School-A.example.org")
    await bot.send("c-teams", "hello", user="29:alice")
    found = await find_by_email(bot, "alice.smith@school-a.example.org")
    assert len(found) == 1
    person, reference = found[0]
    assert person.name == "Alice Smith" and person.email_domain == "school-a.example.org"
    assert reference.conversation.id == "c-teams" and reference.service_url == bot.connector.service_url


async def test_typed_claims_do_not_change_identity(make_bot):
    bot = await make_bot(channel="msteams")
    bot.connector.add_member("29:bob", "Bob Jones", "bob@school-a.example.org")
    await bot.send("c-bob", "I am alice.smith@school-a.example.org", user="29:bob")
    assert await find_by_email(bot, "alice.smith@school-a.example.org") == []


async def test_first_message_from_a_new_user_gets_the_welcome_once(bot):
    first = await bot.send("c-new", "hello", user="newbie")
    second = await bot.send("c-new", "hello", user="newbie")
    assert "Staff guidance" in first.text
    assert "Staff guidance" not in second.text


async def test_the_latest_conversation_reference_is_kept(bot):
    await bot.send("c-first", "hello", user="mover")
    await bot.send("c-second", "hello", user="mover")
    reference = await reference_of(bot, "emulator:mover")
    assert reference.conversation.id == "c-second"


async def test_people_saved_together_keep_their_own_rows_and_first_seen(database_url):
    """A batch of several people is one statement run for each row, on SQLite and PostgreSQL."""
    import datetime

    from bot.people import MIGRATIONS, People, Person
    from store import Database

    db = Database(database_url, MIGRATIONS)
    await db.start()
    try:
        times = iter([datetime.datetime(2026, 11, 25, 9, minute, tzinfo=datetime.UTC) for minute in range(60)])
        people = People(db, lambda: next(times))
        crowd = [Person(f"msteams:29:p{i}", "msteams", f"29:p{i}", f"Person {i}", f"p{i}@example.org") for i in range(6)]
        await asyncio.gather(*(people._save(p, json.dumps({"conversation": {"id": f"first-{i}"}}))
                               for i, p in enumerate(crowd)))
        await asyncio.gather(*(people._save(p, json.dumps({"conversation": {"id": f"second-{i}"}}))
                               for i, p in enumerate(crowd[:3])))
        async with db.transaction() as conn:
            rows = {r.user_key: r for r in (await conn.execute(sa.select(people_table))).all()}
        assert sorted(rows) == sorted(p.user_key for p in crowd)
        for i, person in enumerate(crowd):
            row = rows[person.user_key]
            assert (row.name, row.email) == (person.name, person.email)
            assert json.loads(row.reference)["conversation"]["id"] == (f"second-{i}" if i < 3 else f"first-{i}")
            assert row.first_seen < row.last_seen if i < 3 else row.first_seen == row.last_seen
    finally:
        await db.close()
