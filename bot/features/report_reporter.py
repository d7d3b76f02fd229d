"""The reporter's side of the report commands: start, submit, `my reports` and `add to report`."""
from __future__ import annotations

from bot.turn import Turn
from cards import CardView, Facts
from dialogs.report import DIALOG_ID
from safeguarding.routing import phone_first

from .report_views import ROLE_LABELS, when

NOT_YOURS = "I can't find a report with that reference that you made."


def status(meta, undelivered: str = "") -> str:
    """A report's status as its reporter reads it; `undelivered` names whom to phone when no alert has
    reached anyone yet."""
    if meta.status == "closed":
        return f"closed {when(meta.closed_at)}"
    if meta.acknowledged_at:
        return f"open; read by {meta.acknowledged_name} at {when(meta.acknowledged_at)}"
    if undelivered:
        return f"open; not yet acknowledged; alert not yet delivered to anyone: phone {undelivered}"
    return "open; not yet acknowledged"


class ReporterCommands:
    """Mixed into ReportCommands (which holds services, desk, store, outbox, worker and the helpers)."""

    async def start(self, turn: Turn) -> None:
        """Open the intake, with a hand-over's answers filled in; resume one already under way."""
        prefill = (turn.value or {}).get("prefill") if turn.value else None
        sealed = (turn.value or {}).get("story") if turn.value else None
        story = ""
        if isinstance(sealed, str) and sealed:  # the safeguarding reply's button: what they wrote, sealed
            person = await self.services.people.person(turn.context)
            story = self.disclosures.opened_story(person.user_key, sealed)
        active = turn.dc.active_dialog
        if active is not None and active.id == DIALOG_ID:
            await turn.send("You have a report in progress. Here is where you were (type **cancel** to stop it):")
            await turn.dc.reprompt_dialog()
            return
        # Over whatever else was under way (the quiz, a situation): it waits and comes back after.
        await turn.begin(DIALOG_ID, {"prefill": prefill if isinstance(prefill, dict) else {}, "story": story})

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
        """Show the status of the reports this person made (only theirs), with whom to phone if unalerted."""
        person = await self.services.people.person(turn.context)
        reports = (await self.store.by_reporter(person.user_key))[:20]
        if not reports:
            await turn.send("You haven't made any reports with me. Type **report** to report a concern.")
            return
        undelivered = await self.outbox.undelivered([m.id for m in reports if m.acknowledged_at is None
                                                     and m.status == "open"])
        pairs = tuple([(m.reference, status(m, await self._phone(m) if m.id in undelivered else ""))
                       for m in reports])
        await turn.send(CardView("Your reports", (Facts(pairs),), summary="Your reports: " +
                                 "; ".join(f"{k} {v}" for k, v in pairs)))

    async def _phone(self, meta) -> str:
        """'Daniel Okafor (DSL) on 01632 960102': the first contact of the report's first tier with a phone."""
        rows = await self.store.people(meta.id)
        first = [(r.email, r.role) for r in rows if r.tier == 0]
        found = phone_first(self.directory, first, [r.email for r in rows if r.excluded])
        if found is None:
            return "999 if a child is in danger"
        contact, role = found
        return f"{contact.name} ({ROLE_LABELS.get(role, role)}) on {contact.phone}"

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
