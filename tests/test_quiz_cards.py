"""Quiz cards: sizes Teams accepts, the certificate's fields, the policy shown once per sentence."""
import json
from datetime import UTC, datetime

from cards import render_adaptive, render_text
from cards.quiz import certificate_card, policy_card, question_card, result_cards
from onboarding.draw import draw
from onboarding.policy_text import policy_sections
from onboarding.scoring import score
from tests.support.kb import bank_for, shipped_kb
from tests.support.schemas import adaptive_card_errors

KB = shipped_kb()
BANK = bank_for(KB)
TEAMS_LIMIT = 28 * 1024


def all_wrong(n, seed):
    drawn = draw(BANK, n, seed)
    answers = [(d.question_id, {next(o.id for o in BANK.by_id[d.question_id].options if not o.correct)}) for d in drawn]
    return drawn, score(BANK, answers, 80)


def test_every_result_card_fits_in_a_teams_message_even_with_twenty_missed():
    drawn, result = all_wrong(20, "big")
    cards = result_cards(KB, result, [(BANK.by_id[d.question_id], d.option_order) for d in drawn], "assessment")
    assert len(cards) == 1 + 7  # the score, then three missed questions a card
    for card in cards:
        content = render_adaptive(card)
        assert adaptive_card_errors(content) is None
        assert len(json.dumps(content).encode()) < TEAMS_LIMIT
    assert "Questions to look at again (19–20 of 20)" in cards[-1].title


def test_question_card_shows_progress_and_letters():
    d = draw(BANK, 10, "x")[2]
    q = BANK.by_id[d.question_id]
    card = question_card(q, d.option_order, 2, 10, "att")
    assert card.title == "Question 3 of 10"
    assert all(b.data["attempt"] == "att" and b.data["index"] == 2 for b in card.buttons)


def test_certificate_has_name_date_score_version_and_a_short_reference():
    text = json.dumps(render_adaptive(certificate_card(KB, "Ann Lee", datetime(2026, 11, 25, tzinfo=UTC),
                                                       0, 1, "3f9a1c2b" + "0" * 24)), ensure_ascii=False)
    for part in ("Ann Lee has passed", "25 November 2026", "0 out of 1 (0 %)", "version 1.0", "QZ-3F9A-1C2B"):
        assert part in text
    assert "0" * 24 not in text  # not the 32-character attempt id


def test_a_certificate_without_a_name_from_the_channel_reads_properly():
    for name in ("You", "", "(name not known)"):
        card = certificate_card(KB, name, datetime(2026, 11, 25, tzinfo=UTC), 9, 10, "a" * 32)
        text = render_text(card)
        assert "You has" not in text and "has passed" not in text
        assert "Passed: the new-starter onboarding quiz" in text and "Name: Not given by this chat" in text


def test_feedback_reads_why_first_names_no_internal_ids_and_quotes_each_clause_once():
    from cards.quiz import feedback_card
    from onboarding.scoring import mark

    for q in BANK.questions:
        order = [o.id for o in q.options]
        wrong = next((o for o in order if o not in q.correct_ids), None)
        if wrong is None:
            continue
        card = feedback_card(KB, q, order, 0, 10, mark(q, {wrong}))
        text = render_text(card)
        assert text.index("Why:") < text.index("Why not ")
        for clause in KB.clauses:
            assert f"({clause.id})" not in text and f"{clause.id}," not in text
        quotes = [b.text for b in card.more if b.__class__.__name__ == "Quote"]
        assert quotes and len(quotes) == len(set(quotes))


def test_the_review_shows_each_answer_in_words():
    from cards.quiz import answer_text, review_card

    drawn = draw(BANK, 10, "review")
    pairs = [(BANK.by_id[d.question_id], d.option_order) for d in drawn]
    answers = [[order[0]] for _, order in pairs]
    text = render_text(review_card(pairs, answers, "x"))
    for (q, order), chosen in zip(pairs, answers):
        assert answer_text(q, order, chosen) in text


def test_the_buttons_to_go_on_come_below_the_missed_questions():
    drawn, result = all_wrong(10, "order")
    cards = result_cards(KB, result, [(BANK.by_id[d.question_id], d.option_order) for d in drawn], "assessment")
    assert len(cards) > 1 and not any(c.buttons for c in cards[:-1])
    assert [b.title for b in cards[-1].buttons] == ["Take the quiz again", "Practice quiz", "Read the policy"]


def test_policy_text_is_verbatim_and_each_sentence_once():
    sections = policy_sections(KB)
    assert [s for s, _ in sections] == list(dict.fromkeys(c.section for c in KB.clauses))
    texts = [t for _, ts in sections for t in ts]
    assert len(texts) == len(set(texts))
    assert set(texts) <= {c.text for c in KB.clauses}  # verbatim clause texts, nothing reworded
    for clause in KB.clauses:  # nothing of the policy is left out
        assert any(clause.text in t for t in texts), clause.id
    assert len(json.dumps(render_adaptive(policy_card(KB))).encode()) < TEAMS_LIMIT


def test_every_quiz_card_renders_for_slack_within_its_limits():
    from cards.blockkit import render_blocks
    from cards.quiz import confirm_card, feedback_card, history_card, new_starter_card, review_card
    from onboarding.scoring import mark
    cards = [confirm_card(KB, "assessment", 10, 80, "https://example.org/policy.pdf"), policy_card(KB),
             history_card([], "1.0"), new_starter_card(KB, "1 December 2026"),
             certificate_card(KB, "Ann Lee", datetime(2026, 11, 25, tzinfo=UTC), 9, 10, "x" * 32)]
    for q in BANK.questions:
        order = [o.id for o in q.options]
        cards.append(question_card(q, order, 9, 10, "x" * 32, note="Question 9: answer A saved.", current={order[0]}))
        cards.append(feedback_card(KB, q, order, 0, 10, mark(q, {order[-1]})))
    drawn, result = all_wrong(20, "slack")
    pairs = [(BANK.by_id[d.question_id], d.option_order) for d in drawn]
    cards += result_cards(KB, result, pairs, "assessment") + [review_card(pairs, [[o] for _, (o, *_) in pairs], "x")]
    for card in cards:
        assert render_blocks(card), card.title  # raises past Slack's 50 blocks or 2,000-character button data
