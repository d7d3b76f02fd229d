"""What alerts and notices say: the alert card, its acknowledged version, the reporter's notice, the email.

None of them carries anything about what happened: the school, a category, the reference, and
"open the bot to view".
"""
from __future__ import annotations

from datetime import datetime

from cards import Button, CardView, Facts, Text
from safeguarding.contacts import Directory
from safeguarding.outbox import Delivery

ROLE_LABELS = {"dsl": "DSL", "deputy": "deputy DSL", "headteacher": "headteacher", "trust_lead": "trust safeguarding lead",
               "executive_headteacher": "Executive Headteacher", "reporter": "reporter"}


def when(value: datetime | None) -> str:
    return value.strftime("%d %b %Y %H:%M UTC") if value else ""


def alert_view(d: Delivery, directory: Directory, escalate_minutes: int) -> CardView:
    """The alert card: who, what kind, which reference; never what happened.

    Its buttons carry the delivery's id (`alert`): the same on every copy of this alert, so a copy
    sent again after a crash can be told from a new alert."""
    school = directory.school(d.school_id)
    facts = (("School", school.name if school else "Not known (sent to the trust)"), ("Category", d.category),
             ("Reference", d.reference), ("For", f"{d.recipient_name} ({ROLE_LABELS.get(d.role, d.role)})"))
    lines = [Text("A safeguarding concern has been reported. Open the bot to view it: nothing about the "
                  "concern is in this message.")]
    title = "Safeguarding alert"
    if d.kind.startswith("addendum"):
        title = "Safeguarding alert: more information added"
        lines = [Text("The reporter has added to a safeguarding report. Open the bot to view it: nothing "
                      "about the concern is in this message.")]
    elif d.tier > 0:
        title = "Safeguarding alert: not yet acknowledged"
        lines.insert(0, Text(f"Escalated: nobody acknowledged this report within {escalate_minutes} minutes.",
                             style="attention"))
    if d.informed:
        lines.append(Text("For information: the headteacher leads on concerns about staff.",
                          style="subtle"))
    alert = str(d.id)
    return CardView(title, (*lines, Facts(facts)),
                    (Button("Acknowledge", {"action": "report.ack", "reference": d.reference, "alert": alert},
                            style="positive"),
                     Button("Open the report", {"action": "report.view", "reference": d.reference, "alert": alert})),
                    summary=f"{title}: {d.reference}. Open the bot to view.")


def acknowledged_view(reference: str, name: str, at: datetime | None, school_name: str, category: str) -> CardView:
    return CardView("Safeguarding alert: acknowledged",
                    (Text(f"Acknowledged by {name} at {when(at)}.", style="good"),
                     Facts((("School", school_name), ("Category", category), ("Reference", reference)))),
                    (Button("Open the report", {"action": "report.view", "reference": reference}),),
                    summary=f"{reference} acknowledged by {name}.")


def read_view(d: Delivery) -> CardView:
    """The reporter's notice that their report was read."""
    return CardView("Your report has been read",
                    (Text(f"Your safeguarding report {d.reference} was read and acknowledged by "
                          f"{d.acknowledged_name} at {when(d.acknowledged_at)}."),
                     Text("If you have anything to add, type **add to report** with the reference.",
                          style="subtle")),
                    summary=f"Your report {d.reference} was read by {d.acknowledged_name}.")


def email_text(d: Delivery, directory: Directory) -> tuple[str, str]:
    school = directory.school(d.school_id)
    school_name = school.name if school else "School not known"
    subject = f"Safeguarding alert {d.reference} ({school_name})"
    if d.kind.startswith("addendum"):
        subject = f"More information added: {subject}"
    elif d.tier > 0:
        subject = f"NOT YET ACKNOWLEDGED: {subject}"
    body = (f"A safeguarding concern has been reported.\n\nSchool: {school_name}\nCategory: {d.category}\n"
            f"Reference: {d.reference}\nFor: {d.recipient_name} ({ROLE_LABELS.get(d.role, d.role)})\n\n"
            "Open the staff guidance bot in Microsoft Teams to view and acknowledge it. For safety, this "
            "email does not contain any details of the concern.\n")
    return subject, body
