"""The quiz intent only claims explicit requests to start it; policy questions go to the Q&A."""
import pytest

from bot.features.quiz import wants_quiz


@pytest.mark.parametrize("text", [
    "I want to take the quiz", "start the onboarding quiz", "take the quiz", "can I do the quiz please?",
    "I'd like to take the onboarding quiz", "let me try the quiz", "begin the new starter quiz", "Start quiz now!",
])
def test_requests_to_start(text):
    assert wants_quiz(text) > 0


@pytest.mark.parametrize("text", [
    "do I have to take the quiz?", "what happens if I fail the quiz", "is the quiz compulsory",
    "can a pupil follow me on instagram", "what's the pass mark for the quiz", "quiz a student on social media",
    "can I take photos of the class", "start a class twitter account", "I want to take a photo of the quiz winners",
])
def test_everything_else_is_left_alone(text):
    assert wants_quiz(text) == 0
