"""Export reports as JSON and CSV, in columns CPOMS and MyConcern imports can map."""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable

from .store import Report

# (column, how to get it from a report)
COLUMNS = (
    ("Reference", lambda r: r.meta.reference),
    ("Recorded at (UTC)", lambda r: _ts(r.meta.created_at)),
    ("School", lambda r: r.content.get("school_name", "")),
    ("Category", lambda r: r.meta.category),
    ("Concern about", lambda r: r.meta.concern_about),
    ("Member of staff concerned", lambda r: r.content.get("subject", "")),
    ("Guided situation", lambda r: r.content.get("scenario", "")),
    ("Situation summary", lambda r: r.content.get("summary", "")),
    ("Content worries the reporter", lambda r: r.content.get("content_worry", "")),
    ("Date and time of incident", lambda r: r.content.get("when", "")),
    ("Child or children (name, year group)", lambda r: r.content.get("children", "")),
    ("Platform", lambda r: r.content.get("platform", "")),
    ("Accounts or handles", lambda r: r.content.get("accounts", "")),
    ("Account type", lambda r: r.content.get("account_type", "")),
    ("Contact started by", lambda r: r.content.get("initiated_by", "")),
    ("Adult involved", lambda r: r.content.get("adult_involved", "")),
    ("Child at immediate risk when reported", lambda r: r.content.get("danger", "")),
    ("What was seen or said (verbatim)", lambda r: r.content.get("what", "")),
    ("Actions already taken", lambda r: r.content.get("actions", "")),
    ("DSL told verbally", lambda r: r.content.get("dsl_told", "")),
    ("Evidence", lambda r: r.content.get("evidence", "")),
    ("Reported by", lambda r: r.content.get("reporter_name", "")),
    ("Reporter email", lambda r: r.content.get("reporter_email", "")),
    ("Status", lambda r: r.meta.status),
    ("Acknowledged by", lambda r: r.meta.acknowledged_name or ""),
    ("Acknowledged at (UTC)", lambda r: _ts(r.meta.acknowledged_at)),
    ("Addenda", lambda r: _entries(r, "addendum")),
    ("Notes", lambda r: _entries(r, "note")),
    ("Outcome", lambda r: _entries(r, "outcome")),
    ("Closed at (UTC)", lambda r: _ts(r.meta.closed_at)),
)


def _ts(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def _entries(report: Report, kind: str) -> str:
    return "\n".join(f"[{_ts(e.created_at)} {e.author_name}] {e.text}" for e in report.entries if e.kind == kind)


def to_records(reports: Iterable[Report]) -> list[dict]:
    return [{name: get(r) for name, get in COLUMNS} for r in reports]


def to_json(reports: Iterable[Report]) -> str:
    return json.dumps({"format": "safeguarding-reports/1", "reports": to_records(reports)}, ensure_ascii=False, indent=2)


def _safe_cell(value: str) -> str:
    # A cell starting with = + - @ is a formula to spreadsheet software (CSV injection).
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(reports: Iterable[Report]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([name for name, _ in COLUMNS])
    for record in to_records(reports):
        writer.writerow([_safe_cell(v) for v in record.values()])
    return "\ufeff" + out.getvalue()  # BOM: Excel opens UTF-8 correctly
