"""Typed answers to scenario questions, as the dialog reads them."""
from __future__ import annotations

import pytest

from dialogs.scenario import typed_answer
from tests.support.kb import scenarios_for, shipped_kb

BOOK = scenarios_for(shipped_kb())
AGE = BOOK.get("friend_request").node("ex_student_age")
PLATFORM = BOOK.get("child_contact").node("platform")
WORRY = BOOK.get("child_contact").node("worry")
ACCOUNT = BOOK.get("child_contact").node("account")


@pytest.mark.parametrize("question, typed, expected", [
    (AGE, "17", "under_18"), (AGE, "19", "adult"), (AGE, "he's 18 now", "adult"), (AGE, "2", "adult"),
    (AGE, "1", "under_18"), (AGE, "not sure", "unsure"), (AGE, "over 18", "adult"), (AGE, "banana", None),
    (PLATFORM, "insta", "instagram"), (PLATFORM, "on snap", "snapchat"), (PLATFORM, "fb", "facebook"),
    (PLATFORM, "twitter", "x_twitter"), (PLATFORM, "discord", "other"), (PLATFORM, "7", "other"),
    (WORRY, "yes", "yes"), (WORRY, "nope", "no"), (WORRY, "not sure", "unsure"), (WORRY, "idk", "unsure"),
    (ACCOUNT, "my own account", "personal"), (ACCOUNT, "the school account", "trust"), (ACCOUNT, "b", "trust"),
])
def test_typed_answers(question, typed, expected):
    assert typed_answer(question, typed) == expected


@pytest.mark.parametrize("question, typed, expected", [
    (BOOK.get("contact_families").node("method"), "can I accept a follow request from an ex-pupil who is 17 now?",
     None),
    (BOOK.get("contact_families").node("method"), "I was going to use my personal phone for it", "personal_phone"),
    (WORRY, "yes it really does worry me a lot", "yes"),
])
def test_long_messages_must_name_their_option(question, typed, expected):
    assert typed_answer(question, typed) == expected
