"""Swearing aimed at no one (an oath that opens a sentence, a swear word that only intensifies praise or a thing),
a threat the writer reports and answers, and a rival club's fans taunted about a title race are published; the same
words aimed at a person stay held.

Written from general knowledge of news comments, not from any evaluation set. Measured through the whole pipeline
as a guest with earlier published comments (no first-comment review)."""

from __future__ import annotations

import pytest

from masthead.moderation.interject import uninterjected_text
from masthead.moderation.models import Action
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import known_guest

pytestmark = pytest.mark.django_db

INTERJECTIONS = [
    "Fuck me, 38 degrees in Yorkshire. Never thought I'd see the day.",
    "Holy shit, that final was tense.",
    "Bloody hell, another rail strike.",
    "For fuck's sake, the trains again.",
    "Shit! Forgot my ballot paper.",
    "What the fuck was that penalty decision?",
    "Fucking hell, what a goal.",
    "Oh shit, the polling station closes at ten and I'm still at work.",
    "Fuck. The library is closing after all.",
    "Holy fuck, that result in the by-election.",
    "FFS, the bins haven't been collected for three weeks.",
    "Well, fuck me. A budget that actually adds up.",
    "What the hell just happened in the second half?",
    "Jesus fucking Christ, the price of a pint in London now.",
    "Shit, I missed the deadline for the consultation. Is it still open?",
    "For fucks sake, another pothole on the ring road.",
]
# Delight and annoyance at things, with the "you" of thanks: the swear word intensifies, it aims at no one.
INTENSIFIED = [
    "Holy shit, the new bridge is finally open. Fucking great news for commuters.",
    "Fucking brilliant reporting, thank you.",
    "That's fucking incredible, what a goal.",
    "Fucking amazing turnout at the food bank drive this weekend.",
    "Oh my god, the lido is reopening. Fucking brilliant.",
    "Shit, that was close. Fucking magnificent save in the last minute.",
    "This fucking weather has ruined the fete again.",
    "Fucking superb photos of the harbour, thank you.",
    "Holy shit, a council that answers its emails. Fucking glorious.",
    "Thank you for this, fucking outstanding piece of journalism.",
    "Fix the bloody road, it's been there since Christmas and it's a fucking joke.",
    "The bus was forty minutes late again, this is an absolute fucking joke.",
]
INTENSIFIED_AT_PEOPLE = [
    "Fucking brilliant reporting, thank you, you moron.",
    "Fucking great, another fucking foreigner on the council.",
    "Fucking brilliant, you absolute idiot.",
    "Fucking amazing how thick you are.",
    "Thank you for nothing, you fucking useless hack.",
    "Fucking great news: the mayor is finally going to get what's coming to him, a bullet.",
    "Holy shit, fucking brilliant, now let's burn their mosque down.",
    "Fucking brilliant, the whore finally resigned.",
    "The mayor is a fucking joke.",
    "That man is a fucking joke.",
]
REPORTED_AND_ANSWERED = [
    "My sister is the nurse who was spat at. To the man who told her he'd slit her throat: the police have your "
    "details.",
    "To the thug who said he would shoot the referee - the club has banned you for life.",
    "The man who threatened to stab the bus driver: the CCTV has your face and the court has your name.",
]
RIVALRY = [
    "Spurs fans, enjoy second place while it lasts, we're coming for you. Good game though.",
    "Leeds fans, watch out, we're top of the table by Christmas.",
    "City fans, you're next. Three points on Saturday and the title race is back on.",
    "Enjoy the cup run, Villa fans, we're coming for you next season.",
]
AIMED_AT_PEOPLE = [
    "fuck off",
    "fuck you",
    "what the fuck is wrong with you",
    "holy shit you're thick",
    "fuck me, what an idiot the mayor is",
    "for fuck's sake, you people are vermin",
    "shit writer, shit paper",
    "fucking disgrace of a journalist",
    "fuck the police",
    "Holy shit, what a moron the councillor is.",
    "For fuck's sake, shut up and go back where you came from.",
    "Shit! The editor is a complete wanker.",
    "Bloody hell, you're a stupid cow.",
    "What the fuck is wrong with these people, they should all be shot.",
    "Fuck me, another paki running the council.",
    "Fuck. Your days are numbered.",
    "Fucking hell, the jews again.",
    "Holy shit, immigrants everywhere. Disgusting.",
]
THREATS_OF_THE_WRITER = [
    "To the man who told her he'd slit her throat: I'll find you",
    "To the man who said he would kill her: I'll be waiting for you.",
    "To the bloke who told her he'd stab her - we know where you live.",
    "He told her he'd slit her throat - and I'll slit yours.",
    "You told her you'd slit her throat: we know where you live.",
]
RIVALRY_AS_MENACE = [
    "Spurs fans, we're coming for you. Bring your knives, it won't be a game.",
    "City fans, we know where you live. You're next.",
    "Watch out, we're coming for you and your family.",
    "I'm coming for you, you little rat.",
]


@pytest.mark.parametrize("text", INTERJECTIONS + INTENSIFIED + REPORTED_AND_ANSWERED + RIVALRY)
def test_oaths_reported_threats_and_rivalry_are_published(text):
    decision = screen(text, known_guest())
    assert decision.action == Action.PUBLISH, (text, decision.normalised, decision.reasons, decision.scores)


@pytest.mark.parametrize("text", AIMED_AT_PEOPLE + INTENSIFIED_AT_PEOPLE + THREATS_OF_THE_WRITER + RIVALRY_AS_MENACE)
def test_the_same_words_aimed_at_people_stay_held(text):
    decision = screen(text, known_guest())
    assert decision.action == Action.HOLD, (text, decision.normalised, decision.reasons, decision.scores)


def test_a_swear_word_intensifying_praise_is_left_out_of_the_copy_the_classifier_rescores():
    text = normalise("Holy shit, a council that answers its emails. Fucking glorious.").text
    assert uninterjected_text(text) == "a council that answers its emails. glorious."
    assert uninterjected_text(normalise("Fucking glorious, you clown.").text) is None


def test_the_released_comment_keeps_both_scores():
    decision = screen("Holy fucking shit, that final was tense.", known_guest())
    assert decision.scores["toxicity"] > decision.scores["toxicity_interjections"]


@pytest.mark.parametrize("text", AIMED_AT_PEOPLE)
def test_no_person_aimed_comment_is_read_as_an_oath(text):
    assert uninterjected_text(normalise(text).text) is None


def test_the_sets_are_large_enough():
    published = INTERJECTIONS + INTENSIFIED + REPORTED_AND_ANSWERED + RIVALRY
    held = AIMED_AT_PEOPLE + INTENSIFIED_AT_PEOPLE + THREATS_OF_THE_WRITER + RIVALRY_AS_MENACE
    assert len(set(published)) == len(published) >= 20
    assert len(set(held)) == len(held) >= 15
