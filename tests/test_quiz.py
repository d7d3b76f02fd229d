"""The onboarding quiz over the protocol: whole attempts, practice, cancel, restart, back."""
import sqlalchemy as sa

from cards.parts import quoted
from onboarding import records
from tests.onboarding.play import answer, begin, cards, question_card, shown


def bank_of(bot):
    return bot.services.quiz.bank


async def rows(bot, table):
    async with bot.services.db.transaction() as conn:
        return (await conn.execute(sa.select(table))).all()


async def test_a_whole_attempt_with_clicked_and_typed_answers_passes_with_a_certificate(make_bot):
    bot = await make_bot(channel="msteams")
    bot.connector.add_member("29:ann", "Ann Lee", "ann@alpha.example.org")
    bank = bank_of(bot)
    reply = await begin(bot, "c-pass", user="29:ann")
    seen = []
    for i in range(10):
        assert question_card(reply)["body"][0]["text"] == f"Question {i + 1} of 10"
        question, _, _ = shown(bank, reply)
        seen.append(question.id)
        # two wrong answers (8/10 = the 80 % pass mark); alternate clicks and typing
        reply = await answer(bot, "c-pass", bank, reply, right=i not in (3, 7), typed=i % 2 == 1, user="29:ann")
        if i < 9:  # what was understood is said back, so a mistyped answer can be changed
            assert f"Question {i + 1}: answer " in reply.text and " saved." in reply.text
    assert len(set(seen)) == 10
    assert "Ready to submit?" in reply.text
    reply = await bot.send("c-pass", value=reply.button("Submit all"), user="29:ann")
    text = reply.text
    assert "Quiz result: passed" in text and "8 out of 10 (80 %)" in text and "Pass mark" in text
    assert "Certificate of completion" in text and "Ann Lee" in text and "version 1.0" in text
    # every missed question: the right answer, the explanation and the clause quoted verbatim with section
    kb = bot.services.kb
    for qid in (seen[3], seen[7]):
        question = bank.by_id[qid]
        assert f"Question {seen.index(qid) + 1}: {question.prompt}" in text
        clause = kb.by_id[next(o for o in question.options if o.correct).clauses[0]]
        assert quoted(clause.text) in text and f"section “{clause.section}”" in text
    (attempt,) = await rows(bot, records.attempts)
    assert (attempt.status, attempt.score, attempt.passed, attempt.policy_version, attempt.email) == \
        ("finished", 8, True, "1.0", "ann@alpha.example.org")
    answers = await rows(bot, records.answers)
    assert [a.question_id for a in sorted(answers, key=lambda a: a.position)] == seen
    (completion,) = await rows(bot, records.completions)
    assert completion.name == "Ann Lee" and completion.score == 8


async def test_a_fail_shows_what_was_missed_and_no_certificate_then_a_retake_draws_afresh(make_bot):
    bot = await make_bot({"QUIZ_QUESTIONS": "4"})
    bank = bank_of(bot)
    reply = await begin(bot, "c-fail")
    first = []
    for _ in range(4):
        first.append(shown(bank, reply)[0].id)
        reply = await answer(bot, "c-fail", bank, reply, right=False)
    reply = await bot.send("c-fail", "submit")
    assert "not passed yet" in reply.text and "0 out of 4 (0 %)" in reply.text
    assert "Certificate" not in reply.text and reply.text.count("Right answer:") == 4
    again = await bot.send("c-fail", value=reply.button("Take the quiz again"))
    again = await bot.send("c-fail", "yes")
    assert shown(bank, again)[0] is not None
    attempts = await rows(bot, records.attempts)
    assert len(attempts) == 2 and len({a.drawn for a in attempts}) == 2
    assert await rows(bot, records.completions) == []


async def test_practice_mode_gives_feedback_straight_away_and_records_no_completion(make_bot):
    bot = await make_bot({"QUIZ_QUESTIONS": "3"})
    bank = bank_of(bot)
    reply = await begin(bot, "c-practice", command="practice quiz")
    question, _, _ = shown(bank, reply)
    reply = await answer(bot, "c-practice", bank, reply, right=False)
    feedback = [c for c in cards(reply) if c["body"][0]["text"].endswith("feedback")]
    assert feedback and "Not quite" in reply.text and "Right answer:" in reply.text
    assert "Question 2 of 3" in reply.text
    reply = await answer(bot, "c-practice", bank, reply, right=True, typed=True)
    assert "Correct" in reply.text
    reply = await answer(bot, "c-practice", bank, reply, right=True)
    assert "Practice result" in reply.text and "2 out of 3" in reply.text
    assert "Certificate" not in reply.text
    (attempt,) = await rows(bot, records.attempts)
    assert attempt.mode == "practice" and attempt.status == "finished"
    assert await rows(bot, records.completions) == []


async def test_an_attempt_survives_a_restart_with_the_same_question_and_order(make_bot):
    bot = await make_bot({"QUIZ_QUESTIONS": "3"})
    bank = bank_of(bot)
    reply = await begin(bot, "c-restart")
    reply = await answer(bot, "c-restart", bank, reply, right=True)
    before = shown(bank, reply)
    await bot.restart()
    again = await bot.send("c-restart", "help")
    assert shown(bank_of(bot), again)[:2] == (bank_of(bot).by_id[before[0].id], before[1])
    assert "Question 2 of 3" in again.text
    reply = await answer(bot, "c-restart", bank_of(bot), again, right=True, typed=True)
    reply = await answer(bot, "c-restart", bank_of(bot), reply, right=True)
    reply = await bot.send("c-restart", "submit")
    assert "3 out of 3" in reply.text


async def test_cancel_mid_attempt_keeps_the_attempt_as_abandoned(bot):
    reply = await begin(bot, "c-cancel2")
    reply = await bot.send("c-cancel2", "cancel")
    assert "Quiz cancelled" in reply.text
    (attempt,) = await rows(bot, records.attempts)
    assert attempt.status == "abandoned"
    after = await bot.send("c-cancel2", "a")
    assert "Question" not in after.text


async def test_cancel_before_starting(bot):
    await bot.send("c-c", "quiz")
    reply = await bot.send("c-c", "cancel")
    assert "Quiz cancelled" in reply.text
    assert await rows(bot, records.attempts) == []


async def test_back_changes_an_answer_and_stale_buttons_are_refused(make_bot):
    bot = await make_bot({"QUIZ_QUESTIONS": "3"})
    bank = bank_of(bot)
    first = await begin(bot, "c-back")
    second = await answer(bot, "c-back", bank, first, right=False)
    back = await bot.send("c-back", "back")
    assert "Question 1 of 3" in back.text and "Your current answer" in back.text
    stale = await answer(bot, "c-back", bank, second, right=True)
    assert "earlier question" in stale.text
    reply = await answer(bot, "c-back", bank, back, right=True)
    reply = await answer(bot, "c-back", bank, reply, right=True)
    reply = await answer(bot, "c-back", bank, reply, right=True)
    reply = await bot.send("c-back", value=reply.button("Submit all"))
    assert "3 out of 3" in reply.text


async def test_unclear_typed_answer_is_asked_again_not_scored(make_bot):
    bot = await make_bot({"QUIZ_QUESTIONS": "2"})
    await begin(bot, "c-unclear")
    reply = await bot.send("c-unclear", "purple elephants")
    assert "didn't catch that" in reply.text and "Question 1 of 2" in reply.text
    assert await rows(bot, records.answers) == []


async def test_the_policy_is_offered_before_starting_and_by_command(make_bot):
    bot = await make_bot({"POLICY_URL": "https://trust.example.org/policies/social-media.pdf"})
    reply = await bot.send("c-pol", "quiz")
    assert any(a.get("type") == "Action.OpenUrl" for c in cards(reply) for a in c["actions"])
    shown_policy = await bot.send("c-pol", "show me the policy")
    kb = bot.services.kb
    assert kb.by_id["personal.no_friend_students"].text in shown_policy.text
    assert "Trust sanctioned use of social media" in shown_policy.text
    assert "confirm that you have read the policy" in shown_policy.text
    await bot.send("c-pol", "cancel")
    by_command = await bot.send("c-pol", "policy")
    assert kb.by_id["sanctioned.aup_link"].text in by_command.text


async def test_the_welcome_offers_the_quiz_and_its_button_starts_it(bot):
    welcome = await bot.channel.join("c-welcome")
    data = welcome.button("Take the onboarding quiz")
    reply = await bot.send("c-welcome", value=data)
    assert "confirm that you have read the policy" in reply.text


async def test_asking_to_take_the_quiz_starts_it_but_questions_about_it_do_not(bot):
    await bot.send("c-intent", "hello")
    for text in ("I want to take the quiz", "start the onboarding quiz", "can I do the quiz please?"):
        reply = await bot.send("c-intent", text)
        assert "confirm that you have read the policy" in reply.text, text
        await bot.send("c-intent", "cancel")
    for text in ("do I have to take the quiz?", "what happens if I fail the quiz", "can a pupil follow me on instagram"):
        reply = await bot.send("c-intent", text)
        assert "confirm that you have read the policy" not in reply.text, text


async def test_an_attempt_started_on_an_older_policy_version_is_not_continued(make_bot):
    from dataclasses import replace
    bot = await make_bot({"QUIZ_QUESTIONS": "3"})
    bank = bank_of(bot)
    reply = await begin(bot, "c-version")
    quiz = bot.services.quiz
    quiz.kb = replace(quiz.kb, version="1.1")  # as after a restart with the new policy
    reply = await answer(bot, "c-version", bank, reply, right=True)
    assert "updated while you were taking the quiz" in reply.text
    (attempt,) = await rows(bot, records.attempts)
    assert attempt.status == "abandoned"


async def test_a_stray_letter_at_the_review_does_not_submit(make_bot):
    bot = await make_bot({"QUIZ_QUESTIONS": "2"})
    bank = bank_of(bot)
    reply = await begin(bot, "c-review")
    for _ in range(2):
        reply = await answer(bot, "c-review", bank, reply, right=True)
    reply = await bot.send("c-review", "a")
    assert "Ready to submit?" in reply.text and "Quiz result" not in reply.text
    reply = await bot.send("c-review", "2")
    assert "Question 2 of 2" in reply.text
    reply = await answer(bot, "c-review", bank, reply, right=False, typed=True)
    assert "Ready to submit?" in reply.text
    reply = await bot.send("c-review", "Submit")
    assert "1 out of 2 (50 %)" in reply.text


async def test_start_over_draws_a_fresh_attempt_and_cancel_works_at_the_review(make_bot):
    bot = await make_bot({"QUIZ_QUESTIONS": "2"})
    bank = bank_of(bot)
    reply = await begin(bot, "c-over")
    await answer(bot, "c-over", bank, reply, right=True)
    reply = await bot.send("c-over", "start over")
    assert "Stop the quiz?" in reply.text and "will not be scored" in reply.text  # an answer was given: ask
    reply = await bot.send("c-over", value=reply.button("Throw them away"))
    assert "Starting again" in reply.text and "confirm that you have read the policy" in reply.text
    reply = await bot.send("c-over", "yes")
    for _ in range(2):
        reply = await answer(bot, "c-over", bank, reply, right=True)
    assert "Ready to submit?" in reply.text
    asked = await bot.send("c-over", "cancel")
    assert "Stop the quiz?" in asked.text
    kept = await bot.send("c-over", value=asked.button("Keep going"))
    assert "Ready to submit?" in kept.text  # nothing lost
    await bot.send("c-over", "cancel")
    assert "Quiz cancelled" in (await bot.send("c-over", "discard")).text
    statuses = sorted(a.status for a in await rows(bot, records.attempts))
    assert statuses == ["abandoned", "abandoned"]
    assert await rows(bot, records.completions) == []


async def test_a_retake_asks_other_questions_than_the_last_attempt(make_bot):
    bot = await make_bot({"QUIZ_QUESTIONS": "10"})
    bank = bank_of(bot)
    for _ in range(2):
        reply = await begin(bot, "c-retake")
        for _ in range(10):
            reply = await answer(bot, "c-retake", bank, reply, right=True)
        await bot.send("c-retake", "submit")
    first, second = sorted(await rows(bot, records.attempts), key=lambda a: a.started_at)
    import json

    asked = [{qid for qid, _ in json.loads(a.drawn)} for a in (first, second)]
    # the bank has about 40 questions over three sections: none of the last ten need come back
    assert asked[0].isdisjoint(asked[1]), asked[0] & asked[1]


async def test_typing_true_says_true_was_saved_not_a_letter(make_bot):
    bot = await make_bot({"QUIZ_QUESTIONS": "10"})
    bank = bank_of(bot)
    for _ in range(4):  # a third of the bank is true/false: an attempt without one is rare, four in a row never
        reply = await begin(bot, "c-true")
        for _ in range(10):
            question, order, _ = shown(bank, reply)
            if question.kind == "true_false":
                reply = await bot.send("c-true", "true")
                assert "answer True saved" in reply.text and "answer A saved" not in reply.text
                return
            reply = await answer(bot, "c-true", bank, reply, right=True)
        await bot.send("c-true", "cancel")
        await bot.send("c-true", "discard")
    raise AssertionError("no true/false question was drawn")


async def test_asking_for_the_policy_itself_shows_it_but_questions_about_it_are_answered(bot):
    kb = bot.services.kb
    for text in ("where can I find the full policy?", "can I read the whole social media policy", "send me a link to the policy",
                 "hi, where's the policy"):
        reply = await bot.send("c-read", text)
        assert kb.by_id["sanctioned.aup_link"].text in reply.text, text
    for text in ("does the policy cover tiktok?", "where does the policy say I can't add parents?"):
        reply = await bot.send("c-read", text)
        assert kb.by_id["sanctioned.aup_link"].text not in reply.text, text
