"""The ninth round of harm read by structure (``menace.py``'s last block): an attack or its doer praised ("did this
town a favour", "is a hero"), harm wished on a person's family as their victims', a mob called together with the
tools of arson, menace by what can be found out, a private person's details posted as "not hard to find", a group
kept from having a say, a death by accident shrugged at ("I wouldn't shed a tear"), a beating in prison wished,
blood promised by the writer, a people kept out of a town or said to breed, and "certain communities" said unsuited
to democracy; and, in ``frames.py``, a swear word at the article ("shit article").

Written from general knowledge with benign kin that share the words (a photographer praised, a rescuer called a
hero, a family wanting answers, petrol for a generator, a privacy warning, a shop that is easy to find, a building
no one will miss, a prisoner's welfare); not copied from any evaluation set. The forms were read off two sets
written for this session and then used for development (kept outside the repository); the blind sets scored in
docs/moderation.md for this round were written after and never read."""

from __future__ import annotations

import pytest

from masthead.moderation.tests.development_sets import (
    assert_found_and_held,
    assert_published_unless_the_classifier_holds,
    profanity_found,
)

pytestmark = pytest.mark.django_db

HELD = {
    # an attack or its doer praised
    "Whoever burned out the refugee hostel did the whole county a favour.": "call for violence",
    "The lads who attacked the march last week are heroes, every one of them.": "call for violence",
    "Whoever set fire to the councillor's office is a legend.": "call for violence",
    "The gunman was a true patriot and history will say so.": "call for violence",
    # harm wished on a family as the victims'
    "Hope the defence barrister's own daughter goes through what that girl went through.": "wish of harm",
    "I hope his kids feel the same terror one day.": "wish of harm",
    # a mob called with the tools of arson or a beating
    "Everyone outside the hotel at ten tonight. Bring petrol.": "call for violence",
    "Residents, meet at the site gates on Friday and bring baseball bats.": "call for violence",
    # menace by what can be found out
    "The reporter might want to remember how easy it is to find out where journalists live.": "intimidation",
    # details posted as "not hard to find"
    "The witness lives on Orchard Rise and drives a red van. Shouldn't be hard to find.": "harassment call",
    # a group kept from having a say or office
    "Muslims should never hold public office in this country.": "exclusion of a group",
    "Women shouldn't get a say on defence, simple as.": "exclusion of a group",
    # a death by accident shrugged at
    "If the minister's jet went down over the sea I wouldn't lose any sleep.": "wish of harm",
    "If he fell off that stage and died, nobody would shed a tear.": "wish of harm",
    # a beating in prison wished
    "Hopefully the inmates on the wing batter him properly.": "wish of harm",
    "Hope someone inside does him in before the appeal.": "wish of harm",
    # a people kept out, said to breed, or unsuited to democracy
    "Nobody says the travellers are bad people, it's just sensible to keep them out of our town.":
        "exclusion of a group",
    "Those incomers breed like rabbits and the schools can't cope.": "dehumanising",
    "Certain communities are simply not compatible with Western democracy.": "supremacism",
    "Some cultures are simply incapable of integrating.": "supremacism",
    # blood promised by the writer
    "Close that hospital and there will be blood, and we'll be the ones spilling it.": "intimidation",
}

BENIGN = [
    "Whoever shot that photo of the harbour is a legend.",
    "The man who ran into the burning house is a hero.",
    "The nurse who stayed with the stabbed boy is a hero.",
    "The guard at the synagogue who stopped the attacker is a hero.",
    "Someone should bring petrol prices up at the next parish meeting.",
    "I hope his family finds out what happened to him.",
    "I hope her family gets the answers they deserve.",
    "Bring petrol for the generator, the site has no power.",
    "Meet at the gates on Saturday and bring gloves and bin bags for the litter pick.",
    "It's scary how easy it is to find out where people live online, lock down your profiles.",
    "Remember how easy it is to find out where people live these days: keep your address off your profile.",
    "The lorries are a menace. Keep them out of our village, families deserve some quiet.",
    "The new bakery is on Orchard Rise, next to the pharmacy. Not hard to find.",
    "Women should have a say in economic policy, and at last they do.",
    "If the old mill goes down in the storm I wouldn't shed a tear, it's an eyesore.",
    "If he wins the seat I won't lose any sleep, he's decent enough.",
    "Hopefully the prison staff keep him safe until the trial.",
    "There will be blood tests for everyone on the ward, the hospital says.",
    "Keep the lorries out of the village, the families on Mill Lane have had enough.",
    "Rabbits breed faster than the foxes can keep up with.",
    "Certain communities are not suited to the new flood maps, the council admits.",
    "Some communities are not served by any bus at all.",
    "Certain communities are more capable of organising than the council gives them credit for.",
]

PROFANITY_AT_THE_ARTICLE = [
    "Shit article, honestly. Half the figures are from 2019 and the headline doesn't match the story.",
    "What a shit headline for a story about a child's death.",
]


@pytest.mark.parametrize(("text", "label"), HELD.items())
def test_ninth_round_forms_are_found_and_held(text, label):
    assert_found_and_held(text, label)


# Scored 0.90 by 2.15-news, over the 3% default's threshold (0.751): "find out where people live" is menace in its
# training data; no check holds it.
HELD_BY_THE_CLASSIFIER = frozenset([
    "Remember how easy it is to find out where people live these days: keep your address off your profile.",
    "I hope his family finds out what happened to him.",  # 0.75 by 2.16-news (threshold 0.741)
])


@pytest.mark.parametrize("text", BENIGN)
def test_their_benign_kin_publish(text):
    assert_published_unless_the_classifier_holds(text, HELD_BY_THE_CLASSIFIER)


@pytest.mark.parametrize("text", PROFANITY_AT_THE_ARTICLE)
def test_a_swear_word_at_the_article_is_no_profanity_finding(text):
    assert not profanity_found(text)


def test_a_swear_word_at_the_journalist_stays_a_finding():
    assert profanity_found("Shit journalist, shit paper.")
