"""A lead line rides on top of the turn's next reply; cards render per channel."""
from __future__ import annotations

from botbuilder.core import TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount

from bot.replies import Replies
from cards import CardView, Text
from dialogs.base import lead_with, take_lead


def context(channel: str = "test") -> tuple[TurnContext, list]:
    adapter = TestAdapter()
    sent: list = []

    async def capture(ctx, activities, next_send):
        sent.extend(activities)
        return await next_send()

    incoming = Activity(type=ActivityTypes.message, text="hi", channel_id=channel, id="in1",
                        conversation=ConversationAccount(id="c1"), from_property=ChannelAccount(id="u1"),
                        recipient=ChannelAccount(id="bot"), service_url="http://127.0.0.1:1")
    ctx = TurnContext(adapter, incoming)
    ctx.on_send_activities(capture)
    return ctx, sent


async def test_a_card_carries_the_lead_line_as_its_first_block():
    ctx, sent = context()
    lead_with(ctx, "I've left the walk-through to answer that.")
    await Replies({}).send(ctx, CardView("Policy answer", blocks=(Text("No."),)))
    assert len(sent) == 1
    body = sent[0].attachments[0].content["body"]
    texts = [item.get("text") for item in body if item.get("type") == "TextBlock"]
    assert texts.index("I've left the walk-through to answer that.") < texts.index("No.")
    assert take_lead(ctx) == ""  # taken once


async def test_a_line_of_text_carries_the_lead_line_above_it():
    ctx, sent = context()
    lead_with(ctx, "First this.")
    await Replies({}).send(ctx, "Then this.")
    assert [a.text for a in sent] == ["First this.\n\nThen this."]


async def test_a_channel_renderer_replaces_the_default_card():
    ctx, sent = context("slack")
    rendered = Activity(type=ActivityTypes.message, text="from the renderer")
    await Replies({"slack": lambda view: rendered}).send(ctx, CardView("Policy answer", blocks=(Text("No."),)))
    assert [a.text for a in sent] == ["from the renderer"]


async def test_channels_without_cards_get_plain_text():
    ctx, sent = context("sms")
    await Replies({}).send(ctx, CardView("Policy answer", blocks=(Text("No."),)))
    assert not sent[0].attachments and "No." in sent[0].text
