"""Calls for violence, wishes of death, veiled menace, harassment calls, dehumanising comparisons and insults
without swear words are held; benign news comments built from the same words are published (``menace.py``).

A development set written from general knowledge for this purpose (not from HateCheck or any evaluation set):
abuse phrased with passive or idiomatic harm ("should be strung up", "needs a rope", "put a round through"), group
operations ("round them up", "line them up against a wall"), wishes of accident, menace with no verb of harm
("I know which school your kids go to"), calls to hound a named person, people compared to property or livestock,
and insults with no swear word; beside them the benign kin that share their words: history and court reporting,
sport and idiom, inanimate objects, accident news, animals, advice. Measured through the whole pipeline as a guest
with earlier published comments (no first-comment review)."""

from __future__ import annotations

import pytest

from masthead.moderation.models import Action
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import known_guest, marking_failures

pytestmark = pytest.mark.django_db
# Not held yet: menace with no harm word at all, and "whoever wrote this", which frames.py reads as a report.
UNHELD = frozenset([
    "Whoever wrote this should be found and dealt with permanently.",
    "A lamppost and some piano wire would sort the whole front bench out.",
    "Your house has a lot of windows. Glass breaks.",
    "I'd happily pull the lever on him myself.",
    "We've got your number now, sweetheart.",
])
# Held by the fixed patterns of lexicon.py (whose precision is worked on in frames.py), not by menace.py.
HELD_BY_THE_LEXICON = frozenset([
    "We'll murder them on Saturday, the defence is a shambles.",
    "Kill the bill before it reaches the Lords.",
])

ABUSIVE = [
    # Calls for violence against a named or titled person, passive and idiomatic.
    "Somebody ought to put a round through that senator's head.",
    "The minister should be strung up for this.",
    "Drag her out of parliament and string her up.",
    "That judge needs a rope.",
    "Shoot the looters. All of them.",
    "Start with the journalists.",
    "Someone needs to put a bullet in Hendricks before the vote.",
    "The mayor deserves to hang from a lamppost outside the town hall.",
    "Councillor Blake should be dragged through the streets and beaten.",
    "Put the governor against a wall and be done with it.",
    "That editor should be taken out back and shot like a dog.",
    "Somebody should run that reporter over with a truck.",
    "The whole cabinet should swing from the gallows.",
    "Hang the traitors from the bridge, every last one.",
    "Someone needs to teach that columnist a lesson she won't walk away from.",
    "Tar and feather the lot of them on the council.",
    "They should throw the professor off a roof.",
    "A rope and a tree for every senator who voted yes.",
    "String up the bankers from the lampposts.",
    "If I were you I'd burn the councillor's office with him inside.",
    "Why has nobody shot this man yet?",
    "Time someone took a baseball bat to that presenter.",
    "The president should be hung, drawn and quartered.",
    "Take the judge outside and let the crowd deal with him.",
    # Group violence with phrasal harm and operations.
    "Round them all up and set fire to the shelters.",
    "Load them onto a ship and scuttle it.",
    "Line the protesters up against a wall.",
    "Gas the lot of them.",
    "Send them back by force, and shoot anyone who resists.",
    "Bulldoze their camps with them still inside.",
    "Sink every boat that tries to land, people and all.",
    "Put the migrants on a raft and tow it out to sea.",
    "Machine-gun the next boatload at the beach.",
    "Lock the refugees in the hostel and burn it down.",
    "Drown the lot of them in the channel.",
    "Napalm the camps and be done with them.",
    "Herd them into the stadium and lock the gates for good.",
    "Every one of those activists should be rounded up and shot.",
    "Open fire on the marchers, that'll stop them.",
    "Run the protesters down with a truck next time.",
    # Wishes of death or accident.
    "Can't wait till that columnist gets run over.",
    "Hope he chokes.",
    "The world would be better with her in the ground.",
    "I hope your plane goes down.",
    "Wishing the senator a very short and painful illness.",
    "One day that man will be six feet under and we'll all celebrate.",
    "I pray that reporter gets hit by a bus on her way home.",
    "Here's hoping the minister's car goes off a cliff.",
    "Fingers crossed he has a heart attack live on air.",
    "I'd dance on her grave.",
    "May you rot in a ditch.",
    "Can't wait to read his obituary.",
    "Someone please push her under a train.",
    "I'd pay good money to watch him burn.",
    "I hope you and your family catch something fatal.",
    # Veiled menace and intimidation.
    "I know which school your kids go to.",
    "Nice car. Shame if someone keyed it... or worse.",
    "Better sleep with one eye open.",
    "You won't make it to the parking lot one of these nights.",
    "It'd be a pity if something happened to your family.",
    "I'll be waiting outside your office tomorrow, and you'll regret every word.",
    "Bring a helmet.",
    "We know what car you drive, Martin.",
    "Keep writing articles like this and see what happens to you.",
    "Your address is not hard to find, you know.",
    "You should be careful walking home after dark.",
    "Accidents happen to people who write things like this.",
    "Your little girl looks lovely in her school uniform. It would be a shame if anything happened to her.",
    "I've seen your house. Nice garden. Be a shame if it caught fire.",
    "Enjoy your last few weeks as a free woman.",
    "You'd better hope we never meet in person.",
    "I'm coming to your next book signing, and you won't like what I bring.",
    "See you soon. Very soon.",
    "You have no idea who you're dealing with. We'll be in touch.",
    "Careful, people have gone missing for less.",
    "I'll make sure you never work in this town again, or walk in it.",
    # Harassment and doxxing calls.
    "Her email is jane.ross@example.org. Flood her inbox until she quits.",
    "He works at the Riverside clinic. Call them every day until they fire him.",
    "Everyone report her account until it's gone, then find her home address.",
    "Make her life hell until she quits.",
    "Let's all hound him off the internet.",
    "I'm going to tell your employer what you wrote here.",
    "I'll be sending this to your wife, let's see how she likes it.",
    "Here's the columnist's phone number. You know what to do.",
    "Find out where this reporter lives and pay her a visit.",
    "Spam his DMs, email his boss, get him fired.",
    "Post his workplace everywhere so people know who he is.",
    # Dehumanisation and implicit hate.
    "Immigrants are property, not people.",
    "Keep them penned like cattle.",
    "Hitler was right about them.",
    "Send them all back where they came from.",
    "I'm not racist, but Somalis ruin every neighbourhood they move into.",
    "Go back to your own country.",
    "Refugees should be kept in pens like livestock.",
    "Muslims are a disease on this country.",
    "Migrants are just walking wallets for the traffickers and dead weight for us.",
    "Women are objects for breeding, nothing more.",
    "Treat them like the animals they are.",
    "Roma are a plague on every town they touch.",
    "Those people are not fit to live among humans.",
    "They should be tagged and tracked like livestock.",
    "Brand them so we know who they are.",
    "Gay people are a sickness that needs curing with electricity.",
    # Insults without swear words.
    "You spineless little worm.",
    "Your brain is the size of a walnut.",
    "Were you dropped on your head as a baby?",
    "Brainless.",
    "You are a gutless coward and a disgrace to your profession.",
    "What a pathetic excuse for a journalist.",
    "You have the IQ of a potato.",
    "Crawl back under your rock, you slimy toad.",
    "You gormless oaf, read the article before commenting.",
    "Nobody asked for your opinion, you waste of oxygen.",
    "You're too thick to understand basic maths.",
    "Did your mother drink when she was pregnant with you?",
    "You're a laughing stock and too dim to notice.",
    "Shut your mouth, you ignorant peasant.",
    "Your article reads like it was written by a drunk chimp, you talentless hack.",
    "Go crawl back into whatever sewer you came from.",
    (
        "I have read a great many of your columns over the years, and I have to say that each one confirms what I "
        "suspected from the first: you are a brain-dead parasite who should never have been let near a keyboard."
    ),
    (
        "Interesting take on the budget. I'd keep an eye on your driveway though, and maybe check under your car "
        "before you start it in the mornings. Just a friendly suggestion from someone who reads all your work."
    ),
    (
        "The council voted for the bypass again last night despite every objection from residents. If Councillor "
        "Hart had any decency he would resign. Since he won't, someone should string him up from the new bridge "
        "so the whole town can see what happens to people like him."
    ),
    # A second batch, written after the first version of menace.py held all of the above, to see how far it
    # reached (12 of these 40 held by the checks then; the wording of the checks was widened after).
    'That prosecutor ought to be taken out and shot.',
    "Somebody should slit the chancellor's throat.",
    "Put a bullet between that anchor's eyes and the country would cheer.",
    'Hang every last politician who signed this.',
    'Can we just shoot the protesters already?',
    'The author of this rubbish deserves a good beating.',
    'I want to see that traitor swinging from a rope.',
    'Kneecap the lot of them and see if they still march.',
    "Let's burn their mosque to the ground.",
    'We should round up every illegal and ship them off to an island prison.',
    'Drown them in the harbour like unwanted kittens.',
    'Pity the gunman missed her.',
    "Shame the bomb didn't get him.",
    'Hope the cancer takes you slowly.',
    "Let's hope her brakes fail on the motorway.",
    "I'll be glad when he's dead.",
    'Somebody push this idiot off the pier.',
    'We know where you park every morning, Daniel.',
    "Your daughter walks home alone on Tuesdays, doesn't she?",
    "Keep talking. We're keeping a list.",
    "Funny how brave you are online. Let's see how brave you are in person.",
    "You'll get what's coming to you, and sooner than you think.",
    "There's a special place waiting for you, and I'll help you get there.",
    'People like you tend to have accidents.',
    'Pass her address around, she needs to hear from all of us.',
    'Everyone email the editor and demand they sack her, then keep going after her.',
    "I've got screenshots and I'm sending them to your husband.",
    "Let's make sure this reporter can't show his face anywhere.",
    "They're not people, they're livestock.",
    'Muslims should be kept in cages.',
    'Immigrants are a cancer eating this country alive.',
    'Foreigners are just cattle to be herded out.',
    'Somalis are animals and should be treated as such.',
    'You absolute halfwit, learn to read.',
    'Your mother must be so ashamed of the dunce she raised.',
    'Nobody has ever been more wrong, you sad little man.',
    "You've got the brains of a plank.",
    'Go back to the jungle.',
    'Send them all home on the first boat and sink it halfway.',
    'You slimy rodent of a journalist.',
    # A third batch, written fresh after the second was held (7 of these 35 held by the checks then, 29 after
    # one more widening; the six left are below, held or not by the classifier).
    "Whoever wrote this should be found and dealt with permanently.",
    "That councillor wants lining up and shooting.",
    "A lamppost and some piano wire would sort the whole front bench out.",
    "Honestly the governor needs to be put six feet under.",
    "Let's pay the editor a visit with some baseball bats.",
    "Shoot them on sight if they cross the border.",
    "Every single one of those rioters should be hunted down like dogs.",
    "Just gun them down at the checkpoint.",
    "Burn the whole lot of them out of their homes.",
    "The only good migrant is a drowned one.",
    "Deport them in body bags.",
    "Can't wait to see this clown on a stretcher.",
    "I genuinely hope someone stabs him.",
    "If there's any justice she'll die alone and in pain.",
    "I'd happily pull the lever on him myself.",
    "Wouldn't cry if someone set his car on fire with him in it.",
    "We've got your number now, sweetheart.",
    "Remember, we know where the kids' school is.",
    "Would be awful if your dog went missing.",
    "Your house has a lot of windows. Glass breaks.",
    "You'll be looking over your shoulder for the rest of your life.",
    "Post another article like this and you won't be posting anything ever again.",
    "Dox her. Someone must have her address.",
    "Everyone ring the school where his wife teaches and tell them what he is.",
    "Find his parents and let them know what kind of son they raised.",
    "They are breeding animals, nothing more.",
    "Muslims are cattle and should be herded out.",
    "The Jews are a parasite class.",
    "Women are just incubators and should know their place.",
    "Roma should be kept in fenced camps away from decent people.",
    "You dim-witted buffoon.",
    "You are the human equivalent of a participation trophy.",
    "Is your head made of concrete?",
    "You've got a face only a mother could love and a brain to match.",
    "What a spineless, gutless excuse for a man.",
]

BENIGN = [
    # History and court reporting.
    "He was hanged in 1946 after the Nuremberg trials.",
    "The senator was shot in 1865 while watching a play.",
    "The minister was strung up by the mob in the revolution of 1789, historians say.",
    "The judge sentenced him to life for putting a round through the victim's head.",
    "Witnesses described how the gang dragged her out of the car and beat her.",
    "In the 1930s dissidents were rounded up and sent to camps.",
    "The refugees were loaded onto a ship that was scuttled off the coast in 1939.",
    "The prisoners were lined up against a wall and shot, the report says.",
    "The court heard that the defendant had posted the victim's address online.",
    "The journalist was jailed after accusing the minister of fraud.",
    "The lynching of 1920 is still remembered in the town.",
    "Colonial powers treated Africans as property; that history must be taught honestly.",
    "Enslaved people were sold as property at auctions in this very square.",
    "The camp guards kept prisoners penned like cattle, survivors testified.",
    "The accused admitted sending messages saying he knew where the MP's children went to school.",
    # Sport and idiom.
    "Drop dead gorgeous dress at the awards last night.",
    "We'll murder them on Saturday, the defence is a shambles.",
    "I could kill for a coffee right now.",
    "That joke killed at the festival.",
    "The striker was dragged off at half time after a shocker.",
    "United got run over in the second half.",
    "Our keeper needs to be shot of that habit of rushing out.",
    "The coach should be sacked after that performance.",
    "Line them up and knock them down, our bowlers were superb.",
    "The home side buried their chances and sank without trace.",
    "You'll need to bring a helmet if you cycle the mountain stage.",
    "The referee was crucified by the pundits for that call.",
    "The minister got roasted on live radio this morning.",
    "The senator took a beating in the polls this week.",
    "She absolutely slayed in that interview.",
    "Start with the basics: the budget is short by four million.",
    "Start with the journalists' questions, then the council's answers.",
    "The band blew the roof off the place last night.",
    "This crossword is killing me.",
    "My feet are killing me after the march.",
    # Inanimate objects.
    "Shoot the film in the old mill; the light is perfect.",
    "Kill the bill before it reaches the Lords.",
    "Burn the mortgage papers when the last payment clears, my dad always said.",
    "Gas the car up before the long drive.",
    "Sink the motion and start again.",
    "String up the bunting along the high street for the fair.",
    "Hang the new portrait in the council chamber.",
    "Shoot the looters' van tyres? No, police should simply seize the vans.",
    "They should scrap the whole scheme and start over.",
    "Scuttle the project, it's over budget already.",
    "Round up the figures and the deficit is about two percent.",
    "Line the drawers with paper before you move in.",
    "Burn the old fence panels on the allotment bonfire.",
    "The ship was scuttled to make an artificial reef for divers.",
    "Drown the aubergines in olive oil and roast for an hour.",
    # Accident news and public safety.
    "A cyclist was run over on Main Street this morning.",
    "The councillor's son was hit by a bus on his way to school last week; he is recovering.",
    "Two people drowned in the reservoir over the weekend.",
    "The driver choked on a sweet and crashed, the inquest heard.",
    "Lock your doors at night: burglaries are up.",
    "Be careful walking home after dark on the towpath; the lights are out.",
    "Keep your car keys away from the front door, thieves use hooks through the letterbox.",
    "Parents should know which school bus route their kids take.",
    "It would be a shame if the library closed after fifty years.",
    "It'd be a pity if the market lost its Saturday slot.",
    "Nice car, by the way: is that the electric model?",
    "Better bring an umbrella, rain all afternoon.",
    "I'll be waiting outside the town hall tomorrow with a petition.",
    "I know which school your kids go to has the best results, congratulations to the staff.",
    "See you at the meeting on Thursday.",
    "You won't make it to the station by eight with these roadworks.",
    "Accidents happen on that junction every week; it needs a roundabout.",
    # Animals.
    "Rats carry disease, so the council should fix the bins.",
    "Keep the sheep penned in until the vet arrives.",
    "The cattle are kept in pens over winter.",
    "The farmer had to put down two cows after the outbreak.",
    "Foxes killed three of our hens last night.",
    "Those pigeons are vermin, the square is covered.",
    "Send the stray dogs back to the shelter, they said.",
    "Livestock should be tagged and tracked for disease control.",
    # Politics, criticism and advice.
    "Send them back to committee: the amendments are a mess.",
    "The senator should resign over this.",
    "The minister ought to face a vote of no confidence.",
    "That judge needs a holiday, judging by the ruling.",
    "The mayor deserves credit for the new park.",
    "Make the council's life hell at the next election: vote them out.",
    "Report the pothole on the council website; they fix them within a week.",
    "Email your MP at the address on the parliament website and tell them what you think.",
    "I'm going to tell my employer about the cycle-to-work scheme.",
    "Her email is on the school website if you want to volunteer.",
    "Flood the consultation with responses before Friday.",
    "Go back to the original report; it says the opposite.",
    "Go back to your own country's election results and you'll see the same pattern.",
    "The columnist's argument is spineless and the data is thin.",
    "The plan has the backbone of a jellyfish.",
    "The policy is brainless, but the people behind it mean well.",
    "Hitler was right about nothing, and anyone who says otherwise should read a history book.",
    "I'm not racist, and neither are most of my neighbours, whatever the papers say.",
    "Were you at the match on Saturday?",
    "Your brain is the size of a walnut at twenty weeks, the midwife told us.",
    "Worms are good for the soil; leave them in the compost.",
    "Our new puppy has the attention span of a goldfish.",
    "The government is treating nurses like cattle with these rotas.",
    (
        "The report into the 1921 riot describes how residents were rounded up, held in the fairground and their "
        "homes burned. A century on, the council has finally apologised, and the memorial will be unveiled in May."
    ),
    (
        "I covered courts for twenty years. The man in the dock had told his ex-wife he knew where she worked and "
        "that she should sleep with one eye open. The judge called it a campaign of terror and gave him six years."
    ),
    (
        "Great piece. My grandfather was a coal miner who used to say the bosses treated the men like livestock, "
        "and he lived to see the pits close. I'd love to see more reporting like this on what happened to those "
        "towns afterwards."
    ),
    (
        "We'll be on the picket line outside the office tomorrow at seven. Bring a flask, bring a sign, and bring a "
        "helmet if you're cycling in: the roadworks on the ring road are a nightmare."
    ),
    # The second batch's benign kin.
    'The prosecutor was taken out of the case after the leak.',
    "The chancellor's throat infection means the budget speech is postponed.",
    'He was shot between the eyes, the pathologist told the inquest.',
    'Hang every picture at eye level, the gallery guide says.',
    'Can we just shoot the final scene on Tuesday?',
    'The author deserves a good review for this.',
    'I want to see that traitor storyline in season two resolved.',
    'The mosque was burned to the ground in 1992 and rebuilt by the community.',
    'Illegal parking should be rounded up with fines, not warnings.',
    'Pity the striker missed the penalty.',
    "Let's hope the brakes on the new trams are better than the old ones.",
    "I'll be glad when the roadworks are done.",
    "Our daughter walks home alone on Tuesdays now that she's twelve.",
    "Keep talking to your neighbours; that's how the street party happened.",
    'Your address is needed to register to vote.',
    'People like you and me tend to forget how lucky we are.',
    'Pass her address to the organisers so she gets an invitation.',
    'Email the editor and demand a correction.',
    'Cattle farmers are struggling with the new regulations.',
    'Muslims should be able to pray at work without being judged.',
    'Immigrants are a huge part of the NHS workforce.',
    'You absolute legend, thanks for the article.',
    'Go back to the start of the thread for the source.',
    'Send the boats home for winter and sink the budget into repairs.',
    'Police shot the man after he attacked officers with a knife, the IOPC said.',
    'Somebody should shoot a documentary about this town.',
    'The rats in the subway are huge this year.',
    'He killed it at the open mic night.',
    "I'd kill for a house with a garden.",
    'The bill should be killed in committee.',
    'The minister should be sacked, not promoted.',
    'That judge needs a pay rise, frankly.',
    'The player was booed off and deserves a rest.',
    'My grandmother was run over by a tram in 1952 and lived to 96.',
    'Fire the manager and start again.',
    'The hanging baskets on the high street look lovely.',
    'Drown out the noise and read the report yourself.',
    'Execute the plan before the deadline.',
    "Shoot me an email and I'll send you the figures.",
    "Burn the candle at both ends and you'll regret it.",
    # The third batch's benign kin.
    "Whoever wrote this should be found and given a pay rise.",
    "That councillor wants lining up for the next cabinet job.",
    "The governor needs to put the budget to bed.",
    "Let's pay the editor a visit at the open day.",
    "Every single one of those rioters should be prosecuted.",
    "The photographer shot them on the beach at sunset.",
    "Burn the whole lot of old receipts once the audit is done.",
    "Can't wait to see this band on stage.",
    "I genuinely hope someone helps him.",
    "If there's any justice she'll win the award.",
    "Your house has a lot of windows, so double glazing will save you money.",
    "Dogs went missing across the county during the fireworks.",
    "Ring the school if your child will be absent.",
    "Farmers are breeding cattle for drought resistance.",
    "Is your head of department aware of the change?",
    "A brain to match his talent, what a player.",
    "You'll be looking at higher bills this winter.",
    "Hunted down like dogs: the story of the 1930s refugees who fled the regime.",
]


guest = known_guest


@pytest.mark.parametrize("text", marking_failures(ABUSIVE, UNHELD, "not held yet"))
def test_abuse_is_held(text):
    decision = screen(text, guest())
    assert decision.action == Action.HOLD, (text, decision.normalised, decision.reasons)


@pytest.mark.parametrize("text", marking_failures(BENIGN, HELD_BY_THE_LEXICON,
                                                   "held by a pattern of lexicon.py, not by menace.py"))
def test_benign_kin_is_published(text):
    decision = screen(text, guest())
    assert decision.action == Action.PUBLISH, (text, decision.normalised, decision.reasons)


def test_the_development_set_is_large_enough():
    assert len(set(ABUSIVE)) == len(ABUSIVE) >= 100
    assert len(set(BENIGN)) == len(BENIGN) >= 100
    assert set(BENIGN) >= HELD_BY_THE_LEXICON
    assert set(ABUSIVE) >= UNHELD


def test_a_check_whose_beginnings_cannot_be_read_scans_the_whole_text(monkeypatch):
    from masthead.moderation import menace

    assert menace._starts(r"\bround up (?:them|those)") == ("round ",)
    monkeypatch.setattr(menace, "_parser", None)  # a Python without its private parser
    assert menace._starts(r"\bround up (?:them|those)") is None
