"""Cues read from the wording of a question: whose account, who did what, what kind of question.

Each cue is a regular expression or a set of stemmed words; `cue_reading.read_cues` evaluates them once.
"""
from __future__ import annotations

import re

from .lexicon import stem

STUDENTISH = ("current_student", "ex_student", "student_unspecified", "students_generic")

MEDIA = (
    r"(?:account|accounts|page|instagram|insta|facebook|fb|twitter|x|tiktok|youtube|channel|blog|site|feed|profile"
    r"|socials?|social media|snapchat|pinterest|post|posts)"
)
OWNER = (
    r"(?:(?:school|department|dept|class|trust|club|subject|academy|faculty)(?:s|\s?'s|\ss)?"
    r"|official|educational|sanctioned|trust-sanctioned|trust sanctioned|departmental|revision|sixth form|year group)"
)
# Subjects and clubs name a trust account only when it is "the/our/my ... account" ("a pupil's art account" is hers).
SUBJECT_OWNER = (
    r"(?:the|our|my)\s+(?:choir|library|house|pta|council|pe|art|music|drama|science|maths|english|history|geography"
    r"|sports|sport|prom|eco|chess)"
)
TRUST_ACCOUNT = re.compile(
    rf"\b{OWNER}\s+(?:\w+\s+)?{MEDIA}\b|\b{SUBJECT_OWNER}\s+(?:\w+\s+)?{MEDIA}\b"
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
PERSONAL_EMAIL_ACCOUNT = re.compile(r"\bmy (?:own |personal )?(?:gmail|hotmail|icloud|email|e-mail)\b|\bpersonal (?:gmail|hotmail|email|e-mail)\b")
PERSONAL_ACCOUNT = re.compile(
    rf"\b(?:my|my own|own|personal|private)\s+{MEDIA}\b|\b(?:her|his|their)\s+(?:account|instagram|insta|facebook|fb|twitter|tiktok|youtube|channel|blog|profile|snapchat)\b|\bpersonal social media\b|\bin my own time\b|\b(?:it'?s|it s|its|it is|that'?s|that s|this is) my (?:own|personal|private) one\b"
    r"|\bmy (?:own |personal )?(?:gmail|hotmail|icloud|email|e-mail)\b"
)
EMAIL_ACCOUNT = re.compile(r"\be-?mail\w*\s+(?:\w+\s+){0,2}?account\b|\b(?:trust|school|work) e-?mail(?: account)?\b")
CONNECT_VERB = (
    r"(?:add|adds|added|adding|follow|follows|followed|following|friend|friends|friended|befriend|connect|connected"
    r"|subscribe|subscribed)"
)
PERSON = (
    r"(?:student|students|pupil|pupils|kid|kids|child|children|ex|former|old|parent|parents|mum|mums|dad|dads|carer"
    r"|year|sixth|them|him|her|tutee|tutees|learner|learners|leaver|leavers)"
)
CONNECT = re.compile(
    rf"\b{CONNECT_VERB}\s+(?:me|back)\b"
    r"|\b(?:follow|follows|followed|following|subscribe|subscribed|connect|connected)\s+(?:with\s+|to\s+|on\s+)?my\b"
    rf"|\bi\s+(?:just\s+)?{CONNECT_VERB}\s+(?:with\s+)?(?:a|an|the|my|our|this|that|one of)?\s*(?:my\s+|our\s+)?{PERSON}"
    rf"|\bi\s*(?:am|m|was|have been|ve been)\s+(?:still\s+|already\s+|just\s+)?(?:following|friends with|connected (?:with|to))"
    rf"\s+(?:\w+\s+){{0,6}}?{PERSON}"
    r"|\b(?:friend|follow|connection)\s+requests?\b"
    r"|\b(?:asked|asks|asking|wants?|wanting|trying|tried|requested|keeps? trying)\s+to\s+(?:connect|follow|friend|add|subscribe)\b"
    r"|\baccept\w*\b|\b(?:be|stay|become|remain)\s+(?:facebook\s+|fb\s+)?friends\b|\b(?:have|has|had|ve)\s+(?:all\s+|now\s+|just\s+|also\s+)?(?:subscribed|followed)\b(?!\s+(?:to\s+)?(?:the|a|an|this|that|his|her|their|our|its)\b)"
)
I_CONNECT = re.compile(
    rf"\bi\s*(?:am|m|was|have been|ve been|still|just|already)?\s*(?:still\s+|already\s+|just\s+)?"
    rf"(?:following|follow|followed|friends with|connected (?:with|to)|added|friended)\s+(?:\w+\s+){{0,6}}?{PERSON}"
)
ENGAGE_CHILD = re.compile(
    r"\b(?:play|playing|game|gaming|chat|chatting|chats|talk|talking|hang out|messages?|messaging|dms?|snaps?|snapping|texts?|texting)"
    r"\s+(?:online\s+)?(?:\w+\s+){0,2}?with\s+(?:a|an|the|my|our|one of (?:my|our)|some(?: of (?:my|our|the))?|a few of (?:my|our|the))?"
    r"\s*(?:(?:pupil|student|kid|child|tutee)s?|(?:year|yr|y) ?\d{1,2}s|(?<=a )(?:year|yr|y) ?\d{1,2})\b"
)
CONTACT_ME = re.compile(
    r"\b(?:messag|email|e-mail|text|dm|snap|comment|tag|like|repl|contact|sen[dt]|call|rang|ring|whatsapp|wrote|writ"
    r"|mention|request|wish|ask|invit|ping|poke|nudg|call)\w*\s+(?:and\s+\w+\s+)?(?:on\s+|to\s+)?(?:me|my)\b"
    r"|\b(?:got|had|received|get)\s+(?:a|an|some)\s+(?:\w+\s+){0,4}?(?:message|dm|snap|text|email|comment|request)"
    r"|\b(?:message|dm|snap|text|email|comment|voice note)s?\s+from\s+(?:a|an|one of|my|our)\b"
    r"|\b(?:commented|replied|wrote|posted)\b[^.]{0,40}?\b(?:on|under|below)\s+(?:one of\s+)?my\b"
)
THIRD_PARTY = re.compile(
    r"\b(?:colleague|someone|somebody|a man|a woman|an adult|adults|stranger|another teacher|a teacher|member of staff"
    r"|older|brother|sister|boyfriend|girlfriend|people|they)\b"
)
SELF_POST = re.compile(
    r"\b(?:is it|would it be|it is)\s+(?:ok|okay|alright|all right|fine|acceptable|allowed)\s+(?:for me\s+)?to\s+"
    r"(?:post|tweet|share|write|comment|blog|put|upload|vent|moan|rant|mention|promote)\b"
    r"|\bam i allowed to\s+(?:post|tweet|share|write|comment|blog|put|upload|mention)\b|"
    r"\b(?:can|could|should|may|shall)\s+i\s+(?:\w+\s+)?(?:post|tweet|share|write|comment|blog|put|upload|vent|moan|rant|mention)\b"
    r"|\b(?:want|wanted|would like|d like|going|plan|planning|thinking|hoping)\s+(?:to|of)\s+"
    r"(?:post|tweet|share|write|comment|blog|put|upload|vent|moan|rant|mention|promote|advertise|announce)"
    r"|\bi\s+(?:posted|tweeted|shared|wrote|commented)\b|\bwhen i (?:post|promote|share|advertise)\b"
)
ADULT_TO_CHILD = re.compile(
    r"\b(?:adult|stranger|man|woman|someone|somebody|person|guy|colleague|teacher|member of staff)\b[\w\s]{0,40}?"
    r"\b(?:asking|asks|asked|messag\w*|contact\w*|send\w*|chatting|talking|grooming|pressur\w*|meet\w*)\b"
)
CREATE_ACCOUNT = re.compile(
    r"\b(?:make|create|start|set up|setup|open|launch|begin|register|registering|sign up|signing up)\s+(?:for\s+)?(?:a|an|the|our|my)"
    r"\s+(?:new\s+)?[\w\s]{0,25}?(?:account|page|channel|insta|instagram|twitter|tiktok|youtube|facebook|blog|bereal|snapchat|threads|bluesky|pinterest|podcast)\b(?!\s+(?:group|chat|group ?chat|gc)s?\b)"
    # "drama dept wants a tiktok for the production": wanting one is asking to set one up
    r"|\b(?:dept|department|faculty|team|club|school|class|we|pta)\s+(?:wants?|would like|needs?)\s+(?:a|an|its own|their own|our own)\s+"
    r"(?:new\s+)?(?:\w+\s+)?(?:account|page|channel|insta|instagram|twitter|tiktok|youtube|facebook|blog)\b"
)
GIVE_OUT_PERSONAL = re.compile(
    r"\b(?:give|giving|gave|share|sharing|hand|handing|pass|passing)\s+(?:out\s+)?(?:them\s+)?my\s+(?:own\s+|personal\s+)?"
    r"(?:e-?mail|number|mobile|phone|whatsapp)"
    r"|\bso (?:they|parents|pupils|students|families) can (?:contact|reach|call|text|email|message) me\b"
)
WHY_POLICY = re.compile(r"\bwhy (?:was|is|do we have|have we got|does the trust have|did the trust write) (?:this|the|a) (?:social media )?policy\b")
FEATURED = re.compile(
    r"\b(?:appear|appearing|feature|featured|featuring|interviewed|interview|quoted|speak|speaking)\s+(?:in|on|for|to)\b"
)
WHICH_PLATFORMS = re.compile(
    r"\b(?:which|what)\s+(?:specific\s+|particular\s+)?(?:sites|platforms|apps|websites|services|examples)\s+(?:are|does|do|is)\b"
)
WHICH_KIND_OF_USE = re.compile(
    r"\b(?:personal|private)\s+(?:use\s+)?(?:or|vs|versus)\s+(?:professional|trust|sanctioned|work|school|educational)\b"
    r"|\b(?:professional|trust|sanctioned|work|school|educational)\s+(?:use\s+)?(?:or|vs|versus)\s+(?:personal|private)\b"
)
# "is my private Instagram treated the same as the school's official account?": how the two kinds of use differ
TREATED_ALIKE = re.compile(r"\b(?:personal|private|own)\b[^.?!]{0,40}\b(?:treated|counted|judged) (?:\w+ )?(?:the )?same (?:as|way as)\b"
                           r"[^.?!]{0,20}\b(?:school|trust|official|work|class)")
ASKS_TO_CONNECT = re.compile(
    r"\b(?:can|could|should|may|shall)\s+i\s+(?:\w+\s+)?(?:accept|add|follow|friend|connect|let)\b|\baccept or\b|\bto accept\b"
)
DECLINED = re.compile(r"\b(?:declined|ignored|blocked|refused|rejected|deleted|didn'?t accept|did not accept|not accepted)\b")
GROUP_CHAT = re.compile(r"\b(?:group chat|groupchat|whats ?app group|snapchat group|snap group|messenger group|discord server|team chat"
    r"|(?:chat|message|messaging|online|social media|private|secret|facebook|fb|instagram|insta|tiktok|telegram|signal|gaming"
    r"|game|xbox|playstation|\w+app) groups?)\b")
ENGAGE_THEM = re.compile(
    r"\b(?:play|playing|played|game|gaming|games|chat|chatting|hang out|hanging out)\s+(?:online\s+)?(?:\w+\s+)?with\s+(?:him|her|them)\b"
)
EDUCATIONAL = re.compile(r"\b(?:educational|class|classroom|school|department|work|teaching|trust|sanctioned|official)\b")
TO_ME = re.compile(r"\b(?:connect|follow|add|friend|subscribe)\w*\s+(?:with\s+|to\s+)?me\b")
DEFINITION = re.compile(
    r"\b(?:definition|defined|define|count as|counts as|classed as|class as|within the polic)"
    r"|\b(?:is|are)\s+(?:\w+\s+){1,5}?(?:a|an|classed as)\s+social\s+(?:networking|network|media)\s+(?:application|app|site|platform)"
)
OTHER_POLICY = re.compile(
    r"\b(?:equalit\w*|equal opportunit\w*|discriminat\w*|acceptable use|aup|safeguarding polic\w*|it polic\w*)"
)
POSTED_ABOUT = re.compile(
    r"\b(?:posted|posting|posts|wrote|writing|commented|commenting|shared|sharing|tweeted)\b[\w\s']{0,40}?"
    r"\babout\s+(?:a|an|the|our|my|one of|his|her|their)\b"
)
# Replying in public to put a school matter right: "reply and explain what actually happened", "stick up for her"
RECORD_STRAIGHT = re.compile(r"\b(?:(?:set|put)(?:ting)? the record straight|explain (?:what (?:actually |really )?happened|why (?:we|the school|the head))"
                             r"|stick(?:ing)? up for|defend\w*|correct (?:the facts|her|him|them|people)|(?:i|we) know what (?:really|actually) "
                             r"happened|(?:give|tell) (?:my|our|the school'?s?) side)\b")
# Passing on the school's own posts: "like the school's posts", "share the trust's news"
SCHOOLS_OWN_POSTS = re.compile(r"\b(?:lik(?:e|ing)|shar(?:e|ing)|retweet\w*|repost\w*|re-?shar\w*) (?:all )?(?:the |our )?(?:official )?(?:school|trust|academy)"
                               r"(?:'s| s|s)? (?:own |official )?(?:(?:page|account|channel)(?:'s| s)? )?(?:posts?|tweets?|news|updates?|stories|videos?)\b")
# A request that also carries a message ("added me and sent a message saying...") is contact too.
MESSAGE_CONTENT = re.compile(r"\b(?:saying|said|says|asking (?:about|for|if|whether|me)|messag\w*|dm\w*|wrote|texted|voice note)\b")
GROUP = re.compile(r"\b(?:group|groups|club|chat|page|community)\b")
# "I'd like my class to..." is a wish, not "like my post": read it as "want" before the contact cues.
WISH = re.compile(r"\b(?:i|we)\s+(?:d|would|should)\s+(?:like|love)\b")
# A class, form, tutor or year group is a set of pupils, not a group chat.
PUPIL_GROUPS = re.compile(r"\b(?:form|tutor|year|teaching|reading|intervention|nurture|ability|friendship|age)\s+groups?\b")
EMAILING = re.compile(r"\be-?mail\w*\b")
SOCIAL_WORDS = re.compile(
    r"\b(?:social|instagram|insta|facebook|fb|twitter|tiktok|youtube|snapchat|blog|page|channel|feed|post|posts|tweet)\b"
)
WORK_ACCOUNT = re.compile(r"\b(?:my |the |our )?(?:school|work|trust|academy|official)\s+account\b")
# "who do I tell?", "does it need reporting?": the staff member asks what to do with something that happened.
REPORT_ASK = re.compile(
    r"\bwho (?:should|do|must|would|shall) i (?:tell|report|inform|speak to|go to|pass (?:it|this) to)\b"
    r"|\b(?:need|have|got) to (?:report|tell (?:someone|anyone|the dsl))\b|\bneeds? reporting\b|\bshould i report\b"
    r"|\b(?:anything|something) (?:else )?(?:i|we) (?:have|need|must|should) (?:to )?do\b|\bdo i need to do anything\b"
)
# Posts that mention the trust or the school: the trust's reputation.
POSTS_ABOUT_TRUST = re.compile(
    r"\b(?:posts?|comments?|tweets?|posting|commenting|tweeting|writing|write)\b[\w\s]{0,30}?"
    r"\b(?:mention\w*|about|related to|relating to|refer\w* to|naming|name)\s+(?:the|my|our)\s+(?:trust|school|academy|workplace|employer)\b"
)
VIRTUAL_WORLD = re.compile(r"\b(?:virtual|online|gaming|game|3d)\s+worlds?\b|\bmetaverse\b|\bworlds? like\b")
APPLIES_TO_ME = re.compile(
    r"\b(?:does|do|would|will)\s+(?:this|the|our|that)\s+(?:social media\s+)?(?:polic(?:y|ies)|rules|stuff|guidance)\s+(?:\w+\s+)?"
    r"(?:apply|applies|cover|covers|include|includes)\s+(?:to\s+)?(?:me|us|her|him|them|people like me|someone like me|staff like me"
    r"|volunteers?|governors?|supply|agency|contractors?|support staff|trainees?|students? teachers?)\b"
)
# "Is there a policy on dress?" asks about another topic: answer only when the staff member's own words
# name this policy's subject.
OTHER_TOPIC = re.compile(
    r"\b(?:is there|do we have|have we got|what(?:'s| is| s)? the|does the trust have)\s+(?:a |an |any )?(?:trust(?:'s| s)?\s+|school(?:'s| s)?\s+)?"
    r"(?:\w+\s+)?polic(?:y|ies)\s+(?:on|about|regarding|covering|for)\s+(?!social|online|the internet|internet)\w"
)
# A request to connect is a connection (the friend/follower rule), not a message to report.
CONNECTION_REQUEST = re.compile(
    r"\b(?:friend|follow|follower|connection|snap|add)\s+requests?\b"
    r"|\b(?:add|adds|added|adding|follow|follows|followed|following|friended|subscribed)\s+(?:to\s+)?me\b"
    r"|\b(?:allowed|ok|okay|fine|alright|safe)\s+to\s+(?:just\s+)?(?:accept|add|follow|friend|approve)\b"
    r"|\bsent me a request\b|\brequest(?:ed|ing)? to (?:follow|see|view|join|add|connect)\b"
)
# Who is doing what to whom: pupils following, reading, replying to or making things for their learning
# act on third parties; the friend/follower and reporting rules are about someone connecting with ME.
_PUPILS = (
    r"\b(?:pupils?|students?|class|classes|kids|children|geographers|historians|scientists|year \d+s?|sixth formers?"
    r"|learners|tutees|team|squad)\s+"
)
PUPILS_ACT = re.compile(
    _PUPILS + r"(?:(?:to|will|could|can|should|would|want to|wants to|are going to|need to|have to|must|would like to"
    r"|d like to|would love to)\s+(?:\w+\s+)?"
    r"(?:follow|read|watch|research|analyse|analyze|study|use|make|create|reply|respond|comment|post|tweet|blog|vlog"
    r"|contact|message|interview|share|record|film|explore|investigate|look at|search|set up|run|design|produce|edit"
    r"|exchange|swap|send|collaborate|communicate|talk to|chat with|video call|debate|upload|present|publish|build)"
    r"|(?:follow|read|watch|research|analyse|analyze|study|make|create|explore|investigate)s?)\b"
)
# "my Year 9s want to follow some authors": pupils connect with third parties, not with me.
PUPILS_FOLLOW_OTHERS = re.compile(
    _PUPILS + r"(?:(?:to|will|could|can|should|would|want to|wants to|are going to|need to|have to|must|would like to"
    r"|d like to|would love to)\s+)?(?:follow|add|subscribe to|connect with|friend)\s+(?!me\b|my\b|us\b|our\b|back\b)\w+"
)
# Curriculum words: subjects, qualifications and units of work signal learning.
CURRICULUM = re.compile(
    r"\b(?:gcse|a[- ]levels?|btec|t[- ]levels?|ks[1-5]|key stage|epq|unit|module|topic|scheme of work|assignment|fieldwork"
    r"|enquiry|media studies|politics|citizenship|computing|geography|history|science|english|maths|music|drama|art"
    r"|pshe|rshe|re|business studies|sociology|psychology|economics|languages?|french|spanish|german)\b"
)
# Definitional questions about the names the policy uses.
NAME_QUESTION = re.compile(
    r"\babbreviat\w*|\bacronyms?\b|\bstands? for\b|\bshort for\b|\breferred to as\b|\bcalls? the trust\b"
    r"|\bwhat (?:is|are|does) (?:the )?(?:mat|cmat)\b"
)
IT_NAME = re.compile(r"\b(?:its|it services|cmat its|it department|it team)\b")
# Separation of accounts: "keep my class account apart from my personal one".
# ...and a school page made from a personal profile: "a second page hanging off my personal Facebook".
SEPARATE = re.compile(r"\b(?:apart|separate|separated|separately|distinct|mix|mixing|merge|merging|same account|one account|combine"
                      r"|hang\w* off|attached to|off the back of|second (?:page|account|profile)"
                      r"|under my (?:own |personal )?(?:profile|account|name)|run (?:it )?(?:from|through|off) my)\b")
# What a class account does: homework, revision, reminders, resources. Posting these on a personal account
# is a question about keeping a separate educational account.
CLASS_ACCOUNT_WORK = re.compile(
    r"\b(?:homework|revision (?:tips|notes|resources|videos|posts)|reminders?|lesson resources|class (?:updates|news|resources)"
    r"|announcements?)\b|\binstead of (?:making|setting up|creating|opening|starting) (?:a |an )?(?:new|separate|second|another"
    r"|class|school|work|department)\b"
)
# "SLT have approved it": the question is about what comes after approval.
ALREADY_APPROVED = re.compile(
    r"\b(?:slt|head|headteacher|leadership|they|we)\s+(?:have|has|had|\w+ve)\s+(?:already\s+)?(?:approved|agreed|signed (?:it )?off|said yes)"
    r"|\b(?:has|have|got|with|given)\s+(?:slt\s+|full\s+)?(?:approval|sign-?off|the go-?ahead)\b|\bapproved by (?:the )?slt\b"
    r"|\bslt (?:have|has) (?:said yes|given)|\bslt-approved\b|\bnow approved\b"
    r"|\b(?:has|have|was|were|s|is|got|been)\s+(?:now\s+|already\s+|just\s+)?(?:been\s+)?(?:approved|signed off|given the go-?ahead)\b"
)
# Someone other than SLT said yes to an account: "my subject leader okayed it", "HoD has signed it off".
WRONG_APPROVER = re.compile(
    r"\b(?:head of (?:department|dept|faculty|year|subject)|hod|subject leader|subject lead|line manager|my manager|curriculum lead)"
    r"\b(?:\s+\w+){0,3}?\s+(?:approved|okayed|ok'?d|signed (?:it )?off|agreed|said yes|says yes|is happy|was happy|gave (?:it )?the go)"
    r"(?=[^.?!]*\b(?:account|page|channel|blog|insta\w*|twitter|tiktok|youtube|facebook|fb)\b)")
# Where the account shows it is official: its bio, description or profile.
OFFICIAL_MARK = re.compile(
    r"\b(?:bio|description|profile|about (?:section|page|tab)|header|info section)\b"
    r"|\bshow(?:s|ing)?\s+(?:people\s+)?(?:it|that it|that the account)\s*(?:is|s)?\s+(?:an?\s+)?(?:official|sanctioned|genuine|legit)"
)
# The law, whatever the privacy setting: legislation still applies.
LEGAL_TROUBLE = re.compile(
    r"\b(?:legal trouble|trouble with the law|sued|sue me|prosecut\w*|defamation|defamatory|libel\w*|slander|court|the law"
    r"|illegal|data protection|gdpr|copyright|legislation|laws?|legally|contempt)\b"
)
PRIVATE_SPACE = re.compile(
    r"\b(?:private|friends[- ]only|locked|closed|secret|anonymous|only my friends|only friends|close friends|hidden)\b"
)


# Terms are stemmed, so compare with stems ("learning" is "learn", "message" is "messag").
LEARNING = stem("learning")
MESSAGE = stem("message")
TALK_WORDS = frozenset(stem(w) for w in ("dm", "message", "chat", "comment", "text", "groupchat", "reply", "like"))
PURPOSE_WORDS = frozenset(stem(w) for w in ("purpose", "purposes", "aim", "aims", "point", "objective"))
PURPOSE_TOPICS = (
    (frozenset(stem(w) for w in ("legal", "sue", "lawsuit", "liability")), "purpose.legal_risk"),
    (frozenset(stem(w) for w in ("reputation", "governor", "governors")), "purpose.reputation"),
    (frozenset(stem(w) for w in ("safeguard", "safeguarding", "child", "safe")), "purpose.safeguard"),
    (frozenset(stem(w) for w in ("distinguish", "distinguishable", "representative", "official", "legitimately", "confusion",
                                 "confused", "mistook", "mistaken", "genuine", "fake", "real")), "purpose.distinguish_official"),
)
HARM_WORDS = frozenset(
    stem(w) for w in ("abuse", "abusive", "bully", "bullying", "bullied", "blackmail", "blackmailing", "threat", "threatening",
                      "groom", "grooming", "nude", "nudes", "sexual", "sexualised", "intimate", "extort", "sextortion",
                      # said about a child by others: "a rude meme about a named child", "nasty comments about a year 7"
                      "rude", "nasty", "cruel", "vile", "humiliate", "humiliating", "mocking", "insult", "insulting", "racist")
)
NAMING = frozenset(stem(w) for w in ("name", "named", "tag", "caption", "label"))
IDENTIFYING = frozenset(stem(w) for w in ("location", "identifying", "address", "birthday"))
GROUP_OF_CHILDREN = frozenset(
    stem(w) for w in ("choir", "team", "class", "squad", "cast", "players", "winners", "group", "year", "band", "orchestra")
)
COMMENT_WORDS = frozenset(stem(w) for w in ("comment", "comments", "reply", "replies", "abuse", "troll"))
OFF_TONE = frozenset(stem(w) for w in ("opinion", "humour", "personallife", "meme"))
# Campaigning and politics on a trust account: not solely professional content.
CAMPAIGNING = re.compile(
    r"\b(?:petition\w*|politic\w*|campaign\w*|protest\w*|strike|strikes|government|party political|vote for|lobby\w*|boycott\w*)\b"
)
# The parents' own group or chat is not a trust account, even when it is "for the class".
PARENTS_OWN = re.compile(
    r"\b(?:their|the parents(?: s|'s?)?|parents(?: s|'s?)?|a parent(?: s|'s?)?|the class parents(?: s|'s?)?)\s+(?:own\s+)?(?:\w+\s+)?"
    r"(?:group|groups|chat|page|whatsapp|forum)\b"
)
# "yr 9s keep sending me friend requests", "can a sixth former follow my art insta": a pupil asks to connect (no invite, no family)
PUPIL_ASKS = re.compile(r"^(?!.*\binvit)(?=.*\b(?:friend (?:requests?|req)|friended|follow(?:ed|s|ing)? (?:me|my)|add(?:ed|s)? (?:me|her|him) as a friend|(?:stay|be|been|are) friends)\b)")
A_FAMILY = re.compile(r"\b(?:parents?|carers?|mums?|dads?|mothers?|fathers?|guardians?|famil(?:y|ies)|(?:her|his|their) (?:little )?"
                      r"(?:daughter|son|kid|child|children|boy|girl|lad)s?)\b")
