"""Turn a CardView into the activity each channel understands, and send it."""
from __future__ import annotations

from typing import Callable, Mapping

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes, Attachment, Entity, ResourceResponse

from cards import CardView, render_adaptive, render_text
from cards.adaptive import ADAPTIVE_CONTENT_TYPE

# Channels that show Adaptive Cards. Others get text, or their own format where a renderer is
# registered (Registry.renderers: Teams, Slack).
CARD_CHANNELS = {"msteams", "emulator", "webchat", "directline", "test", "console"}

Renderer = Callable[[CardView], Activity]


class Declared(Entity):
    """An entity with fields of its own (a policy answer, a Teams citation). msrest sends only the
    fields a model declares, so this one declares "type" and, flat beside it, whatever else it has."""

    _attribute_map = {"type": {"key": "type", "type": "str"},
                      "additional_properties": {"key": "", "type": "{object}"}}

    def __init__(self, fields: Mapping[str, object]):
        super().__init__(type=str(fields["type"]))
        self.additional_properties = {k: v for k, v in fields.items() if k != "type"}


def card_activity(view: CardView, channel_id: str | None, renderers: Mapping[str, Renderer] = {}) -> Activity:
    """The message activity for a card on a channel; plain text always rides along."""
    renderer = renderers.get(channel_id or "")
    if renderer is not None:
        activity = renderer(view)
    elif channel_id in CARD_CHANNELS:
        activity = Activity(type=ActivityTypes.message, summary=view.summary or render_text(view, numbered_buttons=False),
                            attachments=[Attachment(content_type=ADAPTIVE_CONTENT_TYPE, content=render_adaptive(view))])
    else:
        activity = Activity(type=ActivityTypes.message, text=render_text(view))
    if view.entities:
        activity.entities = [*(activity.entities or []), *(Declared(e) for e in view.entities)]
    return activity


class Replies:
    """Sends cards and lines of text, rendered for the turn's channel."""

    def __init__(self, renderers: Mapping[str, Renderer]):
        self.renderers = renderers

    def activity(self, view: CardView, channel_id: str | None) -> Activity:
        return card_activity(view, channel_id, self.renderers)

    async def send(self, context: TurnContext, reply: CardView | str) -> ResourceResponse | None:
        """Send a card or a line of text to the turn's conversation."""
        if isinstance(reply, CardView):
            return await context.send_activity(self.activity(reply, context.activity.channel_id))
        return await context.send_activity(reply)

    async def update(self, context: TurnContext, activity_id: str, view: CardView):
        """Replace an earlier card in place (e.g. an alert once acknowledged)."""
        activity = self.activity(view, context.activity.channel_id)
        activity.id = activity_id
        return await context.update_activity(activity)
