"""A pasted draft is read for what it does: names children (with a photo or not), mocks the school's
leaders, makes fun of pupils on a school account. Written for this test (not eval rows)."""
import pytest

from policy_kb.search import draft


def test_a_message_without_a_draft_is_left_as_it_is():
    for text in ("can i post photos of the school trip on the class insta",
                 "what does the policy mean by 'legitimately representative of the trust'",  # words, not a draft
                 "the policy says \"reported as above\", reported to whom?",
                 # someone else's words, quoted: not the person's draft
                 "a parent commented 'this school is a joke and the head is useless' under our post, is it ok to delete it?"):
        assert draft.read(text) == (text, None)


def test_childrens_first_names_are_found_and_left_out():
    assert draft.names("Look at Amelia and Josh showing off their Roman shields!") == ["Amelia", "Josh"]
    assert draft.names("Goals from Maisie T (Y9) and Priya K (Y8)!") == ["Maisie", "Priya"]
    assert draft.names("Well done to everyone at the Brookfield Academy sports day!") == []
    assert draft.without_names("Well done to Lily-Rose and Ellie-Mae!") == "Well done to [name] and [name]!"  # whole
    read = draft.read("can i put this on the y3 class page? 'Well done to Oscar and Lily for their volcano models!'").text
    assert "Oscar" not in read and "Lily" not in read and "naming the child" in read


@pytest.mark.parametrize(("question", "clause", "verdict"), [
    ("can i put this on the year 3 class page? 'Well done to Oscar and Lily for their brilliant volcano models!' "
     "with a photo of them", "sanctioned.no_names_in_photos", "no"),
    ("can I post 'Happy birthday to Kai in Year 2, have a lovely day!' on the school facebook? no photo",
     "sanctioned.no_identifying_info", "no"),
    ("ok to post this on my insta story? 'another pointless twilight INSET courtesy of SLT 🙄'",
     "personal.consider_reputation", "no"),
    ("can i post this on my facebook: 'so proud of Ellie in my class who read a whole book by herself today'",
     "personal.avoid_specific_matters", "no"),
])
def test_a_draft_is_answered_by_what_it_does(matcher, question, clause, verdict):
    answer = matcher.answer(question)
    assert (answer.kind, answer.clause_id, answer.verdict) == ("answer", clause, verdict)


def test_the_person_is_told_what_was_checked_in_their_draft(matcher):
    question = ("can i put this on the year 3 class page? 'Well done to Oscar and Lily for their brilliant volcano "
                "models!' with a photo of them")
    assert draft.read(question).described == "Your draft names Oscar and Lily in a photo."
    assert matcher.answer(question).note.startswith("Your draft names Oscar and Lily in a photo.")
    assert draft.read("ok to post this on my story? 'another pointless INSET courtesy of SLT 🙄'").described == \
        "Your draft makes fun of the school's leaders."
    assert draft.read("can i post this: 'Lovely sunny day for sports day at school'").described is None  # nothing to flag
