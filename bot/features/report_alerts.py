"""Deliver the safeguarding outbox: proactive Teams cards (bot/reach.py) and SMTP email, with retries.

Deliveries go out one at a time in each of two lanes, chat (Teams alerts and the reporter's
notices) and email, so that a slow mail server never holds up a Teams alert; each delivery is
marked sent in its own transaction the moment it has gone. A crash can therefore leave at most
one delivery per lane sent but not marked, and that one alone goes again after the restart (once
its lease ends): at most one duplicate per crash. A delivery whose send went through but whose
mark failed (the database was down) is remembered with the activity id Teams gave it, and sent
again as an update of that card (`update_activity`), not as a second card.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging

from bot import appkeys
from bot.features.reach import Reached, Target, Unreachable, reach_of, refused_for_good
from cards import CardView
from safeguarding.contacts import Directory
from safeguarding.mailer import SmtpConfig, alert_email, send_email
from safeguarding.outbox import Delivery, Outbox
from store import DatabaseError

from .report_views import ROLE_LABELS, alert_view, email_text, read_view

log = logging.getLogger(__name__)

CHAT, EMAIL = ("teams", "reporter"), ("email",)


class AlertWorker:
    """A background loop: escalate what is overdue, then deliver what is due."""

    def __init__(self, services, outbox: Outbox, store, directory: Directory, smtp: SmtpConfig | None,
                 poll_seconds: float, escalate_minutes: int):
        self.services, self.outbox, self.store, self.directory, self.smtp = services, outbox, store, directory, smtp
        self.poll_seconds, self.escalate_minutes = poll_seconds, escalate_minutes
        self.adapter = None
        self.reach = reach_of(services)
        self._wake = asyncio.Event()
        self._round = asyncio.Lock()  # the loop and a test's run_once never deliver side by side
        self._unmarked: dict[int, Reached] = {}  # sent, but the database did not take the mark yet
        self.delivered = 0
        self.stopping = False

    def wake(self) -> None:
        self._wake.set()

    async def stop(self, task: asyncio.Task, grace: float = 5.0) -> None:
        """Let the current delivery finish (no transaction is cut in half), then stop."""
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
        async with self._round:
            for meta, level in await self.store.escalate_due():
                log.info("report %s escalated to tier %s", meta.reference, level)
            sent = await asyncio.gather(self._lane(CHAT), self._lane(EMAIL))
            return sum(sent)

    async def _lane(self, channels: tuple[str, ...]) -> int:
        """Deliver this lane's due work one delivery at a time, each marked sent as soon as it has gone."""
        sent = 0
        while not self.stopping:
            claimed = await self.outbox.claim(limit=1, channels=channels)
            if not claimed:
                return sent
            sent += await self.deliver(claimed[0])
        return sent

    async def deliver(self, d: Delivery) -> bool:
        keeper = asyncio.create_task(self._keep_lease(d))
        try:
            if d.channel == "email":
                reached = await self._email(d)
            else:
                reached = await self._chat(d)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - retried with backoff; the type name only is kept
            retry_at = await self.outbox.retry(d, type(exc).__name__)
            log.info("outbox: %s delivery %s for %s failed (%s); retry at %s", d.channel, d.id, d.reference,
                     type(exc).__name__, retry_at.isoformat())
            return False
        finally:
            keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await keeper
        if reached is not None:
            self._unmarked[d.id] = reached
        await self.outbox.sent(d, reached.activity_id if reached else None,
                               reached.reference.serialize() if reached else None)
        self._unmarked.pop(d.id, None)
        self.delivered += 1
        log.info("outbox: %s %s delivered for %s (tier %s)", d.channel, d.kind, d.reference, d.tier)
        return True

    async def _keep_lease(self, d: Delivery) -> None:
        """Renew the delivery's lease while it is being sent (a slow Connector, or several accounts tried,
        can take longer than one lease), so that no other worker takes it meanwhile."""
        while True:
            await asyncio.sleep(self.outbox.lease.total_seconds() / 3)
            try:
                await self.outbox.renew(d)
            except DatabaseError:
                log.warning("outbox: could not renew a delivery's lease")

    async def _chat(self, d: Delivery) -> Reached:
        if d.channel == "reporter":
            target, view = Target(user_key=d.recipient), read_view(d)
        else:
            contact = self.directory.contact_by_email(d.recipient)
            target = Target(email=d.recipient, aad_object_id=contact.aad_object_id if contact else "")
            view = alert_view(d, self.directory, self.escalate_minutes)
        earlier = self._unmarked.get(d.id)
        if earlier is not None and earlier.activity_id:
            try:  # it went, but was not marked: replace that card rather than add a second one
                await self.reach.update(self.adapter, earlier.reference, earlier.activity_id, view)
                return earlier
            except Exception as exc:
                if not refused_for_good(exc):
                    raise
                self._unmarked.pop(d.id, None)  # that conversation is gone: send it afresh
        try:
            return await self.reach.send(self.adapter, target, view)
        except Unreachable:
            log.info("outbox: nobody reachable for %s delivery %s of %s (%s)", d.channel, d.id, d.reference,
                     ROLE_LABELS.get(d.role, d.role))
            raise

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
