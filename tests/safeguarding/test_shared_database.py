"""Reports on a shared database: two instances escalate a report once; a report filed while the
database is out is never confirmed, its draft is kept, and it is stored once when it is back."""
import asyncio

import sqlalchemy as sa

from bot.adapter import DATABASE_DOWN
from safeguarding.tables import reports
from tests.safeguarding.helpers import (
    DEPUTY,
    DSL,
    HEAD,
    REPORTER,
    Clock,
    alerts_in,
    audit_actions,
    conv,
    file_report,
    fill_in,
    online,
    outbox_rows,
    reference_in,
    say,
    teams_bot,
)
from tests.support.instances import app_database_url


async def test_two_instances_escalate_an_unacknowledged_report_once(make_bot, database_url, tmp_path):
    env = {"DATABASE_URL": app_database_url(database_url), "ESCALATE_AFTER_MINUTES": "15"}
    one = await teams_bot(make_bot, env, data_dir=tmp_path / "one")
    two = await teams_bot(make_bot, env, data_dir=tmp_path / "two")
    clock = Clock()
    one.services.clock = two.services.clock = clock
    for person in (DSL, DEPUTY, HEAD):
        await online(one, person)
    _, done = await file_report(one)
    reference = reference_in(done.text)
    await one.connector.wait_for(lambda c: alerts_in(c, DSL) and alerts_in(c, DEPUTY))
    # Marked sent before the clock jumps: a jump past the 30 s lease mid-delivery would hand the
    # row to another worker, as a delivery really taking longer than the lease would.
    while any(row.status != "sent" for row in await outbox_rows(one, reference)):
        await asyncio.sleep(0.02)
    clock.advance(minutes=16)
    workers = [bot.services.reports.worker for bot in (one, two)]
    await asyncio.gather(*(w.run_once() for w in workers), *(w.run_once() for w in workers))
    await one.connector.wait_for(lambda c: len(alerts_in(c, DEPUTY)) >= 2)
    await asyncio.sleep(0.5)  # both background workers poll every 0.1 s: time for a duplicate to show
    assert len(alerts_in(one.connector, DEPUTY)) == 2 and len(alerts_in(one.connector, DSL)) == 1
    assert not alerts_in(one.connector, HEAD)  # the next tier waits for its own deadline
    assert [a for a, _ in await audit_actions(one, reference)].count("escalate") == 1


async def test_a_report_submitted_while_the_database_is_out_is_not_confirmed_and_is_kept(
        make_bot, postgres_proxy):
    bot = await teams_bot(make_bot, {"DATABASE_URL": postgres_proxy.url})
    await online(bot, DSL)
    summary = await fill_in(bot, REPORTER, await say(bot, REPORTER, "report"))
    assert "Check your report" in summary.text

    await postgres_proxy.cut()
    refused = await say(bot, REPORTER, value=summary.button("Submit"))
    assert refused.status == 201
    assert refused.text == DATABASE_DOWN  # the turn could not even load its state
    refused_again = await say(bot, REPORTER, "submit")
    assert "Report received" not in refused_again.text

    await postgres_proxy.restore()
    done = await say(bot, REPORTER, "submit")  # the draft survived: submitting it again works
    assert "Report received" in done.text, done.text
    reference = reference_in(done.text)
    async with bot.services.db.transaction() as conn:
        stored = (await conn.execute(sa.select(reports.c.reference))).scalars().all()
    assert stored == [reference]
    await bot.connector.wait_for(lambda c: alerts_in(c, DSL))
    assert conv(DSL) in bot.connector.inbox


async def test_the_connection_dropping_at_the_moment_of_storing_is_not_confirmed(make_bot, postgres_proxy):
    bot = await teams_bot(make_bot, {"DATABASE_URL": postgres_proxy.url})
    store = bot.services.reports.store
    summary = await fill_in(bot, REPORTER, await say(bot, REPORTER, "report"))
    original = store.submit

    async def drop_then_submit(*args, **kwargs):
        await postgres_proxy.cut()  # the line goes down between reading the state and the write
        return await original(*args, **kwargs)

    store.submit = drop_then_submit
    refused = await say(bot, REPORTER, value=summary.button("Submit"))
    store.submit = original
    assert "Your report has NOT been received" in refused.text and "Report received" not in refused.text
    await postgres_proxy.restore()
    done = await say(bot, REPORTER, value=summary.button("Submit"))
    assert "Report received" in done.text, done.text
    async with bot.services.db.transaction() as conn:
        assert (await conn.execute(sa.select(reports.c.reference))).scalars().all() == [reference_in(done.text)]
