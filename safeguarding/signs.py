"""The signs of harm to a child, as data: per category, the phrases that point to harm on their own
("strong") and those that only do in company ("weak", none when left out). Each is a regular
expression matched on word boundaries in the lower-cased message (safeguarding/disclosure.py reads them)."""
from __future__ import annotations

from .signs_beyond import BEYOND

_P = r"(?:her|him|them|me|us|my|his|their)"  # whom it happens to
_PARENT = (r"(?:dad|daddy|father|mum|mummy|mam|mom|mother|step ?dad|step ?mum|step ?father|step ?mother|parents?|"
           r"uncle|auntie|aunt|aunties|grandad|grandpa|nan|nana|grandma|brother|sister|cousin|carer|foster carer|"
           r"(?:mum|mom|mam)'?s (?:boyfriend|partner|friend)|(?:dad|daddy)'?s (?:girlfriend|partner|friend)|boyfriend|"
           r"partner|relatives?|family|ex)")


# Harm at home and to the child themself; what comes from outside (online, exploitation, peers,
# staff) is in safeguarding/signs_beyond.py.
SIGNS: dict[str, dict[str, tuple[str, ...]]] = {
    "physical abuse": {
        "strong": (
            # "won't be in today because she 'fell down the stairs again'": the same explanation of an injury, again
            r"(?:fell|fallen|falling|tripped) down (?:the )?stairs again|walked into (?:a|the) door again",
            r"wait (?:till|until|til) (?:we|you|i) get (?:you )?home|you know what'?s coming",  # a parent's threat, overheard
            r"(?:i'?ll|he'?ll|she'?ll|will|gonna|going to) (?:leather|batter|belt|thrash|wallop|skelp) (?:her|him|them)\b",  # "I'll leather her"
            # "one of them gave little jack a slap for being cheeky": a blow, said as something given
            r"(?:gave|give|gives|giving|given) (?:\w+ ){1,3}a (?:slap|smack|clip (?:round|around) the (?:ear|head)|(?:good )?hiding|whack|thump|wallop|kick|punch)\b",
            rf"(?:hits?|hitting|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|slap(?:s|ped|ping)?|smack(?:s|ed|ing)?|"
            rf"thump(?:s|ed|ing)?|batter(?:s|ed|ing)?|strangl\w*|chok(?:e|ed|es|ing)|throttl\w*|beat(?:s|en|ing)?) "
            rf"(?:{_P}|the (?:kids?|boys?|girls?|baby))",
            r"beat(?:s|en|ing)? up", r"bruis\w*", r"black eye", r"split lip", r"hand ?print", r"belt marks?",
            r"marks? (?:like )?(?:from|of) a belt", r"(?:burn|bite|finger|grip) marks?", r"cigarette burns?",
            r"welts?", r"flinch\w*",  # a broken arm or wrist alone is most often an accident: not a sign
            rf"(?:threw|throws|thrown) (?:\w+ ){{0,2}}at {_P}", rf"(?:grab(?:s|bed)?|shov(?:e|es|ed)|push(?:es|ed)|slam(?:s|med)?|pin(?:s|ned)?) "
            rf"{_P} (?:by|against|down|into)", r"physically (?:abus\w*|hurt\w*)",
            rf"hurt(?:s|ing)? {_P}", r"(?:explanations?|story|injur\w*) (?:don'?t|do not|doesn'?t) add up",
            r"shak(?:e|en|ing) the baby", r"(?:cane|belt|wooden spoon) (?:on|to) (?:her|him)",
            # "my mum uses the wooden spoon on me", "he gets the belt": an implement used on a child
            rf"(?:uses?|used|using|takes?|took) (?:the |a |her |his )?(?:wooden spoon|belt|slipper|cane|stick|hanger|cable|wire|"
            rf"shoe) (?:on|to) {_P}\b", r"(?:gets?|got|getting) the (?:belt|slipper|cane)\b(?! (?:from|back|out of|in the|for|off|buckle))"
            r"|(?:give[sn]?|gave|giving) (?:him|her|them|me) the (?:belt|slipper|cane)\b",
            r"pull(?:s|ed|ing)? (?:her|his|their) hair", r"bald patch(?:es)?", r"scratch(?:es|ed)? (?:on|all over)",
            r"hands? (?:round|around|on) (?:\w+ )?(?:neck|throat)"),
        "weak": (r"marks on", r"cross (?:cos|because|when)",
                 r"(?:fell|fallen|falls|tripped|walked into|bumped into) [^.?!]{0,30}\bagain\b",  # the same explanation again
                 r"(?:third|fourth|fifth|another) (?:\w+ )?(?:time|injury|accident|fall) this (?:term|half ?term|week|month|year)"),
    },
    "sexual abuse": {
        "strong": (
            r"sexual(?:ly)?", r"sex with", r"had sex", r"having sex",
            r"makes? (?:her|him|them|me) do (?:stuff|things) (?:she|he|they|i) (?:doesn'?t|don'?t|didn'?t) (?:like|want)", r"rap(?:e|ed|ing)",
            r"(?<!non-)(?<!non )(?<!non)molest\w*",  # a non-molestation order is domestic abuse
            r"grop\w*",
            rf"touch(?:es|ed|ing)? {_P}\b(?! on the (?:arm|shoulder))", r"private parts?", r"down there",
            r"(?:in|comes? (?:in|into)|into) (?:her|his|their) (?:room|bed) at night",
            r"(?:is|was|comes?|came|goes|went|gets?|got) in(?:to)? (?:her|his|their) (?:room|bed)\b", r"does stuff", r"did stuff",
            r"massages?", r"(?:took|taken|taking|takes) (?:\S+ ){0,4}into (?:the |a )?(?:\w+ )?(?:toilets?|loo|cupboard|store ?room|office|bathroom) and (?:locked|shut)", r"(?:photos?|pictures?|pics|videos?|films?) of (?:her|him|them) (?:in the bath|naked|undress\w*|"
            r"in (?:the|their) (?:bath|shower|changing room)|getting changed)", r"in the bath",
            # "filmed in the changing rooms", "a man in the girls' changing rooms"; not "a bit teary in the changing room"
            r"(?:film\w*|record\w*|photo\w*|pics?|videos?|phones?|camera|man|men|adult|touch\w*|peer\w*|watch\w*|spy\w*|going|goes|went|"
            r"walk\w*|barg\w*|com(?:e|es|ing)|came|stood|stand\w*|hang\w* (?:around|about)) (?:\S+ ){0,6}(?:in|into|of) the (?:girls'? |boys'? )?"
            r"changing rooms?|changing rooms? (?:\S+ ){0,8}(?:film\w*|record\w*|photo\w*|pics?|videos?|phones?|camera|touch\w*|peer\w*|"
            r"watch\w*|naked|undress\w*|getting changed|bod(?:y|ies)|comments?)", r"keep(?:s|ing)? (?:their |our |it )?secrets?", r"our (?:little )?secret",
            r"rude (?:videos?|pictures?|photos?|games?)", r"porn\w*", r"adult (?:videos?|films?|content)",
            r"indecent", r"expos(?:ed|ing) (?:himself|herself)", r"flash(?:ed|ing)", r"hand up (?:her|his) (?:skirt|top|shirt)",
            r"up (?:her|his) skirt", r"upskirt\w*", r"up (?:\w+'? ){0,2}skirts?", r"rank(?:s|ed|ing)? (?:the )?girls",
            r"what (?:he|they|he'?d|they'?d|i'?d) (?:would )?do to (?:her|them)", r"(?:take|took|taking) (?:his|her|their) "
            r"(?:top|clothes|shirt|trousers|pants|knickers) off", r"(?:turn|put) (?:his|her|their) camera on", r"(?:trousers|pants|knickers|skirt) (?:down|off|up)",
            r"(?:grab|grabb\w*|touch\w*|slap\w*) (?:\w+ )?(?:bums?|bottoms?|breasts?|boobs|chests?|crotch)",
            r"(?:knows?|described|talks? about) (?:stuff|things) no \w+ (?:year old|yr old|child|kid)",
            r"sexualis\w*|sexualiz\w*",
            r"(?:put|puts|putting|tries to put|trying to put|tried to put) (?:his|her|their) hands? (?:down|in|inside|up) "
            r"(?:\w+ ){0,3}(?:trousers|pants|knickers|skirts?|tops?|shorts)",
            # a child without words: signing or saying "hurt" and pointing to their bottom or genitals
            r"(?:sign\w*|say\w*|said|point\w*|cry\w*)[^.?!]{0,40}\bhurts?\b[^.?!]{0,40}\b(?:bottom|bum|genitals|private|"
            r"down below|willy|front bottom)|(?:bottom|bum|genitals|private parts?|down below|willy|front bottom) (?:\w+ ){0,2}bleed\w*"),
        "weak": (r"sleeps? (?:in|over)", r"rude (?:bits|parts|things|stuff|messages|texts|snaps|words|drawings?)"),
    },
    "emotional abuse": {
        "strong": (
            r"emotional(?:ly)? abus\w*", r"(?:write|say|repeat)s? (?:\S+ ){0,2}i(?:'m| am) (?:useless|stupid|worthless|thick|a failure|a waste)", r"(?:calls?|called|calling) (?:her|him|(?!it\b|that\b|this\b|them\b|me\b|us\b)[a-z]+) (?:a |the )?(?:stupid|useless|worthless|mistake|thick|"
            r"fat|ugly|idiot|waste|names|slag|slut)", r"waste of space", r"never been born", r"hates? (?:me|her|him)",
            r"(?:i'?m|she'?s|he'?s|they'?re) the reason(?! (?:she|he|they|i)(?: \w+)? (?:got|gets|passed|made|did|stayed|kept|loves?|likes?|enjoy\w*|came|come|smil\w*|survived|managed))", r"not allowed to (?:eat|go out|speak|see)",
            rf"lock(?:s|ed)? {_P} (?:out|in)", r"(?:scared|terrified|frightened|afraid|petrified) of (?:her|his|their) "
            + _PARENT, r"(?:screams?|shouts?|yells?) at (?:her|him|them) (?:all the time|every)",
            r"stay in (?:her|his|their) room (?:all|for)", r"as a punishment", r"humiliat\w*",
            r"wish(?:es|ed)? (?:i|she|he|they)'?d never had (?:him|her|them|you)", r"(?:little |a |compulsive )?liar\b.{0,60}"
            r"(?:not to|don'?t|shouldn'?t|never) believe", r"(?:not to|don'?t|shouldn'?t) believe (?:anything |a word )?"
            r"(?:he|she|they) (?:says?|tells?)",
            r"(?:makes?|made|forces?|forced) (?:\w+ ){1,4}?(?:stand|stay|sit|sleep|kneel|wait)(?: \w+){0,5} "
            r"(?:for hours|all (?:night|day)|outside|in the (?:garden|cold|dark|shed))"),
        "weak": (r"hid under",),
    },
    "neglect": {
        "strong": (
            r"neglect\w*", r"(?:nobody|no ?one|no-one) (?:has )?(?:collected|picked up|come for|turned up for) (?:a|the|her|him|them|our|one)\b", r"(?:left|strapped|locked|alone) (?:\w+ ){0,4}(?:in|inside) (?:a|the|his|her|their|mum'?s|dad'?s) (?:\w+ )?(?:car|van)\b",
            r"(?:leave|dump|abandon|drop (?:off)?|hand) (?:the |my |her |his |their )?(?:kids|children|child|baby|son|daughter) "
            r"(?:at|outside|with|to) (?:the )?(?:police(?: station)?|social services|social workers?|hospital|a&e|council)",
            r"same (?:clothes|shirt|uniform|jumper|top|trousers|nappy|nappies)", r"smells?(?: really| quite| very| so)? "
            r"(?:bad|awful|of (?:wee|urine|smoke|damp))", r"(?:always|really|constantly|so|starving) hungry",
            r"no food (?:at home|in the house)", r"nothing to eat", r"(?:asking|begging) (?:\w+ ){0,3}for food",
            r"(?:steal|stealing|takes?) (?:\w+ )?food", r"food from (?:the )?bins?",
            r"rott(?:en|ing) (?:\w+ )?te(?:eth|ef|th)\b|tooth ?ache (?:for|all)", r"missed (?:the last |all (?:the |of (?:the|her|his|their) )?|several |(?:\d+|two|three|four|five) )(?:\w+ ){0,3}(?:dentist|dental|doctor|hospital|clinic|gp|medical) appointments", r"(?<!never )(?<!never be )(?<!not )(?<!not be )(?<!aren't )(?<!isn't )left (?:home )?alone", r"(?<!walk )(?<!walks )(?<!walking )(?<!cycle )(?<!cycles )(?<!cycling )(?<!go )(?<!goes )(?<!going )home alone", r"(?:are|is|were|was|been|being|left|stay\w*) (?:\w+ ){0,2}(?:at )?home (?:by|on) (?:themselves|himself|herself|their own|his own|her own)\b", r"on (?:her|his|their) own "
            r"(?:at night|all (?:day|night|weekend)|this morning|overnight)", r"(?:no|without) (?:electric\w*|gas|heating|"
            r"hot water|food)", r"(?:not|haven'?t|hasn'?t|wasn'?t|weren'?t|isn'?t|aren'?t) (?:been )?(?:picked up|collected)"
            r"(?! (?:\w+ )?(?:consent|forms?|slips?|money|payments?|letters?|parcels?|books?|data|results|signatures?|photos?|"
            r"the (?:\w+ )?(?:forms?|slips?|money|letters?|books?)|it|them|yet)\b)", r"no ?one (?:picked|came to collect|answering|"
            r"is answering)", r"nobody (?:picked|came|answering|is answering)", r"(?:crossed|walked) (?:\w+ ){0,3}(?:road|"
            r"on (?:her|his) own)", r"dirty (?:clothes|uniform)", r"unwashed", r"hasn'?t (?:eaten|washed)",
            r"no coat in", r"fell asleep",
            # "her teeth are rotten, no coat even though it's freezing, glasses broken for months"
            r"teeth (?:are |were |all |s )?(?:\w+ )?(?:rotten|rotting|decayed|decaying|black)\b",
            r"no (?:winter )?coat (?:even though|although|and|when|in) (?:\w+ ){0,2}(?:freezing|cold|snow\w*|winter|rain\w*)",
            r"(?:glasses|hearing aids?|shoes) (?:\w+ ){0,3}broken for (?:weeks|months|ages|a year)",
            # little ones on their own at home, no adult in
            r"on (?:her|his|their) own (?:at|in) (?:the )?(?:home|house|flat)\b",
            # a small child left to wander alone for hours
            r"wander\w* (?:round|around|about|off)? ?(?:on (?:his|her|their) own|alone)\b[^.?!]{0,30}\bfor (?:hours|ages|a long time|most of the day)",
            # a child alone at home, crying, and nobody's answering the door
            r"(?:alone|on (?:her|his|their) own|by (?:herself|himself|themselves)) (?:in|at) (?:the |her |his |their )?(?:flat|house|home)\b"
            r"[^.?!]{0,40}\b(?:crying|screaming|sobbing|banging)", r"(?:nobody|no ?one)(?:'s| is) answering", r"(?:nobody|no ?one)(?:'?s| is)? (?:collect\w*|picking up) (?:them|him|her|the (?:kids|children|twins))\b",
            r"medical neglect", r"(?:no|without|not had|hasn'?t had) (?:his |her |their |any )?(?:insulin|inhaler|medication|"
            r"meds|epipen|epi-pen)(?: \w+){0,2} (?:for (?:days|weeks|a week|ages|\d+ days)|again)", r"untreated", r"(?:without|no|not (?:taking|given|getting|having)) (?:his|her|their) (?:insulin|inhaler|"
            r"medication|meds|epipen|epi-pen)", r"(?:never|don'?t|doesn'?t|didn'?t|not) (?:turn(?:ed)? up|take (?:him|her|them)|"
            r"bring (?:him|her|them)|go|come) (?:to )?(?:his |her |their |the )?(?:clinic|medical|hospital|doctors?|dentist|gp)(?: appointments?)?",
            r"(?:no|without (?:an?|any)) (?:adults?|grown ?ups?|parents?) (?:anywhere|around|in sight|at home|there|with (?:them|him|her)"
            r"|in\b(?! (?:the |any of the )?(?:photos?|pictures?|pics?|videos?|shots?|frame|it|them)\b))",
            r"can'?t see (?:any|an) (?:adult|parent|grown ?up)", r"(?:wandering|walking|playing|out) (?:about |around )?(?:on (?:his|her|"
            r"their) own|alone) (?:by|near|on|in) (?:the|a) (?:main )?(?:road|street|river|canal)",
            r"(?:on (?:their|his|her) own|alone)(?: \w+){0,6} (?:\d{1,2} ?(?:pm|am)|at night|in the dark|after dark|gone \d)",
            r"(?:stopped|stop|not|won'?t|refus\w*) (?:\w+ ){0,2}(?:giving|give) (?:him|her|them) (?:his|her|their) (?:meds|medication|"
            r"medicine|insulin|inhaler|tablets)", r"keeps? (?:her|him|them) (?:at )?home to (?:mind|look after|care for|babysit)",
            r"(?:won'?t|don'?t|do not|will not|doesn'?t) let (?:him|her|them) (?:come|go) (?:to|into) school",
            r"(?:don'?t|doesn'?t|won'?t|never) answer (?:the door|our calls|calls|the phone)",
            r"(?:mum|dad|mother|father|parent) (?:wouldn'?t|won'?t|didn'?t|couldn'?t|would not|could not) wake(?: up)?",
            r"baby'?s? (?:is )?(?:at )?home (?:alone|with (?:her|him|them))",
            # a parent away, the children left to manage: "off to Tenerife for the week, kids can fend for themselves"
            r"fend for (?:themselves|himself|herself)",
            # illness made up or induced by a parent: treatment insisted on that the tests and the child belie
            r"fabricated (?:or induced )?illness|\bfii\b|munchausen\w*",
            r"insist\w* (?:that )?(?:her|his|their|the) (?:\w+ )?(?:son|daughter|child|boy|girl|kid) (?:needs|has|must have) "
            r"(?:a |an )?(?:feeding tube|wheelchair|oxygen|operation|surgery|tube feed\w*)",
            r"(?:consultant|doctor|gp|hospital|medical)(?:'s)? (?:\w+ ){0,2}(?:letters?|notes?|reports?) (?:\w+ ){0,3}(?:don'?t|do not|doesn'?t|never) "
            r"(?:say|mention|show)"),
        "weak": (r"tired all the time", r"falling asleep", r"(?:keeps|kept) missing school",
                 r"looks? after (?:his|her) (?:little|younger|baby)"),
    },
    "self-harm": {
        "strong": (
            r"self[- ]?harm\w*", r"cut(?:s|ting)? (?:herself|himself|themselves|themself)", r"how to cut",
            # a search for how many tablets is too many: the DSL now (999 only with a plan, a means or a farewell)
            r"how (?:many|much) (?:paracetamol|tablets|pills|ibuprofen|meds)(?: \w+){0,3} (?:too many|too much|to die|to kill|would (?:it )?take|is lethal|kills?)",
            r"cuts (?:on|up|all over) (?:her|his|their)", r"fresh cuts", r"scars? on (?:her|his|their)",
            r"burn(?:s|ing)? (?:herself|himself|themselves)", r"hurt(?:s|ing)? (?:herself|himself|themselves)",
            r"(?:razor|sharpener|pencil sharpener)(?: blades?)?", r"blades? (?:in|wrapped)",
            r"plasters? (?:all )?(?:up|on|over) (?:her|his|their) (?:arms?|wrists?|legs?)", r"(?:wrist|arm)s? (?:covered|bandaged)"),
        "weak": (r"long sleeves",),
    },
    "suicide": {
        "strong": (
            r"suicid\w*|sucid\w*|suicdal", r"(?:would|'?d) rather (?:be )?(?:die|dead)", r"kill(?:s|ed|ing)? (?:herself|himself|themselves|themself|myself)", r"end (?:it|it all|things|"
            r"(?:her|his|their|my) life)", r"want(?:s|ed|ing)? to die", r"wants? to be dead", r"wish (?:i|she|he|they) (?:wasn'?t|was not|weren'?t|were not) (?:here|alive|born|around)", r"better off (?:dead|without)",
            r"no ?one would (?:miss|care)", r"(?:happier|better) (?:off )?(?:if|when) (?:i|she|he|they) (?:was|were|wasn'?t|weren'?t) "
            r"(?:dead|here|around|gone|alive|born)", r"wish(?:es|ed)? (?:i|she|he|they) (?:was|were) dead", r"not (?:want|wanting) to (?:be here|live|be alive|exist)",
            r"(?:doesn'?t|don'?t|didn'?t) want to (?:live|be alive|be here|exist|wake up)", r"not wake up",
            r"jump(?:ing)? (?:off|in front)", r"on (?:the|a) (?:railway |rail )?(?:bridge|ledge|roof)|(?:from|off|of) (?:the|a) (?:railway|rail|motorway) bridge", r"overdos\w*",
            r"(?:swallow(?:ed|s)?|taken?|took|take) (?:all |a (?:load|lot|bunch|packet|box|strip|handful|bottle|pack) of |loads of |some of )?(?:(?:her|his|my|"
            r"their|mum'?s|dad'?s|nan'?s) )*(?:pills|tablets|paracetamol|meds|medication)", r"taken them all",
            r"suicide (?:note|message|letter)", r"(?:(?<!i )(?:left|wrote|sent|posted|found|leaves|writes|sends)|her|his|their) (?:a )?"
            r"goodbye (?:note|message|letter)", r"sorry for everything", r"no (?:reason|point) (?:to|in) (?:live|living)",
            r"kill yourself|kys\b", r"noose|hang (?:herself|himself)",
            r"goodbye (?:to )?(?:everyone|all|every ?1|guys|world|forever)", r"thanks? for everything",
            r"ways to (?:die|kill (?:myself|herself|himself|themselves)|end (?:it|my life|her life|his life))",
            r"how to (?:die|kill (?:myself|herself|himself|themselves)|end it|hang|overdose)",
            r"(?:has|got|made|have|with) a plan to (?:do it|end|kill|die|hurt)",
            # the mark a ligature leaves: "a rope mark around her neck"
            r"(?:rope|ligature|cord|belt) (?:marks?|burns?)(?! on (?:her|his|their|the) (?:palms?|hands?|fingers?|knees?|legs?))", r"marks? (?:all )?(?:round|around) (?:her|his|their) neck",
            r"not (?:being|be) here any ?more",
            # a means kept to hand; "the last one of these I'll need"; "take care of mum, I'm not coming back"
            r"(?:rope|noose|ligature|cord|belt|razor|blades?|pills|tablets) (?:\w+ )?in (?:his|her|their) (?:bag|locker|pocket|blazer|room|coat)",
            r"(?:the )?last (?:one|time|\w+(?: \w+)?) (?:of (?:these|those) )?(?:i'?ll|i will|i'?m going to|i'?m gonna|(?:he|she|they)(?:'ll| will)) (?:ever )?(?:need|have|do|see|come to)",
            r"(?:look after|take care of) (?:my |your )?(?:mum|dad|nan|mam|mom|brother|sister|the dog|the cat|everyone)\b[^.?!]{0,20}\b(?:i'?m|im|i am) not coming back", r"(?:wish|wishes|wished) (?:she|he|they|i) could (?:just )?(?:disappear|vanish|not wake up|"
            r"not exist|go to sleep (?:and|forever))",
            # a means and the intent to use it: "he's got a rope in his bag and he's going to use it after school"
            r"(?:rope|noose|ligature|pills|tablets|razor|blade) (?:\S+ ){0,8}(?:going to|gonna|will|wants? to|plans? to) use (?:it|them)",
            r"(?:photo|picture|pic|video|snap) of (?:a |some )?(?:pile|load|handful|bunch|lot|row|stack) of (?:pills|tablets)",
            r"done with (?:everything|it all|life|living|this life)", r"can'?t (?:do|take) (?:this|it) any ?more", r"sorry (?:every ?one|every ?1|guys|all|mum|mam)\b[^.?!]{0,30}\b(?:i'?m|im|i am) (?:done|out|gone)\b",
            # "won't be around for the exhibition anyway", "I won't be here for results anyway"
            r"(?:won'?t|wont|will not|not gonna|not going to) be (?:around|here|alive) (?:for|by|to see|at|when) [^.?!]{0,40}?\b(?:anyway|any ?more)\b",
            # a child who "can't cope anymore" (not a colleague who can't cope with 9x)
            r"(?:pupil|student|child|kid|girl|boy|lad|tutee|(?:year|yr|y) ?\d{1,2}|sixth ?former)s?\b[^.?!]{0,60}\b(?:she|he|they)(?:'s|'re| is| are)? (?:just |really )?"
            r"(?:can'?t|cannot|can not|isn'?t|aren'?t|not) cop(?:e|ing) (?:any ?more|with (?:life|everything|it all|living))(?! with (?:\w+ ){0,2}(?:class|set|group|year|yr|y?\d|workload|marking|job|work))",
            # "i want to disappear forever nobody will miss me", "they'd be better off without me"
            r"(?:want|wants|wanted|wanting) to (?:disappear|vanish|not exist|go to sleep) (?:forever|for good|and never)",
            r"(?:nobody|no ?one|no-one) (?:will|would|'?d|is going to|gonna) (?:even )?(?:miss|notice) (?:me|her|him|them|if)",
            r"better off without (?:me|her|him|them)\b(?! (?:in|at|on) (?:the|that|this|our|my) (?:team|class|group|set|form|lesson))",
            r"won'?t be (?:here|around) (?:tomorrow|much longer|for much longer|next week|by (?:the weekend|monday|tomorrow))"),
    },
    "eating disorder": {
        "strong": (
            r"anorexi\w*|bulimi\w*|eating disorder", r"mak(?:e|es|ing) (?:herself|himself|themselves) sick",
            r"(?:throw(?:s|ing)? up|sick|toilets?|loos?) (?:straight )?after (?:lunch|meals|eating|food)",
            r"lost (?:loads of|a lot of|so much|lots of) weight", r"(?:not|stopped|barely|hardly) eating",
            r"skip(?:s|ping|ped)? (?:every|all (?:her|his|their)?|most) (?:meals?|lunch|breakfast)", r"only eats? (?:an? )?\w+ a day",
            r"starv(?:e|es|ing) (?:herself|himself)", r"get smaller", r"(?:grazed|cut) knuckles|knuckles (?:are )?(?:all )?"
            r"(?:grazed|cut|sore)", r"counting calories"),
    },
    "domestic abuse": {
        "strong": (
            r"domestic (?:abuse|violence|incident)", r"operation encompass", r"police (?:came|were called|called|round|turned up|at (?:the|their) house)",
            # heard from next door, the police at the family's house again
            r"(?:screaming|smacking|hitting|slapping|thuds?|banging|crashing)\b[^.?!]{0,40}\b(?:next door|through the wall)",
            r"police (?:(?:were|are|was) )?(?:there|round|outside|at (?:the|their|her|his) (?:house|flat|door))(?: \w+)? again",
            r"(?:her|his|mum'?s|the) (?:husband|partner|boyfriend|ex) (?:has |had |just |has just )?(?:thrown|threw|hit|punched|kicked|strangled|dragged|attacked|beaten|beat|hurt|pushed|shoved) (?:her|him|mum)\b",
            rf"{_PARENT} (?:hurt|hits?|hit|beats?|beat|pushed|strangled|threatened|threw|attacked|screamed at) "
            r"(?:mum|mummy|mam|mom|dad|daddy|her|him|them)", r"(?:threw|thrown) (?:the )?(?:telly|tv|plate|chair|glass)",
            r"blood (?:on|everywhere)(?! (?:his|her|their|the) (?:\w+ )?(?:work|book|page|paper|worksheet|exercise book|drawing|desk|table))", r"(?:fighting|shouting|screaming|fights|rows) at home", r"(?:mum|dad|parents?) "
            r"(?:fight|fighting|argue|arguing|row|rowing) (?:all the time|every night|a lot)", r"threaten\w* to (?:snatch|take) "
            r"(?:her|him|them|their)", r"refuge", r"injunction", r"restraining order", r"(?:will|'ll|is going to|gonna) "
            r"(?:kill|batter|hurt|beat) (?:her|him|them)", r"non-? ?molestation order", r"court order (?:\w+ ){0,2}(?:keeping|stopping|against|preventing|banning|barring)|no[- ]contact order|(?:isn'?t|is not|not|aren'?t) allowed (?:any )?contact\b", r"smash\w* up (?:the|our|their) (?:house|flat|home|place)",
            # "her dad has told her they're going away forever, without telling mum"
            r"going away (?:forever|for good)|never coming back|(?:take|taking|took) (?:her|him|them) (?:away )?without (?:telling|asking) "
            r"(?:mum|dad|her mum|his mum|her dad|his dad)"),
        "weak": (r"\bher ex\b|\bhis ex\b",),
    },
    "parental substance misuse": {
        "strong": (
            r"drunk", r"stinking of (?:booze|alcohol|drink|weed)", r"smell(?:s|ed|ing)? of (?:alcohol|booze|drink|weed|"
            r"cannabis|skunk)", r"off (?:his|her|their) (?:faces?|heads?|tits)", r"high (?:on|as)|so high|too high",
            r"(?:takes?|taking|on|using|doing) drugs", r"needles (?:lying|at home|around)", r"slurring",
            r"can barely stand|couldn'?t stand", r"passes? out|passed out", r"rolled[- ]up (?:bank ?)?notes?", r"(?:drinks?|drinking) (?:all the time|every "
            r"(?:day|night)|till|until|a lot)", r"stoned"),
    },
    "young carer": {
        "strong": (
            r"(?<!supporting )(?<!supports )(?<!a few )(?<!several )(?<!some )young carer(?:s?'?s?)?(?! (?:of the year|awards?|group|club|festival|day|week|council|forum|network|service|project))", r"look(?:s|ing)? after (?:her|his|their) (?:mum|dad|mom|mother|father|parents?|nan|little|"
            r"younger|baby|brothers?|sisters?|siblings)", r"(?:cares|caring) for (?:her|his|their)",
            r"(?:doing|does|did) all the (?:shopping|cooking|cleaning)", r"makes? (?:tea|dinner|the meals) for (?:his|her|"
            r"their) (?:little|younger)", r"(?:since|after) (?:her|his|their) (?:mum|dad|mother|father)'?s (?:stroke|accident|"
            r"illness|cancer)", r"(?:get|gets|getting|got) (?:her|his|their) (?:mum|dad|mom|nan|baby|little) ?(?:brother|sister)?"
            r"(?:\W+\w+){0,5}?\W+(?:up|ready|dressed|washed|to bed)", r"sort(?:s|ing)? (?:her|his|their) (?:mum|dad)'?s? (?:meds|medication|tablets)",
            r"drops? (?:her|his|their) (?:little|baby|younger) (?:brother|sister) (?:at|off)"),
        "weak": (r"falling asleep",),
    },
    "homelessness": {
        "strong": (
            r"homeless\w*", r"sofa[- ]?surf\w*", r"kicked (?:him|her|them) out", r"nowhere to (?:go|sleep|stay|live)",
            r"(?:hasn'?t|has not|have not|haven'?t) got any?where to (?:go|sleep|stay)", r"evict\w*",
            r"(?:slept|sleeping|sleeps|living) (?:in (?:a|the|their) car|rough|on the streets?|in a tent|in a hostel)",
            r"living with a family friend", r"nobody from the council", r"b ?& ?b|bed and breakfast",
            r"(?:living|sleeping|staying) in one room", r"scary men"),
    },
    "private fostering": {
        "strong": (
            r"private(?:ly)? foster\w*", r"living with (?:a |his |her |their )?(?:mate'?s|friend'?s|friends|neighbour'?s|another) "
            r"(?:family|mum|parents|house)", r"(?:mum|dad|parents?) (?:went|gone|moved) (?:back )?(?:to|abroad)"),
    },
    "afraid to go home": {
        "strong": (
            r"(?:doesn'?t|don'?t|didn'?t|does not|do not|won'?t|will not|refus\w*) (?:want )?to go home",
            r"(?:scared|afraid|frightened|terrified) (?:to go|of going) home", r"won'?t (?:go|leave) (?:home)?",
            r"if (?:she|he|they) (?:goes|go) home", r"not (?:mummy|mum|daddy|dad)'?s friend again",
            r"(?:don'?t|do not) make me go home", r"sleep (?:at|in) school", r"stay (?:at|in) school (?:tonight|overnight)"),
        "weak": (r"\bhome time\b",),
    },
    # a small child handed to the wrong adult at home time; a man photographing the children from a car or through the fence
    "an adult near children": {
        "strong": (
            r"(?:handed|given|released|let go|sent (?:home|off)|went (?:home|off)|gone (?:home|off)) (?:over )?(?:to|with) (?:the |a |an )?wrong "
            r"(?:adult|person|parent|man|woman|family|car)",
            r"(?:bloke|man|men|guy|stranger|woman|someone|somebody) (?:\w+ ){0,3}(?:in|from) (?:a|his|the|their) (?:\w+ )?(?:car|van)[^.?!]{0,60}"
            r"\b(?:photographing|filming|taking (?:photos|pictures|pics|videos?) of) (?:the |our |some )?(?:kids|children|pupils|girls|boys)\b",
            r"(?:photographing|filming|taking (?:photos|pictures|pics|videos?) of) (?:the |our |some )?(?:kids|children|pupils|girls|boys) "
            r"(?:through|over|from(?: behind)?) (?:the |a |his )?(?:fence|railings|gates?|hedge|car|van)\b"),
    },
    **BEYOND,
}
