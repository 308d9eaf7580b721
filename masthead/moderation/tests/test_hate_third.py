"""Third widening of hate and insult by structure (``h-hate3``): a people "born" to crime, said to lack the mind
for anything, barred by a call, with vice "in their blood"; disabled people as vegetables, a people as beasts to
be caged or a swarm; superlatives with insult and profane nouns, animals of greed after "is a", "piss off back
to ...", a sneer and a name at a commenter, "spastics" at people. Beside them the benign kin that share their
words: unprotected groups, reporting, medicine, farming, food, idioms.

Written from general knowledge (not from any evaluation set), measured through the whole pipeline as a guest
with earlier published comments."""

from __future__ import annotations

import pytest

from masthead.moderation import menace
from masthead.moderation.models import Action
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import known_guest, marking_failures

pytestmark = pytest.mark.django_db
UNHELD: frozenset[str] = frozenset()
# Held by the classifier, not by the checks tested here.
HELD_ELSEWHERE = frozenset([
    "I felt like the biggest idiot in the world.",
    "The Old Spot is a fat, docile pig breed.",
])

ABUSIVE = [
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


@pytest.mark.parametrize("text", sorted(HELD_ELSEWHERE))
def test_the_new_checks_do_not_fire_on_what_the_classifier_holds(text):
    assert not menace.matches(normalise(text).text)
