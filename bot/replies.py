"""Turn a CardView into the activity each channel understands."""
from __future__ import annotations

from copy import deepcopy
from dataclasses import replace
from typing import Callable

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes, Attachment, ResourceResponse

from cards import CardView, Text, render_adaptive, render_text
from cards.adaptive import ADAPTIVE_CONTENT_TYPE

# Channels that show Adaptive Cards. Others get text (and, where a renderer is registered,
# their own rich format).
CARD_CHANNELS = {"msteams", "emulator", "webchat", "directline", "test", "console"}

# channel id -> function(view) -> Activity, for channels with their own format (Slack).
CHANNEL_RENDERERS: dict[str, Callable[[CardView], Activity]] = {}


class CardAttachment(Attachment):
    """An Adaptive Card attachment whose card JSON copies share.

    `TurnContext.send_activities` deep-copies every outgoing activity, so that sending cannot
    change the caller's object; for an answer card that copy was the largest single cost of the
    reply. The card JSON here is parsed fresh for this one activity (`render_adaptive`) and
    nothing changes it afterwards, so a copy of the attachment gets its own attachment object
    and the same card dict. Serialised exactly as an `Attachment` (same attribute map).
    """

    def __deepcopy__(self, memo):
        return CardAttachment(content_type=self.content_type, content=self.content, content_url=self.content_url,
                              name=self.name, thumbnail_url=self.thumbnail_url)


_SHARED = (str, int, float, bool, type(None))


class OutgoingActivity(Activity):
    """An activity the bot builds to send, copied without copy's generic path.

    `TurnContext.send_activities` deep-copies every outgoing activity; through `copy`'s
    reduce-and-rebuild path that cost about 48 µs a reply, this about 13 µs. The copy gets a new
    object with the same attributes: strings, numbers and None are shared (they cannot change),
    everything else (lists, dicts, accounts, attachments) is deep-copied as before. Sent as an
    `Activity` (`serialize.schema_class`).
    """

    schema_class = Activity

    def __deepcopy__(self, memo):
        copied = object.__new__(type(self))
        memo[id(self)] = copied
        copied.__dict__.update({name: value if type(value) in _SHARED else deepcopy(value, memo)
                                for name, value in self.__dict__.items()})
        return copied


def card_activity(view: CardView, channel_id: str | None) -> Activity:
    """The message activity for a card on a channel; plain text always rides along."""
    text = view.summary or render_text(view, numbered_buttons=False)
    renderer = CHANNEL_RENDERERS.get(channel_id or "")
    if renderer is not None:
        return renderer(view)
    if channel_id in CARD_CHANNELS:
        return OutgoingActivity(
            type=ActivityTypes.message,
            summary=text,
            attachments=[CardAttachment(content_type=ADAPTIVE_CONTENT_TYPE, content=render_adaptive(view))],
        )
    return OutgoingActivity(type=ActivityTypes.message, text=render_text(view))


# A short line to show at the top of this turn's next reply rather than as a message of its
# own: one message in the chat instead of two, and one Connector call fewer.
_LEAD = "guidance.lead"


def lead_with(context: TurnContext, line: str) -> None:
    """Show `line` above the next reply of this turn (`flush_lead` sends it alone if none follows)."""
    context.turn_state[_LEAD] = line


def take_lead(context: TurnContext) -> str:
    """The pending lead line, now taken (empty when there is none)."""
    return context.turn_state.pop(_LEAD, "")


async def flush_lead(context: TurnContext, activities=None, next_send=None):
    """Send a lead line that no reply took, before whatever is sent next (an `on_send_activities`
    handler) or at the end of the turn (called with the context only)."""
    line = take_lead(context)
    if line:
        await context.send_activity(line)
    if next_send is not None:
        return await next_send()
    return None


# A turn's replies, held until the turn has finished so that they go out while its state is
# written (bot/turn.py); one wait for both instead of one after the other.
_HELD = "guidance.held"


class HoldsReplies:
    """Adapter mixin: while a turn holds its replies, `send_activities` keeps them for `send_held`.

    By the time the adapter sees an activity, botbuilder's TurnContext has run every
    on_send_activities handler, copied it and addressed it to the conversation: holding changes
    when a reply goes, not what goes. A held activity's response has no id yet, as botbuilder's
    own buffer (DeliveryModes.expect_replies) answers. Invoke responses are never held: the HTTP
    answer to the invoke carries them.
    """

    async def send_activities(self, context: TurnContext, activities: list[Activity]) -> list[ResourceResponse]:
        held = context.turn_state.get(_HELD)
        if held is None or any(a.type == ActivityTypes.invoke_response for a in activities):
            return await super().send_activities(context, activities)
        held.extend(activities)
        return [ResourceResponse() for _ in activities]


def hold_replies(context: TurnContext) -> None:
    """Hold this turn's replies (on an adapter with `HoldsReplies`) until `send_held`."""
    context.turn_state[_HELD] = []


async def send_held(context: TurnContext) -> list[ResourceResponse]:
    """Send, in order, what this turn held; later replies go straight out."""
    held = context.turn_state.pop(_HELD, None)
    if not held:
        return []
    return await context.adapter.send_activities(context, held)


async def send_card(context: TurnContext, view: CardView):
    """Send a card to the conversation of this turn (with a pending lead line on top)."""
    line = take_lead(context)
    if line:
        view = replace(view, blocks=(Text(line, style="subtle"), *view.blocks))
    return await context.send_activity(card_activity(view, context.activity.channel_id))


async def update_card(context: TurnContext, activity_id: str, view: CardView):
    """Replace an earlier card in place (e.g. an alert once acknowledged)."""
    activity = card_activity(view, context.activity.channel_id)
    activity.id = activity_id
    return await context.update_activity(activity)
