"""The disclosure reader on its own: the signs of harm, the second reader for words the signs don't
know, and the questions about staff in general that are policy questions, not concerns."""
import pytest

from safeguarding import second_reader
from safeguarding.disclosure import read

# Written for this test (not in eval/): no sign of harm the signs know, plain harm to a reader.
OTHER_WORDS = "a year 5 boy says he has to sleep on the floor at his uncle's and isn't allowed in the kitchen"
POLICY_QUESTIONS = (
    "can i accept a friend request from a parent",
    "a pupil in my class asked for my snapchat, can i give it",
    "can i post photos of the school trip on the class insta",
    "what do i do if a kid in my tutor group messages me on instagram",
    "my year 9s are doing a project on social media safety, can they use tiktok",
    "can a teacher message a pupil on snapchat",
    "is it ok for teachers to follow students on twitter",
    "my tutor group keep adding me on tiktok",
    "would i get in trouble for posting about a year 8 who kicked off in my lesson today",  # behaved badly
    "our TAs want to text the parents of the kids in their group from their own phones, can i ok that",  # families
    "if it's chucking it down after netball, is it ok to give a year 9 a lift home if her dad says yes?",  # my own conduct
    "our head of year says we can use whatsapp to message year 11 parents about revision sessions, is that right?",  # parents
    "one of my TAs is in a whatsapp group with half the yr 4 parents, do i tell her to leave",  # parents, not children
    "our head of music says kids can follow my band's instagram because it's a band page, right?",  # what he says
    "our catering manager emails parents about dinner money from her gmail, do i need to stop that",  # dinner money
    "a yr 11 gave us her own consent for her photo on the sixth form recruitment insta, is that enough",  # recruitment
    # the writer's own night out and accounts
    "my boyfriend tagged me in a post from a night out, just drinks, and kids have seen it. my accounts are all private",
    "can i post on linkedin that my old colleague was charged with fraud",  # no child, nobody to act about
    "I'm a librarian posting a photo of pupils at the book fair on the school account, consent is in for all",  # the writer
)


def test_the_second_reader_hears_harm_in_words_the_signs_do_not_know(monkeypatch):
    found = read(OTHER_WORDS)
    assert found is not None and found.categories == ("harm told in other words",) and found.about == "child"
    monkeypatch.setattr(second_reader, "probability", lambda text: 0.0)
    assert read(OTHER_WORDS) is None  # the signs alone miss it: the second reader made the difference


@pytest.mark.parametrize("question", POLICY_QUESTIONS)
def test_policy_questions_about_children_and_staff_are_not_disclosures(question):
    assert read(question) is None
    assert second_reader.probability(question) < second_reader.THRESHOLD


def test_what_someone_did_is_still_a_concern_about_staff():
    found = read("mr jones keeps messaging a year 9 girl on snapchat late at night")
    assert found is not None and found.about == "staff"
    found = read("a TA has been messaging a pupil's mum and the pupil on snapchat")  # a child too, not only a parent
    assert found is not None and found.about == "staff"
    found = read("one of the cover supervisors gives a year 10 girl lifts home most days")  # someone else's conduct
    assert found is not None and found.about == "staff"


def test_the_second_reader_learns_only_from_the_tuning_rows(tmp_path):
    (tmp_path / "round7").mkdir()
    (tmp_path / "round9").mkdir()
    (tmp_path / "a.jsonl").write_text('{"id": "s001", "message": "kept"}\n{"id": "s003", "message": "aside"}\n')
    (tmp_path / "round7" / "b.jsonl").write_text('{"id": "r7i001", "question": "asked"}\n\n')
    (tmp_path / "round9" / "c.jsonl").write_text('{"id": "r9i001", "question": "a round kept aside whole"}\n')
    (tmp_path / "training").mkdir()
    (tmp_path / "training" / "disclosures.jsonl").write_text('{"message": "told of harm", "category": "neglect"}\n')
    (tmp_path / "training" / "ordinary.jsonl").write_text('{"message": "an ordinary question"}\n')
    assert second_reader.training_rows(tmp_path, tmp_path / "training") == [
        ("kept", True), ("asked", False), ("told of harm", True), ("an ordinary question", False)]


def test_without_its_data_the_second_reader_says_nothing(monkeypatch):
    monkeypatch.setattr(second_reader, "training_rows", lambda: [("only questions", False)])
    second_reader._model.cache_clear()
    try:
        assert second_reader.probability(OTHER_WORDS) == 0.0
        assert read(OTHER_WORDS) is None
    finally:
        second_reader._model.cache_clear()


@pytest.mark.parametrize(("message", "category"), [
    ("a pupil in year 8 keeps messaging an account calling itself a modelling scout who wants private photos", "sexual images"),
    ("a mum posted a photo of another family's child in the parents' group with a comment about his disgusting home",
     "exposed online"),
    ("a parent posted that she's had enough and might just leave the kids at the police station", "neglect"),
    ("i think i gave a looked after child's new address to her birth mum by mistake, she's not supposed to have contact",
     "exposed online"),
    ("mum insists her son needs tube feeds and a wheelchair but the consultant's letters don't say that", "neglect"),
])
def test_harm_online_and_at_home_told_in_other_words(message, category):
    found = read(message)
    assert found is not None and category in found.categories


def test_a_pupil_under_18_who_is_pregnant_is_still_a_concern():
    found = read("a year 12 girl is 17 and pregnant and scared to tell her parents")
    assert found is not None and "underage sex or pregnancy" in found.categories


@pytest.mark.parametrize("message", [
    "y2 boy said a man at the park showed him rude bits",
    "i'm worried about a year 8, she's lost loads of weight",
    "really concerned about one of my y9s, she's been wearing long sleeves in the heat",
    "a year 6 said his dad kicked him and he has bruises",
])
def test_the_writers_worry_and_rude_bits_are_still_heard(message):
    assert read(message) is not None


@pytest.mark.parametrize("message", [
    # a child's feelings with an everyday cause
    "year 10 girl in tears after her mock result and really anxious about results day, who runs the revision clinic?",
    "a y5 was nervous and shaking before his solo but smashed it, who do i send the concert photos to?",
    # two light words of two different stories, nobody telling anything
    "a y8 girl caught her finger with the glue gun, small burn, cold water for ten minutes. should we get low temp ones?",
    "y13 keeps arguing in class, we had a meeting with his mum and agreed a report card. who prints them?",
    # the changing room as a place, not what happened in it
    "two y9 lads got into a scrap in the changing rooms over a joke, PE staff sorted it. who speaks to them?",
    "y8 girl got a rope burn on her palm on the climbing wall, their first aider sorted it",
    "y5 got a paper cut and was more upset about the blood on his neat work than the cut",
    "her new trainers are giving the y4 girl blisters, can she wear plimsolls for the walk?",
    # an accident someone saw and saw to; two pupils scrapping, dealt with; a pet; a thing kicked; an adult expecting
    "a y7 tripped over a bag in the dining hall and bruised his elbow, first aider saw him and he went back to class",
    "year 4 boy caught in the face by a netball at break, bit swollen, ice pack and mum informed. who orders softer balls?",
    "two y10 lads got into a punch up over a card game, separated straight away, both in detention. do i log it?",
    "y6 girl tearful all morning because the family rabbit died and then the hamster ran away too",
    "y9 kicked the door of the science lab in a strop, the hinge is bent, who do i ask to fix it",
    "one of the reception TAs is pregnant, is there a risk assessment for chickenpox?",
    # a colleague asking about a pupil, handing out a link, talking to a parent; the school's older pupils
    "a TA asked whether a pupil with dyslexia can use a laptop in the mocks",
    "the cover teacher gave the kids the link to the quiz without telling the head of dept, was that ok?",
    "one of my tutors keeps replying to a mum's messages on his own facebook, is he allowed?",
    "a colleague plays in a minecraft server that some of our older kids hang out in, does the policy cover that?",
    # the writer's own fall; a hazard children keep hurting themselves on
    "slipped on the wet floor by the hall and hurt my back, who do i tell so a child doesn't do the same",
    "y4 cut himself on the broken fence panel, plaster on, who fixes the fence",
    # a member of staff who follows a policy, not a child
    "our caretaker asked whether he has to follow this policy as he never works with pupils",
    "we gave little thought to the rota, can you send me the new one?",  # "little" alone is not a child
    # explicit lyrics on a playlist
    "the year 11 leavers playlist has a couple of songs with explicit lyrics, can the kids play it at prom",
])
def test_an_ordinary_days_story_is_not_a_concern(message):
    assert read(message) is None


@pytest.mark.parametrize("message", [
    "a y3 was crying and said her dad hit her",  # distress beside a sign of harm, and told
    # a child's fear or upset about the people at home is still heard, though distress alone weighs nothing
    "a year 3 girl was crying and scared when her dad came to pick her up",
    "y5 boy is terrified of going home and keeps crying at the end of the day",
    "year 8 girl has been really withdrawn and anxious since her mum's new boyfriend moved in",
    "a yr 9 boy told me he is scared and doesn't feel safe at home",
    "a man dragging a kid in our uniform down the road, the kid is crying and struggling",
    "the head keeps coming into the girls changing room during PE and the year 9s have complained",
    "the IT contractor keeps going into the girls changing room while they're getting changed",
    "a y9 girl is hungry every morning and has marks on her arms",  # two light signs of two kinds, heard by the reader
    # an accident whose account is doubted, a fight with a weapon, a child who did not come home
    "y7 came in with a bruised cheek, says he fell over the dog again, first aider saw him",
    "two y10 lads had a fight at the gate and one pulled a knife, they were separated",
    "year 8 girl didn't come home last night, mum rang, her cat is fine",
    "a year 9 said she cut herself on the arm last night",  # a body part, not a thing: self-harm
    "she said she tripped and he hurt my arm",  # a child's words quoted
    # an accident, a scrap or the writer's own fall told beside harm in another sentence does not read that harm away
    "y5 slipped in the hall and bruised his knee, first aid given. separately his dad hit him last night",
    "two y9 boys had a fight at break, separated. one of them has marks where his stepdad punched him",
    "year 4 boy has bruises on his arms that look like fingers, and i tripped on the way to the office and hurt my knee",
])
def test_a_concern_in_a_story_is_still_heard(message):
    assert read(message) is not None


@pytest.mark.parametrize(("message", "about"), [
    ("Jude (9, EHCP) climbed out over the fence at lunch, we found him ten minutes later by the canal", "child"),
    ("Ruby (14) has been sending photos to a man she met online", "child"),  # an age in brackets is a child
    ("overheard a dad at pick up tell his son 'wait till we get home' and the boy went white", "child"),
    ("she says her mum makes her say 'i'm useless' before bed", "child"),
    ("our year 8s made monkey noises at a black player from the other team", "child"),
    ("the volunteer (he's 24) who runs film club is dating a year 12", "staff"),  # a year 12 is under 18
    ("a lunchtime supervisor held a y2 down on the floor for ages", "staff"),
    ("an agency support worker held Kyle down on the floor. Kyle was screaming", "staff"),
    ("the new coach's reference says he was dismissed from his last club for texting children", "staff"),  # safer recruitment
    # a colleague asking a child, handing a child things, messaging a child as well as a parent: still about them
    ("a TA asked a year 9 girl for her snapchat at the disco", "staff"),
    ("the cover teacher gave the year 8 boys energy drinks and told them not to tell", "staff"),
    ("my colleague replies to a mum on his own insta and has been messaging her year 10 daughter too", "staff"),
    ("the coach replies to a dad on his own insta and drives his daughter home on her own after training", "staff"),
    # a parent's account of a teacher and her 13-year-old
    ("a parent says the new PE teacher sent her 13 year old daughter a follow request", "staff"),
    ("the cover teacher made a comment about a year 9 girl's body in front of the class", "staff"),
])
def test_concerns_told_in_a_story_in_other_words(message, about):
    found = read(message)
    assert found is not None and found.about == about


def test_a_sports_injury_is_an_accident_but_one_a_parent_caused_is_still_harm():
    assert read("a year 6 hurt her arm at netball today") is None
    assert read("a year 6 hurt her arm at netball, she says her dad grabbed it and twisted it last night") is not None


@pytest.mark.parametrize(("message", "category"), [
    ("the receptionist says a dad with a court order keeping him away has signed his son out", "domestic abuse"),
    ("the wifi logs show a yr 8 searched how many paracetamol is too many", "self-harm"),  # the DSL now, not 999 on its own
    ("year 3 boy acted out his mum doing her medicine with a rolled up note", "parental substance misuse"),
    ("a y6 says adults on a roblox server ask kids to send videos of themselves", "sexual images"),
    # "little" names a child
    ("the dinner staff were laughing that one of them gave little freddie a clip round the ear", "physical abuse"),
    # an adult's pregnancy or a lost pet is read away only when it is the adult's or the pet's
    ("a y9 girl told me her mum thinks she is pregnant", "underage sex or pregnancy"),
    ("his cat and his little sister went missing on saturday", "missing"),
])
def test_signs_told_without_naming_them(message, category):
    found = read(message)
    assert found is not None and found.categories == (category,) and not found.urgent


def test_a_slap_given_is_still_a_blow():
    assert read("a year 4 said her mum gave her a slap round the face for being cheeky").categories == ("physical abuse",)


def test_kicked_off_is_behaviour_but_kicked_is_still_harm():
    assert read("a year 5 kicked off in class today and then said his dad kicked him last night").categories == (
        "physical abuse",)


@pytest.mark.parametrize(("message", "category"), [
    ("year 4 girl has been off three weeks now, the numbers we have are dead and nobody knows where the family went",
     "missing"),
    # round 13's kinds of sign, in other words: the same explanation of an injury again; a means and the intent;
    # a court order about a parent; a post of pills
    ("office here, Kayden's dad phoned him in sick, says he walked into a door again", "physical abuse"),
    ("a y10 girl showed her friend the pills she's saved up and said she's going to use them at the weekend", "suicide"),
    ("mum has a non-molestation order against dad and he's been turning up at the school gate", "domestic abuse"),
    ("one of my year 8s put a pic of a handful of tablets on her story with 'can't do this anymore'", "suicide"),
    # round 15's kinds of sign, in other words: an AI "nudify" app; a gamer offering a child gifts to go private
    ("a year 8 boy has been putting photos of girls in his class through a nudify app", "sexual images"),
    ("a man on roblox keeps offering to buy one of our year 4s robux if he talks to him on a private discord", "grooming"),
    ("Ella in year 2 was at lunch but is not in class since lunch and her coat has gone", "missing"),
    # round 16's kinds of sign, in other words: an implement used on a child, told as a joke; an adult having
    # a child delete their messages
    ("a year 4 laughed and said his dad gets the slipper out if he's cheeky", "physical abuse"),
    ("one of the dinner ladies said 'my nan uses the belt on me' was just a joke a y3 made", "physical abuse"),
    ("the parent volunteer has been texting a year 6 girl and asked her to delete the chats", "grooming"),
    # praise for a mass shooter with a threat to the school; a child gone after lunch, the school searched
    ("a year 10 keeps praising the christchurch shooter in his posts and says our school would be next", "radicalisation"),
    ("a year 2 girl isn't in the classroom after lunch and we've searched the whole school", "missing"),
    # an adult on the staff gaming online with pupils out of school
    ("i think one of the learning mentors plays call of duty online with some year 10 boys at night", "staff conduct"),
    ("one of our nursery children has rotten teeth and mum has missed the last three dentist appointments", "neglect"),
    ("a year 6 told me her uncle makes her do things she doesn't like when he babysits", "sexual abuse"),
    # round 7's kinds of sign, in other words: exam candidates and teams are children too
    ("Invigilating today: one candidate had finger marks round her wrists and flinched when I passed her a pencil.",
     "physical abuse"),
    ("a 15 year old came to the medical room asking for the morning-after pill, says her boyfriend is 24",
     "underage sex or pregnancy"),
    ("a 13-year-old asked the nurse about emergency contraception, the man is a friend of her dad's, he's 40-ish",
     "underage sex or pregnancy"),
    ("one of the dads at rugby says lads from our U14s are being paid to carry parcels to another town", "exploitation"),
    ("a volunteer was filming the year 3s getting changed for swimming on his phone", "sexual images"),
    # a child is there when a parent collects them, though no word says so
    ("dad drunk at pickup again", "parental substance misuse"),
    ("diabetic y5 no insulin for days", "neglect"),
    ("the head hugs pupils too long", "staff conduct"),
    ("y3 always has nits, smells and wears the same clothes every day", "neglect"),
    ("dad hits him where it leaves no marks", "physical abuse"),
    ("y9 girl says her cousin went to fight in syria and she wants to join him", "radicalisation"),
    # a child named by first name only, as staff write about pupils
    ("Lily came in with a black eye and said dad was angry again", "physical abuse"),
    ("Tyler said a man he met on Fortnite wants to meet him at the park and not tell anyone", "grooming or exploitation"),
    ("harry said his dad hits him", "physical abuse"),
    ("there's a discord group where grown men keep sending the kids links", "grooming"),
    # someone asking a child for pictures of herself
    ("mum says a 'photographer' on insta has asked her 13yo for pics in her bikini", "sexual images"),
    ("some bloke on tiktok keeps pestering a girl in my tutor group for more pictures of herself", "sexual images"),
    # typed as a note, a first name in lower case; a name with something of theirs
    ("freya missing since last night, mum's called the police", "missing"),
    ("noah on the railway bridge, just texted his mate a goodbye", "suicide"),
    ("callum hungry again, no breakfast, same jumper all week", "neglect"),
    ("parents ringing about a fake account with mason's face on a naked body", "sexual images"),
    # the mark a ligature leaves; a child who means to hurt someone
    ("spoke to Grace about her mock results and noticed a red rope mark round her neck", "suicide"),
    ("a y11 boy's search history flagged 'easiest way to poison my stepdad'", "peer abuse"),
    ("a year 8 has written in his planner that he'll bring his uncle's shotgun in for the lads who bully him",
     "peer abuse"),
    # an adult singling out one child: kept behind, gifts, taken out of lessons
    ("noticed the new volunteer taking a y2 girl to the library on his own again", "staff conduct"),  # to the headteacher
    ("a supply teacher keeps Evie behind after lessons and gives her presents", "grooming"),
    # where only children are: a lost child on a trip, a child called names at parents' evening
    ("year 1 child lost at the museum on the trip for twenty minutes", "missing"),
    ("at parents' evening dad kept calling Alfie thick and useless in front of us", "emotional abuse"),
    # a note headed with the child's name; a child who thinks others would be happier without them
    ("marcus - second phone, wads of cash, seen in town in school hours. thoughts?", "exploitation"),
    ("found a note in a y5's tray: everyone would be better off if i wasn't here", "suicide"),
    # everyday words only when they are meant in their everyday sense
    ("y6 boy says dad hit him hard last night", "physical abuse"),
    # a child without words; an illness a parent insists on that the tests belie
    ("speech therapist - a non-verbal pupil keeps signing 'hurt' and pointing at her bottom after weekend respite",
     "sexual abuse"),
    ("mum insists her daughter needs a feeding tube and a wheelchair, but she runs around fine at school", "neglect"),
    ("I'm pretty sure a colleague is in a relationship with a Year 13 student. saw them holding hands in town", "staff conduct"),
    ("a parent put on her story 'off to Tenerife for the week, kids can fend for themselves lol'. her kids are 9 and 11",
     "neglect"),
    # younger children recruited for errands; a member of staff's chat with a pupil about meeting; a toddler in the
    # same nappy, collected by nobody; a little one alone at home, crying
    ("some yr 10 lads are getting money to find younger kids to do drops around the flats", "exploitation"),
    ("on the ski trip i walked in on one of the coaches lying on a yr 8 boy's bed at midnight", "staff conduct"),
    ("one of our y9s keeps sharing posts calling refugees 'invaders' and says they should all be sent back", "radicalisation"),
    ("a yr 8 wrote 'i wish i wasn't alive' on the back of her planner", "suicide"),
    ("the mum and dad of a reception boy were completely off their faces at the school disco", "parental substance misuse"),
    ("our y8 keeps doing jobs for some guys at the chicken shop after school and won't say what", "exploitation"),
    ("saw a cover teacher's instagram open on the smartboard, messaging a yr 8 girl about meeting up on saturday",
     "staff conduct"),
    ("the two year old in the baby room arrived in the same nappy she left in and no one's picking her up till 7", "neglect"),
    ("the neighbour of one of our reception boys says he's alone in the house most evenings, she hears him crying", "neglect"),
    # a child handed to the wrong adult; a man photographing children from a car or through the fence; an online
    # "teenager" who wants a private video call; two phones and designer gear
    ("one of the reception children went home with the wrong family at pick up", "an adult near children"),
    ("a guy sat in a van opposite the infants is taking photos of the children at play", "an adult near children"),
    ("someone was filming the kids over the hedge from the path behind the field", "an adult near children"),
    ("a 'year 9 girl' on fortnite keeps asking our yr 6 to facetime alone", "grooming"),
    ("yr 8 has suddenly got 2 phones and loads of designer gear", "exploitation"),
    # a child's husband is still a forced marriage (the writer's own is not: see the ordinary questions)
    ("a yr 10 told me her husband is picking her up on friday", "fgm or forced marriage"),
    # heard through the wall; the police at a pupil's house again; a colleague liking a pupil's swimwear photos
    ("i can hear banging and screaming through the wall, the boy next door is in my class", "domestic abuse"),
    ("the police were there again last night at one of our families, the kids were on the doorstep", "domestic abuse"),
    ("policy q - if a colleague has a yr 10 on facebook and likes all her bikini pics is that a policy thing or more",
     "staff conduct"),
    # filming up girls' skirts, two words between
    ("some yr 8 lads keep filming up the girls' skirts on the stairs", "sexual abuse"),
    # a swastika drawn more than once; a story about wanting to die; a young person pushed to attack people
    ("yr 8 has got swastikas on his pencil case and keeps doing the salute in class", "radicalisation"),
    ("a yr 10's poem for homework is all about wanting to die and how she would do it", "suicide"),
    ("dad says an older lad on discord is pressuring him to attack people at the mosque", "radicalisation"),
    # a colleague's contact asked about as a rule, with more to it than contact
    ("a colleague keeps messaging a yr 9 girl on snapchat late at night, is that ok?", "staff conduct"),
    ("my colleague follows a yr 11 on insta and comments that she looks gorgeous, is that allowed?", "staff conduct"),
    # a challenge that hurts the child
    ("a yr 6 tried a tiktok challenge where you hold your breath till you pass out", "exposed online"),
    # links left for a child, not under the school's own post
    ("a man keeps leaving porn links in the comments on a yr 8 girl's tiktok", "sexual abuse"),
    # an extremist group praised (the first a guard: "terror attack" was a sign already); young children left at home
    # with no adult
    ("a yr 10 lad keeps sharing videos glorifying the terror attack on his snapchat", "radicalisation"),
    ("our yr 11 is following islamist accounts and asking friends to join", "radicalisation"),
    ("a yr 2's sister says the twins are left at home on their own every night while mum goes out", "neglect"),
    # a child nobody can find; boys rating girls' bodies in a group chat
    ("help we can't find one of our nursery children, she isn't in the garden and the back gate was open", "missing"),
    ("a mum showed me the yr 5 boys' whatsapp, they're rating the girls bodies and sending it round", "peer abuse"),
    # little ones on their own at home with no adult in (found by hand before stopping: not heard at all)
    ("two toddlers on their own at home, no adult in, the door was open", "neglect"),
    # a fight on the field: only children are there
    ("massive fight on the field and one of them has pulled out a knife", "peer abuse"),
    # neglect told only with "she" and "his": rotten teeth, no coat in the cold, glasses broken for months
    ("his teeth are rotten and his glasses have been broken for months, nobody ever replies", "neglect"),
    # children shown up online by an adult: "pupil" was only read in the singular
    ("a TA put photos of the pupils in her group on tiktok mocking how they talk", "exposed online"),
])
def test_harm_told_in_everyday_words(message, category):
    found = read(message)
    assert found is not None and category in found.categories


@pytest.mark.parametrize("question", [
    "a year 8 was off two weeks with covid, can i email him the work",
    # a pupil who threw something at the writer behaved badly; the writer wants to vent
    "rough day, a year 10 threw a glue stick at me in period 5. can i moan about it on my own insta without names?",
    # a talk's subject, an adult student's news, searching for someone
    "after the knife crime assembly a year 11 messaged the school instagram to say thanks, can i reply in the dms?",
    "one of my sixth formers is 19 and pregnant and wants to follow me on instagram for baby advice, can i accept?",
    # lost property in the changing room; a script lost in the post
    "a parent says her son's airpods went missing from the pe changing room, is the school liable?",
    "the exam board says a year 11 script has gone missing in the post, what happens now?",
    "a year 7 missed his dentist appointment today because of the trip, can i post the trip photos",
    "how do i update a pupil's contact details, her mum has a new phone number",
    "a 19 year old on our resit course wants to add me on snapchat, he's older than my nephew, he's a grown man, is that ok",
    "can i take photos of the u12s match for the school twitter",
    "how many candidates are sitting the maths paper tomorrow",
    "can a candidate with a broken wrist have a scribe in the mock, exams officer asking",
    "who is on pickup duty today, the rota has changed",
    "a dad was shouting at pickup about the parking again",
    "pupil hugged me after winning the match, is that ok",
    "kid fight at break no injuries", "y4 head lice letter",
    # what staff in general may do, and a fight at school: policy questions
    "can the netball coach message players privately on the team insta about fixtures?",
    "is messaging students ok if another teacher is in the group chat?",
    "can i tweet about the fight at lunch in year 8? no names",
    "a year 8 bruised his knee playing football, do i fill in an accident form",
    "a pupil hurt his ankle at sports day and his mum tagged the school in a facebook post, should i reply?",
    "a lad in my form broke his wrist at rugby yesterday, can i post a get well soon on the dept insta?",
    # a child's everyday worry, a rude parent, a ball kicked through a window, a finger dislocated at netball
    "a yr 7 was so worried he'd get in trouble for cracking his loan laptop, who replaces it?",
    "one mum was so rude at parents evening i went home and cried, is there staff support?",
    "a kid kicked a football through the hall window, can we charge the parents?",
    "a year 9 dislocated his finger at netball, is there an accident form?",
    # answers to "who is it?": they say who the child is, nothing about harm
    "year 9 girl", "ex student, she's 16", "she's 15, still in year 11", "he's in y10",
    "y5 has no medication in school for the trip, where is the form",
    # a staff member's own childhood, an adult named with a title or a role, a named child's good news
    "my dad used to hit me when i was a kid", "when i was little my mum hit me with a belt",
    "Mrs Khan said the trip is cancelled", "my colleague Sarah said her husband hits her",
    "Amira won the poetry prize, can I post it on the school twitter", "Can I post a photo of Jayden holding his award?",
    # staff adding staff, a member of staff leaving, paperwork
    "the new science teacher added me on insta, she hasn't got kids at our school, fine?",
    "parents keep asking to stay in touch on facebook when i've gone, i leave in july. ok once i've gone?",
    "year 6 residential: still missing 9 consent forms and 4 medical forms, can someone chase",
    # two everyday words in a question about what the person may do; words with an everyday sense
    "can i take the year 9 reports home on my laptop over the holiday, or abroad?",
    "a parent dm'd me about her dog grooming business, can i reply? her kid is in my class",
    "does the policy cover safeguarding adults at risk as well as children?",
    "can i say the policy's explicit purpose is keeping children safe?",
    "my twitter has loads of teacher followers, can i post the year 8 homework there?",
    "can a parent ask for photos of her son's team from the match?",
    # a goodbye note, an email address, a private business, budget cuts, keeping pupils engaged, walking home alone
    "i'm on maternity leave from friday and want to send the class parents a goodbye note from my gmail, ok?",
    "can i give pupils my school email address for homework questions?",
    "i run a private tuition business on the side, can i advertise it to parents in my class?",
    "budget cuts have hit our library hard, can i tweet that the trust is letting the kids down?",
    "is it ok to post memes on the year 9 maths insta to keep the kids engaged?",
    "can year 5s who walk home alone bring a phone, and where do they hand it in?",
    "i haven't collected the consent forms for the year 3 photos yet, can i post them?",
    "someone took a parcel from reception, who can check the cctv camera?",
    "lost a child's glove in the playground, is there a lost property box?",
    "the radiator in room 12 is stone cold and the year 3s are sitting in their coats, who fixes it?",
    "question - can i post the year 6 leavers' photos on the school facebook?",
    # a coat or phone going missing is lost property; the member of staff asking pupils to delete a chat
    "a mum wants to see the cctv of her daughter's phone going missing from the changing room, can i show her?",
    "i told the year 10s to delete the messages about the trip from their group chat, was that right?",
    "our esports club teacher plays games with the students at lunch in the it room, where do i book the room?",
    "a year 3 got the belt from lost property for his pe kit, who do i tell to label it?",
    # about to leave on a trip; a teacher still in the building
    "we are about to leave for the year 4 trip, has every child got their packed lunch?",
    "is the year 6 teacher still in the building? i need to drop off the reading books",
    # consent taken back, by a parent who is upset: not a withdrawn child
    "a mum came in quite upset, she's withdrawn photo consent for her son. his pic is on the school insta, what do i do?",
    # a receptionist is not a reception child
    "a parent was abusive to our receptionist at the front desk this morning, can we ban her from the site?",
    # questions about the writer's own connections, with no word of harm: the second reader's hunch alone is not enough
    "one of my yr 12s wants to follow me on threads. she turned 18 in april but she's still here till june. "
    "ok since she's an adult?",
    "TA here. One of my Year 1s has a big brother in Year 12 at the CMAT secondary and he's just followed me on Instagram. "
    "He's not one of my kids though?",
    "> she left after year 10 last summer\nso she's 15 now and at a college elsewhere. can i accept her friend request or not",
    "the year 3 teacher was chatting to a pupil about meeting up with her class at the museum on friday",
    "yr 6 love running errands for the office at lunch, is there a rota for it?",
    # someone who wants the writer on their social media, or keeps messaging the writer: a question about their accounts
    "a yr 13 who's turned 18 wants me on insta, is that allowed now",
    "my best mate's son is in my tutor group now, can i stay facebook friends with his dad?",
    "a yr 8 from my old school keeps texting me, what do i do",
    "is it ok to still follow my neighbour's mum on tiktok now her son's in my year 4 class?",
    "a yr 10 boy found my insta and liked three old photos, should i block him?",
    "turns out the woman i've been gaming with online is a mum from our school, do i stop?",
    "mum says she's happy for her twins to go on the class page, is that enough?",
    "school camera's broken, can i photograph the kids' models on my phone and delete them after?",
    # the writer's own husband or wife is not a child's marriage
    "my wife wants to share our wedding photos with the parents from my class, can she tag me?",
    "getting married over easter and my yr 4s want to see a picture, can i put one on our class blog?",
    # a nasty comment or link under the school's own post is the comments rule's; a photo posted without consent
    "someone left a racist comment on the school's facebook post about the y6 leavers, do i delete it?",
    "there are spam porn links in the comments on our class blog, can i just remove them",
    "i put sports day photos on the school insta and then found out one boy's dad said no to photos, what do i do",
    # a colleague's contact with pupils, asked about as a rule
    "our netball coach accepted follow requests from two of the yr 10 team on insta. is that allowed?",
    "the head of drama answers pupils' messages on the drama account, is that ok?",
    # (the first a guard: it was read as nothing already)
    "a cover supervisor in maths accepted a follow from a yr 12 lad who turned 18 in may. fine since he's an adult?",
    "my colleague wants to add a sixth former who's 18 on linkedin for work experience. any problems?",
    # a pupil or a parent wrote to a colleague: the colleague did nothing (the second a guard)
    "a yr 7 messaged our TA on snapchat asking about the spelling test, she hasn't replied. what should she do?",
    "a dad sent my colleague a thank you message on fb after sports day, can she reply?",
    # a viral challenge that is vandalism, asked about as behaviour
    "year 9s are doing a viral challenge where they rip soap dispensers off the wall, what sanction do we give?",
    # a parent in touch with the writer's own accounts
    "one of the dads in yr 5 is my brother in law, we've been friends on fb for years, do i have to unfriend him?",
    "a year 2 mum got my whatsapp from the pta list and messaged me asking if her son ate his lunch, she's worried. can i reply?",

    # lost paperwork, not a lost child (a guard for "can't find a reception child")
    "i can't find the year 4 permission slips for the zoo trip, who has them?",
    # going off site at lunch is a rule for sixth formers, not a child who has gone
    "are year 12s allowed off site at lunch or do they need a pass?",
    "what code do i use in the register for a pupil educated off site on tuesdays?",
    # glass kicked through is damage, not a blow; whether there is a rule on staff doing something is a policy question
    "a year 9 kicked through the glass panel on the science lab door, do we bill his parents?",
    "is there any guidance on staff giving a pupil a lift home after a late fixture?",
    "can i post the pic of the kids at the fair, no adults in it",  # a guard for "no adult in" (the house)
])
def test_ordinary_questions_that_share_words_with_harm(question):
    assert read(question) is None


def test_no_answer_a_walk_through_or_a_clarifying_question_offers_reads_as_harm():
    """Typed instead of tapped ("another child", "Ex-student, under 18"), an answer says who the
    child is: it must carry the walk on, not be answered as a disclosure."""
    from policy_kb.loader import load_knowledge_base
    from policy_kb.scenarios import load_scenarios
    from policy_kb.search.clarify import ask_age, ask_student_status

    book = load_scenarios(load_knowledge_base())
    answers = [text for scenario in book.scenarios for question in scenario.questions()
               for choice in question.choices for text in (choice.label, *choice.synonyms)]
    answers += [option.label for clarification in (ask_student_status(), ask_age()) for option in clarification.options]
    assert len(answers) > 100
    assert [text for text in answers if read(text)] == []


def test_a_child_no_word_calls_a_child_is_heard_when_the_second_reader_is_sure(monkeypatch):
    """"little maisie" is a pupil to the person typing, though no word says so: the second reader decides."""
    message = "little maisie keeps hiding food in her coat and says there's nothing in the cupboards at home"
    found = read(message)
    assert found is not None and found.about == "child"
    monkeypatch.setattr(second_reader, "probability", lambda text: 0.5)
    assert read(message) is None  # less sure than UNNAMED_THRESHOLD: nothing said it was a child


@pytest.mark.parametrize("message", [
    "we're doing macbeth with y10, the murder scenes upset a few, any resources for handling it?",
    "y8 pshe lesson on county lines next week, can anyone recommend a speaker",
    "doing romeo and juliet with y9, the suicide scene is in act 5, do we warn parents?",
    "not sure", "a dad", "younger brother",  # typed answers to a walk-through's questions
    "he left after year 11 and he's 18 now", "she left the school ages ago, she's 19",  # who, and when they left
])
def test_a_lessons_topic_and_a_typed_answer_are_not_disclosures(message):
    assert read(message) is None


def test_a_lesson_is_still_a_disclosure_when_a_child_told_someone_something():
    assert read("in the pshe lesson on county lines a y9 told me his brother makes him carry parcels") is not None


def test_one_particular_child_in_a_lesson_is_still_a_disclosure(monkeypatch):
    """The lesson frame only quiets a lesson's topic: a particular child's injuries are heard by the
    signs alone, whatever the second reader says."""
    monkeypatch.setattr(second_reader, "probability", lambda text: 0.0)
    assert read("in the rse lesson a y9 girl had bruises on her wrists and flinched when the boys got near") is not None
    assert read("y11 are doing an assembly on knife crime on friday, can they borrow the hall projector?") is None


@pytest.mark.parametrize(("message", "urgent"), [
    # planned for straight after school: meeting someone met online, a fight with a weapon
    ("y9 girl says she's meeting a man from snapchat at the bus station straight after school", True),
    ("year 10s saying there's a fight after school by the shops and someone's bringing a knife", True),
    # when it was noticed, or where the telling happened, is not when the harm is
    ("marking books this afternoon i read a y4 boy's diary entry saying his dad hits him with a belt", False),
    ("a parent told me at the gate that her son's stepdad locks him in his room", False),
    ("mum says she's taking him to a healer at half term to get the bad spirit out of him", False),
    # 999 first: the child may be harmed before anyone can act, or is out of sight with a plan or a farewell
    ("she's scared to go home tonight because her stepdad said he'd batter her", True),
    ("a year 4's dad is in the car park shouting that he's going to take her", True),
    ("mum rang, her ex is going to collect the y2 from school today and he's not allowed contact", True),
    ("year 9 girl isn't in school today and her mate says she's at a flat with older men", True),
    ("a year 10 just posted on her story that she's taken a load of tablets", True),
    ("a y11 lad messaged me at 11pm saying he wants to die", True),
    ("a year 7 rang the office from his mum's phone whispering that his stepdad is going mad and he's hiding in his wardrobe",
     True),
    ("Leo's dad, who isn't allowed contact, is sat outside in the car and told Leo they're going away for good today", True),
    # an absence the family explains is for the DSL today, not 999
    ("attendance: Ruby's mum called to say Ruby won't be in today, she fell down the stairs again", False),
    ("a man has been at the fence every lunchtime talking to one of our year 1s and he is there now asking for her", True),
    ("year 9 boy says the lads who threatened him are waiting for him by the shops after school", True),
    ("a year 11 girl says her uncle is taking her to the airport after school to marry a man she has never met", True),
    ("a y10 told me she has her nan's tablets in her pocket and she won't be here tomorrow", True),
    ("Tyler says his mum's boyfriend hit him last night and the boyfriend is collecting him in 20 minutes", True),
    ("a year 5 says she's flying out to her aunt's tomorrow and her cousin had the cutting there", True),
    ("year 3 boy isn't in today but his dad says he walked him to the gate this morning", True),
    ("a year 9 keeps getting into cars with older men after school and turning up hours later", False),
    ("I can hear the child next door screaming you're hurting me and it has been going on for five minutes", True),
    ("on my way home I found a reception child on his own by the canal, no parent anywhere", True),
    ("a year 10 says two men bundled her friend into a van outside the chippy", True),
    ("a y3 says her uncle is taking her to the doctor after school today to be cut", True),
    ("there's a toddler in a hot car in the staff car park and he looks floppy", True),
    ("a year 6 girl wants to meet a boy she met online alone in town on saturday", False),
    # missing lessons is not a missing child; the family safe somewhere now; parents not picking up
    ("one of my yr 12s is missing loads of lessons because she is caring for her mum, she is exhausted", False),
    ("mum emailed: dad came back drunk last night and the police came, we're staying at my sister's now. "
     "can you keep an eye on Maya", False),
    ("a year 6 girl has been coming in hungry all week and mum's not answering the phone", False),
    ("a year 8 told her friend she's got a plan to kill herself at the weekend", True),
    ("a y7 just ran up to me, his mate is in the toilets with a belt round his neck", True),
    ("mum's rung the office, her year 6 never came home last night", True),
    ("a year 10 has texted me from the airport, her uncles are making her get on a plane", True),
    ("someone's threatening to post a year 9's nudes unless she pays, they've given her an hour", True),
    ("year 7 says his dad will batter him when he gets home because of his report", True),
    # a wound bleeding badly now; a child not seen for days
    ("a year 9 has cut his arm badly in the changing rooms, there's so much blood, the first aider is with him", True),
    ("our year 12 (16) hasn't been seen since saturday, mum rang to say she's been staying with older men", True),
    ("year 11 girl messaged me she's locked in at home, her passport's been taken, the wedding is abroad next week", True),
    ("mum's partner just grabbed a year 4 by the neck in the office and slammed him into the wall", True),
    # a goodbye from a bridge, told by words that alone are only "self-harm or suicide"; gone to meet a man now
    ("year 8 has just texted his friend a photo from the railway bridge saying goodbye", True),
    ("a 14 year old has left the ward, her friend says she's gone to meet a man she met online", True),
    # the DSL now, not 999: told or seen in school today, the child is with adults who can act
    ("a year 9 told me today that her uncle touches her", False),
    ("a girl in y8 has a bruise on her face today, says she fell", False),
    ("a little boy in reception said daddy hit mummy and he hid in the cupboard", False),
    ("a year 6 said he wants to go to sleep and not wake up during circle time", False),
    ("girls in her class keep telling a year 7 to kill herself on whatsapp", False),
    ("a year 5 in after school club said grandad hurts him in the bath", False),
    ("a year 6 says a man he met on roblox keeps sending him gifts and now wants his address", False),
    ("a man on roblox wants to meet one of my year 5s at the park this weekend", False),
    ("year 9 said she is going to meet a man from snapchat next saturday", False),
    ("a TA grabbed a Y2 child's arm hard enough to leave marks in the lunch hall today", False),
    # a deadline someone else set ("£200 by tonight"): the child is with us and the DSL acts now; unless the child
    # would rather die; a child out of the site through the back gate, towards the roads
    ("yr 12 told me someone online is threatening to post her nudes unless she pays £100 by tonight", False),
    ("they want £200 by tonight or they'll send it to his family. he says he'd rather die than have that happen", True),
    ("special school pupil has left the site through the back gate, hes autistic and runs towards roads", True),
    # about to happen, or the danger still there; a child out of the gate saying she is going to the bridge
    ("mum turned up at nursery pickup clearly drunk, about to drive off w her 2 toddlers", True),
    ("a boy on the trip says a man in the toilets tried to pull him into a cubicle, and the man is still in there", True),
    ("nursery mum just told me she left her 3yo home on his own to come to this meeting", True),
    ("yr 6 girl just legged it out the gate crying saying shes going to the bridge, cant see her anymore", True),
    ("a Y10 girl has been picked up from the gate by different men in cars all week. she's just got into one now", True),
    ("can I reply to a pupil who messaged my instagram? she says she's been cutting again", False),
    ("a year 10 keeps going missing after school and comes back with cash and a new phone", False),
    ("a year 9's older sister was sent abroad to marry; now the girl says she's next", False),
    # told of last weekend, in the past: "she went floppy"
    ("a year 4 told me that on sunday dad squeezed mum's neck till she went floppy, the police came", False),
    ("at this evening's parents' meeting a dad kept calling his year 9 daughter stupid and she looked terrified", False),
    ("a year 2 drew dad hitting mum with a bottle and said 'that was on saturday, mummy was bleeding'", False),
    # tablets swallowed just now; a wish to die written in a diary (not a message sent to someone: the DSL now)
    ("yr3 boy has just swallowed some tablets he found in his coat pocket, says they're nanny's", True),
    ("a year 6 girl wrote in her diary that she wants to die and nobody would notice", False),
    # a packet of tablets this morning and feeling sick; a weapon for the end of today; lost on a trip just now
    ("a year 10 boy says he swallowed a packet of paracetamol before school and now feels sick", True),
    ("a year 8 has told friends he has something dangerous in his bag and will use it at the end of school today", True),
    ("on the zoo trip one year 4 boy is no longer with the group, we last saw him about ten minutes ago", True),
    # a weapon to be brought into school; a child too scared to get out of the car at home now
    ("year 9 says he has made a bomb from a video online and is bringing it into school tomorrow", True),
    ("dropping a year 5 home, his dad is shouting at his mum on the drive and the boy is too scared to get out of the car", True),
    # the one who hurt them collects them today; nobody has come at the end of the day; a parent gone and not back
    ("a year 3 girl has a burn on her arm and says her stepdad did it. he is collecting her after school", True),
    ("it's quarter to six and no one has come for a reception boy, mum's phone is off and she seemed drunk this morning", True),
    ("year 7 boy says he's been feeding his little sister since dad went off on saturday and dad's still not back", True),
    # left in a hot car now (not "often left in the car"); a drink spiked and lost
    ("a nursery child has been left in a car in the car park for the last 20 minutes and it's really hot", True),
    ("year 11 girl rang me from a party, thinks her drink was spiked and she doesn't know where she is", True),
    # a ligature tied round a neck; a toddler alone at home today; a knife held to a child's neck
    ("found a year 9 in the toilets with a cord tied round her neck, she won't let us take it off", True),
    ("a year 1 boy says his baby brother is at home on his own today because mum went out last night and never came back", True),
    ("a boy at after school club has grabbed a knife from the kitchen and is holding it to another child's throat", True),
    ("Reggie (reception) isn't in the classroom after PE, we've searched the hall and toilets and the side gate is open", True),
    # within days: a cutting, a wedding abroad, an attack on a place of worship
    ("y6 girl said her aunt is coming at the weekend to do her cutting like her sister's, this weekend", True),
    ("yr 11 says her dad has her passport and she flies out on friday to marry a cousin", True),
    ("a year 10 said he's going to do something at the synagogue on saturday, he showed me what he's made", True),
    # a weapon at the door, someone following a child, a door locked on a child, a parent who can't be woken
    ("a mum says her ex is outside her flat with a hammer and her kids are in there", True),
    ("a y8 texted me that a man has been following her since the bus stop and she's hiding in a shop", True),
    ("a visitor took a y2 into the staff toilet and locked the door, they've been in there ages", True),
    ("a y4 says his mum's been on the sofa since last night and he couldn't wake her, his baby brother is with her", True),
    ("yr 11 girl barely conscious in the car park and a man is trying to get her into his car", True),
    ("a year 9 hasn't been in all week and her mum says she hasn't seen her since saturday", True),
    # someone on their way to take a child; a door being kicked in; a child off to meet an adult at lunch or at a station;
    # a child not seen since; pills counted; a means in a bag and a last goodbye; a parent who can't go on
    ("dad just phoned the office saying he's on his way to collect the girls, there's a court order against him", True),
    ("a mum texted that her partner is kicking the bedroom door in and the kids are in there with her", True),
    ("a yr 9 told her friend she's skipping period 5 to meet a man off snapchat at the park", True),
    ("a y10 lad said he's going back out at break to drop something off for the older lads", True),
    ("a yr 8 messaged the attendance line that she's at the bus station with a guy she met on insta", True),
    ("her cousin says the y7 hasn't been home since saturday and her phone's off", True),
    ("a yr 11 in the nurse's room says he took about 15 tablets before school", True),
    ("a y12 said this is the last tutor meeting he'll need and there's a belt in his bag", True),
    ("a mum rang in crying that she can't go on and she's going to take the kids with her", True),
    ("a yr 12 said after thursday everyone will know his name, his browser has searches on making things from fertiliser", True),
    # a child held somewhere, on a roof, strapped in a hot car; a parent blocking the door or just come in; collection at
    # a time that is nearly here; a child at a station
    ("a yr 10 rang me, she says the men at the house won't let her leave", True),
    ("a y8 is up on the science block roof and says he'll jump", True),
    ("there's a baby strapped in a car seat in the car park, windows up, it's boiling", True),
    ("a toddler has been left on his own in a car in the car park for half an hour", True),
    ("a dad is outside reception shouting and blocking the door, his son is inside crying", True),
    ("a man just walked in through the fire door asking for a year 3 girl by name, there's a no contact order", True),
    ("y5 says his stepdad hit him last night and he's picking him up at 3, it's 2:45", True),
    ("yr 9 messaged that he's at a train station with some men he met online", True),
    ("a y7 said her mum sometimes won't wake up in the morning so she gets herself to school", False),
    ("a year 6 girl has been refusing to get changed for weeks, today i saw marks on her back", False),
    # planned, but not an attack or a cutting: the DSL now; a sentence later is not "to … today"; what happens every day
    ("year 8 boy says his older brother's mates are taking him to a meeting this weekend about 'invaders'", False),
    ("a yr 9 keeps coming to me with headaches. today she said her step-dad's mate buys her vodka", False),
    ("year 10 girl's 'boyfriend', who is 20, waits outside the gates every afternoon", False),
    # what a family won't let a child do, a van parked across the gate, a child who has just got in: for the DSL now
    ("y8 girl says her parents hit her and they won't let her go to sleepovers", False),
    ("dad who smells of alcohol always parks his van blocking the gate at pickup", False),
    ("y7 girl just got in from the bus with a black eye, says her mum hit her", False),
    ("a year 7 girl says they're going to pakistan in the summer holidays for a family wedding and she's scared", False),
    # the one who put them at risk coming back for them today; children alone for days; abuse still going on; a parent
    # threatening to kill himself with the child at home; an attack planned for home time
    ("reception mum says her partner drove the kids in drunk this morning and he's coming back to collect at 3", True),
    ("a neighbour says the y4 twins have been on their own since saturday, mum's abroad. neither of them is in today", True),
    ("a parent rang, her yr 8 is on a video call with a man telling her to take her top off and it's still going", True),
    ("his nan rang, his dad is threatening to kill himself and the y7 boy is at home with him", True),
    ("a yr 9's cousin was stabbed last night and there's talk of a revenge attack at the gates at home time", True),
    ("a y6 girl was on her own all weekend while mum worked away, she's in school today and fine", False),
    ("y8 girl has been on her own since her mum died, dad works away, she says she copes", False),
    ("yr 10 lad says the fights at the park after home time last term were about his brother", False),
    # in the words of staff who write English as an additional language
    ("girl year 9 leave me a note say sorry to everyone, now she not in lesson and nobody know where she is", True),
    ("boy in the toilets say he drink bleach, he is vomiting", True),
    ("year 7 in care run away from school at lunch, climb over the fence, last time they find her with older men", True),
    ("i see a boy year 5 sleeping behind the sports hall at 7pm, he cant go home", True),
    ("dad come to reception shouting he take his son home now, boy crying and say dad will beat him", True),
    ("pupil absent two weeks, the family moved out and no one knows where he is", False),
    ("a 13 year old told me her mum made her swallow bleach to 'clean her insides' last year", False),
    ("a boy said his stepdad makes him sleep in the shed when he's bad", False),
    # a toddler on his own in a hot car, a lace round the neck, men collecting a child at 3.15, a knife brought in tomorrow,
    # a child lost on a trip, a boarder who went to meet a man, a drunk dad waiting in the car, a dad with a court order
    # taking her out to his car, last seen getting into a car
    ("a toddler on his own in a car in the car park, windows up and it's roasting", True),
    ("found a yr 9 in the toilets with a shoelace round his neck, he's breathing but out of it", True),
    ("y9 girl says men are picking her up from the gate at 3.15 to take her to a party at a flat", True),
    ("yr 10 says he's bringing a knife in tomorrow to sort out some kids", True),
    ("we've lost a year 3 at the museum on the trip, last seen 20 mins ago", True),
    ("bed check, a yr 10 boarder isn't in her room, her friends say she went to meet a guy from snap", True),
    ("mum at pick up has a black eye, says dad is waiting in the car drunk and she's terrified to get in with the twins", True),
    ("a dad with a court order is at the nativity trying to take his daughter out to his car", True),
    ("a girl on the residential has gone from the centre, last seen getting into a car with an older lad", True),
    ("a yr 2 said mummy was asleep all day and wouldn't wake up, it happens a lot", False),
    ("year 7 boy has gone missing from home twice this month, turns up next morning", False),
    # told as it happens: still hitting him on the way to the car, a mother not moving, a child alone at home screaming
    # or left there all day, a baby heard through the wall, blood pouring, a child taken and driven off
    ("at the fixture a mum slapped her yr 4 and is pulling him into the car, still hitting him", True),
    ("y5 boy says his dad kicked his mum in the head before school and she isn't moving", True),
    ("the office had a call, one of our nursery kids is alone in the flat crying and nobody's answering the door", True),
    ("a yr 4 has been left home on his own since the morning with a temperature, nan just rang us", True),
    ("a neighbour says she can hear the y1 twins screaming next door and a man shouting", True),
    ("yr 10 lad cut his arm on purpose in the toilets, blood everywhere, he's locked in a cubicle", True),
    ("dad grabbed the y3 girl off the playground at lunch, they've just driven off and he has no contact", True),
    # a cord tied round the neck; a toddler alone now; a child getting into a car with men or pulled into a van; a man
    # filming children through the fence; a head injury with vomiting; a roof edge
    ("found a y10 in the changing rooms with a tie knotted tight round his neck, he's breathing", True),
    ("a y2 says his little sister's been home on her own since mum went out yesterday and never came back", True),
    ("on my way home i saw one of our yr 10s just climb into a van with two older men", True),
    ("a year 5 girl is being bundled into a car by the park gates right opposite us", True),
    ("there's a man parked in a car outside the junior playground filming the children through the railings", True),
    ("a y3 came in with a bump on her head and she's been sick twice, says mum pushed her into the wall", True),
    ("a yr 11 is sat on the edge of the sports hall roof and won't come down", True),
    ("i've just come off duty, a y6 girl told me her stepdad touches her when mum's at work", False),
    ("we've just come back from the museum and a y4 said his mum's boyfriend hits him", False),
    ("a yr 2 told me her dad hit her mum last week and mum was crying on the floor", False),
    # still going on as they tell it: walking off with the child he is hitting, nobody home for days, a child nobody
    # can reach after a goodbye, not seen since, dropped off but not here, a barred parent demanding the child at the
    # door, a child handed to the wrong adult, a parent who will drive into the river, a baby at home with him
    ("mum just yanked her yr 1 off the climbing frame and slapped her, now they're marching off up the lane", True),
    ("y4 says no one's been home since the weekend, he's been making his own tea", True),
    ("toddler left in a car on the staff car park, engine off, windows up and it's roasting", True),
    ("yr 11 boy put a goodbye post on insta and he's not in, nobody can get hold of him", True),
    ("y12 lad not seen since monday, his family don't know where", True),
    ("y2 girl not in class, dad swears he dropped her off at 8.30", True),
    ("the dad with the court order has turned up at the reception door demanding to take the twins", True),
    ("nursery child was let go with the wrong parent at pick up, her mum's here now", True),
    ("one of the reception children went home with the wrong family at pick up", True),
    ("a mum phoned the office saying she's going to drive off the cliff with the boys", True),
    ("yr 3 says dad punched mum last night and his 2 year old brother is home with him now", True),
    # the same words, told of the past or of somewhere else
    ("yr 8 said he ran off last weekend after a row and stayed at his nan's", False),
    ("reception boy keeps drawing pictures of daddy with a knife", False),
    ("a yr 9 girl's tennis coach from a club outside school keeps messaging her", False),
    ("y6 says he'll be locked in his room all half term if his report is bad", False),
    ("his stepdad hits him, we contact them every week about it", False),
    # still going on as they tell it, in other words
    ("yr 9 says the man who touched her is collecting her from the gate at 3.15 today", True),
    ("on a home visit, a toddler opened the door, no adult is in and the flat stinks, i'm still outside", True),
    ("a y11 dm'd the year group account to say she's run away and is sleeping at some older guy's place", True),
    ("a mum just rang me, her partner is threatening to kill her and the kids", True),
    ("a yr 10 messaged my personal insta at 2am saying her stepdad is drunk and hitting her mum", True),
    ("year 9 boy not in since monday, his nan thinks he's 'doing deliveries' in another city", True),
    ("y13 girl says her parents are taking her abroad to marry a cousin, the flight is in 3 hrs", True),
    ("her uncle's in reception now to take her 'home to pakistan', she's shaking", True),
    ("outside the chippy a group of older lads are kicking one of our yr 7s", True),
    ("two of our nursery kids walking down the high street alone at 8pm", True),
    ("the twins in yr 2 have been left on their own all weekend, no adult since saturday", True),
    ("i'm on the bus and a yr 8 girl is with a man in his 40s who has her phone, she looks frightened", True),
    ("saw on snap map one of my yr 9s at a house on the estate at 1am with grown men", True),
    ("her partner has just thrown her against the car on the drive, the kids (both in our infants) are in there", True),
    ("there's a man at the main gate trying to take the twins from yr 2, mum says he's not allowed near them", True),
    ("i've just walked in on a TA in the store cupboard with a yr 4 girl, the door was shut and she was crying", True),
    # a baby at home alone still; walked out and not back; gone off site just now; an adult in there with a child;
    # crying the writer can hear now
    ("a y3 says mum went to work at 6 and the baby's at home on his own", True),
    ("my tutee walked out of period 2 and hasn't come back, she's been groomed by older men before", True),
    ("a yr 9 boy just left site on foot with two older lads, he's been going missing at weekends", True),
    ("the minibus driver is in there with a y5 girl, the door's shut, i can hear her crying", True),
    # a weapon brought tomorrow, a knife wound, no adult there, taken somewhere by train, a threat to kill from outside, a
    # little one home alone now, getting into a van now, "tmrw"; a place of worship to be "dealt with" today
    ("a yr 10 says he's bringing a blade tomorrow to sort out the lad who jumped him", True),
    ("year 11 turned up with a knife wound on his arm, says he owes money", True),
    ("home visit, the 5 yr old answered the door and there's no adult there", True),
    ("yr 9 boy is texting me from the train, scared, he doesn't know where they're taking him", True),
    ("dad's outside threatening to kill mum, she's in the office with the kids", True),
    ("yr 3 says his little brother home alone now, mum at work since 6", True),
    ("older lad at the gate again and a yr 10 girl getting into his van now", True),
    ("yr 12 says they took her passport and she flies out tmrw to get married", True),
    ("a yr 9 says he's going to deal with the synagogue today, he's been watching far right videos", True),
    # off school and staying with older men
    ("yr 10 girl absent all week, her friend says she's staying with some older lads in town", True),
    # a head count short on a trip, still searching
    ("on the year 4 zoo trip, head count is one down, we've been looking for her for 15 minutes", True),
    # a deadline within the hour; lost on a trip now; a beating going on; into a car with men now (a guard: "is getting
    # into a van" was 999 already); a knife and this afternoon
    ("yr 8 boy in bits, someone online says he'll post his pics to everyone unless he pays within the next hour", True),
    ("at the aquarium and we've lost one of the yr 3 girls, staff are searching", True),
    ("three yr 10s are punching a yr 8 behind the sports hall, they're kicking him too", True),
    ("a yr 8 girl is getting into a van with two men at the bus stop opposite school", True),
    ("a yr 11 showed his mate a knife and said he's sorting the lad from the other school out this afternoon", True),
    # gone missing now and searched for; little ones on their own in a flat since the morning (the last words before
    # the change: "has gone missing" and "on their own in the flat since" were not read as now)
    ("residential leader rang, a yr 9 girl has gone missing in town, staff have been searching for half an hour", True),
    ("the nan rang, the twins (yr 1 and nursery) have been alone in the house since this morning, no sign of mum", True),
    ("third time this term a yr 10 has gone missing overnight, mum says he always turns up", False),  # a guard
    # a meeting "in about" half an hour; the partner who hurt her waiting in the car outside now (the second a guard:
    # "at reception" was read as now already)
    ("yr 9 says she's meeting the 19 year old from snap in around twenty minutes at the park", True),
    # an injury that needs treating now; toothache left for months is neglect for the DSL today (a guard)
    ("reception boy has a scald down his back, he's in agony and says daddy poured the kettle", True),
    ("yr 6 girl is in agony with her teeth, mum has never taken her to a dentist", False),
    ("a mum at reception with bruises says she daren't go home, her boyfriend is sat in the car outside with the kids", True),
    # seen before, more than once: for the DSL now, not 999 (a guard for the car rule above)
    ("a yr 9 has been seen getting into a car with older lads after school several times", False),
    # a habit, not now
    ("yr 9 says he sleeps with a bat under his bed because his stepdad hits him", False),
    ("a yr 4 says he gets locked in his room as a punishment", False),
    ("the caretaker keeps going into the changing rooms while the girls are in there, he says it's to check the heating", False),
    # told of tonight, not danger tonight; safe at a friend's; every weekend; a man in a car seen off site
    ("at scouts tonight a yr 5 boy told me his brother hurts him when mum's at work", False),
    ("a mum forwarded it to me tonight: the yr 6 boys' group chat rating the girls' bodies", False),
    ("yr 9 says her dad will throw her out if she comes out, she's staying at her nan's tonight", False),
    ("yr 6 says his stepdad locks him in his room every weekend", False),
    ("i've seen the deputy head with a yr 12 girl in his car off site twice", False),
    # gone to the adult's place now; a snap map miles away; a break-in with the children hiding; a small child alone
    # since a parent went out yesterday; missing from care since the weekend; ringing from far away, unable to get home
    ("her friend says the yr 9 girl skipped period 5 and is heading to his flat now, he's 23", True),
    ("yr 7 boy not in for 2 days, his snap map shows him in manchester and nobody at home knows", True),
    ("a yr 5 just texted the office: someone has broken into their flat and she's hiding upstairs with her brother", True),
    ("on a home visit a 5 year old opened the door, no adult in, she says daddy went out last night", True),
    ("our looked after yr 10 has been missing from the placement since saturday", True),
    ("yr 11 lad has turned up in birmingham, says older boys drove him there and he can't get home", True),
    # "rn" is right now; a child who has just walked out of school; an attack planned with a shotgun to hand
    ("walking home rn and a man is punching a yr 8 from our school outside the chippy", True),
    ("doorstep visit rn, 3 little ones under 5 on their own, house freezing, no adult in", True),
    ("a yr 9 just walked out of school after telling me she can't do this anymore", True),
    ("yr 10 says he'll shoot up the church on sunday, his uncle keeps a shotgun in the garage", True),
    ("a yr 6 says his dad locks him in his bedroom for whole weekends as punishment", False),  # a guard
    # guards: a flat visited last week; a break-in at school; a parent who went out for the evening and came back
    ("yr 9 girl says she went to his flat last week, he's 23", False),
    ("someone broke into the school kitchen over the weekend, a yr 6 said his dad did it and hits him", False),
    ("yr 4 says dad went out last night and hit mum when he came back", False),
    # a child missing on a trip said as "yr 4 girl missing" (a guard: the search was heard already) or "lost a year 5";
    # off site and not back after half an hour; a farewell "to all" (none of the last three was read as a concern)
    ("yr 4 girl missing at the beach, we've been searching 10 mins", True),
    ("lost a year 5 at the farm park about 20 minutes ago, staff looking everywhere", True),
    ("y8 went off site at break without permission towards the river, not back after 30 mins", True),
    ("one of my form posted a video saying goodbye to all of you, can i comment on it?", True),
])
def test_999_comes_first_only_when_a_child_may_be_in_danger_before_anyone_can_act(message, urgent):
    found = read(message)
    assert found is not None and found.urgent is urgent


@pytest.mark.parametrize(("message", "about"), [
    # "our head" / "my head" is the headteacher: the concern goes past them, to the trust's lead
    ("our head has been messaging a year 11 on snapchat", "headteacher"),
    ("my head has been texting a year 10 girl late at night", "headteacher"),
    ("the exec head hugged a year 8 boy and told him not to tell anyone", "headteacher"),
    # a head of year or department is another member of staff
    ("our head of year has been messaging a year 11 on snapchat", "staff"),
    # an adult from outside the trust is the DSL's, not the headteacher's as one of our staff
    ("a coach from the gymnastics club outside school has been whatsapping some of our year 6s and giving them lifts home",
     "child"),
    ("the tennis coach at a club outside school keeps messaging one of my yr 8s at night and told her not to tell her mum",
     "child"),
    ("our netball coach keeps messaging a y9 girl late at night and told her not to tell anyone", "staff"),
    # a child's own head is not the headteacher
    ("a year 9 told me her head hurts all the time and dad hits her", "child"),
    ("pupil says the supply teacher yesterday smacked him round the back of the head", "staff"),
    ("our HT shook a yr3 boy by the shoulders and screamed in his face", "headteacher"),
    # what an adult working for the school did to a child, or how they were in contact with one
    ("a supply teacher grabbed a year 6 boy by the arm so hard it left marks", "staff"),
    ("one of the sports coaches has been snapchatting some of the yr6 girls, one of them showed me", "staff"),
    ("the caretaker has been letting a yr6 boy into his shed on his own at lunch and giving him vapes", "staff"),
    # said aloud ("a year eight"); slammed against a wall
    ("on duty today i saw mr green grab a year eight by his blazer and slam him into the wall", "staff"),
    ("i think i saw the head teacher shove a year seven against the lockers", "headteacher"),
    # what staff did, told in other words: shouting at a child, too rough, made a child sit, liking a child's posts
    ("the new TA shouts at the year 1s until they cry", "staff"),
    ("I think one of the lunchtime supervisors is too rough with a year 2 boy who has autism", "staff"),
    ("a cover supervisor told a year 4 to sit on his lap during story time", "staff"),
    ("a colleague has been liking a year 10 girl's bikini photos on insta", "staff"),
    ("a year 11 showed me snapchat messages from a teacher here telling her she's gorgeous", "staff"),
    # a concern kept off the record by the head
    ("I told the head about a disclosure and she told me not to log it on CPOMS because she knows the family", "headteacher"),
    # nursery and PRU staff in their own words: a key worker, a restraint, a video shared and laughed at
    ("i saw a key worker in the toddler room smack a child's hand hard enough to leave a mark", "staff"),
    ("the cover teacher told a year 8 girl she was thick in front of the whole class", "staff"),
    ("during a restraint yesterday a colleague knelt on a year 8's back and he said he couldn't breathe", "staff"),
    ("our head shared a video of a pupil being restrained in the staff group chat and was laughing about it", "headteacher"),
    # a member of staff passing on what a child said is not the one who acted
    ("one of the lunchtime supervisors told me a year 2 boy said his mum's boyfriend pushes him down the stairs", "child"),
    ("one of the TAs told me a year 6 girl said her uncle plays secret games with her when he babysits", "child"),
    ("a year 9 in my tutor group said her stepdad hits her mum and she's scared to go home", "child"),
    # the one a parent told is not the one who did it
    ("dad told the TA his yr 1 girl touched the hot pan but the burn on her arm is a perfect circle", "child"),
    # the head as a body part, or as the one who was told, is not whom it is about
    ("yr 4 boy came in with a bruise on the head, says dad hit him with a belt", "child"),
    ("saw the pe teacher kiss a yr 10 girl on the head in the corridor", "staff"),
    ("mr jones hit a boy round the head in class today", "staff"),
    ("dad hit her again last night, i already told the head", "child"),
    ("i spoke to the head about mr x touching a yr 8 girl", "staff"),
    ("the head hit a year 3 boy in his office today", "headteacher"),
    # what a leader is told: a record the head wants gone, a new teacher who left mid-investigation
    ("my deputy tells me the head asked her to delete a safeguarding record about a complaint made against him", "headteacher"),
    ("one of our new teachers left her last school mid-investigation about messages to a pupil", "staff"),
    ("a year 7 wrote in her diary 'i want to disappear forever nobody will miss me'", "child"),
    # a member of staff who did it, in other words; one who was only told; a coach at a club outside school
    ("one of the TAs in year 2 keeps tickling a little girl and calling her his favourite", "staff"),
    ("our caretaker hangs around the girls' toilets at lunch and two of them say he stares at them", "staff"),
    ("the head keeps shouting in one yr 3 boy's face and shoving him", "headteacher"),
    ("a yr 5 told her teacher that her uncle touches her", "child"),
    ("a supply teacher told a year 8 girl she had a lovely figure and asked for her snap", "staff"),
    ("a new kitchen assistant keeps asking year 5 girls for their snapchats and giving them sweets", "staff"),
    ("supply teacher told the cover manager a yr 8 said her dad locks her in her room for days", "child"),
    ("a year 8 says his coach at his weekend boxing club messages him every night and tells him to keep it secret", "child"),
    # a pupil's own private account is not a member of staff's
    ("a yr 8 has been posting photos of burns on her arm on her private insta, a friend showed me", "child"),
    # an allegation under investigation: to the headteacher, though no child is named
    ("the LA rang, a teacher here is named in a police investigation from his last school and he's teaching today", "staff"),
    # told at an assembly is not a lesson's topic; a site manager is staff
    ("at the harvest assembly a TA saw the site manager taking photos of the girls on his own phone", "staff"),
    # who did it, further from what they did: a longer sentence, a bracket or a comma, a coach of the school's own club,
    # a picture made of a child, a head who keeps a concern quiet or messages a pupil; not the one told or written to
    ("a supply teacher who covered year 4 last week has been messaging a girl from that class late at night", "staff"),
    ("a boy says the coach who runs the after school rugby club takes photos of them getting changed", "staff"),
    ("the agency dance coach keeps cuddling the year 3 girls", "staff"),
    ("a dad from yr 7, who is also one of our governors, showed the boys porn on his phone at a sleepover", "staff"),
    ("a TA in our resource base (the autism one) grabbed a boy in year 4 so hard it left marks", "staff"),
    ("one of the nursery practitioners was taking photos on her own phone while changing a baby", "staff"),
    ("heard a cover supervisor tell a year 5 he's a waste of space and drag him out by the arm", "staff"),
    ("a colleague used an app to make a picture of a year 10 girl in her underwear", "staff"),
    ("a colleague keeps a year 4 girl back at break on her own", "staff"),
    ("our head keeps ignoring reports about a yr 6 girl's bruises because the family are friends of hers", "headteacher"),
    ("a year 9 boy's mum says he's being sent nudes by a yr 10 and the head says he's dealing with it himself", "headteacher"),
    ("a sixth former showed me dms from the exec head sent at midnight saying she looked beautiful", "headteacher"),
    ("the head is drunk and about to drive the year 6 team in the minibus", "headteacher"),
    ("a mum told our TA she is taking her daughter abroad to be cut this summer", "child"),
    ("Hello Mrs Patel, sorry to grab you, a year 3 told me his dad hits him", "child"),
    # the member of staff a child wrote to, or told, is not the one who acted; nor is one beside another adult who did
    ("a yr 10 girl messaged my colleague on snapchat saying she wants to die", "child"),
    ("a year 6 boy told our TA his stepdad locks him in his room", "child"),
    # a coach in the community, not the school's
    ("a local boxing coach has been giving some of our yr 8 boys lifts and cash, one of them told me", "child"),
    ("the rugby coach round here messages a yr 9 lad every night and tells him not to tell his mum", "child"),
    # the principal is the head
    ("the principal dms year 9 girls on insta late at night", "headteacher"),
    # asked as a rule, then told as something done: a concern about staff
    ("can a ta shout at a pupil like that? mrs j screamed at a yr 3 till she cried this morning", "staff"),
    ("can a teacher slap a pupil? mr k slapped a yr 8 in the corridor today", "staff"),
    # photos of pupils shown up online by a colleague: the head's to act on
    ("a colleague has been putting photos of our pupils on his own insta with captions mocking them", "staff"),

    # head lice are not the head ("our head lice letter" was read as the head sending a letter)
    ("our head lice letter has gone out four times to one family, his scalp is bleeding and dad won't answer", "child"),
    # a "teacher" online is not one of the school's staff (and killing those who insult a faith is radicalisation)
    ("a yr 9 says it's fine to kill people who insult his faith, an online 'teacher' told him so", "child"),
])
def test_who_a_concern_is_about_when_the_head_is_named_in_everyday_words(message, about):
    found = read(message)
    assert found is not None and found.about == about


@pytest.mark.parametrize("message", [
    "i lost a year 7 coat in the changing rooms, has anyone seen it",  # a guard
    "yr 3 boy missing his reading book again, do i tell mum",  # a guard
])
def test_a_lost_coat_is_not_a_concern(message):
    assert read(message) is None


def test_a_chair_thrown_in_my_room_and_my_private_facebook_are_not_two_signs_of_harm(monkeypatch):
    """"threw a chair in my room" is a pupil's behaviour and "my private facebook" the writer's own account: not
    two light signs (a thrown blow, something private) that a half-sure second reader turns into a concern."""
    monkeypatch.setattr(second_reader, "probability", lambda text: 0.7)  # over LIGHT_DOUBT, under THRESHOLD
    assert read("awful day, a yr 8 threw a chair in my room and i posted about it on my private facebook, now i'm "
                "terrified someone screenshotted it. against the policy?") is None
    assert read("a yr 8 threw a chair at a girl in my room and she's bleeding") is not None  # a guard


def test_a_question_about_no_one_is_not_a_child_however_sure_the_second_reader_is(monkeypatch):
    """A first name only is a child when the second reader is sure; a question that names no one and points at
    no one ("surely…", "is…") is not, however sure it is."""
    monkeypatch.setattr(second_reader, "probability", lambda text: 0.9)
    assert read("surely what gets said in a private whatsapp group is outside data protection?") is None
    assert read("kelsey on the bridge by the station, not answering") is not None  # a guard


def test_sponsor_money_beside_an_address_is_not_exploitation():
    # "address" and "money" are two words of exploitation; here a parent's comment asking for sponsors
    assert read("a mum put her son's full name and their address on our page asking for sponsor money. leave it?") is None


@pytest.mark.parametrize(("message", "about"), [
    # a member of staff of another school is not the school's: the DSL's to act on (with the LADO)
    ("a teacher from another school keeps snapchatting one of our yr 9s at night and says not to tell anyone", "child"),
    # guards: the trust's own staff at another of its schools; "showed me snapchat messages" is not "my snapchat"
    ("she says her old form tutor messaged her at night when she was 14, he teaches at another school in the trust now", "staff"),
    ("a yr 12 showed me snapchat messages from a teacher here telling her to keep it between them", "staff"),
])
def test_staff_of_another_school_are_not_ours(message, about):
    found = read(message)
    assert found is not None and found.about == about


def test_the_writer_bullied_at_work_is_not_a_concern_about_a_child():
    # "…in front of students" made it peer abuse about a child
    assert read("my head of dept keeps bullying me, belittling me in front of students. how do i raise a grievance?") is None
    assert read("a yr 7 told me the older boys keep bullying him and took his phone") is not None  # a guard


@pytest.mark.parametrize("message", [
    "parent turned up drunk to collect their reception child",
    "dad's turned up drunk at pick up for his year 1, what do i do",
    "mum's come to collect and she's clearly off her face on something",
])
def test_a_parent_drunk_at_pick_up_now_is_999_first(message):
    found = read(message)
    assert found is not None and found.urgent


@pytest.mark.parametrize("message", [  # guards: told of afterwards, or a pupil drunk
    "a parent came to parents evening drunk last week, should i log it",
    "last friday a dad came to collect his yr2 drunk, the teacher let him take her",
    "yr 8 turned up at 9am clearly drunk",
])
def test_a_drunk_parent_told_of_afterwards_is_for_the_dsl(message):
    found = read(message)
    assert found is not None and not found.urgent


@pytest.mark.parametrize("message", [
    "a pupil messaged me on insta at 2am saying she can't cope anymore, do i reply?",
    "i saw on a pupil's public insta that she's dating a 25 year old",
])
def test_harm_inside_a_question_about_a_pupils_message_or_post(message):
    # neither was read as a concern: the question around it ("do i reply?") hid it
    assert read(message) is not None


@pytest.mark.parametrize("message", [  # guards: staff who can't cope, a 19-year-old sixth former asked about
    "year 9 are a nightmare, honestly i can't cope anymore",
    "Our special school has students up to 19. Does 'current student of any age' mean I can't be Facebook friends "
    "with a 19-year-old in our sixth form?",
])
def test_staff_who_cant_cope_and_adult_students_are_not_concerns(message):
    assert read(message) is None


@pytest.mark.parametrize(("message", "category", "about"), [
    # none of these was read as a concern (written in other words than round 83 and 84's, which showed the kinds)
    ("a yr 8 replied on the class blog 'won't be here for the trip anyway lol'", "suicide", "child"),
    ("a kid in 4B has rotting teef and has been in pain for weeks", "neglect", "child"),
    ("a dance teacher from an outside dance club told one of our yr 7s to delete their chats", "grooming", "child"),
    ("some random account keeps asking how old the girls are under our netball photos", "grooming", "child"),
    ("an account commented 'easy money, message me' on our year 10 revision post", "exploitation", "child"),
    ("a year 4 says his special friend on fortnite sends him v-bucks", "grooming", "child"),
    ("a dad showed me where the head has been messaging his 13 year old son late at night", "staff conduct", "headteacher"),
])
def test_harm_said_in_passing_on_an_account_or_a_script(message, category, about):
    found = read(message)
    assert found is not None and category in found.categories and found.about == about, found


def test_a_video_call_with_the_door_shut_is_the_online_friends_not_a_member_of_staffs():
    found = read("a yr 5 says a man on roblox wants to video chat with the door shut and sent him robux")
    assert found is not None and found.about == "child"
    found = read("mr jones keeps a year 8 girl behind after class with the door shut")  # a guard
    assert found is not None and found.about == "staff"


@pytest.mark.parametrize("message", [
    # happening now, told in other words than round 81 to 84's urgent concerns that got the DSL but not 999
    "a yr 7 has been made to stand in the yard as a punishment for an hour, she's still out there crying",
    "year 10 says her uncles will hurt her if she doesn't go through with the marriage, theyre collecting her at 3",
    "rang home about a detention and mum whispered 'help me' while a man was shouting and the baby was screaming",  # a guard
    "saw a dad punch his partner at the gate and then he bundled the little girl into the van",
    "a yr 10 said something big is going to happen at the match on saturday and showed me a knife in his bag",
])
def test_danger_now_told_in_passing_is_999_first(message):
    found = read(message)
    assert found is not None and found.urgent, found


@pytest.mark.parametrize(("message", "about"), [
    # told in other words than rounds 85 to 88's concerns the reader missed or sent to the wrong person
    ("TA here, a yr 9 boy is getting lifts from a 30 year old man he met online who buys him weed", "child"),
    ("one of the midday supervisors is following lots of yr 10s on tiktok and leaves heart emojis on their videos", "staff"),
    ("i saw the deputy head lock the classroom door with a year 8 girl inside after school", "staff"),
    ("a yr 6 boy says his 'roblox coach' he met online wants him on camera in his room and to keep it secret", "child"),
    ("a pupil says our headteacher has been messaging her from a secret snapchat account", "headteacher"),
    ("a 30-something ex-student hangs around the u16 football and gives one of the lads lifts home", "child"),
    ("on the residential i saw mr patel go into the girls' room late at night on his own", "staff"),
    ("a teacher here keeps giving a yr 9 girl lifts home", "staff"),  # a guard: "here" is this school, not the writer
])
def test_who_a_concern_is_about_when_the_writer_says_who_they_are(message, about):
    found = read(message)
    assert found is not None and found.about == about, found


@pytest.mark.parametrize("message", [  # guards: the writer's own role, and a question with no child harmed
    "as head of year can i let my tutors message year 11s about revision on teams",
    "as a TA can i let my class email their homework to me from home",
])
def test_the_writers_own_role_is_not_a_member_of_staff_acting(message):
    assert read(message) is None


@pytest.mark.parametrize("message", [
    # ordinary questions from rounds 86 and 87 that got the safeguarding reply, in other words
    "my ex student is 19 now and her younger brother is in yr 8, can i accept the older one's request?",
    "can the school insta congratulate our young carer of the year winner by first name?",
])
def test_an_ex_pupil_and_an_award_are_not_concerns(message):
    assert read(message) is None


@pytest.mark.parametrize("message", [  # guards: the signs those words carry elsewhere
    "her mum keeps telling her she's the reason dad left",
    "he's a young carer for his mum since her stroke and falls asleep in class",
    "ex pupil, 15, just posted a photo from the railway bridge saying 'this is it'",
])
def test_the_same_words_told_of_a_child_still_are(message):
    found = read(message)
    assert found is not None, message
    if "railway bridge" in message:
        assert found.urgent, found


@pytest.mark.parametrize("message", [
    # danger now told calmly, in other words than the urgent concerns of rounds 75 to 88 that got the DSL but not 999
    "a year 2 boy says dad went off on saturday and he's been at home on his own since. he goes home to an empty flat",
    "yr 7 girl is meeting a man she met on fortnite at the bus station at 5pm, she thinks he's 14",
    "yr 10 is being blackmailed over nudes by someone on insta and they gave him two hours to pay",
    "a year 12 just mentioned she swallowed a packet of paracetomol at breakfast and 'is fine' (typo intentional)",
    "a lad in yr 11 has been showing people a video of a gun and a list of teachers, he's on site now",
    "yr 9 is sending snaps from the coach station saying she's done with everything, she should be in maths",
    "on the paris trip a yr 10 told me older lads make him carry stuff for them and he's about to sneak off to meet them",
    "a yr 6 says a man who messages her on tiktok is waiting by the gates for her, he's out there now",
    "phoned home about homework and heard shouting and a child crying and someone being hit, then the call cut out",
    "yr 10 girl hasn't been in for a week and friends say she's gone to live with an older man in leeds",
    "a looked after yr 9 boy didn't come back after break and his carer isn't worried",
    "yr 8 posted in a group chat that he's taking a knife to the park fight on saturday with the lads tomorrow",
])
def test_danger_told_calmly_is_999_first(message):
    found = read(message)
    assert found is not None and found.urgent, found


@pytest.mark.parametrize("message", [  # guards: the same words with the danger past or elsewhere
    "a yr 9 told me her dad hit her last week, she's in school now and says she's ok",
    "yr 8 girl says she was groomed by a man she met online last year, the police dealt with it at the time",
])
def test_danger_that_has_passed_is_for_the_dsl_not_999(message):
    found = read(message)
    assert found is not None and not found.urgent, found


@pytest.mark.parametrize("message", [
    # in other words than rounds 89 to 92's concerns that were missed or got the DSL but not 999
    "a year 4 girl walked out of the classroom ten minutes ago and cannot be found anywhere on site",
    "reception - we can't find maya (4), the side gate was open",
    "watching the playground camera, a yr 1 boy is toddling out the main gate by himself",
    "a yr 5 with autism has squeezed through the gap in the hedge and is running towards the busy road",
    "yr 9 boy says someone is threatening to share his nudes unless he pays within the hour",
    "a yr 10 girl just texted the form tutor that she's taken all of her dad's pills and wants to sleep",
    "yr 11 girl says her uncles are in the car outside to take her to the airport for her wedding",
    "yr 12 (17) messaged that her family locked her in her room and she's being flown abroad in the morning to be married",
    "little one in nursery says mummy has been lying on the kitchen floor since yesterday and his baby brother is still at home",
    "a yr 8 told a friend she's getting the bus after school to meet a guy off tiktok, he's 20 and picking her up",
    "there's a man none of us know at the back fence calling a year 2 over",
    "a 10 yr old off sick messaged her teacher that a man from her game is waiting outside her house",
    "dad who isn't allowed contact has grabbed his son from the playground and driven off",
])
def test_concerns_of_rounds_89_to_92_in_other_words_are_999_first(message):
    found = read(message)
    assert found is not None and found.urgent, found


@pytest.mark.parametrize(("message", "category", "about"), [
    # the signs now name these (before, only the second reader's hunch caught some), and say whom they go to
    ("nobody has collected a year 1 boy from after school club yet and his mum isn't answering", "neglect", "child"),
    ("yr 7 says the coach at his sunday league messages him late at night and told him not to tell his mum", "grooming", "child"),
    ("a yr 6 girl says her mum tells her she wishes she'd never had her", "emotional abuse", "child"),
    ("15 yo at our college is fixated on school shooters and keeps a notebook of people who deserve it",
     "radicalisation", "child"),
])
def test_concerns_the_reader_missed_or_sent_to_the_head(message, category, about):
    found = read(message)
    assert found is not None and category in found.categories and found.about == about, found


@pytest.mark.parametrize("message", [  # the writer's own plans, not a sign of harm
    "can i take pics of the class on my own phone for the display if i delete them after",
    "can volunteers listen to readers in year 1 if they are never left alone with the children",
])
def test_the_writers_own_careful_plans_are_not_concerns(message):
    assert read(message) is None


@pytest.mark.parametrize(("message", "about"), [
    # a member of staff named as the one spoken of, not the one acting (round 92 sent it to the headteacher)
    ("yr 6 girl keeps repeating stuff from a tiktok account saying people like mr ahmed should be sent home", "child"),
    ("a year 9 boy posted vile racist comments about miss okafor and said she should be deported", "child"),
    ("mrs patel keeps sending a yr 8 boy messages on snapchat late at night", "staff"),  # a guard: she acts
])
def test_a_member_of_staff_spoken_of_is_not_the_one_acting(message, about):
    found = read(message)
    assert found is not None and found.about == about, found


@pytest.mark.parametrize("message", [
    # questions about the writer's own posts and connections, in other words than round 90 and 92's false alarms
    "a girl's gran said its fine to post her christmas play pic on the school page, dad hasnt said anything",
    "a girl i taught in yr 6 in 2010 has found me on insta, she's 25 now with kids of her own, not at ours. ok to accept?",
    "cleaner here - can i tweet that i found loads of vapes in the yr 9 toilets today",  # a guard
])
def test_the_writers_own_posts_and_connections_are_not_concerns(message):
    assert read(message) is None


@pytest.mark.parametrize(("message", "about"), [
    # a misspelt blow, a head friends with pupils, and a pupil named by his wheelchair: in other words than older rounds'
    ("our lunchtime supervisor smakced a yr 2 boy on the hand today, i saw it", "staff"),
    ("the principal is friends with students on insta and messages them at weekends", "headteacher"),
    ("our HLTA dragged a wheelchair user across the hall by the arm this morning, do i report it?", "staff"),
])
def test_staff_conduct_said_in_other_words(message, about):
    found = read(message)
    assert found is not None and "staff conduct" in found.categories and found.about == about, found


@pytest.mark.parametrize("message", [
    # in other words than rounds 93 to 96's urgent concerns that got no "call 999" (or were missed)
    "a yr 10 girl posted a pic of the motorway bridge on her story with 'sorry guys im done', twenty minutes ago, "
    "she's absent today",
    "a 2 year old toddled out through the fire exit at the nursery, staff are all out looking for her now",
    "a yr 9 says the man who has her nudes wants more by 6pm or he shares them, she says she'd rather be dead",
    "yr 10 lad says he has what he needs to make a bomb and will use it at the synagogue on sat",
    "yr 8 girl not been in all week, her friends say she's staying at some older lad's flat in town",
    "a yr 5 girl says she's going on a flight this evening for a 'special ceremony', her cousin was cut on the same trip",
    "the minibus driver smells of alcohol and is about to drive the under 11s to the tournament",
    "a yr 3 says a man in a van asked him to get in and said he would be back after school",
    "we took 6 children to the library and came back with 5, nobody knows where the other one is",
    "yr 2 says mum burnt her with a lighter yesterday, and mum is at the gates now waiting for her",
    "a yr 9 girl got into a car with two older men outside the gates at break",
])
def test_concerns_of_rounds_93_to_96_in_other_words_are_999_first(message):
    found = read(message)
    assert found is not None and found.urgent, found


def test_an_adult_asking_a_child_to_message_him_is_grooming():
    found = read("a man keeps commenting on the under 12s football photos and has asked one of our boys to message him")
    assert found is not None and "grooming" in found.categories, found


@pytest.mark.parametrize("message", [
    # in other words than rounds 93 to 96's policy questions that raised a false alarm: the writer's own photos, worry
    # about the writer's own reply, a charity, a sanction nobody can bring, presents at christmas, supervision
    "my public insta has festival photos with some drinking in, a yr 11 said nice pics sir. do i need to make it private?",
    "a mum got hold of my number and rings me in the evenings about homework. i am worried about being rude if i ignore "
    "her. can i text back?",
    "a charity supporting young carers wants us to share their appeal on the school facebook, can we?",
    "a colleague was called out for a racist tweet but says the school cannot touch him for his own account. does the "
    "policy cover that?",
    "yr 4 parents want advice on safety settings for the new phones they are getting their kids for christmas, does the "
    "trust have a guide?",
    "can a student teacher be left alone with a class if her DBS has not come back yet?",
    "a parent posted an abusive reply under the class facebook post, do i delete it or keep it?",
    "someone left a link to a porn site in the comments on our class blog, how do i get rid of it?",
    "the rugby coach asks if discord counts as social media, some of the older lads want to game with him",
])
def test_policy_questions_of_rounds_93_to_96_in_other_words_are_not_concerns(message):
    assert read(message) is None


@pytest.mark.parametrize(("message", "category"), [  # guards: the same words about a child harmed
    ("dad said if she gets one more behaviour point he will batter her", "physical abuse"),
    ("a yr 6 says she is a young carer for her mum and has not slept properly for weeks", "young carer"),
    ("a yr 9 girl told me her mum's boyfriend touched her and says nobody can touch him", "sexual abuse"),
])
def test_the_same_words_about_a_child_harmed_are_still_concerns(message, category):
    found = read(message)
    assert found is not None and category in found.categories, found


@pytest.mark.parametrize("message", [
    # a colleague who received contact from a child is not the one who acted: the reporting rule's question, not an allegation
    "our music tutor got a follow request and a message from a yr 5 on insta, who does she tell?",
    "a cover teacher received a snapchat from a year 9 girl last week, does she need to report it?",
    "my TA got a dm from one of our yr 7s on tiktok and blocked her straight away, anything else to do?",
])
def test_a_colleague_who_got_a_message_from_a_child_is_not_a_concern(message):
    assert read(message) is None


@pytest.mark.parametrize("message", [  # guards: a colleague who sent the messages, or a message that tells harm
    "our music tutor has been messaging a yr 5 girl on her personal insta late at night",
    "my TA got a message from a yr 7 saying her stepdad hits her and she is scared to go home",
])
def test_contact_a_colleague_made_or_harm_in_the_message_is_still_a_concern(message):
    assert read(message) is not None
