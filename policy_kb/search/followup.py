"""A message that follows on from the question before it, read with that question.

Staff ask the way people talk: "can I accept a friend request from a parent?", then "what if I leave
the trust?", "what about LinkedIn", "even if she's 19 now?". Alone, the second message says nothing
the policy answers. Read with the first ("…from a parent? what if I leave the trust?"), it changes
one fact of the same case, and the answer should follow it.

The risk is the other way round: "ok thanks. also when do reports need to be done by?" read with a
question about parents is answered from the parent rule. So the two are read together only when the
message leads on from the last question (it starts "what if", "what about", "even if"…, or it is not
a question on its own), and the joint reading is used only when it says something the last answer did
not: another clause or verdict, or the same one for facts the message itself adds ("what if they've
left" gives an ex-student). Otherwise the message is read alone, as it always was.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..relevance import normalise
from .facts import extract_facts
from .matcher import Matcher
from .reply import Reply

# Said before the words that lead on: "ok thanks,", "hang on -", "ah right".
_PREAMBLE = (r"(?:(?:ok(?:ay)?|ok then|right|cool|great|thanks|thank you|cheers|ta|ah|oh|hmm+|hang on|wait|sorry|sure|"
             r"got it|fair enough|i see|understood|brill|perfect|yes|yeah|no|nope)\b[\s,.!:;-]*)*")
# Words that only make sense as a change to the last question's case.
_LEADS_ON = re.compile(
    r"^\s*" + _PREAMBLE +
    r"(?:(?:and|but|so|or)\s+)?(?:what|how) about\b|^\s*" + _PREAMBLE +
    r"(?:(?:and|but|so|or)\s+)?(?:what (?:happens |would happen )?if|what if so|even if|even though|even when|even with|"
    r"who exactly|exactly who|which one|which of (?:them|those|the two)|"
    r"if\b|in that case|does (?:that|this|it|the same)|"
    r"would (?:that|it)|is (?:that|it) (?:the same|still|ok|okay|different|any different|allowed)|"
    r"same (?:for|with|goes for|applies to|if|question)|and for|but for|and with|and on|and (?:she|he|they)|"
    r"and (?:her|his|their) (?:mum|mom|dad|parents?))\b",
    re.IGNORECASE)
# "it's on the parent's own page, does it still count?": asking whether the last answer still holds, anywhere.
_STILL_HOLDS = re.compile(r"\b(?:does|do|would|will|is) (?:that|it|this|the rule|the policy) (?:still )?(?:count|apply|matter|hold)"
                          r"|\bstill (?:count|counts|apply|applies|stand|stands)\b"
                          # "is that actually compulsory or just advice?", "can it wait till Monday?": about the last answer
                          r"|\bis (?:that|it|this) (?:actually |really |just )?(?:compulsory|mandatory|required|a rule|the rule|a must|"
                          r"optional|advice|guidance|a recommendation|the law)\b|\bcan (?:it|this|that) wait\b", re.IGNORECASE)
# "what about lunchtime supervisors?": another kind of staff. The policy applies to every member of staff alike, so
# a change of role never changes the answer (volunteers and governors are not said to be staff: not these).
_ANOTHER_ROLE = re.compile(
    r"^\W*(?:(?:ok|okay|and|so|but|also|thanks|cheers)\W+)*(?:(?:what|how) about|(?:is it )?(?:the )?same (?:for|with)|does (?:that|it|this) "
    r"(?:apply|go|count) (?:for|to)|(?:and|also|even) for) (?:the |our |my |a |an |all |any )?(?:(?:tas?|teaching assistants?|support staff|"
    r"(?:lunchtime|midday) supervisors?|dinner lad(?:y|ies)|cleaners?|site (?:team|staff)|caretakers?|office (?:staff|team)|admin(?: staff)?|"
    r"receptionists?|technicians?|supply(?: teachers?| staff)?|cover supervisors?|coaches|peripatetic (?:teachers?|staff)|peris?|"
    r"kitchen (?:staff|team)|catering (?:staff|team)|librarians?|agency staff|part[- ]time(?:rs| staff)?|teachers?|sixth form tutors?|"
    r"form tutors?|heads? of (?:department|year)|hods?|hoys?|slt|senior leaders|the head)(?:\W+(?:and|or|&|the|our)\W+|\W*,\W*)?)+"
    r"(?:\W+(?:too|as well|then|staff))*\W*$")
# "them", "it", "that": a message that points back at the last question's subject ("this year" does not).
_POINTS_BACK = re.compile(r"\b(?:them|they|it|(?:that|this)(?! (?:year|term|week|month|morning|afternoon|evening|time|weekend))"
                          r"|those|these|she|he|her|him|their|its|one|either|too|as well|first)\b", re.IGNORECASE)
# "different thing -", "also random,", "while I have you": the person says the message is about something else.
_NEW_SUBJECT = re.compile(r"\b(?:(?:also|totally|completely) (?:random|unrelated|different)|random (?:q|question)|unrelated"
                          r"|(?:different|other|another|separate|new|quick other) (?:thing|question|q|one)|on another note"
                          r"|while i have you|changing the subject|not related)\b", re.IGNORECASE)
# "post it in a private group", "repost my pics onto it": the thing or place is the last question's, whatever else the message names
_ITS_OBJECT = re.compile(r"\b(?:post|share|put|upload|repost|send|use|do|delete|remove|screenshot|report|leave|keep)\w* (?:it|them|that|those|these)\b|\b(?:onto|into) (?:it|there)\b"
                         r"|\b(?:on|to) it\?", re.IGNORECASE)
# A question of its own ("can I just rename my Twitter?", "do I need to…"), not "is that ok?" about the case.
_ASKS_ITS_OWN = re.compile(r"\b(?:can|could|may|should|must|do|does|will|would)\s+(?:i|we|they|he|she|you|the kids|pupils|students"
                           r"|parents)\s+(?:still\s+|just\s+|then\s+|also\s+)?(?!be\b)(\w[^.?!;]*)", re.IGNORECASE)
# "what if" / "what about" asks a change to the last question, not a "what is…?" of its own.
_WHAT_IF = re.compile(r"\b((?:and|but|so|or) )?(?:what|how) (if|about)\b", re.IGNORECASE)
# A message this short is not a question of its own after one was asked ("linkedin?", "19 now").
_FEW_WORDS = 3
_WORD = re.compile(r"[a-z0-9']+", re.IGNORECASE)
_QUESTION_START = re.compile(r"^\s*" + _PREAMBLE + r"(?:(?:also|and|but|so|or)\s+)?(?:can|could|may|should|shall|is|are|am|do|does|did|was|were|will|would|what|who"
                             r"|how|why|when|where|which|whats|hows|any)\b", re.IGNORECASE)
# "…has asked how the policy links…", "and if students find it": a question, asked without a question mark
_INDIRECT = re.compile(r"\b(?:ask\w*|wonder\w*|know|unsure|not sure|checking) (?:how|what|whether|if|who|why|when|where|which)\b"
                       r"|^\s*" + _PREAMBLE + r"(?:(?:and|but|so|or)\s+)?(?:if|even if|what if)\b", re.IGNORECASE)
# "…we set it up without asking, is that a problem": the question at the end, without its question mark
_ASKS_AT_END = re.compile(r"\b(?:is|was|would|will) (?:that|this|it) (?:\w+ )?(?:ok|okay|a problem|an issue|allowed|fine|alright"
                          r"|wrong)\W*$", re.IGNORECASE)
# "ok so who do I tell?", "who signs it off, my HoD?", "is telling my head of year enough?": who the last answer's
# report or approval goes to, which that answer says.
_WHO_TO_TELL = re.compile(
    r"\bwho (?:do|should|must|shall|would|has to|needs to|have to|can|will) (?:i |we |it |that |this )?(?:actually |then |now )?(?:tell|report|go to|speak to|"
    r"talk to|inform|approve|sign|ok|okay|agree)|\bwho (?:signs|approves|okays|authorises|gives)\b|\bwho(?:'s| is) (?:the person|it) to\b"
    r"|\b(?:is|would|will) (?:telling|reporting (?:it )?to|informing|asking) (?:my |the |our |a )?[\w ]{1,30}? (?:be )?enough\b"
    r"|\b(?:do|should|must) (?:i|we) (?:still |also )?(?:need to |have to )?(?:tell|report (?:it )?to|inform) (?:someone|anyone|somebody|the dsl|them)\b",
    re.IGNORECASE)
# The words such a question may add to the last one: whom to tell, what was done ("I've blocked her, do I still need
# to tell someone?"). Any other word ("who do I speak to about my parking permit?") makes it a question of its own.
_ABOUT_WHOM = ("off anyone someone somebody anybody ignore ignoring dsl designated safeguarding lead slt report reporting tell "
               "telling inform enough head of year head of department hod hoy line manager deputy head already block blocked "
               "remove removed delete deleted approve approves sign signs off else down first actually person speak talk agree right")
# At most this much of the question before is read with the message.
MAX_CONTEXT_CHARS = 600


@dataclass(frozen=True)
class Reading:
    """What to answer: the reply, the text it answers (the message, or the two read together), and
    the last question when it was read with it (the answer then says so)."""
    reply: Reply
    question: str
    last: str | None = None
    # The last question, when the message read with it changed nothing the policy decides: the reply
    # (the message read alone) then says it cannot tell whether the answer changes, not that the policy
    # is silent on the subject.
    unchanged: str | None = None

    @property
    def with_last(self) -> bool:
        return self.last is not None


def leads_on(message: str) -> bool:
    """Does the message read as a change to the last question's case ("what about LinkedIn")?"""
    return bool(_LEADS_ON.search(message)) or len(_WORD.findall(message)) <= _FEW_WORDS


def joined(last: str, message: str) -> str:
    """The last question and the message as one question, in the last question's form: "can I accept a
    friend request from a parent?" and "what if I leave the trust?" read "…from a parent? if I leave the
    trust?"."""
    last = last.strip()[-MAX_CONTEXT_CHARS:]
    message = _WHAT_IF.sub(lambda found: f"{found.group(1) or ''}if" if found.group(2).lower() == "if" else "and",
                           message.strip(), count=1)
    if _asks(message) and message[-1:] not in ".?!":
        message += "?"  # "…is that a problem" asks, though typed without a question mark: it is the question now
    return f"{last}{'' if last[-1:] in '.?!' else '?'} {message}"


def _changed_facts(last: str, message: str) -> dict:
    """What the message says of the case that the last question did not, or said otherwise (an age,
    who they are, leaving the trust)."""
    before = extract_facts(last)
    return {name: value for name, value in extract_facts(message).items() if before.get(name) != value}


def _names_its_own(matcher: Matcher, message: str, alone: Reply) -> bool:
    """Does the message, read alone, meet the relevance rule of the clause it gets (not only the second
    opinion's vouching)? Then it is about that clause's subject, whatever the last question was about."""
    return alone.kind in ("answer", "clarify") and matcher.kb.by_id[alone.clause_id].requires.met(normalise(message))


def _asks_its_own(matcher: Matcher, message: str, last: str) -> bool:
    """Does the message ask a question of its own ("can I let the kids follow it?"), about doing
    something the last question did not ask about ("can my department set up an Instagram?")?
    "…she's 18 now, can I accept then?" asks the last question again. Its words, after who is asking,
    must say something the last question's did not."""
    found = _ASKS_ITS_OWN.search(message)
    return bool(found) and not set(matcher.terms(found.group(1))) <= set(matcher.terms(last))


def _asks(message: str) -> bool:
    """Is the message a question, not a fact told about the last one ("my account's locked, only 40 friends see it")?"""
    return "?" in message or any(pattern.search(message) for pattern in (_QUESTION_START, _ASKS_ITS_OWN, _INDIRECT, _ASKS_AT_END))


def _asks_whom(matcher: Matcher, message: str, last: str) -> bool:
    """Does the message ask whom the last answer's report or approval goes to, adding nothing else to the case?"""
    return bool(_WHO_TO_TELL.search(message)) and set(matcher.terms(message)) <= set(matcher.terms(f"{last} {_ABOUT_WHOM}"))


def _same(one: Reply, other: Reply) -> bool:
    return (one.kind, one.clause_id, one.verdict) == (other.kind, other.clause_id, other.verdict)


def read(matcher: Matcher, message: str, last: str | None) -> Reading:
    """Answer `message`, with the question asked just before it (`last`, None when there is none)."""
    alone = matcher.answer(message)
    if not last or not last.strip() or _NEW_SUBJECT.search(message):
        return Reading(alone, message)
    # "…does it still count?" asks about the last answer, whatever else it names; a fact told, asking nothing, adds to it
    asks_who = alone.kind == "unknown" and _asks_whom(matcher, message, last)  # "ok so who do I tell?": the last answer says
    holds = _STILL_HOLDS.search(message) or not _asks(message) or asks_who
    if alone.kind != "unknown" and not _LEADS_ON.search(message) and not holds:
        return Reading(alone, message)  # a question of its own ("different thing - can I use my phone…")
    if alone.kind == "unknown" and not leads_on(message) and not _POINTS_BACK.search(message) and not asks_who:
        return Reading(alone, message)  # a new question the policy does not cover
    both = joined(last, message)
    together, before = matcher.answer(both, follow_on=True), matcher.answer(last)
    if together.kind == "unknown":
        return Reading(alone, message)
    if together.clause_id == before.clause_id != alone.clause_id and not holds and _names_its_own(matcher, message, alone) \
            and not _ITS_OBJECT.search(message):
        return Reading(alone, message)  # "and if students find it and follow me anyway", after privacy settings
    if together.clause_id == before.clause_id and not holds and _asks_its_own(matcher, message, last):
        # "SLT have said yes. Can I just rename my existing Twitter?": a question of its own, about doing
        # something the last question did not ask about, that the last question's rule would answer
        # only by reading its case again.
        return Reading(alone, message)
    changed = _changed_facts(last, message)
    if changed:  # the message's facts win over the last question's ("a year 10…" then "she's left, 20 now")
        together = matcher.answer(both, changed)
    elif _same(together, before) and _ANOTHER_ROLE.search(normalise(message)):
        return Reading(before, both, last=last)  # the same answer: the policy makes no difference between staff
    elif _same(together, before) and not holds and alone.clause_id != together.clause_id and not _ITS_OBJECT.search(message):
        # Read with the last question, the message changes nothing the policy decides: either it is
        # about something else ("what about sick leave?") or it repeats the case; the last answer stands
        # and is not given again as if it answered this. (Alone, the same rule's answer to half the case
        # would be the worse reading: "what if they called my personal phone first" is still the case.)
        return Reading(alone, message, unchanged=last if alone.kind == "unknown" else None)
    # "does it still count?": the last answer, read again with the message, is the answer
    return Reading(together, both, last=last)
