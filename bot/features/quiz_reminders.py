"""Proactive quiz reminders: overdue new starters, a changed policy, the yearly refresher.

Each reminder is recorded as it is sent (claimed first, so two instances never both send it), so
it goes out once; one that cannot be delivered (nobody to reach yet, or the channel is down) is
tried again on the next run. People are reached as alerts reach them (bot/reach.py): in Teams
only in their 1:1 chat with the bot, never a group chat or channel.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass

from bot import appkeys
from bot.features.reach import Target, Unreachable, reach_of
from bot.registry import Registry
from bot.settings import SettingsError
from bot.turn import Turn
from cards import Button, CardView, Facts, Text
from cards.quiz import START
from onboarding.reminders import OVERDUE, POLICY_CHANGED, Reminder, due_reminders, latest_per_subject
from onboarding.roster import RosterFormatError, parse_roster

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunReport:
    due: int
    sent: int
    unreachable: int
    failed: int


def reminder_card(kb, reminder: Reminder) -> CardView:
    """What each kind of reminder says."""
    if reminder.kind == OVERDUE:
        title = "Reminder: your onboarding quiz"
        text = (f"New staff are asked to pass the onboarding quiz on the {kb.title}. You haven't passed it yet: "
                "it takes about ten minutes, and you can retake it as often as you like.")
    elif reminder.kind == POLICY_CHANGED:
        title = "The social media policy has changed"
        text = (f"The {kb.title} is now version {kb.version}. Please take the onboarding quiz again on the new "
                "version.")
    else:
        title = "Time for your yearly refresher"
        text = (f"It's a year since you passed the onboarding quiz on the {kb.title}. Please take it again to "
                "refresh your knowledge of the policy.")
    return CardView(title=title, blocks=(Text(text),), buttons=(Button("Take the onboarding quiz", START),),
                    summary=f"{title}. {text} Type quiz to start.")


class Reminders:
    def __init__(self, quiz):
        self.quiz = quiz
        self._lock = asyncio.Lock()  # the worker and the command never send the same reminder twice

    async def run(self, adapter) -> RunReport:
        """Send every reminder that is due now and record each one sent."""
        quiz = self.quiz
        async with self._lock:
            now = quiz.now()
            due = due_reminders(await quiz.records.roster(), latest_per_subject(await quiz.records.passes()),
                                await quiz.records.sent_reminders(), now, quiz.config.due_days, quiz.kb.version,
                                quiz.config.requiz_days)
            sent = unreachable = failed = 0
            for reminder in due:
                if not await quiz.records.claim_reminder(reminder.key, reminder.kind, now):
                    continue  # another instance sent it meanwhile
                try:
                    target = Target(email=reminder.email, user_key=reminder.user_key)
                    await reach_of(quiz.services).send(adapter, target, reminder_card(quiz.kb, reminder))
                except Unreachable:
                    await quiz.records.release_reminder(reminder.key)
                    unreachable += 1
                    continue
                except Exception as exc:  # noqa: BLE001 - one unreachable person must not stop the rest
                    log.warning("quiz reminder not delivered (%s): %s", reminder.kind, type(exc).__name__)
                    await quiz.records.release_reminder(reminder.key)
                    failed += 1
                    continue
                sent += 1
            if due:
                log.info("quiz reminders: %d due, %d sent, %d unreachable, %d failed", len(due), sent, unreachable,
                         failed)
            return RunReport(len(due), sent, unreachable, failed)

    async def run_now(self, turn: Turn) -> None:
        """Admins: run the reminders now and say what happened."""
        if await self.quiz.admin.scope(turn) is None:
            return
        report = await self.run(turn.context.adapter)
        await turn.send(CardView(
            title="Quiz reminders",
            blocks=(Facts((("Due", str(report.due)), ("Sent", str(report.sent)),
                           ("Not reachable yet (never talked to the bot)", str(report.unreachable)),
                           ("Failed (will retry)", str(report.failed)))),),
            summary=f"Reminders: {report.sent} sent of {report.due} due."))


def register(registry: Registry, quiz) -> None:
    reminders = Reminders(quiz)
    quiz.reminders = reminders
    config = quiz.config
    registry.command("run reminders", ("run reminders", "quiz reminders", "send reminders"), reminders.run_now,
                     "Quiz admins: send due reminders now", hidden=True)

    if config.roster_file is not None:
        try:
            parsed = parse_roster(config.roster_file.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingsError("ROSTER_FILE", f"cannot read {config.roster_file}: {exc}") from None
        except RosterFormatError as exc:
            raise SettingsError("ROSTER_FILE", str(exc)) from None

        async def load_roster(app):
            """Import ROSTER_FILE once the database is up; bad rows are logged by line number."""
            added, updated = await quiz.records.import_roster(parsed.entries, quiz.now())
            log.info("ROSTER_FILE: %d added, %d updated, %d rows not imported", added, updated, len(parsed.errors))
            for error in parsed.errors:
                log.warning("ROSTER_FILE %s", error)
            yield

        registry.workers.append(load_roster)

    if config.reminder_interval > 0:
        async def reminder_worker(app):
            """Run the reminders every QUIZ_REMINDER_INTERVAL seconds while the app runs."""
            async def loop():
                while True:
                    await asyncio.sleep(config.reminder_interval)
                    try:
                        await reminders.run(app[appkeys.ADAPTER])
                    except Exception:
                        log.exception("quiz reminder run failed")

            task = asyncio.create_task(loop())
            yield
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

        registry.workers.append(reminder_worker)
