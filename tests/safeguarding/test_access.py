"""Only a report's own contacts and the trust lead may use the report commands; all of it is audited."""
from tests.safeguarding.helpers import (
    COLLEAGUE,
    DEPUTY,
    DSL,
    LEAD,
    OTHER_DSL,
    OUTSIDER,
    REPORTER,
    VERBATIM,
    alerts_in,
    audit_actions,
    file_report,
    online,
    reference_in,
    say,
    teams_bot,
)


def commands(reference):
    """(name, typed command, card click) for every contact command."""
    return [
        ("list", "reports", None),
        ("view", f"report view {reference}", {"action": "report.view", "reference": reference}),
        ("acknowledge", f"report ack {reference}", {"action": "report.ack", "reference": reference}),
        ("note", f"report note {reference} Phoned the parents", {"action": "report.note", "reference": reference,
                                                                 "note": "Phoned the parents"}),
        ("close", f"report close {reference} Referred to children's social care",
         {"action": "report.close", "reference": reference, "outcome": "Referred to children's social care"}),
        ("export", "report export csv", {"action": "report.export", "format": "json"}),
    ]


async def a_report(make_bot):
    bot = await teams_bot(make_bot)
    for person in (DSL, DEPUTY, LEAD, OTHER_DSL):
        await online(bot, person)
    _, done = await file_report(bot)
    return bot, reference_in(done.text)


async def test_everyone_who_is_not_a_contact_of_the_report_is_refused_every_command(make_bot):
    bot, reference = await a_report(make_bot)
    await online(bot, OUTSIDER)
    for person in (REPORTER, OUTSIDER, OTHER_DSL, COLLEAGUE):
        for name, typed, click in commands(reference):
            for attempt in ([typed] + ([click] if click else [])):
                reply = await (say(bot, person, attempt) if isinstance(attempt, str) else say(bot, person, value=attempt))
                shown = reply.text + str(reply.activities)
                assert VERBATIM not in shown and "Sam Patel" not in shown, (person, name)
                if person == OTHER_DSL and name in ("list", "export"):
                    # a contact elsewhere may list/export, but sees none of this school's reports
                    assert reference not in shown, (person, name)
                else:
                    assert "can't show you" in reply.text, (person, name, reply.text)
    meta = await bot.services.reports.store.meta(reference)
    assert meta.acknowledged_at is None and meta.status == "open"
    trail = await audit_actions(bot, reference)
    refused = {email for action, email in trail if action == "refused"}
    assert {REPORTER[2], OTHER_DSL[2], COLLEAGUE[2]} <= refused
    assert not [a for a, e in trail if a in ("view", "acknowledge", "note", "close", "export") and e != DSL[2]]


async def test_the_dsl_can_use_every_command_and_each_use_is_audited(make_bot):
    bot, reference = await a_report(make_bot)
    seen = {}
    for name, typed, _ in commands(reference):
        seen[name] = await say(bot, DSL, typed)
    assert reference in seen["list"].text
    assert VERBATIM in seen["view"].text and "Sam Patel, Year 9" in seen["view"].text
    assert "Acknowledged" in seen["acknowledge"].text
    assert "Note added" in seen["note"].text and "Closed" in seen["close"].text
    attachment = seen["export"].activities[0]["attachments"][0]
    assert attachment["contentType"] == "text/csv" and attachment["contentUrl"].startswith("data:text/csv;base64,")
    import base64

    csv_text = base64.b64decode(attachment["contentUrl"].split(",", 1)[1]).decode()
    assert reference in csv_text  # closed reports too ("report export csv open" for open ones only)
    view = await say(bot, DSL, f"report view {reference}")
    assert "Phoned the parents" in view.text and "Referred to children's social care" in view.text
    actions = [a for a, e in await audit_actions(bot, reference) if e == DSL[2]]
    for action in ("view", "acknowledge", "note", "close", "export"):
        assert action in actions, action


async def test_the_trust_lead_can_see_any_school_report_and_export_json(make_bot):
    bot, reference = await a_report(make_bot)
    listing = await say(bot, LEAD, "reports")
    assert reference in listing.text
    exported = await say(bot, LEAD, value={"action": "report.export", "format": "json"})
    assert exported.activities[0]["attachments"][0]["contentType"] == "application/json"
    assert ("export", LEAD[2]) in await audit_actions(bot, reference)


async def test_reporters_see_only_their_own_reports_status_and_can_add_to_them(make_bot):
    bot, reference = await a_report(make_bot)
    mine = await say(bot, REPORTER, "my reports")
    assert reference in mine.text and "not yet acknowledged" in mine.text and VERBATIM not in mine.text
    assert reference not in (await say(bot, COLLEAGUE, "my reports")).text
    added = await say(bot, REPORTER, f"add to report {reference} She messaged again at 18:00")
    assert "Added to" in added.text
    refused = await say(bot, COLLEAGUE, f"add to report {reference} something")
    assert "can't find a report" in refused.text
    told = await bot.connector.wait_for(lambda c: [a for a in alerts_in(c, DSL) if "more information" in str(a)])
    assert reference in str(told[0]) and "18:00" not in str(told[0])
    view = await say(bot, DSL, f"report view {reference}")
    assert "She messaged again at 18:00" in view.text and VERBATIM in view.text  # the original is unchanged
    stored = await bot.services.reports.store.read(reference)
    assert [e.kind for e in stored.entries] == ["addendum"]


async def test_a_command_without_a_reference_asks_for_one(make_bot):
    bot = await teams_bot(make_bot)
    await online(bot, DSL)
    reply = await say(bot, DSL, "report ack")
    assert "Which report?" in reply.text and "report ack SG-" in reply.text
