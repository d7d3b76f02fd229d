"""No answer or situation card says "I don't know" or "doesn't cover" unless the policy does not
cover the question: a reader (and Teams' own reading) would take it as a refusal."""
import re

import pytest

from cards import render_text
from cards.qa import answer_card, unknown_card
from dialogs.scenario_cards import outcome_card, question_card
from policy_kb.scenarios import Outcome, paths
from tests.policy_kb.test_scenarios import BOOK, KB, walk_path

REFUSAL = re.compile(r"\b(?:i don'?t know|i do not know|doesn'?t (?:seem to )?cover|does not cover|not covered by"
                     r"|won'?t guess|can'?t answer that)\b", re.I)


def test_no_answer_card_reads_as_a_refusal():
    for clause in KB.clauses:
        text = render_text(answer_card(KB, clause.id))
        assert not REFUSAL.search(text), clause.id
    assert REFUSAL.search(render_text(unknown_card(KB, "when is payday")))  # the one card that should


@pytest.mark.parametrize("scenario", BOOK.scenarios, ids=lambda s: s.id)
def test_no_situation_card_reads_as_a_refusal(scenario):
    for route in paths(scenario):
        for length in range(1, len(route) + 1):  # every question on the way, then the outcome
            walk = walk_path(scenario, route[:length])
            node = scenario.node(walk.node)
            card = (outcome_card(KB, scenario, walk) if isinstance(node, Outcome)
                    else question_card(KB, scenario, walk, intro=True))
            assert not REFUSAL.search(render_text(card)), (scenario.id, walk.node)


def test_plain_words_never_contradict_a_verdict_the_facts_changed():
    """'Yes — once you have left the trust' is not followed by 'In other words: No. While you work…'."""
    clause = KB.by_id["personal.no_contact_parents_children"]
    decided = answer_card(KB, clause.id, "Yes — once you have left the trust, this rule no longer applies", "yes")
    more = " ".join(block.text for block in decided.more if hasattr(block, "text"))
    assert more.startswith("The rule in general: While you work for the trust")
    assert not re.search(r"\bNo\b[.—]", more) and decided.more_label == "The rule in general"
    usual = answer_card(KB, clause.id)
    assert usual.more[0].text.startswith("In other words: No.") and usual.more_label == "In other words"
