"""An insult the writer denies ("he isn't a fool", "nobody here is calling you an idiot") is published; the same
words with abuse left ("you're not stupid, you're a fucking moron", "not just stupid", "nothing but an idiot", "no
one is as stupid as you") stay held.

Written from general knowledge of news comments, not from any evaluation set. Measured through the whole pipeline
as a guest with earlier published comments (no first-comment review)."""

from __future__ import annotations

import pytest

from masthead.moderation.denied import undenied_text
from masthead.moderation.models import Action
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import assert_published_unless_the_classifier_holds, known_guest

pytestmark = pytest.mark.django_db

DENIED_INSULTS = [
    "You're not stupid, you're misinformed, and that is the paper's fault.",
    "He is no fool, whatever you think of his politics.",
    "He isn't a fool.",
    "Nobody here is calling you an idiot.",
    "I'm not saying the writer is a moron, just that the figures are wrong.",
    "She is not stupid, she simply had bad advice from her accountant.",
    "The coach is no idiot. He knows the squad is thin at the back.",
    "I don't think you're stupid, I think you were lied to like the rest of us.",
    "The voters are not idiots and they will see through this.",
    "I never said he was a fool, I said the deal was bad for the town.",
    "My neighbour isn't a moron, she just trusted the council's letter.",
    "People who disagree with me aren't stupid, they weigh things differently.",
    "Nobody is calling the referee an idiot, but the VAR review took six minutes.",
    "You are not an idiot for believing the headline; it was misleading.",
    "The farmers are not clowns, they have been asking for this for years.",
    "We are not calling the mayor a liar, we are asking for the receipts.",
    "Readers aren't morons and can tell when a story has been padded.",
]

# The same words with abuse left, a limiting negation, a comparison or an affirming frame: held.
ABUSIVE_KIN = [
    "you're not stupid, you're a fucking moron",
    "you're not just stupid, you're evil",
    "you're not even an idiot, you're worse",
    "no one is as stupid as you",
    "you are nothing but an idiot",
    "he's not a fool, he's a liar",
    "You're not stupid, are you?",
    "I'm not saying you're an idiot, but you act like one.",
    "Anyone who isn't an idiot can see you are lying.",
    "If you're not a moron you'll stop posting this rubbish.",
    "You're not an idiot, you're a complete moron.",
    "nobody is calling you an idiot, we are calling you a brainless troll",
    "you're not only stupid but you're ugly too",
    "you are not that stupid, you are dumber than that",
    "Not a fool, a liar and a coward.",
    "you're not a moron, you're a worthless piece of shit",
]


# Held by the classifier even without the denied word: 0.76 by 2.17-news, which learnt the tenth to twelfth rounds of
# comments written for Masthead, over the 3% default's threshold (0.741).
HELD_BY_THE_CLASSIFIER = frozenset([
    "People who disagree with me aren't stupid, they weigh things differently.",
])


@pytest.mark.parametrize("text", DENIED_INSULTS)
def test_denied_insults_are_published(text):
    assert_published_unless_the_classifier_holds(text, HELD_BY_THE_CLASSIFIER)


@pytest.mark.parametrize("text", ABUSIVE_KIN)
def test_abusive_kin_stay_held(text):
    decision = screen(text, known_guest())
    assert decision.action == Action.HOLD, (text, decision.normalised, decision.reasons, decision.scores)


def test_the_released_comment_keeps_both_scores():
    decision = screen(DENIED_INSULTS[0], known_guest())
    assert decision.scores["toxicity"] > decision.scores["toxicity_insults_denied"]


@pytest.mark.parametrize(("text", "copy"), [
    ("He isn't a fool.", "he isn't a ."),
    ("He is no fool, whatever you think of his politics.", "he is no , whatever you think of his politics."),
    ("Nobody here is calling you an idiot.", "nobody here is calling you an ."),
    ("I don't think you're stupid or ignorant.", "i don't think you're or ."),
    ("The judge is not a moron, whatever the tabloids say.", "the judge is not a , whatever the tabloids say."),
])
def test_the_copy_is_the_text_without_the_denied_words(text, copy):
    assert undenied_text(normalise(text).text) == copy


@pytest.mark.parametrize("text", [
    *ABUSIVE_KIN,
    "he's no genius",  # a denied positive word is an insult: not read
    "you are not a genius",
    "this policy is stupid",  # nothing denied
    "he is not stupid enough to be president, he is dumber than that",
])
def test_no_abusive_comment_has_a_denial_copy(text):
    assert undenied_text(normalise(text).text) is None


def test_the_sets_are_large_enough():
    assert len(set(DENIED_INSULTS)) == len(DENIED_INSULTS) >= 15
    assert len(set(ABUSIVE_KIN)) == len(ABUSIVE_KIN) >= 12
