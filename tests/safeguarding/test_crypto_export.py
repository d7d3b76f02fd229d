"""Encryption at rest, the development key file, and the CPOMS/MyConcern export."""
import csv
import io
import json
import os
import stat
from datetime import UTC, datetime

import pytest

from safeguarding import export
from safeguarding.crypto import Cipher, DecryptError, EncryptionKeyError, development_key, generate_key, parse_key
from safeguarding.store import Entry, Report, ReportMeta


def test_content_round_trips_and_is_bound_to_its_reference():
    cipher = Cipher(parse_key(generate_key()))
    token = cipher.seal("SG-AAAA-BBBB", {"what": "secret words"})
    assert "secret" not in token
    assert cipher.open("SG-AAAA-BBBB", token) == {"what": "secret words"}
    with pytest.raises(DecryptError):
        cipher.open("SG-CCCC-DDDD", token)  # moved to another report
    with pytest.raises(DecryptError):
        Cipher(parse_key(generate_key())).open("SG-AAAA-BBBB", token)  # another key


def test_a_bad_key_is_refused():
    with pytest.raises(EncryptionKeyError, match="32 random bytes"):
        parse_key("too-short")


def test_the_development_key_is_created_once_with_mode_0600(tmp_path):
    first = development_key(tmp_path)
    assert stat.S_IMODE(os.stat(tmp_path / "report.key").st_mode) == 0o600
    assert development_key(tmp_path) == first
    os.chmod(tmp_path / "report.key", 0o644)
    with pytest.raises(EncryptionKeyError, match="chmod 600"):
        development_key(tmp_path)


def sample() -> Report:
    at = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    meta = ReportMeta(1, "SG-AAAA-BBBB", "oakfield", "child", "Online safety: concern about a child", "k", at,
                      "closed", at, "dsl@x.example.org", "Daniel Okafor", 0, at)
    content = {"what": '=HYPERLINK("http://evil")', "children": "Sam Patel, Year 9", "school_name": "Oakfield",
               "reporter_name": "Rita"}
    return Report(meta, content, (Entry("note", at, "Called parents", "Daniel Okafor", "d@x.example.org"),
                                  Entry("outcome", at, "Referred to MASH", "Daniel Okafor", "d@x.example.org")))


def test_csv_has_one_row_per_report_and_defuses_formulas():
    text = export.to_csv([sample()])
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["Reference"] == "SG-AAAA-BBBB" and row["Child or children (name, year group)"] == "Sam Patel, Year 9"
    assert row["What was seen or said (verbatim)"].startswith("'=")
    assert "Referred to MASH" in row["Outcome"] and "Called parents" in row["Notes"]


def test_json_export_carries_the_same_columns():
    data = json.loads(export.to_json([sample()]))
    assert data["format"] == "safeguarding-reports/1"
    assert data["reports"][0]["Acknowledged by"] == "Daniel Okafor"
    assert list(data["reports"][0]) == [name for name, _ in export.COLUMNS]
