"""Measure the reporting path on loopback.

1. Submit -> DSL alert: the real app (create_app) and a fake Teams Connector on 127.0.0.1; a
   reporter fills in a report and presses Submit; the clock runs from that POST until the DSL's
   alert card reaches the Connector. Goal: p99 <= 1 s.
2. Durable writes: ReportStore.submit (SQLite, WAL, synchronous=FULL, encrypted, one
   transaction with its access rows, outbox rows and audit line) in a loop.

Usage: python bench/bench_reports.py [--reports 100] [--writes 500]
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.safeguarding.helpers import DEPUTY, DSL, REPORTER, alerts_in, fill_in, online, say  # noqa: E402
from tests.support.harness import BotHarness  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


async def submit_to_alert(n: int) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        bot = await BotHarness(Path(tmp), {}, "msteams").start()
        try:
            bot.connector.add_member(*REPORTER)
            for person in (DSL, DEPUTY):
                await online(bot, person)
            prefill = {"concern_about": "child", "platform": "Snapchat", "account_type": "personal",
                       "initiated_by": "child"}
            timings = []
            for _ in range(n):
                start = await say(bot, REPORTER, value={"action": "report.start", "prefill": prefill})
                summary = await fill_in(bot, REPORTER, start)
                before = len(alerts_in(bot.connector, DSL))
                t0 = time.perf_counter()
                await say(bot, REPORTER, value=summary.button("Submit"))
                await bot.connector.wait_for(lambda c, before=before: len(alerts_in(c, DSL)) > before, timeout=10)
                timings.append(time.perf_counter() - t0)
            return timings
        finally:
            await bot.close()


async def durable_writes(n: int) -> float:
    from bot import people, storage
    from bot.services import utc_now
    from safeguarding.contacts import load_contacts
    from safeguarding.crypto import Cipher, generate_key, parse_key
    from safeguarding.routing import route
    from safeguarding.store import ReportStore, Submission
    from safeguarding.tables import MIGRATIONS
    from store import Database

    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite+aiosqlite:///{Path(tmp) / 'bot.db'}", storage.MIGRATIONS + people.MIGRATIONS + MIGRATIONS)
        await db.start()
        try:
            directory = load_contacts(ROOT / "config" / "contacts.example.yaml")
            the_route = route(directory, directory.school("oakfield"), "child")
            store = ReportStore(db, Cipher(parse_key(generate_key())), utc_now, timedelta(minutes=15))
            content = {"what": "x" * 600, "children": "A child, Year 9", "when": "today", "platform": "Snapchat"}
            t0 = time.perf_counter()
            for i in range(n):
                await store.submit(Submission(f"bench-{i}", "msteams:29:rep", "oakfield", "child", "Online safety",
                                              content), the_route, ("teams", "email"))
            elapsed = time.perf_counter() - t0
            assert await store.count() == n
            return n / elapsed
        finally:
            await db.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--writes", type=int, default=500)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    timings = await submit_to_alert(args.reports)
    ms = [t * 1000 for t in timings]
    print(f"submit -> DSL alert over loopback, {len(ms)} reports: p50 {statistics.median(ms):.0f} ms, "
          f"p99 {percentile(ms, 99):.0f} ms, max {max(ms):.0f} ms (goal: p99 <= 1000 ms)")
    rate = await durable_writes(args.writes)
    print(f"durable report writes (SQLite WAL, synchronous=FULL, encrypted): {rate:.0f} reports/s "
          f"over {args.writes}")


if __name__ == "__main__":
    asyncio.run(main())
