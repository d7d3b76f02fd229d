"""Commands and card actions on reports: start one, and (for its contacts) list, view, acknowledge,
note, close and export. Every use by a contact is audited; everyone else is refused."""
from __future__ import annotations

import base64
import json
import logging
import re
from datetime import date

from botbuilder.schema import Activity, ActivityTypes, Attachment, ConversationReference

from bot.registry import Registry
from bot.turn import Turn
from cards import Button, CardView, Facts, Input, Text
from dialogs.report import DIALOG_ID
from safeguarding import export
from safeguarding.intake import QUESTIONS
from safeguarding.store import normalise_reference
from store import DatabaseError

from .report_alerts import acknowledged_view, when

log = logging.getLogger(__name__)

REFERENCE = re.compile(r"\bSG-?[A-Z0-9]{4}-?[A-Z0-9]{4}\b", re.I)
REFUSED = ("I can't show you that. Reports are only open to the safeguarding contacts they were sent to. "
           "Type **my reports** to see the status of reports you made.")
NOT_YOURS = "I can't find a report with that reference that you made."
TYPED = {"acknowledge": "ack"}


def split_reference(argument: str) -> tuple[str, str]:
    """('SG-ABCD-EFGH', 'the rest') from 'sg-abcd-efgh the rest' ('' when there is no reference)."""
    found = REFERENCE.search(argument or "")
    if not found:
        return "", (argument or "").strip()
    rest = (argument[:found.start()] + argument[found.end():]).strip(" :-,")
    return normalise_reference(found.group(0)), rest


class ReportCommands:
    def __init__(self, services, desk, store, outbox, worker):
        self.services, self.desk, self.store, self.outbox, self.worker = services, desk, store, outbox, worker
        self.directory = desk.directory

    def register(self, registry: Registry) -> None:
        registry.command("report", ("report", "report a concern", "new report", "raise a concern", "/report"),
                         self.start, "Report a safeguarding concern")
        registry.command("reports_open", ("reports", "open reports", "reports open", "report list"),
                         self.list_open, "List open reports (safeguarding contacts)")
        registry.command("report_view", ("report view", "view report", "open report"), self.view,
                         takes_argument=True, hidden=True)
        registry.command("report_ack", ("report ack", "report acknowledge", "acknowledge report", "acknowledge"),
                         self.acknowledge, takes_argument=True, hidden=True)
        registry.command("report_note", ("report note", "note on report", "add note"), self.note,
                         takes_argument=True, hidden=True)
        registry.command("report_close", ("report close", "close report"), self.close, takes_argument=True,
                         hidden=True)
        registry.command("report_export", ("report export", "export reports", "reports export"), self.export,
                         takes_argument=True, hidden=True)
        registry.command("my_reports", ("my reports", "my report", "report status"), self.mine,
                         "The status of reports you made")
        registry.command("report_add", ("add to report", "report add", "addendum"), self.addendum,
                         takes_argument=True, hidden=True)
        for name, handler in (("report.start", self.start), ("report.submit", self.submit),
                              ("report.view", self.view), ("report.ack", self.acknowledge),
                              ("report.note", self.note), ("report.close", self.close),
                              ("report.export", self.export), ("report.add", self.addendum)):
            registry.action(name, handler)
        registry.observers.append(self.observe)

    # ---- reporters -----------------------------------------------------------------
    async def start(self, turn: Turn) -> None:
        """Open the intake, with a hand-over's answers filled in; resume one already under way."""
        prefill = (turn.value or {}).get("prefill") if turn.value else None
        active = turn.dc.active_dialog
        if active is not None and active.id == DIALOG_ID:
            await turn.send("You have a report in progress. Here is where you were (type **cancel** to stop it):")
            await turn.dc.reprompt_dialog()
            return
        if active is not None:
            await turn.dc.cancel_all_dialogs()
        await turn.begin(DIALOG_ID, {"prefill": prefill if isinstance(prefill, dict) else {}})

    async def submit(self, turn: Turn) -> None:
        """Submit from the summary card; a repeated click answers with the same reference."""
        submission_id = str((turn.value or {}).get("submission_id") or "")
        async with self.desk.lock(submission_id):
            existing = await self.store.by_submission(submission_id) if submission_id else None
            if existing is not None:
                await turn.send(f"Already received: your report's reference is **{existing.reference}**. "
                                "Nothing was sent twice.")
                return
            active = turn.dc.active_dialog
            if active is not None and active.id == DIALOG_ID:
                await turn.dc.continue_dialog()
                return
        await turn.send("That summary belongs to a report that was not submitted. Type **report** to start again.")

    async def mine(self, turn: Turn) -> None:
        """Show the status of the reports this person made (only theirs)."""
        person = await self.services.people.person(turn.context)
        reports = await self.store.by_reporter(person.user_key)
        if not reports:
            await turn.send("You haven't made any reports with me. Type **report** to report a concern.")
            return
        pairs = tuple((m.reference, _status(m)) for m in reports[:20])
        await turn.send(CardView("Your reports", (Facts(pairs),), summary="Your reports: " +
                                 "; ".join(f"{k} {v}" for k, v in pairs)))

    async def addendum(self, turn: Turn) -> None:
        """Add to a report you made (the report itself never changes)."""
        person = await self.services.people.person(turn.context)
        reference, text = self._reference_and_text(turn, "text")
        meta = await self.store.meta(reference) if reference else None
        if meta is None or meta.reporter_key != person.user_key:
            await self.store.record("refused", person.user_key, person.email, meta.id if meta else None, "addendum")
            await turn.send(NOT_YOURS)
            return
        if not text:
            await turn.send(self._form(reference, "report.add", "text", "What do you want to add?", "Add to report"))
            return
        await self.store.add_entry(reference, "addendum", person.user_key, person.email, person.name, text[:8000])
        self.worker.wake()
        await turn.send(f"Added to {reference}. The original report is unchanged; the people it went to have "
                        "been told there is more, and can see your addition.")

    # ---- contacts ------------------------------------------------------------------
    async def list_open(self, turn: Turn) -> None:
        """List the open reports this contact may see."""
        person = await self.services.people.person(turn.context)
        if not await self._is_contact(turn, person, "list"):
            return
        reports = await self.store.visible_to(person.email)
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
        person = await self.services.people.person(turn.context)
        if not await self._is_contact(turn, person, "export"):
            return
        said = ((turn.value or {}).get("format") or turn.argument or "csv").lower()
        fmt = "json" if "json" in said else "csv"
        metas = await self.store.visible_to(person.email, open_only="open" in said)
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
    async def observe(self, turn: Turn) -> None:
        """When a contact talks to or installs the bot, send what was waiting for them."""
        activity = turn.context.activity
        if activity.type not in ("message", "conversationUpdate") or not activity.from_property:
            return  # people are recorded on these two (bot/turn.py); nothing to look up otherwise
        person = await self.services.people.person(turn.context)
        if person.email and person.email in self.directory.all_emails():
            try:
                if await self.outbox.wake_pending_for(person.email):
                    self.worker.wake()
            except DatabaseError:
                log.warning("could not wake pending alerts for a contact")

    async def _is_contact(self, turn: Turn, person, action: str) -> bool:
        if person.email and person.email in self.directory.all_emails():
            return True
        await self.store.record("refused", person.user_key, person.email, None, action)
        await turn.send(REFUSED)
        return False

    async def _allowed(self, turn: Turn, action: str):
        person = await self.services.people.person(turn.context)
        reference, _ = self._reference_and_text(turn, "")
        if not reference:
            await turn.send(f"Which report? Give its reference, for example **report {TYPED.get(action, action)} SG-ABCD-EFGH**. "
                            "Type **reports** to list the open ones.")
            return None
        meta = await self.store.meta(reference)
        if meta is None or not await self.store.may_view(meta.id, person.email):
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


def _status(meta) -> str:
    if meta.status == "closed":
        return f"closed {when(meta.closed_at)}"
    if meta.acknowledged_at:
        return f"open; read by {meta.acknowledged_name} at {when(meta.acknowledged_at)}"
    return "open; not yet acknowledged"
