"""The "I want to report a concern" intent is conservative: questions about reporting go to Q&A."""
import pytest

from bot.features.reports import wants_to_report


@pytest.mark.parametrize("text", [
    "I want to report a concern", "I need to report something", "i'd like to raise a safeguarding concern",
    "Hi, I need to log a concern", "report a concern", "We need to report an incident",
])
def test_requests_to_report_are_recognised(text):
    assert wants_to_report(text) > 0


@pytest.mark.parametrize("text", [
    "do I have to report a message from a pupil?", "should I report it", "how do I report a concern?",
    "I have to report a message from a pupil", "who do i report to", "what counts as a concern",
    "a student messaged me on instagram", "",
])
def test_questions_and_situations_are_not_taken(text):
    assert wants_to_report(text) == 0
