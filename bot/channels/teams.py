"""Microsoft Teams: cards at full width, and answer in shared conversations only when @mentioned.

The app package is built by tools/teams_package.py (`make teams-package`).
"""
from __future__ import annotations

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes, Attachment

from cards import CardView, render_adaptive, render_text
from cards.adaptive import ADAPTIVE_CONTENT_TYPE

# Conversations where several people talk, so the bot must be addressed by name.
SHARED_CONVERSATIONS = ("channel", "groupChat")


# ---- cards --------------------------------------------------------------------------------
def teams_activity(view: CardView) -> Activity:
    """The Adaptive Card 1.5 for Teams, full width (Teams' own `msteams` property) so quotes stay readable."""
    content = render_adaptive(view)
    content["msteams"] = {"width": "Full"}
    return Activity(type=ActivityTypes.message, summary=view.summary or render_text(view, numbered_buttons=False),
                    attachments=[Attachment(content_type=ADAPTIVE_CONTENT_TYPE, content=content)])


# ---- in a team channel, answer only when @mentioned -----------------------------------------
def mentions_bot(activity) -> bool:
    """Whether the activity carries a Teams mention of the bot (its recipient)."""
    bot_id = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        props = entity.additional_properties or {}
        if entity.type == "mention":
            mentioned = props.get("mentioned") or {}
            if bot_id and mentioned.get("id") == bot_id:
                return True
    return False


def addressed_to_bot(context: TurnContext) -> bool:
    """False for a Teams channel or group-chat message that does not @mention the bot.

    Card button clicks (a submit with a value) always count: the person clicked the bot's own card.
    The mention text itself is removed later by bot.turn.message_text.
    """
    activity = context.activity
    if activity.channel_id != "msteams" or activity.type != ActivityTypes.message:
        return True
    conversation_type = activity.conversation.conversation_type if activity.conversation else None
    if conversation_type not in SHARED_CONVERSATIONS:
        return True
    if isinstance(activity.value, dict):
        return True
    return mentions_bot(activity)
