"""Context priors: nudges from the situations the policy is organised around.

The policy's rules turn on whose account it is (personal or trust-sanctioned), who the other
person is (student, ex-student, parent/carer) and who did what (they contacted me, I saw harm
to a child, I want to post). Each frame below reads cues from the wording and adds points to
the clause that governs that situation; the lexical score still has to put it in contention.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Mapping, Sequence

from . import cues as c
from .cue_reading import Cues, account_context, cue_text, read_cues
from .lexicon import stem

__all__ = ["account_context", "bonus_for", "bonus_table", "frames_conflict", "priors"]

FRIEND_RULE = "personal.no_friend_students"
PARENT_RULE = "personal.no_contact_parents_children"
CONTACT_RULE = "personal.report_child_contact"
HARM_RULE = "personal.report_inappropriate"
AVOID_RULE = "personal.avoid_specific_matters"
REPUTATION_RULE = "personal.consider_reputation"
OFFICIAL_EMAIL_RULE = "personal.official_email"
PHONE_RULE = "personal.no_personal_email_phone"
SEPARATE_RULE = "sanctioned.separate_account"
APPROVAL_RULE = "sanctioned.slt_approval"
LINK_RULE = "sanctioned.link_trust_email"
PHOTO_RULE = "sanctioned.photo_consent"
NAMES_RULE = "sanctioned.no_names_in_photos"
IDENTIFYING_RULE = "sanctioned.no_identifying_info"
CONTENT_RULE = "sanctioned.professional_content"
PRIVATE_DM_RULE = "sanctioned.no_private_dm"
REMOVE_RULE = "sanctioned.remove_inappropriate_comments"
LEGIT_RULE = "sanctioned.legitimate_uses"
DISTINCTION_RULE = "scope.distinction"
EXAMPLES_RULE = "scope.examples"
TYPES_RULE = "scope.types"
OTHER_POLICIES_RULE = "scope.other_policies"
PURPOSE_RULE = "purpose.general"
NAMES_RULE_DEFS = "defs.names"
ITS_NAME = "defs.its"
LEGISLATION_RULE = "scope.legislation"
VIRTUAL_RULE = "scope.virtual_worlds"
AUP_RULE = "sanctioned.aup_link"
APPLIES_RULE = "intro.applies_all_staff"
FACT_RULES = frozenset((FRIEND_RULE, PARENT_RULE, CONTACT_RULE))  # rules about someone connecting with or contacting me
BALANCE_RULE = "intro.balance"
OPPORTUNITIES_RULE = "intro.opportunities"
_CHALLENGE = re.compile(r"\b(?:get|gets|have|has) a say\b|\boverreach\w*|\bneed (?:a |this |any )?(?:social media )?(?:polic(?:y|ies)|rules)\b"
                        r"|\bwhat i (?:do|post) (?:on|in) my own time\b")
# "the bio can just be our logo and website link, nothing else needed?": what the account's profile must hold
_BIO_ENOUGH = re.compile(r"\b(?:bio|profile|about (?:section|page))\b[^.?!]{0,80}\b(?:nothing else|anything else|what else|all (?:it|we) need)")
_ATTITUDE = re.compile(r"\b(?:pro|anti)[- ]?social media\b|\b(?:list of|all) don'?ts\b")
ACCOUNT_BONUS = 10.0
FRAME_BONUS = 15.0

Add = Callable[[str, float], None]


def priors(text: str, facts: Mapping[str, Any], terms: Sequence[str] = ()) -> dict[str, float]:
    """Return score bonuses by clause id (or by id prefix ending in '.')."""
    bonus: dict[str, float] = {}

    def add(key: str, points: float) -> None:
        bonus[key] = bonus.get(key, 0.0) + points

    cue = read_cues(text, facts, terms)
    lowered = cue_text(text)
    _whose_account(cue, lowered, add)
    _my_posting(cue, lowered, add)
    if cue.context != "trust":
        _people_on_personal_media(cue, lowered, add)
    if cue.context == "trust" and not cue.personal_account:
        _trust_account_content(cue, lowered, add)
    _parents_and_contact_details(cue, lowered, add)
    _kind_of_question(cue, lowered, add)
    return bonus


def framed(text: str, facts: Mapping[str, Any], terms: Sequence[str], clause_id: str) -> bool:
    """Does who does what to whom in the question ("the dept wants a tiktok", "play fortnite with my year 7s")
    point at this clause, not only its words?"""
    return priors(text, facts, terms).get(clause_id, 0.0) >= FRAME_BONUS


def _whose_account(cue: Cues, lowered: str, add: Add) -> None:
    if cue.context == "trust":
        add("sanctioned.", ACCOUNT_BONUS)
        add("personal.", -ACCOUNT_BONUS / 2)
    elif cue.context == "personal":
        add("personal.", ACCOUNT_BONUS)
    if cue.personal_account and cue.context == "trust" and not c.SCHOOLS_OWN_POSTS.search(lowered):
        add(SEPARATE_RULE, FRAME_BONUS)  # a personal account used for class work (not one passing on the school's own posts)
    elif cue.personal_account and c.CLASS_ACCOUNT_WORK.search(lowered):
        add(SEPARATE_RULE, FRAME_BONUS)  # "post the Year 9 homework on my personal Twitter"
    if cue.relation == "parent" and cue.context is None:
        add("sanctioned.", -ACCOUNT_BONUS / 2)


def _my_posting(cue: Cues, lowered: str, add: Add) -> None:
    if cue.self_post and cue.context != "trust" and cue.relation != "parent" and not cue.connecting:
        add(AVOID_RULE, FRAME_BONUS / 2)
        add(REPUTATION_RULE, FRAME_BONUS / 2)
        if cue.context is None:
            add("sanctioned.", -ACCOUNT_BONUS / 2)
    if cue.self_post and not cue.harmed:
        add(HARM_RULE, -FRAME_BONUS / 2)
    if cue.personal_account and c.SCHOOLS_OWN_POSTS.search(lowered):  # "like the school's posts from my own account"
        add(REPUTATION_RULE, FRAME_BONUS)
        add("sanctioned.", -ACCOUNT_BONUS)
    approved = bool(c.ALREADY_APPROVED.search(lowered))
    if approved:
        add(APPROVAL_RULE, -FRAME_BONUS)  # approval is given: the question is about what comes next
    elif cue.context != "personal" and not cue.personal_account and not cue.personal_phone and c.WRONG_APPROVER.search(lowered):
        add(APPROVAL_RULE, FRAME_BONUS)  # "my subject leader okayed the new history twitter": whose approval it needs
    elif cue.context != "personal" and not cue.personal_account and c.CREATE_ACCOUNT.search(lowered):
        add(LINK_RULE if "email" in cue.words else APPROVAL_RULE, FRAME_BONUS)
        if "email" in cue.words:
            add(OFFICIAL_EMAIL_RULE, -FRAME_BONUS / 2)  # the email that registers an account, not email to families
    if approved and cue.context != "personal" and c.OFFICIAL_MARK.search(lowered):
        add(AUP_RULE, FRAME_BONUS)
    if "personal" in lowered and c.SEPARATE.search(lowered) and (cue.context == "trust" or c.EDUCATIONAL.search(lowered)):
        add(SEPARATE_RULE, FRAME_BONUS)
    if c.FEATURED.search(lowered):
        add(REPUTATION_RULE, FRAME_BONUS / 2)
    if not cue.harmed and cue.context != "trust" and c.POSTED_ABOUT.search(lowered):
        add(AVOID_RULE, FRAME_BONUS / 2)  # posts about school matters, whoever wrote them


def _people_on_personal_media(cue: Cues, lowered: str, add: Add) -> None:
    if cue.harmed:
        # Harm to a child outranks who posted it or where: it must be reported.
        add(HARM_RULE, FRAME_BONUS)
        return
    if cue.relation == "parent":
        if c.RECORD_STRAIGHT.search(lowered):  # "a parent slagged us off on the village page, can I reply and explain?"
            add(AVOID_RULE, FRAME_BONUS)
            add(PARENT_RULE, -FRAME_BONUS / 2)
        elif cue.connecting or cue.contacted or c.GROUP.search(lowered) or c.ENGAGE_CHILD.search(lowered):
            add(PARENT_RULE, FRAME_BONUS)
        return
    # If a child has already contacted me, reporting governs unless I am asking whether to accept.
    # "pupils follow MPs for coursework" is not about my accounts; "wants to connect with me" is.
    # ... unless I am the one following them ("I'm still following my GCSE students from a project").
    learning = c.LEARNING in cue.words and not c.TO_ME.search(lowered) and not c.I_CONNECT.search(lowered)
    if pupils_act_on_others(cue, lowered):
        add(FRIEND_RULE, -FRAME_BONUS / 2)
        add(CONTACT_RULE, -FRAME_BONUS / 2)
    wants_connection = cue.asks_to_connect or not (cue.contacted and cue.childish)
    children = cue.relation in c.STUDENTISH or (cue.relation is None and cue.childish)  # "one of the U14s"
    if children and cue.connecting and not learning and wants_connection:
        add(FRIEND_RULE, FRAME_BONUS)
    if cue.childish and cue.contacted:
        add(CONTACT_RULE, FRAME_BONUS)
    engages = c.ENGAGE_CHILD.search(lowered) or (cue.childish and c.ENGAGE_THEM.search(lowered))
    if engages or (cue.relation in c.STUDENTISH and c.GROUP_CHAT.search(c.PUPIL_GROUPS.sub(" ", lowered))):
        add(PARENT_RULE, FRAME_BONUS)  # the rule also covers communicating with children


def _trust_account_content(cue: Cues, lowered: str, add: Add) -> None:
    """On a trust account the rules are about comments, photos of children, names, details, tone and DMs."""
    words = cue.words
    if words & c.COMMENT_WORDS:
        add(REMOVE_RULE, FRAME_BONUS / 2)
    elif "photo" in words and (cue.childish or words & c.GROUP_OF_CHILDREN) and c.LEARNING not in words:
        if words & c.NAMING:
            add(NAMES_RULE, FRAME_BONUS / 2)
        elif words & c.IDENTIFYING:
            add(IDENTIFYING_RULE, FRAME_BONUS / 2)
        else:
            add(PHOTO_RULE, FRAME_BONUS / 2)
    if words & c.OFF_TONE:
        add(CONTENT_RULE, FRAME_BONUS / 2)
    if c.CAMPAIGNING.search(lowered):
        add(CONTENT_RULE, FRAME_BONUS)
    if "dm" in words or (stem("private") in words and words & {"chat", c.MESSAGE}):
        add(PRIVATE_DM_RULE, FRAME_BONUS / 2)


def _parents_and_contact_details(cue: Cues, lowered: str, add: Add) -> None:
    if cue.relation == "parent" and cue.context != "trust" and cue.words & c.TALK_WORDS:
        add(PARENT_RULE, FRAME_BONUS / 2)
    parents_group = cue.relation == "parent" and c.GROUP.search(lowered)  # a group of parents: the no-contact rule
    phone_contact = cue.personal_phone and not parents_group and (
        cue.relation == "parent" or (cue.relation in c.STUDENTISH and not cue.contacted)
    )
    if c.GIVE_OUT_PERSONAL.search(lowered) or phone_contact:
        add(PHONE_RULE, FRAME_BONUS)
        add(OFFICIAL_EMAIL_RULE, -FRAME_BONUS / 2)
    elif "email" in cue.words and not cue.words & {stem("phone"), "text", "call"} and not cue.self_post:
        add(OFFICIAL_EMAIL_RULE, FRAME_BONUS / 2)
    if phone_contact and not c.SOCIAL_WORDS.search(lowered) and "whatsapp" not in lowered:
        add(PARENT_RULE, -FRAME_BONUS)  # "I messaged a parent from my personal phone": a text, not social media


def _kind_of_question(cue: Cues, lowered: str, add: Add) -> None:
    words = cue.words
    acting = pupils_act_on_others(cue, lowered)
    learning = c.LEARNING in words or (acting and c.CURRICULUM.search(lowered))
    if (learning or acting) and (words & {"student", "class"} or cue.childish) and not cue.self_post and not cue.contacted \
            and not cue.connecting and not c.TO_ME.search(lowered):
        add(LEGIT_RULE, FRAME_BONUS if learning and acting else FRAME_BONUS / 2)
        if learning and acting:  # pupils filming or posting for their course: not staff publishing photos
            for clause_id in (PHOTO_RULE, NAMES_RULE, IDENTIFYING_RULE, HARM_RULE, AVOID_RULE, REPUTATION_RULE):
                add(clause_id, -FRAME_BONUS / 2)
    if cue.childish and cue.context != "trust" and c.REPORT_ASK.search(lowered):
        if cue.harmed:
            add(HARM_RULE, FRAME_BONUS / 2)
        elif cue.contacted:
            add(CONTACT_RULE, FRAME_BONUS / 2)
            add(OFFICIAL_EMAIL_RULE, -FRAME_BONUS / 2)  # they wrote to me: not about how I write to families
    if cue.context != "trust" and not cue.harmed and c.POSTS_ABOUT_TRUST.search(lowered):
        add(REPUTATION_RULE, FRAME_BONUS / 2)
    if c.VIRTUAL_WORLD.search(lowered):
        add(VIRTUAL_RULE, FRAME_BONUS / 2)
    if c.APPLIES_TO_ME.search(lowered):
        add(APPLIES_RULE, FRAME_BONUS)
    if _CHALLENGE.search(lowered):  # "why does the trust get a say in my personal facebook?": the balance it strikes,
        add(BALANCE_RULE, FRAME_BONUS)  # not one of the rules on personal accounts it questions
        add("personal.", -FRAME_BONUS)
    if _BIO_ENOUGH.search(lowered):
        add(AUP_RULE, FRAME_BONUS)
    if _ATTITUDE.search(lowered):  # "is the trust pro social media or is it all don'ts?": the opportunities it sees
        add(OPPORTUNITIES_RULE, FRAME_BONUS)
    if c.NAME_QUESTION.search(lowered):
        add(ITS_NAME if c.IT_NAME.search(lowered) else NAMES_RULE_DEFS, FRAME_BONUS)
    if c.LEGAL_TROUBLE.search(lowered) and not words & c.PURPOSE_WORDS:
        add(LEGISLATION_RULE, FRAME_BONUS / 2)
        if c.PRIVATE_SPACE.search(lowered):
            add(LEGISLATION_RULE, FRAME_BONUS / 2)
    if c.DEFINITION.search(lowered):
        add(TYPES_RULE, FRAME_BONUS / 2)
    if c.OTHER_POLICY.search(lowered):
        add(OTHER_POLICIES_RULE, FRAME_BONUS / 2)
    if words & c.PURPOSE_WORDS:
        for topic, clause_id in c.PURPOSE_TOPICS:
            if words & topic:
                add(clause_id, FRAME_BONUS / 2)
    if c.WHICH_PLATFORMS.search(lowered):
        add(EXAMPLES_RULE, FRAME_BONUS)
    if c.WHICH_KIND_OF_USE.search(lowered):
        add(DISTINCTION_RULE, FRAME_BONUS)
    if c.TREATED_ALIKE.search(lowered):  # not whether to keep them apart, but whether the rules differ
        add(DISTINCTION_RULE, FRAME_BONUS)
        add(SEPARATE_RULE, -FRAME_BONUS)
    if c.WHY_POLICY.search(lowered):
        add(PURPOSE_RULE, FRAME_BONUS)


def pupils_act_on_others(cue: Cues, lowered: str) -> bool:
    """Pupils follow, read, reply to or make things (for their learning); nobody connects with or contacts me."""
    return (
        cue.childish
        and not cue.connecting
        and bool(c.PUPILS_ACT.search(lowered))
        and not c.TO_ME.search(lowered)
        and not c.CONTACT_ME.search(lowered)
    )


def frames_conflict(text: str, facts: Mapping[str, Any], terms: Sequence[str], clause_id: str) -> bool:
    """True when a rule about someone connecting with or contacting me leads, but the wording says otherwise.

    A confident wrong stance is the worst outcome: the matcher offers a choice instead.
    """
    if clause_id not in FACT_RULES or facts.get("left_trust"):
        return False  # someone who has left the trust: that fact decides, whoever acts on whom
    cue = read_cues(text, facts, terms)
    lowered = cue_text(text)
    if cue.context == "trust" and not cue.personal_account:
        return True  # "can her daughter follow our class account?": these rules are about personal accounts
    return pupils_act_on_others(cue, lowered) or (c.LEARNING in cue.words and not (cue.connecting or cue.contacted))


def bonus_for(clause_id: str, bonus: Mapping[str, float]) -> float:
    """Sum the bonuses that apply to a clause id."""
    total = bonus.get(clause_id, 0.0)
    for key, value in bonus.items():
        if key.endswith(".") and clause_id.startswith(key):
            total += value
    return total


@lru_cache(maxsize=1024)  # the frames combine into few distinct bonus sets, and questions repeat them
def bonus_table(clause_ids: tuple[str, ...], bonus: tuple[tuple[str, float], ...]) -> tuple[float, ...]:
    """`bonus_for` each clause id in turn, for bonuses given as (key, points) pairs in `priors` order."""
    as_dict = dict(bonus)
    return tuple(bonus_for(clause_id, as_dict) for clause_id in clause_ids)
