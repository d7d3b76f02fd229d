"""Hot reload: every instance answers from what the console last published, without a restart.

Each change in the console bumps a counter in the database (console/library.py). Every instance
reads it every KB_POLL_SECONDS (and the instance that made the change at once); when it moved,
the snapshot is read, the knowledge bases and matchers are built in a thread (turns go on being
answered from the old ones meanwhile), and then swapped in between two turns.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from bot import appkeys
from console.knowledge import Live, LiveSet, build, lexicon_for
from console.library import Library
from dialogs.scenario import ScenarioFlow
from onboarding.bank import bank_for_version
from policy_kb import KnowledgeBaseError
from policy_kb.bundle import PRIMARY
from policy_kb.search import Matcher
from store import DatabaseError

from .qa import matcher_for
from .quiz import bank_for

log = logging.getLogger(__name__)


class LiveKnowledge:
    def __init__(self, services, registry, library: Library, poll_seconds: float):
        self.services, self.registry, self.library, self.poll_seconds = services, registry, library, poll_seconds
        self.shipped = services.kb
        self.current = LiveSet(0, (Live(PRIMARY, services.kb),))
        self.matchers: dict[str, Matcher] = {}  # the other policies' matchers
        self.last_build_seconds: float | None = None
        self.failed_generation: int | None = None
        self._lock = asyncio.Lock()
        self.adapter = None  # set when the app starts: the re-quiz nudge needs it
        self._tasks: set[asyncio.Task] = set()

    def matcher(self, policy: str) -> Matcher:
        return self.services.qa.matcher if policy == PRIMARY else self.matchers[policy]

    async def refresh(self) -> bool:
        """Rebuild if the database moved on since the last build; True if something was swapped in."""
        async with self._lock:
            number = await self.library.generation()
            if number in (self.current.generation, self.failed_generation):
                return False
            snapshot = await self.library.snapshot()
            try:
                built = await asyncio.to_thread(self._build, snapshot)
            except KnowledgeBaseError as exc:
                # Versions are checked before they are published, so this is a stored row gone bad:
                # keep answering from what loaded last, and say so once.
                self.failed_generation = snapshot.generation
                log.error("the knowledge base of change %d does not load, still answering from change %d: %s",
                          snapshot.generation, self.current.generation, exc)
                return False
            version = self.services.kb.version
            self._apply(*built)
            if self.services.kb.version != version:
                self._nudge()
            return True

    def _nudge(self) -> None:
        """A new version: send the re-quiz reminders now rather than at the next hourly run (each is
        claimed before it is sent, so instances that all see the new version never send one twice)."""
        quiz = self.services.quiz
        if quiz is None or quiz.config.reminder_interval <= 0 or self.adapter is None:
            return

        async def run():
            try:
                await quiz.reminders.run(self.adapter)
            except Exception:
                log.exception("re-quiz reminders after a new policy version failed")

        task = asyncio.create_task(run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _build(self, snapshot) -> tuple:
        """Everything a swap needs, built off the event loop."""
        started = time.perf_counter()
        live = build(snapshot, self.shipped)
        kb = live.primary.kb
        same = kb is self.services.kb
        matcher = self.services.qa.matcher if same and self.services.qa else (
            matcher_for(kb) if kb is self.shipped else Matcher(kb))
        bank = bank_for_version(bank_for(self.shipped), kb, live.primary.retired_questions)
        others = {}
        for policy in live.policies[1:]:
            old = self.current.policy(policy.policy)
            reuse = old is not None and old.kb is policy.kb and policy.policy in self.matchers
            others[policy.policy] = self.matchers[policy.policy] if reuse else Matcher(policy.kb, lexicon_for(policy.kb))
        self.last_build_seconds = time.perf_counter() - started
        log.info("knowledge base change %d built in %.2f s (%d policies)", snapshot.generation,
                 self.last_build_seconds, len(live.policies))
        return live, matcher, bank, others

    def _apply(self, live: LiveSet, matcher: Matcher, bank, others: dict) -> None:
        kb = live.primary.kb
        self.services.kb = kb
        if self.services.qa is not None:
            self.services.qa.use(kb, matcher)
        if self.services.quiz is not None:
            self.services.quiz.use(kb, bank)
        for dialog in self.registry.dialogs:
            if isinstance(getattr(dialog, "flow", None), ScenarioFlow):
                dialog.flow.kb = kb  # situations quote the live wording (they never quote a retired clause)
        self.current, self.matchers = live, others

    def worker(self):
        """An aiohttp cleanup_ctx: load what was published before serving, then watch for changes."""
        async def watch(app):
            self.adapter = app[appkeys.ADAPTER]
            await self.refresh()
            task = asyncio.create_task(self._poll())
            yield
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            for pending in list(self._tasks):
                pending.cancel()

        return watch

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(self.poll_seconds)
            try:
                await self.refresh()
            except DatabaseError:
                log.warning("could not check for knowledge base changes (database unavailable)")
            except Exception:
                log.exception("knowledge base refresh failed")
