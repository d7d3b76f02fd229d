"""A message that follows on from the last question is read with it; one that does not is read alone."""
import pytest

from policy_kb.search.followup import joined, leads_on, read

PARENT = "can I accept a friend request from a parent?"


def test_a_changed_fact_is_read_with_the_last_question(matcher):
    reading = read(matcher, "and what if I retire next year?", PARENT)
    assert reading.with_last and reading.last == PARENT
    assert (reading.reply.clause_id, reading.reply.verdict) == ("personal.no_contact_parents_children", "yes")
    assert reading.question == joined(PARENT, "and what if I retire next year?")


def test_the_messages_facts_win_over_the_last_questions(matcher):
    reading = read(matcher, "what if she's left and is 20 now", "can a year 10 follow my tiktok?")
    assert (reading.reply.clause_id, reading.reply.verdict) == ("personal.no_friend_students", "yes")


def test_the_consent_of_a_few_changes_the_answer_about_the_photos(matcher):
    reading = read(matcher, "what if two of them don't have consent",
                   "can we post the netball team's photos on the school instagram?")
    assert reading.with_last and (reading.reply.clause_id, reading.reply.verdict) == ("sanctioned.photo_consent", "no")


def test_consent_taken_back_replaces_consent_from_everyone(matcher):
    """A follow-on that replaces part of the last question's case: the message's fact wins."""
    reading = read(matcher, "one of the dads has just taken his consent back",
                   "every family in my class signed the photo consent, can i put the class photo on the school fb?")
    assert reading.with_last and (reading.reply.clause_id, reading.reply.verdict) == ("sanctioned.photo_consent", "no")


def test_asking_whether_the_answer_still_holds_is_answered_with_the_last_question(matcher):
    """"…does it still count?" asks about the last answer, even when its words alone meet another rule."""
    last = "a dad has put a post on facebook naming a year 9 he says is bullying his son. what should we do?"
    reading = read(matcher, "it's on his own page, not the school's. does that still count?", last)
    assert reading.with_last and reading.last == last
    assert reading.reply.clause_id == "personal.report_inappropriate"  # the answer, or a choice it leads
    alone = matcher.answer("it's on his own page, not the school's. does that still count?")
    assert alone.clause_id != reading.reply.clause_id  # another rule alone, or none


def test_a_fact_told_without_a_question_is_read_with_the_last_question(matcher):
    """A statement after a question adds to its case; alone it would get the rule its words touch."""
    last = "can i moan on my facebook about a parent who shouted at me in the playground?"
    message = "my account is set to private, only about 50 friends see it"
    reading = read(matcher, message, last)
    assert reading.with_last and (reading.reply.clause_id, reading.reply.verdict) == ("personal.avoid_specific_matters", "no")
    assert matcher.answer(message).clause_id != "personal.avoid_specific_matters"


def test_an_age_corrected_in_a_statement_replaces_the_last_one(matcher):
    reading = read(matcher, "sorry, just checked - she's actually 16, she left after year 11",
                   "a former pupil who is 19 now wants to follow me on insta, is that ok?")
    assert reading.with_last and (reading.reply.clause_id, reading.reply.verdict) == ("personal.no_friend_students", "no")


@pytest.mark.parametrize("message", ["and my old facebook i never use, can i leave that public",
                                     "our chair has also asked how the policy ties staff social media use to safeguarding"])
def test_a_question_without_a_question_mark_is_still_a_question(matcher, message):
    """Not a fact told about the last question: it is read alone, as any question of its own."""
    reading = read(matcher, message, "should i make my snapchat private")
    assert not reading.with_last and reading.reply == matcher.answer(message) and reading.reply.kind == "answer"


@pytest.mark.parametrize("last, message, verdict", [
    # alone, the message gets the same rule's answer to half the case; read with the last question, the whole case
    ("can i call a parent back on my own mobile?", "what if she rang my mobile first", "no"),
    ("can i start a tiktok for the music department?", "what if slt said no but my hod is happy for us to", "no"),
    # a question typed without a question mark is the question asked now, not the last one's form
    ("do we need slt to sign off the class blog?", "we made it in september without asking, is that a problem", "no"),
])
def test_the_whole_case_is_answered(matcher, last, message, verdict):
    reading = read(matcher, message, last)
    assert reading.with_last and reading.reply.verdict == verdict


def test_another_platform_carries_the_case_over(matcher):
    reading = read(matcher, "what about instagram", "should my facebook be private?")
    assert reading.with_last and reading.reply.clause_id == "personal.privacy_settings"


def test_a_question_of_its_own_is_read_alone(matcher):
    message = "different question, can I ring parents from my own mobile"
    reading = read(matcher, message, "can I post pupils' photos on the school page?")
    assert not reading.with_last and reading.question == message
    assert reading.reply.clause_id == "personal.no_personal_email_phone"


@pytest.mark.parametrize("message", ["ok and what about my pension?", "also how do i book a supply teacher",
                                     "what about the staff wifi password"])
def test_a_follow_on_the_policy_does_not_cover_is_not_answered_from_the_last_question(matcher, message):
    reading = read(matcher, message, PARENT)
    assert reading.reply.kind == "unknown" and not reading.with_last


def test_a_follow_on_that_changes_nothing_the_policy_decides_does_not_repeat_the_last_answer(matcher):
    reading = read(matcher, "what if we only talk about the football team?", PARENT)
    assert reading.reply.kind == "unknown" and not reading.with_last
    assert reading.unchanged == PARENT  # the reply says it can't tell whether the answer changes


def test_without_a_last_question_the_message_is_read_alone(matcher):
    assert read(matcher, "what about instagram", None) == read(matcher, "what about instagram", "")
    assert not read(matcher, "what about instagram", None).with_last


@pytest.mark.parametrize("message, leads", [("what about linkedin", True), ("ok thanks - even if she's 19?", True),
                                             ("linkedin?", True), ("hang on, same for her mum?", True),
                                             ("who exactly, my head of department or SLT?", True),
                                             ("can I ring parents from my own mobile", False),
                                             ("when is the next inset day", False)])
def test_what_leads_on(message, leads):
    assert leads_on(message) is leads


def test_the_two_read_as_one_question_whose_form_is_the_last_ones():
    assert joined("can I add a parent", "what if I leave?") == "can I add a parent? if I leave?"
    assert joined("can I add a parent?", "and what about my old pupils") == "can I add a parent? and my old pupils"
    assert joined("can I add a parent?", "but what if I leave") == "can I add a parent? but if I leave?"
    assert (joined("is my cake page ok?", "so what's a sanctioned account")
            == "is my cake page ok? so what's a sanctioned account?")


@pytest.mark.parametrize("last, message", [
    ("can i reply to students DMs about homework on the english dept insta",
     "what if i answer in the comments instead so its public"),
    ("can i DM a student from the class insta account to chase their coursework?",
     "what if i just reply to her comment on the post instead?"),
])
def test_a_public_reply_in_place_of_a_private_message_is_allowed(matcher, last, message):
    reply = read(matcher, message, last).reply
    assert (reply.kind, reply.clause_id, reply.verdict) == ("answer", "sanctioned.no_private_dm", "yes")


def test_a_random_source_in_place_of_an_official_one_needs_checking(matcher):
    reply = read(matcher, "what about a random youtuber's video that I haven't watched all the way through?",
                 "I want to share a link to a BBC Bitesize page on our class Twitter. Is that allowed?").reply
    assert reply.clause_id == "sanctioned.external_links" and reply.verdict != "yes"


@pytest.mark.parametrize("last, message, clause_id", [
    ("Our department Instagram is SLT-approved. Can I post memes on it?",
     "what about reposting my holiday pics from my own account onto it?", "sanctioned.professional_content"),
    ("Is it OK to post on Facebook about a really difficult parents' evening, as long as I don't name anyone?",
     "what if I only post it in a private group with teacher friends?", "personal.avoid_specific_matters"),
])
def test_a_follow_on_about_the_same_thing_is_answered_with_the_last_question(matcher, last, message, clause_id):
    """"…onto it", "post it in…": the thing is the last question's, though the message's own words meet another rule."""
    reading = read(matcher, message, last)
    reply = reading.reply
    assert reading.with_last and (reply.kind, reply.clause_id, reply.verdict) == ("answer", clause_id, "no")


@pytest.mark.parametrize("message", ["what if she's actually my mate from uni", "what if he is my cousin"])
def test_a_parent_known_personally_is_still_a_parent(matcher, message):
    """A fact the rule makes no exception for is still a fact about the case: the answer is given again, with why."""
    reading = read(matcher, message, PARENT)
    assert reading.with_last
    assert (reading.reply.clause_id, reading.reply.verdict) == ("personal.no_contact_parents_children", "no")


@pytest.mark.parametrize(("last", "message", "clause_id"), [
    ("does the social media policy apply to support staff or just teachers?", "what about lunchtime supervisors?",
     "intro.applies_all_staff"),
    ("can i text parents from my own phone on the trip?", "and for TAs?", "personal.no_personal_email_phone"),
])
def test_another_kind_of_staff_gets_the_same_answer(matcher, last, message, clause_id):
    reading = read(matcher, message, last)
    assert (reading.reply.kind, reading.reply.clause_id) == ("answer", clause_id)
    assert reading.unchanged is None


def test_volunteers_are_not_said_to_be_staff_so_the_answer_is_not_repeated_for_them(matcher):
    reading = read(matcher, "what about volunteers?", "can i text parents from my own phone on the trip?")
    assert reading.reply.kind != "answer"


@pytest.mark.parametrize(("last", "message", "clause_id"), [
    # whom the last answer's report or approval goes to
    ("a year 9 messaged my personal snapchat, what do i do?", "right, and who do i actually tell?",
     "personal.report_child_contact"),
    ("we'd like a tiktok for the dance department, is that ok?", "ok and who signs that off?",
     "sanctioned.slt_approval"),
    ("a year 8 sent me a message on my own instagram", "i've blocked her now, do i still need to tell someone?",
     "personal.report_child_contact"),
    # the last answer itself
    ("should my instagram privacy settings be on the highest level?", "is that actually compulsory or just advice?",
     "personal.privacy_settings"),
    ("a pupil showed me a group chat where a year 7 is being threatened", "it's 4pm on a friday, can it wait till monday?",
     "personal.report_inappropriate"),
])
def test_who_the_last_answer_goes_to_or_what_it_means_is_answered_with_the_last_question(matcher, last, message, clause_id):
    reading = read(matcher, message, last)
    assert reading.with_last and (reading.reply.kind, reading.reply.clause_id) == ("answer", clause_id)


def test_who_to_ask_about_something_else_is_not_answered_from_the_last_question(matcher):
    reading = read(matcher, "who do i speak to about my parking permit?", PARENT)
    assert reading.reply.kind == "unknown" and not reading.with_last
