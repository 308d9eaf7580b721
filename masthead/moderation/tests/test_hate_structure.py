"""Hate and harassment read by structure, with no swear word: a protected group branded as criminals or a danger
(also through "they" after the group is named), shut out of public life, ranked below others by nature; slurs for
trans people, disabled people, ethnic and religious groups; sexual harassment of a journalist or commenter. Beside
them the benign kin that share their words: court reporting, groups that are not protected (gangs, politicians),
quoted and rebutted claims, policy debate, kind generalisations, bedrooms and knees in ordinary news.

A development set written from general knowledge for this purpose (not from HateCheck or any evaluation set),
measured through the whole pipeline as a guest with earlier published comments (no first-comment review)."""

from __future__ import annotations

import pytest

from masthead.moderation import menace
from masthead.moderation.models import Action
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import known_guest, marking_failures

pytestmark = pytest.mark.django_db
UNHELD: frozenset[str] = frozenset()
# Held by the classifier (and "are all criminals" by a fixed pattern of lexicon.py), not by the checks tested here.
HELD_ELSEWHERE = frozenset([
    "Not all migrants are criminals, obviously.",
    "Some migrants are criminals, like some of every group.",
    "These scammers are all criminals, report them.",
    "Muslims are less likely to own their homes, the survey found.",
    "Women are less evolved? What a load of nonsense.",
    # the classifier (2.7-news) scores it just over the hold threshold; the checks pass it over
    "Muslims should not be allowed to be scapegoated for this.",
    "I felt like the biggest idiot in the world.",
    # the classifier (2.8-news and 2.9-news, which learnt the comments written for Masthead) scores these over the
    # threshold
    "Politicians are all thieves, every party the same.",
    # scored 0.82 to 0.84 by 2.11-news, over the threshold of the 3% default (0.807)
    "I'd give her a lift home if she asked.",
    "The Old Spot is a fat, docile pig breed.",
    # scored 0.75-0.79 by 2.12-news, over the 3% default's threshold on its wider calibration set (0.744)
    "Women shouldn't be allowed to be paid less.",
    # scored 0.75-0.87 by 2.13-news, which learnt the fourth round of comments written for Masthead (menace by
    # knowledge, exclusion of groups, "do us all a favour"), over the 3% default's threshold (0.746)
    "Women should be allowed to vote at sixteen, like men.",
    "I'd show her the report if she asked.",
    "Refugees shouldn't be allowed to sleep rough.",
    "Illegal migrants shouldn't be allowed in the country.",
    "Refugees shouldn't be allowed to starve at the border.",
])

ABUSIVE = [
    # A protected group branded as criminals or a danger, directly or through a pronoun.
    "Gays shouldn't be allowed near schools. They're all predators.",
    "Migrants are criminals, all of them.",
    "Muslims are all terrorists, every last one.",
    "these people are all rapists and the police know it",
    "Every one of them is a terrorist. Muslims can't be trusted with our security.",
    "Refugees are basically invaders and should be treated as such.",
    "Trans women are predators, simple as that.",
    "Lesbians are groomers, keep them out of the classroom.",
    "Asylum seekers are nothing but thieves and scroungers.",
    "Jews are parasites on every country they live in.",
    "Gypsies are thieves by nature, lock up your bikes.",
    "Gay men are a danger to children.",
    "Immigrants? They are all criminals. Every single one.",
    "Somalis are all jihadists, just look at the numbers.",
    "You people are all paedophiles.",
    "Each and every one of them is a potential groomer, and I mean the Pakistanis.",
    # Shut out of public life.
    "Muslims shouldn't be allowed in parliament.",
    "Women should not be allowed to vote, they vote with their hearts.",
    "Gays should never be allowed to teach.",
    "Trans people should be banned from schools.",
    "Black people shouldn't be allowed to hold office in this country.",
    "Jews should not be permitted in government.",
    "Immigrants must never be allowed to vote here.",
    # Polite-sounding supremacism.
    "Some cultures are simply less civilised than others.",
    "Some races are just more intelligent, it's not racist to say it.",
    "Their culture is inferior and everyone knows it.",
    "People from those countries will never be capable of living by our values.",
    "Muslims can never accept our way of life.",
    "Africans will never be able to adapt to western civilisation.",
    "They can't integrate, it's in their nature. Somalis prove it every day.",
    "Migrants cannot integrate because it is in their blood.",
    "Crime is in their blood, these gypsies.",
    "Their religion is incompatible with democracy.",
    "Islam is fundamentally incompatible with western values.",
    # Slurs not in the list before.
    "Another tranny in the news, give it a rest.",
    "The trannies are taking over the BBC.",
    "What a bunch of spazzes run this council.",
    "Typical paki corner shop prices.",
    "Wogs start at Calais, as my grandad said and he was right.",
    "Go back to the mosque, raghead.",
    "Muzzies everywhere in this town now.",
    "The pikeys have moved onto the playing field again.",
    "Look at the poofter presenting the weather.",
    # Sexual harassment of a journalist or commenter.
    "The blonde reporter can do her next interview in my bedroom.",
    "She'd look better on her knees.",
    "Nice article, sweetheart. Now send nudes.",
    "I'd show her a real story.",
    "That presenter can come and sit on my lap any time.",
    "The weather girl could read the forecast from my bed.",
    "You'd look better on your back, love.",
    "Sit on my face, darling, then we'll talk about your column.",
    "Wouldn't kick that newsreader out of bed.",
    "Get your tits out for the lads, Laura.",
    "She belongs on her knees, not in a newsroom.",
    "I'd give her one, the redhead from the politics desk.",
    # Second widening: ranked lower, conspiracy of control, replacement, a plague or burden, shut out of anything,
    # slogans of removal, sexual victim-blaming and innuendo.
    "Pakistanis are basically less civilised, sorry but it's true.",
    'Jews have inferior morals and superior bank balances.',
    'Black people are naturally dumber, the studies prove it.',
    'Arabs are far more primitive than Europeans.',
    'Zionists control the government and the press.',
    'Muslims already run half the councils in the north.',
    'Ask yourself who really controls the media.',
    'Migrants are deliberately replacing native Brits.',
    'Roma are a blight on every street they camp in.',
    'Muslims are nothing but a drain on the NHS.',
    "Asylum seekers are a burden we can't afford.",
    "Gay people shouldn't be allowed to raise children.",
    'Jews should not be permitted to own land here.',
    'Muslims should be barred from entering the country.',
    'Black people should never be allowed to marry white people.',
    'Muslims out of Britain now!',
    'Migrants go home.',
    'Foreigners not welcome in our village.',
    'No more Muslims here.',
    'Somalis out or dead.',
    'Her dress was basically begging for it.',
    'The girl was clearly gagging for it, look at the photos.',
    'She deserved what she got, wearing a skirt that short.',
    "I'd give that blonde a lift home if you catch my drift.",
    'Africans are simply less intelligent on average.',
    'Women are just less evolved.',
    'Jews own the banks and the media.',
    "We all know who really runs this country, and it isn't the voters.",
    'The great replacement is happening right in front of us.',
    'Gypsies are a menace to every village.',
    "The disabled shouldn't be allowed to have kids.",
    "Women shouldn't be allowed on juries.",
    'Refugees out or dead, your choice.',
    'That skirt was practically begging for it.',
    "I'd keep her back after work if you know what I mean.",
    'the (((globalists))) run the banks',
    # Third widening (h-hate3): born to crime, lacking the mind, barred by a call, vice in the blood, vegetables,
    # beasts and swarms; superlatives, animals of greed, "piss off back to", a sneer and a name, "spastics".
    # A people born to crime.
    "Somalis are born thieves, the lot of them.",
    "Nigerians are born scammers, every single one of them.",
    "Romanians are natural-born pickpockets.",
    "Gypsies are all born liars and cheats.",
    # A people said to lack the mind or character for anything.
    "Women simply lack the brains for engineering.",
    "Women lack the temperament for surgery.",
    "Africans don't have the intellect to run a country.",
    "Women are too emotional to lead.",
    "Black people just don't have the IQ for medicine.",
    # Barred by a call.
    "Women should be barred from operating theatres.",
    "Ban Muslims from public office.",
    "We should keep gays out of our schools.",
    "Bar trans people from teaching, simple.",
    # Vice in a people's blood or culture.
    "Gypsies have thieving in their blood, that's what they fundamentally are.",
    "Black communities have violence rooted in their culture.",
    "Crime is baked into their DNA, these Albanians.",
    "Muslims? Terrorism is hardwired into their religion.",
    "Pakistanis are savages, that's just what they really are.",
    # Dehumanising nouns and acts.
    "Those disabled kids are just vegetables, why bother.",
    "Those aren't refugees, they're feral animals and you cage animals.",
    "Migrants? You don't rehouse animals, you cage them.",
    "Migrants are a swarm of locusts.",
    "Muslims are an infestation.",
    "Autistic people are a waste of resources.",
    # Superlatives.
    "Genuinely the stupidest prick alive.",
    "The thickest twat on here, by a mile.",
    "Biggest bellend in the country.",
    "You are honestly the dumbest prick on this site.",
    "He's the biggest knobhead in parliament.",
    "Easily the most pathetic tosser I've ever seen.",
    # Animals of greed.
    "This landlord is a fat greedy pig.",
    "Councillor Hart is a slimy little rat.",
    "The minister is a bloated, corrupt swine.",
    # Go away, with a sneer.
    "Piss off back to your echo chamber, you whining little snowflake.",
    "Sod off, you troll.",
    "Bugger off back under your bridge.",
    "You entitled karen.",
    "Cry more, you pathetic little snowflake.",
    "You're just a typical bitter remoaner.",
    # "spastics" at people.
    "Get these spastics off the pitch.",
    "You absolute spaz.",
    "Bunch of spastics running the club.",
    # A fresh batch, written after the checks (three were missed at first and the checks widened for them).
    "Pakistanis are born groomers and the police know it.",
    "Honestly women just don't have the stomach for front-line combat roles or command.",
    "Someone should bar Jews from owning newspapers.",
    "Lying and cheating are woven into their culture, it's why Roma can't be trusted.",
    "These people are a horde of rats, Somalis the lot of them.",
    "Quite possibly the dumbest git on the whole internet.",
    "The chairman is a greedy, grasping little leech.",
    "Jog on back to your safe space, you snivelling crybaby.",
    "Look at those spazzes in the away end.",
    "You're a sad bitter little gammon.",
]

BENIGN = [
    # Groups that are not protected, and specific people.
    "The gang members are all criminals, the judge said.",
    "Some of the men convicted were predators who targeted girls in care.",
    "The five defendants are all rapists in the eyes of the law now.",
    "Politicians are all thieves, every party the same.",
    "The bankers are criminals and should be in jail.",
    "The men who ran the ring were predators, and the council looked away.",
    "These scammers are all criminals, report them.",
    "Every one of them is a volunteer, and every one of them deserves thanks.",
    # Quoted, rebutted and denied claims.
    "The leaflet claimed migrants are all criminals, which is false.",
    "It's a myth that gay men are predators.",
    "Not all migrants are criminals, obviously.",
    "Migrants are not criminals for seeking asylum.",
    "Some migrants are criminals, like some of every group.",
    "He said Muslims are terrorists and was rightly sacked.",
    "Gay teachers should be allowed to teach like anyone.",
    "Women should be allowed to vote at sixteen, like men.",
    "Refugees should be allowed to work while their claims are processed.",
    "Muslims should be allowed in parliament on the same terms as anyone.",
    "Convicted criminals should not be allowed to vote, says the minister.",
    "Trans people should not be banned from anything, in my view.",
    # Policy, culture and kind generalisations.
    "Some policies are less effective than others.",
    "Some countries are less developed than others, which is why aid matters.",
    "Some teams are simply more organised than others.",
    "It's not in their nature to complain, nurses just get on with it.",
    "Hard work is in their blood, this family has farmed here for generations.",
    "Attacking football is in their DNA.",
    "Integration policy needs more money for language classes.",
    "Many newcomers struggle to integrate when housing is scarce.",
    "The regime will never accept western values, the ambassador warned.",
    "The junta is incompatible with democracy.",
    "The new law is incompatible with human rights, the court ruled.",
    "Our culture is richer for the people who came here.",
    # Words near the slurs.
    "Tranmere were unlucky at Prenton Park.",
    "The tyranny of the majority is a real danger.",
    "There's a chink in the armour of the government's case.",
    "The Open returns to Royal Troon next summer.",
    "Boats still cross from Lesbos to the mainland.",
    "Pikes and perch were found dead in the canal.",
    "Dogs must wear muzzles on the beach.",
    # Bedrooms, knees, laps and sending things in ordinary news.
    "She was attacked in her bedroom while her children slept.",
    "We recorded the interview in my kitchen for the podcast.",
    "My knees are shot after the marathon.",
    "The cat sleeps on my lap every evening while I read the paper.",
    "My daughter can sleep in my bed when she has nightmares.",
    "She fell to her knees when the verdict was read.",
    "Send us your photos of the flooding.",
    "The reporter was on her back for weeks after the crash.",
    "I'd show her the report if she asked.",
    "I'd give her a medal for that interview.",
    "Get your tickets early for the festival.",
    "The presenter should sit on the board, she knows the sector.",
    # Second widening: findings about discrimination, history, pests and roadworks, rights granted, ills
    # kept from a group, migration policy, children, parties, sport, the myth reported or rebutted.
    'The data show lower incomes among migrants because of discrimination.',
    'Women are less likely to be hired for senior roles.',
    'Older cars are less efficient.',
    "Jewish bankers in 19th century Frankfurt financed half of Europe's wars.",
    'The report found that men own most of the media companies.',
    'Who really runs this country? The civil service.',
    'Potholes are a menace.',
    'Roadworks are a plague this summer.',
    "Children shouldn't be allowed to vote.",
    "Drivers shouldn't be allowed to park on pavements.",
    "Refugees shouldn't be allowed to drown in the Channel.",
    "Women shouldn't be allowed to be paid less.",
    'Refugees welcome.',
    'Tories out!',
    'No parking in our town.',
    "The court heard the defence claim she was 'asking for it', a myth the judge rejected.",
    'Women are taking over the boardroom, and about time.',
    "Asylum seekers shouldn't be allowed to work for years, which is cruel.",
    "Girls shouldn't be allowed on social media before sixteen.",
    "Trans women shouldn't be allowed in women's sport, says the governing body.",
    "Refugees shouldn't be allowed to sleep rough.",
    "Refugees shouldn't be allowed to wait years for a decision.",
    'Refugees are not a burden, they are an asset.',
    'Women are more intelligent than men, my wife says.',
    'Migrants are less likely to commit crime than natives.',
    'He was asking for it with that tackle.',
    'The great replacement is a racist conspiracy theory.',
    "Disabled people shouldn't be allowed to fall through the cracks.",
    'Muslims should not be allowed to be scapegoated for this.',
    "I'd take the bus if you know what I mean.",
    "Migrants shouldn't be allowed to claim benefits for five years.",
    "Asylum seekers shouldn't be allowed to work.",
    "Illegal migrants shouldn't be allowed in the country.",
    'Women have inferior pensions because of career breaks.',
    'Migrants have lower incomes than natives, the census shows.',
    'Black graduates are less likely to be offered interviews.',
    'Muslims are less likely to own their homes, the survey found.',
    'Diesel engines are more primitive than people think.',
    'The Rothschild family financed railways across Europe in the 1800s.',
    'Men own most of the newspapers, according to the media audit.',
    'Who controls the media matters for democracy.',
    'Foreign investors own most of our water companies.',
    'Migrants are taking over jobs nobody else wants, farmers say.',
    'Women are taking over the top jobs in medicine.',
    'Seagulls are a menace on the seafront.',
    'Knotweed is a blight on the estate.',
    'The stadium debt is a burden on the club.',
    'Child benefit cuts are a drain on families.',
    'Gay couples should be allowed to adopt.',
    'Disabled people should be allowed to vote by post.',
    "Pupils shouldn't be allowed to use phones in class.",
    "Refugees shouldn't be allowed to starve at the border.",
    "Women shouldn't be allowed to go unpaid for overtime.",
    'Muslims should not be barred from public life, the report says.',
    "Refugees shouldn't be allowed to live in tents all winter.",
    'Tories out now!',
    'Brexit means Brexit.',
    'No dogs allowed on the beach.',
    'Refugees welcome here.',
    'No migrants drowned this week, thank goodness.',
    'Migrants out of hotels by spring, the minister promised.',
    'Women out in force for the march.',
    'The myth that she was asking for it has no place in a courtroom.',
    'He was begging for it after that foul, the ref had no choice.',
    "I'd give her a lift home if she asked.",
    'The team were gagging for it in the second half.',
    'Women are less evolved? What a load of nonsense.',
    'Asylum seekers are a burden, say critics, but the figures say otherwise.',
    # Third widening (h-hate3).
    "Lifeguards are born swimmers.",
    "Women are born leaders, my gran always said.",
    "Women lack access to capital, the report found.",
    "Migrants lack the capacity to pay the fees.",
    "Refugees lack the documents to work legally.",
    "The club was barred from the league.",
    "The Taliban ban women from universities.",
    "Women are too often overlooked for promotion.",
    "Violence is rooted in poverty, not culture.",
    "The club's culture is rooted in its history.",
    "Eat your vegetables.",
    "The disabled kids are growing vegetables in the school garden.",
    "The zoo cages its animals at night.",
    "You don't feed wild animals, you leave them be.",
    "The biggest pig farm in the county closed.",
    "I felt like the biggest idiot in the world.",
    "The biggest loser of the night was the Lib Dems.",
    "It was the biggest mistake in the history of the club.",
    "He has the worst luck in the world.",
    "Don't piss off the neighbours with loud music.",
    "I'm pissed off with the trains.",
    "Snowflake obsidian makes a nice pendant.",
    "Thank you Karen, lovely piece.",
    "She was diagnosed with spastic diplegia.",
    "Spastic cerebral palsy affects muscle tone.",
    "The Spastics Society was renamed Scope in 1994.",
    "A swarm of bees closed the high street.",
    "Hordes of tourists packed the beach.",
    "The Old Spot is a fat, docile pig breed.",
    "Leaders are born, not made, said the coach.",
    "The study found women lack the funding to scale their businesses.",
    "The council should bar cars from the high street.",
    "Knife crime is rooted in the culture of gangs, police say.",
    "Hordes of fans queued outside the stadium.",
    "The worst storm in a decade hit the coast.",
    "The farmer said the sow is a fat, healthy pig.",
    "Clear off back to work, lads, break's over.",
    "My son has spastic quadriplegia and uses a wheelchair.",
    "Gammon steaks were on offer at the butcher's.",
]

guest = known_guest


@pytest.mark.parametrize("text", marking_failures(ABUSIVE, UNHELD, "not held yet"))
def test_abuse_is_held(text):
    decision = screen(text, guest())
    assert decision.action == Action.HOLD, (text, decision.normalised, decision.reasons)


@pytest.mark.parametrize("text", marking_failures(BENIGN, HELD_ELSEWHERE, "held by the classifier"))
def test_benign_kin_is_published(text):
    decision = screen(text, guest())
    assert decision.action == Action.PUBLISH, (text, decision.normalised, decision.reasons)


@pytest.mark.parametrize(("text", "label"), [
    ("Gays shouldn't be allowed near schools. They're all predators.", "hateful generalisation"),
    ("Muslims shouldn't be allowed in parliament.", "exclusion of a group"),
    ("Some cultures are simply less civilised than others.", "supremacism"),
    ("She'd look better on her knees.", "sexual harassment"),
    ("Africans are simply less intelligent on average.", "supremacism"),
    ("Jews own the banks and the media.", "supremacism"),
    ("Gypsies are a menace to every village.", "hateful generalisation"),
    ("Women shouldn't be allowed on juries.", "exclusion of a group"),
    ("Refugees out or dead, your choice.", "exclusion of a group"),
    ("That skirt was practically begging for it.", "sexual harassment"),
    ("Nigerians are born scammers, every single one of them.", "hateful generalisation"),
    ("Women lack the temperament for surgery.", "supremacism"),
    ("Ban Muslims from public office.", "exclusion of a group"),
    ("Black communities have violence rooted in their culture.", "supremacism"),
    ("Those disabled kids are just vegetables, why bother.", "dehumanising"),
    ("Migrants? You don't rehouse animals, you cage them.", "dehumanising"),
    ("Biggest bellend in the country.", "insult"),
    ("This landlord is a fat greedy pig.", "insult"),
    ("Get these spastics off the pitch.", "insult"),
])
def test_the_check_names_what_it_found(text, label):
    assert label in [found for _, found, _ in menace.matches(normalise(text).text)]


def test_the_development_set_is_large_enough():
    assert len(set(ABUSIVE)) == len(ABUSIVE) >= 50
    assert len(set(BENIGN)) == len(BENIGN) >= 50
    assert set(ABUSIVE) >= UNHELD
    assert set(BENIGN) >= HELD_ELSEWHERE


@pytest.mark.parametrize("text", sorted(HELD_ELSEWHERE))
def test_the_new_checks_do_not_fire_on_what_the_classifier_holds(text):
    assert not menace.matches(normalise(text).text)
