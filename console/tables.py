"""The console's tables: policies and their published versions, drafts, the review queue's
decisions, the change counter every instance watches, sign-in links, sessions, the audit log and
the per-question counts the charts use (no question text, no person)."""
from __future__ import annotations

import sqlalchemy as sa

from store import Migration
from store.migrations import create_tables, metadata

TS = sa.DateTime(timezone=True)

policies = sa.Table(
    "kb_policies", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
)

# Every published version, whole (a bundle: clauses as data and the source text), so any version
# can be read again and the live one rebuilt on any instance. The shipped YAML is version one of
# the first policy and is not stored.
versions = sa.Table(
    "kb_versions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("policy", sa.String(40), nullable=False, index=True),
    sa.Column("number", sa.String(20), nullable=False),
    sa.Column("adopted_on", sa.String(10), nullable=False),
    sa.Column("published_at", TS, nullable=False),
    sa.Column("published_by", sa.Text, nullable=False),
    sa.Column("bundle", sa.Text, nullable=False),  # JSON
    sa.UniqueConstraint("policy", "number", name="uq_kb_versions_number"),
)

drafts = sa.Table(
    "kb_drafts", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("policy", sa.String(40), nullable=False, index=True),
    sa.Column("kind", sa.String(20), nullable=False),  # revision | new_policy
    sa.Column("status", sa.String(12), nullable=False),  # open | published | discarded
    sa.Column("created_at", TS, nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
    sa.Column("state", sa.Text, nullable=False),  # JSON (policy_kb/revision/draft.py)
)

# The review queue's decisions. A question linked to a clause becomes one of its example
# questions; "not covered" a negative example (the clause's not_about, or the policy's when no
# clause answered it); "needs a new clause" waits for the next draft. Undoing keeps the row.
decisions = sa.Table(
    "kb_decisions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("policy", sa.String(40), nullable=False, index=True),
    sa.Column("kind", sa.String(20), nullable=False),  # link | not_covered | needs_clause
    sa.Column("clause_id", sa.String(120)),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
    sa.Column("undone_at", TS),
    sa.Column("undone_by", sa.Text),
)

# One row: bumped in the same transaction as every change to what the bot knows. Each instance
# reads it every few seconds and rebuilds its matcher when it moved.
generation = sa.Table(
    "kb_generation", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("generation", sa.Integer, nullable=False),
    sa.Column("changed_at", TS),
)

links = sa.Table(
    "console_links", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("user_key", sa.Text, nullable=False),
    sa.Column("email", sa.Text, nullable=False),
    sa.Column("aad_object_id", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("expires_at", TS, nullable=False),
    sa.Column("used_at", TS),
)

sessions = sa.Table(
    "console_sessions", metadata,
    sa.Column("id_hash", sa.String(64), primary_key=True),
    sa.Column("user_key", sa.Text, nullable=False),
    sa.Column("email", sa.Text, nullable=False),
    sa.Column("aad_object_id", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("expires_at", TS, nullable=False, index=True),
)

audit = sa.Table(
    "console_audit", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", TS, nullable=False, index=True),
    sa.Column("actor", sa.Text, nullable=False),  # the email (or user key) the channel gave
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("target", sa.String(200), nullable=False, server_default=""),
    sa.Column("detail", sa.String(300), nullable=False, server_default=""),  # never report content
)

# Each policy question the bot took: when, for which policy, the asker's school (from their email
# domain), and whether it was answered. No text, no person.
asked = sa.Table(
    "qa_asked", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("asked_at", TS, nullable=False, index=True),
    sa.Column("policy", sa.String(40), nullable=False),
    sa.Column("school", sa.String(200)),
    sa.Column("answered", sa.Boolean, nullable=False),
)



def _create(conn) -> None:
    create_tables(policies, versions, drafts, decisions, generation, links, sessions, audit, asked)(conn)
    if conn.execute(sa.select(generation.c.id)).first() is None:
        conn.execute(generation.insert().values(id=1, generation=0))


MIGRATIONS = [Migration("console", 1, "policies, versions, drafts, review decisions, sign-in, audit, question counts",
                        _create)]
