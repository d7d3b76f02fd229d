"""Identity comes from the channel: in Teams, from the member API."""
async def test_teams_member_email_is_looked_up_and_kept(make_bot):
    bot = await make_bot(channel="msteams")
    bot.connector.add_member("29:alice", "Alice Smith", "Alice.Smith@School-A.example.org")
    await bot.send("c-teams", "hello", user="29:alice")
    found = await bot.services.people.find_by_email("alice.smith@school-a.example.org")
    assert len(found) == 1
    person, reference = found[0]
    assert person.name == "Alice Smith" and person.email_domain == "school-a.example.org"
    assert reference.conversation.id == "c-teams" and reference.service_url == bot.connector.service_url


async def test_typed_claims_do_not_change_identity(make_bot):
    bot = await make_bot(channel="msteams")
    bot.connector.add_member("29:bob", "Bob Jones", "bob@school-a.example.org")
    await bot.send("c-bob", "I am alice.smith@school-a.example.org", user="29:bob")
    assert await bot.services.people.find_by_email("alice.smith@school-a.example.org") == []


async def test_first_message_from_a_new_user_gets_the_welcome_once(bot):
    first = await bot.send("c-new", "hello", user="newbie")
    second = await bot.send("c-new", "hello", user="newbie")
    assert "Staff guidance" in first.text
    assert "Staff guidance" not in second.text


async def test_the_latest_conversation_reference_is_kept(bot):
    await bot.send("c-first", "hello", user="mover")
    await bot.send("c-second", "hello", user="mover")
    reference = await bot.services.people.reference("emulator:mover")
    assert reference.conversation.id == "c-second"
