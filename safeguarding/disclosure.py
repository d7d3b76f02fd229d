"""Does a message disclose or describe harm, or a risk of harm, to a child? Pure, offline, no I/O.

Staff rarely say "safeguarding": they say "a year 9 has cuts on her arms", "dad turned up drunk
to collect her", "she's got a 22 year old boyfriend". `read` weighs the signs of harm in the
categories of Keeping Children Safe in Education (abuse, neglect, self-harm and suicide,
eating disorders, sexual images, grooming and exploitation, radicalisation, FGM and forced
marriage, a missing child, domestic abuse, a child who is afraid to go home, a member of
staff's conduct...), about a child; and says whether a child may be in danger right now and
whether the concern is about a member of staff. It is tuned to miss nothing: one clear sign, or
two weaker ones, about a child is enough, because the reply that follows ("tell the DSL") is
never wrong about a child at risk.

The signs are data: `SIGNS` (safeguarding/signs.py) lists, per category, the phrases that point to
harm on their own ("strong") and those that only do in company ("weak"); `WORDS` below weighs single
words.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import everyday, second_reader, urgency, who
from .everyday import normalise as _normalise
from .signs import SIGNS

# Single words (stems) that point to harm, with how much each weighs on its own: 2 is enough with a
# child in the message, 1 needs another sign. Broad on purpose: staff describe harm in their own words.
WORDS: dict[str, tuple[int, tuple[str, ...]]] = {
    "physical abuse": (2, ("beat", "beaten", "batter", "battered", "bruise", "bruised", "bruises", "bruising", "punch",
                           "punched", "kicked", "slapped", "smacked", "strangled", "choked", "welts", "flinch",
                           "flinched", "flinches", "wound", "wounds", "injuries", "scald", "scalded", "belted")),
    "physical abuse ": (1, ("hit", "hits", "hitting", "hurt", "hurts", "hurting", "marks", "injury", "injured", "burn",
                            "burns", "burned", "burnt", "pushed", "shoved", "grabbed", "thrown", "threw", "violent",
                            "violence", "attacked", "attack", "limp", "limping", "scratch", "scratches", "scratched",
                            "dragged", "dragging", "pinched", "swelling", "swollen", "lump", "fracture", "fractured", "bleeding",
                            "wince", "winced", "sore")),
    "sexual abuse": (2, ("sexual", "sexually", "sex", "rape", "raped", "molested", "groped", "porn", "pornography",
                         "indecent", "genitals", "penis", "vagina", "massage", "massages", "undressed", "undressing")),
    "sexual abuse ": (1, ("touch", "touches", "touched", "touching", "secret", "secrets", "bath", "bed", "bedroom",
                          "kissed", "kissing", "private", "inappropriate", "inappropriately", "knickers",
                          "underwear", "willy", "fanny", "lap", "tickling", "tickles", "sleepover", "bedwetting",
                          "wetting", "soiling", "itchy", "webcam", "camera", "livestream", "livestreaming", "hugs",
                          "cuddles", "favourite", "undress")),
    "self-harm or suicide": (2, ("selfharm", "suicide", "suicidal", "overdose", "overdosed", "noose", "razor", "razors",
                                 "blade", "blades", "scars", "scarring")),
    "self-harm or suicide ": (1, ("cut", "cuts", "cutting", "die", "dying", "dead", "death", "kill", "killing", "pills",
                                  "tablets", "paracetamol", "goodbye", "jump", "bridge", "ledge", "plasters", "wrists",
                                  "wrist", "hopeless", "worthless")),
    "eating disorder": (2, ("anorexia", "anorexic", "bulimia", "bulimic", "starving", "purging", "vomiting")),
    "eating disorder ": (1, ("weight", "thin", "skinny", "calories", "eating", "eat", "sick", "faint", "fainted",
                             "fainting", "meals", "skipping")),
    "sexual images": (2, ("nude", "nudes", "naked", "topless", "explicit", "sexting", "sextortion", "blackmail",
                          "blackmailed", "blackmailing", "deepfake", "deepfakes")),
    "grooming or exploitation": (2, ("groomed", "grooming", "groom", "exploited", "exploitation", "exploiting",
                                     "trafficked", "trafficking", "gang", "gangs", "dealing", "dealer")),
    "grooming or exploitation ": (1, ("stranger", "strangers", "gifts", "gift", "presents", "cash", "money", "older", "parcel",
                                      "parcels",
                                      "boyfriend", "bloke", "guy", "man", "men", "meet",
                                      "meeting", "met", "address", "drugs", "drug", "weed", "cannabis", "knife",
                                      "knives", "weapon", "weapons")),
    "radicalisation": (2, ("radicalised", "radicalized", "radicalisation", "radicalization", "extremist", "extremism",
                           "extreme", "swastika", "nazi", "nazis", "jihad", "jihadi", "isis", "terrorist", "terrorism",
                           "bomb", "bombs", "syria", "manifesto", "propaganda", "recruited", "recruiting")),
    "radicalisation ": (1, ("hate", "hatred", "racist", "racism", "immigrants", "muslims", "jews", "supremacy",
                            "antisemitic", "islamophobic", "homophobic", "conspiracy")),
    "fgm or forced marriage": (2, ("fgm", "circumcision", "circumcised", "marry", "married", "marrying", "marriage",
                                   "husband", "honour", "honor", "dishonour")),
    "fgm or forced marriage ": (1, ("abroad", "ceremony", "wedding", "relatives", "shame", "holiday", "country",
                                    "flight", "airport", "passport")),
    "missing": (2, ("runaway", "absconded", "absconding")),
    "missing ": (1, ("missing", "disappeared", "vanished", "gone", "wandered")),
    "domestic abuse": (1, ("police", "blood", "screaming", "shouting", "arguing", "fighting", "smashed", "fights",
                           "rows", "refuge", "injunction", "ex")),
    "parental substance misuse": (2, ("drunk", "booze", "alcoholic", "stoned", "needles", "heroin", "cocaine", "crack",
                                      "slurring", "wasted")),
    "parental substance misuse ": (1, ("alcohol", "drink", "drinking", "drinks", "high", "smoking", "vodka", "cans",
                                       "hungover", "ambulance")),
    "neglect": (2, ("neglect", "neglected", "unwashed", "homeless", "evicted", "uncollected", "starving")),
    # head lice are everyday in a primary school: with other signs, a sign; alone, a letter home
    "neglect ": (1, ("hungry", "food", "dirty", "smelly", "smells", "smell", "alone", "cold", "coat", "teeth", "lice", "nits",
                     "tired", "filthy", "freezing", "hostel", "unkempt", "untreated", "scruffy", "shoes", "uncared", "ignored",
                     "rejected")),
    "young carer": (1, ("carer", "caring", "looks", "looking", "cooking", "shopping", "stroke", "illness", "disabled",
                        "shattered", "exhausted")),
    "distress": (1, ("scared", "terrified", "frightened", "afraid", "petrified", "crying", "cried", "sobbing", "upset",
                     "whereabouts", "sworn", "swearing", "screamed", "slapped", "nervous", "jumpy", "flinching",
                     "shaking", "worried", "worrying", "concerned", "concern", "distressed", "withdrawn", "anxious",
                     "panicking", "begged", "pleaded", "threatened", "threatening", "threat", "threats", "bullied",
                     "bullying", "bully", "bullies", "harassed", "harassment", "pregnant", "pregnancy", "abuse", "abused", "abusive",
                     "safeguarding", "disclosed", "disclosure", "risk", "danger", "dangerous", "unsafe", "hid",
                     "hiding", "refuses", "refused")),
}
# A word listed under two categories counts with its heavier weight.
_WORDS = {word: (category.strip(), weight)
          for category, (weight, words) in sorted(WORDS.items(), key=lambda item: item[1][0]) for word in words}
_TOKEN = who.TOKEN
_EX_PUPIL = re.compile(r"\bex(?= ?(?:pupil|student|sixth|6th|year|yr|tutee|leaver|colleague|member|head|teacher)s?\b)")  # not an ex-partner


def _compile(phrases: tuple[str, ...]) -> re.Pattern | None:
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in phrases) + r")(?!\w)") if phrases else None


_STRONG = {category: _compile(kinds["strong"]) for category, kinds in SIGNS.items()}
_WEAK = {category: _compile(kinds.get("weak", ())) for category, kinds in SIGNS.items()}

# A message framed as passing something on ("she told me", "who do I tell") needs only one sign; not "worried about making it worse"
_OWN_WORRY = r"(?! about (?:making|looking|being seen|getting (?:in|into) trouble|coming across|upsetting|offending|ignoring|breaking|seeming|my (?:own|job|career|reputation)))"
_TOLD = re.compile(r"\b(?:told me|tells me|telling me|said (?:that|her|his|she|he|they|to me|mum|dad)|says (?:that|her|his|"
                   r"she|he|they|mum|dad)|disclos\w*|showed me|noticed|spotted|i saw|i'?ve seen|"
                   r"(?:(?:i'?m|i am|i was|i feel|we'?re|we are|really|a (?:bit|little)|quite|slightly|very) (?:\w+ )?(?:worried|concerned)|"
                   r"(?:worried|concerned)(?= (?:about|that|for|by)))" + _OWN_WORRY + r"|"
                   r"who (?:do|should) i (?:tell|report|speak to|go to)|found (?:loads of |lots of |some |a |these |the |his |her )?"
                   r"(?:messages|texts|photos|pics|pictures|chats|dms)|is (?:this|it|that) (?:a )?safeguarding|"
                   r"not sure (?:if|whether) (?:this|it)(?:'?s| is)? (?:anything|something)|might be nothing|probably nothing)")

# Asking leave to do something, with two light signs and a reader hearing no harm (under LEAVE_DOUBT): a policy question.
_ASKS_LEAVE = re.compile(r"\b(?:can|could|may) (?:i|we)\b|\bam i allowed\b|\bis (?:it|that|this) (?:ok|okay|fine|alright|allowed)\b"
                         r"|\bdoes the polic(?:y|ies)\b|\bmust (?:it|i|we)\b|\bgo ahead\b")
LEAVE_DOUBT = 0.2
LIGHT_DOUBT = 0.5  # two light signs of two kinds of harm: unless the reader hears harm this much, not a concern


# Words that point to harm only beside another sign, even when a child "says" them: a pupil's
# passport, paracetamol for a headache.
CONTEXT_ONLY = frozenset({"passport", "paracetamol"})

# ---- who is it about: a member of staff, or the headteacher -------------------------------------
# What staff in general may do, not what someone did: "can a teacher message a pupil on snapchat?", "is DMing students
# fine if a colleague is added?"; or the writer's own conduct: "is it ok to give a year 10 a lift home if it's pouring?"
_WHAT_IF = re.compile(r"^(?:so |but )?(?:(?:(?:can|could|may|should|would|are|is|do|does)(?: it (?:ok|okay|alright|fine|allowed) for)?"
                      r"|(?:is there|do we have|what'?s the|what is the) (?:a |an |any )?(?:\w+ )?(?:policy|rules?|guidance) (?:on|about|for|around))"
                      r" (?:a |an |the |any |our )?(?:[a-z]+ )?"
                      r"(?:teachers?|staff|tas?|teaching assistants?|colleagues?|members? of staff|coach(?:es)?|tutors?)\b"
                      r"|(?:is|are) [a-z]+ing\b[^?.!]*\b(?:ok|okay|fine|allowed|alright|acceptable)\b)|\b(?:(?:can|could|may|should) i|(?:is it|would it be) (?:ok|okay|alright|fine|allowed|acceptable) (?:for me )?to|am i allowed to) (?:give|offer|drive|take|walk)\b"
                      r"|\b(?:can|could|may|should) (?:i|we) (?:let|allow) (?:my |our |the |all )?(?:[a-z]+ )?(?:teachers?|staff|tas?|tutors?|coach(?:es)?)\b")
# ...unless it goes on to what someone did: "can a teacher hit a pupil? mr x slapped a yr 7 today"
_DONE = re.compile(r"\b(?:today|yesterday|this (?:morning|afternoon)|last (?:night|week)|earlier)\b|\b(?:mr|mrs|miss|ms) [a-z]+ (?:has |just )?[a-z]+ed\b")
_STAFF = re.compile(
    r"\b(?:teachers?|colleagues?|members? of staff|staff members?|\bta\b|tas\b|teaching assistants?|"
    r"supply teachers?|coach(?:es)?|caretakers?|volunteers?|lunchtime supervisors?|dinner ladies|support staff|"
    r"cover supervisors?|technicians?|deputy head|assistant head|tutor|(?:mr|mrs|miss|ms) [a-z]+|co-?workers?)\b")
# A member of staff in contact with a parent, not a child: "replying to a dad's comments on her own insta".
_WITH_A_PARENT = re.compile(r"\b(?:dad|mum|mom|parent|carer|father|mother)(?:'s|s'|s)? (?:\w+ ){0,2}(?:comments?|messages?|texts?|posts?|dms?|emails?|calls?)\b"
                            r"|\b(?:repl\w*|messag\w*|text\w*|chat\w*|talk\w*|email\w*) (?:back )?(?:to|with) (?:a |the |one of the |some )?(?:\w+ )?"
                            r"(?:dads?|mums?|moms?|parents?|carers?)\b")
# ...and not also with a child: "drives his daughter home on her own", "alone with her son", "told him not to tell".
_WITH_A_CHILD = re.compile(r"\b(?:messag|text|snap|dm|whatsapp|call|add|follow|touch|kiss|hug|gift|lift|driv|drove|bought|buy|meet|met|photograph|"
                           r"film)\w* (?:\w+ ){0,5}(?:pupils?|students?|child(?:ren)?|kids?|girls?|boys?|lads?|sons?|daughters?|year ?\d|yr ?\d|y\d)"
                           r"|\balone with\b|\blifts? home\b|\bsecrets?\b|\bnot to tell\b")
# a body part ("a bruise on the head", "hit round the head") is not the headteacher
_HEAD = re.compile(r"\b(?<!of )(?<!on )(?<!in )(?<!over )(?<!round )(?<!across )(?<!behind )(?:the |our |my )?(?:(?:executive |exec )?head ?teacher|head of school|principal|headmaster|(?<=our )head|(?<=my )head|ht\b|"
                   r"headmistress|(?:executive|exec) head|the head)\b"
                   r"(?! of (?:year|yr|department|dept|maths|english|science|pe|music|art|history|geography|re|drama|"
                   r"sixth form|house|faculty|key stage|ks\d))(?! (?:lice|louse|nits|count|injur\w*|bump|wound))")  # "our head lice letter"

# A colleague's contact with pupils asked about as a rule ("...replies to students' DMs on the team account. is that ok?"),
# unless there is more to it than contact: at night, in secret, alone, gifts, touch, looks
_IS_THAT_ALLOWED = re.compile(r"(?:\b(?:is|was) (?:that|this|it) (?:\w+ )?(?:ok|okay|allowed|alright|fine|acceptable|a problem|an issue|against (?:the )?polic\w*)"
                              r"|\bany (?:problems?|issues?)|^[^?]*[.,] (?:fine|ok|okay|alright|allowed)\b[^.?!]{0,40})\W*$")  # "…, any problem?", "… fine since she's 18?"
_MORE_THAN_CONTACT = re.compile(r"\b(?:late|night|\d ?(?:am|pm)|midnight|secret\w*|alone|private(?:ly)?|gifts?|presents?|money|lifts?|touch\w*|"
                                r"hug\w*|kiss\w*|lap|bod(?:y|ies)|bikini|swim\w*|sexy|hot|gorgeous|beautiful|stunning|mature|meet\w*|"
                                r"relationship|dating|date|photos? of (?:her|him)|pics? of (?:her|him)|nudes?|don'?t tell)\b")
_ACTS = re.compile(r"\b(?:messag|text|touch|hit|grab|snap|follow|kiss|photo|hug|cuddl|lift|gift|secret|dms?\b|whatsapp|drunk)\w*"
                   # a head who keeps a concern quiet: "told us not to log them", "asked me to wipe the cctv"
                   r"|\b(?:told|asked) (?:me|us|her|him|them) (?:not to (?:log|record|report|tell)|to (?:leave it|wipe|delete|code|change))"
                   r"|\bignor\w* (?:\w+ ){0,2}(?:reports?|concerns?|disclosures?)|\bdealing with it (?:him|her)self")
_TOLD_THE_HEAD = re.compile(r"\b(?:to|told|tell|telling|informed|emailed|rang|asked)\s*$")


@dataclass(frozen=True)
class Disclosure:
    categories: tuple[str, ...]
    urgent: bool  # a child may be in danger right now: call 999 first
    about: str = "child"  # child | staff | headteacher: whom the concern is about (who must be told)


def read(text: str) -> Disclosure | None:
    """The signs of harm to a child in a message, or None when there are none."""
    heard = functools.cache(lambda: second_reader.probability(text))  # asked at most once a message
    said = _normalise(text)
    if not said:
        return None
    strong = [c for c, pattern in _STRONG.items() if pattern is not None and pattern.search(said)]
    weak = [c for c, pattern in _WEAK.items() if pattern is not None and pattern.search(said) and c not in strong]
    words = {}
    for token in _TOKEN.findall(_EX_PUPIL.sub(" ", said.replace("-", ""))):
        if token in _WORDS:
            category, weight = _WORDS[token]
            words[token] = (category, weight)
    # a child upset, worried or crying is the ordinary stuff of a school day: distress weighs only beside a sign of harm
    weight = 3 * len(strong) + sum(w for c, w in words.values() if c != "distress") + len(weak)
    alone = weight == 1 and _TOLD.search(said) and not (set(words) & CONTEXT_ONLY)
    by_nature = bool(set(strong) & who.CHILD_BY_NATURE) and bool(who.PRONOUN.search(said))
    adult = who.ADULT.search(said) and not who.YOUNG.search(said) and not (any("groom" in c for c in strong) and who.IN_YEAR.search(said))
    about_a_child = (who.CHILD.search(said) or by_nature or who.named(text)) and not adult
    if not about_a_child and not who.unnamed_child(said, text, heard):
        return None
    if weight < 2 and not alone:
        # Words the signs don't know: the second reader may still hear harm in them, but only in words
        # that say something: "year 9 girl" or "ex student, she's 16" (an answer to "who is it?") say who.
        if (not who.says_something(said) or everyday.seen_to(said) or heard() < second_reader.THRESHOLD
                or (everyday.MY_ACCOUNTS.search(said) and not _TOLD.search(said))):
            return None
        categories: tuple[str, ...] = ("harm told in other words",)
    else:
        categories = tuple(strong or weak or sorted({c for c, _ in words.values()}, key=lambda c: (-max(
            w for cat, w in words.values() if cat == c), c)))  # heaviest first, then by name: the same every run
    # Two light signs and nobody telling anything: "can I take my school laptop abroad on holiday?" asks what they
    # may do; "a y8 girl caught her finger with the glue gun, small burn, cold water" has two words of two stories
    # (a burn, a cold). Unless the second reader hears harm in them, not a concern.
    if not strong and weight == 2 and max((w for _, w in words.values()), default=0) <= 1 and not _TOLD.search(said):
        two_stories = len({c for c, _ in words.values() if c != "distress"} | set(weak)) >= 2
        bar = LIGHT_DOUBT if two_stories else LEAVE_DOUBT if _ASKS_LEAVE.search(said) else 0.0
        if bar and heard() < bar:
            return None
    if (everyday.TEACHING.search(said) and not _TOLD.search(said) and not everyday.ONE_CHILD.search(said) and not who.named(text)
            and "staff conduct" not in strong and heard() < second_reader.THRESHOLD):
        return None  # "doing romeo and juliet with y9, the suicide scene is in act 5": a lesson's topic, not a child
    if categories == ("staff conduct",) and _WHAT_IF.search(said) and not (_TOLD.search(said) or _DONE.search(said)):
        return None  # "can a teacher message a pupil on snapchat?" asks what the policy says, not about someone
    if categories == ("staff conduct",) and _WITH_A_PARENT.search(said) and not _WITH_A_CHILD.search(said):
        return None  # "my tutor replies to a dad's comments on her own insta": contact with a parent, a policy question
    if categories == ("staff conduct",) and _IS_THAT_ALLOWED.search(said) and not (_TOLD.search(said) or _MORE_THAN_CONTACT.search(said)):
        return None  # "our PE teacher accepted a follow from a yr 11 lad, says it's banter. is that allowed?": the rule asked
    return Disclosure(categories, urgency.urgent(said, categories), _about(said, categories))


def any_sign(text: str) -> bool:
    """Whether a message mentions a child and any sign of harm at all, too little to answer as a
    disclosure: it is not kept in plain text (the unanswered-questions log keeps a placeholder)."""
    said = _normalise(text)
    if not who.CHILD.search(said):
        return False
    return any(p is not None and p.search(said) for p in (*_STRONG.values(), *_WEAK.values())) or \
        any(token in _WORDS for token in _TOKEN.findall(said.replace("-", "")))


# An adult from outside the trust ("a sports coach at the club outside school", "his swimming coach (not ours)"): the
# DSL's to act on, not the headteacher's as a member of staff; unless one of ours is named ("our PE teacher").
_OUTSIDE_SCHOOL = re.compile(r"\b(?:(?:club|clubs|coach(?:es)?|activit\w*|team) (?:\w+ )?outside (?:of )?school|not (?:one of )?ours|"
                             r"(?:at|from) (?:his|her|their|a|the) (?:weekend|sunday|saturday|local|village) (?:\w+ )?(?:club|league)|(?:at|from|of) (?:his|her|their) (?!last|previous|old|former)(?:\w+ ){0,2}club|"
                             r"(?:coach|instructor|trainer) (?:at|from) the (?:\w+ )?club|weekend (?:\w+ )?coach|(?:coach|instructor|trainer|leader|teacher) (?:from|at) (?:an? |the )?(?:outside|external|private) (?:\w+ )?(?:club|team|gym)|"
                             # "a youth footy coach round here", "a local boxing coach"
                             r"(?:local|youth|village|community) (?:\w+ ){0,2}(?:coach|instructor|trainer)|(?:coach|instructor|trainer) (?:\w+ ){0,2}(?:a)?round here|"
                             # "says an online 'teacher' told him that": someone online, not one of the school's staff
                             r"(?:online|youtube|tiktok|internet|gaming|discord|roblox) '?(?:teacher|tutor|coach|mentor)|(?:he|she|they) met (?:him |her )?(?:online|on (?:discord|roblox|fortnite|minecraft|xbox|playstation|twitch|snap\w*|insta\w*|tiktok|whatsapp|an? (?:app|game)))|(?:\d0-?something|(?:1[89]|[2-9]\d) ?(?:yr|year)s?[ -]?old|grown[- ]up|adult) (?:ex-?pupil|ex-?student|former (?:pupil|student)|m[ae]n|bloke|guy|woman|boyfriend)|isn'?t (?:one of )?ours|not (?:from|at|in) our school|"
                             r"(?:from|at) (?:another|a different|a nearby|a local|the other|a neighbouring) (?:school|primary|secondary|academy|college)"
                             r"(?! (?:in|within|across|of) (?:the|our) (?:trust|mat)))\b")
_OURS = re.compile(r"\b(?:our|my) (?:\w+ )?(?:teachers?|tas?|coach(?:es)?|colleagues?|members? of staff|staff)\b")


# A member of staff who did it, not one who was told or noticed: "a TA in yr 4 keeps calling one girl 'his girlfriend'",
# "our PE teacher is sitting in his car with a year 10 girl", "the caretaker hangs round the girls' changing rooms".
_TELLING = (r"(?:told|tells|telling)(?! (?:a|an|the|one|some|two|her|him|them|my|our)\b)|said|says|noticed|saw|seen|asked me|reported|heard|"
            r"found|thinks?|showed (?:me|us)|rang|spotted|mentioned|"
            r"worried|concerned|spoke|overheard|explained|emailed|flagged|raised|phoned|believes?|knows?|wants? to know|called me|"
            r"is aware|was aware|checked|logged|recorded|referred|and (?:i|we)|that|about|lessons?|somebody|mam|partner|"
            + who.ANOTHER_ADULT)
# who works in the school (a coach, a volunteer or a driver may well not: the DSL's to act on)
_ONE_OF_US = (r"(?:(?:[a-z]+ )?teachers?|tas?|teaching assistants?|supply(?: teacher)?|cover supervisors?|caretakers?|site (?:manager|staff)|"
              r"(?:midday|lunchtime) supervisors?|dinner lad(?:y|ies)|cleaners?|technicians?|colleagues?|members? of staff|staff members?|"
              r"senco|ects?|houseparents?|lecturers?|(?:placement )?mentors?|kitchen (?:assistant|staff)|receptionists?|librarians?|"
              r"deputy head|head ?teacher|the head|" + who.OUR_HEAD + r"|head of \w+|(?:executive|exec) head|(?:mr|mrs|miss|ms) \w+|pe staff|"
              r"lsas?|learning support assistants?|nursery (?:nurse|practitioner|staff)s?|(?:our|the school'?s?|school|pe|agency) (?:\w+ )?coach(?:es)?|"
              r"coach(?:es)? (?:from|at) (?:our|the school)\b[^.?!]{0,30}?|coach(?:es)? who runs? (?:the |our )?after[- ]?school|"
              r"governors?|invigilators?|(?:our|the|deputy) dsl),? ")
# ...who is not the one told or written to: "a mum told our TA she's taking her to see the aunties", "Hello Mr Roberts,"
_SPOKEN_TO = re.compile(r"\b(?:" + "|".join(who.TOLD_VERBS) + r"|tells?|telling|asked|said to|says to|hello|hi|hiya|dear|morning|afternoon|thanks)"
                        r"(?: (?:" + "|".join(who.TOLD_WHOM) + r"))?\s*$")
_INTRO = re.compile(r"^(?:(?:hi|hey|hiya|hello|morning|afternoon)\W+)?(?:\w+ ){1,3}here\b[,.:;!-]")
_STAFF_ACTOR = re.compile(
    r"(?<!round )(?<!on )(?<!across )(?<!over )(?<!in )(?<!behind )(?<!like )(?<!about )(?<!at )\b" + _ONE_OF_US + r"(?:\([^)]{0,40}\) )?(?:(?!(?:" + _TELLING + r")\b)[\w',()]+ ){0,8}?"
    r"(?:messag|text|snap|dm|whatsapp|tickl|touch|kiss|hug|cuddl|grab|squeez|push|shov|slap|hit|smack|kick|pinch|drag|shout|scream|"
    r"swor|swear|lock|follow|lik(?:e|es|ed|ing)\b|comment|add(?:s|ed|ing)?\b|send|sent|gave|give|buy|bought|meet|met\b|seeing|dating|"
    r"in a '?relationship|is the (?:dad|father)|(?:picture|image|photo|video)s? of (?:(?:a|an|one|the|some|two|her|his|my|our) )?(?:\w+ ){0,2}(?:girls?|boys?|pupils?|students?|child(?:ren)?|kids?|yr|year|y\d)|sitting|sits|sat\b|drove|driv|lifts?\b|photograph|film|lett|hangs? (?:round|around|about)|favourite|"
    r"asking (?:\w+ ){0,4}for|call(?:s|ed|ing)? (?:one|a|her|him|the|some|them)|put(?:s|ting)? (?:his|her) (?:hand|arm)|keeps? (?:\w+ ){0,4}back|alone with|"
    r"rough with|invit|going into|buying|hands (?:all )?over|(?:tak(?:es|ing|en)|took) (?:(?:a|one|two|some|the) )?(?:\w+ ){0,2}(?:pictures|photos|videos|girls?|boys?|pupils?|yr|year|y\d)|standing (?:\w+ )?close|got (?:a |one of )?(?:\w+ ){0,3}(?:number|snap)|show(?:s|ed|ing)? (?!me\b|us\b)|"
    r"held|holds|holding|(?:told|tell|tells|telling) (?:a|an|the|one|some|two|my|our) (?:\w+ ){0,2}(?:girls?|boys?|lads?|pupils?|students?|child(?:ren)?|kids?|"
    r"class|yr|year|y\d)|told (?:her|him|them)\b)\w*")


def _about(said: str, categories: tuple[str, ...]) -> str:
    """Whom the concern is about: the headteacher, another member of staff, or (by default) a child's
    circumstances. A member of staff counts only when the signs point at their conduct or the message says what
    one of the school's staff did to a child (`_STAFF_ACTOR`)."""
    staff_conduct = "staff conduct" in categories or "staff under investigation" in categories
    head = _HEAD.search(said)
    intro = _INTRO.match(said)  # "learning mentor here, yr 11 girl is getting lifts…": the writer, not the one who acts
    actor = next((m for m in _STAFF_ACTOR.finditer(said) if not _SPOKEN_TO.search(said[:m.start()])
                  and not (intro and m.start() < intro.end())), None)
    acts = staff_conduct or _ACTS.search(said) or (actor and _HEAD.match(actor.group(0)))
    if head and _TOLD_THE_HEAD.search(said[:head.start()]) and (_STAFF.search(said) or not (staff_conduct or _ACTS.search(said, head.end()))):
        head = None  # "I spoke to the head about mr x", "dad hit her, I've told the head": the head was told
    if head and acts and (staff_conduct or _STAFF.search(said) is None):
        return "headteacher"
    if (staff_conduct or actor) and not (_OUTSIDE_SCHOOL.search(said) and not _OURS.search(said)):
        return "staff"
    return "child"
