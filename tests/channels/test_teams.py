"""Teams: the app package and manifest, @mention rule in channels, member lookup, in-place updates."""
import io
import json
import zipfile

import pytest
from PIL import Image

from app import create_app
from bot import appkeys
from bot.settings import Settings
from tests.channels import demo
from tests.support.channel import Reply, activity
from tests.support.people import find_by_email
from tests.support.schemas import teams_manifest_validator
from tools import teams_package

BOT_ID = "3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b"


@pytest.fixture
def commands(tmp_path):
    return create_app(Settings.from_env({"DATA_DIR": str(tmp_path)}))[appkeys.REGISTRY].commands


def test_manifest_is_valid_v1_29_with_the_bot_id_scopes_and_commands(commands):
    manifest = teams_package.build_manifest(teams_package.TeamsApp.from_env({"MicrosoftAppId": BOT_ID}), commands)
    errors = [e.message for e in teams_manifest_validator().iter_errors(manifest)]
    assert errors == []
    assert manifest["manifestVersion"] == "1.29"
    bot = manifest["bots"][0]
    assert bot["botId"] == BOT_ID and manifest["id"] == BOT_ID
    assert sorted(bot["scopes"]) == ["personal", "team"]
    listed = {c["title"] for lst in bot["commandLists"] for c in lst["commands"]}
    visible = {c.words[0] for c in commands if not c.hidden}
    assert listed == visible and "help" in listed


def test_the_schema_check_would_catch_a_wrong_manifest(commands):
    manifest = teams_package.build_manifest(teams_package.TeamsApp.from_env({"MicrosoftAppId": BOT_ID}), commands)
    manifest["manifestVersion"] = "1.17"
    manifest["bots"][0]["scopes"] = ["groupchat"]
    assert len(list(teams_manifest_validator().iter_errors(manifest))) >= 2


def test_command_list_follows_the_registry():
    from bot.registry import Registry

    registry = Registry()
    for i in range(12):
        registry.command(f"c{i}", (f"word{i}", f"alt{i}"), None, f"does {i}")
    registry.command("secret", ("secret",), None, hidden=True)
    listed = teams_package.manifest_commands(registry.commands)
    assert [c["title"] for c in listed] == [f"word{i}" for i in range(10)]
    assert listed[3]["description"] == "does 3"


@pytest.mark.parametrize("env, message", [
    ({}, "MicrosoftAppId is not set"),
    ({"MicrosoftAppId": "my-bot"}, "must be a GUID"),
    ({"MicrosoftAppId": BOT_ID, "TEAMS_PRIVACY_URL": "http://x.example"}, "https://"),
])
def test_package_refuses_without_a_guid_bot_id(env, message):
    with pytest.raises(teams_package.PackageError, match=message):
        teams_package.TeamsApp.from_env(env)


def test_make_teams_package_writes_the_zip_with_manifest_and_icons(tmp_path, monkeypatch):
    monkeypatch.setenv("MicrosoftAppId", BOT_ID)
    out = tmp_path / "build" / "teams-app.zip"
    assert teams_package.main([str(out)]) == 0
    with zipfile.ZipFile(out) as bundle:
        assert sorted(bundle.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(bundle.read("manifest.json"))
        color = Image.open(io.BytesIO(bundle.read("color.png")))
        outline = Image.open(io.BytesIO(bundle.read("outline.png")))
    assert list(teams_manifest_validator().iter_errors(manifest)) == []
    assert color.size == (192, 192)
    assert outline.size == (32, 32) and outline.mode == "RGBA"
    pixels = {outline.getpixel((x, y)) for x in range(32) for y in range(32)}
    assert {p[3] for p in pixels} >= {0, 255}, "outline needs transparent and opaque pixels"
    assert all(p[:3] == (255, 255, 255) for p in pixels if p[3] > 0), "outline must be white"


def test_main_explains_a_missing_app_id(monkeypatch, tmp_path):
    monkeypatch.delenv("MicrosoftAppId", raising=False)
    assert "MicrosoftAppId is not set" in teams_package.main([str(tmp_path / "x.zip")])
    assert not (tmp_path / "x.zip").exists()


CHANNEL = "19:chan@thread.tacv2"


def bot_mention() -> list[dict]:
    """The entity Teams adds when someone @mentions the bot."""
    return [{"type": "mention", "text": "<at>Guidance bot</at>", "mentioned": {"id": "bot", "name": "Guidance bot"}}]


async def in_channel(bot, user, text=None, mention_bot=True, **extra) -> Reply:
    """Post a message to a team channel conversation and collect the replies."""
    before = len(bot.connector.inbox.get(CHANNEL, []))
    act = activity(bot.connector.service_url, CHANNEL, text=text, user=user, channel="msteams",
                   entities=bot_mention() if mention_bot else [], **extra)
    act["conversation"].update(conversationType="channel", isGroup=True)
    act["channelData"].update(team={"id": "19:team@thread.tacv2"}, channel={"id": CHANNEL})
    status, _ = await bot.channel.post(act)
    return Reply(status, bot.connector.inbox.get(CHANNEL, [])[before:])


async def test_in_a_team_channel_the_bot_answers_only_when_mentioned(make_bot):
    bot = await make_bot(channel="msteams")
    bot.connector.add_member("29:ann", "Ann Lee", "ann@school-a.example.org")
    # Someone else's channel message (Teams delivers these with RSC permissions): silence.
    quiet = await in_channel(bot, "29:ann", "help", mention_bot=False)
    assert quiet.status in (200, 201) and quiet.activities == []
    # Mentioned: the mention is stripped, so "<at>Guidance bot</at> help" is the help command.
    answered = await in_channel(bot, "29:ann", "<at>Guidance bot</at> help")
    assert "Staff guidance" in answered.text
    # A mention of somebody else is not a mention of the bot.
    bob = [{"type": "mention", "text": "<at>Bob</at>", "mentioned": {"id": "29:bob", "name": "Bob"}}]
    other = await in_channel(bot, "29:ann", "<at>Bob</at> help", mention_bot=False)
    assert other.activities == []
    bob_only = await bot.channel.post({**activity(bot.connector.service_url, CHANNEL, text="<at>Bob</at> help",
                                                  user="29:ann", channel="msteams"), "entities": bob,
                                       "conversation": {"id": CHANNEL, "conversationType": "channel"}})
    assert bob_only[0] in (200, 201) and bot.connector.inbox.get(CHANNEL, []) == answered.activities


async def test_in_a_personal_chat_no_mention_is_needed_and_cards_are_full_width(make_bot):
    bot = await make_bot(channel="msteams")
    reply = await bot.send("a:personal-1", "help", user="29:carl")
    assert "Staff guidance" in reply.text
    card = reply.activities[-1]["attachments"][0]["content"]
    assert card["msteams"] == {"width": "Full"} and card["version"] == "1.5"
    assert reply.activities[-1]["summary"]


async def test_card_clicks_in_a_channel_count_without_a_mention(make_bot):
    bot = await make_bot(channel="msteams")
    demo.install(bot)
    card = await in_channel(bot, "29:dee", "<at>Guidance bot</at> help")
    click = card.button("two-step check")
    question = await in_channel(bot, "29:dee", None, mention_bot=False, value=click)
    assert "Which year group?" in question.text


async def test_teams_identity_comes_from_the_member_api(make_bot):
    bot = await make_bot(channel="msteams")
    bot.connector.add_member("29:eve", "Eve Adams", "Eve.Adams@School-B.example.org")
    await in_channel(bot, "29:eve", "<at>Guidance bot</at> hello")
    found = await find_by_email(bot, "eve.adams@school-b.example.org")
    assert [p.name for p, _ in found] == ["Eve Adams"]


async def test_an_acknowledged_alert_card_is_updated_in_place(make_bot):
    bot = await make_bot(channel="msteams")
    demo.install(bot)
    alert = await bot.send("a:personal-2", value={"action": "test.alert"}, user="29:fay")
    card_id = alert.activities[-1]["id"]
    await bot.send("a:personal-2", value=alert.button("Acknowledge"), user="29:fay", replyToId=card_id)
    update = await bot.connector.wait_for(lambda c: c.updates)
    assert update[0]["id"] == card_id
    assert "Acknowledged" in json.dumps(update[0]["attachments"][0]["content"])
