"""Commands and card actions on reports: start one, and (for its contacts) list, view, acknowledge,
note, close and export. Every use by a contact is audited; everyone else is refused.

A contact is recognised by their AAD object id or their email, and in Teams only from the trust's
own tenants (bot/people.py gives nobody else an email or object id): someone in another tenant
whose profile email matches a DSL's is refused like anyone else."""
from __future__ import annotations

import base64
import json
import logging
import re
from dataclasses import replace
from datetime import date

from botbuilder.schema import Activity, ActivityTypes, Attachment, ConversationReference

from bot.registry import Registry
from bot.turn import Turn
from cards import Button, CardView, Facts, Input, Text
from safeguarding import export
from safeguarding.intake import QUESTIONS
from safeguarding.store import normalise_reference
from store import DatabaseError

from .private import in_private
from .report_reporter import ReporterCommands
from .report_reporter import status as _status
from .report_views import acknowledged_view, when

log = logging.getLogger(__name__)

REFERENCE = re.compile(r"\bSG-?[A-Z0-9]{4}-?[A-Z0-9]{4}\b", re.I)
REFUSED = ("I can't show you that. Reports are only open to the safeguarding contacts they were sent to. "
           "Type **my reports** to see the status of reports you made.")
TYPED = {"acknowledge": "ack"}


def split_reference(argument: str) -> tuple[str, str]:
    """('SG-ABCD-EFGH', 'the rest') from 'sg-abcd-efgh the rest' ('' when there is no reference)."""
    found = REFERENCE.search(argument or "")
    if not found:
        return "", (argument or "").strip()
    rest = (argument[:found.start()] + argument[found.end():]).strip(" :-,")
    return normalise_reference(found.group(0)), rest


class ReportCommands(ReporterCommands):
    def __init__(self, services, desk, store, outbox, worker, disclosures):
        self.services, self.desk, self.store, self.outbox, self.worker = services, desk, store, outbox, worker
        self.disclosures = disclosures
        self.directory = desk.directory

    def register(self, registry: Registry) -> None:
        """Commands and buttons, each answered only in a personal chat (bot/features/private.py)."""
        def command(name, words, handler, what, description="", hidden=True, takes_argument=True, keep=True):
            registry.command(name, words, in_private(handler, what, keep), description, hidden, takes_argument)

        command("report", ("report", "report a concern", "new report", "raise a concern", "/report"), self.start,
                "report a concern", "Report a safeguarding concern", hidden=False, takes_argument=False)
        command("reports_open", ("reports", "open reports", "reports open", "report list"), self.list_open,
                "list the open reports", "List open reports (safeguarding contacts)", hidden=False, takes_argument=False)
        command("report_view", ("report view", "view report", "open report"), self.view, "open a report")
        command("report_ack", ("report ack", "report acknowledge", "acknowledge report", "acknowledge"),
                self.acknowledge, "acknowledge a report")
        command("report_note", ("report note", "note on report", "add note"), self.note, "add a note to a report",
                keep=False)
        command("report_close", ("report close", "close report"), self.close, "close a report")
        command("report_export", ("report export", "export reports", "reports export"), self.export, "export reports")
        command("my_reports", ("my reports", "my report", "report status"), self.mine, "show your reports",
                "The status of reports you made", hidden=False, takes_argument=False)
        command("report_add", ("add to report", "report add", "addendum"), self.addendum, "add to a report",
                keep=False)
        for name, handler, what in (("report.start", self.start, "report a concern"),
                                    ("report.submit", self.submit, "submit a report"),
                                    ("report.view", self.view, "open a report"),
                                    ("report.ack", self.acknowledge, "acknowledge a report"),
                                    ("report.note", self.note, "add a note to a report"),
                                    ("report.close", self.close, "close a report"),
                                    ("report.export", self.export, "export reports"),
                                    ("report.add", self.addendum, "add to a report")):
            registry.action(name, in_private(handler, what))
        self.services.people.on_reachable.append(self.reachable)

    # ---- contacts ------------------------------------------------------------------
    async def list_open(self, turn: Turn) -> None:
        """List the open reports this contact may see."""
        person, emails = await self._contact(turn)
        if not await self._is_contact(turn, person, "list"):
            return
        reports = await self.store.visible_to(emails)
        await self.store.record("list", person.user_key, person.email, None, f"{len(reports)} open")
        if not reports:
            await turn.send("There are no open reports for you.")
            return
        school = lambda m: (self.directory.school(m.school_id).name if self.directory.school(m.school_id)
                            else "School not known")
        pairs = tuple((m.reference, f"{school(m)}; {m.category}; {when(m.created_at)}; {_status(m)}")
                      for m in reports[:25])
        buttons = tuple(Button(f"Open {m.reference}", {"action": "report.view", "reference": m.reference})
                        for m in reports[:5])
        await turn.send(CardView("Open reports", (Facts(pairs),),
                                 buttons + (Button("Export (CSV)", {"action": "report.export", "format": "csv"}),),
                                 summary=f"{len(reports)} open report(s)."))

    async def view(self, turn: Turn) -> None:
        """Show one report in full to one of its contacts."""
        allowed = await self._allowed(turn, "view")
        if allowed is None:
            return
        person, meta = allowed
        report = await self.store.read(meta.reference)
        await self.store.record("view", person.user_key, person.email, meta.id, "")
        c = report.content
        pairs = [("Reference", meta.reference), ("Status", _status(meta)), ("Recorded", when(meta.created_at)),
                 ("School", c.get("school_name") or "Not known"), ("Category", meta.category),
                 ("Reported by", f"{c.get('reporter_name', '')} {c.get('reporter_email', '')}".strip())]
        pairs += [(label, c[key]) for label, key in (("Guided situation", "scenario"), ("Situation", "summary"),
                                                     ("Content worries the reporter", "content_worry")) if c.get(key)]
        pairs += [(q.label, c[q.id]) for q in QUESTIONS if c.get(q.id)]
        blocks = [Facts(tuple((k, str(v)) for k, v in pairs))]
        for e in report.entries:
            blocks.append(Text(f"{e.kind.capitalize()} by {e.author_name or e.author_email}, {when(e.created_at)}:",
                               style="subtle"))
            blocks.append(Text(e.text))
        buttons = []
        if meta.acknowledged_at is None:
            buttons.append(Button("Acknowledge", {"action": "report.ack", "reference": meta.reference},
                                  style="positive"))
        buttons.append(Button("Add a note", {"action": "report.note", "reference": meta.reference}))
        if meta.status == "open":
            buttons.append(Button("Close with an outcome", {"action": "report.close", "reference": meta.reference}))
        await turn.send(CardView(f"Report {meta.reference}", tuple(blocks), tuple(buttons),
                                 summary=f"Report {meta.reference} ({meta.category})."))

    async def acknowledge(self, turn: Turn) -> None:
        """Record that a contact has read the alert; tell the reporter; update the alert cards."""
        allowed = await self._allowed(turn, "acknowledge")
        if allowed is None:
            return
        person, meta = allowed
        name = person.name or person.email
        meta, first = await self.store.acknowledge(meta.reference, person.user_key, person.email, name)
        if not first:
            await turn.send(f"{meta.reference} was already acknowledged by {meta.acknowledged_name} at "
                            f"{when(meta.acknowledged_at)}.")
            return
        self.worker.wake()
        school = self.directory.school(meta.school_id)
        view = acknowledged_view(meta.reference, name, meta.acknowledged_at,
                                 school.name if school else "Not known", meta.category)
        for row in await self.outbox.sent_alerts(meta.id):
            if row.conversation:
                await self.worker.update(ConversationReference().deserialize(json.loads(row.conversation)),
                                         row.activity_id, view)
        await turn.send(f"Acknowledged {meta.reference}. Escalation has stopped, and the reporter will be told "
                        f"it was read by you. Type **report view {meta.reference}** to open it.")

    async def note(self, turn: Turn) -> None:
        """Add a note to a report (for its contacts)."""
        await self._append(turn, "note", "note", "Add a note", "Save note", "Note added to")

    async def close(self, turn: Turn) -> None:
        """Close a report with its outcome (for its contacts)."""
        await self._append(turn, "outcome", "outcome", "Close with an outcome", "Close report", "Closed")

    async def export(self, turn: Turn) -> None:
        """Export the reports this contact may see, as CSV or JSON, for CPOMS or MyConcern."""
        person, emails = await self._contact(turn)
        if not await self._is_contact(turn, person, "export"):
            return
        said = ((turn.value or {}).get("format") or turn.argument or "csv").lower()
        fmt = "json" if "json" in said else "csv"
        metas = await self.store.visible_to(emails, open_only="open" in said)
        reports = [await self.store.read(m.reference) for m in metas]
        for m in metas:
            await self.store.record("export", person.user_key, person.email, m.id, fmt)
        await self.store.record("export", person.user_key, person.email, None, f"{fmt}: {len(metas)} report(s)")
        body = export.to_json(reports) if fmt == "json" else export.to_csv(reports)
        mime = "application/json" if fmt == "json" else "text/csv"
        name = f"safeguarding-reports-{date.today().isoformat()}.{fmt}"
        encoded = base64.b64encode(body.encode("utf-8")).decode()
        await turn.context.send_activity(Activity(
            type=ActivityTypes.message, text=f"{len(metas)} report(s) exported as {fmt.upper()} ({name}).",
            attachments=[Attachment(content_type=mime, name=name, content_url=f"data:{mime};base64,{encoded}")]))

    # ---- helpers -------------------------------------------------------------------
    async def reachable(self, person) -> None:
        """When a contact can be reached somewhere new (they talked to or installed the bot), send what
        was waiting for them."""
        contact = self.directory.contact_for(person.email, person.aad_object_id)
        person = replace(person, email=contact.email) if contact else person
        if self._is_listed(person):
            try:
                if await self.outbox.wake_pending_for(person.email):
                    self.worker.wake()
            except DatabaseError:
                log.warning("could not wake pending alerts for a contact")

    async def _contact(self, turn: Turn):
        """(person, addresses): the person as the contact they are, if any (their email then the contact's),
        and every address they act under (the contact's first)."""
        person = await self.services.people.person(turn.context)
        contact = self.directory.contact_for(person.email, person.aad_object_id)
        emails = tuple(dict.fromkeys(e for e in (contact.email if contact else "", person.email) if e))
        return (replace(person, email=contact.email) if contact else person), emails

    def _is_listed(self, person) -> bool:
        return bool(person.email) and person.email in self.directory.all_emails()

    async def _is_contact(self, turn: Turn, person, action: str) -> bool:
        if self._is_listed(person):
            return True
        await self.store.record("refused", person.user_key, person.email, None, action)
        await turn.send(REFUSED)
        return False

    async def _allowed(self, turn: Turn, action: str):
        person, emails = await self._contact(turn)
        reference, _ = self._reference_and_text(turn, "")
        if not reference:
            await turn.send(f"Which report? Give its reference, for example **report {TYPED.get(action, action)} SG-ABCD-EFGH**. "
                            "Type **reports** to list the open ones.")
            return None
        meta = await self.store.meta(reference)
        if meta is None or not await self.store.may_view(meta.id, emails):
            await self.store.record("refused", person.user_key, person.email, meta.id if meta else None, action)
            await turn.send(REFUSED)
            return None
        return person, meta

    def _reference_and_text(self, turn: Turn, field: str) -> tuple[str, str]:
        if turn.value:
            reference = normalise_reference(str(turn.value.get("reference") or ""))
            return reference, str(turn.value.get(field) or "").strip() if field else ""
        return split_reference(turn.argument)

    async def _append(self, turn: Turn, kind: str, field: str, title: str, button: str, done: str) -> None:
        allowed = await self._allowed(turn, kind if kind == "note" else "close")
        if allowed is None:
            return
        person, meta = allowed
        _, text = self._reference_and_text(turn, field)
        if kind == "outcome" and meta.status != "open":
            await turn.send(f"{meta.reference} is already closed.")
            return
        if not text:
            await turn.send(self._form(meta.reference, f"report.{'note' if kind == 'note' else 'close'}", field,
                                       title, button))
            return
        await self.store.add_entry(meta.reference, kind, person.user_key, person.email, person.name, text[:8000])
        await turn.send(f"{done} {meta.reference}.")

    @staticmethod
    def _form(reference: str, action: str, field: str, title: str, button: str) -> CardView:
        return CardView(f"{title}: {reference}", (Input(field, title, "multiline", required=True),),
                        (Button(button, {"action": action, "reference": reference}, style="positive"),),
                        summary=f"{title}: type it after the reference, e.g. {action.split('.')[1]} {reference} ...")

