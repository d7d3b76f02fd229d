"""Pull the facts the policy turns on out of a staff message: age, relation, platform, device."""
from __future__ import annotations

import re
from typing import Any

from .lexicon import clean

RELATIONS = ("current_student", "ex_student", "parent", "colleague")

_AGE_PATTERNS = (
    re.compile(r"\b(\d{1,2})\s*(?:yo|y/o|y\.o\.?|yrs? old|years? old|year-old|yr-old)\b"), re.compile(r"\b(\d{1,2})\s*-\s*year\s*-\s*old\b"),
    re.compile(
        r"\b(?:she|he|they|who|now|aged|age|turned|turns|just|is|s|re|are|shes|hes|theyre|whos)\s+"
        r"(?:is\s+|s\s+|now\s+|just\s+|(?:d|would|ll|will|might|should) be\s+)?(?:(?:must be|probably|about|around|roughly|maybe|like|at least|over|easily|actually|only|still|really)\s+){0,2}"
        r"(\d{1,2})(?:ish)?\b(?!\s*(?:years?|yrs?|months?|weeks?|days?|hours?|mins?|minutes?|%|pm|am)\s*ago)"
        r"(?!\s*(?:months?|weeks?|days?|hours?|mins?|minutes?|%|pm|am|th|st|nd|rd)\b)"
    ),
)
# "(13 now", "she's 16 these days": a number before "now".
_AGE_NOW = re.compile(r"(?:^|[(,;]|\b(?:is|s|re|are|aged|all))\s*(\d{1,2})\s+(?:now|these days|this year)\b")
# "left us after year 6", "our yr 11s have just had prom and left": a leaver from Year 6 to 11 is under 18
# (the age a Year 11 leaver reaches 18 is two years on), unless years have passed since.
_LEFT_IN_YEAR = re.compile(
    r"\b(?:left|leavers?|leaving|finished|prom)\b(?:\s+\w+){0,4}?\s+(?:after|in|at the end of|from)?\s*(?:year|yr|y)\s*(\d{1,2})\b"
    r"|\b(?:year|yr|y)\s*(\d{1,2})s?\b(?:\s+\w+){0,6}?\s+(?:left|leavers?|prom)\b")
_YEARS_SINCE = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a few|several|many) (?:years?|yrs) ago\b|\bin (?:19|20)\d\d\b|\bback in\b|\bgraduated\b|\buni(?:versity)?\b")
# "ex pupil, 17", "ex student (19)", and typed as a search, "linkedin connect ex student 22 at uni"
_AGE_AFTER_PERSON = re.compile(
    r"\b(?:pupil|student|kid|girl|boy|lad|leaver|child|learner|ex-student|ex student|ex-pupil|ex pupil)s?\s*[,(:-]?\s*(\d{1,2})\b"
    r"(?!\s*(?:years?\s+ago|yrs?\s+ago|months?|weeks?|days?|hours?|mins?|minutes?|times?|%|pm|am|th|st|nd|rd)\b)")
_YEAR_GROUP = re.compile(r"\b(?:year|yr|y)\s*\d{1,2}s?\b")
_UNDER_18 = re.compile(r"\b(?:under|below|younger than|less than|not (?:yet )?(?:over|above|older than))\s*(?:the age of\s*)?18\b|\bunder-18\b|\bminor\b")
_ADULT = re.compile(r"\b(?:over|above|older than)\s*(?:the age of\s*)?18\b|\bleft (?:\w+ ){0,3}at (?:1[89]|[2-9]\d)\b|\b18\s*\+|\b18 or (?:over|older)\b|\badult\b|\bgrown[- ]?(?:up|ups|adults)\b|\b(?:are|re|now|all) adults\b|\b(?:now |n )?(?:at|in) uni(?:versity)?\b(?! (?:open days?|visits?|applications?))"
                    r"|\bin (?:her|his|their) (?:twenties|thirties|forties|(?:20|30|40)'?s)\b|\bnow (?:a |an )?(?:teacher|ta|teaching assistant|colleague|member of staff|trainee teacher|nqt|ect)\b"
                    r"|\b(?:after|since|past|had|celebrated) (?:\w+ ){0,2}(?:her|his|their) 18th\b")
_EX = re.compile(
    r"\bex\s*-?\s*(?:student|pupil|kid|(?:year|yr|y) ?1[0-3]|sixth ?former|6th ?former)s?\b|\bformer (?:student|pupil|tutee)s?\b|\b(?<!year )(?<!years )(?<!yr )(?<!-)old (?:student|pupil|tutee)s?\b"
    r"|\bpast (?:student|pupil)s?\b|\balumn(?:i|us|a)\b|\bleavers?\b|\bgap year\b|(?<!not )\bfinished (?:in |at )?(?:our |the |(?:her|his|their) )?(?:sixth\s*form|6th\s*form|school|(?:year|yr|y) ?1[13]|a-? ?levels?|gcses|btecs?)\b(?! (?:today|tomorrow|next|this|yet))|\b(?:girl|boy|student|pupil|lad) from (?:two|three|four|five|a few|\d) years ago\b|\bfrom (?:the |my |our )?(?:19|20)\d\d (?:year|yr|y) ?\d{1,2}s?\b|\b(?:has|have|had|who|they|she|he|since|and|already|just|now) left\b(?! (?:a |an |the |some |me )?(?:\w+ )?(?:comments?|messages?|notes?|reviews?|voice ?mails?|repl(?:y|ies)|likes?)\b)|\b(?:she|he|they) ?(?:s|ve) left\b|(?<!basically )(?<!practically )(?<!almost )(?<!nearly )(?<!as good as )\bleft\s*(?:[,.!?]|$)"
    r"|\bleft (?:school|(?:the|our|my) school|us|the trust|(?:the|our) academy|(?:our |the )?(?:sixth ?form|6th ?form)|last|in (?:19|20)\d\d|a (?:year|few)|two|three|\d|(?:after )?(?:year|yr|y) ?(?:\d|1[0-3])\b|"
    r"(?:in|at the end of) (?:the )?(?:summer|july|june))|\bused to (?:teach|be in my)|\bi used to teach\b|\bgraduated\b|\buntil (?:she|he|they) (?:moved|left|went)\b"
    r"|\btaught (?:\w+ ){0,7}(?:(?:\d+|two|three|four|five|six|a few|several|some|many) )?(?:years?|yrs) ago\b"
    # "one of my old year sixes", "a lad from my old form group", "a girl from my first ever class", "she's now at uni", "a girl i had in yr 6 is now 15"
    r"|\b(?:my old|from my (?:first(?: ever)?|previous|former)) (?:form|class|tutor group|set|(?:year|yr|y) ?\w+|pupils?|students?|kids)\b"
    r"|\b(?:now|is now|s now|shes now|hes now) (?:at|in|doing|off at) (?:uni|university|college)\b"
    r"|\b(?:girl|boy|lad|man|woman|pupil|student|child|kid)s? (?:i|we) (?:had|taught) (?:in|back in) (?:year|yr|y|reception|nursery)\b(?:[\s,]+\w+){0,6}?[\s,]+(?:who |and )?(?:is |s )?(?:now (?:\d{1,2}\b|at\b)|\d{1,2} now\b)"
)
_CURRENT = re.compile(
    r"\bcurrent (?:student|pupil)s?\b|\bsixth\s*form(?:er)?s?\b|\b6th\s*form(?:er)?s?\b|\b(?:year|yr|y)\s*(?:[7-9]|1[0-3])s?\b|\b(?:upper|lower) (?:sixth|6th)\b|\bpost-? ?16 (?:student|learner|apprentice|resit|course|programme)"
    # "a year 4 keeps messaging me", "yr 5 girl sent a request": a primary pupil now (not "the yr 6 blog", "a yr 4 dad")
    r"|\b(?:a|one of (?:my|our|the)) (?:year|yr|y) ?[1-6]s?\b(?! (?:parent|mum|dad|class|teacher|blog|account|page|group|trip|residential)s?\b)|\b(?:year|yr|y) ?[1-6] (?:girl|boy|lad|pupil|student|child|kid)s?\b"
    r"|\bin (?:one of )?my (?:class|form|set|tutor group|lesson)(?:e?s)?\b|\bmy (?:form|tutor group|class|set)\b|\bstill at (?:school|the school)\b|\bstill (?:a )?(?:student|pupil)\b|\badult learners?\b|\bon our (?:\w+ )?(?:course|adult)"
    # a pupil at another of the trust's schools is still a current pupil of the trust
    r"|\b(?:student|pupil)s? (?:at|in|from) (?:a different|another|one of (?:the|our) other) (?:cmat |trust |mat )?(?:academ(?:y|ies)|schools?)\b"
)
# Left, and back as a student: on a course here now is a current student, whatever their age.
_BACK_AS_STUDENT = re.compile(
    r"\b(?:come|came|coming|gone|went) back (?:to|into|for|and|in)\b(?:\s+(?!visit|see|say|talk|speak|give)\w+){0,5}?\s+(?:sixth\s*form|6th\s*form|course|btec|a\s*levels?|year 1[23])"
    r"|\bback (?:\w+ ){0,4}?(?:in|at|into) (?:our |the )?(?:sixth\s*form|6th\s*form)|\bre-?(?:enrolled|joined)\b|\bnow (?:in|at|doing a course in) (?:our|the) (?:sixth\s*form|6th\s*form)"
    r"|\b(?:doing|on|taking|studying|started|starting) (?:a|an|the) (?:[\w-]+ ){0,3}course (?:at|in|with) (?:our|us\b|the (?:school|academy|sixth|6th))|\b(?:studying|enrolled|a student) (?:at|in|with) (?:our|the) (?:sixth\s*form|6th\s*form)"
    r"|\bstill (?:in|at|doing) (?:our |the )?(?:sixth\s*form|6th\s*form|(?:year|yr|y) ?1[23]|a levels?)|\bold (?:tutee|form|student|pupil)s?(?: of mine)?(?: \(|, )(?:now |still )?(?:in )?(?:year|yr|y) ?\d{1,2}\b"
    r"|\b(?:at|in) (?:the|our) trust'?s? (?:sixth\s*form|6th\s*form)|\bnow (?:in (?:year|yr|y) ?\d{1,2} )?at (?:our|one of our|the trust'?s?) other (?:academ(?:y|ies)|schools?|primary|secondary|high school)")
# A member of staff who left, said without "I" ("left the trust in december, now at…") or of a colleague asked
# for ("a colleague who left the trust in july wants to know…")
_STAFF_LEFT = (r"(?:^|[.,;!?(] ?)left (?:the trust|cmat|cockburn)\b(?!'s| s\b)"
               r"|\b(?:colleagues?|friend|teachers?|tas?|members? of staff)(?: who)?(?: has| had| s)? (?:just |already )?left "
               r"(?:the trust|cmat|cockburn|the academy|us)\b")
_I_LEFT = re.compile(r"\bi(?: ve| have| d| had)? (?:just |already )?left (?:the trust|cmat|cockburn|the academy|the school|my (?:job|post|school)|teaching)\b"
                     rf"|{_STAFF_LEFT}|\b(?:she|he)(?: who)?(?: has| had| s)? (?:just |already )?left (?:the trust|cmat|cockburn|the academy)\b"
                     r"|\bi(?: m| am) (?:now )?retired\b|\bonce i(?: ve| have)? (?:actually )?(?:retired|left)\b")
_YOUNG_CHILD = re.compile(r"\b(?:kids?|child(?:ren)?|primary|reception|nursery|infants?|breakfast club|after[- ]school club)\b")
_STUDENT_SINGULAR = re.compile(r"\b(?:a|one|this|that|the|my|our) (?:of (?:my|our) )?(?:student|pupil|kid|learner)s?\b|\b(?:student|pupil|kid)\b")
_STUDENT_PLURAL = re.compile(r"\b(?:students|pupils|kids|learners)\b")
_PARENT = re.compile(r"\b(?:parent|parents|mum|mums|mom|dad|dads|mother|father|carer|carers|guardian|grandparent|grandma|grandmother|grandad|grandfather|nan|nana|step-?mum|step-?dad|foster carer)s?\b")
# "my cousin's son has just joined my school": the person I talk to is a parent.
_RELATIVE_OF_PUPIL = re.compile(
    r"\b(?:cousin|sister|brother|friend|best friend|mate|neighbour|neighbor|niece|nephew|aunt|uncle|partner|sister in law"
    r"|brother in law|sister-in-law|brother-in-law|godchild|next door|neighbour|neighbor)(?:'s| s)\s+(?:\w+\s+)?"
    r"(?:child|children|son|sons|daughter|daughters|kid|kids|boy|girl|twins|lad|lass)\b"
    r"|\b(?:cousin|sister|brother|friend|mate|neighbou?r|aunt|uncle|partner|governor|colleague|(?:sister|brother)[- ]in[- ]law)s? (?:has|have|has got) (?:a |an |two |\d )?(?:\w+ )?"
    r"(?:child|children|son|sons|daughter|daughters|kid|kids|boy|girl|twins) (?:in|at)\b|\b(?:she|he|they)(?: s| has| have| ve)? (?:also |got |also got )?(?:a |an |two |three |\d )?(?:\w+ )?(?:kids?|child(?:ren)?|sons?|daughters?) (?:in (?:year|yr|y) ?\d|at (?:our|the|this|one of our) (?:school|academ)\w*)|\b(?:her|his|their) (?:kids?|children|sons?|daughters?) (?:go|goes|are|is) (?:to|at|in) (?:one of )?(?:our|the|this) (?:schools?|academ\w*)|\b(?:neighbou?r|friend|mate|cousin|sister|brother)\b[^.?!]{0,40}\b(?:her|his|their) (?:kids?|children|sons?|daughters?)(?: s| is| are) in (?:year|yr|y) ?\d")
# "his mum wants to add me", "her dad messaged me": the parent is the one acting.
_PARENT_ACTS = re.compile(
    r"\b(?:his|her|their)\s+(?:mum|mom|dad|mother|father|parents?|carers?|step-?mum|step-?dad|nan|gran)\s+(?:\w+\s+){0,2}?(?:wants?|asked|added|sent|messaged|follow\w*|request\w*|invit\w*|dm\w*|texted|is|has)\b"
    r"|\b(?:a|an|the|one of (?:the|my|our))\s+(?:mum|mom|dad|mother|father|parent|carer)\s+(?:wants?|asked|has asked|added|has added|sent (?:me )?(?:a )?(?:friend )?request\w*|keeps? (?:adding|requesting)|is (?:trying|asking) to (?:add|follow|connect))\b")
# "an ex-pupil ... her little boy has just started in our nursery": the ex-pupil is now a parent at the trust.
_NOW_A_PARENT = re.compile(
    r"\b(?:her|his|their)\s+(?:little\s+|eldest\s+|youngest\s+)?(?:son|daughter|boy|girl|kids?|child|children|twins|youngest)\s+"
    r"(?:\w+\s+){0,3}?(?:started|starts|joined|(?:is|are|s) (?:now |also |still )?in|goes to|go to|attends?)\b"
    r"|(?<!\bi )(?<!\bwe )\b(?:has|have|s|got)(?:\s+got)?\s+(?:a|an|two|three)\s+(?:little\s+|baby\s+|young\s+)?"
    r"(?:son|daughter|boy|girl|kids?|child|children|twins|baby|little one|toddler)\s+(?:\w+\s+){0,3}?(?:in|at|starting)\b|\b(?:is|s|'s) now (?:a )?(?:parent|mum|mom|dad|carer)s? (?:of|to) (?:a|an|one of|two)\b")  # "(21) is now a parent of a yr 7"
# "a mum from my class", "the dad of a Year 9 pupil": the person is the parent, the pupil only places them.
_PARENT_FROM_OLD = re.compile(r"\b(?:parent|mum|mom|dad|mother|father|carer)s? (?:from|of|in) my old\b")
_PARENT_OF_PUPIL = re.compile(
    r"\b(?:parent|mum|mom|dad|mother|father|carer|guardian)s?\s+(?:from|of|in)\s+(?:(?:a|an|one|my|our|the|this|that)\s+)?"
    r"(?:of (?:my|our) )?(?:[\w-]+\s+){0,2}?(?:class|form|pupils?|students?|child|children|kids?|tutees?|set|tutor group)\b"
    r"|\b(?:pupil|student|child|kid|tutee)(?:'s|s'|s| s)\s+(?:mum|mom|dad|mother|father|parents?|carers?|guardian|family)\b"
    # "a parent of one of my Year 13 musicians", "a Year 12 parent", "one of the yr 10 dads" (not "Year 12 parents' evening")
    r"|\b(?:parent|mum|mom|dad|mother|father|carer)s?\s+(?:from|of|in)\s+(?:(?:one of )?(?:my|our|a|the)\s+)?(?:year|yr|y)\s*\d"
    r"|\b(?:a|an|one|this|that) (?:year|yr|y)\s*\d+\s+(?:parent|mum|mom|dad|mother|father|carer)\b(?!s|'? (?:evening|meeting|consultation))"
    r"|\bof (?:the|our|my) (?:year|yr|y)\s*\d+\s+(?:parents|mums|moms|dads|mothers|fathers|carers)\b(?!'? (?:evening|meeting|consultation))")
# The member of staff has left the trust (not "handed my notice in" or "on maternity leave": still employed).
_LEFT_TRUST = re.compile(
    r"\b(?:i(?: ve| have)? left (?:the trust|cmat|cockburn(?: multi academy)?(?: trust)?|the academy|the school|teaching)|since i left|after i left|i no longer work"
    # "(i moved to a non trust school 2 yrs ago)"
    r"|i(?: ve| have)? moved (?:to|schools to) (?:a |an )?(?:non[- ]?trust|different trust|another trust|independent|private)"
    rf"|{_STAFF_LEFT}"
    r"|i do not work (?:there|for the trust|at the (?:school|academy)) any ?more|(?:i )?retired (?:from|last|in|this|as)"
    r"|once i(?: ?ve| have)? (?:actually )?(?:retired|left|finished (?:at|with|working (?:at|for)) (?:the trust|cmat|the school|the academy))|(?:^|[.,;!?] |\bi(?: ve| have)? )finished (?:at|with|working (?:at|for)) (?:the trust|cmat|the academy|the school) (?:last|in|at the end of|this)\b|(?:when|after|once|if) i (?:retire|leave the trust|leave cmat)"
    r"|i(?: m| am) (?:now )?retired|former (?:teacher|member of staff) (?:at|of|from)"
    # "my placement with the trust finished in december", "since my contract at the school ended"
    r"|my (?:\w+ )?(?:placement|contract|secondment|post|job|employment) (?:with|at|for|in) (?:the trust|cmat|the school|the academy|"
    r"(?:my|our|that|the) (?:old |last )?(?:school|academy)) (?:has |had )?(?:finished|ended|came to an end|is over|was over))"
)
# Asking about the time after they leave: "I'm leaving CMAT in August. After that, can I accept parents?",
# "I leave on 31 August. From 1 September can I…?", "once you've left the trust you can be friends with parents?"
# The member of staff, not a pupil, is the one leaving ("a year 13 leaving in july" is not).
_LEAVING = re.compile(r"\b(?:i(?: m| am)? (?:leaving|resigning|retiring|finishing|moving on)|(?:i|i ll|i will|when i|once i) "
                      r"(?:leave|retire|finish)|i(?: ve| have)? (?:resigned|handed (?:in )?my notice|got a new job)|"
                      r"i finish(?:ing)? (?:at|up|with|work)|my (?:notice|last day|new job)|(?:fixed-? ?term|temporary|maternity cover|"
                      r"supply|my) contract (?:\w+ ){0,2}(?:until|ends?|finishes|runs out))\b"
                      r"|(?:^|[.,;!?] )(?:resigned|leaving|retiring|handed (?:in )?(?:my )?notice)\b"  # "resigned, last day friday"
                      r"|\bonce (?:you(?: ve| have)?|staff have|a teacher has|someone has) left (?:the trust|cmat|the school)")
_AFTERWARDS = re.compile(
    r"\b(?:after (?:that|then|my last day|i(?: ve| have)? (?:go|gone|finish\w*|left|moved on))|after (?:the|my) (?:notice|contract) "
    r"(?:ends|is up|runs out)|once (?:that|it|my contract|the contract|my notice) (?:ends|has ended|is over|finishes|runs out)|from (?:\d{1,2}(?:st|nd|rd|th)? )?(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|next (?:term|year|month))|once (?:i(?: ve| have)?|you(?: ve| have)?|staff have|someone has) "
    r"(?:actually |finally |properly )?(?:left|gone|finished|moved on|retired)|when i(?: ve| have) (?:left|gone|finished)|once i(?: m| am) gone)\b")
_STILL_IN_TRUST = re.compile(r"\b(?:now|still) (?:work|teach|employed)\w* (?:at|for|in|by) (?:another|a different|one of the|the) trust\b"
                             r"|\banother (?:trust|of the trust s|cmat) (?:school|academy)")
# A trust account the staff member runs for school (not "my art account", which is their own).
_TRUST_ACCOUNT = re.compile(r"(?<!my )(?<!my own )(?<!personal )\b(?:school|trust|academy|class|department|dept|faculty|subject|club|team|official|revision|sports?"
    r"|pe|music|science|drama|art|history|geography|maths|english|library|eco|house|year \d+|yr \d+|y\d+|sixth form|nursery|reception|eyfs|early years|choir|ks\d)(?: s)? (?:(?!on |in |at |with |from |via )\w+ )?(?:account|page|insta\w*|twitter|facebook|fb|tiktok|blog|channel|youtube|site|feed|profile|x account)s?\b|\b(?:slt|trust)?[- ]?approved (?:closed |private )?(?:account|page|insta\w*|facebook|fb|blog|channel|(?:facebook |fb )?group)s?\b")
_COLLEAGUE = re.compile(r"\b(?:colleague|colleagues|coworker|co-worker|another teacher|other teachers|member of staff|staff member|(?<!parent )(?<!parent-)governor|trustee"
                        r"|other staff|fellow (?:staff|teachers?)|people i work with)s?\b"
                        r"(?! s (?:\w+ )?(?:daughters?|sons?|kids?|child|children|teens?|nieces?|nephews?)\b)"  # their child
                        # "a colleague is friends with students on snapchat": the students are the other party
                        r"(?!(?: \w+){0,4} (?:friends? with|follow\w*|add\w*|accept\w*|messag\w*|dm\w*|text\w*|snapchat\w*) (?:\w+ ){0,3}(?:students?|pupils?|kids|year ?\d|yr ?\d|sixth formers?|tutees?)\b)")
_PLATFORMS = {name: re.compile(pattern) for name, pattern in {
    "instagram": r"insta(?:gram)?|\big\b",
    "facebook": r"facebook|\bfb\b|messenger",
    "snapchat": r"snap(?:chat)?",
    "tiktok": r"tik\s*tok",
    "twitter": r"twitter|tweet|\bx\.com\b",
    "whatsapp": r"whats\s*app",
    "linkedin": r"linked\s*in",
    "youtube": r"you\s*tube",
    "discord": r"discord",
    "xbox live": r"xbox",
    "email": r"e-?mail|gmail|hotmail|outlook",
}.items()}
# "on my phone" is the device, not the number; "from my phone" / "my number" are the number.
_PERSONAL_PHONE = re.compile(r"(?<!on )\bmy (?:own |personal )?(?:mobile|phone|number|cell)\b|\bpersonal (?:mobile|phone|number)s?\b|\bour own (?:mobile|phone|number)s?\b")
_PERSONAL_EMAIL = re.compile(r"\b(?:my (?:own |personal )?(?:e-?mail|gmail|hotmail))\b|\bpersonal e-?mail\b|\bgmail\b|\bhotmail\b")


# "turns 18 next month", "nearly 18", "will be 18 in june": not that age yet ("accept today or wait?" asks about today);
# "not sure if she's over 18 yet": an age doubted is not known
_NOT_YET = re.compile(r"\b(?:(?:turns?|turning|will be|'?ll be|be) (\d{1,2}) (?:next|in|this|on|at|soon|after|before|tomorrow|tmrw|tmw|2mo?r+o\w*)"
                      r"|(?:nearly|almost|not yet|not quite|when (?:\w+\s+){0,3}?turns?) (\d{1,2})|(?:not sure|unsure|don'?t know|no idea) (?:if |whether )?(?:\w+ ){0,4}?(?:is |s |'s )?(?:over |under |above |below )?(\d{1,2}))\b")
_ONCE_REACHED = re.compile(r"^(?!.*\b(?:accept|add|follow|friend|connect)\w* (?:(?:him|her|them|it) )?(?:today|now|yet|straight away)\b)"
                           r".*?\b(?:after (?:her|his|their) birthday|once (?:she|he|they)|when (?:she|he|they) (?:is|turns|s|has)"
                           r"|(?:then|after that)\b|wait (?:until|till|til)|(?:from|on) (?:her|his|their) birthday|when (?:\w+\s+){0,3}?turns? \d)")


def extract_age(text: str) -> int | None:
    """Return a stated age of the other person (not a year group), if any."""
    lowered = clean(text)
    if not re.search(r"\d", lowered):
        return None  # every age pattern needs a number (most questions have none)
    lowered = _YEAR_GROUP.sub(" ", lowered)
    not_yet = _NOT_YET.search(lowered)
    if not_yet and not_yet.group(3):
        return None
    coming = int(not_yet.group(1) or not_yet.group(2)) if not_yet else 0
    if 5 <= coming <= 99:
        # "...can I accept once she has?" asks about the age she will be; "...can I accept now?" the one she is
        return coming if _ONCE_REACHED.search(lowered) else coming - 1
    for pattern in (*_AGE_PATTERNS, _AGE_AFTER_PERSON, _AGE_NOW):
        for match in pattern.finditer(lowered):
            age = int(match.group(1))
            if 4 <= age <= 99:
                return age
    return None


def extract_facts(text: str) -> dict[str, Any]:
    """Return facts found in the text: age, under_18, relation, platforms, personal_phone, personal_email,
    left_trust, trust_account, known_personally (read by follow-ons as a change to the case), outside_trust."""
    lowered = clean(text)
    facts: dict[str, Any] = {}
    age, doubted = extract_age(text), (found := _NOT_YET.search(lowered)) is not None and found.group(3) is not None
    if age is not None:
        facts["age"] = age
        facts["under_18"] = age < 18
    elif _UNDER_18.search(lowered):
        facts["under_18"] = True
    elif _ADULT.search(lowered) and not doubted:
        facts["under_18"] = False
    elif _left_young(lowered):
        facts["under_18"] = True
    relation = _relation(lowered)
    if relation:
        facts["relation"] = relation
    if relation == "student_unspecified" and "under_18" not in facts and _YOUNG_CHILD.search(lowered):
        facts["under_18"] = True  # "the kids at breakfast club": children, whether still here or not
    platforms = [name for name, pattern in _PLATFORMS.items() if pattern.search(lowered)]
    if platforms:
        facts["platforms"] = platforms
    if _PERSONAL_PHONE.search(lowered):
        facts["personal_phone"] = True
    if _PERSONAL_EMAIL.search(lowered):
        facts["personal_email"] = True
    after_leaving = _LEAVING.search(lowered) and _AFTERWARDS.search(lowered)
    if (_LEFT_TRUST.search(lowered) or after_leaving) and not _STILL_IN_TRUST.search(lowered):
        facts["left_trust"] = True
    if _TRUST_ACCOUNT.search(lowered):
        facts["trust_account"] = True
    if _KNOWN_PERSONALLY.search(lowered):
        facts["known_personally"] = True  # "she's actually my mate from uni": the rules make no exception for it
    outside = _OUTSIDE_TRUST.search(lowered) and not _MOVED_AWAY.search(lowered)
    no_child_here_now = _EX_PARENT.search(lowered) and not _STILL_A_PARENT.search(lowered)  # a parent whose children all left
    if outside or no_child_here_now:
        facts["outside_trust"] = True
    return facts


# "she's actually my mate from uni", "he is my cousin": someone the member of staff knows outside school
_KNOWN_PERSONALLY = re.compile(
    r"\b(?:she|he|they|who)(?: s| is| are| re|'s|'re)? (?:(?:actually|also|really|an?|my|an actual|a real|a proper) )+"
    r"(?:(?:actual|real|best|close|good|old|family) )?(?:mate|friend|pal|cousin|sister|brother|neighbou?r|relative|aunt(?:ie)?|uncle|"
    r"niece|nephew|(?:sister|brother)-in-law)s?\b|\bwe (?:were|went) (?:at|to) (?:school|uni|college|sixth form) together\b"
    r"|\b(?:mate|friend|pal)s? from (?:uni|school|college|before|way back)\b")
_WHAT_IT_NAMES = re.compile(r"\b(?:polic(?:y|ies)|it|the rules?|the clause)\b(?: \w+){0,3} (?:mentions?|names?|says?|covers?|is about|talks about|"
                            r"refers to|lists?) (?:\w+ ){0,2}(?:parents?|carers?|pupils?|students?|children|kids)"
                            r"(?: (?:and|or|&) (?:parents?|carers?|pupils?|students?|children|kids))?\b")
# "messaged me from his mum's account": the child is in contact; the parent only owns the device
_ON_A_PARENTS_DEVICE = re.compile(r"\b(?:from|on|using|via|off) (?:his|her|their) (?:mum|mom|dad|mother|father|parent|nan|gran|grandma)"
                                  r"(?:'s| s|s)? (?:account|phone|profile|mobile|number|ipad|tablet|laptop|e-?mail|facebook|whatsapp)\b")
_NOT_THE_PARENT = re.compile(r"\b(?:not|rather than|instead of) (?:the |her |his |their |a )?(?:mum|mom|dad|parent|mother|father|carer)s?\b")
# "a dad whose kids all left years ago", "an ex-parent": once a parent, no child at the trust now
_EX_PARENT = re.compile(
    r"\b(?:ex|former|old)[- ]parents?\b|\b(?:parent|mum|mom|dad|mother|father|carer)s? (?:whose|of (?:a|an|the)) (?:\w+ ){0,2}"
    r"(?:kids?|sons?|daughters?|children|child|boys?|girls?|pupils?|students?) (?:\w+ ){0,2}(?:left|have left|has left|moved on|finished)\b"
    r"(?! (?:in|at) (?:the )?(?:end of )?(?:year|yr) ?\d)"
    r"|\bparents?\b[^.?!]{0,60}\b(?:their|her|his) (?:only )?(?:child|kid|son|daughter|children|kids) (?:has |have )?(?:all )?left\b(?! (?:her|his|their|a|an|some|my) )"
    r"|\bnot a parent (?:here|at (?:our|the|this) (?:school|trust|academy)) any ?more\b|\b(?<!she s got )(?<!shes got )(?<!he s got )(?<!hes got )(?<!she has )(?<!he has )no (?:siblings|brothers or sisters|other (?:kids|children)) (?:still )?(?:here|at ours|with us|at (?:the|our) (?:school|academy))\b")
# "...but his sister is still in year 4": a parent of the trust's communities after all
_STILL_A_PARENT = re.compile(r"\b(?:still (?:has|have|got) (?:a|one|another)|younger (?:one|brother|sister|son|daughter|child)|"
                             r"(?:brother|sister|sibling)s? (?:is |are )?(?:still )?(?:in|at)|(?:son|daughter|child|kid)s? (?:is |are )?still (?:in|at)|"
                             r"another (?:child|kid|son|daughter) (?:in|at))\b")
# "the yr 9 form tutor", "the teacher of our new yr 7s": a member of staff, named by the year group they teach
_STAFF_OF_A_YEAR = re.compile(r"\b(?:year|yr|y) ?\d{1,2}s? (?:form |class )?(?:tutor|teacher|ta|lead|leader)s?\b(?! groups?\b| time\b| rooms?\b)|\bhead of (?:year|yr)\b"
                              r"|\b(?:teacher|tutor|ta|lead|leader)s? (?:of|for) (?:our |the |my )?(?:new |old )?(?:year|yr|y) ?\d{1,2}s?\b")
# "a kid I taught moved to a school outside the trust": still an ex-student of the trust
_MOVED_AWAY = re.compile(r"\b(?:left|taught|used to|moved|went|(?:was|were) in my|had (?:her|him|them) in)\b")
# "a mum from a primary that isn't in our trust": not one of the trust's school communities
_OUTSIDE_TRUST = re.compile(
    r"\b(?:isn'?t|is not|not|aren'?t|are not|wasn'?t|was not)(?: \w+){0,2} (?:in|part of|one of|from|with) (?:our|the) "
    r"(?:trust|mat|cmat)\b|\boutside (?:our |the )?(?:trust|mat|cmat)\b|\b(?:another|(?:a|an) (?:completely |totally |entirely )?(?:different|diff|separate|other)) (?:trust|mat)\b(?! schools?| academ)|\b(?:none of them|not|never) (?:\w+ )?(?:connected|linked) (?:to|with) (?:any|a|the|our) (?:trust|cmat|mat)(?: schools?| academ\w*)?\b"
    r"|\bnot (?:a|one of (?:our|the)) (?:trust|cmat|mat) schools?\b|\b(?:none of|no) (?:his|her|their) (?:kids|children|sons?|daughters?) (?:are |is |go |goes |attend\w* )?(?:at|to|in) (?:our|the|my|this) (?:school|academy|trust)\b"
    # "her kids go to a school in a diff LA, nothing to do with our MAT"
    r"|\bnothing to do with (?:our|the) (?:trust|mat|cmat|schools?|academ\w*)\b"
    r"|\bschool in (?:a |another |a different |a diff )(?:la|local authority|county|town|area|borough)\b")


def _left_young(lowered: str) -> bool:
    """Left the trust from Year 6 to 11, lately (so under 18 now)."""
    found = _LEFT_IN_YEAR.search(lowered)
    if found is None or _YEARS_SINCE.search(lowered):
        return False
    year = int(found.group(1) or found.group(2))
    return 1 <= year <= 11


def _relation(lowered: str) -> str | None:
    lowered = _STAFF_OF_A_YEAR.sub(" colleague ", _I_LEFT.sub(" ", lowered))  # "the yr 9 tutor", "I left": staff, not a pupil
    lowered = _NOT_THE_PARENT.sub(" ", _ON_A_PARENTS_DEVICE.sub(" ", lowered))  # "not the mum", "from his mum's phone"
    lowered = _WHAT_IT_NAMES.sub(" ", lowered)  # "the policy only mentions parents and children": not who it is either
    if _BACK_AS_STUDENT.search(lowered):
        return "current_student"
    if _RELATIVE_OF_PUPIL.search(lowered) and not _EX.search(lowered) or _PARENT_FROM_OLD.search(lowered):
        return "parent"  # "a parent from my old yr 11 class" is a parent
    if _PARENT_ACTS.search(lowered):
        return "parent"
    if _EX.search(lowered):
        return "parent" if _NOW_A_PARENT.search(lowered) or _EX_PARENT.search(lowered) else "ex_student"
    if _PARENT_OF_PUPIL.search(lowered):
        return "parent"
    if _CURRENT.search(lowered):
        return "current_student"
    if _PARENT.search(lowered):
        return "parent"
    if _COLLEAGUE.search(lowered):
        return "colleague"
    if _STUDENT_PLURAL.search(lowered) and not _STUDENT_SINGULAR.search(lowered):
        return "students_generic"
    if _STUDENT_SINGULAR.search(lowered):
        return "student_unspecified"
    return None
