"""Does a message disclose or describe harm, or a risk of harm, to a child? Pure, offline, no I/O.

Staff rarely say "safeguarding": they say "a year 9 has cuts on her arms", "dad turned up drunk
to collect her", "she's got a 22 year old boyfriend". `read` looks for signs of harm in the
categories of Keeping Children Safe in Education (abuse, neglect, self-harm and suicide,
eating disorders, sexual images, grooming and exploitation, radicalisation, FGM and forced
marriage, a missing child, domestic abuse, a child who is afraid to go home...), about a child,
and says whether a child may be in danger right now and whether the concern is about a member of
staff. It is tuned to miss nothing: when in doubt it is a disclosure, and the reply that follows
says "tell the DSL", which is never wrong about a child at risk.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# ---- who: a child (or a pronoun in a school context) ---------------------------------------
_CHILD = re.compile(
    r"\b(?:kids?|child(?:ren)?|pupils?|students?|girls?|boys?|lads?|teens?|teenagers?|toddlers?|babies|baby|"
    r"sons?|daughters?|(?:step|grand)?(?:son|daughter)|nephews?|nieces?|tutees?|learners?|minors?|"
    r"young (?:person|people|carer)|sixth ?formers?|6th ?formers?|reception(?: kids?| child)?|nursery|"
    r"year ?\d{1,2}s?|yr ?\d{1,2}s?|y\d{1,2}s?|\d{1,2} ?(?:yr|year)s?[ -]?olds?|\d{1,2}yo|"
    r"(?:my|our|the) (?:form|class|set|tutor group|group|team)|in (?:my|our) (?:form|class|tutor group|set)|"
    r"\d{1,2}[a-z]{1,3}\b|one of (?:my|our|the)\b|(?:she|he)(?:'?s| is| was) (?:only )?\d{1,2}\b)")
_PRONOUN = re.compile(r"\b(?:she|he|her|him|his|they|them|their|hes|shes)\b")

# ---- what: signs of harm, by category ------------------------------------------------------
_SIGNS: dict[str, str] = {
    "physical abuse": (
        r"\b(?:hits?|hitting|hit (?:her|him|them|me)|beat(?:s|en|ing)? (?:her|him|them|up)|punch(?:es|ed|ing)?|"
        r"kick(?:s|ed|ing)? (?:her|him|them)|slap(?:s|ped|ping)?|smack(?:s|ed|ing)?|strangl\w*|chok(?:e|ed|es|ing) (?:her|him)|"
        r"burns? (?:on|marks?)|cigarette burns?|bruis\w*|black eye|belt marks?|marks on (?:her|his|their) (?:neck|arms?|legs?|back|face)|"
        r"(?:hurts?|hurting|hurt) (?:her|him|them|me|mummy|mum|mom)|physically (?:abus\w*|hurt\w*)|"
        r"threw (?:something|a \w+) at (?:her|him)|grab(?:s|bed)? (?:her|him) by|pinch(?:es|ed)|shak(?:e|es|en|ing) the baby|"
        r"injur(?:y|ies|ed) (?:that )?(?:don'?t|do not|doesn'?t) add up|explanations? (?:don'?t|do not|doesn'?t) add up)"),
    "sexual abuse": (
        r"\b(?:sexual(?:ly)?|sex with|had sex|having sex|rap(?:e|ed|ing)|molest\w*|touch(?:ed|es|ing)? (?:her|him|them) "
        r"(?:inappropriately|down there|under)|touch(?:ed|es|ing)? (?:her|his|their) (?:private|bum|chest|breasts?)|"
        r"private parts?|down there|inappropriate(?:ly)? touch\w*|keep(?:s|ing)? secrets?|our (?:little )?secret|"
        r"secret (?:game|games)|rude (?:videos?|pictures?|photos?|games?)|porn\w*|adult (?:videos?|films?|content)|"
        r"sexualis\w*|sexualiz\w*|indecent|flash(?:ed|ing)|expos(?:ed|ing) himself|upskirt\w*|"
        r"described (?:stuff|things) no|knows? (?:too much|things) (?:about sex|no \w+ year old))"),
    "emotional abuse": (
        r"\b(?:emotional(?:ly)? abus\w*|calls? (?:her|him) (?:stupid|useless|worthless|fat|ugly)|"
        r"(?:locked|locks|shut|shuts) (?:her|him|them) in|(?:scared|terrified|frightened|afraid) of (?:her|his|their) "
        r"(?:dad|mum|mom|father|mother|stepdad|step dad|stepmum|step mum|uncle|brother|parents?|carers?)|"
        r"screams? at (?:her|him)|humiliat\w*|controlling)"),
    "neglect": (
        r"\b(?:neglect\w*|same (?:clothes|shirt|uniform|jumper|top)|smells?(?: really| quite| very)? (?:bad|awful|of wee|of urine)|"
        r"(?:really|always|constantly) (?:hungry|dirty|smelly)|hungry|no food (?:at home|in the house)|nothing to eat|"
        r"asking (?:the others|other kids|for) (?:for )?food|steal(?:s|ing)? food|food from (?:the )?bins?|"
        r"(?:no|without a) coat in|dirty (?:clothes|uniform)|head lice|nits (?:again|all the time)|rotten teeth|"
        r"left (?:home )?alone|home alone|looking after (?:her|his|their) (?:little|younger|baby)|not (?:been )?collected|"
        r"nobody (?:picked|came to collect)|no one (?:picked|came to collect)|unwashed|hasn'?t (?:eaten|washed))"),
    "self-harm": (
        r"\b(?:self[- ]?harm\w*|cut(?:s|ting)? (?:herself|himself|themselves|themself)|cuts (?:on|up) (?:her|his|their) "
        r"(?:arms?|legs?|wrists?|thighs?)|fresh cuts|scars on (?:her|his)|burn(?:s|ing)? (?:herself|himself)|"
        r"hurt(?:s|ing)? (?:herself|himself|themselves)|razor|blades? in (?:her|his) (?:bag|pencil case|room))"),
    "suicide": (
        r"\b(?:suicid\w*|sucid\w*|kill (?:herself|himself|themselves|themself|myself)|end (?:it all|(?:her|his|their) life)|"
        r"want(?:s|ed)? to die|wants? to be dead|better off dead|not (?:want|wanting) to (?:be here|live|be alive)|"
        r"(?:doesn'?t|don'?t|didn'?t) want to (?:live|be alive|be here any ?more)|jump(?:ing)? off|overdos\w*|"
        r"swallow(?:ed|s)? (?:a (?:load|lot|bunch) of )?(?:pills|tablets|paracetamol)|took (?:a (?:load|lot) of )?"
        r"(?:pills|tablets|paracetamol)|note (?:saying|about) (?:goodbye|ending)|goodbye (?:note|message)|no reason to live)"),
    "eating disorder": (
        r"\b(?:anorexi\w*|bulimi\w*|eating disorder|making (?:herself|himself) sick|makes (?:herself|himself) sick|"
        r"throw(?:s|ing)? up after (?:lunch|meals|eating)|lost (?:loads of|a lot of|so much) weight|not eating|stopped eating|"
        r"skipping (?:meals|lunch)|starv(?:e|es|ing) (?:herself|himself))"),
    "sexual images": (
        r"\b(?:nudes?|naked|topless|explicit (?:pic\w*|photos?|images?|videos?|messages?)|send (?:him |her |them )?pics|"
        r"(?:sexual|intimate|indecent|dirty) (?:pic\w*|photos?|images?|videos?|selfies?)|sexting|sextort\w*|"
        r"deep ?fake|fake nudes?|blackmail\w*|threaten(?:s|ed|ing)? to (?:share|send|post) (?:a |the )?(?:video|photos?|pics?))"),
    "grooming": (
        r"\b(?:groom(?:ed|ing)?|older (?:boy ?friend|man|men|guy|lads?|girlfriend|woman)|'?boyfriend'? (?:who'?s|whos|is|aged) "
        r"(?:\d{2}|in his \d0s)|boyfriend (?:is|who'?s) (?:much )?older|met (?:him|her|them|someone|a man|a guy) online|"
        r"(?:man|adult|guy|someone) (?:she|he) met (?:online|on \w+)|(?:gift ?cards?|gifts|presents|money) from (?:an? )?"
        r"(?:older|adult|man|stranger)|buys? (?:her|him) (?:things|presents|stuff|a new)|bought (?:her|him) (?:a new|an?|new)|"
        r"(?:wants|asked for|asking for) (?:her|his|their) (?:address|number|location)|meet (?:up )?in (?:real life|person)|"
        r"(?:sending|keeps sending) (?:him|her) (?:gift|money|presents)|picks? (?:her|him) up (?:in his car|after school)|"
        r"told (?:her|him|them) not to tell|secret (?:relationship|account|chat)|don'?t tell (?:your|anyone))"),
    "exploitation": (
        r"\b(?:county lines|exploit\w*|drug (?:dealing|runn\w*|debt)|dealing|running drugs|carry(?:ing)? (?:drugs|a knife|weapons?)|"
        r"(?:wads|rolls|loads) of (?:cash|money)|new trainers|expensive (?:trainers|clothes|phones?)|two phones|second phone|"
        r"older (?:lads|boys|men) (?:picking|pick)|going (?:up )?to (?:the coast|other towns|london)|gang\w*|"
        r"missing (?:from (?:home|care|school)|overnight|for (?:days|the night))|cuckoo\w*)"),
    "radicalisation": (
        r"\b(?:radicali[sz]\w*|extremis\w*|swastika|nazi\w*|far[- ]right|white power|race war|jihad\w*|isis|"
        r"terroris\w*|prevent (?:thing|referral|concern)|sending them (?:all )?back|hate (?:group|speech)|"
        r"bomb(?:s|ing)? (?:the|a|our)|kill (?:all|the) (?:muslims|jews|immigrants))"),
    "fgm": (
        r"\b(?:fgm|female genital|cut(?:ting)? (?:ceremony|down there)|become a woman|becoming a woman|"
        r"special (?:party|ceremony|procedure) (?:in|abroad|back home)|(?:nan'?s|family'?s|grandma'?s) country)"),
    "forced marriage": (
        r"\b(?:forced (?:to )?marr\w*|forced marriage|(?:marry|marrying|married off|engaged to) (?:a |an |her |his |some|an older)|"
        r"arranged marriage|honou?r[- ]based|honou?r (?:violence|crime|killing)|shame on the family|dishonou?r)"),
    "missing": (
        r"\b(?:missing|run away|ran away|running away|hasn'?t (?:come|been) home|not (?:come|been) home|didn'?t come home|"
        r"didn'?t go home|nobody knows where (?:she|he) is|no one knows where (?:she|he) is|can'?t find (?:her|him))"),
    "domestic abuse": (
        r"\b(?:domestic (?:abuse|violence|incident)|police (?:came|were called|round)|(?:dad|daddy|mum|mummy|stepdad|"
        r"step dad|boyfriend|partner) (?:hurt|hits?|hit|beats?|beat|pushed|strangled|threatened|screams? at) "
        r"(?:mum|mummy|mom|dad|daddy|her mum|his mum)|fighting at home|(?:shouting|screaming|fights) at home|"
        r"(?:mum|dad|parents?) (?:fight|fighting|argue|arguing) (?:all the time|every night))"),
    "parental substance misuse": (
        r"\b(?:drunk|stinking of (?:booze|alcohol|drink)|smell(?:s|ed|ing)? of (?:alcohol|booze|drink|weed|cannabis)|"
        r"off (?:his|her|their) (?:face|head)|high on|takes? drugs|taking drugs|on drugs|using drugs|slurring|"
        r"(?:mum|dad|parents?) (?:drinks?|drinking) (?:all the time|every day|a lot))"),
    "young carer": (
        r"\b(?:young carer|looking after (?:her|his|their) (?:mum|dad|mom|mother|father|parents?|little|younger|baby)|"
        r"(?:cares|caring) for (?:her|his|their) (?:mum|dad|mom|mother|father|parents?))"),
    "homelessness": (
        r"\b(?:homeless\w*|sofa[- ]?surf\w*|kicked (?:him|her|them) out|nowhere to (?:go|sleep|stay)|"
        r"(?:hasn'?t|has not) got any?where to (?:go|sleep|stay)|sleeping (?:in a car|rough|on the streets?|in a tent)|"
        r"living with a family friend|nobody from the council)"),
    "underage sex or pregnancy": (
        r"\b(?:pregnant|pregnancy|abortion|morning after pill|sleeping with (?:a|an|her|his)|"
        r"(?:relationship|sex|sleeping) with (?:a|an) (?:\d{2}|older|adult|grown))"),
    "peer abuse": (
        r"\b(?:upskirt\w*|sexual(?:ly)? harass\w*|forced (?:her|him) to|(?:group|gang) of (?:boys|lads|girls) (?:cornered|grabbed|touched)|"
        r"threaten(?:s|ed|ing)? to (?:stab|kill|beat|hurt|batter|jump)|stabb?(?:ed|ing)?|knife|weapon|jumped (?:her|him) "
        r"after school|being bullied|bullied)"),
    "afraid to go home": (
        r"\b(?:(?:doesn'?t|don'?t|didn'?t|does not|do not|won'?t) want to go home|scared to go home|afraid to go home|"
        r"frightened to go home|won'?t go home|refus\w+ to go home)"),
    "disclosed": (
        r"\b(?:disclos\w*|(?:told|tells|telling) me (?:something|about home)|said something (?:worrying|about home)|"
        r"something (?:worrying|concerning) about home|safeguarding (?:concern|issue|thing|matter|question)|"
        r"is (?:this|it|that) (?:a )?safeguarding|child protection (?:concern|issue)|at risk|being abused|abus(?:e|ed|ing|ive))"),
}
_SIGN_PATTERNS = {category: re.compile(pattern) for category, pattern in _SIGNS.items()}

# Categories that are about a child by their nature (no separate "child" word needed).
_ABOUT_A_CHILD = {"fgm", "forced marriage", "young carer", "afraid to go home", "self-harm", "suicide",
                  "eating disorder", "grooming", "exploitation"}

# ---- when: a child may be in danger right now ----------------------------------------------
_NOW = re.compile(
    r"\b(?:right now|now\b|at the moment|currently|just now|this minute|as we speak|immediately|"
    r"locked (?:herself|himself|themselves) in|on the roof|on a (?:bridge|ledge)|in the car right|"
    r"(?:swallowed|took|taken) (?:a (?:load|lot|bunch) of )?(?:pills|tablets|paracetamol)|overdos\w*|bleeding|unconscious|"
    r"not breathing|can'?t breathe|slurring|collapsed|has a knife|got a knife|with a knife|gun|"
    r"(?:is|are) (?:missing|gone)|hasn'?t come (?:home|back|to school) (?:since|today)|missing since|"
    r"(?:flight|flying|leaving|going) (?:is )?(?:tonight|today|tomorrow|this (?:afternoon|evening|weekend))|"
    r"at the (?:school )?gate|outside (?:the )?school|waiting (?:for (?:her|him) )?outside|on (?:his|her|their) way)")
# Helpers say "now" a lot ("what do I do now"); these do not make it urgent.
_NOT_NOW = re.compile(r"\b(?:what (?:do|should) i do now|what now|now what|now (?:she|he|they)(?:'s| is| are)? \d|"
                      r"is now|are now|now (?:in|at) year|now (?:18|19|20|21))\b")

# ---- who is it about: a member of staff or the headteacher ----------------------------------
_STAFF = re.compile(
    r"\b(?:(?:a|one of (?:the|our|my)|another) (?:teachers?|colleagues?|members? of staff|staff members?|tas?|"
    r"teaching assistants?|supply teachers?|coach(?:es)?|caretakers?|volunteers?|lunchtime supervisors?|"
    r"dinner ladies|support staff|cover supervisors?|technicians?)|(?:mr|mrs|miss|ms|sir) [a-z]+ (?:has|is|keeps|was|"
    r"messaged|touched|sent|hit|grabbed|shouted)|my colleague|a coworker|co-worker|(?:teacher|colleague|member of staff|"
    r"staff member|ta|coach) (?:has been|is|keeps|was|who)|(?:teacher|colleague) (?:messag|text|dm|snap|touch|hit)\w*)")
_HEAD = re.compile(r"\b(?:the |our |my )?(?:head ?teacher|head of school|principal|headmaster|headmistress|the head)\b"
                   r"(?! of (?:year|department|dept|maths|english|science|pe|music|art|history|geography|re|drama|"
                   r"sixth form|house|faculty|key stage|ks\d))")
_HEAD_ACTS = re.compile(r"\b(?:is|has|keeps|was|has been|messaged|touched|sent|hit|grabbed|texted|dm'?d|dms|"
                        r"shouted|told|asked)\b")


@dataclass(frozen=True)
class Disclosure:
    categories: tuple[str, ...]
    urgent: bool  # a child may be in danger right now: call 999 first
    about: str = "child"  # child | staff | headteacher: who the concern is about (who must be told)


def read(text: str) -> Disclosure | None:
    """The signs of harm to a child in a message, or None when there are none."""
    said = _normalise(text)
    if not said:
        return None
    found = tuple(category for category, pattern in _SIGN_PATTERNS.items() if pattern.search(said))
    if not found:
        return None
    child = bool(_CHILD.search(said)) or (set(found) & _ABOUT_A_CHILD and bool(_PRONOUN.search(said)))
    if not child and not (set(found) & _ABOUT_A_CHILD):
        return None
    urgent = bool(_NOW.search(said)) and not _only_idle_now(said)
    return Disclosure(found, urgent, _about(said))


def _about(said: str) -> str:
    head = _HEAD.search(said)
    if head and _HEAD_ACTS.search(said[head.end():head.end() + 40]):
        return "headteacher"
    return "staff" if _STAFF.search(said) else "child"


def _only_idle_now(said: str) -> bool:
    """True when every "now" in the message is a turn of phrase ("what do I do now", "is now 15")."""
    return not _NOW.search(_NOT_NOW.sub(" ", said))


def _normalise(text: str) -> str:
    said = (text or "").lower().replace("’", "'").replace("‘", "'")
    return " ".join(said.split())
