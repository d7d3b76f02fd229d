"""Throughput of policy questions and report-to-alert time: one instance on SQLite against two
instances on PostgreSQL.

Each set-up runs real app processes (`python app.py`); this script is the load: it speaks the
channel protocol (POST /api/messages) and is the Connector that collects the replies. With two
instances every turn goes to the other instance than the last (no session affinity), so each turn
reads the state the other instance wrote. Report-to-alert: a reporter files reports one after
another (each message to the other instance), and the clock runs from the Submit POST until the
DSL's alert card reaches the Connector, with the default outbox settings. PostgreSQL is a
throwaway server (Debian's postgresql), or --database-url.

Usage: python bench/bench_scale.py [--conversations 40] [--turns 10] [--reports 20] [--database-url postgresql://...]
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.safeguarding.helpers import DEPUTY, DSL, REPORTER, alerts_in, conv, fill_in, say  # noqa: E402
from tests.support.channel import Channel, activity  # noqa: E402
from tests.support.connector import FakeConnector  # noqa: E402
from tests.support.instances import Alternating, Instances  # noqa: E402

QUESTIONS = ROOT / "tests/policy_kb/questions.jsonl"


class Sink:
    """A minimal Connector: accepts every reply and notes when it arrived, per conversation."""

    def __init__(self):
        self.replies: dict[str, list[tuple[float, dict]]] = {}
        self._ids = itertools.count(1)
        self.url = ""

    async def _post(self, request: web.Request) -> web.Response:
        act = await request.json()
        self.replies.setdefault(request.match_info["cid"], []).append((time.perf_counter(), act))
        return web.json_response({"id": f"r{next(self._ids)}"})

    async def _created(self, request: web.Request) -> web.Response:
        body = await request.json()
        cid = f"created-{next(self._ids)}"
        if body.get("activity"):
            self.replies.setdefault(cid, []).append((time.perf_counter(), body["activity"]))
        return web.json_response({"id": cid, "activityId": f"a{next(self._ids)}"})

    async def start(self) -> web.AppRunner:
        app = web.Application()
        app.router.add_post("/v3/conversations/{cid}/activities/{aid}", self._post)
        app.router.add_post("/v3/conversations/{cid}/activities", self._post)
        app.router.add_post("/v3/conversations", self._created)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
        return runner


async def load(bot_urls: list[str], sink: Sink, texts: list[str], conversations: int, turns: int) -> dict:
    """`conversations` at once, each `turns` questions in sequence, rotating over the instances."""
    latencies: list[float] = []
    errors = 0
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        async def one(c: int) -> None:
            nonlocal errors
            conv = f"bench-{c}-{uuid.uuid4().hex[:6]}"
            for t in range(turns):
                url = bot_urls[(c + t) % len(bot_urls)]
                act = activity(sink.url, conv, text=texts[(c * turns + t) % len(texts)], user=f"bench{c}")
                started = time.perf_counter()
                try:
                    async with session.post(url, json=act) as resp:
                        await resp.read()
                        errors += resp.status >= 300
                except aiohttp.ClientError:
                    errors += 1
                latencies.append(time.perf_counter() - started)

        # Warm up each instance (first-turn imports and caches) outside the measurement.
        await asyncio.gather(*(session.post(u, json=activity(sink.url, f"warm-{i}", text=texts[0], user="warm"))
                               for i, u in enumerate(bot_urls)))
        started = time.perf_counter()
        await asyncio.gather(*(one(c) for c in range(conversations)))
        wall = time.perf_counter() - started
    latencies.sort()
    n = len(latencies)
    return {"turns": n, "seconds": round(wall, 2), "turns_per_second": round(n / wall, 1),
            "p50_ms": round(statistics.median(latencies) * 1000), "p95_ms": round(latencies[int(n * 0.95)] * 1000),
            "errors": errors}


async def report_to_alert(bot_urls: list[str], reports: int) -> dict:
    """Seconds from each Submit POST until the DSL's alert arrives (reports filed one at a time)."""
    from aiohttp.test_utils import TestServer

    connector = FakeConnector()
    server = TestServer(connector.app(), host="127.0.0.1")
    await server.start_server()
    connector.service_url = str(server.make_url("/"))[:-1]
    timings = []
    try:
        async with aiohttp.ClientSession() as session:
            channels = [Channel(session, url, connector, "msteams") for url in bot_urls]
            for person in (DSL, DEPUTY, REPORTER):
                connector.add_member(*person)
            for person in (DSL, DEPUTY):
                await channels[0].join(conv(person), user=person[0])
            reporter = Alternating(channels)
            prefill = {"concern_about": "child", "platform": "Snapchat", "account_type": "personal",
                       "initiated_by": "child"}
            for _ in range(reports):
                start = await say(reporter, REPORTER, value={"action": "report.start", "prefill": prefill})
                summary = await fill_in(reporter, REPORTER, start)
                before = len(alerts_in(connector, DSL))
                started = time.perf_counter()
                await say(reporter, REPORTER, value=summary.button("Submit"))
                await connector.wait_for(lambda c, before=before: len(alerts_in(c, DSL)) > before, timeout=30)
                timings.append(time.perf_counter() - started)
    finally:
        await server.close()
    timings.sort()
    return {"reports": len(timings), "alert_p50_ms": round(statistics.median(timings) * 1000),
            "alert_max_ms": round(timings[-1] * 1000)}


def conflicts(sink: Sink) -> int:
    from bot.adapter import CONFLICT

    return sum(1 for replies in sink.replies.values() for _, act in replies if act.get("text") == CONFLICT)


async def run_setup(name: str, count: int, database_url: str, texts: list[str], args, workdir: Path) -> dict:
    sink = Sink()
    runner = await sink.start()
    instances = Instances(workdir / name)
    (workdir / name).mkdir(parents=True, exist_ok=True)
    try:
        procs = await instances.start(count, database_url, {"QUIZ_REMINDER_INTERVAL": "0"})
        result = await load([p.messages_url for p in procs], sink, texts, args.conversations, args.turns)
        result["conflicts"] = conflicts(sink)
        if args.reports:
            result.update(await report_to_alert([p.messages_url for p in procs], args.reports))
        return {"setup": name, **result}
    finally:
        instances.stop_all()
        await runner.cleanup()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=40)
    parser.add_argument("--turns", type=int, default=10)
    parser.add_argument("--reports", type=int, default=20, help="reports to time (0: none)")
    parser.add_argument("--database-url", help="an empty PostgreSQL database (default: a throwaway server)")
    args = parser.parse_args()
    texts = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines() if line.strip()]
    server = None
    if args.database_url:
        pg_url = args.database_url
    else:
        from tests.support.postgres import ThrowawayPostgres, create_database

        server = ThrowawayPostgres()
        pg_url = create_database(server.start())
    try:
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
            workdir = Path(tmp)
            sqlite_url = f"sqlite+aiosqlite:///{workdir / 'bot.db'}"
            setups = (("1 instance, SQLite", 1, sqlite_url), ("1 instance, PostgreSQL", 1, pg_url),
                      ("2 instances, PostgreSQL", 2, pg_url))
            for name, count, url in setups:
                result = await run_setup(name.replace(" ", "_").replace(",", ""), count, url, texts, args, workdir)
                result["setup"] = name
                print(json.dumps(result))
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    asyncio.run(main())
