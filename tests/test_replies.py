"""Cards render per channel."""
from __future__ import annotations

from botbuilder.core import TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount

from bot.replies import Replies
from cards import CardView, Text


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


async def test_a_channel_renderer_replaces_the_default_card():
    ctx, sent = context("slack")
    rendered = Activity(type=ActivityTypes.message, text="from the renderer")
    await Replies({"slack": lambda view: rendered}).send(ctx, CardView("Policy answer", blocks=(Text("No."),)))
    assert [a.text for a in sent] == ["from the renderer"]


async def test_channels_without_cards_get_plain_text():
    ctx, sent = context("sms")
    await Replies({}).send(ctx, CardView("Policy answer", blocks=(Text("No."),)))
    assert not sent[0].attachments and "No." in sent[0].text
