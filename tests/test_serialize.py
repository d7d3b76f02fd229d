"""ActivitySerializer writes exactly what msrest's Serializer writes, faster for plain card JSON."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from botbuilder.schema import Activity, Attachment, CardAction, ChannelAccount, ConversationAccount, HeroCard
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials

from bot.features.welcome import welcome_card
from bot.replies import card_activity
from bot.serialize import ActivitySerializer, FastConnectorClient, plain_json
from tests.support.kb import shipped_kb


def stock_serializer():
    return ConnectorClient(MicrosoftAppCredentials.empty(), base_url="http://127.0.0.1:1").conversations._serialize


def addressed(activity: Activity) -> Activity:
    activity.from_property = ChannelAccount(id="bot", name="Guidance")
    activity.recipient = ChannelAccount(id="u1", name="User")
    activity.conversation = ConversationAccount(id="c1", tenant_id="t1")
    activity.reply_to_id, activity.channel_id, activity.locale = "in1", "msteams", "en-GB"
    return activity


def hero() -> Activity:
    card = HeroCard(title="Hi", buttons=[CardAction(type="imBack", title="Help", value="help")])
    return Activity(type="message", attachments=[Attachment(content_type="application/vnd.microsoft.card.hero",
                                                            content=card)])


CASES = {
    "adaptive card": lambda: card_activity(welcome_card(shipped_kb()), "msteams"),
    "two cards and text": lambda: Activity(type="message", text="see below", attachments=[
        Attachment(content_type="application/json", content={"a": [1, 2.5, True, None, {"b": "c"}]}),
        Attachment(content_type="application/json", content={"empty": {}, "list": []})]),
    "card as a model": hero,
    "a date inside": lambda: Activity(type="message", attachments=[
        Attachment(content_type="application/json", content={"when": datetime(2026, 11, 25, tzinfo=timezone.utc)})]),
    "a tuple inside": lambda: Activity(type="message", attachments=[
        Attachment(content_type="application/json", content={"pair": (1, 2)})]),
    "no attachments": lambda: Activity(type="message", text="hello"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_same_json_as_msrest(case):
    stock = stock_serializer().body(addressed(CASES[case]()), "Activity")
    ours = ActivitySerializer(stock_serializer().dependencies).body(addressed(CASES[case]()), "Activity")
    assert json.dumps(ours, sort_keys=True, default=str) == json.dumps(stock, sort_keys=True, default=str)


def test_the_callers_activity_is_left_alone():
    activity = addressed(CASES["adaptive card"]())
    content = activity.attachments[0].content
    ActivitySerializer(stock_serializer().dependencies).body(activity, "Activity")
    assert activity.attachments[0].content is content


def test_plain_json_refuses_what_msrest_would_convert():
    assert plain_json({"a": [1, "x", None, {"b": False}]})
    assert not plain_json({"a": (1, 2)})
    assert not plain_json({1: "non-string key"})
    assert not plain_json({"when": datetime.now(timezone.utc)})


def test_the_fast_client_uses_it():
    client = FastConnectorClient(MicrosoftAppCredentials.empty(), base_url="http://127.0.0.1:1")
    assert isinstance(client.conversations._serialize, ActivitySerializer)
