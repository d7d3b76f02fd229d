"""A headline in the words of the question asked: to "is that a problem?" a "No — …" would read as "no
problem", so the same verdict opens "Not OK — …" (and "Yes — …" opens "OK — …")."""
import pytest

from policy_kb.model import says
from policy_kb.search.wording import for_question


@pytest.mark.parametrize("question", [
    "i added a yr 10 dad on facebook last week, is that a problem?",
    "accepted a parent's friend request ages ago. am i in trouble?",
    "i never told my subject leader the url. problem?",
    "we've emailed parents from a shared gmail all term - is that against the policy?",
    "i followed a year 8 back on tiktok. have i broken the policy?",
    "a colleague accepted a yr 9 on snapchat, is that a problem?",
])
def test_asked_whether_something_is_wrong_a_no_reads_not_ok(matcher, question):
    reply = matcher.answer(question)
    assert reply.kind in ("answer", "clarify") and reply.verdict == "no"
    assert reply.headline.startswith("Not OK — ") and says(reply.headline) == "no"


@pytest.mark.parametrize("question", [
    "can i add a parent on facebook",
    "should i accept a friend request from a yr 10 dad?",
    "is it ok to email parents from my gmail",
])
def test_asked_whether_they_may_a_no_stays_no(matcher, question):
    reply = matcher.answer(question)
    assert reply.verdict == "no" and reply.headline.startswith("No — ")


def test_a_yes_to_is_that_a_problem_reads_ok(matcher):
    reply = matcher.answer("we text parents from the school mobile on trips, is that against the policy?")
    assert reply.verdict == "yes" and reply.headline.startswith("OK — ") and says(reply.headline) == "yes"


def test_only_the_opening_word_changes():
    assert for_question("No — not while you work for the trust", "is that a problem?") == \
        "Not OK — not while you work for the trust"
    assert for_question("Only with SLT approval", "is that a problem?") == "Only with SLT approval"
    assert for_question("No — not while you work for the trust", "can i add her?") == "No — not while you work for the trust"
    # the last question is the one asked: "is it a problem?" earlier in the message does not count
    assert for_question("No — not while you work for the trust", "she said it was no problem. can i add her?") == \
        "No — not while you work for the trust"


@pytest.mark.parametrize(("question", "opening"), [
    # "do i have to unfriend her?" got "No — not while you work for the trust", which reads as "no need to"
    ("my sister's son is in yr 4 at my school, do i have to unfriend her on fb?", "Not OK to stay connected — "),
    ("one of the mums added me to the class whatsapp, should i leave?", "Not OK to stay connected — "),
    ("i posted about a pupil's exclusion on my insta, should i delete it?", "Not OK to keep it up — "),
])
def test_asked_whether_to_undo_it_a_no_reads_not_ok_to_keep(matcher, question, opening):
    reply = matcher.answer(question)
    assert reply.verdict == "no" and reply.headline.startswith(opening) and says(reply.headline) == "no"


def test_undoing_changes_only_a_no():
    assert for_question("No — not while you work for the trust", "should i unfriend her?") == \
        "Not OK to stay connected — not while you work for the trust"
    assert for_question("Yes — the rule stops at ex-students under 18", "should i unfriend him?") == \
        "Yes — the rule stops at ex-students under 18"
    assert for_question("No — not while you work for the trust", "do i really have to unfriend my sister?") == \
        "Not OK to stay connected — not while you work for the trust"
    assert for_question("No — not while you work for the trust", "should i leave a comment on her post?") == \
        "No — not while you work for the trust"  # asks whether they may, not whether to undo
