"""Safeguarding stays in personal chats. In a Teams group chat or channel, reporting a concern,
`my reports`, every safeguarding contact's command and every admin command answer there with one
line that says nothing about it, and carry on in the person's 1:1 chat with the bot (opened if
need be: bot/features/reach.py): a card there with a button that does what they asked."""
from __future__ import annotations

import logging
from typing import Awaitable, Callable

from bot.channels.teams import SHARED_CONVERSATIONS
from bot.features.reach import Target
from bot.people import user_key_of
from bot.registry import Registry
from bot.turn import Turn
from cards import Button, CardView, Text

log = logging.getLogger(__name__)

PRIVATELY = "I've sent you a private message about this."
UNREACHABLE = ("I can't message you privately yet: open a chat with me (the app's Chat tab) and ask there. If a "
               "child is at risk, tell the designated person for Child Protection (DSL) now.")
AGAIN = "private.again"  # the 1:1 card's button: run the typed command there


def writer_in_conversation(activity, person: bool = True) -> str:
    """Whom something sealed in a conversation's state is bound to: its writer in that conversation."""
    label = f"{activity.channel_id}/{activity.conversation.id if activity.conversation else ''}"
    return f"{label}/{user_key_of(activity)}" if person else label


def shared(turn: Turn) -> bool:
    """A Teams group chat or channel: others would read what is said there."""
    conversation = turn.context.activity.conversation
    return turn.channel_id == "msteams" and conversation is not None and \
        (conversation.conversation_type in SHARED_CONVERSATIONS or bool(conversation.is_group))


async def send_privately(turn: Turn, view: CardView) -> None:
    """Send a card to the person's 1:1 chat and say only that in the shared conversation."""
    person = await turn.services.people.person(turn.context)
    try:
        await turn.services.reach.send(turn.context.adapter, Target(user_key=person.user_key), view)
    except Exception as exc:  # noqa: BLE001 - Unreachable, or a Connector that failed just now
        log.info("could not reach the person privately (%s)", type(exc).__name__)
        await turn.send(UNREACHABLE)
        return
    await turn.send(PRIVATELY)


def in_private(handler: Callable[[Turn], Awaitable[None]], what: str, keep_argument: bool = True):
    """The handler as it is in a personal chat; in a shared one, a card in the 1:1 chat instead, with
    a button that does it there. `keep_argument`: False for commands whose argument is free text (a
    note, an addendum), which is not carried: the person types it again in private."""
    async def run(turn: Turn) -> None:
        if not shared(turn):
            await handler(turn)
            return
        if turn.value is not None and "action" in turn.value:
            data = dict(turn.value)  # a button of ours: the same button, in private
        else:
            data = {"action": AGAIN, "text": turn.text if keep_argument else turn.text[:len(turn.text) - len(turn.argument)]}
        note = "" if keep_argument else " Type what you wanted to add here."
        view = CardView("Let's carry on here", (
            Text(f"You asked me to {what} in a shared chat. Nothing about it is shown there.{note}"),),
            (Button(what[:1].upper() + what[1:], data, style="positive"),))
        await send_privately(turn, view)
    return run


def register(registry: Registry) -> None:
    async def again(turn: Turn) -> None:
        """The 1:1 card's button: run the command typed in the shared chat, here."""
        found = registry.find_command(str((turn.value or {}).get("text") or ""))
        if found is None:
            await turn.send("That button is out of date. Type **help** to see what I can do.")
            return
        command, turn.argument = found
        turn.value = None  # as if typed here: the command reads its argument, not this button
        await command.handler(turn)

    registry.action(AGAIN, again)
