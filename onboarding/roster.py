"""Parse and validate a staff roster CSV: email, name, school, start date.

Good rows are kept and every bad row is reported with its line number and problem, so
nothing is silently dropped. Error messages name columns, not the personal data in them.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime

COLUMNS = ("email", "name", "school", "start date")
MAX_ROWS = 20000
_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


@dataclass(frozen=True)
class RosterEntry:
    email: str
    name: str
    school: str
    start_date: date
    line: int = 0


@dataclass(frozen=True)
class RowError:
    line: int  # 1-based line in the file; the header is line 1
    problem: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.problem}"


@dataclass(frozen=True)
class ParsedRoster:
    entries: tuple[RosterEntry, ...]
    errors: tuple[RowError, ...]
    notices: tuple[str, ...] = ()


class RosterFormatError(ValueError):
    """The file as a whole cannot be read as a roster (no header, missing columns)."""


def _header_name(raw: str) -> str:
    return " ".join(raw.strip().lower().replace("_", " ").replace("-", " ").split())


def parse_date(raw: str) -> date | None:
    """A start date written as 2026-09-01 or 01/09/2026 (day first, as in the UK)."""
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(raw.strip(), fmt).date()
        except ValueError:
            continue
    return None


def parse_roster(text: str) -> ParsedRoster:
    """Read roster CSV text; raises RosterFormatError when the header is unusable."""
    text = text.lstrip("\ufeff")
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    if header is None or not any(h.strip() for h in header):
        raise RosterFormatError("the roster is empty: the first line must be the header "
                                "'email, name, school, start date'")
    names = [_header_name(h) for h in header]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        raise RosterFormatError(f"the header is missing column(s) {', '.join(missing)}; "
                                "expected 'email, name, school, start date'")
    index = {c: names.index(c) for c in COLUMNS}
    extra = [h.strip() for h, n in zip(header, names) if n not in COLUMNS and h.strip()]
    notices = (f"column(s) {', '.join(extra)} ignored",) if extra else ()
    entries: list[RosterEntry] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(entries) + len(errors) >= MAX_ROWS:
            errors.append(RowError(line, f"too many rows (at most {MAX_ROWS}); this row and the rest were not read"))
            break
        entry, problem = _row(row, index, line)
        if problem:
            errors.append(RowError(line, problem))
        elif entry.email in seen:
            errors.append(RowError(line, f"same email as line {seen[entry.email]}; the earlier row was kept"))
        else:
            seen[entry.email] = line
            entries.append(entry)
    return ParsedRoster(tuple(entries), tuple(errors), notices)


def _row(row: list[str], index: dict[str, int], line: int) -> tuple[RosterEntry | None, str]:
    if len(row) < max(index.values()) + 1:
        return None, f"has {len(row)} column(s), expected at least {max(index.values()) + 1}"
    cells = {c: row[i].strip() for c, i in index.items()}
    problems = []
    email = cells["email"].lower()
    if not _EMAIL.match(email):
        problems.append("email is missing or not a valid address")
    if not cells["name"]:
        problems.append("name is empty")
    if not cells["school"]:
        problems.append("school is empty")
    start = parse_date(cells["start date"])
    if start is None:
        problems.append("start date must be a date like 2026-09-01 or 01/09/2026")
    if problems:
        return None, "; ".join(problems)
    return RosterEntry(email, " ".join(cells["name"].split()), " ".join(cells["school"].split()), start, line), ""
