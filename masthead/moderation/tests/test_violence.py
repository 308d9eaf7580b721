"""Violence against a person read from any verb of physical harm (``violence.py``): its object, a modality
before it (intent, call, wish, imperative) or the passive with a person as subject; sport, business, argument and
reporting publish.

Written from general knowledge, not from any evaluation set. Each abusive line is checked to be found by
``violence.matches`` itself and held by the pipeline; each benign line is checked not to be found and (through the
whole pipeline, as a guest with earlier comments) to publish."""

from __future__ import annotations

import pytest

from masthead.moderation import violence
from masthead.moderation.models import Action
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import known_guest, marking_failures

pytestmark = pytest.mark.django_db

VIOLENT = [
    # The writer's intent.
    "I'm going to punch him in the face next time I see him.",
    "I'll stamp on your head if you come near my shop.",
    "Say that again and I will hurt you.",
    "We're gonna batter the lot of them.",
    "i'll glass you, you mug",
    "Next time he's in the pub I'm going to break his nose.",
    "I would happily strangle that presenter with his own microphone lead.",
    "Keep it up and I'll come round and smash your face in.",
    "imma stab u",
    # A call.
    "Someone should batter him.",
    "Somebody needs to knock his teeth out.",
    "Someone should take out the chancellor.",
    "Time somebody gave that reporter a good kicking.",
    "Why hasn't anyone punched this clown yet?",
    "Those protesters need to be kicked to death.",
    "The minister deserves to be beaten to a pulp.",
    "He needs a slap.",
    "That councillor could do with a smack in the mouth.",
    "Let's kick their heads in after the match.",
    # A wish.
    "hope someone smashes your skull in",
    "I hope he gets stabbed on the way home.",
    "Can't wait to see someone punch that smug presenter.",
    "Hoping somebody throttles the ref.",
    # An imperative.
    "Punch him in the face and see how funny he finds it.",
    "Round up the lot of them and beat them until they can't stand.",
    "Give him a beating he won't forget.",
    "Put a bullet in his head and be done with it.",
    # Verbs joined by "and" share their modal; calls through "for someone to"; a home, a car or windows; a
    # building burnt with people inside.
    "If he turns up I'm going to drag him outside and stamp on his face.",
    "Somebody should grab the editor after work and kick him senseless.",
    "The only answer is for someone to take out the prime minister.",
    "Post that again and I'll come round and put your windows through.",
    "Someone should torch his car while he sleeps.",
    "Burn the town hall down with the whole council locked inside.",
    # A passive joined to a modal, instruments of execution handed out, a mob sent with weapons, harm wished by
    # a force of nature or an illness, a particle that makes the verb violence, a person by trade.
    "The striking nurses should be hauled out of the ward and given a beating.",
    "Gallows for every one of these bankers.",
    "Time for the locals to go round there with pitchforks.",
    "I hope the next stroke finishes him off.",
    "Hope the tide sweeps her away.",
    "hope some1 bottles him",
    "String the singer up from the nearest tree.",
]

BENIGN = [
    "We beat them 3-0 on Saturday and we'll beat them again in the cup.",
    "I'm going to take her out to dinner for her birthday.",
    "Someone should take out the rubbish before the bin men come.",
    "I'll hit you up later about the tickets.",
    "He punched the officer twice, the court heard.",
    "The attacker stabbed him three times before police arrived.",
    "I'd never hurt anyone, I'm a pacifist.",
    "Nobody should hurt a child.",
    "This budget will hurt families on low incomes.",
    "We should attack the policy, not the person.",
    "I'm going to kill it at the interview tomorrow.",
    "The new rules will kill small businesses.",
    "Let's crush them in the election.",
    "We'll destroy them in the debate on Thursday.",
    "I could murder a curry.",
    "We knocked them out of the cup last year.",
    "Take him out for a pint, he deserves it.",
    "The police should arrest him and charge him with assault.",
    "The judge said the defendant had threatened to stab his neighbour.",
    "He said he would punch me, so I called the police.",
    "Don't hurt yourself lifting that.",
    "We should shoot the film in Yorkshire.",
    "She was beaten to death in 1998, and the case is still open.",
    "They should be beaten at the ballot box.",
    "Someone should slap a tax on sugar.",
    "I'd punch the air if we won.",
    "Let's knock on doors this weekend.",
    "She needs a punch of colour in that living room.",
    "The vaccine will make you feel rough for a day.",
    "The team needs a kick up the backside from the manager, tactically.",
    "Our striker will hit them on the break.",
    "I'll put your car in the garage while you're away.",
    "You should burn your old bank statements, not bin them.",
    "We need someone to take out the bins on Tuesdays.",
    "I'll be there and I'll knock on his door to ask about the planning application.",
    "The firefighters had to smash the windows to get the residents out.",
    "Paying someone to fix your windows is cheaper than you think.",
    "I'm going to go to the match and cheer them on.",
    "The club was given a hiding by the league leaders, 5-0.",
    "Ropes for the climbing wall arrive on Monday.",
    "We should go down there with a picnic and some bats for the kids' cricket.",
    "The sweeper swept them aside in the second half.",
    "I hope the new manager finishes the season strongly.",
    "I'd cut him off if he interrupted me like that on air.",
]


def _found(text: str) -> tuple[tuple[str, str, str], ...]:
    return violence.matches(normalise(text).text)


@pytest.mark.parametrize("text", VIOLENT)
def test_violence_is_read_from_the_verb_its_object_and_a_modality(text):
    assert _found(text), (text, normalise(text).text)
    assert screen(text, known_guest()).action == Action.HOLD


# Scored over the hold threshold by the classifier (2.8-news and 2.9-news); violence.py finds nothing in it.
HELD_BY_THE_CLASSIFIER = frozenset([
    "Someone should take out the rubbish before the bin men come.",
])


@pytest.mark.parametrize("text", marking_failures(BENIGN, HELD_BY_THE_CLASSIFIER, "held by the classifier"))
def test_sport_business_argument_and_reporting_publish(text):
    assert not _found(text), text
    decision = screen(text, known_guest())
    assert decision.action == Action.PUBLISH, (text, decision.reasons)


def test_every_inflection_of_a_verb_is_known():
    for form in ("stab", "stabs", "stabbed", "stabbing", "strangle", "strangles", "strangled", "strangling",
                 "punch", "punches", "punched", "punching", "break", "broke", "broken", "beaten"):
        assert form in violence.TRIGGERS, form


def test_a_stab_in_the_back_is_betrayal_not_violence():
    # The classifier and menace.py's call check still hold this one (noted in docs/moderation.md).
    assert not _found("I'll stab you in the back the moment it suits me, that's politics.")
