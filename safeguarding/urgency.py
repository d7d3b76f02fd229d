"""When a concern told to the bot means a child may be in danger right now: "Call 999" comes first, before
the designated person for Child Protection. Pure, offline, no I/O. Used by `disclosure.read`, on the message in
everyday words (`everyday.normalise`) and the categories of harm found in it."""
from __future__ import annotations

import re

from .signs_beyond import CANT_FIND_CHILD, GONE_SINCE_LUNCH, HEAD_COUNT_SHORT, NOT_BACK_AFTER

# a parent drunk or high: "off her face", "smells of alcohol"
_DRUNK = r"(?:drunk|off (?:his|her|their) face|smell\w* (?:strongly )?of (?:alcohol|drink|booze|weed)|stinks? of (?:alcohol|drink|booze|weed))"

_NOW = re.compile(
    r"\b(?:right now|just now|rn\b|at the moment|currently|this minute|as we speak|immediately|(?:is|are|s|re) (?:there |outside |here )?now[.!?]|"
    r"(?:is|are|s|re) (?:there|outside|here|at the (?:gate|fence|door)) (?:right )?now\b|(?:taken|taking (?:her|him|them)|flying|fly) to the airport|"
    r"locked (?:herself|himself|themselves) in|locked in (?:at home|the house|the flat|a house)|passports? (?:(?:has|have) been |was |were |s been )?"
    r"(?:taken|hidden|confiscated)|standing on|on (?:the|a) (?:\w+ ){0,5}(?:roof|bridge|ledge)|"
    r"(?:swallowed|took|taken?) (?:about |around |like |nearly |over |maybe |at least )?(?:all (?:of )?|a (?:load|lot|bunch|handful|couple|few|packet|box|bottle|strip|pack) (?:of )?|loads of |some |several |\d+ )?(?:(?:her|his|their) (?:mum|dad|mam|nan|gran|mother|father)'?s |her |his )?(?:pills|tablets|paracetamol|meds)|"
    r"taken them all|overdos\w*|bleeding|just (?:grabbed|hit|punched|slapped|smacked|whacked|thumped|battered|choked|kicked|slammed|shoved|pushed|attacked|threw|strangled|dragged|yanked|shook) (?:him|her|them|his|their|a|the|one)\b|(?:a lot of|lots of|so much|loads of|covered in|pool of) blood|unconscious|not breathing|can'?t breathe|slurring|collapsed|"
    r"(?:has|got|with|holding) a (?:knife|gun|weapon|blade)|(?:is|are) (?:missing|gone)(?! (?:\w+ ){0,3}(?:lessons?|periods?|classes|school|sessions|registration|days|a lot))|missing since|(?:hasn'?t|has not|not|haven'?t|have not) been seen since|"
    r"(?:tonight|this evening|(?<!hours )(?<!hour )(?<!days )(?<!weeks )(?<!minutes )(?<!mins )later)|(?:will|'ll|going to|gonna|is|are|being|plans? to|meeting|meet) (?:\S+ ){0,5}this afternoon|"
    # something planned for straight after school: a meeting with someone met online, a fight with a weapon
    r"(?:meet\w*|jump\w*|fight|stab\w*|blade|knife|knuckle|weapon|get (?:him|her|them)|waiting for (?:him|her|them))\b[^.?!]{0,90}\bafter school\b"
    r"|\bafter school\b[^.?!]{0,60}\b(?:meet\w*|jump\w*|fight|stab\w*|blade|knife|knuckle\w*|weapon)|(?:when|once|as soon as) (?:he|she|they) (?:gets?|goes|go) home|\b(?<!enough )(?:to|will|gonna|going to) (?:[^\s.?!,]+ ){0,8}today|"
    r"(?:not|isn'?t|wasn'?t|hasn'?t been) (?:(?:in|at) (?:school|class|lessons?)|in) today|hasn'?t (?:come in|turned up|arrived)(?: today)?|"
    r"at (?:the )?reception|in the reception area|(?:'s|'re|\b(?:is|are|waiting|standing|sitting|sat|parked|hanging (?:around|about)|turned up|arrived|pulled up)) (?:\S+ ){0,3}(?:in|at|by|near|outside) (?:the )?(?:car park|gates?)|(?:in|at) (?:the )?(?:car park|gates?) (?:now|right now)|(?<!be )locked in (?:a|the|her|his|their) \w*room|"
    r"(?:she|he|they) got in(?:to)?\b(?! (?:trouble|touch|school|class|late|bed|the habit))|"
    r"outside (?:the )?(?:school|gates?)|on (?:his|her|their) way|it'?s (?:\d{1,2} ?(?:am|pm|o'?clock)|\d{1,2}[:.]\d\d)|"
    r"(?:isn'?t|is not|not) answering|(?:run|ran) (?:out|off)(?! (?:\w+ ){0,2}(?:on (?:mon|tues|wednes|thurs|fri|satur|sun)day|last (?:night|week|weekend)|at the weekend|yesterday))|(?:gone|went|run|ran|wandered|walked|driven|drove|driving|taken|took|taking|left)\b[^.?!]{0,30}\boff site|(?:is|'s|are|'re|now) off site|didn'?t come back|won'?t come down|"
    r"(?:flight|flying|leaving|taken|going) (?:to the airport|abroad|out)? ?(?:tonight|today|tomorrow)|"
    r"(?:\d+|a few|five|ten|fifteen|twenty|thirty|forty|a couple of) ?min(?:ute)?s? ago|(?:in|within|(?:given|gave) (?:her|him|them)) (?:an|one|two|\d+) (?:hours?|hrs?\b)|(?:in|within) (?:about |around |roughly |like |maybe )?(?:\d+|five|ten|fifteen|twenty|thirty|a few|half an) ?(?:min(?:ute)?s|hour)\b|(?:flight|flying|fly(?:ing)? out|flies out) (?:\S+ ){0,6}(?:tonight|today|tomorrow|this (?:afternoon|evening|morning))|at the airport|(?:get|getting|put) on a (?:plane|flight)|"
    r"(?:didn'?t|hasn'?t|has not|never|not) (?:come|came|gone|got|been) (?:back )?home|phone(?:'?s| is) (?:off|dead)|"
    r"(?:side|back) gate|out (?:of )?the (?:school |front |main |side |back )?gates?|not back in|runs? (?:towards|into|onto) (?:the )?roads?|can'?t find (?:him|her|them)|" + CANT_FIND_CHILD + r"|searched the|(?:rope|ligature|belt|cord|scarf|string|lead|tie|shoe ?lace|lace|cable|wire|charger|lanyard)s? (?:\w+ ){0,2}(?:round|around) (?:his|her|their) neck|(?:grabbed|pulled|took|picked up|got hold of) a (?:knife|gun|blade|machete)|holding (?:it|a \w+|the \w+) (?:to|against) (?:\w+ ){0,3}(?:neck|throat)|(?:is|are|'s) (?:at home |home )?(?:on (?:her|his|their) own|alone|by (?:herself|himself|themselves))(?: at home)? (?:today|now|right now)|never (?:came|come) back|"
    r"\b(?:shot)?gun\b|\brifle\b|firearm|(?:bomb|explosive|knife|machete|weapon)s?\b[^.?!]{0,60}\bbring\w* (?:it |them |one )?(?:in(?:to)?|to) (?:school|class)|(?:too )?scared to get (?:out|off)\b|(?:rung|rang|called|messaged|texted|emailed|phoned) (?:me|us|the office|her \w+|his \w+) from|in a hotel|"
    r"(?:'?s|has|have|they'?ve|is) just (?:come|arrived|turned up|shown up|left|pulled (?:up|in|away)|driven (?:off|away)|gone off)|"
    r"(?:is|are|s|re) (?:getting|being (?:put|pushed|dragged)) in(?:to)? (?:the |a |his |her |their )?(?:car|van|taxi)?|"
    r"(?:'?s|has|have) just (?:got|gone|climbed|jumped) in(?:to)? (?:a |the |his |her |their |one|an )(?:\w+ )?(?:car|van|taxi|one)?\b|"
    r"(?:he|she|they)(?:'?s| is| are) (?:pushing|driving|taking|carrying|dragging)(?![^.?!]{0,50}\b(?:(?:this|next) (?:weekend|week|month)|"
    r"tomorrow|at (?:easter|half ?term|christmas)|in the (?:holidays|summer)))|out of the gates?|"
    r"gone (?:\d{1,2} ?(?:pm|am|o'?clock)|midnight)|i'?m (?:still )?(?:parked |stood |standing |sat )?outside|can'?t see (?:any|an) (?:adult|parent)|"
    r"(?:drive|driving) (?:them|him|her) (?:home|away)|wouldn'?t wake|won'?t wake|couldn'?t wake|can'?t wake|barely conscious|semi-?conscious|passed out|"
    # a weapon at the door, someone following a child, a child hiding, a door locked on a child, a child being taken to a car now
    r"with a (?:baseball bat|bat|hammer|crowbar|machete|axe|knife|gun|weapon|blade)|(?:man|someone|somebody|stranger|guy|bloke) (?:has been |is |was |keeps )?following (?:her|him|them)|(?:she'?s|he'?s|they'?re|is|are) hiding (?:in|under|behind)|"
    r"locked the door|been in there (?:for )?(?:ages|a while|a long time|\d+ min)|(?:heading|walking|going) (?:for|to|towards) (?:the|his|her|their|a) (?:car|van)|trying to (?:get|take|put|pull|drag) (?:her|him|them|(?:his|her|their|the) (?:son|daughter|child|kids?|children|boy|girl)) (?:in|out )?to (?:his|her|their|a|the) (?:car|van)|"
    r"(?:hasn'?t|has not|haven'?t|have not|not) (?:seen|heard from) (?:her|him|them) since|just (?:watched|saw|seen) (?:a|the|her|his|their) (?:dad|mum|man|woman|parent|adult)|"
    # "she was whispering that he's smashing up the house and she's hiding in the bathroom"; "dad is outside in the car"
    r"hiding (?:in|under|behind) (?:the |her |his |their |a |my )?(?:bathroom|bedroom|room|wardrobe|cupboard|bed|toilet|loo|shed)|"
    r"(?:call|phone|rang|ringing)[^.?!]{0,40}whisper\w*|outside in (?:the|a|his|her|their) (?:car|van)|(?:waiting|sat|sitting|parked) in (?:the|a|his|her|their) (?:car|van) outside\b|(?:burn\w*|scald\w*|broken|fractur\w*|wound|gash)\b[^.?!]{0,60}\bin agony|going away (?:\S+ ){0,3}today|"
    # gone from class since lunch with the gate open; a child on their own in the street; a floppy baby in a hot car
    rf"{GONE_SINCE_LUNCH}|"
    # a deadline within the hour; a child lost on a trip now; an assault going on; into a car with men; a weapon and this afternoon
    r"(?:in|within) the next (?:hour|\d+ (?:min(?:ute)?s|hours?)|few (?:min(?:ute)?s|hours))|(?:we'?ve|we have|i'?ve|i have|they'?ve) lost (?:a |one |an )?(?:\w+ ){0,2}(?:boy|girl|child|pupil|student|kid|y\d+|yr ?\d+|year ?\d+)\b|"
    r"(?:are|'re) (?:kicking|punching|stamping on|beating|hitting|battering|strangling|choking) (?:him|her|them)\b|"
    # gone missing now, and how long the search has gone on: "a yr 8 has gone missing on the trip, been looking 20 mins"
    r"(?:^|[.?!])(?:(?!times?\b|twice|again|before|often|regularly)[^.?!])*?(?:has|have|'s|'ve) gone missing\b"
    r"(?![^.?!]{0,60}\b(?:times?|twice|before|again|often|regularly|this (?:week|month|year|term)|last (?:week|month|year|term)|lessons?|periods?|from (?:class|lessons?|school)))|"
    r"(?:been )?(?:looking|searching) (?:for (?:her|him|them) )?(?:for )?(?:\d+|a few|five|ten|fifteen|twenty|thirty|forty|half an) ?(?:min(?:ute)?s|hours?)\b|"
    + NOT_BACK_AFTER + r"|"
    r"(?<!seen )(?<!been )(?<!keeps )(?<!keep )(?:getting|get|got) in(?:to)? (?:a|the|their|his|an?) (?:\w+ )?(?:car|van) with(?![^.?!]{0,80}\b(?:times?|again|every|regularly|later|weekends?|most)\b)|"
    r"this afternoon\b[^.?!]{0,60}\b(?:knife|blade|machete|gun|weapon)|(?:knife|blade|machete|gun|weapon)\b[^.?!]{0,120}\bthis afternoon|"
    r"(?:gate|fire door|side door|back door) (?:\S+ ){0,4}(?:was|is|were|left) (?:wide )?open|(?:on (?:his|her|their) own|(?:found|is|was|wandering|walking) (?:\S+ ){0,4}alone) (?:on|in|at|by) (?:the )?"
    r"(?:high street|street|road|park|shops|bus stop|town|canal|river)|(?<!went )(?<!gone )floppy|unresponsive|no (?:adult|parent|carer|grown[- ]up)s? (?:anywhere|around|in sight|about)|"
    # held somewhere, a strap in a hot car, someone blocking the door, a man who has just come in
    r"(?:men|man|guys|lads|they|people)(?: \w+){0,3} (?:won'?t|will not|wont|aren'?t|are not) let(?:ting)? (?:him|her|them|me) (?:leave|go)(?=\s*(?:[.,;!?]|$|and\b|now\b|until\b|till\b))|(?:strapped|sat|sitting|locked|left|alone|on (?:his|her|their) own|by (?:himself|herself)) (?:\w+ ){0,3}in (?:a|the|her|his|their) "
    r"(?:\w+ )?car\b[^.?!]{0,40}\b(?:hot|roasting|boiling|windows up)|(?:(?:he|she|they|dad|mum|man|someone)(?:'s| is| are|'re)?|shouting and) blocking the (?:door|doorway|exit|gate)|(?:is|'s) outside (?:shouting|screaming|banging|kicking off)|"
    r"(?:adult|man|woman|stranger|someone|somebody|dad|mum|he|she|parent) just (?:came|walked|barged|forced (?:his|her|their) way) in\b|"
    # a parent who "can't go on" and will "take the boys with her"
    r"(?:can'?t|cannot|can not) go on\b[^.?!]{0,60}\btake (?:the (?:kids|children|boys|girls)|them|him|her) with (?:her|him)\b|"
    # someone on their way to take a child ("dad rang shouting he's coming to take the kids himself", "her uncle is coming at
    # home time to take her to 'the place'"); a door being kicked in; a child gone off now, or gone to meet an adult at lunch
    r"(?:coming|on (?:his|her|their) way|turn(?:ing|ed)? up) (?:\S+ ){0,5}to (?:take|get|collect|snatch|grab|pick up) (?:the (?:kids|children|boys|girls)|"
    r"(?:her|his|their) (?:kids|children|son|daughter|boy|girl)|her|him|them)\b|"
    r"(?:kicking|smashing|banging on|breaking down|trying to (?:break|kick) (?:down|in)?) (?:the |her |his |their |our )?(?:front |back |bathroom |bedroom )?doors?\b|"
    r"(?:bunk\w*|skip\w*|skiv\w*|leav\w*|sneak\w* out of|miss\w*) (?:\S+ ){0,3}(?:last lesson|period \d|lunch|this afternoon|school early) to (?:meet|see|go)|"
    r"(?:going|go|gone) (?:back )?out (?:\S+ ){0,3}(?:at|after) (?:lunch|break)\b|"
    r"(?:she|he|they)(?:'?s| is| are|'re)? at (?:a |the )?(?:train|bus|coach|railway) station\b|(?:hasn'?t|has not|not) been (?:back|home) since|last seen (?:\S+ ){0,6}(?:last night|yesterday)|"
    r"(?:wasn'?t|was not|not|isn'?t|is not) (?:on the (?:school )?bus|in registration|at registration|in (?:form|tutor) (?:time|room))|"
    # happening while they tell it: "it's been going on for ten minutes", "you're hurting me"
    r"(?:been )?going on for (?:\d+|ten|twenty|five|fifteen|a few|half an) (?:min\w*|hours?)|you'?re hurting me|"
    r"(?:pulled|dragged|pushed|bundled|forced|grabbed) (?:her|him|them|(?:a|the|her|his|their) \w+) (?:in)?to (?:a|the|their|his|an) (?:car|van)|"
    # the one who hurt them collects them today; nobody has come at the end of the day; a parent gone and still not back
    r"(?:today|tonight) after school|after school (?:today|tonight)|(?:is|s|'s) (?:the one )?(?:picking|collecting) (?:her|him|them)(?: up)? (?:today|tonight|later|after school|at \d{1,2}\b)|(?:nobody|no ?one) has (?:come|turned up) (?:for|to collect|to pick)|(?:has|have|is|are|'s) (?:been )?left (?:\w+ ){0,4}(?:in|inside) (?:a|the|his|her|their|mum'?s|dad'?s) (?:\w+ )?(?:car|van)\b|for the (?:last|past) (?:half an hour|hour|\d+ (?:min\w*|hours?)|(?:ten|fifteen|twenty|thirty|forty) min\w*)|(?:drink|drinks) (?:was |were |got |has been |had been )?spiked|\bshe (?:doesn'?t|does not) know where she is|\bhe (?:doesn'?t|does not) know where he is|\bthey (?:don'?t|do not) know where they are|it'?s (?:half|quarter) (?:past|to) (?:\w+)\b|(?:mum|dad|parents?|mother|father)(?:'s| is| are| s)? still not (?:back|home)|"
    # about to happen, or the danger still there: "about to drive off with her 2 toddlers", "the man is still in there",
    # "left her 3yo home on his own to come to this meeting"
    r"about to (?:drive|drive off|leave|go|take (?:them|him|her)|slip (?:off|away|out)|sneak (?:off|away|out)|run (?:off|away)|disappear|do a runner)\b|(?:is|'s|are|'re) still (?:in there|there|in the (?:toilets?|building|car park))|still got (?:him|her|them) (?:locked )?in there|"
    r"left (?:her|his|their|my|the) (?:\w+ )?(?:\d+ ?(?:yo|year old|yr old)|baby|toddlers?|kids?|children|son|daughter) (?:at )?home "
    r"(?:on (?:his|her|their) own|alone|by (?:himself|herself|themselves))|"
    # gone, now, to meet an adult she met online ("she's gone to meet a man who's picking her up")
    r"(?:(?:'?s|has|have|is|are) (?:just )?(?:gone|going|left|run off|on (?:her|his|their) way)|(?:she|he|they) (?:just )?(?:went|left|snuck out)) to meet (?:up with )?(?:a|an|some|this|that|the) "
    r"(?:older )?(?:man|men|guy|bloke|adult|stranger|someone|person|boy ?friend|lad) (?![^.?!]{0,60}\b(?:next|tomorrow|at the "
    r"weekend|this (?:weekend|saturday|sunday)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|in the holidays))|"
    # the one who put them at risk coming back for them today; children alone at home for days; abuse still going on
    # online; a parent threatening to kill himself with the child at home; an attack planned for home time
    r"coming (?:back )?(?:in )?to (?:collect|pick (?:\w+ )?up|get) (?:\w+ )?(?:at \d{1,2}\b|later|after school|at home ?time|today|tonight)|"
    r"(?:on (?:their|his|her) own|alone|by (?:themselves|himself|herself)) (?:(?:in|at) (?:the |a |their |his |her )?(?:flat|house|home) )?since (?:(?:last )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|the weekend|yesterday|last night|this morning|\d)|neither of (?:them|the \w+) (?:is|are|was|were) in today|"
    r"(?:it'?s|its|it is|(?:she|he|they)(?:'?s| is| are|'re)) still (?:going(?: on)?|happening|live|on (?:the )?(?:call|stream|live))\b|"
    r"(?:threaten\w*|going|wants?) to (?:kill|hurt|end) (?:himself|herself|themselves|it all)[^.?!]{0,80}\b(?:(?:is|'s|s|are|'re) (?:at )?home with (?:him|her|them)|"
    r"with (?:him|her|them) (?:now|at home|right now))|"
    r"(?:attack\w*|revenge|fight|jump\w*|stab\w*|weapons?|knives?|knife)\b[^.?!]{0,60}\b(?:at|after|before) home ?time\b|"
    # in the words of staff writing a second language: nobody knows where she is, a child who drank bleach, who ran away
    # over the fence, who is sleeping outside; an angry parent at reception demanding the child now
    r"(?:^|[.?!])(?:(?!moved|absent|off school)[^.?!])*?(?:nobody|no ?one|no-one) knows? where (?:she|he|they) (?:is|are)\b|"
    r"(?<!made to )(?<!makes her )(?<!makes him )(?<!made her )(?<!made him )(?:drink|drank|drunk|drinking|swallow\w*) (?:some |the |a bottle of )?"
    r"(?:bleach|detergent|cleaning (?:fluid|liquid|stuff|product)|antifreeze|poison|weed ?killer)|(?:run|ran|runs|running) away from (?:the )?"
    r"(?:school|class|lessons?)|climb\w* (?:over )?the (?:fence|wall|gate)s?\b|sleep\w* (?:rough|outside|behind|in (?:the|a) (?:park|street|bus shelter))|"
    r"(?:reception|foyer|office)\b[^.?!]{0,20}\b(?:shouting|screaming|demanding)[^.?!]{0,60}\bnow\b|"
    # men collecting a child at 3.15 to take her to a 'party'; a weapon brought in tomorrow; last seen getting
    # into a car; a drunk parent waiting in the car for the children
    r"(?:men|man|guys?|lads?|older \w+|someone|somebody|a stranger|they)(?:'re| are|'s| is) (?:\w+ )?(?:picking|collecting|getting) (?:her|him|them) (?:up )?"
    r"(?:\w+ ){0,4}?(?:at \d|today|tonight|after school|at home ?time)|bring\w* (?:a |his |her |their )?(?:knife|knives|blade|gun|machete|weapon)s? "
    r"(?:in(?:to)?\b|to school)|last seen (?:\w+ )?(?:getting|get|got|climbing) in(?:to)? (?:a|the|an) (?:\w+ )?(?:car|van)|"
    r"waiting (?:outside )?in (?:the|a|his|her) (?:car|van)\b[^.?!]{0,20}\b(?:drunk|high|off (?:his|her) face|raging)|(?:terrified|scared|afraid) to get in(?:to)? (?:the )?(?:car|van)?|"
    # told as it happens: a parent still hitting a child as he drags him to the car, a mother who is not moving, a child
    # alone at home screaming or left there all day, a baby heard screaming through the wall, blood pouring from a wound
    r"still (?:hitting|beating|punching|kicking|slapping|strangling|choking) (?:him|her|them)\b|(?:is|are|'s|'re) (?:dragging|pulling|carrying|bundling|forcing|shoving) "
    r"(?:him|her|them|(?:the|his|her|their) \w+) (?:\w+ )?(?:to|into|towards) (?:the|a|his|her|their) (?:car|van)|"
    r"(?:mum|mummy|mam|mom|mommy|dad|daddy|mother|father|nan|baby|she|he)(?:'s| is| was|s)? (?:not|wasn'?t|isn'?t) moving\b|"
    r"(?:is|are|'s|'re) (?:on (?:her|his|their) own|alone|by (?:herself|himself|themselves)) (?:in the (?:house|flat)|at home)\b[^.?!]{0,30}\b(?:screaming|crying|sobbing|banging)|"
    r"(?:has|have|'s|'ve) been left (?:at )?home (?:alone|on (?:her|his|their) own|by (?:herself|himself|themselves))|"
    r"can hear (?:\w+ ){0,4}(?:screaming|crying|shouting|sobbing) (?:through|from next door|next door)|blood (?:pissing|pouring|gushing|spurting|pumping|everywhere|all over)|"
    # something tied round the neck; a baby at home alone now, a parent who went out and has not come back; a child who
    # just got into a car with men or was pulled into a van; a man in a car at the gate filming the children; a head
    # injury with vomiting
    r"(?:something|anything|it|\w+) tied (?:round|around) (?:his|her|their) neck|(?:baby|toddler|little|younger)(?: \w+){0,2}(?: is | s |'s )(?:still )?(?:at home |home )?"
    r"(?:on (?:his|her|their) own|alone|by (?:himself|herself))|went out (?:\w+ ){0,4}(?:and )?(?:hasn'?t|has not|never|didn'?t|not) (?:come|came) back|"
    r"\bjust (?:got|gone|climbed|climb|get|jumped|jump) in(?:to)? (?:a|the|an|his|their) (?:\w+ )?(?:car|van|taxi)\b|(?:get|got|gets|getting|being|been) (?:pulled|dragged|pushed|bundled|forced|grabbed|snatched) "
    r"(?:in)?to (?:a|the|an|his|her|their) (?:\w+ )?(?:car|van)|(?:man|bloke|guy|stranger|someone|somebody) (?:\w+ ){0,3}(?:sat|sitting|parked|waiting) in (?:a|the|his) (?:\w+ )?(?:car|van) "
    r"(?:by|outside|near|at) (?:the )?(?:\w+ )?(?:gates?|fence|school|playground)|filming (?:the )?(?:kids|children|pupils|girls|boys) through the (?:fence|railings|gates?)|"
    r"(?:lump|bump|swelling|bang|knock|injury|cut) on (?:his|her|their|the) head\b[^.?!]{0,60}\b(?:sick|vomit\w*|drowsy|sleepy|confused|dizzy)|"
    r"(?:hit|banged|smashed|threw|thrown) (?:\w+ ){0,3}(?:head|him|her) (?:\w+ ){0,3}(?:wall|floor)\b[^.?!]{0,60}\b(?:sick|vomit\w*|drowsy|confused|unconscious))|"
    # still going on as they tell it: walking off with the child he is hitting; nobody home for days; nobody can reach a
    # child who said goodbye; not seen since Tuesday; dropped off this morning and not here now; a parent barred by a
    # court demanding the child at the door; a child handed to the wrong adult; a parent who will drive into the river
    r"(?:walking|driving|running|storming|marching) off (?:down|up|along|with|towards|into)\b|"
    r"(?:nobody|no ?one|no-one)(?:'?s| has)? been (?:at )?home since|no (?:grown[- ]?ups?|adults?|parents?|carers?) (?:at home|in the (?:house|flat))|"
    r"(?:\d+ ?(?:yr|year|yo)s?[- ]?old|baby|toddler|little|younger)(?: \w+){0,2}(?: is | s |'s )(?:still )?(?:there |at home |home |in the (?:house|flat) )"
    r"(?:on (?:his|her|their) own|alone|by (?:himself|herself))|"
    r"(?:(?:no ?one|nobody|no-one) (?:can )?|we (?:can'?t|cannot|can not) )(?:reach|get hold of|contact|find) (?:her|him|them)\b(?! (?:mum|dad|parents?|mother|father|family|carers?))|"
    r"(?:not|n'?t) (?:been )?seen (?:her |him |them )?since|(?:parents?|family|carers?|no ?one|nobody) (?:don'?t|dont|doesn'?t|does not|do not) know where"
    r"(?! (?:she|he|they) (?:was|were|went|had|'d))|"
    r"(?:says?|said|swears?|insists?) (?:she|he|they) dropped (?:her|him|them) (?:off|at school)|"
    r"(?:has|have|'s|just) turned up (?:at|outside) (?:the )?(?:\w+ )?(?:door|gates?|reception|office|classroom)|demanding to (?:take|have|collect) (?:the |her |his |their )?(?:child|kids?|little one|son|daughter|baby|her|him|them)\b|"
    r"(?:handed|given|released|let go|sent home|went (?:home|off)|gone (?:home|off)) (?:over )?(?:to|with) (?:the |a |an )?wrong "
    r"(?:adult|person|parent|man|woman|family|car)|asking where (?:she|he|they) (?:is|are)\b|"
    # a parent drunk at pick-up now ("dad's turned up drunk to collect his year 1"), not from last week or every day
    r"(?:^|[.?!])(?![^.?!]*(?:\blast (?:week|night|year|term|month|\w+day)\b|yesterday|\bago\b|earlier (?:this|in)|the other day|parents'? ?evening|always|often|usually|regularly|every (?:day|morning|afternoon|time)))[^.?!]*?(?:\b(?:mum|mam|mom|dad|parent|carer|mother|father|step-?\w+|nan|gran|grandad|partner|boyfriend|uncle|aunt)(?:'s| s| has| is)? (?:just )?(?:turned up|turns up|come|came|here|arrived|is at)"
    r"\b[^.?!]{0,40}?\b" + _DRUNK + r"|\b" + _DRUNK + r"\b[^.?!]{0,40}?\b(?:to collect|to pick|collecting|picking (?:\w+ ){0,2}up"
    r"|at pick ?up|wants? to take|demanding))|"
    r"(?:going to|gonna|will|threaten\w* to|wants? to|says? (?:she|he)'?(?:ll|s going to)) (?:drive|crash|jump|walk|drown) (?:\w+ ){0,3}(?:into|off|in) (?:the |a )?(?:river|sea|canal|lake|cliff|bridge|water)|"
    r"(?:he|she|they)(?:'?s| is| are|'re|re) still (?:there|outside|out there|at the (?:gate|fence|door))\b|"
    # told as it happens, in other words: "she just whispered 'help'", "dragged the little one into the car", "'something
    # big' is going to happen at the mosque on friday… pics of a weapon"
    r"whisper\w* (?:\S+ ){0,2}?'?help\b|(?:dragged|bundled|forced|pushed|shoved|threw) (?:the|his|her|their) (?:\w+ )?(?:one|child|kid|son|daughter|boy|girl|baby) "
    r"(?:in)?to (?:the|a|his|her|their) (?:\w+ )?(?:car|van)\b|something (?:big|bad|huge) (?:is )?(?:going to|gonna|will) happen\b[^?!]{0,120}\b(?:weapons?|guns?|knife|knives|bomb|blade|machete)|"
    # the one she told of picks her up today ("mums picking her up"); nobody home with a small child; a runaway at a
    # stranger's flat; a threat to kill now; a child's message to me in the small hours; seen on Snap Map; gone since
    # yesterday; a group kicking a child now; a little one on the road alone at night or left all weekend; on the train
    r"(?:is|'s|s|are|'re|\Bre) (?:picking|collecting|fetching) (?:him|her|them)(?: up)? (?:\S+ ){0,4}?(?:today|tonight|at \d)|"
    r"no (?:adult|parent|carer|grown[- ]?up)s? (?:is |are )(?:there|home|in)\b|no (?:adult|parent|carer|grown[- ]?up)s? (?:there |home |around )?since\b|"
    r"(?:sleeping|staying) (?:at|in|round) (?:the |a )?(?:\w+ )?(?:flat|house|place) of (?:a|an|some) (?:\w+ )?(?:man|men|adult|stranger|guy|bloke)|"
    r"(?:sleeping|staying) (?:at|in|round) (?:a|an|some) (?:\w+ ){0,2}(?:man|men|guy|bloke|stranger|lad)'?s (?:flat|house|place)|"
    r"(?:sleeping|staying|living) with (?:some |a |an |two |these )?(?:older|grown|adult) (?:\w+ )?(?:guys|men|lads|man|bloke|males)\b|"
    r"(?:'s|s|has|have|'ve|just) (?:run|ran) (?:away|from (?:home|her|his|their|the (?:house|home|placement|unit)))\b|(?:is|'s|are|'re) (?:now )?threatening to (?:kill|stab|shoot)|"
    r"(?:(?:messaged|texted|dm'?d|rang|called|snapped) |sent (?:a |an )?(?:\w+ )?(?:message |snap |dm |text )?(?:to )?)(?:me|my)\b[^.?!]{0,40}\bat (?:midnight|[1-4] ?am|1[01] ?pm)\b"
    r"(?![^.?!]*\blast night)|(?:saw|see|seen|showing|shows) (?:\w+ ){0,3}(?:on|from) snap ?map\b|not (?:been )?in since\b|"
    r"(?:'s|is|are|'re) (?:\w+ ){0,2}in reception (?:right )?now\b|"
    r"(?:a group|a gang|they|some (?:\w+ )?(?:lads|boys|girls|kids|men)|older (?:\w+ )?(?:lads|boys|kids))(?: \w+){0,2} (?:are|'re) (?:kicking|punching|stamping on|hitting|beating|attacking)\b|"
    r"(?:walking|wandering) (?:along|down|up|by) (?:the |a )?(?:main |busy )?(?:road|street|dual carriageway)\b[^.?!]{0,30}\b(?:on (?:their|his|her) own|alone)|"
    r"(?:on (?:his|her|their) own|alone)\b[^.?!]{0,20}\bat \d{1,2} ?pm|left (?:alone|on (?:their|his|her) own|by (?:themselves|himself|herself)) all (?:weekend|week|night|day)|"
    r"(?:we'?re|we are|i'?m|i am) on (?:the|a) (?:\S+ )?(?:train|bus|tram|tube)\b|on the \d{1,2}[:.]\d\d\b|"
    r"(?:kids|children|baby|they)(?: \([^)]{0,60}\))?(?:'re| are| is|'s)? (?:still )?in there\b|"
    # someone at the gate trying to take a child now; what the writer has just walked in on
    r"(?:there'?s|there is) (?:a|an|some) (?:\S+ ){1,5}at the (?:\w+ )?(?:gates?|door|reception|fence)\b|trying to (?:collect|take|pick up|get) (?:\w+ ){0,3}(?:kids|children|child|son|daughter|him|her|them)\b|"
    r"i'?ve just (?:found|caught|walked in on|discovered)\b|"
    # walked out and not back, gone off site just now, an adult shut in with a child, what the writer can hear now
    r"(?:walked|ran|went|gone|stormed) (?:out|off)\b[^.?!]{0,40}\b(?:hasn'?t|has not|not|haven'?t) (?:come|been) back|just (?:left|walked off|gone off|walked out of|run out of|ran out of) (?:the )?(?:site|school|building)\b|"
    r"(?:is|are|'s|'re) in there with (?:a|an|one|the|two|some|a few) |" + HEAD_COUNT_SHORT + r"|(?:i|we) can hear (?:\w+ ){0,4}(?:screaming|crying|sobbing|shouting for help)|"
    # a weapon coming in tomorrow; a stab wound; no adult there; taken somewhere on a train; a threat to kill from outside;
    # a little one home alone now; getting into a car now
    r"(?:bring|tak)\w* (?:a |his |her |their )?(?:knife|knives|blade|gun|machete|weapon)s? (?:\S+ ){0,6}(?:tomorrow|today|tonight)|"
    r"(?:sort\w* out|deal\w* with|attack\w*|bomb\w*|shoot\w* up) (?:the |a |that |those |their )?(?:mosque|synagogue|temple|gurdwara|church|muslims?|jews?|school)\b[^.?!]{0,30}\btoday\b|(?:stab|knife) (?:wound|injury)|"
    r"no (?:adult|parent|carer|grown[- ]?up)s? (?:(?:there|home|at home)\b|in(?:[,.]|$))|(?:doesn'?t|does not|don'?t) know where (?:they'?re|they are|he'?s|she'?s) taking|"
    r"(?:texting|messaging|ringing|calling) (?:me |us )?from (?:a|the) (?:train|bus|car|van)\b|(?:outside|here|at the (?:gate|door|school)) threatening to (?:kill|stab|shoot|hurt)|"
    r"(?:home alone|alone at home|at home alone|home on (?:his|her|their) own) now\b|getting in(?:to)? (?:a|the|his|her|an) (?:\w+ )?(?:car|van) now\b|"
    # gone to an adult's place now; a snap map far away; a break-in with the children hiding; no adult in and a parent gone since
    # yesterday; missing from home since; ringing from a station far away, unable to get home
    r"(?:to go|gone|going|heading|headed|on (?:her|his|their) way) (?:there|to (?:his|her|their|the) (?:flat|house|place)) (?:now|right now)\b|"
    r"snap ?map (?:\w+ ){0,2}(?:puts|shows|has) (?:him|her|them)|(?:broken|breaking|broke|forced (?:his|her|their) way) in(?:to)? (?:the |their |her |his |our )?(?:house|flat|home)\b|"
    r"hiding (?:upstairs|downstairs|in the (?:loft|attic|garden))|(?:mummy|mum|mam|daddy|dad|mother|father|parents?)(?: has| had|'s)? (?:went|gone) out (?:yesterday|last night)\b(?![^.?!]{0,40}\b(?:came|come|got) (?:back|home))|"
    # told in passing: going home to nobody; meeting a man met online today; a bomb plan and in the building now; out there now;
    # posting from a station far away; a call cut off after screaming; gone to live with a man
    r"(?:go(?:es|ing)?|went|back) home to an empty (?:house|flat|home)|(?:at )?home (?:by (?:herself|himself|themselves)|alone|on (?:her|his|their) own) since\b|"
    r"meeting (?:up with )?(?:a|an|some|this|that|the|her|his) (?:\w+ ){0,2}(?:man|men|guy|bloke|adult|stranger|someone|person|lad|friend|boyfriend)\b[^.?!]{0,80}\b(?:today|at \d{1,2}(?:[:.]\d\d)? ?(?:pm|o'?clock))\b|"
    r"(?:bomb|explosive|knife|knives|gun|weapon|machete|blade)\b[^.?!]{0,120}\b(?:in|on) (?:the )?(?:building|site|premises|school) (?:right )?now\b|(?:is|'s|are|'re) out there (?:right )?now\b|"
    r"from (?:a|the) (?:train|bus|coach|railway) station\b(?![^.?!]{0,30}\b(?:last|yesterday))|(?:screaming|being hit|shouting|crying)\b[^?!]{0,150}\b(?:went dead|cut (?:off|out))\b|"
    r"(?:gone|went|going) to (?:stay|live) with (?:a|an|some|this|that) (?:older )?(?:man|men|guy|bloke|adult)\b|"
    r"(?:hasn'?t|has not|didn'?t|did not) (?:come|came|been) back (?:in )?(?:after|from|since) (?:lunch|break|play ?time|dinner)\b|(?:in|within) the hour\b|"
    # in the car outside to take her to the airport; locked in her room; a parent on the floor since yesterday and a little one still home;
    # heading for the road; a child lifted over the fence and driven off; someone outside the child's house now
    r"(?:are|is|'s|'re) in (?:the|a|his|her|their) (?:car|van) outside\b|take (?:her|him|them) to the airport|locked (?:her|him|them) in (?:her|his|their|a|the) \w*room|"
    r"(?:asleep|lying|passed out|collapsed|unconscious) on the (?:\w+ )?(?:floor|ground) (?:since|all)\b|(?:sister|brother|sibling|baby)(?: \S+){0,3} (?:is|'s) still (?:at )?(?:home|inside|in the (?:house|flat))\b|"
    r"(?:is|'s|are|'re) (?:now )?(?:heading|running|walking) (?:for|towards|to) (?:the )?(?:main |busy )?road\b|(?:lifted|took|taken|grabbed|snatched|bundled|put) (?:\S+ ){0,12}(?:and )?(?:driven|drove) (?:off|away)\b|"
    r"(?:is|'s|are|'re) (?:waiting |parked |sat |sitting |standing )?outside (?:her|his|their) (?:house|flat|home|door)\b|"
    r"missing from (?:home|care|the (?:unit|placement|home)) since|(?:rung|rang|called|messaged|texted|phoned) (?:me|us|the office)(?: \w+){0,2} from|(?:can'?t|cannot|can not) get home\b|"
    # a drunk adult driving or taking children now; a stranger coming back for a child; a parent at the school now
    + _DRUNK + r"\b[^.?!]{0,60}\b(?:driv\w*|taking|about to (?:drive|take))\b[^.?!]{0,60}\b(?:minibus|car|van|class|kids|children|pupils|trip)\b|(?:he|she|they)(?:'d| would|'ll| will) be back (?:for (?:her|him|them) )?(?:at home ?time|after school|later|at \d{1,2}\b)|"
    r"(?:dad|mum|father|mother|step-?dad|step-?mum|uncle|man|men|boyfriend|partner)(?:'s| is| are|'re| s)? (?:\w+ ){0,2}(?:in|at|outside|by) (?:the )?(?:playground|gates?|reception|car park|front door|school) (?:right )?now\b")
# A baby or little one at home now with the one who hurts: "his baby sister is at home with them" (after dad hit mum).
_LEFT_WITH = re.compile(r"\b(?:baby|toddler|little|younger|\d+ ?(?:yr|year|yo)s?[- ]?old) (?:\w+ ){0,2}(?:is|'s|s) (?:still )?(?:at )?home "
                        r"(?:with (?:him|her|them|(?:his|her|their) (?:dad|mum|stepdad)|dad|mum)|now)\b")
# A child with a plan, a means, a farewell or an attempt may act at any moment: 999 first. Thoughts of
# dying told to an adult, or others telling a child to kill themselves, are for the DSL now.
_ACUTE = re.compile(r"\b(?:plan(?:s|ned|ning)?|noose|rope|ligature|(?:belt|cord|razor|blades?) in (?:his|her|their) (?:bag|pocket|locker)|hang (?:herself|himself|themselves)|pills|tablets|"
                    r"paracetamol|overdos\w*|(?:took|taken|swallowed) (?:all|some|a)|goodbye|bye\b|thanks for everything|"
                    r"last (?:message|post|thing)|jump\w*|bridge|railway|train tracks?|(?:how|ways?) to (?:die|kill|end)|"
                    r"(?:cut|cuts|cutting) (?:deep|too deep)|tried to (?:kill|end|hang)|"
                    # told in a message, not face to face: nobody knows where the child is
                    r"(?:messaged|texted|dm'?d|emailed|snapped|posted|sent|wrote) (?:me|my|us|our|on|in|to (?:me|my|us|our))(?! (?:his|her|their|a|the) (?:\w+ )?(?:diary|journal|planner|book|notebook|story|essay|poem|homework|work)\b))")
# A goodbye, a child at a bridge or the tracks, or a deadline tonight for a child who would rather die: 999 whatever
# the words ("a photo from the railway bridge saying goodbye"); cutting or pills told in a message: the DSL now.
_FAREWELL = re.compile(r"\b(?:goodbye|saying bye|thanks for everything|last (?:message|post)|(?:by|before) (?:tonight|today|\d{1,2}(?:[:.]\d\d)? ?(?:pm|am|o'?clock))\b|(?:on|at|from|off|to|of) (?:the |a )?"
                       r"(?:railway |motorway |road )?(?:bridge|railway line|train tracks?|cliff|multi-?storey|car park roof))")
# A cutting, a wedding abroad or an attack planned within days: the police now, not a referral in the morning.
_ATTACK = re.compile(r"\b(?:do something|attack\w*|bomb\w*|kill\w*|stab\w*|shoot\w*|blow (?:it |them |the \w+ )?up|fertili[sz]er|explosives?"
                     r"|everyone (?:will|'ll|is going to|gonna) know)\b")
_SOON = re.compile(r"\b(?:in the morning|first thing|this (?:weekend|week|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:on|after|by|before) (?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:on|by|before|this) (?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\b|tomorrow|tonight|in (?:a|one|two|three|a few|\d) days?)\b")
# Helpers say "now" a lot ("what do I do now"); these do not make it urgent.
_NOT_NOW = re.compile(r"\b(?:what (?:do|should|can) i do now|what now|now what|(?:is|are|was) now|now (?:in|at) "
                      r"(?:year|yr)|now (?:she|he|they)(?:'?s| is| are)|(?:she|he)'?s now|now \d{1,2}\b|"
                      r"(?:and|but) now (?:wants|asks|asking|says|saying|keeps)"
                      # an event named by when it was ("at this evening's parents' meeting"); bleeding told of the past
                      r"|(?:this evening|tonight|today)'s|(?:was|were) bleeding"
                      # a drawing, not a weapon here; a club outside school, not someone at the gate
                      r"|(?:draw\w*|drew|pictures? of|paint\w*) (?:\w+ ){0,4}with a (?:knife|gun|blade|weapon|bat|hammer|axe|machete)"
                      r"|(?:club|clubs|activit(?:y|ies)|friends?|life|team|coach(?:es)?|sports?) outside (?:of )?school"
                      # a deadline set by someone else ("pay £200 by tonight"): the child is with us; the DSL acts now
                      r"|(?:by|before) (?:tonight|today|the end of (?:the )?day|midnight)\b"
                      r"|(?:rang|called|phoned|emailed|texted) (?:in )?to say (?:\S+ ){0,3}(?:won'?t|will not|wont) be in(?: school)? today"
                      # safe somewhere now ("we're at my mum's now."); the family, not the child, not answering
                      r"|at (?:my|her|his|their|our|a|the) \w+'s now|sometimes (?:\w+ ){0,2}(?:can'?t|cant|cannot|won'?t|wont) wake|"
                      r"(?:wouldn'?t|won'?t|can'?t|couldn'?t) wake(?: up)?[^.?!]{0,40}\b(?:happens a lot|a lot|all the time|often|every (?:day|week|morning))\b|"
                      # what happens every day is for the DSL today: "her 'boyfriend' waits outside the gate every day"
                      r"(?:waits?|waiting|hangs? (?:around|about|round)|is|sits?|parks?) outside (?:the )?(?:school|gates?) (?:every|most|each) (?:day|morning|afternoon|night)|(?:parents?|mum|dad|family|carers?|home)(?:'s| are| is)? not answering|"
                      # when it was told or seen ("at brownies tonight", "a mum forwarded it tonight"), not when the danger is;
                      # safe at a friend's tonight; locked in every weekend, won't wake most days: the DSL today
                      r"(?:at|after) (?:the |a )?(?:brownies|cubs|scouts|guides|cadets|choir|church|youth club|club|training|practice|rehearsal|band|party|match|game|swimming|football|dance)(?: \w+)? tonight\b|"
                      r"\b(?:(?:told|showed) (?:me|us)|forwarded|posted|put|shared|saw|seen|spotted) (?:\w+ ){0,4}?tonight\b(?! (?:she|he|they|it)(?:'s| is| are|'re)? (?:going|meeting|leaving|planning))|"
                      r"(?:staying|sleeping) (?:at|round|with) (?:a |her |his |their )?(?:friend|mate|nan|gran|aunt|auntie|grandparent)s?'?s? tonight|"
                      r"locked in (?:a|the|her|his|their) \w*room (?:every|most|at) (?:weekend|night|day|evening)s?|(?:gets?|getting) locked in|sleep\w* with a (?:knife|blade|bat|hammer) under|locked in (?:\w+ ){1,5}as (?:a )?punishment|keeps? \w+ing\b[^.?!]{0,40}\bwhile (?:the )?(?:kids|children|girls|boys|they) (?:are|'re) in there|(?:most days|every day|all the time|often)[^.?!]{0,30}(?:wouldn'?t|won'?t|wont|can'?t|couldn'?t) wake)")


def urgent(said: str, categories: tuple[str, ...]) -> bool:
    """Whether a child may be in danger before anyone at school can act: happening now, a plan with the means
    to hurt themselves, a farewell, or a cutting, a wedding abroad or an attack within days."""
    if _NOW.search(_NOT_NOW.sub(" ", said)):
        return True
    if "suicide" in categories and _ACUTE.search(said):  # a plan or a means: the category of signs that say so
        return True
    if any("suicide" in category for category in categories) and _FAREWELL.search(said):  # self-harm too
        return True
    if {"physical abuse", "domestic abuse"} & set(categories) and _LEFT_WITH.search(said):
        return True
    cutting_or_wedding = any(category.startswith("fgm") or "marriage" in category for category in categories)
    return bool(_SOON.search(said)) and (cutting_or_wedding or ("radicalisation" in categories and bool(_ATTACK.search(said))))
