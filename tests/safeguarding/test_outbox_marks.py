"""Each delivery is marked sent as soon as it has gone, one at a time; a delivery that went but could
not be marked is sent again as an update of the same card, not as a second card."""
import asyncio

from safeguarding.outbox import Outbox
from store import DatabaseError
from tests.safeguarding.helpers import (
    DEPUTY,
    DSL,
    alerts_in,
    conv,
    file_report,
    online,
    outbox_rows,
    reference_in,
    staff_side,
    teams_bot,
)


async def test_alerts_go_one_at_a_time_and_each_is_marked_as_soon_as_it_has_gone(make_bot):
    bot = await teams_bot(make_bot)
    staff, channel, server = await staff_side(bot)  # the contacts' Connector, held on its own
    try:
        for person in (DSL, DEPUTY):
            staff.add_member(*person)
            await channel.join(conv(person), user=person[0])
        first_gate = staff.hold_after_store = asyncio.Event()
        _, done = await file_report(bot)
        reference = reference_in(done.text)
        await staff.wait_for(lambda c: c.held == 1)
        await asyncio.sleep(0.3)
        assert staff.held == 1 and len(alerts_in(staff, DSL) + alerts_in(staff, DEPUTY)) == 1  # one at a time
        second_gate = staff.hold_after_store = asyncio.Event()
        first_gate.set()  # Teams answers the first: it is marked at once, while the second is on its way
        await staff.wait_for(lambda c: c.held == 1 and alerts_in(c, DSL) and alerts_in(c, DEPUTY))
        for _ in range(100):
            statuses = sorted(r.status for r in await outbox_rows(bot, reference))
            if statuses == ["pending", "sent"]:
                break
            await asyncio.sleep(0.02)
        assert statuses == ["pending", "sent"]
        staff.hold_after_store = None
        second_gate.set()
        for _ in range(100):
            if all(r.status == "sent" for r in await outbox_rows(bot, reference)):
                break
            await asyncio.sleep(0.02)
        assert all(r.status == "sent" for r in await outbox_rows(bot, reference))
    finally:
        await server.close()


async def test_an_alert_sent_but_not_marked_is_sent_again_as_an_update_of_the_same_card(make_bot):
    bot = await teams_bot(make_bot, {"OUTBOX_LEASE_SECONDS": "1"})
    await online(bot, DSL)
    outbox = bot.services.reports.outbox
    real_sent, failures = outbox.sent, []

    async def sent_once_failing(delivery, *args):
        if not failures:
            failures.append(delivery.id)
            raise DatabaseError("the database went away just after the card went")
        return await real_sent(delivery, *args)

    outbox.sent = sent_once_failing
    _, done = await file_report(bot)
    reference = reference_in(done.text)
    (card,) = await bot.connector.wait_for(lambda c: alerts_in(c, DSL))
    updated = await bot.connector.wait_for(lambda c: [u for u in c.updates if u["id"] == card["id"]], timeout=10)
    assert reference in str(updated[0]) and "Safeguarding alert" in str(updated[0])
    rows = [r for r in await outbox_rows(bot, reference) if r.recipient == DSL[2] and r.channel == "teams"]
    assert rows[0].status == "sent" and rows[0].activity_id == card["id"]
    assert len(alerts_in(bot.connector, DSL)) == 1 and failures == [rows[0].id]
    assert conv(DSL) in rows[0].conversation


async def test_a_slow_delivery_keeps_its_lease_so_no_other_worker_sends_it_too(make_bot):
    bot = await teams_bot(make_bot, {"OUTBOX_LEASE_SECONDS": "1"})
    staff, channel, server = await staff_side(bot)
    try:
        staff.add_member(*DSL)
        await channel.join(conv(DSL), user=DSL[0])
        gate = staff.hold_after_store = asyncio.Event()  # Teams takes its time to answer
        _, done = await file_report(bot)
        await staff.wait_for(lambda c: c.held == 1)
        other = Outbox(bot.services.db, bot.services.clock, "another-instance", lease_seconds=1)
        for _ in range(5):  # 2.5 s: more than two leases
            await asyncio.sleep(0.5)
            taken = await other.claim(channels=("teams",))
            assert DSL[2] not in [d.recipient for d in taken]  # (the deputy's, not yet begun, it may take)
        staff.hold_after_store = None
        gate.set()
        for _ in range(100):
            if all(r.status == "sent" for r in await outbox_rows(bot, reference_in(done.text)) if r.recipient == DSL[2]):
                break
            await asyncio.sleep(0.02)
        assert len(alerts_in(staff, DSL)) == 1
    finally:
        await server.close()
