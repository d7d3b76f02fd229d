"""A question the bot answers with a question back must still need that fact when it is asked again with the
facts it read (the clarify flow re-reads it to draw the card): on every labelled in-scope question."""
from __future__ import annotations

from policy_kb.tuning import EVAL, jsonl_rows


def test_every_question_back_is_still_asked_when_re_read_with_its_own_facts(matcher):
    asked = unstable = 0
    for path in sorted(EVAL.glob("**/qa_inscope.jsonl")):
        for row in jsonl_rows(path):
            reply = matcher.answer(row["question"])
            if reply.kind != "clarify":
                continue
            asked += 1
            again = matcher.answer(row["question"], dict(reply.facts))
            unstable += again.clarification is None
    assert asked > 10 and unstable == 0
