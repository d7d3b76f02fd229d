"""Free-text questions over the protocol: quoted answers, clarifying questions, choices, misses."""
import json
import sqlite3

from cards.parts import quoted
from tests.support.channel import buttons as card_buttons

FRIEND_RULE = "personal.no_friend_students"


def clause_text(bot, clause_id):
    return bot.services.kb.by_id[clause_id].text


async def test_answer_quotes_the_clause_with_its_section_stance_and_contact(bot):
    reply = await bot.send("c1", "wat do i do if a kid dms me on my own insta")
    clause = bot.services.kb.by_id["personal.report_child_contact"]
    text = reply.text
    assert clause.headline in text
    assert quoted(clause.text) in text
    assert "Personal use of social media" in text
    assert "designated person for Child Protection" in text
    card = reply.activities[-1]
    assert card["summary"].count(clause.text) == 1  # the same content as plain text


async def test_follow_up_button_opens_the_clause_by_id_without_searching(bot):
    reply = await bot.send("c2", "can i add a parent on facebook")
    data = reply.button("Related:")
    assert data["action"] == "qa.clause" and data["clause"] in bot.services.kb.by_id
    # The click carries text that would match something else; the clause id wins.
    opened = await bot.send("c2", "what about photos of children", value=data)
    assert quoted(clause_text(bot, data['clause'])) in opened.text


async def test_feedback_is_stored(bot):
    reply = await bot.send("c3", "can i add a parent on facebook")
    await bot.send("c3", value=reply.button("Not helpful"))
    await bot.send("c3", value=reply.button("Helpful"))
    counts = await bot.services.qa.review.feedback_counts()
    assert [(c.clause_id, c.helpful, c.not_helpful) for c in counts] == [
        ("personal.no_contact_parents_children", 1, 1)]


async def test_missing_fact_asks_one_question_and_a_typed_age_answers_it(bot):
    asked = await bot.send("c4", "can I accept a student's follow request on insta?")
    assert "current student, or an ex-student" in asked.text
    assert quoted(clause_text(bot, FRIEND_RULE)) in asked.text  # the rule is quoted while asking
    answered = await bot.send("c4", "she left last year, she's 17")
    assert "No — not an ex-student under 18" in answered.text


def stored_state(bot) -> str:
    return " ".join(data for (data,) in sqlite3.connect(bot.data_dir / "bot.db").execute("SELECT data FROM bot_state"))


async def test_a_question_waiting_for_a_fact_is_sealed_in_the_conversation_state(bot):
    """As typed, it may name a child: the state holds it encrypted, bound to the person who asked."""
    asked = await bot.send("c4s", "can I accept a follow request on insta from Ellie-Mae, a student of mine?")
    assert "current student, or an ex-student" in asked.text
    stored = stored_state(bot)
    assert "Ellie" not in stored
    waiting = json.dumps(next(json.loads(data)["dialog_state"] for (data,) in sqlite3.connect(bot.data_dir / "bot.db")
                              .execute("SELECT data FROM bot_state WHERE data LIKE '%qa.clarify%'")))
    assert '"sealed": "' in waiting and "a student of mine" not in waiting
    # Someone else in the same conversation can't answer it (their typed answer is a new message).
    other = await bot.send("c4s", "she's 17", user="someone-else")
    assert "not an ex-student under 18" not in other.text
    answered = await bot.send("c4s", "she left last year, she's 17")
    assert "No — not an ex-student under 18" in answered.text


async def test_a_question_that_can_no_longer_be_opened_is_asked_for_again_not_answered_wrongly(bot):
    await bot.send("c4k", "can I accept a student's follow request on insta?")
    bot.services.cipher = type(bot.services.cipher)(bytes(32))  # the key has changed since
    reply = await bot.send("c4k", "she left last year, she's 17")
    assert "I lost your question, sorry. Please ask it again." in reply.text
    again = await bot.send("c4k", "can I accept an ex-pupil's follow request, she's 17?")
    assert "No — not an ex-student under 18" in again.text


async def test_clarifying_button_answers_with_that_fact(bot):
    asked = await bot.send("c5", "can I accept a student's follow request on insta?")
    answered = await bot.send("c5", value=asked.button("18 or over"))
    assert "the rule stops at ex-students under 18" in answered.text
    for advice in ("personal.privacy_settings", "personal.avoid_specific_matters"):
        assert clause_text(bot, advice) in answered.text
    # The dialog has ended: the next message is a fresh question.
    again = await bot.send("c5", "who do i tell if a kid messages me on snapchat")
    assert clause_text(bot, "personal.report_child_contact") in again.text


async def test_a_new_question_instead_of_an_answer_is_answered(bot):
    await bot.send("c6", "can I accept a student's follow request on insta?")
    reply = await bot.send("c6", "can I use my personal phone to ring parents")
    assert clause_text(bot, "personal.no_personal_email_phone") in reply.text


async def test_facts_in_the_question_decide_the_stance(bot):
    cases = {
        "can I accept a follow request from an ex-pupil who is 17 now?": "No — not an ex-student under 18",
        "can I add an ex pupil who is now 19 on facebook?": "the rule stops at ex-students under 18",
        "can I accept a sixth former who is 18 on insta?": "No — not a current student",
        "can I connect on facebook with a parent who is also my friend?": "No — not while you work for the trust",
    }
    for question, headline in cases.items():
        reply = await bot.send(f"c7-{hash(question)}", question)
        assert headline in reply.text, question


async def test_close_candidates_are_offered_with_none_of_these(bot):
    await bot.send("c8", "hello")  # the welcome card (with its own buttons) comes first
    reply = await bot.send("c8", "friend requests")
    choices = card_buttons(reply.activities[-1])  # not the welcome card's menu before it
    titles = [t for t, _ in choices]
    assert 2 <= len(titles) <= 4 and titles[-1] == "None of these"
    picked = await bot.send("c8", value=choices[0][1])
    assert "Policy answer" in picked.text
    await bot.send("c8", value=reply.button("None of these"))
    missed = await bot.services.qa.review.recent_unanswered()
    assert [(m.question, m.reason) for m in missed] == [("friend requests", "none_of_these")]


async def test_out_of_scope_says_the_policy_does_not_cover_it_and_records_the_text_without_user(bot):
    reply = await bot.send("c9", "can I wear jeans on friday", user="person-42")
    assert "doesn't cover that, so I won't guess" in reply.text and "line manager" in reply.text
    assert reply.activities[-1]["entities"] == [
        {"type": "policyAnswer", "stance": "not_covered", "clauses": [], "policyVersion": "1.0"}]
    assert "“" not in reply.text  # no clause is quoted as if it answered
    rows = sqlite3.connect(bot.data_dir / "bot.db").execute("SELECT * FROM unanswered_questions").fetchall()
    assert len(rows) == 1 and "can I wear jeans on friday" in rows[0]
    assert not any("person-42" in str(col) for col in rows[0])


async def test_review_command_is_for_configured_admins_only(make_bot):
    bot = await make_bot({"QA_ADMINS": "Head.Of.Policy@school-a.example.org"}, channel="msteams")
    bot.connector.add_member("29:admin", "Pat Admin", "head.of.policy@school-a.example.org")
    bot.connector.add_member("29:staff", "Sam Staff", "sam@school-a.example.org")
    await bot.send("c10", "is tiktok ok for homework club", user="29:staff")
    refused = await bot.send("c10", "review questions", user="29:staff")
    assert "only the policy reviewers" in refused.text
    shown = await bot.send("c11", "review questions", user="29:admin")
    assert "Q&A review" in shown.text


async def test_stale_or_tampered_buttons_get_a_clear_reply(bot):
    assert "can't find that part" in (await bot.send("c12", value={"action": "qa.clause", "clause": "nope"})).text
    assert "couldn't record" in (await bot.send("c12", value={"action": "qa.feedback", "clause": "x"})).text
    assert "out of date" in (await bot.send("c12", value={"action": "qa.fact", "facts": "x"})).text


async def test_channels_without_cards_get_the_same_content_as_text(make_bot):
    bot = await make_bot(channel="sms")
    reply = await bot.send("c13", "can i add a parent on facebook")
    assert reply.activities[-1].get("attachments") in (None, [])
    assert clause_text(bot, "personal.no_contact_parents_children") in reply.activities[-1]["text"]


async def test_a_partial_answer_gets_one_follow_up_question(bot):
    await bot.send("c14", "can I accept a student's follow request on insta?")
    follow_up = await bot.send("c14", "she left the school last year")
    assert "under 18, or 18 or over" in follow_up.text
    answered = await bot.send("c14", value=follow_up.button("18 or over"))
    assert "the rule stops at ex-students under 18" in answered.text


async def test_out_of_scope_names_who_is_likely_to_know(bot):
    reply = await bot.send("c9b", "who do i send my fit note to, line manager or HR")
    assert "doesn't cover that" in reply.text and "HR (or payroll) should be able to help" in reply.text


async def test_an_answer_declares_its_stance_and_cites_its_clause(bot):
    reply = await bot.send("c9c", "can I email parents from my gmail?")
    card = reply.activities[-1]
    answer, citation = card["entities"]
    assert answer == {"type": "policyAnswer", "stance": "no", "clauses": ["personal.official_email"],
                      "policyVersion": "1.0"}
    assert card_headline(card).startswith("No — ")  # what a person reads says the same
    claim = citation["citation"][0]
    assert citation["type"] == "https://schema.org/Message" and claim["@type"] == "Claim" and claim["position"] == 1
    assert claim["appearance"]["abstract"].startswith("All email communication between staff and members")
    assert len(claim["appearance"]["abstract"]) <= 160 and len(claim["appearance"]["name"]) <= 80


async def test_asked_whether_it_was_wrong_the_card_reads_not_ok_and_still_declares_no(bot):
    reply = await bot.send("c9e", "I emailed a parent from my gmail yesterday. is that a problem?")
    card = reply.activities[-1]
    assert card["entities"][0]["stance"] == "no" and card["entities"][0]["clauses"] == ["personal.official_email"]
    assert card_headline(card).startswith("Not OK — ")  # not "No —", which would read as "no problem"


async def test_a_clarifying_question_declares_the_rule_it_shows(bot):
    """Its headline states the rule before the question ("No — not current students (any age) or
    ex-students under 18"): the card declares that rule's stance and clause, as an answer does."""
    reply = await bot.send("c9f", "can I accept a student's follow request on insta?")
    card = reply.activities[-1]
    answer = card["entities"][0]
    assert answer == {"type": "policyAnswer", "stance": "no", "clauses": ["personal.no_friend_students"],
                      "policyVersion": "1.0"}
    assert card_headline(card).startswith("No — ") and "current student" in reply.text.lower()
    assert card["entities"][1]["citation"][0]["appearance"]["abstract"].startswith("Staff should not accept")


def card_headline(activity: dict) -> str:
    """The first coloured or bold line under the card's title."""
    body = activity["attachments"][0]["content"]["body"]
    return next(b["text"] for b in body[1:] if b.get("type") == "TextBlock" and (b.get("color") or b.get("weight")))


async def test_an_unanswered_question_about_a_child_with_any_sign_of_harm_is_not_kept(bot):
    await bot.send("c9d", "kid threw up in class, who cleans it up")
    await bot.send("c9e", "when is payday this month")
    rows = sqlite3.connect(bot.data_dir / "bot.db").execute("SELECT question FROM unanswered_questions").fetchall()
    assert rows == [("(not kept: the question may describe a concern about a child)",), ("when is payday this month",)]


async def test_an_unanswered_question_is_kept_without_childrens_first_names(bot):
    await bot.send("c9f", "Lily and Oscar from year 2 need a lift to the football match on saturday, who sorts that?")
    rows = sqlite3.connect(bot.data_dir / "bot.db").execute("SELECT question FROM unanswered_questions").fetchall()
    assert rows == [("[name] and [name] from year 2 need a lift to the football match on saturday, who sorts that?",)]


async def test_a_teaching_assistant_saying_ta_here_gets_an_answer_not_youre_welcome(bot):
    reply = await bot.send("c-ta", "TA here - a kid from the secondary academy in our trust wants to follow me on tiktok, "
                                   "does it count?")
    assert "welcome" not in reply.text.lower()
    assert clause_text(bot, FRIEND_RULE)[:60] in reply.text


async def test_a_private_message_to_a_parent_is_not_decided_by_the_rule_about_students(bot):
    reply = await bot.send("c-dm-parent", "can i message a parent privately from the class instagram")
    answer = next(e for a in reply.activities for e in a.get("entities") or [] if e.get("type") == "policyAnswer")
    assert answer["stance"] == "info" and answer["clauses"] == ["sanctioned.no_private_dm"]
    assert "doesn’t decide messages to parents" in reply.text
    reply = await bot.send("c-dm-pupil", "can i dm students from the class account")
    assert "No — no private messages with students" in reply.text
