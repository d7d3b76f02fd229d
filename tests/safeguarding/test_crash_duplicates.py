"""Kill the real app (SIGKILL) again and again while an alert is on its way, and count duplicates at the
fake Connector: each delivery is marked sent as soon as it has gone, one at a time, so a crash can
leave at most one alert sent but not marked, and at most one is sent twice per crash."""
import asyncio
import signal
import sqlite3
from collections import Counter

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from tests.safeguarding.helpers import DEPUTY, DSL, REPORTER, conv, fill_in, reference_in
from tests.safeguarding.test_crash import Remote, eventually
from tests.support.channel import Channel, buttons
from tests.support.connector import FakeConnector
from tests.support.instances import AppProcess

CRASHES = 3
REPORTS = 3


def alert_ids(connector) -> list[str]:
    """The delivery id each alert card carries (the same on every copy), in the order they arrived."""
    found = []
    for act in connector.all_activities():
        ids = {data.get("alert") for _, data in buttons(act) if data.get("action") == "report.ack"}
        found.extend(sorted(i for i in ids if i))
    return found


def duplicates_per_crash(snapshots: list[list[str]], final: list[str]) -> list[int]:
    """For each crash, how many alerts that had already arrived before it arrived again after it (before the
    next crash, or the end)."""
    counts = []
    for k, before in enumerate(snapshots):
        after = (snapshots[k + 1] if k + 1 < len(snapshots) else final)[len(before):]
        counts.append(sum(1 for alert in after if alert in before))
    return counts


def outbox_state(db_path) -> Counter:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        return Counter(status for (status,) in conn.execute("SELECT status FROM sg_outbox WHERE kind = 'alert'"))


def unmarked(db_path, arrived: list[str]) -> set[str]:
    """The alerts that reached the Connector but are not marked sent (read while the app is down)."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        sent = {str(i) for (i,) in conn.execute("SELECT id FROM sg_outbox WHERE status = 'sent'")}
    return set(arrived) - sent


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
async def test_kill_9_mid_delivery_sends_at_most_one_duplicate_per_crash(tmp_path):
    reporters, staff = FakeConnector(), FakeConnector()
    servers = [TestServer(reporters.app(), host="127.0.0.1"), TestServer(staff.app(), host="127.0.0.1")]
    for server, connector in zip(servers, (reporters, staff)):
        await server.start_server()
        connector.service_url = str(server.make_url("/"))[:-1]
    app = AppProcess("app", {"DATA_DIR": str(tmp_path / "data"), "OUTBOX_POLL_SECONDS": "0.1",
                             "OUTBOX_RETRY_SECONDS": "0.05", "OUTBOX_RETRY_MAX_SECONDS": "0.2",
                             "OUTBOX_LEASE_SECONDS": "1"}, tmp_path / "app.log")
    await app.start()
    session = aiohttp.ClientSession()
    try:
        reporter = Remote(Channel(session, app.messages_url, reporters, "msteams"))
        contacts = Channel(session, app.messages_url, staff, "msteams")
        reporters.add_member(*REPORTER)
        for person in (DSL, DEPUTY):
            staff.add_member(*person)
            await contacts.join(conv(person), user=person[0])
        # Every alert reaches Teams, and then Teams does not answer until the gate opens: the bot is
        # mid-delivery, with the message already there, when it is killed.
        staff.hold_after_store = asyncio.Event()
        references = []
        for _ in range(REPORTS):
            start = await reporter.send(conv(REPORTER), "report", user=REPORTER[0])
            summary = await fill_in(reporter, REPORTER, start)
            done = await reporter.send(conv(REPORTER), value=summary.button("Submit"), user=REPORTER[0])
            references.append(reference_in(done.text))
        snapshots, in_flight = [], []
        db = tmp_path / "data" / "bot.db"
        for crash in range(CRASHES):
            await eventually(lambda: staff.held >= 1, timeout=20)
            await asyncio.sleep(0.3)  # time for a second alert to arrive, if the bot sent two at once
            snapshots.append(alert_ids(staff))
            app.stop(signal.SIGKILL)
            in_flight.append(len(unmarked(db, snapshots[-1])))
            gate, staff.hold_after_store = staff.hold_after_store, (asyncio.Event() if crash + 1 < CRASHES else None)
            gate.set()  # let the held requests end (their bot is gone)
            await asyncio.sleep(1.5)  # the killed worker's lease (1 s, renewed while sending) runs out
            await app.start()
        expected = 2 * REPORTS  # the DSL and the deputy, for each report
        await eventually(lambda: outbox_state(db)["sent"] == expected, timeout=30)
        await asyncio.sleep(1.0)  # time for any further copy to show up (the worker polls every 0.1 s)
        final = alert_ids(staff)
        per_crash = duplicates_per_crash(snapshots, final)
        print(f"\nSIGKILL mid-delivery: {CRASHES} crashes, {expected} alerts; sent but unmarked at each crash "
              f"{in_flight}; duplicates per crash {per_crash}; cards received {len(final)}")
        assert len(set(final)) == expected  # nothing lost
        assert all(n <= 1 for n in per_crash) and all(n <= 1 for n in in_flight), (per_crash, in_flight)
        assert len(final) - expected == sum(per_crash)  # no duplicate other than the crashes'
        listing = await contacts.send(conv(DSL), "reports", user=DSL[0])
        assert all(reference in listing.text for reference in references)
    finally:
        app.stop()
        await session.close()
        for server in servers:
            await server.close()


def test_duplicates_are_counted_per_crash():
    assert duplicates_per_crash([["1"], ["1", "1", "2"]], ["1", "1", "2", "2", "3"]) == [1, 1]
    assert duplicates_per_crash([["1", "2"]], ["1", "2", "1", "2"]) == [2]
