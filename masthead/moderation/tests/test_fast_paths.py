"""The screening's shortcuts give what the plain computation gives (written for the speed work, not from data)."""

from __future__ import annotations

import hashlib
import re

from masthead.moderation import rules
from masthead.moderation.features import prepare, words
from masthead.moderation.normalise import normalise


def test_prepare_removes_retweet_marks_wiki_markup_and_digits():
    assert words(prepare("rt great point rt this")) == ["great", "point", "this"]
    assert words(prepare("smart art rt: x")) == ["smart", "art", "rt", "x"]  # "rt:" is not a retweet mark
    assert words(prepare("==history== see [[paris]] and {{cite}} ''bold'' ~~~~ 1999 ٣")) == [
        "history", "see", "paris", "and", "cite", "bold"]
    assert words(prepare("it's the writer's view")) == ["it's", "the", "writer's", "view"]


def test_body_hash_is_the_words_one_space_apart():
    text = normalise("  Hello,   world!! Same -- words\u2026 ").text
    compact = re.sub(r"\W+", " ", text).strip()
    assert rules.body_hash(text) == hashlib.sha256(compact.encode()).hexdigest()
    assert rules.body_hash("hello world") == rules.body_hash("hello, world!")


def test_profanity_quick_look_keeps_whole_word_matching():
    assert rules.profanity("what a fucking mess you made") is not None
    assert rules.profanity("you moron.") is not None
    assert rules.profanity("shitake and scunthorpe") is None
    assert rules.profanity("fuck2 fuck_up") is None  # not whole words, as before
