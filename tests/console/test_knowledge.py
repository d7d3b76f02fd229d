"""The live knowledge bases built from the database's snapshot, and the change counter."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from app import default_knowledge_base
from console.knowledge import build, question_key
from console.library import Decision, Library, Snapshot
from console.tables import MIGRATIONS
from policy_kb.review import MIGRATIONS as REVIEW_MIGRATIONS
from policy_kb.review import unanswered
from store import Database

NOW = datetime(2027, 1, 15, 9, 0, tzinfo=UTC)


def decision(number, kind, clause, question, policy="social_media"):
    return Decision(number, policy, kind, clause, question, NOW, "someone")


def test_questions_compare_without_case_spacing_or_punctuation():
    assert question_key("  Can I  LIVESTREAM my cooking on Twitch?! ") == question_key("can i livestream my cooking on twitch")


def test_nothing_published_and_nothing_decided_is_the_shipped_knowledge_base():
    shipped = default_knowledge_base()
    assert build(Snapshot(0, {}, {}, ()), shipped).primary.kb is shipped


def test_decisions_take_effect_and_go_to_the_policy_the_clause_belongs_to():
    shipped = default_knowledge_base()
    live = build(Snapshot(3, {}, {}, (decision(1, "link", "personal.privacy_settings", "Can I hide my likes?"),
                                      decision(2, "not_covered", "personal.privacy_settings", "is my bio private?"),
                                      decision(3, "not_covered", None, "what about my smartwatch?"))), shipped)
    primary = live.primary
    assert primary.linked == {"can i hide my likes": "personal.privacy_settings"}
    assert "Can I hide my likes?" in primary.kb.by_id["personal.privacy_settings"].examples
    assert primary.refuses("Is my bio private", "personal.privacy_settings")
    assert not primary.refuses("Is my bio private", "personal.no_friend_students")
    assert primary.refuses("What about my SMARTWATCH?", None)


@pytest.fixture
async def library(database_url):
    db = Database(database_url, MIGRATIONS + REVIEW_MIGRATIONS)
    await db.start()
    yield Library(db, lambda: NOW)
    await db.close()


async def test_every_change_moves_the_counter_and_undo_is_kept(library):
    assert await library.generation() == 0
    number = await library.decide("social_media", "link", "personal.privacy_settings", "Can I hide my likes?", "a@b")
    assert await library.generation() == 1
    assert [d.question for d in (await library.snapshot()).decisions] == ["Can I hide my likes?"]
    undone = await library.undo(number, "a@b")
    assert undone is not None and undone.undone_at is not None
    assert await library.undo(number, "a@b") is None  # once only
    snapshot = await library.snapshot()
    assert snapshot.generation == 2 and snapshot.decisions == ()
    assert [d.undone_at is not None for d in await library.decisions()] == [True]  # the history stays


async def test_the_review_tables_gain_their_policy_column_on_an_old_database(database_url):
    """A database made before qa_review v2 (no policy column) is brought up to date in place."""
    db = Database(database_url, REVIEW_MIGRATIONS[:1])
    await db.start()
    async with db.transaction() as conn:
        await conn.execute(sa.text("ALTER TABLE unanswered_questions DROP COLUMN policy"))
        await conn.execute(sa.text("INSERT INTO unanswered_questions (question, reason, policy_version, asked_at) "
                                   "VALUES ('old question', 'unknown', '1.0', :at)"), {"at": NOW})
    await db.close()
    db = Database(database_url, REVIEW_MIGRATIONS)
    await db.start()
    async with db.reading() as conn:
        rows = (await conn.execute(sa.select(unanswered.c.question, unanswered.c.policy))).all()
    await db.close()
    assert [tuple(r) for r in rows] == [("old question", "social_media")]
