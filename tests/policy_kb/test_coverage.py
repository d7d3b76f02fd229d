"""Every sentence of the policy is quoted by some clause, and every quote is in the policy."""
from __future__ import annotations

from policy_kb.coverage import uncovered_sentences
from policy_kb.text import collapse, split_sentences

EXPECTED_IDS = {
    "vision", "defs.names", "intro.balance", "intro.applies_all_staff", "purpose.general",
    "purpose.legal_risk", "purpose.reputation", "purpose.safeguard", "purpose.distinguish_official",
    "scope.types", "scope.examples", "scope.virtual_worlds", "scope.legislation", "scope.other_policies",
    "scope.distinction", "personal.no_contact_parents_children", "personal.report_child_contact",
    "personal.report_inappropriate", "personal.privacy_settings", "personal.official_email",
    "personal.no_personal_email_phone", "personal.avoid_specific_matters", "personal.consider_reputation",
    "personal.no_friend_students", "sanctioned.legitimate_uses", "sanctioned.separate_account",
    "sanctioned.link_trust_email", "sanctioned.slt_approval", "sanctioned.notify_url",
    "sanctioned.professional_content", "sanctioned.photo_consent", "sanctioned.no_names_in_photos",
    "sanctioned.no_identifying_info", "sanctioned.external_links", "sanctioned.remove_inappropriate_comments",
    "sanctioned.no_private_dm", "sanctioned.aup_link",
}


def test_taxonomy_ids_are_all_present(kb):
    assert set(kb.by_id) >= EXPECTED_IDS


def test_every_clause_text_occurs_in_source(kb):
    flat = collapse(kb.source_text)
    for clause in kb.clauses:
        assert collapse(clause.text) in flat, clause.id


def test_every_sentence_is_covered(kb):
    sentences = split_sentences(kb.source_text, kb.headings)
    assert len(sentences) > 40
    assert uncovered_sentences(kb) == []


def test_headings_are_not_sentences(kb):
    sentences = split_sentences(kb.source_text, kb.headings)
    assert not any(s.startswith(("INTRODUCTION", "PERSONAL USE", "DEFINITIONS AND SCOPE")) for s in sentences)


def test_source_keeps_its_own_characters(kb):
    assert "ex‐student" in kb.by_id["personal.no_friend_students"].text  # U+2010 hyphen
    assert "“CMAT”" in kb.by_id["defs.names"].text
