"""A child at risk comes first: every typed message is read for signs of harm to a child before
anything else (a question, a situation, the quiz; a report in progress takes it as its answer).

The reply names who to tell now (the person's school DSL and deputies; the headteacher for a
concern about a member of staff; the trust safeguarding lead for one about the headteacher or
when the school is not known), says 999 first when a child may be in danger right now, and offers
to report it with what they wrote: sealed (encrypted, bound to the person) in the button itself,
never stored or logged in plain text, never in the unanswered-questions log.

In a Teams group chat or channel nothing about it is said there: one content-free line, and the
reply goes to the person's 1:1 chat with the bot (created if need be, bot/features/reach.py).
"""
from __future__ import annotations

import logging
import re

from bot.channels.teams import SHARED_CONVERSATIONS
from bot.features.reach import Target
from bot.turn import Turn
from cards import CardView
from cards.safeguarding import PRIVATELY, Tell, safeguarding_card
from policy_kb.relevance import normalise
from safeguarding.disclosure import Disclosure, read
from safeguarding.routing import route

from .report_views import ROLE_LABELS

log = logging.getLogger(__name__)

CHILD_CONTACT, INAPPROPRIATE = "personal.report_child_contact", "personal.report_inappropriate"
_TO_ME = re.compile(r"\b(?:messag\w*|dm'?d|dming|texted|snapped|sent|contacted|wrote to|added|followed|tagged|called)"
                    r"\s+me\b")


def reporting_rule(kb, text: str):
    """The policy's reporting rule the message is about, quoted on the card only where it applies: a
    child's message to the staff member on social media, or any inappropriate communication involving
    a child on social media (the disclosure itself is the sign that it is inappropriate)."""
    said = normalise(text)
    contact, inappropriate = kb.by_id.get(CHILD_CONTACT), kb.by_id.get(INAPPROPRIATE)
    if contact is not None and _TO_ME.search(said) and contact.requires.met(said):
        return contact
    if inappropriate is not None and inappropriate.requires.met(said + " (inappropriate)"):
        return inappropriate
    return None


def story_label(user_key: str) -> str:
    """What a sealed story is bound to: only the person who wrote it can open it."""
    return f"story/{user_key}"


def shared(turn: Turn) -> bool:
    """A Teams group chat or channel: others would read what is said there."""
    conversation = turn.context.activity.conversation
    return turn.channel_id == "msteams" and conversation is not None and \
        (conversation.conversation_type in SHARED_CONVERSATIONS or bool(conversation.is_group))


class Disclosures:
    def __init__(self, services, desk):
        self.services, self.desk = services, desk

    async def screen(self, turn: Turn) -> bool:
        """Answer a message that tells of harm to a child (True), or leave it to the rest (False)."""
        found = read(turn.text)
        if found is None:
            return False
        log.info("safeguarding reply given (categories=%d, urgent=%s)", len(found.categories), found.urgent)
        view = await self.card(turn, found, turn.text)
        if shared(turn):
            await self.privately(turn, view)
        else:
            await turn.send(view)
        return True

    async def card(self, turn: Turn, found: Disclosure, text: str) -> CardView:
        reporter = await self.desk.reporter(turn.context)
        directory, kb = self.desk.directory, self.services.kb
        first = route(directory, reporter.school, found.about).first
        tell = tuple(Tell(r.contact.name, ROLE_LABELS.get(r.role, r.role), r.contact.phone) for r in first)
        ooh = reporter.out_of_hours
        rule = reporting_rule(kb, text)
        quoted = ((rule.id, rule.text, f"{kb.title} v{kb.version}, section “{rule.section}”"),) if rule else ()
        sealed = self.desk.cipher.seal(story_label(reporter.user_key), {"story": text})
        return safeguarding_card(found.about, found.urgent, "sexual images" in found.categories, tell,
                                 f"{ooh.text}, {ooh.phone}" if ooh else "", quoted,
                                 {"action": "report.start", "story": sealed}, kb.version)

    async def privately(self, turn: Turn, view: CardView) -> None:
        """Send a card to the person's 1:1 chat and say only that in the shared conversation."""
        person = await self.services.people.person(turn.context)
        try:
            await self.services.reach.send(turn.context.adapter, Target(user_key=person.user_key), view)
        except Exception as exc:  # noqa: BLE001 - Unreachable, or a Connector that failed just now
            log.info("could not reach the person privately (%s)", type(exc).__name__)
            await turn.send("I can't message you privately yet: open a chat with me (the app's Chat tab) and "
                            "type **report** there. If a child is at risk, tell the designated person for Child "
                            "Protection (DSL) now.")
            return
        await turn.send(PRIVATELY)

    def opened_story(self, user_key: str, sealed: str) -> str:
        """The text a sealed story held, for its own writer; '' when it cannot be opened."""
        try:
            return str(self.desk.cipher.open(story_label(user_key), sealed).get("story", ""))
        except Exception:  # noqa: BLE001 - another person's button, or a changed key: start empty
            return ""
