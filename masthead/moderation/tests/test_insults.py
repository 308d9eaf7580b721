"""Insults with no swear word, read by their grammar (``menace.py``): a derogatory adjective said of the reader,
the same adjective with no one else to be about ("imagine being this dense"), a derogatory noun said of a person,
an insult noun as the form of address closing a sentence, the superlative, "shut your mouth", looks as an insult.

Written from general knowledge, not from any evaluation set. Each kind is checked to be found by the checks
themselves (the classifier may hold some anyway), and benign kin that share the words publish through the whole
pipeline."""

from __future__ import annotations

import pytest

from masthead.moderation import menace
from masthead.moderation.models import Action
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import known_guest, marking_failures

pytestmark = pytest.mark.django_db

INSULTS = [
    # A derogatory adjective said of the reader.
    "you're thick as a whale omelette mate",
    "You're so dense it's almost impressive.",
    "u r dumb",
    "You are genuinely brainless.",
    "Are you really this clueless, or is it an act?",
    "You're honestly pathetic, go outside.",
    "youre so gormless it hurts to read",
    "You're utterly spineless, just like your party.",
    # With no one else named, about the writer of a comment.
    "Imagine being this thick and posting it under your own name.",
    "How can anyone be this stupid in 2024?",
    "It must be exhausting being that dim.",
    "You can't seriously be this dumb.",
    # A derogatory noun said of a person.
    "The columnist is a brain-dead hack who should retire.",
    "He's an absolute moron and the whole town knows it.",
    "She is a bumbling, self-important buffoon.",
    "This reporter is a disgrace to the trade.",
    "They're a bunch of clowns but he is the biggest joke of all, he is a clown.",
    "The editor is a total joke.",
    # An insult noun closing a sentence as a form of address.
    "Go and read a book for once, loser.",
    "Sit down, clown!",
    "Nobody asked you, you absolute muppet.",
    "Keep typing, numpty...",
    # The superlative.
    "You are hands down the thickest person on this site.",
    "He's the most clueless politician I have ever seen.",
    # Silencing with a body word, and looks as an insult.
    "Shut your stupid mouth.",
    "shut ur gob",
    "Face like a slapped arse and the manners to match.",
]

BENIGN = [
    "You're thick-skinned, I'll give you that.",
    "You're too kind, the piece has its flaws.",
    "Are you really going to the meeting tomorrow?",
    "The hack who wrote the original claim has since apologised.",
    "Thanks for the reply, mate.",
    "Well said, Dave.",
    "Imagine being this close to a title and losing on penalties.",
    "How can anyone be this calm before a cup final?",
    "The shop down the road sells the best bread in the county.",
    "Shut your windows tonight, the storm is coming.",
    "She has a face like her grandmother's, everyone says so.",
    "They called the striker a clown last season; twenty goals later nobody is laughing.",
    "The thickest fog of the winter closed the airport.",
]
BENIGN = marking_failures(BENIGN, {"She has a face like her grandmother's, everyone says so."},
                          "held by the classifier: 2.10-news (the third round of written comments) scores it "
                          "0.86, just over the threshold (the insult checks pass it over)")
# Denied insults: the checks pass them over; the classifier still reads the insult word in some (noted in
# docs/moderation.md), so only the checks are asserted here.
DENIED = [
    "You're not stupid, you're misinformed, and that is the paper's fault.",
    "He is no fool, whatever you think of his politics.",
    "She is not an idiot, she is badly advised.",
    "You are not brainless and nobody here thinks so.",
]


def _insults_found(text: str) -> list[str]:
    return [matched for signal, _label, matched in menace.matches(normalise(text).text) if signal == "insult"]


@pytest.mark.parametrize("text", INSULTS)
def test_an_insult_without_a_swear_word_is_found_by_its_grammar(text):
    assert _insults_found(text), (text, normalise(text).text)
    assert screen(text, known_guest()).action == Action.HOLD


@pytest.mark.parametrize("text", BENIGN)
def test_benign_kin_that_share_the_words_publish(text):
    decision = screen(text, known_guest())
    assert not _insults_found(text), text
    assert decision.action == Action.PUBLISH, (text, decision.reasons)


@pytest.mark.parametrize("text", DENIED)
def test_a_denied_insult_is_not_found(text):
    assert not _insults_found(text), text
