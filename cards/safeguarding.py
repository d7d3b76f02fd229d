"""The reply to a message that tells of harm, or a risk of harm, to a child: who to tell now, by
name and number; 999 first when a child may be in danger right now; what to do and not do in the
moment (safeguarding guidance, marked as such, not a quote from the policy); the policy's reporting
rule quoted only where it applies; and a button that starts a report with what they wrote."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .model import Button, CardView, Facts, NumberedList, Quote, Text, policy_answer
from .text import render_text

GUIDANCE_LABEL = "What to do now (safeguarding guidance, not a quote from the policy):"


@dataclass(frozen=True)
class Tell:
    """Someone to tell now: their name, their role in words, and their phone number."""

    name: str
    role: str
    phone: str = ""


def safeguarding_card(about: str, urgent: bool, images: bool, tell: tuple[Tell, ...], out_of_hours: str,
                      quoted: tuple[tuple[str, str, str], ...], report: dict | None, version: str) -> CardView:
    """`about`: child, staff or headteacher (whom the concern is about); `tell`: the first people to
    tell, the first of them by name in the headline; `quoted`: (clause id, text, source) of the
    policy's reporting rules that apply; `report`: the Report a concern button's data (None: no button)."""
    first = tell[0] if tell else None
    if urgent:
        headline = "Call 999 now if a child is in immediate danger, then tell the DSL"
    elif about == "staff":
        headline = "Tell the headteacher now: a concern about a member of staff goes to them"
    elif about == "headteacher":
        headline = "Tell the trust safeguarding lead now: a concern about the headteacher goes to them"
    else:
        headline = "Tell the designated person for Child Protection (DSL) now"
    blocks: list = [Text(headline, style="attention")]
    if tell:
        blocks.append(Facts(tuple((f"{t.role}", f"{t.name}" + (f", {t.phone}" if t.phone else "")) for t in tell)))
    if not urgent:
        blocks.append(Text("If a child is in immediate danger, call 999."))
    if out_of_hours:
        blocks.append(Text(f"Out of hours: {out_of_hours}", style="subtle"))
    steps = ["Write down what you saw or were told, in the words used, with the date and time.",
             "Don't promise to keep it secret, and don't question the child further or investigate."]
    if about in ("staff", "headteacher"):
        steps.append("Don't tell or confront the adult it is about.")
    if images:
        steps.append("Don't copy, screenshot, forward or keep images of a child: tell "
                     f"{first.name if first else 'the DSL'} where they are.")
    steps.append("Then report it here too, so there is a written record.")
    blocks += [Text(GUIDANCE_LABEL, style="subtle"), NumberedList(tuple(steps))]
    more = []
    for _, text, source in quoted:
        more += [Text("What the policy says:", style="subtle"), Quote(text, source)]
    buttons = (Button("Report a concern", report, style="positive"),) if report is not None else ()
    entity = policy_answer("safeguarding", (c for c, _, _ in quoted), version)
    card = CardView(title="Call 999 now" if urgent else "A child may be at risk", blocks=tuple(blocks),
                    buttons=buttons, more=tuple(more), more_label="What the policy says", entities=(entity,))
    return dataclasses.replace(card, summary=render_text(card, numbered_buttons=False))


def who_to_tell_card(school: str, tell: tuple[Tell, ...], out_of_hours: str, quoted: tuple[str, str, str],
                     version: str) -> CardView:
    """"Who is our DSL?", "who do I report a concern to?": the people to tell, by name and number (the DSL
    and deputies of the person's `school`, else the trust lead), 999 first for a child in danger, the policy's
    reporting rule `quoted` as (clause id, text, source), and a button that starts an empty report."""
    if school:
        blocks: list = [Text(f"Concerns about a child at {school} go to its designated person for Child Protection (DSL)")]
    else:
        blocks = [Text("Concerns about a child go to your school's designated person for Child Protection (DSL)"),
                  Text("I don't know which school you're at. The trust safeguarding lead can reach your DSL:")]
    if tell:
        blocks.append(Facts(tuple((t.role, t.name + (f", {t.phone}" if t.phone else "")) for t in tell)))
    blocks.append(Text("If a child is in immediate danger, call 999 first.", style="attention"))
    if out_of_hours:
        blocks.append(Text(f"Out of hours: {out_of_hours}", style="subtle"))
    clause_id, text, source = quoted
    card = CardView(title="Who to tell", blocks=tuple(blocks),
                    buttons=(Button("Report a concern", {"action": "report.start"}, style="positive"),),
                    more=(Text("What the policy says:", style="subtle"), Quote(text, source)),
                    more_label="What the policy says", entities=(policy_answer("info", (clause_id,), version),))
    return dataclasses.replace(card, summary=render_text(card, numbered_buttons=False))
