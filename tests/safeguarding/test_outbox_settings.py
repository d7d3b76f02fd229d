"""The outbox claim logic on a real database, and the feature's start-up checks."""
from datetime import timedelta
from pathlib import Path

import pytest

from app import create_app
from bot.settings import Settings, SettingsError
from safeguarding.contacts import load_contacts
from safeguarding.crypto import Cipher, generate_key, parse_key
from safeguarding.outbox import Outbox, backoff
from safeguarding.routing import route
from safeguarding.store import ReportStore, Submission
from safeguarding.tables import MIGRATIONS
from store import Database
from tests.safeguarding.helpers import Clock

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "contacts.example.yaml"


@pytest.fixture
async def db(database_url):
    """The store and outbox on SQLite and on a real PostgreSQL (tests/conftest.py)."""
    from bot import people, storage

    database = Database(database_url, storage.MIGRATIONS + people.MIGRATIONS + MIGRATIONS)
    await database.start()
    yield database
    await database.close()


async def stored_report(db, clock, submission_id="s1"):
    directory = load_contacts(EXAMPLE)
    store = ReportStore(db, Cipher(parse_key(generate_key())), clock, timedelta(minutes=15))
    sub = Submission(submission_id, "msteams:29:rep", "oakfield", "child", "Online safety", {"what": "x"})
    meta, created = await store.submit(sub, route(directory, directory.school("oakfield"), "child"), ("teams", "email"))
    assert created
    return store, meta


async def test_two_workers_never_claim_the_same_delivery(db):
    clock = Clock()
    await stored_report(db, clock)
    first, second = Outbox(db, clock, "w1"), Outbox(db, clock, "w2")
    a, b = await first.claim(limit=3), await second.claim(limit=10)
    assert len(a) == 3 and len(b) == 1  # DSL and deputy, by Teams and email
    assert not {d.id for d in a} & {d.id for d in b}
    assert await first.claim() == [] and await second.claim() == []


async def test_a_crashed_workers_claims_come_back_after_the_lease(db):
    clock = Clock()
    await stored_report(db, clock)
    crashed = Outbox(db, clock, "crashed", lease_seconds=30)
    assert len(await crashed.claim()) == 4
    survivor = Outbox(db, clock, "survivor")
    assert await survivor.claim() == []
    clock.advance(seconds=31)
    assert len(await survivor.claim()) == 4


async def test_a_failed_delivery_is_retried_after_a_growing_backoff(db):
    clock = Clock()
    await stored_report(db, clock)
    outbox = Outbox(db, clock, "w", retry_base=2, retry_cap=60)
    delivery = (await outbox.claim(limit=1))[0]
    await outbox.retry(delivery, "ConnectionRefusedError")
    assert delivery.id not in [d.id for d in await outbox.claim()]  # not due yet
    clock.advance(seconds=2)
    again = [d for d in await outbox.claim() if d.id == delivery.id]
    assert again and again[0].attempts == 1
    assert backoff(1, 2, 60) == timedelta(seconds=2) and backoff(3, 2, 60) == timedelta(seconds=8)
    assert backoff(20, 2, 60) == timedelta(seconds=60)


async def test_the_same_submission_is_stored_once(db):
    clock = Clock()
    store, meta = await stored_report(db, clock)
    directory = load_contacts(EXAMPLE)
    sub = Submission("s1", "msteams:29:rep", "oakfield", "child", "Online safety", {"what": "x"})
    again, created = await store.submit(sub, route(directory, directory.school("oakfield"), "child"), ("teams",))
    assert not created and again.reference == meta.reference and await store.count() == 1


def settings_for(tmp_path, **env):
    return Settings.from_env({"DATA_DIR": str(tmp_path / "data"), **env})


@pytest.mark.parametrize("env, variable, words", [
    ({"CONTACTS_FILE": "/nonexistent/contacts.yaml"}, "CONTACTS_FILE", "file not found"),
    ({"REPORT_ENCRYPTION_KEY": "short"}, "REPORT_ENCRYPTION_KEY", "32 random bytes"),
    ({"SMTP_HOST": "smtp.example.org"}, "SMTP_FROM", "sender address"),
    ({"SMTP_HOST": "smtp.example.org", "SMTP_FROM": "a@b.example.org", "SMTP_STARTTLS": "maybe"}, "SMTP_STARTTLS",
     "true or false"),
    ({"ESCALATE_AFTER_MINUTES": "soon"}, "ESCALATE_AFTER_MINUTES", "whole number"),
    ({"OUTBOX_POLL_SECONDS": "0"}, "OUTBOX_POLL_SECONDS", "at least"),
])
def test_bad_settings_stop_the_start_naming_what_to_fix(tmp_path, env, variable, words):
    with pytest.raises(SettingsError) as caught:
        create_app(settings_for(tmp_path, **env))
    assert caught.value.variable == variable and words in caught.value.problem


def test_a_wrong_contacts_file_names_the_entry(tmp_path):
    bad = tmp_path / "contacts.yaml"
    bad.write_text(EXAMPLE.read_text().replace("daniel.okafor@oakfield.example.org", "daniel.okafor"))
    with pytest.raises(SettingsError) as caught:
        create_app(settings_for(tmp_path, CONTACTS_FILE=str(bad)))
    assert "schools[0] (oakfield).dsl.email: 'daniel.okafor' is not an email address" in str(caught.value)


def test_email_off_is_logged_once_at_start_up(tmp_path, caplog):
    caplog.set_level("INFO")
    create_app(settings_for(tmp_path))
    assert [r.getMessage() for r in caplog.records].count(
        "email alerts are off: SMTP_HOST is not set (alerts go by Teams only)") == 1
