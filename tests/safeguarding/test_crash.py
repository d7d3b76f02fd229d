"""Kill the real app (SIGKILL) after a report is submitted but before its alerts are delivered;
after a restart the report is there and each contact is alerted exactly once (Teams and email)."""
import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from aiosmtpd.controller import Controller

from tests.safeguarding.helpers import DEPUTY, DSL, REPORTER, alerts_in, conv, fill_in, reference_in
from tests.support.channel import Channel
from tests.support.connector import FakeConnector

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Remote:
    """Just enough of the harness for the helpers: send as a person through one channel."""

    def __init__(self, channel: Channel):
        self.channel = channel

    async def send(self, conversation, text=None, **kw):
        return await self.channel.send(conversation, text, **kw)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(list(envelope.rcpt_tos))
        return "250 OK"


async def start_app(env: dict, log: Path) -> subprocess.Popen:
    with open(log, "ab") as out:  # the child keeps its own copy of the descriptor
        proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=out, stderr=out)
    url = f"http://127.0.0.1:{env['PORT']}/healthz"
    async with aiohttp.ClientSession() as session:
        for _ in range(300):
            if proc.poll() is not None:
                raise AssertionError(f"app exited: {log.read_text()[-2000:]}")
            try:
                async with session.get(url) as resp:
                    if resp.status == 200:
                        return proc
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.05)
    proc.kill()
    raise AssertionError("app did not start")


async def eventually(predicate, timeout=10.0):
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.05)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
async def test_sigkill_between_submit_and_delivery_loses_nothing_and_alerts_once(tmp_path):
    reporters, staff = FakeConnector(), FakeConnector()
    servers = [TestServer(reporters.app(), host="127.0.0.1"), TestServer(staff.app(), host="127.0.0.1")]
    for server, connector in zip(servers, (reporters, staff)):
        await server.start_server()
        connector.service_url = str(server.make_url("/"))[:-1]
    smtp_port, port = free_port(), free_port()
    env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1", "DATA_DIR": str(tmp_path / "data"),
           "PYTHONUNBUFFERED": "1", "OUTBOX_POLL_SECONDS": "0.1", "OUTBOX_RETRY_SECONDS": "0.05",
           "OUTBOX_RETRY_MAX_SECONDS": "0.2", "OUTBOX_LEASE_SECONDS": "1", "SMTP_HOST": "127.0.0.1",
           "SMTP_PORT": str(smtp_port), "SMTP_FROM": "bot@trust.example.org", "SMTP_STARTTLS": "false"}
    for name in ("CONTACTS_FILE", "REPORT_ENCRYPTION_KEY", "DATABASE_URL", "MicrosoftAppId"):
        env.pop(name, None)
    proc = await start_app(env, tmp_path / "app.log")
    session = aiohttp.ClientSession()
    smtp = None
    try:
        bot_url = f"http://127.0.0.1:{port}/api/messages"
        reporter = Remote(Channel(session, bot_url, reporters, "msteams"))
        contacts = Channel(session, bot_url, staff, "msteams")
        reporters.add_member(*REPORTER)
        for person in (DSL, DEPUTY):
            staff.add_member(*person)
            await contacts.join(conv(person), user=person[0])
        staff.down = True  # the contacts' channel is out, and no SMTP server listens yet
        start = await reporter.send(conv(REPORTER), "report", user=REPORTER[0])
        summary = await fill_in(reporter, REPORTER, start)
        done = await reporter.send(conv(REPORTER), value=summary.button("Submit"), user=REPORTER[0])
        reference = reference_in(done.text)
        assert "Report received" in done.text
        calls = staff.calls
        await eventually(lambda: staff.calls >= calls + 2)  # delivery was tried, and failed
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        assert not alerts_in(staff, DSL) and not alerts_in(staff, DEPUTY)

        staff.down = False
        inbox = Inbox()
        smtp = Controller(inbox, hostname="127.0.0.1", port=smtp_port, server_hostname="localhost")
        smtp.start()
        proc = await start_app(env, tmp_path / "app.log")
        await eventually(lambda: alerts_in(staff, DSL) and alerts_in(staff, DEPUTY) and len(inbox.messages) >= 2)
        await asyncio.sleep(1.0)  # time for any duplicate to show up (the worker polls every 0.1 s)
        assert len(alerts_in(staff, DSL)) == 1 and len(alerts_in(staff, DEPUTY)) == 1
        assert sorted(r for rcpt in inbox.messages for r in rcpt) == [DSL[2], DEPUTY[2]]
        listing = await contacts.send(conv(DSL), "reports", user=DSL[0])
        assert reference in listing.text
        status = await reporter.send(conv(REPORTER), "my reports", user=REPORTER[0])
        assert reference in status.text
        assert "miss can u add me" not in (tmp_path / "app.log").read_text()
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        if smtp is not None:
            smtp.stop()
        await session.close()
        for server in servers:
            await server.close()
