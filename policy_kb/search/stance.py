"""The stance: what the governing clause says to the question actually asked.

A clause has a headline that reads as one verdict (yes, no, conditional, report or info; see
model.says). Three things can change it, tried in this order:

1. who the other person is (the friend and parent/carer rules: a current student, an ex-student
   and their age, a parent, a colleague; whether the member of staff has left the trust), and
   what the person asks to do (reply to a child, or find out what to do about a child's message);
2. the clause's own `decides` in its YAML: a question that meets `when` gets that verdict and
   headline ("got consent forms back for everyone" makes the consent rule a yes);
3. the form of the question: "can I…?", "do I have to…?", "what should I do?", "what is…?".

Every headline returned reads as the verdict returned (tests/policy_kb/test_stance.py), so what a
person reads first and the stance the answer declares never differ.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from ..model import Clause, KnowledgeBase
from ..relevance import normalise
from ..text import last_question
from . import cues, notes
from .clarify import ask_age, ask_student_status
from .reply import Clarification

FRIEND_RULE = "personal.no_friend_students"
PARENT_RULE = "personal.no_contact_parents_children"
CHILD_CONTACT = "personal.report_child_contact"
NO_PRIVATE_DM = "sanctioned.no_private_dm"
ADVICE_STILL_APPLIES = ("personal.privacy_settings", "personal.avoid_specific_matters", "personal.consider_reputation")


@dataclass(frozen=True)
class Decision:
    clause_id: str
    verdict: str
    headline: str
    note: str | None = None
    also: tuple[str, ...] = ()
    clarification: Clarification | None = None


def decide(kb: KnowledgeBase, clause_id: str, facts: Mapping[str, Any], question: str,
           respell: Callable[[str], str] | None = None) -> Decision:
    """The governing clause's answer to this question, given the facts known so far. When the question as
    typed meets none of the clause's decisions, it is read again with `respell`'s typos corrected."""
    said, ask = normalise(question), asked(question)
    if (ruled := _about_the_person(kb, clause_id, facts, ask, said)) is not None:
        return ruled
    decision = _decided(kb, clause_id, ask, said)
    spelt = respell(question) if respell and decision.headline == kb.by_id[clause_id].headline else ""
    if spelt and normalise(spelt) != said:  # "withuot asking anyone": without asking
        return _decided(kb, clause_id, asked(spelt), normalise(spelt))
    return decision


def _decided(kb: KnowledgeBase, clause_id: str, ask: str, said: str) -> Decision:
    """The clause's own decisions, else its headline."""
    clause = kb.by_id[clause_id]
    for unasked in _NOT_ASKED:  # what the question mentions without asking about it
        said = unasked.sub(" ", said)
    for decides in clause.decides:
        if (not decides.asked or ask in decides.asked) and (decides.when is None or decides.when.met(said)):
            return Decision(clause.id, decides.verdict, decides.headline, decides.note)
    return Decision(clause.id, clause.verdict, clause.headline)


def settles(clause_id: str, facts: Mapping[str, Any]) -> bool:
    """True when the known facts decide a fact-governed clause, so no choice between clauses is needed (outside the trust, both)."""
    relation, outside = facts.get("relation"), bool(facts.get("outside_trust"))
    return clause_id in (FRIEND_RULE, PARENT_RULE) and (outside or relation in ("parent", "colleague", "current_student", "ex_student"))


# --- the form of the question ------------------------------------------------------------------

_WH = re.compile(
    r"^\s*(?:and\s+)?(?:what|whats|wat|wats|which|who|whom|whose|how|where|why|when|could you (?:list|confirm|tell)"
    r"|can you (?:list|confirm|tell)|list|remind me|tell me|explain|define|in what)\b")
_ENOUGH, _UNDONE = re.compile(r"\b(?:is|was) (?:that|this|it|\w+ing) enough\b|\b(?:anything|something) else\b|\bthat'?s (?:the end of it|it|that|me done|job done)\b(?: (?:then|right|yeah))?,? (?:is(?:n'?t| not) it|right|yeah)?\W*$"), re.compile(r"\b(?:declined|blocked|deleted|ignored|unfollowed|removed|rejected)\b")
_TODO = re.compile(
    r"\bwhat (?:should|do|must|can|shall) (?:i|we) do\b|\bwhat now\b|\bnow what\b|\bwhat do (?:i|we) need to do\b|\bwhat (?:am i|are we) (?:supposed|meant|expected) to do\b|\bwhat(?:'s| is) the right thing to do\b"
    r"|^\s*(?:(?:and|so|ok) )?(?:is there )?anything else(?: to do)?\s*\??\s*$|\bwalk me through\b|\bwhat are the steps\b|\bwhat(?:'s| is) (?:my|the) (?:duty|responsibility|process|next step)\b"
    r"|\bwho (?:do|should|must) (?:i|we) (?:tell|report|inform|speak|talk|go)|\bwho (?:am i|are we) (?:supposed|meant|expected) to (?:tell|report|inform|speak|talk|go)|\bwho does it go to\b|\bwho (?:is|handles) (?:it|that|this)\b"
    r"|\b(?:do|should|must) (?:i|we) (?:still |also |really |even |actually )?(?:need to |have to )?(?:tell|report|flag|log|record|pass (?:it|this|that) on)\b|\b(?:is there )?anything (?:else )?(?:i|we) (?:need|have|should|must|ought) (?:to )?do\b"
    # "still need to report?", "do I need to tell anyone", "I've blocked her: is blocking enough?"
    r"|^\s*(?:do (?:i|we) )?(?:still |also )?(?:need|have) to (?:tell|report|flag)\b|\b(?:tell|inform) (?:anyone|someone|somebody|anybody)\b"
    r"|\blet (?:anyone|someone|somebody|anybody) know\b|\breport (?:it|this|that|them|him|her) or (?:just )?(?:block|ignore|delete)"
    r"|\bis (?:declining|blocking|deleting|ignoring|unfollowing|removing)(?: (?:it|them|her|him))? enough\b"
    r"|\bwhere do (?:i|we) report\b|\bhow do (?:i|we) report\b|\bwhich (?:person|member of staff)\b"
    r"|\bwho(?: s| is|'s) the (?:person|one)\b|\bthe (?:person|one) to (?:tell|report|go)|\bwho (?:to|should i) (?:tell|report|go|inform)"
    r"|\bwho do(?:es)? (?:it|this|that|i) (?:go|report|pass)"
)
_MAY = re.compile(
    r"(?:^|,|\bso\b|\bbut\b)\s*(?:so\s+)?(?:can|could|may|might|should|shall)\s+(?:i|we|staff|a teacher|our|the|my|you)\b"
    r"|^\s*(?:is|would|was)\s+(?:it|that|this)\s+(?:ok|okay|fine|alright|all right|acceptable|allowed|a problem|wrong|within|correct|right|appropriate|better|best)"
    r"|^\s*am i (?:allowed|ok|okay)\b|\b(?:ok|okay|allowed|fine|alright|a problem|problem|an issue|issue)\??\s*$|\bany (?:issue|problem)"
    r"|\b(?:is|was) (?:that|this|it) (?:right|correct|the right (?:way|thing|one))\??\s*$"
)
_MUST = re.compile(
    r"\b(?:do|does) (?:i|we|staff|it|they|she|he|(?:\w+ ){1,4}?(?:accounts?|pages?|staff|teachers?|parents?|schools?)) (?:really |still |also |actually )?(?:have|need) to\b|\bmust (?:i|we|it|staff)\b|\bis it (?:required|compulsory|mandatory)\b"
    # "does the class account need a link to the AUP?", "do we still need the AUP link?"
    r"|\b(?:do|does) (?:i|we|it|they|(?:\w+ ){1,4}?(?:accounts?|pages?|channels?|profiles?|blogs?|bios?)) (?:still |also |really )?"
    r"need (?:a|an|the|any|(?:\w+ ){0,2}(?:consent|permission|approval|sign-?off)s?)\b"
    r"|\bam i (?:required|obliged|expected)\b|\bis there anything else\b|\banything else (?:i|we)\b|\bwhat else\b|\b(?:does|do|will|would) (?:the policy|it|they|the trust|the school|slt|the rules?) (?:actually |really )?(?:need|require|want|expect|make|say) (?:me|us|staff|i|we) (?:to|have to|must|need to)\b"
    r"|\bneeds? anything\b|\banything (?:i|we|it|they|the \w+) (?:must|has to|have to|need to|needs to|should) (?:include|add|put|have|show|contain)\b"
    r"|\banything (?:that )?(?:has|have|needs?) to (?:go|be)\b"
    # "does the policy say they HAVE to be private?"
    r"|\b(?:do|does) (?:the |this |our )?polic(?:y|ies) (?:say|state|mean|require)s? (?:that )?(?:i|we|they|staff|it|you|(?:my|our) \w+) "
    r"(?:have|has|need|needs|must) (?:to )?\b"
    # "does the AUP link need to go in the channel description?", "should HoDs be making sure every account…"
    r"|\b(?:do|does) (?:\w+ ){1,4}?(?:need|have) to (?:go|be|appear|include|contain|show)\b|\bshould (?:\w+ ){1,3}be (?:making sure|ensuring)\b"
)
# "what's the verdict on posting about…", "what's the deal with adding…": whether they may, asked as a what.
_VERDICT_ON = re.compile(
    r"^\s*what(?:'s| is|s)? (?:the|your) (?:verdict|deal|score|rule|position|stance|line|view|policy|situation)s? "
    r"(?:on|with|about|re|regarding|for) (?:me |us |staff |teachers |someone )?\w+ing\b"
)
# "When I'm emailing a family, must it be...?": the leading clause sets the scene; the question follows the comma.
_LEADING_CLAUSE = re.compile(r"^\s*(?:(?:and|but|so|also) )?(?:when|if|once|after|before|since|as soon as|while|whilst)\b[^,]*,\s*")
# "instead of messaging them privately, can I answer in the comments?": what comes after "instead of" is not asked
_INSTEAD = re.compile(r"\b(?:instead of|rather than|quicker than|easier than|simpler than) [^,.?!]*")
# "can I keep it public, or should I make it private?": the alternative offered is not what is asked
_OR_PRIVATE = re.compile(r"\bor (?:should|do|does|must|shall|would|has|have) (?:i|it|we|they) (?:\w+ ){0,3}?"
                         r"(?:(?:hav\w*|need) to )?(?:be|make (?:it|them)|go|set (?:it|them)|keep (?:it|them)|lock (?:it|them)) "
                         r"(?:\w+ )?private\b")
# "a public reply, it's not a DM": what is denied is not what is asked about either
_DENIED = re.compile(r"\b(?:not|isn't|isnt|never|wasn't|wasnt) (?:a |an |by |in (?:a |the )?|through )?"
                     r"(?:dms?|direct messages?|private messages?|pms?|privately)\b")
# "a parent emailed my school address from their gmail": someone else's address or phone, not the person's own
_THEIRS = re.compile(r"\b(?:(?:me|us|school|account|address|inbox) from (?:their|her|his)|(?:a|the) (?:parent|mum|dad|carer)'?s|(?:mum|dad)'?s) (?:own )?(?:personal )?"
                     r"(?:gmail|hotmail|yahoo|icloud|e-?mail|address|account|inbox|number|mobile|phone)\b(?! (?:to|for) (?:them|her|him))")
# "not sure SLT approved it", "I don't think the exec head approved it": a fact the person doubts is not a fact (consent
# doubted is the photo rule's own no)
_DOUBTED = re.compile(r"(?:(?:\bnot|n't|n t) (?:\d+ ?% |totally |completely |entirely |really |that |too )?(?:sure|certain)|\bunsure|\b(?:don|didn)'?t (?:think|know)|\bi doubt)"
                      r" (?:if |whether |that )?(?!i\b|we\b|i'?m\b|(?:it|this|that)'?s? (?:ok|okay|fine|allowed|alright))(?![^,.?!;]*\b(?:consent|permission))"
                      r"(?:(?!\b(?:but|so|can|could|should|would|may|am i|is it|is that)\b)[^,.?!;])*")
_NOT_ASKED = (_INSTEAD, _DENIED, _OR_PRIVATE, _THEIRS, _DOUBTED)
_OR_MUST = re.compile(r"(\b(?:can|could|may) (?:i|we)\b[^?]*?),? or (?:does|do|must) (?:it|i|we|they) (?:really |still )?(?:have|need|got) to\b[^?]*")
# A situation or a wish before "what does the policy say about that?": the person wants to know whether they may.
_WANTS_TO = re.compile(
    r"\b(?:(?:i|we)(?:'|’)d (?:like|love) to|(?:i|we)\s+(?:want|wanted|would like|d like|plan|am planning|are planning"
    r"|m planning|re planning|hope) to|(?:asked|asks|asking) (?:us|me) to|(?:can|could|may) (?:i|we)\b)"
)


def question_part(text: str) -> str:
    """The last question in the text (else the whole text), normalised, without a leading clause."""
    return _LEADING_CLAUSE.sub("", normalise(last_question(text).strip()))


def asked(question: str) -> str:
    """"todo" (what do I do, who do I tell, "I've blocked her: is that enough?"), "must" (do I have to), "may" or "what"."""
    part = _OR_MUST.sub(r"\1", question_part(question))
    if _TODO.search(part) or (_ENOUGH.search(part) and _UNDONE.search(normalise(question))):
        return "todo"
    if _MUST.search(part):
        return "must"
    if _VERDICT_ON.search(part):
        return "may"
    if _WH.search(part):
        return "may" if part.startswith("what") and _WANTS_TO.search(normalise(question)) else "what"
    return "may"


# --- who the other person is ---------------------------------------------------------------------

_REPLYING = re.compile(
    r"\b(?:reply|repli(?:ed|es)|respond|answer|message (?:her|him|them) back|dm (?:her|him|them) back|text (?:her|him|them) back"
    r"|accept|follow (?:her|him|them) back|add (?:her|him|them)|like it|send it back|get back to)\w*"
)
_QUOTED = re.compile(r"(?<![a-z])'[^']{1,80}'(?![a-z])")
_A_REPLY = re.compile(r"\b(?:a|an|the|this|that|their|his|her|its) (?:\w+ )?(?:repl(?:y|ies)|response|answer)s?\b")
# "can I like my pupils' posts?": the member of staff engaging with a child's content, not the child's message
_ENGAGING = re.compile(r"\b(?:lik(?:e|ing)(?! to\b)|(?<!\ba )(?<!\bthe )(?<!\bher )(?<!\bhis )comment(?:ing)? on|react(?:ing)? to|heart(?:ing)?|repost(?:ing)?) (?:\w+(?:'s| s)? ){0,2}"
                       r"(?:posts?|photos?|pics?|videos?|stor(?:y|ies)|tiktoks?|reels?|tweets?|content)\b")
_NOT_REPLIED = re.compile(r"\b(?:haven'?t|have not|didn'?t|didnt|did not|not|never|won'?t|will not)(?: yet)? (?:replied|reply|responded|"
                          r"respond|answered|accepted|accept)\b")
_PUBLICLY = re.compile(r"\b(?:publicly|in public|in the comments?|under (?:the|our|a) post|comment (?:back|under))\b")
_PRIVATELY = re.compile(r"\b(?:dms?|dm'?d|dming|direct(?:ly)? messag\w*|privately|private messag\w*|inbox|message requests?)\b")
CHILD = ("current_student", "student_unspecified", "students_generic")
# Asking leave to do something ("can I accept?"): the rule on doing it answers, not the one on reporting.
_MAY_I = re.compile(r"\b(?:can|could|may|should|shall) (?:i|we)\b|\b(?:is it|am i|are we) (?:ok|okay|allowed|fine|alright)\b"
                    r"|\ballowed\b")
# A child's message that has reached the member of staff: "messaged my insta", "sent me a snap".
_RECEIVED = re.compile(r"\b(?:messaged|dm'?d|dmed|texted|emailed|snapped|whats ?app(?:ed|'d)|facetimed|rang) (?:me|my)\b|\bsent me\b(?! (?:a |an )?(?:\w+ )?(?:friend|follow|connection|add|request|invite)\w*)|\b(?:keeps|kept|has been|been) "
                       r"(?:(?:messaging|dming|texting|emailing) me|sending me (?:\w+ )?(?:messages|msgs|dms|texts|snaps))\b|\bwrote to me\b|\bcontacted me\b|\b(?:got|had|received) "
                       r"(?:a|an) (?:message|dm|text|voice note|snap|email) from\b")
# Rules about a member of staff and a child or family contacting each other.
CONTACT_RULES = (FRIEND_RULE, PARENT_RULE, "personal.no_personal_email_phone", "personal.official_email")


def _about_the_person(kb: KnowledgeBase, clause_id: str, facts: Mapping[str, Any], ask: str, said: str) -> Decision | None:
    relation = facts.get("relation")
    said = _NOT_REPLIED.sub(" ", said)  # "I haven't replied. Do I just ignore it?" asks what to do, not whether to reply
    if clause_id == FRIEND_RULE and relation == "parent":
        clause_id = PARENT_RULE
    if (clause_id == CHILD_CONTACT and ask == "may" and relation in CHILD and not facts.get("trust_account")
            and _ENGAGING.search(said)):
        clause = kb.by_id[PARENT_RULE]
        return Decision(PARENT_RULE, "no", clause.headline, notes.ENGAGING)
    # "posted a racist reply" is not the person replying, nor is "pls accept sir", the child's words in quotes
    replying = _REPLYING.search(_A_REPLY.sub(" ", _QUOTED.sub(" ", said)))
    if kb.by_id[clause_id].stance == "report" and ask == "may" and replying and relation in CHILD:
        # "a Year 8 messaged my personal fb, can I just answer it?": on a personal account, report it and don't
        # reply (writers file it under the reporting rule); on a trust account, publicly yes, privately no.
        if facts.get("trust_account"):
            return _decided(kb, NO_PRIVATE_DM, ask, said)
        return Decision(CHILD_CONTACT, "report", "Report it, and don’t reply from your personal account", notes.DONT_REPLY, (PARENT_RULE,))
    if clause_id == CHILD_CONTACT and relation == "ex_student" and facts.get("under_18") is None:
        return Decision(CHILD_CONTACT, "report", kb.by_id[CHILD_CONTACT].headline, clarification=ask_age(CHILD_CONTACT))
    if clause_id == CHILD_CONTACT and relation == "ex_student" and facts.get("under_18") is False:
        if ask in ("todo", "must"):  # "an ex-pupil, 20, messaged me: do I have to report it?": not a child's message
            return Decision(CHILD_CONTACT, "yes", notes.ADULT_MESSAGE, notes.ADULT_MESSAGE_WHY, also=(FRIEND_RULE,))
        return _friend_rule(kb.by_id[FRIEND_RULE], facts)  # "ex pupil 19 messaged me": an adult, not a child
    a_child = relation in CHILD or (relation == "ex_student" and facts.get("under_18"))
    received = (_RECEIVED.search(said) and not replying and not _MAY_I.search(said)
                and not facts.get("trust_account"))
    if clause_id in CONTACT_RULES and a_child and (ask == "todo" or received):
        # "a Year 8 sent me a voice note, do I tell someone?", "an ex-pupil, 15 now, messaged my insta to say she
        # misses the class": a message from a child to a personal account is to be reported.
        clause = kb.by_id[CHILD_CONTACT]
        return Decision(clause.id, "report", clause.headline, also=(PARENT_RULE,))
    if clause_id not in (FRIEND_RULE, PARENT_RULE):
        return None
    if facts.get("trust_account") and relation in CHILD and _PRIVATELY.search(said):
        return _no_private_reply()  # a pupil messaged the class account: the rule is no private messages
    if relation == "colleague":
        return _colleague()
    if facts.get("left_trust"):
        return _left_the_trust(kb, clause_id)
    if facts.get("outside_trust") and relation != "ex_student":  # an ex-pupil who moved away is still the trust's
        return _outside_the_trust(clause_id)
    clause = kb.by_id[clause_id]
    if clause_id == FRIEND_RULE or (relation == "current_student" and cues.PUPIL_ASKS.search(said) and not cues.A_FAMILY.search(said)):
        return _friend_rule(kb.by_id[FRIEND_RULE], facts)
    if relation == "parent":
        return Decision(clause.id, "no", clause.headline, notes.PARENT)
    return None


def _no_private_reply() -> Decision:
    note = "Don’t reply by private message. A public reply on the trust account is fine, or speak to them in school."
    return Decision(NO_PRIVATE_DM, "no", "No — don’t reply privately", note)


def _colleague() -> Decision:
    """The parent rule is quoted: it is the one that would bite, if the colleague is also a parent at the trust."""
    note = ("The policy has no rule against connecting with colleagues: the rule below is about parents/carers and "
            "children. The advice on posts about specific school matters, the trust’s reputation and privacy settings "
            "still applies — and if the colleague is also a parent/carer of a child at the trust, you must not connect.")
    return Decision(PARENT_RULE, "yes", "Yes — the policy doesn’t stop you connecting with colleagues", note,
                    ADVICE_STILL_APPLIES[1:])


def _left_the_trust(kb: KnowledgeBase, clause_id: str) -> Decision:
    note = ("The rules on personal social media apply to members of staff “whilst in employment at the trust”. "
            "Once you have left, this policy no longer governs who you connect with. While you are still employed — "
            "on leave or working your notice — it does.")
    return Decision(clause_id, "yes", "Yes — once you have left the trust, this rule no longer applies", note)


def _outside_the_trust(clause_id: str) -> Decision:
    return Decision(clause_id, "yes", "Yes — the rule is about the trust’s own school communities", notes.OUTSIDE_TRUST)


def _friend_rule(clause: Clause, facts: Mapping[str, Any]) -> Decision:
    relation = facts.get("relation")
    age = facts.get("age")
    under_18 = facts.get("under_18")
    if relation in ("current_student", "students_generic"):
        if relation == "students_generic":
            note = "Taking this to mean current students: the rule covers current students of any age."
        elif age is not None and age >= 18:
            note = (f"You said they are {age}, but they are a current student: the rule covers current students "
                    "of any age, sixth formers included.")
        else:
            note = "They are a current student: the rule covers current students of any age."
        return Decision(clause.id, "no", "No — not a current student, whatever their age", note)
    if relation == "ex_student":
        if under_18 is None:
            return Decision(clause.id, clause.verdict, clause.headline, clarification=ask_age(clause.id))
        if under_18:
            said = f"You said they are {age}: under 18" if age is not None else "They are under 18"
            return Decision(clause.id, "no", "No — not an ex-student under 18", f"{said}, so the rule applies.")
        said = f"You said they are {age}" if age is not None else "They are 18 or over"
        note = (f"{said} and have left the trust, so this rule does not stop it. The advice on privacy, posts about "
                "school matters and the trust’s reputation still applies — and if they are also a parent/carer of a "
                "child at the trust, you must not connect.")
        return Decision(clause.id, "yes", "Yes — the rule stops at ex-students under 18", note, ADVICE_STILL_APPLIES)
    if relation == "student_unspecified" or relation is None and under_18 is not None:  # "he's 20 now": still a student?
        return (Decision(clause.id, "no", "No — not a student under 18, current or former", "Under 18, the rule covers them.")
                if under_18 else Decision(clause.id, clause.verdict, clause.headline, clarification=ask_student_status(clause.id)))
    return Decision(clause.id, clause.verdict, clause.headline)
