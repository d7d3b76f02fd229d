"""The signs of harm to a child, as data: per category, the phrases that point to harm on their own
("strong") and those that only do in company ("weak", none when left out). Each is a regular
expression matched on word boundaries in the lower-cased message (safeguarding/disclosure.py reads them)."""
from __future__ import annotations

_P = r"(?:her|him|them|me|us|my|his|their)"  # whom it happens to
_PARENT = (r"(?:dad|daddy|father|mum|mummy|mam|mom|mother|step ?dad|step ?mum|step ?father|step ?mother|parents?|"
           r"uncle|auntie|aunt|aunties|grandad|grandpa|nan|nana|grandma|brother|sister|cousin|carer|foster carer|"
           r"(?:mum|mom|mam)'?s (?:boyfriend|partner|friend)|(?:dad|daddy)'?s (?:girlfriend|partner|friend)|boyfriend|"
           r"partner|relatives?|family|ex)")

SIGNS: dict[str, dict[str, tuple[str, ...]]] = {
    "physical abuse": {
        "strong": (
            rf"(?:hits?|hitting|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|slap(?:s|ped|ping)?|smack(?:s|ed|ing)?|"
            rf"thump(?:s|ed|ing)?|batter(?:s|ed|ing)?|strangl\w*|chok(?:e|ed|es|ing)|throttl\w*|beat(?:s|en|ing)?) "
            rf"(?:{_P}|the (?:kids?|boys?|girls?|baby))",
            r"beat(?:s|en|ing)? up", r"bruis\w*", r"black eye", r"split lip", r"hand ?print", r"belt marks?",
            r"marks? (?:like )?(?:from|of) a belt", r"(?:burn|bite|finger|grip) marks?", r"cigarette burns?",
            r"welts?", r"flinch\w*", r"(?:broken|fractured) (?:arm|wrist|leg|rib|nose)",
            rf"(?:threw|throws|thrown) (?:\w+ ){{0,2}}at {_P}", rf"(?:grab(?:s|bed)?|shov(?:e|es|ed)|push(?:es|ed)) "
            rf"{_P} (?:by|against|down|into)", r"physically (?:abus\w*|hurt\w*)",
            rf"hurt(?:s|ing)? {_P}", r"(?:explanations?|story|injur\w*) (?:don'?t|do not|doesn'?t) add up",
            r"shak(?:e|en|ing) the baby", r"(?:cane|belt|wooden spoon) (?:on|to) (?:her|him)",
            r"pull(?:s|ed|ing)? (?:her|his|their) hair", r"bald patch(?:es)?", r"scratch(?:es|ed)? (?:on|all over)",
            r"hands? (?:round|around|on) (?:\w+ )?(?:neck|throat)"),
        "weak": (r"marks on", r"cross (?:cos|because|when)"),
    },
    "sexual abuse": {
        "strong": (
            r"sexual(?:ly)?", r"sex with", r"had sex", r"having sex", r"rap(?:e|ed|ing)", r"molest\w*", r"grop\w*",
            rf"touch(?:es|ed|ing)? {_P}\b(?! on the (?:arm|shoulder))", r"private parts?", r"down there",
            r"(?:in|comes? (?:in|into)|into) (?:her|his|their) (?:room|bed) at night",
            r"(?:is|was|comes?|came|goes|went|gets?|got) in(?:to)? (?:her|his|their) (?:room|bed)\b", r"does stuff", r"did stuff",
            r"massages?", r"(?:photos?|pictures?|pics|videos?|films?) of (?:her|him|them) (?:in the bath|naked|undress\w*|"
            r"in (?:the|their) (?:bath|shower|changing room)|getting changed)", r"in the bath",
            r"(?:in|into|of) the (?:girls'? |boys'? )?changing rooms?", r"keep(?:s|ing)? (?:their |our |it )?secrets?", r"our (?:little )?secret",
            r"rude (?:videos?|pictures?|photos?|games?)", r"porn\w*", r"adult (?:videos?|films?|content)",
            r"indecent", r"expos(?:ed|ing) (?:himself|herself)", r"flash(?:ed|ing)", r"hand up (?:her|his) (?:skirt|top|shirt)",
            r"up (?:her|his) skirt", r"upskirt\w*", r"up (?:\w+'? )?skirts?", r"rank(?:s|ed|ing)? (?:the )?girls",
            r"what (?:he|they|he'?d|they'?d|i'?d) (?:would )?do to (?:her|them)", r"(?:take|took|taking) (?:his|her|their) "
            r"(?:top|clothes|shirt|trousers|pants|knickers) off", r"(?:turn|put) (?:his|her|their) camera on", r"(?:trousers|pants|knickers|skirt) (?:down|off|up)",
            r"(?:grab|grabb\w*|touch\w*|slap\w*) (?:\w+ )?(?:bums?|bottoms?|breasts?|boobs|chests?|crotch)",
            r"(?:knows?|described|talks? about) (?:stuff|things) no \w+ (?:year old|yr old|child|kid)",
            r"sexualis\w*|sexualiz\w*",
            r"(?:put|puts|putting|tries to put|trying to put|tried to put) (?:his|her|their) hands? (?:down|in|inside|up) "
            r"(?:\w+ ){0,3}(?:trousers|pants|knickers|skirts?|tops?|shorts)"),
        "weak": (r"sleeps? (?:in|over)",),
    },
    "emotional abuse": {
        "strong": (
            r"emotional(?:ly)? abus\w*", r"(?:calls?|called|calling) (?:her|him) (?:a )?(?:stupid|useless|worthless|"
            r"fat|ugly|idiot|waste|names|slag|slut)", r"waste of space", r"never been born", r"hates? (?:me|her|him)",
            r"(?:i'?m|she'?s|he'?s|they'?re) the reason", r"not allowed to (?:eat|go out|speak|see)",
            rf"lock(?:s|ed)? {_P} (?:out|in)", r"(?:scared|terrified|frightened|afraid|petrified) of (?:her|his|their) "
            + _PARENT, r"(?:screams?|shouts?|yells?) at (?:her|him|them) (?:all the time|every)",
            r"stay in (?:her|his|their) room (?:all|for)", r"as a punishment", r"humiliat\w*",
            r"wish (?:i|she|he|they)'?d never had (?:him|her|them|you)", r"(?:little |a |compulsive )?liar\b.{0,60}"
            r"(?:not to|don'?t|shouldn'?t|never) believe", r"(?:not to|don'?t|shouldn'?t) believe (?:anything |a word )?"
            r"(?:he|she|they) (?:says?|tells?)",
            r"(?:makes?|made|forces?|forced) (?:\w+ ){1,4}?(?:stand|stay|sit|sleep|kneel|wait)(?: \w+){0,5} "
            r"(?:for hours|all (?:night|day)|outside|in the (?:garden|cold|dark|shed))"),
        "weak": (r"hid under",),
    },
    "neglect": {
        "strong": (
            r"neglect\w*", r"same (?:clothes|shirt|uniform|jumper|top|trousers)", r"smells?(?: really| quite| very| so)? "
            r"(?:bad|awful|of (?:wee|urine|smoke|damp))", r"(?:always|really|constantly|so|starving) hungry",
            r"no food (?:at home|in the house)", r"nothing to eat", r"(?:asking|begging) (?:\w+ ){0,3}for food",
            r"(?:steal|stealing|takes?) (?:\w+ )?food", r"food from (?:the )?bins?", r"head lice|nits",
            r"rotten teeth|tooth ?ache (?:for|all)", r"left (?:home )?alone", r"home alone", r"on (?:her|his|their) own "
            r"(?:at night|all (?:day|night|weekend)|this morning|overnight)", r"(?:no|without) (?:electric\w*|gas|heating|"
            r"hot water|food)", r"(?:not|haven'?t|hasn'?t|wasn'?t|weren'?t|isn'?t|aren'?t) (?:been )?(?:picked up|collected)", r"no ?one (?:picked|came to collect|answering|"
            r"is answering)", r"nobody (?:picked|came|answering|is answering)", r"(?:crossed|walked) (?:\w+ ){0,3}(?:road|"
            r"on (?:her|his) own)", r"dirty (?:clothes|uniform)", r"unwashed", r"hasn'?t (?:eaten|washed)",
            r"no coat in", r"fell asleep",
            r"medical neglect", r"(?:without|no|not (?:taking|given|getting|having)) (?:his|her|their) (?:insulin|inhaler|"
            r"medication|meds|epipen|epi-pen)", r"(?:never|don'?t|doesn'?t|didn'?t|not) (?:turn(?:ed)? up|take (?:him|her|them)|"
            r"bring (?:him|her|them)|go|come) (?:to )?(?:his |her |their |the )?(?:clinic|medical|hospital|doctors?|dentist|gp)(?: appointments?)?"),
        "weak": (r"tired all the time", r"falling asleep", r"(?:keeps|kept) missing school",
                 r"looks? after (?:his|her) (?:little|younger|baby)"),
    },
    "self-harm": {
        "strong": (
            r"self[- ]?harm\w*", r"cut(?:s|ting)? (?:herself|himself|themselves|themself)", r"how to cut",
            r"cuts (?:on|up|all over) (?:her|his|their)", r"fresh cuts", r"scars? on (?:her|his|their)",
            r"burn(?:s|ing)? (?:herself|himself|themselves)", r"hurt(?:s|ing)? (?:herself|himself|themselves)",
            r"(?:razor|sharpener|pencil sharpener)(?: blades?)?", r"blades? (?:in|wrapped)",
            r"plasters? (?:all )?(?:up|on|over) (?:her|his|their) (?:arms?|wrists?|legs?)", r"(?:wrist|arm)s? (?:covered|bandaged)"),
        "weak": (r"long sleeves",),
    },
    "suicide": {
        "strong": (
            r"suicid\w*|sucid\w*|suicdal", r"kill(?:s|ed|ing)? (?:herself|himself|themselves|themself|myself)", r"end (?:it|it all|things|"
            r"(?:her|his|their|my) life)", r"want(?:s|ed)? to die", r"wants? to be dead", r"better off (?:dead|without)",
            r"no ?one would (?:miss|care)", r"not (?:want|wanting) to (?:be here|live|be alive|exist)",
            r"(?:doesn'?t|don'?t|didn'?t) want to (?:live|be alive|be here|exist|wake up)", r"not wake up",
            r"jump(?:ing)? (?:off|in front)", r"on (?:the|a) (?:railway |rail )?(?:bridge|ledge|roof)", r"overdos\w*",
            r"(?:swallow(?:ed|s)?|taken?|took|take) (?:all |a (?:load|lot|bunch) of |loads of |some of )?(?:(?:her|his|my|"
            r"their|mum'?s|dad'?s|nan'?s) )*(?:pills|tablets|paracetamol|meds|medication)", r"taken them all",
            r"(?:goodbye|suicide) (?:note|message|letter)", r"sorry for everything", r"no (?:reason|point) (?:to|in) (?:live|living)",
            r"kill yourself|kys\b", r"noose|hang (?:herself|himself)",
            r"goodbye (?:everyone|all|every ?1|guys|world|forever)", r"thanks? for everything",
            r"ways to (?:die|kill (?:myself|herself|himself|themselves)|end (?:it|my life|her life|his life))",
            r"how to (?:die|kill (?:myself|herself|himself|themselves)|end it|hang|overdose)",
            r"(?:has|got|made|have|with) a plan to (?:do it|end|kill|die|hurt)"),
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
    "sexual images": {
        "strong": (
            r"nudes?", r"naked", r"topless", r"explicit", r"send (?:me |him |her |them )?(?:a |some )?(?:pics?|photos?|videos?) of (?:herself|himself|themselves|yourself|"
            r"your(?:self)? body|her body|his body|you)",
            r"(?:sexual|intimate|indecent|dirty|rude) (?:pic\w*|photos?|images?|videos?|selfies?)",
            r"sexting|sextort\w*", r"deep ?fakes?", r"fake nudes?", r"blackmail\w*",
            r"(?:threaten(?:s|ed|ing)?|says?|said) (?:to|they'?ll|he'?ll|she'?ll|it'?ll) (?:share|send|post|leak)",
            r"sent (?:a )?(?:pic|picture|photo|video) (?:of herself|of himself|to (?:her|his) (?:boy|girl)friend)",
            r"(?:shared|sharing|spread\w*|going round) (?:it )?(?:with|around|round) (?:his|her|the) (?:mates|friends|class|school|year)"),
        "weak": (r"screenshots? of (?:her|him)",),
    },
    "grooming": {
        "strong": (
            r"groom(?:ed|ing)?", r"older (?:boy ?friend|man|men|guy|bloke|lads?|girlfriend|woman)",
            r"(?:boyfriend|man|guy|bloke|friend)'?(?: who'?s| whos| is| aged)? (?:like |about |nearly )?(?:[2-9]\d|in his \d0s)",
            r"(?:met|meeting|meet) (?:up with )?(?:him|her|them|someone|a man|a guy|a bloke|a stranger|people)? ?"
            r"(?:online|off (?:\w+)|from (?:snapchat|tiktok|instagram|insta|roblox|discord|fortnite|xbox|a game))",
            r"(?:gift ?cards?|gifts|presents|money|cash|vouchers) from", r"(?:sending|sends|keeps sending|sent) (?:him|her|them) "
            r"(?:gift|money|presents|cash|vouchers)", r"buys? (?:her|him) (?:things|presents|stuff|a new|new)",
            r"bought (?:her|him) (?:a new|an?|new)", r"(?:wants|asked for|asking for|asks for) (?:her|his|their) "
            r"(?:address|number|location)", r"what (?:her|his|their) bedroom looks like",
            r"pretend(?:ing|s)? to be (?:a )?(?:kid|child|boy|girl|teenager|\d{2})", r"(?:told|tells|said to) (?:her|him|them) "
            r"not to tell", r"not to tell (?:her|his|their|anyone|any ?one)", r"keep (?:the |their |our )?chats? secret",
            r"delete (?:this|these|it|them|the (?:messages|chats?|pics|photos)) after", r"secret (?:relationship|account|chat|phone)",
            r"don'?t tell (?:your|ur|yr|anyone|any ?one|ya)",
            r"(?:stranger|adult|grown ?up|man|men|guy|bloke) (?:\w+ ){0,3}(?:sending|sent|contacting|contacted) (?:her|him|them|"
            r"(?:her|his|their) (?:son|daughter|child|kid|boy|girl))", r"(?:asked|asks|asking|wants to know|wanted to know) "
            r"(?:\w+ ){0,3}(?:what|which) school", r"what time (?:she|he|they) (?:walks?|goes|gets?|leaves?|comes?) home",
            r"(?:man|men|guy|bloke|adult|stranger|someone older) (?:\w+ ){0,3}(?:plays?|playing|chats?|talks?|games?) "
            r"(?:\w+ ){0,2}(?:with )?(?:on )?(?:minecraft|roblox|fortnite|xbox|discord|playstation|online)",
            r"modell?ing (?:work|jobs?|contract|shoots?|agency)", r"test (?:shots?|photos?|pics?)",
            r"picks? (?:her|him) up (?:in (?:his|a) car|after school|from school)", r"picked up by (?:different |older )?(?:men|man|"
            r"guys|adults)", r"(?:stranger|adult|man|men) (?:is |keeps |has been )?messag\w*"),
        "weak": (r"\bmeet up\b", r"new phone", r"nails done"),
    },
    "exploitation": {
        "strong": (
            r"county lines", r"going country", r"exploit\w*", r"drug (?:dealing|runn\w*|debts?|lines?)", r"dealing (?:drugs|weed)",
            r"run(?:ning)? (?:a )?(?:parcels?|drugs|packages)", r"makes? (?:him|her|them) carry",
            r"carry (?:things|stuff|packages|bags?) (?:in|for|to)", r"(?:gives?|gave|paid|pays) (?:him|her|them) (?:a )?"
            r"(?:tenner|twenty|fiver|score|money|cash)", r"carry(?:ing)? (?:drugs|a knife|weapons?|a blade)",
            r"(?:wads|rolls|loads|bundles) of (?:cash|money|notes)", r"(?:new|expensive|designer) (?:trainers|clothes|phones?)",
            r"two phones|second phone|burner phone", r"white powder", r"bags? of (?:weed|powder|pills)", r"(?:videos?|pictures?) of (?:guns|knives|weapons)",
            r"older (?:lads|boys|men|kids) (?:picking|pick|hang)", r"going (?:up )?to (?:the coast|other towns|london)",
            r"gang\w*", r"cuckoo\w*", r"train tickets? to"),
        "weak": (r"missed (?:\w+ )?days",),
    },
    "radicalisation": {
        "strong": (
            r"radicali[sz]\w*", r"extremis\w*", r"swastika", r"nazi\w*", r"far[- ]right", r"white power", r"race war",
            r"jihad\w*", r"\bisis\b", r"terroris\w*", r"prevent (?:thing|referral|concern|issue)", r"sending them (?:all )?back",
            r"hate (?:group|speech|crime)", r"(?:make|making|made|build|building) a bomb", r"bomb (?:the|a|our)",
            r"(?:go|going|travel\w*) to (?:syria|fight)", r"fight (?:for|in|abroad)", r"martyr\w*",
            r"great replacement", r"(?:handing out|giving out) (?:\w+ )?leaflets", r"recruit\w*",
            r"bring (?:a gun|a knife|a bomb|it) (?:in)?to school", r"shoot (?:up )?(?:the|our) school|school shooting",
            r"\bincels?\b", r"school shooters?", r"(?:terrorists?|shooters?|bombers?|hitler|nazis?) (?:are|is|were|was) "
            r"(?:'|‘)?(?:heroes|hero|right|legends?|heroic)"),
    },
    "fgm": {
        "strong": (
            r"\bfgm\b", r"female genital", r"be cut", r"get cut", r"cutting (?:ceremony|on her)", r"(?:do|doing|coming to do) the cutting",
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
            r"(?:is|are|went|gone|goes|been|reported|still) missing(?! (?:homework|work|lessons?|books?|kit|equipment|"
            r"(?:a|an|his|her|their|the|some|my) \w+))", r"missing (?:from|since|overnight|for)",
            r"run away|ran away|running away|runaway", r"hasn'?t (?:come|been) (?:home|back)",
            r"(?:didn'?t|did not|hasn'?t|has not|not) come back", r"didn'?t (?:go|come) home",
            r"(?:no ?one|nobody) knows where (?:she|he|they) (?:is|are)", r"can'?t (?:find|locate) (?:her|him)",
            r"(?:run|ran|gone) (?:out of|off) (?:the )?(?:building|site|school)", r"off site", r"absconded",
            r"gone to meet (?:someone|a man|a guy)",
            r"absent (?:for )?(?:\d+|two|three|four|five|six|several) weeks", r"left in the night",
            r"(?:no answer|nobody (?:home|in|answered)|no ?one (?:home|in|answered)) (?:at|on|to) (?:the |our |a )?(?:home visit|door)",
            r"house (?:looks|is|was|seems) empty", r"missing (?:from )?education"),
    },
    "domestic abuse": {
        "strong": (
            r"domestic (?:abuse|violence|incident)", r"operation encompass", r"police (?:came|were called|called|round|turned up|at (?:the|their) house)",
            rf"{_PARENT} (?:hurt|hits?|hit|beats?|beat|pushed|strangled|threatened|threw|attacked|screamed at) "
            r"(?:mum|mummy|mam|mom|dad|daddy|her|him|them)", r"(?:threw|thrown) (?:the )?(?:telly|tv|plate|chair|glass)",
            r"blood (?:on|everywhere)", r"(?:fighting|shouting|screaming|fights|rows) at home", r"(?:mum|dad|parents?) "
            r"(?:fight|fighting|argue|arguing|row|rowing) (?:all the time|every night|a lot)", r"threaten\w* to (?:snatch|take) "
            r"(?:her|him|them|their)", r"refuge", r"injunction", r"restraining order", r"(?:will|'ll|is going to|gonna) "
            r"(?:kill|batter|hurt|beat) (?:her|him|them)"),
        "weak": (r"\bher ex\b|\bhis ex\b",),
    },
    "parental substance misuse": {
        "strong": (
            r"drunk", r"stinking of (?:booze|alcohol|drink|weed)", r"smell(?:s|ed|ing)? of (?:alcohol|booze|drink|weed|"
            r"cannabis|skunk)", r"off (?:his|her|their) (?:face|head|tits)", r"high (?:on|as)|so high|too high",
            r"(?:takes?|taking|on|using|doing) drugs", r"needles (?:lying|at home|around)", r"slurring",
            r"can barely stand|couldn'?t stand", r"passes? out|passed out", r"(?:drinks?|drinking) (?:all the time|every "
            r"(?:day|night)|till|until|a lot)", r"stoned"),
    },
    "young carer": {
        "strong": (
            r"young carer", r"look(?:s|ing)? after (?:her|his|their) (?:mum|dad|mom|mother|father|parents?|nan|little|"
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
    "underage sex or pregnancy": {
        "strong": (r"pregnan\w*", r"abortion", r"morning after pill", r"sleeping with", r"(?:relationship|sex|sleeping) "
                   r"with (?:a|an|her|his) (?:\d{2}|older|adult|grown)"),
    },
    "peer abuse": {
        "strong": (
            r"sexual(?:ly)? harass\w*", r"pinned (?:her|him) (?:against|to|down)", r"forced (?:her|him|them) to",
            r"(?:grabbing|grabbed|grab) (?:girls'?|boys'?|her|his) (?:bums?|bottoms?|breasts?|boobs|chests?)",
            r"(?:pulling|pulled|pull) (?:\w+ )*?(?:trousers|pants|skirts?) (?:down|up)", r"threaten(?:s|ed|ing)? (?:to )?(?:stab|kill|"
            r"beat|hurt|batter|jump|get|rape|ruin)", r"(?:will|'ll|gonna|going to) (?:get|stab|kill|jump|batter|ruin) (?:him|her|them)",
            r"(?:they|he|she|we)'?ll (?:get|stab|kill|jump|batter|ruin|hurt|beat) (?:him|her|them)",
            r"stabb?(?:ed|ing)?|knife|knives|machete|weapon", r"\bslag\b|\bslut\b|\bwhore\b", r"being bullied|bullied|bullying",
            r"(?:homophobic|racist|transphobic) (?:abuse|attack|bullying)", r"kill yourself",
            r"(?:make|makes|made|making) (?:him|her|them) (?:eat|lick|drink)", r"(?:eat|lick) (?:\w+ ){0,2}off the (?:floor|ground)",
            r"(?:confessions?|rating|ranking|exposing|expose) (?:page|account)", r"rumou?rs? about (?:which |what |who )?"
            r"(?:girls?|boys?|her|him)", r"(?:slapped|hit|punched|beaten|jumped|attacked|filmed) (?:\w+ ){0,8}(?:on tiktok|on snap\w*|"
            r"on insta\w*|filmed|posted online)"),
    },
    "exposed online": {
        "strong": (
            r"blackout challenge|choking (?:game|challenge)|pass ?out (?:game|challenge)|(?:tiktok|online|viral) challenge",
            r"(?:posted|shared|put up|posting|sharing|spread\w*) (?:\w+ ){0,3}(?:photos?|pictures?|pics?|videos?|names?) of "
            r"(?:\w+ ){0,5}(?:with|and) (?:her|his|their) (?:home )?(?:address|location|school)",),
    },
    "afraid to go home": {
        "strong": (
            r"(?:doesn'?t|don'?t|didn'?t|does not|do not|won'?t|will not|refus\w*) (?:want )?to go home",
            r"(?:scared|afraid|frightened|terrified) (?:to go|of going) home", r"won'?t (?:go|leave) (?:home)?",
            r"if (?:she|he|they) (?:goes|go) home", r"not (?:mummy|mum|daddy|dad)'?s friend again",
            r"(?:don'?t|do not) make me go home", r"sleep (?:at|in) school", r"stay (?:at|in) school (?:tonight|overnight)"),
        "weak": (r"\bhome time\b",),
    },
    "staff conduct": {
        "strong": (
            r"(?:teachers?|colleagues?|member of staff|staff member|\btas?\b|teaching assistants?|coach|tutor|deputy head|"
            r"head ?teacher|headteacher|the head|(?:executive|exec) head|caretaker|volunteer|supply|technician|mr \w+|mrs \w+|"
            r"miss \w+|sir) (?:\w+ ){0,6}(?:messag\w*|text\w*|snap\w*|dm\w*|follow\w*|add\w*|lik(?:es|ed|ing) (?:their|her|his)|"
            r"(?:takes?|took|taking) (?:photos?|pictures?|pics)|touch\w*|kiss\w*|alone with|in (?:his|her) office|"
            r"locked (?:himself|herself)|lifts? home|driv\w* (?:her|him) home|gifts?|favourite)",
            r"(?:\btas?|teachers?|colleagues?|members? of staff) (?:in|from|at) (?:my|our|the) (?:\w+ ){0,3}(?:has|have|is|was|"
            r"are|were) (?:been )?(?:messag|text|snap|add|follow|dm)\w*",
            r"(?:blinds|door) (?:down|shut|closed|locked)", r"delete (?:this|it) after", r"lifts? home",
            r"(?:his|her) (?:personal|private|own) (?:number|mobile|phone number|snapchat|insta)"),
    },
    "disclosed": {
        "strong": (
            r"disclos\w*", r"(?:told|tells|telling) me (?:something|about (?:home|what))", r"said something (?:about home|"
            r"worrying)", r"something (?:worrying|concerning) about home", r"safeguarding (?:concern|issue|thing|matter|question|"
            r"referral)", r"is (?:this|it|that) (?:a )?safeguarding", r"child protection (?:concern|issue|matter)",
            r"at risk", r"being abused", r"abus(?:e|ed|ing|ive)", r"worried about (?:a|one of|my|our|this) "
            r"(?:kid|child|pupil|student|girl|boy|lad|year|yr)"),
        "weak": (r"doesn'?t add up",),
    },
}
