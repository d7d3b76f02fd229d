"""Context priors: nudges from the situations the policy is organised around.

The policy's rules turn on whose account it is (personal or trust-sanctioned), who the other
person is (student, ex-student, parent/carer) and who did what (they contacted me, I saw harm
to a child). These frames are read from the wording and add a few points to the clause that
governs that situation; the lexical score still has to put the clause in contention.
"""
from __future__ import annotations

import re
from typing import Any, Mapping, Sequence

from .lexicon import clean, stem

FRIEND_RULE = "personal.no_friend_students"
PARENT_RULE = "personal.no_contact_parents_children"
CONTACT_RULE = "personal.report_child_contact"
HARM_RULE = "personal.report_inappropriate"
SEPARATE_RULE = "sanctioned.separate_account"
APPROVAL_RULE = "sanctioned.slt_approval"
LINK_RULE = "sanctioned.link_trust_email"
PHOTO_RULE = "sanctioned.photo_consent"
NAMES_RULE = "sanctioned.no_names_in_photos"
IDENTIFYING_RULE = "sanctioned.no_identifying_info"
CONTENT_RULE = "sanctioned.professional_content"
OFFICIAL_EMAIL_RULE = "personal.official_email"
DISTINCTION_RULE = "scope.distinction"
LEGIT_RULE = "sanctioned.legitimate_uses"
PHONE_RULE = "personal.no_personal_email_phone"
PURPOSE_RULE = "purpose.general"
PRIVATE_DM_RULE = "sanctioned.no_private_dm"
EXAMPLES_RULE = "scope.examples"
AVOID_RULE = "personal.avoid_specific_matters"
REPUTATION_RULE = "personal.consider_reputation"
ACCOUNT_BONUS = 10.0
FRAME_BONUS = 15.0
_STUDENTISH = ("current_student", "ex_student", "student_unspecified", "students_generic")

_MEDIA = (
    r"(?:account|accounts|page|instagram|insta|facebook|fb|twitter|x|tiktok|youtube|channel|blog|site|feed|profile"
    r"|socials?|social media|snapchat|pinterest|post|posts)"
)
_OWNER = (
    r"(?:(?:school|department|dept|class|trust|club|subject|academy|faculty)(?:s|\s?'s|\ss)?"
    r"|official|educational|sanctioned|trust-sanctioned|trust sanctioned|departmental|revision|sixth form"
    r"|choir|library|house|pta|council|pe|art|music|drama|science|maths|english|history|geography|sports|sport"
    r"|prom|eco|chess|year group)"
)
_TRUST_ACCOUNT = re.compile(
    rf"\b{_OWNER}\s+(?:\w+\s+)?{_MEDIA}\b"
    r"|\bfor (?:my|our|the) (?:[\w-]+ ){0,2}?(?:class|classes|form|forms|form group|tutor group|department|lessons?|students|pupils"
    r"|subject|club|team|year \d+s?)\b"
    r"|\bto run (?:the|a|our|my) [\w ]{0,25}?(?:group|page|account|channel|chat)\b"
    r"|\bour (?:new )?(?:\w+ )?(?:account|page|channel|blog)\b"
    r"|\b(?:class|homework|lesson|revision|department) (?:announcements?|updates?|reminders?|notices?|resources?)\b"
    r"|\b(?:the|our)\s+(?:\w+\s+)?(?:department|school|class|club|team|academy)\s+(?:use|using|uses|run|post|posting|share)\s+my\b"
    r"|\b(?:run|running|manage|managing|operate|operating|host|hosting)\s+(?:the|our|a)\s+"
    r"(?:school|class|department|form|year \d+|\w+ club|club|team)\b[\w ]{0,30}?"
    r"\b(?:from|on|through|via|using) my (?:own |personal )?"
)
_PERSONAL_ACCOUNT = re.compile(
    rf"\b(?:my|my own|own|personal|private)\s+{_MEDIA}\b|\bpersonal social media\b|\bin my own time\b"
    r"|\bmy (?:own |personal )?(?:gmail|hotmail|icloud|email|e-mail)\b"
)
_EMAIL_ACCOUNT = re.compile(r"\be-?mail\w*\s+(?:\w+\s+){0,2}?account\b|\b(?:trust|school|work) e-?mail(?: account)?\b")
_CONNECT_VERB = (
    r"(?:add|adds|added|adding|follow|follows|followed|following|friend|friends|friended|befriend|connect|connected"
    r"|subscribe|subscribed)"
)
_PERSON = (
    r"(?:student|students|pupil|pupils|kid|kids|child|children|ex|former|old|parent|parents|mum|mums|dad|dads|carer"
    r"|year|sixth|them|him|her|tutee|tutees|learner|learners|leaver|leavers)"
)
_CONNECT = re.compile(
    rf"\b{_CONNECT_VERB}\s+(?:me|back)\b"
    r"|\b(?:follow|follows|followed|following|subscribe|subscribed|connect|connected)\s+(?:with\s+|to\s+|on\s+)?my\b"
    rf"|\bi\s+(?:just\s+)?{_CONNECT_VERB}\s+(?:with\s+)?(?:a|an|the|my|our|this|that|one of)?\s*(?:my\s+|our\s+)?{_PERSON}"
    r"|\b(?:friend|follow|connection)\s+requests?\b"
    r"|\b(?:asked|asks|asking|wants?|wanting|trying|tried|requested|keeps? trying)\s+to\s+(?:connect|follow|friend|add|subscribe)\b"
    r"|\baccept\w*\b|\b(?:be|stay|become|remain)\s+(?:facebook\s+|fb\s+)?friends\b"
)
_ENGAGE_CHILD = re.compile(
    r"\b(?:play|playing|game|gaming|chat|chatting|talk|talking|hang out|message|messaging|dm|snap|snapping|text|texting)"
    r"\s+(?:online\s+)?(?:\w+\s+)?with\s+(?:a|an|the|my|our|one of (?:my|our)|some)?\s*(?:pupil|student|kid|child)s?\b"
)
_CONTACT_ME = re.compile(
    r"\b(?:messag|email|e-mail|text|dm|snap|comment|tag|like|repl|contact|sen[dt]|call|rang|ring|whatsapp|wrote|writ"
    r"|mention|request|wish|ask|invit|ping|poke|nudg|call)\w*\s+(?:and\s+\w+\s+)?(?:on\s+|to\s+)?(?:me|my)\b"
    r"|\b(?:got|had|received|get)\s+(?:a|an|some)\s+(?:\w+\s+){0,4}?(?:message|dm|snap|text|email|comment|request)"
    r"|\b(?:message|dm|snap|text|email|comment|voice note)s?\s+from\s+(?:a|an|one of|my|our)\b"
)
_THIRD_PARTY = re.compile(
    r"\b(?:colleague|someone|somebody|a man|a woman|an adult|adults|stranger|another teacher|a teacher|member of staff"
    r"|older|brother|sister|boyfriend|girlfriend|people|they)\b"
)
_SELF_POST = re.compile(
    r"\b(?:is it|would it be|it is)\s+(?:ok|okay|alright|all right|fine|acceptable|allowed)\s+(?:for me\s+)?to\s+"
    r"(?:post|tweet|share|write|comment|blog|put|upload|vent|moan|rant|mention|promote)\b"
    r"|\bam i allowed to\s+(?:post|tweet|share|write|comment|blog|put|upload|mention)\b|"
    r"\b(?:can|could|should|may|shall)\s+i\s+(?:\w+\s+)?(?:post|tweet|share|write|comment|blog|put|upload|vent|moan|rant|mention)\b"
    r"|\b(?:want|wanted|would like|d like|going|plan|planning|thinking|hoping)\s+(?:to|of)\s+"
    r"(?:post|tweet|share|write|comment|blog|put|upload|vent|moan|rant|mention|promote|advertise|announce)"
    r"|\bi\s+(?:posted|tweeted|shared|wrote|commented)\b|\bwhen i (?:post|promote|share|advertise)\b"
)
_ADULT_TO_CHILD = re.compile(
    r"\b(?:adult|stranger|man|woman|someone|somebody|person|guy|colleague|teacher|member of staff)\b[\w\s]{0,40}?"
    r"\b(?:asking|asks|asked|messag\w*|contact\w*|send\w*|chatting|talking|grooming|pressur\w*|meet\w*)\b"
)
_CREATE_ACCOUNT = re.compile(
    r"\b(?:make|create|start|set up|setup|open|launch|begin)\s+(?:a|an|the|our|my)\s+(?:new\s+)?[\w\s]{0,25}?"
    r"(?:account|page|channel|insta|instagram|twitter|tiktok|youtube|facebook|blog)\b"
)
_GIVE_OUT_PERSONAL = re.compile(
    r"\b(?:give|giving|gave|share|sharing|hand|handing|pass|passing)\s+(?:out\s+)?(?:them\s+)?my\s+(?:own\s+|personal\s+)?"
    r"(?:e-?mail|number|mobile|phone|whatsapp)"
    r"|\bso (?:they|parents|pupils|students|families) can (?:contact|reach|call|text|email|message) me\b"
)
_WHY_POLICY = re.compile(r"\bwhy (?:was|is|do we have|have we got|does the trust have|did the trust write) (?:this|the|a) (?:social media )?policy\b")
_FEATURED = re.compile(
    r"\b(?:appear|appearing|feature|featured|featuring|interviewed|interview|quoted|speak|speaking)\s+(?:in|on|for|to)\b"
)
_WHICH_PLATFORMS = re.compile(
    r"\b(?:which|what)\s+(?:specific\s+|particular\s+)?(?:sites|platforms|apps|websites|services|examples)\s+(?:are|does|do|is)\b"
)
_WHICH_KIND_OF_USE = re.compile(
    r"\b(?:personal|private)\s+(?:use\s+)?(?:or|vs|versus)\s+(?:professional|trust|sanctioned|work|school|educational)\b"
    r"|\b(?:professional|trust|sanctioned|work|school|educational)\s+(?:use\s+)?(?:or|vs|versus)\s+(?:personal|private)\b"
)
_ASKS_TO_CONNECT = re.compile(
    r"\b(?:can|could|should|may|shall)\s+i\s+(?:\w+\s+)?(?:accept|add|follow|friend|connect|let)\b|\baccept or\b|\bto accept\b"
)
_DECLINED = re.compile(r"\b(?:declined|ignored|blocked|refused|rejected|deleted|didn'?t accept|did not accept|not accepted)\b")
_GROUP_CHAT = re.compile(r"\b(?:group chat|groupchat|whats ?app group|snapchat group|snap group|messenger group|discord server|team chat|\w+ group)\b")
_GROUP = re.compile(r"\b(?:group|groups|club|chat|page|community)\b")


def account_context(text: str) -> str | None:
    """Return "trust" or "personal" when the message says whose account it is about."""
    # "emailed my trust account" is about an email account, not a social media one.
    lowered = _EMAIL_ACCOUNT.sub(" email ", clean(text))
    if _TRUST_ACCOUNT.search(lowered):
        return "trust"
    if _PERSONAL_ACCOUNT.search(lowered):
        return "personal"
    return None


def priors(text: str, facts: Mapping[str, Any], terms: Sequence[str] = ()) -> dict[str, float]:
    """Return score bonuses by clause id (or by id prefix ending in '.')."""
    lowered = clean(text)
    words = set(terms)
    bonus: dict[str, float] = {}

    def add(key: str, points: float) -> None:
        bonus[key] = bonus.get(key, 0.0) + points

    context = account_context(text)
    if context == "trust":
        add("sanctioned.", ACCOUNT_BONUS)
        add("personal.", -ACCOUNT_BONUS / 2)
    elif context == "personal":
        add("personal.", ACCOUNT_BONUS)
    relation = facts.get("relation")
    childish = relation in _STUDENTISH or bool(words & {"child", "student"}) or facts.get("under_18") is True
    connecting = bool(_CONNECT.search(lowered))
    contacted = bool(_CONTACT_ME.search(lowered)) or "contactme" in words
    self_post = bool(_SELF_POST.search(lowered))
    harmed = childish and not self_post and (
        "harm" in words
        or bool(_ADULT_TO_CHILD.search(lowered))
        or (bool(_THIRD_PARTY.search(lowered)) and _MESSAGE in words and not contacted)
    )
    if self_post and context != "trust" and relation not in ("parent",) and not connecting:
        add(AVOID_RULE, FRAME_BONUS / 2)
        add(REPUTATION_RULE, FRAME_BONUS / 2)
        if context is None:
            add("sanctioned.", -ACCOUNT_BONUS / 2)
    if self_post and not harmed:
        add(HARM_RULE, -FRAME_BONUS / 2)
    if _CREATE_ACCOUNT.search(lowered) and context != "personal" and not _PERSONAL_ACCOUNT.search(lowered):
        add(LINK_RULE if "email" in words else APPROVAL_RULE, FRAME_BONUS)
    if context != "trust":
        if harmed:
            # Harm to a child outranks who posted it or where: it must be reported.
            add(HARM_RULE, FRAME_BONUS)
        elif relation == "parent":
            if connecting or contacted or _GROUP.search(lowered) or _ENGAGE_CHILD.search(lowered):
                add(PARENT_RULE, FRAME_BONUS)
        else:
            # If a child has already contacted me, reporting governs unless I am asking whether to accept.
            asks_to_connect = bool(_ASKS_TO_CONNECT.search(lowered)) and not _DECLINED.search(lowered)
            learning = _LEARNING in words  # "pupils follow MPs for coursework" is not about my accounts
            if relation in _STUDENTISH and connecting and not learning and (asks_to_connect or not (contacted and childish)):
                add(FRIEND_RULE, FRAME_BONUS)
            if childish and contacted:
                add(CONTACT_RULE, FRAME_BONUS)
            if _ENGAGE_CHILD.search(lowered) or (relation in _STUDENTISH and _GROUP_CHAT.search(lowered)):
                add(PARENT_RULE, FRAME_BONUS)
    if _LEARNING in words and words & {"student", "class"} and not self_post and not contacted:
        add(LEGIT_RULE, FRAME_BONUS / 2)
    if words & _PURPOSE_WORDS:
        for topic, clause_id in _PURPOSE_TOPICS:
            if words & topic:
                add(clause_id, FRAME_BONUS / 2)
    if _FEATURED.search(lowered):
        add(REPUTATION_RULE, FRAME_BONUS / 2)
    if _WHICH_PLATFORMS.search(lowered):
        add(EXAMPLES_RULE, FRAME_BONUS)
    if _WHICH_KIND_OF_USE.search(lowered):
        add(DISTINCTION_RULE, FRAME_BONUS)
    if context == "trust" and not _PERSONAL_ACCOUNT.search(lowered):
        _trust_account_frames(words, add)
    if relation == "parent" and context is None:
        add("sanctioned.", -ACCOUNT_BONUS / 2)
    if relation == "parent" and context != "trust" and words & _TALK_WORDS:
        add(PARENT_RULE, FRAME_BONUS / 2)
    if _GIVE_OUT_PERSONAL.search(lowered):
        add(PHONE_RULE, FRAME_BONUS)
        add(OFFICIAL_EMAIL_RULE, -FRAME_BONUS / 2)
    elif "email" in words and not words & {stem("phone"), "text", "call"} and not self_post:
        add(OFFICIAL_EMAIL_RULE, FRAME_BONUS / 2)
    if _WHY_POLICY.search(lowered):
        add(PURPOSE_RULE, FRAME_BONUS)
    if _PERSONAL_ACCOUNT.search(lowered) and context == "trust":
        add(SEPARATE_RULE, FRAME_BONUS)
    return bonus


# Terms are stemmed, so compare with stems ("learning" is "learn", "message" is "messag").
_LEARNING = stem("learning")
_MESSAGE = stem("message")
_TALK_WORDS = frozenset(stem(w) for w in ("dm", "message", "chat", "comment", "text", "groupchat", "reply", "like"))
_PURPOSE_WORDS = frozenset(stem(w) for w in ("purpose", "purposes", "aim", "aims", "point", "objective"))
_PURPOSE_TOPICS = (
    (frozenset(stem(w) for w in ("legal", "sue", "lawsuit", "liability")), "purpose.legal_risk"),
    (frozenset(stem(w) for w in ("reputation", "governor", "governors")), "purpose.reputation"),
    (frozenset(stem(w) for w in ("safeguard", "safeguarding", "child", "safe")), "purpose.safeguard"),
    (frozenset(stem(w) for w in ("distinguish", "distinguishable", "representative", "official", "legitimately")),
     "purpose.distinguish_official"),
)
_NAMING = frozenset(stem(w) for w in ("name", "named", "tag", "caption", "label"))
_IDENTIFYING = frozenset(stem(w) for w in ("location", "identifying", "address", "birthday"))
_OFF_TONE = frozenset(stem(w) for w in ("opinion", "humour", "personallife", "meme"))


def _trust_account_frames(words: set[str], add) -> None:
    """On a trust account the rules are about photos, names, identifying details and tone."""
    if "photo" in words and _LEARNING not in words:
        if words & _NAMING:
            add(NAMES_RULE, FRAME_BONUS / 2)
        elif words & _IDENTIFYING:
            add(IDENTIFYING_RULE, FRAME_BONUS / 2)
        else:
            add(PHOTO_RULE, FRAME_BONUS / 2)
    if words & _OFF_TONE:
        add(CONTENT_RULE, FRAME_BONUS / 2)
    if "dm" in words or (stem("private") in words and words & {"chat", stem("message")}):
        add(PRIVATE_DM_RULE, FRAME_BONUS / 2)


def bonus_for(clause_id: str, bonus: Mapping[str, float]) -> float:
    """Sum the bonuses that apply to a clause id."""
    total = bonus.get(clause_id, 0.0)
    for key, value in bonus.items():
        if key.endswith(".") and clause_id.startswith(key):
            total += value
    return total
