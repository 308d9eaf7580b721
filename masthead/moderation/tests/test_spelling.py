"""Misspelt and run-together slurs, insults and dehumanising words are read as the lexicon's words and held; real
words one edit from them, names and figures of speech are published unchanged. Written from general knowledge of
how abuse is misspelt (a letter dropped, added or changed, two letters swapped, the spaces left out), not from any
evaluation set."""

from __future__ import annotations

import pytest

from masthead.moderation import spelling
from masthead.moderation.hate import signals
from masthead.moderation.models import Action
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import assert_published_unless_the_classifier_holds
from masthead.testing.moderation import regular

MISSPELT = [
    # (comment, what it reads as)
    ("you are an idoit", "you are an idiot"),  # two letters swapped
    ("what a stupd btich", "what a stupid bitch"),  # one dropped, the first two swapped
    ("shut up you fcuking retrad", "shut up you fucking retard"),
    ("you absolute mooron", "you absolute moron"),  # one added
    ("you pathetic losre", "you pathetic loser"),
    ("what a dikhead", "what a dickhead"),
    ("you are such a bastrad", "you are such a bastard"),
    ("go away you dirty whroe", "go away you dirty whore"),
    ("you imbecil", "you imbecile"),
    ("they are vermn, not humans", "they are vermin, not humans"),
    ("you are a scumbga", "you are a scumbag"),
    ("fuckingidiot", "fucking idiot"),  # run together
    ("youareanidiot!", "you are an idiot!"),
    ("shut up you stupidbitch", "shut up you stupid bitch"),
    ("you are a totalmoron", "you are a total moron"),
]


@pytest.mark.parametrize(("comment", "reading"), MISSPELT)
def test_misspelt_abuse_reads_as_the_lexicon_word(comment: str, reading: str) -> None:
    normalised = normalise(comment)
    assert normalised.text == reading
    assert normalised.changes & {"misspelt", "run-together"}
    assert normalised.disguised


@pytest.mark.django_db
@pytest.mark.parametrize("comment", [comment for comment, _ in MISSPELT])
def test_misspelt_abuse_is_held(comment: str) -> None:
    decision = screen(comment, regular())
    assert decision.action == Action.HOLD, (comment, decision.reasons)


def test_misspelt_insults_feed_the_structure_features() -> None:
    assert "insult" in signals(normalise("you are an idoit").text)
    assert "insult" not in signals(normalise("you are an idiom").text)
    assert "group_violence" in signals(normalise("they are vermn, not humans").text)


BENIGN = [
    # Real words one edit from a lexicon word ...
    "That idiom is older than the town itself.",
    "The garage sale raised money for the school.",
    "A birch fell across the road near the ditch and a witch costume was found in it.",
    "Laser surgery helped the loner who lives on the moor.",
    "The rapid bus lane is a reward for years of regard for cyclists.",
    "Where is the whole report, and whose figures are these?",
    "The fifth draft had a filthy typo.",
    "The therapist spoke to the council about trashcans and the whorehouse museum.",
    "A creepy creek runs past the crown court.",
    # ... names one edit from one ...
    "Niger's president met Mr Moran and Ms Morin in Prague.",
    "Professor Pusey and Kipling scholars disagree.",
    "Moroni and Mulder wrote about the Mormons.",
    # ... and figures of speech next to the ones the checks read.
    "This bill will kill small businesses.",
    "The scene should be shot at night.",
    "Beat them at the ballot box, not in the street.",
]


@pytest.mark.parametrize("comment", BENIGN)
def test_real_words_and_names_are_left_alone(comment: str) -> None:
    normalised = normalise(comment)
    assert normalised.text == comment.casefold()
    assert not normalised.changes & {"misspelt", "run-together"}


# Held by the classifier, not by a check: scored 0.75 by 2.13-news, which learnt the fourth round of comments
# written for Masthead, over the 3% default's threshold (0.746).
HELD_BY_THE_CLASSIFIER = frozenset(["Niger's president met Mr Moran and Ms Morin in Prague."])


@pytest.mark.django_db
@pytest.mark.parametrize("comment", BENIGN)
def test_benign_near_neighbours_are_published(comment: str) -> None:
    assert_published_unless_the_classifier_holds(comment, HELD_BY_THE_CLASSIFIER, regular())


@pytest.mark.parametrize(("word", "expected"), [
    ("idoit", "idiot"),  # swap
    ("idot", None),  # four letters: too short to read
    ("iddiot", "idiot"),  # added
    ("idiut", None),  # changed: only in a target of seven letters or more
    ("retatded", "retarded"),
    ("stuipd", "stupid"),  # swapped
    ("stupd", "stupid"),  # dropped
    ("diot", None),  # the first letter dropped
    ("ldiot", None),  # the first letter changed
    ("xidiot", None),  # a letter added before the first
    ("didiot", None),
    ("idiom", None),  # a real word
    ("idiot", None),  # the word itself: nothing to read
    ("trash", None),
    ("jerk", None),  # short words are not reached
    ("jrek", None),
    ("cnut", None),
])
def test_one_edit_from_a_long_target_keeping_the_first_letter(word: str, expected: str | None) -> None:
    assert spelling.misspelt(word) == expected


def test_only_long_abusive_words_are_targets() -> None:
    assert min(map(len, spelling.TARGETS)) >= spelling.MIN_LENGTH
    assert {"idiot", "moron", "bitch", "faggot", "nigger", "retard", "vermin", "scumbag"} <= spelling.TARGETS
    assert not {"piece", "waste", "cancer", "shoot", "killed", "jerk", "cunt"} & spelling.TARGETS


def test_the_index_is_symmetric_deletions_of_the_targets() -> None:
    # Every key is a target or a target with one letter (not the first) dropped, and leads back to it.
    for key, targets in spelling._INDEX.items():
        for target in targets:
            assert key == target or (len(key) == len(target) - 1 and spelling.one_edit(key, target))


def test_real_words_listed_are_ones_the_rules_would_reach() -> None:
    # The exclusion list holds no word the rules would leave anyway (each is one edit from a target, or splits).
    for word in spelling.REAL_WORDS:
        near = any(word in spelling.neighbours(target) for target in spelling.TARGETS)
        fused = (parts := spelling.segment_pieces(word)) is not None and len(parts) > 1
        assert near or fused, word


def test_readings_are_cached_per_word() -> None:
    spelling.READINGS.pop("btich", None)
    assert spelling.READINGS["btich"] == "bitch"
    assert "btich" in spelling.READINGS
    spelling.READINGS.pop("zzzqx", None)
    assert spelling.READINGS["zzzqx"] is None
    assert "zzzqx" in spelling.READINGS


def test_run_together_words_need_a_lexicon_word_and_only_known_words() -> None:
    assert spelling.unfused("fuckingidiot") == ["fucking", "idiot"]
    assert spelling.unfused("therapist") is None  # a word: not "the rapist"
    assert spelling.unfused("youareanangel") is None  # no lexicon word in it
    assert spelling.unfused("xyzidiotxyz") is None  # not made of known words
    assert spelling.unfused("idiots") is None  # too short, and a word
