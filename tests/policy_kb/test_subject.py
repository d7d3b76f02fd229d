"""A last question that changes the subject is not answered from its background's clause
(policy_kb/search/subject.py). The messages here are in words of their own: none is in the
classifier's training data or in eval/."""
import pytest

from policy_kb.search import subject

CHANGED = [
    "i've got slt approval for the geography dept twitter and it's linked to my trust email. "
    "does the trust pay mileage for driving between the two sites?",
    "we put the nativity photos on the school facebook yesterday, every family had given consent. "
    "who do i speak to about getting a new laptop charger?",
    "one of my ex pupils is 19 now and added me on snapchat, i accepted. how do i book a room for parents' evening?",
    "I manage our school's Instagram and a parent left a rude comment under a post, which I deleted and reported. "
    "Separately, how much notice do I have to give if I want to go part-time?",
]

CARRIED_ON = [
    ("a yr 10 sent me a message on insta last night asking about homework, i haven't replied. "
     "do i need to tell anyone about it?", "personal.report_child_contact"),
    ("a parent added me on facebook yesterday. i've known her for years through the running club. is that ok?",
     "personal.no_contact_parents_children"),
    ("the sports day photos are going on the school facebook tomorrow. two families never sent the consent form back. "
     "can i still put them up if those two kids are in the background?", "sanctioned.photo_consent"),
]


@pytest.mark.parametrize("message", CHANGED)
def test_a_last_question_on_another_subject_is_not_covered(matcher, monkeypatch, message):
    assert matcher.answer(message).kind == "unknown"
    monkeypatch.setattr(subject, "PROBABILITY", 1.01)  # without the reader, the background's clause answered it
    assert matcher.answer(message).kind == "answer"


@pytest.mark.parametrize("message, clause_id", CARRIED_ON)
def test_a_last_question_that_carries_on_is_answered(matcher, message, clause_id):
    reply = matcher.answer(message)
    assert (reply.kind, reply.clause_id) == ("answer", clause_id)


def test_a_short_last_question_has_no_subject_of_its_own(matcher):
    # "when's that?" is high on the reader's scale for some wordings, but too short to change the subject
    assert not subject.changes_subject("our class blog is approved. who runs it?", lambda part: False)


def test_the_question_alone_must_be_one_the_policy_does_not_answer():
    text = "we've set up the drama insta with slt. can i put the cast's first names in the captions?"
    assert not subject.changes_subject(text, lambda part: True)


def test_a_follow_on_is_left_to_the_follow_on_rules(matcher):
    reply = matcher.answer(CHANGED[0], facts={"platforms": ["tiktok"]})
    assert reply.kind != "unknown" or reply.candidates == ()
    # a message joined to the last question is not read as background and a new subject
    assert matcher.answer(CHANGED[0], follow_on=True).kind == "answer"


def test_without_the_classifier_nothing_changes(matcher, monkeypatch):
    monkeypatch.setattr(subject, "_model", lambda: None)
    assert subject.probability("how many days of annual leave do support staff get?") == 0.0
    assert matcher.answer(CHANGED[1]).kind == "answer"


def test_who_is_likely_to_know_is_read_from_the_last_question_first(kb):
    said = ("my contract says i run the school's twitter, which hr agreed. "
            "separately, the projector in my room is broken, who fixes it?")
    assert kb.who_knows(said) == "IT support (CMAT ITS)"
    assert kb.who_knows("my contract says i run the school's twitter") == "HR (or payroll)"


def test_the_fast_reading_is_the_fitted_model_s_probability():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    from policy_kb.tuning import text_features
    texts = ["can it wait till monday?", "who do i tell?", "is the pay award confirmed?", "when is inset day?",
             "do i need to report it?", "how do i book a room?"]
    model = make_pipeline(text_features(), LogisticRegression()).fit(texts, [0, 0, 1, 1, 0, 1])
    fast = subject.LinearText(model)
    for text in [*texts, "when do i get paid for the trip?", "zzz", ""]:
        assert abs(fast.probability(text) - model.predict_proba([text])[0, 1]) < 1e-9
