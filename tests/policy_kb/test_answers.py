"""Fact-dependent answers, clarifying questions, choices and "I don't know"."""
from __future__ import annotations

import dataclasses

import pytest

from policy_kb.model import says
from policy_kb.relevance import normalise
from policy_kb.search import Matcher, classify_intent, extract_facts, parse_fact_answer, role
from policy_kb.search.clustering import low_score_variation
from policy_kb.search.reply import Candidate

ADVICE = {"personal.privacy_settings", "personal.avoid_specific_matters", "personal.consider_reputation"}


def test_ex_pupil_aged_17_is_no(matcher):
    reply = matcher.answer("an ex-pupil added me on instagram, she's 17 now")
    assert reply.kind == "answer"
    assert reply.clause_id == "personal.no_friend_students"
    assert reply.verdict == "no"
    assert "17" in reply.note and "under 18" in reply.note


def test_ex_pupil_aged_19_is_not_forbidden_but_advice_applies(matcher):
    reply = matcher.answer("can I accept a friend request from an ex-pupil, now 19?")
    assert reply.kind == "answer"
    assert reply.clause_id == "personal.no_friend_students"
    assert reply.verdict == "yes"
    assert "does not stop it" in reply.note
    assert set(reply.also) == ADVICE


def test_sixth_former_aged_18_is_no(matcher):
    reply = matcher.answer("a sixth former who is 18 wants to follow me on tiktok")
    assert reply.kind == "answer"
    assert reply.clause_id == "personal.no_friend_students"
    assert reply.verdict == "no"
    assert "any age" in reply.note


def test_parent_who_is_a_friend_is_no(matcher):
    reply = matcher.answer("can I stay friends on facebook with a parent who is also my friend?")
    assert reply.kind == "answer"
    assert reply.clause_id == "personal.no_contact_parents_children"
    assert reply.verdict == "no"
    assert "while you work for the trust" in reply.headline


def test_unspecified_student_asks_current_or_ex(matcher):
    reply = matcher.answer("a student added me on snap")
    assert reply.kind == "clarify"
    assert reply.clause_id == "personal.no_friend_students"
    facts = [dict(o.facts) for o in reply.clarification.options]
    assert {"relation": "current_student"} in facts
    assert {"relation": "ex_student", "under_18": True} in facts


def test_ex_pupil_without_age_asks_age(matcher):
    reply = matcher.answer("an ex-pupil added me on facebook")
    assert reply.kind == "clarify"
    assert reply.clarification.asks == ("under_18",)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("17", {"age": 17, "under_18": True}),
        ("she's 19", {"age": 19, "under_18": False}),
        ("ex student", {"relation": "ex_student"}),
        ("she left last year", {"relation": "ex_student"}),
        ("current", {"relation": "current_student"}),
        ("1", {"relation": "current_student"}),
        ("Ex-student, 18 or over", {"relation": "ex_student", "under_18": False}),
    ],
)
def test_typed_answers_parse(matcher, typed, expected):
    clarification = matcher.answer("a student added me on snap").clarification
    facts = parse_fact_answer(clarification, typed)
    assert facts is not None
    assert expected.items() <= facts.items()


def test_unparseable_answer_gives_none(matcher):
    clarification = matcher.answer("a student added me on snap").clarification
    assert parse_fact_answer(clarification, "banana bread") is None


def test_clarified_facts_resolve_the_answer(matcher):
    question = "a student added me on snap"
    clarification = matcher.answer(question).clarification
    reply = matcher.answer(question, parse_fact_answer(clarification, "ex student, 20"))
    assert reply.kind == "answer" and reply.verdict == "yes"
    reply = matcher.answer(question, parse_fact_answer(clarification, "1"))
    assert reply.kind == "answer" and reply.verdict == "no"


@pytest.mark.parametrize(
    "question",
    [
        "what's the wifi password",
        "can I wear jeans on Friday",
        "when is half term",
        "how do i book annual leave",
        "what is the sick leave policy",
        "where do i get a parking permit",
        "what time does school start",
        "tell me a joke",
        "how do i claim travel expenses",
        "what's the capital of france",
        "how do I post a letter",
        "can I use my phone in class",
        "can i post on the staff noticeboard",
        "how do I add a printer",
        "can I email the exam board",
        "where do I find the safeguarding policy",
        "what's the uniform policy for pupils",
        "my laptop wont connect to the wifi",
        "how do i report a pupil absence",
        # words that pull towards a clause, about something else: families' own filming, passwords and
        # booking systems, what pupils sign, exam boards' rules
        "can the grandparents video the nativity on their phones and share it",
        "who resets the password for the school instagram now the office manager has left",
        "how do i set up my slots for online parents evening on schoolcloud",
        "is there an online safety agreement pupils sign about how they behave on social media",
        "does the exam board allow students to use tiktok videos in their media coursework",
        # where a form is kept, exam access arrangements, private tutoring, Teams and Outlook settings
        "where are the photo permission slips for year 2 kept, the office doesn't know",
        "who signs off extra time for a pupil in the year 11 mocks",
        "do i need to tell hr if i do private tutoring for a family from another school",
        "how do i turn on the automatic reply on my school outlook",
        "can i change my profile picture on teams to one of my dog",
        "the trust website still shows the old term dates, who updates it",
        "a year 9 uploaded her homework to teams three days late, do i still accept it",
        # a parent filming a school event, someone outside the school communities asking for an email
        "a dad wants to film the whole christmas play and put it on his facebook, can we stop him",
        "can parents post photos of the nativity on facebook",
        "can parents post their own photos from the school trip in the class whatsapp",
        # someone asking whether the school has an account is a question for the office
        "a parent asked if the school has a facebook page",
        "parent wants to know if we have a school twitter",
        "my supply agency wants my personal email for the timesheets, is that ok",
        # facts about the trust's accounts, and the policy's own upkeep
        "how many followers does the school's main instagram have and who runs it?",
        "how often is the social media policy reviewed and who signs off changes?",
        # adding names or a caption is not adding a person as a friend
        "if all the parents signed the form can i add names then",
        # paper invitations are not an invite on social media
        "can i use the school laminator for my daughter's party invites",
        # who owns what a teacher makes; pupils' own email accounts
        "who owns the copyright on the revision booklets i make at home on my own canva account?",
        "from what year do pupils get their own school email address?",
        # gifts from families, a certificate sent home by post, a new starter's email account and login
        "a mum gave me a box of chocolates at the end of term, can i accept gifts from parents?",
        "can i post a certificate home to a pupil's address and who pays the postage?",
        "how do i get the new TA a school email account and login before monday?",
        # a parent asking for copies of the emails about her child: a subject access request
        "a dad wants copies of every email we've sent about his son, who handles subject access requests?",
        # pupils' own coursework using others' material; where the trust advertises its jobs
        "can my yr 13 media students use copyrighted pop songs in their coursework videos",
        "where does the trust advertise vacancies - LinkedIn, TES or just the website? my friend wants to apply for the IT job",
        # whether an attachment from an unknown address is safe to open: email security
        "is it safe to open an email attachment from an unknown parent address? how do I check it",
        # a new member of staff's own access to the trust's Slack: not a student adding them
        "who can I ask to add me to the trust's Slack workspace? just started at the sixth form college",
        # where they heard it is not what they ask: a price, a discount, a lunchbox rule
        "what time does the summer fair start? a mum on the class whatsapp says 2pm",
        "is the school shut on friday for the strike? i saw it posted on the trust facebook",
        "what's the policy on nut bars in lunchboxes? a dad went off about it on the school instagram",
        # mocks are exams, not mocking; how soon to reply; a budget; a staff-only channel on Teams
        "y10 mocks start monday, can they bring their phones in for the calculator app?",
        "do i have to answer parents' emails to my school account within 48 hours?",
        "the media club wants a podcast, how much can we spend on microphones from the dept budget",
        "can i set up a staff running club channel on teams",
        "can i email a colleague from my yahoo to invite her to my leaving do",
        # the trust's own staff systems on a phone are IT and HR, not contact with families
        "do we have to install the staff absence app on our personal mobiles to clock in?",
        # a clip for a teaching group is not contact with parents
        "can i show my year 8 reading group a pg clip off youtube or do parents need to agree first",
        # medicines on a trip, paid coaching outside school, a staff email account or Teams channel: first aid, HR and IT
        "can i give a yr 4 calpol on the trip if his mum rings the office to say it's fine",
        "is it ok to do paid private football coaching for kids from our school on sundays",
        "how do i get my school email on my ipad at home",
        "do cover supervisors get a school email account, who sets that up?",
        "can you set up a teams channel for the science department?",
        # pupils' own phones on a trip: the trip leader's and the behaviour policy's
        "on the residential can the kids use their phones to ring home at night?",
        "",
        "???",
    ],
)
def test_out_of_scope_is_unknown(matcher, question):
    reply = matcher.answer(question)
    assert reply.kind == "unknown"
    assert reply.clause_id is None


@pytest.mark.parametrize(("question", "clause"), [
    # the medicines and pupils' own phones lines above once made "not covered" of any question naming them
    ("a parent asked me on facebook about her son's medication, can i reply?", "personal.no_contact_parents_children"),
    ("pupils use their phones to follow my tiktok, is that ok?", "personal.no_friend_students"),
])
def test_a_medicine_or_pupils_phones_asked_about_on_social_media_is_still_the_contact_rules(matcher, question, clause):
    reply = matcher.answer(question)
    assert (reply.clause_id, reply.verdict) == (clause, "no"), question


def test_a_school_email_given_to_write_to_families_is_still_the_policys(matcher):  # a guard for the IT questions above
    reply = matcher.answer("i've been given a school email address, can i use it to email my tutor group's parents?")
    assert reply.clause_id == "personal.official_email" and reply.verdict == "yes"


def test_a_video_of_staff_shared_on_the_schools_page_is_not_a_link_to_another_site(matcher):
    reply = matcher.answer("on the school's facebook page can we share a video of the teachers doing the panto?")
    assert "sanctioned.external_links" not in (reply.clause_id, *reply.choices)


def test_photo_consent_typed_as_a_search_is_the_consent_rule(matcher):
    reply = matcher.answer("photo consent for the school insta")
    assert (reply.kind, reply.clause_id) == ("answer", "sanctioned.photo_consent")


def test_linking_an_account_to_the_aup_is_the_aup_rule_not_a_link_to_another_site(matcher):
    reply = matcher.answer("should heads of department make sure each subject account links to the AUP?")
    assert (reply.kind, reply.clause_id) == ("answer", "sanctioned.aup_link")


def test_answer_carries_ranked_candidates(matcher):
    reply = matcher.answer("can i email parents from my gmail")
    assert reply.kind == "answer"
    assert reply.clause_id == "personal.official_email"
    scores = [c.score for c in reply.candidates]
    assert scores == sorted(scores, reverse=True) and 0 < scores[0] <= 100


class _FixedRanking(Matcher):
    """A matcher whose ranking is given, to test the decision between answer / choose / unknown."""

    def __init__(self, kb, ranking):
        super().__init__(kb, opinion=None)
        self._ranking = tuple(Candidate(cid, score) for cid, score in ranking)

    def _rank(self, text, facts, second):
        return self._ranking


def test_close_candidates_offer_a_choice(kb):
    close = _FixedRanking(kb, [("sanctioned.external_links", 52.0), ("sanctioned.photo_consent", 49.0), ("scope.types", 20.0)])
    reply = close.answer("links and photos on the school page")
    assert reply.kind == "choose"
    assert reply.choices == ("sanctioned.external_links", "sanctioned.photo_consent")


def test_clear_winner_is_answered(kb):
    clear = _FixedRanking(kb, [("sanctioned.external_links", 70.0), ("sanctioned.photo_consent", 40.0)])
    assert clear.answer("links on the school page").kind == "answer"


def test_low_score_is_unknown(kb):
    weak = _FixedRanking(kb, [("sanctioned.external_links", 9.0), ("sanctioned.photo_consent", 8.0)])
    assert weak.answer("links").kind == "unknown"


def test_clustering_follows_qna_maker_rule():
    cands = [Candidate("a", 60.0), Candidate("b", 56.0), Candidate("c", 50.0), Candidate("d", 49.0)]
    assert [c.clause_id for c in low_score_variation(cands)] == ["a", "b"]
    assert len(low_score_variation([Candidate("a", 96.0), Candidate("b", 95.5)])) == 1
    assert len(low_score_variation([Candidate("a", 15.0), Candidate("b", 14.0)])) == 1


def test_report_clause_names_the_dsl(matcher, kb):
    reply = matcher.answer("a year 9 messaged me on my personal instagram")
    assert reply.clause_id == "personal.report_child_contact"
    assert reply.stance == "report"
    assert kb.by_id[reply.clause_id].contacts == ("dsl",)


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("ex pupil, she's 17 now", {"relation": "ex_student", "age": 17, "under_18": True}),
        ("19 yo former student", {"relation": "ex_student", "age": 19, "under_18": False}),
        ("a year 13 wants to add me", {"relation": "current_student"}),
        ("a parent who is also my friend", {"relation": "parent"}),
        ("one of the yr 10 dads sent me a linkedin request", {"relation": "parent"}),
        ("one of our year 6 mums added me", {"relation": "parent"}),
        ("left yr 13 two years ago, hes 20, linkedin?", {"relation": "ex_student", "age": 20, "under_18": False}),
        ("my colleague added me", {"relation": "colleague"}),
        # a member of staff named by the year group they teach is not a pupil of that year
        ("the yr 8 form tutor sent me a friend request", {"relation": "colleague"}),
        ("the teacher of our new year 7s wants to follow my insta", {"relation": "colleague"}),
        ("a year 9 added me on snap and her head of year says ignore it", {"relation": "current_student"}),
        ("my year 8 tutor group keep asking to follow my insta", {"relation": "current_student"}),
        ("can I ring them from my own phone", {"personal_phone": True}),
        ("linkedin connect ex student 22 at uni", {"relation": "ex_student", "age": 22, "under_18": False}),
        ("ex pupil 16 snap", {"relation": "ex_student", "age": 16, "under_18": True}),
        ("ex-students, most of them are in their twenties now", {"relation": "ex_student", "under_18": False}),
        ("sorry, she's actually 17", {"age": 17, "under_18": True}),
        ("we ring families from our own phones", {"personal_phone": True}),
        ("her kids go to a primary in a completely different trust", {"outside_trust": True}),
        ("her daughter went to a secondary outside the trust, no siblings still here", {"outside_trust": True}),
        ("are we ok to stay friends now she's not a parent here any more?", {"outside_trust": True}),
        # a son who left the sixth form, and no other children at the school: a parent no longer
        ("her son left our sixth form in 2023 and there are no other kids at the school", {"outside_trust": True}),
        ("he left the 6th form three years ago, he's 21", {"relation": "ex_student", "age": 21, "under_18": False}),
        ("his little sister moved to a primary in town, so no other kids with us now", {"outside_trust": True}),
        # a primary pupil named by year group is a pupil now; a parent of that year group is still a parent
        ("a year 3 keeps messaging me on roblox", {"relation": "current_student"}),
        ("yr 6 boy sent me a snap", {"relation": "current_student"}),
        ("a dad from year 4 wants to connect on linkedin", {"relation": "parent"}),
        # an approved group is the school's, not a personal account
        ("the choir has an approved closed facebook group", {"trust_account": True}),
    ],
)
def test_fact_extraction(text, facts):
    assert facts.items() <= extract_facts(text).items()


def test_year_group_is_not_an_age():
    assert "age" not in extract_facts("a year 10 pupil messaged me")
    assert "age" not in extract_facts("a student 10 minutes ago messaged me")
    assert "age" not in extract_facts("a pupil 5 times asked to follow me")


@pytest.mark.parametrize("text", ["my old student turns 18 next month and wants to follow me",
                                  "ex pupil, nearly 18, added me on snap", "she'll be 18 in june, can i accept now"])
def test_an_age_not_reached_yet_is_under_it(text):
    assert extract_facts(text)["under_18"] is True


def test_asking_about_once_the_age_is_reached_takes_that_age():
    assert extract_facts("ex pupil turns 18 next week, can i accept her once she has?")["under_18"] is False
    assert extract_facts("ex pupil turns 18 on friday, is it ok to add her after her birthday")["under_18"] is False


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("hi", "greeting"),
        ("thanks!", "thanks"),
        ("who are you", "about_bot"),
        ("help", "help"),
        ("I want to report a concern", "report_concern"),
        ("take the quiz", "quiz"),
        ("a student messaged me, what now?", "situation"),
        ("can I add a parent on facebook", "question"),
    ],
)
def test_classify_intent(text, label):
    assert classify_intent(text).label == label


@pytest.mark.parametrize(("text", "thanks"), [
    ("thanks!", True), ("Thank you so much", True), ("cheers, that helped", True), ("ta", True), ("Ta very much", True),
    # a teaching assistant, and a thank-you that asks more, are questions
    ("TA here. a boy in my class found my facebook and sent me a photo", False),
    ("ta at one of the primaries, a kid wants to follow me", False),
    ("thanks, can i also post the photos", False), ("thanks but what about parents?", False),
])
def test_only_a_thank_you_is_small_talk(text, thanks):
    from bot.features.welcome import small_talk_reply
    assert (classify_intent(text).label == "thanks") is thanks
    assert (small_talk_reply(text) is not None) is thanks


@pytest.mark.parametrize("question", ["my colleague added me on facebook", "the year 4 class teacher added me on facebook, ok?"])
def test_colleague_is_not_forbidden_but_advice_applies(matcher, question):
    reply = matcher.answer(question)
    assert reply.kind == "answer"
    assert "colleagues" in reply.headline
    assert "no rule against connecting with colleagues" in reply.note
    assert "personal.consider_reputation" in reply.also


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("former pupil, 17, wants to add me", {"relation": "ex_student", "age": 17}),
        ("she's 17 now and left, she followed me", {"relation": "ex_student", "age": 17}),
        ("the mess the year 8s left in my classroom", {"relation": "current_student"}),
        ("we can't be friends with ANY ex-pupils ever, even grown adults", {"relation": "ex_student", "under_18": False}),
        ("can i follow ex pupils if they're adults now", {"relation": "ex_student", "under_18": False}),
        ("what if its the kid messaging me on snapchat not the mum", {"relation": "student_unspecified"}),
        ("can I be friends with colleagues? the policy only seems to mention parents and children", {"relation": "colleague"}),
    ],
)
def test_more_fact_phrasings(text, facts):
    assert facts.items() <= extract_facts(text).items()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("can i add a parent on facebook", "no"),
        ("a year 9 messaged me on my personal instagram", "report"),
        ("what are the aims of the policy", "info"),
        ("can I ring a parent from my own mobile", "conditional"),
        ("can I email parents from my gmail", "no"),
        ("which email should the class account be registered with", "info"),
    ],
)
def test_verdict_follows_stance_and_question_form(matcher, question, expected):
    assert matcher.answer(question).verdict == expected


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("who is the DSL?", "DSL"),
        ("what does AUP stand for", "AUP"),
        ("whats cmat its", "CMAT ITS"),
        ("what is a trust-sanctioned account", "Trust-sanctioned account"),
        ("can i add a parent on facebook", None),
    ],
)
def test_define_from_glossary(kb, question, term):
    from policy_kb.search import define

    entry = define(kb, question)
    assert (entry.term if entry else None) == term


def test_a_definition_question_gets_the_glossary_with_its_clause(matcher):
    # the glossary was never asked: "what's a DSL" got "the social media policy doesn't cover that", and
    # "what's the AUP" the AUP-link rule's "Only with a link…"
    reply = matcher.answer("what's a DSL")
    assert (reply.kind, reply.clause_id, reply.verdict) == ("answer", "personal.report_child_contact", "info")
    assert reply.headline.startswith("The designated person for Child Protection")
    reply = matcher.answer("what's the AUP")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.aup_link", "info") and "Acceptable Use Policy" in reply.headline


def test_age_fact_alone_decides_the_age_band(matcher):
    reply = matcher.answer("an ex-pupil added me on facebook", {"age": 19})
    assert reply.kind == "answer" and reply.verdict == "yes"
    reply = matcher.answer("an ex-pupil added me on facebook", {"age": 16})
    assert reply.kind == "answer" and reply.verdict == "no"


# Who is doing what to whom: the friend/follower and reporting rules are about someone connecting with,
# or contacting, the staff member; pupils following or contacting others for their learning is a curriculum use.
def test_pupils_following_others_for_learning_is_not_a_friend_request(matcher):
    reply = matcher.answer("Can my Year 10s follow a few marine biologists on Instagram for their GCSE project?")
    assert reply.candidates[0].clause_id == "sanctioned.legitimate_uses"
    assert reply.verdict != "no"


def test_a_follow_request_to_me_is_the_friend_rule_not_a_message_to_report(matcher):
    reply = matcher.answer("A Year 8 sent me a follow request on my private TikTok, am I ok to accept it?")
    assert reply.clause_id == "personal.no_friend_students"
    assert reply.verdict == "no"


def test_a_fact_rule_that_conflicts_with_the_learning_frame_offers_a_choice(kb):
    # Even when the ranking puts the friend rule well ahead, "pupils follow authors for a project" must not get
    # a confident "No — not a current student".
    ranked = _FixedRanking(kb, [("personal.no_friend_students", 60.0), ("sanctioned.legitimate_uses", 30.0)])
    reply = ranked.answer("My Year 9s want to follow some authors on Twitter for their reading project. Is that OK?")
    assert reply.kind == "choose"
    assert reply.choices[:2] == ("personal.no_friend_students", "sanctioned.legitimate_uses")
    plain = ranked.answer("A Year 9 wants to follow me on Twitter. Is that OK?")
    assert plain.kind == "answer" and plain.verdict == "no"


def test_definition_of_the_trust_names(matcher):
    assert matcher.rank("Which short forms does the document use when it refers to the trust? Is MAT one of them?")[
        0].clause_id == "defs.names"
    assert matcher.rank("What does ITS stand for?")[0].clause_id == "defs.its"


def test_an_apprentice_is_a_learner_but_an_apprenticeship_is_not(kb):
    """A firm's message about apprenticeships is not a child's message; an apprentice's can be."""
    rule = kb.by_id["personal.report_child_contact"].requires
    assert not rule.met("a firm messaged me on insta about our apprenticeships evening")
    assert rule.met("one of our apprentices messaged me on insta")


def test_where_they_heard_it_stays_when_the_question_is_about_it(matcher):
    """A source is only set aside when the question does not ask about it or about social media."""
    reply = matcher.answer("someone on the parents whatsapp says teachers aren't allowed in the group. is that right?")
    assert reply.kind == "answer" and reply.clause_id == "personal.no_contact_parents_children"
    assert matcher.answer("a mum kicked off about it on the school facebook, can i reply to her?").kind != "unknown"


def test_is_there_a_policy_on_another_topic_is_unknown(matcher):
    assert matcher.answer("Is there a policy on staff wearing visible piercings?").kind == "unknown"
    # ...but when the staff's own words name this policy's subject, it is answered.
    assert matcher.answer("Is there a policy on texting parents from my personal mobile?").kind != "unknown"


def test_approval_already_given_moves_on_to_what_comes_next(matcher):
    reply = matcher.answer("The head has already approved our geography Instagram. What do we put in the bio?")
    assert reply.candidates[0].clause_id == "sanctioned.aup_link"


def test_the_personal_account_rules_are_not_stated_confidently_about_a_trust_account(kb):
    # The friend/follower and parent rules are about personal accounts: following the class account is not
    # following me, so even a clear lead for the parent rule becomes a choice.
    ranked = _FixedRanking(kb, [("personal.no_contact_parents_children", 60.0), ("sanctioned.legitimate_uses", 45.0)])
    reply = ranked.answer("A dad wants his son to follow our department Instagram account. Fine?")
    assert reply.kind == "choose"


def test_pupils_contacting_others_for_an_assignment_is_not_about_my_own_posts(matcher):
    asked = "My Year 13s want to message some local councillors on Twitter for a citizenship unit. OK?"
    ranked = [c.clause_id for c in matcher.rank(asked)]
    assert "sanctioned.legitimate_uses" in ranked[:2]
    assert ranked[0] not in ("personal.consider_reputation", "personal.avoid_specific_matters")


def test_the_trust_named_in_a_question_is_not_a_question_about_its_name(matcher):
    assert matcher.answer("what does cmat stand for").clause_id == "defs.names"
    assert matcher.answer("can i have a rant about our MAT on my twitter").clause_id != "defs.names"


@pytest.mark.parametrize(
    ("question", "clause_id", "verdict"),
    [
        ("who does policy apply to", "intro.applies_all_staff", "info"),
        ("policy cover whatsapp?", "scope.examples", "info"),
        ("ex pupil 19 fb", "personal.no_friend_students", "yes"),
        ("reply to pupil comment class account", "sanctioned.no_private_dm", "yes"),
    ],
)
def test_a_question_typed_as_a_search_is_answered(matcher, question, clause_id, verdict):
    """Staff type into a search box: no article before "policy", no verb, the facts as bare words."""
    reply = matcher.answer(question)
    assert (reply.kind, reply.clause_id, reply.verdict) == ("answer", clause_id, verdict)


def test_another_policy_typed_as_a_search_is_still_not_this_one(matcher):
    assert matcher.answer("does behaviour policy cover phones").kind == "unknown"
    assert matcher.answer("uniform policy says what").kind == "unknown"


@pytest.mark.parametrize("question", ["can i post a photo of me at the pub",
                                      "can i put a pic of my son in his school uniform on fb",
                                      "is a selfie on my own insta ok if i'm wearing the school hoodie"])
def test_a_photo_of_me_or_my_own_family_is_not_the_rule_on_photos_of_children(matcher, question):
    reply = matcher.answer(question)
    assert reply.clause_id != "sanctioned.photo_consent" and "sanctioned.photo_consent" not in reply.choices


def test_a_photo_of_me_with_my_class_is_still_a_photo_of_children(matcher):
    reply = matcher.answer("can i post a photo of me and my class at sports day on the school page")
    assert (reply.kind, reply.clause_id) == ("answer", "sanctioned.photo_consent")


def test_a_worry_about_a_child_online_is_not_overruled_by_not_covered(matcher):
    """A laptop and a Discord server read like an IT question to the second opinion; adults sending
    children links is still something inappropriate involving a child, to report."""
    reply = matcher.answer("office staff - a pupil left a laptop open and there's a discord group on it where "
                           "adults keep sending the kids links. what do i do")
    assert (reply.kind, reply.clause_id, reply.verdict) == ("answer", "personal.report_inappropriate", "report")


@pytest.mark.parametrize(("question", "clause_id"), [
    ("is youtube in scope?", "scope.examples"),
    ("someone said Xbox Live isn't social media so the policy doesn't apply to it, true?", "scope.examples"),
    ("someone in the staffroom said the trust basically hates social media and wants us all off it, true?",
     "intro.opportunities"),
    ("is the trust actually pro social media or not", "intro.opportunities"),
    ("Does the policy take a negative view of social media overall?", "intro.opportunities"),
    ("Is this policy meant to hold back new ideas, or does it say it supports them?", "intro.balance"),
])
def test_a_rumour_about_what_the_policy_says_is_answered_from_it(matcher, question, clause_id):
    """"Is X in scope?", "the trust hates social media, true?": what the policy says, not "not covered",
    and "the trust hates social media" is not a comment on a trust account."""
    reply = matcher.answer(question)
    assert (reply.kind, reply.clause_id) == ("answer", clause_id)


def test_a_topic_that_is_not_social_media_is_not_in_scope(matcher):
    assert matcher.answer("are school trips in scope").kind == "unknown"


@pytest.mark.parametrize(("question", "clause_id"), [
    ("the intro links our social networking use to safeguarding right? need the exact wording for a training slide",
     "intro.safeguard_duty"),
    ("what does the vision say about the quality of teaching and learning? need it for a CPD slide", "vision.attainment"),
    ("need the trust vision wording for an inset slide, is it in the sm policy", "vision"),
])
def test_the_policys_words_wanted_for_a_training_slide_are_quoted(matcher, question, clause_id):
    """A slide for a session quotes the policy: it is not a question about booking training ("slide" is no typo)."""
    assert (matcher.answer(question).kind, matcher.answer(question).clause_id) == ("answer", clause_id)
    assert matcher.answer("when is the social media training").kind == "unknown"


def test_a_school_page_hanging_off_a_personal_profile_is_the_separate_account_rule(matcher):
    reply = matcher.answer("Setting up a page for the school library - can I make it as a second page hanging off "
                           "my personal Facebook profile?")
    assert reply.clause_id == "sanctioned.separate_account"  # answered, or offered first; not only "ask SLT"
    assert matcher.answer("can i link the class twitter to my personal gmail").clause_id == "sanctioned.link_trust_email"


def test_copyright_on_staff_posts_is_still_the_legislation_clause(matcher):
    assert matcher.answer("does copyright law apply to what i post on my own facebook").clause_id == "scope.legislation"


def test_careers_work_with_a_year_group_is_educational_use(matcher):
    reply = matcher.answer("our careers lead wants to use linkedin with year 13 to look for apprenticeships. is that allowed?")
    assert (reply.kind, reply.clause_id) == ("answer", "sanctioned.legitimate_uses")
    # adding them to my own network is still the friend rule
    assert matcher.answer("can i add my year 13s on linkedin to help with careers").clause_id == "personal.no_friend_students"


def test_a_non_slt_yes_to_an_account_brings_the_approval_rule(matcher):
    """"my subject leader okayed the new history twitter": whose approval it needs comes first (answered or offered)."""
    reply = matcher.answer("my subject leader okayed the new history twitter account. good to go?")
    assert reply.clause_id == "sanctioned.slt_approval"
    phone = matcher.answer("my head of year said it's fine to text parents from my own mobile")
    assert phone.clause_id == "personal.no_personal_email_phone"


def test_an_email_bouncing_is_tech_support_unless_a_personal_address_is_asked_about(matcher):
    assert matcher.answer("my school emails keep bouncing, who do i ask").kind == "unknown"
    reply = matcher.answer("trust email is bouncing, can I chase a parent about unpaid dinner money from my personal hotmail?")
    assert reply.kind == "answer" and reply.clause_id in ("personal.official_email", "personal.no_personal_email_phone")


def test_whether_personal_accounts_are_treated_like_the_schools_is_the_distinction(matcher):
    reply = matcher.answer("counsellor here. is my private Instagram treated the same as the school's official account "
                           "under this policy?")
    assert (reply.kind, reply.clause_id) == ("answer", "scope.distinction")


@pytest.mark.parametrize(("question", "clause_id"), [
    ("drama dept wants a tiktok for the production, rehearsal clips etc. whats the process", "sanctioned.slt_approval"),
    ("can I play Fortnite online with some of my year 7s? they keep asking and it'd be great for relationships",
     "personal.no_contact_parents_children"),
    ("can i play fifa online with a year 9", "personal.no_contact_parents_children"),
])
def test_a_question_whose_frame_points_at_a_rule_is_answered_though_its_words_are_unusual(matcher, question, clause_id):
    """The second opinion has seen few questions worded like these and thinks nothing answers them; who does
    what ("the dept wants a tiktok", "play online with my year 7s") says which rule does."""
    reply = matcher.answer(question)
    assert (reply.kind, reply.clause_id) == ("answer", clause_id)


def test_leaving_an_account_public_is_not_a_question_about_general_posts(matcher):
    reply = matcher.answer("pretty sure its fine to leave my insta public as long as i never post about school?")
    assert (reply.clause_id, reply.verdict) != ("personal.avoid_specific_matters", "yes")


def test_an_attachment_sent_from_a_personal_address_is_still_the_email_rule(matcher):
    assert matcher.answer("can i email parents an attachment from my gmail").clause_id == "personal.official_email"


def test_a_parody_account_is_a_question_about_telling_official_accounts_apart_not_a_comment_to_remove(matcher):
    reply = matcher.answer("how would a member of the public know our department account is genuinely the trust's "
                           "and not a parody?")
    assert reply.clause_id != "sanctioned.remove_inappropriate_comments"
    assert matcher.answer("i can't log in to teams on my laptop").kind == "unknown"


def test_what_do_i_do_brings_a_report_rule_only_when_it_is_close_not_for_a_passing_word(matcher):
    # "post" touches the rule on removing comments under trust posts, far below the photo rule
    reply = matcher.answer("so i run the drama department instagram and i want to post photos from the show last night "
                           "we have consent forms for most of them but not all what do i do")
    assert (reply.kind, reply.clause_id) == ("answer", "sanctioned.photo_consent")
    reply = matcher.answer("a pupil commented something horrible on the drama insta, what do i do")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.remove_inappropriate_comments", "report")


def test_an_ex_pupil_still_in_year_13_at_the_trusts_sixth_form_is_a_current_student(matcher):
    reply = matcher.answer("ex pupil from our primary is 18 now but still in yr13 at the trust sixth form, sent me a follow "
                           "request on twitter")
    assert (reply.clause_id, reply.verdict) == ("personal.no_friend_students", "no")


def test_a_rumour_about_the_head_is_a_school_matter_not_a_child_to_report(matcher):
    reply = matcher.answer("theres a rumour going round the local community fb group that our HT is leaving. can i comment "
                           "from my own account to say its not true?")
    assert (reply.clause_id, reply.verdict) == ("personal.avoid_specific_matters", "no")


def test_a_colleagues_photo_on_the_school_page_is_not_the_rule_on_naming_children(matcher):
    reply = matcher.answer("HT wants a birthday shout out for one of our TAs on the school fb, using a pic from her hen do. ok?")
    assert reply.clause_id != "sanctioned.no_names_in_photos"
    reply = matcher.answer("posting a photo of our star of the week on the school fb, can i say who it is")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.no_names_in_photos", "no")


@pytest.mark.parametrize(("question", "clause_id"), [
    ("ive sent the link to our science lead and the dht already. ok to give the kids the login now?", "sanctioned.notify_url"),
    ("ive checked the site is safe and suitable for ks1, can i put the link on the class twitter?", "sanctioned.external_links"),
])
def test_what_was_already_done_counts_when_typed_without_apostrophes_or_with_another_lead(matcher, question, clause_id):
    reply = matcher.answer(question)
    assert (reply.clause_id, reply.verdict) == (clause_id, "yes")


def test_outside_the_trust_both_connection_rules_say_yes_so_no_choice_is_offered(matcher):
    reply = matcher.answer("my neighbours kids go to a primary in another county, nothing to do with our trust. fine to stay "
                           "fb friends with her?")
    assert (reply.kind, reply.verdict) == ("answer", "yes")


def test_posting_on_the_school_page_is_not_a_comment_to_remove(matcher):
    reply = matcher.answer("office manager. can i post about my cake business on the school fb page since loads of parents "
                           "follow it?")
    assert "sanctioned.remove_inappropriate_comments" not in (reply.clause_id, *reply.choices)


def test_replying_from_the_school_account_to_mail_sent_to_a_personal_one_is_a_yes(matcher):
    reply = matcher.answer("a parent emailed my gmail. should i reply from my school email instead?")
    assert (reply.clause_id, reply.verdict) == ("personal.official_email", "yes")
    reply = matcher.answer("can i forward parent emails from my school email to my gmail")
    assert (reply.clause_id, reply.verdict) == ("personal.official_email", "no")


def test_a_child_messaging_from_a_parents_phone_is_a_child_in_contact_not_a_parent(matcher):
    reply = matcher.answer("one of my old reception kids (hes yr2 now) sent me a voice note on whatsapp from his dads phone. "
                           "cute but is it a problem")
    assert (reply.clause_id, reply.verdict) == ("personal.report_child_contact", "report")
    reply = matcher.answer("one of the kids messaged my facebook from his mums account, do i just tell him no?")
    assert reply.clause_id != "personal.no_contact_parents_children"


def test_a_parent_sharing_a_childs_name_calling_is_inappropriate_communication_to_report(matcher):
    reply = matcher.answer("a parent screenshotted a yr5 kids messages calling another kid names and stuck it in the local "
                           "mums fb group. whats my responsibility as a TA?")
    assert (reply.clause_id, reply.verdict) == ("personal.report_inappropriate", "report")


@pytest.mark.parametrize(("question", "clause_id", "headline"), [
    # under 18, current or an ex-student, the rule covers them: nothing to ask
    ("after school club - the kids keep asking to add me as a friend on roblox, its only a game. is that allowed?",
     "personal.no_friend_students", "No — not a student under 18, current or former"),
    ("a 15 year old student followed me on insta", "personal.no_friend_students",
     "No — not a student under 18, current or former"),
    # a relative who has a child here is a parent of the trust's community
    ("my husband's cousin has a kid in yr 2 here and she's requested me on fb. can i accept?",
     "personal.no_contact_parents_children", "No — not while you work for the trust"),
])
def test_who_the_person_is_decides_without_a_question_back(matcher, question, clause_id, headline):
    reply = matcher.answer(question)
    assert (reply.kind, reply.clause_id, reply.verdict, reply.headline) == ("answer", clause_id, "no", headline)


def test_what_pupils_are_taught_about_online_safety_is_the_curriculum_not_this_policy(matcher):
    reply = matcher.answer("What should our Year 7 computing curriculum cover about online safety and social media?")
    assert reply.kind == "unknown"
    reply = matcher.answer("can i use a class twitter with year 10 to follow scientists for their project?")
    assert reply.clause_id == "sanctioned.legitimate_uses"


def test_a_podcast_and_notifying_the_subject_leader_reach_their_clauses(matcher):
    reply = matcher.answer("does a podcast count as social media")
    assert (reply.kind, reply.clause_id) == ("answer", "scope.types")
    reply = matcher.answer("Is notifying the Subject Leader the same as getting approval, or do I need to do both?")
    assert (reply.kind, reply.clause_id) == ("answer", "sanctioned.notify_url")


def test_a_message_from_an_adult_ex_pupil_asked_about_as_reporting_is_answered_by_the_reporting_rule(matcher):
    reply = matcher.answer("a 19 y/o ex-pupil DM'd me on instagram asking for a reference. do i need to report it to the "
                           "designated person?")
    assert (reply.clause_id, reply.verdict) == ("personal.report_child_contact", "yes")
    assert says(reply.headline) == "yes" and "personal.no_friend_students" in reply.also
    reply = matcher.answer("ex pupil 19 messaged me on insta, can i reply?")
    assert reply.clause_id == "personal.no_friend_students"


def test_a_post_on_a_personal_account_is_not_a_trust_account_rule_nor_a_message_received(matcher):
    reply = matcher.answer("can i post a pic of my classroom display on my personal insta? no kids or names in it")
    assert reply.clause_id != "sanctioned.no_identifying_info"
    reply = matcher.answer("I'm proud of our GCSE results and would like to post a general 'so proud of our school' message on "
                           "my personal Instagram, with no names or photos of pupils. Is that fine?")
    assert reply.verdict not in ("no", "report")
    assert "personal.report_child_contact" not in (reply.clause_id, *reply.choices)
    reply = matcher.answer("One of my Year 11s has been selected for the county football squad. Can I congratulate him by "
                           "name in a post on my personal Instagram?")
    assert (reply.clause_id, reply.verdict) == ("personal.avoid_specific_matters", "no")


def test_replying_to_a_parent_in_public_to_put_a_school_matter_right_offers_the_rule_on_school_matters(matcher):
    reply = matcher.answer("a parent slagged off our school on the village fb page and named one of our teachers. can i reply "
                           "to stick up for her?")
    assert "personal.avoid_specific_matters" in (reply.clause_id, *reply.choices)
    reply = matcher.answer("a parent added me on facebook, can i accept?")
    assert (reply.clause_id, reply.verdict) == ("personal.no_contact_parents_children", "no")


def test_whether_social_media_is_banned_for_teaching_is_the_rule_on_educational_use_not_the_introduction(matcher):
    reply = matcher.answer("Is the trust against teachers using social media as part of their teaching?")
    assert reply.clause_id == "sanctioned.legitimate_uses"
    reply = matcher.answer("is the trust anti social media? feels like everything's banned")
    assert reply.clause_id == "intro.opportunities"


@pytest.mark.parametrize("question", [
    "can i set up a teams channel for my department to share planning?",
    "a yr 10 posted a video of my lesson on tiktok without asking. can i give her a detention for it?",
    "can i use my own phone to photograph kids' books for moderation evidence (no children in shot)?",
    "how do i post a job on the trust vacancies page",
    "our school insta - whats the best time of day to post for engagement",
    "trust IT - can we block whatsapp web on the student network",
    "work email says my mailbox is over quota, how do i archive old emails from parents?",
    "how do i request a trust email account for a parent volunteer?",
    "can the pastoral team have a shared mailbox so parents can email all of us?",
    "how do we open a school fund account for the uniform shop money?",
    "how do i turn off teams notifications at the weekend?",
    # a pupil's own results sent to the pupil's own address; which sanction a pupil gets
    "a year 11 wants his grades emailed to his personal gmail while he's away, is that ok?",
    "a yr 8 filmed a supply teacher and put it on tiktok. what's the policy - is that a behaviour sanction or exclusion?",
])
def test_questions_for_it_hr_or_the_behaviour_policy_are_not_answered_from_this_one(matcher, question):
    assert matcher.answer(question).kind == "unknown"


def test_more_likes_as_a_reason_is_not_a_marketing_question_but_how_to_get_them_is(matcher):
    assert matcher.answer("how can we get more likes on the school instagram?").kind == "unknown"


@pytest.mark.parametrize(("question", "clause_id", "verdict"), [
    ("FW: from our exams officer - 'a parent rang my mobile on saturday about access arrangements and i answered and sorted "
     "it. was that a breach?' can you advise?", "personal.no_personal_email_phone", "no"),  # answering it is the contact
    ("our trust's sports coach wants to put action shots from the county cup on the trust's sport instagram. what does he "
     "need first?", "sanctioned.photo_consent", "conditional"),
])
def test_a_call_about_exams_to_a_personal_phone_and_action_shots_from_a_cup(matcher, question, clause_id, verdict):
    reply = matcher.answer(question)
    assert (reply.kind, reply.clause_id, reply.verdict) == ("answer", clause_id, verdict)
    assert matcher.answer("who approves extra time for a year 11 in the mocks?").kind == "unknown"


def test_a_school_productions_account_run_from_a_personal_one_is_not_separate(matcher):
    reply = matcher.answer("for the production tiktok can it just run off my personal one, i already do drama content on there")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.separate_account", "no")


def test_asking_whether_the_executive_headteachers_approval_is_needed_is_not_having_it(matcher):
    reply = matcher.answer("SLT have approved a trust Strava club. Do I also need the Executive Headteacher's approval, as I "
                           "would for using personal phones?")
    assert reply.headline != "Yes — with the Executive Headteacher’s prior approval, which you have"
    reply = matcher.answer("is the executive headteacher's approval needed to use my own phone on the residential?")
    assert reply.verdict == "conditional"
    reply = matcher.answer("the exec head's approval came through, so can i text the trip parents from my own phone now?")
    assert (reply.clause_id, reply.verdict) == ("personal.no_personal_email_phone", "yes")


def test_a_message_from_an_ex_pupil_of_unknown_age_asks_their_age_before_saying_report_it(matcher):
    question = "a former pupil asked me for a job reference and messaged me on Facebook about it. Is that OK?"
    reply = matcher.answer(question)
    assert (reply.kind, reply.clause_id) == ("clarify", "personal.report_child_contact")
    assert reply.clarification.asks == ("under_18",)
    adult = matcher.answer(question, {"under_18": False})
    assert adult.kind == "answer" and adult.verdict == "yes"
    child = matcher.answer(question, {"under_18": True})
    assert (child.kind, child.clause_id, child.verdict) == ("answer", "personal.report_child_contact", "report")


@pytest.mark.parametrize(("text", "under_18"), [
    ("a girl who left our yr6 last summer messaged me on insta", True),
    ("he left in year 11 last july and added me", True),
    ("a pupil started following me on tiktok and left a comment under one of my videos", None),
])
def test_leavers_from_year_6_to_11_lately_are_under_18_and_leaving_a_comment_is_not_leaving(text, under_18):
    facts = extract_facts(text)
    assert facts.get("under_18") is under_18
    assert (facts.get("relation") == "ex_student") is (under_18 is True)


def test_a_parent_whose_child_has_left_is_no_longer_a_parent_of_the_trust_but_one_whose_child_left_a_coat_is(matcher):
    reply = matcher.answer("If a parent sends me a friend request after their child has left the school, can I accept it?")
    assert (reply.clause_id, reply.verdict) == ("personal.no_contact_parents_children", "yes")
    reply = matcher.answer("Is it alright to send a quick FB message to a parent to let her know her daughter left her coat "
                           "in my room?")
    assert (reply.clause_id, reply.verdict) == ("personal.no_contact_parents_children", "no")


def test_liking_the_schools_posts_from_a_personal_account_is_not_about_separate_accounts(matcher):
    reply = matcher.answer("Can I like the school's posts on Facebook from my personal account?")
    assert reply.clause_id == "personal.consider_reputation" and reply.verdict in (None, "yes")
    assert matcher.answer("can i show a youtube clip in my lesson").kind == "unknown"


def test_teams_covered_is_not_cover_staff_and_following_the_schools_own_account_is_not_decided(matcher):
    assert matcher.answer("Is Microsoft Teams covered by this policy?").clause_id != "intro.applies_all_staff"
    assert matcher.answer("does the policy cover cover supervisors?").clause_id == "intro.applies_all_staff"
    assert matcher.answer("Can I follow the school's official Instagram from my personal account?").kind == "unknown"


@pytest.mark.parametrize("question", ["does the policy apply to whatsapp", "does this policy apply to tiktok",
                                      "does the policy apply to my strava", "does the policy apply to discord servers"])
def test_whether_the_policy_applies_to_a_platform_is_not_about_who_it_applies_to(matcher, question):
    """Who the policy applies to is about staff: a question naming only a platform is never answered from it."""
    reply = matcher.answer(question)
    assert reply.clause_id != "intro.applies_all_staff"
    assert reply.kind == "unknown" or reply.clause_id in ("scope.examples", "scope.types")


@pytest.mark.parametrize("question", [
    "does the policy apply to cleaners", "does it apply to governors", "is this just for teachers",
    # whom it is aimed at, or meant for
    "i work in the trust central finance team and never see a child, is this policy actually aimed at me?",
    "is this policy meant for office staff or just teachers",
])
def test_whether_the_policy_applies_to_a_role_is_still_who_it_applies_to(matcher, question):
    assert matcher.answer(question).clause_id == "intro.applies_all_staff"


@pytest.mark.parametrize(("question", "the_parent_rule"), [
    # a parent who is a friend, with no social media in it: not that rule
    ("a parent i'm friends with asked me to tutor her daughter privately on saturdays for money, am i allowed?", False),
    ("my sister is a parent here and wants to volunteer reading in my class, is that a conflict of interest?", False),
    ("a parent who's a friend asked me to be a referee for her job, can i use school headed paper?", False),
    # friending, accepting or adding parents, social media in any spelling: still that rule
    ("parent friend req??", True),
    ("does the no-parents-on-social-media thing still apply in the summer holidays?", True),
    ("I moved to another trust school, can I accept the parents from my old school now?", True),
    ("Doesn't the policy only stop us friending pupils? Parents are adults", True),
])
def test_the_parent_rule_needs_social_media_friending_or_accepting_them(matcher, question, the_parent_rule):
    assert (matcher.answer(question).clause_id == "personal.no_contact_parents_children") is the_parent_rule



def test_closing_an_account_is_not_removing_a_comment_and_leavers_accounts_are_it(matcher):
    assert matcher.answer("how do i delete my old school twitter account").clause_id != "sanctioned.remove_inappropriate_comments"
    leavers = "a colleague left in august and is still on the staff email lists, who removes leavers' accounts?"
    assert matcher.answer(leavers).kind == "unknown"


def test_which_login_a_department_account_uses_is_the_email_rule(matcher):
    reply = matcher.answer("the geography dept's new youtube needs a google login, should we use the HoD's school account?")
    assert "sanctioned.link_trust_email" in (reply.clause_id, *reply.choices)


def test_the_writers_own_role_is_not_someone_elses_say_so(matcher):
    own = matcher.answer("head of year 8 here. can i text parents from my own mobile about detentions?")
    told = matcher.answer("my head of year said it's fine to text parents from my own mobile about detentions")
    assert own.verdict == told.verdict == "conditional"
    assert "someone else" not in own.headline and "someone else" in told.headline


@pytest.mark.parametrize(("text", "read"), [
    ("minibus driver, in plain english what is this policy for", "in plain english what is this policy for"),
    ("Sports coach - can my team follow my insta?", "can my team follow my insta?"),
    # whether the policy is for them: the role answers it, so it stays
    ("peri teacher here - do these rules cover me?", "peri teacher here - do these rules cover me?"),
    ("office staff: whose rules do i follow?", "office staff: whose rules do i follow?"),
    # a role that is the subject, not an opening
    ("caretaker keeps posting photos of the site on his insta", "caretaker keeps posting photos of the site on his insta"),
])
def test_a_role_the_message_opens_with_is_not_what_is_asked(text, read):
    assert role.read(text) == read


@pytest.mark.parametrize("question", [
    "is snapchat actually mentioned in the policy? a few parents from my son's class message me on it",
    "my daughter plays minecraft with kids from our school and i join in sometimes, do the rules apply in there?",
    "what's the actual link between following a parent on insta and safeguarding? genuinely asking",
    "the caretaker is facebook friends with lots of parents, does the policy cover him?",
])
def test_a_question_about_the_policy_itself_is_not_answered_by_the_rules_on_connecting(matcher, question):
    """Parents or pupils in the case do not make "is it named in the policy?" a question about connecting with them."""
    reply = matcher.answer(question)
    assert not (reply.kind == "answer" and reply.clause_id in
                ("personal.no_contact_parents_children", "personal.no_friend_students", "personal.report_child_contact"))



@pytest.mark.parametrize(("question", "clause_id"), [
    # a trip's own account is set up with SLT's say-so, however the trip is named
    ("thinking of a tiktok for the year 8 ski trip so families can follow along, who has to agree to it?",
     "sanctioned.slt_approval"),
    # "our page" is the school's; what someone else left there is removed and reported
    ("a parent has put a teacher's mobile number in the replies on our facebook page",
     "sanctioned.remove_inappropriate_comments"),
    # good shots from an event are photos of the children in them
    ("took some great shots of the class at the science fair, which ones can go on the school insta?",
     "sanctioned.photo_consent"),
    ("our 6th form twitter was made with someone's personal hotmail, should it be changed?", "sanctioned.link_trust_email"),
])
def test_everyday_questions_about_running_a_school_account_reach_their_rule(matcher, question, clause_id):
    """Answered, or offered among the choices (never "not covered")."""
    reply = matcher.answer(question)
    assert reply.kind in ("answer", "choose") and clause_id in (reply.clause_id, *reply.choices)


def test_something_on_a_year_groups_account_is_posted_there(kb):
    said = normalise("exam season wellbeing tips on the yr 13 insta, that alright?")
    assert kb.by_id["sanctioned.professional_content"].requires.met(said)


@pytest.mark.parametrize("question", [
    "can we put photos of the new playground equipment on the school page?",
    "can i share the match results on the department insta",
])
def test_a_school_account_named_in_passing_is_not_asking_whether_to_have_one(matcher, question):
    reply = matcher.answer(question)
    assert not (reply.clause_id == "sanctioned.separate_account" and reply.verdict == "yes")


def test_a_personal_account_on_any_platform_is_not_a_separate_educational_one(matcher):
    reply = matcher.answer("could the reading club just use my personal pinterest? i've already pinned the book list there")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.separate_account", "no")


@pytest.mark.parametrize(("text", "relation", "age"), [
    ("can i accept the ex yr 11s? they left years ago, all 19 now", "ex_student", 19),
    ("a lad from my previous form is 20 these days and followed me", "ex_student", 20),
    ("a learner on our night course added me, is that ok", "current_student", None),
    # the ex-student's own brothers and sisters are not a child of theirs at the school
    ("ex student, he's 20 now, he's got no brothers or sisters at the school. can i accept his request?", "ex_student", 20),
])
def test_who_they_are_and_their_age_said_in_passing(text, relation, age):
    facts = extract_facts(text)
    assert facts.get("relation") == relation and facts.get("age") == age


@pytest.mark.parametrize(("text", "school_account"), [
    ("a current yr 10 on facebook sent me a friend request", False),  # a pupil on facebook, not the year's account
    ("a yr 7 in my tutor group on insta follows me", False),
    ("my personal drama insta has some students following it", False),
    ("can the yr 10 facebook page share the trip photos", True),
])
def test_a_year_group_on_an_app_is_not_the_years_account(text, school_account):
    assert bool(extract_facts(text).get("trust_account")) is school_account


@pytest.mark.parametrize(("question", "clause_id"), [
    # a parent's permission is for their child's photo, whether or not children are named
    ("do we have to get parents consent before photos go on the school twitter?", "sanctioned.photo_consent"),
    # the address of an account is its URL, not anyone's home address
    ("the new science blog is ready, who do i give the page address to?", "sanctioned.notify_url"),
])
def test_what_a_school_account_question_is_about_in_other_words(matcher, question, clause_id):
    reply = matcher.answer(question)
    assert clause_id in (reply.clause_id, *reply.choices)


def test_something_said_under_a_post_is_a_comment_but_pupils_commenting_in_a_lesson_is_not_one_to_remove(kb, matcher):
    rule = kb.by_id["sanctioned.remove_inappropriate_comments"]
    assert rule.requires.met(normalise("a dad wrote something nasty under our yr 4 tiktok video"))
    reply = matcher.answer("can my year 8s comment on the partner school's class blog for our poetry exchange?")
    assert "sanctioned.remove_inappropriate_comments" not in (reply.clause_id, *reply.choices)


@pytest.mark.parametrize("question", [
    "one of our families has had a house fire, is it ok to set up a gofundme for them on my facebook",
    "a pupil in year 2 passed away, would it be ok to put a tribute on my facebook",
])
def test_a_post_about_one_of_the_schools_own_families_is_a_specific_matter(matcher, question):
    reply = matcher.answer(question)
    assert "personal.avoid_specific_matters" in (reply.clause_id, *reply.choices)


def test_an_account_for_a_year_group_is_set_up_with_slt_approval(matcher):
    reply = matcher.answer("can i set up a snapchat for our yr 8 netball girls")
    assert (reply.kind, reply.clause_id) == ("answer", "sanctioned.slt_approval")


@pytest.mark.parametrize("question", [
    "a yr 3 boy followed me on tiktok from his dad's phone, i blocked it, is that enough?",
    "one of my year 6s found my insta and requested to follow, looks like it's his big sister's phone. i declined, is "
    "that enough?",
])
def test_a_childs_contact_already_declined_is_that_enough_asks_what_else_to_do(matcher, question):
    """The rule that it must be reported comes first, answered or offered."""
    assert matcher.answer(question).clause_id == "personal.report_child_contact"


def test_a_glossary_term_whose_clause_was_retired_is_answered_by_matching(kb):
    # a published version keeps a term whose clause it retired with no clause (policy_kb/revision/draft.py); the
    # answer must still quote a clause, so the term's definition alone is not an answer (and nothing raises)
    glossary = tuple(dataclasses.replace(g, clause=None) if g.term == "AUP" else g for g in kb.glossary)
    reply = Matcher(dataclasses.replace(kb, glossary=glossary), opinion=None).answer("what's the AUP")
    assert reply.headline is None or "Acceptable Use Policy. Staff must act" not in reply.headline
