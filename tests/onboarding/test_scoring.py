"""Marking and scoring: exact sets for select-all, the pass mark boundary."""
import pytest

from onboarding.scoring import is_correct, mark, score
from tests.support.kb import bank_for, shipped_kb

BANK = bank_for(shipped_kb())


def right(qid):
    return BANK.by_id[qid].correct_ids


def wrong(qid):
    q = BANK.by_id[qid]
    return frozenset({next(o.id for o in q.options if not o.correct)})


def test_single_choice_right_and_wrong():
    assert is_correct(BANK.by_id["defs.its"], right("defs.its"))
    assert not is_correct(BANK.by_id["defs.its"], wrong("defs.its"))


def test_select_all_needs_exactly_the_set():
    q = BANK.by_id["purpose.all"]
    full = q.correct_ids
    assert len(full) == 3
    assert is_correct(q, full)
    assert not is_correct(q, set(list(full)[:2]))  # a subset is not enough
    assert not is_correct(q, full | wrong("purpose.all"))  # nor is a superset


def test_unknown_option_is_an_error():
    with pytest.raises(ValueError, match="no option"):
        mark(BANK.by_id["defs.its"], {"o9"})


def _answers(n_right, n_wrong):
    ids = [q.id for q in BANK.questions][: n_right + n_wrong]
    return [(qid, right(qid) if i < n_right else wrong(qid)) for i, qid in enumerate(ids)]


@pytest.mark.parametrize("n_right, n_wrong, pass_mark, percent, passed", [
    (8, 2, 80, 80, True), (7, 3, 80, 70, False), (10, 0, 80, 100, True), (0, 10, 80, 0, False),
    (7, 2, 80, 77, False),  # 77.8 % shows as 77 %, never rounded up to the pass mark
    (5, 5, 50, 50, True),
])
def test_score_and_pass_mark(n_right, n_wrong, pass_mark, percent, passed):
    result = score(BANK, _answers(n_right, n_wrong), pass_mark)
    assert (result.score, result.total, result.percent, result.passed) == (n_right, n_right + n_wrong, percent, passed)
    assert len(result.missed) == n_wrong
