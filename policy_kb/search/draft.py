"""A draft pasted to be checked: "can I post this on the class Instagram? 'Look at Amelia and Josh…'".

A draft's own words are not the question. A first name is a word no rule knows ("Ruby", "Maisie T"), and
a draft's "today", "our" or "Year 4" are not facts about the person asking. What decides the answer is
what the draft does: names a child, with a photo or without; mocks the school or its leaders; or makes
fun of pupils on a school account. `read` gives the question with the draft replaced by what it does, in
words the clauses' rules know, followed by the draft's other words (its children's names left out), so a
draft about a particular pupil or incident still reads as one, and says what it took the draft to do,
for the person to check. A message without a draft is read as it is.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from safeguarding.who import named

from .facts import extract_facts

# The person asks about posting or sending something they have written.
_ASKS = re.compile(
    r"\b(?:post|send|share|put|upload|tweet|publish|caption)\w* (?:this|that|it)\b|\bdraft\b|\bcaption\b"
    r"|\b(?:post|tweet|put|write|say|share)\w*:? [\"“'‘]"
    r"|\b(?:is|would) (?:this|that|it) (?:be )?(?:ok|okay|fine|alright|allowed|appropriate|acceptable|harmless)"
    r"|\bok to (?:post|send|share|put|tweet)\b|\bhow does (?:this|that) (?:look|sound)\b", re.I)
# A quoted passage of four words or more: "…", “…” or '…' (not the apostrophe in "can't").
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]|(?:(?<=\s)|^|(?<=[:(]))[‘'](?=\S)(.+?)(?<=\S)[’'](?=\s|$|[.,;:!?)+\-–—])",
                     re.S)
# A phrase quoted from the policy or about words, not a draft: "the policy says 'reported as above'".
_ABOUT_WORDS = re.compile(r"(?:says?|said|mean|means|meant|phrase|words?|term|called|refers? to|line|bit)\W*$", re.I)
# Someone else's words quoted, not the person's draft: "a parent commented 'this school is a joke'".
_THEIR_WORDS = re.compile(r"(?<!\bi )\b(?:commented|replied|sent(?: me)?|said|says|wrote|messaged(?: me)?|posted|texted(?: me)?|"
                          r"dm'?d(?: me)?|emailed(?: me)?|asked|tweeted|put|saying|calling|called)\s*(?:\S+\s+){0,3}?[:,\-–]?\s*$",
                          re.I)

_PLACE = (r"(?! (?:Academy|School|Primary|College|Park|Road|Street|Trust|Hall|Centre|Center|Library|Museum|Zoo|"
          r"Farm|Day|Week|Cup|League|National|Council|Church|Theatre|Castle|Bay|Beach|Lane))")
_NAME = r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?"  # "Ruby", "Ellie-Mae"
_NAME_AFTER = re.compile(r"\b(?:to|from|and|with|by|at|for|&|our|little|meet|welcome|congrats|congratulations|done|"
                         rf"thanks|thank you|go|out to|is|are|of) ({_NAME})\b" + _PLACE)
_NAME_PAIR = re.compile(rf"\b({_NAME}) (?:and|&) {_NAME}\b")
_NAME_INITIAL = re.compile(rf"\b({_NAME}) [A-Z]\b(?![a-z'’])")
_NAME_YEAR = re.compile(rf"\b({_NAME})(?:'s|’s)? (?:\((?:Y|Yr|Year) ?\d|in (?:Y|Yr|Year) ?\d)")
_NOT_A_NAME = frozenset(re.findall(r"[\w']+", """
    the this that these those there here it he she they we you who what which where when why how one someone
    everyone everybody anyone nobody today tonight tomorrow yesterday mum dad parents family our my your his her their
    year years school schools academy trust team class form group club department dept staff teacher teachers head
    slt cmat pe ict re rse pshe sats gcse gcses inset ofsted friday monday tuesday wednesday thursday saturday sunday
    january february march april may june july august september october november december christmas easter halloween
    huge happy look congrats congratulations well done goals shoutout thanks thank welcome good great big amazing
    proud best loving another can cant can't so and but all any every some please also just still again sports
    day week term summer autumn spring winter world book roman romans victorian tudor egypt egyptian viking vikings
    facebook instagram insta tiktok twitter youtube snapchat whatsapp linkedin strava seesaw dojo tapestry google
    england english maths science history geography art music drama french spanish german reception nursery sixth
    god jesus santa mr mrs miss ms sir dr cockburn brookfield
"""))

_PHOTO = re.compile(r"\b(?:photos?|pics?|pictures?|images?|videos?|selfies?|clips?|footage)\b|📸|📷", re.I)
# Their own account: "my insta", "my personal facebook", "my story" (otherwise a draft of children's names is
# taken to be for a school account, where such drafts are written).
_PERSONAL = re.compile(r"\bmy (?:own |personal |private )?(?:insta\w*|ig|fb|facebook|twitter|x|tiktok|linkedin|strava|snap\w*|"
                       r"story|stories|page|account|profile|feed|status|socials?|blog|bio)\b|\bpersonal (?:account|page|"
                       r"profile|fb|facebook|insta\w*|twitter|tiktok|x)\b", re.I)
_NO_PHOTO = re.compile(r"\b(?:no|without(?: a| any)?|not(?: a| any)?) (?:photos?|pics?|pictures?|images?)\b", re.I)
_MOCKS = re.compile(
    r"🙄|🤡|🤦|\b(?:pointless|useless|joke|shambles|waste of (?:time|space)|courtesy of|clueless|hopeless|rubbish|"
    r"running away from|escape from|survived|can'?t believe|couldn'?t make (?:it|this) up|thanks a lot|cheers for nothing|"
    r"another (?:\w+ ){0,2}(?:meeting|inset|initiative|email)|'quick'|‘quick’)", re.I)
_LEADERS = re.compile(r"\b(?:slt|leadership|management|the head\b|head ?teacher|governors|cmat|the trust|ofsted|inset|"
                      r"meetings?|(?:this|my|our) (?:school|academy|place|job))", re.I)
_MAKES_FUN = re.compile(r"💀|😂|🤣|🙃|\b(?:lol|lmao|all \d+ of you|miracle|finally bothered|bless them|"
                        r"made it to (?:period|lesson|school)|who needs|good luck with that)\b", re.I)
_PUPILS = re.compile(r"\b(?:y(?:ea)?r ?\d{1,2}s?|y\d{1,2}s?|pupils?|students?|kids|class|sixth form(?:ers)?|form)\b", re.I)


def _drafts(text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in _QUOTED.finditer(text):
        body = match.group(1) or match.group(2) or ""
        before = text[: match.start()]
        if len(body.split()) >= 4 and not _ABOUT_WORDS.search(before) and not _THEIR_WORDS.search(before):
            found.append((match.start(), match.end(), body))
    return found


def names(draft: str) -> list[str]:
    """The first names of children in a draft ("Look at Amelia and Josh", "Goals from Maisie T (Y9)")."""
    found = [m.group(1) for pattern in (_NAME_PAIR, _NAME_AFTER, _NAME_INITIAL, _NAME_YEAR) for m in pattern.finditer(draft)]
    return [name for name in dict.fromkeys(found) if name.lower() not in _NOT_A_NAME]


def _replaced(text: str, children: list[str], by: str) -> str:
    for name in children:
        text = re.sub(rf"\b{re.escape(name)}\b(?: [A-Z]\b)?", by, text)  # "Maisie T" whole
    return text


def without_names(text: str) -> str:
    """The text with children's first names (as `names` finds them) replaced by "[name]": what the
    unanswered-questions log may keep of "can I post 'Well done to Oscar and Lily'?"."""
    return _replaced(text, names(text), "[name]")


class Reading(NamedTuple):
    text: str  # what the matcher reads: the question, each draft replaced by what it does
    described: str | None  # what was checked, for the person: "Your draft names Amelia and Josh in a photo."


def read(text: str) -> Reading:
    """The question with any draft in it replaced by what the draft does, and what that was in a person's
    words (the text itself, and None, when there is no draft or nothing in it the rules turn on)."""
    drafts = _drafts(text)
    if not drafts or not _ASKS.search(text):
        return Reading(text, None)
    asked = text
    for start, end, _ in reversed(drafts):
        asked = asked[:start] + " " + asked[end:]
    school_account = extract_facts(asked).get("trust_account") or not _PERSONAL.search(asked)
    said, people = [], []
    for _, _, draft in drafts:
        children = names(draft)
        # "Ellie read a whole book today": who.named knows her by what she did, not where she stands
        someone = bool(children) or named(draft)
        who = " and ".join(children) or "a child"
        if someone and school_account:
            photo = _PHOTO.search(_NO_PHOTO.sub(" ", text))
            said.append("naming the children in the photo" if photo else "naming the child")
            people.append(f"names {who}" + (" in a photo" if photo else ""))
        elif someone:
            said.append("a post about one particular pupil")  # on their own account: a specific matter
            people.append(f"is about one pupil ({who})")
        if _MOCKS.search(draft) and (_LEADERS.search(draft) or _LEADERS.search(asked)):
            said.append("mocking the school's senior leadership (SLT)")
            people.append("makes fun of the school's leaders")
        elif _MAKES_FUN.search(draft) and (_PUPILS.search(draft) or _PUPILS.search(asked)) and school_account:
            said.append("a sarcastic joke about the pupils")  # on a personal account, a post about pupils says so itself
            people.append("makes fun of pupils")
        said.append(_replaced(draft, children, "a child"))
    return Reading(" ".join(asked.split()) + " — the post: " + "; ".join(said),
                   f"Your draft {' and '.join(people)}." if people else None)
