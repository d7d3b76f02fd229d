"""Slack both ways: the Azure Bot Service channel (/api/messages) and self-hosted (/api/slack)."""
import json

import pytest

from tests.channels import demo
from tests.support.people import find_by_email
from tests.support.people import reference as reference_of
from tests.support.slack import FakeSlack, click_body, dm, event_body, sign

SECRET = "signing-secret-for-tests"
VERIFY = "verify-me"


# ---- Azure Bot Service Slack channel ----------------------------------------------------------
def abs_click(message: dict, title: str) -> dict:
    """What arrives at /api/messages when someone clicks a Block Kit button (channelData.Payload)."""
    blocks = message["channelData"]["blocks"]
    button = next(e for b in blocks if b["type"] == "actions" for e in b["elements"]
                  if title.lower() in e["text"]["text"].lower())
    payload = {"type": "block_actions", "user": {"id": "U1"}, "channel": {"id": "D1"},
               "actions": [{"type": "button", "action_id": button["action_id"], "value": button["value"]}],
               "state": {"values": {}}}
    return {"channelData": {"Payload": payload}}


async def test_azure_slack_channel_gets_block_kit_and_clicks_drive_the_dialog(make_bot):
    bot = await make_bot(channel="slack")
    demo.install(bot)
    menu = (await bot.send("D1:T1", "help", user="U1:T1")).activities[-1]
    assert menu["text"] and menu["channelData"]["blocks"][0]["type"] == "header"
    assert not menu.get("attachments")
    question = (await bot.send("D1:T1", user="U1:T1", **abs_click(menu, "two-step"))).activities[-1]
    assert "Which year group?" in json.dumps(question["channelData"]["blocks"])
    answer = await bot.send("D1:T1", user="U1:T1", **abs_click(question, "Go on"))
    assert "You pressed go" in answer.text


# ---- self-hosted at /api/slack ---------------------------------------------------------------
@pytest.fixture
async def slack():
    fake = await FakeSlack().start()
    yield fake
    await fake.close()


@pytest.fixture
async def slack_bot(make_bot, slack):
    bot = await make_bot({"SLACK_BOT_TOKEN": slack.token, "SLACK_CLIENT_SIGNING_SECRET": SECRET,
                          "SLACK_VERIFICATION_TOKEN": VERIFY, "SLACK_API_URL": slack.api_url})
    demo.install(bot)
    return bot


async def post(bot, body: str, content_type="application/json", headers=None, secret=SECRET):
    signed = sign(secret, body) if headers is None else headers
    async with bot.session.post(bot.base_url + "/api/slack", data=body.encode(),
                                headers={"Content-Type": content_type, **signed}) as resp:
        return resp.status, await resp.text()


async def test_url_verification_challenge_is_answered(slack_bot):
    body = json.dumps({"token": VERIFY, "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                       "type": "url_verification"})
    assert await post(slack_bot, body) == (200, "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")


async def test_bad_missing_or_stale_signatures_get_401_and_run_nothing(slack_bot, slack):
    body = event_body(dm("help"))
    now = int(slack_bot.services.clock().timestamp())
    cases = {"missing": {}, "wrong secret": sign("not-the-secret", body),
             "stale": sign(SECRET, body, timestamp=now - 600),
             "tampered": sign(SECRET, body.replace("help", "hello"))}
    for name, headers in cases.items():
        status, _ = await post(slack_bot, body, headers=headers)
        assert status == 401, name
    assert slack.posted == []


async def test_wrong_verification_token_is_refused(slack_bot, slack):
    status, _ = await post(slack_bot, event_body(dm("help"), token="someone-else"))
    assert status == 403 and slack.posted == []


async def test_a_direct_message_is_answered_with_block_kit_and_the_user_looked_up(slack_bot, slack):
    slack.add_user("U7", "Gita Patel", "Gita.Patel@School-A.example.org")
    status, _ = await post(slack_bot, event_body(dm("help", user="U7", channel="D7")))
    assert status == 200
    message = slack.posted[-1]
    assert message["channel"] == "D7" and message["blocks"][0]["type"] == "header"
    assert "Staff guidance" in message["text"] or "Staff guidance" in json.dumps(message["blocks"])
    found = await find_by_email(slack_bot, "gita.patel@school-a.example.org")
    assert [p.name for p, _ in found] == ["Gita Patel"]
    assert "users.info" in slack.calls


async def test_a_follow_on_in_a_direct_message_is_read_with_the_last_question(slack_bot, slack):
    await post(slack_bot, event_body(dm("can I accept a friend request from a parent?", user="U8", channel="D8"),
                                     event_id="Ev-first"))
    await post(slack_bot, event_body(dm("what if I retire next year?", user="U8", channel="D8"), event_id="Ev-then"))
    said = json.dumps(slack.posted[-1]["blocks"], ensure_ascii=False)
    assert "Yes — once you have left the trust" in said and "Read with your last question" in said


async def test_button_clicks_drive_dialogs_like_card_submits(slack_bot, slack):
    await post(slack_bot, event_body(dm("help", user="U8", channel="D8")))
    menu = slack.posted[-1]
    status, _ = await post(slack_bot, click_body(menu, title="two-step", user="U8"),
                           content_type="application/x-www-form-urlencoded")
    assert status == 200
    question = slack.posted[-1]
    assert "Which year group?" in json.dumps(question["blocks"])
    state = {"year": {"year": {"type": "radio_buttons", "selected_option": {"value": "9"}}}}
    await post(slack_bot, click_body(question, title="Go on", user="U8", state=state),
               content_type="application/x-www-form-urlencoded")
    assert "You pressed go with year 9." in slack.posted[-1]["text"]


async def test_an_acknowledged_alert_is_updated_in_place_with_chat_update(slack_bot, slack):
    await post(slack_bot, event_body(dm("help", user="U9", channel="D9")))
    await post(slack_bot, click_body(slack.posted[-1], title="alert", user="U9"),
               content_type="application/x-www-form-urlencoded")
    alert = slack.posted[-1]
    await post(slack_bot, click_body(alert, title="Acknowledge", user="U9"),
               content_type="application/x-www-form-urlencoded")
    assert slack.updated and slack.updated[-1]["ts"] == alert["ts"] and slack.updated[-1]["channel"] == "D9"
    assert "Acknowledged." in json.dumps(slack.updated[-1]["blocks"])


async def test_in_channels_only_mentions_are_answered_and_retries_run_once(slack_bot, slack):
    plain = dm("help", channel="C1")
    plain["channel_type"] = "channel"
    await post(slack_bot, event_body(plain))
    assert slack.posted == []
    mention = {"type": "app_mention", "channel": "C1", "user": "U1", "text": "<@UBOT> help", "ts": "1700000009.1"}
    body = event_body(mention, event_id="Ev-once")
    await post(slack_bot, body)
    answered = list(slack.posted)
    assert answered and all(m["channel"] == "C1" for m in answered)
    assert "Staff guidance" in json.dumps(answered[-1]["blocks"])
    await post(slack_bot, body)  # Slack retries when it thinks the first try timed out
    assert slack.posted == answered


async def test_slack_half_configured_stops_the_start(tmp_path):
    from app import create_app
    from bot.settings import Settings, SettingsError

    with pytest.raises(SettingsError, match="SLACK_CLIENT_SIGNING_SECRET"):
        create_app(Settings.from_env({"DATA_DIR": str(tmp_path), "SLACK_BOT_TOKEN": "xoxb-1"}))


async def test_slack_outage_gets_503_so_slack_retries_and_the_retry_is_answered(slack_bot, slack):
    body = event_body(dm("help", user="U5", channel="D5"), event_id="Ev-outage")
    real_token, slack.token = slack.token, "rotated"  # every call now fails with invalid_auth
    status, _ = await post(slack_bot, body)
    assert status == 503 and slack.posted == []
    slack.token = real_token
    status, _ = await post(slack_bot, body)
    assert status == 200 and slack.posted and slack.posted[-1]["channel"] == "D5"


async def test_a_reply_slack_refuses_mid_turn_gets_503_and_the_retry_is_answered(slack_bot, slack):
    await post(slack_bot, event_body(dm("help", user="U5", channel="D5")))  # the bot knows who it is
    body = event_body(dm("help", user="U5", channel="D5"), event_id="Ev-refused")
    answered = len(slack.posted)
    real_token, slack.token = slack.token, "revoked"
    status, _ = await post(slack_bot, body)
    assert status == 503 and len(slack.posted) == answered
    slack.token = real_token
    status, _ = await post(slack_bot, body)
    assert status == 200 and len(slack.posted) > answered and slack.posted[-1]["channel"] == "D5"


async def test_the_slash_command_is_a_message_with_its_text(slack_bot, slack):
    from urllib.parse import urlencode

    body = urlencode({"token": VERIFY, "team_id": "T1", "channel_id": "D3", "user_id": "U3", "command": "/guidance",
                      "text": "help", "trigger_id": "t-1", "response_url": "https://hooks.example/x"})
    status, _ = await post(slack_bot, body, content_type="application/x-www-form-urlencoded")
    assert status == 200
    assert slack.posted and slack.posted[-1]["channel"] == "D3"
    assert "Staff guidance" in json.dumps(slack.posted[-1]["blocks"])


# ---- self-hosted: what the adapter carries both ways ------------------------------------------
FORM = "application/x-www-form-urlencoded"


async def test_a_click_comes_from_the_person_who_clicked_not_the_bot(slack_bot, slack):
    slack.add_user("U4", "Ben Ode", "ben.ode@school-a.example.org")
    await post(slack_bot, event_body(dm("help", user="U8", channel="D8")))
    status, _ = await post(slack_bot, click_body(slack.posted[-1], title="two-step", user="U4"), content_type=FORM)
    assert status == 200 and slack.looked_up[-1] == "U4"
    found = await find_by_email(slack_bot, "ben.ode@school-a.example.org")
    assert [(p.user_id, ref.conversation.id) for p, ref in found] == [("U4", "D8")]


@pytest.mark.parametrize("kind", ["event", "click", "slash command"])
async def test_every_kind_of_request_with_the_wrong_verification_token_is_refused(slack_bot, slack, kind):
    from urllib.parse import urlencode

    button = {"type": "button", "action_id": "card.0", "text": {"type": "plain_text", "text": "Go"},
              "value": json.dumps({"action": "test.start"})}
    message = {"channel": "D1", "ts": "1700000000.000001", "blocks": [{"type": "actions", "elements": [button]}]}
    body, content_type = {
        "event": (event_body(dm("help"), token="someone-else"), "application/json"),
        "click": (click_body(message, token="someone-else"), FORM),
        "slash command": (urlencode({"token": "someone-else", "channel_id": "D1", "user_id": "U1",
                                     "command": "/guidance", "text": "help"}), FORM),
    }[kind]
    status, _ = await post(slack_bot, body, content_type=content_type)
    assert status == 403 and slack.posted == [] and "auth.test" not in slack.calls


async def test_a_body_that_is_neither_json_nor_a_form_gets_400(slack_bot, slack):
    status, _ = await post(slack_bot, "help", content_type="text/plain")
    assert status == 400 and slack.calls == []


async def test_messages_from_bots_and_edits_are_acknowledged_and_not_answered(slack_bot, slack):
    from_a_bot = {**dm("help"), "bot_id": "BBOT"}
    edited = {**dm("help"), "subtype": "message_changed"}
    for event in (from_a_bot, edited):
        assert (await post(slack_bot, event_body(event)))[0] == 200
    assert slack.posted == []


async def test_a_mention_in_a_thread_is_answered_in_that_thread(slack_bot, slack):
    mention = {"type": "app_mention", "channel": "C2", "user": "U2", "text": "<@UBOT> help",
               "ts": "1700000010.2", "thread_ts": "1700000010.1"}
    await post(slack_bot, event_body(mention))
    assert slack.posted and {(m["channel"], m.get("thread_ts")) for m in slack.posted} == {("C2", "1700000010.1")}


async def test_web_api_calls_share_one_kept_alive_connection(slack_bot, slack):
    slack.add_user("U3", "Ada Ng", "ada.ng@school-a.example.org")
    await post(slack_bot, event_body(dm("help", user="U3", channel="D3")))
    await post(slack_bot, click_body(slack.posted[-1], title="two-step", user="U3"), content_type=FORM)
    assert {"auth.test", "users.info", "chat.postMessage"} <= set(slack.calls)
    assert len(set(slack.client_ports)) == 1


async def test_a_proactive_card_reaches_the_slack_conversation_and_is_updated_and_deleted(slack_bot, slack):
    from botbuilder.schema import ConversationReference

    from cards import CardView, Text

    await post(slack_bot, event_body(dm("help", user="U6", channel="D6")))
    adapter = slack_bot.services.slack_adapter
    replies = slack_bot.services.replies
    reference = await reference_of(slack_bot, "slack:U6")
    sent = {}

    async def alert(context):
        sent["id"] = (await replies.send(context, CardView("New report", (Text("Please read it."),),
                                                        summary="New report"))).id

    async def acknowledged(context):
        await replies.update(context, sent["id"], CardView("New report", (Text("Read by Ada."),), summary="Read"))

    async def withdraw(context):
        await context.delete_activity(sent["id"])

    await adapter.continue_conversation(reference, alert, bot_app_id=None)
    assert slack.posted[-1]["channel"] == "D6" and "Please read it." in json.dumps(slack.posted[-1]["blocks"])
    assert sent["id"] == slack.posted[-1]["ts"]
    await adapter.continue_conversation(reference, acknowledged, bot_app_id=None)
    assert slack.updated[-1]["ts"] == sent["id"] and "Read by Ada." in json.dumps(slack.updated[-1]["blocks"])
    await adapter.continue_conversation(reference, withdraw, bot_app_id=None)
    assert slack.deleted == [{"channel": "D6", "ts": sent["id"]}]
    teams = ConversationReference().deserialize({**reference.serialize(), "channelId": "msteams",
                                                 "serviceUrl": "https://smba.example/"})
    with pytest.raises(ValueError):
        await adapter.continue_conversation(teams, alert)


async def test_the_slack_route_logs_no_message_text_or_email_even_at_debug(slack_bot, slack, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    slack.add_user("U2", "Rosa Lind", "rosa.lind@school-a.example.org")
    await post(slack_bot, event_body(dm("can I friend a pupil's parent", user="U2", channel="D2")))
    assert slack.posted and slack.looked_up == ["U2"]
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith(("slack", "bot.channels")))
    assert "friend a pupil" not in logged and "rosa.lind@" not in logged and "Staff guidance" not in logged
