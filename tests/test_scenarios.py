"""Guided situations over the protocol: start, answer (typed or clicked), control words, restart."""
from __future__ import annotations

from bot import appkeys
from dialogs.scenario_cards import settled_rule
from tests.policy_kb.test_scenarios import BOOK
from tests.support.kb import shipped_kb

KB = shipped_kb()
REPORT_CHILD_CONTACT = KB.by_id["personal.report_child_contact"].text
NO_FRIEND_STUDENTS = KB.by_id["personal.no_friend_students"].text
WHO = "Who contacted you?"
ACCOUNT = "Which account did they contact you on?"
WORRY = "Does what they sent worry you?"


async def test_help_menu_button_shows_the_picker_and_starts_a_scenario(bot):
    menu = await bot.send("c-menu", "help")
    picker = await bot.send("c-menu", value=menu.button("Walk me through a situation"))
    assert "A student or child contacted me on social media" in picker.text
    assert "There's an inappropriate comment on a trust account" in picker.text
    started = await bot.send("c-menu", value={**picker.button("Start"), "scenario": "friend_request"})
    assert "Who is the request from?" in started.text
    assert NO_FRIEND_STUDENTS in started.text  # the key clause, verbatim, on the first card


async def test_start_without_choosing_asks_again(bot):
    reply = await bot.send("c-nochoice", value={"action": "scenario.start"})
    assert "Please choose a situation first" in reply.text and "Walk me through a situation" in reply.text


async def test_free_text_quotes_the_key_clause_first_and_skips_what_it_already_says(bot):
    first = await bot.send("c-free", "a year 8 kid messaged me on insta, walk me through it")
    assert REPORT_CHILD_CONTACT in first.text
    assert "section: Personal use of social media" in first.text
    assert "A current student" in first.text and WHO not in first.text  # pre-filled, not asked
    assert ACCOUNT in first.text
    second = await bot.send("c-free", "my own account")
    assert "Platform" in second.text and "Instagram" in second.text  # taken from "insta"
    assert WORRY in second.text
    outcome = await bot.send("c-free", "nope")
    assert "Report it to the designated person for Child Protection" in outcome.text
    assert REPORT_CHILD_CONTACT in outcome.text
    assert "Don't delete anything" in outcome.text
    card = outcome.activities[-1]["attachments"][0]["content"]
    assert str(card).count("safeguarding guidance, not a quote from the policy") == 1  # said once, not per step
    assert "The designated person for Child Protection (DSL) at your school" in outcome.text


async def test_a_plain_policy_question_is_not_taken_as_a_situation(bot):
    reply = await bot.send("c-plain", "can I accept a friend request from an ex-pupil who is 19?")
    assert "Who is the request from?" not in reply.text and "friend or follow request" not in reply.text
    reply = await bot.send("c-plain", "what does the policy say about photos?")
    assert "What are you posting?" not in reply.text


async def test_a_question_the_policy_answers_with_another_clause_is_not_hijacked(bot):
    # "follow" and "students" look like a friend request, but pupils follow others for their coursework.
    reply = await bot.send("c-legit", "Our sixth form politics students want to follow MPs on Twitter for coursework. "
                                      "Is this legitimate use?")
    assert "Who is the request from?" not in reply.text and "Answer with a button or by typing" not in reply.text
    assert KB.by_id["sanctioned.legitimate_uses"].text[:60] in reply.text
    reply = await bot.send("c-dm", "A student messaged the drama department's Instagram privately asking about "
                                   "audition times. Can I just reply to her in the DMs from the department account?")
    assert WHO not in reply.text
    assert KB.by_id["sanctioned.no_private_dm"].text in reply.text


async def test_a_situation_told_before_a_question_on_another_subject_is_not_walked_through(bot):
    # the situation is background: the question asked is about pay, which the policy does not cover
    reply = await bot.send("c-aside", "a parent sent me a friend request on facebook last night and i ignored it. "
                                      "separately, who do i ask about getting my pension statement sent to my new address?")
    assert "doesn't cover that" in reply.text and "HR (or payroll) should be able to help" in reply.text
    assert "Answer with a button or by typing" not in reply.text
    assert reply.activities[-1]["entities"][0]["stance"] == "not_covered"
    # the same situation, with a question about it, is still answered (and can be walked through)
    reply = await bot.send("c-aside2", "a parent sent me a friend request on facebook last night and i ignored it. "
                                       "do i need to do anything else?")
    assert "doesn't cover that" not in reply.text


async def test_a_situation_whose_question_every_rule_rules_out_is_not_walked_through(bot):
    # a post on the school page, but the question is how to work the scheduling tool: IT's, not the policy's
    reply = await bot.send("c-tool", "we're told to schedule posts on the school facebook page for the holidays and i'm the "
                                     "admin but i can't find the option. how do i schedule a post in meta business suite?")
    assert "What are you posting?" not in reply.text and "doesn't cover that" in reply.text
    assert reply.activities[-1]["entities"][0]["stance"] == "not_covered"
    reply = await bot.send("c-tool2", "we took photos at sports day and want to put them on the school facebook")
    assert "doesn't cover that" not in reply.text  # the same words, asking what the policy says: still answered


async def test_a_described_situation_is_answered_and_can_be_walked_through(bot):
    # The policy decides it from what the message says: the answer comes first, and the walk-through is a
    # button away (with what the message said already filled in); asking for a walk-through starts it.
    reply = await bot.send("c-keep", "A student messaged me on my personal LinkedIn asking for careers advice - "
                                     "does it still need reporting?")
    assert "Report it to the designated person for Child Protection" in reply.text and REPORT_CHILD_CONTACT in reply.text
    walk = await bot.send("c-keep", value=reply.button("Walk me through it"))
    assert "Which platform was it on?" in walk.text  # who and which account were in the message
    reply = await bot.send("c-walk", "Someone posted a racist reply under the school's Instagram post. "
                                     "Walk me through what I have to do.")
    assert "Answer with a button or by typing" in reply.text  # a walk-through step, not a Q&A answer
    # every ending of this situation says remove it and report it: the first step says so too, and declares it
    assert "Remove it now and report it to SLT, whatever the answers below." in reply.text
    assert reply.activities[-1]["entities"] == [{"type": "policyAnswer", "stance": "report", "policyVersion": "1.0",
                                                "clauses": ["sanctioned.remove_inappropriate_comments"]}]
    assert settled_rule(KB, BOOK.get("friend_request")) is None  # its endings differ: no rule before the answers


async def test_typed_answers_and_ages(bot):
    await bot.send("c-age", "scenario 2")
    asked = await bot.send("c-age", "an ex-pupil")
    assert "How old are they now?" in asked.text
    outcome = await bot.send("c-age", "17")
    assert "No — don't accept the request" in outcome.text and NO_FRIEND_STUDENTS in outcome.text
    await bot.send("c-age2", "situations friend request")
    await bot.send("c-age2", "a former student")
    outcome = await bot.send("c-age2", "she's 19")
    assert "Yes — the rule stops at ex-students under 18" in outcome.text
    assert KB.by_id["personal.privacy_settings"].text in outcome.text


async def test_a_bad_answer_re_asks_and_shows_the_options(bot):
    await bot.send("c-bad", "scenario 1")
    reply = await bot.send("c-bad", "banana")
    assert "Sorry, I didn't understand that" in reply.text
    assert WHO in reply.text
    # long labels are a list to pick from (a button would cut them off on a phone), then Next
    assert [title for title, _ in reply.buttons] == ["Next"]
    for label in ("A current student", "Another child or young person (under 18)",
                  "A former student who is now 18 or over"):
        assert label in reply.text


async def test_clicks_carry_the_node_and_choice_and_a_stale_click_is_not_misread(bot):
    first = await bot.send("c-click", "scenario 1")
    stale = {**first.button("Next"), "choice": "current_student"}  # the list's choice comes with the click
    second = await bot.send("c-click", value=stale)
    assert ACCOUNT in second.text
    again = await bot.send("c-click", value={**stale, "choice": "other_child"})
    assert "That button belongs to an earlier question" in again.text and ACCOUNT in again.text
    third = await bot.send("c-click", value={**second.button("Next"), "choice": "personal"})
    assert "Which platform was it on?" in third.text
    fourth = await bot.send("c-click", value={**third.button("Next"), "choice": "tiktok"})
    assert WORRY in fourth.text


async def test_back_goes_to_the_previous_question_each_time(bot):
    await bot.send("c-back", "scenario 1")
    await bot.send("c-back", "a current student")
    await bot.send("c-back", "personal")
    reply = await bot.send("c-back", "back")
    assert "Which platform was it on?" not in reply.text and ACCOUNT in reply.text
    reply = await bot.send("c-back", "go back")
    assert WHO in reply.text
    reply = await bot.send("c-back", "back")
    assert "This is the first question" in reply.text and WHO in reply.text
    reply = await bot.send("c-back", "another child")
    assert ACCOUNT in reply.text


async def test_start_over_help_and_cancel(bot):
    await bot.send("c-ctl", "scenario 1")
    await bot.send("c-ctl", "a current student")
    helped = await bot.send("c-ctl", "help")
    assert "We're walking through: A student or child contacted me on social media" in helped.text
    assert "start over" in helped.text and ACCOUNT in helped.text
    restarted = await bot.send("c-ctl", "start over")
    assert "Starting again" in restarted.text and WHO in restarted.text
    cancelled = await bot.send("c-ctl", "cancel")
    assert "Cancelled" in cancelled.text
    after = await bot.send("c-ctl", "a current student")
    assert ACCOUNT not in after.text  # the walk is over; the answer is not taken as one


async def test_restart_the_app_in_the_middle_of_a_multi_turn_exchange_and_it_carries_on(bot):
    await bot.send("c-restart", "a year 8 kid messaged me on insta, walk me through it")
    await bot.restart()
    reply = await bot.send("c-restart", "my own account")
    assert WORRY in reply.text and "Instagram" in reply.text
    await bot.restart()
    outcome = await bot.send("c-restart", "yes")
    assert "Report it to the designated person for Child Protection now" in outcome.text


async def test_outcome_offers_report_this_now_with_the_answers_when_reporting_exists(bot):
    await bot.send("c-report", "a year 8 kid messaged me on insta, walk me through it")
    await bot.send("c-report", "my own account")
    outcome = await bot.send("c-report", "I'm not sure")
    data = outcome.button("Report this now")
    assert data["prefill"] == {
        "scenario": "child_contact", "platform": "Instagram", "account_type": "personal",
        "initiated_by": "child", "concern_about": "child", "content_worry": "unsure",
        "summary": "A student or child contacted me on social media. Who: A current student; Account: My personal "
                   "account; Platform: Instagram; Content worries me: I'm not sure."}
    reply = await bot.send("c-report", value=data)  # the report intake opens with those answers
    assert "From what you told me already" in reply.text and "Instagram" in reply.text
    assert "First: is a child in immediate danger right now?" in reply.text


async def test_outcome_still_renders_without_the_report_feature(bot):
    bot.app[appkeys.REGISTRY].actions.pop("report.start")  # as if reporting were not installed
    await bot.send("c-noreport", "scenario 3")
    for answer in ("on my personal account", "whatsapp", "an adult", "no"):
        reply = await bot.send("c-noreport", answer)
    assert "Report it to the designated person for Child Protection now" in reply.text
    assert KB.by_id["personal.report_inappropriate"].text in reply.text
    assert all("Report this now" not in title for title, _ in reply.buttons)


async def test_change_my_last_answer_is_offered_only_once_the_person_answered_something(bot):
    answer = await bot.send("c-nochange", "mum from my class added me on fb")
    assert "No — not while you work for the trust" in answer.text  # the Q&A decides it from the message
    outcome = await bot.send("c-nochange", value=answer.button("Walk me through it"))
    assert "No — not while you work for the trust" in outcome.text  # everything was in the message
    assert NO_FRIEND_STUDENTS in outcome.text  # the key clause is still quoted on this first card
    titles = [title for title, _ in outcome.buttons]
    assert "Change my last answer" not in titles and "Start this again" in titles


async def test_change_my_last_answer_reopens_the_last_question(bot):
    await bot.send("c-change", "scenario 2")
    outcome = await bot.send("c-change", value={"scenario": "friend_request", "node": "requester",
                                                 "choice": "parent"})
    assert "No — not while you work for the trust" in outcome.text
    reopen = outcome.button("Change my last answer")
    assert reopen["path"] == [["requester", "parent"]]
    reply = await bot.send("c-change", value=reopen)
    assert "Who is the request from?" in reply.text
    reply = await bot.send("c-change", "someone else")
    assert "Yes — the policy has no rule against this" in reply.text
    forged = await bot.send("c-change", value={**reopen, "path": [["nowhere", "x"], ["requester", "parent"]]})
    assert "out of date" in forged.text


async def test_a_walk_whose_scenario_changed_since_it_began_stops_politely(bot):
    from dialogs.scenario import DIALOG_ID
    from policy_kb.scenarios import ScenarioBook

    await bot.send("c-changed", "scenario 1")
    dialog = next(d for d in bot.app[appkeys.REGISTRY].dialogs if d.id == DIALOG_ID)
    dialog.flow.book = ScenarioBook(())  # as if a deploy had removed the scenario
    reply = await bot.send("c-changed", "a current student")
    assert "has changed since you started" in reply.text
    after = await bot.send("c-changed", "a current student")
    assert "has changed since you started" not in after.text  # the walk is over, not stuck


async def test_back_and_start_over_also_work_after_a_restart(bot):
    await bot.send("c-rback", "scenario 1")
    await bot.send("c-rback", "a current student")
    await bot.restart()
    reply = await bot.send("c-rback", "back")
    assert WHO in reply.text
    await bot.restart()
    reply = await bot.send("c-rback", "start over")
    assert WHO in reply.text and "Starting again" in reply.text


async def test_a_new_question_typed_instead_of_an_answer_is_answered_and_the_walk_can_carry_on(bot):
    await bot.send("c-newq", "scenario 4")
    reply = await bot.send("c-newq", "can I accept a follow request from an ex-pupil who is 17 now?")
    assert NO_FRIEND_STUDENTS in reply.text  # the Q&A answered it
    assert "You were in the middle of the walk-through" in reply.text and reply.button("Carry on")
    assert "How are you thinking of contacting them" not in reply.text
    back = await bot.send("c-newq", value=reply.button("Carry on"))
    assert "How are you thinking of contacting them" in back.text  # the same question, where it was
    typed = await bot.send("c-newq", "can I accept a follow request from an ex-pupil who is 17 now?")
    again = await bot.send("c-newq", "carry on")
    assert "Carry on" in typed.text and "How are you thinking of contacting them" in again.text
    reply = await bot.send("c-newq", "a year 8 kid messaged me on insta")  # a new situation: answered first
    assert "Report it to the designated person for Child Protection" in reply.text
    walk = await bot.send("c-newq", value=reply.button("Walk me through it"))
    assert ACCOUNT in walk.text


async def test_a_short_unclear_answer_is_re_asked_not_rerouted(bot):
    await bot.send("c-short", "scenario 4")
    reply = await bot.send("c-short", "carrier pigeon")
    assert "Sorry, I didn't understand that" in reply.text and "left the walk-through" not in reply.text


async def test_a_walk_survives_a_restart_on_postgresql_too(make_bot, postgres_url):
    bot = await make_bot({"DATABASE_URL": postgres_url})
    await bot.send("c-pg-walk", "an ex-pupil added me on insta")
    await bot.restart()
    reply = await bot.send("c-pg-walk", "17")
    assert "No — don't accept the request" in reply.text


async def test_an_age_in_the_message_is_not_asked_again(bot):
    outcome = await bot.send("c-19", "an ex pupil added me on facebook, shes 19 now")
    assert "How old are they now?" not in outcome.text
    assert "the rule stops at ex-students under 18" in outcome.text
