"""The stance answers the question actually asked, and what a person reads first says that stance."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from policy_kb import says
from policy_kb.scenarios import paths
from policy_kb.search import asked, extract_facts
from policy_kb.search.stance import decide
from tests.policy_kb.test_scenarios import BOOK, walk_path

HERE = Path(__file__).resolve().parent


def _questions() -> list[str]:
    found = []
    for path in sorted(HERE.glob("questions*.jsonl")):
        found += [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return found


def test_every_headline_reads_as_the_verdict_it_declares(matcher):
    """The card's headline and the stance the answer declares (policyAnswer entity) never differ."""
    answers = [matcher.answer(question) for question in _questions()]
    answers = [reply for reply in answers if reply.kind == "answer"]
    assert len(answers) > 1000
    wrong = [(reply.clause_id, reply.verdict, reply.headline) for reply in answers if says(reply.headline) != reply.verdict]
    assert not wrong
    assert {reply.verdict for reply in answers} == {"yes", "no", "conditional", "report", "info"}


def test_every_clause_headline_fits_its_stance(kb):
    for clause in kb.clauses:
        assert clause.verdict == says(clause.headline)
        if clause.stance == "report":
            assert clause.verdict == "report", clause.id
        if clause.stance == "information":
            assert clause.verdict == "info", clause.id
        for decides in clause.decides:
            assert says(decides.headline) == decides.verdict, (clause.id, decides.headline)


@pytest.mark.parametrize(
    ("headline", "verdict"),
    [
        ("No — not while you work for the trust", "no"),
        ("Not without parent/carer consent", "conditional"),
        ("Only with the Executive Headteacher’s prior approval", "conditional"),
        ("Yes, with SLT approval", "conditional"),
        ("Yes — from your official trust email account", "yes"),
        ("Report it to the designated person for Child Protection", "report"),
        ("Remove it now and report it to SLT", "report"),
        ("Strongly advised: all privacy settings on highest", "info"),
    ],
)
def test_says_reads_headlines_as_a_reader_would(headline, verdict):
    assert says(headline) == verdict


@pytest.mark.parametrize(
    ("question", "form"),
    [
        ("can I add a parent on facebook", "may"),
        ("is it ok to leave my twitter public?", "may"),
        ("Our email server is down, so can I use my Hotmail for the newsletter?", "may"),
        ("got a voice note on whatsapp from a yr 8. do i tell someone", "todo"),
        ("I've blocked her. Do I still need to report it?", "todo"),
        ("is blocking him enough?", "todo"),
        ("should I let someone know?", "todo"),
        ("a boy in my set keeps snapping me. which person in school is the one to tell", "todo"),
        ("what should I do now?", "todo"),
        ("a contractor posted a photo of our pupils with a dodgy caption. what am I supposed to do?", "todo"),
        ("do I have to make my instagram private?", "must"),
        ("does the policy actually need me to make my tiktok private?", "must"),
        ("When I write to a family about attendance, must it be from my trust email?", "must"),
        # asked about a colleague or an account: still what is required
        ("my colleague's club channel has no link to the AUP. does she have to put one on?", "must"),
        ("the new transition blog is approved. is there anything it has to include?", "must"),
        ("a yr 7 added me on snap, i didnt accept. report it or just block?", "todo"),
        ("i replied 'please email me on my school email'. do i still need to log it with someone?", "todo"),
        ("the account's been live a month. do we still need to send the url to slt?", "must"),
        ("a yr 7 asked to follow my insta, i haven't accepted. anything else i need to do?", "todo"),
        ("yr 5 boy sent a follow request, i declined. anything else", "todo"),
        ("a yr 8 sent a follow request and i blocked her. was blocking enough?", "todo"),
        ("a year 10 requested me on insta and i declined, that's the end of it right?", "todo"),
        ("who am i meant to tell if a yr 8 messages me on snapchat?", "todo"),
        ("a yr 6 started messaging me in a roblox game, i've logged off. anything else?", "todo"),
        ("blocked the yr 9 who followed me. thats me done isn't it", "todo"),
        ("i've declined him twice. do i just keep declining or is there something else i should do?", "todo"),
        ("a parent showed me a post about a yr 6 boy. do i need to pass that on", "todo"),
        ("what does the policy say about links?", "what"),
        ("We'd like to link to a museum's site from the class blog. What does the policy say?", "may"),
        # the alternative offered after "or" is not what is asked
        ("can we keep the old class page up or do we have to delete it?", "may"),
        ("do I have to make it private or can I leave it public?", "must"),
    ],
)
def test_the_form_of_the_question(question, form):
    assert asked(question) == form


# Each: a question in a member of staff's words, the clause that governs it, the verdict a reader needs.
DECISIONS = [
    # who the other person is
    ("a year 9 wants to follow me on my personal instagram, can I accept?", "personal.no_friend_students", "no"),
    ("yr 13 lad who turned 18 in sept has requested to follow my private insta. hes an adult now so i can accept right",
     "personal.no_friend_students", "no"),
    ("an ex-pupil who left 3 years ago, she's 20 now, wants to follow me on insta. ok?", "personal.no_friend_students", "yes"),
    ("next door's lad has just started yr 7 with us and his mum wants to add me on fb",
     "personal.no_contact_parents_children", "no"),
    ("ex-pupil of ours, she's 22 now and her little boy has just started in our nursery. she's added me on facebook",
     "personal.no_contact_parents_children", "no"),
    ("my ex student, 22 now, has a son in year 1 here and wants to add me on facebook",
     "personal.no_contact_parents_children", "no"),
    # a parent whose children have all left is no longer a parent of the trust's communities; one with a child still here is
    ("can I accept a friend request from a parent whose son left us 5 years ago",
     "personal.no_contact_parents_children", "yes"),
    ("a dad whose son left last summer added me, his daughter is still at the school",
     "personal.no_contact_parents_children", "no"),
    ("a mum whose daughter left last year wants to add me but her younger son is still in year 4",
     "personal.no_contact_parents_children", "no"),
    ("an ex pupil who's 19 wants to add me, i have a son in year 3 here", "personal.no_friend_students", "yes"),  # my son
    ("I left the trust last summer. A parent from my old academy has added me on Instagram - is that OK?",
     "personal.no_contact_parents_children", "yes"),
    ("once i've finished at the trust in august can i add the parents i'm friendly with", "personal.no_contact_parents_children",
     "yes"),
    ("finished at the trust last august, one of the dads from my old class has added me on facebook, ok to accept now?",
     "personal.no_contact_parents_children", "yes"),
    ("I've handed my notice in and finish at Easter. Can I accept friend requests from parents now?",
     "personal.no_contact_parents_children", "no"),
    # what the person asks to do
    ("yr 8 left a comment on my personal youtube guitar video, can i reply to it",
     "personal.no_contact_parents_children", "no"),
    ("a year 10 dmed me on snapchat last night. what should i do?", "personal.report_child_contact", "report"),
    ("got a voice note on whatsapp from a yr 8, no clue how she got my number. do i tell someone",
     "personal.report_child_contact", "report"),
    ("is it fine to reply to a student's question in the comments on the dept youtube", "sanctioned.no_private_dm", "yes"),
    ("answering kids comments on the dept page ok?", "sanctioned.no_private_dm", "yes"),
    ("can our class account reply to kids' questions on a public post", "sanctioned.no_private_dm", "yes"),
    ("class blog - is answering kids' questions publicly under each post better than replying by private message?",
     "sanctioned.no_private_dm", "yes"),
    ("students sometimes comment asking about deadlines on our class facebook page, can i reply underneath",
     "sanctioned.no_private_dm", "yes"),
    ("can i like my pupils posts on instagram", "personal.no_contact_parents_children", "no"),
    ("a pupil liked my post, do i need to report it", "personal.report_child_contact", "report"),
    ("can we share the netball fixtures on the pe twitter?", "sanctioned.professional_content", "yes"),
    ("is it fine to put the lunch menu on the school instagram", "sanctioned.professional_content", "yes"),
    ("can i share my holiday photos on the dept account", "sanctioned.professional_content", "no"),
    ("we have the green light from slt for a geography insta, can i set it up now", "sanctioned.slt_approval", "yes"),
    ("approved by slt: a science tiktok. ok to start posting?", "sanctioned.slt_approval", "yes"),
    ("can i reply to a student's comment on the class insta by dm", "sanctioned.no_private_dm", "no"),
    ("music twitter got a DM from a yr 8 asking for the sheet music. can i send it back by dm",
     "sanctioned.no_private_dm", "no"),
    # the clause's own decisions
    ("got an old twitter i never use thats still public. ok to leave it like that?", "personal.privacy_settings", "no"),
    # part of it left public, "does that meet it?": only partly (but "is that ok?" is no, below)
    ("My Facebook profile picture and cover photo are public but everything else is friends-only. Does that meet the policy?",
     "personal.privacy_settings", "conditional"),
    ("can i put a funny answer from a pupils mock paper on twitter? no name on it", "personal.avoid_specific_matters", "no"),
    ("is it alright to put a pic of me and the department at the pub on a friday on my insta",
     "personal.consider_reputation", "conditional"),
    ("exec head hasnt approved anything but my head of school says its fine to text the parents from my phone on the trip",
     "personal.no_personal_email_phone", "no"),
    ("quickest way to chase trip money is a text from my own mobile to the parents - am i ok to do that?",
     "personal.no_personal_email_phone", "conditional"),
    ("can the history twitter be registered to the shared humanities mailbox on the trust email",
     "sanctioned.link_trust_email", "yes"),
    ("our head of year made a yr 9 insta over the summer and only told SLT afterwards. is that allowed",
     "sanctioned.slt_approval", "no"),
    ("got consent forms back for everyone in the choir, can the concert photo go on the school tiktok",
     "sanctioned.photo_consent", "yes"),
    ("can i put pics from the yr 3 trip on the class twitter? a few kids havent got their consent forms back",
     "sanctioned.photo_consent", "no"),
    ("one insta for my own photography and the a level photography class together is fine?",
     "sanctioned.separate_account", "no"),
    ("Our trust email is clunky. Could the department set up a shared Gmail for emailing parents instead?",
     "personal.official_email", "no"),
    # facts told in other words: approval given, consent given (or not quite), a profile left public
    ("the exec head okayed me texting parents from my own mobile on the ski trip, am i ok?",
     "personal.no_personal_email_phone", "yes"),
    ("ski trip approved by the executive headteacher incl using our own phones, can i ring parents from mine",
     "personal.no_personal_email_phone", "yes"),
    ("the exec head gave me a written ok to text parents from my mobile on the dofe trip. nothing else i need to do is there?",
     "personal.no_personal_email_phone", "yes"),
    # found by searching my name: the privacy advice (my own name is not a post naming someone)
    ("kids keep finding my insta by searching my name, how do i stop that", "personal.privacy_settings", "info"),
    # "yr 8 snapchatted me" is a child's message, not a Year 8 Snapchat account
    ("a yr 8 snapchatted me late last night, i haven't opened it. what do i do", "personal.report_child_contact", "report"),
    # an account for a trip, the prom or the leavers is the school's
    ("the leavers committee want a prom insta run by the school, who has to ok it?", "sanctioned.slt_approval", "conditional"),
    # boarders are students; a parent's ok is consent
    ("can i dm the boarders on the house insta about prep", "sanctioned.no_private_dm", "no"),
    ("reception sports day pics for our fb page, do we need every parent's ok first?", "sanctioned.photo_consent", "conditional"),
    # using a platform with a class, or a class running a page, is educational use
    ("thinking of using padlet with yr 9 for a geography debate, allowed?", "sanctioned.legitimate_uses", "conditional"),
    ("can my gcse media lot run a youtube page for their coursework", "sanctioned.legitimate_uses", "conditional"),
    # a grievance, a restructure or redundancies at work are specific matters
    ("can i tweet about my grievance against the school", "personal.avoid_specific_matters", "no"),
    # governors asking is not a question about governors' reputation
    ("governors want a short para for the website on why we have the social media policy. what are the aims?",
     "purpose.general", "info"),
    # a blog shared through a school system is still the blog: not IT support
    ("slt approved the book club blog, i shared the link with the kids on google classroom. never told my subject leader the url",
     "sanctioned.notify_url", "no"),
    ("all the consent forms are back, can i put the sports day photos on the school insta", "sanctioned.photo_consent", "yes"),
    ("every child in the photo has photo permission, can it go on the school facebook", "sanctioned.photo_consent", "yes"),
    ("can I post the photo of the choir on the school page? they're all on the consent list", "sanctioned.photo_consent", "yes"),
    ("consent's been checked for all of them, can i upload the sports day pics to the dept insta",
     "sanctioned.photo_consent", "yes"),
    ("can i post the y6 leavers photo on the school fb - all have opted in to photos", "sanctioned.photo_consent", "yes"),
    # everyone but a child named: not everyone
    ("every child has consent apart from jack, can the photo go on the school insta", "sanctioned.photo_consent", "no"),
    ("all have photo consent bar ruby, ok to post on the school twitter?", "sanctioned.photo_consent", "no"),
    ("every family in 4B has ticked the photo box on the form, ok to post the trip pics on the class twitter?",
     "sanctioned.photo_consent", "yes"),
    ("all but two parents have given consent, can i post the class photo on the school facebook",
     "sanctioned.photo_consent", "no"),
    ("my instagram's been public for years, is it fine to keep it that way?", "personal.privacy_settings", "no"),
    ("can i reply to a parent from my school office 365 email account?", "personal.official_email", "yes"),
    ("can the drama account be linked to my personal one so i can switch between them easily",
     "sanctioned.separate_account", "no"),
    ("the PE twitter and my own coaching account could just be the same one, right? all professional",
     "sanctioned.separate_account", "no"),
    ("no one ever asked SLT about the year 9 instagram, can we keep running it", "sanctioned.slt_approval", "no"),
    ("nobody's given me permission but can i text a parent back from my mobile", "personal.no_personal_email_phone", "no"),
    ("the school mobile is flat, can i ring the parents from mine", "personal.no_personal_email_phone", "conditional"),
    ("a dad wants me to call him back about the trip, ok to use the school landline rather than my phone?",
     "personal.no_personal_email_phone", "yes"),
    # a parent in other words, and being connected as having them there
    ("my neighbours son just started in year 7 here, do i need to unfriend her", "personal.no_contact_parents_children", "no"),
    ("got loads of mums from the estate on my facebook, is that a problem now i work here",
     "personal.no_contact_parents_children", "no"),
    ("can i keep my old schoolfriend on insta now her twins are in my class", "personal.no_contact_parents_children", "no"),
    ("my sister's lad starts reception in september, do i have to remove her off facebook",
     "personal.no_contact_parents_children", "no"),
    # "what's the verdict on doing it" asks whether they may
    ("what's the verdict on posting about a kid who kicked off in my lesson", "personal.avoid_specific_matters", "no"),
    ("is it ok to put on my facebook that a yr 6 got sent home today", "personal.avoid_specific_matters", "no"),
    ("can i email parents about the trip next week", "personal.official_email", "conditional"),
    # who left: the member of staff (then the rules stop), or a pupil who has since come back
    ("i left the trust in july and now work for the council. old parents keep adding me on facebook, ok to accept?",
     "personal.no_contact_parents_children", "yes"),
    ("when i retire next year can i add the parents i know on facebook", "personal.no_contact_parents_children", "yes"),
    # the time after they leave, asked before they go; and now, while they still work here
    ("i finish at cmat at christmas. from january can i add the mums from my class on insta?",
     "personal.no_contact_parents_children", "yes"),
    ("resigned, last day is friday. after that is it ok to accept parents on facebook?",
     "personal.no_contact_parents_children", "yes"),
    ("im leaving in july, can i add parents on fb now?", "personal.no_contact_parents_children", "no"),
    # a pupil at another of the trust's schools is still a current pupil; where leavers go is identifying
    ("a pupil from one of the other academies in our trust wants to follow me on tiktok, is that ok?",
     "personal.no_friend_students", "no"),
    ("can we put our year 6 leavers' list on the school facebook, showing which secondary school each child is going to?",
     "sanctioned.no_identifying_info", "no"),
    # someone else messaging a child is inappropriate communication, not a child's message to me; an account
    # a child found is the person's own, whoever the child is ("a lad from the club found my tiktok")
    ("a year 6 showed me what some man keeps sending her on roblox, who do i need to tell?",
     "personal.report_inappropriate", "report"),
    ("one of the boys from the rugby club found my tiktok and keeps commenting, what do i do?",
     "personal.report_child_contact", "report"),
    # a photo with no child in it and no name on it; a list of the team is a list of children's names
    ("ok to post a photo of the year 2 pottery on the class page? no child in the photo and no name on it",
     "sanctioned.no_identifying_info", "yes"),
    # ...unless the question asks about consent: then the consent rule says it isn't touched
    ("a photo of the year 2 pottery for the class page, no children in it - do i still need parental consent?",
     "sanctioned.photo_consent", "yes"),
    # a colleague's sickness is a specific matter about a person
    ("our site manager is off with stress, ok to post on my insta that he's been signed off?", "personal.avoid_specific_matters",
     "no"),
    # what shows an account is really the school's
    ("how can families tell the sports insta is genuinely ours and not a fake?", "sanctioned.aup_link", "info"),
    # "from the 2018 year 11 class": an ex-student, now an adult
    ("a girl from the 2018 year 11 class sent me a friend request, she's 22 now. ok?", "personal.no_friend_students", "yes"),
    # pupils mocking a boy online is still harm to a child
    ("got a snapchat add from an account i think is one of my year 9s, didn't accept it. report it or just block?",
     "personal.report_child_contact", "report"),
    ("some yr 8s are mocking a boy in their group chat, what do i do", "personal.report_inappropriate", "report"),
    # asked about a colleague: "does she have to…" asks what is required; consent checked for every child, or not yet
    ("the chess club youtube has no AUP link, my colleague thinks it's pointless. does he have to add it?",
     "sanctioned.aup_link", "conditional"),
    ("our admin only posts trip pics on the school fb after checking every child in them has signed photo consent. ok?",
     "sanctioned.photo_consent", "yes"),
    ("a TA put the reception nativity photos on the school instagram before we'd checked the consents, is that a problem",
     "sanctioned.photo_consent", "no"),
    # a parent from outside the trust's schools; an incident with pupils in it; the same rules for every kind of staff
    ("a mum from my running club wants to add me on fb, none of her children go to our school",
     "personal.no_contact_parents_children", "yes"),
    ("some year 9s wrecked the allotment at the weekend, can i post about it on my facebook to ask for help?",
     "personal.avoid_specific_matters", "no"),
    ("our midday supervisors are on different contracts, are they under the same social media rules as teachers?",
     "intro.applies_all_staff", "info"),
    ("photos from the inset day for the trust instagram, only adults in them. do we need consent forms?",
     "sanctioned.photo_consent", "yes"),
    ("the new library on the school facebook, no pupils at all in the pics, any consent needed?",
     "sanctioned.photo_consent", "yes"),
    # the school phone failed and the person's own was used, with no approval; access before the URL is sent on
    ("the school mobile ran out of charge on the residential so i used my own to text a mum. i didn't have approval, "
     "is that a problem?", "personal.no_personal_email_phone", "no"),
    ("can the year 9s join the class account before i've emailed my head of department the url?",
     "sanctioned.notify_url", "no"),
    ("can i give students the link before i've sent it to my hod", "sanctioned.notify_url", "no"),
    # "anything to do before I give students the link?" asks what comes first; nothing has been done out of order
    ("SLT have approved my geography YouTube channel. Anything to do before I give students the link?",
     "sanctioned.notify_url", "conditional"),
    # no name at all, and no name but enough detail to know who it is
    ("can we post well done to our reading champion on the school page without a name", "sanctioned.no_identifying_info",
     "yes"),
    ("can the class blog tell the story of a pupil's recovery without her name but with enough detail that parents "
     "would know who it is?", "sanctioned.no_identifying_info", "no"),
    # students let in already, the URL to follow; the URL sent to a member of SLT
    ("the year 8s are already on the class blog, i was going to email my subject leader the link next week, ok?",
     "sanctioned.notify_url", "no"),
    ("i emailed the account name and url to a member of slt before the pupils joined, is that what's needed?",
     "sanctioned.notify_url", "yes"),
    # someone else's address is not the person's own
    ("a parent emailed me from her hotmail about the trip, can i reply from my school email?", "personal.official_email", "yes"),
    # a separate account on the same platform is separate
    ("can the year 4 account be on tiktok like my personal one, as long as it's a completely separate account?",
     "sanctioned.separate_account", "yes"),
    # a colleague who is not a parent: the parent rule is the one that would bite
    ("my colleague wants to be friends on facebook, she doesn't have children at any of our schools, ok?",
     "personal.no_contact_parents_children", "yes"),
    # saying where you work in a bio; a review of the trust; whether the trust is against social media
    ("can my instagram bio say i'm a ta at a cmat school?", "personal.consider_reputation", "yes"),
    ("i want to leave a one-star google review about the trust's payroll team, does the policy say anything?",
     "personal.consider_reputation", "conditional"),
    ("is cmat's line on social media basically avoid it, or do they think it's useful?", "intro.opportunities", "info"),
    # a pupil leaving is not the member of staff leaving
    ("a year 13 is leaving in july, from september can i accept her on insta? she's 17", "personal.no_friend_students", "no"),
    ("i go on maternity leave from next month, can i accept the parents' requests then?",
     "personal.no_contact_parents_children", "no"),
    ("she left after year 11 and is 19 now but came back to do a btec in our sixth form, can i accept her on insta",
     "personal.no_friend_students", "no"),
    # what an educational account needs is one of the listed practices
    ("does the geography account need anything in its bio", "sanctioned.aup_link", "conditional"),
    ("does the year 5 blog need a link to the it acceptable use policy?", "sanctioned.aup_link", "conditional"),
    ("can we launch the drama insta without the acceptable use policy link and add it later", "sanctioned.aup_link", "no"),
    # an account's AUP link asked about in passing: in order only with it
    ("the history dept tiktok has never had the aup link on it, is that a big deal?", "sanctioned.aup_link", "conditional"),
    ("can the aup link go in a highlight instead of the bio?", "sanctioned.aup_link", "conditional"),
    # what the reputation advice is against
    ("fancy having a rant about cmat on twitter tonight, is that ok?", "personal.consider_reputation", "no"),
    ("is it ok to post messy pics from saturday night when my insta bio says where i teach",
     "personal.consider_reputation", "no"),
    # round 5's kinds of fact, in other words
    ("a dad has my mobile and keeps whatsapping me about homework, can i answer him", "personal.no_personal_email_phone",
     "no"),
    ("can i put the netball photos on the school insta? everyone in them has consent, the girls without consent aren't in any",
     "sanctioned.photo_consent", "yes"),
    # consent counted: all of them, or all but some
    ("consent back for 24 of the 26 in my class, can i put the class photo on the school facebook",
     "sanctioned.photo_consent", "no"),
    ("consent forms back from 30 of 30, can i post the class photo on the school insta", "sanctioned.photo_consent", "yes"),
    ("consent for everyone except two kids, can i post the class photo on the school fb", "sanctioned.photo_consent", "no"),
    ("forms back from every family in the choir except one, can i post the concert photo on the school insta?",
     "sanctioned.photo_consent", "no"),
    # a group photo is not a group chat with parents
    ("a dad said no but the others are fine, ok to post the group pic?", "sanctioned.photo_consent", "no"),
    # round 14's kinds of fact, in other words
    ("one of the girls in my year 11 class sent a whatsapp message to my personal number about revision. what should i do?",
     "personal.report_child_contact", "report"),  # "year 11 class sent a whatsapp" is not a class account
    ("i've put every option on my insta and fb on the strictest level, is that what the policy wants?",
     "personal.privacy_settings", "yes"),
    ("a parent keeps phoning my personal mobile in the evenings, can i just answer the calls?",
     "personal.no_personal_email_phone", "no"),
    ("is it ok to text my mentor from my own phone about meeting up?", "personal.no_personal_email_phone", "yes"),
    ("picture of the reading corner for the school insta, no children or faces in it. do i need consent?",
     "sanctioned.photo_consent", "yes"),
    ("can i share the trust's vacancy for a cover supervisor on my personal facebook?", "personal.consider_reputation", "yes"),
    ("sharing the trust's job adverts on my linkedin, fine?", "personal.consider_reputation", "yes"),
    ("could you summarise what the policy is for in two lines?", "purpose.general", "info"),
    ("tl;dr what's this policy actually for", "purpose.general", "info"),
    ("whats the policy actualy for? in one line", "purpose.general", "info"),  # (typo intended)
    # round 15's kinds of fact, in other words
    # someone else's OK: only the Executive Headteacher's prior approval counts (most writers label it conditional)
    ("my head of school (not the exec head) says i can ring parents from my own phone, is that enough?",
     "personal.no_personal_email_phone", "conditional"),
    # ...and said outright that the Executive Headteacher has not approved it: no
    ("exec head hasnt approved anything but my head of school says its fine to text the parents from my phone on the trip",
     "personal.no_personal_email_phone", "no"),
    ("a year 8 sent me a dm on insta last night asking if it's really me. i haven't replied. can i just ignore it?",
     "personal.report_child_contact", "report"),
    ("i want to post how proud i am to be a teacher, nothing specific about school or anyone. ok?",
     "personal.avoid_specific_matters", "yes"),
    # a separate account for the club, unlinked from the personal one, is what the rule asks for
    ("SLT approved it and I've made a separate instagram for science club, totally unlinked from my personal one. that's right?",
     "sanctioned.separate_account", "yes"),
    ("can i run the science club insta from my personal one", "sanctioned.separate_account", "no"),
    ("Can't I just use the Twitter I already have for edu-chat with other teachers for my A-level group? Do I really need a "
     "separate account?", "sanctioned.separate_account", "no"),
    # nothing about school at all, or no place or person named: general; leaving the account public is the privacy advice
    ("my personal insta is all hiking and my dog, never anything about school. the policy's fine with that, isn't it?",
     "personal.avoid_specific_matters", "yes"),
    ("what if I just put on Facebook 'been a tough week at work, thank god it's Friday' without saying where I work or "
     "mentioning anyone? would that be ok?", "personal.avoid_specific_matters", "yes"),
    # a post to the whole year group is general: "all our students" is not one of them
    ("can I post a general 'exam season, good luck to all our students!' on my personal twitter?",
     "personal.avoid_specific_matters", "yes"),
    ("i've emailed my subject leader the account's url and name and slt approved it, can the pupils join now?",
     "sanctioned.notify_url", "yes"),
    ("can the geography account link to the met office site? i've checked it's all appropriate",
     "sanctioned.external_links", "yes"),
    # an official educational source is appropriate and safe by what it is; a random channel has to be checked
    ("Can I link to the BBC Bitesize revision pages from our SLT-approved department account?",
     "sanctioned.external_links", "yes"),
    ("can the art dept insta link to the national gallery website", "sanctioned.external_links", "yes"),
    ("can i link to the exam board website from the dept twitter", "sanctioned.external_links", "yes"),
    ("link to a random youtuber on the class blog?", "sanctioned.external_links", "conditional"),
    ("an ex pupil who left years ago (he must be about 25 now) added me on facebook, ok?", "personal.no_friend_students", "yes"),
    # the URL sent on, however many words come between
    ("i've sent the link and name of the class account to my head of subject, is that enough?", "sanctioned.notify_url", "yes"),
    # round 13's kinds of fact, in other words: an approval sent round by email; a placement or contract over;
    # other staff; a colleague's child
    ("the exec head sent an email round yesterday saying we can use our own phones to call parents this week. so i'm ok to?",
     "personal.no_personal_email_phone", "yes"),
    ("my supply placement with the trust ended at easter, can i accept the parents who message me on facebook now?",
     "personal.no_contact_parents_children", "yes"),
    ("on a temporary contract until august. once it ends am i allowed to add the parents on insta?",
     "personal.no_contact_parents_children", "yes"),
    ("can i be friends with other staff on facebook?", "personal.no_contact_parents_children", "yes"),
    ("a colleague's daughter wants to follow me on tiktok, she's 15 and goes to a school outside the trust, is that ok?",
     "personal.no_friend_students", "yes"),
    # approval sought after the fact; SLT to be told later; every account already on the highest setting
    ("texted a parent from my own phone on the trip yesterday, can the exec head sign it off now?",
     "personal.no_personal_email_phone", "no"),
    ("set up the year 6 class instagram already, going to tell slt about it next week, that ok?",
     "sanctioned.slt_approval", "no"),
    ("all my accounts are set to private on the max settings now, just did it. anything else i should do?",
     "personal.privacy_settings", "yes"),
    ("a dad texted my mobile about pick up times, do i ring back?", "personal.no_personal_email_phone", "no"),
    ("mum emailed my cmat address about reading books, ok to reply from that?", "personal.official_email", "yes"),
    # a school system's photo or page, published on social media; consent for one use only
    ("the seesaw photo of our class assembly, mum only ticked the seesaw box not the social media one. can i put it on "
     "the school instagram?", "sanctioned.photo_consent", "no"),
    ("can i keep my insta public? it's just my baking, nothing about school on it", "personal.privacy_settings", "no"),
    # who they are, said another way: an old form group, now at uni, still in the sixth form
    ("a lad from my old form group, he's 20 now, sent me a friend request on insta, can i accept?",
     "personal.no_friend_students", "yes"),
    ("one of my old year 11s is now at university, she's 19, wants to follow me on tiktok", "personal.no_friend_students",
     "yes"),
    ("he's an ex-pupil and turned 18 last month but is still in our sixth form, can i accept?",
     "personal.no_friend_students", "no"),
    # criticism of the trust; someone else's yes, acted on; SLT asked later or not at all
    ("is it ok to criticise cmat leadership on my twitter if i don't say where i work", "personal.consider_reputation", "no"),
    ("my hod said yes to a geography instagram, can i go ahead and make it today?", "sanctioned.slt_approval", "no"),
    ("can i launch the drama tiktok now and ask slt afterwards", "sanctioned.slt_approval", "no"),
    ("can the pe dept set up a youtube channel without going to slt first", "sanctioned.slt_approval", "no"),
    # "or should I make it private?" is not what is asked; "my personal one" is a personal account
    ("is my public tiktok ok or should i make it private?", "personal.privacy_settings", "no"),
    ("outlook is down, can i email the parents from my personal one today", "personal.official_email", "no"),
    ("can the office email parents from the shared school mailbox?", "personal.official_email", "yes"),
    # school content from a personal account, however it is arranged
    ("i've been putting class notices on my personal insta because it's easier than setting up a new page, ok?",
     "sanctioned.separate_account", "no"),
    ("can i run the sports insta as a second profile off my personal account?", "sanctioned.separate_account", "no"),
    # passing on the school's own post from a personal account is not running a school account
    ("can i share the school's post about sports day on my own facebook", "personal.consider_reputation", "yes"),
    # "separate from this policy" is not a separate account
    ("does safeguarding policy stuff count for my personal posts too or is that separate from this policy?",
     "scope.other_policies", "yes"),
    ("a mum has withdrawn her consent since we posted her son's photo on the school page, can it stay up",
     "sanctioned.photo_consent", "no"),
    ("instead of dming the year 10s, can i reply to them publicly under the post on the class account",
     "sanctioned.no_private_dm", "yes"),
    ("i've already emailed the blog url to my subject leader, can the class have the link now", "sanctioned.notify_url", "yes"),
    ("can the dept twitter share a link to a revision site a pupil suggested without anyone checking it",
     "sanctioned.external_links", "no"),
    ("can the pe twitter post some banter about the rival school we thrashed", "sanctioned.professional_content", "no"),
    ("we forgot the aup link in the bio of the new science insta, can we leave it", "sanctioned.aup_link", "no"),
    ("should the approved choir instagram be linked to my office 365 address", "sanctioned.link_trust_email", "yes"),
    ("i left cockburn trust in the summer, is it ok to accept friend requests from parents now",
     "personal.no_contact_parents_children", "yes"),
    # round 6's kinds of fact, in other words
    ("one girl in the team photo doesn't have consent but everyone else does, can i still put it on the school insta",
     "sanctioned.photo_consent", "no"),
    ("can i put it on the school facebook if there's no photo consent for two of the boys", "sanctioned.photo_consent", "no"),
    ("can i post on my facebook that SLT are useless", "personal.consider_reputation", "no"),
    ("can i share the school's news about our ofsted on my own facebook", "personal.consider_reputation", "yes"),
    ("my insta acc is public at the mo, problem?", "personal.privacy_settings", "no"),
    ("i have a public fb page for my bakery, an issue?", "personal.privacy_settings", "no"),
    # round 7's kinds of fact, in other words
    ("my old student turns 18 next month and sent me a follow request, can i accept now", "personal.no_friend_students", "no"),
    ("it's fine to answer a pupil publicly under the post on the class insta, isn't it? not a dm",
     "sanctioned.no_private_dm", "yes"),
    ("it's not against the rules to leave the aup link off our new geography account, is it?", "sanctioned.aup_link", "no"),
    ("school nurse here, zero hours - does the policy apply to me?", "intro.applies_all_staff", "info"),
    # round 9's kinds of fact, in other words: an ex sixth-former, a school outside the trust, partial consent
    ("ex y13 who left in july, she's 19 now, can i follow her back", "personal.no_friend_students", "yes"),
    ("a dad from a school that isn't part of our trust sent me a friend request", "personal.no_contact_parents_children",
     "yes"),
    ("a yr 10 from another school in the trust followed me", "personal.no_friend_students", "no"),
    ("most of the parents have said yes but only some of the forms are back, can i post the class photo",
     "sanctioned.photo_consent", "no"),
    # a child's message that has reached a personal account is reported; an adult ex-pupil's is not a child's
    ("a year 7 messaged my insta to say he liked the trip", "personal.report_child_contact", "report"),
    ("an ex pupil, he's 16 now and at college, sent me a message on facebook", "personal.report_child_contact", "report"),
    ("ex pupil 20 messaged me on fb", "personal.no_friend_students", "yes"),
    ("all my accounts are already on the highest privacy settings, anything else i need to do?",
     "personal.privacy_settings", "yes"),
    ("setting up the geography insta with my cmat email, is that right?", "sanctioned.link_trust_email", "yes"),
    # "should I take it down?" is answered first; "does the policy say they have to…" asks what is required
    ("i put a meme on my insta joking about the school dinners, should i take it down", "personal.consider_reputation",
     "no"),
    ("my insta is public, does the policy say it has to be private?", "personal.privacy_settings", "conditional"),
    # something that happened at the school is a specific matter; where pupils end up is the vision's destinations
    ("caretaker - there was a break-in at the sports hall last night, ok to put pics on my facebook?",
     "personal.avoid_specific_matters", "no"),
    ("does the trust say where pupils should end up after they leave?", "vision.aspirations", "info"),
    # consent not sought, a link to something unsafe, personal content on a school account
    ("can i put the gala photos on the school insta tonight? we haven't asked the parents yet", "sanctioned.photo_consent",
     "no"),
    ("a mum has withdrawn her son's photo consent, can i still use the team photo on the school fb",
     "sanctioned.photo_consent", "no"),
    ("can i link the class page to a free maths games site, it has pop-up ads for gambling", "sanctioned.external_links",
     "no"),
    ("can i advertise my daughter's dance show on the school twitter", "sanctioned.professional_content", "no"),
    # no child named, nothing identifying: the naming rules are kept, unless the names go in elsewhere
    ("can i caption the sports day photo 'year 5 having fun' with no names", "sanctioned.no_names_in_photos", "yes"),
    ("can i post the team photo without names but tag the players", "sanctioned.no_names_in_photos", "no"),
    ("can we post 'one of our year 11s got into cambridge' on the school insta without naming them or any details?",
     "sanctioned.no_identifying_info", "yes"),
    ("i've given a member of slt the url and handle of the class blog, can my pupils go on it now?",
     "sanctioned.notify_url", "yes"),
    # a deputy or assistant head is SLT; a private question answered in public is a public reply
    ("our assistant head, who's on slt, approved the chess club insta by email - ok to create it now?",
     "sanctioned.slt_approval", "yes"),
    ("a pupil dm'd the class account asking about homework, can i just answer with a public post instead?",
     "sanctioned.no_private_dm", "yes"),
    ("can i answer a student's question in the public comments on the revision tiktok", "sanctioned.no_private_dm", "yes"),
    # a general post about the job is not about a specific matter; one about a particular pupil still is
    ("is it ok to post a general thread about marking workload on my twitter, no individuals mentioned",
     "personal.avoid_specific_matters", "yes"),
    ("can i tweet generally about how a y8 kicked off today", "personal.avoid_specific_matters", "no"),
    # "can I ignore the AUP…?" must never read "Yes —"; another organisation's email is not the trust's
    ("can i ignore the acceptable use policy when i'm posting from my own phone", "scope.other_policies", "no"),
    ("do the equalities and aup policies apply to social media too?", "scope.other_policies", "yes"),
    ("i've been emailing parents about fixtures from my football club email, is that ok?", "personal.official_email", "no"),
    # SLT not yet asked, or answering later, is not SLT approval
    ("can i set the account up first and get slt approval afterwards?", "sanctioned.slt_approval", "no"),
    ("is governor approval enough to start a school instagram", "sanctioned.slt_approval", "no"),
    ("forgot to tell slt the url of the class blog before the kids joined, is that ok?", "sanctioned.notify_url", "no"),
    # leaving the trust, asked as a hypothetical; a pupil who has left, said with "'s" or "'ve"
    ("if i leave cmat at christmas could i then add the parents i've got to know?",
     "personal.no_contact_parents_children", "yes"),
    ("a lad from my old tutor group, he's left and he's 20 now, wants to add me on fb - ok?",
     "personal.no_friend_students", "yes"),
    # consent from parents is for photos of their children
    ("is parental consent needed for a group shot on the academy facebook?", "sanctioned.photo_consent", "conditional"),
    # a parent whose children are at a school in another trust; a text from my own phone, not social media
    ("my best mate's kids go to a primary in a totally different trust. she can stay on my facebook, can't she?",
     "personal.no_contact_parents_children", "yes"),
    # the school's own Outlook is the official account; a phone rule question that mentions a landline
    ("is it fine to email parents from my school outlook about the trip?", "personal.official_email", "yes"),
    ("our families don't all have email so we ring them from our own phones, the unit has one landline. is that ok?",
     "personal.no_personal_email_phone", "conditional"),
    # an account set private, asked whether that is enough; the URL shared before telling the subject leader
    ("my facebook is set to private and my friends list is hidden, am i all good?", "personal.privacy_settings", "yes"),
    ("gave my year 8s the link to our class blog before telling my subject leader, is that a problem?",
     "sanctioned.notify_url", "no"),
    # a kind comment on the school's page is not removed and reported; "a racist reply" is not the person replying
    ("a parent left a lovely comment on the school fb thanking staff for the play, i don't need to report it do i",
     "sanctioned.remove_inappropriate_comments", "yes"),
    ("someone's posted a racist reply under our sixth form's official instagram post. i've hidden it, anything else?",
     "sanctioned.remove_inappropriate_comments", "report"),
    # something rude posted about a named child by someone else is inappropriate communication involving a child
    ("a parent posted a rude meme about a named child on the village community page. is that something I need to report?",
     "personal.report_inappropriate", "report"),
    # asked whether work email must come from the trust account: only from it; asked whether it may, yes
    ("do ALL emails with parents have to come from the trust account, or just the formal ones like reports and letters?",
     "personal.official_email", "conditional"),
    ("a parent emailed me from her hotmail about the trip, can i reply from my school email?", "personal.official_email", "yes"),
    # round 22: two children without consent in a photo already up; SLT not replied and going ahead anyway; the trust
    # email unreachable is no reason for a personal one; a form group by its code; a new job is good news
    ("put a team pic up on the dept acct, just realised 2 of them are no-consent kids. leave it?",
     "sanctioned.photo_consent", "no"),
    ("need the dept insta live today, slt havent replied yet, can i just go ahead", "sanctioned.slt_approval", "no"),
    ("So I genuinely can't email a parent from my personal Outlook even when I'm at home and can't log in to school email?",
     "personal.official_email", "no"),
    ("So basically I can't tweet 'rough day with 9X' from my personal account?", "personal.avoid_specific_matters", "no"),
    ("Can I post on my own LinkedIn that I've got a new job as Head of Science in the trust, or is that banned too?",
     "personal.consider_reputation", "yes"),
    # approval for a trip that is over does not carry on; during it, it does
    ("exec head approved me using my phone to contact parents for the ski trip but the trip finished last week. can i keep "
     "texting them", "personal.no_personal_email_phone", "no"),
    ("the exec head approved me using my mobile for the residential, can i text parents while we're away",
     "personal.no_personal_email_phone", "yes"),
    # round 20: a class's work on a personal account; a supply teacher's agency email; "and other revision websites";
    # an approved account with no AUP link yet
    ("Can I post my Year 10 drama class's scripts on my personal TikTok so parents can see them?",
     "sanctioned.separate_account", "no"),
    ("the supply teacher covering my class wants to email a parent from her agency email, is that allowed",
     "personal.official_email", "no"),
    ("Can I share links to BBC Bitesize and other revision websites from the Year 11 revision account during exam season?",
     "sanctioned.external_links", "conditional"),
    ("made the science club insta, SLT approved it, but theres no link to the acceptable use policy in the bio yet, is that ok?",
     "sanctioned.aup_link", "no"),
    ("new app every term lol. can i make a school bereal for science club", "sanctioned.slt_approval", "conditional"),
    # a boozy night tagged at the school links the post to the trust
    ("PE tech: pic of me at a boozy team night, location-tagged at the academy's sports hall after hours. fine to post?",
     "personal.consider_reputation", "no"),
    # a sweary meme from an account that says where I work does not reflect well on the trust
    ("I want to post a sweary meme about marking on my public twitter, and my bio says I work at the academy. any issue?",
     "personal.consider_reputation", "no"),
    # SLT not asked yet: before it is made, only once they approve; made already, no
    ("SBM here - can the office start a school TikTok to show off events? nobody has asked SLT yet",
     "sanctioned.slt_approval", "conditional"),
    ("we haven't asked SLT yet, can we set up a pe insta", "sanctioned.slt_approval", "conditional"),
    ("we set it up last week and haven't asked slt yet, is that ok?", "sanctioned.slt_approval", "no"),
    # someone other than SLT asked whether they can approve: only with SLT approval; acting on their yes is not allowed
    ("am i right in thinking my subject leader can approve a new dept account, or does it have to be SLT?",
     "sanctioned.slt_approval", "conditional"),
    ("My head of department has said yes to a new Year 11 revision Instagram. Can I go ahead and create it?",
     "sanctioned.slt_approval", "no"),
    # a public chat under a live stream is public
    ("live stream on the school youtube - can I answer pupils' questions in the public live chat?",
     "sanctioned.no_private_dm", "yes"),
    # an account to show families what the boarders do is a trust account to be approved
    ("boarding house here: we want to set up an insta to show parents what the boarders do at weekends. who approves it?",
     "sanctioned.slt_approval", "conditional"),
    # an unofficial meme account is not the school's: what is posted on it about a child is reported
    ("two year 10s are posting nasty comments about a year 7 on an unofficial school meme account, who do i tell?",
     "personal.report_inappropriate", "report"),
    # the Executive Headteacher's approval said without an apostrophe; the Executive Headteacher saying no
    ("we've got exec head approval for every member of staff on the ski trip to text parents from our own mobiles, "
     "does that include me?", "personal.no_personal_email_phone", "yes"),
    ("the exec head said no to me using my own mobile on the residential, can i still text parents from it?",
     "personal.no_personal_email_phone", "no"),
    # a parent posting a photo of a pupil to call him names is to be reported, not contact with a parent
    ("a mum on the village facebook group posted a photo of one of our year 9s calling him a thug, what do i do?",
     "personal.report_inappropriate", "report"),
    # ...but whether to engage with what a parent posted is still the parent rule's
    ("a mum shared a video of her son's football match on facebook, can I like it?", "personal.no_contact_parents_children",
     "no"),
    # pupils' own email accounts are not this policy, but emailing them from a personal address is
    ("do pupils get their own school email accounts, and can i email them from my gmail?", "personal.official_email", "no"),
    # nobody from school on the account
    ("my personal insta is private, no students or parents on it, just mates. is that all ok?",
     "personal.privacy_settings", "yes"),
    # asked for a colleague: one who has left the trust, one who would use her own gmail
    ("a colleague who left the trust at christmas wants to know if she can add parents on facebook now",
     "personal.no_contact_parents_children", "yes"),
    ("two of our TAs left the trust last summer and work for the council now. can they friend parents on fb?",
     "personal.no_contact_parents_children", "yes"),
    # an account set up without running it past SLT
    ("made a twitter for the chess club over the weekend, never ran it by slt as it's tiny. ok?", "sanctioned.slt_approval",
     "no"),
    # approved by the SLT member who links with the department
    ("our slt link for pastoral signed it off on monday. can i set up the wellbeing insta now?", "sanctioned.slt_approval",
     "yes"),
    ("my ECT asked if it's ok to email parents from her gmail because outlook keeps crashing",
     "personal.official_email", "no"),
    # a parent from a class I used to teach, after I have left
    ("i left the trust in the summer. a parent from my old year 9 class wants to connect on fb, is that ok now?",
     "personal.no_contact_parents_children", "yes"),
    # a colleague posting about "my nightmare form", in detail, is a specific school matter
    ("head of year here - one of my tutors keeps posting on instagram about her nightmare year 8 form, "
     "names and all. should i say something?", "personal.avoid_specific_matters", "no"),
    # a tutor group is not an account; leaving the trust said without "I", or as a move to a school outside it
    ("I taught a year 10 tutor group years ago. one of them, now 24, wants to connect on linkedin. is that ok?",
     "personal.no_friend_students", "yes"),
    ("left the trust at easter, now teaching in another LA. can i accept parents' friend requests now?",
     "personal.no_contact_parents_children", "yes"),
    ("a mum from my old school (i moved to a non trust school last year) wants to add me on fb, any issue?",
     "personal.no_contact_parents_children", "yes"),
    # the child's words in quotes are not the member of staff replying
    ("a year 10 sent me a follow request with a message 'pls accept miss'. i've ignored it, is that enough?",
     "personal.report_child_contact", "report"),
    # a child without consent cropped out, or not
    ("one boy has no consent, can i post the team photo if i crop him out completely? the others all have consent",
     "sanctioned.photo_consent", "yes"),
    ("one boy has no consent and he's in the middle so i can't crop him out, can i still post the team photo?",
     "sanctioned.photo_consent", "no"),
    # answering on a public padlet wall is a public reply
    ("can the science dept account answer pupils' questions on the public revision padlet?", "sanctioned.no_private_dm", "yes"),
    # set up without anyone knowing is set up without approval
    ("a colleague set up a class tiktok without anyone knowing, is that allowed?", "sanctioned.slt_approval", "no"),
    # "does the AUP link need to go…" asks whether it must
    ("does the AUP link need to go in the description of the school radio youtube channel?", "sanctioned.aup_link",
     "conditional"),
    # a decision is read with the question's typos corrected when the words as typed meet none
    ("i made a year 6 leavers instagram withuot asking anyone, thats fine isnt it", "sanctioned.slt_approval", "no"),
    ("is it ok to have a pubilc facebook as a teacher", "personal.privacy_settings", "no"),
    # a platform said aloud, or a misspelt provider, is read as the name
    ("can i add a year 10 on face book", "personal.no_friend_students", "no"),
    ("ex pupil hes nineteen now wants to follow me on insta gram", "personal.no_friend_students", "yes"),
    ("school email is down, can I email the candidates about the change from my gmial?", "personal.official_email", "no"),
    # approval told in a briefing, a 'no photos' flag, the same rules for support staff; approval refused, a parent
    # answered on a personal phone; a personal account for the department's posts; family news on a school account
    ("exec head said in the start of term briefing that club staff can use their own phones to text parents about late "
     "pickups this year. so im ok to do that?", "personal.no_personal_email_phone", "yes"),
    ("one child in the nativity photo has 'no photos' on file. can i post it anyway seeing as hes right at the back?",
     "sanctioned.photo_consent", "no"),
    ("im in the site team, not teaching. same social media rules for us?", "intro.applies_all_staff", "info"),
    ("asked our HT if i could text the choir parents from my mobile and she said no. can i do it just this once?",
     "personal.no_personal_email_phone", "no"),
    ("The Executive Headteacher turned down my request to use my own phone for the trip. Can I just do it anyway?",
     "personal.no_personal_email_phone", "no"),
    ("A parent keeps texting my personal mobile about her son's detention. I never gave her the number. Do I have to answer?",
     "personal.no_personal_email_phone", "no"),
    ("a parent rang my personal mobile to complain about a detention. should i have taken the call?",
     "personal.no_personal_email_phone", "no"),
    ("can i just post the PE department's fixtures on my own instagram, saves making another account",
     "sanctioned.separate_account", "no"),
    ("does the department account have to be separate from my own or can they share a login?",
     "sanctioned.separate_account", "no"),
    ("can i put a happy bday post for my husband on the yr 2 class page, just a bit of fun",
     "sanctioned.professional_content", "no"),
    ("can I use the approved year 6 account to give my husband's dog-grooming business a plug? it's only one post",
     "sanctioned.professional_content", "no"),
    # the rule a question is about without its usual words
    ('The policy says inappropriate communications must be reported "immediately". If I notice something on a Friday evening, '
     "is it acceptable to wait until Monday morning to tell the designated person?", "personal.report_inappropriate", "report"),
    ("A boy was only with us for a few weeks in Year 7 before his family moved away. He's now 14 and has found me on "
     "Instagram. Does he count as an ex-student?", "personal.no_friend_students", "no"),
    ("Could I rename my personal Instagram to 'Miss Patel Art' and use it to showcase students' artwork?",
     "sanctioned.separate_account", "no"),
    # a student, whichever rule the words touch first: the rule on students
    ("I moderate a public Discord server for a board game. A Year 9 student has joined and asked me to add them as a friend "
     "on Discord. Is Discord covered?", "personal.no_friend_students", "no"),
    ("I've created a new Instagram account for our geography department but linked it to my personal account so I can "
     "switch between them. Is that entirely separate?", "sanctioned.separate_account", "no"),
    ("Would it be all right for the PE department account to post happy birthday messages to members of staff?",
     "sanctioned.professional_content", "no"),
    ("All the parents of the children in the photo have given written consent, and I won't add any names. Can I post it on "
     "the academy's X account?", "sanctioned.photo_consent", "yes"),
    # an official source, a department's own account, a win to celebrate
    ("Can the Year 8 maths account link to Oak National Academy lessons? its the govt-backed one so should be ok?",
     "sanctioned.external_links", "yes"),
    ("My department's Instagram sometimes posts pictures of my dog because they get more likes. Is that in line with the "
     "policy?", "sanctioned.professional_content", "no"),
    ("I'd like to post on my personal LinkedIn that our school has just won a regional sports award. Is that the sort of "
     "post the policy warns against?", "personal.consider_reputation", "yes"),
    # asking what is needed is not saying it is there
    ("do i need consent from every parent before posting the class photo on the school insta?", "sanctioned.photo_consent",
     "conditional"),
    ("do I need all the consent forms back before I post the trip photos on the class account?", "sanctioned.photo_consent",
     "conditional"),
    ("do we need SLT approved before we open the dept instagram?", "sanctioned.slt_approval", "conditional"),
    # saying it is there
    ("all the consent forms are back, can i post the class photo on the school insta?", "sanctioned.photo_consent", "yes"),
    ("Can a teaching assistant set up an Instagram account for the school's eco club if SLT have agreed to it?",
     "sanctioned.slt_approval", "yes"),
    # a school play, a phone as a camera, the school's own news
    ("Can I use my personal phone to take photos of pupils on a school trip for the school's Instagram?",
     "sanctioned.photo_consent", "conditional"),
    ("can i share the trust's news on my own twitter?", "personal.consider_reputation", "yes"),
    # turning a child down does not end it: a child's request or message is still reported
    ("a year 8 sent me a follow request on tiktok, i said no. do i still have to report it?", "personal.report_child_contact",
     "report"),
    ("one of my year 10s commented on my facebook photo so I blocked him. still need to report?",
     "personal.report_child_contact", "report"),
    # who the person is: a parent placed by a year group; a leaver on a gap year
    ("a year 9 dad added me on facebook, can i accept?", "personal.no_contact_parents_children", "no"),
    ("the dad of one of my year 11s wants to follow my insta, is that ok?", "personal.no_contact_parents_children", "no"),
    ("a lad from three years ago is 19 now and on a gap year, he wants to follow my insta. ok?", "personal.no_friend_students",
     "yes"),
    # finished in the sixth form years ago is an ex-student; once I've actually finished (retired) is after leaving
    ("a lad who finished in our sixth form three years ago (21 now) wants to follow my insta, is that allowed?",
     "personal.no_friend_students", "yes"),
    ("i retire in july. once i've actually finished can i add the parents i've got to know?",
     "personal.no_contact_parents_children", "yes"),
    # the Executive Headteacher's approval covers what was approved, not the next event or everyday contact
    ("the exec head ok'd my mobile for parents on the residential, can i use the same approval for sports day?",
     "personal.no_personal_email_phone", "conditional"),
    ("exec head approved my own phone for the DofE expedition, does that cover texting parents during it?",
     "personal.no_personal_email_phone", "yes"),
    # a colleague or an old school friend who has a child at one of our schools is a parent
    ("a lunchtime supervisor added me on insta. she's got a kid in year 5 but she's staff too, so fine?",
     "personal.no_contact_parents_children", "no"),
    ("an old school friend wants to follow me on tiktok, her kids go to one of our academies. ok?",
     "personal.no_contact_parents_children", "no"),
    # "does the policy need me to…" asks whether it is required; "about 3k followers" is not a class called 3k
    ("my insta is public with about 2k followers, all my pottery. does the policy need me to make it private?",
     "personal.privacy_settings", "conditional"),
    # "(no kids obvs)": no child in it, so no rule about children; a staff night out is the reputation advice
    ("work christmas do got messy last night (no kids obvs). someone took pics of me doing shots with the head, can i put them "
     "on my insta?", "personal.consider_reputation", "conditional"),
    ("the staff night out got really messy, no pupils there obviously. can i post the photos of me on facebook?",
     "personal.consider_reputation", "conditional"),
    # "a dad called me incompetent" is name-calling, not a phone call: the post about it is the question
    ("a mum called me useless at parents evening so i tweeted 'some parents are a nightmare', no names. ok?",
     "personal.avoid_specific_matters", "no"),
    ("a mum called me last night on my mobile about her son's detention, can i ring her back?",
     "personal.no_personal_email_phone", "no"),
    # a deputy head is SLT: the URL may go to them instead of the subject leader
    ("my subject leader is on maternity leave, can i send the new class blog's link to the deputy head instead?",
     "sanctioned.notify_url", "yes"),
    # email with a parent who is a friend, about something that is not trust business
    ("a dad at school is my running buddy, we email about our running club from our gmails. is that breaking the email rule?",
     "personal.official_email", "yes"),
    # SLT's approval of one account does not cover a new, separate one
    ("slt signed off the music dept insta last term. can we just make a separate one for the choir too?",
     "sanctioned.slt_approval", "conditional"),
    # a site full of betting sponsors' ads is not an appropriate, safe link
    ("can the rugby account share the local club's fixtures page? it's covered in betting sponsor ads",
     "sanctioned.external_links", "no"),
    # asked and refused is not approval
    ("we asked slt for a twitter account for the choir and they said no. can we set one up ourselves?",
     "sanctioned.slt_approval", "no"),
    # a shared or team mailbox is an official account; my own photos on the school account are not pupils' photos
    ("is it ok to reply to parents from the office shared mailbox?", "personal.official_email", "yes"),
    ("my school inbox is full so can i email parents from my gmail this week?", "personal.official_email", "no"),
    ("could we email parents from the dept inbox, or does it need to be our own trust addresses?",
     "personal.official_email", "yes"),
    ("can i reply from my hotmail or does it have to be the school one", "personal.official_email", "no"),
    # a comment a pupil left is a child's contact, not the member of staff commenting on a child's post
    ("one of my year 9s commented on my personal facebook post. can i just delete the comment?",
     "personal.report_child_contact", "report"),
    # bounced mail, and the personal address used instead: the email rule, not IT support
    ("the trust email keeps bouncing the big files, so can i send the worksheets to my yr 11s from my gmail instead?",
     "personal.official_email", "no"),
    # what someone else left under the trust's posts is removed and reported, not a rule on what staff publish
    ("a dad left a kid's full name and address in the comments under our sports day post",
     "sanctioned.remove_inappropriate_comments", "report"),
    ("scam links keep popping up under the school's youtube videos", "sanctioned.remove_inappropriate_comments", "report"),
    ("a mum left a polite but critical comment under our class post about the trip cost, do I delete it",
     "sanctioned.remove_inappropriate_comments", "yes"),
    # the staff's own night out or the writer's wedding in the picture: no child to consent for or to name
    ("the kids want to see my wedding photos, can I put them on the class instagram?", "sanctioned.professional_content", "no"),
    ("can pictures from the staff christmas do go on the school facebook page?", "sanctioned.professional_content", "no"),
    # "it's public, do I have to lock it?": advised, not required; an approval asked to carry over to another year
    ("my tiktok is public cos i review books on it, nothing about school. do i have to make it private?",
     "personal.privacy_settings", "conditional"),
    ("the exec head ok'd my mobile for the ski trip in feb, does that approval carry over to next year's trip?",
     "personal.no_personal_email_phone", "conditional"),
    # who the writer is, said first, is not what they ask; whether the policy is for them, the role answers
    ("dinner lady - what's the point of this policy?", "purpose.general", "info"),
    ("coach here: one of the u12s sent me a message on insta about training, who do i tell?",
     "personal.report_child_contact", "report"),
    ("caretaker - does this policy even cover me?", "intro.applies_all_staff", "info"),
    ("what should go on the dept insta?", "sanctioned.professional_content", "conditional"),
    # by email, with no social media in it: the email rule, not the rule on connecting with parents
    ("a dad i play football with emailed my personal address about the school trip, ok to answer from it?",
     "personal.official_email", "no"),
    # a question about the policy itself, asked about a case with parents in it
    ("is keeping my insta private a rule or just advice? a couple of parents follow me", "personal.privacy_settings", "info"),
    # a review of the trust on a review site is a post related to it
    ("is it ok to write a glassdoor review of the trust while I still work here?", "personal.consider_reputation", "conditional"),
    # a picture told by what it shows; "wants it on the website": to publish it
    ("is consent still needed if the kids' faces are blurred in the class video?", "sanctioned.photo_consent", "conditional"),
    ("got some lovely pics of the year 4s at sports day and the head wants them on the website and fb, anything to check first?",
     "sanctioned.photo_consent", "conditional"),
    ("can i put my own holiday photos on the geography department instagram?", "sanctioned.professional_content", "no"),
    # said aloud: "live stream", "v r chat"
    ("my son plays v r chat, does the policy reach places like that?", "scope.virtual_worlds", "info"),
    # "I never post about school" says what is not posted: the settings are the question
    ("my tiktok is public because of my baking videos and I never post about school. do I have to make it private?",
     "personal.privacy_settings", "conditional"),
    # a site's account nobody approved; a club's updates on a personal account
    ("Our PRU site has had an Instagram account for years that nobody ever approved. Is that within the policy?",
     "sanctioned.slt_approval", "no"),
    ("can i post the nursery's forest school updates on my personal insta?", "sanctioned.separate_account", "no"),
    # what a trust account must not carry: my own views, a plug for my business, a colleague's blooper
    ("can i put my own views on the general election on the school's official twitter?", "sanctioned.professional_content",
     "no"),
    ("can i plug my tutoring business on the maths department youtube channel?", "sanctioned.professional_content", "no"),
    # a school account registered to a personal address; a trust system's admin inbox
    ("can i register the drama club's tiktok with my personal gmail so i get the notifications on my phone?",
     "sanctioned.link_trust_email", "no"),
    ("can i send the trip letter to parents from the academy's admin inbox?", "personal.official_email", "yes"),
    # a meme about how chaotic the trust's new policy is
    ("can i do a meme on my tiktok about how useless our trust's new reporting system is? it's just a joke",
     "personal.consider_reputation", "no"),
    # a leaving post about why I'm leaving the trust; a caption about one parent
    ("in my leaving post on linkedin can i say what i really think about why i'm leaving the trust?",
     "personal.consider_reputation", "conditional"),
    ("can i post on my strava 'ran off the stress of parents evening with that dad'?", "personal.avoid_specific_matters", "no"),
    # people said to be absent are not there
    ("my insta is public but none of my students follow me, is that ok?", "personal.privacy_settings", "no"),
    # why the trust cares what staff do on their own accounts: what the policy is for
    ("why does the trust even care what i do on my own social media", "purpose.general", "info"),
    # a child's message told, not asked about: whatsapped, sending messages on a game, a request declined ("anything else?")
    ("a year 11 from my running club whatsapped me asking for a lift to the race", "personal.report_child_contact", "report"),
    ("a year 5 has been sending me messages on roblox", "personal.report_child_contact", "report"),
    # "my art account" said to be "my personal one"; a pupil-to-be "in one of my classes"
    ("a year 12 wants to follow my art account on insta, it's my personal one for my paintings", "personal.no_friend_students",
     "no"),
    ("i start as a TA next month and a 14 yr old from the street will be in one of my classes, we've been friends on snapchat "
     "for years. do i remove him?", "personal.no_friend_students", "no"),
    # approval planned for afterwards is not prior approval; details that identify a child, with no name
    ("can i ring a mum from my mobile now and get the exec head to sign it off afterwards?", "personal.no_personal_email_phone",
     "no"),
    ("can the school insta give the winner's age and which village she lives in, with no name?", "sanctioned.no_identifying_info",
     "no"),
    # every setting on Facebook's two closed levels is the advice kept; a name and photo visible to everyone is not enough
    ("i've put every setting on my insta to 'friends' or 'only me', is that what the policy wants?", "personal.privacy_settings",
     "yes"),
    ("my twitter is locked but my name and photo are visible to everyone, is that ok?", "personal.privacy_settings",
     "no"),
    # a request sent is asking to connect, not a message to report
    ("ex pupil, left last summer, she's 16, sent me an insta request. ok?", "personal.no_friend_students", "no"),
    # my own device, the school's email account: the email is from the official account
    ("can i email parents from my own ipad at home if i log into my school email account?", "personal.official_email", "yes"),
    # a reply to our post, and insults of our pupils written on the school's page, are comments to remove and report
    ("a dad replied to our harvest festival post with something homophobic, what do i do?",
     "sanctioned.remove_inappropriate_comments", "report"),
    ("someone keeps writing on the school facebook that our pupils are scum, what do i do",
     "sanctioned.remove_inappropriate_comments", "report"),
    # a stranger asking where children in our photos live, under the school's photos: a comment to remove and report
    ("some random bloke commented under the school's netball photos asking which village the team lives in. what do i do?",
     "sanctioned.remove_inappropriate_comments", "report"),
    # the PTA's own group or chat is the parents', not a school account
    ("can i be in the pta whatsapp group on my own account", "personal.no_contact_parents_children", "no"),
    # a private message to a pupil in the school's approved group
    ("the orchestra has an approved private facebook group, can i privately message a year 8 in it about her music?",
     "sanctioned.no_private_dm", "no"),
    # 18 next month, asked about now; "my personal" account named for a subject; a governor with a child at the school
    ("ex pupil turns 18 in a few weeks, can i accept him now or do i wait till his birthday?", "personal.no_friend_students",
     "no"),
    ("girl who left after yr 11 is 18 now, she asked to follow my personal music insta. fine?",
     "personal.no_friend_students", "yes"),
    ("one of our governors has a daughter in year 2 and sent me a friend request on facebook, ok to accept?",
     "personal.no_contact_parents_children", "no"),
    # a subject's board kept on a personal account; "textiles" is not a text; "snap the kids" takes a photo
    ("making a pinterest board for my year 8 textiles group, can it go on my personal pinterest?", "sanctioned.separate_account",
     "no"),
    ("can i snap the kids doing their science experiment for the school facebook?", "sanctioned.photo_consent", "conditional"),
    # accepting parents with no app named, while still employed; the head's own account, not a post about the head
    ("i'm on my notice till july, can i start accepting the mums who've asked now?", "personal.no_contact_parents_children",
     "no"),
    ("our principal's personal instagram is totally public, isn't that against the policy?", "personal.privacy_settings", "no"),
    # a pupil we taught, now at a school outside the trust and under 18; an ex-pupil who is now a parent here; an old
    # tutee; the only children without consent are not in the photos; a comment on a parent's post; news of a new head;
    # an X account left unprotected
    ("a lad i had in yr 5 is now 14 at a high school outside the trust, he followed me on tiktok, can i follow back?",
     "personal.no_friend_students", "no"),
    ("a former pupil (24) is now a mum of a yr 2 here and wants to add me on facebook, fine as she's an adult?",
     "personal.no_contact_parents_children", "no"),
    ("an old tutee of mine, 18 now, wants to follow me on insta. ok?", "personal.no_friend_students", "yes"),
    ("the children without photo consent aren't in any of the sports day pics, ok to put them on the school insta?",
     "sanctioned.photo_consent", "yes"),
    ("can i comment congrats on a mums public insta post about her holiday? its public so anyone can see it",
     "personal.no_contact_parents_children", "no"),
    ("can i post on my own insta that we're appointing a new headteacher in september?", "personal.avoid_specific_matters", "no"),
    ("is it fine to keep my twitter unprotected, it's only cycling stuff?", "personal.privacy_settings", "no"),
]


@pytest.mark.parametrize("question", [
    "some year 10s keep sending me friend requests on playstation, can I accept so we can play?",
    "my nephew is in year 8 at our school, can we stay friends on insta?",
    "can a sixth former follow my art account?",
])
def test_a_pupil_asking_to_connect_gets_the_rule_on_students_whichever_rule_leads(matcher, question):
    facts = extract_facts(question)
    decision = decide(matcher.kb, "personal.no_contact_parents_children", facts, question)
    assert (decision.clause_id, decision.verdict) == ("personal.no_friend_students", "no")


def test_a_message_request_to_a_school_account_is_a_private_message(matcher):
    question = "the class insta has a message request from a year 9, can i open it and reply?"
    decision = decide(matcher.kb, "personal.no_contact_parents_children", extract_facts(question), question)
    assert (decision.clause_id, decision.verdict) == ("sanctioned.no_private_dm", "no")


def test_a_family_or_an_invitation_keeps_the_parent_rule(matcher):
    for question in ("my neighbour's son is in year 8, she sent me a friend request",
                     "can i invite my year 11s to follow my art account"):
        decision = decide(matcher.kb, "personal.no_contact_parents_children", extract_facts(question), question)
        assert decision.clause_id == "personal.no_contact_parents_children", question


def test_a_list_of_the_team_is_personally_identifying(matcher):
    ranked = matcher.rank("is it ok to put the squad list on the school twitter")
    assert ranked[0].clause_id == "sanctioned.no_identifying_info"


@pytest.mark.parametrize(("question", "clause_id", "verdict"), DECISIONS)
def test_the_stance_answers_the_question_asked(matcher, question, clause_id, verdict):
    reply = matcher.answer(question)
    assert (reply.kind, reply.clause_id, reply.verdict) == ("answer", clause_id, verdict), reply.headline


# A situation walked through and the same situation asked in words reach the same verdict.
SAME_SITUATION = [
    ("friend_request", {"requester": "parent"}, "a parent sent me a friend request on facebook, can I accept?"),
    ("friend_request", {"requester": "current_student"}, "a year 8 sent me a follow request on tiktok, can I accept?"),
    ("friend_request", {"requester": "ex_student", "age": "adult"},
     "an ex-student who left years ago, he's 21 now, sent me a friend request. can i accept?"),
    ("child_contact", {"contact": "current_student", "account": "personal"},
     "a year 9 messaged me on my personal instagram, what do I do?"),
]


@pytest.mark.parametrize(("scenario_id", "answers", "question"), SAME_SITUATION)
def test_a_situation_and_a_question_agree(matcher, scenario_id, answers, question):
    scenario = BOOK.get(scenario_id)
    walk = next(w for w in map(lambda route: walk_path(scenario, route), paths(scenario))
                if answers.items() <= dict(w.answers).items())
    title = scenario.node(walk.node).title
    reply = matcher.answer(question)
    assert says(title) == reply.verdict, (title, reply.headline)


@pytest.mark.parametrize("topic", ["privacy", "friend requests", "class account", "whatsapp"])
def test_a_topic_on_its_own_offers_the_rules_it_touches(matcher, topic):
    reply = matcher.answer(topic)
    assert reply.kind == "choose" and len(reply.choices) >= 2
    assert all(matcher.kb.by_id[c].stance != "information" for c in reply.choices)


def test_a_topic_only_facts_answer_offers_those_facts(matcher):
    reply = matcher.answer("purpose of policy")
    assert reply.kind == "choose" and reply.choices[0] == "purpose.general"
    assert all(c.startswith("purpose.") for c in reply.choices)


def test_a_topic_typed_as_a_search_is_searched(matcher):
    reply = matcher.answer("remove and report comments")
    assert reply.kind == "answer" and reply.clause_id == "sanctioned.remove_inappropriate_comments"


@pytest.mark.parametrize("text", ["parking", "pay rise", "can I park in the staff car park?",
                                  # money claimed back, and a meeting in school with a parent
                                  "can i get my spotify subscription reimbursed? i play it in art lessons",
                                  "a dad has asked for a meeting about his daughter's maths set, should my line manager "
                                  "sit in?", "a mum emailed to ask for a refund for the theatre trip, who deals with it?",
                                  # a gift sent by post; who owns what I make
                                  "a dad wants to post me a voucher to say thanks, can i accept gifts from parents?",
                                  "i made revision videos for youtube in my own time, can i sell them or does the trust "
                                  "own them?"])
def test_a_topic_this_policy_is_not_about_is_not_offered(matcher, text):
    assert matcher.answer(text).kind == "unknown"


def _policy_runs(kb, text: str, length: int = 8) -> list[str]:
    """Runs of `length` words of `text` that the policy source has word for word."""
    def norm(s):
        return " ".join(s.replace("\u2010", "-").replace("\u2019", "'").lower().split())
    source, words = norm(kb.source_text), norm(text).split()
    return [" ".join(words[i:i + length]) for i in range(len(words) - length + 1)
            if " ".join(words[i:i + length]) in source]


def test_headlines_are_our_words_not_a_quote(kb, matcher):
    """A headline says the verdict in our words; the policy's words come below it, quoted, with their
    section. A headline copying eight or more of them would read as the quote itself."""
    headlines = {c.headline for c in kb.clauses} | {d.headline for c in kb.clauses for d in c.decides}
    headlines |= {matcher.answer(q).headline for q in _questions()[:400]} - {None}
    assert [h for h in headlines if _policy_runs(kb, h)] == []


def test_a_campaigns_name_is_not_the_harm_it_is_against(matcher):
    for question in ("can i put my class's anti-bullying week video on my own youtube?",
                     "can we post the anti racism assembly photos on the school insta?"):
        assert matcher.answer(question).clause_id != "personal.report_inappropriate", question


def test_pupils_said_not_to_be_there_are_not_the_friend_rule(matcher):
    for question in ("snap map question - is it fine to leave my location on for all my friends? no pupils on there obvs",
                     "no pupils follow my tiktok, can i post what i like"):
        assert matcher.answer(question).clause_id != "personal.no_friend_students", question


def test_a_post_with_no_child_in_it_is_nothing_to_report(matcher):
    reply = matcher.answer("a video of the staff panto on my own insta, nothing to do with kids, fine?")
    assert reply.clause_id != "personal.report_inappropriate"


def test_a_livestream_of_the_school_play_is_the_photo_rules_business(matcher):
    """Answered from the consent rule, or (where the second opinion all but rules that out) offered first."""
    for question in ("Can we livestream the school play on YouTube?", "can we live stream the school play on youtube?"):
        reply = matcher.answer(question)
        assert reply.clause_id == "sanctioned.photo_consent" and reply.kind in ("answer", "choose"), question


def test_a_clause_the_second_opinion_all_but_rules_out_is_offered_not_answered_from(matcher):
    """No decision, fact or frame of its own backs it: a choice of two, or "not covered", never a guess."""
    reply = matcher.answer("the group chat for our department is full of moaning about the new rota. "
                           "who do i raise rota problems with?")
    assert reply.kind in ("choose", "unknown")


def test_an_adult_not_said_to_be_a_current_or_ex_student_is_asked_about(matcher):
    # 20 is past the ex-student age, but a current student of any age is barred: one question, not a guess
    reply = matcher.answer("a lad who's 20 now wants to follow me on insta, he did his gcses with us ages ago. all good?")
    assert reply.kind == "clarify" and reply.clarification.asks == ("relation", "under_18")
    # upper sixth and post-16 courses are current students
    for question in ("upper sixth lad, 18, wants to add me on snapchat, fine?",
                     "a 19 year old on our post-16 programme added me on facebook, is that ok?"):
        reply = matcher.answer(question)
        assert (reply.kind, reply.verdict, reply.facts.get("relation")) == ("answer", "no", "current_student")


def test_a_url_not_yet_sent_is_not_read_as_sent(matcher):
    # "haven't told SLT the link" was read as "told SLT the link": "OK, SLT has the URL"
    reply = matcher.answer("the yr 4s have been on the class blog since monday but i haven't told slt the link yet, problem?")
    assert (reply.clause_id, reply.verdict) != ("sanctioned.notify_url", "yes")
    assert matcher.answer("i've sent slt the link to the class blog, can the yr 4s start using it?").verdict == "yes"  # a guard


def test_what_a_family_films_or_posts_itself_is_not_covered(matcher):
    # a parent filming their own child is not the trust publishing photos (nor a child's contact to report)
    for question in ("can a mum film her own son in the christmas play and put it on tiktok?",
                     "is it ok for a grandparent to take pictures of their grandchild on sports day and post them?"):
        assert matcher.answer(question).kind == "unknown"
    # on the school's own page it is the trust's account: the comments and photo rules (the veto stops short of it)
    reply = matcher.answer("can parents share photos of the nativity in the comments on the school facebook page?")
    assert reply.kind in ("answer", "choose") and "sanctioned.remove_inappropriate_comments" in (reply.clause_id, *reply.choices)


def test_this_policy_named_beside_another_is_still_this_policy(matcher):
    reply = matcher.answer("is keeping children safe one of the aims of this policy, or only the child protection policy?")
    assert reply.clause_id == "purpose.safeguard"
    assert matcher.answer("where can i find the child protection policy?").kind == "unknown"  # a guard: another policy


def test_an_ex_students_age_said_as_what_they_would_be_now(matcher):
    # "he'd be about 15 now" was not read as an age: "Yes — the rule stops at ex-students under 18"
    reply = matcher.answer("a girl who left us in yr 8 has added me on insta, she'd be around 14 now. can i accept?")
    assert (reply.verdict, reply.facts.get("age")) == ("no", 14)
    assert matcher.answer("an old pupil of mine wants to follow me, he would be 22 by now, is that ok?").facts.get("age") == 22


def test_the_url_given_only_after_students_were_told_is_not_given_first(matcher):
    reply = matcher.answer("i gave my yr 9s the blog address before i had let the head of dept know what it was. an issue?")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.notify_url", "no")


def test_one_account_still_public_is_not_the_highest_settings(matcher):
    # "locked down" everywhere else was read as done: "Yes — the policy strongly advises…" to "is that fine?"
    reply = matcher.answer("insta and fb are locked down now but my twitter is totally public, is that ok?")
    assert (reply.clause_id, reply.verdict) == ("personal.privacy_settings", "no")
    # "does that matter?" answered "No —" would read as "it doesn't matter"
    reply = matcher.answer("locked my tiktok but facebook is still public. does it matter?")
    assert reply.verdict == "no" and reply.headline.startswith("Not OK")
    reply = matcher.answer("is it ok for my team to keep twitter public as long as their insta is locked down?")
    assert (reply.clause_id, reply.verdict) == ("personal.privacy_settings", "no")
    assert matcher.answer("garmin connect public ok? only my cycling").verdict == "no"


def test_a_personal_address_used_because_a_school_one_bounces_is_still_a_personal_address(matcher):
    # "bounces" was read as an IT question whatever came before it
    reply = matcher.answer("been using my own gmail for one family because their school address bounces, alright short term?")
    assert reply.kind == "answer" and reply.verdict == "no"
    assert matcher.answer("my emails to a parent keep bouncing back, how do i sort it?").kind == "unknown"  # a guard


def test_leaving_the_aup_link_off_is_a_no(matcher):
    assert matcher.answer("the acceptable use link makes our bio messy, can we leave it out?").verdict == "no"


def test_every_parent_having_consented_answers_yes(matcher):
    reply = matcher.answer("the year 2 parents have all signed the photo consent, can the trip photos go on the class page?")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.photo_consent", "yes")


def test_in_general_asked_about_specific_incidents_is_not_a_general_post(matcher):
    reply = matcher.answer("just in general, can i tweet about specific things that happen in my lessons?")
    assert (reply.clause_id, reply.verdict) == ("personal.avoid_specific_matters", "no")
    # a guard: the advice on specific matters named, the post general
    reply = matcher.answer("is a general post about workload ok under the advice on specific matters? nothing about anyone")
    assert reply.verdict == "yes"


def test_a_general_post_that_is_about_no_specific_person_is_a_yes(matcher):
    # "a specific pupil" named only to say the post is not about one
    for question in ("can i post general teaching tips on my insta as long as nothing is about a specific pupil?",
                     "can i post generally about my job as long as it isn't about a particular kid"):
        reply = matcher.answer(question)
        assert (reply.clause_id, reply.verdict) == ("personal.avoid_specific_matters", "yes"), question
    assert matcher.answer("can i post about a kid in my class in general terms").verdict == "no"  # a guard


def test_a_child_shown_up_online_is_reported(matcher):
    for question in ("a yr 10 is filming supply teachers without them knowing and putting it on snapchat, who do i tell?",
                     "someone on the village fb group posted a photo of a yr 3 with a really mean comment, what should i do"):
        reply = matcher.answer(question)  # answered, or offered beside the rule on a child's own message (both say report it)
        assert reply.kind in ("answer", "choose") and "personal.report_inappropriate" in (reply.clause_id, *reply.choices)


def test_the_age_children_may_join_an_app_is_not_this_policy(matcher):
    assert matcher.answer("what age can kids be on snapchat? a yr 5 mum asked me").kind == "unknown"
    assert matcher.answer("a parent wants us to delete the emails we hold about her daughter, must we?").kind == "unknown"
    assert matcher.answer("where do i find parents' email addresses for the newsletter?").kind == "unknown"


def test_whether_this_policy_is_for_some_staff_is_about_who_it_covers(matcher):
    reply = matcher.answer("minibus driver - is this policy for me as well?")  # "policy for" was read as another policy
    assert "intro.applies_all_staff" in (reply.clause_id, *reply.choices)


def test_the_parents_own_group_is_not_a_class_account(matcher):
    # "the parents' whatsapp group … the one for my reception class" was read as a class account: a choice of three rules
    reply = matcher.answer("the parents' whatsapp group for my yr 1 class asked me to join, my last school let us. ok here?")
    assert (reply.kind, reply.clause_id, reply.verdict) == ("answer", "personal.no_contact_parents_children", "no")


def test_the_school_pages_own_video_shared_from_my_account_is_about_reputation(matcher):
    reply = matcher.answer("can i share the official school page's video from the carol service on my personal facebook?")
    assert (reply.kind, reply.clause_id) == ("answer", "personal.consider_reputation")


def test_putting_the_record_straight_is_a_post_about_a_school_matter(matcher):
    reply = matcher.answer("the local mums' fb group is having a go at a decision the head made, "
                           "can i comment and put the record straight?")
    assert (reply.clause_id, reply.verdict) == ("personal.avoid_specific_matters", "no")


def test_what_the_requirements_aim_to_achieve_is_the_balance(matcher):
    # a guard: the balance clause's relevance rule now names what the requirements aim at (a round's question with a
    # second sentence got the purpose clause before it; this shorter one got the balance clause already)
    reply = matcher.answer("what does the introduction say the policy's requirements are for?")
    assert "intro.balance" in (reply.clause_id, *reply.choices)


def test_the_policy_itself_challenged_gets_its_introduction(matcher):
    # these scored too low for any clause and got "not covered"
    reply = matcher.answer("why does the academy even need rules on social media? what i do in my own time is my own affair")
    assert (reply.kind, reply.clause_id) == ("answer", "intro.balance")
    reply = matcher.answer("be honest, is the trust anti-social media? the policy reads like a list of don'ts")
    assert (reply.kind, reply.clause_id) == ("answer", "intro.opportunities")


def test_part_of_a_profile_left_public_is_not_good_enough(matcher):
    # "Only partly" read as a half yes to "is that good enough?"
    for question in ("insta is friends only now but my profile photo and bio are visible to everyone, is that enough?",
                     "ok to keep my cover photo public if everything else is locked?"):
        reply = matcher.answer(question)
        assert (reply.clause_id, reply.verdict) == ("personal.privacy_settings", "no")
    reply = matcher.answer("my profile pic is still public, the rest is friends only. do i have to change it?")
    assert reply.verdict != "no"  # a guard: advised, not required


def test_a_colleagues_own_mobile_with_nobody_approving_is_not_a_school_phone(matcher):
    # "her own mobile" was not read as a personal phone, so "the school phone had no signal" got "a school phone is fine"
    reply = matcher.answer("on the residential a TA phoned a parent on her own mobile as the school one was dead. "
                           "no one had approved it. is that against the policy?")
    assert (reply.clause_id, reply.verdict) == ("personal.no_personal_email_phone", "no")
    reply = matcher.answer("my colleague got the executive head to ok it after he'd already rung the parent from his mobile, "
                           "all fine now?")
    assert (reply.clause_id, reply.verdict) == ("personal.no_personal_email_phone", "no")


def test_a_personal_account_turned_into_the_class_one_is_the_separate_account_rule(matcher):
    # "set it to private" read as the privacy advice: "Yes — the policy strongly advises the highest privacy settings"
    reply = matcher.answer("could staff turn their existing insta into the dept account if they set it to private?")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.separate_account", "no")


def test_a_leaver_said_without_the_word_student(matcher):
    reply = matcher.answer("lad left after yr 11 three yrs ago, now 19, ok to add him on fb")
    assert (reply.clause_id, reply.verdict, reply.facts.get("relation")) == ("personal.no_friend_students", "yes", "ex_student")
    reply = matcher.answer("left in 2018 now 20 wants to follow me on insta")
    assert (reply.kind, reply.clause_id, reply.verdict) == ("answer", "personal.no_friend_students", "yes")
    # the member of staff leaving is not an ex-student ("once i've actually left")
    reply = matcher.answer("can i add the parents on fb once i've actually left the school in july?")
    assert reply.facts.get("relation") != "ex_student"


def test_what_a_trainer_says_in_training_is_not_a_question_about_training(matcher):
    reply = matcher.answer("in training i always say staff social media is a safeguarding matter - does the policy say so?")
    assert (reply.kind, reply.clause_id) == ("answer", "intro.safeguard_duty")
    assert matcher.answer("when is the next safeguarding training").kind == "unknown"  # a guard


def test_a_joke_about_how_chaotic_my_first_week_at_the_academy_was_is_a_no(matcher):
    reply = matcher.answer("can i post a jokey tiktok about how chaotic my first week at the academy was? meant to be funny")
    assert (reply.clause_id, reply.verdict) == ("personal.consider_reputation", "no")


def test_a_colleagues_own_account_is_a_personal_account(matcher):
    # "her tiktok", asked by a head of department for a colleague, is as personal as "my tiktok"
    question = "a HoD put her tiktok on friends only but left 'suggest your account to others' on. does that meet the policy?"
    reply = matcher.answer(question)
    assert (reply.kind, reply.clause_id) == ("answer", "personal.privacy_settings")


def test_a_snapchat_group_with_pupils_is_not_a_school_account_to_set_up(matcher):
    # "set up a snapchat group with the lads" got "Yes, with SLT approval", as if it were a new school account
    reply = matcher.answer("u10s coach - can i set up a snapchat group with the boys on the team to tell them about games")
    assert (reply.kind, reply.clause_id, reply.verdict) == ("answer", "personal.no_contact_parents_children", "no")
    reply = matcher.answer("can i set up a snapchat group with my year 9 class")
    assert not (reply.kind == "answer" and reply.clause_id == "sanctioned.slt_approval")
    assert matcher.answer("can i set up a snapchat for the PE department").clause_id == "sanctioned.slt_approval"  # a guard


def test_photos_printed_for_a_display_and_not_online_are_not_this_policy(matcher):
    # "not online" was read as "online", which let the consent rule answer a corridor display
    question = "can i put photos of my class on the corridor board (printed, not online)? someone said i need consent"
    assert matcher.answer(question).kind == "unknown"


def test_would_it_be_ok_is_a_question_not_an_approval(matcher):
    # "would it be ok" read as someone's OK made a plug for a relative's business a question of SLT approval
    reply = matcher.answer("would it be ok to plug my cousin's bakery on the school's PE insta, she sponsors our kit")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.professional_content", "no")


def test_photos_on_my_profile_for_anyone_to_see_are_the_privacy_advice(matcher):
    reply = matcher.answer("my choir tags me in photos and they show up on my profile for anyone to see. fine to leave?")
    assert (reply.clause_id, reply.verdict) == ("personal.privacy_settings", "no")


def test_pride_in_a_school_event_is_good_news_not_a_specific_matter(matcher):
    reply = matcher.answer("can i post on my own insta how proud i am of our christmas concert? no pics of kids, no names")
    assert (reply.clause_id, reply.verdict) == ("personal.consider_reputation", "yes")
    # a guard: one pupil, unnamed, is still a specific matter (answered, or offered beside the rule on details)
    reply = matcher.answer("can i post how proud i am of a kid in my class who finally read a whole book? no names")
    assert reply.clause_id == "personal.avoid_specific_matters" and reply.verdict != "yes"


def test_taking_the_mick_or_a_few_drinks_in_does_not_reflect_well(matcher):
    for question in ("can i put a meme on my twitter taking the mick out of the trust's new logo?",
                     "posted a story from the pub with my school lanyard still on, a few drinks in. problem?"):
        reply = matcher.answer(question)
        assert (reply.clause_id, reply.verdict) == ("personal.consider_reputation", "no"), question


def test_a_link_in_someone_elses_comment_is_the_comments_rule(matcher):
    reply = matcher.answer("a parent commented on the school page with a link to a hate site. do i just delete it?")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.remove_inappropriate_comments", "report")


def test_installing_an_app_on_school_devices_is_it_not_this_policy(matcher):
    # "install capcut on the class ipads" got "No — a trust account must only be set up after SLT approval"
    assert matcher.answer("can i just install capcut on the class ipads for the yr 8 film project?").kind == "unknown"


def test_the_executive_headteachers_written_ok_is_prior_approval(matcher):
    question = "exec head gave us written ok in september to ring parents from our mobiles on trips. fine to do it friday?"
    reply = matcher.answer(question)
    assert (reply.clause_id, reply.verdict) == ("personal.no_personal_email_phone", "yes")


def test_a_deputy_heads_verbal_yes_is_slt_approval(matcher):
    reply = matcher.answer("got a verbal yes from the deputy head for the new art insta. does that count as slt approval?")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.slt_approval", "yes")


def test_a_comment_that_our_own_post_was_unprofessional_asks_about_our_post(matcher):
    question = "i put a silly meme on the science account and a parent commented that it was unprofessional. was it?"
    reply = matcher.answer(question)
    assert (reply.clause_id, reply.verdict) == ("sanctioned.professional_content", "no")


def test_an_old_tutee_still_in_a_year_group_is_a_current_pupil(matcher):
    # "old tutees (yr 8)" was an ex-student, and "yr 8 sent me a snapchat" a year 8 snapchat account
    reply = matcher.answer("one of my old tutees (yr 7) sent me a snapchat of her new kitten, so sweet. must i report it?")
    assert (reply.kind, reply.clause_id, reply.verdict) == ("answer", "personal.report_child_contact", "report")
    assert extract_facts("an old tutee of mine, still in yr 10, messaged me")["relation"] == "current_student"


def test_contacting_parents_with_no_phone_or_email_said_is_not_the_personal_phone_rule(matcher):
    # "can i contact parents about the trip" got "Only with the Executive Headteacher's prior approval"
    reply = matcher.answer("can i contact parents about the residential")
    assert reply.clause_id != "personal.no_personal_email_phone"
    reply = matcher.answer("can i contact parents about the residential from my own mobile")  # a guard
    assert (reply.clause_id, reply.verdict) == ("personal.no_personal_email_phone", "conditional")


def test_photos_posted_without_knowing_everyone_had_consent_are_a_no(matcher):
    # "not sure everyone had consent" was read as "everyone had consent": "Yes — with every parent/carer's consent"
    reply = matcher.answer("put the nativity pics on the class page last night and i'm not sure everyone had consent, what now?")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.photo_consent", "no")
    # a guard: asked before posting, the answer is the condition
    reply = matcher.answer("can i put the sports day pics on the school fb? not sure who has consent yet")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.photo_consent", "conditional")


def test_whether_the_bio_needs_anything_else_offers_the_aup_link_first(matcher):
    reply = matcher.answer("surely the bio on our new class insta can just be the logo and a website link, nothing else needed?")
    assert (reply.clause_id or reply.choices[0]) == "sanctioned.aup_link"


@pytest.mark.parametrize(("question", "clause_id", "verdict"), [
    # a fact the person doubts is not a fact: each of these got a "Yes — …which you have"
    ("set up the drama insta, not sure slt approved it though. ok?", "sanctioned.slt_approval", "conditional"),
    ("i don't think the exec head approved it but can i ring parents from my mobile on the residential?",
     "personal.no_personal_email_phone", "conditional"),
    ("i doubt all the parents gave consent, can i post the class photos on the school page?", "sanctioned.photo_consent", "no"),
    # guards: the same facts, not doubted
    ("slt approved the drama insta yesterday, can i set it up?", "sanctioned.slt_approval", "yes"),
    ("not sure if i can accept a friend request from a parent", "personal.no_contact_parents_children", "no"),
])
def test_a_doubted_fact_does_not_decide(matcher, question, clause_id, verdict):
    reply = matcher.answer(question)
    assert (reply.clause_id, reply.verdict) == (clause_id, verdict), reply.headline


def test_a_doubted_age_is_asked_for(matcher):
    reply = matcher.answer("ex pupil added me on insta, not sure if she's over 18 yet, can i accept?")
    assert reply.kind == "clarify" and reply.clause_id == "personal.no_friend_students"
    assert "age" not in extract_facts("not sure if she's 18 yet") and extract_facts("she's over 18")["under_18"] is False


def test_me_for_my_as_many_regions_say_it(matcher):
    # "use me personal twitter… seeing as it's private" got the privacy advice's "Yes"
    reply = matcher.answer("can i put the kids' work on me personal insta seeing as i've set it to private")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.separate_account", "no")
    # "give" for "gave": the Executive Headteacher's OK given, not asked for
    reply = matcher.answer("exec head give us a written ok before the trip to use me own phone for ringing parents, am i sorted?")
    assert (reply.clause_id, reply.verdict) == ("personal.no_personal_email_phone", "yes")
    reply = matcher.answer("can the exec head give me approval to use my own phone on the trip?")  # a guard
    assert (reply.clause_id, reply.verdict) == ("personal.no_personal_email_phone", "conditional")


def test_whom_something_else_applies_to_is_not_this_policy(matcher):
    assert matcher.answer("does the pension scheme apply to support staff or just teachers").kind == "unknown"
    for question in ("do cockburn's social media rules still apply to me now i've left?",  # guards
                     "im a cleaner, the social media rules dont apply to me surely?"):
        assert matcher.answer(question).clause_id == "intro.applies_all_staff", question


def test_a_group_dm_with_an_a_level_class_is_about_pupils(matcher):
    reply = matcher.answer("could i start a group dm with my gcse class on the dept insta for reminders")
    assert (reply.clause_id or reply.choices[0]) == "sanctioned.no_private_dm"


def test_not_over_18_and_wasnt_sure_are_read_as_said(matcher):
    # "not over 18" was read as over 18 ("Yes — the rule stops at ex-students under 18"), and "wasn't sure if the exec
    # head approved it" as approval given ("…which you have")
    reply = matcher.answer("she's not over 18, can i follow her back? she left in the summer")
    assert (reply.clause_id, reply.verdict) == ("personal.no_friend_students", "no")
    reply = matcher.answer("i wasn't sure if the exec head approved it but i rang the parent from my mobile anyway")
    assert (reply.clause_id, reply.verdict) == ("personal.no_personal_email_phone", "conditional")


def test_an_account_that_isnt_private_is_not_what_the_advice_wants(matcher):
    # "my insta isn't private, is that ok?" got the advice's information, not an answer
    for question in ("my insta isn't private, is that ok?", "my fb isnt on private is that a problem"):
        reply = matcher.answer(question)
        assert (reply.clause_id, reply.verdict) == ("personal.privacy_settings", "no"), question
    reply = matcher.answer("my insta is private, isn't that enough?")  # a guard: "isn't" there is not about the account
    assert (reply.clause_id, reply.verdict) == ("personal.privacy_settings", "yes")


def test_children_put_on_an_account_are_pictured(matcher):
    # no photo word: "put the kids on the website" is a picture of them, and a parent's say is about their child
    for question in ("do i need consent to put the kids on the website",
                     "is verbal consent ok for posting pupils on facebook",
                     "all parents consented except one, i blurred that child's face, ok to post?"):
        assert matcher.answer(question).clause_id == "sanctioned.photo_consent", question
    reply = matcher.answer("the mum consented but dad says no, can we post the picture")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.photo_consent", "no")
    # families' permission is consent, not SLT approval (setting an account up still is)
    reply = matcher.answer("do i need parents permission to put the class on the school insta")
    assert reply.clause_id == "sanctioned.photo_consent"
    reply = matcher.answer("do i need permission from parents to set up a class blog")  # a guard
    assert reply.clause_id == "sanctioned.slt_approval"


def test_a_name_asked_for_with_consent_in_hand_is_the_names_rule(matcher):
    for question in ("i have parents consent for the photo so can i put their names on it",
                     "parents have given permission for photos, can i add names to the pictures"):
        reply = matcher.answer(question)
        assert (reply.clause_id, reply.verdict) == ("sanctioned.no_names_in_photos", "no"), question


def test_staff_filmed_by_pupils_is_not_the_photo_consent_rule(matcher):
    # the rule is about the trust publishing photos of children, not a pupil filming a teacher
    for question in ("can students post videos of teachers on tiktok",
                     "a student filmed me in class and posted it, what do i do"):
        reply = matcher.answer(question)
        assert reply.clause_id not in ("sanctioned.photo_consent", "sanctioned.legitimate_uses"), question
        assert "sanctioned.photo_consent" not in reply.choices, question


def test_back_on_a_course_at_our_sixth_form_is_a_current_student(matcher):
    reply = matcher.answer("my ex student is 19 but is back doing an access course at our sixth form, can we be friends")
    assert (reply.clause_id, reply.verdict) == ("personal.no_friend_students", "no")
    assert extract_facts("an old pupil, now 18, is doing an evening course at the school")["relation"] == "current_student"
    # came back to visit is not back as a student
    assert extract_facts("ex pupil is 20, came back to visit the sixth form last week")["relation"] == "ex_student"


def test_a_colleague_and_students(matcher):
    # "a colleague is friends with students" got "Yes — the policy doesn't stop you connecting with colleagues"
    reply = matcher.answer("a colleague is friends with students on snapchat, what should i do")
    assert reply.verdict != "yes" and extract_facts("a colleague is friends with students on snapchat")["relation"] != "colleague"
    # "can i add a colleague on facebook" got the advice against posts about specific school matters
    reply = matcher.answer("can i add a colleague on facebook")
    assert (reply.clause_id, reply.verdict) == ("personal.no_contact_parents_children", "yes")


def test_the_kids_work_on_a_school_account_is_the_condition_not_a_no(matcher):
    # "No — no personally identifying information" for work that identifies nobody
    reply = matcher.answer("can i put the kids work on the school insta")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.no_identifying_info", "conditional")
    reply = matcher.answer("can the school twitter say where a pupil lives")  # a guard
    assert (reply.clause_id, reply.verdict) == ("sanctioned.no_identifying_info", "no")


def test_asking_to_message_children_is_not_a_message_to_report(matcher):
    # "can i message them about scouts" got "Report it to the designated person for Child Protection": nothing received
    reply = matcher.answer("i'm a scout leader and some scouts are pupils, can i message them about scouts")
    assert reply.clause_id != "personal.report_child_contact" and "personal.report_child_contact" not in reply.choices
    reply = matcher.answer("can i message my pupils on whatsapp about the football club i run outside school")
    assert (reply.clause_id, reply.verdict) == ("personal.no_contact_parents_children", "no")


def test_an_ex_student_now_on_the_staff_is_an_adult(matcher):
    reply = matcher.answer("an ex-student is now a teacher at our school, can i be friends with her on facebook")
    assert (reply.clause_id, reply.verdict) == ("personal.no_friend_students", "yes")


def test_a_photo_of_pupils_on_my_own_facebook_is_not_the_trust_accounts_consent_rule(matcher):
    # "Not without parent/carer consent" read as if consent made it fine on a personal account
    reply = matcher.answer("i want to post a photo of my tutor group on my facebook for their last day, with their permission")
    assert reply.clause_id != "sanctioned.photo_consent" and reply.verdict == "no"


def test_a_hacked_school_account_is_not_one_to_approve(matcher):
    # "the school twitter got hacked, who do i tell" got "Yes, with SLT approval"
    for question in ("the school twitter got hacked, who do i tell",
                     "we've lost the password to the old class blog and can't delete it, what now"):
        assert matcher.answer(question).clause_id != "sanctioned.slt_approval", question


def test_running_the_school_account_as_a_marketer_is_not_the_policy(matcher):
    # "how do i schedule posts…" got "Only professional content…", "run a facebook ad" the privacy advice
    for question in ("how do i schedule posts on the school facebook", "can we run a facebook ad for our open evening"):
        assert matcher.answer(question).kind == "unknown", question
    reply = matcher.answer("is social media allowed in lessons? want my yr 9s to analyse real insta ad campaigns")  # a guard
    assert reply.kind != "unknown"


def test_turning_18_tomorrow_is_17_today_and_when_they_turn_18_is_18(matcher):
    # "ex student turns 18 TMRW, accept today?" got "Yes — the rule stops at ex-students under 18"
    reply = matcher.answer("ex pupil turns 18 tmrw, can i accept today?")
    assert (reply.clause_id, reply.verdict) == ("personal.no_friend_students", "no")
    reply = matcher.answer("when my old year 11s turn 18 can i add them on insta?")
    assert (reply.clause_id, reply.verdict) == ("personal.no_friend_students", "yes")


def test_approval_asked_for_and_not_yet_given_is_not_approval(matcher):
    reply = matcher.answer("asked the exec head about using my mobile on the trip but she hasn't replied yet, can i go ahead?")
    assert (reply.clause_id, reply.verdict) == ("personal.no_personal_email_phone", "no")
    reply = matcher.answer("still waiting on slt to approve the dept insta, can i start posting?")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.slt_approval", "no")


def test_a_missing_aup_link_and_names_wanted_with_consent(matcher):
    reply = matcher.answer("we set up the choir insta with slt's ok but never added the aup link, is that a problem?")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.aup_link", "no")
    reply = matcher.answer("the parents consented, and the team want their names on the post with the photo")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.no_names_in_photos", "no")


def test_messages_on_the_schools_own_parent_app_are_not_personal_social_media(matcher):
    # "can parents message me on class dojo" got "No — not while you work for the trust"
    for question in ("can parents message me on class dojo", "parents keep messaging me on dojo at 10pm, is that allowed"):
        assert matcher.answer(question).kind == "unknown", question
    # guards: the parent app named beside facebook, or a gmail used instead of it, is still the contact rules'
    reply = matcher.answer("can i add a parent on facebook, she messages me on dojo anyway")
    assert (reply.clause_id, reply.verdict) == ("personal.no_contact_parents_children", "no")
    reply = matcher.answer("we use class dojo for parents but can i email the ones who prefer it from my gmail")
    assert reply.clause_id in ("personal.official_email", "personal.no_personal_email_phone") and reply.verdict != "yes"


def test_consent_said_in_other_words_decides_the_photo_rule(matcher):
    # a parent's "no" ticked on a form, and a child's "mum won't mind", are not consent; "consents are sorted" is
    for question in ("one dad ticked no on the photo form but his son is only at the edge of the team pic, ok for the insta?",
                     "a year 3 says her dad won't mind, can i put her swimming pic on the class twitter?"):
        reply = matcher.answer(question)
        assert (reply.clause_id, reply.verdict) == ("sanctioned.photo_consent", "no"), question
    reply = matcher.answer("consents are all sorted for the choir photo, can it go on the school facebook?")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.photo_consent", "yes")
    reply = matcher.answer("consent is all fine except for two kids, can i post the whole class pic on the school fb")  # a guard
    assert reply.verdict != "yes"


def test_names_written_with_a_consented_photo_are_the_names_rule(matcher):
    # "consent is fine… 'congrats to amira in 5B!'" got "Yes — with every parent/carer's consent (and no names)"
    for question in ("consent is fine for the chess club pic, can i post it on the school insta with 'congrats to isla and noah'",
                     "consent's all in, can i post the netball pic on the school twitter with the team sheet underneath"):
        reply = matcher.answer(question)  # answered, or offered first, by the rule on names and details; never a yes
        assert reply.clause_id in ("sanctioned.no_names_in_photos", "sanctioned.no_identifying_info"), question
        assert reply.verdict != "yes", question


@pytest.mark.parametrize(("question", "verdict"), [
    # the deciding fact said in passing, in other words than round 86 to 88's misses
    ("a lad who left our sixth form at 19 last june wants to connect on linkedin, ok?", "yes"),
    ("old tutee from 2019 wants to follow my insta, he must be 20ish now", "yes"),
    ("one of our pupils' big sister left our academy years ago, she's 22 now, can i accept her on facebook?", "yes"),
    ("a boy who left at 16 this summer wants me to follow him back on tiktok", "no"),  # a guard
])
def test_an_ex_students_age_said_in_passing(matcher, question, verdict):
    reply = matcher.answer(question)
    assert (reply.clause_id, reply.verdict) == ("personal.no_friend_students", verdict), question


@pytest.mark.parametrize("question", [
    "my friend asked to add me on fb, her son's in yr 4 at our school but it's her asking",
    "a dad wants to follow me on insta, his eldest left years ago but his youngest is now in my set",
])
def test_a_parent_of_a_current_pupil_is_the_parent_rules_though_a_child_is_named(matcher, question):
    reply = matcher.answer(question)
    assert (reply.clause_id, reply.verdict) == ("personal.no_contact_parents_children", "no"), question


@pytest.mark.parametrize(("question", "clause", "verdict"), [
    # done already, or approved already, said in other words than rounds 85 to 87's misses
    ("i set up the geography dept insta last week, 40 followers already, do i need to tell slt now?",
     "sanctioned.slt_approval", "no"),
    ("let my year 9s onto the new class blog yesterday but haven't told my subject leader the address",
     "sanctioned.notify_url", "no"),
    ("the class blog is approved. can i give my form the link tomorrow? haven't told my hod yet",  # a guard: not done yet
     "sanctioned.notify_url", "conditional"),
    ("the exec head signed this off for the ski trip, can i text parents from my mobile while we're away?",
     "personal.no_personal_email_phone", "yes"),
    ("pupils keep looking at my old instagram from uni. can i just keep it as it is?", "personal.privacy_settings", "no"),
])
def test_what_was_already_done_or_approved_decides_the_answer(matcher, question, clause, verdict):
    reply = matcher.answer(question)
    assert (reply.clause_id, reply.verdict) == (clause, verdict), question


def test_someone_elses_comment_on_the_schools_post_is_the_schools_to_moderate(matcher):
    # "parent left a rant about a named teacher under our year group insta post" got "No — the policy advises against
    # posts about specific school matters", and a mum's comment naming her son "No — not while you work for the trust"
    reply = matcher.answer("parent posted a rant about a named TA under our year group facebook post. whats the process?")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.remove_inappropriate_comments", "report")
    reply = matcher.answer("a mum commented under our post naming her daughter and her form. ok to leave it?")
    assert reply.clause_id != "personal.no_contact_parents_children"
    reply = matcher.answer("a mum commented on our class post asking me to add her on facebook, can i?")  # a guard
    assert reply.clause_id == "personal.no_contact_parents_children"


def test_a_question_about_the_policys_aims_is_not_answered_with_a_rule(matcher):
    # "a parent thought my own running insta was the school cross country page. is there a policy aim about that…?"
    for question in ("a dad thought my own running insta was the school cross country page, is there a policy aim about that",
                     "a mum thought my netball insta was the school club page. is there a policy aim about that confusion?"):
        assert matcher.answer(question).verdict != "no", question  # a question about an aim, never a rule's "No"


def test_childrens_names_with_no_photo_are_the_details_rule_not_the_photo_rules(matcher):
    # "the scorers' names but no photos" got "No — never name children in photos", with no photo to name anyone in
    for question in ("can i post the match report on the school twitter with the scorers' names but no photos",
                     "house captains' full names and forms on the school twitter, no photo. ok?"):
        reply = matcher.answer(question)
        assert (reply.clause_id, reply.verdict) == ("sanctioned.no_identifying_info", "no"), question


def test_a_governor_is_not_a_parent_or_a_pupil(matcher):
    # "can i accept a friend request from a governor" got "No — not current students (any age) or ex-students under 18"
    for question in ("can i accept a friend request from a governor", "the chair of governors sent me a friend request"):
        reply = matcher.answer(question)
        assert reply.verdict == "yes", question
    reply = matcher.answer("a parent governor added me on facebook")  # a guard: a parent all the same
    assert (reply.clause_id, reply.verdict) == ("personal.no_contact_parents_children", "no")


@pytest.mark.parametrize("question", [
    # in other words than rounds 89 to 92's out-of-scope questions that got a clause
    "what's the procedure to follow when a child is collected late by a parent",
    "is there a trust font and colour scheme for posters and school facebook posts",
    "how often should our class page on the school website post? is twice a week enough?",
    "how many times a week should the school insta put something up",
    "does every new TA receive a trust email address before they start?",
    "how long should we keep the photo permission slips once children leave",
    "does our privacy notice need to mention the school twitter account",
    "grandparents always record the whole carol concert and put it on facebook, can we ban it?",
    "can we set up a staff-only group chat for the maths team on whatsapp",
    "can i use my own phone to take photographs of the year 10 science practicals for their evidence folders?",
])
def test_questions_about_running_the_school_or_its_staff_are_not_covered(matcher, question):
    assert matcher.answer(question).kind == "unknown", question


@pytest.mark.parametrize(("question", "clause"), [  # guards: the same words where a rule does answer
    ("should i follow a year 9 back on tiktok", "personal.no_friend_students"),
    ("can i post a 'day in the life' video on my tiktok showing the school gates and my lanyard", "personal.consider_reputation"),
    ("a mum always messages me on facebook about her son's reading", "personal.no_contact_parents_children"),
])
def test_the_same_words_about_staff_and_pupils_still_answer(matcher, question, clause):
    assert matcher.answer(question).clause_id == clause, question


@pytest.mark.parametrize(("question", "clause", "verdict"), [
    # in other words than rounds 89 to 92's in-scope questions whose facts were misread
    ("a boy who was in my year 4 class two years ago is 10 now, at a school outside the trust. he wants to add me on tiktok",
     "personal.no_friend_students", "no"),
    ("an ex pupil came back in september to do a btec in our sixth form, he's 19. can he follow me on insta?",
     "personal.no_friend_students", "no"),
    ("a girl i taught years ago (she's 25 now) has a daughter who just started in our nursery. we're friends on fb, is that ok?",
     "personal.no_contact_parents_children", "no"),
    ("i retired as a TA at easter, can i accept friend requests from parents now?",
     "personal.no_contact_parents_children", "yes"),
    ("can i start a year 6 instagram without bothering slt? it's only for a term", "sanctioned.slt_approval", "no"),
    ("i'll set up the drama blog over the holidays and tell slt when we're back, ok?", "sanctioned.slt_approval", "no"),
    ("all the children in the choir photo have media consent, can it go on the school facebook?",
     "sanctioned.photo_consent", "yes"),
    ("all our reception parents have signed photo consent, ok to post the nativity group photo on the school insta?",
     "sanctioned.photo_consent", "yes"),
    ("the parents haven't replied to the consent form but his auntie says it's fine, can we post his photo?",
     "sanctioned.photo_consent", "no"),
    ("no names in the caption but you can see her name on her jumper label in the photo, is that ok for the school insta?",
     "sanctioned.no_names_in_photos", "no"),
    # what was done already, and sources and comments that need nothing more
    ("approved by slt, and the url was sent to my head of department. can the year 8s follow it now?",
     "sanctioned.notify_url", "yes"),
    ("can the school twitter link to the local council's page on free school meals?", "sanctioned.external_links", "yes"),
    ("a grandparent left a sweet thank-you comment under our sports day post, does it need reporting?",
     "sanctioned.remove_inappropriate_comments", "yes"),
])
def test_facts_said_in_passing_in_rounds_89_to_92(matcher, question, clause, verdict):
    reply = matcher.answer(question)
    assert (reply.clause_id, reply.verdict) == (clause, verdict), question


def test_not_all_the_parents_is_not_consent_from_all(matcher):  # a guard of the new "all the kids have consent"
    reply = matcher.answer("not all the parents have given photo consent, can the class photo go on the school facebook?")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.photo_consent", "no")


def test_a_grandparents_message_under_the_schools_post_is_not_contact_with_a_parent(matcher):
    # it got "No — not while you work for the trust"; now the comments rule, asked which part is meant if unsure
    reply = matcher.answer("a grandparent left a sweet thank-you message under our sports day post, does it need reporting?")
    assert reply.clause_id == "sanctioned.remove_inappropriate_comments" and reply.verdict != "no"


def test_naming_the_staff_in_a_photo_is_not_naming_children(matcher):
    # round 92's "is it ok to name the staff who ran it? not the kids obviously" got "No — never name children in photos"
    reply = matcher.answer("photo of our science fair on the school insta - can i name the teachers who ran it, not the pupils?")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.no_names_in_photos", "yes")
    reply = matcher.answer("can i name the staff and the children in the sports day photo on the school fb?")  # a guard
    assert (reply.clause_id, reply.verdict) == ("sanctioned.no_names_in_photos", "no")


@pytest.mark.parametrize("question", [
    # a pupil's message to a personal account, and "can I just answer it?": report it, don't reply (it was the parent
    # rule's "No — don't reply privately", while writers file it under the reporting rule 13 times in 14)
    "site manager here, a yr 9 messaged my personal facebook asking if the pitch is open, can i just answer?",
    "a year 12 messaged my personal instagram about her ucas statement, can i reply?",
])
def test_a_pupils_message_to_a_personal_account_is_reported_not_answered(matcher, question):
    reply = matcher.answer(question)
    assert (reply.clause_id, reply.verdict) == ("personal.report_child_contact", "report"), question
    assert "don’t reply" in reply.headline


def test_a_pupils_message_to_the_class_account_is_still_the_private_message_rule(matcher):  # a guard
    reply = matcher.answer("a yr 9 messaged the class insta asking about homework, can i reply privately?")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.no_private_dm", "no")


def test_every_account_already_set_to_the_highest_settings_is_what_the_policy_asks(matcher):
    # round 91's "all set to private/friends only at the highest settings" got "No — … not only some"
    reply = matcher.answer("insta and snapchat are both set to friends only at the highest level. anything else needed?")
    assert (reply.clause_id, reply.verdict) == ("personal.privacy_settings", "yes")


def test_a_birthday_message_to_ones_own_child_is_not_professional_content(matcher):
    # round 91's "can i post happy 16th to my daughter on the dept twitter?" got "Only professional content…"
    reply = matcher.answer("can i put happy 13th to my son on the school's football twitter? he's in the team")
    assert (reply.clause_id, reply.verdict) == ("sanctioned.professional_content", "no")


@pytest.mark.parametrize(("question", "verdict"), [
    # an ex-student said in other ways, with an adult age: the clarifying question was asked though the facts were all there
    ("a lad who left my school 4 years ago, now 20, wants to connect on linkedin", "yes"),
    ("a girl who finished her a-levels with us in july is 19 now, ok to accept her on insta?", "yes"),
    ("a young woman i taught in year 3 at our infant school is now 22 and wants to follow me on tiktok, allowed?", "yes"),
    ("one of the girls i had in reception 14 years ago is 18 now and sent me a friend request", "yes"),
    # guards: not finished, or still here
    ("a yr 13 who hasn't finished her a levels yet, she's 18, wants to follow me on insta", "no"),
])
def test_an_ex_student_and_their_age_said_in_passing(matcher, question, verdict):
    reply = matcher.answer(question)
    assert (reply.kind, reply.clause_id, reply.verdict) == ("answer", "personal.no_friend_students", verdict), question


@pytest.mark.parametrize("question", [
    # in other words than rounds 93 to 96's out-of-scope questions that got a clause (the last five are guards that were
    # not covered before)
    "where's the photo consent form for the school trip?",
    "does the trust have a template consent form for photos of pupils?",
    "what are the consequences for staff who ignore the social media policy?",
    "are volunteers who run the school's instagram covered by our insurance?",
    "when does a leaver's trust email account get switched off?",
    "can governors have a trust email account?",
    "a parent wants to see the student mobile phone rules, where do i send her?",
    "should we check applicants' social media before we shortlist them?",
    "i wrote revision booklets at home, can i sell the resources on tes or who owns them?",
    "can the dept budget cover a canva subscription for the class instagram?",
    "the school twitter keeps asking for two-factor codes, how do i turn that off?",
    "which hashtags should we be using on the academy's instagram posts?",
    "a parent defamed me on facebook, will the trust pay for a lawyer?",
    "can the head see my private teams messages to other staff?",
])
def test_questions_about_forms_money_hr_and_it_are_not_covered(matcher, question):
    assert matcher.answer(question).kind == "unknown", question


@pytest.mark.parametrize(("question", "clause"), [  # guards: the same words where a rule does answer
    ("i'm leaving at easter and my trust email will be switched off, can i give parents my personal email?",
     "personal.official_email"),
    ("we have signed consent forms for the whole class, can the photo go on the school facebook?", "sanctioned.photo_consent"),
])
def test_the_same_words_where_a_rule_answers_still_answer(matcher, question, clause):
    assert matcher.answer(question).clause_id == clause, question


@pytest.mark.parametrize(("question", "clause", "verdict"), [
    # in other words than rounds 93 to 96's in-scope questions whose facts decide the stance
    ("ringing parents from the school office phone about lateness, not my mobile. that ok?",
     "personal.no_personal_email_phone", "yes"),
    ("the year 6s are happy to be in the leavers' video on the school youtube but no one has asked the parents. ok to upload?",
     "sanctioned.photo_consent", "no"),
    ("our TA put the nativity photo on the school fb before the permission slips came back, is that a problem?",
     "sanctioned.photo_consent", "no"),
    ("the parents have given consent for the sports day photos, can they go on the school insta?",
     "sanctioned.photo_consent", "yes"),
    ("i do baking videos on my own youtube and some of my year 9s have subscribed, they bring it up in lessons. anything to do?",
     "personal.no_friend_students", "no"),
    ("a lad i taught until he moved to wales in year 8 is 20 now, can i accept him on facebook?",
     "personal.no_friend_students", "yes"),
    ("the forest school team want to start a facebook page for parents w/o asking slt, ok?", "sanctioned.slt_approval", "no"),
    ("as head of dept, one of my teachers gave the kids her class blog link before telling me. was that right?",
     "sanctioned.notify_url", "no"),
    ("my youtube's public cos i review board games, is that alright?", "personal.privacy_settings", "no"),
    ("locked insta, fb and snap, all private on the highest settings. anything else?", "personal.privacy_settings", "yes"),
    ("my comedy podcast clips are quite explicit and my insta bio says i teach at a cmat school, is that an issue?",
     "personal.consider_reputation", "no"),
    ("a TA who is leaving tagged our academy in a post saying she can't wait to get out of this dump, is that ok?",
     "personal.consider_reputation", "no"),
    # who the other person is, said in rounds 93 to 96's other ways
    ("my tutee turned 18 and finishes year 13 in july, she's practically left. can i accept her on insta?",
     "personal.no_friend_students", "no"),
    ("a pupil at another cmat academy followed me on tiktok, is that a problem?", "personal.no_friend_students", "no"),
    ("my niece is 13 and at a school in a diff trust, can she follow my insta?", "personal.no_friend_students", "yes"),
    ("a lad from my old school, now at uni, wants to add me on facebook", "personal.no_friend_students", "yes"),
    ("i'm in a book club whatsapp with a dad whose kids go to a school outside cmat, is that ok?",
     "personal.no_contact_parents_children", "yes"),
    ("i tutor for families in another town, not connected to any trust school. can i message the parents on facebook?",
     "personal.no_contact_parents_children", "yes"),
    # guard: a condition, not a fact
    ("can i post photos of the class on the school page if their parents have consented?",
     "sanctioned.photo_consent", "conditional"),
])
def test_facts_that_decide_rounds_93_to_96_stances(matcher, question, clause, verdict):
    reply = matcher.answer(question)
    assert (reply.kind, reply.clause_id, reply.verdict) == ("answer", clause, verdict), question


@pytest.mark.parametrize(("question", "clause"), [
    # a long message whose background pulls in other rules, and whose last question asks what the policy is
    ("I'm the office manager drafting a report for governors about opening more school Instagram accounts. One governor "
     "thinks the policy is basically against social media. How does the introduction describe the balance the trust wants "
     "to strike?", "intro.balance"),
    ("After a nasty thread on Facebook about one of our TAs that named her kids, staff want to know if the policy is there "
     "to protect them too. Does the purpose mention protecting staff?", "purpose.reputation"),
    ("a colleague plays fifa online most evenings and chats to other players on his headset. he says gaming isn't social "
     "media so the policy doesn't apply. does the policy cover online gaming?", "scope.types"),
    ("we're planning a PE dept channel and I'm pitching it to SLT next week. does the policy say anything positive about "
     "social media?", "intro.opportunities"),
])
def test_a_long_message_is_answered_on_its_last_question_about_the_policy(matcher, question, clause):
    reply = matcher.answer(question)
    assert (reply.kind, reply.clause_id) == ("answer", clause), question


def test_a_long_message_asking_what_to_do_still_offers_the_choice(matcher):  # guard: the last question names no part of it
    reply = matcher.answer("a parent posted a rant about our school trip on the local facebook group and a year 8 replied "
                           "with a photo of her friend. what should i do?")
    assert reply.kind != "answer" or not reply.clause_id.startswith(("intro.", "purpose.", "vision.", "scope."))
