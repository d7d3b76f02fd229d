"""In a Teams group chat or channel, reporting, `my reports`, the safeguarding contacts' commands and
the admin commands say one content-free line there and carry on in the person's 1:1 chat, over the
protocol (Teams-shaped group chats and channels, the fake Connector)."""
from bot.features.private import PRIVATELY
from tests.safeguarding.helpers import COLLEAGUE, DSL, REPORTER, conv, file_report, online, reference_in, teams_bot
from tests.safeguarding.test_reach_private import in_shared

GROUP, CHANNEL = "19:staffroom@thread.v2", "19:general@thread.tacv2"
STORY = "a year 9 girl said an older lad keeps asking her for pictures on snapchat"


def private_cards(bot, person) -> list[str]:
    return [str(a) for a in bot.connector.inbox.get(conv(person), [])]


def button_in(activity: dict, title: str) -> dict:
    from tests.support.channel import buttons

    return next(data for label, data in buttons(activity) if title.lower() in label.lower())


async def test_report_typed_in_a_group_chat_goes_on_in_private(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, REPORTER)
    shared = await in_shared(bot, REPORTER, GROUP, text="report")
    assert shared.text.strip() == PRIVATELY
    card = bot.connector.inbox[conv(REPORTER)][-1]
    assert "You asked me to report a concern in a shared chat" in str(card)
    form = await bot.send(conv(REPORTER), value=button_in(card, "Report a concern"), user=REPORTER[0])
    assert "immediate danger" in form.text  # the report starts in the 1:1 chat
    assert not [a for a in bot.connector.inbox[GROUP] if "danger" in str(a)]


async def test_a_story_told_in_a_channel_is_sealed_into_the_private_report(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, REPORTER)
    shared = await in_shared(bot, REPORTER, CHANNEL, kind="channel", text=f"I need to report a concern: {STORY}")
    assert shared.text.strip() == PRIVATELY
    assert "snapchat" not in str(bot.connector.inbox[CHANNEL]).lower()
    card = bot.connector.inbox[conv(REPORTER)][-1]
    button = button_in(card, "Report a concern")
    assert "snapchat" not in str(button).lower()  # sealed in the button
    form = await bot.send(conv(REPORTER), value=button, user=REPORTER[0])
    if STORY not in form.text:
        form = await bot.send(conv(REPORTER), value=form.button("No"), user=REPORTER[0])
    assert STORY in form.text  # what they wrote fills in the form


async def test_contacts_commands_in_a_channel_show_nothing_there(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, DSL)
    await online(bot, REPORTER)
    _, done = await file_report(bot)
    reference = reference_in(done.text)
    for typed in ("reports", f"report view {reference}", "my reports"):
        person = REPORTER if typed == "my reports" else DSL
        before = len(bot.connector.inbox.get(conv(person), []))
        shared = await in_shared(bot, person, CHANNEL, kind="channel", text=typed)
        assert shared.text.strip() == PRIVATELY, typed
        assert reference not in str(bot.connector.inbox[CHANNEL])
        offer = bot.connector.inbox[conv(person)][before:]
        assert offer and "Nothing about it is shown there" in str(offer[-1]), typed
    data = button_in(bot.connector.inbox[conv(DSL)][-1], "open a report")
    opened = await bot.send(conv(DSL), value=data,
                            user=DSL[0])
    assert reference in opened.text  # the button does it in private


async def test_a_colleague_in_the_group_chat_sees_nothing_of_it(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, REPORTER)
    await online(bot, COLLEAGUE)
    await in_shared(bot, REPORTER, GROUP, text="report")
    after = await in_shared(bot, COLLEAGUE, GROUP, text="submit")
    assert "report" not in after.text.lower() or "Check your report" not in after.text
    assert all("Check your report" not in str(a) for a in bot.connector.inbox[GROUP])


async def test_an_unfinished_report_opens_only_for_its_writer(make_bot):
    from types import SimpleNamespace

    import pytest

    from safeguarding.crypto import DecryptError

    bot = await teams_bot(make_bot)
    desk = bot.services.reports.desk

    def context(user: str):
        return SimpleNamespace(activity=SimpleNamespace(channel_id="msteams", conversation=SimpleNamespace(id="c1"),
                                                        from_property=SimpleNamespace(id=user)))

    sealed = desk.seal_draft(context("29:a"), {"answers": {"what": STORY}, "files": []})
    assert desk.open_draft(context("29:a"), sealed)["answers"]["what"] == STORY
    with pytest.raises(DecryptError):
        desk.open_draft(context("29:b"), sealed)
