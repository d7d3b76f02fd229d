"""Load generator that plays the channel: a fake Connector plus concurrent conversations.

It runs its own Connector service on loopback (the bot replies there) and POSTs message
activities to the bot's /api/messages, `conversations` at a time, each conversation sending
`turns` messages one after another. Conversation i is "load-i" with user "loadi" in every run,
as a Teams personal chat keeps its id; --fresh gives every run new conversations. A turn's
latency is the POST round trip: the bot answers the POST after its replies have reached the
Connector. Prints one JSON object.

Usage: python bench/loadgen.py URL [--conversations N] [--turns N] [--texts FILE.jsonl|FILE.txt]
       [--users N] [--channel emulator] [--fresh] [--connector-port N]
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import time
import uuid
from pathlib import Path

from aiohttp import ClientSession, ClientTimeout, TCPConnector, web

_ids = itertools.count(1)
RUN = uuid.uuid4().hex[:8]


class Connector:
    """The smallest Connector that satisfies a bot: accept replies, count them, answer lookups."""

    def __init__(self):
        self.replies = 0
        self.service_url = ""

    async def _activity(self, request: web.Request) -> web.Response:
        await request.read()
        self.replies += 1
        return web.json_response({"id": f"r{next(_ids)}"})

    async def _member(self, request: web.Request) -> web.Response:
        uid = request.match_info["uid"]
        return web.json_response({"id": uid, "name": f"User {uid}", "email": f"{uid}@example.org",
                                  "userPrincipalName": f"{uid}@example.org",
                                  "aadObjectId": str(uuid.uuid5(uuid.NAMESPACE_DNS, uid))})

    async def start(self, port: int = 0) -> web.AppRunner:
        app = web.Application()
        app.router.add_post("/v3/conversations/{cid}/activities/{aid}", self._activity)
        app.router.add_post("/v3/conversations/{cid}/activities", self._activity)
        app.router.add_get("/v3/conversations/{cid}/members/{uid}", self._member)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", port)
        await site.start()
        self.service_url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
        return runner


def message(service_url: str, channel: str, conversation: str, user: str, text: str) -> dict:
    # Every run's activity ids are new, as a channel's are: the bot skips an id it has seen.
    act = {"type": "message", "id": f"in-{RUN}-{next(_ids)}", "timestamp": "2026-11-25T10:00:00.000Z",
           "channelId": channel, "serviceUrl": service_url,
           "from": {"id": user, "name": f"User {user}", "aadObjectId": str(uuid.uuid5(uuid.NAMESPACE_DNS, user))},
           "conversation": {"id": conversation, "conversationType": "personal"},
           "recipient": {"id": "bot", "name": "bot"}, "locale": "en-GB", "text": text}
    if channel == "msteams":
        act["channelData"] = {"tenant": {"id": "tenant-1"}}
        act["conversation"]["tenantId"] = "tenant-1"
    return act


def read_texts(path: str | None) -> list[str]:
    if not path:
        return ["hello"]
    lines = [line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line)["question"] if line.startswith("{") else line for line in lines]


async def run(url: str, texts: list[str], conversations: int, turns: int, users: int, channel: str,
              fresh: bool = False, connector_port: int = 0) -> dict:
    connector = Connector()
    runner = await connector.start(connector_port)
    latencies: list[float] = []
    later: list[float] = []  # turns after a conversation's first (no new person or state row)
    errors = 0
    prefix = f"load-{uuid.uuid4().hex[:6]}" if fresh else "load"
    async with ClientSession(timeout=ClientTimeout(total=120),
                             connector=TCPConnector(limit=conversations + 10)) as http:
        async def conversation(ci: int) -> None:
            nonlocal errors
            cid = f"{prefix}-{ci}"
            user = f"load{ci % users}"
            for turn in range(turns):
                act = message(connector.service_url, channel, cid, user, texts[(ci * 7 + turn) % len(texts)])
                start = time.perf_counter()
                try:
                    async with http.post(url, json=act) as resp:
                        await resp.read()
                        if resp.status >= 300:
                            errors += 1
                except Exception:  # noqa: BLE001 - counted, the run goes on
                    errors += 1
                latencies.append(time.perf_counter() - start)
                if turn:
                    later.append(latencies[-1])

        start = time.perf_counter()
        await asyncio.gather(*(conversation(i) for i in range(conversations)))
        wall = time.perf_counter() - start
    await runner.cleanup()
    n = len(latencies)
    return {"turns": n, "seconds": wall, "throughput": n / wall,
            "p50_ms": percentile(latencies, 0.5), "p99_ms": percentile(latencies, 0.99),
            "later_p99_ms": percentile(later or latencies, 0.99),
            "errors": errors, "replies_per_turn": connector.replies / n}


def percentile(values: list[float], q: float) -> float:
    """The q-quantile of values, in milliseconds (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("--conversations", type=int, default=50)
    parser.add_argument("--turns", type=int, default=10)
    parser.add_argument("--users", type=int, default=10**9, help="distinct users (default: one per conversation)")
    parser.add_argument("--texts")
    parser.add_argument("--channel", default="emulator")
    parser.add_argument("--fresh", action="store_true", help="new conversation ids for this run")
    parser.add_argument("--connector-port", type=int, default=0,
                        help="port for the fake Connector (the same port keeps the serviceUrl across runs)")
    args = parser.parse_args()
    try:
        # Its own overhead is inside every latency it measures (the bot's and the echo bot's
        # alike): keep it small. uvloop is pinned for the bot on Linux and macOS.
        import uvloop
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    except ImportError:
        pass
    result = asyncio.run(run(args.url, read_texts(args.texts), args.conversations, args.turns,
                             args.users, args.channel, args.fresh, args.connector_port))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
