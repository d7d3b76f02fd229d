"""Words of harm meant otherwise, read away before the signs are weighed: "a kid who kicked off in my
lesson" behaved badly, "stay in touch" is not being touched, "budget cuts" are not cuts, "no injuries"
means nobody was hurt, and a bruised knee from football is a sports knock. Pure, offline, no I/O. Used by
`disclosure.read`."""
from __future__ import annotations

import re
from typing import Callable

from policy_kb.search.lexicon import joined

from . import who


def normalise(text: str) -> str:
    """The message in lower case, with what it says in everyday words read as such."""
    # said aloud or typed fast: "a year eight", "face book", "dont" read as "a year 8", "facebook", "don't"
    said = joined(text or "").lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    said = re.sub(r"(?<![a-z])'|'(?![a-z])|[\"“”]", " ", said)  # quotation marks, not apostrophes
    said = who.OWN_CHILDHOOD.sub(" ", said)  # "when I was a kid": the staff member's own childhood
    said = _OWN_ROLE.sub("i work here", said)  # "im a peri music teacher, can i follow…": the writer, not a colleague
    said = _OWN_SPOUSE.sub("my partner", said)  # "explain to my husband why i can't join": the writer's own marriage
    said = _IDIOMS.sub("played up", said)  # "a kid who kicked off in my lesson" behaved badly; nobody was kicked
    said = _EVERYDAY.sub(" ", said)  # "stay in touch", "still missing 12 consent forms": words of harm, meant otherwise
    said = _NO_INJURY.sub("unharmed", said)  # "a scuffle at break, no injuries": nobody was hurt
    said = _SPORTS_KNOCK.sub("a sports knock", said)  # "bruised his knee playing football"
    if not _QUOTING.search(said):
        said = _OWN_FALL.sub("the writer fell", said)  # "tripped on the broken step and hurt my knee": the writer's own fall
    said = _HURT_ON.sub("knocked on", said)  # "kids keep hurting themselves on the loose bolt": a hazard, not self-harm
    said = _PET.sub("a pet", said)  # "his cat got out and didn't come home": the cat is missing, not the boy
    # "slipped on the ice, bruised her hip, first aid given": an accident seen to; "two y9 boys had a fight… one threw a
    # punch… separated": behaviour. Only in the sentences that tell it: "his dad hit him last night" is still harm.
    if _seen_to(said):
        said = _within(said, lambda told: bool(_ACCIDENT.search(told) or _SEEN_TO.search(told)), _INJURY, "knocked")
    if _SCRAP.search(said) and _DEALT_WITH.search(said):
        said = _within(said, lambda told: bool(_SCRAP.search(told) or _DEALT_WITH.search(told)), _BLOWS, "scuffled")
    said = _TALK_ON.sub("a school talk", said)  # "after the knife crime assembly": the talk's subject, not a child's harm
    said = _ADULT_EXPECTING.sub("an adult expecting a baby", said)  # "my sixth former is 18 and pregnant": not underage
    # "he's older than my nephew", "he's a grown man": the student's own age, not an older man around a child
    said = _OWN_AGE.sub("an adult", said)
    return " ".join(said.split())


# "kicked off in my lesson" behaved badly; "kicked a football through the window" is a ball, not a child; "a yr 9 threw a
# chair at me" behaved badly towards the writer, and "a pupil kicked through the glass panel" damaged a door
_OWN_SPOUSE = re.compile(r"\bmy (?:husband|hubby|wife|missus|fianc\w*)\b|\b(?:i'?m|i am|i got|i'?ve been|we'?re|we are|we got) (?:\w+ )?married\b|^(?:so |well |ok )?(?:getting|got) married\b(?! off)")  # "getting married at half term": the writer
_IDIOMS = re.compile(r"\b(?:yr ?\d+|year ?\d+|y\d+|pupil|student|kid|boy|girl|lad)s?(?: \w+){0,2} (?:(?:threw|chucked|lobbed|flung) (?:a |an |the |his |her )?(?:\w+ )?(?:at me|(?:in|across|round) (?:my|the) (?:room|classroom|class|lesson))\b|kick(?:s|ed|ing)? (?:through|in) (?:a|the) (?:glass|window|pane))|\bkick(?:s|ed|ing)? off\b|\bkick(?:s|ed|ing)? (?:a|the|his|her|their) (?:fence|door|wall|bin|chair|table|locker)s?\b(?! (?:down|in)\b(?! (?:a|an|the|his|her|their|frustration|anger|temper)\b))|\bkick(?:s|ed|ing)? (?:a|the|his|her|their|my|our) (?:foot|rugby |tennis |net)?balls?\b")
_OWN_ROLE = re.compile(r"\b(?:i'?m|im|i am) (?:a|an|the) (?:\w+ ){0,3}?(?:teachers?|tas?|teaching assistants?|tutors?|coach|"
                       r"caretaker|volunteer|technician|cover supervisor|lunchtime supervisor|dinner lady|site manager|receptionist|"
                       r"librarian|cook|chef|governor|driver|escort|invigilator)\b")
_EVERYDAY = re.compile(
    r"\b(?:stay|stays|staying|keep|keeps|keeping|kept|get|gets|getting|got|be|been|being) in touch\b"
    r"|\b(?:once|when|after|till|until) (?:i'?ve|i have|i'?m|i am) gone\b"
    r"|\b(?:budget|funding|spending|staff|staffing|pay|job|service|power) cuts\b"
    # an email or web address, a private business or hospital: not where a child lives, not a secret
    r"|\b(?:email|e-mail|web|website|ip|url|return) address(?:es)?\b|\bprivate (?:\w+ ){0,2}(?:business|"
    r"school|sector|practice|hire|hospital|healthcare)\b"
    r"|\bcctv(?: camera| footage| system)?s?\b"
    # the writer bullied at work: "my line manager is bullying me, shouting at me in front of students"
    r"|\b(?:manager|boss|colleague|co-?worker|head ?teacher|hod|head of \w+|slt|deputy|team leader|mentor)s? (?:\w+ ){0,2}bull(?:y|ying|ied|ies) me\b"
    # the writer's own night out and accounts: "my boyfriend tagged me in a post from a night out, just drinks", "my own
    # accounts are all private"
    r"|\bmy (?:own )?(?:boy|girl)friend\b|\b(?:night|evening) out\b|\b(?:just|went for|go for|going for|out for|having|staff|friday) drinks\b"
    r"|\b(?:my|our) (?:own |personal )?(?:accounts?|profiles?|insta\w*|facebook|pages?|settings?) (?:are |is |were |was )?(?:all |now |set to |on )*private\b"
    r"|\b(?:my|our|her|his) (?:own )?private (?:accounts?|profiles?|insta\w*|facebook|fb|pages?|twitter|tiktok|story)\b"
    r"|\b(?:risk assessments?|food tech|cookery|cooking|kitchen) (?:for |on |with )?knives\b|\bknives (?:in|for) (?:food tech|cooking|cookery|the kitchen)\b"
    # consent taken back is an administrative matter, not a withdrawn child
    r"|\bwithdr[ae]wn? (?:\w+ ){0,2}(?:consent|permission|application|offer|request|complaint)s?\b"
    r"|\b(?:consent|permission)(?: \w+){0,2} withdrawn\b"
    # money on a dinner account; a nasty comment or link under one of the school's own posts (the comments rule's)
    r"|\b(?:dinner |lunch )?money (?:left )?on (?:his|her|their|the|my) (?:\w+ )?(?:account|card)\b|\b(?:dinner|lunch|sponsor(?:ship|ed)?|charity|trip) money\b"
    r"|\b(?:(?:racist|homophobic|offensive|abusive|nasty|rude|spammy|spam|porn|explicit)\w* (?:\w+ )?(?:comments?|links?|repl(?:y|ies))|(?:links?|urls?) to (?:a |an |some )?(?:porn|adult|explicit|spam)\w* sites?\b[^.?!]{0,20}\bcomments?)\b(?=[^.?!]{0,60}"
    r"\b(?:school|class|dept|department|trust|official|team)'?s? (?:\w+ )?(?:post|page|blog|account|insta\w*|fb|facebook|twitter|feed|channel)\b)"
    # a cold room, not a cold child: "the radiator in G14 is stone cold and the kids are in coats"
    r"|\b(?:radiators?|heaters?|boiler) (?:\w+ ){0,4}(?:cold|freezing|broken|off)\b"
    # the writer's own photos and a sanction someone can't bring ("festival and holiday photos… some drinking", "the trust can't
    # touch him"); whether an adult may "be left alone with" children asks about supervision, not a child left alone
    r"|\b(?:(?:holiday|festival) )?(?:photos?|pics?|pictures?|posts?)\b[^.?!]{0,40}\b(?:some|a bit of|bit of) drinking\b|\b(?:holiday|festival) (?:photos?|pics?|pictures?|snaps?|selfies?)\b"
    r"|\b(?:trust|school|they|slt|hr|head|nobody|no one|anyone)(?: \w+)? (?:can'?t|cannot|can not|won'?t|couldn'?t) touch (?:him|her|them|me|us)\b"
    r"|\b(?:can|could|may|should|shouldn'?t|is|are) (?:\w+ ){1,3}be left alone with\b|\b(?:dbs|references?|checks?)\b[^.?!]{0,20}\b(?:not|n'?t) (?:yet )?(?:come|came) back\b"
    r"|\b(?:classroom|room [a-z]?\d+\w*|the (?:hall|library|gym|building))(?:'s| is| was) (?:stone |really |so |too )?(?:cold|freezing)\b"
    r"|\b(?:dog|pet|horse) grooming\b|\bexplicit(?= (?:purpose|aims?|reference|mention|permission|consent|instructions?|statement|lyrics|language|songs?|tracks?|versions?))"
    r"|\b(?:songs?|tracks?|lyrics) (?:\w+ ){0,3}(?:marked |labelled |tagged )?explicit\b"
    r"|\bmissing (?:\d+ |a few |some |any |two |three |their |her |his )?(?:\w+ )?(?:forms?|slips?|signatures?|letters?|"
    r"payments?|books?|homework|kit|coursework|marks?|replies|returns)\b"
    r"|\b(?:books?|kit|coats?|jumpers?|blazers?|bags?|lunchbox|bottle|forms?|homework|shoes?|trainers?|phones?|ipads?|laptops?|"
    r"money|purse|wallet|keys|watch|glasses|cardigan|hoodie|pencil case|airpods|earbuds|headphones|earphones|calculator|"
    r"(?:exam )?scripts?|exam papers?|parcel|post|register|lanyard|badge)(?:'s| is| has| was| are| have)? "
    r"(?:been |gone |going |go |went )?missing\b")
_NO_INJURY = re.compile(r"\b(?:no|without(?: any)?|not any) injur(?:y|ies)\b|\b(?:nobody|no one|noone|no-one) (?:was |got |is )?"
                        r"(?:hurt|injured)\b|\b(?:not|wasn't|weren't) (?:hurt|injured)\b|\bunhurt\b")
# An everyday knock to a knee or shin in sport: not a bruise on the body that someone caused.
_SPORTS_KNOCK = re.compile(
    r"\b(?:bruis\w*|graz\w*|sprain\w*|twist\w*|bump\w*|cut|hurt|injur\w*|broke|broken|fractur\w*|dislocat\w*|jarred) (?:(?:his|her|their|a|the) )?"
    r"(?:knee|shin|ankle|elbow|toe|wrist|finger|thumb|foot|leg|arm|shoulder|collarbone)s? "
    r"(?:\w+ ){0,2}?(?:(?:playing|in|at|during|doing) )?(?:the |a )?(?:pe|games|football|netball|rugby|hockey|basketball|"
    r"training|match|sports day|playground|trampolin\w*|gymnastics|cricket|athletics)\b")
# An accident someone saw happen and saw to ("slipped on the ice, bruised her hip, first aid given", "hit on the cheek
# by a hockey ball, ice pack"): its injuries are knocks, unless the child's own account of them is what is told.
_ACCIDENT = re.compile(
    r"\b(?:slipped|tripped|fell (?:over|off|down|from)|went over on|collided|bumped (?:heads|into)|landed (?:on|awkwardly)|"
    r"(?:hit|struck|caught|smacked|whacked|knocked)(?: (?:on|in) (?:the|his|her) \w+)? (?:by|with) (?:a|an|the) (?:\w+ )?"
    r"(?:ball|bat|racket|racquet|stick|door|swing|frisbee|shuttlecock|beanbag|javelin|puck|goalpost))\b")
_SEEN_TO = re.compile(r"\b(?:first aid\w*|ice ?packs?|ice and|(?:an|some) ice\b|accident (?:form|book|slip|report)|carried on|"
                      r"(?:she|he)(?:'s| is) (?:fine|ok|okay|alright)|back (?:to|in) (?:class|lessons?))")
_THEIR_ACCOUNT = re.compile(r"\b(?:says?|said|claims?|claimed|reckons?|told me|according to) (?:that )?(?:she|he|they|it)\b"
                            r"|\bstory\b|add up|\bagain\b")
_INJURY = re.compile(r"\b(?:bruis\w*|swell\w*|swollen|hit|graz\w*|sprain\w*|injur\w*|broke|broken|breaking|fractur\w*|bump\w*)\b")


def _seen_to(said: str) -> bool:
    return bool(_ACCIDENT.search(said) and _SEEN_TO.search(said) and not _THEIR_ACCOUNT.search(said))


def seen_to(said: str) -> bool:
    """Only an accident someone saw happen and saw to (every sentence that is not a question tells it): nobody's
    harm to find in it."""
    return _seen_to(said) and all(_ACCIDENT.search(told) or _SEEN_TO.search(told)
                                  for told in _SENTENCE.findall(said) if not told.rstrip().endswith("?"))


def _within(said: str, tells: Callable[[str], bool], words: re.Pattern, replacement: str) -> str:
    """`words` read as `replacement`, only in the sentences that `tells` says tell the story."""
    return _SENTENCE.sub(lambda told: words.sub(replacement, told.group(0)) if tells(told.group(0)) else told.group(0), said)


_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


# The writer's own fall, told without "I": "tripped on the broken step and hurt my knee". Not when someone is quoted.
_QUOTING = re.compile(r"\b(?:says?|said|told)\b")
_OWN_FALL = re.compile(r"\b(?:tripped|slipped|fell|went over)\b[^.?!]{0,60}?\b(?:hurt|injured|twisted|bruised|"
                       r"sprained|banged) my (?:knee|back|ankle|wrist|foot|arm|shoulder|hand|head|leg|hip|elbow)\b")
# Hurt on a thing: "hurting themselves on the loose bolt on the climbing frame", "cut himself on the broken fence".
_HURT_ON = re.compile(r"\b(?:hurt|hurting|hurts|injur\w*|cut|cutting|cuts|scratch\w*) (?:themselves|himself|herself) on (?=(?:the|a|an|that|this) )"
                     r"(?!\w+ (?:\w+ )?(?:arms?|wrists?|legs?|thighs?|stomach|tummy|chest|neck|face|hands?|skin|body)\b)")


# Two pupils fighting each other, seen and dealt with ("separated", "both parents rung", "internal exclusion"): behaviour,
# not harm done to a child. A weapon, a film of it or an injury named is still a sign.
_SCRAP = re.compile(r"\b(?:two|2|a couple of|a pair of) (?:\w+ ){0,2}?(?:boys|girls|lads|students|pupils|kids|y\d+s|yr ?\d+s|year \d+s) "
                    r"(?:had|got into|were in|were having|started) (?:a |an )?(?:\w+ )?(?:fight|scrap|scuffle|punch[- ]?up|squabble)"
                    r"|\b(?:fight|scrap|scuffle|punch[- ]?up|squabble)s? (?:\w+ ){0,5}?between (?:two|2|a couple of)\b")
_DEALT_WITH = re.compile(r"\b(?:separated|exclu\w+|detentions?|isolation|behaviour (?:log|entry|point|system)|parents? (?:rung|called|phoned|told|informed)"
                         r"|both (?:parents|families)|apologi\w+|calmed down)\b")
_BLOWS = re.compile(r"\b(?:punch\w*|hit|hitting|kick\w*|threw|scratch\w*|push\w*|shov\w*|hurt)\b")
# A pet lost or put to sleep: "his cat got out and didn't come home", "the family dog had to be put to sleep".
_PET_GONE = (r"(?:got out|ran away|went missing|(?:is|was|has been|had gone) missing|didn'?t come (?:home|back)|never came (?:home|back)"
             r"|died|was put down|(?:had to be |was )?put to sleep)")
_PET = re.compile(r"\b(?:his|her|their|the|our|a) (?:family |class )?(?:cat|dog|pet|rabbit|hamster|guinea pig|tortoise|puppy|kitten|budgie)s? "
                  rf"(?:(?!and |or |but |with |plus )\w+ ){{0,5}}?{_PET_GONE}(?:,? (?:and |then )?(?:\w+ ){{0,3}}?{_PET_GONE})*\b")
_TALK_ON = re.compile(r"\b(?:knife crime|online safety|e-?safety|county lines|drugs?|consent|healthy relationships|gangs?|prevent|"
                      r"radicalisation|extremism|grooming|self[- ]harm|mental health|(?:cyber ?)?bullying) (?:assembl(?:y|ies)|"
                      r"workshops?|talks?|week|day|lessons?|sessions?|campaign|training|displays?|projects?|presentations?|unit|topic)\b")
_ADULT_EXPECTING = re.compile(r"\b(?:tas?|teachers?|colleagues?|members? of staff|staff members?|mum|mother|step-?mum)"
                              r"(?:'s| is| was| are) (?:now |also )?(?:pregnant|expecting)\b|\b(?:1[89]|[2-9]\d)(?: years? old| yo)?,? (?:and |who(?:'s| is) |now )?(?:pregnant|expecting)\b")
_OWN_AGE = re.compile(r"\b(?:he|she|they)(?:'s| is| are|'re) (?:\w+ )?older than (?:my|his|her|their|our|the|a) \w+(?: \w+)?"
                      r"|\b(?:he|she)(?:'s| is) (?:a )?grown (?:man|woman|adult|up)")


# A question about the writer's own accounts, connections, consents and the school's own posts ("she's just followed me
# on TikTok", "consent from everyone"): with no word of harm and nobody telling or showing them anything, the second reader's hunch alone
# does not make it a concern (disclosure.read).
MY_ACCOUNTS = re.compile(r"\b(?:follow\w*|add\w*|connect\w*)\b(?: \w+){0,3} me\b|\b(?:follow|friend) requests?|\b(?:requested|followed|added) me\b"
                         r"|\bconsent\b|\bapprov\w*|\bwho would have to\b|\bfound me on\b|\b(?:can|could|may) i (?:tweet|post|share)\b"
                         r"|\b(?:(?:post|put|share|upload)\w* (?:\S+ ){0,6}|(?:photos?|pics?|pictures?|videos?) (?:going |go |being put |being posted )?(?:up )?)on (?:the |our )?"
                         r"(?:school|class|trust|dept|department|sixth form|6th form|pe|team)(?:'s| s)? (?:\w+ )?(?:page|account|fb|facebook|insta\w*|twitter|blog|website)\b"
                         # "yr 12 is 18 now and wants me on snap", "still ok being fb friends w his mum?", "keeps messaging me"
                         r"|\bwants? me on\b|\b(?:fb|facebook|insta\w*|snap\w*|online) friends (?:with|w)\b|\bbeing friends (?:with|w) (?:his|her|their|a|the) "
                         r"(?:mum|dad|parents?|carer)|\bkeeps? (?:messaging|texting|dm'?ing|whatsapping) me\b|\bkeeps? sending (?:me )?(?:chat )?messages\b"
                         # the writer asking about their own messages: "am i ok to keep messaging her mum on insta"
                         r"|\b(?:am i|is it) (?:ok|okay|alright|allowed|fine) (?:for me )?to (?:keep |still |carry on )?(?:messag\w*|text\w*|chat\w*|follow\w*|dm\w*)"
                         # "found my tiktok and followed", "the guy i've been chatting to", "mum said it's fine" (to a post)
                         r"|\bfound my (?:tiktok|insta\w*|fb|facebook|account|profile|snap\w*|twitter|page|youtube)\b|\bi'?ve been (?:chatting|talking|gaming|playing) (?:to|with)\b"
                         r"|\b(?:mum|dad|parent|carer)s? (?:said|says) (?:at the gate )?(?:it'?s|she'?s|he'?s|they'?re) (?:fine|ok|okay|happy)\b"
                         # a parent in touch with the writer's own accounts: "a mum got my snapchat", "friends on fb"
                         r"|\b(?:mum|dad|parent|carer)s?\b[^.?!]{0,40}\b(?:got|found|has) my (?:snap\w*|number|insta\w*|fb|facebook|whatsapp|mobile)\b"
                         r"|\bfriends on (?:fb|facebook|insta\w*|snap\w*)\b|\b(?:got|gets|received|receives|had) (?:a|an) (?:\w+ ){0,2}(?:message|snap\w*|dm|(?:friend|follow) request|text|email) from (?:a|an|one of (?:our|my|the)) "
                         r"(?:\w+ ){0,2}?(?:kid|child|pupil|student|girl|boy|lad|year ?\d+|yr ?\d+|y\d+)\b"
                         # the school's own posts: "posted trip photos on the school fb and one girl's parents said no to photos"
                         r"|\bsaid no to (?:photos|pictures|pics|filming|videos?)\b|\b(?:posted|put up|uploaded|shared) (?:\w+ ){0,3}(?:photos?|pics|pictures|videos?) "
                         r"(?:\w+ ){0,2}on (?:the |our )?(?:school|class|dept|department|trust|pe|team)'?s? ")


# Teaching a topic: a lesson, a unit, an assembly, a set text, awareness training. Harm words there are the
# topic, unless someone told or showed the writer something, or the second reader hears harm.
TEACHING = re.compile(r"\b(?:assembl(?:y|ies)|units?|lessons? (?:on|about|plans?)|schemes? of work|pshe|rse|curriculum|"
                      r"resources?|speakers?|booklets?|worksheets?|novels?|poems?|set texts?|scenes?|act \d|studying|"
                      r"teaching (?:the|about|of|a unit)|taught|awareness|statistics|sessions? on|training (?:on|about|session)|"
                      r"(?:awareness|safeguarding|prevent) training|cpd|inset|modules?|(?:anti-?bullying|"
                      r"mental health|safeguarding) (?:week|day|month))\b")
# One particular child, not a class: "a y8 girl had cuts on her arms in pshe" is about her, whatever the lesson.
ONE_CHILD = re.compile(r"\b(?:a|an|one|this|that|one of (?:my|our|the)) (?:\w+ )?(?:kid|pupil|student|child|girl|boy|lad|"
                       r"tutee|year ?\d{1,2}|yr ?\d{1,2}|y\d{1,2})s?\b(?! (?:class|group|set|classes|cohort|assembly))")
