"""Reporting a concern: the intake, the alerts, and the commands contacts use to handle reports."""
from __future__ import annotations

import asyncio
import logging
import os
import re
import socket
import uuid
from dataclasses import dataclass

from bot.channels.tenants import TenantPolicy
from bot.registry import Match, Registry
from cards import Button, CardView, NumberedList, Text
from dialogs.flow import FlowDialog
from dialogs.report import ReportFlow
from safeguarding import intake
from safeguarding.contacts import Contact, OutOfHours, School
from safeguarding.crypto import Cipher, DecryptError
from safeguarding.outbox import Outbox
from safeguarding.routing import ABOUT, Route, route, urgent_contact
from safeguarding.store import ReportMeta, ReportStore, Submission
from safeguarding.tables import MIGRATIONS

from .contacts import ContactBook
from .disclosures import Disclosures, asks_who_to_tell
from .private import send_privately, shared, writer_in_conversation
from .report_alerts import AlertWorker, worker_context
from .report_commands import ReportCommands
from .report_config import load_report_settings, trust_tenants
from .report_views import ROLE_LABELS

log = logging.getLogger(__name__)

# "I want to report a concern", "I need to report something", "I'd like to raise a safeguarding concern".
# Questions about reporting ("do I have to report...?") are the Q&A feature's.
_WANT = r"(?:i|we)\s*(?:want|need|would like|'d like|d like|wish|have got|ve got|'ve got|must)\s+to\s+"
_REPORT = r"(?:report|raise|log|record|make|file|flag|submit)\s+"
_WHAT = r"(?:a\s+|an\s+|some\s+)?(?:safeguarding\s+|child protection\s+)?(?:concern|something|report|incident|worry|issue)\b"
INTENT = re.compile(rf"^(?:hi|hello|please|ok|so)?[ ,]*"
                    rf"(?:{_WANT}{_REPORT}{_WHAT}|(?:report|raise)\s+a\s+(?:safeguarding\s+)?concern\b)", re.I)
QUESTION_START = re.compile(r"^(?:do|does|should|must|can|could|would|will|when|why|how|what|who|is|am|are|if|have)\b", re.I)


# Channels whose cards take input fields: the report is one form there; elsewhere, one question at a time.
FORM_CHANNELS = frozenset({"msteams", "webchat", "directline", "emulator", "test"})
MIN_STORY_WORDS = 4  # after "I want to report a concern": fewer words say nothing to fill in


def story_after_request(text: str) -> str:
    """What a message says after asking to report ("I need to report a concern: a year 9 girl...")."""
    said = " ".join((text or "").split())
    found = INTENT.match(said)
    rest = said[found.end():] if found else ""
    rest = rest.strip(" ,.:;-–—")
    return rest if len(rest.split()) >= MIN_STORY_WORDS else ""


def wants_to_report(text: str) -> float:
    """0.95 for a clear request to report something (above a situation the same message tells: the
    person asked to report it); 0 for anything else (including questions about reporting)."""
    said = " ".join(text.strip().split())
    if not said or QUESTION_START.match(said) or said.endswith("?"):
        return 0.0
    return 0.95 if INTENT.match(said) else 0.0


@dataclass(frozen=True)
class Reporter:
    user_key: str
    name: str
    email: str
    school: School | None
    urgent: Contact
    out_of_hours: OutOfHours | None


@dataclass(frozen=True)
class Receipt:
    meta: ReportMeta
    route: Route
    created: bool


class ReportDesk:
    """What the intake dialog needs: who is reporting, and a durable submit."""

    def __init__(self, services, settings, store: ReportStore, worker: AlertWorker):
        self.services, self.settings, self.store, self.worker = services, settings, store, worker
        self.cipher = store.cipher
        self.directory = settings.directory
        self.channels = ("teams", "email") if settings.smtp else ("teams",)
        self._locks: dict[str, asyncio.Lock] = {}

    async def say(self, context, reply) -> None:
        """Send a card or a line of text (the intake dialog's way to talk)."""
        await self.services.replies.send(context, reply)

    async def reporter(self, context) -> Reporter:
        person = await self.services.people.person(context)
        school = self.directory.school_for_email(person.email)
        ooh = school.out_of_hours if school and school.out_of_hours else self.directory.trust.out_of_hours
        return Reporter(person.user_key, person.name, person.email, school,
                        urgent_contact(self.directory, school), ooh)

    def lock(self, submission_id: str) -> asyncio.Lock:
        if len(self._locks) > 1000:
            self._locks = {k: v for k, v in self._locks.items() if v.locked()}
        return self._locks.setdefault(submission_id, asyncio.Lock())

    async def submit(self, context, answers: dict, submission_id: str, files: list) -> Receipt:
        """Store the report (durably, once) and wake the alert worker. Raises DatabaseError."""
        reporter = await self.reporter(context)
        names, emails = intake.subject_of(answers)
        about = answers.get("concern_about", "child")
        the_route = route(self.directory, reporter.school, about, names, emails)
        content = intake.stored_content(answers, reporter.name, reporter.email,
                                        reporter.school.name if reporter.school else "", files)
        sub = Submission(submission_id, reporter.user_key, reporter.school.id if reporter.school else None,
                         about, intake.category(answers), content)
        # The unique submission id makes this idempotent; the Submit button's handler also holds
        # self.lock(submission_id) so a double click gets a calm "already received".
        meta, created = await self.store.submit(sub, the_route, self.channels)
        if created:
            log.info("report %s stored (school=%s, tier 0 contacts=%d)", meta.reference, meta.school_id or "unknown",
                     len(the_route.first))
            self.worker.wake()
        return Receipt(meta, the_route, created)

    def has_forms(self, context) -> bool:
        """Whether this channel shows the report as one form."""
        return context.activity.channel_id in FORM_CHANNELS

    def suggestions(self, context, story: str = "") -> dict:
        """What the person already said (`story`, or the message that asked to report), to fill in the form."""
        story = story or story_after_request(context.activity.text or "")
        return intake.suggestions_from_text(story) if story else {}

    async def recipients(self, context, answers: dict) -> str:
        """Who a report with these answers goes to first, by name ("Daniel Okafor (DSL) and ...")."""
        reporter = await self.reporter(context)
        about = answers.get("concern_about") if answers.get("concern_about") in ABOUT else "child"
        names, emails = intake.subject_of(answers)
        first = route(self.directory, reporter.school, about, names, emails).first
        told = [f"{r.contact.name} ({ROLE_LABELS.get(r.role, r.role)}{', for information' if r.informed else ''})"
                for r in first]
        return " and ".join(told) if len(told) <= 2 else ", ".join(told[:-1]) + " and " + told[-1]

    def urgent_card(self, reporter: Reporter) -> CardView:
        c = reporter.urgent
        role = "the DSL" if reporter.school else "the trust safeguarding lead"
        blocks = [Text("If a child is in immediate danger, call 999 now.", style="attention"),
                  Text(f"Then phone {c.name}, {role}, on {c.phone}. Don't wait for this report to be read.")]
        if reporter.school:
            blocks += [Text(f"Deputy: {d.name}, {d.phone}") for d in reporter.school.deputies]
        if reporter.out_of_hours:
            blocks.append(Text(f"Out of hours: {reporter.out_of_hours.text}, {reporter.out_of_hours.phone}"))
        blocks.append(Text("When you have made those calls, carry on here so there is a written record.",
                           style="subtle"))
        return CardView("Call 999 now", tuple(blocks),
                        summary=f"Call 999 now. Then phone {c.name} on {c.phone}.")

    def received_card(self, receipt: Receipt, reporter: Reporter) -> CardView:
        meta = receipt.meta
        told = [f"{r.contact.name} ({ROLE_LABELS.get(r.role, r.role)}{', for information' if r.informed else ''})"
                for r in receipt.route.first]
        blocks = [Text(f"Your report is saved. Reference: **{meta.reference}**", style="good"),
                  Text("I am alerting:"), NumberedList(tuple(told))]
        if receipt.route.school_unknown:
            blocks.append(Text("I couldn't tell your school from your account, so it has gone to the trust "
                               "safeguarding lead.", style="warning"))
        blocks += [Text("I'll tell you when it has been read. To add something later, type "
                        f"**add to report {meta.reference}** followed by what you want to add. Type **my reports** "
                        "to see its status."),
                   Text(f"If a child is at risk, don't wait: phone {reporter.urgent.name} on {reporter.urgent.phone}.",
                        style="subtle")]
        return CardView("Report received", tuple(blocks),
                        summary=f"Report received. Reference {meta.reference}.")

    def seal_draft(self, context, draft: dict) -> str:
        """Encrypt an unfinished report's answers for the conversation state."""
        return self.cipher.seal(_draft_label(context), draft)

    def open_draft(self, context, token: str) -> dict:
        try:
            return self.cipher.open(_draft_label(context), token)
        except DecryptError:  # sealed before drafts were bound to their writer
            return self.cipher.open(_draft_label(context, person=False), token)

    def policy_quotes(self) -> list[tuple[str, str]]:
        kb = self.services.kb
        quotes = []
        for clause_id in intake.POLICY_CLAUSES:
            clause = kb.by_id.get(clause_id)
            if clause is not None:
                quotes.append((clause.text, f"{kb.title} v{kb.version}, {clause.section}"))
        return quotes


def _draft_label(context, person: bool = True) -> str:
    """What an unfinished report is sealed to: its writer in its conversation (only they can open it)."""
    return f"draft/{writer_in_conversation(context.activity, person)}"


def register(registry: Registry, services) -> None:
    settings = load_report_settings(services.settings.env, services.settings.data_dir)
    # Whose email counts in Teams, for every feature (contacts, QA_ADMINS, QUIZ_ADMINS): bot/tenants.py.
    services.people.tenants = TenantPolicy(trust_tenants(services.settings))
    clock = lambda: services.clock()
    store = ReportStore(services.db, Cipher(settings.key), clock, settings.escalate_after)
    worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
    outbox = Outbox(services.db, clock, worker_id, settings.lease_seconds, settings.retry_base_seconds,
                    settings.retry_cap_seconds)
    worker = AlertWorker(services, outbox, store, settings.directory, settings.smtp, settings.poll_seconds,
                         int(settings.escalate_after.total_seconds() // 60))
    desk = ReportDesk(services, settings, store, worker)
    disclosures = Disclosures(services, desk)
    commands = ReportCommands(services, desk, store, outbox, worker, disclosures)
    services.reports = commands
    services.contacts = ContactBook(settings.directory)
    services.cipher = store.cipher  # what else a person types that may name a child is sealed with it too

    registry.migrations.extend(MIGRATIONS)
    registry.dialogs.append(FlowDialog(ReportFlow(desk), desk.say))
    registry.workers.append(worker_context(worker))
    registry.menu_buttons.append(Button("Report a concern", {"action": "report.start"}, style="positive"))
    registry.screens.append(disclosures.screen)
    async def asked_to_report(turn, _):
        """"I need to report a concern: ..." (in a shared chat, the story goes to the 1:1, sealed)."""
        story = story_after_request(turn.text)
        if shared(turn):
            view = CardView("Let's carry on here", (Text("You asked me to report a concern in a shared chat. "
                                                         "Nothing about it is shown there."),),
                            (Button("Report a concern", disclosures.report_button(turn, story), style="positive"),))
            await send_privately(turn, view)
        else:
            await commands.start(turn)

    registry.intent("report_concern", lambda turn: Match(wants_to_report(turn.text)) if wants_to_report(turn.text)
                    else None, asked_to_report)
    registry.intent("who_to_tell", lambda turn: Match(0.95) if asks_who_to_tell(turn.text) else None,
                    lambda turn, _: disclosures.who_to_tell(turn))
    commands.register(registry)
