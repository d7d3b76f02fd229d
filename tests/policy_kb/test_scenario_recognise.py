"""Free text starts a scenario only when it describes a situation; plain questions are left to Q&A."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from policy_kb.scenarios import recognise
from policy_kb.scenarios.recognise import is_new_message, score
from policy_kb.scenarios.walker import prefill_from_text
from tests.support.kb import scenarios_for, shipped_kb

BOOK = scenarios_for(shipped_kb())
HERE = Path(__file__).parent


@pytest.mark.parametrize("text, scenario_id", [
    ("a year 8 kid messaged me on insta, what now?", "child_contact"),
    ("I'm a lunchtime supervisor and a child from the school has started DMing my TikTok. What's the process?",
     "child_contact"),  # not "set up a class account" because "school" and "TikTok" are near each other
    ("one of my pupils sent me a dm on instagram asking about homework", "child_contact"),
    ("I got a message from a student on snapchat last night", "child_contact"),
    ("mum from my class added me on fb", "friend_request"),
    ("an ex-pupil who is 19 added me on insta", "friend_request"),
    ("A lad I taught who left last summer is only 16 and has sent me a Facebook friend request", "friend_request"),
    ("I came across an explicit photo of one of our students being shared on Twitter", "inappropriate_communications"),
    ("i'm worried an adult is grooming a pupil on instagram", "inappropriate_communications"),
    ("I need to ring a parent from my mobile about the trip tonight", "contact_families"),
    ("a parent texted my personal mobile, should i reply?", "contact_families"),
    ("I want to set up a class instagram", "class_account"),
    ("we want to post photos of sports day on the school twitter", "posting_photos"),
    ("someone left a racist comment on the school instagram", "trust_account_comment"),
    ("I want to post about my class on facebook", "personal_posting"),
    ("what do i do about a friend request from a parent", "friend_request"),
])
def test_situations_are_recognised(text, scenario_id):
    found = recognise(BOOK, text)
    assert found is not None and found.scenario is not None and found.scenario.id == scenario_id


@pytest.mark.parametrize("text", [
    "can I accept a friend request from an ex-pupil who is 19?",
    "what does the policy say about photos?",
    "can a student follow me on tiktok",
    "is it ok to reply to a student's dm on the department page",
    "should I report a message from a student?",
    "can i text a parent from my own phone?",
    "do i need SLT permission to set up a club instagram",
    "can i post on facebook about a pupil who kicked off in my lesson if i dont name them",
    "who is the designated person for child protection",
    "what does CMAT stand for",
    # which of the school's tools to use is not a situation to walk through
    "we need to message all the year 9 parents about the trip, what app do we use for that?",
    # what to write, with no email, phone or message in it, is not contacting families
    "nits in year 2 again and i need to send a letter to parents, is there a template anywhere?",
    "hello", "help", "",
])
def test_plain_questions_are_not_taken(text):
    assert score(BOOK, text) == 0


@pytest.mark.parametrize("text", ["walk me through a situation", "what should I do?", "what now"])
def test_a_bare_request_for_a_walk_through_shows_the_list(text):
    found = recognise(BOOK, text)
    assert found is not None and found.scenario is None and 0 < found.score < 0.9


QUESTION_FRAMES = ("can i ", "can we ", "can the ", "can pupils", "can students", "is it ok", "is it fine",
                   "do i need", "does the ", "what does the", "what are the", "what can", "which ", "who approves")


def qa_questions():
    for name in ("questions.jsonl", "questions_holdout.jsonl"):
        path = HERE / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    yield json.loads(line)["question"]


def test_the_qa_question_sets_plain_questions_stay_with_qa():
    plain = [q for q in qa_questions() if q.lower().startswith(QUESTION_FRAMES)]
    assert len(plain) > 40
    taken = [q for q in plain if score(BOOK, q) > 0]
    assert taken == []


@pytest.mark.parametrize("text, expected", [
    ("can I use my personal phone to ring parents", True),
    ("what does the policy say about photos?", True),
    ("a year 8 kid messaged me on insta", True),
    ("carrier pigeon", False), ("not really sure tbh", False), ("the blue one", False), ("what?", False),
])
def test_what_counts_as_a_new_message_mid_walk(text, expected):
    assert is_new_message(BOOK, text) is expected


def test_a_situation_dictated_to_a_phone_is_recognised_and_its_facts_read():
    text = "um so basically one of my year elevens followed me on tick tock what do i do"
    found = recognise(BOOK, text)
    assert found is not None and found.scenario is not None and found.scenario.id == "friend_request"
    assert prefill_from_text(found.scenario, text).get("requester") == "current_student"
