"""A child at risk comes first: every typed message is read for signs of harm to a child before
anything else (a question, a situation, the quiz; a report in progress takes it as its answer).

The reply names who to tell now (the person's school DSL and deputies; the headteacher for a
concern about a member of staff; the trust safeguarding lead for one about the headteacher or
when the school is not known), says 999 first when a child may be in danger right now, and offers
to report it with what they wrote: sealed (encrypted, bound to the person) in the button itself,
never stored or logged in plain text, never in the unanswered-questions log.

In a Teams group chat or channel nothing about it is said there: one content-free line, and the
reply goes to the person's 1:1 chat with the bot (bot/features/private.py).
"""
from __future__ import annotations

import logging
import re

from bot.people import user_key_of
from bot.turn import Turn
from cards import CardView
from cards.qa import source_of
from cards.safeguarding import Tell, safeguarding_card, who_to_tell_card
from policy_kb.relevance import normalise
from safeguarding import second_reader
from safeguarding.disclosure import Disclosure, read
from safeguarding.routing import route

from .private import send_privately, shared
from .report_views import ROLE_LABELS

log = logging.getLogger(__name__)

CHILD_CONTACT, INAPPROPRIATE = "personal.report_child_contact", "personal.report_inappropriate"
_TO_ME = re.compile(r"\b(?:messag\w*|dm'?d|dming|texted|snapped|sent|contacted|wrote to|added|followed|tagged|called)"
                    r"\s+me\b")


# "who is our DSL?", "who do I report a safeguarding concern to?": asked on its own, with nothing else to answer
_DSL = (r"(?:deputy |designated )?(?:dsls?|ddsls?"
        r"|designated (?:safeguarding )?(?:leads?|persons?|people|officers?|teachers?)(?: for (?:child protection|safeguarding))?"
        r"|safeguarding (?:leads?|officers?|team|persons?|people)|child protection (?:leads?|officers?|persons?))")
_OUR = r"(?:my|our|this) (?:school|academy)"
_CHILD = r"(?:child|pupil|student|kid)"
_WHO_TO_TELL = re.compile(
    r"^(?:(?:hi|hey|quick q(?:uestion)?|sorry|so|and|ok|please|pls),? )*(?:"
    rf"who(?:'s| s| is| are) (?:the |my |our |this school'?s? |the school'?s? )?{_DSL}"
    rf"(?: (?:here|again|now|at (?:{_OUR}|the school)|for {_OUR}|in {_OUR}))?"
    r"|who (?:do|should|can) (?:i|we|staff) (?:report|tell|go to|speak to|talk to|contact|raise) (?:a |my |any |our )?"
    rf"(?:safeguarding |child protection )?(?:concerns?|worry|worries)(?: about a {_CHILD})?(?: (?:to|with))?"
    r"|who (?:do|should) (?:i|we) (?:tell|report (?:it )?to|go to|speak to|talk to|contact) "
    r"if (?:i'?m|i am|we'?re|we are) worried about a "
    rf"{_CHILD}(?:'?s (?:safety|welfare))?"
    rf"|how (?:do|can) (?:i|we) (?:contact|reach|get hold of|find) (?:the |my |our )?{_DSL}"
    rf"|{_DSL}'?s? (?:contact (?:details|number)|number|phone(?: number)?|details|name)s?(?: (?:please|pls))?"
    r")\W*$")


def asks_who_to_tell(text: str) -> bool:
    """A question only about whom to tell a concern about a child: the whole message is the question, so it
    tells of no child, though the reader sees "a safeguarding concern" or "worried about a child" in it."""
    return _WHO_TO_TELL.match(normalise(text)) is not None


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


def story_label_for(turn: Turn) -> str:
    """The label for the person in this turn."""
    return story_label(user_key_of(turn.context.activity))


class Disclosures:
    def __init__(self, services, desk):
        self.services, self.desk = services, desk
        second_reader.warm()  # trained at start-up, not on someone's first message

    async def screen(self, turn: Turn) -> bool:
        """Answer a message that tells of harm to a child (True), or leave it to the rest (False)."""
        found = read(turn.text)
        if found is None or asks_who_to_tell(turn.text):
            return False
        log.info("safeguarding reply given (categories=%d, urgent=%s)", len(found.categories), found.urgent)
        view = await self.card(turn, found, turn.text)
        if shared(turn):
            await send_privately(turn, view)
        else:
            await turn.send(view)
        return True

    async def card(self, turn: Turn, found: Disclosure, text: str) -> CardView:
        _, tell, out_of_hours = await self._first_to_tell(turn, found.about)
        kb = self.services.kb
        rule = reporting_rule(kb, text)
        quoted = ((rule.id, rule.text, source_of(kb, rule)),) if rule else ()
        return safeguarding_card(found.about, found.urgent, "sexual images" in found.categories, tell, out_of_hours,
                                 quoted, self.report_button(turn, text), kb.version)

    async def who_to_tell(self, turn: Turn) -> None:
        """"Who is our DSL?": the person's school's DSL and deputies by name and number (else the trust lead),
        with the policy's reporting rule and a button that starts a report."""
        school, tell, out_of_hours = await self._first_to_tell(turn, "child")
        kb = self.services.kb
        rule = kb.by_id[CHILD_CONTACT]
        await turn.send(who_to_tell_card(school.name if school else "", tell, out_of_hours,
                                         (rule.id, rule.text, source_of(kb, rule)), kb.version))

    async def _first_to_tell(self, turn: Turn, about: str):
        """The person's school (None: not known), who to tell first about a concern about `about`, and the
        out-of-hours line ("" when there is none)."""
        reporter = await self.desk.reporter(turn.context)
        first = route(self.desk.directory, reporter.school, about).first
        tell = tuple(Tell(r.contact.name, ROLE_LABELS.get(r.role, r.role), r.contact.phone) for r in first)
        ooh = reporter.out_of_hours
        return reporter.school, tell, f"{ooh.text}, {ooh.phone}" if ooh else ""

    def report_button(self, turn: Turn, story: str) -> dict:
        """The Report a concern button's data: what they wrote, sealed for them alone."""
        return {"action": "report.start", "story": self.desk.cipher.seal(story_label_for(turn), {"story": story})}

    def opened_story(self, user_key: str, sealed: str) -> str:
        """The text a sealed story held, for its own writer; '' when it cannot be opened."""
        try:
            return str(self.desk.cipher.open(story_label(user_key), sealed).get("story", ""))
        except Exception:  # noqa: BLE001 - another person's button, or a changed key: start empty
            return ""
