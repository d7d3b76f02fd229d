"""Alerts: Teams proactive cards and SMTP email through the outbox; acknowledgement; outage; escalation."""
import asyncio
import socket

import pytest
from aiosmtpd.controller import Controller

from tests.safeguarding.helpers import (
    DEPUTY,
    DSL,
    EXEC,
    HEAD,
    LEAD,
    REPORTER,
    VERBATIM,
    Clock,
    alerts_in,
    audit_actions,
    conv,
    file_report,
    online,
    outbox_rows,
    reference_in,
    say,
    staff_side,
    teams_bot,
)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content.decode()))
        return "250 OK"


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port, server_hostname="localhost")
    controller.start()
    yield inbox, port
    controller.stop()


async def eventually(predicate, timeout=5.0):
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.02)


SMTP = {"SMTP_HOST": "127.0.0.1", "SMTP_FROM": "safeguarding-bot@trust.example.org", "SMTP_STARTTLS": "false"}


async def test_alerts_go_by_email_through_a_real_smtp_server_without_content(make_bot, smtp_server):
    inbox, port = smtp_server
    bot = await teams_bot(make_bot, {**SMTP, "SMTP_PORT": str(port)})
    _, done = await file_report(bot)
    reference = reference_in(done.text)
    await eventually(lambda: len(inbox.messages) == 2)
    assert sorted(r for _, rcpt, _ in inbox.messages for r in rcpt) == [DSL[2], DEPUTY[2]]
    for sender, _, body in inbox.messages:
        assert sender == "safeguarding-bot@trust.example.org"
        assert reference in body and "Oakfield Primary School" in body and "does not contain any details" in body
        for secret in (VERBATIM, "Sam Patel", "sam_p2011"):
            assert secret not in body


async def test_acknowledging_updates_the_cards_stops_escalation_and_tells_the_reporter(make_bot):
    bot = await teams_bot(make_bot)
    clock = Clock()
    bot.services.clock = clock
    for person in (DSL, DEPUTY, HEAD):
        await online(bot, person)
    _, done = await file_report(bot)
    reference = reference_in(done.text)
    await bot.connector.wait_for(lambda c: alerts_in(c, DSL) and alerts_in(c, DEPUTY))
    card = alerts_in(bot.connector, DSL)[0]
    ack_data = next(a["data"] for a in card["attachments"][0]["content"]["actions"] if a["title"] == "Acknowledge")
    reply = await say(bot, DSL, value=ack_data, replyToId=card["id"])
    assert "Acknowledged" in reply.text
    updated = {u["id"]: str(u) for u in bot.connector.updates}
    assert card["id"] in updated and "Acknowledged by Daniel Okafor" in updated[card["id"]]
    assert len(updated) == 2  # the deputy's card too
    told = await bot.connector.wait_for(
        lambda c: [a for a in c.inbox.get(conv(REPORTER), []) if "was read" in str(a)])
    assert "Daniel Okafor" in str(told[0]) and reference in str(told[0])
    status = await say(bot, REPORTER, "my reports")
    assert "read by Daniel Okafor" in status.text
    clock.advance(minutes=60)
    await bot.services.reports.worker.run_once()
    assert not alerts_in(bot.connector, HEAD)
    assert len(alerts_in(bot.connector, DEPUTY)) == 1
    again = await say(bot, DEPUTY, value=ack_data)
    assert "already acknowledged by Daniel Okafor" in again.text
    assert ("acknowledge", DSL[2]) in await audit_actions(bot, reference)


async def test_a_contact_not_yet_reachable_gets_the_alert_when_they_first_open_the_bot(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, DEPUTY)
    _, done = await file_report(bot)
    reference = reference_in(done.text)
    await bot.connector.wait_for(lambda c: alerts_in(c, DEPUTY))
    for _ in range(250):
        waiting = [r for r in await outbox_rows(bot, reference) if r.recipient == DSL[2]]
        if waiting[0].attempts >= 1:
            break
        await asyncio.sleep(0.02)
    assert waiting[0].status == "pending" and waiting[0].last_error == "Unreachable"
    await online(bot, DSL)  # installs the bot: the reference is captured, the alert follows
    await bot.connector.wait_for(lambda c: alerts_in(c, DSL))
    assert reference in str(alerts_in(bot.connector, DSL)[0])


async def test_an_outage_on_the_dsl_channel_delays_the_alert_but_does_not_lose_it(make_bot):
    bot = await teams_bot(make_bot)
    staff, channel, server = await staff_side(bot)
    try:
        for person in (DSL, DEPUTY):
            staff.add_member(*person)
            await channel.join(conv(person), user=person[0])
        staff.down = True
        _, done = await file_report(bot)
        reference = reference_in(done.text)

        async def failed_attempts():
            return [r for r in await outbox_rows(bot, reference) if r.attempts >= 2 and r.status == "pending"]

        for _ in range(250):
            if len(await failed_attempts()) == 2:
                break
            await asyncio.sleep(0.02)
        assert len(await failed_attempts()) == 2 and not alerts_in(staff, DSL)
        assert {r.last_error for r in await failed_attempts()} == {"ErrorResponseException"}
        staff.down = False
        await staff.wait_for(lambda c: alerts_in(c, DSL) and alerts_in(c, DEPUTY))
        await bot.services.reports.worker.run_once()
        assert len(alerts_in(staff, DSL)) == 1 and len(alerts_in(staff, DEPUTY)) == 1
        assert all(r.status == "sent" for r in await outbox_rows(bot, reference))
    finally:
        await server.close()


async def test_unacknowledged_reports_escalate_to_deputies_headteacher_then_trust_lead(make_bot):
    bot = await teams_bot(make_bot, {"ESCALATE_AFTER_MINUTES": "15"})
    clock = Clock()
    bot.services.clock = clock
    worker = bot.services.reports.worker
    for person in (DSL, DEPUTY, HEAD, LEAD, EXEC):
        await online(bot, person)
    _, done = await file_report(bot)
    reference = reference_in(done.text)
    await bot.connector.wait_for(lambda c: alerts_in(c, DSL) and alerts_in(c, DEPUTY))
    clock.advance(minutes=14)
    await worker.run_once()
    assert len(alerts_in(bot.connector, DEPUTY)) == 1 and not alerts_in(bot.connector, HEAD)
    clock.advance(minutes=2)
    worker.wake()
    await bot.connector.wait_for(lambda c: len(alerts_in(c, DEPUTY)) == 2)
    assert "not yet acknowledged" in str(alerts_in(bot.connector, DEPUTY)[1])
    assert len(alerts_in(bot.connector, DSL)) == 1
    clock.advance(minutes=15)
    worker.wake()
    await bot.connector.wait_for(lambda c: alerts_in(c, HEAD))
    clock.advance(minutes=15)
    worker.wake()
    await bot.connector.wait_for(lambda c: alerts_in(c, LEAD))
    clock.advance(minutes=60)
    await worker.run_once()
    assert len(alerts_in(bot.connector, LEAD)) == 1 and not alerts_in(bot.connector, EXEC)
    escalations = [a for a, _ in await audit_actions(bot, reference) if a == "escalate"]
    assert len(escalations) == 3


async def test_a_concern_about_staff_goes_to_the_headteacher_and_never_to_the_person_it_is_about(make_bot):
    bot = await teams_bot(make_bot)
    for person in (DSL, DEPUTY, HEAD):
        await online(bot, person)
    _, done = await file_report(bot, answers={"concern_about": "a member of staff", "subject": "Grace Lin",
                                              "adult_involved": "yes, another adult"})
    reference = reference_in(done.text)
    await bot.connector.wait_for(lambda c: alerts_in(c, HEAD) and alerts_in(c, DSL))
    assert "for information" in str(alerts_in(bot.connector, DSL)[0]).lower()
    assert "for information" not in str(alerts_in(bot.connector, HEAD)[0]).lower()
    await bot.services.reports.worker.run_once()
    assert not alerts_in(bot.connector, DEPUTY)
    refused = await say(bot, DEPUTY, f"report view {reference}")
    assert "can't show you" in refused.text and VERBATIM not in refused.text
    listing = await say(bot, DEPUTY, "reports")
    assert reference not in listing.text


async def test_a_concern_about_the_headteacher_goes_to_the_trust_lead_only(make_bot):
    bot = await teams_bot(make_bot)
    for person in (DSL, HEAD, LEAD):
        await online(bot, person)
    _, done = await file_report(bot, answers={"concern_about": "the headteacher"})
    reference = reference_in(done.text)
    await bot.connector.wait_for(lambda c: alerts_in(c, LEAD))
    await bot.services.reports.worker.run_once()
    assert not alerts_in(bot.connector, HEAD) and not alerts_in(bot.connector, DSL)
    assert "can't show you" in (await say(bot, HEAD, f"report view {reference}")).text
    assert VERBATIM in (await say(bot, LEAD, f"report view {reference}")).text


async def test_a_report_survives_a_restart_and_is_alerted_and_acknowledged_on_postgresql(make_bot, postgres_url):
    bot = await teams_bot(make_bot, {"DATABASE_URL": postgres_url})
    await online(bot, DSL)
    start = await say(bot, REPORTER, "report")
    from tests.safeguarding.helpers import fill_in

    half = await fill_in(bot, REPORTER, start, stop_before="what")
    await bot.restart()
    summary = await fill_in(bot, REPORTER, half)
    done = await say(bot, REPORTER, value=summary.button("Submit"))
    reference = reference_in(done.text)
    await bot.connector.wait_for(lambda c: alerts_in(c, DSL))
    acked = await say(bot, DSL, f"report ack {reference}")
    assert "Acknowledged" in acked.text
    view = await say(bot, DSL, f"report view {reference}")
    assert VERBATIM in view.text and "read by Daniel Okafor" in view.text
