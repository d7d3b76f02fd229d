"""Deliver the safeguarding outbox: proactive Teams cards and SMTP email, with retries.

Alerts carry no content: the school, a category, the reference, and "open the bot to view".
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime

from botbuilder.core import TurnContext

from bot import appkeys
from cards import Button, CardView, Facts, Text
from safeguarding.contacts import Directory
from safeguarding.mailer import SmtpConfig, alert_email, send_email
from safeguarding.outbox import Delivery, Outbox
from store import DatabaseError

log = logging.getLogger(__name__)

ROLE_LABELS = {"dsl": "DSL", "deputy": "deputy DSL", "headteacher": "headteacher", "trust_lead": "trust safeguarding lead",
               "executive_headteacher": "Executive Headteacher", "reporter": "reporter"}


class Unreachable(Exception):
    """The contact has not talked to or installed the bot yet: no conversation to write to."""


def when(value: datetime | None) -> str:
    return value.strftime("%d %b %Y %H:%M UTC") if value else ""


def alert_view(d: Delivery, directory: Directory, escalate_minutes: int) -> CardView:
    """The alert card: who, what kind, which reference; never what happened."""
    school = directory.school(d.school_id)
    facts = (("School", school.name if school else "Not known (sent to the trust)"), ("Category", d.category),
             ("Reference", d.reference), ("For", f"{d.recipient_name} ({ROLE_LABELS.get(d.role, d.role)})"))
    lines = [Text("A safeguarding concern has been reported. Open the bot to view it: nothing about the "
                  "concern is in this message.")]
    title = "Safeguarding alert"
    if d.kind.startswith("addendum"):
        title = "Safeguarding alert: more information added"
        lines = [Text("The reporter has added to a safeguarding report. Open the bot to view it: nothing "
                      "about the concern is in this message.")]
    elif d.tier > 0:
        title = "Safeguarding alert: not yet acknowledged"
        lines.insert(0, Text(f"Escalated: nobody acknowledged this report within {escalate_minutes} minutes.",
                             style="attention"))
    if d.informed:
        lines.append(Text("For information: the headteacher leads on concerns about staff.",
                          style="subtle"))
    return CardView(title, (*lines, Facts(facts)),
                    (Button("Acknowledge", {"action": "report.ack", "reference": d.reference}, style="positive"),
                     Button("Open the report", {"action": "report.view", "reference": d.reference})),
                    summary=f"{title}: {d.reference}. Open the bot to view.")


def acknowledged_view(reference: str, name: str, at: datetime | None, school_name: str, category: str) -> CardView:
    return CardView("Safeguarding alert: acknowledged",
                    (Text(f"Acknowledged by {name} at {when(at)}.", style="good"),
                     Facts((("School", school_name), ("Category", category), ("Reference", reference)))),
                    (Button("Open the report", {"action": "report.view", "reference": reference}),),
                    summary=f"{reference} acknowledged by {name}.")


def email_text(d: Delivery, directory: Directory) -> tuple[str, str]:
    school = directory.school(d.school_id)
    school_name = school.name if school else "School not known"
    subject = f"Safeguarding alert {d.reference} ({school_name})"
    if d.kind.startswith("addendum"):
        subject = f"More information added: {subject}"
    elif d.tier > 0:
        subject = f"NOT YET ACKNOWLEDGED: {subject}"
    body = (f"A safeguarding concern has been reported.\n\nSchool: {school_name}\nCategory: {d.category}\n"
            f"Reference: {d.reference}\nFor: {d.recipient_name} ({ROLE_LABELS.get(d.role, d.role)})\n\n"
            "Open the staff guidance bot in Microsoft Teams to view and acknowledge it. For safety, this "
            "email does not contain any details of the concern.\n")
    return subject, body


class AlertWorker:
    """A background loop: escalate what is overdue, then deliver what is due."""

    def __init__(self, services, outbox: Outbox, store, directory: Directory, smtp: SmtpConfig | None,
                 poll_seconds: float, escalate_minutes: int):
        self.services, self.outbox, self.store, self.directory, self.smtp = services, outbox, store, directory, smtp
        self.poll_seconds, self.escalate_minutes = poll_seconds, escalate_minutes
        self.adapter = None
        self.app_id = services.settings.app_id
        self._wake = asyncio.Event()
        self.delivered = 0
        self.stopping = False

    def wake(self) -> None:
        self._wake.set()

    async def stop(self, task: asyncio.Task, grace: float = 5.0) -> None:
        """Let the current round finish (no transaction is cut in half), then stop."""
        self.stopping = True
        self.wake()
        try:
            await asyncio.wait_for(asyncio.shield(task), grace)
        except TimeoutError:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def run(self) -> None:
        while not self.stopping:
            self._wake.clear()
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except DatabaseError:
                log.warning("outbox: database unavailable; will retry")
            except Exception:
                log.exception("outbox: unexpected failure; will retry")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_seconds)

    async def run_once(self) -> int:
        """Escalate overdue reports, then deliver everything due; return how many were sent."""
        for meta, level in await self.store.escalate_due():
            log.info("report %s escalated to tier %s", meta.reference, level)
        sent = 0
        while not self.stopping:
            batch = await self.outbox.claim()
            if not batch:
                return sent
            results = await asyncio.gather(*(self.deliver(d) for d in batch))
            sent += sum(results)
        return sent

    async def deliver(self, d: Delivery) -> bool:
        try:
            if d.channel == "email":
                activity_id, conversation = await self._email(d), None
            elif d.channel == "reporter":
                activity_id, conversation = await self._reporter(d)
            else:
                activity_id, conversation = await self._teams(d)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - retried with backoff; the type name only is kept
            retry_at = await self.outbox.retry(d, type(exc).__name__)
            log.info("outbox: %s delivery %s for %s failed (%s); retry at %s", d.channel, d.id, d.reference,
                     type(exc).__name__, retry_at.isoformat())
            return False
        await self.outbox.sent(d, activity_id, conversation)
        self.delivered += 1
        log.info("outbox: %s %s delivered for %s (tier %s)", d.channel, d.kind, d.reference, d.tier)
        return True

    async def _teams(self, d: Delivery):
        found = await self.services.people.find_by_email(d.recipient)
        references = [ref for person, ref in found if person.channel_id == "msteams"] or [ref for _, ref in found]
        if not references:
            raise Unreachable()
        reference = references[-1]
        activity_id = await self.send(reference, alert_view(d, self.directory, self.escalate_minutes))
        return activity_id, reference.serialize()

    async def _reporter(self, d: Delivery):
        reference = await self.services.people.reference(d.recipient)
        if reference is None:
            raise Unreachable()
        view = CardView("Your report has been read",
                        (Text(f"Your safeguarding report {d.reference} was read and acknowledged by "
                              f"{d.acknowledged_name} at {when(d.acknowledged_at)}."),
                         Text("If you have anything to add, type **add to report** with the reference.",
                              style="subtle")),
                        summary=f"Your report {d.reference} was read by {d.acknowledged_name}.")
        return await self.send(reference, view), None

    async def _email(self, d: Delivery) -> None:
        if self.smtp is None:
            raise Unreachable()
        subject, body = email_text(d, self.directory)
        message = alert_email(self.smtp, d.recipient, subject, body, f"{d.reference}/{d.recipient}/{d.tier}/{d.kind}")
        await send_email(self.smtp, message)
        return None

    async def send(self, reference, view: CardView) -> str | None:
        """Send a card proactively to a stored conversation; raise what the channel raised."""
        outcome: dict = {}

        async def callback(context: TurnContext):
            # The adapter would hand an exception to on_turn_error and swallow it: keep it here.
            try:
                response = await self.services.replies.send(context, view)
                outcome["id"] = response.id if response else None
            except Exception as exc:  # noqa: BLE001
                outcome["error"] = exc

        await self.adapter.continue_conversation(reference, callback, bot_app_id=self.app_id or None)
        if "error" in outcome:
            raise outcome["error"]
        return outcome.get("id")

    async def update(self, reference, activity_id: str, view: CardView) -> bool:
        """Replace a card sent earlier (best effort: the card is a convenience, the store is the record)."""
        outcome: dict = {}

        async def callback(context: TurnContext):
            try:
                await self.services.replies.update(context, activity_id, view)
            except Exception as exc:  # noqa: BLE001
                outcome["error"] = exc

        try:
            await self.adapter.continue_conversation(reference, callback, bot_app_id=self.app_id or None)
        except Exception as exc:  # noqa: BLE001
            outcome["error"] = exc
        if "error" in outcome:
            log.info("could not update an alert card in place (%s)", type(outcome["error"]).__name__)
            return False
        return True


def worker_context(worker: AlertWorker):
    """An aiohttp cleanup_ctx generator that runs the worker while the app runs."""

    async def alerts(app):
        worker.adapter = app[appkeys.ADAPTER]
        worker.stopping = False
        task = asyncio.create_task(worker.run(), name="safeguarding-outbox")
        yield
        await worker.stop(task)

    return alerts
