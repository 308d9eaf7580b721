"""Fragments the sentence grammar of the other checks did not read (``menace.py``, the block after "face like"):
a sentence that is nothing but an insult ("Genuinely talentless hack."), name-calling in the possessive ("that
clown's latest column"), and urging the reader to kill or harm themselves ("top yourself", "do us all a favour and
stop breathing", "go play in traffic").

Written from general knowledge, not from any evaluation set. Each abusive kin is found by the checks themselves
and held through the whole pipeline; benign kin that share the words (thing nouns, sport, idioms, reporting,
advice, a denial) publish and are found by none of the new checks."""

from __future__ import annotations

import pytest

from masthead.moderation import menace
from masthead.moderation.models import Action
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import assert_published_unless_the_classifier_holds, known_guest

pytestmark = pytest.mark.django_db

VERBLESS = [
    "Genuinely talentless hack.",
    "Sad, lonely little man.",
    "Absolute waste of oxygen.",
    "Pathetic paid shill.",
    "Utter clown. Nothing more to say.",
    "Total embarrassment of a journalist.",
    "What a grifter.",
    "Read it twice. Spineless, lying nonentity.",
    "Complete and utter fool.",
    "Such a hypocrite.",
    "An absolute disgrace of a human being.",
    "Shameless liar!",
    "Bitter old man.",
    "Another week, another column. Absolute nobody.",
    "What a snake.",
]
POSSESSIVE = [
    "Another column from this dimwit's keyboard. Drivel.",
    "That clown's latest column is the usual rubbish.",
    "Read the idiot's own words before defending him.",
    "Why does the paper keep printing this grifter's nonsense?",
]
SELF_HARM = [
    "Why don't you top yourself and spare us your opinions.",
    "Go neck yourself mate.",
    "Do us all a favour and stop breathing.",
    "Just off yourself already.",
    "Do the world a favour and jump off a bridge.",
    "Go play in traffic.",
    "Drink bleach, seriously.",
    "Nobody would notice if you were gone, so go on, end it.",
    "Do yourself in and save us all the bother.",
    "Walk into the sea, honestly.",
    "You should end yourself.",
    "Step in front of a train mate.",
    "Do everyone a favour and disappear forever.",
    "Do it, nobody would miss you if you were gone.",
    "Why not go drown yourself, nobody cares.",
]
BENIGN = [
    # Thing nouns and verdicts on events, not people.
    "Absolute scenes.",
    "Total disaster for the club.",
    "What a goal.",
    "Sad news.",
    "Utter madness from the council.",
    "Great piece.",
    "Absolute joke.",
    "Total disgrace.",
    "What a waste of a life, he was only nineteen.",
    "Absolutely nobody.",
    "Total sellout, tickets gone in an hour.",
    "Lonely old man found a friend in the library, lovely story.",
    "Poor little man, he was terrified of the fireworks.",
    "What a legend.",
    # Possessive idioms and titles.
    "A fool's errand, this whole inquiry.",
    "This clown's nose was red at the circus.",
    "The hack's fallout is still being measured by the bank.",
    # Urging words in reporting, advice, sport and idiom.
    "Do us all a favour and vote.",
    "Jump off a bridge into the river is a summer tradition here.",
    "The band's new song 'Jump' is great.",
    "Stop breathing in the fumes and open a window.",
    "Do us all a favour and jump ship to a better provider.",
    "Don't drink bleach, kids.",
    "The president suggested people could drink bleach.",
    "You shot yourself in the foot there.",
    "Do yourself a favour and read the article.",
    "Don't top yourself over a football result.",
    "He threw himself under a bus to save the child.",
    "Reggie Perrin walked into the sea.",
    "Kids shouldn't play in traffic.",
    "Nobody will notice if you were gone for a week, take the holiday.",
    "Do us all a favour and disappear from public life.",
]

# Not found by the new checks, but held by the lexicon's insult list for the word "idiot" itself (as before them).
NOT_FOUND = [
    "The Complete Idiot's Guide to Gardening was my first book.",
    "The village idiot's tale is a folk song.",
]

# Held by the classifier, not by a check: scored 0.76-0.79 by 2.13-news, which learnt the fourth round of comments
# written for Masthead, over the 3% default's threshold (0.746).
HELD_BY_THE_CLASSIFIER = frozenset([
    "Do us all a favour and jump ship to a better provider.",
    "Do us all a favour and disappear from public life.",
    # scored 0.75 by 2.16-news, which learnt the sixth to eighth rounds of comments written for Masthead, over the
    # 3% default's threshold (0.741)
    "Do us all a favour and vote.",
])

_NEW = {"urging self-harm"}


def _found(text: str) -> list[tuple[str, str, str]]:
    return list(menace.matches(normalise(text).text))


def _new_checks(text: str) -> list[str]:
    """What the block of new checks finds, each run on its own (the first match of a label hides later ones)."""
    normalised = normalise(text).text
    found = []
    for item in menace._CHECKS:
        if item.label not in _NEW and "talentless" not in item.pattern.pattern and \
                "errand" not in item.pattern.pattern:
            continue
        for match in item.pattern.finditer(normalised):
            if menace._allowed(item, normalised, match.start()) and not menace.framed(
                    "insult" if item.signal == "insult" else "threat", normalised, match.start(), match.end()):
                found.append(match.group(0))
                break
    return found


@pytest.mark.parametrize("text", VERBLESS + POSSESSIVE)
def test_a_verbless_or_possessive_insult_is_found_and_held(text):
    assert any(signal == "insult" for signal, _, _ in _found(text)), (text, normalise(text).text)
    assert _new_checks(text), text
    assert screen(text, known_guest()).action == Action.HOLD


@pytest.mark.parametrize("text", SELF_HARM)
def test_urging_self_harm_is_found_and_held(text):
    assert any(signal == "threat" for signal, _, _ in _found(text)), (text, normalise(text).text)
    assert _new_checks(text), text
    assert screen(text, known_guest()).action == Action.HOLD


@pytest.mark.parametrize("text", BENIGN)
def test_benign_kin_that_share_the_words_publish(text):
    assert not _new_checks(text), text
    assert_published_unless_the_classifier_holds(text, HELD_BY_THE_CLASSIFIER)


@pytest.mark.parametrize("text", NOT_FOUND)
def test_possessive_idioms_are_not_found_by_the_new_checks(text):
    assert not _new_checks(text), text
