"""A question about how to get in touch, naming no means, is not answered "No" from a social media rule."""
import pytest

from policy_kb.search import followup

OFFICIAL_EMAIL = "personal.official_email"
PARENT_RULE = "personal.no_contact_parents_children"


@pytest.mark.parametrize("question", [
    "what should I use to contact parents",
    "whats the best way to contact a parent",
    "A parent messaged me on Facebook about her son's reading. How should I get back to her?",
])
def test_asking_by_what_means_leads_to_the_official_email_rule_not_a_no(matcher, question):
    reply = matcher.answer(question)
    assert reply.clause_id == OFFICIAL_EMAIL and reply.verdict != "no"  # an answer from it, or a choice it leads


@pytest.mark.parametrize("question, clause", [
    ("how do i reply to a parent on facebook", PARENT_RULE),  # the means is named: that one is asked about
    ("my personal phone died. how should I contact parents on the trip?", "personal.no_personal_email_phone"),
])
def test_a_means_named_is_the_one_asked_about(matcher, question, clause):
    assert matcher.answer(question).clause_id == clause


def test_a_follow_on_asking_how_else_is_read_with_the_rule_that_gives_a_means(matcher):
    reading = followup.read(matcher, "so how do I get back to her? is email ok?",
                            "Can I reply to a parent's Facebook message about her child's reading?")
    assert reading.reply.kind == "answer" and reading.reply.clause_id == OFFICIAL_EMAIL
    assert reading.reply.verdict == "conditional"
