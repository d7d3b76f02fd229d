"""A lead line rides on top of the turn's next reply, or is sent on its own; never lost or reordered.
Outgoing activities copy cheaply and are sent as activities."""
from __future__ import annotations

import copy

from botbuilder.core import TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount
from msrest.serialization import Serializer

from bot import serialize
from bot.replies import CardAttachment, OutgoingActivity, flush_lead, lead_with, send_card
from cards import CardView, Text


def context() -> tuple[TurnContext, list]:
    adapter = TestAdapter()
    sent: list = []

    async def capture(ctx, activities, next_send):
        sent.extend(activities)
        return await next_send()

    incoming = Activity(type=ActivityTypes.message, text="hi", channel_id="test", id="in1",
                        conversation=ConversationAccount(id="c1"), from_property=ChannelAccount(id="u1"),
                        recipient=ChannelAccount(id="bot"), service_url="http://127.0.0.1:1")
    ctx = TurnContext(adapter, incoming)
    ctx.on_send_activities(flush_lead)
    ctx.on_send_activities(capture)
    return ctx, sent


async def test_a_card_carries_the_lead_line_as_its_first_block():
    ctx, sent = context()
    lead_with(ctx, "I've left the walk-through to answer that.")
    await send_card(ctx, CardView("Policy answer", blocks=(Text("No."),)))
    assert len(sent) == 1
    body = sent[0].attachments[0].content["body"]
    texts = [item.get("text") for item in body if item.get("type") == "TextBlock"]
    assert texts.index("I've left the walk-through to answer that.") < texts.index("No.")
    await flush_lead(ctx)
    assert len(sent) == 1  # taken once


async def test_any_other_send_gets_the_lead_line_first_as_its_own_message():
    ctx, sent = context()
    lead_with(ctx, "First this.")
    await ctx.send_activity("Then this.")
    assert [a.text for a in sent] == ["First this.", "Then this."]


async def test_a_lead_line_no_reply_took_is_sent_at_the_end_of_the_turn():
    ctx, sent = context()
    lead_with(ctx, "Only this.")
    await flush_lead(ctx)
    assert [a.text for a in sent] == ["Only this."]


def test_an_outgoing_activity_copies_like_deepcopy_and_is_sent_as_an_activity(monkeypatch):
    fields = dict(type="message", text="Hello", summary="Hi", locale="en-GB",
                  recipient=ChannelAccount(id="u1", name="Sam"),
                  attachments=[CardAttachment(content_type="application/vnd.microsoft.card.adaptive",
                                              content={"type": "AdaptiveCard", "body": []})],
                  channel_data={"notification": {"alert": True}})
    ours, plain = OutgoingActivity(**fields), Activity(**fields)
    copied = copy.deepcopy(ours)
    assert type(copied) is OutgoingActivity and copied is not ours
    assert copied.__dict__.keys() == ours.__dict__.keys()
    assert copied.recipient is not ours.recipient and copied.recipient.name == "Sam"
    assert copied.channel_data == ours.channel_data and copied.channel_data is not ours.channel_data
    copied.attachments.append("x")
    copied.channel_data["notification"]["alert"] = False
    assert len(ours.attachments) == 1 and ours.channel_data["notification"]["alert"] is True
    monkeypatch.setattr(serialize, "CHECK", False)
    stock = Serializer(serialize.dependencies(Activity)).body(plain, "Activity")
    assert serialize.dump(ours) == stock
    assert serialize.ActivitySerializer(serialize.dependencies(Activity)).body(ours, "Activity") == stock
