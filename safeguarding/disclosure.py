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

from . import everyday, second_reader, who
from .everyday import normalise as _normalise
from .signs import SIGNS
from .signs_beyond import GONE_SINCE_LUNCH

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


def _compile(phrases: tuple[str, ...]) -> re.Pattern | None:
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in phrases) + r")(?!\w)") if phrases else None


_STRONG = {category: _compile(kinds["strong"]) for category, kinds in SIGNS.items()}
_WEAK = {category: _compile(kinds.get("weak", ())) for category, kinds in SIGNS.items()}

# A message framed as passing something on ("she told me", "who do I tell") needs only one sign.
_TOLD = re.compile(r"\b(?:told me|tells me|telling me|said (?:that|her|his|she|he|they|to me|mum|dad)|says (?:that|her|his|"
                   r"she|he|they|mum|dad)|disclos\w*|showed me|noticed|spotted|i saw|i'?ve seen|"
                   r"(?:i'?m|i am|i was|i feel|we'?re|we are|really|a (?:bit|little)|quite|slightly|very) (?:\w+ )?(?:worried|concerned)|"
                   r"(?:worried|concerned) (?:about|that|for|by)|"
                   r"who (?:do|should) i (?:tell|report|speak to|go to)|found (?:loads of |lots of |some |a |these |the |his |her )?"
                   r"(?:messages|texts|photos|pics|pictures|chats|dms)|is (?:this|it|that) (?:a )?safeguarding|"
                   r"not sure (?:if|whether) (?:this|it)(?:'?s| is)? (?:anything|something)|might be nothing|probably nothing)")

# Asking leave for something the person would do: with only two light signs and a reader that hears no
# harm (under LEAVE_DOUBT), a policy question, not a concern.
_ASKS_LEAVE = re.compile(r"\b(?:can|could|may) (?:i|we)\b|\bam i allowed\b|\bis (?:it|that|this) (?:ok|okay|fine|alright|allowed)\b"
                         r"|\bdoes the polic(?:y|ies)\b|\bmust (?:it|i|we)\b|\bgo ahead\b")
LEAVE_DOUBT = 0.2
LIGHT_DOUBT = 0.5  # two light signs of two kinds of harm: unless the reader hears harm this much, not a concern


# ---- when: a child may be in danger right now --------------------------------------------------
_NOW = re.compile(
    r"\b(?:right now|just now|at the moment|currently|this minute|as we speak|immediately|(?:is|are|s|re) (?:there |outside |here )?now[.!?]|"
    r"(?:is|are|s|re) (?:there|outside|here|at the (?:gate|fence|door)) (?:right )?now\b|(?:taken|taking (?:her|him|them)|flying|fly) to the airport|"
    r"locked (?:herself|himself|themselves) in|locked in (?:at home|the house|the flat|a house)|passports? (?:(?:has|have) been |was |were |s been )?"
    r"(?:taken|hidden|confiscated)|standing on|on (?:the|a) (?:railway |rail )?(?:roof|bridge|ledge)|"
    r"(?:swallowed|took|taken?) (?:all |a (?:load|lot|bunch|handful|couple|few|packet|box|bottle|strip|pack) (?:of )?|loads of |some |several |\d+ )?(?:her |his )?(?:pills|tablets|paracetamol|meds)|"
    r"taken them all|overdos\w*|bleeding|just (?:grabbed|hit|punched|slapped|kicked|slammed|shoved|pushed|attacked|threw|strangled) (?:him|her|them|his|their|a|the|one)\b|(?:a lot of|lots of|so much|loads of|covered in|pool of) blood|unconscious|not breathing|can'?t breathe|slurring|collapsed|"
    r"(?:has|got|with|holding) a (?:knife|gun|weapon|blade)|(?:is|are) (?:missing|gone)(?! (?:\w+ ){0,3}(?:lessons?|periods?|classes|school|sessions|registration|days|a lot))|missing since|(?:hasn'?t|has not|not|haven'?t|have not) been seen since|"
    r"(?:tonight|this evening|(?<!hours )(?<!hour )(?<!days )(?<!weeks )(?<!minutes )(?<!mins )later)|(?:will|'ll|going to|gonna|is|are|being|plans? to|meeting|meet) (?:\S+ ){0,5}this afternoon|"
    # something planned for straight after school: a meeting with someone met online, a fight with a weapon
    r"(?:meet\w*|jump\w*|fight|stab\w*|blade|knife|knuckle|weapon|get (?:him|her|them)|waiting for (?:him|her|them))\b[^.?!]{0,60}\bafter school\b"
    r"|\bafter school\b[^.?!]{0,60}\b(?:meet\w*|jump\w*|fight|stab\w*|blade|knife|knuckle\w*|weapon)|(?:when|once|as soon as) (?:he|she|they) (?:gets?|goes|go) home|\b(?<!enough )(?:to|will|gonna|going to) (?:\S+ ){0,8}today|"
    r"(?:not|isn'?t|wasn'?t|hasn'?t been) (?:(?:in|at) (?:school|class|lessons?)|in) today|hasn'?t (?:come in|turned up|arrived)(?: today)?|"
    r"at (?:the )?reception|in the reception area|(?:'s|'re|\b(?:is|are|waiting|standing|sitting|sat|parked|hanging (?:around|about)|turned up|arrived|pulled up)) (?:\S+ ){0,3}(?:in|at) (?:the )?(?:car park|gates?)|(?:in|at) (?:the )?(?:car park|gates?) (?:now|right now)|locked in (?:a|the|her|his|their) \w*room|"
    r"(?:she|he|they) got in(?:to)?\b(?! (?:trouble|touch|school|class|late|bed|the habit))|"
    r"outside (?:the )?(?:school|gates?)|on (?:his|her|their) way|it'?s (?:\d{1,2} ?(?:am|pm)|\d{1,2}[:.]\d\d)|"
    r"(?:isn'?t|is not|not) answering|(?:run|ran) (?:out|off)|off site|didn'?t come back|won'?t come down|"
    r"(?:flight|flying|leaving|taken|going) (?:to the airport|abroad|out)? ?(?:tonight|today|tomorrow)|"
    r"(?:\d+|a few|five|ten|fifteen|twenty|thirty|forty|a couple of) ?min(?:ute)?s? ago|(?:in|within|given (?:her|him|them)) (?:an|one|two|\d+) hours?|(?:in|within) (?:\d+|five|ten|fifteen|twenty|thirty|a few|half an) ?(?:min(?:ute)?s|hour)\b|(?:flight|flying|fly(?:ing)? out|flies out) (?:\S+ ){0,6}(?:tonight|today|tomorrow)|at the airport|(?:get|getting|put) on a (?:plane|flight)|"
    r"(?:didn'?t|hasn'?t|has not|never|not) (?:come|came|gone|got|been) (?:back )?home|phone(?:'?s| is) (?:off|dead)|"
    r"(?:side|back) gate|out (?:of )?the (?:school )?gates?|not back in|runs? (?:towards|into|onto) (?:the )?roads?|can'?t find (?:him|her|them)|searched the|(?:rope|ligature|belt|cord|scarf|string|lead|tie)s? (?:\w+ )?(?:round|around) (?:his|her|their) neck|(?:grabbed|pulled|took|picked up|got hold of) a (?:knife|gun|blade|machete)|holding (?:it|a \w+|the \w+) (?:to|against) (?:\w+ ){0,3}(?:neck|throat)|(?:is|are|'s) (?:at home |home )?(?:on (?:her|his|their) own|alone|by (?:herself|himself|themselves))(?: at home)? (?:today|now|right now)|never (?:came|come) back|"
    r"\bgun\b|firearm|(?:bomb|explosive|knife|machete|weapon)s?\b[^.?!]{0,60}\bbring\w* (?:it |them |one )?(?:in(?:to)?|to) (?:school|class)|(?:too )?scared to get (?:out|off)\b|(?:rung|rang|called|messaged|texted|emailed|phoned) (?:me|us|the office|her \w+|his \w+) from|in a hotel|"
    r"(?:'?s|has|have|is) just (?:come|arrived|turned up|shown up|left|pulled (?:up|in|away)|driven (?:off|away)|gone off)|"
    r"(?:is|are|s|re) (?:getting|being (?:put|pushed|dragged)) in(?:to)? (?:the |a |his |her |their )?(?:car|van|taxi)?|"
    r"(?:'?s|has|have) just (?:got|gone|climbed|jumped) in(?:to)? (?:a |the |his |her |their |one|an )(?:\w+ )?(?:car|van|taxi|one)?\b|"
    r"(?:he|she|they)(?:'?s| is| are) (?:pushing|driving|taking|carrying|dragging)(?![^.?!]{0,50}\b(?:(?:this|next) (?:weekend|week|month)|"
    r"tomorrow|at (?:easter|half ?term|christmas)|in the (?:holidays|summer)))|out of the gates?|"
    r"gone (?:\d{1,2} ?(?:pm|am|o'?clock)|midnight)|i'?m (?:parked |stood |standing |sat )?outside|can'?t see (?:any|an) (?:adult|parent)|"
    r"(?:drive|driving) (?:them|him|her) (?:home|away)|wouldn'?t wake|won'?t wake|"
    # "she was whispering that he's smashing up the house and she's hiding in the bathroom"; "dad is outside in the car"
    r"hiding (?:in|under|behind) (?:the |her |his |their |a |my )?(?:bathroom|bedroom|room|wardrobe|cupboard|bed|toilet|loo|shed)|"
    r"(?:call|phone|rang|ringing)[^.?!]{0,40}whisper\w*|outside in (?:the|a|his|her|their) (?:car|van)|going away (?:\S+ ){0,3}today|"
    # gone from class since lunch with the gate open; a child on their own in the street; a floppy baby in a hot car
    rf"{GONE_SINCE_LUNCH}|"
    r"(?:gate|fire door|side door|back door) (?:\S+ ){0,4}(?:was|is|were|left) (?:wide )?open|(?:on (?:his|her|their) own|(?:found|is|was|wandering|walking) (?:\S+ ){0,4}alone) (?:on|in|at|by) (?:the )?"
    r"(?:high street|street|road|park|shops|bus stop|town|canal|river)|(?<!went )(?<!gone )floppy|unresponsive|no (?:adult|parent|carer|grown[- ]up)s? (?:anywhere|around|in sight|about)|"
    # happening while they tell it: "it's been going on for ten minutes", "you're hurting me"
    r"(?:been )?going on for (?:\d+|ten|twenty|five|fifteen|a few|half an) (?:min\w*|hours?)|you'?re hurting me|"
    r"(?:pulled|dragged|pushed|bundled|forced|grabbed) (?:her|him|them|(?:a|the|her|his|their) \w+) (?:in)?to (?:a|the|their|his|an) (?:car|van)|"
    # the one who hurt them collects them today; nobody has come at the end of the day; a parent gone and still not back
    r"(?:today|tonight) after school|after school (?:today|tonight)|(?:is|s|'s) (?:the one )?(?:picking|collecting) (?:her|him|them)(?: up)? (?:today|tonight|later|after school)|(?:nobody|no ?one) has (?:come|turned up) (?:for|to collect|to pick)|(?:has|have|is|are|'s) (?:been )?left (?:\w+ ){0,2}(?:in|inside) (?:a|the|his|her|their|mum'?s|dad'?s) (?:\w+ )?(?:car|van)\b|for the (?:last|past) (?:half an hour|hour|\d+ (?:min\w*|hours?)|(?:ten|fifteen|twenty|thirty|forty) min\w*)|(?:drink|drinks) (?:was |were |got |has been |had been )?spiked|\bshe (?:doesn'?t|does not) know where she is|\bhe (?:doesn'?t|does not) know where he is|\bthey (?:don'?t|do not) know where they are|it'?s (?:half|quarter) (?:past|to) (?:\w+)\b|(?:mum|dad|parents?|mother|father)(?:'s| is| are| s)? still not (?:back|home)|"
    # about to happen, or the danger still there: "about to drive off with her 2 toddlers", "the man is still in there",
    # "left her 3yo home on his own to come to this meeting"
    r"about to (?:drive|drive off|leave|go|take (?:them|him|her))\b|(?:is|'s|are|'re) still (?:in there|there|in the (?:toilets?|building|car park))|"
    r"left (?:her|his|their|my|the) (?:\w+ )?(?:\d+ ?(?:yo|year old|yr old)|baby|toddlers?|kids?|children|son|daughter) (?:at )?home "
    r"(?:on (?:his|her|their) own|alone|by (?:himself|herself|themselves))|"
    # gone, now, to meet an adult she met online ("she's gone to meet a man who's picking her up")
    r"(?:'?s|has|have|is|are) (?:just )?(?:gone|going|left|run off|on (?:her|his|their) way) to meet (?:up with )?(?:a|an|some|this|that|the) "
    r"(?:older )?(?:man|men|guy|bloke|adult|stranger|someone|person|boy ?friend|lad) (?![^.?!]{0,60}\b(?:next|tomorrow|at the "
    r"weekend|this (?:weekend|saturday|sunday)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|in the holidays)))")
# A child with a plan, a means, a farewell or an attempt may act at any moment: 999 first. Thoughts of
# dying told to an adult, or others telling a child to kill themselves, are for the DSL now.
_ACUTE = re.compile(r"\b(?:plan(?:s|ned|ning)?|noose|rope|ligature|hang (?:herself|himself|themselves)|pills|tablets|"
                    r"paracetamol|overdos\w*|(?:took|taken|swallowed) (?:all|some|a)|goodbye|bye\b|thanks for everything|"
                    r"last (?:message|post|thing)|jump\w*|bridge|railway|train tracks?|(?:how|ways?) to (?:die|kill|end)|"
                    r"(?:cut|cuts|cutting) (?:deep|too deep)|tried to (?:kill|end|hang)|"
                    # told in a message, not face to face: nobody knows where the child is
                    r"(?:messaged|texted|dm'?d|emailed|snapped|posted|sent|wrote) (?:me|my|us|our|on|in|to (?:me|my|us|our))(?! (?:his|her|their|a|the) (?:\w+ )?(?:diary|journal|planner|book|notebook|story|essay|poem|homework|work)\b))")
# A goodbye, a child at a bridge or the tracks, or a deadline tonight for a child who would rather die: 999 whatever
# the words ("a photo from the railway bridge saying goodbye"); cutting or pills told in a message: the DSL now.
_FAREWELL = re.compile(r"\b(?:goodbye|saying bye|thanks for everything|last (?:message|post)|(?:by|before) (?:tonight|today)\b|(?:on|at|from|off|to) (?:the |a )?"
                       r"(?:railway |motorway |road )?(?:bridge|railway line|train tracks?|cliff|multi-?storey|car park roof))")
# Helpers say "now" a lot ("what do I do now"); these do not make it urgent.
_NOT_NOW = re.compile(r"\b(?:what (?:do|should|can) i do now|what now|now what|(?:is|are|was) now|now (?:in|at) "
                      r"(?:year|yr)|now (?:she|he|they)(?:'?s| is| are)|(?:she|he)'?s now|now \d{1,2}\b|"
                      r"(?:and|but) now (?:wants|asks|asking|says|saying|keeps)"
                      # an event named by when it was ("at this evening's parents' meeting"); bleeding told of the past
                      r"|(?:this evening|tonight|today)'s|(?:was|were) bleeding"
                      # a deadline set by someone else ("pay £200 by tonight"): the child is with us; the DSL acts now
                      r"|(?:by|before) (?:tonight|today|the end of (?:the )?day|midnight)\b"
                      r"|(?:rang|called|phoned|emailed|texted) (?:in )?to say (?:\S+ ){0,3}(?:won'?t|will not|wont) be in(?: school)? today"
                      # safe somewhere now ("we're at my mum's now."); the family, not the child, not answering
                      r"|at (?:my|her|his|their|our|a|the) \w+'s now|(?:parents?|mum|dad|family|carers?|home)(?:'s| are| is)? not answering)")

# Words that point to harm only beside another sign, even when a child "says" them: a pupil's
# passport, paracetamol for a headache.
CONTEXT_ONLY = frozenset({"passport", "paracetamol"})

# ---- who is it about: a member of staff, or the headteacher -------------------------------------
# What staff in general may do, not what someone did: "can a teacher message a pupil on snapchat?", "is DMing students
# fine if a colleague is added?"; or the writer's own conduct: "is it ok to give a year 10 a lift home if it's pouring?"
_WHAT_IF = re.compile(r"^(?:so |but )?(?:(?:can|could|may|should|would|are|is|do|does)"
                      r"(?: it (?:ok|okay|alright|fine|allowed) for)? (?:a |an |the |any |our )?(?:[a-z]+ )?"
                      r"(?:teachers?|staff|tas?|teaching assistants?|colleagues?|members? of staff|coach(?:es)?|tutors?)\b"
                      r"|(?:is|are) [a-z]+ing\b[^?.!]*\b(?:ok|okay|fine|allowed|alright|acceptable)\b)|\b(?:(?:can|could|may|should) i|(?:is it|would it be) (?:ok|okay|alright|fine|allowed|acceptable) (?:for me )?to|am i allowed to) (?:give|offer|drive|take|walk)\b")
_STAFF = re.compile(
    r"\b(?:teachers?|colleagues?|members? of staff|staff members?|\bta\b|tas\b|teaching assistants?|"
    r"supply teachers?|coach(?:es)?|caretakers?|volunteers?|lunchtime supervisors?|dinner ladies|support staff|"
    r"cover supervisors?|technicians?|deputy head|assistant head|tutor|(?:mr|mrs|miss|ms) [a-z]+|co-?workers?)\b")
_HEAD = re.compile(r"\b(?<!of )(?:the |our |my )?(?:(?:executive |exec )?head ?teacher|head of school|principal|headmaster|(?<=our )head|(?<=my )head|ht\b|"
                   r"headmistress|(?:executive|exec) head|the head)\b"
                   r"(?! of (?:year|department|dept|maths|english|science|pe|music|art|history|geography|re|drama|"
                   r"sixth form|house|faculty|key stage|ks\d))")


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
    for token in _TOKEN.findall(said.replace("-", "")):
        if token in _WORDS:
            category, weight = _WORDS[token]
            words[token] = (category, weight)
    # a child upset, worried or crying is the ordinary stuff of a school day: distress weighs only beside a sign of harm
    weight = 3 * len(strong) + sum(w for c, w in words.values() if c != "distress") + len(weak)
    alone = weight == 1 and _TOLD.search(said) and not (set(words) & CONTEXT_ONLY)
    by_nature = bool(set(strong) & who.CHILD_BY_NATURE) and bool(who.PRONOUN.search(said))
    adult = who.ADULT.search(said) and not who.YOUNG.search(said)
    about_a_child = (who.CHILD.search(said) or by_nature or who.named(text)) and not adult
    if not about_a_child and not who.unnamed_child(said, text, heard):
        return None
    if weight < 2 and not alone:
        # Words the signs don't know: the second reader may still hear harm in them, but only in words
        # that say something: "year 9 girl" or "ex student, she's 16" (an answer to "who is it?") say who.
        if not who.says_something(said) or heard() < second_reader.THRESHOLD or (everyday.MY_ACCOUNTS.search(said) and not _TOLD.search(said)):
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
        if heard() < (LIGHT_DOUBT if two_stories else LEAVE_DOUBT if _ASKS_LEAVE.search(said) else 0.0):
            return None
    if (everyday.TEACHING.search(said) and not _TOLD.search(said) and not everyday.ONE_CHILD.search(said) and not who.named(text)
            and heard() < second_reader.THRESHOLD):
        return None  # "doing romeo and juliet with y9, the suicide scene is in act 5": a lesson's topic, not a child
    if categories == ("staff conduct",) and _WHAT_IF.search(said) and not _TOLD.search(said):
        return None  # "can a teacher message a pupil on snapchat?" asks what the policy says, not about someone
    urgent = bool(_NOW.search(_NOT_NOW.sub(" ", said))) or ("suicide" in categories and bool(_ACUTE.search(said)))
    urgent = urgent or (any("suicide" in category for category in categories) and bool(_FAREWELL.search(said)))
    return Disclosure(categories, urgent, _about(said, categories))


def any_sign(text: str) -> bool:
    """Whether a message mentions a child and any sign of harm at all, too little to answer as a
    disclosure: it is not kept in plain text (the unanswered-questions log keeps a placeholder)."""
    said = _normalise(text)
    if not who.CHILD.search(said):
        return False
    return any(p is not None and p.search(said) for p in (*_STRONG.values(), *_WEAK.values())) or \
        any(token in _WORDS for token in _TOKEN.findall(said.replace("-", "")))


def _about(said: str, categories: tuple[str, ...]) -> str:
    """Whom the concern is about: the headteacher, another member of staff, or (by default) a child's
    circumstances. A member of staff counts only when the signs point at their conduct."""
    staff_conduct = "staff conduct" in categories
    head = _HEAD.search(said)
    acts = staff_conduct or re.search(r"\b(?:messag|text|touch|hit|grab|snap|follow|kiss|photo|hug|cuddl|lift|gift|secret)\w*", said)
    if head and acts and (staff_conduct or _STAFF.search(said) is None):
        return "headteacher"
    if staff_conduct:
        return "staff"
    return "child"
