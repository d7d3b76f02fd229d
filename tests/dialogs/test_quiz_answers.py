"""Typed quiz answers: letters, numbers, true/false, lists for select-all, and unclear ones."""
import pytest

from dialogs.quiz_answers import parse_answer
from tests.support.kb import bank_for, shipped_kb

BANK = bank_for(shipped_kb())
SINGLE = BANK.by_id["defs.its"]  # shown as C, A, B below
SINGLE_ORDER = ["o3", "o1", "o2"]
MULTI = BANK.by_id["purpose.all"]
MULTI_ORDER = ["o2", "o4", "o1", "o3"]
TF = BANK.by_id["scope.gaming"]


@pytest.mark.parametrize("typed, expected", [
    ("b", {"o1"}), ("B", {"o1"}), ("2", {"o1"}), ("b.", {"o1"}), ("(b)", {"o1"}), ("answer b", {"o1"}),
    ("the answer is c", {"o2"}), ("c please", {"o2"}), ("Cockburn Multi Academy Trust IT Services", {"o1"}),
])
def test_single_choice(typed, expected):
    assert parse_answer(typed, SINGLE, SINGLE_ORDER) == expected


@pytest.mark.parametrize("typed", ["", "d", "7", "a, b", "a and c", "purple", "i don't know"])
def test_unclear_single_answers_are_not_guessed(typed):
    assert parse_answer(typed, SINGLE, SINGLE_ORDER) is None


@pytest.mark.parametrize("typed, expected", [
    ("true", {"o1"}), ("False", {"o2"}), ("t", {"o1"}), ("f", {"o2"}), ("a", {"o1"}), ("2", {"o2"}),
])
def test_true_false(typed, expected):
    assert parse_answer(typed, TF, ["o1", "o2"]) == expected


@pytest.mark.parametrize("typed, expected", [
    ("a, c", {"o2", "o1"}), ("a,c,d", {"o2", "o1", "o3"}), ("b and d", {"o4", "o3"}), ("1 3", {"o2", "o1"}),
    ("a c", {"o2", "o1"}), ("A;C", {"o2", "o1"}), ("c", {"o1"}),
    ("protect the trust from legal risks, safeguard all children", {"o1", "o2"}),
])
def test_select_all(typed, expected):
    assert parse_answer(typed, MULTI, MULTI_ORDER) == expected


@pytest.mark.parametrize("typed", ["a, z", "a, purple", "e", ","])
def test_a_select_all_answer_with_any_unclear_part_is_unclear(typed):
    assert parse_answer(typed, MULTI, MULTI_ORDER) is None
