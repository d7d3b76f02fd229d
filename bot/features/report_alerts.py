"""Deliver the safeguarding outbox: proactive Teams cards (bot/reach.py: the person's 1:1 chat only)
and SMTP email, with retries.

Alerts carry no content: the school, a category, the reference, and "open the bot to view"
(bot/features/report_views.py).
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Optional

from bot import appkeys
from bot.reach import Target, Unreachable, reach_of
from cards import CardView
from safeguarding.contacts import Directory
from safeguarding.mailer import SmtpConfig, alert_email, send_email
from safeguarding.outbox import Delivery, Outbox
from store import DatabaseError
from .report_views import alert_view, email_text, read_view

log = logging.getLogger(__name__)


class AlertWorker:
    """A background loop: escalate what is overdue, then deliver what is due."""

    def __init__(self, services, outbox: Outbox, store, directory: Directory, smtp: Optional[SmtpConfig],
                 poll_seconds: float, escalate_minutes: int):
        self.services, self.outbox, self.store, self.directory, self.smtp = services, outbox, store, directory, smtp
        self.poll_seconds, self.escalate_minutes = poll_seconds, escalate_minutes
        self.adapter = None
        self.reach = reach_of(services)
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
        except asyncio.TimeoutError:
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
            except Exception:  # noqa: BLE001 - the loop must survive anything; no content is logged
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
        contact = self.directory.contact_by_email(d.recipient)
        reached = await self.reach.send(self.adapter, Target(email=d.recipient, aad_object_id=contact.aad_object_id
                                                             if contact else ""),
                                        alert_view(d, self.directory, self.escalate_minutes))
        return reached.activity_id, reached.reference.serialize()

    async def _reporter(self, d: Delivery):
        reached = await self.reach.send(self.adapter, Target(user_key=d.recipient), read_view(d))
        return reached.activity_id, None

    async def _email(self, d: Delivery) -> None:
        if self.smtp is None:
            raise Unreachable()
        subject, body = email_text(d, self.directory)
        message = alert_email(self.smtp, d.recipient, subject, body, f"{d.reference}/{d.recipient}/{d.tier}/{d.kind}")
        await send_email(self.smtp, message)
        return None

    async def update(self, reference, activity_id: str, view: CardView) -> bool:
        """Replace a card sent earlier (best effort: the card is a convenience, the store is the record)."""
        try:
            await self.reach.update(self.adapter, reference, activity_id, view)
        except Exception as exc:  # noqa: BLE001
            log.info("could not update an alert card in place (%s)", type(exc).__name__)
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
