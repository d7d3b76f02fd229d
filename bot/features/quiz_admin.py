"""Quiz records for school leaders and HR: completion report, item analysis, CSV export, roster import.

Only people listed in QUIZ_ADMINS (by the email or AAD object id the channel gives, never by
what they type) may use these, and each sees only the schools listed for them.
"""
from __future__ import annotations

import base64
import binascii
import html
import logging
import re

import aiohttp
from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes, Attachment, ErrorResponseException

from bot.registry import Registry
from bot.turn import Turn
from cards import Button, CardView, Facts, Text
from onboarding.admins import AdminScope, scope_for
from onboarding.reports import FAILED, NOT_STARTED, PASSED, StaffStatus, completion_report, item_analysis, items_csv, report_csv
from onboarding.roster import ParsedRoster, RosterFormatError, RowError, parse_roster

from .private import in_private

log = logging.getLogger(__name__)

MAX_NAMES = 15
MAX_ITEMS = 10
MAX_ERRORS_SHOWN = 50
MAX_ROSTER_BYTES = 2 * 1024 * 1024
MAX_INLINE_CSV = 30000
# Channels that show no file attachments: the CSV comes as text there.
INLINE_CSV_CHANNELS = {"slack"}
_COMMAND_PREFIX = re.compile(r"^\s*/?\s*(?:roster\s+import|import\s+roster)\b[ \t:]*", re.IGNORECASE)
TEAMS_FILE = "application/vnd.microsoft.teams.file.download.info"
# Plain http only to this machine (a local file service, tests); everything else over https.
_LOCAL_HTTP = ("http://127.0.0.1:", "http://localhost:")


class QuizAdmin:
    def __init__(self, quiz):
        self.quiz = quiz

    async def scope(self, turn: Turn) -> AdminScope | None:
        """The admin's schools, or None (after saying so) for everyone else."""
        person = await self.quiz.person(turn.context)
        scope = scope_for(self.quiz.config.admins, person.email, person.aad_object_id)
        if scope is None:
            await turn.send("Sorry, quiz records are only for the school leaders and HR staff set up as quiz "
                            "admins (QUIZ_ADMINS).")
        return scope

    async def _report_rows(self, scope: AdminScope) -> list[StaffStatus]:
        records, config = self.quiz.records, self.quiz.config
        return completion_report(await records.roster(), await records.finished_assessments(), scope,
                                 self.quiz.kb.version, self.quiz.now().date(), config.due_days)

    async def report(self, turn: Turn) -> None:
        """Admins: passed, failed and not started, per school (or for the one school named)."""
        scope = await self.scope(turn)
        if scope is None:
            return
        school = " ".join(turn.argument.split())
        if school:
            if not scope.covers(school):
                await turn.send(f"You are not set up as a quiz admin for {school}.")
                return
            scope = AdminScope(frozenset({school}))
        rows = await self._report_rows(scope)
        await turn.send(report_card(rows, self.quiz.kb.version, scope))

    async def items(self, turn: Turn) -> None:
        """Admins: the most-missed questions."""
        scope = await self.scope(turn)
        if scope is None:
            return
        stats = item_analysis(await self.quiz.records.answer_marks(None if scope.all_schools else scope.schools))
        blocks = []
        for i, s in enumerate(stats[:MAX_ITEMS], 1):
            q = self.quiz.bank.by_id.get(s.question_id)
            blocks.append(Text(f"{i}. {q.prompt if q else s.question_id}"))
            blocks.append(Text(f"Missed {s.missed} of {s.asked} times ({s.missed_percent} %) · "
                               f"{q.section if q else 'retired question'} · {s.question_id}", style="subtle"))
        if not blocks:
            blocks.append(Text("No finished assessment attempts yet."))
        await turn.send(CardView(title="Most-missed quiz questions", blocks=tuple(blocks),
                                 buttons=(Button("Export as CSV", {"action": "quiz.export"}),),
                                 summary=f"Most-missed quiz questions ({len(stats)} questions answered so far)."))

    async def export(self, turn: Turn) -> None:
        """Admins: the completion report and the item analysis as CSV files."""
        scope = await self.scope(turn)
        if scope is None:
            return
        rows = await self._report_rows(scope)
        stats = item_analysis(await self.quiz.records.answer_marks(None if scope.all_schools else scope.schools))
        day = self.quiz.now().date().isoformat()
        files = [(f"quiz-completions-{day}.csv", report_csv(rows)),
                 (f"quiz-items-{day}.csv", items_csv(stats, self.quiz.bank))]
        intro = (f"Quiz records for {_schools(scope)}: the completion report ({len(rows)} staff) and the item "
                 f"analysis ({len(stats)} questions), as CSV.")
        if turn.channel_id not in INLINE_CSV_CHANNELS:
            try:
                await turn.context.send_activity(Activity(
                    type=ActivityTypes.message, text=intro,
                    attachments=[csv_attachment(name, text) for name, text in files]))
                return
            except ErrorResponseException as exc:
                log.warning("the channel refused CSV attachments (%s); sending them as text", type(exc).__name__)
        await turn.context.send_activity(intro)
        for name, text in files:
            await turn.context.send_activity(inline_csv(name, text))

    async def roster_import(self, turn: Turn) -> None:
        """Admins: import staff from CSV pasted after the command or attached to the message."""
        scope = await self.scope(turn)
        if scope is None:
            return
        try:
            text = _pasted(turn.context) or await _attached(turn.context)
        except RosterInputError as exc:
            await turn.send(str(exc))
            return
        if not text:
            await turn.send("To import the staff list, send **roster import** followed by the CSV on the next "
                            "lines, or attach a .csv file to a message that says roster import. The first line "
                            "must be the header: email, name, school, start date (dates like 2026-09-01).")
            return
        try:
            parsed = parse_roster(text)
        except RosterFormatError as exc:
            await turn.send(f"I couldn't read that roster: {exc}. Nothing was imported.")
            return
        parsed = restrict(parsed, scope)
        added, updated = await self.quiz.records.import_roster(parsed.entries, self.quiz.now())
        await turn.send(import_card(parsed, added, updated))


class RosterInputError(ValueError):
    """An attached roster could not be read."""


def restrict(parsed: ParsedRoster, scope: AdminScope) -> ParsedRoster:
    """Rows for schools outside the admin's scope become errors (reported, not imported)."""
    keep = tuple(e for e in parsed.entries if scope.covers(e.school))
    refused = tuple(RowError(e.line, "school is not one you administer") for e in parsed.entries
                    if not scope.covers(e.school))
    errors = tuple(sorted(parsed.errors + refused, key=lambda e: e.line))
    return ParsedRoster(keep, errors, parsed.notices)


def import_card(parsed: ParsedRoster, added: int, updated: int) -> CardView:
    blocks = [Facts((("Added", str(added)), ("Updated", str(updated)),
                     ("Not imported (problems below)", str(len(parsed.errors)))))]
    blocks += [Text(n, style="subtle") for n in parsed.notices]
    if parsed.errors:
        blocks.append(Text("Rows not imported — fix them and import again:", style="warning"))
        blocks += [Text(str(e)) for e in parsed.errors[:MAX_ERRORS_SHOWN]]
        if len(parsed.errors) > MAX_ERRORS_SHOWN:
            blocks.append(Text(f"…and {len(parsed.errors) - MAX_ERRORS_SHOWN} more rows with problems."))
    return CardView(title="Roster imported", blocks=tuple(blocks),
                    summary=f"Roster: {added} added, {updated} updated, {len(parsed.errors)} rows not imported.")


def _schools(scope: AdminScope) -> str:
    return "all schools" if scope.all_schools else ", ".join(sorted(scope.schools))


def report_card(rows: list[StaffStatus], version: str, scope: AdminScope) -> CardView:
    """Counts per school, with the names of those who have not passed."""
    blocks = [Text(f"Policy version {version}: who has passed the onboarding quiz, in {_schools(scope)}.",
                   style="subtle")]
    schools: dict[str, list[StaffStatus]] = {}
    for r in rows:
        schools.setdefault(r.school, []).append(r)
    for school, people in schools.items():
        by = {s: [p for p in people if p.status == s] for s in (PASSED, FAILED, NOT_STARTED)}
        overdue = sum(p.overdue for p in people)
        blocks.append(Text(school, style="heading"))
        blocks.append(Facts((("Passed", str(len(by[PASSED]))), ("Failed", str(len(by[FAILED]))),
                             ("Not started", str(len(by[NOT_STARTED])) + (f" ({overdue} overdue)" if overdue else "")))))
        for status in (FAILED, NOT_STARTED):
            names = [p.name + (" (overdue)" if p.overdue else "") for p in by[status]]
            if names:
                more = f" and {len(names) - MAX_NAMES} more" if len(names) > MAX_NAMES else ""
                blocks.append(Text(f"{status.capitalize()}: {', '.join(names[:MAX_NAMES])}{more}"))
    if not schools:
        blocks.append(Text("No staff yet: import the roster with roster import."))
    return CardView(title="Onboarding quiz: completion report", blocks=tuple(blocks),
                    buttons=(Button("Most-missed questions", {"action": "quiz.items"}),
                             Button("Export as CSV", {"action": "quiz.export"})),
                    summary=f"Completion report for {_schools(scope)}: "
                            + "; ".join(f"{s}: {sum(p.status == PASSED for p in ps)} passed, "
                                        f"{sum(p.status == FAILED for p in ps)} failed, "
                                        f"{sum(p.status == NOT_STARTED for p in ps)} not started"
                                        for s, ps in schools.items()))


def inline_csv(name: str, text: str) -> str:
    """A CSV as a message, for channels that take no file attachments (cut short if very long)."""
    if len(text) > MAX_INLINE_CSV:
        text = text[:MAX_INLINE_CSV].rsplit("\n", 1)[0] + "\n(cut short: ask for a smaller school's report)"
    return f"{name}\n```\n{text}\n```"


def csv_attachment(name: str, text: str) -> Attachment:
    """A small CSV file carried in the message itself, as a data URI."""
    data = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return Attachment(content_type="text/csv", content_url=f"data:text/csv;base64,{data}", name=name)


def _pasted(context: TurnContext) -> str:
    """The CSV typed or pasted after the command, line breaks kept."""
    activity = context.activity
    raw = activity.text or ""
    if activity.recipient and activity.entities:
        raw = TurnContext.remove_mention_text(activity, activity.recipient.id) or ""
    if re.search(r"<(br|p|div)\b", raw, re.IGNORECASE):  # Teams can send pasted lines as HTML
        raw = re.sub(r"<br\s*/?>|</p>|</div>", "\n", raw, flags=re.IGNORECASE)
        raw = html.unescape(re.sub(r"<[^>]+>", "", raw))
    return _COMMAND_PREFIX.sub("", raw, count=1).strip()


async def _attached(context: TurnContext) -> str:
    """The text of an attached CSV file (data URI, Teams file, or a download link), or ''."""
    for att in context.activity.attachments or []:
        name = (att.name or "").lower()
        if att.content_type == TEAMS_FILE and isinstance(att.content, dict):
            return await _download(str(att.content.get("downloadUrl", "")))
        if att.content_type in ("text/csv", "application/vnd.ms-excel") or name.endswith(".csv"):
            if isinstance(att.content, str) and att.content.strip():
                return att.content
            url = att.content_url or ""
            if url.startswith("data:"):
                return _data_uri(url)
            return await _download(url)
    return ""


def _data_uri(url: str) -> str:
    header, _, payload = url.partition(",")
    try:
        raw = base64.b64decode(payload, validate=True) if header.endswith(";base64") else payload.encode()
        return raw.decode("utf-8-sig")
    except (binascii.Error, UnicodeDecodeError):
        raise RosterInputError("The attached file isn't readable CSV text (UTF-8). Nothing was imported.") from None


async def _download(url: str) -> str:
    if not (url.startswith("https://") or url.startswith(_LOCAL_HTTP)):
        raise RosterInputError("I couldn't open the attached file. Paste the CSV after roster import instead.")
    try:
        timeout = aiohttp.ClientTimeout(total=20)
        async with aiohttp.ClientSession(timeout=timeout) as session, session.get(url) as resp:
            resp.raise_for_status()
            body = await resp.content.read(MAX_ROSTER_BYTES + 1)
    except (aiohttp.ClientError, TimeoutError) as exc:
        log.warning("roster download failed: %s", type(exc).__name__)
        raise RosterInputError("I couldn't download the attached file. Try again, or paste the CSV after "
                               "roster import.") from None
    if len(body) > MAX_ROSTER_BYTES:
        raise RosterInputError(f"The file is larger than {MAX_ROSTER_BYTES // (1024 * 1024)} MB. Nothing was imported.")
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterInputError("The attached file isn't readable CSV text (UTF-8). Nothing was imported.") from None


def register(registry: Registry, quiz) -> None:
    admin = QuizAdmin(quiz)
    quiz.admin = admin
    registry.command("quiz report", ("quiz report", "quiz completions", "completion report"),
                     in_private(admin.report, "show the quiz report"),
                     "Quiz admins: completion report per school (optionally: quiz report <school>)", hidden=True,
                     takes_argument=True)
    registry.command("quiz items", ("quiz items", "quiz item analysis", "most missed questions"),
                     in_private(admin.items, "show the most-missed questions"),
                     "Quiz admins: most-missed questions", hidden=True)
    registry.command("quiz export", ("quiz export", "export quiz", "quiz csv"), in_private(admin.export, "export the quiz"),
                     "Quiz admins: CSV export", hidden=True)
    registry.command("roster import", ("roster import", "import roster"),
                     in_private(admin.roster_import, "import the roster", keep_argument=False),
                     "Quiz admins: import the staff roster (CSV)", hidden=True, takes_argument=True)
    registry.action("quiz.items", in_private(admin.items, "show the most-missed questions"))
    registry.action("quiz.export", in_private(admin.export, "export the quiz"))
