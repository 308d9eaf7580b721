"""The thirteenth round: older checks' slots widened where a development set showed a form their structure already
stood for.

Widened: a protected people named by its adjective before a job or a role ("gay doctors", "Muslim nurses") in the
exclusion and generalisation checks, as "gay teachers" was; a shooting praised when its victim is named by a role
("whoever shot that judge did the country a favour"), as a pronoun was, and an attack's doers (fans, a mob) praised
for "the right idea"; a harm regretted because "nobody got hurt"; women kept from running a ward or kept "at home";
a lorry driven "through the middle" of a crowd; a vice "part of the culture" of a people othered by "where he comes
from"; "mong" among the insult nouns aimed at the reader. Released: a sentence that is nothing but things sworn at
one by one ("Shit game, shit weather, shit pie."), read by ``frames`` for the profanity check and by ``aimed`` for
the classifier, when one of them is a known thing and none is a person or a group.

Each form comes from a development set of this session (Q1, Q3, Q5, Q7, D1 to D4, outside the repository); every
test text here is new, beside benign kin sharing its words. docs/moderation.md ("Thirteenth round") counts the
twelve sets that were never read."""

from __future__ import annotations

import pytest

from masthead.moderation.models import Action
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import (
    assert_found_and_held,
    assert_published_unless_the_classifier_holds,
    known_guest,
)

pytestmark = pytest.mark.django_db

HELD = {
    # a protected people named by its adjective before a job or a role
    "Gay nurses shouldn't be allowed on children's wards.": "exclusion of a group",
    "Muslim doctors should be banned from our hospitals.": "exclusion of a group",
    "Trans coaches should never be allowed near our kids.": "exclusion of a group",
    # a shooting praised, its victim named by a role
    "Whoever shot the judge did the whole country a favour.": "call for violence",
    "The bloke who shot that councillor is a hero.": "call for violence",
    # an attack's doers praised for "the right idea", its target a person, a vehicle or a building
    "The lads who bricked the away team's bus had the right idea.": "call for violence",
    "Whoever attacked the referee in the car park had the right idea.": "call for violence",
    # a harm regretted because no one came to it
    "Shame nobody got hurt properly at that march.": "wish of harm",
    "Pity no one was killed, it might have taught them something.": "wish of harm",
    # women kept from running anything, or kept at home
    "Women shouldn't be running hospital wards, they get too emotional.": "exclusion of a group",
    "Her sort belong at home, not in the dugout.": "exclusion of a group",
    # a vehicle driven through the middle of a crowd
    "Kettle the marchers, then drive a truck through the middle.": "intimidation",
    # a vice as "part of the culture" of a people othered
    "Look where he comes from. Diving is cheating, and cheating is part of the culture over there.": "supremacism",
}

BENIGN = [
    # the same people, the same verbs, no exclusion
    "Black players should not be allowed to be abused like this.",
    "Gay doctors should be allowed to work anywhere, like everyone.",
    "Muslim nurses are working through Ramadan on the Covid wards.",
    # a shot that harms no one, or no one named by a role
    "The man who shot the mayor's portrait is a legend.",
    "Whoever shot that wedding video did the couple a favour.",
    "Whoever shot the drone footage of the flood did us all a service.",
    # the right idea, the same verbs at no one
    "The man who attacked the problem head on had the right idea.",
    "Whoever torched the old shed had the right idea, it was an eyesore.",
    # no one hurt, and glad of it; the question quoted to condemn it
    "Thankfully nobody got hurt when the scaffolding came down.",
    "Shame nobody got the winner in the end, it deserved one.",
    # running and home, of no one kept out
    "Women shouldn't be running the risk of skipping their smear test.",
    "Her sort of dog belongs at home with a garden, not in a flat.",
    # a lorry through the middle of a town, and a culture of no people
    "They plan to drive a lorry through the middle of town for the carnival.",
    "Cheating is part of the culture at this bank, says the regulator.",
    # a verdict on the state of a thing
    "The state of this waiting list is a disgrace. Fourteen months for a hip.",
    # a name, not an insult
    "The Mong family have run the takeaway on Dock Street for years.",
    # things sworn at one by one
    "Shit food, shit service, shit parking. Never again.",
    "Shite pies, shite beer, shite result. Still love the club.",
    "Shit signing, shit formation and shit result.",
    "Fucking weather, fucking trains, fucking roadworks.",
]

# Held by the classifier alone at the 3% default (each scored by 2.17-news when this round was written).
CLASSIFIER_HOLDS = frozenset({
    "Shame nobody got the winner in the end, it deserved one.",  # 0.86
    "Her sort of dog belongs at home with a garden, not in a flat.",  # 0.88
})

# A person or a group among the things sworn at, or the insult aimed at the reader: all held.
AIMED_AT_PEOPLE = [
    "Shit ref, shit pitch, shit result.",
    "Shit weather, shit foreigners.",
    "Shit kit, shit stadium, shit owners.",
    "Shit game, shit weather, you shit.",
    "Shut up, you absolute mong.",
]


@pytest.mark.parametrize(("text", "label"), HELD.items())
def test_thirteenth_round_forms_are_found_and_held(text, label):
    assert_found_and_held(text, label)


@pytest.mark.parametrize("text", BENIGN)
def test_their_benign_kin_publish(text):
    assert_published_unless_the_classifier_holds(text, CLASSIFIER_HOLDS)


@pytest.mark.parametrize("text", AIMED_AT_PEOPLE)
def test_abuse_of_people_keeps_its_words(text):
    assert screen(text, known_guest()).action == Action.HOLD


def test_the_insult_noun_is_named_in_the_reason():
    decision = screen("Shut up, you absolute mong.", known_guest())
    assert any("insult aimed at the reader" in reason and "mong" in reason for reason in decision.reasons), (
        decision.reasons)
