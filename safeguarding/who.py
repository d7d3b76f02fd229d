"""Whom a message is about: a child (a word that says so, a first name only, or the second reader's
certainty), an adult, or the writer's own childhood; and whether it says anything beyond who the child
is. Pure, offline, no I/O. Used by `disclosure.read`."""
from __future__ import annotations

import re
from typing import Callable

TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Someone else in a sentence about a member of staff ("told her teacher that her uncle touches her"): the one who acts
# The school's own head ("our head", "my head"), not a head of year, nor head lice, a head count or a head injury
OUR_HEAD = r"(?:our|my) head(?! of| lice| nits| count| injur)"
ANOTHER_ADULT = r"someone|mum|mummy|dad|daddy|uncle|aunt\w*|cousin|(?:boy|girl)friend|brother|sister|nan|grandad|step ?\w+"
# ...and the member of staff someone told ("mum told our TA she touched the oven") or wrote to ("a yr 8 messaged my
# colleague on snapchat", "a parent sent my colleague a thank you message") is not the one who acted either
TOLD_WHOM = ("the", "our", "a", "an", "my", "her", "his", "their")
TOLD_VERBS = ("told", "messaged", "sent", "texted", "emailed", "dmed", "dm'd", "dmd")
# ...nor the writer's own role: "as head of sixth form can i let my tutors email yr 13s", "i'm a TA and…"
NOT_THE_ONE_TOLD = "".join(f"(?<!{verb} {word} )" for verb in TOLD_VERBS for word in TOLD_WHOM) + \
    r"(?<!\bas )(?<!\bas a )(?<!\bas an )(?<!i'm a )(?<!i'm an )(?<!\bim a )(?<!i am a )"

# a pupil in a year group now ("jade in 8T"): an adult's age beside a sign of grooming is the groomer's
IN_YEAR = re.compile(r"(?<!was )(?<!were )\bin (?:year ?|yr ?|y)?(?:[1-9]|1[01])[a-z]{0,2}\b")
CHILD = re.compile(
    r"\b(?:kids?|child(?:ren)?|pupils?|students?|girls?|boys?|lads?|teens?|teenagers?|toddlers?|babies|baby|sixth ?formers?|"
    r"(?:step|grand)?(?:sons?|daughters?)|nephews?|nieces?|tutees?|learners?|minors?|young (?:person|people|carer)|"
    r"6th ?formers?|(?<!into )(?<!at )(?<!to )reception(?!ists?| desk| area| office)|"  # the class, not the front desk
    r"nursery|year ?\d{1,2}s?|yr ?\d{1,2}s?|y\d{1,2}s?|(?:year|yr) r\b|candidates?|"
    # where only children are: "after lessons", "in class", "at lunch", "parents' evening"; a child's siblings
    r"(?:in|after|out of|during) (?:(?:her|his|their|the) )?(?:lessons?|class)\b|at (?:break|lunch(?:time)?|play ?time)\b|"
    r"in the playground|on the (?:school )?(?:field|playground|yard)\b|parents'? evening|"
    r"(?:little|younger|baby|big|older) (?:sister|brother|sibling)s?|"
    r"(?:younger|youngest|older|eldest) (?:one|ones)\b|wheelchair users?|"
    r"u(?:[5-9]|1\d)s|under[- ]?(?:[5-9]|1\d)s|"
    r"\d{1,2}[ -]?(?:yr|year)s?[ -]?olds?|\d{1,2} ?yo\b|\d{1,2}[a-z]{1,2}\b|(?:my|our|the) (?:form|class|set|tutor group)|"
    r"behaviour points?|"
    r"(?:in|from) (?:my|our) (?:form|class|tutor group|set|group)|one of ours\b|twins|little ones?|(?:a|the) disclosure|"
    r"(?:a|the) safeguarding (?:record|log|file|referral|concern)s?|cpoms|myconcern|"
    r"(?:his|her|their) (?:mum|mom|mam|dad|mother|father|parents?|step ?dad|step ?mum|carers?|nan|gran)\b|"
    r"\b(?:mum|dad|mam|mom)\b(?: \w+){0,3} (?:at|to|with|on) (?:him|her)\b|"
    # "dad hits him where it leaves no marks": a parent hurting him or her is about a child
    r"\b(?:mum|dad|mam|mom|step ?dad|step ?mum|mother|father)(?:'s (?:boyfriend|girlfriend|partner))? (?:\w+ ){0,2}?"
    r"(?:hit|hits|kick|kicks|beat|beats|punch\w*|slap\w*|hurt\w*|smack\w*|belt\w*|burn\w*|lock\w*) (?:him|her|them)\b|"
    r"(?:she|he)(?:'?s| is| was) (?:only )?\d{1,2}\b|(?:her|his) (?:class|teacher|form|mates|friends)|"
    r"[a-z]+ \((?:[1-9]|1[0-7])[),]|"  # a name with an age under 18 in brackets: "Finn (3)", "Tegan (14, non-verbal)"
    # the one a blow is given to, called "little" ("gave little jack a slap", "smacked little amira")
    r"(?:gave|give|gives|hit|hits|slapped|smacked|kicked|pushed|shoved|grabbed|shook|locked) little [a-z]{3,}\b|"
    # collecting or bringing a child: "dad drunk at pickup again", "mum was slurring at drop-off"
    r"(?:at|for|on|during) (?:the )?(?:school )?(?:pick[- ]?ups?|drop[- ]?offs?|school run|home ?time|hometime))")
# An adult learner ("she's 19 and on our adult course") is not a child, whatever else the message says.
ADULT = re.compile(r"\b(?:(?:she|he|they)(?:'?s| is| are| was)? (?:now )?(?:1[89]|[2-9]\d)\b(?! ?(?:months?|weeks?|days?))|"
                   r"(?:1[89]|[2-9]\d) ?(?:yr|year)s?[ -]?old (?:student|pupil|learner|sixth ?former)|"
                   r"adult (?:course|learners?|education|students?))")
YOUNG = re.compile(r"\((?:[4-9]|1[0-7])\)|\b(?:kids?|child(?:ren)?|(?:year|yr|y) ?(?:[1-9]|1[0-2])\b|"
                   r"reception(?!ists?)|nursery|(?:[4-9]|1[0-7])[ -]?(?:yr|year)s?[ -]?olds?|(?:she|he)(?:'?s| is) (?:only )?"
                   r"(?:[4-9]|1[0-7])\b)")
PRONOUN = re.compile(r"\b(?:she|he|her|him|his|they|them|their|hes|shes)\b")
# A child named by first name only, as staff write in a school: "Jayden told me…", "kacey hasn't been in
# for three weeks", "Lily came in with a black eye". A name is a capitalised word (or the first word of the
# message) followed by something a person says, shows or does, that is not a word for an adult, a thing or
# a time, and not after a title or a word that makes it an adult ("Mrs Khan said", "my colleague Sarah said").
_NAMED = re.compile(
    r"(?:(?P<before>\w+) )?\b(?P<name>[A-Z][a-z]{2,}|(?<![\w ])[a-z]{3,})(?:'s|:)?(?: (?:in|from) (?:\d{1,2}[A-Za-z]{0,3}|"
    r"(?:[Yy]ear|[Yy]r|[Yy]) ?\d{1,2}\w?|my \w+))? (?:(?:just |also |still |always |never |often |again )?"
    r"(?:told|tells|said|says|came in|comes in|turned up|turns up|arrived|keeps|kept|seems|seemed|mentioned|disclosed|"
    r"showed|admitted|refuses|refused|cried|flinched|wrote|drew|lives|sleeps|(?:has|had)n'?t been|(?:has|had) been "
    r"(?:off|absent|missing|crying|coming|turning|sleeping|living|staying|hungry|wearing|quiet|withdrawn|self)|"
    r"(?:is|was) (?:crying|sobbing|screaming|distressed|bleeding|hungry|scared|terrified|frightened|afraid|covered|missing|"
    r"absent|limping|shaking)|"
    # typed as a note: "jenson missing since saturday", "kelsey on the bridge", "rubie asked me at lunch"
    r"asked me|asks me|stared|ran off|[-–] (?=\w)|(?<=: )(?=\w)|(?:is |was )?being \w+ed|praising|missing|hungry|freezing|"
    r"on the (?:bridge|roof|ledge|railway)|no (?:coat|socks|shoes|lunch|breakfast|food)))\b")
_NOT_NAMES = frozenset({
    "the", "this", "that", "these", "those", "there", "here", "it", "he", "she", "they", "we", "you", "who", "what",
    "which", "where", "when", "why", "how", "one", "someone", "somebody", "anyone", "anybody", "nobody", "everyone",
    "everybody", "something", "nothing", "everything", "today", "yesterday", "tonight", "tomorrow", "mum", "mom",
    "mam", "dad", "mother", "father", "parent", "parents", "carer", "nan", "nana", "gran", "granny", "grandma",
    "grandad", "grandpa", "uncle", "aunt", "auntie", "brother", "sister", "cousin", "stepdad", "stepmum",
    "boyfriend", "girlfriend", "partner", "husband", "wife", "friend", "colleague", "teacher", "head",
    "headteacher", "deputy", "staff", "senco", "dsl", "office", "manager", "school", "class", "form", "policy",
    "account", "page", "post", "message", "phone", "email", "apparently", "also", "just", "still", "now", "then",
    "again", "sorry", "hello", "morning", "evening", "afternoon", "thanks", "please", "dear", "hiya", "coach",
    "tutor", "governor", "police", "social", "caretaker", "miss", "sir", "facebook", "instagram", "tiktok",
    "snapchat", "twitter", "whatsapp", "youtube", "google", "teams", "slack", "ofsted", "mash", "lado", "camhs",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "christmas", "easter",
    "nobody's", "everyone's", "my", "our", "your", "his", "her", "their", "its", "mine", "whoever", "whatever",
    "family", "families", "microsoft", "apple", "operation", "government", "trust", "academy", "department", "dept",
    "council", "team", "club", "pta", "cmat", "mat", "website", "everybody's", "someone's", "somebody's", "anyone's",
    # a note's heading, not a child: "question - can i…", "update: …"
    "question", "update", "urgent", "help", "query", "fyi", "note", "reminder", "quick", "hey", "btw", "edit", "trip",
    "attendance", "behaviour", "concern", "issue", "problem", "advice", "re", "subject", "safeguarding", "pastoral",
})
# A first name with something of theirs, in any case: "gabriel's family flat", "messages from coach b on
# rafi's phone", "kayla's been"; not after a word that makes it a thing ("the school's phone").
_POSSESSIVE = re.compile(r"(?:\b(?P<before>\w+) )?\b(?P<name>[A-Za-z][a-z]{2,})'s "
                         r"(?:been|family|face|phone|mum|dad|mam|parents?|house|home|flat|brother|sister|nan|"
                         r"gran|stepdad|uncle|appointment|account|insta|snap(?:chat)?|bag|arms?|legs?|neck|back)\b")
_THING_BEFORE = frozenset({"the", "a", "an", "my", "our", "your", "his", "her", "their", "this", "that", "each", "every",
                           "one", "any", "no", "whose"})
# Someone staff are asked to watch over: "can you keep an eye on Maya today".
_WATCHED = re.compile(r"\b(?:keep (?:an|a close) eye on|check (?:in )?on|look out for|worried about|concerned about) "
                      r"(?P<name>[A-Z][a-z]{2,})\b")
_MAKES_ADULT = re.compile(r"(?:mr|mrs|ms|miss|dr|sir|colleague|friend|partner|wife|husband|sister|brother|manager|"
                          r"neighbour|cousin|aunt|auntie|uncle|mum|dad|boss|head|teacher|governor|ta)$", re.I)


def named(text: str) -> bool:
    """Whether a message speaks of someone by first name only, as staff speak of a pupil."""
    for found in _NAMED.finditer(text.strip()):
        name, before = found.group("name"), found.group("before") or ""
        if name.lower() not in _NOT_NAMES and not _MAKES_ADULT.match(before):
            return True
    if any(found.group("name").lower() not in _NOT_NAMES for found in _WATCHED.finditer(text)):
        return True
    for found in _POSSESSIVE.finditer(text.strip()):
        name, before = found.group("name"), (found.group("before") or "").lower()
        if name.lower() not in _NOT_NAMES and before not in _THING_BEFORE and not _MAKES_ADULT.match(before):
            return True
    return False


# Someone who is grown up: a member of staff, a relative or friend of the writer's, an adult.
_GROWN_UP = re.compile(r"\b(?:colleagues?|co-?workers?|my (?:husband|wife|partner|boyfriend|girlfriend|mum|mam|mom|dad|"
                       r"mother|father|brother|sister|friend|neighbour|manager|boss|nan|gran)|members? of staff|"
                       r"(?:mr|mrs|ms|miss|dr) \w+|adults?|grown[- ]ups?|the (?:teacher|ta|head|caretaker|coach|governor)s?)\b")
_ASKS_IN_GENERAL = re.compile(r"(?:so |but |and )?(?:surely|is|are|does|do|can|could|should|would|will|what|how|why|when|where|"
                              r"which)\b")
UNNAMED_THRESHOLD = 0.8  # the second reader's certainty that stands in for a word saying "child"
UNNAMED_MIN_WORDS = 4  # in a message this long at least: "not sure" or "a dad" (typed answers) say nothing


def unnamed_child(said: str, text: str, heard: Callable[[], float]) -> bool:
    """A child nothing calls a child: named by first name only ("harvey's got a new iphone and a roll of
    twenties", "little ivy says daddy hurts mummy"). The second reader, which learnt named children
    harmed and named children in everyday news, decides (`heard`: its probability for this message);
    not when the message speaks of an adult."""
    if len(TOKEN.findall(said)) < UNNAMED_MIN_WORDS or not says_something(said):
        return False
    if _GROWN_UP.search(said) and not named(text):
        return False
    if _ASKS_IN_GENERAL.match(said) and not (PRONOUN.search(said) or named(text)):
        return False  # "surely stuff said in a private group chat is outside FOI?": a question about no one
    return heard() >= UNNAMED_THRESHOLD


# The staff member's own childhood ("my dad used to hit me when I was a kid") is not about a child now.
OWN_CHILDHOOD = re.compile(
    r"\b(?:when i was (?:(?:a |only |still )?(?:little|young|small|kid|child|girl|boy|lad|teen(?:ager)?)|\d{1,2}\b|"
    r"in (?:year|yr) ?\d{1,2}|at (?:school|primary|secondary))|when we were (?:little|kids|young|small|children|at school)|"
    r"growing up|as (?:a )?(?:kids?|child(?:ren)?|teen(?:ager)?s?|little (?:girl|boy))|"
    r"in my (?:childhood|own school ?days|school ?days)|(?:my|our) own (?:childhood|school ?days))\b")

# Categories that are about a child by their nature ("a note saying she wants to end it", "her teeth are rotten, no coat").
CHILD_BY_NATURE = {"fgm", "forced marriage", "young carer", "neglect", "afraid to go home", "self-harm", "suicide",
                   "eating disorder", "grooming", "exploitation", "missing", "staff under investigation"}

# Words that only say who a child is ("she's 16", "year 9 girl", "ex student", "in my form"), or answer a yes/no question.
_WHO_WORDS = frozenset({
    "a", "an", "the", "and", "or", "in", "on", "of", "at", "from", "my", "our", "their", "his", "her", "its",
    "she", "he", "they", "them", "him", "i", "is", "are", "was", "s", "re", "now", "just", "only", "also", "aged",
    "age", "old", "years", "year", "yr", "y", "yo", "ex", "former", "current", "new", "student", "students",
    "pupil", "pupils", "kid", "kids", "child", "children", "girl", "girls", "boy", "boys", "lad", "lads",
    "learner", "learners", "sixth", "formers", "form", "class", "tutor", "group", "set", "reception", "nursery",
    "teen", "teenager", "who", "left", "leaver", "leavers", "still", "here", "this", "last", "next", "one", "he's",
    "she's", "they're", "they've", "it's", "another", "other", "every", "each", "all", "some", "any", "not", "for",
    "someone", "else", "older", "younger", "school", "schools", "trust", "trust's", "community", "communities",
    # and the words of an answer to a yes/no question: "yes, for every child", "not sure", "one doesn't"
    "yes", "no", "sure", "unsure", "know", "known", "don't", "doesn't", "i'm", "maybe", "think", "probably",
    # and when they left: "she left after yr 11 and she's 17 now"
    "after", "before", "since", "when", "then", "ago", "summer", "july", "ages",
})


def says_something(said: str) -> bool:
    """Whether a message has a word beyond who the child is (their age, year, whether they have left)."""
    return any(token not in _WHO_WORDS for token in TOKEN.findall(CHILD.sub(" ", said)) if len(token) > 1)
