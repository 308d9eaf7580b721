"""A second development set for ``menace.py`` and ``frames.py``, written from general knowledge (not from any
evaluation set) for six kinds of abuse a blind test found published: harm vocabulary the checks lacked, wishes that a
disaster had taken people, veiled menace with no word of harm, doxxing with a call to go there, hate run together
into one word, and dehumanising with a call. Beside each kind, benign kin with the same words: counter-speech, a
report of a threat received, disaster news, real addresses, road safety. Measured through the whole pipeline as a
guest with earlier published comments."""

from __future__ import annotations

import pytest

from masthead.moderation.models import Action
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import known_guest, marking_failures

pytestmark = pytest.mark.django_db
# "them" with no group named before it is read as a group only when one is: "the potholes ... what has to be done
# about them" is no call.
UNHELD = frozenset([
    "Everyone knows what has to be done about them.",
])
# Held by the classifier, not by a check: scored 0.75-0.83 by 2.13-news, which learnt the fourth round of comments
# written for Masthead ("be a shame if"), over the 3% default's threshold (0.746). A threat quoted in a report is
# read without its quotation since session 22 (quoted.py) and published.
STILL_HELD = frozenset([
    "Would be a shame if anything happened to the old pier, it needs repairs.",
    "You'll find out how long that walk to the car park is when the shuttle is cancelled.",
    "Be a shame if the brakes failed on the old bus, get it checked.",
    # scored 0.74 by 2.17-news, which learnt the tenth to twelfth rounds of comments written for Masthead (the
    # whole mix under 22 more kinds of story), over the 3% default's threshold (0.741)
    "The dog walkers go out at six every morning, it's dark at that time.",
])

ABUSIVE = [
    # 1. Harm vocabulary.
    "Someone needs to put that councillor in the ground.",
    "Every one of those traitors should be hunted down.",
    "What that presenter needs is a good slap.",
    "Cage them all and throw away the key.",
    "Those people should be wiped out, simple as that.",
    "Load the boats and sink them halfway across.",
    "The whole lot of them want stringing up from the nearest tree.",
    "Illegals will be dealt with accordingly once we're in charge.",
    "Everyone knows what has to be done about them.",
    "That judge deserves a good hiding and so does his wife.",
    "Pack them onto the boats and sink the lot.",
    "We know what needs doing with people like that.",
    "Migrants everywhere now. We all know what has to be done about them.",
    # 2. Wishes of a disaster taking people.
    "Shame the fire didn't take them all.",
    "Pity the earthquake missed them.",
    "Such a shame the flood didn't wash the whole camp away with them in it.",
    "Too bad the storm didn't take the lot of them.",
    "Pity the tsunami didn't reach their village.",
    "Shame the plague didn't finish them off.",
    # 3. Veiled menace with no harm word.
    "Accidents happen, Mr Hale. Remember that.",
    "Would be a shame if anything happened to that shop of yours.",
    "We have people in your building, just so you know.",
    "The next thing you get from us won't be a letter.",
    "You'll find out how long that walk to the car park is.",
    "She drives home alone down that road every Thursday. Just saying.",
    "Lovely family you have. It would be a pity if something happened to them.",
    "Your son plays in the park on Sundays, doesn't he? Nice park.",
    "Accidents happen to journalists who write stuff like this.",
    "Next time it won't be a warning.",
    # 4. Doxxing with a call to go there.
    "She lives at 42 Elm Road, Hackney. Someone pay her a visit.",
    "He works at the Tesco on Bridge Street, go and let him know what we think of him.",
    "Her kids go to St Mary's primary. Let's pay them a visit at pick-up time.",
    "His car is the blue Golf, reg AB12 CDE, parked outside 9 Mill Lane every night. You know what to do.",
    "The author's office is on the third floor of 10 Kings Road. Go pay her a visit.",
    "That reporter lives at 7 Church Close. Let her know what we think.",
    # 5. Run-together sentences.
    "gaysshouldallbewipedout",
    "muslimsshouldbehunteddown",
    "immigrantsshouldbeshot",
    "killallthejews",
    "womenshouldbebeaten",
    # 6. Dehumanising with a call.
    "Those people are animals, cage the lot of them.",
    "They're savages. Round them up.",
    "Refugees are vermin and should be treated like it.",
    "These migrants are rats, exterminate them.",
    "Those thugs are animals, lock them in cages like the beasts they are.",
    # The second batch, written after the first widening (held by it 4 times of 15), the checks widened again.
    'That MP wants putting six feet under, and soon.',
    'Round up every last one of those protesters and hose them down with something stronger than water.',
    'Those scroungers should all be wiped off the map.',
    'A proper slap is what that smug presenter deserves.',
    "Shame the bridge collapse didn't take the whole council with it.",
    "Pity the hurricane didn't flatten their camp with them in it.",
    'Nice car you drive, Councillor. Be a shame if the brakes failed.',
    "We know you take the dog out at six every morning. Dark at that time, isn't it?",
    'Funny how people who write articles like this end up having accidents.',
    'The columnist lives at 23 Park Avenue. Go round and tell her what you think.',
    'His wife works at the bakery on the corner of Mill Street. Pop in and say hello from all of us.',
    'transpeopleshouldbeputdown',
    'refugeesshouldbedrowned',
    "They're cockroaches. Stamp them out.",
    'Travellers are filth, burn the camp.',
    # The third batch, written after the second widening (held by it 5 times of 15, by main 4), widened again.
    'Somebody should take that editor out of circulation, permanently.',
    'Every one of those so-called activists needs a bullet, starting with the loud one.',
    'Tie the lot of them to the railway line and wait for the 8:15.',
    'Gutted the tornado missed the mosque on Friday.',
    "Sad the wildfire didn't get to that migrant hotel.",
    "Your daughter's school lets out at 3:15. We'll be watching.",
    "I'd be careful crossing roads if I were you, drivers round here are terrible.",
    'Keep writing this rubbish and see how long you keep that pretty face.',
    "His home address is 18 Orchard Way. Let's make sure he never forgets tonight.",
    'She parks her red Fiat outside the station every morning. Someone should leave her a little present.',
    'jewsshouldbegassed',
    'muslimsmustbekilled',
    'These people are a disease. Time to find the cure.',
    'Gypsies are rats, smoke them out.',
    'Women who write like this need a good beating.',
]

BENIGN = [
    # 1. The same words, no person harmed.
    "He was put in the ground at St Peter's churchyard last week, a lovely service.",
    "The escaped prisoners were hunted down within a day, police said.",
    "Give the rug a good slap to get the dust out.",
    "Cage the birds before the storm arrives.",
    "The floods wiped out the harvest this year.",
    "Load the boats and sail them round to the harbour.",
    "Complaints will be dealt with accordingly by the standards board.",
    "What has to be done about the potholes is obvious.",
    "The potholes are everywhere and we all know what has to be done about them.",
    "Fairy lights strung up along the promenade look lovely.",
    # 2. Disaster news.
    "The flood took three homes on the river road.",
    "The fire took the whole roof but the family got out.",
    "The earthquake missed the town by a few miles, thankfully.",
    "Shame the fire took the old theatre, it was a landmark.",
    "Pity the storm missed the reservoir, we needed the rain.",
    # 3. Accidents and letters.
    "Accidents happen on that road, the council must fix the lights.",
    "Would be a shame if anything happened to the old pier, it needs repairs.",
    "The next thing you get from the council will be a letter about the bins.",
    "You'll find out how long that walk to the car park is when the shuttle is cancelled.",
    "She drives home down that road every Thursday after choir.",
    "We have people in your building who can help with the move.",
    # 4. Addresses in a benign context.
    "The new library at 14 High Street opens Monday, pay it a visit.",
    "The bakery on Bridge Street is lovely, pay them a visit.",
    "The school at St Mary's is holding an open day, go and let them know what you think.",
    "The council offices are at 10 Kings Road, let them know what you think of the plans.",
    # 5. Ordinary words run together.
    "#savethelibrary",
    "wipeouttheweekendtraffic",
    # Counter-speech and reports of threats received.
    "To those calling refugees vermin: have some decency.",
    "The councillor got a note saying 'we'll burn your house down' and police did nothing.",
    "She received a letter saying 'we know where you live' and moved out.",
    "He got a message saying 'you should be hanged' and reported it.",
    "To the people saying migrants should be sunk in the channel: shame on you.",
    "Calling people animals and saying they should be caged is disgusting.",
    "Anyone who says gays should be wiped out needs to look at themselves.",
    # 6. Animals.
    "Those foxes are animals, cage the hens at night.",
    "The zoo animals are kept in cages that are far too small.",
    # The second batch.
    'My grandmother was put six feet under in the village she was born in.',
    'The hurricane flattened the camp but everyone had been evacuated.',
    'Be a shame if the brakes failed on the old bus, get it checked.',
    "The dog walkers go out at six every morning, it's dark at that time.",
    'The bakery on the corner of Mill Street is great, pop in and say hello.',
    'Stamp out the cigarette before you go in.',
    'The old camp was burned down in 1944 by retreating troops.',
    'Round up the volunteers and hose down the bins after the fair.',
    # The third batch.
    'The tornado missed the town centre but flattened the farms to the east.',
    'The school lets out at 3:15, so expect traffic on Elm Road.',
    'Be careful crossing roads round here, drivers are terrible.',
    'The clinic is at 18 Orchard Way, make sure you book ahead.',
    "Smoke them out: the beekeeper's guide to calming a hive.",
    'The disease spread through the herd in weeks; scientists are racing to find the cure.',
    'The report says the activists were taken out of the building by police.',
    'Tie the boats to the railing before the storm.',
]


guest = known_guest


@pytest.mark.parametrize("text", marking_failures(ABUSIVE, UNHELD, "not held yet"))
def test_abuse_is_held(text):
    decision = screen(text, guest())
    assert decision.action == Action.HOLD, (text, decision.normalised, decision.reasons)


@pytest.mark.parametrize("text", marking_failures(BENIGN, STILL_HELD, "still held"))
def test_benign_kin_is_published(text):
    decision = screen(text, guest())
    assert decision.action == Action.PUBLISH, (text, decision.normalised, decision.reasons)


def test_the_sets_are_distinct():
    assert len(set(ABUSIVE)) == len(ABUSIVE)
    assert len(set(BENIGN)) == len(BENIGN)
    assert set(ABUSIVE) >= UNHELD
    assert set(BENIGN) >= STILL_HELD
