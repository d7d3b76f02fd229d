"""The signs of harm that come from outside the home, as data (the same form as safeguarding/signs.py, which takes them in): images,
grooming and exploitation, radicalisation, FGM and forced marriage, a missing child, peers, exposure online, staff, a disclosure."""
from __future__ import annotations

from .who import ANOTHER_ADULT, NOT_THE_ONE_TOLD, OUR_HEAD

# Not back in class since lunch, a head count short on a trip, "we cant find a reception child," (not "…the yr 6 consent forms"): a missing child, and one who may be in danger now (urgency._NOW). YEAR then CHILD_STOPS: a child's year group said as the child ("lost a yr 3 at the museum", not "a year 7 coat").
YEAR, CHILD_STOPS = r"(?:year ?\d{1,2}|yr ?\d{1,2}|y\d{1,2})", r"(?=\s*(?:$|[,.!?;]|at\b|on\b|in\b|during\b|from\b|about\b|earlier\b|this\b|today\b|when\b|while\b|somewhere\b|and\b|we\b))"
HEAD_COUNT_SHORT, NOT_BACK_AFTER = r"head ?count (?:is |was )?(?:one|two|\d) (?:short|down|missing)|took (?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:\w+ ){0,6}came back with (?:only )?(?:\d+|one|two|three|four|five|six|seven|eight|nine)\b(?! (?:\w+ )?(?:ice|sweets|bags|photos|medals|prizes|trophies|certificates))", r"(?:not|isn'?t|hasn'?t been|still not) back (?:after|for|in) (?:\d+|ten|fifteen|twenty|thirty|forty|an|half an) ?(?:min\w*|hours?)"
CANT_FIND_CHILD = r"(?:can'?t|cannot|can not) be found|(?:can'?t|cannot|can not) (?:find|locate) [a-z]+ \(\d{1,2}\)|can'?t (?:find|locate) (?:a|an|one of (?:our|the|my)|our|the|my) (?:\w+ ){0,2}(?:child(?:ren)?|pupil|kid|student|girl|boy|lad|reception(?: child(?:ren)?| kid)?|nursery(?: child(?:ren)?)?|year ?\d{1,2}|yr ?\d{1,2}|y\d{1,2})s?(?=\s*(?:[.,;!?]|$|anywhere|on |in |at |and |since |after |during |from ))|(?:are|'re) (?:all )?out (?:\w+ ){0,4}(?:looking|searching) for (?:him|her|them)\b"
GONE_SINCE_LUNCH = r"(?:isn'?t|is not|not|wasn'?t|was not) (?:back )?in (?:the |his |her |their )?(?:class(?:room)?|school|lessons?|line) (?:after|since) (?:lunch|break|registration|play ?time|pe|games|assembly|swimming)"

# An adult who works in or for the school, named as who acted (a trust coach, a volunteer, the head: "our HT").
STAFF_WHO = (r"(?:teachers?|colleagues?|members? of staff|staff members?|\btas?\b|teaching assistants?|coach(?:es)?|tutors?(?! gro?u?ps?\b)|"
             r"supply(?: teacher)?|cover supervisors?|(?:midday|lunchtime) (?:supervisors?|volunteers?)|dinner lad(?:y|ies)|cleaners?|"
             r"caretakers?|technicians?|volunteers?|governors?|(?:minibus )?drivers?|escorts?|invigilators?|club (?:staff|lead)|"
             r"site (?:manager|staff|team)|premises (?:manager|officer)|receptionists?|librarians?|(?:school )?cooks?|chefs?|kitchen staff|"
             r"breakfast club lead|head ?teacher|headteacher|\bht\b|the head|" + OUR_HEAD + r"|head of \w+|(?:executive|exec) head|"
             r"deputy head|mr \w+|mrs \w+|miss \w+|ms \w+|sir|key ?workers?|nursery (?:nurse|practitioner|staff)s?|practitioners?|room leaders?|"
             r"\blsas?\b|learning support assistants?|support workers?|family liaison(?: officers?)?|1:1s?|(?:vice )?principal|assistant head|senco|hltas?) ")

BEYOND: dict[str, dict[str, tuple[str, ...]]] = {
    "sexual images": {
        "strong": (
            r"nudes?", r"naked", r"topless", r"explicit", r"undress\w* (?:app|website|site|ai|tool|bot)s?|nudif\w*|"
            r"ai[- ](?:generated |made )?(?:nudes?|naked|porn\w*)", r"send (?:me |him |her |them )?(?:a |some )?(?:pics?|photos?|videos?) of (?:herself|himself|themselves|yourself|your(?:self)? body|her body|his body|you)",
            r"(?:sexual|intimate|indecent|dirty|rude) (?:pic\w*|photos?|images?|videos?|selfies?)",
            r"sexting|sextort\w*", r"deep ?fakes?", r"fake nudes?", r"blackmail\w*",
            # "a note about her sharing a pupil's photo on a dating app"
            r"(?:pupil|child|student|kid|girl|boy|year ?\d{1,2}|yr ?\d{1,2})(?:'?s)? (?:photos?|pictures?|pics?|images?|videos?) (?:\w+ )?(?:on|to) (?:a |an )?"
            r"(?:dating|hook-?up|adult|porn\w*) ?(?:apps?|sites?|websites?|profiles?|accounts?)?|onlyfans|tinder|grindr",
            r"(?:photos?|pictures?|pics|videos?|film\w*|record\w*) (?:\w+ ){0,4}(?:getting changed|changing for|undress\w*|"
            r"in (?:the |their )?(?:changing rooms?|showers?|toilets?))",
            r"(?:threaten(?:s|ed|ing)?|(?:he|she|they|someone|somebody|he'?s|she'?s) (?:says?|said)) (?:to|they'?ll|he'?ll|she'?ll|it'?ll) (?:share|send|post|leak)",
            r"sent (?:a )?(?:pic|picture|photo|video) (?:of herself|of himself|to (?:her|his) (?:boy|girl)friend)",
            r"(?:shared|sharing|spread\w*|going round) (?:it )?(?:with|around|round) (?:his|her|the) (?:mates|friends|class|school|year)",
            r"(?:show|share|send|post|spread) (?:them|it|the (?:pics|pictures|photos|videos)) (?:round|around|to everyone)",
            r"sent (?:\w+ ){0,2}(?:pictures|pics|photos|videos) (?:of (?:herself|himself) )?to (?:a|an|her|his) (?:\w+ ){0,3}(?:lad|boy|girl|man|guy|boyfriend|girlfriend)",
            # someone asking a child for pictures of themselves: "asked for photos in her underwear"
            r"(?:photos?|pics?|pictures?|videos?|selfies?|snaps?) (?:of (?:her|him|them)(?:self|selves)? )?in (?:her|his|their) "
            r"(?:underwear|bra|knickers|pants|boxers|bikini|swim\w*|pyjamas|bedroom|bed)\b",
            r"(?:(?:man|men|guy|bloke|stranger|adult|someone|older \w+|agent|lad) (?:\w+ ){0,6})?(?:asked|asks|asking|wants?|"
            r"wanted|pressur\w*|begg\w*|pester\w*) (?:\w+ ){0,7}for (?:more )?(?:photos?|pics?|pictures?|videos?|selfies?|snaps?) "
            r"of (?:herself|himself|themselves|(?:her|him)\b(?! \w+'?s\b| at\b| with\b| and\b))",
            # "a discord server where adults ask kids to send 'challenge' videos of themselves"
            r"(?:men|adults|strangers|older (?:men|lads|boys)|someone|a man|an adult) (?:\w+ ){0,3}(?:ask\w*|get\w*|pressur\w*|tell\w*) (?:\w+ ){0,2}"
            r"to send (?:\w+ ){0,3}(?:photos?|pics?|pictures?|videos?|selfies?|snaps?|images?) of (?:themselves|herself|himself)\b",
            # "an account calling itself a 'modelling scout' who wants private photos"
            r"(?:wants?|wanted|asking for|asked for|asks for) (?:her |him |them |some |more )?(?:private|nude|naked|sexy|intimate|special|"
            r"secret|topless|revealing) (?:photos?|pics?|pictures?|images?|videos?|selfies?|snaps?)", r"modell?ing (?:scout|agent)s?"),
        "weak": (r"screenshots? of (?:her|him)",),
    },
    "grooming": {
        "strong": (
            r"groom(?:ed|ing)?", r"(?<!of the )older (?:boy ?friend|man|men|guy|bloke|lads?|girlfriend|woman)",
            # an adult online offering a child gifts to move somewhere private: "buy him skins if he moves to a private discord"
            r"(?:offer\w*|promis\w*) to (?:buy|give|get|send) (?:\S+ ){0,5}?(?:skins|robux|v-?bucks|gift ?cards?|credits?|"
            r"top[- ]?ups?|coins|gems|money|cash)|(?:move\w*|go|goes|switch\w*|come|talk\w*|chat\w*|join\w*) (?:\S+ ){0,3}?"
            r"(?:to|on|onto|in) (?:a |his |her )?private (?:discord|server|chat|dms?|app|group|call)",
            r"(?:boyfriend|man|guy|bloke|friend)'?(?: who'?s| whos| is| aged)? (?:like |about |nearly )?(?:[2-9]\d|in his \d0s)|(?:dating|seeing|going out with|sleeping with) (?:a|an|this|some) (?:(?:1[89]|[2-9]\d)[ -]?(?:yr|year)s?[ -]?old|grown (?:man|adult))|(?:1[89]|[2-9]\d)[ -]?(?:yr|year)s?[ -]?old (?:boy ?friend|bf|man|guy|bloke)",
            r"(?:met|meeting|meet) (?:up with )?(?:him|her|them|someone|a man|a guy|a bloke|a stranger|people)? ?"
            r"(?:online|off (?:\w+)|from (?:snapchat|tiktok|instagram|insta|roblox|discord|fortnite|xbox|a game))",
            r"(?:gift ?cards?|gifts|presents|(?<!dinner )(?<!lunch )(?<!trip )(?<!uniform )money|cash|vouchers) from", r"(?:sending|sends|keeps sending|sent) (?:him|her|them) "
            r"(?:gift|money|presents|cash|vouchers|robux|v-?bucks|skins|gift ?cards?)", r"buys? (?:her|him) (?:things|presents|stuff|a new|new)",
            r"bought (?:her|him) (?:a new|an?|new)", r"(?:gives?|giving|gave) (?:her|him|them) (?:presents|gifts|money|cash)", r"(?:wants|asked for|asking for|asks for) (?:her|his|their) "
            r"(?:address|number|location)", r"what (?:her|his|their) bedroom looks like",
            r"pretend(?:ing|s)? to be (?:a )?(?:kid|child|boy|girl|teenager|\d{2})|(?:wants?|asking|asked|asks|keeps asking) (?:[\w']+ ){0,3}?to (?:video ?call|facetime|call|chat|meet|talk) (?:\w+ )?(?:privately|in private|alone|secretly|on (?:their|her|his) own)", r"(?:told|tells|said to) (?:her|him|them) "
            r"not to tell", r"not to tell (?:her|his|their|anyone|any ?one)", r"keep (?:the |their |our )?chats? secret",
            r"(?<!and )(?<!i )(?<!i'll )(?<!we )(?<!we'll )delete (?:this|these|it|them|the (?:messages|chats?|pics|photos)) after", r"secret (?:relationship|account|chat|phone)", r"ask\w* (?:\w+ ){0,3}how old (?:the |our |your )?(?:kids|children|pupils|girls|boys|she|he|they) (?:is|are)", r"special friend\b[^.?!]{0,40}\b(?:online|roblox|fortnite|discord|minecraft|snap\w*|tiktok|insta\w*|xbox|game)|(?:online|roblox|fortnite|discord|minecraft|game) (?:\w+ ){0,2}special friend",
            # "a parent helper… told her to delete the messages": an adult having a child hide their contact
            r"(?<!\bi )(?<!\bwe )(?:told|tells|telling|asked|asks|asking|makes?|made|gets?|got) (?:her|him|them|one of (?:our|my|the) (?:\w+ ){0,2}?\w+) (?:to )?(?:delete|wipe|clear|hide) "
            r"(?:the |their |our |all (?:the |of the )?|his |her )?(?:messages|chats?|texts|pics|photos|convos?|conversations?|dms)\b",
            r"don'?t tell (?:your|ur|yr|anyone|any ?one|ya)",
            r"(?:strangers?|adults?|grown ?ups?|man|men|guys?|blokes?) (?:\w+ ){0,3}(?:sending|sent|contacting|contacted|"
            r"messag(?:ing|ed)|dm(?:ing|ed|'d)) (?:her|him|them|(?:her|his|their) (?:son|daughter|child|kid|boy|girl)|"
            r"(?:the |our |my |some )?(?:kids|children|pupils|students|girls|boys|year ?\d{1,2}s|y\d{1,2}s))\b", r"(?:asked|asks|asking|wants to know|wanted to know) "
            r"(?:\w+ ){0,3}(?:what|which) school", r"what time (?:she|he|they) (?:walks?|goes|gets?|leaves?|comes?) home",
            r"(?:man|men|guy|bloke|adult|stranger|someone older) (?:\w+ ){0,3}(?:plays?|playing|chats?|talks?|games?) "
            r"(?:\w+ ){0,2}(?:with )?(?:on )?(?:minecraft|roblox|fortnite|xbox|discord|playstation|online)",
            r"modell?ing (?:work|jobs?|contract|shoots?|agency)", r"test (?:shots?|photos?|pics?)",
            r"(?:my|his|her|your) special (?:girl|boy|friend)", r"(?:sit|sat|sitting) on (?:his|her|my) (?:knee|lap)",
            r"picks? (?:her|him) up (?:in (?:his|a) car|after school|from school)", r"picked up by (?:different |older )?(?:men|man|"
            r"guys|adults)", r"(?:stranger|adult|man|men) (?:is |keeps |has been )?messag\w*|(?:stranger|adult|man|men|guy|bloke)\b[^.?!]{0,80}\b(?:asked|asking|asks|told|wants?) (?:one of (?:our|the|my) |a |an |the |some )?(?:\w+ ){0,2}(?:kids?|child(?:ren)?|pupils?|girls?|boys?|(?:year|yr|y) ?\d{1,2}s?) to (?:dm|message|snap|add|text|meet|call|whatsapp|send)\b"),
        "weak": (r"\bmeet up\b", r"new phone\b(?! numbers?\b)", r"nails done",
                 # an adult singling a child out: kept behind, taken out of lessons, hugged where seen
                 r"keep(?:s|ing)? (?:[a-z]+ ){1,2}behind (?:after|at|in)|kept (?:[a-z]+ ){1,2}behind (?:after|at|in)",
                 r"(?:takes?|taking|took) (?:her|him|them) out of (?:lessons?|class)",
                 r"(?:seen|caught) (?:\w+ )?(?:hugging|kissing|cuddling)",
                 # in company: an adult taking one child away from the others, or a present for one child
                 r"(?:take|takes|taking|took) (?:a |an |the |one of the |one )?(?:\w+ ){0,3}(?:kids?|child(?:ren)?|pupils?|students?|"
                 r"girls?|boys?|lads?) (?:\w+ ){0,6}?(?:on (?:his|her|their) own|alone|by (?:himself|herself|themselves)|one at a time)",
                 r"(?:gave|gives|given|giving|buys?|bought|buying) (?:her|him|one of them|[a-z]+) (?:a |an |some |new )?(?:\w+ )?(?:present|gift|"
                 r"necklace|bracelet|jewellery|perfume|sweets)\b"),
    },
    "exploitation": {
        "strong": (
            r"county lines", r"going country", r"exploit\w*", r"easy (?:money|cash|£\d+)\b[^?!]{0,40}\b(?:dm|msg|message|hmu|inbox|runners?)|(?:need|needs|needed|wanted|looking for) runners\b(?! for (?:the )?(?:race|relay|sports day|marathon|fun run|event))", r"drug (?:dealing|runn\w*|debts?|lines?)", r"dealing (?:drugs|weed)",
            r"run(?:ning)? (?:a )?(?:parcels?|drugs|packages)", r"makes? (?:him|her|them) carry",
            r"carr(?:y|ying|ies|ied) (?:things|stuff|packages|parcels|bags?) (?:in|for|to)", r"(?:bags?|packages|parcels) for (?:cash|money)", r"(?:gives?|gave|paid|pays) (?:him|her|them) (?:a )?"
            r"(?:tenner|twenty|fiver|score|money|cash)", r"carry(?:ing)? (?:drugs|a knife|weapons?|a blade)",
            r"(?:wads|rolls|loads|bundles) of (?:cash|money|notes)", r"(?:new|expensive|designer) (?:trainers|clothes|phones?)\b(?! numbers?\b)(?! (?:\S+ ){0,5}(?:blisters?|rubbing|hurt|too (?:big|small)|for pe|for the|(?:for|after|at) christmas|for (?:his|her|their) birthday))",
            r"(?:two|2) phones|second phone|burner phone|designer (?:stuff|gear|things|clothes|bags?)", r"white powder", r"bags? of (?:weed|powder|pills)", r"(?:videos?|pictures?) of (?:guns|knives|weapons)",
            r"(?<!our )(?<!the school's )(?<!the schools )older (?:lads|boys|men|kids) (?:picking|pick|hang)", r"going (?:up )?to (?:the coast|other towns|london)", r"gang\w*", r"cuckoo\w*", r"train tickets? to",
            r"(?:made|forced|pressured|told) to (?:be nice|sleep with|do (?:stuff|things|favours)|have sex|go with)",
            r"pay(?:ing)? off (?:what (?:she|he|they) owes?|a debt|her debt|his debt)", r"boyfriend'?s (?:mates|friends)",
            # "paid to get younger kids to run errands for someone on the estate"
            r"(?:paid|given (?:money|cash)|getting (?:money|cash)) (?:\w+ ){0,3}to (?:get|recruit|bring|find) (?:\w+ ){0,2}(?:younger|other) (?:kids|children|boys|girls|ones)",
            r"(?:run|runs|running|ran|do|doing) (?:errands|jobs|drops|deliveries) for (?:someone|somebody|a man|some (?:men|lads|guys)|older)"),
        "weak": (r"missed (?:\w+ )?days",),
    },
    "radicalisation": {
        "strong": (
            r"radicali[sz]\w*", r"extremis\w*", r"swastikas?", r"nazi\w*", r"far[- ]right", r"white power", r"race war",
            r"jihad\w*", r"\bisis\b", r"islamists?\b", r"glorif\w* (?:\w+ ){0,3}(?:terror\w*|attacks?|attackers?|bomb\w*|shoot\w*|hitler|nazis?|extremis\w*)", r"terroris\w*", r"terror attacks?", r"(?<!space )invaders\b", r"great replacement", r"remigration",  # "calling our pupils 'invaders'"
            r"(?:our|this|the|my) school (?:would|will|is going to|gonna|'d|is) (?:be )?next\b",
            r"prais\w* (?:the |a |that |those )?(?:\w+ )?(?:terror\w*|attacks?|attackers?|bomb\w*|shoot\w*|hitler|isis|nazis?)", r"prevent (?:thing|referral|concern|issue)", r"sending them (?:all )?back",
            r"hate (?:group|speech|crime)", r"(?:push|pressur|encourag|urg|groom)\w* (?:him|her|them) to (?:attack|stab|bomb|kill|shoot)\w*", r"(?:make|making|made|build|building) a bomb", r"bomb (?:the|a|our)",
            # a threat against a place of worship: "going to do something at the mosque to send a message"
            r"(?:do|doing|did) (?:something|summat) (?:\S+ ){0,3}(?:at|to|outside) (?:the|a|that|their) (?:mosque|synagogue|church|temple|gurdwara)", r"(?:sort\w* out|deal\w* with|go\w* after) (?:the|a|that|their) (?:mosque|synagogue|temple|gurdwara)",
            r"(?:go|going|travel\w*) to (?:syria|fight)", r"fight (?:for (?:the|our|his|their) (?:cause|people|brothers|faith|nation|race)|in (?:syria|iraq|afghanistan|ukraine|palestine|the war|a war|a jihad|jihad)|abroad)", r"martyr\w*",
            r"(?:handing out|giving out) (?:\w+ )?leaflets", r"(?:fine|ok|okay|right|allowed|justified|good) to (?:kill|behead|attack|stab|shoot) (?:people|anyone|those|others|infidels|non-?believers)\b", r"recruit(?:s|ed|ing|ers?)?\b",  # not "recruitment"
            r"bring (?:a gun|a knife|a bomb|it) (?:in)?to school", r"shoot (?:up )?(?:the|our) school|school shooting",
            r"\bincels?\b", r"school shooters?", r"blow(?:ing)? up (?:the|our) school", r"how to make (?:a )?(?:bombs?|explosives?)",
            # searches on what can be made from fertiliser; "after friday everyone will know my name"
            r"(?:make|made|making|build\w*) (?:\w+ ){0,3}(?:from|with|out of) (?:\w+ )?fertili[sz]er|fertili[sz]er (?:bombs?|explosives?)",
            r"everyone (?:will|'ll|is going to|gonna) know (?:my|his|her|their) names?", r"(?:terrorists?|shooters?|bombers?|hitler|nazis?) (?:are|is|were|was) "
            r"(?:'|‘)?(?:heroes|hero|right|legends?|heroic)"),
    },
    "fgm": {
        "strong": (
            r"\bfgm\b", r"female genital", r"be cut", r"get cut", r"cutting (?:ceremony|on her)", r"(?:do|doing|coming to do) (?:the|her|their) cutting",
            r"\bthe cutting\b(?! (?:edge|room|board|mat|tool|machine|list|off))",
            r"(?:was|been|get|getting|be) cut (?:when|as a|back|abroad|in)", r"become a woman|becoming a woman",
            r"special (?:party|ceremony|procedure|holiday)", r"walking (?:a bit )?(?:strangely|funny|differently)",
            r"taking ages in the toilet"),
        "weak": (r"(?:nan'?s|family'?s|grandma'?s|parents'?) country", r"family holiday", r"long holiday", r"back home"),
    },
    "forced marriage": {
        "strong": (
            r"forced (?:to )?marr\w*|forced marriage", r"(?:marry|marrying|married off|engaged to|to wed) "
            r"(?:a |an |her |his |some|an older|someone)", r"get married", r"(?:found|chosen|picked) (?:her|him) a "
            r"(?:husband|wife)", r"arranged marriage", r"honou?r[- ]based|honou?r (?:violence|crime|killing)",
            r"shame (?:on|to) the family", r"dishonou?r", r"disown\w*", r"send (?:her|him|them) away", r"(?:check|checks|checking) (?:her|his) phone for (?:boys|girls)",
            r"not allowed to go anywhere (?:alone|on her own)", r"watch(?:es|ing)? her all the time",
            r"(?:won'?t|doesn'?t|does not|will not) let (?:her|him|them) (?:leave|go out|out of)",
            r"checks? (?:her|his|their|(?:her|his) (?:mum|dad)'?s) phone", r"(?:started|starting) on (?:her|him)"),
        "weak": (r"flying out", r"taken abroad"),
    },
    "missing": {
        "strong": (
            r"(?:is|are|went|gone|goes|been|reported|still) missing(?! (?:homework|work|lessons?|periods?|books?|kit|equipment|loads|lots|a lot|"
            r"(?:a|an|his|her|their|the|some|my) \w+))", r"missing (?:from|since|overnight|for)", r"(?:hasn'?t|has not|not|haven'?t|have not) been seen since",
            r"(?:we'?ve|we have|have|staff have|i'?ve) searched (?:the )?(?:whole |entire )?(?:school|site|building|grounds|hall|toilets|playground|field|garden)", r"(?:been |are |we'?re |still )(?:searching|looking) (?:(?:\w+ ){0,3}for )?(?:\d+|ten|fifteen|twenty|thirty|half an) ?(?:min\w*|hours?)",
            # found only after a search, or got out on their own: "wasn't found till he got to the bus station", "found him 5 mins later in the car park", "got out of the minibus at a red light"
            r"(?:wasn'?t|weren'?t|was not|were not) found (?:till|until|for)",
            # "we've lost a year 3 at the aquarium on the trip"
            rf"(?:we'?ve|we have|we|have|i'?ve|staff have|staff) (?:just )?lost (?:a|one of (?:our|the|my)|our|the|my) (?:\w+ )?(?:{YEAR}|child|pupil|student|kid|girl|boy|reception|nursery)s?\b",
            r"found (?:him|her|them) (?:\S+ ){0,2}(?:\d+|a few|five|ten|fifteen|twenty|thirty) min(?:ute)?s later", r"(?:got|gets|slipped|wander(?:ed|s)?|toddled|ran|escaped|climbed) out (?:of|through|over) (?:the )?(?:\w+ )?(?:gate|fence|minibus|window|door|fire exit)\b|(?:walk\w*|toddl\w*|wander\w*) out (?:of )?the (?:\w+ )?gates? (?:on (?:his|her|their) own|alone|by (?:himself|herself))|(?:got|slipped|squeezed) through (?:the |a )?(?:gap in the )?(?:\w+ )?(?:fence|gate|hedge)",
            r"run away|ran away|running away|runaway", r"hasn'?t (?:come|been) (?:home|back)", r"(?:didn'?t|did not|hasn'?t|has not|not) come back", r"didn'?t (?:go|come) home",
            r"lost (?:on|at|during) (?:the |a |our )?(?:school )?(?:trip|visit|beach|zoo|museum|park|residential|outing|day out)",
            # "lost a yr 3 at the science museum", "yr 3 boy missing, we've been searching 15 mins" (not "lost a year 7 coat")
            r"lost (?:a|one of (?:the|our|my)) (?:\w+ )?(?:child|pupil|kid|student|girl|boy)s?\b(?!')", rf"lost (?:a|one of (?:the|our|my)) {YEAR}{CHILD_STOPS}",
            rf"(?:{YEAR}|reception|nursery) (?:child|pupil|kid|student|girl|boy|lad) missing{CHILD_STOPS}",
            NOT_BACK_AFTER, r"left (?:the )?(?:school )?site (?:\w+ ){0,3}without (?:permission|telling)",
            r"(?:no ?one|nobody) knows where(?: (?:she|he|they|the family) (?:is|are|went|have gone|'ve gone|moved)| to\b)", r"can'?t (?:find|locate) (?:her|him)", CANT_FIND_CHILD,
            r"(?:run|ran|gone) (?:out of|off) (?:the )?(?:building|site|school)", r"(?<!allowed )(?<!go )(?<!going )(?<!lunch )(?<!educated )(?<!taught )(?<!learning )off site(?! (?:at|for|during) (?:lunch|break|dinner)| provision| placement)", r"absconded",
            # "has left the site through the back gate": a child who has got out, not a pupil who left the school
            r"(?:has|s|have|just) (?:left|got out of|slipped out of|escaped from) (?:the )?(?:school )?(?:site|grounds|premises|playground)",
            r"gone to meet (?:someone|a man|a guy)", r"unaccounted for",
            # on a trip: "no longer with the group, we last saw him in the gift shop"
            r"(?:no longer|not|isn'?t|wasn'?t) with (?:the|his|her|their|our) (?:group|class|party|others)", r"separated from (?:the|his|her|their|our) (?:group|class|party)",
            GONE_SINCE_LUNCH, HEAD_COUNT_SHORT,
            r"absent (?:for )?(?:\d+|two|three|four|five|six|several) weeks", r"off(?: school)? (?:for )?(?:\d+|two|three|four|five|six|several) weeks now", r"left in the night",
            r"(?:no answer|nobody (?:home|in|answered)|no ?one (?:home|in|answered)) (?:at|on|to) (?:the |our |a )?(?:home visit|door)",
            r"house (?:looks|is|was|seems) empty", r"missing (?:from )?education"),
    },
    "underage sex or pregnancy": {
        "strong": (r"pregnan\w*", r"abortion", r"morning[- ]?after pill", r"emergency contracepti\w*", r"sleeping with", r"(?:relationship|sex|sleeping) "
                   r"with (?:a|an|her|his) (?:\d{2}|older|adult|grown)"),
    },
    "peer abuse": {
        "strong": (
            r"sexual(?:ly)? harass\w*", r"pinned (?:her|him) (?:against|to|down)", r"forced (?:her|him|them) to",
            r"(?:grabbing|grabbed|grab) (?:girls'?|boys'?|her|his) (?:bums?|bottoms?|breasts?|boobs|chests?)",
            r"(?:pulling|pulled|pull) (?:\w+ )*?(?:trousers|pants|skirts?) (?:down|up)", r"threaten(?:s|ed|ing)? (?:to )?(?:stab|kill|"
            r"beat|hurt|batter|jump|get|rape|ruin)", r"(?:will|'ll|gonna|going to) (?:get|stab|kill|jump|batter|ruin) (?:him|her|them)",
            r"(?:they|he|she|we)'?ll (?:get|stab|kill|jump|batter|ruin|hurt|beat) (?:him|her|them)",
            r"stabb?(?:ed|ing)?|knife|knives|machete|weapon", r"monkey (?:noises|chants|sounds)", r"spat (?:at|on) (?:him|her|them)", r"\bslag\b|\bslut\b|\bwhore\b", r"being bullied|bullied|bullying",
            # a child who means to hurt someone: a gun, a way to kill, a list of what they will do to them
            r"(?<!nerf )(?<!water )(?<!toy )(?<!glue )(?<!cap )(?<!bb )(?<!airsoft )(?<!paintball )(?<!heat )(?<!staple )"
            r"(?<!starting )(?<!spray )(?<!nail )(?<!laser )(?<!bubble )(?:shot ?guns?|rifles?|firearms?|pistols?|handguns?|\bguns?)\b",
            r"(?:best |quickest |easiest )?(?:ways? |how )to (?:kill|stab|shoot|poison|hurt) (?:my|his|her|their|a|the|some|someone|people|every)\b",
            r"what (?:i'?ll|i will|i'?m going to|i'?m gonna|he'?ll|he will|she'?ll|she will) do to (?:them|him|her)",
            r"(?:homophobic|racist|transphobic) (?:abuse|attack|bullying)", r"kill yourself",
            r"(?:make|makes|made|making) (?:him|her|them) (?:eat|lick|drink)", r"(?:eat|lick) (?:\w+ ){0,2}off the (?:floor|ground)",
            r"(?:confessions?|rating|ranking|exposing|expose) (?:page|account)", r"(?:rating|rate|rated|ranking|ranked|scoring|scored) (?:\S+ ){0,3}(?:bod(?:y|ies)|boobs|bums?|breasts|figures)\b", r"rumou?rs? about (?:which |what |who )?"
            r"(?:girls?|boys?|her|him)", r"(?:slapped|hit|punched|beaten|jumped|attacked|filmed) (?:\w+ ){0,8}(?:on tiktok|on snap\w*|"
            r"on insta\w*|filmed|posted online)"),
    },
    "exposed online": {
        "strong": (
            r"blackout challenge|choking (?:game|challenge)|pass ?out (?:game|challenge)|(?:tiktok|online|viral) challenge(?![^.?!]{0,80}\b(?:sanctions?|detentions?|vandal\w*|damag\w*|soap dispensers?|(?:pulling|ripping|taking) \w+ off)\b)",
            r"(?:posted|shared|put up|posting|sharing|spread\w*) (?:\w+ ){0,3}(?:photos?|pictures?|pics?|videos?|names?) of "
            r"(?:\w+ ){0,5}(?:with|and) (?:her|his|their) (?:home )?(?:address|location|school)",
            # where a child in care lives, given to someone kept from them: "gave a looked after child's new address to her birth mum"
            r"(?:given|gave|told|shared|passed on|disclosed|sent) (?:\w+ ){0,5}(?:new )?(?:address|location|school|phone number) to (?:her|his|their|"
            r"the) (?:birth |biological )?(?:mum|mother|dad|father|parents?|family)",
            r"(?:not supposed|not allowed|isn'?t allowed|aren'?t allowed|mustn'?t) to (?:have )?(?:any )?contact",
            # a child shamed online: "posted a photo of another family's child with a comment about his 'disgusting' home"
            r"(?:posted|shared|put(?: up)?|putting(?: up)?|posting|sharing) (?:a |an )?(?:photos?|pictures?|pics?|videos?) of (?:a |an |another (?:family'?s )?|one of our |our "
            r"|the |their )(?:\w+ ){0,2}(?:child(?:ren)?|kids?|boys?|girls?|pupils?|sons?|daughters?)\b[^.?!]{0,80}\b(?:disgusting|filthy|dirty|smelly|"
            r"neglected|scruffy|feral|vile|mock\w*|laughing at|shaming|name and shame)"),
    },
    "staff conduct": {
        "strong": (
            NOT_THE_ONE_TOLD + r"(?:teachers?|colleagues?|member of staff|staff member|\btas?\b|teaching assistants?|coach|tutor(?! group)|deputy head|"
            r"head ?teacher|headteacher|the head|principal|" + OUR_HEAD + r"|head of (?:year|department|dept|sixth form|house|\w+)|(?:executive|exec) head|caretaker|volunteer|supply|technician|mr \w+|mrs \w+|"
            r"miss \w+|sir) (?:(?!(?:says?|said|thinks?|reckons?|got|gets|received|receives|" + ANOTHER_ADULT + r")\b)\w+ ){0,6}(?:messag\w*|text\w*|snap\w*|dm\w*|follow(?:s|ed|ing)?\b(?! (?:this|it|these|that|the (?:policy|rules?|guidance|code))\b)|add\w*|lik(?:es|ed|ing) (?:their|her|his)|friends (?:with|w) (?:\w+ )?(?:pupils|students|kids|girls|boys)|"
            r"(?:takes?|took|taking) (?:photos?|pictures?|pics)|touch\w*|kiss\w*|alone with|in (?:his|her) office|"
            r"locked (?:himself|herself)|lifts? home|driv\w* (?:her|him) home|gifts?|favourite|(?:\w+ ){0,4}told (?:her|him|them) not to tell|"
            r"hug\w*(?: \w+){0,3} (?:too (?:long|much|tight|often)|a lot|all the time|inappropriately|from behind|"
            r"when (?:no ?one|nobody)))(?! (?:me|us)\b)"  # "a colleague added me on fb": between staff
            # "my TAs want to text the parents": staff and families, not staff and a child
            r"(?! (?:the |our |their |all |any |some )?(?:\w+ ){0,2}(?:parents?|carers?|families|mums?|dads?)\b)",
            # "a colleague is in a relationship with a Year 13 student": whatever the student's age
            r"(?:teachers?|colleagues?|members? of staff|\btas?\b|coach|tutor|volunteers?|helpers?|mr \w+|mrs \w+|miss \w+)(?: \S+){0,8} (?:in a relationship with|dating|"
            r"going out with|seeing|sleeping with) (?:a |one of (?:our|the|my) |an? )?(?:year|yr|y) ?\d{1,2}(?: student| pupil| girl| boy)?s?\b|"
            r"(?:teachers?|colleagues?|members? of staff|\btas?\b|coach|tutor)(?: \w+){0,4} (?:in a relationship with|dating|going out with|seeing|sleeping with) "
            r"(?:a |one of (?:our|the|my) )?(?:\w+ )?(?:student|pupil|sixth former)s?\b",
            r"(?:\btas?|teachers?|colleagues?|members? of staff) (?:in|from|at) (?:my|our|the) (?:\w+ ){0,3}(?:has|have|is|was|"
            r"are|were) (?:been )?(?:messag|text|snap|add|follow|dm)\w*",
            r"(?<!chat with the )(?<!call with the )(?<!chats with the )(?<!calls with the )(?:blinds|door)(?:'s| is| was)? (?:down|shut|closed|locked)|lock\w* (?:\w+ ){0,2}doors? with (?:a |an |one |the )?(?:\w+ ){0,3}(?:pupil|child|student|girl|boy|kid|year ?\d+|yr ?\d+|y\d+)s? (?:\w+ )?inside",
            # "one of the male staff sitting on a yr 9 girl's bed in the dorm at 2am"
            r"(?:staff|teachers?|colleagues?|members? of staff|\btas?|coach(?:es)?|houseparents?|mr \w+|sir)(?: \S+){0,6} (?:sitting|sat|lying|lay|laying) on (?:a |her |his |the |their )?(?:\S+ ){0,3}beds?\b|\bin (?:the )?(?:girls'?|boys'?) (?:dorm\w*|bedrooms?) at (?:night|\d{1,2} ?am)\b|\b(?:went|go|goes|going|came|comes|coming) into (?:the |a )?(?:\w+ ){0,3}(?:girls'?|boys'?|lads'?|pupils'?|students'?) (?:bed)?rooms? (?:\w+ ){0,2}(?:at night|late|after lights out|at \d{1,2} ?am)",
            # "a teacher's account chatting to a pupil about meeting up at the weekend"
            r"(?:teachers?|staff|colleagues?|tutor|coach|\btas?|mr \w+|mrs \w+|miss \w+)(?:'s| s)? (?:[\w,]+ ){0,5}(?:chatting|talking|messaging|texting) (?:to |with )?"
            r"(?:a |one of (?:the|our|my) )?(?:pupil|student|child|kid|girl|boy|year ?\d+|yr ?\d+|y\d+)s?\b[^.?!]{0,40}\bmeet(?:ing)? up\b(?! with (?:her|his|their|the) (?:parents?|mum|dad|carers?|family|class|form))",
            # safer recruitment: "a reference says she was let go from her last school for messaging pupils on snapchat"
            r"(?:sacked|dismissed|let go|suspended|disciplined|investigated|struck off|barred|resigned|left) (?:\S+ ){0,6}(?:for|over|after|about|into|regarding) "
            r"(?:\S+ ){0,2}(?:messag\w*|text\w*|snap\w*|contact\w*|touch\w*|a relationship|groom\w*|inappropriate\w*) (?:\S+ ){0,2}"
            r"(?:pupils?|students?|children|kids|child)\b",
            # "one of the cover supervisors plays fortnite with some yr 9 boys in the evenings"
            r"(?:supervisors?|teachers?|colleagues?|staff|\btas?\b|coach(?:es)?|tutors?|volunteers?|technicians?|mentors?|assistants?|helpers?|mr \w+|mrs \w+|"
            r"miss \w+) (?:\w+ ){0,4}(?:play|plays|playing|played|games|gaming) (?:\w+ ){0,2}(?:fortnite|xbox|roblox|minecraft|"
            r"call of duty|fifa|online|playstation|cod)\b(?: \w+){0,3} with (?:\w+ ){0,6}(?:boys|girls|pupils|students|kids|"
            r"lads|year ?\d+s|yr ?\d+s|y\d+s)\b",
            r"(?:volunteers?|coach\w*|helpers?|tutors?|teachers?|\btas?) (?:who|that) (?:\w+ ){0,5}(?:has been |have been |is |keeps )?"
            r"(?:add|messag|text|snap|dm|follow|giv)\w*", r"delete (?:this|it) after", r"lifts? home", r"lik(?:es|ed|ing) (?:all )?(?:of )?(?:her|his|their|the girls'?|the boys'?) (?:\w+ )?(?:bikini|swimsuit|swimwear|underwear) (?:pics|photos|pictures|selfies|posts)",
            r"(?<!\bon )(?:his|her) (?:personal|private|own) (?:number|mobile|phone number|snapchat|insta)|(?<!\ba )(?:messag|repl|talk|chat|dm|follow|text)\w* (?:\w+ ){0,4}on (?:his|her) (?:personal|private|own) (?:snapchat|insta)", STAFF_WHO + r"(?:\w+ ){0,6}?(?:contact|messag|talk|chat|dm)\w* (?:\w+ ){0,3}(?:through|on|via|from|using) (?:a |an |his |her |their )?(?:private|secret|fake|second|anonymous|burner|hidden) (?:\w+ )?(?:account|insta\w*|snap\w*|profile|number|phone)",
            # what an adult working in the school did to a child: "a supply teacher grabbed a boy by the arm"
            NOT_THE_ONE_TOLD + STAFF_WHO + r"(?:(?!(?:that|says?|said|(?:told|tells?|telling)(?! (?:a|an|the|one|some|two|her|him|them)\b)|mother|father|parents?|and|but|because|so|when|" + ANOTHER_ADULT + r")\b)\w+ ){0,5}"
            r"(?:grab\w*|push(?:ed|es|ing)?|shov\w*|slap\w*|smack\w*|hit|hits|hitting|punch\w*|kick\w*|pinch\w*|"
            r"drag\w*|shook|shak(?:es|ing)|threw|throws?|yank\w*|h[oe]ld (?:\w+ ){0,2}down|slam\w* (?:\w+ ){1,3}(?:against|into|onto)|pinn(?:ed|ing) (?:him|her|them)|swear\w* at|scream\w* (?:at|in)|shout\w* at|kn(?:elt|eels?|eeling) on|(?:told|tells|telling) (?:a |the |one )?(?:\w+ ){0,3}(?:he|she|they)(?:'s| was| is| were| are) (?:stupid|thick|useless|fat|ugly|worthless|pathetic|disgusting|a waste|an idiot)|(?:too )?rough with|made (?:him|her|them|a|an|the|one|some) (?:\w+ ){0,3}(?:sit|stand|stay|kneel)|shut (?:him|her|them|a|the)|"
            r"lock\w* (?:him|her|them|a|the)|(?:keeps? )?(?:making|made|makes) comments|comment\w* (?:on|about) (?:her|his|a (?:\w+ ){0,3}(?:girl|boy|pupil|student|kid)(?:'?s)?) "
            r"(?:body|figure|looks|chest|bum|legs|weight)|"
            r"asked (?:her|him) (?:for (?:her|his) (?:snapchat|number|insta)|to stay behind)|calls? (?:her|him|them|some) |"
            r"(?:go|went|goes|going) into (?:the |a )?(?:\w+ ){0,3}(?:dorm\w*|toilets?|changing rooms?)|sit on (?:his|her) (?:knee|lap)|"
            r"bought (?:a |an |her |him )|whatsapp\w* (?:her|him)|sends? (?:her|him) |sent (?:her|him) |porn\w*|"
            r"(?:slurring|smells? of (?:wine|alcohol|booze|drink)|drunk)|(?:photos?|pictures?|pics) of (?:the )?(?:kids|children|pupils|girls|boys))",
            # ...or was in contact with one, in ways that cross a line: "one of the sports coaches has been snapchatting the yr6 girls"
            NOT_THE_ONE_TOLD + STAFF_WHO + r"(?:(?!(?:that|says?|said|told|tells?|telling|mother|father|parents?|and|but|because|so|when|me|us|got|gets|received|receives|" + ANOTHER_ADULT + r")\b)\w+ ){0,5}"
            r"(?:messag\w*|text(?:s|ed|ing)|snap\w*|dm\w*|whatsapp\w*|sending|sends|sent|voice notes?|giv(?:es|ing|en)|gave|bought|buys|"
            r"drives?|drove|driving|driven|taking|takes|took|letting|lets|let|asked(?! (?:if|whether|about|for (?:advice|help)))|asks(?! (?:if|whether|about))|show(?:s|ed|ing)|abused|touch\w*|kiss\w*|massages?|follow(?:s|ed|ing)?\b(?! up\b| (?:this|it|these|that|the (?:policy|rules?|guidance|code|procedures?))\b)|"
            r"shower\w* with|hanging (?:round|around)|calls?|called|keeps? telling|lik(?:es|ed|ing)|comment\w* on)\b(?: (?!me\b|us\b)\S+){0,5} "
            r"(?:(?:a|an|the|one|some|two|our|my|of the) )?(?:year ?\d{1,2}s?|yr ?\d{1,2}s?|y\d{1,2}s?|girls?|boys?|pupils?|students?|kids?|child(?:ren)?|"
            r"\d{1,2} ?(?:yr|year)s?[ -]old (?:daughter|son)|"
            # "gave the kids the link to the padlet": school things handed out
            r"lads?|sixth formers?|candidates?)\b(?! (?:the |a |an |their |some )?(?:links?|urls?|padlet|homework|worksheets?|logins?|passwords?|"
            r"feedback|detentions?|merits?|stickers?|certificates?|reports?|results?|codes?|qr|revision|"
            r"parents?|carers?|mums?|dads?|families)\b)",  # "in a whatsapp group with the yr 4 parents"
            # a child's degrading treatment shared: "the head shared a video of a pupil being restrained ... laughing about it"
            STAFF_WHO + r"(?:\w+ ){0,6}?(?:shar(?:ed|es|ing)|post(?:ed|s|ing)|sent|sends) (?:a |the )?(?:videos?|photos?|pics?|clips?) of (?:a |the "
            r"|one of our )?(?:\w+ )?(?:pupil|child|kid|boy|girl|student|lad)\b[^.?!]{0,60}\b(?:laugh\w*|restrain\w*|crying|upset|mock\w*)",
            # the concern kept off the record: "the head told me not to log it", "told me to delete the disclosure from CPOMS"
            STAFF_WHO + r"(?:\w+ ){0,10}?(?:told|asked|wants?|said) me (?:not to (?:log|record|report|write (?:it )?(?:up|down)|pass (?:it )?on|"
            r"refer|tell)|to (?:delete|remove|ignore|drop|forget|not (?:log|record|report)))\b",
            # "the head asked her to delete a safeguarding record about a complaint made against him"
            STAFF_WHO + r"(?:\w+ ){0,10}?(?:told|asked|wants?|got) (?:me|her|him|them|us|staff|the \w+(?: \w+)?) to (?:delete|remove|destroy|shred|wipe|hide|bin|change|edit) "
            r"(?:\w+ ){0,2}(?:safeguarding|cpoms|myconcern|concern|disclosure|complaint|allegation|incident)",
            # "a yr 12 showed me snapchat messages from a teacher here"
            r"(?:showed me (?:\w+ )?(?:snapchat|snap|insta\w*|whatsapp|tiktok|private|secret|personal|late[- ]night)|(?:she|he|they)(?:'s| has| have| had)? "
            r"(?:got|had|received|been getting)(?: \w+){0,2}|(?:her|his|their) (?:phone|account)(?: \w+){0,2}) (?:messages?|texts?|snaps?|dms?|voice notes?) from (?:a |an |the |one of (?:the|our) |our |her |his )?" + STAFF_WHO.rstrip()),
    },
    # an allegation being investigated: "a teacher here is named in a police investigation from his last school, and
    # he's teaching today". About children by its nature (who.CHILD_BY_NATURE); told to the headteacher like staff conduct.
    "staff under investigation": {
        "strong": (
            STAFF_WHO + r"(?:\w+ ){0,6}?(?:(?:is |was |has been |being )?(?:named in|under|subject of|part of) (?:a |an |the )?(?:police|criminal|lado|"
            r"safeguarding) (?:investigation|inquiry|enquiry)|(?:has been |was |got |been )?arrested|(?:has been |was )?charged with|on the sex offenders?)",),
    },
    "disclosed": {
        "strong": (
            r"disclos\w*", r"(?:told|tells|telling) me (?:something|about (?:home|what))", r"said something (?:about home|"
            r"worrying)", r"something (?:worrying|concerning) about home", r"safeguarding (?:concern|issue|thing|matter|question|"
            r"referral)", r"is (?:this|it|that) (?:a )?safeguarding", r"child protection (?:concern|issue|matter)",
            r"(?<!adults )(?<!adult )at risk", r"being abused", r"abus(?:e|ed|ing|ive)", r"worried about (?:a|one of|my|our|this) "
            r"(?:kid|child|pupil|student|girl|boy|lad|year|yr)"),
        "weak": (r"doesn'?t add up",),
    },
}
