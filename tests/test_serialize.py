"""bot.serialize writes and reads exactly what msrest does, for activities out and in."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
import botbuilder.schema
import botbuilder.schema.teams
from botbuilder.schema import (Activity, Attachment, CardAction, ChannelAccount, ConversationAccount, Entity,
                               HeroCard, Mention, ResourceResponse, SuggestedActions)
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials
from msrest.exceptions import DeserializationError
from msrest.serialization import Deserializer

from bot.features.welcome import welcome_card
from bot.replies import card_activity
from bot import serialize
from bot.serialize import ActivitySerializer, FastConnectorClient, ModelDeserializer, dump, load, plain_json
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
    "everything a reply can carry": lambda: Activity(
        type="message", text="pick one", speak="pick", input_hint="expectingInput", text_format="markdown",
        timestamp=datetime(2026, 11, 25, 10, 0, 0, 123456, tzinfo=timezone.utc), summary="s",
        suggested_actions=SuggestedActions(to=["u1", None], actions=[CardAction(type="imBack", title="Yes", value="yes")]),
        entities=[Mention(mentioned=ChannelAccount(id="u1", name="User"), text="<at>User</at>", type="mention")],
        channel_data={"notification": {"alert": True}, "n": 1.5}, value={"k": [1, None]}),
    "an enum for the type": lambda: Activity(type=botbuilder.schema.ActivityTypes.typing),
    "a dict where a model belongs": lambda: Activity(type="message", attachments=[
        {"contentType": "application/json", "content": {"a": 1}}]),
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


@pytest.fixture
def unchecked(monkeypatch):
    """Turn off the suite-wide comparison, so these tests compare with msrest themselves."""
    monkeypatch.setattr(serialize, "CHECK", False)


@pytest.mark.parametrize("case", sorted(CASES))
def test_dump_matches_msrest_key_for_key(case, unchecked):
    stock = stock_serializer().body(addressed(CASES[case]()), "Activity")
    ours = dump(addressed(CASES[case]()))
    assert json.dumps(ours, default=str) == json.dumps(stock, default=str)  # key order too


INBOUND = {
    "teams message": {
        "type": "message", "id": "1", "timestamp": "2026-11-25T10:00:00.1234567Z",
        "localTimestamp": "2026-11-25T11:00:00.123+01:00", "channelId": "msteams", "serviceUrl": "http://x/",
        "from": {"id": "29:u", "name": "U", "aadObjectId": "abc"}, "recipient": {"id": "28:b", "name": "Bot"},
        "conversation": {"id": "a:1", "conversationType": "personal", "tenantId": "t", "isGroup": False},
        "text": "<at>Bot</at> hi", "textFormat": "plain", "locale": "en-GB",
        "entities": [{"type": "mention", "mentioned": {"id": "28:b", "name": "Bot"}, "text": "<at>Bot</at>"},
                     {"type": "clientInfo", "locale": "en-GB", "timezone": "Europe/London"}],
        "channelData": {"tenant": {"id": "t"}, "team": {"id": "19:x"}}, "attachments": []},
    "card submit": {"type": "message", "channelId": "webchat", "value": {"action": "qa.related", "clause": "c1",
                                                                        "n": [1, 2.5, None, True]},
                    "conversation": {"id": "c"}, "from": {"id": "u"}, "serviceUrl": "http://x"},
    "odd types msrest coerces": {"type": "message", "id": 12345, "channelId": "emulator",
                                 "conversation": {"id": "c", "isGroup": "true"}, "historyDisclosed": 1,
                                 "from": {"id": 7}, "serviceUrl": "http://x", "text": "hi"},
    "unknown keys are kept aside": {"type": "message", "somethingNew": {"a": 1}, "conversation": {"id": "c", "x": 1}},
    "nulls everywhere": {"type": "message", "text": None, "entities": [None], "attachments": None, "value": None},
    "invoke with a date": {"type": "invoke", "name": "adaptiveCard/action", "expiration": "2026-11-25T10:00:00Z",
                           "value": {"action": {"type": "Action.Execute", "data": {"x": 1}}}},
}


@pytest.mark.parametrize("case", sorted(INBOUND))
def test_load_matches_msrest(case, unchecked):
    ours, stock = load(Activity, INBOUND[case]), Activity.deserialize(INBOUND[case])
    assert ours == stock
    assert ours.additional_properties == stock.additional_properties
    assert [vars(e) for e in ours.entities or [] if e] == [vars(e) for e in stock.entities or [] if e]


def test_load_leaves_bad_input_to_msrest_errors(unchecked):
    from msrest.exceptions import DeserializationError

    for bad in ({"type": "message", "timestamp": "not a date"}, {"type": "message", "entities": "x"},
                {"type": "message", "from": "someone"}, {"type": "message", "historyDisclosed": "maybe"}):
        with pytest.raises(DeserializationError):
            Activity.deserialize(bad)
        with pytest.raises(DeserializationError):
            load(Activity, bad)


def test_the_suite_wide_check_catches_a_difference(monkeypatch):
    """With CHECK on (as in every other test), a result that differs from msrest's raises."""
    monkeypatch.setattr(serialize, "CHECK", True)
    monkeypatch.setitem(serialize._DUMP_LEAVES, "str", lambda value: str(value).upper())
    serialize._dump_plan.cache_clear()
    try:
        with pytest.raises(AssertionError, match="differs from msrest"):
            dump(Activity(type="message", text="hello", from_property=ChannelAccount(id="b")))
    finally:
        monkeypatch.undo()
        serialize._dump_plan.cache_clear()


def schema_models():
    for module in (botbuilder.schema, botbuilder.schema.teams):
        for name in dir(module):
            cls = getattr(module, name)
            if isinstance(cls, type) and issubclass(cls, Entity.__mro__[1]) and cls._attribute_map:
                yield cls


def test_models_whose_init_misses_an_attribute_go_to_msrest(unchecked):
    """dump reads a model's __dict__ where msrest calls getattr: the same only when __init__ sets
    every mapped attribute. A class that doesn't is left to msrest, error and all."""
    models = list(schema_models())
    assert len(models) > 100
    odd = [cls for cls in models if not serialize._init_sets_every_attribute(cls)]
    assert "MeetingParticipantsEventDetails" in [cls.__name__ for cls in odd]  # botbuilder 4.17 maps a name it never sets
    assert len(odd) < 5
    for cls in odd:
        with pytest.raises(serialize.Unsupported):
            serialize._dump_plan(cls)
    details = botbuilder.schema.teams.MeetingParticipantsEventDetails
    assert dump(details()) == stock_serializer().body(details(), "MeetingParticipantsEventDetails")


def test_the_client_reads_resource_responses_with_load(unchecked):
    deps = stock_serializer().dependencies
    read = ModelDeserializer(deps)("ResourceResponse", {"id": "r1", "extra": 2})
    assert isinstance(read, ResourceResponse) and read.id == "r1"
    assert read == ResourceResponse.deserialize({"id": "r1", "extra": 2})


BASES = ["http://127.0.0.1:1234", "https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/emea",
         "https://h.example/a/b", "https://h.example/a/../b/", "https://h.example/x?q=1#f", "https://h.example/{x}/"]
IDS = ["a:b@c;d", "29:1abcDEF", "19:meeting_x@thread.v2;messageid=1", ".", "..", "a/b", "a?b#c", "", "ü é",
       "a%2Fb", "x" * 300]


@pytest.mark.parametrize("base", BASES)
def test_connector_urls_are_msrests(base, unchecked):
    stock = ConnectorClient(MicrosoftAppCredentials.empty(), base_url=base)
    fast = FastConnectorClient(MicrosoftAppCredentials.empty(), base_url=base)
    ops, stock_ops = fast.conversations, stock.conversations
    for template in ("/v3/conversations/{conversationId}/activities/{activityId}", "/v3/conversations",
                     "/v3/conversations/", "//v3/conversations/{conversationId}",
                     "v3/conversations/{conversationId}/activities/{activityId}", "https://other.example/{conversationId}"):
        for cid in IDS:
            for aid in ("in1", ".", ".."):
                ours = outcome(lambda: ops._client.format_url(
                    template, conversationId=ops._serialize.url("c", cid, "str"),
                    activityId=ops._serialize.url("a", aid, "str")))
                theirs = outcome(lambda: stock_ops._client.format_url(
                    template, conversationId=stock_ops._serialize.url("c", cid, "str"),
                    activityId=stock_ops._serialize.url("a", aid, "str")))
                assert ours == theirs, (template, cid, aid)
    assert ops._client._prefixes or "{" in base  # the common paths took the short way


def outcome(call):
    """What a call returns, or the type of what it raises."""
    try:
        return call()
    except Exception as exc:  # noqa: BLE001
        return type(exc)


def test_url_parameters_msrest_refuses_are_still_refused(unchecked):
    from msrest.exceptions import ValidationError

    ours, theirs = FastConnectorClient(MicrosoftAppCredentials.empty(), base_url="http://127.0.0.1:1"), stock_serializer()
    with pytest.raises(ValidationError):
        ours.conversations._serialize.url("activity_id", None, "str")
    assert ours.conversations._serialize.url("n", 5, "int") == theirs.url("n", 5, "int")


TIMESTAMPS = [
    "2026-11-25T16:11:26Z", "2026-11-25T16:11:26.1Z", "2026-11-25T16:11:26.123Z", "2026-11-25T16:11:26.123456Z",
    "2023-01-10T12:03:10.6813485Z", "2023-01-10T12:03:10.999999999Z", "2026-11-25t16:11:26.5z",
    "2026-11-25T16:11:26.123+01:00", "2026-11-25T16:11:26-05:30", "2026-11-25T00:00:00+00:00",
    "2026-11-25T23:59:59.000001-00:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z",
    "2024-02-29T12:00:00Z",
]


@pytest.mark.parametrize("text", TIMESTAMPS)
def test_timestamps_read_as_msrest_reads_them(text, unchecked):
    ours, theirs = serialize._load_iso(text), Deserializer.deserialize_iso(text)
    assert ours == theirs and type(ours.tzinfo) is type(theirs.tzinfo)
    assert (ours.tzname(), ours.utcoffset(), ours.microsecond) == (theirs.tzname(), theirs.utcoffset(),
                                                                   theirs.microsecond)


@pytest.mark.parametrize("text", ["2026-02-30T10:00:00Z", "2026-11-25T25:00:00Z", "0001-01-01T00:00:00+01:00",
                                  "9999-12-31T23:59:59-01:00", "yesterday", "2026-11-25 16:11:26Z"])
def test_impossible_or_odd_timestamps_get_msrests_answer(text, unchecked):
    try:
        theirs = Deserializer.deserialize_iso(text)
    except DeserializationError:
        with pytest.raises(DeserializationError):
            serialize._load_iso(text)
    else:
        assert serialize._load_iso(text) == theirs
