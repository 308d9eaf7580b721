"""Feature extraction shared by training (scikit-learn, numpy) and inference (plain Python).

Both read the *normalised* text. ``prepare`` removes what tells one public data set from another rather than
abuse from civility (links, @mentions, retweet marks, HTML entities, wiki markup, digits), so a model cannot learn
a source's style instead of its toxicity. Words and word pairs carry meaning; character n-grams *of each word*
catch spellings the normaliser leaves (``fuk``, ``biatch``) and inflections the word vocabulary never saw.
"""

from __future__ import annotations

import html
import re
from itertools import pairwise

_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"@\w+")
_MARKUP = re.compile(r"(?:^|\s)rt(?=\s)|={2,}|~{3,}|\[\[|\]\]|\{\{|\}\}|''+|\d")
_WORD = re.compile(r"[a-z0-9']+|[!?]")
CHAR_SIZES = (3, 4, 5)


def prepare(normalised_text: str) -> str:
    text = html.unescape(normalised_text) if "&" in normalised_text else normalised_text
    if "/" in text or "www" in text:
        text = _URL.sub(" ", text)
    if "@" in text:
        text = _MENTION.sub(" ", text)
    return _MARKUP.sub(" ", text)


def words(text: str) -> list[str]:
    return [word for word in (token.strip("'") for token in _WORD.findall(text)) if word]


def word_features(text: str) -> list[str]:
    found = words(text)
    return found + [f"{a} {b}" for a, b in pairwise(found)]


def word_grams(word: str) -> list[str]:
    """Character 3-5-grams of one word, with a space marking its start and end."""
    padded = f" {word} "
    length = len(padded)
    return [padded[i : i + size] for size in CHAR_SIZES if size <= length for i in range(length - size + 1)]


def char_features(text: str) -> list[str]:
    """Format 1 models: the grams of every distinct word, pooled."""
    grams: list[str] = []
    for word in set(_WORD.findall(text)):
        grams.extend(word_grams(word))
    return grams
